"""Every demo user follows every link their pages give them, from the start page on, as someone
trying `make run` would: no page fails, and no link leads to a page that answers "not found" or
"forbidden". Applicants go through twice, in Swedish and in Arabic.

Only links (GET) are followed; forms are driven by the tests of each feature. The Django admin
is left out: its pages are Django's own."""

import re
from collections import deque
from datetime import date
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from bistand.accounts.models import Role, User
from bistand.demo.builder import demo_data_load
from tests.factories import client_for

NOT_FOLLOWED = re.compile(r"^/(admin|static|i18n|dev)/|logout")
MOST_PAGES = 150  # per user; the demo's users reach 10–90


def _crawl(client: Client) -> tuple[set[str], list[tuple[str, int, str]]]:
    """(pages reached, [(link, status, on page)] for every link that failed or led nowhere)."""
    seen: set[str] = set()
    broken: list[tuple[str, int, str]] = []
    queue: deque[tuple[str, str]] = deque([("/", "")])
    while queue and len(seen) < MOST_PAGES:
        url, on_page = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 400:
            broken.append((url, response.status_code, on_page))
            continue
        if response.status_code in (301, 302):
            queue.append((response["Location"], url))
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        for href in re.findall(r'href="([^"#]+)"', response.content.decode()):
            parts = urlsplit(urljoin(url, unescape(href)))
            if parts.netloc not in ("", "testserver"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if not NOT_FOLLOWED.search(link) and link not in seen:
                queue.append((link, url))
    return seen, broken


@pytest.mark.django_db
@time_machine.travel("2026-11-23 09:00 +0100", tick=False)
def test_every_demo_user_reaches_their_pages_through_links_that_all_work() -> None:
    demo_data_load(today=date(2026, 11, 23))
    reached: dict[str, int] = {}
    broken: list[tuple[str, str, int, str]] = []
    for user in User.objects.exclude(role=Role.ADMINISTRATOR).order_by("username"):
        languages = ["sv", "ar"] if user.role == Role.APPLICANT else ["sv"]
        for language in languages:
            client = client_for(user, Client(raise_request_exception=False))
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            who = f"{user.person.first_name if user.person else user.username} {language}"
            pages, failed = _crawl(client)
            assert f'lang="{language}"' in client.get("/", follow=True).content.decode(), who
            reached[who] = len(pages)
            broken += [(who, *failure) for failure in failed]
    assert broken == []
    # The crawl went somewhere: every staff role past its start page, every applicant to its case.
    assert min(reached.values()) >= 5, reached
    assert reached["handlaggare.rinkeby sv"] >= 40, reached
    assert reached["Amina ar"] >= 10, reached  # her case, decision, letter, messages, next month
