"""Meeting participants (issue 14, partn): each test an invented text with the participants it must give."""

from __future__ import annotations

from diplo_cli import extract
from tests.extracted import participant_names


def test_partn_organisation_leaders_as_subject_are_the_group_as_written():
    assert participant_names("NATO leaders held talks in Brussels on Friday.") == [["NATO leaders"]]
    assert participant_names("Group of Eight leaders met on Friday.") == [["Group of Eight leaders"]]


def test_partn_organisation_leaders_as_object_keep_the_one_who_meets_them():
    text = "President Marta Quiroga held talks with the NATO leaders in Brussels on Friday."
    assert participant_names(text) == [["Marta Quiroga", "NATO leaders"]]


def test_partn_member_countries_of_an_organisation_with_count_and_rank():
    text = "Envoys from the five permanent UN Security Council member countries and Norway are to convene in Oslo on Tuesday."
    assert participant_names(text) == [["five permanent UN Security Council member countries", "Norway"]]
    assert participant_names("Ministers of the EU member states will meet in Vienna on Monday.") == [["EU member states"]]


def test_partn_country_leaders_and_an_organisation_event_stay_as_they_were():
    assert participant_names("President Marta Quiroga met Iraqi leaders in Baghdad on Monday.") == [["Marta Quiroga", "Iraq"]]
    text = "President Marta Quiroga will attend the NATO summit in Brussels on Monday."
    assert participant_names(text) == [["Marta Quiroga", "NATO"]]


def test_partn_summit_apposition_listing_the_leaders_of_countries_gives_the_countries():
    text = "The G8 summit, a yearly gathering of the leaders of Peru, Bolivia, Chile and Ecuador, began today in Lima."
    assert participant_names(text) == [["Peru", "Bolivia", "Chile", "Ecuador"]]
    assert participant_names("The G8 summit, a yearly gathering of the world, began today in Lima.") == [["G8"]]


def test_partn_summit_apposition_does_not_join_a_meeting_on_its_sidelines():
    text = ("President Marta Quiroga met President Tomas Ferreira on the sidelines of the G8 summit, "
            "a yearly gathering of the leaders of Peru, Bolivia and Chile.")
    assert participant_names(text) == [["Marta Quiroga", "Tomas Ferreira"], ["G8"]]


def test_partn_the_two_leaders_with_no_meeting_of_two_before_are_the_two_just_named():
    text = ("The Andean summit opened today in Lima. It opened with a press event featuring President Marta Quiroga "
            "and Prime Minister Tomas Ferreira. Ahead of the press event, the two leaders met to talk trade.")
    assert ["Marta Quiroga", "Tomas Ferreira"] in participant_names(text)


def test_partn_the_two_leaders_after_three_people_named_are_not_resolved_to_two_of_them():
    text = "President Marta Quiroga praised President Tomas Ferreira and Prime Minister Ana Lind. Later the two leaders met in Lima."
    assert all("Marta Quiroga" not in found for found in participant_names(text))


def test_partn_a_visit_thanked_for_is_not_the_trip_to_a_summit_hoped_for_after_and():
    text = ("President Marta Quiroga thanked Secretary Tomas Ferreira for his visit "
            "and expressed her well-wishes for the likely upcoming summit.")
    document = extract(text)
    assert [(m.type, [p.name for p in m.participants]) for m in document.meetings] == [("visit", ["Marta Quiroga", "Tomas Ferreira"])]


def test_partn_a_trip_to_a_summit_still_goes_to_it():
    text = "President Marta Quiroga flies to Lima, where she will hold a summit with President Tomas Ferreira."
    assert [(m.type, [p.name for p in m.participants]) for m in extract(text).meetings] == [("summit", ["Marta Quiroga", "Tomas Ferreira"])]


def test_partn_a_visit_to_a_country_and_its_president_thanking_the_visitor_are_one_visit_he_hosts():
    text = "Secretary Ana Lind arrived in Lima on Sunday. Peruvian President Tomas Ferreira thanked Lind for her visit."
    meetings = extract(text).meetings
    assert [(m.type, sorted(p.name for p in m.participants)) for m in meetings] == [("visit", ["Ana Lind", "Tomas Ferreira"])]
    assert meetings[0].place.text == "Lima"


def test_partn_a_visit_placed_outside_the_hosts_country_stays_apart():
    text = "Secretary Ana Lind visited Finland in May. Finnish President Tomas Ferreira thanked Lind for her visit to Sochi."
    assert participant_names(text) == [["Ana Lind", "Finland"], ["Tomas Ferreira", "Ana Lind"]]
