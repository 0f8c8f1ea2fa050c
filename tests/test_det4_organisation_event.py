"""Meeting participants (helper det4, issue 14): a person's name is never read as the organisation whose meeting it is."""

from diplo_cli.pipeline import extract
from diplo_cli.rules import Trace
from tests.extracted import meeting_rows


def test_det4_name_ending_like_an_acronym_is_the_person_who_meets():
    # 'Un' of 'Kim Jong Un' folds like 'UN'; before, the meeting was the United Nations' with nobody else
    text = "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome."
    assert meeting_rows(text) == [("meeting", "held", ["Kim Jong-un", "Vladimir Putin"], ["met"])]
    trace = Trace()
    extract(text, trace=trace)
    assert [e.action for e in trace.events if e.rule == "meetings.participant.organisation_event"] == ["vetoed"]


def test_det4_organisation_before_a_meeting_word_is_still_its_group():
    assert meeting_rows("The African Union summit opened in Addis Ababa.") == [("summit", "held", ["African Union"], ["summit"])]
    assert meeting_rows("The UN Security Council met on Friday.") == [("meeting", "held", ["UN Security Council"], ["met"])]
