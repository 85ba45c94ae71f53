"""The Statements tab, driven by AppTest on a temporary store: add, preview, edit, delete and undo,
CSV import, statements from an article, the editor secret, and stores that cannot save."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from summit_outlook.dashboard.auth import MAX_FAILED_SIGN_INS, SECRET_ENV, SIGN_IN_THROTTLE
from summit_outlook.dashboard.editor_access import SECRET_INPUT, SIGNED_IN
from summit_outlook.dashboard.store_access import STATEMENTS_ENV
from summit_outlook.extract import extract_statements
from summit_outlook.model.statements import Statement, bundled_statements_path, read_statements_csv
from summit_outlook.model.summits import bundled_sagas_path
from summit_outlook.paths import DB_URL_VARIABLE, bundled_file, dashboard_app
from summit_outlook.store import Store, fingerprint

APP = dashboard_app()
ARTICLE = bundled_file("sources", "trump-putin-summit-2025-11.txt")
BUNDLED = read_statements_csv(bundled_statements_path())
# What a new store is seeded with: the article's statements (ids 1-16) and the sagas' after them.
SEEDED = len(BUNDLED) + len(read_statements_csv(bundled_sagas_path()))
RUN_TIMEOUT_S = 60
VIEW = "view"
SECRET = "correct horse battery staple"
CANCELLATION = {
    # After the last bundled statement (17 Nov 2025): a leader's cancellation is a hard event.
    "date": dt.date(2025, 11, 20),
    "speaker": "Donald Trump",
    "role": "head_of_state",
    "side": "United States",
    "text": "The summit has been cancelled.",
    "summit": "trump-putin-2025",
}


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh store for each test (the app seeds it from the bundled data on first open)."""
    path = tmp_path / "statements.db"
    monkeypatch.setenv(DB_URL_VARIABLE, f"sqlite:///{path}")
    monkeypatch.delenv(STATEMENTS_ENV, raising=False)
    monkeypatch.delenv(SECRET_ENV, raising=False)
    return path


@pytest.fixture(autouse=True)
def fresh_sign_in_count() -> Iterator[None]:
    """Wrong passwords are counted per address for the whole process: each test starts at none."""
    SIGN_IN_THROTTLE.reset()
    yield
    SIGN_IN_THROTTLE.reset()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A second handle on the test's store, to check what the page saved."""
    with Store(f"sqlite:///{db_path}") as opened:
        yield opened


SUMMIT = "trump-putin-2025"


def page_caption(app: AppTest) -> str:
    """The summit page's caption that says how many statements it reads."""
    (caption,) = [caption.value for caption in app.caption if "dated statements" in caption.value]
    return caption


def count_of(store: Store, summit: str = "trump-putin-2025") -> int:
    """How many statements the summit's page shows (the bundled article's by default)."""
    return len(store.frame(summit=summit))


def make_read_only(path: Path, request: pytest.FixtureRequest) -> None:
    """Make a file unwritable, also for root (which ignores permission bits), until the test ends."""
    path.chmod(0o444)
    request.addfinalizer(lambda: path.chmod(0o644))
    if os.geteuid() != 0:
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
        pytest.skip("running as root and cannot set the immutable attribute (chattr +i)")
    request.addfinalizer(
        lambda: subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    )


def start(summit: str = "trump-putin-2025") -> AppTest:
    """The page of a summit (the bundled article's by default)."""
    app = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT_S)
    app.query_params["summit"] = summit
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def open_statements_tab(app: AppTest) -> AppTest:
    (label,) = [tab.label for tab in app.tabs if tab.label.endswith("Statements")]
    app.session_state[VIEW] = label
    return run(app)


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def click(app: AppTest, label: str) -> AppTest:
    (button,) = [button for button in app.button if button.label == label]
    button.click()
    return run(app)


def fill(app: AppTest, prefix: str, **values: object) -> None:
    for name, value in values.items():
        key = f"{prefix}_{name}"
        if name == "date":
            app.date_input(key=key).set_value(value)
        elif name in ("role", "summit"):
            app.selectbox(key=key).set_value(value)
        elif name == "kind":
            app.radio(key=key).set_value(value)
        elif name == "text":
            app.text_area(key=key).input(value)
        else:
            app.text_input(key=key).input(value)


