"""The labour-market pathway in real Chromium: the caseworker records full work capacity and sends
the proposed referral; the Jobbtorg coach accepts it, books a meeting within the clock, makes the
plan the person then reads in the e-service, records an absence the caseworker sees as a flag,
and closes with the reason "work"; months later the follow-up shows the person off aid."""

from typing import Any

import pytest
import time_machine
from playwright.sync_api import expect

from bistand.labour.models import Provider, Referral, ReferralStatus
from bistand.organisations.models import Municipality
from tests.factories import World

pytestmark = pytest.mark.django_db(transaction=True)


def test_referral_plan_attendance_closure_and_follow_up(
    world: World, open_page: Any, coach_clocks_on: object
) -> None:
    Municipality.objects.update(guidelines="stockholm")
    Referral.objects.filter(pk=world.referral_a.pk).delete()  # start from no referral
    Provider.objects.create(name="Demostads praktikplatser")
    person = world.person_a
    name = f"{person.first_name} {person.last_name}"
    case_url = f"/cases/{world.case_a.pk}/labour/"

    with time_machine.travel("2026-11-09 09:00 +0100"):  # a Monday
        # The caseworker assesses full work capacity; the policy proposes Jobbtorg.
        staff = open_page(world.caseworker_a)
        staff.goto(case_url)
        staff.locator("#id_assess-person").select_option(label=name)
        staff.get_by_label("Full arbetsförmåga").check()
        staff.get_by_label("Underlag").select_option(label="Handläggarens bedömning")
        staff.get_by_label("Bedömd den (ÅÅÅÅ-MM-DD)").fill("2026-11-09")
        staff.get_by_label("Personens egen syn på sin arbetsförmåga").fill("Vill jobba inom lager.")
        staff.get_by_role("button", name="Registrera bedömningen").click()
        expect(staff.get_by_text("Arbetsförmågan är registrerad i journalen.")).to_be_visible()
        proposal = staff.get_by_test_id("proposal").first
        expect(proposal).to_contain_text("Jobbtorg")
        staff.locator("#id_refer-person").select_option(label=name)
        staff.get_by_label("Remittera till").select_option(label=world.jobbtorg.name)
        staff.get_by_role("button", name="Skicka remissen").click()
        expect(staff.get_by_text("Remissen är skickad.")).to_be_visible()
        referral = Referral.objects.get(person=person)
        assert referral.proposed_path == "jobbtorg"

        # The coach takes it from the queue, within the 48-hour clock.
        coach = open_page(world.coach)
        coach.goto("/labour/")
        coach.get_by_role("link", name=name).click()
        expect(coach.get_by_test_id("meeting-due")).to_contain_text("2026-11-11 09:0")
        coach.get_by_role("button", name="Ta emot remissen").click()
        expect(coach.get_by_text("Remissen är mottagen.")).to_be_visible()
        coach.get_by_label("Mötestid (ÅÅÅÅ-MM-DD TT:MM)").fill("2026-11-10T10:00")
        coach.get_by_role("button", name="Boka mötet").click()
        expect(coach.get_by_text("Mötet är bokat.")).to_be_visible()
        expect(coach.get_by_test_id("meeting-due")).not_to_contain_text("försenad")

        # The plan, made with the person, and an activity.
        coach.get_by_label("Mål", exact=True).fill("Arbete inom lager och logistik inom ett år.")
        coach.get_by_label("Personens intressen").fill("Logistik, truckkörning")
        coach.get_by_label("Personens kompetenser").fill("B-körkort")
        coach.get_by_label("Planeringen är gjord tillsammans med personen").check()
        coach.get_by_role("button", name="Spara planeringen").click()
        expect(coach.get_by_text("Planeringen är sparad som en ny version.")).to_be_visible()
        coach.get_by_label("Aktivitet", exact=True).select_option(label="Arbetspraktik")
        coach.get_by_label("Anordnare").select_option(label="Demostads praktikplatser")
        coach.get_by_label("Börjar (ÅÅÅÅ-MM-DD)").fill("2026-11-09")
        coach.get_by_label("Timmar per vecka").fill("20")
        coach.get_by_role("button", name="Lägg till aktiviteten").click()
        expect(coach.get_by_text("Aktiviteten är tillagd i planeringen.")).to_be_visible()

        # The person reads the plan in the e-service.
        applicant = open_page(world.applicant)
        applicant.goto("/")
        applicant.get_by_role("link", name="Min planering").click()
        expect(applicant.get_by_text("Arbete inom lager och logistik inom ett år.")).to_be_visible()
        expect(applicant.get_by_role("cell", name="Arbetspraktik")).to_be_visible()
        expect(applicant.get_by_role("cell", name="Demostads praktikplatser")).to_be_visible()

        # An absence: the caseworker sees a flag for assessment, nothing more.
        coach.get_by_label("Datum (ÅÅÅÅ-MM-DD)").fill("2026-11-09")
        coach.get_by_label("Frånvarande utan anmält skäl").check()
        coach.get_by_label("Anteckning").fill("Kom inte, hörde inte av sig.")
        coach.get_by_role("button", name="Registrera närvaron").click()
        expect(coach.get_by_text("Närvaron är registrerad.")).to_be_visible()
        staff.goto(f"/cases/{world.case_a.pk}/flags/")
        expect(staff.get_by_text("Kom inte, hörde inte av sig.")).to_be_visible()

        # Closed to work.
        coach.get_by_label("Avslutsorsak").select_option(
            label="Arbete (anställning utan subvention)"
        )
        coach.get_by_label("Avslutad den (ÅÅÅÅ-MM-DD)").fill("2026-11-09")
        coach.get_by_role("button", name="Avsluta remissen").click()
        expect(coach.get_by_text("Remissen är avslutad.")).to_be_visible()
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.CLOSED
        assert referral.closure_reason is not None
        assert referral.closure_reason.code == "work"

    with time_machine.travel("2027-03-02 09:00 +0100"):
        # No aid decided for December-February: off aid after 3 months; 6 months not yet known.
        coach = open_page(world.coach)
        coach.goto("/labour/follow-up/")
        row = coach.get_by_test_id("closures").get_by_role("row").filter(has_text=name)
        cells = row.get_by_role("cell").all_inner_texts()
        assert cells[2] == "Arbete (anställning utan subvention)"
        assert cells[3] == "ja, utan bistånd"
        assert cells[4] == "ännu inte känt"
        coach.get_by_label("År då remissen skickades").select_option("2026")
        with coach.expect_navigation():  # the figures are read from the page the filter loads
            coach.get_by_role("button", name="Visa").click()
        table = coach.get_by_test_id("outcomes-by-path")
        jobbtorg = table.get_by_role("row").filter(has_text=world.jobbtorg.name)
        assert jobbtorg.get_by_role("cell").all_inner_texts()[:2] == ["1", "1"]
