"""Where files live: the bundled data inside the package, the user's own files in per-user folders.

Nothing is ever written inside the installed package: the statement store goes to the user's data
folder (platformdirs: on Linux ~/.local/share/summit-outlook, following XDG_DATA_HOME), unless
SUMMIT_OUTLOOK_DB_URL says otherwise.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

# The folder name under the user's data and cache folders.
APP_NAME = "summit-outlook"
# The package whose files are the bundled data (the repository's data/ folder).
DATA_PACKAGE = "summit_outlook.data"
DB_URL_VARIABLE = "SUMMIT_OUTLOOK_DB_URL"
# The proxies whose X-Forwarded-For the server believes (uvicorn's setting: comma-separated
# addresses or networks), beside the project's own variables because both the command that serves
# and the dashboard's sign-in throttle read it (see dashboard.auth.throttle_client).
TRUSTED_PROXIES_VARIABLE = "FORWARDED_ALLOW_IPS"
STATEMENTS_DB_NAME = "statements.db"


def bundled_file(*parts: str) -> Path:
    """A file shipped in the package's data, e.g. bundled_file("sources", "article.txt").

    A path, not a resource handle: the package installs as plain files (wheels, editable
    installs), and the callers name the file in their messages.
    """
    return Path(os.fspath(files(DATA_PACKAGE).joinpath(*parts)))


def user_data_folder() -> Path:
    """The per-user folder an installed copy keeps its statement store in."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def database_url() -> str:
    """The statement store's URL: $SUMMIT_OUTLOOK_DB_URL, else a SQLite file in the data folder."""
    configured = os.environ.get(DB_URL_VARIABLE, "").strip()
    return configured or f"sqlite:///{user_data_folder() / STATEMENTS_DB_NAME}"


def dashboard_app() -> Path:
    """The dashboard's Streamlit script, wherever the package is installed."""
    return Path(os.fspath(files("summit_outlook.dashboard").joinpath("app.py")))
