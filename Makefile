# Claimtrail: `make run` to use it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Two workers: the suite is dominated by browser and database round trips.
PYTEST_ARGS ?= -n 2
PIP := $(BIN)/pip install --quiet --disable-pip-version-check --require-hashes

.PHONY: run test install install-dev lint screenshots eval-assistant bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(PIP) -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(PIP) -r requirements-dev.lock
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py loaddemo
	DEBUG=1 $(BIN)/python manage.py ensureadmin --url http://127.0.0.1:$(PORT)/accounts/login/
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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

clean:
	rm -rf $(VENV) var staticfiles
