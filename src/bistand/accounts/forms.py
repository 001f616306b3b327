# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.conf import settings
from django.contrib.auth import user_login_failed
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from bistand.accounts.models import STAFF_ROLES


class StaffLoginForm(AuthenticationForm):
    """Password plus a TOTP code from the staff member's authenticator app."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "not_staff": _("This login is for staff. Applicants log in with e-identification."),
        "otp_required": _("Enter the six-digit code from your authenticator app."),
        "otp_invalid": _("The code is wrong or has expired. Enter the code your app shows now."),
    }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.otp_device = None
        if not settings.BISTAND_STAFF_OTP_REQUIRED:
            self.fields["otp_token"].help_text = _("Not needed in the development environment.")

    def confirm_login_allowed(self, user):  # type: ignore[no-untyped-def]
        super().confirm_login_allowed(user)
        if user.role not in STAFF_ROLES:
            raise ValidationError(self.error_messages["not_staff"], code="not_staff")
        if not settings.BISTAND_STAFF_OTP_REQUIRED:
            return
        token = (self.cleaned_data.get("otp_token") or "").strip()
        if not token:
            self._otp_failed()
            raise ValidationError(self.error_messages["otp_required"], code="otp_required")
        device = match_token(user, token)
        if device is None:
            self._otp_failed()
            raise ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")
        self.otp_device = device

    def _otp_failed(self) -> None:
        # Count a wrong second factor as a failed login, so django-axes throttles it too.
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.cleaned_data.get("username")},
            request=self.request,
        )
