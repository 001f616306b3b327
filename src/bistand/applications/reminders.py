# SPDX-License-Identifier: EUPL-1.2
"""A reminder when a month's application window opens, to those who applied for the month before
and have not sent one for this month. Like every notice it says only that something new is
waiting; *My case* shows that the month is open and until when.

Run daily by the municipality's scheduler (`bistand remind_reapplications`); a person is reminded
once per month, however often it runs."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from bistand.applications.models import (
    SUBMITTED_STATUSES,
    Application,
    ApplicationStatus,
    ReapplicationReminder,
)
from bistand.applications.services import municipality_current
from bistand.applications.windows import add_months, months_open_for_application
from bistand.audit.services import access_log_system_read
from bistand.cases.models import CaseStatus
from bistand.integrations.notifications.services import notification_schedule
from bistand.people.models import Person

PROCESS = "remind_reapplications"


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
