"""Meeting detection on briefing and news text (helper detb2, issue 14): invented sentences, checked values."""

from diplo_cli import extract
from tests.extracted import meeting_rows


def test_detb2_talked_with_a_titled_leader_is_a_call():
    found = meeting_rows("The Chilean president talked with President Marta Quiroga of Peru on Tuesday.")
    assert [(kind, status, mentions) for kind, status, _, mentions in found] == [("call", "held", ["talked with"])]
    assert "Marta Quiroga" in found[0][2]


def test_detb2_talked_with_a_counterpart_is_a_call():
    found = meeting_rows("Foreign Minister Ana Lind of Chile talked with her Peruvian counterpart on Monday.")
    assert [(kind, status, mentions) for kind, status, _, mentions in found] == [("call", "held", ["talked with"])]
    assert found[0][2] == ["Ana Lind", "Peru"]


def test_detb2_talked_with_reporters_is_no_meeting():
    assert meeting_rows("The Chilean president talked with reporters in Lima on Tuesday.") == []


def test_detb2_a_trilat_is_a_meeting():
    found = meeting_rows("Q What came out of the trilat with President Marta Quiroga and President Tomas Ferreira?")
    assert [(kind, mentions) for kind, _, _, mentions in found] == [("meeting", ["trilat"])]
    assert found[0][2] == ["Marta Quiroga", "Tomas Ferreira"]


def test_detb2_a_trilateral_with_two_ministers_is_a_meeting():
    found = meeting_rows("Minister Ana Lind held a trilateral with Minister Jorge Ruiz and Minister Tomas Ferreira on Friday.")
    assert found == [("meeting", "held", ["Ana Lind", "Jorge Ruiz", "Tomas Ferreira"], ["trilateral with"])]


def test_detb2_a_trilateral_agreement_is_no_meeting():
    assert meeting_rows("The trilateral trade agreement with Peru was signed in Lima.") == []


def test_detb2_engagement_with_a_titled_leader_is_a_meeting():
    found = meeting_rows("Minister Ana Lind's engagement with President Marta Quiroga in Lima was productive.")
    assert found == [("meeting", "held", ["Ana Lind", "Marta Quiroga"], ["engagement with"])]


def test_detb2_engagement_with_the_public_is_no_meeting():
    assert meeting_rows("Minister Ana Lind's engagement with the public in Lima was productive.") == []


def test_detb2_a_bare_forum_on_whose_sidelines_two_leaders_meet_is_its_summit():
    found = meeting_rows("President Marta Quiroga met President Tomas Ferreira on the sidelines of the G20 in Lima.")
    assert [(kind, status, names, mentions) for kind, status, names, mentions in found] == [
        ("meeting", "held", ["Marta Quiroga", "Tomas Ferreira"], ["met"]), ("summit", "held", ["G20"], ["G20"])]


def test_detb2_a_forum_named_before_its_meeting_word_stays_one_meeting():
    found = meeting_rows("The G20 finance ministers met in Lima on the sidelines of the G20 ministers' meeting.")
    assert [(kind, names) for kind, _, names, _ in found] == [("meeting", ["G20"])]


def test_detb2_will_call_a_titled_leader_is_a_planned_call():
    found = meeting_rows("President Tomas Ferreira will call President Marta Quiroga this week.")
    assert found == [("call", "planned", ["Tomas Ferreira", "Marta Quiroga"], ["will call"])]


def test_detb2_asked_whether_he_plans_to_call_a_leader_asserts_nothing():
    found = meeting_rows("Q Does the prime minister plan to call President Marta Quiroga this week?")
    assert found == [("call", "unknown", ["Marta Quiroga"], ["to call"])]


def test_detb2_calling_on_a_leader_to_act_is_no_call():
    assert meeting_rows("President Tomas Ferreira will call on President Marta Quiroga to end the strike.") == []
    assert meeting_rows("President Tomas Ferreira said he would call it a success.") == []


