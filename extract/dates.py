"""Dates: the date expressions in a sentence and the days they stand for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summit_outlook.extract.rules import DateRules, RelativeDate, RelativeRuleKind
from summit_outlook.extract.tokens import _DAY_RE, _ISO_DATE_RE, _YEAR_RE, _Lexicon, _Token, _TokenKind

# Punctuation that ends the clause a date's context is read in.
_CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "—", "–"})


@dataclass(frozen=True, slots=True)
class _DateMention:
    """A date expression in narrative text and the day it stands for."""

    start: int
    end: int
    date: dt.date
    surface: str
    how: str  # completes the note after the quoted surface
    exact: bool
    # Whether the words could have been said that day: not a day after publication, nor a day
    # the clause puts in the future ("will travel on Monday"), nor the day of a thing named
    # ("the June 12 summit"), nor the start of a span ("since he took office on June 30").
    speech: bool = True
    # A month, not a day ("in July"): the day stands for the month.
    month_only: bool = False
    # A day counted from another date the story gives ("the day before", "two days earlier"):
    # its offset in days from that date, the day above a stand-in until the date is known.
    offset: int | None = None
    # A span too wide or vague for a day ("late last year", "in recent weeks"): no day of
    # speaking (speech is false), but words it dates have no day the text gives.
    vague: bool = False


def _shift(day: dt.date, days: int) -> dt.date | None:
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _DateFinder:
    """Finds date expressions in one paragraph, relative to the publication date."""

    def __init__(
        self, text: str, tokens: Sequence[_Token], rules: DateRules, lexicon: _Lexicon, published: dt.date
    ):
        self.text = text
        self.tokens = tokens
        self.rules = rules
        self.lexicon = lexicon
        self.published = published

    def find(self, start: int, end: int) -> list[_DateMention]:
        found: list[_DateMention] = []
        position = start
        self.sentence_start = start
        while position < end:
            mention = self._at(position, end) if self.tokens[position].is_word else None
            if mention is None:
                position += 1
                continue
            found.append(mention)
            position = mention.end
        return found

    def _at(self, position: int, end: int) -> _DateMention | None:
        for matcher in (
            self._iso,
            self._month_day,
            self._day_month,
            self._month_only,
            self._weekday,
            self._relative,
            self._ago,
            self._anchored,
            self._counted_from,
            self._vague,
        ):
            result = matcher(position, end)
            if result is not None:
                return result
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _lower(self, position: int, end: int) -> str:
        return self.tokens[position].lower if position < end else ""

    def _month(self, position: int, end: int) -> int | None:
        if position >= end or not self.tokens[position].is_capitalised:
            return None
        return self.rules.months.get(self.tokens[position].lower.rstrip("."))

    def _day(self, position: int, end: int) -> int | None:
        if position >= end or not self.tokens[position].is_word:
            return None
        # "Feb. 11’s evening schedule": a day may own what follows it.
        token = self.tokens[position]
        match = _DAY_RE.fullmatch((token.bare or token.text).casefold())
        return int(match.group(1)) if match else None

    def _year(self, position: int, end: int) -> tuple[int, int] | None:
        """(year, tokens used) for ', 2025' or ' 2025' at position."""
        if position < end and self.tokens[position].text == ",":
            found = self._year(position + 1, end)
            return (found[0], found[1] + 1) if found else None
        if position < end and _YEAR_RE.fullmatch(self.tokens[position].text):
            return int(self.tokens[position].text), 1
        return None

    def _mention(
        self,
        start: int,
        end: int,
        day: dt.date | None,
        how: str,
        *,
        exact: bool,
        month_only: bool = False,
    ) -> _DateMention | None:
        if day is None:
            return None
        if start > 0 and self.tokens[start - 1].lower in self.lexicon.day_prepositions:
            start -= 1  # keep "On Oct. 23" whole, as a reader would quote it
        surface = self.text[self.tokens[start].start : self.tokens[end - 1].end]
        speech = day <= self.published and not self._not_of_speech(start, end, exact=exact)
        return _DateMention(start, end, day, surface, how, exact, speech, month_only)

    def _not_of_speech(self, start: int, end: int, *, exact: bool) -> bool:
        """Whether the clause makes this a day other than one of speaking: a future ("will
        meet on Saturday", "had been due to see him on Tuesday"), the start of a span ("since he
        took office on June 30"), or the day of a thing ("the June 12 summit")."""
        lexicon = self.lexicon
        lowest = max(self.sentence_start, start - self.rules.clause_lookback_words)
        for position in range(start - 1, lowest - 1, -1):
            token = self.tokens[position]
            if not token.is_word:
                if token.text in _CLAUSE_ENDS or token.kind is _TokenKind.QUOTE:
                    break
                continue
            if token.lower in lexicon.future_clause_words or token.lower in lexicon.span_words:
                return True
            if token.lower in lexicon.relative_pronouns:
                # "Putin - who watched the final in Moscow on Sunday -": an aside; but "Ushakov,
                # who last week said that ...": the relative clause is the attribution.
                return not self._verb_of_speech_follows(end)
        if self._after_reduced_passive(start, end) or self._of_a_named_thing(start):
            return True
        last = self.tokens[end - 1]
        following = self.tokens[end] if end < len(self.tokens) else None
        before = self.tokens[start - 1].lower if start > self.sentence_start else ""
        if (
            last.bare != last.text
            and following is not None
            and following.is_word
            and following.text.islower()
            and before in lexicon.possessive_day_topics
        ):
            # "referring to Monday's meeting", "about Friday's vote": a possessive day after a
            # word of aboutness names the day of the thing spoken of, not one of speaking ("at
            # Monday's news conference", "on the sidelines of Thursday's summit" are occasions).
            return True
        if exact and start > self.sentence_start and self.tokens[start - 1].lower in lexicon.determiners:
            following = self.tokens[end] if end < len(self.tokens) else None
            return following is not None and following.is_word and following.text.islower()
        return False

    def _of_a_named_thing(self, start: int) -> bool:
        """'its takeover of Crimea in March 2014': a date right after "of" and a name
        (dates.thing_of_links) is the day of the thing named, not one of speaking."""
        tokens, cursor = self.tokens, start - 1
        while cursor > self.sentence_start and tokens[cursor].is_word and tokens[cursor].is_capitalised:
            cursor -= 1
        return cursor < start - 1 and tokens[cursor].lower in self.lexicon.thing_of_links

    def _after_reduced_passive(self, start: int, end: int) -> bool:
        """'the welcome ceremony offered Friday by the host': a day between a participle that
        describes a thing and "by" is that thing's day, not one of speaking; not after a speech
        verb ('the summit announced Monday by the Kremlin') or a document ('a statement issued
        Friday by the Kremlin'), whose day is the day of the words."""
        tokens, lexicon = self.tokens, self.lexicon
        participle, thing = start - 1, start - 2
        if (
            thing < self.sentence_start
            or end >= len(tokens)
            or tokens[end].lower not in lexicon.thing_agent_links
        ):
            return False
        word, before = tokens[participle], tokens[thing]
        return (
            word.is_word
            and word.text.islower()
            and word.lower.endswith("ed")
            and not lexicon.verbs.length_at(tokens, participle, end)
            and before.is_word
            and before.text.islower()
            and before.lower not in lexicon.subject_pronouns
            and before.lower not in lexicon.finite_words
            and before.lower not in lexicon.determiners
            and before.lower not in lexicon.documents  # "a statement issued Friday by ...": words
        )

    def _verb_of_speech_follows(self, end: int) -> bool:
        """Whether a verb of speech follows the date, past adverbs and auxiliaries ("had said")."""
        lexicon, cursor = self.lexicon, end
        while cursor < len(self.tokens) and self.tokens[cursor].lower in lexicon.preludes:
            cursor += 1
        return bool(lexicon.verbs.length_at(self.tokens, cursor, len(self.tokens)))

    def _in_text(self, year_given: bool, day: dt.date) -> str:
        if year_given or day.year == self.published.year:
            return "in the text"
        return f"in the text; year {day.year}, the last time that day fell before publication"

    def _dated(self, month: int, day: int, year: tuple[int, int] | None) -> dt.date | None:
        if year is not None:
            return _make_date(year[0], month, day)
        this_year = _make_date(self.published.year, month, day)
        if this_year is not None and (this_year <= self.published or self._soon(this_year)):
            return this_year  # a day just ahead is the coming one ("the June 12 summit" in May)
        return _make_date(self.published.year - 1, month, day)

    def _soon(self, day: dt.date) -> bool:
        """Within the window after publication in which a year-less day is the coming one."""
        return dt.timedelta(0) < day - self.published <= dt.timedelta(days=self.rules.future_window_days)

    # -- matchers -----------------------------------------------------------------------------

    def _iso(self, position: int, end: int) -> _DateMention | None:
        match = _ISO_DATE_RE.fullmatch(self.tokens[position].text)
        if not match:
            return None
        day = _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return self._mention(position, position + 1, day, "in the text", exact=True)

    def _month_day(self, position: int, end: int) -> _DateMention | None:
        """'Oct. 23', 'October 13, 2024'."""
        return self._calendar_day(position, end, month_at=position, day_at=position + 1)

    def _day_month(self, position: int, end: int) -> _DateMention | None:
        """'23 October', '9 Nov. 2025'."""
        return self._calendar_day(position, end, month_at=position + 1, day_at=position)

    def _calendar_day(self, position: int, end: int, *, month_at: int, day_at: int) -> _DateMention | None:
        month, day_of_month = self._month(month_at, end), self._day(day_at, end)
        if month is None or day_of_month is None:
            return None
        year = self._year(position + 2, end)
        day = self._dated(month, day_of_month, year)
        if day is None:
            return None
        stop = position + 2 + (year[1] if year else 0)
        return self._mention(position, stop, day, self._in_text(year is not None, day), exact=True)

    def _month_only(self, position: int, end: int) -> _DateMention | None:
        """'in August', 'in early August', 'in mid-August 2025' -> a documented day."""
        if self._lower(position, end) not in self.lexicon.month_prepositions:
            return None
        cursor, part = position + 1, None
        word = self._lower(cursor, end)
        if word in self.rules.month_parts:
            part, cursor = word, cursor + 1
        month = self._month(cursor, end)
        if month is None and "-" in word:
            prefix, _, rest = word.partition("-")
            written = self.tokens[cursor].text.partition("-")[2]
            if prefix in self.rules.month_parts and written[:1].isupper():  # "mid-August"
                part, month = prefix, self.rules.months.get(rest)
        if month is None:
            return None
        year = self._year(cursor + 1, end)
        stop = cursor + 1 + (year[1] if year else 0)
        day_of_month = self.rules.month_parts[part] if part else self.rules.month_day
        day, how = self._representative_day(month, day_of_month, year, part)
        return self._mention(position, stop, day, how, exact=False, month_only=True) if day else None

    def _representative_day(
        self, month: int, day_of_month: int, year: tuple[int, int] | None, part: str | None
    ) -> tuple[dt.date | None, str]:
        published = self.published
        if year is not None:
            chosen_year = year[0]
        else:
            chosen_year = published.year if month <= published.month else published.year - 1
        day = _make_date(chosen_year, month, day_of_month)
        which = f"{part} month" if part else "mid-month"
        how = f"in the text; day {day_of_month} stands for the month ({which})"
        this_month = (published.year, published.month)
        if day is not None and day > published and (day.year, day.month) == this_month:
            day, how = published, how + ", clamped to the publication date"
        return day, how

    def _weekday(self, position: int, end: int) -> _DateMention | None:
        token = self.tokens[position]
        weekday = self.rules.weekdays.get(token.bare.casefold())  # "his Friday's meeting" too
        if weekday is None or not token.is_capitalised:
            return None
        if position > 0 and self.tokens[position - 1].lower in self.lexicon.future_markers:
            return None
        past = position > 0 and self.tokens[position - 1].lower in self.lexicon.past_markers
        start = position - 1 if past else position  # "last Friday"
        days_back = (self.published.weekday() - weekday) % 7
        # "last Thursday" in a Thursday story is the week before, whatever the setting.
        same_day = self.rules.weekday_includes_publication_day and not past
        if days_back == 0 and not same_day:
            days_back = 7
        name = token.text
        how = f"relative to publication {self.published.isoformat()} -> the most recent {name}"
        how += " on or before it" if same_day else " before it"
        return self._mention(start, position + 1, _shift(self.published, days_back), how, exact=False)

    def _relative(self, position: int, end: int) -> _DateMention | None:
        found = self.lexicon.relative.match(self.tokens, position, end)
        if found is None:
            return None
        length, rule = found
        day = _relative_day(rule, self.published, self.rules)
        how = f"relative to publication {self.published.isoformat()} -> {rule.explanation}"
        return self._mention(position, position + length, day, how, exact=False)

    def _ago(self, position: int, end: int) -> _DateMention | None:
        """'two days ago', 'a week ago'."""
        days = self._days_counted(position, end)
        if days is None or self._lower(position + 2, end) not in self.lexicon.ago_words:
            return None
        how = f"relative to publication {self.published.isoformat()} -> {days} day(s) before it"
        return self._mention(position, position + 3, _shift(self.published, days), how, exact=False)

    def _vague(self, position: int, end: int) -> _DateMention | None:
        """'late last year', 'in recent weeks': a time the words were said that names no day."""
        found = self.lexicon.vague_times.match(self.tokens, position, end)
        if found is None:
            return None
        length, time = found
        stop = position + length
        surface = self.text[self.tokens[position].start : self.tokens[stop - 1].end]
        day, how = self.published, "names no day"
        if time.month is not None:
            year = self.published.year - time.years_before
            standing = _make_date(year, time.month, self.rules.month_day)
            if standing is not None and standing <= self.published:
                day = standing
                how = f"names no day; {standing.isoformat()} stands for it"
        return _DateMention(position, stop, day, surface, how, False, False, False, None, True)

    def _anchored(self, position: int, end: int) -> _DateMention | None:
        """'the day before', 'the next day': a day counted from a date given before."""
        found = self.lexicon.anchored.match(self.tokens, position, end)
        if found is None:
            return None
        length, rule = found
        return self._counted(position, position + length, rule.days, rule.explanation, end)

    def _counted_from(self, position: int, end: int) -> _DateMention | None:
        """'two days earlier', 'a week later': a count of days from a date given before."""
        days = self._days_counted(position, end)
        direction = self._lower(position + 2, end)
        if days is None:
            return None
        if direction in self.lexicon.earlier_words:
            days = -days
        elif direction not in self.lexicon.later_words:
            return None
        side = "before" if days < 0 else "after"
        explanation = f"{abs(days)} day(s) {side} the date given before"
        return self._counted(position, position + 3, days, explanation, end)

    def _days_counted(self, position: int, end: int) -> int | None:
        """The days a count and a unit name from `position` ('two days', 'a week', '3 weeks'), or None."""
        count_word = self._lower(position, end)
        count = self.rules.numbers.get(count_word)
        if count is None and _DAY_RE.fullmatch(count_word) and count_word.isdigit():
            count = int(count_word)
        unit = self.rules.ago_units.get(self._lower(position + 1, end))
        return None if count is None or unit is None else count * unit

    def _counted(self, start: int, stop: int, days: int, explanation: str, end: int) -> _DateMention | None:
        """A day counted from a date the story gave before (see _resolve_anchored), unless a
        noun phrase follows ("the day before the summit": counted from the summit's day)."""
        if stop < end and (
            self.tokens[stop].lower in self.lexicon.determiners or self.tokens[stop].lower == "of"
        ):
            return None
        surface = self.text[self.tokens[start].start : self.tokens[stop - 1].end]
        return _DateMention(start, stop, self.published, surface, explanation, False, True, False, days)


def _resolve_anchored(
    mention: _DateMention, anchor: _DateMention | None, published: dt.date
) -> _DateMention | None:
    """A counted day ("the day before") from the date given last before it (`anchor`); none
    without one. Never a day after publication as a day of speech."""
    if mention.offset is None:
        return mention
    if anchor is None:
        return None
    day = _shift(anchor.date, -mention.offset)
    if day is None:
        return None
    how = f"-> {mention.how} ('{anchor.surface}', {anchor.date.isoformat()})"
    return replace(mention, date=day, how=how, speech=day <= published)


def _relative_day(rule: RelativeDate, published: dt.date, dates: DateRules) -> dt.date | None:
    """The day a relative rule stands for, never after publication."""
    monday = _shift(published, published.weekday())
    match rule.rule:
        case RelativeRuleKind.DAYS_BEFORE:
            return _shift(published, rule.days or 0)
        case RelativeRuleKind.PREVIOUS_WEEK:
            weekday = dates.weekdays[(rule.weekday or "").casefold()]
            return _shift(published, published.weekday() + 7 - weekday)
        case RelativeRuleKind.THIS_WEEK_SO_FAR:
            return _midway(monday, published)
        case RelativeRuleKind.THIS_MONTH_SO_FAR:
            return _midway(published.replace(day=1), published)
        case RelativeRuleKind.PREVIOUS_MONTH:
            last_month_end = _shift(published.replace(day=1), 1)
            if last_month_end is None:
                return None
            return last_month_end.replace(day=min(dates.month_day, last_month_end.day))
        case RelativeRuleKind.PREVIOUS_WEEKDAY:
            weekday = dates.weekdays[(rule.weekday or "").casefold()]
            return _shift(published, (published.weekday() - weekday) % 7 or 7)
    return None


def _midway(first: dt.date | None, published: dt.date) -> dt.date | None:
    """Midway between first and the day before publication (the publication day if none)."""
    if first is None or first >= published:
        return published
    last = _shift(published, 1)
    if last is None:
        return None
    return first + dt.timedelta(days=(last - first).days // 2)
