"""The track record: what the outlook said, day by day, before summits that were held and before
those that were not, scored as a probability against the base rate and a coin flip.

For every resolved summit, each day from its first statement to the day before its resolution
gets the outlook computed from the statements dated up to that day only, and the outcome "held
within H days". A monotone mapping from outlook to probability (scikit-learn's logistic
regression) is fitted on the other resolved summits and scored on the one left out, so every
figure is out of sample for the mapping. Pure: no Streamlit, no Plotly.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from summit_outlook.model.outlook import (
    MatchedStatements,
    match_statements,
    outlook_series,
    score_statements,
    select_statements,
)
from summit_outlook.model.rules import HALF_LIFE_DAYS_RANGE, MAX_WEIGHT, Rules
from summit_outlook.model.scoring import Weights

if TYPE_CHECKING:  # imported where a calibration is fitted: scikit-learn is ~110 MB of memory
    # that every command of the command line (which imports this module) otherwise started with
    from sklearn.linear_model import LogisticRegression
from summit_outlook.model.summits import Resolution, Summit

# The question each day is scored on: "held within this many days" (the default).
DEFAULT_HORIZON_DAYS = 30
HORIZON_DAYS_RANGE = (1, 365)
# Leave-one-summit-out needs other summits to fit on; with one or two it fits on one summit's days.
MIN_RESOLVED_SUMMITS = 3
# Log loss of a probability of exactly 0 or 1 that misses is infinite; clip as scikit-learn's
# log_loss did before 1.5 (machine precision, so a certain miss costs about 34.5, not infinity).
LOG_LOSS_CLIP = 1e-15
# The constant baseline: a coin flip.
CONSTANT_PROBABILITY = 0.5
# Newton's method with a Cholesky solve: the exact fit of one feature in a few steps (lbfgs, the
# default, took 5x as long here, its threads contending on a shared machine).
LOGISTIC_SOLVER = "newton-cholesky"
# The reliability diagram's bins: ten of equal width over [0, 1].
RELIABILITY_BINS = 10
# Fit weights: candidate factors for each weight in one coordinate-descent step, how many passes
# over all weights at most, and how many backtests in all (each about 0.1 s on the bundled data, on
# one series per summit: see outlook_as_known).
FIT_FACTORS = (0.5, 2.0)
FIT_HALF_LIFE_FACTORS = (0.5, 2.0)
FIT_MAX_PASSES = 3
FIT_BUDGET = 70
# An improvement smaller than this is noise, not a better weight.
FIT_MIN_IMPROVEMENT = 1e-5


class BacktestError(ValueError):
    """A backtest that cannot be run (too few resolved summits, a bad horizon); says why."""


@dataclass(frozen=True)
class SummitPath:
    """One resolved summit's days: the outlook as known each day, and whether it was held within H days."""

    summit: Summit
    dates: np.ndarray  # datetime64[D], each day from the first statement to the day before the resolution
    outlook: np.ndarray  # 0-100, from the statements dated up to that day only
    known: np.ndarray  # how many statements were known that day
    held_within: np.ndarray  # bool: held, and at most H days after that day

    @property
    def days(self) -> int:
        return len(self.dates)


@dataclass(frozen=True)
class Scores:
    """Brier score and log loss of the calibrated outlook and of the two baselines, on the same days."""

    days: int
    held_days: int  # days whose outcome is "held within H days"
    brier: float
    log_loss: float
    base_rate_brier: float
    base_rate_log_loss: float
    constant_brier: float
    constant_log_loss: float
    mean_probability: float

    def record(self) -> dict[str, float | int]:
        return {name: _rounded(value) for name, value in self.__dict__.items()}


@dataclass(frozen=True)
class SummitScores:
    """One summit's scores, with how many other summits its probability was fitted on."""

    summit: Summit
    scores: Scores
    calibrated_on: int

    def record(self) -> dict[str, object]:
        return {
            "id": self.summit.id,
            "title": self.summit.title,
            "resolution": self.summit.resolution.value,
            "resolved_on": self.summit.resolved_on.isoformat() if self.summit.resolved_on else None,
            "calibrated_on": self.calibrated_on,
            **self.scores.record(),
        }


