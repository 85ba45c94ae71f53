"""Statements to score in bulk (`score --input`): a .txt file, one per line, or a .csv file with a
`text` column, read line by line in chunks, so memory stays flat on any size and no line of
more than MAX_LINE_BYTES is ever held (a one-line 300 MB file or /dev/zero is refused at once).
A file that cannot be read so raises reading.InputError or UserError, one line each. A CSV's
cells are read as the statement importer reads them: the mark csv_files puts on a formula-like
cell taken off, so scoring an export scores the stored texts."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from summit_outlook.cli.common import UserError
from summit_outlook.csv_files import restore_cell
from summit_outlook.reading import file_lines

# A statement is at most a few thousand characters; the store's longest row fits in this too.
MAX_LINE_BYTES = 128 * 1024
# Streamed, so size costs time, not memory: no limit short of what a disk holds.
MAX_INPUT_BYTES = 1 << 40
TEXT_COLUMN = "text"


def text_chunks(path: Path, chunk_size: int) -> Iterator[pd.DataFrame]:
    """The file's statements in frames of at most `chunk_size` rows (a `text` column and, from a
    CSV, its other columns as they are)."""
    what = "CSV text file" if path.suffix.lower() == ".csv" else "text file"
    lines = file_lines(path, max_line_bytes=MAX_LINE_BYTES, max_bytes=MAX_INPUT_BYTES, what=what)
    if what == "CSV text file":
        yield from _csv_chunks(lines, str(path), chunk_size)
    else:
        yield from _txt_chunks(lines, chunk_size)


def _txt_chunks(lines: Iterable[str], chunk_size: int) -> Iterator[pd.DataFrame]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line.rstrip("\r\n"))
        if len(chunk) == chunk_size:
            yield pd.DataFrame({TEXT_COLUMN: chunk})
            chunk = []
    if chunk:
        yield pd.DataFrame({TEXT_COLUMN: chunk})


def _csv_chunks(lines: Iterable[str], source: str, chunk_size: int) -> Iterator[pd.DataFrame]:
    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.reader(lines, strict=True)
    header = _next_cells(reader, source, "line 1")
    if header is None:
        return
    if TEXT_COLUMN not in header:
        raise UserError(f"{source}: no '{TEXT_COLUMN}' column (columns: {', '.join(header)})")
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise UserError(f"{source}: the header names column(s) {', '.join(repeated)} more than once")
    chunk: list[list[str]] = []
    row = 0
    while (cells := _next_cells(reader, source, f"row {row + 1}")) is not None:
        if not cells:
            continue
        row += 1
        if len(cells) > len(header):
            raise UserError(
                f"{source}: row {row}: {len(cells)} cells, but the header has {len(header)} columns; "
                "a ',' inside a text needs the text in double quotes"
            )
        chunk.append([restore_cell(cell) for cell in cells] + [""] * (len(header) - len(cells)))
        if len(chunk) == chunk_size:
            yield pd.DataFrame(chunk, columns=header, dtype=str)
            chunk = []
    if chunk:
        yield pd.DataFrame(chunk, columns=header, dtype=str)


def _next_cells(reader: Iterator[list[str]], source: str, where: str) -> list[str] | None:
    """The next row's cells, None at the end, or UserError naming where the CSV broke."""
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        raise UserError(f"{source}: not a readable CSV ({where}: {error})") from None
