"""An applicant appeals a decision in the e-service; a caseworker checks that it came in in time
(45 § förvaltningslagen) and sends it on to the court, or rejects it as late."""

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.urls import reverse

from bistand.appeals.models import Appeal, AppealStatus
from bistand.appeals.services import AppealSent, appeal_submit
from bistand.audit.models import AccessLogEntry
from bistand.journals.models import JournalEntry
from tests.concurrency import at_once
from tests.factories import World, client_for, notices_cleared

CHANGE = "Att jag får bistånd till hela hyran."
REASONS = "Hyran är 9 200 kr och jag har sökt billigare boende i ett år."


def _check(appeal: Appeal, outcome: str, assessment: str) -> dict[str, object]:
    """The caseworker's form for this appeal, as the page names its fields."""
    prefix = f"appeal-{appeal.pk.hex[:8]}"
    return {
        f"{prefix}-appeal": appeal.pk,
        f"{prefix}-outcome": outcome,
        f"{prefix}-assessment": assessment,
    }


def _opened(world: World, when: str) -> None:
    """The applicant opens the decision in the e-service on `when`."""
    with time_machine.travel(when, tick=False):
        page = client_for(world.applicant).get(
            reverse("decisions:detail", args=[world.decision_a.pk])
        )
        assert page.status_code == 200


@pytest.mark.django_db
def test_the_applicant_appeals_once_and_sees_the_last_day(world: World) -> None:
    appeal_page = reverse("appeals:appeal", args=[world.decision_a.pk])
    _opened(world, "2026-11-02 18:00 +0100")  # a Monday
    with time_machine.travel("2026-11-20 09:30 +0100", tick=False):
        applicant = client_for(world.applicant)
        decision = applicant.get(reverse("decisions:detail", args=[world.decision_a.pk]))
        assert f'<a href="{appeal_page}">Överklaga beslutet</a>' in decision.content.decode()
        form = applicant.get(appeal_page).content.decode()
        # Three weeks from the day it was first opened: Monday 23 November.
        assert "Du öppnade beslutet här 2 november 2026." in form
        assert "senast 23 november 2026" in form
        assert "Den dagen har passerat" not in form

        # Empty: told beside each field, in Swedish; nothing saved.
        empty = applicant.post(appeal_page, {"requested_change": " ", "reasons": ""}).content
        assert "Skriv hur du vill att beslutet ska ändras." in empty.decode()
        assert "Skriv varför du tycker att beslutet är fel." in empty.decode()
        assert not Appeal.objects.exists()

        # A double click: two identical posts make one appeal.
        data = {"requested_change": CHANGE, "reasons": REASONS}
        first = applicant.post(appeal_page, data)
        second = applicant.post(appeal_page, data, follow=True)
    assert first.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.requested_change, appeal.reasons) == (CHANGE, REASONS)
    assert appeal.decision_received_on.isoformat() == "2026-11-02"
    assert appeal.last_day.isoformat() == "2026-11-23"
    assert not appeal.late
    shown = second.content.decode()
    assert "Ditt överklagande kom in 20 november 2026" in shown
    assert "kontrollerar först att det kom in i rätt tid" in shown
    assert REASONS in shown
    # My case tells where it is.
    my_case = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    assert "Överklagat 20 november 2026: Inkommet" in my_case


@pytest.mark.django_db
def test_without_an_opening_the_appeal_page_claims_no_date(world: World) -> None:
    page = client_for(world.applicant).get(reverse("appeals:appeal", args=[world.decision_a.pk]))
    text = page.content.decode()
    assert "måste ha kommit in inom 3 veckor från den dag du fick del av beslutet" in text
    assert "Du öppnade beslutet här" not in text


@pytest.mark.django_db
def test_a_caseworker_sends_an_appeal_in_time_on_to_the_court(world: World, task_worker) -> None:  # type: ignore[no-untyped-def]
    _opened(world, "2026-11-02 18:00 +0100")
    appeal_page = reverse("appeals:appeal", args=[world.decision_a.pk])
    handle = reverse("appeals:handle", args=[world.decision_a.pk])
    with time_machine.travel("2026-11-20 09:30 +0100", tick=False):
        client_for(world.applicant).post(
            appeal_page, {"requested_change": CHANGE, "reasons": REASONS}
        )
    appeal = Appeal.objects.get()
    notices_cleared()
    with time_machine.travel("2026-11-23 10:00 +0100", tick=False):
        staff = client_for(world.caseworker_a)
        # The unit's case list puts the case first, with the appeal.
        cases = staff.get(reverse("cases:list")).content.decode()
        assert f'<a href="{handle}"><strong>Överklagande av beslutet för 2026-' in cases
        page = staff.get(handle).content.decode()
        assert "2026-11-02" in page
        assert "2026-11-23" in page
        assert "kom in i rätt tid" in page
        assert "Kom in efter sista dagen" not in page
        assert REASONS in page
        # Without an assessment: refused beside the field, the appeal still waits.
        refused = staff.post(handle, _check(appeal, "forward", "")).content.decode()
        assert "Skriv din bedömning: om det kom in i rätt tid, och varför." in refused
        appeal.refresh_from_db()
        assert appeal.status == AppealStatus.RECEIVED
        assessment = "Inkom inom tre veckor. Beslutet ändras inte."
        done = staff.post(handle, _check(appeal, "forward", assessment), follow=True)
        done = done.content.decode()
        assert "Överklagandet överlämnas till förvaltningsrätten; det står i journalen." in done
        # Handled once: a second post in another tab changes nothing.
        again = staff.post(handle, _check(appeal, "reject_late", "x"), follow=True)
        again = again.content.decode()
        assert "Det här överklagandet är redan handlagt." in again
        task_worker()
    appeal.refresh_from_db()
    assert (appeal.status, appeal.handled_by) == (AppealStatus.FORWARDED, world.caseworker_a)
    entry = JournalEntry.objects.get(case=world.case_a, text__startswith="Överklagandet")
    assert entry.signed_at is not None
    assert entry.author == world.caseworker_a
    forwarded = "Det överlämnas till förvaltningsrätten (45 § förvaltningslagen (2017:900))."
    assert f"kom in 2026-11-20. {forwarded}" in entry.text
    assert "Bedömning: Inkom inom tre veckor. Beslutet ändras inte." in entry.text
    # The applicant is told that something new is waiting, and nothing more.
    assert [m.to for m in mail.outbox] == [[world.person_a.email]]
    assert REASONS not in mail.outbox[0].body
    shown = client_for(world.applicant).get(appeal_page).content.decode()
    assert "Det skickades till förvaltningsrätten 23 november 2026." in shown
    cases = client_for(world.caseworker_a).get(reverse("cases:list")).content.decode()
    assert handle not in cases


