"""The outlook series: the bundled story, hard events, decay, re-weighting and invariants."""

from __future__ import annotations

import pandas as pd
import pytest

from summit_outlook.model.outlook import (
    DRIVER_PREFIX,
    headline,
    match_statements,
    outlook_series,
    score_statements,
    status_bands,
)
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights, weights_from_mapping
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame

RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)


def bundled() -> pd.DataFrame:
    return to_frame(read_statements_csv(bundled_statements_path()))


def series_for(statements: pd.DataFrame, weights: Weights = DEFAULTS, **kwargs) -> pd.DataFrame:
    scored = score_statements(match_statements(statements, RULES), RULES, weights)
    return outlook_series(scored, RULES, weights, **kwargs)


def frame(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["date", "speaker", "role", "text"]).assign(
        date=lambda f: pd.to_datetime(f["date"])
    )


def on(series: pd.DataFrame, day: str) -> pd.Series:
    return series.set_index("date").loc[pd.Timestamp(day)]


# --- the bundled 2025 story ---------------------------------------------------------------


def test_bundled_story_shape() -> None:
    series = series_for(bundled())
    budapest_announced = on(series, "2025-10-13")["outlook"]
    cancelled = on(series, "2025-10-22")["outlook"]
    latest = on(series, "2025-11-17")["outlook"]
    assert budapest_announced > 55
    assert on(series, "2025-10-22")["status"] == "Off"
    low_point = series.loc[series["outlook"].idxmin(), "date"]
    assert pd.Timestamp("2025-10-21") <= low_point <= pd.Timestamp("2025-10-24")
    assert cancelled < on(series, "2025-11-09")["outlook"] < latest  # Lavrov, then Peskov
    assert latest < budapest_announced  # a partial recovery, not a full one


def test_series_is_daily_and_complete() -> None:
    series = series_for(bundled())
    assert series["date"].diff().dropna().eq(pd.Timedelta(days=1)).all()
    assert series["date"].iloc[0] == pd.Timestamp("2025-08-15")
    assert series["date"].iloc[-1] == pd.Timestamp("2025-11-17")
    assert series["statements"].sum() == len(bundled())
    assert series["outlook"].between(0, 100).all()


def test_every_outlook_value_has_its_band() -> None:
    series = series_for(bundled())
    for value, status in zip(series["outlook"], series["status"], strict=True):
        assert status == RULES.band_for(value)


def test_band_edges() -> None:
    assert list(status_bands(pd.Series([0, 24.99, 25, 100]).to_numpy(), RULES)) == [
        "Off",
        "Off",
        "Stalled",
        "Scheduled",
    ]


def test_drivers_add_up_to_the_distance_from_neutral() -> None:
    series = series_for(bundled())
    drivers = series.filter(like=DRIVER_PREFIX).sum(axis=1)
    assert (series["outlook"] - RULES.outlook.neutral).to_numpy() == pytest.approx(drivers.to_numpy())


# --- hard events ---------------------------------------------------------------------------


def test_a_cancellation_is_not_averaged_away_by_earlier_optimism() -> None:
    optimism = [
        (f"2025-03-0{day}", "Aide", "official", "We are ready to meet and hope to meet soon.")
        for day in range(1, 8)
    ]
    cancel = [("2025-03-08", "President", "head_of_state", "I have cancelled the summit.")]
    series = series_for(frame(optimism + cancel))
    assert on(series, "2025-03-07")["outlook"] > 70
    assert on(series, "2025-03-08")["status"] == "Off"
    assert on(series, "2025-03-08")["events"] == "cancelled"


def test_a_scheduled_date_lifts_the_outlook_decisively() -> None:
    gloom = [("2025-03-01", "Aide", "official", "The talks are stalled and go nowhere.")]
    date_set = [("2025-03-05", "Spokesperson", "spokesperson", "The summit is scheduled for June 12.")]
    series = series_for(frame(gloom + date_set))
    assert on(series, "2025-03-04")["outlook"] < 50 < 70 < on(series, "2025-03-05")["outlook"]


