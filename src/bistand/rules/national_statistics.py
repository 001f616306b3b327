# SPDX-License-Identifier: EUPL-1.2
"""The monthly report to Socialstyrelsen (HSLF-FS 2015:30): its codes, household types and
deadline, as read from `parameters/national_statistics.yaml`. Pure: no Django, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bistand.rules.statistics import month_index, month_of

WOMAN, MAN = "woman", "man"  # the genders the household type tells apart (people.Gender values)


@dataclass(frozen=True)
class NationalReporting:
    deadline_day: int
    roles: dict[str, str]
    genders: dict[str, str]
    household_types: dict[str, str]
    support_barriers: dict[str, str]
    labour_measure_activities: frozenset[str]
    closure_categories: dict[str, str]
    source: str

    def deadline(self, month: date) -> date:
        """The day the report for `month` is due: the deadline day of the following month."""
        return month_of(month_index(month) + 1).replace(day=self.deadline_day)

    def household_type(self, genders: tuple[str, ...], children: int) -> str:
        """The register's household type from the adults' genders and the number of children:
        a couple by the number of adults, a single adult by gender; unknown when a single
        adult's gender is neither woman nor man, or the household has no adult."""
        with_children = "_with_children" if children else ""
        if len(genders) >= 2:
            return self.household_types[f"couple{with_children}"]
        if genders == (MAN,):
            return self.household_types[f"single_man{with_children}"]
        if genders == (WOMAN,):
            return self.household_types[f"single_woman{with_children}"]
        return self.household_types["unknown"]

    def support_barrier_code(self, barrier: str) -> str | None:
        return self.support_barriers.get(barrier)

    def closure_code(self, national_category: str) -> str | None:
        return self.closure_categories.get(national_category)

    def is_labour_measure(self, activity_kind: str) -> bool:
        return activity_kind in self.labour_measure_activities


ROLE_KEYS = frozenset({"applicant", "partner", "other"})  # the case's adult relations
GENDER_KEYS = frozenset({WOMAN, MAN})
HOUSEHOLD_TYPE_KEYS = frozenset(
    {
        "single_man",
        "single_man_with_children",
        "single_woman",
        "single_woman_with_children",
        "couple",
        "couple_with_children",
        "unknown",
    }
)
