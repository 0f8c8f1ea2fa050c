"""The trace: which rules a stage applied to which candidate, including the ones that dropped it.

Recording costs nothing when no trace is asked for: stages call :meth:`Trace.add` only through
``if trace is not None``. Offsets index the text the stages read (the document's text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTIONS = ("built", "vetoed", "trimmed", "relaxed", "merged", "split", "linked", "set")


@dataclass(frozen=True, slots=True)
class TraceEvent:
    """One decision: ``rule`` (an id of a rule table) did ``action`` to the candidate at ``start:end``."""

    stage: str  # attribution | speakers | meetings | statements (language-pack rules)
    rule: str
    action: str  # one of ACTIONS
    start: int
    end: int
    note: str = ""

    def to_dict(self) -> dict:
        return {"stage": self.stage, "rule": self.rule, "action": self.action, "start": self.start,
                "end": self.end, "note": self.note}


@dataclass
class Trace:
    """Decisions in the order they were taken."""

    events: list[TraceEvent] = field(default_factory=list)

    def add(self, stage: str, rule: str, action: str, start: int, end: int, note: str = "") -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown trace action {action!r}")
        self.events.append(TraceEvent(stage, rule, action, start, end, note))

    def rules(self) -> set[str]:
        return {event.rule for event in self.events}

    def of(self, action: str) -> list[TraceEvent]:
        return [event for event in self.events if event.action == action]
