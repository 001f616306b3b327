"""In real Chromium: the login runs out while an applicant fills in a page; after logging in
again they are offered what they wrote, send it with the keyboard, and nothing is lost. Before
that, a warning lets them stay logged in (WCAG 2.2.1); a tab left open does not warn while
another tab is in use, and the login ends when neither is (ADR 0016).

Time moves on two clocks, by hand and together: the page's (Playwright's) and the server's
(time_machine), since the page asks the server how long the login has left before it warns."""

import re
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.login import (
    both_clocks,
    log_in_again,
    login_runs_out,
    token_renewed_as_a_login_does,
)
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)


def test_what_an_applicant_wrote_survives_the_login_running_out(
    world: World, open_page: Any
) -> None:
    page = open_page(world.applicant)
    step = reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
    )
    page.goto(step)
    page.get_by_label("Hyresrätt (förstahandskontrakt)").check()
    page.get_by_label("Hyra eller boendekostnad per månad (kr)", exact=True).fill("8 450")
    page.get_by_label("Hushållsel per månad (kr)", exact=True).fill("410")

    login_runs_out(page)
    page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
    expect(page.get_by_role("heading", name="E-legitimation är inte tillgänglig")).to_be_visible()

    log_in_again(page, world.applicant)
    page.goto(step)
    # The step itself, as the applicant left it, under a notice that it is not saved yet.
    notice = page.get_by_role("status").filter(has_text="Det du skrev är inte sparat ännu")
    expect(notice).to_be_visible()
    expect(page.get_by_role("heading", name="Boende och kostnader")).to_be_visible()
    assert page.get_by_label("Hyresrätt (förstahandskontrakt)").is_checked()
    amount = page.get_by_label("Hyra eller boendekostnad per månad (kr)", exact=True)
    expect(amount).to_have_value("8 450")
    expect(page.get_by_label("Hushållsel per månad (kr)", exact=True)).to_have_value("410")
    assert serious_violations(page) == []
    # They change one amount, then send the page with its own button, by keyboard.
    amount.fill("8 500")
    send = page.get_by_role("button", name="Spara och fortsätt", exact=True)
    send.focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{step.replace('housing', 'incomes')}")
    expect(page.get_by_label("Din lön efter skatt (kr)", exact=True)).to_be_visible()
    page.goto(step)
    amount = page.get_by_label("Hyra eller boendekostnad per månad (kr)", exact=True)
    assert amount.input_value().replace("\u00a0", "").replace(" ", "") == "8500"
    assert page.locator("main .unsent").count() == 0  # sent: no longer offered


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_warning_before_the_login_ends_keeps_the_person_logged_in(
    world: World, open_page: Any, settings: Any, language: str
) -> None:
    # A login of ten minutes, warned about five minutes before its end.
    settings.SESSION_COOKIE_AGE = 600
    settings.BISTAND_SESSION_WARNING_SECONDS = 300
    page = open_page(world.applicant, language=language)
    with both_clocks(page) as later:
        page.goto(
            reverse(
                "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
            )
        )
        page.locator("input[name=housing]").fill("9100")
        key = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
        ends_before = Session.objects.get(session_key=key["value"]).expire_date

        dialog = page.get_by_role("dialog")
        later("04:00")
        expect(dialog).to_be_hidden()
        later("01:05")
        dialog.wait_for(state="visible")
        title = {"sv": "Du loggas snart ut", "ar": "سيتم تسجيل خروجك قريبًا"}[language]
        expect(dialog.get_by_role("heading", name=title)).to_be_visible()
        assert re.search(r"\d", dialog.locator("[data-session-ends-at]").inner_text())
        assert serious_violations(page) == []
        # The button to stay has the focus: Enter keeps the login going, without leaving the page.
        stay = {"sv": "Fortsätt vara inloggad", "ar": "ابقَ مسجّلًا للدخول"}[language]
        assert page.evaluate("document.activeElement.textContent.trim()") == stay
        with page.expect_response("**/accounts/session/extend/") as answer:
            page.keyboard.press("Enter")
        assert answer.value.json()["seconds_left"] == 600
        dialog.wait_for(state="hidden")
        expect(page.locator("input[name=housing]")).to_have_value("9100")
        assert Session.objects.get(session_key=key["value"]).expire_date > ends_before

        # Nobody there to press the button: at the end the page is hidden, since it may show a
        # person's case on a shared computer, and says the login is over (ADR 0030). What was
        # typed is still in its field, out of sight, and can be kept.
        later("10:01")
        ended = {"sv": "Du har loggats ut", "ar": "تم تسجيل خروجك"}[language]
        page.get_by_role("heading", name=ended).wait_for()
        expect(dialog).to_be_hidden()
        expect(page.locator("main")).to_be_hidden()
        expect(page.get_by_text("9100")).to_be_hidden()
        assert page.evaluate("document.activeElement.id") == "session-ended"
        assert serious_violations(page) == []
        expect(page.locator("input[name=housing]")).to_have_value("9100")
        keep = {
            "sv": "Behåll det jag skrev och logga in igen",
            "ar": "احتفظ بما كتبته وسجّل الدخول مرة أخرى",
        }
        expect(page.get_by_role("button", name=keep[language])).to_be_visible()


