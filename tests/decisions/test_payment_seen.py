"""The household's question after a decision: how much, to which account, and when. The
decision page says it at each step of the payment, and says what to do when there is no
account to pay to. Staff read payments in the payment runs, not here."""

import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from bistand.amounts import kr
from bistand.payments.models import OrderStatus, PaymentOrder
from bistand.payments.services import payment_run_approve
from bistand.people.models import Person
from tests.factories import PERSON_IBAN, World, client_for


def _payment(world: World, user=None) -> str:  # type: ignore[no-untyped-def]
    page = (
        client_for(user or world.applicant)
        .get(reverse("decisions:detail", kwargs={"decision_id": world.decision_a.pk}))
        .content.decode()
    )
    found = re.search(r'<section[^>]*data-testid="payment">(.*?)</section>', page, re.S)
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""


@pytest.mark.django_db
def test_the_household_sees_how_much_is_paid_to_which_account_and_when(world: World) -> None:
    order = PaymentOrder.objects.get(decision=world.decision_a)
    with translation.override("sv"):
        amount = kr(order.amount)  # as every amount is written
    ending = PERSON_IBAN[-4:]
    # In the unit's payment run for 25 January, prepared and not yet approved.
    assert order.status == OrderStatus.IN_RUN
    assert _payment(world) == (
        f"Utbetalning {amount} kommer att finnas på kontot som slutar på {ending} "
        "den 25 januari 2026."
    )
    payment_run_approve(run=world.run_a, approved_by=world.manager_a)
    with time_machine.travel("2026-01-20 09:00 +0100", tick=False):
        assert "kommer att finnas på kontot" in _payment(world)  # sent, the day not yet come
    assert _payment(world) == (
        f"Utbetalning {amount} betalades ut till kontot som slutar på {ending} den 25 januari 2026."
    )
    # Staff do not get the household's sentence: they have the payment runs.
    assert _payment(world, world.caseworker_a) == ""


@pytest.mark.django_db
def test_a_payment_without_an_account_says_what_to_do(world: World) -> None:
    PaymentOrder.objects.filter(decision=world.decision_a).update(
        status=OrderStatus.PENDING, run=None
    )
    assert _payment(world).startswith("Utbetalning ")  # the heading is there in every state
    assert "kommer att betalas ut till kontot som slutar på" in _payment(world)
    assert "när enheten gör sin nästa utbetalning" in _payment(world)
    Person.objects.filter(pk=world.person_a.pk).update(iban="")
    seen = _payment(world)
    assert "kan inte betalas ut än: vi har inget bankkonto att betala till." in seen
    assert "Skriv ditt kontonummer (IBAN) till din handläggare." in seen
    # My case puts it first among what the household has to do, linked to the payment.
    my_case = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    to_do = my_case.split('id="to-do-title"')[1].split("</section>")[0]
    assert f"/decisions/{world.decision_a.pk}/#payment-title" in to_do
    assert "Ge oss ditt bankkonto, så att" in to_do
    assert "för januari 2026 kan betalas ut" in to_do
    # With an account again, it is no longer something to do.
    Person.objects.filter(pk=world.person_a.pk).update(iban=PERSON_IBAN)
    my_case = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
    assert "Ge oss ditt bankkonto" not in my_case
