# SPDX-License-Identifier: EUPL-1.2
"""What each user may see on the labour-market side. Coaches: referrals to their units (open or
closed, for the follow-up) and the special-support applications of their units."""

from django.db.models import QuerySet

from bistand.accounts.models import Role, User
from bistand.labour.models import ActionPlanVersion, Referral, SpecialSupportApplication


def referral_queryset_visible(*, user: User) -> QuerySet[Referral]:
    if user.role != Role.COACH:
        return Referral.objects.none()
    return Referral.objects.filter(to_unit__in=user.units.all())


def special_support_queryset_visible(*, user: User) -> QuerySet[SpecialSupportApplication]:
    if user.role != Role.COACH:
        return SpecialSupportApplication.objects.none()
    return SpecialSupportApplication.objects.filter(unit__in=user.units.all())


def plans_of_applicant(*, user: User) -> list[ActionPlanVersion]:
    """The latest version of each plan made for the logged-in applicant."""
    if user.role != Role.APPLICANT or user.person_id is None:
        return []
    versions = ActionPlanVersion.objects.filter(plan__person_id=user.person_id).select_related(
        "plan__referral__to_unit"
    )
    latest: dict[object, ActionPlanVersion] = {}
    for version in versions.order_by("plan_id", "-number"):
        latest.setdefault(version.plan_id, version)
    return sorted(latest.values(), key=lambda version: version.created_at, reverse=True)
