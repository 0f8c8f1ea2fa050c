"""Hand-built documents for rendering and filter tests.

The records are written out here rather than extracted, so that table snapshots change only when
rendering changes, not when another engineer improves extraction. The text is invented.
"""

from __future__ import annotations

from diplo_cli.models import Document, Meeting, Participant, Span, Speaker, Statement

TEXT = (
    "Foreign Minister Ana Ivanova said on Monday that she would meet her Freedonian counterpart Tom Hale "
    "in Vienna next week. \"We expect progress,\" Hale told reporters. According to officials, the summit "
    "was postponed.\nA ministry spokesman described the talks as constructive.\n"
)


def span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(piece, start, start + len(piece))


def ruritania_document(doc: str = "ruritania.txt") -> Document:
    t = TEXT
    ivanova = Speaker(span(t, "Foreign Minister Ana Ivanova"), "Ana Ivanova", "foreign minister", "Ruritania", False, "name")
    hale = Speaker(span(t, "Hale", t.index("told") - 6), "Tom Hale", "foreign minister", "Freedonia", False, "name")
    officials = Speaker(span(t, "officials"), "officials", None, None, True, "anonymous")
    spokesman = Speaker(span(t, "A ministry spokesman"), "a ministry spokesman", "spokesperson", "Ruritania", True, "anonymous")
    statements = (
        Statement("s1", "indirect", ivanova, span(t, "said"), span(t, "she would meet her Freedonian counterpart Tom Hale in Vienna next week"),
                  "attribution.indirect.that", "m1", "planned"),
        Statement("s2", "direct", hale, span(t, "told reporters"), span(t, "We expect progress"), "attribution.direct.after"),
        Statement("s3", "according_to", officials, span(t, "According to"), span(t, "the summit was postponed"),
                  "attribution.according_to", "m2", "cancelled"),
        Statement("s4", "indirect", spokesman, span(t, "described"), span(t, "the talks as constructive"), "attribution.describe", "m1", "planned"),
    )
    meetings = (
        Meeting("m1", "meeting", "planned", (Participant("Ana Ivanova", "Ruritania"), Participant("Tom Hale", "Freedonia")),
                span(t, "next week"), span(t, "Vienna"), (span(t, "meet"), span(t, "talks")), ("s1", "s4")),
        Meeting("m2", "summit", "cancelled", (), None, None, (span(t, "summit"),), ("s3",)),
    )
    return Document(doc, t, statements, meetings)


HOSTILE_TEXT = "Tom Hale said that the plan was \x1b[31mred\x1b[0m and [bold]final[/bold].\n"


def hostile_document() -> Document:
    """Content holding an escape sequence and rich markup: both must reach a terminal as plain text."""
    t = HOSTILE_TEXT
    hale = Speaker(span(t, "Tom Hale"), "Tom Hale", "foreign minister", "Freedonia", False, "name")
    content = Span(t[t.index("the plan"):t.index(".\n")], t.index("the plan"), t.index(".\n"))
    return Document("hostile\x1b[2J.txt", t, (Statement("s1", "indirect", hale, span(t, "said"), content, "attribution.indirect.that"),), ())
