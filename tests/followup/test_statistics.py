"""Aggregates only, and small cells are suppressed."""

import pytest
from django.urls import reverse

from bistand.cases.models import Relation
from bistand.followup.refresh import refresh_all
from tests.factories import World, case_make, client_for, person_make


@pytest.mark.django_db
def test_small_cells_are_suppressed_and_no_person_is_shown(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_SMALL_CELL_THRESHOLD = 3
    for _ in range(3):  # unit B gets 4 open cases with 4 persons
        case_make(
            unit=world.unit_b,
            acted_by=world.caseworker_b,
            members=[(person_make(acted_by=world.caseworker_b), Relation.APPLICANT)],
        )
    refresh_all()  # the nightly refresh counts the open cases
    page = client_for(world.analyst).get(reverse("followup:statistics")).content.decode()
    body = page.split('id="open-cases"')[1]
    # unit A: 1 case (suppressed), 2 persons (suppressed); unit B: 4 cases, 4 persons (shown)
    assert "<td>4</td><td>4</td>" in body.replace("\n", "")
    assert body.count("&lt;3") == 2
    assert world.person_a.last_name not in page
    assert world.case_a.reference not in page
