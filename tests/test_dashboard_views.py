"""The page's data: outlook under weights, windows, drivers, marked quotes, chart selections."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from summit_outlook.model.explain import describe_signal, records_by_statement
from summit_outlook.model.outlook import Headline, match_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.report.views import (
    MARK_CLOSE,
    MARK_OPEN,
    Direction,
    Window,
    describe_changes,
    direction_of,
    driver_changes,
    driver_label,
    explanations,
    mark_spans,
    newest_first,
    outlook_view,
    scored_statements_export,
    selected_statements,
    series_export,
    shown_change,
    statement_table,
    statements_newest_first,
    window_range,
)
from tests.conftest import bundled_with_a_quiet_remark

RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)


@pytest.fixture(scope="module")
def matched():
    return match_statements(bundled_with_a_quiet_remark(), RULES)


def custom_weights(**families: float) -> Weights:
    defaults = Weights.defaults(RULES)
    return defaults.model_copy(update={"families": {**defaults.families, **families}})


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("We canceled it", [(3, 11)], f"We {MARK_OPEN}canceled{MARK_CLOSE} it"),
        ("no signal here", [], "no signal here"),
        ("a b c", [(2, 3), (0, 1)], f"{MARK_OPEN}a{MARK_CLOSE} {MARK_OPEN}b{MARK_CLOSE} c"),
        ("overlap", [(0, 4), (2, 7)], f"{MARK_OPEN}overlap{MARK_CLOSE}"),
        ("<b>x</b>", [(3, 4)], f"<b>{MARK_OPEN}x{MARK_CLOSE}</b>"),  # text stays text, unescaped
    ],
)
def test_mark_spans(text, spans, expected) -> None:
    assert mark_spans(text, spans) == expected


@pytest.mark.parametrize(
    ("score", "direction"),
    [(0.4, Direction.RAISES), (-0.4, Direction.LOWERS), (0.0, Direction.NEUTRAL), (0.001, Direction.NEUTRAL)],
)
def test_direction_of(score, direction) -> None:
    assert direction_of(score) is direction


def test_default_weights_have_no_second_line(matched) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    assert view.changed == {} and view.default_series is None and view.default_headline is None


def test_custom_weights_keep_the_default_line(matched) -> None:
    view = outlook_view(matched, RULES, custom_weights(cancellation=3.0))
    assert view.changed == {"family.cancellation": 3.0}
    assert view.default_series is not None
    assert (
        view.default_headline.outlook
        == outlook_view(matched, RULES, Weights.defaults(RULES)).headline.outlook
    )
    assert view.headline.outlook != view.default_headline.outlook


def test_every_custom_view_of_the_same_matches_shows_the_true_default_line(matched) -> None:
    # The default line is kept per matched statements; it must be the defaults' series every time.
    expected = outlook_view(matched, RULES, Weights.defaults(RULES)).series
    for weights in (custom_weights(cancellation=3.0), custom_weights(hope=0.1), custom_weights(held=2.5)):
        view = outlook_view(matched, RULES, weights)
        pd.testing.assert_frame_equal(view.default_series, expected)
        assert not view.series.equals(expected)


def test_outlook_view_leaves_the_matches_unchanged(matched) -> None:
    before = matched.matches.copy()
    outlook_view(matched, RULES, custom_weights(hope=4.0))
    pd.testing.assert_frame_equal(matched.matches, before)


@pytest.mark.parametrize(("window", "days"), [(Window.WEEK, 7), (Window.MONTH, 30), (Window.QUARTER, 91)])
def test_window_range_ends_on_the_latest_day(matched, window, days) -> None:
    series = outlook_view(matched, RULES, Weights.defaults(RULES)).series
    covered = window_range(series, window)
    assert covered.end == series["date"].max()
    assert covered.start == max(series["date"].min(), covered.end - pd.Timedelta(days=days))


def test_window_all_covers_the_series(matched) -> None:
    series = outlook_view(matched, RULES, Weights.defaults(RULES)).series
    covered = window_range(series, Window.ALL)
    assert (covered.start, covered.end) == (series["date"].min(), series["date"].max())
    assert window_range(series.iloc[0:0], Window.ALL) is None


@pytest.mark.parametrize("window", list(Window))
def test_driver_changes_add_up_to_the_outlook_change(matched, window) -> None:
    series = outlook_view(matched, RULES, Weights.defaults(RULES)).series
    drivers = driver_changes(series, RULES, window)
    by_date = series.set_index("date")["outlook"]
    assert drivers.end_outlook == pytest.approx(by_date[drivers.end])
    start = RULES.outlook.neutral if drivers.start is None else by_date[drivers.start]
    assert drivers.start_outlook == pytest.approx(start)
    assert drivers.changes["change"].sum() == pytest.approx(drivers.end_outlook - drivers.start_outlook)
    assert list(drivers.changes["change"].abs()) == sorted(drivers.changes["change"].abs(), reverse=True)


def test_cancellation_is_the_biggest_driver_of_the_bundled_data(matched) -> None:
    series = outlook_view(matched, RULES, Weights.defaults(RULES)).series
    drivers = driver_changes(series, RULES, Window.ALL)
    top = drivers.changes.iloc[0]
    assert top["family"] == "cancellation" and top["change"] < 0


def test_statement_table_marks_words_and_explains(matched) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    table = statement_table(view.scored, explanations(view.scored, RULES))
    assert list(table.columns) == ["date", "speaker", "role", "side", "quote", "score", "explanation"]
    assert table["date"].is_monotonic_decreasing
    cancelled = table.loc[3]
    marked = re.findall(f"{MARK_OPEN}(.*?){MARK_CLOSE}", cancelled["quote"])
    assert any("canceled" in words for words in marked)
    assert RULES.family("cancellation").label in cancelled["explanation"]
    assert cancelled["explanation"].startswith("hard event: cancelled.")
    assert (table["explanation"] == "no signal matched").any()


def test_the_table_kept_per_matched_statements_is_the_one_built_afresh(matched) -> None:
    # The newest-first order and the marked quotes are kept per matched statements; under any
    # weights, and for any rows asked for in any order, the table equals one built without them.
    for weights, rows in (
        (DEFAULTS, [5, 0, 3]),
        (custom_weights(cancellation=3.0, held=0.0), None),
        (DEFAULTS, [3, 1]),
    ):
        view = outlook_view(matched, RULES, weights)
        signals = explanations(view.scored, RULES)
        afresh = replace(view.scored, source=None)
        pd.testing.assert_frame_equal(
            statement_table(view.scored, signals, rows=rows), statement_table(afresh, signals, rows=rows)
        )
        assert statements_newest_first(view.scored) == newest_first(view.scored.statements)


def explained_from_records(view) -> list[str]:
    """Each statement's explanation spelled out from its signal records, the way the CLI reads them."""
    records = records_by_statement(view.scored.matches, RULES)
    lines = []
    for index, event in enumerate(view.scored.statements["hard_event"]):
        described = "; ".join(describe_signal(record) for record in records.get(index, []))
        lines.append((f"hard event: {event}. {described}" if event else described) or "no signal matched")
    return lines


