# SPDX-License-Identifier: EUPL-1.2
"""The decision letter's content, shared by the page and the PDF."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from PIL import ImageFile
from weasyprint import HTML

from bistand.calculations.line_labels import LINE_LABELS
from bistand.decisions.models import Decision, RefusalGround
from bistand.rules.parameters_loader import default_rulebook

# Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process, and the check
# of an applicant's uploaded picture would then take a file cut off half way as whole. A letter
# holds no picture, so Pillow's own default is put back.
ImageFile.LOAD_TRUNCATED_IMAGES = False


def letter_context(decision: Decision) -> dict[str, Any]:
    legal = default_rulebook().legal
    month = decision.month
    rules = ["economic_aid_right", "norm_and_reasonable_costs"]
    if decision.reduction_assessment:
        rules.append("refusal_or_reduction")
    if decision.refusal_ground == RefusalGround.NOT_AT_LABOUR_MARKET_DISPOSAL:
        rules.append("stand_at_labour_market")
    lines = [
        {**line, "label": _(LINE_LABELS[line["code"]])}
        for line in decision.calculation.get("lines", [])
    ]
    committee = decision.case.unit.committee
    return {
        "decision": decision,
        "lines": lines,
        "committee": committee,
        "legal_basis": [legal.cite(rule, month) for rule in rules],
        "appeal_provision": legal.cite("appeal", month),
        "repayment_provision": legal.cite("recovery_conditional_aid", month),
        "appeal_weeks": legal.appeal.weeks,
        "appeal_deadline_provision": legal.appeal.provision,
        "warnings": decision.calculation.get("warnings", []),
    }


def letter_pdf(decision: Decision, *, language: str, base_url: str) -> bytes:
    html = render_to_string(
        "decisions/letter_pdf.html", {**letter_context(decision), "LANGUAGE_CODE": language}
    )
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
