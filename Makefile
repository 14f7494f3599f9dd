# hammplan: two commands on a fresh machine.
#   make report   build curated data and reports from the bundled PDF (creates the venv first)
#   make test     run the test suite (creates the venv, installs the test browser first)
# `make help` lists every target.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.DEFAULT_GOAL := help
.PHONY: help install browser report check-outputs extract validate render serve test test-fast lint format typecheck check bench clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/hammplan: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/hammplan ## Create .venv with the pinned dependencies (requirements.lock)

browser: ## Install headless Chromium (Debian package) for the report's browser test
	bash scripts/install-browser.sh

# build exits 0 when it succeeds, whatever the plan's findings (they are output, not a
# failure); any other exit code (a bad input, no plan, a bug, pages it could not read) fails.
report: install ## Build data/curated/ and reports/ from the bundled PDF (hammplan build)
	$(BIN)/hammplan build --data-dir data --out reports
	bash scripts/check-outputs.sh data reports

check-outputs: ## Fail unless reports/ and data/curated/ hold a complete set of outputs
	bash scripts/check-outputs.sh data reports

extract: install ## Stage 1 only: data/raw/*.pdf -> data/interim/extracted.json
	$(BIN)/hammplan extract --data-dir data

validate: install ## Stage 2 only: -> data/curated/ (exit 1: the plan has error findings)
	$(BIN)/hammplan validate --data-dir data

render: install ## Stage 3 only: data/curated/plan.json -> reports/
	$(BIN)/hammplan render --data-dir data --out reports

serve: install ## Browse data/curated/hammplan.sqlite in Datasette on http://127.0.0.1:8001
	@test -f data/curated/hammplan.sqlite || { echo "Error: data/curated/hammplan.sqlite is missing; run make report first" >&2; exit 1; }
	@$(BIN)/python -c "import datasette" 2>/dev/null || { echo "Error: Datasette is not installed; $(BIN)/pip install datasette (pinned in requirements.lock)" >&2; exit 1; }
	$(BIN)/datasette serve data/curated/hammplan.sqlite --metadata data/curated/metadata.json --host 127.0.0.1 --port 8001

test: install browser ## Run the test suite
	$(BIN)/python -m pytest

test-fast: install ## The inner loop: every test not marked slow or browser (make test runs all)
	$(BIN)/python -m pytest -m "not slow and not browser"

lint: install ## Lint and format-check with ruff, check the import contract (tests/test_architecture.py)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_architecture.py

format: install ## Format the code with ruff (make lint fails on unformatted code)
	$(BIN)/ruff format src tests $(wildcard bench)

typecheck: install ## Type-check with mypy (strict)
	$(BIN)/mypy

check: lint typecheck test ## Lint, type-check and test

bench: install ## Time extract, validate, render and build against plain pdfplumber
	$(BIN)/python bench/bench.py

clean: ## Remove the venv and everything built
	rm -rf $(VENV) data/interim data/curated/*.* reports/*.html reports/*.md reports/charts
