# SPDX-License-Identifier: EUPL-1.2
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.applications.fields import AmountField
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
                # Read as every amount field reads it: "1 250,50", "1250:-"; not "1e308" or "NaN".
                amount = AmountField().clean(request.POST.get("amount", ""))
                if amount <= 0:
                    raise ValidationError(_("Write the amount that was paid."))
                receivable_register_payment(
                    receivable=receivable, amount=amount, acted_by=request.user
                )
            messages.success(request, _("Saved."))
            return redirect("recoveries:case", case_id=case.pk)
        except ValidationError as refused:
            error = refused.messages[0]
        except RecoveryError as problem:
            error = problem.message
    return render(
        request,
        "recoveries/receivables.html",
        {"case": case, "receivables": case.receivables.all(), "error": error},
        status=400 if error else 200,
    )
