# SPDX-License-Identifier: EUPL-1.2
"""From the balance of need and income to whole kronor of entitlement or surplus."""

from typing import Any

from bistand.rules.ops import Ops

ORE_PER_KRONA = 100


def whole_kronor(*, ore: Any) -> Any:
    """Öre to whole kronor, halves rounded up."""
    return (ore + ORE_PER_KRONA // 2) // ORE_PER_KRONA


def entitlement_and_surplus(*, balance: Any, xp: Ops) -> tuple[Any, Any]:
    """entitlement = max(0, need − counted income); surplus = max(0, counted income − need)."""
    return (whole_kronor(ore=xp.maximum(balance, 0)), whole_kronor(ore=xp.maximum(-balance, 0)))
