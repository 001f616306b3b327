# SPDX-License-Identifier: EUPL-1.2
from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.forms_base import PlainForm, date_not_past

MAX_GRANT_DAYS = 365


class ProtectedIdentityGrantForm(PlainForm):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Staff member"))
    reason = forms.CharField(
        label=_("Reason for the need"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
    valid_until = forms.DateField(
        label=_("Valid until (YYYY-MM-DD)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, staff: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user_field = self.fields["user"]
        assert isinstance(user_field, forms.ModelChoiceField)  # noqa: S101 - narrows the type
        user_field.queryset = staff

    def clean_valid_until(self) -> date:
        value = date_not_past(self.cleaned_data["valid_until"])
        if value > timezone.localdate() + timedelta(days=MAX_GRANT_DAYS):
            raise forms.ValidationError(_("A grant can last at most one year."), code="too_long")
        return value
