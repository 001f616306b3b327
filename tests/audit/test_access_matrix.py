"""Every role × every case-data URL × own unit / other unit: 200 or 404, and a log row each time.

The URLs come from Django's resolver, so a view added later is covered without editing this
file; a view that is neither on the public allow-list nor behind `access_checked` fails.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bistand.audit.access import SUBJECT_KWARG, AccessPolicy, Audience, Subject
from bistand.audit.models import AccessLogEntry
from tests.factories import World, client_for, response_close

# Views anyone may reach: no case data behind them. The admin has its own staff check and
# registers no case-data model (tested in test_admin_shows_no_case_data).
PUBLIC_VIEWS = {
    "home",
    "health",
    "set_language",
    "accounts:staff-login",
    "accounts:applicant-login",
    "accounts:logout",
    "accounts:session-status",  # how long the person's own login has left: no case data
    "accounts:session-extend",  # the person's own login goes on: no case data
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "oidc_logout",
    "precalc:household",  # the pre-calculation: anonymous, kept in the session only
    "precalc:costs",
    "precalc:incomes",
    "precalc:result",
    "about:accessibility",  # the accessibility statement, its report form, the page on personal
    "about:accessibility-report",  # data: about the e-service, open to everyone (ADR 0035)
    "about:personal-data",
    "about:contact",  # whom to call, today if the need is urgent: no case data (ADR 0038)
}
PUBLIC_NAMESPACES = {"admin"}

ROLES = ["caseworker_a", "manager_a", "coach", "analyst", "administrator", "superuser", "applicant"]

# What each role may reach, written out by hand from the access rules in issue #2.
ALLOWED: dict[Audience, set[str]] = {
    Audience.CASEWORK: {"caseworker_a", "manager_a", "coach"},
    Audience.MANAGEMENT: {"manager_a"},
    Audience.AGGREGATES: {"analyst", "manager_a"},
    Audience.APPLICANT: {"applicant"},
    Audience.DOCUMENTS: {"applicant", "caseworker_a", "manager_a"},
    Audience.ECONOMIC_AID: {"caseworker_a", "manager_a"},
    Audience.LABOUR: {"coach"},
    Audience.LABOUR_OVERVIEW: {"coach", "manager_a"},
}
# Path parameters that are not the subject: one valid value each.
OTHER_KWARGS = {"step": "household", "kind": "csv"}


@dataclass(frozen=True)
class Route:
    name: str
    namespace: str
    callback: object
    params: tuple[str, ...] = ()


def _walk(patterns: list, namespace: str = "") -> Iterator[Route]:  # type: ignore[type-arg]
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield Route(
                f"{namespace}{entry.name or ''}",
                namespace.split(":")[0],
                entry.callback,
                tuple(entry.pattern.regex.groupindex),
            )


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


def checked_routes() -> list[Route]:
    routes = []
    for route in all_routes():
        if route.name in PUBLIC_VIEWS or route.namespace in PUBLIC_NAMESPACES:
            continue
        routes.append(route)
    return routes


def test_every_view_is_public_or_access_checked() -> None:
    unguarded = [
        route.name or repr(route.callback)
        for route in checked_routes()
        if not isinstance(getattr(route.callback, "access_policy", None), AccessPolicy)
    ]
    assert unguarded == []


def _subject_ids(world: World, subject: Subject, audience: Audience) -> tuple[object, object]:
    """(own, other): an object inside the allowed roles' scope and one outside it."""
    pairs = {
        Subject.CASE: (world.case_a, world.case_b),
        Subject.PERSON: (world.person_a, world.person_b),
        Subject.STAFF: (world.caseworker_a, world.caseworker_b),
        # An applicant works on their draft; staff see only sent applications.
        Subject.APPLICATION: (
            world.draft_a if audience == Audience.APPLICANT else world.sent_a,
            world.sent_b,
        ),
        Subject.ATTACHMENT: (world.attachment_a, world.attachment_b),
        Subject.DECISION: (world.decision_a, world.decision_b),
        Subject.PAYMENT_RUN: (world.run_a, world.run_b),
        Subject.REFERRAL: (world.referral_a, world.referral_b),
        Subject.SPECIAL_SUPPORT: (world.special_support_a, world.special_support_b),
    }
    own, other = pairs[subject]
    return own.pk, other.pk


