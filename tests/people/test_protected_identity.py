"""A protected person's address never reaches a page or export of an ungranted staff member."""

import io
from datetime import timedelta

import pytest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from bistand.accounts.models import ProtectedIdentityGrant
from bistand.audit.access import Subject
from bistand.audit.models import AccessLogEntry
from tests.audit.test_access_matrix import checked_routes, url_for
from tests.factories import World, client_for, response_close

SECRET_ADDRESS = "Hemligagatan 77"


def rendered_text(response: HttpResponseBase) -> str:
    """What a person would read: HTML or CSV as text, a PDF's extracted text."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages)
    return raw.decode(errors="replace")


def _pages(world: World) -> list[str]:
    """Every gated URL from the resolver, pointed at the protected person and their case."""
    targets = {
        Subject.CASE: [world.case_a.pk],
        Subject.PERSON: [world.protected_person.pk, world.person_a.pk],
        Subject.STAFF: [world.caseworker_a.pk],
        Subject.APPLICATION: [world.sent_a.pk, world.draft_a.pk],
        Subject.ATTACHMENT: [world.attachment_a.pk],
        Subject.DECISION: [world.decision_a.pk],
        Subject.PAYMENT_RUN: [world.run_a.pk],
        Subject.REFERRAL: [world.referral_a.pk],
        Subject.SPECIAL_SUPPORT: [world.special_support_a.pk],
    }
    urls = []
    for route in checked_routes():
        policy = route.callback.access_policy  # type: ignore[attr-defined]
        if policy.subject is None:
            urls.append(url_for(route))
            continue
        for pk in targets[policy.subject]:
            urls.append(url_for(route, policy.subject, pk))
    return urls


@pytest.mark.django_db
def test_address_is_in_no_page_or_export_without_a_grant(world: World) -> None:
    seen = 0
    for user in (world.caseworker_a, world.manager_a, world.coach, world.analyst):
        client = client_for(user)
        for url in _pages(world):
            response = client.get(url)
            body = rendered_text(response)
            response_close(response)
            seen += response.status_code == 200
            assert SECRET_ADDRESS not in body, (user.role, url)
            assert world.protected_person.phone not in body, (user.role, url)
    assert seen >= 12  # the pages were really rendered, not just refused


@pytest.mark.django_db
def test_protected_person_is_masked_in_lists_but_named_on_their_page(world: World) -> None:
    client = client_for(world.caseworker_a)
    export = client.get(
        reverse("cases:export", kwargs={"case_id": world.case_a.pk})
    ).content.decode()
    assert world.protected_person.last_name not in export
    assert "Skyddad identitet" in export
    page = client.get(reverse("people:detail", kwargs={"person_id": world.protected_person.pk}))
    assert world.protected_person.last_name in page.content.decode()


@pytest.mark.django_db
def test_manager_grant_lets_one_caseworker_see_the_address(world: World) -> None:
    manager = client_for(world.manager_a)
    url = reverse("people:grant", kwargs={"person_id": world.protected_person.pk})
    until = timezone.localdate() + timedelta(days=30)
    response = manager.post(
        url,
        {
            "user": world.caseworker_a.pk,
            "reason": "Utbetalning per post",
            "valid_until": until.isoformat(),
        },
    )
    assert response.status_code == 302
    grant = ProtectedIdentityGrant.objects.get()
    assert grant.granted_by == world.manager_a
    assert AccessLogEntry.objects.filter(
        object_type="protected_identity_grant", object_id=str(grant.pk), action="write"
    ).exists()

    caseworker_page = client_for(world.caseworker_a).get(
        reverse("people:detail", kwargs={"person_id": world.protected_person.pk})
    )
    assert SECRET_ADDRESS in caseworker_page.content.decode()
    manager_page = manager.get(
        reverse("people:detail", kwargs={"person_id": world.protected_person.pk})
    )
    assert SECRET_ADDRESS not in manager_page.content.decode()  # the grant is personal


@pytest.mark.django_db
def test_grant_in_the_past_is_refused_with_a_message_and_nothing_saved(world: World) -> None:
    manager = client_for(world.manager_a)
    url = reverse("people:grant", kwargs={"person_id": world.protected_person.pk})
    past = timezone.localdate() - timedelta(days=1)
    response = manager.post(
        url, {"user": world.caseworker_a.pk, "reason": "Behov", "valid_until": past.isoformat()}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Datumet har passerat" in body
    assert "Behov" in body  # what was typed is kept
    assert not ProtectedIdentityGrant.objects.exists()


@pytest.mark.django_db
def test_caseworker_cannot_grant_and_other_unit_gets_404(world: World) -> None:
    url = reverse("people:grant", kwargs={"person_id": world.protected_person.pk})
    data = {"user": world.caseworker_a.pk, "reason": "x", "valid_until": "2099-01-01"}
    assert client_for(world.caseworker_a).post(url, data).status_code == 404
    assert not ProtectedIdentityGrant.objects.exists()