@dataclass(frozen=True)
class Backtest:
    """The track record under one set of weights and horizon."""

    horizon_days: int
    weights: Weights
    summits: tuple[SummitScores, ...]  # the scored summits
    overall: Scores
    base_rate: float  # of "held within H days" over every day of every resolved summit
    resolved_summits: int  # the resolved summits with days to score (the calibration's pool)
    days: pd.DataFrame  # summit, date, outlook, known, held_within, probability (out of sample)
    left_out: tuple[str, ...] = field(default=())  # resolved summits with no day to score

    def record(self) -> dict[str, object]:
        """The backtest as JSON-ready data (`summit-outlook backtest --format json`)."""
        return {
            "horizon_days": self.horizon_days,
            "resolved_summits": self.resolved_summits,
            "base_rate": _rounded(self.base_rate),
            "overall": {"summits": len(self.summits), **self.overall.record()},
            "summits": [summit.record() for summit in self.summits],
            "no_days": list(self.left_out),
        }


@dataclass(frozen=True)
class Calibration:
    """The mapping from outlook to P(held within H days), fitted on resolved summits' days."""

    summits: int  # how many resolved summits it rests on
    days: int
    base_rate: float
    model: LogisticRegression | None  # None: every day had the same outcome; the base rate is the answer

    def probability(self, outlook: np.ndarray | Sequence[float] | float) -> np.ndarray:
        values = np.atleast_1d(np.asarray(outlook, dtype=float))
        if self.model is None:
            return np.full(len(values), self.base_rate)
        return self.model.predict_proba(_feature(values))[:, 1]


# --- scores ------------------------------------------------------------------------------------


def brier_score(probabilities: Sequence[float] | np.ndarray, outcomes: Sequence[bool] | np.ndarray) -> float:
    """Mean squared difference between probability and outcome (0 best, 1 worst)."""
    p, y = _checked(probabilities, outcomes)
    return float(np.mean((p - y) ** 2)) if len(p) else math.nan


def log_loss(probabilities: Sequence[float] | np.ndarray, outcomes: Sequence[bool] | np.ndarray) -> float:
    """Mean negative log-likelihood of the outcomes (natural log; 0 best; a coin flip is ln 2)."""
    p, y = _checked(probabilities, outcomes)
    if not len(p):
        return math.nan
    p = np.clip(p, LOG_LOSS_CLIP, 1.0 - LOG_LOSS_CLIP)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def _checked(probabilities, outcomes) -> tuple[np.ndarray, np.ndarray]:
    p = np.asarray(probabilities, dtype=float)
    y = np.asarray(outcomes, dtype=float)
    if p.shape != y.shape:
        raise ValueError(f"{len(p)} probabilities for {len(y)} outcomes")
    if ((p < 0) | (p > 1) | np.isnan(p)).any():
        raise ValueError("probabilities must be in [0, 1]")
    return p, y


def scores(probabilities: np.ndarray, outcomes: np.ndarray, base_rate: float) -> Scores:
    """The calibrated outlook's scores beside the base rate's and a constant 50%'s."""
    base = np.full(len(outcomes), base_rate)
    constant = np.full(len(outcomes), CONSTANT_PROBABILITY)
    return Scores(
        days=len(outcomes),
        held_days=int(np.sum(outcomes)),
        brier=brier_score(probabilities, outcomes),
        log_loss=log_loss(probabilities, outcomes),
        base_rate_brier=brier_score(base, outcomes),
        base_rate_log_loss=log_loss(base, outcomes),
        constant_brier=brier_score(constant, outcomes),
        constant_log_loss=log_loss(constant, outcomes),
        mean_probability=float(np.mean(probabilities)) if len(probabilities) else math.nan,
    )


def reliability(
    probabilities: Sequence[float] | np.ndarray,
    outcomes: Sequence[bool] | np.ndarray,
    *,
    bins: int = RELIABILITY_BINS,
) -> pd.DataFrame:
    """Predicted probability against observed frequency: per bin of equal width that holds any day,
    its range, the days in it, their mean probability and how often they were followed by a summit."""
    p, y = _checked(probabilities, outcomes)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, bins - 1)
    rows = []
    for index in range(bins):
        inside = which == index
        if inside.any():
            rows.append(
                {
                    "low": edges[index],
                    "high": edges[index + 1],
                    "days": int(inside.sum()),
                    "predicted": float(p[inside].mean()),
                    "observed": float(y[inside].mean()),
                }
            )
    return pd.DataFrame(rows, columns=["low", "high", "days", "predicted", "observed"])


# --- the days of each summit -------------------------------------------------------------------


def check_horizon(horizon_days: int) -> int:
    low, high = HORIZON_DAYS_RANGE
    if not low <= horizon_days <= high:
        raise BacktestError(f"horizon: {horizon_days} days is outside [{low}, {high}]")
    return horizon_days


