"""Using a page with Tab, Shift+Tab, Enter and Space (and typing) only."""

from typing import Any

MAX_TABS = 80

FOCUSED_IS = """([kind, text]) => {
  const el = document.activeElement;
  if (!el) return false;
  const own = (el.innerText || el.value || '').trim();
  const labels = el.labels ? [...el.labels].map(l => l.innerText.trim()) : [];
  if (kind === 'button') return el.tagName === 'BUTTON' && own === text;
  if (kind === 'link') return el.tagName === 'A' && own === text;
  return labels.some(l => l.startsWith(text));
}"""


def tab_to(page: Any, kind: str, text: str) -> None:
    """Press Tab until the named control has focus; fail if it is not reachable."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_IS, [kind, text]):
            return
    raise AssertionError(f"{kind} '{text}' cannot be reached with Tab")


def press_button(page: Any, name: str, kind: str = "button") -> None:
    """Tab to the button (or link) and press Enter; the page it leads to is loaded."""
    tab_to(page, kind, name)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Any, label: str, text: str) -> None:
    tab_to(page, "field", label)
    page.keyboard.type(text)
