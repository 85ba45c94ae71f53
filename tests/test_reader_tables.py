"""The reader's look-up tables that only make it faster: each finds what a plain scan finds."""

from __future__ import annotations

import pytest

from benchmarks import corpus, news, real
from summit_outlook.model import reader
from summit_outlook.model.rules import default_rules

# Texts of every benchmark corpus, each a few sentences with modifiers around the signals.
SAMPLE = 300


@pytest.fixture(scope="module")
def compiled() -> reader.CompiledReader:
    return reader.compile_reader(default_rules())


@pytest.fixture(scope="module")
def statements(compiled: reader.CompiledReader) -> list[reader._Statement]:
    texts = [text for source in (corpus, real, news) for text in source.texts(SAMPLE)]
    return [reader._Statement(text, compiled, text.split()) for text in texts]


def _tables(compiled: reader.CompiledReader) -> list[list]:
    return [table for table in vars(compiled).values() if id(table) in compiled.first_word_sets]


def _scanned(statement: reader._Statement, table: list) -> list[reader._Modifier]:
    """Leftmost-longest occurrences of a table's phrases, every token tried in turn."""
    found: list[reader._Modifier] = []
    taken = 0
    for index, token in enumerate(statement.tokens):
        if index < taken:
            continue
        best = None
        for words, phrase, factor in statement.compiled.first_words[id(table)].get(token.lower, ()):
            stop = reader._exact(statement.tokens, index, words, len(statement.tokens))
            if stop > index and (best is None or stop > best.end):
                best = reader._Modifier(index, stop, phrase, factor)
        if best is not None:
            found.append(best)
            taken = best.end
    return found


def test_the_modifier_first_words_are_every_tables(compiled: reader.CompiledReader) -> None:
    tables = _tables(compiled)
    assert len(tables) == len(compiled.first_word_sets)
    assert compiled.modifier_first_words == frozenset().union(*compiled.first_word_sets.values())


def test_each_table_finds_what_a_scan_of_every_token_finds(
    compiled: reader.CompiledReader, statements: list[reader._Statement]
) -> None:
    found_any = 0
    for statement in statements:
        for table in _tables(compiled):
            expected = _scanned(statement, table)
            assert statement._find_all(table) == expected, statement.text
            found_any += bool(expected)
    assert found_any > SAMPLE  # the texts have modifiers to find


@pytest.mark.parametrize(
    "text",
    [
        'He said the summit was "really not on the cards" (for now), and "we will see".',
        "Xi Jinping (\u7fd2\u8fd1\u5e73) will meet Biden (before they meet, aides talk) in (the trip) Bali.",
        "\u201cNo (separate) meeting is planned,\u201d he said; ``maybe'' later (Nov. 10).",
    ],
)
def test_shared_tokens_without_asides_and_quotation_marks_are_placed_as_the_texts_own(
    compiled: reader.CompiledReader, text: str
) -> None:
    statement = reader._Statement(text, compiled, text.split())
    placed = [
        (token.text, token.start + offset, token.end + offset)
        for token, offset in zip(statement.tokens, statement._offsets, strict=True)
    ]
    own = reader.tokenize(text)  # the text's own tokens, placed in it
    kept, _ = reader._without_quote_marks(
        *reader._without_asides(own, [0] * len(own), compiled.gathering_words)
    )
    assert placed == [(token.text, token.start, token.end) for token in kept]
    assert all(text[start:end] == piece for piece, start, end in placed)
    assert len(kept) < len(own)  # something was taken out


def test_may_read_is_the_prefilter_on_the_texts_keys_together(compiled: reader.CompiledReader) -> None:
    texts = [text for source in (corpus, real, news) for text in source.texts(SAMPLE, seed=3)]
    texts += ["", "the", "Talks on Monday.", "It was not on the cards", "They will meet", "summit"]
    answers = []
    for text in texts:
        keys = compiled.signal_keys(text.split())
        expected = keys is not None and reader._may_hold_predicate(keys, compiled)
        assert compiled.may_read(text.split()) == expected, text
        answers.append(expected)
    assert any(answers) and not all(answers)  # both answers are tested
