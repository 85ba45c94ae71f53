"""The compiled clause reader (model/native.py) reads exactly as the pure-Python one it is built from."""

from __future__ import annotations

import csv
import importlib
import json
from pathlib import Path

import pytest

from benchmarks import corpus, news, real
from summit_outlook.model import lexicon, native
from summit_outlook.model import reader as pure_reader
from summit_outlook.model.rules import default_rules
from tests.requirements import missing

REPO = Path(__file__).resolve().parent.parent
# Benchmark texts per corpus on top of every labelled and bundled statement: the synthetic corpus
# renders every rule's phrases, the news-like mix the ordinary senses of their words.
SAMPLE = 1_000


def _texts() -> list[str]:
    texts = []
    for path in sorted((REPO / "tests" / "data").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    with (REPO / "data" / "statements.csv").open(encoding="utf-8", newline="") as rows:
        texts += [row["text"] for row in csv.DictReader(rows)]
    for source in (corpus, real, news):
        texts += source.texts(SAMPLE, seed=corpus.DEFAULT_SEED)
    return texts


def _readings(module, texts: list[str]) -> list[list[tuple]]:
    rules = default_rules()
    return [
        [(*reading, reading.modifier_factor) for reading in module.read_text(text, rules)] for text in texts
    ]


@pytest.fixture(scope="module")
def compiled():
    if native.compiled_reader is None:
        missing(f"COMPILED READER MISSING, only the pure-Python reader tested: {native.READER_NOTE}")
    return native.compiled_reader


def test_the_compiled_reader_is_the_one_that_reads(compiled) -> None:
    assert native.reader is compiled and native.read_text is compiled.read_text
    assert native.READER_NOTE == "compiled (mypyc)"
    assert Path(compiled.__file__).suffix != ".py"


def test_both_readers_read_every_statement_the_same(compiled) -> None:
    texts = _texts()
    assert len(texts) > 4_000
    expected = _readings(pure_reader, texts)
    found = _readings(compiled, texts)
    differing = [text for text, want, got in zip(texts, expected, found, strict=True) if want != got]
    assert not differing, f"{len(differing)} statements read differently, the first: {differing[:3]}"
    assert sum(map(len, found)) > 1_000  # the texts have signals to compare


def test_a_compiled_copy_of_other_source_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "source_digest", lambda: "0" * 64)
    module, note = native.load_compiled_reader()
    assert module is None and note.startswith("pure Python (")


def test_the_variable_asks_for_the_pure_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(native.PURE_READER_VARIABLE, "1")
    module, note = native.load_compiled_reader()
    assert module is None and native.PURE_READER_VARIABLE in note


# Texts whose white space, case and marks test the reader's chunks (str.split()): every kind of
# white space, a final sigma (lower-casing looks at the letters around it), initials, contractions.
TRICKY = (
    "ΟΔΟΣ Σ.Σ.  summit\u00a0talks\u2003won't\tmeet\x1c(U.S.)\n\x85Putin's “visit”",
    "  leading space, trailing space  ",
    "ΣΑΣ summit—talks;cancelled…meeting 12th U.N.-led İstanbul",
    "",
)


def _tokenized_as_a_whole(module, text: str) -> list[tuple]:
    """The tokens of RAW_TOKEN over the whole text, as the reader cut them before its chunks."""
    found = []
    for match in module.RAW_TOKEN.finditer(text):
        offset = match.start()
        for lower, start, end, *readings in module._words_of(match.group()):
            found.append(
                (text[start + offset : end + offset], lower, start + offset, end + offset, *readings)
            )
    return found


def _cuts_as_a_whole(module) -> None:
    for text in (*TRICKY, *_texts()[::7]):
        expected = _tokenized_as_a_whole(module, text)
        assert [tuple(token) for token in module.tokenize(text)] == expected
        tokens, offsets = module.chunk_tokens(text)
        placed = [
            (token.text, token.lower, token.start + at, token.end + at, *token[4:])
            for token, at in zip(tokens, offsets, strict=True)
        ]
        assert placed == expected


def test_chunks_cut_a_text_as_the_whole_text_is_cut() -> None:
    _cuts_as_a_whole(lexicon)


def test_the_compiled_chunks_cut_it_the_same(compiled) -> None:
    _cuts_as_a_whole(importlib.import_module(compiled.__name__.rsplit(".", 1)[0] + ".lexicon"))


def test_the_prefilter_by_chunks_is_the_prefilter_of_the_text() -> None:
    compiled_rules = pure_reader.compile_reader(default_rules())
    for text in (*TRICKY, *_texts()[::7]):
        whole = compiled_rules.text_keys(text) if pure_reader.may_have_signal(text, compiled_rules) else None
        assert compiled_rules.signal_keys(text.split()) == whole
