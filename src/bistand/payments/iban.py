# SPDX-License-Identifier: EUPL-1.2
"""IBAN check digits (ISO 13616, mod 97)."""

import re

from bistand.digits import digits_ascii

_FORMAT = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")


def iban_normalise(text: str) -> str:
    return re.sub(r"\s+", "", digits_ascii(text)).upper()


def iban_is_valid(text: str) -> bool:
    iban = iban_normalise(text)
    if not _FORMAT.match(iban):
        return False
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    return int(digits) % 97 == 1
