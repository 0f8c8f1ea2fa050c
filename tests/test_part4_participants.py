"""Meeting participants (issue 14, part4): each test an invented text with the participants it must give."""

from __future__ import annotations

from tests.extracted import meeting_rows, participant_names


def test_part4_an_indefinite_or_ranked_officials_phrase_meets_as_written():
    assert participant_names("Minister Ana Lind met a Peruvian official in Lima on Monday.") == [["Ana Lind", "Peruvian official"]]
    assert participant_names("Minister Ana Lind will hold talks with senior Chilean diplomats next week.") == [
        ["Ana Lind", "senior Chilean diplomats"]]
    text = "Minister Ana Lind held meetings with President Jorge Paz and several Bolivian senior leaders on Friday."
    assert participant_names(text) == [["Ana Lind", "Jorge Paz", "several Bolivian senior leaders"]]


def test_part4_a_bare_or_definite_officials_phrase_stays_the_country():
    assert participant_names("Minister Ana Lind met Peruvian officials in Lima on Monday.") == [["Ana Lind", "Peru"]]
    assert participant_names("Minister Ana Lind held meetings with the Bolivian delegation on Friday.") == [["Ana Lind", "Bolivia"]]


def test_part4_a_country_named_beside_some_of_its_officials_stays():
    text = "Minister Ana Lind met Chile's foreign minister and a Peruvian official in Lima."
    assert participant_names(text) == [["Ana Lind", "Chile's foreign minister", "Peruvian official"]]


def test_part4_an_office_of_a_country_in_an_undated_text_meets_as_written():
    assert participant_names("Minister Ana Lind will meet the French foreign minister in Paris.") == [["Ana Lind", "French foreign minister"]]
    assert participant_names("Chancellor Angela Merkel met the French president in Berlin.") == [["Angela Merkel", "French president"]]


def test_part4_an_office_of_a_country_in_a_dated_text_or_named_by_name_is_the_holder():
    text = "Minister Ana Lind will meet the French foreign minister in Paris."
    assert participant_names(text, year=2016) == [["Ana Lind", "Jean-Marc Ayrault"]]
    text = "President Emmanuel Macron spoke in Lyon. Minister Ana Lind will meet the French president in Paris."
    assert participant_names(text) == [["Ana Lind", "Emmanuel Macron"]]


def test_part4_a_press_appearance_with_a_person_around_a_meeting_names_its_other_side():
    text = "Minister Ana Lind will hold a news conference with President Jorge Paz after her meeting on Friday."
    assert participant_names(text) == [["Ana Lind", "Jorge Paz"]]


def test_part4_a_meeting_with_its_own_object_or_an_interview_takes_nobody_from_around_it():
    text = "Minister Ana Lind will hold a news conference with President Jorge Paz after her meeting with Foreign Minister Maria Soto."
    assert participant_names(text) == [["Ana Lind", "Maria Soto"]]
    assert participant_names("Minister Ana Lind gave an interview to President Jorge Paz after her meeting on Friday.") == [["Ana Lind"]]


def test_part4_a_people_noun_before_the_gerund_meeting_is_its_subject_not_the_people_before():
    text = "On the coming Andean summit, President Ana Lind and Chancellor Jorge Paz discussed the merits of ministers meeting in Lima."
    assert [(kind, mentions) for kind, _, _, mentions in meeting_rows(text)] == [("summit", ["summit"])]


def test_part4_the_gerund_meeting_with_no_subject_of_its_own_keeps_the_people_before():
    text = "On the coming Andean summit, President Ana Lind and Chancellor Jorge Paz discussed the merits of meeting in Lima."
    assert [(kind, names) for kind, _, names, _ in meeting_rows(text)][1] == ("meeting", ["Ana Lind", "Jorge Paz"])


def test_part4_a_visit_in_a_leading_clause_is_hosted_by_the_place_not_by_whom_the_main_clause_meets():
    text = "After arriving in Lima on Monday, Minister Ana Lind met her Peruvian counterpart Jorge Paz."
    assert [(kind, names) for kind, _, names, _ in meeting_rows(text)] == [("visit", ["Ana Lind", "Peru"]),
                                                                           ("meeting", ["Ana Lind", "Jorge Paz"])]


def test_part4_a_visit_in_a_leading_clause_with_no_meeting_after_it_keeps_its_clause():
    text = "After arriving in Lima on Monday, Minister Ana Lind praised the Peruvian government."
    assert [(kind, names) for kind, _, names, _ in meeting_rows(text)] == [("visit", ["Ana Lind", "Peru"])]


def test_part4_whom_a_visitor_met_in_a_relative_clause_is_that_meeting_and_the_place_hosts_the_visit():
    text = "Minister Ana Lind paid a visit to Peru this week, during which she met President Jorge Paz and Foreign Minister Maria Soto."
    assert [(kind, names) for kind, _, names, _ in meeting_rows(text)] == [("visit", ["Ana Lind", "Peru"]),
                                                                           ("meeting", ["Ana Lind", "Jorge Paz", "Maria Soto"])]


def test_part4_a_later_definite_visit_is_the_visit_named_not_the_meeting_held_during_it():
    text = ("Minister Ana Lind paid a visit to Peru this week, during which she met President Jorge Paz. "
            "During the visit, Minister Ana Lind also opened a school.")
    assert [(kind, mentions) for kind, _, _, mentions in meeting_rows(text)] == [("visit", ["visit", "visit"]), ("meeting", ["met"])]


def test_part4_a_coordinated_meeting_verb_after_a_visit_keeps_its_reading():
    text = "Minister Ana Lind paid a visit to Peru this week and met President Jorge Paz."
    assert [(kind, names) for kind, _, names, _ in meeting_rows(text)] == [("visit", ["Ana Lind", "Jorge Paz", "Peru"])]


def test_part4_some_officials_who_report_a_meeting_do_not_take_part_in_it():
    text = "Minister Ana Lind met President Jorge Paz, and a Peruvian official said the talks went well."
    assert participant_names(text) == [["Ana Lind", "Jorge Paz"]]
