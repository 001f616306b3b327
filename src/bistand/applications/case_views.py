# SPDX-License-Identifier: EUPL-1.2
"""The caseworker's side of an application: the application as it was sent, in words, the
request to complete it, and writing it off when the applicant has withdrawn it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.applications.forms import CompletionRequestForm, UrgentNeedAssessmentForm
from bistand.applications.models import UNDECIDED_STATUSES, Application, ApplicationStatus
from bistand.applications.services import (
    UrgentNeedError,
    WithdrawalError,
    application_completion_received,
    application_completion_request,
    application_urgent_need_assess,
    application_write_off,
)
from bistand.applications.summary import answers_summary
from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.APPLICATION)
def application_read(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    """Every answer, the applicant's own words on what stops them from supporting themselves,
    and the documents: what the investigation and the decision start from. Here the caseworker
    also asks for a completion, first or monthly application alike, and says when it is done."""
    if request.method == "POST" and request.POST.get("action") == "write_off":
        try:
            application_write_off(application=application, acted_by=request.user)
        except WithdrawalError:
            messages.error(request, _("Only a withdrawn application is written off, once."))
        else:
            messages.success(request, _("The application is written off; the journal says so."))
        return redirect("applications:read", application_id=application.pk)
    urgent_form = UrgentNeedAssessmentForm(
        request.POST if request.POST.get("action") == "urgent_assessed" else None
    )
    if urgent_form.is_bound and urgent_form.is_valid():
        _urgent_need_assess(request, application, urgent_form.cleaned_data["assessment"])
        return redirect("applications:read", application_id=application.pk)
    completable = application.status in UNDECIDED_STATUSES  # not decided: can be completed
    form = CompletionRequestForm(request.POST if request.POST.get("action") == "complete" else None)
    if request.method == "POST" and completable:
        if request.POST.get("action") == "completed":
            if application.status == ApplicationStatus.NEEDS_COMPLETION:
                application_completion_received(application=application, acted_by=request.user)
                messages.success(request, _("The completion is received; the clock runs again."))
            return redirect("applications:read", application_id=application.pk)
        if form.is_valid():
            application_completion_request(
                application=application,
                due=form.cleaned_data["due"],
                what=form.cleaned_data["what"],
                acted_by=request.user,
            )
            messages.success(request, _("The applicant is asked to complete the application."))
            return redirect("applications:read", application_id=application.pk)
    return render(
        request,
        "applications/application_read.html",
        {
            "application": application,
            "summary": answers_summary(application),
            "attachments": application.attachments.all(),
            "decision": getattr(application, "decision", None),
            "completable": completable,
            "completion_form": form,
            "urgent_needs": application.urgent_needs_named(),
            "urgent_form": urgent_form,
        },
        status=400 if urgent_form.is_bound and urgent_form.errors else 200,
    )


def _urgent_need_assess(
    request: AuthenticatedRequest, application: Application, assessment: str
) -> None:
    try:
        application_urgent_need_assess(
            application=application, assessment=assessment, acted_by=request.user
        )
    except UrgentNeedError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The assessment of the urgent need is in the journal."))
