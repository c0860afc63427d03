# The two commands of the README: `make demo` and `make test`. Everything else is set-up for them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OH := $(BIN)/openhandhaving
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/openhandhaving
SEED ?= 1

.PHONY: demo test setup lint pytest-sqlite pytest-postgres e2e serve clean

setup: $(VENV)/.installed src/openhandhaving/static/vendor/.built messages

$(VENV)/.installed: pyproject.toml
	@bash scripts/system_packages.sh pango
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

src/openhandhaving/static/vendor/.built: package.json package-lock.json scripts/build_assets.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $@

messages: $(VENV)/.installed
	@bash scripts/system_packages.sh gettext
	cd src/openhandhaving && ../../$(OH) compilemessages --ignore=.venv -v 0

demo: setup
	$(OH) migrate --no-input -v 0
	$(OH) demo --seed $(SEED) --reset
	$(OH) collectstatic --no-input -v 0
	$(OH) serve

serve: setup
	$(OH) serve

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench conftest.py
	$(BIN)/ruff format --check src tests bench conftest.py

pytest-sqlite: setup
	env -u DATABASE_URL $(BIN)/pytest -m "not e2e" -q -n 2

pytest-postgres: setup
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -m "not e2e" -q -n 2 --create-db

e2e: setup
	@bash scripts/system_packages.sh chromium
	env -u DATABASE_URL $(BIN)/pytest -m e2e -q

test: setup lint pytest-sqlite pytest-postgres e2e

clean:
	rm -rf $(VENV) node_modules src/openhandhaving/static/vendor var
