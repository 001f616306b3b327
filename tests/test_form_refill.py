"""A kept form filled back into its own page: every value sent is on the screen, in its own
control, and nothing else on the page changes (bistand.form_refill, docs/adr/0028)."""

from bistand.form_refill import form_refilled, values_listed

PAGE = """<!doctype html>
<html lang="sv"><body>
<form method="post" action="/logout/"><input type="hidden" name="csrfmiddlewaretoken" value="t1">
<button type="submit">Logga ut</button></form>
<form class="language" method="post" action="/i18n/setlang/">
<input type="hidden" name="next" value="/step/">
<select name="language"><option value="sv" selected>Svenska</option>
<option value="ar">العربية</option></select>
</form>
<main>
<form method="post" novalidate><input type="hidden" name="csrfmiddlewaretoken" value="fresh">
<input type="hidden" name="submission_key" value="new-key">
<fieldset><legend>Hur bor du?</legend>
<input type="radio" name="housing_type" value="rental" id="h1"><label for="h1">Hyresrätt</label>
<input type="radio" name="housing_type" value="owned" id="h2" checked>
<label for="h2">Bostadsrätt</label>
</fieldset>
<label for="rent">Hyra</label>
<input type="text" name="housing" id="rent" value="7 000" inputmode="decimal">
<input type="checkbox" name="has_car" id="car" checked><label for="car">Bil</label>
<select name="barriers" multiple><option value="work">Arbetslös</option>
<option value="sick" selected>Sjuk</option></select>
<textarea name="own_words" rows="3">
Förra månadens text</textarea>
<input type="file" name="file">
<button type="submit" name="save_and_exit">Spara och fortsätt senare</button>
<button type="submit">Spara och fortsätt</button>
</form>
</main></body></html>"""

SENT = [
    ("csrfmiddlewaretoken", "stale"),
    ("submission_key", "old-key"),
    ("housing_type", "rental"),
    ("housing", '8 450 "& <mer>'),
    ("barriers", "work"),
    ("barriers", "sick"),
    ("own_words", "Jag söker arbete.\nHyran höjs i januari."),
    ("save_and_exit", ""),
]


def _filled(fields: list[tuple[str, str]], page: str = PAGE) -> str | None:
    return form_refilled(page, action="/step/", page_url="/step/", fields=fields)


def test_every_value_sent_is_put_in_its_own_control() -> None:
    filled = _filled(SENT)
    assert filled is not None
    assert '<input type="radio" name="housing_type" value="rental" id="h1" checked>' in filled
    assert '<input type="radio" name="housing_type" value="owned" id="h2">' in filled
    assert (
        '<input type="text" name="housing" id="rent" value="8 450 &quot;&amp; &lt;mer&gt;" '
        'inputmode="decimal">'
    ) in filled
    # The check box was not sent: the person had unticked it.
    assert '<input type="checkbox" name="has_car" id="car">' in filled
    assert '<option value="work" selected>Arbetslös</option>' in filled
    assert '<option value="sick" selected>Sjuk</option>' in filled
    assert (
        '<textarea name="own_words" rows="3">\nJag söker arbete.\nHyran höjs i januari.</textarea>'
    ) in filled


def test_the_rest_of_the_page_is_left_as_the_view_wrote_it() -> None:
    filled = _filled(SENT)
    assert filled is not None
    # The server's own hidden values stay: a fresh token and key, not the ones kept.
    assert 'name="csrfmiddlewaretoken" value="fresh"' in filled
    assert 'name="submission_key" value="new-key"' in filled
    assert "stale" not in filled
    assert "old-key" not in filled
    # Other forms on the page are untouched, and so is everything outside the sent form.
    assert '<option value="sv" selected>Svenska</option>' in filled
    before, after = PAGE.split("<main>")[0], PAGE.split("</main>")[1]
    assert filled.startswith(before)
    assert filled.endswith(after)
    # No button is pressed for the person.
    assert filled.count("<button") == PAGE.count("<button")


