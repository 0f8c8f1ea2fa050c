"""Hard-wrapped text: the line breaks that only fold a paragraph, found so that stages can ignore them.

Email, ``pdftotext``, wire and database exports fold paragraphs at a fixed width (60-80 columns).
Sentences never cross a line break in the later stages, so folded text would lose most statements.
:func:`analysis_text` returns a text of the *same length* in which each folding line break is a
space: every stage runs on it, and offsets (and span texts, taken from the text as read) are
unchanged.

A text counts as hard-wrapped when it has several lines, its usual long line is between
:data:`MIN_WRAP_WIDTH` and :data:`MAX_WRAP_WIDTH` columns, and at least :data:`MIN_FOLDED_SHARE` of its line breaks end a line
mid-sentence while the next word would not have fitted on it. Text with one paragraph per line (news
bodies, transcripts) fails the test and is returned unchanged. In a hard-wrapped text a single line
break is a fold when the next word would not have fitted on the line (or the line ends mid-sentence
and the next starts in lower case), and the next line is neither more indented, nor a speaker label
or list item: blank lines, indentation and short lines still end paragraphs.
"""

from __future__ import annotations

import itertools

import regex

MAX_WRAP_WIDTH = 160  # columns; wider lines are paragraphs, not folds
MIN_WRAP_WIDTH = 30  # narrower lines are lists, headings or verse, not folded prose
MIN_LINES = 3
MIN_FOLDED_SHARE = 0.25
WIDTH_PERCENTILE = 0.9  # the wrap width is estimated from the long lines, ignoring a stray URL or table row
_SENTENCE_END = regex.compile(r"""[.!?:;]["'”’»)\]]*$""")
# A line that starts a new unit even right after a full line: a speaker label, a list item, a heading mark.
# Labels are written in capitals ('MS. PSAKI:') or in name case with their office ('President of Russia Vladimir
# Putin:', 'Prime Minister of Norland Ana Lind (interpreted):').
_OPENS_UNIT = regex.compile(r"""(?:Q\b|\p{Lu}[\p{Lu}.'’\- ]{1,40}:|\p{Lu}[\p{L}.'’\-]*(?:[ \t]+(?:of|the|\p{Lu}[\p{L}.'’\-]*)){1,8}(?:[ \t]*\([^)\n]{1,30}\))?:[ \t]|[-*•]\s|\d{1,3}[.)]\s|#)""")
_LOWER_START = regex.compile(r"\p{Ll}")
_OPENING_QUOTES = "\"“‘«„"
# A quotation closing a line straight after a word, then a capital: a paragraph whose period is
# missing ('... an "illegal regime"' / 'The summit ...') far more often than a fold inside a sentence.
_QUOTE_THEN_CAPITAL = regex.compile(r"""\p{L}["”]\n\p{Lu}""")


def analysis_text(text: str) -> str:
    """``text`` with folding line breaks replaced by spaces (same length); ``text`` itself when not hard-wrapped."""
    if "\n" not in text:
        return text
    folds = folding_breaks(text)
    if not folds:
        return text
    chars = list(text)
    for position in folds:
        chars[position] = " "
        if position > 0 and chars[position - 1] == "\r":
            chars[position - 1] = " "
    return "".join(chars)


def folding_breaks(text: str) -> list[int]:
    """Offsets of the ``\\n`` characters that fold a paragraph (empty when the text is not hard-wrapped)."""
    lines = _lines(text)
    if sum(1 for line in lines if line[1]) < MIN_LINES:
        return []
    lengths = sorted(len(content) for _, content in lines if content.strip())
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return []
    folds: list[int] = []
    breaks = mid_sentence_folds = 0
    for (end, content), (_, following) in itertools.pairwise(lines):
        if not content.strip() or not following.strip():
            continue
        breaks += 1
        if _is_fold(content, following, width):
            folds.append(end)
            mid_sentence_folds += not _SENTENCE_END.search(content.rstrip())
    if not breaks or mid_sentence_folds < 2 or mid_sentence_folds < MIN_FOLDED_SHARE * breaks:
        return []
    return folds


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset of the line's ``\\n`` or the text's end, line content without ``\\r``) for every line."""
    lines = []
    start = 0
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        content = text[start:stop]
        content = content.removesuffix("\r")
        lines.append((stop, content))
        if end < 0:
            return lines
        start = end + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_fold(line: str, following: str, width: int) -> bool:
    if _indent(following) > _indent(line):
        return False  # an indented first line opens a paragraph
    body = following.lstrip()
    if _OPENS_UNIT.match(body) or _QUOTE_THEN_CAPITAL.match(line.rstrip()[-2:] + "\n" + body[:1]):
        return False
    stripped = line.rstrip()
    if body[:1] in _OPENING_QUOTES and _SENTENCE_END.search(stripped):
        return False  # a quotation opening after a full stop: most often a quoted paragraph (multi-paragraph quotes)
    next_word = len(body.split(maxsplit=1)[0])
    if len(stripped) + 1 + next_word > width:
        return True  # the next word would not have fitted: the wrapper broke the line
    return (not _SENTENCE_END.search(stripped) and len(stripped) * 2 >= width
            and bool(_LOWER_START.match(body)))
