"""Plotly figures: bands, lines, markers, safe hover text, toolbar and export settings."""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import pytest

from summit_outlook.model.outlook import match_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.report.charts import (
    EXPORT_HEIGHT,
    EXPORT_NOTE_WRAP,
    EXPORT_SCALE,
    EXPORT_WIDTH,
    GROUP_QUIET_ABOVE,
    HOVER_WRAP,
    LEGEND_GAP_PX,
    LEGEND_PAD_PX,
    LEGEND_ROW_PX,
    MARKER_MIN_PX,
    MARKER_NAMES,
    MARKER_SCORE_PX,
    MAX_EVENT_LABELS,
    NOTE_WRAP,
    OFF_PLOT_POINTS,
    QUIET_DAY_NAME,
    SAME_DAY_STEP_POINTS,
    SOURCE_WRAP,
    SUBTITLE_LINE_PX,
    WEBGL_MARKERS_ABOVE,
    EventMark,
    _wrap_lines,
    band_colours,
    compact_range,
    day_ticks,
    driver_figure,
    escape,
    event_marks,
    export_height,
    for_export,
    labelled_marks,
    legend_entries,
    marker_positions,
    on_plot,
    outlook_figure,
    quiet_days,
    source_line,
    statement_hover,
    svg_markers,
    toolbar_config,
    wrapped,
    x_range,
)
from summit_outlook.report.export import chart_html
from summit_outlook.report.views import (
    Direction,
    Window,
    direction_of,
    driver_changes,
    explanations,
    outlook_view,
    rules_label,
    selected_statements,
)
from tests.conftest import bundled_with_a_quiet_remark

RULES = default_rules()


@pytest.fixture(scope="module")
def matched():
    return match_statements(bundled_with_a_quiet_remark(), RULES)


def figure_for(matched, weights: Weights):
    view = outlook_view(matched, RULES, weights)
    return view, outlook_figure(view, RULES, explanations(view.scored, RULES))


def every_weight_changed(**more: float) -> Weights:
    """Every signal family's weight 0.1 above its default (and `more` fields): a long weights note."""
    defaults = Weights.defaults(RULES)
    families = {family: value + 0.1 for family, value in defaults.families.items()}
    return defaults.model_copy(update={"families": families, **more})


def trace_names(figure) -> list[str]:
    return [trace.name for trace in figure.data]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ('<a href="javascript:x">link</a>', '&lt;a href="javascript:x"&gt;link&lt;/a&gt;'),
        ("plain words", "plain words"),
    ],
)
def test_escape_neutralises_plotly_markup(text, expected) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one",
        "a" * 64,
        "a" * 65,  # longer than a line: textwrap cuts it
        " ".join(["abc"] * 16),  # 63 characters
        " ".join(["abcd"] * 13),  # 64: one line, exactly full
        " ".join(["abcd"] * 13) + " e",  # the space fits, the word does not
        "x" * 63 + " " + "y",
        "Trump-Putin summit is likely to go ahead - if the talks in Budapest go well next week",
        "an em--dash between words, and a long-winded hyphenated half-hearted well-known phrase",
        "We will meet in Budapest within two weeks, said the President; the date is being set now.",
        "<b>tags</b> & ampersands stay text until escaped " * 3,
        "Cancellation: \u201ccalled off\u201d x0.6 -1.20; Hope: \u201cwill meet\u201d +0.40; Held: -0.05 -2",
        "use the -b option, then a half-hearted -2.5 drop and a well-known -- dash -x",
    ],
)
def test_hover_quotes_wrap_as_textwrap_does(text) -> None:
    assert _wrap_lines(text, HOVER_WRAP) == textwrap.wrap(text, width=HOVER_WRAP)


def test_wrapped_escapes_each_line_and_cuts_long_text() -> None:
    text = "<b>bold?</b> " + "word " * 200
    label = wrapped(text)
    assert "<b>" not in label and "&lt;b&gt;bold?&lt;/b&gt;" in label
    assert label.count("<br>") >= 5 and label.endswith("\u2026")


