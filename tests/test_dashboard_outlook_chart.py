"""The outlook chart's element (dashboard/outlook_chart.py): what it sends the browser."""

from __future__ import annotations

import base64
import json
from importlib import resources

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import plotly.offline
import pytest

from benchmarks import corpus
from summit_outlook.dashboard.outlook_chart import (
    INTERACTION,
    PLOTLY_FILE,
    PLOTLY_FOLDER,
    _json_value,
    figure_generation,
    figure_json,
)
from summit_outlook.model.outlook import match_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame
from summit_outlook.report.charts import WEBGL, WEBGL_MARKERS_ABOVE, outlook_figure
from summit_outlook.report.views import Window, explanations, outlook_view

RULES = default_rules()
# Past WEBGL_MARKERS_ABOVE the markers are WebGL and the quiet statements grouped by day.
MANY = WEBGL_MARKERS_ABOVE + 500


def figure_of(statements, weights: Weights, window: Window = Window.ALL) -> go.Figure:
    view = outlook_view(match_statements(statements, RULES), RULES, weights)
    return outlook_figure(view, RULES, explanations(view.scored, RULES), summit_title="Test", window=window)


@pytest.fixture(scope="module")
def few() -> go.Figure:
    statements = to_frame(read_statements_csv(bundled_statements_path()))
    changed = Weights.defaults(RULES).model_copy(update={"half_life_days": 21.0})
    return figure_of(statements, changed)


@pytest.fixture(scope="module")
def many() -> go.Figure:
    return figure_of(corpus.statements_frame(MANY), Weights.defaults(RULES))


def decoded(value):
    """JSON with plotly.js typed arrays ({dtype, bdata[, shape]}) read back as lists of numbers."""
    if isinstance(value, dict) and set(value) >= {"dtype", "bdata"}:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            array = array.reshape([int(side) for side in value["shape"].split(",")])
        return array.tolist()
    if isinstance(value, dict):
        return {key: decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decoded(item) for item in value]
    return value


@pytest.mark.parametrize("which", ["few", "many"])
def test_the_chart_gets_the_figure_plotly_would_send_with_the_selection_settings(which, request) -> None:
    figure = request.getfixturevalue(which)
    plotly_json = json.loads(pio.to_json(go.Figure(figure), validate=False))
    plotly_json["layout"].update(INTERACTION)
    sent = json.loads(figure_json(figure))
    assert decoded(sent) == decoded(plotly_json)
    assert (which == "many") == any(trace["type"] == WEBGL for trace in sent["data"])


def test_numbers_go_as_typed_arrays_and_the_figure_is_left_as_it_was(many) -> None:
    before = many.to_plotly_json()
    sent = json.loads(figure_json(many))
    line = next(trace for trace in sent["data"] if trace["mode"] == "lines+markers")
    assert line["y"]["dtype"] == "f8" and isinstance(line["x"][0], str)
    markers = [trace for trace in sent["data"] if "customdata" in trace and trace["mode"] == "markers"]
    assert markers and all(trace["customdata"]["shape"].endswith(", 1") for trace in markers)
    after = many.to_plotly_json()
    assert repr(after) == repr(before)  # plotly.io.to_json would have rewritten its arrays


def from_plotlys_copy(figure: go.Figure) -> bytes:
    """The message as it was written before: from plotly.py's own deep copy of the figure, its
    arrays turned into typed arrays by plotly.py."""
    described = figure.to_plotly_json()
    layout = {**described["layout"], **INTERACTION}
    text = json.dumps(
        {"data": described["data"], "layout": layout},
        default=_json_value,
        separators=(",", ":"),
        allow_nan=False,
    )
    return text.encode("utf-8")


@pytest.mark.parametrize("which", ["few", "many"])
def test_the_message_is_byte_for_byte_the_one_written_from_plotlys_copy(which, request) -> None:
    figure = request.getfixturevalue(which)
    assert figure_json(figure) == from_plotlys_copy(figure)


@pytest.mark.parametrize(
    ("values", "dtype"),
    [([0, 5, -3], "i1"), ([0, 300], "i2"), ([0, 40_000], "i4"), ([-(2**31), 2**31 - 1], "i4")],
)
def test_64_bit_integers_go_in_the_narrowest_type_plotly_uses(values, dtype) -> None:
    rows = np.array(values, dtype=np.int64)
    figure = go.Figure({"data": [{"type": "scatter", "y": [1.0] * len(values), "customdata": rows}]})
    sent = json.loads(figure_json(figure))["data"][0]["customdata"]
    assert sent["dtype"] == dtype and decoded(sent) == values
    assert sent == json.loads(from_plotlys_copy(figure))["data"][0]["customdata"]


def test_integers_beyond_32_bits_go_as_a_list() -> None:
    figure = go.Figure({"data": [{"type": "scatter", "customdata": np.array([0, 2**40], dtype=np.int64)}]})
    assert json.loads(figure_json(figure))["data"][0]["customdata"] == [0, 2**40]


def test_a_value_json_cannot_hold_is_sent_as_null(few) -> None:
    figure = go.Figure(few)
    figure.add_annotation(x=0.5, y=float("nan"), xref="paper", text="nowhere")
    sent = json.loads(figure_json(figure))  # strict JSON: a NaN would not parse in the browser
    assert sent["layout"]["annotations"][-1]["y"] is None
    assert sent["layout"]["clickmode"] == INTERACTION["clickmode"]


def test_plotly_js_comes_from_the_installed_plotly_package() -> None:
    bundle = PLOTLY_FOLDER / PLOTLY_FILE
    assert bundle.is_file()
    assert f"plotly.js v{plotly.offline.get_plotlyjs_version()}" in bundle.read_text(encoding="utf-8")[:200]


def test_the_browser_half_ships_in_the_package() -> None:
    script = (
        resources.files("summit_outlook.dashboard").joinpath("outlook_chart.js").read_text(encoding="utf-8")
    )
    assert "export default function" in script and "Plotly.react" in script


def test_each_new_figure_is_a_new_generation_and_the_same_one_is_not() -> None:
    state: dict = {}
    assert figure_generation(state, "chart", "a") == 1
    assert figure_generation(state, "chart", "a") == 1  # a rerun for a selection
    assert figure_generation(state, "chart", "b") == 2
    # Back to the first figure: a selection made on it before is not brought back.
    assert figure_generation(state, "chart", "a") == 3
    assert figure_generation(state, "other", "a") == 1
