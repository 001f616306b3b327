"""Anyone can report an accessibility problem, without logging in: once per page however often
it is sent, with a message in the person's language for what is missing, a few reports an hour
from one address, and the administrator reads them and marks them handled."""

import uuid

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from bistand.about.models import AccessibilityReport, ReportKind
from bistand.organisations.models import Municipality
from tests.factories import World, client_for, notices_cleared

URL = "/about/accessibility/report/"


@pytest.fixture(autouse=True)
def _no_reports_counted() -> None:
    cache.clear()


def _report(**changes: str) -> dict[str, str]:
    return {
        "kind": ReportKind.DEFICIENCY,
        "page": "Mitt ärende",
        "description": "Skärmläsaren läser inte upp knappen Skicka.",
        "reply_to": "",
        "submission_key": str(uuid.uuid4()),
        **changes,
    }


@pytest.mark.django_db
def test_a_report_sent_twice_is_received_once_and_thanked() -> None:
    client = Client()
    page = client.get(URL).content.decode()
    assert 'name="submission_key"' in page
    assert 'type="email" name="reply_to" autocomplete="email"' in page  # WCAG 1.3.5
    report = _report(reply_to="ann@example.se")
    first = client.post(URL, report, follow=True)
    again = client.post(URL, report, follow=True)  # a double click, or a reload
    assert AccessibilityReport.objects.count() == 1
    saved = AccessibilityReport.objects.get()
    assert (saved.kind, saved.page, saved.reply_to, saved.language) == (
        "deficiency",
        "Mitt ärende",
        "ann@example.se",
        "sv",
    )
    assert saved.description == report["description"]
    for answer in (first, again):
        assert answer.redirect_chain[-1][0] == "/about/accessibility/"
        assert "Tack. Din rapport har kommit in" in answer.content.decode()


@pytest.mark.django_db
def test_what_is_missing_gets_a_message_in_the_persons_language_and_the_text_stays() -> None:
    client = Client()
    client.cookies["django_language"] = "ar"
    answer = client.post(
        URL, _report(kind="", reply_to="ann(at)example", description="النص الذي كتبته")
    )
    html = answer.content.decode()
    assert answer.status_code == 200
    assert 'id="error-summary"' in html
    assert "اختر بماذا يتعلق الأمر." in html
    assert "اكتب عنوان بريد إلكتروني مثل name@example.se." in html
    assert "النص الذي كتبته" in html
    assert AccessibilityReport.objects.count() == 0


@pytest.mark.django_db
def test_a_report_of_only_spaces_is_not_a_report() -> None:
    answer = Client().post(URL, _report(description="   \n  "))
    assert "Skriv vad som hände, eller vad du behöver." in answer.content.decode()
    assert AccessibilityReport.objects.count() == 0


@pytest.mark.django_db
@override_settings(BISTAND_ACCESSIBILITY_REPORTS_PER_HOUR=2)
def test_a_few_reports_an_hour_are_taken_from_one_address() -> None:
    client = Client()
    for _ in range(2):
        assert client.post(URL, _report()).status_code == 302
    refused = client.post(URL, _report(description="Den tredje rapporten."))
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "Många rapporter har skickats härifrån den senaste timmen" in html
    assert "Den tredje rapporten." in html  # what was written is kept
    assert AccessibilityReport.objects.count() == 2
    other = Client(REMOTE_ADDR="10.0.0.9")  # another address is not held back
    assert other.post(URL, _report()).status_code == 302
    assert AccessibilityReport.objects.count() == 3


@pytest.mark.django_db
def test_the_administrator_reads_the_reports_and_marks_them_handled(world: World) -> None:
    Client().post(URL, _report())
    Client().post(URL, _report(description="Texten är för liten i mobilen."))
    admin = client_for(world.superuser)
    listing = admin.get("/admin/about/accessibilityreport/?handled=no")
    assert listing.status_code == 200
    assert listing.content.decode().count('name="_selected_action"') == 2
    one = AccessibilityReport.objects.get(description__startswith="Texten")
    done = admin.post(
        "/admin/about/accessibilityreport/",
        {"action": "mark_handled", "_selected_action": [str(one.pk)]},
        follow=True,
    )
    assert "1 rapport är markerad som hanterad." in done.content.decode()
    one.refresh_from_db()
    assert one.handled_at is not None
    assert one.handled_by == world.superuser.get_username()
    waiting = admin.get("/admin/about/accessibilityreport/?handled=no").content.decode()
    assert waiting.count('name="_selected_action"') == 1
    assert admin.get("/admin/about/accessibilityreport/add/").status_code == 403


@pytest.mark.django_db
def test_staff_who_are_not_administrators_cannot_read_the_reports(world: World) -> None:
    Client().post(URL, _report())
    for user in (world.caseworker_a, world.manager_a, world.analyst):
        answer = client_for(user).get("/admin/about/accessibilityreport/")
        assert answer.status_code in (302, 403), user


@pytest.mark.django_db
def test_the_accessibility_contact_is_told_once_that_a_report_has_come_in(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    """An e-mail that says a report is waiting, in Swedish, and nothing of what was reported:
    the report may hold the sender's address and words about their needs."""
    notices_cleared()
    Municipality.objects.update(accessibility_contact_email="tillganglighet@kommun.example")
    client = Client()
    client.cookies["django_language"] = "ar"  # the sender's language is not the contact's
    report = _report(reply_to="ann@example.se")
    client.post(URL, report)
    client.post(URL, report)  # a double click: one report, one e-mail
    task_worker()
    assert [m.to for m in mail.outbox] == [["tillganglighet@kommun.example"]]
    sent = mail.outbox[0]
    assert sent.subject == "Ny rapport om tillgänglighet i Bistånd"
    assert "Läs rapporten under Synpunkter på tillgänglighet" in sent.body
    for private in ("ann@example.se", "Skärmläsaren", "Mitt ärende"):
        assert private not in sent.subject + sent.body


@pytest.mark.django_db
def test_without_an_accessibility_contact_the_report_waits_in_the_administration(
    world: World,
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    notices_cleared()
    assert Municipality.objects.get().accessibility_contact_email == ""
    Client().post(URL, _report())
    task_worker()
    assert mail.outbox == []
    assert AccessibilityReport.objects.count() == 1
