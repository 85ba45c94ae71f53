"""Faults in real processes: SIGKILL mid-import and mid-export, a full disk, a read-only store, and the
image-export browser dying. Each ends in a clear message and data that is whole: before or after.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import plotly.graph_objects as go
import pytest

from summit_outlook.model.statements import COLUMNS
from summit_outlook.model.summits import BUNDLED_SUMMIT_ID
from summit_outlook.report.export import ChartExporter, ExportError, ImageFormat, launched_with, render_image
from tests.browser_support import require_chromium
from tests.conftest import CLI

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals and /proc")

# One seed, so a failing round can be replayed; the delays still meet a machine's own timing.
SEED = 6
# 20,000 statements take ~1.2 s to import here (0.6 s of it start-up), ~0.7 s to export.
IMPORT_ROWS = 20_000
KILL_ROUNDS = 25
EXPORT_KILL_ROUNDS = 12
# Kills land up to this factor past a normal run's duration, so some find the command finished.
DELAY_SPAN = 1.2
# The kill loops stop starting rounds after this long: all 25 take ~30 s here, but a machine loaded
# ten times over gets through a handful. Every round that runs is checked; at least MIN_ROUNDS must.
KILL_LOOP_BUDGET_S = 45.0
MIN_ROUNDS = 5
COMMAND_TIMEOUT_S = 120
# The browser tests' limits: short, so a dead browser shows as an error in seconds, not minutes.
BROWSER_STARTUP_S = 20.0
BROWSER_RENDER_S = 6.0
# A browser path that is no program fails at once (~0 s; a Chromium start takes ~2 s): allowing
# for a loaded machine.
FAST_FAILURE_S = 5.0
KILLS_DURING_RENDER = 3
# How long a closed exporter's processes may take to exit (choreographer's kill takes ~10 s).
CLOSE_BOUND_S = 30.0
# A render whose browser is killed ends this soon after (the exporter checks every 0.25 s).
KILL_NOTICED_S = 5.0
# The most one render may take: start a browser, render (ChartExporter allows 2 s over), 3 s of slack.
RENDER_BOUND_S = BROWSER_STARTUP_S + BROWSER_RENDER_S + 2 + 3


# --- helpers: the CLI against a store in tmp_path -------------------------------------------------


def _environment(db: Path | str) -> dict[str, str]:
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    return {**os.environ, "SUMMIT_OUTLOOK_DB_URL": url, "PYTHONWARNINGS": "ignore"}


def _command(*args: str) -> list[str]:
    if not CLI.exists():
        pytest.fail(f"console command not installed at {CLI}; run `make test`")
    return [str(CLI), *args]


def _run(db: Path | str, *args: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        _command(*args),
        env={**_environment(db), **(extra_env or {})},
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )


def _write_statements(path: Path, count: int, tag: str) -> Path:
    """`count` distinct, valid statements; each speaker is tagged, so a round's rows can be counted."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for number in range(count):
            day = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}"
            text = f"We are ready to meet at the summit ({tag} {number})."
            writer.writerow(
                [day, f"Envoy {tag}-{number}", "envoy", "A", text, "test", "quote", "", BUNDLED_SUMMIT_ID]
            )
    return path


