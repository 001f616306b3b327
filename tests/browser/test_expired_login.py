"""In real Chromium: the login runs out while an applicant fills in a page; after logging in
again they are offered what they wrote, send it with the keyboard, and nothing is lost."""

from typing import Any

import pytest
from django.urls import reverse

from tests.browser.login import log_in_again, login_runs_out
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
    assert page.get_by_role("heading", name="E-legitimation är inte tillgänglig").is_visible()

    log_in_again(page, world.applicant)
    page.goto(step)
    assert page.get_by_role("heading", name="Det du skrev är inte sparat ännu").is_visible()
    send = page.get_by_role("button", name="Skicka det jag skrev")
    send.focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{step.replace('housing', 'incomes')}")
    assert page.get_by_label("Din lön efter skatt (kr)", exact=True).is_visible()
    page.goto(step)
    amount = page.get_by_label("Hyra eller boendekostnad per månad (kr)", exact=True)
    assert amount.input_value().replace("\u00a0", "").replace(" ", "") == "8450"
