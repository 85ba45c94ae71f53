"""The signal model on real diplomatic phrasing: signs, matched signals, modifiers and ordering."""

from __future__ import annotations

import pytest

from summit_outlook.model.explain import explain_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights

RULES = default_rules()
WEIGHTS = Weights.defaults(RULES)


def explain(text: str) -> dict:
    return explain_texts([text], RULES, WEIGHTS)[0]


def score(text: str) -> float:
    return explain(text)["score"]


def families(text: str) -> list[str]:
    return [signal["signal"] for signal in explain(text)["signals"]]


# Every phrase the bundled article quotes or reports, with the family it must trigger and the
# direction the whole statement should move the outlook.
ARTICLE_PHRASES = [
    ("Trump and Putin last met in Alaska in August", "held", +1),
    ("a future meeting between Trump and Putin was not completely off the table", "rejection", +1),
    ("they are prepared to hold in-person meetings whenever necessary", "openness", +1),
    ("Lines of communication between Washington and Moscow remain open.", "openness", +1),
    ("the next time our presidents meet, there has to be a concrete result", "precondition", None),
    ("we can't just continue to have meetings for the sake of meetings", "precondition", -1),
    ("We canceled the meeting with President Putin, it just didn't feel right to me.", "cancellation", -1),
    (
        "I have good conversations, and then they don't go anywhere. They just don't go anywhere.",
        "stalled",
        -1,
    ),
    ("he canceled the Budapest summit because of stalled diplomatic negotiations", "cancellation", -1),
    ("stalled diplomatic negotiations and limited progress", "stalled", -1),
    ("Trump said he and Putin were expected to meet again, at some point, in Budapest", "intent", +1),
    ("it hopes for another summit once the groundwork has been laid for a productive meeting", "hope", +1),
    ("We can hardly predict now when a meeting will take place", "uncertainty", None),
    (
        "As soon as this preparation is completed and the conditions for holding the summit are in place, "
        "we hope it will take place.",
        "hope",
        None,
    ),
    (
        "There needed to be a concrete result expected in order for another meeting to take place",
        "precondition",
        None,
    ),
    (
        "his conversations with Lavrov are always professional and productive, but obviously we want to "
        "see results",
        "precondition",
        -1,
    ),
]


@pytest.mark.parametrize(("text", "family", "direction"), ARTICLE_PHRASES)
def test_article_phrases_trigger_their_family(text: str, family: str, direction: int | None) -> None:
    assert family in families(text)
    if direction is not None:
        assert score(text) * direction > 0.05


# Phrasing from other summit sagas, written the way officials and wires put it.
GENERAL_CASES = [
    ("The Singapore summit will take place on June 12.", +1),
    ("The summit will not take place.", -1),
    ("The two leaders agreed to meet in Geneva on June 16.", +1),
    ("Putin and Biden will meet in Geneva next month, the White House said.", +1),
    ("President Xi accepted an invitation to visit the United States.", +1),
    ("The meeting is back on track.", +1),
    ("It could very well be that the summit is back on.", +1),
    ("Preparations for the summit are under way.", +1),
    ("We are working on a date for the summit.", +1),
    ("The leaders held talks in Hanoi.", +1),
    ("I would be willing to meet with him at any time.", +1),
    ("We are ready to meet without preconditions.", +1),
    ("The president is open to meeting with Kim without preconditions.", +1),
    ("Zelensky said he is ready to meet Putin in any format.", +1),
    ("A meeting between the presidents is possible in the near future.", +1),
    ("Moscow has not rejected the idea of a summit.", +1),
    ("We are not ruling out a meeting.", +1),
    ("We are having very productive talks about reinstating the summit.", +1),
    ("A summit could take place as early as next month.", +1),
    ("Trump said he looks forward to meeting Kim.", +1),
    ("Trump called off the summit with Kim Jong Un.", -1),
    ("The talks have been postponed indefinitely.", -1),
    ("The summit was scrapped.", -1),
    ("The meeting has been put off.", -1),
    ("Kim threatened to pull out of the summit.", -1),
    ("The Kremlin said there are no plans for a Putin-Biden meeting.", -1),
    ("There will be no meeting with Putin until there is a ceasefire.", -1),
    ("A summit is out of the question until the troops withdraw.", -1),
    ("There is no meeting on the schedule.", -1),
    ("Moscow rejected the idea of a summit.", -1),
    ("The Kremlin dismissed talk of a summit as premature.", -1),
    ("Putin said he sees no point in meeting Zelensky.", -1),
    ("The White House said a summit was not planned for the foreseeable future.", -1),
    ("It's too early to talk about a meeting between the two leaders.", -1),
    ("I feel it is inappropriate, at this time, to have this long-planned meeting.", -1),
    ("The Hanoi summit ended abruptly without a deal.", -1),
    ("The meeting is off the table.", -1),
    ("The talks are deadlocked and the summit has been shelved.", -1),
]


@pytest.mark.parametrize(("text", "direction"), GENERAL_CASES)
def test_general_phrasing_moves_the_right_way(text: str, direction: int) -> None:
    assert score(text) * direction > 0.05, explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Budapest was mild on Tuesday.",
        "Inflation rose by 0.3 percent in October.",
        "The flight was cancelled because of fog.",  # cancellation words need a meeting in sight
        "I hope the weather holds.",
        "",
        "   ",
    ],
)
def test_statements_without_a_summit_signal_score_zero(text: str) -> None:
    assert score(text) == 0.0
    assert families(text) == []