def headline(app: AppTest) -> float:
    return float(app.metric[0].value)


def texts(app: AppTest) -> str:
    return "\n".join(element.value for element in app.text)


def next_to(app: AppTest, key: str):
    """The element right after the widget with `key`, in the same container: its error, if any."""
    pending = [app._tree]
    while pending:
        block = pending.pop()
        children = list(getattr(block, "children", {}).values())
        for position, child in enumerate(children):
            if getattr(child, "key", None) == key:
                return children[position + 1] if position + 1 < len(children) else None
        pending.extend(children)
    raise AssertionError(f"no widget with key {key!r}")


def stored_table(app: AppTest):
    """The Statements tab's table of stored statements (selectable only for editors)."""
    (table,) = [frame for frame in app.dataframe if {"text", "kind", "score"} <= set(frame.value.columns)]
    return table


def stored_table_key(app: AppTest) -> str:
    key = stored_table(app).key
    assert key and key.startswith("stored_table_"), key
    return key


def select_stored_row(app: AppTest, row: int) -> AppTest:
    app.session_state[stored_table_key(app)] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return run(app)


def editing_widgets(app: AppTest) -> list[str]:
    """Keys and labels of whatever could change the statements."""
    keys = [widget.key for widget in [*app.text_input, *app.text_area, *app.file_uploader] if widget.key]
    labels = [button.label for button in app.button]
    writers = ("new_", "article_", "import_file", "edit_")
    return [key for key in keys if key.startswith(writers)] + [
        label
        for label in labels
        if label in {"Save statement", "Preview", "Import file", "Find statements", "Undo last delete"}
    ]


# --- adding one statement ---------------------------------------------------------------------


def test_a_saved_cancellation_is_stored_and_lowers_the_outlook(store: Store) -> None:
    app = open_statements_tab(start())
    before, count = headline(app), count_of(store)
    fill(app, "new", **CANCELLATION)
    click(app, "Save statement")

    assert count_of(store) == count + 1
    assert [success.value for success in app.success] == ["Statement saved: the outlook includes it now."]
    assert "2025-11-20, Donald Trump (head_of_state): The summit has been cancelled." in texts(app)
    assert headline(app) < before
    assert app.metric[0].label == "Outlook on 20 Nov 2025"
    assert app.metric[1].value == "Off"
    stored = stored_table(app).value
    assert "The summit has been cancelled." in set(stored["text"])
    # Ready for the next one: the quote is cleared, the speaker kept.
    assert app.text_area(key="new_text").value == ""
    assert app.text_input(key="new_speaker").value == "Donald Trump"


def test_a_statement_saved_in_another_session_shows_on_the_next_run(store: Store) -> None:
    app = start()
    before = headline(app)
    store.add(Statement.model_validate(CANCELLATION))
    run(app)
    assert headline(app) < before
    assert "read from its 17 dated statements" in page_caption(app)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"speaker": ""}, {"new_speaker": "Speaker is empty"}),
        ({"text": "   "}, {"new_text": "Quote is empty"}),
        ({"speaker": "", "text": ""}, {"new_speaker": "Speaker is empty", "new_text": "Quote is empty"}),
    ],
)
def test_a_bad_field_is_marked_beside_it_and_nothing_is_saved(store: Store, values, expected) -> None:
    app = open_statements_tab(start())
    count = count_of(store)
    fill(app, "new", **{**CANCELLATION, **values})
    click(app, "Save statement")

    assert count_of(store) == count
    for key, message in expected.items():
        marked = next_to(app, key)
        assert marked is not None and marked.type == "error" and marked.value == message
    assert "Not saved: correct the marked fields." in [error.value for error in app.error]
    assert not app.success


