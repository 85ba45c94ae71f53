"""The clause reader: which predicates of the rules act on the meeting, in which verb group and scope.

A statement is read sentence by sentence, and each sentence in segments (between commas, colons
and clause words such as "but" or "because"). In a segment the reader finds predicates (the
families' phrases, and the meeting verbs of the `MEET` and `EVENT` classes) and keeps one only
when the meeting is its subject or object, is referred to ("cancelled it"), or is the predicate's
own word ("no summit"). A meeting verb governed by a predicate ("ready to meet", "agreed to
meet") belongs to that predicate; on its own its tense names the family (met: held; will meet:
intent; will meet on June 12: scheduled; could meet: openness). Then the predicate's negation,
hedges, intensifiers, conditions and contrast give its modifier factors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

import lemminflect

from summit_outlook.model.lexicon import (
    MAX_CACHED_WORDS,
    RAW_TOKEN,
    PhraseMatcher,
    Token,
    chunk_tokens,
    parse_phrase,
    requirement,
    tokenize,
)
from summit_outlook.model.rules import Rules

# Punctuation that ends a sentence, and marks that end a segment within one.
_SENTENCE_END: Final = frozenset({".", "!", "?", ";"})
_RELATIVE_PRONOUNS: Final = frozenset({"which", "that", "who"})
# Prepositions whose object belongs to the predicate before them ("no progress on arranging it").
_OWNED_AFTER: Final = frozenset({"on", "about", "over", "toward", "towards", "in"})
# Words whose "to" infinitive is the clause's own verb, a modal in all but name ("unable to attend").
# Words that negate a reported clause's verb, and finite auxiliaries that show a clause begins.
_CLAUSE_NEGATORS: Final = frozenset({"not", "never", "no"})
_FINITE: Final = frozenset(
    {
        "will",
        "would",
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "can",
        "could",
        "should",
        "may",
        "might",
        "shall",
        "must",
    }
)
# Prepositions that open a meeting's own phrase ("a summit on Zimbabwe", "the meeting between them").
_MEETING_PARTS: Final = frozenset({"on", "of", "between", "with"})
# Words that open a subordinate clause, whose verb has its own subject.
_SUBORDINATORS: Final = frozenset(
    {
        "as",
        "if",
        "when",
        "whether",
        "unless",
        "until",
        "because",
        "while",
        "since",
        "once",
        "though",
        "although",
    }
)
# Families whose verb may leave out the meeting it refuses, named before ("but they refused").
_ELLIPTIC_FAMILIES: Final = frozenset({"rejection", "cancellation", "postponement"})
# What ends a conceded clause: "Although no date has been set, the leaders will meet".
_DASHES: Final = frozenset({"\u2014", "\u2013", "--"})
_CLAUSE_ENDS: Final = frozenset({",", ";", *_DASHES})
# Words that open the clause an anticipatory "it" stands for: "it is not clear who will attend".
_CLAUSE_OPENERS: Final = frozenset({"that", "whether", "if", "who", "when", "what", "how", "where", "why"})
# Words after which a clause may leave out its subject, the clause before's.
_SHARED_SUBJECT: Final = frozenset({"but", "yet"})
# Past participles without -ed that follow the noun they describe ("the summit set for May").
_BARE_PARTICIPLES: Final = frozenset({"set", "due"})
# Who a meeting's agenda is said of ("the two leaders will discuss"), and the words of a verb group
# between them and "discuss" ("were expected to", "are set to").
_PRINCIPALS: Final = frozenset({"leaders", "presidents", "men", "premiers", "chancellors", "prime ministers"})
_AGENDA: Final = "discuss (agenda)"  # the pattern of "discuss" read as a meeting (_principals_discuss)
_AGENDA_GROUP: Final = frozenset(
    {"expected", "set", "due", "scheduled", "slated", "likely", "poised", "planning"}
)
# Verbs that say what their object is after "as": "described the meeting as fruitful".
_DESCRIBING_VERBS: Final = frozenset(
    {
        "describe",
        "call",
        "hail",
        "see",
        "view",
        "regard",
        "characterize",
        "characterise",
        "term",
        "label",
        "brand",
        "dismiss",
        "welcome",
        "praise",
        "criticize",
        "criticise",
    }
)
# Words that open a time phrase: "on Monday", "next week", "later this month", "in June".
_TIME_OPENERS: Final = frozenset(
    {"on", "in", "next", "this", "later", "early", "earlier", "late", "as", "soon"}
)
# At most this many words in parentheses are an aside the reader skips.
_ASIDE_WORDS: Final = 3
# Pronouns that make the words in parentheses a clause ("(before they meet)"), read as such.
_PRONOUNS: Final = frozenset({"i", "we", "you", "he", "she", "they", "it"})
# Negators that take a noun phrase: the negation passes its first noun ("no formal meeting").
_DETERMINER_NEGATORS: Final = frozenset(
    {"no", "none of", "neither", "nobody", "nothing", "without", "lack of", "little"}
)
# Verbs of judging: with a lowering word as the complement of their object, they say that word.
_JUDGING: Final = frozenset({"consider"})
# Prepositions whose phrase is a place or time, never what a predicate governs.
_ADJUNCT_PREPOSITIONS: Final = frozenset(
    {"in", "at", "from", "during", "near", "inside", "throughout", "across"}
)
# Words that make a time of a noun after them: "last month", "next week", "this year".
_TIME_MODIFIERS: Final = frozenset(
    {"last", "next", "this", "that", "coming", "past", "early", "late", "same", "following"}
)
# Negators that open the meeting's noun phrase as a predicate's subject: "no meeting is planned",
# "none of the meetings are scheduled", "there was never a meeting confirmed".
_SUBJECT_NEGATORS: Final = frozenset({"no", "none of", "never", "not"})
# Forms of "be" that make "be to" + verb an arrangement ("are to meet"); "was to go" is a plan of
# the past, which news reports when it fell through, and "been to" is a visit.
_BE_FORMS: Final = frozenset({"is", "are", "am", "'re", "'s"})
# Days near a report: "was to meet Tuesday" is that week's arrangement.
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NEAR_DAYS: Final = frozenset({*_WEEKDAYS, "today", "tonight", "tomorrow"})
_ATTRIBUTIONS: Final = frozenset({"said", "says", "told", "announced", "reported", "according"})
_INFINITIVE_VERBS: Final = frozenset(
    {"able", "unable", "have", "has", "had", "ought", "supposed", "got", "going"}
)
# Classes of words that are no noun of a noun phrase, even where the tables know them as one.
_NOT_NOUNS: Final = ("AUXILIARY", "PREPOSITION", "DETERMINER", "SUBJECT", "LINK", "BREAK")
# Small words inside names: "Mar del Plata", "Bandar Seri Begawan", "Port of Spain".
_NAME_PARTICLES: Final = frozenset(
    {"del", "de", "da", "di", "do", "dos", "van", "von", "al", "el", "la", "le", "of"}
)
_SEGMENT_END: Final = frozenset({",", ":", "(", ")", "\u2013", "\u2014"}) | _SENTENCE_END
# Quotation marks inside a sentence quote a phrase; the reader reads through them.
_QUOTES: Final = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "[", "]"})
_DOUBLE_QUOTES: Final = frozenset({'"', "\u201c", "\u201d", "''", "``"})
# A period after these does not end a sentence ("Mr. Putin", "U.S. officials").
_ABBREVIATIONS: Final = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "e.g",
        "i.e",
        "no",
        "vs",
    }
)
# A modifier phrase's words as `_exact` compares them: each word's forms, whether it may be missing.
_ExactWords = tuple[tuple[frozenset[str], bool], ...]
_EVENT: Final = -1  # family index of a meeting verb before its tense names the family


class Reading(NamedTuple):
    """One signal the reader found: a row of the match table before weights."""

    family: int
    pattern: str
    start: int
    end: int
    negator: str
    negation_factor: float
    hedge: str
    hedge_factor: float
    intensifier: str
    intensifier_factor: float
    contrast: str
    contrast_factor: float
    condition: str
    condition_factor: float
    repeat_factor: float
    hard_event: str

    @property
    def modifier_factor(self) -> float:
        return (
            self.negation_factor
            * self.hedge_factor
            * self.intensifier_factor
            * self.contrast_factor
            * self.condition_factor
            * self.repeat_factor
        )


class _Modifier(NamedTuple):
    start: int  # token indexes
    end: int
    phrase: str
    factor: float


_new_tuple: Final = tuple.__new__  # a named tuple made without its Python __new__


@dataclass
class _Predicate:
    family: int  # _EVENT for a meeting verb
    pattern: str
    start: int  # token indexes, end exclusive
    end: int
    span: tuple[int, int] = (0, 0)  # tokens shown as the matched words
    governed: bool = False
    kind: str = ""  # for a meeting verb: its class (MEET, MEET_OBJECT, EVENT)
    # The positive predicate this one took over from ("do not want to cancel it"): its negation is this one's.
    owner: _Predicate | None = None


# A predicate tried at a token: its family, phrase, parsed words and candidate requirement
# (`_candidate_requirement`).
_Candidate = tuple[int, str, tuple, tuple[tuple[str, ...], ...]]


@dataclass
class CompiledReader:
    """Rules turned into phrase tables, once per rules object."""

    rules: Rules
    matcher: PhraseMatcher
    predicates: dict[str, list[tuple[int, str, tuple]]]  # first lemma/form -> (family, phrase, words)
    first_classes: list[tuple[str, list[tuple[int, str, tuple]]]]  # predicates starting with a class
    event_classes: tuple[str, ...]
    past_forms: frozenset[str]
    negators: list[tuple[tuple, str, float]]
    hedges: list[tuple[tuple, str]]
    intensifiers: list[tuple[tuple, str]]
    contrasts: list[tuple[tuple, str]]
    concessive_openers: list[tuple[tuple, str]]
    conditions: list[tuple[tuple, str, float]]
    unmet: list[tuple[tuple, str]]
    not_conditions: list[tuple[tuple, str]]
    report_openers: list[tuple[tuple, str]]
    report_denials: list[tuple[tuple, str]]
    report_deniers: list[tuple[tuple, str]]
    verdicts: list[tuple[tuple, str]]
    transparent: list[tuple]
    skippable: frozenset[str]
    transparent_words: frozenset[str]
    triggers: frozenset[str]  # every form that can start a predicate or a meeting verb
    inside_factors: dict[str, float]  # conditions with a factor of their own inside their clause
    condition_factors: dict[str, float]  # every condition's factor, by phrase
    gathering_words: frozenset[str]  # one-word GATHERING entries: an aside naming one is read
    # Per modifier table (by id): its entries by first word, each as `_find_all` tries it (the
    # words as `_exact` compares them, the phrase, the factor).
    first_words: dict[int, dict[str, list[tuple[_ExactWords, str, float]]]]
    # Per modifier table (by id): its first words as a set, which a statement's forms meet in one
    # pass over the smaller of the two.
    first_word_sets: dict[int, frozenset[str]]
    # Every modifier table's first words together: the tokens `_find_all` looks at.
    modifier_first_words: frozenset[str] = frozenset()
    families_by_id: dict[str, int] = field(default_factory=dict)
    # Per predicate's parsed words (by id): what a segment's tokens must have for it to match there.
    requirements: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # The keys (PhraseMatcher.keys) of the tokens that can start a predicate or a meeting verb.
    first_keys: frozenset[str] = frozenset()
    # By first key: the requirements (lexicon.requirement) of the predicates and meeting verbs
    # starting there; a statement that meets none of them has no predicate, so no signal.
    requirements_by_first: dict[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict)
    # The first keys that are a whole predicate's requirement: a token with one may hold it.
    single_word_keys: frozenset[str] = frozenset()
    breaks: frozenset[str] = frozenset()  # the BREAK class's words, which end a segment
    # Per raw token (as the tokenizer cuts text): its words' keys together, once per distinct one.
    raw_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    # Predicates starting with a class, each with its requirement (as first_classes).
    first_classes_checked: list[tuple[str, tuple[_Candidate, ...]]] = field(default_factory=list)
    # The predicates a word's form and lemmas can start, worked out once per distinct word.
    starting: dict[str, tuple[tuple[int, str, tuple], ...]] = field(default_factory=dict)
    # The same, each once, with its requirement: the candidates tried at such a word.
    candidates: dict[str, tuple[_Candidate, ...]] = field(default_factory=dict)
    # Every key the predicate prefilters test (first keys, single-word keys, each word of each
    # requirement): a token's other keys change no test's outcome, so tokens are keyed with these.
    tested_keys: frozenset[str] = frozenset()
    # A word's keys among tested_keys, once per distinct word.
    tested_of: dict[str, frozenset[str]] = field(default_factory=dict)
    # Per chunk (what str.split() cuts a text into): `may_have_signal` and `text_keys` of it.
    # The third: whether those keys hold a one-word predicate's (single_word_keys), see may_read.
    chunk_signals: dict[str, tuple[bool, frozenset[str], bool]] = field(default_factory=dict)

    def predicates_starting(self, token: Token) -> tuple[tuple[int, str, tuple], ...]:
        """(family, phrase, words) of every predicate whose first word is this token's form or lemma."""
        found = self.starting.get(token.lower)
        if found is None:
            if len(self.starting) >= MAX_CACHED_WORDS:
                self.starting.clear()
            found = self.starting[token.lower] = tuple(
                entry for key in (token.lower, *token.lemmas) for entry in self.predicates.get(key, ())
            )
        return found

    def candidates_at(self, token: Token) -> tuple[_Candidate, ...]:
        """`predicates_starting` with each predicate once (a form is among its own lemmas, so
        the form's entries came twice) and its candidate requirement (`_candidate_requirement`)."""
        found = self.candidates.get(token.lower)
        if found is None:
            if len(self.candidates) >= MAX_CACHED_WORDS:
                self.candidates.clear()
            entries = {id(entry): entry for entry in self.predicates_starting(token)}.values()
            found = self.candidates[token.lower] = tuple(
                (*entry, self.requirements[id(entry[2])]) for entry in entries
            )
        return found

    def tested_keys_of(self, token: Token) -> frozenset[str]:
        """The token's keys (PhraseMatcher.keys) that a predicate prefilter tests (tested_keys):
        most words have none, so a segment's or a text's keys together are a small set."""
        found = self.tested_of.get(token.lower)
        if found is None:
            if len(self.tested_of) >= MAX_CACHED_WORDS:
                self.tested_of.clear()
            found = self.tested_of[token.lower] = self.matcher.keys(token) & self.tested_keys
        return found

    def text_keys(self, text: str) -> frozenset[str]:
        """The tested keys (tested_keys_of) of every token of a text, together, without tokenizing
        it: a text is cut into raw tokens, and each distinct raw token's words are keyed once."""
        raw_keys = self.raw_keys
        raws = RAW_TOKEN.findall(text)
        found = list(map(raw_keys.get, raws))
        if None in found:
            if len(raw_keys) >= MAX_CACHED_WORDS:
                raw_keys.clear()
            for position, raw in enumerate(raws):
                if found[position] is None:
                    found[position] = raw_keys[raw] = frozenset().union(
                        *(self.tested_keys_of(token) for token in tokenize(raw))
                    )
        return frozenset().union(*found)  # type: ignore[arg-type]  # no None is left

    def signal_keys(self, chunks: list[str]) -> frozenset[str] | None:
        """`text_keys` of a text cut into chunks (text.split()), or None when `may_have_signal`
        finds no word that can start a signal, worked out once per distinct chunk: neither's
        regular expression matches white space and lower-casing stops at it, so a text's answers
        are its chunks' together (the regular expressions cost more than the rest of the test)."""
        found: list[frozenset[str]] = []
        may_have = False
        for chunk in chunks:
            entry = self._chunk_signal(chunk)
            may_have = may_have or entry[0]
            if entry[1]:
                found.append(entry[1])  # most chunks have no tested key
        return _together(found) if may_have else None

    def may_read(self, chunks: list[str]) -> bool:
        """Whether a text cut into chunks can have a signal: `signal_keys` is not None and
        `_may_hold_predicate` accepts its keys. A text's keys meet single_word_keys where one of
        its chunks' keys do, so a text with such a chunk (most real statements) is accepted
        without putting its chunks' keys together."""
        found: list[frozenset[str]] = []
        may_have = False
        single = False
        for chunk in chunks:
            entry = self._chunk_signal(chunk)
            may_have = may_have or entry[0]
            single = single or entry[2]
            if entry[1]:
                found.append(entry[1])
        if not may_have:
            return False
        return single or _may_hold_predicate(_together(found), self)

    def _chunk_signal(self, chunk: str) -> tuple[bool, frozenset[str], bool]:
        """A chunk's `may_have_signal`, `text_keys` and whether those meet single_word_keys."""
        cache = self.chunk_signals
        entry = cache.get(chunk)
        if entry is None:
            if len(cache) >= MAX_CACHED_WORDS:
                cache.clear()
            keys = self.text_keys(chunk)
            entry = cache[chunk] = (
                may_have_signal(chunk, self),
                keys,
                not keys.isdisjoint(self.single_word_keys),
            )
        return entry


_COMPILED: Final[dict[int, CompiledReader]] = {}


def _together(sets: list[frozenset[str]]) -> frozenset[str]:
    """The sets' union, for sets most of which are empty (a word's tested keys): none or one of
    them needs no new set."""
    kept = [keys for keys in sets if keys]
    if not kept:
        return frozenset()
    if len(kept) == 1:
        return kept[0]
    return kept[0].union(*kept[1:])


def compile_reader(rules: Rules) -> CompiledReader:
    """The reader's tables for these rules (built once per rules object)."""
    cached = _COMPILED.get(id(rules))
    if cached is None or cached.rules is not rules:
        if len(_COMPILED) > 32:
            _COMPILED.clear()
        cached = _COMPILED[id(rules)] = _compile(rules)
    return cached


def _single_words(rules: Rules, name: str) -> frozenset[str]:
    return frozenset(entry.lstrip("=") for entry in rules.lexicon.get(name, []) if " " not in entry)


