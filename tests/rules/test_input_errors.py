"""Every input error: exit status 2 from the CLI, every problem at once with its JSON path."""

import io
import json
from typing import Any

import pytest

from bistand.rules.cli import main
from bistand.rules.input_parsing import InvalidInputError, parse_calculation_input
from tests.rules.helpers import adult, child

VALID: dict[str, Any] = {"month": "2026-03", "members": [adult()]}


def _problems(document: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInputError) as error:
        parse_calculation_input(document)
    return [(p.path, p.code) for p in error.value.problems]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"month": "2026-13"}, ("$.month", "not_a_month")),
        ({"month": 202603}, ("$.month", "not_a_month")),
        ({"members": []}, ("$.members", "empty")),
        ({"members": "a"}, ("$.members", "not_a_list")),
        ({"extra": 1}, ("$.extra", "unknown_field")),
        ({"members": [adult(), adult("a")], "cohabiting": True}, ("$.members[1].id", "duplicate")),
        (
            {"members": [{"id": "a", "role": "parent", "age": 30}]},
            ("$.members[0].role", "unknown_kind"),
        ),
        ({"members": [{"id": "a", "role": "adult"}]}, ("$.members[0].age", "required")),
        ({"members": [adult(age=-1)]}, ("$.members[0].age", "out_of_range")),
        ({"members": [adult(age=16)]}, ("$.members[0].age", "adult_too_young")),
        ({"members": [adult(), child("c", 22)]}, ("$.members[1].age", "child_too_old")),
        (
            {"members": [adult(), child("c", 19)]},
            ("$.members[1].in_upper_secondary_school", "youth_not_in_school"),
        ),
        (
            {"members": [adult(lunch_at_home="yes")]},
            ("$.members[0].lunch_at_home", "not_a_boolean"),
        ),
        ({"members": [child("c", 5)]}, ("$.members", "no_adult")),
        (
            {"members": [adult("a"), adult("b"), adult("c")], "cohabiting": True},
            ("$.members", "too_many_adults"),
        ),
        ({"members": [adult("a"), adult("b")]}, ("$.cohabiting", "two_adults_not_a_couple")),
        ({"cohabiting": True}, ("$.cohabiting", "cohabiting_needs_two_adults")),
        ({"shared_household_size": 1}, ("$.shared_household_size", "not_shared")),
        ({"costs": {"rent": 100}}, ("$.costs.rent", "unknown_field")),
        ({"costs": {"housing": -5}}, ("$.costs.housing", "out_of_range")),
        ({"costs": {"housing": 10.005}}, ("$.costs.housing", "too_many_decimals")),
        ({"costs": {"housing": "lots"}}, ("$.costs.housing", "not_an_amount")),
        # Rounding these to öre would exceed Decimal's precision: the range is checked first.
        ({"costs": {"housing": 1e308}}, ("$.costs.housing", "out_of_range")),
        ({"costs": {"housing": "-1e308"}}, ("$.costs.housing", "out_of_range")),
        ({"costs": {"housing": "NaN"}}, ("$.costs.housing", "not_an_amount")),
        ({"costs": {"housing": "-Infinity"}}, ("$.costs.housing", "not_an_amount")),
        (
            {"incomes": [{"member": {"id": "a"}, "kind": "pension", "amount": 1}]},
            ("$.incomes[0].member", "unknown_member"),
        ),
        (
            {"other_living_costs": [{"kind": "holiday", "amount": 1}]},
            ("$.other_living_costs[0].kind", "unknown_kind"),
        ),
        (
            {"incomes": [{"member": "x", "kind": "pension", "amount": 1}]},
            ("$.incomes[0].member", "unknown_member"),
        ),
        ({"incomes": [{"kind": "employment", "amount": 1}]}, ("$.incomes[0].member", "required")),
        (
            {"incomes": [{"member": "a", "kind": "lottery", "amount": 1}]},
            ("$.incomes[0].kind", "unknown_kind"),
        ),
        (
            {
                "adjustments": [
                    {"kind": "reduction", "amount": 500, "reason": "r", "legal_basis": "b"}
                ]
            },
            ("$.adjustments[0].amount", "reduction_not_negative"),
        ),
        (
            {
                "adjustments": [
                    {"kind": "special_diet", "amount": -5, "reason": "r", "legal_basis": "b"}
                ]
            },
            ("$.adjustments[0].amount", "raise_not_positive"),
        ),
        (
            {
                "adjustments": [
                    {"kind": "reduction", "amount": -500, "reason": " ", "legal_basis": "b"}
                ]
            },
            ("$.adjustments[0].reason", "required"),
        ),
        (
            {"adjustments": [{"kind": "reduction", "amount": -500, "reason": "r"}]},
            ("$.adjustments[0].legal_basis", "required"),
        ),
    ],
)
def test_each_input_error_is_reported_with_its_path(
    change: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert expected in _problems({**VALID, **change})


def test_not_an_object() -> None:
    assert _problems([1, 2]) == [("$", "not_an_object")]


def test_all_problems_come_in_one_go() -> None:
    problems = _problems(
        {"month": "x", "members": [adult(age=16), child("c", 25)], "costs": {"housing": -1}}
    )
    assert len(problems) >= 4


def _run(document: Any, *flags: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["-", *flags], stdout=out, stdin=io.StringIO(json.dumps(document)))
    return code, out.getvalue()


def test_cli_prints_json_and_exits_0() -> None:
    code, out = _run(VALID)
    assert code == 0
    assert json.loads(out)["entitlement"] == 5220


def test_cli_explain_prints_a_table() -> None:
    code, out = _run(VALID, "--explain")
    assert code == 0
    assert "Riksnorm, ensamstående vuxen" in out
    assert "12 kap. 7 § SoL (2025:400)" in out
    assert "5 220 kr  Försörjningsstöd" in out


def test_cli_invalid_input_exits_2_with_every_problem() -> None:
    code, out = _run({"month": "2016-02", "members": [adult(age=10)]})
    assert code == 2
    problems = {(p["path"], p["code"]) for p in json.loads(out)["problems"]}
    assert problems == {("$.members[0].age", "adult_too_young"), ("$.month", "norm_year_missing")}


def test_a_year_without_a_table_is_refused_naming_the_year_and_the_file() -> None:
    code, out = _run({"month": "2016-02", "members": [adult()]})
    assert code == 2
    problem = json.loads(out)["problems"][0]
    assert problem["code"] == "norm_year_missing"
    assert "2016" in problem["message"]
    assert "national_norm/2016.yaml" in problem["message"]


def test_unreadable_json_exits_2() -> None:
    out = io.StringIO()
    assert main(["-"], stdout=out, stdin=io.StringIO("{not json")) == 2
    assert json.loads(out.getvalue())["problems"][0]["code"] == "unreadable"
