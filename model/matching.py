"""Matching: find signal phrases and their modifiers in statements, independent of any weight.

The result is a match table, one row per matched signal, carrying every modifier factor. Scoring
multiplies it by weights, so re-weighting never re-reads the text.
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from summit_outlook.model.patterns import (
    SEPARATOR,
    compile_slots,
    modifier_regex,
    necessary_regex,
    parse_pattern,
    phrase_regex,
    specificity,
)
from summit_outlook.model.prefilter import (
    HyperscanPhraseFinder,
    HyperscanPrefilter,
    build_phrase_finder,
    build_prefilter,
)
from summit_outlook.model.rules import Rules

MATCH_COLUMNS: tuple[str, ...] = (
    "statement",
    "family",
    "pattern",
    "start",
    "end",
    "matched",
    "negator",
    "negation_factor",
    "hedge",
    "hedge_factor",
    "intensifier",
    "intensifier_factor",
    "contrast",
    "contrast_factor",
    "repeat_factor",
    "modifier_factor",
    "hard_event",
)
# Statements are joined with this character for one pass of the regex over a whole batch; no
# pattern can match across it because separators and words exclude it.
_JOIN = "\x00"
_WORD = re.compile(r"[\w']+")
# Words as Hyperscan's ASCII word boundaries see them, so both modifier finders agree.
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+(?:'[A-Za-z0-9_]+)*")
_SEPARATOR = re.compile(SEPARATOR)
_SENTENCE_MARK = re.compile(r"[.!?;]")
_CONTEXT_CLASS = "CONTEXT"
# ASCII word rules, so that the prefilter (which has them) and Python's re agree exactly.
_FLAGS = re.IGNORECASE | re.ASCII


# A matched signal: start, end, family index, pattern, pattern index (in specificity order).
Signal = tuple[int, int, int, str, int]


class _Modifier(NamedTuple):  # a tuple: made and read a hundred thousand times per 1M statements
    kind: str  # "negator", "hedge", "intensifier" or "contrast"
    phrase: str
    factor: float
    start: int
    end: int


@dataclass(frozen=True)
class CompiledRules:
    """Rules turned into three regexes: signals, modifiers, and meeting context."""

    rules: Rules
    signals: re.Pattern[str]
    signal_groups: tuple[tuple[int, str], ...]  # group index -> (family index, pattern)
    # Modifier phrases by their first word, longest phrase first: (words, kind, phrase, factor).
    modifier_index: dict[str, tuple[tuple[tuple[str, ...], str, str, float], ...]]
    context: re.Pattern[str]
    self_negating: frozenset[str]  # patterns that spell out their own negation ("did not rule out")
    signal_regexes: tuple[str, ...]  # one per group, in the same (specificity) order
    prefilter: HyperscanPrefilter | None
    # The prefilter's extra expression that finds meeting-context words (its index), or None.
    context_id: int | None
    requires_context: np.ndarray  # per pattern (same order): whether its family needs context
    modifier_phrases: tuple[tuple[str, str, float], ...]  # (kind, phrase, factor), finder's order
    phrase_finder: HyperscanPhraseFinder | None
    _singles: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def signal_regex(self, pattern_id: int) -> re.Pattern[str]:
        """One signal pattern's own regex, compiled on first use."""
        regex = self._singles.get(pattern_id)
        if regex is None:
            regex = self._singles[pattern_id] = re.compile(self.signal_regexes[pattern_id], _FLAGS)
        return regex


# Compiled regexes per rules object; rules are immutable, so identity is a safe key. The entry
# keeps its rules object alive, so an id is never reused while it is cached.
_COMPILED: dict[int, CompiledRules] = {}


def compile_rules(rules: Rules) -> CompiledRules:
    """Compile every pattern of the rules into combined regexes (once per rules object)."""
    cached = _COMPILED.get(id(rules))
    if cached is None or cached.rules is not rules:
        if len(_COMPILED) > 32:
            _COMPILED.clear()
        cached = _COMPILED[id(rules)] = _compile(rules)
    return cached


