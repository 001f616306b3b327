# SPDX-License-Identifier: EUPL-1.2
"""The rules core's input for a case and month: the household from the case, amounts from the
application as applied for or as the caseworker approved them, and decided adjustments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from bistand.applications.forms import INCOME_FIELDS
from bistand.applications.models import Application
from bistand.cases.models import Case, Relation
from bistand.people.identity_numbers import parse_identity_number
from bistand.rules.household import REASONABLE_COST_KINDS

OTHER_LIVING_COST_FIELDS = ("childcare_fee", "dental_care", "medicine")
AMOUNT_FIELDS = (
    *REASONABLE_COST_KINDS,
    *OTHER_LIVING_COST_FIELDS,
    *(name for name, _label in INCOME_FIELDS),
)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def applied_amounts(application: Application) -> dict[str, Decimal]:
    """What the applicant wrote, per amount field (kronor)."""
    answers = application.answers
    sources = {
        **answers.get("housing", {}),
        **answers.get("incomes", {}),
        **answers.get("needs", {}),
    }
    return {name: Decimal(str(sources.get(name) or 0)) for name in AMOUNT_FIELDS}


def _support_history(case: Case, month: date) -> tuple[int, dict[str, int]]:
    """Consecutive months with försörjningsstöd before `month`, and job-stimulus months used per
    member, from the case's earlier decisions."""
    earlier = list(case.decisions.filter(month__lt=month).order_by("-month"))
    consecutive, expected = 0, month
    for decision in earlier:
        previous = date(expected.year - (expected.month == 1), (expected.month - 2) % 12 + 1, 1)
        if decision.month != previous or decision.granted_amount <= 0:
            break
        consecutive, expected = consecutive + 1, previous
    used: dict[str, int] = {}
    for decision in earlier:
        for line in decision.calculation.get("lines", []):
            if line["code"] == "disregard_job_stimulus" and line["member"]:
                used[line["member"]] = used.get(line["member"], 0) + 1
    return consecutive, used


def calculation_document(
    *,
    case: Case,
    application: Application,
    month: date,
    amounts: dict[str, Decimal],
    adjustments: list[dict[str, Any]],
) -> dict[str, Any]:
    children_answers = {
        c["identity_number"]: c
        for c in application.answers.get("household", {}).get("children", [])
    }
    months_supported, stimulus_used = _support_history(case, month)
    members: list[dict[str, Any]] = []
    ids = {}
    for member in case.members.select_related("person").order_by("relation", "created_at"):
        person = member.person
        birth = parse_identity_number(person.identity_number, today=month).birth_date
        member_id = str(person.pk)
        ids[member.relation] = member_id
        entry: dict[str, Any] = {"id": member_id, "age": age_on(birth, month)}
        if member.relation == Relation.CHILD:
            known = children_answers.get(person.identity_number, {})
            entry.update(
                role="child",
                lunch_at_home=bool(known.get("lunch_at_home", True)),
                in_upper_secondary_school=bool(known.get("in_upper_secondary_school")),
            )
        else:
            entry.update(
                role="adult",
                months_with_income_support=months_supported,
                job_stimulus_months_used=stimulus_used.get(member_id, 0),
            )
        members.append(entry)
    others = int(application.answers.get("household", {}).get("others_in_home") or 0)
    incomes = []
    for name, _label in INCOME_FIELDS:
        amount = amounts.get(name, Decimal(0))
        if not amount:
            continue
        if name in {"employment", "partner_employment"}:
            owner = ids.get(Relation.APPLICANT if name == "employment" else Relation.PARTNER)
            # A salary of someone not in the case still counts, as other income.
            incomes.append(
                {"member": owner, "kind": "employment" if owner else "other", "amount": str(amount)}
            )
        else:
            incomes.append({"member": None, "kind": name, "amount": str(amount)})
    municipality = case.unit.committee.municipality
    return {
        "month": month.strftime("%Y-%m"),
        "municipality": municipality.guidelines or None,
        "members": members,
        "cohabiting": Relation.PARTNER in ids,
        "shared_household_size": len(members) + others if others else None,
        "costs": {kind: str(amounts.get(kind, 0)) for kind in REASONABLE_COST_KINDS},
        "other_living_costs": [
            {"kind": kind, "amount": str(amounts.get(kind, 0))}
            for kind in OTHER_LIVING_COST_FIELDS
            if amounts.get(kind)
        ],
        "incomes": incomes,
        "adjustments": adjustments,
    }
