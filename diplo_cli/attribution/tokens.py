"""Tokens of a noun phrase, found once per document."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from diplo_cli.attribution.common import _TOKEN
from diplo_cli.language.lexicons import ascii_word_stretches

# _TOKEN on a stretch of lines without a letter, digit or mark outside ASCII, on the standard library's
# faster engine: \p{L} and \p{N} are A-Za-z and 0-9 there, no \p{M} occurs, and what is neither
# white space (``regex``'s: Python's but the four separators \x1c-\x1f) nor a letter or digit is
# a token of its own.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&\-]*+(?:\.(?=[A-Za-z])[A-Za-z0-9'’&\-]*+)*+\.?+|[\x1c-\x1f]|[^\sA-Za-z0-9]")


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _token_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_TOKEN.finditer(text)``: the lines with a letter, digit or mark outside ASCII
    scanned by ``regex``, the stretches of other lines by :data:`_ASCII_TOKEN`. No token holds a line
    feed, so none crosses the cut between two stretches, and each stretch's scan starts where the
    whole-text scan would look for a token anyway."""
    spans: list[tuple[int, int]] = []
    for start, end, ascii_only in ascii_word_stretches(text):
        spans += [match.span() for match in (_ASCII_TOKEN if ascii_only else _TOKEN).finditer(text, start, end)]
    return spans


class _TokenIndex:
    """The document's tokens, found once; :meth:`between` equals ``_tokens(text, start, end)``.

    Scanning a fresh window of words at every cue costs a window's worth of tokens per cue, which
    on text dense with cue words ('said—said—...') is hundreds of times the cost of news. A
    window's edges can cut a token: from ``start`` inside a word the scan yields pieces of that word
    up to the word's end and then falls in step with the whole-text tokens; at ``end`` it yields the
    cut head of the last word. Both edges are scanned again, so the result is the same list.

    The whole-text scan keeps only where each token starts and ends; a token object is made when a
    window returns it: the windows before the cues hold a third of the tokens of news (measured),
    and making an object of every token was two thirds of the index's cost.
    """

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str):
        self.text = text
        spans = _token_spans(text)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def between(self, start: int, end: int) -> list[_Token]:
        if end <= start:
            return []
        starts, ends, text = self.starts, self.ends, self.text
        first = bisect.bisect_left(starts, start)
        head: list[_Token] = []
        if first > 0 and ends[first - 1] > start:  # a word cut by the window's start
            resume = min(ends[first - 1], end)
            head = _tokens(text, start, resume)
            if resume >= end:
                return head
        last = bisect.bisect_left(starts, end, first)  # tokens before it start inside the window
        tail: list[_Token] = []
        if last > first and ends[last - 1] > end:  # a word cut by the window's end
            last -= 1
            tail = _tokens(text, starts[last], end)
        body = [_Token(text[s:e], s, e) for s, e in zip(starts[first:last], ends[first:last])]
        return head + body + tail if head or tail else body
