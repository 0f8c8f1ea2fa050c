"""Meeting participants (issue 14, part2): each test an invented text with the participants it must give."""

from __future__ import annotations

from diplo_cli import extract
from tests.extracted import participant_names


def test_part2_family_name_in_capitals_first_is_the_gazetteer_person():
    # a Japanese ministry writes the family name in capitals first
    document = extract("Foreign Minister KAMIKAWA Yoko said that talks would follow.", year=2024)
    assert [s.speaker.name for s in document.statements] == ["Yoko Kamikawa"]


def test_part2_speaker_line_with_a_role_after_a_comma_is_a_turn():
    text = ("Mr. KAMIKAWA Yoko, Minister for Foreign Affairs: I would like to say a few words.\n"
            "Last week I held talks with Foreign Minister Ana Lind of Norland.\n")
    assert participant_names(text, year=2024) == [["Yoko Kamikawa", "Ana Lind"]]


def test_part2_comma_opener_of_a_sentence_is_no_speaker_line():
    text = "However, the talks: a failure.\nAna Lind met Marta Quiroga in Lima.\n"
    assert participant_names(text) == [["Ana Lind", "Marta Quiroga"]]


def test_part2_people_in_the_topic_of_talks_are_not_met():
    text = "Minister Ana Lind held discussions regarding President Marta Quiroga's visit with Foreign Minister Tomas Ferreira."
    assert participant_names(text)[0] == ["Ana Lind", "Tomas Ferreira"]
    assert participant_names("Minister Ana Lind held talks about the proposal of President Marta Quiroga.") == [["Ana Lind"]]


def test_part2_a_topic_after_the_with_object_keeps_the_people_met():
    text = "Minister Ana Lind held talks with President Marta Quiroga about the border."
    assert participant_names(text) == [["Ana Lind", "Marta Quiroga"]]


def test_part2_summit_named_after_a_dotted_abbreviation_and_a_country():
    text = ("President Ana Lind spoke with President Tomas Ferreira. "
            "The two leaders prepared the upcoming U.S.-South Korea Summit.")
    assert participant_names(text)[1] == ["United States", "South Korea"]


def test_part2_dotted_abbreviation_alone_names_no_summit_members():
    text = "The two leaders prepared the upcoming U.S.-Norland Summit."
    assert participant_names(text) == [["United States"]]


def test_part2_speaker_who_speaks_after_talks_held_them():
    text = "Foreign Minister Ana Lind told reporters after talks with President Marta Quiroga that the border would stay open."
    assert participant_names(text) == [["Ana Lind", "Marta Quiroga"]]
    text = "Foreign Minister Ana Lind spoke to reporters after meeting President Marta Quiroga."
    assert participant_names(text) == [["Ana Lind", "Marta Quiroga"]]


def test_part2_adjunct_inside_a_content_is_the_content_subjects():
    text = "Spokesman Dmitry Peskov said President Vladimir Putin would fly home after meeting President Marta Quiroga."
    assert participant_names(text) == [["Vladimir Putin", "Marta Quiroga"]]


def test_part2_adjunct_naming_an_event_gives_no_subject():
    # 'after the summit': a summit named, not held by the one who speaks
    assert participant_names("Foreign Minister Ana Lind said the border would stay open after the G20 summit.") == [["G20"]]


def test_part2_object_pronoun_after_a_meeting_verb_is_the_person_named_before():
    text = "Prime Minister Ana Lind arrived in Lima on Monday. President Tomas Ferreira met her on Tuesday."
    assert participant_names(text)[-1] == ["Tomas Ferreira", "Ana Lind"]
    text = "President Tomas Ferreira arrived in Lima on Monday. President Marta Quiroga held talks with him on Tuesday."
    assert participant_names(text)[-1] == ["Marta Quiroga", "Tomas Ferreira"]


def test_part2_object_pronoun_skips_a_person_of_the_other_gender_and_the_reporter():
    text = ("Spokeswoman Ana Lind said President Tomas Ferreira had landed in Lima. "
            "President Marta Quiroga met him on Tuesday.")
    assert participant_names(text)[-1] == ["Marta Quiroga", "Tomas Ferreira"]


