"""Prefix scans that try fewer places: a lead read on past a part taken at most once, and leads too
many to keep cut shorter rather than dropped; the matches stay the pattern's own."""

from __future__ import annotations

import copy
import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.language.loader import load_language
from diplo_cli.rules.scanning import _LETTER_CLASS, _MAX_PREFIXES, AnchoredScan, PrefixScan, PrefixTable

MEETINGS = load_language().meetings


def _spans(matches):
    return [(m.start(), m.end(), m.group()) for m in matches]


def _recording(scan: PrefixScan) -> list[int]:
    """The places ``scan`` tries its rule at, recorded as it scans."""
    rule, tried = scan.pattern, []
    scan.pattern = type("RecordingRule", (), {"match": lambda _, text, start, **options: tried.append(start) or rule.match(text, start, **options)})()
    return tried


def test_thru6_a_lead_reads_on_past_an_optional_part():
    rule = regex.compile(r"\b(?:the\s+)?\d{1,2}(?:st|th)?\s+(?-i:Ivory|Opal)\b", regex.IGNORECASE)
    scan = PrefixScan(rule)
    # 'the' then white space and a digit; before, the lead ended at the optional part ('the' alone)
    assert scan.lead.plain.pattern.startswith("(?:0|1|2|3|4|5|6|7|8|9|the\\s+(?:0")
    tried = _recording(scan)
    text = "The vote on the 4th Opal came after the talks, the 12 Ivory and the end. 7 opal."
    lowered = PrefixTable([scan]).lowered(text)
    assert _spans(scan.finditer(text, lowered)) == _spans(rule.finditer(text)) == [(12, 24, "the 4th Opal"), (47, 59, "the 12 Ivory")]
    # every 'the' before a word (the vote, the talks, the end) is left untried; '7 opal' is tried (case is the rule's)
    assert tried == [12, 47, 73]


def test_thru6_an_optional_part_with_too_many_continuations_still_gives_a_lead():
    words = [f"w{index:03d}" for index in range(400)]
    rule = regex.compile(rf"\b(?:pre-?)?(?:{'|'.join(words)})\b", regex.IGNORECASE)
    scan = PrefixScan(rule)
    leads = scan.lead.plain.pattern
    # 400 words read on after 'pre' and '-' are too many leads: they are cut shorter, not dropped
    assert scan.lead is not None and "pre" in leads
    text = "pre-w001 and prew399, w250 but not pre-x1 nor w4000"
    assert _spans(scan.finditer(text, PrefixTable([scan]).lowered(text))) == [(0, 8, "pre-w001"), (13, 20, "prew399"), (22, 26, "w250")]
    assert len(scan.prefixes) <= _MAX_PREFIXES


def test_thru6_the_date_rule_is_tried_only_before_a_number_or_a_month():
    date = next(scan for scan, value in MEETINGS.time_scans if value == "date")
    scan = PrefixScan(date.pattern)
    tried = _recording(scan)
    text = "The envoy may meet the minister on 3 May; the talks of the 21st of March and early June were cut."
    lowered = MEETINGS.prefix_table.lowered(text)
    assert [m.group() for m in scan.finditer(text, lowered)] == [m.group() for m in date.pattern.finditer(text)] == [
        "3 May", "the 21st of March", "early June"]
    # of the four 'the's only the one before a number; the modal 'may' still (the lower-cased text hides its case)
    assert [text[at:at + 8] for at in tried] == ["may meet", "3 May; t", "the 21st", "early Ju"]


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["the", "The", " ", "  ", "\n", "4", "12", "th", "st", "May", "may", "June", "early", "-",
                                 "mid", "of", ",", "2024", "x", "."]), max_size=30))
def test_thru6_the_time_rules_find_what_their_patterns_find(pieces):
    text = "".join(pieces)
    lowered = MEETINGS.prefix_table.lowered(text)
    for scan, _ in MEETINGS.time_scans:
        assert _spans(scan.finditer(text, lowered)) == _spans(scan.pattern.finditer(text))


ATTRIBUTION = load_language().attribution
FROM_PIECES = st.sampled_from(["a", "An", "the", "THE", "demand", "proposal", "claim", "call", "from", "By", "by", "China", "Ana Lind",
                               "to", "not", "that", "stop", "new", "x-ray", " ", "  ", "\n", "\t", "\u00a0", "\x1c", ",", ".", "—", "'"])


def test_thru6_reporting_noun_from_is_tried_near_its_anchor_only():
    scan = copy.copy(ATTRIBUTION.reporting_noun_from_scan)  # (the language's own scan is left as it is)
    assert isinstance(scan, AnchoredScan) and scan.pattern is ATTRIBUTION.reporting_noun_from
    tried = _recording(scan)
    text = ("The envoy met the press. A demand from China that the port close came late; the new proposal by\n"
            "Ana Lind to reopen it was heard, and a claim by the minister.")
    assert _spans(scan.finditer(text)) == _spans(ATTRIBUTION.reporting_noun_from.finditer(text)) == [
        (25, 50, "A demand from China that "), (76, 108, "the new proposal by\nAna Lind to ")]
    # the articles in the four words before 'from' and 'by' only ('the press. A demand'): not 'The envoy',
    # 'the port', 'the minister'
    assert [text[at:at + 6] for at in tried] == ["the pr", "A dema", "the ne", "a clai"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(FROM_PIECES, max_size=40), st.sampled_from([" ", "", "\n"]))
