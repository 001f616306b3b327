# SPDX-License-Identifier: EUPL-1.2
"""Appealing a decision in the e-service, and the caseworker's check that it came in in time."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bistand.appeals.forms import AppealForm, AppealHandlingForm
from bistand.appeals.models import AppealStatus
from bistand.appeals.selectors import appeal_of, appeals_of_decision
from bistand.appeals.services import (
    AppealError,
    appeal_deadline,
    appeal_forward,
    appeal_reject_late,
    appeal_submit,
)
from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.decisions.models import Decision
from bistand.rules.parameters_loader import default_rulebook


@access_checked(
    audience=Audience.APPLICANT, subject=Subject.DECISION, object_type="decision_appeal"
)
def decision_appeal(
    request: AuthenticatedRequest, decision: Decision, decision_id: str
) -> HttpResponse:
    """GET: how to appeal and the form, or the appeal already sent and where it is. POST: the
    appeal comes in; sent again (a double click, a reload), it is the same appeal."""
    appeal = appeal_of(decision=decision, user=request.user)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and (appeal is not None or form.is_valid()):
        if appeal is None:
            try:
                sent = appeal_submit(
                    decision=decision,
                    requested_change=form.cleaned_data["requested_change"],
                    reasons=form.cleaned_data["reasons"],
                    acted_by=request.user,
                )
            except AppealError as error:
                messages.error(request, error.message)
                return redirect("decisions:detail", decision_id=decision.pk)
            appeal = sent.appeal
            messages.success(
                request,
                _("Your appeal came in on %(date)s.")
                % {"date": date_format(timezone.localtime(appeal.received_at), "j F Y")},
            )
        return redirect("appeals:appeal", decision_id=decision.pk)
    return render(
        request,
        "appeals/appeal.html",
        {
            "decision": decision,
            "appeal": appeal,
            "form": form,
            "deadline": None if appeal else appeal_deadline(decision=decision, user=request.user),
            "committee": decision.case.unit.committee,
            "legal": default_rulebook().legal.appeal,
            "today": timezone.localdate(),
        },
    )


@access_checked(
    audience=Audience.ECONOMIC_AID, subject=Subject.DECISION, object_type="decision_appeals"
)
def decision_appeals(
    request: AuthenticatedRequest, decision: Decision, decision_id: str
) -> HttpResponse:
    """The appeals of a decision: the computed last day beside when each came in, and the
    caseworker's check (45 § förvaltningslagen): send it on to the court, or reject it as late."""
    appeals = list(appeals_of_decision(decision))
    waiting = decision.appeals.filter(status=AppealStatus.RECEIVED)
    forms = {}
    for appeal in appeals:
        if appeal.status != AppealStatus.RECEIVED:
            continue
        prefix = f"appeal-{appeal.pk.hex[:8]}"  # one form per appeal; ids stay unique
        posted = request.method == "POST" and f"{prefix}-appeal" in request.POST
        forms[appeal.pk] = AppealHandlingForm(
            request.POST if posted else None,
            appeals=waiting,
            prefix=prefix,
            initial={"appeal": appeal.pk},
        )
    bound = next((form for form in forms.values() if form.is_bound), None)
    if bound is not None and bound.is_valid():
        data = bound.cleaned_data
        forward = data["outcome"] == AppealHandlingForm.FORWARD
        handle = appeal_forward if forward else appeal_reject_late
        try:
            handle(appeal=data["appeal"], assessment=data["assessment"], acted_by=request.user)
        except AppealError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The appeal is sent on to the administrative court; the journal says so.")
                if forward
                else _("The appeal is rejected as late; the journal says so."),
            )
        return redirect("appeals:handle", decision_id=decision.pk)
    if request.method == "POST" and bound is None:  # already handled, in another tab
        messages.error(request, _("This appeal has already been handled."))
        return redirect("appeals:handle", decision_id=decision.pk)
    return render(
        request,
        "appeals/handle.html",
        {
            "decision": decision,
            "rows": [(appeal, forms.get(appeal.pk)) for appeal in appeals],
            "legal": default_rulebook().legal.appeal,
        },
    )
