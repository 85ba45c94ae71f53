"""Plotly figures of the outlook and its drivers: pure functions of the page's data, no Streamlit."""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale

from summit_outlook.model.rules import Rules
from summit_outlook.model.statements import plausible_dates
from summit_outlook.model.summits import Summit
from summit_outlook.report.views import (
    NEUTRAL_SCORE,
    WEIGHTS_NOTE_PREFIX,
    Direction,
    DriverChanges,
    OutlookView,
    Window,
    derived_once,
    describe_changes,
    direction_of,
    format_day,
    rules_label,
    window_range,
)

# Names the chart's title gives a statement set without a summit (a CSV file of no summit).
UNNAMED_SUMMIT = "Summit"
FONT = "DejaVu Sans, Arial, sans-serif"
LINE_COLOUR = "#1f3b73"
DEFAULT_LINE_COLOUR = "#8c8c8c"
DIRECTION_COLOURS: dict[Direction, str] = {
    Direction.RAISES: "#1a9850",
    Direction.LOWERS: "#d73027",
    Direction.NEUTRAL: "#8c8c8c",
}
# Short, so that the legend fits a phone's width (390 px), two entries a row.
MARKER_NAMES: dict[Direction, str] = {
    Direction.RAISES: "Raises outlook",
    Direction.LOWERS: "Lowers outlook",
    Direction.NEUTRAL: "No signal",
}
OUTLOOK_LINE_NAME = "Outlook"
YOUR_LINE_NAME = "Your weights"
DEFAULT_LINE_NAME = "Default weights"
# Band fills run red -> green over the bands, faint enough that the line stays the first thing seen.
BAND_COLOURSCALE = "RdYlGn"
BAND_OPACITY = 0.16
# Marker diameter in px: a statement without a signal still shows; a full-strength one is 3x larger.
MARKER_MIN_PX = 7.0
MARKER_SCORE_PX = 14.0
# The outlook line's invisible day points (they make each day clickable) are larger than any statement
# marker: where the two overlap, Plotly's hover and click go to the smaller point, so the statement's
# own label shows instead of the day's.
DAY_POINT_PX = MARKER_MIN_PX + MARKER_SCORE_PX + 3
# Beyond this many statements, those without a signal are drawn as one marker per day: thousands
# of grey dots along one line are a blur, and each cost the page its hover text on every slider
# move (at 10,000 statements, 8,000 of them without a signal, a 5 MB chart per rerun and about a
# second to redraw in the browser, measured by `make bench`).
GROUP_QUIET_ABOVE = 2_000
# Short, as the other legend entries: half a phone's plot width each.
QUIET_DAY_NAME = "No signal (by day)"
QUIET_DAY_SPEAKERS = 3  # named in a day marker's hover; the rest are counted
# Beyond this many statements the statement markers and the outlook line with its day points are
# drawn with WebGL (Plotly's scattergl): as SVG, each of the ~3,000 points at 10,000 statements
# was a DOM element that every slider move re-styled (WebGL took the page's main-thread CPU per
# move from about 650 to 530 ms in headless Chromium; screenshots of both look the same). Static
# exports and the HTML download draw them as SVG again (see `svg_markers`).
WEBGL_MARKERS_ABOVE = GROUP_QUIET_ABOVE
# A marker whose centre lies further than this outside the plot is drawn nowhere (Plotly clips
# markers at the plot's edges, and both axes are fixed: no zoom or pan shows more), so it is not
# sent: at 10,000 statements a day's stack of ~19 reaches below 0 and above 100, and almost a third
# of the markers (803 of 2,574) were drawn off the plot on every slider move.
# Up and down: the largest marker's radius and outline, (MARKER_MIN_PX + MARKER_SCORE_PX) / 2 + 1
# = 11.5 px, over the shortest plot (~250 px for 100 points: the 560 px screen figure less its
# title and legend) is 4.6 points. Across: 11.5 px of a phone's ~300 px plot is 4% of the days.
OFF_PLOT_POINTS = 6.0
OFF_PLOT_SHARE = 0.05
WEBGL = "scattergl"
# Hover quotes wrap at this many characters and are cut after this many.
HOVER_WRAP = 64
# More event labels than this turn the chart into a thicket of arrows: the most recent are labelled.
MAX_EVENT_LABELS = 12
# Labelled events are at least this share of the events' time span apart (1/30: a label's width on
# a chart of the usual width), the most recent kept first.
EVENT_LABEL_GAP_SHARE = 1 / 30
HOVER_MAX_CHARS = 420
# Same-day statements stack this many outlook points apart, centred on the line, so each marker
# can be hovered at any zoom (spread over the hours of their day, three 22 Oct markers still
# overlapped on a three-month axis and hovered as one). 7 points is a full-size marker's height.
SAME_DAY_STEP_POINTS = 7.0
# A day's stack never spans more than this (2 points in from each edge): a day with more statements
# than fit 7 points apart packs them closer, so none is drawn off the plot (at 10,000 statements a
# day has ~19, which 7 points apart ran 63 points past the plot and hid 350 of 540 markers).
MAX_STACK_POINTS = 96.0
# Event labels sit above the line, except near the top of the scale where they go below it.
EVENT_LABEL_FLIP = 80.0
# Event days closer than this share one annotation ("cancelled" said on two days running).
EVENT_MERGE_DAYS = 3
# Size of exported images and of the toolbar's download: 1400 x 700 CSS px, at 2x for print.
EXPORT_WIDTH = 1400
EXPORT_HEIGHT = 700
EXPORT_SCALE = 2
SCREEN_HEIGHT = 560
# Fixed margins in px (the top and bottom ones are computed: title lines, legend rows). The band
# names sit inside the plot's right edge, so a phone's 390 px leave the plot most of its width.
CHART_MARGIN = {"l": 56, "r": 14, "autoexpand": False}
# The title, the source line and the weights note wrap at these many characters: a line at a
# phone's width (390 px, a 358 px chart; measured in Chromium: about 32 bold title characters fit,
# and a weights note was cut after 55 characters, so 50 leaves room for wider letters; the source
# line, "10,000 statements · rules v1 (e31de61) · default weights", fits at 56).
TITLE_WRAP = 30
SOURCE_WRAP = 56
NOTE_WRAP = 50
# On the export's 1400 px, where a line of the subtitle holds about 190 characters.
EXPORT_NOTE_WRAP = 150
# Legend entries take half the plot's width each (two a row), which fits a phone too.
LEGEND_COLUMNS = 2
LEGEND_ENTRY_SHARE = 1 / LEGEND_COLUMNS
# The top margin stacks, in px: the title, each subtitle line, and on screen the range selector.
TITLE_TOP_PX = 14
TITLE_BLOCK_PX = 48
SUBTITLE_LINE_PX = 19
PLOT_GAP_PX = 20  # between the last subtitle line and the plot
TITLE_LINE_PX = 24  # each further line of a wrapped title
LEGEND_GAP_PX = 48  # below the plot: clear of the two-line date ticks
# The legend sits at the figure's bottom edge (in px, whatever the figure's height, so the
# toolbar's download at another height keeps it whole), each of its rows this tall.
LEGEND_ROW_PX = 22
LEGEND_PAD_PX = 18  # below its last row
# Fewer days shown than this get a tick a day (with more, Plotly's ticks are days already).
FEW_DAYS = 4
# Families that moved the outlook by less than this many points are left out of the driver view.
DRIVER_MIN_POINTS = 0.05