def _compile(rules: Rules) -> CompiledRules:
    entries = []
    for family_index, family in enumerate(rules.families):
        for pattern in family.patterns:
            slots = parse_pattern(pattern, lexicon=rules.lexicon, irregular=rules.irregular)
            regex = compile_slots(slots, max_gap=rules.matching.max_gap)
            entries.append(
                (specificity(slots), len(pattern), family_index, pattern, regex, necessary_regex(slots))
            )
    # Leftmost match wins; at the same start the first alternative wins, so order by specificity.
    entries.sort(key=lambda entry: (-entry[0], -entry[1]))
    signal_regex = "|".join(f"(?P<s{i}>{entry[4]})" for i, entry in enumerate(entries))
    signal_groups = tuple((entry[2], entry[3]) for entry in entries)

    modifiers = rules.modifiers
    phrases: list[tuple[str, str, float]] = [
        *(("negator", n.phrase, n.factor) for n in modifiers.negators),
        *(("hedge", h, modifiers.hedge_factor) for h in modifiers.hedges),
        *(("intensifier", i, modifiers.intensifier_factor) for i in modifiers.intensifiers),
        *(("contrast", c, 1.0) for c in modifiers.contrasts),
    ]
    index: dict[str, list[tuple[tuple[str, ...], str, str, float]]] = {}
    for kind, phrase, factor in phrases:
        words = tuple(phrase.lower().replace("\u2019", "'").split())
        index.setdefault(words[0], []).append((words, kind, phrase, factor))
    modifier_index = {
        first: tuple(sorted(entries, key=lambda entry: -len(entry[0]))) for first, entries in index.items()
    }
    context_words = rules.lexicon.get(_CONTEXT_CLASS, [])
    context_pattern = "|".join(phrase_regex(word, rules.irregular) for word in context_words)
    context_regex = rf"\b(?:{context_pattern})\b" if context_pattern else r"(?!)"
    # The prefilter also looks for context words: its answer is exact (same word rules as re), so
    # statements whose only candidates need context they lack are never matched exactly, and no
    # statement needs a second pass for its context.
    prefilter_regexes = [entry[5] for entry in entries] + ([context_regex] if context_pattern else [])
    return CompiledRules(
        self_negating=frozenset(entry[3] for entry in entries if _spells_negation(entry[3], rules)),
        rules=rules,
        signals=re.compile(signal_regex, _FLAGS),
        signal_groups=signal_groups,
        modifier_index=modifier_index,
        context=re.compile(context_regex, _FLAGS),
        signal_regexes=tuple(entry[4] for entry in entries),
        prefilter=build_prefilter(prefilter_regexes),
        context_id=len(entries) if context_pattern else None,
        requires_context=np.array(
            [rules.families[entry[2]].requires_context for entry in entries], dtype=bool
        ),
        modifier_phrases=tuple(phrases),
        phrase_finder=build_phrase_finder([modifier_regex(phrase) for _, phrase, _ in phrases]),
    )


def _spells_negation(pattern: str, rules: Rules) -> bool:
    negating = {word for n in rules.modifiers.negators for word in n.phrase.lower().split()}
    for token in pattern.lower().replace("\u2019", "'").split():
        for word in token.strip("=?*").split("|"):
            if word in negating or word.endswith("n't") or word == "cannot":
                return True
    return False


def _is_sentence_end(text: str, position: int) -> bool:
    """Whether the mark at `position` ends a sentence; a period after "Oct", "Mr" or "U.S" does not."""
    if text[position] != ".":
        return True
    rest = text[position + 1 : position + 3].lstrip(" \"'\u201d)")
    if rest and not (rest[0].isupper() or rest[0] in "\"'\u201c"):
        return False
    word_start = position
    while (
        word_start > 0
        and position - word_start < 12
        and (text[word_start - 1].isalnum() or text[word_start - 1] == ".")
    ):
        word_start -= 1
    word = text[word_start:position]
    return not ("." in word or (word[:1].isupper() and len(word) <= 3))


