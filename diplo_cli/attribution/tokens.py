"""Tokens of a noun phrase, found once per document."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from diplo_cli.attribution.common import _TOKEN


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


class _TokenIndex:
    """The document's tokens, found once; :meth:`between` equals ``_tokens(text, start, end)``.

    Scanning a fresh window of words at every cue costs a window's worth of tokens per cue, which
    on text dense with cue words ('said—said—...') is hundreds of times the cost of news. A
    window's edges can cut a token: from ``start`` inside a word the scan yields pieces of that word
    up to the word's end and then falls in step with the whole-text tokens; at ``end`` it yields the
    cut head of the last word. Both edges are scanned again, so the result is the same list.
    """

    __slots__ = ("starts", "text", "tokens")

    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text, 0, len(text))
        self.starts = [t.start for t in self.tokens]

    def between(self, start: int, end: int) -> list[_Token]:
        if end <= start:
            return []
        first = bisect.bisect_left(self.starts, start)
        head: list[_Token] = []
        if first > 0 and self.tokens[first - 1].end > start:  # a word cut by the window's start
            resume = min(self.tokens[first - 1].end, end)
            head = _tokens(self.text, start, resume)
            if resume >= end:
                return head
        last = bisect.bisect_left(self.starts, end, first)  # tokens before it start inside the window
        body = self.tokens[first:last]
        if body and body[-1].end > end:  # a word cut by the window's end
            cut = body.pop()
            return head + body + _tokens(self.text, cut.start, end)
        return head + body if head else body
