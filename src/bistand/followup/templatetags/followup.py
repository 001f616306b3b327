# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal
from fractions import Fraction

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value: object) -> str:
    """Counts as whole numbers, amounts in kronor, shares as per cent with one decimal."""
    if isinstance(value, Fraction):
        return f"{number_format(round(float(value) * 100, 1), 1)} %"
    if isinstance(value, Decimal):
        places = 0 if value == value.to_integral_value() else 1
        return number_format(value, places, use_l10n=True, force_grouping=True)
    if isinstance(value, int):
        return number_format(value, 0, use_l10n=True, force_grouping=True)
    return str(value)
