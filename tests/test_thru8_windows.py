"""A try of a rule found by its literal prefix is given the end of the stretch it can read
(attempt_window): the same matches as the pattern over the whole text (that a text holding the rule's
first words again and again but never its later word stays linear is the issued-no-that and
led-no-delegation cases of tests/test_crafted_inputs.py)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.rules.scanning import RUN_LIMITS, PrefixScan, PrefixTable, attempt_window

_ISSUED = r"\b(?P<verb>issued|put\s++out)\s++(?:a|an|the)\s++(?:[\p{Ll}-]++\s++){0,2}?(?P<noun>statement|note)\s++(?P<complement>that)\s++(?=\p{L})"


def test_thru8_the_window_counts_runs_at_their_limit_and_a_look_ahead_past_the_match():
    # 'put' + space run + 'out' + space run, article, space run, two (word run + space run), noun,
    # space run, 'that', space run; the look-ahead reads one more, the boundary test one more
    space, word = RUN_LIMITS["space"], RUN_LIMITS["word"]
    longest = 3 + space + 3 + space + 3 + space + 2 * (word + space) + 9 + space + 4 + space
    assert attempt_window(regex.compile(_ISSUED, regex.IGNORECASE)) == longest + 1 + 1
    assert attempt_window(regex.compile(r"\bsaid\b")) == 5
    assert attempt_window(regex.compile(r"\bsaid(?=\s+that)")) == 4 + space + 4 + 1  # the look-ahead reads past 'said'


def test_thru8_no_window_where_a_try_may_read_without_bound():
    assert attempt_window(regex.compile(r"\bled\b.*?delegation")) is None  # any characters
    assert attempt_window(regex.compile(r"\bled(?:\s+\w+)*\s+delegation")) is None  # a repeat of more than one run
    assert attempt_window(regex.compile(r"\bled\s+(?=.*delegation)")) is None  # a look-ahead without bound
    assert attempt_window(regex.compile(r"\bled\s+delegation$")) is None  # an end anchor reads the text's end
    assert attempt_window(regex.compile(r"(\bled)\s+\1")) is None  # a back reference


_PIECES = st.sampled_from(["issued", "put out", "a", "the", "statement", "note", "that", "This", " ", "  ", "\n",
                           "new", "brief", "-", ".", ",", "Lind", "é", " " * 20, "x" * 45])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_thru8_a_windowed_scan_finds_what_the_pattern_finds(text):
    scan = PrefixScan(regex.compile(_ISSUED, regex.IGNORECASE))
    assert scan.window is not None
    table = PrefixTable([scan], sparse=True)
    expected = [m.span() for m in scan.pattern.finditer(text)]
    assert [m.span() for m in scan.finditer(text, table.lowered(text))] == expected


def test_thru8_a_windowed_scan_keeps_a_match_at_the_end_of_its_window():
    scan = PrefixScan(regex.compile(_ISSUED, regex.IGNORECASE))
    space = " " * RUN_LIMITS["space"]
    text = f"Lind issued{space}a{space}very{space}brief{space}note{space}that{space}Oslo issued a note on trade."
    table = PrefixTable([scan], sparse=True)
    assert [m.span() for m in scan.finditer(text, table.lowered(text))] == [(5, 125)]  # 120 characters: the run limit at every gap
    assert text[125:129] == "Oslo"
