"""The extraction rules file (data/extraction.toml): its schema, validation and loading."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import tomllib
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from summit_outlook.extract.tokens import _compile_lexicon, _Lexicon
from summit_outlook.model.statements import Role
from summit_outlook.paths import bundled_file

DEFAULT_RULES_PATH = bundled_file("extraction.toml")


Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]


def _duplicates(values: Iterable[str]) -> list[str]:
    """Values listed more than once (ignoring case), in the order they first repeat."""
    seen: set[str] = set()
    repeated: list[str] = []
    for value in values:
        key = value.casefold()
        if key in seen and value not in repeated:
            repeated.append(value)
        seen.add(key)
    return repeated


def _raise_problems(problems: list[str]) -> None:
    """Report every cross-field problem of one section at once."""
    if problems:
        raise ValueError("; ".join(problems))


def _check_unique(problems: list[str], name: str, values: Iterable[str]) -> None:
    for value in _duplicates(values):
        problems.append(f"{name}: {value!r} is listed more than once")


class _Section(BaseModel):
    """A part of the rules file: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteRules(_Section):
    """Quotation marks: which mark closes which, and which double as apostrophes."""

    pairs: list[tuple[str, str]] = Field(min_length=1)
    apostrophes: list[str] = []
    # Marks typed as two characters for one ("''" for a double quote) -> the mark they stand for.
    doubled: dict[str, str] = {}

    @model_validator(mode="after")
    def _single_characters(self) -> QuoteRules:
        problems: list[str] = []
        for position, (opening, closing) in enumerate(self.pairs):
            for mark in (opening, closing):
                if len(mark) != 1:
                    problems.append(f"pairs[{position}]: {mark!r} must be a single character")
        _check_unique(problems, "pairs", [opening for opening, _ in self.pairs])
        for mark in self.apostrophes:
            if len(mark) != 1:
                problems.append(f"apostrophes: {mark!r} must be a single character")
        openers = {opening for opening, _ in self.pairs}
        for written, mark in self.doubled.items():
            if len(written) < 2:
                problems.append(f"doubled: {written!r} must be at least two characters")
            if mark not in openers:
                problems.append(f"doubled: {mark!r} (for {written!r}) is not an opening mark of pairs")
        _raise_problems(problems)
        return self


class SentenceRules(_Section):
    """How paragraphs, headings and sentences are told apart."""

    heading_max_chars: int = Field(ge=1, le=1_000)
    headline_max_chars: int = Field(ge=1, le=1_000)
    wrap_min_chars: int = Field(ge=1, le=1_000)
    wrap_max_chars: int = Field(ge=1, le=10_000)
    abbreviations: list[Phrase] = []
    clause_joiners: list[Phrase] = []
    clause_marks: list[Phrase] = []
    clause_mark_joiners: list[Phrase] = []
    bullet_marks: list[Phrase] = []

    @model_validator(mode="after")
    def _abbreviations_end_with_stop(self) -> SentenceRules:
        problems = [
            f"abbreviations: {word!r} must be one word ending in '.'"
            for word in self.abbreviations
            if not word.endswith(".") or " " in word
        ]
        problems.extend(
            f"clause_marks: {mark!r} must be a single punctuation mark"
            for mark in self.clause_marks
            if not (len(mark) == 1 or mark == "--") or mark.isalnum()
        )
        _check_unique(problems, "abbreviations", self.abbreviations)
        _raise_problems(problems)
        return self


class ContextRules(_Section):
    """How far context reaches: date inheritance, quote continuation and look-around windows."""

    paragraphs: int = Field(ge=0, le=50)
    sentences: int = Field(ge=0, le=200)
    continuation_paragraphs: int = Field(ge=0, le=5)
    max_prelude_words: int = Field(ge=0, le=6)
    max_skip_tokens: int = Field(ge=0, le=40)
    max_aside_tokens: int = Field(ge=0, le=40)
    max_apposition_words: int = Field(ge=0, le=12)
    max_epithet_words: int = Field(default=2, ge=0, le=4)
    max_subject_words: int = Field(ge=1, le=20)
    max_qualifier_words: int = Field(ge=1, le=10)
    unnamed_side_paragraphs: int = Field(ge=0, le=10)
    min_clause_words: int = Field(ge=1, le=10)
    min_reported_words: int = Field(ge=1, le=10)
    max_tail_attribution_words: int = Field(ge=1, le=10)
    max_occasion_words: int = Field(default=2, ge=0, le=4)


