"""axe-core finds no serious or critical violation on any applicant page, in Swedish and Arabic.

Every page the applicant can reach is visited: the public pages and the pre-calculation, then,
logged in, my case, every step of the application (also with errors shown), documents, sending,
confirming, messages, and what was kept when the login ran out. Also checked: 320 px reflow
(no horizontal scrolling)."""

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.axe import AxeTally
from tests.browser.login import sent_after_login_ran_out
from tests.factories import World, application_make, pdf_bytes, person_make, units_reachable

pytestmark = pytest.mark.django_db(transaction=True)
STEPS = ["household", "housing", "incomes", "assets", "work", "needs", "consent"]


def _pages(page: Any, world: World, logged_in: bool) -> list[tuple[str, Any]]:
    """Visit pages one by one; yields (name, callable that loads it)."""
    draft = world.draft_a.pk
    if not logged_in:

        def precalc_result() -> None:
            page.goto("/pre-calculation/")
            page.locator("input[name=living][value=alone]").check()
            page.locator("button[name=next]").click()
            page.locator("main form button[type=submit]").click()
            page.locator("main form button[type=submit]").click()

        def precalc_errors() -> None:
            page.goto("/pre-calculation/")
            page.locator("input[name=living][value=shared]").check()
            page.locator("button[name=next]").click()

        def report_errors() -> None:
            page.goto("/about/accessibility/report/")
            page.locator("main form button[type=submit]").click()

        def contact() -> None:
            units_reachable(world.unit_a)
            page.goto("/about/contact/")
            expect(page.get_by_test_id("help-today")).to_be_visible()

        return [
            ("home", lambda: page.goto("/")),
            ("contact the social services", contact),
            ("pre-calculation household", lambda: page.goto("/pre-calculation/")),
            ("pre-calculation with errors", precalc_errors),
            ("pre-calculation result", precalc_result),
            ("e-identification unavailable", lambda: page.goto("/accounts/login/")),
            ("staff login", lambda: page.goto("/accounts/staff/login/")),
            ("accessibility statement", lambda: page.goto("/about/accessibility/")),
            ("accessibility report with errors", report_errors),
            ("personal data and cookies", lambda: page.goto("/about/personal-data/")),
        ]

    def housing_errors() -> None:
        page.goto(f"/my/applications/{draft}/step/housing/")
        page.locator("input[name=housing]").fill("många")
        page.locator("button[name=next]").click()

    def urgent_errors() -> None:
        page.goto(f"/my/applications/{draft}/step/needs/")
        page.locator("input[name=urgent_needs][value=other]").check()
        page.locator("button[name=next]").click()
        expect(page.locator("#id_urgent_text_error")).to_be_visible()

    def urgent_on_my_case() -> None:
        page.locator("textarea[name=urgent_text]").fill("Mat till barnen i morgon.")
        page.locator("button[name=save_and_exit]").click()
        expect(page.get_by_test_id("help-today")).to_be_visible()

    def to_complete() -> None:
        from datetime import date

        from bistand.applications.services import application_completion_request

        application_completion_request(
            application=world.sent_a,
            due=date(2026, 11, 30),
            what="Hyresavtalet och kontoutdraget för oktober.",
            acted_by=world.caseworker_a,
        )
        page.goto(f"/my/applications/{world.sent_a.pk}/")

    def not_found(url: str) -> None:
        response = page.goto(url)
        assert response is not None
        assert response.status == 404

    def too_old_to_send() -> None:
        """A step sent with the token of an earlier login (a tab left open across it)."""
        page.goto(f"/my/applications/{draft}/step/housing/")
        form = page.locator("main form:has(input[name=housing])")
        form.locator("input[name=csrfmiddlewaretoken]").evaluate(
            "(token) => { token.value = 'from-a-login-before-this-one'; }"
        )
        with page.expect_navigation() as refused:
            form.locator("button[type=submit]").first.click()
        assert refused.value.status == 403

    def past_its_day() -> None:
        from datetime import timedelta

        from django.utils import timezone

        from bistand.applications.services import application_completion_request

        application_completion_request(
            application=world.sent_a,
            due=timezone.localdate() - timedelta(days=1),
            what="Hyresavtalet och kontoutdraget för oktober.",
            acted_by=world.caseworker_a,
        )
        page.goto(f"/my/applications/{world.sent_a.pk}/")
        expect(page.locator('main .callout a[href="/my/messages/"]')).to_be_visible()

    def contact_errors() -> None:
        page.goto("/my/contact/")
        page.locator("input[name=phone]").fill("12345")
        page.locator("button[name=action][value=save]").click()
        expect(page.locator("#id_phone_error")).to_be_visible()

    def contact_code_waits() -> None:
        page.goto("/my/contact/")
        page.locator("input[name=email]").fill("ny.adress@example.se")
        page.locator("button[name=action][value=save]").click()
        expect(page.locator("input[name=email-code]")).to_be_visible()

    def contact_wrong_code() -> None:
        page.locator("input[name=email-code]").fill("12345")  # five digits
        page.locator("button[name=action][value=confirm]").click()
        expect(page.locator("#id_email-code_error")).to_be_visible()

    def contact_code_ended() -> None:
        from datetime import timedelta

        from django.db.models import F

        from bistand.people.models import ContactConfirmation

        ContactConfirmation.objects.update(created_at=F("created_at") - timedelta(hours=1))
        page.goto("/my/contact/")
        assert page.locator("input[name=email-code]").count() == 0

    def documents_uploaded() -> None:
        from bistand.applications.services import attachment_add

        attachment_add(
            application=world.draft_a,
            content=pdf_bytes(),
            original_name="hyresavi.pdf",
            kind="rent",
            acted_by=world.applicant,
        )
        page.goto(f"/my/applications/{draft}/documents/")
        assert page.get_by_role("button", name="hyresavi.pdf").count() == 1

    appeal = f"/my/decisions/{world.decision_a.pk}/appeal/"

    def appeal_errors() -> None:
        page.goto(appeal)
        page.locator("main form button[type=submit]").click()
        expect(page.locator("#error-summary")).to_be_visible()

    def appeal_sent() -> None:
        page.locator("textarea[name=requested_change]").fill("Hela hyran.")
        page.locator("textarea[name=reasons]").fill("Hyran är rimlig för familjen.")
        page.locator("main form button[type=submit]").click()
        expect(page.get_by_test_id("appeal-status")).to_be_visible()

    def kept_after_login() -> None:
        housing = f"/my/applications/{draft}/step/housing/"
        sent_after_login_ran_out(page, world.applicant, housing, {"housing": "8450"})
        expect(page.locator("main .unsent[role=status]")).to_be_visible()
        expect(page.locator("main input[name=housing]")).to_have_value("8450")

    def kept_and_listed() -> None:
        # A field the page no longer has: what was written is listed instead (docs/adr/0028).
        incomes = f"/my/applications/{draft}/step/incomes/"
        page.goto(incomes)
        page.evaluate(
            """() => document.querySelector("main form").insertAdjacentHTML(
                "beforeend", '<input type="hidden" name="gone" value="Skrivet förut">')"""
        )
        sent_after_login_ran_out(page, world.applicant, incomes, {}, opened=True)
        expect(page.locator("main ul.written")).to_be_visible()

    return [
        ("my case", lambda: page.goto("/my/")),
        ("start", lambda: page.goto("/my/applications/new/")),
        *[
            (f"step {step}", lambda step=step: page.goto(f"/my/applications/{draft}/step/{step}/"))
            for step in STEPS
        ],
        ("step with errors", housing_errors),
        ("urgent need, with an error", urgent_errors),
        ("my case, an urgent need stated", urgent_on_my_case),
        ("documents", lambda: page.goto(f"/my/applications/{draft}/documents/")),
        ("documents with one to take back", documents_uploaded),
        (
            "documents of a sent application",
            lambda: page.goto(f"/my/applications/{world.sent_a.pk}/documents/"),
        ),
        ("send", lambda: page.goto(f"/my/applications/{draft}/send/")),
        ("overview", lambda: page.goto(f"/my/applications/{world.sent_a.pk}/")),
        ("confirm", lambda: page.goto(f"/my/applications/{draft}/confirm/")),
        ("messages", lambda: page.goto("/my/messages/")),
        ("how we reach you", lambda: page.goto("/my/contact/")),
        ("how we reach you, with errors", contact_errors),
        ("how we reach you, a code waits", contact_code_waits),
        ("how we reach you, a wrong code", contact_wrong_code),
        ("how we reach you, the code ran out", contact_code_ended),
        ("decision", lambda: page.goto(f"/decisions/{world.decision_a.pk}/")),
        ("appeal", lambda: page.goto(appeal)),
        ("appeal with errors", appeal_errors),
        ("appeal sent", appeal_sent),
        ("my plan", lambda: page.goto("/my-plan/")),
        ("completion asked for", to_complete),
        ("completion past its day", past_its_day),
        ("my case, a completion past its day", lambda: page.goto("/my/")),
        # Waiting for completion, so not decided: it can be withdrawn.
        ("withdraw", lambda: page.goto(f"/my/applications/{world.sent_a.pk}/withdraw/")),
        ("throw away a draft", lambda: page.goto(f"/my/applications/{draft}/withdraw/")),
        # Another household's application: not found, in the site's own page.
        ("not found", lambda: not_found(f"/my/applications/{world.sent_b.pk}/")),
        ("a form too old to send", too_old_to_send),
        # Last: these log the browser in again.
        ("what you wrote is kept", kept_after_login),
        ("what you wrote is kept, listed", kept_and_listed),
    ]


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_no_serious_or_critical_violations_on_applicant_pages(
    world: World, open_page: Any, language: str
) -> None:
    tally = AxeTally()
    for logged_in in (False, True):
        page = open_page(world.applicant if logged_in else None, language=language)
        for name, load in _pages(page, world, logged_in):
            load()
            assert page.locator("html").get_attribute("lang") == language, name
            assert page.locator("html").get_attribute("dir") == (
                "rtl" if language == "ar" else "ltr"
            )
            tally.check(page, name)
    print(f"\naxe {language}: {tally.counts}")
    assert tally.blocking == []
    assert tally.counts["pages"] >= 25


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_what_a_new_household_and_a_partner_are_told_has_no_violations(
    world: World, open_page: Any, language: str
) -> None:
    """Two notices that only some applicants see: a household with no case, in a municipality
    that receives no applications online yet, on the start page; and a partner, on a joint
    application only the sender can withdraw."""
    from bistand.accounts.services import applicant_user_for_identity_number

    def user_of(person: Any) -> Any:
        return applicant_user_for_identity_number(identity_number=person.identity_number)

    tally = AxeTally()
    municipality = world.unit_a.committee.municipality
    municipality.intake_unit = None
    municipality.save(update_fields=["intake_unit"])
    page = open_page(user_of(person_make(acted_by=world.caseworker_a)), language=language)
    page.goto("/my/applications/new/")
    expect(page.locator("main .callout:not(.urgent)")).to_be_visible()
    tally.check(page, "start, nothing received online")

    partner = person_make(acted_by=world.caseworker_a)
    joint = application_make(person=world.person_a, case=world.case_a, month=date(2026, 12, 1))
    joint.partner = partner
    joint.save(update_fields=["partner"])
    page = open_page(user_of(partner), language=language)
    page.goto(f"/my/applications/{joint.pk}/")
    expect(page.locator('main a[href="/my/messages/"]')).to_be_visible()
    tally.check(page, "overview, as the partner")
    print(f"\naxe {language}: {tally.counts}")
    assert tally.blocking == []


