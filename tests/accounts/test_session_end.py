"""Before the login ends the pages warn, and the person can stay logged in (WCAG 2.2.1):
the end is kept at login and moved a full session age by "Stay logged in"."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import World, client_for


def _expire_date(client: Client) -> object:
    return Session.objects.get(
        session_key=client.cookies[settings.SESSION_COOKIE_NAME].value
    ).expire_date


@pytest.mark.django_db
def test_pages_say_how_long_the_login_lasts_and_stay_logged_in_moves_its_end(world: World) -> None:
    logged_in_at = timezone.now()
    with time_machine.travel(logged_in_at, tick=False):
        client = client_for(world.applicant)
        page = client.get(reverse("applications:my-case")).content.decode()
    assert f'data-session-left="{settings.SESSION_COOKIE_AGE}"' in page
    assert 'data-session-warn="300"' in page
    assert "Du loggas snart ut" in page  # the warning, shown by the script when it is time
    first_end = _expire_date(client)

    later = logged_in_at + timedelta(seconds=settings.SESSION_COOKIE_AGE - 120)
    with time_machine.travel(later, tick=False):
        page = client.get(reverse("applications:my-case")).content.decode()
        assert 'data-session-left="120"' in page
        stay = client.post(reverse("accounts:session-extend"))
        assert stay.status_code == 200
        assert stay.json() == {"logged_in": True, "seconds_left": settings.SESSION_COOKIE_AGE}
        cookie = stay.cookies[settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
        assert _expire_date(client) == later + timedelta(seconds=settings.SESSION_COOKIE_AGE)
        assert _expire_date(client) > first_end
        page = client.get(reverse("applications:my-case")).content.decode()
        assert f'data-session-left="{settings.SESSION_COOKIE_AGE}"' in page


@pytest.mark.django_db
def test_staff_are_warned_too_and_nobody_else_can_extend(world: World) -> None:
    page = client_for(world.caseworker_a).get(reverse("cases:list")).content.decode()
    assert "data-session-left=" in page
    anonymous = Client()
    assert "data-session-left=" not in anonymous.get(reverse("home")).content.decode()
    refused = anonymous.post(reverse("accounts:session-extend"))
    assert refused.status_code == 401
    assert refused.json() == {"logged_in": False}
    assert client_for(world.applicant).get(reverse("accounts:session-extend")).status_code == 405
