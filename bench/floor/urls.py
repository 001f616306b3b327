# SPDX-License-Identifier: EUPL-1.2
"""The floor under a re-application's send: the same address, session, CSRF check,
authentication, second-factor check, lockout middleware, access gate (its role check and its log
row, in one transaction), form and answer as the real send, but no application read and nothing
sent. What this does per second is as fast as any gated write through the full stack can be on
the machine; the real send's figure is read against it (bench/web.sh)."""

from django.contrib import messages
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import include, path

from bistand.applications.forms import SubmitForm
from bistand.audit.access import Audience, access_checked


@access_checked(audience=Audience.APPLICANT, object_type="bench_floor")
def send_nothing(request: HttpRequest, _: None, application_id: str) -> HttpResponseBase:
    if SubmitForm(request.POST).is_valid():
        messages.success(request, "Nothing was sent.")
    return redirect("applications:my-case")


urlpatterns = [
    path("my/applications/<uuid:application_id>/send/", send_nothing),
    path("", include("bistand.config.urls")),
]
