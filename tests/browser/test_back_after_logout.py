"""In real Chromium: on a shared computer, the next person presses Back after someone logged out.
The browser must not show the pages it had: every answer says `Cache-Control: no-store`, so Back
asks the server again, which answers an anonymous person with the login.

Playwright starts Chromium without its back/forward cache; this test starts one with it, as a
person's browser is, since that cache is what brings a page back whole."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM
from tests.browser.login import login_cookies, token_renewed_as_a_login_does
from tests.factories import World, client_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def everyday_browser(browser: Any) -> Iterator[Any]:
    """Chromium as people run it: with the back/forward cache."""
    launched = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield launched
    launched.close()


def test_back_after_logging_out_shows_no_page_of_the_person(
    world: World, everyday_browser: Any, live_server: Any
) -> None:
    context = everyday_browser.new_context(base_url=live_server.url, locale="sv")
    language = {"name": settings.LANGUAGE_COOKIE_NAME, "value": "sv", "url": live_server.url}
    context.add_cookies([language, *login_cookies(client_for(world.applicant), live_server.url)])
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(reverse("applications:my-case"))
    page.goto(reverse("decisions:detail", kwargs={"decision_id": world.decision_a.pk}))
    expect(page.get_by_text(world.case_a.reference).first).to_be_visible()
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()

    for _ in range(2):  # back to the decision, then to My case
        # A page the back/forward cache restores fires no new "load": wait for the navigation.
        page.go_back(wait_until="commit")
        page.wait_for_function("document.readyState === 'complete'")
        body = page.locator("body").inner_text()
        assert world.case_a.reference not in body
        assert page.get_by_role("button", name="Logga ut").count() == 0
    context.close()


def test_log_out_on_a_page_opened_before_a_newer_login_logs_out(
    world: World, open_page: Any
) -> None:
    """A library computer: the applicant logged in again in another tab, and presses "Log out"
    on a page opened before that. The page is too old to send a form, but logging out is not
    refused: the person is logged out, and their case asks for a login."""
    page = open_page(world.applicant)
    page.goto(reverse("applications:my-case"))
    token_renewed_as_a_login_does(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("button", name="Logga ut")).to_have_count(0)
    page.goto(reverse("applications:my-case"))
    expect(page.get_by_role("heading", name="E-legitimation är inte tillgänglig")).to_be_visible()
