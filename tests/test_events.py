"""Cross-document event grouping: every rule of data/en/event_grouping.toml runs its own examples.

An example is two documents' meetings ``a`` and ``b``: ``b`` must join ``a``'s event exactly when
``grouped`` says so, and the rule must decide (its veto refuses the join, its join accepts it); in a
counterexample it must not. The examples are invented for the table.
"""

from __future__ import annotations

import pytest

from diplo_cli.corpus.events import (
    JOIN_SAME,
    RULE_IDS,
    EventGrouper,
    event_id,
    explain_rows,
    grouping_rules,
    parse_grouping_rules,
)
from diplo_cli.errors import RuleError

RULES = grouping_rules()
CASES = [(rule.id, kind, number, case) for rule in RULES.rules.values()
         for kind, cases in (("example", rule.examples), ("counterexample", rule.counterexamples))
         for number, case in enumerate(cases, 1)]


def _meeting(doc: str, given: dict) -> dict:
    return {"doc": doc, "id": "m1", "type": given.get("type", "meeting"), "status": given.get("status", "held"),
            "participants": [{"name": name, "country": None} for name in given["participants"]],
            "place": {"text": given["place"]} if given.get("place") else None,
            "time": {"text": given.get("time") or given["date"], "date": given.get("date")} if given.get("date") or given.get("time") else None}


def _group(case: dict) -> tuple[bool, dict]:
    grouper = EventGrouper(explain=True)
    others = {f"o{number}": meeting for number, meeting in enumerate(case.get("others", ()), 1)}
    for doc, given in {"a": case["a"], **others, "b": case["b"]}.items():
        grouper.add(doc, [_meeting(doc, given)], [], given.get("reported"))
    (mention,) = [m for event in grouper.events for m in event.mentions if m["doc"] == "b"]
    return "a" in next(event.documents for event in grouper.events if "b" in event.documents), mention


def test_the_table_has_every_rule_the_grouper_applies_with_examples_both_ways():
    assert set(RULES.rules) == set(RULE_IDS)
    assert all(rule.kind == rule.id.split(".")[1] for rule in RULES.rules.values())
    assert all(rule.examples and rule.counterexamples and rule.why for rule in RULES.rules.values())
    assert (RULES.family("talks"), RULES.family("summit"), RULES.family("visit"), RULES.family("call")) == ("meeting", "meeting", "meeting", "call")


