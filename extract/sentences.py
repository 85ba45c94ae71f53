"""Paragraphs, quotations and sentences: how an article is split before anything is matched."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from summit_outlook.extract.rules import SentenceRules
from summit_outlook.extract.tokens import (
    _CLOSING_MARKS,
    _PARAGRAPH_END,
    _SENTENCE_END,
    _TOKEN_RE,
    _Lexicon,
    _Token,
    _TokenKind,
    _word,
)


def _split_paragraphs(article: str, rules: SentenceRules) -> list[str]:
    """Paragraphs: blank lines separate them; a long line cut mid-sentence is joined on."""
    paragraphs: list[str] = []
    current: list[str] = []
    lines = article.splitlines()
    # One long line per paragraph (a web page) is never joined; short lines may be wrapping.
    wrapped = max((len(line) for line in lines), default=0) <= rules.wrap_max_chars
    for raw_line in lines:
        line = " ".join(raw_line.split())
        mark, _, rest = line.partition(" ")
        bullet = bool(rest) and mark in rules.bullet_marks
        if bullet:
            line = rest  # a list item: a paragraph of its own, without its mark
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and wrapped and not bullet and _is_wrapped(current[-1], rules):
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


def _is_heading(paragraph: str, rules: SentenceRules, *, opening: bool = False) -> bool:
    """A heading: short and unpunctuated. The article's opening paragraphs (its headline and a
    standfirst) may be longer, and end in a quotation mark: "Trump says he hears Zelenskyy is
    coming Friday: 'It's okay with me'" ends no sentence."""
    if opening and len(paragraph) <= rules.headline_max_chars:
        return paragraph.rstrip(_CLOSING_MARKS + "'")[-1:] not in _PARAGRAPH_END
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
    # ...and one followed by a letter (We’d) is an apostrophe, not a closing quote, unless it
    # follows a sentence's end and a capital follows it: "... won't be at all.'During his visit"
    # (a space lost in the copy; no apostrophe comes after a full stop).
    after = position + 1
    if mark not in lexicon.apostrophes or after >= len(text) or not text[after].isalnum():
        return True
    return position > 0 and text[position - 1] in _SENTENCE_END and text[after].isupper()


def _tokenise(text: str, lexicon: _Lexicon) -> list[_Token]:
    """Words and symbols outside quotations, one QUOTE token per quotation."""
    tokens: list[_Token] = []
    position = 0
    for start, end, closed in _quote_spans(text, lexicon):
        tokens.extend(_word_tokens(text, position, start, lexicon))
        inner = text[start + 1 : end - 1 if closed else end].strip()
        ends = inner[-1:] in _SENTENCE_END  # '“We are ready.” Next' ends; '“We are ready,”' not
        tokens.append(_Token(_TokenKind.QUOTE, inner, start, end, ends_sentence=ends, closed=closed))
        position = end
    tokens.extend(_word_tokens(text, position, len(text), lexicon))
    return tokens


def _word_tokens(text: str, start: int, end: int, lexicon: _Lexicon) -> Iterator[_Token]:
    """Tokens of narrative text; abbreviations and initials keep their full stop."""
    pending: _Token | None = None
    for found in _TOKEN_RE.finditer(text, start, end):
        piece = found.group()
        if pending is not None:
            at_segment_end = not text[found.end() : end].strip()  # "wrote Yermak on X. “..."
            initial_only = len(pending.text) == 1
            if (
                piece == "."
                and found.start() == pending.end
                and _keeps_stop(pending.text, lexicon)
                and not (initial_only and at_segment_end)
            ):
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


# Dashes that close a dateline.
_DATELINE_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
# A dateline is short: a place in capitals, perhaps a date and an agency in brackets.
_DATELINE_MAX_TOKENS = 12
# A place before a dateline's comma is a few words ("New Delhi", "Rio de Janeiro" aside).
_DATELINE_PLACE_WORDS = 3


