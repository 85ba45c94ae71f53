"""The Track record page (what the outlook said before resolved summits, scored), the chance of a
meeting on an open summit's page, and "Fit weights"; the heavy steps cached per data revision and
weights."""

from __future__ import annotations

from enum import StrEnum

import streamlit as st

from summit_outlook.dashboard.navigation import PageKind, go_to, plain_markdown
from summit_outlook.dashboard.sidebar import apply_weights
from summit_outlook.model.backtest import (
    DEFAULT_HORIZON_DAYS,
    FIT_BUDGET,
    HORIZON_DAYS_RANGE,
    MIN_RESOLVED_SUMMITS,
    Backtest,
    BacktestError,
    Calibration,
    ResolvedSummit,
    WeightsFit,
    calibrate,
    changed_weights,
    fit_weights,
    resolved_summits,
    run_backtest,
    summit_paths,
)
from summit_outlook.model.outlook import Headline, MatchedStatements
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.summits import Summit
from summit_outlook.report.export import MIME_TYPES
from summit_outlook.report.track_record import brier_table, path_figure, reliability_figure
from summit_outlook.report.views import format_day, rules_label

HORIZON_KEY = "track_record_horizon"
FIT_KEY = "track_record_fit"
# Split statement sets kept: the current revision and a few a slower session may still show.
KEPT_REVISIONS = 4
# Summits' small charts a row on a wide screen.
PATH_COLUMNS = 4
# Streamlit's table row height, to show every summit without a scroll bar.
TABLE_ROW_PX = 35
# The open summit's page always asks the question: a meeting within 30 days.
CHANCE_HORIZON_DAYS = DEFAULT_HORIZON_DAYS
IN_SAMPLE_NOTE = (
    "The bundled resolved summits are also the signal model's development corpus, so their track "
    "record is in-sample for the rules: the rules were written while reading these sagas."
)


# --- cached steps: the data by its revision, the weights by their JSON ------------------------


@st.cache_resource(show_spinner=False, max_entries=KEPT_REVISIONS)
def resolved_for(
    revision: str, _matched: MatchedStatements, _summits: tuple[Summit, ...]
) -> list[ResolvedSummit]:
    """The resolved summits with their share of the matched statements, once per revision."""
    return resolved_summits(_matched, _summits)


class Step(StrEnum):
    """What the page computes from the resolved summits under one set of weights."""

    BACKTEST = "backtest"  # the track record
    CALIBRATION = "calibration"  # the mapping an open summit's chance is read from
    FIT = "fit"  # the weights search


def _run(step: Step, resolved: list[ResolvedSummit], rules: Rules, weights: Weights, horizon_days: int):
    if step is Step.BACKTEST:
        return run_backtest(resolved, rules, weights, horizon_days=horizon_days)
    if step is Step.CALIBRATION:
        # On one series per summit (exact=False), as the weights search: a slider move on an open
        # summit's page recalibrates, and that keeps it a fraction of a second
        # (tests/test_backtest.py checks it equals the statements-cut-off path).
        paths = summit_paths(resolved, rules, weights, horizon_days=horizon_days, exact=False)
        return calibrate(paths)
    return fit_weights(resolved, rules, weights, horizon_days=horizon_days)


@st.cache_data(show_spinner=False, max_entries=32)
def cached_step(
    step: str,
    revision: str,
    rules_id: str,
    weights_json: str,
    horizon_days: int,
    _resolved: list[ResolvedSummit],
    _rules: Rules,
    _weights: Weights,
) -> Backtest | Calibration | WeightsFit | str:
    """A step's result, or why there is none; kept per data revision, rules, weights and horizon."""
    try:
        return _run(Step(step), _resolved, _rules, _weights, horizon_days)
    except BacktestError as error:
        return str(error)


def computed(
    step: Step,
    revision: str,
    resolved: list[ResolvedSummit],
    rules: Rules,
    weights: Weights,
    horizon_days: int,
):
    """`step` through the cache: the data known by its revision, the weights by their JSON."""
    key = (step.value, revision, rules_label(rules), weights.to_json(), horizon_days)
    return cached_step(*key, resolved, rules, weights)


# --- the page ----------------------------------------------------------------------------------


