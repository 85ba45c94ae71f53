"""The signal model on real diplomatic phrasing: signs, matched signals, modifiers and ordering."""

from __future__ import annotations

import pytest

from summit_outlook.model.explain import explain_texts
from summit_outlook.model.reader import _EVENT, _Predicate, _Statement, compile_reader
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


# Wire-style phrasing written for these tests (no corpus sentence): constructions the reader must
# read, one each.
WIRE_CASES = [
    ("The two leaders will meet on the margins of the APEC forum.", +1),
    ("A senior official said the president intends to meet his counterpart.", +1),
    ("Moscow and Tokyo agreed to continue preparations for Putin's visit.", +1),
    ("The visit is expected to take place early next year.", +1),
    ('He said the summit would happen "very soon".', +1),
    ("Both sides hope to arrange a meeting before the end of the year.", +1),
    ("The foreign ministers discussed the timing of a leaders' summit.", +1),
    ("The president accepted an invitation to visit Havana.", +1),
    ("The talks will resume next week.", +1),
    ("The leaders plan to hold a joint press conference after their meeting.", +1),
    ("I am prepared to meet with anyone.", +1),
    ("The summit remains on track, officials said.", +1),
    ("We're going to meet, I think, very soon.", +1),
    ("An announcement on the date of the visit is expected shortly.", +1),
    ("He did not rule out a meeting with the North Korean leader.", +1),
    ("It is quite possible that the two presidents will meet.", +1),
    ("The leaders spoke by phone and agreed to meet in person.", +1),
    ("The president has scrapped plans to visit Moscow.", -1),
    ("The meeting will not take place as planned.", -1),
    ("The two leaders are not expected to meet.", -1),
    ("He refused to sit down with the rebels.", -1),
    ("There are no immediate plans for talks.", -1),
    ("The talks collapsed after two hours.", -1),
    ("Any summit would be premature.", -1),
    ("The trip has been postponed until further notice.", -1),
    ("The Kremlin denied that a meeting had been arranged.", -1),
    ("It is hard to imagine a summit under these conditions.", -1),
    ("The visit has been cancelled in protest.", -1),
    ("The prime minister said he would not attend the summit.", -1),
    ("There won't be a meeting.", -1),
    ("The two sides remain far apart on the agenda.", -1),
    ("Pyongyang threatened to call off the talks.", -1),
    ("The summit is now in jeopardy.", -1),
    ("No date has been set for the meeting.", -1),
    ("Obama and Putin are scheduled to hold a bilateral meeting on Monday.", +1),
    ("The two leaders met for 90 minutes on the sidelines of the summit.", +1),
    ("White House officials said a meeting between the two presidents was likely.", +1),
    ("We welcome the opportunity to meet.", +1),
    ("He said he would be happy to meet Putin.", +1),
    ("We look forward to welcoming President Xi.", +1),
    ("The president decided against meeting the Iranian leader.", -1),
    ("Talks on arranging a summit have stalled.", -1),
    ("He refused to shake hands.", -1),
    ("The prospects for a summit have dimmed.", -1),
    ("Conditions are not right for a meeting.", -1),
    ("The president has decided not to attend.", -1),
    ("A meeting is not on the cards.", -1),
    ("Preparations for the visit have not yet started.", -1),
    ("The venue for the talks has yet to be decided.", -1),
    ("There are no concrete agreements on a summit so far.", -1),
    ("The ministry said nothing was scheduled for the summit.", -1),
    ("Tokyo has invited Russian President Vladimir Putin to visit Japan.", +1),
    ("There was a conversation between the two leaders.", +1),
    ("Both sides said talks on the visit would continue.", +1),
    ("The emir will host talks with both leaders.", +1),
    ("A new round of talks is expected in Vienna.", +1),
    ("The visit will go ahead despite the tensions.", +1),
    ("There is little chance of a summit this year.", -1),
    ("The talks ended without agreement on a summit.", -1),
    ("The invitation still stands.", +1),
    ("The chancellor has no intention of meeting him.", -1),
    ("The invitation was withdrawn.", -1),
    ("The summit has been brought forward.", +1),
    ("A meeting would be useful, the minister said.", +1),
    ("The president is in no hurry to meet his counterpart.", -1),
    ("The prime minister has no objection to meeting him.", +1),
    ("We do not see any basis for a summit.", -1),
    ("A meeting between the two is not excluded.", +1),
    ("Both sides are in close contact about the visit.", +1),
    ("The palace has sent a formal invitation.", +1),
    ("It was a productive meeting.", +1),
    ("An aide said no formal meeting between the two leaders had been agreed on.", -1),
    ("There is no one-on-one meeting with the emir on the schedule.", -1),
    ("If they want to postpone the visit, that's fine.", -1),
    ("The minister's plan to visit Seoul is likely to be called off.", -1),
    ("Both sides have been unable to arrange a date for the visit.", -1),
    ("The premier was unsure if the scheduled meeting would take place.", -1),
    ("A summit could happen under the right circumstances, but those circumstances do not exist.", -1),
    ("There has been no change to the plans for the state visit.", +1),
    # The subject after a "that" opening a clause, past a long "between" phrase.
    (
        "An aide told a news conference that the visit by the German chancellor to Rome will be held in May.",
        +1,
    ),
    # The subject before a relative clause set off by commas.
    ("The meeting, which had been set for Friday, was called off.", -1),
    ("The state visit, which was announced in March, will go ahead.", +1),
    ("The summit, scheduled for June 12, was cancelled.", -1),
    ("A date for the summit has been set.", +1),
    ("A meeting is only possible if they stop the shelling.", -1),
    ("The president has no time for a meeting on this trip.", -1),
    ("Officials said a summit was impossible for now.", -1),
    ("The visit has been put on ice.", -1),
    ("We are nowhere near a summit.", -1),
    ("The summit is still on.", +1),
    ("Contacts on the visit are being maintained at various levels.", +1),
    ("There is no clarity yet on whether the leaders will meet.", -1),
    ("Such a meeting would be counterproductive.", -1),
    ("A summit now would send the wrong signal.", -1),
    ("The prime minister refused to shake his hand.", -1),
    ("A summit is in the interests of both countries.", +1),
    ("The meeting has been downgraded to a phone call.", -1),
    ("He said he saw little point in a meeting.", -1),
    ("Officials played down the chances of a meeting.", -1),
    ("The meeting fell through.", -1),
    ("The planned trip was scrubbed.", -1),
    ("The two sides have narrowed their differences over the summit agenda.", +1),
    ("The summit is all but certain to take place.", +1),
    ("The meeting is very much on.", +1),
    ("We are not against a meeting.", +1),
    # "Amid" names the circumstances, as "despite" does: they do not count.
    ("Amid mounting tensions, the prime minister requested a meeting with the president.", +1),
    ("The president confirmed his commitment to holding the summit in Astana.", +1),
    ("The two leaders held a dialogue in Beijing on Monday.", +1),
    # An adjective that is a noun too ("good") before the meeting word.
    ("We had a good meeting, the president said.", +1),
    ("The two leaders had very good talks.", +1),
    ("We will see each other in Paris.", +1),
    ("I don't think a meeting is necessary right now.", -1),
    ("The premier expressed eagerness to visit Tokyo.", +1),
    ("Thank you for the invitation.", +1),
    ("The two leaders will have an opportunity to talk on the margins.", +1),
    ("We see no prospects for a meeting.", -1),
    ("There are no such plans for a meeting.", -1),
    # What a preposition after a predicate names is that predicate's.
    ("There has been no progress on arranging a meeting.", -1),
    ("Officials are drawing up the agenda for the summit.", +1),
    ("The leaders met behind closed doors for two hours.", +1),
    ("The invitation has been renewed.", +1),
    ("There is momentum toward a summit.", +1),
    ("We are optimistic about the prospects for a summit.", +1),
    ("The visit, planned for May, has been postponed.", -1),
    ("The venue and the dates of the visit are still being firmed up.", +1),
    ("The ministry is reviewing a possible summit in the spring.", +1),
    # A negation passes "say that": "can no longer say that" is "no longer".
    ("We can no longer say that we are reviewing a summit for the autumn.", -1),
    ("The president's programme does not include a meeting with the chancellor.", -1),
    # An infinitive after "unable", "able", "has": the clause's own verb, not a bare one.
    ("The prime minister said he would be unable to attend the summit.", -1),
    ("The chancellor has to attend the summit in person.", +1),
    ("Japan will host a trilateral summit next spring.", +1),
    ("The president cancelled his attendance at the summit.", -1),
    ("The premier will not be present at the summit.", -1),
    ("The delegation was unable to secure talks with the president.", -1),
    ("Such a meeting would be fruitless.", -1),
    ("The premier will proceed to New Delhi for the talks.", +1),
    ("The two presidents will talk on the sidelines of the forum next week.", +1),
    ("The spokesman said the gathering will occur in Russia.", +1),
    ("Informal interactions will be arranged for the two presidents.", +1),
    ("Beijing is in close communication with Tokyo about the summit.", +1),
    ("The prime minister requested a meeting with the president.", +1),
    ("At their request we are not holding any meetings here.", -1),
    ("The ministers have received an invitation to the summit.", +1),
    # A negation passes "need": "did not see a need to scrap it" keeps it.
    ("He did not see a need to scrap the meeting.", +1),
    # A person named before "to" and a place is the object, not the subject of a clause.
    ("The president looks forward to welcoming the premier to Washington to continue the talks.", +1),
    # "On behalf of" a government is how a speaker speaks; of a leader, someone else goes.
    ("On behalf of the government I have invited the two leaders to meet in May.", +1),
    # A negative noun as the object of a positive verb says what was announced or agreed.
    ("The White House announced the cancellation of the summit.", -1),
    ("Both sides agreed on a short delay of the visit.", -1),
    ("The ministry confirmed the postponement of the state visit.", -1),
    # A verb that takes away what it governs.
    ("Both sides hope to meet soon to ease tensions.", +1),
    # A stall is the sides' contacts going nowhere, said with or without a meeting word, like hostility.
    ("Our contacts have reached a deadlock.", -1),
    ("No decision has been taken yet.", -1),
    # A participle after the meeting describes it; the verb before says what happened to it.
    ("China postponed the summit scheduled for December.", -1),
    ("They called off the visit planned for May.", -1),
    # A denial denies the claim's clause, past the claim's noun.
    ("The office denied a claim that the president would go to Moscow next week.", -1),
    ("He dismissed reports that a summit was being planned.", -1),
    ("Both sides are trying to find a date for the summit.", +1),
    ("We find a summit unnecessary at this stage.", -1),
    # A reporting verb says what its clause says.
    ("The Kremlin confirmed that the summit had been cancelled.", -1),
    ("The White House announced that the president would not travel to Seoul.", -1),
    ("Officials confirmed the visit will not take place this year.", -1),
    ("He accepted that a meeting was impossible.", -1),
    ("The Kremlin confirmed that the summit will take place on June 12.", +1),
    ("Seoul announced the suspension of the talks.", -1),
    # A clause after "but" shares the subject before it; a refusal with nothing after refuses the meeting.
    ("The summit was scheduled for June but has now been called off.", -1),
    ("We invited him to the summit, but he declined.", -1),
    ("The preparations have been halted.", -1),
    ("He said a meeting was not a priority.", -1),
    ("Without progress on the nuclear issue, a summit makes no sense.", -1),
    ("The president has no time to meet the prime minister.", -1),
    # "as planned" says how the verb before it goes; it plans nothing itself.
    ("The visit is unlikely to go ahead as planned.", -1),
    ("The July 16 summit in Helsinki should go on as scheduled.", +1),  # a number inside the noun
    ("There can be no talk of a meeting until they withdraw their troops.", -1),
    ("A summit is not realistic at the moment.", -1),
    ("A meeting is unrealistic.", -1),
    # A demand to be met "before any meeting", or results to be seen first, is a precondition.
    ("They need to show sincerity before any meeting can happen.", -1),
    ("He wants Kim to denuclearize before any meeting.", -1),
    # "going to" before a verb is the future, never travel: one refusal, not a refusal and a plan.
    ("I'm not going to meet with a man who insults our country.", -1),
    ("I am not going to visit Japan.", -1),
    # Questions that answer themselves.
    ("Why should I meet him?", -1),
    ("Why not hold a summit in Geneva?", +1),
    # The vocabulary of diplomatic protest is hostility between the sides, with or without a meeting word.
    ("This is a gross violation of our sovereignty.", -1),
    ("We strongly condemn the decision.", -1),
    ("They have crossed a red line.", -1),
    ("Tokyo recalled its ambassador.", -1),
    ("The remarks were deeply regrettable.", -1),
    # A participle before the meeting describes it; the verb after says what happened to it.
    ("The scheduled meeting did not take place.", -1),
    # "had proposed a summit" proposes one: "proposed" after "had" is no determiner of "a summit".
    ("Moscow had proposed a summit, which Kyiv rejected.", -1),
    # An open question said to be open is a doubt; the question itself asserts nothing.
    ("Whether the summit will go ahead remains unclear.", -1),
    ("It is not clear when the leaders will meet.", -1),
    ("So far there has been no response to our invitation.", -1),
    # An elliptic contrast that puts the meeting off.
    ("I would be happy to meet him, but not now.", -1),
    ("We want to meet, but only after the elections.", -1),
    ("They agreed to resume talks.", +1),
    ("The talks were useful but inconclusive.", -1),
    # Headline style: a name before a bare "to" is the subject of a coming meeting.
    ("Abe, Xi to hold talks on sidelines of APEC", +1),
    ("Trump to meet Kim in Singapore", +1),
    ("Beijing signals openness to Xi-Biden talks", +1),
    ("Pyongyang calls off talks with Seoul at last minute", -1),  # the talks are what is called off
    ("The DPRK will never sit face to face with the South Korean authorities.", -1),
    # An offer stands for the meeting offered; an offer ignored or withdrawn is refused.
    ("He withdrew his offer to meet.", -1),
    ("Seoul's proposal for talks went unanswered.", -1),
    ("Kim ignored the invitation.", -1),
    ("Tokyo rebuffed the offer of talks.", -1),
    ("We accept the offer to meet.", +1),
    # "be to" + a meeting verb is an arrangement: a future, scheduled with a date.
    ("The two presidents are to meet in Vienna next month.", +1),
    ("She is to visit Tokyo on Friday.", +1),
    # A negator that opens the meeting's noun phrase negates what is said of it.
    ("None of the leader's meetings are confirmed yet.", -1),
    ("There was never a summit scheduled.", -1),
    ("No (formal) meeting is planned.", -1),  # a one-word aside is skipped
    ("Rather than accept the invitation, he cancelled the trip.", -1),
    ("The opposition party opposes the visit.", -1),
    ("He will not make it to the summit.", -1),
    ("Both sides have been working for a summit.", +1),
    ("Our invitation to the prime minister still stands.", +1),
    ("We stand ready to meet.", +1),
    ("Few here are pinning much hope on the talks.", +1),
    ("Nobody is pinning high hopes on the talks.", -1),
    # "due to" + a noun gives a cause, not a schedule.
    ("The trip was delayed due to the timing of the elections.", -1),
    # A participle after a comma describes the meeting an earlier predicate took.
    ("Beijing asked to postpone the summit, scheduled to take place on Dec. 1.", -1),
    # A preposition after a meeting verb opens an adjunct, not its object.
    ("The two leaders will meet after the elections.", +1),
    ("We will meet only after the elections.", -1),  # a condition that puts it off
    ("The summit will be possible after the ceasefire holds.", -1),
    ("Tokyo will host the summit soon, although not necessarily this year.", -1),
    ("We will rearrange it and hold it next year.", -1),
    ("There has been no consultation on a leaders' meeting.", -1),
    ("An invitation was never extended to him.", -1),
    ("The president has backed out of the meeting.", -1),
    ("The president decided to stay away from the summit.", -1),
    ("He shunned the meeting.", -1),
    ("He avoided meeting the prime minister.", -1),
    ("He called the proposed summit a publicity stunt.", -1),
    (
        "We see no point in meeting now.",
        -1,
    ),  # "see no": no meeting seen; "meeting now": a time after the head
    ("The president is not in a hurry to meet him.", -1),
    # A place noun is what a visit goes to; a host or guest is a person.
    ("They invited him to visit the country.", +1),
    ("He had invited his host to visit the capital.", +1),
    # A free relative as the object: what would have been the meeting.
    ("He canceled what would have been their first meeting.", -1),
    # Vocabulary from a frequency audit of words near meeting words in the sets' and articles' texts.
    ("The summit is slated for next month.", +1),
    ("The president will take part in the summit.", +1),
    ("Both sides agreed to reopen talks.", +1),
    ("The visit remains up in the air.", -1),
    ("Hardliners tried to thwart the summit.", -1),
    # "no plans to" a negative: its "no" negates what was not planned.
    ("We have no plans to cancel the summit.", +1),
    ("There is no intention whatsoever of postponing the visit.", +1),
    ("If he attends, I will not be there.", -1),
    ("I will be there on Monday.", +1),
    ("The president will tour the region when the time is right.", -1),
    ("The chances of such a summit are remote.", -1),
    ("Our invitation to the president remains outstanding.", +1),
    ("The two leaders are sure to meet.", +1),
    ("He received a frosty reception at the summit.", -1),
    ("The vice-premier will head the delegation to the summit instead.", -1),
    ("Neither side has asked for a meeting.", -1),
    ("We face a stumbling block over the agenda of the talks.", -1),
    ("It will be difficult to arrange a summit this year.", -1),
    # A double negative affirms: "no choice but to" boycott is a boycott.
    ("The kingdom had no choice but to boycott the summit.", -1),
    ("He said he would feel uncomfortable meeting the general.", -1),
    ("Officials cited difficulties in arranging the summit.", -1),
    # A plan of the past is reported when it fell through.
    ("We had hoped to meet, but the other side was not interested.", -1),
    ("The two leaders had been scheduled to meet on Monday.", -1),
    ("He was supposed to visit Moscow in May.", -1),
    ("Plans for a summit were dropped.", -1),
    ("Pyongyang broke off talks with Seoul.", -1),
    ("The summit ended in acrimony.", -1),
    ("The visit is in limbo.", -1),
    ("Tokyo has yet to respond to the invitation.", -1),
    ("He turned his back on the talks.", -1),
    ("The president is due in Beijing on Monday.", +1),
    ("I will not deal with him.", -1),
    ("Officials set low expectations for the summit.", -1),
    ("A bilateral meeting has been pencilled in for Friday.", +1),
    # A noun phrase with a verb of its own is not a later verb's subject.
    ("He said talks would be pointless as long as the shelling continued.", -1),
    ("The summit was delayed and was not in jeopardy.", -1),
    # "only" before an "if" clause makes it "only if".
    ("A meeting would only make sense if the sanctions were lifted.", -1),
    ("We will only meet him if he apologises.", -1),
    ("A summit would make sense.", +1),
    ("Washington has not yet decided whether the president will attend.", -1),
    ("We are not in a position to confirm the visit.", -1),
    ("The meeting ended without a joint statement.", -1),
    ("The talks ended without any agreement.", -1),
    ("The date of the visit is still undecided.", -1),
    # A participle set off between the meeting and its verb describes it; the verb says what happened.
    ("A summit on trade, due to be held on June 9, has been cancelled.", -1),
    ("We hope the summit will be moved to a new date.", -1),
    ("He announced the revocation of his plan to travel to Ankara.", -1),
    ("The ministry disclosed the dates of the visit.", +1),
    ("The visit was reset to January.", -1),
    ("Beijing is not entertaining a meeting on the sidelines.", -1),
    ("He could not accommodate the prime minister.", -1),
    ("He will make a stop in Lahore on his way home.", +1),
    # "No agenda" or "no venue" yet is a doubt; "no meeting", "no invitation" a refusal.
    ("He will leave for Harare on Wednesday, but no agenda has been set for the visit.", +1),
]


