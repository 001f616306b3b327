"""A household's journey in real Chromium: pre-calculation, first application with a document
and the partner's confirmation, a message from the caseworker, and next month's re-application."""

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core import mail
from playwright.sync_api import expect

from bistand.accounts.services import applicant_user_for_identity_number
from bistand.applications.models import Application, ApplicationStatus
from bistand.people.identity_numbers import compose_identity_number
from tests.factories import World, notices_cleared, pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def _person(day: int, birth_number: int) -> Any:
    return applicant_user_for_identity_number(
        identity_number=compose_identity_number(date(1988, 3, day), birth_number),
        first_name="Test",
        last_name="Hushåll",
    )


def _fill_amounts(page: Any, amounts: dict[str, str]) -> None:
    for label, value in amounts.items():
        page.get_by_label(label, exact=True).fill(value)


def test_a_household_applies_confirms_reads_and_reapplies(
    world: World,
    open_page: Any,
    settings: Any,
    tmp_path: Path,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    with time_machine.travel("2026-11-05 09:00 +0100"):
        # 1. Pre-calculation without logging in.
        page = open_page()
        page.goto("/")
        page.get_by_role("link", name="Gör en provberäkning utan att logga in").click()
        page.get_by_label("Ensam, eller bara med mina barn").check()
        page.get_by_role("button", name="Lägg till ett barn").click()
        page.get_by_label("Barnets ålder").fill("5")
        page.get_by_role("button", name="Fortsätt").click()
        _fill_amounts(page, {"Hyra eller boendekostnad per månad (kr)": "7200"})
        page.get_by_role("button", name="Fortsätt").click()
        _fill_amounts(page, {"Barnbidrag (kr)": "1250"})
        page.get_by_role("button", name="Fortsätt").click()
        expect(page.get_by_text("Det här är inte ett beslut.")).to_be_visible()
        expect(page.get_by_role("cell", name="Riksnorm, barn")).to_be_visible()
        expected = 3940 + 3060 + 1410 + 7200 - 1250  # 2026: single adult, child 4-6, common 2
        grouped = f"{expected:,}".replace(",", "\u00a0")  # as Swedish writes it: 14 360
        expect(page.get_by_text(f"ungefär {grouped} kr")).to_be_visible()

        # 2. The first application, with a child, a document and the partner.
        applicant, partner = _person(1, 981), _person(2, 982)
        child = compose_identity_number(date(2021, 6, 6), 984)
        page = open_page(applicant)
        page.goto("/my/")
        page.get_by_role("button", name="Ansök om ekonomiskt bistånd").click()
        page.get_by_label("Din makes/makas/sambos personnummer").fill(
            partner.person.identity_number
        )
        page.get_by_role("button", name="Lägg till ett barn").click()
        page.get_by_label("Barnets förnamn").fill("Lo")
        page.get_by_label("Barnets personnummer").fill(child)
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        page.get_by_label("Hyresrätt (förstahandskontrakt)").check()
        _fill_amounts(
            page,
            {
                "Hyra eller boendekostnad per månad (kr)": "8 100",
                "Hushållsel per månad (kr)": "350",
            },
        )
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        _fill_amounts(page, {"Din lön efter skatt (kr)": "3000", "Barnbidrag (kr)": "1250"})
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()  # assets
        page.get_by_label("Arbetslös och inskriven på Arbetsförmedlingen").check()
        page.get_by_label("Berätta med dina egna ord").fill("Jag söker arbete inom vården.")
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        _fill_amounts(page, {"Tandvård denna månad (kr)": "1200"})
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        # A wrong file chosen first is taken back before sending.
        wrong = tmp_path / "lonespec-fel-person.pdf"
        wrong.write_bytes(pdf_bytes())
        page.get_by_label("Vad är det för handling?").select_option("payslip")
        page.get_by_label("Välj en eller flera filer").set_input_files(str(wrong))
        page.get_by_role("button", name="Ladda upp").click()
        page.get_by_role("button", name="Ta bort lonespec-fel-person.pdf").click()
        expect(page.get_by_text("Handlingen lonespec-fel-person.pdf är borttagen.")).to_be_visible()
        expect(page.get_by_role("link", name="lonespec-fel-person.pdf")).to_have_count(0)
        document = tmp_path / "hyresavi.pdf"
        document.write_bytes(pdf_bytes())
        page.get_by_label("Vad är det för handling?").select_option("rent")
        page.get_by_label("Välj en eller flera filer").set_input_files(str(document))
        page.get_by_role("button", name="Ladda upp").click()
        expect(page.get_by_text("Handlingen hyresavi.pdf är uppladdad.")).to_be_visible()
        # Both pages of the contract, photographed, chosen together.
        pages = [tmp_path / "kontrakt-sida-1.pdf", tmp_path / "kontrakt-sida-2.pdf"]
        for number, contract_page in enumerate(pages, start=2):
            contract_page.write_bytes(pdf_bytes(pages=number))
        page.get_by_label("Vad är det för handling?").select_option("rent")
        page.get_by_label("Välj en eller flera filer").set_input_files([str(p) for p in pages])
        page.get_by_role("button", name="Ladda upp").click()
        expect(
            page.get_by_text("Handlingarna är uppladdade: \u2068kontrakt-sida-1.pdf\u2069, ")
        ).to_be_visible()
        expect(page.get_by_role("link", name="kontrakt-sida-2.pdf")).to_be_visible()
        page.get_by_role("button", name="Fortsätt").click()
        page.get_by_label("Jag har lämnat sanna").check()
        page.get_by_label("Jag vet att uppgifterna kan kontrolleras").check()
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        # The answers, to check before sending; each part can be changed.
        needs = page.locator("section", has=page.get_by_role("heading", name="Andra behov"))
        expect(needs.get_by_text("1 200")).to_be_visible()
        expect(page.get_by_text("Jag söker arbete inom vården.")).to_be_visible()
        expect(page.get_by_role("link", name="Ändra Boende och kostnader")).to_be_visible()
        page.get_by_role("button", name="Skicka ansökan").click()
        expect(page.get_by_text("behöver nu logga in och bekräfta")).to_be_visible()
        expect(page.get_by_text("Väntar på att din make/maka/sambo bekräftar")).to_be_visible()

        partner_page = open_page(partner)
        partner_page.goto("/my/")
        partner_page.get_by_role("link", name="Bekräfta ansökan för november 2026").click()
        expect(partner_page.get_by_text("Jag söker arbete inom vården.")).to_be_visible()
        expect(partner_page.get_by_text("hyresavi.pdf")).to_be_visible()
        partner_page.get_by_role("button", name="Jag bekräftar ansökan").click()
        expect(partner_page.get_by_text("Tack. Ansökan är nu skickad.")).to_be_visible()
        page.goto("/my/")
        expect(page.get_by_text("Mottagen")).to_be_visible()
        first = Application.objects.get(applicant=applicant.person)
        assert first.status == ApplicationStatus.RECEIVED
        assert first.case.unit == world.unit_a

        # 2b. The applicant says where the notices go, and confirms it with the code sent there.
        page.get_by_role("link", name="Ändra hur vi når dig").click()
        page.get_by_label("E-postadress").fill("hushall@example.se")
        notices_cleared()  # the partner's notice is not what this step reads
        page.get_by_role("button", name="Spara").click()
        expect(page.get_by_role("heading", name="Bekräfta din e-postadress")).to_be_visible()
        task_worker()
        (code_mail,) = mail.outbox
        assert code_mail.to == ["hushall@example.se"]
        page.get_by_label("Koden i e-postmeddelandet").fill(
            re.findall(r"\b\d{6}\b", code_mail.body)[0]
        )
        page.get_by_role("button", name="Bekräfta", exact=True).click()
        expect(
            page.get_by_text(
                "När något nytt väntar meddelar vi dig med e-post till hushall@example.se."
            )
        ).to_be_visible()

        # 3. The caseworker writes; the applicant will read it below, told by e-mail.
        staff = open_page(world.caseworker_a)
        staff.goto(f"/cases/{first.case.pk}/messages/")
        staff.get_by_label("Ditt meddelande").fill("Hej! Vi har tagit emot din ansökan.")
        staff.get_by_role("button", name="Skicka").click()
        expect(staff.get_by_text("Meddelandet är skickat.")).to_be_visible()
        mail.outbox.clear()
        task_worker()
        assert [m.to for m in mail.outbox] == [["hushall@example.se"]]

    with time_machine.travel("2026-11-25 09:00 +0100"):
        # 4. Twenty days later the applicant logs in again. Next month's application starts from
        # what is known and asks only what changed.
        page = open_page(applicant)
        page.goto("/my/")
        expect(page.get_by_text("Du har 1 nytt meddelande")).to_be_visible()
        page.get_by_role("button", name="Ansök för december 2026").click()
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()  # no changes
        expect(page.get_by_label("Hyra eller boendekostnad per månad (kr)")).to_have_value("8100")
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        _fill_amounts(page, {"Din lön efter skatt (kr)": "4500"})
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        # This month's other needs are asked anew: last month's dental care is not applied for
        # again.
        expect(page.get_by_label("Tandvård denna månad (kr)")).to_have_value("")
        _fill_amounts(page, {"Läkemedel denna månad (kr)": "350"})
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        page.get_by_role("button", name="Fortsätt").click()  # no new documents
        page.get_by_label("Jag har lämnat sanna").check()
        page.get_by_label("Jag vet att uppgifterna kan kontrolleras").check()
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
        household = page.locator("section", has=page.get_by_role("heading", name="Hushåll"))
        expect(household.get_by_text("Frågades inte i den här ansökan")).to_be_visible()
        page.get_by_role("button", name="Skicka ansökan").click()
        expect(page.get_by_text("Din ansökan är skickad.")).to_be_visible()
        december = Application.objects.get(applicant=applicant.person, month=date(2026, 12, 1))
        assert december.status == ApplicationStatus.RECEIVED
        assert december.case_id == first.case_id
        assert december.answers["incomes"]["employment"] == "4500"
        assert december.answers["needs"]["medicine"] == "350"
        assert december.answers["needs"]["dental_care"] == "0"  # not last month's 1200

        # 5. The applicant reads the message.
        page.get_by_role("link", name="Meddelanden").first.click()
        expect(page.get_by_text("Hej! Vi har tagit emot din ansökan.")).to_be_visible()
