"""Unit managers review the log per person and per staff member (logguppföljning)."""

import pytest
from django.urls import reverse

from tests.factories import World, client_for


@pytest.mark.django_db
def test_manager_sees_who_read_a_person_and_what_a_staff_member_did(world: World) -> None:
    client_for(world.caseworker_a).get(reverse("cases:detail", kwargs={"case_id": world.case_a.pk}))
    client_for(world.caseworker_b).get(reverse("cases:detail", kwargs={"case_id": world.case_a.pk}))
    manager = client_for(world.manager_a)

    per_person = manager.get(reverse("audit:person", kwargs={"person_id": world.person_a.pk}))
    html = per_person.content.decode()
    assert world.caseworker_a.username in html
    assert world.caseworker_b.username in html  # the attempt from another unit is there too

    per_staff = manager.get(reverse("audit:staff", kwargs={"user_id": world.caseworker_a.pk}))
    assert str(world.case_a.pk) in per_staff.content.decode()
