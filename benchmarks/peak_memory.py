"""Run a command from a fresh, small process; print its time and memory, with all its processes', as JSON.

`python -m benchmarks.peak_memory COMMAND...` prints one line: {"seconds", "peak_mb", "total_peak_mb",
"cpu_seconds", "processes", "returncode", "error"}.

Why a launcher: Linux carries a process's pre-exec high-water mark into ru_maxrss, and a child
forked from the harness starts as a copy of it (with a million statements in memory, gigabytes),
so the harness cannot read a child's own peak. This launcher is a fresh interpreter of ~10 MB;
the command it starts inherits only that.

A command that starts worker processes (`score --jobs N`) is measured whole: the launcher makes
itself the reaper of every descendant (Linux's PR_SET_CHILD_SUBREAPER), so workers' CPU time
and their own peaks are in its accounting once they end. `peak_mb` is the largest single
process's peak (ru_maxrss); `total_peak_mb` the largest sum, over the command's processes, of
their proportional set size (PSS: a page shared by k processes counts 1/k in each), sampled
every SAMPLE_SECONDS, so a peak shorter than that may be missed; `cpu_seconds` is user + system
time of all of them.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SAMPLE_SECONDS = 0.05
PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _descendants(root: int) -> list[int]:
    """root and every process under it (through /proc/PID/task/TID/children)."""
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        for children in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                queue += [int(child) for child in children.read_text().split()]
            except OSError:
                continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _TreeSampler(threading.Thread):
    """Sums the PSS of a process and its descendants every SAMPLE_SECONDS; keeps the largest."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_kb = 0
        self.processes = 1
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            tree = _descendants(self.root)
            self.processes = max(self.processes, len(tree))
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in tree))
            self.stopped.wait(SAMPLE_SECONDS)


def run(command: list[str]) -> dict:
    reaper = _become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - start
        sampler.stopped.set()
        sampler.join()
        # Workers left to end after the command (a pool's fork server) were reparented here.
        while reaper:
            try:
                os.wait()
            except ChildProcessError:
                break
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode(errors="replace").strip().splitlines()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "seconds": seconds,
        # Linux reports kilobytes; with the reaper, the largest of all the command's processes.
        "peak_mb": max(usage.ru_maxrss, after.ru_maxrss if reaper else 0) / 1024,
        "total_peak_mb": sampler.peak_kb / 1024,
        "cpu_seconds": cpu,
        "processes": sampler.processes,
        "returncode": process.returncode,
        "error": lines[-1] if process.returncode and lines else "",
    }


def main(argv: list[str] | None = None) -> int:
    command = list(sys.argv[1:] if argv is None else argv)
    if not command:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    print(json.dumps(run(command)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
