"""Build calculation inputs the way the JSON contract does, and read results."""

from typing import Any

from bistand.rules.calculation import CalculationResult, calculate_month
from bistand.rules.input_parsing import parse_calculation_input
from bistand.rules.output import result_to_dict


def calc(document: dict[str, Any]) -> dict[str, Any]:
    return result_to_dict(calculate_month(parse_calculation_input(document)))


def result_of(document: dict[str, Any]) -> CalculationResult:
    return calculate_month(parse_calculation_input(document))


def adult(member_id: str = "a", age: int = 35, **extra: Any) -> dict[str, Any]:
    return {"id": member_id, "role": "adult", "age": age, **extra}


def child(member_id: str, age: int, **extra: Any) -> dict[str, Any]:
    return {"id": member_id, "role": "child", "age": age, **extra}


def line_amounts(result: dict[str, Any], code: str) -> list[float]:
    return [line["amount"] for line in result["lines"] if line["code"] == code]
