"""Every form people write in, applicants' and staff's: sent after the login ran out, it comes
back after the next login in its own page, filled in as it was sent, not as a list
(docs/adr/0014, docs/adr/0028)."""

from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from bistand.accounts.models import User
from bistand.applications.models import Application
from tests.accounts.test_unsent_form import EXPIRED
from tests.factories import World, application_make, client_for
from tests.forms_sent import fields_data, forms_sent

TYPED = "12"
WRITTEN = "Skrivet innan inloggningen tog slut."


def _step(step: str) -> Callable[[World], str]:
    return lambda world: reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": step}
    )


APPLICANT_PAGES: dict[str, Callable[[World], str]] = {
    **{
        f"step {step}": _step(step)
        for step in ("household", "housing", "incomes", "assets", "work", "needs", "consent")
    },
    "documents": lambda w: reverse("applications:documents", args=[w.draft_a.pk]),
    "messages": lambda w: reverse("conversations:mine"),
    "how we reach you": lambda w: reverse("applications:contact"),
    "appeal": lambda w: reverse("appeals:appeal", args=[w.decision_a.pk]),
}
STAFF_PAGES: dict[str, Callable[[World], str]] = {
    "journal": lambda w: reverse("journals:case", args=[w.case_a.pk]),
    "case messages": lambda w: reverse("conversations:case", args=[w.case_a.pk]),
    "investigation": lambda w: reverse("investigations:investigation", args=[w.case_a.pk]),
    "home visits": lambda w: reverse("investigations:home-visits", args=[w.case_a.pk]),
    "work and referral": lambda w: reverse("labour:case", args=[w.case_a.pk]),
    "calculate and decide": lambda w: reverse("decisions:decide", args=[_received(w).pk]),
}
# Not here: the send page and the receivables, whose forms wait for a finished draft and a
# receivable, and throwing away a draft: these forms hold no typed field, only hidden ones and
# buttons (a form that sends nothing but its token is not kept at all).


def _received(world: World) -> Application:
    """An application received and not yet decided, in the caseworker's case."""
    return application_make(person=world.person_a, case=world.case_a, month=date(2025, 12, 1))


def _kept_comes_back_filled(world: World, user: User, url: str) -> None:
    client = client_for(user)
    page = client.get(url)
    assert page.status_code == 200
    form = next(
        (
            f
            for f in forms_sent(page.content.decode(), page_url=url, within="main")
            if f.action == url
        ),
        None,
    )
    assert form is not None, "no form sends to the page itself"
    written = [
        (
            name,
            (WRITTEN if name in form.text_areas else TYPED) if name in form.typed else value,
        )
        for name, value in form.fields
    ]
    with time_machine.travel(timezone.now() + EXPIRED, tick=False):
        sent = client.post(url, fields_data(written))
        assert sent.status_code == 302
        client_for(user, client)
        offer = client.get(url).content.decode()
    assert 'class="callout unsent"' in offer  # the page itself, with the notice
    assert 'class="written"' not in offer  # not the list
    again = next(
        f
        for f in forms_sent(offer, page_url=url, within="main")
        if f.action == url and f.names == form.names
    )
    typed_now = [(n, v) for n, v in again.fields if n in form.typed]
    assert typed_now == [(n, v) for n, v in written if n in form.typed]
    if form.typed:  # what was written, not the page's own values
        assert {TYPED, WRITTEN} & {v for _, v in typed_now}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(APPLICANT_PAGES))
def test_an_applicants_form_comes_back_in_its_page(world: World, name: str) -> None:
    _kept_comes_back_filled(world, world.applicant, APPLICANT_PAGES[name](world))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(STAFF_PAGES))
def test_a_caseworkers_form_comes_back_in_its_page(world: World, name: str) -> None:
    _kept_comes_back_filled(world, world.caseworker_a, STAFF_PAGES[name](world))
