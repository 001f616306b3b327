# SPDX-License-Identifier: EUPL-1.2
"""The monthly individual-level report to Socialstyrelsen (HSLF-FS 2015:30), and its check.

One row per adult of every household with a signed decision granting aid for the month, or whose
case was closed in the month: identity number, role, gender, household type, children, amounts
granted and paid (on the applicant's row), support barrier, municipal labour-market measure in the
month, and the closure reason. The codes come from `rules/parameters/national_statistics.yaml`.
The check lists what is missing or not yet reportable, per case, so it can be put right before
the deadline. The report holds identity numbers: only the `national_statistics` command writes
it, and every run is in the access log."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from bistand.cases.models import ADULT_RELATIONS, Case, CaseMember, CaseStatus, Relation
from bistand.decisions.models import AID_OUTCOMES, Decision, DecisionStatus
from bistand.followup.dimensions import birth_date_of, support_barriers_of
from bistand.followup.models import Gap, NationalCheck, NationalGap
from bistand.labour.models import Activity
from bistand.organisations.models import Municipality, Unit
from bistand.payments.models import OrderStatus, PaymentOrder
from bistand.rules.national_statistics import NationalReporting
from bistand.rules.parameters_loader import default_rulebook
from bistand.rules.statistics import last_day, month_index, month_of

COLUMNS = (
    "kommun",
    "manad",
    "hushall",
    "personnummer",
    "roll",
    "kon",
    "hushallstyp",
    "antal_barn",
    "beviljat_kr",
    "utbetalt_kr",
    "forsorjningshinder",
    "kommunal_arbetsmarknadsinsats",
    "avslutsorsak",
)


def gap_counts(missing: Iterable[Missing]) -> dict[Gap, int]:
    """How many of each gap, in the order of `Gap`, leaving out those with none."""
    counted = Counter(item.gap for item in missing)
    return {gap: counted[gap] for gap in Gap if counted[gap]}


@dataclass(frozen=True)
class ReportRow:
    household: str
    identity_number: str
    role: str
    gender: str
    household_type: str
    children: int
    granted: Decimal
    paid: Decimal
    support_barrier: str
    labour_measure: bool
    closure: str


@dataclass(frozen=True)
class Missing:
    gap: Gap
    case_id: UUID
    case_reference: str
    unit_id: int
    person_id: UUID | None = None


@dataclass(frozen=True)
class NationalReport:
    month: date
    municipality_code: str
    deadline: date
    source: str
    rows: tuple[ReportRow, ...]
    missing: tuple[Missing, ...] = field(default=())

    @property
    def households(self) -> int:
        return len({row.household for row in self.rows})

    def gaps(self) -> dict[Gap, int]:
        return gap_counts(self.missing)

    def csv_bytes(self) -> bytes:
        """Semicolon-separated, UTF-8, a header line, amounts in kronor with a decimal point
        (the file is read by a machine, not by a spreadsheet in Swedish)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(COLUMNS)
        month = f"{self.month:%Y%m}"
        for row in self.rows:
            writer.writerow(
                (
                    self.municipality_code,
                    month,
                    row.household,
                    row.identity_number,
                    row.role,
                    row.gender,
                    row.household_type,
                    row.children,
                    f"{row.granted:.2f}",
                    f"{row.paid:.2f}",
                    row.support_barrier,
                    "1" if row.labour_measure else "0",
                    row.closure,
                )
            )
        return out.getvalue().encode("utf-8")


def reporting_for(month: date) -> NationalReporting:
    found = default_rulebook().national_statistics.at(month)
    if found is None:
        raise LookupError(f"no national statistics codes for {month:%Y-%m}")
    return found


def _units_of(municipality: Municipality) -> list[int]:
    """The municipality's units, as a list: a handful of ids the planner can count on, where a join
    through committee and municipality (tables too small for autovacuum to analyse) led it to walk
    every case of the municipality."""
    return list(
        Unit.objects.filter(committee__municipality=municipality).values_list("pk", flat=True)
    )


def _granting(month: date, units: list[int]) -> QuerySet[Decision]:
    return Decision.objects.filter(
        month=month,
        outcome__in=AID_OUTCOMES,
        status=DecisionStatus.SIGNED,
        case__unit_id__in=units,
    )