def test_inflections_match_without_listing_every_form() -> None:
    for verb in ("cancel", "cancels", "canceled", "cancelled", "cancelling", "cancellation of"):
        assert families(f"They {verb} the summit") == ["cancellation"], verb
    for noun in ("meeting", "meetings", "summit", "summits", "talks"):
        assert "rejection" in families(f"There are no plans for {noun}"), noun
    assert families("The summit was postponed") == families("They postpone the summit")


def test_curly_and_straight_apostrophes_match_alike() -> None:
    assert score("They just don\u2019t go anywhere with the talks") == score(
        "They just don't go anywhere with the talks"
    )


def test_case_does_not_matter() -> None:
    assert score("THE SUMMIT HAS BEEN CANCELLED") == score("the summit has been cancelled")


# --- modifiers -------------------------------------------------------------------------------


def test_negation_flips_and_partial_negation_flips_less() -> None:
    off = score("A meeting is off the table.")
    not_off = score("A meeting is not off the table.")
    not_completely_off = score("A meeting is not completely off the table.")
    assert off < 0 < not_completely_off < not_off
    assert not_off < abs(off)


def test_negation_is_reported_in_the_explanation() -> None:
    (signal,) = explain("A meeting is not completely off the table.")["signals"]
    assert signal["matched"] == "off the table"
    assert signal["modifiers"] == [{"kind": "negator", "text": "not completely", "factor": -0.3}]


def test_negation_does_not_reach_across_a_sentence() -> None:
    assert score("It was not easy. The summit is scheduled for June.") == score(
        "It was easy. The summit is scheduled for June."
    )


def test_negation_window_is_bounded() -> None:
    near = score("The summit was not cancelled.")
    far = score("No one expected that after all these long weeks the summit was cancelled.")
    assert near > 0 > far


def test_hedges_shrink_magnitude_either_side() -> None:
    plain = score("Trump and Putin are expected to meet in Budapest.")
    for hedged in (
        "Trump and Putin are expected to meet again, at some point, in Budapest.",
        "Trump and Putin are possibly expected to meet in Budapest.",
        "Trump and Putin are expected to meet in the future.",
    ):
        assert 0 < score(hedged) < plain, hedged


def test_intensifiers_strengthen() -> None:
    assert score("The leaders are definitely ready to meet.") > score("The leaders are ready to meet.")


def test_contrast_makes_what_follows_weigh_more() -> None:
    positive_last = score("The talks have stalled, but we are ready to meet.")
    negative_last = score("We are ready to meet, but the talks have stalled.")
    assert positive_last > 0 > negative_last


def test_contrast_reads_plainly_in_the_explanation() -> None:
    from summit_outlook.model.explain import describe_signal

    lines = [
        describe_signal(record)
        for record in explain("The talks have stalled, but we are ready to meet.")["signals"]
    ]
    assert any("contrast before 'but' x0.5" in line for line in lines), lines
    assert any("contrast after 'but' x1.5" in line for line in lines), lines


def test_a_lone_but_changes_nothing() -> None:
    assert score("But the summit is scheduled for June.") == score("The summit is scheduled for June.")


def test_conditions_pull_down_a_hope() -> None:
    assert score("We hope the summit will happen once conditions are in place.") < score(
        "We hope the summit will happen."
    )


def test_repeating_a_signal_has_diminishing_weight() -> None:
    once = score("We canceled the meeting.")
    twice = score("We canceled the meeting. So I canceled it.")
    assert abs(twice) > abs(once)
    (_, second) = explain("We canceled the meeting. So I canceled it.")["signals"]
    assert {"kind": "repeat", "text": "same signal again", "factor": 0.5} in second["modifiers"]


# --- ordering -----------------------------------------------------------------------------------


def test_ordering_from_scheduled_to_cancelled() -> None:
    ladder = [
        "The summit is scheduled for June 12 in Singapore.",
        "A meeting is not completely off the table.",
        "There are no plans for a meeting.",
        "The summit has been cancelled.",
    ]
    scores = [score(text) for text in ladder]
    assert scores == sorted(scores, reverse=True)
    assert scores[1] > 0 > scores[2]


def test_explanation_offsets_point_at_the_matched_words() -> None:
    text = "Officials said on Monday that the summit was postponed until further notice."
    for signal in explain(text)["signals"]:
        assert text[signal["start"] : signal["end"]] == signal["matched"]


def test_contributions_add_up_to_the_score() -> None:
    record = explain("We canceled the meeting, but we'll do it in the future.")
    total = sum(signal["contribution"] for signal in record["signals"])
    assert total == pytest.approx(record["score"], abs=1e-3)


def test_hard_events_are_flagged_only_when_unqualified() -> None:
    assert explain("The summit was cancelled.")["signals"][0]["hard_event"] == "cancelled"
    assert explain("The summit was not cancelled.")["signals"][0]["hard_event"] is None
    assert explain("The summit might be cancelled.")["signals"][0]["hard_event"] is None
