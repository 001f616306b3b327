# SPDX-License-Identifier: EUPL-1.2
"""Records disposal (gallring, SoL 16 kap. 1 §): a case's records go five years after the last
entry, and must be gone by the end of the following calendar year. A statistical extract without
any person stays. A case with an open receivable is kept while the debt is followed up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Max

from bistand.accounts.models import User
from bistand.applications.models import Application
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, DisposalExtract, Relation
from bistand.conversations.models import SecureMessage
from bistand.decisions.models import Decision, ReductionFlag
from bistand.followup.models import AidMonthFact
from bistand.investigations.models import HomeVisit, Investigation
from bistand.journals.models import JournalEntry
from bistand.labour.models import (
    ActionPlan,
    Activity,
    Attendance,
    Referral,
    WorkCapacityAssessment,
)
from bistand.payments.models import PaymentOrder
from bistand.people.models import Person
from bistand.recoveries.models import Receivable, ReceivableStatus
from bistand.rules.parameters_loader import default_rulebook
from bistand.stored_files import file_delete_on_commit


@dataclass(frozen=True)
class DisposalCandidate:
    case: Case
    last_entry: date
    due_by: date  # the end of the calendar year after the five years have passed
    kept_because: str


def _day(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def last_entry(case: Case) -> date:
    dates = [_day(case.updated_at), _day(case.closed_on)]
    for queryset, field in (
        (JournalEntry.objects.filter(case=case), "created_at"),
        (Application.objects.filter(case=case), "updated_at"),
        (Decision.objects.filter(case=case), "decided_at"),
        (SecureMessage.objects.filter(case=case), "created_at"),
        (HomeVisit.objects.filter(case=case), "created_at"),
    ):
        dates.append(_day(queryset.aggregate(last=Max(field))["last"]))
    return max(day for day in dates if day is not None)


def disposal_candidates(*, as_of: date) -> list[DisposalCandidate]:
    years = default_rulebook().legal.disposal_years
    candidates = []
    for case in Case.objects.select_related("unit"):
        last = last_entry(case)
        if date(last.year + years, last.month, min(last.day, 28)) > as_of:
            continue
        open_debt = Receivable.objects.filter(case=case, status=ReceivableStatus.OPEN).exists()
        candidates.append(
            DisposalCandidate(
                case,
                last,
                date(last.year + years + 1, 12, 31),
                "open receivable" if open_debt else "",
            )
        )
    return sorted(candidates, key=lambda c: c.due_by)


def _extract(case: Case, last: date) -> DisposalExtract:
    decisions = Decision.objects.filter(case=case)
    members = case.members.all()
    return DisposalExtract.objects.create(
        unit=case.unit,
        opened_year=case.opened_on.year,
        last_entry_year=last.year,
        adults=members.exclude(relation=Relation.CHILD).count(),
        children=members.filter(relation=Relation.CHILD).count(),
        months_decided=decisions.count(),
        months_granted=decisions.filter(granted_amount__gt=0).count(),
        total_granted=sum((d.granted_amount for d in decisions), Decimal(0)),
    )


@transaction.atomic
def case_dispose(*, candidate: DisposalCandidate, acted_by: User) -> DisposalExtract:
    """Delete the case's records and every person left without records; keep the extract."""
    case = candidate.case
    if candidate.kept_because:
        raise ValueError(f"{case.reference} is kept: {candidate.kept_because}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the only path past the journal's trigger
            cursor.execute("SET LOCAL bistand.records_disposal = 'on'")
    extract = _extract(case, candidate.last_entry)
    people = set(case.members.values_list("person_id", flat=True))
    ReductionFlag.objects.filter(case=case).delete()
    Receivable.objects.filter(case=case).delete()
    PaymentOrder.objects.filter(decision__case=case).delete()
    JournalEntry.objects.filter(case=case, corrects__isnull=False).delete()
    JournalEntry.objects.filter(case=case).delete()
    Decision.objects.filter(case=case).delete()
    AidMonthFact.objects.filter(household_key=case.pk).delete()  # the summaries keep only counts
    applications = Application.objects.filter(case=case)
    people.update(applications.values_list("applicant_id", flat=True))
    for application in applications:
        for attachment in application.attachments.all():
            # The file goes when the disposal is committed: one that fails keeps both.
            file_delete_on_commit(attachment.file.storage, attachment.file.name)
            attachment.delete()
    applications.delete()
    SecureMessage.objects.filter(case=case).delete()
    HomeVisit.objects.filter(case=case).delete()
    Investigation.objects.filter(case=case).delete()
    Attendance.objects.filter(activity__plan__referral__case=case).delete()
    Activity.objects.filter(plan__referral__case=case).delete()
    ActionPlan.objects.filter(referral__case=case).delete()
    Referral.objects.filter(case=case).delete()
    WorkCapacityAssessment.objects.filter(case=case).delete()
    case.members.all().delete()
    reference = case.reference
    case.delete()
    for person in Person.objects.filter(pk__in=people):
        still_has_records = (
            person.memberships.exists()
            or person.applications.exists()
            or person.partner_applications.exists()
            or person.referrals.exists()
            or person.payments.exists()
        )
        if not still_has_records:
            User.objects.filter(person=person).delete()
            person.grants.all().delete()
            person.delete()
    access_log_write(
        user=acted_by,
        object_type="records_disposal",
        object_id=extract.pk,
        before={"case": reference},
        after={"extract": extract.pk},
    )
    return extract
