"""The command line: formats parsed back, terminal detection, colours, filters, inputs, exit codes, help."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from diplo_cli import cli as cli_module
from diplo_cli.cli import EXIT_MEANINGS, Environment, ExitStatus, cli, wants_colour

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = str(SAMPLES / "peskov-erdogan-meeting.txt")
CALL = str(SAMPLES / "lavrov-blinken-call.txt")
INVENTED = ('Foreign Minister Ana Ivanova said on Monday that she would meet her counterpart in Vienna next week. '
            '"We expect progress," Ivanova told reporters.\n')


# rich reads these from the process environment itself; the tests' outcome must not depend on the shell.
QUIET_ENVIRONMENT = dict.fromkeys(("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "TERM"))


def run(args, *, env: Environment | None = None, input=None):
    return CliRunner().invoke(cli, args, obj=env or Environment(stdout_isatty=False, stderr_isatty=False, stdin_isatty=False),
                              input=input, env=QUIET_ENVIRONMENT, catch_exceptions=False)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# ---------------------------------------------------------------------------------- formats

def test_jsonl_records_point_into_the_text():
    result = run(["--format", "jsonl", SEED])
    assert result.exit_code == 0, result.stderr
    text = Path(SEED).read_text(encoding="utf-8")
    records = jsonl(result.stdout)
    assert records and {r["doc"] for r in records} == {SEED}
    for record in records:
        for part in (record["speaker"], record["cue"], record["content"]):
            assert text[part["start"]:part["end"]] == part["text"]


def test_json_parses_back_to_the_same_statements_as_jsonl():
    as_json = json.loads(run(["--format", "json", SEED, CALL]).stdout)
    as_jsonl = jsonl(run(["--format", "jsonl", SEED, CALL]).stdout)
    assert [d["doc"] for d in as_json["documents"]] == [SEED, CALL]
    assert [s for d in as_json["documents"] for s in d["statements"]] == as_jsonl
    assert all("meetings" in d for d in as_json["documents"])


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_delimited_rows_match_the_jsonl_records(fmt, delimiter):
    rows = list(csv.DictReader(io.StringIO(run(["--format", fmt, SEED, CALL]).stdout), delimiter=delimiter))
    records = jsonl(run(["--format", "jsonl", SEED, CALL]).stdout)
    assert len(rows) == len(records) > 0
    for row, record in zip(rows, records):
        assert (row["doc"], row["id"], row["speaker_name"], row["cue"]) == (record["doc"], record["id"], record["speaker"]["name"], record["cue"]["text"])
        assert int(row["content_start"]) == record["content"]["start"]
        if fmt == "csv":
            assert row["content"] == record["content"]["text"]


def test_meetings_csv_has_one_row_per_meeting():
    rows = list(csv.DictReader(io.StringIO(run(["meetings", "--format", "csv", SEED]).stdout)))
    meetings = jsonl(run(["meetings", "--format", "jsonl", SEED]).stdout)
    assert [r["id"] for r in rows] == [m["id"] for m in meetings] and rows
    assert rows[0]["participants"] == "; ".join(p["name"] for p in meetings[0]["participants"])


def test_meetings_csv_lists_participants_countries_and_statements_with_one_separator():
    rows = list(csv.DictReader(io.StringIO(run(["meetings", "--format", "csv", CALL]).stdout)))
    assert [(r["participants"], r["participant_countries"], r["statements"]) for r in rows] == [
        # s2 ('"We discussed ...," Lavrov told reporters ... after the call'): meetings.link.after_meeting
        ("Sergey Lavrov; Antony Blinken", "Russia; United States", "s1; s2"),
        ("Sergey Lavrov; Antony Blinken", "Russia; United States", "s4; s5; s6"),
    ]


def test_statements_csv_carries_the_kind_of_speaker_mention():
    rows = list(csv.DictReader(io.StringIO(run(["--format", "csv", CALL]).stdout)))
    records = jsonl(run(["--format", "jsonl", CALL]).stdout)
    assert [r["speaker_mention"] for r in rows] == [r["speaker"]["mention"] for r in records]
    assert rows[0]["speaker_mention"] == "organisation"


def test_speakers_formats_agree():
    rows = json.loads(run(["speakers", "--format", "json", SEED]).stdout)["speakers"]
    lines = jsonl(run(["speakers", "--format", "jsonl", SEED]).stdout)
    table = list(csv.DictReader(io.StringIO(run(["speakers", "--format", "csv", SEED]).stdout)))
    assert rows == lines and [r["name"] for r in table] == [r["name"] for r in rows]
    assert sum(r["statements"] for r in rows) == len(jsonl(run(["--format", "jsonl", SEED]).stdout))


def test_speakers_give_roles_per_document_year_and_structured_meeting_references(tmp_path):
    early, late = tmp_path / "early.txt", tmp_path / "late.txt"
    early.write_text("WASHINGTON, March 3, 2010 -- Biden said that the talks with Hu would resume next week.\n", encoding="utf-8")
    late.write_text("WASHINGTON, March 3, 2023 -- Biden said that the talks with Xi would resume next week.\n", encoding="utf-8")
    (row,) = json.loads(run(["speakers", "--format", "json", str(early), str(late)]).stdout)["speakers"]
    assert (row["name"], row["statements"], row["anonymous"]) == ("Joe Biden", 2, False)
    assert row["roles"] == [{"role": "vice president", "docs": [str(early)]}, {"role": "president", "docs": [str(late)]}]
    assert row["meetings"] == [{"doc": str(early), "id": "m1"}, {"doc": str(late), "id": "m1"}]
    (flat,) = csv.DictReader(io.StringIO(run(["speakers", "--format", "csv", str(early), str(late)]).stdout))
    assert flat == {"name": "Joe Biden", "roles": "vice president; president", "country": "United States", "iso2": "US", "iso3": "USA", "cameo": "USA", "anonymous": "false",
                    "statements": "2", "meetings": f"{early}#m1; {late}#m1"}


def test_speakers_csv_booleans_are_lower_case_like_the_statements_csv():
    rows = list(csv.DictReader(io.StringIO(run(["speakers", "--format", "csv", CALL]).stdout)))
    assert {r["anonymous"] for r in rows} == {"true", "false"}
    assert {r["speaker_anonymous"] for r in csv.DictReader(io.StringIO(run(["--format", "csv", CALL]).stdout))} == {"true", "false"}


def test_csv_header_is_written_even_without_statements(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("The weather was mild.\n", encoding="utf-8")
    result = run(["--format", "csv", str(empty)])
    assert result.exit_code == ExitStatus.SUCCESS
    assert result.stdout.splitlines() == [",".join(cli_module.__dict__.get("_", ()) or __import__("diplo_cli.render", fromlist=["CSV_COLUMNS"]).CSV_COLUMNS)]


def test_output_is_streamed_document_by_document(monkeypatch, tmp_path):
    """The records of the first documents are on stdout before the last is extracted (documents may
    be extracted in small batches, but never all before the first is written)."""
    import importlib

    files = [tmp_path / f"d{index:02}.txt" for index in range(20)]
    for path in files:
        path.write_text(INVENTED, encoding="utf-8")
    stdout = io.StringIO()
    seen: list[str] = []
    from diplo_cli import pipeline

    real_extract = pipeline.extract

    def spying_extract(text, doc="-", **kwargs):
        seen.append(stdout.getvalue())
        return real_extract(text, doc, **kwargs)

    for name in ("diplo_cli.pipeline", "diplo_cli.batch.parallel"):  # wherever the CLI looks extract up
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        monkeypatch.setattr(module, "extract", spying_extract, raising=False)
    in_process = ["-j", "1"] if any(p.name == "jobs" for p in cli.commands["statements"].params) else []
    result = CliRunner().invoke(cli, ["--format", "jsonl", *in_process, *map(str, files)],
                                obj=Environment(stdout=stdout, stdout_isatty=False, stderr_isatty=False))
    assert result.exit_code == 0, result.output
    assert len(seen) == len(files) and seen[0] == ""
    assert f'"doc": "{files[0]}"' in seen[-1]


# ---------------------------------------------------------------------------------- terminals and colours

def test_auto_is_a_table_on_a_terminal():
    result = run([SEED], env=Environment(stdout_isatty=True, stderr_isatty=False, environ={}))
    assert result.exit_code == 0
    assert "╭" in result.stdout and "Dmitry Peskov" in result.stdout
    assert "\x1b[" in result.stdout  # colours on a terminal


def test_auto_is_jsonl_off_a_terminal():
    result = run([SEED], env=Environment(stdout_isatty=False, stderr_isatty=False, environ={}))
    assert jsonl(result.stdout)[0]["doc"] == SEED


def test_table_off_a_terminal_is_ascii_without_escape_codes():
    result = run(["--format", "table", SEED], env=Environment(stdout_isatty=False, environ={}))
    assert "+----" in result.stdout and "╭" not in result.stdout
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize("flag, environ, isatty, expected", [
    (None, {}, True, True),
    (None, {}, False, False),
    (None, {"NO_COLOR": "1"}, True, False),
    (None, {"NO_COLOR": ""}, True, True),
    (None, {"FORCE_COLOR": "1"}, False, True),
    (None, {"FORCE_COLOR": "0"}, False, False),
    (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
    (True, {"NO_COLOR": "1"}, False, True),
    (False, {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_rules(flag, environ, isatty, expected):
    assert wants_colour(flag, environ, isatty) is expected


@pytest.mark.parametrize("args, environ, coloured", [
    (["--format", "table"], {"FORCE_COLOR": "1"}, True),
    (["--format", "table", "--color"], {}, True),
    (["--format", "table", "--no-color"], {"FORCE_COLOR": "1"}, False),
])
def test_colours_off_a_terminal_only_when_forced(args, environ, coloured):
    result = run([*args, SEED], env=Environment(stdout_isatty=False, environ=environ))
    assert ("\x1b[" in result.stdout) is coloured


def test_no_color_on_a_terminal_keeps_the_table_plain():
    result = run([SEED], env=Environment(stdout_isatty=True, environ={"NO_COLOR": "1"}))
    assert "╭" in result.stdout and "\x1b" not in result.stdout


def test_width_option_is_respected():
    result = run(["--format", "table", "--width", "60", SEED])
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_escape_sequences_in_input_never_reach_the_terminal(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text('Foreign Minister Ana Ivanova said that the plan was \x1b[31mred\x1b[0m and [bold]final[/bold].\n', encoding="utf-8")
    result = run([str(path)], env=Environment(stdout_isatty=True, environ={}))
    assert "\x1b[31mred" not in result.stdout and "␛[31mred" in result.stdout
    assert "[bold]final[/bold]" in result.stdout


def test_progress_bar_on_a_terminal_stderr_only(tmp_path):
    for index in range(5):
        (tmp_path / f"d{index}.txt").write_text(INVENTED, encoding="utf-8")
    with_bar = run([str(tmp_path)], env=Environment(stdout_isatty=False, stderr_isatty=True, environ={}))
    without = run([str(tmp_path)], env=Environment(stdout_isatty=False, stderr_isatty=False, environ={}))
    assert "5/5" in with_bar.stderr and "\x1b[" in with_bar.stderr
    assert "\x1b" not in without.stderr and "5/5" not in without.stderr
    assert jsonl(with_bar.stdout) == jsonl(without.stdout)  # stdout carries the data either way


def test_no_progress_bar_for_a_few_files(tmp_path):
    for index in range(cli_module.PROGRESS_MIN_FILES - 1):
        (tmp_path / f"d{index}.txt").write_text(INVENTED, encoding="utf-8")
    result = run([str(tmp_path)], env=Environment(stdout_isatty=False, stderr_isatty=True, environ={}))
    assert "\x1b" not in result.stderr


def test_messages_go_to_stderr_only(tmp_path):
    result = run(["--format", "jsonl", SEED, str(tmp_path / "missing.txt")])
    assert all(line.startswith("{") for line in result.stdout.splitlines())
    assert "missing.txt: no such file" in result.stderr


def test_svg_of_the_table(tmp_path):
    picture = tmp_path / "table.svg"
    result = run(["--format", "jsonl", "--svg", str(picture), SEED])
    assert result.exit_code == 0
    svg = picture.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Peskov" in svg
    assert jsonl(result.stdout)  # the chosen format still goes to stdout


# ---------------------------------------------------------------------------------- inputs

def test_jsonl_input_carries_the_id_as_doc(tmp_path):
    feed = tmp_path / "scraped.jsonl"
    feed.write_text("\n".join([
        json.dumps({"url": "https://example.org/a", "body": INVENTED}),
        "{not json",
        json.dumps({"url": "https://example.org/b", "body": INVENTED}),
    ]) + "\n", encoding="utf-8")
    result = run(["--input", "jsonl", "--text-field", "body", "--id-field", "url", "--format", "jsonl", str(feed)])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    docs = [r["doc"] for r in jsonl(result.stdout)]
    assert "https://example.org/a" in docs and "https://example.org/b" in docs
    assert f"{feed}:2: not valid JSON" in result.stderr


def test_jsonl_input_from_stdin():
    line = json.dumps({"id": "doc-7", "text": INVENTED}) + "\n"
    result = run(["--input", "jsonl", "--format", "jsonl", "-"], input=line)
    assert result.exit_code == 0
    assert {r["doc"] for r in jsonl(result.stdout)} == {"doc-7"}


def test_stdin_without_a_dash_when_piped():
    result = run(["--format", "jsonl"], input=INVENTED)
    assert result.exit_code == 0 and {r["doc"] for r in jsonl(result.stdout)} == {"-"}


def test_no_input_on_a_terminal_is_a_usage_error():
    result = run([], env=Environment(stdin_isatty=True, stdout_isatty=False))
    assert result.exit_code == ExitStatus.USAGE and "no input" in result.stderr


def test_directories_are_read_recursively_with_glob(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(INVENTED, encoding="utf-8")
    (tmp_path / "b.md").write_text(INVENTED, encoding="utf-8")
    result = run(["--format", "jsonl", "--glob", "*.txt", str(tmp_path)])
    assert {r["doc"] for r in jsonl(result.stdout)} == {str(tmp_path / "sub" / "a.txt")}


def test_several_documents_get_headings_and_one_total_on_stderr():
    result = run(["--format", "table", "--width", "100", SEED, CALL])
    assert f"{SEED} ---" in result.stdout and f"{CALL} ---" in result.stdout
    assert "total" not in result.stdout
    assert re.fullmatch(r"diplo: 2 documents read, 0 skipped; \d+ statements, \d+ speakers, \d+ meetings\n", result.stderr)


def test_explain_shows_rule_and_marks():
    result = run(["--explain", SEED])
    assert result.exit_code == 0
    assert "[speaker: " in result.stdout and "[cue: " in result.stdout and "[content: " in result.stdout
    assert re.search(r"^s1  (direct|indirect|mixed|according to)  \S+$", result.stdout, re.MULTILINE)


def test_explain_refuses_machine_formats():
    result = run(["--explain", "--format", "json", SEED])
    assert result.exit_code == ExitStatus.USAGE and "--explain" in result.stderr


def test_meetings_explain_shows_each_mention_its_status_words_and_each_link(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text("Ana Soto will meet Luis Prado in Quito next week. Soto said the meeting would be useful.\n", encoding="utf-8")
    result = run(["meetings", "--explain", "--width", "200", str(path)])
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == "m1  meeting  planned  (Ana Soto, Luis Prado)"
    assert "'meet' (meeting, sentence 1): planned, cue 'will' [meetings.status.planned]" in lines
    assert ("'meeting' (meeting, sentence 2): unknown, no cue; joined: names nobody; the meeting mentioned 1 sentence(s) before"
            " [meetings.merge.names_nobody]") in lines
    assert "s1 linked: its content names the meeting ('meeting') [meetings.link.content_names]" in lines


def test_meetings_explain_refuses_machine_formats():
    result = run(["meetings", "--explain", "--format", "jsonl", SEED])
    assert result.exit_code == ExitStatus.USAGE and "--explain" in result.stderr


# ---------------------------------------------------------------------------------- filters

def test_speaker_filter_is_alias_aware():
    everything = jsonl(run(["--format", "jsonl", CALL]).stdout)
    lavrov = [r for r in everything if r["speaker"]["name"] == "Sergey Lavrov"]
    assert lavrov, "the sample should quote Lavrov"
    for query in ("Lavrov", "Sergei Lavrov", "sergey lavrov"):
        assert jsonl(run(["--format", "jsonl", "--speaker", query, CALL]).stdout) == lavrov


def test_country_filter_accepts_a_demonym():
    records = jsonl(run(["--format", "jsonl", "--country", "Russian", CALL]).stdout)
    assert records and {r["speaker"]["country"] for r in records} == {"Russia"}


def test_kind_and_about_meeting_filters():
    direct = jsonl(run(["--format", "jsonl", "--kind", "direct", CALL]).stdout)
    assert direct and {r["kind"] for r in direct} == {"direct"}
    about = jsonl(run(["--format", "jsonl", "--about-meeting", SEED]).stdout)
    assert about and all(r["meeting"] for r in about)


def test_meeting_filters_in_the_meetings_view():
    meetings = jsonl(run(["meetings", "--format", "jsonl", "--status", "planned", "--meeting-with", "Erdogan", SEED]).stdout)
    assert meetings
    for meeting in meetings:
        assert meeting["status"] == "planned"
        assert any(p["name"] == "Recep Tayyip Erdoğan" for p in meeting["participants"])


def test_status_filters_by_the_meeting_and_statement_status_by_the_statement():
    # In the sample, m2 is a planned meeting; s6 (Zakharova) asserts nothing definite about it ("unknown").
    planned = jsonl(run(["--format", "jsonl", "--status", "planned", CALL]).stdout)
    assert [(r["id"], r["meeting"]) for r in planned] == [("s4", "m2"), ("s5", "m2"), ("s6", "m2")]
    asserted = jsonl(run(["--format", "jsonl", "--statement-status", "unknown", CALL]).stdout)
    assert [(r["id"], r["meeting_status"]) for r in asserted] == [("s6", "unknown")]
    (meeting,) = jsonl(run(["meetings", "--format", "jsonl", "--statement-status", "unknown", CALL]).stdout)
    assert (meeting["id"], meeting["status"], meeting["statements"]) == ("m2", "planned", ["s6"])


def test_speakers_with_a_status_that_no_meeting_has_is_empty_not_a_crash():
    result = run(["speakers", "--format", "jsonl", "--status", "unknown", CALL])
    assert (result.exit_code, result.stdout) == (ExitStatus.SUCCESS, "")
    (row,) = jsonl(run(["speakers", "--format", "jsonl", "--statement-status", "unknown", CALL]).stdout)
    assert (row["name"], row["statements"]) == ("Maria Zakharova", 1)


@pytest.mark.parametrize("criteria", [{"statuses": ("unknown",)}, {"statuses": ("held",)}, {"statement_statuses": ("planned",)},
                                      {"statement_statuses": ("unknown",), "statuses": ("planned",)}, {"kinds": ("direct",)}])
def test_every_kept_statement_points_to_a_kept_meeting(criteria):
    from diplo_cli import extract
    from diplo_cli.filters import Selection, Selector
    from diplo_cli.language.lexicons import build_lexicon

    document = extract(Path(CALL).read_text(encoding="utf-8"), CALL)
    kept = Selector(Selection(**criteria), build_lexicon()).apply(document)
    meeting_ids = {m.id for m in kept.meetings}
    assert all(s.meeting in meeting_ids for s in kept.statements if s.meeting)


def test_filter_that_matches_nothing_succeeds_quietly():
    result = run(["--format", "jsonl", "--speaker", "Nobody Atall", SEED])
    assert result.exit_code == ExitStatus.SUCCESS and result.stdout == ""



def _selector(**criteria):
    from diplo_cli.filters import Selection, Selector
    from diplo_cli.language.lexicons import Person, RoleTerm, build_lexicon

    ivanova = Person("Ana Ivanova", ("Anna Ivanova",), (RoleTerm("foreign minister"),), "Ruritania", "f", "test")
    return Selector(Selection(**criteria), build_lexicon(extra_persons=[ivanova]))


@pytest.mark.parametrize("criteria, statements, meetings", [
    ({}, ["s1", "s2", "s3", "s4"], ["m1", "m2"]),
    ({"speaker": "Anna Ivanova"}, ["s1"], ["m1"]),          # a gazetteer alias
    ({"speaker": "ivanova"}, ["s1"], ["m1"]),               # the surname, any case
    ({"speaker": "Hale"}, ["s2"], []),                      # words of a name outside the gazetteer
    ({"speaker": "Ivan"}, [], []),                          # whole words only
    ({"country": "Ruritania"}, ["s1", "s4"], ["m1"]),
    ({"kinds": ("direct", "according_to")}, ["s2", "s3"], ["m2"]),
    ({"about_meeting": True}, ["s1", "s3", "s4"], ["m1", "m2"]),
    ({"meeting_with": "Tom Hale"}, ["s1", "s4"], ["m1"]),
    ({"meeting_with": "Freedonia"}, ["s1", "s4"], ["m1"]),  # a participant's country
    ({"statuses": ("cancelled",)}, ["s3"], ["m2"]),
    ({"statuses": ("planned",)}, ["s1", "s4"], ["m1"]),
    ({"statement_statuses": ("cancelled", "planned")}, ["s1", "s3", "s4"], ["m1", "m2"]),
    ({"speaker": "Ana Ivanova", "statuses": ("cancelled",)}, [], []),
])
def test_selection_on_a_handmade_document(criteria, statements, meetings):
    from tests.handmade import ruritania_document

    document = _selector(**criteria).apply(ruritania_document())
    assert [s.id for s in document.statements] == statements
    assert [m.id for m in document.meetings] == meetings


def test_selection_by_speaker_keeps_only_their_statements_under_a_meeting():
    from tests.handmade import ruritania_document

    (meeting,) = _selector(speaker="a ministry spokesman").apply(ruritania_document()).meetings
    assert meeting.id == "m1" and meeting.statements == ("s4",)

# ---------------------------------------------------------------------------------- rule packs

def test_rule_pack_adds_a_cue_verb(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Foreign Minister Ana Ivanova harrumphed that the talks in Vienna had been a waste of time.\n", encoding="utf-8")
    pack = tmp_path / "rules.toml"
    pack.write_text('[[cue_verbs]]\nlemma = "harrumph"\nforms = ["harrumphs", "harrumphed", "harrumphing"]\nclass = "say"\n', encoding="utf-8")
    before = jsonl(run(["--format", "jsonl", str(text)]).stdout)
    after = jsonl(run(["--format", "jsonl", "--rules", str(pack), str(text)]).stdout)
    assert not any(r["cue"]["text"] == "harrumphed" for r in before)
    assert any(r["cue"]["text"] == "harrumphed" for r in after)


def test_bad_rule_pack_is_a_usage_error_naming_file_line_and_key(tmp_path):
    pack = tmp_path / "rules.toml"
    pack.write_text('[[titles]]\nphrase = "envoy"\n\n[[cue_verbs]]\nlemma = "harrumph"\nclass = "grumble"\n', encoding="utf-8")
    result = run(["--rules", str(pack), SEED])
    assert result.exit_code == ExitStatus.USAGE
    assert f"{pack}:6: cue_verbs[1].class: 'grumble' is not one of" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


# ---------------------------------------------------------------------------------- exit codes

def test_exit_success_without_statements(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text("Rain is expected on Tuesday.\n", encoding="utf-8")
    assert run(["--format", "jsonl", str(path)]).exit_code == ExitStatus.SUCCESS


def test_exit_one_when_an_input_fails_but_the_others_are_processed(tmp_path):
    result = run(["--format", "jsonl", str(tmp_path / "missing.txt"), SEED])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert {r["doc"] for r in jsonl(result.stdout)} == {SEED}


def test_exit_two_on_a_bad_option():
    result = run(["--format", "yaml", SEED])
    assert result.exit_code == ExitStatus.USAGE


def test_exit_130_when_interrupted(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "_build_lexicon", interrupted)
    result = run(["--format", "jsonl", SEED])
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert "interrupted" in result.stderr


def test_exit_codes_are_documented_in_help_and_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", readme, re.MULTILINE))
    assert {int(code) for code in table} == {int(code) for code in EXIT_MEANINGS}
    help_text = run(["--help"]).stdout
    for code in EXIT_MEANINGS:
        assert re.search(rf"^\s+{int(code)}\s", help_text, re.MULTILINE), f"exit code {int(code)} missing from --help"



@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_closed_pipe_ends_quietly_with_success(fmt):
    """`diplo ... | head -1`: the reader goes away; no traceback, exit 0. The output is far larger
    than a pipe buffer, so the write after the close does fail."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "diplo_cli", "--format", fmt, "-j", "1", *[str(SAMPLES)] * 25]
    if not any(p.name == "jobs" for p in cli.commands["statements"].params):
        command.remove("-j")
        command.remove("1")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=300) == ExitStatus.SUCCESS, stderr
    assert "Traceback" not in stderr and "Error" not in stderr

