# SPDX-License-Identifier: EUPL-1.2
"""A form sent after the login ran out, filled back into its own page (docs/adr/0028).

The page is the view's own answer to a GET, as HTML. The one form that was sent (the POST form
whose address is the one the kept fields were sent to) gets the kept values: text in its inputs
and text areas, its check boxes, radio buttons and options chosen as they were sent. Everything
else in the page is left exactly as the view wrote it: only the start tags of the controls that
change, and a text area's text, are rewritten. Hidden inputs keep the page's own values (they
are the server's, not the person's), and no button is pressed: the person reads what is there
and sends it with the page's own button.

If the page cannot show every value that was sent (the form is not on the page, or a field has
no control there), nothing is filled: `form_refilled` answers None, and the caller offers the
kept form another way. No value is ever sent without being on the screen first.

Plain Python, no Django: the standard library's HTML parser gives each tag's place in the page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin

Attributes = list[tuple[str, str | None]]

# Inputs whose value is what the person typed.
TYPED_INPUTS = frozenset(
    {"text", "number", "email", "tel", "url", "search", "date", "month", "week", "time",
     "datetime-local", "color", "range"}
)  # fmt: skip
PRESSED_INPUTS = frozenset({"submit", "image", "button", "reset"})
# Never filled: a password is not kept in a page, and files are not kept at all.
NOT_FILLED_INPUTS = frozenset({"password", "file"})
CSRF_FIELD = "csrfmiddlewaretoken"


def _attr(attrs: Attributes, name: str) -> str | None:
    return next((value for key, value in attrs if key == name), None)


@dataclass
class _Control:
    tag: str  # input, select, option, textarea or button
    attrs: Attributes
    start: int  # where its start tag begins in the page
    end: int  # where its start tag ends
    self_closing: bool
    select: _Control | None = None  # an option's select
    text_end: int | None = None  # where a text area's text ends
    text: str = ""  # an option's or a button's text

    def attr(self, name: str) -> str | None:
        return _attr(self.attrs, name)

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)

    @property
    def name(self) -> str:
        return self.attr("name") or ""

    @property
    def kind(self) -> str:
        """An input's type (lower case, "text" when absent), else the tag."""
        if self.tag == "input":
            return (self.attr("type") or "text").lower()
        return self.tag

    @property
    def disabled(self) -> bool:
        return self.has("disabled")


@dataclass
class _Form:
    attrs: Attributes
    controls: list[_Control] = field(default_factory=list)

    def attr(self, name: str) -> str | None:
        return _attr(self.attrs, name)


class _FormScanner(HTMLParser):
    """Every form in the page with its controls and where their tags stand."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [i + 1 for i, char in enumerate(page) if char == "\n"]
        self.forms: list[_Form] = []
        self.labels: dict[str, str] = {}  # a control's id: the text of its label
        self._form: _Form | None = None
        self._select: _Control | None = None
        self._textarea: _Control | None = None
        self._option: _Control | None = None
        self._label: tuple[str, list[str]] | None = None  # the label being read: for, text

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        text = self.get_starttag_text() or ""
        start = self._offset()
        if tag == "label":
            self._label = (_attr(attrs, "for") or "", [])
        if tag == "form":
            self._form = _Form(attrs)
            self.forms.append(self._form)
            return
        if self._form is None or tag not in {"input", "select", "option", "textarea", "button"}:
            return
        control = _Control(
            tag=tag,
            attrs=list(attrs),
            start=start,
            end=start + len(text),
            self_closing=text.rstrip().endswith("/>"),
            select=self._select if tag == "option" else None,
        )
        self._form.controls.append(control)
        if tag == "select":
            self._select = control
        elif tag == "textarea":
            self._textarea = control
        elif tag in {"option", "button"}:
            self._option = control

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option.text += data
        if self._label is not None:
            self._label[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"option", "select", "button"}:
            self._option = None
        if tag == "label" and self._label is not None:
            target, text = self._label
            if target:
                self.labels[target] = " ".join("".join(text).split())
            self._label = None
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._textarea.text_end = self._offset()
            self._textarea = None


def _scanned(page: str) -> _FormScanner:
    scanner = _FormScanner(page)
    scanner.feed(page)
    scanner.close()
    return scanner


def _sending_to(forms: list[_Form], *, action: str, page_url: str) -> list[_Form]:
    """The page's POST forms that send to `action` (a form without an action sends to the page)."""
    target = urljoin(page_url, action)
    return [
        form
        for form in forms
        if (form.attr("method") or "get").lower() == "post"
        and urljoin(page_url, form.attr("action") or page_url) == target
    ]


def _sent_form(
    forms: list[_Form], *, action: str, page_url: str, sent: dict[str, list[str]]
) -> _Form | None:
    """The page's one POST form that sends to `action` and has a control for every field sent
    with a value. Where several do (a row of forms to one address, one per item), the one whose
    hidden inputs are most like what was sent: a hidden value sent counts for it, a hidden input
    that was not sent at all (a browser always sends it) against it."""
    written = {name for name, values in sent.items() if any(v.strip() for v in values)}
    candidates = [
        form
        for form in _sending_to(forms, action=action, page_url=page_url)
        if written <= {control.name for control in form.controls}
    ]

    def likeness(form: _Form) -> int:
        hidden = [control for control in form.controls if control.kind == "hidden"]
        alike = sum(
            1 for control in hidden if (control.attr("value") or "") in sent.get(control.name, [])
        )
        unsent = sum(1 for control in hidden if control.name not in sent)
        return alike - unsent

    if len(candidates) > 1:
        best = max(likeness(form) for form in candidates)
        candidates = [form for form in candidates if likeness(form) == best]
    return candidates[0] if len(candidates) == 1 else None


