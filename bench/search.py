# SPDX-License-Identifier: EUPL-1.2
"""The case search by name and case number at city size: load fictional people and cases into
PostgreSQL, then time the case list's search query (`case_queryset_search`, the ids the list
pages through) for names and numbers typed as caseworkers type them, beside the same search as
one OR (before the case number had its index), and the plain case-insensitive match on the two
name columns that the folded name replaced.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bistand_bench_search \\
    DJANGO_SETTINGS_MODULE=bistand.config.settings.test \\
    .venv/bin/python bench/search.py --people 300000

The database's people and cases are replaced; use a scratch database. Prints the median time of
each search and its hits: as it runs (a UNION of the case number and the members, each side with
its trigram index, ADR 0023); as one OR; with the indexes out of reach (the sequential scans it
was before); and the plain match; and the ratios of the first to the other three (below 1:
faster).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from statistics import median
from typing import Any

import django
from scratch import scratch_database

REPEATS = 7
FIRST = ["Åsa", "Anna", "Mohammed", "Văn", "José", "Fatima", "Łukasz", "Omar", "Sara", "Björn"]
LAST = ["Påhittad", "Nguyễn", "Al-Hassan", "Öberg", "Muñoz", "Svensson", "Ängström", "Karlsson"]
SEARCHES = [
    "påhittad", "PÅHITTAD", "nguyen", "al hassan", "åsa öberg", "svensson anna", "zzz",
    "EB-BENCH-0012345", "0012345",
]  # fmt: skip


def load(people: int) -> None:
    """`people` fictional people with made-up names, every second one in a case of their own."""
    from bistand.cases.models import Case, CaseMember
    from bistand.folding import name_folded
    from bistand.organisations.models import Committee, CommitteeKind, Municipality, Unit, UnitKind
    from bistand.people.models import Person

    CaseMember.objects.all().delete()
    Case.objects.all().delete()
    Person.objects.all().delete()
    municipality, _ = Municipality.objects.get_or_create(code="9998", name="Bänkstad")
    committee, _ = Committee.objects.get_or_create(
        municipality=municipality, kind=CommitteeKind.DISTRICT, name="Bänk"
    )
    unit, _ = Unit.objects.get_or_create(
        committee=committee, kind=UnitKind.ECONOMIC_AID, name="Ekonomiskt bistånd"
    )
    chance = random.Random(2026)  # noqa: S311 - made-up names, the same on every run
    batch: list[Any] = []
    for number in range(people):
        first, last = chance.choice(FIRST), f"{chance.choice(LAST)}{number % 97 or ''}"
        batch.append(
            Person(
                identity_number=f"19{number:010d}",  # not a valid number; never checked here
                first_name=first,
                last_name=last,
                search_name=name_folded(first, last),  # bulk_create skips save()
                gender="woman",
            )
        )
    Person.objects.bulk_create(batch, batch_size=5000)
    opened = date(2026, 1, 1)
    cases = [
        Case(reference=f"EB-BENCH-{number:07d}", unit=unit, opened_on=opened)
        for number in range(people // 2)
    ]
    Case.objects.bulk_create(cases, batch_size=5000)
    members = [
        CaseMember(case=case, person=person, relation="applicant")
        for case, person in zip(cases, batch[::2], strict=False)
    ]
    CaseMember.objects.bulk_create(members, batch_size=5000)


def _median_ms(query: Any) -> tuple[float, int]:
    times, hits = [], 0
    for _ in range(REPEATS):
        started = time.perf_counter()
        hits = len(list(query()))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=300_000)
    parser.add_argument("--skip-load", action="store_true", help="reuse the loaded people")
    arguments = parser.parse_args()
    if not scratch_database():
        return 2
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import Q

    from bistand.cases.models import Case, CaseMember
    from bistand.cases.search import CaseSearch, case_queryset_search
    from bistand.folding import name_folded
    from bistand.people.models import Person

    call_command("migrate", verbosity=0)
    if not arguments.skip_load:
        started = time.perf_counter()
        load(arguments.people)
        print(f"loaded {arguments.people:,} people in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def folded(text: str) -> Any:
        search = CaseSearch(text=text)
        return lambda: case_queryset_search(Case.objects.all(), search=search).values_list(
            "pk", flat=True
        )

    def plain(text: str) -> Any:
        people = Person.objects.filter(protected_identity="")
        for word in text.split():
            people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        members = CaseMember.objects.filter(person__in=people).values("case_id")
        return lambda: Case.objects.filter(
            Q(reference__icontains=text) | Q(pk__in=members)
        ).values_list("pk", flat=True)

    def folded_or(text: str) -> Any:
        """The folded search as it was until the case number had its index: one OR of the case
        number and the members, which neither index can answer alone."""
        people = Person.objects.filter(protected_identity="")
        for word in text.split()[:4]:
            if folded_word := name_folded(word):
                people = people.filter(search_name__contains=folded_word)
        members = CaseMember.objects.filter(person__in=people).values("case_id")
        return lambda: Case.objects.filter(
            Q(reference__icontains=text) | Q(pk__in=members)
        ).values_list("pk", flat=True)

    def scanned(query: Any) -> Any:
        """The same query with the trigram index out of the planner's reach (a GIN index is
        read only by a bitmap scan): the sequential scan the search was before the index."""

        def run() -> list[Any]:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
                return list(query())

        return run

    print(
        f"{'typed':<16}{'folded ms':>10}{'hits':>8}{'one OR':>9}{'no index':>10}{'plain ms':>10}"
        f"{'hits':>8}{'f/OR':>7}{'f/noidx':>8}{'f/plain':>8}"
    )
    to_or, to_scan, to_plain = [], [], []
    for text in SEARCHES:
        new_ms, new_hits = _median_ms(folded(text))
        or_ms, or_hits = _median_ms(folded_or(text))
        scan_ms, scan_hits = _median_ms(scanned(folded(text)))
        old_ms, old_hits = _median_ms(plain(text))
        assert scan_hits == new_hits == or_hits, (text, scan_hits, new_hits, or_hits)
        to_or.append(new_ms / or_ms)
        to_scan.append(new_ms / scan_ms)
        to_plain.append(new_ms / old_ms)
        print(
            f"{text:<16}{new_ms:>10.1f}{new_hits:>8,}{or_ms:>9.1f}{scan_ms:>10.1f}{old_ms:>10.1f}"
            f"{old_hits:>8,}{new_ms / or_ms:>7.2f}{new_ms / scan_ms:>8.2f}{new_ms / old_ms:>8.2f}"
        )
    print(f"median ratio folded/one OR (as before the number's index): {median(to_or):.2f}")
    print(f"median ratio folded/folded without the indexes: {median(to_scan):.2f}")
    print(f"median ratio folded/plain: {median(to_plain):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
