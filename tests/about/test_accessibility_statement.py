"""The accessibility statement is read from its dated data file and shown on a page every page
links to, with what the law asks of it: compliance, what is not accessible, the dates, the
method, a way to report problems and the supervisor's report form."""

import re
from pathlib import Path

import pytest
import yaml
from django.test import Client, override_settings

from bistand.about.statement import accessibility_statement, accessibility_statement_load
from bistand.rules.yaml_strict import ParameterFileError
from tests.factories import World, client_for

SHIPPED = Path(accessibility_statement_load.__code__.co_filename).parent / "accessibility.yaml"


def _main(response) -> str:  # type: ignore[no-untyped-def]
    html = response.content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.django_db
def test_every_page_links_to_the_statement_and_the_page_on_personal_data(world: World) -> None:
    pages = [
        (Client(), "/"),
        (Client(), "/pre-calculation/"),
        (client_for(world.applicant), "/my/"),
        (client_for(world.caseworker_a), f"/cases/{world.case_a.pk}/"),
    ]
    for client, url in pages:
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">', 1)[1]
        assert 'href="/about/accessibility/"' in footer, url
        assert 'href="/about/personal-data/"' in footer, url


@pytest.mark.django_db
def test_the_statement_says_what_the_data_file_says(world: World) -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    text = _main(Client().get("/about/accessibility/"))
    assert "E-tjänsten är delvis förenlig med lag (2018:1937)" in text  # data: partial
    assert world.case_a.unit.committee.municipality.name in text
    assert f"bedömdes senast den {data['assessed'].day} november {data['assessed'].year}" in text
    # Each deficiency in words, with the criterion it fails and the login limit of the settings.
    assert len(data["deficiencies"]) == 1
    assert "Du loggas ut efter 30 minuter utan aktivitet" in text
    assert "framgångskriterium 2.2.1" in text
    html = Client().get("/about/accessibility/").content.decode()
    assert 'href="/about/accessibility/report/"' in html
    assert f'href="{data["supervisor_report_url"]}"' in html


@pytest.mark.django_db
@override_settings(BISTAND_IDLE_LOGOUT_SECONDS=20 * 60)
def test_the_deficiency_names_the_login_limit_the_municipality_set(world: World) -> None:
    assert "Du loggas ut efter 20 minuter" in _main(Client().get("/about/accessibility/"))


@pytest.mark.django_db
def test_the_statement_opens_in_arabic_and_before_a_municipality_is_set_up() -> None:
    client = Client()
    client.cookies["django_language"] = "ar"
    response = client.get("/about/accessibility/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert "متوافقة جزئيًا" in _main(response)
    # No municipality set up yet: the sentence names "the municipality" and still reads.
    assert "البلدية مسؤولة عن هذه الخدمة" in _main(response)


def _write(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "accessibility.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_statement_loads() -> None:
    statement = accessibility_statement()
    assert statement.deficiencies
    assert statement.assessed <= statement.updated


@pytest.mark.parametrize(
    ("changes", "found"),
    [
        ({"deficiencies": [{"key": "no_such_thing", "criterion": "1.1.1"}]}, "has no words"),
        ({"compliance": "mostly"}, "has no words"),
        ({"method": "asked_a_friend"}, "has no words"),
        ({"deficiencies": []}, "names no deficiency"),
        ({"assessed": "soon"}, "expected a date"),
        ({"extra": 1}, "unknown keys"),
    ],
)
def test_a_statement_file_that_does_not_hold_stops_start_up(
    tmp_path: Path, changes: dict[str, object], found: str
) -> None:
    path = _write(tmp_path, **changes)
    with pytest.raises(ParameterFileError, match=found) as refused:
        accessibility_statement_load(path)
    assert str(path) in str(refused.value)


def test_a_fully_compliant_statement_needs_no_deficiency(tmp_path: Path) -> None:
    statement = accessibility_statement_load(_write(tmp_path, compliance="full", deficiencies=[]))
    assert statement.deficiencies == ()
