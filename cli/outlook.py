"""`summit-outlook timeline` and `chart`: the outlook series as a table, or drawn."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from summit_outlook.cli.common import Commands, UserError, add_rules_and_weights, rules_from, weights_from
from summit_outlook.cli.sources import add_source_options, summit_statements
from summit_outlook.csv_files import write_frame
from summit_outlook.model.outlook import match_statements, outlook_series, score_statements
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.output import write_output

TIMELINE_COLUMNS = ["date", "outlook", "status", "statements", "events"]


def add_commands(commands: Commands) -> None:
    timeline = commands.add_parser("timeline", help="print the daily outlook series of one summit")
    add_source_options(timeline)
    add_rules_and_weights(timeline)
    timeline.add_argument("--format", choices=["csv", "json"], default="csv")
    timeline.set_defaults(handler=command_timeline)

    chart = commands.add_parser("chart", help="draw one summit's outlook chart to a PNG, SVG or HTML file")
    chart.add_argument("--output", required=True, metavar="FILE", help="FILE.png, FILE.svg or FILE.html")
    add_source_options(chart)
    add_rules_and_weights(chart)
    chart.set_defaults(handler=command_chart)


def timeline_frame(statements: pd.DataFrame, rules: Rules, weights: Weights) -> pd.DataFrame:
    """The daily outlook series of one summit's statements."""
    scored = score_statements(match_statements(statements, rules), rules, weights)
    return outlook_series(scored, rules, weights)


def command_timeline(args: argparse.Namespace) -> None:
    rules = rules_from(args.rules)
    weights = weights_from(args.weights, rules)
    chosen = summit_statements(args)
    series = timeline_frame(chosen.statements, rules, weights)
    series = series[TIMELINE_COLUMNS].copy()
    series["date"] = series["date"].dt.strftime("%Y-%m-%d")
    series["outlook"] = series["outlook"].round(1)
    # As the dashboard's Outlook CSV: each row says which summit and which weights made it.
    from summit_outlook.report.views import weights_note

    series["summit"] = chosen.summit_id
    series["weights"] = weights_note(weights.differences(rules), rules)
    if args.format == "json":
        print(json.dumps(series.to_dict(orient="records"), ensure_ascii=False, indent=1))
    else:
        write_frame(sys.stdout, series)


# --- chart -------------------------------------------------------------------------------------

CHART_SUFFIXES = (".png", ".svg", ".html")


def command_chart(args: argparse.Namespace) -> None:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UserError(f"{output}: unknown chart format '{suffix or '(none)'}'; use .png, .svg or .html")
    # Imported here: plotly and the report layer would slow every other command's start.
    from summit_outlook.report.charts import export_height, outlook_figure, toolbar_config
    from summit_outlook.report.export import chart_html
    from summit_outlook.report.views import explanations, outlook_view

    rules = rules_from(args.rules)
    weights = weights_from(args.weights, rules)
    chosen = summit_statements(args)
    view = outlook_view(match_statements(chosen.statements, rules), rules, weights)
    title = chosen.summit.title if chosen.summit is not None else None
    figure = outlook_figure(view, rules, explanations(view.scored, rules), summit_title=title)
    if suffix == ".html":
        config = toolbar_config(output.stem, height=export_height(figure))
        data = chart_html(figure, config=config).encode("utf-8")
    else:
        data = _static_chart(figure, suffix.removeprefix("."))
    write_output(output, data)
    whose = chosen.summit_id or "the statements"
    print(f"{output}: the outlook chart of {whose} ({len(view.scored.statements)} statements)")


def _static_chart(figure, image_format: str) -> bytes:
    """The chart as PNG or SVG, rendered by kaleido in a local Chromium."""
    from summit_outlook.report.export import (
        ChartExporter,
        ExportError,
        ImageFormat,
        find_chromium,
        render_image,
    )

    browser = find_chromium()
    if browser.path is None:
        raise UserError(
            f"{image_format.upper()} export needs Chromium: {browser.reason}; .html works without it"
        )
    exporter = ChartExporter(browser.path)
    try:
        return render_image(figure, ImageFormat(image_format), exporter)
    except ExportError as error:
        raise UserError(str(error)) from None
    finally:
        exporter.close()
