"""Every form on the pages people reach, sent with one bad value at a time, or with a field left
out, as a hand-made request or a broken browser would: the answer is a page with a message, a
refusal or a redirect, never a server error. It found "1e308" answering 500 in every amount
field, and in the repayment on the receivables page."""

import pytest
from django.test import Client

from tests.factories import World, client_for, receivable_make
from tests.forms_sent import forms_sent

BAD_VALUES = [
    "x" * 3000,
    "\x00",
    "1e308",
    "NaN",
    "99999999999999999999999",
    "not-a-choice",
    "2026-02-30",
    None,  # the field left out
]
STEPS = ["household", "housing", "incomes", "assets", "work", "needs", "consent"]


def _pages(world: World) -> list[tuple[str, str]]:
    draft, sent, case = world.draft_a.pk, world.sent_a.pk, world.case_a.pk
    public = [
        "/pre-calculation/",
        "/pre-calculation/costs/",
        "/pre-calculation/incomes/",
        "/about/accessibility/report/",
    ]
    applicant = [
        "/my/",
        "/my/contact/",
        "/my/applications/new/",
        *[f"/my/applications/{draft}/step/{step}/" for step in STEPS],
        f"/my/applications/{draft}/documents/",
        "/my/messages/",
        f"/my/decisions/{world.decision_a.pk}/appeal/",
        f"/my/applications/{draft}/withdraw/",  # last: sending it withdraws the draft
    ]
    caseworker = [
        f"/cases/{case}/journal/",
        f"/cases/{case}/home-visits/",
        f"/cases/{case}/investigation/",
        f"/cases/{case}/labour/",
        f"/cases/{case}/flags/",
        f"/cases/{case}/messages/",
        f"/applications/{sent}/decide/",
        f"/cases/{case}/receivables/",
    ]
    coach = [
        f"/labour/referrals/{world.referral_a.pk}/",
        "/labour/special-support/",
        f"/labour/special-support/{world.special_support_a.pk}/",
    ]
    manager = ["/payments/", f"/payments/runs/{world.run_a.pk}/"]
    return [
        *[("public", page) for page in public],
        *[("applicant", page) for page in applicant],
        *[("caseworker", page) for page in caseworker],
        *[("coach", page) for page in coach],
        *[("manager", page) for page in manager],
    ]


@pytest.mark.django_db
def test_no_form_answers_a_bad_value_with_a_server_error(world: World) -> None:
    receivable_make(world)  # so that the receivables page has its forms
    users = {
        "applicant": world.applicant,
        "caseworker": world.caseworker_a,
        "coach": world.coach,
        "manager": world.manager_a,
    }
    clients = {who: client_for(user) for who, user in users.items()} | {"public": Client()}
    for client in clients.values():
        client.raise_request_exception = False
    # The pre-calculation's later steps open once a household is given.
    clients["public"].post(
        "/pre-calculation/",
        {"living": "alone", "children-TOTAL_FORMS": "0", "children-INITIAL_FORMS": "0"},
    )
    server_errors, forms_tried = [], 0
    for who, url in _pages(world):
        client = clients[who]
        page = client.get(url)
        assert page.status_code == 200, (who, url, page.status_code)
        for form in forms_sent(page.content.decode(), page_url=url, within="main"):
            forms_tried += 1
            client.post(form.action, form.data())  # as the page has it, to reach its state
            for name in sorted(set(form.names) - {"csrfmiddlewaretoken"}):
                for bad in BAD_VALUES:
                    data = form.data()
                    if bad is None:
                        del data[name]
                    else:
                        data[name] = [bad]
                    status = client.post(form.action, data).status_code
                    if status >= 500:
                        server_errors.append(f"{who} {form.action} {name}={bad!r}: {status}")
    assert forms_tried >= 25  # the pages still have their forms
    assert server_errors == []
