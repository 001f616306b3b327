"""Logging a browser in again in its own session, as the e-identification broker's callback
does: Django's login keeps the session's data under a new key, which the browser gets."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from bistand.accounts.models import User
from tests.factories import client_for


def log_in_again(page: Any, user: User) -> None:
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie["value"]
    client_for(user, client)
    address = urlsplit(page.url)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": f"{address.scheme}://{address.netloc}",
            }
        ]
    )


def login_runs_out(page: Any) -> None:
    """The session ends while the page is open: the browser drops its session cookie."""
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)


def sent_after_login_ran_out(page: Any, user: User, path: str, fields: dict[str, str]) -> None:
    """Fill in `fields` on the page at `path`; the login runs out before "next" is pressed; the
    person logs in again and comes back to `path`, where what they wrote is offered back."""
    page.goto(path)
    for name, value in fields.items():
        page.locator(f"input[name={name}]").fill(value)
    login_runs_out(page)
    page.locator("button[name=next]").click()
    log_in_again(page, user)
    page.goto(path)
