"""The dashboard's figures on a small hand-made history where every answer is known.

2024, unit A (threshold 3 unless a test says otherwise):
- H1: a woman born in Sweden (1990) and her partner, a man born abroad (1985), two children:
  aid every month, 10 000 kr.
- H2: a woman born abroad (1980), alone: aid Jan-Mar and May-Jun, 4 000 kr.
- H3-H5: three men born in Sweden (2000), alone: aid Jan-Feb, 5 000 kr each.
Unit B: H6, a man born in Sweden (1970), aid Jan, 3 000 kr (outside unit A's manager's view).
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from bistand.accounts.models import User
from bistand.applications.categories import SupportBarrier
from bistand.cases.models import Case, Relation
from bistand.decisions.models import Decision, DecisionStatus, Outcome
from bistand.followup.dashboard import (
    Breakdown,
    Filters,
    Labels,
    education_providers,
    outcomes_by_path,
    time_targets,
    units_in_scope,
)
from bistand.followup.dashboard import aid_per_month as aid_table
from bistand.followup.dashboard import duration_per_year as duration_table
from bistand.followup.dashboard import returns_to_aid as returns_table
from bistand.followup.dashboard import support_barriers as barrier_table
from bistand.followup.goals import goals
from bistand.followup.models import AidMonthFact, BirthRegion, Goal, GoalDirection, GoalMeasure
from bistand.followup.referral_facts import referral_facts_rebuild
from bistand.followup.refresh import refresh
from bistand.investigations.models import InvestigatedAdult, Investigation
from bistand.labour.models import (
    Activity,
    ActivityKind,
    NationalCategory,
    Provider,
    Referral,
)
from bistand.labour.services import (
    meeting_book,
    referral_accept,
    referral_send,
)
from bistand.organisations.models import Municipality
from bistand.people.models import Gender, Person
from bistand.rules.statistics import month_index
from tests.factories import World, case_make, client_for, person_make
from tests.followup.labour_steps import in_activity

STOCKHOLM_TZ = ZoneInfo("Europe/Stockholm")
JAN, DEC = month_index(date(2024, 1, 1)), month_index(date(2024, 12, 1))


@dataclass
class History:
    h1: Case
    h2: Case
    men: list[Case]


def _person(world: World, *, gender: str, born_in_sweden: bool, born: date) -> Person:
    person = person_make(acted_by=world.caseworker_a, born=born)
    Person.objects.filter(pk=person.pk).update(gender=gender, born_in_sweden=born_in_sweden)
    return person


def _granted(case: Case, months: list[int], amount: int, caseworker: User) -> None:
    for month in months:
        _decision(case, date(2024, month, 1), caseworker, amount)


def _decision(case: Case, month: date, caseworker: User, amount: int = 1000) -> None:
    Decision.objects.create(
        case=case,
        month=month,
        outcome=Outcome.GRANTED,
        status=DecisionStatus.SIGNED,
        applied_amount=amount,
        granted_amount=amount,
        calculation_input={},
        calculation={},
        norm_year=month.year,
        norm_status="official",
        law="SoL (2001:453)",
        decided_by=caseworker,
        decided_at=datetime(month.year, month.month, 1, tzinfo=STOCKHOLM_TZ),
    )


def _barrier(case: Case, person: Person, barrier: str, world: World) -> None:
    investigation, _ = Investigation.objects.get_or_create(
        case=case, defaults={"updated_by": world.caseworker_a}
    )
    InvestigatedAdult.objects.create(
        investigation=investigation, person=person, support_barrier=barrier
    )


def _history(world: World) -> History:
    woman = _person(world, gender=Gender.WOMAN, born_in_sweden=True, born=date(1990, 3, 1))
    partner = _person(world, gender=Gender.MAN, born_in_sweden=False, born=date(1985, 3, 1))
    kids = [_person(world, gender=Gender.MAN, born_in_sweden=True, born=date(2015, 3, 1))]
    kids.append(_person(world, gender=Gender.WOMAN, born_in_sweden=True, born=date(2018, 3, 1)))
    h1 = case_make(
        unit=world.unit_a,
        acted_by=world.caseworker_a,
        members=[
            (woman, Relation.APPLICANT),
            (partner, Relation.PARTNER),
            *[(kid, Relation.CHILD) for kid in kids],
        ],
    )
    _granted(h1, list(range(1, 13)), 10_000, world.caseworker_a)
    _barrier(h1, woman, SupportBarrier.SICK_WITH_CERTIFICATE, world)
    _barrier(h1, partner, SupportBarrier.UNEMPLOYED_REGISTERED, world)
    alone = _person(world, gender=Gender.WOMAN, born_in_sweden=False, born=date(1980, 3, 1))
    h2 = case_make(unit=world.unit_a, acted_by=world.caseworker_a, members=[(alone, "applicant")])
    _granted(h2, [1, 2, 3, 5, 6], 4_000, world.caseworker_a)
    _barrier(h2, alone, SupportBarrier.UNEMPLOYED_REGISTERED, world)
    men = []
    for _number in range(3):
        man = _person(world, gender=Gender.MAN, born_in_sweden=True, born=date(2000, 3, 1))
        case = case_make(
            unit=world.unit_a, acted_by=world.caseworker_a, members=[(man, "applicant")]
        )
        _granted(case, [1, 2], 5_000, world.caseworker_a)
        _barrier(case, man, SupportBarrier.UNEMPLOYED_REGISTERED, world)
        men.append(case)
    other = _person(world, gender=Gender.MAN, born_in_sweden=True, born=date(1970, 3, 1))
    h6 = case_make(unit=world.unit_b, acted_by=world.caseworker_b, members=[(other, "applicant")])
    _granted(h6, [1], 3_000, world.caseworker_b)
    refresh(JAN, DEC)
    return History(h1, h2, men)


def _tables(world: World, user: User, **filters: object) -> dict[str, list[list[object]]]:
    chosen = Filters(first=JAN, last=DEC, **filters)  # type: ignore[arg-type]
    scope = units_in_scope(user)
    labels = Labels(scope)
    return {
        build.__name__: build(chosen, scope, labels).rows
        for build in (aid_table, duration_table, returns_table, barrier_table)
    }


@pytest.fixture
def history(world: World, settings) -> History:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 3
    return _history(world)


@pytest.mark.django_db
def test_facts_hold_one_row_per_adult_and_month_without_names(world: World, history: History):
    facts = AidMonthFact.objects.filter(month_index__gte=JAN, month_index__lte=DEC)
    # adults: H1 2 x 12, H2 5, H3-H5 3 x 2, H6 1
    assert facts.count() == 24 + 5 + 6 + 1
    jan = facts.filter(month_index=JAN, household_key=history.h1.pk)
    assert sorted((f.head, f.children, f.amount) for f in jan) == [
        (False, 0, Decimal(0)),
        (True, 2, Decimal(10_000)),
    ]
    assert {f.age_band for f in jan} == {"30-39"}  # 33 and 38 in January 2024
    assert not hasattr(AidMonthFact, "identity_number")


@pytest.mark.django_db
def test_aid_per_month_counts_households_persons_and_amounts(world: World, history: History):
    rows = _tables(world, world.manager_a)["aid_per_month"]
    jan, feb, mar, apr = rows[:4]
    # January: 5 households, 6 adults, 2 children (suppressed, so persons too), 29 000 kr
    assert jan == ["2024-01", 5, 6, None, None, Decimal(29_000)]
    assert feb == ["2024-02", *jan[1:]]
    # March: H1 and H2: 2 households (suppressed, so is their amount), 3 adults
    assert mar == ["2024-03", None, 3, None, None, None]
    assert apr == ["2024-04", None, None, None, None, None]
    assert len(rows) == 12


@pytest.mark.django_db
def test_the_analyst_sees_every_unit_and_the_manager_only_their_own(world, history, settings):
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    analyst_jan = _tables(world, world.analyst)["aid_per_month"][0]
    manager_jan = _tables(world, world.manager_a)["aid_per_month"][0]
    assert analyst_jan == ["2024-01", 6, 7, 2, 9, Decimal(32_000)]
    assert manager_jan == ["2024-01", 5, 6, 2, 8, Decimal(29_000)]
    only_b = _tables(world, world.analyst, unit=world.unit_b.pk)["aid_per_month"]
    assert only_b == [["2024-01", 1, 1, 0, 1, Decimal(3_000)]]
    assert _tables(world, world.manager_a, unit=world.unit_b.pk)["aid_per_month"] == []


@pytest.mark.django_db
def test_gender_and_birth_region_breakdowns(world: World, history: History, settings):
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    by_gender = _tables(world, world.manager_a, breakdown=Breakdown.GENDER)["aid_per_month"]
    # January, households by their applicant: 2 women (H1, H2), 3 men; adults 2 women, 4 men
    assert by_gender[:2] == [
        ["2024-01", str(Gender.MAN.label), 3, 4, 0, 4, Decimal(15_000)],
        ["2024-01", str(Gender.WOMAN.label), 2, 2, 2, 4, Decimal(14_000)],
    ]
    by_born = _tables(world, world.manager_a, breakdown=Breakdown.BORN)["aid_per_month"]
    assert by_born[:2] == [
        ["2024-01", str(BirthRegion.ABROAD.label), 1, 2, 0, 2, Decimal(4_000)],
        ["2024-01", str(BirthRegion.SWEDEN.label), 4, 4, 2, 6, Decimal(25_000)],
    ]
    women_abroad = _tables(world, world.manager_a, gender=Gender.WOMAN, born="abroad")
    assert [row[0] for row in women_abroad["aid_per_month"]] == [
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-05",
        "2024-06",
    ]
    young = _tables(world, world.manager_a, age_band="18-24")["aid_per_month"]
    assert [row[:3] for row in young] == [["2024-01", 3, 3], ["2024-02", 3, 3]]


@pytest.mark.django_db
def test_duration_and_long_term_recipients_with_suppression(world, history, settings):
    # threshold 3: 2 long-term adults are suppressed, and so is their share
    rows = _tables(world, world.manager_a)["duration_per_year"]
    assert rows == [["2024", 6, 3, None, 0, None, None, None]]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    rows = _tables(world, world.manager_a)["duration_per_year"]
    # bands 1-3, 4-6, 7-9, 10-12: the three men, H2's woman, nobody, H1's two adults
    assert rows == [["2024", 6, 3, 1, 0, 2, 2, Fraction(1, 3)]]
    by_gender = _tables(world, world.manager_a, breakdown=Breakdown.GENDER)["duration_per_year"]
    assert by_gender == [
        ["2024", str(Gender.MAN.label), 4, 3, 0, 0, 1, 1, Fraction(1, 4)],
        ["2024", str(Gender.WOMAN.label), 2, 0, 1, 0, 1, 1, Fraction(1, 2)],
    ]


@pytest.mark.django_db
def test_returns_to_aid_within_3_and_6_months(world: World, history: History, settings):
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    rows = _tables(world, world.manager_a)["returns_to_aid"]
    # Left: the three men (first month without: March), H2's woman (April, back in May; and July,
    # not back by October; her 6-month window after July ends after December: not known yet).
    # H1 never left. 3 months: 5 exits, 1 back; 6 months: 4 exits known, 1 back.
    assert rows == [["2024", 5, 1, Fraction(1, 5), 4, 1, Fraction(1, 4)]]
    by_born = _tables(world, world.manager_a, breakdown=Breakdown.BORN)["returns_to_aid"]
    assert by_born == [
        ["2024", str(BirthRegion.ABROAD.label), 2, 1, Fraction(1, 2), 1, 1, Fraction(1)],
        ["2024", str(BirthRegion.SWEDEN.label), 3, 0, Fraction(0), 3, 0, Fraction(0)],
    ]


@pytest.mark.django_db
def test_support_barriers_count_each_adult_once_a_year(world: World, history: History, settings):
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    rows = _tables(world, world.manager_a)["support_barriers"]
    assert rows == [
        ["2024", str(SupportBarrier.SICK_WITH_CERTIFICATE.label), 1, 1],
        ["2024", str(SupportBarrier.UNEMPLOYED_REGISTERED.label), 5, 1],
    ]


@pytest.mark.django_db
def test_page_and_exports_show_the_same_suppressed_figures(world: World, history: History):
    client = client_for(world.manager_a)
    query = {"first": "2024-01", "last": "2024-12"}
    page = client.get(reverse("followup:statistics"), query)
    body = page.content.decode()
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in body  # charts beside the tables
    assert history.h1.reference not in body
    exported = client.get(
        reverse("followup:export"), {**query, "table": "aid_per_month", "format": "csv"}
    )
    assert exported["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    with translation.override("sv"):
        assert lines[0][:3] == [gettext("Month"), gettext("Households"), gettext("Adults")]
    assert lines[1] == ["2024-01", "5", "6", "<3", "<3", "29000,00"]
    workbook = client.get(
        reverse("followup:export"), {**query, "table": "duration_per_year", "format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet is not None
    assert [cell.value for cell in sheet[2]] == ["2024", 6, 3, "<3", 0, "<3", "<3", "<3"]
    assert client.get(reverse("followup:export"), {"table": "nope"}).status_code == 404


@pytest.mark.django_db
def test_every_export_link_on_the_page_gives_its_table_as_a_file(world: World, history: History):
    """Followed as the page gives them: the duration and returns tables' links answered 404."""
    client = client_for(world.manager_a)
    page = client.get(reverse("followup:statistics"), {"first": "2024-01", "last": "2024-12"})
    body = page.content.decode()
    links = re.findall(r'href="(/statistics/export/\?[^"]+)"', body)
    sections = re.findall(r'<section id="([a-z_]+)"', body)
    assert len(sections) >= 9
    assert len(links) == 2 * len(sections)
    for link in links:
        url = html.unescape(link)
        table = parse_qs(urlsplit(url).query)["table"][0]
        exported = client.get(url)
        assert exported.status_code == 200, url
        assert f'filename="{table}.' in exported["Content-Disposition"]
        assert table in sections