# A modifier further than this many characters from its signal never applies. Windows are a few
# words, so nothing real is lost, and every check stays cheap on any input, however long.
MAX_MODIFIER_DISTANCE = 300
_FAR = 1 << 30


class _Layout:
    """One statement's signal spans and contrast words, for the questions modifiers ask.

    Each answer looks at a bounded stretch of text or does a binary search, so a megabyte of
    repeated negators costs n log n, not n^2.
    """

    def __init__(self, text: str, signals: Sequence[Signal]):
        self.text = text
        self.contrast_starts: list[int] = []  # set once the contrast words are known
        self.span_starts = [signal[0] for signal in signals]
        self.span_ends = [signal[1] for signal in signals]

    def words_between(self, start: int, end: int) -> int:
        if end <= start:
            return 0
        if end - start > MAX_MODIFIER_DISTANCE:
            return _FAR
        return len(_WORD.findall(self.text, start, end))

    def same_clause(self, a: int, b: int) -> bool:
        """No sentence end and no contrast word between the two positions."""
        low, high = min(a, b), max(a, b)
        if high - low > MAX_MODIFIER_DISTANCE:
            return False
        index = bisect_left(self.contrast_starts, low)
        if index < len(self.contrast_starts) and self.contrast_starts[index] < high:
            return False
        return not any(
            _is_sentence_end(self.text, mark.start())
            for mark in _SENTENCE_MARK.finditer(self.text, low, high)
        )

    def inside_a_signal(self, start: int, end: int) -> bool:
        index = bisect_right(self.span_starts, start) - 1
        if index >= 0 and self.span_ends[index] > start:
            return True
        following = index + 1
        return following < len(self.span_starts) and self.span_starts[following] < end


class _Sorted:
    """Modifiers of one kind, in text order, searchable by start and by end."""

    def __init__(self, modifiers: list[_Modifier]):
        self.items = modifiers
        self.starts = [modifier.start for modifier in modifiers]
        self.ends = [modifier.end for modifier in modifiers]

    def last_ending_by(self, position: int) -> _Modifier | None:
        index = bisect_right(self.ends, position) - 1
        return self.items[index] if index >= 0 else None

    def first_starting_from(self, position: int) -> _Modifier | None:
        index = bisect_left(self.starts, position)
        return self.items[index] if index < len(self.items) else None


def _nearest_before(layout: _Layout, candidates: _Sorted | None, start: int, window: int) -> _Modifier | None:
    """The closest modifier ending before `start`, if in the same clause and within `window` words."""
    if candidates is None:
        return None
    modifier = candidates.last_ending_by(start)
    if modifier is None or not layout.same_clause(modifier.end, start):
        return None
    return modifier if layout.words_between(modifier.end, start) <= window else None


def _nearest_around(
    layout: _Layout, candidates: _Sorted | None, span: tuple[int, int], window: int
) -> _Modifier | None:
    """The closest modifier before the span, else after it, within `window` words in its clause."""
    if candidates is None:
        return None
    start, end = span
    before = _nearest_before(layout, candidates, start, window)
    if before is not None:
        return before
    after = candidates.first_starting_from(end)
    if after is None or not layout.same_clause(end, after.start):
        return None
    return after if layout.words_between(end, after.start) <= window else None


def _modifiers_in(text: str, compiled: CompiledRules) -> list[_Modifier]:
    """Modifier phrases in the text, leftmost and longest first, never overlapping.

    Modifiers are literal word sequences, so a word-by-word look-up in a dict is exact and much
    faster than a regex alternation of every phrase.
    """
    index = compiled.modifier_index
    words = [(m.group().lower(), m.start(), m.end()) for m in _ASCII_WORD.finditer(text)]
    found: list[_Modifier] = []
    position = 0
    while position < len(words):
        word, start, end = words[position]
        taken = 0
        if word.endswith("n't") and word != "n't" and "n't" in index:
            _, kind, phrase, factor = index["n't"][0]
            found.append(_Modifier(kind, phrase, factor, end - 3, end))
            taken = 1
        for phrase_words, kind, phrase, factor in index.get(word, ()) if word != "n't" else ():
            last = position + len(phrase_words) - 1
            if last < len(words) and all(
                words[position + i][0] == phrase_words[i]
                and _SEPARATOR.fullmatch(text, words[position + i - 1][2], words[position + i][1])
                for i in range(1, len(phrase_words))
            ):
                found.append(_Modifier(kind, phrase, factor, start, words[last][2]))
                taken = len(phrase_words)
                break
        position += max(taken, 1)
    return found


