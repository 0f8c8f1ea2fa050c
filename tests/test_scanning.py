"""The fast scans of diplo_cli.rules.scanning find exactly what their ``regex`` patterns find.

ListScan runs named lists on the standard library's engine for ASCII-lettered text, and
PrefixScan tries rule patterns only where a literal prefix starts; both must give the same
matches as ``pattern.finditer`` on every text, or fall back to it.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplo_cli.language.lexicons import build_lexicon, default_lexicon, fold
from diplo_cli.language.loader import load_language
from diplo_cli.pipeline import extract
from diplo_cli.rules.scanning import AsciiLines, LineStartScan, ListScan, PrefixScan, PrefixTable, ascii_alnum, line_starts, lowering_keeps_matches
from diplo_cli.text import segment

from .conftest import SAMPLES

LANGUAGE = load_language()  # the stage objects extract() runs
LEXICON = LANGUAGE.lexicon
MEETINGS = LANGUAGE.meetings
ATTRIBUTION = LANGUAGE.attribution
LIST_SCANS = {
    "cues": ATTRIBUTION.cue_scan, "not_cues": ATTRIBUTION.not_cue_scan, "meeting words": MEETINGS.trigger_scan,
    "excluded phrases": MEETINGS.excluded_scan, "places": MEETINGS.place_scan, "organisations": MEETINGS.organisation_scan,
}
PREFIX_SCANS = [scan for scan, _ in MEETINGS.status_scans + MEETINGS.time_scans + MEETINGS.pattern_trigger_scans]
PREFIX_SCANS += [MEETINGS.clause_start_scan, MEETINGS.clause_end_scan]  # wide prefixes: white space, punctuation

# Words the scans look for, mixed with glue, so that generated texts hit the lists and the rules.
VOCABULARY = sorted({*list(LEXICON.cue_forms)[:300], *list(LEXICON.meeting_words), "Monday", "next week", "May 19",
                     "will", "could", "no plans", "called off", "postponed", "met", "Moscow", "the Kremlin", "NATO",
                     "U.S.", "Turkish", "according to", "declined to comment", "in the near future", "İstanbul", "Straße"})
GLUE = [" ", ", ", ". ", "\n", "-", "'s ", " \"", "\" ", "(", ") ", "5", "é", "\t", "\u00a0", "\r\n", " — ", ",\u2009which ",
        " and\xa0said ", "; ", " to\tdiscuss ", "\x1c"]
texts = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(GLUE),
                           st.text(alphabet="abcdefgXYZ .,'-İſ\u00e9", max_size=6)), max_size=40).map("".join)
case_variants = st.sampled_from([str, str.upper, str.lower, str.title])


def _spans(matches):
    return [(m.start(), m.end(), m.group()) for m in matches]


def _check(text: str) -> None:
    lines = AsciiLines(text)
    assert lines.stretches[0][0] == 0 and lines.stretches[-1][1] == len(text)  # the stretches tile the text
    assert all(before[1] == after[0] for before, after in zip(lines.stretches, lines.stretches[1:]))
    for name, scan in LIST_SCANS.items():
        assert _spans(scan.finditer(text, lines)) == _spans(scan.pattern.finditer(text)), name
        for pos, endpos in ((1, len(text) - 1), (len(text) // 3, 2 * len(text) // 3)):
            assert _spans(scan.finditer(text, lines, pos, endpos)) == _spans(scan.pattern.finditer(text, pos, endpos)), (name, pos, endpos)
    words = [m.span() for m in regex.finditer(r"\w+(?:\s+\w+)?", text)]
    for start, end in words:
        fast = MEETINGS.place_scan.fullmatch(text, lines, start, end)
        assert (fast and fast.span()) == ((m := MEETINGS.place_scan.pattern.fullmatch(text, start, end)) and m.span()), (start, end)
    lowered = MEETINGS.prefix_table.lowered(text)
    for scan in PREFIX_SCANS:
        assert _spans(scan.finditer(text, lowered)) == _spans(scan.pattern.finditer(text)), scan.pattern.pattern[:60]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_sample_texts_scan_the_same_folded_and_not(path):
    text = path.read_text(encoding="utf-8")
    for variant in (text, fold(text), text.upper(), text.lower()):
        _check(variant)


@settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, case_variants)
def test_generated_texts_scan_the_same(text, case):
    _check(case(text))


def test_only_the_lines_with_letters_outside_ascii_leave_the_faster_engine():
    text = "Peskov said on Monday.\nErdoğan said talks in Moscow\nwere planned, the ministry said.\n\nLavrov said so."
    lines = AsciiLines(text)
    second = text.index("Erdoğan")
    third = text.index("were")
    assert lines.stretches == [(0, second, True), (second, third - 1, False), (third - 1, len(text), True)]
    found = [(m.group(), type(m).__module__) for m in ATTRIBUTION.cue_scan.finditer(text, lines)]
    assert found == [("said", "re"), ("said", "_regex"), ("said", "re"), ("said", "re")]
    assert lines.ascii_only(0, second - 1) and not lines.ascii_only(second - 1, second + 3)


def test_the_word_lists_scan_the_lower_cased_text_case_sensitively_and_report_the_text_as_written():
    assert all(scan.lowered_pattern is not None for scan in LIST_SCANS.values())
    # capitals, and characters outside ASCII that lower-case although no letter (circled capitals)
    # or match an ASCII letter case-insensitively (the long s, the Kelvin sign: letters, read by regex)
    text = "PESKOV SAID the Talks were Postponed.\nⒶ said, Ⓢaid\nſaid \u212aremlin SAID.\nErdoğan Said so"
    _check(text)
    lines = AsciiLines(text)
    assert lines.lowered(text) == text.lower() and lines.lowered(text.upper()) is None  # another text: not this one's
    found = [(m.group(), type(m).__module__) for m in ATTRIBUTION.cue_scan.finditer(text, lines)]
    assert found == [("SAID", "re"), ("said", "re"), ("ſaid", "_regex"), ("SAID", "_regex"), ("Said", "_regex")]


@pytest.mark.parametrize("source, readable", [
    (r"(?<![\p{L}\p{N}])(?:talks|summit)(?![\p{L}\p{N}])", True),
    (r"(?<![\p{L}\p{N}])(?:talks|NATO)(?![\p{L}\p{N}])", False),  # a capital: never in the lower-cased text
    (r"\b[A-Z]\w+", False),  # a class with capitals only
    (r"\b[A-Za-z]\w+", True),
    (r"\b(?-i:Talks)\b", False),  # case-sensitive in part
    (r"\b(?:communiqué|ﬁnal)\b", True),  # letters outside ASCII: absent from an ASCII stretch, however cased
    (r"\bⓐ\b", False),  # a circled letter: a symbol with a capital
])
def test_a_list_scans_the_lower_cased_text_only_when_its_source_reads_it_alike(source, readable):
    scan = ListScan(source, regex.IGNORECASE)
    assert (scan.lowered_pattern is not None) == readable
    text = "Talks, TALKS and the Summit; NATO communiqué, Ⓐ ⓐ FINAL talks"
    assert _spans(scan.finditer(text, AsciiLines(text))) == _spans(scan.pattern.finditer(text))


def test_the_fast_paths_are_taken_on_plain_news_text():
    text = fold((SAMPLES / "peskov-erdogan-meeting.txt").read_text(encoding="utf-8"))
    assert ascii_alnum(text) and lowering_keeps_matches(text)
    assert not ascii_alnum("Erdoğan met Putin") and not lowering_keeps_matches("İstanbul talks")


def test_the_big_name_tries_are_compiled_for_regex_only_when_a_text_needs_them():
    # Compiling the places and organisations tries for `regex` took a fifth of a second of every
    # run's start-up; folded news text never uses them.
    lexicon = build_lexicon()
    document = extract("Turkish President Recep Tayyip Erdoğan will meet NATO leaders in Brussels, his office said.", lexicon=lexicon)
    assert [m.type for m in document.meetings] == ["meeting"]
    assert "places" not in lexicon._compiled and "organisations" not in lexicon._compiled
    extract("Президент встретится с Путиным в Москве. The summit in Moscow was held, the Kremlin said.", lexicon=lexicon)
    assert "places" in lexicon._compiled and "organisations" in lexicon._compiled


def test_one_pass_finds_every_prefix_of_a_group_even_where_they_overlap():
    shorter = PrefixScan(regex.compile(r"\b(?:no|not|note)\b", regex.IGNORECASE))
    longer = PrefixScan(regex.compile(r"\bnoted\b", regex.IGNORECASE))
    assert shorter.prefixes == ("no", "not", "note") and longer.prefixes == ("note",)
    text = "Not noted. No note."
    lowered = PrefixTable([shorter, longer]).lowered(text)
    assert lowered.found == {"no": [0, 4, 11, 14], "not": [0, 4, 14], "note": [4, 14]}
    assert _spans(shorter.finditer(text, lowered)) == [(0, 3, "Not"), (11, 13, "No"), (14, 18, "note")]
    assert _spans(longer.finditer(text, lowered)) == [(4, 9, "noted")]


def test_inside_a_word_the_table_looks_only_for_the_prefixes_a_rule_may_start_there_with():
    guarded = PrefixScan(regex.compile(r"[;:]|\b(?:said|that)\b|,\s+which", regex.IGNORECASE))  # \b in the word branches only
    behind = PrefixScan(regex.compile(r"(?<=(?:\bhe|\p{Lu}\w*)\s)(?:is|are)\s+due", regex.IGNORECASE))  # after white space
    bare = PrefixScan(regex.compile(r"(?:ab|is)\s+due", regex.IGNORECASE))  # nothing before: may start inside 'this'
    assert not guarded.word_start and guarded.inside_firsts == set() and behind.inside_firsts == set()
    assert bare.inside_firsts == {"a", "i"}
    table = PrefixTable([guarded, behind, bare])
    assert sorted(table._inside_prefixes_of) == [",", ":", ";", "ab", "is"]  # not 'said' nor 'that'; 'is' for the bare rule
    text = "This is due; he said that. Thatcher said: Kabul is due, which Ana is due"
    lowered = table.lowered(text)
    assert lowered.found["is"] == [2, 5, 48, 66] and lowered.found["ab"] == [43] and lowered.found["that"] == [21, 27]
    for scan in (guarded, behind, bare):
        assert _spans(scan.finditer(text, lowered)) == _spans(scan.pattern.finditer(text)) != []


def test_a_lead_reads_past_white_space_and_tries_only_the_starts_that_have_it():
    rule = regex.compile(r"\b(?:a|one)\s+(?:day|week)\s+ago\b|\bin\s(?:19|20)\d{2}\b", regex.IGNORECASE)
    scan = PrefixScan(rule)
    assert scan.prefixes == ("a", "in", "one")
    assert scan.lead.spaced is None and scan.lead.plain.pattern == r"(?:a\s+(?:day\s+ago|week\s+ago)|in\s+(?:19(?:0|1|2|3|4|5|6|7|8|9)|20(?:0|1|2|3|4|5|6|7|8|9))|one\s+(?:day\s+ag|week\s+a))"
    tried = []
    scan.pattern = type("RecordingRule", (), {"match": lambda _, text, start, **options: tried.append(start) or rule.match(text, start, **options)})()
    # white space of every kind between the words, and 'a' and 'in' where the rule does not match
    text = "A\tday\u00a0ago, in a week, one\nweek  ago\x1c and in 2019."
    lowered = PrefixTable([scan]).lowered(text)
    assert _spans(scan.finditer(text, lowered)) == _spans(rule.finditer(text)) == [(0, 9, "A\tday\u00a0ago"), (22, 35, "one\nweek  ago"), (41, 48, "in 2019")]
    assert tried == [0, 22, 41]  # 'in a', 'a week,' (no 'ago') and the 'a' of 'and' are never tried


def test_a_lead_opening_with_white_space_is_tried_by_bisection_over_a_run_of_spaces():
    rule = regex.compile(r"\s+(?:which|who)\b|,\s+but\b", regex.IGNORECASE)
    scan = PrefixScan(rule, wide=True)
    assert scan.lead.spaced is not None and scan.lead.plain is not None
    text = "Ana left" + " " * 5000 + "early, but Bo" + " " * 3000 + "who stayed" + "\t \n" * 700 + "then left."
    lowered = PrefixTable([scan]).lowered(text)
    assert _spans(scan.finditer(text, lowered)) == _spans(rule.finditer(text)) == [(8 + 5000 + 5, 8 + 5000 + 10, ", but"),
                                                                                   (5021, 5021 + 3003, " " * 3000 + "who")]
    tested = []
    spaced = scan.lead.spaced
    scan.lead = scan.lead._replace(spaced=type("RecordingLead", (), {
        "match": lambda _, text, start: tested.append(start) or spaced.match(text, start)})())
    assert _spans(scan.finditer(text, lowered)) == _spans(rule.finditer(text))
    assert len(tested) < 60  # some 14 tests a run, not one for each of its 10,000 places


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "which", "who", ",", "but", "x", "Ana"]), max_size=40))
def test_a_spaced_lead_keeps_every_start_the_rule_matches_at(pieces):
    rule = regex.compile(r"\s+(?:which|who)\b|\s\s,\s+but\b|,\s+but\b", regex.IGNORECASE)
    scan = PrefixScan(rule, wide=True)
    text = "".join(pieces)
    assert _spans(scan.finditer(text, PrefixTable([scan]).lowered(text))) == _spans(rule.finditer(text))


LINE_START_SCANS = {"speaker labels": segment._LABEL_SCAN, "headlines": ATTRIBUTION.headline_scan,
                    "speaker lines": MEETINGS.speaker_line_scan}
LABEL_PIECES = st.sampled_from(["Q", "MR. PRICE", "Lavrov", "Foreign Minister Ana Lind", "of", " ", "\t", ":", ": ",
                                "\n", "\r\n", "\r", "\u2028", "(retranslated)", "said", ",", "QUESTION", "x"])


@pytest.mark.parametrize("name", sorted(LINE_START_SCANS))
def test_the_rules_opening_at_a_line_start_are_tried_there_alone(name):
    assert LINE_START_SCANS[name].anchored  # else the scan is the pattern's own finditer


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(LABEL_PIECES, max_size=30).map("".join))
def test_a_line_start_scan_finds_what_the_pattern_finds(text):
    for scan in LINE_START_SCANS.values():
        expected = [(m.span(), m.groupdict()) for m in scan.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in scan.finditer(text)] == expected
        assert [(m.span(), m.groupdict()) for m in scan.finditer(text, line_starts(text))] == expected


def test_a_line_start_scan_reads_only_line_feeds_as_line_breaks_and_falls_back_otherwise():
    assert line_starts("a\nb\r\nc\rd\u2028e\n") == [0, 2, 5, 11]
    headline = regex.compile(r"^[ \t]*+(?P<name>\p{Lu}\w*)[ \t]*+:", regex.MULTILINE)
    text = "Lavrov: yes\rPeskov: no\n  Zakharova: maybe\nnot: a label"
    assert [m.group("name") for m in LineStartScan(headline).finditer(text)] == ["Lavrov", "Zakharova"]
    for pattern in (r"^A|B", r"A^", r"(?P<x>a)(?P=x)"):  # not opening with ^, or not read by re: the pattern itself
        assert not LineStartScan(regex.compile(pattern, regex.MULTILINE)).anchored
    assert not LineStartScan(regex.compile(r"^A")).anchored  # ^ without multi-line mode: the text's start only
    assert [m.span() for m in LineStartScan(regex.compile(r"^A|B", regex.MULTILINE)).finditer("xB\nA")] == [(1, 2), (3, 4)]
    empty = regex.compile(r"^(?:|a)", regex.MULTILINE)  # an empty match: finditer's own rules from there
    scan = LineStartScan(empty)
    assert scan.anchored and [m.span() for m in scan.finditer("a\na")] == [m.span() for m in empty.finditer("a\na")]


@pytest.mark.filterwarnings("ignore::FutureWarning")  # the standard library's parser on the set operation below
def test_a_line_start_scan_tries_only_the_lines_holding_a_character_every_match_needs():
    assert LINE_START_SCANS["speaker lines"].required == ":" and LINE_START_SCANS["headlines"].required == ":"
    rule = regex.compile(r"^[ \t]*(?P<name>\p{Lu}[\p{L}.'’\-]*)(?:[ \t]*\([^)\n]{1,30}\))?:[ \t]", regex.MULTILINE)
    scan = LineStartScan(rule)
    assert scan.required == ":"
    tried = []
    scan.pattern = type("RecordingRule", (), {"match": lambda _, text, start: tried.append(start) or rule.match(text, start),
                                              "finditer": rule.finditer})()
    text = "Lavrov: yes\nPeskov said so\nZakharova (retranslated): maybe\nnot a label:\nNo colon here\r: but a return"
    assert [m.group("name") for m in scan.finditer(text)] == [m.group("name") for m in rule.finditer(text)] == ["Lavrov", "Zakharova"]
    assert tried == [0, text.index("Zakharova"), text.index("not a"), text.index("No colon")]  # 'Peskov said so' is never tried
    for source, flags in ((r"^\p{Lu}\w*\s*:", regex.MULTILINE),  # \s may cross a line feed
                          (r"^A.*:", regex.MULTILINE | regex.DOTALL),  # so may the dot
                          (r"^A[^:]*x", regex.MULTILINE | regex.IGNORECASE),  # 'x' has a capital: 'X' would do
                          (r"^(?:A:|B;)", regex.MULTILINE),  # no character both alternatives need
                          (r"^A\P{L}*:", regex.MULTILINE),  # a negated property may hold a line feed
                          (r"^A[[\p{L}]--[\n]]*:", regex.MULTILINE | regex.V1)):  # set operations: not read
        assert LineStartScan(regex.compile(source, flags)).required is None, source
    assert LineStartScan(regex.compile(r"^(?:A|B)[^\n]*?(?::|=:)", regex.MULTILINE)).required == ":"


def test_the_places_of_a_document_are_found_once_for_the_speaker_and_meeting_stages(monkeypatch):
    # both stages read the spans of the lexicon's place list; the second reads the first's
    finder = LANGUAGE.speaker_tables.entities.place_finder
    spans, finditer = type(finder).spans, type(MEETINGS.place_scan).finditer
    calls, scanned = [], []
    monkeypatch.setattr(type(finder), "spans", lambda self, text, plain=None: calls.append(1) or spans(self, text, plain))
    monkeypatch.setattr(type(MEETINGS.place_scan), "finditer", lambda self, *args: scanned.append(self) or finditer(self, *args))
    document = extract("Putin met Erdogan in Moscow on Monday, the Kremlin said.", lexicon=LEXICON)
    assert [(m.place.text, [p.country for p in m.participants]) for m in document.meetings] == [("Moscow", ["Russia", "Turkey"])]
    assert len(calls) == 1 and MEETINGS.place_scan not in scanned


def test_clause_limits_are_tried_only_where_a_wide_prefix_starts():
    start, end = MEETINGS.clause_start_scan, MEETINGS.clause_end_scan
    assert start.prefixes is not None and end.prefixes is not None  # both scans take the fast path
    assert {" - ", ", wh", "said", ";"} <= set(start.prefixes) and {" and", " to ", ".", "\n"} <= set(end.prefixes)
    # white space of any kind reads as a space in the lower-cased text and the prefixes (a line feed stays one)
    text = "Lavrov\u00a0—\tthe envoy said,\u2003which surprised them;\r\nthey met\xa0after\x1cdinner.\nThen"
    lowered = MEETINGS.prefix_table.lowered(text)
    assert len(lowered.text) == len(text) and "\n" in lowered.text and "\xa0" not in lowered.text
    for scan in (start, end):
        assert _spans(scan.finditer(text, lowered)) == _spans(scan.pattern.finditer(text)) != []


def _title_before_by_pattern(tracker, start: int):
    """EntityTracker._lower_title_before as its pattern alone reads it (the reference of its fast path)."""
    from diplo_cli.entities import _LOWER_WORDS_BEFORE

    window = tracker.text[max(0, start - 40):start]
    last = window.rstrip()[-1:]
    before = _LOWER_WORDS_BEFORE.search(window) if window[-1:].isspace() and (last.islower() or last == "-") else None
    for phrase in (before.group(1), before.group(1).split()[-1]) if before else ():
        info = tracker.title_phrases.get(phrase.casefold())
        if info is not None and info[2] != "role":
            return info
    return None


@pytest.mark.parametrize("lead, titled", [
    ("Yesterday the spokesman ", True),  # a title phrase ends in the word before the name
    ("Yesterday the foreign minister ", True),
    ("They thanked ", False),  # an ASCII word no title phrase ends in: the fast path says no
    ("They thanked\t \n", False),
    ("Au café ", False),  # a word with a letter outside ASCII: read by the pattern
    ("The éspokesman ", False),  # the run of the pattern's letters goes on past ASCII: read by the pattern
    ("Deputy-spokesman ", False),
    ("", False),
    ("Met, ", False),
])
def test_a_lower_case_title_before_a_name_is_read_as_its_pattern_reads_it(lead, titled):
    from diplo_cli.entities import EntityTracker
    from diplo_cli.language.loader import language_of

    lexicon = default_lexicon()
    text = f"{lead}Ana Lind spoke."
    tracker = EntityTracker(text, lexicon, language_of(lexicon).speaker_tables.entities)
    found = tracker._lower_title_before(len(lead))
    assert (found is not None) == titled
    assert found == _title_before_by_pattern(tracker, len(lead))


def test_a_lowered_match_the_text_itself_does_not_confirm_is_skipped_not_yielded_as_none():
    scan = ListScan.of(regex.compile(r"\b(?:said|told)\b", regex.IGNORECASE))
    text = "Ana SAID it and Bo told us."
    assert scan.lowered_pattern is not None
    assert [m.group() for m in scan.finditer(text, AsciiLines(text))] == ["SAID", "told"]
    scan._ascii_pattern = re.compile(r"told")  # reads the text itself otherwise than the lowered pattern
    assert [m.group() for m in scan.finditer(text, AsciiLines(text))] == ["told"]
