"""A login that runs out while a person writes loses nothing: what they sent is kept, and offered
back at the same page after they log in again (bistand.accounts.unsent, docs/adr/0014)."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from html import unescape
from urllib.parse import quote

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bistand.accounts.models import Role, User
from bistand.accounts.unsent import SESSION_KEY, WRITER_COOKIE
from bistand.applications.models import Application
from bistand.journals.models import JournalEntry
from tests.factories import PASSWORD, World, client_for, otp_device, pdf_bytes, user_create
from tests.forms_sent import form_sending

HOUSING = {
    "housing_type": "rental",
    "housing": "8 450",
    "household_electricity": "410",
    "home_insurance": "",
    "work_travel": "",
    "union_fee": "",
    "unemployment_fund_fee": "",
    "childcare_fee": "",
}
EXPIRED = timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)


def _step_url(application: Application, step: str) -> str:
    return reverse("applications:step", kwargs={"application_id": application.pk, "step": step})


def _in_text_area(html: str, name: str) -> list[str]:
    """The text in the page's text areas called `name`, as written in the page."""
    return [
        unescape(text).removeprefix("\n")
        for text in re.findall(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', html, re.S)
    ]


@contextmanager
def _login_ran_out(user: User) -> Iterator[Client]:
    """A client of `user`'s, a full session age after its login: the session has ended."""
    client = client_for(user)
    with time_machine.travel(timezone.now() + EXPIRED):
        yield client


@pytest.mark.django_db
def test_a_step_sent_after_the_login_ran_out_is_offered_back_and_saved(world: World) -> None:
    client = client_for(world.applicant)
    url = _step_url(world.draft_a, "housing")
    started = timezone.now()
    assert client.get(url).status_code == 200
    with time_machine.travel(started + EXPIRED):
        response = client.post(url, HOUSING)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:applicant-login')}?next={quote(url)}"
        world.draft_a.refresh_from_db()
        assert "housing" not in world.draft_a.answers  # nothing was saved without a login

        client_for(world.applicant, client)
        offer = client.get(url)
        page = offer.content.decode()
        assert offer.status_code == 200
        # The step itself, with what was written filled in, and a notice above it.
        assert "Det du skrev är inte sparat ännu" in page
        assert "Boende och kostnader" in page
        form = form_sending(page, page_url=url, field="housing")
        assert form.action == url
        assert form.values("housing") == ["8 450"]
        assert form.values("household_electricity") == ["410"]
        assert form.values("housing_type") == ["rental"]
        assert form.values("csrfmiddlewaretoken") != []  # a fresh token, not the one kept
        world.draft_a.refresh_from_db()
        assert "housing" not in world.draft_a.answers  # nothing saved until the person sends

        sent = client.post(form.action, form.data())
        assert sent.status_code == 302
        assert sent["Location"] == _step_url(world.draft_a, "incomes")
        world.draft_a.refresh_from_db()
        assert world.draft_a.answers["housing"]["housing"] == "8450"
        assert world.draft_a.answers["housing"]["household_electricity"] == "410"
        # Sent once, it is no longer offered: the page is the step itself, with the saved answers.
        again = client.get(url).content.decode()
        assert "Det du skrev är inte sparat ännu" not in again
        assert 'name="housing" value="8450"' in again.replace("\u00a0", "")


@pytest.mark.django_db
def test_what_was_kept_can_be_discarded(world: World) -> None:
    url = _step_url(world.draft_a, "housing")
    with _login_ran_out(world.applicant) as client:
        client.post(url, HOUSING)
        client_for(world.applicant, client)
        assert "Det du skrev är inte sparat ännu" in client.get(url).content.decode()
        discarded = client.get(f"{url}?unsent=discard")
        assert discarded.status_code == 302
        assert discarded["Location"] == url
        page = client.get(url).content.decode()
        assert "Det du skrev är inte sparat ännu" not in page
        assert "8 450" not in page
        world.draft_a.refresh_from_db()
        assert "housing" not in world.draft_a.answers


@pytest.mark.django_db
def test_another_person_logging_in_on_the_device_never_sees_it(world: World) -> None:
    url = _step_url(world.draft_a, "housing")
    with _login_ran_out(world.applicant) as client:
        client.post(url, HOUSING)
        client_for(world.applicant_b, client)
        refused = client.get(url)
        assert refused.status_code == 404  # not theirs: the gate answers as for nothing
        assert "8 450" not in refused.content.decode()
        mine = client.get(reverse("applications:my-case")).content.decode()
        assert "8 450" not in mine
        # Logging out flushes the session: nothing is left for the next person either.
        client.post(reverse("accounts:logout"))
        client_for(world.applicant, client)
        assert "Det du skrev är inte sparat ännu" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_caseworkers_journal_entry_survives_the_login_running_out(world: World) -> None:
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    text = "Telefonsamtal med sökande om hyreshöjningen; <kontrakt> skickas i veckan."
    with _login_ran_out(world.caseworker_a) as client:
        response = client.post(url, {"action": "write", "text": text})
        assert response["Location"].startswith(reverse("accounts:staff-login"))
        assert not JournalEntry.objects.filter(text=text).exists()
        client_for(world.caseworker_a, client)
        page = client.get(url).content.decode()
        # The journal itself, with the entry in its own field, as typed (escaped on the page).
        assert f"<h1>Journal, ärende {world.case_a.reference}</h1>" in page
        assert text in _in_text_area(page, "text")
        form = form_sending(page, page_url=url, field="text")
        assert form.values("text") == [text]
        assert form.values("action") == ["write"]
        client.post(form.action, form.data())
        assert JournalEntry.objects.filter(text=text, case=world.case_a).count() == 1


@pytest.mark.django_db
def test_files_are_not_kept_and_the_person_is_told(world: World) -> None:
    url = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    upload = SimpleUploadedFile("hyra.pdf", pdf_bytes(), content_type="application/pdf")
    with _login_ran_out(world.applicant) as client:
        client.post(url, {"kind": "rent", "file": upload})
        client_for(world.applicant, client)
        page = client.get(url).content.decode()
        assert "Filer du hade valt sparades inte: välj dem igen." in page
        assert "hyra.pdf" not in page
        assert form_sending(page, page_url=url, field="kind").values("kind") == ["rent"]


@pytest.mark.django_db
def test_what_the_page_cannot_show_is_listed_before_it_is_sent(world: World) -> None:
    """A field the page has no place for (the page changed since it was written): nothing is
    filled in, and the values are listed, so that nothing is sent unseen."""
    url = _step_url(world.draft_a, "housing")
    with _login_ran_out(world.applicant) as client:
        client.post(url, {**HOUSING, "gone_from_the_page": "Hyran höjs i januari."})
        client_for(world.applicant, client)
        page = client.get(url).content.decode()
        assert "<h1>Det du skrev är inte sparat ännu</h1>" in page
        written = re.search(r'<ul class="written">(.*?)</ul>', page, re.S)
        assert written is not None
        assert re.findall(r"<li[^>]*>(.*?)</li>", written.group(1)) == [
            "Hyresrätt (förstahandskontrakt)",  # the choice as the page words it, not its code
            "8 450",
            "410",
            "Hyran höjs i januari.",
        ]
        assert "Om det här inte är det du skrev, skicka det inte." in page
        form = form_sending(page, page_url=url, field="gone_from_the_page")
        client.post(form.action, form.data())
        world.draft_a.refresh_from_db()
        assert world.draft_a.answers["housing"]["housing"] == "8450"


@pytest.mark.django_db
def test_words_left_on_the_device_by_someone_else_are_shown_not_sent(world: World) -> None:
    """After the caseworker's login ended, whoever sat down at the device sent a journal entry.
    It is kept with the caseworker's mark, but it is shown in the field for them to read, never
    sent for them: they discard it."""
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    planted = "Sökanden har fått besked om avslag per telefon."
    with _login_ran_out(world.caseworker_a) as client:
        client.post(url, {"action": "write", "text": planted})
        client_for(world.caseworker_a, client)
        page = client.get(url).content.decode()
        assert "Om det här inte är det du skrev, skicka det inte." in page
        assert planted in _in_text_area(page, "text")  # in the field, to be read
        assert form_sending(page, page_url=url, field="text").values("text") == [planted]
        assert not JournalEntry.objects.filter(text=planted).exists()
        assert client.get(f"{url}?unsent=discard")["Location"] == url
        assert planted not in client.get(url).content.decode()
    assert not JournalEntry.objects.filter(text=planted).exists()


@pytest.mark.django_db
@override_settings(USE_OIDC=True)
def test_e_identification_brings_the_person_back_to_the_page() -> None:
    client = Client()
    page = "/my/applications/00000000-0000-4000-8000-000000000001/step/housing/"
    start = client.get(reverse("accounts:applicant-login"), {"next": page})
    assert start["Location"] == f"{reverse('oidc_authentication_init')}?next={quote(page, safe='')}"
    client.get(start["Location"])  # the broker's login page is elsewhere; the way back is kept
    assert client.session["oidc_login_next"] == page
    # An address outside the site is not followed.
    outside = client.get(reverse("accounts:applicant-login"), {"next": "https://evil.example/"})
    assert outside["Location"] == reverse("oidc_authentication_init")


def _staff_login(client: Client, user: User) -> None:
    """The staff login page, as a person fills it in: password and the current code."""
    device = TOTPDevice.objects.filter(user=user).first() or otp_device(user)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(
        reverse("accounts:staff-login"),
        {"username": user.username, "password": PASSWORD, "otp_token": f"{code:06d}"},
    )
    assert response.status_code == 302, response.content.decode()[-1500:]


OFFERED = "Det du skrev är inte sparat ännu"


@pytest.mark.django_db
def test_on_a_shared_computer_a_kept_entry_is_offered_only_to_the_person_who_wrote_it(
    world: World,
) -> None:
    """A colleague in the same unit may open the case's journal, but is never offered someone
    else's words to send under their own name."""
    colleague = user_create(role=Role.CASEWORKER, units=[world.unit_a])
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    text = "Hembesök bokat till torsdag; sökande vill ha tolk på arabiska."
    client = Client()
    _staff_login(client, world.caseworker_a)
    assert client.cookies[WRITER_COOKIE].value  # the login left its mark on the device
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + EXPIRED, tick=False) as clock:
        client.post(url, {"action": "write", "text": text})  # kept: the writer is known
        _staff_login(client, colleague)
        page = client.get(url)
        assert page.status_code == 200  # the colleague may read the journal...
        assert OFFERED not in page.content.decode()  # ...but is not offered the entry
        assert text not in page.content.decode()
        # It was dropped at the colleague's login, not held back for later.
        client.post(reverse("accounts:logout"))
        clock.shift(timedelta(minutes=1))
        _staff_login(client, world.caseworker_a)
        assert OFFERED not in client.get(url).content.decode()
    assert not JournalEntry.objects.filter(text=text).exists()


