"""The rule pattern language: parse a phrase pattern and compile it to a bounded regex.

A pattern is a sequence of slots separated by spaces (see data/signals.toml for the syntax).
The compiled regexes use only bounded quantifiers, no back-references and no look-around,
so a user-edited rules file cannot introduce catastrophic backtracking and the same
expressions run on RE2-style engines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Between two words of a phrase: spaces, dashes, quotes or brackets, but never a sentence end
# or comma, so "cancel, the summit" is two clauses. Bounded so matching stays linear.
SEPARATOR = r"[\s\-\u2013\u2014\"'\u201c\u201d()]{1,6}"
# Any word, for "..." gaps: letters, digits and apostrophes ("don't").
ANY_WORD = r"[\w']{1,40}"
GAP = "..."
MAX_GAPS = 2
_SLOT_CHARS = re.compile(r"^[\w'\-*=|{}?]+$")
_CLASS_REF = re.compile(r"^\{([A-Z][A-Z0-9_]*)\}$")
_VOWELS = frozenset("aeiou")
# Suffix inflection only for words this long; shorter ones are mostly function words ("to", "a").
_MIN_INFLECTED_LENGTH = 4


class PatternSyntaxError(ValueError):
    """A pattern that does not follow the pattern language."""


@dataclass(frozen=True)
class Slot:
    """One position of a pattern: alternatives (each a regex) and whether it may be skipped."""

    alternatives: tuple[str, ...]
    optional: bool = False
    gap: bool = False


def inflections(word: str, irregular: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The regular (and listed irregular) forms of a word: cancel -> cancels, cancelled, ..."""
    word = word.lower()
    forms = {word, *((irregular or {}).get(word, ()))}
    if word.endswith("ing"):
        forms.add(word + "s")  # meeting -> meetings; "meetinged" is not a word
    already_inflected = word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith("ss"))
    if not word.isalpha() or len(word) < _MIN_INFLECTED_LENGTH or already_inflected:
        return sorted(forms, key=lambda form: (-len(form), form))
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word + "s", word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "s", word + "es", word + "ed", word + "ing"}
        ends_short = word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS
        if ends_short and word[-3] not in _VOWELS:
            # plan -> planned, scrap -> scrapped, cancel -> cancelled (British spelling)
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms, key=lambda form: (-len(form), form))


def _alternation(options: Sequence[str]) -> str:
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def _word_regex(token: str, irregular: Mapping[str, Sequence[str]]) -> str:
    if token.startswith("="):
        return re.escape(token[1:].lower())
    if token.endswith("*"):
        return re.escape(token[:-1].lower()) + r"[\w']{0,30}"
    words = re.split(r"-", token)
    if len(words) > 1:
        return SEPARATOR.join(_word_regex(word, irregular) for word in words)
    return _alternation([re.escape(form) for form in inflections(token, irregular)])


def phrase_regex(phrase: str, irregular: Mapping[str, Sequence[str]] | None = None) -> str:
    """A plain phrase (lexicon entry), each word inflected, words joined by separators."""
    words = phrase.replace("\u2019", "'").split()
    return SEPARATOR.join(_word_regex(word, irregular or {}) for word in words)


def _validate_slot_text(text: str) -> None:
    if not _SLOT_CHARS.match(text):
        raise PatternSyntaxError(f"unexpected character in {text!r}")
    for part in text.split("|"):
        if part == "":
            raise PatternSyntaxError(f"empty alternative in {text!r}")
        if part.startswith("{") and not _CLASS_REF.match(part):
            raise PatternSyntaxError(f"malformed word class {part!r}")
        if part.count("*") > 1 or ("*" in part and not part.endswith("*")) or part == "*":
            raise PatternSyntaxError(f"'*' must end a word prefix, in {part!r}")
        if "=" in part and not (part.startswith("=") and len(part) > 1 and "=" not in part[1:]):
            raise PatternSyntaxError(f"'=' must start a word, in {part!r}")


