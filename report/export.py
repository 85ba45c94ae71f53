"""Chart exports: PNG/SVG through kaleido and a local Chromium, offline HTML, and export file names.

CSV files are written by summit_outlook.csv_files.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import html
import logging
import os
import re
import signal
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from summit_outlook.report.charts import EXPORT_HEIGHT, EXPORT_SCALE, EXPORT_WIDTH, for_export, svg_markers

CHROMIUM_ENV = "SUMMIT_OUTLOOK_CHROMIUM"
# Debian's package installs /usr/bin/chromium; older releases and Ubuntu call it chromium-browser.
CHROMIUM_PATHS: tuple[Path, ...] = (Path("/usr/bin/chromium"), Path("/usr/bin/chromium-browser"))
# Measured here on 2 cores: the browser opens in ~1.6 s and an export takes 0.1-0.2 s once MathJax is
# off. The limits leave a loaded machine ample room and still end a hung render.
STARTUP_TIMEOUT_S = 30.0
RENDER_TIMEOUT_S = 20.0
# How often a waiting render checks that the browser is still running (its launcher's exit shows
# within a few ms of Chromium's), so a browser that dies mid-export fails the export at once.
BROWSER_CHECK_INTERVAL_S = 0.25


class ImageFormat(StrEnum):
    """Static image formats kaleido renders for us."""

    PNG = "png"
    SVG = "svg"


MIME_TYPES: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "html": "text/html",
    "csv": "text/csv",
    "json": "application/json",
}


class ExportError(RuntimeError):
    """An export that could not be made; the message says why and what to do."""


# --- Chromium and kaleido ----------------------------------------------------------------------


@dataclass(frozen=True)
class BrowserSearch:
    """Where a Chromium binary was found, or why none is usable."""

    path: Path | None
    reason: str = ""


def find_chromium(environ: Mapping[str, str] = os.environ) -> BrowserSearch:
    """The Chromium to render images with: $SUMMIT_OUTLOOK_CHROMIUM if set, else Debian's paths.

    Checked before kaleido starts: without a browser kaleido's server fails in a background
    thread and every later export would wait forever.
    """
    configured = environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        path = Path(configured)
        if path.is_file() and os.access(path, os.X_OK):
            return BrowserSearch(path)
        return BrowserSearch(None, f"{CHROMIUM_ENV}={configured} is not an executable file")
    for path in CHROMIUM_PATHS:
        if path.is_file() and os.access(path, os.X_OK):
            return BrowserSearch(path)
    searched = ", ".join(str(path) for path in CHROMIUM_PATHS)
    return BrowserSearch(
        None, f"no Chromium found ({searched}); install Debian's chromium or set {CHROMIUM_ENV}"
    )


class ChartExporter:
    """One kaleido browser, opened once, serving PNG/SVG renders from any thread with a timeout.

    kaleido's own sync server has no timeout on a call and shares one result queue between
    callers, so we own the event loop: each render is a future we can wait on with a limit.
    The browser opens in the background, so creating an exporter never blocks the page.
    A browser that failed to start, stopped (crashed, killed) or failed a render is replaced by a
    fresh one, so one bad moment does not break every later export of a long-running server.
    """

    def __init__(
        self,
        browser: Path,
        *,
        startup_timeout: float = STARTUP_TIMEOUT_S,
        render_timeout: float = RENDER_TIMEOUT_S,
    ) -> None:
        self.browser = browser
        self.startup_timeout = startup_timeout
        self.render_timeout = render_timeout
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._closing: list[concurrent.futures.Future] = []
        self._profiles: set[bytes] = set()  # their profile arguments, which each of their processes carries
        self._loop = asyncio.new_event_loop()
        self._loop.set_exception_handler(_log_loop_error)
        self._thread = threading.Thread(target=self._loop.run_forever, name="chart-exporter", daemon=True)
        self._thread.start()
        self._kaleido = self._start()
        atexit.register(self.close)  # for an exit while the browser is still opening

    def _start(self) -> concurrent.futures.Future:
        """Open a browser in the background; the future holds it, or why it did not open."""
        return asyncio.run_coroutine_threadsafe(self._open(), self._loop)

    async def _open(self):
        # Checked first: kaleido would start its launcher anyway and report a vague failure ~2 s later.
        if not (self.browser.is_file() and os.access(self.browser, os.X_OK)):
            raise ExportError(
                f"{self.browser} is not an executable file; install Debian's chromium or set {CHROMIUM_ENV}"
            )
        import kaleido  # imported here: the CSV and HTML exports must work without it

        _one_line_errors(_BROWSER_LOGGERS)
        # mathjax=False: otherwise every render waits ~5 s on fetching MathJax, which fails offline.
        browser = kaleido.Kaleido(
            n=1, timeout=self.render_timeout, mathjax=False, path=str(self.browser), headless=True
        )
        await browser.open()
        process = getattr(browser, "subprocess", None)
        if process is not None:
            self._profiles |= _profile_arguments(process.pid)
        # Registered after opening, so it runs before the exit hooks that delete the browser's
        # temporary profile (atexit runs last-registered first); else Chromium outlives its profile.
        # Moved, not added, on each restart: one registration is enough.
        atexit.unregister(self.close)
        atexit.register(self.close)
        return browser

    @property
    def profiles(self) -> frozenset[bytes]:
        """The --user-data-dir arguments of the browsers opened so far: every process of one of
        them carries its argument, which tells them from another exporter's (Linux: /proc)."""
        return frozenset(self._profiles)

    def startup_problem(self) -> str | None:
        """Why the browser failed to open, once known; None while starting or when running."""
        if not self._kaleido.done():
            return None
        error = self._kaleido.exception()
        return None if error is None else f"Chromium could not start ({_reason(error)})"

    def render(
        self,
        figure: go.Figure,
        image_format: ImageFormat,
        *,
        width: int = EXPORT_WIDTH,
        height: int = EXPORT_HEIGHT,
        scale: float = EXPORT_SCALE,
        again: bool = True,
    ) -> bytes:
        """The figure as PNG or SVG bytes; raises ExportError on any failure or timeout.

        Takes at most startup_timeout (when a browser has to be started) plus a little over
        render_timeout; twice that when a fresh browser's page had not loaded kaleido's scripts
        (seen on a loaded machine: "kaleido_scopes is not defined"), which is tried once more.
        """
        name = image_format.value.upper()
        opening = self._usable_browser()
        try:
            browser = opening.result(timeout=self.startup_timeout)
        except concurrent.futures.TimeoutError:
            raise self._failed(f"Chromium did not start within {self.startup_timeout:g} s") from None
        except Exception as error:
            raise self._failed(f"Chromium could not start ({_reason(error)})") from None
        options = {"format": image_format.value, "width": width, "height": height, "scale": scale}
        job = asyncio.run_coroutine_threadsafe(browser.calc_fig(figure, opts=options), self._loop)
        try:
            data = self._result(job, browser, name)
        except ExportError as error:
            # The browser may be half-broken (a crashed tab is never handed back): start afresh.
            self._replace(opening)
            if again and _page_not_ready(error):
                return self.render(figure, image_format, width=width, height=height, scale=scale, again=False)
            raise
        self.last_error = None
        return data

    def _result(self, job: concurrent.futures.Future, browser: object, name: str) -> bytes:
        """The render's bytes; ExportError when it fails, times out or its browser stops meanwhile."""
        # A little over kaleido's own render timeout, so its clearer error wins when it fires.
        deadline = time.monotonic() + self.render_timeout + 2
        while not job.done():
            # Checked now and then: a render on a browser that died may never finish on its own.
            if not _running(browser) or time.monotonic() >= deadline:
                job.cancel()
                break
            concurrent.futures.wait([job], timeout=BROWSER_CHECK_INTERVAL_S)
        if job.done() and not job.cancelled() and job.exception() is None:
            return job.result()
        error = None if job.cancelled() else job.exception()
        # A closed pipe is a browser that stopped, seen before its launcher process has exited.
        if not _running(browser) or _channel_closed(error):
            raise self._failed(
                f"the {name} export failed: Chromium stopped during it; it is restarting, try again"
            )
        if error is None or isinstance(error, TimeoutError):
            raise self._failed(f"the {name} export timed out; try again")
        raise self._failed(f"the {name} export failed ({_reason(error)}); try again")

    def _usable_browser(self) -> concurrent.futures.Future:
        """The current browser's future; a fresh one if it failed to start or has stopped since."""
        with self._lock:
            current = self._kaleido
            if current.done() and (current.exception() is not None or not _running(current.result())):
                self._replace_locked(current)
            return self._kaleido

    def _replace(self, stale: concurrent.futures.Future) -> None:
        """Start a new browser in place of `stale`, unless another thread already has."""
        with self._lock:
            self._replace_locked(stale)

    def _replace_locked(self, stale: concurrent.futures.Future) -> None:
        if stale is not self._kaleido or not self._loop.is_running():
            return
        self._closing = [closing for closing in self._closing if not closing.done()]
        if stale.done() and stale.exception() is None:
            self._closing.append(asyncio.run_coroutine_threadsafe(stale.result().close(), self._loop))
        self._kaleido = self._start()

    def _failed(self, message: str) -> ExportError:
        self.last_error = message
        return ExportError(message)

    def close(self) -> None:
        """Close the browser and stop the loop; safe to call twice."""
        if not self._loop.is_running():
            return
        with self._lock:
            current, closing = self._kaleido, list(self._closing)
        concurrent.futures.wait([current], timeout=self.startup_timeout)
        if current.done() and current.exception() is None:
            closing.append(asyncio.run_coroutine_threadsafe(current.result().close(), self._loop))
        # Closing a broken browser must not raise (this runs at interpreter exit), nor hang: a
        # browser that ignores Browser.close is killed by choreographer within ~10 s.
        concurrent.futures.wait(closing, timeout=15)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        _kill_leftovers(self._profiles)


