# SPDX-License-Identifier: EUPL-1.2
"""What a person wrote when their login had run out: kept, and offered back after they log in.

A form sent after the session expired reaches the access gate without a user. Instead of losing
it, the gate keeps its fields in the new (anonymous) session and sends the person to log in,
back to the same address. Django's login keeps an anonymous session's data, so the fields are
still there. The gate then shows them on that address, to a person it lets through to it, with
a button that sends them again, now logged in: the view validates and saves them as if nothing
had happened (docs/adr/0014).

Files are not kept (the person is asked to choose them again), nor the CSRF token. What is kept
is dropped when it is sent again, discarded, at logout (the session is flushed), or when the
anonymous session ends.

It is offered only to the person who wrote it (docs/adr/0024). A library computer or a shared
phone is used by the next person too: a colleague in the same unit, or a partner, would
otherwise be offered someone else's words to send as their own. Every login leaves a writer
cookie on the device, an opaque mark of the account; the kept form takes the mark of the login
it was written in, and any other login drops it. Without a mark nothing is kept: it could not
be offered to its writer alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare, salted_hmac

SESSION_KEY = "bistand_unsent_form"
NOT_KEPT = frozenset({"csrfmiddlewaretoken"})
# More than a form of typed answers holds; a larger body is not kept in the session.
MAX_CHARACTERS = 64_000
WRITER_COOKIE = "bistand_writer"
# Longer than any login: a page left open for up to a week and sent then is still kept.
WRITER_COOKIE_AGE = 7 * 24 * 60 * 60
# The request attribute that holds the kept form while its page is drawn with it filled in: the
# page shows the notice above it (base.html).
UNSENT_REFILLING = "bistand_unsent_refilling"


@dataclass(frozen=True)
class UnsentForm:
    path: str
    action: str  # where it was sent: the path with its query
    fields: list[tuple[str, str]]
    had_files: bool

    @property
    def values_written(self) -> list[str]:
        """What was written, for the page that lists it: the fields with a value, in order."""
        return [value for name, value in self.fields if value.strip()]


def writer_mark(user: Any) -> str:
    """The writer cookie's value for an account: the same at each of its logins, meaningless
    without the server's secret."""
    return salted_hmac("bistand.accounts.unsent.writer", str(user.pk)).hexdigest()


def window_writer_mark(user: Any) -> str:
    """A page's mark of who is logged in, for what written.js keeps in a browser window
    (docs/adr/0033): a copy is filled in only under the login it was written in. Not the writer
    cookie's value, which stays out of reach of scripts; "" for nobody logged in."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return salted_hmac("bistand.accounts.unsent.window", str(user.pk)).hexdigest()[:20]


def writer_cookie_set(response: HttpResponse, user: Any) -> None:
    """At login: this device's next kept form is this account's."""
    response.set_cookie(
        WRITER_COOKIE,
        writer_mark(user),
        max_age=WRITER_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def writer_cookie_delete(response: HttpResponse) -> None:
    """At logout: the person is done on this device, so nothing sent later is theirs."""
    response.delete_cookie(WRITER_COOKIE, samesite="Lax")


def _writer(request: HttpRequest) -> str:
    """Whose login this POST was written in: the account still known to the gate (staff without
    their second factor), else the mark the device's last login left."""
    user = request.user
    if user.is_authenticated:
        return writer_mark(user)
    return request.COOKIES.get(WRITER_COOKIE, "")


def unsent_form_keep(request: HttpRequest) -> bool:
    """Keep the fields of a POST that arrived without a valid login; True if they were kept."""
    writer = _writer(request)
    if not writer:
        return False
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_KEPT
        for value in values
    ]
    if not fields or sum(len(n) + len(v) for n, v in fields) > MAX_CHARACTERS:
        return False
    request.session[SESSION_KEY] = {
        "path": request.path,
        "action": request.get_full_path(),
        "fields": fields,
        "had_files": bool(request.FILES),
        "writer": writer,
    }
    return True


def unsent_form_at_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """`user_logged_in` receiver (connected in AccountsConfig.ready): a form another person
    wrote on this device is dropped, never offered."""
    session = getattr(request, "session", None)
    if session is None:
        return
    kept = session.get(SESSION_KEY)
    if kept and not constant_time_compare(kept.get("writer", ""), writer_mark(user)):
        del session[SESSION_KEY]


def unsent_form_for(request: HttpRequest) -> UnsentForm | None:
    """The form kept for the address of this request, if there is one."""
    kept = request.session.get(SESSION_KEY)
    if not kept or kept.get("path") != request.path:
        return None
    return UnsentForm(
        path=kept["path"],
        action=kept.get("action", kept["path"]),
        fields=[(name, value) for name, value in kept["fields"]],
        had_files=bool(kept.get("had_files")),
    )


def unsent_form_drop(request: HttpRequest) -> None:
    """Forget the form kept for this address (sent again, or discarded)."""
    kept = request.session.get(SESSION_KEY)
    if kept and kept.get("path") == request.path:
        del request.session[SESSION_KEY]
