# SPDX-License-Identifier: EUPL-1.2
"""The notice that something new is waiting, sent by the task worker (`bistand db_worker`)."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from bistand.accounts.selectors import user_language
from bistand.audit.services import access_log_system_read
from bistand.integrations.notifications.delivery import (
    contact_code_deliver,
    notification_channels,
    notification_deliver,
)
from bistand.people.contact import confirmation_code, confirmation_pending
from bistand.people.models import ContactChannel, ContactConfirmation, Person

logger = logging.getLogger(__name__)


class NotificationDeliveryError(Exception):
    """Some channel refused the notice; what could be tried again has been queued."""


def _failure(error: Exception) -> str:
    """What went wrong, for the operator, without what an answer about the recipient may carry:
    the address. That someone is written to by social services is itself confidential. A
    connection that failed (an OSError that is not an SMTP answer) says why; an SMTP answer
    gives its code; anything else, its type alone."""
    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{kind} (SMTP {error.smtp_code})"
    if isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException):
        return f"{kind}: {error}"
    return kind


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
            notification_deliver(person=person, channel=ContactChannel(channel), language=language)
        except Exception as error:  # any failure is logged, and the channel tried again
            logger.error(  # no traceback: its messages may hold the address
                "notice by %s to person %s failed (attempt %d): %s",
                channel,
                person_id,
                attempt,
                _failure(error),
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


@task()
def contact_code_send(confirmation_id: str) -> None:
    """Send the code for an address the person gave, if it still waits for one. Not tried again
    on failure: the code is short-lived, and the page offers a new one."""
    row = ContactConfirmation.objects.select_related("person").filter(pk=confirmation_id).first()
    if row is None:
        return
    if confirmation_pending(row.person, ContactChannel(row.channel)) != row:
        logger.info("code %s not sent: replaced, confirmed or ended", confirmation_id)
        return
    access_log_system_read(
        process="contact_code_send", object_type="person", object_id=row.person_id
    )
    try:
        contact_code_deliver(
            confirmation=row,
            code=confirmation_code(row),
            minutes=settings.BISTAND_CONTACT_CODE_MINUTES,
            language=user_language(person=row.person),
        )
    except Exception as error:
        logger.error(
            "code by %s to person %s failed: %s", row.channel, row.person_id, _failure(error)
        )
        raise NotificationDeliveryError(f"{row.channel} failed") from None
