"""Writers: documents -> table / JSON / JSON Lines / CSV / TSV on a text stream.

No click here, and no decision about terminals: the CLI passes a rich Console (already configured
for colour and width) or a plain stream. Text from the input is never interpreted as rich markup
(only :class:`rich.text.Text` objects are built from it) and control characters are made visible
in tables; JSON escapes them itself.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

import regex
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .models import Document, Meeting, Statement

FORMATS = ("auto", "table", "json", "jsonl", "csv", "tsv")
STATUS_STYLE = {"held": "bold green", "planned": "cyan", "proposed": "yellow", "denied": "red", "cancelled": "magenta", "unknown": "dim"}
SPEAKER_COLOURS = ("bright_cyan", "bright_magenta", "bright_green", "bright_yellow", "bright_blue", "bright_red", "cyan", "magenta", "green", "yellow", "blue")
CSV_COLUMNS = (
    "doc", "id", "kind", "speaker", "speaker_name", "speaker_role", "speaker_country", "speaker_anonymous",
    "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
    "meeting", "meeting_status", "rule",
)
_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\u2028\u2029--[\n\t]]", regex.V1)


def safe(text: str) -> str:
    """Input text made safe for a terminal: control and format characters shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ------------------------------------------------------------------------------ machine formats

def statement_records(document: Document) -> Iterable[dict]:
    for statement in document.statements:
        yield statement.to_dict(document.doc)


def meeting_records(document: Document) -> Iterable[dict]:
    for meeting in document.meetings:
        yield meeting.to_dict(document.doc)


def write_jsonl(records: Iterable[dict], stream: IO[str]) -> None:
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False))
        stream.write("\n")


def flat_statement(record: dict) -> dict:
    speaker = record["speaker"]
    return {
        "doc": record["doc"], "id": record["id"], "kind": record["kind"],
        "speaker": speaker["text"], "speaker_name": speaker["name"], "speaker_role": speaker["role"] or "",
        "speaker_country": speaker["country"] or "", "speaker_anonymous": str(speaker["anonymous"]).lower(),
        "speaker_start": speaker["start"], "speaker_end": speaker["end"],
        "cue": record["cue"]["text"], "cue_start": record["cue"]["start"], "cue_end": record["cue"]["end"],
        "content": record["content"]["text"], "content_start": record["content"]["start"], "content_end": record["content"]["end"],
        "meeting": record["meeting"] or "", "meeting_status": record["meeting_status"] or "", "rule": record["rule"],
    }


MEETING_CSV_COLUMNS = ("doc", "id", "type", "status", "participants", "time", "place", "statements", "cameo", "plover")


def flat_meeting(record: dict) -> dict:
    return {
        "doc": record["doc"], "id": record["id"], "type": record["type"], "status": record["status"],
        "participants": "; ".join(p["name"] for p in record["participants"]),
        "time": record["time"]["text"] if record["time"] else "",
        "place": record["place"]["text"] if record["place"] else "",
        "statements": " ".join(record["statements"]), "cameo": record["cameo"] or "", "plover": record["plover"] or "",
    }


