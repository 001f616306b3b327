# SPDX-License-Identifier: EUPL-1.2
"""Aggregates only: never a person. Small cells are suppressed."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q

from bistand.accounts.models import User
from bistand.cases.models import CaseStatus
from bistand.followup.dashboard import count_shown, units_in_scope
from bistand.followup.models import OpenCases
from bistand.organisations.models import Unit


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    open_cases: int | None  # None: suppressed
    persons: int | None


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


def open_cases_per_unit(*, user: User) -> list[UnitFigures]:
    """The units in view, as counted at the last refresh."""
    rows = OpenCases.objects.filter(unit__in=units_in_scope(user)).select_related("unit__committee")
    return [
        UnitFigures(str(row.unit), count_shown(row.open_cases), count_shown(row.persons))
        for row in sorted(rows, key=lambda row: str(row.unit))
    ]
