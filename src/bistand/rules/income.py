# SPDX-License-Identifier: EUPL-1.2
"""Income rules: all income counts, with two statutory disregards.

Job stimulus: SoL (2025:400) 12 kap. 8 § / SoL (2001:453) 4 kap. 1 b §.
Youth work income: SoL (2025:400) 12 kap. 9 § / SoL (2001:453) 4 kap. 1 a §.
"""

from typing import Any

from bistand.rules.ops import Ops


def job_stimulus_disregard(
    *,
    employment_income: Any,
    is_adult: Any,
    months_with_income_support: Any,
    months_used: Any,
    qualifying_months: int,
    max_months: int,
    rate_numerator: int,
    rate_denominator: int,
    xp: Ops,
) -> Any:
    """The part of an adult's employment income not counted (rounded down to whole öre)."""
    eligible = (
        is_adult & (months_with_income_support >= qualifying_months) & (months_used < max_months)
    )
    return xp.where(eligible, employment_income * rate_numerator // rate_denominator, 0)


def youth_income_disregard(
    *,
    work_income: Any,
    is_child: Any,
    age: Any,
    earned_earlier_this_year: Any,
    annual_allowance: int,
    age_limit: int,
    xp: Ops,
) -> Any:
    """The part of a child's or school youth's work income not counted this month: up to what
    remains of the calendar year's allowance (one prisbasbelopp) after earlier months."""
    remaining = xp.maximum(annual_allowance - earned_earlier_this_year, 0)
    return xp.where(is_child & (age < age_limit), xp.minimum(work_income, remaining), 0)
