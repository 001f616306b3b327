# SPDX-License-Identifier: EUPL-1.2
"""Writing to the access log. The only code that creates log rows."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from bistand.accounts.models import Role, User
from bistand.audit.models import AccessAction, AccessLogEntry

UNIT_BOUND_ROLES = frozenset({Role.CASEWORKER, Role.COACH, Role.UNIT_MANAGER})


def _unit_ids(user: User) -> str:
    """The actor's units as text, read once per request (kept on the user object)."""
    if user.role not in UNIT_BOUND_ROLES or user.pk is None:
        return ""
    cached: str | None = getattr(user, "_log_unit_ids", None)
    if cached is None:
        cached = ", ".join(sorted(str(pk) for pk in user.units.values_list("pk", flat=True)))
        user._log_unit_ids = cached  # type: ignore[attr-defined]
    return cached


def access_log_record(
    *,
    user: User,
    action: AccessAction,
    object_type: str,
    object_id: object = "",
    inside_unit: bool,
    granted: bool,
    path: str = "",
    changes: dict[str, Any] | None = None,
) -> AccessLogEntry:
    units = _unit_ids(user)
    return AccessLogEntry.objects.create(
        actor_id=user.pk,
        actor_username=user.get_username(),
        actor_role=user.role,
        actor_units=units,
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        inside_unit=inside_unit,
        granted=granted,
        path=path[:500],
        changes=changes,
    )


def access_log_system_read(*, process: str, object_type: str, object_id: object) -> AccessLogEntry:
    """A read by Bistånd itself, in a background task, on no signed-in person's behalf: the row
    names the process as its actor (no user id, role "system")."""
    return _system_row(process, AccessAction.READ, object_type, object_id, changes=None)


def access_log_system_write(
    *,
    process: str,
    object_type: str,
    object_id: object,
    after: dict[str, Any] | None,
    before: dict[str, Any] | None = None,
) -> AccessLogEntry:
    """A write by Bistånd itself (a scheduled run) as a system row: the new values, and for a
    change or a deletion what was there before."""
    changes = {"before": before, "after": after}
    return _system_row(process, AccessAction.WRITE, object_type, object_id, changes=changes)


def _system_row(
    process: str,
    action: AccessAction,
    object_type: str,
    object_id: object,
    *,
    changes: dict[str, Any] | None,
) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        actor_id=None,
        actor_username=process,
        actor_role="system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        inside_unit=True,
        granted=True,
        path=f"task:{process}",
        changes=changes,
    )


@dataclass
class PendingWrite:
    """The access gate's row for a write request, held back until the view has run.

    The first service write to the same object by the same user, made in the gate's own
    transaction (not inside a savepoint that could roll back alone), carries the gate's address
    and becomes the request's one row: who, from which page, what changed. When no service
    writes that object (a form with errors, a write to something else), the gate inserts the
    row itself before its transaction commits (docs/adr/0012)."""

    user: User
    object_type: str
    object_id: str
    path: str
    savepoints: int
    written: bool = field(default=False)


_pending_write: ContextVar[PendingWrite | None] = ContextVar("access_log_pending", default=None)


def _savepoints() -> int:
    return sum(1 for sid in connection.savepoint_ids if sid)


@contextmanager
def access_log_pending(
    *, user: User, object_type: str, object_id: object, path: str
) -> Iterator[PendingWrite]:
    """Hold the gate's write row for the view inside; the caller inserts it if not `written`."""
    pending = PendingWrite(user, object_type, str(object_id or ""), path, _savepoints())
    token = _pending_write.set(pending)
    try:
        yield pending
    finally:
        _pending_write.reset(token)


def _take_pending(user: User, object_type: str, object_id: object) -> PendingWrite | None:
    """The gate's held-back row, if this write may carry it; taken, it is marked written."""
    pending = _pending_write.get()
    if (
        pending is None
        or pending.written
        or pending.user.pk != user.pk
        or (pending.object_type, pending.object_id) != (object_type, str(object_id or ""))
        or _savepoints() != pending.savepoints
    ):
        return None
    pending.written = True
    return pending


def access_log_write(
    *, user: User, object_type: str, object_id: object, before: Any, after: Any
) -> AccessLogEntry:
    """A service's write inside the actor's own scope, with the old and new values."""
    pending = _take_pending(user, object_type, object_id)
    return access_log_record(
        user=user,
        action=AccessAction.WRITE,
        object_type=object_type,
        object_id=object_id,
        inside_unit=True,
        granted=True,
        path=pending.path if pending else "",
        changes={"before": before, "after": after},
    )
