"""Grading extraction against the answer keys of real news articles (tests/articles/).

Each article is ``NN-slug.txt`` with its key ``NN-slug.json`` (see tests/articles/README.md).
The articles are split in six: ``dev`` (the rules were developed on these), ``check`` (only
measured, to show whether the rules generalise; looked at often enough since that it is no
longer a fair judge), ``check2``, ``check3``, ``check4`` and ``check5`` (check sets gathered later, keyed
before the extraction first ran on them, only measured). ``python -m tests.article_grading`` prints the
figures the README reports; ``--misses`` lists every statement graded wrong, and why;
``--dev-misses`` lists only the development set's, leaving the check sets at their totals (whose
misses are not to be read: a rule changed for one is a rule tuned to the check set);
``--numbers 198-207`` grades only the articles so numbered (a new gathering's first reading).

How a key statement is graded:

- **found**: a candidate's text contains the key's fragment (compared on letters and digits
  only, ignoring case and quotation marks); each candidate finds at most one statement.
  Statements of a headline or standfirst (``where: "headline"``) are not required: they repeat
  the body's; a candidate that matches one is still a real statement.
- **speaker**: the candidate's speaker and the key's name the same one: the words of one name
  are among the other's ("Putin" / "Vladimir Putin", "unnamed spokesman" / "Kremlin
  spokesman"), or the key lists the candidate's name among its ``aliases``.
- **role**, **side**: equal to the key's; "neutral" and "unknown" are the same (nobody's side).
- **date**: equal to the key's date, or within its ``date_range``. A statement the key gives no
  day the article makes derivable (``date`` null without a range, or ``date_derivable: false``:
  dated from outside knowledge) cannot be dated from the text; for it the right answer is the
  extractor saying so: its date is marked doubtful. Such statements count in "all fields" that
  way, and are reported apart from "date right", which is over derivable dates only.
- **candidates that are real statements**: candidates that found a key statement (headline ones
  included), over all candidates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summit_outlook.extract import Candidate, extract_statements

ARTICLES = Path(__file__).parent / "articles"
PARTS = ("dev", "check", "check2", "check3", "check4", "check5")
NO_SIDE = {"neutral", "unknown"}
# Words that do not tell two speakers apart.
_NAME_NOISE = {"unnamed", "the", "a", "an", "mr", "mrs", "ms", "dr", "of", "s"}
_NON_WORD = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"'s\b")


@dataclass(frozen=True)
class Article:
    name: str
    part: str
    text: str
    key: dict

    @property
    def number(self) -> int:
        """The article's number, the digits before the first hyphen ("07", "111")."""
        return int(self.name.split("-", 1)[0])

    @property
    def published(self) -> dt.date:
        return dt.date.fromisoformat(self.key["published"])

    @property
    def home_side(self) -> str:
        return self.key["outlet_country"]


def load_articles(parts: Iterable[str] = PARTS) -> list[Article]:
    articles = []
    for part in parts:
        for key_path in sorted((ARTICLES / part).glob("*.json")):
            text = key_path.with_suffix(".txt").read_text(encoding="utf-8")
            key = json.loads(key_path.read_text(encoding="utf-8"))
            articles.append(Article(key_path.stem, part, text, key))
    return articles


def _plain(text: str) -> str:
    """Letters and digits only, lower case, single spaces: quotation marks and dashes ignored."""
    text = _POSSESSIVE.sub("", text.casefold().replace("\u2019", "'"))
    return " " + " ".join(_NON_WORD.sub(" ", text).split()) + " "


def _name_words(name: str) -> set[str]:
    return {word for word in _plain(name).split() if word not in _NAME_NOISE}


def same_speaker(found: str, wanted: str, aliases: Sequence[str] = ()) -> bool:
    if any(_name_words(found) == _name_words(alias) for alias in aliases):
        return True
    a, b = _name_words(found), _name_words(wanted)
    return bool(a and b) and (a <= b or b <= a)


def same_side(found: str, wanted: str) -> bool:
    if found.casefold() in NO_SIDE and wanted.casefold() in NO_SIDE:
        return True
    return found.casefold() == wanted.casefold()


def is_doubtful(candidate: Candidate) -> bool:
    return bool(getattr(candidate, "date_doubtful", candidate.date_note.startswith("no date")))


