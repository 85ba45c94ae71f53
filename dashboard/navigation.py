"""Which page the URL asks for: the overview, one summit's page (its id in the URL), the comparison,
or the track record; and the buttons that go from one to another."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import streamlit as st

from summit_outlook.dashboard.sidebar import URL_WARNINGS
from summit_outlook.dashboard.store_access import StatementSource
from summit_outlook.model.summits import Summit

SUMMIT_PARAM = "summit"
PAGE_PARAM = "page"


class PageKind(StrEnum):
    """The pages of the dashboard; the value is the `page` URL parameter (a summit has its own)."""

    OVERVIEW = "overview"
    SUMMIT = "summit"
    COMPARE = "compare"
    TRACK_RECORD = "track-record"


PAGE_LABELS: dict[PageKind, str] = {
    PageKind.OVERVIEW: "Overview",
    PageKind.COMPARE: "Compare",
    PageKind.TRACK_RECORD: "Track record",
}
PAGE_ICONS: dict[PageKind, str] = {
    PageKind.OVERVIEW: ":material/grid_view:",
    PageKind.COMPARE: ":material/stacked_line_chart:",
    PageKind.TRACK_RECORD: ":material/fact_check:",
}


@dataclass(frozen=True)
class Route:
    """The page to draw, and for a summit's page, its summit."""

    kind: PageKind
    summit: Summit | None = None

    def params(self) -> dict[str, str]:
        """The URL parameters that lead back here."""
        if self.kind is PageKind.SUMMIT and self.summit is not None:
            return {SUMMIT_PARAM: self.summit.id}
        if self.kind in (PageKind.COMPARE, PageKind.TRACK_RECORD):
            return {PAGE_PARAM: self.kind.value}
        return {}


def route_from_url(source: StatementSource) -> Route:
    """The page the URL names; an unknown summit or page is named in a warning and the overview shown.

    With a single summit (a statements file of one), its page is the first page.
    """
    summit_id = st.query_params.get(SUMMIT_PARAM)
    page = st.query_params.get(PAGE_PARAM)
    if summit_id:
        summit = source.summit(summit_id)
        if summit is not None:
            return Route(PageKind.SUMMIT, summit)
        st.session_state.setdefault(URL_WARNINGS, []).append(f"summit={summit_id!r} is not a summit here")
    elif page:
        if page in (kind.value for kind in PAGE_LABELS if kind is not PageKind.OVERVIEW):
            return Route(PageKind(page))
        st.session_state.setdefault(URL_WARNINGS, []).append(f"page={page!r} is not a page here")
    if len(source.summits) == 1:
        return Route(PageKind.SUMMIT, source.summits[0])
    return Route(PageKind.OVERVIEW)


def go_to(kind: PageKind, summit_id: str | None = None) -> None:
    """Callback: show another page (the URL changes with it, so the page can be linked to)."""
    for name in (SUMMIT_PARAM, PAGE_PARAM):
        if name in st.query_params:
            del st.query_params[name]
    if kind is PageKind.SUMMIT and summit_id:
        st.query_params[SUMMIT_PARAM] = summit_id
    elif kind in (PageKind.COMPARE, PageKind.TRACK_RECORD):
        st.query_params[PAGE_PARAM] = kind.value


def navigation_ui(route: Route, source: StatementSource) -> None:
    """A row of buttons to the overview, the comparison and the track record; the current one marked."""
    if len(source.summits) <= 1:
        return
    columns = st.columns(len(PAGE_LABELS), width=520)
    for column, (kind, label) in zip(columns, PAGE_LABELS.items(), strict=True):
        column.button(
            label,
            key=f"nav_{kind.value}",
            icon=PAGE_ICONS[kind],
            type="primary" if route.kind is kind else "secondary",
            on_click=go_to,
            args=(kind,),
            width="stretch",
        )


def plain_markdown(text: str) -> str:
    """User text (a summit's title) made inert for st.markdown: every ASCII punctuation mark
    backslash-escaped, so no emphasis, link, HTML, LaTeX or Streamlit directive can form."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(str(text).split()))
