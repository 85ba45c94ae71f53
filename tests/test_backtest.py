"""The track record (model/backtest.py): scores on hand-computed inputs, the statements known each
day and no later, leave-one-summit-out that never sees the summit it scores, the refusal below three
resolved summits, and the weights search. No model score is pinned: the signal model is rewritten
often, so expectations are properties or computed through the model."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from summit_outlook.cli.sources import bundled_frame
from summit_outlook.dashboard.state import load_presets
from summit_outlook.model import backtest
from summit_outlook.model.backtest import (
    MIN_RESOLVED_SUMMITS,
    BacktestError,
    brier_score,
    calibrate,
    fit_weights,
    leave_one_summit_out,
    log_loss,
    match_for_backtest,
    outlook_as_known,
    reliability,
    resolved_summits,
    run_backtest,
    summit_paths,
)
from summit_outlook.model.outlook import outlook_series, score_statements, select_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import Statement, to_frame
from summit_outlook.model.summits import Resolution, Summit, bundled_summits

RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)


@pytest.fixture(scope="module")
def bundled() -> list[backtest.ResolvedSummit]:
    return resolved_summits(match_for_backtest(bundled_frame(), RULES), bundled_summits())


# --- scores, by hand ---------------------------------------------------------------------------

SCORE_TABLE = [
    # probabilities, outcomes, Brier, log loss
    ([1.0, 0.0], [1, 0], 0.0, 0.0),
    ([0.5, 0.5], [1, 0], 0.25, math.log(2)),
    ([0.8], [1], 0.04, -math.log(0.8)),
    ([0.8], [0], 0.64, -math.log(0.2)),
    ([0.25, 0.75], [0, 0], (0.0625 + 0.5625) / 2, -(math.log(0.75) + math.log(0.25)) / 2),
    (
        [0.1, 0.9, 0.5, 0.5],
        [0, 1, 1, 0],
        (0.01 + 0.01 + 0.25 + 0.25) / 4,
        -(2 * math.log(0.9) + 2 * math.log(0.5)) / 4,
    ),
    # A certain miss: Brier 1; log loss clipped at machine precision, not infinite.
    ([0.0], [1], 1.0, -math.log(1e-15)),
]


@pytest.mark.parametrize(("probabilities", "outcomes", "brier", "loss"), SCORE_TABLE)
def test_brier_and_log_loss_by_hand(probabilities, outcomes, brier, loss) -> None:
    assert brier_score(probabilities, outcomes) == pytest.approx(brier, abs=1e-12)
    assert log_loss(probabilities, outcomes) == pytest.approx(loss, abs=1e-9)


@pytest.mark.parametrize(
    ("probabilities", "outcomes", "message"),
    [
        ([0.5], [1, 0], "1 probabilities for 2 outcomes"),
        ([1.5], [1], r"in \[0, 1\]"),
        ([math.nan], [1], r"in \[0, 1\]"),
    ],
)
def test_scores_refuse_what_is_no_forecast(probabilities, outcomes, message) -> None:
    with pytest.raises(ValueError, match=message):
        brier_score(probabilities, outcomes)


def test_the_baselines_are_scored_on_the_same_days() -> None:
    outcomes = np.array([1, 0, 0, 0], dtype=bool)
    result = backtest.scores(np.array([0.9, 0.1, 0.2, 0.1]), outcomes, base_rate=0.25)
    assert result.days == 4 and result.held_days == 1
    assert result.base_rate_brier == pytest.approx((0.75**2 + 3 * 0.25**2) / 4)
    assert result.constant_brier == pytest.approx(0.25)
    assert result.constant_log_loss == pytest.approx(math.log(2))
    assert result.brier == pytest.approx((0.01 + 0.01 + 0.04 + 0.01) / 4)


def test_reliability_counts_every_day_once_in_its_bin() -> None:
    p = [0.05, 0.15, 0.12, 0.95, 1.0, 0.0]
    y = [0, 1, 0, 1, 1, 0]
    table = reliability(p, y)
    assert table["days"].sum() == len(p)
    assert table["low"].tolist() == pytest.approx([0.0, 0.1, 0.9])
    first, second, last = table.to_dict(orient="records")
    assert (first["days"], first["observed"], first["predicted"]) == (2, 0.0, pytest.approx(0.025))
    assert (second["days"], second["observed"]) == (2, 0.5)
    assert (last["days"], last["observed"]) == (2, 1.0)  # 1.0 falls in the last bin, not past it


# --- small summits of our own -----------------------------------------------------------------

POSITIVE = "We are prepared to meet whenever necessary."
NEGATIVE = "The summit has been cancelled."


def _summit(summit_id: str, resolution: Resolution, on: str) -> Summit:
    return Summit(
        id=summit_id,
        title=summit_id,
        question=f"Will {summit_id} happen?",
        resolution=resolution,
        resolved_on=dt.date.fromisoformat(on),
        resolution_source="https://example.org/outcome",
        deadline=dt.date.fromisoformat(on) if resolution is Resolution.NOT_HELD else None,
    )


def _statements(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return to_frame(
        Statement(
            date=dt.date.fromisoformat(day), speaker="Leader", role="head_of_state", text=text, summit=summit
        )
        for summit, day, text in rows
    )


SMALL_SUMMITS = [
    _summit("alpha", Resolution.HELD, "2024-03-20"),
    _summit("beta", Resolution.CANCELLED, "2024-03-10"),
    _summit("gamma", Resolution.HELD, "2024-05-01"),
    _summit("delta", Resolution.NOT_HELD, "2024-04-15"),
    Summit(id="open-one", title="open", question="Will it?"),
]
SMALL_ROWS = [
    ("alpha", "2024-03-01", POSITIVE),
    ("alpha", "2024-03-12", POSITIVE),
    ("beta", "2024-03-01", POSITIVE),
    ("beta", "2024-03-08", NEGATIVE),
    ("gamma", "2024-03-15", POSITIVE),
    ("gamma", "2024-04-20", POSITIVE),
    ("delta", "2024-03-01", NEGATIVE),
    ("delta", "2024-04-01", NEGATIVE),
    ("open-one", "2024-03-01", POSITIVE),
]


def _small(rows=SMALL_ROWS, summits=SMALL_SUMMITS) -> list[backtest.ResolvedSummit]:
    return resolved_summits(match_for_backtest(_statements(rows), RULES), summits)


def test_each_day_from_the_first_statement_to_the_day_before_the_resolution() -> None:
    paths = {path.summit.id: path for path in summit_paths(_small(), RULES, DEFAULTS, horizon_days=10)}
    assert set(paths) == {"alpha", "beta", "gamma", "delta"}  # the open summit has no track record
    alpha = paths["alpha"]
    assert str(alpha.dates[0]) == "2024-03-01" and str(alpha.dates[-1]) == "2024-03-19"
    assert alpha.days == 19
    # Held on 20 Mar: "held within 10 days" from 10 Mar on.
    assert [str(day) for day in alpha.dates[alpha.held_within]][:1] == ["2024-03-10"]
    assert alpha.held_within.sum() == 10
    assert alpha.known.tolist() == [1] * 11 + [2] * 8
    assert not paths["beta"].held_within.any() and not paths["delta"].held_within.any()


def test_a_longer_horizon_counts_more_days_as_held() -> None:
    held = [
        sum(path.held_within.sum() for path in summit_paths(_small(), RULES, DEFAULTS, horizon_days=days))
        for days in (1, 7, 30, 90)
    ]
    assert held == sorted(held) and held[0] < held[-1]


@pytest.mark.parametrize("days", [0, -3, 366])
def test_a_horizon_out_of_range_is_refused(days: int) -> None:
    with pytest.raises(BacktestError, match="horizon"):
        run_backtest(_small(), RULES, DEFAULTS, horizon_days=days)


def test_statements_on_or_after_the_resolution_day_are_never_scored() -> None:
    rows = [
        *SMALL_ROWS,
        ("alpha", "2024-03-20", "The summit was held today."),
        ("alpha", "2024-04-02", NEGATIVE),
    ]
    with_late = {path.summit.id: path for path in summit_paths(_small(rows), RULES, DEFAULTS)}
    without = {path.summit.id: path for path in summit_paths(_small(), RULES, DEFAULTS)}
    assert np.array_equal(with_late["alpha"].outlook, without["alpha"].outlook)
    assert with_late["alpha"].known.max() == 2


# --- the statements known each day, and no later ----------------------------------------------


def test_each_days_outlook_is_the_outlook_of_the_statements_dated_up_to_that_day(bundled) -> None:
    """Computed the slow, obvious way: for each day, keep the statements dated up to it, score them
    and read the outlook's last value."""
    one = next(item for item in bundled if item.summit.id == "trump-kim-singapore-2018")
    (path,) = summit_paths([one], RULES, DEFAULTS)
    dates = pd.to_datetime(one.matched.statements["date"])
    for index in range(0, path.days, 7):
        day = pd.Timestamp(path.dates[index])
        rows = np.flatnonzero((dates <= day).to_numpy())
        known = select_statements(one.matched, rows)
        series = outlook_series(score_statements(known, RULES, DEFAULTS), RULES, DEFAULTS, end=day.date())
        assert path.outlook[index] == pytest.approx(series["outlook"].iloc[-1], abs=1e-9), day
        assert path.known[index] == len(rows)


