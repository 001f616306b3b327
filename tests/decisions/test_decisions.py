"""Deciding: the system calculates, the caseworker decides and gives reasons; the letter states
the law of the month and how to appeal; the applicant reads it as a page and as a tagged PDF."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from bistand.applications.models import ApplicationStatus
from bistand.decisions.calculation_input import applied_amounts
from bistand.decisions.models import DecisionStatus, Outcome
from bistand.decisions.services import DecisionError, Reduction, decision_make
from bistand.organisations.models import Municipality
from tests.factories import World, application_make, client_for


def _application(world: World, month: date, **answers):  # type: ignore[no-untyped-def]
    application = application_make(person=world.person_b, case=world.case_b, month=month)
    application.answers = {
        "housing": {"housing_type": "rental", "housing": "7000"},
        "incomes": {"employment": "0"},
        **answers,
    }
    application.save()
    return application


def _decide(world: World, application, **changes):  # type: ignore[no-untyped-def]
    approved = {**applied_amounts(application), **changes.pop("approved", {})}
    return decision_make(
        application=application,
        approved=approved,
        reasoning=changes.pop("reasoning", ""),
        approval_reason=changes.pop("approval_reason", ""),
        reduction=changes.pop("reduction", None),
        acted_by=world.caseworker_b,
    )


@pytest.mark.django_db
def test_full_grant_needs_no_reasoning_and_reaches_the_applicant(world: World) -> None:
    application = _application(world, date(2026, 3, 1))
    decision = _decide(world, application)
    assert decision.outcome == Outcome.GRANTED
    assert decision.granted_amount == Decimal(5220 + 7000)  # 2026 single norm + rent
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    applicant = client_for(world.applicant_b)
    page = applicant.get(reverse("applications:my-case")).content.decode()
    assert "12\u00a0220\u00a0kr" in page  # grouped, and never broken from its unit


@pytest.mark.django_db
def test_a_lower_approved_rent_needs_a_reason_and_then_a_reasoning(world: World) -> None:
    application = _application(world, date(2026, 3, 1))
    with pytest.raises(DecisionError) as error:
        _decide(world, application, approved={"housing": Decimal(6000)})
    assert error.value.code == "reasoning_required"
    with pytest.raises(DecisionError) as error:
        _decide(world, application, approved={"housing": Decimal(6000)}, reasoning="Skäligt.")
    assert error.value.code == "lower_amount_reason_required"
    decision = _decide(
        world,
        application,
        approved={"housing": Decimal(6000)},
        reasoning="Hyran är högre än skäligt för en person.",
        approval_reason="Skälig hyra för en person i området är 6 000 kr.",
    )
    assert decision.outcome == Outcome.PARTLY_GRANTED
    assert decision.granted_amount == Decimal(5220 + 6000)
    assert decision.applied_amount == Decimal(5220 + 7000)


@pytest.mark.django_db
def test_refusal_without_reasoning_is_rejected(world: World) -> None:
    application = _application(world, date(2026, 3, 1), incomes={"pension": "20000"})
    with pytest.raises(DecisionError) as error:
        _decide(world, application)
    assert error.value.code == "reasoning_required"
    decision = _decide(world, application, reasoning="Pensionen täcker behovet.")
    assert decision.outcome == Outcome.REFUSED
    assert decision.granted_amount == 0


@pytest.mark.django_db
def test_reduction_without_the_assessment_fields_is_rejected(world: World) -> None:
    application = _application(world, date(2026, 3, 1))
    bare = Reduction(
        amount=Decimal(1000),
        ground="absence_from_activity",
        acceptable_reason_assessment="",
        person_heard_on=None,
    )
    with pytest.raises(DecisionError) as error:
        _decide(world, application, reduction=bare, reasoning="Uteblev.")
    assert error.value.code == "reduction_assessment_required"
    assessed = Reduction(
        amount=Decimal(1000),
        ground="absence_from_activity",
        acceptable_reason_assessment="Inget godtagbart skäl har framkommit.",
        person_heard_on=date(2026, 2, 20),
    )
    decision = _decide(
        world,
        application,
        reduction=assessed,
        reasoning="Uteblev från praktiken tre dagar utan att höra av sig.",
    )
    assert decision.outcome == Outcome.PARTLY_GRANTED
    assert decision.granted_amount == Decimal(5220 + 7000 - 1000)
    reduction_line = next(
        line for line in decision.calculation["lines"] if line["code"] == "adjustment_reduction"
    )
    assert reduction_line["legal_reference"] == "12 kap. 5 § SoL (2025:400)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("month", "law", "appeal", "basis"),
    [
        (
            date(2025, 6, 1),
            "SoL (2001:453)",
            "16 kap. 3 § SoL (2001:453)",
            "4 kap. 1 § SoL (2001:453)",
        ),
        (
            date(2025, 7, 1),
            "SoL (2025:400)",
            "35 kap. 1 § SoL (2025:400)",
            "12 kap. 1 § SoL (2025:400)",
        ),
    ],
)
def test_the_pdf_letter_states_the_appeal_and_the_law_of_its_month(
    world: World, month: date, law: str, appeal: str, basis: str
) -> None:
    decision = _decide(world, _application(world, month))
    response = client_for(world.applicant_b).get(
        reverse("decisions:letter", kwargs={"decision_id": decision.pk})
    )
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "förvaltningsrätten" in text
    assert "inom 3 veckor" in text
    assert appeal in text
    assert basis in text
    assert law in text
    assert pdf.trailer["/Root"]["/Lang"] == "sv"  # language set
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged


@pytest.mark.django_db
def test_second_signature_by_the_unit_manager_where_required(world: World) -> None:
    Municipality.objects.update(decisions_need_second_signature=True)
    application = _application(world, date(2026, 3, 1))
    decision = _decide(world, application)
    assert decision.status == DecisionStatus.AWAITING_SECOND_SIGNATURE
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED
    applicant = client_for(world.applicant_b)
    url = reverse("decisions:detail", kwargs={"decision_id": decision.pk})
    assert applicant.get(url).status_code == 404  # not the applicant's until signed
    manager_b = world.manager_b
    sign = reverse("decisions:sign", kwargs={"decision_id": decision.pk})
    assert client_for(manager_b).post(sign).status_code == 302
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SIGNED
    assert decision.second_signed_by == manager_b
    assert applicant.get(url).status_code == 200


@pytest.mark.django_db
def test_refusal_for_not_standing_at_the_labour_markets_disposal(world: World) -> None:
    from bistand.decisions.models import RefusalGround

    application = _application(world, date(2026, 3, 1))
    approved = applied_amounts(application)
    arguments = {
        "application": application,
        "approved": approved,
        "approval_reason": "",
        "reduction": None,
        "acted_by": world.caseworker_b,
        "refusal_ground": RefusalGround.NOT_AT_LABOUR_MARKET_DISPOSAL,
    }
    with pytest.raises(DecisionError) as error:
        decision_make(reasoning="", **arguments)
    assert error.value.code == "reasoning_required"
    decision = decision_make(
        reasoning="Har avböjt anvisade insatser utan godtagbart skäl.", **arguments
    )
    assert decision.outcome == Outcome.REFUSED
    assert decision.granted_amount == 0
    assert not hasattr(decision, "payment_order") or decision.payment_order is None
    page = (
        client_for(world.applicant_b)
        .get(reverse("decisions:detail", kwargs={"decision_id": decision.pk}))
        .content.decode()
    )
    assert "12 kap. 3 § SoL (2025:400)" in page


@pytest.mark.django_db
def test_the_decide_page_passes_repayment_and_refusal_on(world: World) -> None:
    application = _application(world, date(2026, 5, 1))
    url = reverse("decisions:decide", kwargs={"application_id": application.pk})
    client = client_for(world.caseworker_b)
    response = client.post(
        url, {"decide": "1", "repayment_ground": "advance_on_benefit", "amount_housing": "7000"}
    )
    assert (
        "utrymme att betala tillbaka" in response.content.decode()
        or "kan betala tillbaka" in response.content.decode()
    )
    response = client.post(
        url,
        {
            "decide": "1",
            "amount_housing": "7000",
            "refusal_ground": "not_at_labour_market_disposal",
            "reasoning": "Avböjer att stå till arbetsmarknadens förfogande.",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.decision.refusal_ground == "not_at_labour_market_disposal"
    assert application.decision.granted_amount == 0
