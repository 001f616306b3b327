# SPDX-License-Identifier: EUPL-1.2
"""Tell PostgreSQL's planner about tables just rebuilt: after a night's rebuild its row estimates
are stale until autovacuum comes round, and a summary of 250 000 rows estimated at 750 was read
with a nested loop and a sort on disk (3 times slower). SQLite keeps no such estimates."""

from __future__ import annotations

from django.db import connection, models


def planner_statistics_update(*tables: type[models.Model]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
