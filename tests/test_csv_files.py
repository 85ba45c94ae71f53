"""The one CSV writer: spreadsheet-safe cells, quoted carriage returns, and a faithful round trip."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summit_outlook.csv_files import (
    frame_bytes,
    neutralise_cell,
    restore_cell,
    spreadsheet_safe,
    write_frame,
    write_rows,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1-555", "'+1-555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        # Look-alikes: full-width and small forms, and a minus sign.
        ("\uff1d1+1", "'\uff1d1+1"),
        ("\uff0bcmd", "'\uff0bcmd"),
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),
        ("\ufe661+1", "'\ufe661+1"),
        ("\u22122+3", "'\u22122+3"),
        # Invisible characters in front of a formula.
        ("\u200b=1+1", "'\u200b=1+1"),
        ("\ufeff=1+1", "'\ufeff=1+1"),
        ("\u2060\u200d@x", "'\u2060\u200d@x"),
        # Apostrophes in front of a formula get one more, so reading removes exactly one.
        ("'=1+1", "''=1+1"),
        # Left alone.
        ("'quoted", "'quoted"),
        ("\u200bplain", "\u200bplain"),
        ("Plain words", "Plain words"),
        ("a=b", "a=b"),
        ("Ünïcode first", "Ünïcode first"),
        ("", ""),
        (-0.25, -0.25),
        (3, 3),
        (None, None),
    ],
)
def test_neutralise_cell(cell, expected) -> None:
    assert neutralise_cell(cell) == expected


@given(st.text())
def test_restore_undoes_neutralise(value: str) -> None:
    assert restore_cell(neutralise_cell(value)) == value


@given(st.text(alphabet=st.sampled_from(list("'=+-@\t\r\n\u200b\ufeff\uff1d,\"ab "))))
def test_restore_undoes_neutralise_on_the_characters_that_matter(value: str) -> None:
    assert restore_cell(neutralise_cell(value)) == value


def test_spreadsheet_safe_keeps_numbers_and_the_input() -> None:
    frame = pd.DataFrame({"text": ["=1+1", "ok"], "score": [-0.5, 0.25]})
    safe = spreadsheet_safe(frame)
    assert list(safe["text"]) == ["'=1+1", "ok"] and list(safe["score"]) == [-0.5, 0.25]
    assert list(frame["text"]) == ["=1+1", "ok"]


def test_frame_bytes_reads_back_with_a_header_and_neutralised_cells() -> None:
    frame = pd.DataFrame({"speaker": ["@someone", "Peskov"], "text": ["=cmd|' /C calc'!A0", "We hope"]})
    data = frame_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["speaker", "text"], ["'@someone", "'=cmd|' /C calc'!A0"], ["Peskov", "We hope"]]


# Cells that break naive CSV: a bare carriage return, newlines, quotes, delimiters, formulas.
AWKWARD = ["one\rtwo", "line\nbreak", "cr\r\nlf", 'say "yes"', "a,b", "=1+1", "\u200b=1", "plain", ""]


def test_write_rows_round_trips_every_awkward_cell_in_one_row_each() -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, ["text", "n"], [[cell, index] for index, cell in enumerate(AWKWARD)])
    text = handle.getvalue()
    assert "\rtwo" not in text.replace('"one\rtwo"', "")  # the bare CR is inside quotes
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(AWKWARD) + 1
    assert [restore_cell(row[0]) for row in rows[1:]] == AWKWARD
    assert [row[1] for row in rows[1:]] == [str(index) for index in range(len(AWKWARD))]


def test_write_frame_round_trips_twenty_rows_with_carriage_returns_as_twenty_rows() -> None:
    # The case: `score` wrote a bare CR unquoted, and 20 rows read back as 25.
    texts = [f"statement {number}\r{'=' if number % 4 == 0 else ''}more" for number in range(20)]
    handle = io.StringIO(newline="")
    write_frame(handle, pd.DataFrame({"text": texts, "score": [0.5] * 20}))
    frame = pd.read_csv(io.StringIO(handle.getvalue(), newline=""), dtype={"text": str})
    assert len(frame) == 20
    assert [restore_cell(text) for text in frame["text"]] == texts


# Issue 15, item 9, through the command line: the cells the issue named and their look-alikes.
COMMAND_LINE_CELLS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
    "+cmd",
    "-2+3",
    "@SUM(A1)",
    "\uff1dcmd|' /C calc'!A0",  # full-width equals sign
    "\u200b=HYPERLINK(1)",  # zero-width space before =
    "\ufeff=1+1",  # byte-order mark before =
    "'=1+1",
]


def _cells(path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_export_and_import_again_through_the_command_line_round_trips_every_formula_cell(
    cli, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'one.db'}")
    source = tmp_path / "formulas.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        write_rows(
            handle,
            ["date", "speaker", "text", "summit"],
            [
                ["2025-11-0" + str(1 + number), cell, f"{cell} We are ready to meet.", "trump-putin-2025"]
                for number, cell in enumerate(COMMAND_LINE_CELLS)
            ],
        )
    assert cli("import", str(source)).returncode == 0
    exported = tmp_path / "exported.csv"
    assert cli("export", str(exported), "--summit", "trump-putin-2025").returncode == 0
    rows = _cells(exported)
    speakers = {row[1] for row in rows[1:]}
    assert {"'" + cell for cell in COMMAND_LINE_CELLS} <= speakers  # each one neutralised
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'two.db'}")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert cli("import", str(exported)).returncode == 0
    assert cli("export", str(first), "--summit", "trump-putin-2025").returncode == 0
    assert _cells(first) == rows  # the export imports back as exactly what was stored
    scored = cli("score", "--input", str(source), "--output", str(second))
    assert scored.returncode == 0, scored.stderr
    # score reads its input as the importer does (the marks taken off) and writes it marked again.
    assert [row[:3] for row in _cells(second)] == [row[:3] for row in _cells(source)]
