"""Words as the clause reader sees them: tokens with their lemmas, and the phrase language of the rules.

A phrase (a predicate of a family, or an entry of a word class) is words separated by spaces:
    cancel      the lemma: every inflection matches (cancels, cancelled, canceling)
    =talks      exactly this form
    {MEETING}   any entry of the word class MEETING (entries may be phrases themselves)
    a|b         either alternative
    x?          the word may be missing
Lemmas come from lemminflect's tables (shipped in its wheel), looked up once per distinct word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, NamedTuple

import lemminflect

# Initials with their stops ("U.S."), words, numbers with their ordinal ("12th"), hyphenated words,
# contractions as one token for now; every other non-space character is a token of its own.
# Letters and digits of any script ("Chávez", "Erdoğan" are one word each), not only ASCII ones.
RAW_TOKEN: Final = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'\u2019.][^\W_]+)*|\S")
_CLASS_REF: Final = re.compile(r"^\{([A-Z][A-Z0-9_]*)\}$")
_WORD: Final = re.compile(r"^(?:=?[a-z0-9'][a-z0-9'\-.]*|\{[A-Z][A-Z0-9_]*\})$")
# Contractions split the way the reader wants them: the verb and its negation or auxiliary.
_NEGATED_BASES: Final = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
_CLITICS: Final = {"'ll": "will", "'re": "are", "'ve": "have", "'m": "am", "'d": "would", "'s": "'s"}
# Which reading of a word its lemma comes from first, when lemminflect knows several.
_LEMMA_ORDER: Final = ("VERB", "AUX", "NOUN", "ADJ", "ADV", "PROPN")
# How many distinct words a matcher remembers the classes of.
MAX_CACHED_WORDS: Final = 200_000


class PhraseSyntaxError(ValueError):
    """A phrase that does not follow the phrase language."""


@dataclass(frozen=True)
class Word:
    """One word of a phrase: alternatives as ("lemma" | "form" | "class", value), maybe optional."""

    alternatives: tuple[tuple[str, str], ...]
    optional: bool = False
    # Whether an alternative is a word class (determiners and adjectives may stand before one).
    has_class: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "has_class", any(kind == "class" for kind, _ in self.alternatives))


def parse_phrase(phrase: str, classes: Mapping[str, object] | None = None) -> tuple[Word, ...]:
    """Parse a phrase; raise PhraseSyntaxError if it breaks the language (or names an unknown class)."""
    words = phrase.replace("\u2019", "'").split()
    if not words:
        raise PhraseSyntaxError("empty phrase")
    parsed = []
    for text in words:
        optional = text.endswith("?") and len(text) > 1
        body = text[:-1] if optional else text
        alternatives = []
        for part in body.split("|"):
            if not _WORD.match(part):
                raise PhraseSyntaxError(f"malformed word {part!r}")
            class_ref = _CLASS_REF.match(part)
            if class_ref:
                if classes is not None and class_ref.group(1) not in classes:
                    raise PhraseSyntaxError(f"unknown word class {part}")
                alternatives.append(("class", class_ref.group(1)))
            elif part.startswith("="):
                alternatives.append(("form", part[1:]))
            else:
                alternatives.append(("lemma", part))
        parsed.append(Word(alternatives=tuple(alternatives), optional=optional))
    if all(word.optional for word in parsed):
        raise PhraseSyntaxError("every word is optional, so it could match nothing")
    if parsed[0].optional:
        raise PhraseSyntaxError("a phrase must start with a required word")
    return tuple(parsed)


def word_keys(word: Word) -> frozenset[str]:
    """The keys (PhraseMatcher.keys) of which a token needs one to be this word: "=form", "lemma"
    or "{CLASS}"."""
    return frozenset(
        f"={value}" if kind == "form" else f"{{{value}}}" if kind == "class" else value
        for kind, value in word.alternatives
    )


def requirement(phrase: Sequence[Word]) -> tuple[frozenset[str], ...]:
    """Per required word of a phrase, the keys of which some token must have for it to match: a
    text or segment whose tokens' keys miss one of them (PhraseMatcher.keys, all tokens together)
    holds no match of the phrase."""
    return tuple(word_keys(word) for word in phrase if not word.optional)


class Token(NamedTuple):  # a tuple: made for every word of every statement
    """A word of a statement: where it is, its lower-case form, its lemmas and what it can be."""

    text: str
    lower: str
    start: int
    end: int
    lemmas: frozenset[str]
    noun: bool  # lemminflect knows it as a noun, or it is a name written with a capital
    verb: bool
    capital: bool
    adjective: bool  # only an adjective (or a hyphenated word the tables do not know)
    adjectival: bool  # an adjective among its readings ("good", "brief": nouns too)


_HAVE_FORMS: Final = frozenset({"have", "has", "had", "having", "'ve", "'d"})


# Determiners that open a noun phrase: after an adjective they start another one ("made clear
# that any meeting would depend on ..." makes no meeting).
_ARTICLES: Final = frozenset(
    {
        "the",
        "a",
        "an",
        "that",
        "this",
        "these",
        "those",
        "any",
        "his",
        "her",
        "their",
        "our",
        "my",
        "its",
        "your",
        "some",
        "no",
        "every",
        "each",
    }
)


def _perfect_participle(tokens: Sequence[Token], index: int) -> bool:
    """A word in -ed right after a form of "have" is a verb ("had proposed"), whatever else it can be."""
    return index > 0 and tokens[index].lower.endswith("ed") and tokens[index - 1].lower in _HAVE_FORMS


@lru_cache(maxsize=200_000)
def _readings(lower: str) -> tuple[frozenset[str], bool, bool, bool, bool]:
    """The lemmas of a lower-case word (itself included), whether it can be a noun, a verb,
    whether it is only an adjective, and whether it can be one."""
    found = lemminflect.getAllLemmas(lower)
    lemmas = {lower}
    for pos in _LEMMA_ORDER:
        lemmas.update(found.get(pos, ()))
    # A hyphenated word the tables do not know is a noun as well as an adjective: "the sit-down",
    # "a tete-a-tete" are meetings; "a three-day visit" keeps it before the noun.
    noun = "NOUN" in found or "PROPN" in found or (not found and "-" in lower)
    verb = "VERB" in found or "AUX" in found
    adjective = (set(found) <= {"ADJ", "ADV"} and "ADJ" in found) or (not found and "-" in lower)
    return frozenset(lemmas), noun, verb, adjective, "ADJ" in found


def _pieces(text: str, start: int) -> list[tuple[str, int, int]]:
    """A raw token split into the words the reader wants: "won't" -> will + not, "we'll" -> we + will."""
    lower = text.lower().replace("\u2019", "'")
    end = start + len(text)
    if lower.endswith("n't") and len(lower) > 3:
        base = lower[:-3]
        return [(_NEGATED_BASES.get(base, base), start, end - 3), ("not", end - 3, end)]
    if lower == "cannot":
        return [("can", start, start + 3), ("not", start + 3, end)]
    for clitic, full in _CLITICS.items():
        if lower.endswith(clitic) and len(lower) > len(clitic):
            cut = end - len(clitic)
            return [(lower[: -len(clitic)], start, cut), (full, cut, end)]
    return [(lower, start, end)]


_Words = tuple[tuple[str, int, int, frozenset[str], bool, bool, bool, bool, bool], ...]
# Each distinct chunk's tokens as if it began the text (`_chunk_tokens`), a chunk being what
# str.split() cuts a text into: no raw token holds white space (none of RAW_TOKEN's classes
# matches it), so a text's tokens are its chunks' in turn, moved to where each chunk is. The
# regular expression, slow next to a dict look-up (about a fifth of a real statement's reading),
# then runs once per distinct chunk instead of once per text, and the tokens' texts are shared.
_CHUNK_TOKENS: Final[dict[str, tuple[Token, ...]]] = {}


def tokenize(text: str) -> list[Token]:
    """The statement's tokens in order; punctuation marks are tokens too."""
    tokens: list[Token] = []
    append = tokens.append
    shared = _CHUNK_TOKENS
    position = 0
    for chunk in text.split():
        offset = text.find(chunk, position)  # only white space lies between: this chunk's place
        position = offset + len(chunk)
        found = shared.get(chunk)
        if found is None:
            found = _chunk_tokens(chunk)
        if offset == 0:
            tokens.extend(found)
            continue
        for piece, lower, start, end, lemmas, noun, verb, capital, adjective, adjectival in found:
            # tuple.__new__ skips the named tuple's own __new__ (a Python call per token).
            append(
                _new_tuple(
                    Token,
                    (
                        piece,
                        lower,
                        start + offset,
                        end + offset,
                        lemmas,
                        noun,
                        verb,
                        capital,
                        adjective,
                        adjectival,
                    ),
                )
            )
    return tokens


