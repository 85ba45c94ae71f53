"""A seeded generator of SYNTHETIC diplomatic statements for benchmarks: realistic shape, no real quotes.

Every statement made here is invented. The people and countries are fictional (so no synthetic
sentence is ever attributed to a real person); the signal phrases are real fragments of the rules:
each signal statement renders one or two predicates of data/signals.toml into concrete words (word
classes filled from [lexicon], optional slots and "..." gaps decided at random) and sometimes
puts a negator, hedge, intensifier or contrast word from [modifiers] next to them. The rest, most
statements (about four in five, as in a real news feed), are ordinary diplomatic and political
filler with no summit signal. Lengths follow real quotes: roughly 60-300 characters.

The same seed and size always give the same statements, and a larger corpus starts with the
statements of a smaller one (statement i depends only on the seed and i's predecessors), so a
subset measured for an expensive baseline is a prefix of the full corpus.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from summit_outlook.model.rules import Rules, default_rules
from summit_outlook.model.statements import COLUMNS

DEFAULT_SEED = 20251115
# One in five statements carries a summit signal: the bundled dataset is curated and all signal,
# but a feed of diplomatic news is mostly about other things.
SIGNAL_SHARE = 0.2
# Quote lengths: a log-normal around 140 characters, clipped to the range of real quotes.
MEDIAN_CHARS = 140
LENGTH_SPREAD = 0.45
MIN_CHARS = 60
MAX_CHARS = 300
# Statements are dated over about a year and a half, so the outlook series has ~550 days.
FIRST_DATE = dt.date(2024, 6, 1)
DAYS_SPANNED = 540
# How often a signal is modified, and how often a statement has a second signal after a contrast.
NEGATED_SHARE = 0.12
HEDGED_SHARE = 0.15
INTENSIFIED_SHARE = 0.10
CONTRAST_SHARE = 0.12
MARKER = "SYNTHETIC benchmark corpus from benchmarks/corpus.py (seed {seed}); not real statements"


@dataclass(frozen=True)
class Speaker:
    name: str
    reference: str  # how a reporter first names them
    short: str  # and then
    role: str
    side: str


SPEAKERS: tuple[Speaker, ...] = (
    Speaker("Elena Varga", "President Varga", "Varga", "head_of_state", "Arvenia"),
    Speaker("Tomas Reyel", "President Reyel", "Reyel", "head_of_state", "Belmark"),
    Speaker("Irena Salo", "Foreign Minister Salo", "Salo", "minister", "Arvenia"),
    Speaker("Marek Olden", "Foreign Minister Olden", "Olden", "minister", "Belmark"),
    Speaker("Karl Henning", "Defence Minister Henning", "Henning", "minister", "Belmark"),
    Speaker("Dana Kessler", "presidential spokesperson Dana Kessler", "Kessler", "spokesperson", "Arvenia"),
    Speaker("Pavel Ruzin", "foreign ministry spokesperson Pavel Ruzin", "Ruzin", "spokesperson", "Belmark"),
    Speaker("Miriam Hale", "special envoy Miriam Hale", "Hale", "envoy", "mediator"),
    Speaker("Lena Brandt", "Deputy Foreign Minister Brandt", "Brandt", "official", "Arvenia"),
    Speaker("Oskar Vell", "a senior Belmark official, Oskar Vell,", "Vell", "official", "Belmark"),
    Speaker("News report", "the government", "the government", "other", "neutral"),
)
LEADERS = ("President Varga", "President Reyel")
CITIES = ("Geneva", "Vienna", "Helsinki", "Istanbul", "Budapest", "Oslo", "Doha", "Astana", "Lisbon")
MONTHS = ("January", "March", "April", "June", "July", "September", "October", "November")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# Ordinary statements with no summit signal. Each was checked against the rules: none matches a
# pattern, though several use words a pattern needs nearby ("dialogue", "not", "but", "very").
FILLER: tuple[str, ...] = (
    "{ref} said the government would present its budget to parliament in {month}.",
    "Grain exports through the southern ports rose by {small} percent in the third quarter.",
    "{ref} told reporters the new sanctions package targets shipping companies and two banks.",
    "The foreign ministry summoned the {side} ambassador over the detention of two journalists.",
    "Energy prices remain the main concern for households this winter, {ref} said.",
    "{ref} thanked the host government for its humanitarian assistance to the border regions.",
    "The ceasefire along the eastern line was violated {number} times overnight, monitors said.",
    "We will continue to support our partners and defend the principles of international law.",
    "{ref} spoke about inflation, pensions and the reform of the tax code in a televised address.",
    "Parliament approved the defence budget by {number} votes to {count}.",
    "Our position on the territorial question has not changed and is well known to everyone.",
    "The prisoner exchange involved {number} people on each side, officials confirmed.",
    "{ref} accused {side} of spreading disinformation about the humanitarian corridor.",
    "The central bank kept its key rate at {small} percent, citing persistent price pressures.",
    "This is a matter for the security council, and we have said so many times.",
    "{ref} laid a wreath at the war memorial in {city} on {weekday}.",
    "Troops completed a joint exercise near {city}, the defence ministry reported.",
    "The sanctions are hurting ordinary people far more than the elites, {ref} argued.",
    "{ref} described the economic situation as difficult but stable.",
    "The agreement on fishing quotas expires at the end of {month}.",
    "{ref} is due to address the general assembly in {month}.",
    "Rescue teams were still working in the flooded districts of {city} on {weekday}.",
    "There were no casualties in the overnight drone attack, the regional governor said.",
    "We have always stood for respect for sovereignty and for international law.",
    "The opposition called the new election law a step backwards.",
    "{ref} declined to comment on the reports, saying the investigation was ongoing.",
    "Our economy grew by {small} percent last year despite everything.",
    "The embassy in {city} will resume issuing visas next week.",
    "{ref} discussed regional security and energy supplies with the prime minister by phone.",
    "Questions about the hostages should be addressed to the relevant agencies.",
    "Inflation slowed to {small} percent in {month}, the statistics office said.",
    "{ref} signed a decree on the call-up of reservists.",
    "The air defence systems delivered last month are already operational.",
    "It is very important that the humanitarian convoys reach the city safely.",
    "{ref} criticised the decision to close the border crossing north of {city}.",
    "We are grateful to our partners for their consistent support.",
    "The new ambassador presented his credentials on {weekday}.",
    "I think everyone understands what is at stake here.",
    "The ministry published a list of {number} companies subject to export controls.",
    "{ref} held a press conference in {city} on {weekday}.",
    "The cabinet meeting on {weekday} focused on the budget and on the heating season.",
    "Diplomatic sources in {city} gave no further details.",
    "{ref} said the grain corridor must stay open to commercial shipping.",
    "Turnout in the regional elections was {percent} percent, the electoral commission said.",
    "We do not comment on intelligence matters.",
    "{ref} praised the work of the mediators on the exchange of prisoners of war.",
    "Both parliaments ratified the energy transit agreement in {month}.",
    "Our armed forces responded to the shelling of {city} proportionately.",
)
# Where a signal statement names the meeting it is about, so context-dependent families count.
SIGNAL_FRAMES: tuple[str, ...] = (
    "Asked about the summit in {city}, {ref} said {signal}{tail}.",
    "On the meeting between {leader} and {other}, {ref} said {signal}{tail}.",
    '"{Signal}{tail}," {ref} told reporters when asked about a summit.',
    "{ref} said of the talks with {side}: {signal}{tail}.",
    "Speaking about the summit, {ref} said {signal}{tail}.",
    "{Signal}{tail}, {ref} said of the meeting with {other}.",
)
TAILS: tuple[str, ...] = ("", "", " in {city}", " with {other}", " next month", " this year", " soon")
# Rendered patterns that start with a verb or an adjective read as a quote once they have a subject.
NEEDS_SUBJECT = frozenset(
    (
        *("would", "will", "want", "wants", "plan", "plans", "planning", "intend", "intends"),
        *("expect", "expected", "agreed", "ready", "prepared", "willing", "going", "set", "due"),
        *("scheduled", "refuse", "refused", "refuses", "offered", "look", "looking", "open"),
        *("have", "has", "won't", "call", "called", "cancelled", "canceled", "postponed", "pull"),
        *("pulled", "accepted", "confirmed", "held", "last", "shook", "proposed", "working"),
        *("first", "remain", "remains", "stay", "stays"),
    )
)
SUBJECTS = ("we", "they", "the two leaders", "both sides", "the presidents")
NEGATORS = ("not", "not yet", "never")
HEDGES_BEFORE = ("perhaps", "eventually", "probably", "at some point")
HEDGES_AFTER = (", at some point", " in the future", " in due course", ", possibly")
INTENSIFIERS = ("definitely", "certainly", "very", "officially")
CONTRASTS = ("but", "however,", "though")


def _fill(template: str, rng: random.Random, speaker: Speaker, *, again: bool = False, **words: str) -> str:
    """A template with its {slots} filled; the first letter capitalised."""
    other_side = "Belmark" if speaker.side == "Arvenia" else "Arvenia"
    leader = rng.choice(LEADERS)
    values = {
        "ref": speaker.short if again else speaker.reference,
        "side": other_side,
        "city": rng.choice(CITIES),
        "month": rng.choice(MONTHS),
        "weekday": rng.choice(WEEKDAYS),
        "number": str(rng.randint(12, 480)),
        "percent": str(rng.randint(31, 78)),
        "count": str(rng.randint(3, 60)),
        "small": f"{rng.randint(1, 19)}.{rng.randint(0, 9)}",
        "leader": leader,
        "other": next(name for name in LEADERS if name != leader),
        **words,
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _render_word(token: str, rng: random.Random, rules: Rules) -> str:
    """Concrete words for one word of a phrase (see the phrase language in data/signals.toml)."""
    if token.endswith("?") and len(token) > 1:
        return _render_word(token[:-1], rng, rules) if rng.random() < 0.5 else ""
    choice = rng.choice(token.split("|"))
    if choice.startswith("{") and choice.endswith("}"):
        return render_pattern(rng.choice(rules.lexicon[choice[1:-1]]), rng, rules)
    return choice.removeprefix("=")


def render_pattern(pattern: str, rng: random.Random, rules: Rules) -> str:
    """A predicate of the rules rendered into words it matches, e.g. "{MEETING} =again" -> "summit again"."""
    words = (_render_word(token, rng, rules) for token in pattern.split())
    # A clitic joins the word before it: "let 's see" is written "let's see".
    phrase = " ".join(word for word in words if word).replace(" '", "'").replace(" \u2019", "\u2019")
    if phrase.startswith(("'", "\u2019")):
        return "Putin" + phrase  # a possessive needs its possessor: "Putin's place"
    return "I" + phrase[1:] if phrase == "i" or phrase.startswith("i ") else phrase


def _signal(rng: random.Random, rules: Rules, patterns: list[str]) -> str:
    """One rendered signal phrase, sometimes with a modifier before or after it."""
    phrase = render_pattern(rng.choice(patterns), rng, rules)
    subject = f"{rng.choice(SUBJECTS)} " if phrase.split()[0] in NEEDS_SUBJECT else ""
    roll = rng.random()
    if roll < NEGATED_SHARE:
        phrase = f"{rng.choice(NEGATORS)} {phrase}"
    elif roll < NEGATED_SHARE + HEDGED_SHARE:
        if rng.random() < 0.5:
            phrase = f"{rng.choice(HEDGES_BEFORE)} {phrase}"
        else:
            phrase += rng.choice(HEDGES_AFTER)
    elif roll < NEGATED_SHARE + HEDGED_SHARE + INTENSIFIED_SHARE:
        phrase = f"{rng.choice(INTENSIFIERS)} {phrase}"
    return subject + phrase


def _signal_sentence(rng: random.Random, rules: Rules, patterns: list[str], speaker: Speaker) -> str:
    signal = _signal(rng, rules, patterns)
    if rng.random() < CONTRAST_SHARE:
        signal += f", {rng.choice(CONTRASTS)} {_signal(rng, rules, patterns)}"
    tail = rng.choice(TAILS) if rng.random() < 0.6 else ""
    tail = tail.format(city=rng.choice(CITIES), other=rng.choice(LEADERS))
    capital = signal[0].upper() + signal[1:]
    return _fill(rng.choice(SIGNAL_FRAMES), rng, speaker, signal=signal, Signal=capital, tail=tail)


def _target_length(rng: random.Random) -> int:
    length = rng.lognormvariate(math.log(MEDIAN_CHARS), LENGTH_SPREAD)
    return int(min(MAX_CHARS, max(MIN_CHARS, length)))


def _statement_text(rng: random.Random, rules: Rules, patterns: list[str], speaker: Speaker) -> str:
    """A quote of realistic length: a signal sentence or filler, padded with more filler."""
    has_signal = rng.random() < SIGNAL_SHARE
    parts = [_signal_sentence(rng, rules, patterns, speaker)] if has_signal else []
    target = _target_length(rng)
    length = len(parts[0]) if parts else -1  # -1: no space before the first sentence
    for _ in range(8):
        if length >= target:
            break
        sentence = _fill(rng.choice(FILLER), rng, speaker, again=bool(parts))
        if length + 1 + len(sentence) > MAX_CHARS and length >= MIN_CHARS:
            break
        parts.append(sentence)
        length += 1 + len(sentence)
    if has_signal and len(parts) > 2:  # the signal is not always the first sentence
        parts.insert(rng.randrange(len(parts)), parts.pop(0))
    return " ".join(parts)[:MAX_CHARS]


@dataclass(frozen=True)
class SyntheticStatement:
    date: dt.date
    speaker: Speaker
    text: str
    kind: str


def iter_statements(
    n: int, *, seed: int = DEFAULT_SEED, rules: Rules | None = None
) -> Iterator[SyntheticStatement]:
    """The first n synthetic statements for a seed, one at a time (constant memory)."""
    rules = rules or default_rules()
    patterns = [f"{phrase} the summit" for family in rules.families for phrase in family.predicates]
    rng = random.Random(seed)
    for _ in range(n):
        speaker = rng.choice(SPEAKERS)
        date = FIRST_DATE + dt.timedelta(days=rng.randrange(DAYS_SPANNED))
        kind = "paraphrase" if speaker.role == "other" else rng.choice(("quote", "quote", "paraphrase"))
        yield SyntheticStatement(date, speaker, _statement_text(rng, rules, patterns, speaker), kind)


def texts(n: int, *, seed: int = DEFAULT_SEED) -> list[str]:
    """The texts of the first n synthetic statements."""
    return [statement.text for statement in iter_statements(n, seed=seed)]


def statements_frame(n: int, *, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """n synthetic statements as a statements frame (model.statements.COLUMNS, dates as datetime64)."""
    source = MARKER.format(seed=seed)
    rows = [
        {
            "date": statement.date,
            "speaker": statement.speaker.name,
            "role": statement.speaker.role,
            "side": statement.speaker.side,
            "text": statement.text,
            "source": source,
            "kind": statement.kind,
            "note": "synthetic",
        }
        for statement in iter_statements(n, seed=seed)
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def write_csv(path: Path, n: int, *, seed: int = DEFAULT_SEED) -> Path:
    """A statements CSV of n synthetic statements; every row's source and note say synthetic."""
    frame = statements_frame(n, seed=seed)
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    frame.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return path


def write_txt(path: Path, n: int, *, seed: int = DEFAULT_SEED) -> Path:
    """A one-statement-per-line file: a marker line saying synthetic, then n statement texts."""
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"# {MARKER.format(seed=seed)}\n")
        for statement in iter_statements(n, seed=seed):
            handle.write(statement.text + "\n")
    return path
