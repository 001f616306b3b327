# SPDX-License-Identifier: EUPL-1.2
"""Writing to the access log. The only code that creates log rows."""

from typing import Any

from bistand.accounts.models import User
from bistand.audit.models import AccessAction, AccessLogEntry


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
    units = ", ".join(sorted(str(unit.pk) for unit in user.units.all())) if user.pk else ""
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