@pytest.mark.parametrize(("text", "direction"), WIRE_CASES)
def test_wire_phrasing_moves_the_right_way(text: str, direction: int) -> None:
    assert score(text) * direction > 0.05, explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Budapest was mild on Tuesday.",
        "Inflation rose by 0.3 percent in October.",
        "The flight was cancelled because of fog.",  # cancellation words need a meeting in sight
        "I hope the weather holds.",
        "He is going to have to change course.",  # "going to" before a verb is no travel
        "He has an invitation to the opening of the exhibition.",  # one has an invitation, not a meeting
        "Exports to Japan rose and set a record.",  # no object past "and" before another verb
        "He flew off to Myanmar on Friday.",  # "off" after a verb is no "the summit is off"
        # A meeting's own verb with an object that is no meeting: flights resume, elections are held.
        "At the meeting, they agreed to resume flights.",
        "They will hold elections in May.",
        # "was to" + verb reports a plan of the past (news tells it when it fell through): no future.
        "He was to meet Putin on Monday.",
        "They dropped the subject.",  # "drop" cancels only a meeting
        "We must deal with the crisis.",  # one deals with a person, as one meets one
        # "speaking on the sidelines of" is where the words were said, not a meeting.
        "The minister, speaking on the sidelines of the forum, said oil prices would rise.",
        # A hope for what a meeting brings takes the meeting for granted: no signal of whether.
        "We hope that the meeting will lead to a renewal of the negotiations.",
        "The ministry expects the meeting of the two leaders to help achieve peace.",
        # Cooperation is what a meeting is about, not a mood: an agenda item moves nothing.
        "Cooperation on energy will be the most important item on the agenda.",
        "",
        "   ",
    ],
)
def test_statements_without_a_summit_signal_score_zero(text: str) -> None:
    assert score(text) == 0.0
    assert families(text) == []


def test_a_segments_meeting_verbs_are_never_those_of_a_freed_segment() -> None:
    """The reader indexes a segment's meeting verbs once; it once keyed that index by the list's
    id, which CPython hands to the next list as soon as the first is freed, so a segment could
    see the meeting verbs of the one before it (readings then depended on memory layout)."""
    statement = _Statement("They will meet and it will happen.", compile_reader(RULES))
    first = [_Predicate(_EVENT, "MEET", 2, 3, kind="MEET")]
    assert statement._event_at(2, first) is first[0]
    del first
    second = [_Predicate(0, "schedule", 5, 6)]
    assert statement._event_at(2, second) is None


def test_the_meetings_own_verb_reads_by_tense_after_next_or_new() -> None:
    """ "next", "new", "another" before a meeting say an intent; the meeting's own verb says more."""
    assert families("A new round of talks was held in Geneva.") == ["held"]
    assert families("The next summit will take place on June 12.") == ["scheduled"]
    assert families("The next summit will not take place.") == ["rejection"]


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
    """The matched words run from the meeting to its predicate; the negator's factor is its own
    times the family's negation scale, both from the rules."""
    (signal,) = explain("A meeting is not completely off the table.")["signals"]
    assert signal["matched"] == "meeting is not completely off the table"
    negator = next(n for n in RULES.modifiers.negators if n.phrase == "not completely")
    factor = negator.factor * RULES.family("rejection").negation_scale
    assert signal["modifiers"] == [
        {"kind": "negator", "text": "not completely", "factor": pytest.approx(factor)}
    ]


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


def test_a_clause_a_report_leaves_open_asserts_nothing() -> None:
    # "did not say if" is "whether": the acceptance is neither said nor denied.
    assert abs(score("He did not say if he accepted the invitation.")) < 0.05
    assert score("He said he accepted the invitation.") > 0.05


