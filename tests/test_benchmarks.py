"""The benchmark harness: a seeded, realistic synthetic corpus, and every figure runs (no timing asserted)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from benchmarks import corpus, figures, news, real
from benchmarks.__main__ import main
from benchmarks.browser_probe import BARE, time_slider_moves
from benchmarks.harness import SHORT_PAIR_FACTOR, Budget, Row, render_table
from summit_outlook.model.matching import match_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.statements import Role, read_statements_csv
from tests.browser_support import require_chromium

SMALL = 300
# The bare app's server start, first run and three moves take ~8 s here; this bounds a hung page.
BARE_PROBE_SECONDS = 120.0


def test_same_seed_same_statements() -> None:
    assert corpus.texts(SMALL, seed=7) == corpus.texts(SMALL, seed=7)


def test_another_seed_other_statements() -> None:
    assert corpus.texts(SMALL, seed=7) != corpus.texts(SMALL, seed=8)


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    assert corpus.texts(100, seed=7) == corpus.texts(SMALL, seed=7)[:100]


def test_statements_are_quote_length() -> None:
    lengths = [len(text) for text in corpus.texts(2_000)]
    assert min(lengths) >= corpus.MIN_CHARS
    assert max(lengths) <= corpus.MAX_CHARS
    assert 110 <= sorted(lengths)[len(lengths) // 2] <= 220


def test_most_statements_carry_no_summit_signal() -> None:
    texts = corpus.texts(2_000)
    with_signal = match_texts(texts, default_rules())["statement"].nunique()
    assert 0.75 <= 1 - with_signal / len(texts) <= 0.85


@pytest.mark.parametrize("template", corpus.FILLER)
def test_filler_has_no_signal(template: str) -> None:
    rng = random.Random(1)
    texts = [corpus._fill(template, rng, speaker) for speaker in corpus.SPEAKERS]
    assert match_texts(texts, default_rules()).empty


# Frames a rendered predicate is tried in: the meeting as its object, as its subject, or named
# in the statement (families read at statement level).
FRAMES = (
    "Asked about it, the minister said they {predicate} the summit.",
    "The minister said the summit is {predicate}.",
    "The minister said the summit {predicate}.",
    "Asked about the summit, the minister said {predicate}.",
    "The minister said they {predicate} a meeting with Kim.",
)


def test_every_rule_predicate_renders_to_words_its_family_reads() -> None:
    rules = default_rules()
    rng = random.Random(3)
    unread = []
    for family in rules.families:
        for predicate in family.predicates:
            # A few renderings: a word class's entries may belong to a longer predicate of their
            # own ("no date" is uncertainty), so one reading family.id is enough.
            renderings = {corpus.render_pattern(predicate, rng, rules) for _ in range(6)}
            texts = [frame.format(predicate=rendered) for rendered in renderings for frame in FRAMES]
            if not any(family.id in set(match_texts([text], rules)["family"]) for text in texts):
                unread.append((family.id, predicate, sorted(renderings)))
    assert unread == []


def test_speakers_have_model_roles() -> None:
    assert {speaker.role for speaker in corpus.SPEAKERS} == {role.value for role in Role}


def test_written_files_say_synthetic_and_load_as_statements(tmp_path: Path) -> None:
    text_file = corpus.write_txt(tmp_path / "statements.txt", 20)
    lines = text_file.read_text(encoding="utf-8").splitlines()
    assert "SYNTHETIC" in lines[0] and len(lines) == 21
    csv_file = corpus.write_csv(tmp_path / "statements.csv", 20)
    statements = read_statements_csv(csv_file)
    assert len(statements) == 20
    assert all("SYNTHETIC" in statement.source for statement in statements)


def test_real_statements_are_seeded_and_a_prefix_of_more() -> None:
    assert real.texts(SMALL, seed=7) == real.texts(SMALL, seed=7)
    assert real.texts(SMALL, seed=7) != real.texts(SMALL, seed=8)
    assert real.texts(100, seed=7) == real.texts(SMALL, seed=7)[:100]


def test_real_statements_are_varied_so_few_repeat() -> None:
    texts = real.texts(5_000)
    assert len(set(texts)) / len(texts) >= 0.8
    originals = real.dev_texts()
    assert len(originals) >= 100
    # Every copy still holds a sentence of its statement, word for word, where no name was swapped.
    unnamed = [text for text in originals if not real.NAMES.search(text)]
    assert sum(any(original in text for original in unnamed) for text in texts) > len(texts) * 0.2


def test_varying_a_statement_shuffles_its_sentences_and_swaps_leaders() -> None:
    statement = "Trump will meet Putin in June. Both sides agreed. Xi Jinping was not invited."
    copies = [real.vary(statement, random.Random(seed)) for seed in range(40)]
    assert len(set(copies)) > 20
    for copy in copies:
        assert "will meet" in copy and "Both sides agreed" in copy and "was not invited" in copy
        names = real.NAMES.findall(copy)
        assert len(names) == 3 and len(set(names)) == 3  # a permutation: two leaders never merge
    firsts = {copy.strip('"').split(" ")[0] for copy in copies}
    assert {"Both"} <= firsts  # sentence order changes (or an attribution comes first)


def test_the_development_corpus_path_can_be_switched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(real, "DEV_CORPUS_PATHS", (tmp_path / "none.jsonl",))
    real.dev_texts.cache_clear()
    try:
        with pytest.raises(real.CorpusMissing):
            real.dev_texts()
        rows = figures.bulk_scoring([100], Budget(repeats=1, cell_seconds=10.0), seed=1, corpora=("real",))
        assert rows[0].figure == "1 bulk scoring, real statements" and rows[0].result.startswith(
            "n/a (no dev"
        )
    finally:
        real.dev_texts.cache_clear()


def test_news_mix_is_mostly_generated_lines_of_news_length() -> None:
    lines = news.texts(20_000, seed=5)
    assert news.texts(100, seed=5) == lines[:100]
    statements = set(real.texts(20_000, seed=6))
    from_real = [line for line in lines if line in statements]
    generated = [line for line in lines if line not in statements]
    assert 0.02 <= len(from_real) / len(lines) <= 0.04  # the default 3%
    lengths = sorted(len(line) for line in generated)
    assert lengths[0] >= news.MIN_CHARS and lengths[-1] <= news.MAX_CHARS
    assert 70 <= lengths[len(lengths) // 2] <= 160
    assert "GENERATED" in news.marker() and "REAL" in news.marker()


@pytest.mark.parametrize("share", [0.0, 0.005, 0.06, 0.4])
def test_news_mix_keeps_meeting_lines_at_an_archive_density(share: float) -> None:
    with pytest.raises(ValueError, match="1%-5%"):
        news.texts(10, meeting_share=share)


def test_budget_skips_what_cannot_fit_and_caps_runs() -> None:
    budget = Budget(repeats=5, cell_seconds=10.0)
    assert budget.runs_for(11.0) == 0
    assert budget.runs_for(4.0) == 2
    assert budget.runs_for(0.1) == 5
    assert budget.measure(lambda: None, estimate=11.0) is None
    assert budget.measure(lambda: None).runs == 5
    ours, baseline = budget.measure_pair(lambda: None, lambda: None)
    assert ours.runs == baseline.runs == 5 * SHORT_PAIR_FACTOR  # short pairs get more runs
    assert budget.pairs_for(1.0) == 5
    assert budget.pairs_for(0.1) == 5 * SHORT_PAIR_FACTOR
    assert Budget(repeats=5, cell_seconds=1.0).pairs_for(0.125) == 8  # the budget still caps them
    assert budget.measure_pair(lambda: None, lambda: None, estimate=11.0) is None


def test_cli_cost_per_line_needs_work_beyond_startup() -> None:
    _per_line_cost, _per_line_row = figures._per_line_cost, figures._per_line_row
    startup = 0.8
    assert _per_line_cost(10_000, 0.95, startup) is None  # 0.15 s of work: noise
    linear = {n: _per_line_cost(n, startup + n * 8e-6, startup) for n in (100_000, 1_000_000)}
    assert linear[100_000] == pytest.approx(8e-6, rel=1e-4)
    assert _per_line_row(linear).result == "PASS"
    slower = {100_000: 8e-6, 1_000_000: 12e-6}  # 1.5x the cost per line at ten times the size
    assert _per_line_row(slower).result == "MISS"
    assert _per_line_row({1_000_000: 8e-6}).result.startswith("n/a")


def test_table_has_one_line_per_row_under_a_header() -> None:
    row = Row("1 bulk scoring", "1,000", "3", "1 stmt/s", "VADER", "2x", ">= 10x", "MISS")
    lines = render_table([row, row]).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("figure") and set(lines[1]) <= {"-", " "}


def test_harness_prints_one_table_at_the_smallest_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sizes", "1000", "--repeats", "1", "--figures", "1"]) == 0
    out = capsys.readouterr().out
    assert "cpus:" in out and "numpy" in out
    rows = [line for line in out.splitlines() if line.startswith("1 bulk scoring")]
    assert [row.split(",")[1].split("  ")[0].strip() for row in rows] == [
        "synthetic",
        "real statements",
        "news-like mix",
    ]
    for row in rows:
        assert "VADER" in row and ("PASS" in row or "MISS" in row)


def test_reweighting_reports_its_target_size_from_a_small_sample() -> None:
    budget = Budget(repeats=1, cell_seconds=0.001)  # too small to match 100k: a 1k sample is tiled
    rows = figures.reweighting([1_000], budget, seed=corpus.DEFAULT_SEED)
    assert [row.size for row in rows] == ["1,000", "100,000"]
    assert rows[1].result in ("PASS", "MISS")
    assert any("repeated" in note for note in budget.notes)


def test_cli_figure_measures_memory(tmp_path: Path) -> None:
    rows = figures.cli_bulk([1_000], Budget(repeats=1, cell_seconds=120.0), seed=1, workdir=tmp_path)
    assert rows[0].figure == "4 CLI score peak memory" and rows[0].result in ("PASS", "MISS")
    by_name = {row.figure: row for row in rows}
    assert by_name["4 CLI time per line"].result.startswith("n/a")  # it needs two sizes
    assert "one chunk" in by_name["4 CLI score --jobs"].result  # no workers for one chunk


def test_cli_figure_reports_the_speed_up_of_jobs(tmp_path: Path) -> None:
    budget = Budget(repeats=1, cell_seconds=120.0)
    source = corpus.write_txt(tmp_path / "lines.txt", figures.BULK_CHUNK + 500, seed=1)
    rows = figures._speedup_rows(source, tmp_path / "out.csv", budget)
    assert [row.figure.split(" (")[0] for row in rows][:2] == ["4 CLI score --jobs 1", "4 CLI score --jobs 2"]
    assert rows[0].ratio == "1.00x speed-up" and all(row.size == "20,500" for row in rows)
    assert all(row.ratio.endswith("x speed-up") for row in rows)


def test_dashboard_figure_is_optional(tmp_path: Path) -> None:
    budget = Budget(repeats=1, cell_seconds=5.0)
    rows = figures.dashboard(budget, seed=1, workdir=tmp_path, app=tmp_path / "app.py")
    assert [row.figure for row in rows][-1] == figures.BROWSER_NAME
    assert [row.result for row in rows] == ["n/a (" + f"{tmp_path / 'app.py'} does not exist yet)"] * 3


def _browser_row(tmp_path: Path, budget: Budget) -> Row:
    bare_app = tmp_path / "bare_slider_app.py"
    bare_app.write_text(figures.BARE_APP, encoding="utf-8")
    return figures._browser_row(bare_app, bare_app, tmp_path / "none.csv", "10,000", budget, tmp_path)


def test_browser_row_says_why_without_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_OUTLOOK_CHROMIUM", str(tmp_path / "no-chromium"))
    row = _browser_row(tmp_path, Budget(repeats=1, cell_seconds=figures.BROWSER_SECONDS))
    assert row.figure == figures.BROWSER_NAME
    assert row.result.startswith("n/a (SUMMIT_OUTLOOK_CHROMIUM=") and "not an executable file" in row.result


def test_browser_row_is_skipped_when_the_budget_cannot_take_it(tmp_path: Path) -> None:
    row = _browser_row(tmp_path, Budget(repeats=1, cell_seconds=figures.BROWSER_SECONDS - 1))
    assert row.result.startswith("n/a (one run est.") and row.value == ""


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_browser_probe_times_slider_moves_on_the_bare_app(tmp_path: Path) -> None:
    chromium = require_chromium()
    bare_app = tmp_path / "bare_slider_app.py"
    bare_app.write_text(figures.BARE_APP, encoding="utf-8")
    times = time_slider_moves(
        bare_app,
        BARE,
        chromium=chromium,
        workdir=tmp_path / "probe",
        moves=3,
        deadline=time.monotonic() + BARE_PROBE_SECONDS,
    )
    assert len(times.milliseconds) == len(times.over_milliseconds) == 3
    assert all(
        0 < redrawn <= over for redrawn, over in zip(times.milliseconds, times.over_milliseconds, strict=True)
    )
    assert times.markers is None  # the bare app draws no chart
    assert times.browser_version


def test_profile_says_where_time_goes_per_corpus() -> None:
    from benchmarks.profiling import profile_corpora

    report = profile_corpora(("real", "news"), size=SMALL, top=3, seed=1)
    assert "300 statements of the real statements corpus" in report
    assert "300 statements of the news-like mix corpus" in report
    assert report.count("own time by module: ") == 2 and "%" in report
