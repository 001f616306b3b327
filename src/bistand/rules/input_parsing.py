# SPDX-License-Identifier: EUPL-1.2
"""The JSON contract → CalculationInput, reporting every problem with its JSON path in one go.

Schema: docs/schemas/calculation-input.schema.json. Amounts are kronor with at most two
decimals; `age` is whole years on the first day of the month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from bistand.rules.household import (
    ADJUSTMENT_KINDS,
    INCOME_KINDS,
    NEGATIVE_ADJUSTMENT_KINDS,
    OTHER_LIVING_COST_KINDS,
    POSITIVE_ADJUSTMENT_KINDS,
    REASONABLE_COST_KINDS,
    WORK_INCOME_KIND,
    Adjustment,
    CalculationInput,
    Income,
    Member,
    MemberRole,
    OtherLivingCost,
)
from bistand.rules.parameters_loader import ORE_PER_KRONA, HouseholdComposition, default_rulebook

MAX_AGE = 130
COUPLE = 2  # a couple is two adults; any other adult in the home is their own case
MAX_AMOUNT_KRONOR = Decimal(10_000_000)
MEMBER_ROLES = tuple(MemberRole)
ROLE_BY_NAME = {str(role): role for role in MemberRole}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
TOP_KEYS = {
    "month",
    "municipality",
    "members",
    "cohabiting",
    "shared_household_size",
    "costs",
    "other_living_costs",
    "incomes",
    "adjustments",
}
MEMBER_KEYS = {
    "id",
    "role",
    "age",
    "lunch_at_home",
    "in_upper_secondary_school",
    "months_with_income_support",
    "job_stimulus_months_used",
}


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    code: str
    message: str


class InvalidInputError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: str, code: str, message: str) -> None:
        self.problems.append(Problem(path, code, message))

    def keys(self, path: str, value: Any, allowed: set[str], required: set[str]) -> bool:
        if not isinstance(value, dict):
            self.problem(path, "not_an_object", "must be an object")
            return False
        if value.keys() <= allowed and required <= value.keys():
            return True
        for key in sorted(set(value) - allowed):
            self.problem(f"{path}.{key}", "unknown_field", f"unknown field '{key}'")
        for key in sorted(required - set(value)):
            self.problem(f"{path}.{key}", "required", "is required")
        return True

    def boolean(self, path: str, value: Any, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(path, "not_a_boolean", "must be true or false")
            return default
        return value

    def integer(self, path: str, value: Any, low: int, high: int, default: int = 0) -> int:
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, "not_an_integer", "must be a whole number")
            return default
        if not low <= value <= high:
            self.problem(path, "out_of_range", f"must be between {low} and {high}")
            return default
        return value

    def amount(self, path: str, value: Any, *, signed: bool = False) -> int:
        """Kronor (at most two decimals) → öre."""
        if type(value) is int and (signed or value >= 0) and abs(value) <= MAX_AMOUNT_KRONOR:
            return value * ORE_PER_KRONA  # whole kronor, the usual case: no Decimal needed
        kronor = _finite_decimal(value)
        if kronor is None:
            self.problem(path, "not_an_amount", "must be an amount in kronor, e.g. 1250 or 1250.50")
            return 0
        # The range first: rounding 1e308 to öre exceeds Decimal's precision and raises.
        if (not signed and kronor < 0) or abs(kronor) > MAX_AMOUNT_KRONOR:
            self.problem(
                path,
                "out_of_range",
                "must not be negative" if kronor < 0 else "is unreasonably large",
            )
            return 0
        if kronor != kronor.quantize(Decimal("0.01")):
            self.problem(
                path, "too_many_decimals", "must be kronor with at most two decimals (öre)"
            )
            return 0
        return int(kronor * ORE_PER_KRONA)

    def text(self, path: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            self.problem(path, "required", "must be a non-empty text")
            return ""
        return value.strip()

    def choice(self, path: str, value: Any, choices: tuple[str, ...]) -> str:
        if value not in choices:
            self.problem(path, "unknown_kind", f"must be one of: {', '.join(choices)}")
            return choices[-1]
        return str(value)

    def items(self, path: str, value: Any) -> list[tuple[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, "not_a_list", "must be a list")
            return []
        return [(f"{path}[{index}]", item) for index, item in enumerate(value)]


def _finite_decimal(value: Any) -> Decimal | None:
    """A JSON number or a numeric text as a Decimal; None for anything else, "NaN" and
    "Infinity" included."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        kronor = Decimal(str(value))
    except InvalidOperation:
        return None
    return kronor if kronor.is_finite() else None