def _dateline_end(tokens: Sequence[_Token], months: Collection[str] = ()) -> int:
    """Where the text after a paragraph-opening dateline starts (0 when there is none): a
    place in capitals ("MOSCOW", "NEW YORK"), or a month and day with an agency in brackets after
    them ("March 21 (UPI) --"), then a few capitalised words, numbers and marks (a date, an agency
    in brackets), up to a dash; or, in Indian copy, a place, a comma and a
    day of the month, up to a colon or a dash ("Frankfurt, Sept 11:", "Havana, Sept. 15:")."""
    position = 0
    while position < len(tokens) and tokens[position].is_word and _all_capitals(tokens[position].text):
        position += 1
    dated = position == 0 and _opens_with_a_day(tokens, months)
    if dated:
        position = 2  # a wire's date-first dateline: "March 21 (UPI) --", "November 10, 2010 (BBC) ---"
    if position == 0:
        return _place_and_day_end(tokens, months) or _place_and_region_end(tokens)
    bracketed = False
    for cursor in range(position, min(len(tokens), _DATELINE_MAX_TOKENS)):
        token = tokens[cursor]
        bracketed = bracketed or token.text == "("
        if token.text in _DATELINE_DASHES:
            if dated and not bracketed:
                return 0  # "March 21 - the day the talks began - was ...": prose
            return cursor + 1 if cursor + 1 < len(tokens) else 0
        if token.kind is _TokenKind.QUOTE or (token.is_word and token.text[:1].islower()):
            return 0  # prose, not a dateline: "NATO's chief said ... - ..."
    return 0


def _opens_with_a_day(tokens: Sequence[_Token], months: Collection[str]) -> bool:
    """Whether the paragraph opens with a month and a day of it ("March 21", "Nov. 14")."""
    return (
        len(tokens) > 2
        and tokens[0].text.rstrip(".").casefold() in months
        and tokens[1].text.isdigit()
        and len(tokens[1].text) <= 2
    )


def _place_and_day_end(tokens: Sequence[_Token], months: Collection[str]) -> int:
    """'Frankfurt, Sept 11:' / 'New Delhi, Oct. 8 -': capitalised place words, a comma, a month
    and its day, then a colon or a dash; where the text after it starts, or 0."""
    place = 0
    while place < min(len(tokens), _DATELINE_PLACE_WORDS) and tokens[place].is_capitalised:
        place += 1
    if place == 0 or place + 4 > len(tokens) or tokens[place].text != ",":
        return 0
    month, day, mark = tokens[place + 1], tokens[place + 2], tokens[place + 3]
    if (
        month.text.rstrip(".").casefold() in months
        and day.text.isdigit()
        and (mark.text == ":" or mark.text in _DATELINE_DASHES)
        and place + 4 < len(tokens)
    ):
        return place + 4
    return 0


def _place_and_region_end(tokens: Sequence[_Token]) -> int:
    """'Woodside, California - President Joe Biden ...': a place and its region or country in
    capitalised words, a comma between them, then a dash and a capitalised word (wire copy that
    writes its dateline in mixed case); where the text after the dash starts, or 0."""
    place = 0
    while place < min(len(tokens), _DATELINE_PLACE_WORDS) and tokens[place].is_capitalised:
        place += 1
    if place == 0 or place >= len(tokens) or tokens[place].text != ",":
        return 0
    cursor = place + 1
    while cursor < min(len(tokens), place + 1 + _DATELINE_PLACE_WORDS) and tokens[cursor].is_capitalised:
        cursor += 1
    if (
        cursor == place + 1
        or cursor + 1 >= len(tokens)
        or tokens[cursor].text not in _DATELINE_DASHES
        or not tokens[cursor + 1].is_capitalised
    ):
        return 0
    return cursor + 1


def _all_capitals(word: str) -> bool:
    letters = [character for character in word if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def _split_sentences(tokens: Sequence[_Token], months: Collection[str] = ()) -> list[tuple[int, int]]:
    """Token ranges of sentences; a quotation never splits, and may end one. A dateline opening
    the paragraph ("MOSCOW —", "SEOUL, March 14 (Reuters) -", "Frankfurt, Sept 11:") belongs to
    no sentence; `months` are the month names a dateline's date may use."""
    ranges: list[tuple[int, int]] = []
    start = _dateline_end(tokens, months)
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
