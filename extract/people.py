"""Who is who: the people an article introduces, learned from its own introductions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from summit_outlook.extract.analysis import _Paragraph
from summit_outlook.extract.attribution import _Sentence
from summit_outlook.extract.mentions import _Mention, _MentionKind
from summit_outlook.extract.tokens import _Lexicon, _Token
from summit_outlook.model.statements import Role


@dataclass
class _Person:
    """What the article says about one person, merged over all mentions."""

    name: str
    title: str = ""
    role: Role | None = None
    side: str | None = None
    affiliate: str | None = None

    def absorb(self, title: str, role: Role | None, side: str | None, affiliate: str | None) -> None:
        """Fill in what is still unknown; the first introduction wins."""
        if not self.title and title:
            self.title, self.role = title, role
        self.side = self.side or side
        self.affiliate = self.affiliate or affiliate


class _Registry:
    """Full names by surname, so 'Rubio said' finds 'U.S. Secretary of State Marco Rubio'."""

    def __init__(self) -> None:
        self.by_name: dict[str, _Person] = {}
        self.by_surname: dict[str, _Person] = {}
        # First words of full names, for names written family name first ("Xi Jinping", then
        # "Mr Xi"); a first word shared by two people ("Kim Jong Un", "Kim Yo Jong") finds nobody.
        self.by_first: dict[str, list[_Person]] = {}
        # Every capitalised word of full names, for a name known by a middle word ("Luiz Inacio
        # Lula da Silva", then "Lula"); a word two people share finds nobody.
        self.by_word: dict[str, list[_Person]] = {}

    def add(
        self,
        name: str,
        title: str,
        role: Role | None,
        side: str | None,
        affiliate: str | None,
        *,
        kin: bool = False,
    ) -> None:
        """`kin`: named as someone's relative ("first lady Melania Trump"), a person of their own
        whom the family name alone ("Trump said") does not find."""
        words = name.split()
        if not words:
            return
        person = self.by_name.get(name)
        if person is None and kin and len(words) > 1:
            person = self.by_name[name] = _Person(name)
        if person is None:
            earlier = self.by_surname.get(words[-1])
            if earlier is None and len(words) == 1:
                sharing = self.by_first.get(words[0], [])
                earlier = sharing[0] if len(sharing) == 1 else None
            elif earlier is None:
                # "Mr Xi" first, "Xi Jinping" later: the one-word name was the family name.
                alone = self.by_name.get(words[0])
                earlier = alone if alone is not None and alone.name == words[0] else None
            if earlier is not None and _same_person(earlier, words, role):
                if len(words) > len(earlier.name.split()):
                    earlier.name = name  # "President Putin", then "Vladimir Putin": the fuller name
                person = earlier
            else:
                person = _Person(name)
                self.by_surname.setdefault(words[-1], person)
            self.by_name[name] = person
            if len(words) > 1:
                sharing = self.by_first.setdefault(words[0], [])
                if all(other is not person for other in sharing):
                    sharing.append(person)
                for word in words:
                    if word[:1].isupper():
                        holders = self.by_word.setdefault(word, [])
                        if all(other is not person for other in holders):
                            holders.append(person)
        person.absorb(title, role, side, affiliate)

    def lookup(self, name: str) -> _Person | None:
        words = name.split()
        if not words:
            return None
        found = self.by_name.get(name) or self.by_surname.get(words[-1])
        if found is None and len(words) == 1:
            sharing = self.by_first.get(words[0], [])
            found = sharing[0] if len(sharing) == 1 else None
        if found is None and len(words) == 1 and not self.by_first.get(words[0]):
            holders = self.by_word.get(words[0], [])
            found = holders[0] if len(holders) == 1 else None
        return found

    def only_titled(self, title: str, role: Role | None, side: str | None) -> _Person | None:
        """The one person whose title ends with these words, in this role, on a side that does not
        contradict `side`; None when nobody or more than one fits."""
        wanted = title.casefold().split()
        fitting = {
            id(person): person
            for person in self.by_name.values()
            if person.title
            and person.role is role
            and person.title.casefold().split()[-len(wanted) :] == wanted
            and (side is None or self.side_of(person) in (None, side))
        }
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def side_of(self, person: _Person) -> str | None:
        if person.side:
            return person.side
        if person.affiliate:
            patron = self.lookup(person.affiliate)
            return patron.side if patron is not None and patron is not person else None
        return None


def _same_person(known: _Person, words: list[str], role: Role | None) -> bool:
    """'Putin' and 'Vladimir Putin' are one person; 'Donald Trump' and 'Melania Trump' are not;
    a family name written first ("North Korea's Kim", then "Kim Jong Un") is its first word."""
    known_words = known.name.split()
    shorter, longer = sorted((known_words, words), key=len)
    family_first = len(shorter) == 1 and longer[0] == shorter[0]
    if longer[len(longer) - len(shorter) :] != shorter and not family_first:
        return False
    return role is None or known.role is None or role == known.role


# Longest appositive, in tokens, read as one title ("the head of Russia's sovereign wealth fund
# and Putin's special envoy" is 11); longer ones are clauses, not titles.
MAX_APPOSITIVE_TOKENS = 16
# Tokens that close an appositive.
_APPOSITIVE_ENDS = frozenset({",", ".", ";", ":"})


def _appositive(
    tokens: Sequence[_Token], mention: _Mention, sentence: _Sentence, lexicon: _Lexicon
) -> _Mention | None:
    """'Dmitry Peskov, the Kremlin spokesman,' -> the description after the name."""
    cursor = mention.end
    if cursor >= sentence.end or tokens[cursor].text != ",":
        return None
    cursor += 1
    if cursor < sentence.end and tokens[cursor].lower in lexicon.determiners:
        cursor += 1
    # "Ben Rhodes, Mr Obama's deputy national security adviser": the owner's honorific is not
    # part of the description, which starts at the owner's name.
    honorific = cursor < sentence.end and tokens[cursor].lower in lexicon.honorifics
    for candidate in sentence.mentions:
        starts = candidate.start == cursor or (honorific and candidate.start == cursor + 1)
        if starts and candidate.kind is _MentionKind.DESCRIPTION:
            whole = _whole_appositive(tokens, candidate, sentence)
            # Set off by commas, ending the sentence, or going on with "of"/"for" ("Ned Price,
            # spokesman for the White House") or "who": in "talks in Geneva, a Kremlin spokesman
            # said" the description is the next clause's subject, not Geneva's title.
            after = tokens[whole.end] if whole.end < sentence.end else None
            goes_on = lexicon.connectors | lexicon.relative_pronouns
            if after is not None and after.text not in _APPOSITIVE_ENDS and after.lower not in goes_on:
                return None
            return whole
    return None


def _whole_appositive(tokens: Sequence[_Token], first: _Mention, sentence: _Sentence) -> _Mention:
    """An appositive of several descriptions ("the head of Russia's sovereign wealth fund and
    Putin's special envoy") as one: the title runs to the comma that closes it, the role is its
    last title's, as in a single description. Only when a description ends right at that comma:
    a relative clause ("the spokesman who ...") is not part of a title."""
    limit = min(sentence.end, first.start + MAX_APPOSITIVE_TOKENS)
    close = next((i for i in range(first.end, limit) if tokens[i].text in _APPOSITIVE_ENDS), None)
    if close is None or close == first.end:
        return first
    last = next(
        (
            m
            for m in sentence.mentions
            if m.kind is _MentionKind.DESCRIPTION and m.end == close and m.start > first.start
        ),
        None,
    )
    if last is None:
        return first
    title = " ".join(token.text for token in tokens[first.start : close])
    return replace(
        first,
        end=close,
        name=title,
        title=title,
        role=last.role,
        side=first.side or last.side,
        affiliate=first.affiliate or last.affiliate,
    )


def _described_before(tokens: Sequence[_Token], mention: _Mention, sentence: _Sentence) -> _Mention | None:
    """'The Ukrainian leader's chief of staff, Andriy Yermak,' -> the description before."""
    comma = mention.start - 1
    if comma <= sentence.start or tokens[comma].text != ",":
        return None
    if mention.end < sentence.end and tokens[mention.end].text != ",":
        return None
    for candidate in sentence.mentions:
        if candidate.end == comma and candidate.kind is _MentionKind.DESCRIPTION:
            return candidate
    return None


def _affiliate_after(
    tokens: Sequence[_Token], description: _Mention, sentence: _Sentence, lexicon: _Lexicon
) -> str | None:
    """'a foreign policy aide to Putin' -> 'Putin'."""
    patron = _joined_to(tokens, description, sentence, lexicon, _MentionKind.PERSON)
    return patron.name if patron is not None else None


def _side_after(
    tokens: Sequence[_Token], description: _Mention, sentence: _Sentence, lexicon: _Lexicon
) -> str | None:
    """'a spokeswoman for the Russian Foreign Ministry' -> 'Russia' (the institution's side)."""
    body = _joined_to(tokens, description, sentence, lexicon, _MentionKind.INSTITUTION)
    return body.side if body is not None else None


def _joined_to(
    tokens: Sequence[_Token],
    description: _Mention,
    sentence: _Sentence,
    lexicon: _Lexicon,
    kind: _MentionKind,
) -> _Mention | None:
    """The mention of this kind that a connector joins to the description ("aide to", "spokeswoman
    for the"), a determiner allowed between."""
    cursor = description.end
    if cursor >= sentence.end or tokens[cursor].lower not in lexicon.connectors:
        return None
    cursor += 1
    if cursor < sentence.end and tokens[cursor].lower in lexicon.determiners:
        cursor += 1
    return next((m for m in sentence.mentions if m.start == cursor and m.kind is kind), None)


def _named_as_kin(
    tokens: Sequence[_Token], mention: _Mention, sentence: _Sentence, lexicon: _Lexicon
) -> bool:
    """'first lady Melania Trump', 'his wife, Peng Liyuan': a name right after a word of kinship
    (names.kin_words), a comma between them or not."""
    before = mention.start - 1
    if before > sentence.start and tokens[before].text == ",":
        before -= 1
    return before >= sentence.start and tokens[before].lower in lexicon.kin_words


def _learn_people(paragraphs: Sequence[_Paragraph], lexicon: _Lexicon) -> _Registry:
    """Every titled or full name in the article, with titles from appositives too."""
    registry = _Registry()
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            for mention in sentence.mentions:
                if mention.kind is not _MentionKind.PERSON:
                    continue
                if mention.medium:
                    continue
                title, role, side, affiliate = mention.title, mention.role, mention.side, mention.affiliate
                described = _appositive(paragraph.tokens, mention, sentence, lexicon) or (
                    _described_before(paragraph.tokens, mention, sentence)
                )
                if described is not None and not title:
                    title, role = described.title, described.role
                    side = (
                        side or described.side or _side_after(paragraph.tokens, described, sentence, lexicon)
                    )
                    affiliate = (
                        affiliate
                        or described.affiliate
                        or _affiliate_after(paragraph.tokens, described, sentence, lexicon)
                    )
                # A headline capitalises every word: "Hu Welcomed at White House" names no
                # "Hu Welcomed"; there only a title or a side makes a mention an introduction.
                full_name = len(mention.name.split()) > 1 and not paragraph.heading
                if title or side or full_name:
                    kin = _named_as_kin(paragraph.tokens, mention, sentence, lexicon)
                    registry.add(mention.name, title, role, side, affiliate, kin=kin)
    return registry
