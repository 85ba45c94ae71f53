"""The user's weights as URL query parameters, presets, widget values and uploaded files."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights, WeightsError, weights_from_mapping
from summit_outlook.model.weights_files import weights_from_bytes
from summit_outlook.paths import bundled_file

HALF_LIFE = "half_life_days"
# Parameters of a link named one by one when they are left out; the rest are counted. (Streamlit
# itself drops a query string of more than 1,000 parameters or 512 KiB whole, before the app runs.)
MAX_URL_WARNINGS = 10


def presets_path() -> Path:
    """Where the bundled presets live."""
    return bundled_file("presets.toml")


# --- flat names: "family.cancellation", "role.minister", "half_life_days" ----------------------


def weight_names(rules: Rules) -> list[str]:
    """Every adjustable weight by its flat name, in the order the sidebar shows them."""
    defaults = Weights.defaults(rules)
    return (
        [f"family.{family_id}" for family_id in defaults.families]
        + [f"role.{role}" for role in defaults.roles]
        + [HALF_LIFE]
    )


def flat_weights(weights: Weights) -> dict[str, float]:
    """All weights as {flat name: value}."""
    flat = {f"family.{key}": value for key, value in weights.families.items()}
    flat.update({f"role.{key}": value for key, value in weights.roles.items()})
    flat[HALF_LIFE] = weights.half_life_days
    return flat


def nested(flat: Mapping[str, float]) -> dict[str, object]:
    """Flat names back to the {families, roles, half_life_days} mapping weights files use."""
    data: dict[str, object] = {}
    for name, value in flat.items():
        section, _, key = name.partition(".")
        if name == HALF_LIFE:
            data[HALF_LIFE] = value
        elif section in ("family", "role") and key:
            data.setdefault("families" if section == "family" else "roles", {})[key] = value  # type: ignore[union-attr]
        else:
            data[name] = value  # unknown: weights_from_mapping names it in its error
    return data


def weights_from_flat(flat: Mapping[str, float], rules: Rules, *, source: str = "weights") -> Weights:
    """Defaults overridden by flat {name: value}; raises WeightsError listing every problem."""
    return weights_from_mapping(nested(flat), rules, source=source)


# --- URL query parameters ----------------------------------------------------------------------


def weights_to_query(weights: Weights, rules: Rules) -> dict[str, str]:
    """Query parameters for the non-default weights only, so a default view has a clean URL."""
    return {name: f"{value:g}" for name, value in weights.differences(rules).items()}


def weights_from_query(params: Mapping[str, str | list[str]], rules: Rules) -> tuple[Weights, list[str]]:
    """Weights from query parameters; each bad parameter is left out and named in a warning."""
    known = set(weight_names(rules))
    accepted: dict[str, float] = {}
    warnings: list[str] = []
    for name, raw in params.items():
        text = raw[-1] if isinstance(raw, list) else raw
        if name not in known:
            warnings.append(f"'{name}' is not a weight")
            continue
        try:
            value = float(text)
        except (TypeError, ValueError):
            warnings.append(f"{name}={text!r} is not a number")
            continue
        if not math.isfinite(value):
            warnings.append(f"{name}={text!r} is not a finite number")
            continue
        try:
            weights_from_flat({name: value}, rules)
        except WeightsError as error:
            warnings.extend(
                f"{name}={text!r}: {problem.partition(': ')[2] or problem}" for problem in error.problems
            )
            continue
        accepted[name] = value
    return weights_from_flat(accepted, rules), _counted(warnings)


def _counted(warnings: list[str]) -> list[str]:
    """The first MAX_URL_WARNINGS warnings, and how many more there were (a link of a thousand
    made-up parameters gets a count, not a thousand lines)."""
    if len(warnings) <= MAX_URL_WARNINGS:
        return warnings
    hidden = len(warnings) - MAX_URL_WARNINGS
    return [*warnings[:MAX_URL_WARNINGS], f"and {hidden} more parameter{'s' if hidden > 1 else ''} left out"]


# --- widget state ------------------------------------------------------------------------------


def widget_key(name: str) -> str:
    """The Streamlit widget key of a weight: letters, digits and underscores (also a CSS class)."""
    return "w_" + name.replace(".", "_")


def widget_state(weights: Weights) -> dict[str, float]:
    """Session-state values that make the sidebar show these weights."""
    return {widget_key(name): float(value) for name, value in flat_weights(weights).items()}


def weights_from_widgets(state: Mapping[str, object], rules: Rules) -> Weights:
    """The weights the sidebar widgets show; a widget not drawn yet keeps its default."""
    flat = {}
    for name in weight_names(rules):
        value = state.get(widget_key(name))
        if isinstance(value, int | float) and not isinstance(value, bool):
            flat[name] = float(value)
    return weights_from_flat(flat, rules, source="sidebar")


# --- presets -----------------------------------------------------------------------------------


class Preset(BaseModel):
    """A named, partial override of the default weights."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=40)
    description: str = Field(min_length=1, max_length=200)
    families: dict[str, float] = Field(default_factory=dict)
    roles: dict[str, float] = Field(default_factory=dict)
    half_life_days: float | None = None

    def overrides(self) -> dict[str, object]:
        data: dict[str, object] = {"families": self.families, "roles": self.roles}
        if self.half_life_days is not None:
            data[HALF_LIFE] = self.half_life_days
        return data

    def weights(self, rules: Rules) -> Weights:
        return weights_from_mapping(self.overrides(), rules, source=f"preset '{self.name}'")


