# SPDX-License-Identifier: EUPL-1.2
"""Pages of the labour-market pathway: the caseworker's assessment and referral, the coach's
queue and referral, the follow-up, the special support, and the applicant's own plan."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.cases.models import Case, CaseStatus, Relation
from bistand.cases.services import case_close
from bistand.errors import DomainError
from bistand.labour.clocks import coach_compliance, coach_queue, referral_clock
from bistand.labour.followup import closures_followed_up, outcomes_by_path
from bistand.labour.forms import (
    ActivityForm,
    AdviceContactsForm,
    AttendanceForm,
    CloseForm,
    MeetingForm,
    PlanForm,
    ReferralSendForm,
    ReferralYearForm,
    ReturnForm,
    SpecialSupportDecisionForm,
    SpecialSupportForm,
    WorkCapacityForm,
)
from bistand.labour.models import (
    ActionPlan,
    ActivityKind,
    AdviceContact,
    Referral,
    SpecialSupportApplication,
)
from bistand.labour.selectors import plans_of_applicant, special_support_queryset_visible
from bistand.labour.services import (
    activity_add,
    attendance_record,
    meeting_book,
    plan_save,
    referral_accept,
    referral_close,
    referral_proposal,
    referral_return,
    referral_send,
    referral_units,
    work_capacity_record,
)
from bistand.labour.special_support import (
    INELIGIBILITY_TEXTS,
    advice_contacts_record,
    special_support_decide,
    special_support_register,
)
from bistand.rules.parameters_loader import default_rulebook


def _bound(action: str | None, name: str, data: Any) -> Any:
    return data if action == name else None


def _status(forms: list[Form]) -> int:
    return 400 if any(form.errors for form in forms) else 200


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.CASE)
def case_labour(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    """The caseworker: each adult's work capacity, the proposed path, referrals, closing."""
    members = case.members.exclude(relation=Relation.CHILD).select_related("person")
    adults = [member.person for member in members]
    choices = [(str(p.pk), f"{p.first_name} {p.last_name}") for p in adults]
    receiving = referral_units(case)
    units = [(str(u.pk), u.name) for u in receiving]
    data = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if data else None
    assess = WorkCapacityForm(_bound(action, "assess", data), adults=choices, prefix="assess")
    refer = ReferralSendForm(
        _bound(action, "refer", data), adults=choices, units=units, prefix="refer"
    )
    close = CloseForm(_bound(action, "close", data), prefix="close")
    by_id = {str(p.pk): p for p in adults}
    try:
        if action == "assess" and assess.is_valid():
            values = dict(assess.cleaned_data)
            work_capacity_record(
                case=case, person=by_id[values.pop("person")], acted_by=request.user, **values
            )
            messages.success(request, _("The work capacity is recorded in the journal."))
            return redirect("labour:case", case_id=case.pk)
        if action == "refer" and refer.is_valid():
            unit = next(u for u in receiving if str(u.pk) == refer.cleaned_data["to_unit"])
            referral_send(
                case=case,
                person=by_id[refer.cleaned_data["person"]],
                to_unit=unit,
                reason=refer.cleaned_data["reason"],
                acted_by=request.user,
            )
            messages.success(request, _("The referral is sent."))
            return redirect("labour:case", case_id=case.pk)
        if action == "close" and close.is_valid():
            case_close(
                case=case,
                reason=close.cleaned_data["closure_reason"],
                closed_on=close.cleaned_data["closed_on"],
                acted_by=request.user,
            )
            messages.success(request, _("The case is closed."))
            return redirect("labour:case", case_id=case.pk)
    except DomainError as error:
        {"assess": assess, "refer": refer, "close": close}[action or "assess"].add_error(
            None, error.message
        )
    rows = []
    for person in adults:  # the proposal carries the latest assessment: one query per adult
        proposal = referral_proposal(case=case, person=person)
        rows.append(
            {
                "person": person,
                "assessment": proposal.assessment if proposal else None,
                "proposal": proposal,
            }
        )
    return render(
        request,
        "labour/case.html",
        {
            "case": case,
            "rows": rows,
            "assess_form": assess,
            "refer_form": refer,
            "close_form": close,
            "case_open": case.status == CaseStatus.OPEN,
            "referrals": case.referrals.select_related("to_unit", "person", "closure_reason"),
        },
        status=_status([assess, refer, close]),
    )


