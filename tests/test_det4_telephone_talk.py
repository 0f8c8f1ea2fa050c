"""Meeting detection (helper det4, issue 14): readouts that name a call a 'Telephone Talk'."""

from tests.extracted import meeting_rows


def test_det4_foreign_ministers_telephone_talk_is_a_call():
    text = "Foreign Minister Ana Lind held a Chile-Peru Foreign Ministers' Telephone Talk with Foreign Minister Tomas Arvelo."
    assert meeting_rows(text) == [("call", "held", ["Ana Lind", "Tomas Arvelo"], ["Telephone Talk"])]


def test_det4_summit_telephone_talk_is_one_call_not_a_summit_beside_it():
    text = "Prime Minister Ana Lind held a Chile-Peru Summit Telephone Talk with President Marta Quiroga."
    assert meeting_rows(text) == [("call", "held", ["Ana Lind", "Marta Quiroga"], ["Telephone Talk"])]


def test_det4_summit_meeting_is_left_as_it_was():
    # only a call noun after 'Summit' vetoes it; 'Summit Meeting' keeps both words, as mentions of one summit
    # (meetings.merge.compound_head, tests/test_sum2_meetings.py)
    rows = meeting_rows("Prime Minister Ana Lind held a Chile-Peru Summit Meeting with President Marta Quiroga.")
    assert [(kind, mentions) for kind, _, _, mentions in rows] == [("summit", ["Summit", "Meeting"])]