@pytest.mark.parametrize(("rule_id", "kind", "number", "case"), CASES, ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_rule_examples(rule_id, kind, number, case):
    grouped, mention = _group(case)
    assert grouped == case["grouped"], f"{rule_id} {kind} {number}: grouped {grouped}, refused by {mention.get('refused')}"
    decided = {mention["grouped_by"]} if grouped else {r["rule"] for r in mention["refused"]}
    assert (rule_id in decided) == (kind == "example"), f"{rule_id} {kind} {number}: decided by {decided}"


def test_a_report_joins_the_event_with_the_same_participants_then_the_nearest_in_date():
    grouper = EventGrouper(explain=True)
    names = ("Ana Ivanova", "Sergey Lavrov", "Wang Yi")
    grouper.add("a", [_meeting("a", {"participants": names, "place": "Oslo"})], [], "2023-06-01")
    grouper.add("b", [_meeting("b", {"participants": names[:2], "place": "Vienna"})], [], "2023-06-01")  # another place
    grouper.add("c", [_meeting("c", {"participants": names[:2]})], [], "2023-06-02")  # within a's, the same as b's: b's
    grouper.add("d", [_meeting("d", {"participants": names[:2], "place": "Geneva"})], [], "2023-06-10")  # a third place
    grouper.add("e", [_meeting("e", {"participants": names[:2]})], [], "2023-06-09")  # b's (7 days) or d's (1 day): d's
    grouper.add("f", [_meeting("f", {"participants": names[:2]})], [], "2023-06-05")  # 3 days from b's, 4 from d's: b's
    grouper.add("g", [_meeting("g", {"participants": names[1:2]})], [], "2023-06-06")  # one side of three events: none
    assert [e.documents for e in grouper.events] == [["a"], ["b", "c", "f"], ["d", "e"], ["g"]]
    assert [m["grouped_by"] for m in grouper.events[1].mentions] == [None, JOIN_SAME, JOIN_SAME]
    assert {r["rule"] for r in grouper.events[3].mentions[0]["refused"]} == {"events.veto.one_side_ambiguous"}


def test_the_report_window_follows_the_events_reported_span():
    grouper = EventGrouper()
    for doc, day in (("a", "2023-06-01"), ("b", "2023-06-14"), ("c", "2023-06-27"), ("d", "2023-07-20")):
        grouper.add(doc, [_meeting(doc, {"participants": ["Ana Ivanova", "Sergey Lavrov"], "status": "planned"})], [], day)
    assert [e.documents for e in grouper.events] == [["a", "b", "c"], ["d"]]
    assert (grouper.events[0].first_reported, grouper.events[0].last_updated) == ("2023-06-01", "2023-06-27")


def test_explain_rows_name_the_joining_rule_and_the_refusing_ones():
    grouper = EventGrouper(explain=True)
    grouper.add("a", [_meeting("a", {"participants": ["Ana Ivanova", "Sergey Lavrov"], "place": "Oslo"})], [], "2023-06-01")
    grouper.add("b", [_meeting("b", {"participants": ["Ana Ivanova", "Sergey Lavrov"], "place": "Vienna"})], [], "2023-06-01")
    grouper.add("c", [_meeting("c", {"participants": ["Ana Ivanova", "Sergey Lavrov"]})], [], "2023-06-02")
    oslo, vienna = (event.to_dict() for event in grouper.events)
    assert explain_rows(vienna) == [("b", "m1", "new", "new event", f"{oslo['id']} (events.veto.place)")]
    (_, _, decision, why, refused), = explain_rows(oslo)[1:]
    assert (decision, refused) == ("joined", "")
    assert why == f"{JOIN_SAME}: {RULES.rules[JOIN_SAME].why}"


def test_a_table_without_a_rule_the_grouper_applies_or_with_a_bad_kind_is_refused():
    with pytest.raises(RuleError, match="t.toml: no rule events.join.one_side_dated"):
        parse_grouping_rules("\n".join(f'[[rule]]\nid = "{r}"\nkind = "veto"\nwhy = "x"' for r in RULE_IDS if r != "events.join.one_side_dated"), "t.toml")
    with pytest.raises(RuleError, match="t.toml: rule 1 needs an id, a kind"):
        parse_grouping_rules('[[rule]]\nid = "x"\nkind = "maybe"\nwhy = "y"\n', "t.toml")


def test_an_event_takes_the_narrowest_meeting_date_its_reports_give():
    grouper = EventGrouper()
    names = ["Ana Ivanova", "Sergey Lavrov"]
    grouper.add("a", [_meeting("a", {"participants": names, "status": "planned", "date": "2023"})], [], "2023-06-01")
    grouper.add("b", [_meeting("b", {"participants": names, "date": "2023-06-19"})], [], "2023-06-10")
    grouper.add("c", [_meeting("c", {"participants": names, "date": "2023-06"})], [], "2023-06-20")
    (event,) = grouper.events
    assert (event.date, event.documents) == ("2023-06-19", ["a", "b", "c"])
    assert event.id == event_id(("ana ivanova|sergey lavrov", "meeting"), None, "2023")  # the id keeps the first report's key


def test_only_events_within_or_around_a_reports_participants_are_judged():
    grouper = EventGrouper()
    for doc, names in (("a", ["Ana Ivanova", "Sergey Lavrov"]), ("b", ["Ana Ivanova", "Wang Yi"]), ("c", ["Ana Ivanova"]),
                       ("d", ["Ana Ivanova", "Sergey Lavrov", "Wang Yi"])):
        grouper.add(doc, [_meeting(doc, {"participants": names})], [])  # undated, placeless: each its own event
    assert len(grouper.events) == 4
    candidates = grouper._candidates(frozenset({"ana ivanova", "sergey lavrov"}))
    assert [e.documents for e in candidates] == [["a"], ["c"], ["d"]]  # not b: Wang Yi is not in the report, Lavrov not in b
    assert [e.documents for e in grouper._candidates(frozenset({"ana ivanova"}))] == [["a"], ["b"], ["c"], ["d"]]


def test_an_event_grown_by_a_fuller_report_is_found_by_its_new_participants():
    grouper = EventGrouper()
    grouper.add("a", [_meeting("a", {"participants": ["Ana Ivanova", "Sergey Lavrov"]})], [], "2023-06-01")
    grouper.add("b", [_meeting("b", {"participants": ["Ana Ivanova", "Sergey Lavrov", "Wang Yi"]})], [], "2023-06-02")
    grouper.add("c", [_meeting("c", {"participants": ["Sergey Lavrov", "Wang Yi"]})], [], "2023-06-03")
    (event,) = grouper.events
    assert event.documents == ["a", "b", "c"] and event.names == {"ana ivanova", "sergey lavrov", "wang yi"}
    assert [m["grouped_by"] for m in event.mentions] == [None, "events.join.participants_within", "events.join.participants_within"]
    assert grouper._by_names == {event.names: [event]}
