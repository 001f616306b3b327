"""Golden cases: every official table cell and every published worked example, exact kronor.

The expected values are transcribed in tests/rules/golden/<year>/ with their source in each
file's header; they are read here independently of the parameter files the code uses.
"""

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.rules.helpers import adult, calc, child, line_amounts

GOLDEN = Path(__file__).parent / "golden"


def _band_ages(band: str) -> list[int]:
    if band.startswith("under-"):
        return [0]
    low, _, high = band.partition("-")
    return sorted({int(low), int(high or low)})


def _cells() -> list[tuple[str, int, str, str, int]]:
    cases = []
    for path in sorted(GOLDEN.glob("*/table.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        year, cells = data["year"], data["cells"]
        for table in ("children_with_lunch", "children_without_lunch"):
            for band, value in cells.get(table, {}).items():
                cases.append((path.parent.name, year, table, str(band), value))
        for key in ("adult_single", "adults_cohabiting"):
            if key in cells:
                cases.append((path.parent.name, year, key, "", cells[key]))
        for size, value in cells.get("household_common", {}).items():
            cases.append((path.parent.name, year, "household_common", str(size), value))
    return cases


def _examples() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(GOLDEN.glob("*/examples.yaml")):
        for example in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append((f"{path.parent.name}: {example['name']}", example))
    return cases


@pytest.mark.parametrize(
    ("folder", "year", "table", "key", "expected"), _cells(), ids=lambda v: str(v)
)
def test_official_table_cell(folder: str, year: int, table: str, key: str, expected: int) -> None:
    month = f"{year}-03"
    if table.startswith("children_"):
        for age in _band_ages(key):
            result = calc(
                {
                    "month": month,
                    "members": [
                        adult(),
                        child(
                            "c",
                            age,
                            lunch_at_home=table == "children_with_lunch",
                            in_upper_secondary_school=age >= 19,
                        ),
                    ],
                }
            )
            assert line_amounts(result, "norm_child") == [expected], (age, key)
    elif table == "adult_single":
        assert line_amounts(calc({"month": month, "members": [adult()]}), "norm_adult_single") == [
            expected
        ]
    elif table == "adults_cohabiting":
        result = calc({"month": month, "cohabiting": True, "members": [adult("a"), adult("b")]})
        assert line_amounts(result, "norm_adults_cohabiting") == [expected]
    else:
        size = int(key)
        members = [adult(), *(child(f"c{i}", 10) for i in range(size - 1))]
        result = calc({"month": month, "members": members})
        assert line_amounts(result, "norm_household_common") == [expected]


@pytest.mark.parametrize(
    ("name", "example"), _examples(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_published_worked_example(name: str, example: dict[str, Any]) -> None:
    result = calc(example["input"])
    for key, value in example["expected"].items():
        assert result[key] == value, key


def test_every_official_year_has_a_golden_table() -> None:
    tabulated = {int(p.parent.name) for p in GOLDEN.glob("*/table.yaml")}
    assert {2014, 2015, 2017, 2019, 2021} <= tabulated
    assert len(_cells()) > 5 * 20