def _leftmost_longest(hits: list[tuple[int, int, int]], compiled: CompiledRules) -> list[_Modifier]:
    """Non-overlapping phrase occurrences, leftmost first and longest at the same start."""
    chosen: list[_Modifier] = []
    last_end = -1
    for phrase_index, start, end in hits:  # the finder orders them by start, longest first
        if start >= last_end:
            kind, phrase, factor = compiled.modifier_phrases[phrase_index]
            chosen.append(_Modifier(kind, phrase, factor, start, end))
            last_end = end
    return chosen


def _modifiers_of(
    texts: Sequence[str], compiled: CompiledRules, *, use_prefilter: bool
) -> list[list[_Modifier]]:
    """The modifiers in each text: one Hyperscan pass over all of them, or word by word."""
    if compiled.phrase_finder is None or not use_prefilter:
        return [_modifiers_in(text, compiled) for text in texts]
    return [_leftmost_longest(hits, compiled) for hits in compiled.phrase_finder.find(texts)]


def _statement_rows(
    text: str,
    signals: list[Signal],
    found: list[_Modifier],
    compiled: CompiledRules,
    index: int,
) -> list[tuple]:
    """Modifier factors for every signal of one statement."""
    if not found:
        return _unmodified_rows(text, signals, compiled, index)
    return _modified_rows(text, signals, found, compiled, index)


def _modified_rows(
    text: str,
    signals: list[Signal],
    found: list[_Modifier],
    compiled: CompiledRules,
    index: int,
) -> list[tuple]:
    """`_statement_rows` in general: which modifier applies to which signal, and its factor."""
    settings = compiled.rules.modifiers
    layout = _Layout(text, signals)
    outside: dict[str, list[_Modifier]] = {"negator": [], "hedge": [], "intensifier": [], "contrast": []}
    negators_inside = []
    for modifier in found:
        if not layout.inside_a_signal(modifier.start, modifier.end):
            outside[modifier.kind].append(modifier)
        elif modifier.kind == "negator":
            negators_inside.append(modifier)
    contrasts = outside["contrast"]
    # Modifiers reach across commas ("meet again, at some point") but not across a sentence end
    # or a contrast word ("canceled it, but we'll do it in the future").
    layout.contrast_starts = [contrast.start for contrast in contrasts]
    negators, hedges, intensifiers = (
        _Sorted(outside[kind]) if outside[kind] else None for kind in ("negator", "hedge", "intensifier")
    )
    inside = _Sorted(negators_inside) if negators_inside else None
    pivot = _contrast_pivot(contrasts, signals)
    seen_per_family: dict[int, int] = {}
    rows = []
    for start, end, family_index, pattern, _ in signals:
        family = compiled.rules.families[family_index]
        negator = _nearest_before(layout, negators, start, settings.negation_window)
        if negator is None and inside is not None and pattern not in compiled.self_negating:
            # A negator inside a gap of the pattern: "a summit was not planned".
            candidate = inside.first_starting_from(start + 1)
            negator = candidate if candidate is not None and candidate.end <= end else None
        hedge = _nearest_around(layout, hedges, (start, end), settings.hedge_window)
        intensifier = _nearest_before(layout, intensifiers, start, settings.intensifier_window)
        hard_event = family.hard_event if negator is None and hedge is None else None
        contrast, contrast_factor = "", 1.0
        if pivot is not None:
            after = start >= pivot.end
            contrast = f"{'after' if after else 'before'} '{pivot.phrase}'"
            if after:
                contrast_factor = settings.contrast_after
            elif not hard_event:
                contrast_factor = settings.contrast_before
        repeat = seen_per_family.get(family_index, 0)
        seen_per_family[family_index] = repeat + 1
        repeat_factor = compiled.rules.scoring.repeat_decay**repeat
        negation_factor = negator.factor if negator else 1.0
        hedge_factor = hedge.factor if hedge else 1.0
        intensifier_factor = intensifier.factor if intensifier else 1.0
        rows.append(  # in MATCH_COLUMNS order
            (
                index,
                family.id,
                pattern,
                start,
                end,
                text[start:end],
                negator.phrase if negator else "",
                negation_factor,
                hedge.phrase if hedge else "",
                hedge_factor,
                intensifier.phrase if intensifier else "",
                intensifier_factor,
                contrast,
                contrast_factor,
                repeat_factor,
                negation_factor * hedge_factor * intensifier_factor * contrast_factor * repeat_factor,
                hard_event or "",
            )
        )
    return rows


