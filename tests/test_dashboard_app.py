"""The Streamlit page's wiring, driven by AppTest: sliders, presets, reset, uploads, the URL."""

from __future__ import annotations

import gc
import json

import pytest
from streamlit.testing.v1 import AppTest

from summit_outlook.dashboard.state import load_presets, widget_key
from summit_outlook.model.outlook import match_statements
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame
from summit_outlook.paths import DB_URL_VARIABLE, dashboard_app
from summit_outlook.report.export import CHROMIUM_ENV
from summit_outlook.report.views import outlook_view
from tests.browser_support import require_chromium

APP = dashboard_app()
RULES = default_rules()
DEFAULTS = Weights.defaults(RULES)
CANCELLATION = widget_key("family.cancellation")
HOPE = widget_key("family.hope")
# The first run in a process imports plotly and matches the statements; later runs take ~0.3 s.
RUN_TIMEOUT_S = 60


@pytest.fixture(autouse=True)
def temporary_store(tmp_path, monkeypatch) -> None:
    """Each test's page reads a fresh store, seeded from the bundled data (never var/statements.db)."""
    monkeypatch.setenv(DB_URL_VARIABLE, f"sqlite:///{tmp_path / 'statements.db'}")
    monkeypatch.delenv("SUMMIT_OUTLOOK_STATEMENTS", raising=False)


@pytest.fixture(scope="module")
def matched():
    return match_statements(to_frame(read_statements_csv(bundled_statements_path())), RULES)


def expected_outlook(matched, weights: Weights) -> str:
    """The headline the page should show for these weights, as it formats it."""
    return f"{outlook_view(matched, RULES, weights).headline.outlook:.1f}"


# The bundled article's summit: these tests drive its page.
SUMMIT = {"summit": "trump-putin-2025"}