def _amounts(
    month: date, units: list[int]
) -> tuple[dict[UUID, Decimal], dict[UUID, Decimal], set[UUID]]:
    """Per case: granted for the month, sent to the bank, and the cases with a decision whose
    payment has not been sent yet."""
    decisions = _granting(month, units)
    granted: dict[UUID, Decimal] = defaultdict(Decimal)
    case_of: dict[UUID, UUID] = {}
    for decision_id, case_id, amount in decisions.order_by().values_list(
        "pk", "case_id", "granted_amount"
    ):
        granted[case_id] += amount
        if amount > 0:
            case_of[decision_id] = case_id
    paid: dict[UUID, Decimal] = defaultdict(Decimal)
    for decision_id, amount in (
        PaymentOrder.objects.filter(
            decision__in=decisions.filter(granted_amount__gt=0), status=OrderStatus.SENT
        )
        .order_by()
        .values_list("decision_id", "amount")
    ):
        paid[case_of.pop(decision_id)] += amount
    unpaid = set(case_of.values())  # granted something, not (all) sent yet
    return dict(granted), dict(paid), unpaid


def _measures(adults: QuerySet[CaseMember], month: date, rules: NationalReporting) -> set[UUID]:
    """The adults with a municipal labour-market measure going on some day of the month."""
    return set(
        Activity.objects.filter(
            plan__person_id__in=adults.values("person_id"),
            kind__in=rules.labour_measure_activities,
            starts_on__lte=last_day(month_index(month)),
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=month))
        .order_by()
        .values_list("plan__person_id", flat=True)
    )


def national_report(month: date, *, municipality: Municipality) -> NationalReport:
    """The municipality's report for `month` as the records stand, with its check."""
    month = month.replace(day=1)
    rules = reporting_for(month)
    units = _units_of(municipality)
    granted, paid, unpaid = _amounts(month, units)
    closed_in_month = Q(
        status=CaseStatus.CLOSED,
        closed_on__gte=month,
        closed_on__lte=last_day(month_index(month)),
    )
    reported = Case.objects.filter(unit_id__in=units).filter(
        closed_in_month | Q(pk__in=_granting(month, units).values("case_id"))
    )
    cases = {
        case["pk"]: case
        for case in reported.order_by()
        .annotate(closed_in_month=ExpressionWrapper(closed_in_month, output_field=BooleanField()))
        .values(
            "pk", "reference", "unit_id", "closed_in_month", "closure_reason__national_category"
        )
    }
    closed = {pk for pk, case in cases.items() if case["closed_in_month"]}
    members: dict[UUID, list[Any]] = defaultdict(list)
    for member in (
        CaseMember.objects.filter(case__in=reported)
        .order_by("relation", "person__identity_number")
        .values("case_id", "person_id", "relation", "person__identity_number", "person__gender")
    ):
        members[member["case_id"]].append(member)
    barriers = support_barriers_of(reported.values("pk"))
    adults = CaseMember.objects.filter(case__in=reported, relation__in=ADULT_RELATIONS)
    measures = _measures(adults, month, rules)
    rows: list[ReportRow] = []
    missing: list[Missing] = []
    today = timezone.localdate()
    for case in sorted(cases.values(), key=lambda c: c["reference"]):
        case_id = case["pk"]

        def gap(kind: Gap, person_id: UUID | None = None, case: Any = case) -> None:
            missing.append(Missing(kind, case["pk"], case["reference"], case["unit_id"], person_id))

        household = members[case_id]
        adults_here = [m for m in household if m["relation"] in ADULT_RELATIONS]
        children = sum(m["relation"] == Relation.CHILD for m in household)
        genders = tuple(m["person__gender"] for m in adults_here)
        household_type = rules.household_type(genders, children)
        closure = ""
        if case_id in closed:
            category = case["closure_reason__national_category"]
            code = rules.closure_code(category) if category else None
            if code is None:
                gap(Gap.NO_CLOSURE_REASON)
            closure = code or ""
        if case_id in unpaid:
            gap(Gap.NOT_PAID)
        if any(g not in rules.genders for g in genders):
            gap(Gap.NO_GENDER)
        for adult in adults_here:
            person_id = adult["person_id"]
            barrier = barriers.get((case_id, person_id), "")
            code = rules.support_barrier_code(barrier) if barrier else None
            if not barrier:
                gap(Gap.NO_SUPPORT_BARRIER, person_id)
            elif code is None:
                gap(Gap.UNCODED_SUPPORT_BARRIER, person_id)
            if birth_date_of(adult["person__identity_number"], today) is None:
                gap(Gap.IDENTITY_NUMBER, person_id)
            head = adult["relation"] == Relation.APPLICANT
            rows.append(
                ReportRow(
                    household=case["reference"],
                    identity_number=adult["person__identity_number"],
                    role=rules.roles[adult["relation"]],
                    gender=rules.genders.get(adult["person__gender"], ""),
                    household_type=household_type,
                    children=children,
                    granted=granted.get(case_id, Decimal(0)) if head else Decimal(0),
                    paid=paid.get(case_id, Decimal(0)) if head else Decimal(0),
                    support_barrier=code or "",
                    labour_measure=person_id in measures,
                    closure=closure,
                )
            )
    return NationalReport(
        month=month,
        municipality_code=municipality.code,
        deadline=rules.deadline(month),
        source=rules.source,
        rows=tuple(rows),
        missing=tuple(missing),
    )


