"""Flags point at a possible reduction ground; they never change an amount by themselves."""

import pytest
from django.urls import reverse

from bistand.decisions.models import ReductionFlag
from tests.factories import World, client_for


@pytest.mark.django_db
def test_a_flag_changes_nothing_until_a_caseworker_assesses_it(world: World) -> None:
    client = client_for(world.caseworker_a)
    url = reverse("decisions:flags", kwargs={"case_id": world.case_a.pk})
    orders_before = world.decision_a.payment_order.amount
    client.post(
        url,
        {
            "action": "raise",
            "ground": "absence_from_activity",
            "description": "Uteblev från praktiken 3-5 november.",
        },
    )
    flag = ReductionFlag.objects.get()
    world.decision_a.refresh_from_db()
    assert world.decision_a.payment_order.amount == orders_before  # never automatic
    response = client.post(url, {"action": "resolve", "flag_id": str(flag.pk), "resolution": ""})
    assert response.status_code == 400
    assert "Skriv din bedömning" in response.content.decode()
    client.post(
        url,
        {
            "action": "resolve",
            "flag_id": str(flag.pk),
            "resolution": "Var sjuk, läkarintyg finns. Ingen nedsättning.",
        },
    )
    flag.refresh_from_db()
    assert flag.resolved_by == world.caseworker_a
    assert flag.resolution.startswith("Var sjuk")


@pytest.mark.django_db
def test_open_flags_are_shown_where_the_caseworker_decides(world: World) -> None:
    from datetime import date

    from tests.factories import application_make

    application = application_make(person=world.person_a, case=world.case_a, month=date(2026, 3, 1))
    ReductionFlag.objects.create(
        case=world.case_a,
        ground="refused_job_offer",
        description="Tackade nej till jobb på lager.",
        raised_by=world.caseworker_a,
    )
    page = (
        client_for(world.caseworker_a)
        .get(reverse("decisions:decide", kwargs={"application_id": application.pk}))
        .content.decode()
    )
    assert "Tackade nej till jobb på lager." in page