def track_record_ui(
    revision: str, matched: MatchedStatements, summits: tuple[Summit, ...], rules: Rules, weights: Weights
) -> None:
    st.title("Track record", anchor=False)
    st.caption(
        "What the outlook said before summits that were held and before those that were not. For "
        "every resolved summit, each day from its first statement to the day before its resolution: "
        "the outlook from the statements dated up to that day only, turned into a chance of a summit "
        "within the horizon by a mapping fitted on the other resolved summits (leave-one-summit-out), "
        "and scored against what happened. Brier score: 0 is perfect, lower is better."
    )
    st.info(IN_SAMPLE_NOTE, icon=":material/science:")
    horizon = int(
        st.number_input(
            "Horizon (days): a day counts as followed by a summit when one was held within this many days",
            min_value=HORIZON_DAYS_RANGE[0],
            max_value=HORIZON_DAYS_RANGE[1],
            value=DEFAULT_HORIZON_DAYS,
            step=1,
            key=HORIZON_KEY,
            width=460,
        )
    )
    resolved = resolved_for(revision, matched, summits)
    defaults = Weights.defaults(rules)
    with st.spinner("Scoring the track record\u2026"):
        default = computed(Step.BACKTEST, revision, resolved, rules, defaults, horizon)
    if isinstance(default, str):
        st.warning(f"Not enough history for a track record: {default}.", icon=":material/history:")
        return
    changed = bool(weights.differences(rules))
    yours = computed(Step.BACKTEST, revision, resolved, rules, weights, horizon) if changed else None
    summary_ui(default, yours if isinstance(yours, Backtest) else None)
    st.subheader("Brier score per summit", anchor=False)
    table_ui(default, yours if isinstance(yours, Backtest) else None)
    st.subheader("Reliability", anchor=False)
    results = [("Default weights", default)] + (
        [("Your weights", yours)] if isinstance(yours, Backtest) else []
    )
    st.plotly_chart(reliability_figure(results), theme=None, config={"displaylogo": False}, key="reliability")
    st.caption(
        "Each point is one band of predicted chance (0\u201310%, 10\u201320%, \u2026): its mean "
        "prediction against how often a summit followed within the horizon; the number is how many "
        "days fell in it. Points on the diagonal are well calibrated; above it, the chance was too low."
    )
    st.subheader("What the outlook said, summit by summit", anchor=False)
    shown = yours if isinstance(yours, Backtest) else default
    st.caption(
        f"Solid blue: the outlook as known each day ({'your' if shown is yours else 'default'} "
        f"weights); dotted orange: the chance of a summit within {horizon} days it was given (%), "
        "fitted on the other summits; the dashed line is the resolution (green star: held, red "
        "cross: cancelled or not held)."
    )
    paths_ui(shown)
    fit_ui(revision, resolved, rules, weights, horizon)


def paths_ui(result: Backtest) -> None:
    """A small chart per summit, PATH_COLUMNS a row (Streamlit stacks the columns on a phone)."""
    for start in range(0, len(result.summits), PATH_COLUMNS):
        row = result.summits[start : start + PATH_COLUMNS]
        for column, one in zip(st.columns(PATH_COLUMNS), row, strict=False):
            with column:
                st.plotly_chart(
                    path_figure(result, one.summit.id),
                    theme=None,
                    config={"displayModeBar": False},
                    key=f"path_{one.summit.id}",
                )


def summary_ui(default: Backtest, yours: Backtest | None) -> None:
    overall = default.overall
    verdict = "below" if overall.brier < overall.base_rate_brier else "not below"
    columns = st.columns(4 if yours is not None else 3)
    columns[0].metric(
        "Brier score, default weights",
        f"{overall.brier:.3f}",
        help=f"Log loss {overall.log_loss:.3f}. Over {overall.days:,} days of "
        f"{len(default.summits)} summits.",
        border=True,
    )
    columns[1].metric(
        "Base rate",
        f"{overall.base_rate_brier:.3f}",
        help=f"Always the share of days followed by a summit ({default.base_rate:.1%}); log loss "
        f"{overall.base_rate_log_loss:.3f}.",
        border=True,
    )
    columns[2].metric(
        "Constant 50%", f"{overall.constant_brier:.3f}", help="A coin flip every day.", border=True
    )
    if yours is not None:
        columns[3].metric(
            "Brier score, your weights",
            f"{yours.overall.brier:.3f}",
            delta=f"{yours.overall.brier - overall.brier:+.3f} vs default",
            delta_color="inverse",
            help=f"Log loss {yours.overall.log_loss:.3f}.",
            border=True,
        )
    st.markdown(
        f"With the default weights the outlook's Brier score is **{verdict}** the base rate's: "
        f"{overall.brier:.3f} against {overall.base_rate_brier:.3f}, on {overall.days:,} days of "
        f"{len(default.summits)} resolved summits, {overall.held_days:,} of them followed by a summit "
        f"within {default.horizon_days} days. Each summit's chance was fitted on the other "
        f"{default.resolved_summits - 1}."
    )
    if default.left_out:
        st.caption(f"No day to score (no statement before the resolution): {', '.join(default.left_out)}.")


