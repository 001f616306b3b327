# SPDX-License-Identifier: EUPL-1.2
from datetime import date
from uuid import UUID

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import ADULT_RELATIONS, Case, CaseMember, CaseStatus, Relation
from bistand.errors import DomainError
from bistand.journals.services import journal_entry_create
from bistand.labour.closure_reasons import closure_reason_label
from bistand.labour.models import ClosureReason
from bistand.labour.services import referral_close
from bistand.organisations.models import Unit
from bistand.people.models import Person


def _next_reference(opened_on: date) -> str:
    prefix = f"EB-{opened_on.year}-"
    count = Case.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:05d}"


class CaseError(DomainError):
    """A refused action on a case."""


class CaseResponsibilityError(CaseError):
    """The person already has a responsible unit (ärendeansvar) elsewhere."""


def _responsible_cases(person_id: UUID) -> QuerySet[Case]:
    # One `filter` call: person and relation must hold for the same member row. The unit is not
    # joined: a two-table query plans in a fraction of a four-table one.
    return Case.objects.filter(
        members__person_id=person_id,
        members__relation__in=ADULT_RELATIONS,
        status=CaseStatus.OPEN,
    ).order_by("-opened_on")


def responsible_case(person_id: UUID) -> Case | None:
    """The open case a person is active in as an adult; one responsible unit per person."""
    return _responsible_cases(person_id).first()


def responsible_case_id(person_id: UUID) -> UUID | None:
    """The same case's id alone: what a re-application, sent on every request, needs."""
    found: UUID | None = _responsible_cases(person_id).values_list("pk", flat=True).first()
    return found


def _responsibility_check(household: list[tuple[Person, Relation]]) -> None:
    for person, relation in household:
        if relation == Relation.CHILD:
            continue
        case = responsible_case(person.pk)
        if case is not None:
            raise CaseResponsibilityError(
                "responsible_elsewhere",
                _(
                    "%(name)s already has an open case at %(unit)s (%(committee)s), which is "
                    "responsible for them. Contact that unit instead of opening a second case."
                )
                % {
                    "name": f"{person.first_name} {person.last_name}".strip(),
                    "unit": case.unit.name,
                    "committee": case.unit.committee.name,
                },
            )


@transaction.atomic
def case_open(
    *, unit: Unit, household: list[tuple[Person, Relation]], opened_on: date, acted_by: User
) -> Case:
    """Open a case held by `unit` with its household; exactly one member is the applicant."""
    relations = [relation for _person, relation in household]
    if relations.count(Relation.APPLICANT) != 1:
        raise ValueError("A case has exactly one applicant.")
    _responsibility_check(household)
    case = Case.objects.create(reference=_next_reference(opened_on), unit=unit, opened_on=opened_on)
    CaseMember.objects.bulk_create(
        CaseMember(case=case, person=person, relation=relation) for person, relation in household
    )
    access_log_write(
        user=acted_by,
        object_type="case",
        object_id=case.pk,
        before=None,
        after={
            "unit": unit.pk,
            "members": [
                {"person": str(person.pk), "relation": relation} for person, relation in household
            ],
        },
    )
    return case


@transaction.atomic
def case_first_visit_record(*, case: Case, day: date, acted_by: User) -> Case:
    before = case.first_visit_on
    case.first_visit_on = day
    case.save(update_fields=["first_visit_on", "updated_at"])
    # The investigation has started: the applicant sees "being investigated".
    from bistand.applications.models import ApplicationStatus

    case.applications.filter(status=ApplicationStatus.RECEIVED).update(
        status=ApplicationStatus.INVESTIGATING
    )
    access_log_write(
        user=acted_by,
        object_type="case",
        object_id=case.pk,
        before={"first_visit_on": str(before) if before else None},
        after={"first_visit_on": day.isoformat()},
    )
    return case


@transaction.atomic
def case_close(*, case: Case, reason: ClosureReason, closed_on: date, acted_by: User) -> Case:
    """Close the case with a coded reason; open referrals from it close with the same reason."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.OPEN:
        raise CaseError("not_open", _("The case is already closed."))
    if not case.opened_on <= closed_on <= timezone.localdate():
        raise CaseError(
            "closed_on", _("The closing date must be between the opening date and today.")
        )
    for referral in case.referrals.filter(status__in=["sent", "accepted"]):
        referral_close(
            referral=referral,
            reason=reason,
            closed_on=max(closed_on, timezone.localdate(referral.created_at)),
            acted_by=acted_by,
        )
    case.status, case.closed_on, case.closure_reason = CaseStatus.CLOSED, closed_on, reason
    case.save(update_fields=["status", "closed_on", "closure_reason", "updated_at"])
    access_log_write(
        user=acted_by,
        object_type="case",
        object_id=case.pk,
        before={"status": "open"},
        after={"status": "closed", "reason": reason.code, "closed_on": closed_on.isoformat()},
    )
    journal_entry_create(
        case=case,
        author=acted_by,
        sign=True,
        text=gettext("The case is closed: %(reason)s (%(date)s).")
        % {"reason": closure_reason_label(reason), "date": closed_on.isoformat()},
    )
    return case
