# SPDX-License-Identifier: EUPL-1.2
"""What applicants have sent that their unit has not yet seen: an urgent need not yet assessed
(ADR 0038), new messages, completions, withdrawals and appeals; and completions whose day has
passed with nothing sent, which wait for the caseworker's assessment (decide on what the case
holds, or ask again).

The caseworker's case list puts these cases first and links to them, so nothing an applicant
sends waits unread until someone happens to open the case, and no request is forgotten."""

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from bistand.accounts.models import User
from bistand.appeals.models import Appeal, AppealStatus
from bistand.applications.models import UNDECIDED_STATUSES, Application, ApplicationStatus
from bistand.applications.selectors import application_queryset_visible
from bistand.cases.selectors import UNIT_ROLES, case_queryset_visible
from bistand.conversations.models import SecureMessage


@dataclass
class Waiting:
    urgent: list[Application] = field(default_factory=list)  # an urgent need, not yet assessed
    new_messages: int = 0
    completions: list[Application] = field(default_factory=list)
    past_due: list[Application] = field(default_factory=list)  # asked to complete, nothing came
    withdrawals: list[Application] = field(default_factory=list)
    appeals: list[Appeal] = field(default_factory=list)


# The attribute a view that has already counted what waits in every case the user sees sets on
# the request, so that the navigation does not count it again on the same page.
WAITING_COUNTED = "waiting_case_count"


class WaitingFirst(Sequence[UUID]):
    """The ids of the cases in a list, the waiting ones first and each part in the list's own
    order, for a paginator. The waiting cases are few and read whole; the rest are read a page
    at a time with OFFSET and LIMIT, so a page costs the same in a unit of 150 000 cases as in
    one of 50 (bench/waiting.py)."""

    def __init__(self, cases: QuerySet[Any, Any], waiting: Collection[UUID]) -> None:
        self._cases = cases
        self._waiting: list[UUID] = (
            list(cases.filter(pk__in=list(waiting)).values_list("pk", flat=True)) if waiting else []
        )
        self._total: int | None = None

    @property
    def waiting(self) -> list[UUID]:
        """The waiting cases among those listed, in the list's order."""
        return self._waiting

    def __len__(self) -> int:
        if self._total is None:
            self._total = self._cases.count()
        return self._total

    def __iter__(self) -> Iterator[UUID]:  # all of it, in one query per part
        return iter(self[0 : len(self)])

    @overload
    def __getitem__(self, index: int) -> UUID: ...

    @overload
    def __getitem__(self, index: slice) -> list[UUID]: ...

    def __getitem__(self, index: int | slice) -> UUID | list[UUID]:
        if isinstance(index, int):
            found = self[index : index + 1]
            if index < 0 or not found:
                raise IndexError(index)
            return found[0]
        start, stop = index.start or 0, index.stop if index.stop is not None else len(self)
        first = self._waiting[start:stop]
        rest_start, rest_stop = max(start - len(self._waiting), 0), stop - len(self._waiting)
        if rest_stop <= rest_start:
            return first
        rest = self._cases.exclude(pk__in=self._waiting) if self._waiting else self._cases
        return first + list(rest.values_list("pk", flat=True)[rest_start:rest_stop])


def waiting_case_count(*, user: User) -> int:
    """How many of the cases the user may see have something waiting for their unit: the count
    beside "Cases" on every page of theirs, so that what an applicant sends is seen from
    wherever the caseworker is working."""
    if user.role not in UNIT_ROLES:
        return 0
    return len(waiting_for_unit(user=user, case_ids=case_queryset_visible(user=user).values("pk")))


def waiting_for_unit(
    *, user: User, case_ids: Sequence[UUID] | QuerySet[Any, Any]
) -> dict[UUID, Waiting]:
    """Per case the user's unit handles: the urgent needs no one has recorded as assessed, the
    applicants' messages no one in the unit has read, the completions the applicant has sent
    that no one has confirmed as received, the completions due before today of which nothing
    came, the applications the applicant has withdrawn that no one has written off, and the
    appeals whose time limit no one has checked."""
    if user.role not in UNIT_ROLES or (isinstance(case_ids, Sequence) and not case_ids):
        return {}
    waiting: dict[UUID, Waiting] = {}
    unread = (
        SecureMessage.objects.filter(case_id__in=case_ids, from_staff=False, read_at__isnull=True)
        .values("case_id")
        .annotate(count=Count("id"))
    )
    for row in unread:
        waiting.setdefault(row["case_id"], Waiting()).new_messages = row["count"]
    sent_to_the_unit = (
        application_queryset_visible(user=user)
        .filter(case_id__in=case_ids)
        .filter(
            Q(status=ApplicationStatus.NEEDS_COMPLETION, completion_sent_at__isnull=False)
            | Q(
                status=ApplicationStatus.NEEDS_COMPLETION,
                completion_sent_at__isnull=True,
                completion_due__lt=timezone.localdate(),
            )
            | Q(status=ApplicationStatus.WITHDRAWN, written_off_at__isnull=True)
            | Q(
                status__in=UNDECIDED_STATUSES,
                urgent_need_stated=True,
                urgent_need_assessed_at__isnull=True,
            )
        )
        .only(
            "id",
            "case_id",
            "status",
            "month",
            "urgent_need_stated",
            "urgent_need_assessed_at",
            "completion_due",
            "completion_sent_at",
            "withdrawn_at",
        )
        .order_by("month", "created_at")
    )
    for application in sent_to_the_unit:
        if not application.case_id:  # never, by the filter; the field is optional for drafts
            continue
        entry = waiting.setdefault(application.case_id, Waiting())
        if application.urgent_need_waiting:
            entry.urgent.append(application)
        if application.status == ApplicationStatus.WITHDRAWN:
            entry.withdrawals.append(application)
        elif application.status == ApplicationStatus.NEEDS_COMPLETION:
            if application.completion_sent_at is not None:
                entry.completions.append(application)
            elif application.completion_past_due:
                entry.past_due.append(application)
    appeals = (
        Appeal.objects.filter(decision__case_id__in=case_ids, status=AppealStatus.RECEIVED)
        .select_related("decision")
        .only("id", "received_at", "decision__id", "decision__case_id", "decision__month")
        .order_by("received_at")
    )
    for appeal in appeals:
        waiting.setdefault(appeal.decision.case_id, Waiting()).appeals.append(appeal)
    return waiting
