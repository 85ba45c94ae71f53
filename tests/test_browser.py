"""The real dashboard in headless Chromium: `streamlit run`, a slider moved by keyboard, real downloads.

Uses Debian's Chromium through Playwright's `executable_path`; Playwright's own browser
downloads are never used. Without Chromium these tests skip loudly, except under CI=true.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from summit_outlook.report.charts import DAY_POINT_PX, EXPORT_SCALE, EXPORT_WIDTH
from tests.browser_support import (
    PAGE_TIMEOUT_MS,
    launched_browser,
    require_chromium,
    running_dashboard,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

VIEWPORT = {"width": 1400, "height": 1000}
# Set this to keep the full-page screenshot (the test always takes one into its tmp_path).
SCREENSHOT_ENV = "SUMMIT_OUTLOOK_SCREENSHOT"
# The page of the bundled article's summit, which these tests drive.
SUMMIT_PAGE = "/?summit=trump-putin-2025"
# The slider's thumb is a visually hidden range input (react-aria); it takes focus and arrow keys.
CANCELLATION_SLIDER = ".st-key-w_family_cancellation input[type='range']"
# The outlook chart's graph (dashboard/outlook_chart.js), once plotly.js has drawn it.
OUTLOOK_CHART = ".summit-outlook-chart.js-plotly-plot"


@pytest.fixture(scope="module")
def chromium() -> Path:
    return require_chromium()


@pytest.fixture(scope="module")
def server(chromium: Path, tmp_path_factory) -> Iterator[str]:
    environment = {
        **os.environ,
        "SUMMIT_OUTLOOK_CHROMIUM": str(chromium),
        # A fresh store seeded from the bundled data, never the developer's var/statements.db.
        "SUMMIT_OUTLOOK_DB_URL": f"sqlite:///{tmp_path_factory.mktemp('store') / 'statements.db'}",
    }
    environment.pop("SUMMIT_OUTLOOK_STATEMENTS", None)
    with running_dashboard(environment, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium: Path):
    with launched_browser(chromium) as launched:
        yield launched


@pytest.fixture
def context(browser):
    opened = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    opened.set_default_timeout(PAGE_TIMEOUT_MS)
    yield opened
    opened.close()


@pytest.fixture
def page(context, server: str):
    opened = context.new_page()
    opened.goto(server + SUMMIT_PAGE)
    wait_for_app(opened)
    return opened


# The headline's metric ("Outlook on <day>"): the page fills it in after the chart, so the first
# metric on a page still being drawn can be another one (the drivers' "50.0 -> 40.2").
HEADLINE = "[data-testid='stMetric']:has-text('Outlook on') [data-testid='stMetricValue']"


def wait_for_app(page) -> None:
    """Until the script has run: the headline is shown and the 'running' indicator is gone."""
    page.locator(HEADLINE).first.wait_for(state="visible")
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached")
    # The outlook chart once drawn (it loads plotly.js on first use, so the driver chart, further
    # down, can be drawn before it).
    page.locator(OUTLOOK_CHART).wait_for(state="visible")


def headline(page) -> float:
    return float(page.locator(HEADLINE).first.inner_text())


def download(page, label: str, tmp_path: Path) -> tuple[str, bytes]:
    button = page.locator("[data-testid='stDownloadButton']", has_text=label).locator("button")
    with page.expect_download() as started:
        button.click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    return started.value.suggested_filename, saved.read_bytes()


def test_moving_a_slider_by_keyboard_changes_the_headline_and_the_url(page) -> None:
    before = headline(page)
    thumb = page.locator(CANCELLATION_SLIDER)
    thumb.focus()
    for _ in range(20):  # +1.0 in steps of 0.05
        page.keyboard.press("ArrowRight")
    # Each key press may start its own rerun: wait for the last one (1.6 + 20 x 0.05 = 2.6) to land.
    page.wait_for_function("() => window.location.search.includes('family.cancellation=2.6')")
    wait_for_app(page)
    assert headline(page) < before  # trusting cancellations more lowers the outlook
    assert "vs default weights" in page.locator("[data-testid='stMetricDelta']").first.inner_text()

    # The URL alone reproduces the view in a fresh page.
    shared = page.url
    fresh = page.context.new_page()
    fresh.goto(shared)
    wait_for_app(fresh)
    assert headline(fresh) == headline(page)


# The outlook line's y values as the chart holds them (base64 typed arrays as sent, or a list).
LINE_Y = """() => {
  const line = document.querySelector('.js-plotly-plot').data.find((trace) => trace.mode === 'lines+markers');
  return line.y.bdata !== undefined ? line.y.bdata : Array.from(line.y).join(',');
}"""


def test_a_slider_move_redraws_the_chart_in_place(page) -> None:
    """The outlook chart is one element kept across reruns and redrawn in place (st.plotly_chart
    mounted a new chart for every new figure), with plotly.js from the dashboard's own server."""
    page.evaluate("() => { document.querySelector('.js-plotly-plot').dataset.probe = 'mounted once'; }")
    before = page.evaluate(LINE_Y)
    page.locator(CANCELLATION_SLIDER).focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"before => ({LINE_Y})() !== before", arg=before)
    wait_for_app(page)
    chart = page.locator(".js-plotly-plot").first
    assert chart.get_attribute("data-probe") == "mounted once"
    assert "Your weights" in (chart.locator(".legend").text_content() or "")
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map((entry) => entry.name)")
    plotly_js = [name for name in loaded if name.endswith("/plotly.min.js")]
    assert len(plotly_js) == 1 and "/component/" in plotly_js[0] and plotly_js[0].startswith(page.url[:20])
    # The graph fills its column, whatever arrived first (the sidebar, which narrows the column,
    # is drawn after the page); a narrower column with no window resize (as when the sidebar
    # opens), and the graph follows it.
    fits = """() => { const chart = document.querySelector('.summit-outlook-chart');
      return [chart.querySelector('svg.main-svg').getBoundingClientRect().width, chart.clientWidth]; }"""
    drawn, column = page.evaluate(fits)
    assert abs(drawn - column) < 2, (drawn, column)
    page.evaluate("() => { document.querySelector('.summit-outlook-chart').style.width = '700px'; }")
    page.wait_for_function(f"() => Math.abs(({fits})()[0] - 700) < 2")
    # st.plotly_chart's toolbar, nothing more (plotly.js 4 would add a button that uploads the chart).
    titles = [button.get_attribute("data-title") for button in chart.locator(".modebar-btn").all()]
    assert titles == ["Download plot as a PNG", "Box Select", "Fullscreen"]


