# SPDX-License-Identifier: EUPL-1.2
"""The application as it was answered, topic by topic and in words: what the applicant reviews
before sending, what the partner sees before confirming, and what the caseworker reads.

The labels and the choices' names come from the step forms themselves, so a question added to a
form shows here without a second list to keep in step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils.translation import gettext as _

from bistand.amounts import amount_written
from bistand.applications.fields import AmountField
from bistand.applications.forms import (
    FIRST_STEPS,
    STEP_FORMS,
    STEP_TITLES,
    ChildForm,
    steps_for,
)
from bistand.applications.models import Application, ApplicationKind
from bistand.people.identity_numbers import identity_number_written

NOT_STATED = "–"


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str
    own_words: bool = False  # written by the person: shown in the direction it was written in


@dataclass(frozen=True)
class AnswerSection:
    step: str
    title: str
    rows: list[AnswerRow]
    asked: bool  # asked on this application; a monthly one carries the rest over unchanged
    answered: bool


def answers_summary(application: Application) -> list[AnswerSection]:
    answers = application.answers or {}
    asked = steps_for(application.kind, answers)
    order = [*(["changes"] if application.kind == ApplicationKind.MONTHLY else []), *FIRST_STEPS]
    sections = []
    for step in order:
        if step == "documents" or (step not in asked and step not in answers):
            continue
        data = answers.get(step, {})
        rows = _rows(STEP_FORMS[step](), data) if step in answers else []
        if step == "household":
            rows += _children(data.get("children", []))
        sections.append(
            AnswerSection(
                step=step,
                title=str(STEP_TITLES[step]),
                rows=rows,
                asked=step in asked,
                answered=step in answers,
            )
        )
    return sections


def _rows(form: forms.Form, data: dict[str, Any]) -> list[AnswerRow]:
    rows = []
    for name, field in form.fields.items():
        value = data.get(name)
        if name.endswith("identity_number"):
            value = identity_number_written(str(value or ""))
        row = _row(field, value)
        if row is not None:
            rows.append(row)
    return rows


def _row(field: forms.Field, value: Any) -> AnswerRow | None:
    """One answer in words; None for an amount or an optional text left empty (or 0)."""
    label = str(field.label)
    if isinstance(field, forms.BooleanField):
        return AnswerRow(label, _("Yes") if value else _("No"))
    if isinstance(field, AmountField):
        amount = _amount(value)
        return AnswerRow(label, amount) if amount else None
    if isinstance(field, forms.MultipleChoiceField):
        named = dict(cast(list[tuple[Any, Any]], field.choices))
        chosen = [str(named.get(key, key)) for key in value or []]
        return AnswerRow(label, ", ".join(chosen)) if chosen else None
    if isinstance(field, forms.ChoiceField):
        choices = cast(list[tuple[Any, Any]], field.choices)  # flat: no option groups here
        names = {str(key): str(name) for key, name in choices}
        return AnswerRow(label, names.get(str(value or ""), str(value or NOT_STATED)))
    if isinstance(field, forms.IntegerField):
        return AnswerRow(label, str(value if value not in (None, "") else 0))
    if value in (None, ""):
        return None
    return AnswerRow(label, str(value), own_words=isinstance(field.widget, forms.Textarea))


def _amount(value: Any) -> str | None:
    """An amount as the page's language writes it; None when not stated (an amount left empty
    is stored as 0, which `amount_written` writes "0")."""
    written = amount_written(value)
    return written if written not in ("", "0") else None


def _children(children: list[dict[str, Any]]) -> list[AnswerRow]:
    form = ChildForm()
    rows = []
    for number, child in enumerate(children, start=1):
        facts = [
            str(child.get("first_name") or ""),
            identity_number_written(str(child.get("identity_number") or "")),
            *(
                str(form.fields[name].label)
                for name in ("lunch_at_home", "in_upper_secondary_school")
                if child.get(name)
            ),
        ]
        rows.append(
            AnswerRow(
                _("Child %(number)d") % {"number": number},
                "; ".join(fact for fact in facts if fact),
            )
        )
    return rows
