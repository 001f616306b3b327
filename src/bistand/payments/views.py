# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.audit.models import AccessAction
from bistand.payments.forms import PrepareRunForm
from bistand.payments.models import PaymentRun
from bistand.payments.selectors import payment_run_queryset_visible, pending_orders
from bistand.payments.services import (
    PaymentError,
    pain001,
    payment_csv,
    payment_run_approve,
    payment_run_prepare,
)


@access_checked(audience=Audience.ECONOMIC_AID, object_type="payments")
def payments_index(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    form = PrepareRunForm(request.POST or None, units=request.user.units.all())
    if request.method == "POST" and form.is_valid():
        try:
            run = payment_run_prepare(prepared_by=request.user, **form.cleaned_data)
        except PaymentError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The payment run is prepared. Someone else approves it."))
            return redirect("payments:run", run_id=run.pk)
    return render(
        request,
        "payments/index.html",
        {
            "form": form,
            "orders": pending_orders(user=request.user),
            "runs": payment_run_queryset_visible(user=request.user)[:50],
        },
    )


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.PAYMENT_RUN)
def payment_run_detail(request: AuthenticatedRequest, run: PaymentRun, run_id: str) -> HttpResponse:
    if request.method == "POST":
        try:
            payment_run_approve(run=run, approved_by=request.user)
            messages.success(request, _("The payment run is approved and the file can be sent."))
        except PaymentError as error:
            messages.error(request, error.message)
        return redirect("payments:run", run_id=run.pk)
    return render(
        request, "payments/run.html", {"run": run, "orders": run.orders.select_related("person")}
    )


@access_checked(
    audience=Audience.ECONOMIC_AID,
    subject=Subject.PAYMENT_RUN,
    action=AccessAction.EXPORT,
    object_type="payment_run",
)
def payment_run_file(
    request: AuthenticatedRequest, run: PaymentRun, run_id: str, kind: str
) -> HttpResponse:
    if kind == "csv":
        response = HttpResponse(payment_csv(run), content_type="text/csv; charset=utf-8")
        name = f"utbetalning-{run.execution_date}.csv"
    else:
        response = HttpResponse(pain001(run), content_type="application/xml")
        name = f"pain001-{run.execution_date}.xml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
