# SPDX-License-Identifier: EUPL-1.2
"""The pre-calculation's few steps: household, costs, incomes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.applications.forms import HousingForm, IncomesForm
from bistand.forms_base import PlainForm, children_formset
from bistand.rules.parameters_loader import CHILD_MAX_AGE, default_rulebook


class PrecalcHouseholdForm(PlainForm):
    living = forms.ChoiceField(
        label=_("Who do you live with?"),
        widget=forms.RadioSelect,
        choices=[
            ("alone", _("Alone, or only with my children")),
            ("partner", _("With my spouse or partner")),
            ("shared", _("With other adults who are not my partner")),
        ],
    )
    shared_household_size = forms.IntegerField(
        label=_("If you share the home: how many people live there in all, you included?"),
        min_value=2,
        max_value=30,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("living") == "shared" and not data.get("shared_household_size"):
            self.add_error(
                "shared_household_size", _("Write how many people live in the home, you included.")
            )
        return data


class ChildAgeForm(PlainForm):
    age = forms.IntegerField(label=_("Child's age"), min_value=0, max_value=CHILD_MAX_AGE)
    lunch_at_home = forms.BooleanField(
        label=_("Eats lunch at home on weekdays (not at preschool)"), required=False, initial=True
    )
    in_upper_secondary_school = forms.BooleanField(
        label=_("Goes to upper-secondary school (for children aged 19 or 20)"), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        composition = default_rulebook().composition.at(timezone.localdate())
        youth_age = composition.school_youth_min_age if composition else CHILD_MAX_AGE
        if (data.get("age") or 0) >= youth_age and not data.get("in_upper_secondary_school"):
            self.add_error(
                "in_upper_secondary_school",
                _(
                    "A child aged 19 or 20 counts in your household only while in upper-secondary "
                    "school. Otherwise they can apply on their own."
                ),
            )
        return data


def child_age_formset(data: Any = None, *, initial: list[dict[str, Any]], extra: int = 0) -> Any:
    return children_formset(ChildAgeForm, data, initial=initial, extra=extra)


class PrecalcCostsForm(HousingForm):
    housing_type = None  # type: ignore[assignment]


class PrecalcIncomesForm(IncomesForm):
    pass
