"""Compiled multi-pattern scans over a whole batch of statements at once (Hyperscan).

Python's `re` tries every alternative of a large alternation at every position, so a combined
regex of a few hundred rule patterns scans well under 1 MB/s. Hyperscan compiles all patterns
into one automaton and scans hundreds of MB/s. Two uses:

- `HyperscanPrefilter` tells, for each statement, which signal patterns match somewhere in it
  (and whether a meeting-context word does, an exact answer the caller uses as is).
  The exact matching (leftmost match, specificity order, spans) is then done by Python's `re`
  on those statements only, with only those patterns, so the result is the same as without it.
- `HyperscanPhraseFinder` finds every occurrence of the modifier phrases in the statements that
  have signals; the caller keeps the leftmost-longest ones, exactly as the pure-Python path does.

A test checks both against pure Python. Without hyperscan everything still works, slower.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from summit_outlook.output import OutputError, write_output
from summit_outlook.paths import cache_folder

ENGINE_VARIABLE = "SUMMIT_OUTLOOK_ENGINE"  # "python" turns Hyperscan off
_JOIN = "\x00"


def _hyperscan_syntax(regex: str) -> str:
    r"""Python's \uXXXX escapes become Hyperscan's \x{XXXX}; everything else is shared syntax."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", regex)


def _database(regexes: Sequence[str], *, with_starts: bool) -> Any:
    """A compiled (or cached) block-mode database: UTF-8, case-insensitive, ASCII word rules."""
    import hyperscan

    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8
    if with_starts:
        flags |= hyperscan.HS_FLAG_SOM_LEFTMOST
    expressions = [_hyperscan_syntax(regex).encode() for regex in regexes]
    cache = _cache_path(expressions, flags)
    database = _load(cache)
    if database is None:
        database = hyperscan.Database()
        database.compile(
            expressions=expressions,
            ids=list(range(len(expressions))),
            elements=len(expressions),
            flags=[flags] * len(expressions),
        )
        _save(cache, database)
    return database


def _byte_offsets(count: int, data: bytes) -> np.ndarray:
    """Where each of `count` NUL-joined texts starts in the UTF-8 bytes of the batch."""
    separators = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0)
    if len(separators) != count - 1:
        raise ValueError("a text contains a NUL character; callers must replace it first")
    return np.concatenate(([0], separators + 1)).astype(np.int64)


class _ThreadSafeDatabase:
    """A compiled database with one scratch space per thread.

    Hyperscan's scratch is working memory for one scan at a time; the dashboard matches in
    several sessions' threads at once, and sharing one scratch raises ScratchInUseError.
    """

    def __init__(self, database: Any):
        self._database = database
        self._local = threading.local()
        self._lock = threading.Lock()

    def scan(self, data: bytes, on_match: Any) -> None:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            with self._lock:  # cloning reads the prototype scratch: one thread at a time
                scratch = self._local.scratch = self._database.scratch.clone()
        self._database.scan(data, match_event_handler=on_match, scratch=scratch)


class HyperscanPrefilter:
    """Which patterns match in which statements, from one scan of the batch."""

    def __init__(self, regexes: Sequence[str]):
        self._database = _ThreadSafeDatabase(_database(regexes, with_starts=False))
        self._count = len(regexes)

    def candidates(self, texts: Sequence[str], joined: str) -> tuple[np.ndarray, np.ndarray]:
        """Every (statement, pattern index) pair with a match, once each, ordered by statement
        then pattern: two int64 arrays of equal length."""
        empty = np.zeros(0, dtype=np.int64)
        if not texts:
            return empty, empty
        data = joined.encode("utf-8")
        offsets = _byte_offsets(len(texts), data)
        pattern_ids: list[int] = []
        ends: list[int] = []

        def on_match(pattern_id: int, _start: int, end: int, _flags: int, _context: object) -> None:
            pattern_ids.append(pattern_id)
            ends.append(end)

        self._database.scan(data, on_match)
        if not ends:
            return empty, empty
        owners = np.searchsorted(offsets, np.asarray(ends, dtype=np.int64) - 1, side="right") - 1
        pairs = np.unique(owners * self._count + np.asarray(pattern_ids, dtype=np.int64))
        return pairs // self._count, pairs % self._count


