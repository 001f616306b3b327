# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bistand.accounts.models import Role
from bistand.appeals.models import AppealStatus
from bistand.appeals.selectors import appeal_of
from bistand.applications.models import Application
from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.decisions.calculation_input import applied_amounts
from bistand.decisions.forms import DecisionForm
from bistand.decisions.letter import letter_context, letter_pdf
from bistand.decisions.models import Decision, DecisionStatus
from bistand.decisions.services import (
    DecisionError,
    Reduction,
    Repayment,
    calculate,
    decision_make,
    decision_sign,
)
from bistand.payments.selectors import payment_seen
from bistand.rules.input_parsing import InvalidInputError


@access_checked(audience=Audience.ECONOMIC_AID, subject=Subject.APPLICATION)
def application_decide(
    request: AuthenticatedRequest, application: Application, application_id: str
) -> HttpResponse:
    """Approve amounts, see the rules core's calculation, and decide with reasoning."""
    applied = applied_amounts(application)
    form = DecisionForm(request.POST or None, applied=applied)
    preview = problems = None
    existing = getattr(application, "decision", None)
    if request.method == "POST" and form.is_valid() and existing is None:
        data = form.cleaned_data
        reduction = Reduction(
            amount=data["reduction_amount"],
            ground=data["reduction_ground"],
            acceptable_reason_assessment=data["acceptable_reason_assessment"],
            person_heard_on=data["person_heard_on"],
        )
        try:
            if "decide" in request.POST:
                repayment = None
                if data["repayment_ground"] or data["repayment_capacity"].strip():
                    repayment = Repayment(
                        ground=data["repayment_ground"],
                        capacity_assessment=data["repayment_capacity"],
                    )
                decision = decision_make(
                    application=application,
                    approved=form.approved(),
                    reasoning=data["reasoning"],
                    approval_reason=data["approval_reason"],
                    reduction=reduction,
                    acted_by=request.user,
                    repayment=repayment,
                    refusal_ground=data["refusal_ground"],
                )
                messages.success(request, _("The decision is made."))
                return redirect("decisions:detail", decision_id=decision.pk)
            _document, preview = calculate(
                application=application, amounts=form.approved(), reduction=reduction
            )
        except DecisionError as error:
            form.add_error(None, error.message)
        except InvalidInputError as error:
            problems = error.problems
    return render(
        request,
        "decisions/decide.html",
        {
            "application": application,
            "form": form,
            "preview": preview,
            "problems": problems,
            "existing": existing,
            "open_flags": application.case.reduction_flags.filter(resolved_at__isnull=True)
            if application.case
            else [],
        },
    )


@access_checked(audience=Audience.DOCUMENTS, subject=Subject.DECISION)
def decision_detail(
    request: AuthenticatedRequest, decision: Decision, decision_id: str
) -> HttpResponse:
    applicant = request.user.role == Role.APPLICANT
    statuses = [] if applicant else list(decision.appeals.values_list("status", flat=True))
    return render(
        request,
        "decisions/detail.html",
        {
            **letter_context(decision),
            "can_sign": decision.status == DecisionStatus.AWAITING_SECOND_SIGNATURE,
            "appeal": appeal_of(decision=decision, user=request.user) if applicant else None,
            # How much is paid, to which account and on which day (the household's question).
            "payment": (
                payment_seen(decision_id=decision.pk, today=timezone.localdate())
                if applicant
                else None
            ),
            "appeals_waiting": statuses.count(AppealStatus.RECEIVED),
            "appeals_any": bool(statuses),
        },
    )


@access_checked(
    audience=Audience.DOCUMENTS, subject=Subject.DECISION, object_type="decision_letter"
)
def decision_letter(
    request: AuthenticatedRequest, decision: Decision, decision_id: str
) -> HttpResponse:
    pdf = letter_pdf(
        decision, language=get_language() or "sv", base_url=request.build_absolute_uri("/")
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="beslut-{decision.month:%Y-%m}.pdf"'
    return response


@access_checked(audience=Audience.MANAGEMENT, subject=Subject.DECISION)
def decision_second_signature(
    request: AuthenticatedRequest, decision: Decision, decision_id: str
) -> HttpResponse:
    if request.method == "POST":
        try:
            decision_sign(decision=decision, acted_by=request.user)
            messages.success(request, _("The decision is signed."))
        except DecisionError as error:
            messages.error(request, error.message)
        return redirect("decisions:detail", decision_id=decision.pk)
    return render(request, "decisions/sign.html", letter_context(decision))
