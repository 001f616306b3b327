# SPDX-License-Identifier: EUPL-1.2
from django.http import HttpResponse
from django.shortcuts import render

from bistand.accounts.models import User
from bistand.audit.access import (
    Audience,
    AuthenticatedRequest,
    Subject,
    access_checked,
    staff_visible,
)
from bistand.audit.selectors import access_log_for_person, access_log_for_staff
from bistand.cases.selectors import person_view
from bistand.people.models import Person


@access_checked(audience=Audience.MANAGEMENT, object_type="access_log")
def log_index(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    return render(request, "audit/index.html", {"staff": staff_visible(user=request.user)})


@access_checked(
    audience=Audience.MANAGEMENT, subject=Subject.PERSON, object_type="access_log_person"
)
def log_for_person(request: AuthenticatedRequest, person: Person, person_id: str) -> HttpResponse:
    return render(
        request,
        "audit/entries.html",
        {
            "heading": person_view(person=person, user=request.user).name,
            "entries": access_log_for_person(person=person),
        },
    )


@access_checked(audience=Audience.MANAGEMENT, subject=Subject.STAFF, object_type="access_log_staff")
def log_for_staff(request: AuthenticatedRequest, staff: User, user_id: str) -> HttpResponse:
    return render(
        request,
        "audit/entries.html",
        {
            "heading": str(staff),
            "entries": access_log_for_staff(staff=staff),
        },
    )
