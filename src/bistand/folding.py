# SPDX-License-Identifier: EUPL-1.2
"""Names as people search for them. A caseworker types "Asa" or "ÅSA" for Åsa, "Nguyen" for
Nguyễn, "Jose" for José, "Alhassan" or "Al Hassan" for Al-Hassan: the stored name and what is typed
are both folded (case, accents and the marks of letters, hyphens and apostrophes) before they are
compared, in the same way on every database. Pure Python, no Django."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th", "ħ": "h"}
)
# Marks inside a name, left out: "Al-Hassan", "O'Brien", "N. N.".
_JOINERS = str.maketrans(dict.fromkeys("-\u2010\u2011\u2012\u2013\u2212'\u2019\u02bc`.", ""))


def name_folded(*parts: str) -> str:
    """The parts (a first and a last name, or one typed word) as one text: lower case, without
    accents, marks, hyphens or apostrophes; words one space apart."""
    decomposed = unicodedata.normalize("NFKD", " ".join(parts).casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.translate(_LETTERS).translate(_JOINERS).split())
