"""Writers: documents -> table / JSON / JSON Lines / CSV / TSV on a text stream, and ``--explain``.

The machine formats (records, JSON, JSON Lines, CSV, TSV) live in :mod:`diplo_cli.formats`, which
does not import rich, and are re-exported here. No click here, and no decision about terminals: the CLI passes a rich Console (already configured
for colour and width) or a plain stream, and says whether boxes must be ASCII. Text from the input
is never interpreted as rich markup (every cell built from it is a :class:`rich.text.Text`) and
control and format characters are replaced one for one by visible symbols (:func:`safe`), so no
escape sequence from a document reaches a terminal; JSON escapes them itself.

Tables are laid out by :func:`fit` to the console width: rich is never left to cut a table. On a
console narrower than :data:`RECORDS_BELOW` a table would leave the content a few characters wide,
so the views print one block per record instead (:class:`Records`: ``label: value`` lines).
Deliberate limits: the explanation shows the sentence(s) around a statement found by punctuation,
not the segmenter's sentences (the Document does not carry them); colours cycle after eleven
speakers.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from rich import box
from rich.console import Console, Group
from rich.measure import Measurement
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

# The machine formats live in diplo_cli.formats (no rich there); their names are re-exported here, their old home.
from diplo_cli.formats import (
    CSV_COLUMNS,  # noqa: F401
    FORMULA_TRIGGERS,  # noqa: F401
    LIST_SEPARATOR,
    MEETING_CSV_COLUMNS,  # noqa: F401
    DelimitedWriter,  # noqa: F401
    JsonDocumentsWriter,  # noqa: F401
    Tally,
    _flat_codes,
    carried_columns,  # noqa: F401
    document_record,  # noqa: F401
    flat_meeting,  # noqa: F401
    flat_statement,  # noqa: F401
    meeting_records,  # noqa: F401
    neutralise_formula,  # noqa: F401
    safe,
    statement_records,  # noqa: F401
    write_jsonl,  # noqa: F401
)
from diplo_cli.language.codes import country_codes
from diplo_cli.language.lexicons import fold, name_key
from diplo_cli.models import Document, Meeting, Statement

STATUS_STYLE = {"held": "bold green", "planned": "cyan", "proposed": "yellow", "denied": "red", "cancelled": "magenta", "unknown": "dim"}
SPEAKER_COLOURS = ("bright_cyan", "bright_magenta", "bright_green", "bright_yellow", "bright_blue", "bright_red", "cyan", "magenta", "green", "yellow", "blue")
# ------------------------------------------------------------------------------ tables

class SpeakerColours:
    """One colour per speaker name, stable for the whole run (every table and document)."""

    def __init__(self) -> None:
        self.assigned: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        colour = self.assigned.get(name)
        if colour is None:
            colour = SPEAKER_COLOURS[len(self.assigned) % len(SPEAKER_COLOURS)]
            self.assigned[name] = colour
        return colour


def _box(ascii_only: bool) -> box.Box:
    return box.ASCII if ascii_only else box.ROUNDED


def _table(ascii_only: bool, title: str | None = None) -> Table:
    # Columns fold words longer than their width instead of cutting them with an ellipsis; `fit`
    # chooses the widths so that the table is as wide as the console at most.
    return Table(title=Text(title, style="bold") if title else None, box=_box(ascii_only), show_lines=True,
                 header_style="bold", title_justify="left", expand=False, pad_edge=True)


LONGEST_UNBROKEN = 24  # a longer word (a URL) is folded rather than allowed to widen its column


def fit(table: Table, console: Console) -> Table:
    """Give the table column widths that fit the console: every column gets its longest word (up to
    LONGEST_UNBROKEN), then the spare width goes to the columns that still wrap, in proportion to
    their ``ratio`` (the content column has the largest), never beyond what a column needs."""
    columns = table.columns
    for column in columns:
        column.overflow = "fold"
    available = console.width - (len(columns) + 1) - 2 * len(columns)  # borders, and padding of one each side
    options = console.options
    least: list[int] = []
    most: list[int] = []
    for column in columns:
        sizes = [Measurement.get(console, options, cell) for cell in (column.header, *column.cells)]
        high = max(m.maximum for m in sizes)
        if column.max_width:
            high = min(high, column.max_width)
        low = high if column.no_wrap else min(max(m.minimum for m in sizes), high, LONGEST_UNBROKEN)
        least.append(low)
        most.append(high)
    if sum(most) <= available:
        return table
    while sum(least) > available and max(least) > 3:
        least[least.index(max(least))] -= 1  # too narrow for whole words: the widest columns fold first
    widths = least[:]
    spare = available - sum(widths)
    while spare > 0:
        growing = [i for i, column in enumerate(columns) if widths[i] < most[i]]
        if not growing:
            break
        weight = sum(columns[i].ratio or 1 for i in growing)
        for i in growing:
            share = max(1, spare * (columns[i].ratio or 1) // weight)
            step = min(share, most[i] - widths[i], spare)
            widths[i] += step
            spare -= step
            if spare == 0:
                break
    for column, width in zip(columns, widths):
        column.width = width
    return table


RECORDS_BELOW = 80  # console columns under which a view prints one block per record instead of a table


class Records:
    """One block per record: a title line, then one ``label: value`` line per field, wrapped at word
    boundaries with continuation lines indented under the label; a blank line after each block."""

    INDENT = 2
    CONTINUATION = 4

    def __init__(self, records: list[tuple[Text, list[tuple[str, Text]]]]):
        self.records = records

    def __rich_console__(self, console: Console, options):
        width = max(8, options.max_width - self.CONTINUATION)
        for title, fields in self.records:
            yield title
            for label, value in fields:
                if not value.plain:
                    continue
                line = Text(f"{label}: ", style="dim") + value
                for number, wrapped in enumerate(line.wrap(console, width, overflow="fold")):
                    wrapped.rstrip()
                    yield Text(" " * (self.INDENT if number == 0 else self.CONTINUATION)) + wrapped
            yield Text("")


def _speaker_text(statement: Statement, colours: SpeakerColours) -> Text:
    """The speaker cell on one line: name, (role, country), “the words the text used”."""
    speaker = statement.speaker
    text = Text(safe(speaker.name), style=f"bold {colours(speaker.name)}")
    details = ", ".join(x for x in ("anonymous" if speaker.anonymous else None, speaker.role, speaker.country) if x)
    if details:
        text.append(f" ({safe(details)})", style="dim")
    if speaker.mention.text.casefold() != speaker.name.casefold():
        text.append(" “" + safe(speaker.mention.text) + "”", style="dim italic")
    return text


def statement_blocks(document: Document, colours: SpeakerColours) -> Records:
    meetings = {m.id: m for m in document.meetings}
    participants = _participant_pattern(document)
    blocks = []
    for statement in document.statements:
        title = Text(statement.id, style="bold")
        title.append(f" {statement.kind.replace('_', ' ')}", style="dim")
        meeting = Text(" ".join(_meeting_cell(statement, meetings).plain.split()))
        blocks.append((title, [("speaker", _speaker_text(statement, colours)), ("cue", Text(safe(statement.cue.text), style="italic")),
                               ("content", _content_cell(statement, document, participants)), ("meeting", meeting)]))
    return Records(blocks)


def meeting_blocks(document: Document, with_statements: bool = False) -> Records:
    by_id = {s.id: s for s in document.statements}
    blocks = []
    for meeting in document.meetings:
        title = Text(f"{meeting.id} {meeting.type} ", style="bold")
        title.append(meeting.status, style=STATUS_STYLE.get(meeting.status, ""))
        names = Text(", ").join(_participants_cell(meeting).split("\n"))
        statements = Text(str(len(meeting.statements)))
        if with_statements:
            statements = Text("\n").join(Text(f"{sid} {safe(by_id[sid].speaker.name)}: {safe(by_id[sid].content.text)}")
                                         for sid in meeting.statements)
        blocks.append((title, [("participants", names), ("time", Text(safe(meeting.time.text) if meeting.time else "")),
                               ("place", Text(safe(meeting.place.text) if meeting.place else "")), ("statements", statements)]))
    return Records(blocks)


def speaker_blocks(rows: list[dict], colours: SpeakerColours, documents: Iterable[Document] = ()) -> Records:
    labels = _MeetingLabels(rows, documents)
    blocks = []
    for row in rows:
        fields = [("role", Text(safe(_roles_text(row)))), ("country", Text(safe(row["country"] or ""))),
                  ("statements", Text(str(row["statements"]))), ("meetings", Text(safe("; ".join(labels(row)))))]
        blocks.append((Text(safe(row["name"]), style=f"bold {colours(row['name'])}"), fields))
    return Records(blocks)


def speakers_view(rows: list[dict], console: Console, ascii_only: bool, colours: SpeakerColours, documents: Iterable[Document] = ()):
    """The speakers table fitted to the console, or one block per speaker on a narrow one."""
    if console.width < RECORDS_BELOW:
        return speaker_blocks(rows, colours, documents)
    return fit(speakers_table(rows, ascii_only, colours, documents), console)


def _speaker_cell(statement: Statement, colours: SpeakerColours) -> Text:
    speaker = statement.speaker
    cell = Text()
    cell.append(safe(speaker.name), style=f"bold {colours(speaker.name)}")  # the name only: details stay plain dim
    details = ", ".join(x for x in (speaker.role, speaker.country) if x)
    if speaker.anonymous:
        details = ", ".join(x for x in ("anonymous", details) if x)
    if details:
        cell.append("\n" + safe(details), style="dim")
    if speaker.mention.text.casefold() != speaker.name.casefold():
        cell.append("\n“" + safe(speaker.mention.text) + "”", style="dim italic")
    return cell


def _participant_words(document: Document) -> list[str]:
    """Folded words of the meeting participants' names, to highlight where the content names them."""
    words = set()
    for meeting in document.meetings:
        for participant in meeting.participants:
            words.update(w for w in fold(participant.name).split() if len(w) > 2 and w[0].isupper())
    return sorted(words, key=len, reverse=True)


