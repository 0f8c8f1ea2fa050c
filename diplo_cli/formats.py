"""The machine formats: documents as records, JSON, JSON Lines, CSV and TSV, and :func:`safe`.

Split from :mod:`diplo_cli.render` (which re-exports every name) so that a run writing JSON Lines,
JSON, CSV or TSV never imports rich: its import was a tenth of the start-up of one small file.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

import regex

from diplo_cli.language.codes import CODE_FIELDS
from diplo_cli.models import Document

CSV_COLUMNS = (
    "doc", "id", "kind", "speaker", "speaker_name", "speaker_role", "speaker_country", "speaker_iso2", "speaker_iso3", "speaker_cameo",
    "speaker_anonymous", "speaker_mention",
    "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
    "meeting", "meeting_status", "rule", "confidence", "relaxed", "via",
)
LIST_SEPARATOR = "; "  # between the items of a list in one CSV/TSV cell (participants, their countries, statement ids, meetings)
# A control or format character, or a line or paragraph separator, other than a line feed or a tab: an
# ASCII control (all Cc) or a character outside ASCII, then a look-behind for the class. Why not the
# V1 set difference [\p{Cc}\p{Cf}\p{Zl}\p{Zp}--[\n\t]]: regex tries a set difference at every place
# of the text (11.4 ms per 512 KB of news for safe(), against 4.1); the same characters match
# (tests/test_thru9_formats.py checks every code point).
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\U0010ffff](?<=[\p{Cc}\p{Cf}\p{Zl}\p{Zp}])")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" of C0 controls: ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def safe(text: str) -> str:
    """Input text made safe for a terminal: control and format characters made visible.

    Each such character becomes exactly one visible character (``ESC`` -> ``␛``, a bidi override
    -> ``�``), so offsets into the text stay offsets into the safe text and spans can be marked.
    """
    return _CONTROL.sub(lambda m: _visible(m.group()), text)


# ------------------------------------------------------------------------------ machine formats

def statement_records(document: Document) -> Iterable[dict]:
    carried = _carried(document)
    for statement in document.statements:
        yield _with_source_offsets(statement.to_dict(document.doc), document.source_map) | carried


def meeting_records(document: Document, nested: bool = False) -> Iterable[dict]:
    """Meeting records as JSON Lines prints them; ``nested`` adds ``statement_records``, the full
    records of the statements its ``statements`` ids name, so each meeting is one self-contained record."""
    carried = _carried(document)
    by_id = {record["id"]: record for record in statement_records(document)} if nested else {}
    for meeting in document.meetings:
        record = _with_source_offsets(meeting.to_dict(document.doc), document.source_map) | carried
        if nested:
            record["statement_records"] = [by_id[sid] for sid in meeting.statements if sid in by_id]
        yield record


def document_record(document: Document, nested: bool = False) -> dict:
    """One document of ``--format json``: its statement and meeting records as JSON Lines prints them
    (``nested``: each meeting with its statements' records, as :func:`meeting_records`)."""
    return {"doc": document.doc, "statements": list(statement_records(document)), "meetings": list(meeting_records(document, nested)),
            **_carried(document)}


def _carried(document: Document) -> dict:
    """What the input said about the document (--date-field, --keep-field), for every record of it."""
    carried: dict = {}
    if document.document_date is not None:
        carried["document_date"] = document.document_date
    if document.metadata:
        carried["fields"] = dict(document.metadata)
    return carried


def _with_source_offsets(record: dict, source_map) -> dict:
    """Every span of ``record`` (a dict with ``start`` and ``end``) also given its position in the HTML source."""
    if source_map is None:
        return record
    if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
        record["source_start"], record["source_end"] = source_map.span(record["start"], record["end"])
    for value in record.values():
        if isinstance(value, dict):
            _with_source_offsets(value, source_map)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _with_source_offsets(item, source_map)
    return record


def carried_columns(keep_fields: tuple[str, ...], with_date: bool, base: tuple[str, ...]) -> tuple[str, ...]:
    """The CSV columns after ``base`` for the carried metadata: ``document_date``, then each kept field
    (``field_NAME`` when NAME is already a column)."""
    columns = ("document_date",) if with_date else ()
    return columns + tuple(f"field_{name}" if name in base or name == "document_date" else name for name in keep_fields)


def _flat_carried(record: dict, base: tuple[str, ...]) -> dict:
    flat = {}
    if "document_date" in record:
        flat["document_date"] = record["document_date"]
    for name, value in record.get("fields", {}).items():
        column = f"field_{name}" if name in base or name == "document_date" else name
        flat[column] = "" if value is None else value if isinstance(value, (str, int, float)) else json.dumps(value, ensure_ascii=False)
    return flat


def write_jsonl(records: Iterable[dict], stream: IO[str]) -> None:
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False))
        stream.write("\n")