def test_a_tab_left_open_waits_while_another_is_used_and_the_login_ends_when_neither_is(
    world: World, open_page: Any, settings: Any
) -> None:
    # Ten minutes without activity end the login; the pages warn two minutes before.
    settings.BISTAND_IDLE_LOGOUT_SECONDS = 600
    settings.BISTAND_SESSION_WARNING_SECONDS = 120
    reading = open_page(world.applicant)
    with both_clocks(reading) as later:
        reading.goto(reverse("applications:my-case"))
        writing = reading.context.new_page()
        writing.goto(
            reverse(
                "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
            )
        )
        writing.locator("input[name=housing]").fill("9100")
        waiting = writing.get_by_role("dialog")

        # Seven minutes on, the applicant opens the messages in the first tab. At eight, the
        # tab they wrote in would warn by its own count: it asks first, and does not.
        later("07:00")
        reading.goto(reverse("conversations:mine"))
        with writing.expect_response("**/accounts/session/"):
            later("01:05")
        writing.wait_for_timeout(500)  # real time for the page to act on the answer
        expect(waiting).to_be_hidden()
        later("06:00")
        expect(waiting).to_be_hidden()
        expect(reading.get_by_role("dialog")).to_be_hidden()

        # Nobody uses either tab: two minutes before ten idle minutes are up, both warn.
        later("01:00")
        waiting.wait_for(state="visible")
        expect(waiting.get_by_role("heading", name="Du loggas snart ut")).to_be_visible()
        reading.get_by_role("dialog").wait_for(state="visible")

        # At the end both say the login is over, and it is, on the server too: the next page
        # asks for a login and says why. What was typed is still in its field.
        later("02:00")
        writing.get_by_role("heading", name="Du har loggats ut").wait_for()
        expect(writing.locator("main")).to_be_hidden()
        expect(writing.locator("input[name=housing]")).to_have_value("9100")
        # The tab where nothing was written offers only to log in again.
        reading.get_by_role("heading", name="Du har loggats ut").wait_for()
        expect(reading.get_by_role("link", name="Logga in igen")).to_be_visible()
        expect(reading.locator("button[data-session-keep]")).to_be_hidden()
        reading.goto(reverse("applications:my-case"))
        expect(
            reading.get_by_text("Du loggades ut eftersom du inte hade varit aktiv på 10 minuter.")
        ).to_be_visible()


def test_at_the_end_what_was_written_is_kept_out_of_sight_and_comes_back_after_the_login(
    world: World, open_page: Any, settings: Any
) -> None:
    """The applicant walks away from a half-written step on a library computer. At the end of the
    login the page is hidden; pressing "keep" sends the step, which the server keeps for its
    writer (ADR 0024) while asking for a login; after it, the step comes back filled in."""
    settings.BISTAND_IDLE_LOGOUT_SECONDS = 600
    settings.BISTAND_SESSION_WARNING_SECONDS = 120
    page = open_page(world.applicant)
    step = reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
    )
    with both_clocks(page) as later:
        page.goto(step)
        page.get_by_label("Hyra eller boendekostnad per månad (kr)", exact=True).fill("9 100")
        later("10:01")
        page.get_by_role("heading", name="Du har loggats ut").wait_for()
        expect(page.locator("main")).to_be_hidden()
        page.get_by_role("button", name="Behåll det jag skrev och logga in igen").click()
        expect(
            page.get_by_role("heading", name="E-legitimation är inte tillgänglig")
        ).to_be_visible()
        log_in_again(page, world.applicant)
        page.goto(step)
    expect(page.locator("main .unsent[role=status]")).to_be_visible()
    amount = page.get_by_label("Hyra eller boendekostnad per månad (kr)", exact=True)
    expect(amount).to_have_value("9 100")
    world.draft_a.refresh_from_db()
    assert "housing" not in world.draft_a.answers  # kept, not saved: the person sends it


def test_stay_logged_in_works_on_a_page_older_than_the_last_login(
    world: World, open_page: Any, settings: Any
) -> None:
    """The applicant logged in again in another tab, which renewed the token every form carries.
    "Stay logged in" on a page opened before that sends the browser's current token, not the
    page's, and is not refused."""
    settings.SESSION_COOKIE_AGE = 600
    settings.BISTAND_SESSION_WARNING_SECONDS = 300
    page = open_page(world.applicant)
    with both_clocks(page) as later:
        page.goto(reverse("applications:my-case"))
        token_renewed_as_a_login_does(page)
        later("05:05")
        dialog = page.get_by_role("dialog")
        dialog.wait_for(state="visible")
        with page.expect_response("**/accounts/session/extend/") as answer:
            dialog.get_by_role("button", name="Fortsätt vara inloggad").click()
        assert answer.value.status == 200
        dialog.wait_for(state="hidden")
        expect(page.get_by_text("Det gick inte att hålla dig inloggad")).to_be_hidden()