def test_detb2_has_he_spoken_to_a_titled_leader_is_a_call_asked_about():
    found = meeting_rows("Q Has the prime minister spoken to President Marta Quiroga since Friday?")
    assert [(kind, status, names) for kind, status, names, _ in found] == [("call", "unknown", ["Marta Quiroga"])]


def test_detb2_a_meeting_naming_nobody_joins_the_meeting_not_the_talks_named_after_it():
    text = ("Foreign Minister Ana Lind will meet President Marta Quiroga in Lima on Friday, as negotiations with Peru intensify. "
            "Aides said the meetings may run for two days.")
    assert meeting_rows(text) == [("meeting", "planned", ["Ana Lind", "Marta Quiroga"], ["meet", "meetings"]),
                                  ("talks", "planned", ["Peru"], ["negotiations"])]


def test_detb2_talks_naming_nobody_still_join_the_meeting_when_no_talks_were_named():
    text = "Foreign Minister Ana Lind met President Marta Quiroga in Lima on Friday. The talks lasted two hours."
    assert meeting_rows(text) == [("meeting", "held", ["Ana Lind", "Marta Quiroga"], ["met", "talks"])]


def test_detb2_returned_from_a_named_place_is_a_visit_held():
    found = meeting_rows("Minister Ana Lind returned from Lima on Sunday.")
    assert found == [("visit", "held", ["Ana Lind", "Peru"], ["returned from"])]


def test_detb2_just_back_from_a_named_place_is_a_visit_held():
    found = meeting_rows("Minister Ana Lind, just back from Lima, said the border would stay open.")
    assert [(kind, status, names, mentions) for kind, status, names, mentions in found] == [
        ("visit", "held", ["Ana Lind", "Peru"], ["just back from"])]


def test_detb2_coming_from_a_place_without_just_is_no_visit():
    assert meeting_rows("The money for the new port came from Lima.") == []
    assert meeting_rows("Minister Ana Lind returned from hospital on Sunday.") == []


def test_detb2_a_tour_named_by_its_region_is_a_visit():
    found = meeting_rows("Minister Ana Lind said during her South American tour that the border would stay open.")
    assert [(kind, names, mentions) for kind, _, names, mentions in found] == [("visit", ["Ana Lind"], ["South American tour"])]


def test_detb2_a_three_nation_tour_is_a_visit():
    found = meeting_rows("President Marta Quiroga will begin a three-nation tour on Monday.")
    assert found == [("visit", "planned", ["Marta Quiroga"], ["three-nation tour"])]


def test_detb2_a_bands_tour_or_a_cycling_tour_is_no_visit():
    assert meeting_rows("The band's European tour was cancelled.") == []
    assert meeting_rows("The cyclists of Peru rode in the Tour de France.") == []
def test_detb2_technical_teams_that_meet_are_no_sports_fixture():
    assert meeting_rows("The Chilean and Peruvian technical teams met in Lima on Monday.") == [("meeting", "held", ["Chile", "Peru"], ["met"])]
    assert meeting_rows("The Chilean and Peruvian negotiating teams will meet in Lima next week.") == [
        ("talks", "planned", ["Chile", "Peru"], ["negotiating", "meet"])]
def test_detb2_football_teams_that_meet_stay_a_fixture():
    assert meeting_rows("The two teams will meet in Lima in the final next week.") == []
    assert meeting_rows("The Chilean and Peruvian football teams met in Lima on Monday.") == []


def test_detb2_the_place_come_back_from_is_the_visits_place():
    meetings = extract("Minister Ana Lind returned from Lima on Sunday.", "t").meetings
    assert [(m.type, m.place.text if m.place else None, m.time.text if m.time else None) for m in meetings] == [("visit", "Lima", "Sunday")]


def test_detb2_a_place_something_came_from_is_no_meetings_place():
    meetings = extract("Minister Ana Lind met President Marta Quiroga in Lima. The money for the port came from Quito.", "t").meetings
    assert [(m.type, m.place.text if m.place else None) for m in meetings] == [("meeting", "Lima")]
