"""Meeting detection (helper det4, issue 14): an agreement reached in a place reports the meeting held there."""

from diplo_cli.pipeline import extract
from tests.extracted import meeting_rows


def _places(text: str) -> list[str | None]:
    return [m.place.text if m.place else None for m in extract(text, "t").meetings]


def test_det4_understandings_reached_in_a_place_report_the_meeting_held_there():
    text = ("Minister Ana Lind said both sides would follow the understandings President Tomas Arvelo "
            "and President Marta Quiroga had reached in Quito.")
    assert meeting_rows(text) == [("meeting", "held", ["Tomas Arvelo", "Marta Quiroga"], ["reached"])]
    assert _places(text) == ["Quito"]


def test_det4_understandings_reached_in_a_transcript_turn_include_the_speaker():
    # 'I' is the labelled speaker of the turn
    text = ("PRESIDENT MACRON: Minister, welcome to Paris. The two sides agreed to act upon "
            "the common understandings President Tomas Arvelo and I had reached in Quito.")
    assert meeting_rows(text) == [("meeting", "held", ["Tomas Arvelo", "Emmanuel Macron"], ["reached"])]


def test_det4_agreement_reached_with_nobody_named_is_no_meeting():
    assert meeting_rows("The agreement that was reached in Quito must be kept.") == []
    assert meeting_rows("The agreements reached in Quito must be kept.") == []
    assert meeting_rows("Temperatures reached in Lima broke records.") == []


def test_det4_understandings_reached_keep_their_own_past_under_a_future_main_clause():
    text = "Both sides will follow the understandings President Tomas Arvelo and President Marta Quiroga reached in Quito."
    assert meeting_rows(text) == [("meeting", "held", ["Tomas Arvelo", "Marta Quiroga"], ["reached"])]
