# hammplan: two commands on a fresh machine.
#   make report   build everything from the bundled PDF (creates the venv first)
#   make test     run the test suite (creates the venv first)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PDF    := $(wildcard data/raw/*.pdf)

.PHONY: report extract test lint typecheck check bench clean

$(BIN)/hammplan: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

data/interim/extracted.json: $(BIN)/hammplan $(PDF) $(shell find src -name '*.py' -o -name '*.toml')
	$(BIN)/hammplan extract --data-dir data

# validate exits 1 when the plan contradicts itself; the findings are output, not a failure.
data/curated/plan.json: data/interim/extracted.json
	$(BIN)/hammplan validate --data-dir data || [ $$? -eq 1 ]

report: data/curated/plan.json

extract: $(BIN)/hammplan
	$(BIN)/hammplan extract --data-dir data

test: $(BIN)/hammplan
	$(BIN)/python -m pytest

lint: $(BIN)/hammplan
	$(BIN)/ruff check src tests

typecheck: $(BIN)/hammplan
	$(BIN)/mypy

check: lint typecheck test

bench: $(BIN)/hammplan
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) data/interim data/curated/*.* reports/*.html reports/*.md
