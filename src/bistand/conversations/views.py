# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case
from bistand.conversations.forms import FileToJournalForm, MessageForm
from bistand.conversations.selectors import (
    applicant_cases,
    messages_for_applicant,
    messages_of_case,
)
from bistand.conversations.services import (
    MessageKeySpentError,
    secure_message_file_to_journal,
    secure_message_send,
    secure_messages_mark_read,
)


@access_checked(audience=Audience.APPLICANT, object_type="my_messages")
def my_messages(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    case = applicant_cases(user=request.user).order_by("-opened_on").first()
    form = MessageForm(request.POST) if request.method == "POST" else MessageForm.fresh()
    if request.method == "POST" and case is not None and form.is_valid():
        refused = _send(request, case, form)
        if refused is None:
            messages.success(request, _("Your message is sent."))
            return redirect("conversations:mine")
        form = refused
    conversation = list(messages_for_applicant(user=request.user).order_by("created_at"))
    response = render(
        request,
        "conversations/mine.html",
        {"conversation": conversation, "form": form, "has_case": case is not None},
    )
    secure_messages_mark_read(messages=conversation, reader=request.user)
    return response


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_messages(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    """The case's secure messages: read, reply, and file a message into the journal."""
    form = MessageForm.fresh()
    if request.method == "POST" and "message_id" in request.POST:
        filing = FileToJournalForm(request.POST)
        message = (
            case.messages.filter(pk=filing.cleaned_data["message_id"]).first()
            if filing.is_valid()
            else None
        )
        if message is None:
            raise Http404
        secure_message_file_to_journal(message=message, filed_by=request.user)
        messages.success(request, _("The message is filed in the journal."))
        return redirect("conversations:case", case_id=case.pk)
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            refused = _send(request, case, form)
            if refused is None:
                messages.success(
                    request,
                    _(
                        "The message is sent. The applicant is told that something "
                        "new is waiting, nothing more."
                    ),
                )
                return redirect("conversations:case", case_id=case.pk)
            form = refused
    conversation = list(messages_of_case(case=case))
    response = render(
        request,
        "conversations/case_messages.html",
        {"case": case, "form": form, "conversation": conversation},
    )
    # Shown once as new to the unit; a refused reply (the form again) is also a reading.
    secure_messages_mark_read(messages=conversation, reader=request.user)
    return response


def _send(request: AuthenticatedRequest, case: Case, form: MessageForm) -> MessageForm | None:
    """Send the form's message: None when it is sent (or was, by the same page), else the form
    again with its text and a fresh key, and the reason among the page's messages."""
    try:
        secure_message_send(
            case=case,
            body=form.cleaned_data["body"],
            sender=request.user,
            submission_key=form.cleaned_data.get("submission_key"),
        )
    except MessageKeySpentError as error:
        messages.error(request, error.message)
        return MessageForm.fresh(body=form.cleaned_data["body"])
    return None
