"""Every rule, veto and trim of the rule tables (data/<lang>/rules/*.toml) runs its own examples.

A positive example must show the rule taking part (a statement it built, or a trace event under its
id) with the spans the example names, built by this rule and not another; a counterexample must not
show the rule at all. The examples are invented for the tables, never taken from the shared data.
"""

from __future__ import annotations

import pytest

from diplo_cli import extract
from diplo_cli.language.datafiles import languages
from diplo_cli.rules import RuleRecord, Trace, load_rule_tables

LANGUAGES = languages()
RECORDS = [record for language in LANGUAGES for record in load_rule_tables(language)]


def _language(record: RuleRecord) -> str:
    return record.source.split("/")[1]  # data/<lang>/rules/<stage>.toml


def _fired(text: str, language: str = "en") -> tuple[set[str], object]:
    trace = Trace()
    document = extract(text, trace=trace, language=language)
    return trace.rules() | {s.rule for s in document.statements}, document


def _check_spans(record: RuleRecord, example, document) -> None:
    spans = example.spans
    statement_keys = {"speaker", "cue", "content"} & set(spans)
    if statement_keys:
        made = [s for s in document.statements
                if all({"speaker": s.speaker.mention.text, "cue": s.cue.text, "content": s.content.text}[k] == spans[k]
                       for k in statement_keys)]
        assert made, f"{record.id}: no statement with {spans} in {example.text!r}: {[s.to_dict('-') for s in document.statements]}"
        if record.kind == "build":
            assert any(s.rule == record.id for s in made), f"{record.id}: {example.text!r} was built by {made[0].rule}"
    meeting_keys = {"type", "status"} & set(spans)
    if meeting_keys:
        assert any(all(getattr(m, k) == spans[k] for k in meeting_keys) for m in document.meetings), \
            f"{record.id}: no meeting with {spans} in {example.text!r}"


def test_every_rule_has_a_positive_and_a_negative_example():
    thin = [r.id for r in RECORDS if not r.examples or not r.counterexamples]
    assert not thin, f"rules without a positive or a negative example: {thin}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_rule_tables_are_not_empty(language: str):
    records = [r for r in RECORDS if _language(r) == language]
    assert len(records) >= 2
    assert {r.kind for r in records} >= {"veto"}


def test_every_language_folder_is_tested():
    assert set(LANGUAGES) >= {"en", "de"}


@pytest.mark.parametrize("record", RECORDS, ids=[r.id for r in RECORDS])
def test_examples_fire_the_rule(record: RuleRecord):
    for example in record.examples:
        fired, document = _fired(example.text, _language(record))
        assert record.id in fired, f"{record.id} did not take part in {example.text!r} (fired: {sorted(fired)})"
        _check_spans(record, example, document)


@pytest.mark.parametrize("record", RECORDS, ids=[r.id for r in RECORDS])
def test_counterexamples_do_not_fire_the_rule(record: RuleRecord):
    for text in record.counterexamples:
        fired, _ = _fired(text, _language(record))
        assert record.id not in fired, f"{record.id} took part in its counterexample {text!r}"
