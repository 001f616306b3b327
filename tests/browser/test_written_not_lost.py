"""In real Chromium: what a person wrote survives two ways of loading its page again unsent
(ADR 0033). A form refused as older than the login (a new login in another tab renewed the token
that guards every form, ADR 0032) comes back filled in when its page is opened again, and is
sent from there; before, Back showed the page empty (ADR 0029) and what was written was lost,
although the refusal page said to go back and copy it. And a change of language keeps what was
written in the page's fields; before, the page came back empty in the new language."""

from typing import Any

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from bistand.journals.models import JournalEntry
from bistand.journals.services import journal_entry_create
from tests.browser.axe import serious_violations
from tests.browser.login import both_clocks, token_renewed_as_a_login_does
from tests.factories import PASSWORD, World, otp_device

pytestmark = pytest.mark.django_db(transaction=True)

KEPT = "sessionStorage.getItem('bistand-sent')"


def _log_in_as_staff(page: Any, user: Any) -> None:
    """The staff login, driven in the page as a person does it: a new login, a new token."""
    device = TOTPDevice.objects.filter(user=user).first() or otp_device(user)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    page.goto(reverse("accounts:staff-login"))
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_label("Kod från din autentiseringsapp").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()


def _housing_half_written(page: Any, world: World) -> str:
    """The housing step of the applicant's draft, opened and written in but not sent."""
    step = reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
    )
    page.goto(step)
    page.locator("input[name=housing_type][value=rental]").check()
    page.locator("input[name=housing]").fill("8 450")
    page.locator("input[name=household_electricity]").fill("410")
    return step


def _kept_after_a_login_in_another_tab(
    page: Any, journal: str, words: str, logs_in: Any, settings: Any
) -> None:
    """A journal entry is written; the login ends; `logs_in` logs in at the same computer in
    another tab; "keep" is pressed in the first tab, which was opened before that login."""
    settings.BISTAND_IDLE_LOGOUT_SECONDS = 600
    settings.BISTAND_SESSION_WARNING_SECONDS = 120
    with both_clocks(page) as later:
        page.goto(journal)
        page.get_by_label("Journalanteckning").fill(words)
        later("10:01")
        page.get_by_role("heading", name="Du har loggats ut").wait_for()
        other_tab = page.context.new_page()
        _log_in_as_staff(other_tab, logs_in)
        other_tab.close()
        with page.expect_navigation():
            page.get_by_role("button", name="Behåll det jag skrev och logga in igen").click()
    expect(page.get_by_role("heading", name="Sidan var för gammal för att skickas")).to_be_visible()


def test_a_journal_entry_kept_at_logout_survives_a_login_in_another_tab(
    world: World, open_page: Any, settings: Any
) -> None:
    """The caseworker's login ends while they write a journal entry. They log in again in another
    tab, come back and press "keep what I wrote": the page was opened before that login, so it is
    refused; it comes back filled in when they open the journal again, and they save it."""
    journal = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    words = "Hembesök bokat 3/12 kl. 10.\nSökande har lämnat hyresavi för december."
    page = open_page(world.caseworker_a)
    _kept_after_a_login_in_another_tab(page, journal, words, world.caseworker_a, settings)
    expect(page.get_by_text("Det du skrev finns kvar i det här fönstret.")).to_be_visible()
    expect(page.get_by_text("Det du skrev kunde inte sparas.")).to_be_hidden()
    assert serious_violations(page) == []
    assert not JournalEntry.objects.filter(text=words).exists()

    page.get_by_role("link", name="Öppna sidan igen").click()
    page.wait_for_url(f"**{journal}")
    notice = page.locator("main .unsent[role=status]")
    expect(notice).to_contain_text("Sidan var för gammal för att skickas, så inget på den sparades")
    expect(page.get_by_label("Journalanteckning")).to_have_value(words)
    assert page.evaluate(KEPT) is None  # in the field now, no longer in the window's storage
    assert serious_violations(page) == []

    page.get_by_role("button", name="Spara som utkast").click()
    expect(page.locator("ol.thread")).to_contain_text("Hembesök bokat 3/12 kl. 10.")
    entry = JournalEntry.objects.get(text__startswith="Hembesök bokat 3/12 kl. 10.")
    assert entry.text.splitlines() == words.splitlines()
    assert entry.author == world.caseworker_a
    expect(page.locator("main .unsent")).to_have_count(0)


