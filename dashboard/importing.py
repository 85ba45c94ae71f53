"""Adding statements in bulk: a CSV file, or the statements found in a pasted news article.

Either way the whole batch is checked first; if any row is bad, every problem is listed by row
and field and nothing is stored. Statements already stored are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from summit_outlook.dashboard.drafts import check_rows
from summit_outlook.dashboard.editing import (
    KIND_OPTIONS,
    ROLE_OPTIONS,
    label_of,
    summit_picker_ui,
)
from summit_outlook.dashboard.editor_access import editing_refused
from summit_outlook.dashboard.outcomes import Outcome, Tone, outcome_ui, store_failure
from summit_outlook.model.statements import (
    EARLIEST_DATE,
    MAX_SIDE_CHARS,
    MAX_SOURCE_CHARS,
    StatementsError,
    latest_date,
)
from summit_outlook.model.summits import Summit
from summit_outlook.store import ImportResult, Store, StoreError

# Session-state keys.
IMPORT_ROUND = "import_round"  # bumped after an import, so the uploader starts empty
IMPORT_OUTCOME = "import_outcome"
ARTICLE_TEXT = "article_text"
ARTICLE_PUBLISHED = "article_published"
ARTICLE_SOURCE = "article_source"
ARTICLE_HOME_SIDE = "article_home_side"
CANDIDATES = "article_candidates"
CANDIDATES_ROUND = "article_round"  # bumped for each new set of candidates: a fresh editor
ARTICLE_OUTCOME = "article_outcome"
IMPORT_SUMMIT = "import_summit"
ARTICLE_SUMMIT = "article_summit"
UNDO_IMPORT_OUTCOME = "undo_import_outcome"
IMPORTS_TO_UNDO = "imports_to_undo"  # (import id, name) of this session's imports, not undone yet
KEEP = "keep"
# Columns of the candidates table a person may change; the rest are the extractor's notes.
EDITABLE = (KEEP, "date", "speaker", "role", "side", "text", "kind")
CANDIDATE_COLUMNS = (*EDITABLE, "confidence", "note")
# Tall enough for a quote to wrap over three lines, as in the other statement tables.
CANDIDATE_ROW_HEIGHT = 80


def imported(result: ImportResult, *, verb: str = "Imported") -> str:
    """'Imported 3, skipped 2 already stored.'"""
    return f"{verb} {result.added}, skipped {result.skipped_duplicates} already stored."


def not_imported(error: StatementsError) -> Outcome:
    """Nothing was stored: the file's problems, each by row and field where the file has rows."""
    if error.problems:
        count = len(error.problems)
        return Outcome(
            Tone.ERROR,
            f"Nothing imported: {count} problem{'s' if count != 1 else ''} in the file. Rows are counted "
            "from the first line after the header.",
            error.source,
            list(error.problems),
        )
    return Outcome(Tone.ERROR, "Nothing imported: the file cannot be read as statements.", str(error))


# --- a CSV file -----------------------------------------------------------------------------


def import_csv_ui(store: Store, summits: Sequence[Summit], summit_id: str) -> None:
    """Upload a statements CSV and import it into the picked summit (rows may name their own)."""
    st.caption(
        "A UTF-8 CSV file with the columns date (YYYY-MM-DD), speaker and text; role, side, source, "
        "kind, note and summit are optional. Rows without a summit go to the one picked here. The "
        "whole file is checked first: if any row is bad (an unknown summit too), nothing is "
        "imported. Statements already stored are skipped."
    )
    st.session_state.setdefault(IMPORT_SUMMIT, summit_id)
    summit_picker_ui(IMPORT_SUMMIT, summits)
    key = f"import_file_{st.session_state.get(IMPORT_ROUND, 0)}"
    uploaded = st.file_uploader("Statements CSV", type=["csv"], key=key)
    st.button(
        "Import file",
        key="import_file",
        type="primary",
        icon=":material/upload:",
        on_click=import_file,
        args=(store, key),
        disabled=uploaded is None,
    )
    outcome_ui(IMPORT_OUTCOME)


