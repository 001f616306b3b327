# SPDX-License-Identifier: EUPL-1.2
"""Summarise bench/web.sh: one JSON line per scenario and round on stdin.

Prints the median over the rounds per scenario, and the ratios taken within each round (then
their median), so that a drift in the machine's speed between rounds cancels out. Exits 1 if any
request was answered with an error, or if a round sent more re-applications than it had drafts
(a re-sent draft is cheaper than a send, which would flatter the figure)."""

import json
import statistics
import sys
from collections import defaultdict

CALC, SEND, FLOOR, BARE = (
    "calculation_api",
    "reapplication_submit",
    "gated_floor",
    "bare_django_insert",
)
RATIOS = [
    (CALC, BARE, "calculation API / bare Django insert", " (goal: 2500/930 = 2.69)"),
    (SEND, BARE, "re-application / bare Django insert", " (goal: 650/930 = 0.70)"),
    (FLOOR, BARE, "gated floor / bare Django insert", ""),
    (SEND, FLOOR, "re-application / gated floor", ""),
]


def main() -> int:
    rows = [json.loads(line) for line in sys.stdin if line.strip()]
    by_scenario: dict[str, list[dict[str, float]]] = defaultdict(list)
    by_round: dict[int, dict[str, float]] = defaultdict(dict)
    problems = []
    for row in rows:
        result = row["result"]
        by_scenario[row["scenario"]].append(result)
        by_round[row["round"]][row["scenario"]] = result["rps"]
        if result["errors"]:
            problems.append(f"round {row['round']} {row['scenario']}: {result['errors']} errors")
        if row["scenario"] == SEND and result["requests"] > row["drafts"]:
            problems.append(f"round {row['round']}: more sends than drafts; raise BENCH_APPLICANTS")
    summary: dict[str, dict[str, float]] = {}
    print(f"median of {len(by_round)} rounds:")
    for scenario, results in by_scenario.items():
        rps = [r["rps"] for r in results]
        summary[scenario] = {
            "rps": round(statistics.median(rps), 1),
            "rps_min": min(rps),
            "rps_max": max(rps),
            "p50_ms": statistics.median(r["p50_ms"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "p99_ms_worst": max(r["p99_ms"] for r in results),
        }
        s = summary[scenario]
        print(
            f"  {scenario}: {s['rps']:.1f} requests/s ({s['rps_min']:.1f}–{s['rps_max']:.1f}), "
            f"p50 {s['p50_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms (worst {s['p99_ms_worst']:.1f})"
        )
    ratios = {}
    for top, bottom, label, goal in RATIOS:
        per_round = [r[top] / r[bottom] for r in by_round.values() if top in r and bottom in r]
        if per_round:
            ratios[label] = round(statistics.median(per_round), 2)
            spread = ", ".join(f"{value:.2f}" for value in per_round)
            print(f"{label}: {ratios[label]:.2f} (rounds: {spread}){goal}")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print(json.dumps({"median": summary, "ratios": ratios}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