@dataclass(frozen=True)
class MunicipalityCheck:
    """The check of one municipality's report, within the units a user may see; `as_of` when read
    from the check stored at the nightly refresh, None when built just now."""

    municipality: Municipality
    deadline: date
    households: int
    gaps: list[tuple[Any, int]]
    missing: list[Missing]
    as_of: datetime | None = None


def months_to_report(today: date) -> tuple[date, date]:
    """The months whose report is being prepared: last month (due this month) and this one."""
    this = month_index(today)
    return month_of(this - 1), month_of(this)


def national_checks_store(months: Iterable[date]) -> None:
    """Build each municipality's report for the months and store what it lacks (nightly)."""
    for municipality in Municipality.objects.filter(committees__units__isnull=False).distinct():
        for month in months:
            try:
                report = national_report(month, municipality=municipality)
            except LookupError:  # no national codes for the month
                continue
            with transaction.atomic():
                NationalCheck.objects.filter(municipality=municipality, month=report.month).delete()
                stored = NationalCheck.objects.create(
                    municipality=municipality,
                    month=report.month,
                    households=report.households,
                    checked_at=timezone.now(),
                )
                NationalGap.objects.bulk_create(
                    NationalGap(
                        national_check=stored,
                        gap=item.gap,
                        case_id=item.case_id,
                        case_reference=item.case_reference,
                        unit_id=item.unit_id,
                        person_id=item.person_id,
                    )
                    for item in report.missing
                )


def _stored_missing(stored: NationalCheck, unit_ids: set[int]) -> list[Missing]:
    return [
        Missing(Gap(gap), case_id, reference, unit_id, person_id)
        for gap, case_id, reference, unit_id, person_id in stored.gaps.filter(
            unit_id__in=unit_ids
        ).values_list("gap", "case_id", "case_reference", "unit_id", "person_id")
    ]


def national_check_for(month: date, *, scope: QuerySet[Unit]) -> list[MunicipalityCheck]:
    """Per municipality of the units in scope: the gaps counted and listed for those units, from
    the check stored at the nightly refresh where there is one, else from the report built now."""
    month = month.replace(day=1)
    unit_ids = set(scope.values_list("pk", flat=True))
    checks = []
    for municipality in Municipality.objects.filter(committees__units__in=unit_ids).distinct():
        stored = NationalCheck.objects.filter(municipality=municipality, month=month).first()
        if stored is not None:
            missing = _stored_missing(stored, unit_ids)
            households, as_of = stored.households, stored.checked_at
        else:
            report = national_report(month, municipality=municipality)
            missing = [item for item in report.missing if item.unit_id in unit_ids]
            households, as_of = report.households, None
        checks.append(
            MunicipalityCheck(
                municipality=municipality,
                deadline=reporting_for(month).deadline(month),
                households=households,
                gaps=[(gap.label, count) for gap, count in gap_counts(missing).items()],
                missing=missing,
                as_of=as_of,
            )
        )
    return checks