def escape(text: object) -> str:
    """Text made safe for Plotly labels, which render a subset of HTML: < > & become entities."""
    return html.escape(str(text), quote=False)


def wrapped(text: str, *, width: int = HOVER_WRAP, limit: int = HOVER_MAX_CHARS) -> str:
    """User text for a hover label: cut, wrapped, escaped, lines joined with <br>."""
    return _wrapped(str(text), width, limit)


# Quotes repeat across reruns (only scores change with the weights): wrap each once.
@lru_cache(maxsize=50_000)
def _wrapped(text: str, width: int, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return "<br>".join(escape(line) for line in _wrap_lines(text, width) or [""])


# Where textwrap (break_on_hyphens) may break other than at a space: after a hyphen followed by
# a letter, or at a dash of two or more hyphens (its `wordsep_re`). A minus sign before a
# digit, as in an explanation's "-0.40", is neither.
_HYPHEN_BREAK = re.compile(r"--|-[^\d\W]")


def _wrap_lines(text: str, width: int) -> list[str]:
    """`textwrap.wrap(text, width=width)` of a text whose words are joined by single spaces.

    Without a hyphen where textwrap may also break and with no word longer than the line
    (which it cuts), its lines are the words put greedily, a word going on a line when it and
    one space fit. That is most quotes, and textwrap's regular expression and chunk loop took
    ~50 us a quote, a fifth of the first chart's build at 10,000 statements.
    """
    if not text:
        return []
    words = text.split(" ")
    if _HYPHEN_BREAK.search(text) or max(map(len, words)) > width or not all(words) or not text.isprintable():
        # A hyphen textwrap may break after, a word to cut, spaces at the ends or doubled, other
        # white space (a tab, a no-break space: not printable): textwrap's own rules.
        return textwrap.wrap(text, width=width)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


HEAD_COLUMNS = ("date", "speaker", "role", "side", "text")


def statement_hover(statement: Mapping[str, object], signals: str) -> str:
    """Hover label of one statement marker: date, speaker, role, the quote and its score."""
    head = _hover_head(*(statement[column] for column in HEAD_COLUMNS))
    return _hover(head, float(statement["score"]), str(statement["hard_event"]), signals)


def _hover(head: str, score: float, event: str, signals: str) -> str:
    if event:
        # The explanation line starts by naming the event too: said once, after the score.
        signals = signals.removeprefix(f"hard event: {event}. ")
        event = f" \u00b7 hard event: {escape(event)}"
    return f"{head}<b>score {score:+.2f}</b>{event}<br><i>{wrapped(signals)}</i>"


def hover_heads(statements: pd.DataFrame) -> list[str]:
    """The part of each statement's label that no weight changes: date, speaker, role, the quote."""
    columns = [statements[column].tolist() for column in HEAD_COLUMNS]
    return [_hover_head(*values) for values in zip(*columns, strict=True)]


def _hover_head(date: object, speaker: object, role: object, side: object, text: object) -> str:
    role = str(role).replace("_", " ")
    side = f", {side}" if side not in ("", "unknown") else ""
    return (
        f"<b>{escape(format_day(pd.Timestamp(date)))}</b> \u00b7 "
        f"{escape(speaker)} ({escape(role + side)})<br>"
        f"{wrapped(text)}<br>"
    )


def marker_positions(view: OutlookView) -> pd.DataFrame:
    """One row per statement of the outlook (indexed by its row): its day, where its marker sits
    (at noon of its day on the outlook line; same-day statements stacked around it), its size and
    its direction.

    Statements the outlook leaves out for their implausible date (MatchedStatements.plausible)
    have no marker: the page lists them for editing instead.
    """
    stacks = _day_stacks(view)
    scores = view.scored.statements["score"].to_numpy(dtype=float)[stacks.rows]
    return pd.DataFrame(
        {
            "row": stacks.rows,
            "day": stacks.days,
            "x": stacks.noons,
            "y": _stacked_heights(stacks, view.series),
            "size": MARKER_MIN_PX + MARKER_SCORE_PX * np.abs(scores),
            "direction": directions_of(scores),
        },
        index=pd.Index(stacks.rows),
    )


@dataclass(frozen=True)
class DayStacks:
    """Where each plausible statement sits in its day's stack: nothing here depends on a weight,
    so it is worked out once per matched statements (see `_day_stacks`)."""

    rows: np.ndarray  # the statements' rows, in statement order
    days: pd.DatetimeIndex  # each one's day (midnight)
    noons: pd.DatetimeIndex  # where its marker sits on the time axis
    per_day: np.ndarray  # how many statements its day has
    offset: np.ndarray  # outlook points from its day's centre (0 when alone)
    span: np.ndarray  # half its day's stack height, in outlook points


def _day_stacks(view: OutlookView) -> DayStacks:
    source = view.scored.source
    statements = view.scored.statements

    def build() -> DayStacks:
        plausible = source.plausible if source is not None else plausible_dates(statements["date"])
        kept = statements[plausible]
        days = pd.to_datetime(kept["date"]).dt.normalize()
        order_in_day = days.groupby(days).cumcount().to_numpy(dtype=float)
        per_day = days.map(days.value_counts()).to_numpy(dtype=float)
        index = pd.DatetimeIndex(days)
        step = np.minimum(SAME_DAY_STEP_POINTS, MAX_STACK_POINTS / np.maximum(per_day - 1, 1))
        return DayStacks(
            rows=kept.index.to_numpy(),
            days=index,
            noons=index + pd.Timedelta(hours=12),
            per_day=per_day,
            offset=(order_in_day - (per_day - 1) / 2) * step,
            span=(per_day - 1) / 2 * step,
        )

    return derived_once(source, "day stacks", build)


def _stacked_heights(stacks: DayStacks, series: pd.DataFrame) -> np.ndarray:
    """Each marker's height: the outlook of its day, or its place in the day's stack around it."""
    outlook = series["outlook"].to_numpy(dtype=float)
    found = pd.DatetimeIndex(series["date"]).get_indexer(stacks.days)
    line = np.where(found >= 0, outlook[found], np.nan)
    # Kept inside the plot: near 0 or 100 the stack moves in from the edge rather than being cut.
    # (pandas' clip, as before: with a stack taller than the plot, the upper bound wins.)
    centre = pd.Series(line).clip(lower=stacks.span + 2, upper=100 - stacks.span - 2).to_numpy()
    return np.where(stacks.per_day > 1, centre + stacks.offset, line)


def directions_of(scores: np.ndarray) -> np.ndarray:
    """`direction_of` of each score, at once."""
    directions = np.full(len(scores), Direction.NEUTRAL, dtype=object)
    directions[scores > NEUTRAL_SCORE] = Direction.RAISES
    directions[scores < -NEUTRAL_SCORE] = Direction.LOWERS
    return directions


def _hovers(view: OutlookView, signals: list[str], rows: pd.Index) -> list[str]:
    """The hover labels of these statement rows."""
    statements = view.scored.statements
    # The heads are the same on every rerun: each is built once per matched statements, and only
    # for a statement that gets a marker of its own. Those without a signal are grouped by day
    # beyond GROUP_QUIET_ABOVE (8,000 of 10,000 at the benchmark's size), and markers off the
    # plot are not sent, so building every head (wrapping 10,000 quotes) was most of the first
    # chart's cost and used a fifth of it.
    heads: dict[int, str] = derived_once(view.scored.source, "hover heads", dict)
    wanted = rows.tolist()
    missing = [row for row in wanted if row not in heads]
    if missing:
        heads.update(zip(missing, hover_heads(statements.iloc[missing]), strict=True))
    scores = statements["score"].to_numpy(dtype=float)
    events = statements["hard_event"].to_numpy(dtype=object)
    return [_hover(heads[row], float(scores[row]), str(events[row]), signals[row]) for row in wanted]


def quiet_days(positions: pd.DataFrame, view: OutlookView) -> pd.DataFrame:
    """Statements without a signal, one row per day: its marker's place, count and hover label.

    The marker sits where the day's first such statement would; which statements those are
    changes only when a weight moves a score across zero, so the days, counts and labels are
    kept per matched statements and set of quiet statements.
    """
    quiet = positions[positions["direction"] == Direction.NEUTRAL]
    rows = quiet.index.to_numpy()
    groups = _quiet_groups(view, rows, quiet["day"])
    return pd.DataFrame(
        {
            "x": groups.days + pd.Timedelta(hours=12),
            "y": quiet["y"].to_numpy(dtype=float)[groups.first],
            "count": groups.counts,
            "hover": groups.hovers,
        }
    )


@dataclass(frozen=True)
class QuietGroups:
    """One set of statements without a signal, by day (see `quiet_days`)."""

    days: pd.DatetimeIndex  # in order
    first: np.ndarray  # each day's first quiet statement, as a position among them
    counts: list[int]
    hovers: list[str]


# Sets of quiet statements kept per matched statements: a slider move rarely changes the set
# (only a weight that takes a score to zero, or back), so a handful covers a session's moves.
QUIET_SETS_KEPT = 8


def _quiet_groups(view: OutlookView, rows: np.ndarray, days: pd.Series) -> QuietGroups:
    kept: dict[bytes, QuietGroups] = derived_once(view.scored.source, "quiet days", dict)
    key = rows.astype(np.int64).tobytes()
    found = kept.get(key)
    if found is None:
        if len(kept) >= QUIET_SETS_KEPT:
            kept.clear()
        speakers = view.scored.statements["speaker"].to_numpy(dtype=object)[rows]
        found = kept[key] = _group_quiet(days, speakers)
    return found


def _group_quiet(days: pd.Series, speakers: np.ndarray) -> QuietGroups:
    day_numbers = days.to_numpy(dtype="datetime64[D]").astype(np.int64)
    numbers, first, counts = np.unique(day_numbers, return_index=True, return_counts=True)
    # Each day's speakers, each named once, in the order they first spoke.
    named: dict[int, list[str]] = {}
    for number, speaker in zip(day_numbers.tolist(), speakers.tolist(), strict=True):
        names = named.setdefault(number, [])
        if speaker not in names:
            names.append(speaker)
    day_index = pd.to_datetime(numbers.astype("datetime64[D]"))
    counts_list = counts.tolist()
    return QuietGroups(
        days=day_index,
        first=first,
        counts=counts_list,
        hovers=[
            _quiet_day_hover(day, count, named[number])
            for day, count, number in zip(day_index, counts_list, numbers.tolist(), strict=True)
        ],
    )


def _quiet_day_hover(day: pd.Timestamp, count: int, speakers: list[str]) -> str:
    shown = ", ".join(escape(name) for name in speakers[:QUIET_DAY_SPEAKERS])
    more = f" and {len(speakers) - QUIET_DAY_SPEAKERS} more" if len(speakers) > QUIET_DAY_SPEAKERS else ""
    plural = "s" if count > 1 else ""
    return (
        f"<b>{escape(format_day(day))}</b> \u00b7 {count} statement{plural} without a signal"
        f"<br>{shown}{more}<br><i>Click to list that day's statements</i>"
    )


def band_colours(rules: Rules) -> list[str]:
    """A fill colour per status band, from red (lowest) to green (highest)."""
    return list(_band_colours(len(rules.outlook.bands)))


@lru_cache(maxsize=8)
def _band_colours(count: int) -> tuple[str, ...]:
    # Plotly's colour-scale sampling took ~0.5 ms, on every slider move, for the same few colours.
    return tuple(
        sample_colorscale(BAND_COLOURSCALE, [0.08 + 0.84 * i / max(count - 1, 1) for i in range(count)])
    )


def band_shapes(rules: Rules) -> list[dict]:
    """A shaded rectangle per status band, across the whole plot, below the lines."""
    bands = rules.outlook.bands
    uppers = [band.min for band in bands[1:]] + [100.0]
    return [
        {
            "type": "rect",
            "xref": "x domain",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": band.min,
            "y1": upper,
            "fillcolor": colour,
            "opacity": BAND_OPACITY,
            "line": {"width": 0},
            "layer": "below",
        }
        for band, upper, colour in zip(bands, uppers, band_colours(rules), strict=True)
    ]


def band_labels(rules: Rules) -> list[dict]:
    """Each status band's name at the right edge of the plot, beside its middle."""
    bands = rules.outlook.bands
    uppers = [band.min for band in bands[1:]] + [100.0]
    return [
        {
            "x": 1.0,
            "xref": "paper",
            "xanchor": "right",
            "xshift": -4,
            "y": (band.min + upper) / 2,
            "text": escape(band.name),
            "showarrow": False,
            "font": {"size": 11, "color": "#666"},
        }
        for band, upper in zip(bands, uppers, strict=True)
    ]


@dataclass(frozen=True)
class EventMark:
    """A hard event to annotate: its first day, label and the outlook there."""

    day: pd.Timestamp
    label: str
    outlook: float


def event_marks(series: pd.DataFrame) -> list[EventMark]:
    """Hard events by day, with runs of the same event on nearby days merged into one mark."""
    marks: list[EventMark] = []
    last_day: dict[str, pd.Timestamp] = {}
    # Only the days with an event are walked (a day without one adds no mark and moves no merge):
    # at 10,000 statements 540 days were turned into tuples and timestamps on every slider move.
    events_by_day = series["events"].tolist()
    with_events = [row for row, events in enumerate(events_by_day) if str(events)]
    days = series["date"].iloc[with_events].tolist()
    outlooks = series["outlook"].iloc[with_events].tolist()
    for row, day, outlook in zip(with_events, days, outlooks, strict=True):
        for event in filter(None, str(events_by_day[row]).split(", ")):
            previous = last_day.get(event)
            last_day[event] = day
            if previous is not None and (day - previous).days <= EVENT_MERGE_DAYS:
                continue
            marks.append(EventMark(day=pd.Timestamp(day), label=event, outlook=float(outlook)))
    return marks


def event_labels(series: pd.DataFrame) -> list[dict]:
    """Labels of the most recent hard events, each with an arrow to the outlook on its day."""
    return [_event_label(index, mark) for index, mark in enumerate(labelled_marks(event_marks(series)))]


def labelled_marks(marks: list[EventMark]) -> list[EventMark]:
    """The marks to label: the most recent, at most MAX_EVENT_LABELS, and never two closer than
    a share of the chart's time span, so labels of a busy stretch do not pile up on each other."""
    if not marks:
        return []
    span_days = (marks[-1].day - marks[0].day).days
    gap_days = span_days * EVENT_LABEL_GAP_SHARE
    kept: list[EventMark] = []
    for mark in reversed(marks):
        if len(kept) == MAX_EVENT_LABELS:
            break
        if not kept or (kept[-1].day - mark.day).days >= gap_days:
            kept.append(mark)
    return kept[::-1]


def _event_label(index: int, mark: EventMark) -> dict:
    return {
        "x": mark.day,
        "y": mark.outlook,
        "text": f"<b>{escape(mark.label.capitalize())}</b>",
        "showarrow": True,
        "arrowhead": 2,
        "arrowwidth": 1,
        "arrowcolor": "#444",
        "ax": 0,
        # Above low points, below high ones, alternating length so neighbours do not collide.
        "ay": (-1 if mark.outlook < EVENT_LABEL_FLIP else 1) * (38 + 16 * (index % 2)),
        "font": {"size": 12, "color": "#222"},
        "bgcolor": "rgba(255,255,255,0.85)",
        "bordercolor": "#444",
        "borderwidth": 1,
        "borderpad": 2,
    }


def chart_title(view: OutlookView, summit_title: str | None, window: Window = Window.ALL) -> str:
    """'Trump-Putin summit: outlook, 15 Aug \u2013 17 Nov 2025': the summit and the range shown."""
    shown = window_range(view.series, window)
    dates = compact_range(shown.start, shown.end) if shown else "no statements"
    return f"{summit_title or UNNAMED_SUMMIT}: outlook, {dates}"


def compact_range(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'15 Aug \u2013 17 Nov 2025'; a year on both sides only when they differ; one day alone."""
    if start.normalize() == end.normalize():
        return format_day(end)
    if start.year == end.year:
        return f"{start.day} {start:%b} \u2013 {format_day(end)}"
    return f"{format_day(start)} \u2013 {format_day(end)}"


def source_line(view: OutlookView, rules: Rules, window: Window = Window.ALL) -> str:
    """Where the chart comes from: '16 statements \u00b7 rules v1 (3f2a9c1) \u00b7 default weights'."""
    shown = window_range(view.series, window)
    statements = view.scored.statements
    if shown is not None:
        # The statements' days are the same on every rerun: parsed once per matched statements.
        days = derived_once(
            view.scored.source, "statement days", lambda: pd.to_datetime(statements["date"]).dt.normalize()
        )
        count = int(((days >= shown.start) & (days <= shown.end)).sum())
    else:
        count = 0
    weights = "your weights" if view.changed else "default weights"
    plural = "" if count == 1 else "s"
    return f"{count} statement{plural} \u00b7 {rules_label(rules)} \u00b7 {weights}"


def subtitle(view: OutlookView, rules: Rules, window: Window = Window.ALL) -> str:
    """The lines under the title: the source line, and every non-default weight, wrapped."""
    # Never at a hyphen: "half-life" and "Trump-Putin" stay whole.
    lines = textwrap.wrap(source_line(view, rules, window), width=SOURCE_WRAP, break_on_hyphens=False)
    if view.changed:
        note = describe_changes(view.changed, rules)
        lines += textwrap.wrap(note, width=NOTE_WRAP, break_on_hyphens=False)
    return "<br>".join(escape(line) for line in lines)


def title_lines(title: str) -> str:
    """The chart's title, escaped and wrapped at TITLE_WRAP characters, in bold."""
    return "<br>".join(f"<b>{escape(line)}</b>" for line in textwrap.wrap(title, width=TITLE_WRAP))


def legend_rows(entries: int) -> int:
    """How many rows the legend takes with this many entries, LEGEND_COLUMNS a row."""
    return max(1, math.ceil(entries / LEGEND_COLUMNS))


def bottom_margin(legend_entries: int) -> int:
    """Room below the plot: the date ticks, then every legend row."""
    return LEGEND_GAP_PX + legend_rows(legend_entries) * LEGEND_ROW_PX + LEGEND_PAD_PX


def placement(subtitle_text: str, height: int, title_text: str = "", *, legend_entries: int = 4) -> dict:
    """Layout settings that place title and legend in pixels for a figure this tall.

    Margins are fixed (no auto-expansion), so the plot's height is known whatever the number of
    subtitle lines and legend rows, and the legend sits below the plot's date ticks.
    """
    lines = subtitle_text.count("<br>") + 1
    title_rows = title_text.count("<br>") + 1
    top = TITLE_BLOCK_PX + (title_rows - 1) * TITLE_LINE_PX + lines * SUBTITLE_LINE_PX + PLOT_GAP_PX
    return {
        "height": height,
        "margin": {**CHART_MARGIN, "t": top, "b": bottom_margin(legend_entries)},
        "title": {"y": 1 - TITLE_TOP_PX / height, "yref": "container", "yanchor": "top"},
        "legend": {"y": LEGEND_PAD_PX / height, "yref": "container", "yanchor": "bottom"},
    }


def legend_entries(figure: go.Figure) -> int:
    return sum(trace.showlegend is not False for trace in figure.data)


def fit_to_height(figure: go.Figure, height: int) -> go.Figure:
    """Re-place title and legend of a built figure for a new height (see `placement`)."""
    layout_title = figure.layout.title
    figure.update_layout(
        placement(
            str(layout_title.subtitle.text or ""),
            height,
            str(layout_title.text or ""),
            legend_entries=legend_entries(figure),
        )
    )
    return figure


def x_range(series: pd.DataFrame, window: Window = Window.ALL) -> list[pd.Timestamp] | None:
    """The window's days, padded so the first and last markers are not cut in half."""
    shown = window_range(series, window)
    if shown is None:
        return None
    return [shown.start - pd.Timedelta(days=1), shown.end + pd.Timedelta(days=2)]


def outlook_figure(
    view: OutlookView,
    rules: Rules,
    signals: list[str],
    *,
    summit_title: str | None = None,
    window: Window = Window.ALL,
) -> go.Figure:
    """The main chart: outlook over time on the status bands, a marker per statement, hard events.

    `signals` holds one explanation line per statement (shown in its hover). The title names the
    summit and the days shown (`window`, which is also the chart's range, so an export shows what
    the screen shows). The figure is described as plain dicts and built without Plotly's
    validation (see `unvalidated_figure`): validating it took a third of a slider move's figure
    build at 10,000 statements.
    """
    statements = _statement_traces(view, signals, window)
    line = _outlook_line(view)
    if any(trace["type"] == WEBGL for trace in statements):
        # Hover and click prefer a statement's marker to the day point under it only between
        # traces drawn alike: with the markers in WebGL and the line in SVG, the day won.
        line["type"] = WEBGL
    traces = [*_default_line(view), line, *statements]
    return unvalidated_figure(traces, _outlook_layout(view, rules, summit_title, window, len(traces)))


# The template every figure here uses (Plotly's own, by name).
TEMPLATE = "plotly_white"


@lru_cache(maxsize=1)
def _template() -> dict:
    """TEMPLATE as plain data: looked up once, rather than deep-copied out of Plotly's registry
    for every figure."""
    return pio.templates[TEMPLATE].to_plotly_json()


def unvalidated_figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure of plain trace and layout dicts, taken as they are: Plotly's validation (and its
    copy of the template) skipped.

    Values must be in the form validation would leave them: numpy arrays or lists for data, not
    pandas objects. The tests check that each figure here equals its validated copy.
    """
    return go.Figure(data=data, layout={**layout, "template": _template()}, _validate=False)


def _default_line(view: OutlookView) -> list[dict]:
    """The outlook under the default weights, dashed, when the user's weights differ."""
    if view.default_series is None:
        return []
    return [
        {
            "type": "scatter",
            "x": view.default_series["date"].to_numpy(),
            "y": view.default_series["outlook"].to_numpy(dtype=float),
            "name": DEFAULT_LINE_NAME,
            "mode": "lines",
            "line": {"color": DEFAULT_LINE_COLOUR, "width": 2, "dash": "dash"},
            "hovertemplate": "%{x|%-d %b %Y}: %{y:.1f} (default weights)<extra></extra>",
        }
    ]


def _outlook_line(view: OutlookView) -> dict:
    return {
        "type": "scatter",
        "x": view.series["date"].to_numpy(),
        "y": view.series["outlook"].to_numpy(dtype=float),
        "name": YOUR_LINE_NAME if view.changed else OUTLOOK_LINE_NAME,
        # Invisible markers: Plotly selects only marker points, so these make each day clickable.
        "mode": "lines+markers",
        "marker": {"size": DAY_POINT_PX, "color": "rgba(0,0,0,0)"},
        "line": {"color": LINE_COLOUR, "width": 3},
        "customdata": view.series[["status"]].to_numpy(),
        "hovertemplate": "%{x|%-d %b %Y}: <b>%{y:.1f}</b> (%{customdata[0]})<extra></extra>",
    }


def on_plot(x: np.ndarray, y: np.ndarray, shown: Sequence[pd.Timestamp] | None) -> np.ndarray:
    """Which markers (centred at x, y) the plot can show any part of, with the days `shown`."""
    inside = (y >= -OFF_PLOT_POINTS) & (y <= 100 + OFF_PLOT_POINTS)
    if shown is not None:
        start, end = (np.datetime64(day) for day in shown)
        pad = (end - start) * OFF_PLOT_SHARE
        inside &= (x >= start - pad) & (x <= end + pad)
    return inside


def _kept(inside: np.ndarray) -> np.ndarray:
    """`inside`, but never empty when there are markers: a trace keeps its legend entry."""
    if len(inside) and not inside.any():
        inside = inside.copy()
        inside[0] = True
    return inside


def _statement_traces(view: OutlookView, signals: list[str], window: Window = Window.ALL) -> list[dict]:
    """One marker trace per direction (raises, lowers, no signal), in order of first appearance,
    of the markers the plot can show (`on_plot`).

    Beyond GROUP_QUIET_ABOVE statements, those without a signal become one marker per day.
    """
    positions = marker_positions(view)
    grouped = len(positions) > GROUP_QUIET_ABOVE
    marker_type = WEBGL if len(positions) > WEBGL_MARKERS_ABOVE else "scatter"
    directions = positions["direction"].to_numpy()
    own = directions != Direction.NEUTRAL if grouped else np.ones(len(positions), dtype=bool)
    shown = x_range(view.series, window)
    inside = on_plot(positions["x"].to_numpy(), positions["y"].to_numpy(dtype=float), shown)
    traces = []
    for direction in pd.unique(directions[own]):
        mine = own & (directions == direction)
        group = positions[mine & _kept(inside & mine)]
        traces.append(
            {
                "type": marker_type,
                "x": group["x"].to_numpy(),
                "y": group["y"].to_numpy(dtype=float),
                "name": MARKER_NAMES[direction],
                "mode": "markers",
                "marker": {
                    "size": group["size"].to_numpy(dtype=float),
                    "color": DIRECTION_COLOURS[direction],
                    "line": {"color": "white", "width": 1},
                    "opacity": 0.9,
                },
                "customdata": group[["row"]].to_numpy(),
                "hovertext": _hovers(view, signals, group.index),
                "hoverinfo": "text",
            }
        )
    if grouped:  # first, so the statements with a signal are drawn over them
        days = quiet_days(positions, view)
        days = days[_kept(on_plot(days["x"].to_numpy(), days["y"].to_numpy(dtype=float), shown))]
        traces.insert(0, {**_quiet_day_trace(days), "type": marker_type})
    return traces


def _quiet_day_trace(days: pd.DataFrame) -> dict:
    """The per-day markers of statements without a signal. They carry no statement row, so a
    click selects their day, as a click on the outlook line does."""
    return {
        "type": "scatter",
        "x": days["x"].to_numpy(),
        "y": days["y"].to_numpy(dtype=float),
        "name": QUIET_DAY_NAME,
        "mode": "markers",
        "marker": {
            "size": MARKER_MIN_PX,
            "color": DIRECTION_COLOURS[Direction.NEUTRAL],
            "symbol": "diamond",
            "line": {"color": "white", "width": 1},
            "opacity": 0.9,
        },
        "hovertext": days["hover"].tolist(),
        "hoverinfo": "text",
    }


def _outlook_layout(
    view: OutlookView, rules: Rules, summit_title: str | None, window: Window, entries: int
) -> dict:
    below_title = subtitle(view, rules, window)
    title = title_lines(chart_title(view, summit_title, window))
    # Taller by each line beyond the usual three, and each legend row beyond two, so many weight
    # notes or legend entries never squeeze the plot.
    extra = max(0, below_title.count("<br>") + title.count("<br>") - 2)
    extra_rows = max(0, legend_rows(entries) - 2)
    height = SCREEN_HEIGHT + extra * SUBTITLE_LINE_PX + extra_rows * LEGEND_ROW_PX
    fitted = placement(below_title, height, title, legend_entries=entries)
    return {
        **fitted,
        "template": TEMPLATE,
        "font": {"family": FONT, "size": 13, "color": "#222"},
        "title": {
            **fitted["title"],
            "text": title,
            "subtitle": {"text": below_title, "font": {"size": 13, "color": "#555"}},
            "x": 0.01,
            "xanchor": "left",
        },
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"family": FONT, "size": 12}},
        "legend": {
            **fitted["legend"],
            "orientation": "h",
            "x": 0,
            "entrywidth": LEGEND_ENTRY_SHARE,
            "entrywidthmode": "fraction",
        },
        "shapes": band_shapes(rules),
        "annotations": [*band_labels(rules), *event_labels(view.series)],
        "yaxis": {
            "title": {"text": "Outlook (0\u2013100)"},
            "range": [0, 100],
            "fixedrange": True,
            "gridcolor": "#e6e6e6",
        },
        # The range is the page's window control (1W, 1M, 3M, All), not a zoom of the browser's
        # own: so the title, the source line and every export show the days on screen.
        "xaxis": {
            "range": x_range(view.series, window),
            "showgrid": False,
            "fixedrange": True,
            **day_ticks(view.series, window),
        },
    }


