"""WCAG 2.1 2.4.7 and 1.4.11: whatever the keyboard reaches shows where it is, with an indicator
at least 2 px wide whose colour stands out 3:1 against what is around it. axe does not check
this; here every control Tab reaches on the public and the applicant's pages is measured."""

import re
from typing import Any

import pytest

from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)
MOST_TABS = 40

FOCUS_RING = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let behind = el.parentElement, colour = 'rgba(0, 0, 0, 0)';
  while (behind) {  // the colour the ring is drawn on: the nearest painted background outside it
    colour = getComputedStyle(behind).backgroundColor;
    if (!colour.endsWith(', 0)') && colour !== 'transparent') break;
    behind = behind.parentElement;
  }
  return {
    what: el.tagName + ' ' + (el.innerText || el.value || el.name || '').trim().slice(0, 30),
    style: style.outlineStyle, width: parseFloat(style.outlineWidth),
    ring: style.outlineColor, around: behind ? colour : 'rgb(255, 255, 255)',
  };
}"""


def _luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_measured_as_wcag_measures_it() -> None:
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 1) == 4.5


def test_every_control_tab_reaches_shows_a_ring_that_stands_out(
    world: World, open_page: Any
) -> None:
    weak: list[tuple[str, str, dict[str, Any]]] = []
    reached = 0
    for user, url in [
        (None, "/pre-calculation/"),
        (None, "/about/accessibility/report/"),
        (world.applicant, "/my/"),
        (world.applicant, f"/my/applications/{world.draft_a.pk}/step/housing/"),
    ]:
        page = open_page(user)
        page.goto(url)
        for _ in range(MOST_TABS):
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring["what"].startswith("BODY"):
                break
            reached += 1
            if (
                ring["style"] == "none"
                or ring["width"] < 2
                or contrast(ring["ring"], ring["around"]) < 3
            ):
                weak.append((url, ring["what"], ring))
    assert reached >= 40
    assert weak == []