def _content_cell(statement: Statement, document: Document, participant_pattern: regex.Pattern | None) -> Text:
    content = statement.content
    text = Text(safe(content.text))
    for meeting in document.meetings:
        for mention in meeting.mentions:
            if content.contains(mention):
                text.stylize("bold", mention.start - content.start, mention.end - content.start)
    if participant_pattern is not None:
        for match in participant_pattern.finditer(fold(content.text)):
            text.stylize("underline", match.start(), match.end())
    return text


def _participant_pattern(document: Document) -> regex.Pattern | None:
    words = _participant_words(document)
    if not words:
        return None
    return regex.compile(r"(?<![\p{L}\p{N}])\L<words>(?![\p{L}\p{N}])", words=words)


def _meeting_cell(statement: Statement, meetings: dict[str, Meeting]) -> Text:
    meeting = meetings.get(statement.meeting or "")
    if meeting is None:
        return Text("")
    status = statement.meeting_status or meeting.status
    cell = Text(f"{meeting.id} {meeting.type}\n")
    cell.append(status, style=STATUS_STYLE.get(status, ""))
    return cell


COMPACT_BELOW = 120  # console columns under which the kind moves under the cue, leaving the width to the content


def statements_table(document: Document, colours: SpeakerColours, ascii_only: bool, title: str | None = None, compact: bool = False) -> Table:
    """One row per statement. ``compact`` puts the kind under the cue instead of in its own column."""
    table = _table(ascii_only, title)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("speaker", max_width=28, ratio=2)
    table.add_column("cue / kind" if compact else "cue", max_width=16)
    table.add_column("content", ratio=6)
    if not compact:
        table.add_column("kind", max_width=9)
    table.add_column("meeting", max_width=14)
    meetings = {m.id: m for m in document.meetings}
    participants = _participant_pattern(document)
    for statement in document.statements:
        kind = statement.kind.replace("_", " ")
        cue = Text(safe(statement.cue.text), style="italic")
        if compact and kind != statement.cue.text.casefold():
            cue.append("\n" + kind, style="dim")
        cells = [statement.id, _speaker_cell(statement, colours), cue, _content_cell(statement, document, participants)]
        if not compact:
            cells.append(kind)
        table.add_row(*cells, _meeting_cell(statement, meetings))
    return table


