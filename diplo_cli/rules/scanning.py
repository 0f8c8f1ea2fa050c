"""Fast paths for whole-text scans, with the same matches as the ``regex`` patterns they stand for.

The rules are written and compiled as ``regex`` patterns (named lists, Unicode properties), and
``regex`` is what runs them on any text. Two scans dominate the run time of news text and have a
cheaper equivalent on the texts where equality can be shown:

* :class:`ListScan`: a named list between letter/digit guards runs on the standard library's
  engine when the text has no letter or digit outside ASCII (most news, the more so once folded);
* :class:`PrefixScan`: a rule that opens with literal words is tried only where one of its literal
  prefixes starts in the lower-cased text;
* :class:`LineStartScan`: a rule that opens with ``^`` in multi-line mode is tried only at line starts.

Both fall back to the ``regex`` pattern itself whenever the condition does not hold. Deliberate
limit: :class:`PrefixScan` reads a pattern's prefixes with the standard library's regular
expression parser (``re._parser``, present in every Python the project supports); a pattern it
cannot parse is simply scanned by ``regex``. ``tests/test_scanning.py`` checks the equality.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from re import _constants as sre_constants
from re import _parser as sre_parser
from typing import NamedTuple

import regex

from diplo_cli.language.lexicons import trie_pattern

# Seconds one ``regex`` scan may take before the document is given up. A safety net: every pattern
# is written to run in linear time, and a scan covers one document or one window of a large one
# (at most ~100,000 characters), which takes milliseconds.
PATTERN_TIMEOUT = 10.0

# Letters and digits outside ASCII: a text without any is one where a named list matches the
# same on the standard library's engine (see ListScan).
# (a non-ASCII character, then the check that it is one: regex skips to the few non-ASCII characters, 20x
# faster than the set difference [[\p{L}\p{N}]--[\x00-\x7f]], which it tries at every place)
_NON_ASCII_ALNUM = regex.compile(r"[^\x00-\x7f](?<=[\p{L}\p{N}])")
_CLASS_WITH_PROPERTY = regex.compile(r"(?<!\\)\[[^\]\[]*\\p\{[LN]\}[^\]\[]*\]")


# Characters that ``regex`` matches to an ASCII letter case-insensitively but that lower-case to
# something else ('ſ' ~ 's'; 'İ' ~ 'i', lower-cased to two characters), and digits outside ASCII
# (``\d``): a text without any can be searched for a pattern's literal prefixes lower-cased.
_LOWERING_UNSAFE = regex.compile(r"[\u0130\u017f]|(?![0-9])\d")


def lowering_keeps_matches(text: str) -> bool:
    """``text.lower()`` has the same offsets and finds the literal prefixes of :class:`PrefixScan`
    wherever the case-insensitive pattern could match (checked against ``regex``: besides ASCII
    case pairs it equates only 'K' (Kelvin) with 'k', 'ſ' with 's' and 'İ' with 'i')."""
    return text.isascii() or not _LOWERING_UNSAFE.search(text)


class AsciiLines:
    """A text cut at line feeds into stretches with and without a letter or digit outside ASCII.

    Why: :class:`ListScan` may run a stretch without such a character on the faster engine even
    when the document has one elsewhere: one accented name used to send every list scan of the
    whole document (or window) to ``regex``, a third slower. The cuts are safe for named lists:
    no word of a list contains a line feed, so no match crosses a cut or starts at a line feed,
    and the guards at a cut see a line feed (before a stretch) or the end of the text (after
    one), which neither engine takes for a letter or a digit.
    """

    def __init__(self, text: str):
        self.stretches: list[tuple[int, int, bool]] = []  # (start, end, ascii_only), covering the text in order
        self._text = text
        self._lowered: str | None | bool = False  # False: not computed yet; None: lower-casing moves offsets
        size = len(text)
        if ascii_alnum(text):
            self.stretches.append((0, size, True))
            return
        start = 0
        found = _NON_ASCII_ALNUM.search(text)
        while found is not None:
            line_start = text.rfind("\n", 0, found.start()) + 1
            line_end = text.find("\n", found.start())
            line_end = size if line_end < 0 else line_end
            if self.stretches and not self.stretches[-1][2] and line_start - start <= 1:
                line_start = self.stretches.pop()[0]  # the next line too: one stretch
            elif line_start > start:
                self.stretches.append((start, line_start, True))
            self.stretches.append((line_start, line_end, False))
            start = line_end
            found = _NON_ASCII_ALNUM.search(text, line_end)
        if start < size:
            self.stretches.append((start, size, True))

    def pieces(self, pos: int, endpos: int) -> Iterator[tuple[int, int, bool]]:
        """The stretches' parts within ``[pos, endpos)``, in order."""
        for start, end, ascii_only in self.stretches:
            if end > pos and start < endpos:
                yield max(start, pos), min(end, endpos), ascii_only

    def ascii_only(self, pos: int, endpos: int) -> bool:
        """No letter or digit outside ASCII in ``[pos, endpos)`` (nor in the lines it touches)."""
        return all(ascii_only for _, _, ascii_only in self.pieces(pos, max(endpos, pos + 1)))

    def lowered(self, text: str) -> str | None:
        """``text`` (the text these lines were cut from) lower-cased, when that keeps every offset; else None.

        In its ASCII stretches only ASCII capitals (and a few symbols no list spells, such as circled
        letters) change: see :attr:`ListScan.lowered_pattern`."""
        if text is not self._text:
            return None
        if self._lowered is False:
            lowered = text.lower()
            self._lowered = lowered if len(lowered) == len(text) else None
        return self._lowered


def ascii_alnum(text: str) -> bool:
    """The text has no letter or digit outside ASCII (accents folded away, or none to begin with)."""
    return text.isascii() or not _NON_ASCII_ALNUM.search(text)


