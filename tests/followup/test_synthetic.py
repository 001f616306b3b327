"""The synthetic history and its casework agree with each other: the benchmark's national-size
figures mean something only if the fictional referrals, decisions and cases match the facts."""

from __future__ import annotations

from collections import Counter
from datetime import date

from bistand.followup.synthetic import Codes, Place, history
from bistand.followup.synthetic_casework import CLOSURES, TABLES, Casework, Setting
from bistand.people.identity_numbers import parse_identity_number
from bistand.rules.parameters_loader import default_rulebook
from bistand.rules.statistics import month_index

FIRST = month_index(date(2024, 1, 1))
MONTHS = 24


def _run() -> tuple[dict[str, list[list[str]]], list[int], dict[int, set[str]]]:
    places = [Place(unit_id=10 + n, committee_id=1 + n // 2) for n in range(4)]
    codes = Codes(genders=("M", "K"), born=("sweden", "abroad", "unknown"), barriers=("a", "b"))
    setting = Setting(
        labour_units={1: 100, 2: 200},
        education_providers=(1, 2),
        other_providers=(3,),
        closure_reasons={category: n for n, category in enumerate(CLOSURES, start=1)},
        author="0" * 32,
        outcome="granted",
        signed="signed",
        purpose="income_support",
        sent="sent",
        pending="pending",
    )
    rules = default_rulebook().statistics.at(date(2025, 12, 1))
    assert rules is not None
    decisions = range(FIRST + MONTHS - 3, FIRST + MONTHS)
    work = Casework(setting=setting, places=places, codes=codes, decisions=decisions)
    rows: dict[str, list[list[str]]] = {table: [] for table in TABLES}
    active: list[int] = []
    heads: dict[int, set[str]] = {}
    for pool, month in history(
        first_month=FIRST, months=MONTHS, households=400, places=places, rules=rules, codes=codes
    ):
        active.append(len(month.active))
        heads[month.index] = {
            line.split("\t")[1] for line in month.facts if line.split("\t")[3] == "t"
        }
        for table, lines in work.month(pool, month).items():
            rows[table] += [line.rstrip("\n").split("\t") for line in lines]
    for table, lines in work.finish().items():
        rows[table] += [line.rstrip("\n").split("\t") for line in lines]
    return rows, active, heads


def test_the_casework_matches_the_facts() -> None:
    rows, active, heads = _run()
    assert active == [400] * MONTHS  # every month the same number of households have aid
    for table, columns in TABLES.items():  # every line has a value for every column
        assert {len(row) for row in rows[table]} <= {len(columns.split(", "))}, table
    people = rows["people_person"]
    numbers = [row[1] for row in people]
    assert len(set(numbers)) == len(numbers)  # identity numbers are unique and valid
    assert all(parse_identity_number(n, today=date(2026, 11, 22)) for n in numbers)
    # decisions: one per household with aid in each of the last three months, paid to its head
    decisions = Counter(row[1] for row in rows["decisions_decision"])
    assert sorted(decisions.values()) == [400, 400, 400]
    paid_to = {row[1]: set() for row in rows["payments_paymentorder"]}
    for row in rows["payments_paymentorder"]:
        paid_to[row[1]].add(row[7])
    for month, people_paid in paid_to.items():
        assert people_paid == heads[month_index(date.fromisoformat(month))]
    # referrals: about half the households coming on aid; closed with a reason and a date, or open
    referrals = rows["labour_referral"]
    cases = {row[0]: row for row in rows["cases_case"]}
    assert 0.3 < len(referrals) / len(cases) < 0.9
    for referral in referrals:
        assert referral[4] in cases
        assert referral[6] in ("100", "200")
        if referral[1] == "closed":
            assert referral[9] != "\\N"
            assert referral[14] != "\\N"
            assert referral[9] >= referral[2][:10]  # never closed before it was sent
        else:
            assert referral[1] == "accepted"
            assert referral[9] == "\\N"
    plans = {row[0] for row in rows["labour_actionplan"]}
    assert all(row[6] in plans for row in rows["labour_activity"])
    closed_cases = [row for row in cases.values() if row[2] == "closed"]
    assert closed_cases
    assert all(row[4] != "\\N" and row[9] != "\\N" for row in closed_cases)


def test_every_column_the_database_requires_is_loaded() -> None:
    """The benchmark loads with COPY, past the models' save: a NOT NULL column the casework
    leaves out (as the folded search name once was) fails the load at national size."""
    from django.apps import apps
    from django.db.models import NOT_PROVIDED

    models = {model._meta.db_table: model for model in apps.get_models()}
    for table, columns in TABLES.items():
        loaded = set(columns.split(", "))
        required = {
            field.column
            for field in models[table]._meta.concrete_fields
            if not field.null and field.db_default is NOT_PROVIDED
        }
        assert required <= loaded, (table, required - loaded)
