# SPDX-License-Identifier: EUPL-1.2
"""Costs of labour-market measures: budget per year, costs recorded against it, and the cost per
person who left for work or studies (issue 7, item 3)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from uuid import UUID

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from bistand.followup.dashboard import Filters, Labels, Table, count_shown
from bistand.followup.models import Measure, MeasureBudget, MeasureCost
from bistand.labour.models import TO_WORK_OR_STUDIES, Activity, ReferralStatus
from bistand.organisations.models import Unit

KRONA = Decimal(1)
NONE = "–"  # nothing to show: no budget, or no one to divide by (not a suppressed figure)
Participants = dict[tuple[int, int], dict[UUID, bool]]


def _participants(measures: list[Measure], years: list[int], units: QuerySet[Unit]) -> Participants:
    """(measure, year) -> {person: left for work or studies that year}, for everyone with an
    activity of the measure running some day of the year in a plan of a referral to the
    committee's units. One query for every measure and year."""
    found: Participants = defaultdict(dict)
    if not measures or not years:
        return found
    activities = (
        Activity.objects.filter(
            kind__in={m.activity_kind for m in measures},
            plan__referral__to_unit__in=units,
            starts_on__lte=date(years[-1], 12, 31),
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=date(years[0], 1, 1)))
        .values(
            "kind",
            "provider_id",
            "starts_on",
            "ends_on",
            "plan__person_id",
            "plan__referral__to_unit__committee_id",
            "plan__referral__status",
            "plan__referral__closed_on",
            "plan__referral__closure_reason__national_category",
        )
    )
    for row in activities:
        for measure in measures:
            if (
                row["kind"] != measure.activity_kind
                or row["plan__referral__to_unit__committee_id"] != measure.committee_id
                or measure.provider_id not in (None, row["provider_id"])
            ):
                continue
            last = row["ends_on"].year if row["ends_on"] else years[-1]
            for year in range(max(row["starts_on"].year, years[0]), min(last, years[-1]) + 1):
                closed_on = row["plan__referral__closed_on"]
                left = (
                    row["plan__referral__status"] == ReferralStatus.CLOSED
                    and closed_on is not None
                    and closed_on.year == year
                    and row["plan__referral__closure_reason__national_category"]
                    in TO_WORK_OR_STUDIES
                )
                people = found[(measure.pk, year)]
                people[row["plan__person_id"]] = people.get(row["plan__person_id"], False) or left
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
            people = participants.get((measure.pk, year), {})
            if budget is None and cost is None and not people:
                continue
            cost = cost or Decimal(0)
            left = count_shown(sum(people.values()))
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
                    count_shown(len(people)),
                    left,
                    per_person,
                ]
            )
    return table
