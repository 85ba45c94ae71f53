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
    store: Store | None = None  # None: nothing can be saved
    version: int = 0  # the store's write counter when `statements` was read
    saving_problem: str | None = None  # why saving is unavailable, in the store's own words
    # What identifies these statements without reading them: the store and its write counter, or
    # the file and its modification time. Equal revisions mean equal statements.
    revision: str = ""

    @property
    def can_save(self) -> bool:
        return self.store is not None and self.saving_problem is None


@st.cache_resource(show_spinner="Opening the statements database\u2026")
def shared_store(url: str) -> Store:
    """The store at `url`, opened (and seeded from the bundled data) once per server process."""
    return open_seeded_store(url)


@st.cache_data(show_spinner=False, max_entries=CACHED_VERSIONS)
def stored_statements(url: str, version: int, _store: Store) -> pd.DataFrame:
    """The statements of the store at `url` as of `version` (read again only after a write)."""
    return _store.frame()


@st.cache_data(show_spinner=False)
def file_statements(path: str, modified: int) -> pd.DataFrame:
    """A statements CSV as a frame; `modified` (its mtime) makes an edited file load again."""
    return to_frame(read_statements_csv(path))


def statement_source() -> StatementSource:
    """The page's statements: the file named by SUMMIT_OUTLOOK_STATEMENTS, else the store.

    A store that cannot be opened is no reason to stop the page: it shows the bundled dataset
    and says why nothing can be saved. A broken CSV file raises StatementsError or OSError.
    """
    named = os.environ.get(STATEMENTS_ENV, "").strip()
    if named:
        path = Path(named)
        statements, revision = _read_file(path)
        return StatementSource(statements, Origin.CSV_FILE, str(path), revision=revision)
    url = default_url()
    try:
        store = shared_store(url)
        version = store.version()
        statements = stored_statements(url, version, store)
    except StoreError as error:
        bundled = bundled_statements_path()
        statements, revision = _read_file(bundled)
        return StatementSource(
            statements, Origin.BUNDLED, str(bundled), saving_problem=str(error), revision=revision
        )
    return StatementSource(
        statements,
        Origin.STORE,
        store.location,
        store,
        version,
        store.saving_problem(),
        revision=f"store {url} version {version}",
    )


def _read_file(path: Path) -> tuple[pd.DataFrame, str]:
    """The file's statements, and its revision: its path and modification time."""
    modified = path.stat().st_mtime_ns
    return file_statements(str(path), modified), f"file {path} modified {modified}"
