"""Logging a browser in again in its own session, as the e-identification broker's callback
does: Django's login keeps the session's data under a new key, which the browser gets."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from bistand.accounts.models import User
from bistand.accounts.unsent import WRITER_COOKIE
from tests.factories import client_for


def login_cookies(client: Client, url: str) -> list[dict[str, str]]:
    """What a login leaves in the browser: the session cookie and the writer cookie
    (bistand.accounts.unsent), for the site at `url`."""
    return [
        {"name": name, "value": client.cookies[name].value, "url": url}
        for name in (settings.SESSION_COOKIE_NAME, WRITER_COOKIE)
    ]


def log_in_again(page: Any, user: User) -> None:
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie["value"]
    client_for(user, client)
    address = urlsplit(page.url)
    page.context.add_cookies(login_cookies(client, f"{address.scheme}://{address.netloc}"))


def login_runs_out(page: Any) -> None:
    """The session ends while the page is open: the browser drops its session cookie."""
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)


def token_renewed_as_a_login_does(page: Any) -> None:
    """What a login in another tab leaves in the browser: a new CSRF cookie. The applicant's
    login is e-identification, which cannot run in this browser, so its effect is set here."""
    page.context.clear_cookies(name=settings.CSRF_COOKIE_NAME)
    renewed = {"name": settings.CSRF_COOKIE_NAME, "value": "n" * 32, "path": "/"}
    page.context.add_cookies([{**renewed, "domain": urlsplit(page.url).hostname}])


def sent_after_login_ran_out(
    page: Any, user: User, path: str, fields: dict[str, str], *, opened: bool = False
) -> None:
    """Fill in `fields` on the page at `path` (opened here, unless it is `opened` already); the
    login runs out before "next" is pressed; the person logs in again and comes back to `path`,
    where what they wrote is offered back."""
    if not opened:
        page.goto(path)
    for name, value in fields.items():
        page.locator(f"input[name={name}]").fill(value)
    login_runs_out(page)
    page.locator("button[name=next]").click()
    log_in_again(page, user)
    page.goto(path)


@contextmanager
def both_clocks(page: Any) -> Iterator[Callable[[str], None]]:
    """Time moved on by hand on two clocks together: `later("mm:ss")` moves the server's
    (time_machine) and then the page's (Playwright's) on by that much. The page asks the server
    how long the login has left before it warns (docs/adr/0016), so both must move."""
    with time_machine.travel(timezone.now(), tick=True) as server:
        page.clock.install()

        def later(minutes_seconds: str) -> None:
            minutes, seconds = (int(part) for part in minutes_seconds.split(":"))
            server.shift(timedelta(minutes=minutes, seconds=seconds))
            page.clock.run_for(minutes_seconds)

        yield later
