from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm
from bistand.organisations.models import Unit


class PrepareRunForm(PlainForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    execution_date = forms.DateField(
        label=_("Payment date (YYYY-MM-DD)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows the type
        field.queryset = units