class ListScan:
    r"""The whole-text scan of a named-list pattern: a trie of words between guards such as
    ``(?<![\p{L}\p{N}])`` and ``(?![\p{L}\p{N}])``.

    Why: the standard library's ``re`` runs such a trie about 5x faster than ``regex`` (tested on
    the dev texts; on alternations of phrases it is no faster). On a text with no letter or digit
    outside ASCII (see :func:`ascii_alnum`: most news, the more so once folded) the two find the
    same matches: ``\p{L}`` and ``\p{N}`` in the guards then stand for ``A-Za-z`` and ``0-9``, and
    ASCII letters compare case-insensitively the same way. On any other text, and for a pattern
    using more of ``regex``'s syntax, the ``regex`` pattern itself scans.
    """

    def __init__(self, source: str, flags: int, compile_pattern: Callable[[], regex.Pattern] | None = None):
        """``source`` and ``flags``: the ``regex`` pattern's; ``compile_pattern`` gives that pattern
        (compiled by a cache such as :meth:`Lexicon.matcher`), by default ``regex.compile``.

        Both engines' patterns are compiled on first use: a trie of thousands of names takes a tenth
        of a second to compile, the ``regex`` one is needed only for the rarer non-ASCII text, and
        a run of one short document may need neither.
        """
        self.source, self.flags = source, flags
        self._compile_pattern = compile_pattern or functools.partial(regex.compile, source, flags)
        self._pattern: regex.Pattern | None = None
        self._ascii_pattern: re.Pattern | None | bool = False  # False: not compiled yet; None: there is none
        self._lowered_pattern: re.Pattern | None | bool = False  # the same, for lowered_pattern

    @classmethod
    def of(cls, pattern: regex.Pattern) -> ListScan:
        """The scan of a pattern compiled already."""
        scan = cls(pattern.pattern, pattern.flags)
        scan._pattern = pattern
        return scan

    def __getstate__(self) -> dict:
        """Pickled (for the language cache, or a worker) with both engines' patterns compiled: the
        process that reads it then compiles nothing."""
        self.pattern, self.ascii_pattern, self.lowered_pattern  # noqa: B018 - compiled for their side effect
        return self.__dict__

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:
            self._pattern = self._compile_pattern()
        return self._pattern

    @property
    def ascii_pattern(self) -> re.Pattern | None:
        """The standard library's pattern, or None when the source uses more of ``regex``'s syntax."""
        if self._ascii_pattern is False:
            self._ascii_pattern = None
            source = _CLASS_WITH_PROPERTY.sub(lambda m: m.group().replace(r"\p{L}", "A-Za-z").replace(r"\p{N}", "0-9"), self.source)
            if not self.flags & ~(regex.IGNORECASE | regex.UNICODE | regex.VERSION0) and "\\p" not in source and "\\L" not in source:
                try:
                    self._ascii_pattern = re.compile(source, re.IGNORECASE if self.flags & regex.IGNORECASE else 0)
                except re.error:
                    pass
        return self._ascii_pattern

    @property
    def lowered_pattern(self) -> re.Pattern | None:
        """:attr:`ascii_pattern` without IGNORECASE, for the lower-cased text; None when it is not
        case-insensitive or its source spells a capital or a case-dependent character class.

        Why: the standard library's engine compares every character case-insensitively through a
        lookup per character; the same trie, case-sensitive, scans the lower-cased text about 2.5x
        faster (measured on news). On an ASCII stretch (no letter or digit outside ASCII) lower-casing
        changes only ASCII capitals, which the case-insensitive pattern reads as their small letters,
        and symbols such as circled letters, which no such source names (:func:`_reads_lowered_alike`):
        so both find matches at the same places. A match found is read again with :attr:`ascii_pattern`
        at its start in the text itself: the same span, and the text's own letters in ``group()``.
        """
        if self._lowered_pattern is False:
            self._lowered_pattern = None
            ascii_pattern = self.ascii_pattern
            if ascii_pattern is not None and ascii_pattern.flags & re.IGNORECASE:
                try:
                    lowered = re.compile(ascii_pattern.pattern)
                    readable = not lowered.flags & re.IGNORECASE and _reads_lowered_alike(sre_parser.parse(ascii_pattern.pattern))
                except (re.error, RecursionError, OverflowError, ValueError):
                    readable = False
                if readable:
                    self._lowered_pattern = lowered
        return self._lowered_pattern

    def finditer(self, text: str, lines: AsciiLines, pos: int = 0, endpos: int | None = None) -> Iterator:
        """Matches in ``text[pos:endpos]`` (seeing the text around it, as ``finditer`` does); ``lines``:
        the text's :class:`AsciiLines`, whose ASCII stretches run on the faster engine (on the
        lower-cased text when :attr:`lowered_pattern` can read it)."""
        endpos = len(text) if endpos is None else endpos
        ascii_pattern = self.ascii_pattern
        for start, end, ascii_only in lines.pieces(pos, endpos):
            if ascii_only and ascii_pattern is not None:
                lowered_pattern = self.lowered_pattern
                lowered = lines.lowered(text) if lowered_pattern is not None else None
                if lowered is None:
                    yield from ascii_pattern.finditer(text, start, end)
                    continue
                match_at = ascii_pattern.match
                for found in lowered_pattern.finditer(lowered, start, end):
                    match = match_at(text, found.start(), end)
                    if match is not None:  # always, by _reads_lowered_alike; a None would end the document
                        yield match
            else:
                yield from self.pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT)

    def fullmatch(self, text: str, lines: AsciiLines, pos: int = 0, endpos: int | None = None):
        """The pattern's ``fullmatch`` of ``text[pos:endpos]``, on the faster engine where :meth:`finditer` would use it."""
        endpos = len(text) if endpos is None else endpos
        if self.ascii_pattern is not None and lines.ascii_only(pos, endpos):
            return self.ascii_pattern.fullmatch(text, pos, endpos)
        return self.pattern.fullmatch(text, pos, endpos, timeout=PATTERN_TIMEOUT)


# Greek iota and the combining ypogegrammeni (a mark, not a letter) match each other case-insensitively
_IOTAS = frozenset("\u0345\u0399\u03b9\u1fbe")


def _lowered_alike(char: str) -> bool:
    """A literal that the lower-cased text holds wherever a case-insensitive match of it could be in an
    ASCII stretch: no capital, and either ASCII, without case, or a letter (absent from such a
    stretch, as are all its case partners but the iotas' mark)."""
    if char.lower() != char:
        return False
    return char.isascii() or char.upper() == char or (char.isalpha() and char not in _IOTAS)


def _reads_lowered_alike(items) -> bool:
    """Is the parsed pattern ``items``, case-sensitive on a lower-cased ASCII stretch, the same as
    case-insensitive on the stretch itself? Literals must be :func:`_lowered_alike`, each class closed
    under lower-casing (a capital in it with its small letter, ranges within ASCII), no inline flags,
    no back-references; anything else this reader does not know is a no."""
    for op, value in items:
        if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL):
            alike = _lowered_alike(chr(value))
        elif op is sre_constants.IN:
            alike = _class_reads_lowered_alike(value)
        elif op is sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, body = value
            alike = not add_flags and not del_flags and _reads_lowered_alike(body)
        else:
            parts = _parts(op, value)
            alike = parts is not None and all(_reads_lowered_alike(part) for part in parts)
        if not alike:
            return False
    return True


def _class_reads_lowered_alike(members) -> bool:
    """A parsed class (the members of an ``IN``) for :func:`_reads_lowered_alike`."""
    chars = set()
    for kind, member in members:
        if kind is sre_constants.LITERAL:
            chars.add(chr(member))
        elif kind is sre_constants.RANGE and member[1] <= 0x7F:
            chars.update(map(chr, range(member[0], member[1] + 1)))
        elif kind not in (sre_constants.NEGATE, sre_constants.CATEGORY):
            return False
    return (all(char.isascii() or _lowered_alike(char) for char in chars)
            and all(char.lower() in chars for char in chars if char.isascii() and char.isupper()))


def _parts(op, value) -> list | None:
    """The parsed sequences inside a branch, repeat, lookaround or atomic group; none for ``^``,
    ``\\b`` and the dot; None for any other item."""
    if op is sre_constants.BRANCH:
        return list(value[1])
    if op in _REPEATS:
        return [value[2]]
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [value[1]]
    if op is sre_constants.ATOMIC_GROUP:
        return [value]
    if op in (sre_constants.AT, sre_constants.ANY):
        return []
    return None


_PREFIX_LENGTH = 4  # characters of a pattern's literal prefixes looked for
_MAX_PREFIXES = 300
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}")
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_UNKNOWN = (sre_constants.ANY, None)  # stands for whatever may follow a repeated part
_DIGIT = sre_constants.CATEGORY_DIGIT
_SPACE_CLASS = [(sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)]  # \s, parsed
_SPACES = "\x00"  # in a lead (see PrefixScan.lead): one or more white-space characters
_LETTER = "\ue001"  # in a lead: a letter (read off \p{L}, \p{Lu}, \p{Ll}, ...), see _LETTER_CLASS
_LETTER_PROPERTY = regex.compile(r"\\p\{L[ultmo&]?\}")
# What a letter of the text is in the lower-cased text, on the standard library's engine: any character but the
# ASCII ones that are no letter (a superset, whatever Unicode version either engine reads).
_LETTER_CLASS = r"[^\x00-\x40\x5b-\x60\x7b-\x7f]"
_LEAD_LENGTH = 10  # characters (a run of spaces counting one) of a pattern's leads
# In the lower-cased text of the prefix scans every white-space character but the line feed reads as
# a space (one character for one: offsets hold), and so in the prefixes and leads: a prefix or lead
# then finds a place the rule's own white space could match, and a few more (the rule decides).
# ``\\s`` then stands for these two characters (Python's white space, which ``re``'s ``\\s`` takes in,
# holds every Unicode White_Space character that ``regex``'s matches).
_WHITE_SPACE = frozenset(" \n")
_OTHER_SPACE = re.compile(r"[^\S\n ]")


def _spaced(chars: str) -> str:
    """``chars`` with every white-space character but the line feed read as a space."""
    return _OTHER_SPACE.sub(" ", chars) if _OTHER_SPACE.search(chars) else chars


def spaced_lowered(text: str) -> str | None:
    """``text`` as :class:`PrefixTable` searches it (lower-cased, white space but line feeds as
    spaces), when :func:`lowering_keeps_matches`; else None."""
    return _spaced(text.lower()) if lowering_keeps_matches(text) else None


