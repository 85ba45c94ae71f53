"""The `summit-outlook` console command, run as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from summit_outlook.model.rules import default_rules
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv
from summit_outlook.model.summits import bundled_sagas_path, bundled_summits
from summit_outlook.paths import bundled_file


def test_score_prints_score_and_explanation(cli) -> None:
    result = cli("score", "The summit has been cancelled.", "I had eggs for breakfast.")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("-0.9") and lines[0].endswith("The summit has been cancelled.")
    assert "Cancellation:" in lines[1] and "cancelled”" in lines[1]
    assert lines[2] == "+0.000  I had eggs for breakfast."


def test_score_json_has_signals_with_offsets(cli) -> None:
    text = "A meeting is not completely off the table."
    result = cli("score", "--json", text)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["text"] == text and 0 < record["score"] < 0.5
    (signal,) = record["signals"]
    assert signal["signal"] == "rejection"
    assert (
        text[signal["start"] : signal["end"]]
        == signal["matched"]
        == "meeting is not completely off the table"
    )
    assert signal["modifiers"][0]["kind"] == "negator"
    assert signal["contribution"] == pytest.approx(record["score"], abs=1e-3)


def test_score_json_one_object_per_statement(cli) -> None:
    result = cli("score", "--json", "We will meet.", "We won't meet.", "Nothing here.")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["score"] > 0 for r in records[:2]] == [True, False]
    assert records[2]["signals"] == []


def test_bulk_score_txt_to_stdout(cli, tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_text(
        "The summit is scheduled.\nNothing to see\nThe talks were cancelled.\n", encoding="utf-8"
    )
    result = cli("score", "--input", str(source))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["text"] for row in rows] == [
        "The summit is scheduled.",
        "Nothing to see",
        "The talks were cancelled.",
    ]
    assert float(rows[0]["score"]) > 0 and float(rows[1]["score"]) == 0 and float(rows[2]["score"]) < 0


def test_bulk_score_csv_keeps_columns_and_writes_output(cli, tmp_path: Path) -> None:
    output = tmp_path / "scored.csv"
    result = cli("score", "--input", str(bundled_statements_path()), "--output", str(output))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert len(rows) == 16
    assert list(rows[0])[:3] == ["date", "speaker", "role"] and list(rows[0])[-1] == "score"
    assert not list(tmp_path.glob(".*.tmp"))


def test_bulk_score_streams_many_lines(cli, tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text("The summit was postponed.\nA quiet day.\n" * 25_000, encoding="utf-8")
    output = tmp_path / "out.csv"
    result = cli("score", "--input", str(source), "--output", str(output))
    assert result.returncode == 0, result.stderr
    with output.open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) == 50_001


def test_timeline_defaults_to_bundled_data(cli) -> None:
    result = cli("timeline")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["date", "outlook", "status", "statements", "events", "summit", "weights"]
    # Each row says which summit and which weights made it, as the dashboard's Outlook CSV does.
    assert {(row["summit"], row["weights"]) for row in rows} == {("trump-putin-2025", "default weights")}
    by_date = {row["date"]: row for row in rows}
    assert by_date["2025-10-22"]["status"] == "Off"
    assert float(by_date["2025-11-17"]["outlook"]) > float(by_date["2025-10-22"]["outlook"])


def test_timeline_json_and_weights(cli, tmp_path: Path) -> None:
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps({"families": {"cancellation": 0.0, "stalled": 0.0}}), encoding="utf-8")
    default = json.loads(cli("timeline", "--format", "json").stdout)
    adjusted = json.loads(cli("timeline", "--format", "json", "--weights", str(weights)).stdout)
    day = next(i for i, row in enumerate(default) if row["date"] == "2025-10-22")
    assert adjusted[day]["outlook"] > default[day]["outlook"]
    (note,) = {row["weights"] for row in adjusted}
    rules = default_rules()
    assert note.startswith("non-default weights: ")
    for family in ("cancellation", "stalled"):
        assert f"{rules.family(family).label} 0 (default " in note
    kim = json.loads(cli("timeline", "--format", "json", "--summit", "trump-kim-singapore-2018").stdout)
    assert {row["summit"] for row in kim} == {"trump-kim-singapore-2018"}


def test_rules_check_ok_and_broken(cli, tmp_path: Path) -> None:
    ok = cli("rules", "check")
    assert ok.returncode == 0 and "OK" in ok.stdout
    broken = tmp_path / "rules.toml"
    broken.write_text("version = 2\n[reader]\nargument_window = 99\nextra = 1\n", encoding="utf-8")
    result = cli("rules", "check", str(broken))
    assert result.returncode == 2
    assert "reader.argument_window" in result.stderr and "reader.extra: unknown key" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["timeline", "--statements", "{missing}"], None, "{missing}: file not found"),
        (
            ["timeline", "--statements", "{file}"],
            "date,speaker\n2025-01-01,A\n",
            "{file}: missing required column(s) text",
        ),
        (
            ["timeline", "--statements", "{file}"],
            "date,speaker,text\n" + "2025-01-01,A,hi\n" * 6 + "2025-02-30,B,oops\n",
            "{file}: row 7, field 'date': not a date: '2025-02-30' (expected YYYY-MM-DD)",
        ),
        (["score", "--input", "{missing}"], None, "{missing}: file not found"),
        (
            ["score", "--input", "{file}"],
            "speaker,quote\nA,hello\n",
            "{file}: no 'text' column (columns: speaker, quote)",
        ),
        (["timeline", "--weights", "{file}"], '{"families": {"nope": 1}}', "{file}: families.nope: unknown"),
        (["score"], None, "nothing to score"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(cli, tmp_path: Path, args, content, message) -> None:
    file = tmp_path / "input.csv"
    if content is not None:
        file.write_text(content, encoding="utf-8")
    missing = tmp_path / "missing.csv"
    args = [arg.format(file=file, missing=missing) for arg in args]
    result = cli(*args)
    assert result.returncode == 2
    assert message.format(file=file, missing=missing) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_every_command_has_help(cli) -> None:
    for command in (["score"], ["timeline"], ["rules", "check"], ["import"], ["export"], ["extract"]):
        result = cli(*command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def _seeded_count() -> int:
    """What a new store is seeded with: the article's statements and the sagas'."""
    return len(read_statements_csv(bundled_statements_path())) + len(
        read_statements_csv(bundled_sagas_path())
    )


def test_import_then_export_through_the_store(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    new = tmp_path / "new.csv"
    new.write_text(
        "date,speaker,text\n2025-11-20,Dmitry Peskov,The summit has been postponed.\n", encoding="utf-8"
    )
    seeded = _seeded_count()
    refused = cli("import", str(new))
    assert refused.returncode == 2
    assert f"{new}: row 1, field 'summit': missing" in refused.stderr
    first = cli("import", str(new), "--summit", "trump-putin-2025")
    assert first.returncode == 0, first.stderr
    assert (
        f"imported 1 statement(s), skipped 0 already stored; the store now holds {seeded + 1}" in first.stdout
    )
    again = cli("import", str(new), "--summit", "trump-putin-2025")
    assert (
        f"imported 0 statement(s), skipped 1 already stored; the store now holds {seeded + 1}" in again.stdout
    )
    exported = tmp_path / "out.csv"
    assert cli("export", str(exported), "--summit", "trump-putin-2025").returncode == 0
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert len(rows) == 17 and list(rows[0]) == [
        "date",
        "speaker",
        "role",
        "side",
        "text",
        "source",
        "kind",
        "note",
        "summit",
    ]
    assert {row["summit"] for row in rows} == {"trump-putin-2025"}
    timeline = list(csv.DictReader(io.StringIO(cli("timeline", "--store").stdout)))
    # A postponement lowers the outlook but is no hard event: the summit is still live.
    assert timeline[-1]["date"] == "2025-11-20" and timeline[-1]["events"] == ""
    assert float(timeline[-1]["outlook"]) < float(timeline[-2]["outlook"])
    other = list(
        csv.DictReader(io.StringIO(cli("timeline", "--store", "--summit", "modi-xi-kazan-2024").stdout))
    )
    assert [row["date"] for row in other] == ["2024-10-21", "2024-10-22"]


def test_an_import_naming_an_unknown_summit_changes_nothing(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,speaker,text,summit\n2018-04-27,Moon Jae-in,We will meet again.,trump-kim-singapore-2018\n"
        "2018-04-28,Kim Jong Un,We will meet.,inter-korean-2018\n",
        encoding="utf-8",
    )
    result = cli("import", str(bad))
    assert result.returncode == 2
    assert f"{bad}: row 2, field 'summit': unknown summit 'inter-korean-2018'" in result.stderr
    exported = tmp_path / "out.csv"
    cli("export", str(exported))
    assert sum(1 for _ in exported.open(encoding="utf-8")) == 1 + _seeded_count()


def test_a_bad_import_changes_nothing(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,speaker,text\n2025-11-20,A,The summit is on.\n2025-11-21,,Empty speaker\n", encoding="utf-8"
    )
    result = cli("import", str(bad), "--summit", "trump-putin-2025")
    assert result.returncode == 2
    assert f"{bad}: row 2, field 'speaker': is empty" in result.stderr
    exported = tmp_path / "out.csv"
    cli("export", str(exported))
    assert sum(1 for _ in exported.open(encoding="utf-8")) == 1 + _seeded_count()


def test_summits_lists_every_summit_with_its_resolution(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    result = cli("summits", "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert {record["id"] for record in listed} == {summit.id for summit in bundled_summits()}
    by_id = {record["id"]: record for record in listed}
    assert (
        by_id["trump-putin-2025"]["resolution"] == "open" and by_id["trump-putin-2025"]["resolved_on"] is None
    )
    assert by_id["trump-putin-buenos-aires-2018"]["resolution"] == "cancelled"
    assert by_id["trump-putin-buenos-aires-2018"]["resolved_on"] == "2018-11-29"
    assert {record["resolution"] for record in listed} == {"open", "held", "cancelled", "not_held"}
    assert sum(record["statements"] for record in listed) == _seeded_count()
    table = cli("summits").stdout.splitlines()
    assert table[0].split()[:2] == ["trump-putin-2025", "open"]


def test_summits_are_added_resolved_and_removed_from_the_command_line(
    cli, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    added = cli(
        "summits",
        "add",
        "trump-kim-hanoi-2019",
        "--title",
        "Trump-Kim summit, Hanoi",
        "--question",
        "Will Trump and Kim meet again?",
        "--principals",
        "Donald Trump, Kim Jong Un",
        "--deadline",
        "2019-12-31",
    )
    assert added.returncode == 0, added.stderr
    unsourced = cli("summits", "resolve", "trump-kim-hanoi-2019", "--held", "2019-02-27")
    assert unsourced.returncode == 2 and "needs resolution_source" in unsourced.stderr
    resolved = cli(
        "summits", "resolve", "trump-kim-hanoi-2019", "--held", "2019-02-27", "--source", "https://x.example"
    )
    assert resolved.stdout.strip() == "trump-kim-hanoi-2019: held on 27 Feb 2019"
    records = {record["id"]: record for record in json.loads(cli("summits", "--format", "json").stdout)}
    assert records["trump-kim-hanoi-2019"]["principals"] == ["Donald Trump", "Kim Jong Un"]
    in_use = cli("summits", "remove", "trump-kim-singapore-2018")
    assert in_use.returncode == 2 and "has 22 statement(s)" in in_use.stderr
    assert cli("summits", "remove", "trump-kim-hanoi-2019").returncode == 0
    assert "trump-kim-hanoi-2019" not in cli("summits").stdout


def test_a_file_of_several_summits_needs_summit(cli, tmp_path: Path) -> None:
    mixed = cli("timeline", "--statements", str(bundled_sagas_path()))
    assert mixed.returncode == 2 and "choose one with --summit ID" in mixed.stderr
    one = cli("timeline", "--statements", str(bundled_sagas_path()), "--summit", "xi-putin-moscow-2023")
    assert one.returncode == 0, one.stderr
    rows = list(csv.DictReader(io.StringIO(one.stdout)))
    assert rows[0]["date"] == "2023-02-22" and rows[-1]["date"] == "2023-03-17"


def test_extract_finds_the_article_statements(cli) -> None:
    article = str(bundled_file("sources", "trump-putin-summit-2025-11.txt"))
    result = cli("extract", article, "--published", "2025-11-18", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    by_speaker = {(row["speaker"], row["date"]) for row in rows}
    for expected in [
        ("Dmitry Peskov", "2025-11-17"),
        ("Karoline Leavitt", "2025-10-23"),
        ("Sergei Lavrov", "2025-11-09"),
        ("Marco Rubio", "2025-11-12"),
        ("Donald Trump", "2025-10-22"),
        ("Donald Trump", "2025-10-13"),
    ]:
        assert expected in by_speaker
    assert all(row["source"] == "trump-putin-summit-2025-11.txt" for row in rows)


def test_extract_takes_the_publications_country_for_bare_titles(cli, tmp_path: Path) -> None:
    """A made-up senator: the bundled article's bare-titled leaders are in office_holders."""
    article = tmp_path / "senator.txt"
    article.write_text("Senator Jan Novak said on Monday that U.S. diplomats would keep talking to Moscow.\n")
    plain = json.loads(cli("extract", str(article), "--published", "2025-11-18", "--format", "json").stdout)
    result = cli(
        "extract",
        str(article),
        "--published",
        "2025-11-18",
        "--format",
        "json",
        "--home-side",
        "United States",
    )
    assert result.returncode == 0, result.stderr
    homed = json.loads(result.stdout)
    assert [(row["speaker"], row["side"]) for row in homed] == [("Jan Novak", "United States")]
    assert [(row["speaker"], row["side"]) for row in plain] == [("Jan Novak", "unknown")]


