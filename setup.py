"""The compiled copy of the clause reader: model/lexicon.py and model/reader.py built with mypyc.

Everything else about the package is in pyproject.toml. The pure-Python modules stay the source
and the fallback (model/native.py picks the reader): the build copies them, as they are, into
build/ as summit_outlook._native.lexicon and .reader (the reader's import of the lexicon pointed
at the copy), stamps the copy with a digest of the source it was made from, and compiles it.
Without mypy, with SUMMIT_OUTLOOK_PURE_READER=1, or when compiling fails, the package builds
without it and reads with the pure-Python reader.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
# The sources compiled, in the order their digest is taken (model/native.py takes the same).
SOURCES = ("lexicon.py", "reader.py")
PURE_READER_VARIABLE = "SUMMIT_OUTLOOK_PURE_READER"
STAGE = Path("build") / "native-src"  # relative: mypyc names C files after the paths it is given
LEXICON_IMPORT = "from summit_outlook.model.lexicon import ("


def _staged_sources() -> list[str]:
    """The copies mypyc compiles, under a package of their own beside the pure modules."""
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update((HERE / "model" / name).read_bytes())
    if STAGE.exists():
        shutil.rmtree(STAGE)
    package = STAGE / "summit_outlook" / "_native"
    package.mkdir(parents=True)
    (STAGE / "summit_outlook" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "lexicon.py").write_bytes((HERE / "model" / "lexicon.py").read_bytes())
    reader = (HERE / "model" / "reader.py").read_text(encoding="utf-8")
    if reader.count(LEXICON_IMPORT) != 1:
        raise RuntimeError(f"model/reader.py: expected one {LEXICON_IMPORT!r} to point at the copy")
    reader = reader.replace(LEXICON_IMPORT, "from summit_outlook._native.lexicon import (")
    reader += (
        f'\n# The digest of the source this copy was built from.\nSOURCE_DIGEST = "{digest.hexdigest()}"\n'
    )
    (package / "reader.py").write_text(reader, encoding="utf-8")
    return [str(package / name) for name in SOURCES]


def _native_extensions() -> list:
    if os.environ.get(PURE_READER_VARIABLE, "") not in ("", "0"):
        print(f"{PURE_READER_VARIABLE} is set: building without the compiled reader", file=sys.stderr)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("mypy is not installed: building without the compiled reader", file=sys.stderr)
        return []
    try:
        extensions = mypycify(
            # Rules and lemminflect are read as untyped from the compiled copy: it is compiled alone.
            ["--ignore-missing-imports", *_staged_sources()],
            group_name="summit_outlook._native.clause_reader",
            target_dir=str(Path("build") / "native-c"),
        )
    except Exception as error:  # a compiled reader is a speed-up: the package builds without it
        print(f"mypyc failed, building without the compiled reader: {error}", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # a C compiler's failure skips it instead of failing the build
    return extensions


setup(ext_modules=_native_extensions())