def _unmodified_rows(text: str, signals: list[Signal], compiled: CompiledRules, index: int) -> list[tuple]:
    """`_statement_rows` of a statement with no modifier words at all (a third of those with a
    signal): every factor is 1 but the repeat decay, and each family's hard event stands."""
    families = compiled.rules.families
    decay = compiled.rules.scoring.repeat_decay
    seen_per_family: dict[int, int] = {}
    rows = []
    for start, end, family_index, pattern, _ in signals:
        family = families[family_index]
        repeat = seen_per_family.get(family_index, 0)
        seen_per_family[family_index] = repeat + 1
        repeat_factor = decay**repeat
        rows.append(  # in MATCH_COLUMNS order
            (
                *(index, family.id, pattern, start, end, text[start:end]),
                *("", 1.0, "", 1.0, "", 1.0, "", 1.0),
                *(repeat_factor, repeat_factor, family.hard_event or ""),
            )
        )
    return rows


def _contrast_pivot(contrasts: Sequence[_Modifier], signals: Sequence[Signal]) -> _Modifier | None:
    """The last contrast word with signals on both sides, or None."""
    if not signals:
        return None
    first_end, last_start = signals[0][1], signals[-1][0]
    for contrast in reversed(contrasts):
        if first_end <= contrast.start and last_start >= contrast.end:
            return contrast
    return None


def _joined_batch(texts: Sequence[str]) -> tuple[Sequence[str], str]:
    """The batch as one normalised string (statements separated by NUL), and the texts it joins."""
    joined = _JOIN.join(texts)
    if texts and joined.count(_JOIN) != len(texts) - 1:  # a statement contains a NUL itself
        texts = [text.replace(_JOIN, " ") for text in texts]
        joined = _JOIN.join(texts)
    return texts, joined.replace("\u2019", "'").replace("\u2018", "'")


def _signals_by_statement(
    texts: Sequence[str], joined: str, compiled: CompiledRules, *, use_prefilter: bool
) -> tuple[dict[int, list[Signal]], dict[int, str]]:
    """Signal matches grouped by statement, as (start, end, family index, pattern), and the
    normalised text of each statement that has any."""
    starts = _text_starts(texts)
    if compiled.prefilter is None or not use_prefilter:
        found = _scan_joined(joined, starts, compiled)
        cleaned = {owner: _text_of(owner, texts, joined, starts) for owner in found}
        with_context = {
            owner
            for owner, matches in found.items()
            if compiled.requires_context[[m[4] for m in matches]].any()
            and compiled.context.search(cleaned[owner]) is not None
        }
    else:
        found, cleaned, with_context = _scan_candidates(texts, joined, starts, compiled)
    grouped: dict[int, list[Signal]] = {}
    for owner, matches in found.items():
        if owner not in with_context:
            matches = [match for match in matches if not compiled.requires_context[match[4]]]
        if matches:
            grouped[owner] = matches
    return grouped, cleaned


