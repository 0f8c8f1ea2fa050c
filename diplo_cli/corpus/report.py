"""A self-contained HTML report: each article with its speakers, cues and contents highlighted, its
statements and meetings tables, and a link from each row to its span in the text.

One file, no script and no network: a Content-Security-Policy forbids loading anything, every
piece of input text is escaped, and control characters are made visible one for one (offsets stay
offsets, see :func:`render.safe`). Written document by document, so a corpus streams through.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from collections.abc import Iterable
from typing import IO

from diplo_cli.models import Document
from diplo_cli.render import SPEAKER_COLOURS, SpeakerColours, safe

# The terminal colours of the tables (render.SPEAKER_COLOURS, the cue's yellow) as web colours,
# with a text colour that stays readable on each.
WEB_COLOURS = {
    "bright_cyan": ("#55ffff", "#000"), "bright_magenta": ("#ff55ff", "#000"), "bright_green": ("#55ff55", "#000"),
    "bright_yellow": ("#ffff55", "#000"), "bright_blue": ("#5555ff", "#fff"), "bright_red": ("#ff5555", "#000"),
    "cyan": ("#00aaaa", "#000"), "magenta": ("#aa00aa", "#fff"), "green": ("#00aa00", "#fff"), "yellow": ("#aaaa00", "#000"),
    "blue": ("#0000aa", "#fff"),
}
CUE_COLOUR = "#ffd700"  # the table's bold yellow
CONTENT_COLOUR = "#dde6f7"  # the table underlines the content; a pale wash shows its extent in running text
STATUS_COLOURS = {"held": "#1a7f37", "planned": "#0a7ea4", "proposed": "#9a6700", "denied": "#cf222e", "cancelled": "#8250df",
                  "unknown": "#6e7781"}

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #1f2328; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
.text { white-space: pre-wrap; border: 1px solid #d0d7de; padding: 1em; border-radius: 6px; }
table { border-collapse: collapse; margin: .5em 0 1.5em; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
.content { background: CONTENT; }
.mention { font-weight: bold; text-decoration: underline; }
.cue { background: CUE; font-weight: bold; }
.speaker { font-weight: bold; }
:target { outline: 3px solid #fd8c73; }
.legend span { padding: 0 .3em; margin-right: .5em; }
""".replace("CONTENT", CONTENT_COLOUR).replace("CUE", CUE_COLOUR)


def _speaker_styles() -> str:
    rules = []
    for index, name in enumerate(SPEAKER_COLOURS):
        background, foreground = WEB_COLOURS[name]
        rules.append(f".sp{index} {{ background: {background}; color: {foreground}; }}")
    rules.extend(f".st-{status} {{ color: {colour}; font-weight: bold; }}" for status, colour in STATUS_COLOURS.items())
    return "\n".join(rules)


def _e(text: str) -> str:
    return html.escape(safe(text), quote=True)


