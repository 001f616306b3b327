# SPDX-License-Identifier: EUPL-1.2
"""Writing applications: drafts saved at every step, idempotent submission, partner confirmation."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bistand.accounts.models import User
from bistand.applications.models import (
    WITHDRAWABLE_STATUSES,
    Application,
    ApplicationKind,
    ApplicationStatus,
    Attachment,
)
from bistand.applications.uploads import (
    UploadError,
    UploadErrorCode,
    check_upload,
    without_metadata,
)
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, Relation
from bistand.cases.services import case_open, responsible_case_id
from bistand.errors import DomainError
from bistand.integrations.notifications.services import notification_schedule
from bistand.journals.services import journal_entry_create
from bistand.organisations.models import Municipality, Unit
from bistand.people.models import Gender, Person
from bistand.people.validators import identity_number_clean
from bistand.stored_files import file_delete_on_commit


def municipality_current() -> Municipality:
    """The municipality this installation serves (the one with an intake unit, else the first)."""
    municipality = (
        Municipality.objects.filter(intake_unit__isnull=False).first()
        or Municipality.objects.first()
    )
    if municipality is None:
        raise LookupError("No municipality is configured.")
    return municipality


@transaction.atomic
def application_draft_create(
    *, user: User, kind: ApplicationKind, month: date, answers: dict[str, Any] | None = None
) -> Application:
    """The applicant's draft for `month`; an existing application for that month is returned."""
    assert user.person is not None  # noqa: S101 - the gate lets only applicants with a person here
    existing = (
        Application.objects.filter(applicant=user.person, month=month)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .first()
    )
    if existing is not None:
        return existing
    application = Application.objects.create(
        kind=kind,
        applicant=user.person,
        month=month,
        municipality=municipality_current(),
        answers=answers or {},
    )
    access_log_write(
        user=user,
        object_type="application",
        object_id=application.pk,
        before=None,
        after={"kind": kind, "month": month.isoformat()},
    )
    return application


@transaction.atomic
def application_step_save(
    *, application: Application, step: str, answers: dict[str, Any], acted_by: User
) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.DRAFT:
        return locked
    before = locked.answers.get(step)
    locked.answers = {**locked.answers, step: answers}
    if step == "household":
        locked.partner = _partner_person(answers.get("partner_identity_number") or "")
    if step == "needs":  # what the unit's waiting list looks for (ADR 0038)
        locked.urgent_need_stated = bool(answers.get("urgent_needs"))
    locked.save(update_fields=["answers", "partner", "urgent_need_stated", "updated_at"])
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=locked.pk,
        before={step: before},
        after={step: answers},
    )
    return locked


def _partner_person(identity_number: str) -> Person | None:
    if not identity_number:
        return None
    digits = identity_number_clean(identity_number).digits
    person = Person.objects.filter(identity_number=digits).first()
    if person is None:
        from bistand.accounts.services import applicant_user_for_identity_number

        person = applicant_user_for_identity_number(identity_number=digits).person
    return person


