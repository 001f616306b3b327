# SPDX-License-Identifier: EUPL-1.2
"""Writing the journal: drafts may change until signed; after that, only corrections."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case
from bistand.errors import DomainError
from bistand.journals.models import EntryKind, JournalEntry
from bistand.sent_once import create_once


class JournalError(DomainError):
    """A refused action in this part of casework."""


@transaction.atomic
def journal_entry_create(
    *,
    case: Case,
    text: str,
    author: User,
    kind: EntryKind = EntryKind.NOTE,
    sign: bool = False,
    submission_key: uuid.UUID | None = None,
    **sources: Any,
) -> JournalEntry:
    """A new entry; the same page's key from the same author is the entry already saved."""
    if not text.strip():
        raise JournalError("empty", _("Write the journal entry before you save it."))
    entry, created = create_once(
        JournalEntry,
        key=submission_key,
        by={"author": author},
        # A key from another case's page, or another entry's correction form, saves nothing.
        page={"case_id": case.pk, "corrects_id": getattr(sources.get("corrects"), "pk", None)},
        spent=JournalError(
            "key_spent", _("The journal entry was not saved. Please save it again.")
        ),
        create=lambda: JournalEntry.objects.create(
            case=case,
            kind=kind,
            text=text.strip(),
            author=author,
            signed_at=timezone.now() if sign else None,
            submission_key=submission_key,
            **sources,
        ),
    )
    if not created:
        return entry
    access_log_write(
        user=author,
        object_type="journal_entry",
        object_id=entry.pk,
        before=None,
        after={"case": str(case.pk), "kind": kind, "signed": sign},
    )
    return entry


@transaction.atomic
def journal_entry_update(*, entry: JournalEntry, text: str, acted_by: User) -> JournalEntry:
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.signed_at is not None:
        raise JournalError(
            "signed",
            _("A signed journal entry cannot be changed. Write a correction entry instead."),
        )
    if entry.author_id != acted_by.pk:
        raise JournalError("not_author", _("Only the author can change an unsigned entry."))
    before = entry.text
    entry.text = text.strip()
    entry.save(update_fields=["text", "updated_at"])
    access_log_write(
        user=acted_by,
        object_type="journal_entry",
        object_id=entry.pk,
        before={"text": before},
        after={"text": entry.text},
    )
    return entry


@transaction.atomic
def journal_entry_sign(*, entry: JournalEntry, acted_by: User) -> JournalEntry:
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.signed_at is None:
        if entry.author_id != acted_by.pk:
            raise JournalError("not_author", _("Only the author can sign the entry."))
        entry.signed_at = timezone.now()
        entry.save(update_fields=["signed_at", "updated_at"])
        access_log_write(
            user=acted_by,
            object_type="journal_entry",
            object_id=entry.pk,
            before={"signed": False},
            after={"signed": True},
        )
    return entry


def journal_correction_create(
    *, entry: JournalEntry, text: str, author: User, submission_key: uuid.UUID | None = None
) -> JournalEntry:
    """A signed correction that follows the entry it corrects; the original stays as it was. The
    same page's key from the same author is the correction already saved."""
    if not JournalEntry.objects.filter(pk=entry.pk, signed_at__isnull=False).exists():
        raise JournalError("unsigned", _("An unsigned entry is changed, not corrected."))
    return journal_entry_create(
        case=entry.case,
        text=text,
        author=author,
        kind=EntryKind.CORRECTION,
        sign=True,
        submission_key=submission_key,
        corrects=entry,
    )
