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
from functools import cached_property

import numpy as np
import pandas as pd

from summit_outlook.model.matching import match_texts
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights, signal_contributions
from summit_outlook.model.statements import Role, plausible_dates

DRIVER_PREFIX = "driver_"


_ROLES = [role.value for role in Role]
_OTHER = _ROLES.index(Role.OTHER.value)


@dataclass(frozen=True)
class MatchedStatements:
    """Statements with their weight-independent match table (cache this).

    The arrays re-weighting needs (statement days, role codes, match owners) are derived once,
    on first use, so that each slider move is only arithmetic.
    """

    statements: pd.DataFrame
    matches: pd.DataFrame

    @cached_property
    def day_numbers(self) -> np.ndarray:
        """Each statement's day, as days since 1970-01-01."""
        dates = pd.to_datetime(self.statements["date"]).dt.normalize()
        return dates.to_numpy(dtype="datetime64[D]").astype(np.int64)

    @cached_property
    def plausible(self) -> np.ndarray:
        """Which statements carry a date a statement may have (model.statements.EARLIEST_DATE):
        only those count in the outlook, so one row stored with a far date cannot stretch it."""
        return plausible_dates(self.statements["date"])

    @cached_property
    def role_codes(self) -> np.ndarray:
        """Each statement's role as an index into Role (unknown roles count as "other")."""
        codes = pd.Categorical(self.statements["role"], categories=_ROLES).codes.astype(np.int64)
        return np.where(codes < 0, _OTHER, codes)

    @cached_property
    def owners(self) -> np.ndarray:
        """For each match, the row of its statement."""
        return self.matches["statement"].to_numpy(dtype=np.int64)

    def family_codes(self, rules: Rules) -> np.ndarray:
        """For each match, the index of its family in the rules."""
        return pd.Categorical(self.matches["family"], categories=rules.family_ids).codes.astype(np.int64)


def select_statements(matched: MatchedStatements, rows: np.ndarray | list[int]) -> MatchedStatements:
    """The matched statements at these positions (in this order), renumbered from 0, with their
    matches: one summit's share of statements matched together, without matching again."""
    rows = np.asarray(rows, dtype=np.int64)
    new_position = np.full(len(matched.statements), -1, dtype=np.int64)
    new_position[rows] = np.arange(len(rows))
    kept = new_position[matched.owners] >= 0 if len(matched.matches) else np.zeros(0, dtype=bool)
    matches = matched.matches[kept].copy()
    matches["statement"] = new_position[matched.owners[kept]]
    order = np.argsort(matches["statement"].to_numpy(), kind="stable")
    return MatchedStatements(
        statements=matched.statements.iloc[rows].reset_index(drop=True),
        matches=matches.iloc[order].reset_index(drop=True),
    )


@dataclass(frozen=True)
class ScoredStatements:
    """Statements with scores under one set of weights, and each match's contribution."""

    statements: pd.DataFrame
    matches: pd.DataFrame
    source: MatchedStatements | None = None  # where its precomputed arrays come from


def match_statements(statements: pd.DataFrame, rules: Rules) -> MatchedStatements:
    """Match every statement's text; the statements frame is copied, never changed."""
    frame = statements.reset_index(drop=True).copy()
    matches = match_texts(frame["text"].astype(str).tolist(), rules)
    return MatchedStatements(statements=frame, matches=matches)


def score_statements(matched: MatchedStatements, rules: Rules, weights: Weights) -> ScoredStatements:
    """Apply weights: a score per statement, a contribution per match, and hard events."""
    n_statements = len(matched.statements)
    scores, contributions = signal_contributions(matched.matches, n_statements, rules, weights)
    events = _hard_events(matched.matches, matched.owners, contributions, n_statements)
    return ScoredStatements(
        statements=matched.statements.assign(score=scores, hard_event=events),
        matches=matched.matches.assign(contribution=contributions),
        source=matched,
    )


def _hard_events(
    matches: pd.DataFrame, owners: np.ndarray, contributions: np.ndarray, n_statements: int
) -> np.ndarray:
    """Each statement's strongest hard event (by |contribution|), or "" when it reports none."""
    events = np.full(n_statements, "", dtype=object)
    kinds = matches["hard_event"].to_numpy(dtype=object)
    flagged = np.flatnonzero(kinds != "")
    if len(flagged) == 0:
        return events
    statement = owners[flagged]
    order = np.lexsort((-np.abs(contributions[flagged]), statement))  # strongest first per statement
    first = order[np.r_[True, statement[order][1:] != statement[order][:-1]]]
    events[statement[first]] = kinds[flagged][first]
    return events