def _text_starts(texts: Sequence[str]) -> np.ndarray:
    """Where each text starts in the NUL-joined batch, in characters."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    return np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)


def _text_of(owner: int, texts: Sequence[str], joined: str, starts: np.ndarray) -> str:
    """A statement's normalised text: its slice of the normalised batch."""
    start = int(starts[owner])
    return joined[start : start + len(texts[owner])]


def _scan_candidates(
    texts: Sequence[str], joined: str, starts: np.ndarray, compiled: CompiledRules
) -> tuple[dict[int, list[Signal]], dict[int, str], set[int]]:
    """Exact matching of the statements the prefilter picked, with only the patterns it found;
    also which statements have a meeting-context word (the prefilter's exact answer)."""
    owners, ids = compiled.prefilter.candidates(texts, joined)
    is_context = ids == (-1 if compiled.context_id is None else compiled.context_id)
    context_owners = owners[is_context]
    owners, ids = owners[~is_context], ids[~is_context]
    found: dict[int, list[Signal]] = {}
    cleaned: dict[int, str] = {}
    if len(owners) == 0:
        return found, cleaned, set(context_owners.tolist())
    # Pairs come ordered by statement: each statement's patterns are one run of `ids`.
    firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    group_owners = owners[firsts]
    needs_context = np.logical_and.reduceat(compiled.requires_context[ids], firsts)
    worth_matching = ~needs_context | np.isin(group_owners, context_owners, assume_unique=True)
    bounds = np.r_[firsts, len(ids)].tolist()
    pattern_ids = ids.tolist()
    for group in np.flatnonzero(worth_matching).tolist():
        owner = int(group_owners[group])
        text = _text_of(owner, texts, joined, starts)
        matches = _leftmost_first(text, pattern_ids[bounds[group] : bounds[group + 1]], compiled)
        if matches:
            found[owner] = matches
            cleaned[owner] = text
    return found, cleaned, set(context_owners.tolist())


def _leftmost_first(text: str, pattern_ids: list[int], compiled: CompiledRules) -> list[Signal]:
    """What `finditer` of the combined alternation of these patterns would find, without building it.

    At each step the match starting first wins, and at the same start the pattern earlier in the
    specificity order, exactly as in an alternation; a pattern's next match is searched again only
    once the scan has moved past the one it already found.
    """
    if len(pattern_ids) == 1:  # most candidates: finditer does the same, in C
        pattern_id = pattern_ids[0]
        group = compiled.signal_groups[pattern_id]
        found = compiled.signal_regex(pattern_id).finditer(text)
        return [(match.start(), match.end(), *group, pattern_id) for match in found]
    regexes = [compiled.signal_regex(pattern_id) for pattern_id in pattern_ids]
    upcoming = [regex.search(text) for regex in regexes]
    matches = []
    while True:
        best = None
        for index, match in enumerate(upcoming):
            if match is not None and (best is None or match.start() < upcoming[best].start()):
                best = index
        if best is None:
            return matches
        chosen = upcoming[best]
        pattern_id = pattern_ids[best]
        matches.append((chosen.start(), chosen.end(), *compiled.signal_groups[pattern_id], pattern_id))
        position = chosen.end()
        for index, match in enumerate(upcoming):
            if match is not None and match.start() < position:
                upcoming[index] = regexes[index].search(text, position)


def _scan_joined(joined: str, starts: np.ndarray, compiled: CompiledRules) -> dict[int, list[Signal]]:
    """Without a prefilter: one pass of the combined regex over the joined batch."""
    hits = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in compiled.signals.finditer(joined)]
    if not hits:
        return {}
    hit_starts = np.fromiter((hit[0] for hit in hits), dtype=np.int64, count=len(hits))
    owners = np.searchsorted(starts, hit_starts, side="right") - 1
    found: dict[int, list[Signal]] = {}
    for (start, end, group), owner in zip(hits, owners.tolist(), strict=True):
        base = int(starts[owner])
        found.setdefault(owner, []).append((start - base, end - base, *compiled.signal_groups[group], group))
    return found


