#!/usr/bin/env bash
# CPU per request of the send, the gated floor and the bare yardstick, in one process each
# (bench/send_cpu.py), interleaved over rounds; then the medians and the ratios to the bare view.
# Needs bench/web.sh's database and sessions: run that script first.
# Usage: bench/send_cpu.sh [requests per scenario and round, default 400] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-400}
ROUNDS=${2:-3}
DB=${BENCH_DB:-bistand_web}
. bench/env.sh
# Only the drafts bench/web.sh left unsent, each sent once; every round takes its own.
DRAFTS="$PWD/var/bench-drafts.txt"
psql -tA -h 127.0.0.1 -U postgres -d "$DB" \
  -c "SELECT id FROM applications_application WHERE status = 'draft' AND kind = 'monthly'" |
  tr -d '-' | awk 'NR == FNR {draft[$1] = 1; next} {id = $2; gsub("-", "", id)} draft[id]' - "$BENCH_SESSIONS" >"$DRAFTS"
NEEDED=$((ROUNDS * (COUNT + 50)))
if [ "$(wc -l <"$DRAFTS")" -lt "$NEEDED" ]; then
  echo "fewer than $NEEDED unsent drafts: run bench/web.sh again" >&2
  exit 1
fi
export BENCH_SESSIONS="$DRAFTS"
RESULTS=()
for round in $(seq 1 "$ROUNDS"); do
  first=$(((round - 1) * (COUNT + 50)))
  for scenario in send floor bare; do
    out=$(PYTHONPATH=bench .venv/bin/python bench/send_cpu.py "$scenario" "$COUNT" "$first")
    echo "round $round: $out"
    RESULTS+=("$out")
  done
done
printf '%s\n' "${RESULTS[@]}" | .venv/bin/python bench/send_cpu.py --summary
