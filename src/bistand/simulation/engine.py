# SPDX-License-Identifier: EUPL-1.2
"""The vectorised engine: the rules core's formulas over arrays of households.

Built from the same `MonthParameters` and the same formula functions as `calculate_month`
(norm, income, entitlement), called with NumPy's element-wise operations instead of the
scalar ones; only the plumbing (grouping members into households) lives here. A property
test asserts the result equals the scalar one for every household.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from bistand.rules.entitlement import entitlement_and_surplus
from bistand.rules.income import job_stimulus_disregard, youth_income_disregard
from bistand.rules.month_parameters import MonthParameters, month_parameters
from bistand.rules.norm import adults_amount, child_personal_amount, household_common_amount
from bistand.rules.parameters_loader import Rulebook, default_rulebook

Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]


class NumpyOps:
    where = staticmethod(np.where)
    minimum = staticmethod(np.minimum)
    maximum = staticmethod(np.maximum)


NUMPY = NumpyOps()

HOUSEHOLD_COLUMNS = (
    "cohabiting",
    "shared_household_size",
    "reasonable_costs",
    "other_living_costs",
    "other_income",
    "adjustments",
)
MEMBER_COLUMNS = (
    "household",
    "is_adult",
    "age",
    "lunch_at_home",
    "months_with_income_support",
    "job_stimulus_months_used",
    "employment_income",
    "earned_earlier_this_year",
)
BOOL_COLUMNS = frozenset({"cohabiting", "is_adult", "lunch_at_home"})


@dataclass(frozen=True)
class Population:
    """Households and their members as columns; members sorted by household. Amounts in öre."""

    cohabiting: Bool
    shared_household_size: Int  # 0: not a shared household
    reasonable_costs: Int
    other_living_costs: Int
    other_income: Int  # all income except members' employment income
    adjustments: Int
    household: Int  # per member: index of their household, non-decreasing
    is_adult: Bool
    age: Int
    lunch_at_home: Bool
    months_with_income_support: Int
    job_stimulus_months_used: Int
    employment_income: Int
    earned_earlier_this_year: Int

    @classmethod
    def from_columns(cls, columns: Mapping[str, Any]) -> Population:
        """Build (and check) the arrays from columnar input such as a file's columns."""
        missing = set(HOUSEHOLD_COLUMNS + MEMBER_COLUMNS) - set(columns)
        if missing:
            raise ValueError(f"missing columns: {sorted(missing)}")
        arrays: dict[str, Any] = {
            name: np.asarray(columns[name], dtype=np.bool_ if name in BOOL_COLUMNS else np.int64)
            for name in HOUSEHOLD_COLUMNS + MEMBER_COLUMNS
        }
        households = len(arrays["cohabiting"])
        members = len(arrays["household"])
        for name in HOUSEHOLD_COLUMNS:
            if len(arrays[name]) != households:
                raise ValueError(f"column {name} has {len(arrays[name])} rows, not {households}")
        for name in MEMBER_COLUMNS:
            if len(arrays[name]) != members:
                raise ValueError(f"column {name} has {len(arrays[name])} rows, not {members}")
        household: Int = arrays["household"]
        if members and (
            household[0] < 0
            or household[-1] >= households
            or bool(np.any(household[1:] < household[:-1]))
        ):
            raise ValueError("members must be sorted by household and point at existing households")
        return cls(**arrays)


@dataclass(frozen=True)
class PopulationResult:
    norm_total: Int  # öre per household
    income_counted_total: Int
    income_disregarded_total: Int
    entitlement: Int  # whole kronor
    surplus: Int  # whole kronor


def simulate_month(
    population: Population,
    month: date,
    municipality: str | None = None,
    rulebook: Rulebook | None = None,
) -> PopulationResult:
    p = month_parameters(rulebook or default_rulebook(), month, municipality)
    households = len(population.cohabiting)
    size = np.bincount(population.household, minlength=households)
    if bool(np.any(size == 0)):
        raise ValueError("every household needs at least one member")
    starts = np.concatenate(([0], np.cumsum(size)[:-1]))

    def per_household(values: Int) -> Int:
        return np.add.reduceat(values, starts)

    norm_total = _norm(population, p, size, per_household)
    disregarded = _disregards(population, p)
    counted = per_household(population.employment_income - disregarded) + population.other_income
    balance = (
        norm_total
        + population.reasonable_costs
        + population.other_living_costs
        + population.adjustments
        - counted
    )
    entitlement, surplus = entitlement_and_surplus(balance=balance, xp=NUMPY)
    return PopulationResult(norm_total, counted, per_household(disregarded), entitlement, surplus)


def _norm(population: Population, p: MonthParameters, size: Int, per_household: Any) -> Int:
    norm = p.norm
    is_child = ~population.is_adult
    child_age = np.where(is_child, population.age, 0)
    child = child_personal_amount(
        age=child_age,
        lunch_at_home=population.lunch_at_home,
        with_lunch=np.asarray(norm.child_with_lunch_by_age, dtype=np.int64),
        without_lunch=np.asarray(norm.child_without_lunch_by_age, dtype=np.int64),
        xp=NUMPY,
    )
    if p.child_supplement is not None:
        child = child + p.child_supplement.amount_per_child
    children = per_household(np.where(is_child, child, 0))
    adult_count = per_household(population.is_adult.astype(np.int64))
    adults = adults_amount(
        adults=adult_count,
        cohabiting=population.cohabiting,
        adult_single=norm.adult_single,
        adults_cohabiting=norm.adults_cohabiting,
        xp=NUMPY,
    )
    common = household_common_amount(
        members=size,
        shared_household_size=population.shared_household_size,
        common_by_size=np.asarray(norm.household_common_by_size, dtype=np.int64),
        common_step=norm.common_step,
        xp=NUMPY,
    )
    total: Int = adults + children + common
    return total


def _disregards(population: Population, p: MonthParameters) -> Int:
    income = population.employment_income
    total = np.zeros_like(income)
    rule = p.job_stimulus
    if rule is not None:
        total = total + job_stimulus_disregard(
            employment_income=income,
            is_adult=population.is_adult,
            months_with_income_support=population.months_with_income_support,
            months_used=population.job_stimulus_months_used,
            qualifying_months=rule.qualifying_months,
            max_months=rule.max_months,
            rate_numerator=rule.disregard_rate.numerator,
            rate_denominator=rule.disregard_rate.denominator,
            xp=NUMPY,
        )
    youth = p.youth
    if youth is not None and p.youth_annual_allowance:
        total = total + youth_income_disregard(
            work_income=income,
            is_child=~population.is_adult,
            age=population.age,
            earned_earlier_this_year=population.earned_earlier_this_year,
            annual_allowance=p.youth_annual_allowance,
            age_limit=youth.age_limit,
            xp=NUMPY,
        )
    return total
