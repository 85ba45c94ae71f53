"""Which clause reader reads: its compiled copy (mypyc, built with the package) or model/reader.py.

setup.py compiles model/lexicon.py and model/reader.py, as they are, into summit_outlook._native
(about twice as fast) and stamps the copy with a digest of that source. The copy is used only
when its digest is the one of the source installed beside it, so an edited reader.py never runs
stale compiled code: it reads as Python until the package is built again. The pure-Python
modules stay the source, and read wherever the copy is missing (no compiler, a failed build) or
SUMMIT_OUTLOOK_PURE_READER=1 asks for them; both give the same readings (tests/test_native.py).
"""

from __future__ import annotations

import hashlib
import os
from importlib import import_module, resources
from types import ModuleType
from typing import Final

from summit_outlook.model import reader as pure_reader

PURE_READER_VARIABLE: Final = "SUMMIT_OUTLOOK_PURE_READER"
COMPILED_READER: Final = "summit_outlook._native.reader"
# The compiled sources, in the order setup.py takes their digest.
SOURCES: Final = ("lexicon.py", "reader.py")


def source_digest() -> str:
    """The digest of the reader's installed source, as setup.py stamps the compiled copy."""
    digest = hashlib.sha256()
    folder = resources.files("summit_outlook.model")
    for name in SOURCES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def load_compiled_reader() -> tuple[ModuleType | None, str]:
    """The compiled reader module and a note saying so, or None and why it is not used."""
    if os.environ.get(PURE_READER_VARIABLE, "") not in ("", "0"):
        return None, f"pure Python ({PURE_READER_VARIABLE} is set)"
    try:
        module = import_module(COMPILED_READER)
    except ImportError as error:
        return None, f"pure Python (no compiled reader: {error})"
    if getattr(module, "SOURCE_DIGEST", None) != source_digest():
        return None, "pure Python (the compiled reader is of other source: install the package again)"
    return module, "compiled (mypyc)"


compiled_reader, READER_NOTE = load_compiled_reader()
# The reader that reads: model/reader.py's interface, compiled or not.
reader: ModuleType = compiled_reader or pure_reader
read_text = reader.read_text