@access_checked(audience=Audience.LABOUR_OVERVIEW, object_type="referral_queue")
def queue(request: AuthenticatedRequest, _subject: None) -> HttpResponse:
    now = timezone.now()
    units = request.user.units.all()
    return render(
        request,
        "labour/queue.html",
        {
            "clocks": coach_queue(units=units, now=now),
            "compliance": coach_compliance(units=units, now=now),
        },
    )


REFERRAL_ACTIONS = ("accept", "return", "meeting", "plan", "activity", "attendance", "close")


@access_checked(audience=Audience.LABOUR, subject=Subject.REFERRAL)
def referral_detail(
    request: AuthenticatedRequest, referral: Referral, referral_id: str
) -> HttpResponse:
    plan = ActionPlan.objects.filter(referral=referral).first()
    activities = list(plan.activities.select_related("provider")) if plan else []
    data = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if data else None
    initial = (
        {"goals": plan.goals, "interests": plan.interests, "competencies": plan.competencies}
        if plan
        else {}
    )
    forms: dict[str, Form] = {
        "return": ReturnForm(_bound(action, "return", data), prefix="return"),
        "meeting": MeetingForm(_bound(action, "meeting", data), prefix="meeting"),
        "plan": PlanForm(_bound(action, "plan", data), initial=initial, prefix="plan"),
        "activity": ActivityForm(_bound(action, "activity", data), prefix="activity"),
        "attendance": AttendanceForm(
            _bound(action, "attendance", data),
            activities=[(str(a.pk), f"{a.get_kind_display()}, {a.provider}") for a in activities],
            prefix="attendance",
        ),
        "close": CloseForm(_bound(action, "close", data), prefix="close"),
    }
    done = {
        "accept": _("The referral is accepted."),
        "return": _("The referral is sent back with your reason."),
        "meeting": _("The meeting is booked."),
        "plan": _("The plan is saved as a new version. The person can read it in the e-service."),
        "activity": _("The activity is added to the plan."),
        "attendance": _("The attendance is recorded."),
        "close": _("The referral is closed."),
    }
    if action in REFERRAL_ACTIONS and (action == "accept" or forms[action].is_valid()):
        cleaned = forms[action].cleaned_data if action != "accept" else {}
        try:
            _referral_act(request, referral, plan, activities, action, cleaned)
        except DomainError as error:
            target = forms.get(action) or forms["return"]
            target.add_error(None, error.message)
        else:
            messages.success(request, done[action])
            return redirect("labour:referral", referral_id=referral.pk)
    return render(
        request,
        "labour/referral.html",
        {
            "referral": referral,
            "clock": referral_clock(referral, timezone.now()),
            "plan": plan,
            "versions": plan.versions.all() if plan else [],
            "activities": activities,
            "attendance": [row for a in activities for row in a.attendance.all()],
            "meetings": referral.meetings.all(),
            "forms": forms,
        },
        status=_status(list(forms.values())),
    )