@dataclass
class Grade:
    """One key statement and what the extraction made of it."""

    article: str
    statement: dict
    candidate: Candidate | None = None

    @property
    def required(self) -> bool:
        return self.statement.get("where") != "headline"

    @property
    def derivable(self) -> bool:
        statement = self.statement
        if statement.get("date_derivable") is False:
            return False
        return statement.get("date") is not None or "date_range" in statement

    @property
    def speaker_right(self) -> bool:
        c = self.candidate
        return c is not None and same_speaker(
            c.speaker, self.statement["speaker"], self.statement.get("aliases", ())
        )

    @property
    def role_right(self) -> bool:
        return self.candidate is not None and self.candidate.role.value == self.statement["role"]

    @property
    def side_right(self) -> bool:
        return self.candidate is not None and same_side(self.candidate.side, self.statement["side"])

    @property
    def date_right(self) -> bool:
        c, statement = self.candidate, self.statement
        if c is None:
            return False
        if not self.derivable:
            return is_doubtful(c)
        if "date_range" in statement:
            first, last = (dt.date.fromisoformat(day) for day in statement["date_range"])
            return first <= c.date <= last
        return c.date.isoformat() == statement["date"]

    @property
    def all_right(self) -> bool:
        return self.speaker_right and self.role_right and self.side_right and self.date_right

    def problems(self) -> list[str]:
        c, s = self.candidate, self.statement
        if c is None:
            return ["not found"]
        wrong = []
        if not self.speaker_right:
            wrong.append(f"speaker {c.speaker!r} (key {s['speaker']!r})")
        if not self.role_right:
            wrong.append(f"role {c.role.value} (key {s['role']})")
        if not self.side_right:
            wrong.append(f"side {c.side!r} (key {s['side']!r})")
        if not self.date_right:
            wanted = s.get("date_range") or s.get("date") if self.derivable else "doubtful (no derivable day)"
            wrong.append(f"date {c.date} [{c.date_note}] (key {wanted})")
        return wrong


@dataclass
class ArticleResult:
    article: Article
    candidates: list[Candidate]
    grades: list[Grade]
    matched: set[int] = field(default_factory=set)  # indices of candidates that found a statement


def grade_article(article: Article, **options) -> ArticleResult:
    candidates = extract_statements(
        article.text, published=article.published, home_side=article.home_side, **options
    )
    grades = [Grade(article.name, statement) for statement in article.key["statements"]]
    # Body statements first, then headline ones; within each, the key's order.
    matched = assign_candidates(candidates, sorted(grades, key=lambda g: not g.required))
    return ArticleResult(article, candidates, grades, matched)


def assign_candidates(candidates: list, grades: list[Grade]) -> set[int]:
    """Give each grade, in the order given, the first unmatched candidate whose text holds its
    fragment (one of the right speaker first); the indexes of the candidates taken."""
    plain_texts = [_plain(candidate.text) for candidate in candidates]
    matched: set[int] = set()
    for grade in grades:
        fragment = _plain(grade.statement["fragment"])
        fitting = [i for i, text in enumerate(plain_texts) if fragment in text and i not in matched]
        if not fitting:
            continue
        speaking = [i for i in fitting if same_speaker(candidates[i].speaker, grade.statement["speaker"])]
        chosen = (speaking or fitting)[0]
        matched.add(chosen)
        grade.candidate = candidates[chosen]
    return matched


