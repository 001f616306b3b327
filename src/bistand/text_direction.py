# SPDX-License-Identifier: EUPL-1.2
"""Swedish references inside right-to-left pages.

A legal reference such as "12 kap. 7 § SoL (2025:400)" or a date written 2026-11-23 is
left-to-right text. Set in an Arabic sentence or table cell, the Unicode bidirectional algorithm
splits it at its spaces and hyphens, and the reader sees "kap. 7 § SoL (2025:400) 12" or
"23-11-2026". `{{ value|ltr }}` isolates it as one left-to-right run (`<bdi dir="ltr">`), which
browsers and WeasyPrint both honour; in a left-to-right page it changes nothing. A template
builtin (settings TEMPLATES), like the amount filters."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def ltr(value: Any) -> SafeString | str:
    if value is None or value == "":
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', value)