def test_statement_hover_shows_date_speaker_role_quote_and_score() -> None:
    statement = pd.Series(
        {
            "date": pd.Timestamp("2025-11-12"),
            "speaker": "<img src=x onerror=alert(1)>",
            "role": "head_of_state",
            "side": "Russia",
            "text": "We <i>will</i> meet & talk",
            "score": -0.5,
            "hard_event": "",
        }
    )
    label = statement_hover(statement, "Hope: \u201cmeet\u201d +0.40")
    assert "12 Nov 2025" in label and "head of state, Russia" in label and "score -0.50" in label
    assert "&lt;img src=x onerror=alert(1)&gt;" in label and "<img" not in label
    assert "We &lt;i&gt;will&lt;/i&gt; meet &amp; talk" in label


def test_main_chart_shades_every_status_band(matched) -> None:
    _, figure = figure_for(matched, Weights.defaults(RULES))
    rectangles = [shape for shape in figure.layout.shapes if shape.type == "rect"]
    assert [(shape.y0, shape.y1) for shape in rectangles] == [
        (band.min, upper)
        for band, upper in zip(
            RULES.outlook.bands, [b.min for b in RULES.outlook.bands[1:]] + [100.0], strict=True
        )
    ]
    labels = {annotation.text for annotation in figure.layout.annotations}
    assert {band.name for band in RULES.outlook.bands} <= labels


def test_default_weights_draw_one_line_custom_weights_two(matched) -> None:
    _, default = figure_for(matched, Weights.defaults(RULES))
    lines = [trace.name for trace in default.data if trace.mode != "markers"]
    assert lines == ["Outlook"]
    weights = Weights.defaults(RULES).model_copy(update={"half_life_days": 5.0})
    _, custom = figure_for(matched, weights)
    assert [trace.name for trace in custom.data if trace.mode != "markers"] == [
        "Default weights",
        "Your weights",
    ]
    assert "non-default weights: half-life 5 days" in custom.layout.title.subtitle.text


def test_one_marker_per_statement_coloured_by_direction_sized_by_strength(matched) -> None:
    view, figure = figure_for(matched, Weights.defaults(RULES))
    markers = [trace for trace in figure.data if trace.mode == "markers"]
    rows = sorted(row for trace in markers for (row,) in trace.customdata)
    assert rows == list(range(len(view.scored.statements)))
    names = {trace.name for trace in markers}
    assert names <= set(MARKER_NAMES.values())
    scores = view.scored.statements["score"]
    for trace in markers:
        picked = scores[[row for (row,) in trace.customdata]]
        if trace.name == MARKER_NAMES[Direction.RAISES]:
            assert (picked > 0).all()
        if trace.name == MARKER_NAMES[Direction.LOWERS]:
            assert (picked < 0).all()
        assert list(trace.marker.size) == pytest.approx(list(MARKER_MIN_PX + MARKER_SCORE_PX * picked.abs()))


def test_hover_of_a_marker_quotes_the_statement(matched) -> None:
    view, figure = figure_for(matched, Weights.defaults(RULES))
    hovers = [text for trace in figure.data if trace.mode == "markers" for text in trace.hovertext]
    assert any("Karoline Leavitt" in text and "A future meeting between" in text for text in hovers)


def test_hover_scores_follow_every_weight_change_of_the_same_matches(matched) -> None:
    # A label's head (date, speaker, quote) is kept per matched statements; its score must be new.
    for weights in (
        Weights.defaults(RULES),
        Weights.defaults(RULES).model_copy(
            update={"families": {**Weights.defaults(RULES).families, "cancellation": 3.0}}
        ),
        Weights.defaults(RULES),
    ):
        view, figure = figure_for(matched, weights)
        shown = {
            int(row): text
            for trace in figure.data
            if trace.mode == "markers"
            for (row,), text in zip(trace.customdata, trace.hovertext, strict=True)
        }
        statements = view.scored.statements
        assert sorted(shown) == list(range(len(statements)))
        for row, text in shown.items():
            assert f"<b>score {statements['score'][row]:+.2f}</b>" in text
            assert escape(statements["speaker"][row]) in text


def test_hard_events_are_annotated_once_per_run_of_days(matched) -> None:
    view, figure = figure_for(matched, Weights.defaults(RULES))
    marks = event_marks(view.series)
    assert [(mark.day.strftime("%Y-%m-%d"), mark.label) for mark in marks] == [
        ("2025-08-15", "held"),
        ("2025-10-21", "cancelled"),  # 21 and 22 Oct merge into one mark
    ]
    texts = {annotation.text for annotation in figure.layout.annotations}
    assert {"<b>Held</b>", "<b>Cancelled</b>"} <= texts


