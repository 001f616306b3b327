# SPDX-License-Identifier: EUPL-1.2
"""The follow-up statistics' conventions: months as integers, age and duration bands, long-term
recipients, returns to aid, and small-cell suppression. Pure: no Django, no database."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from bistand.rules.labour import age_on

MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class StatisticsConventions:
    age_band_starts: tuple[int, ...]
    duration_band_starts: tuple[int, ...]
    long_term_months: int
    return_windows_months: tuple[int, ...]
    source: str

    @property
    def age_bands(self) -> tuple[str, ...]:
        return _band_labels(self.age_band_starts, below=True, top=None)

    @property
    def duration_bands(self) -> tuple[str, ...]:
        return _band_labels(self.duration_band_starts, below=False, top=MONTHS_PER_YEAR)

    def age_band(self, age: int) -> str:
        return _band_of(self.age_band_starts, self.age_bands, age, below=True)

    def duration_band(self, months: int) -> str:
        return _band_of(self.duration_band_starts, self.duration_bands, months, below=False)

    def is_long_term(self, months_in_year: int) -> bool:
        return months_in_year >= self.long_term_months


def _band_labels(starts: tuple[int, ...], *, below: bool, top: int | None) -> tuple[str, ...]:
    """[18, 25, 65] -> ('-17', '18-24', '25-64', '65-'); with top=12: ('1-3', …, '10-12')."""
    ends = [*(start - 1 for start in starts[1:]), top]
    labels = [
        f"{start}-{end if end is not None else ''}" for start, end in zip(starts, ends, strict=True)
    ]
    return (f"-{starts[0] - 1}", *labels) if below else tuple(labels)


def _band_of(starts: tuple[int, ...], labels: tuple[str, ...], value: int, *, below: bool) -> str:
    index = bisect.bisect_right(starts, value) - 1
    if below:
        return labels[index + 1]
    if index < 0:
        raise ValueError(f"{value} is below the first band")
    return labels[index]


def month_index(day: date) -> int:
    """Months counted from year 0: consecutive months differ by one."""
    return day.year * MONTHS_PER_YEAR + day.month - 1


def month_of(index: int) -> date:
    return date(index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1, 1)


def last_day(index: int) -> date:
    return month_of(index + 1) - timedelta(days=1)


def age_in_month(birth_date: date, index: int) -> int:
    """Age on the last day of the month (the statistics' reference day)."""
    return age_on(birth_date, last_day(index))


def suppressed(value: int, threshold: int) -> int | None:
    """None for a cell that could identify someone: 1 to threshold - 1. Zero is shown."""
    return None if 0 < value < threshold else value


def share(part: int | None, whole: int | None) -> Fraction | None:
    """The part's share of the whole; None when either is suppressed or the whole is empty."""
    if part is None or whole is None or whole == 0:
        return None
    return Fraction(part, whole)
