"""Nesting depth is counted before JSON or TOML is parsed, outside strings and comments."""

from __future__ import annotations

import pytest

from summit_outlook.model.rules import MAX_RULES_DEPTH, default_rules_path
from summit_outlook.reading import InputError, check_nesting, nesting_depth


@pytest.mark.parametrize(
    ("text", "comments", "depth"),
    [
        ("[[[]]]", False, 3),
        ('{"a": [1, {"b": []}]}', False, 4),
        ('"[[[["', False, 0),
        ('{"a": "\\"[[["}', False, 1),
        ("'[[[' = [1]", True, 1),
        ("# [[[[\n[1]", True, 1),
        ('a = """[[ " ]]""" \nb = [[1]]', True, 2),
        ("a = '''[[[''' \nb = [1]", True, 1),
        ("[" * 30_000, False, 30_000),
        ("]]]][", False, 1),
    ],
)
def test_nesting_depth(text: str, comments: bool, depth: int) -> None:
    assert nesting_depth(text, comments=comments) == depth


def test_the_bundled_rules_are_well_within_the_limit() -> None:
    text = default_rules_path().read_text(encoding="utf-8")
    assert nesting_depth(text, comments=True) <= MAX_RULES_DEPTH // 4


def test_too_deep_is_refused_with_the_depth_and_the_limit() -> None:
    with pytest.raises(InputError, match=r"^x.json: nested 9 levels deep; a weights file needs at most 8$"):
        check_nesting("[" * 9, source="x.json", max_depth=8, what="weights file")
