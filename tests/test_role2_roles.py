"""Bare role nouns resolved to the right office-holder (issue 14, role2): invented texts, checked values."""

from __future__ import annotations

from tests.extracted import participant_names


def test_role2_office_of_a_country_named_last_in_its_sentence_is_that_countrys():
    # "the President of the United States." ends its sentence: the country is read without the next sentence's
    # first word, so the office is the United States' holder in the document's year, not a president named before
    text = ("Last month Foreign Minister Ana Lind visited Helsinki, where she met with the President of the United States. "
            "She then flew home.")
    assert participant_names(text, year=2010) == [["Ana Lind", "Barack Obama"]]
    text = ("Last month Foreign Minister Ana Lind visited Helsinki, where she met with the President of Finland. "
            "She then flew home.")
    assert participant_names(text, year=2010) == [["Ana Lind", "Tarja Halonen"]]
