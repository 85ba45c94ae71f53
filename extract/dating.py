"""Dating statements: each draft dated from its own words, its context, or the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from summit_outlook.extract.analysis import _Paragraph
from summit_outlook.extract.builder import UNKNOWN_SIDE, DateBasis, _DateSource, _Draft, _first_hand
from summit_outlook.extract.rules import ExtractionRules
from summit_outlook.model.statements import Kind


def _story_day(
    paragraphs: Sequence[_Paragraph], rules: ExtractionRules, published: dt.date
) -> _DateSource | None:
    """The day the story is about: the first date of speaking in its opening paragraphs, when it
    is at most a couple of days before publication ("Obama yesterday canceled a Moscow summit";
    "North Korea had notified Seoul at the weekend"). What the story reports without a day of
    its own was said then, not on the day the paper came out."""
    story = rules.story
    body = [paragraph for paragraph in paragraphs if not paragraph.heading][: story.opening_paragraphs]
    for paragraph in body:
        for sentence in paragraph.sentences:
            for date in sentence.dates:
                if date.speech and 0 <= (published - date.date).days <= story.max_days_before:
                    note, factor = _first_hand(date, rules.confidence)
                    reason = f"the story's day, set in its opening (sentence #{sentence.index})"
                    return _DateSource(sentence.index, reason, date.date, note, factor)
    return None


def _together(one: _Draft, other: _Draft) -> bool:
    """A body and one of its own people, who speak for it on the same occasion: "The Kremlin
    said on Nov. 17 ..." and "Kremlin spokesman Dmitry Peskov told reporters ..."."""
    body, person = (one, other) if one.speaker.is_institution else (other, one)
    words = body.speaker.name.casefold().replace("\u2019s", "").replace("'s", "").split()
    title = person.speaker.title.casefold()
    return any(word in title for word in words if len(word) > 3)


