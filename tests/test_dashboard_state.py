"""Weights in the URL, presets, sidebar widget state and uploaded weights files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summit_outlook.dashboard.state import (
    MAX_URL_WARNINGS,
    PresetsError,
    flat_weights,
    load_presets,
    matching_preset,
    parse_presets,
    weight_names,
    weights_from_query,
    weights_from_upload,
    weights_from_widgets,
    weights_to_query,
    widget_key,
    widget_state,
)
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights, WeightsError
from summit_outlook.model.weights_files import MAX_WEIGHTS_FILE_BYTES

RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)


def with_changes(**flat: float) -> Weights:
    data = flat_weights(DEFAULTS) | {name.replace("__", "."): value for name, value in flat.items()}
    families = {k.split(".", 1)[1]: v for k, v in data.items() if k.startswith("family.")}
    roles = {k.split(".", 1)[1]: v for k, v in data.items() if k.startswith("role.")}
    return Weights(families=families, roles=roles, half_life_days=data["half_life_days"])


# --- URL -------------------------------------------------------------------------------------------


def test_default_weights_give_a_clean_url() -> None:
    assert weights_to_query(DEFAULTS, RULES) == {}


@pytest.mark.parametrize(
    "weights",
    [
        with_changes(family__cancellation=2.5),
        with_changes(role__minister=0.15, half_life_days=7.5),
        with_changes(family__hope=0.0, family__held=5.0, role__other=1.0),
    ],
)
def test_query_parameters_round_trip(weights) -> None:
    query = weights_to_query(weights, RULES)
    assert set(query) == set(weights.differences(RULES))
    restored, warnings = weights_from_query(query, RULES)
    assert warnings == []
    assert restored == weights


@pytest.mark.parametrize(
    ("params", "warning"),
    [
        ({"family.nope": "1"}, "'family.nope' is not a weight"),
        ({"utm_source": "mail"}, "'utm_source' is not a weight"),
        ({"family.hope": "lots"}, "family.hope='lots' is not a number"),
        ({"family.hope": "nan"}, "family.hope='nan' is not a finite number"),
        ({"family.hope": "inf"}, "family.hope='inf' is not a finite number"),
        ({"family.hope": "9"}, "family.hope='9': 9.0 is outside [0, 5]"),
        ({"role.minister": "-1"}, "role.minister='-1': -1.0 is outside [0, 5]"),
        ({"half_life_days": "0"}, "half_life_days='0': 0.0 is outside [0.5, 365]"),
    ],
)
def test_bad_query_parameters_are_ignored_with_a_warning(params, warning) -> None:
    weights, warnings = weights_from_query(params, RULES)
    assert warnings == [warning]
    assert weights == DEFAULTS


def test_good_parameters_survive_next_to_bad_ones() -> None:
    weights, warnings = weights_from_query({"family.cancellation": "2.5", "family.hope": "x"}, RULES)
    assert weights.families["cancellation"] == 2.5 and weights.families["hope"] == DEFAULTS.families["hope"]
    assert len(warnings) == 1


def test_a_flood_of_parameters_keeps_the_valid_weights_and_counts_what_it_left_out() -> None:
    """Issue 15, item 10: the valid weights of a link apply however many parameters come with
    them, and the warning names the first ones left out and counts the rest."""
    params = {f"junk{number}": "1" for number in range(990)}
    params.update({"family.cancellation": "2.5", "half_life_days": "-1"})
    weights, warnings = weights_from_query(params, RULES)
    assert weights.families["cancellation"] == 2.5
    assert warnings[:2] == ["'junk0' is not a weight", "'junk1' is not a weight"]
    assert len(warnings) == MAX_URL_WARNINGS + 1
    assert warnings[-1] == f"and {991 - MAX_URL_WARNINGS} more parameters left out"


def test_repeated_parameter_uses_the_last_value() -> None:
    weights, warnings = weights_from_query({"family.hope": ["1", "2"]}, RULES)
    assert weights.families["hope"] == 2.0 and warnings == []


# --- widgets ---------------------------------------------------------------------------------------


def test_widget_keys_are_css_safe_and_unique() -> None:
    keys = [widget_key(name) for name in weight_names(RULES)]
    assert len(set(keys)) == len(keys) == len(RULES.families) + len(RULES.roles) + 1
    assert all(key.replace("_", "").isalnum() for key in keys)


def test_widget_state_round_trips() -> None:
    weights = with_changes(family__stalled=1.25, half_life_days=30.0)
    assert weights_from_widgets(widget_state(weights), RULES) == weights


def test_widgets_not_drawn_yet_keep_their_default() -> None:
    assert weights_from_widgets({}, RULES) == DEFAULTS


# --- presets ---------------------------------------------------------------------------------------


def test_bundled_presets_load_and_include_the_three_named_ones() -> None:
    presets = {preset.name: preset for preset in load_presets(RULES)}
    assert {"Default", "Sceptic", "Optimist"} <= set(presets)
    assert presets["Default"].weights(RULES) == DEFAULTS
    sceptic = presets["Sceptic"].weights(RULES)
    assert sceptic.families["cancellation"] > DEFAULTS.families["cancellation"]
    assert sceptic.families["hope"] < DEFAULTS.families["hope"]
    optimist = presets["Optimist"].weights(RULES)
    assert optimist.families["intent"] > DEFAULTS.families["intent"]
    assert all(preset.description for preset in presets.values())


def test_matching_preset_names_the_current_weights() -> None:
    presets = load_presets(RULES)
    by_name = {preset.name: preset for preset in presets}
    assert matching_preset(DEFAULTS, presets, RULES) is by_name["Default"]
    assert matching_preset(by_name["Sceptic"].weights(RULES), presets, RULES) is by_name["Sceptic"]
    assert matching_preset(with_changes(family__hope=4.9), presets, RULES) is None


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({}, "expected one or more [[presets]] tables"),
        ({"presets": [{"name": "X"}]}, "presets[0].description: Field required"),
        (
            {"presets": [{"name": "X", "description": "d", "colour": "red"}]},
            "presets[0].colour: Extra inputs",
        ),
        (
            {"presets": [{"name": "X", "description": "d", "families": {"nope": 1.0}}]},
            "presets[0] (X): families.nope: unknown",
        ),
        (
            {"presets": [{"name": "X", "description": "d", "families": {"hope": 7.0}}]},
            "presets[0] (X): families.hope: 7.0 is outside [0, 5]",
        ),
        (
            {"presets": [{"name": "X", "description": "d"}, {"name": "X", "description": "e"}]},
            "duplicate preset name 'X'",
        ),
    ],
)
def test_bad_presets_are_rejected_with_where_and_why(data, problem) -> None:
    with pytest.raises(PresetsError) as caught:
        parse_presets(data, RULES, source="presets.toml")
    assert any(found.startswith(problem) for found in caught.value.problems), caught.value.problems


def test_a_missing_presets_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PresetsError, match="file not found"):
        load_presets(RULES, tmp_path / "nope.toml")


# --- uploads ---------------------------------------------------------------------------------------


def test_a_downloaded_weights_file_loads_back() -> None:
    weights = with_changes(family__rejection=2.0, role__envoy=0.1)
    assert weights_from_upload(weights.to_json().encode(), RULES, name="w.json") == weights


def test_a_partial_weights_file_overrides_only_what_it_lists() -> None:
    data = json.dumps({"families": {"hope": 1.5}}).encode()
    assert weights_from_upload(data, RULES, name="w.json").differences(RULES) == {"family.hope": 1.5}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00binary", "this is a binary file, not a weights file"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"families": {"hope": "high"}}', "families.hope: expected a number, got 'high'"),
        (b'{"families": {"hope": 99}}', "families.hope: 99 is outside [0, 5]"),
        (b'{"colour": "red"}', "colour: unknown key"),
        (b" " * (MAX_WEIGHTS_FILE_BYTES + 1), "file is 64.0 KB; the limit is 64 KB"),
    ],
)
def test_a_bad_weights_file_is_refused_with_the_reason(data, problem) -> None:
    with pytest.raises(WeightsError) as caught:
        weights_from_upload(data, RULES, name="bad.json")
    assert any(problem in found for found in caught.value.problems), caught.value.problems
    assert caught.value.source == "bad.json"