def test_repeating_a_signal_has_diminishing_weight() -> None:
    once = score("We canceled the meeting.")
    twice = score("We canceled the meeting. So I canceled it.")
    assert abs(twice) > abs(once)
    (_, second) = explain("We canceled the meeting. So I canceled it.")["signals"]
    assert {"kind": "repeat", "text": "same signal again", "factor": 0.5} in second["modifiers"]


def test_a_signal_negated_the_second_time_is_not_the_same_signal_again() -> None:
    """ "Confirmed ..., but ... not confirmed": the second reading goes the other way; halving it as a
    repeat made the first one win."""
    text = "The summit has been confirmed, but the date has not been confirmed."
    (_, second) = explain(text)["signals"]
    assert [modifier["kind"] for modifier in second["modifiers"]] == ["negator", "contrast"]
    assert score(text) < score("The summit has been confirmed.")


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


def test_graded_evidence_from_a_date_announced_to_cancelled() -> None:
    """The order of evidence the model must keep, strongest yes to strongest no."""
    ladder = [
        "The summit will take place on June 12 in Singapore.",  # a date announced
        "The two leaders plan to meet.",  # intent
        "We are ready to meet.",  # openness
        "We could meet at some point.",  # hedged openness
        "A meeting is unlikely.",  # doubt
        "There are no plans for a meeting.",  # no plans
        "The summit has been postponed.",  # postponed: lowered but live
        "The summit has been cancelled.",  # cancelled
        "The summit has been cancelled for good.",  # for good: stronger
    ]
    scores = [score(text) for text in ladder]
    assert scores == sorted(scores, reverse=True), list(zip(ladder, scores, strict=True))
    assert len(set(scores)) == len(scores)
    assert scores[3] > 0 > scores[4]


def test_a_cancelled_rally_or_flight_is_not_a_cancelled_summit() -> None:
    assert "cancellation" not in families("Trump said he cancelled his rally to prepare for the summit.")
    assert score("Trump said he cancelled his rally to prepare for the summit.") > 0
    assert families("The summit flight was cancelled due to weather.") == []


def test_a_condition_said_to_be_unmet_lowers_the_outlook() -> None:
    assert score("A meeting is possible if there are concrete agreements ready to be signed.") > 0
    assert (
        score(
            "A meeting is possible only if there are concrete agreements ready to be signed, and there are none."
        )
        < 0
    )


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


def test_at_an_appropriate_time_defers_a_meeting() -> None:
    # The diplomats' deferral: the meeting is put to a time nobody names.
    assert score("The summit will be held at an appropriate time.") < score("The summit will be held soon.")
    assert "uncertainty" in families("The summit will be held at a suitable time.")


def test_a_meeting_supposed_in_a_condition_clause_is_not_said() -> None:
    # The "if" clause supposes the meeting; what the sentence says is what follows from it.
    assert score("If he attends the summit, he will raise the issue of human rights.") == 0
    assert score("If the meeting is confirmed, we will publish a notice.") == 0
    # A cancellation supposed still raises the doubt.
    assert score("If they want to postpone the summit, that's fine.") < 0
    # The main clause keeps its condition's factor.
    assert 0 < score("We will meet if the war is over.") < score("We will meet.")


def test_once_again_sets_no_condition() -> None:
    assert score("I will go to the summit once again.") == score("I will go to the summit.")
    assert score("He met Putin more than once.") == score("He met Putin.")
    assert score("We will meet once the war is over.") < score("We will meet.")


def test_a_report_the_sentence_denies_turns_round() -> None:
    assert (
        score(
            "A newspaper reported that the leaders would meet in March, but his office rejected the report."
        )
        < 0
    )
    assert score("Reports that the two presidents will meet next week are untrue, the spokesman said.") < 0
    assert (
        score(
            "It was reported that they would meet in September, a report the spokesman said was overstated."
        )
        < 0
    )
    assert score("Reports that the summit was cancelled are wrong, the Kremlin said.") > 0
    # A report nobody denies is read as it stands.
    assert score("Reuters reported that the summit will go ahead in May.") > 0
    words = explain("Local media reported that Putin would visit Tokyo, but the Kremlin denied it.")[
        "signals"
    ][0]
    assert words["matched"].endswith("denied it")


def test_conditions_said_to_be_lacking_are_doubt() -> None:
    assert families("There are no conditions for a summit.") == ["uncertainty"]
    assert score("The conditions are not ripe for a meeting.") < 0
    # Without preconditions is another thing.
    assert score("We are ready to meet without preconditions.") > 0


def test_what_a_meeting_is_told_it_must_be_is_a_precondition() -> None:
    assert families("The summit must be meaningful.") == ["precondition"]
    assert families("The summit should achieve positive outcomes.") == ["precondition"]
    assert score("There is no reason not to hold a summit.") > 0
    assert score("There is no reason to hold a summit.") < 0
    text = "There is no reason not to hold a summit, but the summit must be meaningful and should achieve progress."
    assert score(text) < 0


def test_a_second_reported_clause_has_its_own_subject() -> None:
    text = "The ministry declared that the visit had not been firmed up and that she was expected to visit India."
    read = {signal["signal"]: signal["matched"] for signal in explain(text)["signals"]}
    assert read["preparation"] == "visit had not been firmed up"
    assert read["intent"] == "expected to visit"


def test_a_refusal_to_rule_out_leaves_it_open() -> None:
    assert score("He refused to rule out a meeting with the rebel leader.") > 0
    assert score("He refused to meet the rebel leader.") < 0


def test_zero_chance_is_no_chance() -> None:
    assert score('He said there was "zero chance" of a meeting this year.') < 0
    assert score("He said there was a chance of a meeting this year.") > 0


def test_a_meeting_on_for_a_date_is_set_and_an_awaited_reply_is_doubt() -> None:
    assert families("The summit is on for June.") == ["scheduled"]
    assert score("Seoul said it was still waiting for a reply from Pyongyang on the proposed summit.") < 0


INSERTED_CONDITION_AND_STAND_INS = [
    # An inverted condition supposes the visit: "should he come" is "if he comes"; what is left is
    # the threat of arrest (0 until arrests counted as hostility: the dev set labels it -1).
    ("Bashir would be arrested should he come to Malawi for the summit.", -1),
    ("The deputy prime minister will take his place at the summit.", -1),
    ("The deputy prime minister will take Netanyahu's place at the summit.", -1),
    ("The deputy prime minister will attend the summit in Netanyahu's stead.", -1),
    ("We will continue to evaluate those trips as events develop.", -1),
    ("There is still much work to be done before the leaders would meet.", -1),
    ("Officials had been in touch to fine tune the modalities for the visit.", 1),
    ("The White House is examining the feasibility of a Paris visit.", 1),
    ("The president is not among the registered summit participants.", -1),
    ("I am not aware of any proposal for a meeting.", -1),
    ("Xi will begin his visit in Ahmedabad on September 17.", 1),
    ("President Park will attend the parade in Beijing.", 1),
]


