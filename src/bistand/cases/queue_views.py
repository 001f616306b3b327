# SPDX-License-Identifier: EUPL-1.2
"""The unit's reception queue: each first application's clock to the first reception visit."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bistand.accounts.models import Role
from bistand.applications.selectors import application_queryset_visible
from bistand.applications.services import (
    application_completion_received,
    application_completion_request,
)
from bistand.audit.access import Audience, AuthenticatedRequest, access_checked
from bistand.cases.clocks import (
    first_visit_compliance,
    monthly_applications_to_decide,
    reception_queue,
)
from bistand.cases.selectors import case_queryset_visible
from bistand.cases.services import case_first_visit_record


class QueueActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("visit", "visit"), ("complete", "complete"), ("completed", "completed")]
    )
    application_id = forms.UUIDField()
    day = forms.DateField(required=False)
    what = forms.CharField(required=False, max_length=2000)


@access_checked(audience=Audience.ECONOMIC_AID, object_type="reception_queue")
def reception_queue_view(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    today = timezone.localdate()
    if request.method == "POST":
        form = QueueActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a date."))
            return redirect("cases:queue")
        application = (
            application_queryset_visible(user=request.user)
            .filter(pk=form.cleaned_data["application_id"])
            .first()
        )
        if application is None or application.case is None:
            raise Http404
        action, day = form.cleaned_data["action"], form.cleaned_data["day"]
        what = form.cleaned_data["what"].strip()
        if action in {"visit", "complete"} and day is None:
            messages.error(request, _("Choose a date."))
        elif action == "complete" and not what:
            messages.error(request, _("Write what the applicant needs to send."))
        elif action == "visit":
            case = case_queryset_visible(user=request.user).get(pk=application.case.pk)
            case_first_visit_record(case=case, day=day, acted_by=request.user)
            messages.success(request, _("The first visit is recorded."))
        elif action == "complete":
            application_completion_request(
                application=application, due=day, what=what, acted_by=request.user
            )
            messages.success(request, _("The applicant is asked to complete the application."))
        else:
            application_completion_received(application=application, acted_by=request.user)
            messages.success(request, _("The completion is received; the clock runs again."))
        return redirect("cases:queue")
    compliance = None
    if request.user.role == Role.UNIT_MANAGER:
        compliance = first_visit_compliance(units=request.user.units.all(), today=today)
    return render(
        request,
        "cases/queue.html",
        {
            "clocks": reception_queue(user=request.user, today=today),
            "monthly": monthly_applications_to_decide(user=request.user),
            "today": today,
            "compliance": compliance,
        },
    )
