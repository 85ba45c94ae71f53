"""Downloads: spreadsheet-safe CSV, offline HTML, PNG/SVG through kaleido, and `summit-outlook chart`."""

from __future__ import annotations

import re
import struct
import time
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from summit_outlook.cli import main
from summit_outlook.model.outlook import match_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame
from summit_outlook.model.summits import bundled_summits
from summit_outlook.report import export
from summit_outlook.report.charts import (
    EXPORT_HEIGHT,
    EXPORT_SCALE,
    EXPORT_WIDTH,
    for_export,
    outlook_figure,
)
from summit_outlook.report.export import (
    CHROMIUM_ENV,
    ChartExporter,
    ExportError,
    ImageFormat,
    chart_html,
    export_name,
    find_chromium,
    render_image,
)
from summit_outlook.report.views import explanations, outlook_view
from tests.browser_support import require_chromium

RULES = default_rules()


@pytest.fixture(scope="module")
def figure() -> go.Figure:
    matched = match_statements(to_frame(read_statements_csv(bundled_statements_path())), RULES)
    view = outlook_view(matched, RULES, Weights.defaults(RULES))
    return outlook_figure(view, RULES, explanations(view.scored, RULES), summit_title="Trump-Putin summit")


@pytest.fixture(scope="module")
def exporter():
    started = ChartExporter(require_chromium())
    yield started
    started.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:16]
    return struct.unpack(">II", data[16:24])


# --- HTML and names ------------------------------------------------------------------------------


def test_chart_html_embeds_plotly_js_and_works_offline(figure) -> None:
    page = chart_html(figure, config={"displaylogo": False})
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js itself is embedded
    assert re.search(r"<script[^>]*\bsrc=", page) is None  # no script is fetched from anywhere


@pytest.mark.parametrize(
    ("what", "end", "extension", "custom", "expected"),
    [
        ("chart", pd.Timestamp("2025-11-17"), "png", False, "summit-outlook-chart-2025-11-17.png"),
        (
            "series",
            pd.Timestamp("2025-11-17"),
            "csv",
            True,
            "summit-outlook-series-2025-11-17-custom-weights.csv",
        ),
        ("chart", None, "svg", False, "summit-outlook-chart.svg"),
    ],
)
def test_export_name(what, end, extension, custom, expected) -> None:
    assert export_name(what, end, extension, custom=custom) == expected


def test_export_names_name_their_summit() -> None:
    name = export_name("chart", pd.Timestamp("2025-11-17"), "png", summit="trump-putin-2025")
    assert name == "summit-outlook-trump-putin-2025-chart-2025-11-17.png"


def test_the_html_page_has_the_charts_title(figure) -> None:
    page = chart_html(figure)
    assert "<title>Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025</title>" in page


# --- finding Chromium ----------------------------------------------------------------------------


def test_the_environment_variable_wins(tmp_path: Path) -> None:
    binary = tmp_path / "chromium"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert find_chromium({CHROMIUM_ENV: str(binary)}).path == binary


def test_a_wrong_environment_variable_is_reported_not_ignored(tmp_path: Path) -> None:
    found = find_chromium({CHROMIUM_ENV: str(tmp_path / "nope")})
    assert found.path is None and CHROMIUM_ENV in found.reason


