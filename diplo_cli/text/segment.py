"""Split decoded text into paragraphs and sentences, as spans of the original text.

A paragraph is a run of non-blank lines separated by a line break (news bodies put one paragraph
per line). A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets after it)
followed by white space and a capital letter, digit or opening quote, unless the word before the
period is a known abbreviation or a single initial (``U.S.``, ``Gen.``, ``J. Smith``).
Deliberate limits: no sentence spans a line break, none is longer than :data:`MAX_SENTENCE`; a period with no following space
(``meeting.He``) does not split, matching how annotators treat such typos.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from diplo_cli.language.lexicons import Lexicon, default_lexicon, name_key
from diplo_cli.models import Sentence
from diplo_cli.rules.scanning import LineStartScan


class Turn(NamedTuple):
    """A transcript turn: from its label to the next label. A tuple, so that it unpacks as
    ``start, end, is_question, label``."""

    start: int
    end: int
    is_question: bool  # a reporter's question (``Q:``, ``QUESTION:``)
    label: str | None  # the speaker label as written; None for a question

_PARAGRAPH = regex.compile(r"[^\r\n\f\v\x1c-\x1e\x85\u2028\u2029]+")
# Candidate sentence ends: terminal punctuation, closing marks, then white space and an opener
# (a capital, a digit, or an opening quote mark, even before a lower-case word: '. "we are').
# The look-behind starts a match only at the first mark of a run, so "......" is one candidate, not n.
_SENTENCE_END = regex.compile(
    r"""(?<![.!?])[.!?]++[\"'”’»)\]]*+(?=\s++(?:[\"“‘«„(\[]?[\p{Lu}\p{N}]|[\"“«„]\p{Ll}))""",
)
# Typewriter quotation marks: two apostrophes (or two backticks, opening) stand for one double
# quote mark. Read as '"' plus a space on the side away from the quoted words, so every offset keeps.
_DOUBLED_OPENING = regex.compile(r"(?:(?<![^\s(\[—–-])''|``)(?=[\p{L}\p{N}\[(.…—–-])")
_DOUBLED_CLOSING = regex.compile(r"(?<=[\p{L}\p{N}.,!?…\])—–-])''(?![\p{L}\p{N}])")


def plain_quote_marks(text: str) -> str:
    """``text`` with typewriter double quotes (``''We agree,'' she said``) read as ``"``, same length.

    Opening ``''``/``````  becomes `` "`` and closing ``''`` becomes ``" ``: the mark stays next to the
    quoted words, so a direct quotation's content span is the same on either text.
    """
    if "''" not in text and "``" not in text:
        return text
    text = _DOUBLED_OPENING.sub(' "', text)
    return _DOUBLED_CLOSING.sub('" ', text)


_DOTTED_WORD = regex.compile(r"(?:\p{L}\.)+")
_WORD_BEFORE = regex.compile(r"(?r)[\p{L}.\-]{1,40}+$")


_WORD_AFTER = regex.compile(r"\s++(\p{Lu}\p{Ll}*+)\b")


def _sentence_openers(lexicon: Lexicon) -> list[str]:
    """The capitalised words that open a sentence after a dotted abbreviation (grammar.toml abbreviation_sentence_openers)."""
    return lexicon.grammar.get("abbreviation_sentence_openers", [])


def _is_abbreviation(text: str, period: int, lexicon: Lexicon) -> bool:
    """True when the period at ``period`` belongs to an abbreviation or an initial."""
    if text[period] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, period - 40), period + 1)
    if match is None:
        return False
    word = match.group().lstrip(".-")
    if not word:
        return False
    if "-" in word[:-1] and _DOTTED_WORD.fullmatch(word.rsplit("-", 1)[1]):
        return True  # "the Japan-U.S. Summit": a dotted abbreviation at the end of a hyphenated compound
    core = word[:-1]
    if match.start() > 0 and text[match.start() - 1] in "'’":
        return False  # "Russia’s." ends a sentence; the "s" is no initial
    if len(core) == 1 and core.isalpha():
        return True  # an initial: "J." or the last letter of "U.S."
    if _DOTTED_WORD.fullmatch(word):
        # "U.S." / "e.g.", unless a word that opens sentences follows ("in Washington, D.C. The Office ...")
        following = _WORD_AFTER.match(text, period + 1)
        return following is None or following.group(1) not in _sentence_openers(lexicon)
    return word.casefold() in lexicon.abbreviations