def parse_calculation_input(raw: Any) -> CalculationInput:
    """Parse the JSON document; raises InvalidInputError listing every problem."""
    r = _Reader()
    if not r.keys("$", raw, TOP_KEYS, {"month", "members"}):
        raise InvalidInputError(r.problems)
    month = _month(r, raw.get("month"))
    municipality = raw.get("municipality")
    if municipality is not None and not isinstance(municipality, str):
        r.problem("$.municipality", "not_a_text", "must be a municipality key such as 'stockholm'")
        municipality = None
    composition = (
        default_rulebook().composition.at(month) or default_rulebook().composition.values[0]
    )
    members = _members(r, raw.get("members"), composition)
    cohabiting = r.boolean("$.cohabiting", raw.get("cohabiting"), False)
    shared = raw.get("shared_household_size")
    shared_size = None if shared is None else r.integer("$.shared_household_size", shared, 1, 99, 0)
    _household_shape(r, members, cohabiting, shared_size)
    ids = {m.id for m in members}
    result = CalculationInput(
        month=month,
        members=tuple(members),
        municipality=municipality,
        cohabiting=cohabiting,
        shared_household_size=shared_size or None,
        costs=_costs(r, raw.get("costs")),
        other_living_costs=tuple(
            OtherLivingCost(
                r.choice(f"{path}.kind", (item or {}).get("kind"), OTHER_LIVING_COST_KINDS),
                r.amount(f"{path}.amount", (item or {}).get("amount")),
            )
            for path, item in r.items("$.other_living_costs", raw.get("other_living_costs"))
            if r.keys(path, item, {"kind", "amount"}, {"kind", "amount"})
        ),
        incomes=tuple(_incomes(r, raw.get("incomes"), ids)),
        adjustments=tuple(_adjustments(r, raw.get("adjustments"))),
    )
    if r.problems:
        raise InvalidInputError(r.problems)
    return result


def _month(r: _Reader, value: Any) -> date:
    match = _MONTH.match(value) if isinstance(value, str) else None
    if match is None or not 1 <= int(match[2]) <= 12:
        r.problem("$.month", "not_a_month", "must be a month written YYYY-MM, e.g. 2026-03")
        return date(2000, 1, 1)
    return date(int(match[1]), int(match[2]), 1)


def _members(r: _Reader, value: Any, rules: HouseholdComposition) -> list[Member]:
    entries = r.items("$.members", value)
    if not entries and isinstance(value, list):
        r.problem("$.members", "empty", "must list at least one member")
    members: list[Member] = []
    seen: set[str] = set()
    for path, item in entries:
        if not r.keys(path, item, MEMBER_KEYS, {"id", "role", "age"}):
            continue
        member_id = r.text(f"{path}.id", item.get("id"))
        if member_id in seen:
            r.problem(f"{path}.id", "duplicate", f"the id '{member_id}' is used twice")
        seen.add(member_id)
        role = r.choice(f"{path}.role", item.get("role"), MEMBER_ROLES)
        age = r.integer(f"{path}.age", item.get("age"), 0, MAX_AGE, 30)
        school = r.boolean(
            f"{path}.in_upper_secondary_school", item.get("in_upper_secondary_school"), False
        )
        if role == MemberRole.CHILD and age > rules.child_max_age:
            r.problem(
                f"{path}.age",
                "child_too_old",
                f"a child is at most {rules.child_max_age}; a person aged {age} is an adult with "
                "their own case",
            )
        elif role == MemberRole.CHILD and age >= rules.school_youth_min_age and not school:
            r.problem(
                f"{path}.in_upper_secondary_school",
                "youth_not_in_school",
                f"a {age}-year-old counts in the parents' household only while in "
                "upper-secondary school; otherwise the person is their own case",
            )
        if role == MemberRole.ADULT and age < rules.adult_min_age:
            r.problem(
                f"{path}.age",
                "adult_too_young",
                f"an adult is at least {rules.adult_min_age}; list a younger person as a child",
            )
        members.append(
            Member(
                id=member_id,
                role=ROLE_BY_NAME[role],
                age=age,
                lunch_at_home=r.boolean(f"{path}.lunch_at_home", item.get("lunch_at_home"), True),
                in_upper_secondary_school=school,
                months_with_income_support=r.integer(
                    f"{path}.months_with_income_support",
                    item.get("months_with_income_support"),
                    0,
                    1200,
                ),
                job_stimulus_months_used=r.integer(
                    f"{path}.job_stimulus_months_used",
                    item.get("job_stimulus_months_used"),
                    0,
                    1200,
                ),
            )
        )
    return members