def test_the_charts_own_toolbar_downloads_a_named_png(page, tmp_path: Path) -> None:
    chart = page.locator(OUTLOOK_CHART)
    chart.hover()  # the toolbar shows on hover
    with page.expect_download() as started:
        chart.locator(".modebar-btn[data-title='Download plot as a PNG']").click()
    name = started.value.suggested_filename
    assert name.startswith("summit-outlook-trump-putin-2025-chart-2025-11-17") and name.endswith(".png")
    saved = tmp_path / name
    started.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert int.from_bytes(data[16:20], "big") == EXPORT_WIDTH * EXPORT_SCALE  # the export's size


def test_downloads_are_what_they_claim(page, tmp_path: Path) -> None:
    name, png = download(page, "Chart PNG", tmp_path)
    assert name.endswith(".png") and png.startswith(b"\x89PNG\r\n\x1a\n")
    name, svg = download(page, "Chart SVG", tmp_path)
    assert name.endswith(".svg") and svg.lstrip().startswith(b"<svg")
    assert "Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025".encode() in svg
    name, html = download(page, "Chart HTML (offline)", tmp_path)
    assert name.endswith(".html") and b"Plotly.newPlot" in html and len(html) > 1_000_000
    for label, header in (("Outlook CSV", "date,outlook,status"), ("Statements CSV", "date,speaker,role")):
        name, data = download(page, label, tmp_path)
        text = data.decode("utf-8-sig")
        assert name.endswith(".csv") and text.startswith(header)
        assert len(list(csv.reader(io.StringIO(text)))) > 2
    assert not page.locator("[data-testid='stException']").count()


def test_from_the_overview_to_a_summits_page_and_its_export(context, server: str, tmp_path: Path) -> None:
    page = context.new_page()
    page.goto(server)
    card = page.locator(".st-key-card_trump-putin-2025")
    card.wait_for(state="visible")
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached")
    # The page's elements stream in one at a time: wait for the last card.
    page.wait_for_function("() => document.querySelectorAll(\"[class*='st-key-card_']\").length === 20")
    card.get_by_role("button", name="Open").click()
    page.wait_for_function("() => window.location.search.includes('summit=trump-putin-2025')")
    wait_for_app(page)
    assert page.locator("h2", has_text="Trump-Putin summit").count() == 1
    page.wait_for_function("() => document.title.startsWith('Trump-Putin summit')")
    assert page.title() == "Trump-Putin summit \u00b7 Summit Outlook"
    name, svg = download(page, "Chart SVG", tmp_path)
    assert name.startswith("summit-outlook-trump-putin-2025-chart-")
    assert "Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025".encode() in svg
    name, html = download(page, "Chart HTML (offline)", tmp_path)
    assert "<title>Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025</title>".encode() in html
    # A shorter window is what the export shows: its days in the title.
    page.locator("[data-testid='stButtonGroup'] button", has_text="1W").first.click()
    page.wait_for_function("() => window.location.search.includes('window=1W')")
    wait_for_app(page)
    _, svg = download(page, "Chart SVG", tmp_path)
    assert "Trump-Putin summit: outlook, 10 Nov \u2013 17 Nov 2025".encode() in svg


