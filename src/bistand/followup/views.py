# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from bistand.audit.access import Audience, AuthenticatedRequest, access_checked
from bistand.followup.selectors import open_cases_per_unit


@access_checked(audience=Audience.AGGREGATES, object_type="statistics")
def statistics(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    return render(
        request,
        "followup/statistics.html",
        {
            "rows": open_cases_per_unit(user=request.user),
            "threshold": settings.BISTAND_SMALL_CELL_THRESHOLD,
        },
    )
