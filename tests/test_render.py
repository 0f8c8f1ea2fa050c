"""Rendering: table snapshots at a fixed width, width fitting, colours, safety of input text, --explain."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from diplo_cli import render
from tests.handmade import HOSTILE_TEXT, hostile_document, ruritania_document

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DIPLO_UPDATE_GOLDEN") == "1"  # DIPLO_UPDATE_GOLDEN=1 python -m pytest tests/test_render.py


def plain_console(width: int = 100) -> Console:
    return Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, legacy_windows=False,
                   highlight=False, markup=False, emoji=False)


def colour_console(width: int = 100) -> Console:
    return Console(file=io.StringIO(), width=width, color_system="standard", force_terminal=True, no_color=False, legacy_windows=False,
                   highlight=False, markup=False, emoji=False)


def check_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8"), f"{name} changed; rerun with DIPLO_UPDATE_GOLDEN=1 if intended"


def test_statements_view_snapshot():
    console = plain_console()
    render.print_document(console, ruritania_document(), "statements", render.SpeakerColours(), ascii_only=True, heading=True)
    check_golden("statements-100.txt", console.file.getvalue())


def test_statements_view_snapshot_wide():
    console = plain_console(140)
    render.print_document(console, ruritania_document(), "statements", render.SpeakerColours(), ascii_only=True, heading=False)
    check_golden("statements-140.txt", console.file.getvalue())
    assert "| kind " in console.file.getvalue()  # wide enough for a column of its own


def test_statements_view_snapshot_with_rounded_box():
    console = plain_console(render.RECORDS_BELOW)
    render.print_document(console, ruritania_document(), "statements", render.SpeakerColours(), ascii_only=False, heading=False)
    check_golden("statements-80-rounded.txt", console.file.getvalue())


def test_statements_view_snapshot_narrow_as_records():
    console = plain_console(60)
    render.print_document(console, ruritania_document(), "statements", render.SpeakerColours(), ascii_only=False, heading=False)
    check_golden("statements-60-records.txt", console.file.getvalue())


def test_meetings_view_snapshot():
    console = plain_console()
    render.print_document(console, ruritania_document(), "meetings", render.SpeakerColours(), ascii_only=True, heading=False, with_statements=True)
    check_golden("meetings-100.txt", console.file.getvalue())


def test_speakers_view_snapshot():
    console = plain_console()
    documents = [ruritania_document("a.txt"), ruritania_document("b.txt")]
    rows = render.speaker_rows(documents)
    console.print(render.fit(render.speakers_table(rows, True, render.SpeakerColours(), documents), console))
    check_golden("speakers-100.txt", console.file.getvalue())


def test_explain_snapshot():
    console = plain_console()
    render.print_explain(console, ruritania_document())
    check_golden("explain-100.txt", console.file.getvalue())


@pytest.mark.parametrize("width", [30, 40, 55, 80, 100, 132, 200])
@pytest.mark.parametrize("view", ["statements", "meetings"])
def test_tables_always_fit_the_width(width, view):
    console = plain_console(width)
    render.print_document(console, ruritania_document("a-long-document-name-that-does-not-fit-anywhere.txt"), view,
                          render.SpeakerColours(), ascii_only=True, heading=True, with_statements=True)
    lines = console.file.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    table_lines = [line for line in lines if line.startswith(("|", "+"))]
    if width < render.RECORDS_BELOW:  # narrow: one block per record, no table
        assert not table_lines and any(line.startswith("  content: " if view == "statements" else "  participants: ") for line in lines)
    else:
        assert table_lines and all(line.rstrip().endswith(("|", "+")) for line in table_lines)  # never cut: the right border is there


@pytest.mark.parametrize("width", [24, 30])
def test_fitted_tables_fit_even_very_narrow_consoles(width):
    console = plain_console(width)
    console.print(render.fit(render.statements_table(ruritania_document(), render.SpeakerColours(), True, compact=True), console))
    lines = console.file.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width and all(line.rstrip().endswith(("|", "+")) for line in lines)


def test_content_is_wrapped_not_cut():
    console = plain_console(80)
    render.print_document(console, ruritania_document(), "statements", render.SpeakerColours(), ascii_only=True, heading=False)
    flat = " ".join(console.file.getvalue().split())
    for word in ["she", "would", "meet", "her", "Freedonian", "counterpart", "Tom", "Hale", "in", "Vienna", "next", "week"]:
        assert word in flat


def test_speaker_colour_is_stable_across_documents_and_views():
    colours = render.SpeakerColours()
    first = colours("Ana Ivanova")
    assert colours("Tom Hale") != first
    console = colour_console()
    render.print_document(console, ruritania_document("a.txt"), "statements", colours, ascii_only=False, heading=True)
    assert colours("Ana Ivanova") == first
    assert len(colours.assigned) == 4  # the four speakers of the document, one colour each


def test_same_speaker_gets_the_same_escape_code_in_two_documents():
    colours = render.SpeakerColours()
    outputs = []
    for name in ("a.txt", "b.txt"):
        console = colour_console()
        render.print_document(console, ruritania_document(name), "statements", colours, ascii_only=False, heading=False)
        outputs.append(console.file.getvalue())
    marker = outputs[0][:outputs[0].index("Ana Ivanova")].rsplit("\x1b[", 1)[1]
    assert ("\x1b[" + marker + "Ana Ivanova") in outputs[1]


def test_no_escape_codes_without_colour():
    console = plain_console()
    render.print_document(console, ruritania_document(), "statements", render.SpeakerColours(), ascii_only=True, heading=True)
    assert "\x1b" not in console.file.getvalue()


def test_status_is_coloured_by_status():
    console = colour_console()
    render.print_document(console, ruritania_document(), "meetings", render.SpeakerColours(), ascii_only=False, heading=False)
    output = console.file.getvalue()
    assert "\x1b[36mplanned" in output  # cyan
    assert "\x1b[35mcancelled" in output  # magenta


@pytest.mark.parametrize("make_console", [plain_console, colour_console])
def test_input_text_never_becomes_markup_or_raw_escapes(make_console):
    console = make_console()
    document = hostile_document()
    render.print_document(console, document, "statements", render.SpeakerColours(), ascii_only=True, heading=True)
    render.print_explain(console, document)
    output = console.file.getvalue()
    assert "\x1b[31m" not in output and "\x1b[2J" not in output
    assert "␛[31mred␛[0m" in output
    assert "[bold]final[/bold]" in output
    assert "hostile␛[2J.txt" in output


def test_input_is_plain_text_even_on_a_console_that_reads_markup():
    """A library user's Console may have markup and emoji on: input text must still print as written."""
    from diplo_cli.models import Meeting, Participant, Span

    document = hostile_document()
    text = document.text
    place = Span(text[text.index("[bold]"):text.index("[/bold]") + 7], text.index("[bold]"), text.index("[/bold]") + 7)
    meeting = Meeting("m1", "meeting", "planned", (Participant("[red]X[/red] :smile:", None),), place, place, (place,), ("s1",))
    document = type(document)(document.doc, text, document.statements, (meeting,))
    console = Console(file=io.StringIO(), width=160, color_system=None, markup=True, emoji=True, highlight=True)
    render.print_document(console, document, "statements", render.SpeakerColours(), ascii_only=True, heading=True)
    console.print(render.speakers_table(render.speaker_rows([document]), True, render.SpeakerColours()))
    output = console.file.getvalue()
    assert output.count("[bold]final[/bold]") >= 3  # content, time and place
    assert "[red]X[/red] :smile:" in output

