"""The journal: entries are never edited after signing, only followed by a correction."""

import re
import uuid

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from bistand.cases.models import Relation
from bistand.conversations.services import secure_message_file_to_journal, secure_message_send
from bistand.journals.models import EntryKind, JournalEntry
from bistand.journals.services import (
    JournalError,
    journal_correction_create,
    journal_entry_create,
    journal_entry_sign,
    journal_entry_update,
)
from tests.concurrency import at_once
from tests.factories import World, case_make, client_for, person_make


@pytest.mark.django_db
def test_a_draft_can_change_until_signed_then_only_a_correction_follows(world: World) -> None:
    entry = journal_entry_create(case=world.case_a, text="Besök bokat.", author=world.caseworker_a)
    journal_entry_update(entry=entry, text="Besök bokat 3/12.", acted_by=world.caseworker_a)
    journal_entry_sign(entry=entry, acted_by=world.caseworker_a)
    with pytest.raises(JournalError) as error:
        journal_entry_update(entry=entry, text="Ändrad i efterhand.", acted_by=world.caseworker_a)
    assert error.value.code == "signed"
    correction = journal_correction_create(
        entry=entry, text="Rätt datum är 4/12.", author=world.caseworker_a
    )
    entry.refresh_from_db()
    assert entry.text == "Besök bokat 3/12."
    assert correction.corrects == entry
    assert correction.kind == EntryKind.CORRECTION
    assert correction.signed_at is not None


@pytest.mark.django_db
def test_editing_a_signed_entry_through_the_page_is_refused_with_a_message(world: World) -> None:
    entry = journal_entry_create(
        case=world.case_a, text="Signerad anteckning.", author=world.caseworker_a, sign=True
    )
    client = client_for(world.caseworker_a)
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    response = client.post(url, {"action": "edit", "entry_id": str(entry.pk), "text": "Nytt."})
    assert response.status_code == 400
    assert "kan inte ändras" in response.content.decode()
    entry.refresh_from_db()
    assert entry.text == "Signerad anteckning."
    client.post(url, {"action": "correct", "entry_id": str(entry.pk), "text": "Tillägg."})
    assert entry.corrections.get().text == "Tillägg."


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the trigger that freezes signed entries exists on PostgreSQL; "
    "make test runs that leg when a server is reachable, CI always",
)
@pytest.mark.django_db
def test_the_database_refuses_to_change_a_signed_entry(world: World) -> None:
    entry = journal_entry_create(
        case=world.case_a, text="Fryst.", author=world.caseworker_a, sign=True
    )
    with pytest.raises(DatabaseError, match="signed journal entry"), transaction.atomic():
        JournalEntry.objects.filter(pk=entry.pk).update(text="Ändrad.")
    with pytest.raises(DatabaseError, match="signed journal entry"), transaction.atomic():
        JournalEntry.objects.filter(pk=entry.pk).delete()
    draft = journal_entry_create(case=world.case_a, text="Utkast.", author=world.caseworker_a)
    JournalEntry.objects.filter(pk=draft.pk).update(text="Utkast, ändrat.")  # drafts may change


@pytest.mark.django_db
def test_filed_messages_and_decisions_are_in_the_journal(world: World) -> None:
    message = secure_message_send(
        case=world.case_a, body="Jag har fått jobb!", sender=world.applicant
    )
    secure_message_file_to_journal(message=message, filed_by=world.caseworker_a)
    kinds = {entry.kind: entry for entry in world.case_a.journal.all()}
    assert kinds[EntryKind.MESSAGE].text == "Jag har fått jobb!"
    assert kinds[EntryKind.MESSAGE].signed_at is not None
    assert kinds[EntryKind.DECISION].source_decision == world.decision_a
    page = (
        client_for(world.caseworker_a)
        .get(reverse("journals:case", kwargs={"case_id": world.case_a.pk}))
        .content.decode()
    )
    assert "Jag har fått jobb!" in page


def _key_on(page: str) -> str:
    found = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert found is not None
    return found.group(1)


