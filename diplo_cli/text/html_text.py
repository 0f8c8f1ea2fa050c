"""HTML -> article text, with a map from every character of that text back to the HTML source.

Paragraph-like elements (``p``, headings, list items, ``div``, ``br``, table rows...) become one line
each; runs of white space inside them become one space; character references (``&ldquo;``,
``&#8220;``, ``&amp;``) are decoded; ``script``, ``style``, ``nav``, ``aside``, ``footer``, ``form``
and other non-article elements are dropped with everything inside them; ``pre`` keeps its spacing.
Spans found in the extracted text are positions in that text; :class:`SourceMap` turns them into
positions in the HTML as read (``source_start`` / ``source_end``), so a reader can check them there.

Built on the standard library's :mod:`html.parser`, which accepts any tag soup without raising.
Deliberate limit: no boilerplate scoring (menus written as ``div``s rather than ``nav`` are kept).
"""

from __future__ import annotations

import html.entities
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser

import regex

_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "button",
                      "iframe", "object", "select", "title"})
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "tr", "table", "blockquote",
                     "section", "article", "main", "header", "pre", "dd", "dt", "dl", "figcaption", "figure", "hr", "body", "html"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"})
_LOOKS_LIKE_HTML = regex.compile(r"\A\s*+(?:<!--.*?-->\s*+)*<(?:!doctype\s+html|html|head|body|article|p|div)\b", regex.IGNORECASE | regex.DOTALL)
_SPACE = regex.compile(r"\s+")
_COLLAPSIBLE = regex.compile(r"\s{2,}|[^\S ]")


def looks_like_html(text: str) -> bool:
    """True when a text opens as an HTML document or fragment (``<!DOCTYPE html>``, ``<html>``, ``<p>``...)."""
    return bool(_LOOKS_LIKE_HTML.match(text[:4096]))


@dataclass(frozen=True, slots=True)
class SourceMap:
    """For character ``i`` of the extracted text: where it came from in the source, ``[starts[i], ends[i])``."""

    starts: array  # machine integers: a map of a large page costs 16 bytes a character, not a list of int objects
    ends: array

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source positions of the extracted text's ``[start, end)``."""
        if not len(self.starts):
            return 0, 0
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return position, position
        return self.starts[start], self.ends[end - 1]


class _Extractor(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.chars: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.dropped: list[str] = []  # open dropped elements, innermost last
        self.pre = 0

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def emit(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)

    def paragraph_break(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self._pop()
        if self.chars and self.chars[-1] != "\n":
            position = self._position()
            self.emit("\n", position, position)

    def _pop(self) -> None:
        self.chars.pop()
        self.starts.pop()
        self.ends.pop()

    def handle_starttag(self, tag, attrs):
        if self.dropped:
            if tag == self.dropped[-1] and tag not in _VOID:
                self.dropped.append(tag)
            return
        if tag in _DROPPED and tag not in _VOID:
            self.dropped.append(tag)
            return
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self.paragraph_break()

    def handle_startendtag(self, tag, attrs):
        if not self.dropped and tag in _BLOCKS:
            self.paragraph_break()

    def handle_endtag(self, tag):
        if self.dropped:
            if tag == self.dropped[-1]:
                self.dropped.pop()
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCKS:
            self.paragraph_break()

    def handle_data(self, data):
        if self.dropped:
            return
        base = self._position()
        if self.pre:
            self._text(data, base, 0, len(data))
            return
        if not _COLLAPSIBLE.search(data):  # the usual run of words and single spaces: one copy
            skip = data.startswith(" ") and (not self.chars or self.chars[-1] in " \n")
            self._text(data, base, int(skip), len(data))
            return
        position = 0
        for match in _SPACE.finditer(data):
            self._text(data, base, position, match.start())
            if self.chars and self.chars[-1] not in " \n":
                self.emit(" ", base + match.start(), base + match.end())
            position = match.end()
        self._text(data, base, position, len(data))

    def _text(self, data: str, base: int, start: int, end: int) -> None:
        self.chars.extend(data[start:end])
        self.starts.extend(range(base + start, base + end))
        self.ends.extend(range(base + start + 1, base + end + 1))

    def handle_entityref(self, name):
        self._reference(name, html.entities.html5.get(name + ";") or html.entities.html5.get(name))

    def handle_charref(self, name):
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            decoded = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
        except ValueError:
            decoded = None
        self._reference("#" + name, decoded)

    def _reference(self, name: str, decoded: str | None) -> None:
        if self.dropped:
            return
        start = self._position()
        end = start + 1 + len(name)
        if self.source.startswith(";", end):
            end += 1
        if decoded is None:  # not a known reference: kept as written
            decoded = self.source[start:end]
        for char in decoded:
            if char.isspace() and char != "\xa0":
                if self.chars and self.chars[-1] not in " \n":
                    self.emit(" ", start, end)
            else:
                self.emit(char, start, end)


def html_to_text(source: str) -> tuple[str, SourceMap]:
    """The article text of an HTML document, and where each of its characters is in ``source``."""
    extractor = _Extractor(source)
    extractor.feed(source)
    extractor.close()
    extractor.paragraph_break()
    while extractor.chars and extractor.chars[-1] in " \n":
        extractor._pop()
    return "".join(extractor.chars), SourceMap(extractor.starts, extractor.ends)
