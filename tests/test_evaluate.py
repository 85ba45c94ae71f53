"""`summit-outlook evaluate`: labelled statements read, scored and compared, bad rows refused.

Expected figures are computed through the model (explain_texts), never written down, so these
tests hold whatever the rules score.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from summit_outlook.model.evaluation import NEUTRAL_BAND, EvaluationError, read_labelled
from summit_outlook.model.explain import explain_texts
from summit_outlook.model.rules import default_rules, default_rules_path
from summit_outlook.model.scoring import Weights

# Real phrasing of every kind: scheduled, cancelled, hedged, off-topic; labels as an annotator would.
STATEMENTS: list[dict[str, Any]] = [
    {"id": "s1", "text": "The summit has been cancelled.", "label": -1},
    {"id": "s2", "text": "We will meet in Singapore on June 12.", "label": 1},
    {"id": "s3", "text": "I had eggs for breakfast.", "label": 0},
    {"id": "s4", "text": "There are no plans for a meeting.", "label": -1},
    {"id": "s5", "text": "A summit could happen in the spring.", "label": 1},
    {"id": "s6", "text": "The talks went nowhere and they walked away.", "label": -1},
    {"id": "s7", "text": "The weather in Helsinki was mild.", "label": 1},
]

JSON_KEYS = {
    "statements",
    "agreeing",
    "agreement",
    "neutral_band",
    "confusion",
    "directed",
    "unread",
    "unread_share",
    "opposite",
    "opposite_share",
    "families",
    "misses",
}


def _sign(score: float) -> int:
    return 0 if abs(score) < NEUTRAL_BAND else (1 if score > 0 else -1)


def _model_signs(texts: list[str]) -> list[int]:
    rules = default_rules()
    return [_sign(record["score"]) for record in explain_texts(texts, rules, Weights.defaults(rules))]


def _expected(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Agreement, unread, opposite and the missed ids, from the model's own scores."""
    pairs = list(
        zip(_model_signs([row["text"] for row in rows]), [row["label"] for row in rows], strict=True)
    )
    return {
        "agreeing": sum(read == label for read, label in pairs),
        "unread": sum(label != 0 and read == 0 for read, label in pairs),
        "opposite": sum(label * read == -1 for read, label in pairs),
        "missed": [row["id"] for row, (read, label) in zip(rows, pairs, strict=True) if read != label],
    }


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_neutral_band_is_the_reference_measurements() -> None:
    # ../shared/tools/dev_accuracy.py counts a score within 0.05 of zero as neutral.
    assert NEUTRAL_BAND == 0.05


def test_jsonl_text_report_through_the_model(cli, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "labelled.jsonl", STATEMENTS)
    expected = _expected(STATEMENTS)
    result = cli("evaluate", str(source))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"sign agreement: {expected['agreeing']}/{len(STATEMENTS)}" in out
    assert f"unread (scored 0): {expected['unread']} " in out
    assert f"opposite sign: {expected['opposite']} " in out
    assert f"misses: {len(expected['missed'])}" in out
    for row in STATEMENTS:
        missed = row["id"] in expected["missed"]
        assert (f"  {row['id']}  label " in out) == missed
        assert (row["text"] in out) == missed


def test_text_confusion_table_sums_to_n(cli, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "labelled.jsonl", STATEMENTS)
    result = cli("evaluate", str(source))
    assert result.returncode == 0, result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith("  label ")]
    assert [line.split()[1] for line in table] == ["-1", "0", "+1"]
    cells = [[int(cell) for cell in line.split()[2:]] for line in table]
    assert all(len(row) == 3 for row in cells)
    assert sum(map(sum, cells)) == len(STATEMENTS)
    # Each row holds that label's statements.
    for label, row in zip((-1, 0, 1), cells, strict=True):
        assert sum(row) == sum(statement["label"] == label for statement in STATEMENTS)


