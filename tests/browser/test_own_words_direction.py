"""In real Chromium: what people write keeps the direction it was written in, whatever the
page's language. An applicant's own words in Arabic read right to left on a caseworker's Swedish
page; a caseworker's Swedish message reads left to right on the applicant's Arabic page."""

from typing import Any

import pytest
from django.urls import reverse

from bistand.conversations.services import secure_message_send
from tests.browser.axe import serious_violations
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)

OWN_WORDS = "أبحث عن عمل كمساعدة تمريض منذ ستة أشهر."
MESSAGE = "Hej! Vi behöver ditt hyresavtal för december."


def _direction(page: Any, text: str) -> str:
    element = page.get_by_text(text, exact=True)
    return str(element.evaluate("element => getComputedStyle(element).direction"))


def test_own_words_keep_their_direction_on_a_page_in_another_language(
    world: World, open_page: Any
) -> None:
    world.sent_a.answers = {
        "work": {"support_barrier": "unemployed_registered", "support_barrier_text": OWN_WORDS}
    }
    world.sent_a.save()
    secure_message_send(case=world.case_a, body=MESSAGE, sender=world.caseworker_a)

    staff = open_page(world.caseworker_a, language="sv")
    staff.goto(reverse("applications:read", kwargs={"application_id": world.sent_a.pk}))
    assert staff.locator("html").get_attribute("dir") == "ltr"
    assert _direction(staff, OWN_WORDS) == "rtl"
    assert _direction(staff, "Berätta med dina egna ord") == "ltr"  # the page's own text
    assert serious_violations(staff) == []

    applicant = open_page(world.applicant, language="ar")
    applicant.goto(reverse("conversations:mine"))
    assert applicant.locator("html").get_attribute("dir") == "rtl"
    assert _direction(applicant, MESSAGE) == "ltr"
    assert serious_violations(applicant) == []
    # Typing in the message field follows the writer's direction too.
    field = applicant.locator("textarea")
    assert field.get_attribute("dir") == "auto"
    field.fill(MESSAGE)
    assert field.evaluate("element => getComputedStyle(element).direction") == "ltr"
