"""Mentions: names, titles, descriptions and institutions in a sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from summit_outlook.extract.rules import ExtractionRules
from summit_outlook.extract.tokens import _Lexicon, _Token
from summit_outlook.model.statements import Role


class _MentionKind(Enum):
    PERSON = "person"  # a name, maybe with a title: "Kremlin spokesman Dmitry Peskov", "Rubio"
    DESCRIPTION = "description"  # a title without a name: "the spokesman", "a senior official"
    INSTITUTION = "institution"  # "the Kremlin", "Russia’s Foreign Ministry", "Moscow"


class _PartKind(Enum):
    TITLE = "title"
    INSTITUTION = "institution"
    SIDE = "side"
    MODIFIER = "modifier"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class _Part:
    kind: _PartKind
    start: int
    end: int
    role: Role | None = None
    side: str | None = None
    plural: bool = False
    head_role: Role | None = None  # an institution's head's role


@dataclass(frozen=True, slots=True)
class _Mention:
    """Who a run of name/title words refers to, as written."""

    kind: _MentionKind
    start: int
    end: int
    name: str  # person's name, institution's name, or the description
    title: str = ""
    role: Role | None = None
    side: str | None = None
    affiliate: str | None = None  # a person whose side this one shares ("Putin’s aide")
    plural: bool = False
    determiner: str = ""
    medium: bool = False  # a news organisation named with what it is ("Fuji television")
    joint: _Mention | None = None  # who speaks with this person ("Macron and Merz said")

    @property
    def span_start(self) -> int:
        """Where the mention starts in the text, with its determiner ("a senior official")."""
        return self.start - 1 if self.determiner else self.start


def _singular(word: str) -> str:
    """'allies' -> 'ally', 'partners' -> 'partner' (the relation words' plurals)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")


def _surface(tokens: Sequence[_Token], start: int, end: int) -> str:
    return " ".join(token.text for token in tokens[start:end])


class _MentionFinder:
    """Finds runs of capitalised names, titles and side hints in one sentence."""

    def __init__(self, tokens: Sequence[_Token], lexicon: _Lexicon, rules: ExtractionRules, dated: set[int]):
        self.tokens = tokens
        self.lexicon = lexicon
        self.rules = rules
        self.dated = dated  # token positions inside date expressions: never names

    def find(self, start: int, end: int) -> list[_Mention]:
        mentions: list[_Mention] = []
        position = start
        self.opening = start
        while position < end:
            stop, parts = self._run(position, end)
            if not parts:
                position += 1
                continue
            mention = self._classify(parts)
            if mention is not None:
                mentions.append(mention)
                stop = max(stop, mention.end)  # "Interfax news agency": the outlet's words too
            position = max(stop, position + 1)
        mentions = [mention for mention in mentions if not self._beside_a_country(mention)]
        mentions = self._joined_groups(self._with_partners(mentions))
        return self._with_shared_title_sides(mentions)

    def _joined_groups(self, mentions: list[_Mention]) -> list[_Mention]:
        """'analysts and officials say', 'officials and diplomats said': two unnamed groups
        joined by "and" are one speaker (a role only if both have it)."""
        tokens, lexicon = self.tokens, self.lexicon
        result: list[_Mention] = []
        for mention in mentions:
            before = result[-1] if result else None
            if (
                before is not None
                and before.kind is _MentionKind.DESCRIPTION
                and mention.kind is _MentionKind.DESCRIPTION
                and before.plural
                and mention.plural
                and mention.span_start == before.end + 1
                and tokens[before.end].lower in lexicon.joint_words
            ):
                role = before.role if before.role is mention.role else Role.OTHER
                name = f"{before.name} and {mention.name}"
                result[-1] = replace(
                    before,
                    end=mention.end,
                    name=name,
                    title=name,
                    role=role,
                    side=before.side or mention.side,
                )
                continue
            result.append(mention)
        return result

    def _with_partners(self, mentions: list[_Mention]) -> list[_Mention]:
        """'The US and its allies said', 'Beijing and its partners': a body or country with its
        allies (names.relation_words) speaks as one, on its side."""
        tokens, lexicon = self.tokens, self.lexicon
        result = []
        for mention in mentions:
            end = mention.end
            if (
                mention.kind is _MentionKind.INSTITUTION
                and end + 2 < len(tokens)
                and tokens[end].lower in lexicon.joint_words
                and tokens[end + 1].lower in lexicon.group_possessives
                and _singular(tokens[end + 2].lower) in lexicon.relation_words
            ):
                name = _surface(tokens, mention.start, end + 3)
                mention = replace(mention, end=end + 3, name=name, plural=True)
            result.append(mention)
        return result

    def _with_shared_title_sides(self, mentions: list[_Mention]) -> list[_Mention]:
        """'U.S. and Russian Presidents George W. Bush and Vladimir Putin': one plural title for
        two people, its sides in their order; the first is the first side's, the second the
        title's own."""
        tokens, lexicon = self.tokens, self.lexicon
        result = list(mentions)
        for index in range(1, len(result) - 1):
            before, mention, after = result[index - 1], result[index], result[index + 1]
            words = mention.title.split()
            plural = bool(words) and words[-1].casefold().removesuffix("s") in lexicon.single_titles
            if (
                mention.kind is not _MentionKind.PERSON
                or not plural
                or not words[-1].casefold().endswith("s")
                or not mention.side
                or not before.side
                or before.side == mention.side
                or before.end != mention.start - 1
                or tokens[before.end].lower not in lexicon.joint_words
                or after.kind is not _MentionKind.PERSON
                or after.side
                or after.start != mention.end + 1
                or tokens[mention.end].lower not in lexicon.joint_words
            ):
                continue
            head = words[-1]  # "Presidents": the office both hold, without the sides
            result[index] = replace(mention, side=before.side, title=head)
            result[index + 1] = replace(after, side=mention.side, title=head, role=mention.role)
        return result

    def _beside_a_country(self, mention: _Mention) -> bool:
        """'countries like Iraq and Libya', 'Trade and North Korea were at the top of the
        agenda': one capitalised word joined by "and" to a country is a place or a thing, not a
        person (a public figure of the office_holders keeps their name: "Putin and China")."""
        tokens, lexicon = self.tokens, self.lexicon
        start, end = mention.start, mention.end
        if mention.kind is not _MentionKind.PERSON or end - start != 1 or mention.side or mention.medium:
            return False
        if mention.affiliate or mention.title or mention.name.casefold() in self._public_names():
            return False
        if start >= 2 and tokens[start - 1].lower in lexicon.joint_words:
            before = next(
                (
                    first
                    for first in range(max(0, start - 1 - lexicon.sides.max_len), start - 1)
                    if (found := lexicon.sides.match(tokens, first, start - 1)) is not None
                    and first + found[0] == start - 1
                ),
                None,
            )
            if before is not None:
                return True
        return (
            end + 1 < len(tokens)
            and tokens[end].lower in lexicon.joint_words
            and (lexicon.sides.match(tokens, end + 1, len(tokens)) is not None)
        )

    def _public_names(self) -> frozenset[str]:
        if not hasattr(self, "_public"):
            self._public = frozenset(
                word.casefold()
                for holder in self.rules.office_holders
                for name in holder.names
                for word in name.split()
            )
        return self._public

    def _run(self, position: int, end: int) -> tuple[int, list[_Part]]:
        parts: list[_Part] = []
        cursor = position
        while cursor < end:
            part = self._part(cursor, end, parts)
            if part is None or self._after_outlet(part, parts, end):
                break
            parts.append(part)
            cursor = self._after_acronym(part.end, end)
        while parts and parts[-1].kind is _PartKind.MODIFIER:
            parts.pop()  # "the top" is not a title
        return cursor, parts

    def _owned_outlet(self, title: _Part, parts: list[_Part]) -> bool:
        """An outlet word after a person's or body's name is their press office, not a country's
        press: "Sharif's media office", "the White House media pool" are no "media" that report;
        "Japanese media", "Chinese state media", "local media" are."""
        if not parts or not self._is_outlet(title):
            return False
        return any(part.kind not in (_PartKind.SIDE, _PartKind.MODIFIER) for part in parts)

    def _is_outlet(self, title: _Part) -> bool:
        """Whether a title ends in a media word ("media", "state television")."""
        media_words = self.lexicon.media_words
        return any(
            media_words.length_at(self.tokens, start, title.end) == title.end - start
            for start in range(title.start, title.end)
        )

    def _after_outlet(self, part: _Part, parts: list[_Part], end: int) -> bool:
        """A name after an outlet described by what it is starts someone else, unless it names
        the outlet: "told Russian media Putin would attend" (Putin is no outlet's), "Chinese state
        media CGTN" (one outlet)."""
        if part.kind is not _PartKind.NAME or not parts or parts[-1].kind is not _PartKind.TITLE:
            return False
        if not self._is_outlet(parts[-1]):
            return False
        media = self.lexicon.media
        longest = min(len(self.tokens), end) - part.start
        return not any(
            " ".join(token.lower for token in self.tokens[part.start : part.start + length]) in media
            for length in range(1, min(longest, 5) + 1)
        )

    def _after_acronym(self, cursor: int, end: int) -> int:
        """Past a bracketed acronym inside a name: "Taiwan Affairs Office (TAO) chief"."""
        tokens = self.tokens
        if cursor + 2 < end and tokens[cursor].text == "(" and tokens[cursor + 2].text == ")":
            word = tokens[cursor + 1]
            if word.is_word and word.text.isupper() and len(word.text) > 1:
                return cursor + 3
        return cursor

    def _head_title(self, cursor: int, parts: list[_Part]) -> _Part | None:
        """'chief' after a body's name: its head ("TAO chief", "the Kremlin chief")."""
        if cursor in self.dated or self.tokens[cursor].lower not in self.lexicon.head_words or not parts:
            return None
        previous = parts[-1]
        if previous.kind not in (_PartKind.INSTITUTION, _PartKind.NAME):
            return None  # after a country it qualifies a title: "Japan's chief cabinet secretary"
        role = previous.head_role or self.rules.names.head_role
        return _Part(_PartKind.TITLE, cursor, cursor + 1, role=role)

    def _noun_before_title(self, cursor: int, end: int, parts: list[_Part]) -> bool:
        """A lower-case word between a modifier or country and a title belongs to the description:
        "a senior administration official", "a senior defense official"."""
        if not parts or parts[-1].kind not in (_PartKind.MODIFIER, _PartKind.SIDE, _PartKind.INSTITUTION):
            return False
        token = self.tokens[cursor]
        if not token.text.islower() or token.lower in self.lexicon.stopwords:
            return False
        return cursor + 1 < end and self._title(cursor + 1, end) is not None

    def _lower_case_body(self, cursor: int, end: int, parts: list[_Part]) -> int:
        """After a country, a body in lower case: "Russia's foreign ministry", "Ukraine's defence
        ministry"; after a person's possessive, their office: "Sharif's office". Its length in
        tokens (one adjective at most before the generic word), or 0."""
        if not parts:
            return self._bare_body(cursor, end)
        last = parts[-1]
        possessive = (
            last.kind is _PartKind.NAME and self.tokens[last.end - 1].bare != self.tokens[last.end - 1].text
        )
        if last.kind is not _PartKind.SIDE and not possessive:
            return 0
        generic = self.lexicon.generic_institutions
        return self._lower_words_ending_on(cursor, end, lambda word: word.text.capitalize() in generic)

    def _bare_body(self, cursor: int, end: int) -> int:
        """A body named by its generic word alone, after "the" or a possessive pronoun: "the
        ministry said", "the foreign ministry said", "his office said" (one lower-case word at
        most before it). Its length in tokens, or 0; who it is comes from the article (a body
        named before with that word, the person "his" stands for)."""
        if cursor == 0 or self.tokens[cursor - 1].lower not in self.lexicon.definite:
            return 0
        bare = self.lexicon.bare_institutions
        return self._lower_words_ending_on(cursor, end, lambda word: word.lower in bare)

    def _lower_words_ending_on(self, cursor: int, end: int, is_body: Callable[[_Token], bool]) -> int:
        """How many lower-case words (one, or two) from `cursor` end on a body's word, or 0: no
        stopword among them ("the foreign ministry", "his office")."""
        for length in (1, 2):
            words = self.tokens[cursor : min(cursor + length, end)]
            if len(words) < length or not all(w.is_word and w.text.islower() for w in words):
                return 0
            if any(word.lower in self.lexicon.stopwords for word in words):
                return 0
            if is_body(words[-1]):
                return length
        return 0

    def _part(self, cursor: int, end: int, parts: list[_Part]) -> _Part | None:
        tokens, lexicon = self.tokens, self.lexicon
        token = tokens[cursor]
        if not token.is_word or cursor in self.dated:
            return None
        title = self._title(cursor, end) or self._head_title(cursor, parts)
        if title is not None and self._owned_outlet(title, parts):
            title = None  # "Korean Central News Agency": a name goes on, not a press office
        if title is not None:
            if (
                title.end < end
                and self._is_outlet(title)
                and self.tokens[title.end].lower in self.lexicon.report_nouns
            ):
                return replace(title, end=title.end + 1)  # "media reports": the outlet's, no verb
            return title
        institution = lexicon.institutions.match(tokens, cursor, end)
        if institution is not None:
            length, known = institution
            side = known.side or self._side_at(cursor, cursor + length)
            return _Part(
                _PartKind.INSTITUTION, cursor, cursor + length, known.role, side, head_role=known.head_role
            )
        side = lexicon.sides.match(tokens, cursor, end)
        if side is not None:
            return _Part(_PartKind.SIDE, cursor, cursor + side[0], side=side[1])
        if token.text in lexicon.generic_institutions and parts:
            return _Part(_PartKind.INSTITUTION, cursor, cursor + 1, self.rules.institutions.generic_role)
        lower_body = self._lower_case_body(cursor, end, parts)
        if lower_body:
            role = self.rules.institutions.generic_role
            return _Part(_PartKind.INSTITUTION, cursor, cursor + lower_body, role)
        if token.lower in lexicon.modifiers or token.lower in lexicon.deputy_words:
            return _Part(_PartKind.MODIFIER, cursor, cursor + 1)
        if self._noun_before_title(cursor, end, parts):
            return _Part(_PartKind.MODIFIER, cursor, cursor + 1)
        name_like = token.is_capitalised and token.lower not in lexicon.stopwords
        if name_like and self._joins_sides(token):
            return None  # "the Israel-Hamas war", "China-Russia relations": an adjective, nobody
        if name_like and not self._opening_word(cursor, end):
            return _Part(_PartKind.NAME, cursor, cursor + 1)
        following = tokens[cursor + 1] if cursor + 1 < end else None
        if token.lower in lexicon.particles and parts and following and following.is_capitalised:
            return _Part(_PartKind.NAME, cursor, cursor + 1)
        if token.lower in lexicon.connectors and parts and parts[-1].kind is _PartKind.TITLE:
            start = self._after_relation(cursor + 1, end)
            if token.lower == "to" and start < end - 1 and tokens[start].lower == "the":
                # "Ambassador to the US": the country served (not "spokesman for the White House
                # National Security Council", a body named in full)
                start += 1
            served = lexicon.sides.match(tokens, start, end)
            if served is None:
                return None
            after = start + served[0]
            # "Prime Minister of Hungary", but not "aide to Russian President Vladimir Putin":
            # a title after the country starts another person.
            if after < end and self._title(after, end) is not None:
                return None
            return _Part(_PartKind.SIDE, cursor, after, side=served[1])
        return None

    def _after_relation(self, cursor: int, end: int) -> int:
        """Where the country served starts after "key U.S. ally the" (names.relation_words): a
        word of description, a country, a relation, a determiner; else `cursor`."""
        tokens, lexicon = self.tokens, self.lexicon
        for start in (cursor, cursor + 1):
            other = lexicon.sides.match(tokens, start, end)
            if other is None:
                continue
            relation = start + other[0]
            if relation < end and tokens[relation].lower in lexicon.relation_words:
                served = relation + 1
                if served < end and tokens[served].lower in lexicon.definite:
                    served += 1
                return served
        return cursor

    def _joins_sides(self, token: _Token) -> bool:
        """A hyphenated word naming a side among its parts ("Israel-Hamas", "U.S.-China")."""
        parts = token.bare.split("-")
        return len(parts) > 1 and any((part,) in self.lexicon.sides.entries for part in parts)

    def _opening_word(self, cursor: int, end: int) -> bool:
        """'Additionally,' or 'Pressed further,' opening the sentence: not a name."""
        endings = self.lexicon.opening_word_endings
        if cursor != self.opening or not self.tokens[cursor].lower.endswith(endings):
            return False
        following = self.tokens[cursor + 1] if cursor + 1 < end else None
        return following is None or not following.is_capitalised

    def _title(self, cursor: int, end: int) -> _Part | None:
        found = self.lexicon.titles.match(self.tokens, cursor, end)
        if found is not None:
            return _Part(_PartKind.TITLE, cursor, cursor + found[0], role=found[1])
        token = self.tokens[cursor]
        if token.bare != token.text and token.bare.casefold() in self.lexicon.single_titles:
            # "the leader’s chief of staff": the possessive title qualifies the next one.
            role = self.lexicon.single_titles[token.bare.casefold()]
            return _Part(_PartKind.TITLE, cursor, cursor + 1, role=role)
        word = token.lower
        if word.endswith(".") and word[:-1] in self.lexicon.single_titles:  # "Sen.", "Gov."
            return _Part(_PartKind.TITLE, cursor, cursor + 1, role=self.lexicon.single_titles[word[:-1]])
        if len(word) > 3 and word.endswith("s"):
            role = self.lexicon.single_titles.get(word[:-1])  # "officials", "diplomats"
            if role is not None:
                return _Part(_PartKind.TITLE, cursor, cursor + 1, role=role, plural=True)
        return None

    def _side_at(self, start: int, end: int) -> str | None:
        found = self.lexicon.sides.match(self.tokens, start, end)
        return found[1] if found else None

    def _determiner(self, start: int) -> str:
        if start == 0:
            return ""
        word = self.tokens[start - 1].lower
        known = self.lexicon.determiners
        return word if word in known else ""

    def _classify(self, parts: list[_Part]) -> _Mention | None:
        tokens = self.tokens
        start, end = parts[0].start, parts[-1].end
        side = next((part.side for part in parts if part.side), None)
        titles = [index for index, part in enumerate(parts) if part.kind is _PartKind.TITLE]
        determiner = self._determiner(start)
        if titles:
            return self._titled(parts, titles[-1], side, determiner)
        if parts[-1].kind is _PartKind.INSTITUTION or all(
            part.kind in (_PartKind.SIDE, _PartKind.INSTITUTION) for part in parts
        ):
            role = next(
                (part.role for part in reversed(parts) if part.kind is _PartKind.INSTITUTION),
                self.rules.institutions.country_role,
            )
            return _Mention(
                _MentionKind.INSTITUTION,
                start,
                end,
                _surface(tokens, start, end),
                role=role,
                side=side,
                affiliate=_possessive_name(tokens, parts, len(tokens)),  # "Sharif's office"
                determiner=determiner,
            )
        names = [part for part in parts if part.kind is _PartKind.NAME]
        if not names or any(part.kind is _PartKind.MODIFIER for part in parts):
            return None
        first = names[0].start
        name = _clean_name(tokens, first, end)
        affiliate = _possessive_name(tokens, parts, first)
        outlet = self._outlet_words(end)
        known = name.casefold() in self.lexicon.media
        for split in range(first + 1, end):
            # "Prensa Latina News Agency", written as one name: the outlet and what it is.
            prefix = _clean_name(tokens, first, split)
            if (
                not known
                and prefix.casefold() in self.lexicon.media
                and (self.lexicon.media_words.length_at(tokens, split, end) == end - split)
            ):
                name, known = prefix, True
        if outlet and not known:
            # "Japan's Fuji television said": a name followed by what it is names an outlet.
            name = _surface(tokens, first, end + outlet)
        end += outlet  # "the Interfax news agency": what the outlet is belongs to it
        return _Mention(
            _MentionKind.PERSON,
            first,
            end,
            name,
            side=side,
            affiliate=affiliate,
            determiner=determiner,
            medium=bool(outlet) or known,
        )

    def _outlet_words(self, end: int) -> int:
        """How many media words ("television", "news agency") follow a name ending at `end`,
        itself no possessive; 0 if none."""
        last = self.tokens[end - 1]
        if end >= len(self.tokens) or last.bare != last.text:
            return 0
        return self.lexicon.media_words.length_at(self.tokens, end, len(self.tokens))

    def _titled(self, parts: list[_Part], last_title: int, side: str | None, determiner: str) -> _Mention:
        tokens = self.tokens
        head = parts[last_title]
        prefix_end = head.end
        # A connector clause ("of Hungary") belongs to the title, not the name.
        rest = parts[last_title + 1 :]
        while (
            rest and rest[0].kind is _PartKind.SIDE and tokens[rest[0].start].lower in self.lexicon.connectors
        ):
            prefix_end = rest[0].end
            rest = rest[1:]
        role = self._role(parts, last_title)
        start = parts[0].start
        title = _surface(tokens, start, prefix_end)
        affiliate = _possessive_name(tokens, parts[:last_title], len(tokens))
        name_parts = [part for part in rest if part.kind in (_PartKind.NAME, _PartKind.SIDE)]
        if name_parts and name_parts[0].start == prefix_end:
            end = name_parts[-1].end
            name = _clean_name(tokens, prefix_end, end)
            return _Mention(
                _MentionKind.PERSON,
                start,
                end,
                name,
                title=title,
                role=role,
                side=side,
                affiliate=affiliate,
                determiner=determiner,
                medium=name.casefold() in self.lexicon.media,
            )
        return _Mention(
            _MentionKind.DESCRIPTION,
            start,
            prefix_end,
            title,
            title=title,
            role=role,
            side=side,
            affiliate=affiliate,
            plural=head.plural,
            determiner=determiner,
        )

    def _role(self, parts: list[_Part], last_title: int) -> Role | None:
        """Role of the last title, lowered for deputies and former office holders."""
        before = {
            self.tokens[position].lower
            for part in parts[:last_title]
            for position in range(part.start, part.end)
        }
        if before & self.lexicon.former_words:
            return self.rules.names.former_role
        if before & self.lexicon.deputy_words:
            return self.rules.names.deputy_role
        return parts[last_title].role


def _clean_name(tokens: Sequence[_Token], start: int, end: int) -> str:
    """The name as written, without a trailing possessive; a name set in capitals ("DONALD
    TRUMP" opening a British story) as it is written elsewhere ("Donald Trump")."""
    words = [token.text for token in tokens[start:end]]
    if words:
        words[-1] = tokens[end - 1].bare
    if len(words) > 1 and all(_in_capitals(word) for word in words):
        words = [word.capitalize() for word in words]
    return " ".join(words)


def _in_capitals(word: str) -> bool:
    letters = [character for character in word if character.isalpha()]
    return len(letters) > 1 and all(character.isupper() for character in letters)


def _possessive_name(tokens: Sequence[_Token], parts: Sequence[_Part], limit: int) -> str | None:
    """'Putin' from "Putin’s spokesman": a person whose side the speaker shares."""
    for part in parts:
        if part.kind is _PartKind.NAME and part.end <= limit:
            token = tokens[part.end - 1]
            if token.bare != token.text:
                return token.bare
    return None
