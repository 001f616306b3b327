# SPDX-License-Identifier: EUPL-1.2
"""One row per page: the one-time key a `SentOnceForm` carries, kept on the row it made and unique
per sender, makes a double click, a reload or a retried request answer with that row instead of
making a second one, also when two such requests race (the unique constraint decides). A key that
made a row from another page (a copied or replayed form) makes nothing here."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction

from bistand.errors import DomainError

Row = TypeVar("Row", bound=models.Model)


def create_once(
    model: type[Row],
    *,
    key: uuid.UUID | None,
    by: dict[str, Any],
    page: dict[str, Any],
    spent: DomainError,
    create: Callable[[], Row],
) -> tuple[Row, bool]:
    """(the row, True) made now by `create`, or (the row this key already made, False). `by`
    names the sender, as the model's unique constraint on it and `submission_key` does; `page`
    names what a row made from this page has (its case, say): a row this key made elsewhere
    raises `spent`, and nothing is made."""
    if key is not None:
        made = model._default_manager.filter(submission_key=key, **by).first()
        if made is not None:
            return _from_this_page(made, page, spent), False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        if key is None:
            raise
        # The same page sent twice at once: the other request made it.
        made = model._default_manager.get(submission_key=key, **by)
        return _from_this_page(made, page, spent), False


def _from_this_page(made: Row, page: dict[str, Any], spent: DomainError) -> Row:
    if any(getattr(made, field) != value for field, value in page.items()):
        raise spent
    return made