def _participants_cell(meeting: Meeting) -> Text:
    cell = Text()
    for index, participant in enumerate(meeting.participants):
        if index:
            cell.append("\n")
        cell.append(safe(participant.name), style="bold")
        if participant.country and participant.country != participant.name:
            cell.append(f" ({safe(participant.country)})", style="dim")
    return cell


def meetings_table(document: Document, ascii_only: bool, title: str | None = None, with_statements: bool = False) -> Table:
    table = _table(ascii_only, title)
    table.add_column("#", style="dim", no_wrap=True)
    table.add_column("participants", ratio=2)
    table.add_column("type")
    table.add_column("status")
    table.add_column("time", ratio=1)
    table.add_column("place", ratio=1)
    table.add_column("statements", justify="right", ratio=2 if with_statements else None)
    by_id = {s.id: s for s in document.statements}
    for meeting in document.meetings:
        statements_cell = Text(str(len(meeting.statements)))
        if with_statements:
            for sid in meeting.statements:
                statement = by_id[sid]
                statements_cell.append(f"\n{sid} {safe(statement.speaker.name)}: {safe(statement.content.text)}", style="dim")
            statements_cell.justify = "left"
        table.add_row(
            meeting.id, _participants_cell(meeting), meeting.type, Text(meeting.status, style=STATUS_STYLE.get(meeting.status, "")),
            Text(safe(meeting.time.text) if meeting.time else ""), Text(safe(meeting.place.text) if meeting.place else ""), statements_cell,
        )
    return table


