"""Statements: the dated, attributed rows the outlook is built from, validated as a whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from summit_outlook.csv_files import restore_cell
from summit_outlook.paths import bundled_file
from summit_outlook.reading import InputError, decode_text, file_lines, too_large
from summit_outlook.reading import lines as read_lines

REQUIRED_COLUMNS: tuple[str, ...] = ("date", "speaker", "text")
COLUMNS: tuple[str, ...] = ("date", "speaker", "role", "side", "text", "source", "kind", "note", "summit")
# Uploads beyond this are refused before parsing: a statements file is text, not an archive.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Longest quote we accept; a paragraph of diplomatic speech is far below this.
MAX_TEXT_CHARS = 5_000
# Longest values of the other fields: a name with a title, a country or alliance, a URL or a
# note on how a date was worked out. The store's columns, the dashboard's inputs and extraction
# all use these.
MAX_SPEAKER_CHARS = 200
MAX_SIDE_CHARS = 100
MAX_SOURCE_CHARS = 2_000
MAX_NOTE_CHARS = 2_000
# The dates a statement may carry: diplomacy since the UN's founding, up to tomorrow (a statement
# dated in a time zone ahead of the server's). A statement is dated when it was said, so a date
# after that is a typo (2205 for 2025) or a plan, and one far-dated row would stretch the outlook
# to that day for everyone. Rows stored before this check keep their dates: they stay editable
# and deletable, and the outlook leaves them out (plausible_dates).
EARLIEST_DATE = dt.date(1945, 1, 1)
DAYS_AFTER_TODAY = 1
# Validation context that reads a stored row back as it is, whatever its date.
STORED = "stored"
# A summit id is a slug (model.summits keeps the same pattern; it imports this module).
SUMMIT_ID_PATTERN = r"[a-z0-9][a-z0-9-]{0,63}"
SUMMIT_ID_MAX_CHARS = 64


class Role(StrEnum):
    """Who is speaking; each role has a weight in the rules."""

    HEAD_OF_STATE = "head_of_state"
    MINISTER = "minister"
    SPOKESPERSON = "spokesperson"
    ENVOY = "envoy"
    OFFICIAL = "official"
    OTHER = "other"


class Kind(StrEnum):
    """How the words reached the dataset."""

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"
    EVENT = "event"


class Statement(BaseModel):
    """One dated, attributed statement. Only date, speaker and text are required."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    date: dt.date
    speaker: str = Field(min_length=1, max_length=MAX_SPEAKER_CHARS)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    role: Role = Role.OTHER
    side: str = Field(default="unknown", max_length=MAX_SIDE_CHARS)
    source: str = Field(default="", max_length=MAX_SOURCE_CHARS)
    kind: Kind = Kind.QUOTE
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    # The id of the summit it is about; empty until the store or the command assigns one.
    summit: str = Field(default="", max_length=SUMMIT_ID_MAX_CHARS)

    @field_validator("summit")
    @classmethod
    def _summit_id(cls, value: str) -> str:
        value = value.lower()
        if value and not re.fullmatch(SUMMIT_ID_PATTERN, value):
            raise ValueError(
                f"not a summit id: {value!r} (lowercase letters, digits and '-'; "
                "`summit-outlook summits` lists them)"
            )
        return value

    @field_validator("speaker", "text", "side", "source", "note", mode="after")
    @classmethod
    def _no_nul(cls, value: str, info: ValidationInfo) -> str:
        # PostgreSQL cannot store a NUL character and SQLite can, so a store on SQLite would hold
        # rows whose export no store imports; a NUL in text is a binary file's, never a quote's.
        if "\x00" in value and not (info.context or {}).get(STORED):
            position = value.index("\x00") + 1
            raise ValueError(f"a NUL character at position {position}; text cannot hold one (a binary file?)")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None
        return value

    @field_validator("date", mode="after")
    @classmethod
    def _plausible_date(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        if not (info.context or {}).get(STORED):
            problem = date_problem(value)
            if problem:
                raise ValueError(problem)
        return value

    @field_validator("role", "kind", mode="before")
    @classmethod
    def _case_insensitive(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest date a statement may carry: tomorrow."""
    return (today or dt.date.today()) + dt.timedelta(days=DAYS_AFTER_TODAY)


def date_problem(value: dt.date, *, today: dt.date | None = None) -> str | None:
    """Why a statement cannot carry this date, or None when it can."""
    today = today or dt.date.today()
    if value < EARLIEST_DATE:
        return f"{value.isoformat()} is before {EARLIEST_DATE.isoformat()}, the earliest a statement may have"
    if value > latest_date(today):
        return (
            f"{value.isoformat()} is after today ({today.isoformat()}): a statement is dated when it "
            "was said; check the year"
        )
    return None


def plausible_dates(dates: pd.Series, *, today: dt.date | None = None) -> np.ndarray:
    """Which of these dates a statement may carry (see EARLIEST_DATE); the outlook uses only those."""
    days = pd.to_datetime(dates).to_numpy(dtype="datetime64[D]")
    earliest = np.datetime64(EARLIEST_DATE, "D")
    latest = np.datetime64(latest_date(today), "D")
    return (days >= earliest) & (days <= latest)


def from_stored(values: Mapping[str, object]) -> Statement:
    """A stored row as a Statement, whatever its date (see EARLIEST_DATE)."""
    return Statement.model_validate(values, context={STORED: True})


class StatementProblem(BaseModel):
    """One thing wrong with one row of a statements file."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        if not self.field:  # the row as a whole (too many cells, not CSV)
            return f"row {self.row}: {self.message}"
        return f"row {self.row}, field '{self.field}': {self.message}"


class StatementsError(ValueError):
    """A statements file that cannot be used; lists every problem with its row and field."""

    def __init__(self, source: str, problems: list[StatementProblem] | str, *, more: int = 0):
        self.source = source
        self.problems = problems if isinstance(problems, list) else []
        # Problems found beyond the ones listed (a file with very many bad rows).
        self.more = more
        if isinstance(problems, str):
            detail = problems
        else:
            shown = "; ".join(str(p) for p in problems[:10])
            hidden = len(problems) - 10 + more
            detail = shown + (f" (and {hidden} more)" if hidden > 0 else "")
        super().__init__(f"{source}: {detail}")


def _clean_defaults(raw: Mapping[str, object]) -> dict[str, object]:
    """Drop empty optional cells so the model's defaults apply."""
    cleaned: dict[str, object] = {}
    for key, value in raw.items():
        if key is None:
            continue
        key = str(key).strip().lower()
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        if isinstance(value, str) and value.strip() == "" and key not in REQUIRED_COLUMNS:
            continue
        cleaned[key] = value
    return cleaned


def validate_records(records: Iterable[Mapping[str, object]], *, source: str) -> list[Statement]:
    """Validate every record; raise one StatementsError naming each bad row and field."""
    statements: list[Statement] = []
    problems: list[StatementProblem] = []
    for row_number, raw in enumerate(records, start=1):
        statement = _validated(row_number, raw, problems)
        if statement is not None:
            statements.append(statement)
    if problems:
        raise StatementsError(source, problems)
    return statements


def _validated(
    row_number: int, raw: Mapping[str, object], problems: list[StatementProblem]
) -> Statement | None:
    """One record as a Statement, or None with its problems added to `problems`."""
    try:
        return Statement.model_validate(_clean_defaults(raw))
    except ValidationError as error:
        for detail in error.errors():
            field = str(detail["loc"][0]) if detail["loc"] else "?"
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "missing":
                message = "missing"
            elif detail["type"] == "string_too_short":
                message = "is empty"
            elif detail["type"] == "enum" and field == "role":
                message = f"unknown role {_shortened(raw.get('role'))}; use one of {_roles()}"
            problems.append(StatementProblem(row=row_number, field=field, message=message))
    return None


def _shortened(value: object, limit: int = 60) -> str:
    """A value for a message: its repr, cut to `limit` characters."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _roles() -> str:
    return ", ".join(role.value for role in Role)


# --- reading CSV files ---------------------------------------------------------------------------

# The longest line a statements file may have: every field at its longest in 4-byte characters,
# quotes doubled, fits with room to spare; /dev/zero or a one-line binary blob does not.
MAX_LINE_BYTES = 128 * 1024
# Files read from disk (import, timeline --statements) are streamed, so this is only a sanity
# bound: about three million statements. Uploads are held in memory and keep MAX_FILE_BYTES.
MAX_STATEMENTS_FILE_BYTES = 1024 * 1024 * 1024
# Problems kept for the message and the dashboard's table; a broken file of a million rows gets a
# count of the rest, not a million-line error.
MAX_PROBLEMS = 1_000
WHAT = "CSV text file"
UTF8_HINT = "; save the file as UTF-8 CSV and try again"
# A quote inside a quoted text is written twice; a quote anywhere else in a cell breaks the row.
QUOTE_HINT = "a quote inside a quoted text is written twice, and a closing quote ends the cell"


def iter_statements_csv(path: str | os.PathLike[str]) -> Iterator[Statement]:
    """The validated statements of a CSV file on disk, streamed (see statements_from_lines)."""
    source = str(path)
    try:
        lines = file_lines(
            path, max_line_bytes=MAX_LINE_BYTES, max_bytes=MAX_STATEMENTS_FILE_BYTES, what=WHAT
        )
        yield from statements_from_lines(lines, source=source)
    except InputError as error:
        raise _file_error(error) from None


def iter_statements_bytes(data: bytes, *, source: str) -> Iterator[Statement]:
    """The validated statements of an uploaded file's bytes (at most MAX_FILE_BYTES)."""
    if len(data) > MAX_FILE_BYTES:
        raise StatementsError(source, too_large(len(data), MAX_FILE_BYTES, "statements file"))
    try:
        lines = read_lines(io.BytesIO(data), source=source, max_line_bytes=MAX_LINE_BYTES, what=WHAT)
        yield from statements_from_lines(lines, source=source)
    except InputError as error:
        raise _file_error(error) from None


def _file_error(error: InputError) -> StatementsError:
    hint = UTF8_HINT if error.reason.startswith("not UTF-8") else ""
    return StatementsError(error.source, error.reason + hint)


def statements_from_lines(lines: Iterable[str], *, source: str) -> Iterator[Statement]:
    """Validated statements from the lines of a CSV file (comma or semicolon separated), one at a
    time, so a file of any length is read in constant memory.

    A problem in any row makes the whole file fail, after every row was checked: StatementsError
    names each bad row and field (the first MAX_PROBLEMS). Rows before the first problem are
    yielded as they come; none after it. A consumer that stores them must do so in one
    transaction, so that the error undoes them. Refused as a whole: an empty file, a header
    without a required column or with one twice, a row with more cells than the header has, and
    a row that is not CSV (an unterminated quote, text after a closing quote).
    """
    lines = iter(lines)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    else:
        raise StatementsError(source, "the file is empty")
    delimiter = ";" if head[-1].count(";") > head[-1].count(",") else ","
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    reader = csv.reader(itertools.chain(head, lines), delimiter=delimiter, strict=True)
    header = [name.strip().lower() for name in next(reader)]
    _check_header(header, source)
    problems: list[StatementProblem] = []
    more_problems = 0
    rows = 0
    while True:
        started_on = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(StatementProblem(row=rows + 1, field="", message=_csv_problem(error, started_on)))
            raise StatementsError(source, problems, more=more_problems) from None
        if not cells:  # a blank line
            continue
        rows += 1
        found: list[StatementProblem] = []
        statement = None
        if len(cells) > len(header):
            message = _extra_cells(len(cells), header, delimiter)
            found.append(StatementProblem(row=rows, field="", message=message))
        else:
            # A short row leaves its last columns out: missing, or their defaults.
            record = {name: restore_cell(cell) for name, cell in zip(header, cells, strict=False)}
            statement = _validated(rows, record, found)
        if found:
            room = MAX_PROBLEMS - len(problems)
            problems.extend(found[:room])
            more_problems += len(found[room:]) if room < len(found) else 0
        elif not problems and statement is not None:
            yield statement
    if problems:
        raise StatementsError(source, problems, more=more_problems)
    if rows == 0:
        raise StatementsError(source, "the file has a header but no statements")


def _check_header(header: list[str], source: str) -> None:
    """Refuse a header without the required columns, or naming one twice (which cell is meant?)."""
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise StatementsError(
            source,
            f"the header names column(s) {', '.join(repeated)} more than once; give each column once",
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise StatementsError(
            source,
            f"missing required column(s) {', '.join(missing)}; "
            f"the header must include {', '.join(REQUIRED_COLUMNS)}",
        )


def _extra_cells(count: int, header: list[str], delimiter: str) -> str:
    return (
        f"{count} cells, but the header has {len(header)} columns; a '{delimiter}' inside a text "
        "needs the text in double quotes"
    )


def _csv_problem(error: csv.Error, line: int) -> str:
    """What is wrong with a row the csv module cannot read, and where it began."""
    reason = str(error)
    if reason == "unexpected end of data":
        return f"not valid CSV (a quote opened on line {line} is never closed)"
    if "expected after" in reason:
        return f"not valid CSV ({reason}: {QUOTE_HINT}; the row starts on line {line})"
    return f"not valid CSV ({reason})"


def parse_csv_text(text: str, *, source: str) -> list[Statement]:
    """Parse CSV text (comma or semicolon separated) into validated statements."""
    return list(statements_from_lines(io.StringIO(text, newline=""), source=source))


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an uploaded file: UTF-8 (with or without BOM), else a clear error."""
    if len(data) > MAX_FILE_BYTES:
        raise StatementsError(source, too_large(len(data), MAX_FILE_BYTES, "statements file"))
    try:
        return decode_text(data, source=source, what=WHAT)
    except InputError as error:
        raise _file_error(error) from None


def read_statements_csv(path: str | os.PathLike[str]) -> list[Statement]:
    """Read and validate a statements CSV file from disk."""
    return list(iter_statements_csv(path))


def to_frame(statements: Iterable[Statement]) -> pd.DataFrame:
    """Statements as a DataFrame with the standard columns, dates as datetime64."""
    frame = pd.DataFrame(
        [statement.model_dump(mode="python") for statement in statements], columns=list(COLUMNS)
    )
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("role", "kind"):
        frame[column] = frame[column].map(lambda value: getattr(value, "value", value))
    return frame


def bundled_statements_path() -> Path:
    """Where the bundled dataset lives."""
    return bundled_file("statements.csv")
