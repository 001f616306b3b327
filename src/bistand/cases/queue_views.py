# SPDX-License-Identifier: EUPL-1.2
"""The unit's reception queue: each first application's clock to the first reception visit."""

from datetime import date
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bistand.accounts.models import Role
from bistand.applications.models import Application
from bistand.applications.selectors import application_queryset_visible
from bistand.applications.services import (
    application_completion_received,
    application_completion_request,
)
from bistand.audit.access import Audience, AuthenticatedRequest, access_checked
from bistand.cases.clocks import (
    first_visit_compliance,
    monthly_applications_to_decide,
    reception_queue,
    urgent_first,
)
from bistand.cases.models import Case
from bistand.cases.services import case_first_visit_record
from bistand.forms_base import PlainForm, date_not_past


class QueueActionForm(PlainForm):
    """One row's action. Its fields carry the row's ids (`day-<id>`, `what-<id>`), so an error
    in the summary at the top leads to the field in the row it belongs to."""

    action = forms.ChoiceField(
        choices=[("visit", "visit"), ("complete", "complete"), ("completed", "completed")]
    )
    application_id = forms.UUIDField(widget=forms.HiddenInput)
    day = forms.DateField(
        label=gettext_lazy("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    what = forms.CharField(
        label=gettext_lazy("What the applicant needs to send"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, received_on: date | None = None, reference: str = "", **kwargs: Any
    ) -> None:
        self.received_on = received_on
        super().__init__(*args, **kwargs)
        # Every row has a date and a text field: each names its case for a screen reader, and
        # in the error summary.
        for name in ("day", "what"):
            field = self.fields[name]
            field.label = format_html(
                '{}<span class="visually-hidden"> ({})</span>', field.label, reference
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action, day = data.get("action"), data.get("day")
        if action in {"visit", "complete"} and day is None and "day" not in self.errors:
            self.add_error("day", _("Choose a date."))
        elif action == "visit" and day is not None:
            if day > timezone.localdate():
                self.add_error("day", _("A visit cannot be recorded before it is held."))
            elif self.received_on and day < self.received_on:
                self.add_error(
                    "day",
                    _("The visit cannot be before the application was received (%(date)s).")
                    % {"date": self.received_on.isoformat()},
                )
        elif action == "complete" and day is not None:
            try:
                date_not_past(day)
            except forms.ValidationError as error:
                self.add_error("day", error)
        if action == "complete" and not (data.get("what") or "").strip():
            self.add_error("what", _("Write what the applicant needs to send."))
        return data


@access_checked(audience=Audience.ECONOMIC_AID, object_type="reception_queue")
def reception_queue_view(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    today = timezone.localdate()
    failed: QueueActionForm | None = None
    if request.method == "POST":
        application, case = _visible_application(request, request.POST.get("application_id"))
        received = application.submitted_at
        form = QueueActionForm(
            request.POST,
            auto_id=_row_ids(application.pk),
            received_on=timezone.localdate(received) if received else None,
            reference=case.reference,
        )
        if form.is_valid():
            _queue_action(request, application, case, form.cleaned_data)
            return redirect("cases:queue")
        failed = form
    compliance = None
    if request.user.role == Role.UNIT_MANAGER:
        compliance = first_visit_compliance(units=request.user.units.all(), today=today)
    rows = [
        (
            clock,
            failed
            if failed and failed.data.get("application_id") == str(clock.application.pk)
            else QueueActionForm(
                auto_id=_row_ids(clock.application.pk),
                initial={"application_id": clock.application.pk, "day": today},
                reference=clock.application.case.reference if clock.application.case else "",
            ),
        )
        for clock in reception_queue(user=request.user, today=today)
    ]
    return render(
        request,
        "cases/queue.html",
        {
            "rows": rows,
            "monthly": urgent_first(monthly_applications_to_decide(user=request.user)),
            "today": today,
            "compliance": compliance,
            # A refused action shows its errors in its own row, with what was written kept.
            "form": failed,
        },
        status=400 if failed else 200,
    )


def _row_ids(application_id: UUID) -> str:
    return f"%s-{application_id}"


def _visible_application(
    request: AuthenticatedRequest, application_id: str | None
) -> tuple[Application, Case]:
    """The queue's application the caseworker may act on, or 404 whatever the form says."""
    try:
        pk = UUID(str(application_id))
    except ValueError:
        raise Http404 from None
    application = (
        application_queryset_visible(user=request.user).filter(pk=pk).select_related("case").first()
    )
    if application is None or application.case is None:
        raise Http404
    return application, application.case


def _queue_action(
    request: AuthenticatedRequest, application: Application, case: Case, data: dict[str, Any]
) -> None:
    action, day = data["action"], data["day"]
    if action == "visit":  # the case is the one of an application the user may see
        case_first_visit_record(case=case, day=day, acted_by=request.user)
        messages.success(request, _("The first visit is recorded."))
    elif action == "complete":
        application_completion_request(
            application=application, due=day, what=data["what"], acted_by=request.user
        )
        messages.success(request, _("The applicant is asked to complete the application."))
    else:
        application_completion_received(application=application, acted_by=request.user)
        messages.success(request, _("The completion is received; the clock runs again."))