_new_tuple: Final = tuple.__new__


def chunk_tokens(text: str, chunks: list[str] | None = None) -> tuple[list[Token], list[int]]:
    """The statement's tokens as `tokenize` cuts them, each distinct chunk's own and shared, so
    their start and end are within their chunk; and for each token, where its chunk starts in the
    text (a token's place in the text is its start and end moved by that much). Nothing is made
    per token: the reader needs a place only for the few tokens that begin or end a signal.
    `chunks`: text.split(), when the caller has it."""
    tokens: list[Token] = []
    offsets: list[int] = []
    shared = _CHUNK_TOKENS
    position = 0
    for chunk in text.split() if chunks is None else chunks:
        offset = text.find(chunk, position)  # only white space lies between: this chunk's place
        position = offset + len(chunk)
        found = shared.get(chunk)
        if found is None:
            found = _chunk_tokens(chunk)
        tokens.extend(found)
        for _ in found:
            offsets.append(offset)
    return tokens, offsets


def _ly_adverb(token: Token) -> bool:
    """A word in -ly that is no noun, an adverb between a phrase's words ("depend largely on")."""
    lower = token.lower
    return lower.endswith("ly") and len(lower) > 4 and not token.noun


def _chunk_tokens(chunk: str) -> tuple[Token, ...]:
    """A chunk's tokens (each raw token's words, `_words_of`), with offsets in the chunk."""
    if len(_CHUNK_TOKENS) >= MAX_CACHED_WORDS:
        _CHUNK_TOKENS.clear()  # a bound, for a server that reads text for months
    tokens = []
    for match in RAW_TOKEN.finditer(chunk):
        offset = match.start()
        for lower, start, end, lemmas, noun, verb, capital, adjective, adjectival in _words_of(match.group()):
            start, end = start + offset, end + offset
            tokens.append(
                Token(chunk[start:end], lower, start, end, lemmas, noun, verb, capital, adjective, adjectival)
            )
    found = _CHUNK_TOKENS[chunk] = tuple(tokens)
    return found