def outlook_series(
    scored: ScoredStatements,
    rules: Rules,
    weights: Weights,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """The daily outlook: date, outlook (0-100), status, statements, events, driver_<family>.

    It runs from the first to the last statement (or from `start` to `end`), counting only the
    statements with a plausible date (MatchedStatements.plausible): its length is bounded by the
    evidence, never by a typo in one row's year.
    """
    weights.check(rules)
    statements = scored.statements
    source = scored.source or MatchedStatements(statements=statements, matches=scored.matches)
    family_ids = rules.family_ids
    plausible = source.plausible
    if not plausible.any() and (start is None or end is None):
        return _empty_series(family_ids)
    day_numbers = source.day_numbers
    first = _day_number(start) if start is not None else int(day_numbers[plausible].min())
    last = max(first, _day_number(end) if end is not None else int(day_numbers[plausible].max()))
    n_days = last - first + 1
    day_index = day_numbers - first
    in_range = plausible & (day_index >= 0) & (day_index < n_days)

    settings = rules.outlook
    scores = statements["score"].to_numpy(dtype=float)
    is_event = statements["hard_event"].to_numpy(dtype=object) != ""
    role_weights = np.array([weights.roles[role] for role in _ROLES])
    statement_weight = (
        role_weights[source.role_codes] * np.abs(scores) * np.where(is_event, settings.event_weight, 1.0)
    )
    statement_weight = np.where(in_range, statement_weight, 0.0)
    kept_days = np.where(in_range, day_index, 0)
    # Columns: numerator (weighted scores), denominator (weights), then one per family driver.
    daily = np.zeros((n_days, 2 + len(family_ids)))
    daily[:, 0] = np.bincount(kept_days, weights=statement_weight * scores, minlength=n_days)
    daily[:, 1] = np.bincount(kept_days, weights=statement_weight, minlength=n_days)
    if not scored.matches.empty:
        owners = source.owners
        cell = kept_days[owners] * len(family_ids) + source.family_codes(rules)
        driver_weights = statement_weight[owners] * scored.matches["contribution"].to_numpy(dtype=float)
        daily[:, 2:] = np.bincount(cell, weights=driver_weights, minlength=n_days * len(family_ids)).reshape(
            n_days, len(family_ids)
        )
    event_days = np.zeros(n_days, dtype=bool)
    event_days[day_index[in_range & is_event]] = True

    accumulated = _decay_and_supersede(
        daily,
        event_days,
        half_life_days=weights.half_life_days,
        superseded_weight=settings.superseded_weight,
    )
    denominator = accumulated[:, 1] + settings.prior_weight
    level = np.divide(accumulated[:, 0], denominator, out=np.zeros(n_days), where=denominator > 0)
    outlook = np.clip(settings.neutral + settings.spread * level, 0.0, 100.0)
    dates = pd.to_datetime(np.arange(first, last + 1), unit="D")
    series = pd.DataFrame({"date": dates, "outlook": outlook})
    series["status"] = status_bands(outlook, rules)
    series["statements"] = np.bincount(day_index[in_range], minlength=n_days)
    event_rows = np.flatnonzero(in_range & is_event)
    events = statements["hard_event"].to_numpy(dtype=object)[event_rows]
    series["events"] = _events_per_day(events, day_index[event_rows], n_days)
    drivers = np.divide(
        settings.spread * accumulated[:, 2:],
        denominator[:, None],
        out=np.zeros((n_days, len(family_ids))),
        where=denominator[:, None] > 0,
    )
    for i, family_id in enumerate(family_ids):
        series[DRIVER_PREFIX + family_id] = drivers[:, i]
    return series


def _day_number(day: dt.date | pd.Timestamp) -> int:
    return int(np.datetime64(pd.Timestamp(day).date(), "D").astype(np.int64))


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


def _events_per_day(events: np.ndarray, day_index: np.ndarray, n_days: int) -> list[str]:
    """Per day, the kinds of hard event reported that day ("cancelled", "held, scheduled")."""
    labels = [""] * n_days
    for day, event in zip(day_index.tolist(), events.tolist(), strict=True):
        if event not in labels[day].split(", "):
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
