"""Payments: orders from decisions, never twice for a month, two people per run, pain.001."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sepaxml
import xmlschema
from django.db import IntegrityError, transaction
from django.urls import reverse

from bistand.applications.models import ApplicationStatus
from bistand.payments.iban import iban_is_valid
from bistand.payments.models import OrderStatus, PaymentOrder, PaymentRun, Purpose, RunStatus
from bistand.payments.services import PaymentError, payment_order_create, payment_run_approve
from tests.factories import PERSON_IBAN, World, application_make, client_for, decision_for

SCHEMA = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.03.xsd"


def test_iban_check_digits() -> None:
    assert iban_is_valid(PERSON_IBAN)
    assert iban_is_valid("SE45 5000 0000 0583 9825 7466")
    assert not iban_is_valid(PERSON_IBAN[:-1] + "4")


@pytest.mark.django_db
def test_a_second_payment_for_the_same_month_is_refused(world: World) -> None:
    order = world.decision_a.payment_order
    assert order.amount == world.decision_a.granted_amount
    with pytest.raises(PaymentError) as error:
        payment_order_create(decision=world.decision_a, acted_by=world.caseworker_a)
    assert error.value.code == "already_paid"
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentOrder.objects.create(
            decision=world.decision_b,
            person=world.person_a,
            unit=world.unit_a,
            month=order.month,
            purpose=Purpose.INCOME_SUPPORT,
            amount=Decimal(1),
        )


@pytest.mark.django_db
def test_a_payment_run_needs_two_people(world: World) -> None:
    with pytest.raises(PaymentError) as error:
        payment_run_approve(run=world.run_a, approved_by=world.caseworker_a)
    assert error.value.code == "two_people"
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentRun.objects.filter(pk=world.run_a.pk).update(approved_by=world.caseworker_a)
    run = payment_run_approve(run=world.run_a, approved_by=world.manager_a)
    assert run.status == RunStatus.APPROVED
    assert run.orders.get().status == OrderStatus.SENT
    world.sent_a.refresh_from_db()
    assert world.sent_a.status == ApplicationStatus.PAID


@pytest.mark.django_db
def test_the_bank_file_validates_against_the_pain_001_001_03_schema(world: World) -> None:
    payment_run_approve(run=world.run_a, approved_by=world.manager_a)
    client = client_for(world.manager_a)
    xml = client.get(
        reverse("payments:file", kwargs={"run_id": world.run_a.pk, "kind": "pain001"})
    ).content
    schema = xmlschema.XMLSchema(str(SCHEMA))
    schema.validate(xml)
    document = schema.to_dict(xml)
    header = document["CstmrCdtTrfInitn"]["GrpHdr"]
    assert header["NbOfTxs"] == "1"
    assert Decimal(str(header["CtrlSum"])) == world.decision_a.granted_amount
    assert PERSON_IBAN in xml.decode()
    csv_text = client.get(
        reverse("payments:file", kwargs={"run_id": world.run_a.pk, "kind": "csv"})
    ).content.decode()
    assert f"{world.decision_a.granted_amount:.2f}" in csv_text
    assert csv_text.splitlines()[-1].startswith("total;")


@pytest.mark.django_db
def test_orders_without_a_valid_account_stay_out_of_the_run(world: World) -> None:
    from bistand.payments.services import payment_run_prepare

    world.person_b.iban = ""
    world.person_b.save()
    application = application_make(person=world.person_b, case=world.case_b, month=date(2026, 2, 1))
    decision_for(application, world.caseworker_b)
    with pytest.raises(PaymentError) as error:
        payment_run_prepare(
            unit=world.unit_b, execution_date=date(2026, 2, 25), prepared_by=world.caseworker_b
        )
    assert error.value.code == "nothing_to_pay"
    page = client_for(world.caseworker_b).get(reverse("payments:index")).content.decode()
    assert "inget konto" in page
