"""What a page asks the server for besides itself (style, script, icon) is all there: a request
that fails, or an error in the console, is a broken enhancement for the person and a 404 in the
log for the operator."""

from typing import Any

import pytest
from django.urls import reverse

from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_request_a_page_makes_fails(world: World, open_page: Any) -> None:
    failed: list[tuple[int | str, str]] = []
    for user, url in (
        (None, "/"),
        (world.applicant, reverse("applications:my-case")),
        (world.caseworker_a, reverse("cases:list")),
    ):
        page = open_page(user)
        page.on("response", lambda r: r.status >= 400 and failed.append((r.status, r.url)))
        page.on("requestfailed", lambda r: failed.append((r.failure or "failed", r.url)))
        # The icon is asked for by the browser, not the page: only the console tells of it.
        page.on("console", lambda m, url=url: m.type == "error" and failed.append((m.text, url)))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    assert failed == []
