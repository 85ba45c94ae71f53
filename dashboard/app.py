"""The Summit Outlook dashboard: read top to bottom, this is the page.

Run with `summit-outlook serve` (`make run` in a checkout).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from summit_outlook.csv_files import frame_bytes
from summit_outlook.dashboard.editing import (
    add_statement_ui,
    edit_statement_ui,
    stored_statements_ui,
    undo_ui,
)
from summit_outlook.dashboard.editor_access import editor_access_ui, saving_status_ui
from summit_outlook.dashboard.importing import article_ui, import_csv_ui
from summit_outlook.dashboard.sidebar import URL_WARNINGS, init_weights, weights_sidebar
from summit_outlook.dashboard.state import Preset, PresetsError, load_presets, presets_path, weights_to_query
from summit_outlook.dashboard.store_access import Origin, StatementSource, statement_source
from summit_outlook.model.outlook import MatchedStatements, match_statements
from summit_outlook.model.rules import Rules, RulesError, default_rules
from summit_outlook.model.statements import EARLIEST_DATE, StatementsError
from summit_outlook.report.charts import driver_figure, outlook_figure, toolbar_config
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
    driver_changes,
    explanations,
    format_day,
    newest_first,
    outlook_view,
    scored_statements_export,
    selected_statements,
    series_export,
    statement_table,
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
    """
    return match_statements(_statements, rules)


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
    weights = weights_sidebar(rules, weight_presets)
    window = window_from_url()
    view = outlook_view(matched, rules, weights)

    header_ui(source, matched)
    url_warnings_ui()
    headline_ui(view, rules)
    # Only the open tab runs: a slider move redraws the outlook, not the editing forms.
    outlook_tab, statements_tab = st.tabs([OUTLOOK_TAB, STATEMENTS_TAB], key=VIEW_KEY, on_change="rerun")
    if outlook_tab.open:
        with outlook_tab:
            signals = explanations(view.scored, rules)
            figure = outlook_figure(view, rules, signals)
            selection = chart_ui(figure, view)
            statements_ui(view, signals, selection)
            window = drivers_ui(view, rules, window)
            downloads_ui(figure, view, signals)
    if statements_tab.open:
        with statements_tab:
            statements_page(source, matched, view, rules)
    sync_url(view, rules, window)


def statements_page(
    source: StatementSource, matched: MatchedStatements, view: OutlookView, rules: Rules
) -> None:
    """The Statements tab: the stored statements and, where saving works and the session may
    edit, adding (one, a CSV file, or from an article), editing, deleting and undoing."""
    store = source.store if saving_status_ui(source) and editor_access_ui() else None
    if store is not None:
        st.subheader("Add statements", anchor=False)
        one, csv_file, article = st.tabs(["One statement", "From a CSV file", "From an article"])
        with one:
            add_statement_ui(store, rules, view, matched)
        with csv_file:
            import_csv_ui(store)
        with article:
            article_ui(store)
    picked = stored_statements_ui(view, source, selectable=store is not None)
    if store is not None:
        if picked is not None:
            edit_statement_ui(store, view.scored.statements, picked, rules, view)
        undo_ui(store)


def load_inputs() -> tuple[Rules, list[Preset], StatementSource]:
    """Rules, presets and statements; a broken file stops the page with its message."""
    preset_path = presets_path()
    try:
        rules = default_rules()
        presets = load_weight_presets(rules, str(preset_path), preset_path.stat().st_mtime)
        return rules, presets, statement_source()
    except (RulesError, StatementsError, PresetsError, OSError) as error:
        st.error("The dashboard cannot start: a data file is invalid.")
        st.text(str(error))
        st.stop()
        raise  # st.stop() ends the run; this keeps type checkers sure nothing follows


def weight_params() -> dict[str, str]:
    params = st.query_params.to_dict()
    params.pop(WINDOW_PARAM, None)
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