_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")  # word characters for \b in any engine


def _prefixes(items: list, budget: int, spaces: bool = False, wide: bool = False) -> set[str]:
    """Lower-cased literal strings (at most ``budget`` long) one of which starts every match of
    the parsed sequence ``items``; ``""`` among them when some match may start with anything.
    With ``spaces``, a ``\\s`` or a run of them (``\\s+``) stands in the strings as :data:`_SPACES`
    and the strings go on past it (see :attr:`PrefixScan.lead`). With ``wide``, a ``\\s`` stands
    for each white-space character (:data:`_WHITE_SPACE`), and strings too many to keep are cut
    shorter, down to one character, before the search gives up (see :class:`PrefixScan`)."""
    if budget == 0:
        return {""}
    for index, (op, value) in enumerate(items):
        if spaces and op is sre_constants.ASSERT and value[0] == 1:
            # a lookahead ('\.(?=\p{Lu}\p{Ll})'): what follows it, or when that may be anything, what it requires
            after = _prefixes(items[index + 1:], budget, spaces, wide)
            return after if "" not in after else _prefixes([*value[1], _UNKNOWN], budget, spaces, wide)
        if op in _ZERO_WIDTH:
            continue  # \b, lookarounds: the next consuming item starts at the same place
        rest = items[index + 1:]
        if op is sre_constants.LITERAL and not (spaces and chr(value) == _SPACES):
            found = {_spaced(chr(value).lower()) + tail for tail in _prefixes(rest, budget - 1, spaces, wide)}
        elif spaces and (op is sre_constants.IN and value == _SPACE_CLASS
                         or op in _REPEATS and value[0] >= 1 and value[1] == sre_constants.MAXREPEAT and list(value[2]) == [(sre_constants.IN, _SPACE_CLASS)]):
            found = {_SPACES + tail for tail in _prefixes(rest, budget - 1, spaces, wide)}
        elif wide and op is sre_constants.IN and value == _SPACE_CLASS:
            tails = _prefixes(rest, budget - 1, spaces, wide)
            found = {char + tail for char in _WHITE_SPACE for tail in tails}
        elif op is sre_constants.IN and all(kind is sre_constants.LITERAL and not (spaces and chr(member) == _SPACES) or member == _DIGIT for kind, member in value):
            tails = _prefixes(rest, budget - 1, spaces, wide)
            found = {char + tail for char in _class_chars(value) for tail in tails}
        elif op is sre_constants.SUBPATTERN:
            found = _prefixes([*value[-1], *rest], budget, spaces, wide)
        elif op is sre_constants.ATOMIC_GROUP:
            found = _prefixes([*value, *rest], budget, spaces, wide)
        elif op is sre_constants.BRANCH:
            found = set().union(*(_prefixes([*branch, *rest], budget, spaces, wide) for branch in value[1]))
        elif wide and op in _REPEATS and value[0] >= 1:  # once, then the rest of the repetition
            low, high, body = value
            again = (op, (low - 1, high if high == sre_constants.MAXREPEAT else high - 1, body))
            found = _prefixes([*body, again, *rest], budget, spaces, wide)
        elif op in _REPEATS:
            low, high, body = value
            # a part taken at most once ('(?:the\s+)?', '-?') is read on into what follows it: 'the\s+' then a
            # digit, not 'the' alone (where 'the' starts, the rule was tried at every 'the' of the text)
            found = _prefixes([*body, *rest], budget, spaces, wide) if high == 1 else {""}
            if high != 1 or len(found) > _MAX_PREFIXES or "" in found:  # too many, or no better: cut there as before
                found = _prefixes([*body, _UNKNOWN], budget, spaces, wide)
            if low == 0:
                found |= _prefixes(rest, budget, spaces, wide)
        else:
            return {""}
        if len(found) <= _MAX_PREFIXES:
            return found
        if spaces:
            return _shortened(found)
        return _prefixes(items, budget - 1, spaces, wide) if wide and budget > 1 else {""}
    return {""}


def _shortened(found: set[str]) -> set[str]:
    """Leads too many to keep, cut shorter (a character, or a run of spaces, at a time) until they are
    few enough: the start of a lead starts every match the lead starts."""
    length = max(map(len, found))
    while len(found) > _MAX_PREFIXES and length > 1:
        length -= 1
        found = {lead[:length] for lead in found}
    return found if len(found) <= _MAX_PREFIXES else {""}


def _word_firsts_inside(items: list) -> set[str] | None:
    """The ASCII word characters (lower-cased) a match of the parsed sequence ``items`` may begin with
    where an ASCII letter, digit or underscore comes before it; None when the parse does not tell.

    Why: a rule whose every branch that opens with a word opens with ``\\b`` (``\\b(?:said|that)\\b``
    beside ``[;:!?]``) cannot start inside a word, though ``PrefixScan.word_start`` (read off the
    rule's first item only) does not know it; the prefix table then looks for fewer prefixes inside
    words (see :class:`PrefixTable`)."""
    for index, (op, value) in enumerate(items):
        if op is sre_constants.AT and value is sre_constants.AT_BOUNDARY:
            return set()  # a word character before, so none after
        if op is sre_constants.ASSERT and value[0] < 0 and _last_word_chars(list(value[1])) == set():
            return set()  # a lookbehind whose last character is no word character
        if op in _ZERO_WIDTH:
            continue
        rest = items[index + 1:]
        if op is sre_constants.LITERAL:
            char = chr(value).lower()
            return {char} if char in _ASCII_WORD else set()
        if op is sre_constants.IN:
            return _class_word_chars(value)
        if op is sre_constants.SUBPATTERN:
            return _word_firsts_inside([*value[-1], *rest])
        if op is sre_constants.ATOMIC_GROUP:
            return _word_firsts_inside([*value, *rest])
        if op is sre_constants.BRANCH:
            found: set[str] = set()
            for branch in value[1]:
                firsts = _word_firsts_inside([*branch, *rest])
                if firsts is None:
                    return None
                found |= firsts
            return found
        if op in _REPEATS:
            low, _, body = value
            firsts = _word_firsts_inside([*body, _UNKNOWN])
            if firsts is not None and low == 0:
                after = _word_firsts_inside(rest)
                firsts = None if after is None else firsts | after
            return firsts
        return None
    return set()


def _last_word_chars(items: list) -> set[str] | None:
    """The ASCII word characters (lower-cased) the last character of a match of ``items`` may be; None when not known."""
    if not items:
        return None
    op, value = items[-1]
    if op is sre_constants.LITERAL:
        return {chr(value).lower()} & _ASCII_WORD
    if op is sre_constants.IN:
        return _class_word_chars(value)
    if op is sre_constants.SUBPATTERN:
        return _last_word_chars(list(value[-1]))
    if op is sre_constants.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            chars = _last_word_chars(list(branch))
            if chars is None:
                return None
            found |= chars
        return found
    if op in _REPEATS and value[0] >= 1:
        return _last_word_chars(list(value[2]))
    return None


def _class_word_chars(members: list) -> set[str] | None:
    """The ASCII word characters (lower-cased) a parsed class may match; None when not known (a
    negated class, ``\\w``, ``\\W``, which also stands for a property here, and the like)."""
    chars: set[str] = set()
    for kind, member in members:
        if kind is sre_constants.LITERAL:
            chars.add(chr(member).lower())
        elif kind is sre_constants.RANGE:
            chars.update(chr(code).lower() for code in range(member[0], min(member[1], 0x7F) + 1))
        elif kind is sre_constants.CATEGORY and member in (sre_constants.CATEGORY_DIGIT, sre_constants.CATEGORY_SPACE):
            chars.update("0123456789" if member == _DIGIT else "")
        else:
            return None
    return chars & _ASCII_WORD


def _class_chars(members: list) -> set[str]:
    """The characters of a parsed class of literals and ``\\d`` (ASCII digits: the scans using
    these prefixes run only on texts without other digits), lower-cased."""
    chars = set()
    for kind, member in members:
        chars.update("0123456789" if member == _DIGIT else _spaced(chr(member).lower()))
    return chars


