# SPDX-License-Identifier: EUPL-1.2
import uuid
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case
from bistand.recoveries.models import Receivable
from bistand.recoveries.services import (
    RecoveryError,
    receivable_register_payment,
    receivable_write_off,
)


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_receivables(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    """What is to be repaid in the case: register repayments, write off with a reason."""
    error: object = None
    if request.method == "POST":
        try:
            receivable = case.receivables.get(pk=uuid.UUID(request.POST.get("receivable_id", "")))
        except (ValueError, Receivable.DoesNotExist):
            raise Http404 from None
        try:
            if request.POST.get("action") == "write_off":
                receivable_write_off(
                    receivable=receivable,
                    reason=request.POST.get("reason", ""),
                    acted_by=request.user,
                )
            else:
                amount = Decimal(request.POST.get("amount", "").replace(",", ".").replace(" ", ""))
                if amount <= 0:
                    raise InvalidOperation
                receivable_register_payment(
                    receivable=receivable, amount=amount, acted_by=request.user
                )
            messages.success(request, _("Saved."))
            return redirect("recoveries:case", case_id=case.pk)
        except InvalidOperation:
            error = _("Write an amount in kronor, for example 1250 or 1250,50.")
        except RecoveryError as problem:
            error = problem.message
    return render(
        request,
        "recoveries/receivables.html",
        {"case": case, "receivables": case.receivables.all(), "error": error},
        status=400 if error else 200,
    )
