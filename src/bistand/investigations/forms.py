from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm
from bistand.investigations.models import Consent


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
