"""Harness pieces shared by the figures: timed runs within a budget, the environment, the table."""

from __future__ import annotations

import gc
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summit_outlook.model import native

REPO = Path(__file__).resolve().parent.parent
PASS = "PASS"
MISS = "MISS"
NO_TARGET = "-"
# A pair of runs this short (1,000 statements and VADER on them: ~0.07 s) is at the mercy of the
# scheduler and the caches: three five-run medians in a row spread from 10.5x to 11.7x. They get five
# times the runs, so their median is as steady as a long measurement's.
SHORT_PAIR_SECONDS = 0.25
SHORT_PAIR_FACTOR = 5


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of each run of one measurement."""

    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def runs(self) -> int:
        return len(self.seconds)


def time_runs(run: Callable[[], object], *, runs: int) -> Timing:
    """Time `runs` calls of `run`; garbage is collected before each so runs start alike."""
    seconds = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return Timing(tuple(seconds))


@dataclass
class Budget:
    """How long one cell of the table may take, and how many runs it gets within that.

    Matching speed decides what is feasible: `seconds_per_statement` is updated from every
    measured match, so a size whose single run would blow the budget is skipped (or sampled)
    before it starts, not after ten minutes.
    """

    repeats: int
    cell_seconds: float
    seconds_per_statement: float | None = None
    notes: list[str] = field(default_factory=list)

    def runs_for(self, estimate_seconds: float, *, most: int | None = None) -> int:
        """Runs that fit the cell budget (0 when even one would not), at most `repeats`."""
        if estimate_seconds > self.cell_seconds:
            return 0
        fit = int(self.cell_seconds // max(estimate_seconds, 1e-9))
        return max(1, min(most or self.repeats, self.repeats, fit))

    def pairs_for(self, pair_seconds: float) -> int:
        """Alternating pairs for a measurement and its baseline: as `runs_for`, but a short pair
        gets SHORT_PAIR_FACTOR times as many, still within the cell budget."""
        pairs = self.runs_for(pair_seconds)
        if pair_seconds < SHORT_PAIR_SECONDS:
            pairs = min(pairs * SHORT_PAIR_FACTOR, int(self.cell_seconds // max(pair_seconds, 1e-9)))
        return pairs

    def measure(
        self, run: Callable[[], object], *, estimate: float = 0.0, most: int | None = None
    ) -> Timing | None:
        """Median-ready runs of `run` within the cell budget; None (not run) when one would not fit.

        The first run is timed before deciding how many more fit, so an estimate that was too
        optimistic costs one run, not `repeats`.
        """
        if estimate > self.cell_seconds:
            return None
        first = time_runs(run, runs=1)
        more = time_runs(run, runs=self.runs_for(first.median, most=most) - 1)
        return Timing(first.seconds + more.seconds)

    def measure_pair(
        self, run: Callable[[], object], baseline: Callable[[], object], *, estimate: float = 0.0
    ) -> tuple[Timing, Timing] | None:
        """Runs of a measurement and its baseline, alternating, so both see the same machine load."""
        if estimate > self.cell_seconds:
            return None
        ours, theirs = list(time_runs(run, runs=1).seconds), list(time_runs(baseline, runs=1).seconds)
        for _ in range(self.pairs_for(ours[0] + theirs[0]) - 1):
            ours += time_runs(run, runs=1).seconds
            theirs += time_runs(baseline, runs=1).seconds
        return Timing(tuple(ours)), Timing(tuple(theirs))

    def estimate(self, statements: int) -> float:
        """Seconds to match this many statements at the last measured rate (0 before any)."""
        return statements * (self.seconds_per_statement or 0.0)

    def learn(self, statements: int, seconds: float) -> None:
        if statements >= 1000 or self.seconds_per_statement is None:
            self.seconds_per_statement = max(seconds, 1e-9) / max(statements, 1)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    figure: str
    size: str
    runs: str
    value: str
    baseline: str
    ratio: str
    target: str
    result: str


HEADERS = Row("figure", "size", "runs", "median", "baseline (same run)", "ratio", "target", "result")


def verdict(ok: bool) -> str:
    return PASS if ok else MISS


def skipped(reason: str) -> str:
    return f"n/a ({reason})"


def count(n: int) -> str:
    return f"{n:,}"


def duration(seconds: float) -> str:
    if seconds < 1.0:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 120:
        return f"{seconds:.2f} s"
    return f"{seconds / 60:.1f} min"


def rate(per_second: float) -> str:
    return f"{per_second:,.0f} stmt/s"


def render_table(rows: Sequence[Row]) -> str:
    """A plain-text table, one row per measurement, columns padded to their widest cell."""
    table = [HEADERS, *rows]
    columns = list(zip(*(vars(row).values() for row in table), strict=True))
    widths = [max(len(cell) for cell in column) for column in columns]
    lines = []
    for index, row in enumerate(table):
        cells = list(vars(row).values())
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _git_revision() -> str:
    try:
        revision = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except OSError:
        revision = ""
    return revision or "unknown"


def environment() -> list[str]:
    """Header lines: what machine and versions the figures were measured on."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    versions = ", ".join(
        f"{name} {_version(name)}" for name in ("numpy", "pandas", "vaderSentiment", "streamlit")
    )
    return [
        f"cpus: {os.cpu_count()} ({usable} usable), load average {load}; {platform.platform()}",
        f"python {platform.python_version()} ({sys.executable}); {versions}",
        f"revision {_git_revision()}; clause reader: {native.READER_NOTE}",
    ]
