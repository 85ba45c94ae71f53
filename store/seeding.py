"""The store as the command line and the dashboard open it: seeded once from the bundled data, the
article's statements (the bundled summit) and the real sagas with their summits."""

from __future__ import annotations

import contextlib

from summit_outlook.model.statements import bundled_statements_path, read_statements_csv
from summit_outlook.model.summits import bundled_sagas_path, bundled_summits
from summit_outlook.store.errors import StoreError
from summit_outlook.store.repository import Store


def open_seeded_store(url: str | None = None) -> Store:
    """The store at `url` (default_url() by default), seeded once from the bundled data."""
    store = Store(url)
    # A read-only store still serves what it has; writes will say why they fail.
    with contextlib.suppress(StoreError):
        store.seed_if_empty(read_statements_csv(bundled_statements_path()))
        store.seed_summits(bundled_summits(), read_statements_csv(bundled_sagas_path()))
    return store
