# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/calculations: the rules core over HTTP, served as a lean WSGI layer in front of
Django (docs/adr/0005). No personal data goes in or out, so there is no session, login, CSRF or
access log to carry; the host check, HTTPS, security headers and a per-address rate limit are
kept here."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import orjson
from django.conf import settings
from django.http.request import split_domain_port, validate_host

from bistand.rules.cli import calculate_document, problems_document
from bistand.rules.input_parsing import InvalidInputError

PATH = "/api/v1/calculations"
MAX_BODY_BYTES = 64 * 1024
_PERIODS = {"s": 1, "m": 60, "h": 3600}
StartResponse = Callable[..., Any]


def _problem(code: str, message: str) -> dict[str, Any]:
    return {"problems": [{"path": "$", "code": code, "message": message}]}


def calculation_reply(body: bytes) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON document) for a request body: the same contract as `bistand calc`."""
    if len(body) > MAX_BODY_BYTES:
        return 413, _problem("too_large", f"The document is larger than {MAX_BODY_BYTES} bytes.")
    try:
        raw = orjson.loads(body)
    except orjson.JSONDecodeError as error:  # invalid UTF-8 included
        return 400, _problem("unreadable", f"The body is not JSON: {error}")
    try:
        return 200, calculate_document(raw)
    except InvalidInputError as error:
        return 400, problems_document(error)


class RateLimiter:
    """A fixed window per address and process: `BISTAND_CALCULATION_RATE` such as '120/m'."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int]] = {}

    def allow(self, address: str, rate: str) -> bool:
        count, _, unit = rate.partition("/")
        period = _PERIODS[unit[:1] or "m"]
        window = int(time.monotonic() // period)
        with self._lock:
            if len(self._windows) > 100_000:
                self._windows.clear()
            seen_window, seen = self._windows.get(address, (window, 0))
            seen = seen + 1 if seen_window == window else 1
            self._windows[address] = (window, seen)
        return seen <= int(count)


class CalculationApi:
    """WSGI middleware: answers the calculation API itself and passes everything else to Django."""

    def __init__(self, django_app: Callable[..., Iterable[bytes]]) -> None:
        self.django_app = django_app
        self.limiter = RateLimiter()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != PATH:
            return self.django_app(environ, start_response)
        status, document, extra = self._handle(environ)
        payload = orjson.dumps(document)
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(payload))),
            *self._security_headers(environ),
            *extra,
        ]
        start_response(f"{status} {_REASONS[status]}", headers)
        return [payload]

    def _handle(self, environ: dict[str, Any]) -> tuple[int, Any, list[tuple[str, str]]]:
        host, _port = split_domain_port(environ.get("HTTP_HOST", environ.get("SERVER_NAME", "")))
        allowed = settings.ALLOWED_HOSTS or (
            [".localhost", "127.0.0.1", "[::1]", "testserver"] if settings.DEBUG else []
        )
        if not host or not validate_host(host, allowed):
            return 400, _problem("bad_host", "The host is not served here."), []
        if settings.SECURE_SSL_REDIRECT and not self._secure(environ):
            location = f"https://{environ.get('HTTP_HOST', host)}{PATH}"
            return 301, _problem("https", "Use HTTPS."), [("Location", location)]
        if environ.get("REQUEST_METHOD") != "POST":
            return 405, _problem("method", "Use POST."), [("Allow", "POST")]
        address = environ.get("REMOTE_ADDR", "")
        if not self.limiter.allow(address, settings.BISTAND_CALCULATION_RATE):
            return (
                429,
                _problem("rate_limited", "Too many calculations from this address; wait a minute."),
                [],
            )
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(min(length, MAX_BODY_BYTES + 1)) if length else b""
        status, document = calculation_reply(body)
        return status, document, []

    @staticmethod
    def _secure(environ: dict[str, Any]) -> bool:
        if environ.get("wsgi.url_scheme") == "https":
            return True
        header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        return bool(header and environ.get(header[0], "").split(",")[0].strip() == header[1])

    def _security_headers(self, environ: dict[str, Any]) -> list[tuple[str, str]]:
        headers = [
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cache-Control", "no-store"),
        ]
        if settings.SECURE_HSTS_SECONDS and self._secure(environ):
            value = f"max-age={settings.SECURE_HSTS_SECONDS}"
            if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
                value += "; includeSubDomains"
            if settings.SECURE_HSTS_PRELOAD:
                value += "; preload"
            headers.append(("Strict-Transport-Security", value))
        return headers


_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    400: "Bad Request",
    405: "Method Not Allowed",
    413: "Content Too Large",
    429: "Too Many Requests",
}
