"""Digits of other scripts read as 0–9 where a number is expected (bistand.digits)."""

from datetime import date

import pytest

from bistand.digits import digits_ascii
from bistand.people.identity_numbers import parse_identity_number

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic, as Arabic keyboards write them
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),  # Eastern Arabic-Indic (Persian, Urdu)
        ("０１２３", "0123"),  # full-width
        ("Hyra ٨٤٥٠ kr", "Hyra 8450 kr"),  # only the digits change
        ("1990", "1990"),
    ],
)
def test_every_scripts_digits_are_read_as_ascii(typed: str, read: str) -> None:
    assert digits_ascii(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "١٩٩٠٠٤١٢-٩٨٢٢",
        "۱۹۹۰۰۴۱۲۹۸۲۲",
        "١٩٩٠٠٤١٢–٩٨٢٢",  # an en dash, as a copied text may have
        "900412−9822",  # a minus sign
    ],
)
def test_an_identity_number_typed_in_arabic_digits_is_the_same_number(typed: str) -> None:
    """Before, '١٩٩٠٠٤١٢-٩٨٢٢' passed the check and was stored as '1990٠٤١٢٩٨٢٢': another
    person than 199004129822, found by no search and matching no one already known."""
    assert parse_identity_number(typed, today=TODAY).digits == "199004129822"
