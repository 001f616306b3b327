# SPDX-License-Identifier: EUPL-1.2
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case
from bistand.journals.forms import JournalActionForm, JournalEntryForm
from bistand.journals.models import JournalEntry
from bistand.journals.services import (
    JournalError,
    journal_correction_create,
    journal_entry_create,
    journal_entry_sign,
    journal_entry_update,
)


@dataclass(frozen=True)
class EntryOnPage:
    """An entry with its own form: a key of its own, and the text of a refused change."""

    entry: JournalEntry
    action_key: uuid.UUID
    kept_text: str | None


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_journal(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    """Read the journal; write, edit and sign drafts; correct signed entries."""
    form = JournalEntryForm.fresh()
    error = None
    kept: dict[uuid.UUID, str] = {}  # a refused change's text, shown again in its entry
    if request.method == "POST":
        action = request.POST.get("action", "write")
        try:
            if action == "write":
                form = JournalEntryForm(request.POST)
                if form.is_valid():
                    journal_entry_create(
                        case=case,
                        text=form.cleaned_data["text"],
                        author=request.user,
                        sign="sign" in request.POST,
                        submission_key=form.cleaned_data.get("submission_key"),
                    )
                    messages.success(request, _("The journal entry is saved."))
                    return redirect("journals:case", case_id=case.pk)
            else:
                acting = JournalActionForm(request.POST)
                if not acting.is_valid():
                    raise Http404
                entry = case.journal.filter(pk=acting.cleaned_data["entry_id"]).first()
                if entry is None:
                    raise Http404
                text = kept[entry.pk] = acting.cleaned_data["text"]
                if action == "edit":
                    journal_entry_update(entry=entry, text=text, acted_by=request.user)
                elif action == "sign":
                    journal_entry_sign(entry=entry, acted_by=request.user)
                elif action == "correct":
                    journal_correction_create(
                        entry=entry,
                        text=text,
                        author=request.user,
                        submission_key=acting.cleaned_data["submission_key"],
                    )
                messages.success(request, _("The journal is updated."))
                return redirect("journals:case", case_id=case.pk)
        except JournalError as problem:
            error = problem.message
            if problem.code == "key_spent" and action == "write":  # a new key, the text kept
                form = JournalEntryForm.fresh(text=form.cleaned_data["text"])
    entries = [
        EntryOnPage(entry, action_key=uuid.uuid4(), kept_text=kept.get(entry.pk))
        for entry in case.journal.select_related("author", "corrects").order_by("created_at")
    ]
    return render(
        request,
        "journals/case_journal.html",
        {"case": case, "entries": entries, "form": form, "error": error},
        status=400 if error else 200,
    )
