# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/calculations: the rules core over HTTP. No personal data, no login; rate limited."""

import json

from csp.decorators import csp_exempt
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from bistand.rules.cli import calculate_document, problems_document
from bistand.rules.input_parsing import InvalidInputError

MAX_BODY_BYTES = 64 * 1024


def _rate(group: str, request: HttpRequest) -> str:
    rate: str = settings.BISTAND_CALCULATION_RATE
    return rate


def _problem(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(
        {"problems": [{"path": "$", "code": code, "message": message}]}, status=status
    )


@csp_exempt()  # JSON only: no document for a content-security policy to protect
@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=_rate, block=False)  # type: ignore[untyped-decorator]
def calculation_create(request: HttpRequest) -> JsonResponse:
    if getattr(request, "limited", False):
        return _problem(
            429, "rate_limited", "Too many calculations from this address; wait a minute."
        )
    if len(request.body) > MAX_BODY_BYTES:
        return _problem(413, "too_large", f"The document is larger than {MAX_BODY_BYTES} bytes.")
    try:
        raw = json.loads(request.body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return _problem(400, "unreadable", f"The body is not JSON: {error}")
    try:
        document = calculate_document(raw)
    except InvalidInputError as error:
        return JsonResponse(problems_document(error), status=400)
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
