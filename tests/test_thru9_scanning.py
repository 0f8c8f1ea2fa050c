"""The long-run checks of rules/scanning.py answer as their whole-text searches do, read faster."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli.rules.scanning import _LONG_SPACE_RUN, RUN_LIMITS, _long_space_run, short_runs

_WHITE = " \t\n\r\x0b\x0c\x85\xa0\u2003\u2028\u3000"


def test_thru9_a_space_run_is_found_at_every_length_and_start():
    limit = RUN_LIMITS["space"]
    for length in range(limit - 2, limit + 6):
        for start in range(13):
            for white in (" ", "\n", "\u2003", " \n\t"):
                run = (white * length)[:length]
                text = "word." * 3 + "x" * start + run + "y end."
                assert _long_space_run(text) == (length > limit) == (_LONG_SPACE_RUN.search(text) is not None)
    assert not _long_space_run("")
    assert not _long_space_run("a " * 5000)  # a space at every other place: every strided place is one
    assert _long_space_run("a " * 5000 + " " * 17)  # found after the candidates checked one by one
    assert not _long_space_run("\x1c" * 40)  # a separator Python splits at, not white space to regex


def test_thru9_a_space_run_in_random_texts_agrees_with_the_whole_search():
    pick = random.Random(9)
    for _ in range(3000):
        pieces = []
        for _ in range(pick.randint(1, 30)):
            pieces.append(pick.choice(("a", "bc", "Minister", ".", "é")) if pick.random() < 0.5 else
                          "".join(pick.choice(_WHITE) for _ in range(pick.choice((1, 2, 3, 4, 8, 13, 15, 16, 17, 18, 30)))))
        text = "".join(pieces)
        assert _long_space_run(text) == (_LONG_SPACE_RUN.search(text) is not None), repr(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list(_WHITE) + ["a", "b", "-", "’"]), max_size=400))
def test_thru9_a_space_run_agrees_on_any_text(text):
    assert _long_space_run(text) == (_LONG_SPACE_RUN.search(text) is not None)


def test_thru9_short_runs_reads_space_and_word_runs():
    assert short_runs("The minister said" + " " * 16 + "that talks went on.")
    assert not short_runs("The minister said" + " \n" * 8 + "\u3000that talks went on.")
    assert not short_runs("See " + "a-" * 21 + "b now.")


def test_thru9_a_document_reads_its_runs_once_for_every_prefix_table(monkeypatch):
    import diplo_cli.text.analysis as analysis_module
    from diplo_cli import extract

    checked = []
    monkeypatch.setattr(analysis_module, "short_runs", lambda text: checked.append(len(text)) or short_runs(text))
    text = ("The foreign minister of Norland met his Sudrian counterpart in Vella on Monday. "
            "A statement from the ministry said the talks had been useful.\n")
    document = extract(text, "thru9")
    assert checked == [len(text)]  # the meetings' table and the reporting nouns' table: one check
    assert document.meetings and document.statements


def test_thru9_a_lowered_text_asks_its_runs_once():
    from diplo_cli.language.loader import load_language

    table = load_language().meetings.prefix_table
    asked = []
    lowered = table.lowered("Talks were held.", False, lambda: asked.append(1) or False)
    assert lowered.short_runs("Talks were held.") is False  # the given answer, not the text's own
    assert lowered.short_runs("Talks were held.") is False
    assert asked == [1]
    assert table.lowered("Talks were held.").short_runs("Talks were held.") is True


def _thru9_spans(matches):
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_thru9_prefix_offsets_merge_with_and_without_nested_prefixes():
    import regex

    from diplo_cli.rules.scanning import PrefixScan, PrefixTable

    nested = regex.compile(r"\b(?:at|ate|ates|on|one|talks?)\b(?:\s+with)?", regex.IGNORECASE)
    plain = regex.compile(r"\b(?:visit|summit|talks)\b", regex.IGNORECASE)
    scans = [PrefixScan(nested), PrefixScan(plain)]
    assert scans[0]._inner_prefixes == {"at", "ate", "on"} and not scans[1]._inner_prefixes  # 'at' begins 'ate', 'on' 'one'
    pick = random.Random(90)
    words = ["at", "ate", "ates", "atom", "on", "one", "ones", "talk", "talks", "with", "Summit", "visit", "visiting", ",", "."]
    for _ in range(300):
        text = " ".join(pick.choice(words) for _ in range(pick.randint(1, 25)))
        lowered = PrefixTable(scans).lowered(text)
        for scan in scans:
            assert _thru9_spans(scan.finditer(text, lowered)) == _thru9_spans(scan.pattern.finditer(text))
    text = "One ate at one, then talks with ones; a summit visit."
    lowered = PrefixTable(scans).lowered(text)
    rule, tried = scans[0].pattern, []  # each place tried once, though 'at' and 'ate' both start at 4
    scans[0].pattern = type("Recording", (), {"match": lambda _, text, start, **options: tried.append(start) or rule.match(text, start, **options)})()
    list(scans[0].finditer(text, lowered))
    scans[0].pattern = rule
    assert tried == [0, 4, 8, 11, 21, 32]
    assert _thru9_spans(scans[0].finditer(text, lowered)) == [(0, 3, "One"), (4, 7, "ate"), (8, 10, "at"), (11, 14, "one"), (21, 31, "talks with")]
