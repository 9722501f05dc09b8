# Two commands on a fresh machine with python3 and make:  make demo  /  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SRC    := src tests benchmarks scripts examples
# Coverage floor: raise it as tests grow, never lower it.
COV_FLOOR := 96.5
# pytest-xdist workers: twice the cores, since many tests wait on servers, sockets and sleeps.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); echo $$((n * 2)))

.PHONY: setup demo test lint typecheck pytest fuzz bench format coverage-doc clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/coupang-seller demo

lint: setup
	$(BIN)/ruff format --check $(SRC)
	$(BIN)/ruff check $(SRC)

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -n $(PYTEST_WORKERS) --cov --cov-report=term --cov-fail-under=$(COV_FLOOR)

test: lint typecheck pytest

# Longer schemathesis runs (stateful links, many more examples); minutes, not part of CI.
fuzz: setup
	$(BIN)/pytest tests/openapi -m slow_fuzz -p no:cacheprovider

bench: setup
	$(BIN)/python -m benchmarks

format: setup
	$(BIN)/ruff format $(SRC)
	$(BIN)/ruff check --fix $(SRC)

coverage-doc: setup
	$(BIN)/python scripts/gen_coverage.py > docs/COVERAGE.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage
