"""Adding a statement in the real dashboard, in headless Chromium: the form, the table, the headline.

Uses Debian's Chromium through Playwright's `executable_path` (never Playwright's own browser
downloads); without Chromium the test skips loudly, except under CI=true.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from summit_outlook.model.explain import describe_signal, explain_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from tests.browser_support import PAGE_TIMEOUT_MS, launched_browser, require_chromium, running_dashboard
from tests.test_browser import VIEWPORT, headline, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Set this to keep the full-page screenshot of the Statements tab, with a statement previewed.
SCREENSHOT_ENV = "SUMMIT_OUTLOOK_STATEMENTS_SCREENSHOT"
QUOTE = "The summit has been cancelled."


def explained_line(text: str) -> str:
    """The one explanation line the model gives this text, as the preview must show it."""
    rules = default_rules()
    (explained,) = explain_texts([text], rules, Weights.defaults(rules))
    (signal,) = explained["signals"]
    return describe_signal(signal)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """`streamlit run` on a fresh store seeded from the bundled data, editing open (no secret)."""
    chromium = require_chromium()
    folder = tmp_path_factory.mktemp("editing")
    environment = {
        **os.environ,
        "SUMMIT_OUTLOOK_CHROMIUM": str(chromium),
        "SUMMIT_OUTLOOK_DB_URL": f"sqlite:///{folder / 'statements.db'}",
    }
    for name in ("SUMMIT_OUTLOOK_STATEMENTS", "SUMMIT_OUTLOOK_EDITOR_SECRET"):
        environment.pop(name, None)
    with running_dashboard(environment, folder / "server.log") as url:
        yield url


@pytest.fixture
def page(server: str):
    with launched_browser(require_chromium()) as browser:
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        opened = context.new_page()
        opened.goto(server + "/?summit=trump-putin-2025")
        wait_for_app(opened)
        yield opened


def settle(page) -> None:
    """Until the rerun a click started has finished."""
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached")


def full_page_screenshot(page, path: Path) -> bytes:
    """The whole page at the test's width: the window grows to the content first."""
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    page.wait_for_timeout(500)  # let the tables and charts lay out in the new window
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)
    return path.read_bytes()


def test_a_statement_added_through_the_form_shows_in_the_table_and_moves_the_headline(
    page, tmp_path: Path
) -> None:
    before = headline(page)
    page.get_by_role("tab", name="Statements").click()
    page.locator(".st-key-new_speaker input").wait_for(state="visible")
    settle(page)
    table = page.locator("[data-testid='stDataFrame'] td", has_text=QUOTE)
    assert table.count() == 0

    # The date is three spin buttons (year, month, day): typing fills them in turn.
    page.locator(".st-key-new_date [role='spinbutton'][data-type='year']").focus()
    page.keyboard.type("20251120")
    assert page.locator(".st-key-new_date input[type='date']").input_value() == "2025-11-20"
    page.locator(".st-key-new_speaker input").fill("Donald Trump")
    page.locator(".st-key-new_role").click()
    page.get_by_role("option", name="Head of state").click()
    page.locator(".st-key-new_side input").fill("United States")
    page.locator(".st-key-new_text textarea").fill(QUOTE)

    page.get_by_role("button", name="Preview").click()
    page.get_by_text("Preview: score -0.92").wait_for(state="visible")
    settle(page)
    explanation = page.locator("[data-testid='stText']", has_text=explained_line(QUOTE))
    explanation.first.wait_for(state="visible")  # the preview's lines stream in one element at a time
    assert explanation.count() == 1
    shot = full_page_screenshot(page, tmp_path / "statements.png")
    assert shot.startswith(b"\x89PNG") and int.from_bytes(shot[16:20], "big") == VIEWPORT["width"]
    if keep := os.environ.get(SCREENSHOT_ENV):
        Path(keep).write_bytes(shot)

    page.get_by_role("button", name="Save statement").click()
    page.get_by_text("Statement saved: the outlook includes it now.").wait_for(state="visible")
    settle(page)
    table.first.wait_for(state="attached")
    assert table.count() == 1
    assert headline(page) < before
    assert page.locator("[data-testid='stMetricLabel']").first.inner_text() == "Outlook on 20 Nov 2025"
    assert not page.locator("[data-testid='stException']").count()
