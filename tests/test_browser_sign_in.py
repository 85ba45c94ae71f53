"""Signing in through a proxy's header, in headless Chromium (issue 15, item 4): wrong passwords
count against the connection's own address, whatever X-Forwarded-For says, unless the operator
names trusted proxies (FORWARDED_ALLOW_IPS); then against the address the proxy reports.

Streamlit serves through uvicorn, which left to itself believes X-Forwarded-For from this machine
(127.0.0.1, ::1): any client here (an SSH tunnel, a local proxy passing the header on) could name
a fresh address for every five guesses. The browser plays such a client: each context sends its
own header from 127.0.0.1. Three servers: as `summit-outlook serve` starts it (no proxy trusted),
as a bare `streamlit run` with uvicorn's default (the dashboard sees through it), and with the
operator naming 127.0.0.1 as its proxy (a reverse proxy on this machine).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from summit_outlook.cli.serve import server_environment
from summit_outlook.dashboard.auth import MAX_FAILED_SIGN_INS, SECRET_ENV
from summit_outlook.paths import TRUSTED_PROXIES_VARIABLE
from tests.browser_support import PAGE_TIMEOUT_MS, launched_browser, require_chromium, running_dashboard
from tests.test_browser import VIEWPORT, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SECRET = "the right one"
WRONG = "That is not the editor password."
PAUSED = "Too many wrong passwords from your address: signing in is paused for 5 minutes."
SIGNED_IN = "Signed in as an editor"
SERVE = "as summit-outlook serve starts it"
UVICORN_DEFAULT = "FORWARDED_ALLOW_IPS unset"
LOCAL_PROXY = "127.0.0.1"
# The four rotating addresses the guesser gave itself twenty guesses with (TEST-NET-3).
ROTATING = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]


@pytest.fixture(scope="module", params=[SERVE, UVICORN_DEFAULT, LOCAL_PROXY])
def server(request, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The dashboard with an editor secret, trusting no proxy, uvicorn's default, or 127.0.0.1."""
    chromium = require_chromium()
    folder = tmp_path_factory.mktemp("sign_in")
    environment = {
        **os.environ,
        "SUMMIT_OUTLOOK_CHROMIUM": str(chromium),
        "SUMMIT_OUTLOOK_DB_URL": f"sqlite:///{folder / 'statements.db'}",
        SECRET_ENV: SECRET,
    }
    environment.pop("SUMMIT_OUTLOOK_STATEMENTS", None)
    environment.pop(TRUSTED_PROXIES_VARIABLE, None)
    if request.param == SERVE:
        environment = server_environment(environment)
    elif request.param == LOCAL_PROXY:
        environment[TRUSTED_PROXIES_VARIABLE] = LOCAL_PROXY
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


def test_wrong_passwords_count_against_the_connection_unless_a_proxy_is_named(
    browser, server: tuple[str, str]
) -> None:
    url, setting = server
    if setting != LOCAL_PROXY:
        # Every client here is one client: a header of its own, rotated, gets no fresh guesses.
        guessers = [statements_tab(browser, url, address) for address in ROTATING]
        for attempt in range(MAX_FAILED_SIGN_INS):
            sign_in(guessers[attempt % len(guessers)], "guess", expected=WRONG)
        for guesser in guessers:
            sign_in(guesser, SECRET, expected=PAUSED)
        sign_in(statements_tab(browser, url, "198.51.100.9"), SECRET, expected=PAUSED)
        return

    # Behind the named proxy, each client counts against the address the proxy saw.
    guesser = statements_tab(browser, url, "6.6.6.6, 203.0.113.7")
    for _ in range(MAX_FAILED_SIGN_INS):
        sign_in(guesser, "guess", expected=WRONG)
    sign_in(guesser, "guess", expected=PAUSED)
    # Claiming another address in the header's client part changes nothing.
    disguised = statements_tab(browser, url, "1.1.1.1, 203.0.113.7")
    sign_in(disguised, SECRET, expected=PAUSED)
    # Someone else behind the same proxy signs in as usual.
    colleague = statements_tab(browser, url, "203.0.113.8")
    sign_in(colleague, SECRET, expected=SIGNED_IN)
