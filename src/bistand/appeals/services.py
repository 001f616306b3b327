# SPDX-License-Identifier: EUPL-1.2
"""Receiving an appeal through the e-service, and the committee's check that it came in in time.

The system dates the appeal, computes the last day from when the appellant first opened the
decision here, and flags a late one. Rejecting it as late, or handing it on to the court, is a
caseworker's act with a documented assessment (45 § förvaltningslagen): the delay may be the
authority's own fault, or the decision may have reached the person another way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bistand.accounts.models import User
from bistand.appeals.models import Appeal, AppealStatus
from bistand.appeals.selectors import appeal_of
from bistand.audit.models import AccessAction, AccessLogEntry
from bistand.audit.services import access_log_write
from bistand.decisions.models import Decision
from bistand.errors import DomainError
from bistand.integrations.notifications.services import notification_schedule
from bistand.journals.services import journal_entry_create
from bistand.rules.appeal import AppealTimeliness, appeal_timeliness
from bistand.rules.parameters_loader import default_rulebook

# The pages that show a person the whole decision: opening one of them is receiving it.
DECISION_READ_TYPES = ("decision", "decision_letter")


class AppealError(DomainError):
    """A refused action on an appeal."""


def decision_first_opened(*, decision: Decision, user: User) -> date | None:
    """The day `user` first opened the decision, as a page or as its PDF, from the access log."""
    first = (
        AccessLogEntry.objects.filter(
            actor_id=user.pk,
            object_type__in=DECISION_READ_TYPES,
            object_id=str(decision.pk),
            action=AccessAction.READ,
            granted=True,
        )
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )
    return timezone.localdate(first) if first else None


@dataclass(frozen=True)
class AppealDeadline:
    """What the appellant is told before sending: when they received the decision, as far as
    the e-service knows, and the last day counted from it."""

    decision_received_on: date | None
    last_day: date | None
    weeks: int


def appeal_deadline(*, decision: Decision, user: User) -> AppealDeadline:
    received = decision_first_opened(decision=decision, user=user)
    timeliness = _timeliness(received, timezone.localdate())
    return AppealDeadline(received, timeliness.last_day, default_rulebook().legal.appeal.weeks)


def _timeliness(received: date | None, came_in: date) -> AppealTimeliness:
    rulebook = default_rulebook()
    return appeal_timeliness(
        decision_received_on=received,
        appeal_received_on=came_in,
        weeks=rulebook.legal.appeal.weeks,
        eves=rulebook.working_day_eves.at(received or came_in) or (),
    )


@dataclass(frozen=True)
class AppealSent:
    appeal: Appeal
    created: bool  # False: the same person had already appealed this decision (a double send)


def appeal_submit(
    *, decision: Decision, requested_change: str, reasons: str, acted_by: User
) -> AppealSent:
    """The appellant's appeal comes in now. Sent twice, it is one appeal: the first stands."""
    if acted_by.person_id is None:
        raise AppealError(
            "no_person", gettext_lazy("Only the person the decision is about can appeal it.")
        )
    existing = appeal_of(decision=decision, user=acted_by)
    if existing is not None:
        return AppealSent(existing, created=False)
    now = timezone.now()
    received = decision_first_opened(decision=decision, user=acted_by)
    timeliness = _timeliness(received, timezone.localdate(now))
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(
                decision=decision,
                appellant_id=acted_by.person_id,
                requested_change=requested_change.strip(),
                reasons=reasons.strip(),
                received_at=now,
                decision_received_on=received,
                last_day=timeliness.last_day,
            )
    except IntegrityError:  # a second send that raced the first: the first stands
        raced = Appeal.objects.get(decision=decision, appellant_id=acted_by.person_id)
        return AppealSent(raced, created=False)
    access_log_write(
        user=acted_by,
        object_type="appeal",
        object_id=appeal.pk,
        before=None,
        after={
            "decision": str(decision.pk),
            "received_at": now.isoformat(),
            "last_day": timeliness.last_day.isoformat() if timeliness.last_day else None,
        },
    )
    return AppealSent(appeal, created=True)


@transaction.atomic
def appeal_forward(*, appeal: Appeal, assessment: str, acted_by: User) -> Appeal:
    """Came in in time, or late for a reason 45 § accepts: handed on to the administrative court
    with the case's documents. The journal says so, and the appellant is told something new is
    waiting."""
    return _handle(appeal, AppealStatus.FORWARDED, assessment, acted_by)


@transaction.atomic
def appeal_reject_late(*, appeal: Appeal, assessment: str, acted_by: User) -> Appeal:
    """Came in too late (45 § förvaltningslagen): rejected, on the caseworker's assessment."""
    return _handle(appeal, AppealStatus.REJECTED_LATE, assessment, acted_by)


def _handle(appeal: Appeal, status: AppealStatus, assessment: str, acted_by: User) -> Appeal:
    locked = Appeal.objects.select_for_update().select_related("decision__case").get(pk=appeal.pk)
    if locked.status != AppealStatus.RECEIVED:
        raise AppealError("handled", gettext_lazy("This appeal has already been handled."))
    if not assessment.strip():
        raise AppealError(
            "no_assessment",
            gettext_lazy("Write your assessment: whether it came in in time, and why."),
        )
    locked.status = status
    locked.assessment = assessment.strip()
    locked.handled_by = acted_by
    locked.handled_at = timezone.now()
    locked.save(update_fields=["status", "assessment", "handled_by", "handled_at"])
    journal_entry_create(
        case=locked.decision.case, text=_journal_text(locked), author=acted_by, sign=True
    )
    access_log_write(
        user=acted_by,
        object_type="appeal",
        object_id=locked.pk,
        before={"status": AppealStatus.RECEIVED},
        after={"status": status, "assessment": locked.assessment},
    )
    notification_schedule(person=locked.appellant)
    return locked


def _journal_text(appeal: Appeal) -> str:
    provision = default_rulebook().legal.appeal.review_provision
    with translation.override(settings.LANGUAGE_CODE):  # the journal is kept in Swedish
        facts = {
            "month": date_format(appeal.decision.month, "F Y"),
            "date": timezone.localdate(appeal.received_at).isoformat(),
            "provision": provision,
        }
        if appeal.status == AppealStatus.FORWARDED:
            outcome = _(
                "The appeal of the decision for %(month)s came in on %(date)s. It is handed on "
                "to the administrative court (%(provision)s)."
            )
        else:
            outcome = _(
                "The appeal of the decision for %(month)s came in on %(date)s. It came in too "
                "late and is rejected (%(provision)s)."
            )
        assessment = _("Assessment: %(assessment)s") % {"assessment": appeal.assessment}
        return f"{outcome % facts}\n{assessment}"
