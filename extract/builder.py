"""Statements: attributions and quote-only paragraphs turned into drafts with resolved speakers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from summit_outlook.extract.analysis import _Paragraph
from summit_outlook.extract.attribution import (
    PAIR_WORD,
    _Attribution,
    _Pronoun,
    _Sentence,
    _SpeakerRef,
    _Style,
)
from summit_outlook.extract.dates import _DateMention
from summit_outlook.extract.mentions import _Mention, _MentionKind
from summit_outlook.extract.people import _learn_people, _Person
from summit_outlook.extract.rules import ConfidenceRules, ExtractionRules, Office
from summit_outlook.extract.tokens import _Token, _TokenKind
from summit_outlook.model.statements import MAX_TEXT_CHARS, Kind, Role

UNKNOWN_SIDE = "unknown"
# Roles of the descriptions an indefinite article keeps anonymous ("a senior official said").
_ANONYMOUS_ROLES = frozenset({Role.OFFICIAL, Role.OTHER})


class DateBasis(StrEnum):
    """How a statement's date was found: how far to trust it."""

    OWN_CLAUSE = "own clause"  # a date in the statement's own clause ("Peskov said on Monday")
    CARRIED = "carried"  # from the paragraph, the same speaker's other words, or the story's day
    PUBLICATION = "publication"  # nothing in the text dates it: the publication date stands in