def _with_plan(world: World) -> None:
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from bistand.labour.models import Provider
    from bistand.labour.services import activity_add, plan_save, referral_accept

    referral_accept(referral=world.referral_a, acted_by=world.coach)
    plan = plan_save(
        referral=world.referral_a,
        goals="Arbete inom vården.",
        interests="Omsorg",
        competencies="Undersköterskeutbildning",
        made_with_person=True,
        acted_by=world.coach,
    )
    activity_add(
        plan=plan,
        kind="sfi",
        provider=Provider.objects.create(name="SFI-skolan", is_education=True),
        starts_on=timezone.localdate() - timedelta(days=3),
        ends_on=None,
        hours_per_week=Decimal("15"),
        acted_by=world.coach,
    )


def test_no_serious_or_critical_violations_on_labour_pages(world: World, open_page: Any) -> None:
    """The pathway's pages for the caseworker, the coach and the person, with a plan in place."""
    _with_plan(world)
    tally = AxeTally()
    visits = [
        (world.caseworker_a, f"/cases/{world.case_a.pk}/labour/"),
        (world.coach, "/labour/"),
        (world.coach, f"/labour/referrals/{world.referral_a.pk}/"),
        (world.coach, "/labour/follow-up/"),
        (world.coach, "/labour/special-support/"),
        (world.coach, f"/labour/special-support/{world.special_support_a.pk}/"),
        (world.applicant, "/my-plan/"),
    ]
    for user, url in visits:
        page = open_page(user)
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1, url
        tally.check(page, url)
    print(f"\naxe labour pages: {tally.counts}")
    assert tally.blocking == []


