# SPDX-License-Identifier: EUPL-1.2
from django.db.models import Q, QuerySet

from bistand.accounts.models import Role, User
from bistand.cases.selectors import UNIT_ROLES
from bistand.decisions.models import Decision, DecisionStatus


def decision_queryset_visible(*, user: User) -> QuerySet[Decision]:
    """Applicants: signed decisions on their own or their partner's applications. Caseworkers and
    managers: their units' cases' decisions."""
    if user.role == Role.APPLICANT and user.person_id:
        return Decision.objects.filter(
            Q(application__applicant_id=user.person_id) | Q(application__partner_id=user.person_id),
            status=DecisionStatus.SIGNED,
        )
    if user.role in UNIT_ROLES:
        return Decision.objects.filter(case__unit__in=user.units.all())
    return Decision.objects.none()