def _compile(rules: Rules) -> CompiledReader:
    skippable = _single_words(rules, "ADVERB")
    matcher = PhraseMatcher(
        rules.lexicon,
        skippable=skippable,
        modifiers=_single_words(rules, "DETERMINER"),
        gap=rules.reader.adverb_gap,
    )
    predicates: dict[str, list[tuple[int, str, tuple]]] = {}
    by_class: dict[str, list[tuple[int, str, tuple]]] = {}
    for index, family in enumerate(rules.families):
        for phrase in family.predicates:
            words = parse_phrase(phrase, rules.lexicon)
            for kind, value in words[0].alternatives:
                table = by_class if kind == "class" else predicates
                table.setdefault(value, []).append((index, phrase, words))
    past: set[str] = set()
    event_lemmas = [
        entry.split()[0].lstrip("=")
        for name in ("MEET", "MEET_OBJECT", "EVENT")
        for entry in rules.lexicon[name]
    ]
    for lemma in (*event_lemmas, "discuss"):  # "discuss" too, read as a meeting (_principals_discuss)
        present = set(lemminflect.getInflection(lemma, tag="VB") or ()) | {lemma}
        for tag in ("VBD", "VBN"):
            past.update(set(lemminflect.getInflection(lemma, tag=tag) or ()) - present)
    modifiers = rules.modifiers

    def phrases(entries: Sequence[str]) -> list[tuple]:
        return [parse_phrase(entry) for entry in entries]

    tables: dict[str, Any] = {  # the modifier tables, by CompiledReader field
        "negators": [(parse_phrase(n.phrase), n.phrase, n.factor) for n in modifiers.negators],
        "hedges": list(zip(phrases(modifiers.hedges), modifiers.hedges, strict=True)),
        "intensifiers": list(zip(phrases(modifiers.intensifiers), modifiers.intensifiers, strict=True)),
        "contrasts": list(zip(phrases(modifiers.contrasts), modifiers.contrasts, strict=True)),
        "concessive_openers": list(
            zip(phrases(modifiers.concessive_openers), modifiers.concessive_openers, strict=True)
        ),
        "conditions": [(parse_phrase(c.phrase), c.phrase, c.factor) for c in modifiers.conditions],
        "unmet": list(zip(phrases(modifiers.unmet), modifiers.unmet, strict=True)),
        "not_conditions": list(zip(phrases(modifiers.not_conditions), modifiers.not_conditions, strict=True)),
        "report_openers": list(zip(phrases(modifiers.report_openers), modifiers.report_openers, strict=True)),
        "report_denials": list(zip(phrases(modifiers.report_denials), modifiers.report_denials, strict=True)),
        "report_deniers": list(zip(phrases(modifiers.report_deniers), modifiers.report_deniers, strict=True)),
        "verdicts": list(zip(phrases(modifiers.verdicts), modifiers.verdicts, strict=True)),
    }
    triggers = _trigger_forms(rules)
    requirements_by_first = _requirements_by_first(predicates, by_class, rules)
    requirements = {
        id(words): _candidate_requirement(words)
        for table in (predicates, by_class)
        for entries in table.values()
        for _, _, words in entries
    }
    first_keys = frozenset(
        {*predicates, *(f"{{{name}}}" for name in (*by_class, "MEET", "MEET_OBJECT", "EVENT"))}
    )
    single_word_keys = frozenset(
        first
        for first, requirements_there in requirements_by_first.items()
        if any(len(needed_words) == 1 and first in needed_words[0] for needed_words in requirements_there)
    )
    first_classes_checked = [
        (name, tuple((*entry, _candidate_requirement(entry[2])) for entry in entries))
        for name, entries in sorted(by_class.items())
    ]
    every_requirement = [
        *requirements.values(),
        *(needed_words for table in requirements_by_first.values() for needed_words in table),
        *(entry[3] for _, entries in first_classes_checked for entry in entries),
    ]
    tested_keys = first_keys.union(
        single_word_keys, *(needed for needed_words in every_requirement for needed in needed_words)
    )
    return CompiledReader(
        **tables,
        triggers=triggers,
        inside_factors={c.phrase: c.inside for c in modifiers.conditions if c.inside is not None},
        condition_factors={c.phrase: c.factor for c in modifiers.conditions},
        gathering_words=_single_words(rules, "GATHERING"),
        transparent_words=frozenset(" ".join(phrase.split()) for phrase in modifiers.transparent),
        first_words={id(table): _by_first_word(table) for table in tables.values()},
        first_word_sets={id(table): frozenset(_by_first_word(table)) for table in tables.values()},
        modifier_first_words=frozenset().union(*(_by_first_word(table) for table in tables.values())),
        rules=rules,
        matcher=matcher,
        predicates=predicates,
        first_classes=sorted(by_class.items()),
        event_classes=("MEET", "MEET_OBJECT", "EVENT"),
        past_forms=frozenset(past),
        transparent=phrases(modifiers.transparent),
        skippable=skippable,
        families_by_id={family.id: index for index, family in enumerate(rules.families)},
        requirements=requirements,
        first_keys=first_keys,
        requirements_by_first=requirements_by_first,
        single_word_keys=single_word_keys,
        first_classes_checked=first_classes_checked,
        tested_keys=tested_keys,
        breaks=_single_words(rules, "BREAK"),
    )


def _requirements_by_first(
    predicates: dict[str, list[tuple[int, str, tuple]]],
    by_class: dict[str, list[tuple[int, str, tuple]]],
    rules: Rules,
) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    """Every predicate's requirement under the key of its first word: a plain first word's lemma
    or form (the predicate tables' keys), a class as "{CLASS}"; a meeting verb's class stands for
    each of its entries (a token starts the class only where one of them can start)."""
    table: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for key, entries in predicates.items():
        table.setdefault(key, []).extend(requirement(words) for _, _, words in entries)
    for name, entries in by_class.items():
        table.setdefault(f"{{{name}}}", []).extend(requirement(words) for _, _, words in entries)
    for name in ("MEET", "MEET_OBJECT", "EVENT"):
        table.setdefault(f"{{{name}}}", []).extend(
            requirement(parse_phrase(entry, rules.lexicon)) for entry in rules.lexicon[name]
        )
    return {key: tuple(requirements) for key, requirements in table.items()}


def _candidate_requirement(words: tuple) -> tuple[tuple[str, ...], ...]:
    """A predicate's requirement (lexicon.requirement) as a candidate at a token checks it: without
    a plain first word (the token was found by it) and with plain words before classes (a plain
    word is the likelier to be missing, so the check ends sooner). Each word's keys as a tuple:
    compiled, a test of each key is a direct set look-up, where `isdisjoint` is a method call."""
    needed = requirement(words[1:] if not words[0].has_class else words)
    ordered = sorted(needed, key=lambda keys: any(key.startswith("{") for key in keys))
    return tuple(tuple(sorted(keys)) for keys in ordered)


def _forms(kind: str, value: str, rules: Rules, seen: set[str]) -> set[str]:
    """Every lower-case form a phrase's first word can take (classes expanded)."""
    if kind == "form":
        return {value}
    if kind == "lemma":
        forms = {value}
        for inflected in lemminflect.getAllInflections(value).values():
            forms.update(inflected)
        return forms
    if value in seen:
        return set()
    seen.add(value)
    forms = set()
    for entry in rules.lexicon[value]:
        for first_kind, first_value in parse_phrase(entry)[0].alternatives:
            forms |= _forms(first_kind, first_value, rules, seen)
    return forms


def _trigger_forms(rules: Rules) -> frozenset[str]:
    """Forms without which a statement has no signal: a statement with none of them is skipped."""
    forms: set[str] = set()
    for family in rules.families:
        for phrase in family.predicates:
            for kind, value in parse_phrase(phrase)[0].alternatives:
                forms |= _forms(kind, value, rules, set())
    for name in ("MEET", "MEET_OBJECT", "EVENT"):
        forms |= _forms("class", name, rules, set())
    return frozenset(form.lower() for form in forms)


_WORDS: Final = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")


def may_have_signal(text: str, compiled: CompiledReader) -> bool:
    """Whether any word of the text can start a signal (contractions split as the tokenizer does)."""
    lowered = text.lower()
    triggers = compiled.triggers
    for word in _WORDS.findall(lowered):
        if word in triggers or word.split("'")[0].split("\u2019")[0] in triggers:
            return True
        if "-" in word and any(part in triggers for part in word.split("-")):
            return True
    return False


def _may_hold_predicate(keys: frozenset[str], compiled: CompiledReader) -> bool:
    """Whether tokens with these keys (PhraseMatcher.keys, together) can hold a predicate or a
    meeting verb: every required word of one of them is some token's."""
    if not keys.isdisjoint(compiled.single_word_keys):
        return True
    table = compiled.requirements_by_first
    for first in keys & compiled.first_keys:
        for needed_words in table[first]:
            for needed in needed_words:
                if needed.isdisjoint(keys):
                    break
            else:
                return True
    return False


@dataclass
class _Sentence:
    """Token indexes of one sentence and its segments."""

    start: int
    end: int
    segment_of: dict[int, tuple[int, int]]


