# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case
from bistand.investigations.forms import HomeVisitForm
from bistand.investigations.services import InvestigationError, home_visit_record


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_home_visits(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    form = HomeVisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            home_visit_record(case=case, recorded_by=request.user, **form.cleaned_data)
        except InvestigationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The home visit is recorded in the journal."))
            return redirect("investigations:home-visits", case_id=case.pk)
    return render(
        request,
        "investigations/home_visits.html",
        {"case": case, "form": form, "visits": case.home_visits.all()},
        status=400 if form.errors else 200,
    )
