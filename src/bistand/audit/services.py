# SPDX-License-Identifier: EUPL-1.2
"""Writing to the access log. The only code that creates log rows."""

from typing import Any

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


def access_log_write(
    *, user: User, object_type: str, object_id: object, before: Any, after: Any
) -> AccessLogEntry:
    """A service's write inside the actor's own scope, with the old and new values."""
    return access_log_record(
        user=user,
        action=AccessAction.WRITE,
        object_type=object_type,
        object_id=object_id,
        inside_unit=True,
        granted=True,
        changes={"before": before, "after": after},
    )
