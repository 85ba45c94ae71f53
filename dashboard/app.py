"""The Summit Outlook dashboard: read top to bottom, this is the page.

Run with `summit-outlook serve` (`make run` in a checkout).
"""

from __future__ import annotations

import gc
from functools import partial
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from summit_outlook.csv_files import frame_bytes
from summit_outlook.dashboard.editing import (
    add_statement_ui,
    bulk_delete_ui,
    edit_statement_ui,
    stored_statements_ui,
    undo_ui,
)
from summit_outlook.dashboard.editor_access import editor_access_ui, saving_status_ui
from summit_outlook.dashboard.importing import article_ui, import_csv_ui, undo_import_ui
from summit_outlook.dashboard.navigation import (
    PAGE_PARAM,
    SUMMIT_PARAM,
    PageKind,
    Route,
    navigation_ui,
    route_from_url,
)
from summit_outlook.dashboard.outlook_chart import outlook_chart
from summit_outlook.dashboard.overview import change_delta, compare_ui, overview_ui
from summit_outlook.dashboard.sidebar import URL_WARNINGS, init_weights, weights_sidebar
from summit_outlook.dashboard.state import (
    Preset,
    PresetsError,
    load_presets,
    presets_path,
    weights_from_widgets,
    weights_to_query,
)
from summit_outlook.dashboard.store_access import Origin, StatementSource, statement_source
from summit_outlook.dashboard.summits_ui import add_summit_ui, edit_summit_ui, summit_header_ui
from summit_outlook.dashboard.track_record import chance_ui, track_record_ui
from summit_outlook.model.outlook import MatchedStatements, match_statements
from summit_outlook.model.rules import Rules, RulesError, default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import EARLIEST_DATE, StatementsError
from summit_outlook.model.summits import Summit, SummitsError
from summit_outlook.report.charts import driver_figure, export_height, outlook_figure, toolbar_config
from summit_outlook.report.export import (
    MIME_TYPES,
    ChartExporter,
    ImageFormat,
    chart_html,
    export_name,
    export_stem,
    find_chromium,
    render_image,
)
from summit_outlook.report.views import (
    OutlookView,
    Selection,
    Window,
    comparison_series,
    driver_changes,
    explanations,
    format_day,
    outlook_view,
    overview_cards,
    scored_statements_export,
    selected_statements,
    series_export,
    shown_change,
    statement_table,
    statements_newest_first,
    summit_matched,
    weights_note,
)

WINDOW_PARAM = "window"
VIEW_KEY = "view"
# The labels are also the tab's state value (st.session_state[VIEW_KEY]).
OUTLOOK_TAB = ":material/monitoring: Outlook"
STATEMENTS_TAB = ":material/edit_note: Statements"
CHART_KEY = "outlook_chart"
TABLE_KEY = "statements_table"
# Four lines of text per row: long quotes and explanations wrap instead of being cut at one line.
TABLE_ROW_HEIGHT = 80
TABLE_HEIGHT = 36 + 7 * TABLE_ROW_HEIGHT  # header and seven rows
# Beyond this many statements the table lists the newest only: a browser table of 10,000 long
# quotes costs seconds on every rerun, and nobody scrolls that far (the CSV has them all).
TABLE_MAX_ROWS = 500
# Matched statement sets kept: the current one and a few that slower sessions may still show.
MATCHED_VERSIONS = 4


# --- cached steps: every input is an argument ----------------------------------------------------


# One object shared by every session and rerun (it is never changed): no copy per rerun, and the
# weight-independent text derived from it (hover labels, explanations) is built once, not per slider move.
@st.cache_resource(show_spinner="Matching signals in the statements\u2026", max_entries=MATCHED_VERSIONS)
def matched_statements(revision: str, _statements: pd.DataFrame, rules: Rules) -> MatchedStatements:
    """The weight-independent match table: computed once per statements revision and rules.

    The statements are known by their revision (store version, or file and modification time),
    so a rerun does not hash ten thousand rows to find them again.

    What exists once they are matched (the modules, the rules, the reader's tables, the match
    table) lives as long as the server: it is moved out of the garbage collector's sight
    (`gc.freeze`), so a full collection no longer walks its ~220,000 objects. At 10,000
    statements one slider move in about ten paid such a collection, 150-250 ms of CPU; frozen,
    the slowest of 20 moves took 208-244 ms of CPU against 398 ms (AppTest, twice each). What
    was frozen by the previous match is released first, so replaced tables are still collected.
    """
    gc.unfreeze()
    matched = match_statements(_statements, rules)
    gc.freeze()
    return matched


