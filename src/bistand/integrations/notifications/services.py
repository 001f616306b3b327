# SPDX-License-Identifier: EUPL-1.2
"""Tell a person that something new is waiting, never what (no sensitive content leaves)."""

from bistand.integrations.notifications.delivery import notification_channels
from bistand.integrations.notifications.tasks import notification_send
from bistand.people.models import Person


def notification_schedule(*, person: Person) -> None:
    """Queue the notice in the caller's transaction (ADR 0013).

    It is a row beside the write that caused it: rolled back, the notice never leaves; committed,
    the worker sends it. The request never waits for a mail server or an SMS gateway, and one
    that is down turns nothing already saved into an error page."""
    channels = notification_channels(person)
    if channels:
        notification_send.enqueue(str(person.pk), [str(channel) for channel in channels])
