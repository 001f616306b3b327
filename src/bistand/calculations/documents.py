# SPDX-License-Identifier: EUPL-1.2
"""From the e-service's answers to the rules core's JSON contract."""

from __future__ import annotations

from datetime import date
from typing import Any

from bistand.applications.forms import INCOME_FIELDS
from bistand.rules.household import REASONABLE_COST_KINDS

ADULT_AGE_UNKNOWN = 30  # the norm does not depend on an adult's age


def precalculation_document(
    *,
    month: date,
    municipality: str | None,
    household: dict[str, Any],
    costs: dict[str, Any],
    incomes: dict[str, Any],
) -> dict[str, Any]:
    living = household.get("living", "alone")
    members: list[dict[str, Any]] = [{"id": "you", "role": "adult", "age": ADULT_AGE_UNKNOWN}]
    if living == "partner":
        members.append({"id": "partner", "role": "adult", "age": ADULT_AGE_UNKNOWN})
    for index, child in enumerate(household.get("children", [])):
        members.append(
            {
                "id": f"child{index + 1}",
                "role": "child",
                "age": child["age"],
                "lunch_at_home": bool(child.get("lunch_at_home")),
                "in_upper_secondary_school": bool(child.get("in_upper_secondary_school")),
            }
        )
    income_list = []
    for name, _label in INCOME_FIELDS:
        amount = incomes.get(name) or "0"
        if name == "partner_employment":
            if living == "partner":
                income_list.append({"member": "partner", "kind": "employment", "amount": amount})
            continue
        income_list.append(
            {"member": "you" if name == "employment" else None, "kind": name, "amount": amount}
        )
    return {
        "month": month.strftime("%Y-%m"),
        "municipality": municipality,
        "members": members,
        "cohabiting": living == "partner",
        "shared_household_size": household.get("shared_household_size")
        if living == "shared"
        else None,
        "costs": {kind: costs.get(kind) or "0" for kind in REASONABLE_COST_KINDS},
        "other_living_costs": [
            {"kind": "childcare_fee", "amount": costs.get("childcare_fee") or "0"}
        ],
        "incomes": [i for i in income_list if i["amount"] not in ("0", "0.00")],
    }
