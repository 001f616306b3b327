# SPDX-License-Identifier: EUPL-1.2
"""Log review (logguppföljning) for unit managers."""

from django.db.models import Q, QuerySet

from bistand.accounts.models import User
from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Case
from bistand.people.models import Person

REVIEW_LIMIT = 500


def access_log_for_person(*, person: Person) -> QuerySet[AccessLogEntry]:
    """Every logged access to the person or to a case they are a member of."""
    case_ids = [
        str(pk) for pk in Case.objects.filter(members__person=person).values_list("pk", flat=True)
    ]
    return AccessLogEntry.objects.filter(
        Q(object_type="person", object_id=str(person.pk))
        | Q(object_type="case", object_id__in=case_ids)
    )[:REVIEW_LIMIT]


def access_log_for_staff(*, staff: User) -> QuerySet[AccessLogEntry]:
    return AccessLogEntry.objects.filter(actor_id=staff.pk)[:REVIEW_LIMIT]
