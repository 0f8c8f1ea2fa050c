"""Sentences and transcript turns (segment.py), on invented text."""

from __future__ import annotations

import pytest

from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.text.segment import find_turns, segment_sentences, turn_body_start


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment_sentences(text, default_lexicon())]


@pytest.mark.parametrize("text, expected", [
    ("The talks ended. The envoy left.", ["The talks ended.", "The envoy left."]),
    ("Mr. Petrov met Gen. Ivanov in the U.S. capital. They spoke.", ["Mr. Petrov met Gen. Ivanov in the U.S. capital.", "They spoke."]),
    ("J. Smith arrived. He spoke.", ["J. Smith arrived.", "He spoke."]),
    ("The talks ended in Russia’s favour. He left.", ["The talks ended in Russia’s favour.", "He left."]),
    ("He cited the country's. Then he left.", ["He cited the country's.", "Then he left."]),
    ('"We are ready." The envoy smiled.', ['"We are ready."', "The envoy smiled."]),
    ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
    ("A typo.He stayed.", ["A typo.He stayed."]),
    ('He left the room. "we are close," he said.', ["He left the room.", '"we are close," he said.']),
])
def test_sentence_ends(text, expected):
    assert sentences(text) == expected


def test_no_sentence_spans_a_line_break_and_paragraphs_are_numbered():
    text = "First line without a period\nSecond line. Third sentence."
    found = segment_sentences(text, default_lexicon())
    assert [text[s.start:s.end] for s in found] == ["First line without a period", "Second line.", "Third sentence."]
    assert [s.paragraph for s in found] == [0, 1, 1]


TRANSCRIPT = "MS. HARLOW: Good afternoon.\nQ Is the trip on?\nMS. HARLOW: It is.\nTHE PRESIDENT: Thank you.\n"


def test_turns_have_label_question_flag_and_extent():
    turns = find_turns(TRANSCRIPT)
    assert [(TRANSCRIPT[start:end].split("\n")[0], question, label) for start, end, question, label in turns] == [
        ("MS. HARLOW: Good afternoon.", False, "MS. HARLOW"),
        ("Q Is the trip on?", True, None),
        ("MS. HARLOW: It is.", False, "MS. HARLOW"),
        ("THE PRESIDENT: Thank you.", False, "THE PRESIDENT"),
    ]
    assert turns[-1][1] == len(TRANSCRIPT)


def test_turn_body_starts_after_the_label():
    turns = find_turns(TRANSCRIPT)
    assert [TRANSCRIPT[turn_body_start(TRANSCRIPT, t):][:5] for t in turns] == ["Good ", "Is th", "It is", "Thank"]


def test_prose_with_one_colon_line_is_not_a_transcript():
    assert find_turns("NOTE: the schedule may change.\nThe envoy arrives on Monday.") == []


GOVERNMENT_TRANSCRIPT = (
    "The two presidents met in Lakeport.\n"
    "President of Norland Ana Lind: Dear colleague, welcome.\n"
    "QUESTION: Will the road open?\n"
    "President of Estoria Piet Varga (retranslated): Thank you.\n"
)


def test_title_case_labels_with_a_title_and_question_labels_open_turns():
    turns = find_turns(GOVERNMENT_TRANSCRIPT, default_lexicon())
    assert [(GOVERNMENT_TRANSCRIPT[s:e].split(":")[0], q, label) for s, e, q, label in turns] == [
        ("President of Norland Ana Lind", False, "President of Norland Ana Lind"),
        ("QUESTION", True, None),
        ("President of Estoria Piet Varga (retranslated)", False, "President of Estoria Piet Varga (retranslated)"),
    ]
    assert [GOVERNMENT_TRANSCRIPT[turn_body_start(GOVERNMENT_TRANSCRIPT, t):][:4] for t in turns] == ["Dear", "Will", "Than"]


