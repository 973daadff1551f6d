# Two commands: `make run` (set up + serve the app) and `make test` (set up + all checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install system bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	FLET_WEB_NO_CDN=1 $(BIN)/safesleep run --demo --host 127.0.0.1 --port 8550

system:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check app tests

test: $(STAMP) system
	$(BIN)/ruff check app tests
	$(BIN)/ruff format --check app tests
	. scripts/test-env.sh && $(BIN)/python -m pytest

bench: $(STAMP) system
	. scripts/test-env.sh && for b in assess store leaflet sync ui; do $(BIN)/python -m tests.bench.$$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