def test_safe_keeps_offsets():
    assert len(render.safe(HOSTILE_TEXT)) == len(HOSTILE_TEXT)
    assert render.safe("a\u202eb\tc\n") == "a\ufffdb\tc\n"
    assert render.safe("bell\x07") == "bell␇"


def test_explain_marks_the_three_parts_in_plain_text():
    console = plain_console(200)
    render.print_explain(console, ruritania_document())
    output = console.file.getvalue()
    assert "[speaker: Foreign Minister Ana Ivanova] [cue: said] on Monday that [content: she would meet her Freedonian" in output
    assert "attribution.indirect.that" in output
    assert "about m1: meeting, planned (Ana Ivanova, Tom Hale)" in output


def test_tally_counts_a_run():
    tally = render.Tally().add(ruritania_document("a.txt")).add(ruritania_document("b.txt"))
    assert tally.line(total=True).plain == "total: 8 statements · 4 speakers · 4 meetings · 2 documents"
    assert render.summary_line(ruritania_document()).plain == "4 statements · 4 speakers · 2 meetings"


def test_empty_document_says_so():
    from diplo_cli.models import Document

    console = plain_console()
    render.print_document(console, Document("empty.txt", "Nothing here.", (), ()), "statements", render.SpeakerColours(), True, False)
    assert console.file.getvalue() == "no attributed statements found\n0 statements · 0 speakers · 0 meetings\n"
