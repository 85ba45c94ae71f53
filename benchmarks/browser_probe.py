"""Time weight-slider moves in a real browser: from a key press on the thumb to the page redrawn.

Starts the app with `streamlit run` (benchmarks.load.dashboard_server) and opens it in headless
Debian Chromium through Playwright's `executable_path` (Playwright's own browser downloads are
never used). Each move: the page's readout (the dashboard's outlook line, or the bare app's
written value) is read, the page notes `performance.now()`, one ArrowRight is pressed on the
slider's thumb, and the page is polled every animation frame until its readout differs; that
frame's `performance.now()` less the noted one is the move's time. The start is noted before
Playwright sends the key, so the time includes the few ms of sending it: an upper bound; frames
come every ~17 ms, which bounds the resolution. A move counts only once the run is also over (the
app shows `notRunning` and no status widget); that frame is noted too, and the next move starts
after a pause, so each move is its own rerun.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.load import VIEWPORT, dashboard_server
from benchmarks.serving import CHROMIUM_ARGS

# A move not redrawn and finished in this long fails the measurement: over ten times the longest
# move seen at 10k statements on the 2-core development machine (~2.5 s to the run's end).
MOVE_TIMEOUT_MS = 30_000
# After a move's run is over, before the next: a user's pause, in which the page's leftover work
# (the status widget fading out, Plotly's after-draw tasks) ends, so it does not land on a move.
PAUSE_MS = 1_000
# True once the script has finished and nothing says it is still running. The status widget
# appears after 500 ms of running and fades out after the run; `data-test-script-state` is the
# state behind it (see benchmarks/load.py).
RUN_OVER_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app !== null && app.getAttribute("data-test-script-state") === "notRunning"
    && document.querySelector("[data-testid='stStatusWidget']") === null;
}"""
# Statement markers on the page's outlook chart (null without a chart): the dashboard's own chart
# element (dashboard/outlook_chart.js), or the first Plotly graph of an app that draws its chart
# with st.plotly_chart (the dashboard before it had its own element; the driver chart below it
# can be drawn first).
STATEMENT_MARKERS_JS = """() => {
  const chart = document.querySelector(".summit-outlook-chart.js-plotly-plot")
    || document.querySelector(".js-plotly-plot");
  if (!chart || !chart.data) return null;
  return chart.data.filter((trace) => trace.mode === "markers")
    .reduce((total, trace) => total + (trace.x ? trace.x.length : 0), 0);
}"""


# Notes when each large message from the server arrives (before Streamlit handles it) and its
# size, so a move's time splits into the server's part (to the chart's message) and the page's
# (from the message to the chart redrawn). Installed before the page's own scripts run.
MESSAGE_LOG_JS = """(() => {
  const Native = window.WebSocket;
  window.__bigMessages = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const data = event.data;
        const size = data.byteLength !== undefined ? data.byteLength : (data.size || data.length || 0);
        if (size >= %d) window.__bigMessages.push([performance.now(), size]);
      });
    }
  };
})();"""
# A message at least this large carries a chart (a 10,000-statement chart is about a megabyte;
# a slider's own rerun messages are a few kB).
BIG_MESSAGE_BYTES = 50_000


@dataclass(frozen=True)
class SliderPage:
    """Which slider to press on a page, and what on the page shows its effect."""

    name: str
    slider: str  # CSS selector; the first match is the thumb pressed (a react-aria range input)
    readout: str  # JS function: a string that changes when the page shows the new value; null before


DASHBOARD = SliderPage(
    name="dashboard",
    slider="[data-testid='stSidebar'] [class*='st-key-w_family_'] input[type='range']",
    # The outlook chart as STATEMENT_MARKERS_JS finds it; in it the user's outlook line, the one
    # drawn with (invisible) day markers, "lines+markers" ("Outlook", or "Your weights" once
    # weights differ from the defaults; the dashed "Default weights" line is "lines" only).
    # Plotly keeps the y values as sent, base64 ({dtype, bdata}) for numpy arrays, so those are
    # compared as they are.
    readout="""() => {
  const chart = document.querySelector(".summit-outlook-chart.js-plotly-plot")
    || document.querySelector(".js-plotly-plot");
  const line = chart && chart.data && chart.data.find((trace) => trace.mode === "lines+markers");
  if (!line || !line.y) return null;
  return line.y.bdata !== undefined ? line.y.bdata : Array.from(line.y).join(",");
}""",
)
BARE = SliderPage(
    name="bare slider app",
    slider="[data-testid='stMain'] input[type='range']",
    # `st.write(weight)`: the last markdown element of the page (the slider's label is not one).
    readout="""() => {
  const written = document.querySelectorAll("[data-testid='stMain'] [data-testid='stMarkdown']");
  return written.length ? written[written.length - 1].innerText.trim() : null;
}""",
)


