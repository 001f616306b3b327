# SPDX-License-Identifier: EUPL-1.2
"""When a login ends, and keeping it going: the pages warn before the end and let the person
stay logged in (WCAG 2.2.1, docs/adr/0015).

A login ends at the first of two times:
- `SESSION_COOKIE_AGE` after it began or was last extended. Django does not keep that end where a
  page can read it, so it is kept in the session at login and moved when the person asks to stay:
  the session is saved then, which moves its end in the store and in the cookie by the same age.
- `BISTAND_IDLE_LOGOUT_SECONDS` after the person was last active (docs/adr/0016). Every answer to
  a logged-in person carries an activity cookie: the time, signed with a key bound to the session,
  so that it can be neither made younger nor taken from another session. Nothing is written to
  the session store for it."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone

SESSION_ENDS_KEY = "bistand_session_ends"
ACTIVITY_COOKIE = "bistand_active"


def session_ends_mark(session: SessionBase) -> datetime:
    """The session ends one full age from now: at login, and each time the person stays."""
    ends = timezone.now() + timedelta(seconds=session.get_expiry_age())
    session[SESSION_ENDS_KEY] = ends.isoformat()
    return ends


def session_seconds_left(session: SessionBase) -> int | None:
    """Whole seconds until the session ends, if it was marked at login."""
    ends = session.get(SESSION_ENDS_KEY)
    if not ends:
        return None
    return max(0, math.ceil((datetime.fromisoformat(ends) - timezone.now()).total_seconds()))


def _activity_signer(session_key: str) -> signing.Signer:
    return signing.Signer(salt=f"bistand.accounts.activity:{session_key}")


def activity_stamp(session: SessionBase) -> str:
    """The activity cookie's value: now, signed for this session only."""
    return _activity_signer(session.session_key or "").sign(str(int(timezone.now().timestamp())))


def last_activity(request: HttpRequest) -> float | None:
    """When the person last used this login (seconds since the epoch): the activity cookie's
    time if it is signed for this session; without one, when the login began or was extended."""
    session = request.session
    stamp = request.COOKIES.get(ACTIVITY_COOKIE)
    if stamp and session.session_key:
        try:
            return float(_activity_signer(session.session_key).unsign(stamp))
        except (signing.BadSignature, ValueError):
            pass
    ends = session.get(SESSION_ENDS_KEY)
    if not ends:
        return None
    return datetime.fromisoformat(ends).timestamp() - session.get_expiry_age()


def idle_seconds_left(request: HttpRequest) -> int | None:
    """Whole seconds until the login ends for want of activity, if the limit is set and the
    last activity is known."""
    idle = settings.BISTAND_IDLE_LOGOUT_SECONDS
    last = last_activity(request)
    if not idle or last is None:
        return None
    since = max(0.0, timezone.now().timestamp() - last)
    return max(0, math.ceil(idle - since))


def login_seconds_left(request: HttpRequest, *, active: bool) -> int | None:
    """Whole seconds until the login ends, whichever of its two ends comes first. An `active`
    request is itself activity: its answer starts the idle time again."""
    left = session_seconds_left(request.session)
    idle = settings.BISTAND_IDLE_LOGOUT_SECONDS
    if left is None or not idle:
        return left
    idle_left = idle if active else idle_seconds_left(request)
    return left if idle_left is None else min(left, idle_left)


def session_ends_at_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """`user_logged_in` receiver (connected in AccountsConfig.ready)."""
    if request is not None and hasattr(request, "session"):
        session_ends_mark(request.session)
