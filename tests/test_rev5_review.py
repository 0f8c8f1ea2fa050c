"""Review fixes of helper rev5: trace events written once, the dateline test on a long line."""

from __future__ import annotations

from diplo_cli import extract
from diplo_cli.rules import Trace


def test_rev5_relative_aside_traced_once_when_the_sentence_is_read_too():
    # no time in the verb's own clause: the aside test runs on the clause's times, then on the sentence's
    text = "Foreign Minister Ana Lind, who visited Lima in June, met President Marta Quiroga in Santiago."
    trace = Trace()
    extract(text, trace=trace)
    events = [e for e in trace.events if e.rule == "meetings.time.relative_aside"]
    assert [(e.action, text[e.start:e.start + 4]) for e in events] == [("vetoed", "June")]


def test_rev5_dateline_time_read_on_a_later_line_only_at_its_start():
    text = ("Some opening words of a story.\nLIMA, June 4 (Reuters) - Foreign Minister Ana Lind met President "
            "Marta Quiroga on Tuesday.")
    trace = Trace()
    meetings = extract(text, trace=trace).meetings
    assert [m.time.text if m.time else None for m in meetings] == ["Tuesday"]
    assert [text[e.start:e.end] for e in trace.events if e.rule == "meetings.time.dateline"] == ["June 4"]
