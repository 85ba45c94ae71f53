"""`python -m benchmarks`: measure the four figures of issue 5 and print one table.

Machines are shared and noisy, so every figure is a median over several runs and is shown with
the ratio to a baseline measured in the same run; targets are checked as PASS or MISS. A cell
that would take longer than --max-seconds is skipped (or, for re-weighting, sampled) and says so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus, figures
from benchmarks.harness import Budget, Row, environment, render_table, skipped

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000)
DEFAULT_REPEATS = 5
QUICK_REPEATS = 3
# Per cell of the table: at these the full run stays within ~15 minutes on 2 cores, --quick ~1.
DEFAULT_CELL_SECONDS = 150.0
QUICK_CELL_SECONDS = 8.0
FIGURES = (1, 2, 3, 4)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 1000,10000; got {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive whole numbers; got {text!r}")
    return sizes


def _figures(text: str) -> tuple[int, ...]:
    chosen = tuple(sorted({int(part) for part in text.split(",") if part.strip().isdigit()}))
    if not chosen or any(figure not in FIGURES for figure in chosen):
        raise argparse.ArgumentTypeError(f"figures are numbered 1-4; got {text!r}")
    return chosen


def _corpora(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [key for key in chosen if key not in figures.CORPORA]
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(f"corpora are {', '.join(figures.CORPORA)}; got {text!r}")
    return chosen


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, help="statement counts, e.g. 1000,10000,100000,1000000")
    parser.add_argument(
        "--repeats", type=int, help=f"runs per figure for its median (default {DEFAULT_REPEATS})"
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, few runs, a tight budget (< 1 min)"
    )
    parser.add_argument("--max-seconds", type=float, help="time budget of one table cell (default 150)")
    parser.add_argument(
        "--figures", type=_figures, default=FIGURES, help="which figures, e.g. 1,2 (default all)"
    )
    parser.add_argument(
        "--corpora",
        type=_corpora,
        default=tuple(figures.CORPORA),
        help=f"figure 1's corpora, e.g. real,news (default {','.join(figures.CORPORA)})",
    )
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile bulk scoring of 100k statements of each corpus instead",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.profile:
        from benchmarks.profiling import profile_corpora

        print(profile_corpora(args.corpora, seed=args.seed))
        return 0
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    budget = Budget(
        repeats=max(1, args.repeats or (QUICK_REPEATS if args.quick else DEFAULT_REPEATS)),
        cell_seconds=args.max_seconds or (QUICK_CELL_SECONDS if args.quick else DEFAULT_CELL_SECONDS),
    )
    print(
        "Summit Outlook benchmarks (issues 5 and 14) - figure 1 on the SYNTHETIC corpus "
        "(benchmarks/corpus.py), REAL statements (benchmarks/real.py) and a news-like mix "
        "GENERATED around them (benchmarks/news.py); the other figures on the synthetic corpus"
    )
    for line in environment():
        print(line)
    print(
        f"sizes {', '.join(f'{n:,}' for n in sizes)}; up to {budget.repeats} runs per figure; "
        f"cell budget {budget.cell_seconds:g} s; seed {args.seed}",
        flush=True,
    )
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="summit-outlook-bench-") as scratch:
        workdir = Path(scratch)
        steps = {
            1: lambda: figures.bulk_scoring(sizes, budget, seed=args.seed, corpora=args.corpora),
            2: lambda: figures.reweighting(sizes, budget, seed=args.seed),
            3: lambda: figures.dashboard(budget, seed=args.seed, workdir=workdir),
            4: lambda: figures.cli_bulk(sizes, budget, seed=args.seed, workdir=workdir),
        }
        for figure in args.figures:
            print(f"... figure {figure} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
            try:
                rows.extend(steps[figure]())
            except Exception as error:  # one broken figure must not hide the others
                reason = f"{type(error).__name__}: {str(error).strip()[:100]}"
                rows.append(Row(f"{figure} (failed)", "", "", "", "", "", "", skipped(reason)))
    print()
    print(render_table(rows))
    print()
    print("ratio: against the baseline measured in the same run (compare ratios across machines, not times).")
    print(f"VADER beyond {figures.VADER_MAX:,} statements is measured on the first {figures.VADER_MAX:,}.")
    print("CLI time per line subtracts the startup run's time; its memory is ru_maxrss of the child.")
    for note in budget.notes:
        print(note)
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