def url_for(route: Route, subject: Subject | None = None, pk: object = None) -> str:
    kwargs = {name: value for name, value in OTHER_KWARGS.items() if name in route.params}
    if subject is not None:
        kwargs[KWARG[subject]] = pk
    return reverse(route.name, kwargs=kwargs)


KWARG = SUBJECT_KWARG  # the path parameter that names each kind of subject


def _attempts(world: World) -> Iterator[tuple[str, str, str, int, str, bool]]:
    """(role, url, scope, expected status, object id, inside) for the whole matrix."""
    for route in checked_routes():
        policy: AccessPolicy = route.callback.access_policy  # type: ignore[attr-defined]
        for role in ROLES:
            allowed = role in ALLOWED[policy.audience]
            if policy.subject is None:
                yield role, url_for(route), "none", 200 if allowed else 404, "", allowed
                continue
            own, other = _subject_ids(world, policy.subject, policy.audience)
            yield (
                role,
                url_for(route, policy.subject, own),
                "own",
                200 if allowed else 404,
                str(own),
                allowed,
            )
            yield (role, url_for(route, policy.subject, other), "other", 404, str(other), False)


@pytest.mark.django_db
def test_access_matrix_answers_200_or_404_and_logs_every_attempt(world: World) -> None:
    clients: dict[str, Client] = {role: client_for(getattr(world, role)) for role in ROLES}
    tried = denied = 0
    failures = []
    for role, url, scope, expected, object_id, inside in _attempts(world):
        user = getattr(world, role)
        before = AccessLogEntry.objects.count()
        response = clients[role].get(url)
        response_close(response)
        tried += 1
        denied += response.status_code == 404
        if response.status_code != expected:
            failures.append(f"{role} {scope} {url}: {response.status_code}, expected {expected}")
            continue
        rows = list(
            AccessLogEntry.objects.order_by("-id")[: AccessLogEntry.objects.count() - before]
        )
        if len(rows) != 1:
            failures.append(f"{role} {scope} {url}: {len(rows)} log rows, expected 1")
            continue
        row = rows[0]
        if (row.actor_id, row.object_id, row.granted, row.inside_unit) != (
            user.pk,
            object_id,
            inside,
            inside,
        ):
            failures.append(f"{role} {scope} {url}: log row {row.__dict__}")
    urls = len(checked_routes())
    rows = AccessLogEntry.objects.filter(path__in=[attempt[1] for attempt in _attempts(world)])
    print(
        f"\naccess matrix: {tried} attempts over {urls} URLs x {len(ROLES)} roles, "
        f"{denied} denials, {rows.count()} log rows"
    )
    assert failures == []
    assert tried > 0


@pytest.mark.django_db
def test_anonymous_and_unverified_staff_are_sent_to_login(world: World) -> None:
    unverified = Client()
    unverified.force_login(world.caseworker_a)  # password only, no second factor
    for route in checked_routes():
        policy: AccessPolicy = route.callback.access_policy  # type: ignore[attr-defined]
        own = _subject_ids(world, policy.subject, policy.audience)[0] if policy.subject else None
        url = url_for(route, policy.subject, own)
        login = (
            "accounts:applicant-login"
            if policy.audience == Audience.APPLICANT
            else "accounts:staff-login"
        )
        for client in (Client(), unverified):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse(login)), url


@pytest.mark.django_db
def test_admin_shows_no_case_data(world: World) -> None:
    response = client_for(world.superuser).get(reverse("admin:index"))
    assert response.status_code == 200
    registered = {
        model._meta.label
        for model in __import__("django.contrib.admin").contrib.admin.site._registry
    }
    assert not registered & {
        "people.Person",
        "cases.Case",
        "cases.CaseMember",
        "labour.Referral",
        "audit.AccessLogEntry",
        "accounts.ProtectedIdentityGrant",
        "django_tasks_database.DBTaskResult",  # who was sent a notice
    }
    assert world.person_a.last_name not in response.content.decode()
