# SPDX-License-Identifier: EUPL-1.2
"""When a monthly application can be sent: a window before and into each month."""

from __future__ import annotations

import calendar
from datetime import date


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def reapplication_window(month: date, *, opens_day: int, closes_day: int) -> tuple[date, date]:
    """From `opens_day` of the month before to `closes_day` of the month itself (clamped)."""
    before = add_months(month, -1)
    opens = before.replace(day=min(opens_day, calendar.monthrange(before.year, before.month)[1]))
    closes = month.replace(day=min(closes_day, calendar.monthrange(month.year, month.month)[1]))
    return opens, closes


def months_open_for_application(today: date, *, opens_day: int, closes_day: int) -> list[date]:
    """The months a monthly application can be sent for on `today`, earliest first."""
    candidates = [first_of_month(today), add_months(first_of_month(today), 1)]
    return [
        month
        for month in candidates
        if reapplication_window(month, opens_day=opens_day, closes_day=closes_day)[0]
        <= today
        <= reapplication_window(month, opens_day=opens_day, closes_day=closes_day)[1]
    ]


def next_reapplication_window(
    today: date, *, opens_day: int, closes_day: int, applied: frozenset[date] = frozenset()
) -> tuple[date, date, date] | None:
    """The next month whose window has not opened yet and that has no application:
    (month, opens, closes). What an applicant with nothing to send today is told to wait for."""
    this_month = first_of_month(today)
    for count in range(3):
        month = add_months(this_month, count)
        opens, closes = reapplication_window(month, opens_day=opens_day, closes_day=closes_day)
        if month not in applied and opens > today:
            return month, opens, closes
    return None
