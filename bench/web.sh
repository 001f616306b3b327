#!/usr/bin/env bash
# Web benchmark: the production server (gunicorn, WSGI, persistent database connections) on
# 127.0.0.1 against PostgreSQL, driven by wrk on the same two cores, for a fixed time each:
#   1. POST /api/v1/calculations           (the rules core over HTTP)
#   2. GET  /pre-calculation/              (a server-rendered page)
#   3. POST /my/applications/<id>/send/    (a monthly re-application: validation, write, access log)
#   4. the same POST to bench/floor: the whole stack (session, CSRF, authentication, the access
#      gate with its log row) in front of a view that sends nothing: the most any gated write
#      can do on this machine, served on port + 2
#   5. the same POST to bench/bare: a bare Django view that validates the key and inserts a row,
#      served the same way on the next port: the yardstick the issue's goal is stated against
#      (~930/s when it was written: 650/s is 0.70 of it), so the ratio is comparable across machines.
# Each send queues a notice (docs/adr/0013). After each send scenario the task worker
# (`bistand db_worker --batch`) sends them (to a dummy mail backend), alone on the machine, and the
# script prints its rate: the notices cost the send its queueing, and fall on no scenario's figure.
# Prints requests/s and p50/p99 latency per scenario and round, then the medians and ratios
# (bench/web_summary.py); the last line is one JSON object.
# Usage: bench/web.sh [seconds per scenario and round, default 10]
# BENCH_ROUNDS (default 3) rounds; BENCH_APPLICANTS (default 30000) drafts and sessions.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
PORT=${BENCH_PORT:-8765}
WORKERS=${BENCH_WORKERS:-2}
DB=${BENCH_DB:-bistand_web}  # not the follow-up benchmark's database
ROUNDS=${BENCH_ROUNDS:-3}
APPLICANTS=${BENCH_APPLICANTS:-30000}
export BENCH_PORT="$PORT" BENCH_THREADS=2
. bench/env.sh
mkdir -p var
make -s install messages >/dev/null

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB" >/dev/null
.venv/bin/python -c "import redis; redis.Redis.from_url('$CACHE_URL').flushdb()"
.venv/bin/python bench/web_setup.py "$APPLICANTS" "$BENCH_SESSIONS"

.venv/bin/gunicorn bistand.config.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers "$WORKERS" --worker-class sync --access-logfile /dev/null --error-logfile var/bench-gunicorn.log \
  --pid var/bench-gunicorn.pid --daemon
BARE_PORT=$((PORT + 1))
PYTHONPATH=bench DJANGO_SETTINGS_MODULE=bare.settings .venv/bin/django-admin migrate --run-syncdb -v 0
PYTHONPATH=bench DJANGO_SETTINGS_MODULE=bare.settings .venv/bin/gunicorn bare.wsgi:application \
  --bind "127.0.0.1:$BARE_PORT" --workers "$WORKERS" --worker-class sync --access-logfile /dev/null \
  --error-logfile var/bench-bare.log --pid var/bench-bare.pid --daemon
FLOOR_PORT=$((PORT + 2))
PYTHONPATH=bench DJANGO_SETTINGS_MODULE=floor.settings .venv/bin/gunicorn floor.wsgi:application \
  --bind "127.0.0.1:$FLOOR_PORT" --workers "$WORKERS" --worker-class sync --access-logfile /dev/null \
  --error-logfile var/bench-floor.log --pid var/bench-floor.pid --daemon
trap 'kill "$(cat var/bench-gunicorn.pid)" "$(cat var/bench-bare.pid)" "$(cat var/bench-floor.pid)" 2>/dev/null || true' EXIT
healthy() {  # port: wait until the server answers, fail if it never does
  for _ in $(seq 1 50); do
    curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$1/health/" && return 0
    sleep 0.2
  done
  echo "no answer on port $1: see var/bench-*.log" >&2
  return 1
}
healthy "$PORT"
healthy "$FLOOR_PORT"

