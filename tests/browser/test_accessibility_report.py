"""A person who cannot use the e-service tells us so, with the keyboard alone and without a
login: from any page's footer to the accessibility statement, on to the report form, which first
says what is missing, then takes the report and thanks them (ADR 0035)."""

from typing import Any

import pytest
from playwright.sync_api import expect

from bistand.about.models import AccessibilityReport
from tests.browser.keyboard import press_button, tab_to, type_into
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_problem_is_reported_from_the_footer_with_the_keyboard_alone(
    world: World, open_page: Any
) -> None:
    page = open_page()
    page.goto("/pre-calculation/")
    press_button(page, "Tillgänglighet", kind="link")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighet för e-tjänsten")
    expect(page.get_by_test_id("compliance")).to_contain_text("delvis förenlig")
    press_button(page, "Meddela en brist i tillgängligheten", kind="link")

    type_into(page, "Vad hände, eller vad behöver du?", "Knappen Byt går inte att nå.")
    press_button(page, "Skicka")  # nothing chosen under "What is it about?"
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Välj vad det gäller.")
    expect(page.locator("textarea[name=description]")).to_have_value("Knappen Byt går inte att nå.")
    assert AccessibilityReport.objects.count() == 0

    tab_to(page, "field", "Något är svårt eller omöjligt att använda")
    page.keyboard.press("Space")
    type_into(page, "Vilken sida eller vilket innehåll?", "Provberäkningen")
    press_button(page, "Skicka")
    expect(page.locator("main [role=status]")).to_contain_text("Tack. Din rapport har kommit in")
    report = AccessibilityReport.objects.get()
    assert (report.kind, report.page, report.description, report.reply_to) == (
        "deficiency",
        "Provberäkningen",
        "Knappen Byt går inte att nå.",
        "",
    )
