# SPDX-License-Identifier: EUPL-1.2
"""Everything the calculation needs for one month and municipality, read once and cached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bistand.rules.parameters_loader import (
    ChildNormSupplement,
    HousingCostCaps,
    JobStimulus,
    MunicipalGuidelines,
    NationalNorm,
    Rulebook,
    YouthIncomeDisregard,
)


class NormYearMissingError(LookupError):
    """The month's year has no national norm table loaded."""

    code = "norm_year_missing"

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"No national norm (riksnorm) table is loaded for {year}. An administrator must add "
            f"src/bistand/rules/parameters/national_norm/{year}.yaml with the {year} amounts from "
            "socialtjänstförordningen (2001:937) 2 kap. 1 § and their source before months in "
            f"{year} can be calculated."
        )


class UnknownMunicipalityError(LookupError):
    code = "municipality_unknown"


@dataclass(frozen=True)
class MonthParameters:
    month: date
    norm: NationalNorm
    job_stimulus: JobStimulus | None
    youth: YouthIncomeDisregard | None
    youth_annual_allowance: int  # öre; 0 when the rule is not in force
    prisbasbelopp_source: str
    guidelines: MunicipalGuidelines | None
    child_supplement: ChildNormSupplement | None
    housing_caps: HousingCostCaps | None
    citations: dict[str, str]  # rule → provision in force this month
    law: str  # the Socialtjänstlag in force this month


_cache: dict[tuple[int, date, str | None], MonthParameters] = {}


def month_parameters(rulebook: Rulebook, month: date, municipality: str | None) -> MonthParameters:
    key = (id(rulebook), month, municipality)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    norm = rulebook.norms.get(month.year)
    if norm is None:
        raise NormYearMissingError(month.year)
    guidelines = None
    if municipality is not None:
        guidelines = rulebook.municipalities.get(municipality)
        if guidelines is None:
            raise UnknownMunicipalityError(municipality)
    youth = rulebook.youth_income_disregard.at(month)
    pbb = rulebook.prisbasbelopp.at(month)
    allowance = 0
    if youth is not None and pbb is not None and pbb.value > 0:
        allowance = int(pbb.value * youth.annual_prisbasbelopp)
    result = MonthParameters(
        month=month,
        norm=norm,
        job_stimulus=rulebook.job_stimulus.at(month),
        youth=youth,
        youth_annual_allowance=allowance,
        prisbasbelopp_source=pbb.source if pbb else "",
        guidelines=guidelines,
        child_supplement=guidelines.higher_child_norm.at(month) if guidelines else None,
        housing_caps=guidelines.housing_cost_caps.at(month) if guidelines else None,
        citations={rule: rulebook.legal.cite(rule, month) for rule in rulebook.legal.rules},
        law=rulebook.legal.law_at(month).code,
    )
    _cache[key] = result
    return result
