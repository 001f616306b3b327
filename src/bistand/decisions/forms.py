# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.amounts import amount_written
from bistand.applications.fields import AmountField
from bistand.applications.forms import INCOME_FIELDS, HousingForm, NeedsForm
from bistand.decisions.calculation_input import AMOUNT_FIELDS
from bistand.decisions.models import FlagGround, RefusalGround, RepaymentGround
from bistand.forms_base import PlainForm

REDUCTION_GROUNDS = [("", _("No reduction")), *FlagGround.choices]


def _label(name: str) -> Any:
    labels = {n: f.label for n, f in {**HousingForm.base_fields, **NeedsForm.base_fields}.items()}
    labels.update(dict(INCOME_FIELDS))
    return labels[name]


class DecisionForm(PlainForm):
    """Approved amounts (prefilled with what was applied for), reasoning and any reduction."""

    approval_reason = forms.CharField(
        label=_("Reason for approving less than the actual cost"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reasoning = forms.CharField(
        label=_("Your individual assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed when anything is refused or reduced: why, for this person."),
    )
    reduction_ground = forms.ChoiceField(
        label=_("Reduction of continued aid"), choices=REDUCTION_GROUNDS, required=False
    )
    reduction_amount = AmountField(label=_("Reduction per month (kr)"))
    acceptable_reason_assessment = forms.CharField(
        label=_("Assessment: did the person have an acceptable reason?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    person_heard_on = forms.DateField(
        label=_("The person was heard on (YYYY-MM-DD)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    refusal_ground = forms.ChoiceField(
        label=_("Refuse the month on a ground outside the calculation"),
        required=False,
        choices=[("", _("No such ground")), *RefusalGround.choices],
    )
    repayment_ground = forms.ChoiceField(
        label=_("On condition of repayment: ground"),
        required=False,
        choices=[("", _("No repayment condition")), *RepaymentGround.choices],
    )
    repayment_capacity = forms.CharField(
        label=_("Assessment: will the person have room to repay?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, applied: dict[str, Decimal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        amount_fields = {}
        for name in AMOUNT_FIELDS:
            written = amount_written(applied[name])
            amount_fields[f"amount_{name}"] = AmountField(
                label=_label(name),
                initial=applied[name],
                help_text=_("Applied for: %(amount)s kr") % {"amount": written},
            )
        self.fields = {**amount_fields, **self.fields}

    def approved(self) -> dict[str, Decimal]:
        return {name: self.cleaned_data[f"amount_{name}"] for name in AMOUNT_FIELDS}
