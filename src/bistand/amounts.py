# SPDX-License-Identifier: EUPL-1.2
"""Amounts in kronor as the page's language writes them: '12 360', '1 234,50', '−6 000' in
Swedish, the same in Arabic (config/formats/ar), '12,360' in English.

The filters are template builtins (settings TEMPLATES), so every page writes amounts one way:
`{{ value|amount }}` for a figure in a column headed with its unit, `{{ value|kr }}` for an amount
in running text. A non-breaking space groups the thousands and joins the unit, so an amount is
never broken over two lines, and in right-to-left text it stays one number."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

register = template.Library()

MINUS = "\u2212"
NO_BREAK = "\u00a0"


def amount_written(value: Any, places: int | None = None) -> str:
    """Whole kronor without decimals and anything else with two (öre), unless `places` is given
    (2 in payment lists); a true minus sign. A value that is not a number is returned as it is,
    and None as an empty string."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not amount.is_finite():
        return str(value)
    if places is None:
        places = 0 if amount == amount.to_integral_value() else 2
    written = number_format(abs(amount), decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{MINUS}{written}" if amount < 0 else written


@register.filter
def amount(value: Any, places: int | None = None) -> str:
    """The figure alone, for a column whose heading names the unit."""
    return amount_written(value, places)


@register.filter
def kr(value: Any, places: int | None = None) -> str:
    """The figure with its unit, for running text: '12 360 kr'."""
    written = amount_written(value, places)
    if not written:
        return ""
    # Translators: an amount of money in Swedish kronor; keep %(amount)s.
    return (gettext("%(amount)s kr") % {"amount": written}).replace(" ", NO_BREAK)
