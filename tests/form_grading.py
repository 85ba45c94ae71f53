"""Grading extraction on the form corpus (tests/forms/forms.jsonl): real paragraphs, one form each.

Each item is a paragraph (or two) of a real news page with its own answer key, graded as a short
article of its own: published on the page's day (``published``, or ``published_inferred`` where the
page shows none), its outlet's country the home side. The matching is
``tests/article_grading.py``'s, statement for statement (a fragment found in a candidate's text,
the speaker's words among the key's, role, side and date equal), so the figures mean what the
articles' figures mean.

The corpus is split by page: items of even-numbered pages are the ``tune`` half (misses may be
read and rules written for them), items of odd-numbered pages the ``measure`` half (only its
totals are read: it shows whether a rule written on the other half generalises).

``python -m tests.form_grading`` prints both halves' figures; ``--by-form`` adds one row per
attribution and date form (tags read off each item's ``form``, see ``TAGS``); ``--misses`` lists
the tune half's misses grouped by form (never the measure half's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from summit_outlook.extract import extract_statements
from tests.article_grading import METRICS, ArticleResult, Figures, Grade, assign_candidates

FORMS = Path(__file__).parent / "forms" / "forms.jsonl"
HALVES = ("tune", "measure")

# Form tags, read off the free-text ``form`` of each item: an attribution form or a date form.
TAGS: tuple[tuple[str, str], ...] = (
    ("according to", r"according to"),
    ("told (reporters, X)", r"\btold\b"),
    ("quoted as saying / relay", r"quoted|relay|cit(ed|ing)\b|reported"),
    ("inverted 'said X'", r"inverted|'said [A-Z]"),
    ("colon attribution", r":'|colon|\+ quote|: \+"),
    ("statement / readout", r"statement|readout"),
    ("wrote / post / article", r"wrote|post\b|tweet|article|op-ed|on X\b|Truth Social"),
    ("interview / press conference", r"interview|press conference|news conference|briefing"),
    ("pronoun chain", r"pronoun|'he said'|'He said|he added|she said"),
    ("surname only / Mr", r"surname|\bMr\b|Mr\.|Ms\."),
    (
        "title or description for the name",
        r"title for the name|description|title only|the ambassador|the spokesman|president said",
    ),
    (
        "institution or country as speaker",
        r"institution|ministry|a country|country as|capital as|the White House|Kremlin said|office",
    ),
    ("unnamed official / sources", r"unnamed|sources|official said|officials said"),
    ("participle / 'saying' form", r"participle|saying|calling|describing|noting|stressing|adding"),
    (
        "verb other than say",
        r"\b(described|called|urged|warned|mocked|praised|touted|announced|confirmed|acknowledged|rubbished|rejected|regretted|declared|hailed|asserted|signaled|stressed|remarked|replied|answered|continued|pointed out|affirmed)",
    ),
    ("second quote / bare quote", r"second quote|bare quote|second quotes"),
    ("habitual or present perfect", r"habitual|present perfect|present '|in the present"),
    ("date: weekday", r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"),
    ("date: yesterday/today/tonight", r"yesterday|today|tonight|this morning"),
    (
        "date: relative (last week, ago, earlier)",
        r"last week|ago|earlier|this week|last Friday|recently|later",
    ),
    (
        "date: explicit day or dateline",
        r"dateline|on [A-Z][a-z]+ \d|\d{1,2} [A-Z][a-z]+|\(Feb|April 25|July 6",
    ),
    ("date: carried from the lede or paragraph", r"carried|lede|paragraph before|sentence before"),
    ("date: undated (story day)", r"undated|no day|story day|no own|print edition"),
    ("date: other dates inside (trap)", r"inside|future|a year|past date|relative clause|two time"),
)


@dataclass(frozen=True)
class FormItem:
    id: str
    key: dict

    @property
    def page(self) -> int:
        """The page's number, the digits after 'p' ("p017-2" -> 17)."""
        return int(self.id[1:].split("-", 1)[0])

    @property
    def half(self) -> str:
        return "tune" if self.page % 2 == 0 else "measure"

    @property
    def published(self) -> dt.date:
        return dt.date.fromisoformat(self.key["published"] or self.key["published_inferred"])

    @property
    def tags(self) -> list[str]:
        return [tag for tag, pattern in TAGS if re.search(pattern, self.key["form"])]


def load_items(path: Path = FORMS) -> list[FormItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            items.append(FormItem(record["id"], record))
    return items


def grade_item(item: FormItem) -> ArticleResult:
    """One item graded as an article: the same matching as ``article_grading.grade_article``."""
    candidates = extract_statements(
        item.key["context"], published=item.published, home_side=item.key["outlet_country"]
    )
    grades = [Grade(item.id, statement) for statement in item.key["key"]]
    matched = assign_candidates(candidates, grades)
    return ArticleResult(item, candidates, grades, matched)  # type: ignore[arg-type]


def grade_halves(items: Iterable[FormItem] | None = None) -> dict[str, list[ArticleResult]]:
    results: dict[str, list[ArticleResult]] = {half: [] for half in HALVES}
    for item in load_items() if items is None else items:
        results[item.half].append(grade_item(item))
    return results


def _row(label: str, figures: Figures) -> str:
    cells = [f"{100 * figures.share(name):.0f}%" for name, _ in METRICS]
    return f"| {label} | {figures.statements} | " + " | ".join(cells) + " |"


def table(results: dict[str, list[ArticleResult]], *, by_form: bool = False) -> str:
    header = "| | statements | " + " | ".join(label for _, label in METRICS) + " |"
    lines = [header, "|---" * (len(METRICS) + 2) + "|"]
    for half, found in results.items():
        lines.append(_row(f"{half} ({len(found)} items)", Figures.of(found)))
    everything = [result for found in results.values() for result in found]
    lines.append(_row(f"all ({len(everything)} items)", Figures.of(everything)))
    if by_form:
        for tag, _ in TAGS:
            tagged = [result for result in everything if tag in result.article.tags]
            if tagged:
                lines.append(_row(f"{tag} ({len(tagged)} items)", Figures.of(tagged)))
    return "\n".join(lines)


def misses(results: Sequence[ArticleResult]) -> str:
    """Every miss, under each form tag of its item (an item with several tags shows under each)."""
    by_tag: dict[str, list[str]] = {}
    for result in results:
        for grade in result.grades:
            problems = grade.problems()
            if problems:
                line = f"{grade.article}: {grade.statement['fragment'][:50]!r}: " + "; ".join(problems)
                for tag in result.article.tags or ["(no tag)"]:
                    by_tag.setdefault(tag, []).append(line)
        for index, candidate in enumerate(result.candidates):
            if index not in result.matched:
                line = f"{result.article.id}: EXTRA {candidate.speaker!r}: {candidate.text[:90]!r}"
                by_tag.setdefault("(extra candidates)", []).append(line)
    blocks = []
    for tag, lines in sorted(by_tag.items(), key=lambda pair: -len(pair[1])):
        blocks.append(f"## {tag} ({len(lines)})\n" + "\n".join(lines))
    return "\n\n".join(blocks)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by-form", action="store_true", help="a row per form tag (both halves)")
    parser.add_argument("--misses", action="store_true", help="the tune half's misses, by form")
    args = parser.parse_args(argv)
    results = grade_halves()
    print(table(results, by_form=args.by_form))
    if args.misses:
        print()
        print(misses(results["tune"]))


if __name__ == "__main__":
    main(sys.argv[1:])
