# SPDX-License-Identifier: EUPL-1.2
"""The one gate in front of every view that shows or changes case data.

`access_checked` checks role, unit and (for staff) the second factor, resolves the subject
of the URL within what the user may see, answers 404 for anything outside it (the same
answer as for a case that does not exist), and logs every attempt. The URL-matrix test
walks the resolver and fails on any view that is neither public nor behind this gate.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase as HttpResponse

from bistand.accounts.models import STAFF_ROLES, Role, User
from bistand.accounts.unsent import unsent_form_drop, unsent_form_for, unsent_form_keep
from bistand.accounts.views import unsent_form_offer
from bistand.applications.selectors import (
    application_queryset_visible,
    attachment_queryset_visible,
)
from bistand.audit.models import AccessAction
from bistand.audit.services import access_log_pending, access_log_record
from bistand.cases.selectors import case_queryset_visible, person_queryset_visible
from bistand.decisions.selectors import decision_queryset_visible
from bistand.labour.selectors import referral_queryset_visible, special_support_queryset_visible
from bistand.payments.selectors import payment_run_queryset_visible


class AuthenticatedRequest(HttpRequest):
    """The request a gated view receives: `user` is a logged-in, verified `User`."""

    user: User


class Audience(StrEnum):
    CASEWORK = "casework"
    MANAGEMENT = "management"
    AGGREGATES = "aggregates"
    APPLICANT = "applicant"
    DOCUMENTS = "documents"
    ECONOMIC_AID = "economic_aid"
    LABOUR = "labour"
    LABOUR_OVERVIEW = "labour_overview"


AUDIENCE_ROLES: dict[Audience, frozenset[str]] = {
    Audience.CASEWORK: frozenset({Role.CASEWORKER, Role.UNIT_MANAGER, Role.COACH}),
    Audience.MANAGEMENT: frozenset({Role.UNIT_MANAGER}),
    Audience.AGGREGATES: frozenset({Role.ANALYST, Role.UNIT_MANAGER}),
    Audience.APPLICANT: frozenset({Role.APPLICANT}),
    # Applications' documents and decisions: the applicant and the unit's caseworkers.
    Audience.DOCUMENTS: frozenset({Role.APPLICANT, Role.CASEWORKER, Role.UNIT_MANAGER}),
    # Handling of the economic-aid case itself (messages, decisions): not the labour-market coach.
    Audience.ECONOMIC_AID: frozenset({Role.CASEWORKER, Role.UNIT_MANAGER}),
    # The labour-market side: the coach's work with referred people and special support...
    Audience.LABOUR: frozenset({Role.COACH}),
    # ...and the queue and follow-up of a unit, for its coaches and managers.
    Audience.LABOUR_OVERVIEW: frozenset({Role.COACH, Role.UNIT_MANAGER}),
}


class Subject(StrEnum):
    CASE = "case"
    PERSON = "person"
    STAFF = "staff"
    APPLICATION = "application"
    ATTACHMENT = "attachment"
    DECISION = "decision"
    PAYMENT_RUN = "payment_run"
    REFERRAL = "referral"
    SPECIAL_SUPPORT = "special_support"


SUBJECT_KWARG = {
    Subject.CASE: "case_id",
    Subject.PERSON: "person_id",
    Subject.STAFF: "user_id",
    Subject.APPLICATION: "application_id",
    Subject.ATTACHMENT: "attachment_id",
    Subject.DECISION: "decision_id",
    Subject.PAYMENT_RUN: "run_id",
    Subject.REFERRAL: "referral_id",
    Subject.SPECIAL_SUPPORT: "application_id",
}


@dataclass(frozen=True)
class AccessPolicy:
    audience: Audience
    subject: Subject | None
    action: AccessAction
    object_type: str


def staff_visible(*, user: User) -> QuerySet[User]:
    """Staff sharing a unit with this manager."""
    return User.objects.filter(units__in=user.units.all(), role__in=STAFF_ROLES).distinct()


VISIBLE: dict[Subject, Callable[..., QuerySet[Any]]] = {
    Subject.CASE: case_queryset_visible,
    Subject.PERSON: person_queryset_visible,
    Subject.STAFF: staff_visible,
    Subject.APPLICATION: application_queryset_visible,
    Subject.ATTACHMENT: attachment_queryset_visible,
    Subject.DECISION: decision_queryset_visible,
    Subject.PAYMENT_RUN: payment_run_queryset_visible,
    Subject.REFERRAL: referral_queryset_visible,
    Subject.SPECIAL_SUPPORT: special_support_queryset_visible,
}


# What the views behind the gate read of a subject on every request, fetched with it.
RESOLVE_RELATED: dict[Subject, tuple[str, ...]] = {Subject.APPLICATION: ("applicant",)}


def _resolve(subject: Subject, user: User, pk: UUID) -> Model | None:
    # At most one row by primary key: no ordering to compile or sort.
    visible = VISIBLE[subject](user=user).filter(pk=pk).order_by()
    related = RESOLVE_RELATED.get(subject)
    if related:
        visible = visible.select_related(*related)
    found: Model | None = next(iter(visible[:1]), None)
    return found


def _second_factor_missing(user: User) -> bool:
    required = settings.BISTAND_STAFF_OTP_REQUIRED and user.role in STAFF_ROLES
    return bool(required and not user.is_verified())  # type: ignore[attr-defined]


def access_checked(
    *,
    audience: Audience,
    subject: Subject | None = None,
    action: AccessAction = AccessAction.READ,
    object_type: str = "",
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Gate a view: the subject object (or None) is passed as the second argument."""
    policy = AccessPolicy(audience, subject, action, object_type or (subject or "list"))

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            user, path = request.user, request.get_full_path()
            if not isinstance(user, User) or _second_factor_missing(user):
                login = "accounts:applicant-login" if audience == Audience.APPLICANT else None
                if request.method == "POST":
                    # The login ran out while the person wrote: keep what they sent and offer it
                    # back at this address after they log in again (docs/adr/0014).
                    unsent_form_keep(request)
                return redirect_to_login(path, login_url=login)
            effective = AccessAction.WRITE if request.method == "POST" else policy.action
            object_id = kwargs.get(SUBJECT_KWARG[subject], "") if subject else ""

            def log(*, granted: bool) -> None:
                access_log_record(
                    user=user,
                    action=effective,
                    object_type=policy.object_type,
                    object_id=object_id,
                    inside_unit=granted,
                    granted=granted,
                    path=path,
                )

            obj: Model | None = None
            if user.role not in AUDIENCE_ROLES[audience]:
                log(granted=False)
                raise Http404
            if subject is not None:
                obj = _resolve(subject, user, kwargs[SUBJECT_KWARG[subject]])
                if obj is None:
                    log(granted=False)
                    raise Http404
            if request.method == "GET":
                unsent = unsent_form_for(request)
                if unsent is not None:
                    log(granted=True)
                    return unsent_form_offer(request, unsent, lambda: view(request, obj, **kwargs))
            if request.method == "POST":
                unsent_form_drop(request)
                # The log row and the view's writes commit together: one commit per request.
                # The row is held back so that the service's write to this subject can carry
                # it, with the old and new values: one row per write (docs/adr/0012).
                with transaction.atomic():
                    with access_log_pending(
                        user=user, object_type=policy.object_type, object_id=object_id, path=path
                    ) as pending:
                        response = view(request, obj, **kwargs)
                    if not pending.written:
                        log(granted=True)
                    return response
            log(granted=True)
            return view(request, obj, **kwargs)

        wrapper.access_policy = policy  # type: ignore[attr-defined]
        return wrapper

    return decorator
