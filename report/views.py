"""What the page shows, as plain data: the outlook under the user's weights, windows, drivers, tables."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from summit_outlook.model.explain import signal_stems
from summit_outlook.model.outlook import (
    DRIVER_PREFIX,
    Headline,
    MatchedStatements,
    ScoredStatements,
    headline,
    outlook_series,
    score_statements,
    select_statements,
)
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.summits import Summit

T = TypeVar("T")

# Matched words are shown between these marks in plain text; the quote is never rendered as markup.
MARK_OPEN = "\u27e6"
MARK_CLOSE = "\u27e7"
# Statement scores within this distance of zero count as "no signal": neither raising nor lowering
# the outlook, on the chart, in the table and in the preview of a statement being added.
NEUTRAL_SCORE = 0.005


class Window(StrEnum):
    """How far back the chart and the driver view look from the latest day."""

    WEEK = "1W"
    MONTH = "1M"
    QUARTER = "3M"
    ALL = "All"


# Days each window covers; matches the chart's range-selector buttons.
WINDOW_DAYS: dict[Window, int | None] = {
    Window.WEEK: 7,
    Window.MONTH: 30,
    Window.QUARTER: 91,
    Window.ALL: None,
}


class Direction(StrEnum):
    """Which way a statement moves the outlook."""

    RAISES = "raises"
    LOWERS = "lowers"
    NEUTRAL = "no signal"


@dataclass(frozen=True)
class OutlookView:
    """Everything the page needs under one set of weights, plus the default line when they differ."""

    scored: ScoredStatements
    series: pd.DataFrame
    weights: Weights
    changed: dict[str, float]
    default_series: pd.DataFrame | None

    # Worked out once per view: the page reads each two or three times a rerun (the metrics, the
    # chance, a statement's preview), at 1-2 ms each for a series of 540 days.
    @cached_property
    def headline(self) -> Headline | None:
        return headline(self.series)

    @cached_property
    def default_headline(self) -> Headline | None:
        return headline(self.default_series) if self.default_series is not None else None


def outlook_view(matched: MatchedStatements, rules: Rules, weights: Weights) -> OutlookView:
    """Score the matched statements under `weights` (and under the defaults, when those differ)."""
    scored = score_statements(matched, rules, weights)
    series = outlook_series(scored, rules, weights)
    changed = weights.differences(rules)
    default_series = None
    if changed:
        # The same on every slider move away from the defaults: built once per matched statements.
        defaults = Weights.defaults(rules)
        default_series = derived_once(
            matched,
            "default series",
            lambda: outlook_series(score_statements(matched, rules, defaults), rules, defaults),
        )
    return OutlookView(
        scored=scored, series=series, weights=weights, changed=changed, default_series=default_series
    )


def summit_matched(matched: MatchedStatements, summit_id: str) -> MatchedStatements:
    """One summit's statements out of all matched ones (kept per matched statements and summit)."""

    def build() -> MatchedStatements:
        summits = matched.statements.get("summit")
        rows = [] if summits is None else np.flatnonzero(summits.to_numpy(dtype=object) == summit_id)
        return select_statements(matched, rows)

    return derived_once(matched, f"summit {summit_id}", build)


def shown_change(current: Headline, days: int) -> tuple[float, float] | None:
    """(the outlook `days` earlier, the change since), as the page shows them: both from the
    rounded numbers, so 33.8 against 23.1 reads +10.7, never +10.6."""
    change = current.change.get(days)
    if change is None:
        return None
    now, earlier = round(current.outlook, 1), round(current.outlook - change, 1)
    return earlier, round(now - earlier, 1)


@dataclass(frozen=True)
class SummitCard:
    """One summit on the overview: its current outlook, how it moved, and a line of its history."""

    summit: Summit
    statements: int
    last_statement: pd.Timestamp | None
    headline: Headline | None
    history: list[float]  # the outlook, at most HISTORY_POINTS values evenly over its days


