# SPDX-License-Identifier: EUPL-1.2
from datetime import date

from django.db import transaction

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, CaseMember, Relation
from bistand.organisations.models import Unit
from bistand.people.models import Person


def _next_reference(opened_on: date) -> str:
    prefix = f"EB-{opened_on.year}-"
    count = Case.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:05d}"


@transaction.atomic
def case_open(
    *, unit: Unit, household: list[tuple[Person, Relation]], opened_on: date, acted_by: User
) -> Case:
    """Open a case held by `unit` with its household; exactly one member is the applicant."""
    relations = [relation for _person, relation in household]
    if relations.count(Relation.APPLICANT) != 1:
        raise ValueError("A case has exactly one applicant.")
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
