"""A status cue after a meeting word is weighed against the meeting words between them only (not
every later one in the document): the same statuses, and meeting words with cues in one long
sentence stay linear."""

from __future__ import annotations

import sys
from pathlib import Path

from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.pipeline import extract
from tests.timing import extraction_time

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from crafted_inputs import make


def _statuses(text: str) -> list[tuple[str, str, list[str]]]:
    return [(m.type, m.status, [span.text for span in m.mentions]) for m in extract(text).meetings]


def test_thru8_a_cue_after_two_meeting_words_is_said_of_the_nearer():
    # 'cancelled' follows 'held talks' with 'the summit' between: it is the summit's, not the talks'
    text = "President Marta Quiroga held talks with Prime Minister Tomas Ferreira instead of the summit, which was cancelled."
    assert _statuses(text) == [("talks", "held", ["held talks"]), ("summit", "cancelled", ["summit"])]


def test_thru8_a_later_cue_of_another_meeting_word_leaves_a_plan_planned():
    text = "President Marta Quiroga will meet Prime Minister Tomas Ferreira after the summit in Lima, which was postponed."
    assert _statuses(text) == [("meeting", "planned", ["meet"])]


def test_thru8_meeting_words_with_cues_in_one_sentence_stay_linear():
    # before: each cue after a meeting word read every later meeting word of the document
    lexicon = default_lexicon()
    extract(make("news", 8_000), lexicon=lexicon)
    news = extraction_time(make("news", 32_000), lexicon) / 32_000
    small, large = extraction_time(make("visit-runs", 16_000), lexicon), extraction_time(make("visit-runs", 64_000), lexicon)
    assert large <= 8 * small
    assert large / 64_000 <= 25 * news
