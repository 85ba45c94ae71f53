"""Scoring any text: never raises, stays in [-1, 1], is deterministic, and has no pathological slow-down."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit_outlook.model.explain import explain_texts, score_texts
from summit_outlook.model.matching import match_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights

RULES = default_rules()
WEIGHTS = Weights.defaults(RULES)

# Real vocabulary mixed with arbitrary Unicode, so generated texts actually hit the rules.
WORDS = st.sampled_from(
    [
        "summit",
        "meeting",
        "talks",
        "cancelled",
        "not",
        "n't",
        "don't",
        "completely",
        "off",
        "the",
        "table",
        "but",
        "however",
        "possibly",
        "at some point",
        "definitely",
        "no plans to meet",
        "scheduled",
        "hope",
        "stalled",
        ".",
        ",",
        "!",
        "?",
        ";",
        "\u201c",
        "\u201d",
        "\u2019",
        "\x00",
        "\n",
        "\u2014",
        "Ünïcödé",
        "\U0001f600",
        "\u0130",
        "ß",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=8))
def test_any_text_scores_within_bounds_deterministically(texts: list[str]) -> None:
    copies = list(texts)
    scores, matches = score_texts(texts, RULES, WEIGHTS)
    assert texts == copies  # inputs untouched
    assert all(-1.0 <= score <= 1.0 for score in scores)
    assert len(scores) == len(texts)
    again, _ = score_texts(texts, RULES, WEIGHTS)
    assert again == scores
    for row in matches.itertuples():
        assert 0 <= row.start < row.end <= len(texts[row.statement])


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_explanations_point_into_the_text(text: str) -> None:
    (record,) = explain_texts([text], RULES, WEIGHTS)
    for signal in record["signals"]:
        matched = text[signal["start"] : signal["end"]]
        assert matched.replace("\u2019", "'").replace("\u2018", "'") == signal["matched"].replace(
            "\u2019", "'"
        )


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, min_size=2, max_size=6))
def test_a_statement_scores_the_same_alone_or_in_a_batch(texts: list[str]) -> None:
    batch, _ = score_texts(texts, RULES, WEIGHTS)
    alone = [score_texts([text], RULES, WEIGHTS)[0][0] for text in texts]
    assert batch == alone


MEGABYTE = 1_000_000


@pytest.mark.parametrize(
    "unit",
    [
        "not ",
        "possibly ",
        "not completely off the table ",
        "the summit was not cancelled but ",
        "we hope to meet, ",
        "a" * 50 + " ",
        "... ",
        "the summit " + "x" * 200 + " ",
    ],
)
def test_a_megabyte_of_repetition_scores_quickly(unit: str) -> None:
    """Reported as a time, not asserted tightly: the bound only catches quadratic blow-ups.

    CPU time of this process, not wall time: under `make test` the other worker may be running
    ten browsers at once, which once stretched a 0.3 s run to 6.7 s of wall time.
    """
    text = unit * (MEGABYTE // len(unit))
    started = time.process_time()
    scores, _ = score_texts([text], RULES, WEIGHTS)
    elapsed = time.process_time() - started
    assert -1.0 <= scores[0] <= 1.0
    assert elapsed < 5.0, f"{elapsed:.1f} s for 1 MB of {unit!r}"


def test_user_phrases_cannot_cause_runaway_matching() -> None:
    """The nastiest phrases the language allows, on text made to match their first word everywhere."""
    import copy
    import tomllib

    from summit_outlook.model.rules import default_rules_path, parse_rules

    data = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    hostile = copy.deepcopy(data)
    hostile["reader"].update(argument_window=12, adverb_gap=3)
    hostile["families"][0]["predicates"] = ["meet meet? meet? meet? {MEETING} {MEETING}? talks", "meet"]
    rules = parse_rules(hostile, source="hostile.toml")
    text = "meet " * 200_000
    started = time.process_time()  # CPU time: other processes' load does not count
    score_texts([text], rules, Weights.defaults(rules))
    assert time.process_time() - started < 10.0


FAMILY_WEIGHTS = st.fixed_dictionaries(
    {family_id: st.floats(0.0, 3.0, allow_nan=False) for family_id in RULES.family_ids}
)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6), FAMILY_WEIGHTS)
def test_bulk_scoring_agrees_with_scoring_a_match_table(texts: list[str], families: dict[str, float]) -> None:
    """score_texts scores match columns before they become a frame; the dashboard re-weights a
    cached match table. Both must give the same scores, contributions and table."""
    import pandas as pd

    from summit_outlook.model.scoring import signal_contributions

    weights = Weights(families=families, roles=WEIGHTS.roles, half_life_days=WEIGHTS.half_life_days)
    scores, table = score_texts(texts, RULES, weights)
    matches = match_texts(texts, RULES)
    expected_scores, contributions = signal_contributions(matches, len(texts), RULES, weights)
    assert scores == expected_scores.tolist()
    pd.testing.assert_frame_equal(table, matches.assign(contribution=contributions))