def speaker_rows(documents: Iterable[Document]) -> list[dict]:
    """One row per resolved speaker over the given documents (names compared as :func:`name_key`s).

    ``roles`` lists each role the speaker held with the documents it was held in: a role is read
    in each document's own year, so one person can be vice president in one document and
    president in another. ``meetings`` are references ``{"doc", "id"}`` to meeting records."""
    rows: dict[tuple[str, str | None], dict] = {}
    for document in documents:
        for statement in document.statements:
            speaker = statement.speaker
            key = (name_key(speaker.name), speaker.country)
            row = rows.setdefault(key, {"name": speaker.name, "roles": [], "country": speaker.country, "country_codes": country_codes(speaker.country),
                                        "anonymous": speaker.anonymous, "statements": 0, "meetings": []})
            row["statements"] += 1
            if speaker.role:
                held = next((r for r in row["roles"] if r["role"] == speaker.role), None)
                if held is None:
                    row["roles"].append({"role": speaker.role, "docs": [document.doc]})
                elif document.doc not in held["docs"]:
                    held["docs"].append(document.doc)
            if statement.meeting:
                reference = {"doc": document.doc, "id": statement.meeting}
                if reference not in row["meetings"]:
                    row["meetings"].append(reference)
    return sorted(rows.values(), key=lambda r: (-r["statements"], r["name"]))


SPEAKER_CSV_COLUMNS = ("name", "roles", "country", "iso2", "iso3", "cameo", "anonymous", "statements", "meetings")


def flat_speaker(row: dict) -> dict:
    """A speaker row for CSV/TSV: lists joined with LIST_SEPARATOR, a meeting as ``doc#id``."""
    return {"name": row["name"], "roles": LIST_SEPARATOR.join(r["role"] for r in row["roles"]), "country": row["country"] or "",
            **_flat_codes("", row.get("country_codes")), "anonymous": str(row["anonymous"]).lower(), "statements": row["statements"],
            "meetings": LIST_SEPARATOR.join(f"{m['doc']}#{m['id']}" for m in row["meetings"])}


