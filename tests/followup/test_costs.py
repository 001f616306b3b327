"""Costs of labour-market measures on a hand-made 2025 where every figure is known.

Measure "Praktik" (work practice, any provider) of the labour-market committee: budget 2025
100 000 kr; costs recorded 30 000 kr for January (the period) and 2 x 5 000 kr per participant
in March: 40 000 kr, 40 % of the budget. Person A (Jobbtorg) and person B (Jobbtorg Resurs) were
in work practice in 2025; A's referral closed to work and B's to studies in 2025: two people left
for work or studies, 20 000 kr each. A 2024 budget without activity shows as its own row.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from django.urls import reverse

from bistand.accounts.models import Role
from bistand.followup.costs import NONE, measure_costs
from bistand.followup.dashboard import Filters, Labels, units_in_scope
from bistand.followup.models import CostBasis, Measure, MeasureBudget, MeasureCost
from bistand.followup.refresh import refresh
from bistand.labour.models import (
    Activity,
    ActivityKind,
    NationalCategory,
    Provider,
    Referral,
)
from bistand.organisations.models import CommitteeKind, Unit, UnitKind
from bistand.rules.statistics import month_index
from tests.factories import World, client_for, unit_create, user_create
from tests.followup.labour_steps import in_activity

YEARS = Filters(first=month_index(date(2024, 1, 1)), last=month_index(date(2025, 12, 1)))


def _practice(world: World) -> Measure:
    provider = Provider.objects.create(name="Praktikplatsen AB")
    for referral, category in (
        (world.referral_a, NationalCategory.WORK),
        (world.referral_b, NationalCategory.STUDIES),
    ):
        in_activity(
            referral,
            coach=world.coach,
            kind=ActivityKind.WORK_PRACTICE,
            provider=provider,
            starts_on=date.today(),  # noqa: DTZ011
            closed_as=category,
        )
    Activity.objects.update(starts_on=date(2025, 2, 1), ends_on=date(2025, 6, 30))
    Referral.objects.update(closed_on=date(2025, 7, 1))
    assert world.referral_a.to_unit.committee_id == world.referral_b.to_unit.committee_id
    measure = Measure.objects.create(
        committee=world.referral_a.to_unit.committee,
        name="Praktik",
        activity_kind=ActivityKind.WORK_PRACTICE,
    )
    MeasureBudget.objects.create(measure=measure, year=2025, amount=100_000, decided_in="Budget")
    MeasureBudget.objects.create(measure=measure, year=2024, amount=80_000, decided_in="Budget")
    MeasureCost.objects.create(
        measure=measure, month=date(2025, 1, 1), basis=CostBasis.PERIOD, amount=30_000
    )
    MeasureCost.objects.create(
        measure=measure,
        month=date(2025, 3, 1),
        basis=CostBasis.PARTICIPANT,
        participants=2,
        amount=10_000,
    )
    refresh(month_index(date(2025, 1, 1)), month_index(date(2025, 12, 1)))  # the nightly run
    return measure


@pytest.mark.django_db
def test_costs_against_budget_and_per_person_who_left_for_work_or_studies(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    _practice(world)
    scope = units_in_scope(world.analyst)
    rows = measure_costs(YEARS, scope, Labels(scope)).rows
    assert rows == [
        ["Praktik", "2024", Decimal(80_000), Decimal(0), Fraction(0), 0, 0, NONE],
        ["Praktik", "2025", Decimal(100_000), Decimal(40_000), Fraction(2, 5), 2, 2, 20_000],
    ]


@pytest.mark.django_db
def test_small_counts_hide_the_cost_per_person_too(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 3
    _practice(world)
    scope = units_in_scope(world.analyst)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    assert measure_costs(year, scope, Labels(scope)).rows == [
        ["Praktik", "2025", Decimal(100_000), Decimal(40_000), Fraction(2, 5), None, None, None]
    ]
    # A unit manager of the economic-aid unit sees no measure of another committee.
    manager_scope = units_in_scope(world.manager_a)
    assert measure_costs(year, manager_scope, Labels(manager_scope)).rows == []


@pytest.mark.django_db
def test_the_costs_table_is_on_the_page_and_in_the_csv(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    _practice(world)
    client = client_for(world.analyst)
    query = "first=2025-01&last=2025-12"
    page = client.get(f"{reverse('followup:statistics')}?{query}").content.decode()
    assert 'data-testid="measure_costs"' in page
    response = client.get(f"{reverse('followup:export')}?{query}&table=measure_costs&format=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1] == "Praktik;2025;100000,00;40000,00;40,0;2;2;20000,00"


@pytest.mark.django_db
def test_a_manager_of_one_labour_unit_counts_only_its_participants(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    """Not every unit of the committee is in view: counted live among the referrals to Jobbtorg
    (person A, who left for work), not read from the committee's summary (A and B)."""
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    _practice(world)
    manager = user_create(role=Role.UNIT_MANAGER, units=[world.jobbtorg])
    scope = units_in_scope(manager)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    assert measure_costs(year, scope, Labels(scope)).rows == [
        ["Praktik", "2025", Decimal(100_000), Decimal(40_000), Fraction(2, 5), 1, 1, 40_000]
    ]


@pytest.mark.django_db
def test_the_nightly_refresh_brings_a_new_participant_into_the_committees_figures(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    _practice(world)
    scope = units_in_scope(world.analyst)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    Referral.objects.filter(pk=world.referral_b.pk).update(closed_on=date(2026, 1, 15))
    assert measure_costs(year, scope, Labels(scope)).rows[0][5:7] == [2, 2]  # as of last night
    refresh(month_index(date(2025, 1, 1)), month_index(date(2025, 12, 1)))
    assert measure_costs(year, scope, Labels(scope)).rows[0][5:7] == [2, 1]  # B left in 2026


@pytest.mark.django_db
def test_a_manager_of_some_of_a_committees_units_gets_them_counted_live(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    """Two of the committee's three units in view: neither the committee's row nor one unit's row
    of the summary fits; A and B are counted live, each once."""
    settings.BISTAND_SMALL_CELL_THRESHOLD = 1
    _practice(world)
    unit_create(
        committee_name="Arbetsmarknadsnämnden",
        kind=UnitKind.JOBBTORG,
        committee_kind=CommitteeKind.LABOUR_MARKET,
    )
    assert Unit.objects.filter(committee=world.jobbtorg.committee).count() == 3
    manager = user_create(role=Role.UNIT_MANAGER, units=[world.jobbtorg, world.referral_b.to_unit])
    scope = units_in_scope(manager)
    year = Filters(first=month_index(date(2025, 1, 1)), last=month_index(date(2025, 12, 1)))
    assert measure_costs(year, scope, Labels(scope)).rows == [
        ["Praktik", "2025", Decimal(100_000), Decimal(40_000), Fraction(2, 5), 2, 2, 20_000]
    ]
