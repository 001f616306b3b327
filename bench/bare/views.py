# SPDX-License-Identifier: EUPL-1.2
"""POST /bare/: validate a submission key and insert it; 302 as the real send answers."""

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import path

from bare.models import Submission


class SubmitForm(forms.Form):
    submission_key = forms.UUIDField()


def submit(request: HttpRequest, application_id: str) -> HttpResponse:
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    # A key seen before (the warm-up and the run overlap) is skipped, as the real send does.
    Submission.objects.bulk_create(
        [Submission(key=form.cleaned_data["submission_key"])], ignore_conflicts=True
    )
    return HttpResponseRedirect("/my/")


urlpatterns = [path("my/applications/<str:application_id>/send/", submit)]