def _roles_text(row: dict) -> str:
    """A speaker row's role; several, each with the documents it was held in."""
    roles = row["roles"]
    if len(roles) == 1:
        return roles[0]["role"]
    return "\n".join(f"{r['role']} ({', '.join(r['docs'])})" for r in roles)


class _MeetingLabels:
    """The meetings a speaker row refers to, described from ``documents`` (those the rows came from)."""

    def __init__(self, rows: list[dict], documents: Iterable[Document]):
        self.meetings = {(document.doc, meeting.id): meeting for document in documents for meeting in document.meetings}
        self.several = len({doc for doc, _ in self.meetings}) > 1 or len({m["doc"] for row in rows for m in row["meetings"]}) > 1

    def __call__(self, row: dict) -> list[str]:
        labels = []
        for reference in row["meetings"]:
            meeting = self.meetings.get((reference["doc"], reference["id"]))
            label = f"{reference['doc']} {reference['id']}" if self.several else reference["id"]
            if meeting is not None:
                names = " – ".join(p.name for p in meeting.participants)
                label += f": {names} ({meeting.type}, {meeting.status})" if names else f": {meeting.type}, {meeting.status}"
            labels.append(label)
        return labels


def speakers_table(rows: list[dict], ascii_only: bool, colours: SpeakerColours, documents: Iterable[Document] = ()) -> Table:
    """The speakers view; ``documents`` (those the rows came from) describe the meetings referred to."""
    labels = _MeetingLabels(rows, documents)
    table = _table(ascii_only)
    table.add_column("speaker", ratio=1)
    table.add_column("role", ratio=1)
    table.add_column("country", ratio=1)
    table.add_column("statements", justify="right")
    table.add_column("meetings spoken about", ratio=5)
    for row in rows:
        table.add_row(Text(safe(row["name"]), style=f"bold {colours(row['name'])}"), Text(safe(_roles_text(row)), style="dim"),
                      Text(safe(row["country"] or ""), style="dim"), str(row["statements"]), Text(safe("\n".join(labels(row)))))
    return table


def summary_line(document: Document) -> Text:
    return Tally().add(document).line()


def heading(doc: str, ascii_only: bool) -> Rule:
    return Rule(Text(safe(doc), style="bold"), align="left", characters="-" if ascii_only else "─", style="dim")


def document_view(console: Console, document: Document, view: str, colours: SpeakerColours, ascii_only: bool, with_heading: bool,
                  with_statements: bool = False) -> Group:
    """What the table format prints for one document: heading, table(s), summary line."""
    parts: list = []
    if with_heading:
        parts.append(heading(document.doc, ascii_only))
    narrow = console.width < RECORDS_BELOW
    if view == "meetings":
        if document.meetings:
            parts.append(meeting_blocks(document, with_statements) if narrow
                         else fit(meetings_table(document, ascii_only, with_statements=with_statements), console))
        else:
            parts.append(Text("no meetings found", style="dim italic"))
    else:
        if document.statements:
            parts.append(statement_blocks(document, colours) if narrow
                         else fit(statements_table(document, colours, ascii_only, compact=console.width < COMPACT_BELOW), console))
        else:
            parts.append(Text("no attributed statements found", style="dim italic"))
        if document.meetings:
            parts.append(Text("meetings", style="bold"))
            parts.append(meeting_blocks(document) if narrow else fit(meetings_table(document, ascii_only), console))
    parts.append(summary_line(document))
    return Group(*parts)


def print_document(console: Console, document: Document, view: str, colours: SpeakerColours, ascii_only: bool, heading: bool,
                   with_statements: bool = False) -> None:
    console.print(document_view(console, document, view, colours, ascii_only, heading, with_statements))


# ------------------------------------------------------------------------------ --explain

_SENTENCE_END = regex.compile(r"[.!?][\"”’)]*(?=\s|\Z)|\n")
EXPLAIN_WINDOW = 300  # characters of context at most on each side of a statement


