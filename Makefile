# Claimtrail: `make run` to use it (the server and a task worker), `make test` to check it.
# Django 6.1 needs Python 3.12 or newer: the first such interpreter found on PATH (pyenv's
# installed versions included), else python3, whose version the venv step then checks.
ifeq ($(origin PYTHON), undefined)
PYTHON := $(shell for p in python3.14 python3.13 python3.12 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; \
	do $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
endif
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Two workers: the suite is dominated by browser and database round trips.
PYTEST_ARGS ?= -n 2
PIP := $(BIN)/pip install --quiet --disable-pip-version-check --require-hashes

.PHONY: run test install install-dev lint screenshots eval-assistant bench soak clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Claimtrail needs Python 3.12 or newer (Django 6.1): none found. Set PYTHON=/path/to/python3.12." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(PIP) -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(PIP) -r requirements-dev.lock
	touch $@ $(VENV)/.installed

# axe-core for the browser tests' accessibility audit, from the npm registry, as locked.
AXE := tests/browser/vendor/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/vendor/package-lock.json
	npm ci --prefix tests/browser/vendor --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev $(AXE)

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py loaddemo
	DEBUG=1 $(BIN)/python manage.py ensureadmin --url http://127.0.0.1:$(PORT)/accounts/login/
	@# A task worker beside the server, in one process group: Ctrl-C stops both (the trap
	@# also ends the worker if the server stops on its own).
	@DEBUG=1 $(BIN)/python manage.py db_worker --interval 0.5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# ruff, and import-linter's contracts (pyproject.toml): the apps depend one way only.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

test: lint
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=1 $(BIN)/pytest $(PYTEST_ARGS)

screenshots: install-dev
	DEBUG=1 CLAIMTRAIL_SCREENSHOTS=1 $(BIN)/pytest tests/browser -k screenshot

# Precision and recall of the quote assistant on tests/data/assistant (-v 2 lists misses).
eval-assistant: install
	DEBUG=1 $(BIN)/python manage.py evalassistant -v 2

# A scratch PostgreSQL database (DATABASE_URL overrides), a generated newsroom, one table.
# SIZE=small for a run of under two minutes; BENCH_ARGS="--reuse" keeps the data.
SIZE ?= full
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run --size $(SIZE) $(BENCH_ARGS)
	# 20 researchers editing the same claims for 60 s: zero 5xx, zero lost updates, p95.
	$(BIN)/python bench/load_edits.py $(if $(filter small,$(SIZE)),--seconds 15,)

# Scale-out shown: two app servers and two task workers behind HAProxy on 127.0.0.1, a
# scratch PostgreSQL database (SOAK_POSTGRES, 127.0.0.1's by default; dropped after), 50
# researchers for 60 s, one server and one worker killed halfway. Its last line sums it up.
soak: install
	@command -v haproxy >/dev/null || (apt-get update -qq && apt-get install -y -qq haproxy)
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

clean:
	rm -rf $(VENV) var staticfiles