def test_one_label_with_honorific_name_and_role_opens_a_transcript():
    text = "Mr. KATO Ren, Minister for Foreign Affairs: I said so before.\nThe date is open."
    assert find_turns(text, default_lexicon()) == [(0, len(text), False, "Mr. KATO Ren, Minister for Foreign Affairs")]


def test_a_turn_is_a_typed_record_that_still_unpacks_as_a_tuple():
    question, answer = find_turns("QUESTION: Will the road open?\nMINISTER LIND: It will.\n", default_lexicon())
    assert (question.is_question, question.label) == (True, None)
    assert (answer.start, answer.is_question, answer.label) == (30, False, "MINISTER LIND")
    start, end, is_question, label = answer
    assert (start, end, is_question, label) == (answer.start, answer.end, False, "MINISTER LIND")


def test_labels_may_hold_lower_case_name_particles_alone_or_hyphenated():
    text = ("President of Norland Omar el-Haddad (retranslated): Dear colleague, welcome.\n"
            "Prime Minister Maria van der Berg: Thank you.\n"
            "Omar el-Haddad: We agree.\n")
    turns = find_turns(text, default_lexicon())
    assert [label for _, _, _, label in turns] == ["President of Norland Omar el-Haddad (retranslated)",
                                                   "Prime Minister Maria van der Berg", "Omar el-Haddad"]


def test_a_lower_case_word_that_is_no_name_particle_keeps_a_line_from_being_a_label():
    text = "Minister Lind in Oslo: the road.\nPresident Varga at Home: the bridge.\n"
    assert find_turns(text, default_lexicon()) == []


@pytest.mark.parametrize("text", [
    "Key Points: the road.\nNext Steps: the bridge.\n",   # headings: no title, no honorific
    "He said: the road.\nShe added: the bridge.\n",       # prose before a colon
    "Mr. Kato Ren: the road.\n",                          # one label without a role
])
def test_headings_and_prose_before_a_colon_are_no_labels(text):
    assert find_turns(text, default_lexicon()) == []


# ---------------------------------------------------------------- typewriter double quotes
@pytest.mark.parametrize("text, expected", [
    ("''We are ready,'' said Ola Brekke.", ' "We are ready,"  said Ola Brekke.'),
    ("He wrote: ``It is over.'' Then he left.", 'He wrote:  "It is over."  Then he left.'),
    ("rock 'n' roll and the 1980''s", "rock 'n' roll and the 1980''s"),  # no quotation: unchanged
])
def test_typewriter_double_quotes_read_as_one_mark_same_length(text, expected):
    from diplo_cli.text.segment import plain_quote_marks
    assert plain_quote_marks(text) == expected
    assert len(plain_quote_marks(text)) == len(text)


def test_an_upper_case_honorific_label_opening_the_text_alone_makes_a_transcript():
    text = "MR. BRÖNN: I have two short items to start with.\nAs we announced this morning, the envoy will travel to Oslo."
    assert find_turns(text) == [(0, len(text), False, "MR. BRÖNN")]


def test_one_honorific_label_after_prose_is_no_transcript():
    assert find_turns("The envoy arrived.\nMR. BRÖNN: Hello.\nWe said the talks are over.") == []


@pytest.mark.parametrize("question_label", ["Reporter", "Question", "Journalist"])
def test_a_title_case_question_label_of_one_word_is_a_question_turn(question_label):
    text = f"Minister Lind: I met the envoy.\n{question_label}: Will the road open?\nMinister Lind: It will.\n"
    turns = find_turns(text, default_lexicon())
    assert [(is_question, label) for _, _, is_question, label in turns] == [(False, "Minister Lind"), (True, None), (False, "Minister Lind")]


def test_one_title_case_word_that_is_no_question_label_is_no_label():
    text = "Minister Lind: I met the envoy.\nNote: the road opens on Monday.\nMinister Lind: It will.\n"
    turns = find_turns(text, default_lexicon())
    assert [label for _, _, _, label in turns] == ["Minister Lind", "Minister Lind"]
