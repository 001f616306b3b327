# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.cases.models import CaseStatus
from bistand.cases.search import CaseSearch
from bistand.forms_base import PlainForm


class CaseSearchForm(PlainForm):
    q = forms.CharField(
        label=_("Search"),
        help_text=_("Case number, name, or personal identity number (YYYYMMDD-NNNN)."),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *CaseStatus.choices],
    )

    def search(self) -> CaseSearch:
        """What to look for; an invalid form (a status that does not exist, a text too long)
        looks for nothing and lists every case, with the error shown beside the field."""
        if not self.is_valid():
            return CaseSearch()
        return CaseSearch(text=self.cleaned_data["q"].strip(), status=self.cleaned_data["status"])