class ProbeFailed(RuntimeError):
    """The page did not open, did not redraw after a move, or showed an exception."""


@dataclass(frozen=True)
class SliderTimes:
    """What one browser session measured."""

    milliseconds: tuple[float, ...]  # per move, in order: key press to the readout redrawn
    over_milliseconds: tuple[float, ...]  # per move: key press to the run shown as over
    markers: int | None  # statement markers on the chart after the moves; None without a chart
    browser_version: str
    # Per move with a chart message (a large one) before the redraw: key press to its arrival,
    # and its size in bytes. Empty for a page that sends none (the bare app).
    message_milliseconds: tuple[float, ...] = ()
    message_bytes: tuple[int, ...] = ()
    # Per move: CPU milliseconds of the page's main thread and of its whole renderer process from
    # the key press to the end of the pause after the move (Chromium's Performance metrics
    # ThreadTime and ProcessTime): the page's work, which other load on the machine barely changes.
    thread_cpu_milliseconds: tuple[float, ...] = ()
    process_cpu_milliseconds: tuple[float, ...] = ()

    @property
    def median_message_seconds(self) -> float | None:
        return statistics.median(self.message_milliseconds) / 1000 if self.message_milliseconds else None

    @property
    def median_drawing_seconds(self) -> float | None:
        """From the chart's message to the chart redrawn: the page's part of a move."""
        if not self.message_milliseconds:
            return None
        return self.median_seconds - self.median_message_seconds

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.milliseconds) / 1000

    @property
    def median_over_seconds(self) -> float:
        return statistics.median(self.over_milliseconds) / 1000


def time_slider_moves(
    app: Path,
    watched: SliderPage,
    *,
    chromium: Path,
    workdir: Path,
    moves: int,
    deadline: float,
    environment: Mapping[str, str] | None = None,
    screenshot: Path | None = None,
) -> SliderTimes:
    """Serve `app`, open it in Chromium and time `moves` slider moves; all by `deadline` (monotonic).

    Raises ProbeFailed (or benchmarks.load.ServerFailed) with the reason when it cannot.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    store_url = f"sqlite:///{workdir / 'statements.db'}"
    log = workdir / "server.log"
    with (
        dashboard_server(
            store_url=store_url, chromium=chromium, log=log, app=app, environment=environment
        ) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_context(viewport=VIEWPORT).new_page()
            page.add_init_script(MESSAGE_LOG_JS % BIG_MESSAGE_BYTES)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(url, timeout=_remaining_ms(deadline, "opening the page"))
            _wait_for_first_run(page, watched, deadline)
            metrics = page.context.new_cdp_session(page)
            metrics.send("Performance.enable")
            times, cpu = [], []
            for number in range(1, moves + 1):
                before = _cpu_seconds(metrics)
                times.append(_time_one_move(page, watched, deadline, number))
                _check_page(page, errors)
                page.wait_for_timeout(PAUSE_MS)
                after = _cpu_seconds(metrics)
                cpu.append(tuple((end - start) * 1000 for start, end in zip(before, after, strict=True)))
            markers = page.evaluate(STATEMENT_MARKERS_JS)
            if screenshot is not None:
                _screenshot(page, screenshot)
            redrawn, over, messages = zip(*times, strict=True)
            arrived = [message for message in messages if message is not None]
            return SliderTimes(
                redrawn,
                over,
                markers,
                browser.version,
                tuple(milliseconds for milliseconds, _ in arrived),
                tuple(size for _, size in arrived),
                tuple(thread for thread, _ in cpu),
                tuple(process for _, process in cpu),
            )
        finally:
            browser.close()


def _remaining_ms(deadline: float, doing: str) -> float:
    """Milliseconds left before the deadline; ProbeFailed when none are."""
    left = (deadline - time.monotonic()) * 1000
    if left <= 0:
        raise ProbeFailed(f"out of time before {doing}")
    return left


def _wait_for_first_run(page: Page, watched: SliderPage, deadline: float) -> None:
    """Until the first run has finished and the readout is on the page."""
    try:
        page.wait_for_function(
            f"() => ({watched.readout})() !== null && ({RUN_OVER_JS})()",
            timeout=_remaining_ms(deadline, "the first run"),
        )
        page.locator(watched.slider).first.wait_for(
            state="attached", timeout=_remaining_ms(deadline, "the slider")
        )
    except PlaywrightTimeout:
        raise ProbeFailed(f"the {watched.name}'s first run did not finish in time") from None


def _cpu_seconds(metrics) -> tuple[float, float]:
    """The page's main-thread and renderer-process CPU seconds so far."""
    found = {item["name"]: item["value"] for item in metrics.send("Performance.getMetrics")["metrics"]}
    return found.get("ThreadTime", 0.0), found.get("ProcessTime", 0.0)


