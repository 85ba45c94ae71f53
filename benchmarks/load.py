"""`python -m benchmarks.load`: many real browser sessions using one local dashboard at once.

Starts `streamlit run dashboard/app.py` on a free 127.0.0.1 port with a temporary SQLite store,
opens one headless Chromium (Debian's, through Playwright's `executable_path`; Playwright's own
browser downloads are never used) and gives every session its own browser context, so each is
its own Streamlit session. All sessions open at once, then act at once for a bounded time, in the
same cycle: open the Statements tab, add a statement through the form, move a weight slider with
the keyboard, go back to the Outlook tab, move the slider twice more. Afterwards the store is
opened directly: its row count must be the seeded count plus the confirmed adds, and every
statement a session was told was saved must be in it. Requests off this machine are refused.

Rerun latency is timed inside each page: from the input event's timestamp (the key press on a
slider thumb, the click on "Save statement" or on a tab) to the first frame after the run's
`script_finished` message has arrived in which the app shows the run as over (`stApp`'s
`data-test-script-state`, the state behind the "Running..." status widget, is `notRunning`).
The status widget itself cannot time reruns: it appears only after 500 ms of running and fades
out over 200 ms; how many reruns were long enough to show it is counted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from playwright.async_api import ConsoleMessage, Page, Route, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from benchmarks.harness import environment
from benchmarks.serving import (
    APP,
    CHROMIUM_ARGS,
    ServerFailed,
    streamlit_server,
)
from summit_outlook.model.rules import default_rules
from summit_outlook.store import Store, open_seeded_store

DEFAULT_SESSIONS = 10
DEFAULT_SECONDS = 60.0
# The browser tests' window: wide enough for the sidebar and the chart side by side.
VIEWPORT = {"width": 1400, "height": 1000}
# Ten cold sessions opening at once on a busy 2-core machine take a while; a rerun takes seconds.
OPEN_TIMEOUT_MS = 120_000
ACTION_TIMEOUT_MS = 60_000
# Hard cap on one session's loop, whatever the clock says.
MAX_ACTIONS_PER_SESSION = 5_000
# How often the page is asked whether a rerun has finished; the latency itself is timed in the
# page, so this only sets how soon the next action starts.
POLL_MS = 25
# The statements added: distinct speakers per session and dates inside the bundled data's span
# (mid-August to mid-November 2025), so the outlook series keeps its length.
FIRST_DATE = dt.date(2025, 8, 1)
DATE_SPAN_DAYS = 120
TEXT = "Session {session} statement {number}: the summit is scheduled."
SPEAKER = "Load Tester {session}"
SIDE = "Load test"

# Installed in every page before the app loads. It notes each trusted key press or click (the
# input), reads the top-level fields of every message the server sends over the app's WebSocket
# (a Streamlit ForwardMsg, protobuf: field 4 new_session starts a run, field 6 script_finished ends
# one), and after each finished run waits for the first frame in which the page shows the run as
# over (stApp's data-test-script-state is "notRunning"): that frame's time is the rerun's end.
# The attribute alone is not enough: when the server is slow, a whole run's messages can arrive in
# one burst and React renders "running" and "notRunning" in one commit, so it never changes.
INSTRUMENT_JS = """
(() => {
  const load = (window.__summitLoad = {
    started: 0, finished: 0, settled: 0, compileErrors: 0,
    lastStart: null, lastFinishMessage: null, lastEnd: null,
    input: null, showing: false, shown: 0, recent: [],
  });
  // The last few events, for the message when a rerun never finishes.
  const note = (what) => {
    load.recent.push(`${Math.round(performance.now())} ${what}`);
    if (load.recent.length > 12) load.recent.shift();
  };
  const onInput = (event) => {
    if (!event.isTrusted) return;
    load.input = event.timeStamp;
    const target = event.target instanceof Element ? event.target : null;
    const named = target && target.closest("[data-testid], [role]");
    const what = named ? named.getAttribute("data-testid") || named.getAttribute("role") : "?";
    note(`input ${event.type} on ${what} "${(named ? named.textContent : "").slice(0, 30)}"`);
  };
  window.addEventListener("keydown", onInput, true);
  window.addEventListener("click", onInput, true);

  const NEW_SESSION = 4, SCRIPT_FINISHED = 6, FINISHED_EARLY_FOR_RERUN = 2, COMPILE_ERROR = 1;
  const varint = (bytes, at) => {
    let value = 0, scale = 1, byte;
    do {
      byte = bytes[at++]; value += (byte & 0x7f) * scale; scale *= 128;
    } while (byte & 0x80 && at < bytes.length);
    return [value, at];
  };
  // Top-level fields only: their numbers, and the value of varint ones.
  const topFields = (bytes) => {
    const fields = new Map();
    let at = 0, key, value;
    while (at < bytes.length) {
      [key, at] = varint(bytes, at);
      const wire = key & 7, number = Math.floor(key / 8);
      if (wire === 0) { [value, at] = varint(bytes, at); fields.set(number, value); }
      else if (wire === 2) { [value, at] = varint(bytes, at); fields.set(number, null); at += value; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else break;
    }
    return fields;
  };
  const shownAsOver = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return app !== null && app.getAttribute("data-test-script-state") === "notRunning";
  };
  const settle = (run) => {
    if (run !== load.finished) return;  // a later run finished meanwhile: it settles instead
    if (shownAsOver()) { load.lastEnd = performance.now(); load.settled = run; note(`shown over ${run}`); }
    else requestAnimationFrame(() => settle(run));
  };
  const onMessage = (event) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const fields = topFields(new Uint8Array(event.data));
    if (fields.has(NEW_SESSION)) {
      load.started += 1; load.lastStart = performance.now(); note(`run ${load.started} started`);
    }
    if (fields.has(SCRIPT_FINISHED)) {
      const status = fields.get(SCRIPT_FINISHED);
      note(`script finished (${status})`);
      if (status === FINISHED_EARLY_FOR_RERUN) return;
      if (status === COMPILE_ERROR) load.compileErrors += 1;
      const run = (load.finished += 1);
      load.lastFinishMessage = performance.now();
      // This listener runs before Streamlit's own: let it handle the message, then watch frames.
      setTimeout(() => requestAnimationFrame(() => settle(run)), 0);
    }
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", onMessage);
    }
  };

  const observer = new MutationObserver(() => {
    const showing = document.querySelector("[data-testid='stStatusWidgetRunningIcon']") !== null;
    if (showing && !load.showing) load.shown += 1;
    load.showing = showing;
  });
  observer.observe(document, { subtree: true, childList: true });
})();
"""
# True once a run that finished after the input (more finished than `before`) is shown as over.
RUN_FINISHED_JS = """before => {
  const load = window.__summitLoad;
  return load.finished > before && load.settled === load.finished;
}"""


class Action(StrEnum):
    """What a session does to cause a rerun."""

    SLIDER = "slider"  # one arrow key on a weight slider's thumb
    ADD = "add"  # "Save statement" on the filled-in add form
    TAB = "tab"  # switching between the Outlook and Statements tabs


# One session's cycle: each session adds a statement by its second action and moves a slider by
# its third, and moves sliders on both tabs (only the open tab's content runs).
CYCLE = (Action.TAB, Action.ADD, Action.SLIDER, Action.TAB, Action.SLIDER, Action.SLIDER)
# However slow the machine, every session gets this far (one add, one slider move) before the
# clock can stop it; each action is bounded by ACTION_TIMEOUT_MS.
FIRST_ROUND = CYCLE.index(Action.SLIDER) + 1


@dataclass
class SessionResult:
    """What one browser session did and saw."""

    session: int
    speaker: str
    open_ms: float | None = None
    latencies: dict[Action, list[float]] = field(default_factory=lambda: {action: [] for action in Action})
    added: list[str] = field(default_factory=list)  # texts the page confirmed as saved
    errors: list[str] = field(default_factory=list)
    running_shown: int = 0  # reruns long enough to show the "Running..." status widget
    # Per rerun: from the input to the page handling the run's first message (new_session), and
    # its script_finished message; the rest of the latency is the page catching up on rendering.
    first_message: list[float] = field(default_factory=list)
    finish_message: list[float] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # URLs off this machine the page asked for

    @property
    def reruns(self) -> list[float]:
        return [ms for action in Action for ms in self.latencies[action]]


@dataclass
class LoadReport:
    """The whole run: every session's result and what the store holds afterwards."""

    sessions: int
    seconds: float
    results: list[SessionResult]
    seeded: int
    stored: int
    missing: dict[int, list[str]]  # per session: confirmed texts not in the store
    unconfirmed: dict[int, list[str]]  # per session: stored texts the page never confirmed
    server_errors: list[str]
    environment: list[str]
    browser_version: str = ""

    @property
    def added(self) -> int:
        return sum(len(result.added) for result in self.results)

    @property
    def slider_reruns(self) -> int:
        return sum(len(result.latencies[Action.SLIDER]) for result in self.results)

    @property
    def rows_lost(self) -> int:
        """Confirmed statements not found in the store, or fewer rows than seeded + confirmed."""
        by_text = sum(len(texts) for texts in self.missing.values())
        return max(by_text, self.seeded + self.added - self.stored)

    @property
    def errors(self) -> list[str]:
        found = [f"session {r.session}: {error}" for r in self.results for error in r.errors]
        found += [f"server: {error}" for error in self.server_errors]
        for session, texts in self.unconfirmed.items():
            found += [f"session {session}: stored but never confirmed: {text!r}" for text in texts]
        # Unconfirmed rows are listed above; any other difference in the count is its own error.
        unconfirmed = sum(len(texts) for texts in self.unconfirmed.values())
        if self.stored != self.seeded + self.added + unconfirmed:
            found.append(
                f"store holds {self.stored} rows; expected {self.seeded} seeded + {self.added} added"
                + (f" + {unconfirmed} unconfirmed" if unconfirmed else "")
            )
        return found

    @property
    def reruns(self) -> list[float]:
        return [ms for result in self.results for ms in result.reruns]

    def summary_line(self) -> str:
        p50, p95 = percentile(self.reruns, 50), percentile(self.reruns, 95)
        return (
            f"{self.sessions} sessions x {self.seconds:g} s: {self.slider_reruns} slider reruns, "
            f"{self.added} statements added, rows lost {self.rows_lost}, errors {len(self.errors)}, "
            f"rerun latency p50 {milliseconds(p50)} ms, p95 {milliseconds(p95)} ms"
        )