PHONE = {"width": 390, "height": 1200}
# Every signal family, a role and the half-life away from the defaults: an eight-line weights note
# and a legend entry for each kind of marker on the chart (both lines; since the rules of 2 Dec
# 2026, evening, every bundled statement of this summit carries a signal, so no "No signal").
MANY_WEIGHTS = (
    "&family.held=2.5&family.intent=1.3&family.openness=0.9&family.hope=1.1&family.precondition=0.8"
    "&family.cancellation=2.6&family.stalled=1.4&family.rejection=1.9&role.head_of_state=1.4"
    "&half_life_days=21"
)
CHART_TEXTS = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    const box = node => {
        const b = node.getBoundingClientRect();
        return {text: node.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
    };
    return {
        svg: box(plot.querySelector('svg.main-svg')),
        titles: [...plot.querySelectorAll('.gtitle, .gtitle-subtitle')].map(box),
        legend: [...plot.querySelectorAll('.legend .traces')].map(box),
    };
}"""


def test_at_a_phones_width_the_chart_shows_its_whole_title_notes_and_legend(context, server: str) -> None:
    """At 390 px the weights note wraps inside the chart (it was cut after 55 characters) and no
    legend entry runs into another ("Outlook, default weights" ran into "Outlook, your weights")."""
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(server + SUMMIT_PAGE + MANY_WEIGHTS)
    wait_for_app(page)
    page.wait_for_timeout(500)  # let Plotly finish sizing the chart to the phone's width
    found = page.evaluate(CHART_TEXTS)
    svg = found["svg"]
    assert svg["right"] - svg["left"] <= PHONE["width"]
    assert len(found["titles"]) == 2 and "Summit held" in found["titles"][1]["text"]
    # The note's lines are joined without the spaces they wrapped at: compare without spaces.
    assert "half-life 21 days (default 14)".replace(" ", "") in found["titles"][1]["text"].replace(" ", "")
    entries = found["legend"]
    assert [entry["text"] for entry in entries] == [
        "Default weights",
        "Your weights",
        "Raises outlook",
        "Lowers outlook",
    ]
    for text in [*found["titles"], *entries]:
        assert svg["left"] <= text["left"] and text["right"] <= svg["right"] + 0.5, text
        # A text's box includes its line's leading, which may reach a few px above the chart.
        assert svg["top"] - 4 <= text["top"] and text["bottom"] <= svg["bottom"] + 0.5, text
    for first, second in itertools.combinations(entries, 2):
        apart = first["right"] <= second["left"] or second["right"] <= first["left"]
        assert apart or first["bottom"] <= second["top"] or second["bottom"] <= first["top"], (first, second)


def test_every_statement_marker_hovers_as_its_own_statement(page) -> None:
    """Same-day statements (three on 22 Oct 2025) each show their own quote when hovered."""
    page.set_viewport_size({"width": VIEWPORT["width"], "height": 1600})  # the whole chart in view
    wait_for_app(page)
    page.wait_for_timeout(500)  # let Plotly finish resizing to the new window
    markers = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    hovered: set[str] = set()
    for index in range(markers.count()):
        box = markers.nth(index).bounding_box()
        if box is None or box["width"] >= DAY_POINT_PX:  # the outlook line's invisible day points
            continue
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator(".js-plotly-plot .hoverlayer .hovertext").first
        label.wait_for(state="visible")
        # Its head (date, speaker, the quote's start); the rest may wrap differently as it moves.
        hovered.add((label.text_content() or "")[:100])
        page.mouse.move(0, 0)
    # One distinct label per statement marker: none hides behind another.
    statements = {label for label in hovered if " \u00b7 " in label}
    # One distinct label per statement: none hides behind another, the three of 22 Oct included.
    assert len(statements) == 16, sorted(statements)
    assert sum(label.startswith("22 Oct 2025") for label in statements) == 3


def test_clicking_a_statement_marker_lists_it(page) -> None:
    # Plotly takes clicks on its drag layer above the markers: hover the marker's spot, then click.
    marker = page.locator(".js-plotly-plot .scatterlayer .trace:last-child .points path").first
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator(".js-plotly-plot .hoverlayer .hovertext").first.wait_for(state="visible")
    page.mouse.down()
    page.mouse.up()
    caption = page.get_by_text("statement(s) from", exact=False)
    caption.wait_for(state="visible")
    wait_for_app(page)
    assert "Double-click the chart" in caption.inner_text()
    table = page.locator("[data-testid='stDataFrame']")
    table.first.wait_for(state="visible")  # the page's elements stream in one at a time
    assert table.count() == 1
    # A double-click on the chart, away from every point (the bottom of the plot, an outlook near
    # 0), clears the selection: the table lists every statement again.
    box = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    page.mouse.dblclick(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)
    page.get_by_text("statements, newest first", exact=False).wait_for(state="visible")
    wait_for_app(page)
    assert not caption.count()


def test_full_page_screenshot(page, tmp_path: Path) -> None:
    # Streamlit scrolls inside its main block: grow the window to the content to capture it all.
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    wait_for_app(page)
    page.wait_for_timeout(500)  # let Plotly finish resizing to the new window
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and int.from_bytes(data[16:20], "big") == VIEWPORT["width"]
    if keep := os.environ.get(SCREENSHOT_ENV):
        Path(keep).write_bytes(data)
