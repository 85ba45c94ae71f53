"""A news-like mix for benchmarks: GENERATED ordinary news lines around REAL statements (seeded).

A news archive is mostly about other things: here 1-5% of lines (MEETING_SHARE by default) are
real statements about a meeting (benchmarks/real.py: the development corpus, varied), and the
rest are generated lines of ordinary news (business, weather, sport, local government, science,
transport), 40 to 400 characters long, a headline or one to a few sentences. Every generated
line is invented: the companies, teams and towns are made up. Some use words a summit signal
needs nearby ("meeting", "talks", "visit", "not", "cancelled") in their ordinary senses, as news
does.

The same seed and size always give the same lines, and a smaller mix is a prefix of a larger.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

from benchmarks import real

DEFAULT_SEED = 20260202
MEETING_SHARE = 0.03
MIN_MEETING_SHARE, MAX_MEETING_SHARE = 0.01, 0.05
# Line lengths: log-normal around 110 characters (a headline to a short paragraph), clipped.
MEDIAN_CHARS = 110
LENGTH_SPREAD = 0.65
MIN_CHARS = 40
MAX_CHARS = 400
MARKER = (
    "GENERATED news-like lines (benchmarks/news.py, seed {seed}) around REAL statements about a "
    "meeting ({share:.0%} of lines, benchmarks/real.py)"
)

COMPANIES = ("Norvale Foods", "Brightwater Energy", "Kestrel Motors", "Halden Bank", "Orlin Telecom")
COMPANIES += ("Marrow & Finch", "Tessary Pharma", "Calder Steel", "Quillon Air", "Westmere Retail")
TEAMS = ("Ashford United", "the Portley Hawks", "Redcliff Rovers", "the Elmstead Foxes", "Dunmore City")
TOWNS = ("Ashford", "Portley", "Redcliff", "Elmstead", "Dunmore", "Carrow", "Linhaven", "Braemoor")
REGIONS = ("the north-east", "the coastal districts", "the valley", "the southern plains", "the capital")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "March", "April", "June", "July", "September", "October", "December")
HEADLINES: tuple[str, ...] = (
    "{company} shares rise after strong quarter",
    "Storm warning for {region} as winds reach {speed} km/h",
    "{team} sign striker on a three-year deal",
    "Council approves new cycle lanes in {town}",
    "Rail strike called off after late-night talks",
    "Petrol prices fall for a {ordinal} week running",
    "{company} to cut {number} jobs at its {town} plant",
    "Heatwave: hospitals in {region} on alert",
    "New bridge over the river at {town} opens in {month}",
    "Exam results: record number of top grades",
    "{team} held to a goalless draw at home",
    "Flights cancelled as fog closes {town} airport",
)
SENTENCES: tuple[str, ...] = (
    "{company} reported a {small}% rise in quarterly profit, helped by strong demand in {region}.",
    "Shares in {company} fell {small}% in early trading after the results missed forecasts.",
    "{team} beat {team2} {goals}-{goals2} on {weekday}, with a late goal from the substitute.",
    "Forecasters expect up to {rain} mm of rain in {region} over the weekend.",
    "The council will meet on {weekday} to discuss the plan for a new leisure centre in {town}.",
    "Police in {town} are asking for witnesses after a collision on the ring road on {weekday}.",
    "Researchers at the University of {town} say the new material could halve the cost of batteries.",
    "Commuters face delays on the {town} line until {month} while the tracks are replaced.",
    "The school board voted {number} to {count} to extend the school day from September.",
    "Unemployment in {region} fell to {small}% last quarter, the statistics office said.",
    "The festival in {town} drew more than {number},000 visitors over three days.",
    "{company} said it would open {count} new stores across {region} next year.",
    "Talks between the union and {company} management ended without an agreement on pay.",
    "The match was postponed because of a waterlogged pitch and will be replayed in {month}.",
    "A spokesperson for {company} said the recall affects about {number},000 vehicles.",
    "House prices in {town} rose {small}% in the year to {month}, an industry survey found.",
    "The mayor of {town} is due to visit the flooded streets on {weekday}.",
    "Fire crews spent the night tackling a blaze at a warehouse on the edge of {town}.",
    "The museum in {town} will reopen in {month} after a two-year renovation.",
    "Water supplies in parts of {region} have been restored after a burst main.",
    "Organisers said the concert was not cancelled and would go ahead as planned.",
    "The health ministry said flu cases were lower than at this point last winter.",
    "{team} have not lost at home since {month}, a run of {count} games.",
    "The airline said the new route from {town} would start with three flights a week.",
    "Farmers in {region} say the dry spring has cut yields by as much as a quarter.",
    "The court adjourned the case until {weekday} to hear further evidence.",
    "Local businesses welcomed the decision to scrap parking charges in the town centre.",
    "Scientists have recorded the warmest {month} on record in {region}.",
    "The board of {company} will hold its annual meeting in {town} in {month}.",
    "A new study suggests that walking {count} minutes a day lowers the risk of heart disease.",
)
QUOTES: tuple[str, ...] = (
    '"We are very pleased with the result and proud of the players," the coach said.',
    '"This has been a difficult year, but we expect demand to recover," the chief executive said.',
    '"Nobody was hurt, which is the main thing," a resident told reporters.',
    '"We will keep the road closed until it is safe," a council spokesperson said.',
    '"It is too early to say what caused the fire," the fire service said.',
)


def _fill(template: str, rng: random.Random) -> str:
    team = rng.choice(TEAMS)
    values = {
        "company": rng.choice(COMPANIES),
        "team": team,
        "team2": rng.choice([other for other in TEAMS if other != team]),
        "town": rng.choice(TOWNS),
        "region": rng.choice(REGIONS),
        "weekday": rng.choice(WEEKDAYS),
        "month": rng.choice(MONTHS),
        "number": str(rng.randint(12, 900)),
        "count": str(rng.randint(2, 40)),
        "small": f"{rng.randint(0, 14)}.{rng.randint(0, 9)}",
        "speed": str(rng.randint(70, 140)),
        "rain": str(rng.randint(20, 120)),
        "goals": str(rng.randint(1, 4)),
        "goals2": str(rng.randint(0, 3)),
        "ordinal": rng.choice(("second", "third", "fourth", "fifth")),
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _target_length(rng: random.Random) -> int:
    length = rng.lognormvariate(math.log(MEDIAN_CHARS), LENGTH_SPREAD)
    return int(min(MAX_CHARS, max(MIN_CHARS, length)))


def news_line(rng: random.Random) -> str:
    """One generated line of ordinary news: a headline when short, else sentences to a length."""
    target = _target_length(rng)
    if target < 60:
        return _fill(rng.choice(HEADLINES), rng)
    parts = [_fill(rng.choice(SENTENCES), rng)]
    length = len(parts[0])
    while length < target:
        template = rng.choice(QUOTES) if rng.random() < 0.15 else rng.choice(SENTENCES)
        sentence = _fill(template, rng)
        if length + 1 + len(sentence) > min(target + 40, MAX_CHARS):
            break  # one sentence too many: a line ends near its length, not far past it
        parts.append(sentence)
        length += 1 + len(sentence)
    return " ".join(parts)


def iter_texts(n: int, *, seed: int = DEFAULT_SEED, meeting_share: float = MEETING_SHARE) -> Iterator[str]:
    """The first n lines: each a real statement with probability `meeting_share`, else news."""
    if not MIN_MEETING_SHARE <= meeting_share <= MAX_MEETING_SHARE:
        raise ValueError(f"meeting_share must be {MIN_MEETING_SHARE:.0%}-{MAX_MEETING_SHARE:.0%}")
    rng = random.Random(seed)
    statements = real.iter_texts(n, seed=seed + 1)  # at most n are ever needed
    for _ in range(n):
        yield next(statements) if rng.random() < meeting_share else news_line(rng)


def texts(n: int, *, seed: int = DEFAULT_SEED, meeting_share: float = MEETING_SHARE) -> list[str]:
    return list(iter_texts(n, seed=seed, meeting_share=meeting_share))


def marker(seed: int = DEFAULT_SEED, meeting_share: float = MEETING_SHARE) -> str:
    return MARKER.format(seed=seed, share=meeting_share)
