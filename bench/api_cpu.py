# SPDX-License-Identifier: EUPL-1.2
"""CPU per request of the calculation API in one process, without a server or a load generator:
bench/wrk_calc.lua's request (a family of four) called on the production WSGI application
directly, so what the API costs in Python can be read, and A/B compared, on a machine whose speed
drifts. No database is touched.

Run: .venv/bin/python bench/api_cpu.py [requests per round, default 3000] [rounds, default 5]
Prints the CPU microseconds per request of each round and their minimum; the last line is JSON.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


def request_body() -> bytes:
    """The body wrk sends: the Lua file's quoted pieces, joined."""
    lua = (BENCH / "wrk_calc.lua").read_text(encoding="utf-8")
    return "".join(re.findall(r"'([^']*)'", lua[lua.index("wrk.body") :])).encode()


def main(count: int, rounds: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bistand.config.settings.production")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    os.environ["BISTAND_CALCULATION_RATE"] = "100000000/s"
    from bistand.config.wsgi import application

    body = request_body()
    json.loads(body)  # the body is the document the API reads

    def environ() -> dict[str, Any]:
        return {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/api/v1/calculations",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8765",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_X_FORWARDED_PROTO": "https",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
        }

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        if not status.startswith("200"):
            raise SystemExit(f"the API answered {status}")

    for _ in range(300):
        b"".join(application(environ(), start_response))
    per_round = []
    for number in range(1, rounds + 1):
        started = time.process_time()
        for _ in range(count):
            b"".join(application(environ(), start_response))
        per_round.append((time.process_time() - started) / count * 1e6)
        print(f"round {number}: {per_round[-1]:.0f} µs CPU per request")
    print(f"minimum: {min(per_round):.0f} µs CPU per request")
    print(
        json.dumps(
            {
                "requests": count,
                "rounds": [round(x, 1) for x in per_round],
                "cpu_us_min": round(min(per_round), 1),
            }
        )
    )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 3000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 5,
    )
