"""The language a person chooses is remembered on their account, and notices are written in it."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from bistand.accounts.models import User
from bistand.audit.models import AccessLogEntry
from bistand.integrations.notifications.services import notification_schedule
from tests.factories import World, client_for, notices_cleared

ARABIC = re.compile("[\u0600-\u06ff]")


def _choose(client: Client, language: str) -> str:
    response = client.post(
        reverse("set_language"), {"language": language, "next": reverse("applications:my-case")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:my-case")
    chosen = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    return str(chosen.value) if chosen else ""


@pytest.mark.django_db
def test_an_applicant_who_chooses_arabic_gets_notices_in_arabic(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    client = client_for(world.applicant)
    assert _choose(client, "ar") == "ar"
    world.applicant.refresh_from_db()
    assert world.applicant.language == "ar"
    assert 'dir="rtl"' in client.get(reverse("applications:my-case")).content.decode()
    change = AccessLogEntry.objects.get(object_type="user_language")
    assert change.changes == {"before": "", "after": "ar"}

    notices_cleared()
    notification_schedule(person=world.person_a)
    task_worker()
    (notice,) = mail.outbox
    assert ARABIC.search(notice.subject)
    assert ARABIC.search(notice.body)
    assert "Logga in" not in notice.body

    # Back to Swedish: the next notice is Swedish again.
    _choose(client, "sv")
    notification_schedule(person=world.person_a)
    task_worker()
    assert "Logga in för att läsa" in mail.outbox[1].body


@pytest.mark.django_db
def test_without_a_choice_notices_are_in_swedish(world: World, task_worker) -> None:  # type: ignore[no-untyped-def]
    notices_cleared()
    notification_schedule(person=world.person_a)
    task_worker()
    assert "Logga in för att läsa" in mail.outbox[0].body


@pytest.mark.django_db
def test_an_anonymous_choice_or_an_unknown_language_changes_no_account(world: World) -> None:
    assert _choose(Client(), "en") == "en"  # the pre-calculation's visitor: the cookie only
    client = client_for(world.applicant)
    assert _choose(client, "xx") == ""  # not offered: ignored
    assert not User.objects.exclude(language="").exists()
    assert not AccessLogEntry.objects.filter(object_type="user_language").exists()