@pytest.mark.parametrize(
    ("window", "start"),
    [(Window.ALL, "2025-08-15"), (Window.MONTH, "2025-10-18"), (Window.WEEK, "2025-11-10")],
)
def test_the_window_is_the_charts_range_and_its_title(matched, window, start) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    figure = outlook_figure(
        view, RULES, explanations(view.scored, RULES), summit_title="Trump-Putin summit", window=window
    )
    first, last = (pd.Timestamp(value) for value in figure.layout.xaxis.range)
    assert first == pd.Timestamp(start) - pd.Timedelta(days=1) and last == pd.Timestamp("2025-11-19")
    assert figure.layout.xaxis.fixedrange is True  # no zoom of the browser's own: the window is the zoom
    title = figure.layout.title.text.replace("</b><br><b>", " ")
    day = pd.Timestamp(start)
    assert title == f"<b>Trump-Putin summit: outlook, {day.day} {day:%b} \u2013 17 Nov 2025</b>"
    shown = view.scored.statements[pd.to_datetime(view.scored.statements["date"]) >= day]
    assert figure.layout.title.subtitle.text.startswith(
        f"{len(shown)} statements \u00b7 rules v{RULES.version} ("
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-08-15", "2025-11-17", "15 Aug \u2013 17 Nov 2025"),
        ("2025-12-21", "2026-01-02", "21 Dec 2025 \u2013 2 Jan 2026"),
        # A summit with statements of one day only (the UN General Assembly meeting's one).
        ("2025-09-21", "2025-09-21", "21 Sep 2025"),
    ],
)
def test_the_titles_range_reads_as_people_write_it(start: str, end: str, expected: str) -> None:
    assert compact_range(pd.Timestamp(start), pd.Timestamp(end)) == expected


def test_a_few_days_shown_get_a_tick_a_day_under_their_markers(matched) -> None:
    """A summit of one day of statements had ticks at '00:00' and '12:00'."""
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    one_day = view.series.iloc[-1:]
    ticks = day_ticks(one_day)
    assert ticks["dtick"] == "86400000" and ticks["tickformat"] == "%-d %b %Y"
    assert ticks["tick0"] == one_day["date"].iloc[0] + pd.Timedelta(hours=12)
    assert day_ticks(view.series) == {}  # months: Plotly's own ticks
    assert day_ticks(view.series, Window.WEEK) == {}


def test_export_copy_has_a_fixed_size_and_the_title_on_one_line(matched) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    figure = outlook_figure(view, RULES, explanations(view.scored, RULES), summit_title="Trump-Putin summit")
    exported = for_export(figure)
    assert (exported.layout.width, exported.layout.height) == (EXPORT_WIDTH, EXPORT_HEIGHT)
    assert exported.layout.title.text == "<b>Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025</b>"
    assert "17 statements" in exported.layout.title.subtitle.text  # the 16 bundled and the quiet remark
    assert figure.layout.width is None  # the on-screen figure is left as it was


def test_every_non_default_weight_is_in_the_subtitle(matched) -> None:
    weights = every_weight_changed(half_life_days=9.0)
    view, figure = figure_for(matched, weights)
    note = figure.layout.title.subtitle.text.replace("<br>", " ")
    assert "more" not in note
    for family in RULES.families:
        assert escape(family.label) in note
    assert "half-life 9 days" in note
    exported = for_export(figure)
    assert exported.layout.height > EXPORT_HEIGHT  # taller, so the many lines leave the plot its room


def test_same_day_statements_stack_apart_so_each_can_be_hovered(matched) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    positions = marker_positions(view)
    same_day = positions[positions["day"] == pd.Timestamp("2025-10-22")]
    assert len(same_day) >= 2
    heights = sorted(same_day["y"])
    assert min(b - a for a, b in zip(heights, heights[1:], strict=False)) >= SAME_DAY_STEP_POINTS - 1e-9
    alone = positions.groupby("day").filter(lambda group: len(group) == 1)
    line = view.series.set_index("date")["outlook"]
    assert list(alone["y"]) == pytest.approx(list(alone["day"].map(line)))


