"""Generators of crafted and degenerate texts, shared by bench/crafted.py and the ratio tests.

Each family is a text a hostile or broken page can hold: it repeats one unit (with varied words
so that no per-word cache makes the repetition cheaper than new text) up to a given size.
``news`` is the reference: invented wire-style sentences of the same length range.
"""

from __future__ import annotations

import itertools
import random

NAMES = ["Ana Dorn", "Pia Lund", "Tom Hale", "Ida Berg", "Olaf Renn", "Mira Vos", "Karl Ott", "Lena Sund"]
PLACES = ["Vienna", "Geneva", "Oslo", "Riga", "Tallinn", "Lisbon", "Dublin", "Bern"]
FIRST = ["Ana", "Pia", "Tom", "Ida", "Olaf", "Mira", "Karl", "Lena", "Jon", "Eva"]
LAST = ["Dorn", "Lund", "Hale", "Berg", "Renn", "Vos", "Ott", "Sund", "Falk", "Moe", "Lind", "Ek"]
WORDS = ["talks", "border", "trade", "grain", "energy", "water", "visit", "treaty", "summit", "accord"]


def _units(family: str, rng: random.Random):
    counter = itertools.count()
    while True:
        n = next(counter)
        name, other, place, word = rng.choice(NAMES), rng.choice(NAMES), rng.choice(PLACES), rng.choice(WORDS)
        if family == "news":
            yield (f'{name}, the foreign minister, said on Monday that she would meet {other} in {place} '
                   f'to discuss the {word} issue. "We expect progress," {other.split()[1]} told reporters. ')
        elif family == "said-that":
            yield f"{name} said that "
        elif family == "dashes":
            yield f"{word}-{name.split()[0]}-"
        elif family == "unbalanced-quotes":
            yield f'"{name} said {word} {n} '
        elif family == "parentheses":
            yield f"({word} {name.split()[1]}) "
        elif family == "said-runs":
            yield "said "
        elif family == "said-dashes":
            yield "said—"
        elif family == "chronology":  # one leader's meetings, each with another person in another place
            yield f"Putin met {rng.choice(FIRST)} {rng.choice(LAST)} in {place}. "
        elif family == "padded":  # a page padded with runs of white space between clauses
            yield f"{name} said the {word} talks went well, " + " " * 12000 + f"which pleased {other}. "
        elif family == "issued-no-that":  # a rule's first words again and again, its later word ('that') never
            yield f"issued a statement on {word} "
        elif family == "led-no-delegation":  # the same for 'led ... delegation to'
            yield f"led the {word} talks "
        elif family == "statement-runs":  # a document named again and again in one sentence, issued by no clause
            yield f"the statement said the {word} talks went well and "
        elif family == "visit-runs":  # meeting words, each with a status cue, in one endless sentence
            yield f"will visit the {word} "
        elif family == "counted-talks":  # talks of a counted number of parties naming nobody, bodies named all around
            yield f"The trilateral {word} talks went on. Peru, Chile and Bolivia agreed on the plan. "
        elif family == "capitals":
            yield f"{word.title()} {name} {place} "
        else:
            raise ValueError(f"unknown family {family!r}")


FAMILIES = ("news", "said-that", "dashes", "unbalanced-quotes", "parentheses", "said-runs", "said-dashes",
            "chronology", "capitals", "padded", "issued-no-that", "led-no-delegation",
            "statement-runs", "visit-runs", "counted-talks")


def make(family: str, size: int, seed: int = 18) -> str:
    """``family``'s text, ``size`` characters long (the last unit cut)."""
    rng = random.Random(seed)
    parts, total = [], 0
    for unit in _units(family, rng):
        parts.append(unit)
        total += len(unit)
        if total >= size:
            break
    return "".join(parts)[:size]
