# shellcheck shell=bash
# The environment bench/web.sh and bench/send_cpu.sh run the production settings in, sourced
# from the checkout's root with DB set: PostgreSQL with kept connections, sessions in Redis,
# mail to a dummy backend, no rate limit on the calculation API.
export BENCH_DIR="$PWD/bench" BENCH_SESSIONS="$PWD/var/bench-sessions.txt"
export DJANGO_SETTINGS_MODULE=bistand.config.settings.production
set -a; . ./.env.example; set +a
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" DATABASE_CONN_MAX_AGE=600
export DJANGO_ALLOWED_HOSTS=127.0.0.1 CACHE_URL=redis://127.0.0.1:6379/9
export BISTAND_CALCULATION_RATE=100000000/s EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
export USE_OIDC=false LOG_LEVEL=ERROR ATTACHMENTS_ROOT="$PWD/var/bench-attachments"
# The sessions are made once, before the rounds (and bench/send_cpu.sh may run hours later): a
# day without activity, as long as they last. The check costs the same whatever the limit.
export BISTAND_IDLE_LOGOUT_SECONDS=86400
