"""Casework in real Chromium: an application from the e-service is received, the first visit held,
calculated, decided in part with a reduction and its reasoning, paid through a two-person run, and
the applicant reads the decision, also as a PDF stating the appeal and the law of the month."""

import io
import re
import uuid
from datetime import date
from typing import Any

import pytest
import time_machine
from playwright.sync_api import expect
from pypdf import PdfReader

from bistand.accounts.services import applicant_user_for_identity_number
from bistand.applications.models import ApplicationKind, ApplicationStatus
from bistand.applications.services import (
    application_draft_create,
    application_step_save,
    application_submit,
)
from bistand.decisions.models import Outcome
from bistand.organisations.models import Municipality
from bistand.payments.models import OrderStatus
from bistand.people.identity_numbers import compose_identity_number
from tests.browser.axe import serious_violations
from tests.factories import PERSON_IBAN, World

pytestmark = pytest.mark.django_db(transaction=True)


def _received_application(world: World) -> Any:
    user = applicant_user_for_identity_number(
        identity_number=compose_identity_number(date(1985, 9, 9), 987),
        first_name="Sara",
        last_name="Sökande",
    )
    user.person.iban = PERSON_IBAN
    user.person.save()
    application = application_draft_create(
        user=user, kind=ApplicationKind.FIRST, month=date(2026, 11, 1)
    )
    for step, answers in {
        "household": {"children": []},
        "housing": {"housing_type": "rental", "housing": "7500"},
        "incomes": {"employment": "0"},
        "assets": {},
        "work": {
            "support_barrier": "unemployed_registered",
            "support_barrier_text": "Söker arbete.",
        },
        "needs": {},
        "consent": {"truthful": True},
    }.items():
        application = application_step_save(
            application=application, step=step, answers=answers, acted_by=user
        )
    application = application_submit(
        application=application, submission_key=uuid.uuid4(), acted_by=user
    )
    assert application.status == ApplicationStatus.RECEIVED
    return user, application


