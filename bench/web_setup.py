# SPDX-License-Identifier: EUPL-1.2
"""Data for bench/web.sh: the demo municipality plus N applicants, each with an open case, a
submitted first application, a draft monthly re-application ready to send, and a session.

Writes one line per applicant to the file given: "<session key> <application id>".
Run with the production settings and DATABASE_URL pointing at a scratch database.
"""

from __future__ import annotations

import sys
import uuid
from datetime import date, timedelta

import django

UNUSABLE = "!"  # Django's mark for an unusable password: applicants log in with e-identification


def main(count: int, out_path: str) -> None:
    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    from bistand.accounts.models import Role, User
    from bistand.accounts.sessions import session_ends_mark
    from bistand.applications.models import Application, ApplicationKind, ApplicationStatus
    from bistand.cases.models import Case, CaseMember, Relation
    from bistand.demo.builder import demo_data_load
    from bistand.organisations.models import Municipality, Unit, UnitKind
    from bistand.people.identity_numbers import compose_identity_number
    from bistand.people.models import Gender, Person

    call_command("migrate", verbosity=0)
    demo_data_load(today=timezone.localdate())
    municipality = Municipality.objects.get()
    unit = Unit.objects.filter(kind=UnitKind.RECEPTION).first()
    municipality.intake_unit = unit
    municipality.reapplication_opens_day = 1  # always open for the next month
    municipality.reapplication_closes_day = 28
    municipality.save()
    this_month = timezone.localdate().replace(day=1)
    next_month = (this_month + timedelta(days=32)).replace(day=1)
    answers = {step: {} for step in ("household", "housing", "incomes", "consent")}
    answers["housing"] = {"housing_type": "rental", "housing": "7200"}
    answers["incomes"] = {"employment": "0"}
    answers["consent"] = {"truthful": True, "consent_checks": True}
    answers["changes"] = {"household_changed": False}
    answers["needs"] = {"dental_care": "0", "medicine": "0", "other_needs": ""}  # asked monthly

    people = [
        Person(
            identity_number=compose_identity_number(
                date(1940, 1, 1) + timedelta(days=i // 80), 900 + i % 80
            ),
            first_name="Bench",
            last_name=f"Person{i}",
            email=f"bench{i}@example.se",  # a real applicant is told something is waiting
            gender=Gender.MAN if i % 2 else Gender.WOMAN,
        )
        for i in range(count)
    ]
    Person.objects.bulk_create(people, batch_size=2000)
    users = [
        User(username=f"applicant-{p.pk}", role=Role.APPLICANT, person=p, password=UNUSABLE)
        for p in people
    ]
    User.objects.bulk_create(users, batch_size=2000)
    cases = [
        Case(reference=f"EB-BENCH-{i:07d}", unit=unit, opened_on=this_month) for i in range(count)
    ]
    Case.objects.bulk_create(cases, batch_size=2000)
    CaseMember.objects.bulk_create(
        [
            CaseMember(case=c, person=p, relation=Relation.APPLICANT)
            for c, p in zip(cases, people, strict=True)
        ],
        batch_size=2000,
    )
    Application.objects.bulk_create(
        [
            Application(
                kind=ApplicationKind.FIRST,
                applicant=p,
                municipality=municipality,
                case=c,
                month=this_month,
                status=ApplicationStatus.RECEIVED,
                answers=answers,
                submission_key=uuid.uuid4(),
                submitted_at=timezone.now(),
            )
            for c, p in zip(cases, people, strict=True)
        ],
        batch_size=2000,
    )
    drafts = [
        Application(
            kind=ApplicationKind.MONTHLY,
            applicant=p,
            municipality=municipality,
            month=next_month,
            answers=answers,
        )
        for p in people
    ]
    Application.objects.bulk_create(drafts, batch_size=2000)
    backend = "django.contrib.auth.backends.ModelBackend"
    sessions, lines = [], []
    for user, draft in zip(users, drafts, strict=True):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session_ends_mark(store)  # as at a login, so every request checks when the login ends
        key = str(uuid.uuid4()).replace("-", "")
        sessions.append(
            Session(
                session_key=key,
                session_data=store.encode(store._session),
                expire_date=timezone.now() + timedelta(days=1),
            )
        )
        lines.append(f"{key} {draft.pk}")
    Session.objects.bulk_create(sessions, batch_size=2000)
    # A real session is written through the session engine at login, which with cached_db also
    # puts it in the cache; do the same, so the run measures reused sessions as people have them.
    if settings.SESSION_ENGINE.endswith("cached_db"):
        from django.contrib.sessions.backends.cached_db import SessionStore as CachedStore
        from django.core.cache import caches

        cache = caches[settings.SESSION_CACHE_ALIAS]
        warm = {}
        for session in sessions:
            store = CachedStore(session_key=session.session_key)
            warm[store.cache_key] = store.decode(session.session_data)
            if len(warm) == 2000:
                cache.set_many(warm, timeout=86400)
                warm = {}
        cache.set_many(warm, timeout=86400)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics after the bulk load, as autovacuum would
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(
        f"setup: {count} applicants with a draft re-application for {next_month:%Y-%m}; "
        f"sessions in {settings.SESSION_ENGINE}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
