"""`make screenshots`: the key applicant pages in Swedish and Arabic, desktop and 375 px wide,
saved under docs/screenshots/. Not part of the test suite (it writes files)."""

from pathlib import Path
from typing import Any

import pytest
import time_machine
from tests.browser.login import sent_after_login_ran_out
from tests.factories import World

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["sv", "ar"])
@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(
    world: World, open_page: Any, language: str, width: int, settings: Any
) -> None:
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.SESSION_COOKIE_AGE = 8 * 3600  # as in production
    OUT.mkdir(parents=True, exist_ok=True)
    with time_machine.travel("2026-01-25 10:00 +0100"):
        public = open_page(language=language, width=width)
        public.goto("/pre-calculation/")
        public.screenshot(path=OUT / f"{language}-{width}-precalc-household.png", full_page=True)
        public.locator("input[name=living][value=alone]").check()
        public.locator("button[name=add_child]").click()
        public.locator("input[name='children-0-age']").fill("7")
        public.locator("button[name=next]").click()
        public.locator("input[name=housing]").fill("7200")
        public.locator("main form button[type=submit]").click()
        public.locator("input[name=child_allowance]").fill("1250")
        public.locator("main form button[type=submit]").click()
        public.screenshot(path=OUT / f"{language}-{width}-precalc-result.png", full_page=True)

        page = open_page(world.applicant, language=language, width=width)
        page.goto("/my/")
        page.screenshot(path=OUT / f"{language}-{width}-my-case.png", full_page=True)
        page.goto(f"/my/applications/{world.draft_a.pk}/step/housing/")
        page.locator("input[name=housing]").fill("sjutusen")
        page.locator("button[name=next]").click()
        page.screenshot(path=OUT / f"{language}-{width}-step-with-error.png", full_page=True)
        page.goto(f"/my/applications/{world.draft_a.pk}/documents/")
        page.screenshot(path=OUT / f"{language}-{width}-documents.png", full_page=True)

        # The login runs out while the applicant writes; after logging in again, what they
        # wrote is offered back (docs/adr/0014).
        housing = f"/my/applications/{world.draft_a.pk}/step/housing/"
        sent_after_login_ran_out(page, world.applicant, housing, {"housing": "7200"})
        page.screenshot(path=OUT / f"{language}-{width}-kept-after-login.png", full_page=True)

        # Five minutes before the login (8 hours) ends: the warning (docs/adr/0015).
        warned = open_page(world.applicant, language=language, width=width)
        warned.clock.install()
        warned.goto("/my/")
        warned.clock.run_for("07:55:01")
        warned.get_by_role("dialog").wait_for(state="visible")
        warned.screenshot(path=OUT / f"{language}-{width}-login-ending.png")
