# SPDX-License-Identifier: EUPL-1.2
"""When a login ends, and keeping it going: the pages warn before the end and let the person
stay logged in (WCAG 2.2.1, docs/adr/0015).

Django does not keep a session's end where a page can read it, so it is kept in the session at
login and moved when the person asks to stay: the session is saved then, which moves its end in
the store and in the cookie by the same `SESSION_COOKIE_AGE`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

SESSION_ENDS_KEY = "bistand_session_ends"


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
    return max(0, int((datetime.fromisoformat(ends) - timezone.now()).total_seconds()))


def session_ends_at_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """`user_logged_in` receiver (connected in AccountsConfig.ready)."""
    if request is not None and hasattr(request, "session"):
        session_ends_mark(request.session)