# --- numbers and the table ------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float | None:
    """The pct-th percentile, interpolated between the nearest ranks; None for no values."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(pct) - 1]


def milliseconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def render_report(report: LoadReport) -> str:
    """The environment, one table row per session and per kind of rerun, and the README line."""
    headers = (
        "session",
        "slider",
        "adds",
        "tabs",
        "errors",
        "open ms",
        "p50 ms",
        "p95 ms",
        "max ms",
        "'Running...' shown",
    )
    rows = []
    for result in report.results:
        reruns = result.reruns
        rows.append(
            (
                str(result.session),
                str(len(result.latencies[Action.SLIDER])),
                str(len(result.added)),
                str(len(result.latencies[Action.TAB])),
                str(len(result.errors)),
                milliseconds(result.open_ms),
                milliseconds(percentile(reruns, 50)),
                milliseconds(percentile(reruns, 95)),
                milliseconds(max(reruns, default=None)),
                str(result.running_shown),
            )
        )
    everything = report.reruns
    rows.append(
        (
            "all",
            str(report.slider_reruns),
            str(report.added),
            str(sum(len(result.latencies[Action.TAB]) for result in report.results)),
            str(len(report.errors)),
            milliseconds(percentile([r.open_ms for r in report.results if r.open_ms is not None], 50)),
            milliseconds(percentile(everything, 50)),
            milliseconds(percentile(everything, 95)),
            milliseconds(max(everything, default=None)),
            str(sum(result.running_shown for result in report.results)),
        )
    )
    lines = [
        f"load test: {report.sessions} browser sessions x {report.seconds:g} s against one local server",
        *report.environment,
        f"browser: Chromium {report.browser_version}" if report.browser_version else "browser: ?",
        "",
        table(headers, rows),
        "",
        "rerun latency by kind (ms, all sessions):",
    ]
    for action in Action:
        values = [ms for result in report.results for ms in result.latencies[action]]
        p50, p95, most = percentile(values, 50), percentile(values, 95), max(values, default=None)
        lines.append(
            f"  {action.value:<7} {len(values):>5} reruns  p50 {milliseconds(p50):>6}"
            f"  p95 {milliseconds(p95):>6}  max {milliseconds(most):>6}"
        )
    lines.append("  from the input until the page handles the run's")
    for label, name in (("first message", "first_message"), ("script_finished", "finish_message")):
        values = [ms for result in report.results for ms in getattr(result, name)]
        lines.append(
            f"    {label:<15} p50 {milliseconds(percentile(values, 50)):>6}"
            f"  p95 {milliseconds(percentile(values, 95)):>6}"
        )
    lines += [
        "",
        f"store: {report.seeded} seeded + {report.added} added = {report.seeded + report.added} expected, "
        f"{report.stored} stored; rows lost {report.rows_lost}",
    ]
    blocked = sorted({url for result in report.results for url in result.blocked})
    if blocked:
        lines.append(f"requests off this machine, refused (not counted as errors): {', '.join(blocked)}")
    if report.errors:
        lines += ["", f"errors ({len(report.errors)}):", *(f"  {error}" for error in report.errors[:50])]
    lines += ["", report.summary_line()]
    return "\n".join(lines)


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


# --- the server -----------------------------------------------------------------------------


@contextlib.contextmanager
def dashboard_server(
    *,
    store_url: str,
    chromium: Path,
    log: Path,
    app: Path = APP,
    environment: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """`streamlit run dashboard/app.py` (or `app`) on a free loopback port; yields its URL, stops it after.

    `environment` is set last, over this function's own choices (the benchmark's figure 3 names
    its synthetic statements CSV there).
    """
    variables = {**os.environ, "SUMMIT_OUTLOOK_CHROMIUM": str(chromium), "SUMMIT_OUTLOOK_DB_URL": store_url}
    # Editing must be open and the page must show the store, whatever the caller's shell has set.
    for name in ("SUMMIT_OUTLOOK_STATEMENTS", "SUMMIT_OUTLOOK_EDITOR_SECRET"):
        variables.pop(name, None)
    variables.update(environment or {})
    with streamlit_server(app, variables, log) as url:
        yield url


def server_errors(log: Path) -> list[str]:
    """Tracebacks the server printed: one entry per traceback, its last line."""
    lines = log.read_text(errors="replace").splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.startswith("Traceback"):
            tail = next((later for later in lines[index + 1 :] if later and not later.startswith(" ")), line)
            found.append(tail.strip())
    return found


# --- one session ----------------------------------------------------------------------------


class Session:
    """One browser context on the dashboard, acting like a user and timing every rerun."""

    def __init__(self, page: Page, number: int, slider: str, url: str):
        self.page = page
        self.number = number
        self.slider = slider  # CSS selector of this session's slider thumb
        self.url = url
        self.result = SessionResult(number, SPEAKER.format(session=number))
        self.on_statements_tab = False
        self.step_right = True
        self.shown_on_open = 0
        self.compile_errors = 0
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.result.errors.append(f"page error: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and not where.startswith(f"{self.url}/"):
            return  # a request off this machine, refused by `block_off_host`: counted there
        self.result.errors.append(f"console error: {message.text[:300]} ({where})")

    async def block_off_host(self, route: Route) -> None:
        """Refuse every request that is not to the local server (the page icon, for one)."""
        self.result.blocked.add(route.request.url)
        await route.abort("blockedbyclient")

    async def state(self) -> dict:
        return await self.page.evaluate("() => ({...window.__summitLoad})")

    async def open(self) -> None:
        started = time.perf_counter()
        # The page of the bundled summit, where the sessions add their statements.
        await self.page.goto(f"{self.url}/?summit=trump-putin-2025", timeout=OPEN_TIMEOUT_MS)
        await self.page.wait_for_function(
            RUN_FINISHED_JS,
            arg=0,
            timeout=OPEN_TIMEOUT_MS,
            polling=POLL_MS,
        )
        await self.page.locator(self.slider).wait_for(state="attached", timeout=OPEN_TIMEOUT_MS)
        self.result.open_ms = (time.perf_counter() - started) * 1000
        self.shown_on_open = (await self.state())["shown"]
        await self.check_page()

    async def rerun(self, action: Action, act: Callable[[], Awaitable[None]]) -> None:
        """Do `act`, wait for the rerun it causes to finish, and record its latency."""
        before = (await self.state())["finished"]
        await act()
        try:
            await self.page.wait_for_function(
                RUN_FINISHED_JS, arg=before, timeout=ACTION_TIMEOUT_MS, polling=POLL_MS
            )
        except PlaywrightTimeout:
            state = await self.state()
            raise RuntimeError(
                f"no rerun finished within {ACTION_TIMEOUT_MS / 1000:g} s of the input; "
                f"runs finished before it: {before}; "
                f"last transitions (page ms): {', '.join(state['recent'])}"
            ) from None
        state = await self.state()
        if state["input"] is None or state["lastEnd"] is None:
            raise RuntimeError(f"{action.value}: no input or end time recorded")
        self.result.latencies[action].append(state["lastEnd"] - state["input"])
        if state["lastStart"] is not None and state["lastStart"] >= state["input"]:
            self.result.first_message.append(state["lastStart"] - state["input"])
        self.result.finish_message.append(state["lastFinishMessage"] - state["input"])
        self.result.running_shown = state["shown"] - self.shown_on_open
        await self.check_page()

    async def check_page(self) -> None:
        """Record any exception shown on the page, and any run the script could not even start."""
        compile_errors = (await self.state())["compileErrors"]
        if compile_errors > self.compile_errors:
            self.result.errors.append("the script failed to compile")
            self.compile_errors = compile_errors
        exceptions = self.page.locator("[data-testid='stException']")
        if count := await exceptions.count():
            text = (await exceptions.first.inner_text()).strip().replace("\n", " ")
            self.result.errors.append(f"{count} exception element(s) on the page: {text[:300]}")

    async def move_slider(self) -> None:
        key = "ArrowRight" if self.step_right else "ArrowLeft"
        self.step_right = not self.step_right
        thumb = self.page.locator(self.slider)

        async def press() -> None:
            await thumb.focus()
            await self.page.keyboard.press(key)

        await self.rerun(Action.SLIDER, press)

    async def switch_tab(self) -> None:
        name = "Outlook" if self.on_statements_tab else "Statements"
        await self.rerun(Action.TAB, self.page.get_by_role("tab", name=name).click)
        self.on_statements_tab = not self.on_statements_tab
        if self.on_statements_tab:
            await self.page.locator(".st-key-new_speaker input").wait_for(state="visible")

    async def add_statement(self) -> None:
        number = len(self.result.added) + 1
        text = TEXT.format(session=self.number, number=number)
        date = FIRST_DATE + dt.timedelta(days=(self.number * 11 + number) % DATE_SPAN_DAYS)
        page = self.page
        # The date is three spin buttons (year, month, day): typing fills them in turn.
        await page.locator(".st-key-new_date [role='spinbutton'][data-type='year']").focus()
        await page.keyboard.type(date.strftime("%Y%m%d"))
        typed = await page.locator(".st-key-new_date input[type='date']").input_value()
        if typed != date.isoformat():
            raise RuntimeError(f"add: the date field shows {typed!r}, not {date.isoformat()}")
        await page.locator(".st-key-new_speaker input").fill(self.result.speaker)
        await page.locator(".st-key-new_side input").fill(SIDE)
        await page.locator(".st-key-new_text textarea").fill(text)
        await self.rerun(Action.ADD, page.get_by_role("button", name="Save statement").click)
        saved = page.locator("[data-testid='stAlert']", has_text="Statement saved")
        described = page.locator("[data-testid='stText']", has_text=text)
        if not (await saved.count() and await described.count()):
            shown = await page.locator("[data-testid='stAlert']").all_inner_texts()
            raise RuntimeError(f"add: {text!r} not confirmed; the page says {shown[:3]}")
        self.result.added.append(text)

    async def act(self, action: Action) -> None:
        if action is Action.SLIDER:
            await self.move_slider()
        elif action is Action.ADD:
            await self.add_statement()
        else:
            await self.switch_tab()

    async def run(self, deadline: float) -> None:
        """Act in the cycle until the deadline (time.monotonic()), at least the first round;
        a failed action ends the session."""
        for step in range(MAX_ACTIONS_PER_SESSION):
            if step >= FIRST_ROUND and time.monotonic() >= deadline:
                break
            action = CYCLE[step % len(CYCLE)]
            try:
                await self.act(action)
            except Exception as error:  # any failure is a finding; the other sessions go on
                self.result.errors.append(f"{action.value} #{step + 1}: {type(error).__name__}: {error}")
                break
        connection = await self.page.locator("[data-testid='stApp']").get_attribute(
            "data-test-connection-state"
        )
        if connection != "CONNECTED":
            self.result.errors.append(f"connection state at the end: {connection}")


# --- the whole run --------------------------------------------------------------------------


async def drive(
    url: str, *, sessions: int, seconds: float, chromium: Path
) -> tuple[list[SessionResult], str]:
    """Open all sessions, let them act together for `seconds`, return what each did."""
    families = [family.id for family in default_rules().families]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            running = []
            for number in range(1, sessions + 1):
                context = await browser.new_context(viewport=VIEWPORT)
                context.set_default_timeout(ACTION_TIMEOUT_MS)
                await context.add_init_script(INSTRUMENT_JS)
                family = families[(number - 1) % len(families)]
                slider = f".st-key-w_family_{family} input[type='range']"
                session = Session(await context.new_page(), number, slider, url)
                await context.route(re.compile(rf"^(?!{re.escape(url)}/)"), session.block_off_host)
                running.append(session)
            # All sessions open at once (ten cold starts are part of the load), then act at once.
            opened = await asyncio.gather(*(session.open() for session in running), return_exceptions=True)
            ready = []
            for session, outcome in zip(running, opened, strict=True):
                if isinstance(outcome, BaseException):
                    session.result.errors.append(f"open: {type(outcome).__name__}: {outcome}")
                else:
                    ready.append(session)
            deadline = time.monotonic() + seconds
            tasks = {asyncio.create_task(session.run(deadline)): session for session in ready}
            # Each action is bounded by ACTION_TIMEOUT_MS; this bounds the whole run on top.
            _, late = await asyncio.wait(
                tasks, timeout=seconds + (FIRST_ROUND + 1) * ACTION_TIMEOUT_MS / 1000
            )
            for task in late:
                task.cancel()
                tasks[task].result.errors.append("still acting long after the deadline; stopped")
            for task, session in tasks.items():
                if task not in late and task.exception() is not None:
                    error = task.exception()
                    session.result.errors.append(f"session: {type(error).__name__}: {error}")
            version = browser.version
        finally:
            await browser.close()
    return [session.result for session in running], version


def verify_store(
    url: str, results: list[SessionResult]
) -> tuple[int, dict[int, list[str]], dict[int, list[str]]]:
    """The store's row count, and per session the confirmed texts missing and the unconfirmed ones."""
    store = Store(url)
    try:
        stored, frame = store.count(), store.frame()
    finally:
        store.close()
    missing, unconfirmed = {}, {}
    for result in results:
        texts = set(frame.loc[frame["speaker"] == result.speaker, "text"])
        if lost := [text for text in result.added if text not in texts]:
            missing[result.session] = lost
        if extra := sorted(texts - set(result.added)):
            unconfirmed[result.session] = extra
    return stored, missing, unconfirmed


