"""Checking the rules against labelled statements: sign agreement, confusion, unread, misses.

A labelled file is JSON Lines or CSV with a `text` and a `label` (-1, 0 or 1) per statement; any
other column (id, url, saga, ...) is kept for display. `read_labelled` reads and validates one,
`evaluate` scores its statements with the model's public API and compares each score's sign
with its label. Nothing here prints: the command line (cli/evaluate.py) shows the result.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from summit_outlook.csv_files import restore_cell
from summit_outlook.model.explain import explain_texts
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import MAX_TEXT_CHARS
from summit_outlook.reading import InputError, file_lines

# A score this close to zero reads as neutral (sign 0): the band of the project's reference
# measurement, ../shared/tools/dev_accuracy.py (NEUTRAL = 0.05), so both report the same figures.
NEUTRAL_BAND = 0.05

LABELS: tuple[int, ...] = (-1, 0, 1)
REQUIRED_FIELDS: tuple[str, ...] = ("text", "label")
# Every statement is held in memory (misses are listed at the end), so the file is bounded: a
# labelled set is hand-made, and 64 MB is some hundred thousand statements.
MAX_FILE_BYTES = 64 * 1024 * 1024
# One statement per line at most MAX_TEXT_CHARS in 4-byte characters, with room for its other
# fields; /dev/zero or a one-line binary blob is refused at once.
MAX_LINE_BYTES = 128 * 1024
# Problems named in the one-line error; the rest are counted.
MAX_PROBLEMS_SHOWN = 10
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
WHAT = "labelled statements file"


class EvaluationError(ValueError):
    """A labelled file that cannot be evaluated; one line naming each bad row and field."""

    def __init__(self, source: str, problems: Sequence[str] | str):
        self.source = source
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        shown = "; ".join(self.problems[:MAX_PROBLEMS_SHOWN])
        hidden = len(self.problems) - MAX_PROBLEMS_SHOWN
        super().__init__(f"{source}: {shown}" + (f" (and {hidden} more)" if hidden > 0 else ""))


@dataclass(frozen=True)
class LabelledStatement:
    """One row of a labelled file: its text, its label and its other fields (id, url, ...)."""

    row: int
    text: str
    label: int
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str | None:
        """The row's `id` field as text, when it has one."""
        value = self.fields.get("id")
        return None if value is None or value == "" else str(value)


@dataclass(frozen=True)
class FamilyPrecision:
    """How often a signal family's pull agrees with the label where it moved a statement."""

    family: str
    label: str
    direction: int
    # Statements where the family's contributions add up to something other than zero.
    statements: int
    # Of those, the ones whose label has the sign of that sum (a negated family pulls the other way).
    agreeing: int

    @property
    def precision(self) -> float | None:
        """agreeing / statements; None where the family moved no statement."""
        return self.agreeing / self.statements if self.statements else None


@dataclass(frozen=True)
class Miss:
    """A statement whose score's sign is not its label, with the explanation of its score."""

    row: int
    id: str | None
    label: int
    score: float
    sign: int
    text: str
    signals: list[dict[str, Any]]
    fields: dict[str, Any]