def test_the_preview_shows_score_and_explanation_before_saving(store: Store) -> None:
    app = open_statements_tab(start())
    count = count_of(store)
    fill(app, "new", **{**CANCELLATION, "text": "A meeting is not completely off the table."})
    click(app, "Preview")

    assert count_of(store) == count
    # The preview shows what the model reads (computed through it, not pinned here).
    from summit_outlook.model.explain import describe_signal, explain_texts
    from summit_outlook.model.rules import default_rules
    from summit_outlook.model.scoring import Weights

    rules = default_rules()
    (explained,) = explain_texts(
        ["A meeting is not completely off the table."], rules, Weights.defaults(rules)
    )
    score = explained["score"]
    assert f"**Preview: score {score:+.2f}**, raises the outlook" in [
        markdown.value for markdown in app.markdown
    ]
    assert describe_signal(explained["signals"][0]) in texts(app)
    (change,) = [caption.value for caption in app.caption if caption.value.startswith("If saved,")]
    assert re.search(
        r"it is now \d+\.\d \((Off|Stalled|Uncertain|Possible|Likely|Scheduled)\) on 17 Nov 2025\.$", change
    )


def test_statement_text_is_shown_as_plain_text_never_as_markdown(store: Store) -> None:
    tricky = "**Bold** <b>tag</b> [link](https://example.com) $x^2$ :red[alarm] the summit was cancelled"
    app = open_statements_tab(start())
    fill(app, "new", **{**CANCELLATION, "text": tricky, "speaker": "_Speaker_ <i>"})
    click(app, "Preview")
    click(app, "Save statement")

    assert store.frame(summit=SUMMIT)["text"].iloc[-1] == tricky
    assert tricky in texts(app)
    rendered = [
        element.value for element in [*app.markdown, *app.caption, *app.success, *app.error, *app.warning]
    ]
    assert not [value for value in rendered if "Bold" in value or "_Speaker_" in value]


def test_a_duplicate_is_refused_with_a_clear_message(store: Store) -> None:
    first = BUNDLED[0]
    app = open_statements_tab(start())
    count = count_of(store)
    fill(app, "new", date=first.date, speaker=first.speaker, role=first.role.value, text=first.text)
    click(app, "Save statement")

    assert count_of(store) == count
    assert [warning.value for warning in app.warning] == ["Not saved: this statement is already stored."]
    assert "already stored as statement" in texts(app)


# --- editing, deleting, undoing ---------------------------------------------------------------


def test_a_selected_statement_can_be_edited(store: Store) -> None:
    app = open_statements_tab(start())
    newest = store.frame(summit=SUMMIT).iloc[-1]
    select_stored_row(app, 0)  # newest first
    prefix = f"edit_{newest['id']}"
    assert app.text_area(key=f"{prefix}_text").value == newest["text"]

    app.text_area(key=f"{prefix}_text").input("We hope the summit will take place in December.")
    click(app, "Save changes")

    assert store.get(int(newest["id"])).text == "We hope the summit will take place in December."
    assert [success.value for success in app.success] == ["Changes saved."]
    assert count_of(store) == len(BUNDLED)


def test_an_edit_with_an_emptied_field_is_refused_beside_it(store: Store) -> None:
    app = open_statements_tab(start())
    newest = store.frame(summit=SUMMIT).iloc[-1]
    select_stored_row(app, 0)
    prefix = f"edit_{newest['id']}"
    app.text_input(key=f"{prefix}_speaker").input("")
    click(app, "Save changes")

    assert next_to(app, f"{prefix}_speaker").value == "Speaker is empty"
    assert store.get(int(newest["id"])).speaker == newest["speaker"]


def test_delete_and_undo_last_delete(store: Store) -> None:
    app = open_statements_tab(start())
    newest = store.frame(summit=SUMMIT).iloc[-1]
    select_stored_row(app, 0)
    click(app, "Delete statement")

    assert count_of(store) == len(BUNDLED) - 1
    assert int(newest["id"]) not in set(store.frame(summit=SUMMIT)["id"])
    assert [success.value for success in app.success] == ["Statement deleted."]
    assert newest["text"] in texts(app)

    click(app, "Undo last delete")
    assert count_of(store) == len(BUNDLED)
    assert store.get(int(newest["id"])).text == newest["text"]
    assert [success.value for success in app.success] == ["Statement restored."]
    assert not [button for button in app.button if button.label == "Undo last delete"]


