"""Uploaded and imported statement files: every bad file gets an exact message and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from summit_outlook.model.statements import MAX_FILE_BYTES, StatementsError, decode_bytes, parse_csv_text
from summit_outlook.store import Store

GOOD_ROW = "2025-11-20,Dmitry Peskov,The summit has been postponed.\n"


def parse(data: bytes):
    return parse_csv_text(decode_bytes(data, source="upload.csv"), source="upload.csv")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        opened.import_csv(("date,speaker,text\n" + GOOD_ROW).encode(), source_name="seed.csv")
        yield opened


BAD_FILES = [
    (
        "missing column",
        b"date,speaker\n2025-01-01,A\n",
        "upload.csv: missing required column(s) text; the header must include date, speaker, text",
    ),
    (
        "bad date",
        b"date,speaker,text\n2025-01-01,A,ok\n2025-02-30,B,the summit\n",
        "upload.csv: row 2, field 'date': not a date: '2025-02-30' (expected YYYY-MM-DD)",
    ),
    ("empty quote", b"date,speaker,text\n2025-01-01,A,\n", "upload.csv: row 1, field 'text': is empty"),
    (
        "unknown role",
        b"date,speaker,text,role\n2025-01-01,A,hi,king\n",
        "upload.csv: row 1, field 'role': unknown role 'king'; use one of head_of_state, minister, spokesperson, envoy, official, other",
    ),
    (
        "wrong encoding",
        "date,speaker,text\n2025-01-01,Sergueï Lavrov,déjà vu\n".encode("latin-1"),
        "upload.csv: not UTF-8 text (line 2, byte 35); save the file as UTF-8 CSV and try again",
    ),
    (
        "binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "upload.csv: this is a binary file, not a CSV text file",
    ),
    ("empty", b"", "upload.csv: the file is empty"),
    ("header only", b"date,speaker,text\n", "upload.csv: the file has a header but no statements"),
    (
        "too big",
        b"date,speaker,text\n" + b"x" * (MAX_FILE_BYTES + 1),
        "upload.csv: file is 20.0 MB; the limit is 20 MB",
    ),
    (
        "a bomb of a field",
        b'date,speaker,text\n2025-01-01,A,"' + b"a" * 100_000 + b'"\n',
        "upload.csv: row 1: not valid CSV (field larger than field limit (20000))",
    ),
    (
        "very long quote",
        b"date,speaker,text\n2025-01-01,A," + b"a" * 6_000 + b"\n",
        "upload.csv: row 1, field 'text': String should have at most 5000 characters",
    ),
    # Issue 15, item 2: each of these was imported with its data changed, and reported as imported.
    (
        "an unquoted comma in the text",
        b"date,speaker,text\n2025-01-03,Lavrov,We are not ready, and the summit has been cancelled.\n",
        "upload.csv: row 1: 4 cells, but the header has 3 columns; a ',' inside a text needs the text in double quotes",
    ),
    (
        "an unquoted semicolon in a semicolon file",
        b"date;speaker;text\n2025-01-03;Lavrov;Not ready; cancelled.\n",
        "upload.csv: row 1: 4 cells, but the header has 3 columns; a ';' inside a text needs the text in double quotes",
    ),
    (
        "a column named twice",
        b"date,speaker,text,text\n2025-01-03,Lavrov,We are ready.,We are not ready.\n",
        "upload.csv: the header names column(s) text more than once; give each column once",
    ),
    (
        "an unterminated quote",
        b'date,speaker,text\n2025-01-02,A,ok\n2025-01-03,Lavrov,"We are ready\n2025-01-04,B,second\n2025-01-05,C,third\n',
        "upload.csv: row 2: not valid CSV (a quote opened on line 3 is never closed)",
    ),
    (
        "text after a closing quote",
        b'date,speaker,text\n2025-01-03,Lavrov,"We are" not ready\n',
        "upload.csv: row 1: not valid CSV (',' expected after '\"': a quote inside a quoted text is written twice, and a closing quote ends the cell; the row starts on line 2)",
    ),
]


@pytest.mark.parametrize(("case", "data", "message"), BAD_FILES, ids=[case for case, *_ in BAD_FILES])
def test_a_bad_file_gets_an_exact_message(case: str, data: bytes, message: str) -> None:
    with pytest.raises(StatementsError) as caught:
        parse(data)
    assert str(caught.value) == message


@pytest.mark.parametrize(("case", "data", "message"), BAD_FILES, ids=[case for case, *_ in BAD_FILES])
def test_a_bad_import_leaves_the_store_unchanged(store: Store, case: str, data: bytes, message: str) -> None:
    before = store.frame()
    with pytest.raises(StatementsError):
        store.import_csv(data, source_name="upload.csv")
    assert store.frame().equals(before)


def test_one_bad_row_among_good_ones_imports_nothing(store: Store) -> None:
    rows = "".join(f"2025-11-{day:02d},Speaker {day},We are ready to meet.\n" for day in range(1, 20))
    data = ("date,speaker,text\n" + rows + "2025-11-31,Late,Oops\n").encode()
    with pytest.raises(StatementsError, match=r"row 20, field 'date'"):
        store.import_csv(data, source_name="upload.csv")
    assert store.count() == 1


def test_every_bad_row_is_listed(store: Store) -> None:
    data = b"date,speaker,text\nnope,A,hi\n2025-01-01,,hi\n2025-01-02,C,\n"
    with pytest.raises(StatementsError) as caught:
        parse(data)
    assert [(p.row, p.field) for p in caught.value.problems] == [(1, "date"), (2, "speaker"), (3, "text")]


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("BOM", b"\xef\xbb\xbfdate,speaker,text\n" + GOOD_ROW.encode()),
        ("CRLF", b"date,speaker,text\r\n" + GOOD_ROW.replace("\n", "\r\n").encode()),
        ("semicolons", b"date;speaker;text\n2025-11-20;Dmitry Peskov;The summit has been postponed.\n"),
        ("header case and spaces", b" Date , SPEAKER ,Text\n" + GOOD_ROW.encode()),
        (
            "quoted commas and newlines",
            b'date,speaker,text\n2025-11-20,"Peskov, Dmitry","The summit,\nit seems, has been postponed."\n',
        ),
    ],
)
def test_common_csv_dialects_are_read(case: str, data: bytes) -> None:
    (statement,) = parse(data)
    assert statement.date.isoformat() == "2025-11-20"
    assert "Peskov" in statement.speaker and "postponed" in statement.text


def test_duplicates_are_skipped_and_counted(store: Store) -> None:
    data = ("date,speaker,text\n" + GOOD_ROW + "2025-11-21,Yuri Ushakov,No date has been set.\n").encode()
    result = store.import_csv(data, source_name="upload.csv")
    assert (result.added, result.skipped_duplicates) == (1, 1)


def test_statement_text_is_kept_verbatim_even_when_hostile(store: Store) -> None:
    hostile = (
        '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) =HYPERLINK("x")'
    )
    data = f'date,speaker,text\n2025-11-22,Mallory,"{hostile.replace(chr(34), chr(34) * 2)}"\n'.encode()
    store.import_csv(data, source_name="upload.csv")
    assert hostile in store.frame()["text"].tolist()


def test_an_export_with_carriage_returns_imports_again(store: Store, tmp_path: Path) -> None:
    data = b'date,speaker,text\n2025-11-22,Mallory,"line one\rline two, and\r\nthree"\n'
    store.import_csv(data, source_name="upload.csv")
    exported = tmp_path / "out.csv"
    store.export_csv(exported)
    assert oct(exported.stat().st_mode & 0o777) == "0o644"
    with Store(f"sqlite:///{tmp_path / 'again.db'}") as again:
        result = again.import_csv(exported)
        assert result.added == store.count()
        assert set(again.frame()["text"]) == set(store.frame()["text"])


def test_a_bad_row_after_batches_were_written_undoes_them_all(store: Store, tmp_path: Path) -> None:
    """Imports are streamed into the store IMPORT_CHUNK_ROWS at a time, in one transaction: a bad
    row found after several batches leaves the store as it was."""
    path = tmp_path / "long.csv"
    good = [
        f"2025-{1 + n // 28:02d}-{1 + n % 28:02d},Speaker {n},We are ready to meet ({n}).\n"
        for n in range(300)
    ]
    rows = good * 5  # 1,500 rows, 300 distinct: duplicates inside the file too
    path.write_text("date,speaker,text\n" + "".join(rows) + "2025-13-01,Late,Oops\n", encoding="utf-8")
    before = store.frame()
    with pytest.raises(StatementsError, match=r"row 1501, field 'date'"):
        store.import_csv(path)
    assert store.frame().equals(before)
    path.write_text("date,speaker,text\n" + "".join(rows), encoding="utf-8")
    result = store.import_csv(path)
    assert (result.added, result.skipped_duplicates) == (300, 1200)


def test_a_nul_byte_after_the_first_4_kb_is_refused_as_postgresql_would(store: Store) -> None:
    """Issue 15, item 10: the binary sniff looks at the first 4 KB only; a NUL further on reached
    SQLite (PostgreSQL refuses it), and that store's export could not be imported again."""
    filler = "".join(
        f"2025-01-{1 + n % 28:02d},Speaker {n},We are ready to meet ({n}).\n" for n in range(150)
    )
    data = ("date,speaker,text\n" + filler + "2025-02-01,Mallory,ab\x00c\n").encode()
    assert data.index(b"\x00") > 4096
    before = store.frame()
    with pytest.raises(StatementsError) as caught:
        store.import_csv(data, source_name="upload.csv")
    assert str(caught.value) == (
        "upload.csv: row 151, field 'text': a NUL character at position 3; text cannot hold one (a binary file?)"
    )
    assert store.frame().equals(before)


def test_the_command_line_imports_a_file_over_the_upload_limit_streamed(
    cli, tmp_path: Path, monkeypatch
) -> None:
    """Issue 15, item 10: the command line streams an import in batches (one transaction), so a
    file larger than an upload may be (MAX_FILE_BYTES) imports whole instead of being refused."""
    text = "We are ready to meet at the summit " * 130
    rows = [f"2025-{1 + n % 12:02d}-{1 + n % 28:02d},Speaker {n},{text}{n}\n" for n in range(4_800)]
    path = tmp_path / "large.csv"
    path.write_text("date,speaker,text\n" + "".join(rows), encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    result = cli("import", str(path), "--summit", "trump-putin-2025")
    assert result.returncode == 0, result.stderr
    assert "imported 4800 statement(s), skipped 0 already stored" in result.stdout
