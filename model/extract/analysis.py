"""The article, analysed: paragraphs of sentences with their dates, mentions and attributions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from model.extract.attribution import _Attributor, _Sentence
from model.extract.dates import _DateFinder
from model.extract.mentions import _MentionFinder
from model.extract.rules import ExtractionRules
from model.extract.sentences import _is_heading, _split_paragraphs, _split_sentences, _tokenise
from model.extract.tokens import _Token, _TokenKind


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