def test_explanations_follow_every_weight_change_of_the_same_matches(matched) -> None:
    # The wording of each signal is kept per matched statements; the numbers must still be new.
    seen = []
    for weights in (
        DEFAULTS,
        custom_weights(cancellation=3.0, openness=0.2),
        DEFAULTS,
        custom_weights(held=0.0),
    ):
        view = outlook_view(matched, RULES, weights)
        lines = explanations(view.scored, RULES)
        assert lines == explained_from_records(view)
        seen.append(lines)
    assert seen[0] == seen[2]
    assert seen[0] != seen[1] and seen[0] != seen[3]
    assert any(line.startswith("hard event: ") for line in seen[0])
    assert "no signal matched" in seen[0]


def test_exports_keep_every_row_and_the_input_columns(matched) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    statements = scored_statements_export(view.scored, explanations(view.scored, RULES))
    assert len(statements) == len(view.scored.statements)
    assert {"date", "speaker", "role", "side", "text", "score", "signals", "source"} <= set(
        statements.columns
    )
    series = series_export(view.series)
    assert series["date"].iloc[0] == "2025-08-15" and "driver_cancellation" in series.columns


def test_selecting_a_marker_picks_its_statement(matched) -> None:
    statements = matched.statements
    selection = selected_statements([{"x": "2025-10-22 04:00", "customdata": [4]}], statements)
    assert selection.rows == [4]


