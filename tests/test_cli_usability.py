"""Issue 17, the conventions of command-line tools: terminal width, narrow terminals, global options
before the subcommand, help, completion, filters, summaries, -o, progress and -j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplo_cli import cli as cli_module
from diplo_cli.cli import Environment, ExitStatus, cli
from tests.test_cli import CALL, INVENTED, QUIET_ENVIRONMENT, ROOT, SAMPLES, SEED, jsonl, run


def terminal(columns: str | None = None) -> Environment:
    """A terminal without colours (escape codes would count towards the line lengths checked)."""
    return Environment(stdout_isatty=True, stderr_isatty=False, stdin_isatty=False,
                       environ={"NO_COLOR": "1"} if columns is None else {"COLUMNS": columns, "NO_COLOR": "1"})


# ---------------------------------------------------------------------------------- 1: terminal width

def test_a_terminal_reporting_zero_columns_gets_an_80_column_table(monkeypatch):
    monkeypatch.setattr(cli_module, "_terminal_width", lambda stream: 0)
    result = run([SEED], env=Environment(stdout_isatty=True, stderr_isatty=False, stdin_isatty=False, environ={"NO_COLOR": "1"}))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "Dmitry Peskov" in result.stdout
    assert max(len(line) for line in lines) == 80


@pytest.mark.parametrize("reported", [0, 200])
def test_columns_is_honoured_on_a_terminal(monkeypatch, reported):
    monkeypatch.setattr(cli_module, "_terminal_width", lambda stream: reported)
    result = run([SEED], env=terminal("100"))
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) == 100


# ---------------------------------------------------------------------------------- 3: global options, typos, help

def test_options_before_the_subcommand_apply_to_it():
    result = run(["-f", "csv", "meetings", CALL])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("doc,id,type,status,participants")
    assert result.stderr == ""


def test_options_with_attached_values_before_the_subcommand():
    result = run(["--format=jsonl", "--country", "Russia", "speakers", CALL])
    assert result.exit_code == 0, result.stderr
    assert {row["country"] for row in jsonl(result.stdout)} == {"Russia"}


def test_a_misspelt_command_gets_a_suggestion():
    result = run(["meeting", CALL])
    assert result.exit_code == ExitStatus.USAGE
    assert "did you mean 'meetings'?" in result.stderr
    assert result.stdout == ""


def test_a_word_naming_an_existing_file_stays_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("meeting").write_text(INVENTED, encoding="utf-8")
    result = run(["--format", "jsonl", "meeting"])
    assert result.exit_code == 0, result.stderr
    assert {r["doc"] for r in jsonl(result.stdout)} == {"meeting"}


def test_a_missing_file_is_still_reported_as_a_missing_file(tmp_path):
    result = run([str(tmp_path / "meetings.txt")])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert "meetings.txt: no such file" in result.stderr and "did you mean" not in result.stderr


@pytest.mark.parametrize("args, first_line", [
    (["help"], "Usage: diplo [COMMAND] [OPTIONS] [FILE]..."),
    (["help", "meetings"], "Usage: diplo meetings [OPTIONS] [FILES]..."),
    (["help", "eval"], "Usage: diplo eval [OPTIONS] GOLD..."),
])
def test_help_command(args, first_line):
    result = CliRunner().invoke(cli, args, prog_name="diplo", env=QUIET_ENVIRONMENT, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == first_line


def test_help_for_an_unknown_command_suggests_one():
    result = run(["help", "speaker"])
    assert result.exit_code == ExitStatus.USAGE and "did you mean 'speakers'?" in result.stderr


# ---------------------------------------------------------------------------------- 10: completion, -V, choices, help sections

def complete(words: str) -> list[str]:
    environ = {**QUIET_ENVIRONMENT, "_DIPLO_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    result = CliRunner().invoke(cli, [], env=environ, prog_name="diplo", catch_exceptions=False)
    return result.stdout.splitlines()


def test_completion_of_subcommand_names():
    assert complete("diplo me") == ["plain,meetings"]
    assert complete("diplo s") == ["plain,speakers", "plain,statements", "plain,summary"]


def test_completion_of_a_file_as_first_word():
    assert complete("diplo sampl") == ["file,sampl"]


def test_completion_of_options_and_choices_of_the_default_command():
    assert "plain,csv" in complete("diplo -f ")
    assert "plain,--statements" in complete("diplo meetings --st")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag):
    result = run([flag])
    assert result.exit_code == 0 and result.stdout.startswith("diplo ")


def test_choices_ignore_case_and_accept_hyphens(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Foreign Minister Ana Ivanova met her counterpart. According to Ivanova, the talks went well.\n", encoding="utf-8")
    for kind in ("according_to", "according-to", "According-To"):
        result = run(["-f", "JSONL", "--kind", kind, str(path)])
        assert result.exit_code == 0, result.stderr
        assert [r["kind"] for r in jsonl(result.stdout)] == ["according_to"]
    assert run(["--status", "HELD", "-f", "csv", "meetings", CALL]).stdout.count("held") == 1


def test_top_level_help_shows_the_statement_options_in_sections():
    text = run(["--help"]).stdout
    titles = [line for line in text.splitlines() if line.endswith("(statements, the default command):")]
    assert [t.split(" (")[0] for t in titles] == ["Input", "Filters", "Output", "Performance", "Other options"]
    assert "--speaker NAME" in text and "--jobs" in text
    assert "diplo meetings --help" in text and "diplo help statements" in text


def test_command_help_groups_options_into_sections():
    text = run(["meetings", "--help"]).stdout
    headings = [line for line in text.splitlines() if line and not line.startswith(" ") and line.endswith(":")]
    assert headings == ["Input:", "Filters:", "Output:", "Performance:", "Other options:"]
    output = text[text.index("Output:"):text.index("Performance:")]
    assert "--format" in output and "--statements" in output and "--speaker" not in output


@pytest.mark.parametrize("command", ["statements", "meetings", "speakers", "summary", "events", "network", "report"])
def test_every_option_but_help_is_in_a_named_help_section(command):
    text = run([command, "--help"]).stdout
    other = text[text.index("Other options:"):text.index("Exit codes:")]
    assert [line.split()[0] for line in other.splitlines()[1:] if line.strip()] == ["-h,"]
    assert "Input:" in text and "Output:" in text


# ---------------------------------------------------------------------------------- 12: one summary, --quiet, -o

def test_one_missing_file_gets_its_error_and_no_summary(tmp_path):
    result = run([str(tmp_path / "gone.txt")])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert result.stderr == f"diplo: {tmp_path / 'gone.txt'}: no such file\n"


def test_one_closing_summary_on_stderr_only():
    result = run(["--format", "table", SEED, CALL])
    assert not any(line.startswith("total") for line in result.stdout.splitlines())
    summaries = [line for line in result.stderr.splitlines() if "documents read" in line]
    assert len(summaries) == 1 and summaries[0].startswith("diplo: 2 documents read, 0 skipped; ")


def test_quiet_silences_the_summary_but_not_errors(tmp_path):
    result = run(["-q", "--format", "jsonl", SEED, CALL, str(tmp_path / "gone.txt")])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert result.stderr == f"diplo: {tmp_path / 'gone.txt'}: no such file\n"
    assert len(jsonl(result.stdout)) > 0


@pytest.mark.parametrize("name, first", [("out.csv", "doc,id,kind,"), ("out.jsonl", '{"doc": '), ("out.data", '{"doc": ')])
def test_output_file_takes_the_format_of_its_suffix(tmp_path, name, first):
    target = tmp_path / name
    result = run(["-o", str(target), SEED])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith(first)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_output_file_is_not_touched_by_an_interrupted_run(tmp_path, monkeypatch):
    from diplo_cli import formats

    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    real_write = formats.write_jsonl

    def write_then_interrupt(records, stream):
        real_write(records, stream)
        raise KeyboardInterrupt

    monkeypatch.setattr(formats, "write_jsonl", write_then_interrupt)
    result = run(["-o", str(target), "-j", "1", SEED, CALL])
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left behind


@pytest.mark.parametrize("args, refusal", [
    (["meetings", "--statements"], "--statements nests statement records in JSON"),
    (["--explain"], "--explain prints an explanation for people; -o "),
])
def test_an_output_file_named_csv_cannot_silently_drop_a_view_option(tmp_path, args, refusal):
    target = tmp_path / "out.csv"
    result = run([*args, "-o", str(target), SEED])
    assert result.exit_code == ExitStatus.USAGE
    assert refusal in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_explain_into_a_text_file(tmp_path):
    target = tmp_path / "why.txt"
    assert run(["--explain", "-o", str(target), SEED]).exit_code == 0
    assert "attribution.indirect.that" in target.read_text(encoding="utf-8")


def test_output_file_in_a_missing_directory_is_a_usage_error(tmp_path):
    result = run(["-o", str(tmp_path / "no" / "out.csv"), SEED])
    assert result.exit_code == ExitStatus.USAGE and "cannot write" in result.stderr


# ---------------------------------------------------------------------------------- 13: progress by documents, -j default

def test_the_progress_bar_counts_the_documents_of_a_json_lines_file(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{n}", "text": INVENTED}) + "\n" for n in range(12)) + "\n", encoding="utf-8")
    result = run(["--input", "jsonl", "--format", "jsonl", str(feed)],
                 env=Environment(stdout_isatty=False, stderr_isatty=True, stdin_isatty=False, environ={}))
    assert result.exit_code == 0, result.stderr
    assert "12/12" in result.stderr
    assert len({r["doc"] for r in jsonl(result.stdout)}) == 12


def test_quiet_hides_the_progress_bar(tmp_path):
    for index in range(5):
        (tmp_path / f"d{index}.txt").write_text(INVENTED, encoding="utf-8")
    result = run(["-q", str(tmp_path)], env=Environment(stdout_isatty=False, stderr_isatty=True, stdin_isatty=False, environ={}))
    assert result.stderr == ""


@pytest.fixture
def jobs_used(monkeypatch):
    from diplo_cli.batch import parallel

    used: list[int] = []
    real = parallel.extract_inputs

    def spy(sources, **kwargs):
        used.append(kwargs["jobs"])
        return real(sources, **{**kwargs, "jobs": 1})

    monkeypatch.setattr(parallel, "extract_inputs", spy)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    return used


def test_a_small_input_runs_in_one_process_by_default(jobs_used):
    assert run(["--format", "jsonl", SEED, CALL]).exit_code == 0
    assert jobs_used == [1]


def test_a_large_enough_input_uses_every_core_by_default(jobs_used, monkeypatch):
    monkeypatch.setattr(cli_module, "PARALLEL_MIN_BYTES", Path(SEED).stat().st_size + 1)
    assert run(["--format", "jsonl", SEED, CALL]).exit_code == 0
    assert jobs_used == [2]


def test_jobs_given_is_honoured_on_a_small_input(jobs_used):
    assert run(["--format", "jsonl", "-j", "3", SEED]).exit_code == 0
    assert jobs_used == [3]


# ---------------------------------------------------------------------------------- 5: repeatable filters, ISO codes, hints

MACRON = str(SAMPLES / "macron-scholz-summit.txt")


def speakers_of(args) -> list[str]:
    result = run(["--format", "jsonl", *args])
    assert result.exit_code == 0, result.stderr
    return [r["speaker"]["name"] for r in jsonl(result.stdout)]


def test_a_repeated_speaker_filter_keeps_either_speaker():
    assert speakers_of(["--speaker", "Macron", "--speaker", "Scholz", MACRON]) == [
        "Emmanuel Macron", "Emmanuel Macron", "Olaf Scholz", "Olaf Scholz"]


def test_a_repeated_country_filter_keeps_either_country_and_other_filters_still_apply():
    assert speakers_of(["--country", "France", "--country", "Germany", MACRON]) == [
        "Emmanuel Macron", "Emmanuel Macron", "Olaf Scholz", "Olaf Scholz"]
    assert speakers_of(["--country", "France", "--country", "Germany", "--kind", "direct", MACRON]) == ["Emmanuel Macron"]


def test_a_repeated_meeting_with_filter_keeps_either_participant():
    one = run(["meetings", "--format", "jsonl", "--meeting-with", "Blinken", CALL, SEED]).stdout
    both = run(["meetings", "--format", "jsonl", "--meeting-with", "Blinken", "--meeting-with", "Erdogan", CALL, SEED]).stdout
    assert {m["doc"] for m in jsonl(one)} == {CALL}
    assert {m["doc"] for m in jsonl(both)} == {CALL, SEED}


@pytest.mark.parametrize("code", ["RU", "RUS", "ru", "Russia", "Russian"])
def test_iso_codes_name_countries(code):
    result = run(["--format", "jsonl", "--country", code, CALL])
    assert result.exit_code == 0 and result.stderr == ""
    assert [r["id"] for r in jsonl(result.stdout)] == ["s1", "s2", "s3", "s6"]


def test_an_unknown_country_is_warned_about_with_a_suggestion():
    result = run(["--format", "jsonl", "--country", "Rusia", CALL])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "diplo: warning: --country 'Rusia' is no country diplo knows; did you mean 'Russia'?\n"
    narnia = run(["--format", "jsonl", "--country", "Narnia", CALL])
    assert narnia.stderr == "diplo: warning: --country 'Narnia' is no country diplo knows\n"


def test_a_speaker_that_matched_nothing_is_warned_about_with_a_suggestion():
    result = run(["--format", "jsonl", "--speaker", "Lavorv", "--speaker", "Zakharova", CALL])
    assert [r["id"] for r in jsonl(result.stdout)] == ["s6"]
    assert result.stderr == "diplo: warning: --speaker 'Lavorv' matched nothing; did you mean 'Lavrov'?\n"


def test_a_known_speaker_absent_from_the_run_is_no_warning():
    result = run(["--format", "jsonl", "--speaker", "Erdogan", CALL])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""


# ---------------------------------------------------------------------------------- 11: narrow terminals

@pytest.mark.parametrize("width", [60, 40])
def test_a_narrow_terminal_gets_one_block_per_statement(width):
    result = run(["--width", str(width), CALL], env=terminal())
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert not any(line.startswith(("╭", "│", "+", "|")) for line in lines)  # no table
    assert [line.split()[0] for line in lines if line[:1] == "s"] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    tokens = set(result.stdout.split())
    for record in jsonl(run(["--format", "jsonl", CALL]).stdout):  # every word whole: none broken mid-word
        for word in record["content"]["text"].split():
            assert word in tokens or f"“{word}" in tokens or f"{word}”" in tokens, word
    assert any(line.startswith("  speaker: Maria Zakharova") for line in lines)


@pytest.mark.parametrize("width", [60, 40])
def test_a_narrow_terminal_gets_one_block_per_meeting_and_speaker(width):
    meetings = run(["meetings", "--width", str(width), CALL], env=terminal()).stdout.splitlines()
    assert [line for line in meetings if line.startswith("m")] == ["m1 call held", "m2 meeting planned"]
    assert "  place: Geneva" in meetings and max(len(line) for line in meetings) <= width
    speakers = run(["speakers", "--width", str(width), CALL], env=terminal()).stdout.splitlines()
    assert speakers[:3] == ["Sergey Lavrov", "  role: foreign minister", "  country: Russia"]


def test_eighty_columns_and_more_keep_the_table():
    result = run(["--width", "80", CALL], env=terminal())
    assert result.stdout.startswith("╭")


# ---------------------------------------------------------------------------------- 8: README quick start

def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start (fresh machine)", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in section.split("```sh\n")[1:] for block in [block.split("```", 1)[0]]]


def test_quick_start_commands_check_the_python_version_and_use_a_venv():
    import re
    import tomllib

    minimum = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    major, minor = re.fullmatch(r">=(\d+)\.(\d+)", minimum).groups()
    commands = quick_start_commands()
    assert len(commands) == 2
    for command in commands:
        steps = command.split(" && ")
        assert steps[0] == (f"python3 -c 'import sys; sys.exit(sys.version_info < ({major}, {minor}) and "
                            f"\"diplo needs Python {major}.{minor} or newer\")'")
        assert steps[1:3] == ["python3 -m venv .venv", ". .venv/bin/activate"]
        assert steps[3].startswith("pip install ")


def test_the_quick_start_version_check_passes_here_and_fails_on_an_older_python():
    import subprocess
    import sys

    check = quick_start_commands()[0].split(" && ")[0].removeprefix("python3 -c ").strip("'")
    assert subprocess.run([sys.executable, "-c", check], check=False).returncode == 0
    older = check.replace("sys.version_info", "(3, 9)")
    failed = subprocess.run([sys.executable, "-c", older], check=False, capture_output=True, text=True)
    assert failed.returncode == 1 and failed.stderr.strip() == "diplo needs Python 3.11 or newer"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full to make writing fail")
def test_a_failed_write_to_a_buffered_stdout_exits_1_not_120(tmp_path):
    # A fresh shell has no PYTHONUNBUFFERED: the unwritten buffer was flushed again at exit and failed (120).
    import os
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(INVENTED, encoding="utf-8")  # output smaller than the buffer: nothing written before exit
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "diplo_cli", "--format", "jsonl", str(tmp_path / "a.txt")], check=False,
                                stdout=full, stderr=subprocess.PIPE, env=environ, cwd=ROOT)
    assert result.returncode == ExitStatus.INPUT_FAILED
    assert result.stderr == b"diplo: cannot write output: No space left on device\n"


def test_the_status_choices_are_the_statuses_every_view_styles():
    from diplo_cli.corpus.report import STATUS_COLOURS
    from diplo_cli.render import STATUS_STYLE

    assert set(cli_module.MEETING_STATUSES) == set(STATUS_STYLE) == set(STATUS_COLOURS)
    assert run(["--kind", "turn", "--turns", SEED]).exit_code == 0
