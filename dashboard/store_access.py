"""Where the page's statements come from: the shared statement store, or a CSV file shown read-only.

One store per database URL and server process (st.cache_resource); its statements are cached per
`store.version()`, which every write advances, so a statement saved in one session shows in every
session on its next run, and matching is redone only when the statements changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pandas as pd
import streamlit as st

from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame
from summit_outlook.model.summits import (
    BUNDLED_SUMMIT_ID,
    Summit,
    bundled_sagas_path,
    bundled_summits,
    by_id,
)
from summit_outlook.store import Store, StoreError, default_url, open_seeded_store

# Names a statements CSV to show instead of the store, read-only (the benchmarks' synthetic data).
STATEMENTS_ENV = "SUMMIT_OUTLOOK_STATEMENTS"
# Statement frames kept per store: the current version and a few a slower session may still show.
CACHED_VERSIONS = 8


class Origin(StrEnum):
    """Where the statements on the page came from."""

    STORE = "store"  # the statement store: editable unless saving is unavailable
    CSV_FILE = "csv file"  # a file named by SUMMIT_OUTLOOK_STATEMENTS: read-only by choice
    BUNDLED = "bundled"  # the store could not be opened: the bundled dataset, read-only


@dataclass(frozen=True)
class StatementSource:
    """The statements to show, where they came from, and the store to save to when saving works."""

    statements: pd.DataFrame
    origin: Origin
    location: str  # the database or file, for messages
    summits: tuple[Summit, ...] = ()  # every summit, each statement's among them
    store: Store | None = None  # None: nothing can be saved
    version: int = 0  # the store's write counter when `statements` was read
    saving_problem: str | None = None  # why saving is unavailable, in the store's own words
    # What identifies these statements without reading them: the store and its write counter, or
    # the file and its modification time. Equal revisions mean equal statements.
    revision: str = ""

    @property
    def can_save(self) -> bool:
        return self.store is not None and self.saving_problem is None

    def summit(self, summit_id: str) -> Summit | None:
        return by_id(self.summits).get(summit_id)


@st.cache_resource(show_spinner="Opening the statements database\u2026")
def shared_store(url: str) -> Store:
    """The store at `url`, opened (and seeded from the bundled data) once per server process."""
    return open_seeded_store(url)


# The statement frames below are shared objects (st.cache_resource), never changed: the page
# reads them only to match a new revision's statements (app.matched_statements), so the copy
# st.cache_data made of 10,000 rows on every rerun (~5 ms of a slider move, with the file's
# summits worked out again) bought nothing.
@st.cache_resource(show_spinner=False, max_entries=CACHED_VERSIONS)
def stored_statements(url: str, version: int, _store: Store) -> pd.DataFrame:
    """The statements of the store at `url` as of `version` (read again only after a write)."""
    return _store.frame()


@st.cache_data(show_spinner=False, max_entries=CACHED_VERSIONS)
def stored_summits(url: str, version: int, _store: Store) -> tuple[Summit, ...]:
    """The summits of the store at `url` as of `version`."""
    return tuple(_store.summits())


@st.cache_resource(show_spinner=False, max_entries=CACHED_VERSIONS)
def file_statements(path: str, modified: int) -> pd.DataFrame:
    """A statements CSV as a frame; `modified` (its mtime) makes an edited file load again."""
    return to_frame(read_statements_csv(path))


@st.cache_resource(show_spinner=False, max_entries=CACHED_VERSIONS)
def file_source(path: str, modified: int) -> tuple[pd.DataFrame, tuple[Summit, ...]]:
    """A statements CSV's rows, each in a summit, and its summits (`file_summits`), once per revision."""
    return file_summits(file_statements(path, modified), Path(path))


# The summit of a CSV file's rows that name none: the file is one summit, titled by its name.
FILE_SUMMIT_ID = "statements-file"


def file_summits(statements: pd.DataFrame, path: Path) -> tuple[pd.DataFrame, tuple[Summit, ...]]:
    """A file's statements, each in a summit: the bundled summits it names, and for rows that
    name none (or a summit not bundled) a summit titled by the file."""
    known = by_id(bundled_summits())
    frame = statements.copy()
    named = frame["summit"].where(frame["summit"].isin(list(known)), "")
    frame["summit"] = named.where(named != "", FILE_SUMMIT_ID)
    # The distinct ids first (in order of appearance): iterating 10,000 rows of text cost ~20 ms a rerun.
    summits = [known[summit_id] for summit_id in frame["summit"].unique() if summit_id in known]
    if (frame["summit"] == FILE_SUMMIT_ID).any():
        summits.append(
            Summit(id=FILE_SUMMIT_ID, title=path.name, question=f"What do the statements of {path.name} say?")
        )
    return frame, tuple(summits)


def bundled_source(problem: str) -> StatementSource:
    """The bundled data, read-only: the article's statements and the sagas, with their summits."""
    article_path, sagas_path = bundled_statements_path(), bundled_sagas_path()
    article, article_revision = _read_file(article_path)
    sagas, sagas_revision = _read_file(sagas_path)
    article = article.assign(summit=BUNDLED_SUMMIT_ID)
    statements = pd.concat([article, sagas], ignore_index=True)
    return StatementSource(
        statements,
        Origin.BUNDLED,
        str(article_path),
        tuple(bundled_summits()),
        saving_problem=problem,
        revision=f"{article_revision}; {sagas_revision}",
    )


def statement_source() -> StatementSource:
    """The page's statements: the file named by SUMMIT_OUTLOOK_STATEMENTS, else the store.

    A store that cannot be opened is no reason to stop the page: it shows the bundled dataset
    and says why nothing can be saved. A broken CSV file raises StatementsError or OSError.
    """
    named = os.environ.get(STATEMENTS_ENV, "").strip()
    if named:
        path = Path(named)
        modified = path.stat().st_mtime_ns
        statements, summits = file_source(str(path), modified)
        return StatementSource(
            statements, Origin.CSV_FILE, str(path), summits, revision=file_revision(path, modified)
        )
    url = default_url()
    try:
        store = shared_store(url)
        version = store.version()
        statements = stored_statements(url, version, store)
        summits = stored_summits(url, version, store)
    except StoreError as error:
        return bundled_source(str(error))
    return StatementSource(
        statements,
        Origin.STORE,
        store.location,
        summits,
        store,
        version,
        store.saving_problem(),
        revision=f"store {url} version {version}",
    )


def _read_file(path: Path) -> tuple[pd.DataFrame, str]:
    """The file's statements, and its revision: its path and modification time."""
    modified = path.stat().st_mtime_ns
    return file_statements(str(path), modified), file_revision(path, modified)


def file_revision(path: Path, modified: int) -> str:
    """What identifies a file's statements: its path and modification time (in ns)."""
    return f"file {path} modified {modified}"
