# SPDX-License-Identifier: EUPL-1.2
import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case
from bistand.decisions.flags import reduction_flag_raise, reduction_flag_resolve
from bistand.decisions.models import FlagGround, ReductionFlag
from bistand.decisions.services import DecisionError


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_flags(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    error = None
    if request.method == "POST":
        try:
            if request.POST.get("action") == "resolve":
                try:
                    flag = case.reduction_flags.get(pk=uuid.UUID(request.POST.get("flag_id", "")))
                except (ValueError, ReductionFlag.DoesNotExist):
                    raise Http404 from None
                reduction_flag_resolve(
                    flag=flag,
                    resolution=request.POST.get("resolution", ""),
                    resolved_by=request.user,
                )
            else:
                reduction_flag_raise(
                    case=case,
                    ground=request.POST.get("ground", ""),
                    description=request.POST.get("description", ""),
                    raised_by=request.user,
                )
            messages.success(request, _("Saved."))
            return redirect("decisions:flags", case_id=case.pk)
        except DecisionError as problem:
            error = problem.message
    return render(
        request,
        "decisions/flags.html",
        {
            "case": case,
            "flags": case.reduction_flags.select_related("raised_by", "resolved_by"),
            "grounds": FlagGround.choices,
            "error": error,
        },
        status=400 if error else 200,
    )
