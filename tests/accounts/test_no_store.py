"""No answer is kept by the browser: a page, a letter or a document of one person must not come
back from the cache for the next person at a shared computer (bistand.accounts.middleware,
docs/adr/0029). The browser test `tests/browser/test_back_after_logout.py` shows why."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import World, client_for, response_close


def _cache_control(client: Client, url: str, **extra: str) -> tuple[int, set[str]]:
    response = client.get(url, **extra)
    response_close(response)  # a document is streamed from its file
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return response.status_code, directives


@pytest.mark.django_db
def test_every_kind_of_answer_says_no_store(world: World) -> None:
    applicant, caseworker = client_for(world.applicant), client_for(world.caseworker_a)
    answers: list[tuple[Client, str]] = [
        (applicant, reverse("applications:my-case")),
        (applicant, reverse("decisions:letter", args=[world.decision_a.pk])),  # the PDF
        (applicant, reverse("applications:attachment", args=[world.attachment_a.pk])),
        (applicant, reverse("accounts:session-status")),  # JSON
        (applicant, reverse("cases:detail", args=[world.case_a.pk])),  # not theirs: 404
        (caseworker, reverse("cases:detail", args=[world.case_a.pk])),
        (caseworker, reverse("journals:case", args=[world.case_a.pk])),
        (Client(), reverse("applications:my-case")),  # a redirect to the login
        (Client(), reverse("precalc:household")),  # what an anonymous person typed
    ]
    seen = []
    for client, url in answers:
        status, directives = _cache_control(client, url)
        seen.append(status)
        assert {"no-store", "private"} <= directives, (url, directives)
    assert seen == [200, 200, 200, 200, 404, 200, 200, 302, 200]
