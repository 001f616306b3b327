# SPDX-License-Identifier: EUPL-1.2
"""From decided amounts to the bank: orders, a run prepared by one person and approved by another,
and the ISO 20022 pain.001.001.03 file (sepaxml, validated against its schema) plus a CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from sepaxml import SepaTransfer

from bistand.accounts.models import User
from bistand.applications.models import Application, ApplicationStatus
from bistand.audit.services import access_log_write
from bistand.decisions.models import Decision
from bistand.errors import DomainError
from bistand.organisations.models import Unit
from bistand.payments.iban import iban_is_valid, iban_normalise
from bistand.payments.models import OrderStatus, PaymentOrder, PaymentRun, Purpose, RunStatus

PAIN_SCHEMA = "pain.001.001.03"
ORE = 100


class PaymentError(DomainError):
    """A refused action in this part of casework."""


def payment_order_create(*, decision: Decision, acted_by: User) -> PaymentOrder | None:
    """The decided amount becomes an order; a second order for the same month is refused."""
    if decision.granted_amount <= 0 or decision.application is None:
        return None
    try:
        with transaction.atomic():
            order = PaymentOrder.objects.create(
                decision=decision,
                person=decision.application.applicant,
                unit=decision.case.unit,
                month=decision.month,
                purpose=Purpose.INCOME_SUPPORT,
                amount=decision.granted_amount,
            )
    except IntegrityError as error:
        raise PaymentError(
            "already_paid",
            _(
                "This person already has a payment of income support for this month. A person is "
                "never paid twice for the same month and purpose."
            ),
        ) from error
    access_log_write(
        user=acted_by,
        object_type="payment_order",
        object_id=order.pk,
        before=None,
        after={"month": str(order.month), "amount": str(order.amount)},
    )
    return order


@transaction.atomic
def payment_run_prepare(*, unit: Unit, execution_date: date, prepared_by: User) -> PaymentRun:
    orders = list(
        PaymentOrder.objects.select_for_update()
        .filter(unit=unit, status=OrderStatus.PENDING)
        .select_related("person")
    )
    payable = [o for o in orders if iban_is_valid(o.person.iban)]
    if not payable:
        raise PaymentError(
            "nothing_to_pay",
            _("There is nothing to pay: no waiting order has a valid bank account."),
        )
    run = PaymentRun.objects.create(
        unit=unit, execution_date=execution_date, prepared_by=prepared_by
    )
    PaymentOrder.objects.filter(pk__in=[o.pk for o in payable]).update(
        run=run, status=OrderStatus.IN_RUN
    )
    access_log_write(
        user=prepared_by,
        object_type="payment_run",
        object_id=run.pk,
        before=None,
        after={"orders": len(payable), "total": str(sum(o.amount for o in payable))},
    )
    return run


@transaction.atomic
def payment_run_approve(*, run: PaymentRun, approved_by: User) -> PaymentRun:
    run = PaymentRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.PREPARED:
        return run
    if approved_by.pk == run.prepared_by_id:
        raise PaymentError(
            "two_people",
            _("A payment run needs two people: someone other than the preparer approves it."),
        )
    run.status, run.approved_by, run.approved_at = RunStatus.APPROVED, approved_by, timezone.now()
    run.save(update_fields=["status", "approved_by", "approved_at"])
    run.orders.update(status=OrderStatus.SENT)
    Application.objects.filter(decision__payment_order__run=run).update(
        status=ApplicationStatus.PAID, updated_at=timezone.now()
    )
    access_log_write(
        user=approved_by,
        object_type="payment_run",
        object_id=run.pk,
        before={"status": RunStatus.PREPARED},
        after={"status": RunStatus.APPROVED},
    )
    return run


def _reference(order: PaymentOrder) -> str:
    return f"EB{order.month:%Y%m}{str(order.pk).replace('-', '')[:20]}"


def pain001(run: PaymentRun) -> bytes:
    """The run as an ISO 20022 pain.001.001.03 credit-transfer file, validated on export."""
    municipality = run.unit.committee.municipality
    transfer = SepaTransfer(
        {
            "name": municipality.name,
            "IBAN": iban_normalise(municipality.payment_iban),
            "BIC": municipality.payment_bic,
            "batch": True,
            "currency": "SEK",
        },
        schema=PAIN_SCHEMA,
        clean=True,
    )
    for order in run.orders.select_related("person").order_by("created_at"):
        transfer.add_payment(
            {
                "name": f"{order.person.first_name} {order.person.last_name}".strip()
                or "Mottagare",
                "IBAN": iban_normalise(order.person.iban),
                "amount": int(order.amount * ORE),
                "execution_date": run.execution_date,
                "endtoend_id": _reference(order),
                "description": f"Ekonomiskt bistand {order.month:%Y-%m}",
            }
        )
    xml: bytes = transfer.export(validate=True)
    return xml


def payment_csv(run: PaymentRun) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["reference", "month", "name", "iban", "amount_sek", "execution_date"])
    total = Decimal(0)
    for order in run.orders.select_related("person").order_by("created_at"):
        writer.writerow(
            [
                _reference(order),
                f"{order.month:%Y-%m}",
                f"{order.person.first_name} {order.person.last_name}".strip(),
                iban_normalise(order.person.iban),
                f"{order.amount:.2f}",
                run.execution_date.isoformat(),
            ]
        )
        total += order.amount
    writer.writerow(["total", "", "", "", f"{total:.2f}", ""])
    return out.getvalue()
