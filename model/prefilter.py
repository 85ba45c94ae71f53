"""Compiled multi-pattern scans over a whole batch of statements at once (Hyperscan).

Python's `re` tries every alternative of a large alternation at every position, so a combined
regex of a few hundred rule patterns scans well under 1 MB/s. Hyperscan compiles all patterns
into one automaton and scans hundreds of MB/s. Two uses:

- `HyperscanPrefilter` tells, for each statement, which signal patterns match somewhere in it.
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
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ENGINE_VARIABLE = "SUMMIT_OUTLOOK_ENGINE"  # "python" turns Hyperscan off
# Building an automaton takes about a second; it is kept here, keyed by its patterns, so a
# command or a dashboard start after the first one loads it in milliseconds.
CACHE_VARIABLE = "SUMMIT_OUTLOOK_CACHE"
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
    """Which signal patterns can match in which statements, from one scan of the batch."""

    def __init__(self, regexes: Sequence[str]):
        self._database = _ThreadSafeDatabase(_database(regexes, with_starts=False))

    def candidates(self, texts: Sequence[str], joined: str) -> dict[int, frozenset[int]]:
        """For each statement with a possible match: the indices of the patterns found in it."""
        if not texts:
            return {}
        data = joined.encode("utf-8")
        offsets = _byte_offsets(len(texts), data)
        pattern_ids: list[int] = []
        ends: list[int] = []

        def on_match(pattern_id: int, _start: int, end: int, _flags: int, _context: object) -> None:
            pattern_ids.append(pattern_id)
            ends.append(end)

        self._database.scan(data, on_match)
        if not ends:
            return {}
        owners = np.searchsorted(offsets, np.asarray(ends, dtype=np.int64) - 1, side="right") - 1
        found: dict[int, set[int]] = {}
        for owner, pattern_id in zip(owners.tolist(), pattern_ids, strict=True):
            found.setdefault(owner, set()).add(pattern_id)
        return {owner: frozenset(ids) for owner, ids in found.items()}


class HyperscanPhraseFinder:
    """Every occurrence of a set of phrase regexes, with start and end, in many texts at once."""

    def __init__(self, regexes: Sequence[str]):
        self._database = _ThreadSafeDatabase(_database(regexes, with_starts=True))

    def find(self, texts: Sequence[str]) -> list[list[tuple[int, int, int]]]:
        """Per text: (phrase index, start, end) in characters, for every occurrence."""
        if not texts:
            return []
        joined = _JOIN.join(texts)
        data = joined.encode("utf-8")
        ascii_only = len(data) == len(joined)
        offsets = _byte_offsets(len(texts), data)
        hits: list[tuple[int, int, int]] = []
        self._database.scan(data, lambda i, start, end, _f, _c: hits.append((i, start, end)))
        found: list[list[tuple[int, int, int]]] = [[] for _ in texts]
        if not hits:
            return found
        starts = np.fromiter((hit[1] for hit in hits), dtype=np.int64, count=len(hits))
        owners = (np.searchsorted(offsets, starts, side="right") - 1).tolist()
        for (phrase, start, end), owner in zip(hits, owners, strict=True):
            base = int(offsets[owner])
            if ascii_only:
                found[owner].append((phrase, start - base, end - base))
            else:
                encoded = texts[owner].encode("utf-8")
                found[owner].append(
                    (phrase, _char_offset(encoded, start - base), _char_offset(encoded, end - base))
                )
        return found


def _char_offset(encoded: bytes, byte_offset: int) -> int:
    return len(encoded[:byte_offset].decode("utf-8", errors="ignore"))


def _cache_path(expressions: Sequence[bytes], flags: int) -> Path:
    import hyperscan

    key = b"\n".join(expressions) + f"|{flags}|{hyperscan.__version__}".encode()
    digest = hashlib.sha256(key).hexdigest()[:24]
    root = Path(os.environ.get(CACHE_VARIABLE) or Path.home() / ".cache" / "summit-outlook")
    return root / f"hyperscan-{digest}.db"


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
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(hyperscan.dumpb(database))
        os.replace(handle.name, path)
    except OSError:
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
