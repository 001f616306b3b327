# SPDX-License-Identifier: EUPL-1.2
"""Flags point at a possible ground for reduction; a caseworker assesses each one."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case
from bistand.decisions.models import FlagGround, ReductionFlag
from bistand.decisions.services import DecisionError


@transaction.atomic
def reduction_flag_raise(
    *, case: Case, ground: str, description: str, raised_by: User
) -> ReductionFlag:
    if ground not in FlagGround.values or not description.strip():
        raise DecisionError("flag_incomplete", _("Choose the ground and describe what happened."))
    flag = ReductionFlag.objects.create(
        case=case, ground=ground, description=description.strip(), raised_by=raised_by
    )
    access_log_write(
        user=raised_by,
        object_type="reduction_flag",
        object_id=flag.pk,
        before=None,
        after={"case": str(case.pk), "ground": ground},
    )
    return flag


@transaction.atomic
def reduction_flag_resolve(
    *, flag: ReductionFlag, resolution: str, resolved_by: User
) -> ReductionFlag:
    if not resolution.strip():
        raise DecisionError(
            "assessment_required",
            _("Write your assessment: was there an acceptable reason, and what follows?"),
        )
    flag.resolution, flag.resolved_by, flag.resolved_at = (
        resolution.strip(),
        resolved_by,
        timezone.now(),
    )
    flag.save(update_fields=["resolution", "resolved_by", "resolved_at"])
    access_log_write(
        user=resolved_by,
        object_type="reduction_flag",
        object_id=flag.pk,
        before={"resolved": False},
        after={"resolved": True},
    )
    return flag