@transaction.atomic
def attachment_add(
    *, application: Application, content: bytes, original_name: str, kind: str, acted_by: User
) -> Attachment:
    """Store a checked document outside the web root; raises UploadError and stores nothing.

    The same file twice on one application (a double click, a retried upload, or chosen again)
    is refused as already added, naming the one that is there. An application holds at most
    BISTAND_ATTACHMENTS_PER_APPLICATION documents: uploads to one application wait for each
    other on its row, so two at once cannot pass the limit together."""
    checked = check_upload(
        content,
        max_bytes=settings.BISTAND_ATTACHMENT_MAX_BYTES,
        max_pixels=settings.BISTAND_ATTACHMENT_MAX_PIXELS,
    )
    # A photo is kept without where it was taken and by which phone (ADR 0037).
    content = without_metadata(content, checked.content_type)
    digest = hashlib.sha256(content).hexdigest()
    Application.objects.select_for_update().only("pk").get(pk=application.pk)
    _not_added_yet(application, digest)
    limit = settings.BISTAND_ATTACHMENTS_PER_APPLICATION
    if application.attachments.count() >= limit:
        raise UploadError(UploadErrorCode.TOO_MANY_DOCUMENTS, limit=limit)
    attachment = Attachment(
        application=application,
        kind=kind,
        original_name=original_name[:255],
        content_type=checked.content_type,
        size=len(content),
        sha256=digest,
        uploaded_by=acted_by,
    )
    attachment.file.save(f"{uuid.uuid4()}.{checked.extension}", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            attachment.save()
    except IntegrityError:  # the same file sent twice at once: the other request added it
        attachment.file.storage.delete(attachment.file.name or "")
        _not_added_yet(application, digest)
        raise
    # A change to the application: an unsent draft is kept counting from today (ADR 0036).
    Application.objects.filter(pk=application.pk).update(updated_at=timezone.now())
    access_log_write(
        user=acted_by,
        object_type="attachment",
        object_id=attachment.pk,
        before=None,
        after=attachment_logged(attachment),
    )
    return attachment


def _not_added_yet(application: Application, digest: str) -> None:
    same = application.attachments.filter(sha256=digest).first()
    if same is not None:
        raise UploadError(UploadErrorCode.ALREADY_ADDED, name=same.original_name)


def attachment_logged(attachment: Attachment) -> dict[str, Any]:
    """What the access log keeps of a document: never its name or content."""
    return {
        "application": str(attachment.application_id),
        "kind": attachment.kind,
        "content_type": attachment.content_type,
        "size": attachment.size,
    }


class AttachmentRemoveError(Exception):
    """The document is not the person's to take back: the application has been sent."""


@transaction.atomic
def attachment_remove(*, attachment: Attachment, acted_by: User) -> str:
    """The applicant takes back a document from their own draft, file and all, and gets its name.

    Once the application is sent, its documents have reached the authority and stay with it
    (allmänna handlingar, kept or disposed of by the municipality's rules, never by the sender).
    The file leaves the disk only when the removal is committed."""
    application = Application.objects.select_for_update().get(pk=attachment.application_id)
    if (
        application.status != ApplicationStatus.DRAFT
        or application.applicant_id != acted_by.person_id
    ):
        raise AttachmentRemoveError
    access_log_write(
        user=acted_by,
        object_type="attachment",
        object_id=attachment.pk,
        before=attachment_logged(attachment),
        after=None,
    )
    file_delete_on_commit(attachment.file.storage, attachment.file.name)
    attachment.delete()
    application.save(update_fields=["updated_at"])  # the draft is kept counting from today
    return attachment.original_name


def application_submit(
    *, application: Application, submission_key: uuid.UUID, acted_by: User
) -> Application:
    """Send the application once: a repeated key, a double click or a reload changes nothing.

    The send is one conditional UPDATE that only a draft passes: PostgreSQL re-checks
    `status = draft` under the row lock, so of two concurrent sends exactly one changes the row
    and the other reads what the first one did (docs/adr/0008). A key already spent on another
    application leaves the draft as it is. Only that UPDATE has a savepoint of its own; the rest
    joins the caller's transaction, so inside the access gate the gate's log row carries the
    change (docs/adr/0012)."""
    if application.status != ApplicationStatus.DRAFT:
        return application
    needs_partner = application.partner_id is not None and application.partner_confirmed_at is None
    case_id = None if needs_partner else _case_existing(application)
    if case_id is None and not needs_partner:
        # Refused before the transaction below: an error raised inside it would spoil the
        # caller's transaction, and with it the gate's log row.
        _intake_unit(application)
    with transaction.atomic(savepoint=False):
        now = timezone.now()
        status = ApplicationStatus.AWAITING_PARTNER if needs_partner else ApplicationStatus.RECEIVED
        try:
            with transaction.atomic():
                claimed = Application.objects.filter(
                    pk=application.pk, status=ApplicationStatus.DRAFT
                ).update(
                    status=status,
                    submission_key=submission_key,
                    submitted_at=now,
                    case_id=case_id,
                    updated_at=now,
                )
        except IntegrityError:
            claimed = 0  # the key is another application's: nothing is sent
        if not claimed:
            return Application.objects.get(pk=application.pk)
        application.status, application.case_id = status, case_id
        application.submission_key, application.submitted_at = submission_key, now
        application.updated_at = now
        if not needs_partner:
            if case_id is None:
                application.case = _case_new(application)
                application.save(update_fields=["case", "updated_at"])
            _received(application)
        access_log_write(
            user=acted_by,
            object_type="application",
            object_id=application.pk,
            before={"status": ApplicationStatus.DRAFT},
            after={"status": application.status, "submission_key": str(submission_key)},
        )
        return application


@transaction.atomic
def application_partner_confirm(*, application: Application, acted_by: User) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if (
        locked.status != ApplicationStatus.AWAITING_PARTNER
        or locked.partner_id != acted_by.person_id
    ):
        return locked
    locked.partner_confirmed_at = timezone.now()
    _receive(locked)
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=locked.pk,
        before={"status": ApplicationStatus.AWAITING_PARTNER},
        after={"status": locked.status, "partner_confirmed": True},
    )
    return locked


