"""The README says what the tools do: its command lines parse, every command is in it, and its
example output is what the command prints."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from summit_outlook.cli import build_parser, main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
MAKEFILE = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
# Concrete stand-ins for the README's placeholders, so a line can be parsed as a user would type it.
PLACEHOLDERS = {"YYYY-MM-DD": "2025-11-18", "N": "8501", "A": "127.0.0.1", "DAYS": "30"}


def _code_block_after(heading: str) -> list[str]:
    """The lines of the first fenced code block after a heading."""
    section = README[README.index(heading) :]
    body = section.split("```", 2)[1]
    return body.split("\n", 1)[1].splitlines()  # drop the fence's language tag


def _command_lines() -> list[str]:
    return [line for line in _code_block_after("## The command line") if line.startswith("summit-outlook ")]


def _as_typed(line: str) -> list[str]:
    """A README command line as arguments: no comment, optional parts in, first of alternatives."""
    words = shlex.split(line.split("  #", 1)[0])[1:]
    typed = []
    for word in words:
        word = word.strip("[]")
        word = word.split("|", 1)[0]
        typed.append(PLACEHOLDERS.get(word, word))
    return typed


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(action.choices)


@pytest.mark.parametrize("line", _command_lines())
def test_every_command_line_in_the_readme_parses(line: str) -> None:
    build_parser().parse_args(_as_typed(line))  # exits (fails the test) on an unknown option


def test_every_command_is_in_the_readme() -> None:
    documented = {_as_typed(line)[0] for line in _command_lines()}
    assert set(_subcommands(build_parser())) == documented


def test_every_make_target_the_readme_names_exists() -> None:
    named = set(re.findall(r"`make (\w+)", README)) | {"run", "test"}
    targets = set(re.findall(r"^([a-z]+):", MAKEFILE, flags=re.MULTILINE))
    assert named <= targets, named - targets


def test_the_readme_score_example_is_what_score_prints(capsys: pytest.CaptureFixture[str]) -> None:
    example = _code_block_after("`score` prints each statement's score")
    command = next(line for line in _command_lines() if line.startswith('summit-outlook score "'))
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out.splitlines() == example
