# SPDX-License-Identifier: EUPL-1.2
"""A caseworker finds a case in the list by case number, name or personal identity number, and
by status; the search never shows more than the list would, nor a protected person by name."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Case, CaseMember, CaseStatus, Relation
from bistand.cases.search import CaseSearch, case_queryset_search
from bistand.cases.selectors import case_queryset_visible
from bistand.people.models import Person
from tests.factories import World, case_make, client_for, person_make

REFERENCE = re.compile(r"EB-\d{4}-\d+")


def _found(html: str) -> set[str]:
    """The case numbers in the list's rows."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return set(REFERENCE.findall(body))


def _named(person: Person, first: str, last: str) -> None:
    person.first_name, person.last_name = first, last
    person.save(update_fields=["first_name", "last_name"])


def _case_of(world: World, first: str, last: str) -> Case:
    person = person_make(acted_by=world.caseworker_a)
    _named(person, first, last)
    return case_make(
        unit=world.unit_a, acted_by=world.caseworker_a, members=[(person, Relation.APPLICANT)]
    )


@pytest.mark.django_db
def test_a_case_is_found_by_name_number_and_case_number_within_what_the_user_sees(
    world: World,
) -> None:
    _named(world.person_a, "Amina", "Lindqvist")
    _named(world.person_b, "Amina", "Lindqvist")  # the same name, in unit B's case
    other = _case_of(world, "Amir", "Lindgren")
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")
    everything = _found(caseworker.get(cases).content.decode())
    assert {world.case_a.reference, other.reference} <= everything

    # Both words in the same person's name, in any case and order; unit B's Amina is not shown.
    page = caseworker.get(cases, {"q": "lindqvist  AMINA"}).content.decode()
    assert _found(page) == {world.case_a.reference}
    assert "1 ärende matchar sökningen." in page
    assert 'value="lindqvist  AMINA"' in page  # what was typed stays in the field
    # One word may match several people.
    assert _found(caseworker.get(cases, {"q": "Lind"}).content.decode()) == {
        world.case_a.reference,
        other.reference,
    }
    # The personal identity number as people write it: 12 or 10 digits, with or without a dash.
    digits = world.person_a.identity_number
    for written in (digits, f"{digits[:8]}-{digits[8:]}", f"{digits[2:8]}-{digits[8:]}"):
        page = caseworker.get(cases, {"q": written}).content.decode()
        assert _found(page) == {world.case_a.reference}, written
    # Unit B's person's number finds nothing here: the search only narrows the list.
    page = caseworker.get(cases, {"q": world.person_b.identity_number}).content.decode()
    assert _found(page) == set()
    assert "Inget ärende matchar sökningen." in page
    assert "Visa alla ärenden" in page
    # A part of the case number.
    number = world.case_a.reference.rsplit("-", 1)[1]
    assert world.case_a.reference in _found(caseworker.get(cases, {"q": number}).content.decode())

    # Each search is in the access log, with what was searched for.
    searched = AccessLogEntry.objects.filter(
        actor_username=world.caseworker_a.username, object_type="case_list"
    ).values_list("path", flat=True)
    assert f"{cases}?q=lindqvist++AMINA" in list(searched)


@pytest.mark.django_db
def test_a_name_is_found_whatever_its_case_accents_and_hyphens(world: World) -> None:
    """On SQLite (make run) a plain LIKE folds only ASCII, so "PÅHITTAD" missed Påhittad; and
    a caseworker without the letter on the keyboard typed "Nguyen" for Nguyễn in vain."""
    asa = _case_of(world, "Åsa", "Påhittad")
    nguyen = _case_of(world, "Văn", "Nguyễn")
    hassan = _case_of(world, "Omar", "Al-Hassan")
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")

    def found(text: str) -> set[str]:
        return _found(caseworker.get(cases, {"q": text}).content.decode())

    for typed in ("PÅHITTAD", "påhittad", "pahittad", "åsa påhit", "ASA"):
        assert found(typed) == {asa.reference}, typed
    for typed in ("Nguyễn", "nguyen", "NGUYEN VAN"):
        assert found(typed) == {nguyen.reference}, typed
    for typed in ("Al-Hassan", "alhassan", "al hassan", "AL‑HASSAN omar"):
        assert found(typed) == {hassan.reference}, typed
    assert found("Åsa Nguyễn") == set()  # every word in the same person's name
    # A changed name is found by its new spelling, and no longer by the old one.
    person = asa.members.get().person
    person.last_name = "Ängström"
    person.save(update_fields=["last_name"])
    assert found("angstrom") == {asa.reference}
    assert found("påhittad") == set()


