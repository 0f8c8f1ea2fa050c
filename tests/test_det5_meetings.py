"""det5: meetings the rules missed and false alarms, fixed as general constructions (invented sentences)."""

from __future__ import annotations

from diplo_cli import extract
from tests.extracted import meeting_summaries


def test_det5_leading_trip_is_a_visit_of_its_own():
    found = meeting_summaries("After arriving in the Peruvian capital on Monday, Secretary Ana Lind met Foreign Minister Tomas Ferreira.")
    assert ("visit", "held", ["Ana Lind", "Peru"]) in found
    assert ("meeting", "held", ["Ana Lind", "Tomas Ferreira"]) in found
    assert len(found) == 2


def test_det5_leading_trip_city_named():
    found = meeting_summaries("After arriving in Quito late on Friday, Minister Ana Lind met President Tomas Ferreira.")
    assert found == [("visit", "held", ["Ana Lind", "Ecuador"]), ("meeting", "held", ["Ana Lind", "Tomas Ferreira"])]


def test_det5_leading_meeting_still_cut_as_before():
    # a leading clause that names someone keeps its own people (meetings.clause.leading), unchanged
    found = meeting_summaries("After talks with President Marta Quiroga, Secretary Ana Lind met Foreign Minister Tomas Ferreira.")
    assert ("meeting", "held", ["Ana Lind", "Tomas Ferreira"]) in found
    assert all("Tomas Ferreira" not in people for kind, _, people in found if "Marta Quiroga" in people)


def test_det5_trilateral_talks_not_the_pair_who_speak_of_them():
    text = ("President Marta Quiroga spoke with President Tomas Ferreira by phone on Monday. "
            "Both presidents praised the progress made in the trilateral talks.")
    assert meeting_summaries(text) == [("call", "held", ["Marta Quiroga", "Tomas Ferreira"])]


def test_det5_trilateral_talks_of_three_named_people_kept():
    found = meeting_summaries("President Marta Quiroga, President Tomas Ferreira and Prime Minister Ana Lind held trilateral talks in Lima.")
    assert found == [("talks", "held", ["Marta Quiroga", "Tomas Ferreira", "Ana Lind"])]


def test_det5_bilateral_talks_of_the_pair_kept():
    found = meeting_summaries("President Marta Quiroga and President Tomas Ferreira held bilateral talks in Lima.")
    assert found == [("talks", "held", ["Marta Quiroga", "Tomas Ferreira"])]


def test_det5_mediated_sides_hold_the_talks():
    found = meeting_summaries("The envoy is making one last push to broker a truce between Peru and Ecuador "
                      "before President Ana Lind chooses whether to resume talks.")
    assert [(kind, people) for kind, _, people in found] == [("talks", ["Peru", "Ecuador"])]


def test_det5_mediate_between_later_clause():
    assert meeting_summaries("Chile offered to mediate between Peru and Ecuador, but the talks stalled.") == [("talks", "held", ["Peru", "Ecuador"])]


def test_det5_talks_without_mediator_keep_their_subject():
    assert meeting_summaries("President Ana Lind decided to continue with talks.") == [("talks", "held", ["Ana Lind"])]


def test_det5_conditional_are_to_is_no_plan():
    found = meeting_summaries("Chile offered to mediate between Peru and Ecuador if they are to stay in negotiations.")
    assert found == [("talks", "held", ["Peru", "Ecuador"])]


def test_det5_talks_as_means_are_no_meeting():
    assert meeting_summaries("The minister urged both countries to settle the border dispute through negotiations.") == []
    found = meeting_summaries("President Ana Lind held talks with President Tomas Ferreira in Lima.")
    assert found == [("talks", "held", ["Ana Lind", "Tomas Ferreira"])]


def test_det5_speaking_after_meeting_links_the_statement():
    text = ('Speaking after his meeting with President Tomas Ferreira in Lima, Foreign Secretary Ana Lind said: '
            '"I made clear that we expect free elections."')
    document = extract(text)
    assert len(document.meetings) == 1
    said = [s for s in document.statements if s.cue.text == "said"]
    assert said and said[0].meeting == "m1"


def test_det5_speaking_at_conference_not_linked_by_speaking_after():
    text = 'Speaking at the conference in Lima, Foreign Secretary Ana Lind said: "We expect free elections."'
    assert all(s.meeting is None for s in extract(text).statements)


def test_det5_where_was_is_a_visit_hosted_by_the_place():
    document = extract("Secretary Tomas Ferreira spoke warmly of Quito, where he was two days ago.")
    assert [(m.type, m.status, [p.name for p in m.participants]) for m in document.meetings] == [
        ("visit", "held", ["Tomas Ferreira", "Ecuador"])]
    assert document.meetings[0].place is not None and document.meetings[0].place.text == "Quito"


def test_det5_where_was_born_is_no_visit():
    assert meeting_summaries("Minister Ana Lind spoke in Lima, where she was born.") == []
    assert meeting_summaries("The journalist stayed in Quito, where he was arrested on Monday.") == []


def test_det5_also_meet_is_one_more_event_after_the_visit():
    text = ("Today Secretary Ana Lind travels to Peru for a two-day visit. "
            "Secretary Ana Lind will also meet with senior Peruvian officials.")
    # officials with a rank word meet as written (meetings.participant.some_officials)
    assert meeting_summaries(text) == [("visit", "planned", ["Ana Lind", "Peru"]),
                               ("meeting", "planned", ["Ana Lind", "senior Peruvian officials"])]


def test_det5_travels_to_today_is_planned():
    found = meeting_summaries("Today Secretary Ana Lind travels to Peru for a two-day visit.")
    assert [(kind, status) for kind, status, _ in found] == [("visit", "planned")]
    assert "Peru" in found[0][2]


def test_det5_trilateral_talks_take_the_three_bodies_named():
    text = ("The African Union and Peru agreed on trade, and Chile was pleased. "
            "President Marta Quiroga and President Tomas Ferreira welcomed the conclusions of the trilateral talks.")
    assert meeting_summaries(text) == [("talks", "held", ["African Union", "Peru", "Chile"])]


def test_det5_trilateral_talks_with_four_bodies_named_take_none():
    text = ("The African Union, Peru, Chile and Bolivia agreed on trade. "
            "President Marta Quiroga and President Tomas Ferreira welcomed the conclusions of the trilateral talks.")
    assert meeting_summaries(text) == []


def test_det5_indefinite_plan_after_dated_held_meeting_is_the_next_one():
    text = ("Peru, Chile and Bolivia met last Friday. President Marta Quiroga and President Tomas Ferreira praised the "
            "trilateral talks. It was decided that a trilateral meeting should take place.")
    assert meeting_summaries(text) == [("meeting", "held", ["Peru", "Chile", "Bolivia"]), ("meeting", "planned", ["Peru", "Chile", "Bolivia"])]
