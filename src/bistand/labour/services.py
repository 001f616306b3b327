# SPDX-License-Identifier: EUPL-1.2
"""The labour-market pathway's actions. Each checks its rule, writes, and logs the write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, Relation
from bistand.decisions.flags import reduction_flag_raise
from bistand.decisions.models import FlagGround
from bistand.errors import DomainError
from bistand.integrations.notifications.services import notification_schedule
from bistand.journals.services import journal_entry_create
from bistand.labour.closure_reasons import closure_reason_label
from bistand.labour.models import (
    ACTIVE_REFERRAL_STATUSES,
    FLAGGING_ATTENDANCE,
    ActionPlan,
    ActionPlanVersion,
    Activity,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    ClosureReason,
    CoachMeeting,
    Path,
    Provider,
    Referral,
    ReferralStatus,
    WorkCapacity,
    WorkCapacityAssessment,
)
from bistand.labour.policy import referral_policy, starting_a_business_allowed
from bistand.organisations.models import Unit, UnitKind
from bistand.people.models import Person
from bistand.rules.labour import ReferralPath, referral_path_proposed


class LabourError(DomainError):
    """A refused action on the labour-market pathway."""


PATH_UNIT_KINDS = {
    ReferralPath.JOBBTORG: UnitKind.JOBBTORG,
    ReferralPath.JOBBTORG_RESURS: UnitKind.JOBBTORG_RESURS,
    ReferralPath.OWN_WORK_TRAINING: UnitKind.WORK_TRAINING,
}
UNIT_KIND_PATHS = {kind: path for path, kind in PATH_UNIT_KINDS.items()}


def _adult_in_case(case: Case, person: Person) -> None:
    adult = case.members.filter(person=person).exclude(relation=Relation.CHILD).exists()
    if not adult:
        raise LabourError("not_an_adult_member", _("Choose an adult in this case's household."))


@transaction.atomic
def work_capacity_record(
    *,
    case: Case,
    person: Person,
    level: str,
    percentage: int | None,
    basis: str,
    assessed_on: date,
    persons_view: str,
    acted_by: User,
) -> WorkCapacityAssessment:
    _adult_in_case(case, person)
    if level == WorkCapacity.PARTLY_REDUCED and not (percentage and 0 < percentage < 100):
        raise LabourError(
            "percentage_required",
            _("A partly reduced work capacity needs a percentage between 1 and 99."),
        )
    if level != WorkCapacity.PARTLY_REDUCED and percentage is not None:
        raise LabourError(
            "percentage_only_when_partly_reduced",
            _("Give a percentage only when the work capacity is partly reduced."),
        )
    if assessed_on > timezone.localdate():
        raise LabourError("assessed_in_future", _("The assessment date cannot be in the future."))
    assessment = WorkCapacityAssessment.objects.create(
        case=case,
        person=person,
        level=level,
        percentage=percentage,
        basis=basis,
        assessed_on=assessed_on,
        persons_view=persons_view.strip(),
        recorded_by=acted_by,
    )
    access_log_write(
        user=acted_by,
        object_type="work_capacity",
        object_id=assessment.pk,
        before=None,
        after={"person": str(person.pk), "level": level, "percentage": percentage, "basis": basis},
    )
    text = gettext("Work capacity of %(name)s: %(level)s%(percentage)s (%(basis)s, %(date)s).") % {
        "name": f"{person.first_name} {person.last_name}",
        "level": assessment.get_level_display(),
        "percentage": f" {percentage} %" if percentage else "",
        "basis": assessment.get_basis_display(),
        "date": assessed_on.isoformat(),
    }
    if assessment.persons_view:
        text += "\n" + gettext("The person's own view: %(view)s") % {
            "view": assessment.persons_view
        }
    journal_entry_create(case=case, author=acted_by, sign=True, text=text)
    return assessment


def work_capacity_current(*, case: Case, person: Person) -> WorkCapacityAssessment | None:
    return WorkCapacityAssessment.objects.filter(case=case, person=person).first()


@dataclass(frozen=True)
class Proposal:
    """What the policy proposes; `path` None when the municipality has no referral policy."""

    assessment: WorkCapacityAssessment
    path: ReferralPath | None
    unit: Unit | None

    @property
    def path_label(self) -> str:
        if self.path is None:
            return gettext("No referral policy: choose the unit yourself")
        return str(Path(self.path).label)


def referral_units(case: Case) -> list[Unit]:
    """Units a case in this municipality can be referred to."""
    return list(
        Unit.objects.filter(
            committee__municipality=case.unit.committee.municipality,
            kind__in=list(PATH_UNIT_KINDS.values()),
        ).select_related("committee")
    )


def _unit_for(case: Case, path: ReferralPath) -> Unit | None:
    kind = PATH_UNIT_KINDS.get(path)
    if kind is None:
        return None
    units = Unit.objects.filter(kind=kind, committee__municipality=case.unit.committee.municipality)
    if path == ReferralPath.OWN_WORK_TRAINING:
        units = units.filter(committee=case.unit.committee)
    return units.order_by("name").first()


def referral_proposal(*, case: Case, person: Person) -> Proposal | None:
    """What the policy proposes for this adult's latest assessment (None: not yet assessed)."""
    assessment = work_capacity_current(case=case, person=person)
    if assessment is None:
        return None
    policy = referral_policy(case.unit.committee.municipality, assessment.assessed_on)
    if policy is None:
        return Proposal(assessment, None, None)
    path = referral_path_proposed(policy, assessment.level)
    return Proposal(assessment, path, _unit_for(case, path))