# Why some rules are tried without a time-out. ``regex`` reads the process's CPU clock (a system call)
# at each match it starts with a ``timeout``: some 2-4 µs, more than the match itself, and the
# clause-boundary rules alone are tried some 30,000 times per MB of news. The time-out is a safety
# net for a try whose work grows with the text (backtracking over long runs). A rule whose repeats
# without an upper bound each repeat one white-space character, or one word character (a letter,
# digit, '_', '.', '-', an apostrophe), can run no further than the longest run of such characters:
# in a text with no run longer than RUN_LIMITS, each try is bounded by the rule alone, and a rule
# whose bound (:func:`_attempt_paths`) is at most MAX_ATTEMPT_PATHS is tried there without a
# time-out. Any other rule, and any text with a longer run (a padded page, words joined by dashes),
# keeps the time-out.
RUN_LIMITS = {"space": 16, "word": 40}
MAX_ATTEMPT_PATHS = 100_000
_RUN_CLASSES = {"space": regex.compile(r"\s"), "word": regex.compile(r"[\w.\-'’]")}
_LONG_SPACE_RUN = regex.compile(rf"\s{{{RUN_LIMITS['space'] + 1}}}")
_LONG_WORD_RUN = regex.compile(rf"[\w.\-'’]{{{RUN_LIMITS['word'] + 1}}}")
# A run of RUN_LIMITS["space"] + 1 = 17 white-space characters holds 4 consecutive multiples of
# _SPACE_STRIDE (17 >= 4 * 4 + 1): one of them, i, in its first 4 places, so the run starts in
# [4 * i - 3, 4 * i] and ends before 4 * i + 29; the text's every 4th character then has 4 white-space
# characters in a row at i. _SPACE_STRIDE_RUN searches that quarter of the text for them.
_SPACE_STRIDE = 4
_SPACE_STRIDE_RUN = regex.compile(rf"\s{{{(RUN_LIMITS['space'] + 1) // _SPACE_STRIDE}}}")
_SPACE_STRIDE_CHECKS = 64  # candidates checked one by one before the whole rest of the text is searched


def _long_space_run(text: str) -> bool:
    """``text`` has a run of white space longer than :data:`RUN_LIMITS` allows (:data:`_LONG_SPACE_RUN`).

    Why not that search alone: ``regex`` tries a class at every place of the text, 5 ms per 512 KB of
    news. The search over every 4th character (a copy a quarter as long, under 0.1 ms) finds the
    places such a run can be; each is checked in a window around it (the run's every start and end
    lie in it: see :data:`_SPACE_STRIDE`). Non-overlapping candidates miss none: in a longer run of
    the strided copy a candidate starts at most 3 places before the one a run's first multiple is
    at. After many candidates (text padded with spaces), the rest of the text is searched at once."""
    stride = _SPACE_STRIDE
    for count, candidate in enumerate(_SPACE_STRIDE_RUN.finditer(text[::stride])):
        at = stride * candidate.start()
        if count == _SPACE_STRIDE_CHECKS:
            return _LONG_SPACE_RUN.search(text, max(0, at - 4 * stride)) is not None
        if _LONG_SPACE_RUN.search(text, max(0, at - 4 * stride), at + 8 * stride) is not None:
            return True
    return False


def short_runs(text: str) -> bool:
    """``text`` has no run of white space longer than :data:`RUN_LIMITS` allows, nor of word characters.

    A run of word characters lies inside one of the text's white-space separated tokens (no word
    character is white space), so only a token longer than the limit (a web address) is searched:
    one search of the whole text for such a run tries every letter and took 15 ms per 64,000
    characters, the split takes under one."""
    if _long_space_run(text):
        return False
    limit = RUN_LIMITS["word"]
    return not any(len(token) > limit and _LONG_WORD_RUN.search(token) for token in text.split())


_PROPERTY_MARK = "\ue000"  # a property (\p{N}) read as a private-use character: in no run class
# A property of word characters read as another private-use character: every letter (\p{L}, and so
# \p{Lu} and \p{Ll}, whatever the case flag), mark and decimal digit is a word character of the runs
# (``regex``'s \w holds them all: tests/test_thru7_scanning.py checks every code point).
_LETTER_MARK = "\ue001"
_LETTER_PROPERTY = regex.compile(r"(?<!\\)\\p\{(?:L|Lu|Ll|M|Nd)\}")


def _run_class(item) -> str | None:
    """The run class ("space" or "word") holding every character the parsed one-character ``item`` matches; else None."""
    op, value = item
    members = value if op is sre_constants.IN else [item]
    kinds = set()
    for kind, member in members:
        if kind is sre_constants.CATEGORY:
            if member is sre_constants.CATEGORY_SPACE:
                kinds.add("space")
            elif member in (sre_constants.CATEGORY_WORD, sre_constants.CATEGORY_DIGIT):
                kinds.add("word")
            else:
                return None
            continue
        if kind is sre_constants.LITERAL and member == ord(_LETTER_MARK):
            kinds.add("word")
            continue
        if kind is sre_constants.LITERAL:
            chars = [chr(member)]
        elif kind is sre_constants.RANGE and member[1] - member[0] < 256:
            chars = [chr(code) for code in range(member[0], member[1] + 1)]
        else:
            return None  # a negated class, a wide range, anything else
        found = [name for name, run in _RUN_CLASSES.items() if all(run.fullmatch(char) for char in chars)]
        if not found:
            return None
        kinds.add(found[0])
    return kinds.pop() if len(kinds) == 1 else None



def _repeated_run_class(repeated) -> str | None:
    """The run class of what an unbounded repeat repeats, when that is one character (a class, a literal,
    a category): how many times it can go on is then the run limit of that class; else None."""
    if len(repeated) != 1 or repeated[0][0] not in (sre_constants.IN, sre_constants.LITERAL, sre_constants.CATEGORY):
        return None
    return _run_class(repeated[0])

# The characters a match may open with (see _opening): characters, and "space" / "word" for the
# classes \s, \w, \d and the letter properties; None when not known (any character).
Opening = frozenset | None
_CATEGORY_OPENINGS = {sre_constants.CATEGORY_SPACE: "space", sre_constants.CATEGORY_WORD: "word", sre_constants.CATEGORY_DIGIT: "word"}


def _union(first: Opening, second: Opening) -> Opening:
    return None if first is None or second is None else first | second


def _class_opening(members) -> Opening:
    """The opening of a parsed one-character item's members (those of an ``IN``, or the item itself)."""
    found = set()
    for kind, member in members:
        if kind is sre_constants.LITERAL:
            if member == ord(_PROPERTY_MARK):
                return None
            found.add("word" if member == ord(_LETTER_MARK) else chr(member))
        elif kind is sre_constants.RANGE and member[1] - member[0] < 256:
            found.update(chr(code) for code in range(member[0], member[1] + 1))
        elif kind is sre_constants.CATEGORY and member in _CATEGORY_OPENINGS:
            found.add(_CATEGORY_OPENINGS[member])
        else:
            return None  # a negated class, a wide range, another category
    return frozenset(found)


def _item_opening(op, value, after: Opening) -> Opening:
    """What a match of the parsed item may open with, when ``after`` follows it. A look-around is
    not read: an opening that starts with one is not known (it would be tried before the first
    character, see _attempt_paths)."""
    if op is sre_constants.AT:
        return after
    if op in (sre_constants.LITERAL, sre_constants.IN):
        return _class_opening(value if op is sre_constants.IN else [(op, value)])
    if op is sre_constants.SUBPATTERN or op is sre_constants.ATOMIC_GROUP:
        return _opening(list(value[-1] if op is sre_constants.SUBPATTERN else value), after)
    if op is sre_constants.BRANCH:
        found: Opening = frozenset()
        for branch in value[1]:
            found = _union(found, _opening(list(branch), after))
        return found
    if op in _REPEATS:
        low, _high, repeated = value
        found = _opening(list(repeated), after)
        return _union(found, after) if low == 0 else found
    return None