def svg_markers(figure: go.Figure) -> go.Figure:
    """A copy with WebGL marker traces drawn as SVG again: a static image keeps them as vectors
    (an SVG export would hold a WebGL trace as a bitmap), and a downloaded page works in a browser
    without WebGL."""
    if not any(trace.type == WEBGL for trace in figure.data):
        return go.Figure(figure)
    data = [
        {**trace.to_plotly_json(), "type": "scatter"} if trace.type == WEBGL else trace
        for trace in figure.data
    ]
    return go.Figure(data=data, layout=figure.layout)


def day_ticks(series: pd.DataFrame, window: Window = Window.ALL) -> dict:
    """A tick a day when the days shown are few: Plotly's own ticks for a summit of one or two
    days of statements read '00:00, 12:00', hours the outlook does not have."""
    shown = window_range(series, window)
    if shown is None or (shown.end - shown.start).days >= FEW_DAYS:
        return {}
    # At noon, where the day's statement markers sit.
    return {"dtick": "86400000", "tickformat": "%-d %b %Y", "tick0": shown.start + pd.Timedelta(hours=12)}


def for_export(figure: go.Figure) -> go.Figure:
    """A copy for a static image: fixed size, no interactive-only controls, markers as SVG."""
    exported = svg_markers(figure)
    # The wide image has room for the title on one line, and for the notes in long lines.
    exported.update_layout(
        title_text=str(exported.layout.title.text or "").replace("</b><br><b>", " "),
        title_subtitle_text=export_subtitle(str(exported.layout.title.subtitle.text or "")),
    )
    exported = fit_to_height(exported, export_height(figure))
    exported.update_layout(width=EXPORT_WIDTH, dragmode=False)
    return exported


