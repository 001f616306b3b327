"""The structured investigation: barriers per adult, verification by whom, other needs referred."""

from datetime import date

import pytest
from django.urls import reverse

from bistand.investigations.models import Investigation
from bistand.organisations.models import Committee
from tests.factories import World, client_for


@pytest.mark.django_db
def test_caseworker_records_the_investigation_verification_and_a_referral(world: World) -> None:
    client = client_for(world.caseworker_a)
    url = reverse("investigations:investigation", kwargs={"case_id": world.case_a.pk})
    assert client.get(url).status_code == 200
    assert not Investigation.objects.exists()  # reading writes nothing
    response = client.post(
        url,
        {
            "action": "save",
            "housing": "Hyresrätt, 2 rok.",
            "incomes": "Inga.",
            f"adult-{world.person_a.pk}-barrier": "unemployed_registered",
            f"adult-{world.protected_person.pk}-barrier": "sick_with_certificate",
        },
    )
    assert response.status_code == 302
    investigation = Investigation.objects.get(case=world.case_a)
    adults = {row.person_id: row for row in investigation.adults.all()}
    assert adults[world.person_a.pk].support_barrier == "unemployed_registered"
    assert adults[world.protected_person.pk].support_barrier == "sick_with_certificate"
    client.post(
        url,
        {
            "action": "verify",
            "what": "Hyra",
            "source": "Hyresavi november",
            "result": "7 500 kr stämmer",
            "checked_on": "2026-11-04",
        },
    )
    verification = investigation.verifications.get()
    assert verification.checked_by == world.caseworker_a
    assert verification.checked_on == date(2026, 11, 4)
    committee = Committee.objects.create(
        municipality=world.unit_a.committee.municipality, name="Socialnämnden", kind="social"
    )
    client.post(
        url,
        {"action": "refer", "committee": committee.pk, "note": "Behov av stöd i föräldraskapet."},
    )
    investigation.refresh_from_db()
    assert investigation.other_needs_committee == committee
    assert world.case_a.journal.filter(kind="note", text__contains="Socialnämnden").count() == 1
    page = client.get(url).content.decode()
    assert "Hyresavi november" in page
    assert client_for(world.caseworker_b).get(url).status_code == 404


@pytest.mark.django_db
def test_a_verification_needs_what_and_against_what(world: World) -> None:
    client = client_for(world.caseworker_a)
    url = reverse("investigations:investigation", kwargs={"case_id": world.case_a.pk})
    response = client.post(
        url, {"action": "verify", "what": "", "source": "", "checked_on": "2026-11-04"}
    )
    assert response.status_code == 200
    assert "Detta fält måste fyllas i." in response.content.decode()