class StateMedium(_Section):
    """A news organisation run by a state: it speaks for that state's side."""

    name: Phrase
    side: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class AttributionRules(_Section):
    """Words that attribute speech and the phrases around them."""

    verbs: list[Phrase] = Field(min_length=1)
    predicate_verbs: list[Phrase] = []
    quote_predicates: list[Phrase] = []
    person_object_links: list[Phrase] = []
    subordinators: list[Phrase] = []
    time_subordinators: list[Phrase] = []
    subordinator_modifiers: list[Phrase] = []
    infinitive_markers: list[Phrase] = []
    question_words: list[Phrase] = []
    finite_words: list[Phrase] = []
    tail_participles: list[Phrase] = []
    participle_endings: list[Phrase] = []
    accord_words: list[Phrase] = []
    second_speaker_links: list[Phrase] = []
    participle_links: list[Phrase] = []
    absolute_links: list[Phrase] = []
    joint_words: list[Phrase] = []
    pair_openers: list[Phrase] = []
    opening_conjunctions: list[Phrase] = []
    person_predicates: list[Phrase] = []
    speech_nouns: list[Phrase] = []
    speech_noun_agents: list[Phrase] = []
    speech_noun_complements: dict[Phrase, list[Phrase]] = {}
    naming_openers: list[Phrase] = []
    naming_verbs: list[Phrase] = []
    possessive_pronouns: dict[Phrase, Phrase] = {}
    according_pronouns: dict[Phrase, Phrase] = {}
    speech_participles: list[Phrase] = []
    coordinators: list[Phrase] = []
    subject_openers: list[Phrase] = []
    subject_pronouns: list[Phrase] = []
    clause_openers: list[Phrase] = []
    object_verbs: list[Phrase] = []
    bare_clause_verbs: list[Phrase] = []
    relative_pronouns: list[Phrase] = []
    according_to: list[Phrase] = []
    owned_source_links: list[Phrase] = []
    owned_sources: list[Phrase] = []
    passive_verbs: list[Phrase] = []
    passive_auxiliaries: list[Phrase] = []
    passive_naming: list[Phrase] = []
    speaker_marks: list[Phrase] = []
    naming_links: list[Phrase] = []
    quoted_as: list[Phrase] = []
    quoted_skip: list[Phrase] = []
    quoted_by: list[Phrase] = []
    preludes: list[Phrase] = []
    audiences: list[Phrase] = []
    reporting_phrases: list[Phrase] = []
    place_prepositions: list[Phrase] = []
    closed_phrase_openers: list[Phrase] = []
    occasion_prepositions: list[Phrase] = []
    occasion_nouns: list[Phrase] = []
    qualifier_openers: list[Phrase] = []
    channel_links: list[Phrase] = []
    complementisers: list[Phrase] = []
    addressee_links: list[Phrase] = []
    topic_prepositions: list[Phrase] = []
    channel_participles: list[Phrase] = []
    aside_starts: list[Phrase] = []
    intro_words: list[Phrase] = []
    habitual_words: list[Phrase] = []
    looking_back: list[Phrase] = []
    past_occasion_words: list[Phrase] = []
    before_events: list[Phrase] = []
    past_perfect_auxiliaries: list[Phrase] = []
    present_verbs: list[Phrase] = []
    pronouns: list[Phrase] = []
    body_pronouns: list[Phrase] = []
    plural_pronouns: list[Phrase] = []
    plural_pronoun_blockers: list[Phrase] = []
    # Words that stand for one of the last two people named ("the latter said"): the index of
    # that person among the two.
    ordinal_references: dict[Phrase, int] = {}
    # Phrases that stand for the last two people named, together ("both men said").
    pair_references: list[Phrase] = []
    documents: list[Phrase] = []
    document_links: list[Phrase] = []
    document_verbs: list[Phrase] = []
    object_pronouns: list[Phrase] = []
    media: list[Phrase] = []
    state_media: list[StateMedium] = []
    media_words: list[Phrase] = []
    state_media_words: list[Phrase] = []
    report_nouns: list[Phrase] = []
    citing: list[Phrase] = []
    speaker_asides: list[Phrase] = []
    kept_participles: list[Phrase] = []
    clause_participles: list[Phrase] = []
    speaker_relatives: list[Phrase] = []
    acts: list[Phrase] = []
    main_clause_verbs: list[Phrase] = []

    @model_validator(mode="after")
    def _consistent(self) -> AttributionRules:
        problems: list[str] = []
        for name in type(self).model_fields:
            if name != "state_media":
                _check_unique(problems, name, getattr(self, name))
        _check_unique(problems, "state_media", [medium.name for medium in self.state_media])
        media = {medium.casefold() for medium in self.media}
        for medium in self.state_media:
            if medium.name.casefold() not in media:
                problems.append(f"state_media: {medium.name!r} is not one of media")
        participles = {participle.casefold() for participle in self.tail_participles}
        for participle in self.clause_participles:
            if participle.casefold() not in participles:
                problems.append(f"clause_participles: {participle!r} is not one of tail_participles")
        verbs = {verb.casefold() for verb in self.verbs}
        for name in ("object_verbs", "bare_clause_verbs", "document_verbs"):
            for verb in getattr(self, name):
                if verb.casefold() not in verbs:
                    problems.append(f"{name}: {verb!r} is not one of verbs")
        for word in (
            *self.intro_words,
            *self.pronouns,
            *self.body_pronouns,
            *self.plural_pronouns,
            *self.ordinal_references,
            *self.object_pronouns,
            *self.documents,
            *self.document_verbs,
        ):
            if " " in word:
                problems.append(f"{word!r}: intro words and pronouns must be single words")
        _raise_problems(problems)
        return self


