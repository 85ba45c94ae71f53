"""REAL statements for benchmarks: the development corpus, repeated and lightly varied (seeded).

The texts are real (`dev.jsonl`: 119 dated, attributed statements about leaders' meetings, each
from a stored news page). A benchmark of 100,000 needs each one many times, and a scorer that
caches by text would then measure its cache: so every copy is varied the way a second report of
a statement is. The sentences of a statement of several are shuffled, leaders' names are
swapped among LEADERS (a permutation per copy: "Trump" may become "Modi", "Vladimir Putin"
"Xi Jinping"), and most copies are attributed as a report attributes a quote ('..., the
foreign minister said on 14 March.'): names and order alone left 2,289 distinct texts in 20,000.
The words that carry the signal stay as said.

The same seed and size always give the same texts, and a smaller corpus is a prefix of a larger.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from benchmarks.harness import REPO

DEFAULT_SEED = 20260101
# Where the development corpus is read from, the first that exists: the repository's own copy,
# then (for a checkout from before it was added) the shared folder beside the checkout, then
# that folder on this machine (a clone elsewhere, e.g. /tmp, has no sibling).
DEV_CORPUS_PATHS: tuple[Path, ...] = (
    REPO / "tests" / "data" / "dev.jsonl",
    REPO.parent / "shared" / "corpus" / "dev.jsonl",
    Path("/work/shared/corpus/dev.jsonl"),
)
MARKER = "REAL statements of the development corpus ({path}), repeated and varied (seed {seed})"
# Leaders whose names are swapped: how the corpus writes each in full, and the short forms.
# A copy maps each leader to another, full name to full name and short form to short form.
LEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Donald Trump", ("Trump",)),
    ("Vladimir Putin", ("Putin",)),
    ("Xi Jinping", ("Xi",)),
    ("Kim Jong Un", ()),  # "Kim" alone also names Kim Kye Gwan and Kim Yo Jong
    ("Joe Biden", ("Biden",)),
    ("Volodymyr Zelensky", ("Zelenskyy", "Zelensky")),
    ("Narendra Modi", ("Modi",)),
    ("Moon Jae-in", ()),  # "Moon" alone is a word
    ("Recep Tayyip Erdogan", ("Erdogan",)),
)
# A sentence ends at . ! or ? (or an ellipsis) followed by a space and an opening capital or quote.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
# How a report attributes a quote, and to whom; a copy is attributed with this probability.
ATTRIBUTED_SHARE = 0.9
ATTRIBUTIONS: tuple[str, ...] = (
    '"{text}," {who} said {when}.',
    "{who} said {when}: {text}",
    '"{text}," {who} told reporters {when}.',
    "{text}, {who} said {when}.",
    "In a statement {when}, {who} said: {text}",
)
WHO: tuple[str, ...] = (
    "the president",
    "the foreign minister",
    "a Kremlin spokesman",
    "the White House press secretary",
    "a senior official",
    "the national security adviser",
    "the foreign ministry spokeswoman",
    "a presidential aide",
    "the ambassador",
    "an official who asked not to be named",
    "the prime minister",
    "the defence minister",
    "a government spokesperson",
    "the deputy foreign minister",
    "the envoy",
    "a diplomat familiar with the talks",
    "the chief of staff",
    "the state news agency",
    "a senior administration official",
    "the presidential press service",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")


def _when(rng: random.Random) -> str:
    """'on Tuesday' or 'on 14 March': when a report says the words were said."""
    if rng.random() < 0.5:
        return f"on {rng.choice(WEEKDAYS)}"
    return f"on {rng.randint(1, 28)} {rng.choice(MONTHS)}"


class CorpusMissing(FileNotFoundError):
    """None of DEV_CORPUS_PATHS exists on this machine."""


def dev_corpus_path() -> Path:
    """The development corpus file this machine has; CorpusMissing when it has none."""
    for path in DEV_CORPUS_PATHS:
        if path.is_file():
            return path
    raise CorpusMissing("no development corpus: none of " + ", ".join(str(p) for p in DEV_CORPUS_PATHS))


@lru_cache(maxsize=1)
def dev_texts() -> tuple[str, ...]:
    """The texts of the development corpus, in file order."""
    with dev_corpus_path().open(encoding="utf-8") as handle:
        return tuple(json.loads(line)["text"] for line in handle if line.strip())


def _name_pattern() -> re.Pattern[str]:
    forms = [form for full, short in LEADERS for form in (full, *short)]
    forms.sort(key=len, reverse=True)  # "Zelenskyy" before "Zelensky", full names before short
    return re.compile(r"\b(?:" + "|".join(re.escape(form) for form in forms) + r")\b")


NAMES = _name_pattern()
_LEADER_OF: dict[str, tuple[int, int]] = {
    form: (index, position)
    for index, (full, short) in enumerate(LEADERS)
    for position, form in enumerate((full, *short))
}


def _form(leader: int, position: int) -> str:
    """The same form (full or which short one) of another leader; their full name if they lack it."""
    full, short = LEADERS[leader]
    forms = (full, *short)
    if position < len(forms):
        return forms[position]
    return short[-1] if short else full


def vary(text: str, rng: random.Random) -> str:
    """A copy of a statement: its sentences shuffled (when it has several), leaders' names
    swapped, and usually attributed."""
    sentences = SENTENCE_BREAK.split(text)
    if len(sentences) > 1:
        rng.shuffle(sentences)
        text = " ".join(sentences)
    order = list(range(len(LEADERS)))
    rng.shuffle(order)
    text = NAMES.sub(lambda found: _form(order[_LEADER_OF[found[0]][0]], _LEADER_OF[found[0]][1]), text)
    if rng.random() >= ATTRIBUTED_SHARE:
        return text
    frame = rng.choice(ATTRIBUTIONS)
    return frame.format(text=text.rstrip(" ,."), who=rng.choice(WHO), when=_when(rng))


def iter_texts(n: int, *, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """The first n varied copies: each round of the corpus in a seeded order, each copy varied."""
    originals = dev_texts()
    rng = random.Random(seed)
    produced = 0
    while produced < n:
        order = list(range(len(originals)))
        rng.shuffle(order)
        for index in order[: n - produced]:
            yield vary(originals[index], rng)
        produced += min(len(order), n - produced)


def texts(n: int, *, seed: int = DEFAULT_SEED) -> list[str]:
    return list(iter_texts(n, seed=seed))


def marker(seed: int = DEFAULT_SEED) -> str:
    return MARKER.format(path=dev_corpus_path(), seed=seed)
