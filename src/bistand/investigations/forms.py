from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm
from bistand.investigations.models import Consent
from bistand.organisations.models import Committee


class HomeVisitForm(PlainForm):
    purpose = forms.CharField(
        label=_("Why does this case need a home visit?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    consent = forms.ChoiceField(
        label=_("The person's answer"),
        choices=Consent.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    consent_asked_on = forms.DateField(
        label=_("Asked on (YYYY-MM-DD)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    carried_out_on = forms.DateField(
        label=_("Visit carried out on (YYYY-MM-DD)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    notes = forms.CharField(
        label=_("What the visit showed"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvestigationForm(PlainForm):
    household = forms.CharField(
        label=_("Household"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    housing = forms.CharField(
        label=_("Housing"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    incomes = forms.CharField(
        label=_("Incomes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    assets = forms.CharField(
        label=_("Assets"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    other_needs = forms.CharField(
        label=_("Other needs found"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class VerificationForm(PlainForm):
    what = forms.CharField(label=_("What was checked"), max_length=300)
    source = forms.CharField(label=_("Against which document or source"), max_length=300)
    result = forms.CharField(label=_("Result"), max_length=300, required=False)
    checked_on = forms.DateField(
        label=_("Checked on (YYYY-MM-DD)"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ReferralForm(PlainForm):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.all(), label=_("The committee responsible for the need")
    )
    note = forms.CharField(label=_("The need"), widget=forms.Textarea(attrs={"rows": 2}))