def test_detb2_interacted_with_a_titled_leader_is_a_meeting():
    found = meeting_rows("Prime Minister Ana Lind interacted with President Marta Quiroga on the sidelines of the summit.")
    assert found[0] == ("meeting", "held", ["Ana Lind", "Marta Quiroga"], ["interacted with"])
def test_detb2_interacted_with_students_is_no_meeting():
    assert meeting_rows("Prime Minister Ana Lind interacted with students in Lima on Monday.") == []
def test_detb2_granting_an_audience_is_a_meeting():
    found = meeting_rows("King Tomas Ferreira granted an audience to President Marta Quiroga on Monday.")
    assert found == [("meeting", "held", ["Tomas Ferreira", "Marta Quiroga"], ["granted an audience to"])]


def test_detb2_a_sit_down_or_a_one_on_one_with_a_leader_is_a_meeting():
    assert meeting_rows("President Marta Quiroga had a sit-down with President Tomas Ferreira in Lima.") == [
        ("meeting", "held", ["Marta Quiroga", "Tomas Ferreira"], ["sit-down with"])]
    assert meeting_rows("President Marta Quiroga will have a one-on-one with President Tomas Ferreira in Lima.") == [
        ("meeting", "planned", ["Marta Quiroga", "Tomas Ferreira"], ["one-on-one with"])]


def test_detb2_catching_up_or_shaking_hands_with_a_leader_is_a_meeting():
    assert meeting_rows("President Marta Quiroga caught up with President Tomas Ferreira on the margins.") == [
        ("meeting", "held", ["Marta Quiroga", "Tomas Ferreira"], ["caught up with"])]
    assert meeting_rows("President Marta Quiroga shook hands with President Tomas Ferreira in Lima.") == [
        ("meeting", "held", ["Marta Quiroga", "Tomas Ferreira"], ["shook hands with"])]


def test_detb2_a_handshake_at_the_talks_is_part_of_the_talks():
    text = "At the start of the talks in Lima, President Marta Quiroga shook hands with President Tomas Ferreira."
    assert meeting_rows(text) == [("talks", "held", ["Marta Quiroga", "Tomas Ferreira"], ["talks", "shook hands with"])]


def test_detb2_a_prisoner_exchange_or_fans_greeted_is_no_meeting():
    assert meeting_rows("Chile agreed a prisoner exchange with Peru in Lima.") == []
    assert meeting_rows("President Marta Quiroga shook hands with fans in Lima.") == []


def test_detb2_they_as_the_subject_of_met_are_the_two_named_before():
    text = "President Marta Quiroga raised the border with Prime Minister Tomas Ferreira when they met in Lima."
    assert meeting_rows(text) == [("meeting", "held", ["Marta Quiroga", "Tomas Ferreira"], ["met"])]


def test_detb2_they_in_the_next_sentence_are_the_two_named_before():
    text = "President Marta Quiroga discussed trade with Prime Minister Tomas Ferreira. They spoke by phone on Monday."
    assert meeting_rows(text) == [("call", "held", ["Marta Quiroga", "Tomas Ferreira"], ["spoke by phone"])]


def test_detb2_they_with_one_person_named_before_stays_nobody():
    assert meeting_rows("President Marta Quiroga praised the farmers of Peru when they met in Lima.") == []
    assert meeting_rows("President Marta Quiroga praised President Tomas Ferreira and Prime Minister Ana Lind. They met in Lima.") == []


def test_detb2_landing_in_a_named_place_is_a_visit():
    assert meeting_rows("President Marta Quiroga touched down in Lima on Monday.") == [
        ("visit", "held", ["Marta Quiroga", "Peru"], ["touched down in"])]


def test_detb2_a_missile_that_lands_is_no_visit():
    assert meeting_rows("A stray missile landed in Lima on Tuesday.") == []
