"""A trigram index on the folded name, on PostgreSQL only (ADR 0023): the case search asks
`search_name LIKE '%word%'`, which a b-tree cannot answer and a GIN index of trigrams can. SQLite,
the embedded database of `make run`, has no such index and keeps its sequential scan."""

from typing import Any

from django.db import migrations

INDEX = "people_person_search_name_trgm"


def _create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON people_person USING gin (search_name gin_trgm_ops)"
    )


def _drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_person_search_name"),
    ]

    operations = [migrations.RunPython(_create, _drop)]