def test_part2_possessive_her_before_a_noun_is_no_object():
    text = "Prime Minister Ana Lind arrived in Lima on Monday. President Marta Quiroga met her counterpart on Tuesday."
    assert ["Marta Quiroga", "Ana Lind"] not in participant_names(text)


def test_part2_a_titles_portfolio_is_no_participant():
    assert participant_names("The Minister for Trade met Ana Lind in London.") == [["Ana Lind"]]
    text = "The Minister for Foreign Affairs met Foreign Minister Ana Lind and President Tomas Ferreira in Lima."
    assert participant_names(text) == [["Ana Lind", "Tomas Ferreira"]]


def test_part2_role_subject_is_the_one_holder_named_before():
    text = "Foreign Minister Ana Lind flew to Lima.\nThe Minister for Foreign Affairs met President Tomas Ferreira on Monday."
    assert participant_names(text)[-1] == ["Ana Lind", "Tomas Ferreira"]


def test_part2_role_subject_is_not_the_one_met():
    text = ("Foreign Minister Ana Lind spoke on Monday. "
            "The Minister for Foreign Affairs met Foreign Minister Ana Lind and President Tomas Ferreira on Tuesday.")
    assert ["Ana Lind", "Ana Lind"] not in participant_names(text)
    assert participant_names(text)[-1] == ["Ana Lind", "Tomas Ferreira"]


def test_part2_participants_scored_under_any_country_name():
    from diplo_cli.evaluate import Report, score_record

    text = "President Ana Lind visited Myanmar on Monday."
    document = extract(text)
    assert [[p.name for p in m.participants] for m in document.meetings] == [["Ana Lind", "Myanmar"]]
    record = {"id": "x", "text": text, "statements": [],
              "meetings": [{"participants": ["Ana Lind", "Burma"], "type": "visit", "status": "held", "place": None, "time": None}]}
    report = Report()
    score_record(record, document, report, show_errors=False)
    assert report.participants.prf()["f1"] == 1.0


def test_part2_officials_of_no_known_country_are_the_group_as_written():
    assert participant_names("President Marta Quiroga will consult with Arab leaders in Cairo on Monday.") == [["Marta Quiroga", "Arab leaders"]]
    assert participant_names("President Marta Quiroga met NATO leaders in Brussels.") == [["Marta Quiroga", "NATO leaders"]]


def test_part2_officials_of_a_country_stay_the_country():
    assert participant_names("President Marta Quiroga met Iraqi leaders in Baghdad.") == [["Marta Quiroga", "Iraq"]]
    assert participant_names("President Marta Quiroga met senior officials in Baghdad.") == [["Marta Quiroga"]]


def test_part2_coordinated_possessive_owners_all_take_part():
    text = "Observers praised President Marta Quiroga and President Tomas Ferreira's talks in Lima."
    assert participant_names(text) == [["Marta Quiroga", "Tomas Ferreira"]]


def test_part2_a_single_possessive_owner_stays_alone():
    text = "President Marta Quiroga thanked President Tomas Ferreira for Secretary Ana Lind's visit to Lima."
    assert participant_names(text) == [["Ana Lind", "Peru"]]


def test_part2_who_speaks_of_a_summit_does_not_attend_it():
    text = "President Tomas Ferreira held talks with President Ana Lind. President Marta Quiroga praised the upcoming summit."
    assert ["Marta Quiroga"] not in participant_names(text)
    assert participant_names("President Marta Quiroga will attend the upcoming summit.") == [["Marta Quiroga"]]


def test_part2_a_summit_spoken_of_is_the_one_named_before():
    text = "Peru and Chile will hold a summit in Lima in May. President Marta Quiroga praised the upcoming summit on Monday."
    assert participant_names(text) == [["Peru", "Chile"]]