def test_the_case_list_is_searched_by_keyboard_without_violations(
    world: World, open_page: Any
) -> None:
    """The caseworker types a name in the search field and presses Enter, as they would; the
    list, the hit, the miss and a refused status are checked with axe."""
    world.person_a.first_name, world.person_a.last_name = "Amina", "Lindqvist"
    world.person_a.save(update_fields=["first_name", "last_name"])
    tally = AxeTally()
    page = open_page(world.caseworker_a)

    def check(label: str) -> None:
        assert page.get_by_role("heading", level=1).count() == 1, label
        tally.check(page, label)

    page.goto("/cases/")
    check("list")
    search = page.get_by_role("searchbox", name="Sök")
    search.fill("lindqvist amina")
    search.press("Enter")
    page.wait_for_url("**/cases/?q=*")
    expect(page.get_by_role("status")).to_have_text("1 ärende matchar sökningen.")
    expect(page.get_by_role("link", name=world.case_a.reference)).to_be_visible()
    expect(page.get_by_role("searchbox", name="Sök")).to_have_value("lindqvist amina")
    check("hit")
    page.get_by_role("searchbox", name="Sök").fill("Nobody Nowhere")
    page.get_by_role("button", name="Sök").press("Enter")
    page.wait_for_url("**/cases/?q=Nobody*")
    expect(page.get_by_role("status")).to_contain_text("Inget ärende matchar sökningen")
    check("miss")
    page.get_by_role("link", name="Visa alla ärenden").click()
    expect(page.get_by_role("link", name=world.case_a.reference)).to_be_visible()
    page.goto("/cases/?status=deleted")
    check("refused status")
    print(f"\naxe case list: {tally.counts}")
    assert tally.blocking == []


def test_pages_reflow_at_320_px(world: World, open_page: Any) -> None:
    # Answers to check before sending, with own words that have no place to break.
    world.draft_a.answers = {
        "housing": {"housing_type": "rental", "housing": "7200"},
        "work": {
            "support_barrier": "unemployed_registered",
            "support_barrier_text": "https://exempel.se/" + "a" * 300,
        },
    }
    world.draft_a.save()
    from bistand.conversations.services import secure_message_send

    secure_message_send(
        case=world.case_a, body="Se https://exempel.se/" + "b" * 300, sender=world.caseworker_a
    )
    page = open_page(world.applicant, width=320)
    for url in [
        "/my/",
        f"/my/applications/{world.draft_a.pk}/step/housing/",
        f"/my/applications/{world.draft_a.pk}/documents/",
        f"/my/applications/{world.draft_a.pk}/send/",
        f"/my/applications/{world.sent_a.pk}/",
        "/my/messages/",
        "/pre-calculation/",
    ]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
