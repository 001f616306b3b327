"""A referred person's way through the labour-market pathway, as the coach records it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bistand.accounts.models import User
from bistand.labour.models import ActionPlan, ClosureReason, Provider, Referral
from bistand.labour.services import activity_add, plan_save, referral_accept, referral_close


def in_activity(
    referral: Referral,
    *,
    coach: User,
    kind: str,
    provider: Provider,
    starts_on: date,
    closed_as: str | None = None,
) -> ActionPlan:
    """Accept the referral, make the plan with the person, start one activity and, with
    `closed_as` (a national category), close the referral today with a reason of that category.
    A coach of the receiving unit acts; `coach` joins the unit when it has none."""
    coach = User.objects.filter(role="coach", units=referral.to_unit).first() or coach
    coach.units.add(referral.to_unit)
    referral_accept(referral=referral, acted_by=coach)
    plan = plan_save(
        referral=referral,
        goals="Arbete.",
        interests="",
        competencies="",
        made_with_person=True,
        acted_by=coach,
    )
    activity_add(
        plan=plan,
        kind=kind,
        provider=provider,
        starts_on=starts_on,
        ends_on=None,
        hours_per_week=Decimal(20),
        acted_by=coach,
    )
    if closed_as is not None:
        referral_close(
            referral=referral,
            reason=ClosureReason.objects.filter(national_category=closed_as).first(),
            closed_on=date.today(),  # noqa: DTZ011
            acted_by=coach,
        )
    return plan