def sync_url(view: OutlookView, rules: Rules, window: Window) -> None:
    """Keep the URL equal to the non-default weights and window, so a link reproduces the view."""
    wanted = weights_to_query(view.weights, rules)
    if window is not Window.ALL:
        wanted[WINDOW_PARAM] = window.value
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def header_ui(source: StatementSource, matched: MatchedStatements) -> None:
    st.title("Summit outlook", anchor=False)
    if source.origin is Origin.BUNDLED:
        # Viewing still works, on the bundled data; nothing the user adds could be kept.
        st.warning(
            "The statements database cannot be opened, so the bundled statements are shown and "
            "saving is unavailable.",
            icon=":material/database_off:",
        )
        st.text(f"Why: {source.saving_problem}")
    implausible = int((~matched.plausible).sum())
    if implausible:
        st.warning(
            f"{implausible} stored statement(s) are dated before {EARLIEST_DATE:%-d %b %Y} or after "
            "tomorrow, so the outlook leaves them out. Find them in the Statements tab (sorted by "
            "date) to correct the date or delete them.",
            icon=":material/event_busy:",
        )
    statements = matched.statements[matched.plausible]
    if statements.empty:
        return
    first, last = statements["date"].min(), statements["date"].max()
    st.caption(
        f"How likely a summit is, read from {len(statements)} dated statements "
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
        change = current.change[days]
        if change is None:
            column.metric(f"{days} days earlier", "\u2013", help="The statements start later.", border=True)
        else:
            column.metric(
                f"{days} days earlier",
                f"{current.outlook - change:.1f}",
                delta=f"{change:+.1f} since",
                border=True,
            )


def chart_ui(figure: go.Figure, view: OutlookView) -> Selection | None:
    latest = view.series["date"].max() if not view.series.empty else None
    event = st.plotly_chart(
        figure,
        key=CHART_KEY,
        on_select="rerun",
        selection_mode=("points", "box"),
        theme=None,
        config=toolbar_config(export_stem("chart", latest, custom=bool(view.changed))),
    )
    st.caption(
        "Markers are statements: green raises the outlook, red lowers it, size is strength. "
        "Click a point to list the statements behind it (the toolbar's box select takes a range); "
        "double-click to clear."
    )
    return selected_statements(event.selection.points, view.scored.statements)


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
            view.scored, signals, rows=newest_first(view.scored.statements)[:TABLE_MAX_ROWS]
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


def drivers_ui(view: OutlookView, rules: Rules, initial: Window) -> Window:
    """The driver view and its window control; returns the window chosen."""
    st.subheader("What moved the outlook", anchor=False)
    controls, chart = st.columns([1, 2], gap="large")
    with controls:
        chosen = st.segmented_control(
            "Over the last",
            [window.value for window in Window],
            default=initial.value,
            required=True,
            key="window",
            help="1W, 1M, 3M: from that many days before the latest day. All: from the neutral "
            "level before the first statement.",
        )
        window = Window(chosen)
        drivers = driver_changes(view.series, rules, window)
        if drivers is None:
            return window
        start = "the neutral level" if drivers.start is None else format_day(drivers.start)
        st.metric(
            f"From {start} to {format_day(drivers.end)}",
            f"{drivers.start_outlook:.1f} \u2192 {drivers.end_outlook:.1f}",
            delta=f"{drivers.end_outlook - drivers.start_outlook:+.1f}",
        )
        st.caption(
            "Each bar is one signal family's share of the change: new statements, and older ones "
            "fading or being overtaken by a hard event."
        )
    with chart:
        st.plotly_chart(driver_figure(drivers), theme=None, config={"displayModeBar": False})
    return window


def _csv_download(build, *args) -> bytes:
    """A CSV download's bytes, built only when the button is clicked (not on every slider move)."""
    return frame_bytes(build(*args))


def downloads_ui(figure: go.Figure, view: OutlookView, signals: list[str]) -> None:
    st.subheader("Download", anchor=False)
    latest = view.series["date"].max() if not view.series.empty else None
    custom = bool(view.changed)
    config = toolbar_config(export_stem("chart", latest, custom=custom))
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
                file_name=export_name("chart", latest, image_format.value, custom=custom),
                mime=MIME_TYPES[image_format.value],
                icon=":material/image:",
                on_click="ignore",
                width="stretch",
            )
    page.download_button(
        "Chart HTML (offline)",
        data=partial(chart_html, figure, config=config),
        file_name=export_name("chart", latest, "html", custom=custom),
        mime=MIME_TYPES["html"],
        icon=":material/code:",
        on_click="ignore",
        width="stretch",
    )
    series_csv.download_button(
        "Outlook CSV",
        data=partial(_csv_download, series_export, view.series),
        file_name=export_name("series", latest, "csv", custom=custom),
        mime=MIME_TYPES["csv"],
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )
    statements_csv.download_button(
        "Statements CSV",
        data=partial(_csv_download, scored_statements_export, view.scored, signals),
        file_name=export_name("statements", latest, "csv", custom=custom),
        mime=MIME_TYPES["csv"],
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )


main()
