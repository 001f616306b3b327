"""Following a user's links the way they would: from the start page, every same-site link."""

import re
from collections import deque
from html import unescape
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import resolve

# Nor the ways out and back in: logging out, and "Log in again" on the page shown when the login
# has ended (hidden until then).
NOT_FOLLOWED = re.compile(r"^/(admin|static|i18n|dev)/|logout|^/accounts/(staff/)?login/")
MOST_PAGES = 150  # per user; the demo's users reach 10–90


def crawl(client: Client) -> tuple[list[str], list[tuple[str, int, str]]]:
    """(the HTML pages reached, in the order reached; [(link, status, on page)] for every link
    that failed or led nowhere)."""
    seen: set[str] = set()
    pages: list[str] = []
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
        pages.append(url)
        for href in re.findall(r'href="([^"#]+)"', response.content.decode()):
            parts = urlsplit(urljoin(url, unescape(href)))
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue  # another site, or an address to write to (mailto:)
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if not NOT_FOLLOWED.search(link) and link not in seen:
                queue.append((link, url))
    return pages, broken


def page_kinds(client: Client, checked: set[str]) -> dict[str, str]:
    """{view name: the first page of it reached} for every kind of page the client's links lead
    to, except kinds already in `checked`; they are added to it."""
    pages, _broken = crawl(client)
    kinds: dict[str, str] = {}
    for url in pages:
        kind = resolve(url.split("?")[0]).view_name
        if kind not in checked:
            kinds.setdefault(kind, url)
    checked |= set(kinds)
    return kinds


def get_form_fields(html: str) -> list[list[str]]:
    """The field names of each form on the page that is sent with GET (filters, searches)."""
    forms = []
    for attributes, body in re.findall(r"<form([^>]*)>(.*?)</form>", html, re.S):
        if 'method="post"' not in attributes.lower():
            forms.append(re.findall(r'<(?:input|select|textarea)[^>]*name="([^"]+)"', body))
    return forms
