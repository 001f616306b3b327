# SPDX-License-Identifier: EUPL-1.2
"""Receiving an accessibility report, once, and marking it handled."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import time
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.about.models import AccessibilityReport
from bistand.about.tasks import accessibility_report_notify
from bistand.accounts.models import User
from bistand.applications.services import municipality_current
from bistand.errors import DomainError
from bistand.organisations.models import Municipality, Unit
from bistand.sent_once import create_once


def municipality_serving() -> Municipality | None:
    """The municipality, or None on an installation not yet set up: these pages still open."""
    try:
        return municipality_current()
    except LookupError:
        return None


@dataclass(frozen=True)
class Contact:
    """How a person reaches the social services, today: the unit's phone and its hours, where
    to come, and the social emergency service's number for when the unit is closed."""

    municipality_name: str
    unit_name: str
    phone: str
    phone_link: str
    phone_opens: time | None
    phone_closes: time | None
    visiting_address: str
    out_of_hours_phone: str
    out_of_hours_phone_link: str


def social_services_contact(unit: Unit | None = None) -> Contact | None:
    """The contact for a person whose case is at `unit`, or for anyone at the municipality's
    intake unit; a unit without a phone of its own gives the intake unit's. None on an
    installation not yet set up."""
    municipality = municipality_serving()
    if municipality is None:
        return None
    intake = municipality.intake_unit
    reached = next((u for u in (unit, intake) if u is not None and u.phone), unit or intake)
    return Contact(
        municipality_name=municipality.name,
        unit_name=reached.name if reached else "",
        phone=reached.phone if reached else "",
        phone_link=reached.phone_link if reached else "",
        phone_opens=reached.phone_opens if reached else None,
        phone_closes=reached.phone_closes if reached else None,
        visiting_address=reached.visiting_address if reached else "",
        out_of_hours_phone=municipality.out_of_hours_phone,
        out_of_hours_phone_link=municipality.out_of_hours_phone_link,
    )


def accessibility_report_receive(
    *, report: dict[str, Any], language: str, submission_key: uuid.UUID | None
) -> tuple[AccessibilityReport, bool]:
    """(the report, True) when it is new; (the report this key already made, False) for a double
    click, a reload or a retried request. A new report is announced to the municipality's
    accessibility contact, when it has one (a task queued with the report's row)."""
    report_and_new = create_once(
        AccessibilityReport,
        key=submission_key,
        by={},
        page={},
        spent=DomainError("report_key_spent", _("This report was already sent.")),
        create=lambda: AccessibilityReport.objects.create(
            **report, language=language, submission_key=submission_key
        ),
    )
    if report_and_new[1]:
        municipality = municipality_serving()
        if municipality is not None and municipality.accessibility_contact_email:
            accessibility_report_notify.enqueue(municipality.pk)
    return report_and_new


@transaction.atomic
def accessibility_reports_handle(*, reports: QuerySet[AccessibilityReport], acted_by: User) -> int:
    """Marks the reports handled by `acted_by`, now; those handled before keep who and when."""
    return reports.filter(handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=acted_by.get_username()
    )
