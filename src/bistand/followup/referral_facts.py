# SPDX-License-Identifier: EUPL-1.2
"""Rebuild the follow-up's referral facts (`ReferralFact`): one row per referral with the person's
breakdown, the outcome, the coach's time targets as they stood at the rebuild, and whether the
person stayed off aid after the closure. The dashboard's referral tables then group rows in the
database instead of walking every referral, meeting and activity (ADR 0010)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from uuid import UUID

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from bistand.followup.dimensions import DIMENSIONS, age_band_of, born, conventions
from bistand.followup.models import AidMonthFact, EducationFact, ReferralFact, ReferralSummary
from bistand.followup.planner_statistics import planner_statistics_update
from bistand.labour.clocks import referral_clock, with_firsts
from bistand.labour.models import Activity, CoachMeeting, NationalCategory, Referral, ReferralStatus
from bistand.rules.statistics import month_index, month_of

CHUNK = 2000
CLOCKS = {  # summary column: the fact's flag it counts
    "meetings_due": "meeting_due",
    "meetings_on_time": "meeting_on_time",
    "activities_due": "activity_due",
    "activities_on_time": "activity_on_time",
}
EDUCATION_FROM_FACT = (*DIMENSIONS, "outcome", "followed", "off_aid")


def _chunks(keys: Iterable[UUID]) -> Iterator[list[UUID]]:
    found = iter(keys)
    while chunk := list(islice(found, CHUNK)):
        yield chunk


def touched_since(since: date) -> set[UUID]:
    """Referrals whose fact may have changed since the day: sent, answered or closed then (and so
    updated), with a meeting or an activity recorded then, or closed recently enough that the
    months followed after the closure are still being filled."""
    window = max(conventions(month_index(since)).return_windows_months)
    start = datetime.combine(since, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    closed_from = month_index(since) - window
    ids = set(
        Referral.objects.filter(
            Q(updated_at__gte=start) | Q(closed_on__gte=month_of(closed_from))
        ).values_list("pk", flat=True)
    )
    ids |= set(
        CoachMeeting.objects.filter(created_at__gte=start).values_list("referral_id", flat=True)
    )
    ids |= set(
        Activity.objects.filter(created_at__gte=start).values_list("plan__referral_id", flat=True)
    )
    return ids


def _facts(referrals: list[Referral], now: datetime, data_end: int | None) -> list[ReferralFact]:
    closed = {
        r.pk: month_index(r.closed_on)
        for r in referrals
        if r.status == ReferralStatus.CLOSED and r.closed_on is not None
    }
    window = max(conventions(month_index(now.date())).return_windows_months)
    followed = {
        pk for pk, month in closed.items() if data_end is not None and month + window <= data_end
    }
    people = {r.person_id for r in referrals if r.pk in followed}
    aid: set[tuple[UUID, int]] = set()
    if people:
        months = [closed[pk] for pk in followed]
        aid = set(
            AidMonthFact.objects.filter(
                person_key__in=people,
                month_index__gt=min(months),
                month_index__lte=max(months) + window,
            ).values_list("person_key", "month_index")
        )
    facts = []
    for referral in referrals:
        clock = referral_clock(referral, now)
        sent = month_index(timezone.localtime(referral.created_at).date())
        person, unit = referral.person, referral.to_unit
        outcome = ""
        if referral.pk in closed:
            reason = referral.closure_reason
            outcome = reason.national_category if reason else NationalCategory.OTHER
        is_followed = referral.pk in followed
        facts.append(
            ReferralFact(
                referral_id=referral.pk,
                committee_id=unit.committee_id,
                unit_id=unit.pk,
                from_unit_id=referral.case.unit_id,
                gender=person.gender,
                age_band=age_band_of(person.identity_number, sent, conventions(sent), now.date()),
                born=born(person.born_in_sweden),
                sent_month_index=sent,
                closed_month_index=closed.get(referral.pk),
                outcome=outcome,
                meeting_due=clock.meeting_ended,
                meeting_on_time=clock.meeting_ended and not clock.meeting_overdue,
                activity_due=clock.activity_ended,
                activity_on_time=clock.activity_ended and not clock.activity_overdue,
                followed=is_followed,
                off_aid=is_followed
                and not any(
                    (person.pk, month) in aid
                    for month in range(closed[referral.pk] + 1, closed[referral.pk] + window + 1)
                ),
            )
        )
    return facts


def _education_facts(people: list[UUID]) -> list[EducationFact]:
    """The people's activities at education providers, in order per provider and person, each
    with the start of the next one there."""
    fact = "plan__referral__fact__"
    rows = list(
        Activity.objects.filter(
            provider__is_education=True,
            plan__person_id__in=people,
            plan__referral__fact__isnull=False,
        )
        .order_by("provider_id", "plan__person_id", "starts_on", "pk")
        .values(
            "pk",
            "provider_id",
            "plan__person_id",
            "starts_on",
            *(f"{fact}{name}" for name in EDUCATION_FROM_FACT),
        )
    )
    facts = []
    for index, row in enumerate(rows):
        after = rows[index + 1] if index + 1 < len(rows) else None
        same = after is not None and (after["provider_id"], after["plan__person_id"]) == (
            row["provider_id"],
            row["plan__person_id"],
        )
        facts.append(
            EducationFact(
                activity_id=row["pk"],
                provider_id=row["provider_id"],
                person_key=row["plan__person_id"],
                starts_on=row["starts_on"],
                next_starts_on=after["starts_on"] if same and after else None,
                **{name: row[f"{fact}{name}"] for name in EDUCATION_FROM_FACT},
            )
        )
    return facts


def education_facts_rebuild(people: Iterable[UUID] | None = None) -> None:
    """Rebuild the education facts of the people (of everyone with an education activity when
    None), from their activities and the referral facts as they stand."""
    if people is None:
        EducationFact.objects.all().delete()
        people = set(
            Activity.objects.filter(provider__is_education=True).values_list(
                "plan__person_id", flat=True
            )
        )
    for chunk in _chunks(sorted(people)):
        with transaction.atomic():
            EducationFact.objects.filter(person_key__in=chunk).delete()
            EducationFact.objects.bulk_create(_education_facts(chunk), batch_size=CHUNK)
    planner_statistics_update(EducationFact)


def referral_summaries_rebuild() -> None:
    """Group every referral fact again (a few seconds at national size)."""
    grouped = (
        ReferralFact.objects.values("sent_month_index", *DIMENSIONS, "outcome")
        .annotate(
            n=Count("pk"),
            **{
                f"n_{column}": Count("pk", filter=Q(**{flag: True}))
                for column, flag in CLOCKS.items()
            },
        )
        .order_by()
    )
    with transaction.atomic():
        ReferralSummary.objects.all().delete()
        ReferralSummary.objects.bulk_create(
            (
                ReferralSummary(
                    sent_month_index=row["sent_month_index"],
                    outcome=row["outcome"],
                    referrals=row["n"],
                    **{name: row[name] for name in DIMENSIONS},
                    **{column: row[f"n_{column}"] for column in CLOCKS},
                )
                for row in grouped.iterator(chunk_size=CHUNK)
            ),
            batch_size=CHUNK,
        )
    planner_statistics_update(ReferralSummary)


def referral_facts_rebuild(since: date | None = None) -> int:
    """Rebuild the facts of the referrals touched since the day (every referral when None), with
    the clocks as they stand now. Returns how many were rebuilt."""
    now = timezone.now()
    ids = (
        set(Referral.objects.values_list("pk", flat=True))
        if since is None
        else touched_since(since)
    )
    data_end = AidMonthFact.objects.aggregate(end=Max("month_index"))["end"]
    people: set[UUID] = set()
    for chunk in _chunks(sorted(ids)):
        referrals = list(
            with_firsts(Referral.objects.filter(pk__in=chunk)).select_related("closure_reason")
        )
        people |= {referral.person_id for referral in referrals}
        with transaction.atomic():
            ReferralFact.objects.filter(referral_id__in=chunk).delete()
            ReferralFact.objects.bulk_create(_facts(referrals, now, data_end))
    planner_statistics_update(ReferralFact)
    referral_summaries_rebuild()
    education_facts_rebuild(None if since is None else people)
    return len(ids)
