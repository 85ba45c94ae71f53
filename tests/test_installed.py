"""The built wheel, installed into a fresh virtual environment, works from any folder as a user runs it.

An editable install run from the repository root hides every packaging mistake (data read from
the checkout, files written beside the code, a top-level `model` package); this is the only proof
that `pip install` plus a command gives a user the product. To stay fast and work offline, the
new environment gets its dependencies from this one through a path line in a .pth file, and the
wheel is installed without them; this environment's editable install is not active there.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.serving import free_port, wait_until_healthy
from summit_outlook.report.export import find_chromium
from tests.requirements import missing

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "data" / "sources" / "trump-putin-summit-2025-11.txt"
COMMAND_TIMEOUT_S = 180
# What building needs from the checkout; caches, builds and the virtual environment stay out.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".mypy_cache",
    "*.so",
)


class Installed:
    """A fresh environment with the wheel installed, and a clean working folder and home."""

    def __init__(self, root: Path):
        self.root = root
        self.venv = root / "venv"
        self.bin = self.venv / "bin"
        self.work = root / "work"
        self.home = root / "home"
        self.work.mkdir()
        self.home.mkdir()
        self.site_packages = Path(
            sysconfig.get_path("purelib", vars={"base": str(self.venv), "platbase": str(self.venv)})
        )
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SUMMIT_OUTLOOK_", "PYTHON", "VIRTUAL_ENV", "XDG_"))
        }
        self.env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            # Python's own bytecode caches would count as writes into site-packages.
            PYTHONDONTWRITEBYTECODE="1",
            PATH=f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}",
        )

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [str(self.bin / "summit-outlook"), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        if check:
            assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stderr}"
        return done

    def package_files(self) -> dict[str, tuple[int, int]]:
        """Every file under site-packages with its size and modification time."""
        return {
            str(path.relative_to(self.site_packages)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in self.site_packages.rglob("*")
            if path.is_file()
        }


def _build_wheel(into: Path) -> Path:
    """The wheel built from a copy of the checkout (the build leaves its files in the source)."""
    source = into / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--wheel-dir", str(into / "wheels"), str(source)],
        check=True,
        capture_output=True,
        timeout=COMMAND_TIMEOUT_S,
    )
    (wheel,) = (into / "wheels").glob("summit_outlook-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("installed")
    wheel = _build_wheel(root)
    environment = Installed(root)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment.venv)], check=True)
    # Dependencies from this environment, by path only: its .pth files (the editable finder
    # among them) are processed in its own site-packages, never through a path line.
    (environment.site_packages / "dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(environment.bin / "python"), "install"]
        + ["--quiet", "--no-deps", "--no-compile", str(wheel)],
        check=True,
        capture_output=True,
        timeout=COMMAND_TIMEOUT_S,
    )
    # Names a user's folder may well hold, which must not shadow the installed package.
    for name in ("model", "dashboard", "data", "store", "report", "cli", "extract"):
        (environment.work / f"{name}.py").write_text(
            f"raise SystemExit('the local {name}.py was imported')\n"
        )
    yield environment


def test_the_wheel_is_one_namespace_with_its_data_inside(installed: Installed) -> None:
    top_level = {path.name for path in installed.site_packages.iterdir()}
    assert "summit_outlook" in top_level
    assert not top_level & {"model", "dashboard", "data", "store", "report", "cli", "extract", "var"}
    data = installed.site_packages / "summit_outlook" / "data"
    for name in ("signals.toml", "presets.toml", "extraction.toml", "statements.csv"):
        assert (data / name).is_file(), name
    assert (data / "sources" / ARTICLE.name).is_file()
    located = subprocess.run(
        [
            str(installed.bin / "python"),
            "-c",
            "import summit_outlook.model, sys; print(summit_outlook.model.__file__)",
        ],
        cwd=installed.work,
        env=installed.env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(located.stdout.strip()).is_relative_to(installed.site_packages)


def test_the_wheel_reads_with_its_compiled_reader_and_the_pure_one_alike(installed: Installed) -> None:
    note = subprocess.run(
        [
            str(installed.bin / "python"),
            "-c",
            "from summit_outlook.model import native; print(native.READER_NOTE)",
        ],
        cwd=installed.work,
        env=installed.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if note != "compiled (mypyc)":
        missing(f"COMPILED READER MISSING from the wheel: {note}")
    statements = ["The summit is off", "Putin said he would not rule out meeting Trump in Budapest."]
    compiled = installed.run("score", "--json", *statements).stdout
    installed.env["SUMMIT_OUTLOOK_PURE_READER"] = "1"
    try:
        pure = installed.run("score", "--json", *statements).stdout
    finally:
        del installed.env["SUMMIT_OUTLOOK_PURE_READER"]
    assert compiled == pure and compiled.count("signal") >= 2


def test_every_command_works_from_another_folder_and_writes_only_to_the_users_folders(
    installed: Installed,
) -> None:
    before = installed.package_files()

    scored = installed.run("score", "The summit is off")
    assert scored.stdout.startswith("-") and "The summit is off" in scored.stdout
    module = subprocess.run(
        [str(installed.bin / "python"), "-m", "summit_outlook", "score", "The summit is off"],
        cwd=installed.work,  # on sys.path with -m: the local model.py must not be what is imported
        env=installed.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.returncode == 0 and module.stdout == scored.stdout, module.stderr

    timeline = installed.run("timeline")
    assert timeline.stdout.startswith("date,outlook,status") and len(timeline.stdout.splitlines()) > 30

    installed.run("chart", "--output", "chart.html")
    assert "Plotly.newPlot" in (installed.work / "chart.html").read_text(encoding="utf-8")

    shutil.copy(ARTICLE, installed.work / "article.txt")
    extracted = installed.run("extract", "article.txt", "--published", "2025-11-18")
    assert extracted.stdout.startswith("date,speaker,") and "Peskov" in extracted.stdout

    (installed.work / "new.csv").write_text(
        "date,speaker,text\n2025-11-19,Lavrov,We are ready to meet at the summit.\n", encoding="utf-8"
    )
    imported = installed.run("import", "new.csv", "--summit", "trump-putin-2025")
    assert "imported 1 statement(s)" in imported.stdout
    listed = installed.run("summits", "--format", "json")
    assert len(json.loads(listed.stdout)) == 20
    installed.run("export", "export.csv", "--summit", "trump-putin-2025")
    exported = (installed.work / "export.csv").read_text(encoding="utf-8").splitlines()
    assert exported[0].startswith("date,speaker,role") and len(exported) == 1 + 16 + 1

    # The store and the pattern cache live in the user's folders, nowhere else.
    assert (installed.home / "data" / "summit-outlook" / "statements.db").is_file()
    assert sorted(path.name for path in installed.work.iterdir()) == sorted(
        ["article.txt", "chart.html", "export.csv", "new.csv"]
        + [f"{name}.py" for name in ("model", "dashboard", "data", "store", "report", "cli", "extract")]
    )
    assert installed.package_files() == before

    browser = find_chromium()
    if browser.path is None:
        missing(f"CHROMIUM MISSING, the PNG chart not tried: {browser.reason}")
    installed.run("chart", "--output", "chart.png")
    assert (installed.work / "chart.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert installed.package_files() == before


def test_serve_starts_the_installed_dashboard(installed: Installed) -> None:
    port = free_port()
    log = installed.root / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(installed.bin / "summit-outlook"), "serve", "--port", str(port)],
            cwd=installed.work,
            env=installed.env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", server, log)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"http://127.0.0.1:{port}/", timeout=10) as page:
            assert page.status == 200 and b"<html" in page.read().lower()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert f"http://127.0.0.1:{port}" in log.read_text()