def parse_slot(
    text: str, *, lexicon: Mapping[str, Sequence[str]], irregular: Mapping[str, Sequence[str]]
) -> Slot:
    """Parse one space-separated slot of a pattern."""
    if text == GAP:
        return Slot(alternatives=(), gap=True)
    optional = text.endswith("?")
    body = text[:-1] if optional else text
    if not body:
        raise PatternSyntaxError("'?' must follow a word")
    _validate_slot_text(body)
    alternatives: list[str] = []
    for part in body.split("|"):
        class_ref = _CLASS_REF.match(part)
        if class_ref:
            name = class_ref.group(1)
            if name not in lexicon:
                raise PatternSyntaxError(f"unknown word class {{{name}}}")
            alternatives.extend(phrase_regex(entry, irregular) for entry in lexicon[name])
        else:
            alternatives.append(_word_regex(part, irregular))
    return Slot(alternatives=tuple(alternatives), optional=optional)


def parse_pattern(
    pattern: str,
    *,
    lexicon: Mapping[str, Sequence[str]],
    irregular: Mapping[str, Sequence[str]] | None = None,
) -> list[Slot]:
    """Parse a pattern into slots; raise PatternSyntaxError if it breaks the language."""
    tokens = pattern.replace("\u2019", "'").split()
    if not tokens:
        raise PatternSyntaxError("empty pattern")
    slots = [parse_slot(token, lexicon=lexicon, irregular=irregular or {}) for token in tokens]
    if slots[0].gap or slots[-1].gap:
        raise PatternSyntaxError("'...' must stand between words")
    if any(a.gap and b.gap for a, b in zip(slots, slots[1:], strict=False)):
        raise PatternSyntaxError("two '...' in a row")
    if sum(slot.gap for slot in slots) > MAX_GAPS:
        # Each gap multiplies the ways a failing match can be retried; two keep it small.
        raise PatternSyntaxError(f"more than {MAX_GAPS} '...' gaps")
    if all(slot.optional or slot.gap for slot in slots):
        raise PatternSyntaxError("every word is optional, so it could match nothing")
    if slots[0].optional or slots[-1].optional:
        raise PatternSyntaxError("a pattern must start and end with a required word")
    return slots


def compile_slots(slots: Sequence[Slot], *, max_gap: int) -> str:
    """The regex for a parsed pattern, anchored at word boundaries."""
    regex = _alternation(list(slots[0].alternatives))
    for slot in slots[1:]:
        if slot.gap:
            regex += f"(?:{SEPARATOR}{ANY_WORD}){{0,{max_gap}}}"
            continue
        piece = SEPARATOR + _alternation(list(slot.alternatives))
        regex += f"(?:{piece})?" if slot.optional else piece
    return rf"\b{regex}\b"


def specificity(slots: Sequence[Slot]) -> int:
    """How many required words a pattern has: at the same start, the more specific wins."""
    return sum(1 for slot in slots if not slot.optional and not slot.gap)


def necessary_regex(slots: Sequence[Slot]) -> str:
    """A regex that matches wherever the pattern does (and maybe more), without '...' gaps.

    It is the pattern's most distinctive gap-free run of words: most required words, then fewest
    alternatives. Gaps make multi-pattern automata slow to build; a prefilter only needs a
    necessary condition, and the exact pattern is checked afterwards.
    """
    segments: list[list[Slot]] = [[]]
    for slot in slots:
        if slot.gap:
            segments.append([])
        else:
            segments[-1].append(slot)

    def trimmed(segment: list[Slot]) -> list[Slot]:
        start, end = 0, len(segment)
        while start < end and segment[start].optional:
            start += 1
        while end > start and segment[end - 1].optional:
            end -= 1
        return segment[start:end]

    candidates = [segment for segment in map(trimmed, segments) if segment]
    best = max(
        candidates,
        key=lambda segment: (specificity(segment), -sum(len(slot.alternatives) for slot in segment)),
    )
    return compile_slots(best, max_gap=0)


def modifier_regex(phrase: str) -> str:
    """The regex of a modifier phrase: exact words, no inflection; "n't" attaches to its word."""
    words = phrase.lower().replace("\u2019", "'").split()
    body = SEPARATOR.join(re.escape(word) for word in words)
    return rf"\B{body}\b" if words[0].startswith("n'") else rf"\b{body}\b"
