# SPDX-License-Identifier: EUPL-1.2
"""Progress against the committees' goals, computed from the same summaries as the dashboard."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from bistand.followup.dashboard import Filters, Labels, Table, count_shown, data_end
from bistand.followup.models import (
    AidMonthSummary,
    AidReturnSummary,
    AidYearSummary,
    Goal,
    GoalDirection,
    GoalMeasure,
    ReferralFact,
)
from bistand.labour.models import TO_WORK_OR_STUDIES
from bistand.organisations.models import Unit
from bistand.rules.statistics import MONTHS_PER_YEAR, month_index, share

TENTH = Decimal("0.1")
RETURN_WINDOW = 6


def _percent(part: int | None, whole: int | None) -> Decimal | None:
    found = share(part, whole)
    if found is None:
        return None
    return (Decimal(found.numerator) * 100 / found.denominator).quantize(TENTH, ROUND_HALF_UP)


def goal_value(goal: Goal, units: QuerySet[Unit]) -> Decimal | None:
    """The measure over the goal's period and the committee's units in view; None when a figure
    it rests on is suppressed or there is nothing to measure yet."""
    first, last = month_index(goal.first_month), month_index(goal.last_month)
    committee_units = units.filter(committee=goal.committee_id)
    unit_ids = committee_units.values("pk")
    if goal.measure == GoalMeasure.HOUSEHOLDS_PER_MONTH:
        months = AidMonthSummary.objects.filter(
            unit_id__in=unit_ids,
            month_index__gte=first,
            month_index__lte=last,
        )
        total = count_shown(months.aggregate(n=Sum("households"))["n"])
        seen = months.values("month_index").distinct().count()
        if total is None or seen == 0:
            return None
        return (Decimal(total) / seen).quantize(TENTH, ROUND_HALF_UP)
    if goal.measure == GoalMeasure.LONG_TERM_ADULTS:
        rows = AidYearSummary.objects.filter(unit_id__in=unit_ids, year=last // MONTHS_PER_YEAR)
        found = count_shown(rows.aggregate(n=Sum("long_term"))["n"])
        return None if found is None else Decimal(found)
    if goal.measure == GoalMeasure.SHARE_BACK_WITHIN_6:
        end = data_end()
        if end is None:
            return None
        totals = AidReturnSummary.objects.filter(
            unit_id__in=unit_ids,
            window=RETURN_WINDOW,
            exit_month_index__gte=first,
            exit_month_index__lte=min(last, end - RETURN_WINDOW),  # only exits followed long enough
        ).aggregate(left=Sum("left"), back=Sum("returned"))
        return _percent(count_shown(totals["back"]), count_shown(totals["left"]))
    closed = ReferralFact.objects.filter(
        Q(from_unit__in=unit_ids) | Q(unit_id__in=unit_ids),
        closed_month_index__gte=first,
        closed_month_index__lte=last,
    ).aggregate(
        closed=Count("pk"), to_work_or_studies=Count("pk", filter=Q(outcome__in=TO_WORK_OR_STUDIES))
    )
    return _percent(count_shown(closed["to_work_or_studies"]), count_shown(closed["closed"]))


def goals(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    """Every goal of a committee in view, with its value and whether it is met."""
    found = Goal.objects.filter(committee__in=scope.values("committee")).select_related("committee")
    if filters.committee:
        found = found.filter(committee_id=filters.committee)
    table = Table(
        "goals",
        str(_("The committees' goals and how far they have come")),
        [
            str(_("Goal")),
            str(_("Committee")),
            str(_("Period")),
            str(_("Target")),
            str(_("Now")),
            str(_("Met")),
        ],
        labels=3,
    )
    for goal in found:
        value = goal_value(goal, scope)
        met: str = str(_("Not known yet"))
        if value is not None:
            if goal.direction == GoalDirection.AT_MOST:
                reached = value <= goal.target
            else:
                reached = value >= goal.target
            met = str(_("Yes")) if reached else str(_("No"))
        table.rows.append(
            [
                goal.name,
                goal.committee.name,
                f"{goal.first_month:%Y-%m} – {goal.last_month:%Y-%m}",
                f"{goal.get_direction_display()} {goal.target}",
                value,
                met,
            ]
        )
    return table