# Each scenario runs ROUNDS times, the rounds one after the other and the scenarios interleaved
# inside each round, so that a machine whose speed drifts during the run (shared cores do) moves
# every scenario alike; the summary is the median over the rounds, and the ratios are taken within
# each round. Each round sends its own drafts; the warm-ups use the last WARM of the file.
WARM=2000
WARM_START=$((APPLICANTS - WARM))
CHUNK=$(((APPLICANTS - WARM) / ROUNDS))
wrk_json() {  # lua, path, port, first row, seconds: one JSON line
  # The Referer names the server's own port, or the CSRF check refuses the POST.
  BENCH_PORT=$3 BENCH_START=$4 wrk -t2 -c16 -d"$5s" --timeout 5s -s "bench/$1" \
    "http://127.0.0.1:$3$2" | tail -n 1
}
sql() { psql -tA -h 127.0.0.1 -U postgres -d "$DB" -c "$1"; }
deliver() {  # the task worker sends the notices the sends queued, alone on the machine; print its rate
  local since
  since=$(sql "SELECT now()")
  .venv/bin/bistand db_worker --batch --no-reload --no-startup-delay --verbosity 0 >>var/bench-worker.log 2>&1
  sql "SELECT count(*), round(extract(epoch FROM max(finished_at) - min(started_at))::numeric, 2)
       FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL' AND started_at >= '$since'" |
    awk -F'|' '$1 > 0 {printf "notices: %d sent by the task worker in %.2f s (%.0f a second)\n", $1, $2, $1 / $2}'
}
received() { sql "SELECT count(*) FROM applications_application WHERE status='received' AND kind='monthly'"; }
before=$(received)
wrk_json wrk_calc.lua /api/v1/calculations "$PORT" 0 3 >/dev/null
wrk_json wrk_page.lua /pre-calculation/ "$PORT" 0 3 >/dev/null
wrk_json wrk_reapply.lua / "$PORT" "$WARM_START" 3 >/dev/null
deliver >/dev/null
wrk_json wrk_reapply.lua / "$FLOOR_PORT" "$WARM_START" 3 >/dev/null
wrk_json wrk_reapply.lua / "$BARE_PORT" "$WARM_START" 3 >/dev/null
LINES=()
for round in $(seq 1 "$ROUNDS"); do
  first=$(((round - 1) * CHUNK))
  for scenario in calculation_api precalculation_page reapplication_submit gated_floor bare_django_insert; do
    case $scenario in
      calculation_api) out=$(wrk_json wrk_calc.lua /api/v1/calculations "$PORT" 0 "$SECONDS_EACH") ;;
      precalculation_page) out=$(wrk_json wrk_page.lua /pre-calculation/ "$PORT" 0 "$SECONDS_EACH") ;;
      reapplication_submit)
        sent_before=$(received)
        out=$(wrk_json wrk_reapply.lua / "$PORT" "$first" "$SECONDS_EACH")
        # Every answered send must have been received: a page that answers 200 with "parts are
        # missing" would otherwise be measured as a send.
        answered=$(echo "$out" | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["requests"])')
        if [ $(($(received) - sent_before)) -lt "$answered" ]; then
          echo "PROBLEM: round $round answered $answered sends, but fewer were received" >&2
          exit 1
        fi
        ;;
      gated_floor) out=$(wrk_json wrk_reapply.lua / "$FLOOR_PORT" "$first" "$SECONDS_EACH") ;;
      # The bare view's keys come from its own range: a key it has seen is not inserted again.
      bare_django_insert) out=$(wrk_json wrk_reapply.lua / "$BARE_PORT" $((round * 1000000)) "$SECONDS_EACH") ;;
    esac
    echo "round $round $scenario: $out"
    if [ "$scenario" = reapplication_submit ]; then deliver; fi
    LINES+=("{\"round\": $round, \"scenario\": \"$scenario\", \"result\": $out, \"drafts\": $CHUNK}")
  done
done
after=$(received)
# The sends' rows only: the demo municipality's own applications are logged too.
logged=$(sql "SELECT count(*) FROM audit_accesslogentry WHERE object_type='application' AND action='write' AND path LIKE '/my/applications/%/send/'")
notices=$(sql "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status='SUCCESSFUL'")
echo "re-applications received (warm-up included): $((after - before)); application write log rows: $logged; notices sent: $notices"
if [ "$notices" != "$((after - before))" ]; then echo "PROBLEM: not every send's notice was sent" >&2; exit 1; fi
if [ "$logged" != "$((after - before))" ]; then echo "PROBLEM: not one log row per send" >&2; exit 1; fi
printf '%s\n' "${LINES[@]}" | .venv/bin/python bench/web_summary.py
