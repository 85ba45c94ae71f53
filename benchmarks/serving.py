"""A Streamlit app served on a free loopback port, and Chromium's flags: shared by the load test,
the browser benchmark and the browser tests, so each starts and stops the server the same way."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

from summit_outlook.cli.serve import streamlit_command
from summit_outlook.paths import dashboard_app

REPO = Path(__file__).resolve().parent.parent
APP = dashboard_app()
# Debian's Chromium as the probe of this machine runs it: without the background-networking
# flags it tries (and fails) to reach Google's hosts at every start.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
SERVER_START_TIMEOUT_S = 60
# Health checks go straight to the local server, never through a proxy named in the environment.
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ServerFailed(RuntimeError):
    """The server did not start; the message ends with its log."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(app: Path, environment: Mapping[str, str], log: Path) -> Iterator[str]:
    """`streamlit run APP` with the dashboard's settings (as `summit-outlook serve` runs it) and
    exactly this environment, on a free loopback port; yields its URL once it answers, stops it
    after. Raises ServerFailed when it exits or does not answer."""
    port = free_port()
    command = streamlit_command(app, port=port, address="127.0.0.1")
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


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"streamlit exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with LOOPBACK.open(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise ServerFailed(
        f"streamlit did not answer within {SERVER_START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}"
    )
