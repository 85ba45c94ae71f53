"""Statements: the dated, attributed rows the outlook is built from, validated as a whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from summit_outlook.csv_files import restore_cell
from summit_outlook.paths import bundled_file

REQUIRED_COLUMNS: tuple[str, ...] = ("date", "speaker", "text")
COLUMNS: tuple[str, ...] = ("date", "speaker", "role", "side", "text", "source", "kind", "note")
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
        return f"row {self.row}, field '{self.field}': {self.message}"


class StatementsError(ValueError):
    """A statements file that cannot be used; lists every problem with its row and field."""

    def __init__(self, source: str, problems: list[StatementProblem] | str):
        self.source = source
        self.problems = problems if isinstance(problems, list) else []
        if isinstance(problems, str):
            detail = problems
        else:
            shown = "; ".join(str(p) for p in problems[:10])
            more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
            detail = shown + more
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
        try:
            statements.append(Statement.model_validate(_clean_defaults(raw)))
        except ValidationError as error:
            for detail in error.errors():
                field = str(detail["loc"][0]) if detail["loc"] else "?"
                message = detail["msg"].removeprefix("Value error, ")
                if detail["type"] == "missing":
                    message = "missing"
                elif detail["type"] == "string_too_short":
                    message = "is empty"
                elif detail["type"] == "enum" and field == "role":
                    message = f"unknown role {raw.get('role')!r}; use one of {_roles()}"
                problems.append(StatementProblem(row=row_number, field=field, message=message))
    if problems:
        raise StatementsError(source, problems)
    return statements


def _roles() -> str:
    return ", ".join(role.value for role in Role)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an uploaded file: UTF-8 (with or without BOM), else a clear error."""
    if len(data) > MAX_FILE_BYTES:
        raise StatementsError(
            source, f"file is {len(data) / 2**20:.1f} MB; the limit is {MAX_FILE_BYTES / 2**20:.0f} MB"
        )
    if b"\x00" in data[:4096]:
        raise StatementsError(source, "this is a binary file, not a CSV text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StatementsError(
            source,
            f"not UTF-8 text (line {line}, byte {error.start}); save the file as UTF-8 CSV and try again",
        ) from None


def parse_csv_text(text: str, *, source: str) -> list[Statement]:
    """Parse CSV text (comma or semicolon separated) into validated statements."""
    if not text.strip():
        raise StatementsError(source, "the file is empty")
    first_line = text.splitlines()[0] if text else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [str(name).strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise StatementsError(
            source,
            f"missing required column(s) {', '.join(missing)}; "
            f"the header must include {', '.join(REQUIRED_COLUMNS)}",
        )
    rows: list[dict[str, str]] = []
    try:
        for row in reader:
            rows.append({name: _restored(value) for name, value in row.items()})
    except csv.Error as error:
        raise StatementsError(source, f"row {len(rows) + 1}: not valid CSV ({error})") from None
    if not rows:
        raise StatementsError(source, "the file has a header but no statements")
    return validate_records(rows, source=source)


def _restored(value: object) -> object:
    """A cell as written before an export neutralised it for spreadsheets; other cells as they are."""
    return restore_cell(value) if isinstance(value, str) else value


def read_statements_csv(path: str | Path) -> list[Statement]:
    """Read and validate a statements CSV file from disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StatementsError(str(path), "file not found") from None
    except OSError as error:
        raise StatementsError(str(path), f"cannot read file ({error.strerror})") from None
    return parse_csv_text(decode_bytes(data, source=str(path)), source=str(path))


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
