# SPDX-License-Identifier: EUPL-1.2
"""Numbers as people type them. An Arabic or Persian keyboard, and many phones set to Arabic,
write the digits ٠١٢٣٤٥٦٧٨٩ or ۰۱۲۳۴۵۶۷۸۹: the same number, which a personal identity number,
a code, an amount or an account number must read as 0–9 before it is checked, stored or
compared. Pure Python, no Django."""

from __future__ import annotations

import unicodedata

ARABIC_DECIMAL_SEPARATOR = "\u066b"  # ٫
ARABIC_THOUSANDS_SEPARATOR = "\u066c"  # ٬
# Dashes a keyboard or a copied text may put between the date and the birth number.
DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d", "-"))


def digits_ascii(text: str) -> str:
    """Every decimal digit of any script as its ASCII digit; everything else as it is."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )
