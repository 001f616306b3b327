# SPDX-License-Identifier: EUPL-1.2
"""The vectorised engine: the rules core's formulas over arrays of households.

Built from the same `MonthParameters` and the same formula functions as `calculate_month`
(norm, income, entitlement), called with NumPy's element-wise operations instead of the
scalar ones; only the plumbing (grouping members into households) lives here. A property
test asserts the result equals the scalar one for every household.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
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


CHUNK_HOUSEHOLDS = 131072  # keeps each step's temporaries in the CPU cache
WORKERS = 2


@dataclass(frozen=True)
class Population:
    """Households and their members as columns; members sorted by household. Amounts are öre.
    Integer columns keep the compact types a file holds; arithmetic is done in int64."""

    cohabiting: Bool
    shared_household_size: Any  # 0: not a shared household
    reasonable_costs: Int
    other_living_costs: Int
    other_income: Int  # all income except members' employment income
    adjustments: Int
    household: Any  # per member: index of their household, non-decreasing
    is_adult: Bool
    age: Any
    lunch_at_home: Bool
    months_with_income_support: Any
    job_stimulus_months_used: Any
    employment_income: Int
    earned_earlier_this_year: Int
    size: Int  # members per household
    first_household: int = 0  # index of the first household when this is a slice of a larger one

    @classmethod
    def from_columns(cls, columns: Mapping[str, Any]) -> Population:
        """Build (and check) the arrays from columnar input such as a file's columns."""
        missing = set(HOUSEHOLD_COLUMNS + MEMBER_COLUMNS) - set(columns)
        if missing:
            raise ValueError(f"missing columns: {sorted(missing)}")
        arrays: dict[str, Any] = {}
        for name in HOUSEHOLD_COLUMNS + MEMBER_COLUMNS:
            array = np.asarray(columns[name])
            if name in BOOL_COLUMNS:
                array = array.astype(np.bool_, copy=False)
            elif array.dtype.kind not in "iu":
                raise ValueError(f"column {name} must hold integers")
            arrays[name] = array
        households = len(arrays["cohabiting"])
        members = len(arrays["household"])
        for name in HOUSEHOLD_COLUMNS:
            if len(arrays[name]) != households:
                raise ValueError(f"column {name} has {len(arrays[name])} rows, not {households}")
        for name in MEMBER_COLUMNS:
            if len(arrays[name]) != members:
                raise ValueError(f"column {name} has {len(arrays[name])} rows, not {members}")
        household = arrays["household"]
        if members and (
            household[0] < 0
            or household[-1] >= households
            or bool((household[1:] < household[:-1]).any())
        ):
            raise ValueError("members must be sorted by household and point at existing households")
        size = np.bincount(household, minlength=households)
        if households and not size.all():
            raise ValueError("every household needs at least one member")
        return cls(**arrays, size=size)

    def households(self, start: int, stop: int, first_member: int, end_member: int) -> Population:
        """Households start..stop-1 (and their members) as a population of their own (views)."""
        values: dict[str, Any] = {
            name: getattr(self, name)[start:stop] for name in (*HOUSEHOLD_COLUMNS, "size")
        }
        for name in MEMBER_COLUMNS:
            values[name] = getattr(self, name)[first_member:end_member]
        return Population(**values, first_household=start)


@dataclass(frozen=True)
class PopulationResult:
    norm_total: Int  # öre per household
    income_counted_total: Int
    income_disregarded_total: Int
    entitlement: Int  # whole kronor
    surplus: Int  # whole kronor


def _per_household(population: Population, rows: Int, values: Any) -> Int:
    """Sum member values (for the member rows given) into their households, exactly."""
    households = len(population.size)
    if not len(rows):
        return np.zeros(households, dtype=np.int64)
    # float64 sums are exact below 2**53 öre (90 billion kronor per household).
    index = population.household[rows] - population.first_household
    sums = np.bincount(index, weights=values, minlength=households)
    return sums.astype(np.int64)


