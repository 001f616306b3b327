"""Repayable aid needs its ground and the room-to-repay check; recovery shows the 3-year limit."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from bistand.decisions.calculation_input import applied_amounts
from bistand.decisions.models import RepaymentGround
from bistand.decisions.services import DecisionError, Repayment, decision_make
from bistand.recoveries.models import ReceivableKind, ReceivableStatus
from bistand.recoveries.services import (
    RecoveryError,
    receivable_register_payment,
    recovery_open,
)
from tests.factories import World, application_make, client_for


def _decide(world: World, month: date, repayment: Repayment | None):  # type: ignore[no-untyped-def]
    application = application_make(person=world.person_b, case=world.case_b, month=month)
    return decision_make(
        application=application,
        approved=applied_amounts(application),
        reasoning="",
        approval_reason="",
        reduction=None,
        acted_by=world.caseworker_b,
        repayment=repayment,
    )


@pytest.mark.django_db
def test_a_repayment_condition_without_a_ground_fails(world: World) -> None:
    with pytest.raises(DecisionError) as error:
        _decide(world, date(2026, 3, 1), Repayment(ground="", capacity_assessment="Lön i april."))
    assert error.value.code == "repayment_ground_required"
    with pytest.raises(DecisionError) as error:
        _decide(
            world,
            date(2026, 4, 1),
            Repayment(ground=RepaymentGround.ADVANCE_ON_BENEFIT, capacity_assessment=" "),
        )
    assert error.value.code == "repayment_capacity_required"


@pytest.mark.django_db
def test_the_advance_model_is_off_for_stockholm(world: World) -> None:
    world.case_b.unit.committee.municipality.__class__.objects.update(guidelines="stockholm")
    with pytest.raises(DecisionError) as error:
        _decide(
            world,
            date(2026, 3, 1),
            Repayment(
                ground=RepaymentGround.ADVANCE_ESTABLISHMENT_ALLOWANCE,
                capacity_assessment="Etableringsersättning beviljad i april.",
            ),
        )
    assert error.value.code == "advance_model_off"


@pytest.mark.django_db
def test_repayable_aid_states_its_ground_and_is_tracked_until_repaid(world: World) -> None:
    decision = _decide(
        world,
        date(2026, 3, 1),
        Repayment(
            ground=RepaymentGround.ADVANCE_ON_BENEFIT,
            capacity_assessment="Sjukpenning för mars betalas ut i april.",
        ),
    )
    receivable = decision.receivable
    assert receivable.kind == ReceivableKind.CONDITIONAL_AID
    assert receivable.amount == decision.granted_amount
    assert receivable.legal_basis == "33 kap. 2-3 §§ SoL (2025:400)"
    pdf = (
        client_for(world.applicant_b)
        .get(reverse("decisions:letter", kwargs={"decision_id": decision.pk}))
        .content
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "betalar tillbaka" in text
    assert "Förskott på en förmån eller ersättning som kommer" in text
    receivable = receivable_register_payment(
        receivable=receivable, amount=receivable.amount, acted_by=world.caseworker_b
    )
    assert receivable.status == ReceivableStatus.PAID


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("month", "basis"),
    [
        (date(2025, 6, 1), "9 kap. 1 § SoL (2001:453)"),  # granted before the new law: old law
        (date(2025, 7, 1), "33 kap. 1 § SoL (2025:400)"),
    ],
)
def test_recovery_of_an_incorrect_payment_shows_the_three_year_limit(
    world: World, month: date, basis: str
) -> None:
    order = _decide(world, month, None).payment_order
    with pytest.raises(RecoveryError):
        recovery_open(
            order=order,
            amount=Decimal(100),
            reason=" ",
            paid_out_on=month,
            acted_by=world.caseworker_b,
        )
    receivable = recovery_open(
        order=order,
        amount=Decimal(2000),
        reason="Lön för månaden uppgavs inte.",
        paid_out_on=month,
        acted_by=world.caseworker_b,
    )
    assert receivable.legal_basis == basis
    assert receivable.court_deadline == date(month.year + 3, month.month, month.day)
