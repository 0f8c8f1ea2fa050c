"""Statements linked to a meeting by the later link routes (meetings.link.event_part, ...). Every
sentence here is invented for the test."""

from __future__ import annotations

from diplo_cli import extract


def _linked(text: str) -> dict[str, tuple[str, str]]:
    """Statement content -> (type, status) of the meeting it is linked to."""
    document = extract(text)
    meetings = {m.id: m for m in document.meetings}
    return {s.content.text: (meetings[s.meeting].type, meetings[s.meeting].status)
            for s in document.statements if s.meeting}


def test_links_b_state_dinner_is_about_the_visit_before():
    text = ("President Marta Quiroga of Chile will pay a state visit to Peru next month. "
            "Her office said the state dinner in Lima would be small.")
    assert _linked(text) == {"the state dinner in Lima would be small": ("visit", "planned")}


def test_links_b_event_part_reaches_past_a_nearer_meeting_of_another_type():
    text = ("President Marta Quiroga of Chile will pay a state visit to Peru in May. "
            "On Monday she met President Tomas Ferreira of Peru in Geneva. "
            "Her office said the welcoming ceremony in Lima would be brief.")
    document = extract(text)
    statement = next(s for s in document.statements if "ceremony" in s.content.text)
    meeting = next(m for m in document.meetings if m.id == statement.meeting)
    assert meeting.type == "visit"
    assert meeting.status == "planned"
    content = statement.content
    assert text[content.start:content.end] == "the welcoming ceremony in Lima would be brief"


def test_links_b_event_part_needs_a_visit_or_summit():
    text = ("President Marta Quiroga of Chile met President Tomas Ferreira of Peru on Monday. "
            "Her office said the state dinner in Lima would be small.")
    assert _linked(text) == {}


def test_links_b_event_part_too_far_from_the_visit_is_not_linked():
    filler = "The harvest in the south was poor again this year, farmers in the valley noted. " * 20
    text = ("President Marta Quiroga of Chile will pay a state visit to Peru next month. " + filler
            + "Her office said the state dinner in Lima would be small.")
    assert "the state dinner in Lima would be small" not in _linked(text)


def test_links_b_agenda_of_a_summit_discussed_by_world_powers():
    text = ("Leaders of the Group of Twenty opened their annual summit in Lima on Friday. "
            "Officials said world powers also discussed the price of copper.")
    assert _linked(text) == {"world powers also discussed the price of copper": ("summit", "held")}


def test_links_b_agenda_needs_the_attending_group_not_any_subject():
    text = ("Leaders of the Group of Twenty opened their annual summit in Lima on Friday. "
            "Officials said farmers also discussed the price of copper.")
    assert _linked(text) == {}


def _times(text: str) -> list[str | None]:
    return [m.time.text if m.time else None for m in extract(text).meetings]


def test_links_b_a_time_after_a_verb_of_saying_dates_the_saying():
    assert _times("Chile said on Friday that President Marta Quiroga would visit Peru.") == [None]
    assert _times("There was a report today that President Marta Quiroga plans to visit Peru.") == [None]


def test_links_b_the_meeting_own_time_is_kept():
    text = "Chile said that President Marta Quiroga would visit Peru on Friday."
    document = extract(text)
    (meeting,) = document.meetings
    assert meeting.time.text == "Friday"
    assert text[meeting.time.start:meeting.time.end] == "Friday"


def test_links_b_a_possessive_time_after_a_verb_of_saying_still_dates_the_meeting():
    assert _times("Chile announced Friday's talks between President Marta Quiroga and President Tomas Ferreira of Peru.") == ["Friday"]


def test_links_b_a_time_after_a_verb_of_cancelling_dates_the_cancelling():
    text = "The talks between President Marta Quiroga and President Tomas Ferreira of Peru were cancelled on Wednesday."
    (meeting,) = extract(text).meetings
    assert meeting.status == "cancelled"
    assert meeting.time is None


def test_links_b_a_possessive_time_after_a_verb_of_cancelling_still_dates_the_meeting():
    assert _times("Chile called off next week's talks with President Tomas Ferreira of Peru.") == ["next week"]
