"""extract(): the whole path for one text, stage after stage, returning a :class:`Document`.

decode (done by the caller for bytes) -> segment -> attribution -> speakers -> meetings -> link.
The library never prints and never exits; problems are raised as :class:`DiploError`.

Large inputs. A text longer than :data:`LARGE_TEXT` characters (a day of wire copy pasted into one
file, a year of transcripts) is processed in bounded windows cut at paragraph boundaries: each
window carries up to :data:`CONTEXT` characters of the paragraphs before it, so that pronouns and
role nouns at its start still find their antecedents, and keeps only the statements whose cue and
the meetings with a mention in its own part. Offsets stay offsets into the whole text; statement
and meeting ids run on across windows. Run time is then linear in the input and memory bounded by
the window, whatever the stages do inside one window. Deliberate limits: a meeting mentioned in
two windows is two meetings; a quotation running over a window cut is cut with it. Documents up
to :data:`LARGE_TEXT` characters (any news article) are processed whole, exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from . import scanning
from .attribution import AttributionFinder, nest_reports
from .confidence import ConfidenceTable
from .errors import ExtractionTimeout
from .lexicons import Lexicon, default_lexicon
from .meetings import MeetingFinder, link_meetings
from .models import Document, Meeting, Span, Statement
from .segment import find_turns, segment_sentences
from .speakers import resolve_speakers

LARGE_TEXT = 100_000  # characters; longer texts are processed in windows
WINDOW = 16_000  # characters of new text per window (a window's own part)
CONTEXT = 3_000  # characters of earlier paragraphs carried before each window


def extract(text: str, doc: str = "-", *, lexicon: Lexicon | None = None, year: int | None = None) -> Document:
    """Find who said what about which meeting in ``text``.

    ``year`` (the document's date, when known) picks the office holder for role nouns such as
    ``the President`` from the gazetteer's dated roles.
    """
    lexicon = lexicon or default_lexicon()
    if len(text) <= LARGE_TEXT:
        return _extract_whole(text, doc, lexicon, year)
    statements: list[Statement] = []
    meetings: list[Meeting] = []
    for part in renumber(extract_window(window, doc, lexicon=lexicon, year=year) for window in text_windows(text)):
        statements.extend(part.statements)
        meetings.extend(part.meetings)
    return Document(doc, text, tuple(statements), tuple(meetings))


def _extract_whole(text: str, doc: str, lexicon: Lexicon, year: int | None) -> Document:
    try:
        return _run_stages(text, doc, lexicon, year)
    except TimeoutError:  # the regex time-out safety net (scanning.PATTERN_TIMEOUT) fired
        raise ExtractionTimeout(f"a rule ran longer than {scanning.PATTERN_TIMEOUT:g} s on this text; skipped") from None


def _run_stages(text: str, doc: str, lexicon: Lexicon, year: int | None) -> Document:
    sentences = segment_sentences(text, lexicon)
    turns = find_turns(text, lexicon)
    finder = lexicon.stage("attribution", AttributionFinder)
    attributions = finder.find(text, sentences, turns)
    speakers, tracker = resolve_speakers(text, sentences, attributions, lexicon, turns, year)
    confidence = lexicon.stage("confidence", ConfidenceTable.build)
    statements = [
        Statement(f"s{index}", a.kind, speaker, a.cue, a.content, a.rule,
                  confidence=confidence.score(a, speaker), relaxed=a.relaxed)
        for index, (a, speaker) in enumerate(zip(attributions, speakers), 1)
    ]
    statements = nest_reports(statements)
    meeting_finder = lexicon.stage("meetings", MeetingFinder)
    mentions, drafts = meeting_finder.find(text, sentences, tracker, statements)
    meetings, statements = link_meetings(drafts, mentions, statements)
    return Document(doc, text, tuple(statements), tuple(meetings))


# ------------------------------------------------------------------------------ windows

@dataclass(frozen=True, slots=True)
class Window:
    """A bounded piece of a large text: ``text[:own]`` is context, ``text[own:]`` its own part.

    ``offset`` is where ``text`` starts in the whole document.
    """

    text: str
    offset: int
    own: int


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a window in ``text[lo:hi]``: after a line break, else a sentence, else a space."""
    for separator in ("\n", ". ", "? ", "! ", " "):
        found = text.rfind(separator, lo, hi)
        if found >= 0:
            return found + len(separator)
    return hi


def _context_start(text: str, own_start: int) -> int:
    """Start of the context before ``own_start``: the first line start within :data:`CONTEXT`."""
    lo = max(0, own_start - CONTEXT)
    if lo == 0:
        return 0
    newline = text.find("\n", lo, own_start)
    return newline + 1 if newline >= 0 else own_start


def text_windows(text: str) -> Iterator[Window]:
    """The windows of a text held in memory (see :func:`stream_windows` for a stream)."""
    return stream_windows(text[i : i + WINDOW] for i in range(0, len(text), WINDOW))


def stream_windows(chunks: Iterable[str]) -> Iterator[Window]:
    """Cut a text arriving in pieces into windows; memory is bounded by a few windows.

    The pieces may be of any size; they are joined and cut at line breaks (or, inside a very long
    line, at a sentence end or a space), so that no window is much larger than :data:`WINDOW`.
    """
    buffer = ""
    base = 0  # offset of buffer[0] in the whole text
    own_start = 0  # offset in buffer where the next window's own part begins
    for chunk in chunks:
        if not chunk:
            continue
        buffer += chunk
        while len(buffer) - own_start > WINDOW + WINDOW // 4:
            end = _cut(buffer, own_start + WINDOW // 2, own_start + WINDOW)
            start = _context_start(buffer, own_start)
            yield Window(buffer[start:end], base + start, own_start - start)
            # keep only what the next window's context can need
            keep = _context_start(buffer, end)
            buffer = buffer[keep:]
            base += keep
            own_start = end - keep
    if len(buffer) > own_start or base == 0:
        start = _context_start(buffer, own_start)
        yield Window(buffer[start:], base + start, own_start - start)


def extract_window(window: Window, doc: str = "-", *, lexicon: Lexicon | None = None, year: int | None = None) -> Document:
    """Extract one window; offsets are into the whole text, ids local (see :func:`renumber`).

    The returned document's ``text`` is the window's own part, not the whole text.
    """
    lexicon = lexicon or default_lexicon()
    found = _extract_whole(window.text, doc, lexicon, year)
    own, shift = window.own, window.offset
    statements = [s for s in found.statements if s.cue.start >= own]
    kept_ids = {s.id for s in statements}
    linked = {s.meeting for s in statements if s.meeting}
    meetings = [m for m in found.meetings if m.id in linked or any(mention.start >= own for mention in m.mentions)]
    statements = [_shift_statement(s, shift) for s in statements]
    meetings = [_shift_meeting(m, shift, kept_ids) for m in meetings]
    return Document(doc, window.text[own:], tuple(statements), tuple(meetings))


class Renumbering:
    """Document-wide ids for the statements and meetings of consecutive window results."""

    def __init__(self) -> None:
        self.statements = 0
        self.meetings = 0

    def next(self, part: Document) -> Document:
        statement_ids = {s.id: f"s{self.statements + n}" for n, s in enumerate(part.statements, 1)}
        meeting_ids = {m.id: f"m{self.meetings + n}" for n, m in enumerate(part.meetings, 1)}
        self.statements += len(statement_ids)
        self.meetings += len(meeting_ids)
        statements = tuple(
            replace(s, id=statement_ids[s.id], meeting=meeting_ids.get(s.meeting) if s.meeting else None,
                    meeting_status=s.meeting_status if s.meeting in meeting_ids else None,
                    via=statement_ids.get(s.via) if s.via else None)
            for s in part.statements
        )
        meetings = tuple(replace(m, id=meeting_ids[m.id], statements=tuple(statement_ids[i] for i in m.statements)) for m in part.meetings)
        return replace(part, statements=statements, meetings=meetings)


def renumber(parts: Iterable[Document]) -> Iterator[Document]:
    """The window results ``parts`` of one document, with document-wide ids."""
    numbering = Renumbering()
    for part in parts:
        yield numbering.next(part)


def _shift(span: Span | None, shift: int) -> Span | None:
    if span is None or shift == 0:
        return span
    return Span(span.text, span.start + shift, span.end + shift)


def _shift_statement(statement: Statement, shift: int) -> Statement:
    speaker = replace(statement.speaker, mention=_shift(statement.speaker.mention, shift))
    return replace(statement, speaker=speaker, cue=_shift(statement.cue, shift), content=_shift(statement.content, shift))


def _shift_meeting(meeting: Meeting, shift: int, kept_statements: set[str]) -> Meeting:
    return replace(
        meeting, time=_shift(meeting.time, shift), place=_shift(meeting.place, shift),
        mentions=tuple(_shift(m, shift) for m in meeting.mentions),
        statements=tuple(i for i in meeting.statements if i in kept_statements),
    )
