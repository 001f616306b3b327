# SPDX-License-Identifier: EUPL-1.2
"""The dashboard's filters, read from the query string."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bistand.followup.dashboard import Breakdown, Filters, committees_in_scope
from bistand.followup.dimensions import conventions
from bistand.followup.models import BirthRegion
from bistand.forms_base import PlainForm
from bistand.organisations.models import Unit
from bistand.people.models import Gender
from bistand.rules.statistics import MONTHS_PER_YEAR, month_index, month_of

MONTH_INPUT = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
MAX_MONTHS = 10 * MONTHS_PER_YEAR


class MonthField(forms.DateField):
    """A month as YYYY-MM (the browser's month input), kept as its first day."""

    input_formats = ["%Y-%m"]
    widget = MONTH_INPUT


class FiltersForm(PlainForm):
    first = MonthField(label=_("From month"))
    last = MonthField(label=_("To month"))
    committee = forms.TypedChoiceField(label=_("Committee"), coerce=int, required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False)
    age_band = forms.ChoiceField(label=_("Age band"), required=False)
    born = forms.ChoiceField(label=_("Born in or outside Sweden"), required=False)
    breakdown = forms.ChoiceField(
        label=_("Break down by"), choices=Breakdown.CHOICES, required=False
    )

    def __init__(self, data: Any, *, scope: QuerySet[Unit], today: date) -> None:
        last = date(today.year, today.month, 1)
        first = date(last.year - 1, last.month, 1)
        super().__init__(data or None, initial={"first": first, "last": last})
        bands = conventions(month_index(today)).age_bands
        options: dict[str, list[tuple[Any, Any]]] = {
            "committee": [(c.pk, c.name) for c in committees_in_scope(scope)],
            "unit": [(unit.pk, str(unit)) for unit in scope],
            "gender": list(Gender.choices),
            "age_band": [(band, band) for band in bands],
            "born": list(BirthRegion.choices),
        }
        for name, choices in options.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
            field.choices = [("", _("All")), *choices]
        self.defaults = Filters(first=month_index(first), last=month_index(last))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last:
            if first > last:
                self.add_error("last", _("The last month must not come before the first."))
            elif month_index(last) - month_index(first) >= MAX_MONTHS:
                self.add_error("first", _("Choose at most ten years."))
        return cleaned

    def filters(self) -> Filters:
        """The filters asked for, or the last twelve months when the form is empty or wrong."""
        if not self.is_bound or not self.is_valid():
            return self.defaults
        data = self.cleaned_data
        return Filters(
            first=month_index(data["first"]),
            last=month_index(data["last"]),
            committee=data["committee"] or None,
            unit=data["unit"] or None,
            gender=data["gender"],
            age_band=data["age_band"],
            born=data["born"],
            breakdown=data["breakdown"],
        )


class MonthForm(PlainForm):
    """The month of the report to Socialstyrelsen; last month by default (due on the 15th)."""

    month = MonthField(label=_("Month the aid is for"))

    def __init__(self, data: Any, *, today: date) -> None:
        self.default = month_of(month_index(today) - 1)
        super().__init__(data, initial={"month": self.default})

    def chosen(self) -> date:
        if self.is_bound and self.is_valid():
            chosen: date = self.cleaned_data["month"]
            return chosen
        return self.default