class Candidate(BaseModel):
    """One statement found in an article: who said it, what, and when (with how we know)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date  # when it was said, never after publication
    date_note: str  # how the date was found, quoting the words it came from
    speaker: str = Field(min_length=1)  # full name where the article gives one
    title: str = ""  # as at the introduction ("Kremlin spokesman"), else the office held (office_holders)
    role: Role = Role.OTHER
    side: str = UNKNOWN_SIDE  # whom the speaker speaks for, where the text says so
    text: str = Field(min_length=1)  # the words; quotation marks kept inside reported speech
    kind: Kind  # quote if any words are verbatim, paraphrase for reported speech
    sentence_index: int = Field(ge=0)  # 0-based, across the article; a heading counts as one
    confidence: float = Field(ge=0.0, le=1.0)  # ranking aid: attribution x speaker x date
    date_basis: DateBasis = DateBasis.PUBLICATION
    date_confidence: float = Field(default=0.0, ge=0.0, le=1.0)  # the date's part of confidence
    # Worth checking before saving: the publication date stood in, or the words are habitual
    # ("has said", "says", "had previously said") and no date of their own says when.
    date_doubtful: bool = True


@dataclass(frozen=True)
class _Speaker:
    name: str
    title: str
    role: Role
    side: str
    is_person: bool
    is_media: bool = False  # a news organisation: nobody's spokesman, never "he" later
    plural: bool = False  # an unnamed group ("officials"): never "the official" or "he" later

    @property
    def is_institution(self) -> bool:
        return not self.is_person and not self.is_media


@dataclass(frozen=True, slots=True)
class _DateSource:
    """A date an undated statement may borrow, with the reason it applies."""

    sentence: int
    reason: str
    date: dt.date
    root_note: str  # how the date was found first-hand ("'on Nov. 17' in the text")
    root_factor: float


@dataclass
class _Draft:
    """A statement before its date is settled."""

    sentence: int
    paragraph: int
    speaker: _Speaker
    text: str
    kind: Kind
    style_factor: float  # how it was attributed (quote, reported, according to, continuation)
    resolution_factor: float  # how its speaker was resolved (named, pronoun, ...)
    own_date: _DateMention | None
    narrative_dates: tuple[_DateSource, ...] = ()  # dates set by the surrounding narrative
    continues: int | None = None  # index of the draft whose quote this one continues
    date: dt.date | None = None
    note: str = ""
    root_note: str = ""  # empty while undated or dated only by publication
    date_factor: float = 1.0
    basis: DateBasis = DateBasis.PUBLICATION
    habitual: bool = False  # "has said", "says": words said over time, not on one day
    # The statement's clause gives a time that names no day ("late last year"): not the
    # context's day either.
    vague_time: _DateMention | None = None

    @property
    def confidence(self) -> float:
        return self.style_factor * self.resolution_factor * self.date_factor


@dataclass(frozen=True)
class _Recent:
    speaker: _Speaker
    sentence: int
    paragraph: int


def _first_hand(mention: _DateMention, confidence: ConfidenceRules) -> tuple[str, float]:
    """The note and confidence factor of a date read straight from the text."""
    factor = confidence.date_exact if mention.exact else confidence.date_relative
    return f"'{mention.surface}' {mention.how}", factor


class _Builder:
    """Walks the analysed article in order and turns attributions into drafts."""

    def __init__(
        self,
        paragraphs: list[_Paragraph],
        rules: ExtractionRules,
        *,
        home_side: str | None = None,
        published: dt.date | None = None,
    ):
        self.paragraphs = paragraphs
        self.rules = rules
        self.lexicon = rules._lexicon
        # Newsrooms name their own officials by a bare title ("President Donald Trump") and
        # foreign ones with their country: the publication's country, if the story mentions it.
        self.home_side = home_side if home_side and self._mentions_side(home_side) else None
        self.registry = _learn_people(paragraphs, self.lexicon)
        # Who held which office on the publication day, by every name they go by (folded).
        self.offices: dict[str, tuple[Office, str]] = {}
        # Heads of state and government on the publication day, by side and the last word of the
        # office ("president", "minister"), for "the Chinese president said".
        self.leaders: dict[tuple[str, str], list[tuple[str, Office]]] = {}
        for holder in rules.office_holders if published is not None else ():
            office = holder.office_on(published)
            if office is not None:
                self.offices.update((_folded_name(name), (office, holder.side)) for name in holder.names)
                if office.role is Role.HEAD_OF_STATE:
                    key = (holder.side, office.title.split()[-1].casefold())
                    self.leaders.setdefault(key, []).append((holder.names[0], office))
        self.bodies: dict[str, str] = {}  # body name, or its generic word, -> its side
        self.body_names: dict[str, str] = {}  # generic word -> the body last named with it
        self.drafts: list[_Draft] = []
        # The latest person for each (role, side) and (role, None), for "the spokesman said".
        self.by_role: dict[tuple[Role, str | None], _Recent] = {}
        self.last_person: _Recent | None = None
        # The latest narrative sentence naming someone with a date ("Witkoff met Putin on
        # Thursday."), by name: that person's next words were probably said then.
        self.events: dict[str, tuple[int, int, _DateMention]] = {}  # (sentence, paragraph, date)
        # An attribution that ends in a colon, waiting for the quote it introduces.
        self.lead: tuple[int, _Sentence, _Attribution] | None = None
        # The paragraph so far has a narrative sentence in the past perfect (a past scene).
        self.looking_back = False
        # Who last issued each kind of document ("The White House said in a statement"), for a
        # later "the statement said": (draft index, document word).
        self.documents: dict[str, int] = {}

    def build(self) -> list[_Draft]:
        for paragraph in self.paragraphs:
            if not paragraph.heading:
                self._paragraph(paragraph)
        self._complete_speakers()
        return self.drafts

    def _complete_speakers(self) -> None:
        """What the article says of a person anywhere holds for all their statements: "Putin
        said ..." before "the Russian president added" is the Russian president's too. Then the
        publication's country for officials named by a bare title, and the roles some titles
        have only in some countries ("Foreign Secretary" is a civil servant in India)."""
        # The side a person's earlier statement had, before a later sentence's one guess.
        earlier: dict[str, str] = {}
        for draft in self.drafts:
            speaker = draft.speaker
            person = self.registry.by_name.get(speaker.name) if speaker.is_person else None
            if person is not None:
                side = speaker.side if speaker.side != UNKNOWN_SIDE else self.registry.side_of(person)
                if speaker.role is Role.OTHER and not speaker.title and person.title:
                    speaker = replace(speaker, title=person.title, role=person.role or Role.OTHER)
                speaker = replace(speaker, side=side or UNKNOWN_SIDE)
            if speaker.is_person:
                speaker = self._in_known_office(speaker)
            if speaker.side == UNKNOWN_SIDE and speaker.is_person and speaker.title:
                speaker = replace(speaker, side=self._body_side_by_name(speaker.title) or UNKNOWN_SIDE)
            titled_official = bool(speaker.title) and speaker.role is not Role.OTHER
            if speaker.side == UNKNOWN_SIDE and speaker.is_person and speaker.name in earlier:
                # "Prime Minister Kier Starmer said ... During his first visit to Washington DC,
                # Starmer said": the side of the first sentence, not the city of the second.
                speaker = replace(speaker, side=earlier[speaker.name])
            if speaker.side == UNKNOWN_SIDE and titled_official:
                speaker = replace(speaker, side=self._sentence_side(draft.sentence) or UNKNOWN_SIDE)
            if speaker.is_person and speaker.side != UNKNOWN_SIDE:
                earlier.setdefault(speaker.name, speaker.side)
            if speaker.side == UNKNOWN_SIDE and speaker.is_institution and speaker.name.islower():
                # A body named by its generic word alone that the article names no further ("The
                # development comes a day after the government announced ..."): the one side its
                # sentence names, else the publication's own, as for an official named by title.
                side = self._sentence_side(draft.sentence) or self.home_side
                speaker = replace(speaker, side=side or UNKNOWN_SIDE)
            group = speaker.title.casefold() in self.lexicon.group_titles  # "officials said"
            if speaker.side == UNKNOWN_SIDE and self.home_side and titled_official and not group:
                speaker = replace(speaker, side=self.home_side)
            draft.speaker = replace(speaker, role=self._role_in_country(speaker))
        # A person's side found at one statement holds for their others ("Zheng said").
        sides = {
            draft.speaker.name: draft.speaker.side
            for draft in self.drafts
            if draft.speaker.is_person and draft.speaker.side != UNKNOWN_SIDE
        }
        for draft in self.drafts:
            speaker = draft.speaker
            if speaker.is_person and speaker.side == UNKNOWN_SIDE and speaker.name in sides:
                draft.speaker = replace(speaker, side=sides[speaker.name])

    def _sentence_side(self, index: int) -> str | None:
        """The one side the statement's sentence names outside the words said: "China's
        response was calm, with Vice Foreign Minister Zheng telling reporters that ..."."""
        for paragraph in self.paragraphs:
            for sentence in paragraph.sentences:
                if sentence.index != index:
                    continue
                spans = [part.content for part in sentence.attribution.parts] if sentence.attribution else []
                words = [span for content in spans for span in content]
                sides = {
                    mention.side
                    for mention in sentence.mentions
                    if mention.side and not any(start <= mention.start < end for start, end in words)
                }
                return sides.pop() if len(sides) == 1 else None
        return None

    def _in_known_office(self, speaker: _Speaker) -> _Speaker:
        """A public figure the article names without an office ("Trump said", "Mr Xi told
        Putin") holds the one the rules' office_holders give for the publication day; the
        article's own title and side win, and a side it gives that is not theirs is someone else."""
        known = self.offices.get(_folded_name(speaker.name))
        if known is None:
            return speaker
        office, side = known
        if speaker.side not in (UNKNOWN_SIDE, side):
            return speaker
        if not speaker.title and speaker.role is Role.OTHER:
            speaker = replace(speaker, title=office.title, role=office.role)
        return replace(speaker, side=side)

    def _role_in_country(self, speaker: _Speaker) -> Role:
        title = speaker.title.casefold()
        for rule in self.rules.title_roles:
            in_country = not rule.sides or speaker.side in rule.sides
            if in_country and title.endswith(rule.title.casefold()):
                return rule.role
        return speaker.role

    def _mentions_side(self, side: str) -> bool:
        """Whether the story names this side anywhere ("Indian", "U.S.", "Britain")."""
        return any(
            mention.side == side
            for paragraph in self.paragraphs
            for sentence in paragraph.sentences
            for mention in sentence.mentions
        )

    def _paragraph(self, paragraph: _Paragraph) -> None:
        scene: _DateSource | None = None
        self.looking_back = False
        consumed: set[int] = set()
        for position, sentence in enumerate(paragraph.sentences):
            if position in consumed:
                continue
            made = False
            attribution = sentence.attribution
            if attribution is not None and attribution.content:
                made = self._attributed(paragraph, sentence, attribution, scene)
            elif sentence.quote_only:
                after = self._bare_attribution_after(paragraph, position)
                if after is not None:
                    consumed.add(position + 1)
                introduced = after or self._lead_in(paragraph, sentence)
                introduced = introduced or self._quote_goes_on_below(paragraph, sentence)
                if introduced is not None:
                    made = self._attributed(
                        paragraph, sentence, introduced[1], scene, date_sentence=introduced[0]
                    )
                else:
                    made = self._continuation(paragraph, sentence, scene)
            elif attribution is not None and _ends_with_colon(paragraph, sentence):
                self.lead = (paragraph.index, sentence, attribution)  # "Peskov told reporters:"
            if not made or (attribution is not None and attribution.nominal):
                # Words held in a noun leave the sentence a narrative one: its date and subject
                # still set the scene ("Trump stunned the world on Monday ..., prompting calls by
                # lawmakers for ...").
                scene = self._opening_date(sentence) or scene
                self.looking_back = self.looking_back or self._past_perfect(paragraph, sentence)
                self._remember_events(paragraph, sentence)
                self._remember_subject(paragraph, sentence)
            self._remember_people(paragraph, sentence)

    # -- drafts -------------------------------------------------------------------------------

    def _attributed(
        self,
        paragraph: _Paragraph,
        sentence: _Sentence,
        attribution: _Attribution,
        scene: _DateSource | None,
        *,
        date_sentence: _Sentence | None = None,
    ) -> bool:
        words = tuple(span for part in attribution.parts for span in part.content)
        resolved = self._resolve(sentence, attribution.speaker, words)
        if resolved is None:
            return False
        speaker, resolution_factor = resolved
        if attribution.nominal:
            # "Wang's remarks last month that ...": only a date between the noun and the words.
            first_word = min(start for start, _ in words) if words else attribution.verb
            own = next(
                (
                    date
                    for date in sentence.dates
                    if attribution.verb < date.start < first_word and date.speech
                ),
                None,
            )
        elif date_sentence is None:
            own = _speech_date(sentence, attribution)
        else:
            own = _speech_date(date_sentence, None)
        confidence = self.rules.confidence
        made = False
        words_at = {position for start, end in words for position in range(start, end)}
        vague = None
        if own is None and not attribution.nominal:
            # "Late last year, Putin said ...": a time outside the words that names no day.
            vague = next(
                (
                    date
                    for date in (date_sentence or sentence).dates
                    if date.vague
                    and not any(position in words_at for position in range(date.start, date.end))
                ),
                None,
            )
        issued = {
            token.lower
            for position, token in enumerate(paragraph.tokens[sentence.start : sentence.end], sentence.start)
            if token.lower in self.lexicon.documents and position not in words_at
        }
        for part in attribution.parts:
            text, kind = _content_text(paragraph, part)
            too_short = kind is Kind.PARAPHRASE and len(text.split()) < self.rules.context.min_reported_words
            if not text or too_short:
                continue
            part_speaker, part_factor = speaker, resolution_factor
            if part.speaker != attribution.speaker:
                # "with Trump promising ... and Putin saying ...": a further statement of its own
                # speaker.
                own_speaker = self._resolve(sentence, part.speaker, part.content)
                if own_speaker is None:
                    continue
                part_speaker, part_factor = own_speaker
            style_factor = {
                _Style.QUOTE: confidence.quote,
                _Style.REPORTED: confidence.reported,
                _Style.ACCORDING: confidence.according_to,
            }[part.style]
            draft = _Draft(
                sentence.index,
                paragraph.index,
                part_speaker,
                text,
                kind,
                style_factor,
                part_factor,
                own,
                self._narrative_dates(sentence, part_speaker, scene),
                habitual=attribution.habitual or self.looking_back,
                vague_time=vague,
            )
            self._add(draft)
            if not isinstance(attribution.speaker, _Pronoun) or attribution.speaker.word not in issued:
                # "said in a statement": the issuer of that document, for "the statement said"
                self.documents.update((word, len(self.drafts) - 1) for word in issued)
            made = True
        return made

    def _past_perfect(self, paragraph: _Paragraph, sentence: _Sentence) -> bool:
        """'Mr Zelenskyy had first balked at the offer': narrative in the past perfect. What the
        paragraph then reports ("He said ...") was said back then, on a day it does not give."""
        tokens = paragraph.tokens[sentence.start : sentence.end]
        for position, token in enumerate(tokens[:-1]):
            if token.lower not in self.lexicon.past_perfect_auxiliaries:
                continue
            following = tokens[position + 1]
            adverb = following.text.islower() and following.lower not in self.lexicon.stopwords
            if adverb and not following.lower.endswith(("ed", "en")) and position + 2 < len(tokens):
                following = tokens[position + 2]  # "had first balked", "had already agreed"
            if following.is_word and following.text.islower() and following.lower.endswith(("ed", "en")):
                return True
        return False

    def _continuation(self, paragraph: _Paragraph, sentence: _Sentence, scene: _DateSource | None) -> bool:
        """A quote with no attribution continues the previous speaker, if close enough."""
        if not self.drafts:
            return False
        previous_index = len(self.drafts) - 1
        previous = self.drafts[previous_index]
        if paragraph.index - previous.paragraph > self.rules.context.continuation_paragraphs:
            return False
        text = _quotes_text(paragraph.tokens[sentence.start : sentence.end])
        if not text:
            return False
        draft = _Draft(
            sentence.index,
            paragraph.index,
            previous.speaker,
            text,
            Kind.QUOTE,
            self.rules.confidence.continuation,
            previous.resolution_factor,
            None,
            self._narrative_dates(sentence, previous.speaker, scene),
            previous_index,
            habitual=previous.habitual,
        )
        self._add(draft)
        return True

    def _add(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        if draft.speaker.is_institution and draft.speaker.side != UNKNOWN_SIDE:
            self._remember_body(draft.speaker.name, draft.speaker.side)
        recent = _Recent(draft.speaker, draft.sentence, draft.paragraph)
        if draft.speaker.is_person and not draft.speaker.plural:
            self.last_person = recent
            self._note_role(recent)

    def _bare_attribution_after(
        self, paragraph: _Paragraph, position: int
    ) -> tuple[_Sentence, _Attribution] | None:
        """'"Are we ready?" Peskov asked.' split in two: the attribution with no words."""
        if position + 1 >= len(paragraph.sentences):
            return None
        following = paragraph.sentences[position + 1]
        attribution = following.attribution
        if attribution is None or attribution.content:
            return None
        quoted = paragraph.sentences[position]
        quotes = tuple(
            (index, index + 1)
            for index in range(quoted.start, quoted.end)
            if paragraph.tokens[index].kind is _TokenKind.QUOTE
        )
        return following, _Attribution(attribution.speaker, attribution.verb, _Style.QUOTE, quotes)

    # -- dates from the narrative -------------------------------------------------------------

    def _lead_in(self, paragraph: _Paragraph, sentence: _Sentence) -> tuple[_Sentence, _Attribution] | None:
        """A quote paragraph after 'Peskov told reporters:' belongs to Peskov."""
        if self.lead is None:
            return None
        lead_paragraph, lead_sentence, attribution = self.lead
        self.lead = None
        if paragraph.index - lead_paragraph > self.rules.context.continuation_paragraphs:
            return None
        if self.drafts and self.drafts[-1].sentence > lead_sentence.index:
            return None
        quotes = tuple(
            (index, index + 1)
            for index in range(sentence.start, sentence.end)
            if paragraph.tokens[index].kind is _TokenKind.QUOTE
        )
        return lead_sentence, _Attribution(attribution.speaker, attribution.verb, _Style.QUOTE, quotes)

    def _quote_goes_on_below(
        self, paragraph: _Paragraph, sentence: _Sentence
    ) -> tuple[_Sentence, _Attribution] | None:
        """A quotation left open at a paragraph's end is continued by the next paragraph, which
        reopens it and names the speaker ('"We had a good discussion.' / '"The direction is
        right," Roth said.'): the speaker and date of both are the next paragraph's."""
        following = paragraph.index + 1
        if not paragraph.open_quote or following >= len(self.paragraphs):
            return None
        below = self.paragraphs[following]
        if below.heading or not below.sentences or below.tokens[0].kind is not _TokenKind.QUOTE:
            return None
        attribution = below.sentences[0].attribution
        if attribution is None or attribution.style is not _Style.QUOTE:
            return None
        quotes = tuple(
            (index, index + 1)
            for index in range(sentence.start, sentence.end)
            if paragraph.tokens[index].kind is _TokenKind.QUOTE
        )
        return below.sentences[0], _Attribution(attribution.speaker, attribution.verb, _Style.QUOTE, quotes)

    def _opening_date(self, sentence: _Sentence) -> _DateSource | None:
        """A date that opens a sentence ('On Friday, ...') sets the scene for what follows."""
        for date in sentence.dates:
            if date.speech and date.start <= sentence.start + 1:
                note, factor = _first_hand(date, self.rules.confidence)
                reason = f"date set earlier in the paragraph (sentence #{sentence.index})"
                return _DateSource(sentence.index, reason, date.date, note, factor)
        return None

    def _remember_events(self, paragraph: _Paragraph, sentence: _Sentence) -> None:
        """Dated narrative about a person or body: 'Witkoff met Putin in Moscow on Thursday.'"""
        # Only a day dates the occasion: "Modi went to Moscow in July" names a month of travel,
        # not the day of what he said later in the story.
        dates = [date for date in sentence.dates if date.speech and not date.month_only]
        if not dates:
            return
        for mention in sentence.mentions:
            if mention.kind is _MentionKind.DESCRIPTION:
                continue
            name = self._person(mention).name if mention.kind is _MentionKind.PERSON else mention.name
            nearest = min(dates, key=lambda date: abs(date.start - mention.start))
            self.events[name] = (sentence.index, paragraph.index, nearest)

    def _narrative_dates(
        self, sentence: _Sentence, speaker: _Speaker, scene: _DateSource | None
    ) -> tuple[_DateSource, ...]:
        sources = [scene] if scene is not None else []
        event = self.events.get(speaker.name)
        if event is not None and self._within_context(event[0], event[1], sentence):
            event_sentence, _, mention = event
            note, factor = _first_hand(mention, self.rules.confidence)
            reason = f"{speaker.name} is named with this date in sentence #{event_sentence}"
            sources.append(_DateSource(event_sentence, reason, mention.date, note, factor))
        return tuple(sources)

    # -- speakers -----------------------------------------------------------------------------

    def _resolve(
        self, sentence: _Sentence, reference: _SpeakerRef, words: tuple[tuple[int, int], ...] = ()
    ) -> tuple[_Speaker, float] | None:
        confidence = self.rules.confidence
        if isinstance(reference, _Pronoun):
            if reference.word in self.lexicon.documents:
                issued = self.documents.get(reference.word)
                last = self.drafts[issued] if issued is not None else None
                if last is None or not self._within_context(last.sentence, last.paragraph, sentence):
                    last = self.drafts[-1] if self.drafts else None  # whoever spoke last
                if last is None or not self._within_context(last.sentence, last.paragraph, sentence):
                    return None
                return last.speaker, confidence.pronoun
            if reference.word == PAIR_WORD:
                # "Putin met Kim ... In brief statements, both men said": as far back as context
                # goes; "the two leaders" are the last two heads the story named, when it named two
                # ("Peskov said ... Lavrov said ... The two leaders said" is not Peskov and Lavrov).
                word = self.paragraphs[sentence.paragraph].tokens[reference.position].lower
                role = self.lexicon.single_titles.get(word.removesuffix("s"), Role.OTHER)
                reach = self.rules.context.sentences
                pair = None
                if role is not Role.OTHER:  # the story's two leaders, wherever it named them
                    pair = self._last_two(sentence, reference, reach=sentence.index, known=True, role=role)
                if pair is None:
                    pair = self._last_two(sentence, reference, reach=reach, known=True)
                if pair is not None:
                    return self._pair(*pair), confidence.pronoun
                # Nobody to pair: as any plural description ("the two leaders": unnamed leaders).
                name = f"{self.rules.names.unnamed_prefix} {word}"
                return _Speaker(name, word, role, UNKNOWN_SIDE, True, plural=True), confidence.anonymous
            if reference.word in self.lexicon.ordinal_references:
                person = self._one_of_last_two(sentence, reference)
                return (self._person(person), confidence.pronoun) if person is not None else None
            if (reference.word,) in self.lexicon.media_words.entries:
                medium = self._recent_medium(sentence)
                return (medium, confidence.medium) if medium is not None else None
            if reference.word in self.lexicon.body_pronouns:
                body = self._recent_body(sentence)
                return (body, confidence.pronoun) if body is not None else None
            if reference.word in self.lexicon.plural_pronouns:
                several = self._recent_several(sentence)
                return (several, confidence.pronoun) if several is not None else None
            # "President Ma set off for Singapore ..., a summit that he hopes will become ...": the
            # sentence's own subject before the pronoun, outside the words said ("In reply, the
            # North announced ..., he said" is someone else), else the last person quoted or named.
            paragraph = self.paragraphs[sentence.paragraph]
            subject = self._subject(paragraph, sentence, reference.position, strict=True)
            if subject is not None and not any(start <= subject.start < end for start, end in words):
                return self._person(subject), confidence.pronoun
            recent = self._recent_person(sentence)
            return (recent.speaker, confidence.pronoun) if recent is not None else None
        if reference.kind is _MentionKind.PERSON and reference.medium:
            side = self.lexicon.state_media.get(reference.name.casefold(), UNKNOWN_SIDE)
            return _Speaker(reference.name, "", Role.OTHER, side, False, True), confidence.medium
        if reference.kind is _MentionKind.PERSON and reference.joint is not None:
            return self._joint(reference), confidence.named
        if reference.kind is _MentionKind.PERSON:
            return self._person(reference), confidence.named
        if reference.kind is _MentionKind.INSTITUTION:
            bare = self._bare_body(reference, sentence)
            if bare is not None:
                return bare, confidence.institution
            side = reference.side or self._body_side_by_name(reference.name)
            side = side or self._patron_side(reference.affiliate) or UNKNOWN_SIDE
            name = reference.name
            return _Speaker(name, "", reference.role or Role.OTHER, side, False), confidence.institution
        return self._described(reference, sentence)

    def _bare_body(self, mention: _Mention, sentence: _Sentence) -> _Speaker | None:
        """A body named by its generic word alone (institutions.bare_words): "his office" is the
        office of the person the pronoun stands for ("Biden's office"); "the ministry" and "the
        foreign ministry" the body named before with that word ("China's foreign ministry"),
        else a body of no known side."""
        if mention.side or mention.affiliate or not mention.name.islower():
            return None
        role = mention.role or Role.OTHER
        if mention.determiner in self.lexicon.possessive_pronouns:
            owner = self._owner_before(sentence, mention)
            if owner is None:
                return _Speaker(mention.name, "", role, UNKNOWN_SIDE, False)
            side = owner.side if owner.side != UNKNOWN_SIDE else self._patron_side(owner.name)
            return _Speaker(f"{owner.name}'s {mention.name}", "", role, side or UNKNOWN_SIDE, False)
        generic = mention.name.split()[-1]
        named = self.body_names.get(generic)
        if named is None:
            return None
        return _Speaker(named, "", role, self.bodies.get(named, UNKNOWN_SIDE), False)

    def _owner_before(self, sentence: _Sentence, mention: _Mention) -> _Speaker | None:
        """Whom "his"/"her" before a body stands for: the last person named before it in its
        sentence ("The purpose of Ma's trip was ..., his office said"), else the last person
        named or quoted within context."""
        people = [
            earlier
            for earlier in sentence.mentions
            if earlier.kind is _MentionKind.PERSON
            and not earlier.medium
            and earlier.end <= mention.span_start
        ]
        if people:
            return self._person(people[-1])
        recent = self._recent_person(sentence)
        return recent.speaker if recent is not None else None

    def _one_of_last_two(self, sentence: _Sentence, reference: _Pronoun) -> _Mention | None:
        """'Sharif asked Modi ... and the latter said': of the last two people named before the
        word (in its sentence, else with the sentence before), the one its order gives."""
        pair = self._last_two(sentence, reference)
        return pair[self.lexicon.ordinal_references[reference.word]] if pair is not None else None

    def _known_person(self, mention: _Mention) -> bool:
        person = self.registry.lookup(mention.name)
        if person is not None and person.role is not None:
            return True
        return _folded_name(person.name if person else mention.name) in self.offices

    def _pair(self, first: _Mention, second: _Mention) -> _Speaker:
        """'both men said': the last two people named, one speaker for both (as _joint)."""
        one, other = self._in_known_office(self._person(first)), self._in_known_office(self._person(second))
        role = one.role if one.role is other.role else Role.OTHER
        side = one.side if one.side == other.side else UNKNOWN_SIDE
        return _Speaker(f"{one.name} and {other.name}", "", role, side, True, plural=True)

    def _last_two(
        self,
        sentence: _Sentence,
        reference: _Pronoun,
        *,
        reach: int = 1,
        known: bool = False,
        role: Role | None = None,
    ) -> tuple[_Mention, _Mention] | None:
        """The last two people named before the word, in its sentence, else with the `reach`
        sentences before; in the order named. `known`: only people in an office, as the article
        gives it or office_holders do, not any capitalised word ("the Pacific coast", "ISIS",
        "the Korean Peninsula"). `role`: only people the article or office_holders give that role.
        """
        people: list[_Mention] = []
        for paragraph in self.paragraphs[: sentence.paragraph + 1]:
            for earlier in paragraph.sentences:
                if sentence.index - reach <= earlier.index <= sentence.index:
                    people.extend(
                        mention
                        for mention in earlier.mentions
                        if mention.kind is _MentionKind.PERSON
                        and not mention.medium
                        and (earlier.index < sentence.index or mention.end <= reference.position)
                        and (not known or self._known_person(mention))
                        and (role is None or self._person(mention).role is role)
                    )
        names: list[_Mention] = []
        for mention in people:  # one entry per person, at their last mention
            names = [named for named in names if self._person(named).name != self._person(mention).name]
            names.append(mention)
        if len(names) < 2:
            return None
        return names[-2], names[-1]

    def _recent_medium(self, sentence: _Sentence) -> _Speaker | None:
        """The news organisation named last, within context, for "the network reported", "the
        newspaper said": 'a White House official told CBS News. "...," the network reported.'"""
        last: tuple[_Sentence, _Mention] | None = None
        for paragraph in self.paragraphs[: sentence.paragraph + 1]:
            for earlier in paragraph.sentences:
                if earlier.index > sentence.index:
                    break
                for mention in earlier.mentions:
                    if mention.kind is _MentionKind.PERSON and mention.medium:
                        last = (earlier, mention)
        if last is None or not self._within_context(last[0].index, last[0].paragraph, sentence):
            return None
        name = last[1].name
        side = self.lexicon.state_media.get(name.casefold(), UNKNOWN_SIDE)
        return _Speaker(name, "", Role.OTHER, side, False, True)

    def _joint(self, reference: _Mention) -> _Speaker:
        """Two people speaking together ("Macron and Merz said"): one speaker named for both,
        with their role and side where they share them. Never "he" later."""
        joint = reference.joint
        assert joint is not None
        first = self._person(replace(reference, joint=None, end=joint.start))
        second = self._person(joint)
        first = self._in_known_office(first)
        second = self._in_known_office(second)
        role = first.role if first.role is second.role else Role.OTHER
        side = first.side if first.side == second.side else UNKNOWN_SIDE
        return _Speaker(f"{first.name} and {second.name}", "", role, side, True, plural=True)

    def _patron_side(self, affiliate: str | None) -> str | None:
        """The side of the person someone is affiliated with ("Putin's adviser Yuri Ushakov"):
        as the article gives it, else the office they held on the publication day."""
        if not affiliate:
            return None
        patron = self.registry.lookup(affiliate)
        side = self.registry.side_of(patron) if patron else None
        known = self.offices.get(_folded_name(affiliate))
        return side or (known[1] if known else None)

    def _holder_side(self, title: str) -> str | None:
        """The side of a public figure a description is named after ("a senior Biden
        administration official", "a Trump aide"): the office they held on the publication day."""
        words = title.split()
        for length in range(len(words), 0, -1):
            for start in range(len(words) - length + 1):
                known = self.offices.get(_folded_name(" ".join(words[start : start + length])))
                if known is not None:
                    return known[1]
        return None

    def _person(self, mention: _Mention) -> _Speaker:
        person = self.registry.lookup(mention.name)
        if person is None:
            side = mention.side or self._patron_side(mention.affiliate)
            return _Speaker(
                mention.name, mention.title, mention.role or Role.OTHER, side or UNKNOWN_SIDE, True
            )
        side = mention.side or self.registry.side_of(person) or self._patron_side(person.affiliate)
        title = mention.title or person.title
        role = (mention.role if mention.title else person.role) or Role.OTHER
        return _Speaker(person.name, title, role, side or UNKNOWN_SIDE, True)

    def _described(self, mention: _Mention, sentence: _Sentence) -> tuple[_Speaker, float]:
        """'the spokesman' -> the last spokesperson named; 'a senior official' -> unnamed."""
        confidence = self.rules.confidence
        role = mention.role or Role.OTHER
        if self._names_a_medium(mention.title):
            # "state media reported": an outlet, unnamed; "Chinese state media" is China's,
            # "Japanese media" (the country's press at large) nobody's.
            name = f"{self.rules.names.unnamed_prefix} {mention.name}"
            words = {word.casefold() for word in mention.title.split()}
            side = mention.side if words & self.lexicon.state_media_words else None
            speaker = _Speaker(name, mention.title, Role.OTHER, side or UNKNOWN_SIDE, False, True)
            return speaker, confidence.medium
        anonymous = bool({word.casefold() for word in mention.title.split()} & self.lexicon.anonymous_words)
        if mention.determiner not in self.lexicon.indefinite and not mention.plural:
            only = None if anonymous else self._named_later(mention, mention.side)
            if only is not None:
                # "Prime Minister Modi met President Xi ... The prime minister said": the one
                # person with that title, before the last one with that role.
                return only, confidence.description
            recent = self.by_role.get((role, mention.side))
            unnamed = recent is not None and recent.speaker.name.startswith(self.rules.names.unnamed_prefix)
            if (
                recent is not None
                and (unnamed or not anonymous)
                and self._within_context(recent.sentence, recent.paragraph, sentence)
            ):
                return recent.speaker, confidence.description
        side = mention.side or self._patron_side(mention.affiliate) or self._holder_side(mention.title)
        side = side or self._owners_side(mention, sentence)
        named = None
        if not anonymous:  # "the unnamed official said": nobody the story names
            named = (
                self._named_later(mention, side)
                or self._last_named(mention, side, sentence)
                or self._generic_reference(mention, side, sentence)
            )
        if named is None and not anonymous:
            named = self._leader_described(mention, role, side)
        if named is not None:
            return named, confidence.description
        if role is not Role.OTHER:  # "analysts said" speak for no body that spoke before
            side = side or self._body_side(sentence)
        name = mention.name if anonymous else f"{self.rules.names.unnamed_prefix} {mention.name}"
        speaker = _Speaker(name, mention.title, role, side or UNKNOWN_SIDE, True, plural=mention.plural)
        return speaker, confidence.anonymous

    def _owners_side(self, mention: _Mention, sentence: _Sentence) -> str | None:
        """'His aides have said ...': people described by whose they are speak for the side of the
        person the possessive stands for (as "his office" is that person's office)."""
        if mention.determiner not in self.lexicon.possessive_pronouns:
            return None
        owner = self._owner_before(sentence, mention)
        if owner is None:
            return None
        side = owner.side if owner.side != UNKNOWN_SIDE else self._patron_side(owner.name)
        return side or None

    def _leader_described(self, mention: _Mention, role: Role, side: str | None) -> _Speaker | None:
        """'added the Chinese president', 'South Korea's president said': the one head of state or
        government of that side with that office on the publication day (office_holders), when the
        story names nobody else so; a former or deputy holder has another role and stays unnamed."""
        if role is not Role.HEAD_OF_STATE or not side or mention.plural or not mention.title.split():
            return None
        if mention.determiner in self.lexicon.indefinite:
            return None  # "a president" is any
        holders = self.leaders.get((side, mention.title.split()[-1].casefold()), [])
        if len(holders) != 1:
            return None
        name, office = holders[0]
        return _Speaker(name, office.title, office.role, side, True)

    def _names_a_medium(self, title: str) -> bool:
        words = tuple(word.casefold() for word in title.split())
        if words and words[-1] in self.lexicon.report_nouns:
            words = words[:-1]  # "media reports said": the outlet's reports
        table = self.lexicon.media_words
        return any(
            words[-length:] in table.entries for length in range(1, min(table.max_len, len(words)) + 1)
        )

    def _generic_reference(self, mention: _Mention, side: str | None, sentence: _Sentence) -> _Speaker | None:
        """'the diplomat said' after a named spokesman: a generic word for whoever spoke last."""
        if mention.determiner not in self.lexicon.definite or mention.plural:
            return None
        last = mention.title.casefold().split()[-1:]
        if last and mention.role is not self.lexicon.single_titles.get(last[0], mention.role):
            return None  # "the top US diplomat" is a minister, not whoever spoke last
        if mention.title.casefold().split()[-1:] != [
            word
            for word in mention.title.casefold().split()[-1:]
            if word in self.lexicon.generic_descriptions
        ]:
            return None
        recent = self._recent_person(sentence)
        if recent is None or not recent.speaker.title:
            return None
        recent_side = recent.speaker.side
        if recent_side == UNKNOWN_SIDE:  # "Foreign Minister Wang Yi ... the top US diplomat": not Wang
            office = self.offices.get(_folded_name(recent.speaker.name))
            recent_side = office[1] if office is not None else recent_side
        if side is not None and recent_side not in (side, UNKNOWN_SIDE):
            return None
        return recent.speaker

    def _body_side(self, sentence: _Sentence) -> str | None:
        """An unnamed speaker with no side of their own speaks for the body that spoke just
        before: 'The Kremlin said ... "...," a spokesman told TASS.'"""
        for draft in reversed(self.drafts):
            if sentence.paragraph - draft.paragraph > self.rules.context.unnamed_side_paragraphs:
                return None
            if draft.speaker.is_institution and draft.speaker.side != UNKNOWN_SIDE:
                return draft.speaker.side
        return None

    def _named_later(self, mention: _Mention, side: str | None) -> _Speaker | None:
        """A definite description the article names elsewhere: a lede's "South Korea's foreign
        minister said ..." and, further down, "Foreign Minister Kang Kyung-wha told reporters".
        Only when exactly one person in the article has that title on a compatible side. An
        indefinite one ("a Pakistani foreign ministry spokesman said") too, when its side is named
        and its role is a named post: "a senior official" stays anonymous, as the story means."""
        if mention.plural or mention.role is None:
            return None
        if mention.determiner in self.lexicon.indefinite and (
            side is None or mention.role in _ANONYMOUS_ROLES
        ):
            return None
        title = _head_title(mention.title)
        person = self._only_titled(title, mention.role, side) if title else None
        if person is None:
            title = self._title_proper(title)  # "US president" -> "president"
            person = self._only_titled(title, mention.role, side) if title else None
        if person is None:
            person = self._only_of_role(mention, side)
        if person is None:
            return None
        person.absorb("", None, side, None)  # the description's side holds for the name too
        side = side or self.registry.side_of(person)
        return _Speaker(person.name, person.title, person.role or Role.OTHER, side or UNKNOWN_SIDE, True)

    def _only_titled(self, title: str, role: Role | None, side: str | None) -> _Person | None:
        """The registry's one person with this title, unless the office they held on the
        publication day is another side's: "the US President" is not the "president Putin" of
        a later paragraph."""
        person = self.registry.only_titled(title, role, side)
        if person is None or side is None:
            return person
        return person if self._side_of_person(person) in (None, side) else None

    def _only_of_role(self, mention: _Mention, side: str | None) -> _Person | None:
        """'China's top diplomat said', after 'Foreign Minister Wang Yi met Secretary of State
        Antony Blinken': the one person of that named post's role on that side, the side the
        article gives or the office they held on the publication day."""
        if side is None or mention.role in _ANONYMOUS_ROLES or mention.determiner in self.lexicon.indefinite:
            return None
        fitting = {
            id(person): person
            for person in self.registry.by_name.values()
            if self._role_of_person(person) is mention.role and self._side_of_person(person) == side
        }
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def _role_of_person(self, person: _Person) -> Role | None:
        """The role the article gives, else the one of the office held on the publication day
        ("Mr Trump" is the one "US President" of a story that names him by no title)."""
        known = self.offices.get(_folded_name(person.name))
        return person.role or (known[0].role if known else None)

    def _side_of_person(self, person: _Person) -> str | None:
        known = self.offices.get(_folded_name(person.name))
        return self.registry.side_of(person) or (known[1] if known else None)

    def _title_proper(self, title: str) -> str:
        """The title itself, without the country or body before it: the longest ending of the
        words that the rules list as a title."""
        words = title.split()
        for start in range(len(words)):
            ending = " ".join(words[start:])
            if self.lexicon.titles.entries.get(tuple(word.casefold() for word in words[start:])):
                return ending
        return ""

    def _last_named(self, mention: _Mention, side: str | None, sentence: _Sentence) -> _Speaker | None:
        """A definite description right after a person the article names without a title is
        that person: 'Putin said ...' then 'The Russian president added:'. The person takes the
        description's title, role and side from then on."""
        if mention.determiner in self.lexicon.indefinite or mention.plural or mention.role is None:
            return None
        recent = self._recent_person(sentence)
        if recent is None or recent.speaker.title or recent.speaker.role is not Role.OTHER:
            return None
        known = recent.speaker.side
        if known == UNKNOWN_SIDE:  # "Biden said ... The Russian president claimed": not Biden
            office = self.offices.get(_folded_name(recent.speaker.name))
            known = office[1] if office is not None else known
        if side is not None and known != UNKNOWN_SIDE and known != side:
            return None
        person = self.registry.lookup(recent.speaker.name)
        if person is None:
            self.registry.add(recent.speaker.name, mention.title, mention.role, side, None)
            person = self.registry.lookup(recent.speaker.name)
        if person is None or (person.title and person.role is not mention.role):
            return None
        person.absorb(mention.title, mention.role, side, None)
        side = side or self.registry.side_of(person)
        return _Speaker(person.name, person.title, person.role or Role.OTHER, side or UNKNOWN_SIDE, True)

    def _recent_body(self, sentence: _Sentence) -> _Speaker | None:
        """The body that spoke last, if within context and no person spoke since: "it said";
        else, with nobody quoted in the paragraph so far, the body that opens the sentence before
        ("The foreign ministry issued a statement on Monday. It claimed that ...")."""
        for draft in reversed(self.drafts):
            if not self._within_context(draft.sentence, draft.paragraph, sentence):
                break
            if draft.speaker.is_institution:
                return draft.speaker
            if draft.speaker.is_person:
                return None
        if any(draft.paragraph == sentence.paragraph for draft in self.drafts):
            return None
        earlier = next(
            (s for s in self.paragraphs[sentence.paragraph].sentences if s.index == sentence.index - 1), None
        )
        if earlier is None:
            return None
        opening = (m for m in earlier.mentions if m.span_start == earlier.start)
        body = next((m for m in opening if m.kind is _MentionKind.INSTITUTION), None)
        if body is None:
            return None
        side = body.side or self._body_side_by_name(body.name) or UNKNOWN_SIDE
        return _Speaker(body.name, "", body.role or Role.OTHER, side, False)

    def _recent_several(self, sentence: _Sentence) -> _Speaker | None:
        """The last speaker quoted, if several ("the two leaders", "officials", "Obama and
        Medvedev") and within context: "they said"."""
        for draft in reversed(self.drafts):
            if not self._within_context(draft.sentence, draft.paragraph, sentence):
                return None
            return draft.speaker if draft.speaker.plural else None
        return None

    def _recent_person(self, sentence: _Sentence) -> _Recent | None:
        recent = self.last_person
        if recent is None or not self._within_context(recent.sentence, recent.paragraph, sentence):
            return None
        return recent

    def _within_context(self, then_sentence: int, then_paragraph: int, now: _Sentence) -> bool:
        context = self.rules.context
        return (
            now.paragraph - then_paragraph <= context.paragraphs
            and now.index - then_sentence <= context.sentences
        )

    def _note_role(self, recent: _Recent) -> None:
        speaker = recent.speaker
        self.by_role[(speaker.role, None)] = recent
        if speaker.side != UNKNOWN_SIDE:
            self.by_role[(speaker.role, speaker.side)] = recent

    def _remember_subject(self, paragraph: _Paragraph, sentence: _Sentence) -> None:
        """A narrative sentence's last subject is who a following "he said" means: 'Sorokin on
        Wednesday dismissed the criticism. "Washington knows our position," he said.'; 'Trump has
        denied any collusion, and Bolton echoed that denial. "...," he said.' (Bolton). A subject
        opens the sentence or a clause (after a comma, "and", "but"); failing one, the first
        person named."""
        chosen = self._subject(paragraph, sentence, sentence.end)
        if chosen is not None:
            self.last_person = _Recent(self._person(chosen), sentence.index, paragraph.index)

    def _subject(
        self, paragraph: _Paragraph, sentence: _Sentence, limit: int, *, strict: bool = False
    ) -> _Mention | None:
        """The sentence's last subject before `limit` (see _remember_subject). `strict`: only a
        subject, never the first person named ("Sitting opposite Putin, he said" is not Putin)."""
        tokens = paragraph.tokens
        people = [
            mention
            for mention in sentence.mentions
            if mention.kind is _MentionKind.PERSON and not mention.medium and mention.end <= limit
        ]
        subjects = [
            mention
            for mention in people
            if mention.span_start <= sentence.start
            or tokens[mention.span_start - 1].text == ","
            or (
                tokens[mention.span_start - 1].lower in self.lexicon.coordinators
                and not self._joins_names(tokens, mention.span_start - 1, sentence.start)
            )
        ]
        if subjects:
            return subjects[-1]
        if not people or (strict and self._in_opening_phrase(tokens, sentence, people[0])):
            return None
        return people[0]

    def _joins_names(self, tokens: Sequence[_Token], conjunction: int, start: int) -> bool:
        """Whether the conjunction joins two names in one phrase ("conflicts in the Middle East
        and North Africa"): the name after it is no clause's subject. After a comma ("..., and
        Bolton echoed") it opens a clause."""
        before = conjunction - 1
        return before >= start and tokens[before].is_capitalised and tokens[before].text != ","

    def _in_opening_phrase(self, tokens: Sequence[_Token], sentence: _Sentence, mention: _Mention) -> bool:
        """Whether the mention is inside a phrase that opens the sentence and sets the scene, up to
        its first comma: "Sitting opposite Putin and his delegation, he said ..."."""
        first = tokens[sentence.start]
        opening = first.lower in self.lexicon.intro_words or first.lower.endswith(
            self.lexicon.opening_word_endings
        )
        comma = next((i for i in range(sentence.start, sentence.end) if tokens[i].text == ","), None)
        return opening and comma is not None and mention.end <= comma

    def _remember_body(self, name: str, side: str) -> None:
        """A body named with its country ("China's Foreign Ministry", "The Presidential Office in
        Taipei"): named again without it, or in a title ("Ministry spokesperson Mao Ning"), it is
        still that country's."""
        self.bodies[name] = side
        for word in name.split():
            if word.casefold() in self._generic_words:
                self.bodies[word.casefold()] = side
                self.body_names[word.casefold()] = name

    def _body_side_by_name(self, name: str) -> str | None:
        if name in self.bodies:
            return self.bodies[name]
        words = [word.casefold() for word in name.split() if word.casefold() in self._generic_words]
        return self.bodies.get(words[-1]) if words else None

    @property
    def _generic_words(self) -> frozenset[str]:
        """The generic words of bodies, in any case: AFP's "Pakistan's foreign ministry said"
        names the same body as "Foreign Ministry"."""
        return frozenset(word.casefold() for word in self.lexicon.generic_institutions)

    def _remember_people(self, paragraph: _Paragraph, sentence: _Sentence) -> None:
        """Named people in this sentence become the referents of later descriptions; bodies named
        with their country are remembered with it."""
        for mention in sentence.mentions:
            if mention.kind is _MentionKind.INSTITUTION and mention.side:
                self._remember_body(mention.name, mention.side)
            elif (
                mention.kind is _MentionKind.DESCRIPTION
                and mention.side
                and not mention.plural
                and mention.name.split()[-1:]
                and mention.name.split()[-1].casefold() in self._generic_words
            ):
                # "Pakistan's foreign ministry said": in lower case a description, still a body
                # whose spokeswoman ("foreign ministry spokeswoman Tasnim Aslam") is its country's.
                self._remember_body(mention.name, mention.side)
            if mention.kind is not _MentionKind.PERSON or mention.medium:
                continue
            speaker = self._person(mention)
            if speaker.role is Role.OTHER:
                continue
            recent = _Recent(speaker, sentence.index, paragraph.index)
            self._note_role(recent)


def _folded_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def _head_title(title: str) -> str:
    """A description's title without its owner: "South Korea's foreign minister" -> "foreign
    minister" (the words after the last possessive)."""
    words = title.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith(("'s", "\u2019s", "s'", "s\u2019")):
            return " ".join(words[index + 1 :])
    return title


def _ends_with_colon(paragraph: _Paragraph, sentence: _Sentence) -> bool:
    return sentence.end > sentence.start and paragraph.tokens[sentence.end - 1].text == ":"


def _speech_date(sentence: _Sentence, attribution: _Attribution | None) -> _DateMention | None:
    """The date of speaking: a date outside the reported words, nearest the verb."""
    content: set[int] = set()
    if attribution is not None:
        spans = [attribution.ignored]
        for part in attribution.parts:
            if not part.predicate:  # a predicate's dates are its own: "praised ... yesterday"
                spans.extend(part.content)
        content = {position for start, end in spans for position in range(start, end)}
        verb = attribution.verb
    else:
        verb = sentence.start
    outside = [
        date
        for date in sentence.dates
        if date.speech and not any(position in content for position in range(date.start, date.end))
    ]
    if not outside:
        return None
    return min(outside, key=lambda date: (abs(date.start - verb), date.start))


def _quotes_text(tokens: Sequence[_Token]) -> str:
    """The words of the quotations, joined; a trailing comma (inside the marks) dropped."""
    parts = [token.text for token in tokens if token.kind is _TokenKind.QUOTE and token.text]
    return " ".join(parts).rstrip(" ,")


def _content_text(paragraph: _Paragraph, attribution: _Attribution) -> tuple[str, Kind]:
    """The speaker's words and whether they are quoted verbatim."""
    tokens = paragraph.tokens
    if attribution.style is _Style.QUOTE:
        chosen = [tokens[start] for start, end in attribution.content if start < end]  # no empty span
        text = _quotes_text(chosen)
        return _limit(text, MAX_TEXT_CHARS), Kind.QUOTE
    pieces = []
    has_quote = False
    for start, end in attribution.content:
        if start >= end:
            continue
        pieces.append(paragraph.text[tokens[start].start : tokens[end - 1].end].strip(" ,;:—–-"))
        has_quote = has_quote or any(t.kind is _TokenKind.QUOTE for t in tokens[start:end])
    text = " ".join(piece for piece in pieces if piece)
    # Reported words that contain quoted words are a quote: the marks stay in the text so a
    # reader sees which words are verbatim.
    return _limit(text, MAX_TEXT_CHARS), Kind.QUOTE if has_quote else Kind.PARAPHRASE


def _limit(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
