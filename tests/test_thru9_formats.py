"""formats.safe finds the characters it makes visible with a faster pattern, the same characters."""

from __future__ import annotations

import sys

import regex

from diplo_cli.formats import _CONTROL, safe

_SET_DIFFERENCE = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}--[\n\t]]", regex.V1)


def test_thru9_control_matches_the_set_difference_at_every_code_point():
    differ = [code for code in range(sys.maxunicode + 1)
              if (_CONTROL.match(chr(code)) is None) != (_SET_DIFFERENCE.match(chr(code)) is None)]
    assert differ == []
    # and as a search in a mixed text, from every start
    text = "Talks\u2028in Vella\t“resumed”\x1b[31m\u202eon\n Monday\u200b — é\x7f."
    for start in range(len(text) + 1):
        assert [m.span() for m in _CONTROL.finditer(text, start)] == [m.span() for m in _SET_DIFFERENCE.finditer(text, start)]


def test_thru9_safe_keeps_offsets_and_marks_controls():
    text = "The envoy\x1b said\u202e\tyes\u2029\n"
    shown = safe(text)
    assert shown == "The envoy\u241b said\ufffd\tyes\ufffd\n"
    assert len(shown) == len(text)
    assert safe("plain “quoted” text — é") == "plain “quoted” text — é"
