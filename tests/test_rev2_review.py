"""Review fixes of helper rev2: each decision is traced once."""

from diplo_cli.pipeline import extract
from diplo_cli.rules import Trace


def test_rev2_noun_holder_traced_once():
    text = "Officials praised the talks Prime Minister Ana Sousa held with the leaders of Chile and Bolivia in May."
    trace = Trace()
    document = extract(text, trace=trace)
    holder = [e for e in trace.events if e.rule == "meetings.participant.noun_holder"]
    assert len(holder) == 1
    assert (holder[0].start, holder[0].end) == (text.index("Ana"), text.index(" with"))
    assert [[p.name for p in m.participants] for m in document.meetings] == [["Ana Sousa", "Chile", "Bolivia"]]


def test_rev2_self_repair_traced_once():
    text = ("Q Any news on the border?\n"
            "MS. VALE: The Minister is holding — holding useful talks with — with her counterparts in Chile today.\n")
    trace = Trace()
    extract(text, trace=trace)
    repairs = [(e.start, e.end) for e in trace.events if e.rule == "meetings.clause.self_repair"]
    first, second = "holding — holding useful talks", "with — with her counterparts"
    assert repairs == [(text.index(first), text.index(first) + len(first)), (text.index(second), text.index(second) + len(second))]


def test_coordinated_actors_are_read_and_traced_once_per_trigger():
    # both the unlisted-people and the bare-actor readings look at the actors around a verb trigger
    text = "Norland Rebels and Sarn Guards held talks in Lima on Monday."
    trace = Trace()
    document = extract(text, trace=trace)
    coordinated = [(e.start, e.end) for e in trace.events if e.rule == "meetings.participant.coordinated_actors"]
    assert coordinated == [(0, text.index(" in Lima"))]
    assert [[p.name for p in m.participants] for m in document.meetings] == [["Norland Rebels", "Sarn Guards"]]
