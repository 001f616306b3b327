"""What never reached the authority is not kept (ADR 0036): an unsent draft is deleted with its
documents when the municipality's days have passed since it was last changed; its applicant sees
the day and is reminded before; a file no record names is removed once it is a day old."""

import io
import os
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bistand.applications.models import Application, Attachment
from bistand.applications.services import attachment_add
from bistand.audit.models import AccessLogEntry
from bistand.organisations.models import Municipality
from tests.factories import World, client_for, notices_cleared, pdf_bytes

CHANGED_ON = date(2026, 11, 1)  # kept 30 days by default: until 1 December 2026


def _changed_on(application: Application, day: date) -> None:
    moment = timezone.make_aware(datetime.combine(day, time(14, 30)))
    Application.objects.filter(pk=application.pk).update(updated_at=moment)


def _dispose(today: date) -> list[str]:
    out = io.StringIO()
    call_command("dispose_unsent", f"--today={today.isoformat()}", stdout=out)
    return out.getvalue().splitlines()


def _remind(today: date) -> str:
    out = io.StringIO()
    call_command("remind", f"--today={today.isoformat()}", stdout=out)
    return out.getvalue().splitlines()[2]


def _draft_with_a_document(world: World) -> Attachment:
    attachment = attachment_add(
        application=world.draft_a,
        content=pdf_bytes(2),
        kind="bank_statement",
        original_name="kontoutdrag.pdf",
        acted_by=world.applicant,
    )
    _changed_on(world.draft_a, CHANGED_ON)
    return attachment


