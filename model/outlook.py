"""From statements to the outlook: match once, weight cheaply, aggregate into a daily series.

The outlook on day t is a recency-decayed, speaker-weighted mean of statement scores, mapped
from [-1, 1] to 0-100. Each statement weighs role weight x |score| x 0.5^(age / half-life), so
statements without a signal weigh nothing; a neutral prior pulls stale evidence back to the middle.
Hard events (a summit held, scheduled or cancelled, said without negation or hedge) weigh
`event_weight` times more and cut everything said before them to `superseded_weight`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.matching import match_texts
from model.rules import Rules
from model.scoring import Weights, signal_contributions

DRIVER_PREFIX = "driver_"


@dataclass(frozen=True)
class MatchedStatements:
    """Statements with their weight-independent match table (cache this)."""

    statements: pd.DataFrame
    matches: pd.DataFrame


@dataclass(frozen=True)
class ScoredStatements:
    """Statements with scores under one set of weights, and each match's contribution."""

    statements: pd.DataFrame
    matches: pd.DataFrame


def match_statements(statements: pd.DataFrame, rules: Rules) -> MatchedStatements:
    """Match every statement's text; the statements frame is copied, never changed."""
    frame = statements.reset_index(drop=True).copy()
    matches = match_texts(frame["text"].astype(str).tolist(), rules)
    return MatchedStatements(statements=frame, matches=matches)


def score_statements(matched: MatchedStatements, rules: Rules, weights: Weights) -> ScoredStatements:
    """Apply weights: a score per statement, a contribution per match, and hard events."""
    statements = matched.statements.copy()
    matches = matched.matches.copy()
    scores, contributions = signal_contributions(matches, len(statements), rules, weights)
    matches["contribution"] = contributions
    statements["score"] = scores
    statements["hard_event"] = _hard_events(matches, len(statements))
    return ScoredStatements(statements=statements, matches=matches)


def _hard_events(matches: pd.DataFrame, n_statements: int) -> np.ndarray:
    """Each statement's strongest hard event, or "" when it reports none."""
    events = np.full(n_statements, "", dtype=object)
    candidates = matches[matches["hard_event"] != ""]
    if candidates.empty:
        return events
    strongest = candidates.loc[candidates["contribution"].abs().groupby(candidates["statement"]).idxmax()]
    events[strongest["statement"].to_numpy()] = strongest["hard_event"].to_numpy()
    return events


def _driver_matrix(scored: ScoredStatements, family_ids: list[str]) -> np.ndarray:
    """Contribution of each family to each statement's score, shape (statements, families)."""
    drivers = np.zeros((len(scored.statements), len(family_ids)))
    if not scored.matches.empty:
        column = scored.matches["family"].map({fid: i for i, fid in enumerate(family_ids)})
        np.add.at(
            drivers,
            (scored.matches["statement"].to_numpy(), column.to_numpy(dtype=np.int64)),
            scored.matches["contribution"].to_numpy(),
        )
    return drivers