def table_ui(default: Backtest, yours: Backtest | None) -> None:
    table = brier_table(default, yours)
    brier = st.column_config.NumberColumn
    st.dataframe(
        table,
        hide_index=True,
        key="brier_table",
        height=TABLE_ROW_PX * (len(table) + 1) + 3,  # every summit at once, no scrolling
        column_config={
            "summit": st.column_config.TextColumn("Summit", width=240),
            "resolution": st.column_config.TextColumn("Resolution", width=170),
            "days": st.column_config.NumberColumn("Days", width=60),
            "held_days": st.column_config.NumberColumn(
                "Followed", help="Days followed by a summit within the horizon", width=70
            ),
            "brier_default": brier("Brier (default)", format="%.3f", width=100),
            "brier_yours": brier("Brier (yours)", format="%.3f", width=100),
            "brier_base_rate": brier("Base rate", format="%.3f", width=85),
            "brier_constant": brier("50%", format="%.3f", width=60),
        },
    )


def fit_ui(
    revision: str, resolved: list[ResolvedSummit], rules: Rules, weights: Weights, horizon: int
) -> None:
    st.subheader("Fit weights", anchor=False)
    st.caption(
        "Searches the family weights, role weights and half-life, starting from the sidebar's, for "
        f"the lowest leave-one-summit-out Brier score (at most {FIT_BUDGET} backtests, about half a "
        "minute). The weights are chosen on these same summits, so the score after is optimistic."
    )
    if st.button("Fit weights", key="fit_weights", icon=":material/tune:"):
        with st.spinner("Searching the weights\u2026"):
            st.session_state[FIT_KEY] = computed(Step.FIT, revision, resolved, rules, weights, horizon)
    fit = st.session_state.get(FIT_KEY)
    if fit is None:
        return
    if isinstance(fit, str):
        st.warning(f"Fit weights refused: {fit}.", icon=":material/history:")
        return
    st.success(
        f"Brier score {fit.before:.4f} before, {fit.after:.4f} after {fit.evaluations} backtests "
        f"on {fit.resolved_summits} resolved summits."
    )
    moved = changed_weights(fit.start, fit.weights)
    if moved:
        st.text("\n".join(f"{name}: {old:g} -> {new:g}" for name, (old, new) in moved.items()))
    else:
        st.text("No change of weight scored lower.")
    use, download = st.columns(2, width=520)
    use.button(
        "Use the fitted weights",
        key="use_fitted_weights",
        icon=":material/check:",
        on_click=apply_weights,
        args=(st.session_state, fit.weights),
        disabled=not moved,
        width="stretch",
    )
    download.download_button(
        "Download them (JSON)",
        data=fit.weights.to_json(),
        file_name="summit-outlook-fitted-weights.json",
        mime=MIME_TYPES["json"],
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )


# --- on an open summit's page ------------------------------------------------------------------


def chance_ui(
    revision: str,
    matched: MatchedStatements,
    summits: tuple[Summit, ...],
    rules: Rules,
    weights: Weights,
    current: Headline | None,
) -> None:
    """'Chance of a meeting within 30 days: NN%', calibrated on the resolved summits, or why not."""
    resolved = resolved_for(revision, matched, summits)
    calibration = computed(Step.CALIBRATION, revision, resolved, rules, weights, CHANCE_HORIZON_DAYS)
    with st.container(border=True, key="meeting_chance"):
        text, link = st.columns([4, 1], vertical_alignment="center")
        with text:
            if isinstance(calibration, str) or current is None:
                st.markdown(f"**Chance of a meeting within {CHANCE_HORIZON_DAYS} days:** not enough history")
                st.caption(
                    f"A chance needs at least {MIN_RESOLVED_SUMMITS} resolved summits with statements "
                    "before their resolution to calibrate the outlook on."
                    if current is not None
                    else "There are no statements to read a chance from."
                )
            else:
                chance = float(calibration.probability(current.outlook)[0])
                st.markdown(
                    f"**Chance of a meeting within {CHANCE_HORIZON_DAYS} days: {chance:.0%}** "
                    f"(from the outlook of {plain_markdown(format_day(current.date))})"
                )
                st.caption(
                    f"Calibrated on {calibration.summits} resolved summits ({calibration.days:,} days; "
                    f"a meeting followed within {CHANCE_HORIZON_DAYS} days on {calibration.base_rate:.0%} "
                    "of them). Check the track record before trusting it: it says how such chances "
                    "have scored."
                )
        link.button(
            "Track record",
            key="to_track_record",
            icon=":material/fact_check:",
            on_click=go_to,
            args=(PageKind.TRACK_RECORD,),
            width="stretch",
        )
