"""Several summits in the dashboard, driven by AppTest: the overview, a summit's page by its id,
the comparison, the summit picker of an import, bulk deletes and undoing a whole import; and
the rule under all of it, that one summit's statements never move another's outlook."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from summit_outlook.dashboard.overview import change_delta
from summit_outlook.dashboard.store_access import STATEMENTS_ENV
from summit_outlook.model.outlook import match_statements, outlook_series, score_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import Statement, to_frame
from summit_outlook.model.summits import bundled_summits
from summit_outlook.paths import DB_URL_VARIABLE, dashboard_app
from summit_outlook.report.views import comparison_series, summit_matched
from summit_outlook.store import Store, open_seeded_store

APP = dashboard_app()
RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)
RUN_TIMEOUT_S = 60


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = f"sqlite:///{tmp_path / 'statements.db'}"
    monkeypatch.setenv(DB_URL_VARIABLE, url)
    monkeypatch.delenv(STATEMENTS_ENV, raising=False)
    monkeypatch.delenv("SUMMIT_OUTLOOK_EDITOR_SECRET", raising=False)
    with open_seeded_store(url) as opened:
        yield opened


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def start(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query or {})
    return run(app)


def open_statements_tab(app: AppTest) -> AppTest:
    (label,) = [tab.label for tab in app.tabs if tab.label.endswith("Statements")]
    app.session_state["view"] = label
    return run(app)


def card_titles(app: AppTest) -> list[str]:
    """The overview's summits in the order shown (each card's first line, bold)."""
    return [
        markdown.value.strip("*").replace("\\", "")
        for markdown in app.markdown
        if markdown.value.startswith("**")
    ]


# --- the overview -------------------------------------------------------------------------------


def test_the_overview_lists_every_summit_most_recently_active_first(store: Store) -> None:
    app = start()
    summits = store.summits()
    frame = store.frame()
    latest = frame.groupby("summit")["date"].max()
    expected = sorted(summits, key=lambda summit: (latest[summit.id], summit.title), reverse=True)
    assert card_titles(app) == [summit.title for summit in expected]
    assert app.query_params == {}
    # Every card has its outlook with a line of history and its 7-day change.
    outlooks = [metric for metric in app.metric if metric.proto.chart_data]
    assert len(outlooks) == len(summits)
    # Resolved ones are marked with their outcome; the open one says so.
    captions = " | ".join(caption.value for caption in app.caption)
    assert "Held on 12 Jun 2018" in captions and "Cancelled on 29 Nov 2018" in captions
    assert "Not held by 31 Dec 2025" in captions and "\u25cb Open" in captions


def test_a_cards_outlook_is_its_summits_own(store: Store) -> None:
    app = start()
    matched = match_statements(store.frame(), RULES)
    series = outlook_series(
        score_statements(summit_matched(matched, "trump-putin-2025"), RULES, DEFAULTS), RULES, DEFAULTS
    )
    shown = {metric.label: metric.value for metric in app.metric}
    last = series.iloc[-1]
    day = pd.Timestamp(last["date"])
    assert shown[f"{last['status']} on {day.day} {day:%b %Y}"] == f"{last['outlook']:.1f}"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (10.7, {"delta": "+10.7 in 7 days"}),
        (-27.5, {"delta": "-27.5 in 7 days"}),
        (0.0, {"delta": "0.0 in 7 days", "delta_color": "off", "delta_arrow": "off"}),
        (-0.0, {"delta": "0.0 in 7 days", "delta_color": "off", "delta_arrow": "off"}),
        (0.04, {"delta": "0.0 in 7 days", "delta_color": "off", "delta_arrow": "off"}),
    ],
)
def test_no_change_reads_as_none_not_as_a_rise(change: float, expected: dict) -> None:
    assert change_delta(change, "in 7 days") == expected


def test_no_card_shows_a_change_of_zero_as_a_rise_or_fall(store: Store) -> None:
    """A summit whose outlook did not move in 7 days read '+0.0 in 7 days' with a green arrow."""
    app = start()
    deltas = [metric.proto for metric in app.metric if metric.proto.delta]
    assert deltas
    for shown in deltas:
        assert not shown.delta.startswith(("+0.0", "-0.0")), shown.delta


def test_open_goes_to_the_summits_page_with_its_id_in_the_url(store: Store) -> None:
    app = start()
    app.button(key="open_trump-kim-singapore-2018").click()
    run(app)
    assert app.query_params == {"summit": "trump-kim-singapore-2018"}
    assert app.header[0].value.replace("\\", "") == "Trump-Kim summit, Singapore"
    assert app.metric[0].label == "Outlook on 12 Jun 2018"
    # The link works on its own: a new session opened on that URL shows the same page.
    again = start({"summit": "trump-kim-singapore-2018"})
    assert again.metric[0].value == app.metric[0].value
    # And the overview is one click back.
    app.button(key="nav_overview").click()
    run(app)
    assert app.query_params == {}
    assert len(card_titles(app)) == len(store.summits())


def test_an_unknown_summit_in_the_link_is_named_and_the_overview_shown(store: Store) -> None:
    app = start({"summit": "no-such-summit"})
    assert [warning.value for warning in app.warning] == ["Some settings in the link were ignored:"]
    assert "summit='no-such-summit' is not a summit here" in " ".join(text.value for text in app.text)
    assert len(card_titles(app)) == len(store.summits())


def test_the_comparison_draws_one_line_per_summit_on_either_axis(store: Store) -> None:
    app = start({"page": "compare"})
    app.multiselect(key="compare_summits").set_value(
        ["trump-kim-singapore-2018", "trump-putin-helsinki-2018"]
    )
    run(app)
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert [trace["name"].split(" (")[0] for trace in spec["data"]] == [
        "Trump-Kim summit, Singapore",
        "Trump-Putin summit, Helsinki",
    ]
    app.radio(key="compare_axis").set_value("Days before resolution")
    run(app)
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["xaxis"]["title"]["text"].startswith("Days before resolution")


COMPARED = ("trump-kim-singapore-2018", "trump-putin-buenos-aires-2018", "trump-zelensky-thanksgiving-2025")


def test_days_before_resolution_end_each_line_at_its_resolution(store: Store) -> None:
    from summit_outlook.report.charts import comparison_figure

    summits = {summit.id: summit for summit in store.summits()}
    matched = match_statements(store.frame(), RULES)
    lines = [
        (summits[summit_id], comparison_series(matched, summits[summit_id], RULES, DEFAULTS))
        for summit_id in COMPARED
    ]
    figure = comparison_figure(lines, RULES, days_before=True)
    for trace, (summit, series) in zip(figure.data, lines, strict=True):
        resolved = pd.Timestamp(summit.resolved_on)
        assert list(trace.x) == [(pd.Timestamp(day) - resolved).days for day in series["date"]]
    # Singapore's statements end on its day (0); Buenos Aires has one the day after (+1); the
    # Thanksgiving visit's two statements are of 25 Nov, five days before its deadline, and its
    # line goes on to that day (it used to stop at -5).
    assert [int(max(trace.x)) for trace in figure.data] == [0, 1, 0]
    assert int(min(figure.data[2].x)) == -5


def test_a_comparison_line_through_the_resolution_only_extends_the_summits_own_outlook(store: Store) -> None:
    """The days up to the last statement are the summit's own outlook, unchanged; the days after
    it, to the resolution, are what the model says with no new statement."""
    (summit,) = [summit for summit in store.summits() if summit.id == "trump-zelensky-thanksgiving-2025"]
    matched = match_statements(store.frame(), RULES)
    own = summit_matched(matched, summit.id)
    series = outlook_series(score_statements(own, RULES, DEFAULTS), RULES, DEFAULTS)
    compared = comparison_series(matched, summit, RULES, DEFAULTS)
    assert len(series) == 1 and len(compared) == 6
    assert pd.Timestamp(compared["date"].iloc[-1]).date() == summit.resolved_on
    assert compared["outlook"].iloc[0] == pytest.approx(series["outlook"].iloc[0])
    # An open summit ends at its last statement, as on its own page.
    (open_summit,) = [summit for summit in store.summits() if summit.id == "trump-putin-2025"]
    own = summit_matched(matched, open_summit.id)
    assert comparison_series(matched, open_summit, RULES, DEFAULTS).equals(
        outlook_series(score_statements(own, RULES, DEFAULTS), RULES, DEFAULTS)
    )


def test_a_comparison_shows_a_summit_of_one_day_and_hovers_its_day_and_band(store: Store) -> None:
    from summit_outlook.report.charts import comparison_figure

    summits = {summit.id: summit for summit in store.summits()}
    matched = match_statements(store.frame(), RULES)
    one_day = summits["trump-zelensky-thanksgiving-2025"]  # two statements, both of 25 Nov 2025
    series = outlook_series(
        score_statements(summit_matched(matched, one_day.id), RULES, DEFAULTS), RULES, DEFAULTS
    )
    assert len(series) == 1
    for days_before in (False, True):
        (trace,) = comparison_figure([(one_day, series)], RULES, days_before=days_before).data
        # A line of one point draws nothing (the Thanksgiving visit's was invisible): a marker.
        assert trace.mode == "markers"
        day = series["date"].iloc[0]
        assert list(trace.customdata[0]) == [f"{day.day} {day:%b %Y}", series["status"].iloc[0]]
        assert "%{customdata[1]}" in trace.hovertemplate and "%{customdata[0]}" in trace.hovertemplate
    longer = comparison_series(matched, summits["trump-kim-singapore-2018"], RULES, DEFAULTS)
    (trace,) = comparison_figure([(summits["trump-kim-singapore-2018"], longer)], RULES).data
    assert trace.mode == "lines"


# --- summits added, edited and resolved in the dashboard ----------------------------------------


def click(app: AppTest, label: str) -> AppTest:
    (found,) = [button for button in app.button if button.label == label]
    found.click()
    return run(app)


def test_an_editor_adds_a_summit_on_the_overview_and_lands_on_its_page(store: Store) -> None:
    app = start()
    app.text_input(key="new_summit_title").input("Trump-Kim summit, Hanoi")
    app.text_input(key="new_summit_principals").input("Donald Trump, Kim Jong Un")
    app.text_input(key="new_summit_question").input("Will Trump and Kim meet in Hanoi in February 2019?")
    click(app, "Add summit")
    added = store.summit("trump-kim-summit-hanoi")
    assert added is not None and list(added.principals) == ["Donald Trump", "Kim Jong Un"]
    assert added.resolution.value == "open"
    run(app)  # the callback changed the URL: the next run draws the new summit's page
    assert app.query_params == {"summit": "trump-kim-summit-hanoi"}
    assert "Trump-Kim summit, Hanoi" in [header.value.replace("\\", "") for header in app.header]


def test_an_editor_records_a_summits_outcome_on_its_page(store: Store) -> None:
    app = open_statements_tab(start({"summit": "trump-putin-2025"}))
    prefix = "summit_trump-putin-2025"
    app.selectbox(key=f"{prefix}_resolution").set_value("cancelled")
    app.date_input(key=f"{prefix}_resolved_on").set_value(dt.date(2025, 12, 1))
    app.text_input(key=f"{prefix}_resolution_source").input("https://example.org/report")
    click(app, "Save summit")
    resolved = store.summit("trump-putin-2025")
    assert (resolved.resolution.value, resolved.resolved_on) == ("cancelled", dt.date(2025, 12, 1))
    assert "Summit saved." in [success.value for success in app.success]
    # Without a source the outcome is refused with its field, and the summit stays as it was.
    app.selectbox(key=f"{prefix}_resolution").set_value("held")
    app.text_input(key=f"{prefix}_resolution_source").input("")
    click(app, "Save summit")
    assert store.summit("trump-putin-2025").resolution.value == "cancelled"
    assert "Not saved: correct the summit's fields." in [error.value for error in app.error]


def test_with_an_editor_secret_no_summit_can_be_added_or_edited_before_signing_in(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_EDITOR_SECRET", "a long random string")
    overview = start()
    assert "Add summit" not in [button.label for button in overview.button]
    page = open_statements_tab(start({"summit": "trump-putin-2025"}))
    assert "Save summit" not in [button.label for button in page.button]
    assert not [widget for widget in page.selectbox if (widget.key or "").startswith("summit_")]
    assert store.summit("trump-putin-2025").resolution.value == "open"


# --- statements into the right summit ----------------------------------------------------------


def import_file(app: AppTest, name: str, data: bytes) -> AppTest:
    (uploader,) = [widget for widget in app.file_uploader if (widget.key or "").startswith("import_file_")]
    uploader.upload(name, data, "text/csv")
    run(app)
    (button,) = [button for button in app.button if button.label == "Import file"]
    button.click()
    return run(app)


def test_the_summit_picker_decides_where_an_imported_file_goes(store: Store) -> None:
    app = open_statements_tab(start({"summit": "trump-putin-2025"}))
    assert app.selectbox(key="import_summit").value == "trump-putin-2025"  # the page's summit first
    app.selectbox(key="import_summit").set_value("trump-kim-singapore-2018")
    before = len(store.frame(summit="trump-kim-singapore-2018"))
    import_file(
        app,
        "sanders.csv",
        b"date,speaker,text\n2018-06-11,Sarah Sanders,The summit will go ahead tomorrow.\n",
    )
    assert [success.value for success in app.success] == ["Imported 1, skipped 0 already stored."]
    assert len(store.frame(summit="trump-kim-singapore-2018")) == before + 1
    assert len(store.frame(summit="trump-putin-2025")) == 16


def test_an_import_naming_an_unknown_summit_is_refused_by_row_and_field(store: Store) -> None:
    content = (
        b"date,speaker,text,summit\n"
        b"2018-06-11,Sarah Sanders,The summit will go ahead.,trump-kim-singapore-2018\n"
        b"2018-04-27,Moon Jae-in,We will meet again.,inter-korean-2018\n"
    )
    count = store.count()
    with pytest.raises(Exception, match=r"row 2, field 'summit': unknown summit 'inter-korean-2018'"):
        store.import_csv(content, source_name="mixed.csv", summit="trump-putin-2025")
    assert store.count() == count


def test_the_add_form_asks_for_the_summit_and_saves_into_it(store: Store) -> None:
    app = open_statements_tab(start({"summit": "putin-zelensky-2025"}))
    assert app.selectbox(key="new_summit").value == "putin-zelensky-2025"
    app.date_input(key="new_date").set_value(dt.date(2025, 9, 20))
    app.text_input(key="new_speaker").input("Dmitry Peskov")
    app.text_area(key="new_text").input("There are no plans for a meeting.")
    (save,) = [button for button in app.button if button.label == "Save statement"]
    save.click()
    run(app)
    texts = set(store.frame(summit="putin-zelensky-2025")["text"])
    assert "There are no plans for a meeting." in texts


# --- bulk delete and undo ----------------------------------------------------------------------


def _stored_key(app: AppTest) -> str:
    (table,) = [frame for frame in app.dataframe if (frame.key or "").startswith("stored_table_")]
    return table.key


def test_several_selected_statements_are_deleted_and_undone_in_one_step(store: Store) -> None:
    app = open_statements_tab(start({"summit": "trump-kim-singapore-2018"}))
    before = store.frame(summit="trump-kim-singapore-2018")
    app.session_state[_stored_key(app)] = {"selection": {"rows": [0, 1, 2], "columns": [], "cells": []}}
    run(app)
    (delete,) = [button for button in app.button if button.label == "Delete 3 selected statements"]
    delete.click()
    run(app)
    assert len(store.frame(summit="trump-kim-singapore-2018")) == len(before) - 3
    assert "3 statements deleted; one undo puts them all back." in [success.value for success in app.success]
    (undo,) = [button for button in app.button if button.label == "Undo last delete"]
    undo.click()
    run(app)
    after = store.frame(summit="trump-kim-singapore-2018")
    assert sorted(after["id"]) == sorted(before["id"])
    assert "3 statements restored." in [success.value for success in app.success]


def test_search_and_filters_narrow_the_stored_statements(store: Store) -> None:
    app = open_statements_tab(start({"summit": "trump-kim-singapore-2018"}))
    app.text_input(key="filter_text").input("Singapore")
    run(app)
    (table,) = [frame for frame in app.dataframe if (frame.key or "").startswith("stored_table_")]
    assert len(table.value) > 0
    assert all("singapore" in text.casefold() for text in table.value["text"])
    app.text_input(key="filter_text").input("")
    app.multiselect(key="filter_speakers").set_value(["Kim Jong Un"])
    run(app)
    (table,) = [frame for frame in app.dataframe if (frame.key or "").startswith("stored_table_")]
    assert set(table.value["speaker"]) == {"Kim Jong Un"}


def test_a_whole_import_is_undone_in_one_step(store: Store) -> None:
    app = open_statements_tab(start({"summit": "trump-putin-2025"}))
    rows = "".join(f"2025-11-{20 + day},Envoy {day},We are ready to meet ({day}).\n" for day in range(5))
    import_file(app, "five.csv", f"date,speaker,text\n{rows}".encode())
    assert len(store.frame(summit="trump-putin-2025")) == 21
    (undo,) = [button for button in app.button if button.label == "Undo last import"]
    undo.click()
    run(app)
    assert len(store.frame(summit="trump-putin-2025")) == 16
    assert "Import undone: 5 statements removed." in [success.value for success in app.success]
    assert not [button for button in app.button if button.label == "Undo last import"]


# --- one summit never moves another ------------------------------------------------------------


def test_a_statement_of_one_summit_never_moves_another_summits_outlook(store: Store) -> None:
    frame = store.frame()
    cancellation = Statement(
        date=dt.date(2025, 11, 16),
        speaker="Donald Trump",
        role="head_of_state",
        text="The summit has been cancelled.",
        summit="trump-zelensky-thanksgiving-2025",
    )
    added = pd.concat([frame, to_frame([cancellation])], ignore_index=True)
    before = match_statements(frame, RULES)
    after = match_statements(added, RULES)
    for summit in bundled_summits():
        old = outlook_series(
            score_statements(summit_matched(before, summit.id), RULES, DEFAULTS), RULES, DEFAULTS
        )
        new = outlook_series(
            score_statements(summit_matched(after, summit.id), RULES, DEFAULTS), RULES, DEFAULTS
        )
        if summit.id == cancellation.summit:
            assert new["outlook"].min() < old["outlook"].min()
        else:
            pd.testing.assert_frame_equal(old, new)


def test_a_statements_file_is_read_once_per_revision_and_shared_by_reruns(tmp_path, monkeypatch) -> None:
    """The page's statements are one shared frame per file revision (not a copy per rerun): they
    are read only to match a new revision. Editing the file gives a new revision and a new frame."""
    from benchmarks import corpus
    from summit_outlook.dashboard.store_access import FILE_SUMMIT_ID, statement_source

    path = corpus.write_csv(tmp_path / "statements.csv", 30)
    monkeypatch.setenv(STATEMENTS_ENV, str(path))
    first, again = statement_source(), statement_source()
    assert again.statements is first.statements and again.revision == first.revision
    assert len(first.statements) == 30 and set(first.statements["summit"]) == {FILE_SUMMIT_ID}
    assert [summit.title for summit in first.summits] == ["statements.csv"]
    corpus.write_csv(path, 31)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    edited = statement_source()
    assert edited.revision != first.revision and len(edited.statements) == 31
