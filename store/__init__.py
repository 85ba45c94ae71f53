"""The statement store: statements kept in a database (SQLite by default) with undo and import.

One module per job: schema (the tables), migrations, engine (connection hooks, SQLite files),
errors (one-line messages for database failures), repository (the Store), seeding.
"""

from summit_outlook.paths import database_url as default_url
from summit_outlook.store.errors import DuplicateStatement, NotFound, StaleStatement, StoreError
from summit_outlook.store.repository import TRASH_LIMIT, ImportResult, Store, fingerprint
from summit_outlook.store.seeding import open_seeded_store

__all__ = [
    "TRASH_LIMIT",
    "DuplicateStatement",
    "ImportResult",
    "NotFound",
    "StaleStatement",
    "Store",
    "StoreError",
    "default_url",
    "fingerprint",
    "open_seeded_store",
]
