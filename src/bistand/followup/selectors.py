# SPDX-License-Identifier: EUPL-1.2
"""Aggregates only: never a person. Small cells are suppressed."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from bistand.accounts.models import Role, User
from bistand.cases.models import CaseStatus
from bistand.organisations.models import Unit


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    open_cases: int | None  # None: suppressed
    persons: int | None


def _suppress(value: int) -> int | None:
    threshold: int = settings.BISTAND_SMALL_CELL_THRESHOLD
    return None if 0 < value < threshold else value


def open_cases_per_unit(*, user: User) -> list[UnitFigures]:
    units = Unit.objects.select_related("committee")
    if user.role == Role.UNIT_MANAGER:
        units = units.filter(pk__in=user.units.all())
    open_q = Q(cases__status=CaseStatus.OPEN)
    rows = units.annotate(
        open_cases=Count("cases", filter=open_q, distinct=True),
        persons=Count("cases__members", filter=open_q, distinct=True),
    ).filter(open_cases__gt=0)
    return [UnitFigures(str(u), _suppress(u.open_cases), _suppress(u.persons)) for u in rows]