@st.cache_data(show_spinner=False)
def load_weight_presets(rules: Rules, path: str, modified: float) -> list[Preset]:
    """The presets file, validated against the rules; `modified` (its mtime) reloads an edited file."""
    return load_presets(rules, Path(path))


@st.cache_resource(show_spinner=False)
def image_exporter(browser: str) -> ChartExporter:
    """One kaleido browser per server process, opened in the background on first use."""
    return ChartExporter(Path(browser))


# --- the page ----------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="Summit Outlook", page_icon="\U0001f91d", layout="wide")
    rules, weight_presets, source = load_inputs()
    matched = matched_statements(source.revision, source.statements, rules)

    init_weights(st.session_state, weight_params(), rules)
    # The sidebar's widgets hold the weights, and their values are in the session before the
    # widgets are drawn. So the sidebar is drawn after the page: its ~40 elements went out ahead
    # of the chart on every slider move, each taking turns of the server's thread that sends them.
    # It is drawn when the page fails too, so the weights stay within reach.
    weights = weights_from_widgets(st.session_state, rules)
    route = route_from_url(source)
    try:
        window = page_ui(route, source, matched, rules, weights)
    finally:
        weights_sidebar(rules, weight_presets)
    sync_url(route, weights, rules, window)


def page_ui(
    route: Route, source: StatementSource, matched: MatchedStatements, rules: Rules, weights: Weights
) -> Window:
    """The page the URL names, under the navigation; returns the window a summit's page shows."""
    window = window_from_url()
    navigation_ui(route, source)
    if route.kind is PageKind.SUMMIT and route.summit is not None:
        window = summit_page(source, matched, route.summit, rules, weights, window)
    elif route.kind is PageKind.COMPARE:
        url_warnings_ui()
        cards = overview_cards(matched, source.summits, rules, weights)
        compare_ui(cards, partial(comparison_series, matched, rules=rules, weights=weights), rules)
    elif route.kind is PageKind.TRACK_RECORD:
        url_warnings_ui()
        track_record_ui(source.revision, matched, source.summits, rules, weights)
    else:
        url_warnings_ui()
        overview_ui(overview_cards(matched, source.summits, rules, weights))
        store = source.store if source.can_save and source.origin is Origin.STORE else None
        if store is not None and editor_access_ui():
            add_summit_ui(store)
    return window


def summit_page(
    source: StatementSource,
    all_matched: MatchedStatements,
    summit: Summit,
    rules: Rules,
    weights: Weights,
    window: Window,
) -> Window:
    """One summit's page: its question and outcome, headline, chart, statements and drivers, and
    the Statements tab to edit them. Returns the window the page shows."""
    # The browser's tab and a bookmark of the page name its summit.
    st.set_page_config(page_title=f"{summit.title} \u00b7 Summit Outlook")
    matched = summit_matched(all_matched, summit.id)
    view = outlook_view(matched, rules, weights)
    summit_header_ui(summit)
    # The headline and the chance are filled in after the chart: a slider move's rerun sends the
    # chart, the slowest part of the page to redraw in the browser, as soon as it is built.
    above_tabs = st.container()
    # Only the open tab runs: a slider move redraws the outlook, not the editing forms.
    outlook_tab, statements_tab = st.tabs([OUTLOOK_TAB, STATEMENTS_TAB], key=VIEW_KEY, on_change="rerun")
    if outlook_tab.open:
        with outlook_tab:
            window = window_ui(window)
            signals = explanations(view.scored, rules)
            figure = outlook_figure(view, rules, signals, summit_title=summit.title, window=window)
            selection = chart_ui(figure, view, summit.id)
    with above_tabs:
        header_ui(source, view)
        url_warnings_ui()
        headline_ui(view, rules)
        if not summit.resolved:
            chance_ui(source.revision, all_matched, source.summits, rules, weights, view.headline)
    if outlook_tab.open:
        with outlook_tab:
            statements_ui(view, signals, selection)
            drivers_ui(view, rules, window)
            downloads_ui(figure, view, signals, summit.id, weights_note(view.changed, rules))
    if statements_tab.open:
        with statements_tab:
            statements_page(source, matched, view, rules, summit)
    return window


