"""The monthly application opens on a configured day before each month and closes into it."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from bistand.applications.windows import (
    months_open_for_application,
    next_reapplication_window,
    reapplication_window,
)
from bistand.organisations.models import Municipality
from tests.factories import World, client_for


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


@pytest.mark.parametrize(
    ("today", "applied", "expected"),
    [
        # Between windows: March's opens on 20 February.
        (date(2026, 2, 11), set(), (date(2026, 3, 1), date(2026, 2, 20), date(2026, 3, 10))),
        # March's window is open, and March is applied for: April's is next.
        (
            date(2026, 2, 25),
            {date(2026, 3, 1)},
            (date(2026, 4, 1), date(2026, 3, 20), date(2026, 4, 10)),
        ),
        # Across the year.
        (date(2026, 12, 11), set(), (date(2027, 1, 1), date(2026, 12, 20), date(2027, 1, 10))),
    ],
)
def test_the_next_window_to_wait_for(
    today: date, applied: set[date], expected: tuple[date, date, date]
) -> None:
    assert (
        next_reapplication_window(today, opens_day=20, closes_day=10, applied=frozenset(applied))
        == expected
    )


@pytest.mark.django_db
def test_my_case_says_when_the_next_application_opens(world: World) -> None:
    Municipality.objects.update(reapplication_opens_day=20, reapplication_closes_day=10)
    # January sent, February a draft; the applicant logs in on two days.
    with time_machine.travel("2026-02-11 09:00 +0100"):
        page = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    assert "Ansökan för mars 2026 öppnar den 20 februari" in page
    assert "du kan skicka den till den 10 mars" in page
    with time_machine.travel("2026-02-21 09:00 +0100"):
        page = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    assert "Ansök för mars 2026" in page  # the window is open: the button, no waiting
    assert "öppnar den" not in page
