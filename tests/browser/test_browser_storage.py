"""Everything the e-service leaves in a browser is on the page that tells people about it: after
a visit that makes a pre-calculation, changes the language, logs in, answers a step of the
application and has a page refused as too old, each cookie the browser holds and each key in the
window's storage is named in the page's table (ADR 0035)."""

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.login import log_in_again, token_renewed_as_a_login_does
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_cookie_and_stored_key_is_on_the_page_about_them(
    world: World, open_page: Any
) -> None:
    page = open_page()
    page.goto("/pre-calculation/")
    page.locator("input[name=living][value=alone]").check()
    page.locator("button[name=next]").click()
    page.locator("#language-select").select_option("en")
    page.locator("form.language button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    log_in_again(page, world.applicant)
    housing = f"/my/applications/{world.draft_a.pk}/step/housing/"
    page.goto(housing)
    page.locator("input[name=housing]").fill("8450")
    token_renewed_as_a_login_does(page)
    with page.expect_navigation() as refused:
        page.locator("button[name=next]").click()
    assert refused.value.status == 403  # the window now keeps what was written

    held = {cookie["name"] for cookie in page.context.cookies()}
    stored = set(page.evaluate("() => Object.keys(window.sessionStorage)"))
    assert stored, "the refusal left nothing in the window to check"
    page.goto("/about/personal-data/")
    listed = set(
        page.get_by_test_id("browser-storage")
        .locator("tbody td:first-child code")
        .all_inner_texts()
    )
    assert held >= {"sessionid", "csrftoken", "django_language", "bistand_active"}
    assert held - listed == set()
    assert stored - listed == set()