def _opening(items, after: Opening) -> Opening:
    """What a match of the parsed sequence ``items`` may open with, when ``after`` follows it."""
    for op, value in reversed(items):
        after = _item_opening(op, value, after)
    return after


def _disjoint(opening: Opening, kind: str) -> bool:
    """Can no character ``opening`` holds be in the run class ``kind`` (in any case)?"""
    if opening is None:
        return False
    run = _RUN_CLASSES[kind]
    for char in opening:
        if char in _CATEGORY_OPENINGS.values():
            if char == kind:
                return False
        elif any(run.fullmatch(variant) for variant in {char, char.lower(), char.upper(), char.casefold()}):
            return False
    return True


def _attempt_paths(items, after: Opening = None, forward: bool = True) -> int | None:
    r"""An upper bound on the ways one try of the parsed sequence ``items`` at one place can go (each
    repeat without an upper bound counting as the run limit of its class); None when a repeat
    without an upper bound repeats more than one character of a run class, or on a back reference.

    ``after``: what may follow the sequence (see _opening; None: not known). A run repeated without
    bound and followed by what cannot open with a character of its class (``\s+`` before a word,
    ``\p{L}+`` before a space) counts as one way: a try ends the run where the text's run ends, and
    every shorter choice the engine backtracks to fails at the next character (the run's own), at
    once: no look-around is tried first, as ``after`` is not known when it opens with one.
    ``forward``: False inside a look-behind, which ``regex`` matches from right to left: there
    every run counts at its limit."""
    total = 1
    for op, value in reversed(items):
        ways = _item_paths(op, value, after, forward)
        if ways is None:
            return None
        total *= ways
        if total > MAX_ATTEMPT_PATHS:
            return None
        after = _item_opening(op, value, after) if forward else None
    return total


def _item_paths(op, value, after: Opening, forward: bool) -> int | None:
    """The ways of one parsed item of :func:`_attempt_paths`."""
    if op in _REPEATS:
        low, high, repeated = value
        if high == sre_constants.MAXREPEAT:
            kind = _repeated_run_class(repeated)
            if kind is None:
                return None
            return 1 if forward and _disjoint(after, kind) else RUN_LIMITS[kind] + 1
        repeated = list(repeated)
        inner = _attempt_paths(repeated, _union(_opening(repeated, after), after) if forward else None, forward)
        if inner is None:
            return None
        if inner == 1:
            return high - low + 1
        return None if high > 64 else sum(inner ** count for count in range(low, high + 1))
    if op is sre_constants.SUBPATTERN or op is sre_constants.ATOMIC_GROUP:
        return _attempt_paths(list(value[-1] if op is sre_constants.SUBPATTERN else value), after, forward)
    if op is sre_constants.BRANCH:
        branches = [_attempt_paths(list(branch), after, forward) for branch in value[1]]
        if None in branches:
            return None
        return _branch_ways(branches, [_opening(list(branch), after) for branch in value[1]]) if forward else sum(branches)
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        direction, body = value
        inner = _attempt_paths(list(body), None, forward and direction == 1)
        return None if inner is None else 1 + inner
    if op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
        return None
    return 1


def _meets(atom: str, char: str) -> bool:
    """May an opening's ``atom`` match the text character ``char``: one character, or "word" /
    "space" for one of that class not written in any opening (then only the class itself meets it)?"""
    if atom == char:
        return True
    if char in ("word", "space"):
        return False
    if atom == "word":
        return not char.isascii() or char.isalnum() or char == "_"
    return atom == "space" and (not char.isascii() or char.isspace())


def _normal_atom(atom: str) -> str:
    """An opening's atom as :func:`_meets` compares them: an ASCII letter in small letters (a case-
    insensitive alternative meets either case), a letter outside ASCII as any word character
    (``regex`` equates some of them with ASCII letters: 'ſ' with 's', the Kelvin sign with 'k')."""
    if atom.isascii():
        return atom.lower()
    return "word" if atom.lower() != atom.upper() or atom.isalpha() else atom


def _branch_ways(ways: list[int], openings: list[Opening]) -> int:
    """The ways of an alternation whose alternatives have ``ways`` and ``openings``: at one place
    the text's next character is one, so only the alternatives that may open with it go further;
    every other one fails at that character, at once. The most of them any one character lets
    through: the alternatives of month names, opening with eight letters, count as the four
    that open with 'j'."""
    normal = [None if opening is None else {_normal_atom(atom) for atom in opening} for opening in openings]
    chars = {"word", "space"}.union(*(opening for opening in normal if opening is not None))
    return max(sum(count for count, opening in zip(ways, normal)
                   if opening is None or any(_meets(atom, char) for atom in opening)) for char in chars)


def _bounded_attempts(pattern: regex.Pattern) -> bool:
    """Is every try of ``pattern`` at one place bounded, on a text whose runs :data:`RUN_LIMITS` bounds?
    A pattern the standard library's parser cannot read, in ``regex``'s version 1 (set operations)
    or matched from right to left, is not. A try ends at the pattern's end (``match``): nothing
    follows it."""
    if pattern.flags & (regex.V1 | regex.REVERSE):
        return False
    source = _PROPERTY.sub(_PROPERTY_MARK, _LETTER_PROPERTY.sub(_LETTER_MARK, pattern.pattern))
    try:
        parsed = sre_parser.parse(_GROUP_NAME.sub("(?:", source))
    except (re.error, RecursionError, OverflowError, ValueError):
        return False
    return _attempt_paths(list(parsed), frozenset()) is not None


def _attempt_reach(items) -> tuple[int, int] | None:
    r"""(advance, reach): at most how many characters one try of the parsed sequence ``items`` consumes,
    and how many after its place it reads (a look-ahead reads past what it consumes), on a text whose
    runs :data:`RUN_LIMITS` bounds (a repeat without an upper bound of one run-class character counts
    as its run limit); None when not known (such a repeat of more, a back reference, an end anchor,
    anything else)."""
    advance = reach = 0
    for op, value in items:
        if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY, sre_constants.CATEGORY):
            inner = (1, 1)
        elif op in _REPEATS:
            _, high, repeated = value
            if high == sre_constants.MAXREPEAT:
                kind = _repeated_run_class(repeated)
                if kind is None:
                    return None
                high, repeated = RUN_LIMITS[kind], list(repeated)
            once = _attempt_reach(list(repeated))
            if once is None:
                return None
            inner = (high * once[0], (high - 1) * once[0] + once[1] if high else 0)
        elif op is sre_constants.SUBPATTERN or op is sre_constants.ATOMIC_GROUP:
            inner = _attempt_reach(list(value[-1] if op is sre_constants.SUBPATTERN else value))
        elif op is sre_constants.BRANCH:
            branches = [_attempt_reach(list(branch)) for branch in value[1]]
            inner = None if None in branches else (max(b[0] for b in branches), max(b[1] for b in branches))
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            direction, body = value
            ahead = _attempt_reach(list(body)) if direction == 1 else (0, 0)  # a look-behind reads before the place
            inner = None if ahead is None else (0, ahead[1])
        elif op is sre_constants.AT and value in (sre_constants.AT_BOUNDARY, sre_constants.AT_NON_BOUNDARY,
                                                   sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING):
            inner = (0, 0)
        else:
            return None
        if inner is None:
            return None
        reach = max(reach, advance + inner[1])
        advance += inner[0]
    return advance, max(reach, advance)


def attempt_window(pattern: regex.Pattern) -> int | None:
    """How far past a place one try of ``pattern`` there reads, plus one (the character a word boundary
    or an end test at its last place looks at), on a text :func:`short_runs` holds for; None when not
    known (see :func:`_attempt_reach`; as for :func:`_bounded_attempts`, ``regex``'s version 1, right
    to left and full case folding are not read).

    Why: ``regex`` looks for a literal every match must hold (the 'that' of 'issued a statement
    that') from the place to the end of the text before it tries there: on a text without it every
    try costs the rest of the text, and a scan of such tries grows with the square of the text. A
    try given the end of this window finds the same match or none."""
    if pattern.flags & (regex.V1 | regex.REVERSE | regex.FULLCASE):
        return None
    source = _PROPERTY.sub(_PROPERTY_MARK, _LETTER_PROPERTY.sub(_LETTER_MARK, pattern.pattern))
    try:
        parsed = sre_parser.parse(_GROUP_NAME.sub("(?:", source))
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    reach = _attempt_reach(list(parsed))
    return None if reach is None else reach[1] + 1