def undo_import_ui(store: Store) -> None:
    """After an import, the way back: every statement it added removed in one step."""
    outcome_ui(UNDO_IMPORT_OUTCOME)
    pending = st.session_state.get(IMPORTS_TO_UNDO) or []
    if pending:
        _, name = pending[-1]
        st.button(
            "Undo last import",
            key="undo_import",
            icon=":material/undo:",
            help=f"Remove every statement the import of {name} added.",
            on_click=undo_import,
            args=(store,),
        )


def undo_import(store: Store) -> None:
    pending = list(st.session_state.get(IMPORTS_TO_UNDO) or [])
    if editing_refused() or not pending:
        return
    import_id, name = pending[-1]
    try:
        _, removed = store.undo_import(import_id)
    except StoreError as error:
        st.session_state[UNDO_IMPORT_OUTCOME] = store_failure("undone", error)
        st.session_state[IMPORTS_TO_UNDO] = pending[:-1]
        return
    st.session_state[IMPORTS_TO_UNDO] = pending[:-1]
    st.session_state[UNDO_IMPORT_OUTCOME] = Outcome(
        Tone.SUCCESS, f"Import undone: {removed} statement{'s' if removed != 1 else ''} removed.", name
    )


def remember_import(result: ImportResult, name: str) -> None:
    st.session_state.pop(UNDO_IMPORT_OUTCOME, None)
    if result.import_id is not None:
        st.session_state[IMPORTS_TO_UNDO] = [
            *st.session_state.get(IMPORTS_TO_UNDO, []),
            (result.import_id, name),
        ]


def import_file(store: Store, key: str) -> None:
    uploaded = st.session_state.get(key)
    if uploaded is None or editing_refused():
        return
    try:
        result = store.import_csv(
            uploaded.getvalue(), source_name=uploaded.name, summit=st.session_state.get(IMPORT_SUMMIT)
        )
    except StatementsError as error:
        st.session_state[IMPORT_OUTCOME] = not_imported(error)
        return
    except StoreError as error:
        st.session_state[IMPORT_OUTCOME] = store_failure("imported", error)
        return
    st.session_state[IMPORT_OUTCOME] = Outcome(Tone.SUCCESS, imported(result), uploaded.name)
    st.session_state[IMPORT_ROUND] = st.session_state.get(IMPORT_ROUND, 0) + 1
    remember_import(result, uploaded.name)


# --- a pasted article -----------------------------------------------------------------------


def article_ui(store: Store, summits: Sequence[Summit], summit_id: str) -> None:
    """Paste an article, review the statements found in it, save the ones to keep (into the
    summit picked: a 2018 article about another meeting goes to its own summit, not this one)."""
    st.session_state.setdefault(ARTICLE_PUBLISHED, dt.date.today())
    st.session_state.setdefault(ARTICLE_SUMMIT, summit_id)
    with st.form("article_form", border=False):
        summit_picker_ui(ARTICLE_SUMMIT, summits, label="Summit the article is about")
        st.text_area(
            "Article text",
            key=ARTICLE_TEXT,
            height=180,
            placeholder="Paste a news article: statements are found with who said them and when.",
        )
        published, home_side, source = st.columns([1, 1, 3])
        published.date_input(
            "Published on",
            key=ARTICLE_PUBLISHED,
            min_value=EARLIEST_DATE,
            max_value=latest_date(),
            format="YYYY-MM-DD",
            help="Dates like 'last week' or 'on Friday' are counted from this day.",
        )
        home_side.text_input(
            "Publication's country",
            key=ARTICLE_HOME_SIDE,
            max_chars=MAX_SIDE_CHARS,
            placeholder="e.g. United States",
            help="Newsrooms name their own officials by a bare title ('President Donald Trump') "
            "and foreign ones with their country: such speakers are taken to be this country's. "
            "Left empty, their side stays unknown.",
        )
        source.text_input(
            "Source",
            key=ARTICLE_SOURCE,
            max_chars=MAX_SOURCE_CHARS,
            placeholder="URL or publication, saved with each statement",
        )
        st.form_submit_button("Find statements", icon=":material/search:", on_click=find_candidates)
    candidates: pd.DataFrame | None = st.session_state.get(CANDIDATES)
    if candidates is not None:
        candidates_ui(store, candidates)
    outcome_ui(ARTICLE_OUTCOME)


