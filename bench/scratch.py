# SPDX-License-Identifier: EUPL-1.2
"""The scratch PostgreSQL database a loading benchmark fills (`followup.py`, `search.py`)."""

from __future__ import annotations

import os
import sys


def scratch_database() -> bool:
    """Make the database DATABASE_URL names if it is not there; False, with a word on stderr,
    when DATABASE_URL is not a PostgreSQL database."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("Set DATABASE_URL to a scratch PostgreSQL database.", file=sys.stderr)
        return False
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}"')
    return True
