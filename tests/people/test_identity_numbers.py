"""Personnummer and samordningsnummer (folkbokföringslagen 18 §, 18 a §).

Worked examples from ../shared/reference/identity-numbers.md (Skatteverket's rules).
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from bistand.people.identity_numbers import (
    IdentityKind,
    IdentityNumberError,
    IdentityNumberErrorCode,
    check_digit,
    compose_identity_number,
    parse_identity_number,
)
from bistand.people.validators import identity_number_clean

TODAY = date(2026, 11, 22)


def test_worked_example_personnummer_640823_3234() -> None:
    # identity-numbers.md: "640823-323? → digit sum 36 → K = 4, so 640823-3234"
    assert check_digit("640823323") == 4
    parsed = parse_identity_number("640823-3234", today=TODAY)
    assert parsed.digits == "196408233234"
    assert parsed.kind == IdentityKind.PERSONAL
    assert not parsed.is_female


def test_worked_example_samordningsnummer_701063_2391() -> None:
    # identity-numbers.md: "a man born 1970-10-03 with individnummer 239 → 701063-2391"
    parsed = parse_identity_number("701063-2391", today=TODAY)
    assert parsed.kind == IdentityKind.COORDINATION
    assert parsed.birth_date == date(1970, 10, 3)
    assert compose_identity_number(date(1970, 10, 3), 239, coordination=True) == "197010632391"


def test_century_is_inferred_and_plus_means_a_hundred_years_more() -> None:
    assert parse_identity_number("121212-1212", today=TODAY).birth_date == date(2012, 12, 12)
    assert parse_identity_number("121212+1212", today=TODAY).birth_date == date(1912, 12, 12)
    assert parse_identity_number("19121212-1212", today=TODAY).birth_date == date(1912, 12, 12)
    # born later in the year than today, two-digit year equal to this year's: last century
    assert parse_identity_number("261224-" + _tail("261224"), today=TODAY).birth_date.year == 1926


def _tail(yymmdd: str, nnn: str = "123") -> str:
    return nnn + str(check_digit(yymmdd + nnn))


birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@given(birth=birth_dates, birth_number=st.integers(0, 999), coordination=st.booleans())
def test_composed_numbers_are_valid(birth: date, birth_number: int, coordination: bool) -> None:
    number = compose_identity_number(birth, birth_number, coordination=coordination)
    parsed = parse_identity_number(number, today=TODAY)
    assert parsed.digits == number
    assert parsed.birth_date == birth
    assert parsed.kind == (IdentityKind.COORDINATION if coordination else IdentityKind.PERSONAL)
    assert parsed.is_female == (birth_number % 2 == 0)


@given(
    birth=birth_dates,
    birth_number=st.integers(0, 999),
    coordination=st.booleans(),
    position=st.integers(2, 11),
    delta=st.integers(1, 9),
)
def test_every_single_digit_change_fails(
    birth: date, birth_number: int, coordination: bool, position: int, delta: int
) -> None:
    """Any one of the ten digits ÅÅMMDDNNNK changed makes the number invalid."""
    number = compose_identity_number(birth, birth_number, coordination=coordination)
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    with pytest.raises(IdentityNumberError):
        parse_identity_number(changed, today=TODAY)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hello", IdentityNumberErrorCode.FORMAT),
        ("19641323-3234", IdentityNumberErrorCode.MONTH),
        ("19650230-1230", IdentityNumberErrorCode.DAY),
        ("20991231-1234", IdentityNumberErrorCode.FUTURE),
        ("640823-3235", IdentityNumberErrorCode.CHECK_DIGIT),
        ("19640823+3234", IdentityNumberErrorCode.SEPARATOR),
    ],
)
def test_each_error_names_what_is_wrong(text: str, code: IdentityNumberErrorCode) -> None:
    with pytest.raises(IdentityNumberError) as error:
        parse_identity_number(text, today=TODAY)
    assert error.value.code == code


def test_validation_message_is_in_swedish_by_default() -> None:
    with pytest.raises(ValidationError) as error:
        identity_number_clean("640823-3235")
    assert error.value.code == "identity_number_check_digit"
    assert "sista siffran" in str(error.value.messages[0]).lower()


def test_tomorrow_is_in_the_future() -> None:
    tomorrow = TODAY + timedelta(days=1)
    number = compose_identity_number(tomorrow, 123)
    with pytest.raises(IdentityNumberError) as error:
        parse_identity_number(number, today=TODAY)
    assert error.value.code == IdentityNumberErrorCode.FUTURE
