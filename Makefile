# Quick start: `make run` serves the portal with demo data; `make test` runs the suite.
# Nothing needs configuring: without DATABASE_URL/REDIS_URL the portal runs on
# SQLite with Celery tasks in-process. See README.md for PostgreSQL + Redis.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell cksum requirements-dev.lock | cut -d' ' -f1)
MO_FILES := $(patsubst %.po,%.mo,$(shell find locale locale_upstream */locale -name '*.po' 2>/dev/null))
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install messages static lint format check benchmark makemessages clean

install: $(STAMP)

$(STAMP): requirements-dev.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	rm -f $(VENV)/.installed-*
	touch $@

messages: $(MO_FILES)

%.mo: %.po
	msgfmt --check-format -o $@ $<

# Collected again only when a static file or the installed packages changed: two
# `make test` side by side (CI's two passes) once both ran collectstatic over the same
# folder, and one compressed a file the other was rewriting.
STATIC_SOURCES := $(shell find static/ */static/ 2>/dev/null)
STATIC_STAMP := staticfiles/.collected

static: $(STATIC_STAMP)

$(STATIC_STAMP): $(STAMP) $(STATIC_SOURCES)
	$(MANAGE) collectstatic --noinput --verbosity 0
	touch $@

run: install messages static
	DEBUG=$${DEBUG:-true} $(MANAGE) migrate --noinput
	DEBUG=$${DEBUG:-true} $(MANAGE) seed_demo
	DEBUG=$${DEBUG:-true} $(MANAGE) runserver $(HOST):$(PORT)

test: install messages static
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate the catalogs after adding strings (then translate the new entries).
makemessages: install
	$(MANAGE) makemessages --all --no-location --no-obsolete --ignore=node_modules --ignore=staticfiles --ignore=tests

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
	find . -name '*.mo' -not -path './$(VENV)/*' -delete
