"""Bounded resources on crafted data files and crafted output: every limit has a test.

A user's gazetteer is capped in lines, line length and macro expansion, each failure naming the
file (and line); the --svg picture stops recording past a number of table rows; CSV and TSV cells
that a spreadsheet would run as formulas are neutralised unless --raw-cells.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from diplo_cli import cli as cli_module
from diplo_cli.cli import Environment, cli
from diplo_cli.errors import RuleError
from diplo_cli.language import gazetteer
from diplo_cli.language.gazetteer import read_gazetteer_file
from diplo_cli.render import DelimitedWriter

ARTICLE = "Foreign Minister Ana Dorn said =SUM(A1:A9) was the figure.\n"


def run(args):
    return CliRunner().invoke(cli, args, obj=Environment(stdout_isatty=False, stderr_isatty=False, stdin_isatty=False),
                              catch_exceptions=False)


def _macro_bomb(tmp_path):
    """Eight macros of ten forms each in one agent pattern: 10^8 forms, from 328 bytes."""
    letters = "ABCDEFGH"
    text = "".join(f"!M{c}! = A, B, C, D, E, F, G, H, I, J\n" for c in letters) + "".join(f"!M{c}!" for c in letters) + " [~GOV]\n"
    path = tmp_path / "agents.txt"
    path.write_text(text)
    return path


def test_an_agent_pattern_that_expands_past_the_limit_is_refused_with_file_and_line(tmp_path):
    with pytest.raises(RuleError, match=r"agents\.txt:9: the pattern's macros expand to more than 1,000 forms"):
        read_gazetteer_file(_macro_bomb(tmp_path))


def test_an_agent_pattern_within_the_limit_expands_every_form(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text("!PERSON! = MAN, WOMAN, PERSON\n!CHIEF! = CHIEF, HEAD\nSPOKES!PERSON! [~GOV]\n!CHIEF!_DIPLOMAT [~GOV]\n")
    agents = read_gazetteer_file(path)
    assert [(a.name, a.aliases) for a in agents] == [("spokesman", ("spokeswoman", "spokesperson")), ("chief diplomat", ("head diplomat",))]


def test_the_cli_stops_with_exit_2_on_a_gazetteer_over_a_limit(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = run(["--gazetteer", str(_macro_bomb(tmp_path)), str(article)])
    assert result.exit_code == 2
    assert "agents.txt:9: the pattern's macros expand to more than 1,000 forms" in result.output


def test_a_gazetteer_line_longer_than_the_limit_is_refused_with_its_line(tmp_path):
    path = tmp_path / "people.tsv"
    path.write_text("Ana Dorn\t\tforeign minister@2020-\tNorway\tf\n" + "Ola " + "Nordmann " * 300 + "\tNorway\n")
    with pytest.raises(RuleError, match=r"people\.tsv:2: line longer than 2,000 characters"):
        read_gazetteer_file(path)


def test_a_gazetteer_with_more_lines_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer, "MAX_GAZETTEER_LINES", 3)
    path = tmp_path / "people.tsv"
    path.write_text("".join(f"Person {n}\n" for n in range(5)))
    with pytest.raises(RuleError, match=r"people\.tsv: 6 lines; a gazetteer may have at most 3"):
        read_gazetteer_file(path)


def _article_with_rows(tmp_path, name: str, statements: int, subject: str = "grain"):
    path = tmp_path / name
    path.write_text("".join(f"Foreign Minister Ana Dorn said the {subject} talks would go on.\n" for _ in range(statements)))
    return path


def test_the_svg_picture_stops_recording_past_its_row_limit_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_module, "MAX_SVG_ROWS", 3)
    small, large = _article_with_rows(tmp_path, "small.txt", 2), _article_with_rows(tmp_path, "large.txt", 5, "timber")
    picture = tmp_path / "out.svg"
    result = run(["--svg", str(picture), "-f", "jsonl", str(small), str(large)])
    assert result.exit_code == 0
    assert "1 table(s) left out of the SVG picture: the picture holds at most 3 table rows" in result.output
    svg = picture.read_text()
    assert "grain" in svg and "timber" not in svg


def test_an_svg_picture_with_nothing_recordable_is_not_written_and_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_module, "MAX_SVG_ROWS", 3)
    large = _article_with_rows(tmp_path, "large.txt", 5)
    picture = tmp_path / "out.svg"
    result = run(["--svg", str(picture), "-f", "jsonl", str(large)])
    assert result.exit_code == 1
    assert "SVG not written: the picture holds at most 3 table rows" in result.output
    assert not picture.exists()


@pytest.mark.parametrize("value, safe", [("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-2 percent", "'-2 percent"),
                                         ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("plain = text", "plain = text"), ("", "")])
def test_a_csv_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe(value, safe):
    stream = io.StringIO()
    DelimitedWriter(stream, ("content", "start"), ",").write([{"content": value, "start": -3}])
    assert list(csv.DictReader(io.StringIO(stream.getvalue()))) == [{"content": safe, "start": "-3"}]


def test_raw_cells_keep_the_csv_value_verbatim_and_tsv_is_neutralised_too(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    contents = {}
    for args in (["-f", "csv"], ["-f", "csv", "--raw-cells"], ["-f", "tsv"]):
        result = run([*args, str(article)])
        assert result.exit_code == 0
        rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t" if "tsv" in args else ","))
        contents[" ".join(args)] = rows[0]["content"]
    assert contents == {"-f csv": "'=SUM(A1:A9) was the figure", "-f csv --raw-cells": "=SUM(A1:A9) was the figure",
                        "-f tsv": "'=SUM(A1:A9) was the figure"}