@pytest.mark.django_db
def test_an_unsent_draft_is_deleted_with_its_documents_the_day_after_its_last_day(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    attachment = _draft_with_a_document(world)
    draft_file = Path(attachment.file.path)
    sent_file = Path(world.attachment_a.file.path)
    assert Municipality.objects.get().draft_kept_days == 30  # the default

    assert _dispose(date(2026, 12, 1))[0] == "0 unsent drafts deleted for 2026-12-01"
    assert Application.objects.filter(pk=world.draft_a.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert _dispose(date(2026, 12, 2))[0] == "1 unsent drafts deleted for 2026-12-02"
    assert not Application.objects.filter(pk=world.draft_a.pk).exists()
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not draft_file.exists()
    # What was sent is the authority's: untouched, file and all.
    assert Application.objects.filter(pk__in=[world.sent_a.pk, world.sent_b.pk]).count() == 2
    assert sent_file.exists()
    # The access log keeps what was deleted, by whom (the scheduled run), and nothing of its
    # content.
    rows = AccessLogEntry.objects.filter(actor_username="dispose_unsent_drafts")
    application_row = rows.get(object_type="application")
    assert application_row.object_id == str(world.draft_a.pk)
    assert (application_row.action, application_row.actor_role) == ("write", "system")
    assert application_row.changes == {
        "before": {
            "status": "draft",
            "kind": world.draft_a.kind,
            "month": "2026-02-01",
            "documents": 1,
            "kept_until": "2026-12-01",
        },
        "after": None,
    }
    assert rows.get(object_type="attachment").object_id == str(attachment.pk)

    assert _dispose(date(2026, 12, 3))[0].startswith("0 ")  # nothing twice


@pytest.mark.django_db
def test_a_change_keeps_the_draft_counting_from_that_day(world: World) -> None:
    _changed_on(world.draft_a, CHANGED_ON)
    attachment_add(  # the applicant adds a document today: a change
        application=world.draft_a,
        content=pdf_bytes(),
        kind="rent",
        original_name="hyra.pdf",
        acted_by=world.applicant,
    )
    assert _dispose(date(2026, 12, 2))[0].startswith("0 ")
    world.draft_a.refresh_from_db()
    assert timezone.localdate(world.draft_a.updated_at) == timezone.localdate()


@pytest.mark.django_db
def test_saving_an_answer_is_a_change(world: World) -> None:
    _changed_on(world.draft_a, CHANGED_ON)
    client = client_for(world.applicant)
    url = reverse("applications:step", kwargs={"application_id": world.draft_a.pk, "step": "needs"})
    response = client.post(url, {"dental_care": "0", "medicine": "0", "other_needs": "Glasögon."})
    assert response.status_code == 302
    world.draft_a.refresh_from_db()
    assert timezone.localdate(world.draft_a.updated_at) == timezone.localdate()


@pytest.mark.django_db
def test_the_applicant_sees_until_when_the_draft_is_kept(world: World) -> None:
    _changed_on(world.draft_a, CHANGED_ON)
    client = client_for(world.applicant)
    my_case = client.get(reverse("applications:my-case")).content.decode()
    assert "Gör klart och skicka din ansökan för februari 2026</a> " in my_case
    assert "(utkastet sparas till och med 1 december 2026)" in my_case
    overview = client.get(
        reverse("applications:overview", kwargs={"application_id": world.draft_a.pk})
    ).content.decode()
    assert "Ditt utkast sparas till och med 1 december 2026." in overview
    # A sent application is not a draft: no day.
    sent = client.get(
        reverse("applications:overview", kwargs={"application_id": world.sent_a.pk})
    ).content.decode()
    assert "sparas till och med" not in sent
    # The page about personal data says so too, with the municipality's days.
    Municipality.objects.update(draft_kept_days=45)
    about = client.get(reverse("about:personal-data")).content.decode()
    assert "tas bort, med sina dokument, 45 dagar efter att du senast ändrade den" in about


@pytest.mark.django_db
def test_the_applicant_is_reminded_once_before_the_draft_is_deleted(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    _changed_on(world.draft_a, CHANGED_ON)  # last day 1 December; reminded 5 days before
    notices_cleared()
    assert _remind(date(2026, 11, 25)).startswith("0 reminders of unsent drafts")
    assert _remind(date(2026, 11, 26)) == "1 reminders of unsent drafts queued for 2026-11-26"
    task_worker()
    assert [m.to for m in mail.outbox] == [[world.person_a.email]]
    assert "februari" not in mail.outbox[0].body  # a notice says nothing of the application
    world.draft_a.refresh_from_db()
    assert world.draft_a.draft_reminded_on == date(2026, 11, 26)
    # Marking it reminded is not a change: the last day stays.
    assert timezone.localdate(world.draft_a.updated_at) == CHANGED_ON
    row = AccessLogEntry.objects.get(actor_username="remind_unsent_drafts")
    assert row.changes == {"before": None, "after": {"draft_reminded_on": "2026-11-26"}}
    for later in (date(2026, 11, 27), date(2026, 12, 1)):
        assert _remind(later).startswith("0 ")
    assert len(mail.outbox) == 1

    # Changed the day the reminder came (the applicant opened the draft and saved a page), it
    # is kept longer, and reminded of again before its new last day, 26 December.
    _changed_on(world.draft_a, date(2026, 11, 26))
    assert _remind(date(2026, 12, 20)).startswith("0 ")
    assert _remind(date(2026, 12, 21)).startswith("1 ")
    assert _remind(date(2026, 12, 22)).startswith("0 ")


@pytest.mark.django_db
def test_the_reminder_can_be_turned_off_and_must_come_before_the_deletion(
    world: World,
) -> None:
    _changed_on(world.draft_a, CHANGED_ON)
    Municipality.objects.update(draft_reminder_days=0)
    assert _remind(date(2026, 11, 30)).startswith("0 ")
    municipality = Municipality.objects.get()
    municipality.draft_kept_days, municipality.draft_reminder_days = 7, 7
    with pytest.raises(ValidationError) as refused:
        municipality.full_clean()
    assert "draft_reminder_days" in refused.value.message_dict


def _stored(root: Path, name: str, age: timedelta) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes())
    moment = (timezone.now() - age).timestamp()
    os.utime(path, (moment, moment))
    return path


@pytest.mark.django_db
def test_a_file_no_record_names_is_removed_once_it_is_a_day_old(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    root = Path(world.attachment_a.file.path).parents[2]  # the storage's root, above YYYY/MM/
    old_orphan = _stored(root, "2026/10/left-by-a-failed-request.pdf", timedelta(days=2))
    new_orphan = _stored(root, "2026/11/upload-on-its-way.pdf", timedelta(hours=2))
    recorded = Path(world.attachment_a.file.path)
    moment = (timezone.now() - timedelta(days=40)).timestamp()
    os.utime(recorded, (moment, moment))  # an old file with its record stays

    with django_capture_on_commit_callbacks(execute=True):
        lines = _dispose(timezone.localdate())
    assert int(lines[1].split()[0]) >= 1  # files of earlier test runs may be among them
    assert not old_orphan.exists()
    assert new_orphan.exists()
    assert recorded.exists()
    row = AccessLogEntry.objects.get(
        actor_username="dispose_unrecorded_files",
        object_id="2026/10/left-by-a-failed-request.pdf",
    )
    assert row.changes == {"before": {"size": len(pdf_bytes())}, "after": None}
    new_orphan.unlink()


@pytest.mark.django_db
def test_a_draft_changed_while_the_run_is_on_its_way_is_kept(
    world: World,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """The run lists the drafts past their day, then takes each under its lock: the applicant
    saved an answer in between, so the draft is read again and kept."""
    from bistand.applications import disposal

    _changed_on(world.draft_a, CHANGED_ON)
    listed = disposal.drafts_past_their_day

    def listed_then_changed(*, today: date) -> list[Application]:
        drafts = listed(today=today)
        world.draft_a.refresh_from_db()
        world.draft_a.save(update_fields=["updated_at"])  # the applicant's change
        return drafts

    monkeypatch.setattr(disposal, "drafts_past_their_day", listed_then_changed)
    assert _dispose(date(2026, 12, 2))[0].startswith("0 ")
    assert Application.objects.filter(pk=world.draft_a.pk).exists()