@pytest.mark.parametrize(("text", "direction"), INSERTED_CONDITION_AND_STAND_INS)
def test_inverted_conditions_stand_ins_and_plans_under_review(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


def test_a_denial_before_a_report_reaches_its_whole_clause() -> None:
    text = (
        "The foreign ministry denies Nicaraguan media reports that Costa Rican President Laura "
        "Chinchilla and Nicaraguan President Daniel Ortega are planning to meet this week."
    )
    assert score(text) < 0
    assert score("A spokesman dismissed reports that the face-to-face talks had been delayed.") > 0


def test_an_adjective_of_another_noun_is_no_signal() -> None:
    assert score("China will play a constructive role in the talks.") == 0
    assert score("We are open to a meeting.") > 0
    assert score("We had constructive talks.") > 0


def test_a_body_that_sits_is_no_meeting_of_the_principals() -> None:
    assert families("The cabinet met today and decided Malawi is not hosting the summit.") == ["rejection"]
    assert families("The leaders met today.") == ["held"]


def test_a_reported_clause_says_what_is_confirmed() -> None:
    text = "The Foreign Office has confirmed that there is no meeting scheduled between Sharif and Modi."
    assert families(text) == ["rejection"]
    assert score("He confirmed that the summit will take place.") > 0
    assert families("Sudan has cancelled President Bashir's appearance at the General Assembly.") == [
        "cancellation"
    ]


def test_a_call_on_someone_to_postpone_is_a_postponement() -> None:
    assert families("China called for host Seoul to postpone the annual leaders' meeting.") == [
        "postponement"
    ]
    assert families("They urged the two sides to delay the summit.") == ["postponement"]
    assert families("They invited the president to attend the summit.") == ["intent"]


def test_reversing_a_tension_takes_it_away() -> None:
    assert score("When there is a chance to reverse the current tension, I am ready to meet him.") > score(
        "When there is the current tension, I am ready to meet him."
    )


def test_a_question_whether_the_meeting_happens_is_its_argument() -> None:
    text = "Peskov answered in the negative to the question whether there is a chance that Putin will attend the talks."
    assert score(text) < 0
    assert "rejection" in families(text)


def test_pledges_and_a_summit_pushed_into_next_year() -> None:
    assert families("The leaders pledged to meet regularly.") == ["intent"]
    assert families("He vowed to attend the summit.") == ["intent"]
    assert families("Sources said the summit would likely be pushed to next year.") == ["postponement"]
    assert families("The summit slipped into next year.") == ["postponement"]


def test_an_article_after_an_adjective_opens_another_noun_phrase() -> None:
    # "made clear that any meeting ..." makes no meeting; "had a good meeting" has one.
    assert families(
        "Moscow has made clear that any meeting would depend on Washington dropping its sanctions."
    ) == ["precondition"]
    assert families("We had a good meeting.") == ["held"]


NEGATED_CLAIMS_AND_WANTS = [
    # The negation of a want or plan that a negative predicate took over is that predicate's.
    ("We do not want to cancel the summit.", 1),
    ("Neither side wants to cancel the meeting.", 1),
    ("Nobody wants to postpone the summit.", 1),
    ("They want to postpone it.", -1),
    # A claim said to be untrue, a report exaggerated, a concern dismissed.
    ("It is not true that the summit has been cancelled.", 1),
    ("Reports of the summit's cancellation are greatly exaggerated.", 1),
    ("He dismissed concerns that the summit might be called off.", 1),
    ("He voiced concerns that the summit might be called off.", -1),
    # A negating verb that is the predicate's own word; an obstacle nothing makes.
    ("Tensions have eased ahead of the summit.", 1),
    ("The president eased tensions before the summit.", 1),
    ("Nothing stands in the way of a meeting.", 1),
    ("The dispute stands in the way of a summit.", -1),
]


@pytest.mark.parametrize(("text", "direction"), NEGATED_CLAIMS_AND_WANTS)
def test_negated_claims_and_wants(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


def test_a_summit_opening_an_apposed_noun_phrase_and_objections() -> None:
    assert families("The summit opened on Monday.") == ["held"]
    assert score("The visit, the first by a U.S. president in 20 years, will take place on Sunday.") > 0
    assert score("The meeting, a rare one, was postponed.") < 0
    assert score("The summit was overshadowed by the dispute.") < 0
    assert score("The government indicated it would not object to a meeting.") > 0
    assert score("The government objects to a meeting.") < 0


def test_present_by_video_or_by_a_deputy_is_not_present() -> None:
    assert score("The president will take part in the summit by video link.") < 0
    assert score("The president will join the summit virtually.") < 0
    assert score("She will be represented by the foreign minister.") < 0
    assert score("He may send a deputy.") < 0
    assert score("We will join the talks.") > 0


def test_going_or_coming_on_its_own_is_the_trip() -> None:
    assert score("Of course I'm going.") > 0
    assert score("He is not coming.") < 0
    # With a particle it is another verb.
    assert families("I go in with low expectations.") == ["uncertainty"]
    assert score("We will see how things go.") == 0


EXCUSES_DOUBTS_AND_NEW_DATES = [
    ("So far, there is nothing on a bilateral meeting, but everything is fluid.", -1),
    ("This is the pre-condition for any meaningful peace talks.", -1),
    ("I am worried about security on the ship.", -1),
    ("Mr Sarkozy would miss the summit unless China sought talks.", -1),
    ("The Palestinian leader would speak to the summit via satellite.", -1),
    ("Representatives would meet May 15 to choose a new date for the conference.", -1),
    ("He said he had made the decision not to come.", -1),
    ("The president will not be able to make it because he has other pressing engagements.", -1),
    ("We have no information that he is changing his plans.", 1),
    ('"Of course I\'m going," Mr Putin said, ending earlier uncertainty about the visit.', 1),
    ("Otherwise there will be no use.", -1),
]


@pytest.mark.parametrize(("text", "direction"), EXCUSES_DOUBTS_AND_NEW_DATES)
def test_excuses_doubts_and_new_dates(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


def test_a_compound_summit_is_a_meeting_object_and_a_gerund_subject_asserts_none() -> None:
    assert families("Hu Jintao will attend the nuclear security summit.") == ["intent"]
    assert families("Taking part in a military parade appears not appropriate.") == ["uncertainty"]
    assert score("Not going to the opening ceremony would be an affront to the Chinese people.") == 0
    assert score("We are going to the summit.") > 0


def test_quoted_words_are_read_as_words_and_an_aside_naming_the_meeting_is_read() -> None:
    assert score('He said he was "really not aware" of such a visit.') < 0
    assert score("\u201cThe atmosphere is not right\u201d for a bilateral meeting.") < 0
    assert families("Officials said (the summit) had been cancelled.") == ["cancellation"]
    assert families("No (separate) meeting is planned.") == ["rejection"]


def test_going_to_a_place_is_a_trip_and_going_to_meet_is_a_future() -> None:
    assert families("He believes he's going to China to support our athletes.") == ["intent"]
    assert families("We are going to meet next week.") == ["scheduled"]
    assert families("We're going to cancel the summit.") == ["cancellation"]
    assert score("Clerides expects Annan to invite the two sides to talks in October.") > 0
    assert score("The plot will not lead to postponement of the visit.") > 0


def test_was_going_to_is_a_plan_of_the_past() -> None:
    assert score("The summit was going to take place June 7 in Barcelona.") < 0
    assert score("We are going to meet in May.") > 0


def test_a_report_of_a_negative_subject_says_the_subject() -> None:
    assert families("The cancellation of the visit was confirmed by the Kremlin.") == ["cancellation"]
    assert families("Postponement of the talks was announced on Monday.") == ["postponement"]
    assert families("Talks on arranging a summit have stalled.") == ["stalled"]
    # the negation is the report's, and its subject part stays the report's
    assert score("No plans for a meeting have been announced.") < 0


def test_someone_going_on_a_principals_behalf_is_a_stand_in() -> None:
    assert families("The vice president will attend the summit on his behalf.") == ["substitution"]
    assert score("Li will go to the conference on the premier's behalf.") < 0
    assert score("Putin thanked Xi on behalf of the Russian people.") == 0


def test_a_denied_that_clause_is_denied_past_the_words_between() -> None:
    assert score("Officials denied that the premier was considering calling off the visit.") > 0
    assert score("The ministry denied that the summit had been cancelled.") > 0
    assert score("The Kremlin denied that the two presidents were planning to meet.") < 0


def test_nothing_settled_yet_is_doubt_and_a_standing_invitation_is_intent() -> None:
    assert families("Nothing definite has been agreed yet.") == ["uncertainty"]
    assert families("The final decision has not been taken.") == ["uncertainty"]
    assert families("The president has a standing invitation to visit Tokyo.") == ["intent"]
    assert score("She does not have an invitation to the summit.") < 0
    assert score("He will not have an invitation.") < 0


NEWSROOM_VOCABULARY = [
    ("The state visit has been taken off the calendar.", -1),
    ("There is no question of a summit this year.", -1),
    ("Aides poured cold water on talk of a meeting.", -1),
    ("Hopes of a breakthrough summit were dashed.", -1),
    ("Expectations of a visit faded as hopes faded for a deal.", -1),
    ("Diplomats say the summit is a go.", 1),
    ("A formal invitation to the summit has been extended.", 1),
]


@pytest.mark.parametrize(("text", "direction"), NEWSROOM_VOCABULARY)
def test_newsroom_vocabulary(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


CONDITIONS_MET_AND_GIVING_UP = [
    ("The conditions for a state visit are now in place.", 1),
    ("All the arrangements for the trip are in place.", 1),
    ("The obstacles to a summit have been cleared.", 1),
    ("The two sides overcame the remaining hurdles to the meeting.", 1),
    ("Pyongyang reacted favourably to the proposal for talks.", 1),
    ("Tokyo has given up on a summit this year.", -1),
    ("We have never given up on the meeting.", 1),
]


@pytest.mark.parametrize(("text", "direction"), CONDITIONS_MET_AND_GIVING_UP)
def test_conditions_met_obstacles_cleared_and_giving_up(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


ATTENDANCE_AND_ITS_DOUBTS = [
    ("The forum isn't the place for a first meeting of the two presidents.", -1),
    ("The time is not yet ripe, the spokesman said.", -1),
    ("There is still a long way to go, the envoy said of the summit.", -1),
    ("The invitation to the general should be reconsidered.", -1),
    ("We cannot but reconsider our participation in the summit.", -1),
    ("She would have liked to attend the funeral.", -1),
    ("The president left early to fulfil another engagement.", -1),
    ("Officials fear the prime minister will not show up.", -1),
    ("He chose to skip the event.", -1),
    ("The king will attend the memorial service on Sunday.", 1),
    ("The chancellor will spend two days in Beijing.", 1),
    ("The premier will be accompanied by six ministers.", 1),
    ("Despite the pressure, the host renewed its invitation.", 1),
    ("Despite the pressure, the host repeated its invitation.", 1),
]


@pytest.mark.parametrize(("text", "direction"), ATTENDANCE_AND_ITS_DOUBTS)
def test_attendance_and_its_doubts(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


def test_a_source_speaking_on_condition_of_anonymity_sets_no_condition() -> None:
    assert families("Officials said on condition of anonymity that the leaders would meet soon.") == [
        "openness"
    ]
    assert score("Officials said on condition of anonymity that the leaders would meet soon.") > 0.4


def test_what_a_visit_is_expected_to_build_is_its_outcome() -> None:
    assert score("We expect that the visit will build bridges between our nations.") == 0


def test_a_name_with_accents_is_read_as_a_name() -> None:
    assert score("The ministry has not confirmed Chávez's attendance.") < 0
    assert score("The ministry has not confirmed Chávez's attendance.") == score(
        "The ministry has not confirmed Chavez's attendance."
    )


def test_a_negative_gerund_after_a_verb_says_what_is_meant() -> None:
    assert families("Seoul is considering postponing the visit.") == ["postponement"]
    assert score("The president does not consider calling off the trip.") > 0
    assert score("We are not considering postponing the summit.") > 0
    assert score("We have not stopped preparing the summit.") > 0  # "stop" is no predicate: no pass-through


def test_what_came_before_is_background_to_the_news() -> None:
    assert score("The king will visit Paris on May 3, two years after he cancelled a trip over a row.") > 0
    assert score("The two leaders agreed to meet in June, after having postponed their talks twice.") > 0
    assert score("The king cancelled his visit to Paris over a row.") < 0


def test_what_an_open_question_depends_on_is_a_precondition() -> None:
    assert families("Whether the summit takes place depends on Pyongyang.") == ["precondition"]
    assert score("Whether the leaders meet will depend entirely on the other side.") < 0
    assert score("Whether the summit will go ahead remains unclear.") < 0
    assert score("He asked whether the summit would be held.") == 0
    assert score("We will see whether or not we have to be there.") < 0  # "or not" negates nothing


def test_an_adverb_in_ly_may_stand_between_a_phrases_words() -> None:
    assert families("The visit will depend largely on the weather.") == ["precondition"]


VISITS_RESCHEDULED_AND_OTHER_FORMS = [
    ("The two offices are working to reschedule the state visit.", 1),
    ("Officials have not had any talks about a new summit.", -1),
    ("The momentum for a summit has been lost.", -1),
    ("It is difficult to hold talks under the current atmosphere.", -1),
    ("What purpose would such a meeting serve?", -1),
    ("The premier's presence at the ceremony is not advisable.", -1),
    ("We have not yet received a confirmation of the visit.", -1),
    ("Whether the two leaders meet hinges on the talks in Geneva.", -1),
    ("The trip is too important to cancel.", 1),
    ("This will be the first meeting between the two presidents.", 1),
    ("The pope will stop in Havana on his way to Washington.", 1),
    ("We will have no hesitation in inviting him to the summit.", 1),
    ("Beijing awaits the prime minister as an honoured guest.", 1),
    ("He said he did not think the timing of the visit was awkward.", 1),
]


@pytest.mark.parametrize(("text", "direction"), VISITS_RESCHEDULED_AND_OTHER_FORMS)
def test_visits_rescheduled_and_other_forms(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


def test_looking_forward_counts_without_the_meeting_named() -> None:
    assert families("The President looks forward to reaffirming our strong ties with Japan.") == [
        "anticipation"
    ]
    assert score("We look forward to the summit.") > 0
    assert score("We do not look forward to it at all.") < 0
    assert score("I hope the weather holds.") == 0


def test_declining_to_comment_refuses_no_meeting() -> None:
    assert score("He declined to comment on the summit.") == 0
    assert score("The spokesman refused to comment on reports of a summit.") == 0
    assert score("The ministry declined to speculate about the visit.") == 0
    assert score("He declined to attend the summit.") < 0  # attending is the meeting


def test_a_request_or_proposal_is_for_what_its_complement_names() -> None:
    assert score("Moscow rejected the proposal for a ceasefire.") == 0
    assert score("The White House did not respond to a request for comment on the meeting.") == 0
    assert score("Tokyo rejected the request to extradite him.") == 0
    assert score("Moscow rejected the proposal for a summit.") < 0
    assert score("China did not accept the proposal for a phone call between the two ministers.") < 0
    assert score("He accepted the invitation for Monday.") > 0  # the meeting's day
    assert score("They accepted the invitation to accompany him to Geneva.") > 0


def test_a_threat_dropped_turns_round_and_the_explanation_shows_its_words() -> None:
    assert score("Pyongyang threatened to pull out of the summit.") < 0
    assert score("Pyongyang has dropped its threat to pull out of the summit.") > 0
    assert score("Seoul backed away from its threat to boycott the summit.") > 0
    (signal,) = explain("Pyongyang dropped its threat to cancel the summit.")["signals"]
    assert signal["modifiers"] == [{"kind": "negator", "text": "dropped its threat", "factor": -0.25}]


MORE_DIPLOMATIC_FORMS = [
    ("Both leaders reaffirmed their commitment to meet.", 1),
    ("The president reiterated his invitation to the chancellor.", 1),
    ("The summit hangs in the balance.", -1),
    ("We will not sit at the same table with them.", -1),
]


@pytest.mark.parametrize(("text", "direction"), MORE_DIPLOMATIC_FORMS)
def test_more_diplomatic_forms(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0) - (value < 0) == direction, explain(text)


def test_not_confirmed_is_doubt() -> None:
    assert score("The Cubans had not confirmed whether Castro would come.") < 0
    assert score("The Kremlin has not confirmed the visit.") < 0


def test_nothing_showing_a_clause_denies_it() -> None:
    assert score("There is no sign that the summit will be cancelled.") > 0
    assert score("There is no indication that the leaders will meet.") < 0


def test_staying_away_is_a_refusal() -> None:
    assert score("The president will stay away from the summit.") < 0
    assert score("Abbas said he would stay away from the Doha summit.") < 0


def test_agreeing_to_postpone_postpones() -> None:
    assert families("He agreed with Yeltsin to postpone their meeting.") == ["postponement"]
    assert score("It would be impossible to arrange a meeting.") < 0  # a refusal keeps its infinitive
    assert score("He agreed with Putin to hold a summit in June.") > 0


def test_a_negation_stops_where_a_clause_with_its_own_subject_begins() -> None:
    assert score("The issue has been resolved and the invitation has been sent.") > 0
    assert score("We will not meet and talk.") < 0


def test_a_denial_stops_at_a_second_reported_clause() -> None:
    text = "The White House denied that the delay was a snub and insisted that talks would continue."
    assert score(text) > 0
    assert score("He denied that the summit had been cancelled.") > 0


def test_an_infinitive_set_off_by_commas_describes_the_meeting_before_it() -> None:
    assert families("The summit, to be held here in June, has been postponed.") == ["postponement"]
    assert score("The summit, to take place in June, will go ahead.") > 0


def test_a_participle_after_the_object_of_a_refusal_describes_it() -> None:
    assert families("He will not attend the summit scheduled for August.") == ["rejection"]
    assert score("The summit scheduled for August will go ahead.") > 0


def test_a_capitalised_word_inside_a_name_is_no_signal() -> None:
    assert families("The talks will be held in Mar del Plata.") == ["intent"]
    assert set(families("Tensions could mar the summit.")) == {"stalled"}


def test_a_lowering_noun_with_the_names_the_meeting_already_known() -> None:
    assert families("The postponement is due to the president's obligations.") == ["postponement"]
    assert families("The cancellation was announced on Monday.") == ["cancellation"]
    assert score("The postponement of the rally was announced.") == 0


def test_a_formula_of_announcing_says_what_it_announces() -> None:
    assert families("The ministry wishes to announce that President Khama will not attend the summit.") == [
        "rejection"
    ]


def test_convening_and_a_later_date() -> None:
    assert score("He called an emergency summit.") > 0
    assert score("Kenya convened a summit on Somalia.") > 0
    assert score("The date of the summit will be determined at a later time.") < 0
    assert score("Power called the possible visit deplorable.") <= 0  # naming is no convening


def test_was_to_with_a_near_day_is_a_reported_arrangement() -> None:
    assert families("Putin was to meet Yushchenko Tuesday, the Kremlin said.") == ["scheduled"]
    assert score("He was to meet Putin on Monday.") == 0  # unattributed: perhaps a plan that fell through
    assert score("He was to have visited Japan on Monday, officials said.") == 0
    assert score("He was to visit Japan in June.") == 0


def test_readiness_when_a_condition_is_unmet() -> None:
    text = "Putin is ready to meet Zelensky when an agenda for the summit is prepared, and this agenda is not ready at all."
    assert score(text) < 0
    assert score("We are ready to meet when the preparations are complete.") > 0
    assert score("When he visits Beijing, he will raise trade.") > 0  # "when" alone tells a time


def test_a_governments_bare_confirmation_confirms_the_meeting() -> None:
    assert families("Moscow and Washington have publicly confirmed,") == ["scheduled"]
    assert families("Washington has confirmed.") == ["scheduled"]
    assert score("He has confirmed.") == 0
    assert score("The Kremlin has confirmed, officials said.") == 0


def test_being_here_is_the_meeting_and_insulting_names_are_hostility() -> None:
    assert score("The president will be here next week.") > 0
    assert score("But we overcame them, and we are here today.") > 0
    assert score("The problem is here to stay.") == 0
    assert families("He called his counterpart a dictator.") == ["hostility"]
    assert families("They called him a war criminal.") == ["hostility"]


def test_a_principal_heading_the_delegation_is_no_stand_in() -> None:
    assert score("Putin himself will head the Russian delegation to the summit.") == 0
    assert score("The prime minister will lead the delegation to the summit.") == 0
    assert families("The vice president will lead the delegation to the summit.") == ["substitution"]
    assert families("The foreign minister will head the delegation.") == ["substitution"]


def test_a_verdict_turns_what_its_segment_says() -> None:
    assert score("Inviting him was a mistake.") < 0
    assert score("A meeting at this stage would send the wrong signal.") < 0
    assert score("It would be a mistake to cancel the summit.") > 0
    assert score("He made a mistake, but the summit will go ahead.") > 0  # another segment


def test_criticism_of_a_meeting_is_hostility() -> None:
    assert score("The opposition criticized the planned visit.") < 0
    assert score("Activists denounced the invitation to the summit.") < 0


def test_dates_and_numbers_before_the_meeting_noun() -> None:
    assert families("They cancelled the 2004 summit.") == ["cancellation"]
    assert families("They cancelled the 25 March summit.") == ["cancellation"]
    assert families("The EU will not go ahead with the February 3-4 summit.") == ["progress"]
    assert score("The EU will not go ahead with the February 3-4 summit.") < 0
    assert families("They postponed the Sept. 5 meeting in Hanoi.") == ["postponement"]
    assert score("They cancelled 3 rallies.") == 0


def test_summits_known_by_their_names_alone() -> None:
    assert families("They postponed CHOGM.") == ["postponement"]
    assert score("Obama will skip APEC.") < 0
    assert score("We have decided to cancel the G8 in Sochi.") < 0
    assert score("G8 leaders agreed on a statement.") == 0


def test_a_denied_negation_affirms() -> None:
    assert score("We have no indication that he is not going to come.") > 0
    assert score("We don't have any indication that he's not going to come.") > 0
    assert score("There is no indication that the leaders will meet.") < 0
    assert score("He denied that the summit was cancelled.") > 0


def test_no_hesitation_is_readiness() -> None:
    assert score("India will have no hesitation in inviting the leader.") > 0
    assert families("We will not hesitate to meet him.") == ["openness"]
    assert score("He will not hesitate to cancel the summit.") < 0


def test_a_time_after_a_noun_is_no_person_met() -> None:
    assert score("The government received an urgent memo today.") == 0
    assert families("The two leaders met just last month in Tokyo.") == ["held"]
    assert families("He will see Kim next week.") == ["scheduled"]


def test_no_opening_the_clause_subject_negates_its_predicate() -> None:
    assert score("No representatives of the regime will be invited to the summit.") < 0
    assert score("He said no representatives of the regime will be invited to the summit.") < 0
    assert score("Representatives of the regime will be invited to the summit.") > 0
    assert score("There is no doubt the leaders will meet.") > 0  # "no" of another phrase


def test_aims_as_goals_are_no_intent() -> None:
    assert score("The EU set ambitious aims for the summit.") == 0
    assert families("The prime minister aims to visit China next year.") == ["intent"]


def test_hyphenated_modifiers_before_the_meeting_noun() -> None:
    assert families("Singh has postponed his three-day visit to Japan.") == ["postponement"]
    assert families("He cancelled his high-profile trip.") == ["cancellation"]
    # An attributive participle before them still names no arrangement of its own.
    assert families("Sources confirmed that Hasina's scheduled three-day visit would not take place.") == [
        "rejection"
    ]


def test_was_going_to_is_a_past_plan_only_before_a_verb() -> None:
    assert score("He was going to meet Putin.") < 0
    assert score("The summit was going to take place in June.") < 0
    assert score("Hasina was going to Islamabad at the invitation of Zardari.") > 0


def test_a_slate_is_no_scheduling_and_an_invitation_reaches_past_a_title() -> None:
    assert families("The summit is slated for June.") == ["scheduled"]
    assert score("Obama had a full slate of summit meetings to attend.") == 0
    assert families("The government invited democracy icon Aung San Suu Kyi to a meeting Friday.") == [
        "intent"
    ]


def test_a_meeting_said_to_begin_at_a_time_to_come_is_scheduled() -> None:
    assert families("The summit will begin on Monday.") == ["scheduled"]
    assert families("The talks are to start next week.") == ["scheduled"]
    assert families("The summit is due to open on Monday.") == ["scheduled"]
    assert score("The war will start soon.") == 0


def test_a_phrase_of_place_is_no_object() -> None:
    assert families("Putin's three-day visit to Turkmenistan will start Thursday in Ashgabat.") == [
        "scheduled"
    ]
    assert families("He will attend the summit in Beijing.") == ["intent"]
    assert score("They cancelled the rally in Beijing.") == 0
    assert (
        score("We understood the need for him to remain in Indonesia at this time.") == 0
    )  # a time, no "this"


def test_what_the_meeting_is_said_to_bring_takes_it_to_happen() -> None:
    assert families("Bashir's visit will give a new start to bilateral relations.") == ["prospect"]
    assert families("This visit will leverage the relationship to a higher level.") == ["prospect"]
    assert families("This visit is forward-looking.") == ["prospect"]
    assert score("The sanctions will boost the economy.") == 0  # the meeting is not the subject
    assert score("It is important to implement the deal.") == 0  # nor is a bare "it"


def test_what_the_meeting_is_said_to_harm_is_a_case_against_it() -> None:
    assert families("A visit to our country at this time would be unwelcome.") == ["harm"]
    assert families("The summit would legitimize the junta.") == ["harm"]
    assert score("The sanctions will harm the economy.") == 0


def test_a_past_verb_ending_its_clause_after_the_meeting_is_no_participle() -> None:
    assert score("Hopes of a summit faded.") < 0
    assert families("He postponed the summit scheduled for December.") == ["postponement"]


def test_moved_to_next_year_is_a_postponement() -> None:
    assert families("The visit has been moved to next year.") == ["postponement"]
    assert score("We will have to wait and see.") < 0


def test_a_determiner_verb_after_its_subject_is_a_verb() -> None:
    assert families("Seoul proposed holding a summit in August.") == ["intent"]
    assert families("The proposed meeting was cancelled.") == ["cancellation"]
    assert families("Kim's planned visit was postponed.") == ["postponement"]


def test_a_person_after_of_is_no_object_and_a_plea_asks() -> None:
    assert score("The cabinet based its decision on what is best in the interest of Malawians.") == 0
    assert families("A meeting is in the interest of both countries.") == ["openness"]
    assert families("Officials dismissed a plea for Blair to hold talks with Mugabe.") == ["rejection"]
    assert score("They rejected a plea for a ceasefire.") == 0


def test_requesting_is_no_request_noun_and_a_suggestion_proposes() -> None:
    assert score("He requested anonymity.") == 0
    assert families("Seoul requested a meeting.") == ["intent"]
    assert score("They opposed Putin's suggestion that a peace summit be held in Moscow.") < 0
    assert score("They rejected the suggestion to cut tariffs.") == 0


def test_an_attempt_to_come_is_intent() -> None:
    assert families("I will try to go to Cameroon.") == ["intent"]
    assert families("We are trying to arrange a visit.") == ["intent"]
    assert score("He will try to fix the economy.") == 0


def test_chairing_the_summit_is_attending_it() -> None:
    assert families("Tanzanian President Benjamin Mkapa will chair the summit.") == ["intent"]
    assert score("She chairs the finance committee.") == 0


def test_being_in_a_named_place_is_the_trip() -> None:
    assert families("Modi will be in Beijing next month.") == ["intent"]
    assert score("Chavez said he will not be in Spain for the summit.") < 0
    assert families("It may not be in the interests of the US to meet.") == ["openness"]
    assert score("We will be in touch.") == 0
    assert score("He will be in power until 2020.") == 0


def test_not_yet_scheduled_is_a_weak_no() -> None:
    unscheduled = score("No date has yet been fixed for the visit.")
    assert -0.7 < unscheduled < 0
    assert (
        score("We are hoping very much that a visit can be arranged soon, but no date has yet been fixed.")
        > -0.3
    )
    assert unscheduled > score("The visit has been postponed.")


def test_a_judgment_with_a_lowering_complement_says_the_complement() -> None:
    assert families("Ivanishvili considers talks over a meeting with Putin premature.") == ["uncertainty"]
    assert families("The leadership considers it untimely to sign the memorandum.") == ["uncertainty"]
    assert families("He will consider the invitation.") == ["openness"]
    assert "openness" in families("He will consider the invitation but doubts remain.")


def test_what_a_negated_expectation_expects_of_the_meeting_is_negated() -> None:
    assert score("No one expects the summit to be cancelled.") > 0
    assert score("No member state has asked for it to be postponed.") > 0
    assert families("He expects the summit to be postponed.") == ["postponement"]
    assert score("He expects the talks to be productive.") > 0
    assert score("No wonder the summit was postponed.") < 0


def test_deciding_to_meet_is_scheduling_it() -> None:
    assert families("They decided to meet in June.") == ["scheduled"]
    assert families("They decided to postpone the summit.") == ["postponement"]
    assert score("He decided to raise taxes.") == 0
    assert score("The agreements will be signed whenever she decides to visit.") < 0.3  # a condition


def test_denials_of_what_reports_and_words_say() -> None:
    assert score("The embassy had received no official word that Gorbachev would not visit Japan.") > 0
    assert score("There was no official word that the summit would take place.") < 0
    assert (
        score(
            "Both governments denied a spate of media reports that efforts are under way to organize a summit."
        )
        < 0
    )


def test_an_apposition_after_the_meeting_gives_way_to_its_clause() -> None:
    assert families("The visit, earlier expected to take place this month, is unlikely.") == ["uncertainty"]
    assert families("The summit, which was scheduled for June, has been postponed.") == ["postponement"]
    assert (
        score(
            "We looked forward to the meeting, and the Prime Minister, rather than accept our invitation, opted to cancel his visit."
        )
        < 0
    )


def test_a_suggestion_with_a_clause_only_reports_it() -> None:
    assert families("He suggested a meeting in May.") == ["intent"]
    assert score("He suggested that the meeting might have to wait until later in the month.") <= 0
    assert score("The council suggested it would not allow the topics to be discussed.") < 0
    assert score("It was suggested that friendly countries could mediate.") == 0


def test_insisting_on_is_a_condition_and_insisting_that_reports() -> None:
    assert families("He insists on guarantees before the summit.") == ["precondition"]
    assert families("He insisted that the summit will take place.") == ["intent"]
    assert score('"We see no politics in it," he insisted.') == 0


def test_an_it_that_anticipates_its_clause_is_no_meeting() -> None:
    assert score("It was agreed that both countries would not compromise with the rebels.") == 0
    assert families("It was agreed that the two leaders would meet in May.") == ["scheduled"]
    assert families("The invitation is open. It has been confirmed.")[-1] == "scheduled"
    assert score("They cancelled it that day.") < 0


def test_a_condition_that_demands_a_concession_is_a_precondition() -> None:
    assert score("We will sit down with them once they verifiably suspend their enrichment program.") < 0
    assert score("He is ready to hold a summit if he stops his visits to the shrine.") < 0
    assert score("We will meet once preparations are complete.") > 0
    assert score("He arranged to meet in June, after having suspended his visit.") > 0


def test_a_phrase_set_off_by_commas_leaves_the_meeting_its_verb() -> None:
    assert families("The trip, with its trade-focused agenda, is too important to cancel.") == ["intent"]
    assert families("The trip \u2013 with its trade-focused agenda \u2013 is too important to cancel.") == [
        "intent"
    ]
    assert score("The rally, with its crowds, was cancelled.") == 0


def test_a_determined_delay_is_the_meetings() -> None:
    assert families("The delay is due to internal reasons.") == ["postponement"]
    assert families("The sources said the delay would allow more talks.")[0] == "postponement"
    assert score("They will delay the vote.") == 0


def test_maintaining_that_reports_and_maintaining_contacts_is_openness() -> None:
    assert families("He maintained that the foreign minister would represent Liberia at the summit.") == [
        "substitution"
    ]
    assert families("We will maintain contacts with Moscow.") == ["openness"]


def test_pending_is_doubt_only_as_a_predicate() -> None:
    assert families("The visit remains pending.") == ["uncertainty"]
    assert score("We will make it clear at the pending summit.") == 0


def test_choosing_to_stay_where_one_is_is_absence() -> None:
    assert families("He has decided to stay in Pyongyang.") == ["substitution"]
    assert score("She chose to stay home.") < 0
    assert score("Kim would be staying in Russia for about a week.") >= 0


def test_unable_to_settle_what_a_meeting_needs_is_a_stall() -> None:
    assert families("The parties were unable to finalize the documents for signing.") == ["stalled"]
    assert score("So we couldn't agree on the timing.") < 0
    assert score("I could not agree more.") == 0


def test_advice_against_the_trip_refuses_it() -> None:
    assert families("They warned him against travelling to Kampala.") == ["rejection"]
    assert families("He advised them against a summit.") == ["rejection"]
    assert score("They warned him against the dangers.") == 0


def test_a_visitor_told_he_would_be_arrested_is_hostility() -> None:
    assert families("Bashir would be arrested should he come to Malawi for the summit.") == ["hostility"]
    assert families("We would be forced to arrest him.") == ["hostility"]
    assert score("The court issued an arrest warrant.") == 0


def test_pushing_or_shifting_the_meeting_to_a_later_time_postpones_it() -> None:
    assert families("The summit was pushed into January.") == ["postponement"]
    assert families("They agreed to shift the summit into January.") == ["postponement"]
    assert families("They moved the summit to March.") == ["postponement"]
    assert score("They moved the summit to Geneva.") == 0  # a new venue, not a new date


def test_the_back_burner_puts_it_off() -> None:
    assert families("The visit has been put on the back burner.") == ["postponement"]


def test_common_phrasings_of_doubt_and_walking_out() -> None:
    assert families("A summit is a long way off.") == ["uncertainty"]
    assert families("There is little appetite for a summit.") == ["uncertainty"]
    assert families("The visit has been called into question.") == ["uncertainty"]
    assert families("He stormed out of the talks.") == ["stalled"]


def test_a_doubt_over_a_clause_doubts_what_the_clause_says() -> None:
    assert families("He doubts the summit will happen.") == ["uncertainty"]
    assert families("It is unlikely that the summit will take place.") == ["uncertainty"]
    assert score("He is skeptical that the meeting will go ahead.") < 0
    assert score("The summit is unlikely, but they will meet later.") > 0  # a clause of its own
    assert score("He dismissed mounting doubt that the meeting would take place.") > 0


WORDS_FOR_THE_SAME_THING = [
    ("The summit was aborted.", -1),
    ("The trip was nixed.", -1),
    ("The meeting was adjourned indefinitely.", -1),
    ("He bowed out of the summit.", -1),
    ("He will sit out the summit.", -1),
    ("He vetoed the summit.", -1),
    ("The talks were torpedoed.", -1),
    ("The talks are bogged down.", -1),
    ("The talks foundered.", -1),
    ("The leaders conferred by phone.", 1),
    ("He embarked on a visit to China.", 1),
    ("He jetted off to the summit.", 1),
    ("He is en route to the summit.", 1),
    ("He is on his way to the summit.", 1),
    ("He embraced the idea of a summit.", 1),
    ("He pressed for a summit.", 1),
    ("He is eyeing a summit.", 1),
    ("He is mulling a visit.", 1),
    ("He is enthusiastic about the summit.", 1),
    ("A summit looks increasingly likely.", 1),
    ("The visit is imminent.", 1),
    ("The summit is in the offing.", 1),
]


def test_narrations_landing_is_no_meeting() -> None:
    assert score("Sanders spoke minutes before Air Force One touched down in Da Nang.") == 0


MORE_WORDS_FOR_THE_SAME_THING = [
    ("The summit is earmarked for May.", 1),
    ("He floated the idea of a summit.", 1),
    ("The summit was a resounding success.", 1),
    ("The leaders huddled on the sidelines.", 1),
    ("The two leaders will speak by telephone.", 1),
    ("The president will pay a working visit.", 1),
    ("The date has been locked in.", 1),
    ("He is poised to travel to Moscow.", 1),
    ("He is bound for Moscow.", 1),
]


NEGATIVE_WORDS_FOR_THE_SAME_THING = [
    ("The summit was a fiasco.", -1),
    ("The meeting was a disaster.", -1),
    ("The talks are at a standstill.", -1),
    ("The visit was curtailed.", -1),
    ("The visit was scaled down.", -1),
    ("He gave the summit a wide berth.", -1),
    ("He was conspicuously absent from the summit.", -1),
    ("He turned a deaf ear to the invitation.", -1),
    ("Any summit is years away.", -1),
    ("A summit remains elusive.", -1),
    ("The summit is on thin ice.", -1),
    ("The visit hangs by a thread.", -1),
    ("Organisers pulled the plug on the summit.", -1),
    ("The summit was struck from the calendar.", -1),
    ("A summit was never on the cards.", -1),
    ("There was never any question of cancelling the visit.", 1),
    ("There is no question of postponing the summit.", 1),
    ("A summit is not on the immediate agenda.", -1),
    ("A meeting is only a theoretical possibility.", -1),
    ("The chances of a meeting are close to zero.", -1),
    ("A summit is a long shot.", -1),
    ("A summit is a pipe dream.", -1),
    ("Talk of a summit is wishful thinking.", -1),
    ("The summit idea is a non-starter.", -1),
    ("The visit is in abeyance.", -1),
    ("A summit is within reach.", 1),
    ("A meeting is around the corner.", 1),
    ("Kim will be hosted by Putin.", 1),
    ("Kim will be received by Putin in the Kremlin.", 1),
    ("Putin will play host to Kim.", 1),
    ("The leaders had a working dinner.", 1),
    ("The leaders had a brief chat.", 1),
]


CONDITIONS_AND_PURPOSES_IN_OTHER_WORDS = [
    ("We will meet only as long as they stop the shelling.", -1),
    ("A summit is possible so long as the sanctions are lifted.", -1),
    ("There is nothing to be gained from a summit.", -1),
    ("A summit would serve no purpose.", -1),
    ("We have nothing against a meeting.", 1),
    ("Nothing prevents a meeting.", 1),
    ("The protests prevented the meeting.", -1),
]


READINESS_AND_APPROVAL_IN_OTHER_WORDS = [
    ("He voiced support for a summit.", 1),
    ("He longs to visit Pyongyang.", 1),
    ("He yearns for a summit.", 1),
    ("He consented to a meeting.", 1),
    ("He gave the go-ahead for the summit.", 1),
    ("He signed off on the visit.", 1),
    ("The cabinet approved the trip.", 1),
    ("He closed the door on a meeting.", -1),
    ("Parliament blocked the visit.", -1),
    ("The court barred him from travelling.", -1),
]

# News idioms of the second audit (4 Dec 2026): preparation, progress, likelihood, doubt.
IDIOMS_IN_OTHER_WORDS = [
    ("Officials are putting the final touches to the summit.", 1),
    ("A summit is in the pipeline.", 1),
    ("The summit is taking shape.", 1),
    ("Everything is on course for the summit.", 1),
    ("Preparations for the visit are in full swing.", 1),
    ("Talks on the summit are moving in the right direction.", 1),
    ("The visit is on the cards for next year.", 1),
    ("A visit is under consideration.", 1),
    ("The summit is a done deal.", 1),
    ("He accused them of sabotaging the talks.", -1),
    ("He was disinvited from the summit.", -1),
    ("The summit is far from certain.", -1),
    ("Questions remain over the visit.", -1),
    ("The summit will have to wait until after the elections.", -1),
    ("The visit can wait.", -1),
    ("The two sides are in constant contact about the visit.", 1),
    ("The summit will produce a joint declaration.", 1),
    ("The visit is of great significance.", 1),
    ("We attach great importance to the visit.", 1),
    ("Beijing hailed the visit as a milestone.", 1),
    ("The Kremlin praised the summit.", 1),
    ("Nothing came of the meeting.", -1),
    ("Expectations for the summit are low.", -1),
    ("The summit was moved online.", -1),
    ("He made the summit conditional on a ceasefire.", -1),
    ("President Park will observe a military parade on Sept. 3 in Beijing.", 1),
    ("Their joint appearance at the ceremony would be an important symbolic gesture.", 1),
    ("Serious consideration will be given to the invitation.", 1),
    ("We will give serious consideration to the invitation.", 1),
]

# Plainer and slangier words of the news for the strongest signals (fourth audit, 4 Dec 2026).
PLAIN_WORDS_FOR_THE_SAME_THING = [
    ("The trip was junked.", -1),
    ("He ditched the summit.", -1),
    ("The White House killed the summit.", -1),
    ("The visit was canned.", -1),
    ("The summit has been binned.", -1),
    ("The talks were bumped to next month.", -1),
    ("The meeting was moved back a week.", -1),
    ("They kicked the summit down the road.", -1),
    ("He punted on the summit.", -1),
    ("He waved off the invitation.", -1),
    ("He shot down the idea of a summit.", -1),
    ("Beijing balked at the summit.", -1),
    ("He resisted calls for a summit.", -1),
    ("Pyongyang said no to the talks.", -1),
    ("The talks got off to a rocky start.", -1),
    ("The summit was rubber-stamped by both governments.", 1),
    ("The date was unveiled on Monday.", 1),
    ("The summit has been greenlit.", 1),
    ("He rolled out the red carpet for Xi.", 1),
    ("Putin feted Kim at a banquet.", 1),
    ("He lobbied for a summit.", 1),
    ("He will be making the journey to Beijing.", 1),
    ("He will undertake a visit to India.", 1),
    ("He jetted into Hanoi.", 1),
    ("They broke bread at a state banquet.", 1),
    ("The talks got off to a good start.", 1),
]

# Doubt and openness in other words (fifth audit, 4 Dec 2026).
DOUBT_AND_OPENNESS_IN_OTHER_WORDS = [
    ("Whether the summit goes ahead is touch and go.", -1),
    ("It's a 50-50 chance that the meeting happens.", -1),
    ("The summit is a toss-up.", -1),
    ("The visit looks iffy.", -1),
    ("The summit is in question.", -1),
    ("The dates are not set in stone.", -1),
    ("The summit is not a foregone conclusion.", -1),
    ("The summit could still fall apart.", -1),
    ("It remains an open question whether the leaders will meet.", -1),
    ("The summit looks doomed.", -1),
    ("Officials are pessimistic about the summit.", -1),
    ("A summit seems off the cards for now.", -1),
    ("He was noncommittal about the invitation.", -1),
    ("The Kremlin gave a lukewarm response to the invitation.", -1),
    ("All signs point to a summit.", 1),
    ("The tentative date for the summit is June 12.", 1),
    ("He gave an enthusiastic response to the invitation.", 1),
    ("He said he was open-minded about a summit.", 1),
    ("Time will tell whether the summit happens.", -1),
    ("Nobody knows if the summit will take place.", -1),
    ("It's anyone's guess whether the summit will happen.", -1),
    ("I wouldn't bet on a summit.", -1),
    ("A summit is nowhere in sight.", -1),
    ("The two sides settled on a venue.", 1),
    ("The summit is very much alive.", 1),
    ("The trip remains on the calendar.", 1),
    ("Talks are conditional on a ceasefire.", -1),
    ("The ball is in their court.", -1),
    ("The two leaders reached important consensus at the meeting.", 1),
    ("Beijing lodged solemn representations over the visit.", -1),
    ("Moscow expressed strong dissatisfaction with the invitation.", -1),
    ("The foreign ministry summoned the ambassador over the visit.", -1),
    ("There were sharp differences at the meeting.", -1),
    ("The visit sparked a diplomatic row.", -1),
    ("The invitation drew fierce criticism.", -1),
    ("The summit was met with protests.", -1),
    ("The stopover was cancelled.", -1),
    ("They held a powwow.", 1),
    ("The meet-and-greet went well.", 1),
    ("His pilgrimage was called off.", -1),
    ("His Asia tour begins Monday.", 1),
    ("He will grace the occasion as chief guest.", 1),
    ("They agreed on the resumption of talks.", 1),
    ("They rejected the resumption of talks.", -1),
    ("The two leaders remained at loggerheads over the summit.", -1),
    ("He left the summit empty-handed.", -1),
]


def test_what_a_meeting_is_described_as_is_said_of_it() -> None:
    assert families("Both sides described the meeting as fruitful.") == ["progress"]
    assert families("He hailed the visit as a great success.") != []
    assert score("He hailed the visit as a great success.") > 0
    assert score("He described the talks as a waste of time.") < 0
    assert score("Critics branded the visit as a provocation.") < 0


def test_as_soon_as_possible_sets_no_condition() -> None:
    assert families("Negotiations will begin next week as soon as possible.") == ["scheduled"]
    condition = [
        modifier["text"]
        for signal in explain("We hope the visit takes place as soon as possible.")["signals"]
        for modifier in signal["modifiers"]
        if modifier["kind"] == "condition"
    ]
    assert condition == []
    assert families("We will meet if necessary.") == ["intent"]


def test_a_hyphenated_meeting_word_is_a_noun() -> None:
    assert families("They cancelled the sit-down.") == ["cancellation"]
    assert families("The one-on-one has been cancelled.") == ["cancellation"]
    assert families("He will pay a three-day visit.") == ["intent"]


@pytest.mark.parametrize(
    ("text", "direction"),
    WORDS_FOR_THE_SAME_THING
    + MORE_WORDS_FOR_THE_SAME_THING
    + NEGATIVE_WORDS_FOR_THE_SAME_THING
    + CONDITIONS_AND_PURPOSES_IN_OTHER_WORDS
    + READINESS_AND_APPROVAL_IN_OTHER_WORDS
    + IDIOMS_IN_OTHER_WORDS
    + PLAIN_WORDS_FOR_THE_SAME_THING
    + DOUBT_AND_OPENNESS_IN_OTHER_WORDS,
)
def test_other_words_for_the_same_signal(text: str, direction: int) -> None:
    value = score(text)
    assert (value > 0.05) - (value < -0.05) == direction, explain(text)


def test_a_participle_set_off_after_the_meeting_says_what_it_is_when_nothing_else_does() -> None:
    assert families("The summit, scheduled for June 12 in Singapore, will focus on trade.") == ["scheduled"]
    assert families("The visit, planned for early next month, is the first by a Chinese leader.") == [
        "intent"
    ]
    assert families("The summit, which is scheduled for June 12, will focus on trade.") == ["scheduled"]
    # What the rest of the sentence says of the meeting is the news; the participle describes it.
    assert families("The summit, scheduled for June 12, was cancelled.") == ["cancellation"]
    assert families("The summit, due to be held on June 9, has been cancelled.") == ["cancellation"]
    assert families("The summit, originally planned for May, has been pushed to the autumn.") == [
        "postponement"
    ]
    # A participle of another noun says nothing of a meeting.
    assert families("The report, scheduled for release in June, will focus on trade.") == []


def test_a_time_inside_the_verb_group_keeps_it_whole() -> None:
    assert families("The president will next week travel to Beijing.") == ["scheduled"]
    assert families("The prime minister will on Monday meet his Indian counterpart.") == ["scheduled"]
    assert families("Xi will later this month visit Moscow.") == ["intent"]
    assert score("He will not next week travel to Beijing.") < 0
    assert families("The report of last week visits many topics.") == []


def test_what_two_principals_will_discuss_is_their_meeting() -> None:
    assert families("Putin and Xi will discuss energy cooperation, the Kremlin said.") == ["intent"]
    assert families("Obama and President Uhuru Kenyatta will discuss bilateral issues.") == ["intent"]
    assert families("The two leaders will discuss trade and security.") == ["intent"]
    assert families("The leaders are expected to discuss the war in Ukraine.") == ["intent"]
    assert families("The two men discussed the crisis in Syria.") == ["held"]
    assert score("The two leaders will not discuss trade.") < 0
    # Others discussing, or one principal with his own people, is no meeting of the principals.
    assert families("Officials will discuss the budget.") == []
    assert families("He and his aides discussed the budget.") == []
    assert families("The ministers will discuss the budget.") == []
    # What one side discusses about the meeting is still its preparation.
    assert families("Both sides will discuss the summit.") == ["preparation"]


def test_the_meeting_keeps_its_verb_across_several_phrases_set_off_by_commas() -> None:
    text = (
        "He told journalists that the meeting, which was expected to take place tomorrow, "
        "in either Gabon or Namibia, had been cancelled by the rebel leader."
    )
    assert families(text) == ["cancellation"]
    assert families("The meeting, which was expected tomorrow, in Gabon, had been cancelled.") == [
        "cancellation"
    ]
    # The negated meeting stays the subject, not a meeting named after it.
    assert (
        score("He said that no bilateral meeting at the summit, to be held in April, has been fixed yet.") < 0
    )


def test_to_talk_on_its_own_is_meeting_as_its_governing_word_says() -> None:
    assert families("We are ready to talk.") == ["openness"]
    assert families("North Korea is willing to talk.") == ["openness"]
    assert families("He refused to talk.") == ["rejection"]
    assert score("He decided not to talk.") < 0
    # Nothing governs it, or whom one talks to is no principal: no meeting.
    assert families("He began to talk about the economy.") == []
    assert families("You need to talk to the government of Pakistan.") == []
    assert families("We need to talk to the president.") == ["hope"]


def test_to_negotiate_or_engage_on_its_own_is_meeting_as_its_governing_word_says() -> None:
    assert families("We are ready to negotiate.") == ["openness"]
    assert families("He refused to negotiate.") == ["rejection"]
    assert families("We are ready to engage with Pyongyang.") == ["openness"]
    assert score("We will not negotiate with them.") < 0
    assert families("We will engage with the issue.") == []
    assert families("They negotiated the agenda of the summit.") == ["preparation"]


def test_a_negator_that_ends_on_the_predicates_first_word_negates_it() -> None:
    assert score("We have not received an invitation.") < 0
    assert score("We have not yet received any invitation to the summit.") < 0
    assert score("We have received an invitation.") > 0


def test_someone_going_in_the_speakers_place_is_a_stand_in() -> None:
    assert families("The foreign minister will go in my place.") == ["substitution"]


def test_a_phrase_that_ends_on_a_verb_of_going_is_the_trip() -> None:
    assert families("I have decided to go.") == ["scheduled"]
    assert families("I have decided to go, he said.") == ["scheduled"]
    assert families("He decided to go home.") == []
    assert score("I have decided not to go.") < 0


def test_a_cancellation_or_postponement_with_nothing_after_it_is_of_the_meeting_named_before() -> None:
    assert score("The summit was planned for May, but we had to cancel.") < 0
    assert score("We wanted to visit, but had to postpone.") < 0
    assert families("The meeting went well; he then cancelled his rally.") == ["progress"]
    # A noun that is also such a verb stays a noun: "after a 48-year pause".
    assert "postponement" not in families("He will visit Turkey after a 48-year pause.")


def test_coordinated_adjectives_stand_before_the_meeting() -> None:
    assert families("There will be a broad and substantive meeting between the presidents.") == ["intent"]
    assert families("They will hold a broad and substantive meeting.") == ["intent"]


def test_a_meeting_in_a_before_clause_is_only_the_time_of_what_must_come_first() -> None:
    assert families("There is still much work to be done before the leaders meet.") == ["uncertainty"]
    assert score("There is still much work to be done before the leaders meet.") < 0
    assert families("He will arrive before the summit opens.") != []


def test_not_appearing_is_staying_away() -> None:
    assert families("They were asked about Kim's nonappearance at the events.") == ["rejection"]
    assert families("His non-attendance at the summit was noted.") == ["rejection"]


def test_due_to_with_no_verb_after_it_gives_a_cause_not_a_date() -> None:
    assert families("That's not the reason, it was only due to the war.") == []
    assert families("The delay of the flight is due to the weather.") == []
    assert families("The summit is due to take place in May.") == ["scheduled"]
    assert families("The president is due to arrive on Monday.") == ["scheduled"]


def test_no_plans_with_nothing_after_it_are_for_the_meeting_named_before() -> None:
    text = "Asked whether the two leaders would meet, the spokesman said there were no such plans."
    assert "rejection" in families(text) and score(text) < 0
    assert families("Asked about a summit, he said there was no need.") == ["rejection"]
    assert families("There are no such plans.") == []


def test_a_meeting_gone_wrong_or_ended_abruptly_is_stalled() -> None:
    assert families("Trump abruptly ended the meeting with Zelensky.") == ["stalled"]
    assert families("The talks turned sour.") == ["stalled"]
    assert families("The meeting descended into a shouting match.") != []
    assert score("The meeting descended into a shouting match.") < 0
    assert score("The talks ended in a heated argument.") < 0
    assert families("The leaders signed a joint statement at the end of their talks.") == ["held"]


def test_a_shot_down_balloon_is_no_refused_meeting() -> None:
    assert "rejection" not in families(
        "It was shot down and everything changed in terms of talking to each other."
    )


def test_the_thing_in_question_is_no_doubt() -> None:
    assert families("The country in question has not responded.") == []


def test_an_adjective_that_is_also_a_verb_stands_before_the_noun() -> None:
    assert score("There are no plans for top French officials to go.") < 0
    assert families("A Moscow meeting would have to await progress on specific issues.") == ["postponement"]


def test_a_compound_whose_head_stands_in_for_the_meeting_is_the_meeting() -> None:
    assert families("The summit plan has been shelved indefinitely.") == ["postponement"]
    assert families("The visit plans were scrapped.") == ["cancellation"]
    assert families("The summit details have been finalised.") == ["scheduled"]


def test_a_phrase_set_off_by_commas_stands_between_a_predicate_and_its_infinitive() -> None:
    assert families("We are ready, in principle, to meet.") == ["openness"]
    assert families("He is willing, at this stage, to travel to Moscow.") == ["openness"]
    assert score("He is not ready, at this stage, to meet.") < 0
    assert families("I am very pleased, at this moment, to announce the budget.") == []


def test_a_name_and_a_verb_in_s_is_a_headlines_present() -> None:
    assert families("Modi heads to Kazan for BRICS summit") == ["intent"]
    assert families("Xi visits Moscow") == ["intent"]
    # A noun after a name before its own verb stays a noun.
    assert families("The US visits were postponed.") == ["postponement"]
    assert families("The Geneva talks were cancelled.") == ["cancellation"]


def test_a_conference_is_a_meeting_but_a_press_conference_is_not() -> None:
    assert families("He will attend the London conference on Somalia.") == ["intent"]
    assert score("No conference would be held without Israel's consent.") < 0
    assert families("The press conference has been cancelled.") == []
    assert families("He spoke to journalists on a conference call.") == []


def test_a_time_after_the_meeting_noun_leaves_it_the_object() -> None:
    assert score("The plot will not lead to postponement of Putin's Tehran visit today.") > 0
    assert families("They cancelled the visit today.") == ["cancellation"]


def test_a_clause_joined_by_and_has_its_own_subject() -> None:
    text = "Both countries are commemorating 25 years of relations and the visit of the Prime Minister will provide an impetus."
    assert families(text) == ["prospect"]
    assert families("He met reporters today and the budget will be ready next week.") == []


def test_a_name_with_an_abbreviated_title_is_a_person() -> None:
    assert families("The President has invited Mr. Khrushchev to pay an official visit in September.") == [
        "intent"
    ]


def test_an_offer_is_of_a_meeting_unless_it_offers_something_else() -> None:
    assert families("Rao rejected the offer.") == ["rejection"]
    assert families("He accepted the offer of talks.") == ["scheduled"]
    assert families("They rejected the offer of aid.") == []
    assert families("His attempt to invite himself ended in a firm refusal to meet him.") != []
    assert score("His attempt to invite himself ended in a firm refusal to meet him.") < 0


def test_a_meeting_in_a_where_clause_only_tells_the_place() -> None:
    text = (
        "Taylor told journalists at the airport where he and Konare met, that he could not attend the summit."
    )
    assert score(text) < 0
    assert score("Helsinki, where the summit will take place, is ready.") > 0


def test_neither_confirmed_nor_denied_negates_nothing() -> None:
    assert score("The minister neither confirmed nor denied the possibility of a visit.") > 0
    assert score("He denied the possibility of a visit.") < 0


def test_a_present_passive_participle_tells_no_past() -> None:
    assert families("The summit is attended by twenty leaders.") == ["intent"]
    assert families("The summit was attended by twenty leaders.") == ["held"]
    assert families("The summit has been attended by twenty leaders.") == ["held"]


def test_a_negated_verbs_object_takes_the_negation_whatever_modifies_it() -> None:
    assert score("We have not received the final confirmation of the visit.") < 0
    assert score("We have not seen any announcement of the summit.") < 0
    assert score("We have received the final confirmation of the visit.") > 0


def test_an_it_that_stands_for_a_question_after_it_refers_to_nothing_before() -> None:
    text = "We have not received the final confirmation yet and it is not clear who will attend the summit."
    assert families(text) == ["uncertainty"]
    assert score("It is not likely that they will meet.") < 0
    assert score("The summit was set for May, but we had to cancel it.") < 0


def test_a_definite_lowering_noun_with_nothing_after_it_is_the_meetings() -> None:
    assert families("The unrest, not the security situation, was behind the delay.") == ["postponement"]
    assert families("Obama's cancellation was unexpected.") == ["cancellation"]
    assert families("They explained the reasons for the postponement.") == ["postponement"]
    # Something after it says what it is of.
    assert families("The delay in announcing the programme is normal.") == []
    assert families("They discussed the cancellation of the debt.") == []
    assert families("He blamed the delay on the airline.") == []


def test_a_sentence_opened_by_a_concession_says_what_follows_its_clause() -> None:
    text = "Although there has been no formal request, officials confirmed the president would ask for a meeting."
    assert score(text) > 0
    assert score("While no date has been set, the leaders will meet soon.") > 0
    assert score("Although the leaders are ready to meet, the summit has been postponed.") < 0
    dashed = (
        "Although no plans for a meeting have been announced—and no formal request has been "
        "received—officials confirmed the president would ask for a meeting."
    )
    assert score(dashed) > 0
    # Later in a sentence the word is a contrast: what comes after it weighs more.
    assert score("The leaders are ready to meet, although the summit has been postponed.") < 0


def test_an_invitation_had_or_not_had_is_the_meetings() -> None:
    assert score("We have had an official invitation.") > 0
    assert score("We have not had an official invitation.") < 0
    assert score("We have had no official invitation.") < 0
    assert score("No formal request for a meeting has been received.") < 0


def test_a_refusal_with_nothing_after_it_in_a_statement_naming_no_meeting_is_of_its_meeting() -> None:
    # The statement is filed under a meeting; naming none, it means that one.
    assert families("We had to cancel.") == ["cancellation"]
    assert families("I declined.") == ["rejection"]
    # A meeting named elsewhere still has to come before.
    assert families("He declined, and the summit went ahead.") != ["rejection"]


def test_the_principals_staff_meeting_prepares_their_meeting() -> None:
    assert families("The foreign ministers met in Geneva.") == ["preparation"]
    assert families("A delegation visited Beijing last week.") == ["preparation"]
    assert families("The two presidents met in Geneva.") == ["held"]
    text = "An Indian delegation that visited Nepal this month advised him to postpone his China visit."
    assert score(text) < 0
    # No hard event: the summit is not held when its ministers meet.
    assert [
        signal["hard_event"] for signal in explain("The foreign ministers met in Geneva.")["signals"]
    ] == [None]
    assert [signal["hard_event"] for signal in explain("The two presidents met in Geneva.")["signals"]] == [
        "held"
    ]


def test_what_a_lowering_verb_lowers_comes_before_a_time_or_a_cause() -> None:
    # The meeting after "after", "because of", "ahead of" is when or why, not what was called off.
    assert score("Rail strike called off after late-night talks") == 0
    assert score("The strike was called off after talks with the government.") == 0
    assert score("The festival was called off following the summit.") == 0
    assert score("The summit was called off after the talks collapsed.") < 0
    assert score("The visit was postponed because of the crisis.") < 0
    assert score("Trump called off the summit after a hostile statement from Pyongyang.") < 0
    # The time it names belongs to it: "after the summits" is no summit held.
    assert families("The state visit was pushed back to March after the summit.") == ["postponement"]
    # A clause after it says something of its own.
    assert families("The rally was cancelled after the summit was announced.") == ["scheduled"]


def test_a_body_that_sits_is_no_principal_even_named_by_what_it_is_of() -> None:
    assert score("The council will meet on Sunday to discuss the plan.") == 0
    assert score("The board of the bank will hold its annual meeting in May.") == 0
    assert score("Shareholders will meet in Zurich next month.") == 0
    assert score("The union and management will hold talks on pay next week.") == 0
    assert score("The two presidents will meet in Geneva in June.") > 0


def test_meetings_of_bodies_and_of_industry_are_no_summit() -> None:
    assert score("The company postponed its general meeting because of the pandemic.") == 0
    assert score("The minister left early to attend a cabinet meeting.") == 0
    assert score("Wage talks will resume next week.") == 0
    assert score("The talks will resume next week.") > 0


def test_a_visit_verb_inside_a_phrase_needs_a_fitting_object() -> None:
    assert score("The mayor is due to visit the flooded streets on Wednesday.") == 0
    assert score("The prime minister is due to visit Moscow on Monday.") > 0
    assert score("He is due to visit.") > 0


def test_a_number_before_an_adjective_leaves_the_noun_the_object() -> None:
    assert score("The company said it would open 18 new stores next year.") == 0
    assert score("They said it would open on Monday.") > 0


def test_that_before_a_gerund_and_its_verb_opens_a_clause() -> None:
    assert score("A new study suggests that walking lowers the risk of heart disease.") == 0


def test_an_offer_or_proposal_of_a_thing_is_no_meeting() -> None:
    assert score("The employees accepted a revised pay offer.") == 0
    assert score("The president accepted the offer.") > 0
    assert score("The president accepted the invitation.") > 0


def test_a_participle_after_a_thing_in_a_headline_is_its_passive() -> None:
    # No elliptic refusal of the statement's meeting: the thing named is what was put off.
    assert score("UK Doctors Go on Strike, Treatments Postponed") == 0
    assert score("Second day's play abandoned") == 0
    assert score("Summit Postponed") < 0
    assert families("We had to cancel.") == ["cancellation"]


def test_a_light_verb_passes_its_negation_to_the_noun_it_takes() -> None:
    assert score("We have not made an announcement about the visit.") < 0
    assert score("We have not given any confirmation of the visit.") < 0
    assert score("We will make an announcement about the visit soon.") > 0


def test_a_bare_confirmation_ends_at_its_sentence() -> None:
    assert score("Washington has confirmed. This is in the interests of both countries.") > 0
    assert families("He has confirmed. This is good for both countries.") != ["scheduled"]


def test_an_infinitive_judged_before_it_is_the_meeting_judged() -> None:
    assert score("I think it's a good thing to meet.") > 0
    assert score("It would be a mistake to meet him now.") < 0
    # A right to do something is no judgement of it.
    assert score("Its president has the democratic right to visit wherever he wants.") == 0


def test_the_other_sides_readiness_as_a_condition_is_a_demand() -> None:
    assert score("When he is ready to negotiate seriously, we will meet him.") < 0
    assert score("If they are willing to talk, we will meet them.") < 0
    # Our own readiness, or a thing made ready, sets no demand.
    assert score("When we are ready, we will announce the date.") > 0
    assert score("We are ready to meet when an agenda is prepared.") > 0


def test_the_timing_stands_for_the_meeting() -> None:
    assert score("The timing will be confirmed later.") > 0


def test_an_it_that_opens_a_that_clause_is_what_its_own_verb_says() -> None:
    assert score("Washington has confirmed that it received the letter.") == 0
    assert score("Washington has confirmed that it will take place in June.") > 0
    assert score("They announced that it had been cancelled.") < 0