def statement_sentence(text: str, statement: Statement) -> tuple[int, int]:
    """Bounds of the sentence(s) a statement spans: from the sentence start before its first span to
    the sentence end after its last, within EXPLAIN_WINDOW characters."""
    spans = (statement.speaker.mention, statement.cue, statement.content)
    lo = min(s.start for s in spans)
    hi = max(s.end for s in spans)
    floor = max(0, lo - EXPLAIN_WINDOW)
    start = floor
    for match in regex.finditer(r"[.!?][\"”’)]*\s+|\n", text, pos=floor, endpos=lo):
        start = match.end()
    end_match = _SENTENCE_END.search(text, hi, min(len(text), hi + EXPLAIN_WINDOW))
    end = end_match.end() if end_match else min(len(text), hi + EXPLAIN_WINDOW)
    if text[end - 1:end] == "\n":
        end -= 1
    return start, end


def marked_sentence(text: str, statement: Statement, colours: SpeakerColours) -> Text:
    """The statement's sentence with ``[speaker: ...]``, ``[cue: ...]`` and ``[content: ...]`` marked,
    readable with and without colour."""
    start, end = statement_sentence(text, statement)
    marks = [(statement.speaker.mention, "speaker", f"bold {colours(statement.speaker.name)}"),
             (statement.cue, "cue", "bold yellow"), (statement.content, "content", "underline")]
    events: list[tuple[int, int, str, str]] = []  # offset, order, kind, label/style
    for span, label, style in marks:
        events.append((span.start, 1, "open", f"{label}\0{style}"))
        events.append((span.end, 0, "close", f"{label}\0{style}"))
    events.sort(key=lambda e: (e[0], e[1]))
    line = Text()
    position = start
    open_styles: list[str] = []
    for offset, _, kind, payload in events:
        offset = min(max(offset, start), end)
        segment = safe(text[position:offset])
        line.append(segment, style=" ".join(open_styles) or None)
        position = offset
        label, style = payload.split("\0")
        if kind == "open":
            line.append(f"[{label}: ", style="dim")
            open_styles.append(style)
        else:
            line.append("]", style="dim")
            if style in open_styles:
                open_styles.remove(style)
    line.append(safe(text[position:end]))
    return line


class _Indented:
    """Texts wrapped to the width less an indent, each line indented, then a blank line. Unlike
    rich's Padding it adds no trailing spaces, so the plain-text explanation greps cleanly."""

    def __init__(self, texts: list[Text], indent: int = 2):
        self.texts = texts
        self.indent = indent

    def __rich_console__(self, console: Console, options):
        width = max(8, options.max_width - self.indent)
        for text in self.texts:
            for line in text.wrap(console, width):
                line.rstrip()
                yield Text(" " * self.indent) + line
        yield Text("")


def explain_view(document: Document, colours: SpeakerColours, with_heading: bool = False, ascii_only: bool = True) -> Group:
    """Per statement: the rule that fired, the sentence with the three parts marked, and what they resolved to."""
    parts: list = []
    if with_heading:
        parts.append(heading(document.doc, ascii_only))
    meetings = {m.id: m for m in document.meetings}
    shown_text = document.text
    if document.unwrapped:
        from diplo_cli.text.unwrap import analysis_text

        shown_text = analysis_text(document.text)  # same length: offsets hold, folded sentences show whole
        breaks = "line break" if document.unwrapped == 1 else "line breaks"
        parts.append(Text(f"hard-wrapped text: {document.unwrapped} {breaks} inside paragraphs read as spaces"
                          " (--no-unwrap keeps them)", style="dim"))
    for statement in document.statements:
        speaker = statement.speaker
        header = Text(statement.id, style="bold")
        header.append(f"  {statement.kind.replace('_', ' ')}  ")
        header.append(statement.rule, style="bold magenta")
        parts.append(header)
        resolved = Text()
        resolved.append("speaker ", style="dim")
        resolved.append(safe(speaker.name), style=f"bold {colours(speaker.name)}")
        details = ", ".join(x for x in (speaker.role, speaker.country, "anonymous" if speaker.anonymous else None) if x)
        resolved.append(f" ({safe(details)})" if details else "", style="dim")
        resolved.append(f", from the {speaker.mention_kind} “{safe(speaker.mention.text)}”", style="dim")
        lines = [marked_sentence(shown_text, statement, colours), resolved,
                 Text(f"offsets: speaker {speaker.mention.start}-{speaker.mention.end}, cue {statement.cue.start}-{statement.cue.end},"
                      f" content {statement.content.start}-{statement.content.end}", style="dim")]
        meeting = meetings.get(statement.meeting or "")
        if meeting is not None:
            about = Text()
            about.append(f"about {meeting.id}: {meeting.type}, ", style="dim")
            status = statement.meeting_status or meeting.status
            about.append(status, style=STATUS_STYLE.get(status, ""))
            names = ", ".join(p.name for p in meeting.participants)
            about.append(f" ({safe(names)})" if names else "", style="dim")
            lines.append(about)
        parts.append(_Indented(lines))
    if not document.statements:
        parts.append(Text("no attributed statements found", style="dim italic"))
    return Group(*parts)