def export_subtitle(subtitle_text: str) -> str:
    """The screen's subtitle (wrapped for a phone) rewrapped for the wide export: the source
    line, then the weights note, each whole, in lines of EXPORT_NOTE_WRAP characters."""
    lines = subtitle_text.split("<br>")
    note = WEIGHTS_NOTE_PREFIX.strip()
    cut = next((index for index, line in enumerate(lines) if line.startswith(note)), len(lines))
    paragraphs = [" ".join(lines[:cut]), " ".join(lines[cut:])]
    # The lines are escaped already: broken only at spaces, never inside an entity.
    return "<br>".join(
        line
        for paragraph in paragraphs
        for line in textwrap.wrap(
            paragraph, width=EXPORT_NOTE_WRAP, break_long_words=False, break_on_hyphens=False
        )
    )


def export_height(figure: go.Figure) -> int:
    """An exported image's height: EXPORT_HEIGHT, taller by each line of the export's notes
    beyond two and each legend row beyond two, so neither squeezes the plot."""
    lines = export_subtitle(str(figure.layout.title.subtitle.text or "")).count("<br>") + 1
    extra_rows = max(0, legend_rows(legend_entries(figure)) - 2)
    return EXPORT_HEIGHT + max(0, lines - 2) * SUBTITLE_LINE_PX + extra_rows * LEGEND_ROW_PX