class NameRules(_Section):
    """What may and may not be part of a person's name or title."""

    stopwords: list[Phrase] = []
    opening_word_endings: list[Phrase] = []
    honorifics: list[Phrase] = []
    particles: list[Phrase] = []
    modifiers: list[Phrase] = []
    title_connectors: list[Phrase] = []
    definite_determiners: list[Phrase] = []
    indefinite_determiners: list[Phrase] = []
    deputy_words: list[Phrase] = []
    deputy_role: Role
    former_words: list[Phrase] = []
    former_role: Role
    head_words: list[Phrase] = []
    generic_descriptions: list[Phrase] = []
    group_titles: list[Phrase] = []
    relation_words: list[Phrase] = []
    group_possessives: list[Phrase] = []
    kin_words: list[Phrase] = []
    anonymous_words: list[Phrase] = []
    head_role: Role
    unnamed_prefix: Phrase

    @model_validator(mode="after")
    def _single_words(self) -> NameRules:
        problems: list[str] = []
        for name, values in self:
            if not isinstance(values, list):
                continue
            _check_unique(problems, name, values)
            problems.extend(f"{name}: {value!r} must be a single word" for value in values if " " in value)
        both = {word.casefold() for word in self.definite_determiners} & {
            word.casefold() for word in self.indefinite_determiners
        }
        problems.extend(f"{word!r} is both a definite and an indefinite determiner" for word in both)
        _raise_problems(problems)
        return self


class SideRule(_Section):
    """One side and the words that tie a speaker to it."""

    side: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    hints: list[Phrase] = Field(min_length=1)


