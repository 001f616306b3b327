# SPDX-License-Identifier: EUPL-1.2
"""Form fields for amounts as people type them: '1 234,50', '1234.50' or '1234'."""

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from bistand.digits import ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR, digits_ascii

MAX_KRONOR = Decimal(10_000_000)
_STORED = re.compile(r"\d+(\.\d{1,2})?")
# An amount as typed, once spaces, "kr" and Arabic digits are read: digits with a decimal comma
# or point. Not "1e308", "NaN" or "Infinity", which Decimal would read.
_TYPED = re.compile(r"-?(\d+([.,]\d*)?|[.,]\d+)")
_KRONOR_DASH = re.compile(r"[:,.]-$")  # "1 250:-", as Swedish price tags write whole kronor


class AmountField(forms.Field):
    """Kronor, at most two decimals, never negative. Empty means 0."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"inputmode": "decimal", "autocomplete": "off", "class": "amount", "maxlength": "20"}
        )

    def to_python(self, value: Any) -> Decimal:
        text = (
            digits_ascii(str(value or ""))
            .replace(ARABIC_THOUSANDS_SEPARATOR, "")
            .replace(ARABIC_DECIMAL_SEPARATOR, ",")
            .strip()
            .replace("\u00a0", "")
            .replace(" ", "")
            .replace("kr", "")
        )
        text = _KRONOR_DASH.sub("", text)
        if not text:
            return Decimal(0)
        if not _TYPED.fullmatch(text):
            raise ValidationError(
                _("Write an amount in kronor, for example 1250 or 1250,50."), code="not_an_amount"
            )
        amount = Decimal(text.replace(",", "."))
        if amount < 0:
            raise ValidationError(_("The amount cannot be negative."), code="negative")
        if amount > MAX_KRONOR:
            raise ValidationError(_("The amount is too large. Check the number."), code="too_large")
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(_("Write at most two decimals (öre)."), code="too_many_decimals")
        return amount

    def validate(self, value: Any) -> None:
        return None

    def prepare_value(self, value: Any) -> Any:
        """Show a stored amount as people write it in the page's language, ungrouped so that it
        is easy to edit: '6900,50' in Swedish and Arabic, '6900.50' in English."""
        if isinstance(value, str) and _STORED.fullmatch(value):
            value = Decimal(value)
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            if value == 0:
                return ""
            return str(value).replace(".", get_format("DECIMAL_SEPARATOR"))
        return value
