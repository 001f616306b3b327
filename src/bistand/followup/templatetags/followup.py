# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal
from fractions import Fraction

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

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


@register.simple_tag
def cell(value: object, threshold: int) -> SafeString | str:
    """A figure, or the mark of one too small to show (a tag, not an include: the page has
    thousands of cells)."""
    if value is None:
        return format_html('<abbr title="{}">&lt;{}</abbr>', gettext("Too few to show"), threshold)
    return figure(value)