class _Statement:
    """One statement being read: its tokens, sentences and the reader's tables."""

    def __init__(self, text: str, compiled: CompiledReader, chunks: list[str] | None = None):
        self.text = text
        self.compiled = compiled
        self.rules = compiled.rules
        # Shared tokens, placed in the text by their chunk's offset (lexicon.chunk_tokens); a
        # statement with an aside or a quotation mark, which take tokens out, has tokens of its own.
        self.tokens, self._offsets = chunk_tokens(text, chunks)
        if any(token.text == "(" or token.text in _DOUBLE_QUOTES for token in self.tokens):
            # The shared tokens that stay, with their chunks' offsets: no token is made again.
            tokens, offsets = _without_asides(self.tokens, self._offsets, compiled.gathering_words)
            self.tokens, self._offsets = _without_quote_marks(tokens, offsets)
        matcher = self._matcher = compiled.matcher
        # Comprehensions, not map() over bound methods: compiled, each is a direct call.
        self._starts = [matcher.starts(token) for token in self.tokens]
        self._keys = [compiled.tested_keys_of(token) for token in self.tokens]  # all predicates_in tests
        self._lowers = [token.lower for token in self.tokens]
        self.sentences = self._sentences()
        self._class_cache: dict[tuple[int, str], int] = {}
        self._occurrence_cache: dict[int, tuple[list[_Modifier], list[int]]] = {}
        self._modifier_starts: list[tuple[int, str]] | None = None  # see _find_all
        self._segment_predicates: list[_Predicate] = []
        self._contrast_starts: list[int] | None = None
        self._has_meeting = True  # whether the statement names a meeting anywhere (read() sets it)
        # A sentence's readiness "when" (by the sentence's first token), found once per sentence.
        self._when_by_sentence: dict[int, _Modifier | None] = {}
        self._events_of: list[_Predicate] | None = None
        self._events_by_start: dict[int, _Predicate] = {}

    # --- structure -----------------------------------------------------------------------------

    def _sentences(self) -> list[_Sentence]:
        tokens = self.tokens
        breaks = self.compiled.breaks
        sentences = []
        start = 0
        for index, token in enumerate(tokens):
            last = index == len(tokens) - 1
            if token.lower in _SENTENCE_END and not self._abbreviation(index) or last:
                sentences.append(self._segmented(start, index + 1, breaks))
                start = index + 1
        return sentences

    def _abbreviation(self, index: int) -> bool:
        if self.tokens[index].lower != "." or index == 0:
            return False
        before = self.tokens[index - 1].lower
        after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return before in _ABBREVIATIONS or (after is not None and after.text[:1].islower())

    def _segmented(self, start: int, end: int, breaks: frozenset[str]) -> _Sentence:
        segment_of: dict[int, tuple[int, int]] = {}
        segment_start = start
        for index in range(start, end + 1):
            at_end = index == end
            lower = self.tokens[index].lower if not at_end else ""
            stop = not at_end and lower in _SEGMENT_END and not self._abbreviation(index)
            cut = at_end or stop or (lower in breaks and index > segment_start)
            if cut:
                for member in range(segment_start, index):
                    segment_of[member] = (segment_start, index)
                segment_start = index + 1 if (at_end or stop) else index
        return _Sentence(start, end, segment_of)

    def is_class(self, index: int, name: str) -> int:
        """The end of an entry of class `name` starting at token `index`, or -1."""
        if name not in self._starts[index]:
            return -1
        if self._matcher.is_plain(name):
            return index + 1
        key = (index, name)
        found = self._class_cache.get(key)
        if found is None:
            found = self._class_cache[key] = self.compiled.matcher.in_class(self.tokens, index, name)
        return found

    def is_adverb(self, index: int) -> bool:
        token = self.tokens[index]
        return token.lower in self.compiled.skippable or (
            token.lower.endswith("ly") and len(token.lower) > 4 and not token.noun
        )

    # --- predicates ----------------------------------------------------------------------------

    def predicates_in(self, start: int, end: int) -> list[_Predicate]:
        """Leftmost-longest predicates of the segment [start, end): families' phrases and meeting verbs."""
        found: list[_Predicate] = []
        index = start
        compiled = self.compiled
        matcher = compiled.matcher
        first_keys = compiled.first_keys
        token_keys = self._keys
        # A phrase one of whose words no token of the segment can be matches nowhere in it: most
        # candidates are ruled out by one set test instead of a phrase search. The segment's keys
        # are put together at its first token that can start a predicate: a segment without one
        # (the tokens' own tests below pass over all of it) needs no union of sets.
        keys: frozenset[str] | None = None
        while index < end:
            here = token_keys[index]
            if not here or here.isdisjoint(first_keys):
                index += 1  # no predicate or meeting verb starts here (most tokens have no key)
                continue
            if keys is None:
                keys = _together(token_keys[start:end])
            segment_keys = keys
            best: _Predicate | None = None
            candidates = compiled.candidates_at(self.tokens[index])
            starts = self._starts[index]
            for name, entries in compiled.first_classes_checked:
                if name in starts and self.is_class(index, name) >= 0:
                    candidates = candidates + entries
            for family, phrase, words, needed_words in candidates:
                for needed in needed_words:  # inline: this loop is the reader's hottest
                    for key in needed:
                        if key in segment_keys:
                            break
                    else:
                        break  # no token of the segment can be this word
                else:
                    stop = matcher.match(self.tokens, index, words, limit=end)
                    if stop > index and (best is None or stop > best.end):
                        best = _Predicate(family, phrase, index, stop, span=(index, stop))
            for name in self.compiled.event_classes:
                stop = self.is_class(index, name) if name in starts else -1
                if index < stop < end and self._infinitive_after(stop):
                    continue  # "going to have to change": a verb group, no travel
                if stop > index and self._in_no_named_place(index, stop, end):
                    continue  # "be in the interests of", "be in touch": no place named
                if stop > index and (best is None or stop > best.end) and self._verb_reading(index):
                    best = _Predicate(_EVENT, name, index, stop, span=(index, stop), kind=name)
            if best is None:
                index += 1
                continue
            if best.family != _EVENT and self._principals_discuss(best, start):
                best = _Predicate(_EVENT, _AGENDA, index, index + 1, span=(index, index + 1), kind="MEET")
            found.append(best)
            index = best.end
        return found

    def _principals_discuss(self, predicate: _Predicate, start: int) -> bool:
        """Whether two principals are the subject of "discuss": "Karimov and President Berdymukhamedov
        would discuss cooperation", "the two leaders will discuss trade" is their meeting's agenda,
        so it is their meeting (a verb of meeting, by its tense), not preparation of one."""
        if predicate.end != predicate.start + 1 or "discuss" not in self.tokens[predicate.start].lemmas:
            return False
        index = predicate.start - 1
        while index >= start and (
            self._in_verb_group(index) or self.is_adverb(index) or self.tokens[index].lower in _AGENDA_GROUP
        ):
            index -= 1  # "were expected to", "will also"
        if index < start:
            return False
        tokens = self.tokens
        head = tokens[index].lower
        if head == "ministers" and index > start and tokens[index - 1].lower == "prime":
            head, index = "prime ministers", index - 1
        if head in _PRINCIPALS and index > start and tokens[index - 1].lower in ("two", "both", "the"):
            return True  # "the two leaders", "both presidents", "the leaders"
        names = index
        while names >= start and tokens[names].capital and tokens[names].lower not in _PRONOUNS:
            names -= 1
        if names == index or names <= start or tokens[names].lower != "and":
            return False
        return tokens[names - 1].capital and tokens[names - 1].lower not in _PRONOUNS

    def _in_no_named_place(self, start: int, stop: int, end: int) -> bool:
        """Whether a meeting verb "be in" is followed by no name of a place: "will be in Beijing" is
        the trip, "may not be in the interests of", "will be in touch" are not."""
        if stop - start != 2 or self.tokens[stop - 1].lower != "in" or self.tokens[start].lower != "be":
            return False
        return stop >= end or not self.tokens[stop].capital

    def _infinitive_after(self, stop: int) -> bool:
        """Whether a match ending in "to" is followed by a verb that can be nothing else, and no
        meeting verb ("coming to see Putin" is one); after "going", by any verb."""
        after = self.tokens[stop]
        if self.tokens[stop - 1].lower != "to" or not after.verb:
            return False
        if stop >= 2 and self.tokens[stop - 2].lower == "going":
            return True  # "going to meet": the future, whatever verb follows
        return not after.noun and all(self.is_class(stop, name) < 0 for name in self.compiled.event_classes)

    def _verb_reading(self, index: int) -> bool:
        """Whether a word that can be a noun ("meeting", "visit", "talks") is a verb here."""
        token = self.tokens[index]
        if token.adjectival and index > 0 and self.is_class(index - 1, "PREPOSITION") >= 0:
            return False  # "at last minute", "in the last": an adjective after a preposition
        if not token.noun:
            return True
        if index == 0:
            return not token.noun
        before = self.tokens[index - 1]
        if self._finite_determiner(index - 1):
            return True  # "He proposed holding a summit": a verb, not "the proposed summit"
        if self.is_class(index - 1, "PREPOSITION") >= 0 and token.lower.endswith("ing"):
            following = index + 1
            if following < len(self.tokens) and (
                self.is_class(following, "PERSON") >= 0 or self.tokens[following].capital
            ):
                return True  # a gerund with its object: "no intention of meeting him"
        if self.is_class(index - 1, "DETERMINER") >= 0 or before.lower in (
            "'s",
            "of",
            "for",
            "a",
            "an",
            "the",
        ):
            return False
        if (
            self.is_class(index - 1, "AUXILIARY") >= 0
            or before.lower in ("to", "not")
            or self.is_class(index - 1, "SUBJECT") >= 0
        ):
            return True
        if self.is_adverb(index - 1):
            return True
        adjunct = self._time_adjunct_start(index - 1, (0, index))
        if adjunct > 0 and self._in_verb_group(adjunct - 1):
            return True  # after a time inside the verb group: "will next week visit Moscow"
        if (
            before.capital
            and not before.verb
            and token.lower.endswith("s")
            and not token.lower.endswith("ss")
            and not (  # "the US visits were postponed": a noun before its verb
                self._is_meeting_word(index)
                and index + 1 < len(self.tokens)
                and self.is_class(index + 1, "AUXILIARY") >= 0
            )
        ):
            return True  # a name and a verb in -s, a headline's present: "Modi heads to Kazan"
        return not (before.noun and not before.verb) and token.lower not in (
            "meeting",
            "meetings",
            "talks",
            "visit",
            "visits",
            "summit",
        )

    def _finite_determiner(self, index: int) -> bool:
        """A verb among the determiners ("proposed", "planned") used as its subject's verb: "Seoul
        proposed holding a summit", not "the proposed summit"."""
        if index < 1 or not self.tokens[index].verb or self.is_class(index, "DETERMINER") < 0:
            return False
        subject = self.tokens[index - 1]
        return self.is_class(index - 1, "DETERMINER") < 0 and (
            self.is_class(index - 1, "SUBJECT") >= 0 or subject.capital or subject.noun
        )

    # --- arguments -----------------------------------------------------------------------------

    def _is_meeting_word(self, index: int) -> bool:
        if self.is_class(index, "MEETING") < 0:
            return False
        # Unless it is a word of a compound that is no meeting: "press conference", "conference call"
        # (two look-ups, not a generator: this is called for every word a predicate looks at).
        if index > 0 and self.is_class(index - 1, "NOT_MEETING") > index:
            return False
        if (
            index > 0
            and self.is_class(index, "REQUEST") >= 0
            and self._thing_before(index - 1)
            and not (index + 1 < len(self.tokens) and self.is_class(index + 1, "DETERMINER") >= 0)
        ):
            # An offer or proposal of a thing: "a revised pay offer", "budget proposals" (not the
            # verb: "the new government offer the opportunity").
            return False
        return self.is_class(index, "NOT_MEETING") < 0

    def _thing_before(self, index: int) -> bool:
        """A common noun that modifies the noun after it ("pay" in "pay offer"): not a name, a
        person, a place, a meeting word or an adjective."""
        token = self.tokens[index]
        return (
            token.noun
            and not token.adjective
            and not token.adjectival
            and not token.capital
            and token.lower.isalpha()
            and self.is_class(index, "MEETING") < 0
            and self.is_class(index, "PERSON") < 0
            and self.is_class(index, "PLACE") < 0
            and self.is_class(index, "DETERMINER") < 0
        )

    def _noun_run(self, index: int, limit: int) -> int:
        """The end of the run of nouns starting at `index` (a compound: "summit flight")."""
        end = index
        while end < limit and self._nounish(end):
            end += 1
            # A number inside a compound: "the July 16 summit", "the G 20 meeting".
            if end + 1 < limit and self._numeral(end) and self._nounish(end + 1):
                end += 1
            # An abbreviation's stop inside it: "the Nov. 10 summit", "a U.S. team".
            if (
                end + 1 < limit
                and self.tokens[end].lower == "."
                and self.tokens[end - 1].lower in _ABBREVIATIONS
                and (self._numeral(end + 1) or self._nounish(end + 1))
            ):
                end += 1
                if end + 1 < limit and self._numeral(end) and self._nounish(end + 1):
                    end += 1
        return end

    def _numeral(self, index: int) -> bool:
        """A number, a range or an ordinal: "2004", "3-4", "25-6", "10th"."""
        return self.tokens[index].lower[:1].isdigit()

    def _nounish(self, index: int) -> bool:
        token = self.tokens[index]
        if not (token.noun or token.capital) or not token.lower[:1].isalnum():
            return False
        starts = self._starts[index]
        return starts.isdisjoint(_NOT_NOUNS) or not any(
            self.is_class(index, name) >= 0 for name in _NOT_NOUNS if name in starts
        )

    def argument_after(
        self, predicate: _Predicate, segment: tuple[int, int], predicates: list[_Predicate]
    ) -> tuple[str, int]:
        """("meeting", end token) when the meeting follows as object or complement; ("other", _) when
        something else does ("cancelled his rally"); ("", _) when nothing does."""
        window = self.rules.reader.argument_window
        limit = min(segment[1], predicate.end + window)
        index = predicate.end
        hopped = False
        if (
            index < limit
            and self.tokens[index - 1].lower == "to"
            and self.tokens[index].verb
            and self._event_at(index, predicates) is None
        ):
            if self.is_class(index, "SPEECH") >= 0:
                return "other", index + 1  # "declined to comment on the summit" refuses no meeting
            index += (
                1  # the verb of an infinitive the predicate ends with: "agreed to work (together) to ..."
            )
        lowers = predicate.family != _EVENT and self.rules.families[predicate.family].direction < 0
        while index < limit:
            token = self.tokens[index]
            if lowers and self.is_class(index, "CIRCUMSTANCE") >= 0:
                # What is called off is named before a time or a cause: "Rail strike called off
                # after talks", "the rally was cancelled after the summit was announced".
                return "other", self._adjunct_end(index, limit)
            event = self._event_at(index, predicates)
            if event is not None:
                if event.pattern == _AGENDA or self._meet_object_fits(event, segment):
                    event.governed = True
                    return "meeting", event.end
                if event.kind != "MEET_OBJECT":
                    return "other", event.end
                index = event.end  # "see that happen": what is seen may still be the meeting
                continue
            if self.is_class(index, "MEETING_REF") >= 0 and self._clause_subject(index):
                index += 1  # "confirmed that it received the letter": what the clause says decides
                continue
            if self.is_class(index, "MEETING_REF") >= 0 and self._refers(index):
                return "meeting", index + 1
            if self.is_adverb(index) or (token.lower == "what" and index == predicate.end):
                index += 1  # "what" right after it: a free relative, "cancelled what would have been"
                continue
            if (
                self._nounish(index)
                and self._is_time(self._noun_run(index, limit) - 1)
                and not self._is_meeting_word(index)  # "no point in meeting now"
            ):
                run_end = self._noun_run(index, limit)
                head = run_end
                while head > index + 1 and self._is_time(head - 1):
                    head -= 1
                if head < run_end and self._meeting_compound(index, head):
                    return "meeting", head  # a time after the meeting: "Putin's Tehran visit today"
                index = run_end
                continue
            if self._nounish(index):
                run_end = self._noun_run(index, limit)
                if self._meeting_compound(index, run_end):
                    if self._asks_for_other(run_end - 1, segment):
                        return "other", run_end
                    return "meeting", run_end
                if run_end < limit and self.tokens[run_end].lower in ("'s", "'", "\u2019"):
                    index = run_end + 1  # a possessor: "the leaders' summit", "next week's meeting"
                    continue
                if self._person_run(index, run_end):
                    if run_end < limit and self._complement_follows(run_end):
                        index = run_end  # the complement's subject: "expect both leaders to attend"
                        limit = min(segment[1], index + window)  # a new clause: a new window
                        continue
                    if (
                        not hopped
                        and predicate.family != _EVENT
                        and self.rules.families[predicate.family].person_object
                        and self.tokens[predicate.end - 1].lower != "of"  # "in the interest of Malawians"
                    ):
                        return "meeting", run_end
                before = index - 1
                while before > segment[0] and (
                    self.is_class(before, "DETERMINER") >= 0 or self.tokens[before].adjectival
                ):
                    before -= 1  # "for top French officials to go"
                if (
                    self.tokens[before].lower == "for"
                    and run_end < limit
                    and self.tokens[run_end].lower == "to"
                ):
                    index = run_end  # "no plans for a U.S. team to meet"
                    limit = min(segment[1], index + window)  # a new clause: a new window
                    continue
                if self.is_class(run_end - 1, "STANDIN") >= 0 and run_end < limit:
                    index = run_end  # "the opportunity to meet", "the idea of a summit"
                    limit = min(segment[1], index + window)
                    continue
                if self._adjunct_opens(index):
                    index = run_end  # "will start Thursday in Ashgabat": a place, not an object
                    continue
                asked = self._question_about_meeting(run_end - 1, segment)
                if asked > 0:
                    return "meeting", asked  # "answered in the negative to the question whether ..."
                if (
                    not hopped
                    and run_end < limit
                    and (
                        self.tokens[run_end].lower in ("of", "for", "on", "about", "regarding", "over")
                        or (  # "invited democracy icon Aung San Suu Kyi to a meeting"
                            self.tokens[run_end].lower == "to" and self._meeting_follows(run_end + 1, limit)
                        )
                    )
                ):
                    hopped = True
                    index = run_end + 1
                    continue
                return "other", run_end
            if (
                token.lower == "to"
                and index + 1 < limit
                and self.tokens[index + 1].verb
                and self._event_at(index + 1, predicates) is None
                and not self._is_meeting_word(index + 1)
            ):
                if self.is_class(index + 1, "SPEECH") >= 0:
                    return "other", index + 2  # "declined to comment on the summit"
                if index > predicate.end and self._gives_way_to(predicate, index + 1, predicates):
                    return "other", index + 1  # "agreed with Yeltsin to postpone it": postponing it
                index += 2  # an infinitive on the way: "agreed to work together to realize the meeting"
                limit = min(segment[1], index + window)  # a new clause: a new window
                continue
            if self._skippable_before_argument(index):
                index += 1
                continue
            return "", index
        return "", index

    def _adjunct_end(self, start: int, limit: int) -> int:
        """The end of the noun phrase a time or cause word at `start` opens ("after the summits",
        "because of the talks"), which the predicate before it owns; `start` itself when a clause
        follows ("after the summit was announced" says something of its own)."""
        at = start + 1
        if at < limit and self.tokens[at].lower in ("of", "to"):
            at += 1  # "because of", "due to", "ahead of"
        while at < limit and (
            self.is_class(at, "DETERMINER") >= 0 or self.tokens[at].adjective or self._numeral(at)
        ):
            at += 1
        if at >= limit or not self._nounish(at):
            return start
        end = self._noun_run(at, limit)
        if end < limit and (self.tokens[end].verb or self.is_class(end, "AUXILIARY") >= 0):
            return start
        return end

    def _adjunct_opens(self, start: int) -> bool:
        """Whether a preposition of place or time comes right before the phrase starting at token
        `start` (its determiners skipped): "in Ashgabat", "at the airport", "during the night"."""
        before = start - 1
        while before >= 0 and (self.is_class(before, "DETERMINER") >= 0 or self.tokens[before].adjective):
            before -= 1
        return before >= 0 and self.tokens[before].lower in _ADJUNCT_PREPOSITIONS

    def _meeting_follows(self, index: int, limit: int) -> bool:
        """A meeting word at `index`, or after one determiner: "to a meeting", "to talks"."""
        if index < limit and self.is_class(index, "DETERMINER") >= 0:
            index += 1
        return index < limit and self._is_meeting_word(index)

    def _clause_opens(self, index: int) -> bool:
        """Whether a clause with a subject of its own starts at `index` (after "and"): a pronoun, or
        a determiner with a noun and then a verb group ("and the invitation has been sent")."""
        if index >= len(self.tokens):
            return False
        if self.is_class(index, "SUBJECT") >= 0:
            return True
        if self.is_class(index, "DETERMINER") < 0:
            return False
        noun = index + 1
        while noun < len(self.tokens) and (
            self.is_class(noun, "DETERMINER") >= 0 or self.tokens[noun].adjective
        ):
            noun += 1
        if noun >= len(self.tokens) or not self._nounish(noun):
            return False
        after = self._noun_run(noun, len(self.tokens))
        return after < len(self.tokens) and self.is_class(after, "AUXILIARY") >= 0

    def _gives_way_to(self, predicate: _Predicate, verb: int, predicates: list[_Predicate]) -> bool:
        """Whether a yes (agreeing, deciding) gives way to the lowering predicate of the infinitive
        it takes: "agreed with Yeltsin to postpone their meeting" postpones it ("refused to arrange
        a meeting" keeps its refusal, "agreed to arrange it" its agreement)."""
        if predicate.family == _EVENT or self.rules.families[predicate.family].direction < 0:
            return False
        families = self.rules.families
        return any(
            other.start == verb
            and other.family != _EVENT
            and families[other.family].direction < 0
            and families[other.family].relevance == "argument"  # its own object: the meeting
            for other in predicates
        )

    def _asks_for_other(self, head: int, segment: tuple[int, int]) -> bool:
        """Whether a request or proposal asks for something that is no meeting: "a request for
        comment", "the proposal for a ceasefire", "the offer to resume trade" ("a request for
        talks", "the invitation for Monday" are the meeting; an invitation to do anything is one
        to come: "the invitation to accompany him")."""
        if self.is_class(head, "REQUEST") < 0 or head + 2 >= segment[1]:
            return False
        tokens = self.tokens
        after = head + 1
        if tokens[after].lower == "of" and tokens[head].lower in ("offer", "offers"):
            after_of = after + 1
            while after_of < segment[1] and self.is_class(after_of, "DETERMINER") >= 0:
                after_of += 1
            if after_of < segment[1] and self._nounish(after_of):
                end = self._noun_run(after_of, segment[1])
                return not any(self._is_meeting_word(at) for at in range(after_of, end))  # "the offer of aid"
        if tokens[after].lower == "for":
            start = after + 1
            while start < segment[1] and self.is_class(start, "DETERMINER") >= 0:
                start += 1
            if start >= segment[1] or not self._nounish(start):
                return False
            end = self._noun_run(start, segment[1])
            if self._is_time(end - 1) or self.is_class(start, "DATE") >= 0:
                return False  # "accepted the invitation for Monday": the meeting's day
            if self._person_run(start, end) and end + 1 < segment[1] and tokens[end].lower == "to":
                return not self._meeting_verb(end + 1)  # "a plea for Blair to hold talks"
            return not any(self._is_meeting_word(at) for at in range(start, end))
        if tokens[after].lower == "to" and tokens[after + 1].verb and tokens[head].lower != "invitation":
            return not self._meeting_verb(after + 1)
        return False

    def _meeting_verb(self, index: int) -> bool:
        """Whether token `index` is a meeting word or starts a meeting verb ("hold talks", "visit")."""
        return self._is_meeting_word(index) or any(
            self.is_class(index, name) >= 0 for name in ("MEET", "MEET_OBJECT")
        )

    def _question_about_meeting(self, head: int, segment: tuple[int, int]) -> int:
        """Where the "whether" clause after a STANDIN noun ends, when it names the meeting ("the
        question whether there is a chance that Putin will attend the talks"), else -1."""
        start = head + 1
        if start != segment[1] or start >= len(self.tokens) or self.tokens[start].lower != "whether":
            return -1
        if self.is_class(head, "STANDIN") < 0:
            return -1
        stop = min(len(self.tokens), start + 2 * self.rules.reader.argument_window)
        for index in range(start + 1, stop):
            if self.tokens[index].lower in _SEGMENT_END:
                return -1
            if self._is_meeting_word(index) or self.is_class(index, "MEET") >= 0:
                return index + 1
        return -1

    def _complement_follows(self, index: int) -> bool:
        """Whether a clause of which the person just named is the subject starts at token `index`:
        "expect both leaders to attend", "hope Kim will come"; not "welcome Hu to Washington"."""
        lower = self.tokens[index].lower
        if lower == "to":
            return (
                index + 1 < len(self.tokens)
                and self.tokens[index + 1].verb
                and not self.tokens[index + 1].capital
            )
        return lower in ("will", "would", "and")

    def _verb_follows(self, index: int) -> bool:
        """Whether a verb that is no noun comes next, past adverbs (a coordinated clause's)."""
        while index < len(self.tokens) and self.is_adverb(index):
            index += 1
        if index >= len(self.tokens):
            return False
        token = self.tokens[index]
        return token.verb and not token.noun and self.is_class(index, "AUXILIARY") < 0

    def _refers(self, index: int) -> bool:
        """Whether "it", "this", "that" stands for something named before ("cancelled it", "that
        will happen"), not a determiner ("that meeting") or a complementizer ("that they can"),
        nor the "it" of a clause that comes after ("it was agreed that ...")."""
        if self.tokens[index].lower == "it":
            return not self._anticipates_clause(index)
        if self.tokens[index].lower not in ("that", "this"):
            return True
        following = index + 1
        if following >= len(self.tokens) or self.tokens[following].lower in _SEGMENT_END:
            return True
        if self._is_time(following):
            # "on that tomorrow" refers; "at this time", "by that time" tell a time.
            return index == 0 or self.tokens[index - 1].lower not in ("at", "by", "since", "until", "till")
        if self.is_class(following, "SUBJECT") >= 0 or self._nounish(following):
            return False
        if (
            self.tokens[following].lower.endswith("ing")
            and following + 1 < len(self.tokens)
            and self.tokens[following + 1].verb
        ):
            return False  # a gerund subject: "suggests that walking lowers the risk"
        return self.is_class(following, "AUXILIARY") >= 0 or self.tokens[following].verb  # "see that happen"

    def _clause_subject(self, index: int) -> bool:
        """An "it" right after a "that" and right before a verb: the subject of the clause "that"
        opens ("confirmed that it received the letter"), whose own verb says whether it is the
        meeting ("that it will take place")."""
        tokens = self.tokens
        if tokens[index].lower != "it" or index == 0 or index + 1 >= len(tokens):
            return False
        if tokens[index - 1].lower != "that":
            return False
        following = index + 1
        return (tokens[following].verb and not tokens[following].noun) or self.is_class(
            following, "AUXILIARY"
        ) >= 0

    def _anticipates_clause(self, index: int) -> bool:
        """An "it" that stands for the "that" clause after its verb: "it was agreed that both
        countries would not compromise", "it is likely that they will meet"; the clause says what is
        agreed or likely, and whether that is a meeting."""
        at = index + 1
        end = min(len(self.tokens), index + 7)
        while at < end and (
            self.is_class(at, "AUXILIARY") >= 0
            or self.is_adverb(at)
            or self.tokens[at].lower in ("not", "never")
        ):
            at += 1  # "it is not clear whether"
        if at == index + 1 or at >= end - 1:
            return False  # "it" and a verb of its own: "cancelled it", "it happened"
        return self.tokens[at + 1].lower in _CLAUSE_OPENERS or (
            at + 2 < len(self.tokens)
            and self.is_adverb(at + 1)
            and self.tokens[at + 2].lower in _CLAUSE_OPENERS
        )

    def _stands_in(self, index: int) -> bool:
        """A noun that stands before what it is about: a STANDIN word, or a predicate's noun ("plans")."""
        if self.is_class(index, "STANDIN") >= 0:
            return True
        return any(p.start <= index < p.end and p.family != _EVENT for p in self._segment_predicates)

    def _is_time(self, index: int) -> bool:
        return self.is_class(index, "TIME") >= 0 or self.is_class(index, "DATE") >= 0

    def _person_run(self, start: int, end: int) -> bool:
        """A run that names a person: its head is a person word, or names follow one ("North
        Korean leader Kim Jong Un"), or it is all names."""
        for member in range(end - 1, start - 1, -1):
            if self.is_class(member, "PERSON") >= 0:
                return True
            if self.tokens[member].lower == "." and member > start:
                continue  # an abbreviation's stop: "Mr. Khrushchev"
            if not self.tokens[member].capital:
                return False
        return True

    def _meeting_compound(self, start: int, end: int) -> bool:
        """A run whose head is a meeting word ("Trump-Kim summit"), or a meeting word followed by
        names only ("meeting Zelensky": a gerund and its object)."""
        while (
            end - 1 > start
            and (self.is_adverb(end - 1) or self._is_time(end - 1))
            and self.is_class(end - 1, "DATE") < 0
        ):
            end -= 1  # "meeting now", "the summit this year": a time adjunct after the head
        if self._is_meeting_word(end - 1):
            return True
        for member in range(start, end - 1):
            if self._is_meeting_word(member) and all(
                self.tokens[name].capital for name in range(member + 1, end)
            ):
                return True
        return False

    def _skippable_before_argument(self, index: int) -> bool:
        token = self.tokens[index]
        if token.lower in ("and", "or") and self._verb_follows(index + 1):
            return False  # another clause's verb: "set up by India and firmly opposes it"
        if token.lower in _QUOTES or token.lower in (
            "to",
            "that",
            "and",
            "or",
            "'s",
            "not",
            "no",
            "any",
            "again",
            "both",
            "all",
        ):
            return True
        for name in ("DETERMINER", "PREPOSITION", "SUBJECT", "AUXILIARY", "ADVERB"):
            if self.is_class(index, name) >= 0:
                return True
        if (
            self._numeral(index)
            and index + 1 < len(self.tokens)
            and (
                self._nounish(index + 1)
                or self.tokens[index + 1].adjective
                or self.is_class(index + 1, "DETERMINER") >= 0
            )
        ):
            # a date or year before the noun: "the 2004 summit", "the 25 March summit"; a number
            # before its noun's adjective: "open 18 new stores"
            return True
        if self.is_adverb(index):
            return True
        # An adjective or participle before a noun: "a constructive visit", "the planned summit".
        if "-" in token.lower and index + 1 < len(self.tokens) and self._nounish(index + 1):
            return True  # a compound modifier: "his three-day visit", "a high-profile trip"
        if token.adjectival and not token.noun and index + 1 < len(self.tokens) and self._nounish(index + 1):
            return True  # an adjective that is a verb too: "no plans for top French officials to go"
        return (
            not token.noun
            and not token.verb
            and token.lower.isalpha()
            or (
                token.verb and not token.noun and index + 1 < len(self.tokens) and self.tokens[index + 1].noun
            )
        )

    def _event_at(self, index: int, predicates: list[_Predicate]) -> _Predicate | None:
        """The meeting verb starting at token `index` among a segment's predicates (indexed once)."""
        # The list itself, not its id: a freed segment's list may leave its id to the next one's.
        if self._events_of is not predicates:
            self._events_of = predicates
            self._events_by_start = {p.start: p for p in predicates if p.family == _EVENT}
        return self._events_by_start.get(index)

    def subject_is_meeting(self, predicate: _Predicate, segment: tuple[int, int]) -> int:
        """The token of the meeting when it is the predicate's subject (or the segment's first noun
        phrase is the meeting), else -1."""
        index = self.verb_group_start(predicate.start, segment)
        before = index - 1
        if before >= segment[0]:
            if self.is_class(before, "MEETING_REF") >= 0 and (
                self._refers(before) or (before == segment[0] and self.tokens[before].lower != "it")
            ):
                return before
            if self._nounish(before) and self._is_meeting_word(before):
                return before
            if (
                self.tokens[before].lower == "as"
                and before - 1 > segment[0]
                and self._nounish(before - 1)
                and self._is_meeting_word(before - 1)
                and self._described_as(before - 1)
            ):
                return before - 1  # "described the meeting as fruitful", "hailed the visit as a success"
            if (
                before > segment[0]
                and self._nounish(before)
                and self._stands_in(before)
                and self._is_meeting_word(before - 1)
            ):
                return (
                    before - 1
                )  # a compound whose head stands in for the meeting: "the summit plan has been shelved"
        # The segment's first noun phrase: "The meeting between Kim and myself will take place";
        # or the first after a "that" opening a clause ("told a briefing that the summit ... will").
        found = self._first_phrase_meeting(segment[0], predicate, segment)
        if found >= 0 and self._has_own_verb(found, index):
            found = -1  # it has a verb of its own first: "talks would be pointless as long as ... continued"
        if found < 0:
            clause = self._last_that(segment[0] + 1, predicate.start)
            if clause >= 0:
                found = self._first_phrase_meeting(clause + 1, predicate, segment)
        if found < 0:
            joined = self._last_joined_clause(segment[0] + 1, predicate.start)
            if (
                joined >= 0
            ):  # "... are commemorating 25 years and the visit of the Prime Minister will provide"
                found = self._first_phrase_meeting(joined, predicate, segment)
        if found < 0 and index == segment[0]:
            found = self._subject_before_relative(segment)
        if found < 0:
            found = self._head_of_relative(predicate, index, segment)
        if found < 0 and index == segment[0] + 1 and self.tokens[segment[0]].lower in _SHARED_SUBJECT:
            found = self._shared_subject(segment)
        return found

    def _described_as(self, noun: int) -> bool:
        """Whether the meeting noun at `noun` is the object of a verb of describing ("described the
        talks as", "called the visit", "hailed the summit"), a determiner or two before it."""
        index = noun - 1
        while index > 0 and (self.is_class(index, "DETERMINER") >= 0 or self.tokens[index].adjective):
            index -= 1
        return bool(self.tokens[index].lemmas & _DESCRIBING_VERBS)

    def _has_own_verb(self, subject: int, group: int) -> bool:
        """Whether the subject has a finite verb of its own and the predicate stands in a clause
        that a subordinator opens after it: "talks would be pointless as long as the shelling
        continued" ("was delayed and was not in jeopardy" shares its subject)."""
        finite = [at for at in range(subject + 1, group) if self.tokens[at].lower in _FINITE]
        if not finite:
            return False
        tokens = self.tokens
        return any(
            tokens[at].lower in _SUBORDINATORS
            # a second reported clause: "said that the visit had not been firmed up and that she was expected"
            or (tokens[at].lower == "that" and tokens[at - 1].lower in ("and", "but", "or"))
            for at in range(finite[0], group)
        )

    def _shared_subject(self, segment: tuple[int, int]) -> int:
        """A clause after "but" with no subject of its own has the clause before's: "The summit was
        scheduled for June but has now been called off"."""
        before = self._segment_before(segment[0])
        if before is None:
            return -1
        end = _Predicate(_EVENT, "", before[1], before[1])
        return self._first_phrase_meeting(before[0], end, before)

    def _first_phrase_meeting(self, probe: int, predicate: _Predicate, segment: tuple[int, int]) -> int:
        """The meeting token when the first noun phrase from `probe` on is (about) the meeting, else -1."""
        while probe < predicate.start:
            if self._nounish(probe):
                run_end = self._noun_run(probe, predicate.start)
                if run_end < predicate.start and self.tokens[run_end].lower in ("'s", "'", "\u2019"):
                    probe = run_end + 1  # a possessor: "Noda's plan to visit Seoul"
                    continue
                if self._is_meeting_word(run_end - 1):
                    return run_end - 1
                if self._stands_in(run_end - 1):
                    # "Those plans [for Trump and Putin to meet again] were canceled", "the idea of a
                    # summit was rejected": what the stand-in is about is the subject.
                    pseudo = _Predicate(_EVENT, "", probe, run_end)
                    kind, _ = self.argument_after(
                        pseudo, (segment[0], predicate.start), self._segment_predicates
                    )
                    if kind == "meeting":
                        return run_end - 1
                # "Lines of communication ... remain open", "the road to the summit will not be smooth"
                following = run_end + 1
                while following < predicate.start and self.is_class(following, "DETERMINER") >= 0:
                    following += 1
                if (
                    run_end < predicate.start
                    and self.tokens[run_end].lower in ("of", "to", "for", "toward", "towards")
                    and following < predicate.start
                ):
                    head = self._noun_run(following, predicate.start) - 1
                    if self._nounish(following) and self._is_meeting_word(head):
                        return head
                return -1
            probe += 1
        return -1

    def _last_joined_clause(self, start: int, end: int) -> int:
        """The first token of the last clause joined by "and" or "but" and opening on a determiner
        in [start, end) ("and the visit ..."), or -1."""
        for index in range(end - 2, start - 1, -1):
            if self.tokens[index].lower in ("and", "but") and self.is_class(index + 1, "DETERMINER") >= 0:
                return index + 1
        return -1

    def _last_that(self, start: int, end: int) -> int:
        """The last "that" in [start, end), or -1."""
        for index in range(end - 1, start - 1, -1):
            if self.tokens[index].lower == "that":
                return index
        return -1

    def _subject_before_relative(self, segment: tuple[int, int]) -> int:
        """For a segment that opens on its verb after a relative clause ("The summit, which had been
        due on Monday, had been postponed", "The summit, scheduled for June 12, was cancelled"): the
        meeting word ending the noun phrase before it, or -1. Up to three such phrases may stand
        between: "the meeting, which was expected tomorrow, in either Gabon or Namibia, had been
        cancelled"."""
        relative = self._segment_before(segment[0])
        if relative is None or not self._describes_before(relative):
            return -1
        head = self._segment_before(relative[0])
        for _ in range(2):
            if head is None:
                return -1
            found = self._meeting_heading(head)
            if found >= 0 or not self._describes_before(head):
                return found
            head = self._segment_before(head[0])
        return -1 if head is None else self._meeting_heading(head)

    def _meeting_heading(self, head: tuple[int, int]) -> int:
        """The meeting word that ends the noun phrase of a segment that a relative clause or an
        apposition follows ("The summit", "A summit on Zimbabwe", "said that the meeting"), or -1."""
        clause = self._last_that(head[0], head[1])  # "told journalists that the meeting, which ..."
        first = next(
            (probe for probe in range(max(head[0], clause + 1), head[1]) if self._nounish(probe)), -1
        )
        if first < 0:
            return -1
        run_end = self._noun_run(first, head[1])
        if run_end == head[1] and self._is_meeting_word(head[1] - 1):
            return head[1] - 1
        if self._is_meeting_word(run_end - 1) and self.tokens[run_end].lower in _MEETING_PARTS:
            return run_end - 1  # "A summit on Zimbabwe, due to be held on June 9, has been cancelled"
        return -1

    def _describes_before(self, segment: tuple[int, int]) -> bool:
        """Whether a segment is a relative clause, a participle or a noun phrase set off after a noun:
        "which had been due on Monday", "originally planned for May", "in either Gabon or Namibia"."""
        opening = segment[0]
        if self.is_adverb(opening) and opening + 1 < segment[1]:
            opening += 1  # "The summit, originally planned for May, has been pushed back"
        return self._opens_relative(opening) or self._apposed_noun_phrase(segment)

    def _head_of_relative(self, predicate: _Predicate, group: int, segment: tuple[int, int]) -> int:
        """For a predicate that opens a relative clause or a participle phrase after the meeting
        ("The summit, scheduled for June 12, will focus on trade", "the visit, which is planned for
        May, ..."): the meeting word it is said of, or -1."""
        start = segment[0]
        if predicate.start == start + 1 and self.is_adverb(start):
            start += 1  # "The summit, originally planned for May, ..."
        opens = predicate.start == start and group <= start and self._opens_relative(start)
        opens = opens or (group == start + 1 and self.tokens[start].lower in ("which", "that"))
        if not opens:
            return -1
        head = self._segment_before(start)
        if head is None or head[1] <= head[0]:
            return -1
        last = head[1] - 1
        return last if self._nounish(last) and self._is_meeting_word(last) else -1

    def _apposed_noun_phrase(self, segment: tuple[int, int]) -> bool:
        """A noun or prepositional phrase set off by commas, with no verb of its own: "The visit,
        the first by a U.S. president in 20 years, will begin on Sunday", "The trip, with its
        trade-focused agenda, is too important to cancel"."""
        start, end = segment
        opens_phrase = self.is_class(start, "DETERMINER") >= 0 or self.is_class(start, "PREPOSITION") >= 0
        if end - start < 2 or not opens_phrase:
            return False
        return not any(
            self.tokens[index].lower in _FINITE or (self.tokens[index].verb and not self.tokens[index].noun)
            for index in range(start, end)
        )

    def _opens_relative(self, index: int) -> bool:
        """A relative clause's first word: "which", "who", or a participle ("scheduled for June 12")."""
        token = self.tokens[index]
        if token.lower in _RELATIVE_PRONOUNS:
            return True
        if token.lower in _BARE_PARTICIPLES:
            return True  # "The summit, due to be held on June 9, ..."
        if token.lower == "to" and index + 1 < len(self.tokens) and self.tokens[index + 1].verb:
            return True  # an infinitive: "The summit, to be held here in June, has been postponed"
        return token.verb and token.lower.endswith(("ed", "en")) and self.is_class(index, "AUXILIARY") < 0

    def _segment_before(self, start: int) -> tuple[int, int] | None:
        """The segment ending just before token `start` (past one punctuation mark), if any."""
        for sentence in self.sentences:
            if sentence.start <= start < sentence.end:
                for before in (start - 1, start - 2):
                    if before >= sentence.start and before in sentence.segment_of:
                        segment = sentence.segment_of[before]
                        if segment[1] >= start - 1:
                            return segment
        return None

    def verb_group_start(self, index: int, segment: tuple[int, int]) -> int:
        """The first token of the auxiliaries, modals, negators and adverbs before token `index`."""
        window = self.rules.reader.verb_group_window
        start = index
        while start - 1 >= segment[0] and index - start < window:
            probe = start - 1
            lower = self.tokens[probe].lower
            if (
                self.is_class(probe, "AUXILIARY") >= 0
                or self.is_adverb(probe)
                or lower in ("not", "never", "to", "going", "'s")
                or lower in _QUOTES
                or (self.is_class(probe, "DETERMINER") >= 0 and probe > segment[0])
                or (self.tokens[probe].adjective and probe > segment[0])
            ):
                start = probe
                continue
            adjunct = self._time_adjunct_start(probe, segment)
            if adjunct > segment[0] and self._in_verb_group(adjunct - 1):
                start = (
                    adjunct  # a time inside the verb group: "will next week travel", "will on Monday meet"
                )
                continue
            break
        return start

    def _in_verb_group(self, index: int) -> bool:
        """An auxiliary, a modal or a negator: a word a time phrase can follow inside a verb group."""
        return self.is_class(index, "AUXILIARY") >= 0 or self.tokens[index].lower in ("not", "never", "n't")

    def _time_adjunct_start(self, end: int, segment: tuple[int, int]) -> int:
        """The first token of a time phrase of at most four words ending at token `end` ("next
        week", "on 22 January", "later this month"), or -1 when `end` ends none."""
        if not (self._is_time(end) or self.tokens[end].lower.isdigit()):
            return -1
        start = end
        while (
            start - 1 >= segment[0]
            and end - start < 3
            and (
                self._is_time(start - 1)
                or self.tokens[start - 1].lower.isdigit()
                or self.tokens[start - 1].lower in _TIME_OPENERS
            )
        ):
            start -= 1
        return start

    def _event_takes_other_object(self, event: _Predicate, segment: tuple[int, int]) -> bool:
        """A meeting's own verb used with an object that is no meeting: "agreed to resume flights",
        "hold elections" (the meeting is the subject of "resume" or the object of "hold")."""
        index = event.end
        while index < segment[1] and (
            self.is_class(index, "DETERMINER") >= 0 or self.tokens[index].adjective
        ):
            index += 1
        if index >= segment[1] or self.is_class(index, "MEETING_REF") >= 0:
            return False  # "convene it": the meeting named before
        if not self._nounish(index) or self._is_time(self._noun_run(index, segment[1]) - 1):
            return False
        run_end = self._noun_run(index, segment[1])
        return not (self._meeting_compound(index, run_end) or self._is_meeting_word(run_end - 1))

    def _meet_object_fits(self, event: _Predicate, segment: tuple[int, int]) -> bool:
        """A meeting verb meets a person ("meet Putin", "see him"), not "meet the deadline"."""
        if event.kind == "EVENT":
            return not self._event_takes_other_object(event, segment)
        index = event.end
        limit = min(segment[1], event.end + self.rules.reader.argument_window)
        while index < limit:
            token = self.tokens[index]
            if token.lower == "with" and event.kind == "MEET":
                return True  # "sit down with the rebels": meeting with someone, whoever they are
            if index == event.end and token.lower == "to" and self.tokens[index - 1].lower == "talk":
                index += 1  # "need to talk to the government": whom one talks to is the object
                continue
            if self.is_class(index, "PERSON") >= 0:
                return True  # "see each other" before "each" is skipped
            if token.lower in ("with", "again", "up", "each", "one") or (
                self.is_adverb(index) and self.is_class(index, "PREPOSITION") < 0
            ):
                index += 1
                continue
            if token.capital or self._is_meeting_word(index):
                return True
            if self.is_class(index, "PREPOSITION") >= 0:
                break  # "meet after the elections": an adjunct, no object
            if self.is_class(index, "DETERMINER") >= 0 or token.adjective:  # "host a trilateral summit"
                index += 1
                continue
            if token.verb and token.lower.endswith("ed") and index + 1 < limit and self._nounish(index + 1):
                index += 1  # a participle before its noun: "visit the flooded streets"
                continue
            if self._nounish(index):
                run_end = self._noun_run(index, limit)
                if self._is_time(run_end - 1):
                    head = run_end
                    while head > index and (
                        self._is_time(head - 1) or self.tokens[head - 1].lower in _TIME_MODIFIERS
                    ):
                        head -= 1
                    if head == index:
                        return True  # "meet next month"
                    run_end = head  # "received an urgent memo today": the time is no object
                if event.kind == "MEET" and self.is_class(run_end - 1, "PLACE") >= 0:
                    return True  # "visit the country", "travel to the capital"
                if self._meeting_compound(index, run_end):
                    return True  # "attend the nuclear security summit"
                return self.is_class(run_end - 1, "PERSON") >= 0 or self.tokens[run_end - 1].capital
            break
        return event.kind == "MEET"

    # --- reading -------------------------------------------------------------------------------

    def read(self) -> list[Reading]:
        kept: list[tuple[_Predicate, _Sentence, tuple[int, int]]] = []
        self._all_starts: list[int] = []  # every predicate found, kept or not: each takes a negation first
        meeting_classes = ("MEETING", *self.compiled.event_classes[:2])
        has_meeting = any(
            self.is_class(index, name) >= 0
            for index, starts in enumerate(self._starts)
            if not starts.isdisjoint(meeting_classes)
            for name in meeting_classes
        )
        self._has_meeting = has_meeting
        for sentence in self.sentences:
            segments = sorted(set(sentence.segment_of.values()))
            owned_before = -1  # where what the previous segment's predicates took ends
            for segment in segments:
                predicates = self.predicates_in(segment[0], segment[1])
                self._segment_predicates = predicates
                self._all_starts.extend(predicate.start for predicate in predicates)
                owner_end = -1
                hoped_until = -1
                for predicate in predicates:
                    if predicate.start < hoped_until:
                        continue  # inside what a hope says the meeting should bring
                    if self._as_planned(predicate):
                        continue  # "as planned", "as agreed": how something else goes, no signal
                    if self._describes_other_noun(predicate):
                        continue  # "open points", "a constructive role": an adjective of another noun
                    if self._part_of_name(predicate, sentence):
                        continue  # "in Mar del Plata", "Sour Lake": a word of a name
                    if self._principal_leads(predicate, segment):
                        continue  # "the president himself will head the delegation": no stand-in
                    if self._apposed_participle(predicate, segment, owned_before):
                        continue  # "postponed the summit, scheduled for December 1,": it describes it
                    if self._object_before(predicate, owner_end) and self._reduced_relative(predicate):
                        # A participle after the meeting an earlier predicate took describes it:
                        # "postponed the summit scheduled for December" is a postponement.
                        continue
                    if self._lowers_what_was_taken(predicate, owner_end, kept, sentence):
                        # "No one expects the summit to be cancelled": the expectation's negation
                        # passes to what it expects of the meeting it took.
                        predicate.owner = kept.pop()[0]
                    if predicate.start < owner_end and self._noun_in_argument(predicate):
                        continue  # "calls off talks with Seoul": the talks are cancelled, not held
                    if predicate.start < owner_end and predicate.family != _EVENT:
                        # In an earlier predicate's argument: "conducive for a constructive visit";
                        # unless it says what that one means: "want to postpone it".
                        owner = kept[-1][0]
                        if not self._takes_over(owner, predicate, segment, predicates, has_meeting):
                            continue
                        kept.pop()
                        if self.rules.families[owner.family].direction > 0:
                            predicate.owner = owner
                    if self._relevant(predicate, segment, predicates, has_meeting):
                        if self._hopes_for_outcome(predicate, segment):
                            hoped_until = segment[1]  # what the meeting should bring is no signal
                            continue
                        kept.append((predicate, sentence, segment))
                        owner_end = max(owner_end, predicate.span[1])
                        if (
                            predicate.family != _EVENT
                        ):  # a predicate owns its object: "depends on (significant advances)"
                            owner_end = max(owner_end, self.argument_after(predicate, segment, predicates)[1])
                            # ... and what a preposition after it names: "no progress on (arranging it)"
                            after = predicate.span[1]
                            if after + 1 < segment[1] and self.tokens[after].lower in _OWNED_AFTER:
                                owner_end = max(owner_end, after + 2)
                owned_before = owner_end
        # A meeting verb governed by a predicate is that predicate's ("ready to meet"); an infinitive
        # nothing governs asserts no meeting ("inappropriate, at this time, to have this meeting").
        kept = self._reports_say_their_clause(kept)
        kept = self._doubts_take_their_clause(kept)
        kept = self._attributes_give_way(kept)
        kept = self._judgments_give_way(kept)
        kept = self._appositions_give_way(kept)
        kept = self._stand_ins_take_events(kept)
        kept = [
            entry
            for entry in kept
            if entry[0].family != _EVENT
            or not (
                entry[0].governed
                or self._bare_infinitive(entry[0], entry[2])
                or self._gerund_subject(entry[0], entry[2])
            )
        ]
        kept = self._without_subjects_parts(kept)
        return self._modified(kept) if kept else []

    def _reports_say_their_clause(self, kept: list) -> list:
        """A positive verb that reports a clause ("confirmed that ...", "announced the visit will
        ...") gives way to what the clause says when that is negative: a negative predicate in it,
        or a meeting verb negated in it ("announced that the president would not travel")."""
        dropped: set[int] = set()
        for position, (reporter, _sentence, segment) in enumerate(kept):
            if self.is_class(reporter.start, "HEARSAY") >= 0 and self._reports_a_clause(reporter, segment):
                dropped.add(position)
                continue
            if (
                reporter.family == _EVENT
                or self.rules.families[reporter.family].direction <= 0
                or self.is_class(reporter.start, "REPORT") < 0
                or not self.tokens[reporter.start].verb
            ):
                continue
            for inner, _inner_sentence, inner_segment in kept[position + 1 :]:
                if inner_segment != segment or inner.start < reporter.end:
                    continue
                between = range(reporter.end, inner.start)
                if not self._opens_clause(reporter, between):
                    continue
                if inner.family != _EVENT and self.rules.families[inner.family].direction < 0:
                    dropped.add(position)
                elif inner.family == _EVENT and any(
                    self.tokens[index].lower in _CLAUSE_NEGATORS for index in between
                ):
                    dropped.add(position)
                    inner.governed = False
        return [entry for position, entry in enumerate(kept) if position not in dropped]

    def _doubts_take_their_clause(self, kept: list) -> list:
        """A word of doubt whose object is a clause doubts what the clause says: "doubts the summit
        will happen" and "it is unlikely that the meeting will take place" read as the doubt, and the
        clause's own positive reading (a meeting verb, a hope, a plan) goes."""
        families = self.rules.families
        doubted: set[int] = set()
        for position, (doubter, _sentence, segment) in enumerate(kept):
            if doubter.family == _EVENT or families[doubter.family].direction >= 0:
                continue
            if self.is_class(doubter.start, "DOUBT") < 0:
                continue
            for inner_position in range(position + 1, len(kept)):
                inner, _inner_sentence, inner_segment = kept[inner_position]
                if inner_segment != segment or inner.start < doubter.end:
                    continue
                if inner.family != _EVENT and families[inner.family].direction < 0:
                    continue
                if self._opens_clause(doubter, range(doubter.end, inner.start)):
                    doubted.add(inner_position)
        return [entry for position, entry in enumerate(kept) if position not in doubted]

    def _hopes_for_outcome(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """A hope or expectation whose meeting goes on to what it should bring: "hopes the meeting
        will lead to a renewal of the negotiations", "expects the summit to help achieve peace"."""
        if predicate.family == _EVENT or not self.rules.families[predicate.family].outcome_gives_way:
            return False
        index = max(predicate.end, predicate.span[1])
        nouns = [at for at in range(predicate.start, index) if self._is_meeting_word(at)]
        if not nouns or nouns[-1] == 0 or not self._noun_phrase_head(nouns[-1]):
            return False  # "hope to meet soon to ease tensions": the meeting hoped for, then its aim
        limit = min(segment[1], index + self.rules.reader.argument_window)
        if index < limit and self.tokens[index].lower in ("of", "between", "with"):
            while (
                index < limit
                and self.tokens[index].lower != "to"
                and (
                    self.is_class(index, "PREPOSITION") >= 0
                    or self.is_class(index, "DETERMINER") >= 0
                    or self.tokens[index].lower == "and"
                    or self._nounish(index)
                )
            ):
                index += 1  # the meeting's own words: "the meeting of the two leaders"
        while index < segment[1] and (
            self.tokens[index].lower == "to"
            or self.is_class(index, "FUTURE") >= 0
            or self.is_class(index, "MODAL") >= 0
            or self.tokens[index].lower in _QUOTES
            or self.is_adverb(index)
        ):
            index += 1
        return index < segment[1] and self.is_class(index, "OUTCOME") >= 0

    def _noun_phrase_head(self, index: int) -> bool:
        """Whether a meeting word is a noun here: after a determiner, possessive or adjective."""
        before = index - 1
        return (
            self.is_class(before, "DETERMINER") >= 0
            or self.tokens[before].lower in ("'s", "'", "\u2019")
            or self.tokens[before].adjectival
            or self.tokens[before].capital
        )

    def _about_open_question(self, predicate: _Predicate) -> bool:
        return predicate.family != _EVENT and self.rules.families[predicate.family].about_open_question

    def _attributes_give_way(self, kept: list) -> list:
        """A participle before the meeting noun describes it ("the scheduled meeting", "the agreed
        visit"): it counts only when nothing else in its sentence says what happens to the meeting."""
        return _give_way(
            kept, {position for position, entry in enumerate(kept) if self._attributive(entry[0])}
        )

    def _lowers_what_was_taken(
        self, predicate: _Predicate, owner_end: int, kept: list, sentence: _Sentence
    ) -> bool:
        """Whether a lowering predicate is the "to be" complement of the meeting a raising predicate
        just took as its object: "expects the summit to be cancelled", "wants the visit to be put off"."""
        if owner_end < 0 or not 1 <= predicate.start - owner_end <= 3 or not kept:
            return False
        if kept[-1][1] is not sentence or predicate.family == _EVENT:
            return False
        owner = kept[-1][0]
        families = self.rules.families
        if (
            owner.family == _EVENT
            or families[owner.family].direction < 0
            or families[predicate.family].direction > 0
        ):
            return False
        between = [token.lower for token in self.tokens[owner_end : predicate.start]]
        return between in (["to", "be"], ["to", "have", "been"], ["to"])

    def _appositions_give_way(self, kept: list) -> list:
        """What a clause set off by commas after the meeting says of it describes it ("The visit,
        earlier expected to take place this month, is unlikely"): it counts only when nothing else
        in its sentence reads."""
        return _give_way(
            kept, {position for position, entry in enumerate(kept) if self._apposition(entry[2])}
        )

    def _apposition(self, segment: tuple[int, int]) -> bool:
        """Whether a segment is set off by commas right after a meeting noun: ", which was expected
        to take place tomorrow," or ", earlier expected to take place this month,"."""
        start, end = segment
        tokens = self.tokens
        set_off = start >= 2 and end + 1 < len(tokens) and tokens[start - 1].lower == "," == tokens[end].lower
        if not set_off or not self._meeting_phrase_before(start - 1):
            return False
        after = tokens[end + 1]
        if self.is_class(end + 1, "AUXILIARY") < 0 and not (after.verb and not after.noun):
            return False  # no verb of the meeting's own after the closing comma ("..., is unlikely")
        first = (
            start + 1
            if start + 1 < end
            and tokens[start].lower in ("earlier", "originally", "initially", "previously", "once")
            else start
        )
        return tokens[first].lower == "which" or (
            tokens[first].lower.endswith("ed") and not tokens[first].noun
        )

    def _meeting_phrase_before(self, comma: int) -> bool:
        """Whether the noun phrase ending at the comma holds a meeting word: "the summit,", "a visit
        to Japan by Kremlin leader Mikhail S. Gorbachev,"."""
        index = comma - 1
        while index >= max(0, comma - 12):
            if self._is_meeting_word(index):
                return True
            token = self.tokens[index]
            if not (
                self._nounish(index)
                or token.lower in (".", "'s", "\u2019s")
                or self.is_class(index, "DETERMINER") >= 0
                or self.is_class(index, "PREPOSITION") >= 0
                or token.adjective
            ):
                return False
            index -= 1
        return False

    def _judgments_give_way(self, kept: list) -> list:
        """A verb of judging with a lowering complement says the complement: "considers talks over a
        meeting premature", "considers it untimely to sign" read as doubt, not as considering it."""
        families = self.rules.families
        judged = {
            position
            for position, entry in enumerate(kept)
            if entry[0].family != _EVENT
            and entry[0].pattern in _JUDGING
            and any(
                other[2] == entry[2]
                and other[0].family != _EVENT
                and families[other[0].family].direction < 0
                and entry[0].span[1] <= other[0].start <= entry[0].span[1] + 10
                and not any(
                    self.tokens[at].lower in ("that", "to", "and", "but", "because")
                    for at in range(entry[0].span[1], other[0].start)
                )
                for other in kept
            )
        }
        return [entry for position, entry in enumerate(kept) if position not in judged]

    def _stand_ins_take_events(self, kept: list) -> list:
        """A meeting verb in the segment of a stand-in ("Kerry would travel in his place", "will
        attend in his stead") is the stand-in's going, not the principal's: it gives way."""
        families = self.rules.families
        segments = {
            entry[2]
            for entry in kept
            if entry[0].family != _EVENT
            and families[entry[0].family].takes_events
            # not the purpose of a going: "will proceed to New Delhi to represent Pakistan"
            and not (entry[0].start > 0 and self.tokens[entry[0].start - 1].lower == "to")
        }
        if not segments:
            return kept
        return [entry for entry in kept if entry[0].family != _EVENT or entry[2] not in segments]

    def _describes_other_noun(self, predicate: _Predicate) -> bool:
        """A one-word adjective of a family that pulls up, before a noun that is no meeting: "still
        work to be done on open points", "play a constructive role"; "a possible visit" stays."""
        index = predicate.start
        following = index + 1
        return (
            predicate.family != _EVENT
            and predicate.end == following
            and self.rules.families[predicate.family].direction > 0
            and self.tokens[index].adjective
            and following < len(self.tokens)
            and self._nounish(following)
            and not self._is_meeting_word(following)
            and not self._meeting_compound(following, self._noun_run(following, len(self.tokens)))
            and self.is_class(following, "PERSON") < 0
        )

    def _attributive(self, predicate: _Predicate) -> bool:
        index = predicate.start
        return (
            predicate.family != _EVENT
            and predicate.end == index + 1
            and self.tokens[index].lower.endswith("ed")
            and index + 1 < len(self.tokens)
            and (
                self._is_meeting_word(index + 1)
                or (  # "her scheduled three-day visit"
                    "-" in self.tokens[index + 1].lower
                    and index + 2 < len(self.tokens)
                    and self._is_meeting_word(index + 2)
                )
            )
            and (
                index == 0
                or self.is_class(index - 1, "DETERMINER") >= 0
                or self.tokens[index - 1].lower in ("'s", "\u2019s")  # "Hasina's scheduled visit"
            )
        )

    def _reports_a_clause(self, reporter: _Predicate, segment: tuple[int, int]) -> bool:
        """Whether a reporting verb's object is a clause: "that", or a finite verb within a few
        words that no relative pronoun opens ("suggested the summit was still tentative")."""
        after = reporter.end
        if after >= segment[1]:
            return False
        if self.tokens[after].lower == "that":
            return True
        for index in range(after + 1, min(segment[1], after + 6)):
            word = self.tokens[index].lower
            if word in _RELATIVE_PRONOUNS:
                return False
            if word in _FINITE and not self.tokens[index].capital:  # not "in May"
                return True
        return False

    def _opens_clause(self, reporter: _Predicate, between: range) -> bool:
        """Whether the words after a reporting verb open a clause of their own: "that", or a
        finite auxiliary before the clause's verb ("confirmed the visit will not take place")."""
        if not between:
            return False
        if self.tokens[between[0]].lower == "that":
            return True
        return any(self.tokens[index].lower in _FINITE for index in between[1:])

    def _noun_in_argument(self, predicate: _Predicate) -> bool:
        """A meeting verb in an earlier predicate's object that is a noun there ("talks", "visit"):
        not after a verb group's words, where it is the verb ("agreed to meet", "would not travel")."""
        index = predicate.start
        return (
            predicate.family == _EVENT
            and self.tokens[index].noun
            and index > 0
            and self.tokens[index - 1].lower not in ("to", "not", "never")
            and self.is_class(index - 1, "AUXILIARY") < 0
            and not self.is_adverb(index - 1)
        )

    def _as_planned(self, predicate: _Predicate) -> bool:
        """A participle after "as" is an adverbial ("will go ahead as planned", "as agreed")."""
        index = predicate.start
        return (
            index > 0
            and predicate.family != _EVENT
            and predicate.end == index + 1
            and self.tokens[index - 1].lower == "as"
            and self.tokens[index].lower.endswith("ed")
        )

    def _apposed_participle(self, predicate: _Predicate, segment: tuple[int, int], owned_before: int) -> bool:
        """A participle after a comma and a meeting word, in a sentence whose earlier segment has a
        predicate ("requested the postponement of the summit, scheduled to take place on Dec. 1").
        Set off between the meeting and its verb ("The summit, due to be held on June 9, has been
        cancelled") it is read, and gives way to what the rest says (_appositions_give_way)."""
        index = predicate.start
        return (
            index == segment[0]
            and index >= 2
            and owned_before >= 0
            and self.tokens[index - 1].lower == ","
            and self._participle_after(predicate, index - 2)
        )

    def _principal_leads(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """Whether a stand-in's "head|lead the delegation" has a principal for its subject: a
        reflexive or a head's title before its verb group ("Putin himself will head the delegation",
        "the prime minister will lead it"; not "the vice president", "the foreign minister")."""
        if predicate.family == _EVENT or not self.tokens[predicate.start].lower.startswith(
            ("head", "lead", "led")
        ):
            return False
        if self.rules.families[predicate.family].id != "substitution":
            return False
        group = self.verb_group_start(predicate.start, segment)
        for index in range(segment[0], group):
            if self.is_class(index, "PRINCIPAL") >= 0:
                before = self.tokens[index - 1].lower if index > segment[0] else ""
                if before not in ("vice", "deputy", "foreign", "former", "acting", "vice-"):
                    return True
        return False

    def _part_of_name(self, predicate: _Predicate, sentence: _Sentence) -> bool:
        """Whether a one-word predicate is a capitalised word inside a sentence that a name goes on
        after: "Mar del Plata", "Advance Wars"."""
        index = predicate.start
        if predicate.family == _EVENT or predicate.end != index + 1 or index == sentence.start:
            return False
        if not self.tokens[index].capital or self.tokens[index - 1].lower in _QUOTES:
            return False
        after = index + 1
        return after < sentence.end and (
            self.tokens[after].capital or self.tokens[after].lower in _NAME_PARTICLES
        )

    def _object_before(self, predicate: _Predicate, owner_end: int) -> bool:
        """Whether only the noun phrase an earlier predicate took stands between it and this one:
        "will not attend (the SADC summit) scheduled for August"."""
        if owner_end < 0 or owner_end > predicate.start:
            return False
        return all(
            self.is_class(index, "DETERMINER") >= 0 or self.tokens[index].adjective or self._nounish(index)
            for index in range(owner_end, predicate.start)
        )

    def _reduced_relative(self, predicate: _Predicate) -> bool:
        """A past participle right after a meeting noun, with no auxiliary: "the summit scheduled
        for December", "the visit planned for May"."""
        if predicate.end < len(self.tokens) and self.tokens[predicate.end].lower not in _SEGMENT_END:
            return predicate.start > 0 and self._participle_after(predicate, predicate.start - 1)
        return False  # nothing after it: a verb of its own, "hopes of a summit faded."

    def _participle_after(self, predicate: _Predicate, noun: int) -> bool:
        """Whether the predicate is a past participle (no meeting verb) and token `noun` a meeting."""
        word = self.tokens[predicate.start].lower
        return (
            predicate.family != _EVENT
            and (word.endswith("ed") or word in _BARE_PARTICIPLES)
            and self._is_meeting_word(noun)
        )

    def _takes_over(
        self,
        owner: _Predicate,
        inner: _Predicate,
        segment: tuple[int, int],
        predicates: list[_Predicate],
        has_meeting: bool,
    ) -> bool:
        """Whether a negative predicate in the infinitive or object of a positive one says what the
        statement means: "want to postpone it", "plan ... is likely to be called off", "agreed to
        delay", "announced the cancellation of the summit", "requested a postponement"; or in the
        infinitive of a "no plans", where the "no" then negates it ("no plans to cancel it")."""
        if owner.family == _EVENT or inner.family == _EVENT:
            return False
        families = self.rules.families
        if families[inner.family].direction >= 0:
            return False
        # "no plans to cancel the summit": the plan's "no" negates what was not planned.
        denied = families[owner.family].direction < 0 and owner.pattern.startswith("=no ")
        if families[owner.family].direction <= 0 and not denied:
            return False
        between = range(owner.end, inner.start)
        reported = (
            self.is_class(owner.start, "REPORT") >= 0
            and self.tokens[owner.start].verb
            and self._opens_clause(owner, between)
        )
        if reported:  # "confirmed that there is no meeting scheduled": the clause says what is confirmed
            return self._relevant(inner, segment, predicates, has_meeting)
        infinitive = "to" in (
            self.tokens[index].lower for index in range(owner.end - 1, inner.start)
        ) and all(
            self.tokens[index].lower == "to"
            or self.is_class(index, "AUXILIARY") >= 0
            or self.is_adverb(index)
            for index in self._past_controller(between)
        )
        # The object of a verb only: "possible cancellation" is a cancellation in doubt, not one announced.
        named_object = (
            self.tokens[owner.start].verb
            and self.tokens[inner.start].noun
            and all(
                self.is_class(index, "DETERMINER") >= 0 or self.tokens[index].adjectival for index in between
            )
        )
        # A gerund right after the verb: "considering cancelling the visit", "discussed postponing it".
        gerund = (
            self.tokens[owner.start].verb
            and self.tokens[inner.start].lower.endswith("ing")
            and all(self.is_adverb(index) for index in between)
        )
        if not (infinitive or named_object or gerund):
            return False
        return self._relevant(inner, segment, predicates, has_meeting)

    def _past_controller(self, between: range) -> range:
        """The words between a verb and its infinitive after the one who is to do it: "calls for
        host Seoul to postpone", "urged the two sides to delay"; the whole range when none stands there."""
        index = between.start
        while index < between.stop and (
            self.is_class(index, "DETERMINER") >= 0 or self._nounish(index) or self.tokens[index].adjectival
        ):
            index += 1
        if index > between.start and index < between.stop and self.tokens[index].lower == "to":
            return range(index, between.stop)
        return between

    def _without_subjects_parts(self, kept: list) -> list:
        """A predicate inside a later predicate's subject belongs to it: "Talks on arranging a
        summit have stalled" is a stall, not a preparation. A positive report of a negative
        subject says the subject: "The postponement of the summit was announced" is a postponement."""
        spans = {
            position: (self._phrase_start(entry[0].span[0], entry[2]), entry[0].start)
            for position, entry in enumerate(kept)
            if entry[0].span[0] < entry[0].start and entry[0].family != _EVENT
        }
        dropped: set[int] = set()
        for position, entry in enumerate(kept):
            if entry[0].family == _EVENT:
                continue
            for outer, (start, end) in spans.items():
                if not (start <= entry[0].start and entry[0].end <= end):
                    continue
                if self._reports_negative_subject(kept[outer][0], entry[0]):
                    dropped.add(outer)
                else:
                    dropped.add(position)
        return [entry for position, entry in enumerate(kept) if position not in dropped]

    def _reports_negative_subject(self, reporter: _Predicate, inner: _Predicate) -> bool:
        """Whether a positive reporting verb ("announced", "confirmed") has a negative predicate
        in its subject: what it reports is that predicate."""
        families = self.rules.families
        return (
            families[reporter.family].direction > 0
            and self.is_class(reporter.start, "REPORT") >= 0
            and families[inner.family].direction < 0
            # "no plans for a meeting have been announced": the negation is the report's
            and self.tokens[inner.span[0]].lower not in _CLAUSE_NEGATORS
        )

    def _phrase_start(self, head: int, segment: tuple[int, int]) -> int:
        """Where the noun phrase around a subject's head begins, its prepositional parts included
        ("Talks on arranging a summit"); a verb, a conjunction or punctuation ends it."""
        start = head
        while start - 1 >= segment[0]:
            token = self.tokens[start - 1]
            gerund = (
                token.lower.endswith("ing")
                and start - 2 >= segment[0]
                and (self.is_class(start - 2, "PREPOSITION") >= 0)
            )
            part = (
                self._nounish(start - 1)
                or self.is_class(start - 1, "DETERMINER") >= 0
                or self.is_class(start - 1, "PREPOSITION") >= 0
                or token.adjective
                or gerund
                or (token.lower == "'s" and start - 2 >= segment[0] and self._nounish(start - 2))
            )
            if not part:
                break
            start -= 1
        return start

    def _gerund_subject(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """A meeting verb in -ing opening its clause with no auxiliary, the subject of what follows:
        "taking part in a military parade appears not appropriate", "Not going to the opening
        ceremony would be an affront": it names the meeting, it asserts none."""
        start = self.verb_group_start(predicate.start, segment)
        return (
            predicate.kind in ("MEET", "MEET_OBJECT")
            and self.tokens[predicate.start].lower.endswith("ing")
            and all(
                self.tokens[index].lower in ("not", '"', "\u201c", "'") or self.is_adverb(index)
                for index in range(segment[0], predicate.start)
            )
            and not any(self.is_class(index, "AUXILIARY") >= 0 for index in range(start, predicate.start))
            and self._verb_follows_object(predicate, segment)
        )

    def _verb_follows_object(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """Whether a finite verb stands later in the segment: the gerund phrase is its subject."""
        return any(
            self.tokens[index].lower in _FINITE or self.is_class(index, "BE") >= 0
            for index in range(predicate.end, segment[1])
        )

    def _bare_infinitive(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """A meeting verb after "to" that no predicate governs; "not to attend" is no bare one:
        it says what a side decided against."""
        start = self.verb_group_start(predicate.start, segment)
        own_to = int(self.tokens[predicate.start].lower == "to")  # a verb that begins with it: "to talk"
        group = [self.tokens[index].lower for index in range(start, predicate.start + own_to)]
        if "to" not in group or "not" in group or "never" in group:
            return False
        # "able to attend", "has to attend": the word before "to" makes the infinitive the verb.
        to = start + group.index("to")
        before = self.tokens[to - 1].lower if to > segment[0] else ""
        if to > segment[0] and self._headline_subject(to - 1):
            return False  # "Trump to meet Kim", "Abe, Xi to hold talks": a headline's future
        if self._be_to(to, segment):
            return False  # "the leaders are to meet on Monday": an arrangement, a future
        if to > segment[0] and self.is_class(to - 1, "EVALUATIVE") >= 0:
            return False  # "it's a good thing to meet", "it would be a mistake to meet him now"
        return before not in _INFINITIVE_VERBS

    def _be_to(self, to: int, segment: tuple[int, int]) -> bool:
        """A form of "be" right before this "to" (adverbs between): "are to meet", "is due to"'s
        plainer sister, the future of an arrangement."""
        before = to - 1
        while before > segment[0] and self.is_adverb(before):
            before -= 1
        if before < segment[0]:
            return False
        if self.tokens[before].lower in ("was", "were"):
            return self._reported_arrangement(to, segment)
        return self.tokens[before].lower in _BE_FORMS

    def _reported_arrangement(self, to: int, segment: tuple[int, int]) -> bool:
        """ "was to" told of the days around a report that the sentence attributes: "Putin was to
        meet Yushchenko Tuesday, the Kremlin said" is the arrangement in reported speech ("He was to
        meet Putin on Monday" alone, "was to have visited", "was to visit in June" are plans that
        may have fallen through)."""
        tokens = self.tokens
        if to + 1 >= segment[1] or tokens[to + 1].lower == "have":
            return False
        if not any(tokens[index].lower in _NEAR_DAYS for index in range(to + 2, segment[1])):
            return False
        end = next((at for at in range(to, len(tokens)) if tokens[at].lower in _SENTENCE_END), len(tokens))
        return any(tokens[at].lower in _ATTRIBUTIONS for at in range(segment[1], end))

    def _headline_subject(self, index: int) -> bool:
        """A name, or a person's title, right before a bare "to": a headline's subject, unless
        "for" makes it the subject of an infinitive clause."""
        token = self.tokens[index]
        if not (
            (token.capital and (index > 0 or not token.adjective)) or self.is_class(index, "PERSON") >= 0
        ):
            return False
        start = index
        while start > 0 and (self.tokens[start - 1].capital or self.is_class(start - 1, "PERSON") >= 0):
            start -= 1
        return start == 0 or self.tokens[start - 1].lower != "for"  # "right for Blinken to travel"

    def _relevant(
        self, predicate: _Predicate, segment: tuple[int, int], predicates: list[_Predicate], has_meeting: bool
    ) -> bool:
        if predicate.family == _EVENT:
            if predicate.kind == "MEET" and self._body_meets(predicate, segment):
                return False  # "the cabinet met today": a body's sitting, not the principals'
            if self._motion_with_particle(predicate):
                return False  # "I go in with low expectations", "going into this meeting"
            if predicate.pattern == _AGENDA:
                return True  # what the principals will discuss is no object to fit
            if predicate.kind in ("MEET", "MEET_OBJECT"):
                return self._meet_object_fits(predicate, segment) and (
                    predicate.kind == "MEET" or self._has_object(predicate, segment)
                )
            return self._meeting_subject(predicate, segment) or self._meeting_object(
                predicate, segment, predicates
            )
        family = self.rules.families[predicate.family]
        if family.relevance == "subject":
            # A meeting word, never a bare "it": "it is important to implement the deal".
            subject = self.subject_is_meeting(predicate, segment)
            if subject < 0 or self.is_class(subject, "MEETING_REF") >= 0:
                return False
            predicate.span = (min(subject, predicate.start), predicate.end)
            return True
        own = [
            index
            for index in range(predicate.start, predicate.end)
            if self._is_meeting_word(index)
            and not (  # "due to visit" is the verb: what it visits is said after it
                index > predicate.start and self.tokens[index - 1].lower == "to" and self.tokens[index].verb
            )
        ]
        if own and not all(
            self._asks_for_other(index, segment) for index in own
        ):  # "the offer of aid" is none
            kind, end = self.argument_after(predicate, segment, predicates)
            if kind == "meeting":
                event = self._event_ending(end, predicate.end, predicates)
                if event is not None and event.kind == "EVENT" and family.direction > 0:
                    # "the next summit will take place on June 12", "a new round of talks was
                    # held": the meeting's own verb says more than "next" or "new"; it reads by tense.
                    event.governed = False
                    return False
                predicate.span = (predicate.start, end)
            return True
        if family.relevance in ("statement", "any"):
            # The span still takes in the meeting when it is the object or the subject.
            if not self._meeting_object(predicate, segment, predicates):
                self._meeting_subject(predicate, segment)
            return has_meeting or family.relevance == "any"
        if self._known_event_noun(predicate, segment, predicates):
            return True
        if self._ends_on_meeting_verb(predicate, segment):
            return True  # "I have decided to go": the phrase's own last word is the trip
        return self._argument(predicate, segment, predicates)

    def _ends_on_meeting_verb(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """Whether a phrase of several words ends on a verb of meeting or going with nothing after it
        in its segment, or what suits a meeting ("decided to go", "is due to arrive in Pretoria"):
        the meeting is its own."""
        last = predicate.end - 1
        if (
            last == predicate.start
            or self.is_class(last, "MEET") != predicate.end
            or not self.tokens[last].verb
        ):
            return False
        if not any(token.lower[:1].isalnum() for token in self.tokens[predicate.end : segment[1]]):
            return True
        # What follows must suit a meeting: "is due to arrive in Pretoria on Saturday", not "go home".
        return self._meet_object_fits(_Predicate(_EVENT, "MEET", last, predicate.end, kind="MEET"), segment)

    def _known_event_noun(
        self, predicate: _Predicate, segment: tuple[int, int], predicates: list[_Predicate]
    ) -> bool:
        """A lowering noun with a definite determiner and nothing after it that says what it is of:
        "The postponement is due to the president's obligations" is the meeting's ("the
        cancellation of the rally" is not)."""
        index = predicate.start
        token = self.tokens[index]
        if predicate.end != index + 1 or not token.noun or index == segment[0]:
            return False  # a verb too ("delay") is a noun after the determiner asked for below
        if self.rules.families[predicate.family].direction > 0:
            return False
        if self.tokens[index - 1].lower not in (
            "the",
            "this",
            "that",
            "its",
            "their",
            "his",
            "her",
            "our",
            "'s",
        ):
            return False
        following = index + 1
        if following == segment[1]:
            return True  # nothing after it in its clause: "was behind the delay", "Obama's cancellation."
        return self.is_class(following, "AUXILIARY") >= 0

    def _motion_with_particle(self, predicate: _Predicate) -> bool:
        """A bare "go" or "come" followed by a particle: another verb ("go into", "come up with")."""
        following = predicate.end
        return (
            predicate.kind == "MEET"
            and following == predicate.start + 1
            and following < len(self.tokens)
            and self.is_class(predicate.start, "BARE_MOTION") >= 0
            and self.is_class(following, "PARTICLE") >= 0
        )

    def _body_meets(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """A meeting verb whose subject, just before its verb group, is a body that sits."""
        before = self.verb_group_start(predicate.start, segment) - 1
        if before < segment[0]:
            return False
        if self.is_class(before, "BODY") >= 0:
            return True
        # The body is the head before an "of": "the board of the bank will hold its annual meeting".
        at = before
        while (
            at > segment[0]
            and self.tokens[at].lower != "of"
            and (self._nounish(at) or self.is_class(at, "DETERMINER") >= 0 or self.tokens[at].adjective)
        ):
            at -= 1
        return at - 1 >= segment[0] and self.tokens[at].lower == "of" and self.is_class(at - 1, "BODY") >= 0

    def _event_ending(self, end: int, after: int, predicates: list[_Predicate]) -> _Predicate | None:
        """The meeting verb among a segment's predicates that starts at or after `after` and ends at `end`."""
        for candidate in predicates:
            if candidate.family == _EVENT and candidate.end == end and candidate.start >= after:
                return candidate
        return None

    def _has_object(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        index = predicate.end
        while index < segment[1] and (self.tokens[index].lower in ("with", "again") or self.is_adverb(index)):
            index += 1
        return index < segment[1] and (
            self.is_class(index, "PERSON") >= 0
            or self.tokens[index].capital
            or (
                self.is_class(index, "DETERMINER") >= 0 and self.tokens[index].lower != "no"
            )  # "see no point"
            or self._is_meeting_word(index)  # "host talks", "receive bilateral visits"
        )

    def _argument(
        self, predicate: _Predicate, segment: tuple[int, int], predicates: list[_Predicate]
    ) -> bool:
        # A participle after the meeting is passive too: "The summit, scheduled for June 12, ...".
        passive = self._after_be(predicate, segment) or (
            predicate.start <= segment[0] + 1 and self._head_of_relative(predicate, segment[0], segment) >= 0
        )
        if passive and self._meeting_subject(predicate, segment):
            return True
        kind, end = self.argument_after(predicate, segment, predicates)
        if kind == "meeting":
            predicate.span = (predicate.start, end)
            return True
        if kind == "" and end >= segment[1] and self.tokens[predicate.start].lower in ("no", "nothing"):
            return self._refuses_what_was_named(predicate)  # "there were no such plans": the meeting's
        if kind == "" and end >= segment[1] and self._meeting_past_an_aside(predicate, segment):
            return True
        if kind == "other" or passive:
            return False
        if self._meeting_subject(predicate, segment):
            return True
        if kind == "" and end >= segment[1] and self._confirms_without_object(predicate):
            return True
        return kind == "" and end >= segment[1] and self._refuses_what_was_named(predicate)

    def _meeting_past_an_aside(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """Whether the predicate's meeting follows a phrase set off by commas after it: "I am very
        pleased, at your invitation, to visit Russia", "we are ready, in principle, to meet"."""
        tokens = self.tokens
        comma = segment[1]
        if comma + 1 >= len(tokens) or tokens[comma].lower != ",":
            return False
        aside = next((s for s in self.sentences if s.start <= comma + 1 < s.end), None)
        if aside is None or comma + 1 not in aside.segment_of:
            return False
        between = aside.segment_of[comma + 1]
        close = between[1]
        if not self._apposed_noun_phrase(between) or close + 2 >= len(tokens) or tokens[close].lower != ",":
            return False
        if tokens[close + 1].lower != "to" or close + 1 not in aside.segment_of:
            return False  # only an infinitive after the aside: "..., to visit Russia"
        rest = aside.segment_of[close + 1]
        pseudo = _Predicate(predicate.family, predicate.pattern, predicate.start, close + 1)
        kind, end = self.argument_after(pseudo, rest, self.predicates_in(*rest))
        if kind == "meeting":
            predicate.span = (predicate.start, end)
        return kind == "meeting"

    def _confirms_without_object(self, predicate: _Predicate) -> bool:
        """A government's bare confirmation at the end of what it says confirms the meeting the
        statement is about: "Moscow and Washington have publicly confirmed", "the Kremlin has
        confirmed." (a perfect, a named subject, nothing after it but punctuation)."""
        family = self.rules.families[predicate.family]
        tokens = self.tokens
        if family.hard_event != "scheduled" or predicate.end != predicate.start + 1:
            return False
        if not tokens[predicate.start].lower.startswith("confirm"):
            return False
        before = predicate.start - 1
        while before > 0 and self.is_adverb(before):
            before -= 1
        subject = before - 1
        if before < 1 or self.is_class(before, "HAVE") < 0 or not tokens[subject].capital:
            return False
        if self.is_class(subject, "SUBJECT") >= 0:
            return False  # "He has confirmed.": no name, perhaps something else
        # Nothing after it in its sentence: "Washington has confirmed. This is in the interests ..."
        for token in tokens[predicate.end :]:
            if token.lower in _SENTENCE_END:
                return True
            if token.lower[:1].isalnum():
                return False
        return True

    def _meeting_subject(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        """Whether the meeting is the predicate's subject; if so its span reaches back to it."""
        subject = self.subject_is_meeting(predicate, segment)
        if subject >= 0:
            predicate.span = (min(subject, predicate.start), predicate.end)
        return subject >= 0

    def _meeting_object(
        self, predicate: _Predicate, segment: tuple[int, int], predicates: list[_Predicate]
    ) -> bool:
        """Whether the meeting follows as object; if so the span reaches to it."""
        kind, end = self.argument_after(predicate, segment, predicates)
        if kind == "meeting":
            predicate.span = (predicate.start, end)
        return kind == "meeting"

    def _refuses_what_was_named(self, predicate: _Predicate) -> bool:
        """A refusal, cancellation or postponement in the active voice with nothing after it is of the
        meeting named before it: "We wanted to meet, but the other side refused", "the summit was
        planned for May, but we had to cancel"; never the first words of a statement. A word that
        can be a noun is a verb here only after an auxiliary, "to" or a pronoun ("a 48-year pause")."""
        family = self.rules.families[predicate.family]
        token = self.tokens[predicate.start]
        if family.id not in _ELLIPTIC_FAMILIES:
            return False
        if family.id == "rejection" and token.lower in ("no", "nothing"):
            # "..., the spokesman said there were no such plans"; alone, "no such plans" may be of anything
            return self._has_meeting and self._meeting_named_before(predicate)
        if not token.verb:
            return False
        if self._reduced_passive(predicate.start):
            return False  # "Treatments Postponed", "second day's play abandoned": a thing's
        if token.noun and not (
            predicate.start > 0
            and (
                self._in_verb_group(predicate.start - 1)
                or self.tokens[predicate.start - 1].lower in _PRONOUNS
                or self.tokens[predicate.start - 1].lower == "they"
            )
        ):
            return False
        return self._meeting_named_before(predicate)

    def _reduced_passive(self, index: int) -> bool:
        """A participle right after a common noun, with no auxiliary: a headline's passive
        ("Treatments Postponed", "play abandoned"), not a side's act ("Moscow postponed", "we
        declined"): the noun is lowercase, or the participle is capitalised as a headline's words are."""
        if index == 0 or not self.tokens[index].lower.endswith("ed"):
            return False
        before = self.tokens[index - 1]
        if not before.noun or self.is_class(index - 1, "PERSON") >= 0:
            return False
        if self.is_class(index - 1, "SUBJECT") >= 0:
            return False
        return not before.capital or self.tokens[index].capital

    def _meeting_named_before(self, predicate: _Predicate) -> bool:
        """Whether a meeting word or verb comes before the predicate; or none is in the statement at
        all, so that the meeting meant is the one the statement is filed under ("We had to cancel")."""
        if not self._has_meeting:
            return True
        return any(self._is_meeting_word(index) for index in range(predicate.start)) or any(
            self.is_class(index, "MEET") >= 0 for index in range(predicate.start)
        )

    def _after_be(self, predicate: _Predicate, segment: tuple[int, int]) -> bool:
        start = self.verb_group_start(predicate.start, segment)
        if self.is_class(predicate.start, "BE") >= 0:
            return True  # the copula is the predicate's own first word: "the meeting is on"
        return any(self.is_class(index, "BE") >= 0 for index in range(start, predicate.start))

    def event_family(
        self, predicate: _Predicate, sentence: _Sentence, segment: tuple[int, int]
    ) -> tuple[int, float]:
        """The family a meeting verb counts for by its tense, and the factor of a bare present."""
        events = self.rules.events
        by_id = self.compiled.families_by_id
        start = self.verb_group_start(predicate.start, segment)
        if events.by_staff is not None and self._staff_meets(start, segment):
            return by_id[events.by_staff], 1.0
        group = range(start, predicate.start)
        if any(self.is_class(index, "MODAL") >= 0 for index in group):
            return by_id[events.modal], 1.0
        future = (
            any(self.is_class(index, "FUTURE") >= 0 for index in group)
            or (
                self.tokens[predicate.start].lower.endswith("ing")
                and any(self.is_class(index, "BE") >= 0 for index in group)
            )
            or any(self.tokens[index].lower == "to" and self._be_to(index, segment) for index in group)
        )
        if future:
            dated = any(self.is_class(index, "DATE") >= 0 for index in range(sentence.start, sentence.end))
            return by_id[events.dated if dated else events.future], 1.0
        if self.tokens[predicate.start].lower in self.compiled.past_forms and not self._present_passive(
            group
        ):
            return by_id[events.past], 1.0
        return by_id[events.present], events.present_factor

    def _staff_meets(self, group_start: int, segment: tuple[int, int]) -> bool:
        """Whether the subject just before a meeting verb's group (or before the "that" or "who" of
        a relative clause there) is STAFF: "the foreign ministers met in Geneva", "an Indian
        delegation that visited Nepal"."""
        before = group_start - 1
        if before > segment[0] and self.tokens[before].lower in ("that", "who", "which"):
            before -= 1
        return any(
            self.is_class(first, "STAFF") == before + 1
            for first in (before - 1, before)
            if first >= segment[0]
        )

    def _present_passive(self, group: range) -> bool:
        """A verb group of the present passive, whose participle tells no past: "summits are attended
        by heads of state", "the visit is hosted by" ("was attended", "has been held" are past)."""
        words = {self.tokens[index].lower for index in group}
        return bool(words & {"is", "are", "am"}) and not words & {"been", "was", "were", "has", "have", "had"}

    def _shown(self, modifier: _Modifier) -> str:
        """A modifier as the explanation names it: its phrase, or the words it matched where the
        phrase has alternatives ("=dropped|=withdrew =its =threat" shows "dropped its threat")."""
        if not any(mark in modifier.phrase for mark in "=|?{"):
            return modifier.phrase
        return " ".join(token.text for token in self.tokens[modifier.start : modifier.end])

    def _occurrences(self, table: Sequence[tuple], start: int, end: int) -> list[_Modifier]:
        """Leftmost-longest occurrences of modifier phrases in tokens [start, end) (found once per
        statement and table, then cut to the range)."""
        key = id(table)
        cached = self._occurrence_cache.get(key)
        if cached is None:
            found = self._find_all(table)
            cached = self._occurrence_cache[key] = (found, [modifier.start for modifier in found])
        found, starts = cached
        # Sorted by start: a range is a slice, so a long sentence with many predicates stays linear.
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        return [modifier for modifier in found[first:last] if modifier.end <= end]

    def _find_all(self, table: Sequence[tuple]) -> list[_Modifier]:
        index_by_first = self.compiled.first_words[id(table)]
        firsts = self.compiled.first_word_sets[id(table)]
        # The tokens any modifier phrase can start with, found once per statement (a few of its
        # tokens): each table then tests those, not every token's form.
        modifier_starts = self._modifier_starts
        if modifier_starts is None:
            any_first = self.compiled.modifier_first_words
            modifier_starts = self._modifier_starts = [
                (index, lower) for index, lower in enumerate(self._lowers) if lower in any_first
            ]
        # Only the tokens a phrase of the table starts with, in text order.
        at = [index for index, lower in modifier_starts if lower in firsts]
        if not at:
            return []
        tokens = self.tokens
        found = []
        taken = 0  # where the last occurrence ended: occurrences do not overlap
        for index in at:
            if index < taken:
                continue
            entries = index_by_first[tokens[index].lower]
            best = None
            for words, phrase, factor in entries:
                stop = _exact(tokens, index, words, len(tokens))
                if stop > index and (best is None or stop > best.end):
                    best = _new_tuple(_Modifier, (index, stop, phrase, factor))
            if best is not None:
                found.append(best)
                taken = best.end
        return found

    def _modified(self, kept: list[tuple[_Predicate, _Sentence, tuple[int, int]]]) -> list[Reading]:
        compiled = self.compiled
        settings = self.rules.modifiers
        tokens = self.tokens
        contrasts = self._occurrences(compiled.contrasts, 0, len(tokens))
        pivot = _contrast_pivot(contrasts, [entry[0] for entry in kept])
        concession = self._concession(kept) if pivot is None else None
        starts = sorted(self._all_starts)
        self._spelled_spans = [
            (entry[0].start, entry[0].end)
            for entry in kept
            if any(
                word.alternatives[0][1] in ("not", "no", "never")
                for _, _, words in self._phrases_of(entry[0])
                for word in words
            )
        ]
        seen: dict[tuple[int, int], int] = {}
        readings = []
        for predicate, sentence, segment in kept:
            family_index, factor = predicate.family, 1.0
            if family_index == _EVENT:
                family_index, factor = self.event_family(predicate, sentence, segment)
            negator = self._negator(predicate, sentence, starts)
            refusal = (
                predicate.family == _EVENT
                and negator is not None
                and negator.factor < 0
                and family_index != compiled.families_by_id[self.rules.events.past]
            )
            if refusal and negator is not None:
                # "will not meet", "can't go to Moscow": a refusal, read as its family; the
                # negator is named in the words, its factor already spent.
                family_index, factor = compiled.families_by_id[self.rules.events.negated], 1.0
                predicate.span = (min(predicate.span[0], negator.start), max(predicate.span[1], negator.end))
            family = self.rules.families[family_index]
            hedge = self._nearest(compiled.hedges, predicate, sentence, settings.hedge_window, contrasts)
            intensifier = self._nearest(
                compiled.intensifiers, predicate, sentence, settings.intensifier_window, contrasts
            )
            if intensifier and negator and negator.start <= intensifier.start < negator.end:
                intensifier = None  # "not completely": the negator's own word
            negation_factor = negator.factor * family.negation_scale if negator and not refusal else 1.0
            if negator and negator.factor > 0:
                negation_factor = negator.factor  # a double negative affirms: "had no choice but to"
            negation_factor = max(-1.0, min(1.0, negation_factor))
            effective = family.direction * (1 if negation_factor > 0 else -1)
            condition, condition_factor = self._condition(predicate, sentence, effective)
            hard = (
                family.hard_event if not negator and not hedge and not condition and factor == 1.0 else None
            )
            contrast, contrast_factor = "", 1.0
            if pivot is not None:
                after = predicate.start >= pivot.end
                contrast = f"{'after' if after else 'before'} '{pivot.phrase}'"
                if after:
                    contrast_factor = settings.contrast_after
                elif not hard:
                    contrast_factor = settings.contrast_before
            elif concession is not None and concession[0].start <= predicate.start < concession[2]:
                opener, comma, _end = concession
                if predicate.start >= comma:
                    contrast, contrast_factor = f"after the '{opener.phrase}' clause", settings.contrast_after
                else:
                    contrast = f"conceded by '{opener.phrase}'"
                    contrast_factor = 1.0 if hard else settings.contrast_before
            # The same reading again (a family read the same way: a negated one is another reading).
            repeat = seen.get((family_index, effective), 0)
            seen[family_index, effective] = repeat + 1
            span_start, span_end = predicate.span
            readings.append(
                Reading(
                    family=family_index,
                    pattern=predicate.pattern if predicate.family != _EVENT else f"{predicate.kind} verb",
                    start=tokens[span_start].start + self._offsets[span_start],
                    end=tokens[span_end - 1].end + self._offsets[span_end - 1],
                    negator=self._shown(negator) if negator else "",
                    negation_factor=negation_factor,
                    hedge=hedge.phrase if hedge else ("present tense" if factor != 1.0 else ""),
                    hedge_factor=(hedge.factor if hedge else 1.0) * factor,
                    intensifier=intensifier.phrase if intensifier else "",
                    intensifier_factor=settings.intensifier_factor if intensifier else 1.0,
                    contrast=contrast,
                    contrast_factor=contrast_factor,
                    condition=condition,
                    condition_factor=condition_factor,
                    repeat_factor=self.rules.scoring.repeat_decay**repeat,
                    hard_event=hard or "",
                )
            )
        return readings

    def _concession(
        self, kept: list[tuple[_Predicate, _Sentence, tuple[int, int]]]
    ) -> tuple[_Modifier, int, int] | None:
        """The first sentence opened by a concessive word with signals both in its conceded clause
        (up to the first comma or dash) and after it: the opener, the comma and the sentence's end."""
        if not self.compiled.concessive_openers:
            return None
        for sentence in self.sentences:
            found = self._occurrences(self.compiled.concessive_openers, sentence.start, sentence.end)
            first = sentence.start
            while first < sentence.end and self.tokens[first].lower in _QUOTES:
                first += 1  # a quotation's opening mark
            if not found or found[0].start != first:
                continue
            opener = found[0]
            comma = next(
                (at for at in range(opener.end, sentence.end) if self.tokens[at].lower in _CLAUSE_ENDS), -1
            )
            if comma < 0:
                continue
            if self.tokens[comma].lower in _DASHES:
                # A dash aside inside the conceded clause belongs to it: "Although no plans have been
                # announced - and no request received - officials confirmed ...".
                closing = next(
                    (at for at in range(comma + 1, sentence.end) if self.tokens[at].lower in _DASHES), -1
                )
                comma = closing if closing >= 0 else comma
            inside = any(opener.end <= entry[0].start < comma for entry in kept)
            after = any(comma < entry[0].start < sentence.end for entry in kept)
            if inside and after:
                return opener, comma, sentence.end
        return None

    def _negator(self, predicate: _Predicate, sentence: _Sentence, starts: list[int]) -> _Modifier | None:
        """The negator that scopes over the predicate: before it within the window (words such as
        "think" do not count), with no other predicate between; or inside its own words."""
        denied = self._denied_report(predicate, sentence)
        own = self._own_negator(predicate, sentence, starts)
        if denied is None:
            return own
        if own is not None and own.start < denied.end:
            # Not the denial's own "no" again: a negator of its own between the denial and it.
            between = self._occurrences(self.compiled.negators, denied.end, predicate.start)
            own = between[-1] if between else None
        if own is None:
            return denied
        # A denial of a negated clause affirms it: "no indication that he is not going to come".
        return _Modifier(
            denied.start, own.end, f"{self._shown(denied)} + {self._shown(own)}", denied.factor * own.factor
        )

    def _own_negator(self, predicate: _Predicate, sentence: _Sentence, starts: list[int]) -> _Modifier | None:
        """The negator of the predicate's own clause, a denial of a report that holds it aside."""
        compiled = self.compiled
        verdict = self._verdict(predicate, sentence)
        if verdict is not None:
            return verdict
        if predicate.owner is not None:
            # "We do not want to cancel the summit", "Nobody wants to postpone it": the want's negation.
            negator = self._negator(predicate.owner, sentence, starts)
            if negator is not None:
                return negator
        window = self.rules.modifiers.negation_window
        inside = self._occurrences(compiled.negators, predicate.start + 1, predicate.end)
        spelled = any(
            word.alternatives[0][1] in ("not", "no", "never", "n't")
            for _, _, words in self._phrases_of(predicate)
            for word in words
        )
        if inside and not spelled:
            # A negating verb that is the predicate's own word says what it says: "tensions have eased".
            own = {
                value
                for _, _, words in self._phrases_of(predicate)
                for word in words
                for kind, value in word.alternatives
                if kind != "class"
            }
            inside = [negator for negator in inside if negator.phrase not in own]
        if inside and not spelled:
            return inside[0]._replace(factor=inside[0].factor)
        subject_negator = self._subject_negator(predicate, sentence)
        if subject_negator is not None:
            return subject_negator
        reach = max(sentence.start, predicate.start - 4 * (window + 4))  # no negator further back reaches
        # A negator may end on the predicate's first word: "have not received an invitation".
        found = self._occurrences(compiled.negators, reach, predicate.end)
        found = [
            negator
            for negator in found
            if negator.start < predicate.start
            and not any(s <= negator.start < e for s, e in self._spelled_spans)
        ]
        transparent = self.compiled.transparent_words
        for negator in reversed(found):
            between = bisect_left(starts, negator.end)
            while (
                between < len(starts)
                and starts[between] < predicate.start
                and (
                    self.tokens[starts[between]].lower in transparent
                    or self._verb_before_gerund(starts[between], predicate.start)
                )
            ):
                between += 1  # "don't see any basis for": a verb negation passes through
            if between < len(starts) and starts[between] < predicate.start:
                return None
            return negator if self._negation_reaches(negator, predicate.start) <= window else None
        return self._negated_onset(predicate, sentence)

    def _verb_before_gerund(self, index: int, target: int) -> bool:
        """A one-word predicate verb right before a gerund predicate passes a negation on: "does not
        consider cancelling the trip" denies the cancelling ("has not stopped preparing" does not:
        "stop" is no predicate)."""
        return (
            index == target - 1
            and self.tokens[index].verb
            and self.tokens[target].lower.endswith("ing")
            and index in self._all_starts
        )

    def _verdict(self, predicate: _Predicate, sentence: _Sentence) -> _Modifier | None:
        """A verdict in the predicate's segment that judges what it says wrong: "Inviting him was a
        mistake", "It would be wrong for the president to meet him now" (rules: verdicts)."""
        if not self.compiled.verdicts:
            return None
        segment = sentence.segment_of.get(predicate.start)
        if segment is None:
            return None
        found = self._occurrences(self.compiled.verdicts, segment[0], segment[1])
        found = [verdict for verdict in found if not verdict.start <= predicate.start < verdict.end]
        if not found:
            return None
        return found[0]._replace(factor=self.rules.modifiers.verdict_factor)

    def _denied_report(self, predicate: _Predicate, sentence: _Sentence) -> _Modifier | None:
        """A report's words that the sentence goes on to deny: "A paper reported that he would fly
        to Cairo, but his office rejected the report"; "Reports that they will meet are untrue"."""
        compiled = self.compiled
        clause_denier = self._clause_denier(predicate, sentence)
        if clause_denier is not None:
            return clause_denier
        openers = self._occurrences(compiled.report_openers, sentence.start, predicate.start)
        if not openers:
            return None
        denier = self._report_denier(openers, predicate)
        if denier is not None:
            return denier
        denials = self._occurrences(compiled.report_denials, predicate.end, sentence.end)
        if not denials:
            return None
        denial = denials[0]
        return denial._replace(
            phrase=f"report denied: '{denial.phrase}'", factor=self.rules.modifiers.report_denied_factor
        )

    def _clause_denier(self, predicate: _Predicate, sentence: _Sentence) -> _Modifier | None:
        """A denial of a "that" clause in the predicate's segment reaches the clause's predicates
        past the words between: "denied that Zhu was considering canceling the trip"."""
        segment = sentence.segment_of.get(predicate.start)
        deniers = self._occurrences(self.compiled.report_deniers, sentence.start, predicate.start)
        for denier in reversed(deniers):
            if denier.end < len(self.tokens) and self.tokens[denier.end].lower == "that":
                if sentence.segment_of.get(denier.start) != segment:
                    return None
                if self._another_that_clause(denier.end + 1, predicate.start):
                    return None  # "denied that the delay was a snub and insisted that talks would continue"
                return self._denier_factor(denier)
        return None

    def _another_that_clause(self, start: int, end: int) -> bool:
        """Whether a second reported clause opens between `start` and `end`: "and insisted that"."""
        tokens = self.tokens
        return any(
            tokens[at].lower == "that" and tokens[at - 1].verb and tokens[at - 2].lower in ("and", "but")
            for at in range(max(start, 2), end)
        )

    def _denier_factor(self, denier: _Modifier) -> _Modifier:
        """A report denier with its factor as a negator (the report factor when it is none)."""
        factor = next(
            (factor for words, phrase, factor in self.compiled.negators if phrase == denier.phrase),
            self.rules.modifiers.report_denied_factor,
        )
        return denier._replace(factor=factor)

    def _report_denier(self, openers: list[_Modifier], predicate: _Predicate) -> _Modifier | None:
        """A denial of the report whose "that" clause holds the predicate: "denied media reports that
        the two presidents are planning to meet"; its words may stand far from the predicate."""
        tokens = self.tokens
        for opener in reversed(openers):
            clause = opener.end
            if clause >= predicate.start or tokens[clause].lower != "that":
                continue
            deniers = self._occurrences(self.compiled.report_deniers, max(0, opener.start - 6), opener.start)
            if deniers:
                return self._denier_factor(deniers[-1])
        return None

    def _subject_negator(self, predicate: _Predicate, sentence: _Sentence) -> _Modifier | None:
        """ "no" opening the meeting's noun phrase as the predicate's subject: "no formal meeting
        between the two leaders had been agreed on", "no meeting with him is on the schedule"."""
        subject = predicate.span[0]
        if subject >= predicate.start:
            return self._clause_subject_negator(predicate, sentence)
        if subject not in sentence.segment_of:
            return None
        start = self._phrase_start(subject, sentence.segment_of[subject])
        before = start
        while before > sentence.start and self.tokens[before - 1].lower in _QUOTES:
            before -= 1
        found = self._occurrences(self.compiled.negators, max(sentence.start, before - 2), subject)
        for negator in found:
            opens = negator.start == start or negator.end in (start, before)
            if negator.phrase in _SUBJECT_NEGATORS and opens:
                return negator  # "never a meeting confirmed", "none of the meetings are scheduled"
        return None

    def _clause_subject_negator(self, predicate: _Predicate, sentence: _Sentence) -> _Modifier | None:
        """ "no" opening the noun phrase right before the predicate's verb group, at the start of
        its clause: "No representatives of the regime will be invited to the summit"."""
        segment = sentence.segment_of.get(predicate.start)
        if segment is None:
            return None
        head = self.verb_group_start(predicate.start, segment) - 1
        if head < segment[0] or not self._nounish(head):
            return None
        start = self._phrase_start(head, segment)
        negator = next(
            (
                found
                for found in self._occurrences(self.compiled.negators, start, head)
                if found.start == start
            ),
            None,
        )
        if negator is None or negator.phrase not in ("no", "none of"):
            return None
        if start > segment[0]:
            before = self.tokens[start - 1]
            opens = (
                before.lower in _QUOTES
                or before.lower in ("that", "and", "but")
                or (before.verb and self.is_class(start - 1, "AUXILIARY") < 0)
            )
            if not opens:
                return None  # "there is no doubt the leaders will meet"
        return negator

    def _negated_onset(self, predicate: _Predicate, sentence: _Sentence) -> _Modifier | None:
        """A noun predicate whose own verb says it has not begun or been settled: "preparation for
        this summit has not yet begun", "the invitation has never been confirmed"."""
        head = self.tokens[predicate.start]
        if predicate.family == _EVENT or not head.noun or self._verb_reading(predicate.start):
            return None
        index = max(predicate.end, predicate.span[1])
        limit = min(sentence.end, index + self.rules.reader.verb_group_window + 1)
        negator = None
        while index < limit:
            token = self.tokens[index]
            if token.lower in ("not", "never") and negator is None:
                found = self._occurrences(self.compiled.negators, index, index + 1)
                negator = found[0] if found else None
            elif not (self.is_class(index, "AUXILIARY") >= 0 or self.is_adverb(index)):
                break
            index += 1
        if negator is None or index >= sentence.end or self.is_class(index, "SETTLE") < 0:
            return None
        return negator

    def _negation_reaches(self, negator: _Modifier, target: int) -> int:
        """How many words stand between a negator and the predicate it may scope over (words
        listed as transparent count none); a large number when a noun or another verb takes
        the negation first ("have not had conversations about rescheduling")."""
        blocked = 1_000
        determiner_negator = negator.phrase in _DETERMINER_NEGATORS
        # "denied that a meeting had been arranged", "it is not true that the summit was cancelled":
        # the clause's subject does not take the negation.
        # A negated verb's object takes the negation whatever modifies it: "have not received the
        # final confirmation".
        after_transparent = (
            self.tokens[negator.start].verb
            or self.tokens[negator.end - 1].verb
            or negator.phrase.endswith(" that")
        )
        distance = 0
        index = negator.end
        while index < target:
            transparent = index + 1 if self.tokens[index].lower in self.compiled.transparent_words else -1
            if transparent > index:
                after_transparent = after_transparent or self.tokens[index].verb
                index = transparent
                continue
            token = self.tokens[index]
            if token.lower in _SEGMENT_END:
                return blocked
            if token.lower in ("and", "or") and self._clause_opens(index + 1):
                return blocked  # "the issue has been resolved and the invitation has been sent"
            if self._verb_before_gerund(index, target):
                distance += 1  # "not consider cancelling": the negation passes to the gerund
                index += 1
                continue
            function_word = (
                self.is_class(index, "AUXILIARY") >= 0
                or self.is_class(index, "DETERMINER") >= 0
                or self.is_class(index, "PREPOSITION") >= 0
                or self.is_adverb(index)
                or token.adjective
                or self._is_time(index)  # "will not next week travel"
            )
            if not function_word and self._nounish(index):
                if not (after_transparent or determiner_negator):
                    return blocked
                determiner_negator = False
                index = self._noun_run(index, target)
                distance += 1
                continue
            if not function_word and token.verb and not after_transparent:
                return blocked
            distance += 1
            index += 1
        return distance

    def _phrases_of(self, predicate: _Predicate) -> list[tuple]:
        if predicate.family == _EVENT:
            return []
        return [
            entry
            for entry in self.compiled.predicates.get(
                predicate.pattern.split()[0].split("|")[0].lstrip("="), ()
            )
            if entry[1] == predicate.pattern
        ]

    def _nearest(
        self, table, predicate: _Predicate, sentence: _Sentence, window: int, contrasts: list[_Modifier]
    ) -> _Modifier | None:
        # Only phrases within the window can be nearest (longest phrase: a few words).
        low = max(sentence.start, predicate.start - window - 6)
        high = min(sentence.end, predicate.end + window + 6)
        if self._contrast_starts is None or len(self._contrast_starts) != len(contrasts):
            self._contrast_starts = [contrast.start for contrast in contrasts]
        contrast_starts = self._contrast_starts
        nearby = contrasts[bisect_left(contrast_starts, low) : bisect_left(contrast_starts, high)]
        for contrast in nearby:
            if low <= contrast.start and contrast.end <= predicate.start:
                low = max(low, contrast.end)
            elif predicate.end <= contrast.start < high:
                high = min(high, contrast.start)
        best = None
        for modifier in self._occurrences(table, low, high):
            if predicate.start <= modifier.start < predicate.end:
                distance = 0
            elif modifier.end <= predicate.start:
                distance = predicate.start - modifier.end
            else:
                distance = modifier.start - predicate.end
            if distance <= window and (best is None or distance < best[0]):
                best = (distance, modifier)
        if best is None:
            return None
        modifier = best[1]
        if (
            modifier.phrase in ("may",)
            and self.tokens[modifier.start].capital
            and modifier.start != sentence.start
        ):
            return None  # the month
        factor = self.rules.modifiers.hedge_factor if table is self.compiled.hedges else modifier.factor
        return modifier._replace(factor=factor)

    def _when_condition(self, sentence: _Sentence) -> _Modifier | None:
        """A "when" clause after a word of readiness is a condition: "ready to meet with Zelensky
        when an agenda is prepared" (rules: when_conditions); elsewhere "when" tells a time."""
        settings = self.rules.modifiers
        if not settings.when_conditions:
            return None
        words = frozenset(settings.when_conditions)
        tokens = self.tokens
        for at in range(sentence.start, sentence.end):
            if tokens[at].lower == "when" and self._readiness_asked(at + 1, sentence):
                # "When President Zelensky is ready to truly engage for peace, he's welcome back":
                # the other side's readiness, a demand.
                factor = self.compiled.condition_factors.get("only if", settings.when_factor)
                return _Modifier(at, at + 1, "when", factor)
        for ready in range(sentence.start, sentence.end):
            if tokens[ready].lower not in words:
                continue
            for at in range(ready + 1, min(sentence.end, ready + self.rules.reader.argument_window)):
                if tokens[at].lower == "when":
                    return _Modifier(at, at + 1, "when", settings.when_factor)
                if tokens[at].lower in _SEGMENT_END:
                    break
        return None

    def _condition(self, predicate: _Predicate, sentence: _Sentence, direction: int) -> tuple[str, float]:
        """A condition in the sentence: inside its clause a signal is hypothetical; a hope that
        depends on it counts its factor, or turns round when the condition is said to be unmet."""
        compiled = self.compiled
        settings = self.rules.modifiers
        conditions = self._occurrences(compiled.conditions, sentence.start, sentence.end)
        if conditions:
            idioms = self._occurrences(compiled.not_conditions, sentence.start, sentence.end)
            conditions = [c for c in conditions if not any(i.start <= c.start < i.end for i in idioms)]
        if sentence.start not in self._when_by_sentence:
            self._when_by_sentence[sentence.start] = self._when_condition(sentence)
        when = self._when_by_sentence[sentence.start]
        if when is not None:
            conditions = sorted([*conditions, when], key=lambda condition: condition.start)
        if not conditions:
            return "", 1.0
        for condition in conditions:
            inside_factor = compiled.inside_factors.get(condition.phrase, settings.hypothetical_factor)
            clause_end = (
                sentence.segment_of.get(condition.end, (0, sentence.end))[1]
                if condition.end < sentence.end
                else sentence.end
            )
            if condition.end <= predicate.start < clause_end:  # "unsure" of "unsure if" is outside
                if inside_factor == 0.0 and self._about_open_question(predicate):
                    continue  # "Whether the summit will go ahead remains unclear": the doubt is said
                if direction > 0 and condition.phrase not in compiled.inside_factors:
                    # "If he attends, he will raise human rights": the meeting is supposed, not said.
                    inside_factor = settings.hypothetical_positive_factor
                return f"inside '{condition.phrase}'", inside_factor
        if direction < 0:
            return "", 1.0
        condition = conditions[0]
        unmet = self._occurrences(compiled.unmet, condition.end, len(self.tokens))
        if unmet:
            return f"'{condition.phrase}', unmet: '{unmet[0].phrase}'", settings.unmet_factor
        if 0 < condition.factor < 1 and self._demands(condition, sentence):
            factors = compiled.condition_factors
            return f"'{condition.phrase}', a demand", factors.get("only if", condition.factor)
        if condition.phrase == "if" and predicate.start < condition.start:
            # "would only make sense if ...": "only" in the clause before "if" makes it "only if".
            between = range(max(sentence.start, predicate.start - 3), condition.start)
            factors = compiled.condition_factors
            if "only if" in factors and any(self.tokens[at].lower == "only" for at in between):
                return "'only ... if'", factors["only if"]
        return f"'{condition.phrase}'", condition.factor

    def _demands(self, condition: _Modifier, sentence: _Sentence) -> bool:
        """Whether a condition's clause asks the other side to give something first, a verb of
        CONCESSION within its first words: "once they verifiably suspend", "if he stops" ("if he
        could make a stop" names a stop, not a demand)."""
        if self._readiness_asked(condition.end, sentence):
            return True
        end = min(sentence.end, condition.end + 6)
        for at in range(condition.end, end):
            if self.tokens[at].lower in _SEGMENT_END:
                return False
            if self.is_class(at, "CONCESSION") >= 0 and self.tokens[at].verb:
                return self.is_class(at - 1, "DETERMINER") < 0
        return False

    def _readiness_asked(self, start: int, sentence: _Sentence) -> bool:
        """Whether the clause from `start` says someone other than the speaker is ready, within
        its first words ("if Zelensky is ready", "when they are willing to talk"): a condition on
        the other side, not on a date."""
        if start >= sentence.end:
            return False
        first = self.tokens[start]
        if first.lower in ("i", "we") or not (first.capital or self.is_class(start, "SUBJECT") >= 0):
            return False  # "when an agenda is prepared": a thing made ready, not a side
        end = min(sentence.end, start + 6)
        for at in range(start + 1, end):
            token = self.tokens[at]
            if token.lower in _SEGMENT_END:
                return False
            if self.is_class(at, "READINESS") >= 0 and self.is_class(at - 1, "BE") >= 0:
                return True
        return False


def _give_way(kept: list, describing: set[int]) -> list:
    """The kept readings without those at the `describing` positions whose sentence has a reading
    of another kind: what describes the meeting counts only when nothing else says what happens."""
    if not describing:
        return kept
    return [
        entry
        for position, entry in enumerate(kept)
        if position not in describing
        or not any(
            other[1] is entry[1] and other_position not in describing
            for other_position, other in enumerate(kept)
        )
    ]


def _without_quote_marks(tokens: list[Token], offsets: list[int]) -> tuple[list[Token], list[int]]:
    """The tokens without double quotation marks: a phrase quoted inside a sentence is read as
    its words ("he was "really not aware" of such a visit"). Single marks stay: they are also
    apostrophes ("the leaders' summit"). With each kept token's offset (chunk_tokens)."""
    if not any(token.text in _DOUBLE_QUOTES for token in tokens):
        return tokens, offsets
    kept = [index for index, token in enumerate(tokens) if token.text not in _DOUBLE_QUOTES]
    return [tokens[index] for index in kept], [offsets[index] for index in kept]


def _without_asides(
    tokens: list[Token], offsets: list[int], meeting_words: frozenset[str] = frozenset()
) -> tuple[list[Token], list[int]]:
    """The tokens without short asides in parentheses, which sit inside a phrase and say nothing
    of it: "no (separate) meeting is planned", "Xi Jinping (習近平) will meet". A clause in
    parentheses ("(before they meet)") is read; one word is never a clause; an aside that names
    the meeting is read too ("any chance that (the trip) would be canceled"). With each kept
    token's offset (chunk_tokens)."""
    if not any(token.text == "(" for token in tokens):
        return tokens, offsets
    kept: list[int] = []
    index = 0
    while index < len(tokens):
        close = _aside_end(tokens, index)
        if close > index:
            inside = tokens[index + 1 : close]
            if any(not token.lemmas.isdisjoint(meeting_words) for token in inside):
                kept.extend(range(index + 1, close))  # its words, without the marks that would end the clause
            index = close + 1
            continue
        kept.append(index)
        index += 1
    return [tokens[index] for index in kept], [offsets[index] for index in kept]


def _aside_end(tokens: list[Token], index: int) -> int:
    """The index of the ")" closing an aside that opens at `index`, or -1."""
    if tokens[index].text != "(":
        return -1
    limit = min(len(tokens), index + _ASIDE_WORDS + 2)
    close = next((at for at in range(index + 1, limit) if tokens[at].text == ")"), -1)
    inside = tokens[index + 1 : close] if close > index + 1 else []
    clause = len(inside) > 1 and any(
        (token.verb and not (token.noun or token.adjective)) or token.lower in _PRONOUNS for token in inside
    )
    return -1 if not inside or clause else close


def _exact(tokens: Sequence[Token], index: int, words: _ExactWords, limit: int) -> int:
    """The end of a modifier phrase matched word for word (forms, not lemmas) from `index`, or -1;
    its words as `_exact_words` gives them."""
    position = index
    for values, optional in words:
        if position >= limit:
            return -1
        if tokens[position].lower in values:
            position += 1
        elif not optional:
            return -1
    return position


def _exact_words(words: tuple) -> _ExactWords:
    """A modifier phrase's words as `_exact` compares them: each word's values (of whatever kind:
    modifiers match forms) and whether it may be missing."""
    return tuple((frozenset(value for _, value in word.alternatives), word.optional) for word in words)


def _by_first_word(table: Sequence[tuple]) -> dict[str, list[tuple[_ExactWords, str, float]]]:
    index: dict[str, list[tuple[_ExactWords, str, float]]] = {}
    for entry in table:
        factor = entry[2] if len(entry) > 2 else 1.0
        for _, value in entry[0][0].alternatives:
            index.setdefault(value, []).append((_exact_words(entry[0]), entry[1], factor))
    return index


def _contrast_pivot(contrasts: Sequence[_Modifier], predicates: Sequence[_Predicate]) -> _Modifier | None:
    """The last contrast word with signals on both sides, or None."""
    if not predicates:
        return None
    first_end = min(predicate.end for predicate in predicates)
    last_start = max(predicate.start for predicate in predicates)
    for contrast in reversed(contrasts):
        if first_end <= contrast.start and last_start >= contrast.end:
            return contrast
    return None


def read_text(text: str, rules: Rules) -> list[Reading]:
    """Every signal of one statement, in text order."""
    compiled = compile_reader(rules)
    text = text[: rules.reader.max_characters]
    chunks = text.split()  # the prefilter and the tokens are worked out per distinct chunk
    if not compiled.may_read(chunks):  # may_have_signal and text_keys, per chunk
        return []
    return _Statement(text, compiled, chunks).read()
