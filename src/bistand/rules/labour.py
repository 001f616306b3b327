# SPDX-License-Identifier: EUPL-1.2
"""The labour-market pathway's rules: which path a work capacity leads to, and who may receive
the special individual support (särskilt individanpassad stödinsats). Pure Python, no Django.

Both are local policy read from the municipality's overlay; the system proposes and checks,
a person decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class WorkCapacityLevel(StrEnum):
    FULL = "full"
    PARTLY_REDUCED = "partly_reduced"
    UNDER_25 = "under_25"
    NONE = "none"


class ReferralPath(StrEnum):
    JOBBTORG = "jobbtorg"
    JOBBTORG_RESURS = "jobbtorg_resurs"
    OWN_WORK_TRAINING = "own_work_training"
    NONE = "none"


WORK_CAPACITIES = tuple(level.value for level in WorkCapacityLevel)
REFERRAL_PATHS = tuple(path.value for path in ReferralPath)


@dataclass(frozen=True)
class ReferralPolicy:
    paths: dict[str, str]  # work capacity -> referral path
    source: str
    verified: bool


@dataclass(frozen=True)
class LabourActivities:
    starting_a_business: bool
    source: str
    verified: bool


@dataclass(frozen=True)
class SpecialSupportPolicy:
    youth_min_age: int
    youth_max_age: int
    women_weak_position: bool
    excludes_income_support: bool
    source: str
    verified: bool


def referral_path_proposed(policy: ReferralPolicy, work_capacity: str) -> ReferralPath:
    """The path the policy proposes for an assessed work capacity."""
    if work_capacity not in policy.paths:
        raise ValueError(f"unknown work capacity {work_capacity!r}")
    return ReferralPath(policy.paths[work_capacity])


class TargetGroup(StrEnum):
    NEET_YOUTH = "neet_youth"
    WOMEN_WEAK_POSITION = "women_weak_position"


class Ineligibility(StrEnum):
    RECEIVES_INCOME_SUPPORT = "receives_income_support"
    AGE_OUTSIDE_YOUTH_GROUP = "age_outside_youth_group"
    WORKS_OR_STUDIES = "works_or_studies"
    NOT_A_WOMAN = "not_a_woman"
    WEAK_POSITION_NOT_ASSESSED = "weak_position_not_assessed"
    GROUP_NOT_OFFERED = "group_not_offered"


@dataclass(frozen=True)
class SpecialSupportApplicant:
    birth_date: date
    is_woman: bool
    target_group: TargetGroup
    works_or_studies: bool
    weak_labour_market_position: bool
    receives_income_support: bool


def age_on(birth_date: date, day: date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def special_support_ineligibility(
    policy: SpecialSupportPolicy, applicant: SpecialSupportApplicant, day: date
) -> list[Ineligibility]:
    """Every reason the applicant is outside the target groups on `day` (empty: eligible).

    An ineligible application is still decided (a refusal, appealable); this only says why."""
    reasons = []
    if policy.excludes_income_support and applicant.receives_income_support:
        reasons.append(Ineligibility.RECEIVES_INCOME_SUPPORT)
    if applicant.target_group == TargetGroup.NEET_YOUTH:
        age = age_on(applicant.birth_date, day)
        if not policy.youth_min_age <= age <= policy.youth_max_age:
            reasons.append(Ineligibility.AGE_OUTSIDE_YOUTH_GROUP)
        if applicant.works_or_studies:
            reasons.append(Ineligibility.WORKS_OR_STUDIES)
    elif not policy.women_weak_position:
        reasons.append(Ineligibility.GROUP_NOT_OFFERED)
    else:
        if not applicant.is_woman:
            reasons.append(Ineligibility.NOT_A_WOMAN)
        if not applicant.weak_labour_market_position:
            reasons.append(Ineligibility.WEAK_POSITION_NOT_ASSESSED)
    return reasons
