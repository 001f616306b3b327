# SPDX-License-Identifier: EUPL-1.2
"""Follow-up at national size: load a synthetic history (fictional households) into PostgreSQL,
rebuild the summaries, and time every dashboard table and the whole page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bistand_bench \\
    DJANGO_SETTINGS_MODULE=bistand.config.settings.test \\
    .venv/bin/python bench/followup.py --years 10 --households 150000

The database is emptied of follow-up data and filled again; use a scratch database. Prints
figures and the ratio of each time to the 1-second goal.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import django

GOAL_SECONDS = 1.0
REPEATS = 5
UNITS_PER_COMMITTEE = 2
COMMITTEES = 14
FACT = "followup_aidmonthfact"
INDEXES_DROP = (
    f"ALTER TABLE {FACT} DROP CONSTRAINT IF EXISTS fact_once_a_month",
    "DROP INDEX IF EXISTS fact_person_month",
)
INDEXES_CREATE = (
    f"ALTER TABLE {FACT} ADD CONSTRAINT fact_once_a_month UNIQUE (month_index, person_key)",
    f"CREATE INDEX fact_person_month ON {FACT} (person_key, month_index)",
)


def _database_ensure(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}"')


def _places() -> list[Any]:
    from bistand.followup.synthetic import Place
    from bistand.organisations.models import Committee, CommitteeKind, Municipality, Unit, UnitKind

    municipality, _ = Municipality.objects.get_or_create(
        code="9999", defaults={"name": "Benchmark kommun"}
    )
    places = []
    for number in range(1, COMMITTEES + 1):
        committee, _ = Committee.objects.get_or_create(
            municipality=municipality,
            name=f"Stadsdelsnämnd {number}",
            defaults={"kind": CommitteeKind.DISTRICT},
        )
        for unit_number in range(1, UNITS_PER_COMMITTEE + 1):
            unit, _ = Unit.objects.get_or_create(
                committee=committee,
                name=f"Ekonomiskt bistånd {number}.{unit_number}",
                defaults={"kind": UnitKind.ECONOMIC_AID},
            )
            places.append(Place(unit.pk, committee.pk))
    return places


def load(years: int, households: int, last_month: int) -> tuple[int, float]:
    from django.db import connection

    from bistand.applications.categories import SupportBarrier
    from bistand.followup.models import BirthRegion
    from bistand.followup.refresh import conventions
    from bistand.followup.synthetic import COLUMNS, Codes, history
    from bistand.people.models import Gender

    places = _places()
    months = years * 12
    first_month = last_month - months + 1
    started, rows = time.perf_counter(), 0
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {FACT}")
        # fictional rows of known units: skip the foreign-key triggers while loading
        cursor.execute("SET session_replication_role = replica")
        for statement in INDEXES_DROP:
            cursor.execute(statement)
        copy_sql = f"COPY {FACT} ({', '.join(COLUMNS)}) FROM STDIN"
        for index, lines in history(
            first_month=first_month,
            months=months,
            households=households,
            places=places,
            rules=conventions(last_month),
            codes=Codes(
                genders=(Gender.MAN.value, Gender.WOMAN.value),
                born=(
                    BirthRegion.SWEDEN.value,
                    BirthRegion.ABROAD.value,
                    BirthRegion.UNKNOWN.value,
                ),
                barriers=tuple(SupportBarrier.values),
            ),
        ):
            with cursor.cursor.copy(copy_sql) as copy:
                copy.write("".join(lines))
            rows += len(lines)
            if index % 12 == 11:
                print(f"  loaded up to {index // 12}: {rows:,} rows", flush=True)
        cursor.execute("SET session_replication_role = DEFAULT")
        for statement in INDEXES_CREATE:
            cursor.execute(statement)
        cursor.execute(f"ANALYZE {FACT}")
    return rows, time.perf_counter() - started


def timed(action: Callable[[], Any]) -> tuple[float, float]:
    """Median and worst of REPEATS runs after one warm-up."""
    action()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def report(name: str, median: float, worst: float) -> bool:
    ok = worst < GOAL_SECONDS
    print(
        f"{name:<62} median {median * 1000:8.1f} ms  worst {worst * 1000:8.1f} ms  "
        f"ratio to goal {worst / GOAL_SECONDS:5.2f}  {'ok' if ok else 'SLOW'}"
    )
    return ok


def dashboards(last_month: int, years: int) -> bool:
    from django.test import Client
    from django.test.utils import override_settings

    from bistand.accounts.models import Role, User
    from bistand.followup.dashboard import TABLES, Breakdown, Filters, Labels, units_in_scope
    from bistand.organisations.models import Unit
    from bistand.people.models import Gender

    unit = Unit.objects.filter(name__startswith="Ekonomiskt bistånd").first()
    analyst, _ = User.objects.get_or_create(username="bench-analyst", role=Role.ANALYST)
    manager, _ = User.objects.get_or_create(username="bench-manager", role=Role.UNIT_MANAGER)
    manager.units.set([unit])
    year_ago = last_month - 11
    whole = last_month - years * 12 + 1
    views = {
        "analyst, 12 months": (analyst, Filters(first=year_ago, last=last_month)),
        f"analyst, {years} years": (analyst, Filters(first=whole, last=last_month)),
        f"analyst, {years} years by gender": (
            analyst,
            Filters(first=whole, last=last_month, breakdown=Breakdown.GENDER),
        ),
        "analyst, 12 months by unit": (
            analyst,
            Filters(first=year_ago, last=last_month, breakdown=Breakdown.UNIT),
        ),
        "manager, 12 months, women born abroad": (
            manager,
            Filters(first=year_ago, last=last_month, gender=Gender.WOMAN, born="abroad"),
        ),
    }
    ok = True
    for label, (user, filters) in views.items():
        scope = units_in_scope(user)
        labels = Labels(scope)
        for build in TABLES:
            median, worst = timed(
                lambda build=build, f=filters, s=scope, names=labels: build(f, s, names)
            )
            ok &= report(f"{label}: {build.__name__}", median, worst)
    client = Client()
    for user, query in (
        (analyst, {}),
        (analyst, {"first": _month_text(whole), "last": _month_text(last_month)}),
        (manager, {"breakdown": "gender"}),
    ):
        client.force_login(user)
        with override_settings(BISTAND_STAFF_OTP_REQUIRED=False, ALLOWED_HOSTS=["testserver"]):
            median, worst = timed(lambda q=query: _page(client, q))
        ok &= report(f"whole page as {user.role} {query or '(last 12 months)'}", median, worst)
    return ok


def _month_text(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def _page(client: Any, query: dict[str, str]) -> None:
    response = client.get("/statistics/", query)
    if response.status_code != 200:
        raise RuntimeError(f"the page answered {response.status_code}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--households", type=int, default=150_000)
    parser.add_argument("--skip-load", action="store_true", help="reuse the loaded facts")
    arguments = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("Set DATABASE_URL to a scratch PostgreSQL database.", file=sys.stderr)
        return 2
    _database_ensure(url)
    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from bistand.followup.refresh import summaries_rebuild
    from bistand.rules.statistics import month_index

    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    last_month = month_index(today) - 1
    if not arguments.skip_load:
        print(f"Loading {arguments.years} years x {arguments.households:,} households a month")
        rows, seconds = load(arguments.years, arguments.households, last_month)
        print(f"facts loaded: {rows:,} rows in {seconds:.0f} s ({rows / seconds:,.0f} rows/s)")
        started = time.perf_counter()
        summaries_rebuild(last_month - arguments.years * 12 + 1, last_month)
        seconds = time.perf_counter() - started
        print(f"all summaries rebuilt ({arguments.years} years): {seconds:.1f} s")
    started = time.perf_counter()
    summaries_rebuild(last_month - 12, last_month)
    print(f"nightly rebuild (last 13 months): {time.perf_counter() - started:.1f} s")
    from bistand.followup.models import AidMonthSummary, AidReturnSummary, AidYearSummary

    print(
        f"summary rows: month {AidMonthSummary.objects.count():,}, "
        f"return {AidReturnSummary.objects.count():,}, year {AidYearSummary.objects.count():,}"
    )
    return 0 if dashboards(last_month, arguments.years) else 1


if __name__ == "__main__":
    sys.exit(main())