@pytest.mark.django_db
def test_a_protected_person_is_not_found_by_name_or_number_but_the_case_by_its_number(
    world: World,
) -> None:
    protected = world.protected_person  # case_a's partner
    _named(protected, "Sara", "Holmqvist")
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")
    assert CaseMember.objects.filter(case=world.case_a, person=protected).exists()
    for text in ("Holmqvist", "Sara Holmqvist", protected.identity_number):
        page = caseworker.get(cases, {"q": text}).content.decode()
        assert _found(page) == set(), text
        assert "Inget ärende matchar sökningen." in page
    page = caseworker.get(cases, {"q": world.case_a.reference}).content.decode()
    assert _found(page) == {world.case_a.reference}
    assert "Holmqvist" not in page


@pytest.mark.django_db
def test_the_status_filter_and_the_search_are_kept_across_pages(world: World) -> None:
    from bistand.cases.views import CASES_PER_PAGE

    for serial in range(CASES_PER_PAGE + 2):
        _case_of(world, "Nora", f"Berg{serial:03d}")
    closed = _case_of(world, "Nora", "Bergström")
    Case.objects.filter(pk=closed.pk).update(status=CaseStatus.CLOSED)
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")

    page = caseworker.get(cases, {"status": "closed"}).content.decode()
    assert _found(page) == {closed.reference}

    first = caseworker.get(cases, {"q": "nora", "status": "open"}).content.decode()
    assert f"{CASES_PER_PAGE + 2} ärenden matchar sökningen." in first
    assert '<a href="?q=nora&amp;status=open&amp;page=2" rel="next">' in first
    second = caseworker.get(cases, {"q": "nora", "status": "open", "page": 2}).content.decode()
    shown = _found(first) | _found(second)
    assert len(shown) == CASES_PER_PAGE + 2
    assert closed.reference not in shown
    assert world.case_a.reference not in shown


@pytest.mark.django_db
def test_a_status_that_does_not_exist_is_refused_beside_the_field_and_every_case_listed(
    world: World,
) -> None:
    caseworker, cases = client_for(world.caseworker_a), reverse("cases:list")
    page = caseworker.get(cases, {"status": "deleted", "q": "x" * 101}).content.decode()
    assert "Välj ett giltigt alternativ" in page
    assert "som mest 100 tecken" in page
    assert world.case_a.reference in _found(page)


@pytest.mark.django_db
def test_a_coach_searches_only_the_cases_referred_to_the_unit(world: World) -> None:
    _named(world.person_a, "Amina", "Lindqvist")
    _named(world.person_b, "Amina", "Lindqvist")
    coach, cases = client_for(world.coach), reverse("cases:list")
    # The coach's unit (Jobbtorg) has case_a's referral; case_b's went to another unit.
    seen = _found(coach.get(cases, {"q": "Amina Lindqvist"}).content.decode())
    assert seen == {world.case_a.reference}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's (pg_trgm)"
)
@pytest.mark.django_db
def test_a_name_and_a_case_number_are_looked_up_through_trigram_indexes(
    world: World,
) -> None:
    """At a city's size a name search read every person and every case number (ADR 0023); on
    PostgreSQL the folded name and the case number have trigram indexes the search's own query
    can use, each side of its UNION its own (bench/search.py for the times)."""
    search = CaseSearch(text="Åsa Öberg", status="")
    cases = case_queryset_search(case_queryset_visible(user=world.caseworker_a), search=search)
    with connection.cursor() as cursor:
        # Few rows here: any scan would do. Leave the planner an index on the name or nothing.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = cases.explain()
    assert "people_person_search_name_trgm" in plan
    assert "cases_case_reference_trgm" in plan
