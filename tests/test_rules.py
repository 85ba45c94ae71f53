"""The rules file: the bundled one is valid and documented; every broken one is rejected in full."""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path

import pytest

from summit_outlook.model.explain import score_texts
from summit_outlook.model.patterns import PatternSyntaxError, inflections, parse_pattern
from summit_outlook.model.rules import RulesError, default_rules, default_rules_path, load_rules, parse_rules
from summit_outlook.model.scoring import Weights, WeightsError

BUNDLED = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))


def broken(change) -> dict:
    data = copy.deepcopy(BUNDLED)
    change(data)
    return data


def problems_of(data: dict) -> list[str]:
    with pytest.raises(RulesError) as caught:
        parse_rules(data, source="rules.toml")
    return caught.value.problems


def test_bundled_rules_load() -> None:
    rules = default_rules()
    assert len(rules.families) >= 9
    assert {"scheduled", "intent", "openness", "hope", "precondition", "uncertainty"} <= set(rules.family_ids)
    assert {"cancellation", "stalled", "rejection"} <= set(rules.family_ids)


def test_every_family_is_documented() -> None:
    for family in default_rules().families:
        assert family.description.strip() and family.label.strip(), family.id


def test_every_coefficient_in_the_rules_file_has_a_comment() -> None:
    """Scalar settings outside the lists must carry a comment saying what they mean."""
    lines = default_rules_path().read_text(encoding="utf-8").splitlines()
    for section in ("[modifiers]", "[outlook]", "[scoring]", "[matching]", "[roles]"):
        start = lines.index(section)
        assert lines[start + 1].startswith("#"), f"{section} has no explanation"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(surprise=1), "surprise: unknown key"),
        (lambda d: d["families"][0].update(colour="red"), "families[0].colour: unknown key"),
        (
            lambda d: d["families"][1].update(weight=9),
            "families[1].weight: Input should be less than or equal to 5",
        ),
        (
            lambda d: d["families"][1].update(weight=-1),
            "families[1].weight: Input should be greater than or equal to 0",
        ),
        (
            lambda d: d["families"][2].update(patterns=[]),
            "families[2].patterns: List should have at least 1 item",
        ),
        (lambda d: d["families"][2]["patterns"].append(""), "families[2].patterns["),
        (lambda d: d["families"][3].update(direction=0), "families[3].direction"),
        (lambda d: d["families"][4].pop("description"), "families[4].description: Field required"),
        (lambda d: d["families"][5].update(id="Bad Id"), "families[5].id: String should match pattern"),
        (lambda d: d["families"][6].update(hard_event="maybe"), "families[6].hard_event"),
        (
            lambda d: d["modifiers"].update(hedge_factor=2),
            "modifiers.hedge_factor: Input should be less than",
        ),
        (lambda d: d["modifiers"]["negators"][0].update(factor=-3), "modifiers.negators[0].factor"),
        (lambda d: d["roles"].pop("envoy"), "roles: missing weight for role(s) envoy"),
        (lambda d: d["roles"].update(king=1.0), "roles.king"),
        (
            lambda d: d["outlook"].update(half_life_days=0),
            "outlook.half_life_days: Input should be greater than or equal to 0.5",
        ),
        (lambda d: d["outlook"]["bands"][0].update(min=10), "outlook.bands: the first band must start at 0"),
        (
            lambda d: d["outlook"]["bands"][2].update(min=1),
            "outlook.bands: band minimums must increase strictly",
        ),
        (lambda d: d["families"][1].update(id=d["families"][0]["id"]), "families: duplicate id 'held'"),
        (lambda d: d["families"][0]["patterns"].append("{NOWHERE} talks"), "unknown word class {NOWHERE}"),
        (lambda d: d["families"][0]["patterns"].append("... summit"), "'...' must stand between words"),
        (lambda d: d["families"][0]["patterns"].append("meet?"), "every word is optional"),
        (lambda d: d["families"][0]["patterns"].append("a ... b ... c ... d"), "more than 2 '...' gaps"),
        (lambda d: d["families"][0]["patterns"].append("(a+)+$"), "unexpected character"),
        (lambda d: d["families"][0]["patterns"].append("last met"), "duplicate pattern 'last met'"),
        (lambda d: d["modifiers"]["hedges"].append("maybe"), "modifiers.hedges: duplicate phrase 'maybe'"),
        (lambda d: d.update(version=2), "version: Input should be 1"),
    ],
)
def test_each_broken_rule_is_rejected_with_its_location(change, expected: str) -> None:
    problems = problems_of(broken(change))
    assert any(expected in problem for problem in problems), problems