@transaction.atomic
def referral_send(
    *, case: Case, person: Person, to_unit: Unit, reason: str, acted_by: User
) -> Referral:
    """Send the referral. Another unit than the policy proposes needs the caseworker's reason."""
    _adult_in_case(case, person)
    proposal = referral_proposal(case=case, person=person)
    if proposal is None:
        raise LabourError(
            "assessment_first", _("Record the person's work capacity before you refer them.")
        )
    if to_unit not in referral_units(case):
        raise LabourError("unit_not_receiving", _("That unit does not take referrals."))
    if proposal.path is not None and to_unit != proposal.unit and not reason.strip():
        raise LabourError(
            "reason_required",
            _("You chose another path than the proposed one: write the reason for your choice."),
        )
    if Referral.objects.filter(
        person=person, to_unit=to_unit, status__in=ACTIVE_REFERRAL_STATUSES
    ).exists():
        raise LabourError(
            "already_referred", _("The person already has an open referral to that unit.")
        )
    referral = Referral.objects.create(
        case=case,
        person=person,
        to_unit=to_unit,
        assessment=proposal.assessment,
        proposed_path=proposal.path or "",
        reason=reason.strip(),
        sent_by=acted_by,
    )
    access_log_write(
        user=acted_by,
        object_type="referral",
        object_id=referral.pk,
        before=None,
        after={
            "case": str(case.pk),
            "person": str(person.pk),
            "to_unit": to_unit.pk,
            "proposed_path": proposal.path or "",
        },
    )
    text = gettext("Referred %(name)s to %(unit)s. Proposed by the policy: %(path)s.") % {
        "name": f"{person.first_name} {person.last_name}",
        "unit": to_unit.name,
        "path": proposal.path_label,
    }
    if referral.reason:
        text += "\n" + gettext("Reason for another path: %(reason)s") % {"reason": referral.reason}
    journal_entry_create(case=case, author=acted_by, sign=True, text=text)
    return referral


def _referral_log(referral: Referral, acted_by: User, before: Any, after: Any) -> None:
    access_log_write(
        user=acted_by, object_type="referral", object_id=referral.pk, before=before, after=after
    )


def _locked(referral: Referral) -> Referral:
    return Referral.objects.select_for_update().get(pk=referral.pk)


@transaction.atomic
def referral_accept(*, referral: Referral, acted_by: User) -> Referral:
    referral = _locked(referral)
    if referral.status != ReferralStatus.SENT:
        raise LabourError("not_waiting", _("This referral has already been answered."))
    referral.status, referral.answered_by, referral.answered_at = (
        ReferralStatus.ACCEPTED,
        acted_by,
        timezone.now(),
    )
    referral.save(update_fields=["status", "answered_by", "answered_at", "updated_at"])
    _referral_log(referral, acted_by, {"status": "sent"}, {"status": "accepted"})
    return referral


