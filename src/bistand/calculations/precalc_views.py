# SPDX-License-Identifier: EUPL-1.2
"""Pre-calculation (provberäkning) without login: a few steps, then the rules core's answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bistand.applications.services import municipality_current
from bistand.calculations.documents import precalculation_document
from bistand.calculations.forms import (
    PrecalcCostsForm,
    PrecalcHouseholdForm,
    PrecalcIncomesForm,
    child_age_formset,
)
from bistand.calculations.line_labels import LINE_LABELS
from bistand.rules.cli import calculate_document
from bistand.rules.input_parsing import InvalidInputError

SESSION_KEY = "precalculation"
STEPS = [
    ("household", gettext_lazy("Household")),
    ("costs", gettext_lazy("Costs")),
    ("incomes", gettext_lazy("Incomes")),
    ("result", gettext_lazy("Result")),
]


def _saved(request: HttpRequest) -> dict[str, Any]:
    saved: dict[str, Any] = request.session.get(SESSION_KEY, {})
    return saved


def _save(request: HttpRequest, step: str, answers: dict[str, Any]) -> None:
    request.session[SESSION_KEY] = {**_saved(request), step: answers}


def _context(step: str, **extra: Any) -> dict[str, Any]:
    keys = [key for key, _title in STEPS]
    return {
        "steps": [{"key": k, "title": str(t), "current": k == step} for k, t in STEPS],
        "step_number": keys.index(step) + 1,
        "step_count": len(STEPS),
        **extra,
    }


def precalc_household(request: HttpRequest) -> HttpResponse:
    saved = _saved(request).get("household", {})
    data = request.POST if request.method == "POST" else None
    form = PrecalcHouseholdForm(data, initial=saved)
    formset = child_age_formset(data, initial=saved.get("children", []))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        children = [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        _save(request, "household", {**form.cleaned_data, "children": children})
        if "add_child" in request.POST:
            return redirect(f"{request.path}?children={len(children) + 1}")
        return redirect("precalc:costs")
    if data is None and request.GET.get("children", "").isdigit():
        extra = max(0, int(request.GET["children"]) - len(saved.get("children", [])))
        formset = child_age_formset(initial=saved.get("children", []), extra=extra)
    return render(
        request,
        "calculations/precalc_household.html",
        _context("household", form=form, formset=formset),
    )


def _simple_step(request: HttpRequest, step: str, form_class: Any, following: str) -> HttpResponse:
    if "household" not in _saved(request):
        return redirect("precalc:household")
    form = form_class(request.POST or None, initial=_saved(request).get(step, {}))
    if request.method == "POST" and form.is_valid():
        _save(request, step, form.answers())
        return redirect(following)
    return render(
        request,
        "calculations/precalc_step.html",
        _context(step, form=form, title=dict(STEPS)[step]),
    )


def precalc_costs(request: HttpRequest) -> HttpResponse:
    return _simple_step(request, "costs", PrecalcCostsForm, "precalc:incomes")


def precalc_incomes(request: HttpRequest) -> HttpResponse:
    return _simple_step(request, "incomes", PrecalcIncomesForm, "precalc:result")


def precalc_result(request: HttpRequest) -> HttpResponse:
    saved = _saved(request)
    if not {"household", "costs", "incomes"} <= set(saved):
        return redirect("precalc:household")
    municipality = municipality_current()
    document = precalculation_document(
        month=timezone.localdate().replace(day=1),
        municipality=municipality.guidelines or None,
        household=saved["household"],
        costs=saved["costs"],
        incomes=saved["incomes"],
    )
    try:
        result = calculate_document(document)
    except InvalidInputError as error:
        return render(
            request,
            "calculations/precalc_result.html",
            _context("result", problems=error.problems),
            status=200,
        )
    for line in result["lines"]:
        line["label"] = _(LINE_LABELS[line["code"]])
    return render(request, "calculations/precalc_result.html", _context("result", result=result))