# ---------------------------------------------------------------------------------- help and completion

def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_examples(name):
    result = run([name, "--help"])
    assert result.exit_code == 0
    command: click.Command = cli.commands[name]
    assert command.help and len(command.help.split("\n")[0]) > 10, f"{name} has no one-line help"
    examples = result.stdout.split("Examples:", 1)
    assert len(examples) == 2, f"{name} --help has no Examples: section"
    assert re.search(r"^\s+(diplo|cat|python) ", examples[1], re.MULTILINE)
    assert "Exit codes:" in result.stdout


def test_every_option_has_help():
    for name, command in cli.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help or param.name in ("help",), f"{name} {param.opts} has no help"


def test_shell_completion_script_is_generated():
    result = CliRunner().invoke(cli, [], prog_name="diplo", env={"_DIPLO_COMPLETE": "bash_source"})
    assert result.exit_code == 0
    assert "_diplo_completion" in result.stdout and "complete -o nosort -F _diplo_completion diplo" in result.stdout


def test_the_batch_summary_counts_documents_without_statements(tmp_path):
    # JSON Lines carries statements only, so an input without any must still be accounted for.
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("The weather in Valletta was mild all week.\n", encoding="utf-8")
    spoken = tmp_path / "spoken.txt"
    spoken.write_text("Foreign Minister Ana Veld said the talks would resume next week.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--format", "jsonl", "-j", "1", str(quiet), str(spoken)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == [str(spoken)]
    assert result.stderr.splitlines()[-1] == "diplo: 2 documents read, 0 skipped; 1 statement, 1 speaker, 0 meetings; 1 with no statements"
