# SPDX-License-Identifier: EUPL-1.2
"""Progress against the committees' goals, computed from the same summaries as the dashboard."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from bistand.followup.dashboard import Filters, Labels, Table, count_shown, data_end
from bistand.followup.models import (
    AidMonthSummary,
    AidReturnSummary,
    AidYearSummary,
    Goal,
    GoalDirection,
    GoalMeasure,
)
from bistand.labour.models import TO_WORK_OR_STUDIES, Referral, ReferralStatus
from bistand.organisations.models import Unit
from bistand.rules.statistics import MONTHS_PER_YEAR, month_index, month_of, share

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
    closed = Referral.objects.filter(
        Q(case__unit__in=committee_units) | Q(to_unit__in=committee_units),
        status=ReferralStatus.CLOSED,
        closed_on__gte=goal.first_month,
        closed_on__lt=month_of(last + 1),
    )
    to_work_or_studies = closed.filter(closure_reason__national_category__in=TO_WORK_OR_STUDIES)
    return _percent(count_shown(to_work_or_studies.count()), count_shown(closed.count()))


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