def test_part2_a_person_named_for_a_relation_is_no_participant():
    text = "Several leaders, including Mr. Putin's predecessor, Boris Yeltsin, have received President Jiang Zemin."
    assert participant_names(text) == [["Boris Yeltsin", "Jiang Zemin"]]
    assert participant_names("President Tomas Ferreira's envoy met Ana Lind in Lima.") == [["Ana Lind"]]
    assert participant_names("President Tomas Ferreira met Ana Lind in Lima.") == [["Tomas Ferreira", "Ana Lind"]]


def test_part2_visit_whose_place_is_written_before_it_has_a_host():
    text = "President Vladimir Putin held talks with Prime Minister Shinzo Abe, who is now in Russia on a three-day visit."
    assert ["Shinzo Abe", "Vladimir Putin"] in participant_names(text)
    assert participant_names("Prime Minister Shinzo Abe, in Moscow on a two-day visit, laid a wreath.") == [["Shinzo Abe", "Russia"]]


def test_part2_organisation_before_a_summit_word_is_its_group():
    assert participant_names("President Marta Quiroga will attend the African Union summit in May.") == [
        ["Marta Quiroga", "African Union"]]
    assert participant_names("Norland proposed an Arctic Council summit for next year.") == [["Arctic Council"]]


def test_part2_organisation_of_the_event_is_the_name_after_the_last_of():
    text = "The Foreign Ministers of the Shanghai Cooperation Organisation meeting opened in Astana."
    assert participant_names(text) == [["Shanghai Cooperation Organisation"]]
    assert participant_names("The Heads of State of the Arctic Council meeting opened in Oslo.") == [["Arctic Council"]]


def test_part2_pronoun_subject_agrees_in_gender():
    text = ("Secretary Hillary Clinton spoke on Monday about the trip of Deputy Secretary William Burns. "
            "He will meet President Tomas Ferreira on Friday.")
    assert participant_names(text)[-1] == ["William Burns", "Tomas Ferreira"]


def test_part2_meeting_placed_during_the_visit_of_the_sentence_before_is_the_visit():
    text = "President Marta Quiroga will visit Lima on Monday. While there, President Marta Quiroga will meet President Tomas Ferreira."
    document = extract(text)
    assert [([p.name for p in m.participants], m.type) for m in document.meetings] == [
        (["Marta Quiroga", "Tomas Ferreira"], "visit")]


def test_part2_meeting_not_placed_during_the_visit_stays_apart():
    text = "President Marta Quiroga will visit Lima on Monday. President Marta Quiroga will meet President Tomas Ferreira in June."
    assert len(extract(text).meetings) == 2


def test_part2_a_portfolio_word_taken_for_a_name_is_no_participant():
    text = ("Foreign Minister Ana Lind held talks with Dr. Subrahmanyam Jaishankar, Minister of External Affairs of India, "
            "on Monday.")
    assert participant_names(text, year=2023) == [["Ana Lind", "Subrahmanyam Jaishankar"]]


def test_part2_pronoun_coordinated_with_a_name_is_one_more_participant():
    assert participant_names("President Marta Quiroga said she and President Tomas Ferreira would meet in Lima.") == [
        ["Marta Quiroga", "Tomas Ferreira"]]
    assert participant_names("Secretary John Kerry said Lavrov and he would meet in Geneva.", year=2014) == [
        ["John Kerry", "Sergey Lavrov"]]


def test_part2_a_counterpart_holds_a_compatible_role():
    text = ("Foreign Minister Ana Lind met Russian President Vladimir Putin on Monday. "
            "On Tuesday she will meet her Russian counterpart.")
    assert participant_names(text, year=2014)[-1] == ["Ana Lind", "Russia"]
    text = ("Foreign Minister Ana Lind praised Foreign Minister Sergey Lavrov on Monday. "
            "On Tuesday she will meet her Russian counterpart.")
    assert participant_names(text, year=2014)[-1] == ["Ana Lind", "Sergey Lavrov"]


def test_part2_a_coordinated_noun_with_its_own_object_ends_the_clause():
    text = "Ministers discussed the coming Norland-led talks on Yemen and tensions with North Korea."
    assert participant_names(text) == [["Yemen"]]
    text = "The upcoming U.N.-led talks on Yemen and tensions with North Korea were discussed."
    assert participant_names(text) == [["United Nations", "Yemen"]]
