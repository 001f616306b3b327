"""The vectorised engine gives exactly the scalar result for every household, every year."""

import numpy as np
from hypothesis import given, settings

from bistand.rules.calculation import calculate_month
from bistand.rules.household import CalculationInput
from bistand.rules.lines import Section
from bistand.simulation.columns import population_from_inputs
from bistand.simulation.engine import simulate_month
from tests.simulation.strategies import populations


@settings(max_examples=150, deadline=None)
@given(households=populations())
def test_vector_result_equals_scalar_result(households: list[CalculationInput]) -> None:
    month = households[0].month
    by_municipality: dict[str | None, list[CalculationInput]] = {}
    for data in households:
        by_municipality.setdefault(data.municipality, []).append(data)
    for municipality, group in by_municipality.items():
        vector = simulate_month(population_from_inputs(group), month, municipality)
        scalar = [calculate_month(data) for data in group]
        assert vector.entitlement.tolist() == [r.entitlement for r in scalar]
        assert vector.surplus.tolist() == [r.surplus for r in scalar]
        assert vector.norm_total.tolist() == [r.total(Section.NORM) for r in scalar]
        assert vector.income_disregarded_total.tolist() == [
            r.total(Section.DISREGARD) for r in scalar
        ]
        assert vector.entitlement.dtype == np.int64
