"""The monthly report to Socialstyrelsen on a hand-made June 2026 where every line is known.

- case A (unit A): person A, a woman, applicant, and her protected partner, a man; no children.
  9 000 kr granted and sent to the bank. Person A: unemployed and registered, in work practice
  since May (a municipal labour-market measure); the partner has no support barrier recorded.
- case B (unit B): person B, a man alone; 4 000 kr granted, not yet sent; ill with a certificate;
  the case closed on 20 June to work.
- case C (unit A): a person of unrecorded gender alone, no aid in June, closed in June without a
  closure reason; no support barrier.
Also present and left out: a July decision for case A, and an unsigned June decision for case C.
"""

from __future__ import annotations

import csv
import io
import re
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from bistand.applications.categories import SupportBarrier
from bistand.audit.models import AccessLogEntry
from bistand.cases.models import ADULT_RELATIONS, Case, CaseStatus, Relation
from bistand.decisions.models import Decision, DecisionStatus
from bistand.followup.models import NationalCheck
from bistand.followup.national import (
    COLUMNS,
    Gap,
    months_to_report,
    national_checks_store,
    national_report,
)
from bistand.followup.refresh import refresh
from bistand.labour.models import ActivityKind, ClosureReason, NationalCategory, Provider
from bistand.payments.models import OrderStatus, PaymentOrder, Purpose
from bistand.people.models import Gender, Person
from bistand.rules.parameters_loader import default_rulebook
from bistand.rules.statistics import month_index
from tests.factories import World, case_make, client_for, person_make
from tests.followup.labour_steps import in_activity
from tests.followup.test_dashboard import _barrier, _decision

JUNE = date(2026, 6, 1)


def _june(world: World) -> Case:
    Person.objects.filter(pk=world.person_a.pk).update(gender=Gender.WOMAN)
    Person.objects.filter(pk=world.protected_person.pk).update(gender=Gender.MAN)
    Person.objects.filter(pk=world.person_b.pk).update(gender=Gender.MAN)
    _decision(world.case_a, JUNE, world.caseworker_a, 9_000)
    _decision(world.case_a, date(2026, 7, 1), world.caseworker_a, 9_000)
    _decision(world.case_b, JUNE, world.caseworker_b, 4_000)
    june_a = Decision.objects.get(case=world.case_a, month=JUNE)
    PaymentOrder.objects.create(
        decision=june_a,
        person=world.person_a,
        unit=world.unit_a,
        month=JUNE,
        purpose=Purpose.INCOME_SUPPORT,
        amount=Decimal(9_000),
        status=OrderStatus.SENT,
    )
    _barrier(world.case_a, world.person_a, SupportBarrier.UNEMPLOYED_REGISTERED, world)
    _barrier(world.case_b, world.person_b, SupportBarrier.SICK_WITH_CERTIFICATE, world)
    in_activity(
        world.referral_a,
        coach=world.coach,
        kind=ActivityKind.WORK_PRACTICE,
        provider=Provider.objects.create(name="Praktik AB"),
        starts_on=date(2026, 5, 10),
    )
    work = ClosureReason.objects.filter(national_category=NationalCategory.WORK).first()
    Case.objects.filter(pk=world.case_b.pk).update(
        status=CaseStatus.CLOSED, closed_on=date(2026, 6, 20), closure_reason=work
    )
    unknown = person_make(acted_by=world.caseworker_a)
    Person.objects.filter(pk=unknown.pk).update(gender="")
    case_c = case_make(
        unit=world.unit_a, acted_by=world.caseworker_a, members=[(unknown, Relation.APPLICANT)]
    )
    _decision(case_c, JUNE, world.caseworker_a, 2_000)
    Decision.objects.filter(case=case_c).update(status=DecisionStatus.AWAITING_SECOND_SIGNATURE)
    Case.objects.filter(pk=case_c.pk).update(status=CaseStatus.CLOSED, closed_on=date(2026, 6, 2))
    return case_c


