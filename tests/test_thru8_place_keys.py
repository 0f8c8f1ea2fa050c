"""The places look-up (WholeWordKeyFinder) finds a key holding a character outside ASCII that is no
letter (a gazetteer's curly apostrophe) on a text whose letters are all ASCII, as its pattern does."""

from __future__ import annotations

import random

import regex

from diplo_cli.language.lexicons import WholeWordKeyFinder, ascii_words, compile_named_lists

_KEYS = ["cote d’ivoire", "guinea", "oslo", "sao tome", "o’neill land", "ras al‑khaimah", "new guinea"]  # ‑ : U+2011


def _finder_and_pattern(keys):
    pattern = compile_named_lists(r"(?<![\p{L}\p{N}])\L<keys>(?![\p{L}\p{N}])", regex.IGNORECASE, keys=keys)
    return WholeWordKeyFinder(keys, lambda: pattern), pattern


def test_thru8_a_key_with_a_curly_apostrophe_is_found_on_an_ascii_lettered_text():
    finder, pattern = _finder_and_pattern(_KEYS)
    text = "Envoys of Cote d’Ivoire and COTE D’IVOIRE met in Oslo; Cote d'Ivoire (straight) is no key."
    assert ascii_words(text) and not text.isascii()
    assert finder.spans(text) == [m.span() for m in pattern.finditer(text)] == [(10, 23), (28, 41), (49, 53)]


def test_thru8_the_non_letter_must_be_the_same_character():
    finder, pattern = _finder_and_pattern(_KEYS)
    text = "Ras al-Khaimah and Ras al‑Khaimah; O’Neill Land, O'Neill Land."
    assert finder.spans(text) == [m.span() for m in pattern.finditer(text)] == [(19, 33), (35, 47)]


def test_thru8_random_texts_of_key_pieces_give_the_pattern_spans():
    finder, pattern = _finder_and_pattern(_KEYS)
    pieces = ["Cote", "cote", "d’Ivoire", "d'Ivoire", "D’IVOIRE", " ", "\n", "Guinea", "New", "Oslo", "’", "‑", "Ras", "al‑Khaimah",
              "O’Neill", "Land", "x", "9", ",", "São", "Sao", "Tome", "Tomé", "é"]
    rng = random.Random(8)
    plain = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 12)))
        plain += ascii_words(text) and not text.isascii()
        assert finder.spans(text) == [m.span() for m in pattern.finditer(text)], repr(text)
    assert plain > 500
