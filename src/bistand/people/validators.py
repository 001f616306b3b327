# SPDX-License-Identifier: EUPL-1.2
"""Django face of the identity-number rules: translated messages naming what is wrong."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.people.identity_numbers import (
    IdentityNumber,
    IdentityNumberError,
    IdentityNumberErrorCode,
    parse_identity_number,
)

MESSAGES = {
    IdentityNumberErrorCode.FORMAT: _(
        "“%(value)s” is not a personal identity number. Write it as YYYYMMDD-NNNN or YYMMDD-NNNN."
    ),
    IdentityNumberErrorCode.MONTH: _("The month “%(month)s” does not exist; it must be 01–12."),
    IdentityNumberErrorCode.DAY: _(
        "The day “%(day)s” does not exist in month %(month)s of %(year)s "
        "(for a coordination number, add 60 to the day)."
    ),
    IdentityNumberErrorCode.FUTURE: _("The date of birth %(date)s is in the future."),
    IdentityNumberErrorCode.CHECK_DIGIT: _(
        "The last digit (%(given)s) does not match the others. Check the number for a typing error."
    ),
    IdentityNumberErrorCode.SEPARATOR: _(
        "A '+' is only used with the short form (YYMMDD+NNNN) for people aged 100 or more."
    ),
}


def identity_number_clean(value: str) -> IdentityNumber:
    try:
        return parse_identity_number(value, today=timezone.localdate())
    except IdentityNumberError as error:
        raise ValidationError(
            MESSAGES[error.code], code=f"identity_number_{error.code}", params=error.params
        ) from error


def validate_identity_number(value: str) -> None:
    identity_number_clean(value)
