import io
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from bistand.accounts.models import Role, User
from bistand.cases.models import Case
from bistand.demo.builder import DISTRICTS, demo_data_load
from bistand.organisations.models import Unit, UnitKind
from bistand.people.identity_numbers import parse_identity_number
from bistand.people.models import Person


@pytest.mark.django_db
def test_demo_municipality_has_every_role_districts_and_a_dozen_households() -> None:
    assert demo_data_load(today=date(2026, 11, 22)) is True
    assert demo_data_load(today=date(2026, 11, 22)) is False  # once only
    assert {u.role for u in User.objects.all()} >= {r.value for r in Role} - {Role.APPLICANT}
    for name, key in DISTRICTS:
        caseworker = User.objects.get(username=f"handlaggare.{key}")
        assert caseworker.role == Role.CASEWORKER
        assert all(name in unit.committee.name for unit in caseworker.units.all())
    assert Unit.objects.filter(kind=UnitKind.JOBBTORG).exists()
    assert Unit.objects.filter(kind=UnitKind.JOBBTORG_RESURS).exists()
    assert Case.objects.count() == 12
    for person in Person.objects.all():
        parsed = parse_identity_number(person.identity_number, today=date(2026, 11, 22))
        assert 980 <= int(person.identity_number[8:11]) <= 999
        assert (person.gender == "woman") == parsed.is_female
    assert Person.objects.exclude(protected_identity="").count() == 2


@pytest.mark.django_db
def test_a_second_run_says_when_the_demo_was_made_and_how_to_make_a_new_one() -> None:
    made, again = io.StringIO(), io.StringIO()
    call_command("demo_data", stdout=made)
    call_command("demo_data", stdout=again)
    assert made.getvalue().strip() == "Demo data loaded."
    assert f"made on {timezone.localdate().isoformat()}" in again.getvalue()
    assert "make demo-reset" in again.getvalue()
    assert Case.objects.count() == 12  # loaded once
