"""The page on personal data names who is responsible, the legal basis, how long records are
kept (from the rules core's legal references, so it follows the law there), the person's rights
and where to complain, and every cookie the e-service sets, by the name it is set under."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

from bistand.about.browser_storage import WINDOW_KEY, cookies
from bistand.organisations.models import Committee, Municipality
from bistand.rules.parameters_loader import default_rulebook
from tests.factories import World, client_for

STATIC = Path(settings.BASE_DIR) / "src" / "bistand" / "static" / "bistand"


def _text(client: Client) -> str:
    html = client.get("/about/personal-data/").content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.django_db
def test_the_page_names_the_committees_the_officer_and_how_long_records_are_kept(
    world: World,
) -> None:
    municipality = world.case_a.unit.committee.municipality
    Municipality.objects.filter(pk=municipality.pk).update(
        data_protection_officer_email="dso@kommun.example"
    )
    text = _text(Client())
    for committee in Committee.objects.filter(municipality=municipality):
        assert committee.name in text
    assert "dso@kommun.example" in text
    years = default_rulebook().legal.disposal_years
    assert f"förstörs (gallras) {years} år efter" in text
    assert "16 kap. 1 § SoL (2025:400)" in text  # the law in force today
    assert "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)" in text
    assert "artikel 9.2 h dataskyddsförordningen" in text
    assert "Integritetsskyddsmyndigheten (IMY)" in text


@pytest.mark.django_db
def test_without_an_officers_address_the_page_says_whom_to_ask(world: World) -> None:
    assert "fråga efter kommunens dataskyddsombud" in _text(Client())


@pytest.mark.django_db
@override_settings(SESSION_COOKIE_NAME="bistand_session", SESSION_COOKIE_AGE=8 * 3600)
def test_every_cookie_is_listed_by_the_name_and_time_it_is_set_with(world: World) -> None:
    text = _text(Client())
    for stored in cookies():
        assert stored.name in text
    assert "bistand_session" in text
    assert "högst 8 timmar" in text
    assert "1 år" in text  # the CSRF cookie's 52 weeks, as people count


def test_the_window_copy_is_listed_under_the_name_written_js_keeps_it_under() -> None:
    script = (STATIC / "written.js").read_text(encoding="utf-8")
    assert f'var KEY = "{WINDOW_KEY}";' in script


@pytest.mark.django_db
def test_the_consent_step_links_to_the_page(world: World) -> None:
    html = (
        client_for(world.applicant)
        .get(f"/my/applications/{world.draft_a.pk}/step/consent/")
        .content.decode()
    )
    assert 'href="/about/personal-data/"' in html
