"""Crafted and degenerate text stays linear and close to the cost of news.

The families are bench/crafted_inputs.py's (bench/crafted.py prints their figures at megabyte
sizes). Only ratios of CPU times are asserted, best of three, with margins a loaded 2-core
machine cannot trip: 4x the input may take at most 8x the time (quadratic work takes 16x), and a
character of crafted text at most 25x a character of news (the target, 10x, is the benchmark's).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.attribution import _TokenIndex, _tokens
from diplo_cli.attribution.common import _TOKEN
from diplo_cli.attribution.tokens import _token_spans
from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.pipeline import extract
from tests.timing import extraction_time

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from crafted_inputs import FAMILIES, make

SMALL, LARGE = 8_000, 32_000
# Families whose old quadratic cost showed only past a few tens of KB (the engine's search ahead to the
# text's end, a walk over every later meeting word): measured at twice the sizes.
DOUBLED = {"issued-no-that", "led-no-delegation", "visit-runs"}


@pytest.fixture(scope="module")
def news_seconds_per_char():
    lexicon = default_lexicon()
    text = make("news", LARGE)
    extract(text, lexicon=lexicon)  # compile everything first
    return extraction_time(text, lexicon) / len(text)


@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "news"])
def test_a_crafted_family_is_linear_and_near_the_cost_of_news(family, news_seconds_per_char):
    lexicon = default_lexicon()
    scale = 2 if family in DOUBLED else 1
    small, large = make(family, scale * SMALL), make(family, scale * LARGE)
    small_seconds, large_seconds = extraction_time(small, lexicon), extraction_time(large, lexicon)
    assert large_seconds <= 8 * small_seconds
    assert large_seconds / len(large) <= 25 * news_seconds_per_char


def test_cue_words_joined_by_dashes_find_no_speaker_and_keep_a_real_self_repair():
    # the run of cue words has no noun phrase to speak it; a real self-repair keeps its speaker
    assert extract(make("said-dashes", 2_000)).statements == ()
    repaired = extract("As we stated — publicly stated — the border would reopen.")
    assert [(s.speaker.mention.text, s.content.text) for s in repaired.statements] == [("we", "the border would reopen")]


_TEXT_PIECES = st.sampled_from(["said", "—", " ", "U.S.", "Dorn's", "co-chair", "e\u0301t\u00e9", "\n", ",", "9.5", "'", "-", ".",
                                "\x1c", "\u00a0", "’s", "Жуков", "e\u0301", "\u0663", "\r\n", "&", "_"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_TEXT_PIECES, max_size=40).map("".join), st.data())
def test_the_token_index_gives_the_tokens_of_a_fresh_scan_of_any_window(text, data):
    # the lines without letters, digits or marks outside ASCII are scanned on the faster engine
    assert _token_spans(text) == [m.span() for m in _TOKEN.finditer(text)]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _TokenIndex(text).between(start, end) == _tokens(text, start, end)
