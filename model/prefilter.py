"""Prefilter: one compiled multi-pattern scan over a whole batch, telling which statements can match.

Python's `re` tries every alternative of a large alternation at every position, so a combined
regex of a few hundred rule patterns scans well under 1 MB/s. Hyperscan compiles all patterns
into one automaton and scans hundreds of MB/s; it reports, for each statement, which patterns
match somewhere in it. The exact matching (leftmost match, specificity order, spans) is then
done by Python's `re` on those statements only, with only those patterns, so the result is the
same as without the prefilter (a test checks this). Without hyperscan everything still works,
just slower.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

ENGINE_VARIABLE = "SUMMIT_OUTLOOK_ENGINE"  # "python" turns the prefilter off
# Building the automaton takes about a second; it is kept here, keyed by its patterns, so a
# command or a dashboard start after the first one loads it in milliseconds.
CACHE_VARIABLE = "SUMMIT_OUTLOOK_CACHE"


class Prefilter(Protocol):
    def candidates(self, texts: Sequence[str], joined: str) -> dict[int, frozenset[int]]:
        """For each statement with a possible match: the indices of the patterns that match in it."""
        ...


def _hyperscan_syntax(regex: str) -> str:
    r"""Python's \uXXXX escapes become Hyperscan's \x{XXXX}; everything else is shared syntax."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", regex)


class HyperscanPrefilter:
    """All pattern regexes in one Hyperscan database (UTF-8, case-insensitive, ASCII word rules)."""

    def __init__(self, regexes: Sequence[str]):
        import hyperscan

        expressions = [_hyperscan_syntax(regex).encode() for regex in regexes]
        cache = _cache_path(expressions)
        self._database = _load(cache)
        if self._database is None:
            self._database = hyperscan.Database()
            self._database.compile(
                expressions=expressions,
                ids=list(range(len(expressions))),
                elements=len(expressions),
                flags=[hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8] * len(expressions),
            )
            _save(cache, self._database)

    def candidates(self, texts: Sequence[str], joined: str) -> dict[int, frozenset[int]]:
        data = joined.encode("utf-8")
        if len(data) == len(joined):  # pure ASCII: byte offsets are character offsets
            lengths = np.fromiter((len(text) + 1 for text in texts), dtype=np.int64, count=len(texts))
        else:
            lengths = np.fromiter(
                (len(text.encode("utf-8")) + 1 for text in texts), dtype=np.int64, count=len(texts)
            )
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        pattern_ids: list[int] = []
        ends: list[int] = []

        def on_match(pattern_id: int, _start: int, end: int, _flags: int, _context: object) -> None:
            pattern_ids.append(pattern_id)
            ends.append(end)

        self._database.scan(data, match_event_handler=on_match)
        if not ends:
            return {}
        owners = np.searchsorted(offsets, np.asarray(ends, dtype=np.int64) - 1, side="right") - 1
        found: dict[int, set[int]] = {}
        for owner, pattern_id in zip(owners.tolist(), pattern_ids, strict=True):
            found.setdefault(owner, set()).add(pattern_id)
        return {owner: frozenset(ids) for owner, ids in found.items()}


def _cache_path(expressions: Sequence[bytes]) -> Path:
    import hyperscan

    digest = hashlib.sha256(b"\n".join(expressions) + hyperscan.__version__.encode()).hexdigest()[:24]
    root = Path(os.environ.get(CACHE_VARIABLE) or Path.home() / ".cache" / "summit-outlook")
    return root / f"prefilter-{digest}.hsdb"


def _load(path: Path):
    """A cached database, or None when there is none or it cannot be read."""
    import hyperscan

    try:
        database = hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)  # a loaded database comes without one
        database.scan(b"probe", match_event_handler=lambda *_: None)
        return database
    except Exception:  # noqa: BLE001 - a missing, stale or foreign cache just means: build it
        return None


def _save(path: Path, database) -> None:
    """Keep the database for the next start; written atomically, failures ignored (a cache)."""
    import hyperscan

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(hyperscan.dumpb(database))
        os.replace(handle.name, path)
    except OSError:
        pass


def build_prefilter(regexes: Sequence[str]) -> Prefilter | None:
    """A Hyperscan prefilter for these regexes, or None (not installed, disabled, or unsupported)."""
    if os.environ.get(ENGINE_VARIABLE, "").lower() == "python":
        return None
    try:
        return HyperscanPrefilter(regexes)
    except Exception:  # noqa: BLE001 - any failure means: match without the prefilter
        return None
