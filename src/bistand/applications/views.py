# SPDX-License-Identifier: EUPL-1.2
"""The applicant's side: my case, the step-by-step application, documents, sending, confirming."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bistand.about.services import social_services_contact
from bistand.accounts.models import User
from bistand.appeals.selectors import appeals_by_decision
from bistand.applications.contact_views import contact_waiting, notified_by
from bistand.applications.disposal import draft_kept_until
from bistand.applications.forms import (
    MONTHLY_NOT_CARRIED,
    STEP_FORMS,
    STEP_TITLES,
    AttachmentForm,
    CompletionForm,
    SubmitForm,
    WithdrawalForm,
    child_formset,
    steps_for,
)
from bistand.applications.models import (
    WITHDRAWABLE_STATUSES,
    Application,
    ApplicationKind,
    ApplicationStatus,
    Attachment,
)
from bistand.applications.selectors import applications_of, latest_submitted_application
from bistand.applications.services import (
    AttachmentRemoveError,
    CompletionError,
    IntakeUnitMissingError,
    WithdrawalError,
    application_completion_send,
    application_draft_create,
    application_draft_discard,
    application_partner_confirm,
    application_step_save,
    application_submit,
    application_withdraw,
    attachment_add,
    attachment_remove,
    municipality_current,
    online_intake_closed_to,
)
from bistand.applications.summary import answers_summary
from bistand.applications.uploads import UploadError, UploadErrorCode, check_size
from bistand.applications.windows import months_open_for_application, next_reapplication_window
from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import CaseStatus
from bistand.conversations.selectors import applicant_cases, unread_count
from bistand.decisions.selectors import decision_queryset_visible
from bistand.organisations.models import Unit
from bistand.payments.selectors import payments_without_account

UPLOAD_MESSAGES = {
    UploadErrorCode.EMPTY: gettext_lazy("The file is empty. Choose the file again."),
    UploadErrorCode.TOO_LARGE: gettext_lazy(
        "The file is larger than %(max_mb)s MB. Make it smaller or take a "
        "new photo with lower resolution."
    ),
    UploadErrorCode.UNSUPPORTED_TYPE: gettext_lazy(
        "We can only receive PDF, JPG and PNG files. This file is "
        "something else, whatever its name says."
    ),
    UploadErrorCode.BROKEN_PDF: gettext_lazy(
        "The file is called PDF but cannot be opened as one. Save it as PDF "
        "again or take a photo of the document."
    ),
    UploadErrorCode.LOCKED_PDF: gettext_lazy(
        "The PDF is locked with a password, so your caseworker cannot open it. Save it again "
        "without a password, or take a photo of the document."
    ),
    UploadErrorCode.BROKEN_IMAGE: gettext_lazy(
        "The picture cannot be opened. Take a new photo and try again."
    ),
    UploadErrorCode.TOO_MANY_PIXELS: gettext_lazy(
        "The picture is too large to open: it has more than %(max_megapixels)s million "
        "pixels. Take a new photo with lower resolution."
    ),
    UploadErrorCode.ALREADY_ADDED: gettext_lazy(
        "This file is already added, as %(name)s. You do not need to upload it again."
    ),
    UploadErrorCode.TOO_MANY_DOCUMENTS: gettext_lazy(
        "This application already has %(limit)s documents, the most it can hold. Put several "
        "pages in one PDF, or write to your caseworker about what is missing."
    ),
}


def _window_days() -> dict[str, int]:
    municipality = municipality_current()
    return {
        "opens_day": municipality.reapplication_opens_day,
        "closes_day": municipality.reapplication_closes_day,
    }


def _months_open() -> list[Any]:
    return months_open_for_application(timezone.localdate(), **_window_days())


@access_checked(audience=Audience.APPLICANT, object_type="my_case")
def my_case(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    user = request.user
    applications = list(applications_of(user=user))
    mine = [a for a in applications if a.applicant_id == user.person_id]
    to_confirm = [
        a
        for a in applications
        if a.partner_id == user.person_id and a.status == ApplicationStatus.AWAITING_PARTNER
    ]
    latest = latest_submitted_application(user=user)
    # A withdrawn application leaves its month open to apply for again.
    applied_months = {a.month for a in mine if a.status != ApplicationStatus.WITHDRAWN}
    monthly_months: list[Any] = []
    next_window = None
    if latest:
        days, today = _window_days(), timezone.localdate()
        open_months = months_open_for_application(today, **days)
        monthly_months = [m for m in open_months if m not in applied_months]
        if not monthly_months:  # say when the next one opens
            next_window = next_reapplication_window(
                today, applied=frozenset(applied_months), **days
            )
    decisions = list(decision_queryset_visible(user=user))
    appeals = appeals_by_decision(user=user, decision_ids=[d.pk for d in decisions])
    for decision in decisions:  # the person's own appeal of each, if any
        decision.my_appeal = appeals.get(decision.pk)  # type: ignore[attr-defined]
    # What the person has to do, first on the page: a notice says only that something is
    # waiting, so the page they land on says what, most urgent first.
    to_complete = [
        a
        for a in mine
        if a.status == ApplicationStatus.NEEDS_COMPLETION and a.completion_sent_at is None
    ]
    # A granted month that cannot be paid: nothing else would tell the household why.
    unpayable = payments_without_account(decision_ids=[d.pk for d in decisions])
    drafts = [a for a in mine if _editable(a, user)]
    if drafts:
        kept_days = municipality_current().draft_kept_days
        for draft in drafts:  # the last day each is kept, unsent (ADR 0036)
            draft.kept_until = draft_kept_until(draft, kept_days=kept_days)  # type: ignore[attr-defined]
    unread = unread_count(user=user)
    contact_pending = contact_waiting(user)
    responsible_unit = _responsible_unit(user)
    return render(
        request,
        "applications/my_case.html",
        {
            "responsible_unit": responsible_unit,
            "contact": social_services_contact(responsible_unit),
            # An urgent need stated and not yet assessed: whom to call today, first (ADR 0038).
            "urgent_open": any(a.urgent_need_open for a in mine),
            "applications": mine,
            "to_complete": sorted(to_complete, key=lambda a: a.completion_due or a.month),
            "to_confirm": to_confirm,
            "unpayable": unpayable,
            "drafts": drafts,
            "can_start_first": not applied_months,
            "monthly_months": monthly_months,
            "next_window": next_window,
            "unread": unread,
            "notified_by": notified_by(user),
            "contact_pending": contact_pending,
            "decisions": decisions,
            "nothing_to_do": not (
                to_complete
                or to_confirm
                or unpayable
                or drafts
                or unread
                or contact_pending
                or monthly_months
                or not applied_months
            ),
        },
    )


def _responsible_unit(user: User) -> Unit | None:
    """The unit that handles the person's open case (ärendeansvar; ADR 0035), if any."""
    responsible = (
        applicant_cases(user=user)
        .filter(status=CaseStatus.OPEN)
        .select_related("unit__committee")
        .order_by("-opened_on")
        .first()
    )
    return responsible.unit if responsible else None


