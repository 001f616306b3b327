# SPDX-License-Identifier: EUPL-1.2
"""What the e-service says about itself, read from dated data files: the accessibility statement
(`accessibility.yaml`) and the facts behind the page on personal data (`personal_data.yaml`).
A file with an unknown or missing key, or a deficiency without words for it, is refused when it
is first read, with the file's path in the message, as the rules core's parameters are; a test
reads the shipped files (ADR 0035)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bistand.rules.yaml_strict import (
    ParameterFileError,
    day_value,
    load_yaml,
    require_keys,
    text_value,
)

HERE = Path(__file__).parent

COMPLIANCE: dict[str, Promise] = {
    "full": _("fully compliant"),
    "partial": _("partially compliant"),
    "none": _("not compliant"),
}
METHOD: dict[str, Promise] = {
    "self_assessment": _(
        "We assessed the e-service ourselves. Every page an applicant can reach is checked "
        "automatically with axe-core, in Swedish and Arabic, in a real browser; the whole first "
        "application is filled in and sent with the keyboard alone; every page is checked at "
        "320 pixels' width, the applicant's pages also with the wider spacing between letters, "
        "words and lines that a reader may set. These checks run each time the e-service is "
        "changed. People who use screen readers or other assistive technology have not yet "
        "tested it with us."
    ),
    "external_review": _("The e-service was reviewed by an independent accessibility expert."),
}
# What each known deficiency is, in words a person can act on. A key in accessibility.yaml
# without an entry here is refused when the file is read.
DEFICIENCIES: dict[str, Promise] = {
    "logout_warning_needs_javascript": _(
        "You are logged out after %(idle_minutes)s minutes without activity. If JavaScript is "
        "turned off in your browser, each page tells you at what time that will be, but you "
        "are not warned when the time comes and cannot ask for more time. What you had written "
        "is not lost: log in again and it comes back filled in, to be checked and sent."
    ),
}
OUTSIDE_THE_LAW: dict[str, Promise] = {
    "uploaded_documents": _(
        "Documents you upload yourself, such as a photo of a rental agreement, are shown as "
        "they are. We cannot make them accessible."
    ),
    "e_identification": _(
        "The pages where you log in with e-identification belong to the e-identification "
        "provider, who answers for their accessibility."
    ),
}


@dataclass(frozen=True)
class Deficiency:
    text: Promise
    criterion: str | None  # the WCAG 2.1 success criterion, e.g. "2.2.1"


@dataclass(frozen=True)
class AccessibilityStatement:
    law: str
    regulation: str
    standard: str
    compliance: Promise
    assessed: date
    updated: date
    method: Promise
    supervisor_report_url: str
    deficiencies: tuple[Deficiency, ...]
    outside_the_law: tuple[Promise, ...]


@dataclass(frozen=True)
class Supervisor:
    name: str
    url: str


@dataclass(frozen=True)
class PersonalDataFacts:
    read: date
    legal_basis: tuple[str, ...]
    secrecy: str
    storage_in_the_browser: str
    supervisor: Supervisor


def _word(path: Path, where: str, words: dict[str, Promise], key: Any) -> Promise:
    if key not in words:
        raise ParameterFileError(f"{path}: {where}: {key!r} has no words (one of {sorted(words)})")
    return words[key]


def accessibility_statement_load(path: Path) -> AccessibilityStatement:
    data = load_yaml(path)
    named = ("description", "law", "regulation", "standard", "supervisor_report_url")
    require_keys(
        path,
        "top level",
        data,
        {*named, "compliance", "assessed", "updated", "method", "deficiencies", "outside_the_law"},
    )
    texts = {key: text_value(path, key, data[key]) for key in named}
    deficiencies = []
    for index, entry in enumerate(data["deficiencies"] or []):
        where = f"deficiencies[{index}]"
        require_keys(path, where, entry, {"key", "criterion"})
        criterion = entry["criterion"]
        deficiencies.append(
            Deficiency(
                _word(path, where, DEFICIENCIES, entry["key"]),
                None if criterion is None else text_value(path, where, criterion),
            )
        )
    assessed = day_value(path, "assessed", data["assessed"])
    updated = day_value(path, "updated", data["updated"])
    if updated < assessed:
        raise ParameterFileError(f"{path}: updated {updated} is before assessed {assessed}")
    compliance = data["compliance"]
    if compliance != "full" and not deficiencies:
        raise ParameterFileError(f"{path}: {compliance!r} compliance names no deficiency")
    return AccessibilityStatement(
        law=texts["law"],
        regulation=texts["regulation"],
        standard=texts["standard"],
        compliance=_word(path, "compliance", COMPLIANCE, compliance),
        assessed=assessed,
        updated=updated,
        method=_word(path, "method", METHOD, data["method"]),
        supervisor_report_url=texts["supervisor_report_url"],
        deficiencies=tuple(deficiencies),
        outside_the_law=tuple(
            _word(path, f"outside_the_law[{index}]", OUTSIDE_THE_LAW, key)
            for index, key in enumerate(data["outside_the_law"] or [])
        ),
    )


def personal_data_facts_load(path: Path) -> PersonalDataFacts:
    data = load_yaml(path)
    require_keys(
        path,
        "top level",
        data,
        {"description", "read", "legal_basis", "secrecy", "storage_in_the_browser", "supervisor"},
    )
    supervisor = data["supervisor"]
    require_keys(path, "supervisor", supervisor, {"name", "url"})
    return PersonalDataFacts(
        read=day_value(path, "read", data["read"]),
        legal_basis=tuple(
            text_value(path, f"legal_basis[{index}]", basis)
            for index, basis in enumerate(data["legal_basis"] or [])
        ),
        secrecy=text_value(path, "secrecy", data["secrecy"]),
        storage_in_the_browser=text_value(
            path, "storage_in_the_browser", data["storage_in_the_browser"]
        ),
        supervisor=Supervisor(
            text_value(path, "supervisor.name", supervisor["name"]),
            text_value(path, "supervisor.url", supervisor["url"]),
        ),
    )


@lru_cache(maxsize=1)
def accessibility_statement() -> AccessibilityStatement:
    return accessibility_statement_load(HERE / "accessibility.yaml")


@lru_cache(maxsize=1)
def personal_data_facts() -> PersonalDataFacts:
    return personal_data_facts_load(HERE / "personal_data.yaml")
