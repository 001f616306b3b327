# SPDX-License-Identifier: EUPL-1.2
"""Tell a person that something new is waiting, never what (no sensitive content leaves)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from bistand.integrations.notifications.base import SmsGateway
from bistand.people.models import Person


def notification_text() -> str:
    return _(
        "Something new is waiting for you in Bistånd, the e-service for economic aid. "
        "Log in to read it."
    )


def notify_something_new(*, person: Person) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        text = notification_text()
        if person.email:
            send_mail(_("New in Bistånd"), text, None, [person.email])
        if settings.USE_SMS and person.phone:
            gateway: SmsGateway = import_string(settings.BISTAND_SMS_BACKEND)()
            gateway.send(to=person.phone, text=text)


def notify_on_commit(*, person: Person) -> None:
    """Notify the person once the caller's transaction has committed.

    A mail server or SMS gateway that fails is logged and never turns what was already saved into
    an error page: the applicant would otherwise see a failure for a send that went through, and
    send again."""

    def notify_something_new_after_commit() -> None:  # named: Django logs a failure by this name
        notify_something_new(person=person)

    transaction.on_commit(notify_something_new_after_commit, robust=True)
