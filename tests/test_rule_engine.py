"""The pattern-rule engine (diplo_cli/rules/engine.py) on small tables written here: rule order,
vetoes, trims, nesting, continuation, the trace, sentence splitting, table errors and linear run time.

The tables read their word files from data/de/; the sentences are invented.
"""

from __future__ import annotations

import json
import tomllib

import pytest

from diplo_cli import extract
from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import check_language, known_languages, languages
from diplo_cli.rules import Trace
from diplo_cli.rules.engine import compile_statement_table, find_statements, load_statement_rules

from .timing import best_time, ratios_until_within

SAY_COMMA = r'''(?<speaker>\p{Lu}\p{Ll}+)\s(?<cue>sagte),\s(?<content>[^\n]{1,500}+)'''


def table(text: str):
    return compile_statement_table(tomllib.loads(text), "de", "test.toml")


def rule(rule_id: str, pattern: str, kind: str = "build", **settings) -> str:
    extra = "".join(f"{key} = {value!r}\n" if not isinstance(value, list) else f"{key} = {value!r}\n".replace("'", '"')
                    for key, value in settings.items())
    return f"[[rule]]\nid = {rule_id!r}\nkind = {kind!r}\nwhy = 'test'\npattern = '''{pattern}'''\n{extra}\n"


def test_the_earlier_rule_of_the_table_wins_an_overlap_and_the_later_is_traced_as_merged():
    rules = table(rule("statements.first", SAY_COMMA, statement="indirect")
                  + rule("statements.second", r'''(?<speaker>Anna)\s(?<cue>sagte),\s(?<content>es)''', statement="direct"))
    trace = Trace()
    [found] = find_statements("Anna sagte, es regne.", rules, trace)
    assert (found.rule, found.kind, found.content.text) == ("statements.first", "indirect", "es regne.")
    assert [(e.rule, e.action, e.note) for e in trace.events] == [
        ("statements.first", "built", "indirect"),
        ("statements.second", "merged", "overlaps a statement of statements.first"),
    ]


def test_swapping_the_rules_swaps_the_winner():
    rules = table(rule("statements.second", r'''(?<speaker>Anna)\s(?<cue>sagte),\s(?<content>es)''', statement="direct")
                  + rule("statements.first", SAY_COMMA))
    [found] = find_statements("Anna sagte, es regne.", rules)
    assert (found.rule, found.content.text) == ("statements.second", "es")


def test_a_veto_drops_the_candidate_and_names_itself_in_the_trace():
    rules = table(rule("statements.say", SAY_COMMA) + rule("statements.veto.weather", "regne", kind="veto", on="content"))
    trace = Trace()
    assert find_statements("Anna sagte, es regne.", rules, trace) == []
    [event] = trace.events
    assert (event.rule, event.action, event.start, event.end) == ("statements.veto.weather", "vetoed", 12, 21)
    assert find_statements("Anna sagte, es schneie.", rules)[0].content.text == "es schneie."


def test_a_veto_with_rules_guards_only_those_rules():
    rules = table(rule("statements.say", SAY_COMMA) + rule("statements.other", r'''(?<cue>Laut)\s(?<speaker>\p{Lu}\p{Ll}+)\s(?<content>[^\n]+)''')
                  + rule("statements.veto.anna", "^Anna$", kind="veto", on="speaker", rules=["statements.other"]))
    assert [a.rule for a in find_statements("Anna sagte, es regne.", rules)] == ["statements.say"]
    assert find_statements("Laut Anna regnet es.", rules) == []


def test_a_trim_cuts_the_matched_edge_and_is_traced():
    rules = table(rule("statements.say", SAY_COMMA) + rule("statements.trim.stop", r"[.!]+$", kind="trim", on="content"))
    trace = Trace()
    [found] = find_statements("Anna sagte, es regne.", rules, trace)
    assert (found.content.text, found.content.start, found.content.end) == ("es regne", 12, 20)
    first = trace.events[0]
    # traced at the candidate's final content, where its other decisions are traced; the cut in the note
    assert (first.rule, first.action, first.start, first.end, first.note) == (
        "statements.trim.stop", "trimmed", 12, 20, "statements.say: content less '.'")


