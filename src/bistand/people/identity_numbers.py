# SPDX-License-Identifier: EUPL-1.2
"""Swedish personnummer and samordningsnummer (folkbokföringslagen 18 § and 18 a §).

Pure Python, no Django: the rules of the number itself. Written ÅÅMMDD-NNNK (or with '+'
from the year the person turns 100), stored with the century as 12 digits ÅÅÅÅMMDDNNNK.
K is the modulus-10 ("Luhn") check digit over ÅÅMMDDNNN; a samordningsnummer adds 60 to
the day. Errors carry a stable code and the parameters a translated message needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bistand.digits import DASHES, digits_ascii

COORDINATION_DAY_OFFSET = 60
# ASCII digits only: other scripts' digits are read as them first (bistand.digits).
_PATTERN = re.compile(
    r"^(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})(?P<sep>[-+]?)(?P<nnn>\d{3})(?P<k>\d)$",
    re.ASCII,
)


class IdentityKind(StrEnum):
    PERSONAL = "personnummer"
    COORDINATION = "samordningsnummer"


class IdentityNumberErrorCode(StrEnum):
    FORMAT = "format"
    MONTH = "month"
    DAY = "day"
    FUTURE = "future"
    CHECK_DIGIT = "check_digit"
    SEPARATOR = "separator"


class IdentityNumberError(ValueError):
    """Raised with a stable `code` and `params` naming exactly what is wrong."""

    def __init__(self, code: IdentityNumberErrorCode, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code}: {params}")


@dataclass(frozen=True)
class IdentityNumber:
    digits: str  # 12 digits ÅÅÅÅMMDDNNNK
    kind: IdentityKind
    birth_date: date

    @property
    def is_female(self) -> bool:
        """The last digit of the birth number is even for women and odd for men."""
        return int(self.digits[10]) % 2 == 0

    def formatted(self, today: date) -> str:
        """ÅÅMMDD-NNNK, with '+' from the year the person turns 100."""
        separator = "+" if today.year - self.birth_date.year >= 100 else "-"
        return f"{self.digits[2:8]}{separator}{self.digits[8:]}"

    def __str__(self) -> str:
        return identity_number_written(self.digits)


def identity_number_written(digits: str) -> str:
    """A stored number as people write it with the century, ÅÅÅÅMMDD-NNNK; anything that is not
    12 digits is left as it is."""
    return f"{digits[:8]}-{digits[8:]}" if len(digits) == 12 and digits.isdigit() else digits


def check_digit(nine_digits: str) -> int:
    """The modulus-10 check digit: weights 2,1,2,1,... from the left, digit sum of products."""
    total = 0
    for position, char in enumerate(nine_digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def parse_identity_number(text: str, *, today: date) -> IdentityNumber:
    """Parse and validate, inferring the century of a 10-digit form relative to `today`."""
    cleaned = digits_ascii(text).translate(DASHES).strip().replace(" ", "")
    match = _PATTERN.match(cleaned)
    if match is None:
        raise IdentityNumberError(IdentityNumberErrorCode.FORMAT, value=text)
    yy, mm, dd = int(match["yy"]), int(match["mm"]), int(match["dd"])
    kind = IdentityKind.PERSONAL
    if dd > COORDINATION_DAY_OFFSET:
        kind = IdentityKind.COORDINATION
        dd -= COORDINATION_DAY_OFFSET
    if not 1 <= mm <= 12:
        raise IdentityNumberError(IdentityNumberErrorCode.MONTH, month=match["mm"])
    if match["century"] is not None:
        if match["sep"] == "+":
            raise IdentityNumberError(IdentityNumberErrorCode.SEPARATOR)
        year = int(match["century"]) * 100 + yy
    else:
        year = _infer_year(yy, mm, dd, centenarian=match["sep"] == "+", today=today)
    try:
        birth_date = date(year, mm, dd)
    except ValueError:
        raise IdentityNumberError(
            IdentityNumberErrorCode.DAY, day=match["dd"], month=match["mm"], year=year
        ) from None
    if birth_date > today:
        raise IdentityNumberError(IdentityNumberErrorCode.FUTURE, date=birth_date.isoformat())
    nine = f"{yy:02d}{match['mm']}{match['dd']}{match['nnn']}"
    expected = check_digit(nine)
    if expected != int(match["k"]):
        raise IdentityNumberError(IdentityNumberErrorCode.CHECK_DIGIT, given=match["k"])
    digits = f"{year:04d}{match['mm']}{match['dd']}{match['nnn']}{match['k']}"
    return IdentityNumber(digits=digits, kind=kind, birth_date=birth_date)


def _infer_year(yy: int, mm: int, dd: int, *, centenarian: bool, today: date) -> int:
    """The latest year ending in `yy` whose date is not after today (100 years earlier for '+')."""
    year = today.year - (today.year - yy) % 100
    if year == today.year and (mm, dd) > (today.month, today.day):
        year -= 100
    if centenarian:
        year -= 100
    return year


def compose_identity_number(
    birth_date: date, birth_number: int, *, coordination: bool = False
) -> str:
    """The 12-digit number for a date and a 3-digit birth number, with its check digit."""
    day = birth_date.day + (COORDINATION_DAY_OFFSET if coordination else 0)
    nine = f"{birth_date.year % 100:02d}{birth_date.month:02d}{day:02d}{birth_number:03d}"
    return f"{birth_date.year // 100:02d}{nine}{check_digit(nine)}"