def _referral_act(
    request: AuthenticatedRequest,
    referral: Referral,
    plan: ActionPlan | None,
    activities: list[Any],
    action: str,
    cleaned: dict[str, Any],
) -> None:
    user = request.user
    if action == "accept":
        referral_accept(referral=referral, acted_by=user)
    elif action == "return":
        referral_return(referral=referral, reason=cleaned["return_reason"], acted_by=user)
    elif action == "meeting":
        meeting_book(referral=referral, starts_at=cleaned["starts_at"], acted_by=user)
    elif action == "plan":
        plan_save(referral=referral, acted_by=user, **cleaned)
    elif action == "activity":
        if plan is None:
            raise DomainError("plan_first", _("Make the plan before you add activities."))
        activity_add(plan=plan, acted_by=user, **cleaned)
    elif action == "attendance":
        activity = next(a for a in activities if str(a.pk) == cleaned.pop("activity"))
        attendance_record(activity=activity, acted_by=user, **cleaned)
    elif action == "close":
        referral_close(
            referral=referral,
            reason=cleaned["closure_reason"],
            closed_on=cleaned["closed_on"],
            acted_by=user,
        )


@access_checked(audience=Audience.LABOUR_OVERVIEW, object_type="labour_follow_up")
def follow_up(request: AuthenticatedRequest, _subject: None) -> HttpResponse:
    today = timezone.localdate()
    form = ReferralYearForm(request.GET or None, this_year=today.year)
    year = form.chosen()
    units = request.user.units.all()
    return render(
        request,
        "labour/follow_up.html",
        {
            "form": form,
            "year": year,
            "paths": outcomes_by_path(units=units, year=year),
            "closures": closures_followed_up(units=units, today=today),
        },
    )


@access_checked(audience=Audience.LABOUR, object_type="special_support_list")
def special_support(request: AuthenticatedRequest, _subject: None) -> HttpResponse:
    units = list(request.user.units.all())
    data = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if data else None
    register = SpecialSupportForm(_bound(action, "register", data), prefix="register")
    advice = AdviceContactsForm(_bound(action, "advice", data), prefix="advice")
    if units and action == "register" and register.is_valid():
        try:
            application = special_support_register(
                unit=units[0], acted_by=request.user, **register.cleaned_data
            )
        except DomainError as error:
            register.add_error(None, error.message)
        else:
            messages.success(request, _("The application is registered."))
            return redirect("labour:special-support-detail", application_id=application.pk)
    if units and action == "advice" and advice.is_valid():
        advice_contacts_record(unit=units[0], acted_by=request.user, **advice.cleaned_data)
        messages.success(request, _("The contacts are counted."))
        return redirect("labour:special-support")
    return render(
        request,
        "labour/special_support.html",
        {
            "applications": special_support_queryset_visible(user=request.user).select_related(
                "person"
            ),
            "advice": AdviceContact.objects.filter(unit__in=units)[:20],
            "register_form": register,
            "advice_form": advice,
        },
        status=_status([register, advice]),
    )


@access_checked(audience=Audience.LABOUR, subject=Subject.SPECIAL_SUPPORT)
def special_support_detail(
    request: AuthenticatedRequest, application: SpecialSupportApplication, application_id: str
) -> HttpResponse:
    form = SpecialSupportDecisionForm(
        request.POST or None, initial={"investigation": application.investigation}
    )
    if request.method == "POST" and form.is_valid():
        try:
            special_support_decide(
                application=application, acted_by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The decision is made."))
            return redirect("labour:special-support-detail", application_id=application.pk)
    return render(
        request,
        "labour/special_support_detail.html",
        {
            "application": application,
            "reasons": [INELIGIBILITY_TEXTS[code] for code in application.ineligibility],
            "appeal": default_rulebook().legal.appeal,
            "form": form,
        },
        status=_status([form]),
    )


@access_checked(audience=Audience.APPLICANT, object_type="action_plan")
def my_plan(request: AuthenticatedRequest, _subject: None) -> HttpResponse:
    kinds = dict(ActivityKind.choices)
    plans = [
        {
            "version": version,
            "unit": version.plan.referral.to_unit.name,
            "activities": [
                {**activity, "label": kinds.get(activity["kind"], activity["kind"])}
                for activity in version.content["activities"]
            ],
        }
        for version in plans_of_applicant(user=request.user)
    ]
    return render(request, "labour/my_plan.html", {"plans": plans})
