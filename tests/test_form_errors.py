"""The error summary names each field before its message: a colon after a label, none after a
question, whose own mark ends it (Swedish "?", Arabic "؟")."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from bistand.appeals.forms import AppealForm
from bistand.calculations.forms import PrecalcCostsForm


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
