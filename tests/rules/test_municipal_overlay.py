"""A municipality's housing-cost cap raises a flag for the caseworker and never cuts the amount."""

import shutil
from pathlib import Path

from bistand.rules.calculation import calculate_month
from bistand.rules.input_parsing import parse_calculation_input
from bistand.rules.parameters_loader import PARAMETERS_DIR, load_rulebook

CAPS = """housing_cost_caps:
  values:
    2026-01-01:
      by_household_size: {1: 6000, 2: 7500, 3: 9000}
      source: "Testkommunens riktlinjer (test fixture)"
"""


def test_housing_above_the_cap_is_flagged_not_cut(tmp_path: Path) -> None:
    tree = tmp_path / "parameters"
    shutil.copytree(PARAMETERS_DIR, tree)
    text = (tree / "municipal/stockholm.yaml").read_text(encoding="utf-8")
    start = text.index("housing_cost_caps:")
    end = text.index("repayable_advance_model:")
    (tree / "municipal/testkommun.yaml").write_text(
        text[:start].replace("municipality: stockholm", "municipality: testkommun")
        + CAPS
        + text[end:],
        encoding="utf-8",
    )
    rulebook = load_rulebook(tree)
    document = {
        "month": "2026-03",
        "municipality": "testkommun",
        "members": [{"id": "a", "role": "adult", "age": 30}],
        "costs": {"housing": 7000},
    }
    result = calculate_month(parse_calculation_input(document), rulebook)
    assert [flag.code for flag in result.flags] == ["housing_above_guideline_cap"]
    assert "not cut" in result.flags[0].message_en
    assert "6\u00a0000\u00a0kr" in result.flags[0].message  # grouped, as Swedish writes it
    assert result.entitlement == 5220 + 7000  # nothing cut
    under = calculate_month(
        parse_calculation_input({**document, "costs": {"housing": 6000}}), rulebook
    )
    assert under.flags == ()
