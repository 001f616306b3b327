# SPDX-License-Identifier: EUPL-1.2
"""Reminders, run daily by the municipality's scheduler. Like every notice they say only that
something new is waiting; the pages say what.

- When a month's application window opens, those who applied for the month before and have not
  sent one for this month (`bistand remind`); once per person and month. *My case*
  shows that the month is open and until when.
- When a completion the caseworker asked for is due soon and the applicant has sent nothing
  (`bistand remind` too), the municipality's `completion_reminder_days` before the day;
  once per request. The application's page says what is needed and by when.
- When an unsent draft will be deleted soon (`bistand remind` too), the municipality's
  `draft_reminder_days` before its last day; once per draft, and again if it is changed and so
  kept longer. The draft and My case say until when it is kept."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from bistand.applications.disposal import draft_kept_until, start_of_day
from bistand.applications.models import (
    SUBMITTED_STATUSES,
    Application,
    ApplicationStatus,
    ReapplicationReminder,
)
from bistand.applications.services import municipality_current
from bistand.applications.windows import add_months, months_open_for_application
from bistand.audit.services import access_log_system_read, access_log_system_write
from bistand.cases.models import CaseStatus
from bistand.integrations.notifications.services import notification_schedule
from bistand.people.models import Person

PROCESS = "remind_reapplications"
COMPLETION_PROCESS = "remind_completions"
DRAFT_PROCESS = "remind_unsent_drafts"


def reapplication_reminders_due(*, today: date) -> list[tuple[Person, date]]:
    """Who is to be reminded today, and for which month."""
    municipality = municipality_current()
    due: list[tuple[Person, date]] = []
    for month in months_open_for_application(
        today,
        opens_day=municipality.reapplication_opens_day,
        closes_day=municipality.reapplication_closes_day,
    ):
        applied_before = Application.objects.filter(
            month=add_months(month, -1),
            status__in=SUBMITTED_STATUSES,
            case__status=CaseStatus.OPEN,
        ).values("applicant_id")
        # A draft is not an application; one waiting for the partner is.
        applied_now = (
            Application.objects.filter(month=month)
            .exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
            .values("applicant_id")
        )
        reminded = ReapplicationReminder.objects.filter(month=month).values("person_id")
        persons = (
            Person.objects.filter(pk__in=applied_before)
            .exclude(pk__in=applied_now)
            .exclude(pk__in=reminded)
            .order_by("pk")
        )
        due.extend((person, month) for person in persons)
    return due


def reapplication_reminders_send(*, today: date) -> int:
    """Queue each due reminder with its record, in one transaction per person."""
    sent = 0
    for person, month in reapplication_reminders_due(today=today):
        with transaction.atomic():
            _, created = ReapplicationReminder.objects.get_or_create(person=person, month=month)
            if not created:  # another run got there first
                continue
            access_log_system_read(process=PROCESS, object_type="person", object_id=person.pk)
            notification_schedule(person=person)
        sent += 1
    return sent


def completion_reminders_due(*, today: date) -> list[Application]:
    """Applications whose completion is due within the municipality's reminder days (today
    included), with nothing sent and no reminder yet for this request. Not on the day it was
    asked for: the request's own notice went that day."""
    days = municipality_current().completion_reminder_days
    if not days:
        return []
    return list(
        Application.objects.filter(
            status=ApplicationStatus.NEEDS_COMPLETION,
            completion_sent_at__isnull=True,
            completion_reminded_on__isnull=True,
            completion_due__gte=today,
            completion_due__lte=today + timedelta(days=days),
            completion_requested_on__lt=today,
        )
        .select_related("applicant")
        .order_by("completion_due", "pk")
    )


def completion_reminders_send(*, today: date) -> int:
    """Mark and queue each due reminder, in one transaction per application. The mark is set
    only where it is still empty, so that two runs remind once."""
    return sum(
        _remind_once(
            application,
            unmarked={"completion_reminded_on__isnull": True},
            mark="completion_reminded_on",
            process=COMPLETION_PROCESS,
            today=today,
        )
        for application in completion_reminders_due(today=today)
    )


def _remind_once(
    application: Application,
    *,
    unmarked: dict[str, object],
    mark: str,
    process: str,
    today: date,
) -> bool:
    """Mark the application reminded today, log it and queue the notice, in one transaction;
    False, and nothing done, when the mark is no longer as it was read (another run got there
    first, or the application changed)."""
    with transaction.atomic():
        marked = Application.objects.filter(pk=application.pk, **unmarked).update(**{mark: today})
        if not marked:
            return False
        access_log_system_write(
            process=process,
            object_type="application",
            object_id=application.pk,
            after={mark: today.isoformat()},
        )
        notification_schedule(person=application.applicant)
    return True


def draft_reminders_due(*, today: date) -> list[Application]:
    """Unsent drafts whose last day is within the municipality's reminder days (today
    included), not yet reminded of that last day. A reminder is for one last day: a draft
    changed after it, even on the same day, has a later last day and is reminded again."""
    municipality = municipality_current()
    days, kept_days = municipality.draft_reminder_days, municipality.draft_kept_days
    if not days:
        return []
    due = []
    first_changed_on = today - timedelta(days=kept_days)
    drafts = Application.objects.filter(
        status=ApplicationStatus.DRAFT,
        updated_at__gte=start_of_day(first_changed_on),
        updated_at__lt=start_of_day(first_changed_on + timedelta(days=days + 1)),
    ).select_related("applicant")
    for draft in drafts.order_by("updated_at", "pk"):
        last_day = draft_kept_until(draft, kept_days=kept_days)
        reminders_from = last_day - timedelta(days=days)
        reminded = draft.draft_reminded_on is not None and draft.draft_reminded_on >= reminders_from
        if reminders_from <= today <= last_day and not reminded:
            due.append(draft)
    return due


def draft_reminders_send(*, today: date) -> int:
    """Mark and queue each due reminder, in one transaction per draft. The mark changes only
    from what was read, so that two runs remind once; marking does not move the draft's day."""
    return sum(
        _remind_once(
            draft,
            unmarked={
                "status": ApplicationStatus.DRAFT,
                "draft_reminded_on": draft.draft_reminded_on,  # sent, or reminded: not again
            },
            mark="draft_reminded_on",
            process=DRAFT_PROCESS,
            today=today,
        )
        for draft in draft_reminders_due(today=today)
    )