def meeting_explain_view(document: Document, with_heading: bool = False, ascii_only: bool = True) -> Group:
    """Per meeting: each mention with what set its status and why it joined, then why each statement is linked."""
    parts: list = [heading(document.doc, ascii_only)] if with_heading else []
    for meeting in document.meetings:
        header = Text(meeting.id, style="bold")
        header.append(f"  {meeting.type}  ")
        header.append(meeting.status, style=STATUS_STYLE.get(meeting.status, ""))
        names = ", ".join(p.name for p in meeting.participants)
        header.append(f"  ({safe(names)})" if names else "", style="dim")
        parts.append(header)
        parts.append(_Indented([Text(safe(line), style="dim") for line in meeting.explain]))
    if not document.meetings:
        parts.append(Text("no meetings found", style="dim italic"))
    return Group(*parts)


CANDIDATE_CONTEXT = 60  # characters shown on each side of a candidate's span
_OUTCOME_STYLE = {"kept": "green", "dropped": "red", "no row": "yellow"}


def candidates_view(explanation) -> Group:
    """``diplo explain``: every candidate with its context, outcome and the rule ids that decided it."""
    text = explanation.document.text
    parts: list = []
    for candidate in explanation.candidates:
        span = candidate.span
        header = Text(f"{candidate.stage}  ", style="bold")
        header.append(candidate.outcome, style=_OUTCOME_STYLE.get(candidate.outcome, ""))
        if candidate.row:
            header.append(f" as {candidate.row}", style="bold")
        if candidate.dropped_by:
            header.append(" by ")
            header.append(candidate.dropped_by, style="bold magenta")
        header.append(f"  {span.start}-{span.end}", style="dim")
        parts.append(header)
        lo, hi = max(0, span.start - CANDIDATE_CONTEXT), min(len(text), span.end + CANDIDATE_CONTEXT)
        context = Text(("..." if lo else "") + safe(text[lo:span.start].replace("\n", " ")), style="dim")
        context.append(safe(span.text), style="bold yellow")
        context.append(safe(text[span.end:hi].replace("\n", " ")) + ("..." if hi < len(text) else ""), style="dim")
        lines = [context]
        for event in candidate.events:
            line = Text(f"{event.action:<8} ", style=_OUTCOME_STYLE.get("dropped" if event.action == "vetoed" else "", ""))
            line.append(event.rule, style="magenta")
            if event.note:
                line.append(f"  {safe(event.note)}", style="dim")
            lines.append(line)
        parts.append(_Indented(lines))
    if not explanation.candidates:
        parts.append(Text("no candidate: no cue, reporting noun or meeting word was found", style="dim italic"))
    return Group(*parts)


def print_explain(console: Console, document: Document, colours: SpeakerColours | None = None) -> None:
    console.print(explain_view(document, colours or SpeakerColours()))
