"""The overview: every summit with its current outlook, band, 7- and 30-day change and a line of
its history, the most recently active first, resolved ones marked; and the comparison page."""

from __future__ import annotations

import streamlit as st

from summit_outlook.dashboard.navigation import PageKind, go_to, plain_markdown
from summit_outlook.model.rules import Rules
from summit_outlook.model.summits import Resolution, Summit
from summit_outlook.report.charts import comparison_figure
from summit_outlook.report.views import SummitCard, format_day, shown_change

RESOLUTION_ICONS: dict[Resolution, str] = {
    Resolution.OPEN: "\u25cb",  # an open circle: still to be decided
    Resolution.HELD: "\u2714",
    Resolution.CANCELLED: "\u2716",
    Resolution.NOT_HELD: "\u2716",
}
COMPARE_PICKED = "compare_summits"
COMPARE_AXIS = "compare_axis"
CALENDAR = "Calendar time"
DAYS_BEFORE = "Days before resolution"
# How many of the most recently active summits the comparison starts with.
COMPARE_DEFAULT = 3


def change_delta(change: float, suffix: str) -> dict:
    """st.metric's delta settings for a change of the outlook: "+10.7 since" up and green, and no
    change as "0.0 since" in grey without an arrow (it read "+0.0" with a green rising arrow)."""
    if round(change, 1) == 0:
        return {"delta": f"0.0 {suffix}", "delta_color": "off", "delta_arrow": "off"}
    return {"delta": f"{change:+.1f} {suffix}"}


def overview_ui(cards: list[SummitCard]) -> None:
    st.title("Summit outlook", anchor=False)
    open_count = sum(not card.summit.resolved for card in cards)
    st.caption(
        f"{len(cards)} summits, {open_count} open, the most recently active first. Each outlook "
        "(0\u2013100) is read from that summit's statements only, under the weights in the sidebar. "
        "Open a summit for its chart, statements and drivers."
    )
    for card in cards:
        summit_card_ui(card)


def resolution_badge(summit: Summit) -> str:
    text = summit.resolution_text()
    return f"{RESOLUTION_ICONS[summit.resolution]} {text[:1].upper()}{text[1:]}"


def summit_card_ui(card: SummitCard) -> None:
    summit = card.summit
    with st.container(border=True, key=f"card_{summit.id}"):
        about, outlook, moves = st.columns([2.3, 1.6, 1.2], vertical_alignment="center")
        with about:
            st.markdown(f"**{plain_markdown(summit.title)}**")
            st.caption(plain_markdown(summit.question))
            st.caption(plain_markdown(resolution_badge(summit)))
        current = card.headline
        with outlook:
            if current is None:
                st.metric("Outlook", "\u2013", help="No statements yet.")
            else:
                week = shown_change(current, 7)
                outlook.metric(
                    f"{current.status} on {format_day(current.date)}",
                    f"{current.outlook:.1f}",
                    **(change_delta(week[1], "in 7 days") if week else {}),
                    chart_data=card.history,
                    chart_type="line",
                    help="The outlook on the day of the latest statement; the line is its whole history.",
                )
        with moves:
            month = shown_change(current, 30) if current else None
            st.caption(f"30 days: {month[1]:+.1f}" if month else "30 days: \u2013")
            latest = format_day(card.last_statement) if card.last_statement is not None else "none"
            st.caption(f"{card.statements} statement{'s' if card.statements != 1 else ''}, latest {latest}")
            st.button(
                "Open",
                key=f"open_{summit.id}",
                icon=":material/arrow_forward:",
                on_click=go_to,
                args=(PageKind.SUMMIT, summit.id),
                width="stretch",
            )


def compare_ui(cards: list[SummitCard], series_of, rules: Rules) -> None:
    """Two or more summits on one chart, on calendar time or as days before their resolution.

    `series_of(summit)` gives a summit's outlook series under the page's weights.
    """
    st.title("Compare summits", anchor=False)
    titles = {card.summit.id: card.summit.title for card in cards}
    st.session_state.setdefault(COMPARE_PICKED, [card.summit.id for card in cards[:COMPARE_DEFAULT]])
    picked = st.multiselect(
        "Summits",
        list(titles),
        key=COMPARE_PICKED,
        format_func=lambda summit_id: titles.get(summit_id, summit_id),
    )
    axis = st.radio(
        "Time axis",
        [CALENDAR, DAYS_BEFORE],
        key=COMPARE_AXIS,
        horizontal=True,
        help="Days before resolution: day 0 is the day each was held, cancelled or reached its "
        "deadline; an open summit counts back from its latest statement.",
    )
    if len(picked) < 2:
        st.info("Pick two or more summits to compare.")
    summits = {card.summit.id: card.summit for card in cards}
    chosen = [summits[summit_id] for summit_id in picked if summit_id in summits]
    lines = [(summit, series_of(summit)) for summit in chosen]
    figure = comparison_figure(lines, rules, days_before=axis == DAYS_BEFORE)
    st.plotly_chart(figure, theme=None, config={"displaylogo": False}, key="compare_chart")