@transaction.atomic
def referral_return(*, referral: Referral, reason: str, acted_by: User) -> Referral:
    """Send the referral back (återremiss) with the reason the caseworker will read."""
    referral = _locked(referral)
    if referral.status not in ACTIVE_REFERRAL_STATUSES:
        raise LabourError("not_open", _("Only an open referral can be sent back."))
    if not reason.strip():
        raise LabourError("return_reason", _("Write why you send the referral back."))
    before = {"status": referral.status}
    referral.status, referral.return_reason = ReferralStatus.RETURNED, reason.strip()
    referral.answered_by, referral.answered_at = acted_by, timezone.now()
    referral.save(
        update_fields=["status", "return_reason", "answered_by", "answered_at", "updated_at"]
    )
    _referral_log(referral, acted_by, before, {"status": "returned"})
    return referral


def _accepted(referral: Referral) -> None:
    accepted = Referral.objects.filter(pk=referral.pk, status=ReferralStatus.ACCEPTED).exists()
    if not accepted:
        raise LabourError("accept_first", _("Accept the referral first."))


@transaction.atomic
def meeting_book(*, referral: Referral, starts_at: datetime, acted_by: User) -> CoachMeeting:
    _accepted(referral)
    if starts_at < referral.created_at:
        raise LabourError(
            "meeting_before_referral", _("The meeting cannot be before the referral.")
        )
    meeting = CoachMeeting.objects.create(
        referral=referral, starts_at=starts_at, booked_by=acted_by
    )
    _referral_log(referral, acted_by, None, {"meeting": starts_at.isoformat()})
    return meeting


def _plan_content(plan: ActionPlan) -> dict[str, Any]:
    return {
        "goals": plan.goals,
        "interests": plan.interests,
        "competencies": plan.competencies,
        "activities": [
            {
                "kind": activity.kind,
                "provider": activity.provider.name,
                "starts_on": activity.starts_on.isoformat(),
                "ends_on": activity.ends_on.isoformat() if activity.ends_on else None,
                "hours_per_week": str(activity.hours_per_week),
            }
            for activity in plan.activities.select_related("provider")
        ],
    }


def _plan_version(plan: ActionPlan, *, made_with_person: bool | None, acted_by: User) -> None:
    """Freeze the plan as its next version; `made_with_person` None keeps the last version's."""
    previous = plan.versions.order_by("-number").first()
    last = previous.number if previous else 0
    if made_with_person is None:
        made_with_person = bool(previous and previous.made_with_person)
    version = ActionPlanVersion.objects.create(
        plan=plan,
        number=last + 1,
        content=_plan_content(plan),
        made_with_person=made_with_person,
        created_by=acted_by,
    )
    access_log_write(
        user=acted_by,
        object_type="action_plan",
        object_id=plan.pk,
        before={"version": last} if last else None,
        after={"version": version.number},
    )
    person = plan.person
    notification_schedule(person=person)


@transaction.atomic
def plan_save(
    *,
    referral: Referral,
    goals: str,
    interests: str,
    competencies: str,
    made_with_person: bool,
    acted_by: User,
) -> ActionPlan:
    """Make or change the plan; every save is a new version the person can read."""
    _accepted(referral)
    if not goals.strip():
        raise LabourError("goals_required", _("Write the plan's goals, in the person's words."))
    plan = ActionPlan.objects.filter(referral=referral).first() or ActionPlan(
        referral=referral, person=referral.person
    )
    plan.goals, plan.interests, plan.competencies = (
        goals.strip(),
        interests.strip(),
        competencies.strip(),
    )
    plan.save()
    _plan_version(plan, made_with_person=made_with_person, acted_by=acted_by)
    return plan


