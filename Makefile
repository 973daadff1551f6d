# Two commands: `make run` (set up + serve the app) and `make test` (set up + all checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Bytecode caches on (__pycache__/ is git-ignored): with PYTHONDONTWRITEBYTECODE set, every pytest worker
# and every process the tests start (app, server, CLI) compiled the whole code base from source again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: fuzz run test test-fast screens check lint install system bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[device,server,dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	FLET_WEB_NO_CDN=1 $(BIN)/safesleep run --demo --host 127.0.0.1 --port 8550

system:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check app tests scripts

# Static checks: lint, format and types (mypy --strict; settings and the ratchet list in pyproject.toml).
check: $(STAMP)
	$(BIN)/ruff check app tests scripts
	$(BIN)/ruff format --check app tests scripts
	$(BIN)/mypy

# Every check and every test (browser, PostgreSQL, kill/restart included), on two workers
# (pytest-xdist); the browser tests keep to one worker (tests/conftest.py).
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=
test: check system
	. scripts/test-env.sh && $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The inner loop: no browser, no PostgreSQL, no slow kill/restart tests; needs no root.
test-fast: $(STAMP)
	FLET_WEB_NO_CDN=1 $(BIN)/python -m pytest -n $(PYTEST_WORKERS) -m "not e2e and not postgres and not slow" -q $(PYTEST_ARGS)

# Screenshots of every screen of the app (phone, tablet, portrait tablet) and the portal (phone, tablet,
# desktop) into test-artifacts/: the browser tests with every flow at every size, photographing as they go.
screens: $(STAMP) system
	. scripts/test-env.sh && SAFESLEEP_SCREENSHOTS=1 $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m e2e -q $(PYTEST_ARGS)

bench: $(STAMP) system
	. scripts/test-env.sh && for b in assess store leaflet sync ui; do $(BIN)/python -m tests.bench.$$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info

# Schemathesis against real servers (SQLite and PostgreSQL): 0 server errors expected.
fuzz: $(STAMP) system
	. scripts/test-env.sh && $(BIN)/python -m tests.server.fuzz 50
