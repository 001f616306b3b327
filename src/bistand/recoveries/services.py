# SPDX-License-Identifier: EUPL-1.2
"""Tracking what is to be repaid. Recovery of an incorrect payment shows the three-year limit
for court action (SoL 33 kap. 4-5 §§); aid granted before 2025-07-01 cites the old law."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.decisions.models import Decision
from bistand.errors import DomainError
from bistand.payments.models import PaymentOrder
from bistand.recoveries.models import Receivable, ReceivableKind, ReceivableStatus
from bistand.rules.parameters_loader import default_rulebook


class RecoveryError(DomainError):
    """A refused action in this part of casework."""


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def receivable_for_conditional_aid(*, decision: Decision, acted_by: User) -> Receivable:
    assert decision.application is not None  # noqa: S101 - decisions on applications only
    receivable = Receivable.objects.create(
        case=decision.case,
        person=decision.application.applicant,
        decision=decision,
        kind=ReceivableKind.CONDITIONAL_AID,
        ground=decision.get_repayment_ground_display(),
        legal_basis=default_rulebook().legal.cite("recovery_conditional_aid", decision.month),
        amount=decision.granted_amount,
        paid_out_on=decision.month,
        created_by=acted_by,
    )
    access_log_write(
        user=acted_by,
        object_type="receivable",
        object_id=receivable.pk,
        before=None,
        after={"kind": receivable.kind, "amount": str(receivable.amount)},
    )
    return receivable


@transaction.atomic
def recovery_open(
    *, order: PaymentOrder, amount: Decimal, reason: str, paid_out_on: date, acted_by: User
) -> Receivable:
    """A recovery case for aid paid on incorrect information, with the court-action limit."""
    if not reason.strip():
        raise RecoveryError("reason_required", _("Write why the payment was incorrect."))
    if not Decimal(0) < amount <= order.amount:
        raise RecoveryError(
            "amount", _("The amount must be more than 0 and at most what was paid.")
        )
    legal = default_rulebook().legal
    receivable = Receivable.objects.create(
        case=order.decision.case,
        person=order.person,
        kind=ReceivableKind.INCORRECT_PAYMENT,
        ground=reason.strip(),
        # Aid granted before 2025-07-01 is recovered under the old law (transitional rules).
        legal_basis=legal.cite("recovery_incorrect_payment", order.month),
        amount=amount,
        paid_out_on=paid_out_on,
        court_deadline=_years_later(paid_out_on, legal.recovery_years),
        created_by=acted_by,
    )
    access_log_write(
        user=acted_by,
        object_type="receivable",
        object_id=receivable.pk,
        before=None,
        after={"kind": receivable.kind, "amount": str(amount)},
    )
    return receivable


@transaction.atomic
def receivable_register_payment(
    *, receivable: Receivable, amount: Decimal, acted_by: User
) -> Receivable:
    receivable = Receivable.objects.select_for_update().get(pk=receivable.pk)
    receivable.paid_amount += amount
    if receivable.paid_amount >= receivable.amount:
        receivable.status = ReceivableStatus.PAID
    receivable.save(update_fields=["paid_amount", "status"])
    access_log_write(
        user=acted_by,
        object_type="receivable",
        object_id=receivable.pk,
        before=None,
        after={"paid": str(amount)},
    )
    return receivable


@transaction.atomic
def receivable_write_off(*, receivable: Receivable, reason: str, acted_by: User) -> Receivable:
    if not reason.strip():
        raise RecoveryError("reason_required", _("Write why the receivable is written off."))
    receivable.status, receivable.written_off_reason = ReceivableStatus.WRITTEN_OFF, reason.strip()
    receivable.save(update_fields=["status", "written_off_reason"])
    access_log_write(
        user=acted_by,
        object_type="receivable",
        object_id=receivable.pk,
        before=None,
        after={"status": receivable.status},
    )
    return receivable
