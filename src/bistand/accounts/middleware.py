# SPDX-License-Identifier: EUPL-1.2
"""A login that nobody has used for `BISTAND_IDLE_LOGOUT_SECONDS` ends (docs/adr/0016): on a
shared computer in a library or a reception, the next person must not find someone's case open.

Each answer to a logged-in person carries a fresh activity stamp (`bistand.accounts.sessions`);
a request that arrives after the stamp has aged past the limit is logged out before its view runs.
The view then answers an anonymous person: a page sends them to log in again, and a form they
sent is kept by the access gate and offered back after the login (docs/adr/0014)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import ngettext

from bistand.accounts.sessions import (
    ACTIVITY_COOKIE,
    activity_stamp,
    idle_seconds_left,
)

NOT_ACTIVITY = "bistand_not_activity"


def not_activity(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Marks a view whose requests do not count as the person being active (the pages' own
    question of how long the login has left)."""
    setattr(view, NOT_ACTIVITY, True)
    return view


class IdleLogoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        idle = settings.BISTAND_IDLE_LOGOUT_SECONDS
        if not idle:
            return self.get_response(request)
        if SESSION_KEY in request.session and idle_seconds_left(request) == 0:
            idle_logout(request, idle)
        response = self.get_response(request)
        if SESSION_KEY in request.session:
            if not getattr(request, NOT_ACTIVITY, False):
                response.set_cookie(
                    ACTIVITY_COOKIE,
                    activity_stamp(request.session),
                    max_age=request.session.get_expiry_age(),
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        elif ACTIVITY_COOKIE in request.COOKIES:
            response.delete_cookie(ACTIVITY_COOKIE, samesite="Lax")
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        if getattr(view, NOT_ACTIVITY, False):
            setattr(request, NOT_ACTIVITY, True)


def idle_logout(request: HttpRequest, idle: int) -> None:
    """Ends the login as the logout button does (the session is emptied and gets a new key), and
    tells the person why on the next page they see."""
    logout(request)
    minutes = max(1, idle // 60)
    messages.info(
        request,
        ngettext(
            "You were logged out because you had not been active for %(minutes)d minute. "
            "Log in again to go on.",
            "You were logged out because you had not been active for %(minutes)d minutes. "
            "Log in again to go on.",
            minutes,
        )
        % {"minutes": minutes},
    )


class NoStoreMiddleware:
    """Every answer says `Cache-Control: no-store, private` (docs/adr/0029): almost every page,
    letter and document holds someone's personal data, and on a shared computer neither the next
    person's Back button nor the browser's disk may bring back a page of a person who has logged
    out. Django's `add_never_cache_headers` writes the header and `Expires`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response
