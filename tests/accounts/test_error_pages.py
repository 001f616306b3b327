"""The pages a person sees when something goes wrong (not found, no access, a form too old to
send, a server error) are the site's own, in the person's language, with a way back: not
Django's bare technical pages."""

from typing import Any

import pytest
import tinyhtml5
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import bad_request, permission_denied, server_error

from bistand.accounts.unsent import WRITER_COOKIE
from tests.factories import World, client_for
from tests.forms_sent import SentForm, forms_sent

pytestmark = pytest.mark.django_db


def _in(language: str, client: Client | None = None) -> Client:
    client = client or Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize(
    ("language", "title"),
    [("sv", "Sidan hittades inte"), ("ar", "لم يتم العثور على الصفحة")],
)
def test_a_page_that_is_not_there_is_said_in_the_persons_language(
    language: str, title: str
) -> None:
    page = _in(language).get("/finns-inte/")
    assert page.status_code == 404
    text = page.content.decode()
    assert f'<html lang="{language}"' in text
    assert f"<h1>{title}</h1>" in text
    assert 'class="site-header"' in text  # the site around it
    assert f'href="{reverse("home")}"' in text


def test_another_households_application_is_not_found_in_words_the_applicant_reads(
    world: World,
) -> None:
    client = _in("sv", client_for(world.applicant))
    page = client.get(reverse("applications:overview", args=[world.sent_b.pk]))
    assert page.status_code == 404
    text = page.content.decode()
    assert "Sidan hittades inte" in text
    assert "inte tillgång till den" in text  # it may exist: the page does not say which
    assert world.sent_b.case.reference not in text


def _housing_form(page: str, step: str) -> SentForm:
    return next(form for form in forms_sent(page, page_url=step) if "housing" in form.names)


@pytest.mark.parametrize(
    ("language", "title"),
    [("sv", "Sidan var för gammal för att skickas"), ("ar", "كانت الصفحة أقدم من أن تُرسل")],
)
def test_a_form_from_a_page_older_than_the_login_is_refused_without_saving(
    world: World, language: str, title: str
) -> None:
    step = reverse("applications:step", args=[world.draft_a.pk, "housing"])
    client = _in(language, client_for(world.applicant, Client(enforce_csrf_checks=True)))
    data = _housing_form(client.get(step).content.decode(), step).data()
    data["csrfmiddlewaretoken"] = ["a-token-from-before-the-login" + "x" * 35]
    data["housing"] = ["9 999"]
    refused = client.post(step, data)
    assert refused.status_code == 403
    text = refused.content.decode()
    assert f"<h1>{title}</h1>" in text
    assert "CSRF" not in text
    world.draft_a.refresh_from_db()
    assert world.draft_a.answers.get("housing", {}).get("housing") != "9 999"
    # The refusal leaves a fresh token: the reloaded page sends.
    again = _housing_form(client.get(step).content.decode(), step).data()
    again.update(housing=["9 999"], housing_type=["rental"])
    assert client.post(step, again).status_code == 302


@pytest.mark.parametrize(
    ("referer", "link"),
    [
        ("http://testserver{step}?month=2026-12", "{step}?month=2026-12"),
        ("http://testserver//elsewhere.example{step}", "/elsewhere.example{step}"),
        ("https://elsewhere.example{step}", None),
        (None, None),
    ],
)
def test_the_too_old_page_links_back_only_to_a_page_of_this_site(
    world: World, referer: str | None, link: str | None
) -> None:
    """Without JavaScript the refusal can still lead back to the page the form was on: the
    Referer, when it names this site, and only its path."""
    step = reverse("applications:step", args=[world.draft_a.pk, "housing"])
    client = client_for(world.applicant, Client(enforce_csrf_checks=True))
    data = _housing_form(client.get(step).content.decode(), step).data()
    data["csrfmiddlewaretoken"] = ["a-token-from-before-the-login" + "x" * 35]
    headers = {} if referer is None else {"HTTP_REFERER": referer.format(step=step)}
    page = tinyhtml5.parse(client.post(step, data, **headers).content.decode())
    back = page.find(".//*[@data-refused-page]")
    shown = "hidden" not in _parent_of(page, back).attrib
    if link is None:
        assert (back.get("href"), shown) == ("", False)
    else:
        assert (back.get("href"), shown) == (link.format(step=step), True)
        assert back.text == "Öppna sidan igen"


@pytest.mark.parametrize(
    ("headers", "logged_out"),
    [
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_REFERER": "http://testserver/my/"}, True),
        ({"HTTP_ORIGIN": "https://elsewhere.example"}, False),
        ({"HTTP_ORIGIN": "https://elsewhere.example", "HTTP_REFERER": "http://testserver/"}, False),
        ({}, False),
    ],
)
def test_log_out_pressed_on_a_page_older_than_the_login_still_logs_out(
    world: World, headers: dict[str, str], logged_out: bool
) -> None:
    """On a shared computer, "Log out" must not be refused as too old: the person would leave
    still logged in. A request from another site is refused as before."""
    client = client_for(world.applicant, Client(enforce_csrf_checks=True))
    client.get(reverse("applications:my-case"))  # the page with the button: a token is set
    stale = {"csrfmiddlewaretoken": "a-token-from-before-the-login" + "x" * 35}
    answer = client.post(reverse("accounts:logout"), stale, **headers)
    my_case = client.get(reverse("applications:my-case"))
    if logged_out:
        assert (answer.status_code, answer["Location"]) == (302, reverse("home"))
        assert client.cookies[WRITER_COOKIE].value == ""  # nothing sent later is theirs
        assert my_case.status_code == 302
        assert my_case["Location"].startswith(reverse("accounts:applicant-login"))
    else:
        assert answer.status_code == 403
        assert my_case.status_code == 200


def _parent_of(tree: Any, element: Any) -> Any:
    return next(parent for parent in tree.iter() if element in list(parent))


@pytest.mark.parametrize(
    ("language", "title"),
    [("sv", "Något gick fel hos oss"), ("ar", "حدث خطأ من جانبنا")],
)
def test_a_server_error_is_said_in_the_persons_language(language: str, title: str) -> None:
    request = RequestFactory().get("/my/")
    with translation.override(language):
        page = server_error(request)
    assert page.status_code == 500
    text = page.content.decode()
    assert f'<html lang="{language}"' in text
    assert f"<h1>{title}</h1>" in text


def test_a_bad_request_is_said_in_swedish() -> None:
    # Refused before the middleware read the login (a host not allowed): no request.user.
    request = RequestFactory().get("/my/")
    with translation.override("sv"):
        page = bad_request(request, exception=ValueError("bad"))
    assert page.status_code == 400
    assert "<h1>Sidan kunde inte visas</h1>" in page.content.decode()


def test_no_access_is_said_in_arabic() -> None:
    request = RequestFactory().get("/cases/")
    with translation.override("ar"):
        page = permission_denied(request, exception=PermissionDenied())
    assert page.status_code == 403
    text = page.content.decode()
    assert "<h1>ليس لديك صلاحية الوصول إلى هذه الصفحة</h1>" in text
    assert 'dir="rtl"' in text
