"""Home visits: only with a stated purpose for this case, and the consent or the refusal."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from bistand.investigations.models import Consent, HomeVisit
from bistand.investigations.services import InvestigationError, home_visit_record
from bistand.journals.models import EntryKind
from tests.factories import World, client_for

DAY = date(2026, 11, 2)


@pytest.mark.django_db
def test_a_home_visit_without_purpose_fails_with_a_clear_message(world: World) -> None:
    url = reverse("investigations:home-visits", kwargs={"case_id": world.case_a.pk})
    response = client_for(world.caseworker_a).post(
        url, {"purpose": "  ", "consent": "given", "consent_asked_on": DAY.isoformat()}
    )
    assert response.status_code == 400
    assert "Skriv varför ärendet behöver ett hembesök" in response.content.decode()
    assert not HomeVisit.objects.exists()
    with pytest.raises(InvestigationError) as error:
        home_visit_record(
            case=world.case_a,
            purpose="",
            consent=Consent.GIVEN,
            consent_asked_on=DAY,
            carried_out_on=None,
            notes="",
            recorded_by=world.caseworker_a,
        )
    assert error.value.code == "purpose_required"


@pytest.mark.django_db
def test_the_database_refuses_a_visit_without_purpose(world: World) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        HomeVisit.objects.create(
            case=world.case_a,
            purpose=" ",
            consent=Consent.GIVEN,
            consent_asked_on=DAY,
            recorded_by=world.caseworker_a,
        )


@pytest.mark.django_db
def test_a_refusal_is_recorded_as_such_and_never_as_a_visit(world: World) -> None:
    with pytest.raises(InvestigationError) as error:
        home_visit_record(
            case=world.case_a,
            purpose="Uppgifter om boendet går isär.",
            consent=Consent.REFUSED,
            consent_asked_on=DAY,
            carried_out_on=DAY,
            notes="",
            recorded_by=world.caseworker_a,
        )
    assert error.value.code == "visited_without_consent"
    visit = home_visit_record(
        case=world.case_a,
        purpose="Uppgifter om boendet går isär.",
        consent=Consent.REFUSED,
        consent_asked_on=DAY,
        carried_out_on=None,
        notes="",
        recorded_by=world.caseworker_a,
    )
    entry = world.case_a.journal.get(kind=EntryKind.NOTE, text__startswith="Hembesök")
    assert "Personen avböjde" in entry.text
    assert visit.purpose in entry.text
    assert entry.signed_at is not None
