"""A notice says only that something is waiting; *My case* says what, first on the page and
most urgent first, and that nothing is when nothing is."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from bistand.applications.models import Application
from tests.factories import World, application_make, client_for

NOTHING = "Du har inget att göra just nu."


def _to_do(page: str) -> list[str]:
    """The items of "Att göra", as the applicant reads them, in order."""
    section = re.search(r'<h2 id="to-do-title">Att göra</h2>\s*<ul>(.*?)</ul>', page, re.S)
    if section is None:
        return []
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", section[1], re.S)
    ]


DRAFT_TO_DO = (
    "Gör klart och skicka din ansökan för februari 2026 "
    "(utkastet sparas till och med 10 december 2026)"
)


@pytest.mark.django_db
def test_my_case_says_first_what_the_applicant_has_to_do(world: World) -> None:
    my_case = reverse("applications:my-case")
    december = application_make(person=world.person_a, case=world.case_a, month=date(2026, 12, 1))
    read = reverse("applications:read", args=[december.pk])
    # person_a's February draft was last changed on 10 November: kept until 10 December.
    Application.objects.filter(pk=world.draft_a.pk).update(
        updated_at=datetime(2026, 11, 10, 12, tzinfo=UTC)
    )
    with time_machine.travel("2026-11-12 09:00 +0100", tick=False):
        # No month is open to apply for on 12 November, and person_b has nothing else waiting.
        calm = client_for(world.applicant_b).get(my_case).content.decode()
        assert NOTHING in calm
        assert _to_do(calm) == []

        applicant = client_for(world.applicant)
        assert _to_do(applicant.get(my_case).content.decode()) == [DRAFT_TO_DO]
        caseworker = client_for(world.caseworker_a)
        caseworker.post(read, {"action": "complete", "due": "2026-11-19", "what": "Hyresavtalet."})
        caseworker.post(
            reverse("conversations:case", args=[world.case_a.pk]), {"body": "Hej! Se begäran."}
        )
        page = applicant.get(my_case).content.decode()
        assert NOTHING not in page
        assert _to_do(page) == [
            "Skicka det din handläggare behöver för december 2026 senast 19 november 2026",
            DRAFT_TO_DO,
            "Läs 1 nytt meddelande",
        ]
        assert f'<li><a href="{reverse("applications:overview", args=[december.pk])}">' in page

    with time_machine.travel("2026-11-20 09:00 +0100", tick=False):
        applicant = client_for(world.applicant)
        assert _to_do(applicant.get(my_case).content.decode())[0] == (
            "Skicka det din handläggare behöver för december 2026 så snart du kan "
            "(sista dag var 19 november 2026)"
        )
        # Sent and read, they are done: only the draft is left.
        applicant.post(reverse("applications:complete", args=[december.pk]), {"note": ""})
        applicant.get(reverse("conversations:mine"))
        assert _to_do(applicant.get(my_case).content.decode()) == [DRAFT_TO_DO]


@pytest.mark.django_db
def test_my_case_says_which_unit_handles_the_case(world: World) -> None:
    html = client_for(world.applicant).get("/my/").content.decode()
    unit = world.case_a.unit
    assert f"Ditt ärende handläggs av {unit.name} ({unit.committee.name})." in html
