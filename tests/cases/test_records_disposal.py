"""Records disposal: five years after the last entry; a statistical extract stays; people with no
records left are removed; a case with an open receivable is kept."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from bistand.accounts.models import User
from bistand.cases import disposal
from bistand.cases.models import Case, DisposalExtract
from bistand.followup.models import AidMonthFact, AidMonthSummary
from bistand.followup.refresh import refresh_all
from bistand.journals.models import JournalEntry
from bistand.people.models import Person
from bistand.recoveries.services import recovery_open
from tests.factories import World, user_create


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("dispose_records", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_nothing_is_due_before_five_years(world: World) -> None:
    admin = user_create(role="administrator", username="forvaltare")
    output = _run("--as-of", "2031-01-01", "--operator", admin.username, "--execute")
    assert output.strip().endswith("0 cases due; 0 disposed of; 0 kept.")
    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_a_dry_run_lists_and_deletes_nothing(world: World) -> None:
    admin = user_create(role="administrator", username="forvaltare")
    output = _run("--as-of", "2032-01-01", "--operator", admin.username)
    assert world.case_b.reference in output
    assert "dispose by 2032-12-31" in output
    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_disposal_keeps_only_the_extract_and_a_case_with_open_debt(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    admin = user_create(role="administrator", username="forvaltare")
    recovery_open(
        order=world.decision_a.payment_order,
        amount=Decimal(500),
        reason="Lön uppgavs inte.",
        paid_out_on=date(2026, 1, 25),
        acted_by=world.caseworker_a,
    )
    attachment_file = Path(world.attachment_b.file.path)
    assert attachment_file.exists()
    refresh_all()  # the follow-up's facts hold both households' granted months
    assert AidMonthFact.objects.filter(household_key=world.case_b.pk).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        output = _run("--as-of", "2032-01-01", "--operator", admin.username, "--execute")
    assert f"{world.case_a.reference}" in output
    assert "KEPT: open receivable" in output
    assert list(Case.objects.values_list("reference", flat=True)) == [world.case_a.reference]
    extract = DisposalExtract.objects.get()
    assert (extract.unit, extract.adults, extract.children) == (world.unit_b, 1, 0)
    assert extract.months_granted == 1
    assert extract.total_granted == world.decision_b.granted_amount
    assert not Person.objects.filter(pk=world.person_b.pk).exists()
    assert not User.objects.filter(pk=world.applicant_b.pk).exists()
    assert not attachment_file.exists()
    assert not JournalEntry.objects.filter(case_id=world.case_b.pk).exists()
    assert not AidMonthFact.objects.filter(household_key=world.case_b.pk).exists()
    assert AidMonthFact.objects.filter(household_key=world.case_a.pk).exists()
    assert AidMonthSummary.objects.exists()  # the aggregates stay


@pytest.mark.django_db
def test_a_disposal_that_fails_keeps_the_documents_files(
    world: World,
    monkeypatch,  # type: ignore[no-untyped-def]
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    """The records roll back, so the files stay with them: none leaves the disk before the
    deletion is committed."""
    admin = user_create(role="administrator", username="forvaltare")
    attachment_file = Path(world.attachment_b.file.path)

    def log_down(**_kwargs: object) -> None:
        raise OSError("the access log cannot be written")

    monkeypatch.setattr(disposal, "access_log_write", log_down)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(OSError, match="access log"),
    ):
        disposal.case_dispose(
            candidate=next(
                c
                for c in disposal.disposal_candidates(as_of=date(2032, 1, 1))
                if c.case == world.case_b
            ),
            acted_by=admin,
        )
    assert attachment_file.exists()
    assert Case.objects.filter(pk=world.case_b.pk).exists()
