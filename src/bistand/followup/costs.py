# SPDX-License-Identifier: EUPL-1.2
"""Costs of labour-market measures: budget per year, costs recorded against it, and the cost per
person who left for work or studies (issue 7, item 3)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from bistand.followup.dashboard import Filters, Labels, Table, count_shown
from bistand.followup.models import Measure, MeasureBudget, MeasureCost, ParticipationSummary
from bistand.followup.planner_statistics import planner_statistics_update
from bistand.labour.models import TO_WORK_OR_STUDIES, Activity, ActivityKind, ReferralStatus
from bistand.organisations.models import Unit

KRONA = Decimal(1)
NONE = "–"  # nothing to show: no budget, or no one to divide by (not a suppressed figure)
Participants = dict[tuple[int, int], tuple[int, int]]  # (measure, year) -> (people, left)
Key = tuple[str, int, int | None, int | None]  # kind, committee, unit or any, provider or any
Groups = dict[Key, tuple[int, int]]  # -> people, left for work or studies
PARTICIPATION_FIELDS = (
    "kind",
    "plan__referral__to_unit__committee_id",
    "plan__referral__to_unit_id",
    "provider_id",
    "plan__person_id",
    "starts_on",
    "ends_on",
    "plan__referral__status",
    "plan__referral__closed_on",
    "plan__referral__closure_reason__national_category",
)


def _participation(
    years: range, kinds: set[str], units: list[int] | None = None
) -> dict[int, Groups]:
    """Year -> (activity kind, committee, unit or None for any, provider or None for any) -> how
    many people had such an activity running some day of the year in a plan of a referral to the
    committee's units (to `units` only, when given), and how many of them left for work or studies
    that year (their referral closed so then). One query for all the years, counted here."""
    running = (
        Activity.objects.filter(kind__in=kinds, starts_on__lte=date(years[-1], 12, 31))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=date(years[0], 1, 1)))
        .order_by()
    )
    if units is not None:  # a few ids: the planner starts from their referrals, not every activity
        running = running.filter(plan__referral__to_unit_id__in=units)
    people: dict[tuple[int, Key], set[Any]] = defaultdict(set)
    left: dict[tuple[int, Key], set[Any]] = defaultdict(set)
    for row in running.values_list(*PARTICIPATION_FIELDS).iterator(chunk_size=5000):
        kind, committee, unit, provider, person, starts, ends, status, closed, category = row
        last = ends.year if ends is not None else years[-1]
        left_in = (
            closed.year
            if status == ReferralStatus.CLOSED and closed and category in TO_WORK_OR_STUDIES
            else None
        )
        for year in range(max(starts.year, years[0]), min(last, years[-1]) + 1):
            for where in (None, unit):
                for at in (None, provider):
                    cell = (year, (kind, committee, where, at))
                    people[cell].add(person)
                    if left_in == year:
                        left[cell].add(person)
    found: dict[int, Groups] = defaultdict(dict)
    for (year, key), who in people.items():
        found[year][key] = (len(who), len(left.get((year, key), ())))
    return found


def participation_summaries(years: range) -> list[ParticipationSummary]:
    return [
        ParticipationSummary(
            year=year,
            activity_kind=kind,
            committee_id=committee,
            unit_id=unit,
            provider_id=provider,
            people=people,
            left=left,
        )
        for year, groups in _participation(years, set(ActivityKind.values)).items()
        for (kind, committee, unit, provider), (people, left) in groups.items()
    ]


def participation_summaries_rebuild(years: range) -> None:
    """Rebuild the participation summary of the years from the plans as they stand."""
    if not years:
        return
    with transaction.atomic():
        ParticipationSummary.objects.filter(year__in=years).delete()
        ParticipationSummary.objects.bulk_create(participation_summaries(years), batch_size=5000)
    planner_statistics_update(ParticipationSummary)


def _read_where(scope: QuerySet[Unit]) -> tuple[dict[int, int | None], list[int]]:
    """Committee -> what the summary holds for the units in view: None (all of the committee's:
    its row for any unit) or its one unit in view; and the units in view of the other committees
    (counted live)."""
    in_view: dict[int, list[int]] = defaultdict(list)
    for unit in scope:
        in_view[unit.committee_id].append(unit.pk)
    every = Counter(
        Unit.objects.filter(committee__in=in_view).values_list("committee_id", flat=True)
    )
    readable: dict[int, int | None] = {}
    live: list[int] = []
    for committee, units in in_view.items():
        if len(units) == every[committee]:
            readable[committee] = None
        elif len(units) == 1:
            readable[committee] = units[0]
        else:
            live += units
    return readable, live


def _participants(measures: list[Measure], years: range, scope: QuerySet[Unit]) -> Participants:
    """(measure, year) -> people and leavers: from the participation summary where it holds the
    units in view (all of a committee's, or one), counted live otherwise (a manager of some of a
    committee's units)."""
    readable, live_units = _read_where(scope)
    kinds = {m.activity_kind for m in measures}
    groups: dict[int, Groups] = defaultdict(dict)
    if readable:
        wanted = Q()
        for committee, unit in readable.items():
            wanted |= Q(committee=committee, unit=unit)
        for row in ParticipationSummary.objects.filter(
            wanted, year__in=years, activity_kind__in=kinds
        ):
            key = (row.activity_kind, row.committee_id, row.unit_id, row.provider_id)
            groups[row.year][key] = (row.people, row.left)
    if live_units:
        live = _participation(years, kinds, live_units)
        for year in years:
            for key, figures in live.get(year, {}).items():
                if key[2] is None:  # the units in view together
                    groups[year][key] = figures
    found: Participants = {}
    for measure in measures:
        unit = readable.get(measure.committee_id)
        for year in years:
            key = (measure.activity_kind, measure.committee_id, unit, measure.provider_id)
            if key in groups[year]:
                found[(measure.pk, year)] = groups[year][key]
    return found


def measure_costs(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    """Per measure and year of the period: budget, costs recorded, the share used, participants,
    those who left for work or studies in the year, and the cost per such person."""
    table = Table(
        "measure_costs",
        str(_("Labour-market measures: costs against budget")),
        [
            str(_("Measure")),
            str(_("Year")),
            str(_("Budget (kr)")),
            str(_("Costs recorded (kr)")),
            str(_("Share of budget used")),
            str(_("Participants")),
            str(_("Left for work or studies")),
            str(_("Cost per person who left for work or studies (kr)")),
        ],
        note=str(
            _(
                "Whole calendar years of the period, for the committees in view; not broken "
                "down by unit, gender, age or country of birth (the costs are not). Participants: "
                "people with an activity of the measure some day of the year; left for work or "
                "studies: their referral closed so that year."
            )
        ),
        labels=2,
    )
    measures = Measure.objects.filter(committee__in={unit.committee_id for unit in scope})
    if filters.committee:
        measures = measures.filter(committee_id=filters.committee)
    years = filters.years
    budgets = {
        (row.measure_id, row.year): row.amount
        for row in MeasureBudget.objects.filter(measure__in=measures, year__in=years)
    }
    costs: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for row in (
        MeasureCost.objects.filter(measure__in=measures, month__year__in=years)
        .values("measure_id", "month__year")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        costs[(row["measure_id"], row["month__year"])] = row["total"]
    chosen = list(measures.order_by("name"))
    participants = _participants(chosen, years, scope)
    for measure in chosen:
        for year in years:
            budget, cost = budgets.get((measure.pk, year)), costs.get((measure.pk, year))
            people, leavers = participants.get((measure.pk, year), (0, 0))
            if budget is None and cost is None and not people:
                continue
            cost = cost or Decimal(0)
            left = count_shown(leavers)
            per_person: Decimal | str | None = None  # suppressed with the count it rests on
            if left is not None:
                per_person = (cost / left).quantize(KRONA, ROUND_HALF_UP) if left else NONE
            table.rows.append(
                [
                    measure.name,
                    str(year),
                    NONE if budget is None else budget,
                    cost,
                    Fraction(int(cost * 100), int(budget * 100)) if budget else NONE,
                    count_shown(people),
                    left,
                    per_person,
                ]
            )
    return table
