"""What the real-browser tests share: finding Chromium, starting the dashboard, launching the browser."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from benchmarks.serving import APP, CHROMIUM_ARGS, ServerFailed, streamlit_server
from summit_outlook.report.export import find_chromium
from tests.requirements import missing

# How long a page may take for anything it waits on, opening included. A new session's first
# render takes 6-8 s on this 2-core machine when it is idle; beside the other half of the suite
# (xdist's second worker) one took over 30 s, the former bound, and failed a fresh-clone run. A
# wait is no timing test: the bound only says when a page that never renders counts as broken.
PAGE_TIMEOUT_MS = 120_000


def require_chromium() -> Path:
    """The Chromium binary to use; without one, skip (or fail when CI=true, where it must exist)."""
    found = find_chromium()
    if found.path is not None:
        return found.path
    message = f"CHROMIUM MISSING, test not run: {found.reason} (`make chromium` installs it)"
    missing(message)


@contextmanager
def running_dashboard(environment: Mapping[str, str], log: Path) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free loopback port; yields its URL, stops it after."""
    with ExitStack() as stack:
        try:
            url = stack.enter_context(streamlit_server(APP, environment, log))
        except ServerFailed as error:
            pytest.fail(str(error))
        yield url


@contextmanager
def launched_browser(chromium: Path) -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()
