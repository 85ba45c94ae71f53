"""Weights files from users (issue 15, item 6): size and depth are checked before parsing, numbers
too long to convert are refused, every error is short, and the command line and the dashboard
read the same bytes the same way (a byte-order mark included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summit_outlook.dashboard.state import weights_from_upload
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights, WeightsError
from summit_outlook.model.weights_files import (
    MAX_PROBLEM_CHARS,
    MAX_PROBLEMS_SHOWN,
    MAX_WEIGHTS_FILE_BYTES,
    read_weights_file,
    weights_from_bytes,
)

RULES = default_rules()
BOM = "\ufeff".encode()

# The files, each with the reason it is refused.
HOSTILE = {
    "a half-life of 5,000 digits (ValueError)": (
        b'{"half_life_days": ' + b"9" * 5_000 + b"}",
        "a number of 5,000 characters",
    ),
    "1 followed by 400 zeros (OverflowError)": (
        b'{"half_life_days": 1' + b"0" * 400 + b"}",
        "a number of 401 characters",
    ),
    "[ repeated 30,000 times (RecursionError)": (b"[" * 30_000, "nested 30000 levels deep"),
    "objects nested 9 deep": (b'{"a":' * 9 + b"1" + b"}" * 9, "nested 9 levels deep"),
    "3.8 MB": (b'{"families": {' + b'"x": 1, ' * 475_000 + b'"y": 1}}', "the limit is 64 KB"),
    "a float that overflows": (b'{"half_life_days": 1e400}', "half_life_days: inf is outside"),
    "NUL bytes": (b"{\x00}", "this is a binary file, not a weights file"),
    "Latin-1": ('{"families": {"caf\xe9": 1}}'.encode("latin-1"), "not UTF-8 text (line 1, byte"),
}


@pytest.mark.parametrize(("data", "reason"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_weights_file_is_refused_with_a_short_reason(data: bytes, reason: str) -> None:
    with pytest.raises(WeightsError) as caught:
        weights_from_upload(data, RULES, name="w.json")
    assert any(reason in problem for problem in caught.value.problems), caught.value.problems
    assert len(str(caught.value)) < 1_000


@pytest.mark.parametrize(("data", "reason"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_the_command_line_reads_the_same_bytes_the_same_way(data: bytes, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_bytes(data)
    with pytest.raises(WeightsError) as from_file:
        read_weights_file(path, RULES)
    with pytest.raises(WeightsError) as from_upload:
        weights_from_upload(data, RULES, name=str(path))
    assert str(from_file.value) == str(from_upload.value)


def test_many_problems_are_counted_not_listed_and_each_is_cut_short() -> None:
    families = {f"family_{index}_" + "x" * 1_000: 1 for index in range(40)}
    with pytest.raises(WeightsError) as caught:
        weights_from_bytes(json.dumps({"families": families}).encode(), RULES, source="w.json")
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS_SHOWN + 1
    assert problems[-1] == "and 30 more problems"
    assert all(len(problem) <= MAX_PROBLEM_CHARS for problem in problems)


def test_a_byte_order_mark_is_read_past_by_both(tmp_path: Path) -> None:
    weights = Weights.defaults(RULES).model_copy(update={"half_life_days": 20.0})
    data = BOM + weights.to_json().encode()
    path = tmp_path / "w.json"
    path.write_bytes(data)
    assert read_weights_file(path, RULES) == weights_from_upload(data, RULES, name="w.json") == weights


def test_the_limit_is_a_weights_files_size_many_times_over() -> None:
    assert len(Weights.defaults(RULES).to_json().encode()) * 50 < MAX_WEIGHTS_FILE_BYTES


def test_a_folder_and_a_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(WeightsError, match="is a folder, not a weights file"):
        read_weights_file(tmp_path, RULES)
    with pytest.raises(WeightsError, match="file not found"):
        read_weights_file(tmp_path / "missing.json", RULES)


def test_the_command_line_refuses_a_hostile_weights_file_in_one_line(cli, tmp_path: Path) -> None:
    for data, reason in HOSTILE.values():
        (tmp_path / "w.json").write_bytes(data)
        result = cli("timeline", "--weights", str(tmp_path / "w.json"))
        assert result.returncode == 2 and "Traceback" not in result.stderr
        (line,) = result.stderr.strip().splitlines()
        assert reason in line and len(line) < 1_000


class _Uploaded:
    """What st.file_uploader hands the callback: a name and the bytes."""

    def __init__(self, name: str, data: bytes):
        self.name = name
        self._data = data

    def getvalue(self) -> bytes:
        return self._data


@pytest.mark.parametrize(("data", "reason"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_the_dashboards_upload_says_why_and_changes_nothing(data: bytes, reason: str) -> None:
    from summit_outlook.dashboard.sidebar import UPLOAD, UPLOAD_MESSAGE, load_uploaded_weights

    state: dict[str, object] = {UPLOAD: _Uploaded("w.json", data)}
    load_uploaded_weights(state, RULES)  # raises nothing: a traceback would replace the page
    tone, summary, details = state[UPLOAD_MESSAGE]
    assert tone == "error" and "your weights are unchanged" in summary
    assert reason in details and len(details) < 1_000
    assert set(state) == {UPLOAD, UPLOAD_MESSAGE}
