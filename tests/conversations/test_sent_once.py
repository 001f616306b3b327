"""A message is sent once per page, as an application is: a double click, a reload or a retried
request on a slow phone connection sends one message and one notice, not two."""

import re
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Relation
from bistand.conversations.models import SecureMessage
from bistand.conversations.services import secure_message_send
from tests.concurrency import at_once
from tests.factories import World, case_make, client_for, notices_cleared, person_make


def _page_and_key(client: Client, url: str) -> tuple[str, str]:
    page = client.get(url).content.decode()
    found = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert found is not None
    return page, found.group(1)


@pytest.mark.django_db
def test_the_applicant_sends_the_same_page_twice_and_the_unit_gets_one_message(
    world: World,
) -> None:
    applicant = client_for(world.applicant)
    url = reverse("conversations:mine")
    _page, key = _page_and_key(applicant, url)
    sent = {"body": "Hyran har höjts från januari.", "submission_key": key}
    first, second = applicant.post(url, sent), applicant.post(url, sent)
    assert first["Location"] == second["Location"] == url
    assert SecureMessage.objects.filter(body=sent["body"]).count() == 1
    # The next page brings a new key, so the next message is a message of its own.
    _page, next_key = _page_and_key(applicant, url)
    assert next_key != key
    applicant.post(url, {**sent, "submission_key": next_key})
    assert SecureMessage.objects.filter(body=sent["body"]).count() == 2


@pytest.mark.django_db
def test_the_caseworker_sends_twice_and_the_household_is_told_once(world: World) -> None:
    notices_cleared()
    world.person_a.email = "amina@example.se"
    world.person_a.save()
    staff = client_for(world.caseworker_a)
    url = reverse("conversations:case", kwargs={"case_id": world.case_a.pk})
    _page, key = _page_and_key(staff, url)
    sent = {"body": "Hej! Skicka hyresavin för december.", "submission_key": key}
    staff.post(url, sent)
    staff.post(url, sent)
    assert SecureMessage.objects.filter(case=world.case_a).count() == 1
    queued = DBTaskResult.objects.count()
    assert queued == 2  # one notice to the applicant, one to the partner: not four


@pytest.mark.django_db
def test_a_page_copied_to_another_case_sends_nothing_there_and_keeps_the_text(
    world: World,
) -> None:
    other = case_make(
        unit=world.unit_a,
        acted_by=world.caseworker_a,
        members=[(person_make(acted_by=world.caseworker_a), Relation.APPLICANT)],
    )
    staff = client_for(world.caseworker_a)
    first = reverse("conversations:case", kwargs={"case_id": world.case_a.pk})
    _page, key = _page_and_key(staff, first)
    staff.post(first, {"body": "Till hushållet A.", "submission_key": key})
    second = reverse("conversations:case", kwargs={"case_id": other.pk})
    response = staff.post(second, {"body": "Till hushållet B.", "submission_key": key})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ditt meddelande skickades inte. Skicka det igen." in page
    assert "Till hushållet B." in page  # kept in the field
    assert f'value="{key}"' not in page  # with a key of its own
    assert not SecureMessage.objects.filter(case=other).exists()
    assert SecureMessage.objects.get(case=world.case_a).body == "Till hushållet A."


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections racing need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_sends_of_one_page_racing_on_two_connections_make_one_message(world: World) -> None:
    """Both requests may find no message with the key yet; the unique constraint lets one in,
    and the other answers with it."""
    key = uuid.uuid4()

    def send() -> SecureMessage:
        return secure_message_send(
            case=world.case_a,
            body="Avin kommer på måndag.",
            sender=world.applicant,
            submission_key=key,
        )

    sent = at_once(send, send)
    message = SecureMessage.objects.get()
    assert [getattr(m, "pk", m) for m in sent] == [message.pk, message.pk]
    logged = AccessLogEntry.objects.filter(object_type="secure_message", object_id=str(message.pk))
    assert logged.count() == 1
