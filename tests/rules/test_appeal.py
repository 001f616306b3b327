"""The appeal's last day (förvaltningslagen 44 §, lag (1930:173) 2 §), on real calendars."""

from datetime import date

import pytest

from bistand.rules.appeal import appeal_timeliness, statutory_last_day

EVES = ("midsummer_eve", "christmas_eve", "new_years_eve")


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        # An ordinary Tuesday: the Tuesday three weeks later.
        (date(2026, 11, 3), date(2026, 11, 24)),
        # Three weeks from a Saturday is a Saturday: the limit runs to Monday.
        (date(2026, 10, 31), date(2026, 11, 23)),
        # Ends on Christmas Eve (an eve that counts as a holiday), then Christmas Day, Boxing
        # Day and a Sunday: the next working day is Monday 28 December.
        (date(2026, 12, 3), date(2026, 12, 28)),
        # Ends on Midsummer Eve 2026 (Friday 19 June): runs to Monday 22 June.
        (date(2026, 5, 29), date(2026, 6, 22)),
        # Ends on Good Friday 2027 (26 March): Easter Monday is a holiday too, so Tuesday.
        (date(2027, 3, 5), date(2027, 3, 30)),
    ],
)
def test_the_last_day_moves_past_weekends_holidays_and_eves(received: date, expected: date) -> None:
    assert statutory_last_day(received, weeks=3, eves=EVES) == expected


def test_without_the_eves_christmas_eve_is_an_ordinary_thursday() -> None:
    assert statutory_last_day(date(2026, 12, 3), weeks=3, eves=()) == date(2026, 12, 24)


def test_an_appeal_on_the_last_day_is_in_time_and_the_day_after_is_not() -> None:
    on_time = appeal_timeliness(
        decision_received_on=date(2026, 10, 31),
        appeal_received_on=date(2026, 11, 23),
        weeks=3,
        eves=EVES,
    )
    late = appeal_timeliness(
        decision_received_on=date(2026, 10, 31),
        appeal_received_on=date(2026, 11, 24),
        weeks=3,
        eves=EVES,
    )
    assert (on_time.last_day, on_time.in_time) == (date(2026, 11, 23), True)
    assert (late.last_day, late.in_time) == (date(2026, 11, 23), False)


def test_when_the_day_of_receipt_is_unknown_nothing_is_claimed() -> None:
    unknown = appeal_timeliness(
        decision_received_on=None, appeal_received_on=date(2026, 11, 23), weeks=3, eves=EVES
    )
    assert (unknown.last_day, unknown.in_time) == (None, None)