def statements_page(
    source: StatementSource, matched: MatchedStatements, view: OutlookView, rules: Rules, summit: Summit
) -> None:
    """The Statements tab: the summit's stored statements and, where saving works and the session
    may edit, adding (one, a CSV file, or from an article), editing, deleting and undoing, and the
    summit's own question and outcome."""
    store = source.store if saving_status_ui(source) and editor_access_ui() else None
    if store is not None:
        edit_summit_ui(store, summit)
        st.subheader("Add statements", anchor=False)
        one, csv_file, article = st.tabs(["One statement", "From a CSV file", "From an article"])
        with one:
            add_statement_ui(store, rules, view, matched, source.summits, summit.id)
        with csv_file:
            import_csv_ui(store, source.summits, summit.id)
        with article:
            article_ui(store, source.summits, summit.id)
        undo_import_ui(store)
    picked = stored_statements_ui(view, source, selectable=store is not None)
    if store is not None:
        if picked.editing is not None:
            edit_statement_ui(store, view.scored.statements, picked.editing, rules, view, source.summits)
        elif picked.selected:
            bulk_delete_ui(store, view.scored.statements, picked.selected)
        undo_ui(store)


def load_inputs() -> tuple[Rules, list[Preset], StatementSource]:
    """Rules, presets and statements; a broken file stops the page with its message."""
    preset_path = presets_path()
    try:
        rules = default_rules()
        presets = load_weight_presets(rules, str(preset_path), preset_path.stat().st_mtime)
        return rules, presets, statement_source()
    except (RulesError, StatementsError, SummitsError, PresetsError, OSError) as error:
        st.error("The dashboard cannot start: a data file is invalid.")
        st.text(str(error))
        st.stop()
        raise  # st.stop() ends the run; this keeps type checkers sure nothing follows


def weight_params() -> dict[str, str]:
    params = st.query_params.to_dict()
    for name in (WINDOW_PARAM, SUMMIT_PARAM, PAGE_PARAM):
        params.pop(name, None)
    return params


def window_from_url() -> Window:
    """The window named in the URL: the driver view's initial window (then its widget holds it)."""
    raw = st.query_params.get(WINDOW_PARAM)
    if raw is None:
        return Window.ALL
    try:
        return Window(raw)
    except ValueError:
        st.session_state.setdefault(URL_WARNINGS, []).append(f"window={raw!r} is not one of 1W, 1M, 3M, All")
        return Window.ALL


def sync_url(route: Route, weights: Weights, rules: Rules, window: Window) -> None:
    """Keep the URL equal to the page, the non-default weights and window, so a link reproduces the view."""
    wanted = {**route.params(), **weights_to_query(weights, rules)}
    if window is not Window.ALL and route.kind is PageKind.SUMMIT:
        wanted[WINDOW_PARAM] = window.value
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def header_ui(source: StatementSource, view: OutlookView) -> None:
    matched = view.scored.source
    if source.origin is Origin.BUNDLED:
        # Viewing still works, on the bundled data; nothing the user adds could be kept.
        st.warning(
            "The statements database cannot be opened, so the bundled statements are shown and "
            "saving is unavailable.",
            icon=":material/database_off:",
        )
        st.text(f"Why: {source.saving_problem}")
    implausible = int((~matched.plausible).sum()) if matched is not None else 0
    if implausible:
        st.warning(
            f"{implausible} stored statement(s) are dated before {EARLIEST_DATE:%-d %b %Y} or after "
            "tomorrow, so the outlook leaves them out. Find them in the Statements tab (sorted by "
            "date) to correct the date or delete them.",
            icon=":material/event_busy:",
        )
    statements = matched.statements[matched.plausible] if matched is not None else view.scored.statements
    if statements.empty:
        return
    first, last = statements["date"].min(), statements["date"].max()
    st.caption(
        f"How likely this summit is, read from its {len(statements)} dated statements "
        f"({format_day(first)} \u2013 {format_day(last)}). Each statement is scored by the signal "
        "rules; the outlook (0\u2013100) weighs them by speaker and recency. Adjust the weights in "
        "the sidebar; the URL keeps them."
    )


