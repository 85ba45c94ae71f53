"""Explanations: which signals matched in a statement, where, how modified, and how much each moved it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from summit_outlook.model.matching import match_columns, match_frame
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights, column_contributions

MODIFIER_KINDS: tuple[tuple[str, str], ...] = (
    ("negator", "negation_factor"),
    ("hedge", "hedge_factor"),
    ("intensifier", "intensifier_factor"),
    ("contrast", "contrast_factor"),
    ("condition", "condition_factor"),
)


def modifiers_of(match: Any) -> list[dict[str, Any]]:
    """The modifiers applied to one matched signal (a match-table row), each with its factor.

    A modifier word whose factor is 1 changed nothing (a "but" with signals on one side only) and
    is left out: "(contrast before 'but' x1)" read as if it had.
    """
    applied = []
    for kind, factor_column in MODIFIER_KINDS:
        factor = float(getattr(match, factor_column))
        if getattr(match, kind) and factor != 1.0:
            applied.append({"kind": kind, "text": getattr(match, kind), "factor": factor})
    if match.repeat_factor != 1.0:
        applied.append({"kind": "repeat", "text": "same signal again", "factor": float(match.repeat_factor)})
    return applied


def _record(match: Any, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "signal": match.family,
        "label": labels[match.family],
        "matched": match.matched,
        "start": int(match.start),
        "end": int(match.end),
        "pattern": match.pattern,
        "modifiers": modifiers_of(match),
        "hard_event": match.hard_event or None,
        "contribution": round(float(match.contribution), 4),
    }


def signal_records(matches: pd.DataFrame, rules: Rules) -> list[dict[str, Any]]:
    """One JSON-ready record per matched signal (matches of a single statement, with contributions)."""
    labels = {family.id: family.label for family in rules.families}
    return [_record(match, labels) for match in matches.itertuples(index=False)]


def records_by_statement(matches: pd.DataFrame, rules: Rules) -> dict[int, list[dict[str, Any]]]:
    """Signal records of a whole match table, grouped by statement, in one pass."""
    labels = {family.id: family.label for family in rules.families}
    grouped: dict[int, list[dict[str, Any]]] = {}
    for match in matches.itertuples(index=False):
        grouped.setdefault(int(match.statement), []).append(_record(match, labels))
    return grouped


def describe_signal(record: dict[str, Any]) -> str:
    """A one-line human reading of a signal record: family, words, modifiers, contribution."""
    return f"{_stem(record['label'], record['matched'], record['modifiers'])} {record['contribution']:+.2f}"


def signal_stems(matches: pd.DataFrame, rules: Rules) -> list[str]:
    """Per match-table row, its `describe_signal` line without the contribution: the part that
    no weight changes, so a re-weighted explanation only appends each new contribution."""
    labels = {family.id: family.label for family in rules.families}
    return [
        _stem(labels[match.family], match.matched, modifiers_of(match))
        for match in matches.itertuples(index=False)
    ]


def _stem(label: str, matched: str, modifiers: list[dict[str, Any]]) -> str:
    described = ", ".join(f"{m['kind']} {_modifier_words(m)} x{m['factor']:g}" for m in modifiers)
    detail = f" ({described})" if described else ""
    return f"{label}: \u201c{matched}\u201d{detail}"


def _modifier_words(modifier: dict[str, Any]) -> str:
    """The modifier's words, quoted; a contrast's text already quotes its word ("before 'but'")."""
    quoted_already = modifier["kind"] in ("contrast", "condition") or modifier["text"] == "present tense"
    return modifier["text"] if quoted_already else f"'{modifier['text']}'"


def score_texts(texts: Sequence[str], rules: Rules, weights: Weights) -> tuple[list[float], pd.DataFrame]:
    """Scores for raw texts and their match table with contributions (no dates needed)."""
    columns = match_columns(texts, rules)
    scores, contributions = column_contributions(columns, len(texts), rules, weights)
    return scores.tolist(), match_frame({**columns, "contribution": contributions})


def explain_texts(texts: Sequence[str], rules: Rules, weights: Weights) -> list[dict[str, Any]]:
    """Score and explain each text: {text, score, signals: [...]}, in input order."""
    scores, matches = score_texts(texts, rules, weights)
    grouped = records_by_statement(matches, rules)
    return [
        {
            "text": text,
            "score": round(score, 4),
            "signals": grouped.get(index, []),
        }
        for index, (text, score) in enumerate(zip(texts, scores, strict=True))
    ]
