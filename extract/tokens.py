"""Tokens and the lexicon: article text split into words, and the rules compiled into lookup tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Generic, TypeVar

from summit_outlook.model.statements import Role

if TYPE_CHECKING:
    from summit_outlook.extract.rules import AnchoredDate, ExtractionRules, RelativeDate, VagueTime

# Dotted initialisms (U.S., U.N.), words joined by apostrophes or hyphens, or one symbol.
# Every quantifier is bounded or separated by a non-word character, so matching is linear.
# A word: initials ("U.S."), acronyms joined by a slash ("RFE/RL"), or letters and digits
# joined by apostrophes and hyphens, the last part possibly initials ("anti-U.S.", whose full
# stops end no sentence). A double hyphen is one mark, the typewriter's dash ("policies -- the
# countries have ... -- as well as").
_TOKEN_RE = re.compile(
    r"(?P<word>(?:[A-Za-z]\.){2,6}(?:[\-–‑](?:(?:[A-Za-z]\.){2,6}|\w+)){0,10}|[A-Z]{2,}(?:/[A-Z]{2,})+\b"
    r"|\w+(?:[’'\-–‑](?:(?:[A-Za-z]\.){2,6}|\w+)){0,10})|--|[^\w\s]"
)
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_DAY_RE = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?", re.ASCII)
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}", re.ASCII)
_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_SENTENCE_END = frozenset(".!?…")
_PARAGRAPH_END = frozenset('.!?…:;”"’»)')
_CLOSING_MARKS = '”"’»)'  # stripped before asking whether a wrapped line ends a sentence


class _TokenKind(Enum):
    WORD = "word"
    PUNCT = "punct"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class _Token:
    """A word, a symbol, or a whole quotation (its words in ``text``, marks excluded)."""

    kind: _TokenKind
    text: str
    start: int
    end: int
    lower: str = ""
    bare: str = ""  # text without a trailing possessive ("Russia’s" -> "Russia")
    ends_sentence: bool = False
    closed: bool = True  # a quotation: whether its closing mark is there (else it runs to the end)

    @property
    def is_word(self) -> bool:
        return self.kind is _TokenKind.WORD

    @property
    def is_capitalised(self) -> bool:
        return self.kind is _TokenKind.WORD and self.text[:1].isupper()


def _word(text: str, start: int, end: int) -> _Token:
    bare = _POSSESSIVE_RE.sub("", text) if len(text) > 2 else text
    return _Token(_TokenKind.WORD, text, start, end, text.casefold(), bare or text)


def _phrase_tokens(phrase: str) -> list[str]:
    """A phrase from the rules file split the way article text is."""
    return [match.group() for match in _TOKEN_RE.finditer(phrase)]


V = TypeVar("V")


@dataclass(frozen=True)
class _PhraseTable(Generic[V]):
    """Multi-word phrases for longest-first matching at a token position."""

    entries: dict[tuple[str, ...], V]
    firsts: frozenset[str]
    max_len: int
    case_sensitive: bool

    @classmethod
    def build(cls, items: Iterable[tuple[str, V]], *, case_sensitive: bool) -> _PhraseTable[V]:
        entries: dict[tuple[str, ...], V] = {}
        for phrase, value in items:
            words = _phrase_tokens(phrase)
            key = tuple(words if case_sensitive else (word.casefold() for word in words))
            if key:
                entries[key] = value
        return cls(
            entries,
            frozenset(key[0] for key in entries),
            max((len(key) for key in entries), default=0),
            case_sensitive,
        )

    def _key(self, token: _Token) -> str:
        # Possessives are dropped for proper nouns ("Russia’s") but not for common words.
        return token.bare if self.case_sensitive else token.lower

    def match(self, tokens: Sequence[_Token], position: int, end: int) -> tuple[int, V] | None:
        """(number of tokens, value) of the longest phrase starting at position, if any."""
        if position >= end or not tokens[position].is_word:
            return None
        if self._key(tokens[position]) not in self.firsts:
            return None
        longest = min(self.max_len, end - position)
        for length in range(longest, 0, -1):
            window = tokens[position : position + length]
            if not all(token.is_word for token in window):
                continue
            value = self.entries.get(tuple(self._key(token) for token in window))
            if value is not None:
                return length, value
        return None

    def length_at(self, tokens: Sequence[_Token], position: int, end: int) -> int:
        found = self.match(tokens, position, end)
        return found[0] if found else 0


@dataclass(frozen=True)
class _Institution:
    name: str
    role: Role
    side: str | None
    head_role: Role | None = None


@dataclass(frozen=True)
class _Lexicon:
    """Lookup tables compiled from the rules: the only thing matching reads."""

    openers: dict[str, str]
    quote_marks: re.Pattern[str]  # any opening or closing mark
    apostrophes: frozenset[str]
    abbreviations: frozenset[str]
    clause_marks: frozenset[str]  # sentences.clause_marks: "—", "–", ";"
    verbs: _PhraseTable[bool]
    predicates: _PhraseTable[bool]
    acts: _PhraseTable[bool]  # attribution.acts: "called off the summit"
    main_clause_verbs: frozenset[str]
    quote_predicates: frozenset[str]
    person_object_links: frozenset[str]
    subordinators: frozenset[str]
    time_subordinators: frozenset[str]
    subordinator_modifiers: frozenset[str]
    infinitive_markers: frozenset[str]
    question_words: frozenset[str]
    finite_words: frozenset[str]
    tail_participles: frozenset[str]
    participle_endings: tuple[str, ...]
    accord_words: frozenset[str]
    second_speaker_links: frozenset[str]
    participle_links: frozenset[str]
    absolute_links: frozenset[str]
    joint_words: frozenset[str]
    pair_openers: frozenset[str]
    opening_conjunctions: frozenset[str]
    person_predicates: frozenset[str]
    speech_nouns: frozenset[str]
    speech_noun_agents: frozenset[str]
    speech_noun_complements: dict[str, frozenset[str]]  # folded noun -> its complement words
    naming_openers: frozenset[str]
    naming_verbs: _PhraseTable[bool]
    possessive_pronouns: dict[str, str]  # folded possessive -> the pronoun standing for its owner
    according_pronouns: dict[str, str]  # folded object pronoun after "according to" -> its subject form
    speech_participles: frozenset[str]
    coordinators: frozenset[str]
    subject_openers: frozenset[str]
    subject_pronouns: frozenset[str]
    clause_openers: frozenset[str]
    object_verbs: frozenset[str]
    according_to: _PhraseTable[bool]
    owned_source_links: frozenset[str]
    owned_sources: frozenset[str]
    passive_verbs: _PhraseTable[bool]
    passive_auxiliaries: frozenset[str]
    passive_naming: _PhraseTable[bool]
    speaker_marks: frozenset[str]
    naming_links: frozenset[str]
    quoted_as: _PhraseTable[bool]
    quoted_skip: frozenset[str]
    quoted_by: frozenset[str]
    preludes: frozenset[str]
    audiences: _PhraseTable[bool]
    reporting: _PhraseTable[bool]
    asides: _PhraseTable[bool]
    intro_words: frozenset[str]
    habitual_words: frozenset[str]
    looking_back: _PhraseTable[bool]
    past_occasion_words: frozenset[str]
    before_events: _PhraseTable[bool]
    past_perfect_auxiliaries: frozenset[str]
    present_verbs: frozenset[str]
    pronouns: frozenset[str]
    body_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    plural_pronoun_blockers: frozenset[str]
    ordinal_references: dict[str, int]  # folded word -> which of the last two people
    pair_references: _PhraseTable[bool]  # "both men": the last two people, together
    documents: frozenset[str]
    document_links: _PhraseTable[bool]
    document_verbs: frozenset[str]
    object_pronouns: frozenset[str]
    media: frozenset[str]
    state_media: dict[str, str]  # folded name -> side
    media_words: _PhraseTable[bool]
    state_media_words: frozenset[str]
    report_nouns: frozenset[str]
    citing: frozenset[str]
    speaker_asides: _PhraseTable[bool]
    kept_participles: frozenset[str]
    clause_participles: frozenset[str]
    speaker_relatives: frozenset[str]
    topic_prepositions: frozenset[str]
    channel_participles: frozenset[str]
    stopwords: frozenset[str]
    opening_word_endings: tuple[str, ...]
    honorifics: frozenset[str]
    particles: frozenset[str]
    modifiers: frozenset[str]
    anonymous_words: frozenset[str]
    connectors: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    determiners: frozenset[str]
    place_prepositions: frozenset[str]
    closed_phrase_openers: frozenset[str]
    occasion_prepositions: frozenset[str]
    occasion_nouns: frozenset[str]
    qualifier_openers: frozenset[str]
    deputy_words: frozenset[str]
    former_words: frozenset[str]
    head_words: frozenset[str]
    generic_descriptions: frozenset[str]
    group_titles: frozenset[str]
    relation_words: frozenset[str]
    group_possessives: frozenset[str]
    kin_words: frozenset[str]
    titles: _PhraseTable[Role]
    single_titles: dict[str, Role]
    sides: _PhraseTable[str]
    institutions: _PhraseTable[_Institution]
    generic_institutions: frozenset[str]
    bare_institutions: frozenset[str]  # folded: generic words naming a body alone ("the ministry")
    relative: _PhraseTable[RelativeDate]
    anchored: _PhraseTable[AnchoredDate]
    vague_times: _PhraseTable[VagueTime]
    earlier_words: frozenset[str]
    possessive_day_topics: frozenset[str]
    later_words: frozenset[str]
    month_prepositions: frozenset[str]
    day_prepositions: frozenset[str]
    past_markers: frozenset[str]
    future_markers: frozenset[str]
    future_clause_words: frozenset[str]
    span_words: frozenset[str]
    thing_agent_links: frozenset[str]
    thing_of_links: frozenset[str]
    ago_words: frozenset[str]
    complementisers: frozenset[str]
    addressee_links: frozenset[str]
    channel_links: _PhraseTable[bool]
    bare_clause_verbs: frozenset[str]
    relative_pronouns: frozenset[str]


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.casefold() for word in words)


def _flag_table(phrases: Iterable[str]) -> _PhraseTable[bool]:
    return _PhraseTable.build(((phrase, True) for phrase in phrases), case_sensitive=False)


def _compile_lexicon(rules: ExtractionRules) -> _Lexicon:
    """Turn the validated rules into the lookup tables the matcher uses."""
    said = rules.attribution
    names = rules.names
    title_items = [(phrase, role) for role, phrases in rules.titles.items() for phrase in phrases]
    side_items = [(hint, rule.side) for rule in rules.sides for hint in rule.hints]
    institutions = [
        (known.name, _Institution(known.name, known.role, known.side, known.head_role))
        for known in rules.institutions.known
    ]
    return _Lexicon(
        openers=dict(rules.quotes.pairs),
        quote_marks=re.compile(
            "[" + "".join(re.escape(mark) for pair in rules.quotes.pairs for mark in pair) + "]"
        ),
        apostrophes=frozenset(rules.quotes.apostrophes),
        abbreviations=_folded(rules.sentences.abbreviations),
        clause_marks=frozenset(rules.sentences.clause_marks),
        verbs=_flag_table(said.verbs),
        predicates=_flag_table(said.predicate_verbs),
        acts=_flag_table(said.acts),
        main_clause_verbs=_folded(said.main_clause_verbs),
        quote_predicates=_folded(said.quote_predicates),
        person_object_links=_folded(said.person_object_links),
        subordinators=_folded(said.subordinators),
        time_subordinators=_folded(said.time_subordinators),
        subordinator_modifiers=_folded(said.subordinator_modifiers),
        infinitive_markers=_folded(said.infinitive_markers),
        question_words=_folded(said.question_words),
        finite_words=_folded(said.finite_words),
        tail_participles=_folded(said.tail_participles),
        participle_endings=tuple(sorted(_folded(said.participle_endings))),
        accord_words=_folded(said.accord_words),
        second_speaker_links=_folded(said.second_speaker_links),
        participle_links=_folded(said.participle_links),
        absolute_links=_folded(said.absolute_links),
        joint_words=_folded(said.joint_words),
        pair_openers=_folded(said.pair_openers),
        opening_conjunctions=_folded(said.opening_conjunctions),
        person_predicates=_folded(said.person_predicates),
        speech_nouns=_folded(said.speech_nouns) | _folded(said.speech_noun_complements),
        speech_noun_agents=_folded(said.speech_noun_agents),
        speech_noun_complements={
            noun.casefold(): _folded(words) for noun, words in said.speech_noun_complements.items()
        },
        naming_openers=_folded(said.naming_openers),
        naming_verbs=_flag_table(said.naming_verbs),
        according_pronouns={
            key.casefold(): value.casefold() for key, value in said.according_pronouns.items()
        },
        possessive_pronouns={
            key.casefold(): value.casefold() for key, value in said.possessive_pronouns.items()
        },
        speech_participles=_folded(said.speech_participles),
        coordinators=_folded(said.coordinators),
        subject_openers=_folded(said.subject_openers),
        subject_pronouns=_folded(said.subject_pronouns),
        clause_openers=_folded(said.clause_openers),
        object_verbs=_folded(said.object_verbs),
        according_to=_flag_table(said.according_to),
        owned_source_links=_folded(said.owned_source_links),
        owned_sources=_folded(said.owned_sources),
        passive_verbs=_flag_table(said.passive_verbs),
        passive_auxiliaries=_folded(said.passive_auxiliaries),
        passive_naming=_flag_table(said.passive_naming),
        speaker_marks=frozenset(said.speaker_marks),
        naming_links=_folded(said.naming_links),
        quoted_as=_flag_table(said.quoted_as),
        quoted_skip=_folded(said.quoted_skip),
        quoted_by=_folded(said.quoted_by),
        preludes=_folded(said.preludes),
        audiences=_flag_table(said.audiences),
        reporting=_flag_table(said.reporting_phrases),
        asides=_flag_table(said.aside_starts),
        intro_words=_folded(said.intro_words),
        habitual_words=_folded(said.habitual_words),
        looking_back=_flag_table(said.looking_back),
        past_occasion_words=_folded(said.past_occasion_words),
        before_events=_flag_table(said.before_events),
        past_perfect_auxiliaries=_folded(said.past_perfect_auxiliaries),
        present_verbs=_folded(said.present_verbs),
        pronouns=_folded(said.pronouns),
        body_pronouns=_folded(said.body_pronouns),
        plural_pronouns=_folded(said.plural_pronouns),
        plural_pronoun_blockers=_folded(said.plural_pronoun_blockers),
        ordinal_references={key.casefold(): value for key, value in said.ordinal_references.items()},
        pair_references=_flag_table(said.pair_references),
        documents=_folded(said.documents),
        document_links=_flag_table(said.document_links),
        document_verbs=_folded(said.document_verbs),
        object_pronouns=_folded(said.object_pronouns),
        media=_folded(said.media),
        state_media={medium.name.casefold(): medium.side for medium in said.state_media},
        media_words=_flag_table(said.media_words),
        state_media_words=_folded(said.state_media_words),
        report_nouns=_folded(said.report_nouns),
        citing=_folded(said.citing),
        speaker_asides=_flag_table(said.speaker_asides),
        kept_participles=_folded(said.kept_participles),
        clause_participles=_folded(said.clause_participles),
        speaker_relatives=_folded(said.speaker_relatives),
        topic_prepositions=_folded(said.topic_prepositions),
        channel_participles=_folded(said.channel_participles),
        stopwords=_folded(names.stopwords),
        opening_word_endings=tuple(sorted(_folded(names.opening_word_endings))),
        honorifics=_folded(names.honorifics),
        particles=_folded(names.particles),
        modifiers=_folded(names.modifiers),
        anonymous_words=_folded(names.anonymous_words),
        connectors=_folded(names.title_connectors),
        definite=_folded(names.definite_determiners),
        indefinite=_folded(names.indefinite_determiners),
        determiners=_folded(names.definite_determiners) | _folded(names.indefinite_determiners),
        place_prepositions=_folded(said.place_prepositions),
        closed_phrase_openers=_folded(said.closed_phrase_openers),
        occasion_prepositions=_folded(said.occasion_prepositions),
        occasion_nouns=_folded(said.occasion_nouns),
        qualifier_openers=_folded(said.qualifier_openers),
        deputy_words=_folded(names.deputy_words),
        former_words=_folded(names.former_words),
        head_words=_folded(names.head_words),
        generic_descriptions=_folded(names.generic_descriptions),
        group_titles=_folded(names.group_titles),
        relation_words=_folded(names.relation_words),
        group_possessives=_folded(names.group_possessives),
        kin_words=_folded(names.kin_words),
        titles=_PhraseTable.build(title_items, case_sensitive=False),
        single_titles={phrase.casefold(): role for phrase, role in title_items if " " not in phrase},
        sides=_PhraseTable.build(side_items, case_sensitive=True),
        institutions=_PhraseTable.build(institutions, case_sensitive=True),
        generic_institutions=frozenset(rules.institutions.generic_words),
        bare_institutions=_folded(rules.institutions.bare_words),
        relative=_PhraseTable.build(
            ((rule.phrase, rule) for rule in rules.dates.relative), case_sensitive=False
        ),
        anchored=_PhraseTable.build(
            ((rule.phrase, rule) for rule in rules.dates.anchored), case_sensitive=False
        ),
        vague_times=_PhraseTable.build(
            ((time.phrase, time) for time in rules.dates.vague), case_sensitive=False
        ),
        earlier_words=_folded(rules.dates.earlier_words),
        possessive_day_topics=_folded(rules.dates.possessive_day_topics),
        later_words=_folded(rules.dates.later_words),
        month_prepositions=_folded(rules.dates.month_prepositions),
        day_prepositions=_folded(rules.dates.day_prepositions),
        past_markers=_folded(rules.dates.past_markers),
        future_markers=_folded(rules.dates.future_markers),
        future_clause_words=_folded(rules.dates.future_clause_words),
        span_words=_folded(rules.dates.span_words),
        thing_agent_links=_folded(rules.dates.thing_agent_links),
        thing_of_links=_folded(rules.dates.thing_of_links),
        ago_words=_folded(rules.dates.ago_words),
        complementisers=_folded(said.complementisers),
        addressee_links=_folded(said.addressee_links),
        bare_clause_verbs=_folded(said.bare_clause_verbs),
        relative_pronouns=_folded(said.relative_pronouns),
        channel_links=_flag_table(said.channel_links),
    )
