"""The applicant appeals a decision from its page, as they would in Chromium; the caseworker
finds the appeal first in the case list, checks its time limit and sends it on to the court;
the applicant then reads where it is. axe checks every page on the way, in Swedish and Arabic."""

from typing import Any

import pytest
from playwright.sync_api import expect

from bistand.appeals.models import Appeal, AppealStatus
from tests.browser.axe import AxeTally
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)

CHANGE = "Att jag får bistånd till hela hyran."
REASONS = "Hyran är 9 200 kr. Jag har sökt billigare boende i ett år."


def test_an_appeal_goes_from_the_applicant_to_the_court(world: World, open_page: Any) -> None:
    tally = AxeTally()
    page = open_page(world.applicant)
    page.goto("/my/")
    page.get_by_role("region", name="Beslut").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Överklaga här")).to_be_visible()
    page.get_by_role("link", name="Överklaga beslutet").click()
    expect(page.get_by_test_id("appeal-deadline")).to_contain_text("senast")
    tally.check(page, "appeal form")

    # Sent empty with the keyboard: the summary at the top links to each field.
    page.get_by_label("Hur vill du att beslutet ska ändras?").focus()
    page.keyboard.press("Tab")  # to the second field
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Skriv hur du vill att beslutet ska ändras.")
    expect(summary).to_contain_text("Skriv varför du tycker att beslutet är fel.")
    tally.check(page, "appeal with errors")
    assert not Appeal.objects.exists()

    summary.get_by_role("link", name="Skriv hur du vill").click()
    expect(page.get_by_label("Hur vill du att beslutet ska ändras?")).to_be_focused()
    page.keyboard.type(CHANGE)
    page.keyboard.press("Tab")
    page.keyboard.type(REASONS)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = page.get_by_test_id("appeal-status")
    expect(status).to_contain_text("Ditt överklagande kom in")
    expect(page.get_by_text(REASONS)).to_be_visible()
    tally.check(page, "appeal sent")
    page.reload()  # the address is the appeal's page, not the send: nothing is sent again
    expect(page.get_by_test_id("appeal-status")).to_be_visible()
    assert Appeal.objects.count() == 1

    staff = open_page(world.caseworker_a)
    staff.goto("/cases/")
    staff.get_by_role("link", name="Överklagande av beslutet för").click()
    expect(staff.get_by_test_id("appeal")).to_contain_text("kom in i rätt tid")
    tally.check(staff, "appeal to check")
    staff.get_by_label("Ja: överlämna det till förvaltningsrätten").check()
    staff.get_by_label("Din bedömning").fill("Inkom i rätt tid. Beslutet ändras inte.")
    staff.get_by_role("button", name="Spara prövningen").click()
    expect(staff.get_by_text("Överklagandet överlämnas till förvaltningsrätten")).to_be_visible()
    tally.check(staff, "appeal checked")
    assert Appeal.objects.get().status == AppealStatus.FORWARDED

    page.goto("/my/")
    page.get_by_role("link", name="Överklagat").click()
    expect(page.get_by_test_id("appeal-status")).to_contain_text(
        "Det skickades till förvaltningsrätten"
    )
    print(f"\naxe appeal: {tally.counts}")
    assert tally.blocking == []
