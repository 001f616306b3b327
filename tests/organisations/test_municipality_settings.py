"""The administrator sets up the municipality in the admin. A setting that would break the
e-service for every applicant is refused beside its field, in Swedish, and nothing is saved:
an intake unit where no caseworker of economic aid works, a window day no month has, an account
no bank reads, a reminder that would come after the draft it reminds of is deleted."""

from django.urls import reverse

from bistand.organisations.models import Committee, CommitteeKind, Municipality, Unit, UnitKind
from tests.factories import World, client_for


def _settings(municipality: Municipality, **changed: object) -> dict[str, object]:
    data = {
        "code": municipality.code,
        "name": municipality.name,
        "guidelines": municipality.guidelines,
        "intake_unit": municipality.intake_unit_id or "",
        "payment_iban": municipality.payment_iban,
        "payment_bic": municipality.payment_bic,
        "reapplication_opens_day": municipality.reapplication_opens_day,
        "reapplication_closes_day": municipality.reapplication_closes_day,
        "completion_reminder_days": municipality.completion_reminder_days,
        "draft_kept_days": municipality.draft_kept_days,
        "draft_reminder_days": municipality.draft_reminder_days,
    }
    return {**data, **changed}


def test_a_setting_that_would_break_the_e_service_is_refused_beside_its_field(
    world: World,
) -> None:
    municipality = world.unit_a.committee.municipality
    admin = client_for(world.superuser)
    url = reverse("admin:organisations_municipality_change", args=[municipality.pk])
    refused = {
        "intake_unit": (world.jobbtorg.pk, "Välj en mottagnings- eller biståndsenhet"),
        "reapplication_opens_day": (0, "Kontrollera att detta värde är större än eller lika"),
        "reapplication_closes_day": (32, "Kontrollera att detta värde är mindre än eller lika"),
        "payment_iban": ("SE45 5000 0000 0583 9825 7467", "inte ett giltigt IBAN"),
        "completion_reminder_days": (15, "Kontrollera att detta värde är mindre än eller lika"),
        "draft_kept_days": (3, "Kontrollera att detta värde är större än eller lika med 7"),
        # A reminder on or after the day the draft is deleted would come too late.
        "draft_reminder_days": (30, "Påminnelsen måste komma innan utkastet tas bort"),
    }
    for field, (value, message) in refused.items():
        page = admin.post(url, _settings(municipality, **{field: value}))
        assert page.status_code == 200, field
        assert message in page.content.decode(), field
        municipality.refresh_from_db()
        assert getattr(municipality, f"{field}_id" if field == "intake_unit" else field) != value
    # Another municipality's economic-aid unit is refused too; this one's is taken.
    elsewhere = Unit.objects.create(
        committee=Committee.objects.create(
            municipality=Municipality.objects.create(code="0180", name="Grannkommun"),
            kind=CommitteeKind.SOCIAL,
            name="Socialnämnden",
        ),
        kind=UnitKind.ECONOMIC_AID,
        name="Ekonomiskt bistånd",
    )
    page = admin.post(url, _settings(municipality, intake_unit=elsewhere.pk))
    assert "Välj en mottagnings- eller biståndsenhet" in page.content.decode()
    assert admin.post(url, _settings(municipality, intake_unit=world.unit_b.pk)).status_code == 302
    page = admin.post(url, _settings(municipality, reapplication_opens_day=25))
    assert page.status_code == 302
    municipality.refresh_from_db()
    assert municipality.reapplication_opens_day == 25
    assert admin.post(url, _settings(municipality, completion_reminder_days=0)).status_code == 302
    municipality.refresh_from_db()
    assert municipality.completion_reminder_days == 0  # the reminder is off
