"""`diplo explain` and the library's explain_text: every candidate, its outcome and the rules that decided it."""

from __future__ import annotations

import json

from diplo_cli import extract
from diplo_cli.explain import DROPPED, KEPT, explain_text
from tests.test_cli import run

QUESTION = "Can you confirm that the envoy will travel to Oslo next week?"
REPORT = "The minister said that the talks were useful."


def test_a_vetoed_candidate_names_the_veto_and_the_rule_that_built_it():
    explanation = explain_text(QUESTION)
    assert explanation.document.statements == ()
    [candidate] = [c for c in explanation.candidates if c.stage == "attribution"]
    assert (candidate.stage, candidate.span.text, candidate.outcome) == ("attribution", "confirm", DROPPED)
    assert candidate.dropped_by == "attribution.veto.interrogative"
    assert [(e.action, e.rule) for e in candidate.events] == [
        ("built", "attribution.indirect.that"), ("vetoed", "attribution.veto.interrogative")]


def test_a_kept_candidate_points_at_its_row():
    explanation = explain_text(REPORT)
    [statement] = explanation.document.statements
    kept = [c for c in explanation.candidates if c.outcome == KEPT]
    assert [(c.span.text, c.row, c.dropped_by) for c in kept if c.stage == "attribution"] == [("said", statement.id, None)]


def test_explain_json_carries_rows_and_candidates():
    result = run(["explain", "-f", "json", QUESTION])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["statements"] == []
    assert [(c["stage"], c["span"]["text"], c["outcome"], c["dropped_by"]) for c in record["candidates"]] == [
        ("attribution", "confirm", "dropped", "attribution.veto.interrogative"), ("meetings", "travel to", "kept", None)]


def test_explain_table_shows_the_ids_and_the_context():
    result = run(["explain", "-f", "table", QUESTION])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("attribution  dropped by attribution.veto.interrogative  8-15")
    assert "Can you confirm that the envoy" in lines[1]
    assert any(line.split()[:2] == ["vetoed", "attribution.veto.interrogative"] for line in lines)


def test_explain_reads_a_file_and_standard_input(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(REPORT, encoding="utf-8")
    from_file = json.loads(run(["explain", "-f", "json", "--file", str(path)]).output)
    from_stdin = json.loads(run(["explain", "-f", "json"], input=REPORT).output)
    assert from_file["statements"][0]["content"]["text"] == "the talks were useful"
    assert [s["content"] for s in from_stdin["statements"]] == [s["content"] for s in from_file["statements"]]
    assert (from_file["doc"], from_stdin["doc"]) == (str(path), "-")


def test_explain_refuses_a_missing_file_and_text_with_file(tmp_path):
    missing = run(["explain", "--file", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output  # an input that cannot be read, as elsewhere
    both = run(["explain", "--file", str(tmp_path / "nope.txt"), "some text"])
    assert both.exit_code == 2 and "not both" in both.output


def test_explain_runs_the_rule_table_of_another_language():
    result = run(["explain", "-f", "json", "--lang", "de", "„Wir warten ab“, sagte die Ministerin."])
    record = json.loads(result.output)
    [candidate] = record["candidates"]
    assert (candidate["stage"], candidate["outcome"], candidate["row"]) == ("statements", "kept", "s1")
    assert candidate["events"][0]["rule"] == record["statements"][0]["rule"]


def test_a_large_text_is_traced_once_per_decision_with_offsets_into_the_whole_text():
    from diplo_cli.pipeline import LARGE_TEXT
    from diplo_cli.rules import Trace

    paragraph = "The minister of Norland said that the talks were useful. Can you confirm that he will go?\n\n"
    text = paragraph * (LARGE_TEXT // len(paragraph) + 50)
    trace = Trace()
    document = extract(text, trace=trace)
    keys = [(e.stage, e.rule, e.action, e.start, e.end) for e in trace.events]
    assert len(keys) == len(set(keys))  # the context carried before each window is not traced again
    built = {e.start for e in trace.events if e.action == "built" and e.stage == "attribution"}
    assert {s.cue.start for s in document.statements} <= built
    vetoed = [e for e in trace.events if e.rule == "attribution.veto.interrogative"]
    assert len(vetoed) == text.count("Can you confirm") and all(text[e.start:e.end] == "confirm" for e in vetoed)


def test_explain_reads_a_file_as_the_other_commands_do(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("<html><body><p>The minister said that the talks were useful.</p></body></html>", encoding="utf-8")
    record = json.loads(run(["explain", "-f", "json", "--file", str(page)]).output)
    assert record["statements"][0]["content"]["text"] == "the talks were useful"
    records = tmp_path / "two.jsonl"
    records.write_text('{"text": "One said so."}\n{"text": "Two said so."}\n', encoding="utf-8")
    several = run(["explain", "--file", str(records)])
    assert several.exit_code == 2 and "holds several documents; diplo explain takes one text" in several.output