def _household_shape(
    r: _Reader, members: list[Member], cohabiting: bool, shared_size: int | None
) -> None:
    adults = sum(1 for m in members if m.is_adult)
    if members and adults == 0:
        r.problem("$.members", "no_adult", "a household needs at least one adult")
    if adults > COUPLE:
        r.problem(
            "$.members",
            "too_many_adults",
            "at most two adults (a couple); other adults in the home are their own case "
            "with shared_household_size",
        )
    if adults == COUPLE and not cohabiting:
        r.problem(
            "$.cohabiting",
            "two_adults_not_a_couple",
            "two adults in one case must be a couple (cohabiting: true); otherwise each is "
            "their own case with shared_household_size",
        )
    if cohabiting and adults != COUPLE and members:
        r.problem("$.cohabiting", "cohabiting_needs_two_adults", "a couple needs two adult members")
    if shared_size is not None and shared_size and shared_size <= len(members):
        r.problem(
            "$.shared_household_size",
            "not_shared",
            f"must be larger than the {len(members)} members of this case (the whole "
            "household, including people who are not in the case)",
        )


def _costs(r: _Reader, value: Any) -> tuple[tuple[str, int], ...]:
    if value is None:
        return ()
    if not r.keys("$.costs", value, set(REASONABLE_COST_KINDS), set()):
        return ()
    return tuple(
        (kind, r.amount(f"$.costs.{kind}", value[kind]))
        for kind in REASONABLE_COST_KINDS
        if kind in value
    )


def _incomes(r: _Reader, value: Any, ids: set[str]) -> list[Income]:
    incomes = []
    for path, item in r.items("$.incomes", value):
        if not r.keys(
            path, item, {"member", "kind", "amount", "earned_earlier_this_year"}, {"kind", "amount"}
        ):
            continue
        member = item.get("member")
        kind = r.choice(f"{path}.kind", item.get("kind"), INCOME_KINDS)
        if member is not None and (not isinstance(member, str) or member not in ids):
            r.problem(f"{path}.member", "unknown_member", f"no member has the id '{member}'")
            member = None
        if kind == WORK_INCOME_KIND and item.get("member") is None:
            r.problem(
                f"{path}.member", "required", "employment income must name the member who earned it"
            )
        incomes.append(
            Income(
                member=member,
                kind=kind,
                amount=r.amount(f"{path}.amount", item.get("amount")),
                earned_earlier_this_year=r.amount(
                    f"{path}.earned_earlier_this_year", item.get("earned_earlier_this_year", 0)
                ),
            )
        )
    return incomes


def _adjustments(r: _Reader, value: Any) -> list[Adjustment]:
    adjustments = []
    for path, item in r.items("$.adjustments", value):
        if not r.keys(
            path,
            item,
            {"kind", "amount", "reason", "legal_basis"},
            {"kind", "amount", "reason", "legal_basis"},
        ):
            continue
        kind = r.choice(f"{path}.kind", item.get("kind"), ADJUSTMENT_KINDS)
        amount = r.amount(f"{path}.amount", item.get("amount"), signed=True)
        if kind in NEGATIVE_ADJUSTMENT_KINDS and amount >= 0:
            r.problem(
                f"{path}.amount", "reduction_not_negative", "a reduction is a negative amount"
            )
        if kind in POSITIVE_ADJUSTMENT_KINDS and amount <= 0:
            r.problem(
                f"{path}.amount", "raise_not_positive", f"a {kind} adjustment is a positive amount"
            )
        adjustments.append(
            Adjustment(
                kind,
                amount,
                r.text(f"{path}.reason", item.get("reason")),
                r.text(f"{path}.legal_basis", item.get("legal_basis")),
            )
        )
    return adjustments