def _receive(application: Application) -> None:
    """The application reaches the municipality: into the applicant's case, or a new one."""
    application.status = ApplicationStatus.RECEIVED
    case_id = _case_existing(application)
    if case_id is None:
        application.case = _case_new(application)
    else:
        application.case_id = case_id
    application.save(
        update_fields=[
            "status",
            "case",
            "submission_key",
            "submitted_at",
            "partner_confirmed_at",
            "updated_at",
        ]
    )
    _received(application)


def _received(application: Application) -> None:
    """What follows receipt: the bank account given, and a notice that something new waits."""
    account = application.answers.get("consent", {}).get("bank_account")
    if account and application.applicant.iban != account:
        application.applicant.iban = account
        application.applicant.save(update_fields=["iban", "updated_at"])
    notification_schedule(person=application.applicant)


def _case_existing(application: Application) -> UUID | None:
    # One responsible unit per person: an adult of the household already active in an open case
    # brings the application to that case (the applicant's own first), never to a second one.
    for adult in (application.applicant_id, application.partner_id):
        case_id = responsible_case_id(adult) if adult is not None else None
        if case_id is not None:
            return case_id
    return None


def online_intake_closed_to(person_id: UUID | None) -> Municipality | None:
    """The municipality, when an application from this person would have nowhere to go: no open
    case of theirs, and no unit chosen to receive the municipality's e-applications."""
    if person_id is not None and responsible_case_id(person_id) is not None:
        return None
    municipality = municipality_current()
    return municipality if municipality.intake_unit_id is None else None


class IntakeUnitMissingError(DomainError):
    """No unit receives the municipality's e-applications, so a new household has nowhere to go."""


def _intake_unit(application: Application) -> Unit:
    municipality = application.municipality
    if municipality.intake_unit is None:
        raise IntakeUnitMissingError(
            "no_intake_unit",
            _(
                "Your application could not be sent, because %(municipality)s does not receive "
                "applications online yet. Everything you have written is saved. Please contact "
                "the social services to apply."
            )
            % {"municipality": municipality.name},
        )
    return municipality.intake_unit


def _case_new(application: Application) -> Case:
    """A new case at the intake unit for the household the application names."""
    unit = _intake_unit(application)
    household: list[tuple[Person, Relation]] = [(application.applicant, Relation.APPLICANT)]
    if application.partner is not None:
        household.append((application.partner, Relation.PARTNER))
    for child in application.answers.get("household", {}).get("children", []):
        person = Person.objects.filter(identity_number=child["identity_number"]).first()
        if person is None:
            person = _child_person(child)
        household.append((person, Relation.CHILD))
    applicant_user = User.objects.filter(person=application.applicant).first()
    assert applicant_user is not None  # noqa: S101 - the applicant is logged in
    return case_open(
        unit=unit, household=household, opened_on=timezone.localdate(), acted_by=applicant_user
    )


def _child_person(child: dict[str, Any]) -> Person:
    parsed = identity_number_clean(child["identity_number"])
    return Person.objects.create(
        identity_number=parsed.digits,
        first_name=child.get("first_name", ""),
        last_name="",
        gender=Gender.WOMAN if parsed.is_female else Gender.MAN,
    )


