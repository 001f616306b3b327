"""Real headless Chromium (Debian's package) driven by Playwright against the live server."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from bistand.accounts.models import User
from tests.browser.login import login_cookies
from tests.factories import client_for

CHROMIUM = Path(os.environ.get("BISTAND_CHROMIUM", "/usr/bin/chromium"))
# Playwright's sync API keeps an event loop in the test thread; the ORM calls in tests are
# ordinary synchronous code, so Django's async-safety guard is switched off for this folder.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() and os.environ.get("CI") != "true":
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """`open_page(user=None, language="sv", width=1280, own_styles=False, script=True)` → a page
    in a fresh context; `script=False` is a browser with JavaScript turned off."""
    contexts = []

    def make(
        user: User | None = None,
        language: str = "sv",
        width: int = 1280,
        own_styles: bool = False,
        script: bool = True,
    ) -> Any:
        """`own_styles`: the reader's own style sheet applies, as a browser's user style sheet
        does whatever the page's Content-Security-Policy says (Playwright adds it to the page)."""
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            base_url=live_server.url,
            locale=language,
            bypass_csp=own_styles,
            java_script_enabled=script,
        )
        cookies = [
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}
        ]
        if user is not None:
            cookies += login_cookies(client_for(user), live_server.url)
        context.add_cookies(cookies)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()
