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