def toolbar_config(filename: str, *, height: int = EXPORT_HEIGHT) -> dict:
    """Plotly config for the chart's own toolbar: a named, high-resolution PNG download, as tall
    as the server's export of the same figure (`export_height`), so nothing is cut off."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "autoScale2d"],
        "toImageButtonOptions": {
            "format": "png",
            "filename": filename,
            "width": EXPORT_WIDTH,
            "height": height,
            "scale": EXPORT_SCALE,
        },
    }


def driver_figure(drivers: DriverChanges) -> go.Figure:
    """Diverging bars: how many outlook points each signal family added or took over the window.

    Each bar's label sits above it, across the whole width, rather than beside it: at a phone's
    width the labels left the bars no room and were cut off.
    """
    moved = drivers.changes[drivers.changes["change"].abs() >= DRIVER_MIN_POINTS]
    net = drivers.end_outlook - drivers.start_outlook
    labels = [escape(label) for label in moved["reading"]] + ["<b>Net change</b>"]
    values = [*moved["change"].astype(float).tolist(), float(net)]
    colours = [DIRECTION_COLOURS[direction_of(value)] for value in moved["change"]] + [LINE_COLOUR]
    bars = {
        "type": "bar",
        "orientation": "h",
        "y": labels,
        "x": values,
        "width": 0.45,
        "marker": {"color": colours},
        "text": [f"{value:+.1f}" for value in values],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{x:+.1f} points<extra></extra>",
    }
    # Room beyond the longest bar for its "+12.3" label, on both sides so zero stays centred.
    reach = max([abs(value) for value in values] + [1.0]) * 1.45
    captions = [
        {
            "x": 0,
            "xref": "paper",
            "y": label,
            "yref": "y",
            "yshift": 15,
            "xanchor": "left",
            "showarrow": False,
            "text": label,
            "font": {"size": 12, "color": "#222"},
        }
        for label in labels
    ]
    layout = {
        "template": TEMPLATE,
        "font": {"family": FONT, "size": 13, "color": "#222"},
        "height": 70 + 48 * len(labels),
        "margin": {"l": 10, "r": 10, "t": 24, "b": 45},
        "showlegend": False,
        "annotations": captions,
        "xaxis": {
            "title": {"text": "Change in outlook points"},
            "range": [-reach, reach],
            "fixedrange": True,
            "zeroline": True,
            "zerolinecolor": "#888",
        },
        "yaxis": {"autorange": "reversed", "fixedrange": True, "showticklabels": False},
    }
    return unvalidated_figure([bars], layout)


# Line colours of the comparison chart, one per summit (Plotly's qualitative "Safe" palette:
# readable for colour-blind viewers).
COMPARE_COLOURS = (
    "#1f3b73",
    "#CC6677",
    "#117733",
    "#DDCC77",
    "#88CCEE",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
)


# A comparison's summit with one day of statements is drawn as a marker this large.
COMPARE_MARKER_PX = 10


def comparison_figure(
    lines: Sequence[tuple[Summit, pd.DataFrame]], rules: Rules, *, days_before: bool = False
) -> go.Figure:
    """Several summits' outlooks on one chart: on calendar time, or as days before each one's
    resolution (day 0: held, cancelled or the deadline; an open summit: its latest day).

    A summit whose statements are all of one day is a marker (a line of one point draws nothing);
    each hover names the summit, the day (and on the days axis, the date), the outlook and its band.
    """
    traces = []
    for index, (summit, series) in enumerate(lines):
        if series.empty:
            continue
        dates = pd.to_datetime(series["date"])
        days = [escape(format_day(day)) for day in dates]
        if days_before:
            end = pd.Timestamp(summit.resolved_on) if summit.resolved_on else dates.max()
            x = (dates - end).dt.days
            template = "day %{x} (%{customdata[0]}): <b>%{y:.1f}</b> (%{customdata[1]})"
        else:
            x = dates
            template = "%{customdata[0]}: <b>%{y:.1f}</b> (%{customdata[1]})"
        name = f"{summit.title} ({summit.resolution_text()})"
        colour = COMPARE_COLOURS[index % len(COMPARE_COLOURS)]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines" if len(series) > 1 else "markers",
                "x": x,
                "y": series["outlook"],
                "name": escape(name),
                "line": {"color": colour, "width": 2.5},
                "marker": {"color": colour, "size": COMPARE_MARKER_PX},
                "customdata": list(zip(days, (escape(status) for status in series["status"]), strict=True)),
                "hovertemplate": f"{escape(summit.title)}<br>{template}<extra></extra>",
            }
        )
    xaxis: dict = {"showgrid": False}
    if days_before:
        xaxis["title"] = {"text": "Days before resolution (0 = held, cancelled or deadline)"}
    layout = {
        "template": "plotly_white",
        "font": {"family": FONT, "size": 13, "color": "#222"},
        "height": SCREEN_HEIGHT,
        "margin": {"l": 48, "r": 14, "t": 30, "b": 60},
        "shapes": band_shapes(rules),
        "annotations": band_labels(rules),
        "legend": {"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"},
        "hovermode": "closest",
        "yaxis": {"title": {"text": "Outlook (0\u2013100)"}, "range": [0, 100], "fixedrange": True},
        "xaxis": xaxis,
    }
    return go.Figure(data=traces, layout=layout)