@lru_cache(maxsize=MAX_CACHED_WORDS)
def _words_of(raw: str) -> _Words:
    """A raw token's words with their offsets in it and their readings, once per distinct token."""
    words = []
    capital = raw[:1].isupper()
    for lower, start, end in _pieces(raw, 0):
        lemmas, noun, verb, adjective, adjectival = _readings(lower)
        if capital and not noun and not verb and lower.replace("-", "").replace(".", "").isalpha():
            noun, adjective = True, False  # a name the tables do not know: "Singapore", "Zelensky"
        words.append((lower, start, end, lemmas, noun, verb, capital, adjective, adjectival))
    return tuple(words)


class PhraseMatcher:
    """Finds phrases of the phrase language in token lists; classes may nest phrases."""

    def __init__(
        self,
        classes: Mapping[str, Sequence[str]],
        *,
        skippable: frozenset[str],
        modifiers: frozenset[str],
        gap: int,
    ):
        # Each class's entries by their first word (a lemma or form), and those that start with a
        # class: a token looks up only the entries that can start with it.
        # One-word entries are sets of forms and lemmas, tested at once.
        self._by_first: dict[str, dict[str, list[tuple[Word, ...]]]] = {}
        self._by_first_class: dict[str, list[tuple[str, tuple[Word, ...]]]] = {}
        self._single_forms: dict[str, frozenset[str]] = {}
        self._single_lemmas: dict[str, frozenset[str]] = {}
        for name, entries in classes.items():
            by_first = self._by_first[name] = {}
            starting_with_class = self._by_first_class[name] = []
            forms: set[str] = set()
            lemmas: set[str] = set()
            for entry in entries:
                phrase = parse_phrase(entry)
                single = len(phrase) == 1 and all(kind != "class" for kind, _ in phrase[0].alternatives)
                for kind, value in phrase[0].alternatives:
                    if single:
                        (forms if kind == "form" else lemmas).add(value)
                    elif kind == "class":
                        starting_with_class.append((value, phrase))
                    else:
                        by_first.setdefault(value, []).append(phrase)
            self._single_forms[name] = frozenset(forms)
            self._single_lemmas[name] = frozenset(lemmas)
        # Classes whose every entry is one plain word: a token is in one or not, whatever follows.
        self._plain = frozenset(
            name for name in classes if not self._by_first[name] and not self._by_first_class[name]
        )
        self._starts_of: dict[str, frozenset[str]] = {}
        self._keys_of: dict[str, frozenset[str]] = {}
        # Per (class, word): `_entries_starting`, once per distinct pair.
        self._entries_at: dict[tuple[str, str], tuple[bool, tuple[tuple[Word, ...], ...]]] = {}
        self._skippable = skippable
        self._modifiers = modifiers  # determiners, skipped (with adjectives) before a word class
        self._gap = gap

    def starts(self, token: Token) -> frozenset[str]:
        """The classes an entry of which can start with this token: one-word entries it is, and
        longer ones whose first word it can be. A word's lemmas follow from its form, so this is
        worked out once per distinct word."""
        found = self._starts_of.get(token.lower)
        if found is None:
            if len(self._starts_of) >= MAX_CACHED_WORDS:
                self._starts_of.clear()  # a bound, for a server that reads text for months
            found = self._starts_of[token.lower] = self._classes_started(token)
        return found

    def _classes_started(self, token: Token) -> frozenset[str]:
        keys = token.lemmas | {token.lower}
        started = {
            name
            for name, forms in self._single_forms.items()
            if token.lower in forms
            or not self._single_lemmas[name].isdisjoint(token.lemmas)
            or not keys.isdisjoint(self._by_first[name])
        }
        # Entries that start with a class start where that class does: until nothing is added.
        added = True
        while added:
            added = False
            for name, entries in self._by_first_class.items():
                if name not in started and any(first in started for first, _ in entries):
                    started.add(name)
                    added = True
        return frozenset(started)

    def keys(self, token: Token) -> frozenset[str]:
        """Everything a phrase's word can ask of this token, as `word_keys` spells it: its form,
        its lemmas and the classes it can start. A word none of whose keys a token has cannot
        match there (see `requirement`); worked out once per distinct word."""
        found = self._keys_of.get(token.lower)
        if found is None:
            if len(self._keys_of) >= MAX_CACHED_WORDS:
                self._keys_of.clear()
            classes = {f"{{{name}}}" for name in self.starts(token)}
            found = self._keys_of[token.lower] = frozenset({f"={token.lower}", *token.lemmas, *classes})
        return found

    def is_plain(self, name: str) -> bool:
        """Whether every entry of class `name` is one plain word (membership needs no context)."""
        return name in self._plain

    def in_class(self, tokens: Sequence[Token], index: int, name: str) -> int:
        """The end of the longest entry of class `name` starting at `index`, or -1."""
        token = tokens[index]
        if name not in self.starts(token):
            return -1
        key = (name, token.lower)
        found = self._entries_at.get(key)
        if found is None:
            found = self._entries_at[key] = self._entries_starting(token, name)
        single, entries = found
        best = index + 1 if single else -1
        if name in self._plain:
            return best
        candidates = list(entries)
        for first_class, phrase in self._by_first_class[name]:
            if self.in_class(tokens, index, first_class) >= 0:
                candidates.append(phrase)
        for phrase in candidates:
            best = max(best, self.match(tokens, index, phrase))
        return best

    def _entries_starting(self, token: Token, name: str) -> tuple[bool, tuple[tuple[Word, ...], ...]]:
        """Whether the token is a one-word entry of class `name`, and the longer entries whose first
        word (a form or lemma) it is: what `in_class` tries, whatever follows the token."""
        if len(self._entries_at) >= MAX_CACHED_WORDS:
            self._entries_at.clear()
        single = token.lower in self._single_forms[name] or not self._single_lemmas[name].isdisjoint(
            token.lemmas
        )
        by_first = self._by_first[name]
        entries = list(by_first.get(token.lower, ()))
        for lemma in token.lemmas:
            if lemma != token.lower:
                entries.extend(by_first.get(lemma, ()))
        return single, tuple(entries)

    def _word_end(self, tokens: Sequence[Token], index: int, word: Word) -> int:
        token = tokens[index]
        best = -1
        for kind, value in word.alternatives:
            if kind == "form":
                if token.lower == value:
                    best = max(best, index + 1)
            elif kind == "lemma":
                if value in token.lemmas:
                    best = max(best, index + 1)
            else:
                best = max(best, self.in_class(tokens, index, value))
        return best

    def match(
        self, tokens: Sequence[Token], index: int, phrase: Sequence[Word], limit: int | None = None
    ) -> int:
        """The end of `phrase` matched from `index` (adverbs may stand between its words), or -1."""
        limit = len(tokens) if limit is None else limit
        position = index
        for number, word in enumerate(phrase):
            found = -1
            probe = position
            before_class = word.has_class
            described = False  # an adjective skipped: an article after it opens another phrase
            # Before a class word one more: "a broad and substantive meeting".
            for _ in range((self._gap + 2 + before_class) if number else 1):
                if probe >= limit:
                    break
                found = self._word_end(tokens, probe, word)
                token = tokens[probe]
                skippable = (
                    token.lower in self._skippable
                    or _ly_adverb(token)
                    or (
                        before_class
                        and (
                            (token.lower in self._modifiers and not (described and token.lower in _ARTICLES))
                            or token.adjective
                            or token.adjectival  # "a good meeting": "good" is a noun too
                            or token.capital
                            or (described and token.lower == "and")  # "a broad and substantive meeting"
                        )
                    )
                )
                described = described or (token.adjectival and token.lower not in self._modifiers)
                if skippable and _perfect_participle(tokens, probe):
                    skippable = False  # "had proposed a summit" proposes one, it does not have one
                if found >= 0 or not skippable:
                    break
                probe += 1
            if found >= 0:
                position = found
            elif not word.optional:
                return -1
        return position
