"""Run time stays linear in the input, and large texts are cut into windows that lose nothing.

No absolute time is asserted: only ratios, with a margin a noisy 2-core machine cannot trip
(4x the input may take at most 8x the time, best of 3 runs, re-measured up to three times before
failing: a burst of load spoils one measurement, quadratic behaviour (16x) spoils every one).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_cli import pipeline
from diplo_cli.language.lexicons import default_lexicon
from diplo_cli.language.loader import language_of
from diplo_cli.pipeline import Window, extract, stream_windows, text_windows

from .timing import best_time, ratios_until_within

# Invented wire copy: several paragraphs with quotes, pronouns, role nouns and a meeting.
ARTICLE = (
    "Foreign Minister Anna Lindqvist said on Monday that the two governments would meet in Oslo next week.\n"
    "\"We are ready to talk,\" she told reporters. \"Nothing is ruled out.\"\n"
    "According to a senior diplomat, the talks could start as early as Tuesday.\n"
    "The minister added that a phone call with her Danish counterpart had been held.\n"
    "Officials declined to say whether a summit was planned.\n"
)


def _best_of_three(text: str, lexicon) -> float:
    return best_time(lambda: extract(text, "t", lexicon=lexicon))


def _scales_linearly(small: str, large: str, lexicon) -> list[float]:
    ratios = ratios_until_within(lambda: _best_of_three(small, lexicon), lambda: _best_of_three(large, lexicon), 8)
    assert min(ratios) <= 8, ratios
    return ratios


def _copies(count: int) -> str:
    return "\n".join([ARTICLE] * count)


def _check_spans(document, text: str) -> None:
    for statement in document.statements:
        for span in (statement.speaker.mention, statement.cue, statement.content):
            assert text[span.start:span.end] == span.text
    for meeting in document.meetings:
        for span in (*meeting.mentions, meeting.time, meeting.place):
            if span is not None:
                assert text[span.start:span.end] == span.text


def test_one_document_four_times_longer_takes_at_most_eight_times_longer():
    lexicon = default_lexicon()
    extract(ARTICLE, lexicon=lexicon)  # compile everything first
    small, large = _copies(25), _copies(100)  # about 9,000 and 36,000 characters: one window each
    assert len(large) <= pipeline.LARGE_TEXT
    _scales_linearly(small, large, lexicon)


def test_windowed_text_four_times_longer_takes_at_most_eight_times_longer(monkeypatch):
    monkeypatch.setattr(pipeline, "LARGE_TEXT", 2_000)
    monkeypatch.setattr(pipeline, "WINDOW", 3_000)
    monkeypatch.setattr(pipeline, "CONTEXT", 600)
    lexicon = default_lexicon()
    extract(ARTICLE, lexicon=lexicon)
    small, large = _copies(25), _copies(100)
    _scales_linearly(small, large, lexicon)


def test_a_normal_document_is_processed_whole_exactly_as_before():
    lexicon = default_lexicon()
    text = _copies(3)
    assert extract(text, "d", lexicon=lexicon) == pipeline._extract_whole(text, "d", language_of(lexicon), None)


def test_windows_tile_the_text_and_carry_context_from_line_starts(monkeypatch):
    monkeypatch.setattr(pipeline, "WINDOW", 1_000)
    monkeypatch.setattr(pipeline, "CONTEXT", 300)
    text = _copies(20)
    windows = list(text_windows(text))
    assert len(windows) > 5
    position = 0
    for window in windows:
        assert text[window.offset:window.offset + len(window.text)] == window.text
        assert window.offset + window.own == position  # own parts follow each other with no gap
        assert window.own <= 300
        assert window.offset == 0 or text[window.offset - 1] == "\n"  # context starts at a line start
        assert text[window.offset + len(window.text) - 1] == "\n" or window is windows[-1]  # cut after a line break
        position = window.offset + len(window.text)
    assert position == len(text)


@settings(max_examples=25, deadline=None)
@given(pieces=st.lists(st.integers(min_value=1, max_value=700), min_size=1, max_size=40))
def test_windows_do_not_depend_on_how_the_text_arrives(pieces):
    text = _copies(12) + "A last line without a line break, which is long enough " * 40
    original = (pipeline.WINDOW, pipeline.CONTEXT)
    pipeline.WINDOW, pipeline.CONTEXT = 900, 200
    try:
        expected = list(text_windows(text))
        chunks, start = [], 0
        for size in pieces * (len(text) // sum(pieces) + 1):
            chunks.append(text[start:start + size])
            start += size
        assert list(stream_windows(chunks)) == expected
    finally:
        pipeline.WINDOW, pipeline.CONTEXT = original


def test_a_line_longer_than_a_window_is_cut_at_a_sentence_end(monkeypatch):
    monkeypatch.setattr(pipeline, "WINDOW", 1_000)
    text = "The envoy said the talks went well. " * 200  # one 7,200-character line
    windows = list(text_windows(text))
    assert len(windows) >= 5
    for window in windows[:-1]:
        assert window.text.endswith(". ")


def test_the_empty_text_is_one_empty_window():
    assert list(stream_windows([])) == [Window("", 0, 0)]


def test_a_large_text_keeps_offsets_ids_and_every_statement(monkeypatch):
    lexicon = default_lexicon()
    single = extract(ARTICLE, "a", lexicon=lexicon)
    assert len(single.statements) >= 3
    monkeypatch.setattr(pipeline, "LARGE_TEXT", 2_000)
    monkeypatch.setattr(pipeline, "WINDOW", 2_500)
    monkeypatch.setattr(pipeline, "CONTEXT", 400)
    text = _copies(30)
    document = extract(text, "big", lexicon=lexicon)
    _check_spans(document, text)
    assert [s.id for s in document.statements] == [f"s{n}" for n in range(1, len(document.statements) + 1)]
    assert [m.id for m in document.meetings] == [f"m{n}" for n in range(1, len(document.meetings) + 1)]
    keys = [(s.cue.start, s.content.start) for s in document.statements]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)  # each statement once, in order
    # every copy of the article yields the statements of the article alone
    assert len(document.statements) == 30 * len(single.statements)
    statement_ids = {s.id for s in document.statements}
    for meeting in document.meetings:
        assert set(meeting.statements) <= statement_ids
    for statement in document.statements:
        assert statement.meeting is None or statement.meeting in {m.id for m in document.meetings}


@pytest.mark.parametrize("size", [1, 2])
def test_speaker_resolution_in_a_window_uses_the_context_before_it(monkeypatch, size):
    # Wherever the cuts fall, a pronoun resolves to the person named in the line before it.
    monkeypatch.setattr(pipeline, "LARGE_TEXT", 500)
    monkeypatch.setattr(pipeline, "WINDOW", 600)
    monkeypatch.setattr(pipeline, "CONTEXT", 500)
    filler = "The weather was mild and the streets were quiet.\n" * (12 * size)
    text = filler + "Prime Minister Jonas Berg arrived in Vienna.\n" + "He said that the meeting would go ahead.\n" + filler
    document = extract(text, "w", lexicon=default_lexicon())
    said = [s for s in document.statements if s.speaker.mention.text == "He"]
    assert len(said) == 1
    assert said[0].speaker.name == "Jonas Berg"


def test_the_version_and_help_do_not_load_the_extraction_stages():
    # Start-up: `diplo --version` must stay close to `python -c pass`; importing the stages (and
    # the regex engine's compiler with them) would triple it.
    import subprocess
    import sys

    probe = ("import sys; from diplo_cli.cli import main; import diplo_cli\n"
             "assert diplo_cli.__version__\n"
             "print(sorted(m for m in sys.modules if m.startswith('diplo_cli.') or m in ('regex', 'rich')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "['diplo_cli.cli', 'diplo_cli.constants']"  # constants imports nothing


@pytest.mark.parametrize(("command", "output_format"), [("statements", "jsonl"), ("statements", "json"), ("meetings", "csv"), ("statements", "tsv")])
def test_the_machine_formats_do_not_import_rich(tmp_path, command, output_format):
    # rich (its console alone a tenth of the start-up of one small file) is for tables, --svg and the progress bar.
    import subprocess
    import sys

    article = tmp_path / "one.txt"
    article.write_text('Kremlin spokesman Dmitry Peskov said Putin would meet Erdogan. "We will talk," Peskov said.\n', encoding="utf-8")
    probe = ("import runpy, sys\n"
             f"sys.argv = ['diplo', {command!r}, '--format', {output_format!r}, {str(article)!r}]\n"
             "try:\n    runpy.run_module('diplo_cli', run_name='__main__')\n"
             "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert ("Vladimir Putin" if command == "meetings" else "Dmitry Peskov") in run.stdout
    assert run.stderr.strip().splitlines()[-1] == "[]"


def test_a_table_still_imports_rich_and_draws(tmp_path):
    import subprocess
    import sys

    article = tmp_path / "one.txt"
    article.write_text('Kremlin spokesman Dmitry Peskov said Putin would meet Erdogan. "We will talk," Peskov said.\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "diplo_cli", "--format", "table", "--width", "100", str(article)],
                         capture_output=True, text=True, check=True)
    assert "Dmitry Peskov" in run.stdout and "| #  | speaker" in run.stdout  # ASCII borders off a terminal


def test_a_burst_of_load_during_one_measurement_does_not_fail_a_timing_check():
    # The 9.3x seen once under load: that measurement is retaken, and only a ratio that stays high fails.
    small_times, large_times = iter([1.0, 1.0, 1.0]), iter([9.3, 4.1, 4.0])
    ratios = ratios_until_within(lambda: next(small_times), lambda: next(large_times), 8)
    assert ratios == [9.3, 4.1]
    quadratic = iter([16.0, 15.5, 16.5])
    assert min(ratios_until_within(lambda: 1.0, lambda: next(quadratic), 8)) == 15.5


def test_the_benchmark_can_forget_the_names_it_has_seen():
    """bench/bench.py empties the caches of seen names between passes; the caches it names must exist
    (a restructuring once left it naming a cache that had moved) and emptying them changes no row."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("diplo_bench", Path(__file__).resolve().parent.parent / "bench" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    text = "A senior Norwegian official said the talks would resume. Ana Lind met Piet Varga in Oslo."
    before = extract(text).to_dict()
    bench.forget_seen_names()
    assert language_of(default_lexicon()).speaker_tables.indefinite_mentions == {}
    assert extract(text).to_dict() == before