def outlook_as_known(
    matched: MatchedStatements, rules: Rules, weights: Weights, *, until: dt.date, exact: bool = True
) -> pd.DataFrame:
    """Each day from the first statement to `until`: the outlook from the statements dated up to that
    day only (date, outlook, known).

    Exact (the default): for each day a statement was made, the series is computed again with the
    statements after it cut off, so nothing said later can reach a day, whatever the outlook's own
    arithmetic does. Not exact: one series up to `until`, which is the same while the outlook on a
    day depends on earlier statements only (model.outlook's running sums; tests/test_backtest.py
    checks the two agree on every bundled summit); the weights search uses it, ~4x fewer series.
    """
    columns = ["date", "outlook", "known"]
    scored = score_statements(matched, rules, weights)
    day_numbers = matched.day_numbers[matched.plausible]
    last = _day_number(until)
    statement_days = np.unique(day_numbers[day_numbers <= last])
    if not len(statement_days):
        return pd.DataFrame(columns=columns)
    first = statement_days[0]
    cutoffs = statement_days if exact else statement_days[:1]
    pieces = []
    for index, day in enumerate(cutoffs):
        end = (cutoffs[index + 1] - 1) if index + 1 < len(cutoffs) else last
        # The series up to `end` counts only the statements dated up to `end` (outlook_series's
        # range): exactly those known on each day from `day` to `end`.
        series = outlook_series(scored, rules, weights, start=_date(first), end=_date(end))
        pieces.append(series.iloc[day - first :][["date", "outlook"]])
    known = pd.concat(pieces, ignore_index=True)
    shown = known["date"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    known["known"] = np.searchsorted(np.sort(day_numbers), shown, side="right")
    return known[columns]


@dataclass(frozen=True)
class ResolvedSummit:
    """A resolved summit with its matched statements (split once; weights never change them)."""

    summit: Summit
    matched: MatchedStatements


def resolved_summits(matched: MatchedStatements, summits: Sequence[Summit]) -> list[ResolvedSummit]:
    """The resolved summits among `summits`, each with its share of the matched statements (which
    carry a summit column)."""
    statements = matched.statements
    if len(statements) and "summit" not in statements.columns:
        raise BacktestError("the statements name no summit: a backtest needs a summit column")
    ids = statements["summit"].to_numpy(dtype=object) if len(statements) else np.zeros(0, dtype=object)
    return [
        ResolvedSummit(summit, select_statements(matched, np.flatnonzero(ids == summit.id)))
        for summit in summits
        if summit.resolved
    ]


def summit_path(
    resolved: ResolvedSummit, rules: Rules, weights: Weights, *, horizon_days: int, exact: bool = True
) -> SummitPath:
    """A resolved summit's days to score: from its first statement to the day before its resolution."""
    summit = resolved.summit
    if not summit.resolved or summit.resolved_on is None:
        raise BacktestError(f"summit {summit.id!r} is open: only resolved summits have a track record")
    until = summit.resolved_on - dt.timedelta(days=1)
    known = outlook_as_known(resolved.matched, rules, weights, until=until, exact=exact)
    dates = known["date"].to_numpy(dtype="datetime64[D]")
    days_left = (np.datetime64(summit.resolved_on, "D") - dates).astype(np.int64)
    held = summit.resolution is Resolution.HELD
    return SummitPath(
        summit=summit,
        dates=dates,
        outlook=known["outlook"].to_numpy(dtype=float),
        known=known["known"].to_numpy(dtype=np.int64),
        held_within=(days_left <= horizon_days) if held else np.zeros(len(dates), dtype=bool),
    )


def summit_paths(
    resolved: Sequence[ResolvedSummit],
    rules: Rules,
    weights: Weights,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    exact: bool = True,
) -> list[SummitPath]:
    """The days of every resolved summit under `weights`."""
    check_horizon(horizon_days)
    weights.check(rules)
    return [summit_path(one, rules, weights, horizon_days=horizon_days, exact=exact) for one in resolved]


def match_for_backtest(statements: pd.DataFrame, rules: Rules) -> MatchedStatements:
    """Statements (with a summit column) matched once: every backtest under any weights reuses them."""
    if "summit" not in statements.columns:
        raise BacktestError("the statements name no summit: a backtest needs a summit column")
    return match_statements(statements, rules)


# --- calibration -------------------------------------------------------------------------------


def _feature(outlook: np.ndarray) -> np.ndarray:
    """The outlook as the regression's one feature: its level in [-1, 1] (0 is neutral)."""
    return ((outlook - 50.0) / 50.0).reshape(-1, 1)


def fit_calibration(paths: Sequence[SummitPath]) -> Calibration:
    """Fit outlook -> P(held within H days) on these summits' days (logistic regression: monotone
    in the outlook, smooth, and with two parameters it does not chase a handful of summits; the
    scikit-learn guide prefers it to isotonic regression when calibration data is this scarce)."""
    kept = [path for path in paths if path.days]
    if not kept:
        raise BacktestError("no resolved summit has a day to fit on")
    outlook = np.concatenate([path.outlook for path in kept])
    held = np.concatenate([path.held_within for path in kept])
    base_rate = float(held.mean())
    model = None
    if 0 < held.sum() < len(held):
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(solver=LOGISTIC_SOLVER).fit(_feature(outlook), held.astype(int))
    return Calibration(summits=len(kept), days=len(held), base_rate=base_rate, model=model)


def leave_one_summit_out(
    paths: Sequence[SummitPath],
    *,
    fit: Callable[[Sequence[SummitPath]], Calibration] = fit_calibration,
    only: Sequence[str] | None = None,
) -> dict[str, tuple[np.ndarray, int]]:
    """For each summit (of `only`, if given), its days' probabilities from a mapping fitted on the
    other summits only, and how many summits that mapping rests on."""
    kept = [path for path in paths if path.days]
    wanted = set(only) if only is not None else None
    result = {}
    for path in kept:
        if wanted is not None and path.summit.id not in wanted:
            continue
        others = [other for other in kept if other.summit.id != path.summit.id]
        calibration = fit(others)
        result[path.summit.id] = (calibration.probability(path.outlook), calibration.summits)
    return result


def resolved_with_days(paths: Sequence[SummitPath]) -> int:
    return sum(1 for path in paths if path.days)


def require_history(paths: Sequence[SummitPath]) -> None:
    count = resolved_with_days(paths)
    if count < MIN_RESOLVED_SUMMITS:
        raise BacktestError(
            f"a track record needs at least {MIN_RESOLVED_SUMMITS} resolved summits with statements "
            f"before their resolution; there {'is' if count == 1 else 'are'} {count}"
        )


def calibrate(paths: Sequence[SummitPath]) -> Calibration:
    """The mapping on every resolved summit: what an open summit's chance is read from."""
    require_history(paths)
    return fit_calibration(paths)


# --- the backtest ------------------------------------------------------------------------------


def backtest_paths(
    paths: Sequence[SummitPath], weights: Weights, *, horizon_days: int, only: Sequence[str] | None = None
) -> Backtest:
    """Score resolved summits' days leave-one-summit-out (refused below MIN_RESOLVED_SUMMITS)."""
    require_history(paths)
    kept = [path for path in paths if path.days]
    if only is not None:
        unknown = sorted(set(only) - {path.summit.id for path in paths})
        if unknown:
            raise BacktestError(f"not a resolved summit with statements: {', '.join(unknown)}")
    base_rate = float(np.concatenate([path.held_within for path in kept]).mean())
    probabilities = leave_one_summit_out(kept, only=only)
    scored = [path for path in kept if path.summit.id in probabilities]
    per_summit = []
    frames = []
    for path in scored:
        p, calibrated_on = probabilities[path.summit.id]
        per_summit.append(SummitScores(path.summit, scores(p, path.held_within, base_rate), calibrated_on))
        frames.append(
            pd.DataFrame(
                {
                    "summit": path.summit.id,
                    "date": pd.to_datetime(path.dates),
                    "outlook": path.outlook,
                    "known": path.known,
                    "held_within": path.held_within,
                    "probability": p,
                }
            )
        )
    days = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    all_p = days["probability"].to_numpy(dtype=float) if len(days) else np.zeros(0)
    all_y = days["held_within"].to_numpy(dtype=bool) if len(days) else np.zeros(0, dtype=bool)
    return Backtest(
        horizon_days=horizon_days,
        weights=weights,
        summits=tuple(per_summit),
        overall=scores(all_p, all_y, base_rate),
        base_rate=base_rate,
        resolved_summits=len(kept),
        days=days,
        left_out=tuple(path.summit.id for path in paths if not path.days),
    )


def run_backtest(
    resolved: Sequence[ResolvedSummit],
    rules: Rules,
    weights: Weights,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    only: Sequence[str] | None = None,
) -> Backtest:
    """The track record of the resolved summits under `weights`."""
    paths = summit_paths(resolved, rules, weights, horizon_days=horizon_days)
    return backtest_paths(paths, weights, horizon_days=horizon_days, only=only)


# --- fitting weights ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightsFit:
    """The weights with the lowest leave-one-summit-out Brier score found, and the score before and after."""

    start: Weights
    weights: Weights
    before: float
    after: float
    evaluations: int
    resolved_summits: int

    def record(self) -> dict[str, object]:
        return {
            "before": _rounded(self.before),
            "after": _rounded(self.after),
            "evaluations": self.evaluations,
            "resolved_summits": self.resolved_summits,
            "weights": self.weights.model_dump(),
        }


# The weights by their flat names, as Weights.differences() and the dashboard's URL name them.
_SECTIONS = {"family": "families", "role": "roles"}


def _with(weights: Weights, name: str, value: float) -> Weights:
    prefix, _, key = name.partition(".")
    if name == "half_life_days":
        return weights.model_copy(update={"half_life_days": value})
    values = dict(getattr(weights, _SECTIONS[prefix]))
    values[key] = value
    return weights.model_copy(update={_SECTIONS[prefix]: values})


def _value(weights: Weights, name: str) -> float:
    prefix, _, key = name.partition(".")
    return weights.half_life_days if name == "half_life_days" else getattr(weights, _SECTIONS[prefix])[key]


def _flat_names(weights: Weights) -> list[str]:
    return (
        [f"family.{name}" for name in weights.families]
        + [f"role.{name}" for name in weights.roles]
        + ["half_life_days"]
    )


def _candidates(name: str, value: float) -> list[float]:
    if name == "half_life_days":
        low, high = HALF_LIFE_DAYS_RANGE
        return [min(max(value * factor, low), high) for factor in FIT_HALF_LIFE_FACTORS]
    # A weight of 0 has no multiple: try it at 1 (a family's or role's usual size) instead.
    base = value if value > 0 else 1.0
    return [min(max(base * factor, 0.0), MAX_WEIGHT) for factor in FIT_FACTORS]


def changed_weights(start: Weights, found: Weights) -> dict[str, tuple[float, float]]:
    """Each weight the search moved: {"family.hope": (before, after), ...}, in a stable order."""
    moved = {}
    for name in _flat_names(start):
        old, new = _value(start, name), _value(found, name)
        if not math.isclose(old, new):
            moved[name] = (old, new)
    return moved


def fit_weights(
    resolved: Sequence[ResolvedSummit],
    rules: Rules,
    start: Weights,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    budget: int = FIT_BUDGET,
    seed: int = 0,
    progress: Callable[[int, float], None] | None = None,
) -> WeightsFit:
    """Search the family weights, role weights and half-life for the lowest leave-one-summit-out
    Brier score: coordinate descent from `start`, each weight tried at a few multiples in an order
    shuffled by `seed`, at most `budget` backtests. Refused below MIN_RESOLVED_SUMMITS.

    The score after is the best found on these summits, so it is in-sample for the weights (the
    mapping inside it is still fitted leave-one-summit-out)."""
    check_horizon(horizon_days)

    def evaluate(weights: Weights, *, exact: bool = False) -> float:
        paths = summit_paths(resolved, rules, weights, horizon_days=horizon_days, exact=exact)
        return backtest_paths(paths, weights, horizon_days=horizon_days).overall.brier

    first_paths = summit_paths(resolved, rules, start, horizon_days=horizon_days)
    require_history(first_paths)
    before = backtest_paths(first_paths, start, horizon_days=horizon_days).overall.brier
    best_weights = start
    best = evaluate(start)
    evaluations = 1
    names = sorted(_flat_names(start))  # one order whatever order the weights' keys came in
    rng = np.random.default_rng(seed)
    for _ in range(FIT_MAX_PASSES):
        improved = False
        for name in [names[i] for i in rng.permutation(len(names))]:
            current = _value(best_weights, name)
            for value in _candidates(name, current):
                if evaluations >= budget:
                    break
                if math.isclose(value, current):
                    continue
                trial = _with(best_weights, name, value)
                score = evaluate(trial)
                evaluations += 1
                if progress is not None:
                    progress(evaluations, best)
                if score < best - FIT_MIN_IMPROVEMENT:
                    best, best_weights, improved = score, trial, True
                    current = value
        if not improved or evaluations >= budget:
            break
    # Both figures reported come from the exact backtest (each day's statements cut off).
    after = evaluate(best_weights, exact=True) if best_weights is not start else before
    return WeightsFit(
        start=start,
        weights=best_weights,
        before=before,
        after=after,
        evaluations=evaluations,
        resolved_summits=resolved_with_days(first_paths),
    )


# --- small helpers -----------------------------------------------------------------------------


def _day_number(day: dt.date) -> int:
    return int(np.datetime64(day, "D").astype(np.int64))


def _date(day_number: int | np.integer) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(day_number))


def _rounded(value: float | int) -> float | int | None:
    if isinstance(value, int | np.integer):
        return int(value)
    return None if math.isnan(value) else round(float(value), 4)