def url_warnings_ui() -> None:
    warnings = st.session_state.pop(URL_WARNINGS, None)
    if warnings:
        # The parameters are whatever a link contained: plain text only.
        st.warning("Some settings in the link were ignored:", icon=":material/link_off:")
        st.text("\n".join(warnings))


def headline_ui(view: OutlookView, rules: Rules) -> None:
    current = view.headline
    if current is None:
        st.info("There are no statements to build an outlook from.")
        return
    descriptions = {band.name: band.description for band in rules.outlook.bands}
    default = view.default_headline
    outlook, status, week, month = st.columns(4)
    outlook.metric(
        f"Outlook on {format_day(current.date)}",
        f"{current.outlook:.1f}",
        delta=f"{current.outlook - default.outlook:+.1f} vs default weights" if default else None,
        help="0 = no summit in sight, 100 = a summit is scheduled or has just happened.",
        border=True,
    )
    status.metric("Status band", current.status, help=descriptions.get(current.status), border=True)
    for column, days in ((week, 7), (month, 30)):
        shown = shown_change(current, days)
        if shown is None:
            column.metric(f"{days} days earlier", "\u2013", help="The statements start later.", border=True)
        else:
            earlier, change = shown
            column.metric(
                f"{days} days earlier", f"{earlier:.1f}", **change_delta(change, "since"), border=True
            )


def window_ui(initial: Window) -> Window:
    """The days the chart, its drivers and its exports show: the last week, month, quarter or all."""
    chosen = st.segmented_control(
        "Show the last",
        [window.value for window in Window],
        default=initial.value,
        required=True,
        key="window",
        help="1W, 1M, 3M: from that many days before the latest day. The chart, 'What moved the "
        "outlook' and every download show the same days.",
    )
    return Window(chosen)


def chart_ui(figure: go.Figure, view: OutlookView, summit_id: str) -> Selection | None:
    latest = view.series["date"].max() if not view.series.empty else None
    points = outlook_chart(
        figure,
        key=CHART_KEY,
        config=toolbar_config(
            export_stem("chart", latest, custom=bool(view.changed), summit=summit_id),
            height=export_height(figure),
        ),
    )
    st.caption(
        "Markers are statements: green raises the outlook, red lowers it, size is strength; "
        "statements of one day stack around the line. Click a point to list the statements behind "
        "it (the toolbar's box select takes several); double-click to clear."
    )
    return selected_statements(points, view.scored.statements)


def statements_ui(view: OutlookView, signals: list[str], selection: Selection | None) -> None:
    st.subheader("Statements", anchor=False)
    total = len(view.scored.statements)
    if selection is None and total > TABLE_MAX_ROWS:
        st.caption(
            f"The newest {TABLE_MAX_ROWS:,} of {total:,} statements. Select points on the chart to "
            "list older ones; the Statements CSV download has them all. Matched words are marked "
            "\u27e6like this\u27e7; select a row for its full explanation."
        )
        table = statement_table(
            view.scored, signals, rows=statements_newest_first(view.scored)[:TABLE_MAX_ROWS]
        )
    elif selection is None:
        st.caption(
            f"All {total} statements, newest first. Matched words are marked \u27e6like this\u27e7; "
            "select a row for its full explanation."
        )
        table = statement_table(view.scored, signals)
    else:
        table = statement_table(view.scored, signals, rows=selection.rows)
        st.caption(selection.caption + " Double-click the chart to list all statements again.")
    picked = st.dataframe(
        table,
        key=TABLE_KEY,
        hide_index=True,
        # Who, when, how strong, what was said and why first; role and side after, by scrolling.
        column_order=("date", "speaker", "score", "quote", "explanation", "role", "side"),
        row_height=TABLE_ROW_HEIGHT,
        height=TABLE_HEIGHT,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "date": st.column_config.DateColumn("Date", format="D MMM YYYY", width=90),
            "speaker": st.column_config.TextColumn("Speaker", width=115),
            "role": st.column_config.TextColumn("Role", width=110),
            "side": st.column_config.TextColumn("Side", width=110),
            "quote": st.column_config.TextColumn("Quote (matched words marked)", width=310),
            "score": st.column_config.NumberColumn("Score", format="%+.2f", width=56),
            "explanation": st.column_config.TextColumn("Explanation", width=330),
        },
    )
    rows = picked.selection.rows
    if rows and rows[0] < len(table):
        statement_detail_ui(table.iloc[rows[0]])