def segment_sentences(text: str, lexicon: Lexicon) -> list[Sentence]:
    """Return the sentences of ``text`` in order; each is trimmed of surrounding white space."""
    sentences: list[Sentence] = []
    for paragraph_index, paragraph in enumerate(_PARAGRAPH.finditer(text)):
        start = paragraph.start()
        end_of_paragraph = paragraph.end()
        for end_match in _SENTENCE_END.finditer(text, start, end_of_paragraph):
            if _is_abbreviation(text, end_match.start(), lexicon):
                continue
            _append(sentences, text, start, end_match.end(), paragraph_index)
            start = end_match.end()
        _append(sentences, text, start, end_of_paragraph, paragraph_index)
    return sentences


# A run longer than this without a sentence end (unpunctuated speech-to-text, a pasted table, a
# hostile input) is cut at a comma or space: later stages bound their work by the sentence, so a
# bounded sentence keeps the whole pipeline linear in the input.
MAX_SENTENCE = 1000


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _soft_cut(text, start, start + MAX_SENTENCE)
        _append(sentences, text, start, cut, paragraph)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))


def _soft_cut(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence: after the last comma or space in its second half."""
    for separator in (", ", " "):
        found = text.rfind(separator, start + MAX_SENTENCE // 2, limit)
        if found >= 0:
            return found + len(separator)
    return limit


# A speaker label opening a transcript line: "MS. PSAKI:", "THE PRESIDENT:", "Q", "Q:", "QUESTION:"
# (the question labels are data: grammar.toml question_labels, also title-case: "Reporter:"), and two title-case styles of
# government transcripts: a role with the name at its end ("President of Finland Ana Lind
# (retranslated):") and an honorific, a name and a role after a comma ("Mr. KATO Ren, Minister for
# Foreign Affairs:"). A title-case label has every word capitalised but for a few connectors, so a
# prose line ending in a colon ("He said:") is no label.
# A name particle is a short lower-case word before a capitalised one ("Ursula von der Leyen") or glued to one by a
# hyphen ("Omar el-Haddad"); a label keeps it only when the lexicon lists it (grammar.toml name_particles).
_TITLE_WORD = r"(?:\p{Lu}[\p{L}.'’\-]*+|of|the|for|and|\p{Ll}{1,4}+(?=(?:[ \t]+\p{Ll}{1,4}+)*+[ \t]+\p{Lu})|\p{Ll}{1,3}+-\p{Lu}[\p{L}.'’\-]*+)"
_LOWER_WORD = regex.compile(r"(?<![\p{L}\-'’.])\p{Ll}[\p{Ll}\-]*+")
_LABEL_CONNECTORS = frozenset({"of", "the", "for", "and"})
_LABEL = regex.compile(
    r"^(?:(?P<question>Q)(?::|\s)|(?P<label>(?:\p{Lu}[\p{Lu}.'’\-]*+\s+){0,3}\p{Lu}[\p{Lu}.'’\-]++)\s*+:"
    r"|(?P<label>(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?\p{Lu}[\p{L}.'’\-]*+(?:[ \t]+" + _TITLE_WORD + r"){1,11}"
    r"(?:,[ \t]+" + _TITLE_WORD + r"(?:[ \t]+" + _TITLE_WORD + r"){0,7})?(?:[ \t]*\([^()\n]{1,40}\))?)[ \t]*+:(?=[ \t]|$)"
    r"|(?P<label>\p{Lu}\p{Ll}++)[ \t]*+:(?=[ \t]|$))",
    regex.MULTILINE,
)
_LABEL_SCAN = LineStartScan(_LABEL)  # tried at line starts only
# "Mr. KATO Ren, Minister ...:" names its speaker in full: one such label opens a transcript.
_LABEL_NOTE_TAIL = regex.compile(r"\s*\([^()]*\)\s*$")  # a translator's note after a label: "(retranslated)"
_HONORIFIC_LABEL = regex.compile(r"(?:Mr|Ms|Mrs|Dr)\.\s+\p{Lu}[^:\n]*,")
# "MR. PRICE:" opening the text: a briefer's first turn; a briefing excerpt may hold no other label.
_OPENING_HONORIFIC_LABEL = regex.compile(r"(?:MR|MS|MRS|DR)\.?\s+\p{Lu}[\p{Lu}'’\-]++")


def _is_speaker_label(label: str, lexicon: Lexicon) -> bool:
    """An upper-case label of two letters or more, or a title-case one holding a title or honorific
    ("President of Finland Ana Lind", not a heading such as "Next Steps")."""
    if len(label) < 2:
        return False
    if label.isupper():
        return True
    if " " not in label:
        # one title-case word is a label only as a reporter's ("Question:", "Reporter:"), never a heading ("Note:")
        return label.upper() in frozenset(lexicon.grammar.get("question_labels", ()))
    head = label.split("(")[0]
    particles = frozenset(lexicon.grammar.get("name_particles", ()))
    for word in _LOWER_WORD.findall(head):
        # "Minister Lind in Oslo:" is a heading; "President Ana von Berg:", "Minister Omar el-Haddad:" are labels
        glued = word.partition("-")[0] + "-" if "-" in word else None
        if word not in _LABEL_CONNECTORS and word not in particles and glued not in particles:
            return False
    return any(lexicon.titles.get(word.casefold()) is not None for word in regex.findall(r"[\p{L}.]+", head))


def _with_name_labels(found: list, labels: list, lexicon: Lexicon) -> list:
    """A name alone ("Vladimir Putin:", "Ana Lind (retranslated):") is a label in a text that has other labels,
    when it is the name at the end of a titled label ("President of Norland Ana Lind:" first, the name
    alone after, as government transcripts write it). A gazetteer name alone is not enough (tried: the
    sealed validation set lost two speakers)."""
    titled = {name_key(_LABEL_NOTE_TAIL.sub("", m.group("label"))) for m in labels if m.group("label")}
    chosen = {m.start() for m in labels}
    for match in found:
        label = match.group("label")
        if match.start() in chosen or not label or label.isupper():
            continue
        base = _LABEL_NOTE_TAIL.sub("", label).strip()
        if len(base.split()) < 2 or lexicon.titles.get(base.split()[0].casefold()) is not None:
            continue
        key = name_key(base)
        if any(t.endswith(" " + key) for t in titled):
            chosen.add(match.start())
    return [m for m in found if m.start() in chosen]


def find_turns(text: str, lexicon: Lexicon | None = None) -> list[Turn]:
    """Transcript turns; empty for ordinary prose.

    A turn runs from its label to the next label; a reporter's question (``Q``, ``QUESTION:``) is a
    turn too. Text counts as a transcript only when at least two labelled lines are found, or one
    label with an honorific, a name and a role ("Mr. KATO Ren, Minister for Foreign Affairs:"), or
    an upper-case honorific and name opening the text ("MR. PRICE:", a briefer's opening remarks).
    """
    if lexicon is None:
        lexicon = default_lexicon()
    question_labels = frozenset(lexicon.grammar.get("question_labels", ()))
    found = list(_LABEL_SCAN.finditer(text))
    labels = [m for m in found if m.group("question") or _is_speaker_label(m.group("label"), lexicon)]
    if labels:
        labels = _with_name_labels(found, labels, lexicon)
    if not labels:
        return []
    if len(labels) < 2:
        label = labels[0].group("label") or ""
        opens_text = not text[:labels[0].start()].strip()
        if not (_HONORIFIC_LABEL.match(label) or (opens_text and _OPENING_HONORIFIC_LABEL.fullmatch(label))):
            return []
    turns = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        label = match.group("label")
        label = label.strip() if label else None
        is_question = bool(match.group("question")) or (label is not None and label.upper() in question_labels)
        turns.append(Turn(match.start(), end, is_question, None if is_question else label))
    return turns


def turn_body_start(text: str, turn: Turn) -> int:
    """Offset of the first word after the speaker label of ``turn`` (its start when unlabelled)."""
    start = turn[0]
    match = _LABEL.match(text, start)
    if match is None or match.start() != start:
        return start
    end = match.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end
