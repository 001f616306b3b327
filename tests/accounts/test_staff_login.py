"""Staff log in with password plus TOTP; repeated failures are throttled (django-axes)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp

from bistand.accounts.models import Role
from tests.factories import PASSWORD, World, otp_device, user_create


def _code(device) -> str:  # type: ignore[no-untyped-def]
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _login(client: Client, username: str, password: str, code: str):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("accounts:staff-login"),
        {"username": username, "password": password, "otp_token": code},
    )


@pytest.mark.django_db
def test_password_and_current_code_let_a_caseworker_in(world: World) -> None:
    device = otp_device(world.caseworker_a)
    client = Client()
    response = _login(client, world.caseworker_a.username, PASSWORD, _code(device))
    assert response.status_code == 302
    cases = client.get(reverse("cases:list"))
    assert cases.status_code == 200
    assert world.case_a.reference in cases.content.decode()
    assert world.case_b.reference not in cases.content.decode()


@pytest.mark.django_db
def test_password_without_code_is_refused_with_a_message(world: World) -> None:
    otp_device(world.caseworker_a)
    client = Client()
    response = _login(client, world.caseworker_a.username, PASSWORD, "")
    assert response.status_code == 200
    assert "sexsiffriga koden" in response.content.decode()
    assert client.get(reverse("cases:list")).status_code == 302


@pytest.mark.django_db
def test_wrong_code_is_refused(world: World) -> None:
    device = otp_device(world.caseworker_a)
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = _login(Client(), world.caseworker_a.username, PASSWORD, wrong)
    assert response.status_code == 200
    assert "Koden är fel" in response.content.decode()


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_out(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    device = otp_device(world.caseworker_a)
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, world.caseworker_a.username, "wrong password", "000000")
    # Now even the right password and code are refused for a while.
    response = _login(client, world.caseworker_a.username, PASSWORD, _code(device))
    assert response.status_code == 429
    assert "För många misslyckade" in response.content.decode()
    assert client.get(reverse("cases:list")).status_code == 302


@pytest.mark.django_db
def test_applicants_cannot_use_the_staff_login(world: World) -> None:
    applicant = user_create(role=Role.APPLICANT, username="applicant-with-password")
    response = _login(Client(), applicant.username, PASSWORD, "")
    assert response.status_code == 200
    assert "e-legitimation" in response.content.decode()


@pytest.mark.django_db
def test_a_caseworkers_language_follows_the_account_to_another_device(world: World) -> None:
    device = otp_device(world.caseworker_a)
    first = Client()
    first.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"  # chosen on this device before login
    _login(first, world.caseworker_a.username, PASSWORD, _code(device))
    world.caseworker_a.refresh_from_db()
    assert world.caseworker_a.language == "ar"

    other = Client()  # another device, still in Swedish: the account's choice wins at login
    other.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    device.refresh_from_db()
    with time_machine.travel(timezone.now() + timedelta(seconds=device.step)):
        response = _login(other, world.caseworker_a.username, PASSWORD, _code(device))
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
        page = other.get(reverse("cases:list")).content.decode()
    assert 'lang="ar" dir="rtl"' in page
