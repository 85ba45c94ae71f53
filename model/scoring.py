"""Scoring: weights applied to a match table give statement scores and per-signal contributions."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from summit_outlook.model.rules import HALF_LIFE_DAYS_RANGE, MAX_WEIGHT, Rules
from summit_outlook.model.statements import Role


class Weights(BaseModel):
    """The user's adjustable weights: one per signal family, one per speaker role, a half-life.

    Their bounds are the rules' (model.rules: MAX_WEIGHT, HALF_LIFE_DAYS_RANGE), so weights are
    checked against the rules they are used with: problems(), check(), and every scoring step.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    families: dict[str, float]
    roles: dict[str, float]
    half_life_days: float

    @classmethod
    def defaults(cls, rules: Rules) -> Weights:
        """The weights the rules file ships with."""
        return cls(
            families={family.id: family.weight for family in rules.families},
            roles={role.value: weight for role, weight in rules.roles.items()},
            half_life_days=rules.outlook.half_life_days,
        )

    def problems(self, rules: Rules) -> list[str]:
        """What stops these weights from being used with `rules`; empty when they fit them."""
        return _problems(self.families, self.roles, self.half_life_days, rules)

    def check(self, rules: Rules, *, source: str = "weights") -> Weights:
        """These weights, or WeightsError listing why they cannot be used with `rules`."""
        problems = self.problems(rules)
        if problems:
            raise WeightsError(source, problems)
        return self

    def differences(self, rules: Rules) -> dict[str, float]:
        """Flat {name: value} of every weight that differs from the rules' default."""
        default = Weights.defaults(rules)
        changed: dict[str, float] = {}
        for family_id, weight in self.families.items():
            if not np.isclose(weight, default.families[family_id]):
                changed[f"family.{family_id}"] = weight
        for role, weight in self.roles.items():
            if not np.isclose(weight, default.roles[role]):
                changed[f"role.{role}"] = weight
        if not np.isclose(self.half_life_days, default.half_life_days):
            changed["half_life_days"] = self.half_life_days
        return changed

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), indent=2, sort_keys=True)


class WeightsError(ValueError):
    """A weights file or override that cannot be used; lists every problem."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


SECTIONS = ("families", "roles", "half_life_days")


def _check_value(name: str, value: object, low: float, high: float, problems: list[str]) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{name}: expected a number, got {value!r}")
    elif not low <= float(value) <= high or value != value:  # NaN fails both
        problems.append(f"{name}: {value} is outside [{low:g}, {high:g}]")


def _problems(
    families: Mapping[str, object], roles: Mapping[str, object], half_life: object, rules: Rules
) -> list[str]:
    """Every weight checked against the rules: known names, all present, each within its bounds."""
    problems: list[str] = []
    for section, weights, known in (
        ("families", families, rules.family_ids),
        ("roles", roles, [role.value for role in Role]),
    ):
        for name, value in weights.items():
            if name not in known:
                problems.append(f"{section}.{name}: unknown (expected one of {sorted(known)})")
            else:
                _check_value(f"{section}.{name}", value, 0.0, MAX_WEIGHT, problems)
        missing = [name for name in known if name not in weights]
        if missing:
            problems.append(f"{section}: no weight for {', '.join(missing)}")
    _check_value("half_life_days", half_life, *HALF_LIFE_DAYS_RANGE, problems)
    return problems


def weights_from_mapping(data: Mapping[str, object], rules: Rules, *, source: str = "weights") -> Weights:
    """Default weights overridden by a (possibly partial) mapping; every problem is reported."""
    if not isinstance(data, Mapping):
        raise WeightsError(source, [f"expected a JSON object with {', '.join(SECTIONS)}"])
    problems = [f"{key}: unknown key (expected {', '.join(SECTIONS)})" for key in data if key not in SECTIONS]
    default = Weights.defaults(rules)
    merged: dict[str, dict[str, object]] = {"families": dict(default.families), "roles": dict(default.roles)}
    for section, weights in merged.items():
        overrides = data.get(section, {})
        if isinstance(overrides, Mapping):
            weights.update(overrides)
        else:
            problems.append(f"{section}: expected an object of name -> number")
    half_life = data.get("half_life_days", default.half_life_days)
    problems += _problems(merged["families"], merged["roles"], half_life, rules)
    if problems:
        raise WeightsError(source, problems)
    return Weights(families=merged["families"], roles=merged["roles"], half_life_days=float(half_life))


def parse_weights_json(text: str | bytes, rules: Rules, *, source: str = "weights") -> Weights:
    """Weights from JSON text, as downloaded from the dashboard."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise WeightsError(source, [f"not valid JSON ({error})"]) from None
    return weights_from_mapping(data, rules, source=source)


def load_weights(path: str | Path, rules: Rules) -> Weights:
    """Weights from a JSON file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WeightsError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise WeightsError(str(path), [f"cannot read file ({error})"]) from None
    return parse_weights_json(text, rules, source=str(path))


def signal_contributions(
    matches: pd.DataFrame, n_statements: int, rules: Rules, weights: Weights
) -> tuple[np.ndarray, np.ndarray]:
    """Statement scores and each match's contribution to its statement's score.

    A match's raw value is direction x family weight x modifier factor; a statement's score is
    tanh(sum of raw values / score_scale); each contribution is its raw value rescaled so that a
    statement's contributions add up to its score.
    """
    # Each distinct family once (factorize), then a look-up per match: far cheaper than a map.
    codes, families = pd.factorize(matches["family"])
    signed_weight = _signed_weights(rules, weights)
    per_family = np.array([signed_weight[family] for family in families], dtype=float)
    return _scores_and_contributions(
        matches["statement"].to_numpy(dtype=np.int64),
        per_family[codes] * matches["modifier_factor"].to_numpy(dtype=float),
        n_statements,
        rules,
    )


def column_contributions(
    columns: Mapping[str, Any], n_statements: int, rules: Rules, weights: Weights
) -> tuple[np.ndarray, np.ndarray]:
    """`signal_contributions` of match columns not yet made a frame (model.matching.match_columns)."""
    family = columns["family"]
    signed_weight = np.fromiter(
        map(_signed_weights(rules, weights).__getitem__, family), dtype=float, count=len(family)
    )
    return _scores_and_contributions(
        columns["statement"], signed_weight * columns["modifier_factor"], n_statements, rules
    )


def _signed_weights(rules: Rules, weights: Weights) -> dict[str, float]:
    """Per family id: its direction times the user's weight (weights that do not fit the rules
    are refused here, with their problems, rather than failing later on a missing family)."""
    weights.check(rules)
    return {family.id: family.direction * weights.families[family.id] for family in rules.families}


def _scores_and_contributions(
    owners: np.ndarray, raw: np.ndarray, n_statements: int, rules: Rules
) -> tuple[np.ndarray, np.ndarray]:
    raw_totals = np.bincount(owners, weights=raw, minlength=n_statements)
    scores = np.tanh(raw_totals / rules.scoring.score_scale)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(raw_totals != 0, scores / raw_totals, 0.0)
    return scores, raw * scale[owners]
