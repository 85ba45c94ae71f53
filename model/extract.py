"""Extract: rule-based candidate statements (who said what, and when) from a pasted news article.

The pipeline, one pass per step, each linear in the article's length:

1. split the article into paragraphs, find quotation spans, tokenise, split sentences;
2. in every sentence find date expressions, name/title mentions and the attribution
   ("Peskov told reporters", "said Lavrov", "according to Ushakov");
3. learn who is who from the whole article (surname -> full name, title, role, side);
4. turn attributions and quote-only paragraphs into statements, resolving surnames,
   pronouns and descriptions ("the spokesman") to people;
5. date each statement from its own sentence, else from its context, else the publication
   date, and say in ``date_note`` which.

Every word list and coefficient lives in ``data/extraction.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar

import pandas as pd
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

from model.statements import COLUMNS, MAX_TEXT_CHARS, Kind, Role

DEFAULT_RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "extraction.toml"
# Longest speaker/side/note strings the Statement schema accepts (see model/statements.py).
MAX_SPEAKER_CHARS = 200
MAX_SIDE_CHARS = 100
MAX_NOTE_CHARS = 2_000
UNKNOWN_SIDE = "unknown"
FRAME_COLUMNS: tuple[str, ...] = (*COLUMNS, "title", "confidence")

# ---------------------------------------------------------------------------------------------
# The rules file: schema and validation
# ---------------------------------------------------------------------------------------------

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
        _raise_problems(problems)
        return self


class SentenceRules(_Section):
    """How paragraphs, headings and sentences are told apart."""

    heading_max_chars: int = Field(ge=1, le=1_000)
    wrap_min_chars: int = Field(ge=1, le=1_000)
    wrap_max_chars: int = Field(ge=1, le=10_000)
    abbreviations: list[Phrase] = []

    @model_validator(mode="after")
    def _abbreviations_end_with_stop(self) -> SentenceRules:
        problems = [
            f"abbreviations: {word!r} must be one word ending in '.'"
            for word in self.abbreviations
            if not word.endswith(".") or " " in word
        ]
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


class AttributionRules(_Section):
    """Words that attribute speech and the phrases around them."""

    verbs: list[Phrase] = Field(min_length=1)
    object_verbs: list[Phrase] = []
    bare_clause_verbs: list[Phrase] = []
    relative_pronouns: list[Phrase] = []
    according_to: list[Phrase] = []
    quoted_as: list[Phrase] = []
    quoted_skip: list[Phrase] = []
    quoted_by: list[Phrase] = []
    preludes: list[Phrase] = []
    audiences: list[Phrase] = []
    reporting_phrases: list[Phrase] = []
    place_prepositions: list[Phrase] = []
    channel_links: list[Phrase] = []
    complementisers: list[Phrase] = []
    aside_starts: list[Phrase] = []
    intro_words: list[Phrase] = []
    pronouns: list[Phrase] = []
    object_pronouns: list[Phrase] = []
    media: list[Phrase] = []

    @model_validator(mode="after")
    def _consistent(self) -> AttributionRules:
        problems: list[str] = []
        for name in type(self).model_fields:
            _check_unique(problems, name, getattr(self, name))
        verbs = {verb.casefold() for verb in self.verbs}
        for name in ("object_verbs", "bare_clause_verbs"):
            for verb in getattr(self, name):
                if verb.casefold() not in verbs:
                    problems.append(f"{name}: {verb!r} is not one of verbs")
        for word in (*self.intro_words, *self.pronouns, *self.object_pronouns):
            if " " in word:
                problems.append(f"{word!r}: intro words and pronouns must be single words")
        _raise_problems(problems)
        return self


class NameRules(_Section):
    """What may and may not be part of a person's name or title."""

    stopwords: list[Phrase] = []
    particles: list[Phrase] = []
    modifiers: list[Phrase] = []
    title_connectors: list[Phrase] = []
    definite_determiners: list[Phrase] = []
    indefinite_determiners: list[Phrase] = []
    deputy_words: list[Phrase] = []
    deputy_role: Role
    former_words: list[Phrase] = []
    former_role: Role
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


class InstitutionRules(_Section):
    """Institutions known by name, and the generic words that make a name an institution."""

    generic_role: Role
    country_role: Role
    generic_words: list[Phrase] = []
    known: list[InstitutionRule] = []

    @model_validator(mode="after")
    def _unique(self) -> InstitutionRules:
        problems: list[str] = []
        _check_unique(problems, "known", [institution.name for institution in self.known])
        _check_unique(problems, "generic_words", self.generic_words)
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
    months: dict[str, Annotated[int, Field(ge=1, le=12)]]
    weekdays: dict[str, Annotated[int, Field(ge=0, le=6)]]
    numbers: dict[str, Annotated[int, Field(ge=1, le=31)]] = {}
    ago_units: dict[str, Annotated[int, Field(ge=1, le=366)]] = {}
    relative: list[RelativeDate] = []

    @model_validator(mode="after")
    def _consistent(self) -> DateRules:
        problems: list[str] = []
        if sorted(set(self.weekdays.values())) != list(range(7)):
            problems.append("weekdays: all seven days (0 = Monday ... 6 = Sunday) must be named")
        if sorted(set(self.months.values())) != list(range(1, 13)):
            problems.append("months: all twelve months must be named")
        _check_unique(problems, "relative", [rule.phrase for rule in self.relative])
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
    sides: list[SideRule]
    institutions: InstitutionRules
    dates: DateRules
    confidence: ConfidenceRules

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


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

# Dotted initialisms (U.S., U.N.), words joined by apostrophes or hyphens, or one symbol.
# Every quantifier is bounded or separated by a non-word character, so matching is linear.
_TOKEN_RE = re.compile(r"(?P<word>(?:[A-Za-z]\.){2,6}|\w+(?:[’'\-–‑]\w+){0,10})|[^\w\s]")
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_DAY_RE = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?", re.ASCII)
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}", re.ASCII)
_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_SENTENCE_END = frozenset(".!?…")
_PARAGRAPH_END = frozenset('.!?…:;”"’»)')
_CLOSING_MARKS = '”"’»)'  # stripped before asking whether a wrapped line ends a sentence


class _TokenKind(Enum):
    WORD = "word"
    PUNCT = "punct"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class _Token:
    """A word, a symbol, or a whole quotation (its words in ``text``, marks excluded)."""

    kind: _TokenKind
    text: str
    start: int
    end: int
    lower: str = ""
    bare: str = ""  # text without a trailing possessive ("Russia’s" -> "Russia")
    ends_sentence: bool = False

    @property
    def is_word(self) -> bool:
        return self.kind is _TokenKind.WORD

    @property
    def is_capitalised(self) -> bool:
        return self.kind is _TokenKind.WORD and self.text[:1].isupper()


def _word(text: str, start: int, end: int) -> _Token:
    bare = _POSSESSIVE_RE.sub("", text) if len(text) > 2 else text
    return _Token(_TokenKind.WORD, text, start, end, text.casefold(), bare or text)


def _phrase_tokens(phrase: str) -> list[str]:
    """A phrase from the rules file split the way article text is."""
    return [match.group() for match in _TOKEN_RE.finditer(phrase)]


V = TypeVar("V")


@dataclass(frozen=True)
class _PhraseTable(Generic[V]):
    """Multi-word phrases for longest-first matching at a token position."""

    entries: dict[tuple[str, ...], V]
    firsts: frozenset[str]
    max_len: int
    case_sensitive: bool

    @classmethod
    def build(cls, items: Iterable[tuple[str, V]], *, case_sensitive: bool) -> _PhraseTable[V]:
        entries: dict[tuple[str, ...], V] = {}
        for phrase, value in items:
            words = _phrase_tokens(phrase)
            key = tuple(words if case_sensitive else (word.casefold() for word in words))
            if key:
                entries[key] = value
        return cls(
            entries,
            frozenset(key[0] for key in entries),
            max((len(key) for key in entries), default=0),
            case_sensitive,
        )

    def _key(self, token: _Token) -> str:
        # Possessives are dropped for proper nouns ("Russia’s") but not for common words.
        return token.bare if self.case_sensitive else token.lower

    def match(self, tokens: Sequence[_Token], position: int, end: int) -> tuple[int, V] | None:
        """(number of tokens, value) of the longest phrase starting at position, if any."""
        if position >= end or not tokens[position].is_word:
            return None
        if self._key(tokens[position]) not in self.firsts:
            return None
        longest = min(self.max_len, end - position)
        for length in range(longest, 0, -1):
            window = tokens[position : position + length]
            if not all(token.is_word for token in window):
                continue
            value = self.entries.get(tuple(self._key(token) for token in window))
            if value is not None:
                return length, value
        return None

    def length_at(self, tokens: Sequence[_Token], position: int, end: int) -> int:
        found = self.match(tokens, position, end)
        return found[0] if found else 0


@dataclass(frozen=True)
class _Institution:
    name: str
    role: Role
    side: str | None


@dataclass(frozen=True)
class _Lexicon:
    """Lookup tables compiled from the rules: the only thing matching reads."""

    openers: dict[str, str]
    quote_marks: re.Pattern[str]  # any opening or closing mark
    apostrophes: frozenset[str]
    abbreviations: frozenset[str]
    verbs: _PhraseTable[bool]
    object_verbs: frozenset[str]
    according_to: _PhraseTable[bool]
    quoted_as: _PhraseTable[bool]
    quoted_skip: frozenset[str]
    quoted_by: frozenset[str]
    preludes: frozenset[str]
    audiences: _PhraseTable[bool]
    reporting: _PhraseTable[bool]
    asides: _PhraseTable[bool]
    intro_words: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    media: frozenset[str]
    stopwords: frozenset[str]
    particles: frozenset[str]
    modifiers: frozenset[str]
    connectors: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    determiners: frozenset[str]
    place_prepositions: frozenset[str]
    deputy_words: frozenset[str]
    former_words: frozenset[str]
    titles: _PhraseTable[Role]
    single_titles: dict[str, Role]
    sides: _PhraseTable[str]
    institutions: _PhraseTable[_Institution]
    generic_institutions: frozenset[str]
    relative: _PhraseTable[RelativeDate]
    month_prepositions: frozenset[str]
    day_prepositions: frozenset[str]
    past_markers: frozenset[str]
    future_markers: frozenset[str]
    ago_words: frozenset[str]
    complementisers: frozenset[str]
    channel_links: frozenset[str]
    bare_clause_verbs: frozenset[str]
    relative_pronouns: frozenset[str]


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.casefold() for word in words)