def test_a_statement_changes_nothing_before_its_day(bundled) -> None:
    frame = bundled_frame()
    summit = next(s for s in bundled_summits() if s.id == "trump-kim-singapore-2018")
    before = {path.summit.id: path for path in summit_paths(bundled, RULES, DEFAULTS)}[summit.id]
    day = pd.Timestamp(before.dates[40])
    added = pd.concat(
        [frame, _statements([(summit.id, day.date().isoformat(), NEGATIVE)])], ignore_index=True
    )
    after_resolved = resolved_summits(match_for_backtest(added, RULES), bundled_summits())
    after = {path.summit.id: path for path in summit_paths(after_resolved, RULES, DEFAULTS)}[summit.id]
    assert np.array_equal(after.outlook[:40], before.outlook[:40])
    assert after.outlook[40] != before.outlook[40]  # the statement counts from its own day
    # So the summit's probabilities (fitted on the other summits) are unchanged before that day.
    old = run_backtest(bundled, RULES, DEFAULTS, only=[summit.id]).days
    new = run_backtest(after_resolved, RULES, DEFAULTS, only=[summit.id]).days
    assert np.array_equal(old["probability"].to_numpy()[:40], new["probability"].to_numpy()[:40])


@pytest.mark.parametrize("preset", [preset.name for preset in load_presets(RULES)])
def test_one_series_per_summit_is_the_exact_cut_off_path(bundled, preset: str) -> None:
    """The weights search reads one series per summit; it is only allowed because the outlook on
    a day depends on earlier statements alone. This fails if it ever stops doing so."""
    weights = next(p for p in load_presets(RULES) if p.name == preset).weights(RULES)
    exact = summit_paths(bundled, RULES, weights)
    fast = summit_paths(bundled, RULES, weights, exact=False)
    for slow, quick in zip(exact, fast, strict=True):
        assert np.allclose(slow.outlook, quick.outlook, atol=1e-9), slow.summit.id
        assert np.array_equal(slow.known, quick.known)


