"""Hostile text in every field: shown as text in charts and HTML, neutralised in CSV, verbatim in JSON."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from summit_outlook.csv_files import FORMULA_PREFIXES, frame_bytes
from summit_outlook.model.outlook import match_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import COLUMNS, to_frame, validate_records
from summit_outlook.report.charts import outlook_figure, toolbar_config
from summit_outlook.report.export import chart_html
from summit_outlook.report.views import explanations, outlook_view, scored_statements_export
from summit_outlook.store import Store
from tests.hostile_support import FORMULAS, HOSTILE, IMG, MARKUP, SCRIPT, hostile_records, write_hostile_csv

RULES = default_rules()
# The markup our own hover labels use; anything else between < and > would come from the data.
OWN_HOVER_TAGS = re.compile(r"</?(b|i|br)>")
TEXT_COLUMNS = ("speaker", "role", "side", "text", "hard_event", "signals", "kind", "source", "note")


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    return to_frame(validate_records(hostile_records(), source="hostile"))


@pytest.fixture(scope="module")
def view(statements: pd.DataFrame):
    return outlook_view(match_statements(statements, RULES), RULES, Weights.defaults(RULES))


@pytest.fixture(scope="module")
def figure(view) -> go.Figure:
    return outlook_figure(view, RULES, explanations(view.scored, RULES))


def _strings(value: object) -> list[str]:
    """Every string inside a nested structure of dicts, lists and arrays."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [text for item in items for text in _strings(item)]
    return []


def test_the_hostile_statements_load_trimmed_and_otherwise_verbatim(statements: pd.DataFrame) -> None:
    # Leading tab and carriage return go with the trimming of every field; the rest stays as typed.
    expected = [value.strip() for value in HOSTILE]
    assert list(statements["speaker"]) == expected
    assert list(statements["source"]) == expected
    assert list(statements["text"]) == [f"{value} We are ready to meet at the summit." for value in expected]


def test_hover_labels_show_user_text_escaped(figure: go.Figure) -> None:
    hovers = [text for trace in figure.data if trace.hovertext is not None for text in trace.hovertext]
    assert len(hovers) == len(HOSTILE)
    for hover in hovers:
        remainder = OWN_HOVER_TAGS.sub("", hover)
        assert "<" not in remainder and ">" not in remainder, hover
    joined = "\n".join(hovers)
    for value in MARKUP:
        assert html.escape(value, quote=False) in joined  # shown as the characters typed


def test_no_raw_user_markup_anywhere_in_the_figure(figure: go.Figure) -> None:
    # Titles, annotations, legend names, customdata: user text only ever appears escaped.
    for text in _strings(figure.to_plotly_json()):
        assert SCRIPT not in text and IMG not in text, text


def _benign_figure() -> go.Figure:
    records = [
        {**record, "speaker": "Lavrov", "side": "Russia", "source": "", "note": ""}
        for record in hostile_records()
    ]
    for record in records:
        record["text"] = "We are ready to meet at the summit."
    frame = to_frame(validate_records(records, source="benign"))
    view = outlook_view(match_statements(frame, RULES), RULES, Weights.defaults(RULES))
    return outlook_figure(view, RULES, explanations(view.scored, RULES))


class _Elements(HTMLParser):
    """The elements of a page and their attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _elements(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def test_the_html_export_has_no_element_or_script_from_the_data(figure: go.Figure) -> None:
    page = chart_html(figure, config=toolbar_config("hostile"))
    found = _elements(page)
    assert not [tag for tag, _ in found.tags if tag in ("img", "a", "iframe", "object", "embed")]
    handlers = [name for _, attrs in found.tags for name, _ in attrs if name.startswith("on")]
    assert handlers == []
    # The same scripts as a page of harmless statements: the data opened and closed none.
    benign = _elements(chart_html(_benign_figure(), config=toolbar_config("benign")))
    assert [tag for tag, _ in found.tags] == [tag for tag, _ in benign.tags]
    assert page.lower().count("</script") == page.lower().count("<script")
    assert SCRIPT not in page and IMG not in page


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(value, "'" + value) for value in FORMULAS]
    + [(value, value) for value in MARKUP]
    + [("We will meet", "We will meet"), ("", "")],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell: str, expected: str) -> None:
    frame = pd.DataFrame({"speaker": [cell], "score": [-0.5]})
    rows = list(csv.reader(io.StringIO(frame_bytes(frame).decode("utf-8-sig"), newline="")))
    assert rows == [["speaker", "score"], [expected, "-0.5"]]  # numbers stay numbers, even negative


def test_the_dashboards_statement_csv_has_no_cell_a_spreadsheet_would_run(view) -> None:
    frame = scored_statements_export(view.scored, explanations(view.scored, RULES))
    rows = list(csv.DictReader(io.StringIO(frame_bytes(frame).decode("utf-8-sig"), newline="")))
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for column in TEXT_COLUMNS:
            assert not row[column].startswith(FORMULA_PREFIXES), (column, row[column])
    texts = sorted(row["text"] for row in rows)
    assert '\'=HYPERLINK("http://x") We are ready to meet at the summit.' in texts
    assert "'-2+3 We are ready to meet at the summit." in texts
    assert f"{SCRIPT} We are ready to meet at the summit." in texts  # markup is text, left as is


def test_score_json_is_valid_and_keeps_the_text_verbatim(cli) -> None:
    texts = [*HOSTILE, "two\nlines", "a line\u2028separator", 'quote " and \\ backslash']
    # `--` ends the options: "-2+3" would otherwise be taken for one (argparse's rule, as for any CLI).
    done = cli("score", "--json", "--", *texts)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[-1] == "" and len(lines) == len(texts) + 1  # one JSON object per line, nothing else
    records = [json.loads(line) for line in lines[:-1]]
    assert [record["text"] for record in records] == texts
    assert all(-1 <= record["score"] <= 1 for record in records)


def test_the_store_exports_hostile_text_spreadsheet_safe_and_imports_it_again_verbatim(
    tmp_path: Path,
) -> None:
    source = write_hostile_csv(tmp_path / "hostile.csv")
    with Store(f"sqlite:///{tmp_path / 'statements.db'}") as store:
        assert store.import_csv(source).added == len(HOSTILE)
        stored = store.frame()
        out = tmp_path / "export.csv"
        store.export_csv(out)
    assert sorted(stored["speaker"]) == sorted(value.strip() for value in HOSTILE)
    with out.open(encoding="utf-8", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert list(exported[0]) == list(COLUMNS)
    for row in exported:
        for column in ("speaker", "side", "text", "source", "note"):
            assert not row[column].startswith(FORMULA_PREFIXES), (column, row[column])
    assert sorted(row["note"] for row in exported) == sorted(
        ("'" if value.strip().startswith(FORMULA_PREFIXES) else "") + value.strip() for value in HOSTILE
    )
    # Importing the export gives back exactly what was stored: a copy, not new statements.
    with Store(f"sqlite:///{tmp_path / 'copy.db'}") as copy:
        assert copy.import_csv(out).added == len(HOSTILE)
        again = copy.frame()
    columns = ["date", "speaker", "role", "side", "text", "source", "kind", "note"]
    assert again[columns].equals(stored[columns])
