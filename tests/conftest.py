"""Shared test helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The console command installed into the same environment as the interpreter running the tests.
CLI = Path(sys.executable).parent / "summit-outlook"


def run_cli(
    *args: str, input_text: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the installed `summit-outlook` command (in the test's own temporary folder unless told
    otherwise) and capture its output."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [str(CLI), *args],
        capture_output=True,
        text=True,
        input=input_text,
        cwd=cwd or Path.cwd(),
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(autouse=True)
def _outside_the_repository(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test runs in a temporary folder, as a user's command runs anywhere: nothing may
    depend on the repository root being the working folder (its data/, a local package)."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture
def cli():
    if not CLI.exists():
        pytest.fail(f"console command not installed at {CLI}; run `make test`")
    return run_cli


# A remark with no summit signal, added by tests that need all three kinds of marker: since the
# rules of 2 Dec 2026 (evening) every bundled statement carries a signal. Test data, not a quote.
QUIET_REMARK = "The ministry also published figures on the fishing catch."


def bundled_with_a_quiet_remark():
    """The bundled statements as a frame, plus QUIET_REMARK on the last statement's day."""
    import pandas as pd

    from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame

    frame = to_frame(read_statements_csv(bundled_statements_path()))
    quiet = frame.iloc[[-1]].assign(text=QUIET_REMARK, note="test data: a remark with no signal")
    return pd.concat([frame, quiet], ignore_index=True)
