"""Shared test helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The console command installed into the same environment as the interpreter running the tests.
CLI = Path(sys.executable).parent / "summit-outlook"


def run_cli(
    *args: str, input_text: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the installed `summit-outlook` command and capture its output."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [str(CLI), *args],
        capture_output=True,
        text=True,
        input=input_text,
        cwd=cwd or REPO,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def cli():
    if not CLI.exists():
        pytest.fail(f"console command not installed at {CLI}; run `make test`")
    return run_cli
