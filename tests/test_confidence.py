"""Confidence, relaxed checks and nested reports ("via"), on invented text."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from diplo_cli import extract
from diplo_cli.cli import Environment, cli
from diplo_cli.language.confidence import ConfidenceTable
from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.models import Attribution, Span, Speaker


def _statements(text: str):
    return extract(text, lexicon=default_lexicon()).statements


def test_every_statement_has_a_confidence_from_its_rule_family():
    statements = _statements('"We are ready," Foreign Minister Ana Lind said. Ana Lind urged Estoria to end the blockade.')
    by_rule = {s.rule: s.confidence for s in statements}
    assert by_rule == {"attribution.direct.after": 0.95, "attribution.indirect.directive": 0.7}


def test_an_unresolved_pronoun_lowers_the_confidence():
    statements = _statements("He said the date was still open.")
    assert [(s.speaker.name, s.confidence) for s in statements] == [("He", 0.54)]


def test_a_relaxed_check_multiplies_its_factor():
    table = ConfidenceTable.build()
    text = "Ana Lind continued to urge Estoria to end the blockade."
    attribution = Attribution(Span.of(text, 0, 8), Span.of(text, 22, 26), Span.of(text, 34, 54), "indirect",
                              "attribution.indirect.directive", 0, relaxed=("to_before_cue",))
    assert table.score(attribution, Speaker(Span.of(text, 0, 8), "Ana Lind")) == 0.56


def test_the_longest_rule_prefix_gives_the_base():
    table = ConfidenceTable.build()
    assert table.rule_base("attribution.direct.continuation") == 0.8
    assert table.rule_base("attribution.direct.after_inverted") == 0.95
    assert table.rule_base("attribution.indirect.coordinated.that") == 0.75
    assert table.rule_base("something.else") == 0.8


@pytest.mark.parametrize("text, inner_speaker", [
    ("President Lind said the talks were useful, according to a senior official.", "Lind"),
    ('"The talks were useful," Lind told Varga, according to a readout from the ministry.', "Lind"),
    ("According to the ministry, Lind said the talks were useful.", "Lind"),
    ("The ministry said Lind told Varga that the talks were useful.", "Lind"),
])
def test_a_statement_reported_inside_another_names_it_in_via(text, inner_speaker):
    statements = _statements(text)
    assert len(statements) == 2
    inner = next(s for s in statements if s.speaker.name == inner_speaker)
    outer = next(s for s in statements if s is not inner)
    assert (inner.via, outer.via) == (outer.id, None)


def test_side_by_side_statements_have_no_via():
    assert [s.via for s in _statements("Lind said the talks were useful. Varga said they were not.")] == [None, None]


def _run(args, input_text):
    return CliRunner().invoke(cli, args, obj=Environment(stdout_isatty=False, stderr_isatty=False, stdin_isatty=False),
                              input=input_text, catch_exceptions=False)


def test_min_confidence_keeps_only_statements_at_or_above_it():
    text = "He said the date was still open. Ana Lind said the talks were useful.\n"
    everything = list(csv.DictReader(io.StringIO(_run(["--format", "csv", "-"], text).stdout)))
    assert [(r["speaker"], r["confidence"], r["relaxed"], r["via"]) for r in everything] == [
        ("He", "0.54", "", ""), ("Ana Lind", "0.9", "", "")]
    kept = list(csv.DictReader(io.StringIO(_run(["--format", "csv", "--min-confidence", "0.6", "-"], text).stdout)))
    assert [r["speaker"] for r in kept] == ["Ana Lind"]


def test_min_confidence_outside_zero_to_one_is_a_usage_error():
    result = _run(["--min-confidence", "1.5", "-"], "Ana Lind said the talks were useful.\n")
    assert result.exit_code == 2


def test_a_relaxed_reading_reaches_the_statement_with_its_lower_confidence():
    (statement,) = _statements("Ana Lind tried to argue that the vote was fair.")
    assert (statement.speaker.name, statement.relaxed, statement.confidence) == ("Ana Lind", ("to_before_cue",), 0.72)


BRIEFING = ("MS. HARLOW: Good afternoon. The trip is on.\n"
            "Q Is the date set?\n"
            "MS. HARLOW: It is not. We said that the talks would resume.\n")


def test_turns_mode_adds_one_turn_statement_per_labelled_answer():
    records = [json.loads(line) for line in _run(["--turns", "--format", "jsonl", "-"], BRIEFING).stdout.splitlines()]
    turns = [r for r in records if r["kind"] == "turn"]
    assert [(r["speaker"]["text"], r["speaker"]["mention"], r["cue"]["text"], r["content"]["text"], r["rule"], r["confidence"]) for r in turns] == [
        ("MS. HARLOW", "label", ":", "Good afternoon. The trip is on.", "turn.label", 0.6),
        ("MS. HARLOW", "label", ":", "It is not. We said that the talks would resume.", "turn.label", 0.6),
    ]
    for r in turns:
        assert BRIEFING[r["content"]["start"]:r["content"]["end"]] == r["content"]["text"]
    assert [r["kind"] for r in records if r["kind"] != "turn"] == ["indirect"]  # the reported speech is still there


def test_without_turns_no_turn_statement_and_prose_has_none_either():
    assert all(json.loads(line)["kind"] != "turn" for line in _run(["--format", "jsonl", "-"], BRIEFING).stdout.splitlines())
    assert _run(["--turns", "--format", "jsonl", "-"], "Ana Lind said the talks were useful.\n").stdout.count('"turn"') == 0