def simulate_month(
    population: Population,
    month: date,
    municipality: str | None = None,
    rulebook: Rulebook | None = None,
    *,
    chunk: int = CHUNK_HOUSEHOLDS,
    workers: int = WORKERS,
) -> PopulationResult:
    """Run the month over the population in cache-sized chunks of households, in threads
    (NumPy releases the GIL), and gather the results."""
    p = month_parameters(rulebook or default_rulebook(), month, municipality)
    households = len(population.size)
    bounds = [*range(0, households, chunk), households]
    pieces = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    if len(pieces) <= 1:
        return _simulate(population, p)
    member_bounds = np.searchsorted(population.household, bounds)
    out = {name: np.empty(households, dtype=np.int64) for name in PopulationResult.__annotations__}

    def run(index: int) -> None:
        start, stop = pieces[index]
        result = _simulate(
            population.households(start, stop, member_bounds[index], member_bounds[index + 1]), p
        )
        for name in out:
            out[name][start:stop] = getattr(result, name)

    with ThreadPoolExecutor(max_workers=workers) as executor:
        list(executor.map(run, range(len(pieces))))
    return PopulationResult(**out)


def _simulate(population: Population, p: MonthParameters) -> PopulationResult:
    norm_total = _norm(population, p)
    earners = np.flatnonzero(population.employment_income)
    income = population.employment_income[earners].astype(np.int64)
    disregarded_rows = _disregards(population, p, earners, income)
    disregarded = _per_household(population, earners, disregarded_rows)
    counted = (
        _per_household(population, earners, income - disregarded_rows) + population.other_income
    )
    balance = (
        norm_total
        + population.reasonable_costs.astype(np.int64)
        + population.other_living_costs
        + population.adjustments
        - counted
    )
    entitlement, surplus = entitlement_and_surplus(balance=balance, xp=NUMPY)
    return PopulationResult(norm_total, counted, disregarded, entitlement, surplus)


def _norm(population: Population, p: MonthParameters) -> Int:
    norm = p.norm
    children = np.flatnonzero(~population.is_adult)
    child = child_personal_amount(
        age=population.age[children],
        lunch_at_home=population.lunch_at_home[children],
        with_lunch=np.asarray(norm.child_with_lunch_by_age, dtype=np.int64),
        without_lunch=np.asarray(norm.child_without_lunch_by_age, dtype=np.int64),
        xp=NUMPY,
    )
    if p.child_supplement is not None:
        child = child + p.child_supplement.amount_per_child
    child_total = _per_household(population, children, child)
    child_count = np.bincount(
        population.household[children] - population.first_household, minlength=len(population.size)
    )
    adults = adults_amount(
        adults=population.size - child_count,
        cohabiting=population.cohabiting,
        adult_single=norm.adult_single,
        adults_cohabiting=norm.adults_cohabiting,
        xp=NUMPY,
    )
    common = household_common_amount(
        members=population.size,
        shared_household_size=population.shared_household_size,
        common_by_size=np.asarray(norm.household_common_by_size, dtype=np.int64),
        common_step=norm.common_step,
        xp=NUMPY,
    )
    total: Int = adults + child_total + common
    return total


def _disregards(population: Population, p: MonthParameters, earners: Int, income: Int) -> Int:
    """Per earning member: the employment income not counted (job stimulus + youth rule)."""
    total = np.zeros_like(income)
    is_adult = population.is_adult[earners]
    rule = p.job_stimulus
    if rule is not None:
        total = total + job_stimulus_disregard(
            employment_income=income,
            is_adult=is_adult,
            months_with_income_support=population.months_with_income_support[earners],
            months_used=population.job_stimulus_months_used[earners],
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
            is_child=~is_adult,
            age=population.age[earners],
            earned_earlier_this_year=population.earned_earlier_this_year[earners].astype(np.int64),
            annual_allowance=p.youth_annual_allowance,
            age_limit=youth.age_limit,
            xp=NUMPY,
        )
    return total
