"""Meeting detection (helper det4, issue 14): invented sentences, checked values."""

from diplo_cli.pipeline import extract
from tests.extracted import meeting_rows


def _places(text: str) -> list[str | None]:
    return [m.place.text if m.place else None for m in extract(text, "t").meetings]


def test_det4_back_from_a_place_reports_the_visit_held_there():
    text = "Minister Ana Lind returned from Quito on Sunday."
    assert meeting_rows(text) == [("visit", "held", ["Ana Lind", "Ecuador"], ["returned from"])]
    assert _places(text) == ["Quito"]


def test_det4_just_come_from_in_a_transcript_turn_is_a_visit():
    text = "MINISTER LIND: Dear Tomas, welcome to Lima. You have just come from Quito, where I was last week."
    rows = meeting_rows(text)
    assert ("visit", "held", ["Ecuador"], ["just come from"]) in rows
    assert "Quito" in _places(text)


def test_det4_coming_from_without_a_trip_is_no_visit():
    assert meeting_rows("The money came from Brussels, the minister said.") == []
    assert meeting_rows("Chilean troops returned from Lima on Monday.") == []
    assert meeting_rows("The refugees returned from camps in the south.") == []


def test_det4_back_from_needs_a_person_before_it():
    # no official named right before the verb: hostages, teams and relative 'who' are left alone
    assert meeting_rows("Three hostages returned from Quito on Monday.") == []
    assert meeting_rows("The team returned from Brazil with a trophy.") == []
    assert meeting_rows("Secretary Ana Lind is back from Quito.") == [("visit", "held", ["Ana Lind", "Ecuador"], ["is back from"])]


def test_det4_back_from_after_an_apposition_comma_and_not_from_a_home_institution():
    assert meeting_rows("Minister Ana Lind, just back from Quito, said the border would stay open.") == [
        ("visit", "held", ["Ana Lind", "Ecuador"], ["just back from"])]
    assert meeting_rows("Minister Ana Lind returned from Lima Hospital on Sunday.") == []