@pytest.mark.django_db
def test_the_writer_logging_in_again_is_offered_it(world: World) -> None:
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    text = "Sökande ringde: hyran höjs från januari."
    client = Client()
    _staff_login(client, world.caseworker_a)
    with time_machine.travel(timezone.now() + EXPIRED, tick=False):
        client.post(url, {"action": "write", "text": text})
        _staff_login(client, world.caseworker_a)
        form = form_sending(client.get(url).content.decode(), page_url=url, field="text")
        assert form.values("text") == [text]
        client.post(form.action, form.data())
    assert JournalEntry.objects.filter(text=text, case=world.case_a).count() == 1


@pytest.mark.django_db
def test_after_logging_out_nothing_sent_from_the_device_is_kept_for_the_person(
    world: World,
) -> None:
    """Logging out takes the writer cookie away: a form sent afterwards, by whoever sits down,
    is not kept to be offered to the person who logged out."""
    url = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    client = Client()
    _staff_login(client, world.caseworker_a)
    out = client.post(reverse("accounts:logout"))
    assert out.cookies[WRITER_COOKIE].value == ""
    sent = client.post(url, {"action": "write", "text": "Skrivet av någon annan."})
    assert sent["Location"].startswith(reverse("accounts:staff-login"))
    assert SESSION_KEY not in client.session
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
        _staff_login(client, world.caseworker_a)
        assert OFFERED not in client.get(url).content.decode()
