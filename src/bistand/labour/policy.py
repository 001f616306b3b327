# SPDX-License-Identifier: EUPL-1.2
"""The municipality's labour-market policy on a day, read from its local-guidelines overlay."""

from __future__ import annotations

from datetime import date

from bistand.organisations.models import Municipality
from bistand.rules.clocks import TimeTarget
from bistand.rules.labour import LabourActivities, ReferralPolicy, SpecialSupportPolicy
from bistand.rules.parameters_loader import MunicipalGuidelines, default_rulebook

COACH_MEETING = "coach_meeting"
FIRST_ACTIVITY = "first_activity"


class PolicyMissingError(LookupError):
    """The municipality's overlay has no value in force for this policy on this day."""


def guidelines_for(municipality: Municipality) -> MunicipalGuidelines | None:
    """The municipality's overlay; None when it follows the national rules only."""
    key = municipality.guidelines
    guidelines = default_rulebook().municipalities.get(key) if key else None
    if key and guidelines is None:
        raise PolicyMissingError(f"{municipality}: no local guidelines named {key!r}")
    return guidelines


def referral_policy(municipality: Municipality, day: date) -> ReferralPolicy | None:
    """None: the municipality has no referral policy; the system proposes nothing."""
    guidelines = guidelines_for(municipality)
    return guidelines.referral_policy.at(day) if guidelines else None


def starting_a_business_allowed(municipality: Municipality, day: date) -> bool:
    """Off unless the municipality's overlay allows it (the national default)."""
    guidelines = guidelines_for(municipality)
    found: LabourActivities | None = guidelines.labour_activities.at(day) if guidelines else None
    return bool(found and found.starting_a_business)


def special_support_policy(municipality: Municipality, day: date) -> SpecialSupportPolicy | None:
    """None: the municipality has not decided to offer the special individual support."""
    guidelines = guidelines_for(municipality)
    return guidelines.special_individual_support.at(day) if guidelines else None


def time_target(municipality: Municipality, name: str, day: date) -> TimeTarget | None:
    """The target if the municipality has it switched on that day, else None."""
    guidelines = guidelines_for(municipality)
    targets = guidelines.time_targets.at(day) if guidelines else None
    target = targets.targets.get(name) if targets else None
    return target if target is not None and target.enabled else None


def working_day_eves(day: date) -> tuple[str, ...]:
    return default_rulebook().working_day_eves.at(day) or ()
