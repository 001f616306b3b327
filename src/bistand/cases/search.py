# SPDX-License-Identifier: EUPL-1.2
"""Finding a case in the list: by case number, by a member's personal identity number, or by a
member's name; and by status.

The search narrows what the user may already see (`case_queryset_visible`); it never widens it. A
person with a protected identity is shown in lists as "Protected identity", so their name and
number find nothing: a hit would tell the searcher which case the protected person is in. Their
case is still found by its case number. What was searched for is in the access log, with the
list's address."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from bistand.cases.models import Case, CaseMember, CaseStatus
from bistand.digits import digits_ascii
from bistand.folding import name_folded
from bistand.people.identity_numbers import IdentityNumberError, parse_identity_number
from bistand.people.models import Person, ProtectedIdentity

MAX_WORDS = 4
_NUMBER = re.compile(r"^\d{6,8}[-+]?\d{4}$")


@dataclass(frozen=True)
class CaseSearch:
    text: str = ""
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.text or self.status)


def case_queryset_search(cases: QuerySet[Case], *, search: CaseSearch) -> QuerySet[Case]:
    """The cases among `cases` that match: the text in the case number, or every word of it in
    the same member's name (case, accents and hyphens aside), or the text as a member's whole
    identity number (10 or 12 digits, with or without the dash)."""
    if search.status in CaseStatus.values:
        cases = cases.filter(status=search.status)
    text = " ".join(digits_ascii(search.text).split())
    if not text:
        return cases
    people = Person.objects.filter(protected_identity=ProtectedIdentity.NONE)
    compact = text.replace(" ", "")
    if _NUMBER.match(compact):
        try:
            digits = parse_identity_number(compact, today=timezone.localdate()).digits
        except IdentityNumberError:
            digits = ""
        people = people.filter(identity_number=digits) if digits else people.none()
    else:
        # Each word folded as the stored name is: "asa" and "ÅSA" find Åsa on every database.
        words = [folded for word in text.split() if (folded := name_folded(word))]
        for word in words[:MAX_WORDS]:
            people = people.filter(search_name__contains=word)
    # Two lookups joined by UNION rather than one OR, so that each can use its own index on
    # PostgreSQL (the trigram indexes on the case number and the folded name, ADR 0023).
    by_number = Case.objects.filter(reference__icontains=text).order_by().values("pk")
    by_member = CaseMember.objects.filter(person__in=people).order_by().values("case_id")
    return cases.filter(pk__in=by_number.union(by_member))
