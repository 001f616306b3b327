# SPDX-License-Identifier: EUPL-1.2
"""The notice that something new is waiting, sent by the task worker (`bistand db_worker`)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from bistand.accounts.selectors import user_language
from bistand.audit.services import access_log_system_read
from bistand.integrations.notifications.delivery import (
    Channel,
    notification_channels,
    notification_deliver,
)
from bistand.people.models import Person

logger = logging.getLogger(__name__)


class NotificationDeliveryError(Exception):
    """Some channel refused the notice; what could be tried again has been queued."""


@task()
def notification_send(person_id: str, channels: list[str], attempt: int = 1) -> None:
    """Send the notice on each channel. A channel that fails is queued again, later, on its own,
    until BISTAND_NOTIFICATION_ATTEMPTS; the failure is logged and this run is marked failed."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None:  # disposed of since the notice was queued: nobody left to tell
        logger.info("notice to person %s dropped: the person is gone", person_id)
        return
    access_log_system_read(process="notification_send", object_type="person", object_id=person.pk)
    language = user_language(person=person)
    reachable = notification_channels(person)  # an address removed since is not tried
    failed: list[str] = []
    for channel in [c for c in channels if c in reachable]:
        try:
            notification_deliver(person=person, channel=Channel(channel), language=language)
        except Exception:
            logger.exception(
                "notice by %s to person %s failed (attempt %d)", channel, person_id, attempt
            )
            failed.append(channel)
    if not failed:
        return
    if attempt < settings.BISTAND_NOTIFICATION_ATTEMPTS:
        later = timezone.now() + timedelta(
            seconds=settings.BISTAND_NOTIFICATION_RETRY_SECONDS * attempt
        )
        notification_send.using(run_after=later).enqueue(person_id, failed, attempt + 1)
    raise NotificationDeliveryError(f"{', '.join(failed)} failed on attempt {attempt}")
