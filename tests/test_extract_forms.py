"""Extraction: the forms of real reporting that issue 13 found missed, one test each.

Sentences are invented in the style of the articles in tests/articles/ (people made up where a
real name is not needed); each test names the form it pins.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summit_outlook.extract import Candidate, extract_statements, load_extraction_rules

RULES = load_extraction_rules()
TUESDAY = dt.date(2023, 3, 21)


def extract(text: str, published: dt.date = TUESDAY, home_side: str | None = None) -> list[Candidate]:
    return extract_statements(text, published=published, rules=RULES, home_side=home_side)


def by_text(candidates: list[Candidate], words: str) -> Candidate:
    matches = [candidate for candidate in candidates if words in candidate.text]
    assert len(matches) == 1, f"{words!r}: {[(c.speaker, c.text) for c in candidates]}"
    return matches[0]


# --- who: names and descriptions ---------------------------------------------------------------


def test_a_name_written_family_name_first_is_found_by_its_first_word() -> None:
    """British and Asian style: "Xi Jinping", then "Mr Xi"; "Nawaz Sharif", then "Nawaz"."""
    found = extract(
        "Chinese President Xi Jinping arrived in Moscow on Monday.\n"
        '"We are ready to work together," Mr Xi told his host.'
    )
    assert [(c.speaker, c.role.value, c.side) for c in found] == [("Xi Jinping", "head_of_state", "China")]


def test_a_first_word_two_people_share_finds_neither() -> None:
    found = extract(
        "Kim Yo Jong and Kim Chang Son arrived in Vladivostok on Monday.\n"
        '"Everything is ready," Kim told reporters.'
    )
    assert [c.speaker for c in found] == ["Kim"]


def test_a_name_set_in_capitals_is_the_same_person_later() -> None:
    found = extract(
        'DONALD TRUMP praised the talks on Monday. "It went very well," Mr Trump said.',
        home_side="United Kingdom",
    )
    assert {c.speaker for c in found} == {"Donald Trump"}


@pytest.mark.parametrize("opening", ["Additionally", "Pressed further", "Separately"])
def test_an_opening_adverb_or_participle_is_not_a_speaker(opening: str) -> None:
    found = extract(
        "Chinese Foreign Ministry spokesman Wang Lei said on Friday that the visit would go ahead.\n"
        f"{opening}, the spokesman said that China would play a constructive role."
    )
    assert [c.speaker for c in found] == ["Wang Lei", "Wang Lei"]


def test_a_description_after_an_untitled_name_is_that_person() -> None:
    """'Putin said ...' then 'The Russian president added': one person, who is the Russian
    president in every statement, the earlier ones included."""
    found = extract(
        '"We are always open to negotiations," Putin said.\n'
        'The Russian president added: "China has made a tremendous leap forward."'
    )
    assert [(c.speaker, c.role.value, c.side) for c in found] == [
        ("Putin", "head_of_state", "Russia"),
        ("Putin", "head_of_state", "Russia"),
    ]


def test_a_description_of_another_country_is_not_the_last_person() -> None:
    found = extract(
        '"We are always open to negotiations," said Ivan Sorokin, the Kremlin spokesman.\n'
        'The Chinese president added: "We are ready."'
    )
    assert found[1].speaker == "unnamed Chinese president"


# --- bodies and their roles --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "role", "side"),
    [
        ("The Kremlin said the visit was agreed.", "Kremlin", "official", "Russia"),
        ("Kyiv has said that any talks need a ceasefire.", "Kyiv", "official", "Ukraine"),
        (
            "The Kremlin press service said the visit was agreed.",
            "unnamed Kremlin press service",
            "spokesperson",
            "Russia",
        ),
        ("Cheong Wa Dae said the summit was postponed.", "Cheong Wa Dae", "official", "South Korea"),
    ],
)
def test_a_body_speaks_with_its_officials_weight_and_its_press_service_as_a_spokesperson(
    sentence: str, speaker: str, role: str, side: str
) -> None:
    (found,) = extract(sentence)
    assert (found.speaker, found.role.value, found.side) == (speaker, role, side)
