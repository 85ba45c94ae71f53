"""The rules file: signal families, modifiers, role weights and outlook constants, validated."""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from summit_outlook.model.patterns import PatternSyntaxError, parse_pattern
from summit_outlook.model.statements import Role
from summit_outlook.paths import bundled_file

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Phrase = Annotated[str, Field(min_length=1, max_length=200)]
HardEvent = Literal["held", "scheduled", "cancelled"]
# Upper bound of any weight: three times the strongest default leaves room to disagree, while
# keeping one family from drowning all others by orders of magnitude.
MAX_WEIGHT = 5.0
# Shortest and longest memory of the outlook, in days, for the rules' default and the user's
# weights alike: below half a day a statement is forgotten before the next day's.
HALF_LIFE_DAYS_RANGE = (0.5, 365.0)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Family(_Strict):
    """A signal family: phrases that move the outlook one way, with a default weight."""

    id: Identifier
    label: str = Field(min_length=1, max_length=80)
    description: str = Field(min_length=1, max_length=300)
    direction: Literal[-1, 1]
    weight: float = Field(ge=0.0, le=MAX_WEIGHT)
    hard_event: HardEvent | None = None
    requires_context: bool = False
    patterns: list[Phrase] = Field(min_length=1)


class Negator(_Strict):
    """A negating phrase and the factor it multiplies a following signal by (negative flips)."""

    phrase: Phrase
    factor: float = Field(ge=-1.0, le=1.0)


class Modifiers(_Strict):
    """Words that change a nearby signal: negators, hedges, intensifiers and contrast."""

    negation_window: int = Field(ge=0, le=10)
    negators: list[Negator]
    hedge_window: int = Field(ge=0, le=10)
    hedge_factor: float = Field(ge=0.0, le=1.0)
    hedges: list[Phrase]
    intensifier_window: int = Field(ge=0, le=10)
    intensifier_factor: float = Field(ge=1.0, le=3.0)
    intensifiers: list[Phrase]
    contrast_before: float = Field(ge=0.0, le=1.0)
    contrast_after: float = Field(ge=1.0, le=3.0)
    contrasts: list[Phrase]


class Band(_Strict):
    """A named status band of the outlook, starting at `min`."""

    name: str = Field(min_length=1, max_length=30)
    min: float = Field(ge=0.0, le=100.0)
    description: str = Field(min_length=1, max_length=200)


class OutlookSettings(_Strict):
    """Constants of the outlook series."""

    half_life_days: float = Field(ge=HALF_LIFE_DAYS_RANGE[0], le=HALF_LIFE_DAYS_RANGE[1])
    prior_weight: float = Field(ge=0.0, le=100.0)
    event_weight: float = Field(ge=1.0, le=100.0)
    superseded_weight: float = Field(ge=0.0, le=1.0)
    neutral: float = Field(ge=0.0, le=100.0)
    spread: float = Field(gt=0.0, le=50.0)
    bands: list[Band] = Field(min_length=2)

    @field_validator("bands")
    @classmethod
    def _bands_cover_the_scale(cls, bands: list[Band]) -> list[Band]:
        mins = [band.min for band in bands]
        if mins[0] != 0:
            raise ValueError("the first band must start at 0")
        if any(later <= earlier for earlier, later in zip(mins, mins[1:], strict=False)):
            raise ValueError("band minimums must increase strictly")
        if len({band.name for band in bands}) != len(bands):
            raise ValueError("band names must be unique")
        return bands


class Matching(_Strict):
    """Settings of the pattern language."""

    max_gap: int = Field(ge=0, le=8)


class Scoring(_Strict):
    """How summed contributions become a statement score."""

    score_scale: float = Field(gt=0.0, le=10.0)
    repeat_decay: float = Field(ge=0.0, le=1.0)


