"""The forms on a page as a browser would send them, read with an HTML5 parser (tinyhtml5, which
WeasyPrint brings) rather than by the code under test."""

from dataclasses import dataclass
from xml.etree.ElementTree import Element

import tinyhtml5

NS = "{http://www.w3.org/1999/xhtml}"
NOT_SENT = {"submit", "button", "image", "reset", "file"}
CHOSEN = {"checkbox", "radio"}
NOT_TYPED = {"hidden", "checkbox", "radio", "password"}
# The HTML standard drops a line break just after <textarea>'s start tag, and Chromium does
# everywhere; html5lib and its fork tinyhtml5 keep it when the text area stands in a table cell.
IN_CELL = {f"{NS}td", f"{NS}th", f"{NS}caption"}


@dataclass(frozen=True)
class SentForm:
    action: str
    fields: list[tuple[str, str]]
    typed: frozenset[str]  # the names of the fields a person types in
    text_areas: frozenset[str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.fields)

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.fields if key == name]

    def data(self, *pressed: tuple[str, str]) -> dict[str, list[str]]:
        """For Django's test client: the fields, and the button pressed, if it has a name."""
        return fields_data([*self.fields, *pressed])


def fields_data(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def _text_area_value(control: Element, in_cell: bool) -> str:
    text = control.text or ""
    return text.removeprefix("\n") if in_cell else text


def _read(form: Element, action: str, cells: set[int]) -> SentForm:
    fields: list[tuple[str, str]] = []
    typed: set[str] = set()
    text_areas: set[str] = set()
    for control in form.iter():
        tag, name = control.tag.removeprefix(NS), control.get("name")
        if not name or "disabled" in control.attrib:
            continue
        if tag == "input":
            kind = (control.get("type") or "text").lower()
            if kind in NOT_SENT or (kind in CHOSEN and "checked" not in control.attrib):
                continue
            fields.append((name, control.get("value", "on" if kind in CHOSEN else "")))
            if kind not in NOT_TYPED:
                typed.add(name)
        elif tag == "textarea":
            fields.append((name, _text_area_value(control, id(control) in cells)))
            typed.add(name)
            text_areas.add(name)
        elif tag == "select":
            options = list(control.iter(f"{NS}option"))
            chosen = [option for option in options if "selected" in option.attrib]
            if not chosen and options and "multiple" not in control.attrib:
                chosen = options[:1]
            fields.extend((name, option.get("value", option.text or "")) for option in chosen)
    return SentForm(action, fields, frozenset(typed), frozenset(text_areas))


def forms_sent(html: str, *, page_url: str, within: str = "html") -> list[SentForm]:
    """Every POST form on the page (or inside its first `within` element), with what it sends
    if its button is pressed now."""
    root = tinyhtml5.parse(html)
    scope = root if within == "html" else root.find(f".//{NS}{within}")
    assert scope is not None, f"no <{within}> on the page"
    cells = {
        id(inner) for cell in root.iter() if cell.tag in IN_CELL for inner in cell.iter()
    }  # the elements inside a table cell
    return [
        _read(form, form.get("action") or page_url, cells)
        for form in scope.iter(f"{NS}form")
        if (form.get("method") or "get").lower() == "post"
    ]


def form_sending(html: str, *, page_url: str, field: str) -> SentForm:
    """The one POST form on the page that sends `field` with something in it."""
    found = [
        form
        for form in forms_sent(html, page_url=page_url)
        if any(value.strip() for value in form.values(field))
    ]
    assert len(found) == 1, f"{len(found)} forms send {field!r}"
    return found[0]