def _flag_table(phrases: Iterable[str]) -> _PhraseTable[bool]:
    return _PhraseTable.build(((phrase, True) for phrase in phrases), case_sensitive=False)


def _compile_lexicon(rules: ExtractionRules) -> _Lexicon:
    """Turn the validated rules into the lookup tables the matcher uses."""
    said = rules.attribution
    names = rules.names
    title_items = [(phrase, role) for role, phrases in rules.titles.items() for phrase in phrases]
    side_items = [(hint, rule.side) for rule in rules.sides for hint in rule.hints]
    institutions = [
        (known.name, _Institution(known.name, known.role, known.side)) for known in rules.institutions.known
    ]
    return _Lexicon(
        openers=dict(rules.quotes.pairs),
        quote_marks=re.compile(
            "[" + "".join(re.escape(mark) for pair in rules.quotes.pairs for mark in pair) + "]"
        ),
        apostrophes=frozenset(rules.quotes.apostrophes),
        abbreviations=_folded(rules.sentences.abbreviations),
        verbs=_flag_table(said.verbs),
        object_verbs=_folded(said.object_verbs),
        according_to=_flag_table(said.according_to),
        quoted_as=_flag_table(said.quoted_as),
        quoted_skip=_folded(said.quoted_skip),
        quoted_by=_folded(said.quoted_by),
        preludes=_folded(said.preludes),
        audiences=_flag_table(said.audiences),
        reporting=_flag_table(said.reporting_phrases),
        asides=_flag_table(said.aside_starts),
        intro_words=_folded(said.intro_words),
        pronouns=_folded(said.pronouns),
        object_pronouns=_folded(said.object_pronouns),
        media=_folded(said.media),
        stopwords=_folded(names.stopwords),
        particles=_folded(names.particles),
        modifiers=_folded(names.modifiers),
        connectors=_folded(names.title_connectors),
        definite=_folded(names.definite_determiners),
        indefinite=_folded(names.indefinite_determiners),
        determiners=_folded(names.definite_determiners) | _folded(names.indefinite_determiners),
        place_prepositions=_folded(said.place_prepositions),
        deputy_words=_folded(names.deputy_words),
        former_words=_folded(names.former_words),
        titles=_PhraseTable.build(title_items, case_sensitive=False),
        single_titles={phrase.casefold(): role for phrase, role in title_items if " " not in phrase},
        sides=_PhraseTable.build(side_items, case_sensitive=True),
        institutions=_PhraseTable.build(institutions, case_sensitive=True),
        generic_institutions=frozenset(rules.institutions.generic_words),
        relative=_PhraseTable.build(
            ((rule.phrase, rule) for rule in rules.dates.relative), case_sensitive=False
        ),
        month_prepositions=_folded(rules.dates.month_prepositions),
        day_prepositions=_folded(rules.dates.day_prepositions),
        past_markers=_folded(rules.dates.past_markers),
        future_markers=_folded(rules.dates.future_markers),
        ago_words=_folded(rules.dates.ago_words),
        complementisers=_folded(said.complementisers),
        bare_clause_verbs=_folded(said.bare_clause_verbs),
        relative_pronouns=_folded(said.relative_pronouns),
        channel_links=_folded(said.channel_links),
    )


# ---------------------------------------------------------------------------------------------
# Paragraphs, quotations, sentences
# ---------------------------------------------------------------------------------------------


def _split_paragraphs(article: str, rules: SentenceRules) -> list[str]:
    """Paragraphs: blank lines separate them; a long line cut mid-sentence is joined on."""
    paragraphs: list[str] = []
    current: list[str] = []
    lines = article.splitlines()
    # One long line per paragraph (a web page) is never joined; short lines may be wrapping.
    wrapped = max((len(line) for line in lines), default=0) <= rules.wrap_max_chars
    for raw_line in lines:
        line = " ".join(raw_line.split())
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and wrapped and _is_wrapped(current[-1], rules):
            current.append(line)
            continue
        if current:
            paragraphs.append(" ".join(current))
        current = [line]
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _is_wrapped(line: str, rules: SentenceRules) -> bool:
    """A line hard-wrapped mid-sentence: long, and not ending a sentence.

    A closing quotation mark does not end a sentence by itself: '...a “concrete result”'
    and '“...,”' continue on the next line; '“...done.”' does not.
    """
    if len(line) < rules.wrap_min_chars:
        return False
    return line.rstrip(_CLOSING_MARKS)[-1:] not in _SENTENCE_END


def _is_heading(paragraph: str, rules: SentenceRules) -> bool:
    return len(paragraph) <= rules.heading_max_chars and paragraph[-1] not in _PARAGRAPH_END


def _quote_spans(text: str, lexicon: _Lexicon) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each top-level quotation; an unclosed one runs to the end."""
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    closer = ""
    for found in lexicon.quote_marks.finditer(text):
        mark, position = found.group(), found.start()
        if open_at is None:
            if mark in lexicon.openers and _can_open(text, position, mark, lexicon):
                open_at, closer = position, lexicon.openers[mark]
        elif mark == closer and _can_close(text, position, mark, lexicon):
            spans.append((open_at, position + 1, True))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text), False))
    return spans


def _can_open(text: str, position: int, mark: str, lexicon: _Lexicon) -> bool:
    # An apostrophe-like mark right after a letter is an apostrophe, not an opening quote.
    return mark not in lexicon.apostrophes or position == 0 or not text[position - 1].isalnum()


def _can_close(text: str, position: int, mark: str, lexicon: _Lexicon) -> bool:
    # ...and one followed by a letter (We’d) is an apostrophe, not a closing quote.
    after = position + 1
    return mark not in lexicon.apostrophes or after >= len(text) or not text[after].isalnum()


def _tokenise(text: str, lexicon: _Lexicon) -> list[_Token]:
    """Words and symbols outside quotations, one QUOTE token per quotation."""
    tokens: list[_Token] = []
    position = 0
    for start, end, closed in _quote_spans(text, lexicon):
        tokens.extend(_word_tokens(text, position, start, lexicon))
        inner = text[start + 1 : end - 1 if closed else end].strip()
        ends = inner[-1:] in _SENTENCE_END  # '“We are ready.” Next' ends; '“We are ready,”' not
        tokens.append(_Token(_TokenKind.QUOTE, inner, start, end, ends_sentence=ends))
        position = end
    tokens.extend(_word_tokens(text, position, len(text), lexicon))
    return tokens


def _word_tokens(text: str, start: int, end: int, lexicon: _Lexicon) -> Iterator[_Token]:
    """Tokens of narrative text; abbreviations and initials keep their full stop."""
    pending: _Token | None = None
    for found in _TOKEN_RE.finditer(text, start, end):
        piece = found.group()
        if pending is not None:
            if piece == "." and found.start() == pending.end and _keeps_stop(pending.text, lexicon):
                yield _word(pending.text + ".", pending.start, found.end())
                pending = None
                continue
            yield pending
            pending = None
        if found.lastgroup == "word":
            pending = _word(piece, found.start(), found.end())
        else:
            yield _Token(_TokenKind.PUNCT, piece, found.start(), found.end(), piece, piece)
    if pending is not None:
        yield pending


def _keeps_stop(word: str, lexicon: _Lexicon) -> bool:
    """Whether a full stop after this word belongs to it (Oct., Mr., J.)."""
    return (word + ".").casefold() in lexicon.abbreviations or (len(word) == 1 and word.isupper())


def _split_sentences(tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    """Token ranges of sentences; a quotation never splits, and may end one."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is None:
            break
        ends = (token.kind is _TokenKind.PUNCT and token.text in _SENTENCE_END) or (
            token.kind is _TokenKind.QUOTE and token.ends_sentence
        )
        if ends and (following.is_capitalised or following.kind is _TokenKind.QUOTE):
            ranges.append((start, position + 1))
            start = position + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DateMention:
    """A date expression in narrative text and the day it stands for."""

    start: int
    end: int
    date: dt.date
    surface: str
    how: str  # completes the note after the quoted surface
    exact: bool