@pytest.mark.django_db
def test_the_june_report_holds_one_row_per_adult_with_the_national_codes(world: World) -> None:
    case_c = _june(world)
    report = national_report(JUNE, municipality=world.unit_a.committee.municipality)
    rows = {row.identity_number: row for row in report.rows}
    codes = default_rulebook().national_statistics.at(JUNE)
    assert codes is not None
    a, partner, b = world.person_a, world.protected_person, world.person_b
    unknown = case_c.members.get().person
    assert set(rows) == {
        a.identity_number,
        partner.identity_number,
        b.identity_number,
        unknown.identity_number,
    }
    assert report.households == 3
    # Case A: a couple without children (7); amounts on the applicant's row only.
    assert (rows[a.identity_number].role, rows[partner.identity_number].role) == ("S", "M")
    assert rows[a.identity_number].household_type == rows[partner.identity_number].household_type
    assert rows[a.identity_number].household_type == codes.household_types["couple"] == "7"
    assert (rows[a.identity_number].granted, rows[a.identity_number].paid) == (9000, 9000)
    assert (rows[partner.identity_number].granted, rows[partner.identity_number].paid) == (0, 0)
    unemployed = codes.support_barriers["unemployed_registered"]
    assert rows[a.identity_number].support_barrier == unemployed
    assert rows[a.identity_number].labour_measure is True
    assert rows[partner.identity_number].labour_measure is False
    assert rows[partner.identity_number].support_barrier == ""
    assert (rows[a.identity_number].gender, rows[partner.identity_number].gender) == ("K", "M")
    # Case B: a man alone (3), granted but not sent, closed to work.
    row_b = rows[b.identity_number]
    assert (row_b.household_type, row_b.granted, row_b.paid) == ("3", 4000, 0)
    assert row_b.support_barrier == codes.support_barriers["sick_with_certificate"]
    assert row_b.closure == codes.closure_categories["work"] == "1"
    # Case C: closed in June, no signed aid (the unsigned decision does not count), type unknown.
    row_c = rows[unknown.identity_number]
    assert (row_c.household_type, row_c.granted, row_c.closure, row_c.gender) == ("9", 0, "", "")
    # The check names every gap, per case and person.
    found = {(m.case_reference, m.person_id, m.gap) for m in report.missing}
    assert found == {
        (world.case_a.reference, partner.pk, Gap.NO_SUPPORT_BARRIER),
        (world.case_b.reference, None, Gap.NOT_PAID),
        (case_c.reference, None, Gap.NO_CLOSURE_REASON),
        (case_c.reference, None, Gap.NO_GENDER),
        (case_c.reference, unknown.pk, Gap.NO_SUPPORT_BARRIER),
    }
    assert report.gaps() == {
        Gap.NO_SUPPORT_BARRIER: 2,
        Gap.NOT_PAID: 1,
        Gap.NO_CLOSURE_REASON: 1,
        Gap.NO_GENDER: 1,
    }
    assert report.deadline == date(2026, 7, 15)


@pytest.mark.django_db
def test_every_support_barrier_and_closure_category_has_a_national_code() -> None:
    codes = default_rulebook().national_statistics.at(JUNE)
    assert codes is not None
    assert set(codes.support_barriers) == set(SupportBarrier.values)
    assert set(codes.closure_categories) == set(NationalCategory.values)
    assert set(codes.roles) == {str(relation) for relation in ADULT_RELATIONS}
    assert codes.labour_measure_activities <= set(ActivityKind.values)


