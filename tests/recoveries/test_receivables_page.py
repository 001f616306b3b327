from decimal import Decimal

import pytest
from django.urls import reverse

from bistand.recoveries.models import ReceivableStatus
from tests.factories import World, client_for, receivable_make


@pytest.mark.django_db
def test_caseworker_registers_repayment_and_writes_off_with_a_reason(world: World) -> None:
    receivable = receivable_make(world)
    client = client_for(world.caseworker_a)
    url = reverse("recoveries:case", kwargs={"case_id": world.case_a.pk})
    page = client.get(url).content.decode()
    assert "2029-01-25" in page  # court action within three years
    client.post(url, {"action": "pay", "receivable_id": str(receivable.pk), "amount": "400"})
    receivable.refresh_from_db()
    assert receivable.paid_amount == Decimal(400)
    response = client.post(
        url, {"action": "write_off", "receivable_id": str(receivable.pk), "reason": ""}
    )
    assert response.status_code == 400
    client.post(
        url,
        {
            "action": "write_off",
            "receivable_id": str(receivable.pk),
            "reason": "Saknar betalningsförmåga långsiktigt.",
        },
    )
    receivable.refresh_from_db()
    assert receivable.status == ReceivableStatus.WRITTEN_OFF
    assert client_for(world.caseworker_b).get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e308", "Skriv ett belopp i kronor, till exempel 1250 eller 1250,50."),
        ("Infinity", "Skriv ett belopp i kronor, till exempel 1250 eller 1250,50."),
        ("12,345", "Skriv högst två decimaler (öre)."),
        ("0", "Skriv beloppet som betalades."),
        ("", "Skriv beloppet som betalades."),
    ],
)
def test_a_repayment_that_is_not_an_amount_is_refused_and_nothing_is_registered(
    world: World, typed: str, message: str
) -> None:
    """ "1e308" and "Infinity" reached the database as amounts before (a server error)."""
    receivable = receivable_make(world)
    client = client_for(world.caseworker_a)
    url = reverse("recoveries:case", kwargs={"case_id": world.case_a.pk})
    paying = {"action": "pay", "receivable_id": str(receivable.pk)}
    answer = client.post(url, {**paying, "amount": typed})
    assert answer.status_code == 400
    assert message in answer.content.decode()
    receivable.refresh_from_db()
    assert receivable.paid_amount == 0
    # Written as people write it, it is registered.
    client.post(url, {**paying, "amount": "1 250:-"})
    receivable.refresh_from_db()
    assert receivable.paid_amount == Decimal(1250)
