# SPDX-License-Identifier: EUPL-1.2
"""Costs of labour-market measures: budget per year, costs recorded against it, and the cost per
person who left for work or studies (issue 7, item 3)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from bistand.followup.dashboard import Filters, Labels, Table, count_shown
from bistand.followup.models import Measure, MeasureBudget, MeasureCost
from bistand.labour.models import TO_WORK_OR_STUDIES, Activity, ReferralStatus
from bistand.organisations.models import Unit

KRONA = Decimal(1)
NONE = "–"  # nothing to show: no budget, or no one to divide by (not a suppressed figure)
Participants = dict[tuple[int, int], tuple[int, int]]  # (measure, year) -> (people, left)


def _participants(measures: list[Measure], years: list[int], units: QuerySet[Unit]) -> Participants:
    """(measure, year) -> how many people had an activity of the measure running some day of the
    year in a plan of a referral to the committee's units, and how many of them left for work or
    studies that year. Counted in the database: at most two grouped queries a year."""
    found: Participants = {}
    if not measures:
        return found
    committee = "plan__referral__to_unit__committee_id"
    person = "plan__person_id"
    for year in years:
        running = (
            Activity.objects.filter(
                kind__in={m.activity_kind for m in measures},
                plan__referral__to_unit__in=units,
                starts_on__lte=date(year, 12, 31),
            )
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=date(year, 1, 1)))
            .order_by()
        )
        left = Q(
            plan__referral__status=ReferralStatus.CLOSED,
            plan__referral__closed_on__year=year,
            plan__referral__closure_reason__national_category__in=TO_WORK_OR_STUDIES,
        )
        counted = {
            "people": Count(person, distinct=True),
            "left": Count(person, distinct=True, filter=left),
        }
        groups: dict[tuple[Any, ...], tuple[int, int]] = {}
        for by_provider in {m.provider_id is not None for m in measures}:
            fields = ["kind", committee, *(["provider_id"] if by_provider else [])]
            for row in running.values(*fields).annotate(**counted):
                groups[tuple(row[name] for name in fields)] = (row["people"], row["left"])
        for measure in measures:
            key: tuple[Any, ...] = (measure.activity_kind, measure.committee_id)
            if measure.provider_id is not None:
                key = (*key, measure.provider_id)
            if key in groups:
                found[(measure.pk, year)] = groups[key]
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
    years = list(filters.years)
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
