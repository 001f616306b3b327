"""Applicants: OpenID Connect e-identification in production; a dev login only locally."""

import importlib

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse

from bistand.accounts.eid import OIDCApplicantBackend
from bistand.accounts.models import Role, User
from bistand.accounts.unsent import WRITER_COOKIE, writer_mark
from bistand.people.identity_numbers import compose_identity_number


def test_production_urls_have_no_development_login() -> None:
    with pytest.raises(NoReverseMatch):
        reverse("dev-login")


def test_local_settings_mount_the_development_login() -> None:
    local = importlib.import_module("bistand.config.settings.local")
    production = importlib.import_module("bistand.config.settings.production")
    assert local.BISTAND_DEV_LOGIN is True
    assert production.BISTAND_DEV_LOGIN is False
    assert production.BISTAND_STAFF_OTP_REQUIRED is True
    urls_local = importlib.import_module("bistand.config.urls_local")
    assert any(getattr(p, "name", None) == "dev-login" for p in urls_local.urlpatterns)


@pytest.mark.django_db
@override_settings(USE_OIDC=True)
def test_applicant_login_starts_the_oidc_flow() -> None:
    response = Client().get(reverse("accounts:applicant-login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("oidc_authentication_init")


@pytest.mark.django_db
def test_applicant_login_without_a_broker_says_so() -> None:
    response = Client().get(reverse("accounts:applicant-login"))
    assert response.status_code == 503
    assert "e-legitimation" in response.content.decode().lower()


@pytest.mark.django_db
@override_settings(USE_OIDC=True)
def test_oidc_claims_find_or_create_the_applicant_by_identity_number() -> None:
    from datetime import date

    number = compose_identity_number(date(1991, 5, 17), 982)
    backend = OIDCApplicantBackend()
    claims = {"personal_number": number, "given_name": "Test", "family_name": "Person"}
    assert backend.verify_claims(claims)
    assert not backend.verify_claims(
        {"personal_number": number[:-1] + "0" if number[-1] != "0" else number[:-1] + "1"}
    )
    assert backend.filter_users_by_claims(claims).count() == 0
    user = backend.create_user(claims)
    assert user.role == Role.APPLICANT
    assert user.person.identity_number == number
    assert not user.has_usable_password()
    assert list(backend.filter_users_by_claims(claims)) == [user]


def _broker_returns(user: User, cookie: str) -> HttpResponse:
    """The broker's callback after a successful e-identification, on a device with `cookie`."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.urls import resolve

    user.backend = "bistand.accounts.eid.OIDCApplicantBackend"
    request = RequestFactory().get("/oidc/callback/", HTTP_COOKIE=f"django_language={cookie}")
    request.session = SessionStore()
    request.user = AnonymousUser()
    callback = resolve(reverse("oidc_authentication_callback")).func.view_class()
    callback.request, callback.user = request, user
    response: HttpResponse = callback.login_success()
    assert request.session["_auth_user_id"] == str(user.pk)
    return response


@pytest.mark.django_db
def test_a_language_chosen_before_login_becomes_the_accounts_unless_it_has_one() -> None:
    from datetime import date

    from bistand.accounts.services import applicant_user_for_identity_number

    user = applicant_user_for_identity_number(
        identity_number=compose_identity_number(date(1992, 6, 18), 982)
    )
    _broker_returns(user, "ar")
    user.refresh_from_db()
    assert user.language == "ar"

    _broker_returns(user, "en")  # another device's cookie
    user.refresh_from_db()
    assert user.language == "ar"


@pytest.mark.django_db
def test_after_e_identification_the_pages_follow_the_accounts_language() -> None:
    from datetime import date

    from bistand.accounts.services import applicant_user_for_identity_number, user_language_choose

    user = applicant_user_for_identity_number(
        identity_number=compose_identity_number(date(1993, 7, 19), 982)
    )
    user_language_choose(user=user, language="ar")  # chosen earlier, on another device

    response = _broker_returns(user, "sv")

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # A form kept after this login runs out is this account's alone (docs/adr/0024).
    assert response.cookies[WRITER_COOKIE].value == writer_mark(user)
    assert response.cookies[WRITER_COOKIE]["httponly"]
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert 'lang="ar" dir="rtl"' in client.get(reverse("applications:my-case")).content.decode()
