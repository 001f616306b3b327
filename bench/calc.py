# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the calculation: scalar households/s (with explanation lines) and vectorised
households/s at 10 000, 100 000 and 1 000 000 households, peak memory, and the ratio to a NumPy
memory-copy floor of the same input and output measured in the same run.

Run: .venv/bin/python bench/calc.py   (the last line is one JSON object)
"""

from __future__ import annotations

import json
import time
import tracemalloc
from datetime import date
from typing import Any

import numpy as np

from bistand.rules.calculation import calculate_month
from bistand.rules.household import CalculationInput, Income, Member, MemberRole
from bistand.simulation.engine import Population, simulate_month

MONTH = date(2026, 3, 1)
SIZES = (10_000, 100_000, 1_000_000)
SCALAR_HOUSEHOLDS = 20_000
REPEATS = 9


def columnar_input(households: int, seed: int = 7) -> dict[str, np.ndarray]:
    """A synthetic population as columns, in the compact types a file would hold."""
    rng = np.random.default_rng(seed)
    # An assumed caseload mix, roughly the national one: most households are single adults
    # without children (not verified against Socialstyrelsen's tables; about 2.0 members each).
    kind = rng.choice(4, households, p=[0.58, 0.20, 0.06, 0.16])
    adults = np.where(kind >= 2, 2, 1).astype(np.int8)
    family_children = rng.choice(
        np.array([1, 2, 3, 4, 5], dtype=np.int8), households, p=[0.35, 0.33, 0.18, 0.08, 0.06]
    )
    children = np.where(kind % 2 == 1, family_children, 0).astype(np.int8)
    size = adults + children
    members = int(size.sum())
    household = np.repeat(np.arange(households, dtype=np.int32), size)
    starts = np.concatenate(([0], np.cumsum(size)[:-1]))
    position = np.arange(members) - np.repeat(starts, size)
    is_adult = position < np.repeat(adults, size)
    age = np.where(is_adult, rng.integers(18, 70, members), rng.integers(0, 19, members))
    return {
        "cohabiting": adults == 2,
        "shared_household_size": np.where(rng.random(households) < 0.05, size + 2, 0).astype(
            np.int16
        ),
        "reasonable_costs": rng.integers(0, 1_200_000, households, dtype=np.int32),
        "other_living_costs": rng.integers(0, 50_000, households, dtype=np.int32),
        "other_income": rng.integers(0, 600_000, households, dtype=np.int32),
        "adjustments": np.zeros(households, dtype=np.int32),
        "household": household,
        "is_adult": is_adult,
        "age": age.astype(np.int8),
        "lunch_at_home": rng.random(members) < 0.7,
        "months_with_income_support": rng.integers(0, 30, members, dtype=np.int16),
        "job_stimulus_months_used": rng.integers(0, 30, members, dtype=np.int16),
        "employment_income": np.where(
            rng.random(members) < 0.2, rng.integers(0, 1_500_000, members), 0
        ).astype(np.int32),
        "earned_earlier_this_year": rng.integers(0, 3_000_000, members, dtype=np.int32),
    }


def scalar_inputs(count: int) -> list[CalculationInput]:
    columns = columnar_input(count, seed=11)
    inputs: list[CalculationInput] = []
    household = columns["household"]
    bounds = np.searchsorted(household, np.arange(count + 1))
    for index in range(count):
        members, incomes = [], []
        for row in range(bounds[index], bounds[index + 1]):
            adult = bool(columns["is_adult"][row])
            member_id = f"m{row - bounds[index]}"
            members.append(
                Member(
                    member_id,
                    MemberRole.ADULT if adult else MemberRole.CHILD,
                    int(columns["age"][row]),
                    bool(columns["lunch_at_home"][row]),
                    False,
                    int(columns["months_with_income_support"][row]),
                    int(columns["job_stimulus_months_used"][row]),
                )
            )
            if columns["employment_income"][row]:
                incomes.append(
                    Income(member_id, "employment", int(columns["employment_income"][row]))
                )
        incomes.append(Income(None, "child_allowance", int(columns["other_income"][index])))
        inputs.append(
            CalculationInput(
                month=MONTH,
                members=tuple(members),
                municipality="stockholm",
                cohabiting=bool(columns["cohabiting"][index]),
                costs=(("housing", int(columns["reasonable_costs"][index])),),
                incomes=tuple(incomes),
            )
        )
    return inputs


def best_of(function: Any, repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def copy_floor(columns: dict[str, np.ndarray], households: int) -> float:
    """Copy every input column and write five int64 output columns: the memory traffic floor."""

    def run() -> None:
        for array in columns.values():
            array.copy()
        for _ in range(5):
            np.empty(households, dtype=np.int64).fill(0)

    return best_of(run)


def main() -> None:
    inputs = scalar_inputs(SCALAR_HOUSEHOLDS)
    calculate_month(inputs[0])  # warm the parameter cache
    scalar_seconds = best_of(lambda: [calculate_month(data) for data in inputs], 3)
    lines = sum(len(calculate_month(data).lines) for data in inputs[:1000]) / 1000
    scalar_rate = SCALAR_HOUSEHOLDS / scalar_seconds
    print(
        f"scalar: {SCALAR_HOUSEHOLDS} households in {scalar_seconds * 1000:.1f} ms = "
        f"{scalar_rate:,.0f} households/s ({1e6 / scalar_rate:.1f} µs each, "
        f"{lines:.1f} explanation lines per household)"
    )

    vector_rate = ratio = peak_mib = 0.0
    for households in SIZES:
        columns = columnar_input(households)
        members = len(columns["household"])

        def run(columns: dict[str, np.ndarray] = columns) -> None:
            simulate_month(Population.from_columns(columns), MONTH, "stockholm")

        seconds = best_of(run)
        floor = copy_floor(columns, households)
        rate = households / seconds
        tracemalloc.start()
        run()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(
            f"vector: {households:>9,} households ({members:,} members) in "
            f"{seconds * 1000:8.1f} ms = {rate / 1e6:6.2f} M households/s; copy floor "
            f"{floor * 1000:6.1f} ms, ratio {seconds / floor:5.1f}x; peak {peak:7.1f} MiB"
        )
        vector_rate, ratio, peak_mib = rate, seconds / floor, peak
    print(
        json.dumps(
            {
                "scalar_households_per_second": round(scalar_rate),
                "vector_households_per_second": round(vector_rate),
                "copy_floor_ratio": round(ratio, 2),
                "peak_memory_mib": round(peak_mib, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
