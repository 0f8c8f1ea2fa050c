"""One document as every stage reads it, each view of it computed once.

The stages used to derive the same views of a text two or three times (the folded text, its ASCII
flag, the line index of the faster scanning engine). :class:`TextAnalysis` holds the text with its
sentences and transcript turns, and computes each derived view on first use; the pipeline builds one
per document and hands it to every stage.
"""

from __future__ import annotations

from functools import cached_property

from diplo_cli.language.lexicons import ascii_words, fold
from diplo_cli.models import Sentence
from diplo_cli.rules.scanning import AsciiLines, line_starts, short_runs, spaced_lowered
from diplo_cli.text.segment import Turn


class TextAnalysis:
    """The text, its sentences and turns, and its derived views (computed on first use)."""

    def __init__(self, text: str, sentences: list[Sentence], turns: list[Turn]):
        self.text = text
        self.sentences = sentences
        self.turns = turns
        self._shared: dict = {}

    def shared(self, key, compute):
        """``compute()``, computed once per document for every stage that asks by ``key``.

        Two stages that need the same scan of the text (the places of the lexicon's ``places``
        list: the speakers' entities and the meetings' bodies) ask for it by one key; whichever
        runs first computes it, each with a scan that finds what the other's would.
        """
        found = self._shared.get(key, self)
        if found is self:
            found = self._shared[key] = compute()
        return found

    @cached_property
    def lines(self) -> AsciiLines:
        """Where the text's lines may be scanned on the faster engine (see rules.scanning.ListScan)."""
        return AsciiLines(self.text)

    @cached_property
    def line_starts(self) -> list[int]:
        """Where the text's lines start (see rules.scanning.LineStartScan)."""
        return line_starts(self.text)

    @cached_property
    def spaced_lowered(self) -> str | None:
        """The text as the prefix tables of the stages search it (see rules.scanning.spaced_lowered)."""
        return spaced_lowered(self.text)

    @cached_property
    def short_runs(self) -> bool:
        """No run of white space or word characters longer than rules.scanning.RUN_LIMITS (see
        rules.scanning.short_runs): asked by every prefix table's scan, computed once."""
        return short_runs(self.text)

    @cached_property
    def folded(self) -> str:
        """The text folded for matching names and places (same length: offsets hold)."""
        return fold(self.text)

    @cached_property
    def folded_plain(self) -> bool:
        """Is every letter of the folded text ASCII?"""
        return ascii_words(self.folded)

    @cached_property
    def folded_lines(self) -> AsciiLines:
        return AsciiLines(self.folded)
