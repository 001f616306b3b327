# SPDX-License-Identifier: EUPL-1.2
"""Columns from calculation inputs: the bridge from the JSON contract to a population."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bistand.rules.household import WORK_INCOME_KIND, CalculationInput
from bistand.simulation.engine import Population


def population_from_inputs(inputs: Sequence[CalculationInput]) -> Population:
    columns: dict[str, list[int]] = defaultdict(list)
    for index, data in enumerate(inputs):
        columns["cohabiting"].append(data.cohabiting)
        columns["shared_household_size"].append(data.shared_household_size or 0)
        columns["reasonable_costs"].append(sum(amount for _kind, amount in data.costs))
        columns["other_living_costs"].append(sum(item.amount for item in data.other_living_costs))
        columns["adjustments"].append(sum(item.amount for item in data.adjustments))
        work: dict[str, int] = defaultdict(int)
        earlier: dict[str, int] = defaultdict(int)
        other_income = 0
        for income in data.incomes:
            if income.kind == WORK_INCOME_KIND and income.member is not None:
                work[income.member] += income.amount
                earlier[income.member] += income.earned_earlier_this_year
            else:
                other_income += income.amount
        columns["other_income"].append(other_income)
        for member in data.members:
            columns["household"].append(index)
            columns["is_adult"].append(member.is_adult)
            columns["age"].append(member.age)
            columns["lunch_at_home"].append(member.lunch_at_home)
            columns["months_with_income_support"].append(member.months_with_income_support)
            columns["job_stimulus_months_used"].append(member.job_stimulus_months_used)
            columns["employment_income"].append(work[member.id])
            columns["earned_earlier_this_year"].append(earlier[member.id])
    return Population.from_columns(columns)
