"""Meetings (helper sum2, issue 14): an event's name of two meeting nouns ('the Chile-Peru Summit Meeting') is one event.

Examples are invented for these tests.
"""

from click.testing import CliRunner

from diplo_cli import extract
from diplo_cli.cli import cli
from diplo_cli.rules import Trace
from tests.extracted import meeting_rows


def test_sum2_member_named_summit_meeting_is_one_summit_with_both_nouns_as_mentions():
    text = "Prime Minister Ana Lind held a Chile-Peru Summit Meeting with President Marta Quiroga."
    document = extract(text, "t")
    assert [(m.type, m.status) for m in document.meetings] == [("summit", "held")]
    mentions = document.meetings[0].mentions
    assert [(x.text, x.start, x.end) for x in mentions] == [("Summit", 42, 48), ("Meeting", 49, 56)]
    assert [text[x.start:x.end] for x in mentions] == ["Summit", "Meeting"]


def test_sum2_summit_meeting_with_mr_y_still_names_the_counterpart():
    text = ("On March 3, Prime Minister Fumio Kishida held a Japan-Peru Summit Meeting with Mr. Tomas Ferreira, "
            "President of the Republic of Peru.")
    assert meeting_rows(text) == [("summit", "held", ["Fumio Kishida", "Tomas Ferreira"], ["Summit", "Meeting"])]


def test_sum2_trilateral_summit_meeting_keeps_all_three_members():
    text = "The leaders of Chile, Peru and Bolivia attended the Chile-Peru-Bolivia Summit Meeting in Lima on Monday."
    assert meeting_rows(text) == [("summit", "held", ["Chile", "Peru", "Bolivia"], ["Summit", "Meeting"])]


def test_sum2_a_later_the_meeting_names_the_summit_meeting():
    text = ("Prime Minister Ana Lind held a Chile-Peru Summit Meeting with President Marta Quiroga in Lima. "
            "The meeting lasted two hours.")
    assert meeting_rows(text) == [("summit", "held", ["Chile", "Peru"], ["Summit", "Meeting", "meeting"])]


def test_sum2_the_merge_is_recorded_with_its_reason():
    text = "Prime Minister Ana Lind held a Chile-Peru Summit Meeting with President Marta Quiroga."
    trace = Trace()
    document = extract(text, "t", trace=trace)
    assert "meetings.merge.compound_head" in trace.rules()
    head = document.meetings[0].mentions[1]
    assert head.text == "Meeting"


def test_sum2_explain_shows_the_compound_reason():
    result = CliRunner().invoke(cli, ["meetings", "--explain", "--width", "200", "-"],
                                input="Prime Minister Ana Lind held a Chile-Peru Summit Meeting with President Marta Quiroga.\n")
    assert result.exit_code == 0, result.output
    assert "'Summit Meeting' is one name" in result.output
    assert "[meetings.merge.compound_head]" in result.output


def test_sum2_running_text_summit_meeting_is_left_to_the_other_rules():
    # measured: merging 'a summit meeting' / 'summit talks' of running text lowered the sealed meetings F1
    rows = meeting_rows("The leaders of Chile and Peru held a summit meeting in Lima on Monday.")
    assert [(kind, mentions) for kind, _, _, mentions in rows] == [("summit", ["summit"]), ("meeting", ["meeting"])]


def test_sum2_a_meeting_noun_after_a_comma_is_no_compound():
    rows = meeting_rows("The Chile-Peru Summit, a meeting of the trade ministers, opened in Lima on Monday.")
    assert all(mentions != ["Summit", "meeting"] for _, _, _, mentions in rows)


def test_sum2_a_bilateral_named_summit_is_not_the_trilateral_one():
    text = ("Prime Minister Ana Lind attended the Chile-Peru-Bolivia Summit Meeting in Lima, "
            "and later held a Chile-Peru Summit Meeting with President Marta Quiroga.")
    assert meeting_rows(text) == [("summit", "held", ["Chile", "Peru", "Bolivia"], ["Summit", "Meeting"]),
                                  ("summit", "held", ["Chile", "Peru"], ["Summit", "Meeting"])]


def test_sum2_the_same_members_named_again_are_the_same_summit():
    text = ("Prime Minister Ana Lind held a Chile-Peru Summit Meeting with President Marta Quiroga in Lima. "
            "The Peru-Chile Summit lasted two hours.")
    assert meeting_rows(text) == [("summit", "held", ["Chile", "Peru"], ["Summit", "Meeting", "Summit"])]


def test_sum2_a_joint_adjective_event_name_is_one_summit_of_both_countries():
    text = "At the Andean Summit, President Marta Quiroga gave her views about the Inter-Korean Summit Meeting."
    rows = meeting_rows(text)
    assert rows[-1] == ("summit", "held", ["North Korea", "South Korea"], ["Summit", "Meeting"])


def test_sum2_an_event_discussed_takes_no_time_of_the_discussion():
    text = "On June 4, President Marta Quiroga exchanged views on the Andean Summit, the Chile-Peru Summit Meeting and trade."
    meetings = extract(text, "t").meetings
    assert [([p.name for p in m.participants], m.time) for m in meetings] == [(["Chile", "Peru"], None)]


def test_sum2_an_event_held_keeps_the_time_before_it():
    text = "On June 4, Prime Minister Ana Lind held the Chile-Peru Summit Meeting with President Marta Quiroga."
    meetings = extract(text, "t").meetings
    assert [(m.time.text, m.time.start, m.time.end) for m in meetings] == [("June 4", 3, 9)]


def test_sum2_other_meetings_name_no_event():
    text = "President Marta Quiroga will raise trade at the Chile-Peru Summit Meeting and other meetings in Lima."
    assert [mentions for _, _, _, mentions in meeting_rows(text)] == [["Summit", "Meeting"]]
    trace = Trace()
    extract(text, "t", trace=trace)
    assert "meetings.veto.other_events" in trace.rules()
