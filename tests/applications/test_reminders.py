"""When February's window opens, those who applied for January and have not applied for
February are reminded, once, with a notice that says nothing about the case."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from bistand.applications.models import ApplicationStatus, ReapplicationReminder
from bistand.applications.windows import reapplication_window
from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Relation
from bistand.cases.services import case_close
from bistand.integrations.notifications.delivery import notification_text
from bistand.labour.models import ClosureReason
from bistand.organisations.models import Municipality
from tests.factories import (
    World,
    application_make,
    case_make,
    client_for,
    notices_cleared,
    person_make,
)

FEBRUARY = date(2026, 2, 1)


def _remind(today: date) -> str:
    from io import StringIO

    out = StringIO()
    call_command("remind_reapplications", f"--today={today.isoformat()}", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_reminded_once_when_the_window_opens(world: World, task_worker) -> None:  # type: ignore[no-untyped-def]
    municipality = Municipality.objects.get()
    opens, closes = reapplication_window(
        FEBRUARY,
        opens_day=municipality.reapplication_opens_day,
        closes_day=municipality.reapplication_closes_day,
    )
    # person_a applied for January and has only a draft for February: reminded.
    # person_b applied for January and has sent February's already: not reminded.
    application_make(person=world.person_b, case=world.case_b, month=FEBRUARY)
    # Someone whose case has been closed since January: not reminded.
    closed_person = person_make(acted_by=world.caseworker_a)
    closed = case_make(
        unit=world.unit_a,
        acted_by=world.caseworker_a,
        members=[(closed_person, Relation.APPLICANT)],
    )
    application_make(person=closed_person, case=closed, month=date(2026, 1, 1))
    case_close(
        case=closed,
        reason=ClosureReason.objects.get(code="work"),
        closed_on=date(2026, 1, 20),
        acted_by=world.caseworker_a,
    )
    assert world.draft_a.status == ApplicationStatus.DRAFT
    assert world.draft_a.month == FEBRUARY
    notices_cleared()

    assert _remind(opens - timedelta(days=1)).startswith("0 reminders")  # not open yet
    assert _remind(opens) == f"1 reminders queued for {opens.isoformat()}\n"
    task_worker()
    assert [m.to for m in mail.outbox] == [[world.person_a.email]]
    with translation.override("sv"):  # the same words as every notice: nothing of the case
        assert mail.outbox[0].body.strip() == notification_text()
    assert "Något nytt väntar på dig i Bistånd" in mail.outbox[0].body
    assert ReapplicationReminder.objects.get().person == world.person_a
    reads = AccessLogEntry.objects.filter(
        actor_username__contains="remind_reapplications", object_id=str(world.person_a.pk)
    )
    assert reads.count() == 1

    # The next days of the window: nobody twice.
    assert _remind(opens + timedelta(days=1)).startswith("0 reminders")
    assert _remind(closes).startswith("0 reminders")
    assert len(mail.outbox) == 1
    # What the reminder points to: My case says February can be applied for.
    page = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    assert "februari" in page
