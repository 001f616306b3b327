"""The loader is strict: duplicate or unknown keys, bad dates, a value without source stop it."""

import shutil
from pathlib import Path

import pytest

from bistand.rules.parameters_loader import PARAMETERS_DIR, load_rulebook
from bistand.rules.yaml_strict import ParameterFileError


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(PARAMETERS_DIR, tmp_path / "parameters")
    return tmp_path / "parameters"


def test_the_shipped_tree_loads() -> None:
    rulebook = load_rulebook()
    assert set(rulebook.norms) == {2014, 2015, *range(2017, 2027)}
    assert "stockholm" in rulebook.municipalities


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "national_norm/2026.yaml",
            "adult_single: 3940",
            "adult_single: 3940\nadult_single: 3950",
            "duplicate key",
        ),
        (
            "national_norm/2026.yaml",
            "adult_single: 3940",
            "adult_single: 3940\nadult_singel: 1",
            "unknown keys",
        ),
        (
            "national_norm/2026.yaml",
            "valid_from: 2026-01-01",
            "valid_from: 2026-13-01",
            "2026.yaml",
        ),
        ("national_norm/2026.yaml", "status: derived", "status: guessed", "status must be one of"),
        ("national_norm/2026.yaml", "adult_single: 3940", "adult_single: -3940", "whole kronor"),
        (
            "prisbasbelopp.yaml",
            ', source: "Förordning (2025:872)',
            ', sourc: "Förordning (2025:872)',
            "prisbasbelopp.yaml",
        ),
    ],
)
def test_a_malformed_file_stops_loading_with_its_path(
    tree: Path, file: str, old: str, new: str, message: str
) -> None:
    path = tree / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ParameterFileError) as error:
        load_rulebook(tree)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)


def test_a_new_year_is_one_file(tree: Path) -> None:
    text = (tree / "national_norm/2026.yaml").read_text(encoding="utf-8")
    (tree / "national_norm/2027.yaml").write_text(
        text.replace("2026-01-01", "2027-01-01").replace(
            "adult_single: 3940", "adult_single: 4000"
        ),
        encoding="utf-8",
    )
    rulebook = load_rulebook(tree)
    assert rulebook.norms[2027].adult_single == 400000