def test_a_value_the_page_has_no_place_for_means_nothing_is_filled() -> None:
    assert _filled([*SENT, ("child-2-age", "7")]) is None
    assert _filled([("housing_type", "student_room")]) is None  # no such choice on the page
    assert _filled([("housing", "1"), ("housing", "2")]) is None  # one field, two values
    # An empty value needs no place: an empty row sent is not lost by not being shown.
    assert _filled([("housing", "8450"), ("child-2-age", "")]) is not None


def test_the_form_is_found_by_where_it_sends() -> None:
    elsewhere = form_refilled(PAGE, action="/other/", page_url="/step/", fields=SENT)
    assert elsewhere is None
    explicit = PAGE.replace(
        '<form method="post" novalidate>', '<form method="post" action="/step/">'
    )
    assert form_refilled(explicit, action="/step/", page_url="/step/", fields=SENT) is not None
    # A form that only reads (method get) is never the one that was sent.
    reading = PAGE.replace('<form method="post" novalidate>', '<form method="get">')
    assert form_refilled(reading, action="/step/", page_url="/step/", fields=SENT) is None


def test_of_a_row_of_forms_to_one_address_the_one_whose_hidden_values_were_sent() -> None:
    rows = "".join(
        f'<form method="post" action="/queue/"><input type="hidden" name="application_id" '
        f'value="{number}"><input type="date" name="due"><button name="action" value="complete">'
        f"Begär</button></form>"
        for number in ("a1", "a2", "a3")
    )
    filled = form_refilled(
        rows,
        action="/queue/",
        page_url="/queue/",
        fields=[("application_id", "a2"), ("due", "2026-12-01"), ("action", "complete")],
    )
    assert filled is not None
    assert filled.count('value="2026-12-01"') == 1
    assert filled.index('value="2026-12-01"') > filled.index('value="a2"')
    assert filled.index('value="2026-12-01"') < filled.index('value="a3"')
    gone = form_refilled(
        rows, action="/queue/", page_url="/queue/", fields=[("application_id", "a9"), ("due", "x")]
    )
    assert gone is None


def test_a_disabled_field_is_no_place_for_a_value() -> None:
    page = PAGE.replace('name="housing" id="rent"', 'name="housing" id="rent" disabled')
    assert _filled([("housing", "8450")], page) is None


def test_a_form_whose_hidden_input_was_not_sent_is_not_the_one_sent() -> None:
    """A browser always sends a form's hidden inputs: the correction form of an entry (with its
    entry's id) was not the one sent, though it sends to the same address with the same action."""
    correct = (
        '<form method="post"><input type="hidden" name="action" value="write">'
        '<input type="hidden" name="entry_id" value="e1"><textarea name="text">\n</textarea></form>'
    )
    write = (
        '<form method="post"><input type="hidden" name="action" value="write">'
        '<textarea name="text" id="new">\n</textarea></form>'
    )
    filled = form_refilled(
        correct + write,
        action="/journal/",
        page_url="/journal/",
        fields=[("action", "write"), ("text", "Ny anteckning")],
    )
    assert filled is not None
    assert filled == correct + write.replace(">\n</textarea>", ">\nNy anteckning</textarea>")


def test_what_cannot_be_filled_in_is_listed_as_the_page_words_it() -> None:
    """Where the page cannot show it all, the list says each value as the person saw it: a
    choice by its label or option text, not its code; the button pressed by its text; the
    page's own hidden values left out; a value with no control any more as it was sent."""
    sent = [
        *SENT,
        ("has_car", "on"),
        ("save_and_exit", "1"),  # the button pressed: sending the list presses it again
        ("barriers", "unknown"),
        ("gone_from_the_page", "Hyran höjs i januari."),
        ("language", "ar"),  # another form's field: not this one's to word
    ]
    page = PAGE.replace('name="save_and_exit">', 'name="save_and_exit" value="1">')
    assert _filled(sent, page) is None
    listed = values_listed(page, action="/step/", page_url="/step/", fields=sent)
    assert listed == [
        "Hyresrätt",
        '8 450 "& <mer>',
        "Arbetslös",
        "Sjuk",
        "Jag söker arbete.\nHyran höjs i januari.",
        "Bil",
        "Spara och fortsätt senare",
        "unknown",
        "Hyran höjs i januari.",
        "ar",
    ]