@pytest.mark.django_db
def test_a_late_appeal_is_flagged_and_a_caseworker_rejects_it(world: World) -> None:
    _opened(world, "2026-10-01 12:00 +0200")  # last day Thursday 22 October
    appeal_page = reverse("appeals:appeal", args=[world.decision_a.pk])
    handle = reverse("appeals:handle", args=[world.decision_a.pk])
    with time_machine.travel("2026-11-20 09:30 +0100", tick=False):
        applicant = client_for(world.applicant)
        form = applicant.get(appeal_page).content.decode()
        assert "senast 22 oktober 2026" in form
        # Late, but still received: only a caseworker may reject it.
        assert "Den dagen har passerat. Du kan ändå skicka ditt överklagande" in form
        applicant.post(appeal_page, {"requested_change": CHANGE, "reasons": REASONS})
    appeal = Appeal.objects.get()
    assert appeal.late
    with time_machine.travel("2026-11-23 10:00 +0100", tick=False):
        staff = client_for(world.caseworker_a)
        assert "Kom in efter sista dagen" in staff.get(handle).content.decode()
        assessment = "Beslutet öppnades 2026-10-01; underrättelsen var korrekt."
        staff.post(handle, _check(appeal, "reject_late", assessment))
        shown = client_for(world.applicant).get(appeal_page).content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REJECTED_LATE
    assert "Det avvisades 23 november 2026 eftersom det kom in för sent." in shown
    assert "underrättelsen var korrekt" in shown
    assert JournalEntry.objects.filter(
        case=world.case_a, text__contains="Det kom in för sent och avvisas"
    ).exists()


@pytest.mark.django_db
def test_another_household_cannot_appeal_or_read_the_appeal(world: World) -> None:
    appeal_page = reverse("appeals:appeal", args=[world.decision_a.pk])
    data = {"requested_change": CHANGE, "reasons": REASONS}
    assert client_for(world.applicant_b).post(appeal_page, data).status_code == 404
    assert (
        client_for(world.caseworker_b)
        .get(reverse("appeals:handle", args=[world.decision_a.pk]))
        .status_code
        == 404
    )
    assert not Appeal.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections racing need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_sends_racing_on_two_connections_make_one_appeal(world: World) -> None:
    """Two requests send the appeal at once (two tabs), each in its own transaction as the gate
    runs it: both may find no appeal yet; the unique constraint lets one in, and the other
    answers with it."""

    def send() -> AppealSent:
        return appeal_submit(
            decision=world.decision_a,
            requested_change=CHANGE,
            reasons=REASONS,
            acted_by=world.applicant,
        )

    results = at_once(send, send)
    assert all(isinstance(r, AppealSent) for r in results), results
    appeal = Appeal.objects.get()
    assert [r.appeal.pk for r in results] == [appeal.pk, appeal.pk]  # type: ignore[attr-defined]
    assert sorted(r.created for r in results) == [False, True]  # type: ignore[attr-defined]
    assert (
        AccessLogEntry.objects.filter(object_type="appeal", object_id=str(appeal.pk)).count() == 1
    )


@pytest.mark.django_db
def test_an_appeal_sent_just_after_midnight_came_in_on_the_new_day(world: World) -> None:
    """Stored in UTC (23:30 the day before), told in Swedish time."""
    appeal_page = reverse("appeals:appeal", args=[world.decision_a.pk])
    with time_machine.travel("2026-11-21 00:30 +0100", tick=False):
        data = {"requested_change": CHANGE, "reasons": REASONS}
        sent = client_for(world.applicant).post(appeal_page, data, follow=True).content.decode()
    assert "Ditt överklagande kom in 21 november 2026." in sent  # the confirmation
    assert "Ditt överklagande kom in 21 november 2026</h2>" in sent  # the status
