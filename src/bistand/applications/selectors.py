# SPDX-License-Identifier: EUPL-1.2
"""What each user may see of applications and their documents."""

from django.db.models import Q, QuerySet

from bistand.accounts.models import Role, User
from bistand.applications.models import Application, ApplicationStatus, Attachment
from bistand.cases.selectors import UNIT_ROLES


def application_queryset_visible(*, user: User) -> QuerySet[Application]:
    """Applicants: their own and their partner's. Caseworkers and managers: their units' cases."""
    if user.role == Role.APPLICANT and user.person_id:
        return Application.objects.filter(
            Q(applicant_id=user.person_id) | Q(partner_id=user.person_id)
        )
    if user.role in UNIT_ROLES:
        return Application.objects.filter(case__unit__in=user.units.all()).exclude(
            status=ApplicationStatus.DRAFT
        )
    return Application.objects.none()


def attachment_queryset_visible(*, user: User) -> QuerySet[Attachment]:
    return Attachment.objects.filter(application__in=application_queryset_visible(user=user))


def applications_of(*, user: User) -> QuerySet[Application]:
    return (
        application_queryset_visible(user=user)
        .select_related("case")
        .prefetch_related("attachments")
    )


def latest_submitted_application(*, user: User) -> Application | None:
    return (
        Application.objects.filter(applicant_id=user.person_id)
        .exclude(
            status__in=[
                ApplicationStatus.DRAFT,
                ApplicationStatus.AWAITING_PARTNER,
                ApplicationStatus.WITHDRAWN,
            ]
        )
        .order_by("-month")
        .first()
    )
