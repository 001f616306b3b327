"""The follow-up dashboard in real Chromium: an analyst filters the hand-made 2024 history
(tests/followup/test_dashboard.py) and downloads a table as CSV; a unit manager sees only their
unit; a caseworker and an applicant are answered 404."""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from bistand.people.models import Gender
from tests.browser.axe import all_violations
from tests.factories import World
from tests.followup.test_dashboard import _history

pytestmark = pytest.mark.django_db(transaction=True)


def _filter(page: Any, *, first: str, last: str, gender: str = "", breakdown: str = "") -> None:
    page.get_by_label("Från månad").fill(first)
    page.get_by_label("Till månad").fill(last)
    if gender:
        page.get_by_label("Kön").select_option(gender)
    if breakdown:
        page.get_by_label("Dela upp efter").select_option(label=breakdown)
    # the form is sent by GET: wait for the new page, or the old one's table is read
    with page.expect_navigation():
        page.get_by_role("button", name="Visa").click()


def test_analyst_and_manager_filter_and_export(world: World, open_page: Any, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 3
    _history(world)

    analyst = open_page(world.analyst)
    analyst.goto("/statistics/")
    _filter(analyst, first="2024-01", last="2024-12")
    aid = analyst.get_by_test_id("aid_per_month")
    january = aid.locator("tbody tr").first
    # both units: 6 households, 7 adults, 2 children (suppressed, so persons too), 32 000 kr
    cells = [cell.inner_text() for cell in january.locator("th, td").all()]
    assert cells[:3] == ["2024-01", "6", "7"]
    assert cells[3:5] == ["<3", "<3"]
    assert cells[5].replace("\u00a0", " ") == "32 000"
    expect(analyst.get_by_role("img", name="Diagram: Hushåll och personer").first).to_be_visible()

    _filter(analyst, first="2024-01", last="2024-12", gender=Gender.WOMAN)
    women = analyst.get_by_test_id("aid_per_month").locator("tbody tr").first
    assert [cell.inner_text() for cell in women.locator("th, td").all()][:3] == [
        "2024-01",
        "<3",
        "<3",
    ]
    with analyst.expect_download() as download_info:
        analyst.get_by_role("link", name=re.compile(r"^CSV\s*: Hushåll och personer")).click()
    download = download_info.value
    assert download.suggested_filename == "aid_per_month.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].split(";")[:3] == ["2024-01", "<3", "<3"]

    manager = open_page(world.manager_a)
    manager.goto("/statistics/")
    _filter(manager, first="2024-01", last="2024-12", breakdown="Kön")
    rows = manager.get_by_test_id("aid_per_month").locator("tbody tr")
    first_two = [[c.inner_text() for c in rows.nth(i).locator("th, td").all()] for i in (0, 1)]
    # unit A only: men 3 households (H3-H5) and 4 adults; women 2 households (suppressed), 2 adults
    assert first_two[0][:4] == ["2024-01", "Man", "3", "4"]
    assert first_two[1][:4] == ["2024-01", "Kvinna", "<3", "<3"]
    unit_options = manager.get_by_label("Enhet").locator("option").all_inner_texts()
    assert str(world.unit_b) not in unit_options

    for outsider in (world.caseworker_a, world.applicant):
        page = open_page(outsider)
        response = page.goto("/statistics/")
        assert response.status == 404


def test_the_dashboard_has_no_accessibility_violations(world: World, open_page: Any) -> None:
    _history(world)
    found = {}
    for user, query in (
        (world.analyst, "?first=2024-01&last=2024-12"),
        (world.manager_a, "?first=2024-01&last=2024-12&breakdown=gender"),
        (world.analyst, "?first=2024-12&last=2024-01"),  # with the error summary
        (world.manager_a, "national/?month=2024-06"),  # the check of the national report
        (world.analyst, "national/?month=juni"),
    ):
        page = open_page(user)
        page.goto(f"/statistics/{query}")
        assert page.get_by_role("heading", level=1).count() == 1
        found[query] = [f"{v['impact']} {v['id']}" for v in all_violations(page)]
    print(f"\naxe follow-up pages: {found}")
    assert all(violations == [] for violations in found.values()), found