def test_csv_gives_the_same_result_as_jsonl(cli, tmp_path: Path) -> None:
    from_jsonl = cli("evaluate", str(_write_jsonl(tmp_path / "a.jsonl", STATEMENTS)), "--format", "json")
    from_csv = cli("evaluate", str(_write_csv(tmp_path / "a.csv", STATEMENTS)), "--format", "json")
    assert from_jsonl.returncode == from_csv.returncode == 0, from_csv.stderr
    jsonl, csv_result = json.loads(from_jsonl.stdout), json.loads(from_csv.stdout)
    # CSV cells are text: the other fields (id) are the same strings.
    assert jsonl == csv_result
    assert csv_result["agreeing"] == _expected(STATEMENTS)["agreeing"]


def test_csv_keeps_other_columns_and_reads_semicolons_and_exported_cells(cli, tmp_path: Path) -> None:
    # A spreadsheet export writes a leading "-" as "'-1" (see csv_files); it reads back as -1.
    source = tmp_path / "semicolons.csv"
    source.write_text(
        "id;saga;text;label\nc1;x;The summit has been cancelled.;'-1\nc2;x;I had eggs for breakfast.;+1\n",
        encoding="utf-8",
    )
    result = cli("evaluate", str(source), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["statements"] == 2
    assert sum(report["confusion"]["-1"].values()) == 1 and sum(report["confusion"]["1"].values()) == 1
    for miss in report["misses"]:
        assert miss["fields"] == {"id": miss["id"], "saga": "x"}


def test_json_format_keys_and_misses_through_the_model(cli, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "labelled.jsonl", STATEMENTS)
    expected = _expected(STATEMENTS)
    result = cli("evaluate", str(source), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == JSON_KEYS
    assert report["statements"] == len(STATEMENTS)
    assert report["agreeing"] == expected["agreeing"]
    assert report["agreement"] == pytest.approx(expected["agreeing"] / len(STATEMENTS), abs=1e-4)
    assert report["directed"] == sum(row["label"] != 0 for row in STATEMENTS)
    assert (report["unread"], report["opposite"]) == (expected["unread"], expected["opposite"])
    assert [miss["id"] for miss in report["misses"]] == expected["missed"]
    explained = {
        record["text"]: record
        for record in explain_texts(
            [row["text"] for row in STATEMENTS], default_rules(), Weights.defaults(default_rules())
        )
    }
    for miss in report["misses"]:
        assert set(miss) >= {"row", "id", "label", "score", "sign", "text", "signals"}
        assert miss["sign"] == _sign(miss["score"]) != miss["label"]
        assert miss["score"] == explained[miss["text"]]["score"]
        assert miss["signals"] == explained[miss["text"]]["signals"]


def test_json_confusion_sums_to_n(cli, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "labelled.jsonl", STATEMENTS)
    report = json.loads(cli("evaluate", str(source), "--format", "json").stdout)
    confusion = report["confusion"]
    assert set(confusion) == {"-1", "0", "1"} and all(
        set(row) == {"-1", "0", "1"} for row in confusion.values()
    )
    assert sum(sum(row.values()) for row in confusion.values()) == len(STATEMENTS)
    assert sum(confusion[label][label] for label in confusion) == report["agreeing"]


def test_family_precision_counts_each_family_that_moved_a_statement(cli, tmp_path: Path) -> None:
    # One statement labelled both ways: every family that moved it agrees with exactly one label.
    text = "The summit has been cancelled."
    rules = default_rules()
    (record,) = explain_texts([text], rules, Weights.defaults(rules))
    moved = {signal["signal"] for signal in record["signals"]}
    assert moved, "the statement must move at least one family for this test to mean anything"
    source = _write_jsonl(tmp_path / "both.jsonl", [{"text": text, "label": -1}, {"text": text, "label": 1}])
    report = json.loads(cli("evaluate", str(source), "--format", "json").stdout)
    families = {family["family"]: family for family in report["families"]}
    assert set(families) == {family.id for family in rules.families}
    for family_id, family in families.items():
        if family_id in moved:
            assert (family["statements"], family["agreeing"], family["precision"]) == (2, 1, 0.5)
        else:
            assert (family["statements"], family["agreeing"], family["precision"]) == (0, 0, None)


def test_rules_option_is_used(cli, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "labelled.jsonl", STATEMENTS)
    bundled = cli("evaluate", str(source), "--format", "json")
    given = cli("evaluate", str(source), "--format", "json", "--rules", str(default_rules_path()))
    assert given.returncode == 0, given.stderr
    assert json.loads(given.stdout) == json.loads(bundled.stdout)
    missing = cli("evaluate", str(source), "--rules", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "nope.toml" in missing.stderr and "Traceback" not in missing.stderr


def _refused(cli, source: Path) -> str:
    result = cli("evaluate", str(source))
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    return result.stderr


@pytest.mark.parametrize("label", ["2", "maybe", "", "1.5"])
def test_bad_csv_label_refused_with_row_and_field(cli, tmp_path: Path, label: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(f"id,text,label\na,We will meet.,1\nb,We will not meet.,{label}\n", encoding="utf-8")
    error = _refused(cli, source)
    assert "bad.csv: row 2 (line 3), field 'label': expected -1, 0 or 1" in error


@pytest.mark.parametrize("label", [2, True, "yes", 1.0, None])
def test_bad_jsonl_label_refused_with_row_and_field(cli, tmp_path: Path, label: object) -> None:
    rows = [{"text": "We will meet.", "label": 1}, {"text": "We will not meet.", "label": label}]
    error = _refused(cli, _write_jsonl(tmp_path / "bad.jsonl", rows))
    assert "bad.jsonl: row 2 (line 2), field 'label': " in error


def test_missing_csv_column_refused_naming_it(cli, tmp_path: Path) -> None:
    source = tmp_path / "nolabel.csv"
    source.write_text("id,text\na,We will meet.\n", encoding="utf-8")
    error = _refused(cli, source)
    assert "nolabel.csv: line 1 (header), field 'label': missing" in error


def test_missing_jsonl_field_refused_with_row_and_field(cli, tmp_path: Path) -> None:
    rows = [{"text": "We will meet.", "label": 1}, {"id": "x", "label": 0}]
    error = _refused(cli, _write_jsonl(tmp_path / "notext.jsonl", rows))
    assert "notext.jsonl: row 2 (line 2), field 'text': missing" in error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("text,label\n", "no statements in the file"),
        ('{"text": "We will meet.", "label": 1}\nnot json\n', "row 2 (line 2): not valid JSON"),
        ('["We will meet.", 1]\n', "row 1 (line 1): expected a JSON object"),
        ("text,label\nWe will meet.,1,extra\n", "row 1 (line 2): 3 cells, but the header has 2 columns"),
        ('text,label\n"We will meet.,1\n', "not valid CSV"),
    ],
)
def test_unreadable_files_refused(cli, tmp_path: Path, content: str, message: str) -> None:
    suffix = ".jsonl" if content.startswith(("{", "[")) else ".csv"
    source = tmp_path / f"file{suffix}"
    source.write_text(content, encoding="utf-8")
    assert message in _refused(cli, source)


def test_missing_file_refused(cli, tmp_path: Path) -> None:
    assert "file not found" in _refused(cli, tmp_path / "absent.jsonl")


def test_every_bad_row_is_named_in_one_line(tmp_path: Path) -> None:
    rows = [{"text": "", "label": 1}, {"text": "We will meet.", "label": 7}, {"text": "Fine.", "label": 0}]
    with pytest.raises(EvaluationError) as raised:
        read_labelled(_write_jsonl(tmp_path / "two.jsonl", rows))
    assert raised.value.problems == [
        "row 1 (line 1), field 'text': empty",
        "row 2 (line 2), field 'label': expected -1, 0 or 1, got 7",
    ]
    assert "\n" not in str(raised.value)


def test_rows_keep_their_other_fields(tmp_path: Path) -> None:
    rows = [{"id": "a", "url": "https://example.org/a", "text": "We will meet.", "label": "+1"}]
    (statement,) = read_labelled(_write_jsonl(tmp_path / "one.jsonl", rows))
    assert (statement.row, statement.text, statement.label) == (1, "We will meet.", 1)
    assert statement.fields == {"id": "a", "url": "https://example.org/a"} and statement.id == "a"