@transaction.atomic
def activity_add(
    *,
    plan: ActionPlan,
    kind: str,
    provider: Provider,
    starts_on: date,
    ends_on: date | None,
    hours_per_week: Decimal,
    acted_by: User,
) -> Activity:
    _accepted(plan.referral)
    municipality = plan.referral.case.unit.committee.municipality
    if kind == ActivityKind.STARTING_A_BUSINESS and not starting_a_business_allowed(
        municipality, starts_on
    ):
        raise LabourError(
            "business_not_allowed",
            _("The municipality does not offer starting a business as an activity while on aid."),
        )
    if ends_on is not None and ends_on < starts_on:
        raise LabourError("ends_before_start", _("The activity cannot end before it starts."))
    if not Decimal("0") < hours_per_week <= Decimal("40"):
        raise LabourError("hours", _("Hours per week must be more than 0 and at most 40."))
    activity = Activity.objects.create(
        plan=plan,
        kind=kind,
        provider=provider,
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours_per_week,
    )
    _plan_version(plan, made_with_person=None, acted_by=acted_by)
    return activity


FLAG_GROUNDS = {
    AttendanceStatus.UNEXCUSED: FlagGround.ABSENCE_FROM_ACTIVITY,
    AttendanceStatus.REFUSED_OFFER: FlagGround.REFUSED_ACTIVITY,
}


@transaction.atomic
def attendance_record(
    *, activity: Activity, on: date, status: str, note: str, acted_by: User
) -> Attendance:
    """Record one day. An unexcused absence or a refused offer raises a flag in the aid case for
    the caseworker's individual assessment — it never changes any amount by itself."""
    if on < activity.starts_on or (activity.ends_on and on > activity.ends_on):
        raise LabourError("outside_activity", _("The date is outside the activity's dates."))
    if on > timezone.localdate():
        raise LabourError("attendance_in_future", _("Attendance cannot be recorded in advance."))
    try:
        with transaction.atomic():
            attendance = Attendance.objects.create(
                activity=activity, on=on, status=status, note=note.strip(), recorded_by=acted_by
            )
    except IntegrityError:
        raise LabourError(
            "attendance_twice", _("Attendance for that day is already recorded.")
        ) from None
    access_log_write(
        user=acted_by,
        object_type="attendance",
        object_id=attendance.pk,
        before=None,
        after={"activity": str(activity.pk), "on": on.isoformat(), "status": status},
    )
    if status in FLAGGING_ATTENDANCE:
        referral = activity.plan.referral
        description = gettext("%(activity)s at %(provider)s on %(date)s: %(status)s.") % {
            "activity": activity.get_kind_display(),
            "provider": activity.provider.name,
            "date": on.isoformat(),
            "status": attendance.get_status_display(),
        }
        if attendance.note:
            description += " " + attendance.note
        reduction_flag_raise(
            case=referral.case,
            ground=FLAG_GROUNDS[AttendanceStatus(status)],
            description=description,
            raised_by=acted_by,
        )
    return attendance


@transaction.atomic
def referral_close(
    *, referral: Referral, reason: ClosureReason, closed_on: date, acted_by: User
) -> Referral:
    referral = _locked(referral)
    if referral.status not in ACTIVE_REFERRAL_STATUSES:
        raise LabourError("not_open", _("The referral is not open."))
    if closed_on > timezone.localdate() or closed_on < timezone.localdate(referral.created_at):
        raise LabourError(
            "closed_on", _("The closing date must be between the referral and today.")
        )
    if not reason.active:
        raise LabourError("reason_retired", _("That closure reason is no longer in use."))
    before = {"status": referral.status}
    referral.status, referral.closure_reason, referral.closed_on = (
        ReferralStatus.CLOSED,
        reason,
        closed_on,
    )
    referral.save(update_fields=["status", "closure_reason", "closed_on", "updated_at"])
    _referral_log(referral, acted_by, before, {"status": "closed", "reason": reason.code})
    journal_entry_create(
        case=referral.case,
        author=acted_by,
        sign=True,
        text=gettext("The referral to %(unit)s is closed: %(reason)s (%(date)s).")
        % {
            "unit": referral.to_unit.name,
            "reason": closure_reason_label(reason),
            "date": closed_on.isoformat(),
        },
    )
    return referral
