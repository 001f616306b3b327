# SPDX-License-Identifier: EUPL-1.2
"""What each user may see of cases and people. Every case-data view reads through these."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bistand.accounts.models import Role, User
from bistand.cases.models import Case, CaseMember
from bistand.labour.models import ACTIVE_REFERRAL_STATUSES
from bistand.people.identity_numbers import identity_number_written
from bistand.people.models import Person

UNIT_ROLES = frozenset({Role.CASEWORKER, Role.UNIT_MANAGER})


def case_queryset_visible(*, user: User) -> QuerySet[Case]:
    """Caseworkers and managers: their units' cases. Coaches: cases referred to their unit."""
    if user.role in UNIT_ROLES:
        return Case.objects.filter(unit__in=user.units.all())
    if user.role == Role.COACH:
        return Case.objects.filter(
            referrals__to_unit__in=user.units.all(), referrals__status__in=ACTIVE_REFERRAL_STATUSES
        ).distinct()
    return Case.objects.none()


def person_queryset_visible(*, user: User) -> QuerySet[Person]:
    if user.role in UNIT_ROLES:
        return Person.objects.filter(memberships__case__unit__in=user.units.all()).distinct()
    if user.role == Role.COACH:
        return Person.objects.filter(
            referrals__to_unit__in=user.units.all(), referrals__status__in=ACTIVE_REFERRAL_STATUSES
        ).distinct()
    return Person.objects.none()


def case_members(*, case: Case) -> QuerySet[CaseMember]:
    return case.members.select_related("person").order_by("relation", "person__last_name")


def person_contact_visible(*, user: User, person: Person) -> bool:
    """Contact details of a protected person need an explicit, unexpired grant."""
    if not person.is_protected:
        return True
    return person.grants.filter(user=user, valid_until__gte=timezone.localdate()).exists()


@dataclass(frozen=True)
class PersonView:
    """A person as one viewer may see them: the only object templates and exports get."""

    id: str
    name: str
    identity_number: str
    address: str
    phone: str
    email: str
    protected: bool
    contact_visible: bool


def person_view(*, person: Person, user: User, in_list: bool = False) -> PersonView:
    contact_visible = person_contact_visible(user=user, person=person)
    masked = person.is_protected and in_list
    hidden = _("Protected identity")
    address = ", ".join(
        part
        for part in [person.address_line, f"{person.postal_code} {person.city}".strip()]
        if part
    )
    return PersonView(
        id=str(person.pk),
        name=hidden if masked else f"{person.first_name} {person.last_name}",
        identity_number=hidden if masked else identity_number_written(person.identity_number),
        address=address if contact_visible else hidden,
        phone=person.phone if contact_visible else hidden,
        email=person.email if contact_visible else hidden,
        protected=person.is_protected,
        contact_visible=contact_visible,
    )
