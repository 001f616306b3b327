"""The Swedish catalogue is complete: no untranslated and no fuzzy entries."""

from pathlib import Path

import pytest

from bistand.config.environment import PROJECT_ROOT


def _entries(po: Path) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) for every entry but the header."""
    entries: list[tuple[str, str, bool]] = []
    msgid = msgstr = ""
    fuzzy = False
    field = ""
    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, field = line[7:-1], "id"
        elif line.startswith("msgstr "):
            msgstr, field = line[8:-1], "str"
        elif line.startswith("msgstr["):
            msgstr, field = msgstr + line.split(" ", 1)[1][1:-1], "str"
        elif line.startswith('"'):
            if field == "id":
                msgid += line[1:-1]
            else:
                msgstr += line[1:-1]
        elif not line.strip():
            if msgid:
                entries.append((msgid, msgstr, fuzzy))
            msgid = msgstr = field = ""
            fuzzy = False
    return entries


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_catalogue_is_complete(language: str) -> None:
    po = PROJECT_ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = _entries(po)
    assert len(entries) > 100
    assert [e[0] for e in entries if not e[1]] == []
    assert [e[0] for e in entries if e[2]] == []
    mo = po.with_suffix(".mo")
    assert mo.exists()


def test_rule_line_labels_are_translatable_and_match_the_rules_core() -> None:
    import yaml
    from django.utils import translation

    from bistand.calculations.line_labels import LINE_LABELS

    labels = yaml.safe_load((PROJECT_ROOT / "src/bistand/rules/labels.yaml").read_text("utf-8"))
    assert {code: entry["en"] for code, entry in labels.items()} == LINE_LABELS
    for code, entry in labels.items():
        with translation.override("sv"):
            assert translation.gettext(LINE_LABELS[code]) == entry["sv"], code
        with translation.override("ar"):
            assert translation.gettext(LINE_LABELS[code]) != entry["en"] or code == "x", code
