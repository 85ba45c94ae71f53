"""The track record's figures and table: each resolved summit's outlook path as it was known day by
day with its resolution marked, the reliability diagram with counts, and the Brier table."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from summit_outlook.model.backtest import Backtest, reliability
from summit_outlook.model.summits import Resolution
from summit_outlook.report.charts import DEFAULT_LINE_COLOUR, FONT, LINE_COLOUR, escape

HELD_COLOUR = "#1a7f37"
NOT_HELD_COLOUR = "#c62828"
CHANCE_COLOUR = "#b26a00"
# Each summit's small chart: this tall (a page puts several in a row; a phone stacks them).
PATH_HEIGHT_PX = 190
TITLE_CHARS = 28  # a panel's title, cut to fit a quarter of the page
# Paths this short are drawn with markers: a line through one or two days is hardly a line.
MARKED_PATH_DAYS = 3
# Padding of a path's time axis either side, as a share of its days.
PATH_PAD_SHARE = 0.08
# A panel spanning fewer days names only its resolution's day (two ticks would overlap).
SHORT_SPAN_DAYS = 10
# Where a panel marks its resolution: low in the panel, clear of its title and of most outlooks.
RESOLUTION_MARK_Y = 8


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _day(day: pd.Timestamp) -> str:
    """'15 Nov '23': short enough that two panels' ticks side by side do not run together."""
    return f"{day.day} {day:%b} \u2019{day:%y}"


def path_figure(result: Backtest, summit_id: str) -> go.Figure:
    """One scored summit's small chart: the outlook as known each day (0-100), the out-of-sample
    chance of a summit within the horizon (%), and the resolution day marked in its outcome's colour.
    One figure per summit, so a page lays them out in columns that stack on a phone."""
    (summit,) = [one.summit for one in result.summits if one.summit.id == summit_id]
    days = result.days[result.days["summit"] == summit.id]
    held = summit.resolution is Resolution.HELD
    colour = HELD_COLOUR if held else NOT_HELD_COLOUR
    resolved = pd.Timestamp(summit.resolved_on)
    outcome = escape(summit.resolution_text())
    marked = len(days) <= MARKED_PATH_DAYS
    traces = [
        {
            "type": "scatter",
            "x": days["date"],
            "y": days["outlook"],
            "mode": "lines+markers" if marked else "lines",
            "marker": {"size": 5, "color": LINE_COLOUR},
            "line": {"color": LINE_COLOUR, "width": 2},
            "name": "Outlook as known that day",
            "hovertemplate": "%{x|%d %b %Y}: outlook <b>%{y:.1f}</b><extra></extra>",
        },
        {
            "type": "scatter",
            "x": days["date"],
            "y": days["probability"] * 100,
            "mode": "lines+markers" if marked else "lines",
            "marker": {"size": 4, "color": CHANCE_COLOUR},
            "line": {"color": CHANCE_COLOUR, "width": 1.5, "dash": "dot"},
            "name": f"Chance within {result.horizon_days} days (%)",
            "hovertemplate": "%{x|%d %b %Y}: chance <b>%{y:.0f}%</b><extra></extra>",
        },
        {
            "type": "scatter",
            "x": [resolved],
            "y": [RESOLUTION_MARK_Y],
            "mode": "markers+text",
            "marker": {"symbol": "star" if held else "x", "size": 11, "color": colour},
            "text": ["held" if held else "not held"],
            "textposition": "middle left",
            "textfont": {"color": colour, "size": 11},
            "name": "Resolution",
            "hovertemplate": f"{outcome}<extra></extra>",
        },
    ]
    # Two ticks: the first statement's day and the resolution's (short spans name only the latter).
    first = days["date"].min() if len(days) else resolved
    ticks = [first, resolved] if (resolved - first).days >= SHORT_SPAN_DAYS else [resolved]
    # Room either side for the tick labels and the resolution's star, which sit on the range's ends.
    margin = (resolved - first) * PATH_PAD_SHARE + pd.Timedelta(days=1)
    layout = {
        "template": "plotly_white",
        "font": {"family": FONT, "size": 11, "color": "#222"},
        "height": PATH_HEIGHT_PX,
        "margin": {"l": 34, "r": 26, "t": 28, "b": 24},
        "title": {"text": escape(_short(summit.title)), "font": {"size": 12}, "x": 0.02, "y": 0.97},
        "showlegend": False,
        "hovermode": "closest",
        "shapes": [
            {
                "type": "line",
                "x0": resolved,
                "x1": resolved,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": colour, "width": 1.5, "dash": "dash"},
            }
        ],
        "xaxis": {
            "showgrid": False,
            "tickvals": ticks,
            "ticktext": [_day(tick) for tick in ticks],
            "range": [first - margin, resolved + margin],
            "fixedrange": True,
        },
        "yaxis": {"range": [0, 100], "tickvals": [0, 50, 100], "fixedrange": True},
    }
    return go.Figure(data=traces, layout=layout)


def reliability_figure(results: Sequence[tuple[str, Backtest]]) -> go.Figure:
    """Predicted probability against observed frequency, one line per set of weights, each point
    labelled with its number of days (the diagonal is a perfectly calibrated forecast)."""
    colours = [LINE_COLOUR, CHANCE_COLOUR, DEFAULT_LINE_COLOUR]
    traces: list[dict] = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": [0, 1],
            "y": [0, 1],
            "line": {"color": "#bbb", "dash": "dash"},
            "name": "Perfectly calibrated",
            "hoverinfo": "skip",
        }
    ]
    for index, (name, result) in enumerate(results):
        table = reliability(result.days["probability"], result.days["held_within"])
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers+text",
                "x": table["predicted"],
                "y": table["observed"],
                "text": [f"{days:,}" for days in table["days"]],
                "textposition": "top center",
                "marker": {"size": 9, "color": colours[index % len(colours)]},
                "line": {"color": colours[index % len(colours)], "width": 2},
                "name": escape(name),
                "customdata": table[["low", "high", "days"]].to_numpy(),
                "hovertemplate": "predicted %{customdata[0]:.1f}\u2013%{customdata[1]:.1f}: mean %{x:.2f}, "
                "observed %{y:.2f} (%{customdata[2]:,} days)<extra></extra>",
            }
        )
    base = results[0][1].base_rate if results else 0.0
    layout = {
        "template": "plotly_white",
        "font": {"family": FONT, "size": 13, "color": "#222"},
        "height": 430,
        "margin": {"l": 56, "r": 14, "t": 20, "b": 56},
        "xaxis": {
            "title": {"text": "Predicted chance (mean of the bin)"},
            "range": [0, 1],
            "fixedrange": True,
        },
        "yaxis": {
            "title": {"text": "Observed frequency of a summit"},
            "range": [-0.02, 1.05],
            "fixedrange": True,
        },
        "shapes": [
            {
                "type": "line",
                "x0": 0,
                "x1": 1,
                "y0": base,
                "y1": base,
                "line": {"color": "#999", "width": 1, "dash": "dot"},
            }
        ],
        "annotations": [
            {
                "x": 1,
                "y": base,
                "xanchor": "right",
                "yanchor": "bottom",
                "text": f"base rate {base:.2f}",
                "showarrow": False,
                "font": {"size": 11, "color": "#666"},
            }
        ],
        "legend": {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"},
    }
    return go.Figure(data=traces, layout=layout)


def brier_table(default: Backtest, yours: Backtest | None) -> pd.DataFrame:
    """Per summit and overall: days, days followed by a summit, Brier score under the default
    weights (and the user's, when they differ), and the two baselines on the same days."""
    theirs = {one.summit.id: one.scores for one in yours.summits} if yours is not None else {}
    rows = []
    entries = [
        (one.summit.title, one.summit.resolution_text(), one.summit.id, one.scores) for one in default.summits
    ]
    entries.append(("All resolved summits", "", "", default.overall))
    for title, resolution, summit_id, scores in entries:
        row = {
            "summit": title,
            "resolution": resolution,
            "days": scores.days,
            "held_days": scores.held_days,
            "brier_default": scores.brier,
        }
        if yours is not None:
            row["brier_yours"] = (theirs[summit_id] if summit_id else yours.overall).brier
        row["brier_base_rate"] = scores.base_rate_brier
        row["brier_constant"] = scores.constant_brier
        rows.append(row)
    return pd.DataFrame(rows)