@dataclass(frozen=True)
class Figures:
    """Shares of the required key statements (and of candidates, for the last one)."""

    statements: int
    found: int
    speaker: int
    role: int
    side: int
    derivable: int
    date: int
    undated: int
    undated_flagged: int
    all_fields: int
    candidates: int
    real: int

    @classmethod
    def of(cls, results: Sequence[ArticleResult]) -> Figures:
        grades = [grade for result in results for grade in result.grades if grade.required]
        found = [grade for grade in grades if grade.candidate is not None]
        derivable = [grade for grade in found if grade.derivable]
        undated = [grade for grade in found if not grade.derivable]
        return cls(
            statements=len(grades),
            found=len(found),
            speaker=sum(grade.speaker_right for grade in found),
            role=sum(grade.role_right for grade in found),
            side=sum(grade.side_right for grade in found),
            derivable=len(derivable),
            date=sum(grade.date_right for grade in derivable),
            undated=len(undated),
            undated_flagged=sum(grade.date_right for grade in undated),
            all_fields=sum(grade.all_right for grade in found),
            candidates=sum(len(result.candidates) for result in results),
            real=sum(len(result.matched) for result in results),
        )

    def share(self, name: str) -> float:
        """A figure as a fraction of what it is counted over (see WHOLE)."""
        total = getattr(self, WHOLE[name])
        return getattr(self, name) / total if total else 1.0

    def below(self, floors: dict[str, float]) -> dict[str, str]:
        """The figures under their floors (in percent), each as "found% < floor%"."""
        return {
            name: f"{100 * self.share(name):.1f}% < {floor}%"
            for name, floor in floors.items()
            if 100 * self.share(name) < floor
        }


# What each figure is a share of: found and all fields of every required statement; speaker,
# role and side of the statements found; the date of the found statements with a derivable day
# (and the doubtful mark of those without); real statements of all candidates.
WHOLE = {
    "found": "statements",
    "speaker": "found",
    "role": "found",
    "side": "found",
    "date": "derivable",
    "undated_flagged": "undated",
    "all_fields": "statements",
    "real": "candidates",
}

METRICS = (
    ("found", "found"),
    ("speaker", "speaker right"),
    ("date", "date right"),
    ("role", "role right"),
    ("side", "side right"),
    ("all_fields", "all fields right"),
    ("real", "candidates that are real statements"),
    ("undated_flagged", "no derivable day: marked doubtful"),
)


def grade_parts(
    parts: Iterable[str] = PARTS, *, numbers: range | None = None, **options
) -> dict[str, list[ArticleResult]]:
    results: dict[str, list[ArticleResult]] = {}
    for article in load_articles(parts):
        if numbers is None or article.number in numbers:
            results.setdefault(article.part, []).append(grade_article(article, **options))
    return results


def number_range(text: str) -> range:
    """ "198-207" (or "198") as the range of article numbers it names, both ends included."""
    first, _, last = text.partition("-")
    try:
        return range(int(first), int(last or first) + 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number or a range like 198-207") from None


def table(results: dict[str, list[ArticleResult]]) -> str:
    """The figures as a Markdown table, one row per part of the set and one for all of it."""
    rows = {part: Figures.of(found) for part, found in results.items()}
    rows["all"] = Figures.of([result for found in results.values() for result in found])
    header = "| | statements | " + " | ".join(label for _, label in METRICS) + " |"
    lines = [header, "|---" * (len(METRICS) + 2) + "|"]
    for part, figures in rows.items():
        articles = sum(len(found) for found in results.values()) if part == "all" else len(results[part])
        cells = [f"{100 * figures.share(name):.0f}%" for name, _ in METRICS]
        label = f"{part} ({articles} articles)"
        lines.append(f"| {label} | {figures.statements} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(results: dict[str, list[ArticleResult]]) -> str:
    lines = []
    for found in results.values():
        for result in found:
            for grade in result.grades:
                problems = grade.problems()
                if problems and grade.required:
                    lines.append(
                        f"{grade.article}: {grade.statement['fragment'][:50]!r}: " + "; ".join(problems)
                    )
            for index, candidate in enumerate(result.candidates):
                if index not in result.matched:
                    lines.append(
                        f"{result.article.name}: EXTRA {candidate.speaker!r}: {candidate.text[:90]!r}"
                    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", help="dev, check, check2, check3, check4, check5 (default: all)")
    parser.add_argument("--misses", action="store_true", help="list every statement graded wrong")
    parser.add_argument(
        "--dev-misses",
        action="store_true",
        help="list the dev set's misses only; the check sets print their totals alone",
    )
    parser.add_argument(
        "--numbers",
        type=number_range,
        help="grade only the articles numbered in this range, e.g. 198-207",
    )
    args = parser.parse_args(argv)
    results = grade_parts(args.parts or PARTS, numbers=args.numbers)
    print(table(results))
    if args.misses:
        print()
        print(misses(results))
    elif args.dev_misses and "dev" in results:
        print()
        print(misses({"dev": results["dev"]}))


if __name__ == "__main__":
    main(sys.argv[1:])