class HtmlReport:
    """Write :meth:`start`, then :meth:`add` for each document, then :meth:`close`."""

    def __init__(self, stream: IO[str], title: str = "diplo report") -> None:
        self.stream = stream
        self.title = title
        self.colours = SpeakerColours()
        self.number = 0

    def start(self) -> None:
        self.stream.write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            f"<title>{_e(self.title)}</title>\n<style>{STYLE}{_speaker_styles()}\n</style>\n</head>\n<body>\n"
            f"<h1>{_e(self.title)}</h1>\n"
            f"<p class=\"legend\"><span class=\"sp0\">speaker</span><span class=\"cue\">cue</span>"
            f"<span class=\"content\">content</span><span class=\"mention\">meeting</span></p>\n")

    def add(self, document: Document) -> None:
        self.number += 1
        prefix = f"d{self.number}"
        write = self.stream.write
        write(f"<section id=\"{prefix}\">\n<h2>{_e(document.doc)}</h2>\n")
        write(f"<div class=\"text\">{self._marked_text(document, prefix)}</div>\n")
        if document.statements:
            write("<table class=\"statements\">\n<tr><th>#</th><th>speaker</th><th>cue</th><th>content</th><th>kind</th><th>meeting</th></tr>\n")
            for statement in document.statements:
                speaker = statement.speaker
                details = ", ".join(x for x in (speaker.role, speaker.country) if x)
                meeting = (f"<a href=\"#{prefix}-{_e(statement.meeting)}\">{_e(statement.meeting)}</a> "
                           f"<span class=\"st-{_e(statement.meeting_status or 'unknown')}\">{_e(statement.meeting_status or '')}</span>"
                           if statement.meeting else "")
                write(f"<tr><td><a href=\"#{prefix}-{statement.id}\">{statement.id}</a></td>"
                      f"<td><span class=\"speaker {self._speaker_class(speaker.name)}\">{_e(speaker.name)}</span>"
                      f"{'<br><small>' + _e(details) + '</small>' if details else ''}</td>"
                      f"<td>{_e(statement.cue.text)}</td><td>{_e(statement.content.text)}</td>"
                      f"<td>{_e(statement.kind.replace('_', ' '))}</td><td>{meeting}</td></tr>\n")
            write("</table>\n")
        if document.meetings:
            write("<table class=\"meetings\">\n<tr><th>#</th><th>participants</th><th>type</th><th>status</th><th>time</th>"
                  "<th>place</th><th>statements</th></tr>\n")
            for meeting in document.meetings:
                participants = "<br>".join(_e(p.name) + (f" <small>({_e(p.country)})</small>" if p.country and p.country != p.name else "")
                                           for p in meeting.participants)
                statements = " ".join(f"<a href=\"#{prefix}-{sid}\">{sid}</a>" for sid in meeting.statements)
                write(f"<tr><td><a href=\"#{prefix}-{meeting.id}\">{meeting.id}</a></td><td>{participants}</td>"
                      f"<td>{_e(meeting.type)}</td><td><span class=\"st-{_e(meeting.status)}\">{_e(meeting.status)}</span></td>"
                      f"<td>{_e(meeting.time.text) if meeting.time else ''}</td><td>{_e(meeting.place.text) if meeting.place else ''}</td>"
                      f"<td>{statements}</td></tr>\n")
            write("</table>\n")
        write("</section>\n")

    def close(self) -> None:
        self.stream.write("</body>\n</html>\n")

    def _speaker_class(self, name: str) -> str:
        return f"sp{SPEAKER_COLOURS.index(self.colours(name))}"

    def _marked_text(self, document: Document, prefix: str) -> str:
        """The text cut at every span boundary; each piece wrapped in the classes of the spans over it."""
        spans: list[tuple[int, int, str]] = []  # start, end, class
        anchors: dict[int, list[str]] = {}  # offset -> ids of the statements and meetings starting there
        for statement in document.statements:
            spans.append((statement.content.start, statement.content.end, "content"))
            spans.append((statement.cue.start, statement.cue.end, "cue"))
            mention = statement.speaker.mention
            if mention.end > mention.start:
                spans.append((mention.start, mention.end, f"speaker {self._speaker_class(statement.speaker.name)}"))
            first = min(s.start for s in (statement.content, statement.cue, mention) if s.end > s.start)
            anchors.setdefault(first, []).append(f"{prefix}-{statement.id}")
        for meeting in document.meetings:
            for mention in meeting.mentions:
                spans.append((mention.start, mention.end, "mention"))
            if meeting.mentions:
                anchors.setdefault(min(m.start for m in meeting.mentions), []).append(f"{prefix}-{meeting.id}")
        text = safe(document.text)
        changes: dict[int, list[tuple[str, int]]] = {}  # offset -> (class, +1 opening / -1 closing)
        for start, end, css_class in spans:
            changes.setdefault(start, []).append((css_class, 1))
            changes.setdefault(end, []).append((css_class, -1))
        cuts = sorted({0, len(text), *anchors, *changes})
        # CSS decides which background shows where spans overlap: content < cue < speaker.
        order = {"content": 0, "mention": 1, "cue": 2}
        open_spans: Counter[str] = Counter()  # a sweep over the cuts: linear in the spans, whatever the text's length
        pieces = []
        for start, end in itertools.pairwise(cuts):
            for css_class, step in changes.get(start, ()):
                open_spans[css_class] += step
            pieces.extend(f"<a id=\"{anchor}\"></a>" for anchor in anchors.get(start, ()))
            classes = sorted((c for c, n in open_spans.items() if n > 0), key=lambda c: order.get(c, 3))
            piece = html.escape(text[start:end], quote=True)
            pieces.append(f"<span class=\"{' '.join(classes)}\">{piece}</span>" if classes else piece)
        return "".join(pieces)


def write_report(documents: Iterable[Document], stream: IO[str], title: str = "diplo report") -> None:
    report = HtmlReport(stream, title)
    report.start()
    for document in documents:
        report.add(document)
    report.close()
