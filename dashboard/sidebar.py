"""The sidebar: weight sliders, presets, reset, save and load; the widgets hold the user's weights."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

import streamlit as st

from summit_outlook.dashboard.state import (
    HALF_LIFE,
    Preset,
    matching_preset,
    weights_from_query,
    weights_from_upload,
    weights_from_widgets,
    widget_key,
    widget_state,
)
from summit_outlook.model.rules import HALF_LIFE_DAYS_RANGE, MAX_WEIGHT, Rules
from summit_outlook.model.scoring import Weights, WeightsError
from summit_outlook.report.export import MIME_TYPES

INITIALISED = "weights_initialised"
URL_WARNINGS = "url_warnings"
UPLOAD = "weights_upload"
UPLOAD_MESSAGE = "weights_upload_message"
WEIGHT_STEP = 0.05


def init_weights(
    state: MutableMapping[str, object], params: Mapping[str, str | list[str]], rules: Rules
) -> None:
    """On a session's first run, set the widgets from the URL; bad parameters become warnings."""
    if state.get(INITIALISED):
        return
    weights, warnings = weights_from_query(params, rules)
    state.update(widget_state(weights))
    state[URL_WARNINGS] = warnings
    state[INITIALISED] = True


def apply_weights(state: MutableMapping[str, object], weights: Weights) -> None:
    """Make the widgets show these weights (used by presets, reset and uploads, as callbacks)."""
    state.update(widget_state(weights))
    state.pop(UPLOAD_MESSAGE, None)


def load_uploaded_weights(state: MutableMapping[str, object], rules: Rules) -> None:
    """Callback of the weights uploader: apply a valid file; for a bad one, say why, change nothing."""
    uploaded = state.get(UPLOAD)
    if uploaded is None:
        state.pop(UPLOAD_MESSAGE, None)
        return
    try:
        weights = weights_from_upload(uploaded.getvalue(), rules, name=uploaded.name)
    except WeightsError as error:
        # The file name and problems are the user's text: shown with st.text, never as Markdown.
        details = "\n".join([uploaded.name, *(f"- {problem}" for problem in error.problems)])
        state[UPLOAD_MESSAGE] = ("error", "Weights file not loaded; your weights are unchanged.", details)
        return
    apply_weights(state, weights)
    state[UPLOAD_MESSAGE] = ("success", "Weights loaded from the file.", uploaded.name)


def weights_sidebar(rules: Rules, presets: list[Preset]) -> Weights:
    """Draw the weights sidebar and return the weights it shows."""
    with st.sidebar:
        st.header("Weights")
        presets_ui(rules, presets)
        family_sliders_ui(rules)
        role_sliders_ui(rules)
        st.number_input(
            "Recency half-life (days)",
            min_value=HALF_LIFE_DAYS_RANGE[0],
            max_value=HALF_LIFE_DAYS_RANGE[1],
            step=1.0,
            key=widget_key(HALF_LIFE),
            help="A statement's weight halves every this many days. "
            f"Default {rules.outlook.half_life_days:g}.",
        )
        weights = weights_from_widgets(st.session_state, rules)
        save_load_ui(weights, rules)
    return weights


def presets_ui(rules: Rules, presets: list[Preset]) -> None:
    current = matching_preset(weights_from_widgets(st.session_state, rules), presets, rules)
    st.caption(f"Preset: **{current.name if current else 'custom weights'}**")
    columns = st.columns(2)
    for index, preset in enumerate(presets):
        columns[index % 2].button(
            preset.name,
            key=f"preset_{index}",
            help=preset.description,
            on_click=apply_weights,
            args=(st.session_state, preset.weights(rules)),
            width="stretch",
            type="primary" if current is preset else "secondary",
        )
    st.button(
        "Reset to defaults",
        key="reset_weights",
        icon=":material/restart_alt:",
        on_click=apply_weights,
        args=(st.session_state, Weights.defaults(rules)),
        width="stretch",
    )


def family_sliders_ui(rules: Rules) -> None:
    with st.expander("Signal families", expanded=True):
        st.caption("How strongly each kind of signal moves a statement's score.")
        for family in rules.families:
            arrow = "\u2191" if family.direction > 0 else "\u2193"
            st.slider(
                f"{arrow} {family.label}",
                min_value=0.0,
                max_value=MAX_WEIGHT,
                step=WEIGHT_STEP,
                format="%.2f",
                key=widget_key(f"family.{family.id}"),
                help=f"{family.description} Default {family.weight:g}.",
            )


def role_sliders_ui(rules: Rules) -> None:
    with st.expander("Speaker roles", expanded=False):
        st.caption("How much a statement counts by who said it.")
        for role, weight in rules.roles.items():
            st.slider(
                role.value.replace("_", " ").capitalize(),
                min_value=0.0,
                max_value=MAX_WEIGHT,
                step=WEIGHT_STEP,
                format="%.2f",
                key=widget_key(f"role.{role.value}"),
                help=f"Default {weight:g}.",
            )


def save_load_ui(weights: Weights, rules: Rules) -> None:
    with st.expander("Save or load weights", expanded=False):
        st.download_button(
            "Download weights (JSON)",
            data=weights.to_json(),
            file_name="summit-outlook-weights.json",
            mime=MIME_TYPES["json"],
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )
        st.file_uploader(
            "Load weights (JSON)",
            type=["json"],
            key=UPLOAD,
            on_change=load_uploaded_weights,
            args=(st.session_state, rules),
            help="A file saved with the button above; it may list only some weights.",
        )
        message = st.session_state.get(UPLOAD_MESSAGE)
        if message:
            kind, summary, details = message
            (st.error if kind == "error" else st.success)(summary)
            st.text(details)