def test_undo_restores_this_sessions_delete_not_another_editors(store: Store) -> None:
    mine, theirs = open_statements_tab(start()), open_statements_tab(start())
    frame = store.frame(summit=SUMMIT)
    my_id, their_id = int(frame.iloc[-1]["id"]), int(frame.iloc[-2]["id"])
    select_stored_row(mine, 0)  # the newest statement first
    click(mine, "Delete statement")
    run(theirs)
    select_stored_row(theirs, 0)  # now the one before it
    click(theirs, "Delete statement")
    assert {my_id, their_id}.isdisjoint(set(store.frame(summit=SUMMIT)["id"]))

    click(mine, "Undo last delete")
    ids = set(store.frame(summit=SUMMIT)["id"])
    assert my_id in ids and their_id not in ids
    assert [success.value for success in mine.success] == ["Statement restored."]
    assert not [button for button in mine.button if button.label == "Undo last delete"]


def test_undo_of_a_delete_the_trash_no_longer_holds_says_so(store: Store) -> None:
    app = open_statements_tab(start())
    newest = int(store.frame(summit=SUMMIT).iloc[-1]["id"])
    select_stored_row(app, 0)
    click(app, "Delete statement")
    assert store.undo_last_delete() == newest  # restored elsewhere, say from the command line
    click(app, "Undo last delete")
    assert [warning.value for warning in app.warning] == [
        "Nothing to undo: that delete is no longer in the trash (undone elsewhere, or older than "
        "the 100 deletes it keeps)."
    ]
    assert count_of(store) == len(BUNDLED)


# --- importing a CSV file ---------------------------------------------------------------------


def import_file(app: AppTest, name: str, data: bytes) -> AppTest:
    (uploader,) = [widget for widget in app.file_uploader if (widget.key or "").startswith("import_file_")]
    uploader.upload(name, data, "text/csv")
    run(app)
    return click(app, "Import file")


def test_a_bad_csv_lists_every_bad_row_and_field_and_imports_nothing(store: Store) -> None:
    bad = (
        b"date,speaker,text,role\n"
        b"2025-11-20,Dmitry Peskov,The summit has been postponed.,spokesperson\n"
        b"2025-02-30,Sergei Lavrov,We are ready to meet.,minister\n"
        b"2025-11-21,,We are ready to meet.,king\n"
    )
    app = open_statements_tab(start())
    import_file(app, "mine.csv", bad)

    assert count_of(store) == len(BUNDLED)
    assert [error.value for error in app.error] == [
        "Nothing imported: 3 problems in the file. Rows are counted from the first line after the header."
    ]
    assert _problems_table(app) == [
        (2, "date", "not a date: '2025-02-30' (expected YYYY-MM-DD)"),
        (3, "speaker", "is empty"),
        (
            3,
            "role",
            "unknown role 'king'; use one of head_of_state, minister, spokesperson, envoy, official, other",
        ),
    ]
    assert "mine.csv" in texts(app)


def _problems_table(app: AppTest) -> list[tuple[int, str, str]]:
    (table,) = [
        frame.value for frame in app.dataframe if list(frame.value.columns) == ["row", "field", "problem"]
    ]
    return [(int(row), field, problem) for row, field, problem in table.itertuples(index=False)]


def test_an_unreadable_csv_says_why_and_imports_nothing(store: Store) -> None:
    app = open_statements_tab(start())
    import_file(app, "latin.csv", "date,speaker,text\n2025-11-20,Sergueï Lavrov,déjà vu\n".encode("latin-1"))
    assert count_of(store) == len(BUNDLED)
    assert [error.value for error in app.error] == [
        "Nothing imported: the file cannot be read as statements."
    ]
    assert "latin.csv: not UTF-8 text (line 2" in texts(app)


