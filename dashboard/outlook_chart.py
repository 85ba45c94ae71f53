"""The summit page's outlook chart: one Plotly graph kept in the page across reruns.

st.plotly_chart names its element by a hash of the figure, so every slider move mounted a new
chart in the browser (new WebGL contexts, the whole figure drawn from nothing): at 10,000
statements that was more than half of a move's time. This custom component (Streamlit's
components v2, inline JavaScript, no build step) keeps one element under a fixed key and redraws
it in place with Plotly.react. plotly.js comes from the installed plotly package, served by the
dashboard's own server: no network, no CDN. Clicks and box selections are reported as
st.plotly_chart reports them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Mapping, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
import streamlit.components.v1 as components_v1

COMPONENT_NAME = "summit_outlook_chart"
SELECTION = "selection"
# Per chart key in the session: the figure last drawn and its generation (`figure_generation`).
GENERATION_SUFFIX = "__generation"
PLOTLY_FILE = "plotly.min.js"
# The folder of the installed plotly package that holds its plotly.js bundle.
PLOTLY_FOLDER = Path(plotly.__file__).parent / "package_data"
# st.plotly_chart's interaction settings with on_select and selection points and box: a click
# selects its point (and fires the selection event), the toolbar offers box select, a drag pans
# (both axes are fixed, so it moves nothing).
INTERACTION = {"clickmode": "event+select", "dragmode": "pan"}
# Float and integer arrays go as plotly.js's typed-array spec (base64 of the raw values), as
# plotly.py sends them: a third of the size of their digits, and nothing to parse.
TYPED_ARRAYS = {"float64": "f8", "float32": "f4", "int32": "i4", "int16": "i2", "int8": "i1"}
# plotly.js has no 64-bit integers: plotly.py sends those in the smallest of these that holds
# them all (a statement row under 32,768 in two bytes), and any others as a list; so does the chart.
NARROWER_INTS = (np.int8, np.int16, np.int32)
# How long a rerun pauses after sending a new figure (see `_give_the_chart_a_head_start`). At
# 10,000 statements, in alternating browser sessions on the 2-core development machine (load 1-3),
# the median key press to chart redrawn was 250-315 ms without a pause, 220-230 ms with 10 ms,
# 200-215 ms with 20 ms, 190-285 ms with 40 ms; the run ends that much later.
CHART_HEAD_START_S = 0.02

_component = st.components.v2.component(
    COMPONENT_NAME,
    js=resources.files("summit_outlook.dashboard").joinpath("outlook_chart.js").read_text(encoding="utf-8"),
    # In the page's own DOM, not a shadow root: plotly.js styles its graphs with rules it adds to
    # the document, and the page's tests and probes find the graph as `.js-plotly-plot`.
    isolate_styles=False,
)


def outlook_chart(figure: go.Figure, *, key: str, config: Mapping[str, object]) -> list[dict[str, Any]]:
    """Draw `figure` in the chart kept under `key`; the points selected on it (none: empty).

    A selection holds only until the figure changes (a slider move, another window), as with
    st.plotly_chart, whose new figure was a new element.
    """
    payload = figure_json(figure)
    revision = hashlib.blake2b(payload, digest_size=16).hexdigest()
    last_revision = drawn_revision(st.session_state, key)
    generation = figure_generation(st.session_state, key, revision)
    head = json.dumps(
        {
            "plotly": plotly_url(),
            "revision": revision,
            "generation": generation,
            "config": {**config, "responsive": True},
        },
        separators=(",", ":"),
    )
    # Bytes, not a dict: Streamlit names a dict payload's element by a hash of its JSON written
    # again with sorted keys (even under a key), a megabyte at 10,000 statements on every rerun;
    # bytes are hashed as they are.
    data = b'{"figure":' + payload + b"," + head[1:].encode("utf-8")
    result = _component(key=key, data=data, on_selection_change=_rerun)
    if revision != last_revision:
        _give_the_chart_a_head_start()
    selection = result.get(SELECTION)
    if not isinstance(selection, dict) or selection.get("generation") != generation:
        return []
    points = selection.get("points")
    return points if isinstance(points, list) else []


def _give_the_chart_a_head_start() -> None:
    """Pause the rerun for CHART_HEAD_START_S after a new figure is sent.

    The rest of the page is built in pandas, which holds the interpreter: the server's thread that
    sends the chart's message then got it only in turns, and the message reached the browser 50-100
    ms after it was ready, just ahead of the rest of the page's elements, which the browser took
    up alongside it. Paused, the message goes at once and the browser starts on the chart before
    the rest arrives.
    """
    time.sleep(CHART_HEAD_START_S)


def _rerun() -> None:
    """A selection reruns the page (st.plotly_chart's on_select="rerun"); nothing else to do."""


def drawn_revision(state: Mapping[str, Any], key: str) -> str:
    """The figure last sent under `key` in this session ("" before the first)."""
    return state.get(f"{key}{GENERATION_SUFFIX}", ("", 0))[0]


def figure_generation(state: MutableMapping[str, Any], key: str, revision: str) -> int:
    """A number that grows with every new figure (`revision`) drawn under `key` in a session
    (`state`, its session state).

    The browser stamps each selection with the generation it was made on, so a selection made
    before a slider move does not come back when the weights return to where they were.
    """
    stored = f"{key}{GENERATION_SUFFIX}"
    last_revision, generation = state.get(stored, ("", 0))
    if revision != last_revision:
        generation += 1
        state[stored] = (revision, generation)
    return generation


def plotly_url() -> str:
    """Where the page loads plotly.js from: the installed plotly package's own bundle, served by
    the dashboard's server as a (v1) component's folder, relative to the page as Streamlit's own
    scripts are (so a server under a base URL path serves it too)."""
    served = components_v1.declare_component("plotly_js", path=str(PLOTLY_FOLDER))
    return f"./component/{served.name}/{PLOTLY_FILE}"


def figure_json(figure: go.Figure) -> bytes:
    """The figure as plotly.js takes it, UTF-8 JSON: numbers as typed arrays, dates as ISO text,
    plus the interaction settings of st.plotly_chart with selections.

    The figure itself is not changed (plotly.io.to_json rewrites its arrays in place). Its own
    trace and layout dicts are read as they are: `to_plotly_json` deep-copies the whole figure,
    its template too, and walks the copy for arrays to encode, which cost ~10 ms of a slider
    move's rerun at 10,000 statements for what `_json_value` does anyway.
    """
    layout = {**figure._layout, **INTERACTION}
    try:
        text = json.dumps(
            {"data": figure._data, "layout": layout},
            default=_json_value,
            separators=(",", ":"),
            allow_nan=False,
        )
    except ValueError:
        # A NaN or an infinity outside an array: plotly's own encoder writes them as null.
        copy = go.Figure(figure)
        copy.update_layout(INTERACTION)
        text = pio.to_json(copy, validate=False)
    return text.encode("utf-8")


def _json_value(value: object) -> object:
    if isinstance(value, np.ndarray):
        return _array_json(value)
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple | pd.Index | pd.Series):
        return _array_json(np.asarray(value))
    raise TypeError(f"the chart cannot send a {type(value).__name__}")


def _array_json(array: np.ndarray) -> object:
    if array.dtype.kind == "M":
        return np.datetime_as_string(array, unit="us").tolist()
    if array.dtype == np.int64 and array.size:
        low, high = array.min(), array.max()
        fits = [kind for kind in NARROWER_INTS if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max]
        if fits:
            array = array.astype(fits[0])
    typed = TYPED_ARRAYS.get(str(array.dtype))
    if typed is not None and array.ndim <= 2:
        values = array.astype(f"<{typed}")
        spec = {"dtype": typed, "bdata": base64.b64encode(values.tobytes()).decode("ascii")}
        if array.ndim == 2:
            spec["shape"] = f"{array.shape[0]}, {array.shape[1]}"
        return spec
    return array.tolist()
