"""Output paths: a regular file is replaced atomically, anything else is written through."""

from __future__ import annotations

import csv
import os
import stat
import threading
from pathlib import Path

import pytest

from summit_outlook.cli import main
from summit_outlook.output import OutputError, open_output, write_output


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with path.open("rb") as handle:
            into.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_regular_file_is_replaced_whole_keeping_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old")
    path.chmod(0o640)
    write_output(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_new_file_gets_the_usual_permissions_not_a_temporary_files(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_output(tmp_path / "new.csv", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644


def test_an_exception_while_writing_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old")
    with pytest.raises(KeyError), open_output(path) as handle:
        handle.write("half")
        raise KeyError("the caller's own error passes through as it is")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_symlink_stays_a_symlink_and_its_target_is_written(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_output(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "later.txt")
    write_output(link, "new")
    assert link.is_symlink() and (tmp_path / "later.txt").read_text() == "new"


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)
    write_output(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_device_is_written_through() -> None:
    write_output("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_device_is_an_output_error_naming_the_path() -> None:
    with pytest.raises(OutputError, match=r"^/dev/full: cannot write \(No space left on device\)$"):
        write_output("/dev/full", "x" * 100_000)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"cannot write \(it is a folder\)"):
        write_output(tmp_path, "x")


def test_score_output_to_a_fifo_reaches_its_reader(tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("The summit was cancelled.\n=1+1 we will meet\n", encoding="utf-8")
    fifo = tmp_path / "scored"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)
    assert main(["score", "--input", str(lines), "--output", str(fifo)]) == 0
    reader.join(timeout=10)
    rows = list(csv.reader(received[0].decode("utf-8").splitlines()))
    assert rows[0] == ["text", "score"] and rows[2][0] == "'=1+1 we will meet"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_export_through_a_symlink_keeps_the_link(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    target = tmp_path / "exports" / "statements.csv"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    assert main(["export", str(link)]) == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("date,speaker,")


def test_chart_into_a_folder_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "chart.html"
    folder.mkdir()
    assert main(["chart", "--output", str(folder)]) == 2
    error = capsys.readouterr().err
    assert error == f"summit-outlook: error: {folder}: cannot write (it is a folder)\n"


# Issue 15, item 5, through each command that writes a path: what is there stays what it is.
WRITERS = {
    "score --output": lambda path, lines: ["score", "--input", str(lines), "--output", str(path)],
    "export": lambda path, lines: ["export", str(path)],
    "chart --output": lambda path, lines: ["chart", "--output", str(path)],
}


@pytest.mark.parametrize("command", list(WRITERS))
@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_each_command_writes_through_what_is_not_a_regular_file(
    command: str, kind: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    lines = tmp_path / "lines.txt"
    lines.write_text("The summit was cancelled.\n", encoding="utf-8")
    path = tmp_path / ("out.html" if command == "chart --output" else "out.csv")
    received: list[bytes] = []
    reader = None
    if kind == "symlink":
        target = tmp_path / "target" / path.name
        target.parent.mkdir()
        target.write_text("old")
        path.symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(path)
        reader = _read_fifo(path, received)
    else:
        if os.geteuid() != 0:
            pytest.skip("creating a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # /dev/null's numbers
    assert main(WRITERS[command](path, lines)) == 0
    if kind == "symlink":
        assert path.is_symlink() and target.read_text(encoding="utf-8") != "old"
    elif kind == "fifo":
        reader.join(timeout=30)
        assert stat.S_ISFIFO(path.lstat().st_mode) and received and len(received[0]) > 40
    else:
        assert stat.S_ISCHR(path.lstat().st_mode)
    assert [entry.name for entry in tmp_path.iterdir() if entry.name.endswith(".tmp")] == []
