# SPDX-License-Identifier: EUPL-1.2
"""The calculation's input: a household, a month, its costs, incomes and decided adjustments.

Amounts are integers in öre; the JSON contract (docs/schemas/calculation-input.schema.json)
uses kronor and is parsed by `input_parsing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class MemberRole(StrEnum):
    ADULT = "adult"
    CHILD = "child"


REASONABLE_COST_KINDS = (
    "housing",
    "household_electricity",
    "home_insurance",
    "work_travel",
    "union_fee",
    "unemployment_fund_fee",
)
OTHER_LIVING_COST_KINDS = (
    "childcare_fee",
    "dental_care",
    "medicine",
    "healthcare",
    "glasses",
    "other",
)
INCOME_KINDS = (
    "employment",
    "establishment_allowance",
    "child_allowance",
    "housing_allowance",
    "maintenance_support",
    "sickness_benefit",
    "unemployment_benefit",
    "pension",
    "student_aid",
    "other",
)
WORK_INCOME_KIND = "employment"
ADJUSTMENT_KINDS = ("reduction", "special_diet", "raised_norm", "other")
NEGATIVE_ADJUSTMENT_KINDS = frozenset({"reduction"})
POSITIVE_ADJUSTMENT_KINDS = frozenset({"special_diet", "raised_norm"})


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    role: MemberRole
    age: int
    lunch_at_home: bool = True
    in_upper_secondary_school: bool = False
    months_with_income_support: int = 0
    job_stimulus_months_used: int = 0

    @property
    def is_adult(self) -> bool:
        return self.role == MemberRole.ADULT


@dataclass(frozen=True, slots=True)
class OtherLivingCost:
    kind: str
    amount: int


@dataclass(frozen=True, slots=True)
class Income:
    member: str | None
    kind: str
    amount: int
    earned_earlier_this_year: int = 0


@dataclass(frozen=True, slots=True)
class Adjustment:
    kind: str
    amount: int
    reason: str
    legal_basis: str


@dataclass(frozen=True, slots=True)
class CalculationInput:
    month: date  # the first day of the month
    members: tuple[Member, ...]
    municipality: str | None = None
    cohabiting: bool = False
    shared_household_size: int | None = None
    costs: tuple[tuple[str, int], ...] = ()
    other_living_costs: tuple[OtherLivingCost, ...] = ()
    incomes: tuple[Income, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