def _shift(day: dt.date, days: int) -> dt.date | None:
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _DateFinder:
    """Finds date expressions in one paragraph, relative to the publication date."""

    def __init__(
        self, text: str, tokens: Sequence[_Token], rules: DateRules, lexicon: _Lexicon, published: dt.date
    ):
        self.text = text
        self.tokens = tokens
        self.rules = rules
        self.lexicon = lexicon
        self.published = published

    def find(self, start: int, end: int) -> list[_DateMention]:
        found: list[_DateMention] = []
        position = start
        while position < end:
            mention = self._at(position, end) if self.tokens[position].is_word else None
            if mention is None:
                position += 1
                continue
            found.append(mention)
            position = mention.end
        return found

    def _at(self, position: int, end: int) -> _DateMention | None:
        for matcher in (
            self._iso,
            self._month_day,
            self._day_month,
            self._month_only,
            self._weekday,
            self._relative,
            self._ago,
        ):
            result = matcher(position, end)
            if result is not None:
                return result
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _lower(self, position: int, end: int) -> str:
        return self.tokens[position].lower if position < end else ""

    def _month(self, position: int, end: int) -> int | None:
        if position >= end or not self.tokens[position].is_capitalised:
            return None
        return self.rules.months.get(self.tokens[position].lower.rstrip("."))

    def _day(self, position: int, end: int) -> int | None:
        if position >= end or not self.tokens[position].is_word:
            return None
        match = _DAY_RE.fullmatch(self.tokens[position].lower)
        return int(match.group(1)) if match else None

    def _year(self, position: int, end: int) -> tuple[int, int] | None:
        """(year, tokens used) for ', 2025' or ' 2025' at position."""
        if position < end and self.tokens[position].text == ",":
            found = self._year(position + 1, end)
            return (found[0], found[1] + 1) if found else None
        if position < end and _YEAR_RE.fullmatch(self.tokens[position].text):
            return int(self.tokens[position].text), 1
        return None

    def _mention(
        self,
        start: int,
        end: int,
        day: dt.date | None,
        how: str,
        *,
        exact: bool,
    ) -> _DateMention | None:
        if day is None or day > self.published:
            return None
        if start > 0 and self.tokens[start - 1].lower in self.lexicon.day_prepositions:
            start -= 1  # keep "On Oct. 23" whole, as a reader would quote it
        surface = self.text[self.tokens[start].start : self.tokens[end - 1].end]
        return _DateMention(start, end, day, surface, how, exact)

    def _in_text(self, year_given: bool, day: dt.date) -> str:
        if year_given or day.year == self.published.year:
            return "in the text"
        return f"in the text; year {day.year}, the last time that day fell before publication"

    def _dated(self, month: int, day: int, year: tuple[int, int] | None) -> dt.date | None:
        if year is not None:
            return _make_date(year[0], month, day)
        this_year = _make_date(self.published.year, month, day)
        if this_year is not None and this_year <= self.published:
            return this_year
        return _make_date(self.published.year - 1, month, day)

    # -- matchers -----------------------------------------------------------------------------

    def _iso(self, position: int, end: int) -> _DateMention | None:
        match = _ISO_DATE_RE.fullmatch(self.tokens[position].text)
        if not match:
            return None
        day = _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return self._mention(position, position + 1, day, "in the text", exact=True)

    def _month_day(self, position: int, end: int) -> _DateMention | None:
        """'Oct. 23', 'October 13, 2024'."""
        return self._calendar_day(position, end, month_at=position, day_at=position + 1)

    def _day_month(self, position: int, end: int) -> _DateMention | None:
        """'23 October', '9 Nov. 2025'."""
        return self._calendar_day(position, end, month_at=position + 1, day_at=position)

    def _calendar_day(self, position: int, end: int, *, month_at: int, day_at: int) -> _DateMention | None:
        month, day_of_month = self._month(month_at, end), self._day(day_at, end)
        if month is None or day_of_month is None:
            return None
        year = self._year(position + 2, end)
        day = self._dated(month, day_of_month, year)
        if day is None:
            return None
        stop = position + 2 + (year[1] if year else 0)
        return self._mention(position, stop, day, self._in_text(year is not None, day), exact=True)

    def _month_only(self, position: int, end: int) -> _DateMention | None:
        """'in August', 'in early August', 'in mid-August 2025' -> a documented day."""
        if self._lower(position, end) not in self.lexicon.month_prepositions:
            return None
        cursor, part = position + 1, None
        word = self._lower(cursor, end)
        if word in self.rules.month_parts:
            part, cursor = word, cursor + 1
        month = self._month(cursor, end)
        if month is None and "-" in word:
            prefix, _, rest = word.partition("-")
            written = self.tokens[cursor].text.partition("-")[2]
            if prefix in self.rules.month_parts and written[:1].isupper():  # "mid-August"
                part, month = prefix, self.rules.months.get(rest)
        if month is None:
            return None
        year = self._year(cursor + 1, end)
        stop = cursor + 1 + (year[1] if year else 0)
        day_of_month = self.rules.month_parts[part] if part else self.rules.month_day
        day, how = self._representative_day(month, day_of_month, year, part)
        return self._mention(position, stop, day, how, exact=False) if day else None

    def _representative_day(
        self, month: int, day_of_month: int, year: tuple[int, int] | None, part: str | None
    ) -> tuple[dt.date | None, str]:
        published = self.published
        if year is not None:
            chosen_year = year[0]
        else:
            chosen_year = published.year if month <= published.month else published.year - 1
        day = _make_date(chosen_year, month, day_of_month)
        which = f"{part} month" if part else "mid-month"
        how = f"in the text; day {day_of_month} stands for the month ({which})"
        this_month = (published.year, published.month)
        if day is not None and day > published and (day.year, day.month) == this_month:
            day, how = published, how + ", clamped to the publication date"
        return day, how

    def _weekday(self, position: int, end: int) -> _DateMention | None:
        token = self.tokens[position]
        weekday = self.rules.weekdays.get(token.lower)
        if weekday is None or not token.is_capitalised:
            return None
        if position > 0 and self.tokens[position - 1].lower in self.lexicon.future_markers:
            return None
        past = position > 0 and self.tokens[position - 1].lower in self.lexicon.past_markers
        start = position - 1 if past else position  # "last Friday"
        days_back = (self.published.weekday() - weekday) % 7
        if days_back == 0 and not self.rules.weekday_includes_publication_day:
            days_back = 7
        name = token.text
        how = f"relative to publication {self.published.isoformat()} -> the most recent {name}"
        how += " on or before it" if self.rules.weekday_includes_publication_day else " before it"
        return self._mention(start, position + 1, _shift(self.published, days_back), how, exact=False)

    def _relative(self, position: int, end: int) -> _DateMention | None:
        found = self.lexicon.relative.match(self.tokens, position, end)
        if found is None:
            return None
        length, rule = found
        day = _relative_day(rule, self.published, self.rules)
        how = f"relative to publication {self.published.isoformat()} -> {rule.explanation}"
        return self._mention(position, position + length, day, how, exact=False)

    def _ago(self, position: int, end: int) -> _DateMention | None:
        """'two days ago', 'a week ago'."""
        count_word = self._lower(position, end)
        count = self.rules.numbers.get(count_word)
        if count is None and _DAY_RE.fullmatch(count_word) and count_word.isdigit():
            count = int(count_word)
        unit = self.rules.ago_units.get(self._lower(position + 1, end))
        if count is None or unit is None or self._lower(position + 2, end) not in self.lexicon.ago_words:
            return None
        days = count * unit
        how = f"relative to publication {self.published.isoformat()} -> {days} day(s) before it"
        return self._mention(position, position + 3, _shift(self.published, days), how, exact=False)


def _relative_day(rule: RelativeDate, published: dt.date, dates: DateRules) -> dt.date | None:
    """The day a relative rule stands for, never after publication."""
    monday = _shift(published, published.weekday())
    match rule.rule:
        case RelativeRuleKind.DAYS_BEFORE:
            return _shift(published, rule.days or 0)
        case RelativeRuleKind.PREVIOUS_WEEK:
            weekday = dates.weekdays[(rule.weekday or "").casefold()]
            return _shift(published, published.weekday() + 7 - weekday)
        case RelativeRuleKind.THIS_WEEK_SO_FAR:
            return _midway(monday, published)
        case RelativeRuleKind.THIS_MONTH_SO_FAR:
            return _midway(published.replace(day=1), published)
        case RelativeRuleKind.PREVIOUS_MONTH:
            last_month_end = _shift(published.replace(day=1), 1)
            if last_month_end is None:
                return None
            return last_month_end.replace(day=min(dates.month_day, last_month_end.day))
        case RelativeRuleKind.PREVIOUS_WEEKDAY:
            weekday = dates.weekdays[(rule.weekday or "").casefold()]
            return _shift(published, (published.weekday() - weekday) % 7 or 7)
    return None


