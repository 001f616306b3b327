# SPDX-License-Identifier: EUPL-1.2
"""When an appeal had to come in, and whether it did (förvaltningslagen 44-45 §§).

An appeal must have come in to the authority that decided within a number of weeks from the day
the person received the decision (`appeal_time_limit.weeks`, 44 § FL). A limit that ends on a
Saturday, Sunday, public holiday or one of the eves that count as one runs to the next working day
(lag (1930:173) 2 §, `working_days.yaml`). The authority checks whether the appeal came in in time
(45 § FL); this module only computes the dates. Rejecting a late appeal is the caseworker's
documented assessment: the delay may be the authority's own fault. Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bistand.rules.clocks import is_working_day


def statutory_last_day(start: date, *, weeks: int, eves: tuple[str, ...]) -> date:
    """The last day of a limit of `weeks` counted from `start`: the same weekday `weeks` later,
    moved on to the next working day when that is not one (lag (1930:173) 2 §)."""
    day = start + timedelta(weeks=weeks)
    while not is_working_day(day, eves):
        day += timedelta(days=1)
    return day


def came_in_time(*, last_day: date | None, came_in: date) -> bool | None:
    """In time when it came in on the last day or before; None when there is no last day."""
    return None if last_day is None else came_in <= last_day


@dataclass(frozen=True)
class AppealTimeliness:
    """`last_day` and `in_time` are None when it is not known when the person received the
    decision: then only the caseworker can say."""

    last_day: date | None
    in_time: bool | None


def appeal_timeliness(
    *,
    decision_received_on: date | None,
    appeal_received_on: date,
    weeks: int,
    eves: tuple[str, ...],
) -> AppealTimeliness:
    if decision_received_on is None:
        return AppealTimeliness(last_day=None, in_time=None)
    last_day = statutory_last_day(decision_received_on, weeks=weeks, eves=eves)
    return AppealTimeliness(
        last_day=last_day, in_time=came_in_time(last_day=last_day, came_in=appeal_received_on)
    )
