"""Meeting detection on briefing and readout text (helper detb3, issue 14): invented sentences, checked values."""

from diplo_cli import extract
from tests.extracted import meeting_rows


def test_detb3_a_meeting_opened_by_a_delegate_is_the_meeting_named_before():
    found = meeting_rows("Chile hosted the first meeting of the Chile-Peru Water Commission in Lima on Monday. "
                         "Minister Ana Lind opened the meeting by stressing President Marta Quiroga and President "
                         "Tomas Ferreira's shared goals.")
    assert found == [("meeting", "held", ["Chile", "Peru"], ["meeting", "meeting"])]


def test_detb3_talks_chaired_by_a_minister_are_the_talks_named_before():
    found = meeting_rows("Chile and Peru held talks on water rights in Lima on Monday. "
                         "Minister Ana Lind chaired the talks for Chile.")
    assert [(kind, names) for kind, _, names, _ in found] == [("talks", ["Chile", "Peru"])]


def test_detb3_an_opened_meeting_with_nothing_before_keeps_its_own_people():
    found = meeting_rows("Minister Ana Lind opened the meeting with Minister Jorge Paz in Lima on Monday.")
    assert [(kind, names) for kind, _, names, _ in found] == [("meeting", ["Ana Lind", "Jorge Paz"])]


def test_detb3_a_trip_to_one_country_and_to_another_is_one_visit_each():
    found = meeting_rows("President Marta Quiroga cancelled her trip to Chile and to Peru on Monday.")
    assert [(kind, status, names) for kind, status, names, _ in found] == [
        ("visit", "cancelled", ["Marta Quiroga", "Chile"]), ("visit", "cancelled", ["Marta Quiroga", "Peru"])]


def test_detb3_each_leg_of_a_two_leg_visit_keeps_its_own_place():
    document = extract("President Marta Quiroga will travel to Chile, and then to Peru, next week.")
    assert [(m.type, m.place.text if m.place else None) for m in document.meetings] == [("visit", "Chile"), ("visit", "Peru")]


def test_detb3_a_trip_to_two_countries_under_one_to_stays_one_visit():
    found = meeting_rows("President Marta Quiroga will make a trip to Chile and Peru next week.")
    assert [(kind, names) for kind, _, names, _ in found] == [("visit", ["Marta Quiroga", "Chile", "Peru"])]


def test_detb3_being_with_a_counterpart_to_discuss_is_talks():
    found = meeting_rows("Minister Tomas Ferreira is going to be with his Chilean counterpart to discuss the fishing accord.")
    assert found == [("talks", "planned", ["Tomas Ferreira", "Chile"], ["be with"])]


def test_detb3_being_with_a_titled_leader_to_review_is_talks():
    found = meeting_rows("Minister Ana Lind will be with President Marta Quiroga in Lima to review the fishing accord.")
    assert [(kind, status, names) for kind, status, names, _ in found] == [("talks", "planned", ["Ana Lind", "Marta Quiroga"])]


def test_detb3_being_with_family_or_without_a_purpose_is_no_meeting():
    assert meeting_rows("Minister Tomas Ferreira is going to be with his family to discuss the holidays.") == []
    assert meeting_rows("Minister Ana Lind will be with President Marta Quiroga when the results come in.") == []


def test_detb3_a_trade_representative_named_by_title_and_surname_is_known():
    document = extract("Ambassador Tai will be with her Japanese counterpart to discuss steel tariffs.", document_date="2022-05-04")
    assert [[p.name for p in m.participants] for m in document.meetings] == [["Katherine Tai", "Japan"]]


def test_detb3_two_event_names_under_one_plural_head_are_two_summits():
    found = meeting_rows("President Marta Quiroga attended the Chile-Peru and East Asia Summits in October.")
    assert [(kind, status, names) for kind, status, names, _ in found] == [
        ("summit", "held", ["Chile", "Peru"]), ("summit", "held", ["East Asia Summit"])]


def test_detb3_the_first_of_two_coordinated_event_names_drops_a_leading_month():
    found = meeting_rows("President Marta Quiroga attended the October Chile-Peru and East Asia Summits.")
    assert [names for _, _, names, _ in found] == [["Chile", "Peru"], ["East Asia Summit"]]


def test_detb3_a_listed_forum_named_as_its_summit_is_the_summit_group():
    found = meeting_rows("At the East Asia Summit, Chile's President Marta Quiroga announced a new fund.")
    assert [(kind, names) for kind, _, names, _ in found] == [("summit", ["East Asia Summit"])]


def test_detb3_a_place_in_a_summit_name_is_still_no_participant():
    found = meeting_rows("President Marta Quiroga attended the Singapore Summit in October.")
    assert [(kind, names) for kind, _, names, _ in found] == [("summit", ["Marta Quiroga"])]


def test_detb3_a_summit_talked_about_in_talks_is_not_the_talkers_summit():
    found = meeting_rows("Minister Ana Lind held talks with President Marta Quiroga about the summit.")
    assert found == [("talks", "held", ["Ana Lind", "Marta Quiroga"], ["held talks"])]


def test_detb3_a_visit_talked_about_keeps_the_visitor_its_words_name():
    found = meeting_rows("Minister Ana Lind held talks with President Marta Quiroga about President Marta Quiroga's visit to Chile.")
    assert [(kind, names) for kind, _, names, _ in found] == [
        ("talks", ["Ana Lind", "Marta Quiroga"]), ("visit", ["Marta Quiroga", "Chile"])]