def test_a_change_to_one_of_several_entries_comes_back_in_its_own_row(
    world: World, open_page: Any
) -> None:
    """Each unsigned entry of a journal has its own form, all sent to the same address: the copy
    goes back into the form of the entry it changes (its hidden entry id), opened, and no other."""
    first, second = (
        journal_entry_create(case=world.case_a, text=text, author=world.caseworker_a)
        for text in ("Första utkastet.", "Andra utkastet.")
    )
    journal = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    page = open_page(world.caseworker_a)
    page.goto(journal)
    row = page.locator(f"#entry-{second.pk}")
    row.get_by_text("Ändra eller signera").click()
    row.get_by_label("Text").fill("Andra utkastet, ändrat efter samtalet.")
    token_renewed_as_a_login_does(page)
    with page.expect_navigation():
        row.get_by_role("button", name="Spara ändringen").click()
    expect(page.get_by_text("Det du skrev finns kvar i det här fönstret.")).to_be_visible()

    page.get_by_role("link", name="Öppna sidan igen").click()
    page.wait_for_url(f"**{journal}")
    row = page.locator(f"#entry-{second.pk}")
    expect(row.locator("details")).to_have_attribute("open", "")
    expect(row.get_by_label("Text")).to_have_value("Andra utkastet, ändrat efter samtalet.")
    other = page.locator(f"#entry-{first.pk}")
    expect(other.locator("details")).not_to_have_attribute("open", "")
    assert other.get_by_label("Text").input_value() == "Första utkastet."
    expect(page.get_by_label("Journalanteckning")).to_have_value("")
    row.get_by_role("button", name="Spara ändringen").click()
    expect(page.locator(f"#entry-{second.pk}")).to_contain_text("ändrat efter samtalet")
    second.refresh_from_db()
    assert second.text == "Andra utkastet, ändrat efter samtalet."


def test_on_a_shared_computer_the_next_person_is_never_given_what_was_written(
    world: World, open_page: Any, settings: Any
) -> None:
    """As for a form kept on the server (ADR 0024): the caseworker walks away with an entry half
    written and their login ends; their manager logs in at the same computer and presses "keep"
    in the caseworker's tab. The entry is refused as too old, and it is not kept for the manager:
    the journal opens empty, and nothing of it stays in the window."""
    journal = reverse("journals:case", kwargs={"case_id": world.case_a.pk})
    page = open_page(world.caseworker_a)
    words = "Samtal med hyresvärden om skulden."
    _kept_after_a_login_in_another_tab(page, journal, words, world.manager_a, settings)
    expect(page.get_by_text("Det du skrev kunde inte sparas.")).to_be_visible()
    expect(page.get_by_text("Det du skrev finns kvar i det här fönstret.")).to_be_hidden()
    assert page.evaluate(KEPT) is None

    page.goto(journal)
    expect(page.get_by_label("Journalanteckning")).to_have_value("")
    expect(page.locator("main .unsent")).to_have_count(0)


def test_an_applicants_step_comes_back_with_every_choice_in_arabic(
    world: World, open_page: Any
) -> None:
    page = open_page(world.applicant, language="ar")
    step = _housing_half_written(page, world)
    token_renewed_as_a_login_does(page)
    with page.expect_navigation():
        page.get_by_role("button", name="احفظ وتابع", exact=True).click()
    expect(page.get_by_role("heading", name="كانت الصفحة أقدم من أن تُرسل")).to_be_visible()
    expect(page.get_by_text("ما كتبته محفوظ في هذه النافذة.")).to_be_visible()
    assert serious_violations(page) == []
    world.draft_a.refresh_from_db()
    assert "housing" not in world.draft_a.answers

    page.get_by_role("link", name="افتح الصفحة مرة أخرى").click()
    page.wait_for_url(f"**{step}")
    expect(page.locator("main .unsent[role=status]")).to_contain_text("كانت الصفحة أقدم من أن تُرسل")
    expect(page.locator("input[name=housing_type][value=rental]")).to_be_checked()
    expect(page.locator("input[name=housing]")).to_have_value("8 450")
    expect(page.locator("input[name=household_electricity]")).to_have_value("410")
    assert serious_violations(page) == []

    page.get_by_role("button", name="احفظ وتابع", exact=True).click()
    page.wait_for_url(f"**{step.replace('housing', 'incomes')}")
    world.draft_a.refresh_from_db()
    housing = world.draft_a.answers["housing"]
    assert housing["housing_type"] == "rental"
    assert housing["household_electricity"] in ("410", 410)


