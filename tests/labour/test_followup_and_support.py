"""Outcomes per path (seed 004's table), off aid after closure, the coach's clocks, and the special
individual support's eligibility and decision."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from bistand.accounts.models import User
from bistand.cases.models import Case, CaseMember, Relation
from bistand.decisions.models import Decision, DecisionStatus, Outcome
from bistand.labour.clocks import coach_compliance, coach_queue
from bistand.labour.followup import off_aid_after, outcomes_by_path
from bistand.labour.models import (
    AdviceContact,
    ClosureReason,
    CoachMeeting,
    Referral,
    ReferralStatus,
    SpecialSupportOutcome,
    SpecialSupportTargetGroup,
)
from bistand.labour.services import LabourError, meeting_book, referral_accept
from bistand.labour.special_support import (
    advice_contacts_record,
    special_support_decide,
    special_support_register,
)
from bistand.organisations.models import Municipality, Unit, UnitKind
from bistand.people.identity_numbers import compose_identity_number
from bistand.people.models import Person
from tests.factories import World, client_for

STOCKHOLM_TZ = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def stockholm(world: World) -> World:
    Municipality.objects.update(guidelines="stockholm")
    for unit in (world.unit_a, world.unit_b, world.jobbtorg):
        unit.committee.municipality.guidelines = "stockholm"
    return world


@pytest.mark.django_db
def test_seed_004s_table_from_recorded_outcomes(world: World) -> None:
    """79 referred to Jobbtorg Resurs in 2010: 21 closed to work, 4 to studies, 4 self-supporting
    in a state programme (seed 004) — recorded one referral at a time, then counted."""
    resurs = Unit.objects.get(kind=UnitKind.JOBBTORG_RESURS)
    reasons = {
        code: ClosureReason.objects.get(code=code)
        for code in ClosureReason.objects.values_list("code", flat=True)
    }
    outcomes = (
        ["work"] * 15
        + ["work_subsidised"] * 6
        + ["studies"] * 4
        + ["state_programme"] * 4
        + ["moved"] * 3
        + ["other_benefit"] * 5
        + [None] * 42
    )
    assert len(outcomes) == 79
    people = Person.objects.bulk_create(
        Person(identity_number=f"19800101{n:04d}", first_name="P", last_name=str(n), gender="man")
        for n in range(79)
    )
    referrals = Referral.objects.bulk_create(
        Referral(
            case=world.case_b,
            person=person,
            to_unit=resurs,
            status=ReferralStatus.CLOSED if code else ReferralStatus.ACCEPTED,
            closure_reason=reasons[code] if code else None,
            closed_on=date(2010, 12, 1) if code else None,
        )
        for person, code in zip(people, outcomes, strict=True)
    )
    Referral.objects.filter(pk__in=[r.pk for r in referrals]).update(
        created_at=datetime(2010, 6, 1, 12, tzinfo=STOCKHOLM_TZ)
    )
    rows = {row.unit: row for row in outcomes_by_path(units=Unit.objects.all(), year=2010)}
    row = rows[resurs]
    assert (row.referred, row.work, row.studies, row.state_programme) == (79, 21, 4, 4)
    assert row.still_open == 42
    assert rows[world.jobbtorg].referred == 0  # the world's own referral was sent this year


def _granted(case: Case, month: date, caseworker: User) -> None:
    Decision.objects.create(
        case=case,
        month=month,
        outcome=Outcome.GRANTED,
        status=DecisionStatus.SIGNED,
        applied_amount=1000,
        granted_amount=1000,
        calculation_input={},
        calculation={},
        norm_year=month.year,
        norm_status="official",
        law="SoL (2025:400)",
        decided_by=caseworker,
        decided_at=datetime(month.year, month.month, 1, tzinfo=STOCKHOLM_TZ),
    )


@pytest.mark.django_db
def test_off_aid_after_3_and_6_months_from_the_decisions(world: World) -> None:
    person = world.person_b
    closed = date(2026, 3, 15)
    # Too early to tell in June; known in July.
    assert (
        off_aid_after(person_id=person.pk, closed_on=closed, months=3, today=date(2026, 6, 30))
        is None
    )
    assert (
        off_aid_after(person_id=person.pk, closed_on=closed, months=3, today=date(2026, 7, 1))
        is True
    )
    # Aid again for August: still off after 3 months, back on aid within 6 — known at once.
    _granted(world.case_b, date(2026, 8, 1), world.caseworker_b)
    assert (
        off_aid_after(person_id=person.pk, closed_on=closed, months=3, today=date(2026, 9, 1))
        is True
    )
    assert (
        off_aid_after(person_id=person.pk, closed_on=closed, months=6, today=date(2026, 9, 1))
        is False
    )
    # The person's membership counts, in any household.
    other = Case.objects.create(reference="EB-T-1", unit=world.unit_a, opened_on=date(2026, 1, 1))
    CaseMember.objects.create(case=other, person=world.person_a, relation=Relation.APPLICANT)
    _granted(other, date(2026, 4, 1), world.caseworker_a)
    assert (
        off_aid_after(
            person_id=world.person_a.pk, closed_on=closed, months=3, today=date(2026, 9, 1)
        )
        is False
    )


@pytest.mark.django_db
def test_the_coach_clock_counts_48_hours_from_the_referral(
    stockholm: World, coach_clocks_on: object
) -> None:
    world = stockholm
    sent = datetime(2026, 11, 2, 9, 0, tzinfo=STOCKHOLM_TZ)  # a Monday
    Referral.objects.filter(pk=world.referral_a.pk).update(created_at=sent)
    world.referral_a.refresh_from_db()
    units = world.coach.units.all()
    with time_machine.travel(datetime(2026, 11, 4, 8, 0, tzinfo=STOCKHOLM_TZ)):
        clock = coach_queue(units=units, now=datetime.now(STOCKHOLM_TZ))[0]
        assert clock.meeting_due == datetime(2026, 11, 4, 9, 0, tzinfo=STOCKHOLM_TZ)
        assert clock.activity_due == date(2026, 11, 9)  # five working days
        assert not clock.overdue
    with time_machine.travel(datetime(2026, 11, 4, 10, 0, tzinfo=STOCKHOLM_TZ)):
        now = datetime.now(STOCKHOLM_TZ)
        assert coach_queue(units=units, now=now)[0].meeting_overdue
        page = client_for(world.coach).get(reverse("labour:queue")).content.decode()
        assert 'class="overdue"' in page
        referral_accept(referral=world.referral_a, acted_by=world.coach)
        meeting_book(
            referral=world.referral_a,
            starts_at=datetime(2026, 11, 4, 13, 0, tzinfo=STOCKHOLM_TZ),
            acted_by=world.coach,
        )
        [row] = coach_compliance(units=units, now=now)
        assert (row.meetings, row.meetings_on_time) == (1, 0)
        CoachMeeting.objects.update(starts_at=datetime(2026, 11, 3, 13, 0, tzinfo=STOCKHOLM_TZ))
        [row] = coach_compliance(units=units, now=now)
        assert (row.meetings, row.meetings_on_time) == (1, 1)


@pytest.mark.django_db
def test_the_clock_is_off_where_the_municipality_has_not_adopted_it(stockholm: World) -> None:
    clock = coach_queue(units=stockholm.coach.units.all(), now=datetime.now(STOCKHOLM_TZ))[0]
    assert clock.meeting_due is None
    assert not clock.overdue


def _register(world: World, born: date, birth_number: int, group: str, **extra: object) -> object:
    values = {
        "unit": world.jobbtorg,
        "identity_number": compose_identity_number(born, birth_number),
        "first_name": "Uppsökt",
        "last_name": "Kontakt",
        "target_group": group,
        "works_or_studies": False,
        "weak_position": "",
        "wishes": "Stöd att börja studera.",
        "received_on": date(2026, 11, 20),
        "acted_by": world.coach,
    }
    values.update(extra)
    return special_support_register(**values)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_special_support_is_refused_to_people_on_income_support(stockholm: World) -> None:
    world = stockholm
    application = special_support_register(
        unit=world.jobbtorg,
        identity_number=world.person_a.identity_number,
        first_name="",
        last_name="",
        target_group=SpecialSupportTargetGroup.NEET_YOUTH,
        works_or_studies=False,
        weak_position="",
        wishes="Praktik.",
        received_on=date(2026, 11, 20),
        acted_by=world.coach,
    )
    assert "receives_income_support" in application.ineligibility
    with pytest.raises(LabourError) as error:
        special_support_decide(
            application=application,
            outcome=SpecialSupportOutcome.GRANTED,
            investigation="Samtal.",
            reasoning="Behov finns.",
            acted_by=world.coach,
        )
    assert error.value.code == "not_eligible"
    assert "försörjningsstöd" in str(error.value.message)
    refused = special_support_decide(
        application=application,
        outcome=SpecialSupportOutcome.REFUSED,
        investigation="Samtal.",
        reasoning="Personen får samma stöd genom sin planering via försörjningsstödet.",
        acted_by=world.coach,
    )
    assert refused.provision == "12 kap. 2 § SoL (2025:400)"
    page = (
        client_for(world.coach)
        .get(reverse("labour:special-support-detail", kwargs={"application_id": refused.pk}))
        .content.decode()
    )
    assert "förvaltningsrätten" in page  # how to appeal
    assert "3 veckor" in page


@pytest.mark.django_db
def test_special_support_age_and_womens_group(stockholm: World) -> None:
    world = stockholm
    young = _register(world, date(2001, 4, 4), 981, SpecialSupportTargetGroup.NEET_YOUTH)
    assert young.ineligibility == []  # type: ignore[attr-defined]
    granted = special_support_decide(
        application=young,  # type: ignore[arg-type]
        outcome=SpecialSupportOutcome.GRANTED,
        investigation="Uppsökande kontakt, inga studier sedan gymnasiet.",
        reasoning="Insatsen underlättar studier.",
        acted_by=world.coach,
    )
    assert granted.outcome == "granted"
    assert granted.decided_by == world.coach
    old = _register(world, date(1990, 4, 4), 983, SpecialSupportTargetGroup.NEET_YOUTH)
    assert old.ineligibility == ["age_outside_youth_group"]  # type: ignore[attr-defined]
    man = _register(
        world,
        date(1980, 4, 4),
        985,
        SpecialSupportTargetGroup.WOMEN_WEAK_POSITION,
        weak_position="Lång tid utan arbete.",
    )
    assert man.ineligibility == ["not_a_woman"]  # type: ignore[attr-defined]
    woman = _register(
        world,
        date(1980, 4, 4),
        984,
        SpecialSupportTargetGroup.WOMEN_WEAK_POSITION,
        weak_position="Aldrig haft arbete i Sverige.",
    )
    assert woman.ineligibility == []  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_decision_needs_its_reasoning(stockholm: World) -> None:
    world = stockholm
    application = _register(world, date(2001, 4, 4), 987, SpecialSupportTargetGroup.NEET_YOUTH)
    client = client_for(world.coach)
    url = reverse("labour:special-support-detail", kwargs={"application_id": application.pk})  # type: ignore[attr-defined]
    response = client.post(url, {"investigation": "Samtal.", "outcome": "granted", "reasoning": ""})
    assert response.status_code == 400
    application.refresh_from_db()  # type: ignore[attr-defined]
    assert application.outcome == ""  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_advice_without_a_decision_is_only_counted(stockholm: World) -> None:
    world = stockholm
    client = client_for(world.coach)
    people_before = Person.objects.count()
    response = client.post(
        reverse("labour:special-support"),
        {
            "action": "advice",
            "advice-on": "2026-11-20",
            "advice-target_group": "women_weak_position",
            "advice-contacts": "3",
        },
    )
    assert response.status_code == 302
    row = AdviceContact.objects.get()
    assert (row.contacts, row.unit) == (3, world.jobbtorg)
    assert Person.objects.count() == people_before
    with pytest.raises(LabourError):
        advice_contacts_record(
            unit=world.jobbtorg,
            on=date(2026, 11, 20),
            target_group="neet_youth",
            contacts=0,
            acted_by=world.coach,
        )


@pytest.mark.django_db
def test_the_follow_up_page_shows_the_table_for_the_coachs_units(stockholm: World) -> None:
    world = stockholm
    page = client_for(world.coach).get(reverse("labour:follow-up"))
    assert page.status_code == 200
    text = page.content.decode()
    assert world.jobbtorg.name in text
    resurs = Unit.objects.get(kind=UnitKind.JOBBTORG_RESURS)
    assert resurs.name not in text  # not the coach's unit


@pytest.mark.django_db
@time_machine.travel("2026-11-23 09:00 +0100", tick=False)
def test_a_year_not_in_the_list_is_explained_and_this_year_shown(stockholm: World) -> None:
    """Typed into the address instead of chosen: a year out of range or not a number gave a
    server error; now the page says what to do and shows this year."""
    coach = client_for(stockholm.coach)
    for year in ("-5", "9999999999", "2019", "tjugo"):
        page = coach.get(reverse("labour:follow-up"), {"year": year})
        assert page.status_code == 200, year
        text = page.content.decode()
        assert "Välj ett av åren i listan." in text, year
        assert "Remitterade 2026" in text, year
    chosen = coach.get(reverse("labour:follow-up"), {"year": "2024"}).content.decode()
    assert "Remitterade 2024" in chosen
    assert "Välj ett av åren i listan." not in chosen


@pytest.mark.django_db
def test_the_closures_follow_up_asks_for_its_people_by_subquery_not_by_their_ids(
    world: World,
) -> None:
    """Ten years of a large unit's closed referrals hold more people than the 65 535 parameters
    PostgreSQL takes in one statement: no query lists the people it follows up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bistand.labour.followup import closures_followed_up
    from tests.queries import most_ids_in_one_query

    reason = ClosureReason.objects.get(code="work")
    people = Person.objects.bulk_create(
        Person(identity_number=f"19800101{n:04d}", first_name="P", last_name=str(n), gender="man")
        for n in range(5)
    )
    Referral.objects.bulk_create(
        Referral(
            case=world.case_b,
            person=person,
            to_unit=world.jobbtorg,
            status=ReferralStatus.CLOSED,
            closure_reason=reason,
            closed_on=date(2026, 3, 15),
        )
        for person in people
    )
    with CaptureQueriesContext(connection) as queries:
        closures = closures_followed_up(units=Unit.objects.all(), today=date(2026, 11, 23))
    assert {c.referral.person_id for c in closures} >= {person.pk for person in people}
    assert all(c.after == {3: True, 6: True} for c in closures if c.referral.person in people)
    assert most_ids_in_one_query(queries, [person.pk for person in people]) <= 1
