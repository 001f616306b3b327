"""POST /api/v1/calculations: the same JSON in and out as `bistand calc`, 400 with the problems."""

import json

import pytest
from django.core.cache import cache
from django.test import Client

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


@pytest.fixture(autouse=True)
def _fresh_rate_limit() -> None:
    cache.clear()


def _post(body: object, client: Client | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    response = (client or Client()).post(
        URL, data=json.dumps(body), content_type="application/json"
    )
    return response.status_code, response.json()


def test_the_api_returns_what_the_cli_returns() -> None:
    status, body = _post(DOCUMENT)
    assert status == 200
    assert body == json.loads(json.dumps(calculate_document(DOCUMENT), ensure_ascii=False))
    assert body["entitlement"] == 7100 + 3820 + 100 + 1790 + 8200 - 1250


def test_bad_input_is_400_with_every_problem() -> None:
    status, body = _post({**DOCUMENT, "month": "2026-13", "cohabiting": False})
    assert status == 400
    codes = {(p["path"], p["code"]) for p in body["problems"]}
    assert codes == {("$.month", "not_a_month"), ("$.cohabiting", "two_adults_not_a_couple")}


def test_not_json_is_400_and_get_is_405() -> None:
    response = Client().post(URL, data="{oops", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["problems"][0]["code"] == "unreadable"
    assert Client().get(URL).status_code == 405


def test_the_api_is_rate_limited(settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_CALCULATION_RATE = "3/m"
    client = Client()
    statuses = [_post(DOCUMENT, client)[0] for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
