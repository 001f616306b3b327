# Bistånd: `make run` and `make test` are the two commands; everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= bistand.config.settings.local
PG_URL ?= postgres://postgres@127.0.0.1:5432/bistand

.PHONY: screenshots install run demo-reset test test-sqlite test-postgresql check lint typecheck migrations-check check-deploy messages clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Compiled catalogues are committed; recompile when gettext's msgfmt is on the machine.
messages: install
	@if command -v msgfmt >/dev/null; then $(BIN)/bistand compilemessages --ignore=.venv >/dev/null; \
	else echo "msgfmt not found: using the committed .mo catalogues"; fi

run: install messages
	mkdir -p var
	$(BIN)/bistand migrate --no-input
	$(BIN)/bistand demo_data
	@# Today's reminders, as the daily scheduler would queue them in production (each is sent once).
	$(BIN)/bistand remind
	@# Unsent drafts past their day and files no record names, as the nightly timer deletes them.
	$(BIN)/bistand dispose_unsent
	@# The task worker sends the queued notices (ADR 0013); it stops with the server.
	$(BIN)/bistand db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/bistand runserver 127.0.0.1:8000

# A new demo, made today: the earlier embedded database and its files are kept under var/earlier-*.
demo-reset:
	@if [ -n "$$DATABASE_URL" ]; then echo "demo-reset replaces only the embedded demo database; DATABASE_URL is set"; exit 1; fi
	@if [ -e var/bistand.sqlite3 ]; then kept=var/earlier-$$(date +%Y%m%d-%H%M%S); mkdir -p $$kept; \
		for part in bistand.sqlite3 attachments media; do [ -e var/$$part ] && mv var/$$part $$kept/; done; \
		echo "The earlier demo is kept in $$kept"; fi
	$(MAKE) run

# The whole suite on the embedded SQLite database, then again on PostgreSQL.
# Without a reachable server the PostgreSQL leg skips with a visible reason,
# unless BISTAND_REQUIRE_POSTGRESQL=1 (CI sets it) turns that into a failure.
test: install messages lint typecheck migrations-check check-deploy test-sqlite test-postgresql

test-sqlite: install
	DJANGO_SETTINGS_MODULE=bistand.config.settings.test DATABASE_URL= $(BIN)/pytest -q

test-postgresql: install
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)'.replace('/bistand','/postgres'), connect_timeout=3).close()" 2>/dev/null; then \
		DJANGO_SETTINGS_MODULE=bistand.config.settings.test DATABASE_URL=$(PG_URL) $(BIN)/pytest -q; \
	elif [ "$$BISTAND_REQUIRE_POSTGRESQL" = "1" ]; then \
		echo "PostgreSQL at $(PG_URL) is not reachable and BISTAND_REQUIRE_POSTGRESQL=1"; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL leg — no server reachable at $(PG_URL)"; \
	fi

lint: install
	$(BIN)/ruff check src tests tools $(wildcard bench)
	$(BIN)/ruff format --check src tests tools $(wildcard bench)
	$(BIN)/lint-imports

typecheck: install
	DJANGO_SETTINGS_MODULE=bistand.config.settings.test $(BIN)/mypy src

migrations-check: install
	mkdir -p var
	DJANGO_SETTINGS_MODULE=bistand.config.settings.test $(BIN)/bistand makemigrations --check --dry-run

check: test

check-deploy: install
	set -a && . ./.env.example && set +a && DJANGO_SETTINGS_MODULE=bistand.config.settings.production \
		$(BIN)/bistand check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var/*.sqlite3

# The key applicant pages (Swedish and Arabic, desktop and 375 px) into docs/screenshots/.
screenshots: install messages
	DJANGO_SETTINGS_MODULE=bistand.config.settings.test DATABASE_URL= $(BIN)/pytest -q -p no:cacheprovider \
		tools/screenshots --rootdir=. -c pyproject.toml