PROFILE_FLAG = b"--user-data-dir="
LEFTOVER_SCANS = 5  # a dying zygote may fork once more while its browser's processes are killed


def _profile_arguments(pid: int) -> set[bytes]:
    """The --user-data-dir argument a browser was launched with (Linux: /proc), or none."""
    try:
        arguments = _arguments(Path(f"/proc/{pid}/cmdline").read_bytes())
    except OSError:
        return set()
    return {argument for argument in arguments if argument.startswith(PROFILE_FLAG)}


def launched_with(pid: int, profiles: frozenset[bytes] | set[bytes]) -> bool:
    """Whether a live process names one of these --user-data-dir arguments (Linux: /proc)."""
    try:
        return names_a_profile(Path(f"/proc/{pid}/cmdline").read_bytes(), profiles)
    except OSError:
        return False


def names_a_profile(command_line: bytes, profiles: frozenset[bytes] | set[bytes]) -> bool:
    """Whether a /proc command line holds one of these arguments. Chromium's zygote-forked processes
    (renderers) rewrite theirs as one string with spaces, so arguments are split on both."""
    return not set(profiles).isdisjoint(_arguments(command_line))


def _arguments(command_line: bytes) -> list[bytes]:
    return command_line.replace(b"\0", b" ").split() or [b""]


