"""Where the time goes: cProfile of bulk scoring on each corpus, by module and by function.

`python -m benchmarks.profiling [--corpus synthetic|real|news] [--size N] [--top K]` (or
`python -m benchmarks --profile`, every corpus). For each corpus: the share of time spent in
each module (its functions' own time, so the shares add up), then the top functions by
cumulative time. Named profiling, not profile, so that running a file from this folder never
shadows the standard library's `profile`, which cProfile imports.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks import corpus
from benchmarks.figures import CORPORA
from summit_outlook.model import native
from summit_outlook.model.explain import score_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights

PROFILE_SIZE = 100_000
TOP = 15
TOP_MODULES = 10
WARM_UP = 5_000


def _module(filename: str, function: str) -> str:
    """A short name for where a function lives: 'model/matching.py', 'pandas', and a built-in by
    its own name ('re.Pattern.finditer', 'hyperscan.Database.scan', 'len')."""
    if filename.startswith("~") or filename.startswith("<"):
        found = re.match(
            r"<(?:method|built-in method) '?(\w+)'? of '?([\w.]+)'? (?:objects|object at)", function
        )
        if found:
            return f"{found[2]}.{found[1]}"
        found = re.match(r"<built-in method ([\w.]+)>", function)
        return found[1] if found else function
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    if "lib" in parts and "python3" in "".join(parts):
        return "(standard library)"
    return "/".join(parts[-2:])


def module_shares(stats: pstats.Stats) -> list[tuple[str, float]]:
    """(module, share of the total) by functions' own time, largest first."""
    own: Counter[str] = Counter()
    for (filename, _, function), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        own[_module(filename, function)] += tottime
    total = sum(own.values()) or 1.0
    return [(module, seconds / total) for module, seconds in own.most_common()]


def profile_bulk_scoring(
    size: int = PROFILE_SIZE,
    *,
    top: int = TOP,
    seed: int = corpus.DEFAULT_SEED,
    corpus_key: str = "synthetic",
) -> str:
    """The profile report of score_texts over `size` statements of one corpus (warmed up first)."""
    rules = default_rules()
    weights = Weights.defaults(rules)
    source = CORPORA[corpus_key]
    texts = source.texts(size, seed)
    # Whatever the model builds lazily on first use (compiled patterns, about a second once per
    # process) is built by a warm-up run on other statements, out of the steady state profiled.
    score_texts(corpus.texts(WARM_UP, seed=seed + 1), rules, weights)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(score_texts, texts, rules, weights)
    elapsed = time.perf_counter() - start
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report)
    shares = module_shares(stats)
    stats.strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
    lines = [
        f"cProfile of score_texts on {size:,} statements of the {source.name} corpus, after a "
        f"{WARM_UP:,}-statement warm-up: {elapsed:.2f} s under the profiler; clause reader: "
        f"{native.READER_NOTE} (the profiler sees no function inside the compiled one: "
        f"{native.PURE_READER_VARIABLE}=1 profiles the pure-Python reader)",
        "own time by module: " + ", ".join(f"{module} {share:.0%}" for module, share in shares[:TOP_MODULES]),
    ]
    return "\n".join(lines) + "\n" + report.getvalue()


def profile_corpora(
    corpora: Sequence[str] = tuple(CORPORA), *, size: int = PROFILE_SIZE, top: int = TOP, seed: int
) -> str:
    return "\n".join(profile_bulk_scoring(size, top=top, seed=seed, corpus_key=key) for key in corpora)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=tuple(CORPORA), action="append", help="default: every corpus")
    parser.add_argument(
        "--size", type=int, default=PROFILE_SIZE, help=f"statements (default {PROFILE_SIZE:,})"
    )
    parser.add_argument("--top", type=int, default=TOP, help=f"functions to list (default {TOP})")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    args = parser.parse_args(argv)
    print(profile_corpora(args.corpus or tuple(CORPORA), size=args.size, top=args.top, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