def statement_detail_ui(row: pd.Series) -> None:
    """The full quote and explanation of one statement, as plain text."""
    with st.container(border=True):
        st.markdown(f"**{format_day(pd.Timestamp(row['date']))}, score {row['score']:+.2f}**")
        st.text(f"{row['speaker']} ({row['role']}, {row['side']})")
        st.text(row["quote"])
        st.text("\n".join(row["explanation"].split("; ")))


def drivers_ui(view: OutlookView, rules: Rules, window: Window) -> None:
    """The driver view over the page's window (All: from the neutral level before the first statement)."""
    st.subheader("What moved the outlook", anchor=False)
    controls, chart = st.columns([1, 2], gap="large")
    with controls:
        drivers = driver_changes(view.series, rules, window)
        if drivers is None:
            return
        start = "the neutral level" if drivers.start is None else format_day(drivers.start)
        st.metric(
            f"From {start} to {format_day(drivers.end)}",
            f"{drivers.start_outlook:.1f} \u2192 {drivers.end_outlook:.1f}",
            delta=f"{drivers.end_outlook - drivers.start_outlook:+.1f}",
        )
        st.caption(
            "Each bar is one signal family's share of the change: new statements, and older ones "
            "fading or being overtaken by a hard event. A lowering family's pull down can weaken "
            "(its statements fading): that raises the outlook."
        )
    with chart:
        st.plotly_chart(driver_figure(drivers), theme=None, config={"displayModeBar": False})


def _csv_download(build, *args) -> bytes:
    """A CSV download's bytes, built only when the button is clicked (not on every slider move)."""
    return frame_bytes(build(*args))


def downloads_ui(
    figure: go.Figure, view: OutlookView, signals: list[str], summit_id: str, weights: str
) -> None:
    st.subheader("Download", anchor=False)
    latest = view.series["date"].max() if not view.series.empty else None
    custom = bool(view.changed)
    config = toolbar_config(
        export_stem("chart", latest, custom=custom, summit=summit_id), height=export_height(figure)
    )
    named = partial(export_name, custom=custom, summit=summit_id)
    png, svg, page, series_csv, statements_csv = st.columns(5)
    browser = find_chromium()
    if browser.path is None:
        st.info(f"PNG and SVG export is unavailable: {browser.reason}. HTML and CSV still work.")
    else:
        exporter = image_exporter(str(browser.path))
        problem = exporter.startup_problem() or exporter.last_error
        if problem:
            st.warning("The last image export failed; HTML and CSV still work.")
            st.text(problem)
        for column, image_format in ((png, ImageFormat.PNG), (svg, ImageFormat.SVG)):
            column.download_button(
                f"Chart {image_format.value.upper()}",
                data=partial(render_image, figure, image_format, exporter),
                file_name=named("chart", latest, image_format.value),
                mime=MIME_TYPES[image_format.value],
                icon=":material/image:",
                on_click="ignore",
                width="stretch",
            )
    page.download_button(
        "Chart HTML (offline)",
        data=partial(chart_html, figure, config=config),
        file_name=named("chart", latest, "html"),
        mime=MIME_TYPES["html"],
        icon=":material/code:",
        on_click="ignore",
        width="stretch",
    )
    series_csv.download_button(
        "Outlook CSV",
        data=partial(_csv_download, partial(series_export, summit=summit_id, weights=weights), view.series),
        file_name=named("series", latest, "csv"),
        mime=MIME_TYPES["csv"],
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )
    statements_csv.download_button(
        "Statements CSV",
        data=partial(
            _csv_download,
            partial(scored_statements_export, summit=summit_id, weights=weights),
            view.scored,
            signals,
        ),
        file_name=named("statements", latest, "csv"),
        mime=MIME_TYPES["csv"],
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )


main()
