# SPDX-License-Identifier: EUPL-1.2
"""Pages about the e-service itself, open to everyone without logging in: the accessibility
statement with its report form, how personal data and the browser are used (ADR 0035), and how
to reach the social services, today if the need is urgent (ADR 0038)."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bistand.about.browser_storage import cookies, in_the_window
from bistand.about.forms import AccessibilityReportForm
from bistand.about.services import (
    accessibility_report_receive,
    municipality_serving,
    social_services_contact,
)
from bistand.about.statement import accessibility_statement, personal_data_facts
from bistand.organisations.models import Committee, Municipality
from bistand.rules.parameters_loader import default_rulebook

REPORTS_WINDOW_SECONDS = 3600


def _login_limits() -> dict[str, int]:
    """How long a login lasts without activity, for the words of the statement."""
    idle = settings.BISTAND_IDLE_LOGOUT_SECONDS or settings.SESSION_COOKIE_AGE
    return {"idle_minutes": max(1, idle // 60)}


def _named(municipality: Municipality | None) -> str:
    return municipality.name if municipality is not None else _("the municipality")


def accessibility(request: HttpRequest) -> HttpResponse:
    statement = accessibility_statement()
    limits = _login_limits()
    return render(
        request,
        "about/accessibility.html",
        {
            "statement": statement,
            "deficiencies": [
                (str(deficiency.text) % limits, deficiency.criterion)
                for deficiency in statement.deficiencies
            ],
            "municipality_name": _named(municipality_serving()),
        },
    )


def _reports_key(request: HttpRequest) -> str:
    """The count of reports from the request's address, read as the login lockout reads it
    (behind the same proxies)."""
    return f"bistand:about:reports:{get_client_ip_address(request) or 'unknown'}"


def accessibility_report(request: HttpRequest) -> HttpResponse:
    """Anyone can report a deficiency or ask for content in an accessible form, without a name.
    A few reports an hour are taken from one address, so that the form cannot be used to fill
    the administrator's list."""
    form = (
        AccessibilityReportForm(request.POST)
        if request.method == "POST"
        else AccessibilityReportForm.fresh()
    )
    if request.method == "POST" and form.is_valid():
        counted = _reports_key(request)
        if cache.get(counted, 0) >= settings.BISTAND_ACCESSIBILITY_REPORTS_PER_HOUR:
            form.add_error(
                None,
                _(
                    "Many reports have been sent from here in the last hour, so this one was "
                    "not sent. What you wrote is still below: try again in an hour."
                ),
            )
        else:
            _report, new = accessibility_report_receive(
                report=form.report(),
                language=get_language() or settings.LANGUAGE_CODE,
                submission_key=form.cleaned_data["submission_key"],
            )
            if new:
                cache.add(counted, 0, REPORTS_WINDOW_SECONDS)
                cache.incr(counted)
            messages.success(
                request,
                _("Thank you. Your report has come in, and the municipality will look at it."),
            )
            return redirect("about:accessibility")
    return render(request, "about/accessibility_report.html", {"form": form})


def personal_data(request: HttpRequest) -> HttpResponse:
    municipality = municipality_serving()
    facts = personal_data_facts()
    legal = default_rulebook().legal
    return render(
        request,
        "about/personal_data.html",
        {
            "municipality_name": _named(municipality),
            "data_protection_officer": municipality and municipality.data_protection_officer_email,
            "committees": Committee.objects.filter(municipality=municipality).order_by("name"),
            "facts": facts,
            "disposal_years": legal.disposal_years,
            "disposal_provision": legal.cite("records_disposal", timezone.localdate()),
            "draft_kept_days": municipality.draft_kept_days if municipality else None,
            "cookies": cookies(),
            "window": in_the_window(),
        },
    )


def contact(request: HttpRequest) -> HttpResponse:
    """Whom to call, when, and where to come; and, first, what to do when a household lacks
    food, medicine or a place to sleep today. Open to everyone: the person who needs it most may
    have no e-identification at hand."""
    return render(request, "about/contact.html", {"contact": social_services_contact()})
