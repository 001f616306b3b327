"""The daily reminders (`bistand remind`), each once, with a notice that says nothing about the
case: when February's window opens, to those who applied for January and have not applied for
February; and a few days before a completion is due, to an applicant who has sent nothing."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from bistand.accounts.models import User
from bistand.applications.models import Application, ApplicationStatus, ReapplicationReminder
from bistand.applications.services import (
    application_completion_request,
    application_completion_send,
)
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


def _reminded(today: date) -> tuple[str, str]:
    """What `bistand remind` says it queued: (to apply, to complete)."""
    from io import StringIO

    out = StringIO()
    call_command("remind", f"--today={today.isoformat()}", stdout=out)
    to_apply, to_complete, _drafts = out.getvalue().splitlines()
    return to_apply, to_complete


def _remind(today: date) -> str:
    return _reminded(today)[0]


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
    assert _remind(opens) == f"1 reminders to apply queued for {opens.isoformat()}"
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


def _ask(application: Application, caseworker: User, due: date) -> None:
    application_completion_request(
        application=application, due=due, what="Hyresavtalet för mars.", acted_by=caseworker
    )


@pytest.mark.django_db
def test_an_applicant_asked_to_complete_is_reminded_once_before_the_day(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    municipality = Municipality.objects.get()
    assert municipality.completion_reminder_days == 2  # the default
    due = timezone.localdate() + timedelta(days=10)
    _ask(world.sent_a, world.caseworker_a, due)
    # person_b was asked too, by the same day, and has sent the completion: not reminded.
    _ask(world.sent_b, world.caseworker_b, due)
    application_completion_send(application=world.sent_b, note="", acted_by=world.applicant_b)
    task_worker()
    notices_cleared()

    assert _reminded(due - timedelta(days=3))[1].startswith("0 reminders to complete")
    assert _reminded(due - timedelta(days=2))[1] == (
        f"1 reminders to complete queued for {(due - timedelta(days=2)).isoformat()}"
    )
    task_worker()
    assert [m.to for m in mail.outbox] == [[world.person_a.email]]
    with translation.override("sv"):  # the same words as every notice: nothing of the case
        assert mail.outbox[0].body.strip() == notification_text()
    assert "Hyresavtal" not in mail.outbox[0].subject + mail.outbox[0].body
    world.sent_a.refresh_from_db()
    assert world.sent_a.completion_reminded_on == due - timedelta(days=2)
    row = AccessLogEntry.objects.get(actor_username="remind_completions")
    assert (row.action, row.object_type, row.object_id) == (
        "write",
        "application",
        str(world.sent_a.pk),
    )
    assert row.changes == {
        "before": None,
        "after": {"completion_reminded_on": str(due - timedelta(days=2))},
    }

    # Once per request: not again on the next days, nor on the day itself, nor after it.
    for later in (1, 2, 3):
        assert _reminded(due - timedelta(days=2) + timedelta(days=later))[1].startswith("0 ")
    assert len(mail.outbox) == 1
    # The caseworker's page says when the applicant was reminded.
    page = client_for(world.caseworker_a).get(
        reverse("applications:read", kwargs={"application_id": world.sent_a.pk})
    )
    assert "Den sökande påmindes den" in page.content.decode()

    # Asked again, with a new day: reminded again before that one.
    new_due = due + timedelta(days=14)
    _ask(world.sent_a, world.caseworker_a, new_due)
    world.sent_a.refresh_from_db()
    assert world.sent_a.completion_reminded_on is None
    assert _reminded(new_due)[1].startswith("1 reminders to complete")  # the day itself counts


@pytest.mark.django_db
def test_not_reminded_on_the_day_it_was_asked_for(world: World) -> None:
    """Asked today for tomorrow: the request's own notice went today; the reminder comes
    tomorrow, on the day."""
    today = timezone.localdate()
    _ask(world.sent_a, world.caseworker_a, today + timedelta(days=1))
    assert _reminded(today)[1].startswith("0 ")
    assert _reminded(today + timedelta(days=1))[1].startswith("1 ")


@pytest.mark.django_db
def test_the_municipality_sets_the_days_and_zero_turns_the_reminder_off(world: World) -> None:
    due = timezone.localdate() + timedelta(days=10)
    _ask(world.sent_a, world.caseworker_a, due)
    Municipality.objects.update(completion_reminder_days=0)
    assert all(_reminded(due - timedelta(days=d))[1].startswith("0 ") for d in range(0, 5))
    Municipality.objects.update(completion_reminder_days=5)
    assert _reminded(due - timedelta(days=6))[1].startswith("0 ")
    assert _reminded(due - timedelta(days=5))[1].startswith("1 ")
