"""Hostile text for the tests: markup, Streamlit directives and spreadsheet formulas in every field."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from summit_outlook.model.statements import COLUMNS
from summit_outlook.model.summits import BUNDLED_SUMMIT_ID

# Each is harmless as text and harmful if anything renders, links or evaluates it.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
JS_LINK = "[click](javascript:alert(3))"
# Plotly's labels understand a few tags, <a href> among them: unescaped, this would be a live link.
PLOTLY_LINK = '<a href="javascript:alert(4)">link</a>'
RED = ":red[boom]"
ICON = ":material/warning:"
LATEX = "$\\LaTeX$"
HYPERLINK = '=HYPERLINK("http://x")'
PLUS = "+cmd"
MINUS = "-2+3"
AT = "@SUM(A1)"
TAB = "\tcmd"
CR = "\rcmd"

MARKUP: tuple[str, ...] = (SCRIPT, IMG, JS_LINK, PLOTLY_LINK, RED, ICON, LATEX)
FORMULAS: tuple[str, ...] = (HYPERLINK, PLUS, MINUS, AT, TAB, CR)
HOSTILE: tuple[str, ...] = MARKUP + FORMULAS


def hostile_records() -> list[dict[str, str]]:
    """One statement per hostile string: it starts the text and is the speaker, side, source and note.

    Each text also carries a signal phrase, so its marker has a colour and a size. Leading tab and
    carriage return are stripped from stored fields (statements are whitespace-trimmed on load).
    Dates run backwards from 12 Dec 2025, after the bundled data: newest first, the markup comes
    first (HOSTILE's order), ahead of any bundled statement.
    """
    newest = dt.date(2025, 12, 12)
    return [
        {
            "date": (newest - dt.timedelta(days=number)).isoformat(),
            "speaker": value,
            "role": "minister",
            "side": value,
            "text": f"{value} We are ready to meet at the summit.",
            "source": value,
            "kind": "quote",
            "note": value,
            "summit": BUNDLED_SUMMIT_ID,
        }
        for number, value in enumerate(HOSTILE)
    ]


def write_hostile_csv(path: Path) -> Path:
    """The hostile statements as a statements CSV (all columns), for the CLI or the dashboard."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        # Every cell quoted: Python 3.11's writer leaves a bare carriage return unquoted with "\n" lines.
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(hostile_records())
    return path
