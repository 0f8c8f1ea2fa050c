"""Meeting detection and grouping (helper det3, issue 14): invented sentences, checked values."""

from diplo_cli.pipeline import extract
from diplo_cli.rules import Trace
from tests.extracted import meeting_rows


def _topic_events(text: str) -> list[str]:
    trace = Trace()
    extract(text, trace=trace)
    return [text[e.start:e.end] for e in trace.events if e.rule == "meetings.status.topic_of_before"]


def test_det3_visit_discussed_in_talks_keeps_its_own_status():
    # the visit is what the talks were about: not held with them, so it stays the visit called off
    text = ("President Marta Quiroga called off her state visit to Peru. "
            "Last week Minister Ana Lind held talks regarding President Marta Quiroga's state visit.")
    found = meeting_rows(text)
    assert [(kind, status, mentions) for kind, status, _, mentions in found] == [
        ("visit", "cancelled", ["state visit", "state visit"]), ("talks", "held", ["held talks"])]
    assert _topic_events(text) == ["state visit"]


def test_det3_summit_that_talks_were_about_is_not_narrated_as_held():
    # 'held' governs 'discussions'; the summit they were on takes neither its tense nor its status
    text = "Minister Ana Lind and Minister Luis Prado held discussions regarding the Andean summit."
    assert _topic_events(text) == ["summit"]
    trace = Trace()
    extract(text, trace=trace)
    summit_rules = {e.rule for e in trace.events if text[e.start:e.end] == "summit"}
    assert "meetings.status.narrated_past" not in summit_rules
    assert "meetings.status.as_before" not in summit_rules


def test_det3_coordinated_meeting_words_still_share_one_modality():
    # 'and attend the summit' is a second event of the same plan, not the topic of the visit
    text = "President Marta Quiroga will travel to Lima on Monday and attend the Andean summit."
    assert _topic_events(text) == []
    assert {status for _, status, _, _ in meeting_rows(text)} == {"planned"}


def test_det3_conjunction_or_verb_in_the_gap_is_no_topic():
    text = "President Marta Quiroga met President Tomas Ferreira on Monday and will visit Peru in May."
    assert _topic_events(text) == []


def test_det3_dated_plan_naming_nobody_skips_the_meeting_held_before_it():
    text = ("President Marta Quiroga will meet President Tomas Ferreira next week. "
            "On Monday President Marta Quiroga met Prime Minister Ana Lind in Lima. "
            "Thursday's meeting is set to take place in Santiago.")
    assert meeting_rows(text) == [
        ("meeting", "planned", ["Marta Quiroga", "Tomas Ferreira"], ["meet", "meeting"]),
        ("meeting", "held", ["Marta Quiroga", "Ana Lind"], ["met"])]
    trace = Trace()
    extract(text, trace=trace)
    assert [e.action for e in trace.events if e.rule == "meetings.split.held_planned"] == ["split"]


def test_det3_undated_meeting_naming_nobody_still_refers_back_to_the_held_one():
    text = ("President Marta Quiroga will meet President Tomas Ferreira next week. "
            "On Monday President Marta Quiroga met Prime Minister Ana Lind in Lima. "
            "The meeting lasted two hours.")
    assert meeting_rows(text) == [
        ("meeting", "planned", ["Marta Quiroga", "Tomas Ferreira"], ["meet"]),
        ("meeting", "held", ["Marta Quiroga", "Ana Lind"], ["met", "meeting"])]


def test_det3_tomorrows_summit_is_planned_even_after_a_past_verb():
    found = meeting_rows("President Marta Quiroga discussed tomorrow's summit with the Andean leaders.")
    assert [(kind, status) for kind, status, _, _ in found] == [("summit", "planned")]


def test_det3_yesterdays_summit_stays_held():
    found = meeting_rows("President Marta Quiroga discussed yesterday's summit with the Andean leaders.")
    assert [(kind, status) for kind, status, _, _ in found] == [("summit", "held")]


def test_det3_indefinite_meeting_naming_nobody_does_not_join_the_one_before():
    text = ("The foreign ministers of Chile and Peru met in Lima on Monday. "
            "Recently there was a meeting between the chiefs of the security councils.")
    assert meeting_rows(text) == [("meeting", "held", ["Chile", "Peru"], ["met"])]


def test_det3_definite_meeting_naming_nobody_still_joins_the_one_before():
    text = "The foreign ministers of Chile and Peru met in Lima on Monday. The meeting lasted two hours."
    assert meeting_rows(text) == [("meeting", "held", ["Chile", "Peru"], ["met", "meeting"])]


def test_det3_meeting_noun_after_a_copula_is_said_of_the_meeting_before():
    text = "The foreign ministers of Chile and Peru met in Lima on Monday. It was a very useful meeting."
    assert meeting_rows(text) == [("meeting", "held", ["Chile", "Peru"], ["met", "meeting"])]
