# SPDX-License-Identifier: EUPL-1.2
"""The result as the JSON contract and as a readable table."""

from __future__ import annotations

from typing import Any

from bistand.rules.calculation import CalculationResult
from bistand.rules.lines import Section, labels

DERIVED_STATUSES = frozenset({"derived", "secondary"})
STATUS_SV = {
    "official": "officiell",
    "municipal-copy": "en kommuns avskrift",
    "secondary": "hämtad ur en sekundär källa",
    "derived": "härledd",
}


def kronor(ore: int) -> int | float:
    return ore // 100 if ore % 100 == 0 else ore / 100


def result_to_dict(result: CalculationResult) -> dict[str, Any]:
    p = result.parameters
    norm = p.norm
    names = labels()
    warnings = []
    if norm.status in DERIVED_STATUSES:
        warnings.append(
            {
                "code": f"norm_table_{norm.status}",
                "message": f"The national norm table for {norm.year} is {norm.status}, not read "
                "from the regulation text; confirm it against socialtjänstförordningen before "
                "production use.",
                "message_sv": f"Riksnormstabellen för {norm.year} är {STATUS_SV[norm.status]} "
                "och inte läst ur förordningstexten; kontrollera den mot socialtjänstförordningen "
                "före skarp användning.",
            }
        )
    disregarded = result.total(Section.DISREGARD)
    return {
        "month": f"{p.month.year:04d}-{p.month.month:02d}",
        "municipality": result.input.municipality,
        "norm_total": kronor(result.total(Section.NORM)),
        "reasonable_costs_total": kronor(result.total(Section.REASONABLE_COSTS)),
        "other_living_costs_total": kronor(result.total(Section.OTHER_LIVING_COSTS)),
        "income_counted_total": kronor(-result.total(Section.INCOME) - disregarded),
        "income_disregarded_total": kronor(disregarded),
        "adjustments_total": kronor(result.total(Section.ADJUSTMENT)),
        "entitlement": result.entitlement,
        "surplus": result.surplus,
        "parameters": {
            "year": norm.year,
            "status": norm.status,
            "source": norm.source,
            "provision": norm.provision,
            "valid_from": norm.valid_from.isoformat(),
            "law": p.law,
            "municipal_guidelines": p.guidelines.description if p.guidelines else None,
        },
        "warnings": warnings,
        "flags": [
            {
                "code": f.code,
                "message_sv": f.message,
                "message_en": f.message_en,
                "parameter": f.parameter,
            }
            for f in result.flags
        ],
        "lines": [
            {
                "code": line.code,
                "section": line.section.value,
                "label_sv": names[line.code]["sv"],
                "label_en": names[line.code]["en"],
                "amount": kronor(line.amount),
                "member": line.member,
                "parameter": line.parameter,
                "legal_reference": line.legal_reference,
                "note": line.note,
            }
            for line in result.lines
        ],
    }


def _sek(amount: float) -> str:
    """Right-aligned with a space between thousands, as Swedish amounts are written."""
    return f"{amount:>12,}".replace(",", " ")


def result_to_table(result: CalculationResult) -> str:
    data = result_to_dict(result)
    rows = [
        f"Försörjningsstöd {data['month']}"
        f" (riksnorm {data['parameters']['year']}, {data['parameters']['status']})",
        "",
    ]
    for line in data["lines"]:
        who = f" [{line['member']}]" if line["member"] else ""
        note = f" ({line['note']})" if line["note"] else ""
        rows.append(f"{_sek(line['amount'])} kr  {line['label_sv']}{who}{note}")
        rows.append(f"{'':>17}{line['legal_reference']} · {line['parameter']}")
    rows.append("")
    for key, label in (
        ("norm_total", "Norm"),
        ("reasonable_costs_total", "Skäliga kostnader"),
        ("other_living_costs_total", "Livsföring i övrigt"),
        ("income_counted_total", "Inkomster som räknas"),
        ("income_disregarded_total", "Inkomster som inte räknas"),
        ("adjustments_total", "Justeringar"),
        ("entitlement", "Försörjningsstöd"),
        ("surplus", "Överskott"),
    ):
        rows.append(f"{_sek(data[key])} kr  {label}")
    for warning in data["warnings"]:
        rows.append(f"OBS: {warning['message_sv']}")
    for flag in data["flags"]:
        rows.append(f"FLAGGA: {flag['message_sv']}")
    return "\n".join(rows) + "\n"