# The overview's line of a summit's history: enough points for its shape, few enough to be small.
HISTORY_POINTS = 60


def overview_cards(
    matched: MatchedStatements, summits: Sequence[Summit], rules: Rules, weights: Weights
) -> list[SummitCard]:
    """Every summit's card, the most recently active first (by its latest statement)."""
    cards = []
    for summit in summits:
        own = summit_matched(matched, summit.id)
        series = outlook_series(score_statements(own, rules, weights), rules, weights)
        dates = pd.to_datetime(own.statements["date"])
        outlook = series["outlook"].to_numpy(dtype=float)
        if len(outlook) > HISTORY_POINTS:
            outlook = outlook[np.linspace(0, len(outlook) - 1, HISTORY_POINTS).round().astype(int)]
        cards.append(
            SummitCard(
                summit=summit,
                statements=len(own.statements),
                last_statement=dates.max() if len(dates) else None,
                headline=headline(series),
                history=[round(float(value), 1) for value in outlook],
            )
        )
    never = pd.Timestamp.min
    return sorted(cards, key=lambda card: (card.last_statement or never, card.summit.title), reverse=True)


def comparison_series(
    matched: MatchedStatements, summit: Summit, rules: Rules, weights: Weights
) -> pd.DataFrame:
    """One summit's outlook for the comparison: from its own statements, and on to its resolution
    day when that comes after its last statement, so day 0 of "days before resolution" shows
    where the outlook stood when the summit was held, cancelled or reached its deadline."""
    own = summit_matched(matched, summit.id)
    scored = score_statements(own, rules, weights)
    end = None
    if summit.resolved_on is not None and own.plausible.any():
        last = pd.to_datetime(own.statements["date"][own.plausible]).max().date()
        end = summit.resolved_on if summit.resolved_on > last else None
    return outlook_series(scored, rules, weights, end=end)


@dataclass(frozen=True)
class DateRange:
    """A closed range of days."""

    start: pd.Timestamp
    end: pd.Timestamp

    def label(self) -> str:
        return f"{format_day(self.start)} \u2013 {format_day(self.end)}"


def format_day(day: dt.date | pd.Timestamp) -> str:
    """A day as people write it: 7 Nov 2025."""
    return f"{day.day} {day:%b %Y}"


def window_range(series: pd.DataFrame, window: Window) -> DateRange | None:
    """The days a window covers, ending on the series' last day; None for an empty series."""
    if series.empty:
        return None
    first, last = pd.Timestamp(series["date"].min()), pd.Timestamp(series["date"].max())
    days = WINDOW_DAYS[window]
    start = first if days is None else max(first, last - pd.Timedelta(days=days))
    return DateRange(start=start, end=last)


@dataclass(frozen=True)
class DriverChanges:
    """How each signal family moved the outlook between two days."""

    start: pd.Timestamp | None  # None: from the neutral level, before any statement
    end: pd.Timestamp
    start_outlook: float
    end_outlook: float
    changes: pd.DataFrame  # family, label, change (points), sorted by |change|, largest first


def driver_changes(series: pd.DataFrame, rules: Rules, window: Window) -> DriverChanges | None:
    """What moved the outlook over a window, from the series' driver_<family> columns.

    Each driver is a family's share of (outlook - neutral) on a day, so the change of the drivers
    between the window's first and last day adds up to the change of the outlook. "All" starts
    from the neutral level, so its drivers explain the whole current outlook.
    """
    covered = window_range(series, window)
    if covered is None:
        return None
    by_date = series.set_index("date")
    end_row = by_date.loc[covered.end]
    neutral = rules.outlook.neutral
    columns = [DRIVER_PREFIX + family_id for family_id in rules.family_ids]
    if window is Window.ALL:
        start, start_levels = None, pd.Series(0.0, index=columns)
    else:
        start, start_levels = covered.start, by_date.loc[covered.start, columns].astype(float)
    change = end_row[columns].astype(float) - start_levels
    changes = pd.DataFrame(
        {
            "family": rules.family_ids,
            "label": [family.label for family in rules.families],
            "change": change.to_numpy(),
        }
    )
    directions = {family.id: family.direction for family in rules.families}
    changes["reading"] = [
        driver_label(label, directions[family], value)
        for family, label, value in zip(changes["family"], changes["label"], changes["change"], strict=True)
    ]
    changes = changes.reindex(changes["change"].abs().sort_values(ascending=False).index)
    return DriverChanges(
        start=start,
        end=covered.end,
        start_outlook=neutral + float(start_levels.sum()),
        end_outlook=neutral + float(end_row[columns].astype(float).sum()),
        changes=changes.reset_index(drop=True),
    )