class Rules(_Strict):
    """The whole rules file."""

    version: Literal[1]
    matching: Matching
    lexicon: dict[Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")], list[Phrase]]
    irregular: dict[str, list[Phrase]] = Field(default_factory=dict)
    families: list[Family] = Field(min_length=1)
    modifiers: Modifiers
    roles: dict[Role, float]
    scoring: Scoring
    outlook: OutlookSettings

    @field_validator("roles")
    @classmethod
    def _every_role_weighted(cls, roles: dict[Role, float]) -> dict[Role, float]:
        missing = [role.value for role in Role if role not in roles]
        if missing:
            raise ValueError(f"missing weight for role(s) {', '.join(missing)}")
        out_of_range = [f"{r.value}={w}" for r, w in roles.items() if not 0 <= w <= MAX_WEIGHT]
        if out_of_range:
            raise ValueError(f"role weights must be in [0, {MAX_WEIGHT}]: {out_of_range}")
        return roles

    def family(self, family_id: str) -> Family:
        """The family with this id."""
        for family in self.families:
            if family.id == family_id:
                return family
        raise KeyError(family_id)

    @property
    def family_ids(self) -> list[str]:
        return [family.id for family in self.families]

    def band_for(self, outlook: float) -> str:
        """The name of the status band an outlook value falls in."""
        name = self.outlook.bands[0].name
        for band in self.outlook.bands:
            if outlook >= band.min:
                name = band.name
        return name


class RulesError(ValueError):
    """A rules file that cannot be used, with every problem and where it is."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{source}: {len(problems)} problem(s)\n{listing}")


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _pydantic_problems(error: ValidationError) -> list[str]:
    problems = []
    for detail in error.errors():
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "unknown key"
        problems.append(f"{_location(detail['loc'])}: {message}")
    return problems


def _semantic_problems(rules: Rules) -> list[str]:
    """Checks across fields: unique ids, unique phrases, valid pattern syntax."""
    problems: list[str] = []
    for family_id, count in Counter(rules.family_ids).items():
        if count > 1:
            problems.append(f"families: duplicate id '{family_id}' ({count} times)")
    for index, family in enumerate(rules.families):
        for p_index, pattern in enumerate(family.patterns):
            try:
                parse_pattern(pattern, lexicon=rules.lexicon)
            except PatternSyntaxError as error:
                problems.append(f"families[{index}].patterns[{p_index}]: {error} in {pattern!r}")
        for pattern, count in Counter(family.patterns).items():
            if count > 1:
                problems.append(f"families[{index}] ({family.id}): duplicate pattern {pattern!r}")
    for name, phrases in rules.lexicon.items():
        if not phrases:
            problems.append(f"lexicon.{name}: empty word class")
    negator_phrases = Counter(negator.phrase for negator in rules.modifiers.negators)
    for kind, phrases in (
        ("negators", list(negator_phrases.elements())),
        ("hedges", rules.modifiers.hedges),
        ("intensifiers", rules.modifiers.intensifiers),
        ("contrasts", rules.modifiers.contrasts),
    ):
        for phrase, count in Counter(phrases).items():
            if count > 1:
                problems.append(f"modifiers.{kind}: duplicate phrase {phrase!r}")
    return problems


def parse_rules(data: dict, *, source: str) -> Rules:
    """Validate already-parsed rules data; raise RulesError listing every problem."""
    try:
        rules = Rules.model_validate(data)
    except ValidationError as error:
        raise RulesError(source, _pydantic_problems(error)) from None
    problems = _semantic_problems(rules)
    if problems:
        raise RulesError(source, problems)
    return rules


def load_rules(path: str | Path | None = None) -> Rules:
    """Read and validate a rules TOML file (the bundled one by default)."""
    path = Path(path) if path is not None else default_rules_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(str(path), [f"cannot read file ({error})"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(str(path), [f"not valid TOML: {error}"]) from None
    return parse_rules(data, source=str(path))


def default_rules_path() -> Path:
    return bundled_file("signals.toml")


@cache
def default_rules() -> Rules:
    """The bundled rules, loaded once per process."""
    return load_rules()
