"""The article, analysed: paragraphs of sentences with their dates, mentions and attributions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from summit_outlook.extract.attribution import _Attributor, _Sentence, _Style
from summit_outlook.extract.dates import _DateFinder, _resolve_anchored
from summit_outlook.extract.mentions import _Mention, _MentionFinder
from summit_outlook.extract.rules import ExtractionRules
from summit_outlook.extract.sentences import _is_heading, _split_paragraphs, _split_sentences, _tokenise
from summit_outlook.extract.tokens import _Token, _TokenKind


@dataclass
class _Paragraph:
    index: int
    text: str
    tokens: list[_Token]
    heading: bool
    sentences: list[_Sentence] = field(default_factory=list)

    @property
    def open_quote(self) -> bool:
        """Whether the paragraph ends inside a quotation: by the wire convention the quotation
        goes on in the next paragraph, which reopens it."""
        return bool(self.tokens) and self.tokens[-1].kind is _TokenKind.QUOTE and not self.tokens[-1].closed


def _analyse(article: str, rules: ExtractionRules, published: dt.date) -> list[_Paragraph]:
    """Paragraphs with their sentences, dates, mentions and attributions."""
    lexicon = rules._lexicon
    paragraphs: list[_Paragraph] = []
    sentence_index = 0
    headline = True  # the paragraphs so far are all headings: a headline, a standfirst
    for index, text in enumerate(_split_paragraphs(article, rules.sentences)):
        for written, mark in rules.quotes.doubled.items():
            text = text.replace(written, mark)  # "''Efforts ...,'' he said": a double quote
        tokens = _tokenise(text, lexicon)
        heading = _is_heading(text, rules.sentences, opening=headline and index < 2)
        headline = headline and heading
        paragraph = _Paragraph(index, text, tokens, heading)
        ranges = [(0, len(tokens))] if heading else _split_sentences(tokens, rules.dates.months)
        finder = _DateFinder(text, tokens, rules.dates, lexicon, published)
        for start, end in ranges:
            for piece in _clauses_with_their_own_speaker(tokens, start, end, paragraph, finder, rules):
                paragraph.sentences.append(
                    _analyse_sentence(tokens, piece[0], piece[1], sentence_index, paragraph, finder, rules)
                )
                sentence_index += 1
        paragraphs.append(paragraph)
    _date_counted_days(paragraphs, published)
    return paragraphs


def _date_counted_days(paragraphs: list[_Paragraph], published: dt.date) -> None:
    """Days counted from a date the story gave before ("Putin met Xi on Monday. The day
    before, Peskov said ..."): from the last date given before them in the text, headings
    aside; without one they give no day."""
    anchor = None
    for paragraph in paragraphs:
        if paragraph.heading:
            continue
        for sentence in paragraph.sentences:
            dates = []
            for mention in sentence.dates:
                resolved = _resolve_anchored(mention, anchor, published)
                if resolved is None:
                    continue
                dates.append(resolved)
                if mention.offset is None and not mention.month_only and not mention.vague:
                    anchor = resolved
            sentence.dates = dates


def _clauses_with_their_own_speaker(
    tokens: list[_Token],
    start: int,
    end: int,
    paragraph: _Paragraph,
    finder: _DateFinder,
    rules: ExtractionRules,
) -> list[tuple[int, int]]:
    """The sentence's token range, split before ", while <someone> said ..." or "— and
    <someone> told ..." when that clause attributes words to a speaker of its own: two
    statements, not one running into the next."""
    if paragraph.heading:
        return [(start, end)]
    sentences = rules.sentences
    joiners = {word.casefold() for word in sentences.clause_joiners}
    marks = set(sentences.clause_marks)
    mark_joiners = joiners | {word.casefold() for word in sentences.clause_mark_joiners}
    for position in range(start + 1, end - 1):
        mark, following = tokens[position], tokens[position + 1]
        if mark.text == "," and following.lower in joiners:
            clause_start = position + 2
        elif mark.text in marks and mark.kind is not _TokenKind.QUOTE:
            if any(token.text == mark.text for token in tokens[position + 1 : end]):
                # "... bread and salt — a Russian tradition — Karpova told TASS": the first of a
                # pair of dashes opens an aside, not a clause of its own.
                continue
            earlier = sum(token.text == mark.text for token in tokens[start:position])
            if mark.text != ";" and earlier % 2 == 1:
                # "policies -- the world's two largest economies -- as well as ..., the official
                # said": the second of a pair closes the aside; the words go on.
                continue
            clause_start = position + 2 if following.lower in mark_joiners else position + 1
        else:
            continue
        if clause_start >= end:
            continue
        clause = _analyse_sentence(tokens, clause_start, end, -1, paragraph, finder, rules)
        attribution = clause.attribution
        # '... said he wanted to meet Xi – "We are ready," he said': a quotation after the mark
        # with an attribution of its own is a statement of its own, whoever "he" is.
        quoted = tokens[clause_start].kind is _TokenKind.QUOTE and mark.text in marks
        own_speaker = attribution is not None and (
            isinstance(attribution.speaker, _Mention) or (quoted and attribution.style is _Style.QUOTE)
        )
        if own_speaker and attribution.content:
            return [
                (start, position),
                *_clauses_with_their_own_speaker(tokens, clause_start, end, paragraph, finder, rules),
            ]
    return [(start, end)]


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
