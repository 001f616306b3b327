# SPDX-License-Identifier: EUPL-1.2
import re
from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.digits import digits_ascii
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


MOBILE = re.compile(r"^(?:\+46|0046|0)(7[0-9]{8})$")


class ContactForm(PlainForm):
    """How the person is told that something new is waiting: never what."""

    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Mobile number"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("A Swedish mobile number, for example 070-123 45 67."),
    )

    def clean_phone(self) -> str:
        written = self.cleaned_data["phone"].strip()
        if not written:
            return ""
        digits = re.sub(r"[\s\-()]", "", digits_ascii(written))
        found = MOBILE.match(digits)
        if found is None:
            raise forms.ValidationError(
                _("Write a Swedish mobile number, for example 070-123 45 67."), code="mobile"
            )
        rest = found.group(1)  # 7XXXXXXXX
        return f"0{rest[:2]}-{rest[2:5]} {rest[5:7]} {rest[7:]}"


class ContactCodeForm(PlainForm):
    """The code sent to an address the person gave, written back to confirm it."""

    code = forms.CharField(
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, channel: str, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", channel)
        super().__init__(*args, **kwargs)
        self.fields["code"].label = (
            _("Code from the e-mail") if channel == "email" else _("Code from the SMS")
        )

    def clean_code(self) -> str:
        code = re.sub(r"[\s\-]", "", digits_ascii(self.cleaned_data["code"]))
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(
                _("Write the six digits of the code, for example 123456."), code="digits"
            )
        return code
