"""The state of a :class:`~diplo_cli.speakers.resolver.SpeakerResolver` that its mixins read (set by
``SpeakerResolver.__init__``), declared once for the pronoun and transcript methods."""

from __future__ import annotations

from diplo_cli.entities import Entity, EntityTracker
from diplo_cli.language.lexicons import Lexicon
from diplo_cli.models import Attribution, Sentence
from diplo_cli.rules import Trace
from diplo_cli.speakers.tables import SpeakerTables


class ResolverState:
    text: str
    lex: Lexicon
    tables: SpeakerTables
    tracker: EntityTracker
    trace: Trace | None
    sentences: list[Sentence]
    sentence_starts: list[int]
    turns: list
    turn_starts: list[int]
    label_spans: list[tuple[int, int]]
    label_entities: dict[str, Entity]
    _attributions: list[Attribution]  # the stage's attributions, whose contents a neuter 'it' does not reach into
