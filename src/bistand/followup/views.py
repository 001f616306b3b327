# SPDX-License-Identifier: EUPL-1.2
"""The follow-up dashboard and its exports: aggregates for unit managers and analysts."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from bistand.audit.access import Audience, AuthenticatedRequest, access_checked
from bistand.followup.charts import chart_for
from bistand.followup.dashboard import TABLES, Labels, threshold, units_in_scope
from bistand.followup.export import CSV_TYPE, XLSX_TYPE, table_csv, table_xlsx
from bistand.followup.forms import FiltersForm
from bistand.followup.goals import goals
from bistand.followup.models import Refresh
from bistand.followup.selectors import open_cases_per_unit

SUPPRESSED = "<{}"
BUILDERS = (goals, *TABLES)


@access_checked(audience=Audience.AGGREGATES, object_type="statistics")
def statistics(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    scope = units_in_scope(request.user)
    form = FiltersForm(request.GET, scope=scope, today=timezone.localdate())
    filters, labels = form.filters(), Labels(scope)
    tables = [build(filters, scope, labels) for build in BUILDERS]
    return render(
        request,
        "followup/statistics.html",
        {
            "form": form,
            "sections": [(table, chart_for(table)) for table in tables],
            "query": request.GET.urlencode(),
            "rows": open_cases_per_unit(user=request.user),
            "threshold": threshold(),
            "refreshed": Refresh.objects.first(),
        },
    )


@access_checked(audience=Audience.AGGREGATES, object_type="statistics_export")
def export(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    builders = {build.__name__: build for build in BUILDERS}
    build = builders.get(request.GET.get("table", "aid_per_month"))
    kind = request.GET.get("format", "csv")
    if build is None or kind not in {"csv", "xlsx"}:
        raise Http404
    scope = units_in_scope(request.user)
    form = FiltersForm(request.GET, scope=scope, today=timezone.localdate())
    table = build(form.filters(), scope, Labels(scope))
    mark = SUPPRESSED.format(threshold())
    if kind == "csv":
        body, content_type = table_csv(table, mark=mark), CSV_TYPE
    else:
        body, content_type = table_xlsx(table, mark=mark), XLSX_TYPE
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{table.key}.{kind}"'
    return response
