# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet

from bistand.accounts.models import Role, User
from bistand.cases.models import Case
from bistand.conversations.models import SecureMessage


def applicant_cases(*, user: User) -> QuerySet[Case]:
    """The cases an applicant is an adult member of (applicant or partner)."""
    if user.role != Role.APPLICANT or not user.person_id:
        return Case.objects.none()
    return Case.objects.filter(
        members__person_id=user.person_id, members__relation__in=["applicant", "partner"]
    ).distinct()


def messages_for_applicant(*, user: User) -> QuerySet[SecureMessage]:
    return SecureMessage.objects.filter(case__in=applicant_cases(user=user)).select_related("case")


def unread_count(*, user: User) -> int:
    return messages_for_applicant(user=user).filter(from_staff=True, read_at__isnull=True).count()


def messages_of_case(*, case: Case) -> QuerySet[SecureMessage]:
    return case.messages.select_related("sender").order_by("created_at")
