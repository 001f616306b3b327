# SPDX-License-Identifier: EUPL-1.2
from uuid import UUID

from django.db.models import QuerySet

from bistand.accounts.models import User
from bistand.appeals.models import Appeal
from bistand.decisions.models import Decision


def appeal_of(*, decision: Decision, user: User) -> Appeal | None:
    """The user's own appeal of this decision, if they have sent one."""
    if user.person_id is None:
        return None
    return Appeal.objects.filter(decision=decision, appellant_id=user.person_id).first()


def appeals_by_decision(*, user: User, decision_ids: list[UUID]) -> dict[UUID, Appeal]:
    """The user's own appeals of these decisions, by decision: for *My case*."""
    if user.person_id is None or not decision_ids:
        return {}
    mine = Appeal.objects.filter(decision_id__in=decision_ids, appellant_id=user.person_id)
    return {appeal.decision_id: appeal for appeal in mine}


def appeals_of_decision(decision: Decision) -> QuerySet[Appeal]:
    return decision.appeals.select_related("handled_by")
