"""Hostile statements in the real dashboard: nothing runs, nothing renders as markup, all reads as text.

`streamlit run` on statements whose every field is a script tag, an image with an onerror handler,
a javascript: link, a Streamlit Markdown directive, LaTeX or a spreadsheet formula; then Debian's
Chromium (through Playwright) hovers the markers, selects table rows and opens the HTML export.
Any alert() fails the test. Without Chromium these tests skip loudly, except under CI=true.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from summit_outlook.report.views import MARK_CLOSE, MARK_OPEN
from tests.browser_support import PAGE_TIMEOUT_MS, launched_browser, require_chromium, running_dashboard
from tests.conftest import CLI
from tests.hostile_support import HOSTILE, MARKUP, write_hostile_csv

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

VIEWPORT = {"width": 1400, "height": 1000}
# The hostile strings as the page keeps them: statements are trimmed, which takes a leading tab or CR.
SHOWN = [value.strip() for value in HOSTILE]
# The outlook's statements table (dashboard/app.py): header, then rows of this height, newest first.
TABLE_KEY_SELECTOR = ".st-key-statements_table"
TABLE_HEADER_PX = 36
TABLE_ROW_PX = 80
# Where a row's selection checkbox sits, from the grid's left edge.
ROW_MARKER_X_PX = 15
# A click the page has not answered within this long is tried again, at most CLICK_ATTEMPTS times.
RETRY_AFTER_MS = 8_000
CLICK_ATTEMPTS = 3
# What the data could have turned into live markup: the injected image, any inline event handler,
# a javascript: link, a script element of its own.
# True once the page's text elements hold both strings (the quote with its match marks removed).
DETAIL_SHOWS_JS = """([expected, quote, marks]) => {
    const shown = [...document.querySelectorAll("[data-testid='stText']")]
        .map(e => e.innerText).join("\\n").split("").filter(c => !marks.includes(c)).join("");
    return shown.includes(expected) && shown.includes(quote);
}"""
INJECTED_JS = """() => [
    ...[...document.querySelectorAll("img[src='x']")].map(e => e.outerHTML),
    ...[...document.querySelectorAll("*")]
        .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith("on")))
        .map(e => e.outerHTML.slice(0, 200)),
    ...[...document.querySelectorAll("a[href]")]
        .filter(a => a.href.trim().toLowerCase().startsWith("javascript:"))
        .map(a => a.outerHTML),
    ...[...document.scripts].filter(s => /alert\\(\\d\\)/.test(s.text) && s.text.length < 100)
        .map(s => s.outerHTML),
]"""


@pytest.fixture(scope="module")
def chromium() -> Path:
    return require_chromium()


@pytest.fixture(scope="module", params=["csv file", "store"])
def server(request, chromium: Path, tmp_path_factory) -> Iterator[str]:
    """The dashboard on hostile statements: named by SUMMIT_OUTLOOK_STATEMENTS, or imported into the store."""
    folder = tmp_path_factory.mktemp("hostile")
    hostile = write_hostile_csv(folder / "hostile.csv")
    environment = {
        **os.environ,
        "SUMMIT_OUTLOOK_CHROMIUM": str(chromium),
        "SUMMIT_OUTLOOK_DB_URL": f"sqlite:///{folder / 'statements.db'}",
    }
    environment.pop("SUMMIT_OUTLOOK_STATEMENTS", None)
    if request.param == "csv file":
        environment["SUMMIT_OUTLOOK_STATEMENTS"] = str(hostile)
    else:
        imported = subprocess.run(
            [str(CLI), "import", str(hostile)], env=environment, capture_output=True, text=True, timeout=120
        )
        assert imported.returncode == 0, imported.stderr
    with running_dashboard(environment, folder / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium: Path):
    with launched_browser(chromium) as launched:
        yield launched


class Watch:
    """Every dialog (alert, confirm, prompt) and uncaught script error, on every page of a context."""

    def __init__(self, context) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        context.on("page", self.watch)

    def watch(self, page) -> None:
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def _wait_for_run(page) -> None:
    """Until the script has run: the headline is shown and the 'running' indicator is gone."""
    page.locator("[data-testid='stMetricValue']").first.wait_for(state="visible")
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached")


def _assert_nothing_injected(page, watch: Watch, where: str) -> None:
    assert watch.dialogs == [], f"{where}: a dialog opened: {watch.dialogs}"
    assert page.evaluate(INJECTED_JS) == [], f"{where}: live markup from the data"
    assert not page.locator("[data-testid='stException']").count(), f"{where}: the app raised"


def _hover_texts(page, *, dashboard: bool = True) -> list[str]:
    """On the dashboard, show the last month (the hostile statements, spread out); hover each
    statement marker in turn; the text of each hover label. An exported page shows the days
    the dashboard showed when it was exported."""
    plot = page.locator(".js-plotly-plot").first
    if dashboard:
        page.locator("[data-testid='stButtonGroup'] button", has_text="1M").first.click()
        page.wait_for_function("() => window.location.search.includes('window=1M')")
        page.locator("[data-testid='stStatusWidget']").wait_for(state="detached")
        # Until the outlook chart has taken up the month's figure (dashboard/outlook_chart.js
        # marks it while it draws), its markers can be where the whole range put them.
        page.locator(".summit-outlook-chart[data-drawing]").wait_for(state="detached")
        page.wait_for_timeout(500)  # Plotly's own work after a redraw (hover needs it done)
    plot.scroll_into_view_if_needed()
    area = plot.locator(".nsewdrag").first.bounding_box()
    label = plot.locator(".hoverlayer .hovertext").first
    texts: list[str] = []
    # Statement markers are the traces after the outlook line (whose own day points are invisible).
    markers = plot.locator(".scatterlayer .trace:not(:first-child) .points path")
    for index in range(markers.count()):
        box = markers.nth(index).bounding_box()
        if box is None:
            continue
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if not (area["x"] < x < area["x"] + area["width"] and area["y"] < y < area["y"] + area["height"]):
            continue  # outside the month shown
        page.mouse.move(area["x"] - 20, area["y"] - 20)
        label.wait_for(state="detached")  # else the last marker's label could be read again
        page.mouse.move(x, y)
        label.wait_for(state="visible")
        texts.append(label.text_content() or "")
    return texts


def _select_table_row(page, row: int, expected: str, quote: str) -> str:
    """Select row `row` of the outlook's statements table; the detail panel's text once it shows
    `expected` (the speaker line) and `quote` (the quote line, its matched words' marks removed).

    The detail's lines stream in one element at a time, so both are waited for: the speaker line
    alone can be on the page while the quote is still on its way (seen once under CI load).
    """
    canvas = page.locator(f"{TABLE_KEY_SELECTOR} [data-testid='data-grid-canvas']")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    for _attempt in range(CLICK_ATTEMPTS):
        # The grid takes a click only once the pointer has rested over it: hover, then press.
        page.mouse.move(box["x"] + ROW_MARKER_X_PX, box["y"] + TABLE_HEADER_PX + TABLE_ROW_PX * (row + 0.5))
        page.wait_for_timeout(300)
        page.mouse.down()
        page.mouse.up()
        try:
            page.wait_for_function(
                DETAIL_SHOWS_JS, arg=[expected, quote, MARK_OPEN + MARK_CLOSE], timeout=RETRY_AFTER_MS
            )
            break
        except PlaywrightTimeoutError:
            _wait_for_run(page)  # a loaded machine: the grid was not ready for the click
    else:
        pytest.fail(f"row {row}: no detail showing {expected!r} and {quote!r} after {CLICK_ATTEMPTS} clicks")
    _wait_for_run(page)
    return _detail_text(page)


def _detail_text(page) -> str:
    """The text elements' contents, the quote's matched-word marks removed."""
    shown = "\n".join(page.locator("[data-testid='stText']").all_inner_texts())
    return shown.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _download_html_export(page, tmp_path: Path) -> Path:
    button = page.locator("[data-testid='stDownloadButton']", has_text="Chart HTML (offline)").locator(
        "button"
    )
    for _attempt in range(CLICK_ATTEMPTS):
        try:
            # The page is built on the click (4.6 MB with plotly.js), so allow it longer than a rerun.
            with page.expect_download(timeout=2 * RETRY_AFTER_MS) as started:
                button.click()
            break
        except PlaywrightTimeoutError:
            _wait_for_run(page)  # a click that landed during a rerun is lost: try again after it
    else:
        pytest.fail(f"no download after {CLICK_ATTEMPTS} clicks on 'Chart HTML (offline)'")
    saved = tmp_path / "chart.html"
    started.value.save_as(saved)
    return saved


def test_hostile_statements_show_as_text_and_run_nothing(browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    watch = Watch(context)
    try:
        page = context.new_page()
        page.goto(server + "/?summit=trump-putin-2025")
        _wait_for_run(page)
        # The outlook chart once drawn (the driver chart, further down, can be drawn before it).
        page.locator(".summit-outlook-chart.js-plotly-plot").wait_for(state="visible")
        _assert_nothing_injected(page, watch, "first load")

        # Hover labels: each statement's speaker and words, as the characters typed.
        hovers = "\n".join(_hover_texts(page))
        for value in SHOWN:
            assert value in hovers, f"hover labels lack {value!r}:\n{hovers}"
        _assert_nothing_injected(page, watch, "after hovering every marker")

        # The table, newest first, starts with the markup statements; their details are plain text.
        # Every other row (a rerun each): an HTML tag, a Markdown link, a directive, LaTeX.
        for row, value in list(enumerate(MARKUP))[::2]:
            quote = f"{value} We are ready to meet"
            detail = _select_table_row(page, row, value, quote)
            assert value in detail, f"row {row}: the detail panel does not show {value!r} as text:\n{detail}"
            assert quote in detail, f"row {row}: the detail panel does not show the quote as text:\n{detail}"
        _assert_nothing_injected(page, watch, "after selecting rows")

        # The offline HTML export, opened as a file: hovering its markers runs nothing either.
        export = _download_html_export(page, tmp_path)
        exported = context.new_page()
        exported.goto(export.as_uri())
        exported.locator(".js-plotly-plot").first.wait_for(state="visible")
        exported_hovers = "\n".join(_hover_texts(exported, dashboard=False))
        for value in SHOWN:
            assert value in exported_hovers, f"the export's hover labels lack {value!r}"
        _assert_nothing_injected(exported, watch, "the HTML export")

        # The Statements tab (listing and editing), where present: still nothing runs.
        tab = page.get_by_role("tab", name="Statements")
        if tab.count():
            tab.click()
            _wait_for_run(page)
            _assert_nothing_injected(page, watch, "the Statements tab")
        assert watch.errors == [], f"script errors in the page: {watch.errors}"
    finally:
        context.close()
