# Two commands for a newcomer: `make run` and `make test`. Each sets up .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501
ADDRESS ?= 127.0.0.1

.PHONY: run test bench load lint chromium postgresql clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

chromium:
	@bash scripts/ensure-chromium.sh

postgresql:
	@bash scripts/ensure-postgresql.sh

run: $(STAMP) chromium
	$(BIN)/streamlit run dashboard/app.py --server.address $(ADDRESS) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(STAMP) chromium postgresql
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Ten real browser sessions against one local dashboard for 60 s (issue 6); needs Chromium.
load: $(STAMP) chromium
	$(BIN)/python -m benchmarks.load

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
