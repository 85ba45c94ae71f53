"""The compiled clause reader (model/native.py) reads exactly as the pure-Python one it is built from."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from benchmarks import corpus, news, real
from summit_outlook.model import native
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
