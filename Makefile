# Claimtrail: `make run` to use it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PIP := $(BIN)/pip install --quiet --disable-pip-version-check --require-hashes

.PHONY: run test install install-dev lint screenshots eval-assistant clean

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

clean:
	rm -rf $(VENV) var staticfiles
