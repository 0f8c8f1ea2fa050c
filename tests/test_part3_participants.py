"""Meeting participants (issue 14, part3): each test an invented text with the participants it must give."""

from __future__ import annotations

from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.text.segment import segment_sentences
from tests.extracted import meeting_rows, participant_names


def test_part3_a_trip_for_talks_does_not_take_the_coordinated_meetings_object():
    text = ("Foreign Minister Anna Lind travels to Chile next week for talks with her counterpart, Jorge Paz, "
            "and a possible meeting with President Maria Soto.")
    rows = meeting_rows(text)
    assert [(kind, names) for kind, _, names, _ in rows] == [("visit", ["Anna Lind", "Jorge Paz", "Chile"]),
                                                              ("meeting", ["Anna Lind", "Maria Soto"])]


def test_part3_one_object_for_two_coordinated_meeting_nouns_is_met_in_both():
    text = "Foreign Minister Anna Lind will travel to Chile for talks and a meeting with President Maria Soto."
    assert participant_names(text) == [["Anna Lind", "Maria Soto", "Chile"], ["Anna Lind", "Maria Soto"]]


def test_part3_meetings_in_a_country_with_nobody_named_have_the_country_as_other_side():
    assert participant_names("Deputy Secretary William Burns held meetings in Egypt on Tuesday.", year=2012) == [
        ["William Burns", "Egypt"]]
    assert participant_names("Minister Ana Lind held talks in Jordan.") == [["Ana Lind", "Jordan"]]


def test_part3_meetings_in_a_city_or_with_a_named_counterpart_add_no_country():
    assert participant_names("Minister Ana Lind held meetings in Cairo.") == [["Ana Lind"]]
    assert participant_names("Minister Ana Lind met in Egypt with President Marta Quiroga.") == [["Ana Lind", "Marta Quiroga"]]
    assert participant_names("Vladimir Putin held meetings in Russia.", year=2015) == [["Vladimir Putin"]]


def test_part3_one_invited_to_address_a_legislature_visits_it_and_the_inviter_does_not():
    text = "Senator Ana Lind's invitation to President Tomas Ferreira to address Congress next month was criticised."
    assert participant_names(text) == [["Tomas Ferreira", "U.S. Congress"]]
    text = "Speaker Ana Lind invited President Tomas Ferreira to address the Knesset next month."
    assert participant_names(text) == [["Tomas Ferreira", "Knesset"]]


def test_part3_an_unlisted_body_to_address_leaves_the_invitation_as_it_was():
    text = "Speaker Ana Lind invited President Tomas Ferreira to address Parliament next month."
    assert participant_names(text) == [["Tomas Ferreira", "Ana Lind"]]  # the inviter hosts, as before


def test_part3_an_adjective_of_two_countries_gives_both_as_participants():
    assert participant_names("The inter-Korean talks resumed at the border on Monday.") == [["North Korea", "South Korea"]]
    assert participant_names("Officials of both sides held cross-Strait talks in Singapore.") == [["China", "Taiwan"]]


def test_part3_a_person_named_beside_a_joint_adjective_still_takes_part():
    text = "Minister Ana Lind held talks with President Jorge Paz on inter-Korean relations."
    assert participant_names(text) == [["Ana Lind", "Jorge Paz"]]


def test_part3_a_possessive_country_title_before_a_name_is_no_participant_of_its_own():
    text = "Secretary Kerry met today with Russia's Foreign Minister Sergei Lavrov and Iran's Foreign Minister Javad Zarif."
    assert participant_names(text, year=2014) == [["John Kerry", "Sergey Lavrov", "Mohammad Javad Zarif"]]
    text = "Secretary Kerry met Russia's foreign minister, Sergei Lavrov, in Geneva."
    assert participant_names(text, year=2014) == [["John Kerry", "Sergey Lavrov"]]


def test_part3_a_possessive_country_agent_with_no_name_stays_as_written():
    assert participant_names("Secretary Kerry met Russia's foreign minister in Geneva.", year=2014) == [
        ["John Kerry", "Russia's foreign minister"]]


def test_part3_a_relative_clause_set_off_by_commas_ends_at_its_closing_comma():
    text = "Lavrov, who met Kerry in Geneva last week, told reporters that Zarif had called him."
    assert participant_names(text, year=2014) == [["Sergey Lavrov", "John Kerry"]]
    text = "Minister Ana Lind, who met President Marta Quiroga in Lima last week, will see President Jorge Paz on Monday."
    assert participant_names(text) == [["Ana Lind", "Marta Quiroga"]]


def test_part3_a_list_of_names_inside_a_relative_clause_is_met():
    text = "Lavrov, who met Kerry, Zarif and Wang Yi in Geneva last week, told reporters that Jaishankar had called him."
    assert participant_names(text, year=2014) == [["Sergey Lavrov", "John Kerry", "Mohammad Javad Zarif", "Wang Yi"]]


def test_part3_a_coordinated_verb_phrase_of_another_time_is_a_meeting_of_its_own():
    text = "Kerry met Lavrov in Geneva and will meet Zarif in Vienna on Monday."
    assert participant_names(text, year=2014) == [["John Kerry", "Sergey Lavrov"], ["John Kerry", "Mohammad Javad Zarif"]]
    text = "Minister Ana Lind met President Marta Quiroga in Lima last week and will see President Jorge Paz on Monday."
    assert participant_names(text) == [["Ana Lind", "Marta Quiroga"]]