class PrefixTable:
    """The literal prefixes of a group of :class:`PrefixScan` rules, looked for in a document in one pass.

    Why: looking for each of some 160 prefixes with ``str.find`` took a tenth of the extraction
    time (sampled); one scan of the text with a trie of all of them at every position finds every
    occurrence at once (at each position the longest prefix found there, and those of the
    group's prefixes that begin it: every prefix found there begins the longest one).

    Inside a word (after an ASCII letter, digit or underscore) only the prefixes some rule may
    match there are looked for: those of rules that do not start at ``\b`` and those that do not
    begin with a word character. A rule starting at ``\b`` never reads the offsets of its
    word-character prefixes inside a word (:meth:`LoweredText.offsets`), and half of the places
    where a prefix such as 'a' or 'in' starts are inside words.

    ``sparse``: for a group whose prefixes are rare in text ('his', 'issued'; not 'a', 'the' or a
    space), the trie alone is searched, from one place found to the next: a pattern that opens with
    a literal lets the engine skip ahead to its first characters, where the two zero-width
    alternatives above try every position (measured: some 4x faster on news for such a group, and
    slower for a dense one, whose places are a few characters apart). Whether a place is inside a
    word is then read from the character before it. The same places and prefixes either way.

    Otherwise the scan is two scans, one for the places after a character that is not an ASCII word
    character and one for those after one, each consuming that character and looking ahead for
    its trie: a pattern opening with a character class lets the standard library's engine skip
    ahead to the places holding one (and try one trie, not two), where a pattern opening with a
    look-behind is tried at every place; the text's first place is tried on its own. Measured on
    64,000 characters of news: 16 ms for the two scans against 23-29 ms for one. The same places,
    with the same longest prefixes.
    """

    def __init__(self, scans: Iterable[PrefixScan], sparse: bool = False):
        scans = [scan for scan in scans if scan.prefixes]
        prefixes = {prefix for scan in scans for prefix in scan.prefixes}
        inside = {prefix for scan in scans for prefix in scan.prefixes
                  if prefix[0] not in _ASCII_WORD or not scan.word_start and (scan.inside_firsts is None or prefix[0] in scan.inside_firsts)}
        self._sparse = sparse
        self._pattern: re.Pattern | None = None  # sparse: the trie alone
        self._first: re.Pattern | None = None  # the longest prefix at the text's start
        self._after_other: re.Pattern | None = None  # after a character not in [A-Za-z0-9_]: the longest prefix
        self._after_word: re.Pattern | None = None  # after one in [A-Za-z0-9_]: the longest of ``inside``
        if prefixes and sparse:
            self._pattern = re.compile(trie_pattern(prefixes))
        elif prefixes:
            trie = trie_pattern(prefixes)
            self._first = re.compile(f"(?=({trie}))")
            self._after_other = re.compile(f"[^A-Za-z0-9_](?=({trie}))")
            if inside:
                self._after_word = re.compile(f"[A-Za-z0-9_](?=({trie_pattern(inside)}))")
        self._prefixes_of = {found: [found[:n] for n in range(1, len(found) + 1) if found[:n] in prefixes] for found in prefixes}
        if sparse:  # inside a word: the longest prefix found there is of the whole set; those of ``inside`` that begin it
            self._inside_prefixes_of = {found: [prefix for prefix in starts if prefix in inside] for found, starts in self._prefixes_of.items()}
        else:
            self._inside_prefixes_of = {found: [found[:n] for n in range(1, len(found) + 1) if found[:n] in inside] for found in inside}

    def lowered(self, text: str, spaced: str | None | bool = False, runs: Callable[[], bool] | None = None) -> LoweredText | None:
        """The document lower-cased with its prefixes found, when :func:`lowering_keeps_matches`; else None.
        ``spaced``: :func:`spaced_lowered` of ``text`` when computed already (a document's analysis
        holds it for every table that reads the document); ``runs``: gives :func:`short_runs` of
        ``text``, computed once per document for every table (the document's analysis)."""
        if spaced is False:
            spaced = spaced_lowered(text)
        return LoweredText(spaced, self, runs) if spaced is not None else None

    def find(self, lowered: str) -> dict[str, list[int]]:
        """Every prefix found in the lower-cased text, with its offsets (ascending; overlaps included),
        except the offsets inside a word of prefixes only rules starting at a word boundary have."""
        if self._sparse:
            return self._find_sparse(lowered)
        found: dict[str, list[int]] = {}
        if self._after_other is None:
            return found
        first = self._first.match(lowered)
        if first is not None:
            for prefix in self._prefixes_of[first.group(1)]:
                found[prefix] = [0]
        self._add(found, self._after_other, lowered, self._prefixes_of)
        if self._after_word is not None:
            inside: dict[str, list[int]] = {}
            self._add(inside, self._after_word, lowered, self._inside_prefixes_of)
            for prefix, offsets in inside.items():
                other = found.get(prefix)
                if other is None:
                    found[prefix] = offsets
                else:  # both ascending: one sort of two runs
                    other.extend(offsets)
                    other.sort()
        return found

    def _find_sparse(self, lowered: str) -> dict[str, list[int]]:
        """:meth:`find` for a sparse table: the trie searched from one place found to the next, and whether a
        place is inside a word read from the character before it."""
        found: dict[str, list[int]] = {}
        if self._pattern is None:
            return found
        prefixes_of, inside_prefixes_of = self._prefixes_of, self._inside_prefixes_of
        search = self._pattern.search
        match = search(lowered)
        while match is not None:
            at = match.start()
            for prefix in (inside_prefixes_of if at and lowered[at - 1] in _ASCII_WORD else prefixes_of)[match.group()]:
                offsets = found.get(prefix)
                if offsets is None:
                    found[prefix] = [at]
                else:
                    offsets.append(at)
            match = search(lowered, at + 1)  # the next place, overlapping this one or not
        return found

    @staticmethod
    def _add(found: dict[str, list[int]], scan: re.Pattern, lowered: str, prefixes_of: dict[str, list[str]]) -> None:
        """The offsets of every prefix ``scan`` finds (the place after the character it consumes), in ``found``."""
        for match in scan.finditer(lowered):
            at = match.end()
            for prefix in prefixes_of[match.group(1)]:
                offsets = found.get(prefix)
                if offsets is None:
                    found[prefix] = [at]
                else:
                    offsets.append(at)


class LoweredText:
    """A document lower-cased for :class:`PrefixScan` (when :func:`lowering_keeps_matches`
    holds), with the offsets of the literal prefixes of a :class:`PrefixTable`, found once per document."""

    def __init__(self, spaced: str, table: PrefixTable, runs: Callable[[], bool] | None = None):
        """``spaced``: the document as :func:`spaced_lowered` gives it (made by :meth:`PrefixTable.lowered`);
        ``runs``: gives :func:`short_runs` of the document when another table's LoweredText may need it too."""
        self.text = spaced
        self.found = table.find(self.text)
        self._word_starts: dict[str, list[int]] = {}
        self._short_runs: bool | None = None
        self._runs = runs

    def short_runs(self, text: str) -> bool:
        """``text`` (the text lowered here) has no run of white space longer than :data:`RUN_LIMITS`
        allows, nor of word characters (see :func:`_bounded_attempts`); found once per document, for
        every table when ``runs`` was given."""
        if self._short_runs is None:
            self._short_runs = short_runs(text) if self._runs is None else self._runs()
        return self._short_runs

    def offsets(self, prefix: str, word_start: bool = False) -> list[int]:
        """Where ``prefix`` (one of the table's) starts; with ``word_start``, not where a letter or
        digit of the prefix continues an ASCII word (no word boundary there)."""
        found = self.found.get(prefix, [])
        if not word_start or prefix[0] not in _ASCII_WORD:
            return found
        starts = self._word_starts.get(prefix)
        if starts is None:
            text = self.text
            starts = self._word_starts[prefix] = [at for at in found if at == 0 or text[at - 1] not in _ASCII_WORD]
        return starts


