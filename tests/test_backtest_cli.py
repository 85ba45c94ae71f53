"""`summit-outlook backtest`, run as a user runs it, from a temporary folder: on the store, on a
statements file with an outcomes file, the refusal below three resolved summits, and --fit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from summit_outlook.model.summits import bundled_summits

ROWS = [
    ("alpha", "2024-03-01", "We are prepared to meet whenever necessary."),
    ("alpha", "2024-03-12", "The summit is scheduled for March 20."),
    ("beta", "2024-03-01", "We are prepared to meet whenever necessary."),
    ("beta", "2024-03-08", "The summit has been cancelled."),
    ("gamma", "2024-03-15", "We hope to meet soon."),
    ("gamma", "2024-04-20", "We are prepared to meet whenever necessary."),
]
OUTCOMES = [
    {
        "id": "alpha",
        "title": "Alpha",
        "question": "Alpha?",
        "resolution": "held",
        "resolved_on": "2024-03-20",
    },
    {
        "id": "beta",
        "title": "Beta",
        "question": "Beta?",
        "resolution": "cancelled",
        "resolved_on": "2024-03-10",
    },
    {
        "id": "gamma",
        "title": "Gamma",
        "question": "Gamma?",
        "resolution": "held",
        "resolved_on": "2024-05-01",
    },
]


def _files(tmp_path: Path, summits: set[str]) -> tuple[Path, Path]:
    statements = tmp_path / "statements.csv"
    with statements.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "speaker", "role", "text", "summit"])
        writer.writerows(
            [day, "Leader", "head_of_state", text, summit] for summit, day, text in ROWS if summit in summits
        )
    outcomes = tmp_path / "outcomes.json"
    records = [
        {**record, "resolution_source": "https://example.org"}
        for record in OUTCOMES
        if record["id"] in summits
    ]
    outcomes.write_text(json.dumps(records), encoding="utf-8")
    return statements, outcomes


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.db"
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{path}")
    return path


def test_backtest_of_the_store_as_json(cli, store: Path) -> None:
    result = cli("backtest", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    resolved = {summit.id for summit in bundled_summits() if summit.resolved}
    overall = record["overall"]
    for key in ("brier", "log_loss", "base_rate_brier", "constant_brier", "summits", "days"):
        assert key in overall
    assert {one["id"] for one in record["summits"]} | set(record["no_days"]) == resolved
    assert overall["summits"] == len(record["summits"]) == record["resolved_summits"]
    assert overall["days"] == sum(one["days"] for one in record["summits"])
    assert overall["constant_brier"] == 0.25
    assert all(one["calibrated_on"] == record["resolved_summits"] - 1 for one in record["summits"])
    assert record["horizon_days"] == 30


def test_backtest_table_and_csv(cli, store: Path) -> None:
    table = cli("backtest", "--horizon", "14")
    assert table.returncode == 0, table.stderr
    assert "'held within 14 days'" in table.stdout and "leave-one-summit-out" in table.stdout
    assert "the base rate's" in table.stdout
    rows = list(csv.DictReader(io.StringIO(cli("backtest", "--format", "csv").stdout)))
    assert rows[-1]["summit"] == "overall"
    assert {"days", "brier", "base_rate_brier", "constant_brier", "log_loss"} <= set(rows[0])
    assert sum(int(row["days"]) for row in rows[:-1]) == int(rows[-1]["days"])


def test_backtest_of_some_summits(cli, store: Path) -> None:
    wanted = ["trump-kim-singapore-2018", "putin-zelensky-2025"]
    record = json.loads(cli("backtest", "--summit", *wanted, "--format", "json").stdout)
    assert {one["id"] for one in record["summits"]} == set(wanted)
    assert record["resolved_summits"] > len(wanted)  # fitted on all the others
    unknown = cli("backtest", "--summit", "trump-putin-2025")
    assert (
        unknown.returncode == 2
        and "not a resolved summit with statements: trump-putin-2025" in unknown.stderr
    )


def test_backtest_of_a_statements_file_with_its_outcomes(cli, tmp_path: Path) -> None:
    statements, outcomes = _files(tmp_path, {"alpha", "beta", "gamma"})
    result = cli("backtest", "--statements", str(statements), "--outcomes", str(outcomes), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["resolved_summits"] == 3
    assert {one["id"]: one["days"] for one in record["summits"]} == {"alpha": 19, "beta": 9, "gamma": 47}


def test_fewer_than_three_resolved_summits_are_refused(cli, tmp_path: Path) -> None:
    statements, outcomes = _files(tmp_path, {"alpha", "beta"})
    for extra in ([], ["--fit"]):
        result = cli("backtest", "--statements", str(statements), "--outcomes", str(outcomes), *extra)
        assert result.returncode == 2
        assert "needs at least 3 resolved summits" in result.stderr and "there are 2" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "w.json"], "--output writes the weights --fit finds; add --fit"),
        (["--outcomes", "o.json"], "--outcomes goes with --statements"),
        (["--horizon", "0"], "horizon: 0 days is outside [1, 365]"),
        (["--fit", "--budget", "0"], "--budget: 0 is not a positive number"),
    ],
)
def test_bad_options_exit_2_with_one_line(cli, store: Path, args: list[str], message: str) -> None:
    result = cli("backtest", *args)
    assert result.returncode == 2 and message in result.stderr


def test_fit_reports_before_and_after_and_writes_weights(cli, store: Path, tmp_path: Path) -> None:
    output = tmp_path / "fitted.json"
    result = cli("backtest", "--fit", "--budget", "4", "--output", str(output), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["after"] <= record["before"] and record["evaluations"] <= 4
    assert json.loads(output.read_text(encoding="utf-8")) == record["weights"]
    # The file is a weights file: every command that scores takes it.
    again = json.loads(cli("backtest", "--weights", str(output), "--format", "json").stdout)
    assert again["overall"]["brier"] == pytest.approx(record["after"], abs=1e-4)
    table = cli("backtest", "--fit", "--budget", "3")
    assert "before" in table.stdout and "after" in table.stdout and "optimistic" in table.stdout