def outlook_series(
    scored: ScoredStatements,
    rules: Rules,
    weights: Weights,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """The daily outlook: date, outlook (0-100), status, statements, events, driver_<family>."""
    statements = scored.statements
    family_ids = rules.family_ids
    dates = pd.to_datetime(statements["date"]).dt.normalize()
    if statements.empty and (start is None or end is None):
        return _empty_series(family_ids)
    first = pd.Timestamp(start) if start is not None else dates.min()
    last = pd.Timestamp(end) if end is not None else dates.max()
    days = pd.date_range(first, max(first, last), freq="D")
    day_index = ((dates - first).dt.days).to_numpy()
    in_range = (day_index >= 0) & (day_index < len(days))

    settings = rules.outlook
    scores = statements["score"].to_numpy(dtype=float)
    is_event = (statements["hard_event"] != "").to_numpy()
    role_weight = statements["role"].map(weights.roles).fillna(weights.roles["other"])
    statement_weight = (
        role_weight.to_numpy(dtype=float) * np.abs(scores) * np.where(is_event, settings.event_weight, 1.0)
    )
    # Columns: numerator (weighted scores), denominator (weights), then one per family driver.
    per_statement = np.column_stack(
        [
            statement_weight * scores,
            statement_weight,
            statement_weight[:, None] * _driver_matrix(scored, family_ids),
        ]
    )[in_range]
    daily = np.zeros((len(days), per_statement.shape[1]))
    np.add.at(daily, day_index[in_range], per_statement)
    event_days = np.zeros(len(days), dtype=bool)
    event_days[day_index[in_range & is_event]] = True

    accumulated = _decay_and_supersede(
        daily,
        event_days,
        half_life_days=weights.half_life_days,
        superseded_weight=settings.superseded_weight,
    )
    denominator = accumulated[:, 1] + settings.prior_weight
    level = np.divide(accumulated[:, 0], denominator, out=np.zeros(len(days)), where=denominator > 0)
    outlook = np.clip(settings.neutral + settings.spread * level, 0.0, 100.0)
    series = pd.DataFrame({"date": days, "outlook": outlook})
    series["status"] = status_bands(outlook, rules)
    series["statements"] = np.bincount(day_index[in_range], minlength=len(days))
    series["events"] = _events_per_day(statements[in_range], day_index[in_range], len(days))
    for i, family_id in enumerate(family_ids):
        series[DRIVER_PREFIX + family_id] = np.divide(
            settings.spread * accumulated[:, 2 + i],
            denominator,
            out=np.zeros(len(days)),
            where=denominator > 0,
        )
    return series


def _decay_and_supersede(
    daily: np.ndarray, event_days: np.ndarray, *, half_life_days: float, superseded_weight: float
) -> np.ndarray:
    """Exponentially decayed running sums; on an event day, earlier evidence is cut back."""
    keep = 0.5 ** (1.0 / half_life_days)
    accumulated = np.empty_like(daily)
    carry = np.zeros(daily.shape[1])
    for day in range(len(daily)):
        carry = carry * (keep * (superseded_weight if event_days[day] else 1.0)) + daily[day]
        accumulated[day] = carry
    return accumulated


def _events_per_day(statements: pd.DataFrame, day_index: np.ndarray, n_days: int) -> list[str]:
    labels = [""] * n_days
    for day, event in zip(day_index.tolist(), statements["hard_event"].tolist(), strict=True):
        if event and event not in labels[day].split(", "):
            labels[day] = f"{labels[day]}, {event}" if labels[day] else event
    return labels


def status_bands(outlook: np.ndarray, rules: Rules) -> np.ndarray:
    """The status band name for each outlook value."""
    mins = np.array([band.min for band in rules.outlook.bands])
    names = np.array([band.name for band in rules.outlook.bands], dtype=object)
    return names[np.searchsorted(mins, outlook, side="right") - 1]


def _empty_series(family_ids: list[str]) -> pd.DataFrame:
    columns = ["date", "outlook", "status", "statements", "events"]
    return pd.DataFrame(columns=columns + [DRIVER_PREFIX + fid for fid in family_ids])


@dataclass(frozen=True)
class Headline:
    """The current outlook and how it moved."""

    date: pd.Timestamp
    outlook: float
    status: str
    change: dict[int, float | None]  # days back -> change in points (None before the series)


def headline(series: pd.DataFrame, *, lookbacks: tuple[int, ...] = (7, 30)) -> Headline | None:
    """The last value of the series and its change against `lookbacks` days earlier."""
    if series.empty:
        return None
    last = series.iloc[-1]
    by_date = series.set_index("date")["outlook"]
    change: dict[int, float | None] = {}
    for days in lookbacks:
        earlier = last["date"] - pd.Timedelta(days=days)
        change[days] = float(last["outlook"] - by_date[earlier]) if earlier in by_date else None
    return Headline(
        date=last["date"], outlook=float(last["outlook"]), status=str(last["status"]), change=change
    )
