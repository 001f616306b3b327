"""The applicant says how the notices reach them. A wrong address or number is refused next to the
field; a new one is used only once the code sent to it has been written back (ADR 0019), so a
mistyped address never learns that someone has a case with social services."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from bistand.accounts.models import User
from bistand.accounts.services import applicant_user_for_identity_number
from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Relation
from bistand.conversations.services import secure_message_send
from bistand.integrations.notifications import sms
from bistand.people.identity_numbers import compose_identity_number
from bistand.people.models import ContactConfirmation, Person
from tests.factories import World, case_make, client_for, digits_in_arabic, notices_cleared

CONTACT = reverse("applications:contact")


def _code_from(body: str) -> str:
    (code,) = re.findall(r"\b\d{6}\b", body)
    return code


def _changes_logged(person: Person) -> list[object]:
    logged = AccessLogEntry.objects.filter(object_type="person", object_id=str(person.pk))
    return [entry.changes["after"] for entry in logged.order_by("at", "pk") if entry.changes]


def _new_applicant(day: int) -> tuple[User, Client]:
    """Logged in by e-identification for the first time: nothing to reach them by."""
    user = applicant_user_for_identity_number(
        identity_number=compose_identity_number(date(1988, 4, day), 982)
    )
    return user, client_for(user)


@pytest.mark.django_db
def test_a_new_address_is_used_once_its_code_is_written_back(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    user, client = _new_applicant(4)
    my_case = client.get(reverse("applications:my-case")).content.decode()
    assert "Vi kan inte meddela dig när något nytt väntar" in my_case
    assert f'<a href="{CONTACT}">Ändra hur vi når dig</a>' in my_case

    refused = client.post(CONTACT, {"email": "amina@", "phone": "12345"})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Fyll i en giltig e-postadress." in page
    assert "Skriv ett svenskt mobilnummer, till exempel 070-123 45 67." in page
    assert 'value="amina@"' in page  # kept as written
    assert 'value="12345"' in page
    assert ContactConfirmation.objects.count() == 0

    notices_cleared()
    saved = client.post(CONTACT, {"email": "amina@example.se", "phone": "+46 70 123 45 67"})
    assert saved["Location"] == CONTACT
    # Sent twice (a double click, a reload): one code, not two.
    again = client.post(CONTACT, {"email": "amina@example.se", "phone": "+46 70 123 45 67"})
    assert again["Location"] == CONTACT
    assert ContactConfirmation.objects.count() == 1
    person = Person.objects.get(pk=user.person_id)
    # The municipality sends no SMS: the number is only for the caseworker, and kept at once.
    assert (person.email, person.phone) == ("", "070-123 45 67")
    page = client.get(CONTACT).content.decode()
    assert "Bekräfta din e-postadress" in page
    assert 'Vi skickade en kod till <strong dir="ltr">amina@example.se</strong>' in page
    assert 'value="amina@example.se"' in page  # what they wrote, while it waits
    my_case = client.get(reverse("applications:my-case")).content.decode()
    assert "Vi kan ännu inte meddela dig när något nytt väntar." in my_case
    assert "Vi har skickat en kod till amina@example.se." in my_case

    task_worker()
    (sent,) = mail.outbox
    assert sent.to == ["amina@example.se"]
    assert sent.subject == "Din kod till Bistånd"
    code = _code_from(sent.body)
    assert sent.body == (  # the code, and nothing about the person or the case
        f"Din kod till Bistånd, e-tjänsten för ekonomiskt bistånd, är {code}. Skriv den på sidan "
        "Hur vi når dig inom 30 minuter. Om du inte har bett om den kan du bortse från "
        "meddelandet: inget mer skickas till dig."
    )

    wrong = "000000" if code != "000000" else "111111"
    refused = client.post(CONTACT, {"action": "confirm", "channel": "email", "email-code": wrong})
    assert refused.status_code == 400
    assert "Koden stämmer inte. Kontrollera meddelandet och försök igen: 4 försök kvar." in (
        refused.content.decode()
    )
    confirmed = client.post(
        CONTACT, {"action": "confirm", "channel": "email", "email-code": code[:3] + " " + code[3:]}
    )
    assert confirmed["Location"] == reverse("applications:my-case")
    person.refresh_from_db()
    assert person.email == "amina@example.se"
    my_case = client.get(reverse("applications:my-case")).content.decode()
    assert "När något nytt väntar meddelar vi dig med e-post till amina@example.se." in my_case
    assert "Vi har skickat en kod" not in my_case

    # The log says what happened to which field, never the address.
    changes = _changes_logged(person)
    assert changes == [
        {"email": "code sent", "phone": "changed"},
        {"email": "wrong code"},
        {"email": "confirmed"},
    ]
    assert "amina@example.se" not in str(AccessLogEntry.objects.values_list("changes", "path"))

    # A caseworker writes in a case the person is the applicant of: the notice goes there.
    case = case_make(
        unit=world.unit_a, acted_by=world.caseworker_a, members=[(person, Relation.APPLICANT)]
    )
    notices_cleared()
    secure_message_send(
        case=case, body="Hej! Vi har tagit emot din ansökan.", sender=world.caseworker_a
    )
    task_worker()
    assert [m.to for m in mail.outbox] == [["amina@example.se"]]
    assert "tagit emot" not in mail.outbox[0].body

    # Removing the address needs no code; the page says nothing will reach them by mail.
    client.post(CONTACT, {"email": "", "phone": "070-123 45 67"})
    person.refresh_from_db()
    assert person.email == ""
    assert _changes_logged(person)[-1] == {"email": "removed"}


@pytest.mark.django_db
def test_a_mistyped_address_gets_nothing_but_the_code(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    user, client = _new_applicant(5)
    Person.objects.filter(pk=user.person_id).update(email="amina@example.se")
    case = case_make(
        unit=world.unit_a,
        acted_by=world.caseworker_a,
        members=[(Person.objects.get(pk=user.person_id), Relation.APPLICANT)],
    )
    client.post(CONTACT, {"email": "amina@exmaple.se", "phone": ""})
    notices_cleared()
    secure_message_send(case=case, body="Hej!", sender=world.caseworker_a)
    task_worker()
    # The notice still goes to the confirmed address, not to the one that waits.
    assert [m.to for m in mail.outbox] == [["amina@example.se"]]

    # The person sees the typo and keeps the address they had.
    kept = client.post(CONTACT, {"action": "cancel", "channel": "email"})
    assert kept["Location"] == CONTACT
    page = client.get(CONTACT).content.decode()
    assert "Bekräfta din e-postadress" not in page
    assert "Ändringen är ångrad. Vi når dig som förut." in page
    assert _changes_logged(user.person)[-1] == {"email": "change cancelled"}
    # A code sent for an address given up is not accepted, even if it arrives later.
    waiting = ContactConfirmation.objects.get(address="amina@exmaple.se")
    assert waiting.given_up_at is not None
    late = client.post(CONTACT, {"action": "confirm", "channel": "email", "email-code": "123456"})
    assert late["Location"] == CONTACT
    assert Person.objects.get(pk=user.person_id).email == "amina@example.se"


@pytest.mark.django_db
def test_codes_run_out_and_are_limited(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.BISTAND_CONTACT_CODE_TRIES = 2
    settings.BISTAND_CONTACT_CODES_PER_DAY = 3
    user, client = _new_applicant(6)
    client.post(CONTACT, {"email": "amina@example.se", "phone": ""})

    # Too many wrong codes: this code no longer holds, and a new one must be sent.
    first = ContactConfirmation.objects.get()
    for _ in range(2):
        refused = client.post(
            CONTACT, {"action": "confirm", "channel": "email", "email-code": "999999"}
        )
    page = refused.content.decode()
    assert "Koden gäller inte längre. Skicka en ny kod." in page
    assert "gäller inte längre. Skicka en ny kod för att bekräfta adressen." in page
    assert 'name="email-code"' not in page  # no field to write a code in

    # A new code, at once after the last, is refused next to the field; a minute later it goes.
    too_soon = client.post(CONTACT, {"action": "resend", "channel": "email"})
    assert too_soon.status_code == 400
    assert "En kod skickades för mindre än en minut sedan." in too_soon.content.decode()
    ContactConfirmation.objects.filter(pk=first.pk).update(
        created_at=first.created_at - timedelta(seconds=61)
    )
    notices_cleared()
    assert client.post(CONTACT, {"action": "resend", "channel": "email"}).status_code == 302
    task_worker()
    (sent,) = mail.outbox
    second = ContactConfirmation.objects.exclude(pk=first.pk).get()
    assert first.address == second.address

    # It runs out after BISTAND_CONTACT_CODE_MINUTES (the first is moved back further: the latest
    # code is the one that counts).
    ContactConfirmation.objects.filter(pk=first.pk).update(
        created_at=first.created_at - timedelta(hours=2)
    )
    ContactConfirmation.objects.filter(pk=second.pk).update(
        created_at=second.created_at - timedelta(minutes=settings.BISTAND_CONTACT_CODE_MINUTES)
    )
    late = client.post(
        CONTACT, {"action": "confirm", "channel": "email", "email-code": _code_from(sent.body)}
    )
    assert "Koden gäller inte längre. Skicka en ny kod." in late.content.decode()
    assert Person.objects.get(pk=user.person_id).email == ""

    # Three codes a day to this channel, and no more: a stranger's inbox is not flooded.
    assert client.post(CONTACT, {"email": "amina2@example.se", "phone": ""}).status_code == 302
    refused = client.post(CONTACT, {"email": "amina3@example.se", "phone": ""})
    assert refused.status_code == 400
    assert "Vi har skickat så många koder vi kan i dag. Försök igen i morgon." in (
        refused.content.decode()
    )
    assert 'value="amina3@example.se"' in refused.content.decode()
    assert not ContactConfirmation.objects.filter(address="amina3@example.se").exists()


@pytest.mark.django_db
def test_where_sms_is_used_a_mobile_number_is_confirmed_by_sms(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.USE_SMS = True
    user, client = _new_applicant(7)
    client.post(CONTACT, {"email": "", "phone": "0701234567"})
    assert Person.objects.get(pk=user.person_id).phone == ""
    sms.SENT.clear()
    task_worker()
    ((to, text),) = sms.SENT
    assert to == "070-123 45 67"
    page = client.get(CONTACT).content.decode()
    assert "Bekräfta ditt mobilnummer" in page
    assert 'autocomplete="one-time-code"' in page
    client.post(CONTACT, {"action": "confirm", "channel": "sms", "sms-code": _code_from(text)})
    assert Person.objects.get(pk=user.person_id).phone == "070-123 45 67"
    assert "När något nytt väntar meddelar vi dig med sms till 070-123 45 67." in (
        client.get(reverse("applications:my-case")).content.decode()
    )


@pytest.mark.django_db
def test_a_mobile_number_and_its_code_typed_in_arabic_digits_confirm_the_number(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
    settings,  # type: ignore[no-untyped-def]
) -> None:
    """Before, the number was kept with its Arabic digits (no gateway sends to it) and the right
    code, typed ١٢٣٤٥٦, never matched the one sent."""
    settings.USE_SMS = True
    user, client = _new_applicant(8)
    client.post(CONTACT, {"email": "", "phone": digits_in_arabic("070-123 45 67")})
    sms.SENT.clear()
    task_worker()
    ((to, text),) = sms.SENT
    assert to == "070-123 45 67"
    code = digits_in_arabic(_code_from(text))
    client.post(CONTACT, {"action": "confirm", "channel": "sms", "sms-code": code})
    assert Person.objects.get(pk=user.person_id).phone == "070-123 45 67"