def driver_label(label: str, direction: int, change: float) -> str:
    """What a family's bar means, in words that read right with its sign.

    A lowering family (cancellation) whose share rose by 3.9 points did not raise the outlook by
    being said: its pull down weakened (older cancellations fading or superseded). So: "less
    downward pull", not "Cancellation +3.9".
    """
    if direction < 0:
        return f"{label}: {'more' if change < 0 else 'less'} downward pull"
    return f"{label}: {'more' if change > 0 else 'less'} upward pull"


def rules_label(rules: Rules) -> str:
    """Which rules scored the statements: 'rules v1 (3f2a9c1)', the file's version and a digest of
    its content, so two charts made with different rules never look alike."""
    kept = _RULES_LABELS.get(id(rules))
    if kept is not None and kept[0] is rules:
        return kept[1]
    digest = hashlib.sha256(rules.model_dump_json().encode("utf-8")).hexdigest()[:7]
    label = f"rules v{rules.version} ({digest})"
    if len(_RULES_LABELS) >= _DERIVED_MAX:
        _RULES_LABELS.clear()
    _RULES_LABELS[id(rules)] = (rules, label)
    return label


# The label of each rules object seen (the page has one per server, read once): its digest
# serialised the whole rule set, twice a slider move. Keyed by id, holding the object, as
# `derived_once` does; rules are never changed once loaded.
_RULES_LABELS: dict[int, tuple[Rules, str]] = {}


def direction_of(score: float) -> Direction:
    """Whether a statement score raises, lowers or leaves the outlook."""
    if score > NEUTRAL_SCORE:
        return Direction.RAISES
    if score < -NEUTRAL_SCORE:
        return Direction.LOWERS
    return Direction.NEUTRAL


