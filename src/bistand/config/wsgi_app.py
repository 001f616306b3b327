# SPDX-License-Identifier: EUPL-1.2
"""The WSGI application: Django, with the calculation API answered in front of it."""

from typing import Any

from django.core.wsgi import get_wsgi_application

from bistand.calculations.api import CalculationApi


def build_application() -> Any:
    return CalculationApi(get_wsgi_application())
