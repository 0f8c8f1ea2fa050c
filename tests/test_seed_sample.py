"""Acceptance of the end-to-end pipeline on the seed article, through the API and the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplo_cli import extract
from diplo_cli.cli import cli

from .conftest import SAMPLES

SEED = str(SAMPLES / "peskov-erdogan-meeting.txt")


def _by_cue(statements, cue):
    found = [s for s in statements if s["cue"]["text"] == cue]
    assert len(found) == 1, f"expected one statement cued by {cue!r}, found {len(found)}"
    return found[0]


def _check_seed(statements, meetings, text):
    for cue in ("emphasized", "noted"):
        statement = _by_cue(statements, cue)
        assert statement["speaker"]["name"] == "Dmitry Peskov"
        assert statement["speaker"]["role"] == "press secretary"
        assert statement["speaker"]["country"] == "Russia"
        assert statement["speaker"]["anonymous"] is False
    assert _by_cue(statements, "emphasized")["speaker"]["text"] == "He"
    assert _by_cue(statements, "noted")["speaker"]["text"] == "The Kremlin spokesperson"
    for cue in ("reported", "suggested"):
        statement = _by_cue(statements, cue)
        assert statement["speaker"]["name"] == "a Hürriyet correspondent"
        assert statement["speaker"]["anonymous"] is True
    planned = [m for m in meetings if m["status"] == "planned" and {p["name"] for p in m["participants"]} == {"Vladimir Putin", "Recep Tayyip Erdoğan"}]
    assert len(planned) == 1
    meeting = planned[0]
    assert meeting["type"] == "meeting"
    for cue in ("emphasized", "noted"):
        statement = _by_cue(statements, cue)
        assert statement["meeting"] == meeting["id"]
        assert statement["id"] in meeting["statements"]
    assert meeting["time"]["text"] == "in the near future"
    assert _by_cue(statements, "emphasized")["content"]["text"].startswith("the leaders of the two countries intend to meet in the near future")
    # every span indexes the decoded text
    for statement in statements:
        for span in (statement["speaker"], statement["cue"], statement["content"]):
            assert text[span["start"]:span["end"]] == span["text"]
    for span in meeting["mentions"]:
        assert text[span["start"]:span["end"]] == span["text"]


def test_seed_through_the_library(seed_text):
    document = extract(seed_text, "seed")
    data = document.to_dict()
    _check_seed(data["statements"], data["meetings"], seed_text)


def test_seed_through_the_cli(seed_text):
    result = CliRunner().invoke(cli, ["--format", "json", SEED])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    (document,) = payload["documents"]
    assert document["doc"] == SEED
    _check_seed(document["statements"], document["meetings"], seed_text)


def test_seed_jsonl_from_stdin(seed_text):
    result = CliRunner().invoke(cli, ["--format", "jsonl", "-"], input=seed_text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {r["doc"] for r in records} == {"-"}
    assert _by_cue(records, "noted")["speaker"]["name"] == "Dmitry Peskov"


def test_meetings_view_lists_the_planned_meeting():
    result = CliRunner().invoke(cli, ["meetings", "--format", "jsonl", SEED])
    assert result.exit_code == 0, result.output
    meetings = [json.loads(line) for line in result.output.splitlines()]
    pairs = [{p["name"] for p in m["participants"]} for m in meetings if m["status"] == "planned"]
    assert {"Vladimir Putin", "Recep Tayyip Erdoğan"} in pairs


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_other_formats_show_the_speaker(fmt):
    result = CliRunner().invoke(cli, ["--format", fmt, "--no-color", SEED])
    assert result.exit_code == 0, result.output
    assert "Dmitry Peskov" in result.output


def test_missing_file_is_reported_and_others_still_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text('"We will meet soon," Lavrov told reporters.', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--format", "jsonl", str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == [str(good)]


def test_undecodable_bytes_are_reported(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = CliRunner().invoke(cli, ["--format", "jsonl", str(binary)])
    assert result.exit_code == 1
    assert "image.png: binary data" in result.stderr
    assert result.stdout == ""