def test_no_chromium_anywhere_says_what_to_do(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(export, "CHROMIUM_PATHS", (tmp_path / "chromium",))
    found = find_chromium({})
    assert found.path is None and "install Debian's chromium" in found.reason


# --- PNG and SVG through kaleido -----------------------------------------------------------------


def test_png_export_is_a_high_resolution_png(exporter, figure) -> None:
    assert png_size(render_image(figure, ImageFormat.PNG, exporter)) == (
        EXPORT_WIDTH * EXPORT_SCALE,
        EXPORT_HEIGHT * EXPORT_SCALE,
    )


def test_svg_export_is_an_svg_with_the_title_and_date_range(exporter, figure) -> None:
    svg = render_image(figure, ImageFormat.SVG, exporter).decode("utf-8")
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert f'width="{EXPORT_WIDTH}"' in svg
    assert "Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025" in svg
    assert "16 statements" in svg and "default weights" in svg


def test_exports_are_quick_once_started(exporter, figure) -> None:
    render_image(figure, ImageFormat.SVG, exporter)  # warm
    started = time.monotonic()
    render_image(figure, ImageFormat.SVG, exporter)
    # MathJax off: ~0.1 s here. With it on, each export waits ~5 s for an offline font fetch.
    assert time.monotonic() - started < 3


def test_a_browser_that_does_not_start_is_an_error_not_a_hang(figure) -> None:
    broken = ChartExporter(Path("/bin/false"), startup_timeout=15)
    try:
        started = time.monotonic()
        with pytest.raises(ExportError, match="Chromium could not start"):
            render_image(figure, ImageFormat.PNG, broken)
        assert time.monotonic() - started < 15
        assert broken.startup_problem() and broken.last_error
    finally:
        broken.close()


def test_a_render_over_its_time_limit_is_an_error(figure) -> None:
    hurried = ChartExporter(require_chromium(), render_timeout=0.001)
    try:
        with pytest.raises(ExportError, match="PNG export"):
            render_image(figure, ImageFormat.PNG, hurried)
    finally:
        hurried.close()


# --- the `chart` command -------------------------------------------------------------------------


def test_cli_chart_html_needs_no_browser(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-browser"))
    output = tmp_path / "outlook.html"
    assert main(["chart", "--output", str(output)]) == 0
    assert "Plotly.newPlot" in output.read_text(encoding="utf-8")


def test_cli_charts_title_names_the_summit(tmp_path: Path, monkeypatch) -> None:
    """As the dashboard's exports do: the page's title and the chart's name the summit (the
    command's charts used to be titled 'Summit: outlook, ...' whichever summit they showed)."""
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-browser"))
    (summit,) = [summit for summit in bundled_summits() if summit.id == "trump-kim-singapore-2018"]
    output = tmp_path / "outlook.html"
    assert main(["chart", "--summit", summit.id, "--output", str(output)]) == 0
    page = output.read_text(encoding="utf-8")
    (title,) = re.findall(r"<head><title>([^<]*)</title>", page)
    assert title.startswith(f"{summit.title}: outlook, ")
    assert re.search(r"\d{4}$", title)  # ends with the year of its last day


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_cli_chart_renders_images(tmp_path: Path, suffix: str) -> None:
    require_chromium()
    weights = tmp_path / "weights.json"
    weights.write_text('{"families": {"cancellation": 3.0}}')
    output = tmp_path / f"outlook{suffix}"
    assert main(["chart", "--output", str(output), "--weights", str(weights)]) == 0
    data = output.read_bytes()
    if suffix == ".png":
        # As tall as the exported figure, the weights note's lines and the legend's rows included
        # (the bundled data has no quiet statement since 2 Dec 2026, so two rows), never squeezing the plot.
        defaults = Weights.defaults(RULES)
        weights = defaults.model_copy(update={"families": {**defaults.families, "cancellation": 3.0}})
        view = outlook_view(
            match_statements(to_frame(read_statements_csv(bundled_statements_path())), RULES), RULES, weights
        )
        expected = for_export(outlook_figure(view, RULES, explanations(view.scored, RULES))).layout.height
        assert expected >= EXPORT_HEIGHT
        assert png_size(data) == (EXPORT_WIDTH * EXPORT_SCALE, expected * EXPORT_SCALE)
    else:
        assert data.startswith(b"<svg") and b"non-default weights: Cancellation" in data
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("arguments", "environment", "message"),
    [
        (["--output", "{tmp}/chart.pdf"], {}, "unknown chart format '.pdf'; use .png, .svg or .html"),
        (["--output", "{tmp}/chart"], {}, "unknown chart format '(none)'"),
        (["--output", "{tmp}/chart.png"], {CHROMIUM_ENV: "{tmp}/none"}, "PNG export needs Chromium"),
        (
            ["--output", "{tmp}/chart.svg", "--weights", "{tmp}/missing.json"],
            {},
            "missing.json: file not found",
        ),
        (
            ["--output", "{tmp}/chart.html", "--statements", "{tmp}/missing.csv"],
            {},
            "missing.csv: file not found",
        ),
    ],
)
def test_cli_chart_errors_are_one_line_with_exit_2(
    tmp_path: Path, monkeypatch, capsys, arguments, environment, message
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    code = main(["chart", *(argument.format(tmp=tmp_path) for argument in arguments)])
    error = capsys.readouterr().err
    assert code == 2
    assert error.count("\n") == 1 and error.startswith("summit-outlook: error: ") and message in error
    assert list(tmp_path.iterdir()) == []
