# SPDX-License-Identifier: EUPL-1.2
"""The special individual support (särskilt individanpassad stödinsats), decided by the
labour-market committee for outreach contacts: young people who neither work nor study, and women
with a weak position on the labour market. Investigated and decided like any other aid; advice
without a decision is only counted."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case, CaseStatus
from bistand.labour.models import (
    AdviceContact,
    SpecialSupportApplication,
    SpecialSupportOutcome,
)
from bistand.labour.policy import special_support_policy
from bistand.labour.services import LabourError
from bistand.organisations.models import Unit
from bistand.people.models import Gender, Person
from bistand.people.services import person_create
from bistand.people.validators import identity_number_clean
from bistand.rules.labour import (
    Ineligibility,
    SpecialSupportApplicant,
    TargetGroup,
    special_support_ineligibility,
)
from bistand.rules.parameters_loader import default_rulebook

INELIGIBILITY_TEXTS: dict[str, Promise] = {
    Ineligibility.RECEIVES_INCOME_SUPPORT: _(
        "The person receives försörjningsstöd: they get the same support through their plan "
        "at Jobbtorg, via their economic-aid case."
    ),
    Ineligibility.AGE_OUTSIDE_YOUTH_GROUP: _(
        "The person's age is outside the age group the committee decided for young people."
    ),
    Ineligibility.WORKS_OR_STUDIES: _("The person works or studies."),
    Ineligibility.NOT_A_WOMAN: _("The target group is women."),
    Ineligibility.WEAK_POSITION_NOT_ASSESSED: _(
        "The weak position on the labour market is not described."
    ),
    Ineligibility.GROUP_NOT_OFFERED: _("The municipality does not offer support to this group."),
}


def receives_income_support(person: Person) -> bool:
    """A member of an open economic-aid case anywhere in the municipality's system."""
    return Case.objects.filter(members__person=person, status=CaseStatus.OPEN).exists()


def ineligibility_for(application: SpecialSupportApplication, day: date) -> list[str]:
    person = application.person
    policy = special_support_policy(application.unit.committee.municipality, day)
    if policy is None:
        raise LabourError(
            "not_offered", _("The municipality has not decided to offer this support.")
        )
    applicant = SpecialSupportApplicant(
        birth_date=identity_number_clean(person.identity_number).birth_date,
        is_woman=person.gender == Gender.WOMAN,
        target_group=TargetGroup(application.target_group),
        works_or_studies=application.works_or_studies,
        weak_labour_market_position=bool(application.weak_position.strip()),
        receives_income_support=receives_income_support(person),
    )
    return [str(reason) for reason in special_support_ineligibility(policy, applicant, day)]


@transaction.atomic
def special_support_register(
    *,
    unit: Unit,
    identity_number: str,
    first_name: str,
    last_name: str,
    target_group: str,
    works_or_studies: bool,
    weak_position: str,
    wishes: str,
    received_on: date,
    acted_by: User,
) -> SpecialSupportApplication:
    """Register an application; the eligibility check runs at once and is shown to the coach."""
    if not wishes.strip():
        raise LabourError("wishes_required", _("Write what the person asks for."))
    digits = identity_number_clean(identity_number).digits
    person = Person.objects.filter(identity_number=digits).first() or person_create(
        identity_number=digits, first_name=first_name, last_name=last_name, acted_by=acted_by
    )
    application = SpecialSupportApplication(
        unit=unit,
        person=person,
        target_group=target_group,
        received_on=received_on,
        works_or_studies=works_or_studies,
        weak_position=weak_position.strip(),
        wishes=wishes.strip(),
        created_by=acted_by,
    )
    application.ineligibility = ineligibility_for(application, received_on)
    application.save()
    access_log_write(
        user=acted_by,
        object_type="special_support",
        object_id=application.pk,
        before=None,
        after={"person": str(person.pk), "target_group": target_group},
    )
    return application


@transaction.atomic
def special_support_decide(
    *,
    application: SpecialSupportApplication,
    outcome: str,
    investigation: str,
    reasoning: str,
    acted_by: User,
) -> SpecialSupportApplication:
    """Decide with a documented assessment. The eligibility check runs again on the decision day;
    support cannot be granted to someone outside the target groups."""
    application = SpecialSupportApplication.objects.select_for_update().get(pk=application.pk)
    if application.outcome:
        raise LabourError("already_decided", _("The application is already decided."))
    if not reasoning.strip():
        raise LabourError(
            "reasoning_required", _("Write the reasoning: the decision must be documented.")
        )
    today = timezone.localdate()
    reasons = ineligibility_for(application, today)
    if outcome == SpecialSupportOutcome.GRANTED and reasons:
        raise LabourError(
            "not_eligible",
            _("The support cannot be granted: %(reasons)s")
            % {"reasons": " ".join(str(INELIGIBILITY_TEXTS[r]) for r in reasons)},
        )
    application.ineligibility = reasons
    application.outcome = outcome
    application.investigation = investigation.strip()
    application.reasoning = reasoning.strip()
    application.provision = default_rulebook().legal.cite("aid_beyond_entitlement", today)
    application.decided_by, application.decided_at = acted_by, timezone.now()
    application.save()
    access_log_write(
        user=acted_by,
        object_type="special_support",
        object_id=application.pk,
        before={"outcome": ""},
        after={"outcome": outcome, "provision": application.provision},
    )
    return application


@transaction.atomic
def advice_contacts_record(
    *, unit: Unit, on: date, target_group: str, contacts: int, acted_by: User
) -> AdviceContact:
    """Advice and guidance without a decision: a count per day and group, never a name."""
    if contacts < 1:
        raise LabourError("contacts", _("Give the number of contacts (at least one)."))
    row = AdviceContact.objects.create(
        unit=unit, on=on, target_group=target_group, contacts=contacts, recorded_by=acted_by
    )
    access_log_write(
        user=acted_by,
        object_type="advice_contacts",
        object_id=row.pk,
        before=None,
        after={"on": on.isoformat(), "target_group": target_group, "contacts": contacts},
    )
    return row
