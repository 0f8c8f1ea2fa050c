"""Hard-wrapped text: folded paragraphs are read whole, offsets still index the text as read."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli import extract
from diplo_cli.cli import cli
from diplo_cli.text.unwrap import analysis_text, folding_breaks
from tests.conftest import SAMPLES
from tests.test_real_input_eval import hard_wrap

STORY = (
    "Foreign Minister Anna Lindqvist said on Tuesday that the talks with her Norwegian counterpart would resume in Oslo next month.\n"
    "\u201cWe have agreed on the agenda and the dates, and nothing stands in the way of a meeting,\u201d Lindqvist told reporters.\n"
    "A spokesman for the Norwegian foreign ministry said the minister was looking forward to the visit.\n"
)


def _spans(document):
    return [((s.speaker.mention.start, s.speaker.mention.end), (s.cue.start, s.cue.end), (s.content.start, s.content.end))
            for s in document.statements]


def test_one_paragraph_per_line_text_is_left_alone():
    assert analysis_text(STORY) is STORY
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert folding_breaks(text) == [], path.name


def test_folding_line_breaks_become_spaces_and_the_length_keeps():
    folded = hard_wrap(STORY, 50)
    analysed = analysis_text(folded)
    assert len(analysed) == len(folded)
    assert analysed == STORY  # every fold joined, every paragraph end kept


def test_a_folded_story_gives_the_statements_of_the_original_with_the_same_offsets():
    original = extract(STORY)
    folded_text = hard_wrap(STORY, 50)
    folded = extract(folded_text)
    assert len(original.statements) == 3
    assert _spans(folded) == _spans(original)
    assert folded.unwrapped == folded_text.count("\n") - STORY.count("\n")
    for statement in folded.statements:  # span texts are the text as read, line breaks included
        assert statement.content.text == folded_text[statement.content.start:statement.content.end]
    assert "\n" in folded.statements[0].content.text


def test_the_sample_folded_at_60_columns_keeps_its_statements(seed_text):
    folded_text = hard_wrap(seed_text, 60)
    assert _spans(extract(folded_text)) == _spans(extract(seed_text))


def test_unwrap_false_reads_every_line_break_as_a_break():
    folded = extract(hard_wrap(STORY, 50), unwrap=False)
    assert folded.unwrapped == 0
    assert _spans(folded) != _spans(extract(STORY))


def test_blank_lines_indentation_and_speaker_labels_end_paragraphs():
    text = (
        "The minister said that the two delegations had\n"
        "agreed to meet again before the end of the year\n"
        "in Vienna, and that a date would follow soon.\n"
        "\n"
        "    A second paragraph starts indented and runs on\n"
        "for a while before it reaches its very last word.\n"
        "MR. SMITH: The spokesman answered the question\n"
        "about the summit without giving any firm details.\n"
    )
    analysed = analysis_text(text)
    lines = analysed.split("\n")
    assert lines[0].startswith("The minister said") and lines[0].endswith("date would follow soon.")
    assert lines[1] == ""
    assert lines[2].startswith("    A second paragraph") and lines[2].endswith("its very last word.")
    assert lines[3].startswith("MR. SMITH:") and lines[3].endswith("firm details.")


def test_crlf_folds_become_two_spaces():
    text = hard_wrap(STORY, 50).replace("\n", "\r\n")
    analysed = analysis_text(text)
    assert len(analysed) == len(text)
    assert analysed.count("\r\n") == STORY.count("\n")
    assert analysed.replace("\r\n", "\n").replace("  ", " ") == STORY


def test_short_lines_of_a_list_are_not_joined():
    text = "Agenda\nTrade\nSecurity\nEnergy\nClimate\n"
    assert analysis_text(text) is text


def test_cli_unwraps_by_default_and_no_unwrap_switches_it_off():
    folded = hard_wrap(STORY, 50)
    default = CliRunner().invoke(cli, ["--format", "jsonl", "-"], input=folded)
    kept = CliRunner().invoke(cli, ["--format", "jsonl", "--no-unwrap", "-"], input=folded)
    assert default.exit_code == 0 and kept.exit_code == 0
    assert default.stdout.count("\n") == 3
    assert default.stdout != kept.stdout


def test_explain_notes_the_unwrapping():
    folded = hard_wrap(STORY, 50)
    result = CliRunner().invoke(cli, ["--explain", "--width", "200", "-"], input=folded)
    breaks = folded.count("\n") - STORY.count("\n")
    assert f"hard-wrapped text: {breaks} line breaks inside paragraphs read as spaces (--no-unwrap keeps them)" in result.stdout
    # the marked sentence runs over the folds
    assert "[content: the talks with her Norwegian counterpart would resume in Oslo next month]" in result.stdout


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["said", "the", "minister", "talks", "Vienna.", "\n", "\n\n", " ", "  ", "\r\n", "MR. SMITH:", "- item"]),
                max_size=120))
def test_analysis_text_only_turns_line_breaks_into_spaces(pieces):
    text = " ".join(pieces)
    analysed = analysis_text(text)
    assert len(analysed) == len(text)
    assert all(a == b or (b in "\r\n" and a == " ") for a, b in zip(analysed, text, strict=True))


def test_a_quotation_ending_a_line_before_a_capital_ends_the_paragraph():
    # the period after the quotation is missing; the next line is a new paragraph, not a fold
    text = (
        "The opposition leader said the government was run by an \"unelected council\"\n"
        "The summit of regional leaders opened on Monday with a call for calm from the\n"
        "host, who said the talks would go on until all had spoken.\n"
        "Officials said a closing statement was being drafted by the foreign ministers\n"
        "of the three countries and would be published once the leaders had approved it.\n"
    )
    analysed = analysis_text(text)
    assert analysed.index("\n") == text.index("\n")  # the break after the quotation is kept
    assert analysed.count("\n") == 3  # ...and the folds after "from the" and "ministers" are joined


def test_a_quoted_paragraph_after_a_full_line_ending_a_sentence_stays_a_paragraph():
    # multi-paragraph quotation: the first paragraph's quote is left open and its last line, folded
    # at 60 columns, is so full that the next word would not have fitted; the paragraph that opens
    # with a quote mark is its own all the same (the quotation's second paragraph)
    words = ["the", "ministers", "spoke", "for", "an", "hour", "about", "grain", "trade", "and", "the", "border", "crossings"]
    opening = "\"We have agreed on the agenda and the dates of the visit, and"
    second = "\"Nothing stands in the way of a meeting in Lakeport next week,\" the spokesman said on Friday."
    for count in range(len(words) + 1):
        first = f"{opening} {' '.join(words[:count])} today."
        folded = hard_wrap(first + "\n" + second + "\n", 60)
        last_line = folded[: len(first)].rsplit("\n", 1)[-1]
        if len(last_line) + 1 + len("\"Nothing") > 60:
            break
    else:
        raise AssertionError("no length of the first paragraph fills its last line")
    assert folding_breaks(folded)  # the text is read as hard-wrapped
    assert len(first) not in folding_breaks(folded)  # but the break before the quoted paragraph is kept
    assert analysis_text(folded)[len(first)] == "\n"


def test_name_case_speaker_labels_end_paragraphs():
    text = (
        "President of Arnor Ana Lind: Mr Prime Minister, dear colleagues, I am very glad to\n"
        "see all of you together again, this time in Lima, and to compare our notes.\n"
        "We will talk about trade, energy and the fisheries agreement we signed in May.\n"
        "Prime Minister of Gondor Tomas Ferreira (retranslated): Madam President, thank\n"
        "you for the invitation and for the warm welcome we have received in Lima today.\n"
    )
    lines = analysis_text(text).split("\n")
    assert any(line.startswith("Prime Minister of Gondor Tomas Ferreira (retranslated):") for line in lines)
