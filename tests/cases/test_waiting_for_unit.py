"""What applicants send reaches their unit: listed first until someone in the unit has read it."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bistand.applications.models import ApplicationStatus
from bistand.cases.models import Case, Relation
from bistand.conversations.models import SecureMessage
from tests.factories import World, application_make, case_make, client_for, person_make
from tests.queries import most_ids_in_one_query

STOCKHOLM = ZoneInfo("Europe/Stockholm")

NOTHING_NEW = (
    "Inget väntar på enheten: inget akut behov att bedöma, inga nya meddelanden, "
    "kompletteringar, återkallelser eller överklaganden, och ingen komplettering som har "
    "passerat sin dag."
)


REF = re.compile(r"EB-\d{4}-\d+")


def _rows(page: str) -> list[str]:
    return re.findall(r"<tr><td>.*?</tr>", page, flags=re.S)


def _newer_case(world: World) -> Case:
    """A case the list shows before case_a when nothing is waiting (opened later)."""
    person = person_make(acted_by=world.caseworker_a)
    case = case_make(
        unit=world.unit_a, acted_by=world.caseworker_a, members=[(person, Relation.APPLICANT)]
    )
    Case.objects.filter(pk=case.pk).update(opened_on=date(2026, 3, 1))
    return case


@pytest.mark.django_db
def test_an_applicants_message_is_listed_first_until_the_unit_has_read_it(world: World) -> None:
    newer = _newer_case(world)
    cases, thread = reverse("cases:list"), reverse("conversations:case", args=[world.case_a.pk])
    caseworker = client_for(world.caseworker_a)
    rows = _rows(caseworker.get(cases).content.decode())
    assert newer.reference in rows[0]  # the usual order: the latest opened first

    applicant = client_for(world.applicant)
    applicant.post(reverse("conversations:mine"), {"body": "Hyran har höjts från januari."})
    applicant.post(reverse("conversations:mine"), {"body": "Avin kommer på måndag."})

    page = caseworker.get(cases).content.decode()
    assert "1 ärende har något som väntar på enheten. Det visas först." in page
    # Seen from any page of the caseworker's: the count beside "Cases" in the navigation.
    queue = caseworker.get(reverse("cases:queue")).content.decode()
    assert f'<a href="{cases}">Ärenden (1 väntar)</a>' in queue
    assert f'<a href="{cases}">Ärenden (1 väntar)</a>' in page  # counted once, with the list
    # A search narrows the list, not the count: the waiting case is still counted.
    searched = caseworker.get(cases, {"q": newer.reference}).content.decode()
    assert world.case_a.reference not in searched
    assert f'<a href="{cases}">Ärenden (1 väntar)</a>' in searched
    other_unit = client_for(world.caseworker_b).get(cases).content.decode()
    assert f'<a href="{cases}">Ärenden</a>' in other_unit
    first = _rows(page)[0]
    assert world.case_a.reference in first
    assert f'<a href="{thread}"><strong>2 nya meddelanden</strong></a>' in first
    # Another unit sees neither the case nor that anything is waiting in it.
    other = client_for(world.caseworker_b).get(cases).content.decode()
    assert world.case_a.reference not in other
    assert NOTHING_NEW in other
    # The coach works with the person, not with the economic-aid messages.
    assert "Väntar på enheten" not in client_for(world.coach).get(cases).content.decode()

    read = caseworker.get(thread).content.decode()
    assert read.count("Nytt</strong>") == 2
    page = caseworker.get(cases).content.decode()
    assert NOTHING_NEW in page
    assert f'<a href="{cases}">Ärenden</a>' in page
    assert newer.reference in _rows(page)[0]
    assert "Nytt</strong>" not in caseworker.get(thread).content.decode()  # read by the unit

    # The other way: the applicant's page marks the reply new once, and the unit sees it read.
    caseworker.post(thread, {"body": "Tack, vi väntar på avin."})
    mine = applicant.get(reverse("conversations:mine")).content.decode()
    assert mine.count("Nytt</strong>") == 1
    assert "läst av den sökande" not in mine
    staff_view = caseworker.get(thread).content.decode()
    assert "läst av den sökande" in staff_view
    assert "Nytt</strong>" not in applicant.get(reverse("conversations:mine")).content.decode()


@pytest.mark.django_db
def test_a_sent_completion_is_listed_until_the_caseworker_confirms_it(world: World) -> None:
    application = application_make(
        person=world.person_a, case=world.case_a, month=date(2026, 12, 1)
    )
    application.submitted_at = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)
    application.save()
    read = reverse("applications:read", args=[application.pk])
    with time_machine.travel("2026-11-25 09:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        what = "Kontoutdrag för november."
        caseworker.post(read, {"action": "complete", "due": "2026-12-02", "what": what})
        # Asked, not yet sent: nothing is waiting for the unit.
        page = caseworker.get(reverse("cases:list")).content.decode()
        assert NOTHING_NEW in page
    with time_machine.travel("2026-11-27 18:00 +0100", tick=False):
        complete = reverse("applications:complete", args=[application.pk])
        client_for(world.applicant).post(complete, {"note": "Bifogat."})
    with time_machine.travel("2026-11-30 08:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        first = _rows(caseworker.get(reverse("cases:list")).content.decode())[0]
        assert world.case_a.reference in first
        assert f'<a href="{read}"><strong>Komplettering för 2026-12 skickad 2026-11-27' in first
        caseworker.post(read, {"action": "completed"})
        application.refresh_from_db()
        assert application.status != ApplicationStatus.NEEDS_COMPLETION
        page = caseworker.get(reverse("cases:list")).content.decode()
        assert "Komplettering för 2026-12" not in page


@pytest.mark.django_db
def test_a_completion_past_its_day_with_nothing_sent_is_flagged_to_both_sides(
    world: World,
) -> None:
    """The system flags; the caseworker decides: on what the case holds, or by asking again."""
    application = application_make(
        person=world.person_a, case=world.case_a, month=date(2026, 12, 1)
    )
    application.submitted_at = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)
    application.save()
    read = reverse("applications:read", args=[application.pk])
    overview = reverse("applications:overview", args=[application.pk])
    past = "Dagen har passerat. Skicka det du har så snart du kan"
    with time_machine.travel("2026-11-25 09:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        caseworker.post(read, {"action": "complete", "due": "2026-12-02", "what": "Hyresavi."})
        told = client_for(world.applicant).get(overview).content.decode()
        # Told at once what happens if nothing comes, as förvaltningslagen asks.
        assert "Om inget har kommit in då kan din handläggare besluta om ansökan" in told
        assert past not in told
    with time_machine.travel("2026-12-02 20:00 +0100", tick=False):  # the day itself: not yet
        page = client_for(world.caseworker_a).get(reverse("cases:list")).content.decode()
        assert NOTHING_NEW in page
    with time_machine.travel("2026-12-03 08:00 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        page = caseworker.get(reverse("cases:list")).content.decode()
        assert "1 ärende har något som väntar på enheten. Det visas först." in page
        first = _rows(page)[0]
        assert world.case_a.reference in first
        assert (
            f'<a href="{read}"><strong>Komplettering för 2026-12 senast 2026-12-02: '
            "inget har kommit in</strong></a>"
        ) in first
        assert (
            world.case_a.reference
            not in client_for(world.caseworker_b).get(reverse("cases:list")).content.decode()
        )
        assert "Dagen har passerat och den sökande har inte skickat något." in (
            caseworker.get(read).content.decode()
        )
        applicant = client_for(world.applicant)
        mine = applicant.get(reverse("applications:my-case")).content.decode()
        assert "Komplettera så snart du kan (sista dag var 2 december 2026)" in mine
        late = applicant.get(overview).content.decode()
        assert past in late
        assert f'<a href="{reverse("conversations:mine")}">Om du inte kan skicka det' in late
        # Sent late, it is a sent completion like any other: no longer past its day.
        applicant.post(reverse("applications:complete", args=[application.pk]), {"note": ""})
        first = _rows(caseworker.get(reverse("cases:list")).content.decode())[0]
        assert "Komplettering för 2026-12 skickad 2026-12-03" in first
        assert "inget har kommit in" not in first
        assert past not in applicant.get(overview).content.decode()


@pytest.mark.django_db
def test_the_list_comes_in_pages_with_what_waits_on_the_first(world: World) -> None:
    from bistand.cases.views import CASES_PER_PAGE

    for _ in range(CASES_PER_PAGE):
        _newer_case(world)  # all opened after case_a, which the usual order puts last
    applicant = client_for(world.applicant)
    applicant.post(reverse("conversations:mine"), {"body": "Hyran har höjts från januari."})
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")
    total = Case.objects.filter(unit=world.unit_a).count()

    first = caseworker.get(cases).content.decode()
    rows = _rows(first)
    assert len(rows) == CASES_PER_PAGE
    assert world.case_a.reference in rows[0]  # waiting, so first, though opened before all
    assert f"Sida 1 av 2: ärende 1–{CASES_PER_PAGE} av {total}" in first
    assert '<a href="?page=2" rel="next">Nästa sida</a>' in first

    second = caseworker.get(cases, {"page": 2}).content.decode()
    rows_after = _rows(second)
    assert len(rows_after) == total - CASES_PER_PAGE
    assert world.case_a.reference not in second  # listed once, on the first page
    assert '<a href="?page=1" rel="prev">Föregående sida</a>' in second
    shown = {re.search(r"EB-\d{4}-\d+", row).group(0) for row in rows + rows_after}  # type: ignore[union-attr]
    assert len(shown) == total
    # A page that does not exist shows the last one, not an error.
    assert caseworker.get(cases, {"page": "99"}).content.decode().count("<tr><td>") == len(
        rows_after
    )


@pytest.mark.django_db
def test_more_waiting_than_a_page_holds_goes_on_to_the_next_page_before_the_rest(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bistand.cases.views.CASES_PER_PAGE", 3)
    newer = [_newer_case(world) for _ in range(7)]
    for day, case in enumerate(newer, start=1):
        Case.objects.filter(pk=case.pk).update(opened_on=date(2026, 3, day))
    waiting = {world.case_a.pk, newer[1].pk, newer[3].pk, newer[5].pk}
    for case_id in waiting:  # each an applicant's message no one in the unit has read
        SecureMessage.objects.create(
            case_id=case_id, sender=world.applicant, from_staff=False, body="Avin har kommit."
        )
    in_order = list(Case.objects.filter(unit=world.unit_a).values_list("reference", flat=True))
    by_reference = dict(Case.objects.values_list("reference", "pk"))
    expected = [r for r in in_order if by_reference[r] in waiting] + [
        r for r in in_order if by_reference[r] not in waiting
    ]
    assert len(expected) >= 8

    caseworker, shown = client_for(world.caseworker_a), []
    for number in range(1, -(-len(expected) // 3) + 1):
        page = caseworker.get(reverse("cases:list"), {"page": number}).content.decode()
        assert f"Sida {number} av {-(-len(expected) // 3)}: ärende" in page
        rows = _rows(page)
        shown += [re.search(r"EB-\d{4}-\d+", row).group(0) for row in rows]  # type: ignore[union-attr]
        # The flag stands on the waiting rows only, wherever the page break falls.
        for row, reference in zip(rows, shown[-len(rows) :], strict=True):
            assert ("1 nytt meddelande" in row) == (by_reference[reference] in waiting)
    assert shown == expected  # the waiting four first, then the rest, each in the list's order


@pytest.mark.django_db
def test_no_query_of_the_list_names_more_cases_than_its_page_and_what_waits(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit's list costs the same whatever its size: it pages in the database. Until
    2026-11-23 it read every case's id and sent them all back as parameters, which PostgreSQL
    refuses beyond 65 535 (bench/waiting.py, 150 000 cases in one unit)."""
    monkeypatch.setattr("bistand.cases.views.CASES_PER_PAGE", 3)
    cases = [_newer_case(world) for _ in range(8)]
    SecureMessage.objects.create(
        case=cases[0], sender=world.applicant, from_staff=False, body="Avin har kommit."
    )
    caseworker = client_for(world.caseworker_a)
    every_id = list(Case.objects.filter(unit=world.unit_a).values_list("pk", flat=True))
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            answer = caseworker.get(reverse("cases:list"), {"page": number})
        assert len(_rows(answer.content.decode())) == 3
        # The page's cases, and the one waiting.
        assert most_ids_in_one_query(queries, every_id) <= 3 + 1