def _screenshot(page: Page, path: Path) -> None:
    """The chart alone when the page has one (what its look is compared by), else the page."""
    chart = page.locator(".summit-outlook-chart.js-plotly-plot")
    if not chart.count():
        chart = page.locator(".js-plotly-plot")
    if chart.count():
        chart.first.scroll_into_view_if_needed()
        chart.first.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))


def _time_one_move(
    page: Page, watched: SliderPage, deadline: float, number: int
) -> tuple[float, float, tuple[float, int] | None]:
    """Milliseconds from one ArrowRight on the thumb to the first frame showing its effect, and to
    the first frame after that showing the run as over; and the largest message that arrived
    before the redraw, the chart's (milliseconds from the key press, bytes), if one did."""
    page.locator(watched.slider).first.focus()  # before the clock starts: not part of the move
    before = page.evaluate(watched.readout)
    page.evaluate(
        "() => { window.__bigMessages = []; "
        "window.__sliderMove = { start: performance.now(), shown: null, over: null }; }"
    )
    page.keyboard.press("ArrowRight")
    # Polled every animation frame; the frame that first sees the new readout is the move's end.
    shown = f"""before => {{
  const move = window.__sliderMove;
  if (move.shown === null) {{
    const now = ({watched.readout})();
    if (now !== null && now !== before) move.shown = performance.now();
  }}
  if (move.shown !== null && ({RUN_OVER_JS})()) move.over = performance.now();
  return move.over !== null;
}}"""
    timeout = min(MOVE_TIMEOUT_MS, _remaining_ms(deadline, f"move {number}"))
    try:
        page.wait_for_function(shown, arg=before, timeout=timeout)
    except PlaywrightTimeout:
        redrawn = page.evaluate("() => window.__sliderMove.shown !== null")
        what = "the run did not finish" if redrawn else "the page did not change"
        raise ProbeFailed(
            f"move {number} on the {watched.name}: {what} within {timeout / 1000:.0f} s"
        ) from None
    shown_ms, over_ms, message = page.evaluate(
        """() => {
  const move = window.__sliderMove;
  const before = window.__bigMessages.filter(([at]) => at >= move.start && at <= move.shown);
  const chart = before.reduce((largest, message) => (message[1] > largest[1] ? message : largest), [0, 0]);
  const message = chart[1] ? [chart[0] - move.start, chart[1]] : null;
  return [move.shown - move.start, move.over - move.start, message];
}"""
    )
    return shown_ms, over_ms, (tuple(message) if message else None)


def _check_page(page: Page, errors: list[str]) -> None:
    """ProbeFailed when the page raised a script error or shows a Streamlit exception."""
    if errors:
        raise ProbeFailed(f"page error: {errors[0][:200]}")
    shown = page.locator("[data-testid='stException']")
    if shown.count():
        raise ProbeFailed(f"the page shows an exception: {shown.first.inner_text().strip()[:200]}")
