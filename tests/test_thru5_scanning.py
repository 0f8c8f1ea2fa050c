"""A sparse PrefixTable finds what the dense one finds, and the reporting-noun passes of the
attribution stage, tried only where a prefix starts, find what their patterns find."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplo_cli.language.loader import load_language
from diplo_cli.rules.scanning import PrefixScan, PrefixTable

ATTRIBUTION = load_language().attribution
MEETINGS = load_language().meetings
MEETING_SCANS = [scan for scan, _ in MEETINGS.status_scans + MEETINGS.time_scans + MEETINGS.pattern_trigger_scans]
MEETING_SCANS += [MEETINGS.clause_start_scan, MEETINGS.clause_end_scan]
REPORTING = (ATTRIBUTION.reporting_noun, ATTRIBUTION.reporting_noun_for, ATTRIBUTION.reporting_noun_issued)


def _spans(matches):
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_thru5_sparse_table_finds_overlapping_prefixes_and_reads_word_starts_from_the_character_before():
    guarded = PrefixScan(regex.compile(r"\b(?:no|not|note)\b", regex.IGNORECASE))
    bare = PrefixScan(regex.compile(r"(?:ab|is)\s+due", regex.IGNORECASE))  # may start inside a word
    text = "Not noted; this is due. Kabul note"
    dense, sparse = PrefixTable([guarded, bare]), PrefixTable([guarded, bare], sparse=True)
    found = sparse.lowered(text).found
    assert found == dense.lowered(text).found
    # 'no' inside 'Kabul note'? no: at a word start only; 'is' inside 'this' yes (the bare rule may start there)
    assert found == {"no": [0, 4, 30], "not": [0, 4, 30], "note": [4, 30], "is": [13, 16], "ab": [25]}
    assert _spans(guarded.finditer(text, sparse.lowered(text))) == [(0, 3, "Not"), (30, 34, "note")]


def test_thru5_possessive_and_issuing_prefixes_of_the_reporting_nouns():
    scans = ATTRIBUTION.reporting_noun_scans
    assert [scan.pattern for scan in scans] == list(REPORTING)
    assert {"his", "her", "'s", "’s", "thei"} <= set(scans[0].prefixes) and scans[1].prefixes == scans[0].prefixes
    assert {"issu", "rele"} <= set(scans[2].prefixes)


def test_thru5_reporting_noun_passes_find_the_patterns_matches():
    text = ("Mr Vale's warning that the port would close came late. Her call for the council to vote was heard.\n"
            "The ministry issued a statement that the talks had ended; their promise to help stood, the envoy's too.")
    lowered = ATTRIBUTION.reporting_noun_table.lowered(text)
    found = [_spans(scan.finditer(text, lowered)) for scan in ATTRIBUTION.reporting_noun_scans]
    assert found == [_spans(pattern.finditer(text)) for pattern in REPORTING]
    assert [[group for _, _, group in spans] for spans in found] == [
        ["'s warning that ", "their promise to "], ["Her call for the council to "], ["issued a statement that "]]


def test_thru5_sparse_and_dense_tables_agree_on_the_meeting_rules():
    text = ("The two sides will meet next week, a few days after talks in Rome; officials said on Monday, "
            "which was late, that no meeting is planned. G20 leaders — and the SCO — met in 2019.")
    for variant in (text, text.upper()):
        lowered = variant.lower()
        assert PrefixTable(MEETING_SCANS, sparse=True).find(lowered) == MEETINGS.prefix_table.find(lowered)


PIECES = ["his ", "His ", "her ", "their ", "its ", "our ", "your ", "my ", "'s ", "’s ", "s' ", "other ", "there ",
          "call ", "demand ", "warning ", "statement ", "promise ", "remark ", "for ", "to ", "that ", "not ",
          "issued ", "released ", "a ", "the ", "was ", "Vale", "Norland", "council ", "\n", ", ", ". ", "  ", "\u00a0", "é", "-"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_thru5_generated_texts_give_the_same_reporting_noun_matches(text):
    lowered = ATTRIBUTION.reporting_noun_table.lowered(text)
    for scan, pattern in zip(ATTRIBUTION.reporting_noun_scans, REPORTING):
        assert _spans(scan.finditer(text, lowered)) == _spans(pattern.finditer(text))
    assert PrefixTable(MEETING_SCANS, sparse=True).find(text.lower()) == MEETINGS.prefix_table.find(text.lower())


def _cue_spans_between(finder, text, start, end):
    return [(m.start(), m.end(), m.group()) for m in finder._cues_between(start, end)]


def test_thru5_cues_of_a_stretch_are_read_off_the_whole_texts_cues():
    from diplo_cli.pipeline import extract

    text = ("The envoy said on Monday, according to aides, that talks would go on; she was saying nothing more.\n"
            "Officials added: \"We pointed out the risks,\" and the minister noted (briefly) that unsaid things stay unsaid.")
    extract(text)  # the stage's own reading of the text sets the whole text's cues
    finder = ATTRIBUTION
    assert finder.text == text and finder.cue_spans
    said, saying, according = text.index("said"), text.index("saying"), text.index("according to")
    assert _cue_spans_between(finder, text, 0, said + 4) == [(said, said + 4, "said")]  # ends at a space: read off
    assert _cue_spans_between(finder, text, said + 1, len(text))[0][2] == "according to"
    # the stretch ends inside 'saying': 'say' matches its head, as a scan of the stretch finds
    assert _cue_spans_between(finder, text, saying - 5, saying + 3) == [(saying, saying + 3, "say")]
    # the stretch starts inside 'according to': scanned again, 'to' is no cue of its own
    assert _cue_spans_between(finder, text, according + 3, according + 20) == []
    for start in range(-2, len(text) + 2, 3):
        for end in range(start - 4, min(len(text) + 3, start + 160), 7):
            expected = [(m.start(), m.end(), m.group()) for m in finder.cues.finditer(text, start, end)]
            assert _cue_spans_between(finder, text, start, end) == expected, (start, end)


def test_thru5_one_lowered_text_per_document_serves_every_prefix_table():
    from diplo_cli.rules.scanning import spaced_lowered
    from diplo_cli.text.analysis import TextAnalysis

    text = "His pledge that aid\u00a0would flow came as talks will resume next week."
    analysis = TextAnalysis(text, [], [])
    assert analysis.spaced_lowered == spaced_lowered(text) == "his pledge that aid would flow came as talks will resume next week."
    for table in (ATTRIBUTION.reporting_noun_table, MEETINGS.prefix_table):
        shared = table.lowered(text, analysis.spaced_lowered)
        assert shared.text is analysis.spaced_lowered and shared.found == table.lowered(text).found != {}
    assert TextAnalysis("İstanbul talks", [], []).spaced_lowered is None  # lower-casing moves offsets: no table
    assert MEETINGS.prefix_table.lowered("İstanbul talks", None) is None
