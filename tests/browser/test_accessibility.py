"""axe-core finds no serious or critical violation on any applicant page, in Swedish and Arabic.

Every page the applicant can reach is visited: the public pages and the pre-calculation, then,
logged in, my case, every step of the application (also with errors shown), documents, sending,
confirming and messages. Also checked: 320 px reflow (no horizontal scrolling)."""

from typing import Any

import pytest

from tests.browser.axe import all_violations
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)
STEPS = ["household", "housing", "incomes", "assets", "work", "needs", "consent"]


def _pages(page: Any, world: World, logged_in: bool) -> list[tuple[str, Any]]:
    """Visit pages one by one; yields (name, callable that loads it)."""
    draft = world.draft_a.pk
    if not logged_in:

        def precalc_result() -> None:
            page.goto("/pre-calculation/")
            page.locator("input[name=living][value=alone]").check()
            page.locator("button[name=next]").click()
            page.locator("main form button[type=submit]").click()
            page.locator("main form button[type=submit]").click()

        def precalc_errors() -> None:
            page.goto("/pre-calculation/")
            page.locator("input[name=living][value=shared]").check()
            page.locator("button[name=next]").click()

        return [
            ("home", lambda: page.goto("/")),
            ("pre-calculation household", lambda: page.goto("/pre-calculation/")),
            ("pre-calculation with errors", precalc_errors),
            ("pre-calculation result", precalc_result),
            ("e-identification unavailable", lambda: page.goto("/accounts/login/")),
            ("staff login", lambda: page.goto("/accounts/staff/login/")),
        ]

    def housing_errors() -> None:
        page.goto(f"/my/applications/{draft}/step/housing/")
        page.locator("input[name=housing]").fill("många")
        page.locator("button[name=next]").click()

    return [
        ("my case", lambda: page.goto("/my/")),
        ("start", lambda: page.goto("/my/applications/new/")),
        *[
            (f"step {step}", lambda step=step: page.goto(f"/my/applications/{draft}/step/{step}/"))
            for step in STEPS
        ],
        ("step with errors", housing_errors),
        ("documents", lambda: page.goto(f"/my/applications/{draft}/documents/")),
        ("send", lambda: page.goto(f"/my/applications/{draft}/send/")),
        ("overview", lambda: page.goto(f"/my/applications/{world.sent_a.pk}/")),
        ("confirm", lambda: page.goto(f"/my/applications/{draft}/confirm/")),
        ("messages", lambda: page.goto("/my/messages/")),
        ("decision", lambda: page.goto(f"/decisions/{world.decision_a.pk}/")),
    ]


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_no_serious_or_critical_violations_on_applicant_pages(
    world: World, open_page: Any, language: str
) -> None:
    counts: dict[str, int] = {"pages": 0, "minor": 0, "moderate": 0, "serious": 0, "critical": 0}
    blocking = []
    for logged_in in (False, True):
        page = open_page(world.applicant if logged_in else None, language=language)
        for name, load in _pages(page, world, logged_in):
            load()
            assert page.locator("html").get_attribute("lang") == language, name
            assert page.locator("html").get_attribute("dir") == (
                "rtl" if language == "ar" else "ltr"
            )
            counts["pages"] += 1
            for violation in all_violations(page):
                counts[violation["impact"]] += 1
                if violation["impact"] in {"serious", "critical"}:
                    blocking.append(f"{name}: {violation['id']} {violation['help']}")
    print(f"\naxe {language}: {counts}")
    assert blocking == []
    assert counts["pages"] >= 22


def test_pages_reflow_at_320_px(world: World, open_page: Any) -> None:
    page = open_page(world.applicant, width=320)
    for url in [
        "/my/",
        f"/my/applications/{world.draft_a.pk}/step/housing/",
        f"/my/applications/{world.draft_a.pk}/documents/",
        "/pre-calculation/",
    ]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
