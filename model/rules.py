"""The rules file: signal families, modifiers, role weights and outlook constants, validated."""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from summit_outlook.model.lexicon import PhraseSyntaxError, parse_phrase
from summit_outlook.model.statements import Role
from summit_outlook.paths import bundled_file
from summit_outlook.reading import InputError, check_nesting, read_text

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
    """A signal family: predicates that move the outlook one way, with a default weight."""

    id: Identifier
    label: str = Field(min_length=1, max_length=80)
    description: str = Field(min_length=1, max_length=300)
    direction: Literal[-1, 1]
    weight: float = Field(ge=0.0, le=MAX_WEIGHT)
    hard_event: HardEvent | None = None
    # "argument": counts only when the meeting is the predicate's subject or object (or is
    # referred to); "statement": counts in a statement that names a meeting anywhere; "any":
    # counts in every statement (hostility between the principals' sides, said of the summit's
    # context, needs no meeting word); "subject": counts only when the meeting is its subject,
    # whatever its object ("the visit will give new impetus to relations").
    relevance: Literal["argument", "statement", "any", "subject"] = "argument"
    # How strongly a negation turns this family round, times the negator's own factor: "will not
    # meet" is a refusal (large), "not cancelled" only a weak yes (small).
    negation_scale: float = Field(default=1.0, ge=0.0, le=3.0)
    # Whether a person as object stands for the meeting: "invite Putin", "expect Kim".
    person_object: bool = False
    # Whether the family's words are about an open question, so that a "whether" clause in their
    # sentence is what they doubt, never a condition on them: "Whether the summit will go ahead
    # remains unclear".
    about_open_question: bool = False
    # Whether a predicate of the family says nothing of whether the meeting happens when the meeting
    # it takes goes on to an OUTCOME word: "hopes the meeting will ease tensions", "wishes the
    # summit every success" hope for what it brings, not for it.
    outcome_gives_way: bool = False
    # The meeting verbs of its clause are someone else's going: "Kerry would travel in his place".
    takes_events: bool = False
    predicates: list[Phrase] = Field(min_length=1)


class Negator(_Strict):
    """A negating phrase and the factor it multiplies a following signal by (negative flips)."""

    phrase: Phrase
    factor: float = Field(ge=-1.0, le=1.0)
    # Inside its own clause, instead of the rules' hypothetical_factor: "whether" asks, asserting nothing.
    inside: float | None = Field(default=None, ge=0.0, le=1.0)


class Condition(_Strict):
    """A condition word and the factor it gives a hope that depends on it ("only if" < "once"); a
    negative factor reads the hope as a precondition ("ready to meet, but only if ...")."""

    phrase: Phrase
    factor: float = Field(ge=-1.0, le=1.0)
    # Inside its own clause, instead of the rules' hypothetical_factor: "whether" asks, asserting nothing.
    inside: float | None = Field(default=None, ge=0.0, le=1.0)


class Modifiers(_Strict):
    """Words that change a signal of their clause: negators, hedges, intensifiers, contrast, conditions."""

    negation_window: int = Field(ge=0, le=10)
    negators: list[Negator]
    transparent: list[Phrase]
    hedge_window: int = Field(ge=0, le=12)
    hedge_factor: float = Field(ge=0.0, le=1.0)
    hedges: list[Phrase]
    intensifier_window: int = Field(ge=0, le=10)
    intensifier_factor: float = Field(ge=1.0, le=3.0)
    intensifiers: list[Phrase]
    contrast_before: float = Field(ge=0.0, le=1.0)
    contrast_after: float = Field(ge=1.0, le=3.0)
    contrasts: list[Phrase]
    # Words that, opening a sentence, concede what their clause says up to its first comma: the
    # clause weighs `contrast_before`, the rest of the sentence `contrast_after` ("Although no date
    # has been set, the leaders will meet"). Later in a sentence they are contrasts as above.
    concessive_openers: list[Phrase] = Field(default_factory=list)
    conditions: list[Condition]
    # A report's words denied later in the sentence ("X reported that they would meet, but his office
    # rejected the report"): a signal between an opener and a denial turns by `report_denied_factor`.
    report_openers: list[Phrase] = Field(default_factory=list)
    report_denials: list[Phrase] = Field(default_factory=list)
    report_denied_factor: float = Field(default=-0.8, ge=-1.0, le=0.0)
    # A verdict on what its segment says turns it round: "Inviting him was a mistake", "It would be
    # wrong for the president to meet him now" (`verdict_factor`, as a negator's).
    verdicts: list[Phrase] = Field(default_factory=list)
    verdict_factor: float = Field(default=-0.6, ge=-1.0, le=0.0)
    # A denial before the report, whatever stands between: "denies Nicaraguan media reports that
    # the two presidents are planning to meet" (the denier's own negator factor applies).
    report_deniers: list[Phrase] = Field(default_factory=list)
    # Uses of a condition word that set no condition: "once again", "more than once", "at once".
    not_conditions: list[Phrase] = Field(default_factory=list)
    hypothetical_factor: float = Field(ge=0.0, le=1.0)
    # A signal pulling up inside a condition clause: a meeting supposed ("if he comes") is not said.
    hypothetical_positive_factor: float = Field(ge=0.0, le=1.0)
    unmet: list[Phrase]
    unmet_factor: float = Field(ge=-1.0, le=0.0)
    # Words after which a "when" clause is a condition ("ready to meet when ..."), and its factor.
    when_conditions: list[Phrase] = Field(default_factory=list)
    when_factor: float = Field(default=0.5, ge=-1.0, le=1.0)