@dataclass(frozen=True)
class Evaluation:
    """The model's sign read against the labels of a set of statements."""

    statements: int
    agreeing: int
    # confusion[label][sign]: statements of that label whose score has that sign.
    confusion: dict[int, dict[int, int]]
    # Statements with a direction (label -1 or 1), and those of them scored 0 or the other way.
    directed: int
    unread: int
    opposite: int
    families: list[FamilyPrecision]
    misses: list[Miss]

    @property
    def agreement(self) -> float:
        """Share of statements whose score's sign is their label."""
        return self.agreeing / self.statements if self.statements else 0.0

    @property
    def unread_share(self) -> float:
        """Share of the statements with a direction that scored 0."""
        return self.unread / self.directed if self.directed else 0.0

    @property
    def opposite_share(self) -> float:
        """Share of the statements with a direction that got the opposite sign."""
        return self.opposite / self.directed if self.directed else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the counts, shares, confusion (keys "-1", "0", "1"), families and misses."""
        return {
            "statements": self.statements,
            "agreeing": self.agreeing,
            "agreement": round(self.agreement, 4),
            "neutral_band": NEUTRAL_BAND,
            "confusion": {
                str(label): {str(sign): count for sign, count in row.items()}
                for label, row in self.confusion.items()
            },
            "directed": self.directed,
            "unread": self.unread,
            "unread_share": round(self.unread_share, 4),
            "opposite": self.opposite,
            "opposite_share": round(self.opposite_share, 4),
            "families": [
                {**asdict(family), "precision": _rounded(family.precision)} for family in self.families
            ],
            "misses": [asdict(miss) for miss in self.misses],
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def sign(score: float) -> int:
    """-1, 0 or 1: a score within NEUTRAL_BAND of zero is 0."""
    if abs(score) < NEUTRAL_BAND:
        return 0
    return 1 if score > 0 else -1


# --- reading a labelled file -----------------------------------------------------------------------


def read_labelled(path: str | os.PathLike[str]) -> list[LabelledStatement]:
    """The statements of a JSON Lines or CSV file (by its suffix; else by its first character).

    Rows are numbered from 1, the CSV header not counted; a problem names the row, its line and
    the field. Every row is checked before EvaluationError lists what is wrong.
    """
    source = str(path)
    try:
        lines = file_lines(path, max_line_bytes=MAX_LINE_BYTES, max_bytes=MAX_FILE_BYTES, what=WHAT)
        head: list[str] = []
        for line in lines:
            head.append(line)
            if line.strip():
                break
        else:
            raise EvaluationError(source, "the file is empty")
        all_lines = itertools.chain(head, lines)
        suffix = Path(source).suffix.lower()
        as_json = suffix in JSON_LINES_SUFFIXES or (suffix != ".csv" and head[-1].lstrip().startswith("{"))
        if as_json:
            statements = _collected(_json_rows(all_lines), source)
        else:
            statements = _collected(_csv_rows(all_lines, head[-1], source), source)
    except InputError as error:
        raise EvaluationError(error.source, error.reason) from None
    if not statements:
        raise EvaluationError(source, "no statements in the file")
    return statements


def _collected(rows: Iterable[LabelledStatement | list[str]], source: str) -> list[LabelledStatement]:
    """The statements, or, once every row was seen, EvaluationError with the problems found."""
    problems: list[str] = []
    statements: list[LabelledStatement] = []
    for row in rows:
        if isinstance(row, LabelledStatement):
            statements.append(row)
        else:
            problems.extend(row)
    if problems:
        raise EvaluationError(source, problems)
    return statements


def _json_rows(lines: Iterable[str]) -> Iterator[LabelledStatement | list[str]]:
    row = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        row += 1
        where = f"row {row} (line {number})"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield [f"{where}: not valid JSON ({error.msg}, column {error.colno})"]
            continue
        if not isinstance(record, dict):
            yield [f"{where}: expected a JSON object, got {type(record).__name__}"]
            continue
        yield _labelled(row, where, record)


def _csv_rows(lines: Iterable[str], first: str, source: str) -> Iterator[LabelledStatement | list[str]]:
    """The rows of a CSV file (comma or semicolon separated, as `first`, its header, shows)."""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = [name.strip().lower() for name in next(cells for cells in reader if cells)]
    except csv.Error as error:
        raise EvaluationError(source, f"line {reader.line_num} (header): not valid CSV ({error})") from None
    line = reader.line_num
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise EvaluationError(
            source, f"line {line} (header): column(s) {', '.join(repeated)} named more than once"
        )
    missing = [name for name in REQUIRED_FIELDS if name not in header]
    if missing:
        raise EvaluationError(
            source,
            f"line {line} (header), field {' and '.join(repr(name) for name in missing)}: missing; "
            f"the header must name {' and '.join(REQUIRED_FIELDS)} (it has: {', '.join(header)})",
        )
    yield from _csv_records(reader, header)


def _csv_records(reader: Any, header: list[str]) -> Iterator[LabelledStatement | list[str]]:
    row = 0
    while True:
        number = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield [f"row {row + 1} (line {number}): not valid CSV ({error})"]
            return
        if not cells or not any(cell.strip() for cell in cells):
            continue
        row += 1
        where = f"row {row} (line {number})"
        if len(cells) > len(header):
            yield [f"{where}: {len(cells)} cells, but the header has {len(header)} columns"]
            continue
        # A short row leaves its last fields out; a field is missing, not empty.
        yield _labelled(
            row, where, {name: restore_cell(cell) for name, cell in zip(header, cells, strict=False)}
        )


def _labelled(row: int, where: str, record: dict[str, Any]) -> LabelledStatement | list[str]:
    """A validated statement, or the problems of this row, each naming its field."""
    problems = []
    text = record.get("text")
    if text is None:
        problems.append(f"{where}, field 'text': missing (the statement to score)")
    elif not isinstance(text, str):
        problems.append(f"{where}, field 'text': expected text, got {json.dumps(text)[:40]}")
    elif not text.strip():
        problems.append(f"{where}, field 'text': empty")
    elif len(text) > MAX_TEXT_CHARS:
        problems.append(f"{where}, field 'text': {len(text)} characters; the limit is {MAX_TEXT_CHARS}")
    label = _label(record.get("label"))
    if record.get("label") is None:
        problems.append(f"{where}, field 'label': missing (expected -1, 0 or 1)")
    elif label is None:
        problems.append(
            f"{where}, field 'label': expected -1, 0 or 1, got {json.dumps(record['label'])[:40]}"
        )
    if problems or not isinstance(text, str) or label is None:
        return problems
    fields = {name: value for name, value in record.items() if name not in REQUIRED_FIELDS}
    return LabelledStatement(row=row, text=text, label=label, fields=fields)


def _label(value: object) -> int | None:
    """-1, 0 or 1 from a JSON integer or a text ("+1" too); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value in LABELS else None
    if isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            return None
        return number if number in LABELS else None
    return None