@transaction.atomic
def application_completion_request(
    *, application: Application, due: date, what: str, acted_by: User
) -> Application:
    """Ask the applicant to complete the application by `due` with `what` is needed, in words
    they will read on their case; the clock pauses meanwhile. Asked again, the days already
    paused stay paused (`completion_pause_next`)."""
    requested_on, paused_days = completion_pause_next(application, today=timezone.localdate())
    application.status = ApplicationStatus.NEEDS_COMPLETION
    application.completion_due = due
    application.completion_request = what.strip()
    application.completion_requested_on = requested_on
    application.completion_paused_days = paused_days
    application.completion_received_on = None
    application.completion_sent_at = None
    application.completion_note = ""
    application.completion_reminded_on = None  # a new request is reminded of anew
    application.save(
        update_fields=[
            "status",
            "completion_due",
            "completion_request",
            "completion_requested_on",
            "completion_paused_days",
            "completion_received_on",
            "completion_sent_at",
            "completion_note",
            "completion_reminded_on",
            "updated_at",
        ]
    )
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=application.pk,
        before=None,
        after={"status": application.status, "due": due.isoformat(), "what": what.strip()},
    )
    applicant = application.applicant
    notification_schedule(person=applicant)
    return application


def completion_pause_next(application: Application, *, today: date) -> tuple[date, int]:
    """Where a new request's pause starts, and the days paused before it.

    - Asked again while it is still the applicant's time (nothing sent, the day not passed):
      the pause goes on from the first request.
    - Otherwise that pause is over (`Application.completion_pause_end`: sent, received, or the
      day passed) and kept; a new one starts today."""
    requested = application.completion_requested_on
    paused = application.completion_paused_days
    if requested is None:
        return today, paused
    if application.completion_pause_end(today) is None:
        return requested, paused
    return today, paused + application.completion_days_paused(today)


class CompletionError(Exception):
    """The application is not waiting for this person's completion."""


@transaction.atomic
def application_completion_send(
    *, application: Application, note: str, acted_by: User
) -> Application:
    """The applicant says the completion is done (documents uploaded, and a note if they wish).
    Whether it is complete is the caseworker's assessment: the status stays until they say so."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if (
        locked.status != ApplicationStatus.NEEDS_COMPLETION
        or locked.applicant_id != acted_by.person_id
    ):
        raise CompletionError
    locked.completion_sent_at = timezone.now()
    locked.completion_note = note.strip()
    locked.save(update_fields=["completion_sent_at", "completion_note", "updated_at"])
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=locked.pk,
        before=None,
        after={"completion_sent_at": locked.completion_sent_at.isoformat()},
    )
    return locked


@transaction.atomic
def application_completion_received(*, application: Application, acted_by: User) -> Application:
    """The caseworker finds the application complete. The clock runs again from the day the
    applicant sent the completion, if they did: the days it waited for the unit are the unit's.
    The application goes back to where it was: being investigated once the first visit is held."""
    case = application.case
    application.status = (
        ApplicationStatus.INVESTIGATING
        if case is not None and case.first_visit_on is not None
        else ApplicationStatus.RECEIVED
    )
    sent = application.completion_sent_at
    application.completion_received_on = (
        timezone.localtime(sent).date() if sent else timezone.localdate()
    )
    application.save(update_fields=["status", "completion_received_on", "updated_at"])
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=application.pk,
        before={"status": ApplicationStatus.NEEDS_COMPLETION},
        after={"status": application.status},
    )
    return application


class WithdrawalError(Exception):
    """The application cannot be withdrawn, or written off, by this person now."""


@transaction.atomic
def application_withdraw(*, application: Application, reason: str, acted_by: User) -> Application:
    """The applicant takes back their sent application before it is decided (återkallelse).

    Nothing is decided on it after that; the unit sees it and a caseworker writes it off in the
    journal. A decided application cannot be withdrawn: a decision is changed by appeal or a new
    application."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status not in WITHDRAWABLE_STATUSES or locked.applicant_id != acted_by.person_id:
        raise WithdrawalError
    before = locked.status
    locked.status = ApplicationStatus.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.withdrawal_reason = reason.strip()
    locked.save(update_fields=["status", "withdrawn_at", "withdrawal_reason", "updated_at"])
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=locked.pk,
        before={"status": before},
        after={"status": locked.status, "reason": locked.withdrawal_reason},
    )
    if locked.partner is not None:  # they applied together: the partner is told, nothing more
        notification_schedule(person=locked.partner)
    return locked


