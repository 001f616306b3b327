# SPDX-License-Identifier: EUPL-1.2
"""Aggregates only: never a person. Small cells are suppressed."""

from dataclasses import dataclass

from bistand.accounts.models import User
from bistand.followup.dashboard import count_shown, units_in_scope
from bistand.followup.models import OpenCases


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    open_cases: int | None  # None: suppressed
    persons: int | None


def open_cases_per_unit(*, user: User) -> list[UnitFigures]:
    """The units in view, as counted at the last refresh."""
    rows = OpenCases.objects.filter(unit__in=units_in_scope(user)).select_related("unit__committee")
    return [
        UnitFigures(str(row.unit), count_shown(row.open_cases), count_shown(row.persons))
        for row in sorted(rows, key=lambda row: str(row.unit))
    ]