class InstitutionRule(_Section):
    """A body that speaks as itself ("The Kremlin said")."""

    name: Phrase
    role: Role
    side: Phrase | None = None
    head_role: Role | None = None  # its head's role ("the Kremlin chief" is the president)


class InstitutionRules(_Section):
    """Institutions known by name, and the generic words that make a name an institution."""

    generic_role: Role
    country_role: Role
    generic_words: list[Phrase] = []
    # Generic words that name a body alone after a definite determiner or a possessive pronoun
    # ("the ministry said", "the foreign ministry said", "his office said"), in lower case.
    bare_words: list[Phrase] = []
    known: list[InstitutionRule] = []

    @model_validator(mode="after")
    def _unique(self) -> InstitutionRules:
        problems: list[str] = []
        _check_unique(problems, "known", [institution.name for institution in self.known])
        _check_unique(problems, "generic_words", self.generic_words)
        _check_unique(problems, "bare_words", self.bare_words)
        unknown = sorted(set(self.bare_words) - set(self.generic_words))
        if unknown:
            problems.append(f"bare_words: not among generic_words: {', '.join(unknown)}")
        _raise_problems(problems)
        return self


class RelativeRuleKind(StrEnum):
    """How a relative expression turns into a day, given the publication date."""

    DAYS_BEFORE = "days_before"
    PREVIOUS_WEEK = "previous_week"
    THIS_WEEK_SO_FAR = "this_week_so_far"
    THIS_MONTH_SO_FAR = "this_month_so_far"
    PREVIOUS_MONTH = "previous_month"
    PREVIOUS_WEEKDAY = "previous_weekday"


# Which optional parameter each relative rule needs; the others must be left out.
_RULE_PARAMETERS: dict[RelativeRuleKind, str | None] = {
    RelativeRuleKind.DAYS_BEFORE: "days",
    RelativeRuleKind.PREVIOUS_WEEK: "weekday",
    RelativeRuleKind.THIS_WEEK_SO_FAR: None,
    RelativeRuleKind.THIS_MONTH_SO_FAR: None,
    RelativeRuleKind.PREVIOUS_MONTH: None,
    RelativeRuleKind.PREVIOUS_WEEKDAY: "weekday",
}


class RelativeDate(_Section):
    """A relative expression ("last week") and the documented day it stands for."""

    phrase: Phrase
    rule: RelativeRuleKind
    explanation: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    days: int | None = Field(default=None, ge=0, le=31)
    weekday: Phrase | None = None


class AnchoredDate(_Section):
    """A day counted from another date the story gives ("the day before", "the next day"): its
    offset in days from that date (negative before it) and the explanation quoted in notes."""

    phrase: Phrase
    days: int = Field(ge=-31, le=31)
    explanation: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class VagueTime(_Section):
    """A time that names no day ("late last year", "in recent weeks"); where it names a part of
    a year, the month whose 15th stands for it, in the year `years_before` publication's."""

    phrase: Phrase
    month: int | None = Field(default=None, ge=1, le=12)
    years_before: int = Field(default=0, ge=0, le=1)


