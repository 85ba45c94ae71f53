"""What goes wrong with the statement store, in one line each: its errors, and database failures
translated into what the user can do about them."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from summit_outlook.model.statements import Statement


class StoreError(ValueError):
    """Something the user can fix went wrong with the statements database; one-line message."""


class DuplicateStatement(StoreError):
    """The statement (same date, speaker and text) is already stored."""

    def __init__(self, message: str, *, existing_id: int | None = None):
        super().__init__(message)
        self.existing_id = existing_id


class StaleStatement(StoreError):
    """A statement changed by someone else since the caller read it: not overwritten or deleted.

    `current` is the statement as it is now, at `current_version`, so an editor can see what
    changed and start again from it.
    """

    def __init__(self, message: str, *, statement_id: int, current: Statement, current_version: int):
        super().__init__(message)
        self.statement_id = statement_id
        self.current = current
        self.current_version = current_version


class NotFound(StoreError, KeyError):
    """No statement has the given id (it may have been deleted meanwhile)."""

    def __str__(self) -> str:
        # KeyError would quote the message; show it as written.
        return str(self.args[0]) if self.args else ""


# SQLite result codes (Python 3.11+ exposes them) and PostgreSQL SQLSTATEs, to one reason each.
_READ_ONLY = "read-only"
_FULL = "full"
_BUSY = "busy"
_CANNOT_OPEN = "cannot-open"
_SQLITE_REASONS = {
    "SQLITE_READONLY": _READ_ONLY,
    "SQLITE_FULL": _FULL,
    "SQLITE_BUSY": _BUSY,
    "SQLITE_LOCKED": _BUSY,
    "SQLITE_CANTOPEN": _CANNOT_OPEN,
    "SQLITE_PERM": _READ_ONLY,
}
_POSTGRES_REASONS = {"25006": _READ_ONLY, "53100": _FULL, "55P03": _BUSY}


def error_reason(error: DBAPIError) -> str | None:
    """Why a database call failed, when it is a cause the user can do something about."""
    original = error.orig
    name = str(getattr(original, "sqlite_errorname", ""))
    for prefix, reason in _SQLITE_REASONS.items():
        if name.startswith(prefix):
            return reason
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return _POSTGRES_REASONS.get(str(state))


def store_error(error: DBAPIError, *, action: str, location: str) -> StoreError:
    """A one-line StoreError for a failed database call: what, where, what to do."""
    reason = error_reason(error)
    if reason == _READ_ONLY:
        return StoreError(f"{action}: the statements database is read-only ({location})")
    if reason == _FULL:
        return StoreError(f"{action}: the disk is full ({location}); free some space, try again")
    if reason == _BUSY:
        return StoreError(
            f"{action}: the statements database is busy ({location}); another program is "
            "writing to it, try again in a moment"
        )
    if reason == _CANNOT_OPEN:
        return StoreError(
            f"{action}: cannot open the statements database ({location}); check that the "
            "folder exists and is writable"
        )
    detail = str(error.orig).splitlines()[0] if error.orig is not None else str(error)
    return StoreError(f"{action}: database error ({location}): {detail}")


class UnknownSummit(StoreError, KeyError):
    """No summit has the given id (or a statement names one that is not stored)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class SummitInUse(StoreError):
    """A summit cannot be removed while statements belong to it."""
