"""Accuracy on the real development corpora: floors that can only rise.

tests/data/dev.jsonl is the shared corpus (eight sagas, two annotators); tests/data/dev2.jsonl is
a second set gathered from stored news pages of six of those sagas, tests/data/dev3.jsonl a third
from 43 meetings before 2018, tests/data/dev4.jsonl a fourth, tests/data/dev5.jsonl a fifth (34
meetings before 2018; it was the held-out set until 2 Dec 2026, then promoted: tests/data/README.md),
tests/data/dev6.jsonl a sixth (50 meetings of 2002-2016),
tests/data/dev7.jsonl a seventh (36 meetings of 2005-2017), tests/data/dev8.jsonl an eighth (45
meetings of 2009-2017), tests/data/dev9.jsonl a ninth (44 meetings of 1995-2017), tests/data/dev10.jsonl
a tenth (53 meetings of 2000-2017), tests/data/dev11.jsonl an eleventh (40 meetings of odd years 2001-2017),
tests/data/dev12.jsonl a twelfth (57 meetings of 1979-2016), tests/data/dev13.jsonl a thirteenth (52
meetings of 1959-2017), tests/data/dev14.jsonl a fourteenth (56 meetings of 1987-2016),
tests/data/dev15.jsonl a fifteenth (new statements of 2018-2025 from the six allowed sagas).

tests/data/held_out.jsonl (53 other meetings before 2018), tests/data/held_out2.jsonl (40 more,
1991-2008), tests/data/held_out3.jsonl (69 more, 1985-1999), tests/data/held_out4.jsonl (38 more,
even years 2000-2016), tests/data/held_out5.jsonl (59 more, 1960-2017) and tests/data/held_out6.jsonl
(51 more, 1974-2017), tests/data/held_out7.jsonl (59 more, 1980-2017), tests/data/held_out8.jsonl
(70 more, 1982-2017), tests/data/held_out9.jsonl (53 more, 1970-2017), tests/data/held_out10.jsonl
(56 more, 1960-2017) tests/data/held_out11.jsonl (52 more, 1953-2007) and tests/data/held_out12.jsonl (47 more,
2009-2017) are only measured: their
floors say whether rules written against the development sets carry over to new meetings, and a
failure prints their totals, never their misses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summit_outlook.model.evaluation import Evaluation, evaluate, read_labelled
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights

DATA = Path(__file__).parent / "data"
CORPORA = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
)

# The figures measured when each was last raised (lowered only where said, for a rule that is right). agreement: share of all statements whose score's
# sign is their label; max_unread and max_opposite: shares of the statements with a direction
# (label -1 or 1) that score 0, or the opposite sign (Evaluation.unread_share, opposite_share).
FLOORS = {
    # max_opposite 0.046 until stalls counted without a meeting word ("no decision has been taken",
    # seven statements gained over the four sets): nk18-022, unread before, now reads the past
    # "obstacles on our way forward" that its next sentence says were overcome ("overcame all of them").
    "dev": {"agreement": 0.941, "max_unread": 0.028, "max_opposite": 0.037},
    # max_opposite 0.075 until adjectives with a noun reading were skipped before a meeting word
    # ("had a good meeting" read 0): d2-060's "I have had very good talks with Putin" then reads as
    # talks held, right for its words; its label is about Ukraine.
    # 0.715 / 0.075 until a preposition after a meeting verb ended its object search ("meet after
    # the elections" read 0): d2-072's "we had a meeting after that exchange" (advisers meeting,
    # labelled -1 for the insult) now reads as a meeting held, which its words say.
    # 0.731 until an adverb in -ly could stand between a phrase's words ("depend largely on", as the
    # phrase language always said): d2-066's "we are working exactly for that" (peace; labelled 0)
    # now reads "work for" + "that" as preparing a meeting.
    # 0.723 until names one side calls the other's leader counted as hostility ("dictator"): d2-057,
    # Biden's "he's a dictator in the sense that ..." of 2023, is labelled 0 here and -1 in the
    # two-annotator dev.jsonl (bx23-010, the same saga's "embarrassment for dictators").
    # max_unread 0.178 until "suggest" with a clause only reported it: d2-114's "... suggests that
    # China feels no responsibility ..." (labelled -1) lost the proposal it read, and is unread.
    "dev2": {"agreement": 0.731, "max_unread": 0.169, "max_opposite": 0.075},
    # 0.800 / 0.069 until double quotation marks inside a sentence were read through (dev sets
    # +1 in all, dev9 +3): d3-042's 'there would have to be "significant change" for a meeting
    # ... to be a possibility' now also reads the possibility, and goes to the opposite sign.
    # max_opposite 0.078 until a decision not yet made counted as doubt ("the final decision has not
    # been made"): d3-051's "We are ready, although the final decision has not been made yet"
    # (labelled +1) reads the decision, and its "ready" with no meeting word is still unread.
    "dev3": {"agreement": 0.821, "max_unread": 0.130, "max_opposite": 0.069},
    # 0.679 until the same change: d4-114's "we're having a fun trip" (said during it, labelled 0)
    # now reads as a visit under way.
    # max_opposite 0.067 until going or coming on its own counted as the trip (dev sets +11):
    # d4-155's "a leader ... can come and wipe the blood of his crimes off his feet" reads as openness.
    "dev4": {"agreement": 0.794, "max_unread": 0.124, "max_opposite": 0.058},
    # Held out until 2 Dec 2026 (63.3% on its first reading, 65.0% the evening before), then read:
    # 74.2% with the first rules written against it.
    # max_unread 0.131 until a meeting supposed in an "if" clause counted nothing: d5-009 ("... "if
    # and when" the two do meet", labelled -1) went from the opposite sign to unread.
    # 0.800 / 0.142 / 0.055 until the same change: d5-029 (a "change of plans", then plans for
    # the king's deputy) reads the opposite way, and d5-031's 'would be coming to "resume
    # consultations ..."' now reads "coming to resume" as a verb group, not a trip (unread).
    # 0.800 until two principals as the subject of "discuss" counted as their meeting ("the two
    # leaders will discuss trade"): d5-116's "... would discuss security and economic issues if
    # their bilateral talks push through" (labelled 0) now reads a weak, conditional yes (0.791
    # for a day, back at 0.800 by its end). 0.808 for an hour on 4 Dec, second session: an elliptic
    # refusal in a statement naming no meeting is that statement's meeting's, and d5-030's generic
    # "If one wants to snub you, ..." (labelled 0) now reads a weak no.
    "dev5": {"agreement": 0.800, "max_unread": 0.120, "max_opposite": 0.055},
    # Gathered blind on 2 Dec 2026; first reading 62.8% (93 of 148; VADER 54, 36.5%), then read.
    # max_opposite 0.105 until going or coming on its own counted as the trip: d6-041 ("while the
    # presidents of Italy, ... would not come, the 14 others were still expected") reads the refusal.
    # max_unread 0.097 until "be going to" stopped being a predicate of its own (a future of the
    # verb after it): d6-007's "we are going to organize a G7" went from the opposite sign to unread.
    # max_opposite 0.089 until what a meeting produces or yields counted as good to come of it ("the
    # summit will produce a joint declaration"): d6-036's "It is only in an environment free from
    # political turmoil and violence that a summit would yield the desired outcome" (labelled -1)
    # reads the yield; the cleft "it is only ... that", a precondition, is not read (0.098 for a
    # day, back at 0.089 by its end).
    "dev6": {"agreement": 0.777, "max_unread": 0.073, "max_opposite": 0.089},
    # Gathered blind on 2 Dec 2026, the Spanish items left out; first reading 63.9% (53 of 83; VADER
    # 30, 36.1%), then read.
    "dev7": {"agreement": 0.795, "max_unread": 0.077, "max_opposite": 0.093},
    # Gathered blind on 2 Dec 2026 (45 meetings of 2009-2017); first reading 61.0% (97 of 159;
    # VADER 70, 44.0%) with the rules of that morning, 61.6% with those of the hour it came in.
    # max_unread 0.221 until a stand-in's going stopped counting as the principal's ("Kerry would
    # travel in his place"): d8-019 went from the opposite sign to unread.
    # max_opposite 0.067 until hyphenated modifiers joined the noun phrase: d8-106's "seek agreement
    # on confidence-building measures" then sought something other than the meeting, and the reading
    # it had by accident went.
    "dev8": {"agreement": 0.792, "max_unread": 0.140, "max_opposite": 0.059},
    # Gathered blind on 2 Dec 2026 (44 meetings of 1995-2017); first reading 60.1% (92 of 153;
    # VADER 52, 34.0%) with the rules of that morning, 60.8% with those of the hour it came in.
    # max_unread 0.147 until hyphenated words counted as nouns: d9-130's "the invitation it extended
    # to Sudanese president ... al-Bashir" (labelled -1) went from the opposite sign to unread.
    "dev9": {"agreement": 0.790, "max_unread": 0.116, "max_opposite": 0.062},
    # Gathered blind on 3 Dec 2026 (53 meetings of 2000-2017); first reading 64.2% (111 of 173) with
    # the rules of that morning (542e5a5), 64.7% with those of the hour it came in.
    "dev10": {"agreement": 0.791, "max_unread": 0.089, "max_opposite": 0.069},
    # Gathered blind on 3 Dec 2026 (40 meetings of odd years 2001-2017; two of a Kirchner-Mujica
    # meeting left out, near a held-out one); first reading 66.0% (107 of 162) with the rules of the
    # hour it came in, 65.4% with those of that morning (542e5a5).
    # 0.740 until "not confirmed" counted as doubt (dev12's "had not confirmed whether Castro would
    # come", labelled -1): d11-097 "has not yet confirmed if such a meeting is planned" is labelled 0.
    "dev11": {"agreement": 0.820, "max_unread": 0.098, "max_opposite": 0.049},
    # Gathered blind on 3 Dec 2026 (57 meetings of 1979-2016; three statements of two meetings left
    # out, near held-out ones: Musharraf-Vajpayee at the UN 2003, Aliyev-Kocharyan 2006); first
    # reading 60.5% (101 of 167; VADER 68, 40.7%) with the rules of that morning (13a4475) and with
    # those of the hour it came in (ede92a3).
    "dev12": {"agreement": 0.730, "max_unread": 0.139, "max_opposite": 0.098},
    # Gathered blind on 3 Dec 2026 (52 meetings of 1959-2017; 15 statements of five meetings left
    # out, near held-out ones); first reading 70.3% (111 of 158; VADER 65, 41.1%) with the rules of
    # that session's start (cd1beb0), 69.6% with those of the hour it came in (after four commits).
    # max_opposite 0.072 until the meeting as subject of what it brings counted ("the visit will give
    # a new start"): d13-136's "the effects of such an invitation would be to enhance the prestige of
    # Khrushchev and ... to undermine NATO" then read its first verb.
    # max_opposite 0.072 until a conference counted as a meeting (a press conference still none):
    # d13-175's "an international conference should be held at the second stage of the road map
    # peace plan and not any sooner" (labelled -1) reads the "should be held"; "not any sooner", a
    # deferral, is not read (0.080 for a day, back at 0.072 by its end).
    "dev13": {"agreement": 0.803, "max_unread": 0.094, "max_opposite": 0.072},
    # Gathered blind on 3 Dec 2026 (56 meetings of 1987-2016; three statements of a Lien-Hu visit of
    # 2005 left out, near held_out5's Chen-Hu talks); first reading 63.0% (87 of 138; VADER 64,
    # 46.4%) with the rules of that session's start (cd1beb0), 65.2% with those of the hour it came in.
    # max_unread 0.196 until "suggest" with a clause only reported it: d14-048's "has suggested that
    # the meeting might have to wait until later in the month" (labelled -1) went from the opposite
    # sign to unread.
    "dev14": {"agreement": 0.789, "max_unread": 0.149, "max_opposite": 0.047},
    # Gathered blind on 4 Dec 2026, third session (the six allowed 2018+ sagas): 59 of 103 (57.3%;
    # unread 22, opposite 8 of 83) on arrival, with the session's start rules and with those of the
    # hour it came in; then used for development.
    "dev15": {"agreement": 0.601, "max_unread": 0.241, "max_opposite": 0.085},
}


# Measured on 2 Dec 2026, the afternoon it was gathered: 102 of 157 (65.0%; VADER 70, 44.6%) with
# the rules of that morning (79c98aa), 101 with the rules of its first hour (e3bc78d), 105 (66.9%)
# with the rules of that afternoon.
# 0.668 / 0.167 until a meeting supposed in an "if" clause counted nothing (dev sets +4, five of
# seven such statements labelled 0): one held-out statement then read the other way (105 -> 104).
HELD_OUT = {
    # 0.662 / 0.167 / 0.175 until the rules of 3 Dec 2026: 104 -> 107 of 157, unread 22 -> 20,
    # opposite 23 -> 22.
    # 0.681 until the rules of 3 Dec 2026's second session (the session's commits together: the
    # four held-out sets 427 -> 428 of 648, this one 107 -> 106; totals only, no rule bisected).
    # 0.681 / 0.144 until "suggest" with a clause only reported it (dev sets +2, 3 Dec 2026, fourth session):
    # 107 -> 106, unread 19 -> 20; found by trying the session's rule changes one at a time on the
    # six sets' totals, the texts unread. The six sets stayed at 639 of 977 over those commits.
    # max_unread 0.152 until hyphenated words counted as nouns ("the sit-down", "the one-on-one";
    # the seven held-out sets 753 -> 755): here one statement went to unread and another to its
    # label, 106 of 157 before and after (totals only).
    "held_out": {"agreement": 0.707, "max_unread": 0.144, "max_opposite": 0.144},
    # Gathered blind on 2 Dec 2026 (40 meetings of 1991-2008; 10 of its 161 left out, from a Paris
    # summit of 2008 that the first held-out set has): 93 of 151 (61.6%; VADER 73, 48.3%) with the
    # rules of that morning (96075fc) and with those of the hour it came in.
    # 0.615 / 0.254 / 0.124 until the rules written against dev9 that evening (going or coming on
    # its own, excuses, doubts, a new date): 93 -> 97 of 151, unread 33 -> 28, opposite 16 -> 17.
    # max_opposite 0.131 until the rules written against dev10 on 3 Dec 2026 (not the place or time,
    # another engagement, showing up, events and memorials, reconsidering, ...): held_out2 98 -> 97
    # of 151, opposite 17 -> 18, while held_out went 104 -> 106 and held_out3 stayed at 118. Only
    # the totals were looked at; no rule was bisected against them.
    "held_out2": {"agreement": 0.695, "max_unread": 0.170, "max_opposite": 0.116},
    # Gathered blind on 3 Dec 2026 (69 meetings of 1985-1999): 118 of 185 (63.8%; unread 38 and
    # opposite 15 of 160) both with the rules of that morning (542e5a5) and with those of the hour
    # it came in (after eight rule commits); measured for totals only.
    # 0.637 / 0.094 until the rules written against dev11 that day (reschedule, momentum lost, ...):
    # 118 -> 120 of 185, opposite 15 -> 13.
    # max_opposite 0.082 until the rules of 3 Dec 2026's third session (three-day visits, "was going
    # to" before a verb only, ...): 122 -> 123 of 185, opposite 13 -> 14 (totals only).
    # max_opposite 0.088 until the negative words of 3 Dec 2026's fourth session (a fiasco, a
    # standstill, curtailed, scaled down, years away, elusive, ...; no dev statement moved): an
    # unread statement went to the opposite sign (unread 34 -> 33, opposite 14 -> 15; totals only).
    "held_out3": {"agreement": 0.691, "max_unread": 0.188, "max_opposite": 0.088},
    # Gathered blind on 3 Dec 2026 (38 meetings of even years 2000-2016; 19 of the 174 gathered left
    # out, from five meetings a development set has: the Baghdad Arab summit, Rouhani's Paris visit,
    # the Madrid EU-LAC summit, the Cyprus talks of 2013-14): 105 of 155 (67.7%; unread 23 and
    # opposite 13 of 128), the same with the rules of that morning (542e5a5); totals only.
    # 0.677 / 0.102 until the rules written against dev11 that day: 105 -> 104 of 155, opposite
    # 13 -> 14 (totals only, no rule bisected against them; the four held-out sets together went
    # 425 -> 428 of 648 over the day's rules).
    # 0.670 until "looking forward" counted without the meeting named (dev sets +6, no loss): 104 -> 103.
    "held_out4": {"agreement": 0.722, "max_unread": 0.125, "max_opposite": 0.102},
    # Gathered blind on 3 Dec 2026 (59 meetings of 1960-2017; two statements of a Kan-Medvedev
    # visit of 2011 left out, near dev3's Medvedev-Kan meeting of 2010): 96 of 164 (58.5%; VADER
    # 76, 46.3%; unread 35 and opposite 27 of 135) with the rules of the session's start (13a4475),
    # 96 (opposite 26) with those at its end; measured for totals only, twice.
    # 0.585 until the rules of 3 Dec 2026's third session (dates inside the meeting's noun phrase,
    # summits by name, denied negations, "no" opening a clause's subject: dev sets 1299 -> 1308 of
    # 1703): 96 -> 95, while the five held-out sets went 524 -> 525 of 812 (totals only).
    # 0.579 until the meeting as subject of what it brings or harms counted (dev sets +7): 95 -> 94,
    # opposite 26 -> 27, while the six held-out sets went 630 -> 631 of 977 (totals only).
    # max_opposite 0.200 until an offer counted as a meeting word ("Rao rejected the offer"; "the
    # offer of aid" is none): one held_out5 statement went from unread to the opposite sign
    # (totals only: unread 29 -> 28, opposite 27 -> 28; agreement 100 of 164 either way).
    "held_out5": {"agreement": 0.609, "max_unread": 0.208, "max_opposite": 0.208},
    # Gathered blind on 3 Dec 2026 (51 meetings of 1974-2017; four statements of the Cyprus talks of
    # 2015 left out, as dev8 has the same leaders' talks of 2017): 105 of 165 (63.6%; VADER 72,
    # 43.6%; unread 39 and opposite 15 of 146) both with the rules of that session's start (cd1beb0)
    # and with those of the hour it came in; totals only.
    # max_unread 0.254 until "insist" counted as a condition only with "on" (held_out3 123 -> 124):
    # here an opposite became unread (opposite 15 -> 14, unread 37 -> 38; totals only).
    "held_out6": {"agreement": 0.696, "max_unread": 0.213, "max_opposite": 0.090},
    # Gathered blind on 3 Dec 2026, fourth session (59 meetings of 1980-2017, about 45 leader pairs):
    # 105 of 164 (64.0%; VADER 80, 48.8%) both with the rules of that session's start (f8f180a;
    # unread 32, opposite 18 of 139) and with those of the hour it came in (after 14 rule commits;
    # unread 34, opposite 17); totals only.
    # max_opposite 0.123 until the same negative words: 105 -> 106 of 164, unread 34 -> 32,
    # opposite 17 -> 18 (totals only).
    # agreement 0.670 until 4 Dec 2026, second session: a definite lowering noun with nothing
    # after it ("was behind the delay") took four dev statements and held-out 3 up, 1 down; the
    # one down is here, 110 -> 109 of 164, unread 28 -> 29 (totals only; the rule kept, being right on its own).
    "held_out7": {"agreement": 0.664, "max_unread": 0.209, "max_opposite": 0.116},
    # Gathered blind on 4 Dec 2026 (70 meetings of 1982-2017): 80 of 109 (73.4%; VADER 47, 43.1%;
    # unread 17, opposite 9 of 102) both with the rules of that session's start (b188166) and of
    # its end; not one statement's sign differs between them (totals only).
    "held_out8": {"agreement": 0.733, "max_unread": 0.167, "max_opposite": 0.089},
    # Gathered blind on 4 Dec 2026, second session (53 meetings of 1970-2017): 78 of 114 (68.4%;
    # VADER 46, 40.4%; unread 21, opposite 4 of 92) with the rules of that session's start
    # (c73817e), 79 of 114 (69.3%; unread 20, opposite 4) with those of the hour it came in (after
    # six rule commits); one statement's sign differs between them (totals only).
    "held_out9": {"agreement": 0.692, "max_unread": 0.218, "max_opposite": 0.044},
    # Gathered blind later that session (56 meetings of 1960-2017): 74 of 105 (70.5%; VADER 49,
    # 46.7%; unread 17, opposite 13 of 98) with the rules of the session's start (c73817e) and with
    # those of the hour it came in; not one statement's sign differs between them (totals only).
    "held_out10": {"agreement": 0.704, "max_unread": 0.174, "max_opposite": 0.133},
    # Gathered blind on 4 Dec 2026, third session (52 meetings of 1953-2007): 63 of 105 (60.0%;
    # VADER 46, 43.8%; unread 25, opposite 13 of 97) with the rules of the session's start (468b968)
    # and with those of the hour it came in; not one statement's sign differs (totals only).
    "held_out11": {"agreement": 0.600, "max_unread": 0.258, "max_opposite": 0.135},
    # Gathered blind the same session (47 meetings of 2009-2017): 72 of 114 (63.2%; VADER 51,
    # 44.7%; unread 22, opposite 15 of 106) with the session's start rules (468b968) and with those
    # of the hour it came in; not one statement's sign differs (totals only).
    "held_out12": {"agreement": 0.631, "max_unread": 0.208, "max_opposite": 0.142},
}


@pytest.fixture(scope="module", params=CORPORA)
def result(request) -> tuple[str, Evaluation]:
    rules = default_rules()
    return request.param, evaluate(
        read_labelled(DATA / f"{request.param}.jsonl"), rules, Weights.defaults(rules)
    )


def _misses(result: Evaluation) -> str:
    return "\n".join(f"{miss.id} label {miss.label:+d} score {miss.score:+.2f}" for miss in result.misses)


def test_sign_agreement_floor(result: tuple[str, Evaluation]) -> None:
    corpus, evaluation = result
    assert evaluation.agreement >= FLOORS[corpus]["agreement"], _misses(evaluation)


def test_unread_ceiling(result: tuple[str, Evaluation]) -> None:
    corpus, evaluation = result
    assert evaluation.unread_share <= FLOORS[corpus]["max_unread"], _misses(evaluation)


def test_opposite_sign_ceiling(result: tuple[str, Evaluation]) -> None:
    corpus, evaluation = result
    assert evaluation.opposite_share <= FLOORS[corpus]["max_opposite"], _misses(evaluation)


@pytest.mark.parametrize("corpus", sorted(HELD_OUT))
def test_held_out_floors(corpus: str) -> None:
    rules = default_rules()
    evaluation = evaluate(read_labelled(DATA / f"{corpus}.jsonl"), rules, Weights.defaults(rules))
    totals = (
        f"{corpus}: {evaluation.agreeing}/{evaluation.statements} agree, {evaluation.unread} unread "
        f"and {evaluation.opposite} opposite of {evaluation.directed} with a direction"
    )
    floors = HELD_OUT[corpus]
    # Plain numbers only: a failed assertion shows its operands, and the evaluation holds the texts.
    agreement, unread, opposite = evaluation.agreement, evaluation.unread_share, evaluation.opposite_share
    del evaluation
    assert agreement >= floors["agreement"], totals
    assert unread <= floors["max_unread"], totals
    assert opposite <= floors["max_opposite"], totals


@pytest.mark.parametrize("corpus", (*CORPORA, *sorted(HELD_OUT)))
def test_every_row_has_a_source_url_and_a_label(corpus: str) -> None:
    rows = [
        json.loads(line)
        for line in (DATA / f"{corpus}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert rows
    for row in rows:
        assert isinstance(row["url"], str) and row["url"].startswith("http"), row.get("id")
        assert type(row["label"]) is int and row["label"] in {-1, 0, 1}, row.get("id")
        assert isinstance(row["text"], str) and row["text"].strip(), row.get("id")


def _rows(corpus: str) -> list[dict]:
    lines = (DATA / f"{corpus}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_no_statement_is_in_two_sets_and_held_out_meetings_are_in_no_other_set() -> None:
    texts: dict[str, str] = {}
    for corpus in (*CORPORA, *sorted(HELD_OUT)):
        for row in _rows(corpus):
            text = " ".join(row["text"].lower().split())
            assert texts.setdefault(text, corpus) == corpus, (row["id"], texts[text])
    for held_out in HELD_OUT:
        others = {
            row["saga"] for corpus in (*CORPORA, *HELD_OUT) if corpus != held_out for row in _rows(corpus)
        }
        shared = {row["saga"] for row in _rows(held_out)} & others
        assert not shared, (held_out, sorted(shared))


# Real ordinary news (tests/data/ordinary_news*.jsonl, label 0 throughout): sentences that use
# meeting, visit, talks, cancel and postpone words for other things (a company's general meeting, a
# rail strike called off, a fixture postponed, a council sitting). The share the model reads as 0
# only rises. `ordinary_news` is for development; `ordinary_news_held` is only measured, its
# failure shows totals only. Measured when added (4 Dec 2026, third session): 73/128 and 56/127
# with that session's start rules (468b968), then 78/128 and 58/127.
ORDINARY_NEWS_FLOORS = {"ordinary_news": 78 / 128, "ordinary_news_held": 58 / 127}


@pytest.mark.parametrize("corpus", sorted(ORDINARY_NEWS_FLOORS))
def test_ordinary_news_reads_as_no_signal(corpus: str) -> None:
    rules = default_rules()
    statements = read_labelled(DATA / f"{corpus}.jsonl")
    assert {statement.label for statement in statements} == {0}
    evaluation = evaluate(statements, rules, Weights.defaults(rules))
    read_zero, total = evaluation.agreeing, evaluation.statements
    del evaluation, statements
    assert read_zero / total >= ORDINARY_NEWS_FLOORS[corpus] - 1e-9, f"{corpus}: {read_zero}/{total} read 0"