def start(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update({**SUMMIT, **(query or {})})
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def outlook_metric(app: AppTest) -> float:
    return float(app.metric[0].value)


def outlook_chart(app: AppTest) -> dict:
    """What the page sent its outlook chart (dashboard/outlook_chart.py): the figure and settings."""
    (chart,) = app.get("bidi_component")
    return json.loads(chart.proto.bytes)


def outlook_traces(app: AppTest) -> list[str]:
    figure = outlook_chart(app)["figure"]
    return [trace["name"] for trace in figure["data"] if trace["mode"] != "markers"]


def button(app: AppTest, label: str):
    (found,) = [candidate for candidate in app.button if candidate.label == label]
    return found


def test_first_view_shows_the_default_outlook(matched) -> None:
    app = start()
    assert app.metric[0].value == expected_outlook(matched, DEFAULTS)
    assert app.metric[1].label == "Status band"
    assert app.metric[1].value == outlook_view(matched, RULES, DEFAULTS).headline.status
    assert [metric.label for metric in app.metric[2:4]] == ["7 days earlier", "30 days earlier"]
    assert outlook_traces(app) == ["Outlook"]
    assert app.query_params == SUMMIT
    assert len(app.slider) == len(RULES.families) + len(RULES.roles)


def test_raising_the_cancellation_weight_lowers_the_outlook(matched) -> None:
    # On the bundled data the Budapest cancellation is the outlook's biggest negative driver, so
    # trusting cancellations more must lower today's outlook.
    app = start()
    before = outlook_metric(app)
    app.slider(key=CANCELLATION).set_value(3.0).run()
    after = outlook_metric(app)
    assert after < before
    weights = DEFAULTS.model_copy(update={"families": {**DEFAULTS.families, "cancellation": 3.0}})
    assert app.metric[0].value == expected_outlook(matched, weights)
    assert "vs default weights" in app.metric[0].delta
    assert outlook_traces(app) == ["Default weights", "Your weights"]
    assert app.query_params == {**SUMMIT, "family.cancellation": "3"}


def test_a_slider_move_redraws_the_same_chart_element_with_the_new_figure() -> None:
    """The chart keeps its element id across reruns (st.plotly_chart's id was a hash of the figure,
    so each move mounted a new chart in the browser); what changes is the figure it is sent."""
    app = start()
    (before,) = app.get("bidi_component")
    sent = outlook_chart(app)
    app.slider(key=CANCELLATION).set_value(3.0).run()
    (after,) = app.get("bidi_component")
    moved = outlook_chart(app)
    assert after.proto.id == before.proto.id and after.proto.component_name == "summit_outlook_chart"
    assert moved["revision"] != sent["revision"] and moved["generation"] == sent["generation"] + 1
    assert moved["figure"]["layout"]["clickmode"] == "event+select"
    assert moved["config"]["toImageButtonOptions"]["filename"].endswith("-custom-weights")
    # The same weights again: the same figure, so the browser has nothing to redraw.
    app.slider(key=CANCELLATION).set_value(3.0).run()
    assert outlook_chart(app)["revision"] == moved["revision"]


def test_a_new_figure_gets_a_head_start_and_the_same_one_does_not(monkeypatch) -> None:
    """After sending a new figure the rerun pauses (the chart's message goes out, and is drawn,
    before the rest of the page); a rerun that sends the same figure again does not."""
    from summit_outlook.dashboard import outlook_chart as chart_module

    pauses = []
    monkeypatch.setattr(chart_module, "_give_the_chart_a_head_start", lambda: pauses.append("paused"))
    app = start()
    assert len(pauses) == 1
    app.slider(key=CANCELLATION).set_value(3.0).run()
    assert len(pauses) == 2
    app.slider(key=CANCELLATION).set_value(3.0).run()
    assert len(pauses) == 2


def test_what_matching_leaves_is_kept_out_of_full_collections() -> None:
    """Once the statements are matched, what exists is frozen (gc.freeze), so a slider move's
    rerun does not pay a full collection walking it."""
    gc.unfreeze()
    try:
        start()  # a fresh store (temporary_store), so its statements are matched anew
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_page_that_fails_still_draws_the_sidebar_and_keeps_the_weights(monkeypatch) -> None:
    """The sidebar is drawn after the page (so a slider move sends the chart first); a page that
    raises must not take it, or the weights its widgets hold, away."""
    from summit_outlook.report import charts

    app = start()
    app.slider(key=CANCELLATION).set_value(3.0).run()

    def broken(*args, **kwargs):
        raise RuntimeError("the chart broke")

    monkeypatch.setattr(charts, "outlook_figure", broken)
    app.slider(key=HOPE).set_value(2.0).run()
    assert [exception.value for exception in app.exception] == ["the chart broke"]
    assert [app.slider(key=key).value for key in (CANCELLATION, HOPE)] == [3.0, 2.0]
    monkeypatch.undo()
    app.run()
    assert not app.exception
    assert [app.slider(key=key).value for key in (CANCELLATION, HOPE)] == [3.0, 2.0]
    assert app.query_params == {**SUMMIT, "family.cancellation": "3", "family.hope": "2"}


def test_raising_the_hope_weight_raises_the_outlook() -> None:
    app = start()
    before = outlook_metric(app)
    app.slider(key=widget_key("family.hope")).set_value(2.0).run()
    assert outlook_metric(app) > before


def test_a_preset_applies_its_weights_and_reset_restores_the_defaults(matched) -> None:
    sceptic = {preset.name: preset for preset in load_presets(RULES)}["Sceptic"].weights(RULES)
    app = start()
    default_value = app.metric[0].value
    button(app, "Sceptic").click().run()
    assert app.metric[0].value == expected_outlook(matched, sceptic)
    assert app.slider(key=CANCELLATION).value == sceptic.families["cancellation"]
    assert app.query_params["family.cancellation"] == f"{sceptic.families['cancellation']:g}"
    assert "Preset: **Sceptic**" in [caption.value for caption in app.sidebar.caption]
    button(app, "Reset to defaults").click().run()
    assert app.metric[0].value == default_value
    assert app.slider(key=CANCELLATION).value == DEFAULTS.families["cancellation"]
    assert app.query_params == SUMMIT


def test_a_weights_file_loads_and_a_bad_one_changes_nothing(matched) -> None:
    app = start()
    app.file_uploader[0].upload("mine.json", b'{"families": {"hope": 2.0}}', "application/json").run()
    assert app.slider(key=widget_key("family.hope")).value == 2.0
    assert [success.value for success in app.success] == ["Weights loaded from the file."]
    loaded_value = app.metric[0].value

    app.file_uploader[0].set_value(("bad.json", b'{"families": {"hope": "lots"}', "application/json")).run()
    assert not app.exception
    assert [error.value for error in app.error] == ["Weights file not loaded; your weights are unchanged."]
    details = "\n".join(text.value for text in app.text)
    assert "bad.json" in details and "not valid JSON" in details
    assert app.slider(key=widget_key("family.hope")).value == 2.0
    assert app.metric[0].value == loaded_value


def test_query_parameters_round_trip_to_the_same_view() -> None:
    app = start()
    app.slider(key=CANCELLATION).set_value(2.5).run()
    app.number_input(key=widget_key("half_life_days")).set_value(7.0).run()
    app.segmented_control[0].set_value("1M").run()
    shared = dict(app.query_params)
    assert shared == {**SUMMIT, "family.cancellation": "2.5", "half_life_days": "7", "window": "1M"}

    opened = start(shared)
    assert opened.metric[0].value == app.metric[0].value
    assert opened.slider(key=CANCELLATION).value == 2.5
    assert opened.segmented_control[0].value == "1M"
    assert dict(opened.query_params) == shared
    assert not opened.warning


def test_bad_query_parameters_are_ignored_with_a_warning(matched) -> None:
    app = start(
        {
            "family.cancellation": "2.5",
            "family.hope": "lots",
            "role.king": "1",
            "half_life_days": "-3",
            "window": "1Y",
            "<script>": "x",
        }
    )
    assert [warning.value for warning in app.warning] == ["Some settings in the link were ignored:"]
    details = "\n".join(text.value for text in app.text)
    for named in ("family.hope='lots'", "'role.king'", "half_life_days='-3'", "window='1Y'", "'<script>'"):
        assert named in details
    weights = DEFAULTS.model_copy(update={"families": {**DEFAULTS.families, "cancellation": 2.5}})
    assert app.metric[0].value == expected_outlook(matched, weights)
    assert dict(app.query_params) == {**SUMMIT, "family.cancellation": "2.5"}  # the link is cleaned


def test_without_a_browser_png_and_svg_are_unavailable_and_the_rest_works(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    app = start()
    (notice,) = [info.value for info in app.info]
    assert notice.startswith("PNG and SVG export is unavailable") and CHROMIUM_ENV in notice
    labels = [download.label for download in app.download_button]
    assert "Chart PNG" not in labels and "Chart SVG" not in labels
    assert {"Chart HTML (offline)", "Outlook CSV", "Statements CSV"} <= set(labels)


def test_with_a_browser_png_and_svg_are_offered() -> None:
    require_chromium()
    app = start()
    labels = [download.label for download in app.download_button]
    assert {"Chart PNG", "Chart SVG", "Chart HTML (offline)", "Outlook CSV", "Statements CSV"} <= set(labels)


@pytest.mark.parametrize(
    ("window", "start_label"), [("All", "From the neutral level"), ("1W", "From 10 Nov 2025")]
)
def test_the_driver_window_sets_where_the_change_is_measured_from(window, start_label) -> None:
    app = start()
    app.segmented_control[0].set_value(window).run()
    driver_metric = app.metric[-1]
    assert driver_metric.label.startswith(start_label) and driver_metric.label.endswith("to 17 Nov 2025")
