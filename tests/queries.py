"""What the queries a piece of code ran say about it."""

from collections.abc import Iterable
from uuid import UUID

from django.test.utils import CaptureQueriesContext


def most_ids_in_one_query(queries: CaptureQueriesContext, ids: Iterable[UUID]) -> int:
    """The most of `ids` any one captured query names. PostgreSQL takes at most 65 535
    parameters a statement (ADR 0008): code that lists a set growing with the data fails there,
    so a test shows this stays small however many rows there are."""
    hexes = [pk.hex for pk in ids]  # as SQLite stores a UUID and PostgreSQL's SQL shows it
    return max((sum(pk in query["sql"] for pk in hexes) for query in queries), default=0)
