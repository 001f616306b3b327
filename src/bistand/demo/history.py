# SPDX-License-Identifier: EUPL-1.2
"""What some demo households have already done this month, so that `make run` shows the whole
road: an application decided and paid with a message from the caseworker, one waiting for a
completion, and one just received with a question from the applicant.

Everything goes through the services the pages use, with the forms the applicant fills in: the
answers are what those forms store, the amounts come from the rules core, every write is in the
access log by the person who made it, and the notices are queued as usual."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from bistand.accounts.models import User
from bistand.accounts.services import applicant_user_for_identity_number
from bistand.applications.forms import STEP_FORMS, ChildForm, steps_for
from bistand.applications.models import Application, ApplicationKind, ApplicationStatus
from bistand.applications.services import (
    application_completion_request,
    application_draft_create,
    application_partner_confirm,
    application_step_save,
    application_submit,
)
from bistand.cases.models import Case, Relation
from bistand.cases.services import case_first_visit_record
from bistand.conversations.services import secure_message_send
from bistand.decisions.calculation_input import applied_amounts
from bistand.decisions.services import decision_make
from bistand.payments.services import payment_run_approve, payment_run_prepare
from bistand.people.models import Person

SEEKING_WORK = {
    "support_barrier": "unemployed_registered",
    "registered_at_employment_service": "on",
}
CONSENT = {"truthful": "on", "consent_checks": "on"}


def _page(step: str, data: dict[str, Any]) -> dict[str, Any]:
    """What the step's form stores for these answers; the demo's answers must pass it."""
    form = STEP_FORMS[step](data)
    if not form.is_valid():
        raise ValueError(f"demo answers for {step}: {form.errors.as_json()}")
    return form.answers()


def _child(child: Person) -> dict[str, Any]:
    form = ChildForm(
        {
            "first_name": child.first_name,
            "identity_number": child.identity_number,
            "lunch_at_home": "on",
        }
    )
    if not form.is_valid():
        raise ValueError(f"demo child {child.first_name}: {form.errors.as_json()}")
    return form.cleaned_data


def _user(person: Person) -> User:
    return applicant_user_for_identity_number(identity_number=person.identity_number)


def _apply(case: Case, *, month: date, pages: dict[str, dict[str, Any]]) -> Application:
    """The case's applicant fills in every page of a first application and sends it; a partner
    confirms it with their own login. It reaches the case the household already has."""
    members = list(case.members.select_related("person").order_by("created_at"))
    adults = {m.relation: m.person for m in members if m.relation != Relation.CHILD}
    applicant, partner = adults[Relation.APPLICANT], adults.get(Relation.PARTNER)
    children = [m.person for m in members if m.relation == Relation.CHILD]
    user = _user(applicant)
    application = application_draft_create(user=user, kind=ApplicationKind.FIRST, month=month)
    household = {"partner_identity_number": partner.identity_number if partner else ""}
    answers_by_step = {
        "household": {**_page("household", household), "children": [_child(c) for c in children]},
        **{step: _page(step, data) for step, data in pages.items()},
        "consent": _page("consent", CONSENT),
    }
    for step in steps_for(application.kind, application.answers):
        if step != "documents":
            application = application_step_save(
                application=application, step=step, answers=answers_by_step[step], acted_by=user
            )
    application = application_submit(
        application=application, submission_key=uuid.uuid4(), acted_by=user
    )
    if partner is not None:
        application = application_partner_confirm(application=application, acted_by=_user(partner))
    if application.status != ApplicationStatus.RECEIVED or application.case_id != case.pk:
        raise ValueError(f"the demo application for {case} did not reach it")
    return application


def demo_history_make(
    *, cases: dict[str, Case], staff: dict[str, tuple[User, User]], today: date
) -> None:
    """`cases` by the applicant's first name; `staff` by district: (caseworker, manager)."""
    month = today.replace(day=1)

    # Amina: applied, met the caseworker, decided, paid, and a message about the next month.
    caseworker, manager = staff["rinkeby"]
    amina = cases["Amina"]
    application = _apply(
        amina,
        month=month,
        pages={
            "housing": {
                "housing_type": "rental",
                "housing": "8 450",
                "household_electricity": "320",
                "home_insurance": "145",
            },
            "incomes": {"child_allowance": "1 250", "housing_allowance": "1 900"},
            "assets": {"bank_balance": "600"},
            "work": {
                **SEEKING_WORK,
                "support_barrier_text": (
                    "Jag läser SFI på förmiddagarna och söker jobb som barnskötare. Jag vill "
                    "gärna ha praktik."
                ),
            },
            "needs": {},
        },
    )
    case_first_visit_record(case=amina, day=today, acted_by=caseworker)
    decision_make(
        application=application,
        approved=applied_amounts(application),
        reasoning="",
        approval_reason="",
        reduction=None,
        acted_by=caseworker,
    )
    run = payment_run_prepare(
        unit=amina.unit, execution_date=today + timedelta(days=1), prepared_by=caseworker
    )
    payment_run_approve(run=run, approved_by=manager)
    secure_message_send(
        case=amina,
        sender=caseworker,
        body=(
            "Hej Amina! Beslutet för den här månaden finns nu under Mitt ärende, och pengarna "
            "är skickade. Ansökan för nästa månad gör du här i e-tjänsten när den öppnar. "
            "Hälsningar, din handläggare"
        ),
    )

    # Karl and Lena: sent together, and the caseworker asks for the lease.
    caseworker, _manager = staff["rinkeby"]
    application = _apply(
        cases["Karl"],
        month=month,
        pages={
            "housing": {
                "housing_type": "rental",
                "housing": "10 900",
                "household_electricity": "450",
                "home_insurance": "190",
            },
            "incomes": {"partner_employment": "6 200", "child_allowance": "2 650"},
            "assets": {"bank_balance": "1 200", "owns_car": "on", "car_value": "15 000"},
            "work": {
                **SEEKING_WORK,
                "support_barrier_text": "Jag blev uppsagd från lagret i september.",
                "partner_support_barrier": "unemployed_registered",
            },
            "needs": {"dental_care": "1 800"},
        },
    )
    application_completion_request(
        application=application,
        due=today + timedelta(days=7),
        what=(
            "Ert hyresavtal och en kostnadsberäkning från tandläkaren. Ta en bild eller "
            "skanna dem och lägg till dem här."
        ),
        acted_by=caseworker,
    )

    # Maria: just sent, without money for food until her sickness benefit comes: the
    # application is first in the reception queue until the caseworker records the assessment.
    application = _apply(
        cases["Maria"],
        month=month,
        pages={
            "housing": {
                "housing_type": "sublet",
                "housing": "7 600",
                "household_electricity": "250",
                "home_insurance": "110",
            },
            "incomes": {"sickness_benefit": "5 400", "child_allowance": "1 250"},
            "assets": {},
            "work": {
                "support_barrier": "sick_with_certificate",
                "support_barrier_text": (
                    "Jag är sjukskriven på halvtid efter en operation. Läkarintyget är bifogat "
                    "hos Försäkringskassan."
                ),
            },
            "needs": {
                "medicine": "350",
                "urgent_needs": ["food"],
                "urgent_text": (
                    "Sjukpenningen kommer först den 25:e. Jag har inga pengar till mat åt Leo "
                    "och mig den här veckan."
                ),
            },
        },
    )
    secure_message_send(
        case=cases["Maria"],
        sender=_user(application.applicant),
        body="Hej! Jag har skickat min ansökan. Kan vi ses en förmiddag? Jag hämtar Leo kl. 15.",
    )
