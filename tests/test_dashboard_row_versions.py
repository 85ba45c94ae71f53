"""Two editors on one statement in the dashboard (issue 15, item 3): the second save is refused with
what changed and a way to reload, instead of overwriting the first and telling both "Changes saved"."""

from __future__ import annotations

from summit_outlook.store import Store
from tests import test_dashboard_editing as editing
from tests.test_dashboard_editing import click, open_statements_tab, run, select_stored_row, start, texts

# The dashboard tests' fixtures: a fresh store per test, and a fresh sign-in count.
db_path = editing.db_path
store = editing.store
fresh_sign_in_count = editing.fresh_sign_in_count

NEW_TEXT = "We hope the summit will take place in December."
NOTE = "Said at a press briefing."


def two_editors_on_the_newest(store: Store):
    """Sessions A and B, each with the newest statement open in its edit form."""
    a, b = open_statements_tab(start()), open_statements_tab(start())
    newest = store.frame(summit="trump-putin-2025").iloc[-1]
    for app in (a, b):
        select_stored_row(app, 0)  # newest first
    return a, b, int(newest["id"]), newest


def test_the_second_of_two_saves_from_the_same_reading_is_refused(store: Store) -> None:
    a, b, statement_id, original = two_editors_on_the_newest(store)
    prefix = f"edit_{statement_id}"

    a.text_area(key=f"{prefix}_text").input(NEW_TEXT)
    click(a, "Save changes")
    assert [success.value for success in a.success] == ["Changes saved."]

    b.text_input(key=f"{prefix}_note").input(NOTE)
    click(b, "Save changes")
    assert not b.success
    assert [warning.value for warning in b.warning] == [
        "Not saved: someone else changed this statement after you opened it. Reload the statement "
        "to see their version, then make your change again."
    ]
    shown = texts(b)
    (changed,) = [line for line in shown.splitlines() if line.startswith("Quote: ")]
    assert changed.startswith(f"Quote: {original['text'][:40]!r}"[:-1]) and changed.endswith(
        f" -> {NEW_TEXT!r}"
    )
    assert f"Your version, not saved:\n{original['date']:%Y-%m-%d}, {original['speaker']}" in shown
    stored = store.get(statement_id)
    assert (stored.text, stored.note) == (NEW_TEXT, original["note"])  # A's change kept, B's not made

    # B's form stays open with B's draft, and Reload brings in A's version.
    assert b.text_input(key=f"{prefix}_note").value == NOTE
    click(b, "Reload the statement")
    assert b.text_area(key=f"{prefix}_text").value == NEW_TEXT
    assert b.text_input(key=f"{prefix}_note").value == original["note"]
    b.text_input(key=f"{prefix}_note").input(NOTE)
    click(b, "Save changes")
    assert [success.value for success in b.success] == ["Changes saved."]
    stored = store.get(statement_id)
    assert (stored.text, stored.note) == (NEW_TEXT, NOTE)


def test_a_delete_of_a_statement_changed_since_it_was_opened_is_refused(store: Store) -> None:
    a, b, statement_id, _ = two_editors_on_the_newest(store)
    prefix = f"edit_{statement_id}"
    a.text_area(key=f"{prefix}_text").input(NEW_TEXT)
    click(a, "Save changes")

    click(b, "Delete statement")
    assert b.warning[0].value.startswith("Not deleted: someone else changed this statement")
    assert store.get(statement_id).text == NEW_TEXT
    click(b, "Reload the statement")
    click(b, "Delete statement")
    assert [success.value for success in b.success] == ["Statement deleted."]
    assert statement_id not in set(store.frame(summit="trump-putin-2025")["id"])


def test_saving_twice_in_one_session_is_not_a_conflict(store: Store) -> None:
    app, _, statement_id, _ = two_editors_on_the_newest(store)
    prefix = f"edit_{statement_id}"
    app.text_area(key=f"{prefix}_text").input(NEW_TEXT)
    click(app, "Save changes")
    app.text_input(key=f"{prefix}_note").input(NOTE)
    click(app, "Save changes")
    assert [success.value for success in app.success] == ["Changes saved."]
    stored = store.get(statement_id)
    assert (stored.text, stored.note) == (NEW_TEXT, NOTE)


def test_close_closes_the_form_whether_or_not_its_row_is_selected(store: Store) -> None:
    a, b, statement_id, _ = two_editors_on_the_newest(store)
    prefix = f"edit_{statement_id}"
    click(a, "Close")  # selected in A's table
    assert f"{prefix}_text" not in [area.key for area in a.text_area]
    select_stored_row(a, 1)
    assert [area.key for area in a.text_area if area.key.startswith("edit_")] != []

    store.update(statement_id, store.get(statement_id).model_copy(update={"note": NOTE}))
    run(b)  # B's table is renewed by that write: the form stays open, unselected
    assert b.text_area(key=f"{prefix}_text").value
    click(b, "Close")
    assert f"{prefix}_text" not in [area.key for area in b.text_area]