def test_received_decided_in_part_paid_and_read(
    world: World, open_page: Any, settings: Any
) -> None:
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    Municipality.objects.update(guidelines="stockholm")  # its time targets drive the queue
    with time_machine.travel("2026-11-06 09:00 +0100"):
        applicant, application = _received_application(world)
        reference = application.case.reference

        # Reception: the first visit is held within the time target.
        staff = open_page(world.caseworker_a)
        staff.goto("/cases/queue/")
        expect(staff.get_by_role("link", name=reference)).to_be_visible()
        # A visit dated tomorrow is refused: the summary leads to the date in the row.
        staff.get_by_label("Datum").fill("2026-11-07")
        staff.get_by_role("button", name="Första besöket hållet").click()
        # Each row's controls name their case: "Datum (EB-…)", "Första besöket hållet (EB-…)".
        expect(staff.get_by_label(f"Datum ({reference})")).to_have_value("2026-11-07")
        expect(
            staff.get_by_role("button", name=f"Första besöket hållet ({reference})")
        ).to_be_visible()
        summary = re.compile(rf"Datum \({reference}\)\s*: Ett besök kan inte registreras")
        staff.get_by_role("link", name=summary).click()
        assert staff.evaluate("document.activeElement.value") == "2026-11-07"
        assert serious_violations(staff) == []
        staff.get_by_label("Datum").fill("2026-11-06")
        staff.get_by_role("button", name="Första besöket hållet").click()
        expect(staff.get_by_text("Första besöket är registrerat.")).to_be_visible()

        # Calculation and decision, in part, with a reduction and its reasoning.
        staff.get_by_role("link", name="Ärenden").click()
        staff.get_by_role("link", name=reference).click()
        staff.get_by_role("link", name="Beräkna och besluta").click()
        expect(staff.get_by_label("Hyra eller boendekostnad per månad (kr)")).to_have_value("7500")
        staff.get_by_label("Nedsättning av fortsatt bistånd").select_option("absence_from_activity")
        staff.get_by_label("Nedsättning per månad (kr)").fill("500")
        staff.get_by_label("Bedömning: hade personen ett godtagbart skäl?").fill(
            "Inget godtagbart skäl har framkommit vid samtalet."
        )
        staff.get_by_label("Personen hördes den").fill("2026-11-04")
        staff.get_by_role("button", name="Beräkna", exact=True).click()
        expect(staff.get_by_role("cell", name="Nedsättning", exact=True)).to_be_visible()
        staff.get_by_role("button", name="Fatta beslut").click()
        expect(
            staff.locator(".error-summary").get_by_text("individuella bedömning")
        ).to_be_visible()
        staff.get_by_label("Din individuella bedömning").fill(
            "Uteblev från anvisad praktik tre dagar utan att höra av sig."
        )
        staff.get_by_role("button", name="Fatta beslut").click()
        expect(staff.get_by_text("Beslutet är fattat.")).to_be_visible()
        expect(staff.get_by_text("Beviljas delvis").first).to_be_visible()
        decision = application.case.decisions.get()
        assert decision.outcome == Outcome.PARTLY_GRANTED
        assert decision.granted_amount == 5220 + 7500 - 500

        # Payment: one prepares the run, another approves it.
        staff.get_by_role("link", name="Utbetalningar").click()
        staff.get_by_label("Enhet", exact=True).select_option(index=1)
        staff.get_by_label("Utbetalningsdag").fill("2026-11-25")
        staff.get_by_role("button", name="Förbered").click()
        staff.get_by_role("button", name="Godkänn utbetalningskörningen").click()
        expect(staff.get_by_text("två personer")).to_be_visible()  # not by the preparer
        manager = open_page(world.manager_a)
        manager.goto(staff.url)
        manager.get_by_role("button", name="Godkänn utbetalningskörningen").click()
        expect(manager.get_by_role("link", name="Bankfil (ISO 20022 pain.001)")).to_be_visible()
        assert (
            decision.payment_order.__class__.objects.get(pk=decision.payment_order.pk).status
            == OrderStatus.SENT
        )

        # The applicant reads the decision, as a page and as a PDF.
        page = open_page(applicant)
        page.goto("/my/")
        expect(page.get_by_text("Utbetald")).to_be_visible()
        page.get_by_role("link", name="november 2026: Beviljas delvis, 12\u00a0220\u00a0kr").click()
        expect(page.get_by_text("Uteblev från anvisad praktik")).to_be_visible()
        pdf = page.request.get(f"/decisions/{decision.pk}/letter.pdf")
        assert pdf.headers["content-type"] == "application/pdf"
        text = " ".join(
            " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.body())).pages
        )
        assert "överklaga till förvaltningsrätten" in text
        assert "35 kap. 1 § SoL (2025:400)" in text
        assert "12 kap. 5 § SoL (2025:400)" in text
        assert "12 kap. 1 § SoL (2025:400)" in text

        # The applicant asks about the reduction; the caseworker finds the question first in
        # the case list, reads it (marked new) and answers.
        page.goto("/my/")
        page.get_by_role("link", name="Läs och skriv meddelanden").click()
        page.get_by_label("Ditt meddelande").fill("Varför drogs 500 kr?")
        page.get_by_role("button", name="Skicka").click()
        expect(page.get_by_text("Ditt meddelande är skickat.")).to_be_visible()
        staff.get_by_role("link", name="Ärenden").click()
        expect(staff.get_by_text("1 ärende har något som väntar på enheten.")).to_be_visible()
        assert serious_violations(staff) == []
        staff.get_by_role("link", name="1 nytt meddelande").click()
        new = staff.locator("li.from-applicant", has_text="Varför drogs 500 kr?")
        expect(new.get_by_text("Nytt", exact=True)).to_be_visible()
        assert serious_violations(staff) == []
        staff.get_by_label("Ditt meddelande").fill("Du uteblev från praktiken tre dagar.")
        staff.get_by_role("button", name="Skicka").click()
        expect(staff.get_by_text("Meddelandet är skickat.")).to_be_visible()
        expect(staff.locator("li.from-applicant").get_by_text("Nytt", exact=True)).to_have_count(0)
        staff.get_by_role("link", name="Ärenden").click()
        expect(staff.get_by_text("Inget väntar på enheten")).to_be_visible()
