"""The pathway as its users drive it: assessment → proposed referral → the coach's answer → plan,
activities, attendance → closure; and the rules each step enforces."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from bistand.cases.models import Relation
from bistand.cases.services import CaseResponsibilityError, case_close, case_open
from bistand.decisions.models import Decision, ReductionFlag
from bistand.labour.models import (
    ActionPlanVersion,
    ActivityKind,
    ClosureReason,
    Provider,
    Referral,
    ReferralStatus,
    WorkCapacity,
)
from bistand.labour.services import (
    LabourError,
    activity_add,
    attendance_record,
    plan_save,
    referral_accept,
    referral_close,
    referral_proposal,
    work_capacity_record,
)
from bistand.organisations.models import Municipality, Unit, UnitKind
from tests.factories import World, client_for, person_make, unit_create

TODAY = timezone.localdate


@pytest.fixture
def stockholm(world: World) -> World:
    """The world's municipality follows Stockholm's local guidelines."""
    Municipality.objects.update(guidelines="stockholm")
    for unit in (world.unit_a, world.unit_b, world.jobbtorg):
        unit.committee.municipality.guidelines = "stockholm"
    return world


def _resurs(world: World) -> Unit:
    return Unit.objects.get(kind=UnitKind.JOBBTORG_RESURS)


def _assess(world: World, level: str, percentage: int | None = None) -> None:
    work_capacity_record(
        case=world.case_a,
        person=world.protected_person,
        level=level,
        percentage=percentage,
        basis="medical_certificate",
        assessed_on=TODAY(),
        persons_view="Jag vill arbeta deltid.",
        acted_by=world.caseworker_a,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("level", "percentage", "unit_kind", "label"),
    [
        (WorkCapacity.FULL, None, UnitKind.JOBBTORG, "jobbtorg"),
        (WorkCapacity.PARTLY_REDUCED, 50, UnitKind.JOBBTORG_RESURS, "jobbtorg_resurs"),
        (WorkCapacity.UNDER_25, None, UnitKind.WORK_TRAINING, "own_work_training"),
        (WorkCapacity.NONE, None, None, "none"),
    ],
)
def test_the_policy_proposes_a_path_from_the_latest_assessment(
    stockholm: World, level: str, percentage: int | None, unit_kind: str | None, label: str
) -> None:
    world = stockholm
    training = unit_create(committee_name=world.unit_a.committee.name, kind=UnitKind.WORK_TRAINING)
    _assess(world, level, percentage)
    proposal = referral_proposal(case=world.case_a, person=world.protected_person)
    assert proposal is not None
    assert proposal.path == label
    expected = {
        UnitKind.JOBBTORG: world.jobbtorg,
        UnitKind.JOBBTORG_RESURS: _resurs(world),
        UnitKind.WORK_TRAINING: training,
        None: None,
    }[unit_kind]
    assert proposal.unit == expected


@pytest.mark.django_db
def test_a_percentage_belongs_to_a_partly_reduced_capacity_only(stockholm: World) -> None:
    with pytest.raises(LabourError) as error:
        _assess(stockholm, WorkCapacity.PARTLY_REDUCED)
    assert error.value.code == "percentage_required"
    with pytest.raises(LabourError) as error:
        _assess(stockholm, WorkCapacity.FULL, 60)
    assert error.value.code == "percentage_only_when_partly_reduced"


@pytest.mark.django_db
def test_choosing_another_path_needs_a_reason_and_is_journalled(stockholm: World) -> None:
    world = stockholm
    client = client_for(world.caseworker_a)
    url = reverse("labour:case", kwargs={"case_id": world.case_a.pk})
    response = client.post(
        url,
        {
            "action": "assess",
            "assess-person": str(world.protected_person.pk),
            "assess-level": "partly_reduced",
            "assess-percentage": "50",
            "assess-basis": "medical_certificate",
            "assess-assessed_on": TODAY().isoformat(),
            "assess-persons_view": "",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Jobbtorg Resurs" in page  # the proposal
    refer = {
        "action": "refer",
        "refer-person": str(world.protected_person.pk),
        "refer-to_unit": str(world.jobbtorg.pk),
        "refer-reason": "",
    }
    response = client.post(url, refer)
    assert response.status_code == 400
    assert "skäl" in response.content.decode()  # the message, in Swedish
    assert not Referral.objects.filter(person=world.protected_person).exists()
    response = client.post(url, {**refer, "refer-reason": "Vill pröva heltid, läkaren instämmer."})
    assert response.status_code == 302
    referral = Referral.objects.get(person=world.protected_person)
    assert referral.proposed_path == "jobbtorg_resurs"
    assert referral.reason.startswith("Vill pröva")
    assert world.case_a.journal.filter(text__contains="Vill pröva heltid").exists()


@pytest.mark.django_db
def test_the_coach_sends_back_with_a_reason_the_caseworker_reads(stockholm: World) -> None:
    world = stockholm
    coach = client_for(world.coach)
    url = reverse("labour:referral", kwargs={"referral_id": world.referral_a.pk})
    assert coach.post(url, {"action": "return", "return-return_reason": ""}).status_code == 400
    response = coach.post(
        url, {"action": "return", "return-return_reason": "Behöver först sjukskrivning utredd."}
    )
    assert response.status_code == 302
    world.referral_a.refresh_from_db()
    assert world.referral_a.status == ReferralStatus.RETURNED
    page = client_for(world.caseworker_a).get(
        reverse("labour:case", kwargs={"case_id": world.case_a.pk})
    )
    assert "Behöver först sjukskrivning utredd." in page.content.decode()
    # Sent back, the referral no longer opens the case to the coach.
    assert (
        coach.get(reverse("cases:detail", kwargs={"case_id": world.case_a.pk})).status_code == 404
    )


def _plan_with_activity(world: World, kind: str = ActivityKind.WORK_PRACTICE) -> object:
    referral_accept(referral=world.referral_a, acted_by=world.coach)
    plan = plan_save(
        referral=world.referral_a,
        goals="Arbete inom lager inom ett år.",
        interests="Logistik",
        competencies="Truckkort",
        made_with_person=True,
        acted_by=world.coach,
    )
    provider = Provider.objects.create(name="Praktik AB")
    activity = activity_add(
        plan=plan,
        kind=kind,
        provider=provider,
        starts_on=TODAY() - timedelta(days=10),
        ends_on=None,
        hours_per_week=Decimal("20"),
        acted_by=world.coach,
    )
    return plan, activity


@pytest.mark.django_db
def test_every_change_of_the_plan_is_a_version_the_person_reads(stockholm: World) -> None:
    world = stockholm
    plan, _activity = _plan_with_activity(world)
    versions = ActionPlanVersion.objects.filter(plan=plan).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].content["activities"] == []
    assert versions[1].content["activities"][0]["provider"] == "Praktik AB"
    page = client_for(world.applicant).get(reverse("labour:my-plan")).content.decode()
    assert "Arbete inom lager inom ett år." in page
    assert "Praktik AB" in page
    assert "version 2" in page
    # Another applicant sees no plan of someone else's.
    other = client_for(world.applicant_b).get(reverse("labour:my-plan")).content.decode()
    assert "Praktik AB" not in other


@pytest.mark.django_db
def test_starting_a_business_is_off_unless_the_municipality_allows_it(stockholm: World) -> None:
    with pytest.raises(LabourError) as error:
        _plan_with_activity(stockholm, kind=ActivityKind.STARTING_A_BUSINESS)
    assert error.value.code == "business_not_allowed"


@pytest.mark.django_db
def test_an_absence_flags_the_aid_case_and_changes_no_amount(stockholm: World) -> None:
    world = stockholm
    _plan, activity = _plan_with_activity(world)
    granted_before = list(Decision.objects.values_list("pk", "granted_amount"))
    day = TODAY() - timedelta(days=2)
    attendance_record(activity=activity, on=day, status="present", note="", acted_by=world.coach)
    assert not ReductionFlag.objects.exists()
    with pytest.raises(LabourError) as error:
        attendance_record(
            activity=activity, on=day, status="unexcused", note="", acted_by=world.coach
        )
    assert error.value.code == "attendance_twice"
    attendance_record(
        activity=activity,
        on=day - timedelta(days=1),
        status="unexcused",
        note="Ingen anmälan.",
        acted_by=world.coach,
    )
    flag = ReductionFlag.objects.get()
    assert flag.case == world.case_a
    assert flag.ground == "absence_from_activity"
    assert flag.raised_by == world.coach
    assert flag.resolution == ""  # waits for the caseworker's individual assessment
    assert list(Decision.objects.values_list("pk", "granted_amount")) == granted_before
    flags = client_for(world.caseworker_a).get(
        reverse("decisions:flags", kwargs={"case_id": world.case_a.pk})
    )
    assert "Ingen anmälan." in flags.content.decode()


@pytest.mark.django_db
def test_closing_the_case_closes_its_referrals_with_the_same_reason(stockholm: World) -> None:
    world = stockholm
    work = ClosureReason.objects.get(code="work")
    case_close(case=world.case_a, reason=work, closed_on=TODAY(), acted_by=world.caseworker_a)
    world.referral_a.refresh_from_db()
    assert world.referral_a.status == ReferralStatus.CLOSED
    assert world.referral_a.closure_reason == work
    with pytest.raises(LabourError):
        referral_close(
            referral=world.referral_a, reason=work, closed_on=TODAY(), acted_by=world.coach
        )


@pytest.mark.django_db
def test_the_shipped_closure_reasons_map_to_national_categories() -> None:
    codes = dict(ClosureReason.objects.values_list("code", "national_category"))
    assert codes["work"] == codes["work_subsidised"] == "work"
    assert codes["studies"] == "studies"
    assert codes["state_programme"] == "state_programme"
    assert {"work_practice", "other_benefit", "moved", "unknown", "sent_back"} <= set(codes)


@pytest.mark.django_db
def test_one_responsible_unit_per_person(stockholm: World) -> None:
    world = stockholm
    with pytest.raises(CaseResponsibilityError) as error:
        case_open(
            unit=world.unit_b,
            household=[(world.person_a, Relation.APPLICANT)],
            opened_on=TODAY(),
            acted_by=world.caseworker_b,
        )
    assert error.value.code == "responsible_elsewhere"
    assert world.unit_a.name in str(error.value.message)
    # A child may be in two households; a new adult opens a case anywhere.
    newcomer = person_make(acted_by=world.caseworker_b)
    case = case_open(
        unit=world.unit_b,
        household=[(newcomer, Relation.APPLICANT)],
        opened_on=TODAY(),
        acted_by=world.caseworker_b,
    )
    assert case.unit == world.unit_b


@pytest.mark.django_db
def test_after_closure_the_case_may_be_opened_by_another_unit(stockholm: World) -> None:
    world = stockholm
    case_close(
        case=world.case_a,
        reason=ClosureReason.objects.get(code="moved"),
        closed_on=TODAY(),
        acted_by=world.caseworker_a,
    )
    case = case_open(
        unit=world.unit_b,
        household=[(world.person_a, Relation.APPLICANT)],
        opened_on=TODAY(),
        acted_by=world.caseworker_b,
    )
    assert case.unit == world.unit_b
    assert world.person_a.memberships.count() == 2


@pytest.mark.django_db
def test_one_responsible_unit_also_when_the_household_has_children(stockholm: World) -> None:
    world = stockholm
    parent, child = (
        person_make(acted_by=world.caseworker_a),
        person_make(acted_by=world.caseworker_a),
    )
    case_open(
        unit=world.unit_a,
        household=[(parent, Relation.APPLICANT), (child, Relation.CHILD)],
        opened_on=TODAY(),
        acted_by=world.caseworker_a,
    )
    with pytest.raises(CaseResponsibilityError) as error:
        case_open(
            unit=world.unit_b,
            household=[(parent, Relation.APPLICANT)],
            opened_on=TODAY(),
            acted_by=world.caseworker_b,
        )
    assert error.value.code == "responsible_elsewhere"