class Events(_Strict):
    """Which family a meeting verb ("meet", "take place", "hold talks") counts for, by its tense."""

    past: Identifier
    future: Identifier
    dated: Identifier
    modal: Identifier
    present: Identifier
    present_factor: float = Field(ge=0.0, le=1.0)
    negated: Identifier
    # A meeting verb whose subject is the principals' staff (word class STAFF: "the foreign
    # ministers met", "a delegation visited Beijing") counts for this family in every tense: it
    # prepares their meeting and is none of its own. None: read by tense as any other.
    by_staff: Identifier | None = None


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


class Reader(_Strict):
    """How far the clause reader looks for a predicate's meeting and its verb group."""

    argument_window: int = Field(ge=1, le=12)
    verb_group_window: int = Field(ge=1, le=10)
    adverb_gap: int = Field(ge=0, le=3)
    max_characters: int = Field(ge=1_000, le=1_000_000)


class Scoring(_Strict):
    """How summed contributions become a statement score."""

    score_scale: float = Field(gt=0.0, le=10.0)
    repeat_decay: float = Field(ge=0.0, le=1.0)


class Rules(_Strict):
    """The whole rules file."""

    version: Literal[2]
    reader: Reader
    lexicon: dict[Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")], list[Phrase]]
    families: list[Family] = Field(min_length=1)
    events: Events
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


# Word classes the clause reader relies on (model/reader.py names what each is for).
READER_CLASSES = (
    "MEETING",
    "SETTLE",
    "MEETING_REF",
    "MEET",
    "MEET_OBJECT",
    "EVENT",
    "PERSON",
    "PLACE",
    "DETERMINER",
    "SUBJECT",
    "AUXILIARY",
    "BE",
    "HAVE",
    "FUTURE",
    "MODAL",
    "PREPOSITION",
    "LINK",
    "BREAK",
    "DATE",
    "TIME",
    "ADVERB",
    "STANDIN",
    "REPORT",
    "HEARSAY",
    "CONCESSION",
    "DOUBT",
    "OUTCOME",
)


def _semantic_problems(rules: Rules) -> list[str]:
    """Checks across fields: unique ids and phrases, valid phrase syntax, the classes the reader needs."""
    problems: list[str] = []
    for family_id, count in Counter(rules.family_ids).items():
        if count > 1:
            problems.append(f"families: duplicate id '{family_id}' ({count} times)")
    for index, family in enumerate(rules.families):
        for p_index, phrase in enumerate(family.predicates):
            try:
                parse_phrase(phrase, rules.lexicon)
            except PhraseSyntaxError as error:
                problems.append(f"families[{index}].predicates[{p_index}]: {error} in {phrase!r}")
        for phrase, count in Counter(family.predicates).items():
            if count > 1:
                problems.append(f"families[{index}] ({family.id}): duplicate predicate {phrase!r}")
    for name, phrases in rules.lexicon.items():
        if not phrases:
            problems.append(f"lexicon.{name}: empty word class")
        for p_index, phrase in enumerate(phrases):
            try:
                parse_phrase(phrase, rules.lexicon)
            except PhraseSyntaxError as error:
                problems.append(f"lexicon.{name}[{p_index}]: {error} in {phrase!r}")
    missing = [name for name in READER_CLASSES if name not in rules.lexicon]
    if missing:
        problems.append(f"lexicon: missing word class(es) the reader needs: {', '.join(missing)}")
    for tense, family_id in rules.events.model_dump().items():
        if isinstance(family_id, str) and family_id not in rules.family_ids:
            problems.append(f"events.{tense}: unknown family '{family_id}'")
    modifiers = rules.modifiers
    listed = {
        "negators": [negator.phrase for negator in modifiers.negators],
        "transparent": modifiers.transparent,
        "hedges": modifiers.hedges,
        "intensifiers": modifiers.intensifiers,
        "contrasts": modifiers.contrasts,
        "concessive_openers": modifiers.concessive_openers,
        "conditions": [condition.phrase for condition in modifiers.conditions],
        "unmet": modifiers.unmet,
    }
    for kind, phrases in listed.items():
        for phrase, count in Counter(phrases).items():
            if count > 1:
                problems.append(f"modifiers.{kind}: duplicate phrase {phrase!r}")
    read_as_phrases = {
        **listed,
        "not_conditions": modifiers.not_conditions,
        "report_openers": modifiers.report_openers,
        "report_denials": modifiers.report_denials,
        "report_deniers": modifiers.report_deniers,
        "verdicts": modifiers.verdicts,
    }
    for kind, phrases in read_as_phrases.items():
        for p_index, phrase in enumerate(phrases):
            try:
                parse_phrase(phrase, rules.lexicon)
            except PhraseSyntaxError as error:
                problems.append(f"modifiers.{kind}[{p_index}]: {error} in {phrase!r}")
    return problems + _cost_problems(rules, listed)


# What reading costs grows with the phrases one word can start: each occurrence of the word tries
# them all. The bundled rules' most is 15 (predicates starting with "no"); 12,000 predicates
# starting with "the" (a 196 KB file) made scoring 150 times slower.
MAX_PHRASES_PER_FIRST_WORD = 64
MAX_PHRASES = 8_000


def _cost_problems(rules: Rules, modifiers: dict[str, list[str]]) -> list[str]:
    """Rules too costly to read with: too many phrases, or too many starting with one word."""
    tables: dict[str, list[str]] = {"families' predicates": [p for f in rules.families for p in f.predicates]}
    tables.update({f"lexicon.{name}": list(phrases) for name, phrases in rules.lexicon.items()})
    tables.update({f"modifiers.{kind}": phrases for kind, phrases in modifiers.items()})
    problems = []
    total = sum(len(phrases) for phrases in tables.values())
    if total > MAX_PHRASES:
        problems.append(f"rules: {total:,} phrases, more than the {MAX_PHRASES:,} a rules file may have")
    for table, phrases in tables.items():
        starts: Counter[str] = Counter()
        for phrase in phrases:
            first = phrase.split()[0].rstrip("?") if phrase.split() else ""
            for alternative in first.split("|"):
                starts[alternative.lstrip("=")] += 1  # "the" and "=the" start on the same words
        for word, count in starts.most_common():
            if count <= MAX_PHRASES_PER_FIRST_WORD:
                break
            problems.append(
                f"{table}: {count:,} phrases start with {word!r}, more than {MAX_PHRASES_PER_FIRST_WORD}"
                " (each occurrence of the word tries them all: reading would be too slow)"
            )
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


# Limits checked before a rules file is parsed: 16 times the bundled file's 16 KB, and brackets
# nested far deeper than its two levels (an array of inline tables, say) yet far from recursion.
MAX_RULES_FILE_BYTES = 256 * 1024
MAX_RULES_DEPTH = 32


def load_rules(path: str | Path | None = None) -> Rules:
    """Read and validate a rules TOML file (the bundled one by default)."""
    path = Path(path) if path is not None else default_rules_path()
    try:
        # Size and nesting first: tomllib holds the whole text and recurses once per level.
        text = read_text(path, max_bytes=MAX_RULES_FILE_BYTES, what="rules file")
        check_nesting(text, source=str(path), max_depth=MAX_RULES_DEPTH, what="rules file", comments=True)
    except InputError as error:
        raise RulesError(str(path), [error.reason]) from None
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
