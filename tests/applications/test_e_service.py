"""The applicant's journey through the e-service, driven as a browser would through forms."""

import re
import uuid
from datetime import date, timedelta
from functools import partial

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bistand.accounts.models import User
from bistand.applications.models import Application, ApplicationKind, ApplicationStatus
from bistand.applications.services import application_submit
from bistand.audit.models import AccessLogEntry
from bistand.cases.models import Case
from bistand.conversations.models import SecureMessage
from bistand.people.identity_numbers import compose_identity_number
from bistand.people.models import Person
from tests.applications.journey import FIRST_STEPS
from tests.applications.journey import children_posted as _children
from tests.applications.journey import new_applicant as _new_applicant
from tests.applications.journey import send as _send
from tests.applications.journey import walk_first_application as _walk_first_application
from tests.concurrency import at_once
from tests.factories import World, client_for, digits_in_arabic, notices_cleared


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_first_application_with_partner_confirmation_reaches_the_intake_unit(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    mail.outbox.clear()
    applicant, partner = _new_applicant(3), _new_applicant(4, 983)
    applicant.person.email = "ny@example.se"
    applicant.person.save()
    child_number = compose_identity_number(date(2020, 2, 2), 984)
    client = client_for(applicant)
    application = _walk_first_application(
        client,
        {
            "partner_identity_number": partner.person.identity_number,
            "others_in_home": "0",
            **_children(child_number),
        },
    )
    application.refresh_from_db()
    assert application.answers["housing"]["home_insurance"] == "150.50"
    assert application.answers["household"]["children"][0]["identity_number"] == child_number
    assert application.attachments.count() == 1

    assert _send(client, application).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_PARTNER
    assert application.case is None

    partner_client = client_for(partner)
    confirm = reverse("applications:confirm", kwargs={"application_id": application.pk})
    to_do = partner_client.get(reverse("applications:my-case")).content.decode()
    assert f'<li><a href="{confirm}">Bekräfta ansökan för' in to_do
    assert partner_client.post(confirm).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED
    assert application.case.unit == world.unit_a  # the municipality's intake unit
    assert {m.relation for m in application.case.members.all()} == {"applicant", "partner", "child"}
    assert "Mottagen" in client.get(reverse("applications:my-case")).content.decode()
    # The notice is queued, not sent in the request; the worker sends it.
    assert mail.outbox == []
    task_worker()
    # The notification says only that something is waiting.
    (notice,) = [sent for sent in mail.outbox if sent.to == ["ny@example.se"]]
    assert "Logga in för att läsa" in notice.body
    assert "7 200" not in notice.body
    assert "Sökande" not in notice.body


def _answers(page: str) -> str:
    """The page's answers, with Django's non-breaking thousands separator as a plain space."""
    return page.replace("\u00a0", " ")


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_the_answers_are_checked_before_sending_shown_to_the_partner_and_read_by_the_caseworker(
    world: World,
) -> None:
    applicant, partner = _new_applicant(6), _new_applicant(7, 983)
    client = client_for(applicant)
    application = _walk_first_application(
        client,
        {
            "partner_identity_number": partner.person.identity_number,
            "others_in_home": "0",
            **_children(compose_identity_number(date(2019, 3, 3), 985)),
        },
    )
    send = reverse("applications:send", kwargs={"application_id": application.pk})

    # Before sending: every part in words, each with a way to change it.
    page = _answers(client.get(send).content.decode())
    for title in ("Hushåll", "Boende och kostnader", "Inkomster", "Arbete och studier"):
        assert f">{title}</h2>" in page
    assert "Hyresrätt (förstahandskontrakt)" in page  # the choice's name, not its code
    assert "7 200" in page
    assert "150,50" in page
    assert "Barn 1</dt><dd>Barn0; 20190303" in page  # the child, and lunch at home
    assert "Äter lunch hemma" in page
    assert "Jag är inskriven på Arbetsförmedlingen</dt><dd>Ja" in page
    assert '<dd dir="auto">Jag söker jobb som undersköterska.</dd>' in page
    work = reverse("applications:step", kwargs={"application_id": application.pk, "step": "work"})
    assert f'<a href="{work}">Ändra <span class="visually-hidden">Arbete och studier' in page

    # The applicant changes their own words, in Arabic, and comes back to send.
    own_words = "أبحث عن عمل كمساعدة تمريض منذ ستة أشهر."
    changed = client.post(work, {**FIRST_STEPS["work"], "support_barrier_text": own_words})
    assert changed.status_code == 302
    page = client.get(send).content.decode()
    assert f'<dd dir="auto">{own_words}</dd>' in page
    assert "undersköterska" not in page
    assert _send(client, application).status_code == 302

    # The partner reads what they confirm; nothing there can be changed.
    confirm = reverse("applications:confirm", kwargs={"application_id": application.pk})
    partner_client = client_for(partner)
    page = _answers(partner_client.get(confirm).content.decode())
    for shown in (own_words, "7 200", "hyra.pdf"):
        assert shown in page
    assert "Ändra <span" not in page
    assert partner_client.post(confirm).status_code == 302

    # The intake unit's caseworker reads the application as sent, and the read is logged.
    application.refresh_from_db()
    read = reverse("applications:read", kwargs={"application_id": application.pk})
    case_page = client_for(world.caseworker_a).get(
        reverse("cases:detail", kwargs={"case_id": application.case_id})
    )
    assert f'href="{read}"' in case_page.content.decode()
    before = set(AccessLogEntry.objects.values_list("pk", flat=True))
    page = _answers(client_for(world.caseworker_a).get(read).content.decode())
    assert "Arbetslös och inskriven på Arbetsförmedlingen" in page
    assert f'<dd dir="auto">{own_words}</dd>' in page
    number = partner.person.identity_number
    assert f"{number[:8]}-{number[8:]}" in page  # written as people write it
    assert "Partnern bekräftade ansökan den 5 november 2026" in page
    assert "Ändra <span" not in page
    assert (
        AccessLogEntry.objects.exclude(pk__in=before)
        .filter(
            actor_id=world.caseworker_a.pk,
            object_id=str(application.pk),
            action="read",
            granted=True,
        )
        .exists()
    )
    assert client_for(world.caseworker_b).get(read).status_code == 404  # another unit


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_double_submit_with_the_same_key_creates_one_application(world: World) -> None:
    client = client_for(_new_applicant(5))
    application = _walk_first_application(client, {"others_in_home": "0", **_children()})
    key = uuid.uuid4()
    first = _send(client, application, key)
    second = _send(client, application, key)
    assert first.status_code == second.status_code == 302
    assert Application.objects.filter(submission_key=key).count() == 1
    assert Application.objects.filter(applicant=application.applicant).count() == 1
    assert Case.objects.filter(members__person=application.applicant).count() == 1
    # A retry with a fresh key (a reloaded form) changes nothing either.
    _send(client, application, uuid.uuid4())
    application.refresh_from_db()
    assert application.submission_key == key


def _notices_to(person: Person) -> list[DBTaskResult]:
    """The queued notices to one person (the world's own setting-up queues more)."""
    return [t for t in DBTaskResult.objects.all() if t.args_kwargs["args"][0] == str(person.pk)]


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_a_send_goes_through_when_the_mail_server_is_down_and_the_notice_follows_later(
    world: World,
    settings,  # type: ignore[no-untyped-def]
    caplog,  # type: ignore[no-untyped-def]
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    applicant = _new_applicant(11)
    applicant.person.email = "nere@example.se"
    applicant.person.save()
    client = client_for(applicant)
    application = _walk_first_application(client, {"others_in_home": "0", **_children()})

    response = _send(client, application)

    assert response.status_code == 302
    assert response["Location"] == reverse("applications:my-case")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED
    assert "Din ansökan är skickad" in client.get(reverse("applications:my-case")).content.decode()
    (queued,) = _notices_to(applicant.person)  # the notice waits beside the send, no content
    assert queued.args_kwargs == {"args": [str(applicant.person.pk), ["email"]], "kwargs": {}}

    task_worker()  # the mail server refuses: logged, and tried again later
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.FAILED
    assert "the mail server is down" in caplog.text
    (retry,) = [task for task in _notices_to(applicant.person) if task.pk != queued.pk]
    assert retry.status == TaskResultStatus.READY
    assert retry.run_after == timezone.now() + timedelta(seconds=300)
    assert retry.args_kwargs["args"] == [str(applicant.person.pk), ["email"], 2]
    task_worker()  # not due yet
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.READY

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    with time_machine.travel("2026-11-05 10:05 +0100", tick=False):
        task_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert [sent.to for sent in mail.outbox].count(["nere@example.se"]) == 1
    # Each time the worker read the contact details, the log names the system as the reader.
    reads = AccessLogEntry.objects.filter(object_type="person", object_id=applicant.person.pk)
    assert [(r.actor_role, r.actor_id, r.path) for r in reads] == [
        ("system", None, "task:notification_send")
    ] * 2


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_a_send_is_one_log_row_with_the_page_and_the_change(world: World) -> None:
    applicant = _new_applicant(8)
    client = client_for(applicant)
    application = _walk_first_application(client, {"others_in_home": "0", **_children()})
    send = reverse("applications:send", kwargs={"application_id": application.pk})
    before = set(AccessLogEntry.objects.values_list("pk", flat=True))

    assert _send(client, application).status_code == 302

    rows = AccessLogEntry.objects.exclude(pk__in=before).filter(
        object_type="application", object_id=str(application.pk), action="write"
    )
    assert [(r.actor_id, r.path, r.granted, r.inside_unit) for r in rows] == [
        (applicant.pk, send, True, True)
    ]
    assert rows[0].changes["before"] == {"status": ApplicationStatus.DRAFT}
    assert rows[0].changes["after"]["status"] == ApplicationStatus.RECEIVED


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_a_key_spent_on_another_application_sends_nothing_and_says_so(world: World) -> None:
    first_client = client_for(_new_applicant(9))
    first = _walk_first_application(first_client, {"others_in_home": "0", **_children()})
    key = uuid.uuid4()
    assert _send(first_client, first, key).status_code == 302
    applicant = _new_applicant(10)
    client = client_for(applicant)
    draft = _walk_first_application(client, {"others_in_home": "0", **_children()})
    send = reverse("applications:send", kwargs={"application_id": draft.pk})
    before = set(AccessLogEntry.objects.values_list("pk", flat=True))

    response = _send(client, draft, key)  # the first application's key, copied into this form

    assert response.status_code == 302
    assert response["Location"] == send
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.submission_key is None
    assert Application.objects.get(submission_key=key) == first
    assert "Din ansökan skickades inte" in client.get(send).content.decode()
    # The attempt is logged by the access gate, with no change.
    rows = AccessLogEntry.objects.exclude(pk__in=before).filter(
        object_id=str(draft.pk), action="write"
    )
    assert [(r.actor_id, r.path, r.changes) for r in rows] == [(applicant.pk, send, None)]
    # A fresh page sends it.
    assert _send(client, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.RECEIVED


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_bad_input_is_explained_in_swedish_and_nothing_typed_is_lost(world: World) -> None:
    client = client_for(_new_applicant(6))
    response = client.post(reverse("applications:start"))
    application = Application.objects.get(pk=response["Location"].split("/")[3])
    url = reverse("applications:step", kwargs={"application_id": application.pk, "step": "housing"})
    response = client.post(
        url,
        {
            "housing_type": "rental",
            "housing": "sju tusen",
            "household_electricity": "312,75",
            "home_insurance": "-5",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "Skriv ett belopp i kronor" in html
    assert "kan inte vara negativt" in html
    assert 'href="#id_housing"' in html  # the summary links to the field
    assert 'value="sju tusen"' in html
    assert 'value="312,75"' in html  # kept as typed
    assert 'aria-invalid="true"' in html
    household = reverse(
        "applications:step", kwargs={"application_id": application.pk, "step": "household"}
    )
    response = client.post(household, {"partner_identity_number": "19900101-0000", **_children()})
    assert "Sista siffran" in response.content.decode()
    assert "19900101-0000" in response.content.decode()


@pytest.mark.django_db
def test_monthly_application_starts_from_last_month_and_asks_only_what_changed(
    world: World,
) -> None:
    client = client_for(world.applicant)
    world.sent_a.answers = {
        "housing": {"housing_type": "rental", "housing": "6900.00"},
        "incomes": {"employment": "0"},
        "household": {"children": []},
        "consent": {"truthful": True},
    }
    world.sent_a.save()
    world.draft_a.delete()
    with time_machine.travel("2026-01-25 09:00 +0100", tick=False):  # window for February
        assert (
            "Ansök för februari 2026"
            in client.get(reverse("applications:my-case")).content.decode()
        )
        response = client.post(reverse("applications:start"))
        monthly = Application.objects.get(applicant=world.person_a, month=date(2026, 2, 1))
        assert monthly.kind == ApplicationKind.MONTHLY
        assert response["Location"].endswith("/step/changes/")
        assert "consent" not in monthly.answers  # consent is always given anew
        changes = reverse(
            "applications:step", kwargs={"application_id": monthly.pk, "step": "changes"}
        )
        response = client.post(changes, {"changes_text": ""})
        assert response["Location"].endswith("/step/housing/")  # household not asked again
        housing = client.get(response["Location"]).content.decode()
        assert 'value="6900,00"' in housing  # prefilled from last month
    with time_machine.travel("2026-02-11 09:00 +0100", tick=False):  # window closed
        page = client_for(world.applicant).get(reverse("applications:my-case")).content.decode()
        assert "Mitt ärende" in page
        assert "Ansök för" not in page


@pytest.mark.django_db
def test_caseworker_message_reaches_the_applicant_and_can_be_filed(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    notices_cleared()
    world.person_a.email = "amina@example.se"
    world.person_a.save()
    staff = client_for(world.caseworker_a)
    url = reverse("conversations:case", kwargs={"case_id": world.case_a.pk})
    staff.post(url, {"body": "Hej! Skicka hyresavin för december."})
    task_worker()
    assert len(mail.outbox) == 2  # to the applicant and to the partner in the case
    assert all("hyresavin" not in sent.body for sent in mail.outbox)
    applicant = client_for(world.applicant)
    assert "1 nytt meddelande" in applicant.get(reverse("applications:my-case")).content.decode()
    page = applicant.get(reverse("conversations:mine")).content.decode()
    assert "Skicka hyresavin för december." in page
    assert "nytt meddelande" not in applicant.get(reverse("applications:my-case")).content.decode()
    applicant.post(reverse("conversations:mine"), {"body": "Den kommer i morgon."})
    message = SecureMessage.objects.get(body="Den kommer i morgon.")
    staff.post(url, {"message_id": str(message.pk)})
    message.refresh_from_db()
    assert message.filed_to_journal_at is not None
    assert message.filed_by == world.caseworker_a
    assert client_for(world.caseworker_b).get(url).status_code == 404


@pytest.mark.django_db
def test_pre_calculation_without_login(world: World) -> None:
    client = Client()
    client.post(
        reverse("precalc:household"),
        {
            "living": "alone",
            "children-TOTAL_FORMS": "1",
            "children-INITIAL_FORMS": "0",
            "children-MIN_NUM_FORMS": "0",
            "children-MAX_NUM_FORMS": "12",
            "children-0-age": "4",
            "children-0-lunch_at_home": "",
        },
    )
    client.post(reverse("precalc:costs"), {"housing": "6000"})
    client.post(reverse("precalc:incomes"), {"child_allowance": "1250"})
    html = client.get(reverse("precalc:result")).content.decode()
    assert "Det här är inte ett beslut." in html
    assert "Riksnorm, ensamstående vuxen" in html
    assert "Riksnorm, barn" in html
    result = re.search(r"ungefär <strong>([\d\u00a0]+) kr</strong>", html)
    assert result is not None
    assert int(result.group(1).replace("\u00a0", "")) > 0


@pytest.mark.django_db
def test_arabic_is_right_to_left_and_the_choice_is_remembered(world: World) -> None:
    client = Client()
    response = client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    assert response.cookies["django_language"]["max-age"] >= 30 * 24 * 3600
    html = client.get(reverse("precalc:household")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الحساب التقديري" in html


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_the_bank_account_is_checked_and_kept_on_the_person(world: World) -> None:
    user = _new_applicant(7)
    client = client_for(user)
    application = _walk_first_application(client, {"others_in_home": "0", **_children()})
    consent = reverse(
        "applications:step", kwargs={"application_id": application.pk, "step": "consent"}
    )
    response = client.post(
        consent,
        {"truthful": "on", "consent_checks": "on", "bank_account": "SE35 5000 0000 0549 1000 0004"},
    )
    assert "inte ett giltigt IBAN" in response.content.decode()
    client.post(
        consent,
        {"truthful": "on", "consent_checks": "on", "bank_account": "se35 5000 0000 0549 1000 0003"},
    )
    _send(client, application)
    user.person.refresh_from_db()
    assert user.person.iban == "SE3550000000054910000003"


def test_numbers_typed_with_an_arabic_keyboard_are_the_same_numbers(world: World) -> None:
    """A phone set to Arabic writes ٠–٩ and the separators ٫ and ٬. The partner's number found
    the partner no one knew (a new person with '1990٠٤…'), an amount with ٫ was refused, and
    the account number kept its Arabic digits, which no bank reads."""
    client = client_for(_new_applicant(12))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    partner_number = digits_in_arabic(world.person_b.identity_number)
    people = Person.objects.count()
    application = _walk_first_application(
        client,
        {
            "partner_identity_number": f"{partner_number[:8]}-{partner_number[8:]}",
            "others_in_home": "٠",
            **_children(),
        },
    )
    housing = reverse(
        "applications:step", kwargs={"application_id": application.pk, "step": "housing"}
    )
    response = client.post(
        housing,
        {**FIRST_STEPS["housing"], "housing": "٧٬٢٠٠", "home_insurance": "١٥٠٫٥٠"},
    )
    assert response.status_code == 302
    consent = reverse(
        "applications:step", kwargs={"application_id": application.pk, "step": "consent"}
    )
    account = "SE" + digits_in_arabic("35 5000 0000 0549 1000 0003")
    client.post(consent, {"truthful": "on", "consent_checks": "on", "bank_account": account})
    application.refresh_from_db()
    assert application.partner == world.person_b
    assert Person.objects.count() == people  # the partner already known, not a second one
    assert application.answers["household"]["others_in_home"] == 0
    assert application.answers["housing"]["housing"] == "7200"
    assert application.answers["housing"]["home_insurance"] == "150.50"
    assert application.answers["consent"]["bank_account"] == "SE3550000000054910000003"


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_a_partner_already_in_a_case_brings_the_application_to_the_responsible_unit(
    world: World,
) -> None:
    """One responsible unit per person: no second case is opened at the intake unit."""
    applicant = _new_applicant(6)
    client = client_for(applicant)
    application = _walk_first_application(
        client,
        {
            "partner_identity_number": world.person_b.identity_number,
            "others_in_home": "0",
            **_children(),
        },
    )
    assert _send(client, application).status_code == 302
    confirm = reverse("applications:confirm", kwargs={"application_id": application.pk})
    assert client_for(world.applicant_b).post(confirm).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED
    assert application.case == world.case_b  # held by unit b, not the intake unit a
    assert Case.objects.filter(members__person=world.person_b).count() == 1


def test_without_an_intake_unit_a_new_household_is_told_and_keeps_its_application(
    world: World,
) -> None:
    """A municipality that has not yet chosen the unit receiving e-applications: the send and
    the partner's confirmation say so in the applicant's language, nothing is sent and nothing
    typed is lost; once the unit is chosen, the same application goes through."""
    municipality = world.unit_a.committee.municipality
    municipality.intake_unit = None
    municipality.save(update_fields=["intake_unit"])
    alone = client_for(_new_applicant(8))
    start = reverse("applications:start")
    told = f"{municipality.name} tar ännu inte emot nya ansökningar via e-tjänsten"
    assert told in alone.get(start).content.decode()
    assert told not in client_for(world.applicant).get(start).content.decode()  # has a case
    application = _walk_first_application(alone, {"others_in_home": "0", **_children()})
    send = reverse("applications:send", kwargs={"application_id": application.pk})
    response = _send(alone, application)
    assert response["Location"] == send
    page = alone.get(send).content.decode()
    assert "kunde inte skickas" in page
    assert f"{municipality.name} tar inte emot ansökningar via e-tjänsten" in page
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.answers["housing"]["housing"] == "7200"
    assert not Case.objects.filter(members__person=application.applicant).exists()

    applicant, partner = _new_applicant(9), _new_applicant(10, 983)
    together = _walk_first_application(
        client_for(applicant),
        {"partner_identity_number": partner.person.identity_number, **_children()},
    )
    assert _send(client_for(applicant), together).status_code == 302
    confirm = reverse("applications:confirm", kwargs={"application_id": together.pk})
    partner_client = client_for(partner)
    assert partner_client.post(confirm)["Location"] == confirm
    assert "tar inte emot ansökningar" in partner_client.get(confirm).content.decode()
    together.refresh_from_db()
    assert together.status == ApplicationStatus.AWAITING_PARTNER
    assert together.case is None

    municipality.intake_unit = world.unit_a
    municipality.save(update_fields=["intake_unit"])
    assert told not in alone.get(start).content.decode()
    assert _send(alone, application)["Location"] == reverse("applications:my-case")
    assert partner_client.post(confirm)["Location"] == reverse("applications:my-case")
    for sent in (application, together):
        sent.refresh_from_db()
        assert sent.status == ApplicationStatus.RECEIVED
        assert sent.case.unit == world.unit_a


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections racing need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_two_sends_racing_on_two_connections_make_one_application_and_one_case(
    world: World,
) -> None:
    """Two requests send the same draft at once with different keys (two tabs): both read the
    draft, exactly one send changes it, the other answers with what the first one did."""
    client = client_for(_new_applicant(7))
    application = _walk_first_application(client, {"others_in_home": "0", **_children()})
    user = User.objects.get(person=application.applicant)
    keys = [uuid.uuid4(), uuid.uuid4()]
    drafts = [Application.objects.get(pk=application.pk) for _ in keys]  # both read as drafts
    results = at_once(
        *[
            partial(application_submit, application=draft, submission_key=key, acted_by=user)
            for draft, key in zip(drafts, keys, strict=True)
        ]
    )
    assert all(isinstance(r, Application) for r in results), results
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED
    assert application.submission_key in keys
    assert {r.submission_key for r in results} == {application.submission_key}  # type: ignore[attr-defined]
    assert Case.objects.filter(members__person=application.applicant).count() == 1
    sent = AccessLogEntry.objects.filter(
        object_type="application",
        object_id=str(application.pk),
        changes__before__status=ApplicationStatus.DRAFT,
    )
    assert [e.changes["after"]["status"] for e in sent] == [ApplicationStatus.RECEIVED]