def test_a_hard_event_is_named_once_in_its_hover(matched) -> None:
    view, figure = figure_for(matched, Weights.defaults(RULES))
    hovers = [text for trace in figure.data if trace.mode == "markers" for text in trace.hovertext]
    events = [text for text in hovers if "hard event" in text]
    assert events and all(text.count("hard event") == 1 for text in events)


def test_the_legend_has_room_for_every_row_at_any_height(matched) -> None:
    """Five entries (both lines, three kinds of marker) take three rows: the bottom margin holds
    them, and the legend sits at the figure's bottom edge in px, so the toolbar's download at
    another height (or the export) keeps it whole (it used to cut the third row)."""
    defaults = Weights.defaults(RULES)
    _, plain = figure_for(matched, defaults)
    _, custom = figure_for(matched, defaults.model_copy(update={"half_life_days": 5.0}))
    assert (legend_entries(plain), legend_entries(custom)) == (4, 5)
    for figure, rows in ((plain, 2), (custom, 3)):
        for shown in (figure, for_export(figure)):
            layout = shown.layout
            assert layout.legend.yref == "container" and layout.legend.yanchor == "bottom"
            assert layout.legend.y * layout.height == pytest.approx(LEGEND_PAD_PX)
            assert layout.margin.b >= LEGEND_GAP_PX + rows * LEGEND_ROW_PX + LEGEND_PAD_PX
    # The third row makes the screen's figure taller, not its plot shorter.
    assert custom.layout.height - plain.layout.height >= LEGEND_ROW_PX


def test_the_toolbar_download_is_as_tall_as_the_export(matched) -> None:
    weights = every_weight_changed()
    _, figure = figure_for(matched, weights)
    assert export_height(figure) == for_export(figure).layout.height > EXPORT_HEIGHT
    options = toolbar_config("chart", height=export_height(figure))["toImageButtonOptions"]
    assert options["height"] == for_export(figure).layout.height


def test_weights_notes_wrap_to_a_phones_width(matched) -> None:
    weights = every_weight_changed()
    _, figure = figure_for(matched, weights)
    lines = html.unescape(figure.layout.title.subtitle.text).split("<br>")
    assert len(lines) > 3 and len(lines[0]) <= SOURCE_WRAP
    assert max(len(line) for line in lines[1:]) <= NOTE_WRAP


def test_the_export_keeps_the_whole_weights_note_in_long_lines(matched) -> None:
    """The 1400 px image wrapped the note at a phone's 50 characters: eight narrow lines beside
    an empty width, and a plot squeezed by them. It has the same words, in lines of the image's width."""
    weights = every_weight_changed(half_life_days=9.0)
    _, figure = figure_for(matched, weights)
    screen = figure.layout.title.subtitle.text.split("<br>")
    exported = for_export(figure).layout.title.subtitle.text.split("<br>")
    assert " ".join(exported) == " ".join(screen)  # complete: the same words, in the same order
    assert exported[0] == screen[0] and exported[1].startswith("non-default weights: ")
    assert len(exported) < len(screen) / 2
    assert max(len(html.unescape(line)) for line in exported) <= EXPORT_NOTE_WRAP
    # Taller than the default export only by its further note lines and the third legend row.
    lines_beyond_two = len(exported) - 2
    assert export_height(figure) == EXPORT_HEIGHT + lines_beyond_two * SUBTITLE_LINE_PX + LEGEND_ROW_PX
    _, plain = figure_for(matched, Weights.defaults(RULES))
    assert for_export(plain).layout.title.subtitle.text == plain.layout.title.subtitle.text
    assert export_height(plain) == EXPORT_HEIGHT


def test_toolbar_download_is_named_and_high_resolution() -> None:
    options = toolbar_config("summit-outlook-chart-2025-11-17")["toImageButtonOptions"]
    assert options == {
        "format": "png",
        "filename": "summit-outlook-chart-2025-11-17",
        "width": EXPORT_WIDTH,
        "height": EXPORT_HEIGHT,
        "scale": EXPORT_SCALE,
    }
    assert EXPORT_WIDTH * EXPORT_SCALE >= 2000


def test_driver_figure_has_a_bar_per_moving_family_and_the_net_change(matched) -> None:
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    drivers = driver_changes(view.series, RULES, Window.ALL)
    figure = driver_figure(drivers)
    (bars,) = figure.data
    moved = drivers.changes[drivers.changes["change"].abs() >= 0.05]
    assert list(bars.y) == [*moved["reading"], "<b>Net change</b>"]
    assert bars.x[-1] == pytest.approx(drivers.end_outlook - drivers.start_outlook)