_WHITE_RUN = re.compile(r"\s+")  # white space as a lead's \s reads it (the standard library's engine)


class Lead(NamedTuple):
    r"""The start every match of a rule has (see :meth:`PrefixScan._lead`), in two parts: the leads
    that open with white space (``\s+which``) and the others."""

    plain: re.Pattern | None
    spaced: re.Pattern | None

    def keep(self, starts: list[int], lowered_text: str) -> list[int]:
        r"""The ``starts`` (ascending) at which a lead is found in ``lowered_text``.

        Why the spaced part is tested by bisection: from a start inside a run of white space,
        ``\s+R`` holds when ``R`` holds at some place after the start up to the run's end, so over the
        starts of one run it holds up to a point and not after it; testing each start costs the rest
        of the run, and a run of n spaces would cost n squared (a page padded with spaces)."""
        plain_at = self.plain.match if self.plain is not None else None
        if self.spaced is None:  # (a lead must have one part or the other)
            return [start for start in starts if plain_at(lowered_text, start) is not None]
        spaced_at = self.spaced.match
        kept: list[int] = []
        index, count, size = 0, len(starts), len(lowered_text)
        while index < count:
            start = starts[index]
            if not lowered_text[start].isspace():  # (str.isspace: the white space of re's \s)
                if plain_at is not None and plain_at(lowered_text, start) is not None:
                    kept.append(start)
                index += 1
                continue
            if start + 1 == size or not lowered_text[start + 1].isspace():  # a run of one: the next start is past it
                if spaced_at(lowered_text, start) is not None or plain_at is not None and plain_at(lowered_text, start) is not None:
                    kept.append(start)
                index += 1
                continue
            stop = bisect.bisect_left(starts, _WHITE_RUN.match(lowered_text, start).end(), index)  # a run of two or more
            held, failed = index, stop  # the spaced lead holds before ``held`` and not from ``failed`` on
            while held < failed:
                middle = (held + failed) // 2
                if spaced_at(lowered_text, starts[middle]) is not None:
                    held = middle + 1
                else:
                    failed = middle
            kept.extend(at for position, at in enumerate(starts[index:stop], index)
                        if position < held or plain_at is not None and plain_at(lowered_text, at) is not None)
            index = stop
        return kept


class PrefixScan:
    r"""The whole-text scan of a rule pattern that starts with literal words (``\b(?:will|shall|...)``).

    Why: ``regex`` tries every alternative of such a pattern at every position of the text; the
    status and time rules, run one by one, were half of the meeting stage. Here the pattern is
    tried only where one of its literal prefixes (read off its parse, at most
    :data:`_PREFIX_LENGTH` characters) starts in the lower-cased text (found for all rules at once: :class:`PrefixTable`),
    resuming after each match as ``finditer`` does: the same matches. This holds on a text where
    lower-casing keeps every offset and compares as the pattern's case-insensitive letters do
    (:func:`lowering_keeps_matches`: nearly every text); other texts, and patterns some of whose
    matches start without a literal, are scanned by the pattern itself.
    """

    def __init__(self, pattern: regex.Pattern, wide: bool = False):
        """``wide``: a pattern some of whose matches open with white space or a few letters only
        (a clause boundary: ``\\s[-–—]\\s``, ``,\\s+which``, ``\\bsaid\\b``): its prefixes may begin with
        white space and be shorter than :data:`_PREFIX_LENGTH`."""
        self.pattern = pattern
        self.prefixes: tuple[str, ...] | None = None
        self.word_start = False  # every match starts at \b
        self.inside_firsts: set[str] | None = None  # see _word_firsts_inside
        self.lead: Lead | None = None  # see _lead
        self.bounded = False  # see _bounded_attempts
        try:
            parsed = sre_parser.parse(_PROPERTY.sub(r"\\W", pattern.pattern))  # a property: no literal known
        except (re.error, RecursionError, OverflowError, ValueError):
            return
        prefixes = _prefixes(list(parsed), _PREFIX_LENGTH, wide=wide)
        if "" not in prefixes and all(c.isascii() or c.lower() == c.upper() for prefix in prefixes for c in prefix):
            self.prefixes = tuple(sorted(prefixes))
            self._prefix_set = frozenset(prefixes)
            # the prefixes another one begins with: only those can share an offset (see finditer)
            self._inner_prefixes = frozenset(p for p in prefixes if any(q != p and q.startswith(p) for q in prefixes))
            self.lead = self._lead(pattern.pattern)
            self.inside_firsts = _word_firsts_inside(list(parsed))
        for op, value in parsed:
            if op not in _ZERO_WIDTH:
                break
            if op is sre_constants.AT and value is sre_constants.AT_BOUNDARY:
                self.word_start = True
        self.bounded = _bounded_attempts(pattern)
        self.window = attempt_window(pattern)  # how far a try reads: each is given that end (see attempt_window)

    @staticmethod
    def _lead(source: str) -> Lead | None:
        """The start every match has, read further than the prefixes, across white space ('a few
        days' -> ``a\\s+few\\s+da``), for the lower-cased text on the standard library's engine.

        Why: the prefixes of a rule with short words ('a', 'in', 'the') start at thousands of places
        per 100,000 characters, and each ``regex`` match costs some 2 µs more with a ``timeout``
        than the lead's test; a start without the lead cannot match, so it is not tried.
        (Its ``\\s`` takes in all that ``regex``'s does, and four separators more.) A letter property
        (``\\p{Lu}``) reads as any letter, so that a lead goes on past it, and a lookahead is read where
        nothing known follows it: '.' then a letter for ``\\.(?=\\p{Lu}\\p{Ll})``, not every '.'."""
        try:
            parsed = sre_parser.parse(_PROPERTY.sub(r"\\W", _LETTER_PROPERTY.sub(lambda _: _LETTER, source)))
        except (re.error, RecursionError, OverflowError, ValueError):
            return None
        leads = _prefixes(list(parsed), _LEAD_LENGTH, spaces=True)
        if "" in leads or not all(c.isascii() or c.lower() == c.upper() for lead in leads for c in lead):
            return None
        try:
            return Lead(*(re.compile(trie_pattern(part).replace(_SPACES, r"\s+").replace(_LETTER, _LETTER_CLASS)) if part else None
                          for part in ({lead for lead in leads if not lead.startswith(_SPACES)},
                                       {lead for lead in leads if lead.startswith(_SPACES)})))
        except (re.error, RecursionError, OverflowError):
            return None  # the prefixes alone then choose where to try the rule

    def finditer(self, text: str, lowered: LoweredText | None):
        """Matches in ``text``; ``lowered``: the text lower-cased when :func:`lowering_keeps_matches` holds, else None."""
        if lowered is None or self.prefixes is None:
            yield from self.pattern.finditer(text, timeout=PATTERN_TIMEOUT)
            return
        present = lowered.found.keys() & self._prefix_set  # the few of its prefixes the text has
        if not present:
            return
        word_start, offsets = self.word_start, lowered.offsets
        if len(present) == 1:  # one prefix's offsets: ascending already, each once
            starts = offsets(next(iter(present)), word_start)
        else:  # each prefix's offsets ascending, each once: one sort merges them (runs), and only two
            # prefixes one of which begins the other can both start at one place, so only then are
            # the repeats dropped. Why not sorted(set().union(...)): 17 ms per 512 KB of news, now 12.
            starts = sorted(itertools.chain.from_iterable([offsets(prefix, word_start) for prefix in present]))
            if not present.isdisjoint(self._inner_prefixes):
                starts = list(dict.fromkeys(starts))
        if self.lead is not None:  # (the lead's test does not depend on where the last match ended)
            starts = self.lead.keep(starts, lowered.text)
        match_at = self.pattern.match
        resume = 0
        window = self.window if self.window is not None and lowered.short_runs(text) else len(text)
        if self.bounded and lowered.short_runs(text):  # each try's work is bounded: no time-out to set (see _bounded_attempts)
            for start in starts:
                if start >= resume and (match := match_at(text, start, endpos=start + window)) is not None:
                    yield match
                    resume = match.end()
            return
        for start in starts:
            if start < resume:
                continue
            match = match_at(text, start, endpos=start + window, timeout=PATTERN_TIMEOUT)
            if match is not None:
                yield match
                resume = match.end()


