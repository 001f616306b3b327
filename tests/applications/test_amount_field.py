"""Amounts as people type them are read; what is not an amount gets a message, never an error
page (Decimal reads "1e308", "NaN" and "Infinity", and rounding 1e308 to öre fails)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bistand.applications.fields import AmountField
from tests.factories import World, client_for


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("", Decimal(0)),
        ("1250", Decimal(1250)),
        ("1 250", Decimal(1250)),
        ("1\u00a0250,50", Decimal("1250.50")),
        ("1250.5", Decimal("1250.5")),
        ("1 250 kr", Decimal(1250)),
        ("1 250:-", Decimal(1250)),
        ("1250,-", Decimal(1250)),
        ("1250,", Decimal(1250)),
        (",50", Decimal("0.50")),
        ("١٢٥٠٫٥٠", Decimal("1250.50")),  # as an Arabic keyboard writes it
    ],
)
def test_an_amount_is_read_as_typed(typed: str, read: Decimal) -> None:
    assert AmountField().clean(typed) == read


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1e308", "not_an_amount"),
        ("1e3", "not_an_amount"),
        ("NaN", "not_an_amount"),
        ("Infinity", "not_an_amount"),
        ("sju tusen", "not_an_amount"),
        ("1,2,3", "not_an_amount"),
        ("-", "not_an_amount"),
        ("-5", "negative"),
        ("10000000,01", "too_large"),
        ("9" * 400, "too_large"),
        ("12,345", "too_many_decimals"),
    ],
)
def test_what_is_not_an_amount_is_refused_with_its_reason(typed: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        AmountField().clean(typed)
    assert refused.value.code == code


@pytest.mark.django_db
def test_a_number_in_exponent_form_gets_a_message_on_the_step(world: World) -> None:
    step = reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
    )
    answer = client_for(world.applicant).post(
        step, {"housing_type": "rental", "housing": "1e308", "household_electricity": "350"}
    )
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Skriv ett belopp i kronor, till exempel 1250 eller 1250,50." in html
    assert 'value="1e308"' in html  # kept as typed
    assert 'value="350"' in html
