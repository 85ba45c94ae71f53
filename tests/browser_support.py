"""What the real-browser tests share: finding Chromium, starting the dashboard, launching the browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.export import find_chromium

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app.py"
# Debian's Chromium as the probe of this machine runs it: without the background-networking
# flags it tries (and fails) to reach Google's hosts at every start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 60


def require_chromium() -> Path:
    """The Chromium binary to use; without one, skip (or fail when CI=true, where it must exist)."""
    found = find_chromium()
    if found.path is not None:
        return found.path
    message = f"CHROMIUM MISSING, test not run: {found.reason} (`make chromium` installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; under CI=true a missing browser is a failure")
    pytest.skip(message)
    raise AssertionError("unreachable")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"streamlit did not answer within {SERVER_START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


@contextmanager
def running_dashboard(environment: Mapping[str, str], log: Path) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free loopback port; yields its URL, stops it after."""
    port = free_port()
    command = [
        *(sys.executable, "-m", "streamlit", "run", str(APP)),
        *("--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port)),
        *("--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"),
    ]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, env=dict(environment)
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def launched_browser(chromium: Path) -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
