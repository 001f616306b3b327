"""The applicant says how the notices reach them; a wrong address or number is refused next to
the field, and the next notice goes where they said."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from bistand.accounts.services import applicant_user_for_identity_number
from bistand.audit.models import AccessLogEntry
from bistand.conversations.services import secure_message_send
from bistand.people.identity_numbers import compose_identity_number
from tests.factories import World, client_for, notices_cleared


@pytest.mark.django_db
def test_the_applicant_gives_an_address_and_the_next_notice_goes_there(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    # Logged in by e-identification for the first time: nothing to reach them by.
    user = applicant_user_for_identity_number(
        identity_number=compose_identity_number(date(1988, 4, 4), 982)
    )
    client = client_for(user)
    my_case = client.get(reverse("applications:my-case")).content.decode()
    assert "Vi kan inte meddela dig när något nytt väntar" in my_case
    contact = reverse("applications:contact")
    assert f'<a href="{contact}">Ändra hur vi når dig</a>' in my_case

    refused = client.post(contact, {"email": "amina@", "phone": "12345"})
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Fyll i en giltig e-postadress." in page
    assert "Skriv ett svenskt mobilnummer, till exempel 070-123 45 67." in page
    assert 'value="amina@"' in page  # kept as written
    assert 'value="12345"' in page
    user.person.refresh_from_db()
    assert (user.person.email, user.person.phone) == ("", "")

    saved = client.post(contact, {"email": "amina@example.se", "phone": "+46 70 123 45 67"})
    assert saved["Location"] == reverse("applications:my-case")
    user.person.refresh_from_db()
    assert user.person.email == "amina@example.se"
    assert user.person.phone == "070-123 45 67"
    my_case = client.get(reverse("applications:my-case")).content.decode()
    assert "När något nytt väntar meddelar vi dig med e-post till amina@example.se." in my_case
    # The log says what changed, never to what.
    logged = AccessLogEntry.objects.filter(object_type="person", object_id=str(user.person.pk))
    changes = [entry.changes for entry in logged if entry.changes]
    assert {"before": None, "after": {"email": "changed", "phone": "changed"}} in changes
    assert "amina@example.se" not in str(changes)

    # A caseworker writes in a case the person is the applicant of: the notice goes there.
    from bistand.cases.models import Relation
    from tests.factories import case_make

    case = case_make(
        unit=world.unit_a, acted_by=world.caseworker_a, members=[(user.person, Relation.APPLICANT)]
    )
    notices_cleared()
    secure_message_send(
        case=case, body="Hej! Vi har tagit emot din ansökan.", sender=world.caseworker_a
    )
    task_worker()
    assert [m.to for m in mail.outbox] == [["amina@example.se"]]
    assert "tagit emot" not in mail.outbox[0].body

    # Removing the address is logged as such, and the page says nothing will reach them by mail.
    client.post(contact, {"email": "", "phone": "070-123 45 67"})
    assert {"before": None, "after": {"email": "removed"}} in [
        entry.changes for entry in logged.all() if entry.changes
    ]