def test_extract_rejects_a_bad_publication_date(cli) -> None:
    result = cli(
        "extract", str(bundled_file("sources", "trump-putin-summit-2025-11.txt")), "--published", "18/11/2025"
    )
    assert result.returncode == 2
    assert "not a date: '18/11/2025' (expected YYYY-MM-DD)" in result.stderr


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_serve_refuses_a_port_that_is_not_one(cli, port: str) -> None:
    result = cli("serve", "--port", port)
    assert result.returncode == 2 and "not a port number" in result.stderr


def test_bulk_score_output_is_spreadsheet_safe_and_reads_back_row_for_row(cli, tmp_path: Path) -> None:
    texts = [
        f'=HYPERLINK("x{number}")\rThe summit was cancelled.' if number % 5 == 0 else f"Line {number}\r+1"
        for number in range(20)
    ]
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows([["text"], *([text] for text in texts)])
    output = tmp_path / "scored.csv"
    result = cli("score", "--input", str(source), "--output", str(output))
    assert result.returncode == 0, result.stderr
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 20
    assert [row["text"] for row in rows] == ["'" + text if text.startswith("=") else text for text in texts]


# More than two chunks of bulk scoring (cli/score.py's BULK_CHUNK, 20,000), so workers take part.
PARALLEL_LINES = 45_000
PARALLEL_PHRASES = (
    "The summit was postponed.",
    "A quiet day in parliament.",
    "=1+1 We are prepared to meet whenever necessary.",
    "Les pourparlers ont été annulés — the talks were cancelled.",
    "The meeting is not completely off the table, but not this year.",
)


