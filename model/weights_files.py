"""Weights files as users hand them in (the command line's --weights, the dashboard's upload, open
to signed-out visitors): bounded and checked before parsing, every problem told in a short line.

Both read the same way: at most MAX_WEIGHTS_FILE_BYTES, UTF-8 with or without a byte-order mark,
brackets nested at most MAX_WEIGHTS_DEPTH deep (json recurses once per level), and no number
longer than MAX_NUMBER_CHARS characters (Python refuses to convert an integer of 4,300 digits or
more, and a float of one overflows). Then the weights are checked against the rules (see
model.scoring.weights_from_mapping), and each problem is cut to a line a person reads.
"""

from __future__ import annotations

import json
import os

from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights, WeightsError, weights_from_mapping
from summit_outlook.reading import InputError, check_nesting, decode_text, read_bounded, too_large

# A downloaded weights file is under 1 KB (a dozen families, six roles, a half-life).
MAX_WEIGHTS_FILE_BYTES = 64 * 1024
# The file is an object of objects: two levels; a few more are room for mistakes to be reported.
MAX_WEIGHTS_DEPTH = 8
# A weight is a number like 1.25 or 0.5; forty characters hold any float's shortest form.
MAX_NUMBER_CHARS = 40
# What an error shows: the first problems, each cut short (a user's value may be a long string).
MAX_PROBLEMS_SHOWN = 10
MAX_PROBLEM_CHARS = 200
WHAT = "weights file"


class _NumberTooLong(ValueError):
    pass


def read_weights_file(path: str | os.PathLike[str], rules: Rules) -> Weights:
    """The weights in a JSON file, checked against the rules; WeightsError says what is wrong."""
    source = str(path)
    try:
        data = read_bounded(path, max_bytes=MAX_WEIGHTS_FILE_BYTES, what=WHAT)
    except InputError as error:
        raise WeightsError(source, [error.reason]) from None
    return weights_from_bytes(data, rules, source=source)


def weights_from_bytes(data: bytes, rules: Rules, *, source: str) -> Weights:
    """Weights from a weights file's bytes (an upload, or what read_weights_file read)."""
    if len(data) > MAX_WEIGHTS_FILE_BYTES:
        raise WeightsError(source, [too_large(len(data), MAX_WEIGHTS_FILE_BYTES, WHAT)])
    try:
        text = decode_text(data, source=source, what=WHAT)
        check_nesting(text, source=source, max_depth=MAX_WEIGHTS_DEPTH, what=WHAT)
    except InputError as error:
        raise WeightsError(source, [error.reason]) from None
    try:
        parsed = json.loads(text, parse_int=_integer, parse_float=_decimal)
    except json.JSONDecodeError as error:
        raise WeightsError(source, [f"not valid JSON ({error})"]) from None
    except _NumberTooLong as error:
        raise WeightsError(source, [str(error)]) from None
    except RecursionError:  # check_nesting refuses it first; never a traceback regardless
        raise WeightsError(source, [f"nested more than {MAX_WEIGHTS_DEPTH} levels deep"]) from None
    try:
        return weights_from_mapping(parsed, rules, source=source)
    except WeightsError as error:
        raise shortened(error) from None


def shortened(error: WeightsError) -> WeightsError:
    """The same error with at most MAX_PROBLEMS_SHOWN problems, each at most MAX_PROBLEM_CHARS."""
    problems = [_cut(problem) for problem in error.problems[:MAX_PROBLEMS_SHOWN]]
    hidden = len(error.problems) - MAX_PROBLEMS_SHOWN
    if hidden > 0:
        problems.append(f"and {hidden} more problem{'s' if hidden > 1 else ''}")
    return WeightsError(_cut(error.source), problems)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_PROBLEM_CHARS else text[: MAX_PROBLEM_CHARS - 3] + "..."


def _integer(literal: str) -> int:
    _check_length(literal)
    return int(literal)


def _decimal(literal: str) -> float:
    _check_length(literal)
    return float(literal)


def _check_length(literal: str) -> None:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(
            f"a number of {len(literal):,} characters ({literal[:12]}...); a weight is a number like 1.25"
        )
