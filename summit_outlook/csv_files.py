"""The one CSV writer: every CSV the project writes is spreadsheet-safe and reads back as written.

Spreadsheets run a cell starting with = + - @, a tab or a carriage return as a formula (OWASP
"CSV injection"), also when what comes first only looks like one of those (a full-width ＝) or
hides in front of it (a zero-width space or byte-order mark before =). Such a cell is written with
a leading apostrophe, which spreadsheets show as text. The change is undone on reading
(restore_cell, used by the statement importer), so an export imports again exactly: a cell that
already starts with apostrophes before a formula gets one more, and loses one on reading.

Lines end in CRLF (RFC 4180): with "\\n" instead, Python's csv writer leaves a cell holding a bare
carriage return unquoted, and every reader splits the row there.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO

import pandas as pd

LINE_END = "\r\n"
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
# What a neutralised cell starts with.
TEXT_MARK = "'"
# Characters that look like a formula prefix and that spreadsheets may take for one: NFKC maps
# full-width (＝ ＋ － ＠) and small (﹦ ﹢ ﹣ ﹫) forms to the ASCII ones; these it does not.
LOOK_ALIKES = frozenset("\u2212\u2796\u2795")  # minus sign, heavy minus and plus signs
# ASCII characters a cell may start with and still need a look (the rest pass at once).
_ASCII_SUSPECTS = frozenset(FORMULA_PREFIXES) | {TEXT_MARK}


def _is_invisible(character: str) -> bool:
    """A format character (zero-width space, joiners, BOM, direction marks: Unicode category Cf)."""
    return unicodedata.category(character) == "Cf"


def _runs_as_formula(value: str) -> bool:
    """Whether a spreadsheet could take this text for a formula."""
    for character in value:
        if _is_invisible(character):
            continue
        return character in LOOK_ALIKES or unicodedata.normalize("NFKC", character).startswith(
            FORMULA_PREFIXES
        )
    return False


def _needs_mark(value: str) -> bool:
    """A formula, or apostrophes before one (so that reading back removes exactly one)."""
    return _runs_as_formula(value) or (value.startswith(TEXT_MARK) and _needs_mark(value[1:]))


def neutralise_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe; others pass."""
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first < "\x80" and first not in _ASCII_SUSPECTS:  # most cells: one comparison
        return value
    return TEXT_MARK + value if _needs_mark(value) else value


def restore_cell(value: str) -> str:
    """A cell as it was before neutralise_cell (for reading a CSV this module wrote)."""
    if value.startswith(TEXT_MARK) and _needs_mark(value[1:]):
        return value[1:]
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell neutralised; numeric columns stay numbers."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    return safe


def write_rows(handle: IO[str], header: Sequence[str] | None, rows: Iterable[Sequence[object]]) -> None:
    """Write a header (unless None) and rows of cells, each text cell neutralised."""
    writer = csv.writer(handle, lineterminator=LINE_END)
    if header is not None:
        writer.writerow([neutralise_cell(name) for name in header])
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)


def write_frame(handle: IO[str], frame: pd.DataFrame, *, header: bool = True) -> None:
    """Write a DataFrame (no index), text cells neutralised; pandas writes through the csv module."""
    spreadsheet_safe(frame).to_csv(handle, index=False, header=header, lineterminator=LINE_END)


def frame_bytes(frame: pd.DataFrame) -> bytes:
    """A DataFrame as a CSV download: UTF-8 with a BOM, so Excel reads accents and curly quotes."""
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator=LINE_END).encode("utf-8-sig")