def test_selecting_a_line_point_picks_that_days_statements(matched) -> None:
    statements = matched.statements
    selection = selected_statements([{"x": "2025-11-12", "y": 25.0}], statements)
    assert selection.rows == list(statements.index[statements["date"] == "2025-11-12"])
    assert "12 Nov 2025" in selection.caption


def test_selecting_a_quiet_day_picks_the_latest_statements_before_it(matched) -> None:
    selection = selected_statements([{"x": "2025-11-03"}], matched.statements)
    assert selection.rows == [6]  # Leavitt, 23 Oct: the latest statement before 3 Nov
    assert "no statements on 3 Nov 2025" in selection.caption


def test_no_selection_is_none_and_bad_customdata_is_ignored(matched) -> None:
    assert selected_statements([], matched.statements) is None
    selection = selected_statements([{"customdata": [999]}, {"customdata": ["x"]}], matched.statements)
    assert selection.rows == []


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ({}, "default weights"),
        (
            {"family.cancellation": 4.5},
            f"non-default weights: {RULES.family('cancellation').label} 4.5 "
            f"(default {DEFAULTS.families['cancellation']:g})",
        ),
        (
            {"role.minister": 0.05},
            f"non-default weights: minister weight 0.05 (default {DEFAULTS.roles['minister']:g})",
        ),
        (
            {"half_life_days": 300.0},
            f"non-default weights: half-life 300 days (default {DEFAULTS.half_life_days:g})",
        ),
    ],
)
def test_describe_changes(changed, expected) -> None:
    assert describe_changes(changed, RULES) == expected


def test_describe_changes_names_every_weight_however_many() -> None:
    changed = {f"family.{family_id}": 0.1 for family_id in RULES.family_ids}
    described = describe_changes(changed, RULES)
    assert "more" not in described
    assert described.count("(default ") == len(changed)


@pytest.mark.parametrize(
    ("outlook", "change", "expected"),
    [(33.84, 10.66, (23.2, 10.6)), (33.84, 10.74, (23.1, 10.7)), (50.0, 0.0, (50.0, 0.0))],
)
def test_the_headline_changes_add_up_with_the_rounded_numbers(outlook, change, expected) -> None:
    current = Headline(date=pd.Timestamp("2025-11-17"), outlook=outlook, status="Stalled", change={7: change})
    earlier, shown = shown_change(current, 7)
    assert (earlier, shown) == expected
    assert round(round(outlook, 1) - earlier, 1) == shown


@pytest.mark.parametrize(
    ("family", "change", "reading"),
    [
        ("cancellation", 3.9, "less downward pull"),
        ("cancellation", -3.9, "more downward pull"),
        ("intent", 2.0, "more upward pull"),
        ("intent", -2.0, "less upward pull"),
    ],
)
def test_driver_labels_read_right_with_their_sign(family, change, reading) -> None:
    found = RULES.family(family)
    assert driver_label(found.label, found.direction, change) == f"{found.label}: {reading}"


def test_values_derived_once_survive_as_many_summits_as_an_overview_shows() -> None:
    from summit_outlook.report import views

    views._DERIVED.clear()
    statements = pd.DataFrame({"text": ["We will meet."], "date": ["2025-01-01"]})
    summits = [match_statements(statements.copy(), RULES) for _ in range(40)]
    built: list[int] = []
    for _ in range(2):  # an overview's first run, then its rerun
        for index, matched in enumerate(summits):
            views.derived_once(matched, "labels", lambda index=index: built.append(index) or index)
    assert built == list(range(40))
    # Past the cap the least recently used goes first, not every entry at once.
    extra = [match_statements(statements.copy(), RULES) for _ in range(views._DERIVED_MAX)]
    for matched in extra:
        views.derived_once(matched, "labels", lambda: 0)
    assert len(views._DERIVED) == views._DERIVED_MAX
    assert (id(extra[0]), "labels") in views._DERIVED
    views._DERIVED.clear()