def run_load(*, sessions: int, seconds: float, chromium: Path) -> LoadReport:
    """The whole load test: a server on a fresh store, the sessions, then the store checked."""
    header = environment()
    with tempfile.TemporaryDirectory(prefix="summit-load-") as folder:
        store_url = f"sqlite:///{Path(folder) / 'statements.db'}"
        seeded_store = open_seeded_store(store_url)
        seeded = seeded_store.count()
        seeded_store.close()
        log = Path(folder) / "server.log"
        with dashboard_server(store_url=store_url, chromium=chromium, log=log) as url:
            results, version = asyncio.run(drive(url, sessions=sessions, seconds=seconds, chromium=chromium))
            stored, missing, unconfirmed = verify_store(store_url, results)
        problems = server_errors(log)
    return LoadReport(
        sessions=sessions,
        seconds=seconds,
        results=results,
        seeded=seeded,
        stored=stored,
        missing=missing,
        unconfirmed=unconfirmed,
        server_errors=problems,
        environment=header,
        browser_version=version,
    )


# --- the command ----------------------------------------------------------------------------


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a positive number; got {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"expected a positive number; got {text!r}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sessions", type=_positive(int), default=DEFAULT_SESSIONS, help="browser sessions (default 10)"
    )
    parser.add_argument(
        "--seconds", type=_positive(float), default=DEFAULT_SECONDS, help="seconds of activity (default 60)"
    )
    parser.add_argument(
        "--chromium", type=Path, help="the Chromium binary (default: Debian's, or $SUMMIT_OUTLOOK_CHROMIUM)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    chromium = args.chromium
    if chromium is None:
        from summit_outlook.report.export import find_chromium

        found = find_chromium()
        if found.path is None:
            print(f"benchmarks.load: error: {found.reason} (`make chromium` installs it)", file=sys.stderr)
            return 2
        chromium = found.path
    try:
        report = run_load(sessions=args.sessions, seconds=args.seconds, chromium=chromium)
    except ServerFailed as error:
        print(f"benchmarks.load: error: {error}", file=sys.stderr)
        return 2
    print(render_report(report))
    return 1 if report.errors or report.rows_lost else 0


if __name__ == "__main__":
    sys.exit(main())
