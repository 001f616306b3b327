"""The reception queue under frozen time: the clock, the pause for completion, compliance."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bistand.applications.models import ApplicationKind, ApplicationStatus
from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Relation
from bistand.organisations.models import Municipality
from tests.factories import (
    World,
    application_make,
    case_make,
    client_for,
    pdf_bytes,
    person_make,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def waiting(world: World):  # type: ignore[no-untyped-def]
    Municipality.objects.update(guidelines="stockholm")
    application = application_make(
        person=world.person_a, case=world.case_a, month=date(2026, 11, 1)
    )
    application.kind = ApplicationKind.FIRST
    application.submitted_at = datetime(2026, 11, 5, 10, tzinfo=STOCKHOLM)
    application.save()
    return application


@pytest.mark.django_db
def test_the_clock_runs_pauses_for_completion_and_stops_at_the_first_visit(
    world: World, waiting
) -> None:  # type: ignore[no-untyped-def]
    url = reverse("cases:queue")
    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        client = client_for(world.caseworker_a)  # a login each working day
        page = client.get(url).content.decode()
        assert world.case_a.reference in page
        assert "2026-11-19" in page  # received 5 November + 14 days
        assert "7 dagar kvar" in page
        client.post(
            url,
            {
                "action": "complete",
                "application_id": waiting.pk,
                "day": "2026-11-20",
                "what": "Hyresavtalet.",
            },
        )
        assert "Pausad" in client.get(url).content.decode()
    with time_machine.travel("2026-11-16 09:00 +0100", tick=False):
        client = client_for(world.caseworker_a)
        client.post(url, {"action": "completed", "application_id": waiting.pk})
        page = client.get(url).content.decode()
        assert "2026-11-23" in page  # four days paused
    with time_machine.travel("2026-11-25 09:00 +0100", tick=False):
        client = client_for(world.caseworker_a)
        page = client.get(url).content.decode()
        assert "Försenad med 2 dagar" in page
        assert 'class="overdue"' in page
        client.post(url, {"action": "visit", "application_id": waiting.pk, "day": "2026-11-25"})
        assert world.case_a.reference not in client.get(url).content.decode()
        waiting.refresh_from_db()
        assert waiting.status == "investigating"
        assert (
            "Utreds"
            in client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
        )
        manager = client_for(world.manager_a).get(url).content.decode()
        assert "0 %" in manager  # one first visit, late


@pytest.mark.django_db
def test_another_units_queue_is_not_visible(world: World, waiting) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        page = client_for(world.caseworker_b).get(reverse("cases:queue")).content.decode()
        assert world.case_a.reference not in page
        response = client_for(world.caseworker_b).post(
            reverse("cases:queue"),
            {"action": "visit", "application_id": waiting.pk, "day": "2026-11-12"},
        )
        assert response.status_code == 404


@pytest.mark.django_db
def test_incoming_monthly_applications_are_listed_to_decide(world: World) -> None:
    monthly = application_make(person=world.person_a, case=world.case_a, month=date(2026, 12, 1))
    monthly.kind = ApplicationKind.MONTHLY
    monthly.submitted_at = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)
    monthly.save()
    page = client_for(world.caseworker_a).get(reverse("cases:queue")).content.decode()
    assert reverse("decisions:decide", kwargs={"application_id": monthly.pk}) in page
    decide = (
        client_for(world.caseworker_a)
        .get(reverse("decisions:decide", kwargs={"application_id": monthly.pk}))
        .content.decode()
    )
    assert "Ansökt: 0 kr" in decide


@pytest.mark.django_db
def test_the_applicant_reads_what_is_needed_sends_it_and_the_clock_runs_from_that_day(
    world: World, waiting
) -> None:  # type: ignore[no-untyped-def]
    queue = reverse("cases:queue")
    what = "Hyresavtalet och kontoutdraget för oktober."
    ask = {"action": "complete", "application_id": waiting.pk, "day": "2026-11-20"}
    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        refused = caseworker.post(queue, ask, follow=True).content.decode()
        assert "Skriv vad den sökande behöver skicka." in refused
        waiting.refresh_from_db()
        assert waiting.status == ApplicationStatus.RECEIVED  # nothing asked without saying what
        caseworker.post(queue, {**ask, "what": what})

    overview = reverse("applications:overview", kwargs={"application_id": waiting.pk})
    with time_machine.travel("2026-11-14 18:00 +0100", tick=False):
        applicant = client_for(world.applicant)
        my_case = applicant.get(reverse("applications:my-case")).content.decode()
        assert f'<a href="{overview}">Komplettera senast 20 november 2026</a>' in my_case
        page = applicant.get(overview).content.decode()
        assert "Din handläggare behöver mer från dig senast 20 november 2026" in page
        assert f'<p dir="auto">{what}</p>' in page
        documents = reverse("applications:documents", kwargs={"application_id": waiting.pk})
        upload = SimpleUploadedFile("hyresavtal.pdf", pdf_bytes())
        assert applicant.post(documents, {"kind": "rent", "file": upload}).status_code == 302
        before = set(AccessLogEntry.objects.values_list("pk", flat=True))
        complete = reverse("applications:complete", kwargs={"application_id": waiting.pk})
        sent = applicant.post(complete, {"note": "Kontoutdraget kommer på måndag."}, follow=True)
        page = sent.content.decode()
        assert "Din komplettering är skickad. Din handläggare tittar på den." in page
        assert "Du skickade kompletteringen den 14 november 2026 18:00" in page
        waiting.refresh_from_db()
        # Whether it is complete is the caseworker's assessment: the status waits for them.
        assert waiting.status == ApplicationStatus.NEEDS_COMPLETION
        assert (
            AccessLogEntry.objects.exclude(pk__in=before)
            .filter(actor_id=world.applicant.pk, object_id=str(waiting.pk), action="write")
            .exists()
        )
        # Another applicant cannot send it, nor see it.
        other = client_for(world.applicant_b).post(complete, {"note": "x"})
        assert other.status_code == 404

    with time_machine.travel("2026-11-17 09:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        page = caseworker.get(queue).content.decode()
        assert "Den sökande skickade kompletteringen 2026-11-14" in page
        # Sent, it is the unit's time: the clock runs from the day it came, before anyone reads.
        assert "Pausad" not in page
        assert "2026-11-21" in page  # 19 Nov + 2 paused days
        assert "4 dagar kvar" in page
        read = reverse("applications:read", kwargs={"application_id": waiting.pk})
        page = caseworker.get(read).content.decode()
        for shown in (what, "Kontoutdraget kommer på måndag.", "hyresavtal.pdf"):
            assert shown in page
        caseworker.post(queue, {"action": "completed", "application_id": waiting.pk})
        waiting.refresh_from_db()
        # The clock runs again from the day the applicant sent it, not from the unit's reading.
        assert waiting.completion_received_on == date(2026, 11, 14)
        assert "2026-11-21" in caseworker.get(queue).content.decode()  # 19 Nov + 2 paused days

    with time_machine.travel("2026-11-17 10:00 +0100", tick=False):
        again = client_for(world.applicant).post(complete, {"note": ""}, follow=True)
    assert "Den här ansökan väntar inte på någon komplettering." in again.content.decode()


@pytest.mark.django_db
def test_a_monthly_application_is_asked_for_completion_from_its_own_page(world: World) -> None:
    monthly = application_make(person=world.person_a, case=world.case_a, month=date(2026, 12, 1))
    monthly.kind = ApplicationKind.MONTHLY
    monthly.save()
    world.case_a.first_visit_on = date(2026, 1, 8)  # a case in its second month and more
    world.case_a.save()
    read = reverse("applications:read", kwargs={"application_id": monthly.pk})
    what = "Lönespecifikationen för november."
    with time_machine.travel("2026-11-26 09:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        page = caseworker.get(read).content.decode()
        assert "Be den sökande komplettera ansökan" in page
        # A sent application's part without answers is "not answered", not "not filled in yet".
        assert "Inte besvarat." in page
        assert "Inte ifyllt ännu." not in page

        # A date that has passed is refused next to the field, and what was written is kept.
        refused = caseworker.post(read, {"action": "complete", "due": "2026-11-20", "what": what})
        page = refused.content.decode()
        assert refused.status_code == 200
        assert "Datumet har passerat. Välj i dag eller ett senare datum." in page
        assert f"{what}</textarea>" in page
        monthly.refresh_from_db()
        assert monthly.status == ApplicationStatus.RECEIVED
        unsaid = caseworker.post(read, {"action": "complete", "due": "2026-12-03", "what": " "})
        assert "Detta fält måste fyllas i." in unsaid.content.decode()

        asked = caseworker.post(read, {"action": "complete", "due": "2026-12-03", "what": what})
        assert asked.status_code == 302
        monthly.refresh_from_db()
        assert monthly.status == ApplicationStatus.NEEDS_COMPLETION
        assert monthly.completion_request == what
        assert monthly.completion_due == date(2026, 12, 3)

        applicant = client_for(world.applicant)
        my_case = applicant.get(reverse("applications:my-case")).content.decode()
        assert "Komplettera senast 3 december 2026" in my_case
        complete = reverse("applications:complete", kwargs={"application_id": monthly.pk})
        applicant.post(complete, {"note": "Bifogad."})
        # The queue's list of monthly applications says it was sent, and links to it.
        queue = caseworker.get(reverse("cases:queue")).content.decode()
        assert f'<a href="{read}">Den sökande skickade kompletteringen 2026-11-26</a>' in queue

        caseworker.post(read, {"action": "completed"})
        monthly.refresh_from_db()
        # Back to where it was: the case's first visit was held, so it is being investigated.
        assert world.case_a.first_visit_on is not None
        assert monthly.status == ApplicationStatus.INVESTIGATING
        assert monthly.completion_received_on == date(2026, 11, 26)
    # Once decided, nothing more is asked.
    assert "Be den sökande komplettera" not in (
        client_for(world.caseworker_a)
        .get(reverse("applications:read", kwargs={"application_id": world.sent_a.pk}))
        .content.decode()
    )


@pytest.mark.django_db
def test_a_refused_action_says_why_in_its_row_and_keeps_what_was_written(
    world: World, waiting
) -> None:  # type: ignore[no-untyped-def]
    queue = reverse("cases:queue")
    what = "Lönespecifikationen för oktober."
    row = waiting.pk
    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        ask = {"action": "complete", "application_id": row, "day": "2026-11-10", "what": what}
        refused = caseworker.post(queue, ask)
        page = refused.content.decode()
        assert refused.status_code == 400
        # The summary at the top leads to the date in this application's row.
        reference = world.case_a.reference
        assert (
            f'<a href="#day-{row}">Datum<span class="visually-hidden"> ({reference})</span>: '
            "Datumet har passerat." in page
        )
        assert f'id="day-{row}_error"' in page
        assert f'aria-describedby="day-{row}_error"' in page
        assert 'value="2026-11-10"' in page
        assert f"\n{what}</textarea>" in page  # nothing written is lost
        waiting.refresh_from_db()
        assert waiting.status == ApplicationStatus.RECEIVED
        assert waiting.completion_request == ""

        # A first visit is recorded when it has been held, never ahead or before the application.
        for day, reason in [
            ("2026-11-13", "Ett besök kan inte registreras innan det har hållits."),
            ("2026-11-04", "Besöket kan inte vara före den dag ansökan kom in (2026-11-05)."),
            ("", "Välj ett datum."),
        ]:
            visit = {"action": "visit", "application_id": row, "day": day}
            refused = caseworker.post(queue, visit)
            assert refused.status_code == 400
            assert reason in refused.content.decode()
        world.case_a.refresh_from_db()
        assert world.case_a.first_visit_on is None

        caseworker.post(queue, {"action": "visit", "application_id": row, "day": "2026-11-12"})
        world.case_a.refresh_from_db()
        assert world.case_a.first_visit_on == date(2026, 11, 12)
        # An application outside the caseworker's reach is not found, whatever the form says.
        stranger = client_for(world.caseworker_b).post(queue, {**ask, "day": "2026-11-20"})
        assert stranger.status_code == 404
        assert client_for(world.caseworker_a).post(queue, {"action": "visit"}).status_code == 404


@pytest.mark.django_db
def test_asked_again_the_days_already_paused_stay_paused(world: World, waiting) -> None:  # type: ignore[no-untyped-def]
    """Received 5 November, due 19 November with nothing paused. A request asked again keeps the
    pause it continues; a later request adds to the pauses that are over."""
    queue, read = reverse("cases:queue"), reverse("applications:read", args=[waiting.pk])
    complete = reverse("applications:complete", args=[waiting.pk])

    def ask(day: str) -> None:
        client_for(world.caseworker_a).post(
            read, {"action": "complete", "due": day, "what": "Hyresavtalet."}
        )

    def due_in_queue() -> str:
        page = client_for(world.caseworker_a).get(queue).content.decode()
        row = next(r for r in page.split("<tr") if world.case_a.reference in r)
        return re.findall(r"2026-1[12]-\d\d", row)[1]  # received, then due

    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        ask("2026-11-20")
    with time_machine.travel("2026-11-16 09:00 +0100", tick=False):
        ask("2026-11-25")  # nothing came yet: asked again, with a new day
    with time_machine.travel("2026-11-18 09:00 +0100", tick=False):
        client_for(world.caseworker_a).post(read, {"action": "completed"})
        assert due_in_queue() == "2026-11-25"  # paused 12–18 November: six days, not two

    with time_machine.travel("2026-11-19 09:00 +0100", tick=False):
        ask("2026-11-27")  # a second round
    with time_machine.travel("2026-11-21 09:00 +0100", tick=False):
        client_for(world.applicant).post(complete, {"note": "Här är avtalet."})
    with time_machine.travel("2026-11-23 09:00 +0100", tick=False):
        # What came is not enough: asked again. The pause ended when the applicant sent it.
        ask("2026-11-30")
    with time_machine.travel("2026-11-24 09:00 +0100", tick=False):
        client_for(world.caseworker_a).post(read, {"action": "completed"})
        # 6 + 2 (19–21) + 1 (23–24) days paused: 19 November + 9 days.
        assert due_in_queue() == "2026-11-28"
    waiting.refresh_from_db()
    assert waiting.completion_paused_days == 8


@pytest.mark.django_db
def test_past_the_day_to_complete_by_the_clock_is_the_units_again(world: World, waiting) -> None:  # type: ignore[no-untyped-def]
    """Received 5 November, visit by 19 November. Asked on 12 November to complete by Monday 16
    November; nothing comes. The clock stands still to the day, and runs from the 17th: the unit
    decides on what the case holds or asks again, and the queue does not hide it at the end."""
    later = case_make(
        unit=world.unit_a,
        acted_by=world.caseworker_a,
        members=[(person_make(acted_by=world.caseworker_a), Relation.APPLICANT)],
    )
    other = application_make(person=later.members.get().person, case=later, month=date(2026, 11, 1))
    other.submitted_at = datetime(2026, 11, 12, 10, tzinfo=STOCKHOLM)  # visit by 26 November
    other.save()
    queue = reverse("cases:queue")

    def rows() -> list[str]:
        page = client_for(world.caseworker_a).get(queue).content.decode()
        return [r for r in page.split("<tr")[2:] if "EB-" in r]

    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        client_for(world.caseworker_a).post(
            queue,
            {
                "action": "complete",
                "application_id": waiting.pk,
                "day": "2026-11-16",
                "what": "Hyresavtalet.",
            },
        )
    with time_machine.travel("2026-11-16 09:00 +0100", tick=False):
        first, second = rows()
        assert later.reference in first  # still the applicant's time: paused, last
        assert "Pausad: komplettering senast 2026-11-16" in second

    with time_machine.travel("2026-11-18 09:00 +0100", tick=False):
        first, second = rows()
        assert world.case_a.reference in first  # paused 12–17 November: visit by the 24th
        assert "2026-11-24" in first
        assert "6 dagar kvar" in first
        assert "Pausad" not in first
        assert "Komplettering senast 2026-11-16: dagen har passerat; inget har kommit in" in first
        assert 'value="completed"' in first  # papers that came another way can still be marked
        assert "2026-11-26" in second

    with time_machine.travel("2026-11-25 09:00 +0100", tick=False):
        first, _ = rows()
        assert world.case_a.reference in first
        assert 'class="overdue"' in first
        assert "Försenad med 1 dag" in first
        # Asked again now, the first pause is over and kept; a new one starts today.
        read = reverse("applications:read", args=[waiting.pk])
        client_for(world.caseworker_a).post(
            read, {"action": "complete", "due": "2026-11-30", "what": "Kontoutdraget."}
        )
        waiting.refresh_from_db()
        assert waiting.completion_paused_days == 5
        assert waiting.completion_requested_on == date(2026, 11, 25)
        first, second = rows()
        assert later.reference in first
        assert "Pausad: komplettering senast 2026-11-30" in second
