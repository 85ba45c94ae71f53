"""The Track record page and an open summit's chance of a meeting, driven by AppTest: the scores
beside the baselines, the table per summit, the reliability diagram and the paths, the user's
weights beside the defaults, not enough history below three resolved summits, and Fit weights
offering its result. Figures are computed through the model, never pinned."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from summit_outlook.cli.sources import bundled_frame
from summit_outlook.dashboard.state import widget_key
from summit_outlook.dashboard.store_access import STATEMENTS_ENV
from summit_outlook.model.backtest import match_for_backtest, resolved_summits, run_backtest
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.summits import BUNDLED_SUMMIT_ID, bundled_summits
from summit_outlook.paths import DB_URL_VARIABLE, dashboard_app
from summit_outlook.store import open_seeded_store

APP = dashboard_app()
RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)
RUN_TIMEOUT_S = 120
CHANCE = re.compile(r"\*\*Chance of a meeting within 30 days: (\d+)%\*\*")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = f"sqlite:///{tmp_path / 'statements.db'}"
    monkeypatch.setenv(DB_URL_VARIABLE, url)
    monkeypatch.delenv(STATEMENTS_ENV, raising=False)
    with open_seeded_store(url) as opened:
        yield opened


def _file_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summit_ids: set[str]) -> Path:
    """A statements file of these bundled summits only, shown instead of the store."""
    frame = bundled_frame()
    frame = frame[frame["summit"].isin(summit_ids)].copy()
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    path = tmp_path / "statements.csv"
    frame.to_csv(path, index=False, quoting=csv.QUOTE_NONNUMERIC)
    monkeypatch.setenv(STATEMENTS_ENV, str(path))
    return path


def start(query: dict[str, str]) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query)
    return run(app)


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def _expected(weights: Weights = DEFAULTS):
    resolved = resolved_summits(match_for_backtest(bundled_frame(), RULES), bundled_summits())
    return run_backtest(resolved, RULES, weights)


def test_the_track_record_page_scores_every_resolved_summit(store) -> None:
    app = start({"page": "track-record"})
    expected = _expected()
    assert app.title[0].value == "Track record"
    assert any("development corpus" in info.value and "in-sample" in info.value for info in app.info)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {
        "Brier score, default weights": f"{expected.overall.brier:.3f}",
        "Base rate": f"{expected.overall.base_rate_brier:.3f}",
        "Constant 50%": "0.250",
    }
    verdict = "below" if expected.overall.brier < expected.overall.base_rate_brier else "not below"
    assert any(f"is **{verdict}** the base rate's" in markdown.value for markdown in app.markdown)
    (table,) = [frame.value for frame in app.dataframe]
    assert len(table) == len(expected.summits) + 1
    assert table["summit"].iloc[-1] == "All resolved summits"
    assert table["days"].iloc[-1] == expected.overall.days == table["days"].iloc[:-1].sum()
    assert "brier_yours" not in table.columns
    assert table["brier_default"].iloc[-1] == pytest.approx(expected.overall.brier)
    charts = [chart for chart in app.get("plotly_chart")]
    assert len(charts) == 1 + len(expected.summits)  # the reliability diagram and a path per summit
    # The navigation marks the page it shows.
    assert app.button(key="nav_track-record").proto.type == "primary"


def test_the_users_weights_are_scored_beside_the_defaults(store) -> None:
    app = start({"page": "track-record", "family.hope": "2"})
    yours = _expected(
        Weights.defaults(RULES).model_copy(update={"families": {**DEFAULTS.families, "hope": 2.0}})
    )
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Brier score, your weights"] == f"{yours.overall.brier:.3f}"
    (table,) = [frame.value for frame in app.dataframe]
    assert table["brier_yours"].iloc[-1] == pytest.approx(yours.overall.brier)


def test_an_open_summits_page_gives_the_chance_of_a_meeting(store) -> None:
    app = start({"summit": BUNDLED_SUMMIT_ID})
    (chance,) = [markdown.value for markdown in app.markdown if CHANCE.search(markdown.value)]
    assert 0 <= int(CHANCE.search(chance).group(1)) <= 100
    calibrated = _expected().resolved_summits
    assert any(f"Calibrated on {calibrated} resolved summits" in caption.value for caption in app.caption)
    # Its link goes to the track record.
    app.button(key="to_track_record").click()
    run(app)
    assert app.query_params.get("page") == ["track-record"] or app.query_params.get("page") == "track-record"
    assert app.title[0].value == "Track record"


def test_a_resolved_summits_page_gives_no_chance(store) -> None:
    app = start({"summit": "trump-kim-singapore-2018"})
    assert not [markdown for markdown in app.markdown if "Chance of a meeting" in markdown.value]


def test_fewer_than_three_resolved_summits_is_not_enough_history(tmp_path: Path, monkeypatch) -> None:
    _file_of(tmp_path, monkeypatch, {BUNDLED_SUMMIT_ID, "trump-kim-singapore-2018", "modi-xi-kazan-2024"})
    app = start({"summit": BUNDLED_SUMMIT_ID})
    assert any(
        markdown.value == "**Chance of a meeting within 30 days:** not enough history"
        for markdown in app.markdown
    )
    assert not [markdown for markdown in app.markdown if CHANCE.search(markdown.value)]
    app = start({"page": "track-record"})
    assert any(
        "Not enough history" in warning.value and "there are 2" in warning.value for warning in app.warning
    )
    assert not app.dataframe


def test_fit_weights_reports_before_and_after_and_offers_the_weights(tmp_path: Path, monkeypatch) -> None:
    few = {
        BUNDLED_SUMMIT_ID,
        "trump-zelensky-oval-office-2025",
        "trump-zelensky-nato-2025",
        "trump-putin-washington-2018",
        "trump-zelensky-thanksgiving-2025",
    }
    _file_of(tmp_path, monkeypatch, few)
    app = start({"page": "track-record"})
    app.button(key="fit_weights").click()
    run(app)
    (report,) = [success.value for success in app.success]
    before, after = (float(value) for value in re.findall(r"(\d\.\d{4}) (?:before|after)", report))
    assert after <= before
    assert "on 4 resolved summits" in report
    use = app.button(key="use_fitted_weights")
    if use.disabled:  # nothing scored lower: there is nothing to use
        return
    use.click()
    run(app)
    moved = [text.value for text in app.text if "->" in text.value]
    assert moved
    name, _, change = moved[0].splitlines()[0].partition(": ")
    new = float(change.split(" -> ")[1])
    assert app.session_state[widget_key(name)] == new
