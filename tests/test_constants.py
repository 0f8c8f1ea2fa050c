"""Kinds, meeting types, statuses and formats are defined once (constants.py) and offered from there."""

from __future__ import annotations

import click

from diplo_cli import constants
from diplo_cli.cli import cli
from diplo_cli.language.rulepack import _SCHEMA


def _choices(command: click.Command, name: str) -> tuple[str, ...] | None:
    for param in command.params:
        if param.name == name and isinstance(param.type, click.Choice):
            return tuple(param.type.choices)
    return None


def test_every_command_offers_formats_from_the_one_list():
    offered = {name: _choices(command, "output_format") for name, command in cli.commands.items()}
    assert offered["statements"] == offered["meetings"] == constants.RECORD_FORMATS
    assert all(set(formats) <= set(constants.OUTPUT_FORMATS) for formats in offered.values() if formats)
    assert {f for formats in offered.values() if formats for f in formats} == set(constants.OUTPUT_FORMATS)


def test_the_filters_and_the_rule_pack_offer_the_defined_values():
    statements = cli.commands["statements"]
    assert _choices(statements, "kinds") == constants.STATEMENT_KINDS
    assert _choices(statements, "statuses") == _choices(statements, "statement_statuses") == constants.MEETING_STATUSES
    assert _SCHEMA["meeting_words"]["type"][1] == constants.MEETING_TYPES