class PresetsError(ValueError):
    """A presets file that cannot be used, with every problem and where it is."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def parse_presets(data: Mapping[str, object], rules: Rules, *, source: str) -> list[Preset]:
    """Validate presets data against the rules; raise PresetsError listing every problem."""
    entries = data.get("presets")
    if not isinstance(entries, list) or not entries:
        raise PresetsError(source, ["expected one or more [[presets]] tables"])
    problems: list[str] = []
    presets: list[Preset] = []
    for index, entry in enumerate(entries):
        where = f"presets[{index}]"
        try:
            preset = Preset.model_validate(entry)
        except ValidationError as error:
            for detail in error.errors():
                location = ".".join(str(part) for part in detail["loc"])
                problems.append(f"{where}.{location}: {detail['msg']}")
            continue
        try:
            preset.weights(rules)
        except WeightsError as error:
            problems.extend(f"{where} ({preset.name}): {problem}" for problem in error.problems)
            continue
        presets.append(preset)
    names = [preset.name for preset in presets]
    problems.extend(f"duplicate preset name '{name}'" for name in sorted(set(names)) if names.count(name) > 1)
    if problems:
        raise PresetsError(source, problems)
    return presets


def load_presets(rules: Rules, path: Path | None = None) -> list[Preset]:
    """Read and validate a presets TOML file (the bundled one by default)."""
    path = path or presets_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PresetsError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise PresetsError(str(path), [f"cannot read presets ({error})"]) from None
    return parse_presets(data, rules, source=str(path))


def matching_preset(weights: Weights, presets: list[Preset], rules: Rules) -> Preset | None:
    """The first preset whose weights these are, if any."""
    current = flat_weights(weights)
    for preset in presets:
        target = flat_weights(preset.weights(rules))
        if all(math.isclose(current[name], value, abs_tol=1e-9) for name, value in target.items()):
            return preset
    return None


# --- uploads -----------------------------------------------------------------------------------


def weights_from_upload(data: bytes, rules: Rules, *, name: str) -> Weights:
    """Weights from an uploaded JSON file; raises WeightsError saying what is wrong with it (read as
    the command line reads --weights: model.weights_files)."""
    return weights_from_bytes(data, rules, source=name)
