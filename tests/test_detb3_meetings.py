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
