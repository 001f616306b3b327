"""The whole first application can be done with Tab, Shift+Tab, Enter and Space (and typing)."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import time_machine
from playwright.sync_api import expect

from bistand.accounts.services import applicant_user_for_identity_number
from bistand.applications.models import Application, ApplicationStatus
from bistand.people.identity_numbers import compose_identity_number
from tests.browser.keyboard import FOCUSED_IS, press_button, tab_to, type_into
from tests.factories import World, pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def listen_for_file_choosers(page: Any) -> list[Any]:
    """Collect the page's file choosers from now on.

    Playwright turns the browser's file-chooser interception on without waiting for it, each
    time a listener is added. Listening from the start, rather than just before the key press,
    means a busy machine cannot let the key reach the page before the interception does.
    """
    choosers: list[Any] = []

    def collect(chooser: Any) -> None:
        choosers.append(chooser)

    page.on("filechooser", collect)
    return choosers


def open_file_chooser(page: Any, choosers: list[Any]) -> Any:
    """Space opens the focused file input's chooser; Enter does too if Space was not taken."""
    for key in ("Space", "Enter"):
        page.keyboard.press(key)
        for _ in range(100):
            if choosers:
                return choosers.pop()
            page.wait_for_timeout(100)
    focused = page.evaluate("() => document.activeElement.outerHTML")
    raise AssertionError(f"the file input cannot be opened from the keyboard; focus: {focused}")


def test_first_application_with_the_keyboard_only(
    world: World, open_page: Any, settings: Any, tmp_path: Path
) -> None:
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    with time_machine.travel("2026-11-05 09:00 +0100"):
        user = applicant_user_for_identity_number(
            identity_number=compose_identity_number(date(1992, 8, 8), 986)
        )
        page = open_page(user)
        choosers = listen_for_file_choosers(page)
        page.goto("/my/")
        press_button(page, "Ansök om ekonomiskt bistånd")
        press_button(page, "Spara och fortsätt")  # household: living alone, no children

        tab_to(page, "field", "Hyresrätt")
        page.keyboard.press("Space")
        type_into(page, "Hyra eller boendekostnad", "7000")
        page.keyboard.press("Tab")
        page.keyboard.press("Shift+Tab")  # and back again
        assert page.evaluate(FOCUSED_IS, ["field", "Hyra eller boendekostnad"])
        press_button(page, "Spara och fortsätt")

        type_into(page, "Din lön efter skatt", "2500")
        press_button(page, "Spara och fortsätt")
        press_button(page, "Spara och fortsätt")  # assets
        tab_to(page, "field", "Arbetslös och inskriven")
        page.keyboard.press("Space")
        type_into(page, "Berätta med dina egna ord", "Jag vill arbeta i butik.")
        press_button(page, "Spara och fortsätt")
        press_button(page, "Spara och fortsätt")  # other needs

        document = tmp_path / "kontoutdrag.pdf"
        document.write_bytes(pdf_bytes())
        tab_to(page, "field", "Välj en eller flera filer")
        open_file_chooser(page, choosers).set_files(str(document))
        press_button(page, "Ladda upp")
        press_button(page, "Fortsätt")

        tab_to(page, "field", "Jag har lämnat sanna")
        page.keyboard.press("Space")
        tab_to(page, "field", "Jag vet att uppgifterna")
        page.keyboard.press("Space")
        press_button(page, "Spara och fortsätt")
        press_button(page, "Skicka ansökan")
        expect(page.get_by_text("Din ansökan är skickad.")).to_be_visible()

    application = Application.objects.get(applicant=user.person)
    assert application.status == ApplicationStatus.RECEIVED
    assert application.answers["housing"]["housing"] == "7000"
    assert application.answers["work"]["support_barrier"] == "unemployed_registered"
    assert application.attachments.get().original_name == "kontoutdrag.pdf"
