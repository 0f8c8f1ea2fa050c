"""Accuracy floors on the shared development sets (skipped when ../shared is absent).

The floors are the figures reached so far, minus a small margin; raise them as the rules improve.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplo_cli.cli import cli

FLOORS = {
    "news-dev.jsonl": {
        "statements": ("f1", 0.98),
        "attribution": ("f1", 0.97),
        "exact_boundaries": ("f1", 0.97),
        "speaker_correct": ("accuracy", 0.97),
        "meetings": ("f1", 0.86),
        "meeting_status_correct": ("accuracy", 0.86),
        "meeting_type_correct": ("accuracy", 0.70),
        "meeting_time_correct": ("accuracy", 0.60),
        "meeting_place_correct": ("accuracy", 0.58),
        "participants": ("f1", 0.79),
        "statements_about_meeting": ("f1", 0.89),
    },
    "news-dev2.jsonl": {
        "statements": ("f1", 0.93),
        "exact_boundaries": ("f1", 0.88),
        "attribution": ("f1", 0.81),
        "speaker_correct": ("accuracy", 0.86),
        "meetings": ("f1", 0.71),
        "meeting_status_correct": ("accuracy", 0.84),
        "participants": ("f1", 0.57),
        "statements_about_meeting": ("f1", 0.79),
    },
    "news-dev-briefings.jsonl": {
        "statements": ("f1", 0.95),
        "exact_boundaries": ("f1", 0.93),
        "attribution": ("f1", 0.91),
        "speaker_correct": ("accuracy", 0.94),
        "meetings": ("f1", 0.66),
        "meeting_status_correct": ("accuracy", 0.75),
        "meeting_type_correct": ("accuracy", 0.81),
        "meeting_time_correct": ("accuracy", 0.57),
        "meeting_place_correct": ("accuracy", 0.63),
        "participants": ("f1", 0.53),
        "statements_about_meeting": ("f1", 0.72),
    },
    "events-dev.jsonl": {
        "sentences_reporting_meeting": ("f1", 0.80),
    },
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_set_figures_stay_above_their_floors(shared_eval, name):
    result = CliRunner().invoke(cli, ["eval", "--format", "json", str(shared_eval / name)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for figure, (measure, floor) in FLOORS[name].items():
        assert figures[figure][measure] >= floor, f"{name}: {figure} {measure} {figures[figure][measure]} < floor {floor}"


GERMAN_FLOORS = {"statements": ("f1", 0.73), "statements.precision": ("precision", 0.82), "exact_boundaries": ("f1", 0.55),
                 "attribution": ("f1", 0.44)}


def test_german_dev_set_figures_stay_above_their_floors(shared_eval):
    # diplo eval --lang de: the German statement rules (data/de/rules/statements.toml) on German news
    path = shared_eval / "de-wikinews-quote-dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/de-wikinews-quote-dev.jsonl is not present")
    result = CliRunner().invoke(cli, ["eval", "--lang", "de", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for name, (measure, floor) in GERMAN_FLOORS.items():
        figure = name.split(".")[0]
        assert figures[figure][measure] >= floor, f"{figure} {measure} {figures[figure][measure]} < floor {floor}"

