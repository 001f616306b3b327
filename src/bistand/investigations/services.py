# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case
from bistand.investigations.models import Consent, HomeVisit
from bistand.journals.models import EntryKind
from bistand.journals.services import journal_entry_create


class InvestigationError(ValueError):
    def __init__(self, code: str, message: Any) -> None:
        self.code = code
        self.message = message
        super().__init__(code)


@transaction.atomic
def home_visit_record(
    *,
    case: Case,
    purpose: str,
    consent: Consent | str,
    consent_asked_on: date,
    carried_out_on: date | None,
    notes: str,
    recorded_by: User,
) -> HomeVisit:
    """Record one home visit in one case: its purpose, and the person's consent or refusal."""
    if not purpose.strip():
        raise InvestigationError(
            "purpose_required",
            _("Write why this case needs a home visit. Visits are never routine."),
        )
    if consent not in Consent.values:
        raise InvestigationError(
            "consent_required", _("Record whether the person consented to the visit or refused it.")
        )
    if consent == Consent.REFUSED and carried_out_on is not None:
        raise InvestigationError(
            "visited_without_consent",
            _("A visit cannot be recorded as carried out when the person refused it."),
        )
    visit = HomeVisit.objects.create(
        case=case,
        purpose=purpose.strip(),
        consent=consent,
        consent_asked_on=consent_asked_on,
        carried_out_on=carried_out_on,
        notes=notes.strip(),
        recorded_by=recorded_by,
    )
    access_log_write(
        user=recorded_by,
        object_type="home_visit",
        object_id=visit.pk,
        before=None,
        after={"case": str(case.pk), "consent": consent},
    )
    summary = gettext("Home visit: %(answer)s (%(date)s). Purpose: %(purpose)s") % {
        "answer": visit.get_consent_display(),
        "date": consent_asked_on.isoformat(),
        "purpose": visit.purpose,
    }
    journal_entry_create(
        case=case,
        author=recorded_by,
        sign=True,
        kind=EntryKind.NOTE,
        text=f"{summary}\n{visit.notes}".strip(),
    )
    return visit