def _class_holds_line_feed(members) -> bool:
    """Does a parsed class (the members of an ``IN``) match a line feed?"""
    held, negated = False, False
    for kind, member in members:
        if kind is sre_constants.NEGATE:
            negated = True
        elif kind is sre_constants.LITERAL:
            held = held or member == 10
        elif kind is sre_constants.RANGE:
            held = held or member[0] <= 10 <= member[1]
        elif kind is sre_constants.CATEGORY:
            held = held or member in (sre_constants.CATEGORY_SPACE, sre_constants.CATEGORY_NOT_DIGIT, sre_constants.CATEGORY_NOT_WORD)
        else:
            return True  # not known: it may
    return held != negated


def _may_hold_line_feed(items, dotall: bool) -> bool:
    """May a match of the parsed sequence ``items`` hold a line feed (lookarounds aside)? Anything not known: yes."""
    for op, value in items:
        if op is sre_constants.LITERAL:
            if value == 10:
                return True
        elif op is sre_constants.NOT_LITERAL:
            if value != 10:
                return True
        elif op is sre_constants.IN:
            if _class_holds_line_feed(value):
                return True
        elif op is sre_constants.ANY:
            if dotall:
                return True
        elif op is sre_constants.SUBPATTERN:
            if _may_hold_line_feed(value[-1], dotall):
                return True
        elif op is sre_constants.ATOMIC_GROUP:
            if _may_hold_line_feed(value, dotall):
                return True
        elif op is sre_constants.BRANCH:
            if any(_may_hold_line_feed(branch, dotall) for branch in value[1]):
                return True
        elif op in _REPEATS:
            if _may_hold_line_feed(value[2], dotall):
                return True
        elif op not in _ZERO_WIDTH:
            return True
    return False


def _required_chars(items) -> set[str]:
    """Characters every match of the parsed sequence ``items`` consumes (a literal outside any
    optional part; of alternatives, those all of them require)."""
    chars: set[str] = set()
    for op, value in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(value))
        elif op is sre_constants.SUBPATTERN:
            chars |= _required_chars(value[-1])
        elif op is sre_constants.ATOMIC_GROUP:
            chars |= _required_chars(value)
        elif op is sre_constants.BRANCH:
            chars |= set.intersection(*(_required_chars(branch) for branch in value[1]))
        elif op in _REPEATS and value[0] >= 1:
            chars |= _required_chars(value[2])
    return chars


_NEWLINE = re.compile("\n")
_GROUP_NAME = re.compile(r"(?<!\\)\(\?P<\w+>")


def line_starts(text: str) -> list[int]:
    """Where the text's lines start: 0 and after every line feed (where ``^`` matches in ``regex``'s
    multi-line mode, which takes no other character for a line break)."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


class LineStartScan:
    r"""The whole-text scan of a rule that opens with ``^`` in multi-line mode (a speaker label, a headline).

    Why: ``regex`` tries such a pattern at every position of the text, testing ``^`` at each; a
    match can only start at a line start, so the pattern is tried there alone, resuming after each
    match as ``finditer`` does: the same matches, a tenth of the work. A pattern that does not
    open with ``^`` at its top level (``^a|b``), is not multi-line, or that the standard library's
    parser cannot read is scanned by the pattern itself.
    """

    def __init__(self, pattern: regex.Pattern):
        self.pattern = pattern
        self.anchored = False
        self.required: str | None = None  # a character every match holds, in a match that never spans a line feed
        try:
            # groups unnamed: ``regex`` lets two alternatives name the same group, ``re`` does not
            parsed = sre_parser.parse(_GROUP_NAME.sub("(?:", _PROPERTY.sub(r"\\W", pattern.pattern)))
        except (re.error, RecursionError, OverflowError, ValueError):
            return
        multiline = pattern.flags & regex.MULTILINE or parsed.state.flags & re.MULTILINE
        self.anchored = bool(multiline) and len(parsed) > 0 and parsed[0] == (sre_constants.AT, sre_constants.AT_BEGINNING)
        if self.anchored:
            self.required = self._required(pattern)

    @staticmethod
    def _required(pattern: regex.Pattern) -> str | None:
        """A character without case that every match holds, when no match can hold a line feed: a
        line without it holds no match ('Lavrov: ...' needs its colon). None when there is none or
        the parse cannot show it (a property reads as a class without the line feed, ``\\P{..}`` as
        one with it)."""
        if pattern.flags & regex.V1:
            return None  # set operations in classes, which the standard library's parser reads otherwise
        source = _GROUP_NAME.sub("(?:", _PROPERTY.sub(lambda m: r"\D" if m.group()[1] == "P" else r"\d", pattern.pattern))
        try:
            parsed = sre_parser.parse(source)
        except (re.error, RecursionError, OverflowError, ValueError):
            return None
        dotall = bool(pattern.flags & regex.DOTALL or parsed.state.flags & re.DOTALL)
        if _may_hold_line_feed(list(parsed), dotall):
            return None
        chars = [char for char in sorted(_required_chars(list(parsed)))
                 if char.lower() == char == char.upper() and char.casefold() == char and char != "\n"]
        return chars[0] if chars else None

    def finditer(self, text: str, starts: list[int] | None = None) -> Iterator:
        """Matches in ``text``; ``starts``: its :func:`line_starts`, when known already."""
        if not self.anchored:
            yield from self.pattern.finditer(text)
            return
        match_at = self.pattern.match
        resume = 0
        starts = line_starts(text) if starts is None else starts
        required, find = self.required, text.find
        for index, start in enumerate(starts):
            if start < resume:
                continue
            if required is not None and find(required, start, starts[index + 1] if index + 1 < len(starts) else len(text)) < 0:
                continue  # the line lacks a character every match holds
            match = match_at(text, start)
            if match is None:
                continue
            if match.end() == start:  # an empty match: finditer's own rules for what may follow it
                yield from self.pattern.finditer(text, start)
                return
            yield match
            resume = match.end()


class AnchoredScan:
    r"""The whole-text scan of a rule that opens with short common words and holds a rarer anchor
    within its first few words ('a demand from', 'the proposal by': an article opens it, 'from' or
    'by' follows its noun).

    Why: ``regex`` tries such a rule at every place of the text (its opening 'a', 'an', 'the' are
    everywhere: 1.3% of the extraction for one rule); the anchor is found on its own, and the rule
    tried only where its ``opener`` starts in the ``words`` white-space separated words before an
    anchor, resuming after each match as ``finditer`` does: the same matches, when every match
    opens with the opener (a start of the rule) and holds the anchor within that many words of its
    start (counting the word the match starts in). The data file states both with the rule.

    The anchor is searched on the standard library's engine (some 2x faster for this search), from
    each place found to the next, so anchors may overlap; its ``\s`` takes in every white-space
    character ``regex``'s does, and its case-insensitive letters those ``regex`` takes for them
    (checked over every character for the anchors of the data: tests/test_thru6_scanning.py).
    """

    def __init__(self, pattern: regex.Pattern, anchor: str, opener: str, words: int):
        self.pattern = pattern
        self.anchor = re.compile(anchor, re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0)
        self.opener = regex.compile(opener, pattern.flags)
        self.words_before = regex.compile(rf"(?r)(?:\S+\s*){{1,{int(words)}}}")  # the last ``words`` words before a place

    def finditer(self, text: str) -> Iterator[regex.Match]:
        starts: set[int] = set()
        search = self.anchor.search
        anchor = search(text)
        while anchor is not None:
            words = self.words_before.search(text, 0, anchor.start())
            if words is not None:
                starts.update(opener.start() for opener in self.opener.finditer(text, words.start(), anchor.start()))
            anchor = search(text, anchor.start() + 1)
        match_at, resume = self.pattern.match, 0
        for start in sorted(starts):
            if start >= resume and (match := match_at(text, start)) is not None:
                yield match
                resume = match.end()
