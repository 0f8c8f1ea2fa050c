"""The name tokens of a text with some letters outside ASCII: read line by line, the same as read whole.

NameTokens reads the lines of such a text on which every letter, digit and mark is ASCII with the
standard library's engine, and only the other lines with ``regex``; the token after a capitalised
one is read where it starts. Both must give what the whole text's tokenisation gives: the tokens
that begin with a capital, and for any token the next one when only name glue lies between them.
"""

from __future__ import annotations

import random

import pytest

from diplo_cli.entities import _NAME_GLUES, _NAME_TOKEN, NameTokens
from diplo_cli.language.lexicons import ascii_word_stretches, ascii_words


def _whole(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold()) for m in _NAME_TOKEN.finditer(text)]


def _glued_after_whole(tokens: list[tuple[int, int, str]], index: int, text: str) -> tuple[int, int, str] | None:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following if following is not None and text[tokens[index][1]:following[0]] in _NAME_GLUES else None


_PIECES = ["A", "a", "B", "1", "'", " ", "-", ".", "\n", "\n", "Ab", "O'Neil", "x'1", "a'B", "Jean-Pierre", "W.", "U.S.", ". ",
           "'s", "Z9", "_", "Łódź", "É", "é", "ß", "e\u0301", "\u0301", "Ωmega", "٣", "Ö'z", "’", "—"]


def test_thru7_name_tokens_of_a_mixed_text_are_those_of_the_whole_tokenisation():
    rng = random.Random(7)
    mixed = 0
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 18)))
        mixed += not ascii_words(text)
        tokens = _whole(text)
        read = NameTokens(text, ascii_words(text))
        assert read.capitalised == [t for t in tokens if text[t[0]].isupper()], repr(text)
        for index, token in enumerate(tokens):
            assert read.glued_after(token) == _glued_after_whole(tokens, index, text), (text, token)
    assert mixed > 10000


@pytest.mark.parametrize(("text", "stretches"), [
    ("Talks in Oslo.\nZürich next.\nThen Bern.", [(0, 15, True), (15, 27, False), (27, 38, True)]),
    ("Zürich\nŁódź\nBern", [(0, 6, False), (6, 7, True), (7, 11, False), (11, 16, True)]),
    ("Bern and Oslo", [(0, 13, True)]),
    ("Cafe\u0301 talks", [(0, 11, False)]),  # a combining mark is read by regex
])
def test_thru7_word_stretches_cut_at_lines_holding_a_letter_digit_or_mark_outside_ascii(text, stretches):
    assert ascii_word_stretches(text) == stretches
    assert [(s, e) for s, e, _ in stretches] == list(zip([0] + [e for _, e, _ in stretches[:-1]], [e for _, e, _ in stretches]))