def test_a_good_csv_imports_and_counts_the_duplicates_it_skips(store: Store) -> None:
    lines = ["date,speaker,role,side,text"]
    lines += [
        f"2025-11-{day},Dmitry Peskov,spokesperson,Russia,We are ready to meet on the {day}th."
        for day in (20, 21, 22)
    ]
    lines += [f'{s.date.isoformat()},{s.speaker},{s.role.value},{s.side},"{s.text}"' for s in BUNDLED[-2:]]
    app = open_statements_tab(start())
    import_file(app, "more.csv", ("\n".join(lines) + "\n").encode())

    assert count_of(store) == len(BUNDLED) + 3
    assert [success.value for success in app.success] == ["Imported 3, skipped 2 already stored."]
    # The uploader starts empty again, so the same file is not imported twice by accident.
    (uploader,) = [widget for widget in app.file_uploader if (widget.key or "").startswith("import_file_")]
    assert not uploader.value


# --- statements from an article ---------------------------------------------------------------


def find_statements(app: AppTest, published: dt.date = dt.date(2025, 11, 18)) -> AppTest:
    app.text_area(key="article_text").input(ARTICLE.read_text(encoding="utf-8"))
    app.date_input(key="article_published").set_value(published)
    app.text_input(key="article_source").input("https://example.com/article")
    return click(app, "Find statements")


def candidates_key(app: AppTest) -> str:
    (editor,) = [frame for frame in app.dataframe if (frame.key or "").startswith("candidates_")]
    return editor.key


def test_an_article_becomes_candidates_and_the_kept_ones_are_saved(store: Store) -> None:
    candidates = extract_statements(ARTICLE.read_text(encoding="utf-8"), published=dt.date(2025, 11, 18))
    stored = {fingerprint(statement) for statement in BUNDLED}
    app = open_statements_tab(start())
    find_statements(app)

    key = candidates_key(app)
    table = app.dataframe(key=key).value
    assert len(table) == len(candidates)
    assert list(table["speaker"]) == [candidate.speaker for candidate in candidates]
    assert table["keep"].all()

    # Leave out the first candidate; keep the rest.
    app.session_state[key] = {"edited_rows": {0: {"keep": False}}, "added_rows": [], "deleted_rows": []}
    run(app)
    kept = [
        Statement.model_validate(
            candidate.model_dump(include={"date", "speaker", "role", "side", "text", "kind"})
        )
        for candidate in candidates[1:]
    ]
    new = {fingerprint(statement) for statement in kept} - stored
    click(app, f"Save {len(kept)} kept statements")

    assert count_of(store) == len(BUNDLED) + len(new)
    assert 0 < len(new) < len(kept)  # some of the article's statements are already in the bundled data
    assert [success.value for success in app.success] == [
        f"Saved {len(new)}, skipped {len(kept) - len(new)} already stored."
    ]
    frame = store.frame(summit=SUMMIT)
    assert candidates[0].text not in set(frame["text"])
    assert set(frame.loc[frame["id"] > SEEDED, "source"]) == {"https://example.com/article"}
    assert not [frame for frame in app.dataframe if (frame.key or "").startswith("candidates_")]


def test_the_publications_country_fills_in_officials_named_by_a_bare_title(store: Store) -> None:
    """The bundled article's Trump is the United States' anyway (office_holders); a made-up
    senator named by a bare title takes the publication's country."""
    app = open_statements_tab(start())
    find_statements(app)
    table = app.dataframe(key=candidates_key(app)).value
    assert set(table.loc[table["speaker"] == "Donald Trump", "side"]) == {"United States"}

    app.text_area(key="article_text").input(
        "Senator Jan Novak said on Monday that U.S. diplomats would keep talking to Moscow."
    )
    click(app, "Find statements")
    table = app.dataframe(key=candidates_key(app)).value
    assert list(table["side"]) == ["unknown"]
    app.text_input(key="article_home_side").input("United States")
    click(app, "Find statements")
    table = app.dataframe(key=candidates_key(app)).value
    assert list(zip(table["speaker"], table["side"], strict=True)) == [("Jan Novak", "United States")]