# --- evaluating --------------------------------------------------------------------------------


def evaluate(statements: Sequence[LabelledStatement], rules: Rules, weights: Weights) -> Evaluation:
    """Score every statement (explain_texts) and compare the sign of each score with its label."""
    explained = explain_texts([statement.text for statement in statements], rules, weights)
    confusion = {label: dict.fromkeys(LABELS, 0) for label in LABELS}
    moved: dict[str, int] = {family.id: 0 for family in rules.families}
    agreed: dict[str, int] = {family.id: 0 for family in rules.families}
    misses = []
    for statement, record in zip(statements, explained, strict=True):
        score = float(record["score"])
        read = sign(score)
        confusion[statement.label][read] += 1
        for family, pull in _family_pulls(record["signals"]).items():
            moved[family] += 1
            agreed[family] += int(statement.label == pull)
        if read != statement.label:
            misses.append(
                Miss(
                    row=statement.row,
                    id=statement.id,
                    label=statement.label,
                    score=score,
                    sign=read,
                    text=statement.text,
                    signals=record["signals"],
                    fields=statement.fields,
                )
            )
    directed = [label for label in LABELS if label != 0]
    return Evaluation(
        statements=len(statements),
        agreeing=sum(confusion[label][label] for label in LABELS),
        confusion=confusion,
        directed=sum(sum(confusion[label].values()) for label in directed),
        unread=sum(confusion[label][0] for label in directed),
        opposite=sum(confusion[label][-label] for label in directed),
        families=[
            FamilyPrecision(
                family=family.id,
                label=family.label,
                direction=family.direction,
                statements=moved[family.id],
                agreeing=agreed[family.id],
            )
            for family in rules.families
        ],
        misses=misses,
    )


def _family_pulls(signals: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Per family that moved this statement, the sign of its summed contribution (-1 or 1)."""
    totals: dict[str, float] = {}
    for signal in signals:
        totals[signal["signal"]] = totals.get(signal["signal"], 0.0) + float(signal["contribution"])
    return {family: 1 if total > 0 else -1 for family, total in totals.items() if total != 0}
