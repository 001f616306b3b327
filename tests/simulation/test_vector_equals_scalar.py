"""The vectorised engine gives exactly the scalar result for every household, every year."""

import numpy as np
import pytest
from hypothesis import given, settings

from bistand.rules.calculation import calculate_month
from bistand.rules.household import CalculationInput
from bistand.rules.lines import Section
from bistand.simulation.columns import population_from_inputs
from bistand.simulation.engine import Population, simulate_month
from tests.simulation.strategies import populations


@settings(max_examples=150, deadline=None)
@given(households=populations())
def test_vector_result_equals_scalar_result(households: list[CalculationInput]) -> None:
    month = households[0].month
    by_municipality: dict[str | None, list[CalculationInput]] = {}
    for data in households:
        by_municipality.setdefault(data.municipality, []).append(data)
    for municipality, group in by_municipality.items():
        population = population_from_inputs(group)
        vector = simulate_month(population, month, municipality)
        chunked = simulate_month(population, month, municipality, chunk=3, workers=2)
        for name in (
            "norm_total",
            "income_counted_total",
            "income_disregarded_total",
            "entitlement",
            "surplus",
        ):
            assert np.array_equal(getattr(chunked, name), getattr(vector, name)), name
        scalar = [calculate_month(data) for data in group]
        assert vector.entitlement.tolist() == [r.entitlement for r in scalar]
        assert vector.surplus.tolist() == [r.surplus for r in scalar]
        assert vector.norm_total.tolist() == [r.total(Section.NORM) for r in scalar]
        assert vector.income_disregarded_total.tolist() == [
            r.total(Section.DISREGARD) for r in scalar
        ]
        assert vector.entitlement.dtype == np.int64


def test_columns_are_checked() -> None:
    good = {
        "cohabiting": [False, False],
        "shared_household_size": [0, 0],
        "reasonable_costs": [0, 0],
        "other_living_costs": [0, 0],
        "other_income": [0, 0],
        "adjustments": [0, 0],
        "household": [0, 1],
        "is_adult": [True, True],
        "age": [30, 40],
        "lunch_at_home": [True, True],
        "months_with_income_support": [0, 0],
        "job_stimulus_months_used": [0, 0],
        "employment_income": [0, 0],
        "earned_earlier_this_year": [0, 0],
    }
    assert Population.from_columns(good).size.tolist() == [1, 1]
    for change, message in (
        ({"household": [1, 0]}, "sorted"),
        ({"household": [0, 0]}, "member"),
        ({"age": [30]}, "rows"),
        ({"age": [30.5, 2.0]}, "integers"),
    ):
        with pytest.raises(ValueError, match=message):
            Population.from_columns({**good, **change})
    with pytest.raises(ValueError, match="missing"):
        Population.from_columns({k: v for k, v in good.items() if k != "age"})
