# SPDX-License-Identifier: EUPL-1.2
from django.db import transaction

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.cases.models import Case
from bistand.labour.models import Referral
from bistand.organisations.models import Unit
from bistand.people.models import Person


@transaction.atomic
def referral_create(*, case: Case, person: Person, to_unit: Unit, acted_by: User) -> Referral:
    referral = Referral.objects.create(case=case, person=person, to_unit=to_unit)
    access_log_write(
        user=acted_by,
        object_type="referral",
        object_id=referral.pk,
        before=None,
        after={"case": str(case.pk), "person": str(person.pk), "to_unit": to_unit.pk},
    )
    return referral
