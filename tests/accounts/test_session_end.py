"""Before the login ends the pages warn, and the person can stay logged in (WCAG 2.2.1):
the end is kept at login and moved a full session age by "Stay logged in"."""

from datetime import timedelta
from typing import Any

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
def test_pages_say_how_long_the_login_lasts_and_stay_logged_in_moves_its_end(
    world: World, settings: Any
) -> None:
    # A login of an hour, ended after half an hour without activity (ADR 0016): the pages count
    # down to whichever end comes first.
    settings.SESSION_COOKIE_AGE = 3600
    assert settings.BISTAND_IDLE_LOGOUT_SECONDS == 1800
    logged_in_at = timezone.now()
    with time_machine.travel(logged_in_at, tick=False) as clock:
        client = client_for(world.applicant)
        page = client.get(reverse("applications:my-case")).content.decode()
        assert 'data-session-left="1800"' in page  # half an hour without activity comes first
        assert 'data-session-warn="300"' in page
        assert "Du loggas snart ut" in page  # the warning, shown by the script when it is time
        first_end = _expire_date(client)

        # Active all along (a page every twenty minutes), the person nears the login's own end.
        for _ in range(2):
            clock.shift(timedelta(minutes=20))
            client.get(reverse("applications:my-case"))
        clock.shift(timedelta(minutes=18))
        page = client.get(reverse("applications:my-case")).content.decode()
        assert 'data-session-left="120"' in page
        stay = client.post(reverse("accounts:session-extend"))
        assert stay.status_code == 200
        assert stay.json() == {"logged_in": True, "seconds_left": 1800}
        cookie = stay.cookies[settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == 3600
        later = logged_in_at + timedelta(minutes=58)
        assert _expire_date(client) == later + timedelta(seconds=3600)
        assert _expire_date(client) > first_end
        page = client.get(reverse("applications:my-case")).content.decode()
        assert 'data-session-left="1800"' in page


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


@pytest.mark.django_db
def test_without_javascript_each_page_says_when_the_login_ends(world: World) -> None:
    """No script, no warning (the statement lists it, WCAG 2.2.1): the page says the time."""
    at = timezone.make_aware(timezone.datetime(2026, 11, 24, 9, 50))
    with time_machine.travel(at, tick=False):
        page = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    notice = page.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert "Om du inte gör något mer på den här sidan loggas du ut klockan 10:20." in notice
    anonymous = Client().get(reverse("precalc:household")).content.decode()
    assert "loggas du ut klockan" not in anonymous