def find_candidates() -> None:
    """Callback of the article form: the statements found, as a table to review."""
    st.session_state.pop(ARTICLE_OUTCOME, None)
    article = str(st.session_state.get(ARTICLE_TEXT) or "")
    if not article.strip():
        st.session_state.pop(CANDIDATES, None)
        st.session_state[ARTICLE_OUTCOME] = Outcome(Tone.WARNING, "Paste an article first.")
        return
    published = st.session_state.get(ARTICLE_PUBLISHED) or dt.date.today()
    source = str(st.session_state.get(ARTICLE_SOURCE) or "").strip()
    home_side = str(st.session_state.get(ARTICLE_HOME_SIDE) or "")
    # Imported here, on the first article: the extractor's modules and tables (~70 ms) are no part
    # of any page's first run.
    from summit_outlook.extract import candidates_to_frame, extract_statements

    found = extract_statements(article, published=published, home_side=home_side)
    st.session_state[CANDIDATES] = candidates_table(candidates_to_frame(found, source=source))
    st.session_state[CANDIDATES_ROUND] = st.session_state.get(CANDIDATES_ROUND, 0) + 1


def candidates_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Candidates with a 'keep' tick (on) in front, numbered from 1 as people count rows."""
    table = frame.copy()
    table.insert(0, KEEP, True)
    table["date"] = pd.to_datetime(table["date"]).dt.date
    table.index = pd.RangeIndex(1, len(table) + 1, name="Row")
    return table


def candidates_ui(store: Store, candidates: pd.DataFrame) -> None:
    """The candidates as an editable table, and the button that saves the kept ones."""
    if candidates.empty:
        st.info("No attributed statements were found in this article.")
        return
    st.caption(
        f"{len(candidates)} statements found. Untick the ones to leave out and correct any cell; "
        "confidence ranks how sure the extraction is of speaker and date, and the note says where "
        "each date came from."
    )
    edited = st.data_editor(
        candidates,
        key=f"candidates_{st.session_state.get(CANDIDATES_ROUND, 0)}",
        column_order=CANDIDATE_COLUMNS,
        disabled=[column for column in candidates.columns if column not in EDITABLE],
        num_rows="fixed",
        row_height=CANDIDATE_ROW_HEIGHT,
        column_config={
            KEEP: st.column_config.CheckboxColumn("Keep", width=70),
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", width=100),
            "speaker": st.column_config.TextColumn("Speaker", width=130),
            "role": st.column_config.SelectboxColumn(
                "Role", options=ROLE_OPTIONS, format_func=label_of, required=True, width=120
            ),
            "side": st.column_config.TextColumn("Side", width=100),
            "text": st.column_config.TextColumn("Quote", width=380),
            "kind": st.column_config.SelectboxColumn(
                "Kind", options=KIND_OPTIONS, format_func=label_of, required=True, width=100
            ),
            "confidence": st.column_config.ProgressColumn("Confidence", format="%.2f", width=90),
            "note": st.column_config.TextColumn("How dated", width=260),
        },
    )
    kept = edited[edited[KEEP].fillna(False).astype(bool)]
    if st.button(
        f"Save {len(kept)} kept statement{'s' if len(kept) != 1 else ''}",
        key="save_kept",
        type="primary",
        icon=":material/save:",
        disabled=kept.empty,
    ):
        save_kept(store, kept)
        st.rerun()


def save_kept(store: Store, kept: pd.DataFrame) -> None:
    """Check every kept row, then store them all (duplicates skipped), or nothing."""
    if editing_refused():
        return
    try:
        statements = check_rows(kept, source="the kept rows")
        result = store.import_statements(
            statements,
            summit=st.session_state.get(ARTICLE_SUMMIT),
            name="statements from an article",
            source="the kept rows",
        )
    except StatementsError as error:
        count = len(error.problems)
        st.session_state[ARTICLE_OUTCOME] = Outcome(
            Tone.ERROR,
            f"Nothing saved: {count} problem{'s' if count != 1 else ''} in the kept rows; correct them "
            "in the table (rows as numbered there).",
            problems=list(error.problems),
        )
        return
    except StoreError as error:
        st.session_state[ARTICLE_OUTCOME] = store_failure("saved", error)
        return
    st.session_state[ARTICLE_OUTCOME] = Outcome(Tone.SUCCESS, imported(result, verb="Saved"))
    st.session_state.pop(CANDIDATES, None)
    remember_import(result, "statements from an article")