@access_checked(audience=Audience.APPLICANT, object_type="application_start")
def application_start(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    """GET explains; POST creates the draft (or returns the one already there)."""
    if request.method == "POST":
        month = timezone.localdate().replace(day=1)
        kind = ApplicationKind.FIRST
        if latest_submitted_application(user=request.user) is not None:
            months = [
                m
                for m in _months_open()
                if not Application.objects.filter(applicant_id=request.user.person_id, month=m)
                .exclude(status=ApplicationStatus.WITHDRAWN)
                .exists()
            ]
            if not months:
                messages.info(request, _("The monthly application is not open right now."))
                return redirect("applications:my-case")
            month, kind = months[0], ApplicationKind.MONTHLY
        application = _draft_for(request.user, kind, month)
        return redirect(
            "applications:step",
            application_id=application.pk,
            step=steps_for(application.kind, application.answers)[0],
        )
    return render(
        request,
        "applications/start.html",
        {"intake_closed": online_intake_closed_to(request.user.person_id)},
    )


def _draft_for(user: User, kind: ApplicationKind, month: Any) -> Application:
    answers: dict[str, Any] = {}
    if kind == ApplicationKind.MONTHLY:
        previous = latest_submitted_application(user=user)
        if previous is not None:
            # Start from what is already known, but not from last month's consent or needs.
            answers = {
                key: value
                for key, value in previous.answers.items()
                if key not in MONTHLY_NOT_CARRIED
            }
    return application_draft_create(user=user, kind=kind, month=month, answers=answers)


def _editable(application: Application, user: User) -> bool:
    return (
        application.status == ApplicationStatus.DRAFT and application.applicant_id == user.person_id
    )


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_step(
    request: AuthenticatedRequest, application: Application, application_id: str, step: str
) -> HttpResponse:
    steps = steps_for(application.kind, application.answers)
    if step not in steps or step == "documents" or not _editable(application, request.user):
        if step == "documents":
            return redirect("applications:documents", application_id=application.pk)
        return redirect("applications:overview", application_id=application.pk)
    form_class = STEP_FORMS[step]
    saved = application.answers.get(step, {})
    data = request.POST if request.method == "POST" else None
    form = form_class(data, initial=saved, prefix=None)
    formset = None
    if step == "household":
        formset = child_formset(data, initial=saved.get("children", []))
    if request.method == "POST":
        valid = form.is_valid() and (formset is None or formset.is_valid())
        if valid:
            answers = form.answers()
            if formset is not None:
                answers["children"] = [
                    {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
                    for f in formset.forms
                    if f.cleaned_data and not f.cleaned_data.get("DELETE")
                ]
            application = application_step_save(
                application=application, step=step, answers=answers, acted_by=request.user
            )
            if "add_child" in request.POST:
                return redirect(f"{request.path}?children={len(answers.get('children', [])) + 1}")
            steps = steps_for(application.kind, application.answers)
            following = steps[steps.index(step) + 1] if steps.index(step) + 1 < len(steps) else None
            if "save_and_exit" in request.POST:
                messages.success(request, _("Your answers are saved. You can continue later."))
                return redirect("applications:my-case")
            if following is None:
                return redirect("applications:send", application_id=application.pk)
            return redirect("applications:step", application_id=application.pk, step=following)
    elif formset is not None and request.GET.get("children", "").isdigit():
        extra = max(0, int(request.GET["children"]) - len(saved.get("children", [])))
        formset = child_formset(initial=saved.get("children", []), extra=extra)
    return render(
        request,
        "applications/step.html",
        {
            "application": application,
            "form": form,
            "formset": formset,
            "step": step,
            "title": STEP_TITLES[step],
            # The page that asks about an urgent need says first whom to call (ADR 0038).
            "contact": social_services_contact(_responsible_unit(request.user))
            if step == "needs"
            else None,
            **_progress(application, step),
        },
    )


def _progress(application: Application, current: str) -> dict[str, Any]:
    steps = steps_for(application.kind, application.answers)
    return {
        "steps": [
            {
                "key": s,
                "title": STEP_TITLES[s],
                "done": s in application.answers
                or (s == "documents" and application.attachments.exists()),
                "current": s == current,
            }
            for s in steps
        ],
        "step_number": steps.index(current) + 1 if current in steps else len(steps),
        "step_count": len(steps),
    }


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_overview(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    return render(
        request,
        "applications/overview.html",
        {**_overview_context(application, request.user), "completion_form": CompletionForm()},
    )


def _draft_kept_until(application: Application, user: User) -> date | None:
    """The last day the applicant's own unsent draft is kept (ADR 0036); None for the rest."""
    if not _editable(application, user):
        return None
    return draft_kept_until(application, kept_days=municipality_current().draft_kept_days)


def _overview_context(application: Application, user: User) -> dict[str, Any]:
    return {
        "application": application,
        "draft_kept_until": _draft_kept_until(application, user),
        "attachments": application.attachments.all(),
        "editable": _editable(application, user),
        "first_step": steps_for(application.kind, application.answers)[0],
        "summary": answers_summary(application),
        "to_complete": application.status == ApplicationStatus.NEEDS_COMPLETION
        and application.applicant_id == user.person_id,
        "withdrawable": _withdrawable(application, user),
        # A joint application is the sender's to withdraw; the partner is told whom to ask.
        "partner_may_ask": application.status in WITHDRAWABLE_STATUSES
        and application.partner_id == user.person_id,
    }


def _withdrawable(application: Application, user: User) -> bool:
    return (
        application.status in WITHDRAWABLE_STATUSES and application.applicant_id == user.person_id
    )


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_withdrawal(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    """The applicant takes an application back: a sent one before it is decided (withdrawn, and
    kept), a draft at any time (thrown away). GET says what it means; POST does it."""
    own = application.applicant_id == request.user.person_id
    draft = _editable(application, request.user)  # the applicant's own draft: thrown away
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and draft:
        try:
            application_draft_discard(application=application, acted_by=request.user)
        except WithdrawalError:
            messages.error(request, _("This application can no longer be withdrawn."))
            return redirect("applications:overview", application_id=application.pk)
        messages.success(
            request,
            _("Your draft for %(month)s is thrown away.")
            % {"month": date_format(application.month, "F Y")},
        )
        return redirect("applications:my-case")
    if request.method == "POST" and not own:
        messages.error(request, _("Only the person who sent the application can withdraw it."))
        return redirect("applications:overview", application_id=application.pk)
    if request.method == "POST" and form.is_valid():
        try:
            application_withdraw(
                application=application, reason=form.cleaned_data["reason"], acted_by=request.user
            )
        except WithdrawalError:
            messages.error(request, _("This application can no longer be withdrawn."))
        else:
            messages.success(
                request,
                _("Your application for %(month)s is withdrawn. Nothing will be decided on it.")
                % {"month": date_format(application.month, "F Y")},
            )
        return redirect("applications:overview", application_id=application.pk)
    return render(
        request,
        "applications/withdraw.html",
        {
            "application": application,
            "form": form,
            "draft": draft,
            "own": own,
            "withdrawable": _withdrawable(application, request.user),
        },
    )


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_complete(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    """The applicant sends the completion the caseworker asked for: the documents are uploaded
    on the documents page, and a note may go with it."""
    if request.method == "POST":
        form = CompletionForm(request.POST)
        if form.is_valid():
            try:
                application_completion_send(
                    application=application,
                    note=form.cleaned_data["note"],
                    acted_by=request.user,
                )
            except CompletionError:
                messages.error(request, _("This application is not waiting for a completion."))
            else:
                messages.success(
                    request,
                    _("Your completion is sent. Your caseworker will look at it."),
                )
            return redirect("applications:overview", application_id=application.pk)
    else:
        form = CompletionForm()
    return render(
        request,
        "applications/overview.html",
        {**_overview_context(application, request.user), "completion_form": form},
    )


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_documents(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and "continue" in request.POST:
        steps = steps_for(application.kind, application.answers)
        return redirect(
            "applications:step",
            application_id=application.pk,
            step=steps[steps.index("documents") + 1],
        )
    if request.method == "POST" and "remove" in request.POST:
        return _document_remove(request, application, request.POST["remove"])
    if request.method == "POST" and form.is_valid():
        added, refused = _documents_add(request, application, form)
        for reason in refused:
            form.add_error("file", reason)
        if len(added) == 1:
            messages.success(request, _("The document %(name)s is uploaded.") % {"name": added[0]})
        elif added:
            messages.success(
                request,
                _("The documents are uploaded: %(names)s.")
                % {"names": ", ".join(f"\u2068{name}\u2069" for name in added)},
            )
        if not refused:
            return redirect("applications:documents", application_id=application.pk)
    return render(
        request,
        "applications/documents.html",
        {
            "application": application,
            "form": form,
            "attachments": application.attachments.all(),
            "editable": application.applicant_id == request.user.person_id,
            **_progress(application, "documents"),
        },
    )


def _documents_add(
    request: AuthenticatedRequest, application: Application, form: AttachmentForm
) -> tuple[list[str], list[str]]:
    """Each chosen file is checked and stored on its own: (the names added, a reason for each
    file refused). Where several were chosen, a reason names its file, isolated so that a name
    in another script keeps its order (and cannot turn the sentence around it)."""
    uploads = form.cleaned_data["file"]
    added, refused = [], []
    for upload in uploads:
        try:
            check_size(upload.size or 0, max_bytes=settings.BISTAND_ATTACHMENT_MAX_BYTES)
            attachment_add(
                application=application,
                content=upload.read(),
                original_name=upload.name,
                kind=form.cleaned_data["kind"],
                acted_by=request.user,
            )
        except UploadError as error:
            reason = str(UPLOAD_MESSAGES[error.code]) % error.params
            refused.append(reason if len(uploads) == 1 else f"\u2068{upload.name}\u2069: {reason}")
        else:
            added.append(upload.name)
    return added, refused


def _document_remove(
    request: AuthenticatedRequest, application: Application, attachment_id: str
) -> HttpResponse:
    try:
        attachment = application.attachments.get(pk=uuid.UUID(attachment_id))
    except (ValueError, Attachment.DoesNotExist):
        raise Http404 from None
    try:
        name = attachment_remove(attachment=attachment, acted_by=request.user)
    except AttachmentRemoveError:
        messages.error(
            request,
            _(
                "A document in a sent application stays with it. If it is the wrong one, "
                "upload the right one and write to your caseworker."
            ),
        )
    else:
        messages.success(request, _("The document %(name)s is removed.") % {"name": name})
    return redirect("applications:documents", application_id=application.pk)


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_send(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    steps = [s for s in steps_for(application.kind, application.answers) if s != "documents"]
    missing = [STEP_TITLES[s] for s in steps if s not in application.answers]
    form = SubmitForm(request.POST or None, initial={"submission_key": uuid.uuid4()})
    if request.method == "POST" and form.is_valid() and not missing:
        try:
            sent = application_submit(
                application=application,
                acted_by=request.user,
                submission_key=form.cleaned_data["submission_key"],
            )
        except IntakeUnitMissingError as error:
            messages.error(request, error.message)
            return redirect("applications:send", application_id=application.pk)
        if sent.status == ApplicationStatus.DRAFT:
            # The page's one-time key was already spent on another application (a copied or
            # replayed form): nothing was sent; a fresh page brings a fresh key.
            messages.error(
                request,
                _("Your application was not sent. Please check it and send it again."),
            )
            return redirect("applications:send", application_id=application.pk)
        if sent.status == ApplicationStatus.AWAITING_PARTNER:
            messages.success(
                request,
                _(
                    "Your application is saved. Your partner now needs to log in "
                    "and confirm it before it is sent."
                ),
            )
        else:
            messages.success(request, _("Your application is sent. You can follow it here."))
        return redirect("applications:my-case")
    return render(
        request,
        "applications/send.html",
        {
            "application": application,
            "form": form,
            "missing": missing,
            "editable": _editable(application, request.user),
            "draft_kept_until": _draft_kept_until(application, request.user),
            "attachments": application.attachments.all(),
            "summary": answers_summary(application),
            "contact": social_services_contact(_responsible_unit(request.user))
            if application.urgent_need_open
            else None,
        },
    )


@access_checked(audience=Audience.APPLICANT, subject=Subject.APPLICATION)
def application_confirm(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    is_partner = application.partner_id == request.user.person_id
    waiting = application.status == ApplicationStatus.AWAITING_PARTNER
    if request.method == "POST" and is_partner and waiting:
        try:
            application_partner_confirm(application=application, acted_by=request.user)
        except IntakeUnitMissingError as error:
            messages.error(request, error.message)
            return redirect("applications:confirm", application_id=application.pk)
        messages.success(request, _("Thank you. The application is now sent."))
        return redirect("applications:my-case")
    return render(
        request,
        "applications/confirm.html",
        {
            "application": application,
            "is_partner": is_partner,
            "waiting": waiting,
            # The partner confirms what they have read: the answers and the documents.
            "summary": answers_summary(application) if is_partner and waiting else [],
            "attachments": application.attachments.all(),
        },
    )


@access_checked(audience=Audience.DOCUMENTS, subject=Subject.ATTACHMENT)
def attachment_download(
    request: AuthenticatedRequest, attachment: Attachment, attachment_id: str
) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name,
    )
