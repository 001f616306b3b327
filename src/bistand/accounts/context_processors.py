# SPDX-License-Identifier: EUPL-1.2
"""Navigation by role, the development-environment marker, when the login ends, and a form kept
from an expired login that the page shows filled in."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bistand.accounts.models import Role, User
from bistand.accounts.sessions import login_seconds_left
from bistand.accounts.unsent import UNSENT_REFILLING, window_writer_mark
from bistand.cases.waiting import WAITING_COUNTED, waiting_case_count


def navigation(request: HttpRequest) -> dict[str, Any]:
    # A request refused before the login was read (a 400 for a bad host) has no user.
    user = getattr(request, "user", None) or AnonymousUser()
    items: list[dict[str, str]] = []
    role = getattr(user, "role", None)
    if not user.is_authenticated:
        items.append({"url": reverse("precalc:household"), "label": _("Pre-calculation")})
        items.append(
            {"url": reverse("accounts:applicant-login"), "label": _("Log in with e-identification")}
        )
        items.append({"url": reverse("accounts:staff-login"), "label": _("Staff login")})
    if role == Role.APPLICANT:
        items.append({"url": reverse("applications:my-case"), "label": _("My case")})
        items.append({"url": reverse("conversations:mine"), "label": _("Messages")})
        items.append({"url": reverse("labour:my-plan"), "label": _("My plan")})
    if role in {Role.CASEWORKER, Role.COACH, Role.UNIT_MANAGER}:
        waiting = getattr(request, WAITING_COUNTED, None)
        if waiting is None:
            waiting = waiting_case_count(user=user) if isinstance(user, User) else 0
        label = (
            ngettext("Cases (%(count)d waiting)", "Cases (%(count)d waiting)", waiting)
            % {"count": waiting}
            if waiting
            else _("Cases")
        )
        items.append({"url": reverse("cases:list"), "label": label})
    if role in {Role.CASEWORKER, Role.UNIT_MANAGER}:
        items.append({"url": reverse("cases:queue"), "label": _("Reception queue")})
        items.append({"url": reverse("payments:index"), "label": _("Payments")})
    if role == Role.COACH:
        items.append({"url": reverse("labour:queue"), "label": _("Referrals")})
        items.append({"url": reverse("labour:follow-up"), "label": _("Follow-up")})
        items.append({"url": reverse("labour:special-support"), "label": _("Special support")})
    if role == Role.UNIT_MANAGER:
        items.append({"url": reverse("audit:index"), "label": _("Access log")})
    if role in {Role.ANALYST, Role.UNIT_MANAGER}:
        items.append({"url": reverse("followup:statistics"), "label": _("Statistics")})
    if role == Role.ADMINISTRATOR:
        items.append({"url": reverse("admin:index"), "label": _("Administration")})
    seconds_left, login_url, ends_at = None, None, None
    if user.is_authenticated:
        seconds_left = login_seconds_left(request, active=True)
        if seconds_left is not None:
            # Said in words for a browser without JavaScript, which gets no warning (ADR 0035).
            ends_at = timezone.localtime() + timedelta(seconds=seconds_left)
        # Where "Log in again" leads when the login has ended on an open page (docs/adr/0030).
        login_url = reverse(
            "accounts:applicant-login" if role == Role.APPLICANT else "accounts:staff-login"
        )
    return {
        "nav_items": items,
        "dev_mode": settings.BISTAND_DEV_LOGIN,
        "session_seconds_left": seconds_left,
        "session_ends_at": ends_at,
        "session_warning_seconds": settings.BISTAND_SESSION_WARNING_SECONDS,
        "session_login_url": login_url,
        # "Stay logged in" sends the browser's current token, which may be newer than the page's.
        "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
        # A form kept from an expired login, filled back into this page (docs/adr/0028).
        "unsent_refilling": getattr(request, UNSENT_REFILLING, None),
        # Who wrote what a window keeps of a page refused as too old (docs/adr/0033).
        "window_writer": window_writer_mark(user),
    }
