"""Bulk scoring of a file's chunks into CSV text: in this process, or in worker processes, in input order.

A chunk is scored and written as CSV by the same function wherever it runs, so the output is
the same bytes whatever the number of jobs. N jobs are the command's own process and N - 1
workers: a worker formats its chunk as CSV too (that costs about as much as scoring), and the
command scores a chunk itself when the workers' queues are full. The command's own process
holds every module the command line imports (about 260 MB), so it works rather than waits: a
worker in its place would add more than it saves. This module lives outside the command
line's package so that a worker imports only the scorer (about 135 MB, shared with its fork
server), not every command.

Each worker loads the rules and weights once, from the files the command was given, when it
starts. Workers come from a fork server, where the platform has one: a clean process that has
imported the scorer and scored the bundled statements with the bundled rules, so a worker
starts in milliseconds with whatever the scorer builds on first use, sharing those pages.
Elsewhere they are spawned. The command's own process is never forked, so nothing it holds is
copied.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from summit_outlook.csv_files import write_frame
from summit_outlook.model.explain import score_texts
from summit_outlook.model.rules import Rules, default_rules, load_rules
from summit_outlook.model.scoring import Weights, load_weights

# Chunks waiting per worker beyond the one it scores: the next is ready when a worker finishes,
# and the command holds at most about jobs x (1 + QUEUED_PER_WORKER) chunks (of cli/score.py's
# PARALLEL_CHUNK lines).
QUEUED_PER_WORKER = 1

# A worker's rules and weights, set once by _start_worker.
_loaded: tuple[Rules, Weights] | None = None


def all_cores() -> int:
    """The processors this process may run on (its affinity), the default number of jobs."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start_worker(rules_path: str | None, weights_path: str | None) -> None:
    global _loaded
    # The bundled rules are the fork server's (warmed by bulk_scoring_warmup), shared by all.
    rules = load_rules(rules_path) if rules_path else default_rules()
    _loaded = (rules, load_weights(weights_path, rules) if weights_path else Weights.defaults(rules))


def chunk_csv(chunk: pd.DataFrame, rules: Rules, weights: Weights, *, header: bool) -> str:
    """A chunk of statements (a `text` column and any others) with its `score` column, as CSV."""
    scores, _ = score_texts(chunk["text"].tolist(), rules, weights)
    buffer = io.StringIO()
    write_frame(buffer, chunk.assign(score=[round(score, 4) for score in scores]), header=header)
    return buffer.getvalue()


def _chunk_csv_in_worker(chunk: pd.DataFrame, header: bool) -> str:
    assert _loaded is not None, "the worker was started without its rules"
    return chunk_csv(chunk, *_loaded, header=header)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__, "summit_outlook.report.bulk_scoring_warmup"])
        return context
    return multiprocessing.get_context("spawn")


def _absolute(path: str | None) -> str | None:
    return str(Path(path).resolve()) if path else None


def csv_in_parallel(
    chunks: Iterable[pd.DataFrame],
    *,
    jobs: int,
    rules: Rules,
    weights: Weights,
    rules_path: str | None,
    weights_path: str | None,
) -> Iterator[str]:
    """Each chunk's `chunk_csv` (the first with the header), in the order the chunks came, made
    by `jobs` processes: this one and jobs - 1 workers loading the rules (and weights) from these
    files (None: bundled). A chunk goes to a worker while one has room in its queue, else it is
    scored here: this process reads and writes too, so it takes what the workers cannot."""
    pool = ProcessPoolExecutor(
        max_workers=jobs - 1,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(_absolute(rules_path), _absolute(weights_path)),
    )
    room = (jobs - 1) * (1 + QUEUED_PER_WORKER)
    pending: deque[Future[str] | str] = deque()
    try:
        for index, chunk in enumerate(chunks):
            in_workers = sum(isinstance(item, Future) and not item.done() for item in pending)
            if in_workers < room:
                pending.append(pool.submit(_chunk_csv_in_worker, chunk, index == 0))
            else:
                pending.append(chunk_csv(chunk, rules, weights, header=index == 0))
            while pending and (isinstance(pending[0], str) or pending[0].done()):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _result(item: Future[str] | str) -> str:
    return item if isinstance(item, str) else item.result()