def test_nothing_is_kept_in_the_window_once_a_page_is_answered(
    world: World, open_page: Any
) -> None:
    """The copy lives from the press of the button to the next page: a page sent, or shown again
    with its errors, leaves nothing of what was written in the browser's storage, and a refusal
    with no copy says plainly that what was written is lost."""
    page = open_page(world.applicant)
    step = reverse(
        "applications:step", kwargs={"application_id": world.draft_a.pk, "step": "housing"}
    )
    page.goto(step)
    page.locator("input[name=household_electricity]").fill("fyrahundra")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert page.evaluate(KEPT) is None
    page.locator("input[name=household_electricity]").fill("400")
    page.locator("input[name=housing_type][value=rental]").check()
    page.locator("input[name=housing]").fill("8450")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
    assert "incomes" in page.url
    assert page.evaluate(KEPT) is None

    # A refusal when nothing was kept (storage cleared, as in a window opened anew).
    page.goto(step)
    token_renewed_as_a_login_does(page)
    page.evaluate("window.addEventListener('submit', () => sessionStorage.clear())")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
    expect(page.get_by_text("Det du skrev kunde inte sparas.")).to_be_visible()
    expect(page.get_by_text("Det du skrev finns kvar i det här fönstret.")).to_be_hidden()
    page.get_by_role("link", name="Öppna sidan igen").click()
    page.wait_for_url(f"**{step}")
    expect(page.locator("main .unsent")).to_have_count(0)


def test_every_kind_of_control_comes_back_as_it_was_sent(world: World, open_page: Any) -> None:
    """Radio buttons, a text area, a check box and a list, on the work step: each comes back as
    the person left it, also a box they had unticked on a page that showed it ticked."""
    page = open_page(world.applicant)
    step = reverse("applications:step", kwargs={"application_id": world.draft_a.pk, "step": "work"})
    page.goto(step)
    page.locator("input[name=support_barrier][value=unemployed_registered]").check()
    page.locator("textarea[name=support_barrier_text]").fill("Jag söker jobb.")
    page.locator("input[name=registered_at_employment_service]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()

    page.goto(step)
    expect(page.locator("input[name=registered_at_employment_service]")).to_be_checked()  # saved
    words = "Jag har sökt 12 jobb.\nJag vill läsa svenska på kvällarna."
    page.locator("input[name=support_barrier][value=unemployed_not_registered]").check()
    page.locator("textarea[name=support_barrier_text]").fill(words)
    page.locator("input[name=registered_at_employment_service]").uncheck()
    page.locator("select[name=partner_support_barrier]").select_option("unemployed_registered")
    token_renewed_as_a_login_does(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Spara och fortsätt", exact=True).click()
    page.get_by_role("link", name="Öppna sidan igen").click()
    page.wait_for_url(f"**{step}")

    chosen = page.locator("input[name=support_barrier]:checked")
    expect(chosen).to_have_count(1)
    expect(chosen).to_have_value("unemployed_not_registered")
    expect(page.locator("textarea[name=support_barrier_text]")).to_have_value(words)
    expect(page.locator("input[name=registered_at_employment_service]")).not_to_be_checked()
    partner = page.locator("select[name=partner_support_barrier]")
    expect(partner).to_have_value("unemployed_registered")
    world.draft_a.refresh_from_db()
    assert world.draft_a.answers["work"]["support_barrier_text"] == "Jag söker jobb."


def test_a_change_of_language_keeps_what_was_written(world: World, open_page: Any) -> None:
    page = open_page(world.applicant)
    step = _housing_half_written(page, world)

    # A login in another tab since the page opened: the language form is not refused for that.
    token_renewed_as_a_login_does(page)
    page.locator("#language-select").select_option("ar")
    with page.expect_navigation():
        page.locator("form.language button").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("button", name="احفظ وتابع", exact=True)).to_be_visible()
    expect(page.locator("input[name=housing_type][value=rental]")).to_be_checked()
    expect(page.locator("input[name=housing]")).to_have_value("8 450")
    expect(page.locator("input[name=household_electricity]")).to_have_value("410")
    assert page.evaluate(KEPT) is None
    world.draft_a.refresh_from_db()
    assert "housing" not in world.draft_a.answers  # carried in the page, not saved

    page.get_by_role("button", name="احفظ وتابع", exact=True).click()
    page.wait_for_url(f"**{step.replace('housing', 'incomes')}")
    world.draft_a.refresh_from_db()
    assert world.draft_a.answers["housing"]["housing_type"] == "rental"
