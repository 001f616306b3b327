"""axe on the staff's pages, reached as each demo role reaches them: every kind of page their
links lead to, once (the first case page reached stands for all case pages, and a kind the
caseworker reached is not checked again for the manager), in Chromium."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from bistand.accounts.models import User
from bistand.applications.services import application_completion_request
from bistand.demo.builder import demo_data_load
from tests.browser.axe import AxeTally
from tests.demo.crawl import page_kinds
from tests.factories import World, client_for

ROLES = ["handlaggare.rinkeby", "chef.rinkeby", "coach.jobbtorg", "coach.resurs", "analytiker"]


@pytest.mark.django_db
def test_no_serious_or_critical_violations_on_the_staff_pages_of_the_demo(open_page: Any) -> None:
    demo_data_load(today=timezone.localdate())
    tally = AxeTally()
    checked: set[str] = set()
    for username in ROLES:
        user = User.objects.get(username=username)
        kinds = page_kinds(client_for(user, Client()), checked)
        page = open_page(user)
        for kind, url in kinds.items():
            page.goto(url)
            assert page.get_by_role("heading", level=1).count() == 1, url
            tally.check(page, f"{username} {kind} {url}")
    print(f"\naxe staff pages: {tally.counts}")
    assert tally.blocking == []
    assert tally.counts["pages"] >= 25


@pytest.mark.django_db
def test_a_completion_past_its_day_is_flagged_without_violations(
    world: World, open_page: Any
) -> None:
    """The case list and the application's page, where a completion's day has passed with
    nothing sent: the states the demo does not reach on the day it is made."""
    application_completion_request(
        application=world.sent_a,
        due=timezone.localdate() - timedelta(days=1),
        what="Hyresavtalet.",
        acted_by=world.caseworker_a,
    )
    tally = AxeTally()
    page = open_page(world.caseworker_a)
    page.goto("/cases/")
    flag = page.locator(f'main a[href="/applications/{world.sent_a.pk}/"] strong')
    expect(flag).to_contain_text("inget har kommit in")
    tally.check(page, "case list, a completion past its day")
    flag.click()
    expect(page.get_by_text("Dagen har passerat och den sökande")).to_be_visible()
    tally.check(page, "application, a completion past its day")
    print(f"\naxe staff, completion past its day: {tally.counts}")
    assert tally.blocking == []
