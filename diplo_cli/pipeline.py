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

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from diplo_cli.attribution import nest_reports
from diplo_cli.errors import ExtractionTimeout
from diplo_cli.language.datafiles import check_language
from diplo_cli.language.lexicons import Lexicon, default_lexicon
from diplo_cli.language.loader import Language, language_of
from diplo_cli.meetings import link_meetings
from diplo_cli.models import Document, Meeting, Span, Speaker, Statement
from diplo_cli.rules import Trace, scanning
from diplo_cli.speakers import resolve_speakers
from diplo_cli.text.analysis import TextAnalysis
from diplo_cli.text.segment import find_turns, plain_quote_marks, segment_sentences
from diplo_cli.text.unwrap import analysis_text
from diplo_cli.timenorm import document_anchor, normalise_time, parse_date, written_date

LARGE_TEXT = 100_000  # characters; longer texts are processed in windows
WINDOW = 64_000  # characters of new text per window (a window's own part)
CONTEXT = 3_000  # characters of earlier paragraphs carried before each window


def extract(text: str, doc: str = "-", *, lexicon: Lexicon | None = None, year: int | None = None,
            unwrap: bool = True, date: str | datetime.date | None = None, document_date: str | None = None,
            trace: Trace | None = None, language: str = "en") -> Document:
    """Find who said what about which meeting in ``text``.

    ``year`` (the document's date, when known) picks the office holder for role nouns such as
    ``the President`` from the gazetteer's dated roles. ``unwrap`` reads a hard-wrapped text's
    folded paragraphs as whole paragraphs (see :mod:`diplo_cli.text.unwrap`); offsets index ``text`` either
    way. ``date`` (``YYYY-MM-DD``, the article's date; else the text's dateline) anchors meeting
    times to the calendar; it also gives the year when ``year`` is not set. A malformed ``date`` is a
    ValueError. ``document_date`` is the input's own date as given (a JSON Lines field): when no
    ``date`` is given, the date it writes (``2023-06-18``, ``2023-06-18T09:30Z``, a URL's
    ``/2023/06/18/``, ``June 18, 2023``; :func:`~diplo_cli.timenorm.written_date`) serves as ``date``,
    and a year alone (``2023``) as ``year`` when ``year`` is not set. The document carries the ISO
    date its times are anchored to (from ``date``, ``document_date`` or the dateline), else
    ``document_date`` as given. ``trace`` (a :class:`~diplo_cli.rules.Trace`) receives every
    rule decision the stages take, vetoes included, for ``diplo explain``. ``lexicon`` (default: the
    built-in one) runs through the stage objects of its :class:`~diplo_cli.language.loader.Language`.

    ``language`` is a folder of ``data/`` (:func:`~diplo_cli.language.datafiles.languages`): ``en`` runs the English stages; a
    language with a statement rule table (``data/<lang>/rules/statements.toml``) runs the pattern
    engine (:mod:`diplo_cli.rules.engine`), which finds statements only (no meetings) and keeps each
    speaker as written (``lexicon`` and ``year`` are the English stages' and are not read then).
    Another code is a ValueError naming the available ones.
    """
    if language != "en":
        return _extract_by_rules(text, doc, check_language(language), unwrap=unwrap, date=date,
                                 document_date=document_date, trace=trace)
    stages = language_of(lexicon or default_lexicon())
    anchor, written_year = (parse_date(date), None) if date is not None else written_date(document_date)
    year = year if year is not None else anchor.year if anchor is not None else written_year
    anchor = anchor or document_anchor(text, year)
    if len(text) <= LARGE_TEXT:
        document = _extract_whole(text, doc, stages, year, unwrap, anchor, trace)
        return replace(document, document_date=_iso(anchor) or document_date)
    statements: list[Statement] = []
    meetings: list[Meeting] = []
    unwrapped = 0
    windows = text_windows(text)
    for part in renumber(extract_window(window, doc, lexicon=stages.lexicon, year=year, unwrap=unwrap, date=anchor, trace=trace)
                         for window in windows):
        statements.extend(part.statements)
        meetings.extend(part.meetings)
        unwrapped += part.unwrapped
    return Document(doc, text, tuple(statements), tuple(meetings), document_date=_iso(anchor) or document_date, unwrapped=unwrapped)


def _extract_by_rules(text: str, doc: str, language: str, *, unwrap: bool, date, document_date: str | None,
                      trace: Trace | None) -> Document:
    """``text`` read by ``language``'s statement rule table: statements only, speakers as written."""
    from diplo_cli.rules.engine import find_statements, load_statement_rules  # here: an English run never needs it

    anchor = parse_date(date) if date is not None else written_date(document_date)[0]
    analysed = plain_quote_marks(analysis_text(text) if unwrap else text)
    try:
        attributions = find_statements(analysed, language, trace)
    except TimeoutError:
        raise ExtractionTimeout(f"a rule ran longer than {scanning.PATTERN_TIMEOUT:g} s on this text; skipped") from None
    pronouns = load_statement_rules(language).pronouns
    statements = tuple(
        Statement(f"s{index}", a.kind, Speaker(a.speaker, a.speaker.text, mention_kind="pronoun" if a.speaker.text in pronouns else "name"),
                  a.cue, a.content, a.rule)
        for index, a in enumerate(attributions, 1)
    )
    document = Document(doc, analysed, statements, (), document_date=_iso(anchor) or document_date)
    if analysed is not text:
        document = replace(_as_read(document, text), unwrapped=text.count("\n") - analysed.count("\n"))
    return document