def mark_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each matched span between MARK_OPEN and MARK_CLOSE; overlapping spans merge."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, position = [], 0
    for start, end in merged:
        pieces += [text[position:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def explanations(scored: ScoredStatements, rules: Rules) -> list[str]:
    """Per statement: each matched signal, its words, modifiers and contribution, in one line.

    The same lines as `describe_signal` of each record; the weight-independent part of each is
    built once per matched statements, so a slider move only formats the new contributions.
    """
    matches = scored.matches
    stems = derived_once(scored.source, "signal stems", lambda: signal_stems(matches, rules))
    # Contributions as records round them (4 places), so both readings print the same digits.
    contributions = matches["contribution"].round(4).tolist()
    described: dict[int, list[str]] = {}
    for owner, stem, contribution in zip(matches["statement"].tolist(), stems, contributions, strict=True):
        described.setdefault(owner, []).append(f"{stem} {contribution:+.2f}")
    lines = []
    for index, event in enumerate(scored.statements["hard_event"].tolist()):
        parts = described.get(index)
        if parts is None:
            lines.append("no signal matched")
            continue
        line = "; ".join(parts)
        lines.append(f"hard event: {event}. {line}" if event else line)
    return lines


# Values derived from one MatchedStatements object that no weight changes (explanation stems, hover
# labels), by the object's id and what they are. The app keeps one such object per statements
# revision across reruns, so each is built once rather than on every slider move. Each entry keeps
# its object alive, so an id is never reused while cached. The least recently used entry goes
# first: the overview alone asks for about twenty (one per summit), and dropping them all at once
# rebuilt every summit's on each rerun.
_DERIVED: dict[tuple[int, str], tuple[MatchedStatements, Any]] = {}
_DERIVED_MAX = 128


def derived_once(matched: MatchedStatements | None, name: str, build: Callable[[], T]) -> T:
    """`build()`, kept for this matched-statements object under `name` (built anew without one).

    `build` must depend only on `matched` and the rules it was matched with.
    """
    if matched is None:
        return build()
    key = (id(matched), name)
    cached = _DERIVED.pop(key, None)
    if cached is not None and cached[0] is matched:
        _DERIVED[key] = cached  # now the most recently used
        return cached[1]
    value = build()
    while len(_DERIVED) >= _DERIVED_MAX:
        del _DERIVED[next(iter(_DERIVED))]
    _DERIVED[key] = (matched, value)
    return value


def marked_quotes(scored: ScoredStatements, rows: Sequence[int] | None = None) -> list[str]:
    """Each statement's text (of `rows`, default all) with its matched words marked.

    No weight moves a matched word, so each statement's marked text is kept per matched
    statements: a slider move lists the same 500 newest quotes without marking them again.
    """
    rows = list(range(len(scored.statements))) if rows is None else list(rows)
    kept: dict[int, str] = derived_once(scored.source, "marked quotes", dict)
    missing = [row for row in rows if row not in kept]
    if missing:
        matches = scored.matches[scored.matches["statement"].isin(missing)]
        spans: dict[int, list[tuple[int, int]]] = {}
        for statement, start, end in matches[["statement", "start", "end"]].itertuples(index=False):
            spans.setdefault(int(statement), []).append((int(start), int(end)))
        texts = scored.statements["text"].to_numpy()
        kept.update((row, mark_spans(str(texts[row]), spans.get(row, []))) for row in missing)
    return [kept[row] for row in rows]


def newest_first(statements: pd.DataFrame) -> list[int]:
    """Statement rows ordered newest first (a stable sort: same-day rows keep their order)."""
    dates = pd.to_datetime(statements["date"]).reset_index(drop=True)
    return dates.sort_values(ascending=False, kind="stable").index.tolist()


def statements_newest_first(scored: ScoredStatements) -> list[int]:
    """`newest_first` of these statements, kept per matched statements (no weight moves a date);
    the list is shared by every rerun, so callers copy it before changing it."""
    statements = scored.statements
    return derived_once(scored.source, "newest first", lambda: newest_first(statements))


STATEMENT_TABLE_COLUMNS: tuple[str, ...] = (
    "date",
    "speaker",
    "role",
    "side",
    "quote",
    "score",
    "explanation",
)


def statement_table(
    scored: ScoredStatements, signals: Sequence[str], *, rows: Sequence[int] | None = None
) -> pd.DataFrame:
    """The statements as the page lists them, newest first; the index is the statement's row.

    `signals` is each statement's explanation, from `explanations`; `rows` picks the statements
    to list (default all), so a long dataset only pays for the rows shown.
    """
    statements = scored.statements
    order = statements_newest_first(scored)
    if rows is not None:
        wanted = set(rows)
        order = [row for row in order if row in wanted]
    rows = order
    shown = statements.iloc[rows]
    return pd.DataFrame(
        {
            "date": pd.to_datetime(shown["date"]).dt.date,
            "speaker": shown["speaker"],
            "role": shown["role"].str.replace("_", " "),
            "side": shown["side"],
            "quote": marked_quotes(scored, rows),
            "score": shown["score"].astype(float),
            "explanation": [signals[row] for row in rows],
        },
        index=shown.index,
    )


def weights_note(changed: Mapping[str, float], rules: Rules) -> str:
    """Which weights produced an export: 'default weights', or each non-default one."""
    return describe_changes(changed, rules)


def scored_statements_export(
    scored: ScoredStatements, signals: Sequence[str], *, summit: str = "", weights: str = "default weights"
) -> pd.DataFrame:
    """The scored statements as written to CSV: every input column, the score and its explanation,
    and the summit and weights that produced them (so the file says so on its own)."""
    statements = scored.statements
    frame = statements[["date", "speaker", "role", "side", "text"]].copy()
    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    frame["score"] = statements["score"].astype(float).round(4)
    frame["hard_event"] = statements["hard_event"]
    frame["signals"] = list(signals)
    for column in ("kind", "source", "note"):
        frame[column] = statements[column]
    frame["summit"] = summit
    frame["weights"] = weights
    return frame


def series_export(
    series: pd.DataFrame, *, summit: str = "", weights: str = "default weights"
) -> pd.DataFrame:
    """The daily outlook series as written to CSV: dates as text, numbers rounded, and the summit
    and weights that produced it."""
    frame = series.copy()
    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    numeric = [column for column in frame.columns if column == "outlook" or column.startswith(DRIVER_PREFIX)]
    frame[numeric] = frame[numeric].astype(float).round(3)
    frame["summit"] = summit
    frame["weights"] = weights
    return frame


@dataclass(frozen=True)
class Selection:
    """The statements behind what the user picked on the chart, and how to describe them."""

    rows: list[int]
    caption: str


def selected_statements(points: Sequence[Mapping[str, Any]], statements: pd.DataFrame) -> Selection | None:
    """Statements behind selected chart points.

    A statement marker carries its row in `customdata`; a point of an outlook line stands for its
    day: the statements made that day or, on a quiet day, those of the latest day before it.
    None when nothing is selected.
    """
    if not points:
        return None
    rows: set[int] = set()
    days: set[pd.Timestamp] = set()
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, list | tuple) and custom:
            custom = custom[0]
        if isinstance(custom, int | float) and not isinstance(custom, bool) and 0 <= custom < len(statements):
            rows.add(int(custom))
        elif point.get("x") is not None:
            days.add(pd.Timestamp(point["x"]).normalize())
    statement_days = pd.to_datetime(statements["date"]).dt.normalize()
    quiet_days: list[pd.Timestamp] = []
    for day in sorted(days):
        on_day = statement_days.index[statement_days == day]
        if len(on_day):
            rows.update(int(row) for row in on_day)
            continue
        earlier = statement_days[statement_days < day]
        if not earlier.empty:
            latest = earlier.max()
            rows.update(int(row) for row in statement_days.index[statement_days == latest])
            quiet_days.append(day)
    if not rows:
        return Selection(rows=[], caption="No statements on or before the selected days.")
    picked_days = sorted({statement_days[row] for row in rows})
    caption = f"{len(rows)} statement(s) from {_days_label(picked_days)}"
    if quiet_days:
        caption += f"; no statements on {_days_label(quiet_days)}, so the latest before are shown"
    return Selection(rows=sorted(rows), caption=caption + ".")


def _days_label(days: Sequence[pd.Timestamp]) -> str:
    if len(days) <= 3:
        return ", ".join(format_day(day) for day in days)
    return f"{len(days)} days, {format_day(days[0])} \u2013 {format_day(days[-1])}"


# How a note of non-default weights begins (an export rewraps the note from here).
WEIGHTS_NOTE_PREFIX = "non-default weights: "


def describe_changes(changed: Mapping[str, float], rules: Rules) -> str:
    """A note of every non-default weight: "Cancellation 2.5 (default 1.6); ..."."""
    if not changed:
        return "default weights"
    defaults = Weights.defaults(rules)
    parts = []
    for name, value in changed.items():
        kind, _, key = name.partition(".")
        if kind == "family":
            parts.append(f"{rules.family(key).label} {value:g} (default {defaults.families[key]:g})")
        elif kind == "role":
            parts.append(f"{key.replace('_', ' ')} weight {value:g} (default {defaults.roles[key]:g})")
        else:
            parts.append(f"half-life {value:g} days (default {defaults.half_life_days:g})")
    return f"{WEIGHTS_NOTE_PREFIX}{'; '.join(parts)}"
