"""The applicant takes back a sent application before it is decided; the unit sees it, and a
caseworker writes it off in the journal. The month is then open to apply for again."""

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from bistand.accounts.services import applicant_user_for_identity_number
from bistand.applications.models import Application, ApplicationKind, ApplicationStatus, Attachment
from bistand.applications.services import application_draft_create, attachment_add
from bistand.audit.models import AccessLogEntry
from bistand.decisions.calculation_input import applied_amounts
from bistand.decisions.services import DecisionError, decision_make
from bistand.journals.models import JournalEntry
from tests.factories import World, application_make, client_for, notices_cleared, pdf_bytes

STOCKHOLM = ZoneInfo("Europe/Stockholm")
REASON = "Jag har fått jobb på lagret från 1 december."


@pytest.fixture
def december(world: World):  # type: ignore[no-untyped-def]
    application = application_make(
        person=world.person_a, case=world.case_a, month=date(2026, 12, 1)
    )
    application.kind = ApplicationKind.MONTHLY
    application.partner = world.protected_person  # applied for together
    application.submitted_at = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)
    application.save()
    return application


@pytest.mark.django_db
def test_the_applicant_withdraws_and_a_caseworker_writes_it_off(
    world: World,
    december,
    task_worker,
) -> None:  # type: ignore[no-untyped-def]
    overview = reverse("applications:overview", args=[december.pk])
    withdraw = reverse("applications:withdraw", args=[december.pk])
    read = reverse("applications:read", args=[december.pk])
    notices_cleared()
    with time_machine.travel("2026-11-26 20:15 +0100", tick=False):
        applicant = client_for(world.applicant)
        my_case = reverse("applications:my-case")
        assert "Ansök för december 2026" not in applicant.get(my_case).content.decode()
        assert (
            f'<a href="{withdraw}">Återkalla ansökan</a>'
            in applicant.get(overview).content.decode()
        )
        asked = applicant.get(withdraw).content.decode()
        assert "Vill du återkalla din ansökan för december 2026?" in asked
        assert "Det går inte att ångra, men du kan ansöka igen." in asked
        # The partner applied too, but it is the applicant's to withdraw: the partner's page
        # says whom to ask, and has no way to withdraw.
        partner_user = applicant_user_for_identity_number(
            identity_number=world.protected_person.identity_number
        )
        partner_sees = client_for(partner_user).get(overview).content.decode()
        assert withdraw not in partner_sees
        assert (
            "Bara den som skickade ansökan kan återkalla den. "
            f'<a href="{reverse("conversations:mine")}">Om ni inte längre vill ansöka '
            "tillsammans, skriv till din handläggare.</a>"
        ) in partner_sees
        write = client_for(partner_user).get(reverse("conversations:mine")).content.decode()
        assert "<textarea" in write  # the partner can write there
        refused = client_for(partner_user).post(withdraw, {"reason": "x"}, follow=True)
        assert "Bara den som skickade ansökan kan återkalla den." in refused.content.decode()
        december.refresh_from_db()
        assert december.status == ApplicationStatus.RECEIVED
        # Someone else's login reaches neither the question nor the application.
        assert client_for(world.applicant_b).post(withdraw, {"reason": "x"}).status_code == 404

        done = applicant.post(withdraw, {"reason": REASON}, follow=True).content.decode()
        assert "Din ansökan för december 2026 är återkallad." in done
        assert "Du återkallade den här ansökan den 26 november 2026." in done
        # December is open again on My case; the withdrawn one is listed as such.
        page = applicant.get(my_case).content.decode()
        assert "Ansök för december 2026" in page
        assert "Återkallad" in page
        started = applicant.post(reverse("applications:start"))
        again_december = Application.objects.exclude(pk=december.pk).get(
            applicant=world.person_a, month=date(2026, 12, 1)
        )
        assert started["Location"].startswith(f"/my/applications/{again_december.pk}/step/")
        assert again_december.status == ApplicationStatus.DRAFT
        assert withdraw not in done  # nothing left to withdraw
        december.refresh_from_db()
        assert december.status == ApplicationStatus.WITHDRAWN
        assert december.withdrawal_reason == REASON
        logged = AccessLogEntry.objects.filter(
            object_type="application", object_id=str(december.pk)
        )
        assert logged.filter(changes__after__status="withdrawn").exists()
        again = applicant.post(withdraw, {"reason": ""}, follow=True).content.decode()
        assert "Den här ansökan kan inte längre återkallas." in again

        # The partner is told that something is waiting, and reads who withdrew it.
        task_worker()
        assert [m.to for m in mail.outbox] == [[world.protected_person.email]]
        seen = client_for(partner_user).get(overview).content.decode()
        assert "Den sökande återkallade den här ansökan den 26 november 2026." in seen
        assert withdraw not in seen
        assert "Om ni inte längre vill ansöka tillsammans" not in seen

        # Nothing is decided on it, whatever the decision page is sent.
        with pytest.raises(DecisionError):
            decision_make(
                application=december,
                approved=applied_amounts(december),
                reasoning="",
                approval_reason="",
                reduction=None,
                acted_by=world.caseworker_a,
            )

    with time_machine.travel("2026-11-27 08:30 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        cases = caseworker.get(reverse("cases:list")).content.decode()
        assert (
            f'<a href="{read}"><strong>Ansökan för 2026-12 återkallad 2026-11-26</strong></a>'
            in cases
        )
        queue = caseworker.get(reverse("cases:queue")).content.decode()
        assert reverse("decisions:decide", args=[december.pk]) not in queue
        page = caseworker.get(read).content.decode()
        assert "Den sökande återkallade ansökan den 26 november 2026 20:15." in page
        assert REASON in page
        assert "Inget beslut: ansökan är återkallad." in page
        decide = caseworker.get(reverse("decisions:decide", args=[december.pk])).content.decode()
        assert "Inget beslut: ansökan är återkallad." in decide
        assert "Fatta beslut" not in decide
        case_page = caseworker.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
        assert "Inget: återkallad" in case_page
        assert reverse("decisions:decide", args=[december.pk]) not in case_page

        written = caseworker.post(read, {"action": "write_off"}, follow=True).content.decode()
        assert "Ansökan är avskriven. Det står i journalen." in written
        written_off = JournalEntry.objects.filter(case=world.case_a, text__contains="återkallades")
        entry = written_off.get()
        assert entry.signed_at is not None
        assert entry.text == (
            "Ansökan för december 2026 återkallades av den sökande den 2026-11-26. "
            f"Den skrivs av utan beslut.\nDen sökandes skäl: {REASON}"
        )
        twice = caseworker.post(read, {"action": "write_off"}, follow=True).content.decode()
        assert "Bara en återkallad ansökan skrivs av, och bara en gång." in twice
        assert written_off.count() == 1
        assert "återkallad 2026-11-26" not in caseworker.get(reverse("cases:list")).content.decode()
        # Another unit cannot write it off.
        assert client_for(world.caseworker_b).post(read, {"action": "write_off"}).status_code == 404

    # The month is open again: a new application, not the withdrawn one.
    new = application_draft_create(
        user=world.applicant, kind=ApplicationKind.MONTHLY, month=date(2026, 12, 1)
    )
    assert new.pk == again_december.pk  # the one draft for the month, not the withdrawn one


@pytest.mark.django_db
def test_a_decided_application_cannot_be_withdrawn(world: World) -> None:
    decided = world.sent_a
    withdraw = reverse("applications:withdraw", args=[decided.pk])
    applicant = client_for(world.applicant)
    overview = applicant.get(reverse("applications:overview", args=[decided.pk])).content.decode()
    assert withdraw not in overview
    page = applicant.get(withdraw).content.decode()  # an old link says why, and asks nothing
    assert "Den här ansökan kan inte längre återkallas." in page
    assert "Ja, återkalla ansökan" not in page
    refused = applicant.post(withdraw, {"reason": ""}, follow=True).content.decode()
    assert "Den här ansökan kan inte längre återkallas." in refused
    decided.refresh_from_db()
    assert decided.status == ApplicationStatus.DECIDED


@pytest.mark.django_db
def test_a_draft_is_thrown_away_with_its_documents(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    draft = world.draft_a
    attachment = attachment_add(
        application=draft,
        content=pdf_bytes(),
        original_name="hyresavi.pdf",
        kind="rent",
        acted_by=world.applicant,
    )
    stored = Path(attachment.file.path)
    take_back = reverse("applications:withdraw", args=[draft.pk])
    applicant = client_for(world.applicant)
    overview = applicant.get(reverse("applications:overview", args=[draft.pk])).content.decode()
    assert f'<a href="{take_back}">Ta bort utkastet</a>' in overview
    asked = applicant.get(take_back).content.decode()
    assert "Vill du ta bort ditt utkast för februari 2026?" in asked
    assert client_for(world.applicant_b).post(take_back).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        gone = applicant.post(take_back, follow=True)
    assert gone.redirect_chain[-1][0] == reverse("applications:my-case")
    assert "Ditt utkast för februari 2026 är borttaget." in gone.content.decode()
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not stored.exists()
    logged = AccessLogEntry.objects.filter(object_type="application", object_id=str(draft.pk))
    assert {
        "before": {"status": "draft", "kind": "first", "month": "2026-02-01"},
        "after": None,
    } in [entry.changes for entry in logged]
