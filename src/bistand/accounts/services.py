# SPDX-License-Identifier: EUPL-1.2
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bistand.accounts.models import ProtectedIdentityGrant, Role, User
from bistand.audit.services import access_log_write
from bistand.people.identity_numbers import parse_identity_number
from bistand.people.models import Gender, Person


@transaction.atomic
def applicant_user_for_identity_number(
    *, identity_number: str, first_name: str = "", last_name: str = ""
) -> User:
    """The applicant account of the person with this number, created on first login."""
    parsed = parse_identity_number(identity_number, today=timezone.localdate())
    person, _created = Person.objects.get_or_create(
        identity_number=parsed.digits,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "gender": Gender.WOMAN if parsed.is_female else Gender.MAN,
        },
    )
    user = User.objects.filter(person=person).first()
    if user is None:
        user = User(username=f"applicant-{person.pk}", role=Role.APPLICANT, person=person)
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def protected_identity_grant_create(
    *, person: Person, user: User, reason: str, valid_until: date, granted_by: User
) -> ProtectedIdentityGrant:
    grant = ProtectedIdentityGrant.objects.create(
        person=person, user=user, reason=reason, valid_until=valid_until, granted_by=granted_by
    )
    access_log_write(
        user=granted_by,
        object_type="protected_identity_grant",
        object_id=grant.pk,
        before=None,
        after={
            "person": str(person.pk),
            "user": str(user.pk),
            "reason": reason,
            "valid_until": valid_until.isoformat(),
        },
    )
    return grant


@transaction.atomic
def user_language_choose(*, user: User, language: str) -> None:
    """Remember the language the person chose, so that notices reach them in it. A language
    Bistånd does not offer, or the one already kept, changes nothing."""
    if language not in dict(settings.LANGUAGES) or user.language == language:
        return
    before = user.language
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
    access_log_write(
        user=user, object_type="user_language", object_id=user.pk, before=before, after=language
    )
