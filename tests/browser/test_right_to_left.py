"""In real Chromium: on the applicant's Arabic decision page, figures, dates and Swedish legal
references read in their own order inside right-to-left text. Without isolation the
bidirectional algorithm shows "12 kap. 7 § SoL" as "kap. 7 § SoL 12" and 2026-11-23 as
23-11-2026; an amount's groups must not swap either."""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from bistand.amounts import amount_written
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)

# The left edges of the first part's first and the second part's last occurrence within `whole`,
# in the first text node under `selector` that holds it.
LEFT_EDGES = """([selector, whole, first, second]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.includes(whole)) node = walker.nextNode();
  if (!node) return null;
  const text = node.textContent, start = text.indexOf(whole);
  const edge = (part, last) => {
    const range = document.createRange();
    const at = last ? text.lastIndexOf(part, start + whole.length - part.length)
                    : text.indexOf(part, start);
    range.setStart(node, at);
    range.setEnd(node, at + part.length);
    return range.getBoundingClientRect().left;
  };
  return [edge(first, false), edge(second, true)];
}"""


def _reads_left_to_right(page: Any, selector: str, whole: str, first: str, second: str) -> bool:
    edges = page.evaluate(LEFT_EDGES, [selector, whole, first, second])
    assert edges is not None, f"{whole!r} is not under {selector}"
    return bool(edges[0] < edges[1])


def test_figures_dates_and_legal_references_keep_their_order_on_an_arabic_page(
    world: World, open_page: Any
) -> None:
    decision = world.decision_a
    page = open_page(world.applicant, language="ar")
    page.goto(reverse("decisions:detail", kwargs={"decision_id": decision.pk}))
    assert page.locator("html").get_attribute("dir") == "rtl"

    with_groups = page.locator(".outcome").inner_text()
    thousands, rest = amount_written(decision.granted_amount).split("\u00a0")
    assert f"{thousands}\u00a0{rest}" in with_groups
    assert _reads_left_to_right(page, ".outcome", f"{thousands}\u00a0{rest}", thousands, rest)

    reference = decision.calculation["lines"][0]["legal_reference"]  # "12 kap. 7 § SoL …"
    chapter = reference.split(" ", 1)[0]
    assert _reads_left_to_right(page, "tbody", reference, chapter, "kap.")

    decided = timezone.localtime(decision.decided_at).date().isoformat()
    assert _reads_left_to_right(page, "footer", decided, decided[:4], decided[-2:])


# How many lines the first text under `selector` that holds `whole` takes.
LINES = """([selector, whole]) => {
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.includes(whole)) node = walker.nextNode();
  if (!node) return null;
  const range = document.createRange(), at = node.textContent.indexOf(whole);
  range.setStart(node, at);
  range.setEnd(node, at + whole.length);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
}"""


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_case_number_is_never_broken_at_its_hyphens_on_a_phone(
    world: World, open_page: Any, language: str
) -> None:
    """Above the decision, the committee's name and "Case EB-2026-00001" share a line that a
    phone's screen breaks. A browser may break a line after a hyphen: at some widths the
    applicant read "EB-" at one end of the line and "2026-00001" on the next."""
    page = open_page(world.applicant, language=language, width=320)
    page.goto(reverse("decisions:detail", kwargs={"decision_id": world.decision_a.pk}))
    header = ".letter header"
    reference = world.case_a.reference
    broken = []
    for width in range(300, 481, 4):  # wherever the line happens to end
        page.set_viewport_size({"width": width, "height": 900})
        if page.evaluate(LINES, [header, reference]) != 1:
            broken.append(width)
    assert broken == []
    assert page.locator(header).evaluate("(el) => el.scrollWidth <= el.clientWidth")
