# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.applications.categories import SupportBarrier
from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case
from bistand.investigations.forms import (
    HomeVisitForm,
    InvestigationForm,
    ReferralForm,
    VerificationForm,
)
from bistand.investigations.services import (
    INVESTIGATION_TEXTS,
    InvestigationError,
    home_visit_record,
    investigation_for,
    investigation_update,
    investigation_view,
    other_needs_refer,
    verification_record,
)


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


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_investigation(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    investigation, adults_rows = investigation_view(case=case)
    data = request.POST if request.method == "POST" else None
    if data is not None:
        investigation = investigation_for(case=case, acted_by=request.user)
    action = request.POST.get("action") if data else None
    initial = {name: getattr(investigation, name) for name in INVESTIGATION_TEXTS}
    form = InvestigationForm(data if action == "save" else None, initial=initial)
    verification = VerificationForm(data if action == "verify" else None)
    referral = ReferralForm(data if action == "refer" else None)
    try:
        if action == "save" and form.is_valid():
            adults = {
                str(row.person_id): {
                    "support_barrier": request.POST.get(f"adult-{row.person_id}-barrier", ""),
                }
                for row in investigation.adults.all()
            }
            investigation_update(
                investigation=investigation,
                texts=form.cleaned_data,
                adults=adults,
                acted_by=request.user,
            )
            messages.success(request, _("The investigation is saved."))
            return redirect("investigations:investigation", case_id=case.pk)
        if action == "verify" and verification.is_valid():
            verification_record(
                investigation=investigation, acted_by=request.user, **verification.cleaned_data
            )
            messages.success(request, _("The verification is recorded."))
            return redirect("investigations:investigation", case_id=case.pk)
        if action == "refer" and referral.is_valid():
            other_needs_refer(
                investigation=investigation, acted_by=request.user, **referral.cleaned_data
            )
            messages.success(request, _("The need is referred and the referral is in the journal."))
            return redirect("investigations:investigation", case_id=case.pk)
    except InvestigationError as error:
        form.add_error(None, error.message)
    return render(
        request,
        "investigations/investigation.html",
        {
            "case": case,
            "investigation": investigation,
            "form": form,
            "verification_form": verification,
            "referral_form": referral,
            "adults": adults_rows,
            "barriers": SupportBarrier.choices,
            "verifications": investigation.verifications.select_related("checked_by"),
        },
    )
