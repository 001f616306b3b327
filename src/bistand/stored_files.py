# SPDX-License-Identifier: EUPL-1.2
"""Files on disk follow their records: one leaves the disk only when its record's deletion is
committed, so a transaction that rolls back keeps both."""

from __future__ import annotations

from django.core.files.storage import Storage
from django.db import transaction


def file_delete_on_commit(storage: Storage, name: str | None) -> None:
    """Delete `name` from `storage` once the current transaction commits (at once outside one)."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