def _start_tag(control: _Control, attrs: Attributes) -> str:
    parts = [f"<{control.tag}"]
    for name, value in attrs:
        parts.append(f" {name}" if value is None else f' {name}="{escape(value)}"')
    parts.append(" />" if control.self_closing else ">")
    return "".join(parts)


def _with(attrs: Attributes, name: str, value: str | None, *, present: bool = True) -> Attributes:
    """`attrs` with `name` set to `value` (None: a bare attribute) where it stood, or at the end;
    or taken away."""
    if not present:
        return [(key, old) for key, old in attrs if key != name]
    if any(key == name for key, _ in attrs):
        return [(key, value if key == name else old) for key, old in attrs]
    return [*attrs, (name, value)]


def form_refilled(
    page: str, *, action: str, page_url: str, fields: list[tuple[str, str]]
) -> str | None:
    """`page` with its form that sends to `action` showing `fields` (name and value pairs, as
    sent), or None if the page cannot show every value that was sent. `page_url` is the page's
    own address (path and query), which a form without an action sends to."""
    scanner = _scanned(page)
    sent: dict[str, list[str]] = defaultdict(list)
    for name, value in fields:
        if name != CSRF_FIELD:
            sent[name].append(value)
    form = _sent_form(scanner.forms, action=action, page_url=page_url, sent=sent)
    if form is None:
        return None
    controls = [control for control in form.controls if not control.disabled]
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    unshown = {name: list(values) for name, values in sent.items()}  # not yet on the screen
    typed: dict[str, int] = defaultdict(int)  # how many of a name's typed values are placed

    def show(name: str, value: str) -> None:
        if value in unshown.get(name, []):
            unshown[name].remove(value)

    def rewrite(control: _Control, attrs: Attributes) -> None:
        edits.append((control.start, control.end, _start_tag(control, attrs)))

    for control in controls:
        name, kind = control.name, control.kind
        values = sent.get(name, [])
        if not name or kind == "option" or kind in NOT_FILLED_INPUTS:
            continue
        if kind in TYPED_INPUTS or kind == "textarea":
            if typed[name] >= len(values):
                continue  # not sent: the page's own value stays
            value = values[typed[name]]
            typed[name] += 1
            if kind in TYPED_INPUTS:
                rewrite(control, _with(control.attrs, "value", value))
            elif control.text_end is None:
                continue  # a text area the page never closes
            else:
                # A line break just after the start tag is not part of the text.
                edits.append((control.end, control.text_end, "\n" + escape(value)))
            show(name, value)
        elif kind in {"checkbox", "radio"}:
            chosen = (control.attr("value") or "on") in values
            if chosen:
                show(name, control.attr("value") or "on")
            if chosen != control.has("checked"):
                rewrite(control, _with(control.attrs, "checked", None, present=chosen))
        elif kind == "select":
            for option in (option for option in controls if option.select is control):
                chosen = option.attr("value") in values
                if chosen:
                    show(name, option.attr("value") or "")
                if chosen != option.has("selected"):
                    rewrite(option, _with(option.attrs, "selected", None, present=chosen))
        elif kind == "hidden" or kind in PRESSED_INPUTS or kind == "button":
            # The server's own values, and the button the person pressed: they press it again.
            unshown[name] = []

    if any(value.strip() for values in unshown.values() for value in values):
        return None
    for start, end, replacement in sorted(edits, reverse=True):
        page = page[:start] + replacement + page[end:]
    return page


def values_listed(
    page: str, *, action: str, page_url: str, fields: list[tuple[str, str]]
) -> list[str]:
    """What was written, as a list to read where the page cannot show it (`form_refilled` gave
    None): each value as the page words it. A choice is its label or its option's text, not its
    code; the button that was pressed is its text ("Save and sign"), since sending the list
    presses it again; the values of the page's own hidden inputs (an entry's id, a submission
    key) are left out; a value with no control on the page any more is listed as sent."""
    scanner = _scanned(page)
    controls = [
        control
        for form in _sending_to(scanner.forms, action=action, page_url=page_url)
        for control in form.controls
    ]
    listed: list[str] = []
    for name, value in fields:
        if name == CSRF_FIELD or not value.strip():
            continue
        own = [control for control in controls if control.name == name]
        if any(control.kind == "hidden" for control in own):
            continue
        listed.append(_worded(own, controls, value, scanner.labels))
    return listed


def _worded(
    own: list[_Control], controls: list[_Control], value: str, labels: dict[str, str]
) -> str:
    """`value` as the page words it: the label of the box or radio button sent with it, the text
    of its option or of the button pressed; else as it was sent."""
    for control in own:
        if control.kind in {"checkbox", "radio"} and (control.attr("value") or "on") == value:
            return labels.get(control.attr("id") or "", "") or value
        if control.kind in {"button", "submit"} and (control.attr("value") or "") == value:
            text = control.text if control.kind == "button" else control.attr("value") or ""
            return " ".join(text.split()) or value
        if control.kind == "select":
            for option in (option for option in controls if option.select is control):
                text = " ".join(option.text.split())
                if (option.attr("value") if option.has("value") else text) == value:
                    return text or value
    return value
