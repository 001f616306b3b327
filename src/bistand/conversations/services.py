# SPDX-License-Identifier: EUPL-1.2

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bistand.accounts.models import STAFF_ROLES, User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, Relation
from bistand.conversations.models import SecureMessage
from bistand.errors import DomainError
from bistand.integrations.notifications.services import notification_schedule
from bistand.journals.models import EntryKind
from bistand.journals.services import journal_entry_create
from bistand.sent_once import create_once


class MessageKeySpentError(DomainError):
    """The page's key already sent a message to another case: a copied or replayed form."""


@transaction.atomic
def secure_message_send(
    *, case: Case, body: str, sender: User, submission_key: uuid.UUID | None = None
) -> SecureMessage:
    """Send once per page: the same key from the same sender is the message already sent."""
    from_staff = sender.role in STAFF_ROLES
    message, created = create_once(
        SecureMessage,
        key=submission_key,
        by={"sender": sender},
        page={"case_id": case.pk},
        spent=MessageKeySpentError(
            "key_spent", _("Your message was not sent. Please send it again.")
        ),
        create=lambda: SecureMessage.objects.create(
            case=case,
            sender=sender,
            body=body,
            from_staff=from_staff,
            submission_key=submission_key,
        ),
    )
    if not created:
        return message
    access_log_write(
        user=sender,
        object_type="secure_message",
        object_id=message.pk,
        before=None,
        after={"case": str(case.pk), "from_staff": from_staff, "length": len(body)},
    )
    if from_staff:
        adults = case.members.filter(relation__in=[Relation.APPLICANT, Relation.PARTNER])
        for member in adults.select_related("person"):
            notification_schedule(person=member.person)
    return message


@transaction.atomic
def secure_messages_mark_read(*, messages: list[SecureMessage], reader: User) -> None:
    """The messages from the other side are read: a caseworker's by the applicant (or partner),
    an applicant's by the unit. The reading itself is in the access log (the page's row)."""
    reader_is_staff = reader.role in STAFF_ROLES
    unread = [m.pk for m in messages if m.from_staff != reader_is_staff and m.read_at is None]
    if unread:
        SecureMessage.objects.filter(pk__in=unread).update(read_at=timezone.now())


@transaction.atomic
def secure_message_file_to_journal(*, message: SecureMessage, filed_by: User) -> SecureMessage:
    """File the message as a signed entry in the case's journal."""
    if message.filed_to_journal_at is None:
        message.filed_to_journal_at = timezone.now()
        message.filed_by = filed_by
        message.save(update_fields=["filed_to_journal_at", "filed_by"])
        journal_entry_create(
            case=message.case,
            text=message.body,
            author=filed_by,
            kind=EntryKind.MESSAGE,
            sign=True,
            source_message=message,
        )
        access_log_write(
            user=filed_by,
            object_type="secure_message",
            object_id=message.pk,
            before={"filed_to_journal": False},
            after={"filed_to_journal": True},
        )
    return message