@dataclass(frozen=True, slots=True)
class WrittenDocument:
    """One document's JSON Lines, written where it was extracted (a worker under ``-j N``), with what the
    run's summary counts of it: the parent writes the text as it comes instead of receiving the whole
    document and writing its records itself."""

    doc: str
    text: str
    statements: int
    speakers: frozenset[str]
    meetings: int


def written_jsonl(document: Document, view: str = "statements", with_statements: bool = False) -> WrittenDocument:
    """``document``'s records as ``-f jsonl`` prints them in ``view`` (``statements`` or ``meetings``)."""
    records = meeting_records(document, with_statements) if view == "meetings" else statement_records(document)
    out = io.StringIO()
    write_jsonl(records, out)
    return WrittenDocument(document.doc, out.getvalue(), len(document.statements),
                           frozenset(s.speaker.name for s in document.statements), len(document.meetings))


def flat_statement(record: dict) -> dict:
    speaker = record["speaker"]
    return {
        "doc": record["doc"], "id": record["id"], "kind": record["kind"],
        "speaker": speaker["text"], "speaker_name": speaker["name"], "speaker_role": speaker["role"] or "",
        "speaker_country": speaker["country"] or "", **_flat_codes("speaker_", speaker.get("country_codes")), "speaker_anonymous": str(speaker["anonymous"]).lower(),
        "speaker_mention": speaker["mention"],
        "speaker_start": speaker["start"], "speaker_end": speaker["end"],
        "cue": record["cue"]["text"], "cue_start": record["cue"]["start"], "cue_end": record["cue"]["end"],
        "content": record["content"]["text"], "content_start": record["content"]["start"], "content_end": record["content"]["end"],
        "meeting": record["meeting"] or "", "meeting_status": record["meeting_status"] or "", "rule": record["rule"],
        "confidence": record["confidence"], "relaxed": " ".join(record["relaxed"]), "via": record["via"] or "",
        **_flat_carried(record, CSV_COLUMNS),
    }


MEETING_CSV_COLUMNS = ("doc", "id", "type", "status", "participants", "participant_countries", "participant_iso2", "participant_iso3",
                       "participant_cameo", "time", "place", "statements", "cameo", "plover")


def _flat_codes(prefix: str, codes: dict | None) -> dict:
    """The country codes as CSV cells ``{prefix}iso2`` ...; empty where the country has none."""
    return {f"{prefix}{code}": (codes or {}).get(code) or "" for code in CODE_FIELDS}


def flat_meeting(record: dict) -> dict:
    return {
        "doc": record["doc"], "id": record["id"], "type": record["type"], "status": record["status"],
        "participants": LIST_SEPARATOR.join(p["name"] for p in record["participants"]),
        # one item per participant, in the same order, empty where the country is not known
        "participant_countries": LIST_SEPARATOR.join(p["country"] or "" for p in record["participants"]),
        **{f"participant_{code}": LIST_SEPARATOR.join((p.get("country_codes") or {}).get(code) or "" for p in record["participants"])
           for code in CODE_FIELDS},
        "time": record["time"]["text"] if record["time"] else "",
        "place": record["place"]["text"] if record["place"] else "",
        "statements": LIST_SEPARATOR.join(record["statements"]), "cameo": record["cameo"] or "", "plover": record["plover"] or "",
        **_flat_carried(record, MEETING_CSV_COLUMNS),
    }


# A spreadsheet runs a cell that begins with one of these as a formula ('=HYPERLINK(...)' from a
# hostile article); OWASP's advice for CSV export is a leading apostrophe, which the sheet hides.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


