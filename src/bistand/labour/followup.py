# SPDX-License-Identifier: EUPL-1.2
"""After a closure: is the person still off aid 3 and 6 months later? And what came of each
referral path (the table seed 004 reports)? Computed from decisions and referrals as recorded."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import QuerySet

from bistand.decisions.models import AID_OUTCOMES, Decision
from bistand.labour.models import NationalCategory, Referral, ReferralStatus
from bistand.organisations.models import Unit
from bistand.rules.statistics import month_index, month_of

FOLLOW_UP_MONTHS = (3, 6)


def months_later(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month."""
    return month_of(month_index(day) + months)


def off_aid(aid_months: set[date], *, closed_on: date, months: int, today: date) -> bool | None:
    """True: no aid month among the `months` months after the closing month. False: aid in one
    of them. None: too early to tell (the period has not passed and no aid so far)."""
    first, last = months_later(closed_on, 1), months_later(closed_on, months)
    if any(first <= month <= last for month in aid_months):
        return False
    return None if today < months_later(closed_on, months + 1) else True


def aid_months_by_person(
    person_ids: Sequence[UUID] | QuerySet[Any, Any],
) -> dict[UUID, set[date]]:
    """The months aid was granted to any household each person belongs to: one query."""
    found: dict[UUID, set[date]] = defaultdict(set)
    rows = Decision.objects.filter(
        case__members__person_id__in=person_ids, outcome__in=AID_OUTCOMES
    ).values_list("case__members__person_id", "month")
    for person_id, month in rows:
        found[person_id].add(month)
    return found


def off_aid_after(*, person_id: UUID, closed_on: date, months: int, today: date) -> bool | None:
    """`off_aid` for one person, read from the decisions."""
    aid = aid_months_by_person([person_id])[person_id]
    return off_aid(aid, closed_on=closed_on, months=months, today=today)


@dataclass(frozen=True)
class ClosureFollowUp:
    referral: Referral
    after: dict[int, bool | None]


def closures_followed_up(*, units: QuerySet[Unit], today: date) -> list[ClosureFollowUp]:
    referrals = Referral.objects.filter(to_unit__in=units, status=ReferralStatus.CLOSED)
    closed = list(
        referrals.select_related("person", "closure_reason", "to_unit").order_by("-closed_on")
    )
    # The people as a subquery, not as their ids: ten years of a large unit's referrals hold
    # more than the 65 535 parameters PostgreSQL takes in one statement.
    aid = aid_months_by_person(referrals.values("person_id"))
    return [
        ClosureFollowUp(
            referral,
            {
                months: off_aid(
                    aid[referral.person_id],
                    closed_on=referral.closed_on,
                    months=months,
                    today=today,
                )
                for months in FOLLOW_UP_MONTHS
                if referral.closed_on is not None
            },
        )
        for referral in closed
    ]


@dataclass
class PathOutcomes:
    unit: Unit
    referred: int = 0
    closed: Counter[str] = field(default_factory=Counter)

    def count(self, category: str) -> int:
        return self.closed[category]

    @property
    def work(self) -> int:
        return self.closed[NationalCategory.WORK]

    @property
    def studies(self) -> int:
        return self.closed[NationalCategory.STUDIES]

    @property
    def state_programme(self) -> int:
        return self.closed[NationalCategory.STATE_PROGRAMME]

    @property
    def still_open(self) -> int:
        return self.referred - sum(self.closed.values())


def outcomes_by_path(*, units: QuerySet[Unit], year: int) -> list[PathOutcomes]:
    """Per receiving unit: referrals sent in `year` and how those closed, by national category.
    Referrals sent back count as referred, not as closed."""
    rows = {unit.pk: PathOutcomes(unit) for unit in units}
    referrals = Referral.objects.filter(to_unit__in=units, created_at__year=year).values_list(
        "to_unit_id", "status", "closure_reason__national_category"
    )
    for unit_id, status, category in referrals:
        row = rows[unit_id]
        row.referred += 1
        if status == ReferralStatus.CLOSED:
            row.closed[category] += 1
    return list(rows.values())
