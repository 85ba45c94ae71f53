"""Extraction rules written for attribution and date forms the form corpus (tests/forms/) showed
missing: one test each, on invented sentences of the same form (never a corpus paragraph)."""

from __future__ import annotations

import datetime as dt

from summit_outlook.extract import Candidate, extract_statements

PUBLISHED = dt.date(2018, 7, 18)  # a Wednesday


def extract(text: str, published: dt.date = PUBLISHED, home_side: str | None = None) -> list[Candidate]:
    return extract_statements(text, published=published, home_side=home_side)


def test_ambassador_to_the_country_served_is_not_the_envoys_side():
    # "to the US" names where an ambassador serves; the nationality before the title is theirs.
    (found,) = extract("Talks should go on, Chinese Ambassador to the US Cui Tiankai told reporters.")
    assert (found.speaker, found.role.value, found.side) == ("Cui Tiankai", "envoy", "China")
    assert found.text.startswith("Talks should go on")


def test_a_known_official_named_bare_holds_the_office_of_the_day():
    # "Coats said" in July 2018: the Director of National Intelligence, an American official.
    (found,) = extract('"That risk is always there," Coats said.')
    assert (found.speaker, found.role.value, found.side) == ("Coats", "official", "United States")
    # Years before he held it, the same bare name is nobody the rules know.
    (earlier,) = extract('"That risk is always there," Coats said.', published=dt.date(2012, 7, 18))
    assert earlier.role.value == "other"


def test_the_leader_described_by_country_and_office_is_the_days_holder():
    # "added the Chinese president": the one President of China on the day (office_holders).
    (found,) = extract("The two sides should deepen their cooperation, added the Chinese president.")
    assert (found.speaker, found.role.value, found.side) == ("Xi Jinping", "head_of_state", "China")
    (earlier,) = extract(
        "The two sides should deepen their cooperation, added the Chinese president.",
        published=dt.date(2009, 11, 17),
    )
    assert earlier.speaker == "Hu Jintao"
    # A former holder is nobody the office names.
    (former,) = extract("The two sides should deepen their cooperation, said a former Chinese president.")
    assert former.speaker != "Xi Jinping"


def test_a_time_clause_after_told_reporters_is_when_not_what():
    # The words are the clause before the attribution, not "after the two-day summit".
    (found,) = extract(
        "The sides agreed to talk again, the minister told reporters Friday after the two-day summit."
    )
    assert found.text.startswith("The sides agreed to talk again")
    # A "that" later in the sentence still brings the words after it.
    (later,) = extract("Putin told reporters after the meeting that Russia had not ruled out airstrikes.")
    assert later.text.startswith("Russia had not ruled out airstrikes")


def test_answered_introduces_a_quotation():
    (found,) = extract(
        'Asked whether the meeting was recorded, the director answered, "That risk is always there."'
    )
    assert found.text.startswith("That risk is always there")


def test_mocked_as_with_a_quotation_is_a_statement_without_one_is_not():
    (found,) = extract('The former president mocked his rival as an "insolent pig" on Saturday.')
    assert "insolent pig" in found.text
    assert extract("The former president mocked the idea of talks.") == []


def test_a_reporting_phrase_between_speaker_and_verb():
    # "X in an interview on Friday (Feb 28) said": how and when, between the speaker and "said".
    (found,) = extract(
        "The Ukrainian president in an interview on Friday (Feb 28) said he would not apologise.",
        published=dt.date(2025, 3, 1),
    )
    assert found.text.startswith("he would not apologise")
    assert found.date == dt.date(2025, 2, 28)


def test_quoted_on_a_place_as_saying():
    # "was quoted on <where> as saying:": the speaker is before "was quoted".
    (found,) = extract('Mr Peskov was quoted on the Kremlin website as saying: "The talks were useful."')
    assert (found.speaker, found.text) == ("Peskov", "The talks were useful.")


def test_a_bulleted_summary_line_is_a_paragraph_without_its_mark():
    text = "- Putin denied meddling and said Russia would not interfere.\n- Trump said the talks went well."
    found = extract(text, published=dt.date(2018, 7, 16))
    assert [(c.speaker, c.text) for c in found] == [
        ("Putin", "Russia would not interfere."),
        ("Trump", "the talks went well."),
    ]