def _iso(anchor: datetime.date | None) -> str | None:
    return anchor.isoformat() if anchor else None


def _extract_whole(text: str, doc: str, language: Language, year: int | None, unwrap: bool = True,
                   anchor: datetime.date | None = None, trace: Trace | None = None) -> Document:
    analysed = plain_quote_marks(analysis_text(text) if unwrap else text)
    try:
        document = _run_stages(analysed, doc, language, year, trace)
    except TimeoutError:  # the regex time-out safety net (scanning.PATTERN_TIMEOUT) fired
        raise ExtractionTimeout(f"a rule ran longer than {scanning.PATTERN_TIMEOUT:g} s on this text; skipped") from None
    if analysed is not text:
        document = replace(_as_read(document, text), unwrapped=text.count("\n") - analysed.count("\n"))
    if anchor is None:
        return document
    return replace(document, meetings=tuple(_dated(m, anchor) for m in document.meetings), document_date=anchor.isoformat())


def _dated(meeting: Meeting, anchor: datetime.date) -> Meeting:
    """The meeting with its time's calendar value (see :mod:`diplo_cli.timenorm`)."""
    value = normalise_time(meeting.time.text, anchor, meeting.status) if meeting.time else None
    return replace(meeting, time_date=value.date, time_precision=value.precision) if value else meeting


def _as_read(document: Document, text: str) -> Document:
    """``document`` found on an unwrapped text, with its span texts taken from ``text`` as read."""
    def span(value: Span | None) -> Span | None:
        return None if value is None else Span.of(text, value.start, value.end)

    statements = tuple(
        replace(s, speaker=replace(s.speaker, mention=span(s.speaker.mention)), cue=span(s.cue), content=span(s.content))
        for s in document.statements
    )
    meetings = tuple(
        replace(m, time=span(m.time), place=span(m.place), mentions=tuple(span(x) for x in m.mentions))
        for m in document.meetings
    )
    return replace(document, text=text, statements=statements, meetings=meetings)


def _run_stages(text: str, doc: str, language: Language, year: int | None, trace: Trace | None = None) -> Document:
    with language.lock:  # the stage objects hold the document they read (see Language)
        lexicon = language.lexicon
        sentences = segment_sentences(text, lexicon)
        turns = find_turns(text, lexicon)
        analysis = TextAnalysis(text, sentences, turns)  # each view of the text computed once, for every stage
        attributions = language.attribution.find(text, sentences, turns, trace=trace, analysis=analysis)
        speakers, tracker = resolve_speakers(text, sentences, attributions, lexicon, turns, year, trace=trace,
                                             tables=language.speaker_tables, analysis=analysis)
        confidence = language.confidence
        statements = [
            Statement(f"s{index}", a.kind, speaker, a.cue, a.content, a.rule,
                      confidence=confidence.score(a, speaker), relaxed=a.relaxed)
            for index, (a, speaker) in enumerate(zip(attributions, speakers), 1)
        ]
        statements = nest_reports(statements)
        mentions, drafts = language.meetings.find(text, sentences, tracker, statements, trace=trace, analysis=analysis)
        meetings, statements = link_meetings(drafts, mentions, statements, text, trace=trace)
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


def extract_window(window: Window, doc: str = "-", *, lexicon: Lexicon | None = None, year: int | None = None,
                   unwrap: bool = True, date: str | datetime.date | None = None, trace: Trace | None = None) -> Document:
    """Extract one window; offsets are into the whole text, ids local (see :func:`renumber`).

    The returned document's ``text`` is the window's own part, not the whole text. Without
    ``date``, the first window (offset 0) is searched for a dateline.
    """
    language = language_of(lexicon or default_lexicon())
    anchor = parse_date(date) or (document_anchor(window.text, year) if window.offset == 0 else None)
    window_trace = Trace() if trace is not None else None
    found = _extract_whole(window.text, doc, language, year, unwrap, anchor, window_trace)
    own, shift = window.own, window.offset
    if trace is not None:  # the context part was traced with the window before: its decisions are there already
        trace.events.extend(replace(event, start=event.start + shift, end=event.end + shift)
                            for event in window_trace.events if event.start >= own)
    statements = [s for s in found.statements if s.cue.start >= own]
    kept_ids = {s.id for s in statements}
    linked = {s.meeting for s in statements if s.meeting}
    meetings = [m for m in found.meetings if m.id in linked or any(mention.start >= own for mention in m.mentions)]
    statements = [_shift_statement(s, shift) for s in statements]
    meetings = [_shift_meeting(m, shift, kept_ids) for m in meetings]
    unwrapped = window.text.count("\n", own) - analysis_text(window.text).count("\n", own) if found.unwrapped else 0
    return Document(doc, window.text[own:], tuple(statements), tuple(meetings), document_date=found.document_date, unwrapped=unwrapped)


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
