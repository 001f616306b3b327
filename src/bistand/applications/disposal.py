# SPDX-License-Identifier: EUPL-1.2
"""What never reached the authority is not kept (ADR 0036).

- **An unsent draft** is the applicant's own work in progress. It is deleted, with its
  documents, when the municipality's `draft_kept_days` have passed since it was last changed
  (an answer saved, a document added or taken back). The applicant sees the day on the draft
  and on My case, and is reminded before (`reminders.draft_reminders_send`). A sent application
  is never touched here: it is the authority's, kept or disposed of by the records rules
  (`bistand.cases.disposal`).
- **A file no record names**: an upload whose request failed after the file was written (the
  database rolled back, the disk did not). Nobody can open it and no disposal would find it, so
  it is removed once it is a day old; an upload still on its way is never that old.

Both are run daily by `bistand dispose_unsent`; every deletion leaves a system row in the access
log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from bistand.applications.models import Application, ApplicationStatus, Attachment
from bistand.applications.services import attachment_logged, municipality_current
from bistand.audit.services import access_log_system_write
from bistand.stored_files import file_delete_on_commit

DRAFTS_PROCESS = "dispose_unsent_drafts"
FILES_PROCESS = "dispose_unrecorded_files"
# How old a file without a record must be before it is removed: no upload takes a day.
UNRECORDED_FILE_AGE = timedelta(days=1)
_NAMES_PER_QUERY = 500


def draft_kept_until(application: Application, *, kept_days: int) -> date:
    """The last day an unsent draft is kept: `kept_days` after the day it was last changed.
    It is deleted by the first run after that day."""
    return timezone.localdate(application.updated_at) + timedelta(days=kept_days)


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def drafts_past_their_day(*, today: date) -> list[Application]:
    """Unsent drafts whose last day to keep was before `today`."""
    kept_days = municipality_current().draft_kept_days
    changed_before = start_of_day(today - timedelta(days=kept_days))
    return list(
        Application.objects.filter(
            status=ApplicationStatus.DRAFT, updated_at__lt=changed_before
        ).order_by("updated_at", "pk")
    )


def drafts_dispose(*, today: date) -> int:
    """Delete each draft past its day, with its documents, one transaction each. A draft sent
    or changed while the run was on its way is kept: the row is read again under its lock. The
    files leave the disk when their deletion is committed."""
    kept_days = municipality_current().draft_kept_days
    changed_before = start_of_day(today - timedelta(days=kept_days))
    disposed = 0
    for candidate in drafts_past_their_day(today=today):
        with transaction.atomic():
            draft = (
                Application.objects.select_for_update()
                .filter(
                    pk=candidate.pk,
                    status=ApplicationStatus.DRAFT,
                    updated_at__lt=changed_before,
                )
                .first()
            )
            if draft is None:
                continue
            _draft_delete(draft, kept_days=kept_days)
        disposed += 1
    return disposed


def _draft_delete(draft: Application, *, kept_days: int) -> None:
    attachments = list(draft.attachments.all())
    for attachment in attachments:
        access_log_system_write(
            process=DRAFTS_PROCESS,
            object_type="attachment",
            object_id=attachment.pk,
            before=attachment_logged(attachment),
            after=None,
        )
        file_delete_on_commit(attachment.file.storage, attachment.file.name)
        attachment.delete()
    access_log_system_write(
        process=DRAFTS_PROCESS,
        object_type="application",
        object_id=draft.pk,
        before={
            "status": draft.status,
            "kind": draft.kind,
            "month": draft.month.isoformat(),
            "documents": len(attachments),
            "kept_until": draft_kept_until(draft, kept_days=kept_days).isoformat(),
        },
        after=None,
    )
    draft.delete()


def _storage() -> Storage:
    """Where the attachments' files are: the storage their records name them in."""
    return Attachment._meta.get_field("file").storage


def _stored_names(folder: str = "") -> Iterator[str]:
    storage = _storage()
    if not folder and not storage.exists(""):  # nothing uploaded yet
        return
    folders, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _stored_names(f"{folder}/{sub}" if folder else sub)


def unrecorded_files(*, now: datetime) -> list[str]:
    """Files in the documents' storage that no attachment names and that are over a day old."""
    storage = _storage()
    older_than = now - UNRECORDED_FILE_AGE
    found: list[str] = []
    batch: list[str] = []

    def check(names: list[str]) -> None:
        recorded = set(Attachment.objects.filter(file__in=names).values_list("file", flat=True))
        found.extend(
            name
            for name in names
            if name not in recorded and storage.get_modified_time(name) < older_than
        )

    for name in _stored_names():
        batch.append(name)
        if len(batch) == _NAMES_PER_QUERY:
            check(batch)
            batch = []
    if batch:
        check(batch)
    return found


def unrecorded_files_remove(*, now: datetime) -> int:
    """Remove the files no record names, each with a system row in the access log."""
    storage = _storage()
    removed = 0
    for name in unrecorded_files(now=now):
        size = storage.size(name)
        with transaction.atomic():
            access_log_system_write(
                process=FILES_PROCESS,
                object_type="attachment_file",
                object_id=name,
                before={"size": size},
                after=None,
            )
            file_delete_on_commit(storage, name)
        removed += 1
    return removed


@dataclass(frozen=True)
class UnsentDisposal:
    drafts: int
    files: int


def unsent_dispose(*, today: date, now: datetime) -> UnsentDisposal:
    return UnsentDisposal(drafts_dispose(today=today), unrecorded_files_remove(now=now))
