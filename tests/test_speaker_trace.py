"""The speakers stage names each decision in the trace: how a speaker was resolved, which candidates a veto rejected."""

from __future__ import annotations

import re
from pathlib import Path

from diplo_cli import extract
from diplo_cli.rules import Trace, load_rule_tables

SPEAKERS = Path(__file__).resolve().parent.parent / "diplo_cli" / "speakers"


def _speaker_events(text: str) -> list[tuple[str, str, str, str]]:
    trace = Trace()
    extract(text, trace=trace)
    return [(e.rule, e.action, text[e.start:e.end], e.note) for e in trace.events if e.stage == "speakers"]


def test_each_speaker_is_set_once_with_its_rule_and_resolved_name():
    text = "Foreign Minister Ana Lind arrived on Monday. She said that the talks would resume."
    assert _speaker_events(text) == [("speakers.pronoun.antecedent", "set", "She", "Ana Lind")]


def test_a_vetoed_antecedent_is_named_before_the_one_chosen():
    text = "Russia welcomed the visit. Foreign Minister Ana Lind arrived on Monday. It said that the talks would resume."
    assert _speaker_events(text) == [("speakers.veto.kind", "vetoed", "It", "Ana Lind"),
                                     ("speakers.pronoun.antecedent", "set", "It", "Russia")]


def test_without_a_trace_the_speakers_are_the_same():
    text = "Mr. Piet Varga arrived on Monday. She said that the talks would resume."
    traced = extract(text, trace=Trace())
    assert [s.speaker.name for s in extract(text).statements] == [s.speaker.name for s in traced.statements] == ["She"]


def test_every_rule_id_the_stage_can_record_has_a_record():
    code = "\n".join(path.read_text(encoding="utf-8") for path in SPEAKERS.glob("*.py"))
    emitted = set(re.findall(r"\"(speakers\.[a-z_.]+)\"", code)) - {"speakers.toml"}  # the stage's data file is no rule
    recorded = {record.id for record in load_rule_tables("en") if record.stage == "speakers"}
    assert len(emitted) >= 30
    assert emitted <= recorded, sorted(emitted - recorded)
    assert recorded <= emitted, sorted(recorded - emitted)