def _kill_leftovers(profiles: set[bytes]) -> None:
    """Kill what is left of closed browsers: choreographer ends a browser's launcher, and a helper
    process of its (a utility such as OnDeviceModelService) was seen alive 30 s later, outside the
    browser's process group once its parent had been killed. A process is the browsers' when it
    is Chromium and carries one of their profile folders: each of a browser's processes names it.
    (Not by process group or session: those ids are a dead launcher's pid, which the system
    reuses, so another browser's processes could be taken for its.) Linux: /proc."""
    for _ in range(LEFTOVER_SCANS):
        left = _leftovers(profiles)
        if not left:
            return
        for pid in left:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)


def _leftovers(profiles: set[bytes]) -> list[int]:
    proc = Path("/proc")
    if not profiles or not proc.is_dir():
        return []
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command_line = (entry / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if state == "Z" or b"chrom" not in _arguments(command_line)[0].lower():
            continue
        if names_a_profile(command_line, profiles):
            found.append(int(entry.name))
    return found


# The loggers of the browser libraries: they log a killed browser's errors with tracebacks.
_BROWSER_LOGGERS = ("kaleido", "choreographer", "logistro")


class _OneLineErrors(logging.Filter):
    """An error logged with its traceback becomes one line with the error's reason.

    kaleido and choreographer log a killed or crashed browser's errors with their tracebacks, from
    the exporter's thread. The reason is what a server log needs; and formatting a traceback on
    Python 3.11 parses source code (for the ^^^ marks), which CPython 3.11.7 cannot do in two
    threads at once (gh-106905: "AST constructor recursion depth mismatch" in the other thread).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info
        if error:
            if isinstance(error, tuple):
                error = error[1]
            if isinstance(error, BaseException):
                record.msg, record.args = f"{record.getMessage()} ({_reason(error)})", ()
            record.exc_info = None
        return True


_ONE_LINE_ERRORS = _OneLineErrors()
_LOG = logging.getLogger(__name__)


def _log_loop_error(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """A failed background task of the exporter's loop (a killed browser's reader): one line, for
    the reasons of _OneLineErrors, instead of asyncio's traceback."""
    error = context.get("exception")
    reason = _reason(error) if error is not None else context.get("message", "error")
    _LOG.warning("chart exporter: %s", reason)


