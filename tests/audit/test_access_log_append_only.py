"""The access log cannot be altered on PostgreSQL: UPDATE and DELETE are refused by a trigger."""

import pytest
from django.db import DatabaseError, connection, transaction

from bistand.audit.models import AccessLogEntry
from tests.factories import World

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists on PostgreSQL; run with DATABASE_URL=postgres://... "
    "(make test runs this leg when a server is reachable, CI always)",
)


@postgresql_only
@pytest.mark.django_db
def test_update_of_a_log_row_is_refused(world: World) -> None:
    entry = AccessLogEntry.objects.first()
    assert entry is not None
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(actor_username="someone-else")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_accesslogentry SET granted = NOT granted")
    entry.refresh_from_db()
    assert entry.actor_username != "someone-else"


@postgresql_only
@pytest.mark.django_db
def test_delete_of_a_log_row_is_refused(world: World) -> None:
    count = AccessLogEntry.objects.count()
    assert count > 0
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.all().delete()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_accesslogentry")
    assert AccessLogEntry.objects.count() == count


@pytest.mark.django_db
def test_writes_are_logged_with_old_and_new_values(world: World) -> None:
    row = AccessLogEntry.objects.get(
        object_type="case", object_id=str(world.case_a.pk), action="write"
    )
    assert row.actor_id == world.caseworker_a.pk
    assert row.changes["before"] is None
    assert {m["relation"] for m in row.changes["after"]["members"]} == {"applicant", "partner"}
