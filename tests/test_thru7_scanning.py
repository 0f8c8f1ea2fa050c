"""The bound on one try of a prefix-scan rule (scanning._attempt_paths), read closer to how the engine goes.

A rule whose tries are bounded runs without ``regex``'s per-match time-out on a text with short
runs. The bound counts a run followed by what cannot open with a character of its class as one
way, an alternation as the most alternatives one character lets through, and the letter, mark and
decimal-digit properties as word characters of the runs.
"""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.rules import scanning
from diplo_cli.rules.scanning import RUN_LIMITS, PrefixScan, PrefixTable


def _ways(source: str) -> int | None:
    """The bound of ``source``, however large (MAX_ATTEMPT_PATHS lifted)."""
    marked = scanning._PROPERTY.sub(scanning._PROPERTY_MARK, scanning._LETTER_PROPERTY.sub(scanning._LETTER_MARK, source))
    parsed = scanning.sre_parser.parse(scanning._GROUP_NAME.sub("(?:", marked))
    limit, scanning.MAX_ATTEMPT_PATHS = scanning.MAX_ATTEMPT_PATHS, 10 ** 40
    try:
        return scanning._attempt_paths(list(parsed), frozenset())
    finally:
        scanning.MAX_ATTEMPT_PATHS = limit


@pytest.mark.parametrize(("source", "ways"), [
    (r",\s+which\b", 1),  # the run ends where the text's does: 'w' is no white space
    (r",\s+(?=which)", (RUN_LIMITS["space"] + 1) * 2),  # a look-ahead would be tried at each shorter choice
    (r"\bsaid\s*\s+that\b", RUN_LIMITS["space"] + 1),  # a run followed by another of its class
    (r"\bthe\s+\w+\s+\w+\s+\w+\s+\w+\b", 1),
    (r"\b\w+\w+\w+\w+\b", (RUN_LIMITS["word"] + 1) ** 3),  # runs of one class in a row: each but the last
    (r"\b\w+\s+\w+\s+\w+\s+said\b", 1),
    (r"(?<=\b\w+\s+\w+\s+\w+\s+)said\b", 1 + ((RUN_LIMITS["word"] + 1) * (RUN_LIMITS["space"] + 1)) ** 3),  # matched right to left
    (r"\b(?:January|June|July|March|May)\s+\d{1,2}\b", 3 * 2),  # three open with 'j'; one or two digits
    (r"\b(?:a|an|the)\s+talks?\b", 2 * 2),
    (r"\bsaid\s+(?:\w+\s+){0,9}that\b", 10),
    (r"[^.]{0,200}?\bmet\b", 201),  # a bounded repeat of one character, however long
    (r"\bsaid\s+\p{L}+\b", 1),  # letters are word characters
    (r"(?<=\p{Lu}[\p{L}\p{M}\-]+)\s+who\b", 1 + RUN_LIMITS["word"] + 1),  # a look-behind: holds, or one of its ways
    (r",\s+\p{N}+", None),  # '½' is a number and no word character
    (r"\bsaid[\s,]*\s+that", None),  # a run of two classes
])
def test_thru7_the_ways_of_one_try(source, ways):
    assert _ways(source) == ways


@pytest.mark.parametrize(("source", "bounded"), [
    (r"\bthe\s+\w+\s+\w+\s+\w+\s+\w+\b", True),
    (r"\b\w+\w+\w+\w+\w+\b", False),  # 41 ** 4 ways: over MAX_ATTEMPT_PATHS
    (r"(?<=\b\w+\s+\w+\s+\w+\s+)said\b", False),
    (r"[;:!?]|(?-i:(?<=\p{Ll})\.(?=\p{Lu}\p{Ll}))|\s[-–—]\s|,\s+(?:which|who)\b", True),
    (r"\b(?:spoke|talked)\s+(?:(?:by\s+(?:phone|video))[\s,]+)(?:with|to)\b", False),
])
def test_thru7_a_rule_is_bounded_when_its_ways_are_few(source, bounded):
    assert PrefixScan(regex.compile(source, regex.IGNORECASE), wide=True).bounded is bounded


def test_thru7_every_letter_mark_and_decimal_digit_is_a_word_character_of_the_runs():
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    for name in ("L", "Lu", "Ll", "M", "Nd"):
        assert scanning._LETTER_PROPERTY.fullmatch(rf"\p{{{name}}}")
        for flags in (regex.V1, regex.V1 | regex.IGNORECASE):
            assert regex.search(rf"[\p{{{name}}}--[\w.\-'’]]", every, flags) is None, name
    assert regex.search(r"[\p{N}--[\w.\-'’]]", every, regex.V1) is not None
    assert not scanning._LETTER_PROPERTY.fullmatch(r"\p{N}")
    assert not scanning._LETTER_PROPERTY.fullmatch(r"\P{L}")


_MONTHS = r"\b(?:(?:early|mid|late)-?\s?)?(?-i:January|June|July|May|Jan\.)(?:\s+\d{1,2}(?:st|th)?)?(?:,?\s+\d{4})?\b"


def _scan(source: str) -> tuple[PrefixScan, PrefixTable]:
    scan = PrefixScan(regex.compile(source, regex.IGNORECASE))
    return scan, PrefixTable([scan])


def test_thru7_a_newly_bounded_rule_runs_without_the_time_out_only_on_short_runs(monkeypatch):
    scan, table = _scan(_MONTHS)
    assert scan.bounded
    plain = "They met in early June 4, 2024 and again in July; talks may resume in Jan. 2025."
    joined = plain + " " + "-".join(["word"] * 10)  # a run of word characters over the limit
    monkeypatch.setattr(scanning, "PATTERN_TIMEOUT", 0)  # any try with a time-out now raises
    assert [m.group() for m in scan.finditer(plain, table.lowered(plain))] == ["early June 4, 2024", "July", "Jan. 2025"]
    with pytest.raises(TimeoutError):
        list(scan.finditer(joined, table.lowered(joined)))


_PIECES = st.sampled_from(["June", "july", "May", "may", "Jan.", " 4", "th", ",", " 2024", "early ", "mid-", " ", "\n",
                           "said", "Oslo", "é"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_thru7_a_newly_bounded_rule_finds_what_the_pattern_finds(text):
    scan, table = _scan(_MONTHS)
    lowered = table.lowered(text)
    assert [m.span() for m in scan.finditer(text, lowered)] == [m.span() for m in scan.pattern.finditer(text)]
