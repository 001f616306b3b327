"""The published JSON Schema agrees with the parser on the golden inputs and on bad ones."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bistand.config.environment import PROJECT_ROOT
from bistand.rules.input_parsing import InvalidInputError, parse_calculation_input

SCHEMA = json.loads((PROJECT_ROOT / "docs/schemas/calculation-input.schema.json").read_text())
EXAMPLES = [
    example["input"]
    for path in sorted((Path(__file__).parent / "golden").glob("*/examples.yaml"))
    for example in yaml.safe_load(path.read_text(encoding="utf-8"))
]


def test_schema_is_valid_and_accepts_every_golden_input() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for document in EXAMPLES:
        jsonschema.validate(document, SCHEMA)
        parse_calculation_input(document)


@pytest.mark.parametrize(
    "bad",
    [
        {"month": "2026-3", "members": [{"id": "a", "role": "adult", "age": 30}]},
        {"month": "2026-03", "members": []},
        {
            "month": "2026-03",
            "members": [{"id": "a", "role": "adult", "age": 30}],
            "costs": {"rent": 1},
        },
        {
            "month": "2026-03",
            "members": [{"id": "a", "role": "adult", "age": 30}],
            "incomes": [{"kind": "lottery", "amount": 1}],
        },
    ],
)
def test_schema_and_parser_both_refuse(bad: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    with pytest.raises(InvalidInputError):
        parse_calculation_input(bad)