class DateRules(_Section):
    """Month and weekday names, representative days and relative expressions."""

    month_day: int = Field(ge=1, le=28)
    month_prepositions: list[Phrase] = []
    day_prepositions: list[Phrase] = []
    past_markers: list[Phrase] = []
    ago_words: list[Phrase] = []
    month_parts: dict[str, Annotated[int, Field(ge=1, le=28)]] = {}
    weekday_includes_publication_day: bool
    future_markers: list[Phrase] = []
    future_clause_words: list[Phrase] = []
    span_words: list[Phrase] = []
    thing_agent_links: list[Phrase] = []
    thing_of_links: list[Phrase] = []
    possessive_day_topics: list[Phrase] = []
    clause_lookback_words: int = Field(ge=0, le=30)
    future_window_days: int = Field(ge=0, le=366)
    months: dict[str, Annotated[int, Field(ge=1, le=12)]]
    weekdays: dict[str, Annotated[int, Field(ge=0, le=6)]]
    numbers: dict[str, Annotated[int, Field(ge=1, le=31)]] = {}
    ago_units: dict[str, Annotated[int, Field(ge=1, le=366)]] = {}
    relative: list[RelativeDate] = []
    anchored: list[AnchoredDate] = []
    vague: list[VagueTime] = []
    earlier_words: list[Phrase] = []
    later_words: list[Phrase] = []

    @model_validator(mode="after")
    def _consistent(self) -> DateRules:
        problems: list[str] = []
        if sorted(set(self.weekdays.values())) != list(range(7)):
            problems.append("weekdays: all seven days (0 = Monday ... 6 = Sunday) must be named")
        if sorted(set(self.months.values())) != list(range(1, 13)):
            problems.append("months: all twelve months must be named")
        _check_unique(problems, "relative", [rule.phrase for rule in self.relative])
        _check_unique(problems, "anchored", [rule.phrase for rule in self.anchored])
        _check_unique(problems, "vague", [time.phrase for time in self.vague])
        relative = {rule.phrase.casefold() for rule in self.relative}
        problems.extend(
            f"vague: {time.phrase!r} is also a relative date (it would name a day)"
            for time in self.vague
            if time.phrase.casefold() in relative
        )
        both = {word.casefold() for word in self.earlier_words} & {
            word.casefold() for word in self.later_words
        }
        if both:
            problems.append(f"earlier_words and later_words: {', '.join(sorted(both))} in both")
        for position, rule in enumerate(self.relative):
            problems.extend(self._rule_problems(position, rule))
        _raise_problems(problems)
        return self

    def _rule_problems(self, position: int, rule: RelativeDate) -> list[str]:
        where = f"relative[{position}] ({rule.phrase!r})"
        needed = _RULE_PARAMETERS[rule.rule]
        problems: list[str] = []
        for parameter in ("days", "weekday"):
            given = getattr(rule, parameter) is not None
            if parameter == needed and not given:
                problems.append(f"{where}: rule {rule.rule.value} needs {parameter}")
            if parameter != needed and given:
                problems.append(f"{where}: rule {rule.rule.value} does not use {parameter}")
        if rule.weekday is not None and rule.weekday.casefold() not in self.weekdays:
            problems.append(f"{where}: unknown weekday {rule.weekday!r}")
        return problems


class TitleRole(_Section):
    """A title whose role in these countries (in every country, with no sides) differs from its
    usual one."""

    title: Phrase
    sides: list[Phrase] = []
    role: Role


class Office(_Section):
    """One office a person held, from ``start`` up to (not including) ``end``."""

    title: Phrase
    role: Role
    start: dt.date
    end: dt.date | None = None  # still in office

    @model_validator(mode="after")
    def _in_order(self) -> Office:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"{self.title!r}: end {self.end} is not after start {self.start}")
        return self

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class OfficeHolder(_Section):
    """A public figure a story may name without their office ("Trump said", "Mr Xi told")."""

    names: list[Phrase] = Field(min_length=1)
    side: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    offices: list[Office] = Field(min_length=1)

    @model_validator(mode="after")
    def _offices_apart(self) -> OfficeHolder:
        problems: list[str] = []
        ordered = sorted(self.offices, key=lambda office: office.start)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.end is None or earlier.end > later.start:
                problems.append(f"{self.names[0]}: offices from {earlier.start} and {later.start} overlap")
        _raise_problems(problems)
        return self

    def office_on(self, day: dt.date) -> Office | None:
        return next((office for office in self.offices if office.held_on(day)), None)


class StoryRules(_Section):
    """How the story's own day is found (see data/extraction.toml)."""

    opening_paragraphs: int = Field(ge=0, le=20)
    max_days_before: int = Field(ge=0, le=14)


