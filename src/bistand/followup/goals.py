# SPDX-License-Identifier: EUPL-1.2
"""Progress against the committees' goals, computed from the same summaries as the dashboard."""

from __future__ import annotations

from collections import defaultdict
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


Values = dict[int, Decimal | None]  # committee -> the measure's value


def _households_per_month(first: int, last: int, units: QuerySet[Unit]) -> Values:
    found: Values = {}
    for row in (
        AidMonthSummary.objects.filter(
            unit_id__in=units.values("pk"), month_index__gte=first, month_index__lte=last
        )
        .values("committee_id")
        .annotate(n=Sum("households"), seen=Count("month_index", distinct=True))
        .order_by()
    ):
        total = count_shown(row["n"])
        if total is not None and row["seen"]:
            average = Decimal(total) / row["seen"]
            found[row["committee_id"]] = average.quantize(TENTH, ROUND_HALF_UP)
    return found


def _long_term(last: int, units: QuerySet[Unit]) -> Values:
    found: Values = {}
    for row in (
        AidYearSummary.objects.filter(unit_id__in=units.values("pk"), year=last // MONTHS_PER_YEAR)
        .values("committee_id")
        .annotate(n=Sum("long_term"))
        .order_by()
    ):
        shown = count_shown(row["n"])
        found[row["committee_id"]] = None if shown is None else Decimal(shown)
    return found


def _share_back(first: int, last: int, units: QuerySet[Unit]) -> Values:
    end = data_end()
    if end is None:
        return {}
    found: Values = {}
    for row in (
        AidReturnSummary.objects.filter(
            unit_id__in=units.values("pk"),
            window=RETURN_WINDOW,
            exit_month_index__gte=first,
            exit_month_index__lte=min(last, end - RETURN_WINDOW),  # exits followed long enough
        )
        .values("committee_id")
        .annotate(left=Sum("left"), back=Sum("returned"))
        .order_by()
    ):
        found[row["committee_id"]] = _percent(count_shown(row["back"]), count_shown(row["left"]))
    return found


def _per_committee(
    measure: str, first: int, last: int, committees: set[int], scope: QuerySet[Unit]
) -> Values:
    """The measure over the period for each committee, within its units in view: one grouped
    query for all of them; None when a figure it rests on is suppressed or nothing to measure."""
    units = scope.filter(committee__in=committees)
    found: Values = dict.fromkeys(committees)
    if measure == GoalMeasure.HOUSEHOLDS_PER_MONTH:
        found.update(_households_per_month(first, last, units))
    elif measure == GoalMeasure.LONG_TERM_ADULTS:
        found = dict.fromkeys(committees, Decimal(0))  # no row: no long-term recipient
        found.update(_long_term(last, units))
    elif measure == GoalMeasure.SHARE_BACK_WITHIN_6:
        found.update(_share_back(first, last, units))
    else:
        found.update(_share_closed(first, last, units))
    return found


def _share_closed(first: int, last: int, units: QuerySet[Unit]) -> Values:
    """Per committee: of the referrals closed in the period that its units in view sent or
    received, the share closed to work or studies. Grouped by (sending, receiving) unit, so a
    referral within one committee counts once for it."""
    committee_of = dict(units.values_list("pk", "committee_id"))
    counted: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for row in (
        ReferralFact.objects.filter(
            Q(from_unit__in=list(committee_of)) | Q(unit_id__in=list(committee_of)),
            closed_month_index__gte=first,
            closed_month_index__lte=last,
        )
        .values("from_unit_id", "unit_id")
        .annotate(
            closed=Count("pk"),
            to_work_or_studies=Count("pk", filter=Q(outcome__in=TO_WORK_OR_STUDIES)),
        )
        .order_by()
    ):
        for committee in {committee_of.get(row["from_unit_id"]), committee_of.get(row["unit_id"])}:
            if committee is not None:
                counted[committee][0] += row["closed"]
                counted[committee][1] += row["to_work_or_studies"]
    return {
        committee: _percent(count_shown(work), count_shown(closed))
        for committee, (closed, work) in counted.items()
    }


def goal_values(found: list[Goal], scope: QuerySet[Unit]) -> dict[int, Decimal | None]:
    """Goal -> its measure over its period and its committee's units in view: one grouped query
    per measure and period, whatever the number of committees."""
    alike: dict[tuple[str, int, int], list[Goal]] = defaultdict(list)
    for goal in found:
        alike[(goal.measure, month_index(goal.first_month), month_index(goal.last_month))].append(
            goal
        )
    values: dict[int, Decimal | None] = {}
    for (measure, first, last), same in alike.items():
        per = _per_committee(measure, first, last, {g.committee_id for g in same}, scope)
        values.update({goal.pk: per.get(goal.committee_id) for goal in same})
    return values


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
    values = goal_values(list(found), scope)
    for goal in found:
        value = values[goal.pk]
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
