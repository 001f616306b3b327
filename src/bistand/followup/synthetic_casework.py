# SPDX-License-Identifier: EUPL-1.2
"""The casework behind the synthetic history (`synthetic.py`), as COPY lines for the tables the
follow-up's referral-based tables and the national report read: fictional people, their cases,
household members and investigated adults; referrals to the committee's labour-market unit with
the coach meeting, the action plan and its activities; and the signed decisions and payment
orders of the last months. Keys agree with the facts: a head is person 2h, a partner 2h+1, the
case is the household key, so a follow-up query can join the two worlds.

The rates below describe the synthetic world, not any rule or real municipality. Pure: numpy,
no Django; the caller gives the ids and codes that live in the database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from bistand.folding import name_folded
from bistand.followup.synthetic import HOUSEHOLD_KEY_OFFSET, Codes, Households, Month, Place
from bistand.people.identity_numbers import compose_identity_number
from bistand.rules.parameters_loader import default_rulebook
from bistand.rules.statistics import MONTHS_PER_YEAR, month_of

REFERRED = 0.5  # share of households coming on aid whose applicant is referred
MET = 0.9  # share of referrals with a coach meeting
PLANNED = 0.85  # share of met referrals with an action plan
SECOND_ACTIVITY = 0.4
ENDLESS_ACTIVITY = 0.3  # activities without an end date until the referral closes
NOT_YET_SENT = 0.01  # payments of the last month still waiting for the bank file
ACTIVITY_KINDS = {
    "work_practice": 0.25,
    "skills": 0.15,
    "sfi": 0.15,
    "adult_education": 0.2,
    "job_search": 0.2,
    "starting_a_business": 0.05,
}
EDUCATION_KINDS = ("sfi", "adult_education")
CLOSURES = {
    "work": 0.3,
    "studies": 0.1,
    "state_programme": 0.05,
    "other_benefit": 0.15,
    "moved": 0.05,
    "other": 0.35,
}
TABLES: dict[str, str] = {  # table -> its columns, in the order of the lines
    "people_person": (
        "id, identity_number, first_name, last_name, gender, born_in_sweden, address_line, "
        "postal_code, city, phone, email, protected_identity, created_at, updated_at, iban, "
        "search_name"
    ),
    "cases_case": (
        "id, reference, status, opened_on, closed_on, created_at, updated_at, unit_id, "
        "first_visit_on, closure_reason_id"
    ),
    "cases_casemember": "id, relation, created_at, case_id, person_id",
    "investigations_investigation": (
        "id, household, housing, incomes, assets, other_needs, other_needs_referred_on, "
        "created_at, updated_at, case_id, other_needs_committee_id, updated_by_id"
    ),
    "investigations_investigatedadult": "id, support_barrier, person_id, investigation_id",
    "labour_referral": (
        "id, status, created_at, updated_at, case_id, person_id, to_unit_id, answered_at, "
        "answered_by_id, closed_on, proposed_path, reason, return_reason, sent_by_id, "
        "closure_reason_id, assessment_id"
    ),
    "labour_coachmeeting": "id, starts_at, created_at, booked_by_id, referral_id",
    "labour_actionplan": (
        "id, goals, interests, competencies, created_at, updated_at, person_id, referral_id"
    ),
    "labour_activity": (
        "id, kind, starts_on, ends_on, hours_per_week, created_at, plan_id, provider_id"
    ),
    "decisions_decision": (
        "id, month, outcome, status, applied_amount, granted_amount, calculation_input, "
        "calculation, norm_year, norm_status, law, reasoning, reduction_assessment, decided_at, "
        "second_signed_at, created_at, application_id, case_id, decided_by_id, "
        "second_signed_by_id, repayment_capacity, repayment_ground, refusal_ground"
    ),
    "payments_paymentorder": (
        "id, month, purpose, amount, status, created_at, decision_id, person_id, unit_id, run_id"
    ),
}
NULL = "\\N"
FICTIONAL_NAME = name_folded("Fiktiv", "Person")  # as Person.save keeps it for the search
SPACE = 1 << 104  # key spaces above persons (0) and households (HOUSEHOLD_KEY_OFFSET)
CHILD, INVESTIGATION, ADULT, MEMBER, REFERRAL, MEETING, PLAN, ACTIVITY, DECISION, ORDER = range(
    2, 12
)


def key(space: int, number: int) -> str:
    return f"{space * SPACE + number:032x}"


def household_key(household: int) -> str:
    return f"{HOUSEHOLD_KEY_OFFSET + household:032x}"


def stamp(moment: datetime | date) -> str:
    """A timestamp for COPY, in UTC; a day stands for its midnight."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.min.time())
    return f"{moment:%Y-%m-%d %H:%M:%S}+00"