def test_part3_a_coordinated_verb_phrase_of_the_same_time_keeps_the_object():
    assert participant_names("Kerry met Lavrov and held talks with him.", year=2014) == [["John Kerry", "Sergey Lavrov"]]


def test_part3_a_dotted_abbreviation_closing_a_hyphenated_compound_ends_no_sentence():
    text = "Prime Minister Ana Lind held a Norway-U.S. Summit Meeting with President Jorge Paz. They spoke of trade."
    assert [text[s.start:s.end] for s in segment_sentences(text, default_lexicon())] == [
        "Prime Minister Ana Lind held a Norway-U.S. Summit Meeting with President Jorge Paz.", "They spoke of trade."]


def test_part3_the_host_of_a_summit_named_after_two_countries_is_read_across_the_dotted_abbreviation():
    text = "Prime Minister Kishida held a Japan-U.S. Summit Meeting with President Biden."
    assert participant_names(text, year=2022) == [["Fumio Kishida", "Joe Biden"], ["Fumio Kishida", "Joe Biden"]]


def test_part3_a_group_before_a_meeting_verb_meets_its_with_object():
    assert participant_names("EU leaders met with President Zelensky in Brussels.", year=2023) == [["EU leaders", "Volodymyr Zelensky"]]
    assert participant_names("G7 leaders met with leaders of India and Brazil.", year=2023) == [["G7 leaders", "India", "Brazil"]]


def test_part3_a_group_before_a_meeting_verb_with_no_object_stays_alone():
    assert participant_names("G7 leaders met in Hiroshima.", year=2023) == [["G7 leaders"]]


def test_part3_a_counterpart_of_a_dotted_country_abbreviation_is_of_that_country():
    assert participant_names("Russian Foreign Minister Sergei Lavrov met his U.S. counterpart in Geneva.", year=2013) == [
        ["Sergey Lavrov", "United States"]]
    assert participant_names("Lavrov met his U.S. and French counterparts in Geneva.", year=2013) == [
        ["Sergey Lavrov", "United States", "France"]]
    assert participant_names("Lavrov met his U.S. counterpart, John Kerry, in Geneva.", year=2013) == [["Sergey Lavrov", "John Kerry"]]


def test_part3_the_speaker_of_talks_with_someone_is_the_other_side():
    assert participant_names("Lavrov said the talks with Kerry were useful.", year=2014) == [["Sergey Lavrov", "John Kerry"]]
    text = "Ukraine said the next round of talks with Russia would take place on Monday."
    assert participant_names(text, year=2022) == [["Ukraine", "Russia"]]


def test_part3_a_briefer_or_someone_named_before_the_talks_is_not_the_other_side():
    assert participant_names("Kremlin spokesman Dmitry Peskov said the talks with Ukraine would continue.", year=2022) == [["Ukraine"]]
    assert participant_names("Lavrov said Kerry's meeting with Zarif was useful.", year=2014) == [["John Kerry", "Mohammad Javad Zarif"]]


def test_part3_talks_via_videoconference_are_one_call():
    rows = meeting_rows("Vladimir Putin and Joe Biden held talks via videoconference.", year=2021)
    assert [(kind, names) for kind, _, names, _ in rows] == [("call", ["Vladimir Putin", "Joe Biden"])]
    rows = meeting_rows("Minister Ana Lind and President Marta Quiroga held talks via video link on Monday.")
    assert [(kind, names) for kind, _, names, _ in rows] == [("call", ["Ana Lind", "Marta Quiroga"])]


def test_part3_the_p5_plus_1_is_a_body_met():
    assert participant_names("Iran resumed talks with the P5+1 in Vienna.", year=2014) == [["Iran", "P5+1"]]
    assert participant_names("Talks between Iran and the P5+1 resumed in Vienna.", year=2014) == [["Iran", "P5+1"]]


def test_part3_bare_actors_coordinated_before_a_meeting_verb_all_take_part():
    assert participant_names("Hamas and Fatah held talks in Cairo.") == [["Hamas", "Fatah"]]
    assert sorted(participant_names("Ana Lind, Jorge Paz and Maria Soto met in Geneva on Friday.")[0]) == [
        "Ana Lind", "Jorge Paz", "Maria Soto"]


def test_part3_an_adverbial_opener_is_no_coordinated_actor():
    assert participant_names("However, Hamas and Fatah held talks.") == [["Hamas", "Fatah"]]
    assert participant_names("On Monday, Hamas and Fatah held talks.") == [["Hamas", "Fatah"]]


def test_part3_a_plural_title_before_coordinated_names_is_no_part_of_the_first_name():
    assert participant_names("Presidents Putin and Xi met in Moscow.", year=2023) == [["Vladimir Putin", "Xi Jinping"]]
    assert participant_names("Secretaries Blinken and Austin met in Tokyo.", year=2023) == [["Antony Blinken", "Lloyd Austin"]]
    assert sorted(participant_names("Presidents Ana Lind and Jorge Paz met in Lima.")[0]) == ["Ana Lind", "Jorge Paz"]
