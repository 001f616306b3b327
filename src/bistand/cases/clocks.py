# SPDX-License-Identifier: EUPL-1.2
"""The reception queue's clock: the first reception visit within the municipality's time target,
paused while the applicant completes the application."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from bistand.accounts.models import User
from bistand.applications.models import (
    UNDECIDED_STATUSES,
    Application,
    ApplicationKind,
)
from bistand.cases.models import Case
from bistand.cases.selectors import case_queryset_visible
from bistand.organisations.models import Unit
from bistand.rules.clocks import TimeTarget, deadline
from bistand.rules.parameters_loader import default_rulebook

FIRST_VISIT = "first_reception_visit"


@dataclass(frozen=True)
class Clock:
    application: Application
    received_on: date
    due_on: date
    paused_days: int
    paused_now: bool
    days_left: int

    @property
    def overdue_days(self) -> int:
        return -self.days_left

    @property
    def overdue(self) -> bool:
        return self.days_left < 0 and not self.paused_now


def _target(case: Case, day: date) -> tuple[TimeTarget | None, tuple[str, ...]]:
    rulebook = default_rulebook()
    key = case.unit.committee.municipality.guidelines
    guidelines = rulebook.municipalities.get(key) if key else None
    targets = guidelines.time_targets.at(day) if guidelines else None
    target = targets.targets.get(FIRST_VISIT) if targets else None
    return (target if target and target.enabled else None), rulebook.working_day_eves.at(day) or ()


def first_visit_clock(application: Application, today: date) -> Clock | None:
    assert application.case is not None  # noqa: S101 - received applications have a case
    received = timezone.localdate(application.submitted_at) if application.submitted_at else today
    target, eves = _target(application.case, received)
    if target is None:
        return None
    # Earlier requests' pauses, over, and this request's so far.
    paused = application.completion_paused_days + application.completion_days_paused(today)
    due = deadline(received, target, paused_days=paused, eves=eves)
    paused_now = bool(
        application.completion_requested_on and application.completion_pause_end(today) is None
    )
    return Clock(application, received, due, paused, paused_now, (due - today).days)


def reception_queue(*, user: User, today: date) -> list[Clock]:
    """First applications waiting for the first reception visit, most urgent first: those sent
    with an urgent need not yet assessed (ADR 0038), then by the day the visit is due; those
    whose clock stands still (the applicant still has time to complete) last."""
    applications = Application.objects.filter(
        case__in=case_queryset_visible(user=user),
        kind=ApplicationKind.FIRST,
        status__in=UNDECIDED_STATUSES,
        case__first_visit_on__isnull=True,
    ).select_related("case__unit__committee__municipality", "applicant")
    clocks = [clock for a in applications if (clock := first_visit_clock(a, today))]
    return sorted(
        clocks,
        key=lambda clock: (
            not clock.application.urgent_need_waiting,
            clock.paused_now,
            clock.due_on,
        ),
    )


@dataclass(frozen=True)
class Compliance:
    unit: Unit
    visits: int
    on_time: int

    @property
    def share(self) -> float | None:
        return self.on_time / self.visits if self.visits else None


def first_visit_compliance(*, units: QuerySet[Unit], today: date) -> list[Compliance]:
    rows = []
    for unit in units.select_related("committee__municipality"):
        visited = Application.objects.filter(
            case__unit=unit, kind=ApplicationKind.FIRST, case__first_visit_on__isnull=False
        ).select_related("case__unit__committee__municipality")
        total = on_time = 0
        for application in visited:
            clock = first_visit_clock(application, today)
            visited_on = application.case.first_visit_on if application.case else None
            if clock is None or visited_on is None:
                continue
            total += 1
            on_time += visited_on <= clock.due_on
        rows.append(Compliance(unit, total, on_time))
    return rows


def monthly_applications_to_decide(*, user: User) -> QuerySet[Application]:
    """Incoming monthly re-applications in the user's units, not yet decided, oldest first;
    the page puts those with an urgent need waiting before them (`urgent_first`)."""
    return (
        Application.objects.filter(
            case__in=case_queryset_visible(user=user),
            kind=ApplicationKind.MONTHLY,
            status__in=UNDECIDED_STATUSES,
        )
        .select_related("case")
        .order_by("submitted_at")
    )


def urgent_first(applications: Iterable[Application]) -> list[Application]:
    """The same applications, those with an urgent need not yet assessed first, each group in
    the order it came."""
    return sorted(applications, key=lambda application: not application.urgent_need_waiting)
