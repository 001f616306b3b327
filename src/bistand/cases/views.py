# SPDX-License-Identifier: EUPL-1.2
import csv
from collections.abc import Sequence
from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bistand.applications.selectors import application_queryset_visible
from bistand.audit.access import Audience, AuthenticatedRequest, Subject, access_checked
from bistand.audit.models import AccessAction
from bistand.cases.forms import CaseSearchForm
from bistand.cases.models import Case
from bistand.cases.search import case_queryset_search
from bistand.cases.selectors import (
    UNIT_ROLES,
    case_members,
    case_queryset_visible,
    person_queryset_visible,
    person_view,
)
from bistand.cases.waiting import WAITING_COUNTED, WaitingFirst, waiting_for_unit

CASES_PER_PAGE = 50


@access_checked(audience=Audience.CASEWORK, object_type="case_list")
def case_list(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    form = CaseSearchForm(request.GET or None)
    search = form.search() if form.is_bound else None
    visible = case_queryset_visible(user=request.user)
    # What waits in every case the user sees: also the navigation's count on this page.
    waiting = waiting_for_unit(user=request.user, case_ids=visible.values("pk"))
    setattr(request, WAITING_COUNTED, len(waiting))
    # What an applicant has sent comes first; the order within each part is kept.
    ordered: Sequence[UUID]
    if search is not None and search.text:
        # A text search runs once: its hits are read whole (ids only) and paged here, and only
        # a page's ids are sent back. Narrowed, the list says how many of its hits wait.
        hits = list(case_queryset_search(visible, search=search).values_list("pk", flat=True))
        ordered = [pk for pk in hits if pk in waiting] + [pk for pk in hits if pk not in waiting]
        waiting = {pk: waiting[pk] for pk in hits if pk in waiting}
    else:  # every case, or a status: paged in the database
        listed = case_queryset_search(visible, search=search) if search is not None else visible
        ordered = WaitingFirst(listed, waiting)
        waiting = {pk: waiting[pk] for pk in ordered.waiting}
    page = Paginator(ordered, CASES_PER_PAGE).get_page(request.GET.get("page"))
    cases = (
        Case.objects.filter(pk__in=page.object_list)
        .select_related("unit__committee")
        .prefetch_related("members__person")
        .in_bulk()
    )
    rows = []
    for pk in page.object_list:
        case = cases[pk]
        applicant = next((m.person for m in case.members.all() if m.relation == "applicant"), None)
        rows.append(
            {
                "case": case,
                "applicant": person_view(person=applicant, user=request.user, in_list=True)
                if applicant
                else None,
                "size": len(case.members.all()),
                "waiting": waiting.get(case.pk),
            }
        )
    return render(
        request,
        "cases/case_list.html",
        {
            "rows": rows,
            "page": page,
            "form": form,
            "search": search,
            "waiting_cases": len(waiting),
            "unit_view": request.user.role in UNIT_ROLES,
        },
    )


@access_checked(audience=Audience.CASEWORK, subject=Subject.CASE)
def case_detail(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    # A coach sees the household but opens only the person referred to the unit: the others'
    # names are not links to a page that would answer "not found".
    openable = set(
        person_queryset_visible(user=request.user)
        .filter(memberships__case=case)
        .values_list("pk", flat=True)
    )
    members = [
        {
            "relation": member.get_relation_display(),
            "person": person_view(person=member.person, user=request.user),
            "openable": member.person_id in openable,
        }
        for member in case_members(case=case)
    ]
    applications = None
    if request.user.role in UNIT_ROLES:  # the coach sees the household, not the applications
        applications = application_queryset_visible(user=request.user).filter(case=case)
        applications = applications.select_related("decision").prefetch_related("attachments")
    return render(
        request,
        "cases/case_detail.html",
        {"case": case, "members": members, "applications": applications},
    )


@access_checked(
    audience=Audience.CASEWORK, subject=Subject.CASE, action=AccessAction.EXPORT, object_type="case"
)
def case_export(request: AuthenticatedRequest, case: Case, case_id: str) -> HttpResponse:
    """The household of a case as CSV; protected contact details stay masked without a grant."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Relation"),
            _("Name"),
            _("Personal identity number"),
            _("Address"),
            _("Phone"),
            _("E-mail"),
        ]
    )
    for member in case_members(case=case):
        view = person_view(person=member.person, user=request.user, in_list=True)
        writer.writerow(
            [
                member.get_relation_display(),
                view.name,
                view.identity_number,
                view.address,
                view.phone,
                view.email,
            ]
        )
    return response
