# SPDX-License-Identifier: EUPL-1.2
"""Amounts are written as the page's language writes them, and what a page shows adds up."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bistand.amounts import amount_written, kr
from tests.factories import World

NB = "\u00a0"


@pytest.mark.parametrize(
    ("language", "value", "written"),
    [
        ("sv", 12360, f"12{NB}360"),
        ("sv", Decimal("12220.00"), f"12{NB}220"),
        ("sv", Decimal("1234.5"), f"1{NB}234,50"),
        ("sv", -6000, f"\u22126{NB}000"),
        ("sv", 950, "950"),
        ("sv", "1250.75", f"1{NB}250,75"),
        ("ar", 1234567, f"1{NB}234{NB}567"),
        ("ar", Decimal("1234.5"), f"1{NB}234,50"),
        ("en", 12360, "12,360"),
        ("en", Decimal("1234.5"), "1,234.50"),
    ],
)
def test_an_amount_is_grouped_as_the_language_writes_it(
    language: str, value: object, written: str
) -> None:
    with translation.override(language):
        assert amount_written(value) == written


def test_payment_lists_keep_their_ore_and_what_is_not_a_number_is_left_as_it_is() -> None:
    with translation.override("sv"):
        assert amount_written(Decimal("9000"), 2) == f"9{NB}000,00"
        assert amount_written(None) == ""
        assert amount_written("okänt") == "okänt"
        assert kr(None) == ""


def test_the_unit_follows_the_language_and_never_breaks_from_its_figure() -> None:
    with translation.override("sv"):
        assert kr(12360) == f"12{NB}360{NB}kr"
    with translation.override("ar"):
        assert kr(12360) == f"12{NB}360{NB}كرونة"


def _figure(text: str) -> Decimal:
    """A figure as the Swedish and Arabic pages write it, back to a number."""
    return Decimal(text.replace(NB, "").replace(",", ".").replace("\u2212", "-"))


def _pre_calculation(client: Client, rent: str) -> str:
    client.post(
        reverse("precalc:household"),
        {
            "living": "partner",
            "children-TOTAL_FORMS": "2",
            "children-INITIAL_FORMS": "0",
            "children-MIN_NUM_FORMS": "0",
            "children-MAX_NUM_FORMS": "12",
            "children-0-age": "9",
            "children-1-age": "3",
        },
    )
    client.post(reverse("precalc:costs"), {"housing": rent})
    client.post(reverse("precalc:incomes"), {"employment": "6000,50", "child_allowance": "2500"})
    return client.get(reverse("precalc:result")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "headline"), [("sv", "ungefär"), ("ar", "حوالي")])
def test_the_pre_calculation_lines_add_up_to_the_amount_it_announces(
    world: World, language: str, headline: str
) -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    html = _pre_calculation(client, rent="9200")
    announced = re.search(rf"{headline} <strong>([\d{NB}]+) ", html)
    assert announced is not None, html
    cells = re.findall(r'<td class="num">([^<]+)</td>', html)
    lines, result = [_figure(cell) for cell in cells[:-1]], _figure(cells[-1])
    assert any(line < 0 for line in lines)  # the incomes, with a true minus sign
    assert any(line != line.to_integral_value() for line in lines)  # the öre of the salary
    # Every figure over a thousand is grouped; the lines add up to the result, which rounds
    # (halves up) to the amount announced above the table.
    assert all(NB in cell for cell, line in zip(cells, lines, strict=False) if abs(line) >= 1000)
    total = sum(lines, Decimal(0))
    assert result == int((total + Decimal("0.5")) // 1)
    assert _figure(announced.group(1)) == result > 1000
    # Each line names the paragraph behind it, kept in its order on the Arabic page too.
    laws = re.findall(r'<td class="muted"><bdi dir="ltr">([^<]+)</bdi></td>', html)
    assert len(laws) == len(lines)
    assert all(re.fullmatch(r"\d+ kap\. \d+ § [^()]+\(\d{4}:\d+\)", law) for law in laws), laws
