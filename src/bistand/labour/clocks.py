# SPDX-License-Identifier: EUPL-1.2
"""The coach's clocks: a meeting within the municipality's target after the referral, and a first
activity within its target — each only when the municipality has switched the target on."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from bistand.labour.models import ACTIVE_REFERRAL_STATUSES, Activity, CoachMeeting, Referral
from bistand.labour.policy import COACH_MEETING, FIRST_ACTIVITY, time_target, working_day_eves
from bistand.organisations.models import Unit
from bistand.rules.clocks import deadline_at

TARGETS = (COACH_MEETING, FIRST_ACTIVITY)


@dataclass(frozen=True)
class ReferralClock:
    referral: Referral
    meeting_due: datetime | None
    first_meeting: datetime | None
    activity_due: date | None
    first_activity: date | None
    now: datetime

    @property
    def meeting_overdue(self) -> bool:
        if self.meeting_due is None:
            return False
        if self.first_meeting is None:
            return self.now > self.meeting_due
        return self.first_meeting > self.meeting_due

    @property
    def activity_overdue(self) -> bool:
        if self.activity_due is None:
            return False
        if self.first_activity is None:
            return self.now.date() > self.activity_due
        return self.first_activity > self.activity_due

    @property
    def overdue(self) -> bool:
        return self.meeting_overdue or self.activity_overdue

    @property
    def meeting_ended(self) -> bool:
        """The meeting target applies and its clock has ended: the meeting held, or time up."""
        return self.meeting_due is not None and (
            self.first_meeting is not None or self.meeting_overdue
        )

    @property
    def activity_ended(self) -> bool:
        """The first-activity target applies and its clock has ended: started, or time up."""
        return self.activity_due is not None and (
            self.first_activity is not None or self.activity_overdue
        )


def with_firsts(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return referrals.select_related(
        "person", "to_unit__committee__municipality", "case"
    ).prefetch_related(
        Prefetch("meetings", queryset=CoachMeeting.objects.order_by("starts_at")),
        Prefetch("plan__activities", queryset=Activity.objects.order_by("starts_on")),
    )


def referral_clock(referral: Referral, now: datetime) -> ReferralClock:
    municipality = referral.to_unit.committee.municipality
    sent = timezone.localtime(referral.created_at)
    eves = working_day_eves(sent.date())
    meeting_target = time_target(municipality, COACH_MEETING, sent.date())
    activity_target = time_target(municipality, FIRST_ACTIVITY, sent.date())
    meetings = list(referral.meetings.all())
    plan = getattr(referral, "plan", None)
    activities = list(plan.activities.all()) if plan is not None else []
    return ReferralClock(
        referral=referral,
        meeting_due=deadline_at(sent, meeting_target, eves=eves) if meeting_target else None,
        first_meeting=meetings[0].starts_at if meetings else None,
        activity_due=(
            deadline_at(sent, activity_target, eves=eves).date() if activity_target else None
        ),
        first_activity=activities[0].starts_on if activities else None,
        now=now,
    )


def coach_queue(*, units: QuerySet[Unit], now: datetime) -> list[ReferralClock]:
    """Open referrals to these units, those waiting longest for an answer first."""
    referrals = with_firsts(
        Referral.objects.filter(to_unit__in=units, status__in=ACTIVE_REFERRAL_STATUSES)
    )
    clocks = [referral_clock(referral, now) for referral in referrals]
    return sorted(clocks, key=lambda clock: (not clock.overdue, clock.referral.created_at))


@dataclass(frozen=True)
class CoachCompliance:
    unit: Unit
    meetings: int
    meetings_on_time: int
    activities: int
    activities_on_time: int
    targets_on: bool


def coach_compliance(*, units: QuerySet[Unit], now: datetime) -> list[CoachCompliance]:
    """Per unit: referrals whose clock has ended (met, or time up) and how many were on time."""
    by_unit: dict[int, list[ReferralClock]] = defaultdict(list)
    for referral in with_firsts(Referral.objects.filter(to_unit__in=units)):
        by_unit[referral.to_unit_id].append(referral_clock(referral, now))
    rows = []
    for unit in units.select_related("committee__municipality"):
        clocks = by_unit[unit.pk]
        meeting_done = [c for c in clocks if c.meeting_ended]
        activity_done = [c for c in clocks if c.activity_ended]
        municipality, today = unit.committee.municipality, now.date()
        rows.append(
            CoachCompliance(
                unit,
                len(meeting_done),
                sum(not c.meeting_overdue for c in meeting_done),
                len(activity_done),
                sum(not c.activity_overdue for c in activity_done),
                bool(meeting_done or activity_done)
                or any(time_target(municipality, name, today) for name in TARGETS),
            )
        )
    return rows