def _midway(first: dt.date | None, published: dt.date) -> dt.date | None:
    """Midway between first and the day before publication (the publication day if none)."""
    if first is None or first >= published:
        return published
    last = _shift(published, 1)
    if last is None:
        return None
    return first + dt.timedelta(days=(last - first).days // 2)


# ---------------------------------------------------------------------------------------------
# Mentions: names, titles, descriptions, institutions
# ---------------------------------------------------------------------------------------------


class _MentionKind(Enum):
    PERSON = "person"  # a name, maybe with a title: "Kremlin spokesman Dmitry Peskov", "Rubio"
    DESCRIPTION = "description"  # a title without a name: "the spokesman", "a senior official"
    INSTITUTION = "institution"  # "the Kremlin", "Russia’s Foreign Ministry", "Moscow"


class _PartKind(Enum):
    TITLE = "title"
    INSTITUTION = "institution"
    SIDE = "side"
    MODIFIER = "modifier"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class _Part:
    kind: _PartKind
    start: int
    end: int
    role: Role | None = None
    side: str | None = None
    plural: bool = False


@dataclass(frozen=True, slots=True)
class _Mention:
    """Who a run of name/title words refers to, as written."""

    kind: _MentionKind
    start: int
    end: int
    name: str  # person's name, institution's name, or the description
    title: str = ""
    role: Role | None = None
    side: str | None = None
    affiliate: str | None = None  # a person whose side this one shares ("Putin’s aide")
    plural: bool = False
    determiner: str = ""

    @property
    def span_start(self) -> int:
        """Where the mention starts in the text, with its determiner ("a senior official")."""
        return self.start - 1 if self.determiner else self.start


def _surface(tokens: Sequence[_Token], start: int, end: int) -> str:
    return " ".join(token.text for token in tokens[start:end])


class _MentionFinder:
    """Finds runs of capitalised names, titles and side hints in one sentence."""

    def __init__(self, tokens: Sequence[_Token], lexicon: _Lexicon, rules: ExtractionRules, dated: set[int]):
        self.tokens = tokens
        self.lexicon = lexicon
        self.rules = rules
        self.dated = dated  # token positions inside date expressions: never names

    def find(self, start: int, end: int) -> list[_Mention]:
        mentions: list[_Mention] = []
        position = start
        while position < end:
            stop, parts = self._run(position, end)
            if not parts:
                position += 1
                continue
            mention = self._classify(parts)
            if mention is not None:
                mentions.append(mention)
            position = max(stop, position + 1)
        return mentions

    def _run(self, position: int, end: int) -> tuple[int, list[_Part]]:
        parts: list[_Part] = []
        cursor = position
        while cursor < end:
            part = self._part(cursor, end, parts)
            if part is None:
                break
            parts.append(part)
            cursor = part.end
        while parts and parts[-1].kind is _PartKind.MODIFIER:
            parts.pop()  # "the top" is not a title
        return cursor, parts

    def _part(self, cursor: int, end: int, parts: list[_Part]) -> _Part | None:
        tokens, lexicon = self.tokens, self.lexicon
        token = tokens[cursor]
        if not token.is_word or cursor in self.dated:
            return None
        title = self._title(cursor, end)
        if title is not None:
            return title
        institution = lexicon.institutions.match(tokens, cursor, end)
        if institution is not None:
            length, known = institution
            side = known.side or self._side_at(cursor, cursor + length)
            return _Part(_PartKind.INSTITUTION, cursor, cursor + length, known.role, side)
        side = lexicon.sides.match(tokens, cursor, end)
        if side is not None:
            return _Part(_PartKind.SIDE, cursor, cursor + side[0], side=side[1])
        if token.text in lexicon.generic_institutions and parts:
            return _Part(_PartKind.INSTITUTION, cursor, cursor + 1, self.rules.institutions.generic_role)
        if token.lower in lexicon.modifiers or token.lower in lexicon.deputy_words:
            return _Part(_PartKind.MODIFIER, cursor, cursor + 1)
        if token.is_capitalised and token.lower not in lexicon.stopwords:
            return _Part(_PartKind.NAME, cursor, cursor + 1)
        following = tokens[cursor + 1] if cursor + 1 < end else None
        if token.lower in lexicon.particles and parts and following and following.is_capitalised:
            return _Part(_PartKind.NAME, cursor, cursor + 1)
        if token.lower in lexicon.connectors and parts and parts[-1].kind is _PartKind.TITLE:
            served = lexicon.sides.match(tokens, cursor + 1, end)
            if served is None:
                return None
            after = cursor + 1 + served[0]
            # "Prime Minister of Hungary", but not "aide to Russian President Vladimir Putin":
            # a title after the country starts another person.
            if after < end and self._title(after, end) is not None:
                return None
            return _Part(_PartKind.SIDE, cursor, after, side=served[1])
        return None

    def _title(self, cursor: int, end: int) -> _Part | None:
        found = self.lexicon.titles.match(self.tokens, cursor, end)
        if found is not None:
            return _Part(_PartKind.TITLE, cursor, cursor + found[0], role=found[1])
        token = self.tokens[cursor]
        if token.bare != token.text and token.bare.casefold() in self.lexicon.single_titles:
            # "the leader’s chief of staff": the possessive title qualifies the next one.
            role = self.lexicon.single_titles[token.bare.casefold()]
            return _Part(_PartKind.TITLE, cursor, cursor + 1, role=role)
        word = token.lower
        if len(word) > 3 and word.endswith("s"):
            role = self.lexicon.single_titles.get(word[:-1])  # "officials", "diplomats"
            if role is not None:
                return _Part(_PartKind.TITLE, cursor, cursor + 1, role=role, plural=True)
        return None

    def _side_at(self, start: int, end: int) -> str | None:
        found = self.lexicon.sides.match(self.tokens, start, end)
        return found[1] if found else None

    def _determiner(self, start: int) -> str:
        if start == 0:
            return ""
        word = self.tokens[start - 1].lower
        known = self.lexicon.determiners
        return word if word in known else ""

    def _classify(self, parts: list[_Part]) -> _Mention | None:
        tokens = self.tokens
        start, end = parts[0].start, parts[-1].end
        side = next((part.side for part in parts if part.side), None)
        titles = [index for index, part in enumerate(parts) if part.kind is _PartKind.TITLE]
        determiner = self._determiner(start)
        if titles:
            return self._titled(parts, titles[-1], side, determiner)
        if parts[-1].kind is _PartKind.INSTITUTION or all(
            part.kind in (_PartKind.SIDE, _PartKind.INSTITUTION) for part in parts
        ):
            role = next(
                (part.role for part in reversed(parts) if part.kind is _PartKind.INSTITUTION),
                self.rules.institutions.country_role,
            )
            return _Mention(
                _MentionKind.INSTITUTION,
                start,
                end,
                _surface(tokens, start, end),
                role=role,
                side=side,
                determiner=determiner,
            )
        names = [part for part in parts if part.kind is _PartKind.NAME]
        if not names or any(part.kind is _PartKind.MODIFIER for part in parts):
            return None
        first = names[0].start
        name = _clean_name(tokens, first, end)
        affiliate = _possessive_name(tokens, parts, first)
        return _Mention(
            _MentionKind.PERSON, first, end, name, side=side, affiliate=affiliate, determiner=determiner
        )

    def _titled(self, parts: list[_Part], last_title: int, side: str | None, determiner: str) -> _Mention:
        tokens = self.tokens
        head = parts[last_title]
        prefix_end = head.end
        # A connector clause ("of Hungary") belongs to the title, not the name.
        rest = parts[last_title + 1 :]
        while (
            rest and rest[0].kind is _PartKind.SIDE and tokens[rest[0].start].lower in self.lexicon.connectors
        ):
            prefix_end = rest[0].end
            rest = rest[1:]
        role = self._role(parts, last_title)
        start = parts[0].start
        title = _surface(tokens, start, prefix_end)
        affiliate = _possessive_name(tokens, parts[:last_title], len(tokens))
        name_parts = [part for part in rest if part.kind in (_PartKind.NAME, _PartKind.SIDE)]
        if name_parts and name_parts[0].start == prefix_end:
            end = name_parts[-1].end
            return _Mention(
                _MentionKind.PERSON,
                start,
                end,
                _clean_name(tokens, prefix_end, end),
                title=title,
                role=role,
                side=side,
                affiliate=affiliate,
                determiner=determiner,
            )
        return _Mention(
            _MentionKind.DESCRIPTION,
            start,
            prefix_end,
            title,
            title=title,
            role=role,
            side=side,
            affiliate=affiliate,
            plural=head.plural,
            determiner=determiner,
        )

    def _role(self, parts: list[_Part], last_title: int) -> Role | None:
        """Role of the last title, lowered for deputies and former office holders."""
        before = {
            self.tokens[position].lower
            for part in parts[:last_title]
            for position in range(part.start, part.end)
        }
        if before & self.lexicon.former_words:
            return self.rules.names.former_role
        if before & self.lexicon.deputy_words:
            return self.rules.names.deputy_role
        return parts[last_title].role


def _clean_name(tokens: Sequence[_Token], start: int, end: int) -> str:
    """The name as written, without a trailing possessive."""
    words = [token.text for token in tokens[start:end]]
    if words:
        words[-1] = tokens[end - 1].bare
    return " ".join(words)


def _possessive_name(tokens: Sequence[_Token], parts: Sequence[_Part], limit: int) -> str | None:
    """'Putin' from "Putin’s spokesman": a person whose side the speaker shares."""
    for part in parts:
        if part.kind is _PartKind.NAME and part.end <= limit:
            token = tokens[part.end - 1]
            if token.bare != token.text:
                return token.bare
    return None


# ---------------------------------------------------------------------------------------------
# Attribution: who said it, and which words are theirs
# ---------------------------------------------------------------------------------------------


class _Style(Enum):
    QUOTE = "quote"  # '"...," Peskov said' -- the words are the quotation(s)
    REPORTED = "reported"  # "Rubio said that ..." -- the words follow (or precede) the verb
    ACCORDING = "according"  # "..., according to Ushakov"


@dataclass(frozen=True, slots=True)
class _Pronoun:
    position: int
    word: str


_SpeakerRef = _Mention | _Pronoun


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: _SpeakerRef
    verb: int  # token position of the verb or attribution phrase
    style: _Style
    content: tuple[tuple[int, int], ...]  # token ranges of the speaker's words; () if bare
    ignored: tuple[int, int] = (0, 0)  # a relative clause whose dates are not the speech date


@dataclass
class _Sentence:
    """One sentence of a paragraph with everything found in it."""

    index: int  # across the article
    paragraph: int
    start: int
    end: int
    dates: list[_DateMention]
    mentions: list[_Mention]
    attribution: _Attribution | None = None
    quote_only: bool = False


class _Attributor:
    """Finds the first attribution in a sentence and the words it covers."""

    def __init__(
        self, tokens: Sequence[_Token], lexicon: _Lexicon, context: ContextRules, sentence: _Sentence
    ):
        self.tokens = tokens
        self.lexicon = lexicon
        self.context = context
        self.start, self.end = sentence.start, sentence.end
        self.by_end = {mention.end: mention for mention in sentence.mentions}
        self.by_start = {mention.start: mention for mention in sentence.mentions}
        self.dates_by_start = {date.start: date for date in sentence.dates}
        self.dates_by_end = {date.end: date for date in sentence.dates}
        self.ignored = (0, 0)  # an aside whose dates are not the date of speaking

    def find(self) -> _Attribution | None:
        tokens = self.tokens
        for position in range(self.start, self.end):
            if not tokens[position].is_word:
                continue
            found = self._according(position) or self._quoted_as(position) or self._verb(position)
            if found is not None:
                return replace(found, ignored=self.ignored)
        return None

    # -- the three ways of attributing ------------------------------------------------------

    def _verb(self, position: int) -> _Attribution | None:
        length = self.lexicon.verbs.length_at(self.tokens, position, self.end)
        if not length:
            return None
        verb_end = position + length
        before = self._speaker_before(position)
        if before is not None:
            speaker, span_start = before
            return self._with_content(speaker, span_start, verb_end, position)
        after = self._speaker_after(position, verb_end)
        if after is not None:
            return self._with_content(after, position, _end_of(after), position)
        return None

    def _according(self, position: int) -> _Attribution | None:
        length = self.lexicon.according_to.length_at(self.tokens, position, self.end)
        if not length:
            return None
        speaker = self._mention_starting(position + length)
        if speaker is None:
            return None
        before = self._trim(self.start, position)
        after = self._trim(speaker.end, self.end)
        content = tuple(span for span in (before, after) if self._has_words(*span))
        return _Attribution(speaker, position, _Style.ACCORDING, content)

    def _quoted_as(self, position: int) -> _Attribution | None:
        """'Interfax quoted Peskov as saying that ...' / 'Peskov was quoted as saying ...'."""
        length = self.lexicon.quoted_as.length_at(self.tokens, position, self.end)
        if not length:
            return None
        cursor = self._skip_quoted_by(position)
        while cursor > self.start and self.tokens[cursor - 1].lower in self.lexicon.quoted_skip:
            cursor -= 1  # "Peskov was quoted as saying"
        speaker = self._mention_ending(cursor)
        if speaker is None:
            return None
        return self._with_content(speaker, speaker.span_start, position + length, position)

    def _skip_quoted_by(self, position: int) -> int:
        """Step back over 'by RIA' in 'Ryabkov was quoted by RIA as saying'."""
        source = self.by_end.get(position)
        if source is None:
            return position
        before = source.span_start - 1
        if before >= self.start and self.tokens[before].lower in self.lexicon.quoted_by:
            return before
        return position

    # -- finding the speaker ----------------------------------------------------------------

    def _mention_ending(self, end: int) -> _Mention | None:
        mention = self.by_end.get(end)
        return mention if mention is not None and self._can_speak(mention) else None

    def _mention_starting(self, start: int) -> _Mention | None:
        if start < self.end and self.tokens[start].lower in self.lexicon.determiners:
            start += 1
        mention = self.by_start.get(start)
        return mention if mention is not None and self._can_speak(mention) else None

    def _can_speak(self, mention: _Mention) -> bool:
        # News organisations report statements; they do not make them.
        return mention.name.casefold() not in self.lexicon.media

    def _speaker_before(self, verb: int) -> tuple[_SpeakerRef, int] | None:
        """Speaker written before the verb: 'Peskov said', 'he said', 'X, the aide, said'."""
        cursor, skipped = verb - 1, 0
        while cursor >= self.start and skipped < self.context.max_prelude_words:
            date = self.dates_by_end.get(cursor + 1)  # "Peskov on Monday said"
            if date is not None:
                cursor, skipped = date.start - 1, skipped + 1
            elif self.tokens[cursor].lower in self.lexicon.preludes:
                cursor, skipped = cursor - 1, skipped + 1
            else:
                break
        if cursor < self.start:
            return None
        token = self.tokens[cursor]
        if token.is_word and token.lower in self.lexicon.pronouns:
            return _Pronoun(cursor, token.lower), cursor
        if token.is_word:
            mention = self._mention_ending(cursor + 1)
            return (mention, mention.span_start) if mention is not None else None
        if token.text == ",":
            return self._speaker_before_aside(cursor)
        return None

    def _speaker_before_aside(self, comma: int) -> tuple[_SpeakerRef, int] | None:
        """'Dmitry Peskov, the Kremlin spokesman, said': the name before the aside."""
        lowest = max(self.start, comma - self.context.max_aside_tokens)
        for cursor in range(comma - 1, lowest - 1, -1):
            token = self.tokens[cursor]
            if token.kind is _TokenKind.QUOTE:
                return None
            if token.text == ",":
                return self._named_around_aside(cursor, comma)
        return None

    def _named_around_aside(self, first: int, second: int) -> tuple[_SpeakerRef, int] | None:
        """The speaker of 'Name, description,' or 'description, Name,' between two commas."""
        before = self._mention_ending(first)
        inside = self.by_start.get(first + 1)
        if inside is not None and inside.end == second and inside.kind is _MentionKind.PERSON:
            # "The Ukrainian leader's chief of staff, Andriy Yermak, told ..."
            return inside, before.span_start if before is not None else inside.start
        if before is None:
            return None
        if self.tokens[first + 1].lower in self.lexicon.relative_pronouns:
            # "Zelenskyy, who was due in Washington on Friday, said": not when he spoke.
            self.ignored = (first + 1, second)
        return before, before.span_start

    def _speaker_after(self, verb: int, verb_end: int) -> _SpeakerRef | None:
        """Inverted order after a quote or comma: '"...," said Peskov.'"""
        previous = self.tokens[verb - 1] if verb > self.start else None
        if previous is None or not (previous.kind is _TokenKind.QUOTE or previous.text == ","):
            return None
        if verb_end < self.end and self.tokens[verb_end].lower in self.lexicon.pronouns:
            return _Pronoun(verb_end, self.tokens[verb_end].lower)
        speaker = self._mention_starting(verb_end)
        if speaker is None or not self._closes_attribution(speaker.end):
            return None  # ", said European capitals were ...": a clause, not a speaker
        return speaker

    def _closes_attribution(self, position: int) -> bool:
        """Whether an inverted attribution can end here ('said Peskov.', 'said Peskov on ...')."""
        if position >= self.end:
            return True
        token, lexicon = self.tokens[position], self.lexicon
        return (
            token.kind is _TokenKind.PUNCT
            or position in self.dates_by_start
            or token.lower in lexicon.place_prepositions
            or bool(lexicon.asides.length_at(self.tokens, position, self.end))
            or bool(lexicon.reporting.length_at(self.tokens, position, self.end))
        )

    # -- finding the words ------------------------------------------------------------------

    def _with_content(self, speaker: _SpeakerRef, span_start: int, span_end: int, verb: int) -> _Attribution:
        if self._quote_just_before(span_start):
            return _Attribution(speaker, verb, _Style.QUOTE, self._quotes_around(span_start, span_end, verb))
        forward = self._content_start(span_end, verb)
        if forward is not None:
            span = self._trim(forward, self.end)
            return _Attribution(speaker, verb, self._style_of(span), (span,))
        before = self._trim(self.start, span_start)
        if self._has_words(*before) and not self._sets_scene(*before):
            return _Attribution(speaker, verb, self._style_of(before), (before,))
        return _Attribution(speaker, verb, _Style.REPORTED, ())

    def _quotes_around(self, span_start: int, span_end: int, verb: int) -> tuple[tuple[int, int], ...]:
        """The quotations an attribution covers: all before it, and one resuming right after.

        '"A," Lavrov said, "B."' covers A and B; in '"A," Rubio said, adding that the U.S.
        wanted "a real deal."' the later quote belongs to the second, reported clause.
        """
        quotes = [
            (position, position + 1)
            for position in range(self.start, span_start)
            if self.tokens[position].kind is _TokenKind.QUOTE
        ]
        cursor = self._skip_adverbials(span_end, self.tokens[verb].lower in self.lexicon.object_verbs)
        if cursor < self.end and self.tokens[cursor].text in (",", ":"):
            cursor += 1
        while cursor < self.end and self.tokens[cursor].kind is _TokenKind.QUOTE:
            quotes.append((cursor, cursor + 1))
            cursor += 1
        return tuple(quotes)

    def _style_of(self, span: tuple[int, int]) -> _Style:
        only_quotes = all(token.kind is not _TokenKind.WORD for token in self.tokens[span[0] : span[1]])
        return _Style.QUOTE if only_quotes else _Style.REPORTED

    def _quote_just_before(self, position: int) -> bool:
        cursor = position - 1
        if cursor >= self.start and self.tokens[cursor].text == ",":
            cursor -= 1
        return cursor >= self.start and self.tokens[cursor].kind is _TokenKind.QUOTE

    def _content_start(self, position: int, verb: int) -> int | None:
        """Where reported words start after the verb, skipping audience, place and time."""
        tokens, lexicon, end = self.tokens, self.lexicon, self.end
        cursor = self._skip_adverbials(position, tokens[verb].lower in lexicon.object_verbs)
        if cursor >= end:
            return None
        token = tokens[cursor]
        if token.lower in self.lexicon.complementisers:
            return cursor + 1 if self._has_words(cursor + 1, end) else None
        if token.text in (",", ":"):
            following = tokens[cursor + 1] if cursor + 1 < end else None
            if following is not None and following.kind is _TokenKind.QUOTE:
                return cursor + 1
            return cursor + 1 if token.text == ":" and following is not None else None
        if lexicon.asides.length_at(tokens, cursor, end) or token.kind is _TokenKind.PUNCT:
            return None
        if token.kind is _TokenKind.QUOTE or tokens[verb].lower in lexicon.bare_clause_verbs:
            return cursor
        return None  # "The Kremlin confirmed the call": an object, not reported words

    def _skip_adverbials(self, cursor: int, takes_object: bool) -> int:
        end = self.end
        budget = self.context.max_skip_tokens
        if takes_object and cursor < end:
            # Whoever was told comes straight after the verb: "told Reuters", "told him".
            that = self._that_within(cursor, budget)
            if that is not None:  # "told Russia's state news agency TASS that ..."
                return that
            cursor += self._adverbial_length(cursor) or self._object_length(cursor)
            cursor = self._skip_programme(cursor)
        while cursor < end and budget > 0:
            step = self._adverbial_length(cursor)
            if not step:
                break
            cursor, budget = cursor + step, budget - step
        return cursor

    def _that_within(self, cursor: int, budget: int) -> int | None:
        """Position of a 'that' closing the addressee of 'told', if it comes soon enough."""
        for position in range(cursor, min(self.end, cursor + budget + 1)):
            token = self.tokens[position]
            if token.lower in self.lexicon.complementisers:
                return position if position > cursor else None
            if not token.is_word:
                return None
        return None

    def _skip_programme(self, cursor: int) -> int:
        """'told CBS News' "Face the Nation"', 'told NBC’s “Meet the Press”': a show, not words."""
        tokens, end = self.tokens, self.end
        if cursor < end and tokens[cursor].text in ("'", "’"):
            cursor += 1
        previous = tokens[cursor - 1] if cursor > self.start else None
        possessive = previous is not None and (previous.text in ("'", "’") or previous.bare != previous.text)
        if possessive and cursor < end and tokens[cursor].kind is _TokenKind.QUOTE:
            cursor += 1
        return cursor

    def _adverbial_length(self, cursor: int) -> int:
        tokens, lexicon, end = self.tokens, self.lexicon, self.end
        date = self.dates_by_start.get(cursor)
        if date is not None:
            return date.end - cursor
        length = lexicon.audiences.length_at(tokens, cursor, end)
        if length:
            return length
        length = lexicon.reporting.length_at(tokens, cursor, end)
        if length:
            follow = cursor + length
            if follow < end and tokens[follow].lower in lexicon.channel_links:
                mention = self.by_start.get(follow + 1)
                if mention is not None:
                    return mention.end - cursor
            return length
        if tokens[cursor].lower in lexicon.place_prepositions:
            place = self._mention_after_determiner(cursor + 1)
            if place is not None and place.kind is not _MentionKind.DESCRIPTION:
                return place.end - cursor  # "in Moscow", "at the White House": not speech
        return 0

    def _mention_after_determiner(self, position: int) -> _Mention | None:
        if position < self.end and self.tokens[position].lower in self.lexicon.determiners:
            position += 1
        return self.by_start.get(position)

    def _object_length(self, cursor: int) -> int:
        token = self.tokens[cursor]
        if token.lower in self.lexicon.object_pronouns:
            return 1
        start = cursor + 1 if token.lower in self.lexicon.determiners else cursor
        mention = self.by_start.get(start)
        return mention.end - cursor if mention is not None else 0

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop commas, colons and dashes at either edge of a span."""
        while start < end and self.tokens[start].text in (",", ":", "—", "–", "-"):
            start += 1
        while end > start and self.tokens[end - 1].text in (",", ":", "—", "–", "-"):
            end -= 1
        return start, end

    def _has_words(self, start: int, end: int) -> bool:
        """Whether a span holds any words, quoted or not (not just punctuation)."""
        return any(token.kind is not _TokenKind.PUNCT for token in self.tokens[start:end])

    def _sets_scene(self, start: int, end: int) -> bool:
        """'On Friday,' / 'Speaking to reporters,' before the speaker: not the speaker's words."""
        first = self.tokens[start]
        if first.lower in self.lexicon.intro_words:
            return True
        dated = {
            position for date in self.dates_by_start.values() for position in range(date.start, date.end)
        }
        return all(position in dated or not self.tokens[position].is_word for position in range(start, end))


def _end_of(speaker: _SpeakerRef) -> int:
    return speaker.end if isinstance(speaker, _Mention) else speaker.position + 1


# ---------------------------------------------------------------------------------------------
# Who is who: the article's own introductions
# ---------------------------------------------------------------------------------------------


@dataclass
class _Person:
    """What the article says about one person, merged over all mentions."""

    name: str
    title: str = ""
    role: Role | None = None
    side: str | None = None
    affiliate: str | None = None

    def absorb(self, title: str, role: Role | None, side: str | None, affiliate: str | None) -> None:
        """Fill in what is still unknown; the first introduction wins."""
        if not self.title and title:
            self.title, self.role = title, role
        self.side = self.side or side
        self.affiliate = self.affiliate or affiliate


class _Registry:
    """Full names by surname, so 'Rubio said' finds 'U.S. Secretary of State Marco Rubio'."""

    def __init__(self) -> None:
        self.by_name: dict[str, _Person] = {}
        self.by_surname: dict[str, _Person] = {}

    def add(self, name: str, title: str, role: Role | None, side: str | None, affiliate: str | None) -> None:
        words = name.split()
        if not words:
            return
        person = self.by_name.get(name)
        if person is None:
            earlier = self.by_surname.get(words[-1])
            if earlier is not None and _same_person(earlier, words, role):
                if len(words) > len(earlier.name.split()):
                    earlier.name = name  # "President Putin", then "Vladimir Putin": the fuller name
                person = earlier
            else:
                person = _Person(name)
                self.by_surname.setdefault(words[-1], person)
            self.by_name[name] = person
        person.absorb(title, role, side, affiliate)

    def lookup(self, name: str) -> _Person | None:
        words = name.split()
        if not words:
            return None
        return self.by_name.get(name) or self.by_surname.get(words[-1])

    def side_of(self, person: _Person) -> str | None:
        if person.side:
            return person.side
        if person.affiliate:
            patron = self.lookup(person.affiliate)
            return patron.side if patron is not None and patron is not person else None
        return None


def _same_person(known: _Person, words: list[str], role: Role | None) -> bool:
    """'Putin' and 'Vladimir Putin' are one person; 'Donald Trump' and 'Melania Trump' are not."""
    known_words = known.name.split()
    shorter, longer = sorted((known_words, words), key=len)
    if longer[len(longer) - len(shorter) :] != shorter:
        return False
    return role is None or known.role is None or role == known.role


def _appositive(
    tokens: Sequence[_Token], mention: _Mention, sentence: _Sentence, lexicon: _Lexicon
) -> _Mention | None:
    """'Dmitry Peskov, the Kremlin spokesman,' -> the description after the name."""
    cursor = mention.end
    if cursor >= sentence.end or tokens[cursor].text != ",":
        return None
    cursor += 1
    if cursor < sentence.end and tokens[cursor].lower in lexicon.determiners:
        cursor += 1
    for candidate in sentence.mentions:
        if candidate.start == cursor and candidate.kind is _MentionKind.DESCRIPTION:
            return candidate
    return None


def _described_before(tokens: Sequence[_Token], mention: _Mention, sentence: _Sentence) -> _Mention | None:
    """'The Ukrainian leader's chief of staff, Andriy Yermak,' -> the description before."""
    comma = mention.start - 1
    if comma <= sentence.start or tokens[comma].text != ",":
        return None
    if mention.end < sentence.end and tokens[mention.end].text != ",":
        return None
    for candidate in sentence.mentions:
        if candidate.end == comma and candidate.kind is _MentionKind.DESCRIPTION:
            return candidate
    return None


def _affiliate_after(
    tokens: Sequence[_Token], description: _Mention, sentence: _Sentence, lexicon: _Lexicon
) -> str | None:
    """'a foreign policy aide to Putin' -> 'Putin'."""
    cursor = description.end
    if cursor >= sentence.end or tokens[cursor].lower not in lexicon.connectors:
        return None
    for candidate in sentence.mentions:
        if candidate.start == cursor + 1 and candidate.kind is _MentionKind.PERSON:
            return candidate.name
    return None


def _learn_people(paragraphs: Sequence[_Paragraph], lexicon: _Lexicon) -> _Registry:
    """Every titled or full name in the article, with titles from appositives too."""
    registry = _Registry()
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            for mention in sentence.mentions:
                if mention.kind is not _MentionKind.PERSON:
                    continue
                if mention.name.casefold() in lexicon.media:
                    continue
                title, role, side, affiliate = mention.title, mention.role, mention.side, mention.affiliate
                described = _appositive(paragraph.tokens, mention, sentence, lexicon) or (
                    _described_before(paragraph.tokens, mention, sentence)
                )
                if described is not None and not title:
                    title, role = described.title, described.role
                    side = side or described.side
                    affiliate = (
                        affiliate
                        or described.affiliate
                        or _affiliate_after(paragraph.tokens, described, sentence, lexicon)
                    )
                if title or side or len(mention.name.split()) > 1:
                    registry.add(mention.name, title, role, side, affiliate)
    return registry


# ---------------------------------------------------------------------------------------------
# The article, analysed
# ---------------------------------------------------------------------------------------------


@dataclass
class _Paragraph:
    index: int
    text: str
    tokens: list[_Token]
    heading: bool
    sentences: list[_Sentence] = field(default_factory=list)


def _analyse(article: str, rules: ExtractionRules, published: dt.date) -> list[_Paragraph]:
    """Paragraphs with their sentences, dates, mentions and attributions."""
    lexicon = rules._lexicon
    paragraphs: list[_Paragraph] = []
    sentence_index = 0
    for index, text in enumerate(_split_paragraphs(article, rules.sentences)):
        tokens = _tokenise(text, lexicon)
        heading = _is_heading(text, rules.sentences)
        paragraph = _Paragraph(index, text, tokens, heading)
        ranges = [(0, len(tokens))] if heading else _split_sentences(tokens)
        finder = _DateFinder(text, tokens, rules.dates, lexicon, published)
        for start, end in ranges:
            paragraph.sentences.append(
                _analyse_sentence(tokens, start, end, sentence_index, paragraph, finder, rules)
            )
            sentence_index += 1
        paragraphs.append(paragraph)
    return paragraphs


def _analyse_sentence(
    tokens: list[_Token],
    start: int,
    end: int,
    index: int,
    paragraph: _Paragraph,
    finder: _DateFinder,
    rules: ExtractionRules,
) -> _Sentence:
    dates = finder.find(start, end)
    dated = {position for date in dates for position in range(date.start, date.end)}
    mentions = _MentionFinder(tokens, rules._lexicon, rules, dated).find(start, end)
    sentence = _Sentence(index, paragraph.index, start, end, dates, mentions)
    if paragraph.heading:
        return sentence
    sentence.quote_only = any(t.kind is _TokenKind.QUOTE for t in tokens[start:end]) and all(
        token.kind is not _TokenKind.WORD for token in tokens[start:end]
    )
    if not sentence.quote_only:
        sentence.attribution = _Attributor(tokens, rules._lexicon, rules.context, sentence).find()
    return sentence


# ---------------------------------------------------------------------------------------------
# Statements
# ---------------------------------------------------------------------------------------------


class Candidate(BaseModel):
    """One statement found in an article: who said it, what, and when (with how we know)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date  # when it was said, never after publication
    date_note: str  # how the date was found, quoting the words it came from
    speaker: str = Field(min_length=1)  # full name where the article gives one
    title: str = ""  # as written at the speaker's introduction ("Kremlin spokesman")
    role: Role = Role.OTHER
    side: str = UNKNOWN_SIDE  # whom the speaker speaks for, where the text says so
    text: str = Field(min_length=1)  # the words; quotation marks kept inside reported speech
    kind: Kind  # quote if any words are verbatim, paraphrase for reported speech
    sentence_index: int = Field(ge=0)  # 0-based, across the article; a heading counts as one
    confidence: float = Field(ge=0.0, le=1.0)  # ranking aid: attribution x speaker x date


@dataclass(frozen=True)
class _Speaker:
    name: str
    title: str
    role: Role
    side: str
    is_person: bool

    @property
    def is_institution(self) -> bool:
        return not self.is_person


@dataclass(frozen=True, slots=True)
class _DateSource:
    """A date an undated statement may borrow, with the reason it applies."""

    sentence: int
    reason: str
    date: dt.date
    root_note: str  # how the date was found first-hand ("'on Nov. 17' in the text")
    root_factor: float


@dataclass
class _Draft:
    """A statement before its date is settled."""

    sentence: int
    paragraph: int
    speaker: _Speaker
    text: str
    kind: Kind
    style_factor: float  # how it was attributed (quote, reported, according to, continuation)
    resolution_factor: float  # how its speaker was resolved (named, pronoun, ...)
    own_date: _DateMention | None
    narrative_dates: tuple[_DateSource, ...] = ()  # dates set by the surrounding narrative
    continues: int | None = None  # index of the draft whose quote this one continues
    date: dt.date | None = None
    note: str = ""
    root_note: str = ""  # empty while undated or dated only by publication
    date_factor: float = 1.0

    @property
    def confidence(self) -> float:
        return self.style_factor * self.resolution_factor * self.date_factor


@dataclass(frozen=True)
class _Recent:
    speaker: _Speaker
    sentence: int
    paragraph: int


def _first_hand(mention: _DateMention, confidence: ConfidenceRules) -> tuple[str, float]:
    """The note and confidence factor of a date read straight from the text."""
    factor = confidence.date_exact if mention.exact else confidence.date_relative
    return f"'{mention.surface}' {mention.how}", factor


class _Builder:
    """Walks the analysed article in order and turns attributions into drafts."""

    def __init__(self, paragraphs: list[_Paragraph], rules: ExtractionRules):
        self.paragraphs = paragraphs
        self.rules = rules
        self.lexicon = rules._lexicon
        self.registry = _learn_people(paragraphs, self.lexicon)
        self.drafts: list[_Draft] = []
        # The latest person for each (role, side) and (role, None), for "the spokesman said".
        self.by_role: dict[tuple[Role, str | None], _Recent] = {}
        self.last_person: _Recent | None = None
        # The latest narrative sentence naming someone with a date ("Witkoff met Putin on
        # Thursday."), by name: that person's next words were probably said then.
        self.events: dict[str, tuple[int, int, _DateMention]] = {}  # (sentence, paragraph, date)
        # An attribution that ends in a colon, waiting for the quote it introduces.
        self.lead: tuple[int, _Sentence, _Attribution] | None = None

    def build(self) -> list[_Draft]:
        for paragraph in self.paragraphs:
            if not paragraph.heading:
                self._paragraph(paragraph)
        return self.drafts

    def _paragraph(self, paragraph: _Paragraph) -> None:
        scene: _DateSource | None = None
        consumed: set[int] = set()
        for position, sentence in enumerate(paragraph.sentences):
            if position in consumed:
                continue
            made = False
            attribution = sentence.attribution
            if attribution is not None and attribution.content:
                made = self._attributed(paragraph, sentence, attribution, scene)
            elif sentence.quote_only:
                after = self._bare_attribution_after(paragraph, position)
                if after is not None:
                    consumed.add(position + 1)
                introduced = after or self._lead_in(paragraph, sentence)
                if introduced is not None:
                    made = self._attributed(
                        paragraph, sentence, introduced[1], scene, date_sentence=introduced[0]
                    )
                else:
                    made = self._continuation(paragraph, sentence, scene)
            elif attribution is not None and _ends_with_colon(paragraph, sentence):
                self.lead = (paragraph.index, sentence, attribution)  # "Peskov told reporters:"
            if not made:
                scene = self._opening_date(sentence) or scene
                self._remember_events(paragraph, sentence)
            self._remember_people(paragraph, sentence)

    # -- drafts -------------------------------------------------------------------------------

    def _attributed(
        self,
        paragraph: _Paragraph,
        sentence: _Sentence,
        attribution: _Attribution,
        scene: _DateSource | None,
        *,
        date_sentence: _Sentence | None = None,
    ) -> bool:
        resolved = self._resolve(sentence, attribution.speaker)
        if resolved is None:
            return False
        speaker, resolution_factor = resolved
        text, kind = _content_text(paragraph, attribution)
        if not text:
            return False
        confidence = self.rules.confidence
        style_factor = {
            _Style.QUOTE: confidence.quote,
            _Style.REPORTED: confidence.reported,
            _Style.ACCORDING: confidence.according_to,
        }[attribution.style]
        if date_sentence is None:
            own = _speech_date(sentence, attribution)
        else:
            own = _speech_date(date_sentence, None)
        draft = _Draft(
            sentence.index,
            paragraph.index,
            speaker,
            text,
            kind,
            style_factor,
            resolution_factor,
            own,
            self._narrative_dates(sentence, speaker, scene),
        )
        self._add(draft)
        return True

    def _continuation(self, paragraph: _Paragraph, sentence: _Sentence, scene: _DateSource | None) -> bool:
        """A quote with no attribution continues the previous speaker, if close enough."""
        if not self.drafts:
            return False
        previous_index = len(self.drafts) - 1
        previous = self.drafts[previous_index]
        if paragraph.index - previous.paragraph > self.rules.context.continuation_paragraphs:
            return False
        text = _quotes_text(paragraph.tokens[sentence.start : sentence.end])
        if not text:
            return False
        draft = _Draft(
            sentence.index,
            paragraph.index,
            previous.speaker,
            text,
            Kind.QUOTE,
            self.rules.confidence.continuation,
            previous.resolution_factor,
            None,
            self._narrative_dates(sentence, previous.speaker, scene),
            previous_index,
        )
        self._add(draft)
        return True

    def _add(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        recent = _Recent(draft.speaker, draft.sentence, draft.paragraph)
        if draft.speaker.is_person:
            self.last_person = recent
            self._note_role(recent)

    def _bare_attribution_after(
        self, paragraph: _Paragraph, position: int
    ) -> tuple[_Sentence, _Attribution] | None:
        """'"Are we ready?" Peskov asked.' split in two: the attribution with no words."""
        if position + 1 >= len(paragraph.sentences):
            return None
        following = paragraph.sentences[position + 1]
        attribution = following.attribution
        if attribution is None or attribution.content:
            return None
        quoted = paragraph.sentences[position]
        quotes = tuple(
            (index, index + 1)
            for index in range(quoted.start, quoted.end)
            if paragraph.tokens[index].kind is _TokenKind.QUOTE
        )
        return following, _Attribution(attribution.speaker, attribution.verb, _Style.QUOTE, quotes)

    # -- dates from the narrative -------------------------------------------------------------

    def _lead_in(self, paragraph: _Paragraph, sentence: _Sentence) -> tuple[_Sentence, _Attribution] | None:
        """A quote paragraph after 'Peskov told reporters:' belongs to Peskov."""
        if self.lead is None:
            return None
        lead_paragraph, lead_sentence, attribution = self.lead
        self.lead = None
        if paragraph.index - lead_paragraph > self.rules.context.continuation_paragraphs:
            return None
        if self.drafts and self.drafts[-1].sentence > lead_sentence.index:
            return None
        quotes = tuple(
            (index, index + 1)
            for index in range(sentence.start, sentence.end)
            if paragraph.tokens[index].kind is _TokenKind.QUOTE
        )
        return lead_sentence, _Attribution(attribution.speaker, attribution.verb, _Style.QUOTE, quotes)

    def _opening_date(self, sentence: _Sentence) -> _DateSource | None:
        """A date that opens a sentence ('On Friday, ...') sets the scene for what follows."""
        for date in sentence.dates:
            if date.start <= sentence.start + 1:
                note, factor = _first_hand(date, self.rules.confidence)
                reason = f"date set earlier in the paragraph (sentence #{sentence.index})"
                return _DateSource(sentence.index, reason, date.date, note, factor)
        return None

    def _remember_events(self, paragraph: _Paragraph, sentence: _Sentence) -> None:
        """Dated narrative about a person or body: 'Witkoff met Putin in Moscow on Thursday.'"""
        if not sentence.dates:
            return
        for mention in sentence.mentions:
            if mention.kind is _MentionKind.DESCRIPTION:
                continue
            name = self._person(mention).name if mention.kind is _MentionKind.PERSON else mention.name
            nearest = min(sentence.dates, key=lambda date: abs(date.start - mention.start))
            self.events[name] = (sentence.index, paragraph.index, nearest)

    def _narrative_dates(
        self, sentence: _Sentence, speaker: _Speaker, scene: _DateSource | None
    ) -> tuple[_DateSource, ...]:
        sources = [scene] if scene is not None else []
        event = self.events.get(speaker.name)
        if event is not None and self._within_context(event[0], event[1], sentence):
            event_sentence, _, mention = event
            note, factor = _first_hand(mention, self.rules.confidence)
            reason = f"{speaker.name} is named with this date in sentence #{event_sentence}"
            sources.append(_DateSource(event_sentence, reason, mention.date, note, factor))
        return tuple(sources)

    # -- speakers -----------------------------------------------------------------------------

    def _resolve(self, sentence: _Sentence, reference: _SpeakerRef) -> tuple[_Speaker, float] | None:
        confidence = self.rules.confidence
        if isinstance(reference, _Pronoun):
            recent = self._recent_person(sentence)
            return (recent.speaker, confidence.pronoun) if recent is not None else None
        if reference.kind is _MentionKind.PERSON:
            return self._person(reference), confidence.named
        if reference.kind is _MentionKind.INSTITUTION:
            side = reference.side or UNKNOWN_SIDE
            name = reference.name
            return _Speaker(name, "", reference.role or Role.OTHER, side, False), confidence.institution
        return self._described(reference, sentence)

    def _person(self, mention: _Mention) -> _Speaker:
        person = self.registry.lookup(mention.name)
        if person is None:
            side = mention.side
            if side is None and mention.affiliate:
                patron = self.registry.lookup(mention.affiliate)
                side = self.registry.side_of(patron) if patron else None
            return _Speaker(
                mention.name, mention.title, mention.role or Role.OTHER, side or UNKNOWN_SIDE, True
            )
        side = mention.side or self.registry.side_of(person)
        title = mention.title or person.title
        role = (mention.role if mention.title else person.role) or Role.OTHER
        return _Speaker(person.name, title, role, side or UNKNOWN_SIDE, True)

    def _described(self, mention: _Mention, sentence: _Sentence) -> tuple[_Speaker, float]:
        """'the spokesman' -> the last spokesperson named; 'a senior official' -> unnamed."""
        confidence = self.rules.confidence
        role = mention.role or Role.OTHER
        if mention.determiner not in self.lexicon.indefinite and not mention.plural:
            recent = self.by_role.get((role, mention.side))
            if recent is not None and self._within_context(recent.sentence, recent.paragraph, sentence):
                return recent.speaker, confidence.description
        side = mention.side
        if side is None and mention.affiliate:
            patron = self.registry.lookup(mention.affiliate)
            side = self.registry.side_of(patron) if patron else None
        name = f"{self.rules.names.unnamed_prefix} {mention.name}"
        speaker = _Speaker(name, mention.title, role, side or UNKNOWN_SIDE, True)
        return speaker, confidence.anonymous

    def _recent_person(self, sentence: _Sentence) -> _Recent | None:
        recent = self.last_person
        if recent is None or not self._within_context(recent.sentence, recent.paragraph, sentence):
            return None
        return recent

    def _within_context(self, then_sentence: int, then_paragraph: int, now: _Sentence) -> bool:
        context = self.rules.context
        return (
            now.paragraph - then_paragraph <= context.paragraphs
            and now.index - then_sentence <= context.sentences
        )

    def _note_role(self, recent: _Recent) -> None:
        speaker = recent.speaker
        self.by_role[(speaker.role, None)] = recent
        if speaker.side != UNKNOWN_SIDE:
            self.by_role[(speaker.role, speaker.side)] = recent

    def _remember_people(self, paragraph: _Paragraph, sentence: _Sentence) -> None:
        """Named people in this sentence become the referents of later descriptions."""
        for mention in sentence.mentions:
            if mention.kind is not _MentionKind.PERSON or mention.name.casefold() in self.lexicon.media:
                continue
            speaker = self._person(mention)
            if speaker.role is Role.OTHER:
                continue
            recent = _Recent(speaker, sentence.index, paragraph.index)
            self._note_role(recent)


def _ends_with_colon(paragraph: _Paragraph, sentence: _Sentence) -> bool:
    return sentence.end > sentence.start and paragraph.tokens[sentence.end - 1].text == ":"


def _speech_date(sentence: _Sentence, attribution: _Attribution | None) -> _DateMention | None:
    """The date of speaking: a date outside the reported words, nearest the verb."""
    content: set[int] = set()
    if attribution is not None:
        spans = (*attribution.content, attribution.ignored)
        content = {position for start, end in spans for position in range(start, end)}
        verb = attribution.verb
    else:
        verb = sentence.start
    outside = [
        date
        for date in sentence.dates
        if not any(position in content for position in range(date.start, date.end))
    ]
    if not outside:
        return None
    return min(outside, key=lambda date: (abs(date.start - verb), date.start))


def _quotes_text(tokens: Sequence[_Token]) -> str:
    """The words of the quotations, joined; a trailing comma (inside the marks) dropped."""
    parts = [token.text for token in tokens if token.kind is _TokenKind.QUOTE and token.text]
    return " ".join(parts).rstrip(" ,")


def _content_text(paragraph: _Paragraph, attribution: _Attribution) -> tuple[str, Kind]:
    """The speaker's words and whether they are quoted verbatim."""
    tokens = paragraph.tokens
    if attribution.style is _Style.QUOTE:
        chosen = [tokens[start] for start, _ in attribution.content]
        text = _quotes_text(chosen)
        return _limit(text, MAX_TEXT_CHARS), Kind.QUOTE
    pieces = []
    has_quote = False
    for start, end in attribution.content:
        if start >= end:
            continue
        pieces.append(paragraph.text[tokens[start].start : tokens[end - 1].end].strip(" ,;:—–-"))
        has_quote = has_quote or any(t.kind is _TokenKind.QUOTE for t in tokens[start:end])
    text = " ".join(piece for piece in pieces if piece)
    # Reported words that contain quoted words are a quote: the marks stay in the text so a
    # reader sees which words are verbatim.
    return _limit(text, MAX_TEXT_CHARS), Kind.QUOTE if has_quote else Kind.PARAPHRASE


def _limit(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# Dating statements
# ---------------------------------------------------------------------------------------------


class _Dater:
    """Settles each draft's date: its own, else its context's, else the publication date."""

    def __init__(self, drafts: list[_Draft], rules: ExtractionRules, published: dt.date):
        self.drafts = drafts
        self.rules = rules
        self.published = published
        # The latest dated statement per speaker, and per side for bodies and for people.
        self.last_by_speaker: dict[str, int] = {}
        self.last_institution_by_side: dict[str, int] = {}
        self.last_person_by_side: dict[str, int] = {}

    def run(self) -> None:
        for index, draft in enumerate(self.drafts):
            self._date(index, draft)
            if draft.root_note:  # dated by the text, not by the publication-date fallback
                self._remember(index, draft)

    def _remember(self, index: int, draft: _Draft) -> None:
        speaker = draft.speaker
        self.last_by_speaker[speaker.name] = index
        if speaker.side != UNKNOWN_SIDE:
            by_side = self.last_institution_by_side if speaker.is_institution else self.last_person_by_side
            by_side[speaker.side] = index

    def _date(self, index: int, draft: _Draft) -> None:
        if draft.own_date is not None:
            note, factor = _first_hand(draft.own_date, self.rules.confidence)
            draft.date, draft.note, draft.root_note, draft.date_factor = (
                draft.own_date.date,
                note,
                note,
                factor,
            )
            return
        source = self._continued(draft) or self._latest_context(draft) or self._next_own(index, draft)
        if source is not None:
            draft.date = source.date
            draft.note = f"{source.reason}; {source.root_note}"
            draft.root_note = source.root_note  # only the first-hand note is repeated
            draft.date_factor = source.root_factor * self.rules.confidence.date_inherited
            return
        draft.date = self.published
        draft.note = f"no date in the text; publication date {self.published.isoformat()} used"
        draft.date_factor = self.rules.confidence.date_publication

    def _from_draft(self, source: _Draft, reason: str) -> _DateSource | None:
        if source.date is None or not source.root_note:
            return None
        factor = source.date_factor
        if source.note != source.root_note:  # inheriting twice must not compound the discount
            factor /= self.rules.confidence.date_inherited or 1.0
        return _DateSource(source.sentence, reason, source.date, source.root_note, factor)

    def _continued(self, draft: _Draft) -> _DateSource | None:
        if draft.continues is None:
            return None
        source = self.drafts[draft.continues]
        reason = f"continues the quote by {source.speaker.name} (sentence #{source.sentence})"
        return self._from_draft(source, reason)

    def _latest_context(self, draft: _Draft) -> _DateSource | None:
        """The most recent of: the speaker's last statement, a partner's, the narrative's."""
        sources = [source for source in self._earlier_statements(draft) if source is not None]
        sources.extend(draft.narrative_dates)
        latest: _DateSource | None = None
        for source in sources:
            if latest is None or source.sentence > latest.sentence:
                latest = source
        return latest

    def _earlier_statements(self, draft: _Draft) -> Iterator[_DateSource | None]:
        same = self.last_by_speaker.get(draft.speaker.name)
        if same is not None and self._close(self.drafts[same], draft):
            source = self.drafts[same]
            yield self._from_draft(source, f"same speaker's statement in sentence #{source.sentence}")
        if draft.speaker.side == UNKNOWN_SIDE:
            return
        # A body and its spokespeople speak together: "The Kremlin said on Nov. 17 ...
        # Peskov told reporters ..." reports one briefing.
        partners = self.last_person_by_side if draft.speaker.is_institution else self.last_institution_by_side
        partner = partners.get(draft.speaker.side)
        if partner is not None and self._close(self.drafts[partner], draft):
            source = self.drafts[partner]
            reason = (
                f"statement by {source.speaker.name} in sentence #{source.sentence} "
                f"(same side, {draft.speaker.side})"
            )
            yield self._from_draft(source, reason)

    def _close(self, source: _Draft, draft: _Draft) -> bool:
        context = self.rules.context
        return (
            draft.paragraph - source.paragraph <= context.paragraphs
            and draft.sentence - source.sentence <= context.sentences
        )

    def _next_own(self, index: int, draft: _Draft) -> _DateSource | None:
        """A lead-in paraphrase takes the date of the same speaker's quote right after it."""
        context = self.rules.context
        for later in self.drafts[index + 1 :]:
            if (
                later.paragraph - draft.paragraph > context.continuation_paragraphs
                or later.sentence - draft.sentence > context.sentences
            ):
                return None
            if later.speaker.name == draft.speaker.name:
                if later.own_date is None:
                    return None
                note, factor = _first_hand(later.own_date, self.rules.confidence)
                reason = f"same speaker's next statement (sentence #{later.sentence})"
                return _DateSource(later.sentence, reason, later.own_date.date, note, factor)
        return None


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def extract_statements(
    article: str, *, published: dt.date, rules: ExtractionRules | None = None
) -> list[Candidate]:
    """Candidate statements in an article, in reading order, each dated and attributed.

    ``published`` is the article's publication date: relative dates ("last week",
    "on Friday") are resolved against it, and it stands in only where nothing else dates a
    statement. Never raises on any text; the same input always gives the same output.
    """
    rules = rules or load_extraction_rules()
    if isinstance(published, dt.datetime):
        published = published.date()
    paragraphs = _analyse(article, rules, published)
    drafts = _Builder(paragraphs, rules).build()
    _Dater(drafts, rules, published).run()
    return _unique_candidates(drafts)


def _unique_candidates(drafts: Iterable[_Draft]) -> list[Candidate]:
    """Drafts as Candidates; the same words from the same speaker are kept once."""
    seen: set[tuple[str, str]] = set()
    candidates: list[Candidate] = []
    for draft in drafts:
        key = (draft.speaker.name, draft.text)
        if key in seen or draft.date is None:
            continue
        seen.add(key)
        candidates.append(_to_candidate(draft, draft.date))
    return candidates


def _to_candidate(draft: _Draft, date: dt.date) -> Candidate:
    speaker = draft.speaker
    return Candidate(
        date=date,
        date_note=_limit(draft.note, MAX_NOTE_CHARS),
        speaker=_limit(speaker.name, MAX_SPEAKER_CHARS),
        title=_limit(speaker.title, MAX_SPEAKER_CHARS),
        role=speaker.role,
        side=_limit(speaker.side, MAX_SIDE_CHARS),
        text=draft.text,
        kind=draft.kind,
        sentence_index=draft.sentence,
        confidence=round(min(1.0, max(0.0, draft.confidence)), 3),
    )


def candidates_to_frame(candidates: Iterable[Candidate], *, source: str = "") -> pd.DataFrame:
    """Candidates as a statements-shaped DataFrame (plus title and confidence).

    ``source`` fills the source column (e.g. the article's URL); ``note`` is the date note.
    """
    rows = [
        {
            "date": candidate.date,
            "speaker": candidate.speaker,
            "role": candidate.role.value,
            "side": candidate.side,
            "text": candidate.text,
            "source": source,
            "kind": candidate.kind.value,
            "note": candidate.date_note,
            "title": candidate.title,
            "confidence": candidate.confidence,
        }
        for candidate in candidates
    ]
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
