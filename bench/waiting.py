# SPDX-License-Identifier: EUPL-1.2
"""What the count beside "Cases" adds to every staff page, at city size: on the people and cases
`bench/search.py` loaded (run that first), a caseworker of the unit that holds all 150 000
cases, with unread messages, completions past their day and urgent needs not yet assessed in
some of them. Times
`waiting_case_count` (three queries on every page of a caseworker or unit manager) beside the
query of every visible case's id, which the case list paged through in Python until 2026-11-23
(and then passed to `waiting_for_unit` as 150 000 parameters, more than PostgreSQL takes: the
page failed); and the whole case list page as a caseworker opens it (gate, log row, navigation,
template), its first page and one half way down, which now pages in SQL (`WaitingFirst`), and
searched by name (the hits read once, ADR 0023's trigram index on PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bistand_bench_search \\
    DJANGO_SETTINGS_MODULE=bistand.config.settings.test \\
    .venv/bin/python bench/waiting.py

Prints the median of each, and the ratios: the count's share of the old id query, and each
whole list page's time against that one query the old list began with.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta
from typing import Any

import django
from scratch import scratch_database

REPEATS = 9


def _median_ms(work: Any) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=300, help="cases with unread messages")
    parser.add_argument("--past-due", type=int, default=100, help="completions past their day")
    parser.add_argument(
        "--urgent", type=int, default=50, help="applications with an urgent need not assessed"
    )
    arguments = parser.parse_args()
    if not scratch_database():
        return 2
    django.setup()
    from django.db import connection
    from django.utils import timezone

    from bistand.accounts.models import Role, User
    from bistand.applications.models import Application, ApplicationKind, ApplicationStatus
    from bistand.cases.models import Case
    from bistand.cases.selectors import case_queryset_visible
    from bistand.cases.waiting import waiting_case_count
    from bistand.conversations.models import SecureMessage
    from bistand.organisations.models import Unit

    unit = Unit.objects.filter(name="Ekonomiskt bistånd", committee__name="Bänk").first()
    cases = list(Case.objects.filter(unit=unit).order_by("reference")[: arguments.messages])
    if unit is None or len(cases) < arguments.messages:
        print("Run bench/search.py first: it loads the people and cases.", file=sys.stderr)
        return 2
    caseworker, _ = User.objects.get_or_create(
        username="bench.waiting", defaults={"role": Role.CASEWORKER}
    )
    caseworker.units.set([unit])
    applicant, _ = User.objects.get_or_create(
        username="bench.applicant", defaults={"role": Role.APPLICANT}
    )
    SecureMessage.objects.filter(sender=applicant).delete()
    Application.objects.filter(case__unit=unit).delete()
    SecureMessage.objects.bulk_create(
        SecureMessage(case=case, sender=applicant, from_staff=False, body="Hej.") for case in cases
    )
    today = timezone.localdate()

    def monthly(case: Any, **state: Any) -> Any:
        """This month's application in `case`, from its one member, in the state given."""
        return Application(
            kind=ApplicationKind.MONTHLY,
            applicant_id=case.members.get().person_id,
            case=case,
            municipality=unit.committee.municipality,
            month=today.replace(day=1),
            **state,
        )

    Application.objects.bulk_create(
        monthly(
            case,
            status=ApplicationStatus.NEEDS_COMPLETION,
            completion_requested_on=today - timedelta(days=10),
            completion_due=today - timedelta(days=1),
        )
        for case in cases[-arguments.past_due :]
    )
    # Sent with an urgent need nobody has assessed yet (ADR 0038), in cases nothing else waits in.
    beyond = Case.objects.filter(unit=unit).order_by("reference")[
        arguments.messages : arguments.messages + arguments.urgent
    ]
    Application.objects.bulk_create(
        monthly(
            case,
            status=ApplicationStatus.RECEIVED,
            answers={"needs": {"urgent_needs": ["food"]}},
            urgent_need_stated=True,
        )
        for case in beyond
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    count_ms, count = _median_ms(lambda: waiting_case_count(user=caseworker))
    list_ms, ids = _median_ms(
        lambda: list(case_queryset_visible(user=caseworker).values_list("pk", flat=True))
    )
    print(f"cases the caseworker sees: {len(ids):,}; with something waiting: {count:,}")
    print(f"waiting count (every staff page): {count_ms:8.1f} ms")
    print(f"every visible case's id (the old list's first query): {list_ms:8.1f} ms")
    print(f"ratio count/list: {count_ms / list_ms:.2f}")

    from django.test import Client
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bistand.cases.views import CASES_PER_PAGE

    # Logged in as staff are: password and a verified second factor.
    device, _ = TOTPDevice.objects.get_or_create(user=caseworker, name="bench", confirmed=True)
    browser = Client(HTTP_HOST="localhost")
    browser.force_login(caseworker)
    session = browser.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    deep = len(ids) // CASES_PER_PAGE // 2
    for label, page in (("first", 1), (f"{deep:,}th", deep)):
        page_ms, answer = _median_ms(
            lambda page=page: browser.get(reverse("cases:list"), {"page": page})
        )
        assert answer.status_code == 200, answer.status_code
        print(f"case list page, {label:>8} (whole answer): {page_ms:8.1f} ms")
        print(f"ratio page/old id query: {page_ms / list_ms:.2f}")
    for typed in ("svensson anna", "zzz"):  # a name search: its hits read once, paged in Python
        page_ms, answer = _median_ms(
            lambda typed=typed: browser.get(reverse("cases:list"), {"q": typed})
        )
        assert answer.status_code == 200, answer.status_code
        print(f"case list searched for {typed!r} (whole answer): {page_ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
