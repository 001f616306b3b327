"""The case page's household: each name a link only where the viewer may open that person."""

import re

from django.urls import reverse

from tests.factories import World, client_for


def _person_links(page: str) -> list[str]:
    return re.findall(r'href="(/people/[0-9a-f-]+/)"', page)


def test_the_coach_opens_the_referred_person_and_reads_the_rest_of_the_household(
    world: World,
) -> None:
    case = reverse("cases:detail", kwargs={"case_id": world.case_a.pk})
    coach = client_for(world.coach)
    page = coach.get(case).content.decode()
    # Both members are listed; only the person referred to the coach's unit is a link.
    assert world.person_a.first_name in page
    assert "Skyddad identitet" in page  # the partner, protected, by the masked name
    assert _person_links(page) == [f"/people/{world.person_a.pk}/"]
    assert coach.get(_person_links(page)[0]).status_code == 200

    caseworker = client_for(world.caseworker_a)
    links = _person_links(caseworker.get(case).content.decode())
    assert sorted(links) == sorted(
        f"/people/{person.pk}/" for person in (world.person_a, world.protected_person)
    )
    assert all(caseworker.get(link).status_code == 200 for link in links)
