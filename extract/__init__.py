"""Extract: rule-based candidate statements (who said what, and when) from a pasted news article.

The pipeline, one pass per step, each linear in the article's length:

1. split the article into paragraphs, find quotation spans, tokenise, split sentences;
2. in every sentence find date expressions, name/title mentions and the attribution
   ("Peskov told reporters", "said Lavrov", "according to Ushakov");
3. learn who is who from the whole article (surname -> full name, title, role, side);
4. turn attributions and quote-only paragraphs into statements, resolving surnames,
   pronouns and descriptions ("the spokesman") to people;
5. date each statement from its own sentence, else from its context, else the publication
   date, and say in ``date_note`` which.

Every word list and coefficient lives in ``data/extraction.toml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from summit_outlook.extract.analysis import _analyse
from summit_outlook.extract.builder import (
    UNKNOWN_SIDE,
    Candidate,
    DateBasis,
    _Builder,
    _Draft,
    _limit,
)
from summit_outlook.extract.dating import _Dater, _story_day
from summit_outlook.extract.rules import (
    DEFAULT_RULES_PATH,
    AttributionRules,
    ConfidenceRules,
    ContextRules,
    DateRules,
    ExtractionRules,
    ExtractionRulesError,
    InstitutionRule,
    InstitutionRules,
    NameRules,
    Phrase,
    QuoteRules,
    RelativeDate,
    RelativeRuleKind,
    SentenceRules,
    SideRule,
    Unit,
    load_extraction_rules,
    parse_extraction_rules,
)
from summit_outlook.model.statements import (
    COLUMNS,
    MAX_NOTE_CHARS,
    MAX_SIDE_CHARS,
    MAX_SPEAKER_CHARS,
)

__all__ = [
    "DEFAULT_RULES_PATH",
    "FRAME_COLUMNS",
    "UNKNOWN_SIDE",
    "AttributionRules",
    "Candidate",
    "ConfidenceRules",
    "DateBasis",
    "ContextRules",
    "DateRules",
    "ExtractionRules",
    "ExtractionRulesError",
    "InstitutionRule",
    "InstitutionRules",
    "NameRules",
    "Phrase",
    "QuoteRules",
    "RelativeDate",
    "RelativeRuleKind",
    "SentenceRules",
    "SideRule",
    "Unit",
    "candidates_to_frame",
    "extract_statements",
    "load_extraction_rules",
    "parse_extraction_rules",
]

FRAME_COLUMNS: tuple[str, ...] = (*COLUMNS, "title", "confidence")


def extract_statements(
    article: str,
    *,
    published: dt.date,
    rules: ExtractionRules | None = None,
    home_side: str | None = None,
) -> list[Candidate]:
    """Candidate statements in an article, in reading order, each dated and attributed.

    ``published`` is the article's publication date: relative dates ("last week",
    "on Friday") are resolved against it, and it stands in only where nothing else dates a
    statement. ``home_side`` is the publication's own country: newsrooms give their own
    officials a bare title ("President Donald Trump") and foreign ones their country ("Russian
    President Vladimir Putin"), so a titled speaker whose side the text never names is taken to
    be its. Never raises on any text; the same input always gives the same output.
    """
    rules = rules or load_extraction_rules()
    if isinstance(published, dt.datetime):
        published = published.date()
    paragraphs = _analyse(article, rules, published)
    home_side = (home_side or "").strip() or None
    drafts = _Builder(paragraphs, rules, home_side=home_side, published=published).build()
    headings = frozenset(paragraph.index for paragraph in paragraphs if paragraph.heading)
    _Dater(drafts, rules, published, _story_day(paragraphs, rules, published), headings).run()
    return _unique_candidates(drafts)


def _unique_candidates(drafts: Iterable[_Draft]) -> list[Candidate]:
    """Drafts as Candidates; the same words from the same speaker are kept once."""
    seen: set[tuple[str, str]] = set()
    candidates: list[Candidate] = []
    for draft in drafts:
        key = (draft.speaker.name, draft.text)
        if key in seen or draft.date is None:
            continue
        seen.add(key)
        candidates.append(_to_candidate(draft, draft.date))
    return candidates


def _to_candidate(draft: _Draft, date: dt.date) -> Candidate:
    speaker = draft.speaker
    return Candidate(
        date=date,
        date_note=_limit(draft.note, MAX_NOTE_CHARS),
        speaker=_limit(speaker.name, MAX_SPEAKER_CHARS),
        title=_limit(speaker.title, MAX_SPEAKER_CHARS),
        role=speaker.role,
        side=_limit(speaker.side, MAX_SIDE_CHARS),
        text=draft.text,
        kind=draft.kind,
        sentence_index=draft.sentence,
        confidence=round(min(1.0, max(0.0, draft.confidence)), 3),
        date_basis=draft.basis,
        date_confidence=round(min(1.0, max(0.0, draft.date_factor)), 3),
        date_doubtful=_doubtful(draft),
    )


def _doubtful(draft: _Draft) -> bool:
    """A date to check before saving: nothing in the text dated it, or habitual words ("has
    said", "says") or a medium's report (its day seldom the story's) were dated only by their
    context."""
    if draft.basis is DateBasis.PUBLICATION or draft.vague_time is not None:
        return True  # nothing dated it, or a time that names no day ("late last year")
    second_hand = draft.habitual or draft.speaker.is_media
    return second_hand and draft.basis is not DateBasis.OWN_CLAUSE


def candidates_to_frame(candidates: Iterable[Candidate], *, source: str = "") -> pd.DataFrame:
    """Candidates as a statements-shaped DataFrame (plus title and confidence).

    ``source`` fills the source column (e.g. the article's URL); ``note`` is the date note.
    """
    rows = [
        {
            "date": candidate.date,
            "speaker": candidate.speaker,
            "role": candidate.role.value,
            "side": candidate.side,
            "text": candidate.text,
            "source": source,
            "kind": candidate.kind.value,
            "note": candidate.date_note,
            "title": candidate.title,
            "confidence": candidate.confidence,
        }
        for candidate in candidates
    ]
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
