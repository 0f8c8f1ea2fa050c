"""Why a row is there, and why one is missing: the candidates of a text and the rules that decided them.

:func:`explain_text` runs the pipeline with a :class:`~diplo_cli.rules.Trace` and groups the trace
by candidate (a cue for statements, a trigger for meetings): the rules that built it, trimmed or
relaxed it, and the veto that dropped it, each by its id, with the row it became if it was kept.
``diplo explain`` prints this; the ids are those of ``data/<lang>/rules/*.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplo_cli.models import Document, Span
from diplo_cli.rules import Trace, TraceEvent

KEPT = "kept"
DROPPED = "dropped"
OPEN = "no row"  # decided on, but neither kept as a row nor vetoed (e.g. merged into another)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate of one stage: where it is, every decision on it, and what became of it."""

    stage: str
    span: Span
    events: tuple[TraceEvent, ...]
    outcome: str  # kept | dropped | no row
    row: str | None = None  # the statement or meeting id it became
    dropped_by: str | None = None  # the rule id of the last veto

    def to_dict(self) -> dict:
        return {"stage": self.stage, "span": self.span.to_dict(), "outcome": self.outcome, "row": self.row,
                "dropped_by": self.dropped_by, "events": [event.to_dict() for event in self.events]}


@dataclass(frozen=True, slots=True)
class Explanation:
    document: Document
    candidates: tuple[Candidate, ...]

    def to_dict(self) -> dict:
        record = self.document.to_dict()
        record["candidates"] = [candidate.to_dict() for candidate in self.candidates]
        return record


def explain_text(text: str, doc: str = "-", **extract_options) -> Explanation:
    """Extract ``text`` (options as :func:`diplo_cli.extract`) and explain every candidate."""
    from diplo_cli.pipeline import extract

    trace = Trace()
    document = extract(text, doc, trace=trace, **extract_options)
    return Explanation(document, tuple(group_candidates(document, trace.events)))


def group_candidates(document: Document, events: list[TraceEvent]) -> list[Candidate]:
    """The trace's events grouped by stage and start (a cue read alone and with its addressee is one
    candidate), in text order, each with its widest span and its outcome."""
    grouped: dict[tuple[str, int], list[TraceEvent]] = {}
    for event in events:
        grouped.setdefault((event.stage, event.start), []).append(event)
    rows = _rows_by_span(document)
    candidates = []
    for (stage, start), decided in sorted(grouped.items(), key=lambda item: (item[0][1], item[0][0])):
        end = max(event.end for event in decided)
        row = rows.get((stage, start))
        vetoes = [event.rule for event in decided if event.action == "vetoed"]
        if row is not None:
            outcome = KEPT
        elif vetoes:
            outcome = DROPPED
        else:
            outcome = OPEN
        candidates.append(Candidate(stage, Span.of(document.text, start, end), tuple(decided), outcome, row,
                                    vetoes[-1] if vetoes and row is None else None))
    return candidates


def _rows_by_span(document: Document) -> dict[tuple[str, int], str]:
    """Which statement a cue became and which meeting a mention joined, keyed as candidates are."""
    rows: dict[tuple[str, int], str] = {}
    for statement in document.statements:
        rows[("attribution", statement.cue.start)] = statement.id
        rows[("statements", statement.content.start)] = statement.id  # a pattern language traces at the content
        rows[("speakers", statement.speaker.mention.start)] = statement.id
    for meeting in document.meetings:
        for mention in meeting.mentions:
            rows.setdefault(("meetings", mention.start), meeting.id)  # a trip split by destination: its first visit
    return rows