@pytest.mark.django_db
def test_the_command_writes_the_file_for_its_owner_only_and_logs_the_run(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _june(world)
    out = tmp_path / "report.csv"
    with pytest.raises(CommandError):
        call_command("national_statistics", month="2026-06", operator=world.analyst.username)
    with translation.override("en"):
        call_command(
            "national_statistics",
            month="2026-06",
            operator=world.administrator.username,
            out=str(out),
        )
    printed = capsys.readouterr().out
    assert "3 households, 4 rows" in printed
    assert "due 2026-07-15" in printed
    with translation.override("sv"):
        assert f"MISSING 2 x {Gap.NO_SUPPORT_BARRIER.label}" in printed
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    lines = list(csv.reader(io.StringIO(out.read_text("utf-8")), delimiter=";"))
    assert tuple(lines[0]) == COLUMNS
    by_number = {line[3]: dict(zip(COLUMNS, line, strict=True)) for line in lines[1:]}
    row_a = by_number[world.person_a.identity_number]
    assert (row_a["manad"], row_a["beviljat_kr"], row_a["kommunal_arbetsmarknadsinsats"]) == (
        "202606",
        "9000.00",
        "1",
    )
    assert row_a["kommun"] == world.unit_a.committee.municipality.code
    logged = AccessLogEntry.objects.get(object_type="national_statistics")
    assert logged.actor_id == world.administrator.pk
    assert logged.changes == {"rows": 4, "missing": 5}


@pytest.mark.django_db
def test_the_check_page_counts_for_analysts_and_lists_own_cases_for_managers(world: World) -> None:
    case_c = _june(world)
    url = reverse("followup:national") + "?month=2026-06"
    analyst = client_for(world.analyst).get(url).content.decode()
    with translation.override("sv"):
        no_barrier, not_paid = str(Gap.NO_SUPPORT_BARRIER.label), str(Gap.NOT_PAID.label)
    assert "förfaller 2026-07-15" in analyst
    assert re.search(rf"{no_barrier}</th><td class=\"num\">2<", analyst)
    assert re.search(rf"{not_paid}</th><td class=\"num\">1<", analyst)
    assert world.case_a.reference not in analyst  # counts only
    assert world.person_a.identity_number not in analyst
    manager = client_for(world.manager_a).get(url).content.decode()
    assert re.search(rf"{no_barrier}</th><td class=\"num\">2<", manager)
    assert not_paid not in manager  # case B belongs to unit B
    assert world.case_a.reference in manager
    assert case_c.reference in manager
    assert world.case_b.reference not in manager
    assert world.person_a.identity_number not in manager
    assert client_for(world.caseworker_a).get(url).status_code == 404
    wrong = client_for(world.analyst).get(reverse("followup:national") + "?month=juni")
    assert "Fyll i ett giltigt datum." in wrong.content.decode()  # and last month is shown


@pytest.mark.django_db
def test_the_check_page_reads_the_check_stored_at_the_nightly_refresh(world: World) -> None:
    """At national size the report takes a minute to build: the page shows what the night found,
    says so, and a gap put right shows as such after the next night."""
    _june(world)
    national_checks_store([JUNE])
    url = reverse("followup:national") + "?month=2026-06"
    with translation.override("sv"):
        no_barrier = str(Gap.NO_SUPPORT_BARRIER.label)
    _barrier(world.case_a, world.protected_person, SupportBarrier.UNEMPLOYED_REGISTERED, world)
    page = client_for(world.analyst).get(url).content.decode()
    assert re.search(rf"{no_barrier}</th><td class=\"num\">2<", page)  # as the night found it
    assert "Enligt uppgifterna" in page
    assert "förfaller 2026-07-15" in page
    national_checks_store([JUNE])  # the next night
    page = client_for(world.analyst).get(url).content.decode()
    assert re.search(rf"{no_barrier}</th><td class=\"num\">1<", page)
    manager = client_for(world.manager_a).get(url).content.decode()
    assert world.case_a.reference not in manager  # put right: nothing left to list for case A


def test_the_months_still_to_be_reported_are_last_month_and_this_one() -> None:
    assert months_to_report(date(2026, 1, 15)) == (date(2025, 12, 1), date(2026, 1, 1))


@pytest.mark.django_db
def test_the_nightly_refresh_stores_the_check_of_the_months_to_report(world: World) -> None:
    today = timezone.localdate()
    refresh(month_index(today) - 1, month_index(today))
    stored = NationalCheck.objects.filter(municipality=world.unit_a.committee.municipality)
    assert {check.month for check in stored} == set(months_to_report(today))
