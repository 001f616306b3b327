"""With JavaScript turned off there is no warning before the login ends (the accessibility
statement lists it, WCAG 2.2.1), so every page says at what time it will end; with JavaScript
the warning dialog does that instead, and the sentence is not shown."""

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)


def test_without_javascript_the_page_says_when_the_login_ends(world: World, open_page: Any) -> None:
    page = open_page(world.applicant, script=False)
    page.goto("/my/")
    notice = page.get_by_test_id("login-ends-without-script")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Om du inte gör något mer på den här sidan loggas du ut klockan")

    scripted = open_page(world.applicant)
    scripted.goto("/my/")
    expect(scripted.get_by_role("heading", level=1)).to_have_text("Mitt ärende")
    expect(scripted.get_by_test_id("login-ends-without-script")).to_have_count(0)
