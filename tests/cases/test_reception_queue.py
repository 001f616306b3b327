"""The reception queue under frozen time: the clock, the pause for completion, compliance."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from bistand.applications.models import ApplicationKind
from bistand.organisations.models import Municipality
from tests.factories import World, application_make, client_for

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
    client = client_for(world.caseworker_a)
    url = reverse("cases:queue")
    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        page = client.get(url).content.decode()
        assert world.case_a.reference in page
        assert "2026-11-19" in page  # received 5 November + 14 days
        assert "7 dagar kvar" in page
        client.post(url, {"action": "complete", "application_id": waiting.pk, "day": "2026-11-20"})
        assert "Pausad" in client.get(url).content.decode()
    with time_machine.travel("2026-11-16 09:00 +0100", tick=False):
        client.post(url, {"action": "completed", "application_id": waiting.pk})
        page = client.get(url).content.decode()
        assert "2026-11-23" in page  # four days paused
    with time_machine.travel("2026-11-25 09:00 +0100", tick=False):
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
