# SPDX-License-Identifier: EUPL-1.2
"""Riksnormen: personal amounts by age band and the household-common amount by size.

SoL (2025:400) 12 kap. 7 § / SoL (2001:453) 4 kap. 3 §; amounts in socialtjänstförordningen
2 kap. 1 §. Each formula works on one household (SCALAR) or arrays of them (NumPy).
"""

from typing import Any

from bistand.rules.ops import Ops


def child_personal_amount(
    *, age: Any, lunch_at_home: Any, with_lunch: Any, without_lunch: Any, xp: Ops
) -> Any:
    """A child's personal amount; 0-6 year olds without lunch at home have the lower rate."""
    return xp.where(lunch_at_home, with_lunch[age], without_lunch[age])


def adults_amount(
    *, adults: Any, cohabiting: Any, adult_single: Any, adults_cohabiting: Any, xp: Ops
) -> Any:
    """The couple amount for two adults who are a couple, else the single amount per adult."""
    return xp.where(cohabiting, adults_cohabiting, adults * adult_single)


def rounded_share(*, amount: Any, part: Any, whole: Any) -> Any:
    """amount × part / whole, rounded to the nearest öre (halves up), in integers."""
    return (2 * amount * part + whole) // (2 * whole)


def household_common_amount(
    *, members: Any, shared_household_size: Any, common_by_size: Any, common_step: Any, xp: Ops
) -> Any:
    """The common amount for the household's size; beyond the table, add the last step per member.

    In a shared household (hushållsgemenskap) without being partners, the members' share is the
    common amount of the whole household divided by its size, times the members in this case.
    `shared_household_size` is 0 when the household is not shared.
    """
    shared = shared_household_size > 0
    size = xp.where(shared, shared_household_size, members)
    largest = len(common_by_size) - 1
    full = common_by_size[xp.minimum(size, largest)] + xp.maximum(size - largest, 0) * common_step
    return xp.where(shared, rounded_share(amount=full, part=members, whole=size), full)
