# SPDX-License-Identifier: EUPL-1.2
"""Making and signing decisions. The system calculates; the caseworker decides and reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import Role, User
from bistand.applications.models import UNDECIDED_STATUSES, Application, ApplicationStatus
from bistand.audit.services import access_log_write
from bistand.decisions.calculation_input import applied_amounts, calculation_document
from bistand.decisions.models import (
    Decision,
    DecisionStatus,
    Outcome,
    RefusalGround,
    RepaymentGround,
)
from bistand.errors import DomainError
from bistand.integrations.notifications.services import notification_schedule
from bistand.journals.models import EntryKind
from bistand.journals.services import journal_entry_create
from bistand.rules.cli import calculate_document
from bistand.rules.parameters_loader import default_rulebook


class DecisionError(DomainError):
    """A decision that must not be made as asked; `code` is stable, `message` translated."""


@dataclass(frozen=True)
class Reduction:
    """A reduction under 12 kap. 5 § SoL (4 kap. 5 § before 2025-07): only after an individual
    assessment, the acceptable-reason question answered and the person heard."""

    amount: Decimal
    ground: str
    acceptable_reason_assessment: str
    person_heard_on: date | None


@dataclass(frozen=True)
class Repayment:
    """Aid on condition of repayment: only with its ground, stated in the decision, and after
    checking that the person will have room to repay."""

    ground: str
    capacity_assessment: str


def calculate(
    *, application: Application, amounts: dict[str, Decimal], reduction: Reduction | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(input, result) of the rules core for this application with these amounts."""
    adjustments = []
    if reduction is not None and reduction.amount:
        month = application.month
        adjustments.append(
            {
                "kind": "reduction",
                "amount": str(-reduction.amount),
                "reason": reduction.ground,
                "legal_basis": default_rulebook().legal.cite("refusal_or_reduction", month),
            }
        )
    assert application.case is not None  # noqa: S101 - only received applications are decided
    document = calculation_document(
        case=application.case,
        application=application,
        month=application.month,
        amounts=amounts,
        adjustments=adjustments,
    )
    return document, calculate_document(document)


def _check_repayment(repayment: Repayment | None, municipality: Any, month: date) -> None:
    if repayment is None:
        return
    if repayment.ground not in RepaymentGround.values:
        raise DecisionError(
            "repayment_ground_required",
            _("A repayment condition needs its legal ground, stated in the decision."),
        )
    if not repayment.capacity_assessment.strip():
        raise DecisionError(
            "repayment_capacity_required",
            _("A repayment condition needs your assessment that the person can repay."),
        )
    if repayment.ground == RepaymentGround.ADVANCE_ESTABLISHMENT_ALLOWANCE:
        guidelines = default_rulebook().municipalities.get(municipality.guidelines or "")
        option = guidelines.repayable_advance_model.at(month) if guidelines else None
        if option is None or not option.enabled:
            raise DecisionError(
                "advance_model_off",
                _(
                    "This municipality does not give advances while waiting for establishment "
                    "allowance."
                ),
            )


def _check(
    *,
    outcome: Outcome,
    reasoning: str,
    reduction: Reduction | None,
    approved: dict[str, Decimal],
    applied: dict[str, Decimal],
    approval_reason: str,
) -> None:
    if outcome != Outcome.GRANTED and not reasoning.strip():
        raise DecisionError(
            "reasoning_required",
            _(
                "A decision that refuses or grants less than applied for needs your individual "
                "assessment in words: why, for this person."
            ),
        )
    lowered = [name for name, amount in approved.items() if amount < applied.get(name, 0)]
    if lowered and not approval_reason.strip():
        raise DecisionError(
            "lower_amount_reason_required",
            _("You approved a lower amount than the actual cost. Write the reason."),
        )
    if reduction is not None and reduction.amount:
        if not (
            reduction.ground
            and reduction.acceptable_reason_assessment.strip()
            and reduction.person_heard_on
        ):
            raise DecisionError(
                "reduction_assessment_required",
                _(
                    "A reduction needs the ground, your assessment of whether the person had an "
                    "acceptable reason, and the date the person was heard."
                ),
            )
        if not reasoning.strip():
            raise DecisionError(
                "reasoning_required", _("A reduction needs your individual assessment in words.")
            )


