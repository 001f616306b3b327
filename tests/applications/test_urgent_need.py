"""A household that lacks food, medicine or a place to sleep today (ADR 0038): the e-service
says whom to call, today, before anything else; the sent application comes first in the unit's
queue; and a caseworker, not the system, records how the need was assessed, in the journal."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from bistand.applications.models import Application, ApplicationKind, ApplicationStatus
from bistand.audit.models import AccessLogEntry
from bistand.journals.models import JournalEntry
from bistand.organisations.models import Municipality, Unit
from tests.applications.journey import (
    FIRST_STEPS,
    children_posted,
    new_applicant,
    send,
    walk_first_application,
)
from tests.factories import World, application_make, client_for, units_reachable

STOCKHOLM = ZoneInfo("Europe/Stockholm")
URGENT = {
    "urgent_needs": ["food", "shelter"],
    "urgent_text": "Vi har inga pengar till mat från i morgon, och vi måste flytta ut i kväll.",
}
CALL_UNIT = (
    'Ring <a href="tel:0850800010"><bdi dir="ltr">08-508 00 010</bdi></a>, '
    'måndag–fredag <bdi dir="ltr">09:00</bdi>–<bdi dir="ltr">11:30</bdi>.'
)
CALL_OUT_OF_HOURS = (
    'ring socialjouren: <a href="tel:+46850800100"><bdi dir="ltr">+46 8 508 00 100</bdi></a>.'
)


def _reachable(world: World) -> None:
    units_reachable(world.unit_a)
    Municipality.objects.update(guidelines="stockholm")


def _help_today(page: str) -> bool:
    return 'data-testid="help-today"' in page


@pytest.mark.django_db
def test_the_contact_page_says_whom_to_call_today_without_a_login(world: World) -> None:
    _reachable(world)
    page = Client().get(reverse("about:contact")).content.decode()
    assert "<h1>Kontakta socialtjänsten</h1>" in page
    assert _help_today(page)
    assert "ring oss i dag. Vänta inte på beslutet om din ansökan" in page
    assert CALL_UNIT in page
    assert CALL_OUT_OF_HOURS in page
    assert 'Om någons liv eller hälsa är i fara, ring <bdi dir="ltr">112</bdi>.' in page
    assert "Kistagången 20, Kista" in page
    assert "Skicka inte uppgifter om dig själv med vanlig e-post" in page
    # Every page leads there, from its footer.
    start = Client().get(reverse("about:accessibility")).content.decode()
    assert f'<a href="{reverse("about:contact")}">Kontakta oss</a>' in start

    arabic = Client()
    arabic.cookies["django_language"] = "ar"
    page = arabic.get(reverse("about:contact")).content.decode()
    assert "هل تحتاج إلى مساعدة اليوم؟" in page
    # The number and the hours read left to right inside the Arabic sentence.
    assert '<bdi dir="ltr">08-508 00 010</bdi>' in page
    assert 'من <bdi dir="ltr">09:00</bdi> إلى <bdi dir="ltr">11:30</bdi>' in page


@pytest.mark.django_db
def test_a_unit_without_a_phone_gives_the_intake_units_and_none_at_all_says_what_to_do(
    world: World,
) -> None:
    _reachable(world)
    # The applicant's case is at unit_a; a case at a unit without a phone gives the intake's.
    from bistand.about.services import social_services_contact

    contact = social_services_contact(world.unit_b)
    assert contact is not None
    assert (contact.phone, contact.unit_name) == ("08-508 00 010", world.unit_a.name)
    Unit.objects.update(phone="", phone_opens=None, phone_closes=None)
    page = Client().get(reverse("about:contact")).content.decode()
    assert "Ring växeln hos Testkommun och fråga efter socialtjänstens mottagning" in page
    assert CALL_OUT_OF_HOURS in page  # the emergency service's number still stands


@pytest.mark.django_db
def test_the_urgent_question_is_checked_and_what_was_typed_stays(world: World) -> None:
    _reachable(world)
    applicant = client_for(world.applicant)
    url = reverse("applications:step", args=[world.draft_a.pk, "needs"])
    page = applicant.get(url).content.decode()
    assert _help_today(page)  # whom to call comes before the question
    assert page.index('data-testid="help-today"') < page.index('name="urgent_needs"')
    assert "Saknar du något av detta i dag, innan vi hinner besluta om din ansökan?" in page

    refused = applicant.post(url, {"urgent_needs": ["other"], "urgent_text": ""})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Berätta vad mer du inte klarar dig utan i dag." in page
    assert 'value="other"' in page
    assert "checked" in page
    refused = applicant.post(url, {"urgent_text": "Mat till barnen", "dental_care": "300"})
    page = refused.content.decode()
    assert "Kryssa i det du saknar i dag, eller töm rutan nedanför om du klarar dig." in page
    assert "Mat till barnen" in page
    assert 'value="300"' in page
    world.draft_a.refresh_from_db()
    assert "needs" not in world.draft_a.answers  # nothing half-saved

    assert applicant.post(url, {"urgent_needs": ["medicine"]}).status_code == 302
    world.draft_a.refresh_from_db()
    assert world.draft_a.answers["needs"]["urgent_needs"] == ["medicine"]


@pytest.mark.django_db
def test_an_urgent_need_goes_first_and_a_caseworker_records_the_assessment(
    world: World,
) -> None:
    _reachable(world)
    # An older first application, due for its visit before the urgent one.
    older = application_make(person=world.person_b, case=world.case_b, month=date(2026, 11, 1))
    Application.objects.filter(pk=older.pk).update(
        case=world.case_a, submitted_at=datetime(2026, 11, 2, 9, tzinfo=STOCKHOLM)
    )
    with time_machine.travel("2026-11-24 19:40 +0100", tick=False):
        applicant_user = new_applicant(7)
        applicant = client_for(applicant_user)
        steps = {**FIRST_STEPS, "needs": {**URGENT, "other_needs": ""}}
        application = walk_first_application(applicant, children_posted(), steps)
        page = applicant.get(reverse("applications:send", args=[application.pk])).content
        assert _help_today(page.decode())  # said again where the application is sent
        assert "Mat, En plats att sova på i natt" in page.decode()  # in the answers to check
        assert send(applicant, application).status_code == 302
        application.refresh_from_db()
        assert application.status == ApplicationStatus.RECEIVED
        assert application.case is not None
        assert application.case.unit_id == world.unit_a.pk
        mine = applicant.get(reverse("applications:my-case")).content.decode()
        assert _help_today(mine)
        assert CALL_OUT_OF_HOURS in mine  # it is evening: the emergency service's number

    with time_machine.travel("2026-11-25 08:05 +0100", tick=False):
        caseworker = client_for(world.caseworker_a)
        queue = caseworker.get(reverse("cases:queue")).content.decode()
        flag = queue.index('data-testid="urgent-flag"')
        assert queue.count('data-testid="urgent-flag"') == 1
        assert "Akut behov: bedöm utan dröjsmål" in queue
        assert (
            queue.index(application.case.reference) < flag < queue.index(world.case_a.reference)
        )  # first, though the older one is due sooner
        # The case list, where the caseworker works from, says it first too.
        cases = caseworker.get(reverse("cases:list")).content.decode()
        urgent_item = "Akut behov i ansökan för 2026-11: bedöm utan dröjsmål"
        assert urgent_item in cases
        assert cases.index(application.case.reference) < cases.index(world.case_a.reference)
        read = reverse("applications:read", args=[application.pk])
        page = caseworker.get(read).content.decode()
        assert "Akut behov som den sökande har uppgett" in page
        assert "Den sökande uppger att hen saknar i dag: Mat, En plats att sova på i natt." in page
        assert URGENT["urgent_text"] in page
        # Another unit's caseworker cannot see or assess it.
        other = client_for(world.caseworker_b).post(
            read, {"action": "urgent_assessed", "assessment": "x"}
        )
        assert other.status_code == 404

        empty = caseworker.post(read, {"action": "urgent_assessed", "assessment": "  "})
        assert empty.status_code == 400
        refused = empty.content.decode()
        assert "Skriv hur det akuta behovet bedömdes, och vad som gjordes." in refused
        assert not JournalEntry.objects.filter(case=application.case).exists()

        assessment = "Ringt upp 08.00. Matpengar för tre dagar beviljade, beslut i journalen."
        done = caseworker.post(
            read, {"action": "urgent_assessed", "assessment": assessment}, follow=True
        ).content.decode()
        assert "Bedömningen av det akuta behovet finns i journalen." in done
        assert "Bedömt 25 november 2026 08:05 av" in done
        application.refresh_from_db()
        assert application.urgent_need_assessed_by == world.caseworker_a
        entry = JournalEntry.objects.get(case=application.case)
        assert entry.author == world.caseworker_a
        assert entry.signed_at is not None
        assert entry.text == (
            "Akut behov bedömt. I ansökan för november 2026, skickad 2026-11-24 19:40, uppgav "
            "den sökande att hen saknade i dag: mat, en plats att sova på i natt.\n"
            f"Med den sökandes ord: {URGENT['urgent_text']}\n"
            f"Bedömning: {assessment}"
        )
        logged = AccessLogEntry.objects.get(
            object_type="application",
            object_id=str(application.pk),
            changes__after__has_key="urgent_need_assessed_at",
        )
        assert logged.actor_id == world.caseworker_a.pk
        assert logged.changes["after"] == {
            "urgent_need_assessed_at": application.urgent_need_assessed_at.isoformat()
        }
        # Once: a second post records nothing more.
        again = caseworker.post(
            read, {"action": "urgent_assessed", "assessment": "igen"}, follow=True
        ).content.decode()
        assert "Den här ansökan har inget akut behov som väntar på bedömning." in again
        assert JournalEntry.objects.filter(case=application.case).count() == 1
        # The queue no longer puts it first; the applicant is no longer told to call.
        queue = caseworker.get(reverse("cases:queue")).content.decode()
        assert 'data-testid="urgent-flag"' not in queue
        assert urgent_item not in caseworker.get(reverse("cases:list")).content.decode()
        mine = client_for(applicant_user).get(reverse("applications:my-case")).content.decode()
        assert not _help_today(mine)
        assert CALL_UNIT in mine  # the unit's number stays, beside who handles the case


@pytest.mark.django_db
def test_monthly_applications_with_an_urgent_need_come_first_and_it_is_not_carried_over(
    world: World,
) -> None:
    _reachable(world)
    plain = application_make(person=world.person_a, case=world.case_a, month=date(2026, 12, 1))
    urgent = application_make(person=world.person_b, case=world.case_b, month=date(2026, 12, 1))
    for application, sent, answers in (
        (plain, datetime(2026, 11, 20, 9, tzinfo=STOCKHOLM), {}),
        (urgent, datetime(2026, 11, 23, 9, tzinfo=STOCKHOLM), {"needs": URGENT}),
    ):
        Application.objects.filter(pk=application.pk).update(
            kind=ApplicationKind.MONTHLY,
            case=world.case_a,
            submitted_at=sent,
            answers=answers,
            urgent_need_stated=bool(answers),
        )
    with time_machine.travel("2026-11-24 09:00 +0100", tick=False):
        queue = client_for(world.caseworker_a).get(reverse("cases:queue")).content.decode()
    monthly = queue[queue.index("<h2>Månadsansökningar att besluta</h2>") :]
    decide = reverse("decisions:decide", args=[urgent.pk])
    assert monthly.index('data-testid="urgent-flag"') < monthly.index(decide)
    assert monthly.index(decide) < monthly.index(reverse("decisions:decide", args=[plain.pk]))

    # Next month starts from what is known, but not from this month's urgent need.
    Application.objects.filter(pk=plain.pk).update(answers={"needs": URGENT})
    Application.objects.filter(applicant=world.person_a, status="draft").delete()
    with time_machine.travel("2026-12-22 09:00 +0100", tick=False):
        started = client_for(world.applicant).post(reverse("applications:start"))
        assert started.status_code == 302
    draft = Application.objects.get(applicant=world.person_a, month=date(2027, 1, 1))
    assert "needs" not in draft.answers
    assert draft.urgent_needs == []


@pytest.mark.django_db
def test_the_administrator_cannot_save_phone_hours_that_do_not_work(world: World) -> None:
    unit = Unit.objects.get(pk=world.unit_a.pk)
    unit.phone_opens = time(9)
    with pytest.raises(ValidationError) as refused:
        unit.full_clean()
    assert "phone_closes" in refused.value.message_dict
    unit.phone_closes = time(8)
    with pytest.raises(ValidationError) as refused:
        unit.full_clean()
    assert "phone_closes" in refused.value.message_dict
    unit.phone_closes = time(11)
    with pytest.raises(ValidationError) as refused:
        unit.full_clean()
    assert "phone" in refused.value.message_dict  # hours for a number not given
    unit.phone = "08-508 00 010"
    unit.full_clean()
    assert unit.phone_link == "tel:0850800010"


@pytest.mark.django_db
def test_an_urgent_need_waits_for_the_unit_beside_a_completion_not_yet_due(world: World) -> None:
    """Asked to complete, with days left, and an urgent need not assessed: the case waits for the
    urgent need only; the completion is the applicant's to send."""
    from bistand.applications.services import application_completion_request
    from bistand.cases.waiting import waiting_case_count, waiting_for_unit

    Application.objects.filter(pk=world.sent_a.pk).update(
        answers={"needs": URGENT}, urgent_need_stated=True
    )
    with time_machine.travel("2026-11-24 09:00 +0100", tick=False):
        application_completion_request(
            application=world.sent_a,
            due=date(2026, 11, 30),
            what="Hyresavtalet.",
            acted_by=world.caseworker_a,
        )
        waiting = waiting_for_unit(user=world.caseworker_a, case_ids=[world.case_a.pk])
        assert [a.pk for a in waiting[world.case_a.pk].urgent] == [world.sent_a.pk]
        assert waiting[world.case_a.pk].past_due == []
        assert waiting[world.case_a.pk].completions == []
        assert waiting_case_count(user=world.caseworker_b) == 0  # another unit's case
        with time_machine.travel("2026-12-01 09:00 +0100", tick=False):  # the day has passed
            waiting = waiting_for_unit(user=world.caseworker_a, case_ids=[world.case_a.pk])
            assert [a.pk for a in waiting[world.case_a.pk].past_due] == [world.sent_a.pk]
            assert len(waiting[world.case_a.pk].urgent) == 1
