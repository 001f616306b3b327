# SPDX-License-Identifier: EUPL-1.2
"""Aggregates only: never a person. Small cells are suppressed."""

from dataclasses import dataclass

from django.db.models import Count, Q

from bistand.accounts.models import User
from bistand.cases.models import CaseStatus
from bistand.followup.dashboard import count_shown, units_in_scope


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    open_cases: int | None  # None: suppressed
    persons: int | None


def open_cases_per_unit(*, user: User) -> list[UnitFigures]:
    open_q = Q(cases__status=CaseStatus.OPEN)
    rows = (
        units_in_scope(user)
        .annotate(
            open_cases=Count("cases", filter=open_q, distinct=True),
            persons=Count("cases__members", filter=open_q, distinct=True),
        )
        .filter(open_cases__gt=0)
    )
    return [UnitFigures(str(u), count_shown(u.open_cases), count_shown(u.persons)) for u in rows]