@pytest.mark.django_db
def test_a_wrong_period_is_explained_and_the_default_shown(world: World, history: History):
    page = client_for(world.analyst).get(
        reverse("followup:statistics"), {"first": "2024-12", "last": "2024-01"}
    )
    body = page.content.decode()
    assert page.status_code == 200
    with translation.override("sv"):
        assert gettext("The last month must not come before the first.") in body


@pytest.mark.django_db
def test_goals_show_their_value_against_the_target(world: World, history: History, settings):
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    committee = world.unit_a.committee
    period = {"first_month": date(2024, 1, 1), "last_month": date(2024, 12, 1)}
    made = [
        Goal.objects.create(
            committee=committee,
            name=name,
            measure=measure,
            direction=direction,
            target=Decimal(target),
            decided_in="Verksamhetsplan 2024",
            **period,
        )
        for name, measure, direction, target in (
            ("Färre hushåll", GoalMeasure.HOUSEHOLDS_PER_MONTH, GoalDirection.AT_MOST, "3"),
            ("Färre långvariga", GoalMeasure.LONG_TERM_ADULTS, GoalDirection.AT_MOST, "1"),
            ("Färre återvänder", GoalMeasure.SHARE_BACK_WITHIN_6, GoalDirection.AT_MOST, "30"),
        )
    ]
    Goal.objects.create(
        committee=world.unit_b.committee,
        name="Unit B's own",
        measure=GoalMeasure.LONG_TERM_ADULTS,
        direction=GoalDirection.AT_MOST,
        target=Decimal(0),
        decided_in="-",
        **period,
    )
    scope = units_in_scope(world.manager_a)
    rows = goals(Filters(first=JAN, last=DEC), scope, Labels(scope)).rows
    assert [row[0] for row in rows] == [goal.name for goal in made]  # not unit B's committee
    # households 5+5+2+1+2+2+1*6 = 23 over 12 months = 1.9 (met); long-term 2 (> 1: not met);
    # back within 6 months: 1 of 4 = 25.0 % (met)
    assert [(row[4], row[5]) for row in rows] == [
        (Decimal("1.9"), str(_("Yes"))),
        (Decimal(2), str(_("No"))),
        (Decimal("25.0"), str(_("Yes"))),
    ]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 3  # 2 long-term adults: the value is not shown
    rows = goals(Filters(first=JAN, last=DEC), scope, Labels(scope)).rows
    assert (rows[1][4], rows[1][5]) == (None, str(_("Not known yet")))


