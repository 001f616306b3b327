# SPDX-License-Identifier: EUPL-1.2
"""Reads about accounts."""

from django.conf import settings

from bistand.accounts.models import User
from bistand.people.models import Person


def user_language(*, person: Person) -> str:
    """The language to write to the person in: their own choice, else the municipality's."""
    chosen = User.objects.filter(person=person).values_list("language", flat=True).first()
    return chosen or settings.LANGUAGE_CODE
