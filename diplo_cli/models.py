"""The typed records that flow between the pipeline stages.

Every stage takes and returns these frozen dataclasses. ``to_dict()`` on each is the JSON
contract printed by ``--format json/jsonl``: field names there are stable, new fields may be
added. Every extracted piece of text is a :class:`Span` whose offsets index the decoded input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplo_cli.language.codes import country_codes


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the decoded text: ``text[start:end] == span.text``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(source[start:end], start, end)

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the decoded text, with the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """A raw attribution before speaker resolution: who (as written), cue, content."""

    speaker: Span
    cue: Span
    content: Span
    kind: str  # one of constants.STATEMENT_KINDS but "turn"
    rule: str  # dotted rule id, e.g. "attribution.indirect.subject_cue"
    sentence: int  # index into the document's sentences (where the cue is)
    relaxed: tuple[str, ...] = ()  # checks relaxed to find it (a weaker reading): data/en/confidence.toml [relaxed]


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the mention as written plus who it refers to."""

    mention: Span
    name: str
    role: str | None = None
    country: str | None = None
    anonymous: bool = False
    mention_kind: str = "name"  # name | title | role | pronoun | organisation | anonymous | label

    def to_dict(self) -> dict:
        return {
            **self.mention.to_dict(),
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "country_codes": country_codes(self.country),
            "anonymous": self.anonymous,
            "mention": self.mention_kind,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement: speaker + cue + content, and the meeting it is about."""

    id: str
    kind: str  # one of constants.STATEMENT_KINDS
    speaker: Speaker
    cue: Span
    content: Span
    rule: str
    meeting: str | None = None
    meeting_status: str | None = None
    confidence: float = 1.0  # 0-1: the rule family's base, lowered by relaxed checks (see language/confidence.py)
    relaxed: tuple[str, ...] = ()
    via: str | None = None  # id of the statement that reports this one ("X said P, according to Y")

    def to_dict(self, doc: str) -> dict:
        return {
            "doc": doc,
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "meeting": self.meeting,
            "meeting_status": self.meeting_status,
            "rule": self.rule,
            "confidence": self.confidence,
            "relaxed": list(self.relaxed),
            "via": self.via,
        }


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    country: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "country_codes": country_codes(self.country)}


@dataclass(frozen=True, slots=True)
class Meeting:
    """One diplomatic event of the document, however many times it is mentioned."""

    id: str
    type: str  # one of constants.MEETING_TYPES
    status: str  # one of constants.MEETING_STATUSES
    participants: tuple[Participant, ...]
    time: Span | None
    place: Span | None
    mentions: tuple[Span, ...]
    statements: tuple[str, ...] = ()
    cameo: str | None = None
    plover: str | None = None
    time_date: str | None = None  # ISO date, month, year or start/end range of ``time``, when anchored
    time_precision: str | None = None  # day | week | month | year
    explain: tuple[str, ...] = ()  # why it exists, what set its status, why each statement is linked (--explain; not in records)

    def time_dict(self) -> dict | None:
        if self.time is None:
            return None
        if self.time_date is None:
            return self.time.to_dict()
        return {**self.time.to_dict(), "date": self.time_date, "precision": self.time_precision}

    def to_dict(self, doc: str) -> dict:
        return {
            "doc": doc,
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "participants": [p.to_dict() for p in self.participants],
            "time": self.time_dict(),
            "place": self.place.to_dict() if self.place else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "statements": list(self.statements),
            "cameo": self.cameo,
            "plover": self.plover,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """The result of :func:`diplo_cli.extract` for one text."""

    doc: str
    text: str
    statements: tuple[Statement, ...]
    meetings: tuple[Meeting, ...]
    warnings: tuple[str, ...] = field(default=())
    # the article's date: the ISO date meeting times are anchored to (--date, a --date-field value that
    # reads as a date, or the dateline), else a --date-field value as the input gave it
    document_date: str | None = None
    metadata: tuple[tuple[str, object], ...] = ()  # JSON Lines fields kept with --keep-field, in the order asked
    source_map: object | None = None  # an html_text.SourceMap when the text was extracted from HTML
    unwrapped: int = 0  # line breaks read as spaces inside hard-wrapped paragraphs (see text/unwrap.py)

    def to_dict(self) -> dict:
        return {
            "doc": self.doc,
            "statements": [s.to_dict(self.doc) for s in self.statements],
            "meetings": [m.to_dict(self.doc) for m in self.meetings],
        }