def test_a_trim_in_the_middle_of_a_span_cuts_nothing():
    rules = table(rule("statements.say", SAY_COMMA) + rule("statements.trim.comma", ",", kind="trim", on="content"))
    assert find_statements("Anna sagte, es regne, sagt man.", rules)[0].content.text == "es regne, sagt man."


def test_a_trim_with_not_rules_leaves_the_candidates_of_those_rules_alone():
    rules = table(rule("statements.say", SAY_COMMA) + rule("statements.laut", r'''(?<cue>Laut)\s(?<speaker>\p{Lu}\p{Ll}+)\s(?<content>[^\n]+)''')
                  + rule("statements.trim.stop", r"[.!]+$", kind="trim", on="content", not_rules=["statements.laut"]))
    assert find_statements("Anna sagte, es regne.", rules)[0].content.text == "es regne"
    assert find_statements("Laut Anna regnet es.", rules)[0].content.text == "regnet es."


def test_a_veto_or_trim_naming_an_unknown_rule_is_a_rule_error():
    with pytest.raises(RuleError, match=r"test.toml: rule statements.trim.stop names unknown rules: statements.nowhere"):
        table(rule("statements.say", SAY_COMMA) + rule("statements.trim.stop", "[.]$", kind="trim", not_rules=["statements.nowhere"]))


def test_a_continuation_carries_the_speaker_to_the_next_sentences_within_its_reach():
    rules = table(rule("statements.say", SAY_COMMA.replace("[^\\n]{1,500}+", "[^\\n.]{1,500}+"))
                  + rule("statements.goes_on", r'''^(?<content>(?=.{0,99}?\b(?<cue>sei)\b).{1,500}+)''', action="continue", reach=1))
    found = find_statements("Anna sagte, es regne. Der Weg sei nass. Der Bus sei spät. Das Dorf schläft. Alles sei ruhig.", rules)
    assert [(a.rule, a.speaker.text, a.content.text) for a in found] == [
        ("statements.say", "Anna", "es regne"),
        ("statements.goes_on", "Anna", "Der Weg sei nass."),
        ("statements.goes_on", "Anna", "Der Bus sei spät."),
    ]


def test_a_refer_back_rule_takes_the_sentence_before_in_the_same_paragraph_as_its_content():
    rules = table(rule("statements.back", r'''^Das\s(?<cue>meldete)\s(?<speaker>\p{Lu}\p{Ll}+)\.$''', action="refer_back"))
    found = find_statements("Es regnet. Das meldete Anna.\nDas meldete Berta. Es schneit.", rules)
    assert [(a.rule, a.speaker.text, a.cue.text, a.content.text, a.content.start) for a in found] == [
        ("statements.back", "Anna", "meldete", "Es regnet.", 0),
    ]  # Berta's sentence opens its paragraph: there is nothing before it to point back to


def test_a_nested_rule_finds_a_quotation_inside_reported_speech():
    rules = table(rule("statements.say", SAY_COMMA) + rule("statements.quote_inside", "(?<content><<quoted>>)", action="nest",
                                                            statement="direct", within=["indirect"]))
    found = find_statements("Anna sagte, das sei „ein Anfang“.", rules)
    assert [(a.rule, a.kind, a.speaker.text, a.cue.text, a.content.text) for a in found] == [
        ("statements.say", "indirect", "Anna", "sagte", "das sei „ein Anfang“."),
        ("statements.quote_inside", "direct", "Anna", "sagte", "„ein Anfang“"),
    ]


def test_every_statement_keeps_offsets_into_the_text():
    text = "Vorab. „Wir bleiben“, sagte die Sprecherin. Nach Angaben der Polizei ist niemand verletzt."
    document = extract(text, language="de")
    assert len(document.statements) == 2
    for statement in document.statements:
        for span in (statement.speaker.mention, statement.cue, statement.content):
            assert text[span.start:span.end] == span.text


def test_the_sentence_splitter_keeps_abbreviations_and_ordinals_inside_a_sentence():
    splitter = load_statement_rules("de").splitter
    text = "Am 3. Oktober kam u. a. Dr. Weber, z. B. mit Gästen. Danach sprach er.\nNeue Zeile"
    pieces = [text[start:end] for start, end, _ in splitter.split(text)]
    assert pieces == ["Am 3. Oktober kam u. a. Dr. Weber, z. B. mit Gästen.", "Danach sprach er.", "Neue Zeile"]
    assert [paragraph for _, _, paragraph in splitter.split(text)] == [0, 0, 1]


