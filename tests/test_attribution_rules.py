"""The attribution stage's decisions and its rule table agree: every id the stage can emit has a
record (id, kind, why, examples) in data/en/rules/attribution.toml, and every record names an id the
stage emits. The examples themselves run in tests/test_rule_examples.py."""

from __future__ import annotations

import re
from pathlib import Path

from diplo_cli import extract
from diplo_cli.rules import Trace, load_rule_tables

STAGE = Path(__file__).resolve().parent.parent / "diplo_cli" / "attribution"


def _emitted_ids() -> set[str]:
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(STAGE.glob("*.py")))
    ids = set(re.findall(r'"(attribution\.[a-z_.]+)"', source))
    ids |= {f"attribution.veto.{name}" for name in re.findall(r'_veto\(\s*"([a-z_]+)"', source)}
    ids |= {f"attribution.veto.{name}" for name in re.findall(r'"(not_cue|name_word)"', source)}
    ids |= {f"attribution.trim.{name}" for name in re.findall(r'_trim\(\s*"([a-z_]+)"', source)}
    ids |= {f"attribution.relax.{name}" for name in re.findall(r'_relaxed\.append\("([a-z_]+)"\)', source)}
    return ids


def _records() -> dict[str, str]:
    return {r.id: r.kind for r in load_rule_tables("en") if r.stage == "attribution"}


def test_every_emitted_id_has_a_record():
    records = _records()
    # a literal that only prefixes ids ("attribution.indirect" + ".that") names a family, not a rule
    missing = sorted(i for i in _emitted_ids()
                     if i not in records and not any(r.startswith(i + ".") for r in records))
    assert not missing, f"ids the attribution stage emits without a record: {missing}"


def test_every_record_is_emitted_by_the_stage():
    emitted = _emitted_ids()
    prefixes = {"attribution.indirect.coordinated.that", "attribution.indirect.coordinated.subject_cue",
                "attribution.indirect.that", "attribution.indirect.subject_cue"}  # built from a prefix and a suffix
    stray = sorted(i for i in _records() if i not in emitted and i not in prefixes)
    assert not stray, f"records naming no decision of the stage: {stray}"


def test_record_kinds_match_the_id():
    for rule_id, kind in _records().items():
        family = rule_id.split(".")[1]
        expected = {"veto": "veto", "trim": "trim", "relax": "relax"}.get(family, "build")
        assert kind == expected, f"{rule_id} is of kind {kind}, its id says {expected}"


def test_a_trim_is_traced_only_when_it_moves_the_end():
    trace = Trace()
    document = extract("Officials say the bridge is safe; others disagree.", trace=trace)
    assert [s.content.text for s in document.statements] == ["the bridge is safe"]
    assert [e.rule for e in trace.of("trimmed")] == ["attribution.trim.semicolon"]
    trace = Trace()
    extract("Officials say the bridge is safe.", trace=trace)
    assert trace.of("trimmed") == []


def test_a_veto_names_the_cue_it_dropped():
    text = "The mayor announced the visit."
    trace = Trace()
    assert extract(text, trace=trace).statements == ()
    (veto,) = [event for event in trace.of("vetoed") if event.stage == "attribution"]
    assert (veto.rule, text[veto.start:veto.end]) == ("attribution.veto.noun_object", "announced")


def test_a_relaxed_check_is_traced_with_the_rule_that_relaxed_it():
    trace = Trace()
    document = extract("The mayor continued to insist that the bridge is safe.", trace=trace)
    (statement,) = document.statements
    assert statement.relaxed == ("to_before_cue",)
    (relaxed,) = trace.of("relaxed")
    assert (relaxed.rule, relaxed.note) == ("attribution.relax.to_before_cue", statement.rule)


def test_no_trace_no_cost_of_names():
    # without a trace the stage records nothing and builds the same statements
    text = "The mayor said the bridge is safe; others disagree."
    assert [s.to_dict("-") for s in extract(text).statements] == [s.to_dict("-") for s in extract(text, trace=Trace()).statements]


def test_the_grammar_table_explains_every_record():
    import tomllib

    from diplo_cli.language.datafiles import data_text

    table = tomllib.loads(data_text("attribution_grammar.toml"))
    records = [(section, name, spec) for section in ("pattern", "words", "endings") for name, spec in table[section].items()]
    assert len(records) > 100
    unexplained = [f"{section}.{name}" for section, name, spec in records if len(spec.get("why", "").split()) < 4]
    assert not unexplained, f"records without a why: {unexplained}"


def test_a_pattern_naming_an_unknown_word_list_is_a_rule_error():
    import pytest

    from diplo_cli.attribution.patterns import compile_patterns
    from diplo_cli.errors import RuleError
    from diplo_cli.language.lexicons import default_lexicon

    table = {"pattern": {"broken": {"source": r"\L<words>", "lists": {"words": "no_such_list"}}}}
    with pytest.raises(RuleError, match="broken: unknown word list 'no_such_list'"):
        compile_patterns(table, default_lexicon(), "test.toml")
