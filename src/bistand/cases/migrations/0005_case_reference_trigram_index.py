"""A trigram index on the case number, on PostgreSQL only (ADR 0023): the case search asks
`UPPER(reference) LIKE '%TEXT%'`, which a b-tree cannot answer and a GIN index of trigrams can.
SQLite, the embedded database of `make run`, keeps its scan."""

from typing import Any

from django.db import migrations

INDEX = "cases_case_reference_trgm"


def _create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_case USING gin (UPPER(reference) gin_trgm_ops)"
    )


def _drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_case_closure_reason"),
        ("people", "0005_search_name_trigram_index"),
    ]

    operations = [migrations.RunPython(_create, _drop)]