class DelimitedWriter:
    """CSV/TSV with one header row, written once, then one row per record.

    Text cells that a spreadsheet would run as a formula get a leading ``'`` unless ``raw_cells``.
    """

    def __init__(self, stream: IO[str], columns: tuple[str, ...], delimiter: str = ",", raw_cells: bool = False):
        self.writer = csv.DictWriter(stream, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
        self.header_written = False
        self.raw_cells = raw_cells

    def write(self, rows: Iterable[dict]) -> None:
        if not self.header_written:
            self.writer.writeheader()
            self.header_written = True
        tabs = self.writer.writer.dialect.delimiter == "\t"
        for row in rows:
            if tabs or not self.raw_cells:
                row = {k: self._cell(v, tabs) for k, v in row.items()}
            self.writer.writerow(row)

    def _cell(self, value, tabs: bool):
        if not isinstance(value, str):
            return value
        if not self.raw_cells:
            value = neutralise_formula(value)
        return value.replace("\t", " ").replace("\n", " ") if tabs else value


class JsonDocumentsWriter:
    """``{"documents": [...]}`` written statement by statement, so memory stays flat even for one
    large document streamed in parts; :meth:`close` completes valid JSON whenever the run stops.

    Each ``write`` to the stream is a complete piece (separator and value together), so an interrupt
    between two writes never leaves a dangling comma. A document's meetings come after its statements
    in the object, so they are held until it ends: in memory while they are few, and past
    :data:`MEETINGS_IN_MEMORY` in a temporary file (one JSON value a line), since a long text streamed in
    windows can hold thousands of meetings."""

    MEETINGS_IN_MEMORY = 1000

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0
        self._open_statements = -1  # statements written in the open document; -1: none is open
        self._meetings: list[str] = []  # the open document's meetings as JSON, not yet spooled
        self._spool: IO[str] | None = None  # its earlier meetings, when there were many
        self._meetings_open = False  # the meetings array is being written (an interrupt there is closed by close)

    def write(self, record: dict) -> None:
        """One whole document given as its dict."""
        self._end_document()
        self.stream.write(self._separator() + json.dumps(record, ensure_ascii=False))
        self.count += 1

    def write_document(self, document, continues: bool = False) -> None:
        """A :class:`~diplo_cli.models.Document`, or with ``continues`` the next part of the one before."""
        if not continues or self._open_statements < 0:
            self._end_document()
            head = json.dumps({"doc": document.doc, **_carried(document)}, ensure_ascii=False)[:-1]  # the object left open
            self.stream.write(self._separator() + head + ', "statements": [')
            self.count += 1
            self._open_statements = 0
        for record in statement_records(document):
            self.stream.write(("" if self._open_statements == 0 else ", ") + json.dumps(record, ensure_ascii=False))
            self._open_statements += 1
        self._meetings.extend(json.dumps(m, ensure_ascii=False) for m in meeting_records(document))
        if len(self._meetings) > self.MEETINGS_IN_MEMORY:
            if self._spool is None:
                self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by _end_document or close)
            self._spool.writelines(m + "\n" for m in self._meetings)  # json.dumps writes no line break inside a value
            self._meetings = []

    def _separator(self) -> str:
        return '{"documents": [\n' if self.count == 0 else ",\n"

    def _end_document(self) -> None:
        if self._open_statements < 0:
            return
        if self._spool is None:  # one piece: an interrupt before it leaves the document open for close
            self.stream.write('], "meetings": [' + ", ".join(self._meetings) + "]}")
            self._open_statements, self._meetings = -1, []
            return
        self.stream.write('], "meetings": [')
        self._open_statements, self._meetings_open = -1, True
        self._spool.seek(0)
        for index, line in enumerate(itertools.chain(self._spool, self._meetings)):
            self.stream.write(("" if index == 0 else ", ") + line.rstrip("\n"))
        self.stream.write("]}")
        self._spool.close()
        self._meetings, self._spool, self._meetings_open = [], None, False

    def close(self) -> None:
        if self._meetings_open:  # stopped while writing a document's meetings: each one written is whole
            self.stream.write("]}")
            self._meetings_open = False
            if self._spool is not None:
                self._spool.close()
            self._meetings, self._spool = [], None
        self._end_document()
        self.stream.write(('{"documents": [' if self.count == 0 else "") + "\n]}\n")


class Tally:
    """Counts for the summary line: of one document, or added up over a run."""

    def __init__(self) -> None:
        self.documents = 0
        self.statements = 0
        self.speakers: set[str] = set()
        self.meetings = 0

    def add(self, document: Document) -> Tally:
        self.documents += 1
        self.statements += len(document.statements)
        self.speakers.update(s.speaker.name for s in document.statements)
        self.meetings += len(document.meetings)
        return self

    def add_written(self, written: WrittenDocument) -> Tally:
        """:meth:`add` for a document written where it was extracted."""
        self.documents += 1
        self.statements += written.statements
        self.speakers.update(written.speakers)
        self.meetings += written.meetings
        return self

    def words(self, total: bool = False) -> str:
        """``3 statements · 2 speakers · 1 meeting`` (with ``total``: ``total: ...`` and the documents)."""
        def count(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        parts = [count(self.statements, "statement"), count(len(self.speakers), "speaker"), count(self.meetings, "meeting")]
        if total:
            parts.append(count(self.documents, "document"))
        return ("total: " if total else "") + " · ".join(parts)

    def line(self, total: bool = False):
        """:meth:`words` as a rich Text for a table view (rich is imported here: the machine formats never need it)."""
        from rich.text import Text

        return Text(self.words(total), style="bold" if total else "dim")
