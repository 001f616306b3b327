"""Deadlines in calendar and working days, across weekends, public holidays and the eves."""

from datetime import date

import pytest

from bistand.rules.clocks import DAYS, WORKING_DAYS, TimeTarget, add_working_days, deadline

EVES = ("midsummer_eve", "christmas_eve", "new_years_eve")


def test_calendar_days_count_weekends_and_holidays() -> None:
    target = TimeTarget("first_reception_visit", 14, DAYS, True)
    assert deadline(date(2026, 11, 5), target) == date(2026, 11, 19)
    assert deadline(date(2026, 12, 20), target) == date(2027, 1, 3)


def test_working_days_skip_a_weekend_and_epiphany() -> None:
    # Friday 2 January 2026 + 3 working days: Mon 5, (Tue 6 Epiphany), Wed 7, Thu 8.
    target = TimeTarget("first_activity", 3, WORKING_DAYS, True)
    assert deadline(date(2026, 1, 2), target, eves=EVES) == date(2026, 1, 8)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 6, 18), 1, date(2026, 6, 22)),  # Midsummer Eve (Fri 19) and the weekend
        (date(2026, 12, 23), 1, date(2026, 12, 28)),  # Christmas Eve, Christmas, Boxing Day, Sunday
        (date(2026, 12, 30), 1, date(2027, 1, 4)),  # New Year's Eve, New Year's Day, weekend
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Good Friday, weekend, Easter Monday
    ],
)
def test_working_days_around_the_holidays(start: date, count: int, expected: date) -> None:
    assert add_working_days(start, count, EVES) == expected


def test_a_pause_moves_the_deadline_on() -> None:
    target = TimeTarget("first_reception_visit", 14, DAYS, True)
    assert deadline(date(2026, 11, 5), target, paused_days=6) == date(2026, 11, 25)
