"""Summits: the questions the statements are about ("Will Trump and Putin meet again before 31 Dec
2025?"), each with its outcome, and the outcomes file that lists them (data/summits.json)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from summit_outlook.model.statements import (
    SUMMIT_ID_MAX_CHARS,
    Statement,
    StatementProblem,
    StatementsError,
)
from summit_outlook.model.statements import SUMMIT_ID_PATTERN as _SLUG
from summit_outlook.paths import bundled_file

# A summit's id is a slug: it goes into URLs, file names and a CSV's summit column.
SUMMIT_ID_PATTERN = f"^{_SLUG}$"
MAX_SUMMIT_ID_CHARS = SUMMIT_ID_MAX_CHARS
MAX_TITLE_CHARS = 120
MAX_PRINCIPALS = 6
MAX_PRINCIPAL_CHARS = 100
MAX_QUESTION_CHARS = 300
MAX_SUMMIT_SOURCE_CHARS = 2_000
MAX_SUMMIT_NOTE_CHARS = 2_000
# An outcomes file lists a few dozen summits; far larger is not one.
MAX_OUTCOMES_FILE_BYTES = 2 * 1024 * 1024
# The summit the statements of schema version 1 (one summit per store) belong to: the bundled article's.
BUNDLED_SUMMIT_ID = "trump-putin-2025"


class Resolution(StrEnum):
    """What became of a summit: still open, or held, cancelled, or not held by its deadline."""

    OPEN = "open"
    HELD = "held"
    CANCELLED = "cancelled"
    NOT_HELD = "not_held"


RESOLUTION_LABELS: dict[Resolution, str] = {
    Resolution.OPEN: "open",
    Resolution.HELD: "held",
    Resolution.CANCELLED: "cancelled",
    Resolution.NOT_HELD: "not held by the deadline",
}


def is_summit_id(value: str) -> bool:
    """Whether `value` is a valid summit id (a lowercase slug)."""
    return re.fullmatch(SUMMIT_ID_PATTERN, value) is not None


def slug(text: str) -> str:
    """A summit id made from a title: 'Trump-Kim summit, Singapore' -> 'trump-kim-summit-singapore'."""
    words = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return words[:MAX_SUMMIT_ID_CHARS].rstrip("-")


class Summit(BaseModel):
    """A prospective meeting as a question with an outcome.

    Resolved summits name the day of their resolution and the source that reports it: held on
    that day, cancelled on that day, or not held by the deadline (resolved on the deadline).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=SUMMIT_ID_PATTERN, max_length=MAX_SUMMIT_ID_CHARS)
    title: str = Field(min_length=1, max_length=MAX_TITLE_CHARS)
    principals: tuple[str, ...] = Field(default=(), max_length=MAX_PRINCIPALS)
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    deadline: dt.date | None = None
    resolution: Resolution = Resolution.OPEN
    resolved_on: dt.date | None = None
    resolution_source: str = Field(default="", max_length=MAX_SUMMIT_SOURCE_CHARS)
    note: str = Field(default="", max_length=MAX_SUMMIT_NOTE_CHARS)

    @field_validator("deadline", "resolved_on", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None
        return value

    @field_validator("principals", mode="before")
    @classmethod
    def _split_principals(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("principals")
    @classmethod
    def _principal_lengths(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not name or len(name) > MAX_PRINCIPAL_CHARS:
                raise ValueError(f"each principal is 1-{MAX_PRINCIPAL_CHARS} characters: {name!r}")
        return value

    @field_validator("resolution", mode="before")
    @classmethod
    def _resolution_words(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().lower().replace(" ", "_").replace("-", "_")
        return value

    @model_validator(mode="after")
    def _resolution_is_complete(self) -> Summit:
        if self.resolution is Resolution.OPEN:
            if self.resolved_on is not None:
                raise ValueError("an open summit has no resolved_on date")
            return self
        if self.resolved_on is None:
            raise ValueError(f"a summit resolved as {self.resolution.value} needs resolved_on (YYYY-MM-DD)")
        if not self.resolution_source:
            raise ValueError(f"a summit resolved as {self.resolution.value} needs resolution_source")
        if self.resolution is Resolution.NOT_HELD and self.deadline is None:
            raise ValueError("a summit not held by its deadline needs a deadline")
        return self

    @property
    def resolved(self) -> bool:
        return self.resolution is not Resolution.OPEN

    def resolution_text(self) -> str:
        """'open', 'held on 12 Jun 2018', 'cancelled on 29 Nov 2018', 'not held by 31 Dec 2025'."""
        if self.resolved_on is None:
            return RESOLUTION_LABELS[self.resolution]
        day = f"{self.resolved_on.day} {self.resolved_on:%b %Y}"
        if self.resolution is Resolution.NOT_HELD:
            return f"not held by {day}"
        return f"{self.resolution.value} on {day}"

    def record(self) -> dict[str, Any]:
        """The summit as JSON-ready data: the outcomes file's format and `summits --format json`."""
        data = self.model_dump(mode="json")
        data["principals"] = list(self.principals)
        return data


class SummitsError(ValueError):
    """Summits that cannot be used (a bad outcomes file, an unknown id); lists every problem."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def validate_summits(entries: Iterable[Mapping[str, object]], *, source: str) -> list[Summit]:
    """Validate summit records; raise one SummitsError naming each bad entry and field."""
    summits: list[Summit] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        where = f"summit {index + 1}"
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            where += f" ({entry['id']!r})"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: expected an object")
            continue
        try:
            summits.append(Summit.model_validate(dict(entry)))
        except ValidationError as error:
            for detail in error.errors():
                field = ".".join(str(part) for part in detail["loc"]) or "summit"
                message = detail["msg"].removeprefix("Value error, ")
                problems.append(f"{where}, field '{field}': {message}")
    ids = [summit.id for summit in summits]
    problems.extend(f"summit id {name!r} is listed twice" for name in sorted(set(ids)) if ids.count(name) > 1)
    if problems:
        raise SummitsError(source, problems)
    return summits


def parse_summits_json(data: bytes | str, *, source: str) -> list[Summit]:
    """Summits from an outcomes file: a JSON list of summit objects (see the README)."""
    if len(data) > MAX_OUTCOMES_FILE_BYTES:
        raise SummitsError(source, [f"file is over {MAX_OUTCOMES_FILE_BYTES // 2**20} MB"])
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SummitsError(source, [f"not JSON ({error})"]) from None
    if isinstance(parsed, Mapping) and "summits" in parsed:
        parsed = parsed["summits"]
    if not isinstance(parsed, list):
        raise SummitsError(source, ["expected a list of summit objects"])
    return validate_summits(parsed, source=source)


def read_summits_json(path: str | Path) -> list[Summit]:
    """Read and validate an outcomes file from disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SummitsError(str(path), ["file not found"]) from None
    except OSError as error:
        raise SummitsError(str(path), [f"cannot read file ({error.strerror})"]) from None
    return parse_summits_json(data, source=str(path))


def summits_json(summits: Sequence[Summit]) -> str:
    """Summits in the outcomes file's format."""
    return json.dumps([summit.record() for summit in summits], ensure_ascii=False, indent=1)


def bundled_summits_path() -> Path:
    """The bundled summits and their outcomes."""
    return bundled_file("summits.json")


def bundled_sagas_path() -> Path:
    """The bundled statements of the real sagas (each row names its summit)."""
    return bundled_file("sagas.csv")


def bundled_summits() -> list[Summit]:
    return read_summits_json(bundled_summits_path())


def by_id(summits: Iterable[Summit]) -> dict[str, Summit]:
    return {summit.id: summit for summit in summits}


def assign_summits(
    statements: Sequence[Statement],
    known: Iterable[str],
    *,
    source: str,
    default: str | None = None,
    first_row: int = 1,
) -> list[Statement]:
    """The statements, each belonging to a known summit: those naming none get `default`.

    Raises StatementsError naming each row (counted from `first_row`, as in a CSV after its
    header) whose summit is missing or unknown; nothing is half-assigned.
    """
    known_ids = sorted(set(known))
    listed = ", ".join(known_ids) if len(known_ids) <= 12 else ", ".join(known_ids[:12]) + ", ..."
    if default is not None and default not in known_ids:
        raise StatementsError(source, f"unknown summit {default!r}; known summits: {listed}")
    assigned: list[Statement] = []
    problems: list[StatementProblem] = []
    for row, statement in enumerate(statements, start=first_row):
        summit = statement.summit or default
        if not summit:
            problems.append(
                StatementProblem(
                    row=row,
                    field="summit",
                    message="missing: name the summit (a summit column, or --summit ID)",
                )
            )
        elif summit not in known_ids:
            problems.append(
                StatementProblem(
                    row=row,
                    field="summit",
                    message=f"unknown summit {summit!r} (`summit-outlook summits` lists them)",
                )
            )
        else:
            assigned.append(
                statement if statement.summit == summit else statement.model_copy(update={"summit": summit})
            )
    if problems:
        raise StatementsError(source, problems)
    return assigned
