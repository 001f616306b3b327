# SPDX-License-Identifier: EUPL-1.2
"""Receiving an accessibility report, once, and marking it handled."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.about.models import AccessibilityReport
from bistand.accounts.models import User
from bistand.errors import DomainError
from bistand.sent_once import create_once


def accessibility_report_receive(
    *, report: dict[str, Any], language: str, submission_key: uuid.UUID | None
) -> tuple[AccessibilityReport, bool]:
    """(the report, True) when it is new; (the report this key already made, False) for a double
    click, a reload or a retried request."""
    return create_once(
        AccessibilityReport,
        key=submission_key,
        by={},
        page={},
        spent=DomainError("report_key_spent", _("This report was already sent.")),
        create=lambda: AccessibilityReport.objects.create(
            **report, language=language, submission_key=submission_key
        ),
    )


@transaction.atomic
def accessibility_reports_handle(*, reports: QuerySet[AccessibilityReport], acted_by: User) -> int:
    """Marks the reports handled by `acted_by`, now; those handled before keep who and when."""
    return reports.filter(handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=acted_by.get_username()
    )
