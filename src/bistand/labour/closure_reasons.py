# SPDX-License-Identifier: EUPL-1.2
"""The shipped closure-reason codes: read from `closure_reasons.yaml`, created at migrate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bistand.rules.yaml_strict import load_yaml, require_keys

if TYPE_CHECKING:
    from bistand.labour.models import ClosureReason

SHIPPED_FILE = Path(__file__).with_name("closure_reasons.yaml")

# Shipped codes are shown in the reader's language; codes an administrator adds show their name.
SHIPPED_LABELS: dict[str, Promise] = {
    "work": _("Work (employment without subsidy)"),
    "work_subsidised": _("Work with a wage subsidy"),
    "studies": _("Studies"),
    "state_programme": _("Self-supporting in a state labour-market programme"),
    "work_practice": _("Work practice"),
    "other_benefit": _("Other benefit (sickness or activity compensation, pension, ...)"),
    "moved": _("Moved"),
    "unknown": _("Unknown"),
    "sent_back": _("Sent back"),
}


def closure_reason_label(reason: ClosureReason) -> str | Promise:
    return SHIPPED_LABELS.get(reason.code, reason.name)


def shipped_codes() -> list[dict[str, Any]]:
    data = load_yaml(SHIPPED_FILE)
    require_keys(SHIPPED_FILE, "top level", data, {"source", "verified", "codes"})
    for entry in data["codes"]:
        require_keys(SHIPPED_FILE, "codes", entry, {"code", "national_category"})
        if entry["code"] not in SHIPPED_LABELS:
            raise ValueError(f"{SHIPPED_FILE}: {entry['code']} has no label")
    return list(data["codes"])


def closure_reasons_ensure(**_kwargs: Any) -> None:
    """Create the shipped codes that are missing (post_migrate); existing rows are left alone."""
    from bistand.labour.models import ClosureReason

    for position, entry in enumerate(shipped_codes(), start=1):
        ClosureReason.objects.get_or_create(
            code=entry["code"],
            defaults={
                "name": str(SHIPPED_LABELS[entry["code"]]),
                "national_category": entry["national_category"],
                "position": position * 10,
            },
        )
