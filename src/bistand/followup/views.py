# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bistand.accounts.models import User
from bistand.audit.access import Audience, access_checked
from bistand.followup.selectors import open_cases_per_unit


@access_checked(audience=Audience.AGGREGATES, object_type="statistics")
def statistics(request: HttpRequest, _obj: None) -> HttpResponse:
    assert isinstance(request.user, User)
    return render(request, "followup/statistics.html", {
        "rows": open_cases_per_unit(user=request.user),
        "threshold": settings.BISTAND_SMALL_CELL_THRESHOLD,
    })