@pytest.mark.django_db
def test_a_double_click_on_sign_saves_one_signed_entry(world: World) -> None:
    """A signed entry can never be taken away (the trigger above), so a second one made by a
    double click or a retried request would stay in the record for good."""
    staff = client_for(world.caseworker_a)
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    key = _key_on(staff.get(url).content.decode())
    written = {"action": "write", "text": "Hembesök bokat till 3 dec.", "sign": "1"}
    first = staff.post(url, {**written, "submission_key": key})
    second = staff.post(url, {**written, "submission_key": key})
    assert first.status_code == second.status_code == 302
    (entry,) = JournalEntry.objects.filter(case=world.case_a, text=written["text"])
    assert entry.signed_at is not None
    # The next page is a new entry, and a page copied to another case saves nothing there.
    assert _key_on(staff.get(url).content.decode()) != key
    other = case_make(
        unit=world.unit_a,
        acted_by=world.caseworker_a,
        members=[(person_make(acted_by=world.caseworker_a), Relation.APPLICANT)],
    )
    elsewhere = reverse("journals:case", kwargs={"case_id": other.pk})
    refused = staff.post(elsewhere, {**written, "text": "Till fel ärende.", "submission_key": key})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Journalanteckningen sparades inte. Spara den igen." in page
    assert "Till fel ärende." in page
    assert _key_on(page) != key
    assert not JournalEntry.objects.filter(case=other, kind=EntryKind.NOTE).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections racing need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_page_racing_on_two_connections_make_one_entry(world: World) -> None:
    key = uuid.uuid4()

    def save() -> JournalEntry:
        return journal_entry_create(
            case=world.case_a,
            text="Telefonsamtal med sökande.",
            author=world.caseworker_a,
            sign=True,
            submission_key=key,
        )

    saved = at_once(save, save)
    (entry,) = JournalEntry.objects.filter(text="Telefonsamtal med sökande.")
    assert [getattr(s, "pk", s) for s in saved] == [entry.pk, entry.pk]


def _correction_key_on(page: str, entry: JournalEntry) -> str:
    found = re.search(
        rf'name="entry_id" value="{entry.pk}"><input type="hidden" name="submission_key" '
        r'value="([0-9a-f-]{36})"',
        page,
    )
    assert found is not None
    return found.group(1)


@pytest.mark.django_db
def test_a_double_click_on_save_the_correction_saves_one_correction(world: World) -> None:
    """A correction is signed when saved, so a second one could never be taken away either."""
    first_entry = journal_entry_create(
        case=world.case_a, text="Besök 3/12.", author=world.caseworker_a, sign=True
    )
    second_entry = journal_entry_create(
        case=world.case_a, text="Samtal 4/12.", author=world.caseworker_a, sign=True
    )
    staff = client_for(world.caseworker_a)
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    page = staff.get(url).content.decode()
    key = _correction_key_on(page, first_entry)
    assert key != _correction_key_on(page, second_entry) != _key_on(page)
    corrected = {"action": "correct", "entry_id": str(first_entry.pk), "submission_key": key}
    first = staff.post(url, {**corrected, "text": "Rätt datum är 4/12."})
    second = staff.post(url, {**corrected, "text": "Rätt datum är 4/12."})
    assert first.status_code == second.status_code == 302
    (correction,) = first_entry.corrections.all()
    assert correction.text == "Rätt datum är 4/12."
    assert correction.signed_at is not None
    # The same key sent with another entry's correction saves nothing, and keeps the text there.
    refused = staff.post(
        url, {**corrected, "entry_id": str(second_entry.pk), "text": "Samtalet var 5/12."}
    )
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Journalanteckningen sparades inte. Spara den igen." in page
    assert re.search(rf'id="text-{second_entry.pk}"[^>]*>Samtalet var 5/12\.</textarea>', page)
    assert not second_entry.corrections.exists()
    assert _correction_key_on(page, second_entry) != key
    # A new page's key saves the next correction of the same entry.
    again = _correction_key_on(staff.get(url).content.decode(), first_entry)
    staff.post(url, {**corrected, "submission_key": again, "text": "Och tiden är 10.00."})
    assert first_entry.corrections.count() == 2


@pytest.mark.django_db
def test_an_unsigned_entry_is_changed_not_corrected(world: World) -> None:
    draft = journal_entry_create(case=world.case_a, text="Utkast.", author=world.caseworker_a)
    with pytest.raises(JournalError) as error:
        journal_correction_create(entry=draft, text="Rättelse.", author=world.caseworker_a)
    assert error.value.code == "unsigned"
    assert not draft.corrections.exists()