def test_a_rule_without_the_named_groups_is_a_rule_error_naming_it():
    with pytest.raises(RuleError, match=r"test.toml: rule statements.bad: the pattern needs the named groups speaker"):
        table(rule("statements.bad", r"(?<cue>sagte),\s(?<content>.+)"))


def test_an_unknown_fragment_or_word_file_is_a_rule_error():
    with pytest.raises(RuleError, match=r"unknown fragment <<nowhere>>"):
        table(rule("statements.bad", r"(?<speaker>a)(?<cue>b)(?<content><<nowhere>>)"))
    with pytest.raises(RuleError, match=r"data/de/no_such_words.txt: no such word file"):
        table(rule("statements.bad", r"(?<speaker>a)(?<cue>\L<no_such_words>)(?<content>c)"))


def test_the_languages_are_the_data_folders_and_an_unknown_one_is_refused():
    assert {"en", "de"} <= set(known_languages())
    assert languages() == ("de", "en")
    with pytest.raises(ValueError, match=r"unknown language 'xx' \(available: de, en\)"):
        extract("Anna sagte, es regne.", language="xx")
    assert check_language("de") == "de"


def test_german_text_has_statements_and_no_meetings():
    document = extract("Der Minister sagte, er werde am Montag nach Paris reisen, um den Präsidenten zu treffen.", language="de")
    assert [(s.rule, s.speaker.name, s.content.text) for s in document.statements] == [
        ("statements.indirect.speaker_cue", "Der Minister", "er werde am Montag nach Paris reisen, um den Präsidenten zu treffen"),
    ]
    assert document.meetings == ()


def test_a_pronoun_speaker_is_kept_as_written():
    [statement] = extract("Sie betonte, das Projekt sei sicher.", language="de").statements
    assert (statement.speaker.name, statement.speaker.mention_kind) == ("Sie", "pronoun")


@pytest.mark.parametrize("piece", [
    "„Das sagte der Mann, " * 40,  # opening marks never closed, reporting verbs everywhere
    "Nach Angaben von Anna Berg Carl Dorn Emil Fink " * 40,  # long runs of capitalised words
    "Er sagte, sie sei, so Anna, laut Carl " * 40,
    "Er sagte, es sei " + ". , ; " * 60 + "x ",  # stop marks a trim must not rescan from every position
    "„Wir warten“, sagte er, " * 40,  # one endless sentence of quotations: a sentence veto reads it once
])
def test_the_engine_is_linear_on_crafted_input(piece: str):
    rules = load_statement_rules("de")
    small, large = piece * 5, piece * 40  # eight times the text
    ratios = ratios_until_within(lambda: best_time(lambda: find_statements(small, rules)),
                                 lambda: best_time(lambda: find_statements(large, rules)), 24)
    assert min(ratios) <= 24, ratios  # quadratic would be about 64


def test_the_extraction_commands_take_lang(tmp_path):
    from click.testing import CliRunner

    from diplo_cli.cli import cli

    path = tmp_path / "de.txt"
    path.write_text("„Wir bleiben“, sagte die Sprecherin am Abend.\nLaut der Polizei ist die Straße frei.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["statements", "--lang", "de", "-f", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["rule"], r["speaker"]["text"], r["content"]["text"]) for r in rows] == [
        ("statements.direct.quote_cue_speaker", "die Sprecherin", "„Wir bleiben“"),
        ("statements.according_to.laut_first", "der Polizei", "ist die Straße frei"),
    ]
    english = CliRunner().invoke(cli, ["statements", "-f", "jsonl", str(path)])
    assert english.exit_code == 0 and "statements.according_to" not in english.stdout


def test_an_unknown_lang_is_a_usage_error_naming_the_languages(tmp_path):
    from click.testing import CliRunner

    from diplo_cli.cli import cli

    path = tmp_path / "de.txt"
    path.write_text("Text.", encoding="utf-8")
    for command in (["statements"], ["eval"]):
        result = CliRunner().invoke(cli, [*command, "--lang", "xx", str(path)])
        assert result.exit_code == 2
        assert "'xx' is not a language diplo reads (available: de, en)" in result.output


