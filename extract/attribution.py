"""Attribution: who said it, and which words are theirs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from summit_outlook.extract.dates import _DateMention
from summit_outlook.extract.mentions import _Mention, _MentionKind, _surface
from summit_outlook.extract.rules import ContextRules
from summit_outlook.extract.tokens import _Lexicon, _Token, _TokenKind


class _Style(Enum):
    QUOTE = "quote"  # '"...," Peskov said' -- the words are the quotation(s)
    REPORTED = "reported"  # "Rubio said that ..." -- the words follow (or precede) the verb
    ACCORDING = "according"  # "..., according to Ushakov"


@dataclass(frozen=True, slots=True)
class _Pronoun:
    position: int
    word: str


_SpeakerRef = _Mention | _Pronoun

# The word of a _Pronoun standing for the last two people named ("both men said").
PAIR_WORD = "both"


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: _SpeakerRef
    verb: int  # token position of the verb or attribution phrase
    style: _Style
    content: tuple[tuple[int, int], ...]  # token ranges of the speaker's words; () if bare
    ignored: tuple[int, int] = (0, 0)  # a relative clause whose dates are not the speech date
    habitual: bool = False  # "has said", "says", "Earlier, ... said": not said on one known day
    # The words are the verb's whole predicate ("expressed disappointment at the decision"):
    # the verb is part of them, and a date among them is the date of speaking.
    predicate: bool = False
    # Further statements of the same speaker in the sentence: "..., adding that ...", "and said
    # that ...", "but warned ...", an opening "Saying ..., X said".
    more: tuple[_Attribution, ...] = ()
    # Words held in a noun ("warnings from US officials that ..."): the sentence is narrative
    # about something else, and only a date beside the noun ("remarks last month") is theirs.
    nominal: bool = False

    @property
    def parts(self) -> tuple[_Attribution, ...]:
        """This attribution and its further statements, in reading order."""
        return tuple(sorted((self, *self.more), key=lambda part: part.content[0][0] if part.content else 0))


@dataclass
class _Sentence:
    """One sentence of a paragraph with everything found in it."""

    index: int  # across the article
    paragraph: int
    start: int
    end: int
    dates: list[_DateMention]
    mentions: list[_Mention]
    attribution: _Attribution | None = None
    quote_only: bool = False


class _Attributor:
    """Finds the first attribution in a sentence and the words it covers."""

    def __init__(
        self, tokens: Sequence[_Token], lexicon: _Lexicon, context: ContextRules, sentence: _Sentence
    ):
        self.tokens = tokens
        self.lexicon = lexicon
        self.context = context
        self.start, self.end = sentence.start, sentence.end
        self.by_end = {mention.end: mention for mention in sentence.mentions}
        self.by_start = {mention.start: mention for mention in sentence.mentions}
        self.dates_by_start = {date.start: date for date in sentence.dates}
        self.dates_by_end = {date.end: date for date in sentence.dates}
        self.ignored = (0, 0)  # an aside whose dates are not the date of speaking

    def find(self) -> _Attribution | None:
        tokens = self.tokens
        bare: _Attribution | None = None  # an attribution with no words: '"Ready?" Peskov asked.'
        for position in range(self.start, self.end):
            if not tokens[position].is_word:
                continue
            self.ignored = (0, 0)
            found = (
                self._according(position)
                or self._quoted_as(position)
                or self._passive(position)
                or self._passive_naming(position)
                or self._verb(position)
            )
            if found is not None and found.predicate:
                # "In a prompt reply, the North announced its agreement, he said.": the predicate
                # is the reported words of an attribution that closes the sentence.
                found = self._closing_attribution(found) or found
            if found is not None and not found.content:
                # "In the message, said Cheon, North Korea said ...": a later one has the words.
                bare = bare or replace(found, ignored=self.ignored)
                continue
            if found is not None:
                found = self._with_cited_source(found)
                found = self._reported_by_medium(found)
                found = self._with_tails(found)
                found = self._with_second_speaker(found)
                found = self._with_opening_participle(found)
                habitual = (
                    self._habitual(found.verb)
                    or self._in_background(found.speaker)
                    or self._looks_back(found)
                    or self._spoken_before(found)
                )
                return replace(found, ignored=self.ignored, habitual=habitual)
        if bare is not None:
            # "Russian media have reported on the summit, citing restrictions ...": no words of
            # its own, but a further statement of the same speaker.
            tailed = self._with_tails(bare)
            if tailed.more:
                bare = replace(tailed.more[0], more=tailed.more[1:], ignored=bare.ignored)
            return replace(bare, habitual=self._habitual(bare.verb))
        found = (
            self._participle_clause()
            or self._linked_participle()
            or self._absolute_participle()
            or self._labelled_quote()
        )
        if found is not None:
            return replace(self._with_tails(found), habitual=self._habitual(found.verb))
        # Words held in a noun ("her insistence that ...") were said over time, on no given day.
        return self._owned_words() or self._what_they_call()

    # -- further statements in the sentence -----------------------------------------------------

    def _with_tails(self, found: _Attribution) -> _Attribution:
        """Split off what the same speaker says next in the sentence: '"...," Rubio said, adding
        that ...', 'said it was watching "carefully" but warned ...', 'and said that ...'."""
        # A clause skipped before the words ("said yesterday as he played down the threat,
        # \"...\"") holds no further statement: look for one only once the words have begun.
        first_words = found.content[0][0] if found.content else found.verb + 1
        marker = self._tail_marker(
            max(found.verb + 1, first_words),
            _end_of(found.speaker),
            self._after_relative(found.verb),
        )
        if marker is None:
            return found
        cut, tail_verb = marker
        content = tuple(self._trim(start, min(end, cut)) for start, end in found.content if start < cut)
        content = tuple(span for span in content if self._has_words(*span))
        if (
            content
            and found.style is _Style.REPORTED
            and all(self._style_of(span) is _Style.QUOTE for span in content)
        ):
            found = replace(found, style=_Style.QUOTE)
        tail = self._tail(found.speaker, tail_verb) if tail_verb is not None else None
        if tail is None:
            return replace(found, content=content) if content else found
        tail = self._with_tails(tail)
        more = (*found.more, replace(tail, more=()), *tail.more)
        return replace(found, content=content, more=more)

    def _with_second_speaker(self, found: _Attribution) -> _Attribution:
        """Split off another speaker's statement inside the words: after a comma or "while"
        (said.second_speaker_links), a person or body named with a verb of their own ("...
        while Putin said the visit would ...", "after New Delhi announced that ..., Xi told
        Modi that ...")."""
        if found.predicate or found.more or len(found.content) != 1:
            return found
        tokens, lexicon = self.tokens, self.lexicon
        start, end = found.content[0]
        for position in range(start + 1, end):
            opener = tokens[position - 1]  # a quotation is one token: never inside one
            if opener.text != "," and opener.lower not in lexicon.second_speaker_links:
                continue
            mention = self._mention_starting(position)
            if mention is None or mention.kind is _MentionKind.DESCRIPTION or mention.medium:
                continue
            verb = mention.end
            while verb < end and tokens[verb].lower in lexicon.preludes:
                verb += 1
            if not lexicon.verbs.length_at(tokens, verb, self.end):
                continue
            inner = self._verb(verb)
            if inner is None or not inner.content or inner.predicate or inner.speaker != mention:
                continue
            cut = position - 1
            if opener.text != "," and cut > start and tokens[cut - 1].text == ",":
                cut -= 1
            first = self._trim(start, cut)
            if not self._has_words(*first):
                return found
            return replace(found, content=(first,), more=(replace(inner, more=()), *inner.more))
        return found

    def _tail_marker(
        self, start: int, speaker_end: int | None = None, in_relative: bool = False
    ) -> tuple[int, int | None] | None:
        """(where the first statement ends, where the next one's verb is), if the sentence goes
        on with the same speaker saying more; a relative clause only right after the speaker
        (`speaker_end`): "according to an official, who added", not "told Lavrov, who said".
        Words said in a relative clause about the speaker end where the main clause's speech verb
        follows a comma (`in_relative`): "Peskov, who said last week that A, told reporters that B"."""
        tokens, lexicon = self.tokens, self.lexicon
        for position in range(start, self.end - 1):
            token = tokens[position]
            if in_relative and token.text == "," and self._main_speech_verb(position + 1):
                return position, position + 1
            if in_relative and token.text == "," and self._main_clause_verb(position + 1):
                return position, None  # "..., who said A, declined to say more": A alone
            # "..., adding that ...", and after a dash: '... a "sign of normalizing ties" —
            # adding that "restoration of bilateral ties would benefit both"'.
            mark = token.text == "," or token.text in lexicon.clause_marks
            if mark and self._tail_participle_at(position + 1):
                return position, position + 1
            relative = (
                self._relative_speech_verb(position)
                if position == speaker_end and token.text == ","
                else None
            )
            if relative is not None:
                return position, relative  # "..., according to an official, who added that ..."
            if token.lower not in lexicon.coordinators:
                continue
            if token.lower in lexicon.joint_words and self._tail_participle_at(position + 1):
                # "..., and adding that ...": the participle after "and" goes on as after a comma.
                cut = position - 1 if position > start and tokens[position - 1].text == "," else position
                return cut, position + 1
            cursor = position + 1
            if cursor < self.end and tokens[cursor].text == "," and token.lower in lexicon.subject_openers:
                cursor += 1  # "..., however, he said ..."
            pronoun = cursor < self.end and tokens[cursor].lower in lexicon.subject_pronouns
            cursor += pronoun
            if token.lower in lexicon.subject_openers and not pronoun:
                continue  # "as" opens a statement only with its own subject: "as he told Xi ..."
            while cursor < self.end and tokens[cursor].lower in lexicon.preludes:
                cursor += 1
            if lexicon.acts.length_at(tokens, cursor, self.end):
                continue
            if lexicon.verbs.length_at(tokens, cursor, self.end) or lexicon.predicates.length_at(
                tokens, cursor, self.end
            ):
                cut = position - 1 if position > start and tokens[position - 1].text == "," else position
                return cut, cursor
        return None

    def _relative_aside(self, verb: int) -> bool:
        """Whether a predicate verb of a relative clause about the speaker is an aside before the
        main clause's speech verb ("Diplomats in Beijing, who asked not to be named, said ..."):
        no quotation in the clause, and a comma with a speech verb after it."""
        if not self._after_relative(verb):
            return False
        tokens = self.tokens
        for position in range(verb + 1, self.end - 1):
            if tokens[position].kind is _TokenKind.QUOTE:
                return False
            if tokens[position].text == "," and self._main_clause_verb(position + 1, speech=True):
                return True
        return False

    def _main_clause_verb(self, position: int, *, speech: bool = False) -> bool:
        """A finite verb after the comma that closes a relative clause about the speaker: one of
        the speech verbs (no participle: "adding that" is a tail of its own), or with `speech`
        false a finite word, a predicate verb or one of attribution.main_clause_verbs ("Officials
        in Washington, who said the summit was off, declined to give details")."""
        tokens, lexicon = self.tokens, self.lexicon
        if position >= self.end or tokens[position].lower in lexicon.tail_participles:
            return False
        if tokens[position].kind is not _TokenKind.WORD or not tokens[position].text.islower():
            return False
        if lexicon.verbs.length_at(tokens, position, self.end):
            return True
        if speech:
            return False
        return (
            tokens[position].lower in lexicon.finite_words
            or tokens[position].lower in lexicon.main_clause_verbs
            or bool(lexicon.predicates.length_at(tokens, position, self.end))
        )

    def _after_relative(self, verb: int) -> bool:
        """Whether a speech verb is the verb of a relative clause ("..., who said ...")."""
        before = verb - 1
        while before > self.start and self.tokens[before].lower in self.lexicon.preludes:
            before -= 1
        return before >= self.start and self.tokens[before].lower in self.lexicon.speaker_relatives

    def _main_speech_verb(self, position: int) -> bool:
        """A finite speech verb at `position` with "that" or a colon opening its words ("told
        reporters on Tuesday that ...", "said last week that ..."; not "called off the summit");
        no participle ("adding that" is a tail of its own)."""
        tokens, lexicon = self.tokens, self.lexicon
        if position >= self.end or tokens[position].lower in lexicon.tail_participles:
            return False
        length = lexicon.verbs.length_at(tokens, position, self.end)
        if not length:
            return False
        cursor = self._skip_adverbials(position + length, self._addresses(position))
        return cursor < self.end and (
            tokens[cursor].lower in lexicon.complementisers or tokens[cursor].text == ":"
        )

    def _relative_speech_verb(self, comma: int) -> int | None:
        """The speech verb of a relative clause about the speaker that goes on with their words
        (", who added that ...", ", who said the talks ..."), after the comma at `comma`."""
        tokens, lexicon = self.tokens, self.lexicon
        cursor = comma + 1
        if cursor >= self.end or tokens[cursor].lower not in lexicon.speaker_relatives:
            return None
        cursor += 1
        while cursor < self.end and tokens[cursor].lower in lexicon.preludes:
            cursor += 1
        return cursor if lexicon.verbs.length_at(tokens, cursor, self.end) else None

    def _tail(self, speaker: _SpeakerRef, verb: int) -> _Attribution | None:
        """The further statement whose verb (or participle: "adding") is at `verb`."""
        tokens, lexicon = self.tokens, self.lexicon
        length = lexicon.verbs.length_at(tokens, verb, self.end) or 1
        if lexicon.predicates.length_at(tokens, verb, self.end):
            after = self._skip_adverbials(verb + length, False)
            clause = after < self.end and (
                tokens[after].lower in lexicon.complementisers or self._finite_clause(after)
            )
            if not clause:
                return self._predicate(speaker, verb)
        cursor = self._skip_adverbials(verb + length, self._addresses(verb))
        if tokens[verb].lower in lexicon.clause_participles:
            cursor = self._past_speech_noun(cursor)  # "repeating the claim that ..."
        if cursor < self.end and (
            tokens[cursor].lower in lexicon.complementisers or tokens[cursor].text == ":"
        ):
            cursor += 1
        elif tokens[verb].lower in lexicon.clause_participles and not self._tail_participle_at(verb):
            return None  # "joking with reporters": no words without "that", a colon or a quote
        span = self._trim(cursor, self.end)
        if not self._has_words(*span) or self._names_a_source(verb, span[0]):
            return None
        if tokens[verb].lower in lexicon.citing or tokens[verb].lower in lexicon.kept_participles:
            span = (verb, span[1])  # "citing security concerns", "vowing to ...": the verb keeps the sense
        return _Attribution(speaker, verb, self._style_of(span), (span,))

    def _names_a_source(self, verb: int, start: int) -> bool:
        """'..., citing the Kremlin', 'citing unnamed officials', 'citing a statement from ...':
        the participle names where the words came from, not more words ('citing the "tremendous
        anger" in a statement' and 'citing restrictions imposed in the city' are words)."""
        tokens, lexicon = self.tokens, self.lexicon
        if tokens[verb].lower not in lexicon.citing:
            return False
        if self._mention_starting(start) is not None:
            return True
        word = start + 1 if start < self.end and tokens[start].lower in lexicon.determiners else start
        return word < self.end and tokens[word].lower in lexicon.documents

    def _with_opening_participle(self, found: _Attribution) -> _Attribution:
        """'Saying cross-strait ties have never been more stable, Ma said that ...': the opening
        participle's clause is the same speaker's first statement."""
        tokens, lexicon = self.tokens, self.lexicon
        if tokens[self.start].lower not in lexicon.tail_participles:
            return found
        comma = next((i for i in range(self.start + 1, found.verb) if tokens[i].text == ","), None)
        if comma is None:
            return found
        cursor = self.start + 1
        if tokens[cursor].lower in lexicon.complementisers:
            cursor += 1
        span = self._trim(cursor, comma)
        if not self._has_words(*span):
            return found
        opening = _Attribution(found.speaker, self.start, self._style_of(span), (span,))
        return replace(found, more=(opening, *found.more))

    def _participle_clause(self) -> _Attribution | None:
        """A narrative sentence that ends in what its subject says: 'Pressed further, Jean-Pierre
        backed away slightly, saying the US was "aiming ..."'."""
        tokens, lexicon = self.tokens, self.lexicon
        marker = next(
            (
                position
                for position in range(self.start + 1, self.end - 1)
                if self._tail_participle_at(position + 1)
                and (
                    tokens[position].text == ","
                    # "Putin emerged from the talks saying that ...": no comma before "that";
                    # "Macri entered office at the end of last year vowing to do away with ...":
                    # nor before a kept participle's infinitive.
                    or (
                        tokens[position].is_word
                        and position + 2 < self.end
                        and (
                            tokens[position + 2].lower in lexicon.complementisers
                            or (
                                tokens[position + 1].lower in lexicon.kept_participles
                                and tokens[position + 2].lower in lexicon.infinitive_markers
                            )
                        )
                    )
                )
            ),
            None,
        )
        if marker is None:
            return None
        opening = tokens[self.start]
        if opening.is_word and opening.lower in lexicon.pronouns:
            # "He pursued that theme after arriving in China, noting to Wen that ...": whoever
            # "he" is.
            return self._tail(_Pronoun(self.start, opening.lower), marker + 1)
        subject = next(
            (
                mention
                for mention in sorted(self.by_start.values(), key=lambda m: m.start)
                if mention.end <= marker
                and mention.determiner not in lexicon.indefinite
                # "Mr Trump answered some of them, allowing that ...": an honorific first.
                and (
                    self._with_honorific(mention.span_start) == self.start
                    or tokens[mention.span_start - 1].text == ","
                )
            ),
            None,
        )
        if subject is None:
            return None
        return self._tail(subject, marker + 1)

    def _linked_participle(self) -> _Attribution | None:
        """A speech participle after a preposition, its speaker the sentence's subject: 'Trump
        has faced criticism for calling Zelenskyy a \"dictator\"', 'Obama and Castro stunned
        the world by disclosing that they had held talks'. Without "that" the participle's
        phrase is the words, verb included, and it must hold a quotation."""
        tokens, lexicon = self.tokens, self.lexicon
        subject = self._opening_subject()
        if subject is None or subject.determiner in lexicon.indefinite:
            return None
        for position in range(subject.end, self.end - 1):
            if tokens[position].lower not in lexicon.participle_links:
                continue
            verb = position + 1
            if tokens[verb].lower not in lexicon.speech_participles:
                continue
            end = self._clause_end(verb)
            after = verb + 1
            if after < end and tokens[after].lower in lexicon.complementisers:
                span = self._trim(after + 1, end)
                return _Attribution(subject, verb, self._style_of(span), (span,))
            if not any(token.kind is _TokenKind.QUOTE for token in tokens[verb:end]):
                return None
            return _Attribution(subject, verb, _Style.REPORTED, ((verb, end),), predicate=True)
        return None

    def _absolute_participle(self) -> _Attribution | None:
        """A speech participle after a speaker that follows "with": 'opened the summit with Trump
        promising an "extraordinary relationship" and Putin saying it was high time ...', '...,
        with Clinton tweeting: "..."'. Each speaker joined by "and" says their own words: after
        "that", a colon or a participle that takes a bare clause ("saying"), the words follow
        the participle; otherwise they are the participle's phrase, which must hold a quotation."""
        tokens, lexicon = self.tokens, self.lexicon
        found: list[_Attribution] = []
        starts = [
            position
            for position in range(self.start, self.end - 2)
            if tokens[position].lower in lexicon.absolute_links
            or (position > self.start and tokens[position].lower in lexicon.joint_words)
        ]
        heads = []
        for position in starts:
            speaker = self._mention_starting(position + 1)
            verb = speaker.end if speaker is not None else self.end
            opens = tokens[position].lower in lexicon.absolute_links or heads
            if opens and verb < self.end and tokens[verb].lower in lexicon.speech_participles:
                heads.append((position, speaker, verb))
        for number, (_, speaker, verb) in enumerate(heads):
            end = self._clause_end(verb)
            if number + 1 < len(heads):
                end = min(end, self._trim(verb, heads[number + 1][0])[1])
            cursor = verb + 1
            manner = cursor
            while manner < end and tokens[manner].lower in lexicon.preludes:
                manner += 1  # "with the U.S. president saying simply: \"...\""
            if manner < end and (
                tokens[manner].lower in lexicon.complementisers or tokens[manner].text == ":"
            ):
                span = self._trim(manner + 1, end)
            elif tokens[verb].lower in lexicon.tail_participles:
                span = self._trim(cursor, end)
            elif any(token.kind is _TokenKind.QUOTE for token in tokens[verb:end]):
                found.append(_Attribution(speaker, verb, _Style.REPORTED, ((verb, end),), predicate=True))
                continue
            else:
                continue
            if self._has_words(*span) or self._style_of(span) is _Style.QUOTE and span[0] < span[1]:
                found.append(_Attribution(speaker, verb, self._style_of(span), (span,)))
        if not found:
            return None
        return replace(found[0], more=tuple(found[1:]))

    def _owned_words(self) -> _Attribution | None:
        """A speech noun owned by a person, then "that": "were predicated on her insistence that
        Tokyo had yet to atone", "Wang Yi's remarks last month that the road would not be smooth"
        are her and Wang's words (a narrative sentence with no attribution of its own). The
        owner may follow the noun as its agent ("warnings from US intelligence officials that
        ...", "a pledge by Lavrov to ..."), and some nouns take their own complement ("calls by
        lawmakers for a tougher line", "a pledge to ...": speech_noun_complements), kept with the
        noun as a predicate keeps its verb."""
        tokens, lexicon = self.tokens, self.lexicon
        for position in range(self.start + 1, self.end - 1):
            noun = tokens[position].lower
            if noun not in lexicon.speech_nouns:
                continue
            owner = tokens[position - 1]
            speaker: _SpeakerRef | None = None
            cursor = position + 1
            if owner.lower in lexicon.possessive_pronouns:
                speaker = _Pronoun(position - 1, lexicon.possessive_pronouns[owner.lower])
            else:
                mention = self._mention_ending(position)
                possessive = mention is not None and owner.bare != owner.text
                if possessive and mention.kind in (_MentionKind.PERSON, _MentionKind.INSTITUTION):
                    speaker = replace(mention, end=mention.end)
            if speaker is None:
                agent = self._speech_noun_agent(position + 1)
                if agent is not None:
                    speaker, cursor = agent, agent.end
            if speaker is None:
                continue
            date = self.dates_by_start.get(cursor)
            if date is not None:
                cursor = date.end  # "remarks last month that ...": when they were made
            if cursor >= self.end:
                continue
            if tokens[cursor].lower in lexicon.complementisers:
                span = self._trim(cursor + 1, self._clause_end(cursor))
                if self._opens_sentence(speaker):
                    span = self._before_main_verb(span)
                if self._has_words(*span):
                    style = self._style_of(span)
                    return _Attribution(
                        speaker, position, style, (span,), habitual=date is None, nominal=True
                    )
            elif self._noun_complement(noun, cursor):
                span = self._trim(cursor, self._clause_end(cursor))
                if self._has_words(span[0] + 1, span[1]):
                    content = ((position, position + 1), span)
                    return _Attribution(
                        speaker, position, _Style.REPORTED, content, habitual=date is None, nominal=True
                    )
        return None

    def _opens_sentence(self, speaker: _SpeakerRef) -> bool:
        """Whether the owner of a speech noun opens the sentence ("Peskov's warning that ...",
        "But his claim that ..."): the noun phrase is the main clause's subject."""
        start = speaker.position if isinstance(speaker, _Pronoun) else speaker.span_start
        first = self.start
        while first < start and self.tokens[first].lower in self.lexicon.opening_conjunctions:
            first += 1
        return start == first

    def _before_main_verb(self, span: tuple[int, int]) -> tuple[int, int]:
        """The words of a speech noun that is the sentence's subject end before the main clause's
        verb: "Peskov's warning that the talks could fail was ignored" (the clause's own finite
        word first, the main clause's last); with one finite word only, the span is kept."""
        tokens, finite = self.tokens, self.lexicon.finite_words
        words = [p for p in range(*span) if tokens[p].is_word and tokens[p].lower in finite]
        if len(words) < 2:
            return span
        return self._trim(span[0], words[-1])

    def _speech_noun_agent(self, start: int) -> _Mention | None:
        """The person or body after a speech noun's agent word ("by", "from"): "a warning by
        Blinken", "calls by lawmakers", "warnings from US intelligence officials"."""
        tokens, lexicon = self.tokens, self.lexicon
        if start >= self.end or tokens[start].lower not in lexicon.speech_noun_agents:
            return None
        mention = self._mention_starting(start + 1)
        if mention is None or mention.kind is _MentionKind.DESCRIPTION and not mention.plural:
            return None  # "a warning by a man", "calls from the floor": nobody who speaks for anyone
        return mention

    def _noun_complement(self, noun: str, cursor: int) -> bool:
        """Whether the noun's own complement starts here: "for" + a noun phrase, "to" + a verb
        ("a pledge to keep", not "a call to Putin")."""
        tokens = self.tokens
        words = self.lexicon.speech_noun_complements.get(noun, frozenset())
        if tokens[cursor].lower not in words or cursor + 1 >= self.end:
            return False
        following = tokens[cursor + 1]
        if tokens[cursor].lower in self.lexicon.infinitive_markers:
            return (
                following.is_word
                and following.text.islower()
                and following.lower not in self.lexicon.determiners
            )
        return following.is_word

    def _what_they_call(self) -> _Attribution | None:
        """'criticism of what he calls unfair trade practices', 'what Moscow calls its special
        military operation': the name given is the speaker's words, "what" included."""
        tokens, lexicon = self.tokens, self.lexicon
        for position in range(self.start, self.end - 2):
            if tokens[position].lower not in lexicon.naming_openers:
                continue
            cursor = position + 1
            speaker: _SpeakerRef | None = None
            if tokens[cursor].lower in lexicon.pronouns or tokens[cursor].lower in lexicon.body_pronouns:
                speaker, cursor = _Pronoun(cursor, tokens[cursor].lower), cursor + 1
            else:
                mention = self._mention_starting(cursor)
                if mention is not None and mention.kind is not _MentionKind.DESCRIPTION:
                    speaker, cursor = mention, mention.end
            length = lexicon.naming_verbs.length_at(tokens, cursor, self.end) if speaker else 0
            if speaker is None or not length:
                continue
            end = next(
                (i for i in range(cursor + length, self.end) if tokens[i].text in (",", ";")),
                self._trim(position, self.end)[1],
            )
            if self._has_words(cursor + length, end):
                return _Attribution(speaker, cursor, _Style.REPORTED, ((position, end),), habitual=True)
        return None

    def _joint_before(self, mention: _Mention) -> _Mention | None:
        """'Macron and Merz said ...': the person named before "and", speaking with this one;
        'India and Pakistan have agreed to "..."': two bodies, one speaker of nobody's side."""
        if mention.kind is _MentionKind.INSTITUTION and not mention.medium:
            link = mention.span_start - 1
            if link <= self.start or self.tokens[link].lower not in self.lexicon.joint_words:
                return None
            first = self._mention_ending(link)
            if first is None or first.kind is not _MentionKind.INSTITUTION or first.medium:
                return None
            name = f"{first.name} and {mention.name}"
            joint = replace(first, name=name, end=mention.end, side=None, affiliate=None)
            before = first.span_start - 1
            if (
                not first.determiner
                and before >= self.start
                and self.tokens[before].lower in self.lexicon.pair_openers
            ):
                joint = replace(joint, determiner=self.tokens[before].text)  # "both Beijing and Tokyo"
            return joint
        if mention.kind is not _MentionKind.PERSON or mention.medium:
            return None
        link = self._with_honorific(mention.span_start) - 1
        if link <= self.start or self.tokens[link].lower not in self.lexicon.joint_words:
            return None
        first = self._mention_ending(link)
        if first is None or first.kind is not _MentionKind.PERSON or first.medium:
            return None
        return replace(first, joint=mention)

    def _joint_after(self, mention: _Mention) -> _Mention:
        """'Obama and Raul Castro stunned the world by disclosing ...': both, when another person
        follows "and"."""
        link = mention.end
        if mention.kind is not _MentionKind.PERSON or link >= self.end:
            return mention
        if self.tokens[link].lower not in self.lexicon.joint_words:
            return mention
        second = self._mention_starting(link + 1)
        if second is None or second.kind is not _MentionKind.PERSON or second.medium:
            return mention
        return replace(mention, joint=second, end=second.end)

    def _opening_subject(self) -> _Mention | None:
        """The mention opening the sentence, or opening it after a scene-setting phrase ("On
        Dec. 17, 2014, Obama and Castro ..."); an honorific before it allowed ("Mr Trump")."""
        scene_end = self._scene_end()
        for mention in sorted(self.by_start.values(), key=lambda m: m.start):
            begins = self._with_honorific(mention.span_start)
            if begins == self.start:
                return self._joint_after(mention)
            before = self._trim(self.start, begins)
            if begins > self.start and self.tokens[begins - 1].text == "," and self._sets_scene(*before):
                return self._joint_after(mention)
            if mention.end <= scene_end:
                continue  # "After face-to-face talks with Putin, Trump ...": Putin is in the scene
            return None
        return None

    def _scene_end(self) -> int:
        """The comma closing a scene-setting phrase that opens the sentence ("After talks with
        Putin,"), or the sentence's start when there is none."""
        for position in range(self.start + 1, self.end):
            token = self.tokens[position]
            if token.kind is _TokenKind.QUOTE:
                break
            if token.text == ",":
                return position if self._sets_scene(*self._trim(self.start, position)) else self.start
        return self.start

    def _habitual(self, verb: int) -> bool:
        """Words said over time rather than on a day: a perfect or present-tense verb ("has
        said", "says"), or a clause opened by "Earlier,"/"previously"."""
        tokens, lexicon = self.tokens, self.lexicon
        if tokens[verb].lower in lexicon.present_verbs or tokens[verb].lower in lexicon.habitual_words:
            return True  # "says"; a verb phrase opened by a perfect: "has been accusing"
        # "Putin, who indicated he may be interested in a bigger role, had already left": words
        # in a relative clause about someone are background, said on no day the story gives.
        before = verb - 1
        while before > self.start and tokens[before].lower in lexicon.preludes:
            before -= 1
        if before > self.start and tokens[before].lower in lexicon.relative_pronouns:
            return True
        return any(tokens[position].lower in lexicon.habitual_words for position in range(self.start, verb))

    def _looks_back(self, found: _Attribution) -> bool:
        """'according to an American official at the time': said back then, on no given day."""
        table, tokens = self.lexicon.looking_back, self.tokens
        for at in (self._next_word(found.verb + 1), self._next_word(_end_of(found.speaker))):
            length = table.length_at(tokens, at, self.end) if at is not None else 0
            if not length:
                continue
            following = tokens[at + length] if at + length < self.end else None
            # "at the time." / "at the time that ...", not "at the time of the summit"
            if following is None or not following.is_word or following.lower in self.lexicon.complementisers:
                return True
        return False

    def _spoken_before(self, found: _Attribution) -> bool:
        """'said at an earlier press conference', 'told Russian media ahead of his visit': after
        the verb (and before the words, where they follow), an earlier occasion or a time before
        an event, on a day the story does not give."""
        tokens, lexicon = self.tokens, self.lexicon
        after = [start for start, _ in found.content if start > found.verb]
        comma = next((i for i in range(found.verb + 1, self.end) if tokens[i].text == ","), self.end)
        end = min(after) if after else min(comma, self._clause_end(found.verb))
        for position in range(found.verb + 1, end):
            if lexicon.before_events.length_at(tokens, position, end):
                return True
            if (
                tokens[position].lower in lexicon.occasion_prepositions
                and position + 2 < end
                and tokens[position + 1].lower in lexicon.determiners
                and tokens[position + 2].lower in lexicon.past_occasion_words
            ):
                return True
        return False

    def _next_word(self, position: int) -> int | None:
        """The first word at or after the position, past commas; None at the end."""
        while position < self.end and self.tokens[position].text == ",":
            position += 1
        return position if position < self.end and self.tokens[position].is_word else None

    def _in_background(self, speaker: _SpeakerRef) -> bool:
        """The speaker is the subject of a subordinate clause: "The announcement comes after
        North Korea announced it had tested a weapon" is background, not said on the story's day."""
        if not isinstance(speaker, _Mention) or speaker.span_start <= self.start:
            return False
        return self.tokens[speaker.span_start - 1].lower in self.lexicon.subordinators

    # -- the three ways of attributing ------------------------------------------------------

    def _verb(self, position: int) -> _Attribution | None:
        lexicon = self.lexicon
        if lexicon.acts.length_at(self.tokens, position, self.end):
            return None  # "Lavrov, who called off the March 30 summit, said ...": an act
        length = lexicon.verbs.length_at(self.tokens, position, self.end)
        predicate_length = lexicon.predicates.length_at(self.tokens, position, self.end)
        if not length and not predicate_length:
            return None
        if not length and self._relative_aside(position):
            return None  # "Diplomats, who asked not to be named, said ...": the main verb's
        following = position + length
        if (
            self.tokens[position].lower in lexicon.report_nouns
            and following < self.end
            and lexicon.verbs.length_at(self.tokens, following, self.end)
        ):
            return None  # "Prensa Latina News Agency reports said": the reports, not a verb
        before = self._speaker_before(position)
        if self.tokens[position].lower in lexicon.document_verbs and not (
            before is not None and isinstance(before[0], _Pronoun) and before[0].word in lexicon.documents
        ):
            return None  # "the statement read", not "Putin read a poem"
        if before is not None:
            speaker, span_start = before
            found = None
            if predicate_length and not length and self._quote_just_before(span_start):
                # '"This is a disgrace," Lebedev lashed out': the quotation is the words.
                quotes = self._quotes_around(span_start, position + predicate_length, position)
                return _Attribution(speaker, position, _Style.QUOTE, quotes)
            previous = self.tokens[self.start - 1] if self.start > 0 else None
            if (
                predicate_length
                and span_start == self.start
                and previous is not None
                and previous.kind is _TokenKind.QUOTE
                and self._nothing_after(position + predicate_length, position)
            ):
                # '"Who does he think he is?" Duterte asked reporters.' (split after the question
                # mark): no words of its own, the quotation before is them.
                return _Attribution(speaker, position, _Style.REPORTED, ())
            if length:
                found = self._with_content(speaker, span_start, position + length, position)
            if predicate_length and (found is None or self._rather_predicate(found, position + length)):
                found = self._predicate(speaker, position) or (found if length else None)
            return found
        if not length:
            return None
        after = self._speaker_after(position, position + length)
        if after is not None:
            return self._with_content(after, position, _end_of(after), position)
        return None

    def _closing_attribution(self, predicate: _Attribution) -> _Attribution | None:
        """A later attribution whose words are everything before it, the predicate included."""
        for position in range(predicate.verb + 1, self.end):
            if not self.tokens[position].is_word:
                continue
            later = self._according(position)
            if later is None and self.lexicon.verbs.length_at(self.tokens, position, self.end):
                later = self._verb(position)
            if later is not None and later.content and later.content[0][0] <= predicate.verb < later.verb:
                return later
        return None

    def _rather_predicate(self, found: _Attribution, verb_end: int) -> bool:
        """A verb that takes its words as an object ("warned Russia of consequences", "predicted
        \"a very difficult\" meeting") rather than as a clause ("warned that ...")."""
        if not found.content:
            return True
        start = found.content[0][0]
        if start < verb_end:
            return False  # the words came before the verb: '"...," he stressed'
        if self.tokens[start - 1].lower in self.lexicon.complementisers or self.tokens[start - 1].text == ":":
            return False
        if self._finite_clause(start):
            return False  # "warned a ceasefire freezing the front would be rejected"
        first = self.tokens[start]
        only_quote = first.kind is _TokenKind.QUOTE and (
            start + 1 >= self.end or self.tokens[start + 1].kind is _TokenKind.PUNCT
        )
        return not only_quote and self.tokens[found.verb].lower not in self.lexicon.bare_clause_verbs

    def _predicate(self, speaker: _SpeakerRef, verb: int) -> _Attribution | None:
        """'The Russian government expressed disappointment at the decision.': the predicate,
        verb (and "has", "later" before it) included, up to the end of its clause. Not when the
        speaker is the subject of a subordinate clause ("after North Korea asked for a delay"),
        nor when the verb acts on a person ("welcomed Mr Putin to his home town", "asked
        Rubio whether ..."), nor a verb that speaks only with a quotation ("declared martial
        law" is an act, "declared the Cold War a \"thing of the past\"" words)."""
        tokens, lexicon = self.tokens, self.lexicon
        subordinate = isinstance(speaker, _Mention) and speaker.span_start > self.start
        if subordinate and tokens[speaker.span_start - 1].lower in lexicon.subordinators:
            return None
        end = self._clause_end(verb)
        length = lexicon.predicates.length_at(tokens, verb, self.end)
        # A one-word verb or a phrase ("used the term \"dear friend\"").
        phrase = " ".join(token.lower for token in tokens[verb : verb + length])
        quote_only = tokens[verb].lower in lexicon.quote_predicates or phrase in lexicon.quote_predicates
        if quote_only and not any(token.kind is _TokenKind.QUOTE for token in tokens[verb:end]):
            return None
        rest = tokens[verb + length : end]
        if not any(
            token.kind is _TokenKind.QUOTE or token.lower not in lexicon.complementisers
            for token in rest
            if token.kind is not _TokenKind.PUNCT
        ):
            return None  # "warned that." with nothing after
        if any(token.lower in lexicon.question_words for token in tokens[verb:end]):
            return None  # "asked Rubio whether he would go": a question, not a statement
        # A quotation only after another verb of speech is that speaker's ("welcomed Xi ...,
        # opening a summit that Tillerson said would include \"very frank discussions\"").
        speech = next((p for p in range(verb + length, end) if lexicon.verbs.length_at(tokens, p, end)), end)
        quoted = any(token.kind is _TokenKind.QUOTE for token in tokens[verb:speech])
        after = verb + length
        if after < end and tokens[after].lower in lexicon.honorifics:
            after += 1  # "welcomed Mr Putin"
        person = self.by_start.get(after)
        if person is None and after + 1 < end and tokens[after].lower in lexicon.determiners:
            # "welcomed his Chinese counterpart Xi Jinping at a mansion": a person all the same.
            person = next(
                (
                    mention
                    for mention in self.by_start.values()
                    if mention.kind is _MentionKind.PERSON
                    and after < mention.start <= after + 1 + self.context.max_epithet_words
                    and all(token.is_word for token in tokens[after + 1 : mention.start])
                ),
                None,
            )
        acted_on = person is not None and person.kind is _MentionKind.PERSON and not quoted
        # "spoke highly of Macri", "lavished praise on Macri": a phrase ending in a preposition
        # speaks of the person after it rather than acting on them.
        acted_on = acted_on and not (
            length > 1 and tokens[verb + length - 1].lower in self._object_prepositions
        )
        # "denounced Trump's bellicose rhetoric as a threat": the person's words, not the person.
        acted_on = acted_on and not tokens[person.end - 1].text.endswith(("'s", "\u2019s"))
        if (
            acted_on
            and not self._links_object(person.end, end)
            and not self._judges_person(verb, length, person, end)
        ):
            return None
        words = verb + length
        if (
            quote_only
            and words + 1 < end
            and tokens[words].text in lexicon.speaker_marks
            and tokens[words + 1].kind is _TokenKind.QUOTE
        ):
            # 'He continued: "We are ready."': the words are the quotation the mark opens.
            quotes = tuple(
                (cursor, cursor + 1)
                for cursor in range(words + 1, end)
                if tokens[cursor].kind is _TokenKind.QUOTE
            )
            return _Attribution(speaker, verb, _Style.QUOTE, quotes)
        start = verb
        while start > self.start and tokens[start - 1].lower in lexicon.preludes:
            start -= 1
        return _Attribution(speaker, verb, _Style.REPORTED, ((start, end),), predicate=True)

    def _judges_person(self, verb: int, length: int, person: _Mention, end: int) -> bool:
        """'Macri also praised Obama.', 'He also thanked Trump, something ...': a verb that
        judges or thanks a person (person_predicates) speaks with the person alone as its
        object, the clause ending there ("welcomed Mr Putin to his home town" acts on him); not
        when a quotation follows in the paragraph, which gives the words praised."""
        tokens = self.tokens
        phrase = " ".join(token.lower for token in tokens[verb : verb + length])
        if phrase not in self.lexicon.person_predicates:
            return False
        if self.end < len(tokens) and tokens[self.end].kind is _TokenKind.QUOTE:
            return False  # "Lee, for his part, praised Ruiz. “Under your leadership ...”": the quote is it
        after = person.end
        date = self.dates_by_start.get(after)
        if date is not None:
            after = date.end  # "congratulated Putin on Monday"
        return after >= end or tokens[after].text in (",", ".", ";", "!")

    @property
    def _object_prepositions(self) -> frozenset[str]:
        return self.lexicon.topic_prepositions | self.lexicon.connectors

    def _links_object(self, position: int, end: int) -> bool:
        """After a person acted on: "to" and a verb ("asked Sharif to think"), "as", "of",
        "for", "that" ("described Obama as ...", "accused Trump of ..."); after a second object
        joined by "and" too ("thanked Modi and the Indian people for making the visit ...")."""
        if position >= end:
            return False
        tokens, lexicon = self.tokens, self.lexicon
        word = tokens[position].lower
        if word in lexicon.joint_words:
            limit = min(end, position + 2 + self.context.max_epithet_words + 1)
            for later in range(position + 1, limit):
                if not tokens[later].is_word:
                    return False
                if tokens[later].lower in lexicon.person_object_links and later > position + 1:
                    return self._links_object(later, end)
            return False
        served = lexicon.sides.length_at(tokens, position + 1, end) if word in lexicon.connectors else 0
        if served:
            # "welcomed President Xi Jinping of China to the United States": the country the
            # person serves, not a link to what was said of them.
            return self._links_object(position + 1 + served, end)
        if word not in lexicon.person_object_links:
            return False
        if word in lexicon.infinitive_markers:
            following = tokens[position + 1] if position + 1 < end else None
            return (
                following is not None
                and following.is_word
                and following.text.islower()
                and following.lower not in lexicon.determiners
            )
        return True

    def _clause_end(self, start: int) -> int:
        """Where a predicate's clause ends: the sentence end, or a clause a comma and a joiner
        open (", as he offered to ...", ", which ..."), or "as" with a new subject."""
        tokens, lexicon = self.tokens, self.lexicon
        position = start + 1
        while position < self.end - 1:
            token, following = tokens[position], tokens[position + 1]
            if token.text == "," and following.lower in lexicon.clause_openers:
                aside_end = self._relative_aside_before_naming(position)
                if aside_end is None:
                    return position
                position = aside_end + 1  # "denounced the launch, which ..., as \"intolerable\""
                continue
            if token.lower == "as" and following.lower in lexicon.subject_pronouns:
                return position
            position += 1
        return self._trim(start, self.end)[1]

    def _relative_aside_before_naming(self, comma: int) -> int | None:
        """'Abe denounced the launch, which came in defiance of U.N. resolutions, as "absolutely
        intolerable."': a relative clause set off by commas inside a predicate, after which a
        naming link and a quotation go on with it; the closing comma's position, else None."""
        tokens, lexicon = self.tokens, self.lexicon
        if tokens[comma + 1].lower not in lexicon.relative_pronouns:
            return None
        close = next((p for p in range(comma + 2, self.end) if tokens[p].text == ","), None)
        if close is None or close + 2 >= self.end:
            return None
        link, words = tokens[close + 1], tokens[close + 2]
        return close if link.lower in lexicon.naming_links and words.kind is _TokenKind.QUOTE else None

    def _according(self, position: int) -> _Attribution | None:
        length = self.lexicon.according_to.length_at(self.tokens, position, self.end)
        if not length:
            return self._in_their_words(position)
        speaker = self._mention_starting(position + length) or self._document_issuer(position + length)
        if speaker is None:
            return self._according_to_pronoun(position, length)
        speaker = self._named_in_apposition(speaker) or speaker
        if speaker.name.casefold() in self.lexicon.media:
            length = self.lexicon.media_words.length_at(self.tokens, speaker.end, self.end)
            speaker = replace(speaker, end=speaker.end + length)  # "Yonhap news agency"
        words_start = speaker.end
        if words_start < self.end and self.tokens[words_start].lower in self.lexicon.documents:
            words_start += 1  # "according to the Kremlin readout, ...": the issuer's document
        return _Attribution(speaker, position, _Style.ACCORDING, self._words_around(position, words_start))

    def _words_around(self, position: int, words_start: int) -> tuple[tuple[int, int], ...]:
        """The words of an "according to" phrase: the clause before it and the rest after it."""
        before = self._trim(self.start, position)
        after = self._trim(words_start, self.end)
        return tuple(span for span in (before, after) if self._has_words(*span))

    def _according_to_pronoun(self, position: int, length: int) -> _Attribution | None:
        """'According to her, "President Trump wants peace."': the person a subject pronoun would
        stand for."""
        at = position + length
        if at >= self.end or self.tokens[at].lower not in self.lexicon.according_pronouns:
            return None
        speaker = _Pronoun(at, self.lexicon.according_pronouns[self.tokens[at].lower])
        return _Attribution(speaker, position, _Style.ACCORDING, self._words_around(position, at + 1))

    def _in_their_words(self, position: int) -> _Attribution | None:
        """'In Putin's words, the talks were "useful"', '..., in Putin's words.': like "according
        to Putin" (attribution.owned_sources: the noun after the owner's possessive)."""
        tokens, lexicon = self.tokens, self.lexicon
        if tokens[position].lower not in lexicon.owned_source_links:
            return None
        owner = self.by_start.get(position + 1)
        if owner is None or owner.kind is _MentionKind.DESCRIPTION or owner.end >= self.end:
            return None
        last = tokens[owner.end - 1]
        if last.bare == last.text or tokens[owner.end].lower not in lexicon.owned_sources:
            return None
        before = self._trim(self.start, position)
        after = self._trim(owner.end + 1, self.end)
        content = tuple(span for span in (before, after) if self._has_words(*span))
        return _Attribution(owner, position, _Style.ACCORDING, content) if content else None

    def _passive(self, position: int) -> _Attribution | None:
        """'The postponement of the summit was later confirmed by the North's official news
        agency': the speaker after "by", the words the subject before the auxiliary."""
        tokens, lexicon = self.tokens, self.lexicon
        length = lexicon.passive_verbs.length_at(tokens, position, self.end)
        if not length:
            return None
        cursor = position - 1
        while cursor > self.start and tokens[cursor].lower in lexicon.preludes:
            cursor -= 1
        if cursor > self.start and tokens[cursor].text == ",":
            return self._passive_aside(position, length, cursor)
        if cursor <= self.start or tokens[cursor].lower not in lexicon.passive_auxiliaries:
            return None
        speaker = self._mention_starting(position + length)
        content = self._trim(self.start, cursor)
        if speaker is None or not self._has_words(*content) or self._sets_scene(*content):
            return None
        return _Attribution(speaker, position, _Style.REPORTED, (content,))

    def _passive_aside(self, position: int, length: int, comma: int) -> _Attribution | None:
        """'The meeting, confirmed by India's Foreign Secretary Vikram Misri, will come ...': the
        thing and the aside naming who confirmed it are the statement (up to the speaker; a date
        after it is the day of speaking)."""
        speaker = self._mention_starting(position + length)
        if speaker is None or comma <= self.start:
            return None
        end = speaker.end
        if end < self.end and self.tokens[end].is_word and not self.dates_by_start.get(end):
            return None  # the participle phrase goes on: not an aside naming the speaker
        content = self._trim(self.start, end)
        if not self._has_words(self.start, comma) or self._sets_scene(self.start, comma):
            return None
        return _Attribution(speaker, position, _Style.REPORTED, (content,))

    def _labelled_quote(self) -> _Attribution | None:
        """'Tom Donilon: "If there continues to be this direct theft..."': the name opening the
        sentence, a speaker mark, then the quotation."""
        tokens = self.tokens
        speaker = self.by_start.get(self.start)
        if speaker is None or speaker.end + 1 >= self.end:
            return None
        if tokens[speaker.end].text not in self.lexicon.speaker_marks:
            return None
        quotes = tuple(
            (cursor, cursor + 1)
            for cursor in range(speaker.end + 1, self.end)
            if tokens[cursor].kind is _TokenKind.QUOTE
        )
        if not quotes or quotes[0][0] != speaker.end + 1:
            return None
        return _Attribution(speaker, speaker.end, _Style.QUOTE, quotes)

    def _passive_naming(self, position: int) -> _Attribution | None:
        """'a summit described by a US official as "unique, positive and constructive"': the
        speaker after "by", the words the quotation after "as"."""
        tokens, lexicon = self.tokens, self.lexicon
        length = lexicon.passive_naming.length_at(tokens, position, self.end)
        if not length:
            return None
        speaker = self._mention_starting(position + length)
        link = _end_of(speaker) if speaker is not None else self.end
        if link >= self.end or tokens[link].lower not in lexicon.naming_links:
            return None
        quotes = tuple(
            (cursor, cursor + 1)
            for cursor in range(link + 1, self._clause_end(link))
            if tokens[cursor].kind is _TokenKind.QUOTE
        )
        if not quotes:
            return None  # "described by aides as tired": no words of the speaker's
        return _Attribution(speaker, position, _Style.QUOTE, quotes)

    def _document_issuer(self, position: int) -> _Mention | None:
        """'according to a statement from the foreign ministry': whoever issued the document."""
        tokens, lexicon = self.tokens, self.lexicon
        if position < self.end and tokens[position].lower in lexicon.determiners:
            position += 1
        if position >= self.end or tokens[position].lower not in lexicon.documents:
            return None
        link = lexicon.document_links.length_at(tokens, position + 1, self.end)
        return self._mention_starting(position + 1 + link) if link else None

    def _named_in_apposition(self, first: _Mention) -> _Mention | None:
        """The person named between commas after a description: "according to Japan's chief
        cabinet secretary, Yoshihide Suga, ..." is Suga, with that description as his title."""
        if first.kind is _MentionKind.PERSON:
            return None
        tokens = self.tokens
        comma, limit = first.end, min(self.end, first.end + self.context.max_apposition_words)
        while comma < limit and tokens[comma].text != ",":
            if not tokens[comma].is_word:
                return None
            comma += 1
        person = self.by_start.get(comma + 1) if comma < self.end and tokens[comma].text == "," else None
        if person is None or person.kind is not _MentionKind.PERSON or person.title:
            return None
        if person.end < self.end and tokens[person.end].text != ",":
            return None  # not set off by commas: "..., Suga said" is another construction
        within = self._mentions_within(first.start, comma)
        described = [mention for mention in within if mention.kind is _MentionKind.DESCRIPTION]
        role = next((m.role for m in described if m.role is not None), first.role)
        side = first.side or next((m.side for m in described if m.side), None)
        return replace(person, title=_surface(tokens, first.start, comma), role=role, side=side)

    def _mentions_within(self, start: int, end: int) -> list[_Mention]:
        """The sentence's mentions that lie within [start, end)."""
        return [m for m in self.by_start.values() if start <= m.start and m.end <= end]

    def _quoted_as(self, position: int) -> _Attribution | None:
        """'Interfax quoted Peskov as saying that ...' / 'Peskov was quoted as saying ...'."""
        length = self.lexicon.quoted_as.length_at(self.tokens, position, self.end)
        if not length:
            return None
        cursor = self._skip_quoted_by(position)
        if cursor == position:
            cursor = self._skip_quoted_place(position)
        while cursor > self.start and self.tokens[cursor - 1].lower in self.lexicon.quoted_skip:
            cursor -= 1  # "Peskov was quoted as saying"
        speaker: _SpeakerRef | None = self._mention_ending(cursor)
        start = speaker.span_start if speaker is not None else cursor
        qualified = (
            self._speaker_before_clause(cursor - 1) if speaker is None and cursor > self.start else None
        )
        if qualified is not None:
            # "quoted sources in the country's rail service as saying": a qualified description.
            speaker, start = qualified
        if speaker is None and cursor > self.start:
            pronoun = self.tokens[cursor - 1]
            if pronoun.lower in self.lexicon.pronouns or pronoun.lower in self.lexicon.plural_pronouns:
                # '"...," he was quoted by AFP as saying': whoever "he" is.
                speaker, start = _Pronoun(cursor - 1, pronoun.lower), cursor - 1
        if speaker is None:
            return None
        # "quoted Xi as telling Biden that ...": the phrase's last word is the verb, which may
        # take whoever was told.
        return self._with_content(speaker, start, position + length, position + length - 1)

    def _skip_quoted_place(self, position: int) -> int:
        """Step back over where the words were quoted, "on the local administration's website" in
        'Mr Kim was quoted on the local administration's website as saying' (a place preposition
        right after "quoted", at most context.max_qualifier_words words after it)."""
        tokens, lexicon = self.tokens, self.lexicon
        lowest = max(self.start, position - self.context.max_qualifier_words - 2)
        for cursor in range(position - 2, lowest - 1, -1):
            quoted = tokens[cursor].lower in lexicon.quoted_skip
            if quoted and tokens[cursor + 1].lower in lexicon.place_prepositions:
                return cursor + 1
        return position

    def _skip_quoted_by(self, position: int) -> int:
        """Step back over 'by RIA' in 'Ryabkov was quoted by RIA as saying' (or 'by the Interfax
        news agency')."""
        source = self.by_end.get(position) or self._medium_ending(position)
        if source is None:
            return position
        before = source.span_start - 1
        if before >= self.start and self.tokens[before].lower in self.lexicon.quoted_by:
            return before
        return position

    # -- finding the speaker ----------------------------------------------------------------

    def _mention_ending(self, end: int) -> _Mention | None:
        return self.by_end.get(end)

    def _mention_starting(self, start: int) -> _Mention | None:
        if start < self.end and self.tokens[start].lower in self.lexicon.determiners:
            start += 1
        if start < self.end and self.tokens[start].lower in self.lexicon.honorifics:
            start += 1
        mention = self.by_start.get(start)
        if mention is None:
            # "according to South Korea's Yonhap": the name after its country's possessive.
            side = self.lexicon.sides.match(self.tokens, start, self.end)
            after = self.by_start.get(start + side[0]) if side is not None else None
            mention = after if after is not None and after.side == side[1] else None
        return mention

    def _medium_ending(self, end: int) -> _Mention | None:
        """The medium before what it is, ending at `end`: "Kommersant newspaper", "Yonhap news
        agency"; None when no media word ends there or no medium is named before it."""
        media_words = self.lexicon.media_words
        for length in range(1, media_words.max_len + 1):
            start = end - length
            if start <= self.start or media_words.length_at(self.tokens, start, end) != length:
                continue
            mention = self.by_end.get(start)
            if mention is not None and mention.name.casefold() in self.lexicon.media:
                return replace(mention, end=end)
        return None

    def _with_cited_source(self, found: _Attribution) -> _Attribution:
        """A medium's report citing a named person or body is theirs: 'RIA Novosti reported
        Thursday, citing the Kremlin'. Citing 'two sources' leaves it the medium's."""
        speaker, media = found.speaker, self.lexicon.media
        if isinstance(speaker, _Pronoun) or speaker.name.casefold() not in media:
            return found
        for position in range(found.verb + 1, self.end - 1):
            if self.tokens[position].text == "," and self.tokens[position + 1].lower in self.lexicon.citing:
                source = self._mention_starting(position + 2)
                named = source is not None and source.kind in (_MentionKind.PERSON, _MentionKind.INSTITUTION)
                if named and source.name.casefold() not in media:
                    return replace(found, speaker=source)
                return found
        return found

    def _is_medium(self, speaker: _SpeakerRef) -> bool:
        """A news organisation, named ("Yonhap") or described ("Russian media", "state media
        reports")."""
        if isinstance(speaker, _Pronoun):
            return False
        if speaker.medium:
            return True
        if speaker.kind is not _MentionKind.DESCRIPTION:
            return False
        words = tuple(word.casefold() for word in speaker.title.split())
        if words and words[-1] in self.lexicon.report_nouns:
            words = words[:-1]
        table = self.lexicon.media_words
        return any(
            words[-length:] in table.entries for length in range(1, min(table.max_len, len(words)) + 1)
        )

    def _reported_by_medium(self, found: _Attribution) -> _Attribution:
        """A medium's report of someone's words is theirs: 'Russian media reported that Putin said
        the summit was on', 'Yonhap reported Moon as saying ...' are Putin's and Moon's."""
        if not found.content or found.predicate or not self._is_medium(found.speaker):
            return found
        start = found.content[0][0]
        for position in range(start, found.content[0][1]):
            if not self.tokens[position].is_word:
                continue
            inner = self._quoted_as(position) or self._verb(position)
            if inner is None or not inner.content or isinstance(inner.speaker, _Pronoun):
                continue
            opening = {inner.speaker.span_start, self._with_honorific(inner.speaker.start)}
            if start not in opening or self._is_medium(inner.speaker):
                return found
            return inner
        relayed = self._subject_saying(*found.content[0])
        if relayed is not None:
            return relayed
        subject = self._quoted_subject(*found.content[0])
        return replace(found, speaker=subject) if subject is not None else found

    def _subject_saying(self, start: int, end: int) -> _Attribution | None:
        """A medium's report that a person it names first did something saying that ...: 'According
        to AFP, Putin emerged from the talks saying that Russia supports efforts ...' is Putin's."""
        tokens, lexicon = self.tokens, self.lexicon
        person = self._mention_starting(start)
        if person is None or person.kind is not _MentionKind.PERSON or self._is_medium(person):
            return None
        for position in range(person.end, end - 1):
            if tokens[position].text in (",", ";") or tokens[position].kind is _TokenKind.QUOTE:
                return None
            if tokens[position].lower in lexicon.tail_participles and tokens[position + 1].lower in (
                lexicon.complementisers
            ):
                span = self._trim(position + 2, end)
                if self._has_words(*span):
                    return _Attribution(person, position, self._style_of(span), (span,))
                return None
        return None

    def _quoted_subject(self, start: int, end: int) -> _Mention | None:
        """The person a medium's report quotes as its subject: 'reported that on the runway, Xi is
        "confident the visit will be fruitful"' (Xi's words). The first person named in the
        report's clause, before its first quotation, opening it or the clause after a comma, and
        followed by a verb-like word in lower case (no possessive: "Trump's plan was ...")."""
        tokens = self.tokens
        quote = next((i for i in range(start, end) if tokens[i].kind is _TokenKind.QUOTE), None)
        if quote is None:
            return None
        people = sorted(
            (m for m in self._mentions_within(start, quote) if m.kind is _MentionKind.PERSON),
            key=lambda m: m.start,
        )
        if not people or people[0].medium:
            return None
        person = people[0]
        opens = start in (person.start, person.span_start) or tokens[person.span_start - 1].text == ","
        last = tokens[person.end - 1]
        following = tokens[person.end] if person.end < end else None
        verb_like = following is not None and following.is_word and following.text.islower()
        return person if opens and verb_like and last.bare == last.text else None

    def _speaker_before(self, verb: int) -> tuple[_SpeakerRef, int] | None:
        """Speaker written before the verb: 'Peskov said', 'he said', 'X, the aide, said'."""
        cursor, skipped = verb - 1, 0
        while cursor >= self.start and skipped < self.context.max_prelude_words:
            date = self.dates_by_end.get(cursor + 1)  # "Peskov on Monday said"
            aside = self._aside_ending(cursor)
            if date is not None:
                cursor, skipped = date.start - 1, skipped + 1
            elif aside is not None:
                cursor, skipped = aside - 1, skipped + 1  # "Putin for his part, blamed ..."
            elif self.tokens[cursor].lower in self.lexicon.preludes:
                cursor, skipped = cursor - 1, skipped + 1
            elif (channel := self._reporting_phrase_ending(cursor)) is not None:
                cursor, skipped = channel - 1, skipped + 1  # "Zelensky in an interview said"
            elif (bracketed := self._bracketed_date_ending(cursor)) is not None:
                cursor, skipped = bracketed - 1, skipped + 1  # "on Friday (Feb 28) said"
            else:
                break
        if cursor < self.start:
            return None
        shared = self._shared_subject(cursor)
        if shared is not None:
            return shared, verb  # "He gave no details but said ...": the sentence's subject
        ending = self._medium_ending(cursor + 1) or self._mention_ending(cursor + 1)
        relayed = self._relayed_speaker(ending) if ending is not None else None
        if relayed is not None:
            return relayed
        medium = self._medium_ending(cursor + 1)
        if medium is None and self.tokens[cursor].lower in self.lexicon.report_nouns:
            # "Prensa Latina News Agency reports said": the outlet's reports.
            medium = self._medium_ending(cursor) or self._mention_ending(cursor)
            named = medium is not None and (
                medium.medium or (self.tokens[cursor - 1].lower,) in self.lexicon.media_words.entries
            )
            medium = replace(medium, end=cursor + 1) if named else None
        if medium is not None:
            return medium, self._with_honorific(medium.span_start)  # "Kommersant newspaper reported"
        pair = self._pair_ending(cursor)
        if pair is not None:
            return _Pronoun(cursor, PAIR_WORD), pair  # "both men said": the last two people
        token = self.tokens[cursor]
        if token.text == ")":
            cursor = self._before_acronym(cursor)  # "Ministry of External Affairs (MEA) announced"
            token = self.tokens[cursor]
        if token.is_word and token.lower in self.lexicon.plural_pronouns:
            blocked = (
                cursor > self.start and self.tokens[cursor - 1].lower in self.lexicon.plural_pronoun_blockers
            )
            return None if blocked else (_Pronoun(cursor, token.lower), cursor)
        if token.is_word and (
            token.lower in self.lexicon.pronouns or token.lower in self.lexicon.body_pronouns
        ):
            return _Pronoun(cursor, token.lower), cursor
        if token.lower in self.lexicon.documents and cursor > self.start:
            issuer = self._mention_ending(cursor)
            if issuer is not None and issuer.kind is _MentionKind.INSTITUTION:
                # "The North Korean statement called Pence ...": the document of that side's body,
                # named as the side when only the side is written ("North Korea").
                side_length = self.lexicon.sides.length_at(self.tokens, issuer.start, issuer.end)
                body = self.lexicon.institutions.length_at(self.tokens, issuer.start, issuer.end)
                if issuer.side and not body and side_length == issuer.end - issuer.start:
                    name = issuer.side
                else:
                    name = _surface(self.tokens, issuer.start, issuer.end - 1)
                    name = f"{name} {self.tokens[issuer.end - 1].bare}".strip()
                return replace(issuer, name=name), self._with_honorific(issuer.span_start)
        if (
            token.lower in self.lexicon.documents
            and cursor > self.start
            and self.tokens[cursor - 1].lower in self.lexicon.definite
        ):
            return _Pronoun(cursor, token.lower), cursor - 1  # "the statement read"
        if (
            (token.lower,) in self.lexicon.media_words.entries
            and cursor > self.start
            and self.tokens[cursor - 1].lower in self.lexicon.definite
        ):
            return _Pronoun(cursor, token.lower), cursor - 1  # "the network reported"
        if (
            token.lower in self.lexicon.ordinal_references
            and cursor > self.start
            and self.tokens[cursor - 1].lower in self.lexicon.definite
        ):
            return _Pronoun(cursor, token.lower), cursor - 1  # "and the latter said"
        if token.is_word and token.lower in self.lexicon.relative_pronouns:
            # "the election of Trump, who accused China of ...": the name before "who".
            if cursor - 1 > self.start and self.tokens[cursor - 1].text == ",":
                mention = self._mention_ending(cursor - 1)
                if mention is not None:
                    return self._placed_group(mention) or (mention, self._with_honorific(mention.span_start))
            return None
        if token.is_word:
            mention = self._mention_ending(cursor + 1)
            opening = mention.span_start if mention is not None else cursor
            issuer = self._opening_document_issuer() if self._after_preposition(opening) else None
            if issuer is not None:
                # "A statement issued by the Kremlin after the talks in Bratislava on Thursday
                # said ...": the document's issuer, not the place its subject ends with.
                return issuer, self.start
            relative = self._relative_speaker(cursor, verb)
            if relative is not None and (mention is None or relative[1] < mention.start):
                return relative  # "an official who was due to visit the North on Tuesday said"
            if mention is not None:
                mention = self._fuller_speaker(mention)
                joint = self._joint_before(mention)
                if joint is not None:  # "Macron and Merz said": both
                    return joint, self._with_honorific(joint.span_start)
                return mention, self._with_epithet(mention)
            return self._speaker_before_clause(cursor)
        if token.text == "," or token.text in self.lexicon.clause_marks:
            aside = self._speaker_before_aside(cursor)
            if aside is not None and isinstance(aside[0], _Mention):
                return self._placed_group(aside[0]) or aside
            return aside
        return None

    def _placed_group(self, place: _Mention) -> tuple[_SpeakerRef, int] | None:
        """The description a place before a relative clause or an aside qualifies: "officials in
        Washington, who said ...", "Diplomats in Beijing, who asked not to be named, said ..." are
        the officials and diplomats, of the place's side."""
        if place.kind is _MentionKind.PERSON or not self._after_preposition(place.span_start):
            return None
        described = self._speaker_before_clause(place.span_start - 1)
        if described is None:
            return None
        speaker, start = described
        if isinstance(speaker, _Mention) and not speaker.side and place.side:
            speaker = replace(speaker, side=place.side)
        return speaker, start

    def _after_preposition(self, start: int) -> bool:
        """Whether the words from here are the object of a place preposition: "in Bratislava"."""
        return start > self.start and self.tokens[start - 1].lower in self.lexicon.place_prepositions

    def _opening_document_issuer(self) -> _Mention | None:
        """The issuer of a document the sentence opens with: "A (joint) statement issued by the
        United States and Russia ...", "The communique from the foreign ministry ..."."""
        tokens, lexicon = self.tokens, self.lexicon
        position = self.start
        if position < self.end and tokens[position].lower in lexicon.determiners:
            position += 1
        for _ in range(self.context.max_occasion_words):
            if (
                position < self.end
                and tokens[position].lower not in lexicon.documents
                and tokens[position].text.islower()
            ):
                position += 1  # "joint", "brief"
        if position >= self.end or tokens[position].lower not in lexicon.documents:
            return None
        link = lexicon.document_links.length_at(tokens, position + 1, self.end)
        return self._mention_starting(position + 1 + link) if link else None

    def _aside_ending(self, cursor: int) -> int | None:
        """Where an aside between the speaker and the verb (said.speaker_asides) ending at
        `cursor` starts, with the commas around it: "Putin for his part, blamed"."""
        tokens, table = self.tokens, self.lexicon.speaker_asides
        end = cursor - 1 if cursor > self.start and tokens[cursor].text == "," else cursor
        for length in range(min(table.max_len, end - self.start + 1), 0, -1):
            start = end - length + 1
            if table.length_at(tokens, start, end + 1) == length:
                return start - 1 if start > self.start and tokens[start - 1].text == "," else start
        return None

    def _pair_ending(self, cursor: int) -> int | None:
        """Where a phrase for the last two people (said.pair_references) ending at `cursor`
        starts: "both men", "the two leaders"."""
        table = self.lexicon.pair_references
        for length in range(min(table.max_len, cursor - self.start + 1), 0, -1):
            start = cursor - length + 1
            if table.length_at(self.tokens, start, cursor + 1) == length:
                return start
        return None

    def _relayed_speaker(self, source: _Mention) -> tuple[_SpeakerRef, int] | None:
        """'A White House official, quoted anonymously by the Washington Post said ...': the
        official speaks, the medium after "quoted by" only relays (the comma that would close
        the aside is missing, as printed)."""
        tokens, lexicon = self.tokens, self.lexicon
        cursor = source.span_start - 1
        if cursor > self.start and tokens[cursor].lower in lexicon.determiners:
            cursor -= 1  # "by the Washington Post"
        if cursor <= self.start or tokens[cursor].lower not in lexicon.quoted_by:
            return None
        cursor -= 1
        while cursor > self.start and tokens[cursor].lower in lexicon.preludes:
            cursor -= 1  # "quoted anonymously by"
        if cursor <= self.start or tokens[cursor].lower not in lexicon.quoted_skip:
            return None
        if tokens[cursor - 1].text != ",":
            return None
        speaker = self._mention_ending(cursor - 1)
        if speaker is None:
            return None
        return speaker, self._with_honorific(speaker.span_start)

    def _shared_subject(self, cursor: int) -> _SpeakerRef | None:
        """The subject opening the sentence, when the verb follows a bare coordinator ("He gave
        no details but said ...", "Putin arrived on Monday and said ..."): a pronoun or a name."""
        tokens, lexicon = self.tokens, self.lexicon
        word = tokens[cursor].lower
        if cursor <= self.start or word not in lexicon.coordinators or word in lexicon.subject_openers:
            return None
        if tokens[cursor - 1].text == "," and not self._narrative_clause_before(cursor - 1):
            return None  # "..., and said": a list or a clause of its own
        first = tokens[self.start]
        if first.is_word and first.lower in lexicon.pronouns:
            return _Pronoun(self.start, first.lower)
        return self._opening_subject()

    def _narrative_clause_before(self, comma: int) -> bool:
        """'Trump has long sought a friendship with Putin, and has said ...': the words before the
        comma are a clause with the sentence's subject and a verb of its own (a word of
        finite_words or one ending in "ed"), so "and said" goes on with that subject; not a list
        ("Putin, Xi and Modi said")."""
        tokens, lexicon = self.tokens, self.lexicon
        subject = self._opening_subject()
        if subject is None or subject.end >= comma:
            return False
        return any(
            token.is_word
            and token.text.islower()
            and (token.lower in lexicon.finite_words or token.lower.endswith("ed"))
            for token in tokens[subject.end : comma]
        )

    def _before_acronym(self, closing: int) -> int:
        """The position before '(MEA)' ending at `closing`, or `closing` if it is no acronym."""
        opening = closing - 2
        if opening > self.start and self.tokens[opening].text == "(" and self.tokens[closing - 1].is_word:
            return opening - 1
        return closing

    def _with_honorific(self, start: int) -> int:
        """A span's start moved back over an honorific: 'Mr Xi told Putin', not 'Mr' left in the
        words before."""
        if start > self.start and self.tokens[start - 1].lower in self.lexicon.honorifics:
            return start - 1
        return start

    def _with_epithet(self, mention: _Mention) -> int:
        """A person's span start moved back over an epithet opening the clause: '"...," a smiling
        Putin told Modi' (context.max_epithet_words), so the quotation is just before it."""
        start = self._with_honorific(mention.span_start)
        if mention.kind is not _MentionKind.PERSON:
            return start
        tokens = self.tokens
        for words in range(1, self.context.max_epithet_words + 1):
            determiner = start - words - 1
            if determiner < self.start:
                break
            between = tokens[determiner + 1 : start]
            if not all(token.is_word and token.text.islower() for token in between):
                break
            opens = (
                determiner == self.start
                or tokens[determiner - 1].text == ","
                or (tokens[determiner - 1].kind is _TokenKind.QUOTE)
            )
            if tokens[determiner].lower in self.lexicon.indefinite and opens:
                return determiner
        return start

    def _fuller_speaker(self, mention: _Mention) -> _Mention:
        """The speaker a name or place before the verb belongs to: 'The Presidential Office in
        Taipei confirmed' (the office, in Taipei's country), 'a spokesman for Mr. Roh said' (the
        spokesman, Roh's)."""
        tokens, lexicon = self.tokens, self.lexicon
        link = self._with_honorific(mention.span_start) - 1
        if link <= self.start:
            return mention
        word = tokens[link].lower
        earlier = self._mention_ending(link)
        if earlier is None:
            return mention
        if word in lexicon.place_prepositions and earlier.kind is not _MentionKind.PERSON and mention.side:
            return replace(earlier, side=earlier.side or mention.side)
        if word in lexicon.connectors and earlier.kind is _MentionKind.DESCRIPTION:
            if mention.kind is _MentionKind.PERSON:
                return replace(earlier, affiliate=earlier.affiliate or mention.name)
            return replace(earlier, side=earlier.side or mention.side)
        return mention

    def _relative_speaker(self, cursor: int, verb: int) -> tuple[_SpeakerRef, int] | None:
        """The described speaker of a relative clause that runs up to the verb, commas aside."""
        lowest = max(self.start, cursor - self.context.max_aside_tokens)
        for position in range(cursor, lowest, -1):
            token = self.tokens[position]
            if not token.is_word:
                return None
            if token.lower in self.lexicon.relative_pronouns:
                described = self._mention_ending(position)
                if described is None or described.kind is not _MentionKind.DESCRIPTION:
                    return None
                self.ignored = (position, verb)  # "who was due to visit on Tuesday": not when said
                return described, self._with_honorific(described.span_start)
        return None

    def _reporting_phrase_ending(self, cursor: int) -> int | None:
        """Where a reporting phrase of two words or more ends at the cursor starts ("Zelensky in
        an interview on Friday said": how he spoke, between the speaker and the verb)."""
        table = self.lexicon.reporting
        for start in range(max(self.start, cursor - table.max_len + 1), cursor):
            if table.length_at(self.tokens, start, cursor + 1) == cursor + 1 - start:
                return start
        return None

    def _bracketed_date_ending(self, cursor: int) -> int | None:
        """Where a date in brackets closing at the cursor opens: '(Feb 28)'."""
        if self.tokens[cursor].text != ")":
            return None
        date = self.dates_by_end.get(cursor)
        opening = date.start - 1 if date is not None else -1
        return opening if opening >= self.start and self.tokens[opening].text == "(" else None

    def _speaker_before_clause(self, cursor: int) -> tuple[_SpeakerRef, int] | None:
        """A description qualified by a short phrase: 'officials in both countries said',
        'another official at the president's office said', 'officials familiar with the matter
        said'."""
        lowest = max(self.start, cursor - self.context.max_qualifier_words)
        for position in range(cursor, lowest - 1, -1):
            token = self.tokens[position]
            if not token.is_word:
                return None
            lexicon = self.lexicon
            if token.lower not in lexicon.place_prepositions and token.lower not in lexicon.qualifier_openers:
                continue
            described = self._mention_ending(position)
            if described is not None and described.kind is _MentionKind.DESCRIPTION:
                return described, described.span_start
        return None

    def _speaker_before_aside(self, comma: int) -> tuple[_SpeakerRef, int] | None:
        """'Dmitry Peskov, the Kremlin spokesman, said': the name before the aside. A pair of
        dashes sets one off as commas do ('Senator Jeff Flake – a staunch critic of President
        Trump – called his words "shameful"')."""
        mark = self.tokens[comma].text
        lowest = max(self.start, comma - self.context.max_aside_tokens)
        for cursor in range(comma - 1, lowest - 1, -1):
            token = self.tokens[cursor]
            if token.kind is _TokenKind.QUOTE:
                return None
            if token.text == mark and not self._within_date(cursor):  # "on May 20, 2016,"
                return self._named_around_aside(cursor, comma)
        return None

    def _within_date(self, position: int) -> bool:
        return any(date.start < position < date.end for date in self.dates_by_start.values())

    def _named_around_aside(self, first: int, second: int) -> tuple[_SpeakerRef, int] | None:
        """The speaker of 'Name, description,' or 'description, Name,' between two commas."""
        if self._opens_clause(first + 1):
            return None  # "..., even as the deal remains unclear, said Kupchan": no aside
        before = self._mention_ending(first)
        inside = self.by_start.get(first + 1)
        if inside is None and self.tokens[first + 1].lower in self.lexicon.definite:
            inside = self.by_start.get(first + 2)  # "South Korea's main opposition party, the GNP, said"
        if inside is not None and inside.end == second and inside.kind is _MentionKind.PERSON:
            # "The Ukrainian leader's chief of staff, Andriy Yermak, told ..."
            return inside, self._with_honorific(before.span_start if before is not None else inside.start)
        if before is None:
            return self._person_before_second_aside(first, second)
        if self.tokens[first + 1].lower in self.lexicon.relative_pronouns:
            # "Zelenskyy, who was due in Washington on Friday, said": not when he spoke.
            self.ignored = (first + 1, second)
        return before, self._with_honorific(before.span_start)  # "Mr Putin, the Russian president,"

    def _person_before_second_aside(self, first: int, second: int) -> tuple[_SpeakerRef, int] | None:
        """'Marlene Pino, an engineer, also 47, says: "..."': two asides with no name of their own
        between a person and the verb; the person before the first (within the aside limit)."""
        lowest = max(self.start, second - self.context.max_aside_tokens)
        for cursor in range(first - 1, lowest - 1, -1):
            token = self.tokens[cursor]
            relative = token.is_word and token.lower in self.lexicon.relative_pronouns
            if token.kind is _TokenKind.QUOTE or relative:
                return None
            if token.text != ",":
                continue
            if self._within_date(cursor) or self.by_start.get(cursor + 1) is not None:
                return None
            person = self._mention_ending(cursor)
            if person is None or person.kind is not _MentionKind.PERSON:
                return None
            return person, self._with_honorific(person.span_start)
        return None

    def _opens_clause(self, position: int) -> bool:
        """Whether a subordinator, or one after a modifier ("even as"), starts a clause at
        `position`; one before a participle ("Biden, before leaving Washington on Tuesday,
        said") is an aside about the speaker."""
        tokens, lexicon = self.tokens, self.lexicon
        if position < self.end and tokens[position].lower in lexicon.subordinator_modifiers:
            position += 1
        if position + 1 >= self.end or tokens[position].lower not in lexicon.subordinators:
            return False
        return not tokens[position + 1].lower.endswith(lexicon.participle_endings)

    def _speaker_after(self, verb: int, verb_end: int) -> _SpeakerRef | None:
        """Inverted order after a quote or comma: '"...," said Peskov.'"""
        previous = self.tokens[verb - 1] if verb > self.start else None
        if previous is None or not (previous.kind is _TokenKind.QUOTE or previous.text == ","):
            return None
        if verb_end < self.end and self.tokens[verb_end].lower in self.lexicon.pronouns:
            return _Pronoun(verb_end, self.tokens[verb_end].lower)
        speaker = self._mention_starting(verb_end)
        named = self._named_after_description(verb_end)
        if named is not None:
            return named  # "..., says the BBC's diplomatic correspondent, Jonathan Marcus."
        if speaker is None:
            return None
        close = speaker.end
        if close < self.end and self.tokens[close].lower in self.lexicon.connectors:
            # '"...," said a spokeswoman for the Chinese foreign ministry.': whom they speak for.
            body = self._mention_starting(close + 1)
            if body is not None and body.kind is not _MentionKind.DESCRIPTION:
                close = body.end
        if not self._closes_attribution(close):
            return None  # ", said European capitals were ...": a clause, not a speaker
        return speaker

    def _named_after_description(self, start: int) -> _Mention | None:
        """'says the BBC's diplomatic correspondent, Jonathan Marcus.': after an inverted verb, a
        description of a few words, a comma and the person it describes, ending the attribution."""
        tokens = self.tokens
        if start >= self.end or tokens[start].lower not in self.lexicon.definite:
            return None
        limit = min(self.end, start + 1 + self.context.max_apposition_words)
        comma = next((i for i in range(start + 1, limit) if not tokens[i].is_word), None)
        if comma is None or tokens[comma].text != ",":
            return None
        person = self.by_start.get(comma + 1)
        if (
            person is None
            or person.kind is not _MentionKind.PERSON
            or not self._closes_attribution(person.end)
        ):
            return None
        if person.title:
            return person
        roles = [
            found[1]
            for i in range(start + 1, comma)
            if (found := self.lexicon.titles.match(tokens, i, comma))
        ]
        role = roles[-1] if roles else person.role
        return replace(person, title=_surface(tokens, start + 1, comma), role=role)

    def _closes_attribution(self, position: int) -> bool:
        """Whether an inverted attribution can end here ('said Peskov.', 'said Peskov on ...')."""
        if position >= self.end:
            return True
        token, lexicon = self.tokens[position], self.lexicon
        return (
            token.kind is _TokenKind.PUNCT
            or position in self.dates_by_start
            or token.lower in lexicon.place_prepositions
            or bool(lexicon.asides.length_at(self.tokens, position, self.end))
            or bool(lexicon.reporting.length_at(self.tokens, position, self.end))
        )

    # -- finding the words ------------------------------------------------------------------

    def _with_content(self, speaker: _SpeakerRef, span_start: int, span_end: int, verb: int) -> _Attribution:
        if self._quote_just_before(span_start):
            quotes = self._quotes_around(span_start, span_end, verb)
            clause = self._clause_around_quote(span_start)
            if clause is not None:
                return _Attribution(
                    speaker, verb, _Style.REPORTED, (clause, *(q for q in quotes if q[0] >= span_end))
                )
            return _Attribution(speaker, verb, _Style.QUOTE, quotes)
        forward = self._content_start(span_end, verb)
        if forward is not None:
            span = self._without_tail(self._trim(forward, self.end))
            return _Attribution(speaker, verb, self._style_of(span), (span,))
        lexicon = self.lexicon
        needs_that = lexicon.verbs.length_at(self.tokens, verb, self.end) and (
            self.tokens[verb].lower not in lexicon.bare_clause_verbs
        )
        if needs_that and self._infinitive_after(span_end, verb):
            # "Park and visiting Prime Minister Abe agreed Monday to speed up talks, Park's office
            # said": a verb with an infinitive of its own does not close the words before it.
            return _Attribution(speaker, verb, _Style.REPORTED, ())
        if span_start > self.start and self.tokens[span_start - 1].lower in self.lexicon.accord_words:
            span_start -= 1  # "The meeting was short, as Lebedev noted": the clause before
        before = self._trim(self.start, span_start)
        if all(token.lower in self.lexicon.determiners for token in self.tokens[before[0] : before[1]]):
            before = (before[1], before[1])  # "The two Koreas agreed to ...": the speaker's article
        if self._joined_clause(span_start):
            # "Press was kept out, though the ministry tweeted a photo": the clause before the
            # conjunction is narration, not the speaker's words.
            return _Attribution(speaker, verb, _Style.REPORTED, ())
        if self._has_words(*before) and self._sets_scene(*before):
            before = self._after_scene(*before)
            set_off = (
                span_start > self.start
                and self.tokens[span_start - 1].text == ","
                and span_end < self.end
                and self.tokens[span_end].text == ","
            )
            if not self._has_words(*before) and set_off:
                # "But, he added, Russia had yet to see ...": a scene or conjunction, then the
                # speaker set off by commas; the words follow the second comma.
                span = self._without_tail(self._trim(span_end + 1, self.end))
                # Not "In the message, said Cheon, North Korea said ...": a later one has them.
                speaks = any(self.lexicon.verbs.length_at(self.tokens, i, self.end) for i in range(*span))
                if self._has_words(*span) and not speaks:
                    return _Attribution(speaker, verb, self._style_of(span), (span,))
        if self._has_words(*before):
            resumed = self._resumed_clause(span_start, span_end, verb, before)
            if resumed is not None:
                return _Attribution(speaker, verb, _Style.REPORTED, (before, resumed))
            return _Attribution(speaker, verb, self._style_of(before), (before,))
        return _Attribution(speaker, verb, _Style.REPORTED, ())

    def _without_tail(self, span: tuple[int, int]) -> tuple[int, int]:
        """Reported words without what closes the sentence but is not theirs: a second
        attribution ("Lula said the summit should focus on peace, his office said") or narration
        after a lone dash ("Mr Putin said the talks were useful - neither leader took questions";
        a pair of dashes is an aside inside the words)."""
        tokens, lexicon = self.tokens, self.lexicon
        start, end = span
        if any(tokens[i].kind is _TokenKind.QUOTE for i in range(start, end)):
            return span
        dashes = [i for i in range(start, end) if tokens[i].text in _DASHES]
        if len(dashes) == 1 and self._has_words(dashes[0] + 1, end) and dashes[0] > start:
            end = dashes[0]
        comma = next((i for i in range(end - 1, start, -1) if tokens[i].text == ","), None)
        if comma is None:
            return self._trim(start, end)
        after = comma + 1
        if after < end and (
            lexicon.according_to.length_at(tokens, after, end)
            or lexicon.asides.length_at(tokens, after, end)
            or lexicon.reporting.length_at(tokens, after, end)
            or (tokens[after].lower in lexicon.subordinators and self._participle_at(after + 1))
            or any(lexicon.quoted_as.length_at(tokens, i, end) for i in range(after, end))
        ):
            # "..., according to a Kremlin transcript", ", speaking at a news conference", ", in
            # comments broadcast on state TV", ", before leaving for the airport", ", TASS quoted
            # him as saying": how and when the words were said, not the words.
            return self._trim(start, comma)
        limit = min(end, comma + 1 + self.context.max_tail_attribution_words)
        for position in range(comma + 2, limit + 1):
            length = lexicon.verbs.length_at(tokens, position, end)
            if not length or tokens[position - 1].kind is not _TokenKind.WORD:
                continue
            rest = self._skip_adverbials(position + length, False)
            if all(not tokens[i].is_word for i in range(rest, end)):
                return self._trim(start, comma)
        return self._trim(start, end)

    def _joined_clause(self, span_start: int) -> bool:
        """Whether the speaker opens a clause joined by a conjunction ("though", "and", "as")."""
        if span_start <= self.start:
            return False
        word = self.tokens[span_start - 1].lower
        return word in self.lexicon.subordinators or word in self.lexicon.coordinators

    def _resumed_clause(
        self, span_start: int, span_end: int, verb: int, before: tuple[int, int]
    ) -> tuple[int, int] | None:
        """'The visit, the spokesman said, was a surprise': an attribution set off by commas inside
        the reported clause, which resumes after it. The rest of the sentence is the words too
        when it goes on with a finite verb ("was", "would"), or with any other word that joins
        no new clause when the words before have no finite verb of their own ("Russia, he said,
        remains open"); not ", adding that ...", ", as ...", ", though ...", ", calling ...", nor
        after words longer than a subject (context.max_subject_words)."""
        tokens, lexicon = self.tokens, self.lexicon
        if span_start <= self.start or tokens[span_start - 1].text != ",":
            return None
        cursor = self._skip_adverbials(span_end, self._addresses(verb))
        if cursor + 1 >= self.end or tokens[cursor].text != ",":
            return None
        first = tokens[cursor + 1]
        if not first.is_word or not first.text.islower():
            return None
        if first.lower not in lexicon.finite_words:
            joins = (
                lexicon.tail_participles,
                lexicon.coordinators,
                lexicon.subordinators,
                lexicon.clause_openers,
                lexicon.relative_pronouns,
                lexicon.complementisers,
            )
            finite_before = any(tokens[i].lower in lexicon.finite_words for i in range(*before))
            # "Zelenskyy knows he needs to sign to keep ..., said Kupchan, senior fellow at ...":
            # words longer than a subject are a clause of their own; what follows the speaker
            # describes them.
            long_before = sum(token.is_word for token in tokens[before[0] : before[1]]) > (
                self.context.max_subject_words
            )
            if (
                finite_before
                or long_before
                or any(first.lower in words for words in joins)
                or first.lower.endswith(lexicon.participle_endings)
                or lexicon.asides.length_at(tokens, cursor + 1, self.end)
            ):
                return None
        resumed = self._trim(cursor + 1, self.end)
        return resumed if self._has_words(*resumed) else None

    def _clause_around_quote(self, span_start: int) -> tuple[int, int] | None:
        """'The leaders will meet at a "convenient venue," Ushakov said': a quotation inside
        the speaker's own clause. The words are the whole clause, not the quoted phrase alone;
        None when the sentence opens with the quotation or with a scene-setting phrase."""
        start, end = self._trim(self.start, span_start)
        first = self.tokens[start] if start < end else None
        if first is None or first.kind is not _TokenKind.WORD or self._sets_scene(start, end):
            return None
        if any(token.text in (",", ":") for token in self.tokens[start:end]):
            return None  # "Asked about the talks, \"...\"": an aside, not one clause
        return (start, end)

    def _after_scene(self, start: int, end: int) -> tuple[int, int]:
        """'In a prompt reply, the North announced its agreement' before ', he said': the words
        after the scene-setting phrase, when a clause follows it; else nothing."""
        comma = next((i for i in range(start, end) if self.tokens[i].text == ","), None)
        if comma is None:
            return (end, end)
        rest = self._trim(comma + 1, end)
        words = sum(token.is_word for token in self.tokens[rest[0] : rest[1]])
        if words < self.context.min_clause_words:
            return (end, end)
        if self._sets_scene(*rest):
            # "After a greeting offered Friday by the host, as host president, Castro and Obama
            # shook hands": one scene-setting phrase after another.
            return self._after_scene(*rest)
        return rest

    def _quotes_around(self, span_start: int, span_end: int, verb: int) -> tuple[tuple[int, int], ...]:
        """The quotations an attribution covers: all before it, and one resuming right after.

        '"A," Lavrov said, "B."' covers A and B; in '"A," Rubio said, adding that the U.S.
        wanted "a real deal."' the later quote belongs to the second, reported clause.
        """
        quotes = [
            (position, position + 1)
            for position in range(self.start, span_start)
            if self.tokens[position].kind is _TokenKind.QUOTE
        ]
        cursor = self._skip_adverbials(span_end, self._addresses(verb))
        if cursor < self.end and self.tokens[cursor].text in (",", ":"):
            cursor += 1
        while cursor < self.end and self.tokens[cursor].kind is _TokenKind.QUOTE:
            quotes.append((cursor, cursor + 1))
            cursor += 1
        return tuple(quotes)

    def _style_of(self, span: tuple[int, int]) -> _Style:
        only_quotes = all(token.kind is not _TokenKind.WORD for token in self.tokens[span[0] : span[1]])
        return _Style.QUOTE if only_quotes else _Style.REPORTED

    def _quote_just_before(self, position: int) -> bool:
        cursor = position - 1
        if cursor >= self.start and self.tokens[cursor].text in (",", *_DASHES):
            cursor -= 1  # '"...," Putin said', '"..." – Mr Putin said'
        return cursor >= self.start and self.tokens[cursor].kind is _TokenKind.QUOTE

    def _content_start(self, position: int, verb: int) -> int | None:
        """Where reported words start after the verb, skipping audience, place and time."""
        tokens, lexicon, end = self.tokens, self.lexicon, self.end
        cursor = self._skip_adverbials(position, self._addresses(verb))
        if cursor >= end:
            return None
        token = tokens[cursor]
        if token.lower in self.lexicon.complementisers:
            return cursor + 1 if self._has_words(cursor + 1, end) else None
        if token.text == ",":
            aside_end = self._according_aside(cursor)
            if aside_end is not None:  # "Sharif said, according to Pakistani media, that ..."
                return self._content_start(aside_end, verb)
        if token.text in (",", ":"):
            following = tokens[cursor + 1] if cursor + 1 < end else None
            if following is not None and following.kind is _TokenKind.QUOTE:
                return cursor + 1
            return cursor + 1 if token.text == ":" and following is not None else None
        if token.lower in lexicon.clause_openers:
            # "Biden said yesterday as he played down the threat, \"We are not ...\"": the
            # words are the quotation after the clause, not the clause.
            comma = next((i for i in range(cursor + 1, end - 1) if tokens[i].text == ","), None)
            if comma is not None and tokens[comma + 1].kind is _TokenKind.QUOTE:
                return comma + 1
        if token.lower in lexicon.subordinators and self._participle_at(cursor + 1):
            # '"Oh look ...!" President Trump said while welcoming his counterpart': when he
            # spoke, not what he said; his words follow only a "that" in the clause.
            clause_end = self._clause_end(cursor)
            that = next(
                (i for i in range(cursor + 2, clause_end) if tokens[i].lower in lexicon.complementisers),
                None,
            )
            return that + 1 if that is not None and self._has_words(that + 1, end) else None
        if token.lower in lexicon.time_subordinators and cursor not in self.dates_by_start:
            # '..., Tillerson told reporters Friday after the two-day summit with Xi.': when he
            # spoke; the words are before the attribution, or after a "that" further on ("told
            # reporters after the meeting that Russia ..."), not a "that" after a comma (", adding
            # that ...": a further statement, the words being before the attribution).
            comma = next(
                (
                    i
                    for i in range(cursor + 1, end - 1)
                    if tokens[i].text == "," and self._tail_participle_at(i + 1)
                ),
                end,
            )
            that = next(
                (i for i in range(cursor + 1, comma) if tokens[i].lower in lexicon.complementisers),
                None,
            )
            return that + 1 if that is not None and self._has_words(that + 1, end) else None
        if lexicon.asides.length_at(tokens, cursor, end) or token.kind is _TokenKind.PUNCT:
            return None
        if token.lower in lexicon.topic_prepositions and cursor not in self.dates_by_start:
            return None  # "reported on the widely expected summit": what about, not the words
        if token.kind is _TokenKind.QUOTE or tokens[verb].lower in lexicon.bare_clause_verbs:
            return cursor
        if (
            token.lower in lexicon.infinitive_markers
            and cursor + 1 < end
            and tokens[cursor + 1].kind is _TokenKind.QUOTE
        ):
            return cursor  # "have agreed to \u201cput in place an ... mechanism\u201d": quoted words
        if self._finite_clause(cursor):
            return cursor  # "Kumar confirmed a meeting with Putin is finalized"
        return None  # "The Kremlin confirmed the call": an object, not reported words

    def _nothing_after(self, verb_end: int, verb: int) -> bool:
        """Whether the verb ends its clause, but for who was addressed, where and when ('Duterte
        asked reporters.', '..., Peskov confirmed on Friday.'): not 'praised Putin', 'agreed to
        speed up talks'."""
        tokens = self.tokens
        cursor = self._skip_adverbials(verb_end, self._addresses(verb))
        if (
            cursor < self.end
            and tokens[cursor].lower in self.lexicon.subordinators
            and self._participle_at(cursor + 1)
        ):
            return True  # "asked reporters before leaving"
        while cursor < self.end and not tokens[cursor].is_word:
            if tokens[cursor].text == ",":
                return True
            cursor += 1
        return cursor >= self.end

    def _infinitive_after(self, verb_end: int, verb: int) -> bool:
        """Whether an infinitive follows the verb, past who was addressed, where and when
        ("agreed Monday to speed up talks"); not "to reporters", "to Xi"."""
        tokens, lexicon = self.tokens, self.lexicon
        cursor = self._skip_adverbials(verb_end, self._addresses(verb))
        if cursor + 1 >= self.end or tokens[cursor].lower not in lexicon.infinitive_markers:
            return False
        following = tokens[cursor + 1]
        return following.is_word and following.text.islower() and following.lower not in lexicon.determiners

    def _participle_at(self, position: int) -> bool:
        """Whether a lower-case participle ("welcoming", "leaving") is at the position."""
        if position >= self.end:
            return False
        token = self.tokens[position]
        endings = self.lexicon.participle_endings
        return token.is_word and token.text.islower() and token.lower.endswith(endings)

    def _according_aside(self, comma: int) -> int | None:
        """', according to Pakistani media,' set off by commas after a verb: where the source's
        closing comma is (the source of the report, not the speaker), or None."""
        tokens = self.tokens
        length = self.lexicon.according_to.length_at(tokens, comma + 1, self.end)
        if not length:
            return None
        source = self._mention_starting(comma + 1 + length)
        if source is None or source.end >= self.end or tokens[source.end].text != ",":
            return None
        return source.end + 1

    def _finite_clause(self, cursor: int) -> bool:
        """Whether the words from here are a clause of their own: a finite verb ("is", "would")
        comes within a few words, before any punctuation and any relative pronoun ("tweeted a
        photograph in which he is wearing a white cap": the verb is the relative clause's, the
        photograph an object)."""
        tokens, lexicon = self.tokens, self.lexicon
        for position in range(cursor + 1, min(self.end, cursor + 1 + self.context.max_subject_words)):
            token = tokens[position]
            if not token.is_word or token.lower in lexicon.relative_pronouns:
                return False
            if token.lower in lexicon.finite_words:
                return True
        return False

    def _tail_participle_at(self, position: int) -> bool:
        """Whether a participle that goes on with the speaker's words is at `position` ("adding",
        "saying"); one of clause_participles only before "that", a colon or a quotation ("joking
        that ...", not "joking with reporters")."""
        tokens, lexicon = self.tokens, self.lexicon
        word = tokens[position].lower
        if word not in lexicon.tail_participles:
            return False
        if word not in lexicon.clause_participles:
            return True
        cursor = self._past_speech_noun(self._skip_adverbials(position + 1, False))
        return cursor < self.end and (
            tokens[cursor].lower in lexicon.complementisers
            or tokens[cursor].text == ":"
            or tokens[cursor].kind is _TokenKind.QUOTE
        )

    def _past_speech_noun(self, cursor: int) -> int:
        """After a speech noun with its determiner, if one is at `cursor`: "repeating the claim
        that ...", "repeating his assertion that ..." (the words follow "that")."""
        tokens, lexicon = self.tokens, self.lexicon
        determiner = cursor + 1 < self.end and (
            tokens[cursor].lower in lexicon.determiners or tokens[cursor].lower in lexicon.possessive_pronouns
        )
        return cursor + 2 if determiner and tokens[cursor + 1].lower in lexicon.speech_nouns else cursor

    def _addresses(self, verb: int) -> bool:
        """Whether the speech verb at `verb`, of one word or more ("told", "will tell"), takes who
        was addressed before the reported words."""
        tokens = self.tokens
        length = self.lexicon.verbs.length_at(tokens, verb, self.end) or 1
        return " ".join(token.lower for token in tokens[verb : verb + length]) in self.lexicon.object_verbs

    def _skip_adverbials(self, cursor: int, takes_object: bool) -> int:
        end = self.end
        budget = self.context.max_skip_tokens
        if takes_object and cursor < end:
            # Whoever was told comes straight after the verb: "told Reuters", "told him".
            that = self._that_within(cursor, budget)
            if that is not None:  # "told Russia's state news agency TASS that ..."
                return that
            cursor += self._adverbial_length(cursor) or self._object_length(cursor)
            cursor = self._skip_programme(cursor)
        while cursor < end and budget > 0:
            step = self._adverbial_length(cursor)
            if not step:
                break
            cursor, budget = cursor + step, budget - step
            cursor = self._skip_programme(cursor)  # "told Leno on NBC's \"Tonight Show\" that"
        word = self.tokens[cursor].lower if cursor < end else ""
        if word in self.lexicon.place_prepositions or word in self.lexicon.closed_phrase_openers:
            # A phrase no list names, closed by "that": "said in his nightly address that ...",
            # "said for weeks that ...".
            that = self._that_within(cursor, budget)
            if that is not None:
                return that
        return cursor

    def _that_within(self, cursor: int, budget: int) -> int | None:
        """Position of a 'that' closing the addressee of 'told', if it comes soon enough."""
        for position in range(cursor, min(self.end, cursor + budget + 1)):
            token = self.tokens[position]
            if token.lower in self.lexicon.complementisers:
                return position if position > cursor else None
            if not token.is_word and token.text not in ("'", "\u2019"):  # "Fox News' Bret Baier"
                return None
        return None

    def _skip_programme(self, cursor: int) -> int:
        """'told CBS News' "Face the Nation"', 'told NBC’s “Meet the Press”': a show, not words."""
        tokens, end = self.tokens, self.end
        if cursor < end and tokens[cursor].text in ("'", "’"):
            cursor += 1
        previous = tokens[cursor - 1] if cursor > self.start else None
        possessive = previous is not None and (previous.text in ("'", "’") or previous.bare != previous.text)
        if possessive and cursor < end and tokens[cursor].kind is _TokenKind.QUOTE:
            cursor += 1
        return cursor

    def _adverbial_length(self, cursor: int) -> int:
        tokens, lexicon, end = self.tokens, self.lexicon, self.end
        date = self.dates_by_start.get(cursor)
        last = tokens[date.end - 1] if date is not None else None
        if date is not None and last.bare == last.text:
            return date.end - cursor
        # "said Thursday's meeting was valuable": a possessive day names the thing, and is words.
        if tokens[cursor].text == "(":
            inner = self.dates_by_start.get(cursor + 1)
            if inner is not None and inner.end < end and tokens[inner.end].text == ")":
                return inner.end + 1 - cursor  # "shared on Tuesday (March 21) that ..."
        length = lexicon.audiences.length_at(tokens, cursor, end)
        if length:
            return length
        length = lexicon.reporting.length_at(tokens, cursor, end)
        if length:
            follow = cursor + length
            linked = lexicon.channel_links.length_at(tokens, follow, end)
            if not linked and follow < end and tokens[follow].lower in lexicon.channel_participles:
                # "in remarks broadcast on state television", "in a statement posted on its
                # website": how the words went out, not the words.
                length += 1
                follow += 1
            link = lexicon.channel_links.length_at(tokens, follow, end)
            if link:
                mention = self._mention_after_determiner(follow + link)
                if mention is not None:
                    return mention.end - cursor
            return length
        occasion = self._occasion_length(cursor)
        if occasion:
            return occasion  # "at a weekly briefing", "in a joint statement": where, not what
        if tokens[cursor].lower in lexicon.place_prepositions:
            outlet = self._outlet_length(cursor + 1)
            if outlet:
                return 1 + outlet  # "wrote in the Washington Post on Thursday": where, not what
            place = self._mention_after_determiner(cursor + 1)
            if place is not None and place.kind is not _MentionKind.DESCRIPTION:
                return place.end - cursor  # "in Moscow", "at the White House": not speech
        if tokens[cursor].lower in lexicon.addressee_links and cursor + 1 < end:
            # "mentioned to Russian state media that", "explained to him that": who was told.
            if tokens[cursor + 1].lower in lexicon.object_pronouns:
                return 2
            addressee = self._mention_after_determiner(cursor + 1)
            if addressee is not None:
                return self._past_gloss(addressee.end) - cursor
        return 0

    def _outlet_length(self, start: int) -> int:
        """The length of a news outlet's name the rules know (attribution.media) at `start`, a
        determiner before it included ("the Washington Post", "Kommersant"); 0 if none."""
        tokens, end = self.tokens, self.end
        first = start + 1 if start < end and tokens[start].lower in self.lexicon.determiners else start
        for length in range(min(5, end - first), 0, -1):
            name = " ".join(token.lower for token in tokens[first : first + length])
            if name in self.lexicon.media:
                return first + length - start
        return 0

    def _past_gloss(self, end: int) -> int:
        """After a name, its spelling in another script in brackets ("Premier Wen Jiabao
        (溫家寶)", as Taiwanese and Hong Kong papers print it): where the name really ends."""
        tokens = self.tokens
        if end + 2 < self.end and tokens[end].text == "(":
            close = next((i for i in range(end + 1, min(self.end, end + 4)) if tokens[i].text == ")"), None)
            inner = "".join(token.text for token in tokens[end + 1 : close]) if close else ""
            if inner and all(not character.isascii() for character in inner if character.isalpha()):
                return close + 1
        return end

    def _occasion_length(self, cursor: int) -> int:
        """'at a weekly briefing', 'in a joint statement': a preposition, a determiner, a few
        lower-case words and a noun of an occasion of speech; its length, or 0."""
        tokens, lexicon, end = self.tokens, self.lexicon, self.end
        if tokens[cursor].lower not in lexicon.occasion_prepositions:
            return 0
        position = cursor + 1
        if position >= end or tokens[position].lower not in lexicon.determiners:
            return 0
        for noun in range(position + 1, min(end, position + 2 + self.context.max_occasion_words)):
            token = tokens[noun]
            if not token.is_word or not token.text.islower():
                return 0
            if token.lower in lexicon.occasion_nouns:
                return noun + 1 - cursor
        return 0

    def _mention_after_determiner(self, position: int) -> _Mention | None:
        if position < self.end and self.tokens[position].lower in self.lexicon.determiners:
            position += 1
        return self.by_start.get(position)

    def _object_length(self, cursor: int) -> int:
        token = self.tokens[cursor]
        determined = token.lower in self.lexicon.determiners
        if token.lower in self.lexicon.object_pronouns and not (determined and self._noun_closes(cursor + 1)):
            return 1  # "told her that", not "told her host"
        start = cursor + 1 if determined else cursor
        mention = self.by_start.get(start)
        if mention is not None:
            return mention.end - cursor
        if determined and self._noun_closes(start):
            return start + 1 - cursor  # "told his host.", "told his counterpart that ..."
        return 0

    def _noun_closes(self, position: int) -> bool:
        """A lower-case word here that ends the object: punctuation, "that" or the end follows."""
        if (
            position >= self.end
            or not self.tokens[position].is_word
            or not self.tokens[position].text.islower()
        ):
            return False
        after = self.tokens[position + 1] if position + 1 < self.end else None
        return after is None or not after.is_word or after.lower in self.lexicon.complementisers

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop commas, colons and dashes at either edge of a span."""
        while start < end and self.tokens[start].text in (",", ":", "—", "–", "-"):
            start += 1
        while end > start and self.tokens[end - 1].text in (",", ":", "—", "–", "-"):
            end -= 1
        return start, end

    def _has_words(self, start: int, end: int) -> bool:
        """Whether a span holds any words, quoted or not (not just punctuation)."""
        return any(token.kind is not _TokenKind.PUNCT for token in self.tokens[start:end])

    def _sets_scene(self, start: int, end: int) -> bool:
        """'On Friday,' / 'Speaking to reporters,' before the speaker: not the speaker's words."""
        first = self.tokens[start]
        following = self.tokens[start + 1] if start + 1 < end else None
        if first.lower in self.lexicon.opening_conjunctions and following is not None:
            # "But the talks will be hard, Peskov said": the conjunction joins the words to what
            # came before; what follows it is a scene ("But on Friday, ...") or the words.
            rest = start + 2 if following.text == "," else start + 1
            return rest >= end or self._sets_scene(rest, end)
        if (
            following is not None
            and following.text.islower()
            and following.lower in self.lexicon.finite_words
        ):
            return False  # "This is the first tangible sign of ..., says X": a clause, not a scene
        if first.lower in self.lexicon.intro_words:
            return True
        dated = {
            position for date in self.dates_by_start.values() for position in range(date.start, date.end)
        }
        return all(position in dated or not self.tokens[position].is_word for position in range(start, end))


# Dashes that set narration apart from reported words.
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _end_of(speaker: _SpeakerRef) -> int:
    return speaker.end if isinstance(speaker, _Mention) else speaker.position + 1
