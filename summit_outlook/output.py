"""How output files are written: atomically over a regular file, straight through to anything else.

A regular file (or a new one) is written to a hidden temporary file beside it, synced, and renamed
over it, so a failure or a kill never leaves half a file and the previous one stays whole. A path
that is not a regular file is the user pointing the output somewhere on purpose: a FIFO (its reader
gets the data), a device such as /dev/stdout, a terminal. Renaming over those would replace the
node itself, so they are written through. A symlink is followed: its target is what gets written
(atomically when that is a regular file), and the link stays. A folder is refused.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal

# Text outputs are UTF-8; CSV writers choose their own line ends, so none are translated here.
ENCODING = "utf-8"


class OutputError(ValueError):
    """An output path that cannot be written; one line: the path and why."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot write ({reason})")


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str], mode: Literal["w", "wb"] = "w") -> Iterator[IO]:
    """A handle to write `path` with (text mode: UTF-8, no newline translation).

    Everything written lands at once when the block ends without an exception; on an exception a
    regular file keeps its previous content. Failing to write raises OutputError; any other
    exception of the block (reading its input, say) passes through as it is.
    """
    requested = Path(path)
    target = Path(os.path.realpath(requested))  # through symlinks, so the link itself stays
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(requested, _reason(error)) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(requested, "it is a folder")
    if status is None or stat.S_ISREG(status.st_mode):
        yield from _atomically(requested, target, mode, status)
        return
    with _failing_as(requested):
        raw = open(target, mode, **_text_options(mode))  # noqa: SIM115 - closed below
    try:
        yield _Output(raw, requested)
    finally:
        with _failing_as(requested):
            raw.close()


def write_output(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write all of `data` to `path` as open_output() does."""
    with open_output(path, "wb" if isinstance(data, bytes) else "w") as handle:
        handle.write(data)


class _Output:
    """A file handle whose write errors (a full disk, a closed pipe) are OutputError, so they
    are told apart from errors of the code writing to it."""

    def __init__(self, handle: IO, path: Path):
        self._handle = handle
        self._path = path

    def write(self, data):
        with _failing_as(self._path):
            return self._handle.write(data)

    def flush(self) -> None:
        with _failing_as(self._path):
            self._handle.flush()

    def __iter__(self):  # pandas takes only iterable handles for files
        return iter(self._handle)

    def __getattr__(self, name: str):
        return getattr(self._handle, name)


def _atomically(requested: Path, target: Path, mode: str, status: os.stat_result | None) -> Iterator[IO]:
    folder, name = target.parent, target.name
    temporary: Path | None = None
    try:
        with _failing_as(requested):
            _remove_abandoned(folder, name)
            descriptor, temporary = _create_temporary(folder, name)
            raw = os.fdopen(descriptor, mode, **_text_options(mode))
        with raw:
            yield _Output(raw, requested)
            with _failing_as(requested):
                raw.flush()
                os.fsync(raw.fileno())
        with _failing_as(requested):
            if status is not None:  # a replaced file keeps its permissions
                os.chmod(temporary, stat.S_IMODE(status.st_mode))
            os.replace(temporary, target)
            temporary = None
            _sync_folder(folder)
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


@contextlib.contextmanager
def _failing_as(path: Path) -> Iterator[None]:
    """OSError inside the block as an OutputError for `path`."""
    try:
        yield
    except OSError as error:
        raise OutputError(path, _reason(error)) from error


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new hidden file beside the target, named after this process (see _remove_abandoned).

    Created with mode 0666 less the umask, as the file itself would be (mkstemp's 0600 would
    make an export private to its writer).
    """
    for attempt in range(100):
        candidate = folder / f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), candidate
        except FileExistsError:
            if attempt == 99:
                raise
    raise AssertionError("unreachable")


def _remove_abandoned(folder: Path, name: str) -> None:
    """Delete temporary files that killed writers of `name` left behind.

    Each temporary file is named after the process writing it (.NAME.PID.XXXX.tmp); one whose
    process is gone will never be renamed into place. A live writer's file is left alone.
    """
    for candidate in folder.glob(f".{glob.escape(name)}.*.tmp"):
        pid = candidate.name.removeprefix(f".{name}.").split(".", 1)[0]
        if pid.isdigit() and not _process_alive(int(pid)):
            with contextlib.suppress(OSError):
                candidate.unlink()


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows syncing a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _text_options(mode: str) -> dict[str, object]:
    return {} if "b" in mode else {"encoding": ENCODING, "newline": ""}


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
