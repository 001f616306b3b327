"""Every form people write in, applicants' and staff's: sent after the login ran out, it comes
back after the next login in its own page, filled in as it was sent, not as a list
(docs/adr/0014, docs/adr/0028)."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from bistand.accounts.models import User
from bistand.appeals.models import Appeal
from bistand.applications.models import Application, ApplicationStatus
from bistand.decisions.models import Decision
from bistand.organisations.models import Municipality
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
    "withdraw": lambda w: reverse("applications:withdraw", args=[_received(w).pk]),
    "completion": lambda w: reverse("applications:complete", args=[_to_complete(w).pk]),
}
STAFF_PAGES: dict[str, Callable[[World], str]] = {
    "journal": lambda w: reverse("journals:case", args=[w.case_a.pk]),
    "case messages": lambda w: reverse("conversations:case", args=[w.case_a.pk]),
    "investigation": lambda w: reverse("investigations:investigation", args=[w.case_a.pk]),
    "home visits": lambda w: reverse("investigations:home-visits", args=[w.case_a.pk]),
    "work and referral": lambda w: reverse("labour:case", args=[w.case_a.pk]),
    "calculate and decide": lambda w: reverse("decisions:decide", args=[_received(w).pk]),
    "flags": lambda w: reverse("decisions:flags", args=[w.case_a.pk]),
    "appeals of a decision": lambda w: reverse("appeals:handle", args=[_appealed(w).pk]),
    "application (ask for a completion)": lambda w: reverse(
        "applications:read", args=[_received(w).pk]
    ),
    "reception queue": lambda w: _waiting_for_first_visit(w) and reverse("cases:queue"),
}
MANAGER_PAGES: dict[str, Callable[[World], str]] = {
    "access to a protected person": lambda w: reverse("people:grant", args=[w.protected_person.pk]),
    "payments": lambda w: reverse("payments:index"),
}
COACH_PAGES: dict[str, Callable[[World], str]] = {
    "referral": lambda w: reverse("labour:referral", args=[w.referral_a.pk]),
    "special support": lambda w: reverse("labour:special-support"),
    "special support application": lambda w: reverse(
        "labour:special-support-detail", args=[w.special_support_a.pk]
    ),
}
# Not here: forms with nothing to type in (the send page, the receivables, throwing away a draft,
# the second signature, writing off an application, approving a payment run). One that sends
# nothing but its token is not kept at all; the others come back as their page with the notice,
# and nothing to fill. The pre-calculation asks for no login, so it has none to run out.


def _received(world: World) -> Application:
    """An application received and not yet decided, in the caseworker's case."""
    return application_make(person=world.person_a, case=world.case_a, month=date(2025, 12, 1))


def _waiting_for_first_visit(world: World) -> Application:
    """A first application sent two days ago, under a guideline with a first-visit target."""
    Municipality.objects.update(guidelines="stockholm")
    application = _received(world)
    application.submitted_at = timezone.now() - timedelta(days=2)
    application.save()
    return application


def _to_complete(world: World) -> Application:
    """An application the caseworker has asked the applicant to complete."""
    application = _received(world)
    application.status = ApplicationStatus.NEEDS_COMPLETION
    application.completion_requested_on = timezone.localdate()
    application.completion_due = timezone.localdate() + timedelta(days=7)
    application.completion_request = "Kontoutdrag för november."
    application.save()
    return application


def _appealed(world: World) -> Decision:
    """The caseworker's decision, appealed by the applicant."""
    client_for(world.applicant).post(
        reverse("appeals:appeal", args=[world.decision_a.pk]),
        {"requested_change": WRITTEN, "reasons": WRITTEN},
    )
    assert Appeal.objects.filter(decision=world.decision_a).exists()
    return world.decision_a


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


# Whose pages they are: the World's user who writes in them.
PAGES_OF = {
    "applicant": APPLICANT_PAGES,
    "caseworker_a": STAFF_PAGES,
    "coach": COACH_PAGES,
    "manager_a": MANAGER_PAGES,
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("writer", "name"), [(writer, name) for writer, pages in PAGES_OF.items() for name in pages]
)
def test_a_form_comes_back_in_its_page(world: World, writer: str, name: str) -> None:
    _kept_comes_back_filled(world, getattr(world, writer), PAGES_OF[writer][name](world))