def test_stale_evidence_drifts_back_to_neutral() -> None:
    series = series_for(
        frame([("2025-01-01", "P", "head_of_state", "The summit is off the table.")]),
        end=pd.Timestamp("2025-06-01"),
    )
    assert on(series, "2025-01-01")["outlook"] < 25
    assert on(series, "2025-06-01")["outlook"] == pytest.approx(RULES.outlook.neutral, abs=1)


def test_a_shorter_half_life_forgets_faster() -> None:
    statements = frame([("2025-01-01", "P", "head_of_state", "The summit is off the table.")])
    short = weights_from_mapping({"half_life_days": 3}, RULES)
    day = "2025-01-20"
    assert (
        on(series_for(statements, short, end=pd.Timestamp(day)), day)["outlook"]
        > on(series_for(statements, end=pd.Timestamp(day)), day)["outlook"]
    )


def test_speaker_role_weights_matter() -> None:
    statements = frame(
        [
            ("2025-01-01", "President", "head_of_state", "We plan to meet soon."),
            ("2025-01-01", "Aide", "official", "The summit is off the table."),
        ]
    )
    trust_aides = weights_from_mapping({"roles": {"head_of_state": 0.1, "official": 3.0}}, RULES)
    assert on(series_for(statements), "2025-01-01")["outlook"] > 50
    assert on(series_for(statements, trust_aides), "2025-01-01")["outlook"] < 50


# --- re-weighting -------------------------------------------------------------------------


def test_reweighting_moves_the_outlook_the_expected_way() -> None:
    matched = match_statements(bundled(), RULES)
    heavier_cancellation = weights_from_mapping({"families": {"cancellation": 3.0}}, RULES)
    default = outlook_series(score_statements(matched, RULES, DEFAULTS), RULES, DEFAULTS)
    heavier = outlook_series(
        score_statements(matched, RULES, heavier_cancellation), RULES, heavier_cancellation
    )
    assert on(heavier, "2025-10-22")["outlook"] < on(default, "2025-10-22")["outlook"]


def test_zero_weight_silences_a_family() -> None:
    silent = weights_from_mapping({"families": {"cancellation": 0.0}}, RULES)
    matched = match_statements(
        frame([("2025-01-01", "P", "head_of_state", "The summit is cancelled.")]), RULES
    )
    scored = score_statements(matched, RULES, silent)
    assert scored.statements["score"].tolist() == [0.0]
    assert (scored.matches["contribution"] == 0).all()


def test_scoring_never_mutates_its_inputs() -> None:
    statements = bundled()
    before = statements.copy()
    matched = match_statements(statements, RULES)
    matches_before = matched.matches.copy()
    score_statements(matched, RULES, DEFAULTS)
    pd.testing.assert_frame_equal(statements, before)
    pd.testing.assert_frame_equal(matched.matches, matches_before)
    assert "score" not in matched.statements


def test_deterministic() -> None:
    first = series_for(bundled())
    second = series_for(bundled())
    pd.testing.assert_frame_equal(first, second)


def test_scores_are_bounded() -> None:
    loud = frame([("2025-01-01", "P", "head_of_state", "The summit is definitely scheduled! " * 50)])
    scored = score_statements(
        match_statements(loud, RULES), RULES, weights_from_mapping({"families": {"scheduled": 5.0}}, RULES)
    )
    assert -1.0 <= scored.statements["score"].iloc[0] <= 1.0


# --- headline --------------------------------------------------------------------------------


def test_headline_reports_value_band_and_changes() -> None:
    series = series_for(bundled())
    line = headline(series)
    assert line.date == pd.Timestamp("2025-11-17")
    assert line.status == RULES.band_for(line.outlook)
    assert line.change[7] == pytest.approx(line.outlook - on(series, "2025-11-10")["outlook"])
    assert line.change[30] == pytest.approx(line.outlook - on(series, "2025-10-18")["outlook"])


def test_headline_change_is_none_before_the_series_starts() -> None:
    series = series_for(frame([("2025-01-01", "P", "head_of_state", "We will meet.")]))
    assert headline(series).change == {7: None, 30: None}


def test_empty_statements_give_an_empty_series() -> None:
    series = series_for(frame([]))
    assert series.empty and headline(series) is None
