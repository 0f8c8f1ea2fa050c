"""A status cue after a meeting word is weighed against the meeting words between them only (not
every later one in the document): the same statuses (that meeting words with cues in one long sentence
stay linear is the visit-runs case of tests/test_crafted_inputs.py)."""

from __future__ import annotations

from diplo_cli.pipeline import extract


def _statuses(text: str) -> list[tuple[str, str, list[str]]]:
    return [(m.type, m.status, [span.text for span in m.mentions]) for m in extract(text).meetings]


def test_thru8_a_cue_after_two_meeting_words_is_said_of_the_nearer():
    # 'cancelled' follows 'held talks' with 'the summit' between: it is the summit's, not the talks'
    text = "President Marta Quiroga held talks with Prime Minister Tomas Ferreira instead of the summit, which was cancelled."
    assert _statuses(text) == [("talks", "held", ["held talks"]), ("summit", "cancelled", ["summit"])]


def test_thru8_a_later_cue_of_another_meeting_word_leaves_a_plan_planned():
    text = "President Marta Quiroga will meet Prime Minister Tomas Ferreira after the summit in Lima, which was postponed."
    assert _statuses(text) == [("meeting", "planned", ["meet"])]
