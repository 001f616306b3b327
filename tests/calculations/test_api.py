"""POST /api/v1/calculations: the same JSON in and out as `bistand calc`, 400 with the problems,
served by the WSGI layer in front of Django with the host check, HTTPS and a rate limit."""

import io
import json
from typing import Any

import pytest

from bistand.config.wsgi_app import build_application
from bistand.rules.cli import calculate_document

URL = "/api/v1/calculations"
DOCUMENT = {
    "month": "2026-03",
    "municipality": "stockholm",
    "cohabiting": True,
    "members": [
        {"id": "a", "role": "adult", "age": 40},
        {"id": "b", "role": "adult", "age": 38},
        {"id": "c", "role": "child", "age": 9},
    ],
    "costs": {"housing": 8200},
    "incomes": [{"member": None, "kind": "child_allowance", "amount": 1250}],
}


def call(
    body: Any,
    *,
    method: str = "POST",
    address: str = "10.0.0.1",
    host: str = "localhost",
    proto: str = "https",
    app: Any = None,
) -> tuple[int, dict[str, str], Any]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": URL,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "443",
        "HTTP_HOST": host,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
        "wsgi.url_scheme": "http",
        "HTTP_X_FORWARDED_PROTO": proto,
        "REMOTE_ADDR": address,
        "wsgi.errors": io.StringIO(),
    }
    captured: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        captured["status"], captured["headers"] = int(status.split()[0]), dict(headers)

    payload = b"".join((app or build_application())(environ, start_response))
    return captured["status"], captured["headers"], json.loads(payload)


@pytest.fixture(autouse=True)
def _hosts(settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["localhost"]


def test_the_api_returns_what_the_cli_returns() -> None:
    status, headers, body = call(DOCUMENT)
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert body == json.loads(json.dumps(calculate_document(DOCUMENT), ensure_ascii=False))
    assert body["entitlement"] == 7100 + 3820 + 100 + 1790 + 8200 - 1250


def test_bad_input_is_400_with_every_problem() -> None:
    status, _headers, body = call({**DOCUMENT, "month": "2026-13", "cohabiting": False})
    assert status == 400
    codes = {(p["path"], p["code"]) for p in body["problems"]}
    assert codes == {("$.month", "not_a_month"), ("$.cohabiting", "two_adults_not_a_couple")}


def test_an_amount_beyond_decimals_precision_or_a_member_that_is_not_an_id_is_400() -> None:
    """Both were server errors: 1e308 kronor could not be rounded to öre, and a member given as
    an object could not be looked up among the ids."""
    document = {
        **DOCUMENT,
        "costs": {"housing": 1e308},
        "incomes": [{"member": {"id": "a"}, "kind": "pension", "amount": 100}],
    }
    status, _headers, body = call(document)
    assert status == 400
    codes = {(p["path"], p["code"]) for p in body["problems"]}
    assert codes == {
        ("$.costs.housing", "out_of_range"),
        ("$.incomes[0].member", "unknown_member"),
    }


def test_not_json_is_400_get_is_405_and_a_huge_body_is_413() -> None:
    assert call(b"{oops")[2]["problems"][0]["code"] == "unreadable"
    status, headers, _body = call(b"", method="GET")
    assert (status, headers["Allow"]) == (405, "POST")
    assert call(b"[" + b"1," * 40_000 + b"1]")[0] == 413


def test_an_unknown_host_is_refused_and_http_is_redirected_in_production(settings: Any) -> None:
    assert call(DOCUMENT, host="evil.example")[0] == 400
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    status, headers, _body = call(DOCUMENT, proto="http")
    assert (status, headers["Location"]) == (301, "https://localhost/api/v1/calculations")
    assert call(DOCUMENT)[1]["Strict-Transport-Security"].startswith("max-age=3600")


def test_the_api_is_rate_limited_per_address(settings: Any) -> None:
    settings.BISTAND_CALCULATION_RATE = "3/m"
    app = build_application()
    statuses = [call(DOCUMENT, app=app, address="10.9.9.9")[0] for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert call(DOCUMENT, app=app, address="10.9.9.8")[0] == 200


@pytest.mark.django_db
def test_other_paths_go_to_django() -> None:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/health/",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    statuses: list[str] = []
    body = b"".join(build_application()(environ, lambda status, headers: statuses.append(status)))
    assert (statuses, body) == (["200 OK"], b"ok")