@dataclass(frozen=True)
class Setting:
    """What lives in the database, given by the caller."""

    labour_units: dict[int, int]  # committee -> its labour-market unit
    education_providers: tuple[int, ...]
    other_providers: tuple[int, ...]
    closure_reasons: dict[str, int]  # national category -> a closure reason of it
    author: str  # the fictional staff member recorded on every row
    outcome: str  # a granting decision's outcome
    signed: str
    purpose: str
    sent: str
    pending: str


@dataclass
class OpenReferral:
    """A referral sent for a household on aid, kept until the household leaves."""

    number: int
    household: int
    created: datetime
    meeting: datetime | None
    activities: list[tuple[str, int, date, date | None, int]] = field(default_factory=list)
    planned: bool = False


class Casework:
    """Follow the history month by month; `month` gives the rows it settles, `finish` the rest."""

    def __init__(
        self,
        *,
        setting: Setting,
        places: list[Place],
        codes: Codes,
        decisions: range,
        seed: int = 7,
    ) -> None:
        """`decisions`: the months (indexes) with decisions and payments; in the last of them a
        few payments still wait for the bank file."""
        self.setting, self.places, self.codes = setting, places, codes
        self.decisions = decisions
        self.pool: Households | None = None
        self.rng = np.random.default_rng(seed)
        self.known: set[int] = set()
        self.opened: dict[int, int] = {}  # household -> first month
        self.closed: dict[int, tuple[date, str]] = {}  # household -> closed on, category
        self.referrals: dict[int, OpenReferral] = {}  # open ones, by household
        self.counters: Counter[int] = Counter()
        self.birth_numbers: Counter[date] = Counter()

    def _next(self, space: int) -> int:
        self.counters[space] += 1
        return self.counters[space]

    def _identity_number(self, birth: date) -> str:
        self.birth_numbers[birth] += 1
        number = self.birth_numbers[birth]
        if number > 999:
            raise OverflowError(f"more than 999 fictional people born {birth}")
        return compose_identity_number(birth, number)

    def _person(
        self, out: dict[str, list[str]], pid: str, birth: date, gender: str, born: int
    ) -> None:
        born_in_sweden = ("t", "f", NULL)[born]
        out["people_person"].append(
            f"{pid}\t{self._identity_number(birth)}\tFiktiv\tPerson\t{gender}\t{born_in_sweden}"
            f"\t\t\t\t\t\t\t2016-01-01 00:00:00+00\t2016-01-01 00:00:00+00\t\t{FICTIONAL_NAME}\n"
        )

    def _household(self, out: dict[str, list[str]], pool: Households, h: int, index: int) -> None:
        """The people of a household first seen this month, its members and investigation."""
        case, created = (
            household_key(h),
            stamp(month_of(index)),
        )
        genders, barrier = self.codes.genders, self.codes.barriers[pool.barrier[h]]
        woman = bool(pool.woman[h])
        adults = [(f"{2 * h:032x}", "applicant")]
        self._person(
            out,
            adults[0][0],
            _birth(int(pool.birth_year[h]), int(pool.birth_day[h])),
            genders[woman],
            int(pool.born[h]),
        )
        if pool.partner[h]:
            adults.append((f"{2 * h + 1:032x}", "partner"))
            self._person(
                out,
                adults[1][0],
                _birth(int(pool.partner_birth_year[h]), int(pool.partner_birth_day[h])),
                genders[not woman],
                int(pool.partner_born[h]),
            )
        members = list(adults)
        for child in range(int(pool.children[h])):
            pid = key(CHILD, 8 * h + child)
            year = index // MONTHS_PER_YEAR - int(self.rng.integers(0, 18))
            self._person(
                out,
                pid,
                _birth(year, int(self.rng.integers(0, 365))),
                genders[int(self.rng.integers(0, 2))],
                0,
            )
            members.append((pid, "child"))
        for pid, relation in members:
            out["cases_casemember"].append(
                f"{key(MEMBER, self._next(MEMBER))}\t{relation}\t{created}\t{case}\t{pid}\n"
            )
        investigation = key(INVESTIGATION, h)
        out["investigations_investigation"].append(
            f"{investigation}\t\t\t\t\t\t{NULL}\t{created}\t{created}\t{case}\t{NULL}"
            f"\t{self.setting.author}\n"
        )
        for pid, _relation in adults:
            out["investigations_investigatedadult"].append(
                f"{key(ADULT, self._next(ADULT))}\t{barrier}\t{pid}\t{investigation}\n"
            )

    def _refer(self, h: int, index: int) -> OpenReferral:
        rng, first = self.rng, month_of(index)
        created = datetime.combine(first, datetime.min.time()) + timedelta(
            days=int(rng.integers(0, 28)), hours=int(rng.integers(8, 16))
        )
        meeting = (
            created + timedelta(hours=int(rng.integers(4, 24 * 10))) if rng.random() < MET else None
        )
        referral = OpenReferral(self._next(REFERRAL), h, created, meeting)
        if meeting is None or rng.random() >= PLANNED:
            return referral
        referral.planned = True
        kinds = list(ACTIVITY_KINDS)
        start = created.date() + timedelta(days=int(rng.integers(3, 60)))
        for _ in range(2 if rng.random() < SECOND_ACTIVITY else 1):
            kind = kinds[rng.choice(len(kinds), p=list(ACTIVITY_KINDS.values()))]
            providers = (
                self.setting.education_providers
                if kind in EDUCATION_KINDS
                else self.setting.other_providers
            )
            provider = providers[int(rng.integers(0, len(providers)))]
            ends = (
                None
                if rng.random() < ENDLESS_ACTIVITY
                else start + timedelta(days=int(rng.integers(30, 180)))
            )
            referral.activities.append((kind, provider, start, ends, int(rng.integers(10, 41))))
            start = (ends or start) + timedelta(days=int(rng.integers(7, 60)))
        return referral

    def _referral_rows(
        self, out: dict[str, list[str]], referral: OpenReferral, closed: tuple[date, str] | None
    ) -> None:
        s, h = self.setting, referral.household
        rid, author = key(REFERRAL, referral.number), s.author
        sent, answered = stamp(referral.created), stamp(referral.created + timedelta(days=1))
        to_unit = s.labour_units[self._place(h).committee_id]
        if closed is None:
            status, closed_on, reason, end = "accepted", NULL, NULL, None
        else:
            end = max(closed[0], referral.created.date())
            status, closed_on, reason = "closed", f"{end}", str(s.closure_reasons[closed[1]])
        out["labour_referral"].append(
            f"{rid}\t{status}\t{sent}\t{answered}\t{household_key(h)}\t{2 * h:032x}\t{to_unit}"
            f"\t{answered}\t{author}\t{closed_on}\tjobbtorg\t\t\t{author}\t{reason}\t{NULL}\n"
        )
        if referral.meeting is not None and (end is None or referral.meeting.date() <= end):
            out["labour_coachmeeting"].append(
                f"{key(MEETING, referral.number)}\t{stamp(referral.meeting)}\t{sent}\t{author}"
                f"\t{rid}\n"
            )
        if not referral.planned:
            return
        plan = key(PLAN, referral.number)
        out["labour_actionplan"].append(
            f"{plan}\tUt ur bidragsberoende\t\t\t{sent}\t{sent}\t{2 * h:032x}\t{rid}\n"
        )
        for kind, provider, starts, ends, hours in referral.activities:
            if end is not None:
                if starts > end:
                    break
                ends = min(ends, end) if ends else end
            out["labour_activity"].append(
                f"{key(ACTIVITY, self._next(ACTIVITY))}\t{kind}\t{starts}"
                f"\t{ends if ends else NULL}\t{hours}\t{sent}\t{plan}\t{provider}\n"
            )

    def _place(self, h: int) -> Place:
        if self.pool is None:
            raise RuntimeError("no month given yet")
        return self.places[int(self.pool.place[h])]

    def month(self, pool: Households, month: Month) -> dict[str, list[str]]:
        self.pool = pool
        out: dict[str, list[str]] = {table: [] for table in TABLES}
        index, rng = month.index, self.rng
        for h in month.arrived.tolist():
            if h not in self.known:
                self.known.add(h)
                self.opened[h] = index
                self._household(out, pool, h, index)
            self.closed.pop(h, None)
            if rng.random() < REFERRED:
                self.referrals[h] = self._refer(h, index)
        categories = list(CLOSURES)
        for h in month.leaving.tolist():
            day = month_of(index) + timedelta(days=int(rng.integers(19, 28)))
            category = categories[rng.choice(len(categories), p=list(CLOSURES.values()))]
            self.closed[h] = (day, category)
            referral = self.referrals.pop(h, None)
            if referral is not None:
                self._referral_rows(out, referral, self.closed[h])
        if index in self.decisions:
            self._decisions(out, pool, month)
        return out

    def _decisions(self, out: dict[str, list[str]], pool: Households, month: Month) -> None:
        s, index = self.setting, month.index
        last = index == self.decisions[-1]
        first = month_of(index)
        decided = stamp(first - timedelta(days=6))
        law = default_rulebook().legal.law_at(first).code
        for h, amount in zip(
            month.active.tolist(), pool.amount[month.active].tolist(), strict=True
        ):
            number = self._next(DECISION)
            decision = key(DECISION, number)
            out["decisions_decision"].append(
                f"{decision}\t{first}\t{s.outcome}\t{s.signed}\t{amount}.00\t{amount}.00\t{{}}\t{{}}"
                f"\t{first.year}\tfinal\t{law}\t\t{NULL}\t{decided}\t{NULL}\t{decided}\t{NULL}"
                f"\t{household_key(h)}\t{s.author}\t{NULL}\t\t\t\n"
            )
            status = s.pending if last and self.rng.random() < NOT_YET_SENT else s.sent
            out["payments_paymentorder"].append(
                f"{key(ORDER, number)}\t{first}\t{s.purpose}\t{amount}.00\t{status}\t{decided}"
                f"\t{decision}\t{2 * h:032x}\t{self._place(h).unit_id}\t{NULL}\n"
            )

    def finish(self) -> dict[str, list[str]]:
        """The cases as they stand at the end, and the referrals still open."""
        out: dict[str, list[str]] = {table: [] for table in TABLES}
        for referral in self.referrals.values():
            self._referral_rows(out, referral, None)
        for h in sorted(self.known):
            opened = month_of(self.opened[h])
            closed = self.closed.get(h)
            status, closed_on, reason = (
                ("closed", f"{closed[0]}", str(self.setting.closure_reasons[closed[1]]))
                if closed
                else ("open", NULL, NULL)
            )
            at = stamp(opened)
            out["cases_case"].append(
                f"{household_key(h)}\tSYN-{h}\t{status}\t{opened}\t{closed_on}\t{at}\t{at}"
                f"\t{self._place(h).unit_id}\t{NULL}\t{reason}\n"
            )
        return out


def _birth(year: int, day_of_year: int) -> date:
    return date(year, 1, 1) + timedelta(days=min(day_of_year, 364))