def test_a_bad_kept_row_is_listed_by_row_and_field_and_nothing_is_saved(store: Store) -> None:
    app = open_statements_tab(start())
    find_statements(app)
    key = candidates_key(app)
    app.session_state[key] = {
        "edited_rows": {1: {"speaker": ""}, 3: {"text": ""}},
        "added_rows": [],
        "deleted_rows": [],
    }
    run(app)
    (save,) = [
        button.label for button in app.button if button.label.startswith("Save ") and "kept" in button.label
    ]
    click(app, save)

    assert count_of(store) == len(BUNDLED)
    assert [error.value for error in app.error] == [
        "Nothing saved: 2 problems in the kept rows; correct them in the table (rows as numbered there)."
    ]
    assert _problems_table(app) == [(2, "speaker", "is empty"), (4, "text", "is empty")]
    assert candidates_key(app) == key  # the table and its edits stay for correcting


# --- who may edit -----------------------------------------------------------------------------


def test_too_many_wrong_passwords_pause_signing_in_even_with_the_right_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    app = open_statements_tab(start())
    for _ in range(MAX_FAILED_SIGN_INS):
        app.text_input(key=SECRET_INPUT).input("guess")
        click(app, "Sign in")
        assert [error.value for error in app.error] == ["That is not the editor password."]
    # A new session (a new tab) from the same address is paused too; the right password waits.
    other = open_statements_tab(start())
    other.text_input(key=SECRET_INPUT).input(SECRET)
    click(other, "Sign in")
    assert [error.value for error in other.error] == [
        "Too many wrong passwords from your address: signing in is paused for 5 minutes."
    ]
    assert editing_widgets(other) == []
    assert other.session_state[SIGNED_IN] is False


def test_with_an_editor_secret_editing_needs_signing_in(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    app = open_statements_tab(start())
    assert editing_widgets(app) == []
    # Viewing (and searching the statements) stays open; no field of a statement or summit shows.
    assert [text_input.label for text_input in app.text_input] == ["Editor password", "Search"]
    # Viewing stays open: the stored statements are listed.
    assert stored_table(app).value.shape[0] == len(BUNDLED)

    app.text_input(key=SECRET_INPUT).input("wrong")
    click(app, "Sign in")
    assert [error.value for error in app.error] == ["That is not the editor password."]
    assert editing_widgets(app) == []

    app.text_input(key=SECRET_INPUT).input(SECRET)
    click(app, "Sign in")
    assert not app.error
    assert "new_speaker" in editing_widgets(app)
    assert app.session_state[SIGNED_IN] is True
    # Only that yes/no is kept: the secret is in no session value, the URL or the page.
    assert SECRET not in repr(app.session_state.to_dict())
    assert SECRET not in repr(app._session_state)  # every key, unkeyed widgets' values included
    assert SECRET not in repr(dict(app.query_params))
    assert SECRET not in texts(app)

    fill(app, "new", **CANCELLATION)
    click(app, "Save statement")
    assert count_of(store) == len(BUNDLED) + 1

    click(app, "Sign out")
    assert editing_widgets(app) == []
    assert SECRET not in repr(dict(app.query_params))


def test_with_an_editor_secret_viewing_weights_and_downloads_stay_open(monkeypatch, db_path: Path) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    app = start()
    assert app.slider and app.metric
    assert {"Chart HTML (offline)", "Outlook CSV", "Statements CSV"} <= {
        button.label for button in app.download_button
    }
    assert not [text_input for text_input in app.text_input if text_input.label == "Editor password"]


def test_without_a_secret_editing_is_open_and_nothing_is_said_about_signing_in(db_path: Path) -> None:
    app = open_statements_tab(start())
    assert "new_speaker" in editing_widgets(app)
    assert not [button for button in app.button if button.label in {"Sign in", "Sign out"}]
    said = " ".join(element.value for element in [*app.markdown, *app.caption, *app.info])
    assert not re.search(r"\bsign(ed)? (in|out)\b|password|editor", said, flags=re.IGNORECASE)


# --- stores that cannot save ------------------------------------------------------------------


@pytest.mark.parametrize("how", ["read-only URL", "file permissions"])
def test_a_read_only_store_still_shows_the_page_and_says_saving_is_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, how: str
) -> None:
    path = tmp_path / "data" / "statements.db"
    path.parent.mkdir()
    with Store(f"sqlite:///{path}") as writable:
        writable.import_statements(BUNDLED)
    if how == "read-only URL":
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
        reason = f"Why: the statements database is opened read-only ({path})"
    else:
        make_read_only(path, request)
        url = f"sqlite:///{path}"
        reason = f"Why: the statements database is read-only ({path})"
    monkeypatch.setenv(DB_URL_VARIABLE, url)
    monkeypatch.delenv(STATEMENTS_ENV, raising=False)
    monkeypatch.delenv(SECRET_ENV, raising=False)

    app = start()
    assert app.metric[0].label == "Outlook on 17 Nov 2025"
    assert {"Outlook CSV", "Statements CSV"} <= {button.label for button in app.download_button}
    open_statements_tab(app)
    assert [warning.value for warning in app.warning] == [
        "Saving is unavailable, so statements cannot be added, edited or imported. "
        "Viewing, weights and downloads still work."
    ]
    assert reason in texts(app)
    assert editing_widgets(app) == []
    assert stored_table(app).value.shape[0] == len(BUNDLED)


