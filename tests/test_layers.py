"""The layers import one way: the core, extraction and the store know nothing of what shows them;
the report layer nothing of Streamlit; the command line nothing of the dashboard."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Per folder (installed as summit_outlook.<folder>): the modules it must never import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "summit_outlook": ("streamlit", "plotly", "summit_outlook.model", "summit_outlook.dashboard"),
    "model": (
        "streamlit",
        "plotly",
        "summit_outlook.dashboard",
        "summit_outlook.report",
        "summit_outlook.cli",
    ),
    "extract": (
        "streamlit",
        "plotly",
        "summit_outlook.dashboard",
        "summit_outlook.report",
        "summit_outlook.cli",
    ),
    "store": (
        "streamlit",
        "plotly",
        "summit_outlook.dashboard",
        "summit_outlook.report",
        "summit_outlook.cli",
    ),
    "report": ("streamlit", "summit_outlook.dashboard", "summit_outlook.cli", "summit_outlook.store"),
    "cli": ("streamlit", "summit_outlook.dashboard"),
    "dashboard": ("summit_outlook.cli",),
}


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(node.module)
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_a_layer_never_imports_what_stands_above_it(folder: str) -> None:
    crossings = [
        f"{path.relative_to(REPO)} imports {name}"
        for path in sorted((REPO / folder).rglob("*.py"))
        for name in _imports(path)
        if any(_within(name, forbidden) for forbidden in FORBIDDEN[folder])
    ]
    assert crossings == []


def test_every_import_is_absolute_in_the_one_namespace() -> None:
    old_names = ("model", "dashboard", "extract", "store", "report", "cli", "data")
    stray = [
        f"{path.relative_to(REPO)} imports {name}"
        for folder in FORBIDDEN
        for path in sorted((REPO / folder).rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in old_names
    ]
    assert stray == []