def _counts(db: Path, tag: str | None = None) -> tuple[int, int]:
    """(all statements, statements of `tag`), after checking the file's integrity."""
    # In a folder made unwritable SQLite can only read the file as immutable (no -shm file).
    writable = os.access(db.parent, os.W_OK)
    target, uri = (db, False) if writable else (f"file:{db}?mode=ro&immutable=1", True)
    with contextlib.closing(sqlite3.connect(target, uri=uri)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        total = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        tagged = 0
        if tag is not None:
            pattern = f"Envoy {tag}-%"
            tagged = conn.execute(
                "SELECT count(*) FROM statements WHERE speaker LIKE ?", (pattern,)
            ).fetchone()[0]
    return total, tagged


def _seed(db: Path, tmp_path: Path) -> int:
    """Seed the store the way a user would (first command seeds the bundled data) plus 5 rows."""
    done = _run(db, "import", str(_write_statements(tmp_path / "seed.csv", 5, "seed")))
    assert done.returncode == 0, done.stderr
    return _counts(db)[0]


def _timed_run(db: Path, *args: str) -> float:
    started = time.monotonic()
    done = _run(db, *args)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def _open_files(pid: int) -> set[str]:
    """Paths a process has open (empty once it has exited)."""
    folder = Path(f"/proc/{pid}/fd")
    found: set[str] = set()
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            with contextlib.suppress(OSError):
                found.add(os.readlink(entry))
    return found


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _import_phase(child: subprocess.Popen, db: Path, wal_size_at_start: int) -> str:
    """Where the import was when it was killed, from the outside: its open files and the WAL."""
    if child.poll() is not None:
        return "finished"
    if str(db.resolve()) not in _open_files(child.pid):
        return "starting"
    if _size(db.with_name(db.name + "-wal")) > wal_size_at_start:
        return "writing"
    return "validating"


# --- SIGKILL during `summit-outlook import` ------------------------------------------------------


def test_sigkill_during_cli_import_leaves_the_store_before_or_after(tmp_path: Path) -> None:
    db = tmp_path / "statements.db"
    base = _seed(db, tmp_path)
    calibration = _write_statements(tmp_path / "calibration.csv", IMPORT_ROWS, "calibration")
    import_seconds = _timed_run(db, "import", str(calibration))
    expected_total = base + IMPORT_ROWS
    assert _counts(db) == (expected_total, 0)

    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    untouched: list[Path] = []  # files whose import was killed before it committed
    started_loop = time.monotonic()
    rounds = 0
    for round_number in range(KILL_ROUNDS):
        if time.monotonic() - started_loop > KILL_LOOP_BUDGET_S:
            break
        tag = f"r{round_number:02d}"
        big = _write_statements(tmp_path / f"big-{tag}.csv", IMPORT_ROWS, tag)
        delay = rng.uniform(0, import_seconds * DELAY_SPAN)
        wal_at_start = _size(db.with_name(db.name + "-wal"))
        child = subprocess.Popen(
            _command("import", str(big)),
            env=_environment(db),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        phase = _import_phase(child, db, wal_at_start)
        child.kill()  # SIGKILL; a no-op when it has already exited
        child.wait(COMMAND_TIMEOUT_S)
        total, added = _counts(db, tag)
        if (total, added) == (expected_total, 0):
            outcome = "before"
            untouched.append(big)
        elif (total, added) == (expected_total + IMPORT_ROWS, IMPORT_ROWS):
            outcome = "after"
            expected_total = total
        else:
            outcome = "in between"
        outcomes[outcome] += 1
        phases[phase] += 1
        rounds += 1
        assert outcome != "in between", (
            f"round {tag}: killed at {delay:.3f} s ({phase}): {total} statements, {added} of this "
            f"import's {IMPORT_ROWS}; expected {expected_total} or {expected_total + IMPORT_ROWS}"
        )
    assert rounds >= MIN_ROUNDS, f"only {rounds} kill rounds in {KILL_LOOP_BUDGET_S:g} s"

    # A normal import still works afterwards: a new file, and one whose import was killed.
    for path in [_write_statements(tmp_path / "final.csv", IMPORT_ROWS, "final"), *untouched[:1]]:
        done = _run(db, "import", str(path))
        assert done.returncode == 0, done.stderr
        assert f"imported {IMPORT_ROWS} statement(s), skipped 0" in done.stdout
        expected_total += IMPORT_ROWS
    assert _counts(db)[0] == expected_total  # no row lost, none doubled
    print(
        f"\n{rounds} kills of `summit-outlook import` ({IMPORT_ROWS} rows, a normal run {import_seconds:.2f} s, "
        f"delays 0-{import_seconds * DELAY_SPAN:.2f} s, seed {SEED}): {outcomes['before']} before, "
        f"{outcomes['after']} after, {outcomes['in between']} in between; killed while "
        + ", ".join(f"{name} {count}" for name, count in sorted(phases.items()))
        + "; rows lost 0"
    )


# --- SIGKILL during `summit-outlook export` ------------------------------------------------------


def _temporary_exports(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*"))


def test_sigkill_during_cli_export_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    db = tmp_path / "statements.db"
    _seed(db, tmp_path)
    assert _run(db, "import", str(_write_statements(tmp_path / "a.csv", IMPORT_ROWS, "a"))).returncode == 0
    out = tmp_path / "out" / "statements.csv"
    out.parent.mkdir()
    assert _run(db, "export", str(out)).returncode == 0
    old = out.read_bytes()
    assert _run(db, "import", str(_write_statements(tmp_path / "b.csv", 500, "b"))).returncode == 0
    reference = tmp_path / "reference.csv"
    export_seconds = _timed_run(db, "export", str(reference))
    new = reference.read_bytes()
    assert new != old and new.startswith(old[: old.index(b"\n") + 1])

    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    leftovers = 0
    started_loop = time.monotonic()
    rounds = 0
    for _ in range(EXPORT_KILL_ROUNDS):
        if time.monotonic() - started_loop > KILL_LOOP_BUDGET_S:
            break
        out.write_bytes(old)
        delay = rng.uniform(0, export_seconds * DELAY_SPAN)
        child = subprocess.Popen(
            _command("export", str(out)),
            env=_environment(db),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        child.kill()
        child.wait(COMMAND_TIMEOUT_S)
        data = out.read_bytes()
        outcome = "old" if data == old else "new" if data == new else "partial"
        assert outcome != "partial", f"killed at {delay:.3f} s: {len(data)} bytes, neither old nor new"
        outcomes[outcome] += 1
        rounds += 1
        # A kill mid-write can leave its hidden temporary file behind (never the real name); the
        # next export removes it, since the process that wrote it is gone.
        left = _temporary_exports(out.parent, out.name)
        assert len(left) <= 1, f"temporary files pile up: {left}"
        leftovers += len(left)
        assert sorted(path.name for path in out.parent.iterdir() if path not in left) == [out.name]
    assert rounds >= MIN_ROUNDS
    assert _run(db, "export", str(out)).returncode == 0 and out.read_bytes() == new
    assert sorted(path.name for path in out.parent.iterdir()) == [out.name]
    print(
        f"\n{rounds} kills of `summit-outlook export` (a normal run {export_seconds:.2f} s, seed {SEED}): "
        f"{outcomes['old']} old file intact, {outcomes['new']} new file complete, 0 partial; "
        f"{leftovers} hidden temporary file(s) left by kills, each removed by the next export"
    )


# --- full disk ---------------------------------------------------------------------------------------

# Test-only start-up hook for the CLI: caps every SQLite database it opens at its size then plus a
# few pages, so SQLite itself reports SQLITE_FULL. Used where no tiny file system can be mounted.
CAPPED_SQLITE = """
import sqlite3
import sqlite3.dbapi2

_connect = sqlite3.connect


def _capped(*args, **kwargs):
    connection = _connect(*args, **kwargs)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages + 4}")
    return connection


sqlite3.connect = sqlite3.dbapi2.connect = _capped
"""


@pytest.fixture
def tiny_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (root only): the disk really fills up."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root; the max_page_count case covers the rest")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.mark.parametrize("how", ["tmpfs", "max_page_count"])
def test_a_full_disk_during_cli_import_exits_2_and_changes_nothing(
    how: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    extra_env: dict[str, str] = {}
    if how == "tmpfs":
        db = request.getfixturevalue("tiny_filesystem") / "statements.db"
    else:
        db = tmp_path / "statements.db"
        hooks = tmp_path / "hooks"
        hooks.mkdir()
        (hooks / "sitecustomize.py").write_text(CAPPED_SQLITE)
        extra_env["PYTHONPATH"] = str(hooks)
    base = _seed(db, tmp_path)  # before the cap: a tiny import fits in the pages in hand

    big = _write_statements(tmp_path / "big.csv", IMPORT_ROWS, "big")  # ~5 MB stored: over either limit
    done = _run(db, "import", str(big), extra_env=extra_env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert (
        done.stderr
        == f"summit-outlook: error: cannot save: the disk is full ({db}); free some space, try again\n"
    )
    assert done.stdout == ""
    assert _counts(db, "big") == (base, 0)
    timeline = _run(db, "timeline", "--store", extra_env=extra_env)
    assert timeline.returncode == 0 and timeline.stdout.startswith("date,outlook,status"), timeline.stderr
    if how == "tmpfs":  # the failed transaction gave its space back: a small import fits again
        done = _run(db, "import", str(_write_statements(tmp_path / "small.csv", 3, "small")))
        assert done.returncode == 0, done.stderr
        assert _counts(db, "small") == (base + 3, 3)


# --- read-only store -----------------------------------------------------------------------------


def _make_unwritable(path: Path, request: pytest.FixtureRequest) -> None:
    """Unwritable also for root: permission bits, plus the immutable attribute when root."""
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    request.addfinalizer(lambda: path.chmod(mode))
    if os.geteuid() != 0:
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("running as root and cannot set the immutable attribute (chattr +i)")
    # Registered last, so it runs first: the mode can only change once the file is mutable again.
    request.addfinalizer(
        lambda: subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    )


@pytest.mark.parametrize(
    "how",
    [
        "read-only file",
        "read-only URL",
        "read-only folder",
    ],
)
def test_a_read_only_store_refuses_imports_clearly_and_still_shows_the_timeline(
    how: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db = tmp_path / "store" / "statements.db"
    db.parent.mkdir()
    base = _seed(db, tmp_path)
    url: Path | str = db
    if how == "read-only file":
        _make_unwritable(db, request)
    elif how == "read-only URL":
        url = f"sqlite:///file:{db}?mode=ro&uri=true"
    else:
        _make_unwritable(db.parent, request)

    done = _run(url, "import", str(_write_statements(tmp_path / "new.csv", 10, "new")))
    assert done.returncode == 2
    assert done.stderr == f"summit-outlook: error: cannot save: the statements database is read-only ({db})\n"
    timeline = _run(url, "timeline", "--store", "--format", "json")
    assert timeline.returncode == 0, timeline.stderr
    assert timeline.stdout.lstrip().startswith("[")
    assert _counts(db, "new") == (base, 0)


# --- the image-export browser dying ----------------------------------------------------------------


def _process_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, state letter), from /proc/*/stat (the command may contain spaces)."""
    table: dict[int, tuple[int, str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            table[int(entry.name)] = (int(fields[1]), fields[0])
    return table


def _descendants(pid: int) -> set[int]:
    table = _process_table()
    children: dict[int, list[int]] = {}
    for child, (parent, _state) in table.items():
        children.setdefault(parent, []).append(child)
    found: set[int] = set()
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    """Those of `pids` still running (a zombie is dead, only not yet reaped)."""
    table = _process_table()
    return {pid for pid in pids if pid in table and table[pid][1] != "Z"}


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _kill(pids: set[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _browser_processes(exporter_pids: set[int], which: str) -> set[int]:
    """The processes to kill: all of the exporter's, Chromium's main process, or its renderers."""
    if which == "every browser process":
        return exporter_pids
    if which == "renderers":
        return {pid for pid in exporter_pids if "--type=renderer" in _command_line(pid)}
    # The main browser process is the one Chromium process without a --type (the others' parent).
    return {
        pid
        for pid in exporter_pids
        if "chromium" in _command_line(pid).split(" ", 1)[0] and "--type=" not in _command_line(pid)
    }


@pytest.fixture(scope="module")
def small_figure() -> go.Figure:
    # Enough points that a render takes a moment, so a kill can land inside one.
    return go.Figure(go.Scatter(x=list(range(5_000)), y=[n % 97 for n in range(5_000)], mode="lines+markers"))


@pytest.fixture
def exporter() -> Iterator[tuple[ChartExporter, Callable[[], set[int]]]]:
    """An exporter on the real Chromium with its first render done, and a look-up of its processes."""
    chromium = require_chromium()
    before = _descendants(os.getpid())

    started = ChartExporter(chromium, startup_timeout=BROWSER_STARTUP_S, render_timeout=BROWSER_RENDER_S)

    def processes() -> set[int]:
        # Only this exporter's: another one in this process (the dashboard's cached exporter, from
        # an in-process app test) has browsers too, whose helpers may start at any time.
        return {pid for pid in _descendants(os.getpid()) - before if launched_with(pid, started.profiles)}

    seen: set[int] = set()
    try:
        assert render_image(go.Figure(), ImageFormat.SVG, started).startswith(b"<svg")
        seen = processes()
        yield started, processes
    finally:
        seen |= processes()
        started.close()
        # choreographer kills a browser that ignores Browser.close within ~10 s; on a loaded 2-core
        # machine its processes may take a while longer to exit after that.
        deadline = time.monotonic() + CLOSE_BOUND_S
        while _alive(seen) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = {pid: _command_line(pid)[:120] for pid in sorted(_alive(seen))}
        assert not left, f"browser processes left {CLOSE_BOUND_S:g} s after close: {left}"


def _render_within_bound(exporter: ChartExporter, figure: go.Figure) -> tuple[str, float]:
    """Render once; ("ok" | the error message, seconds taken), failing if it takes too long."""
    started = time.monotonic()
    try:
        data = render_image(figure, ImageFormat.PNG, exporter)
        outcome = "ok" if data.startswith(b"\x89PNG") else "not a PNG"
    except ExportError as error:
        outcome = str(error)
    seconds = time.monotonic() - started
    assert seconds < RENDER_BOUND_S, f"a render took {seconds:.1f} s ({outcome})"
    return outcome, seconds


@pytest.mark.parametrize("which", ["every browser process", "main Chromium process", "renderers"])
def test_a_browser_killed_between_renders_is_restarted(exporter, small_figure, which: str) -> None:
    chart_exporter, processes = exporter
    pids = processes()
    targets = _browser_processes(pids, which)
    assert targets, f"no {which} among {[_command_line(pid)[:60] for pid in pids]}"
    _kill(targets)
    time.sleep(0.5)  # let the exporter's watchdog see it
    first, _ = _render_within_bound(chart_exporter, small_figure)
    # A dead browser is noticed and replaced before rendering; a crashed tab costs one timed-out render.
    assert first == "ok" or first.startswith(("the PNG export timed out", "the PNG export failed")), first
    second, seconds = _render_within_bound(chart_exporter, small_figure)
    assert second == "ok", second
    print(
        f"\nkilled {len(targets)} {which} between renders: next render {first!r}, then ok in {seconds:.1f} s"
    )


def test_another_exporters_browser_is_not_counted_as_this_ones(exporter) -> None:
    """Two exporters in one process (a CI run saw the dashboard's cached one start a Chromium helper
    during a fault test, which then counted it as its own leftover): each knows only its own."""
    chart_exporter, processes = exporter
    other = ChartExporter(
        require_chromium(), startup_timeout=BROWSER_STARTUP_S, render_timeout=BROWSER_RENDER_S
    )
    try:
        assert render_image(go.Figure(), ImageFormat.SVG, other).startswith(b"<svg")
        others = {pid for pid in _descendants(os.getpid()) if launched_with(pid, other.profiles)}
        assert others, "the other exporter's browser has processes"
        assert processes() and not processes() & others
        assert chart_exporter.profiles.isdisjoint(other.profiles)
    finally:
        other.close()


def test_a_browser_killed_during_a_render_is_an_error_then_restarted(exporter, small_figure) -> None:
    chart_exporter, processes = exporter
    rng = random.Random(SEED)
    outcomes: list[str] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        for _ in range(KILLS_DURING_RENDER):
            running = pool.submit(_render_within_bound, chart_exporter, small_figure)
            time.sleep(rng.uniform(0.0, 0.3))
            _kill(_browser_processes(processes(), "main Chromium process"))
            killed_at = time.monotonic()
            outcome, _ = running.result(timeout=RENDER_BOUND_S + 5)
            noticed = time.monotonic() - killed_at
            # Not the render timeout: the exporter watches its browser while it waits.
            assert noticed < KILL_NOTICED_S, f"{outcome!r} {noticed:.1f} s after the kill"
            expected = "the PNG export failed: Chromium stopped during it; it is restarting, try again"
            assert outcome in ("ok", expected), outcome
            outcomes.append(f"{'ok' if outcome == 'ok' else 'error'} after {noticed:.2f} s")
            after, _ = _render_within_bound(chart_exporter, small_figure)
            assert after == "ok", after
    print(f"\nbrowser killed during {KILLS_DURING_RENDER} renders: {outcomes}; each next render ok")


@pytest.mark.parametrize("what", ["a text file", "a folder", "a missing path"])
def test_a_browser_path_that_is_not_executable_fails_fast_and_clearly(
    tmp_path: Path, small_figure, what: str
) -> None:
    path = tmp_path / "chromium"
    if what == "a text file":
        path.write_text("#!/bin/sh\nexit 0\n")
        path.chmod(0o644)
    elif what == "a folder":
        path.mkdir()
    broken = ChartExporter(path, startup_timeout=BROWSER_STARTUP_S)
    try:
        started = time.monotonic()
        with pytest.raises(ExportError) as caught:
            render_image(small_figure, ImageFormat.PNG, broken)
        assert time.monotonic() - started < FAST_FAILURE_S
        expected = f"Chromium could not start ({path} is not an executable file; install Debian's chromium"
        assert str(caught.value).startswith(expected)
        assert broken.startup_problem() == broken.last_error == str(caught.value)
    finally:
        broken.close()


def test_a_browser_binary_replaced_while_in_use_fails_fast_then_recovers(
    tmp_path: Path, small_figure
) -> None:
    # A package upgrade or removal while the server runs: the browser dies, its path is no program.
    binary = tmp_path / "chromium"
    binary.symlink_to(require_chromium())
    before = _descendants(os.getpid())
    exporter = ChartExporter(binary, startup_timeout=BROWSER_STARTUP_S, render_timeout=BROWSER_RENDER_S)
    try:
        assert _render_within_bound(exporter, small_figure)[0] == "ok"
        binary.unlink()
        binary.write_text("not a program any more")
        _kill(_descendants(os.getpid()) - before)
        time.sleep(0.5)
        outcome, seconds = _render_within_bound(exporter, small_figure)
        assert outcome.startswith(f"Chromium could not start ({binary} is not an executable file")
        assert seconds < FAST_FAILURE_S  # no Chromium start attempted
        binary.unlink()
        binary.symlink_to(require_chromium())  # reinstalled: the next export starts it again
        assert _render_within_bound(exporter, small_figure)[0] == "ok"
    finally:
        exporter.close()
