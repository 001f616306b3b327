# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.applications.categories import SupportBarrier
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, Relation
from bistand.errors import DomainError
from bistand.investigations.models import (
    Consent,
    HomeVisit,
    InvestigatedAdult,
    Investigation,
    Verification,
)
from bistand.journals.models import EntryKind
from bistand.journals.services import journal_entry_create
from bistand.organisations.models import Committee


class InvestigationError(DomainError):
    """A refused action in this part of casework."""


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


INVESTIGATION_TEXTS = ("household", "housing", "incomes", "assets", "other_needs")


@transaction.atomic
def investigation_view(*, case: Case) -> tuple[Investigation, list[InvestigatedAdult]]:
    """The investigation as it stands, without writing anything (new: empty, unsaved)."""
    investigation = Investigation.objects.filter(case=case).first()
    if investigation is not None:
        return investigation, list(investigation.adults.select_related("person"))
    adults = [
        InvestigatedAdult(person=member.person)
        for member in case.members.exclude(relation=Relation.CHILD).select_related("person")
    ]
    return Investigation(case=case), adults


def investigation_for(*, case: Case, acted_by: User) -> Investigation:
    """The case's investigation, started with one row per adult member."""
    investigation, created = Investigation.objects.get_or_create(
        case=case, defaults={"updated_by": acted_by}
    )
    adults = case.members.exclude(relation=Relation.CHILD).values_list("person_id", flat=True)
    for person_id in adults:
        InvestigatedAdult.objects.get_or_create(investigation=investigation, person_id=person_id)
    if created:
        access_log_write(
            user=acted_by,
            object_type="investigation",
            object_id=investigation.pk,
            before=None,
            after={"case": str(case.pk)},
        )
    return investigation


@transaction.atomic
def investigation_update(
    *,
    investigation: Investigation,
    texts: dict[str, str],
    adults: dict[str, dict[str, str]],
    acted_by: User,
) -> Investigation:
    before = {name: getattr(investigation, name) for name in INVESTIGATION_TEXTS}
    for name in INVESTIGATION_TEXTS:
        setattr(investigation, name, texts.get(name, "").strip())
    investigation.updated_by = acted_by
    investigation.save()
    for row in investigation.adults.all():
        values = adults.get(str(row.person_id), {})
        barrier = values.get("support_barrier", "")
        if barrier and barrier not in SupportBarrier.values:
            raise InvestigationError("barrier", _("Choose a support barrier from the list."))
        row.support_barrier = barrier
        row.save(update_fields=["support_barrier"])
    access_log_write(
        user=acted_by,
        object_type="investigation",
        object_id=investigation.pk,
        before=before,
        after={name: getattr(investigation, name) for name in INVESTIGATION_TEXTS},
    )
    return investigation


@transaction.atomic
def verification_record(
    *,
    investigation: Investigation,
    what: str,
    source: str,
    result: str,
    checked_on: date,
    acted_by: User,
) -> Verification:
    if not what.strip() or not source.strip():
        raise InvestigationError(
            "verification", _("Write what was checked and against which document or source.")
        )
    verification = Verification.objects.create(
        investigation=investigation,
        what=what.strip(),
        source=source.strip(),
        result=result.strip(),
        checked_on=checked_on,
        checked_by=acted_by,
    )
    access_log_write(
        user=acted_by,
        object_type="verification",
        object_id=verification.pk,
        before=None,
        after={"what": verification.what, "source": verification.source},
    )
    return verification


@transaction.atomic
def other_needs_refer(
    *, investigation: Investigation, committee: Committee, note: str, acted_by: User
) -> Investigation:
    """Route a need this committee does not own to the responsible committee, with a record."""
    if not note.strip():
        raise InvestigationError("referral", _("Describe the need you refer."))
    investigation.other_needs_committee = committee
    investigation.other_needs_referred_on = timezone.localdate()
    investigation.save(
        update_fields=["other_needs_committee", "other_needs_referred_on", "updated_at"]
    )
    journal_entry_create(
        case=investigation.case,
        author=acted_by,
        sign=True,
        text=gettext("Other need referred to %(committee)s: %(note)s")
        % {"committee": committee.name, "note": note.strip()},
    )
    return investigation