class HyperscanPhraseFinder:
    """Every occurrence of a set of phrase regexes, with start and end, in many texts at once."""

    def __init__(self, regexes: Sequence[str]):
        self._database = _ThreadSafeDatabase(_database(regexes, with_starts=True))

    def find(self, texts: Sequence[str]) -> list[list[tuple[int, int, int]]]:
        """Per text: (phrase index, start, end) in characters for every occurrence, ordered by
        start, and at the same start the longest first."""
        if not texts:
            return []
        joined = _JOIN.join(texts)
        data = joined.encode("utf-8")
        offsets = _byte_offsets(len(texts), data)
        hits: list[tuple[int, int, int]] = []
        self._database.scan(data, lambda i, start, end, _f, _c: hits.append((i, start, end)))
        found: list[list[tuple[int, int, int]]] = [[] for _ in texts]
        if not hits:
            return found
        phrases, starts, ends = (np.array(column, dtype=np.int64) for column in zip(*hits, strict=True))
        owners = np.searchsorted(offsets, starts, side="right") - 1
        starts -= offsets[owners]
        ends -= offsets[owners]
        if len(data) != len(joined):  # not all ASCII: byte offsets differ from character offsets
            starts, ends = _char_offsets(texts, owners, starts, ends)
        order = np.lexsort((-ends, starts, owners))
        for owner, phrase, start, end in zip(
            *(column[order].tolist() for column in (owners, phrases, starts, ends)), strict=True
        ):
            found[owner].append((phrase, start, end))
        return found


def _char_offsets(
    texts: Sequence[str], owners: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Byte offsets within each text's UTF-8 as character offsets."""
    encoded: dict[int, bytes] = {}
    char_starts, char_ends = [], []
    for owner, start, end in zip(owners.tolist(), starts.tolist(), ends.tolist(), strict=True):
        data = encoded.get(owner)
        if data is None:
            data = encoded[owner] = texts[owner].encode("utf-8")
        char_starts.append(_char_offset(data, start))
        char_ends.append(_char_offset(data, end))
    return np.array(char_starts, dtype=np.int64), np.array(char_ends, dtype=np.int64)


def _char_offset(encoded: bytes, byte_offset: int) -> int:
    return len(encoded[:byte_offset].decode("utf-8", errors="ignore"))


def _cache_path(expressions: Sequence[bytes], flags: int) -> Path:
    import hyperscan

    key = b"\n".join(expressions) + f"|{flags}|{hyperscan.__version__}".encode()
    digest = hashlib.sha256(key).hexdigest()[:24]
    # Building an automaton takes about a second; it is kept in the user's cache folder, keyed by
    # its patterns, so a command or a dashboard start after the first one loads it in milliseconds.
    return cache_folder() / f"hyperscan-{digest}.db"


def _load(path: Path) -> Any:
    """A cached database, or None when there is none or it cannot be used."""
    import hyperscan

    try:
        database = hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)  # a loaded database comes without one
        database.scan(b"probe", match_event_handler=lambda *_: None)
        return database
    except Exception:  # noqa: BLE001 - a missing, stale or foreign cache just means: build it
        return None


def _save(path: Path, database: Any) -> None:
    """Keep the database for the next start; written atomically, failures ignored (a cache)."""
    import hyperscan

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, hyperscan.dumpb(database))
    except (OSError, OutputError):
        pass


def _enabled() -> bool:
    return os.environ.get(ENGINE_VARIABLE, "").lower() != "python"


def build_prefilter(regexes: Sequence[str]) -> HyperscanPrefilter | None:
    """A prefilter for these signal regexes, or None (not installed, disabled, or unsupported)."""
    if not _enabled():
        return None
    try:
        return HyperscanPrefilter(regexes)
    except Exception:  # noqa: BLE001 - any failure means: match without the prefilter
        return None


def build_phrase_finder(regexes: Sequence[str]) -> HyperscanPhraseFinder | None:
    """A phrase finder for these modifier regexes, or None (fall back to pure Python)."""
    if not _enabled():
        return None
    try:
        return HyperscanPhraseFinder(regexes)
    except Exception:  # noqa: BLE001 - any failure means: find phrases without it
        return None