def test_all_problems_are_listed_not_just_the_first() -> None:
    def many(data: dict) -> None:
        data["families"][0]["weight"] = 99
        data["families"][3]["colour"] = "red"
        data["outlook"]["half_life_days"] = -1
        data["roles"].pop("official")

    problems = problems_of(broken(many))
    assert len(problems) == 4
    assert {p.split(":")[0] for p in problems} == {
        "families[0].weight",
        "families[3].colour",
        "outlook.half_life_days",
        "roles",
    }


def test_semantic_problems_are_all_listed_too() -> None:
    def many(data: dict) -> None:
        data["families"][0]["patterns"] += ["{NOPE}", "a ... ... b"]
        data["families"][2]["id"] = data["families"][1]["id"]

    problems = problems_of(broken(many))
    assert len(problems) == 3


def test_rules_error_message_names_the_file_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("version = 1\n[matching]\nmax_gap = 99\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "matching.max_gap: Input should be less than or equal to 8" in message
    assert "families: Field required" in message


def test_invalid_toml_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("version = 1\nweight = = 2\nmore = 1\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"not valid TOML: .*line 2"):
        load_rules(path)


def test_missing_rules_file() -> None:
    with pytest.raises(RulesError, match="file not found"):
        load_rules("/nonexistent/rules.toml")


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("cancel", {"cancel", "cancels", "canceled", "cancelled", "canceling", "cancelling"}),
        ("hope", {"hope", "hopes", "hoped", "hoping"}),
        ("plan", {"plan", "plans", "planned", "planning"}),
        ("postpone", {"postpone", "postpones", "postponed", "postponing"}),
        ("meeting", {"meeting", "meetings"}),
        ("delay", {"delay", "delays", "delayed"}),
        ("to", {"to"}),
    ],
)
def test_inflections(word: str, forms: set[str]) -> None:
    assert forms <= set(inflections(word))


def test_irregular_forms_come_from_the_rules() -> None:
    assert "met" in inflections("meet", default_rules().irregular)


def test_compiled_patterns_have_only_bounded_repetition() -> None:
    """No unbounded * or + in any compiled rule: a user rules file cannot cause runaway backtracking."""
    from summit_outlook.model.matching import compile_rules

    compiled = compile_rules(default_rules())
    for regex in (compiled.signals.pattern, compiled.context.pattern):
        unescaped = re.sub(r"\\.", "", regex)
        assert not re.search(r"[*+](?!\?)", unescaped.replace("(?:", "").replace("(?P<", "")), regex[:200]


def test_pattern_errors_are_clear() -> None:
    with pytest.raises(PatternSyntaxError, match="empty pattern"):
        parse_pattern("   ", lexicon={})
    with pytest.raises(PatternSyntaxError, match="two '...' in a row"):
        parse_pattern("a ... ... b", lexicon={})
    with pytest.raises(PatternSyntaxError, match="'\\*' must end a word prefix"):
        parse_pattern("can*cel", lexicon={})


# --- weights checked against the rules they are used with ----------------------------------------


def _weights_problems(**changes) -> list[str]:
    rules = default_rules()
    default = Weights.defaults(rules)
    return Weights(**{**default.model_dump(), **changes}).problems(rules)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"families": {"talks": 1.0}}, "families.talks: unknown (expected one of"),
        ({"families": {"talks": 1.0}}, "families: no weight for held, scheduled"),
        ({"roles": {"king": 1.0}}, "roles.king: unknown"),
        ({"half_life_days": 0.3}, "half_life_days: 0.3 is outside [0.5, 365]"),
        ({"half_life_days": 400.0}, "half_life_days: 400.0 is outside [0.5, 365]"),
    ],
)
def test_weights_that_do_not_fit_the_rules_are_refused_with_a_message(changes, problem) -> None:
    assert any(found.startswith(problem) for found in _weights_problems(**changes))


def test_a_negative_family_weight_is_refused() -> None:
    rules = default_rules()
    families = {**Weights.defaults(rules).families, "hope": -1.0}
    assert _weights_problems(families=families) == ["families.hope: -1.0 is outside [0, 5]"]


def test_scoring_with_weights_for_other_rules_says_why_instead_of_a_key_error() -> None:
    rules = default_rules()
    weights = Weights(families={"talks": 1.0}, roles=Weights.defaults(rules).roles, half_life_days=14)
    with pytest.raises(WeightsError, match="families: no weight for held"):
        score_texts(["The summit was held."], rules, weights)


def test_a_rules_file_whose_half_life_its_own_weights_would_refuse_is_refused() -> None:
    data = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    data["outlook"]["half_life_days"] = 0.3
    with pytest.raises(
        RulesError, match=r"outlook\.half_life_days: Input should be greater than or equal to 0\.5"
    ):
        parse_rules(data, source="test")
