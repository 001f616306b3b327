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
# Prints requests/s and p50/p99 latency per scenario; the last line is one JSON object.
# Usage: bench/web.sh [seconds per scenario, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
PORT=${BENCH_PORT:-8765}
WORKERS=${BENCH_WORKERS:-2}
DB=${BENCH_DB:-bistand_web}  # not the follow-up benchmark's database
export BENCH_DIR="$PWD/bench" BENCH_PORT="$PORT" BENCH_THREADS=2
export BENCH_SESSIONS="$PWD/var/bench-sessions.txt"
export DJANGO_SETTINGS_MODULE=bistand.config.settings.production
set -a; . ./.env.example; set +a
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" DATABASE_CONN_MAX_AGE=600
export DJANGO_ALLOWED_HOSTS=127.0.0.1 CACHE_URL=redis://127.0.0.1:6379/9
export BISTAND_CALCULATION_RATE=100000000/s EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
export USE_OIDC=false LOG_LEVEL=ERROR
mkdir -p var
make -s install messages >/dev/null

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB" >/dev/null
.venv/bin/python -c "import redis; redis.Redis.from_url('$CACHE_URL').flushdb()"
.venv/bin/python bench/web_setup.py "${BENCH_APPLICANTS:-15000}" "$BENCH_SESSIONS"

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
for _ in $(seq 1 50); do curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/health/" && break; sleep 0.2; done

run() {  # name, lua, path[, port]
  local out port=${4:-$PORT}
  # Warm-up; re-applications take their drafts from the second half of the file, the run the first.
  # The Referer names the server's own port, or the CSRF check refuses the POST.
  BENCH_PORT=$port BENCH_START=$(( ${BENCH_APPLICANTS:-15000} / 2 )) wrk -t2 -c16 -d3s \
    -s "bench/$2" "http://127.0.0.1:$port$3" >/dev/null 2>&1 || true
  out=$(BENCH_PORT=$port wrk -t2 -c16 -d"${SECONDS_EACH}s" --timeout 5s -s "bench/$2" \
    "http://127.0.0.1:$port$3" | tail -n 1)
  echo "$1: $out"
  RESULTS+=("\"$1\": $out")
}
RESULTS=()
run calculation_api wrk_calc.lua /api/v1/calculations
run precalculation_page wrk_page.lua /pre-calculation/
before=$(psql -tA -h 127.0.0.1 -U postgres -d "$DB" -c "SELECT count(*) FROM applications_application WHERE status='received' AND kind='monthly'")
run reapplication_submit wrk_reapply.lua /
after=$(psql -tA -h 127.0.0.1 -U postgres -d "$DB" -c "SELECT count(*) FROM applications_application WHERE status='received' AND kind='monthly'")
logged=$(psql -tA -h 127.0.0.1 -U postgres -d "$DB" -c "SELECT count(*) FROM audit_accesslogentry WHERE object_type='application' AND action='write'")
echo "re-applications received during the runs (warm-up included): $((after - before)); application write log rows: $logged"
for _ in $(seq 1 50); do curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$FLOOR_PORT/health/" && break; sleep 0.2; done
run gated_floor wrk_reapply.lua / "$FLOOR_PORT"
floor_logged=$(psql -tA -h 127.0.0.1 -U postgres -d "$DB" -c "SELECT count(*) FROM audit_accesslogentry WHERE object_type='bench_floor'")
echo "gated floor log rows (warm-up included): $floor_logged"
run bare_django_insert wrk_reapply.lua / "$BARE_PORT"
RESULTS_JSON="{$(IFS=,; echo "${RESULTS[*]}")}"
echo "$RESULTS_JSON" | .venv/bin/python -c "import json, sys; r = json.load(sys.stdin); \
rps = {k: v['rps'] for k, v in r.items()}; \
print(f\"re-application / bare Django insert: {rps['reapplication_submit'] / rps['bare_django_insert']:.2f} (goal: 650/930 = 0.70)\"); \
print(f\"gated floor / bare Django insert: {rps['gated_floor'] / rps['bare_django_insert']:.2f}\"); \
print(f\"re-application / gated floor: {rps['reapplication_submit'] / rps['gated_floor']:.2f}\"); \
failed = [k for k, v in r.items() if v['errors']]; \
print(f\"SCENARIOS WITH ERROR ANSWERS: {failed}\") if failed else None; sys.exit(1 if failed else 0)"
echo "$RESULTS_JSON"