class _Dater:
    """Settles each draft's date: its own, else its context's, else the story's day, else the
    publication date; and says how it was found, and whether it is doubtful."""

    def __init__(
        self,
        drafts: list[_Draft],
        rules: ExtractionRules,
        published: dt.date,
        story_day: _DateSource | None = None,
        headings: frozenset[int] = frozenset(),
    ):
        self.drafts = drafts
        self.rules = rules
        self.published = published
        self.story_day = story_day
        self.headings = headings  # indices of heading paragraphs
        # The latest dated statement per speaker, and per side for bodies and for people.
        self.last_by_speaker: dict[str, int] = {}
        self.last_institution_by_side: dict[str, int] = {}
        self.last_person_by_side: dict[str, int] = {}

    def run(self) -> None:
        for index, draft in enumerate(self.drafts):
            self._date(index, draft)
            if draft.root_note:  # dated by the text, not by the publication-date fallback
                self._remember(index, draft)

    def _remember(self, index: int, draft: _Draft) -> None:
        speaker = draft.speaker
        self.last_by_speaker[speaker.name] = index
        if speaker.side != UNKNOWN_SIDE and not speaker.is_media:
            by_side = self.last_institution_by_side if speaker.is_institution else self.last_person_by_side
            by_side[speaker.side] = index

    def _date(self, index: int, draft: _Draft) -> None:
        if draft.own_date is not None:
            note, factor = _first_hand(draft.own_date, self.rules.confidence)
            draft.date, draft.note, draft.root_note, draft.date_factor = (
                draft.own_date.date,
                note,
                note,
                factor,
            )
            draft.basis = DateBasis.OWN_CLAUSE
            return
        vague = draft.vague_time
        if vague is not None and vague.date != self.published:
            # "At the end of last year, Putin said ...": the part of the year, no day (doubtful).
            note = f"'{vague.surface}' {vague.how}"
            draft.date, draft.note, draft.root_note = vague.date, note, note
            draft.date_factor = self.rules.confidence.date_publication
            draft.basis = DateBasis.OWN_CLAUSE
            return
        if vague is not None:
            # "Putin said in recent weeks ...": no day, and not the context's day either.
            draft.date = self.published
            draft.note = (
                f"no date in the text ('{vague.surface}' names no day); "
                f"publication date {self.published.isoformat()} used"
            )
            draft.date_factor = self.rules.confidence.date_publication
            draft.basis = DateBasis.PUBLICATION
            return
        source = (
            self._continued(draft)
            or self._latest_context(draft)
            or self._next_own(index, draft)
            or self.story_day
        )
        if source is not None:
            draft.date = source.date
            draft.note = f"{source.reason}; {source.root_note}"
            draft.root_note = source.root_note  # only the first-hand note is repeated
            draft.date_factor = source.root_factor * self.rules.confidence.date_inherited
            draft.basis = DateBasis.CARRIED
            return
        draft.date = self.published
        draft.note = f"no date in the text; publication date {self.published.isoformat()} used"
        draft.date_factor = self.rules.confidence.date_publication
        draft.basis = DateBasis.PUBLICATION

    def _from_draft(self, source: _Draft, reason: str) -> _DateSource | None:
        if source.date is None or not source.root_note:
            return None
        factor = source.date_factor
        if source.note != source.root_note:  # inheriting twice must not compound the discount
            factor /= self.rules.confidence.date_inherited or 1.0
        return _DateSource(source.sentence, reason, source.date, source.root_note, factor)

    def _continued(self, draft: _Draft) -> _DateSource | None:
        if draft.continues is None:
            return None
        source = self.drafts[draft.continues]
        reason = f"continues the quote by {source.speaker.name} (sentence #{source.sentence})"
        return self._from_draft(source, reason)

    def _latest_context(self, draft: _Draft) -> _DateSource | None:
        """The most recent of: the speaker's last statement, a partner's, the narrative's."""
        sources = [source for source in self._earlier_statements(draft) if source is not None]
        sources.extend(draft.narrative_dates)
        latest: _DateSource | None = None
        for source in sources:
            if latest is None or source.sentence > latest.sentence:
                latest = source
        return latest

    def _earlier_statements(self, draft: _Draft) -> Iterator[_DateSource | None]:
        same = self.last_by_speaker.get(draft.speaker.name)
        if same is not None and self._close(self.drafts[same], draft):
            source = self.drafts[same]
            yield self._from_draft(source, f"same speaker's statement in sentence #{source.sentence}")
        if draft.speaker.side == UNKNOWN_SIDE or draft.speaker.is_media:
            return
        # A body and its spokespeople speak together: "The Kremlin said on Nov. 17 ...
        # Peskov told reporters ..." reports one briefing.
        partners = self.last_person_by_side if draft.speaker.is_institution else self.last_institution_by_side
        partner = partners.get(draft.speaker.side)
        if (
            partner is not None
            and self._close(self.drafts[partner], draft)
            and _together(self.drafts[partner], draft)
            and not self._looks_back(self.drafts[partner])
        ):
            source = self.drafts[partner]
            reason = (
                f"statement by {source.speaker.name} in sentence #{source.sentence} "
                f"(same side, {draft.speaker.side})"
            )
            yield self._from_draft(source, reason)

    def _looks_back(self, source: _Draft) -> bool:
        """A statement dated before the story's day ("Ushakov, who last week said ...") is
        background: its date stays its speaker's, no partner's ("Meanwhile, the Kremlin said")."""
        story = self.story_day
        return story is not None and source.date is not None and source.date < story.date

    def _close(self, source: _Draft, draft: _Draft) -> bool:
        """Near enough to share a date, with no subheading between: a new section is a new scene."""
        context = self.rules.context
        return (
            draft.paragraph - source.paragraph <= context.paragraphs
            and draft.sentence - source.sentence <= context.sentences
            and not any(source.paragraph < heading < draft.paragraph for heading in self.headings)
        )

    def _next_own(self, index: int, draft: _Draft) -> _DateSource | None:
        """A lead-in paraphrase takes the date of the same speaker's quote right after it; a
        quotation is no lead-in ('"Under your leadership ...," he said. Xi shared on Tuesday ...'
        are two occasions)."""
        context = self.rules.context
        if draft.kind is Kind.QUOTE:
            return None
        for later in self.drafts[index + 1 :]:
            if (
                later.paragraph - draft.paragraph > context.continuation_paragraphs
                or later.sentence - draft.sentence > context.sentences
            ):
                return None
            if later.speaker.name == draft.speaker.name:
                if later.own_date is None:
                    return None
                note, factor = _first_hand(later.own_date, self.rules.confidence)
                reason = f"same speaker's next statement (sentence #{later.sentence})"
                return _DateSource(later.sentence, reason, later.own_date.date, note, factor)
        return None
