"""Issue 17, the conventions of command-line tools: terminal width, narrow terminals, global options
before the subcommand, help, completion, filters, summaries, -o, progress and -j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplo_cli import cli as cli_module
from diplo_cli.cli import Environment, ExitStatus, cli

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


def terminal(columns: str | None = None) -> Environment:
    return Environment(stdout_isatty=True, stderr_isatty=False, stdin_isatty=False,
                       environ={} if columns is None else {"COLUMNS": columns, "NO_COLOR": "1"})


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