def test_thru6_the_anchored_scan_finds_what_its_pattern_finds(pieces, joint):
    text = joint.join(pieces)
    rule = ATTRIBUTION.reporting_noun_from
    assert _spans(ATTRIBUTION.reporting_noun_from_scan.finditer(text)) == _spans(rule.finditer(text))


def test_thru6_the_anchor_engine_takes_in_every_character_regex_reads_for_its_letters_and_white_space():
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in ("\\s", *"frombyFROMBY"):  # what the anchor's \s and case-insensitive letters meet on either engine
        by_regex = {m.start() for m in regex.finditer(letter, every, regex.IGNORECASE)}
        by_re = {m.start() for m in re.finditer(letter, every, re.IGNORECASE)}
        assert by_regex <= by_re, letter
    assert ATTRIBUTION.reporting_noun_from_scan.anchor.flags & re.IGNORECASE


def test_thru6_a_lead_reads_a_letter_property_and_a_lookahead_that_ends_the_rule():
    rule = regex.compile(r"[;:]|(?-i:(?<=\p{Ll})\.(?=\p{Lu}\p{Ll}))|\s+and\s+(?-i:\p{Ll}+)\s+with\b", regex.IGNORECASE)
    scan = PrefixScan(rule, wide=True)
    tried = _recording(scan)
    text = "Talks ended.Then Ana met Bo. And the U.S. envoy; Él and él met and staff with aides.Über alles"
    assert _spans(scan.finditer(text, PrefixTable([scan]).lowered(text))) == _spans(rule.finditer(text)) == [
        (11, 12, "."), (47, 48, ";"), (62, 77, " and staff with"), (83, 84, ".")]
    # no '.' before a space, nor the '.'s of 'U.S.' (a capital, then a '.' or a space): only those before two letters
    assert [text[at:at + 3] for at in tried] == [".Th", " An", "; É", " an", " an", ".Üb"]


def test_thru6_every_letter_lower_cased_is_in_the_class_a_lead_reads_for_a_letter():
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    letters = "".join(match.group() for match in regex.finditer(r"\p{L}", every))
    lowered = [char.lower() for char in letters]
    assert all(re.fullmatch(_LETTER_CLASS, char) for char in lowered if len(char) == 1)


def test_thru6_the_searches_for_a_letter_outside_ascii_find_what_the_set_differences_found():
    from diplo_cli.language.lexicons import _NON_ASCII_WORD_CHARACTER  # the token scan's too (ascii_word_stretches)
    from diplo_cli.rules.scanning import _NON_ASCII_ALNUM
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    alnum_mark = regex.compile(r"[[\p{L}\p{N}\p{M}]--[\x00-\x7f]]", regex.V1)
    alnum = regex.compile(r"[[\p{L}\p{N}]--[\x00-\x7f]]", regex.V1)
    for fast, slow in ((_NON_ASCII_WORD_CHARACTER, alnum_mark), (_NON_ASCII_ALNUM, alnum)):
        assert [m.span() for m in fast.finditer(every)] == [m.span() for m in slow.finditer(every)]
    text = "Talks in Zürich\nand Москва, “quoted” — 3½ x\u0301"
    def span(match):
        return match and match.span()

    for pos in range(len(text) + 1):
        assert span(_NON_ASCII_ALNUM.search(text, pos)) == span(alnum.search(text, pos))
        assert span(_NON_ASCII_WORD_CHARACTER.search(text, pos)) == span(alnum_mark.search(text, pos))
    assert span(_NON_ASCII_WORD_CHARACTER.search(text, len(text) - 1)) == (len(text) - 1, len(text))  # the combining mark
    assert _NON_ASCII_ALNUM.search(text, len(text) - 2) is None


def test_thru6_the_turn_holding_an_offset_is_found_by_bisection_as_by_the_list():
    from diplo_cli.text.segment import find_turns, turn_body_start
    text = ("MR. VALE: Good afternoon. We will meet the envoy.\nQUESTION: Will you meet him?\n"
            "MR. VALE: Yes, next week.\nMS. LIND (retranslated): Thank you.\n")
    turns = find_turns(text)
    assert len(turns) == 4
    finder = copy.copy(ATTRIBUTION)
    finder.find(text, [], turns)
    bodies = [turn_body_start(text, turn) for turn in turns]
    for offset in range(-1, len(text) + 2):
        listed = next((body for (start, end, *_), body in zip(turns, bodies) if start <= offset < end), 0)
        assert finder._body_start(offset) == listed
    assert finder._body_start(text.index("Good")) == text.index("Good") and finder._body_start(text.index("Thank")) == text.index("Thank")


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from([" ", "  ", "\n", " \n ", "which", "who", ",", "but", "x", "and", "said"]), max_size=40),
       st.booleans())
def test_thru6_a_lead_keeps_the_starts_one_test_at_each_would_keep(pieces, with_plain):
    rule = regex.compile(r"\s+(?:which|who)\b|,\s+but\b" + (r"|\band\s+said\b" if with_plain else ""), regex.IGNORECASE)
    scan = PrefixScan(rule, wide=True)
    text = "".join(pieces)
    lowered = PrefixTable([scan]).lowered(text)
    starts = sorted(set().union(*[lowered.offsets(prefix) for prefix in lowered.found.keys() & set(scan.prefixes)]))
    lead = scan.lead
    each = [at for at in starts if (lead.spaced is not None and lead.spaced.match(lowered.text, at))
            or (lead.plain is not None and lead.plain.match(lowered.text, at))]
    assert lead.keep(starts, lowered.text) == each
    assert _spans(scan.finditer(text, lowered)) == _spans(rule.finditer(text))
