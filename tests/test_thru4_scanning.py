"""Prefix-scan rules whose tries are bounded run without ``regex``'s per-match time-out, and only then.

A time-out costs a read of the process's CPU clock at every match started; a rule whose unbounded
repeats each repeat one white-space or word character cannot run past the longest such run, so on
a text without long runs its tries are bounded by the rule alone (see scanning._bounded_attempts).
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.rules import scanning
from diplo_cli.rules.scanning import RUN_LIMITS, PrefixScan, PrefixTable


@pytest.mark.parametrize(("source", "bounded"), [
    (r",\s+(?:which|who|while)\b", True),  # one run of white space
    (r"\bin\s+(?:19|20)\d{2}\b|\bthis\s+year\b", True),  # bounded repeats count as written
    (r"\b(?:left|flew)\s+for(?=\s+(?-i:\p{Lu}))", True),  # a property outside a repeat is one character
    (r"[;:!?]|\s[-–—]\s", True),
    (r"\bsaid\s+(?:\w+\s+){0,1}that\b", True),  # 17 x (1 + 41 x 17) ways at most
    (r"\bsaid\b[^.]*\bthat\b", False),  # a negated class runs to the next full stop
    (r"\bsaid\b.*\bthat\b", False),
    (r"\b(?:\w+\s+)+said\b", False),  # a group repeated without bound
    (r"\b(\w+)\s+\1\b", False),  # a back reference
    (r"\bsaid\s+\p{N}+\b", False),  # a property repeated: not known to be in a run class ('½' is a number)
    (r"\bthe\w+\w+\w+\w+\w+\b", False),  # too many ways: over MAX_ATTEMPT_PATHS
    (r"\bsaid\s+(?:\w+\w+\s+){0,9}that\b", False),
])
def test_thru4_a_rule_is_bounded_only_when_its_unbounded_repeats_are_runs_of_one_class(source, bounded):
    assert PrefixScan(regex.compile(source, regex.IGNORECASE), wide=True).bounded is bounded


def _scan(source: str) -> tuple[PrefixScan, PrefixTable]:
    scan = PrefixScan(regex.compile(source, regex.IGNORECASE), wide=True)
    return scan, PrefixTable([scan])


def test_thru4_a_long_run_of_white_space_or_of_word_characters_keeps_the_time_out(monkeypatch):
    scan, table = _scan(r",\s+(?:which|who)\b")
    plain = "The envoy, who arrived late, met the minister, which surprised nobody."
    padded = plain.replace(", who", "," + " " * (RUN_LIMITS["space"] + 1) + "who")
    joined = plain + " " + "-".join(["word"] * 10)  # a 49-character run of word characters
    monkeypatch.setattr(scanning, "PATTERN_TIMEOUT", 0)  # any try with a time-out now raises
    assert [m.group() for m in scan.finditer(plain, table.lowered(plain))] == [", who", ", which"]
    for text in (padded, joined):
        with pytest.raises(TimeoutError):
            list(scan.finditer(text, table.lowered(text)))
    assert table.lowered(plain).short_runs(plain)
    assert not table.lowered(padded).short_runs(padded)
    assert not table.lowered(joined).short_runs(joined)


@pytest.mark.parametrize(("text", "short"), [
    ("Read it at https://www.example.org/news/2024/05/17/talks-in-oslo-resume today.", True),  # '/' cuts the runs
    ("Read it at www.example-of-a-very-long-address-for-the-talks.org today.", False),  # one 54-character run
    ("Talks resume" + "\u2009" * (RUN_LIMITS["space"] + 1) + "today.", False),  # white space beyond ASCII
    ("Talks resume" + " \n" * (RUN_LIMITS["space"] // 2) + "today.", True),  # a run of exactly the limit
])
def test_thru4_runs_are_measured_with_the_rules_own_classes(text, short):
    assert scanning.short_runs(text) is short


_PIECES = st.sampled_from(["The envoy", ", which", ", who", " - ", "; ", " ", "  ", "\n", "said", "talks", "Oslo.", "\u2009"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_thru4_a_bounded_rule_finds_what_the_pattern_finds(text):
    scan, table = _scan(r"[;:!?]|\s[-–—]\s|,\s+(?:which|who)\b")
    assert scan.bounded
    lowered = table.lowered(text)
    expected = [m.span() for m in scan.pattern.finditer(text)]
    assert [m.span() for m in scan.finditer(text, lowered)] == expected


def _every_prefix_at_every_place(table: PrefixTable, lowered: str) -> dict[str, list[int]]:
    prefixes, inside = set(table._prefixes_of), set(table._inside_prefixes_of)
    found: dict[str, list[int]] = {}
    for at in range(len(lowered)):
        after_word = at > 0 and (lowered[at - 1].isascii() and (lowered[at - 1].isalnum() or lowered[at - 1] == "_"))
        for prefix in sorted(inside if after_word else prefixes):
            if lowered.startswith(prefix, at):
                found.setdefault(prefix, []).append(at)
    return found


_TABLE_PIECES = st.sampled_from(["a", "and", " and ", "the", "talks", ", which", " - ", "\n", "\n\n", "said", "in 1999",
                                 "next week", "May", "é", "_", "x", ".", "’s", "  ", "will meet", "a", "2"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_TABLE_PIECES, max_size=30).map("".join))
def test_thru4_the_prefix_table_finds_every_prefix_where_its_rules_may_start(text):
    from diplo_cli.language.lexicons import default_lexicon
    from diplo_cli.language.loader import language_of

    table = language_of(default_lexicon()).meetings.prefix_table
    lowered = text.lower()
    assert table.find(lowered) == _every_prefix_at_every_place(table, lowered)
