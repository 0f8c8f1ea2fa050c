"""Meeting participants (issue 14, part3): each test an invented text with the participants it must give."""

from __future__ import annotations

from tests.extracted import meeting_rows, participant_names


def test_part3_a_trip_for_talks_does_not_take_the_coordinated_meetings_object():
    text = ("Foreign Minister Anna Lind travels to Chile next week for talks with her counterpart, Jorge Paz, "
            "and an expected meeting with President Maria Soto.")
    rows = meeting_rows(text)
    assert [(kind, names) for kind, _, names, _ in rows] == [("visit", ["Anna Lind", "Jorge Paz", "Chile"]),
                                                              ("meeting", ["Anna Lind", "Maria Soto"])]


def test_part3_one_object_for_two_coordinated_meeting_nouns_is_met_in_both():
    text = "Foreign Minister Anna Lind will travel to Chile for talks and a meeting with President Maria Soto."
    assert participant_names(text) == [["Anna Lind", "Maria Soto", "Chile"], ["Anna Lind", "Maria Soto"]]
