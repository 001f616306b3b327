# SPDX-License-Identifier: EUPL-1.2
"""calculate_month: försörjningsstöd for one household and month, with every line explained.

The one calculation used by the e-service's pre-calculation, the caseworker's decision and,
through the same formulas over arrays, the simulation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bistand.rules.entitlement import entitlement_and_surplus
from bistand.rules.household import WORK_INCOME_KIND, CalculationInput, Member
from bistand.rules.income import job_stimulus_disregard, youth_income_disregard
from bistand.rules.kronor_text import kronor_en, kronor_sv
from bistand.rules.lines import Line, Section
from bistand.rules.month_parameters import MonthParameters, month_parameters
from bistand.rules.norm import adults_amount, child_personal_amount, household_common_amount
from bistand.rules.ops import SCALAR
from bistand.rules.parameters_loader import Rulebook, default_rulebook


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    message: str  # Swedish
    parameter: str
    message_en: str = ""


@dataclass(frozen=True, slots=True)
class CalculationResult:
    input: CalculationInput
    parameters: MonthParameters
    lines: tuple[Line, ...]
    flags: tuple[Flag, ...]
    entitlement: int  # whole kronor
    surplus: int  # whole kronor

    def total(self, *sections: Section) -> int:
        """Sum of the lines in these sections, in öre."""
        return sum(line.amount for line in self.lines if line.section in sections)


def calculate_month(data: CalculationInput, rulebook: Rulebook | None = None) -> CalculationResult:
    p = month_parameters(rulebook or default_rulebook(), data.month, data.municipality)
    lines: list[Line] = []
    _norm_lines(data, p, lines)
    flags = _cost_lines(data, p, lines)
    _income_lines(data, p, lines)
    for adjustment in data.adjustments:
        lines.append(
            Line(
                f"adjustment_{adjustment.kind}",
                Section.ADJUSTMENT,
                adjustment.amount,
                "caseworker_assessment",
                adjustment.legal_basis,
                note=adjustment.reason,
            )
        )
    balance = sum(line.amount for line in lines)
    entitlement, surplus = entitlement_and_surplus(balance=balance, xp=SCALAR)
    return CalculationResult(data, p, tuple(lines), tuple(flags), entitlement, surplus)


def _norm_lines(data: CalculationInput, p: MonthParameters, lines: list[Line]) -> None:
    norm = p.norm
    cite = p.citations["norm_and_reasonable_costs"]
    adults = [m for m in data.members if m.is_adult]
    if data.cohabiting:
        amount = adults_amount(
            adults=2,
            cohabiting=True,
            adult_single=norm.adult_single,
            adults_cohabiting=norm.adults_cohabiting,
            xp=SCALAR,
        )
        lines.append(
            Line(
                "norm_adults_cohabiting",
                Section.NORM,
                amount,
                f"{norm.path}#adults_cohabiting",
                cite,
                member="+".join(a.id for a in adults),
            )
        )
    else:
        for adult in adults:
            lines.append(
                Line(
                    "norm_adult_single",
                    Section.NORM,
                    adults_amount(
                        adults=1,
                        cohabiting=False,
                        adult_single=norm.adult_single,
                        adults_cohabiting=norm.adults_cohabiting,
                        xp=SCALAR,
                    ),
                    f"{norm.path}#adult_single",
                    cite,
                    member=adult.id,
                )
            )
    supplement = p.child_supplement
    for child in data.members:
        if child.is_adult:
            continue
        band = norm.child_band_by_age[child.age]
        lower = not child.lunch_at_home and child.age <= norm.lower_rate_max_age
        table = "children_without_lunch" if lower else "children_with_lunch"
        amount = child_personal_amount(
            age=child.age,
            lunch_at_home=child.lunch_at_home,
            with_lunch=norm.child_with_lunch_by_age,
            without_lunch=norm.child_without_lunch_by_age,
            xp=SCALAR,
        )
        lines.append(
            Line(
                "norm_child",
                Section.NORM,
                amount,
                f"{norm.path}#{table}.{band}",
                cite,
                member=child.id,
                note=f"{child.age} år",
            )
        )
        if supplement is not None and supplement.amount_per_child:
            lines.append(
                Line(
                    "municipal_child_supplement",
                    Section.NORM,
                    supplement.amount_per_child,
                    f"{p.guidelines.path if p.guidelines else ''}#higher_child_norm",
                    supplement.source,
                    member=child.id,
                    note="" if supplement.verified else "giltighet ej verifierad",
                )
            )
    shared = data.shared_household_size or 0
    size = len(data.members)
    common = household_common_amount(
        members=size,
        shared_household_size=shared,
        common_by_size=norm.household_common_by_size,
        common_step=norm.common_step,
        xp=SCALAR,
    )
    whole = shared or size
    largest = len(norm.household_common_by_size) - 1
    parameter = f"{norm.path}#household_common.{min(whole, largest)}"
    if whole > largest:
        parameter += f"+{whole - largest}×step"
    if shared:
        lines.append(
            Line(
                "norm_household_common_share",
                Section.NORM,
                common,
                parameter,
                cite,
                note=f"{size}/{shared}",
            )
        )
    else:
        lines.append(
            Line(
                "norm_household_common",
                Section.NORM,
                common,
                parameter,
                cite,
                note=f"{size} personer",
            )
        )


def _cost_lines(data: CalculationInput, p: MonthParameters, lines: list[Line]) -> list[Flag]:
    flags: list[Flag] = []
    cite = p.citations["norm_and_reasonable_costs"]
    for kind, amount in data.costs:
        if amount:
            lines.append(
                Line(f"cost_{kind}", Section.REASONABLE_COSTS, amount, f"input#costs.{kind}", cite)
            )
    housing = dict(data.costs).get("housing", 0)
    caps = p.housing_caps
    size = data.shared_household_size or len(data.members)
    if caps is not None and caps.by_household_size:
        cap = caps.by_household_size.get(size, caps.by_household_size[max(caps.by_household_size)])
        if housing > cap:
            flags.append(
                Flag(
                    "housing_above_guideline_cap",
                    f"Boendekostnaden {kronor_sv(housing)} är högre än riktlinjens "
                    f"{kronor_sv(cap)} för {size} personer. Pröva skäligheten individuellt; "
                    "beloppet är inte sänkt.",
                    f"{p.guidelines.path if p.guidelines else ''}#housing_cost_caps.{size}",
                    f"Housing cost {kronor_en(housing)} is above the guideline's "
                    f"{kronor_en(cap)} for {size} people. Assess whether it is reasonable; "
                    "the amount is not cut.",
                )
            )
    cite_other = p.citations["economic_aid_right"]
    for item in data.other_living_costs:
        if item.amount:
            lines.append(
                Line(
                    f"other_{item.kind}",
                    Section.OTHER_LIVING_COSTS,
                    item.amount,
                    f"input#other_living_costs.{item.kind}",
                    cite_other,
                )
            )
    return flags


def _income_lines(data: CalculationInput, p: MonthParameters, lines: list[Line]) -> None:
    cite = p.citations["economic_aid_right"]
    work_income: dict[str, int] = defaultdict(int)
    earlier: dict[str, int] = defaultdict(int)
    for income in data.incomes:
        if income.amount:
            lines.append(
                Line(
                    f"income_{income.kind}",
                    Section.INCOME,
                    -income.amount,
                    f"input#incomes.{income.kind}",
                    cite,
                    member=income.member,
                )
            )
        if income.kind == WORK_INCOME_KIND and income.member is not None:
            work_income[income.member] += income.amount
            earlier[income.member] += income.earned_earlier_this_year
    members = {m.id: m for m in data.members}
    for member_id, amount in work_income.items():
        member = members[member_id]
        _job_stimulus_line(member, amount, p, lines)
        _youth_line(member, amount, earlier[member_id], p, lines)


def _job_stimulus_line(member: Member, amount: int, p: MonthParameters, lines: list[Line]) -> None:
    rule = p.job_stimulus
    if rule is None:
        return
    disregard = job_stimulus_disregard(
        employment_income=amount,
        is_adult=member.is_adult,
        months_with_income_support=member.months_with_income_support,
        months_used=member.job_stimulus_months_used,
        qualifying_months=rule.qualifying_months,
        max_months=rule.max_months,
        rate_numerator=rule.disregard_rate.numerator,
        rate_denominator=rule.disregard_rate.denominator,
        xp=SCALAR,
    )
    if disregard:
        lines.append(
            Line(
                "disregard_job_stimulus",
                Section.DISREGARD,
                disregard,
                "job_stimulus#disregard_rate",
                p.citations["job_stimulus"],
                member=member.id,
                note=f"månad {member.job_stimulus_months_used + 1} av {rule.max_months}",
            )
        )


def _youth_line(
    member: Member, amount: int, earlier: int, p: MonthParameters, lines: list[Line]
) -> None:
    rule = p.youth
    if rule is None or not p.youth_annual_allowance:
        return
    disregard = youth_income_disregard(
        work_income=amount,
        is_child=not member.is_adult,
        age=member.age,
        earned_earlier_this_year=earlier,
        annual_allowance=p.youth_annual_allowance,
        age_limit=rule.age_limit,
        xp=SCALAR,
    )
    if disregard:
        remaining = max(p.youth_annual_allowance - earlier, 0) - disregard
        lines.append(
            Line(
                "disregard_youth_income",
                Section.DISREGARD,
                disregard,
                "youth_income_disregard#annual_prisbasbelopp",
                p.citations["youth_income_disregard"],
                member=member.id,
                note=f"kvar av årets fribelopp efter denna månad: {kronor_sv(remaining)}",
            )
        )
