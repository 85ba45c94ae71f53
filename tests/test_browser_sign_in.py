"""Signing in behind a reverse proxy, in headless Chromium: wrong passwords count per client address
as the proxy reports it (X-Forwarded-For), never as the client claims it.

Streamlit serves through uvicorn, which takes the client's address from X-Forwarded-For when the
connection comes from a trusted proxy: FORWARDED_ALLOW_IPS, 127.0.0.1 and ::1 unless set. The
proxy is played by the browser itself: each context sends the header a proxy would pass on, from
127.0.0.1, as a proxy on the same machine would.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from summit_outlook.dashboard.auth import MAX_FAILED_SIGN_INS, SECRET_ENV
from tests.browser_support import launched_browser, require_chromium, running_dashboard
from tests.test_browser import PAGE_TIMEOUT_MS, VIEWPORT, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SECRET = "the right one"
WRONG = "That is not the editor password."
PAUSED = "Too many wrong passwords from your address: signing in is paused for 5 minutes."
SIGNED_IN = "Signed in as an editor"
# uvicorn's setting: which proxies' X-Forwarded-For to believe.
FORWARDED_ALLOW_IPS = "FORWARDED_ALLOW_IPS"
# A proxy address that is not where the test's connections come from (TEST-NET-1).
ELSEWHERE = "192.0.2.1"


@pytest.fixture(scope="module", params=["default", ELSEWHERE])
def server(request, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The dashboard with an editor secret; FORWARDED_ALLOW_IPS as uvicorn's default, or naming a
    proxy elsewhere (so the header of connections from 127.0.0.1 is not believed)."""
    chromium = require_chromium()
    folder = tmp_path_factory.mktemp("sign_in")
    environment = {
        **os.environ,
        "SUMMIT_OUTLOOK_CHROMIUM": str(chromium),
        "SUMMIT_OUTLOOK_DB_URL": f"sqlite:///{folder / 'statements.db'}",
        SECRET_ENV: SECRET,
    }
    environment.pop("SUMMIT_OUTLOOK_STATEMENTS", None)
    environment.pop(FORWARDED_ALLOW_IPS, None)
    if request.param != "default":
        environment[FORWARDED_ALLOW_IPS] = request.param
    with running_dashboard(environment, folder / "server.log") as url:
        yield url, request.param


@pytest.fixture
def browser():
    with launched_browser(require_chromium()) as launched:
        yield launched


def statements_tab(browser, url: str, forwarded_for: str):
    """A new session whose requests arrive with this X-Forwarded-For, on the Statements tab."""
    context = browser.new_context(viewport=VIEWPORT, extra_http_headers={"X-Forwarded-For": forwarded_for})
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    page.goto(url + "/?summit=trump-putin-2025")
    wait_for_app(page)
    page.get_by_role("tab", name="Statements").click()
    page.get_by_role("textbox", name="Editor password").wait_for(state="visible")
    return page


def sign_in(page, password: str, *, expected: str) -> None:
    """Submit the password and wait for this submission's answer (an error, or signed in).

    The previous attempt's error stays on the page until the new answer replaces it, so an error
    is awaited only once the server has emptied the password box, which it does on reading it.
    """
    box = page.get_by_role("textbox", name="Editor password")
    box.fill(password)
    page.get_by_role("button", name="Sign in").click()
    if expected != SIGNED_IN:
        expect(box).to_have_value("", timeout=PAGE_TIMEOUT_MS)
        page.locator("[data-testid='stStatusWidget']").wait_for(state="detached")
    expect(page.get_by_text(expected)).to_be_visible(timeout=PAGE_TIMEOUT_MS)


def test_wrong_passwords_count_against_the_address_the_proxy_saw(browser, server: tuple[str, str]) -> None:
    url, trusted = server
    guesser = statements_tab(browser, url, "6.6.6.6, 203.0.113.7")
    for _ in range(MAX_FAILED_SIGN_INS):
        sign_in(guesser, "guess", expected=WRONG)
    sign_in(guesser, "guess", expected=PAUSED)

    # Claiming another address in the header's client part changes nothing.
    disguised = statements_tab(browser, url, "1.1.1.1, 203.0.113.7")
    sign_in(disguised, SECRET, expected=PAUSED)

    # Someone else behind the same proxy signs in as usual, when the proxy is trusted; when it is
    # not, every connection from it is one client, and the guesser has paused them all.
    colleague = statements_tab(browser, url, "203.0.113.8")
    sign_in(colleague, SECRET, expected=SIGNED_IN if trusted == "default" else PAUSED)
