# Two commands for a newcomer: `make run` and `make test`. Each sets up .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ADDRESS ?= 127.0.0.1
# One install stamp per need: running installs only what running needs; the test extras come
# with `make test`, the benchmark extras with `make bench` (and `make test`, which tests them).
VENV_STAMP := $(VENV)/.venv-stamp
RUN_STAMP := $(VENV)/.run-stamp
TEST_STAMP := $(VENV)/.test-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
# The clause reader is compiled when the package is installed (setup.py): an edit to its source
# installs again, or it reads as pure Python (model/native.py).
NATIVE_SOURCES := setup.py model/reader.py model/lexicon.py

.PHONY: run test bench load lint chromium postgresql clean

$(VENV_STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(RUN_STAMP): pyproject.toml $(NATIVE_SOURCES) $(VENV_STAMP)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(NATIVE_SOURCES) $(VENV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(BENCH_STAMP): pyproject.toml $(NATIVE_SOURCES) $(VENV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

chromium:
	@bash scripts/ensure-chromium.sh

postgresql:
	@bash scripts/ensure-postgresql.sh

run: $(RUN_STAMP) chromium
	$(BIN)/summit-outlook serve --address $(ADDRESS) --port $(PORT)

# The suite also runs the benchmark harness (tests/test_benchmarks.py), so it needs both extras.
# The load test (marked `alone`) runs after the rest, by itself: it measures ten browser sessions
# against one dashboard, not against the other half of the suite running beside it.
test: $(TEST_STAMP) $(BENCH_STAMP) chromium postgresql
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not alone"
	$(BIN)/python -m pytest -m alone

bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks

# Ten real browser sessions against one local dashboard for 60 s (issue 6); needs Chromium.
load: $(TEST_STAMP) chromium
	$(BIN)/python -m benchmarks.load

lint: $(TEST_STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache *.egg-info build summit_outlook/_native/*.so
