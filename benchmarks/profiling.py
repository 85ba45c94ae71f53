"""Where the time goes: cProfile of bulk scoring, the top functions by cumulative time.

`python -m benchmarks.profiling [--size N] [--top K]` (or `python -m benchmarks --profile`).
Named profiling, not profile, so that running a file from this folder never shadows the
standard library's `profile`, which cProfile imports.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time

from benchmarks import corpus
from summit_outlook.model.explain import score_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights

PROFILE_SIZE = 100_000
TOP = 15
WARM_UP = 5_000


def profile_bulk_scoring(size: int = PROFILE_SIZE, *, top: int = TOP, seed: int = corpus.DEFAULT_SEED) -> str:
    """The profile report of score_texts over `size` synthetic statements (regexes compiled first)."""
    rules = default_rules()
    weights = Weights.defaults(rules)
    texts = corpus.texts(size, seed=seed)
    # Regexes are compiled lazily, per pattern, on first use: a warm-up run keeps that one-time
    # cost (about a second, once per process) out of the steady state this profile is about.
    score_texts(corpus.texts(WARM_UP, seed=seed + 1), rules, weights)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(score_texts, texts, rules, weights)
    elapsed = time.perf_counter() - start
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report)
    stats.strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
    header = (
        f"cProfile of score_texts on {size:,} synthetic statements, after a {WARM_UP:,}-statement "
        f"warm-up: {elapsed:.2f} s under the profiler\n"
    )
    return header + report.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", type=int, default=PROFILE_SIZE, help=f"statements (default {PROFILE_SIZE:,})"
    )
    parser.add_argument("--top", type=int, default=TOP, help=f"functions to list (default {TOP})")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    args = parser.parse_args(argv)
    print(profile_bulk_scoring(args.size, top=args.top, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