@pytest.mark.django_db
def test_a_search_or_a_status_lists_what_waits_among_its_cases_first(world: World) -> None:
    newer = [_newer_case(world) for _ in range(3)]
    Case.objects.filter(pk=newer[2].pk).update(status="closed")
    for case in (world.case_a, newer[2]):  # an open and a closed case with something waiting
        SecureMessage.objects.create(
            case=case, sender=world.applicant, from_staff=False, body="Avin har kommit."
        )
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")
    waits_in_one = "1 ärende har något som väntar på enheten. Det visas först."

    by_number = caseworker.get(cases, {"q": newer[2].reference}).content.decode()
    assert [newer[2].reference] == [REF.search(row).group(0) for row in _rows(by_number)]  # type: ignore[union-attr]
    assert waits_in_one in by_number
    assert f'<a href="{cases}">Ärenden (2 väntar)</a>' in by_number  # every case still counted

    by_number = caseworker.get(cases, {"q": newer[0].reference}).content.decode()
    assert NOTHING_NEW in by_number  # its one hit has nothing waiting

    closed = caseworker.get(cases, {"status": "closed"}).content.decode()
    assert [newer[2].reference] == [REF.search(row).group(0) for row in _rows(closed)]  # type: ignore[union-attr]
    assert waits_in_one in closed

    opened = caseworker.get(cases, {"status": "open"}).content.decode()
    listed = [REF.search(row).group(0) for row in _rows(opened)]  # type: ignore[union-attr]
    assert listed[0] == world.case_a.reference  # waiting, so first, though opened before
    assert newer[2].reference not in listed
    assert waits_in_one in opened