def test_a_store_that_cannot_be_opened_shows_the_bundled_statements(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be", encoding="utf-8")
    monkeypatch.setenv(DB_URL_VARIABLE, f"sqlite:///{blocker / 'statements.db'}")
    monkeypatch.delenv(STATEMENTS_ENV, raising=False)

    app = start()
    assert [warning.value for warning in app.warning] == [
        "The statements database cannot be opened, so the bundled statements are shown and saving is unavailable."
    ]
    assert "Why: cannot create the folder for the statements database" in texts(app)
    assert app.metric[0].label == "Outlook on 17 Nov 2025"
    open_statements_tab(app)
    assert editing_widgets(app) == []


def test_a_statements_file_named_in_the_environment_is_shown_read_only(tmp_path: Path, monkeypatch) -> None:
    csv_path = tmp_path / "statements.csv"
    csv_path.write_text(
        "date,speaker,text\n2025-11-20,Dmitry Peskov,The summit has been cancelled.\n", encoding="utf-8"
    )
    db_path = tmp_path / "never-created.db"
    monkeypatch.setenv(STATEMENTS_ENV, str(csv_path))
    monkeypatch.setenv(DB_URL_VARIABLE, f"sqlite:///{db_path}")

    app = open_statements_tab(start())
    assert "read from its 1 dated statements" in page_caption(app)
    assert [info.value for info in app.info][0].startswith("These statements come from the file named by")
    assert str(csv_path) in texts(app)
    assert editing_widgets(app) == []
    assert not db_path.exists()


def test_a_statements_file_changed_while_the_page_is_open_is_matched_again(
    tmp_path: Path, monkeypatch
) -> None:
    # The page keeps matched statements per revision (the file and its modification time), so an
    # edit shows on the next run and an unchanged file is not matched again.
    csv_path = tmp_path / "statements.csv"
    header_and_first = "date,speaker,text\n2025-11-18,Dmitry Peskov,We are ready to meet.\n"
    csv_path.write_text(header_and_first, encoding="utf-8")
    monkeypatch.setenv(STATEMENTS_ENV, str(csv_path))
    monkeypatch.setenv(DB_URL_VARIABLE, f"sqlite:///{tmp_path / 'never-created.db'}")
    app = start()
    before = float(app.metric[0].value)
    assert "read from its 1 dated statements" in page_caption(app)

    csv_path.write_text(
        header_and_first + "2025-11-20,Dmitry Peskov,The summit has been cancelled.\n", encoding="utf-8"
    )
    os.utime(csv_path, ns=(csv_path.stat().st_atime_ns, csv_path.stat().st_mtime_ns + 1_000_000))
    app.run()
    assert "read from its 2 dated statements" in page_caption(app)
    assert app.metric[0].label == "Outlook on 20 Nov 2025"
    assert float(app.metric[0].value) < before


def test_a_secret_configured_while_the_page_is_open_applies_to_the_next_write(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_statements_tab(start())
    fill(app, "new", **CANCELLATION)
    monkeypatch.setenv(SECRET_ENV, SECRET)
    click(app, "Save statement")

    assert count_of(store) == len(BUNDLED)
    assert [error.value for error in app.error] == ["Nothing changed: sign in as an editor first."]
    assert editing_widgets(app) == []
