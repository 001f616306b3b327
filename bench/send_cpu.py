# SPDX-License-Identifier: EUPL-1.2
"""CPU per send in one process, without a server or a load generator: the same three POSTs as
bench/web.sh (the real send, the gated floor, the bare yardstick) called on their WSGI
applications directly, so what one request costs in Python can be read, and A/B compared, on a
machine whose speed drifts.

Run after bench/web.sh (it needs that script's database, sessions file and environment):
    bench/send_cpu.sh [requests per scenario, default 400] [rounds, default 3]
which runs this file once per scenario and round, interleaved. One run:
    python bench/send_cpu.py send|floor|bare <requests> <first row> [--profile FILE]
prints one JSON line: CPU and wall milliseconds per request, and the answers' status codes.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import statistics
import sys
import time
from collections import Counter
from typing import Any

MODULES = {
    "send": ("bistand.config.settings.production", "bistand.config.wsgi"),
    "floor": ("floor.settings", "floor.wsgi"),
    "bare": ("bare.settings", "bare.wsgi"),
}
CSRF = "benchcsrftokenbenchcsrftoken1234"  # as bench/wrk_reapply.lua
WARM = 50


def environ(session: str, application: str, key: str) -> dict[str, Any]:
    body = f"csrfmiddlewaretoken={CSRF}&submission_key={key}".encode()
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": f"/my/applications/{application}/send/",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8765",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_COOKIE": f"sessionid={session}; csrftoken={CSRF}",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_REFERER": "https://127.0.0.1/",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def main(scenario: str, count: int, first: int, profile: str | None) -> None:
    settings_module, wsgi_module = MODULES[scenario]
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    application = __import__(wsgi_module, fromlist=["application"]).application
    with open(os.environ["BENCH_SESSIONS"], encoding="utf-8") as lines:
        rows = [line.split() for line in lines if line.strip()]
    # The bare view's keys come from their own range, as in bench/web.sh.
    offset = 5_000_000 if scenario == "bare" else 0
    statuses: Counter[str] = Counter()

    def call(index: int) -> None:
        session, application_id = rows[index]
        key = f"00000000-0000-4000-9000-{index + offset:012d}"

        def start_response(status: str, headers: list[tuple[str, str]]) -> None:
            statuses[status.split()[0]] += 1

        response = application(environ(session, application_id, key), start_response)
        b"".join(response)
        response.close()

    for index in range(first, first + WARM):
        call(index)
    statuses.clear()
    profiler = cProfile.Profile(time.process_time) if profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    for index in range(first + WARM, first + WARM + count):
        call(index)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        json.dumps(
            {
                "scenario": scenario,
                "requests": count,
                "cpu_ms": round(cpu * 1000 / count, 3),
                "wall_ms": round(wall * 1000 / count, 3),
                "statuses": dict(statuses),
            }
        )
    )


def summary(lines: list[str]) -> None:
    rows = [json.loads(line) for line in lines if line.strip()]
    cpu = {
        scenario: statistics.median(r["cpu_ms"] for r in rows if r["scenario"] == scenario)
        for scenario in MODULES
    }
    print("median CPU ms per request: " + ", ".join(f"{s} {v:.2f}" for s, v in cpu.items()))
    send, floor = cpu["bare"] / cpu["send"], cpu["bare"] / cpu["floor"]
    print(f"bare / send {send:.2f}, bare / floor {floor:.2f} (CPU per request, inverted)")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments == ["--summary"]:
        summary(sys.stdin.readlines())
        sys.exit(0)
    profile_to = None
    if "--profile" in arguments:
        at = arguments.index("--profile")
        profile_to = arguments[at + 1]
        del arguments[at : at + 2]
    main(arguments[0], int(arguments[1]), int(arguments[2]), profile_to)
