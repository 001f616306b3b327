# SPDX-License-Identifier: EUPL-1.2
"""DEVELOPMENT ONLY: a stand-in for e-identification. Mounted only by urls_local."""

from django import forms
from django.conf import settings
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import Role, User
from bistand.accounts.services import applicant_user_for_identity_number
from bistand.accounts.views import device_at_login, login_next
from bistand.forms_base import PlainForm
from bistand.people.validators import identity_number_clean


class DevLoginForm(PlainForm):
    identity_number = forms.CharField(label=_("Personal identity number"), max_length=13)

    def clean_identity_number(self) -> str:
        return identity_number_clean(self.cleaned_data["identity_number"]).digits


def dev_login(request: HttpRequest) -> HttpResponse:
    if not settings.BISTAND_DEV_LOGIN:
        raise Http404
    form = DevLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = applicant_user_for_identity_number(
            identity_number=form.cleaned_data["identity_number"]
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return device_at_login(request, user, redirect(login_next(request) or "home"))
    applicants = User.objects.filter(role=Role.APPLICANT).select_related("person")[:20]
    return render(request, "accounts/dev_login.html", {"form": form, "applicants": applicants})