@transaction.atomic
def application_write_off(*, application: Application, acted_by: User) -> Application:
    """A caseworker writes off a withdrawn application (avskrivning): a signed journal entry
    in the caseworker's name says when the applicant withdrew it, and why if they said."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if (
        locked.status != ApplicationStatus.WITHDRAWN
        or locked.written_off_at is not None
        or locked.case is None
        or locked.withdrawn_at is None
    ):
        raise WithdrawalError
    locked.written_off_at = timezone.now()
    locked.written_off_by = acted_by
    locked.save(update_fields=["written_off_at", "written_off_by", "updated_at"])
    with translation.override(settings.LANGUAGE_CODE):  # the journal is kept in Swedish
        text = _(
            "The application for %(month)s was withdrawn by the applicant on %(date)s. "
            "It is written off without a decision."
        ) % {
            "month": date_format(locked.month, "F Y"),
            "date": timezone.localtime(locked.withdrawn_at).date().isoformat(),
        }
        if locked.withdrawal_reason:
            text += "\n" + _("The applicant's reason: %(reason)s") % {
                "reason": locked.withdrawal_reason
            }
    _journalled(locked, text, acted_by, before={"written_off": False}, after={"written_off": True})
    return locked


def _journalled(
    application: Application,
    text: str,
    acted_by: User,
    *,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """What the caseworker did with the application: a signed journal entry in their name, and
    the change in the access log."""
    assert application.case is not None  # noqa: S101 - only a received application is journalled
    journal_entry_create(case=application.case, text=text, author=acted_by, sign=True)
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=application.pk,
        before=before,
        after=after,
    )


@transaction.atomic
def application_draft_discard(*, application: Application, acted_by: User) -> None:
    """The applicant throws away a draft they no longer want, with its documents: a draft has
    not reached the authority. The files leave the disk when the removal is committed."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.DRAFT or locked.applicant_id != acted_by.person_id:
        raise WithdrawalError
    for attachment in list(locked.attachments.all()):
        attachment_remove(attachment=attachment, acted_by=acted_by)
    access_log_write(
        user=acted_by,
        object_type="application",
        object_id=locked.pk,
        before={"status": locked.status, "kind": locked.kind, "month": locked.month.isoformat()},
        after=None,
    )
    locked.delete()


class UrgentNeedError(DomainError):
    """The urgent need cannot be recorded as assessed: none was stated, or it already is."""


@transaction.atomic
def application_urgent_need_assess(
    *, application: Application, assessment: str, acted_by: User
) -> Application:
    """A caseworker records that the urgent need the applicant stated was assessed, and how
    (ADR 0038): a signed journal entry in their name, with what the applicant said they lacked
    and the assessment in the caseworker's words. The system does not decide the need; it only
    stops putting the application first in the queue."""
    if not assessment.strip():
        raise UrgentNeedError(
            "empty", _("Write how the urgent need was assessed, and what was done.")
        )
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not locked.urgent_need_waiting or locked.case is None:
        raise UrgentNeedError(
            "not_waiting", _("This application has no urgent need waiting to be assessed.")
        )
    locked.urgent_need_assessed_at = timezone.now()
    locked.urgent_need_assessed_by = acted_by
    locked.save(update_fields=["urgent_need_assessed_at", "urgent_need_assessed_by", "updated_at"])
    with translation.override(settings.LANGUAGE_CODE):  # the journal is kept in Swedish
        needs = ", ".join(need.lower() for need in locked.urgent_needs_named())
        text = _(
            "Urgent need assessed. In the application for %(month)s, sent on %(sent)s, the "
            "applicant said they lacked today: %(needs)s."
        ) % {
            "month": date_format(locked.month, "F Y"),
            "sent": timezone.localtime(locked.submitted_at).strftime("%Y-%m-%d %H:%M"),
            "needs": needs,
        }
        said = (locked.answers.get("needs", {}).get("urgent_text") or "").strip()
        if said:
            text += "\n" + _("In their words: %(text)s") % {"text": said}
        text += "\n" + _("Assessment: %(text)s") % {"text": assessment.strip()}
    _journalled(
        locked,
        text,
        acted_by,
        before={"urgent_need_assessed_at": None},
        after={"urgent_need_assessed_at": locked.urgent_need_assessed_at.isoformat()},
    )
    return locked