@pytest.fixture(scope="module")
def many_matched():
    """More statements than GROUP_QUIET_ABOVE: the bundled ones again and again over 200 days,
    each copy's speaker numbered, plus a quiet remark a day."""
    bundled = bundled_with_a_quiet_remark()
    copies = []
    for copy in range(GROUP_QUIET_ABOVE // len(bundled) + 1):
        shifted = bundled.assign(
            date=pd.Timestamp("2025-01-01") + pd.to_timedelta(copy % 200, unit="D"),
            speaker=[f"{speaker} {copy}" for speaker in bundled["speaker"]],
        )
        copies.append(shifted)
    frame = pd.concat(copies, ignore_index=True)
    assert len(frame) > GROUP_QUIET_ABOVE
    return match_statements(frame, RULES)


def test_beyond_the_threshold_quiet_statements_become_one_marker_per_day(many_matched) -> None:
    view, figure = figure_for(many_matched, Weights.defaults(RULES))
    statements = view.scored.statements
    quiet = statements[statements["score"].map(direction_of) == Direction.NEUTRAL]
    markers = {trace.name: trace for trace in figure.data if trace.mode == "markers"}
    # Every statement with a signal keeps its own marker, carrying its row (where the plot can
    # show it: these stacks of up to 18 a day reach beyond 0 and 100, see the next test).
    positions = marker_positions(view)
    shown = positions[on_plot(positions["x"].to_numpy(), positions["y"].to_numpy(), x_range(view.series))]
    own = sorted(
        int(row) for name, trace in markers.items() if name != QUIET_DAY_NAME for (row,) in trace.customdata
    )
    assert own == sorted(set(shown.index) - set(quiet.index))
    # The rest: one marker per day, saying how many.
    days = markers[QUIET_DAY_NAME]
    every_day = quiet_days(positions, view)
    assert len(every_day) == pd.to_datetime(quiet["date"]).dt.normalize().nunique()
    assert sum(every_day["count"]) == len(quiet)
    assert list(days.hovertext) == [
        hover for hover, y in zip(every_day["hover"], every_day["y"], strict=True) if -6 <= y <= 106
    ]
    counts = [int(text.split(" \u00b7 ")[1].split(" ")[0]) for text in every_day["hover"]]
    assert sum(counts) == len(quiet)
    assert all("without a signal" in text and "Click to list" in text for text in days.hovertext)
    assert days.customdata is None
    # Clicking one lists the statements of its day (as a click on the outlook line does).
    day = pd.Timestamp(days.x[0]).normalize()
    selection = selected_statements([{"x": str(days.x[0]), "curveNumber": 1}], statements)
    assert selection.rows == sorted(
        pd.to_datetime(statements["date"]).dt.normalize().loc[lambda d: d == day].index
    )


def test_markers_the_plot_cannot_show_are_not_sent(many_matched, matched) -> None:
    """Both axes are fixed and Plotly clips markers at the plot's edges: a marker whose centre is
    further than OFF_PLOT_POINTS beyond 0-100 (or, in a window, beyond its days) is drawn nowhere,
    so it is left out of the figure; every other one is in it."""
    defaults = Weights.defaults(RULES)
    for window in (Window.ALL, Window.MONTH):
        view = outlook_view(many_matched, RULES, defaults)
        figure = outlook_figure(view, RULES, explanations(view.scored, RULES), window=window)
        positions = marker_positions(view)
        signal = positions[positions["direction"] != Direction.NEUTRAL]
        rows = {
            int(row)
            for trace in figure.data
            if trace.customdata is not None and trace.mode == "markers"
            for (row,) in trace.customdata
        }
        (start, end) = x_range(view.series, window)
        pad = (end - start) * 0.05
        for row, x, y in signal[["x", "y"]].itertuples():
            visible = -OFF_PLOT_POINTS <= y <= 100 + OFF_PLOT_POINTS and start - pad <= x <= end + pad
            assert (row in rows) == visible
        # A day's stack is packed to fit the plot, so only the days outside a window are left out.
        assert positions["y"].between(0, 100).all()  # those without a signal too
        if window is Window.MONTH:
            assert len(rows) < len(signal)
        else:
            assert len(rows) == len(signal)
    # A few statements a day fit the plot: every bundled statement has its marker.
    view, figure = figure_for(matched, defaults)
    rows = sorted(int(row) for trace in figure.data if trace.mode == "markers" for (row,) in trace.customdata)
    assert rows == sorted(marker_positions(view).index)


def test_many_statements_markers_are_webgl_and_exports_draw_them_as_svg(many_matched) -> None:
    assert len(many_matched.statements) > WEBGL_MARKERS_ABOVE
    _, figure = figure_for(many_matched, Weights.defaults(RULES))
    # Every trace with markers (the statements', the days without a signal, the line's day points)
    # is WebGL; lines alone (the default weights') stay SVG.
    kinds = {trace.mode: {t.type for t in figure.data if t.mode == trace.mode} for trace in figure.data}
    assert kinds == {"lines+markers": {"scattergl"}, "markers": {"scattergl"}}
    _, reweighted = figure_for(
        many_matched, Weights(**{**Weights.defaults(RULES).model_dump(), "half_life_days": 3})
    )
    assert {trace.type for trace in reweighted.data if trace.mode == "lines"} == {"scatter"}
    # The same traces in the same order, every property as it was but the type.
    expected = [{**trace, "type": "scatter"} for trace in json.loads(figure.to_json())["data"]]
    for copy in (svg_markers(figure), for_export(figure)):
        assert json.loads(copy.to_json())["data"] == expected
    # The traces: after plotly.js itself, before the layout (whose template names every type).
    drawn = chart_html(figure).rpartition("Plotly.newPlot")[2].partition('"template"')[0]
    assert '"type":"scatter"' in drawn and '"type":"scattergl"' not in drawn


@pytest.mark.parametrize("statements", ["matched", "many_matched"])
@pytest.mark.parametrize("weights", [Weights.defaults(RULES), every_weight_changed(half_life_days=9.0)])
def test_figures_built_without_validation_equal_their_validated_copies(statements, weights, request) -> None:
    """The outlook and driver figures skip Plotly's validation (it was a third of their build):
    what they hold must be what validation would have made of it, so a copy built through
    Plotly's validators is the same figure, value for value."""
    view, figure = figure_for(request.getfixturevalue(statements), weights)
    drivers = driver_figure(driver_changes(view.series, RULES, Window.ALL))
    for built in (figure, drivers):
        validated = go.Figure(built.to_dict())
        assert json.loads(built.to_json()) == json.loads(validated.to_json())


def test_below_the_threshold_every_statement_has_its_own_marker(matched) -> None:
    _, figure = figure_for(matched, Weights.defaults(RULES))
    assert QUIET_DAY_NAME not in trace_names(figure)
    assert {trace.type for trace in figure.data} == {"scatter"}  # and no WebGL for a few markers


def test_event_labels_keep_the_most_recent_and_never_crowd() -> None:
    start = pd.Timestamp("2025-01-01")
    marks = [
        EventMark(day=start + pd.Timedelta(days=day), label="held", outlook=50.0) for day in range(0, 300, 2)
    ]
    kept = labelled_marks(marks)
    assert len(kept) == MAX_EVENT_LABELS
    assert kept[-1] == marks[-1]  # the latest event is always labelled
    gaps = [(later.day - earlier.day).days for earlier, later in zip(kept, kept[1:], strict=False)]
    assert min(gaps) >= 298 / 30
    assert labelled_marks(marks[:1]) == marks[:1] and labelled_marks([]) == []


def test_the_source_line_kept_per_matched_statements_and_rules_is_the_one_worked_out_afresh(
    matched,
) -> None:
    # The statements' days are kept per matched statements and the rules' label per rules
    # object; every window's count and a changed rule set's digest must still be right.
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    afresh = replace(view, scored=replace(view.scored, source=None))
    for window in Window:
        assert source_line(view, RULES, window) == source_line(afresh, RULES, window)
    changed = RULES.model_copy(update={"version": RULES.version + 1})
    assert rules_label(changed) != rules_label(RULES)
    assert rules_label(RULES) == rules_label(RULES.model_copy())
    assert band_colours(RULES) == band_colours(RULES.model_copy())
