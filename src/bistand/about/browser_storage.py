# SPDX-License-Identifier: EUPL-1.2
"""What the e-service stores in a person's browser, and why: every cookie it sets and the one
thing a page keeps in the browser window. The law on electronic communication lets a service
store what it needs to give the person the service they asked for without asking, but not
without telling them (ADR 0035). The names are read from the settings and the modules that set
them, so the page cannot name a cookie that is not the one set; a browser test checks that every
cookie a browser holds after using the e-service is on the page."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bistand.accounts.sessions import ACTIVITY_COOKIE
from bistand.accounts.unsent import WRITER_COOKIE, WRITER_COOKIE_AGE


@dataclass(frozen=True)
class Stored:
    name: str
    purpose: Promise
    kept: str | Promise  # for how long, in words


def _for(seconds: int) -> str:
    days, hours = seconds // 86400, seconds // 3600
    if days >= 364:  # Django's CSRF cookie lives 52 weeks: a year, as people count
        years = round(days / 365)
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days >= 1 and seconds % 86400 == 0:
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    if hours >= 1 and seconds % 3600 == 0:
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def cookies() -> list[Stored]:
    """Every cookie the e-service sets, in the order a visitor meets them."""
    return [
        Stored(
            settings.CSRF_COOKIE_NAME,
            _("Protects the forms you send: a page on another website cannot send them for you."),
            _for(settings.CSRF_COOKIE_AGE),
        ),
        Stored(
            settings.LANGUAGE_COOKIE_NAME,
            _("Remembers the language you chose."),
            _for(settings.LANGUAGE_COOKIE_AGE),
        ),
        Stored(
            settings.SESSION_COOKIE_NAME,
            _(
                "Keeps you logged in, and keeps your answers in the pre-calculation until you "
                "close it. It is removed when you log out."
            ),
            _("at most %(time)s") % {"time": _for(settings.SESSION_COOKIE_AGE)},
        ),
        Stored(
            ACTIVITY_COOKIE,
            _(
                "Notes when you were last active, so that you are logged out after a time "
                "without activity and warned before it happens, also in another tab."
            ),
            _("as long as you are logged in"),
        ),
        Stored(
            WRITER_COOKIE,
            _(
                "Notes whose login this browser last had, so that a page sent after the login "
                "ended is kept for that person only and offered back when they log in again."
            ),
            _for(WRITER_COOKIE_AGE),
        ),
    ]


# The name written.js keeps its copy under (its KEY); a test reads it from the script.
WINDOW_KEY = "bistand-sent"


def in_the_window() -> Stored:
    """What written.js keeps in the browser window (sessionStorage)."""
    return Stored(
        WINDOW_KEY,
        _(
            "When a page could not be saved because it was too old, or when you change the "
            "language, what you wrote on the page is kept in this browser window, so that it "
            "comes back filled in. It is never sent anywhere by itself."
        ),
        _("until you close the window"),
    )
