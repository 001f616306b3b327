# SPDX-License-Identifier: EUPL-1.2
"""The follow-up dashboard and its exports: aggregates for unit managers and analysts."""

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from bistand.accounts.models import Role
from bistand.audit.access import Audience, AuthenticatedRequest, access_checked
from bistand.followup.charts import chart_for
from bistand.followup.costs import measure_costs
from bistand.followup.dashboard import TABLES, Filters, Labels, threshold, units_in_scope
from bistand.followup.export import CSV_TYPE, XLSX_TYPE, table_csv, table_xlsx
from bistand.followup.forms import FiltersForm, MonthForm
from bistand.followup.goals import goals
from bistand.followup.models import Refresh
from bistand.followup.national import national_check_for
from bistand.followup.selectors import open_cases_per_unit
from bistand.organisations.models import Unit

SUPPRESSED = "<{}"
BUILDERS = (goals, *TABLES, measure_costs)


def _asked(request: AuthenticatedRequest) -> tuple[FiltersForm, Filters, QuerySet[Unit], Labels]:
    """The filters in the query string, within the units the user may see."""
    scope = units_in_scope(request.user)
    form = FiltersForm(request.GET, scope=scope, today=timezone.localdate())
    return form, form.filters(), scope, Labels(scope)


@access_checked(audience=Audience.AGGREGATES, object_type="statistics")
def statistics(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    form, filters, scope, labels = _asked(request)
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
    _form, filters, scope, labels = _asked(request)
    table = build(filters, scope, labels)
    mark = SUPPRESSED.format(threshold())
    if kind == "csv":
        body, content_type = table_csv(table, mark=mark), CSV_TYPE
    else:
        body, content_type = table_xlsx(table, mark=mark), XLSX_TYPE
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{table.key}.{kind}"'
    return response


@access_checked(audience=Audience.AGGREGATES, object_type="national_statistics_check")
def national_check(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    """What the month's report to Socialstyrelsen lacks: counts for analysts; for a unit
    manager, also the cases of their units to put right. Never a person or identity number."""
    form = MonthForm(request.GET or None, today=timezone.localdate())
    month = form.chosen()
    scope = units_in_scope(request.user)
    return render(
        request,
        "followup/national.html",
        {
            "form": form,
            "month": month,
            "checks": national_check_for(month, scope=scope),
            "show_cases": request.user.role == Role.UNIT_MANAGER,
        },
    )
