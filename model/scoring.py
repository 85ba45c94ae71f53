"""Scoring: weights applied to a match table give statement scores and per-signal contributions."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summit_outlook.model.rules import MAX_WEIGHT, Rules
from summit_outlook.model.statements import Role


class Weights(BaseModel):
    """The user's adjustable weights: one per signal family, one per speaker role, a half-life."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    families: dict[str, float]
    roles: dict[str, float]
    half_life_days: float = Field(gt=0.0, le=365.0)

    @classmethod
    def defaults(cls, rules: Rules) -> Weights:
        """The weights the rules file ships with."""
        return cls(
            families={family.id: family.weight for family in rules.families},
            roles={role.value: weight for role, weight in rules.roles.items()},
            half_life_days=rules.outlook.half_life_days,
        )

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


def _check_value(name: str, value: object, low: float, high: float, problems: list[str]) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{name}: expected a number, got {value!r}")
    elif not low <= float(value) <= high or value != value:  # NaN fails both
        problems.append(f"{name}: {value} is outside [{low:g}, {high:g}]")


def weights_from_mapping(data: Mapping[str, object], rules: Rules, *, source: str = "weights") -> Weights:
    """Default weights overridden by a (possibly partial) mapping; every problem is reported."""
    if not isinstance(data, Mapping):
        raise WeightsError(source, ["expected a JSON object with families, roles, half_life_days"])
    problems: list[str] = []
    default = Weights.defaults(rules)
    families = dict(default.families)
    roles = dict(default.roles)
    half_life = default.half_life_days
    for key in data:
        if key not in ("families", "roles", "half_life_days"):
            problems.append(f"{key}: unknown key (expected families, roles, half_life_days)")
    for section, target, known in (
        ("families", families, set(default.families)),
        ("roles", roles, {role.value for role in Role}),
    ):
        overrides = data.get(section, {})
        if not isinstance(overrides, Mapping):
            problems.append(f"{section}: expected an object of name -> number")
            continue
        for name, value in overrides.items():
            if name not in known:
                problems.append(f"{section}.{name}: unknown (expected one of {sorted(known)})")
                continue
            _check_value(f"{section}.{name}", value, 0.0, MAX_WEIGHT, problems)
            target[name] = value
    if "half_life_days" in data:
        half_life = data["half_life_days"]
        _check_value("half_life_days", half_life, 0.5, 365.0, problems)
    if problems:
        raise WeightsError(source, problems)
    try:
        return Weights(families=families, roles=roles, half_life_days=float(half_life))
    except ValidationError as error:  # pragma: no cover - guarded by the checks above
        raise WeightsError(source, [str(error)]) from None


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
    """Per family id: its direction times the user's weight."""
    return {family.id: family.direction * weights.families[family.id] for family in rules.families}


def _scores_and_contributions(
    owners: np.ndarray, raw: np.ndarray, n_statements: int, rules: Rules
) -> tuple[np.ndarray, np.ndarray]:
    raw_totals = np.bincount(owners, weights=raw, minlength=n_statements)
    scores = np.tanh(raw_totals / rules.scoring.score_scale)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(raw_totals != 0, scores / raw_totals, 0.0)
    return scores, raw * scale[owners]