class DelimitedWriter:
    """CSV/TSV with one header row, written once, then one row per record."""

    def __init__(self, stream: IO[str], columns: tuple[str, ...], delimiter: str = ","):
        self.writer = csv.DictWriter(stream, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
        self.header_written = False

    def write(self, rows: Iterable[dict]) -> None:
        if not self.header_written:
            self.writer.writeheader()
            self.header_written = True
        for row in rows:
            if self.writer.writer.dialect.delimiter == "\t":
                row = {k: (v.replace("\t", " ").replace("\n", " ") if isinstance(v, str) else v) for k, v in row.items()}
            self.writer.writerow(row)


class JsonDocumentsWriter:
    """``{"documents": [...]}`` written document by document, so memory stays flat."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def write(self, record: dict) -> None:
        self.stream.write('{"documents": [\n' if self.count == 0 else ",\n")
        self.stream.write(json.dumps(record, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        if self.count == 0:
            self.stream.write('{"documents": [')
        self.stream.write("\n]}\n")


# ------------------------------------------------------------------------------ tables

class SpeakerColours:
    """One colour per speaker name, stable for the whole run."""

    def __init__(self) -> None:
        self.assigned: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        colour = self.assigned.get(name)
        if colour is None:
            colour = SPEAKER_COLOURS[len(self.assigned) % len(SPEAKER_COLOURS)]
            self.assigned[name] = colour
        return colour


def _speaker_cell(statement: Statement, colours: SpeakerColours) -> Text:
    speaker = statement.speaker
    cell = Text(safe(speaker.name), style=f"bold {colours(speaker.name)}")
    details = ", ".join(x for x in (speaker.role, speaker.country) if x)
    if speaker.anonymous:
        details = ", ".join(x for x in ("anonymous", details) if x)
    if details:
        cell.append("\n" + safe(details), style="dim")
    if speaker.mention.text != speaker.name:
        cell.append("\n“" + safe(speaker.mention.text) + "”", style="dim italic")
    return cell


def _content_cell(statement: Statement, document: Document) -> Text:
    text = Text(safe(statement.content.text))
    highlights: list[str] = []
    for meeting in document.meetings:
        for mention in meeting.mentions:
            if statement.content.contains(mention):
                highlights.append(mention.text)
        highlights.extend(p.name for p in meeting.participants)
    for word in set(highlights):
        text.highlight_words([safe(word)], style="bold underline")
    return text


def statements_table(document: Document, colours: SpeakerColours, ascii_only: bool, title: str | None = None) -> Table:
    table = Table(title=title, box=box.ASCII if ascii_only else box.ROUNDED, show_lines=True, expand=False)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("speaker", min_width=12, max_width=30)
    table.add_column("cue", style="italic", max_width=18)
    table.add_column("content", ratio=1, min_width=20)
    table.add_column("kind", no_wrap=True)
    table.add_column("meeting", no_wrap=True)
    meetings = {m.id: m for m in document.meetings}
    for statement in document.statements:
        meeting_cell = Text("")
        if statement.meeting:
            meeting = meetings[statement.meeting]
            status = statement.meeting_status or meeting.status
            meeting_cell = Text(statement.meeting + " ")
            meeting_cell.append(status, style=STATUS_STYLE.get(status, ""))
        table.add_row(statement.id, _speaker_cell(statement, colours), safe(statement.cue.text), _content_cell(statement, document), statement.kind, meeting_cell)
    return table


def meetings_table(document: Document, ascii_only: bool, title: str | None = None, with_statements: bool = False) -> Table:
    table = Table(title=title, box=box.ASCII if ascii_only else box.ROUNDED, show_lines=True)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("participants", min_width=16)
    table.add_column("type", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("time")
    table.add_column("place")
    table.add_column("statements", justify="right")
    by_id = {s.id: s for s in document.statements}
    for meeting in document.meetings:
        participants = Text("\n".join(safe(p.name) for p in meeting.participants), style="bold")
        statements_cell: Text | str = str(len(meeting.statements))
        if with_statements and meeting.statements:
            statements_cell = Text(str(len(meeting.statements)))
            for sid in meeting.statements:
                statement = by_id[sid]
                statements_cell.append(f"\n{sid} {safe(statement.speaker.name)}: {safe(statement.content.text)}", style="dim")
        table.add_row(
            meeting.id, participants, meeting.type, Text(meeting.status, style=STATUS_STYLE.get(meeting.status, "")),
            safe(meeting.time.text) if meeting.time else "", safe(meeting.place.text) if meeting.place else "", statements_cell,
        )
    return table


def speaker_rows(documents: Iterable[Document]) -> list[dict]:
    """One row per resolved speaker over the given documents."""
    rows: dict[tuple[str, str | None], dict] = {}
    for document in documents:
        meetings = {m.id: m for m in document.meetings}
        for statement in document.statements:
            speaker = statement.speaker
            key = (speaker.name, speaker.country)
            row = rows.setdefault(key, {"name": speaker.name, "role": speaker.role, "country": speaker.country,
                                        "anonymous": speaker.anonymous, "statements": 0, "meetings": []})
            row["statements"] += 1
            row["role"] = row["role"] or speaker.role
            if statement.meeting:
                meeting = meetings[statement.meeting]
                label = " – ".join(p.name for p in meeting.participants) + f" ({meeting.type}, {meeting.status})"
                if label not in row["meetings"]:
                    row["meetings"].append(label)
    return sorted(rows.values(), key=lambda r: (-r["statements"], r["name"]))


def speakers_table(rows: list[dict], ascii_only: bool, colours: SpeakerColours) -> Table:
    table = Table(box=box.ASCII if ascii_only else box.ROUNDED, show_lines=True)
    table.add_column("speaker")
    table.add_column("role")
    table.add_column("country")
    table.add_column("statements", justify="right")
    table.add_column("meetings spoken about")
    for row in rows:
        table.add_row(Text(safe(row["name"]), style=f"bold {colours(row['name'])}"), safe(row["role"] or ""), safe(row["country"] or ""),
                      str(row["statements"]), safe("\n".join(row["meetings"])))
    return table


def summary_line(document: Document) -> Text:
    speakers = {s.speaker.name for s in document.statements}
    return Text(f"{len(document.statements)} statements · {len(speakers)} speakers · {len(document.meetings)} meetings", style="dim")


def print_document(console: Console, document: Document, view: str, colours: SpeakerColours, ascii_only: bool, heading: bool, with_statements: bool = False) -> None:
    parts = []
    if heading:
        parts.append(Text(safe(document.doc), style="bold underline"))
    if view == "meetings":
        parts.append(meetings_table(document, ascii_only, with_statements=with_statements))
    else:
        parts.append(statements_table(document, colours, ascii_only))
        if document.meetings:
            parts.append(meetings_table(document, ascii_only, title="meetings"))
    parts.append(summary_line(document))
    console.print(Group(*parts))


def print_explain(console: Console, document: Document) -> None:
    """Per statement: the rule that fired and its sentence with speaker, cue and content marked."""
    text = document.text
    for statement in document.statements:
        lo = min(statement.speaker.mention.start, statement.cue.start, statement.content.start)
        hi = max(statement.speaker.mention.end, statement.cue.end, statement.content.end)
        lo = max(0, text.rfind("\n", 0, lo) + 1, lo - 200)
        newline = text.find("\n", hi)
        hi = min(len(text), hi + 200, newline if newline >= 0 else len(text))
        line = Text(safe(text[lo:hi]))
        for span, style in ((statement.content, "underline"), (statement.speaker.mention, "bold cyan"), (statement.cue, "bold yellow")):
            line.stylize(style, span.start - lo, span.end - lo)
        console.print(Text(f"{statement.id}  {statement.rule}", style="bold"))
        console.print(line)
        console.print(Text(f"  speaker [{statement.speaker.mention.start}:{statement.speaker.mention.end}]  cue [{statement.cue.start}:{statement.cue.end}]  content [{statement.content.start}:{statement.content.end}]", style="dim"))
