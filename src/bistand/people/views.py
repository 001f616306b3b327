# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bistand.accounts.models import Role
from bistand.accounts.services import protected_identity_grant_create
from bistand.audit.access import (
    Audience,
    AuthenticatedRequest,
    Subject,
    access_checked,
    staff_visible,
)
from bistand.cases.selectors import case_queryset_visible, person_view
from bistand.people.forms import ProtectedIdentityGrantForm
from bistand.people.models import Person


@access_checked(audience=Audience.CASEWORK, subject=Subject.PERSON)
def person_detail(request: AuthenticatedRequest, person: Person, person_id: str) -> HttpResponse:
    cases = case_queryset_visible(user=request.user).filter(members__person=person)
    context = {
        "person": person_view(person=person, user=request.user),
        "cases": cases,
        "can_grant": person.is_protected and request.user.role == Role.UNIT_MANAGER,
        "can_review_log": request.user.role == Role.UNIT_MANAGER,
    }
    if context["can_grant"]:
        context["grant_form"] = ProtectedIdentityGrantForm(staff=staff_visible(user=request.user))
    return render(request, "people/person_detail.html", context)


@access_checked(audience=Audience.MANAGEMENT, subject=Subject.PERSON)
def person_grant(request: AuthenticatedRequest, person: Person, person_id: str) -> HttpResponse:
    """A unit manager grants one staff member sight of a protected person's contact details."""
    form = ProtectedIdentityGrantForm(request.POST or None, staff=staff_visible(user=request.user))
    if request.method == "POST" and form.is_valid():
        protected_identity_grant_create(person=person, granted_by=request.user, **form.cleaned_data)
        messages.success(request, _("The grant is saved."))
        return redirect("people:detail", person_id=person.pk)
    return render(
        request,
        "people/person_grant.html",
        {"person": person_view(person=person, user=request.user), "form": form},
    )
