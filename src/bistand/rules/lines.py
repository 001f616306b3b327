# SPDX-License-Identifier: EUPL-1.2
"""Explanation lines: each krona of the result with its rule, parameter and provision."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from bistand.rules.yaml_strict import load_yaml


class Section(StrEnum):
    NORM = "norm"
    REASONABLE_COSTS = "reasonable_costs"
    OTHER_LIVING_COSTS = "other_living_costs"
    INCOME = "income"
    DISREGARD = "income_disregarded"
    ADJUSTMENT = "adjustment"


@dataclass(frozen=True, slots=True)
class Line:
    code: str
    section: Section
    amount: int  # öre, signed: what the line adds to (+) or takes from (−) the entitlement
    parameter: str  # where the amount or rule comes from, e.g. "national_norm/2026#adult_single"
    legal_reference: str
    member: str | None = None
    note: str = ""


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    data = load_yaml(Path(__file__).parent / "labels.yaml")
    return {str(code): {"sv": entry["sv"], "en": entry["en"]} for code, entry in data.items()}
