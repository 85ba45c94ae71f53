"""Statement dates (issue 15, item 1): a date a statement cannot have is refused with its row and
field; a row stored with one before the check existed leaves the outlook alone and stays editable
and deletable; the outlook series is as long as its evidence, not as a typo in one year."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pandas as pd
import pytest

from summit_outlook.model.outlook import match_statements, outlook_series, score_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import (
    EARLIEST_DATE,
    StatementsError,
    bundled_statements_path,
    date_problem,
    from_stored,
    parse_csv_text,
    read_statements_csv,
    to_frame,
)
from summit_outlook.report.views import format_day
from summit_outlook.store import Store
from tests import test_dashboard_editing as editing
from tests.test_dashboard_editing import (
    BUNDLED,
    click,
    open_statements_tab,
    page_caption,
    select_stored_row,
    start,
    stored_table,
    texts,
)

# The dashboard tests' fixtures: a fresh store per test, and a fresh sign-in count.
db_path = editing.db_path
store = editing.store
fresh_sign_in_count = editing.fresh_sign_in_count

RULES = default_rules()
TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)
READY = "We are ready to meet at the summit."
# The last bundled statement's day: where the outlook of the bundled data ends.
LAST_BUNDLED = max(statement.date for statement in BUNDLED)

REFUSED = [
    ("year 9999", dt.date(9999, 12, 31)),
    ("year 1", dt.date(1, 1, 1)),
    ("a typo of 2205 for 2025", dt.date(2205, 1, 1)),
    ("the day after tomorrow", TODAY + dt.timedelta(days=2)),
    ("the day before the earliest", EARLIEST_DATE - dt.timedelta(days=1)),
]


def csv_of(*dates: dt.date) -> str:
    return "date,speaker,text\n" + "".join(f"{day.isoformat()},X,{READY}\n" for day in dates)


@pytest.mark.parametrize(("case", "day"), REFUSED, ids=[case for case, _ in REFUSED])
def test_an_implausible_date_is_refused_with_row_and_field(case: str, day: dt.date) -> None:
    with pytest.raises(StatementsError) as caught:
        parse_csv_text(csv_of(LAST_BUNDLED, day), source="far.csv")
    assert str(caught.value) == f"far.csv: row 2, field 'date': {date_problem(day)}"


def test_the_messages_say_what_is_wrong_with_the_date() -> None:
    assert date_problem(dt.date(2205, 1, 1), today=dt.date(2025, 6, 1)) == (
        "2205-01-01 is after today (2025-06-01): a statement is dated when it was said; check the year"
    )
    assert (
        date_problem(dt.date(1900, 5, 1))
        == "1900-05-01 is before 1945-01-01, the earliest a statement may have"
    )


def test_the_range_ends_tomorrow_and_starts_in_1945() -> None:
    statements = parse_csv_text(csv_of(EARLIEST_DATE, TODAY, TOMORROW), source="ok.csv")
    assert [statement.date for statement in statements] == [EARLIEST_DATE, TODAY, TOMORROW]


def test_the_command_line_import_refuses_a_far_date_and_imports_nothing(
    cli, tmp_path: Path, monkeypatch
) -> None:
    url = f"sqlite:///{tmp_path / 'statements.db'}"
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", url)
    far = tmp_path / "far.csv"
    far.write_text(csv_of(LAST_BUNDLED, dt.date(9999, 12, 31)), encoding="utf-8")
    result = cli("import", str(far))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"summit-outlook: error: {far}: row 2, field 'date': {date_problem(dt.date(9999, 12, 31))}\n"
    )
    with Store(url) as opened:
        assert len(opened.frame(summit="trump-putin-2025")) == len(BUNDLED)  # the seed only


# --- rows stored before the check -------------------------------------------------------------


def store_far_dated(store: Store, *days: dt.date) -> list[int]:
    """Rows with these dates, as an older version stored them (no date check then), in a store
    seeded with the bundled statements."""
    store.seed_if_empty(BUNDLED)
    return [store.add(from_stored({"date": day, "speaker": "X", "text": f"{READY} ({day})"})) for day in days]


def test_the_outlook_of_a_store_with_far_dated_rows_ends_with_its_plausible_evidence(store: Store) -> None:
    store_far_dated(store, dt.date(1, 1, 1), dt.date(9999, 12, 31))
    started = time.perf_counter()
    matched = match_statements(store.frame(), RULES)
    weights = Weights.defaults(RULES)
    series = outlook_series(score_statements(matched, RULES, weights), RULES, weights)
    elapsed = time.perf_counter() - started

    bundled = to_frame(read_statements_csv(bundled_statements_path()))
    expected = outlook_series(
        score_statements(match_statements(bundled, RULES), RULES, weights), RULES, weights
    )
    assert series["date"].min() == expected["date"].min()
    assert series["date"].max() == expected["date"].max() == pd.Timestamp(LAST_BUNDLED)
    assert series["outlook"].tolist() == pytest.approx(expected["outlook"].tolist())
    assert len(series) == len(expected) < 200  # not 3.65 million days
    assert elapsed < 5


def test_timeline_of_the_store_ignores_far_dated_rows(cli, tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'statements.db'}"
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", url)
    with Store(url) as opened:
        store_far_dated(opened, dt.date(1, 1, 1), dt.date(9999, 12, 31))
    result = cli("timeline", "--store")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(LAST_BUNDLED.isoformat() + ",")
    assert len(lines) < 200


def test_the_dashboard_shows_the_outlook_of_its_plausible_statements_and_says_what_it_left_out(
    store: Store,
) -> None:
    store_far_dated(store, dt.date(1, 1, 1), dt.date(9999, 12, 31))
    app = start()
    assert app.metric[0].label == f"Outlook on {format_day(LAST_BUNDLED)}"
    (warning,) = [warning.value for warning in app.warning]
    assert warning.startswith("2 stored statement(s) are dated before 1 Jan 1945 or after tomorrow")
    assert app.get("bidi_component")  # the outlook chart is drawn
    assert f"read from its {len(BUNDLED)} dated statements" in page_caption(app)


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(2030, 1, 1)])
def test_a_far_dated_stored_row_can_be_opened_refused_a_save_and_deleted(store: Store, day: dt.date) -> None:
    if EARLIEST_DATE <= day <= TOMORROW:
        pytest.skip("the machine's clock is past this date")
    (far_id,) = store_far_dated(store, day)
    app = open_statements_tab(start())
    table = stored_table(app).value
    row = list(table.index).index(next(index for index in table.index if table.loc[index, "date"] == day))
    select_stored_row(app, row)
    prefix = f"edit_{far_id}"
    assert app.date_input(key=f"{prefix}_date").value == day

    # Saving it as it is asks for a plausible date, beside the field.
    click(app, "Save changes")
    assert [error.value for error in app.error if error.value.startswith("Date")] == [
        f"Date: {date_problem(day)}"
    ]
    assert store.get(far_id).date == day

    click(app, "Delete statement")
    assert far_id not in set(store.frame()["id"])
    assert [success.value for success in app.success] == ["Statement deleted."]
    assert READY in texts(app)
