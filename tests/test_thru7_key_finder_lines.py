"""WholeWordKeyFinder on a text with letters outside ASCII: its ASCII lines read on the plain path,
the others run by run; the same spans as the pattern it stands for."""

from __future__ import annotations

import random

import regex

from diplo_cli.language.lexicons import WholeWordKeyFinder, compile_named_lists, default_lexicon
from diplo_cli.language.loader import language_of


def _pattern_spans(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_thru7_place_finder_reads_mixed_lines_as_the_pattern_does():
    lexicon = default_lexicon()
    finder = language_of(lexicon).speaker_tables.entities.place_finder
    lines = ["Talks in Oslo and South Korea.", "Zürich, then New Zealand", "Łódź: China-India", "", "US and U.S. and Chinas",
             "Nukuʻalofa, Tonga", "e\u0301 Sudan", "Kyiv\u0301 Moscow", "NEW ZEALAND 2China", "café in Paris", "Cote d'Ivoire"]
    rng = random.Random(11)
    mixed = 0
    for _ in range(2000):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 8)))
        mixed += not text.isascii()
        assert finder.spans(text) == _pattern_spans(lexicon.matcher("places"), text), repr(text)
        assert finder.spans(text) == finder._run_spans(text)
    assert mixed > 1000


def test_thru7_keys_with_a_curly_apostrophe_are_found_in_a_mixed_text():
    keys = ["cote d’ivoire", "oslo"]  # a curly apostrophe: no letter, so its line reads on the plain path
    pattern = compile_named_lists(r"(?<![\p{L}\p{N}])\L<keys>(?![\p{L}\p{N}])", regex.IGNORECASE, keys=keys)
    finder = WholeWordKeyFinder(keys, lambda: pattern)
    text = "Zürich\nCote d’Ivoire and Oslo"
    assert finder.spans(text) == _pattern_spans(pattern, text) == [(7, 20), (25, 29)]
