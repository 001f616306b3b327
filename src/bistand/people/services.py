# SPDX-License-Identifier: EUPL-1.2
from django.db import transaction

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.people.models import Gender, Person, ProtectedIdentity
from bistand.people.validators import identity_number_clean


@transaction.atomic
def person_create(
    *,
    identity_number: str,
    first_name: str,
    last_name: str,
    acted_by: User,
    born_in_sweden: bool | None = None,
    address_line: str = "",
    postal_code: str = "",
    city: str = "",
    phone: str = "",
    email: str = "",
    protected_identity: ProtectedIdentity = ProtectedIdentity.NONE,
) -> Person:
    parsed = identity_number_clean(identity_number)
    person = Person.objects.create(
        identity_number=parsed.digits,
        first_name=first_name,
        last_name=last_name,
        gender=Gender.WOMAN if parsed.is_female else Gender.MAN,
        born_in_sweden=born_in_sweden,
        address_line=address_line,
        postal_code=postal_code,
        city=city,
        phone=phone,
        email=email,
        protected_identity=protected_identity,
    )
    # The log records that a person was created, never their contact details.
    access_log_write(
        user=acted_by,
        object_type="person",
        object_id=person.pk,
        before=None,
        after={"created": True, "protected_identity": protected_identity},
    )
    return person