def test_the_dask_route_refuses_lang_other_than_english(tmp_path):
    from click.testing import CliRunner

    from diplo_cli.cli import cli

    path = tmp_path / "de.txt"
    path.write_text("Text.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["statements", "--engine", "dask", "--output-dir", str(tmp_path / "out"), "--lang", "de", str(path)])
    assert result.exit_code == 2
    assert "it cannot apply --lang de" in result.output


def test_german_reads_typewriter_double_quotes_as_quotation_marks():
    text = "''Wir bleiben hier'', sagte die Sprecherin."
    [statement] = extract(text, language="de").statements
    assert (statement.rule, statement.speaker.name) == ("statements.direct.quote_cue_speaker", "die Sprecherin")
    assert text[statement.content.start:statement.content.end] == statement.content.text == "'Wir bleiben hier'"


def test_rule_packs_with_another_language_are_named_as_unused(tmp_path):
    from click.testing import CliRunner

    from diplo_cli.cli import cli

    text, pack = tmp_path / "de.txt", tmp_path / "pack.toml"
    text.write_text("Die Polizei sagte, die Straße sei frei.\n", encoding="utf-8")
    pack.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["statements", "--lang", "de", "--rules", str(pack), "-f", "jsonl", str(text)])
    assert result.exit_code == 0, result.output
    assert "diplo: warning: rule packs and gazetteers are read by the English stages only: --lang de does not use them" in result.stderr
    assert len(result.stdout.splitlines()) == 1


GERMAN_PIECES = ["„", "“", "»", "«", '"', "''", ", ", ". ", ": ", "\n", " ", "sagte", "Laut", "laut", "Nach Angaben",
                 "zufolge", "so", "Die Polizei", "er", "sei", "Das teilte", "mit", "z. B.", "Dr.", "3.", "dass", "Wie",
                 "Die Polizei sagte, ", "„Wir kommen“, sagte er. ", "Laut der Polizei ", "Er sagte: ", "Das Dorf sei leer. ",
                 "Nach Angaben der Stadt ", "Die Partei kritisierte den Plan. ", "Das teilte die Stadt mit. "]


def test_every_german_span_indexes_the_text_whatever_the_text():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.lists(st.sampled_from(GERMAN_PIECES) | st.text(max_size=6), max_size=40).map("".join))
    def check(text: str) -> None:
        for statement in extract(text, language="de").statements:
            for span in (statement.speaker.mention, statement.cue, statement.content):
                assert text[span.start:span.end] == span.text and span.start < span.end

    check()


def test_a_german_file_is_not_warned_as_not_english_nor_refused_under_strict(tmp_path):
    from tests.test_cli import run

    path = tmp_path / "de.txt"
    path.write_text("„Wir warten ab“, sagte die Ministerin am Montag in Berlin.\n", encoding="utf-8")
    result = run(["--lang", "de", "--strict", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["speaker"]["text"] == "die Ministerin"
    assert "does not look like English" not in result.output


def test_turns_are_refused_with_a_pattern_language(tmp_path):
    from tests.test_cli import run

    path = tmp_path / "de.txt"
    path.write_text("FRAGE: Wann?\nSPRECHERIN: Morgen.\n", encoding="utf-8")
    result = run(["--lang", "de", "--turns", str(path)])
    assert result.exit_code == 2
    assert "--turns reads English transcript labels; it cannot be combined with --lang de" in result.output


def test_a_misspelt_key_of_a_rule_is_an_error_naming_it():
    with pytest.raises(RuleError, match=r"rule statements.trim.stop: unknown key 'not_rule' for a trim rule \(known: not_rules, on, pattern, rules\)"):
        table(rule("statements.say", SAY_COMMA) + rule("statements.trim.stop", r"[.!]+$", kind="trim", not_rule=["statements.say"]))
    with pytest.raises(RuleError, match=r"unknown key 'scop' for a build rule"):
        table(rule("statements.say", SAY_COMMA, scop="paragraph"))
