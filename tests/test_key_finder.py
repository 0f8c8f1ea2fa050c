"""Look-ups that stand in for regex scans (whole-word keys, name tokens) find exactly what the scans find."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
import regex

from diplo_cli.language.lexicons import ASCII_CASE_VARIANTS, WholeWordKeyFinder, compile_named_lists, default_lexicon, fold
from diplo_cli.language.loader import language_of

_ALL_CHARACTERS = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


def _pattern_spans(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_ascii_case_variants_are_all_the_non_ascii_characters_ignorecase_matches_to_ascii_letters():
    letters = regex.compile(f"[{string.ascii_lowercase}]", regex.IGNORECASE)
    found = {match.group() for match in letters.finditer(_ALL_CHARACTERS) if not match.group().isascii()}
    assert found == ASCII_CASE_VARIANTS


def test_non_ascii_key_characters_match_only_themselves():
    finder = language_of(default_lexicon()).speaker_tables.entities.place_finder
    for char in {c for key in finder.keys for c in key if not c.isascii()}:
        same = regex.compile(regex.escape(char), regex.IGNORECASE)
        assert [match.group() for match in same.finditer(_ALL_CHARACTERS)] == [char]


def test_place_finder_uses_look_ups_and_matches_the_pattern_on_the_samples():
    lexicon = default_lexicon()
    finder = language_of(lexicon).speaker_tables.entities.place_finder
    assert finder._longest_by_first_run  # the look-up path is in use for the built-in places
    for path in sorted(Path(__file__).parent.parent.joinpath("samples").glob("*.txt")):
        text = fold(path.read_text(encoding="utf-8"))
        assert finder.spans(text) == _pattern_spans(lexicon.matcher("places"), text), path.name


def test_place_finder_matches_the_pattern_on_tricky_text():
    lexicon = default_lexicon()
    finder = language_of(lexicon).speaker_tables.entities.place_finder
    pieces = ["South Korea", "south korea", "SOUTH KOREA", "South  Korea", "Korea", "China", "china\u0301", "Chinas", "Chinese",
              "U.S.", "U S", "US", "Côte d'Ivoire", "Cote d'Ivoire", "d'", "\u017fudan", "Sudan", "K\u212aorea", "\u0130ndia", "India",
              "New", "Zealand", "New Zealand", "new Zealand", "x", "1", "2China", "China2", "-", "'", ".", ",", " ", "\n", "é", "\u00a0"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "", "-"]) for _ in range(rng.randint(0, 12)))
        assert finder.spans(text) == _pattern_spans(lexicon.matcher("places"), text), repr(text)


def test_keys_it_cannot_mirror_fall_back_to_the_pattern():
    keys = ["'s-hertogenbosch", "paris"]
    pattern = compile_named_lists(r"(?<![\p{L}\p{N}])\L<keys>(?![\p{L}\p{N}])", regex.IGNORECASE, keys=keys)
    finder = WholeWordKeyFinder(keys, lambda: pattern)
    assert finder._longest_by_first_run is None
    text = "From 's-Hertogenbosch to Paris."
    assert finder.spans(text) == _pattern_spans(pattern, text) == [(5, 21), (25, 30)]


def test_name_tokens_read_on_ascii_text_are_those_of_the_full_tokenisation():
    from diplo_cli.entities import _NAME_TOKEN
    from diplo_cli.language.lexicons import ascii_words
    from diplo_cli.speakers import _NameTokens

    pieces = ["A", "a", "B", "1", "'", " ", "-", ".", "\n", "Ab", "O'Neil", "x'1", "a'B", "Jean-Pierre", "W.", "U.S.", ". ", "'s", "Z9", "_"]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert ascii_words(text)
        plain, full = _NameTokens(text, True), _NameTokens(text, False)
        assert plain.capitalised == full.capitalised, repr(text)
        for match in _NAME_TOKEN.finditer(text):
            token = (match.start(), match.end(), match.group().casefold())
            assert plain.glued_after(token) == full.glued_after(token), (text, token)


def test_fold_replaces_exactly_the_characters_of_the_fold_table():
    from diplo_cli.language.lexicons import FOLD_TABLE

    alphabet = [chr(code) for code in FOLD_TABLE] + list("abc XÉé\u0301’") + [chr(code) for code in range(0x100, 0x300)]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert fold(text) == text.translate(FOLD_TABLE)


@pytest.mark.parametrize("text, tokens", [
    ("Z9's'x'1_U.S.Z9", ["Z9's'x", "1", "U", "S", "Z9"]),
    ("O'Neil's' talks", ["O'Neil's", "talks"]),
])
def test_ascii_name_tokens_never_end_on_an_apostrophe(text, tokens):
    # Python 3.11.2's re let a possessive group repeat end on the apostrophe ("Z9's'x'"): checked on whichever Python runs this
    from diplo_cli.speakers import _ASCII_CAPITALISED_NAME_TOKEN, _ASCII_NAME_TOKEN

    found, position = [], 0
    while position < len(text):
        match = _ASCII_NAME_TOKEN.match(text, position)
        if match:
            found.append(match.group())
            position = match.end()
        else:
            position += 1
    assert found == tokens
    assert [m.group() for m in _ASCII_CAPITALISED_NAME_TOKEN.finditer(text)] == [t for t in tokens if t[0].isupper()]


def test_capitalised_name_tokens_are_those_no_letter_digit_or_letter_apostrophe_comes_before():
    # the pattern reads its look-behinds after the capital (so that the engine skips to capitals):
    # the same tokens as the look-behinds written first, on strings of every kind of neighbour
    import random
    import re

    from diplo_cli.speakers import _ASCII_CAPITALISED_NAME_TOKEN

    reference = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]')[A-Z][A-Za-z0-9]*(?:'[A-Za-z]+)*")
    rng = random.Random(18)
    for _ in range(3000):
        text = "".join(rng.choice("AZbz09'’ -.\n_é") for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in _ASCII_CAPITALISED_NAME_TOKEN.finditer(text)] == [m.span() for m in reference.finditer(text)], text
