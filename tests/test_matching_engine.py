"""The Hyperscan prefilter changes speed, never results."""

from __future__ import annotations

import gc
import random

import pandas as pd
import pytest

from summit_outlook.model.matching import compile_rules, match_texts
from summit_outlook.model.rules import default_rules
from tests.test_signals import ARTICLE_PHRASES, GENERAL_CASES

RULES = default_rules()


def varied_statements(count: int, seed: int = 7) -> list[str]:
    """Real test phrasings cut and recombined with filler, accents, quotes and dashes."""
    rng = random.Random(seed)
    phrases = [text for text, *_ in ARTICLE_PHRASES] + [text for text, _ in GENERAL_CASES]
    filler = [
        "Officials in Zürich said on Monday",
        "according to the ministry \u2014 which declined to comment further \u2014",
        "\u201cWe\u2019ll see,\u201d the aide said.",
        "Trade volumes rose 3% in the quarter.",
        "but",
        "not",
        "the café near the embassy was closed",
    ]
    texts = []
    for _ in range(count):
        parts = rng.sample(phrases, rng.randint(0, 2)) + rng.sample(filler, rng.randint(0, 3))
        rng.shuffle(parts)
        texts.append(" ".join(parts))
    return texts


def test_prefilter_is_in_use_here() -> None:
    assert compile_rules(RULES).prefilter is not None, "hyperscan should be installed by make test"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_prefilter_gives_the_same_matches_as_plain_python(seed: int) -> None:
    texts = varied_statements(400, seed)
    fast = match_texts(texts, RULES)
    plain = match_texts(texts, RULES, use_prefilter=False)
    assert len(fast) > 100
    pd.testing.assert_frame_equal(fast, plain)


def test_a_corrupt_prefilter_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    from summit_outlook.model.prefilter import build_prefilter
    from summit_outlook.paths import CACHE_VARIABLE

    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    regexes = [r"\bsummit\b", r"\bcancel\w{0,5}\b"]
    texts = ["the summit", "nothing", "we cancelled"]
    first = build_prefilter(regexes)
    (cached,) = tmp_path.glob("hyperscan-*.db")
    cached.write_bytes(b"not a database")
    rebuilt = build_prefilter(regexes)
    pairs = [
        list(zip(*found.candidates(texts, "\x00".join(texts)), strict=True)) for found in (first, rebuilt)
    ]
    assert pairs[0] == pairs[1] == [(0, 0), (2, 1)]


def test_matching_in_many_threads_at_once() -> None:
    """The dashboard matches in several sessions' threads at once; each scan needs its own scratch."""
    from concurrent.futures import ThreadPoolExecutor

    texts = varied_statements(3000, seed=11)
    expected = match_texts(texts, RULES)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: match_texts(texts, RULES), range(12)))
    for result in results:
        pd.testing.assert_frame_equal(result, expected)


@pytest.mark.parametrize("collector_on", [True, False])
def test_matching_leaves_the_garbage_collector_as_it_found_it(collector_on: bool) -> None:
    """Matching pauses cyclic collection while it runs (see model/matching.py), and only then."""
    was_on = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        match_texts(varied_statements(50), RULES)
        assert gc.isenabled() is collector_on
        with pytest.raises(TypeError):
            match_texts([None], RULES)  # type: ignore[list-item]  # fails inside the pause
        assert gc.isenabled() is collector_on
    finally:
        (gc.enable if was_on else gc.disable)()


def test_the_collector_comes_back_after_batches_in_many_threads_overlap() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = varied_statements(2000, seed=5)
    assert gc.isenabled()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: match_texts(texts, RULES), range(8)))
    assert gc.isenabled()
