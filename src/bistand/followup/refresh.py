# SPDX-License-Identifier: EUPL-1.2
"""Rebuild the follow-up's summary tables from the decisions, for a range of months.

A month's facts come from the signed decisions granting aid for it; the month summaries group
them; returns to aid need the months after an exit, and long-term aid the whole year, so a
rebuild of months a..b also rebuilds the returns from a - (largest window) and the years a and b
touch; the referral facts and the participation in measures follow the plans as they stand.
Run nightly (`bistand refresh_followup`) and after a bulk change."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Sum
from django.utils import timezone

from bistand.cases.models import ADULT_RELATIONS, Case, CaseMember, CaseStatus, Relation
from bistand.decisions.models import AID_OUTCOMES, Decision, DecisionStatus
from bistand.followup.costs import participation_summaries_rebuild
from bistand.followup.dimensions import (
    DIMENSIONS,
    age_band_of,
    born,
    conventions,
    support_barriers_of,
)
from bistand.followup.models import (
    AidBarrierSummary,
    AidMonthFact,
    AidMonthSummary,
    AidReturnSummary,
    AidYearSummary,
    OpenCases,
    Refresh,
)
from bistand.followup.national import months_to_report, national_checks_store
from bistand.followup.planner_statistics import planner_statistics_update
from bistand.followup.referral_facts import referral_facts_rebuild
from bistand.organisations.models import Unit
from bistand.rules.statistics import (
    MONTHS_PER_YEAR,
    month_index,
    month_of,
)

BATCH = 5000


@dataclass(frozen=True)
class RefreshResult:
    first: int
    last: int
    facts: int
    seconds: float


def facts_from_decisions(first: int, last: int) -> list[AidMonthFact]:
    """The facts for months first..last: every adult of a household with a signed decision
    granting aid that month. Household composition and support barriers as recorded now."""
    signed = Decision.objects.filter(
        month__gte=month_of(first),
        month__lte=month_of(last),
        outcome__in=AID_OUTCOMES,
        status=DecisionStatus.SIGNED,
    )
    granted = (
        signed.values("case_id", "month")
        .annotate(amount=Sum("granted_amount"))
        .order_by("month", "case_id")
    )
    amounts = {(row["case_id"], month_index(row["month"])): row["amount"] for row in granted}
    # The cases as a subquery, not as their ids: a city's year holds more cases than the
    # 65 535 parameters PostgreSQL takes in one statement.
    case_ids = signed.values("case_id")
    places = {
        pk: (unit_id, committee_id)
        for pk, unit_id, committee_id in Case.objects.filter(pk__in=case_ids).values_list(
            "pk", "unit_id", "unit__committee_id"
        )
    }
    members: dict[UUID, list[Any]] = defaultdict(list)
    for member in CaseMember.objects.filter(case_id__in=case_ids).values(
        "case_id",
        "person_id",
        "relation",
        "person__gender",
        "person__born_in_sweden",
        "person__identity_number",
    ):
        members[member["case_id"]].append(member)
    barriers = support_barriers_of(case_ids)
    facts: list[AidMonthFact] = []
    seen: set[tuple[int, UUID]] = set()
    today = timezone.localdate()
    for (case_id, index), amount in sorted(amounts.items(), key=lambda item: item[0][1]):
        household = members[case_id]
        children = sum(m["relation"] == Relation.CHILD for m in household)
        rules = conventions(index)
        for member in household:
            if member["relation"] not in ADULT_RELATIONS or (index, member["person_id"]) in seen:
                continue
            seen.add((index, member["person_id"]))
            head = member["relation"] == Relation.APPLICANT
            facts.append(
                AidMonthFact(
                    month_index=index,
                    person_key=member["person_id"],
                    household_key=case_id,
                    head=head,
                    unit_id=places[case_id][0],
                    committee_id=places[case_id][1],
                    gender=member["person__gender"],
                    age_band=age_band_of(member["person__identity_number"], index, rules, today),
                    born=born(member["person__born_in_sweden"]),
                    support_barrier=barriers.get((case_id, member["person_id"]), ""),
                    children=children if head else 0,
                    amount=amount if head else Decimal(0),
                )
            )
    return facts


def month_summaries(first: int, last: int) -> list[AidMonthSummary]:
    rows = (
        AidMonthFact.objects.filter(month_index__gte=first, month_index__lte=last)
        .values("month_index", *DIMENSIONS)
        .annotate(
            n_households=Count("pk", filter=Q(head=True)),
            n_adults=Count("pk"),
            n_children=Sum("children"),
            total=Sum("amount"),
        )
        .order_by()
    )
    return [
        AidMonthSummary(
            month_index=row["month_index"],
            households=row["n_households"],
            adults=row["n_adults"],
            children=row["n_children"],
            amount=row["total"],
            **{name: row[name] for name in DIMENSIONS},
        )
        for row in rows
    ]


def return_summaries(first_exit: int, last_exit: int, data_end: int) -> list[AidReturnSummary]:
    """Adults with aid in month X - 1 and none in X, for exit months X in first..last (never
    after the last recorded month), and whether they had aid again in X + 1 .. X + window."""
    last_exit = min(last_exit, data_end)
    windows = conventions(last_exit).return_windows_months
    same_person = AidMonthFact.objects.filter(person_key=OuterRef("person_key"))
    exits = (
        AidMonthFact.objects.filter(month_index__gte=first_exit - 1, month_index__lte=last_exit - 1)
        .annotate(stayed=Exists(same_person.filter(month_index=OuterRef("month_index") + 1)))
        .filter(stayed=False)
        .annotate(
            **{
                f"back_{window}": Exists(
                    same_person.filter(
                        month_index__gte=OuterRef("month_index") + 2,
                        month_index__lte=OuterRef("month_index") + 1 + window,
                    )
                )
                for window in windows
            }
        )
        .values("month_index", *DIMENSIONS)
        .annotate(
            n_left=Count("pk"),
            **{f"n_back_{w}": Count("pk", filter=Q(**{f"back_{w}": True})) for w in windows},
        )
        .order_by()
    )
    return [
        AidReturnSummary(
            exit_month_index=row["month_index"] + 1,
            window=window,
            left=row["n_left"],
            returned=row[f"n_back_{window}"],
            **{name: row[name] for name in DIMENSIONS},
        )
        for row in exits
        for window in windows
    ]


YEAR_SQL = """
SELECT f.committee_id, f.unit_id, f.gender, f.age_band, f.born, f.support_barrier, p.months,
       COUNT(*)
