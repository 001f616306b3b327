"""The error summary names each field before its message: a colon after a label, none after a
question, whose own mark ends it (Swedish "?", Arabic "؟")."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from bistand.appeals.forms import AppealForm
from bistand.calculations.forms import PrecalcCostsForm
from tests.factories import World, client_for


@pytest.mark.parametrize(
    ("language", "question"),
    [("sv", "Hur vill du att beslutet ska ändras?"), ("ar", "كيف تريد أن يُغيَّر القرار؟")],
)
def test_a_question_keeps_its_own_mark_in_the_summary(language: str, question: str) -> None:
    with translation.override(language):
        summary = render_to_string("form_errors.html", {"form": AppealForm({})})
        expected = f"{question} {AppealForm({}).errors['requested_change'][0]}"
    assert expected in summary
    assert f"{question}:" not in summary


def test_a_label_that_is_no_question_is_followed_by_a_colon() -> None:
    with translation.override("sv"):
        form = PrecalcCostsForm({"housing": "många"})
        summary = render_to_string("form_errors.html", {"form": form})
        label = str(form.fields["housing"].label)
    assert f"{label}: " in summary


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "prefix"), [("sv", "Fel:"), ("ar", "خطأ:")])
def test_a_page_sent_with_errors_says_so_first_in_its_title(
    world: World, language: str, prefix: str
) -> None:
    """The title is what a screen reader reads first on the new page, and what the tab shows."""
    client = client_for(world.applicant)
    client.cookies["django_language"] = language
    url = f"/my/applications/{world.draft_a.pk}/step/housing/"
    title = _title(client.get(url).content.decode())
    assert not title.startswith(prefix)
    sent = client.post(url, {"housing_type": "rent", "housing": "många", "next": "1"})
    assert sent.status_code == 200
    assert _title(sent.content.decode()) == f"{prefix} {title}"


def _title(html: str) -> str:
    return html.split("<title>", 1)[1].split("</title>", 1)[0].strip()
