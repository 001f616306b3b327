"""A login nobody uses for half an hour ends (ADR 0016): a page opened after that asks for a new
login and says why; what was sent is kept and offered back; asking how long the login has left
does not keep it going; an activity stamp cannot be taken from another session or made up."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bistand.accounts.sessions import ACTIVITY_COOKIE
from tests.accounts.test_unsent_form import HOUSING
from tests.factories import World, client_for
from tests.forms_sent import form_sending

pytestmark = pytest.mark.django_db

MY_CASE = "applications:my-case"
LOGGED_OUT = (
    "Du loggades ut eftersom du inte hade varit aktiv på 30 minuter. Logga in igen för att "
    "fortsätta."
)


@contextmanager
def _clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        yield clock


def _session_key(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_a_login_nobody_uses_for_half_an_hour_ends_and_the_next_page_says_why(
    world: World,
) -> None:
    assert settings.BISTAND_IDLE_LOGOUT_SECONDS == 1800  # the default, as in production
    with _clock() as clock:
        client = client_for(world.applicant)
        assert client.get(reverse(MY_CASE)).status_code == 200
        # Each page opened starts the half hour again.
        for _ in range(3):
            clock.shift(timedelta(minutes=29, seconds=59))
            assert client.get(reverse(MY_CASE)).status_code == 200
        key = _session_key(client)

        clock.shift(timedelta(minutes=30))
        answer = client.get(reverse(MY_CASE), follow=True)

    login, _status = answer.redirect_chain[0]
    assert login.startswith(reverse("accounts:applicant-login"))
    assert LOGGED_OUT in answer.content.decode()
    # The login is over on the server, not only in this browser: its session is gone.
    assert not Session.objects.filter(session_key=key).exists()
    assert SESSION_KEY not in client.session
    assert client.cookies[ACTIVITY_COOKIE].value == ""  # and the stamp is deleted


def test_a_form_sent_after_the_idle_logout_is_kept_and_offered_after_the_next_login(
    world: World,
) -> None:
    step = reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
    )
    with _clock() as clock:
        client = client_for(world.applicant)
        client.get(step)
        clock.shift(timedelta(minutes=45))  # the applicant looked for the rent notice
        sent = client.post(step, HOUSING)
        assert sent.status_code == 302
        assert sent["Location"].startswith(reverse("accounts:applicant-login"))

        client_for(world.applicant, client)
        offer = client.get(step).content.decode()
    assert "Det du skrev är inte sparat ännu" in offer
    assert form_sending(offer, page_url=step, field="housing").values("housing") == ["8 450"]
    world.draft_a.refresh_from_db()
    assert "housing" not in world.draft_a.answers  # nothing saved without a login


def test_asking_how_long_the_login_has_left_does_not_keep_it_going(world: World) -> None:
    status = reverse("accounts:session-status")
    with _clock() as clock:
        client = client_for(world.applicant)
        client.get(reverse(MY_CASE))
        clock.shift(timedelta(minutes=20))
        asked = client.get(status)
        assert asked.json() == {"logged_in": True, "seconds_left": 600}
        assert ACTIVITY_COOKIE not in asked.cookies
        clock.shift(timedelta(minutes=9))
        assert client.get(status).json() == {"logged_in": True, "seconds_left": 60}
        clock.shift(timedelta(minutes=1))
        ended = client.get(status)
    assert ended.status_code == 401
    assert ended.json() == {"logged_in": False}
    assert client.post(status).status_code == 405


def test_an_activity_stamp_from_another_session_or_made_up_does_not_keep_a_login_going(
    world: World,
) -> None:
    with _clock() as clock:
        left_open = client_for(world.applicant)
        left_open.get(reverse(MY_CASE))
        clock.shift(timedelta(minutes=31))
        # The person who sits down next logs in to their own account on another browser profile
        # and copies its fresh stamp, or writes one of their own.
        own = client_for(world.applicant_b)
        own.get(reverse(MY_CASE))
        left_open.cookies[ACTIVITY_COOKIE] = own.cookies[ACTIVITY_COOKIE].value
        assert left_open.get(reverse(MY_CASE)).status_code == 302

        forged = client_for(world.applicant)
        forged.get(reverse(MY_CASE))
        clock.shift(timedelta(minutes=31))
        now = str(int(timezone.now().timestamp()))
        forged.cookies[ACTIVITY_COOKIE] = f"{now}:made-up-signature"
        assert forged.get(reverse(MY_CASE)).status_code == 302
        assert own.get(reverse(MY_CASE)).status_code == 302  # the same half hour for everyone


def test_staff_are_logged_out_too_and_must_give_their_second_factor_again(world: World) -> None:
    with _clock() as clock:
        client = client_for(world.caseworker_a)
        assert client.get(reverse("cases:list")).status_code == 200
        clock.shift(timedelta(minutes=30))
        answer = client.get(reverse("cases:list"), follow=True)
    assert answer.redirect_chain[0][0].startswith(reverse("accounts:staff-login"))
    assert LOGGED_OUT in answer.content.decode()
    assert "otp_device_id" not in client.session


def test_the_limit_is_the_municipality_s_to_set_and_zero_turns_it_off(
    world: World, settings: object
) -> None:
    settings.BISTAND_IDLE_LOGOUT_SECONDS = 0  # type: ignore[attr-defined]
    with _clock() as clock:
        client = client_for(world.applicant)
        first = client.get(reverse(MY_CASE))
        assert ACTIVITY_COOKIE not in first.cookies
        clock.shift(timedelta(hours=7))
        assert client.get(reverse(MY_CASE)).status_code == 200

    settings.BISTAND_IDLE_LOGOUT_SECONDS = 600  # type: ignore[attr-defined]
    with _clock() as clock:
        client = client_for(world.applicant)
        page = client.get(reverse(MY_CASE)).content.decode()
        assert 'data-session-left="600"' in page
        clock.shift(timedelta(minutes=10))
        answer = client.get(reverse(MY_CASE), follow=True)
    assert "inte hade varit aktiv på 10 minuter" in answer.content.decode()