def _numbered_lines(count: int) -> list[str]:
    return [f"{number}: {PARALLEL_PHRASES[number % len(PARALLEL_PHRASES)]}" for number in range(count)]


def test_bulk_score_in_parallel_writes_the_same_bytes_in_input_order(cli, tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text("\n".join(_numbered_lines(PARALLEL_LINES)) + "\n", encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2", "3"):
        outputs[jobs] = tmp_path / f"out-{jobs}.csv"
        result = cli("score", "--input", str(source), "--jobs", jobs, "--output", str(outputs[jobs]))
        assert result.returncode == 0, result.stderr
    serial = outputs["1"].read_bytes()
    assert outputs["2"].read_bytes() == serial and outputs["3"].read_bytes() == serial
    with outputs["2"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(row["text"].split(":")[0]) for row in rows] == list(range(PARALLEL_LINES))
    assert float(rows[0]["score"]) < 0 and float(rows[1]["score"]) == 0


def test_bulk_score_of_a_csv_in_parallel_with_its_rules_and_weights(cli, tmp_path: Path) -> None:
    """Workers load the rules and weights the command was given, by the paths as given (relative)."""
    source = tmp_path / "many.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "note"])
        writer.writerows([number, text, "n"] for number, text in enumerate(_numbered_lines(PARALLEL_LINES)))
    rules = bundled_file("signals.toml").read_text(encoding="utf-8")
    (tmp_path / "my-rules.toml").write_text(rules, encoding="utf-8")
    (tmp_path / "weights.json").write_text(json.dumps({"families": {"cancellation": 0.25}}), encoding="utf-8")
    for jobs in ("1", "2"):
        args = ["score", "--input", "many.csv", "--rules", "my-rules.toml", "--weights", "weights.json"]
        result = cli(*args, "--jobs", jobs, "--output", f"out-{jobs}.csv", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    result = cli("score", "--input", "many.csv", "--jobs", "2", "--output", "default.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    weighted = (tmp_path / "out-2.csv").read_bytes()
    assert weighted == (tmp_path / "out-1.csv").read_bytes()
    assert weighted != (tmp_path / "default.csv").read_bytes()  # the workers used the weights given
    header = (tmp_path / "out-2.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "id,text,note,score"


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_bulk_score_refuses_a_number_of_jobs_that_is_not_one(cli, tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("The summit is scheduled.\n", encoding="utf-8")
    result = cli("score", "--input", str(source), "--jobs", jobs)
    assert result.returncode == 2
    assert "--jobs" in result.stderr and "1 or more" in result.stderr


@pytest.mark.parametrize(("lines", "parallel"), [(20_000, False), (20_001, True)])
def test_several_jobs_read_small_pieces_and_start_workers_only_past_one_bulk_chunk(
    monkeypatch: pytest.MonkeyPatch, lines: int, parallel: bool
) -> None:
    import pandas as pd

    from summit_outlook.cli import score
    from summit_outlook.model.scoring import Weights

    rules = default_rules()
    options = score.BulkOptions(rules, Weights.defaults(rules), None, None, jobs=2)
    sizes: list[int] = []

    def in_workers(chunks, **_: object):
        sizes.extend(len(chunk) for chunk in chunks)
        yield "scored in workers"

    monkeypatch.setattr(score, "csv_in_parallel", in_workers)
    monkeypatch.setattr(score, "chunk_csv", lambda chunk, *_, header: f"{len(chunk)} here")
    frame = pd.DataFrame({"text": ["The summit was postponed."] * lines})
    pieces = (
        frame.iloc[start : start + score.PARALLEL_CHUNK] for start in range(0, lines, score.PARALLEL_CHUNK)
    )
    written = list(score._csv_chunks_scored(pieces, options, score.PARALLEL_CHUNK))
    assert (written == ["scored in workers"]) == parallel
    if parallel:
        assert max(sizes) == score.PARALLEL_CHUNK and sum(sizes) == lines
    else:
        assert sum(int(text.split()[0]) for text in written) == lines