def match_texts(texts: Sequence[str], rules: Rules, *, use_prefilter: bool = True) -> pd.DataFrame:
    """The match table for a batch of statements: one row per signal found, in text order.

    `use_prefilter=False` matches with Python's re alone: same result, slower (for tests).
    """
    return match_frame(match_columns(texts, rules, use_prefilter=use_prefilter))


def match_columns(texts: Sequence[str], rules: Rules, *, use_prefilter: bool = True) -> dict[str, Any]:
    """The match table's columns by name (MATCH_COLUMNS), before they become a frame: numbers as
    numpy arrays, text as tuples of str. Scoring a batch reads them directly (see score_texts)."""
    compiled = compile_rules(rules)
    with _cycle_collector_paused():
        texts, joined = _joined_batch(texts)
        found, normalised = _signals_by_statement(texts, joined, compiled, use_prefilter=use_prefilter)
        owners = sorted(found)
        cleaned = [normalised[owner] for owner in owners]
        modifiers = _modifiers_of(cleaned, compiled, use_prefilter=use_prefilter)
        rows: list[tuple] = []
        for owner, text, owner_modifiers in zip(owners, cleaned, modifiers, strict=True):
            rows.extend(_statement_rows(text, found[owner], owner_modifiers, compiled, owner))
        return _columns(rows)


# Batches being matched now (any thread), and whether the collector ran before the first began.
_PAUSES = {"count": 0, "collector_was_on": False}
_PAUSES_LOCK = threading.Lock()


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is matched.

    Matching builds hundreds of thousands of small objects that never form cycles (match tuples,
    modifier records, per-statement lists); the collector walked them all again and again, a
    quarter of the time at 1M statements (5.6 s instead of 7.7 s without it, measured).
    Reference counting still frees everything at once. Batches in other threads are counted,
    so the collector comes back, as it was, when the last one ends.
    """
    with _PAUSES_LOCK:
        if _PAUSES["count"] == 0:
            _PAUSES["collector_was_on"] = gc.isenabled()
            gc.disable()
        _PAUSES["count"] += 1
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            _PAUSES["count"] -= 1
            if _PAUSES["count"] == 0 and _PAUSES["collector_was_on"]:
                gc.enable()


_INT_COLUMNS = frozenset({"statement", "start", "end"})
_FLOAT_COLUMNS = frozenset(
    {
        "negation_factor",
        "hedge_factor",
        "intensifier_factor",
        "contrast_factor",
        "repeat_factor",
        "modifier_factor",
    }
)


def _columns(rows: list[tuple]) -> dict[str, Any]:
    """Rows in MATCH_COLUMNS order as columns: numbers as numpy arrays, text as tuples."""
    values = list(zip(*rows, strict=True)) if rows else [()] * len(MATCH_COLUMNS)
    columns: dict[str, Any] = {}
    for name, column in zip(MATCH_COLUMNS, values, strict=True):
        if name in _INT_COLUMNS:
            columns[name] = np.array(column, dtype=np.int64)
        elif name in _FLOAT_COLUMNS:
            columns[name] = np.array(column, dtype=np.float64)
        else:
            columns[name] = column
    return columns


def match_frame(columns: dict[str, Any]) -> pd.DataFrame:
    """Match columns (and any added ones, such as contributions) as a frame, text as pandas' str.

    Built column by column with final types: a third of the cost of building it from records
    and converting after, which dominated small batches.
    """
    arrays = {
        name: _text_array(column) if isinstance(column, tuple) else column for name, column in columns.items()
    }
    return pd.DataFrame(arrays, copy=False)


# pandas' default text type; when Arrow stores it, an Arrow array is wrapped directly, three
# times faster than pd.array's per-value checks (which are most of a small batch's table cost).
_STR = pd.array([], dtype="str").dtype
_ARROW_TEXT = isinstance(_STR, pd.StringDtype) and _STR.storage == "pyarrow"


def _text_array(values: tuple[str, ...]) -> Any:
    if _ARROW_TEXT:
        import pyarrow

        return pd.arrays.ArrowStringArray(pyarrow.array(values, type=pyarrow.large_string()), dtype=_STR)
    return pd.array(values, dtype="str")
