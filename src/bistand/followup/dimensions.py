# SPDX-License-Identifier: EUPL-1.2
"""The breakdowns a follow-up fact carries for a person in a month: the statistics conventions in
force, the birth region, the age band read from the identity number, and the support barrier."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from bistand.followup.models import BirthRegion
from bistand.investigations.models import InvestigatedAdult
from bistand.people.identity_numbers import IdentityNumberError, parse_identity_number
from bistand.rules.parameters_loader import default_rulebook
from bistand.rules.statistics import StatisticsConventions, age_in_month, month_of

DIMENSIONS = ("committee_id", "unit_id", "gender", "age_band", "born")  # every fact and summary


def conventions(index: int) -> StatisticsConventions:
    found = default_rulebook().statistics.at(month_of(index))
    if found is None:
        raise LookupError(f"no statistics conventions for {month_of(index):%Y-%m}")
    return found


def born(born_in_sweden: bool | None) -> str:
    if born_in_sweden is None:
        return BirthRegion.UNKNOWN
    return BirthRegion.SWEDEN if born_in_sweden else BirthRegion.ABROAD


def birth_date_of(identity_number: str, today: date | None = None) -> date | None:
    """The birth date the number gives (None when it is not valid); `today` saves a clock read
    when called for many people."""
    try:
        return parse_identity_number(
            identity_number, today=today or timezone.localdate()
        ).birth_date
    except IdentityNumberError:
        return None


def age_band_of(
    identity_number: str, index: int, rules: StatisticsConventions, today: date | None = None
) -> str:
    """The person's age band in the month; empty when the number gives no birth date."""
    birth = birth_date_of(identity_number, today)
    return rules.age_band(age_in_month(birth, index)) if birth else ""


def support_barriers_of(
    case_ids: Iterable[UUID] | QuerySet[Any],
) -> dict[tuple[UUID, UUID], str]:
    """(case, adult) -> the support barrier of the latest investigation that recorded one."""
    return {
        (row["investigation__case_id"], row["person_id"]): row["support_barrier"]
        for row in InvestigatedAdult.objects.filter(investigation__case_id__in=case_ids)
        .order_by("investigation__updated_at")
        .values("investigation__case_id", "person_id", "support_barrier")
    }