class ConfidenceRules(_Section):
    """Factors multiplied into a candidate's confidence (see data/extraction.toml)."""

    quote: Unit
    reported: Unit
    according_to: Unit
    continuation: Unit
    named: Unit
    institution: Unit
    description: Unit
    anonymous: Unit
    medium: Unit
    pronoun: Unit
    date_exact: Unit
    date_relative: Unit
    date_inherited: Unit
    date_publication: Unit


class ExtractionRules(_Section):
    """The whole rules file, validated; the compiled lookup tables are kept apart from it."""

    version: Literal[1]
    quotes: QuoteRules
    sentences: SentenceRules
    context: ContextRules
    attribution: AttributionRules
    names: NameRules
    titles: dict[Role, list[Phrase]]
    title_roles: list[TitleRole] = []
    sides: list[SideRule]
    institutions: InstitutionRules
    dates: DateRules
    story: StoryRules
    confidence: ConfidenceRules
    office_holders: list[OfficeHolder] = []

    _lexicon: _Lexicon = PrivateAttr()

    # Field validators, not a model validator: they run even when other sections are broken,
    # so one load reports every problem.
    @field_validator("titles")
    @classmethod
    def _each_title_has_one_role(cls, titles: dict[Role, list[str]]) -> dict[Role, list[str]]:
        problems: list[str] = []
        owner: dict[str, str] = {}
        for role, phrases in titles.items():
            for phrase in phrases:
                key = phrase.casefold()
                if key in owner:
                    problems.append(f"{phrase!r} is listed under both {owner[key]} and {role.value}")
                owner[key] = role.value
        _raise_problems(problems)
        return titles

    @field_validator("sides")
    @classmethod
    def _each_hint_has_one_side(cls, sides: list[SideRule]) -> list[SideRule]:
        problems: list[str] = []
        side_of: dict[str, str] = {}
        for rule in sides:
            for hint in rule.hints:
                if hint in side_of:
                    problems.append(f"hint {hint!r} is claimed by {side_of[hint]} and {rule.side}")
                side_of[hint] = rule.side
        _check_unique(problems, "side", [rule.side for rule in sides])
        _raise_problems(problems)
        return sides

    @field_validator("office_holders")
    @classmethod
    def _each_name_is_one_person(cls, holders: list[OfficeHolder]) -> list[OfficeHolder]:
        problems: list[str] = []
        _check_unique(problems, "office_holders names", [name for holder in holders for name in holder.names])
        _raise_problems(problems)
        return holders

    def model_post_init(self, context: object, /) -> None:
        # Computed once from the parameters and never changed: matching reads only this.
        self._lexicon = _compile_lexicon(self)


class ExtractionRulesError(ValueError):
    """A rules file that cannot be used; ``problems`` lists every fault and where it is."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def _error_location(location: Sequence[str | int]) -> str:
    """'dates.relative[2].rule' from pydantic's ('dates', 'relative', 2, 'rule')."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def parse_extraction_rules(data: object, *, source: str) -> ExtractionRules:
    """Validate already-parsed TOML data; raise one error listing every problem."""
    try:
        return ExtractionRules.model_validate(data)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "extra_forbidden":
                message = "unknown setting (check the spelling)"
            problems.append(f"{_error_location(detail['loc'])}: {message}")
        raise ExtractionRulesError(source, problems) from None


def load_extraction_rules(path: str | Path | None = None) -> ExtractionRules:
    """Read and validate the extraction rules (default ``data/extraction.toml``)."""
    path = Path(path) if path is not None else DEFAULT_RULES_PATH
    if path == DEFAULT_RULES_PATH:
        return _default_rules()
    return _read_rules(path)


@functools.cache
def _default_rules() -> ExtractionRules:
    """The bundled rules, read once per process (they are immutable)."""
    return _read_rules(DEFAULT_RULES_PATH)


def _read_rules(path: Path) -> ExtractionRules:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExtractionRulesError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ExtractionRulesError(str(path), [f"cannot read the file ({error})"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ExtractionRulesError(str(path), [f"not valid TOML: {error}"]) from None
    return parse_extraction_rules(data, source=str(path))