FROM followup_aidmonthfact f
JOIN (SELECT person_key, COUNT(*) AS months, MAX(month_index) AS last_month
      FROM followup_aidmonthfact WHERE month_index BETWEEN %s AND %s GROUP BY person_key) p
  ON f.person_key = p.person_key AND f.month_index = p.last_month
GROUP BY f.committee_id, f.unit_id, f.gender, f.age_band, f.born, f.support_barrier, p.months
"""


def year_summaries(year: int) -> tuple[list[AidYearSummary], list[AidBarrierSummary]]:
    """Each adult once per year, in the breakdown of their last month with aid that year: by the
    number of months with aid, and by support barrier."""
    first = year * MONTHS_PER_YEAR
    rules = conventions(first)
    durations: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    barriers: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    with connection.cursor() as cursor:
        cursor.execute(YEAR_SQL, [first, first + MONTHS_PER_YEAR - 1])
        for *dimensions, barrier, months, adults in cursor.fetchall():
            long_term = adults if rules.is_long_term(months) else 0
            for cell in (
                durations[(*dimensions, rules.duration_band(months))],
                barriers[(*dimensions, barrier)],
            ):
                cell[0] += adults
                cell[1] += long_term
    return (
        [
            AidYearSummary(
                year=year,
                duration_band=key[-1],
                adults=adults,
                long_term=long_term,
                **dict(zip(DIMENSIONS, key[:-1], strict=True)),
            )
            for key, (adults, long_term) in durations.items()
        ],
        [
            AidBarrierSummary(
                year=year,
                support_barrier=key[-1],
                adults=adults,
                long_term=long_term,
                **dict(zip(DIMENSIONS, key[:-1], strict=True)),
            )
            for key, (adults, long_term) in barriers.items()
        ],
    )


def _replace(model: type[Any], rows: Iterable[Any], **range_filter: Any) -> None:
    model.objects.filter(**range_filter).delete()
    model.objects.bulk_create(rows, batch_size=BATCH)


def summaries_rebuild(first: int, last: int) -> None:
    """Rebuild every summary that months first..last feed, from the facts as they stand."""
    bounds = AidMonthFact.objects.aggregate(start=Min("month_index"), end=Max("month_index"))
    _replace(
        AidMonthSummary,
        month_summaries(first, last),
        month_index__gte=first,
        month_index__lte=last,
    )
    if bounds["end"] is not None:
        widest = max(conventions(last).return_windows_months)
        first_exit = max(first - widest, bounds["start"] + 1)
        _replace(
            AidReturnSummary,
            return_summaries(first_exit, last + 1, bounds["end"]),
            exit_month_index__gte=first_exit,
            exit_month_index__lte=last + 1,
        )
    else:
        AidReturnSummary.objects.all().delete()
    for year in range(first // MONTHS_PER_YEAR, last // MONTHS_PER_YEAR + 1):
        by_duration, by_barrier = year_summaries(year)
        _replace(AidYearSummary, by_duration, year=year)
        _replace(AidBarrierSummary, by_barrier, year=year)
    planner_statistics_update(AidMonthSummary, AidReturnSummary, AidYearSummary, AidBarrierSummary)


def open_cases_count() -> None:
    """Count each unit's open cases and the persons in them (the nightly refresh)."""
    open_q = Q(cases__status=CaseStatus.OPEN)
    counted = Unit.objects.annotate(
        open_cases=Count("cases", filter=open_q, distinct=True),
        persons=Count("cases__members", filter=open_q, distinct=True),
    ).filter(open_cases__gt=0)
    with transaction.atomic():
        OpenCases.objects.all().delete()
        OpenCases.objects.bulk_create(
            OpenCases(unit=unit, open_cases=unit.open_cases, persons=unit.persons)
            for unit in counted
        )


def refresh(first: int, last: int) -> RefreshResult:
    """Rebuild the facts of months first..last from the decisions, then the summaries."""
    started = time.perf_counter()
    with transaction.atomic():
        facts = facts_from_decisions(first, last)
        _replace(AidMonthFact, facts, month_index__gte=first, month_index__lte=last)
        summaries_rebuild(first, last)
        widest = max(conventions(last).return_windows_months)
        referral_facts_rebuild(since=month_of(first - widest))
        participation_summaries_rebuild(
            range((first - widest) // MONTHS_PER_YEAR, timezone.localdate().year + 1)
        )
        national_checks_store(months_to_report(timezone.localdate()))
        open_cases_count()
        seconds = time.perf_counter() - started
        Refresh.objects.create(
            first_month_index=first, last_month_index=last, facts=len(facts), seconds=seconds
        )
    return RefreshResult(first, last, len(facts), seconds)


def refresh_all() -> RefreshResult | None:
    """Every month that has a decision."""
    span = Decision.objects.aggregate(first=Min("month"), last=Max("month"))
    if span["first"] is None:
        return None
    return refresh(month_index(span["first"]), month_index(span["last"]))
