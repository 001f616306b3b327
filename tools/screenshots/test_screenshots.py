"""`make screenshots`: the key applicant pages in Swedish and Arabic, desktop and 375 px wide,
saved under docs/screenshots/. Not part of the test suite (it writes files)."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import time_machine
from tests.browser.login import both_clocks, sent_after_login_ran_out
from tests.factories import World, units_reachable

from bistand.applications.services import application_completion_request
from bistand.conversations.services import secure_message_send

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# A monthly application filled in, ready to be checked and sent.
SENT_ANSWERS = {
    "changes": {
        "household_changed": False,
        "work_changed": True,
        "assets_changed": False,
        "changes_text": "Jag har fått ett deltidsjobb från den 15 november.",
    },
    "household": {"partner_identity_number": "", "others_in_home": 0, "children": []},
    "housing": {"housing_type": "rental", "housing": "7200", "household_electricity": "350"},
    "incomes": {"employment": "4500", "child_allowance": "1250"},
    "assets": {"bank_balance": "800", "owns_car": False, "owns_property": False},
    "work": {
        "support_barrier": "unemployed_registered",
        "support_barrier_text": "Jag arbetar 25 % och söker mer arbete inom vården.",
        "registered_at_employment_service": True,
    },
    "needs": {"dental_care": "0", "medicine": "350", "other_needs": ""},
    "consent": {"truthful": True, "consent_checks": True},
}
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
        public.goto("/about/accessibility/")
        public.screenshot(path=OUT / f"{language}-{width}-accessibility.png", full_page=True)
        public.goto("/about/personal-data/")
        public.screenshot(path=OUT / f"{language}-{width}-personal-data.png", full_page=True)
        # Whom to call today, and when (docs/adr/0038).
        units_reachable(world.unit_a)
        public.goto("/about/contact/")
        public.screenshot(path=OUT / f"{language}-{width}-contact-us.png", full_page=True)

        page = open_page(world.applicant, language=language, width=width)
        page.goto("/my/")
        page.screenshot(path=OUT / f"{language}-{width}-my-case.png", full_page=True)
        page.goto(f"/my/applications/{world.draft_a.pk}/step/housing/")
        page.locator("input[name=housing]").fill("sjutusen")
        page.locator("button[name=next]").click()
        page.screenshot(path=OUT / f"{language}-{width}-step-with-error.png", full_page=True)
        page.goto(f"/my/applications/{world.draft_a.pk}/documents/")
        page.screenshot(path=OUT / f"{language}-{width}-documents.png", full_page=True)
        # An urgent need: whom to call comes first on the page that asks (docs/adr/0038).
        page.goto(f"/my/applications/{world.draft_a.pk}/step/needs/")
        page.locator("input[name=urgent_needs][value=food]").check()
        page.locator("textarea[name=urgent_text]").fill("Vi har inga pengar till mat i morgon.")
        page.screenshot(path=OUT / f"{language}-{width}-urgent-need.png", full_page=True)
        world.draft_a.answers = SENT_ANSWERS
        world.draft_a.save()
        page.goto(f"/my/applications/{world.draft_a.pk}/send/")
        page.screenshot(path=OUT / f"{language}-{width}-check-and-send.png", full_page=True)
        world.sent_a.answers = SENT_ANSWERS
        world.sent_a.save()
        application_completion_request(
            application=world.sent_a,
            due=date(2026, 2, 3),
            what="Skicka hyresavtalet och kontoutdraget för januari.",
            acted_by=world.caseworker_a,
        )
        page.goto(f"/my/applications/{world.sent_a.pk}/")
        page.screenshot(path=OUT / f"{language}-{width}-completion.png", full_page=True)
        # Not decided yet, so it can be withdrawn (docs/adr/0018).
        page.goto(f"/my/applications/{world.sent_a.pk}/withdraw/")
        page.screenshot(path=OUT / f"{language}-{width}-withdraw.png", full_page=True)
        page.goto(f"/decisions/{world.decision_a.pk}/")
        page.screenshot(path=OUT / f"{language}-{width}-decision.png", full_page=True)
        # Opened just now, so the appeal page can say the last day (docs/adr/0022).
        page.goto(f"/my/decisions/{world.decision_a.pk}/appeal/")
        page.locator("main form button[type=submit]").click()  # sent empty: the errors
        page.screenshot(path=OUT / f"{language}-{width}-appeal.png", full_page=True)
        # A new e-mail address waits for the code sent to it (docs/adr/0019).
        page.goto("/my/contact/")
        page.locator("input[name=email]").fill("amina.new@example.se")
        page.locator("button[name=action][value=save]").click()
        page.locator("input[name=email-code]").fill("12345")
        page.locator("button[name=action][value=confirm]").click()
        page.screenshot(path=OUT / f"{language}-{width}-contact-code.png", full_page=True)
        secure_message_send(
            case=world.case_a,
            body="Hej! Vi behöver ditt hyresavtal för december. Du kan ladda upp det i ansökan.",
            sender=world.caseworker_a,
        )
        page.goto("/my/messages/")
        page.screenshot(path=OUT / f"{language}-{width}-messages.png", full_page=True)
        if language == "sv":  # the caseworker's pages are Swedish
            # The applicant answers; the caseworker's case list puts the case first.
            secure_message_send(
                case=world.case_a, body="Jag laddar upp det i kväll.", sender=world.applicant
            )
            staff = open_page(world.caseworker_a, language=language, width=width)
            staff.goto("/cases/")
            staff.screenshot(path=OUT / f"staff-{width}-case-list-waiting.png", full_page=True)

        # The login runs out while the applicant writes; after logging in again, what they
        # wrote is offered back (docs/adr/0014).
        housing = f"/my/applications/{world.draft_a.pk}/step/housing/"
        sent_after_login_ran_out(page, world.applicant, housing, {"housing": "7200"})
        page.screenshot(path=OUT / f"{language}-{width}-kept-after-login.png", full_page=True)

        # Five minutes before the login ends, after 25 minutes without activity: the warning
        # (docs/adr/0015, docs/adr/0016).
        warned = open_page(world.applicant, language=language, width=width)
        with both_clocks(warned) as later:
            warned.goto("/my/")
            later("25:01")
            warned.get_by_role("dialog").wait_for(state="visible")
        warned.screenshot(path=OUT / f"{language}-{width}-login-ending.png")