@transaction.atomic
def decision_make(
    *,
    application: Application,
    approved: dict[str, Decimal],
    reasoning: str,
    approval_reason: str,
    reduction: Reduction | None,
    acted_by: User,
    repayment: Repayment | None = None,
    refusal_ground: str = "",
) -> Decision:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in UNDECIDED_STATUSES:
        raise DecisionError("not_decidable", _("This application cannot be decided now."))
    assert application.case is not None  # noqa: S101 - received applications have a case
    applied = applied_amounts(application)
    _input_applied, result_applied = calculate(application=application, amounts=applied)
    document, result = calculate(application=application, amounts=approved, reduction=reduction)
    granted, asked = Decimal(result["entitlement"]), Decimal(result_applied["entitlement"])
    if refusal_ground:
        if refusal_ground not in RefusalGround.values:
            raise DecisionError("refusal_ground_unknown", _("Choose a ground for the refusal."))
        granted = Decimal(0)  # refused on that ground, whatever the calculation shows
    outcome = (
        Outcome.REFUSED
        if granted <= 0
        else Outcome.PARTLY_GRANTED
        if granted < asked or (reduction and reduction.amount)
        else Outcome.GRANTED
    )
    _check(
        outcome=outcome,
        reasoning=reasoning,
        reduction=reduction,
        approved=approved,
        applied=applied,
        approval_reason=approval_reason,
    )
    municipality = application.case.unit.committee.municipality
    _check_repayment(repayment, municipality, application.month)
    needs_second = municipality.decisions_need_second_signature
    full_reasoning = "\n\n".join(
        part for part in (reasoning.strip(), approval_reason.strip()) if part
    )
    decision = Decision.objects.create(
        case=application.case,
        application=application,
        month=application.month,
        outcome=outcome,
        status=DecisionStatus.AWAITING_SECOND_SIGNATURE if needs_second else DecisionStatus.SIGNED,
        applied_amount=asked,
        granted_amount=granted,
        calculation_input=document,
        calculation=result,
        norm_year=result["parameters"]["year"],
        norm_status=result["parameters"]["status"],
        law=result["parameters"]["law"],
        reasoning=full_reasoning,
        reduction_assessment=None
        if not (reduction and reduction.amount)
        else {
            "amount": str(reduction.amount),
            "ground": reduction.ground,
            "acceptable_reason_assessment": reduction.acceptable_reason_assessment,
            "person_heard_on": reduction.person_heard_on.isoformat()
            if reduction.person_heard_on
            else None,
        },
        refusal_ground=refusal_ground,
        repayment_ground=repayment.ground if repayment else "",
        repayment_capacity=repayment.capacity_assessment.strip() if repayment else "",
        decided_by=acted_by,
        decided_at=timezone.now(),
    )
    access_log_write(
        user=acted_by,
        object_type="decision",
        object_id=decision.pk,
        before=None,
        after={"outcome": outcome, "granted": str(granted), "month": str(decision.month)},
    )
    journal_entry_create(
        case=decision.case,
        author=acted_by,
        kind=EntryKind.DECISION,
        sign=True,
        source_decision=decision,
        text=f"{decision.get_outcome_display()} {decision.month:%Y-%m}: {granted} kr "
        f"({decision.law}, riksnorm {decision.norm_year}).\n{full_reasoning}".strip(),
    )
    if not needs_second:
        _decided(decision)
    return decision


@transaction.atomic
def decision_sign(*, decision: Decision, acted_by: User) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != DecisionStatus.AWAITING_SECOND_SIGNATURE:
        return decision
    if acted_by.role != Role.UNIT_MANAGER or acted_by.pk == decision.decided_by_id:
        raise DecisionError(
            "second_signature_by_manager",
            _("The second signature is the unit manager's, not the decision maker's."),
        )
    decision.second_signed_by, decision.second_signed_at = acted_by, timezone.now()
    decision.status = DecisionStatus.SIGNED
    decision.save(update_fields=["second_signed_by", "second_signed_at", "status"])
    access_log_write(
        user=acted_by,
        object_type="decision",
        object_id=decision.pk,
        before={"status": DecisionStatus.AWAITING_SECOND_SIGNATURE},
        after={"status": DecisionStatus.SIGNED},
    )
    _decided(decision)
    return decision


def _decided(decision: Decision) -> None:
    from bistand.payments.services import PaymentError, payment_order_create

    try:
        payment_order_create(decision=decision, acted_by=decision.decided_by)
    except PaymentError as error:
        raise DecisionError(error.code, error.message) from error
    if decision.repayment_ground and decision.granted_amount > 0:
        from bistand.recoveries.services import receivable_for_conditional_aid

        receivable_for_conditional_aid(decision=decision, acted_by=decision.decided_by)
    application = decision.application
    if application is not None:
        application.status = ApplicationStatus.DECIDED
        application.save(update_fields=["status", "updated_at"])
        applicant = application.applicant
        notification_schedule(person=applicant)