def _one_line_errors(prefixes: tuple[str, ...]) -> None:
    """Put the filter on every logger under these names (a logger's filters are its own: its
    children's records do not pass them)."""
    names = [name for name in logging.Logger.manager.loggerDict if name.split(".")[0] in prefixes]
    for name in [*prefixes, *names]:
        logger = logging.getLogger(name)
        if _ONE_LINE_ERRORS not in logger.filters:
            logger.addFilter(_ONE_LINE_ERRORS)


def _page_not_ready(error: ExportError) -> bool:
    """Whether a render failed because the browser's page had not loaded kaleido's scripts yet."""
    message = str(error)
    return "JavascriptError" in message and "is not defined" in message


def _running(browser: object) -> bool:
    """Whether a browser's process is still alive (kaleido runs Chromium under a launcher process)."""
    process = getattr(browser, "subprocess", None)
    return process is not None and process.poll() is None


def _channel_closed(error: BaseException | None) -> bool:
    """Whether a render failed on the browser's pipe closing (choreographer's ChannelClosedError;
    named, not imported: kaleido is imported only when a browser is opened)."""
    return error is not None and type(error).__name__ == "ChannelClosedError"


def _reason(error: BaseException) -> str:
    """A one-line reason: choreographer packs several sentences into an exception's args."""
    if isinstance(error, ExportError):
        return str(error)
    first = error.args[0] if error.args else ""
    return f"{type(error).__name__}: {first}" if isinstance(first, str) and first else type(error).__name__


def render_image(figure: go.Figure, image_format: ImageFormat, exporter: ChartExporter) -> bytes:
    """The exported chart (fixed size, no interactive controls) as PNG or SVG bytes.

    PNG is rendered at EXPORT_SCALE for sharp print; SVG is vector, so its size stays 1:1. The
    image is as tall as the exported figure (taller than EXPORT_HEIGHT by a long weights note or a
    third legend row), so those never squeeze the plot.
    """
    scale = EXPORT_SCALE if image_format is ImageFormat.PNG else 1
    exported = for_export(figure)
    return exporter.render(exported, image_format, height=int(exported.layout.height), scale=scale)


# --- HTML ---------------------------------------------------------------------------------------


def chart_html(
    figure: go.Figure, *, config: Mapping[str, object] | None = None, title: str | None = None
) -> str:
    """A standalone page of the interactive chart that works offline: plotly.js is embedded.

    The page is titled (the browser's tab, a bookmark) with `title`, by default the chart's own.
    """
    page = svg_markers(figure).to_html(include_plotlyjs=True, full_html=True, config=dict(config or {}))
    if title is None:
        lines = str(figure.layout.title.text or "Summit outlook").replace("<br>", " ")
        title = re.sub(r"<[^>]+>", "", lines)
        title = html.unescape(title)
    return page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)


# --- names --------------------------------------------------------------------------------------


def export_stem(what: str, end: pd.Timestamp | None, *, custom: bool = False, summit: str = "") -> str:
    """A file name without extension that says what it is:
    summit-outlook-trump-putin-2025-chart-2025-11-17-custom-weights."""
    day = f"-{end:%Y-%m-%d}" if end is not None else ""
    weights = "-custom-weights" if custom else ""
    whose = f"{summit}-" if summit else ""
    return f"summit-outlook-{whose}{what}{day}{weights}"


def export_name(
    what: str, end: pd.Timestamp | None, extension: str, *, custom: bool = False, summit: str = ""
) -> str:
    """The stem with its extension: summit-outlook-trump-putin-2025-chart-2025-11-17.png."""
    return f"{export_stem(what, end, custom=custom, summit=summit)}.{extension}"
