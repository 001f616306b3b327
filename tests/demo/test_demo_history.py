"""`make run` shows the whole road: what the demo households have already done, read the way
the applicant and the caseworker read it, and a new household applying in the demo."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from bistand.accounts.models import User
from bistand.amounts import amount_written, kr
from bistand.applications.models import Application, ApplicationStatus
from bistand.audit.models import AccessLogEntry
from bistand.decisions.models import Decision, DecisionStatus, Outcome
from bistand.demo.builder import demo_data_load
from bistand.organisations.models import Municipality, UnitKind
from bistand.payments.models import OrderStatus
from bistand.rules.cli import calculate_document
from tests.applications.test_e_service import (
    _children,
    _new_applicant,
    _send,
    _walk_first_application,
)
from tests.factories import client_for

TODAY = date(2026, 11, 23)


def _applicant(first_name: str) -> User:
    return User.objects.get(person__first_name=first_name, role="applicant")


def _text(html: bytes) -> str:
    """The page's main content as it reads, without its tags."""
    main = html.decode().split("<main", 1)[1].split("</main>", 1)[0]
    # Only ASCII white space is folded: the no-break spaces inside amounts stay as they are.
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", main)).replace(" :", ":")


@pytest.mark.django_db
@time_machine.travel("2026-11-23 09:00 +0100", tick=False)
def test_the_demo_has_a_paid_application_one_to_complete_and_one_just_received() -> None:
    demo_data_load(today=TODAY)

    # README lists them: each logs in through the development login with this number.
    assert {
        user.person.first_name: user.person.identity_number
        for user in User.objects.filter(role="applicant").select_related("person")
    } == {
        "Amina": "199004129822",
        "Karl": "197801239877",
        "Lena": "198006309887",
        "Maria": "198512059984",
    }
    amina = _applicant("Amina")
    decision = Decision.objects.get(application__applicant=amina.person)
    assert decision.status == DecisionStatus.SIGNED
    assert decision.outcome == Outcome.GRANTED
    assert decision.granted_amount == decision.applied_amount > 0
    # The amount is the rules core's for what Amina gave, and her rent is one of its lines.
    recomputed = calculate_document(decision.calculation_input)
    assert recomputed["entitlement"] == decision.granted_amount
    assert decision.calculation_input["costs"]["housing"] == "8450"
    assert decision.payment_order.status == OrderStatus.SENT
    my_case = _text(client_for(amina).get(reverse("applications:my-case")).content)
    assert "Utbetald" in my_case
    assert f"Beslut november 2026: Beviljas, {kr(decision.granted_amount)}" in my_case
    assert "Du har 1 nytt meddelande" in my_case
    assert "Ansök för december 2026" in my_case  # the next month's window is open
    page = _text(client_for(amina).get(reverse("decisions:detail", args=[decision.pk])).content)
    assert f"Boendekostnad {amount_written(8450)} 12 kap. 7 § SoL (2025:400)" in page

    karl = _applicant("Karl")
    together = Application.objects.get(applicant=karl.person)
    assert together.partner.first_name == "Lena"
    assert together.partner_confirmed_at is not None
    assert together.status == ApplicationStatus.NEEDS_COMPLETION
    assert "Komplettera senast 30 november 2026" in _text(
        client_for(karl).get(reverse("applications:my-case")).content
    )

    maria = Application.objects.get(applicant__first_name="Maria")
    assert maria.status == ApplicationStatus.RECEIVED
    skarholmen = User.objects.get(username="handlaggare.skarholmen")
    cases = _text(client_for(skarholmen).get(reverse("cases:list")).content)
    assert "1 nytt meddelande" in cases
    assert cases.index("Maria Provsson") < cases.index("Ali Fiktivsson")  # new first

    # Every step was taken by the person it belongs to, and logged as theirs.
    writes = AccessLogEntry.objects.filter(action="write")
    assert writes.filter(object_type="application", actor_id=amina.pk).exists()
    assert writes.filter(object_type="application", actor_id=_applicant("Lena").pk).exists()
    assert writes.get(object_type="decision", object_id=decision.pk).actor_username == (
        "handlaggare.rinkeby"
    )
    run = decision.payment_order.run
    approval = writes.get(object_id=run.pk, changes__after__status="approved")
    assert approval.actor_username == "chef.rinkeby"  # not the caseworker who prepared it


@pytest.mark.django_db
@time_machine.travel("2026-11-23 09:00 +0100", tick=False)
def test_a_new_household_applying_in_the_demo_reaches_the_first_districts_reception() -> None:
    demo_data_load(today=TODAY)
    municipality = Municipality.objects.get(name="Demostad")
    assert municipality.intake_unit.kind == UnitKind.RECEPTION
    client = client_for(_new_applicant(11))
    application = _walk_first_application(client, {"others_in_home": "0", **_children()})
    assert _send(client, application)["Location"] == reverse("applications:my-case")
    application.refresh_from_db()
    assert application.case.unit == municipality.intake_unit
    assert "Rinkeby-Kista" in application.case.unit.committee.name
    rinkeby = User.objects.get(username="handlaggare.rinkeby")
    assert "Ny Sökande" in _text(client_for(rinkeby).get(reverse("cases:list")).content)