def test_outlook_as_known_before_any_statement_is_empty(bundled) -> None:
    one = bundled[0]
    first = pd.to_datetime(one.matched.statements["date"]).min().date()
    assert outlook_as_known(one.matched, RULES, DEFAULTS, until=first - dt.timedelta(days=1)).empty


# --- leave one summit out ----------------------------------------------------------------------


def test_leave_one_summit_out_never_fits_on_the_summit_it_scores(bundled) -> None:
    paths = summit_paths(bundled, RULES, DEFAULTS)
    seen: list[set[str]] = []

    def spy(training):
        seen.append({path.summit.id for path in training})
        return backtest.fit_calibration(training)

    result = leave_one_summit_out(paths, fit=spy)
    scored = [path.summit.id for path in paths if path.days]
    assert list(result) == scored
    for summit_id, training in zip(scored, seen, strict=True):
        assert summit_id not in training
        assert training == set(scored) - {summit_id}
        assert result[summit_id][1] == len(scored) - 1


def test_a_summits_own_outcome_never_reaches_its_probabilities() -> None:
    """Turn a held summit into a cancelled one on the same day: its labels change, its
    probabilities (fitted on the others) do not; the others' do, as they fit on it."""
    flipped = [
        _summit("alpha", Resolution.CANCELLED, "2024-03-20") if summit.id == "alpha" else summit
        for summit in SMALL_SUMMITS
    ]
    held = run_backtest(_small(), RULES, DEFAULTS, horizon_days=10)
    cancelled = run_backtest(_small(summits=flipped), RULES, DEFAULTS, horizon_days=10)

    def days(result, summit_id):
        return result.days[result.days["summit"] == summit_id]

    assert days(held, "alpha")["held_within"].any() and not days(cancelled, "alpha")["held_within"].any()
    assert np.allclose(days(held, "alpha")["probability"], days(cancelled, "alpha")["probability"])
    assert not np.allclose(days(held, "gamma")["probability"], days(cancelled, "gamma")["probability"])


# --- fewer than three resolved summits ---------------------------------------------------------


def test_fewer_than_three_resolved_summits_are_refused() -> None:
    two = [summit for summit in SMALL_SUMMITS if summit.id in ("alpha", "beta", "open-one")]
    rows = [row for row in SMALL_ROWS if row[0] in ("alpha", "beta", "open-one")]
    resolved = _small(rows, two)
    message = f"at least {MIN_RESOLVED_SUMMITS} resolved summits .* there are 2"
    with pytest.raises(BacktestError, match=message):
        run_backtest(resolved, RULES, DEFAULTS)
    with pytest.raises(BacktestError, match=message):
        fit_weights(resolved, RULES, DEFAULTS)
    with pytest.raises(BacktestError, match=message):
        calibrate(summit_paths(resolved, RULES, DEFAULTS))


