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
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

SESSION_KEY = "bistand_unsent_form"
NOT_KEPT = frozenset({"csrfmiddlewaretoken"})
# More than a form of typed answers holds; a larger body is not kept in the session.
MAX_CHARACTERS = 64_000


@dataclass(frozen=True)
class UnsentForm:
    path: str
    action: str  # where it was sent: the path with its query
    fields: list[tuple[str, str]]
    had_files: bool


def unsent_form_keep(request: HttpRequest) -> bool:
    """Keep the fields of a POST that arrived without a valid login; True if they were kept."""
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
    }
    return True


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