@pytest.mark.django_db
def test_goal_share_of_referrals_closed_to_work_or_studies(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    """A district's goal counts the referrals its units sent; the labour-market committee's goal
    the referrals its units received. Person A's closed to work, person B's as moved."""
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    provider = Provider.objects.create(name="Arbetsgivare AB")
    for referral, category in (
        (world.referral_a, NationalCategory.WORK),
        (world.referral_b, NationalCategory.MOVED),
    ):
        in_activity(
            referral,
            coach=world.coach,
            kind=ActivityKind.WORK_PRACTICE,
            provider=provider,
            starts_on=date.today(),  # noqa: DTZ011
            closed_as=category,
        )
    Referral.objects.update(closed_on=date(2025, 2, 10))
    referral_facts_rebuild()
    for committee in (
        world.unit_a.committee,
        world.unit_b.committee,
        world.jobbtorg.committee,
    ):
        Goal.objects.create(
            committee=committee,
            name=f"Till arbete: {committee.name}",
            measure=GoalMeasure.SHARE_CLOSED_TO_WORK_OR_STUDIES,
            direction=GoalDirection.AT_LEAST,
            target=Decimal(50),
            first_month=date(2025, 1, 1),
            last_month=date(2025, 12, 1),
        )
    scope = units_in_scope(world.analyst)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    found = {row[1]: (row[4], row[5]) for row in goals(year, scope, Labels(scope)).rows}
    assert found == {
        world.unit_a.committee.name: (Decimal("100.0"), str(_("Yes"))),
        world.unit_b.committee.name: (Decimal("0.0"), str(_("No"))),
        world.jobbtorg.committee.name: (Decimal("50.0"), str(_("Yes"))),
    }
    Referral.objects.update(closed_on=date(2026, 2, 10))  # closed after the goals' period
    referral_facts_rebuild()
    assert {row[4] for row in goals(year, scope, Labels(scope)).rows} == {None}


@pytest.mark.django_db
def test_time_targets_per_receiving_unit(world: World, coach_clocks_on: object, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    Municipality.objects.update(guidelines="stockholm")
    sent = datetime(2026, 11, 2, 9, 0, tzinfo=STOCKHOLM_TZ)  # a Monday: meeting due by Wednesday 9
    Referral.objects.filter(pk=world.referral_a.pk).update(created_at=sent)
    world.referral_a.refresh_from_db()
    referral_accept(referral=world.referral_a, acted_by=world.coach)
    meeting_book(
        referral=world.referral_a,
        starts_at=datetime(2026, 11, 3, 13, 0, tzinfo=STOCKHOLM_TZ),
        acted_by=world.coach,
    )
    scope = units_in_scope(world.analyst)
    with time_machine.travel(datetime(2026, 11, 20, 12, 0, tzinfo=STOCKHOLM_TZ)):
        referral_facts_rebuild()  # the nightly refresh: the clocks as they stand tonight
    november = month_index(sent.date())
    rows = time_targets(Filters(first=november, last=november), scope, Labels(scope)).rows
    jobbtorg = [row for row in rows if row[0] == str(world.jobbtorg)]
    # one meeting due and held on time; the first activity (due 2026-11-09) never started: late
    assert jobbtorg == [[str(world.jobbtorg), 1, 1, Fraction(1), 1, 0, Fraction(0)]]
    october = Filters(first=november - 1, last=november - 1)  # sent in November: not counted
    assert time_targets(october, scope, Labels(scope)).rows == []


@pytest.mark.django_db
def test_outcomes_by_path_per_receiving_unit_gender_and_period(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    """Two referrals sent in March 2025: a woman's to Jobbtorg closed to work, a man's to Jobbtorg
    Resurs still open."""
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    Person.objects.filter(pk=world.person_a.pk).update(gender=Gender.WOMAN)
    Person.objects.filter(pk=world.person_b.pk).update(gender=Gender.MAN)
    in_activity(
        world.referral_a,
        coach=world.coach,
        kind=ActivityKind.ADULT_EDUCATION,
        provider=Provider.objects.create(name="Komvux Demostad", is_education=True),
        starts_on=date.today(),  # noqa: DTZ011
        closed_as=NationalCategory.WORK,
    )
    Referral.objects.update(created_at=datetime(2025, 3, 10, 9, 0, tzinfo=STOCKHOLM_TZ))
    referral_facts_rebuild()
    scope = units_in_scope(world.analyst)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    jobbtorg, resurs = str(world.jobbtorg), str(world.referral_b.to_unit)
    # unit, referred, work, studies, state programme, closed otherwise, not closed
    closed_to_work, still_open = [1, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 1]
    expected = sorted([[jobbtorg, *closed_to_work], [resurs, *still_open]])
    assert outcomes_by_path(year, scope, Labels(scope)).rows == expected
    by_gender = Filters(first=year.first, last=year.last, breakdown=Breakdown.GENDER)
    assert outcomes_by_path(by_gender, scope, Labels(scope)).rows == sorted(
        [
            [jobbtorg, str(Gender.WOMAN.label), *closed_to_work],
            [resurs, str(Gender.MAN.label), *still_open],
        ]
    )
    women = Filters(first=year.first, last=year.last, gender=Gender.WOMAN)
    assert outcomes_by_path(women, scope, Labels(scope)).rows == [[jobbtorg, *closed_to_work]]
    earlier = Filters(first=year.first - 12, last=year.last - 12)
    assert outcomes_by_path(earlier, scope, Labels(scope)).rows == []
    settings.BISTAND_SMALL_CELL_THRESHOLD = 2  # a single referral is suppressed, not shown
    assert outcomes_by_path(year, scope, Labels(scope)).rows == sorted(
        [[jobbtorg, None, None, 0, 0, 0, 0], [resurs, None, 0, 0, 0, 0, None]]
    )


@pytest.mark.django_db
def test_education_providers_and_what_came_after(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    """Two people at the same adult-education provider: one closed to work and back on aid in
    May (within six months of February), one closed to studies and off aid until December."""
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    Person.objects.filter(pk=world.person_a.pk).update(gender=Gender.WOMAN)
    Person.objects.filter(pk=world.person_b.pk).update(gender=Gender.MAN)
    komvux = Provider.objects.create(name="Komvux Demostad", is_education=True)
    for referral, category in (
        (world.referral_a, NationalCategory.WORK),
        (world.referral_b, NationalCategory.STUDIES),
    ):
        in_activity(
            referral,
            coach=world.coach,
            kind=ActivityKind.ADULT_EDUCATION,
            provider=komvux,
            starts_on=date.today(),  # noqa: DTZ011
            closed_as=category,
        )
    Activity.objects.update(starts_on=date(2025, 1, 15))
    Referral.objects.update(closed_on=date(2025, 2, 10))
    _decision(world.case_a, date(2025, 5, 1), world.caseworker_a)
    _decision(world.case_b, date(2025, 12, 1), world.caseworker_b)
    refresh(month_index(date(2025, 1, 1)), month_index(date(2025, 12, 1)))
    scope = units_in_scope(world.analyst)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    rows = education_providers(year, scope, Labels(scope)).rows
    # people, work, studies, state programme, otherwise, not closed, followed 6 months, off aid
    assert rows == [["Komvux Demostad", 2, 1, 1, 0, 0, 0, 2, 1]]
    women = Filters(first=year.first, last=year.last, gender=Gender.WOMAN)
    assert education_providers(women, scope, Labels(scope)).rows == [
        ["Komvux Demostad", 1, 1, 0, 0, 0, 0, 1, 0]
    ]


@pytest.mark.django_db
def test_a_person_counts_once_per_education_provider_by_the_last_activity_in_the_period(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    """Person A at Komvux in January (a referral closed to work) and again in March (a second
    referral, still open): the year counts A once, as open; January alone counts the first."""
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    komvux = Provider.objects.create(name="Komvux Demostad", is_education=True)
    in_activity(
        world.referral_a,
        coach=world.coach,
        kind=ActivityKind.ADULT_EDUCATION,
        provider=komvux,
        starts_on=date(2025, 1, 15),
        closed_as=NationalCategory.WORK,
    )
    again = referral_send(
        case=world.case_a,
        person=world.person_a,
        to_unit=world.jobbtorg,
        reason="",
        acted_by=world.caseworker_a,
    )
    in_activity(
        again,
        coach=world.coach,
        kind=ActivityKind.ADULT_EDUCATION,
        provider=komvux,
        starts_on=date(2025, 3, 2),
    )
    referral_facts_rebuild()
    scope = units_in_scope(world.analyst)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    january = Filters(first=year.first, last=year.first)
    # people, work, studies, state programme, otherwise, not closed, followed 6 months, off aid
    assert education_providers(year, scope, Labels(scope)).rows == [
        ["Komvux Demostad", 1, 0, 0, 0, 0, 1, 0, 0]
    ]
    assert education_providers(january, scope, Labels(scope)).rows == [
        ["Komvux Demostad", 1, 1, 0, 0, 0, 0, 0, 0]
    ]


@pytest.mark.django_db
def test_the_refresh_asks_for_its_cases_by_subquery_not_by_their_ids(
    world: World, history: History
) -> None:
    """A city's 13 months of decisions hold more cases than the 65 535 parameters PostgreSQL
    takes in one statement (bench/followup.py --refresh): no query lists the cases it read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bistand.followup.refresh import facts_from_decisions
    from tests.queries import most_ids_in_one_query

    cases = [case.pk for case in (history.h1, history.h2, *history.men)]
    with CaptureQueriesContext(connection) as queries:
        facts = facts_from_decisions(JAN, DEC)
    assert len(facts) == 24 + 5 + 6 + 1
    assert most_ids_in_one_query(queries, cases) <= 1
