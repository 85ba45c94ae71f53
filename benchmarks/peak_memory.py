"""Run a command from a fresh, small process; print its wall seconds and peak memory as one JSON line.

`python -m benchmarks.peak_memory COMMAND...` prints {"seconds", "peak_mb", "returncode", "error"}.
Why a launcher: Linux carries a process's pre-exec high-water mark into ru_maxrss, and a child
forked from the harness starts as a copy of it (with a million statements in memory, gigabytes),
so the harness cannot read a child's own peak. This launcher is a fresh interpreter of ~10 MB;
the command it starts inherits only that.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time


def run(command: list[str]) -> dict:
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode(errors="replace").strip().splitlines()
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
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
