"""The monthly application opens on a configured day before each month and closes into it."""

from datetime import date

import pytest

from bistand.applications.windows import months_open_for_application, reapplication_window


def test_window_runs_from_the_20th_before_to_the_10th_of_the_month() -> None:
    assert reapplication_window(date(2026, 3, 1), opens_day=20, closes_day=10) == (
        date(2026, 2, 20),
        date(2026, 3, 10),
    )


def test_window_clamps_to_short_months() -> None:
    assert reapplication_window(date(2026, 3, 1), opens_day=31, closes_day=31) == (
        date(2026, 2, 28),
        date(2026, 3, 31),
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 2, 19), []),
        (date(2026, 2, 20), [date(2026, 3, 1)]),
        (date(2026, 3, 10), [date(2026, 3, 1)]),
        (date(2026, 3, 11), []),
        (date(2026, 12, 25), [date(2027, 1, 1)]),
    ],
)
def test_months_open(today: date, expected: list[date]) -> None:
    assert months_open_for_application(today, opens_day=20, closes_day=10) == expected


def test_overlapping_windows_offer_the_earliest_month_first() -> None:
    assert months_open_for_application(date(2026, 3, 25), opens_day=1, closes_day=28) == [
        date(2026, 3, 1),
        date(2026, 4, 1),
    ]
