"""WCAG 2.1 1.4.10 (reflow) on every kind of page the demo's people reach, in Chromium 320 px
wide, in Swedish and in Arabic: the page never scrolls sideways. A wide table may scroll in its
own box (.table-wrap: the exception for content that needs two dimensions); nothing else may
stick out, be it a long Swedish compound in a heading, a wide choice in a fieldset, or the
visually hidden text of a button inside a scrolling table."""

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bistand.accounts.models import Role, User
from bistand.demo.builder import demo_data_load
from tests.demo.crawl import page_kinds
from tests.factories import client_for

STAFF = ["handlaggare.rinkeby", "chef.rinkeby", "coach.jobbtorg", "chef.jobbtorg", "analytiker"]
# How far the page scrolls sideways, and the text that sticks out of it (outside a table's box).
STICKING_OUT = """() => {
  const wide = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.parentElement.closest('.table-wrap, .skip-link, .visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    if ([...range.getClientRects()].some((r) => r.right > innerWidth + 0.5 || r.left < -0.5)) {
      wide.push(text.textContent.trim().slice(0, 50));
    }
  }
  return [document.documentElement.scrollWidth - innerWidth, wide.slice(0, 5)];
}"""


@pytest.mark.django_db
def test_every_kind_of_page_reflows_at_320_px(open_page: Any) -> None:
    demo_data_load(today=timezone.localdate())
    applicant = User.objects.filter(role=Role.APPLICANT, person__first_name="Amina").get()
    checked: set[str] = set()
    wide: list[tuple[str, str, str, int, list[str]]] = []
    for user in [applicant, *User.objects.filter(username__in=STAFF).order_by("username")]:
        kinds = page_kinds(client_for(user, Client()), checked)
        for language in ("sv", "ar"):
            page = open_page(user, language=language, width=320)
            for url in kinds.values():
                page.goto(url)
                overflow, sticking_out = page.evaluate(STICKING_OUT)
                if overflow > 0:
                    wide.append((user.username, language, url, overflow, sticking_out))
    print(f"\nreflow at 320 px: {len(checked)} kinds of page, Swedish and Arabic")
    assert wide == []
    assert len(checked) >= 30


# WCAG 2.1 1.4.12 (text spacing): the spacing a reader's own style sheet may set.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
# Boxes that cut off their own text: taller or wider content than the box, which hides it.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter((el) => {
  if (el.closest('.skip-link, .visually-hidden, [hidden], dialog:not([open])')) return false;
  const style = getComputedStyle(el);
  const hides = (o) => o === 'hidden' || o === 'clip';
  return (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
    || (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
}).map((el) => el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40)).slice(0, 5)"""


@pytest.mark.django_db
def test_the_applicants_pages_keep_their_text_with_a_readers_text_spacing(
    open_page: Any,
) -> None:
    demo_data_load(today=timezone.localdate())
    applicant = User.objects.filter(role=Role.APPLICANT, person__first_name="Amina").get()
    kinds = page_kinds(client_for(applicant, Client()), set())
    lost: list[tuple[str, str, int, list[str], list[str]]] = []
    for language in ("sv", "ar"):
        page = open_page(applicant, language=language, width=320, own_styles=True)
        for url in kinds.values():
            page.goto(url)
            page.add_style_tag(content=TEXT_SPACING)
            overflow, sticking_out = page.evaluate(STICKING_OUT)
            clipped = page.evaluate(CLIPPED)
            if overflow > 0 or clipped:
                lost.append((language, url, overflow, sticking_out, clipped))
    print(f"\ntext spacing at 320 px: {len(kinds)} kinds of page, Swedish and Arabic")
    assert lost == []
    assert len(kinds) >= 10  # the applicant's own pages and the public ones