def test_a_resolved_summit_with_no_statement_before_its_resolution_does_not_count() -> None:
    rows = [row for row in SMALL_ROWS if row[0] != "delta"] + [("delta", "2024-04-20", NEGATIVE)]
    three = [summit for summit in SMALL_SUMMITS if summit.id != "gamma"]
    with pytest.raises(BacktestError, match="there are 2"):
        run_backtest(_small(rows, three), RULES, DEFAULTS)
    result = run_backtest(_small(rows), RULES, DEFAULTS)
    assert result.resolved_summits == 3 and result.left_out == ("delta",)


def test_three_resolved_summits_are_enough() -> None:
    three = [summit for summit in SMALL_SUMMITS if summit.id != "delta"]
    result = run_backtest(_small(summits=three), RULES, DEFAULTS, horizon_days=10)
    assert result.resolved_summits == 3
    assert all(summit.calibrated_on == 2 for summit in result.summits)


# --- the backtest of the bundled summits -------------------------------------------------------


def test_the_bundled_backtest_adds_up(bundled) -> None:
    result = run_backtest(bundled, RULES, DEFAULTS)
    resolved = [summit for summit in bundled_summits() if summit.resolved]
    assert result.resolved_summits == len(resolved) - len(result.left_out)
    assert result.resolved_summits >= MIN_RESOLVED_SUMMITS
    assert sum(one.scores.days for one in result.summits) == result.overall.days == len(result.days)
    assert all(one.calibrated_on == result.resolved_summits - 1 for one in result.summits)
    overall = result.overall
    assert overall.constant_brier == pytest.approx(0.25)
    assert overall.base_rate_brier == pytest.approx(result.base_rate * (1 - result.base_rate))
    assert 0 <= overall.brier <= 1 and overall.log_loss >= 0
    probability = result.days["probability"].to_numpy()
    assert ((probability > 0) & (probability < 1)).all()
    # The days frame holds each day's outcome as the summit's resolution says.
    for one in result.summits:
        days = result.days[result.days["summit"] == one.summit.id]
        assert days["date"].max() < pd.Timestamp(one.summit.resolved_on)
        if one.summit.resolution is not Resolution.HELD:
            assert not days["held_within"].any()
        else:
            left = (pd.Timestamp(one.summit.resolved_on) - days["date"]).dt.days
            assert (days["held_within"] == (left <= result.horizon_days)).all()


def test_the_record_has_what_the_command_prints(bundled) -> None:
    record = run_backtest(bundled, RULES, DEFAULTS).record()
    for key in ("brier", "log_loss", "base_rate_brier", "constant_brier", "summits", "days"):
        assert key in record["overall"]
    assert {"id", "brier", "log_loss", "base_rate_brier", "constant_brier", "days", "calibrated_on"} <= set(
        record["summits"][0]
    )


def test_the_users_weights_have_a_track_record_of_their_own(bundled) -> None:
    sceptic = next(p for p in load_presets(RULES) if p.name == "Sceptic").weights(RULES)
    default = run_backtest(bundled, RULES, DEFAULTS)
    theirs = run_backtest(bundled, RULES, sceptic)
    assert theirs.weights == sceptic
    assert not np.allclose(default.days["outlook"], theirs.days["outlook"])
    assert default.overall.days == theirs.overall.days  # the same days, scored under other weights


def test_the_calibration_rests_on_every_resolved_summit(bundled) -> None:
    paths = summit_paths(bundled, RULES, DEFAULTS)
    calibration = calibrate(paths)
    assert calibration.summits == sum(1 for path in paths if path.days)
    chances = calibration.probability([0.0, 50.0, 100.0])
    assert ((chances > 0) & (chances < 1)).all()
    assert np.all(np.diff(chances) >= 0) or np.all(np.diff(chances) <= 0)  # monotone


# --- fitting weights ---------------------------------------------------------------------------


def test_fitting_weights_never_ends_worse_and_stays_within_bounds(bundled) -> None:
    fit = fit_weights(bundled, RULES, DEFAULTS, budget=8, seed=1)
    assert fit.evaluations <= 8
    assert fit.after <= fit.before
    fit.weights.check(RULES)
    assert fit.before == pytest.approx(run_backtest(bundled, RULES, DEFAULTS).overall.brier)
    assert fit.after == pytest.approx(run_backtest(bundled, RULES, fit.weights).overall.brier)
    again = fit_weights(bundled, RULES, DEFAULTS, budget=8, seed=1)
    assert again.weights == fit.weights  # seeded: the same search, the same answer
