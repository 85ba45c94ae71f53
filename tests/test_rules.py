"""The rules file: the bundled one is valid and documented; every broken one is rejected in full."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

from summit_outlook.model.explain import score_texts
from summit_outlook.model.lexicon import PhraseSyntaxError, parse_phrase, tokenize
from summit_outlook.model.rules import (
    MAX_PHRASES,
    MAX_PHRASES_PER_FIRST_WORD,
    RulesError,
    default_rules,
    default_rules_path,
    load_rules,
    parse_rules,
)
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
    for section in ("[modifiers]", "[outlook]", "[scoring]", "[reader]", "[roles]"):
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
            lambda d: d["families"][2].update(predicates=[]),
            "families[2].predicates: List should have at least 1 item",
        ),
        (lambda d: d["families"][2]["predicates"].append(""), "families[2].predicates["),
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
        (lambda d: d["families"][0]["predicates"].append("{NOWHERE} talks"), "unknown word class {NOWHERE}"),
        (lambda d: d["families"][0]["predicates"].append("meet?"), "every word is optional"),
        (lambda d: d["families"][0]["predicates"].append("meet? summit"), "must start with a required word"),
        (lambda d: d["families"][0]["predicates"].append("(a+)+$"), "malformed word"),
        (
            lambda d: d["families"][0]["predicates"].append("conclude"),
            "duplicate predicate 'conclude'",
        ),
        (lambda d: d["modifiers"]["hedges"].append("maybe"), "modifiers.hedges: duplicate phrase 'maybe'"),
        (lambda d: d["lexicon"].pop("MEETING"), "missing word class(es) the reader needs: MEETING"),
        (lambda d: d["lexicon"]["MEETING"].append("=="), "lexicon.MEETING["),
        # A modifier phrase is a phrase too: found when the file is checked, not when it is read with.
        (
            lambda d: d["modifiers"]["conditions"].append({"phrase": ", where", "factor": 1.0}),
            "modifiers.conditions[",
        ),
        (lambda d: d["modifiers"]["not_conditions"].append("if any!"), "modifiers.not_conditions["),
        (lambda d: d["events"].update(past="nothing"), "events.past: unknown family 'nothing'"),
        (lambda d: d["reader"].update(argument_window=40), "reader.argument_window"),
        (lambda d: d["families"][0].update(relevance="anywhere"), "families[0].relevance"),
        (lambda d: d.update(version=1), "version: Input should be 2"),
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
        data["families"][0]["predicates"] += ["{NOPE}", "a? b?"]
        data["families"][3]["id"] = data["families"][1]["id"]  # one no other field names

    problems = problems_of(broken(many))
    assert len(problems) == 3


def test_rules_too_costly_to_read_with_are_refused_with_the_word_and_the_count() -> None:
    """12,000 predicates starting with "the" (a 196 KB file, under the size limit) made scoring
    150 times slower; the most phrases one word may start, and the most phrases in all, are bounded."""

    def costly(data: dict) -> None:
        data["families"][0]["predicates"] += [
            f"the zq{number}" for number in range(MAX_PHRASES_PER_FIRST_WORD + 1)
        ]
        data["lexicon"]["TIME"] += [f"=the zq{number}" for number in range(MAX_PHRASES)]

    problems = problems_of(broken(costly))
    assert any(
        problem.startswith("rules: ") and f"more than the {MAX_PHRASES:,}" in problem for problem in problems
    )
    assert (
        f"families' predicates: {MAX_PHRASES_PER_FIRST_WORD + 1} phrases start with 'the', "
        f"more than {MAX_PHRASES_PER_FIRST_WORD}"
    ) in "\n".join(problems)
    assert any(
        problem.startswith(f"lexicon.TIME: {MAX_PHRASES:,} phrases start with 'the'") for problem in problems
    )


def test_rules_at_the_cost_limit_load() -> None:
    def at_limit(data: dict) -> None:
        data["families"][0]["predicates"] += [
            f"the zq{number}" for number in range(MAX_PHRASES_PER_FIRST_WORD)
        ]

    rules = parse_rules(broken(at_limit), source="rules.toml")
    assert len(rules.families[0].predicates) > MAX_PHRASES_PER_FIRST_WORD


def test_rules_error_message_names_the_file_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("version = 2\n[reader]\nargument_window = 99\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "reader.argument_window: Input should be less than or equal to 12" in message
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
    ("word", "lemma"),
    [
        ("cancelled", "cancel"),
        ("canceling", "cancel"),
        ("hoped", "hope"),
        ("planning", "plan"),
        ("postponed", "postpone"),
        ("meetings", "meeting"),
        ("met", "meet"),
        ("held", "hold"),
        ("took", "take"),
    ],
)
def test_every_inflection_has_its_lemma(word: str, lemma: str) -> None:
    (token,) = tokenize(word)
    assert lemma in token.lemmas


def test_contractions_split_into_the_verb_and_its_negation() -> None:
    assert [token.lower for token in tokenize("won't can't we'll")] == [
        "will",
        "not",
        "can",
        "not",
        "we",
        "will",
    ]
    assert [token.text for token in tokenize("don't")] == ["do", "n't"]


def test_a_name_with_letters_beyond_ascii_is_one_word() -> None:
    assert [token.text for token in tokenize("Chávez's visit, Erdoğan, Tabaré Vázquez")] == [
        "Chávez",
        "'s",
        "visit",
        ",",
        "Erdoğan",
        ",",
        "Tabaré",
        "Vázquez",
    ]
    (name,) = tokenize("Piñera")
    assert name.noun and name.capital


def test_phrase_errors_are_clear() -> None:
    with pytest.raises(PhraseSyntaxError, match="empty phrase"):
        parse_phrase("   ")
    with pytest.raises(PhraseSyntaxError, match="unknown word class"):
        parse_phrase("{NOPE} meet", {})
    with pytest.raises(PhraseSyntaxError, match="malformed word"):
        parse_phrase("can*cel")


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
