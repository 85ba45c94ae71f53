"""Bounded reading of the user's files: the size is checked before reading, lines while streaming.

Every file the project reads on a user's behalf (statements, articles, rules, weights, texts to
score) comes through here, so none can make it read without end: a regular file larger than its
limit is refused from its size alone; anything else (a FIFO, /dev/zero, a terminal) is read up to
the limit and refused beyond it; a line longer than its limit is refused as soon as that many
bytes have arrived without a line end. A folder is refused by name, a NUL byte near the start says
"binary", and text must be UTF-8 (a byte-order mark is skipped). Structured text (JSON, TOML) is
checked for its nesting depth before a parser sees it: Python's parsers recurse per level.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

# A NUL byte this early means a binary file (what `file` and git look at, roughly).
BINARY_SNIFF_BYTES = 4096
# Bytes asked of the operating system at a time, beyond what a line needs.
READ_CHUNK_BYTES = 1 << 16


class InputError(ValueError):
    """A file that cannot be read as asked; one line: the file and why."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


def describe_size(size: int) -> str:
    """A byte count as people read it: 512 bytes, 64 KB, 20 MB, 20.5 MB."""
    for unit, name in ((2**30, "GB"), (2**20, "MB"), (2**10, "KB")):
        if size >= unit:
            return f"{size // unit} {name}" if size % unit == 0 else f"{size / unit:.1f} {name}"
    return f"{size} bytes"


def open_bounded(path: str | os.PathLike[str], *, max_bytes: int, what: str = "file") -> BinaryIO:
    """`path` opened for reading bytes, once its size (when it has one) is within `max_bytes`.

    Refuses, with the reason: a missing file, a folder, a regular file larger than the limit.
    What has no size (a FIFO, a device) is bounded by the reader (read_bounded, lines).
    """
    source = str(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except OSError as error:
        raise InputError(source, f"cannot read file ({error.strerror or error})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(source, f"is a folder, not a {what}")
    if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
        raise InputError(source, too_large(status.st_size, max_bytes, what))
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as error:
        raise InputError(source, f"cannot read file ({error.strerror or error})") from None


def too_large(size: int | None, max_bytes: int, what: str) -> str:
    """Why a file over its limit is refused (`size` None: a stream, with no size of its own)."""
    limit = describe_size(max_bytes)
    if size is None:
        return f"more than {limit} to read, the limit for a {what}"
    return f"file is {describe_size(size)}; the limit is {limit}"


def read_bounded(path: str | os.PathLike[str], *, max_bytes: int, what: str = "file") -> bytes:
    """All of a file's bytes, at most `max_bytes` of them (else InputError, read no further)."""
    with open_bounded(path, max_bytes=max_bytes, what=what) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputError(str(path), f"cannot read file ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise InputError(str(path), too_large(None, max_bytes, what))
    return data


def decode_text(data: bytes, *, source: str, what: str = "text file") -> str:
    """UTF-8 text (a byte-order mark skipped), or InputError naming the line and byte."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(source, f"this is a binary file, not a {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(source, f"not UTF-8 text (line {line}, byte {error.start})") from None


def read_text(path: str | os.PathLike[str], *, max_bytes: int, what: str = "text file") -> str:
    """A whole UTF-8 text file of at most `max_bytes`."""
    return decode_text(read_bounded(path, max_bytes=max_bytes, what=what), source=str(path), what=what)


def lines(
    handle: BinaryIO,
    *,
    source: str,
    max_line_bytes: int,
    max_bytes: int | None = None,
    what: str = "text file",
) -> Iterator[str]:
    """The UTF-8 lines of an open binary stream, each with its line end, decoded one at a time.

    A line longer than `max_line_bytes` is refused once that many bytes arrived without its end
    (memory stays bounded by one line, /dev/zero is refused within a read or two); the stream as a
    whole is refused beyond `max_bytes`. Errors name the line: not UTF-8 (with the byte), too long,
    a NUL byte near the start (binary).
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    number = 0
    while True:
        try:
            raw = handle.readline(max_line_bytes + 1)
        except OSError as error:
            raise InputError(source, f"cannot read file ({error.strerror or error})") from None
        if not raw:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise InputError(source, f"not UTF-8 text (line {number}, byte {offset - 1})") from None
            return
        number += 1
        if offset < BINARY_SNIFF_BYTES and b"\x00" in raw[: BINARY_SNIFF_BYTES - offset]:
            raise InputError(source, f"this is a binary file, not a {what}")
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            raise InputError(
                source, f"line {number} is longer than {describe_size(max_line_bytes)}; is this a {what}?"
            )
        if max_bytes is not None and offset + len(raw) > max_bytes:
            raise InputError(source, too_large(None, max_bytes, what))
        try:
            text = decoder.decode(raw)
        except UnicodeDecodeError as error:
            raise InputError(source, f"not UTF-8 text (line {number}, byte {offset + error.start})") from None
        if number == 1:
            text = text.removeprefix("\ufeff")
        offset += len(raw)
        yield text


def file_lines(
    path: str | os.PathLike[str],
    *,
    max_line_bytes: int,
    max_bytes: int,
    what: str = "text file",
) -> Iterator[str]:
    """The lines of a file (see lines()), its size checked before the first is read."""
    with open_bounded(path, max_bytes=max_bytes, what=what) as handle:
        yield from lines(
            handle, source=str(path), max_line_bytes=max_line_bytes, max_bytes=max_bytes, what=what
        )


# Brackets that open and close a level of nesting in JSON and TOML (arrays, objects, inline tables).
_OPENING = frozenset("[{")
_CLOSING = frozenset("]}")


def nesting_depth(text: str, *, comments: bool = False) -> int:
    """The deepest nesting of brackets in JSON or TOML text, outside strings (and, with
    `comments`, outside TOML's # comments). A scan, not a parse: quotes inside strings of the
    other kind, and TOML's triple quotes, are read as the strings they are; brackets left open
    are counted as deep as they go."""
    depth = deepest = 0
    position, end = 0, len(text)
    while position < end:
        character = text[position]
        if character in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif character in _CLOSING:
            depth = max(depth - 1, 0)
        elif character == '"' or character == "'":
            position = _string_end(text, position)
        elif character == "#" and comments:
            newline = text.find("\n", position)
            position = end if newline < 0 else newline
        position += 1
    return deepest


def _string_end(text: str, start: int) -> int:
    """Where the string starting at `start` ends (its closing quote), or the text's last index.
    Double-quoted strings take backslash escapes; single-quoted ones (TOML's literal strings) do
    not; a triple quote opens a string that only a triple quote closes."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        closing = text.find(quote * 3, start + 3)
        return len(text) - 1 if closing < 0 else closing + 2
    position = start + 1
    while position < len(text):
        character = text[position]
        if character == quote:
            return position
        if character == "\\" and quote == '"':
            position += 1
        elif character == "\n":  # a single-line string does not go past its line
            return position
        position += 1
    return len(text) - 1


def check_nesting(text: str, *, source: str, max_depth: int, what: str, comments: bool = False) -> None:
    """Refuse text nested deeper than `max_depth` (InputError), before any parser recurses into it."""
    depth = nesting_depth(text, comments=comments)
    if depth > max_depth:
        raise InputError(source, f"nested {depth} levels deep; a {what} needs at most {max_depth}")
