"""Matching: read every statement's signals and their modifiers, independent of any weight.

The result is a match table, one row per signal the clause reader kept (model/reader.py),
carrying every modifier factor. Scoring multiplies it by weights, so re-weighting never re-reads
the text.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from summit_outlook.model.native import read_text
from summit_outlook.model.rules import Rules

MATCH_COLUMNS: tuple[str, ...] = (
    "statement",
    "family",
    "pattern",
    "start",
    "end",
    "matched",
    "negator",
    "negation_factor",
    "hedge",
    "hedge_factor",
    "intensifier",
    "intensifier_factor",
    "contrast",
    "contrast_factor",
    "condition",
    "condition_factor",
    "repeat_factor",
    "modifier_factor",
    "hard_event",
)


def match_texts(texts: Sequence[str], rules: Rules) -> pd.DataFrame:
    """The match table for a batch of statements: one row per signal found, in text order."""
    return match_frame(match_columns(texts, rules))


def match_columns(texts: Sequence[str], rules: Rules) -> dict[str, Any]:
    """The match table's columns by name (MATCH_COLUMNS), before they become a frame: numbers as
    numpy arrays, text as tuples of str. Scoring a batch reads them directly (see score_texts)."""
    families = rules.families
    rows: list[tuple] = []
    # The same text reads the same (the reader is a pure function of text and rules): a batch
    # reads each distinct text once.
    readings: dict[str, list] = {}
    with _cycle_collector_paused():
        for index, text in enumerate(texts):
            found = readings.get(text)
            if found is None:
                found = readings[text] = read_text(text, rules)
            for reading in found:
                rows.append(  # in MATCH_COLUMNS order
                    (
                        index,
                        families[reading.family].id,
                        reading.pattern,
                        reading.start,
                        reading.end,
                        text[reading.start : reading.end],
                        reading.negator,
                        reading.negation_factor,
                        reading.hedge,
                        reading.hedge_factor,
                        reading.intensifier,
                        reading.intensifier_factor,
                        reading.contrast,
                        reading.contrast_factor,
                        reading.condition,
                        reading.condition_factor,
                        reading.repeat_factor,
                        reading.modifier_factor,
                        reading.hard_event,
                    )
                )
    return _columns(rows)


# Batches being matched now (any thread), and whether the collector ran before the first began.
_PAUSES = {"count": 0, "collector_was_on": False}
_PAUSES_LOCK = threading.Lock()


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is matched.

    Matching builds hundreds of thousands of small objects that never form cycles (match tuples,
    modifier records, per-statement lists); the collector walked them all again and again, a
    quarter of the time at 1M statements (5.6 s instead of 7.7 s without it, measured).
    Reference counting still frees everything at once. Batches in other threads are counted,
    so the collector comes back, as it was, when the last one ends.
    """
    with _PAUSES_LOCK:
        if _PAUSES["count"] == 0:
            _PAUSES["collector_was_on"] = gc.isenabled()
            gc.disable()
        _PAUSES["count"] += 1
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            _PAUSES["count"] -= 1
            if _PAUSES["count"] == 0 and _PAUSES["collector_was_on"]:
                gc.enable()


_INT_COLUMNS = frozenset({"statement", "start", "end"})
_FLOAT_COLUMNS = frozenset(
    {
        "negation_factor",
        "hedge_factor",
        "intensifier_factor",
        "contrast_factor",
        "condition_factor",
        "repeat_factor",
        "modifier_factor",
    }
)


def _columns(rows: list[tuple]) -> dict[str, Any]:
    """Rows in MATCH_COLUMNS order as columns: numbers as numpy arrays, text as tuples."""
    values = list(zip(*rows, strict=True)) if rows else [()] * len(MATCH_COLUMNS)
    columns: dict[str, Any] = {}
    for name, column in zip(MATCH_COLUMNS, values, strict=True):
        if name in _INT_COLUMNS:
            columns[name] = np.array(column, dtype=np.int64)
        elif name in _FLOAT_COLUMNS:
            columns[name] = np.array(column, dtype=np.float64)
        else:
            columns[name] = column
    return columns


def match_frame(columns: dict[str, Any]) -> pd.DataFrame:
    """Match columns (and any added ones, such as contributions) as a frame, text as pandas' str.

    Built column by column with final types: a third of the cost of building it from records
    and converting after, which dominated small batches.
    """
    arrays = {
        name: _text_array(column) if isinstance(column, tuple) else column for name, column in columns.items()
    }
    return pd.DataFrame(arrays, copy=False)


# pandas' default text type; when Arrow stores it, an Arrow array is wrapped directly, three
# times faster than pd.array's per-value checks (which are most of a small batch's table cost).
_STR = pd.array([], dtype="str").dtype
_ARROW_TEXT = isinstance(_STR, pd.StringDtype) and _STR.storage == "pyarrow"


def _text_array(values: tuple[str, ...]) -> Any:
    if _ARROW_TEXT:
        import pyarrow

        return pd.arrays.ArrowStringArray(pyarrow.array(values, type=pyarrow.large_string()), dtype=_STR)
    return pd.array(values, dtype="str")
