"""Shapes and small offset helpers shared by the attribution passes."""

from __future__ import annotations

import regex

from diplo_cli.language.lexicons import CueVerb
from diplo_cli.models import Attribution

# A word of a noun phrase: letters/digits with inner dots, apostrophes, hyphens, ampersands.
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’&\-]*+(?:\.(?=\p{L})[\p{L}\p{N}\p{M}'’&\-]*+)*+\.?+|[^\s\p{L}\p{N}]")
FRONTED_ADVERBIAL_TOKENS = 14  # how long an opening adverbial before the subject may be (see _clause_subject)
NEST_LOOKBACK = 20_000  # how far before a statement a content holding it may start (see nest_reports)
_QUESTION_CLOSERS = " \t\"'”’»)"  # what may follow the question mark of a quoted question
_ONLY_CLOSERS = regex.compile(r"[ .!?;\"”]*+")  # what may follow a trailing frame ('..., he said."')
_QUOTE_MARKS = regex.compile(r"[\"“”„«»]")
_SENTENCE_PUNCT = ".!?;"
_LETTER = regex.compile(r"\p{L}")
# A fragment in single marks (not an apostrophe: no letter before the opening or after the closing mark).
_SINGLE_QUOTED = regex.compile(r"(?<![\p{L}\p{N}])['‘][\p{L}][^'‘’\n]{0,80}?[\p{L}.!?,]['’](?![\p{L}\p{N}])")
_DOTTED = regex.compile(r"(?:\p{L}\.){2,}")
_LEAD = regex.compile(r"[\s,]*+")
# A quotation in curly single marks (inside a double-quoted one): an opening mark after a space or an
# opening double mark, a closing mark before a space or punctuation.
# An apostrophe between letters ("we’re") is no closing mark.
_NESTED_QUOTE = regex.compile(r"(?<=^|[\s“\"(—–])‘(?:[^‘’\n]|(?<=\p{L})’(?=\p{L})){2,1500}?[\p{L}\p{N}.,!?…]’(?=[\s,.;:!?…—–”\"]|$)")
# A quotation in single marks opening a content ("told me, ‘We will never sign,’ and left"): from the opening
# mark to a closing one that ends a clause (after . , ! ? inside the marks, or before punctuation outside them),
# never scare quotes opening a longer clause ("said ‘safety first’ was the rule").
_OPENING_SINGLE_QUOTE = regex.compile(r"‘(?:[^‘’\n]|(?<=\p{L})’(?=\p{L})){2,1500}?(?:[.,!?…]’(?=[\s”\"]|$)|[\p{L}\p{N}]’(?=[,.;:!?…—–”\"]|$))"
                                      r"|'(?=\p{Lu})(?:[^'\n]|(?<=\p{L})'(?=\p{L})){2,1500}?(?:[.,!?…]'(?=[\s”\"]|$)|[\p{L}\p{N}]'(?=[,.;:!?…—–”\"]|$))")
_MARK_OR_NEWLINE = regex.compile(r"[\"“”„«»]|\n")
_NO_CUE = CueVerb("", "")
_WORD = regex.compile(r"\p{L}++")
_WORD_BEFORE = regex.compile(r"\p{L}++$")
_EVALUATIVE_QUOTE = regex.compile(r"[\"“«„]([^\"“”«»„]{1,200})[\"”»“]")
_MAX_QUOTE = 6000  # a "quotation" longer than this is a stray mark, not a quote
_WINDOW = 400  # how far from a cue the speaker and frame are looked for
_MAX_SELF_REPAIRS = 2  # 'as we stated — publicly stated —': repairs stepped back over to find a speaker


def _reversed_commas(text: str, start: int, end: int):
    """Offsets of the commas in [start, end), last first."""
    comma = text.rfind(",", start, end)
    while comma > start:
        yield comma
        comma = text.rfind(",", start, comma)


def _commas(text: str, start: int, end: int):
    """Offsets of the commas in (start, end), first first."""
    comma = text.find(",", start + 1, end)
    while comma >= 0:
        yield comma
        comma = text.find(",", comma + 1, end)


def _skip_spaces(text: str, offset: int) -> int:
    while offset < len(text) and text[offset] in " \t":
        offset += 1
    return offset


def _trim_inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _paragraph_start(text: str, offset: int) -> int:
    """Start of the line holding ``offset`` (looked for at most 2,000 characters back)."""
    low = max(0, offset - 2000)
    newline = text.rfind("\n", low, offset)
    return newline + 1 if newline >= 0 else low


def _paragraph_end(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    result: list[Attribution] = []
    for attribution in found:
        key = (attribution.cue.start, attribution.content.start)
        if key in seen:
            continue
        seen.add(key)
        # a self-repair ("clear in these talks — clear about — that P") repeats one cue
        # over one content: the later repetition governs the content
        if result and result[-1].content == attribution.content and result[-1].cue.text.casefold() == attribution.cue.text.casefold():
            result[-1] = attribution
            continue
        result.append(attribution)
    return result
