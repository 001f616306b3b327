# SPDX-License-Identifier: EUPL-1.2
"""Applicant e-identification through an OpenID Connect broker (BankID, Freja eID, ...).

The broker returns the personal identity number in a claim (OIDC_PERSONAL_NUMBER_CLAIM);
the applicant's account is found or created by that number. Switched on with USE_OIDC.
"""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from bistand.accounts.models import User
from bistand.accounts.services import applicant_user_for_identity_number
from bistand.accounts.views import device_at_login
from bistand.people.identity_numbers import IdentityNumberError, parse_identity_number


class OIDCApplicantBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def authenticate(self, request: Any, **kwargs: Any) -> User | None:
        if not settings.USE_OIDC:
            return None
        return super().authenticate(request, **kwargs)  # type: ignore[no-any-return]

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(self._identity_number(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        number = self._identity_number(claims)
        return (
            User.objects.filter(person__identity_number=number) if number else User.objects.none()
        )

    def create_user(self, claims: dict[str, Any]) -> User:
        return applicant_user_for_identity_number(
            identity_number=self._identity_number(claims) or "",
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user

    @staticmethod
    def _identity_number(claims: dict[str, Any]) -> str | None:
        from django.utils import timezone

        raw = str(claims.get(settings.OIDC_PERSONAL_NUMBER_CLAIM, ""))
        try:
            return parse_identity_number(raw, today=timezone.localdate()).digits
        except IdentityNumberError:
            return None


class ApplicantCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """The broker's return: logged in, and the pages in the language kept on the account."""

    def login_success(self) -> HttpResponse:
        return device_at_login(self.request, self.user, super().login_success())
