"""Quotations: pairing the marks, and nesting statements reported inside other statements."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace

from diplo_cli.attribution.common import _MARK_OR_NEWLINE, _MAX_QUOTE, _QUOTE_MARKS, NEST_LOOKBACK
from diplo_cli.models import Sentence, Statement


@dataclass(frozen=True, slots=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    paragraph: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _closes_next_paragraph(text: str, start: int) -> bool:
    end = text.find("\n", start, start + _MAX_QUOTE)
    mark = _QUOTE_MARKS.search(text, start, end if end >= 0 else min(len(text), start + _MAX_QUOTE))
    return mark is not None and mark.group() in "”»"


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph; stray marks are dropped, never extended."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_paragraph = -1
    paragraph = 0
    paragraph_start = 0
    for match in _MARK_OR_NEWLINE.finditer(text):
        mark = match.group()
        pos = match.start()
        if mark == "\n":
            paragraph += 1
            paragraph_start = pos + 1
            if open_at is not None:
                # a quotation runs on only when the next paragraph opens with a quote mark, or when
                # the first mark of the next paragraph can only close (a quoted block of paragraphs)
                nxt = text[pos + 1 : pos + 3].lstrip()
                if (not nxt or nxt[0] not in "\"“„«") and not _closes_next_paragraph(text, pos + 1):
                    open_at = None
            continue
        prev = text[pos - 1] if pos > 0 else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        opening_shape = (prev.isspace() or prev in "([{—–-/" or pos == paragraph_start) and not nxt.isspace()
        closing_shape = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-" or pos + 1 == len(text))
        if mark in "„«":
            is_open = True
        elif mark in "”»":
            is_open = False
        elif mark == "“":
            is_open = not (open_at is not None and closing_shape and text[open_at] == "„") and not (open_at is not None and closing_shape and not opening_shape)
        else:  # straight quote
            is_open = opening_shape if open_at is None else (opening_shape and not closing_shape)
        if is_open:
            if open_at is not None and pos == paragraph_start and open_paragraph < paragraph:
                continue  # continuation of a quotation across a paragraph break
            open_at = pos
            open_paragraph = paragraph
        elif open_at is not None:
            if pos - open_at <= _MAX_QUOTE:
                quotes.append(Quote(open_at, pos, open_paragraph))
            open_at = None
    return quotes


def _quote_around(quote_regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quotation strictly around ``offset``. Regions are in order and disjoint, so a bisection
    finds it: a scan per cue would make a document with many quotes quadratic."""
    index = bisect.bisect_left(quote_regions, (offset,)) - 1
    if index >= 0 and quote_regions[index][0] < offset < quote_regions[index][1]:
        return quote_regions[index]
    return None


class _Spans:
    """(start, end) spans sorted by start, with the furthest end so far, to find those around an offset."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.reach = list(itertools.accumulate((end for _, end in self.spans), max))

    def containing(self, offset: int):
        index = bisect.bisect_right(self.spans, (offset, float("inf")))
        while index > 0 and self.reach[index - 1] > offset:
            index -= 1
            if self.spans[index][1] > offset:
                yield self.spans[index]


def nest_reports(statements: list[Statement]) -> list[Statement]:
    """A statement reported inside another one's content ("X said P, according to Y"; "Y said X told
    him P") keeps its place and names the reporting statement in ``via`` (the innermost such one)."""
    by_start = sorted(statements, key=lambda s: s.content.start)
    starts = [s.content.start for s in by_start]
    # the furthest content end up to each index: once it falls short of a statement's cue, no content
    # further back can hold the statement (the walk stopped only after NEST_LOOKBACK characters)
    reach = list(itertools.accumulate((s.content.end for s in by_start), max))
    nested = []
    for statement in statements:
        inner_start = min(statement.cue.start, statement.speaker.mention.start)
        inner_end = max(statement.cue.end, statement.speaker.mention.end)
        innermost = None
        # contents are bounded (a sentence, a quotation), so the walk back stops after NEST_LOOKBACK
        for index in range(bisect.bisect_right(starts, inner_start) - 1, -1, -1):
            if reach[index] < inner_end:
                break  # every content from here back ends before the statement's cue and speaker
            outer = by_start[index]
            if outer.content.start < inner_start - NEST_LOOKBACK:
                break
            if outer is statement or outer.content.end < inner_end or statement.content.contains(outer.content):
                continue
            if innermost is None or outer.content.end - outer.content.start < innermost.content.end - innermost.content.start:
                innermost = outer
        nested.append(replace(statement, via=innermost.id) if innermost is not None else statement)
    return nested
