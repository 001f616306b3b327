# SPDX-License-Identifier: EUPL-1.2
"""Time targets as local policy: deadlines in calendar days or working days, with pauses.

Working days exclude Saturdays, Sundays, Swedish public holidays (the `holidays` package) and the
eves that `working_days.yaml` names. Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

DAYS, WORKING_DAYS, HOURS = "days", "working_days", "hours"
_EVES = {
    "christmas_eve": lambda year: date(year, 12, 24),
    "new_years_eve": lambda year: date(year, 12, 31),
    # Midsummer Eve: the Friday between 19 and 25 June.
    "midsummer_eve": lambda year: next(
        date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4
    ),
}


@dataclass(frozen=True)
class TimeTarget:
    name: str
    amount: int
    unit: str
    enabled: bool


@lru_cache(maxsize=64)
def non_working_days(year: int, eves: tuple[str, ...]) -> frozenset[date]:
    days = set(holidays.country_holidays("SE", years=year))
    days.update(_EVES[eve](year) for eve in eves)
    return frozenset(days)


def is_working_day(day: date, eves: tuple[str, ...]) -> bool:
    return day.weekday() < 5 and day not in non_working_days(day.year, eves)


def add_working_days(start: date, count: int, eves: tuple[str, ...]) -> date:
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, eves):
            count -= 1
    return day


def deadline(
    start: date, target: TimeTarget, *, paused_days: int = 0, eves: tuple[str, ...] = ()
) -> date:
    """The last day to act: `start` + the target, moved on by the days the clock was paused."""
    if target.unit == WORKING_DAYS:
        due = add_working_days(start, target.amount, eves)
    elif target.unit == DAYS:
        due = start + timedelta(days=target.amount)
    else:
        due = start + timedelta(hours=target.amount).days * timedelta(days=1)
    return due + timedelta(days=paused_days)


def deadline_at(start: datetime, target: TimeTarget, *, eves: tuple[str, ...] = ()) -> datetime:
    """The moment the time is up: `start` + hours for an hour target, else the end of the due day
    (in `start`'s time zone)."""
    if target.unit == HOURS:
        return start + timedelta(hours=target.amount)
    due = deadline(start.date(), target, eves=eves)
    return datetime.combine(due, time(23, 59, 59), tzinfo=start.tzinfo)
