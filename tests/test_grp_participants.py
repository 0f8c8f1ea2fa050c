"""Groups as written as meeting participants (issue 14, helper grp): each test an invented text with the participants it must give."""

from __future__ import annotations

import pytest

from tests.extracted import participant_names


@pytest.mark.parametrize(("text", "expected"), [
    # the people a meeting noun is 'of', with their own 'of' complement: the group as written, the article dropped
    ("Officials said a meeting of the chiefs of the regional water boards took place on Friday.",
     [["chiefs of the regional water boards"]]),
    # a quantifier before the group stays, as written
    ("A meeting of some of the tribal leaders of the northern valleys was held on Friday.",
     [["some of the tribal leaders of the northern valleys"]]),
    # a separate meeting of its own, not the one named before it
    ("President Ana Lind met Prime Minister Tomasz Varga on Monday. Separately, there was also a meeting of the chiefs of the coast guards.",
     [["Ana Lind", "Tomasz Varga"], ["chiefs of the coast guards"]]),
])
def test_grp_people_a_meeting_noun_is_of_are_the_group_as_written(text, expected):
    assert participant_names(text, year=2021) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the phrase says nobody's: no participant, no meeting
    ("A meeting of senior officials took place on Friday.", []),
    # countries named in it: the countries, as before
    ("A meeting of the leaders of Peru and Chile took place on Friday.", [["Peru", "Chile"]]),
])
def test_grp_people_of_a_meeting_naming_nobody_or_a_country_are_not_written(text, expected):
    assert participant_names(text, year=2021) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # armed groups against a state are no officials of the country their adjective names: as written
    ("The government will hold talks with the pro-Norland separatists next week.", [["pro-Norland separatists"]]),
    ("The envoy met Andean rebels in the hills on Monday.", [["Andean rebels"]]),
    ("President Ana Lind will meet with Peruvian rebels next week.", [["Ana Lind", "Peruvian rebels"]]),
    # officials of a country stay that country
    ("President Ana Lind will meet with Peruvian officials next week.", [["Ana Lind", "Peru"]]),
])
def test_grp_armed_groups_against_a_state_are_written_with_their_adjective(text, expected):
    assert participant_names(text, year=2021) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the whole clause before a meeting verb is a people phrase that says whose: the group as written
    ("Andean leaders met in Lima on Friday.", [["Andean leaders"]]),
    ("Some of the Andean leaders met in Lima on Friday.", [["Some of the Andean leaders"]]),
    ("The heads of the regional water boards met in Lima on Friday.", [["heads of the regional water boards"]]),
    # in reported speech the clause starts after the cue
    ("Officials said Andean leaders met in Lima.", [["Andean leaders"]]),
    # a sentence-initial capital is no modifier: 'Senior officials' says nobody's
    ("Senior officials met in Lima on Friday.", []),
])
def test_grp_a_people_phrase_subject_of_a_meeting_verb_is_the_group_as_written(text, expected):
    assert participant_names(text, year=2021) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object reader of 'met NATO leaders' and the 'of' / subject readers are one: coordinated modifiers stay
    ("President Ana Lind will consult with Arab and African leaders in Cairo on Monday.", [["Ana Lind", "Arab and African leaders"]]),
    # a country among the modifiers: the country, as before
    ("President Ana Lind will consult with Iraqi and Arab leaders in Cairo on Monday.", [["Ana Lind", "Iraq"]]),
    # an 'of' complement says whose: 'heads of state' as written (no capitalised word needed)
    ("President Ana Lind will meet heads of state in Cairo on Monday.", [["Ana Lind", "heads of state"]]),
])
def test_grp_one_reader_for_groups_met_as_objects(text, expected):
    assert participant_names(text, year=2021) == expected
