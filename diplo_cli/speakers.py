"""Resolve speaker mentions to the person or body they refer to.

Within one document an :class:`EntityTracker` collects the person, organisation and country
mentions in reading order: gazetteer names (diacritic- and case-insensitive, on a folded copy of
the text), title + capitalised name (``Special Envoy Ghassan Salame``, ``Mr. Okafor``), unknown
two-to-four-word names, organisations and countries. All full names are registered before any
bare surname is read, so name parts merge (``Peskov`` -> ``Dmitry Peskov``, also when the full
name comes later) and a surname with a one-letter typo still merges with a long surname of the same
document. A bare surname that is also an ordinary word or a place (``May``, ``Rice``, ``Hague``)
needs a title or the full name.

A :class:`SpeakerResolver` then answers, for each attribution's speaker span:

* a name, with or without titles and appositions on either side: who it is, with role, country,
  gender (from titles, honorifics, the gazetteer, earlier pronouns);
* an organisation, a seat of government or a capital (``the Kremlin``, ``Beijing``), a media outlet;
  ``the ministry``/``the agency`` -> the last organisation with that noun in its name; a document
  (``a study by X``, ``IRS data``, ``the statement``) -> its issuer;
* a role noun (``the Kremlin spokesperson``, ``the Turkish president``): the last person holding a
  compatible role and country (sentence subjects first), else a person named later in the same
  paragraph (news leads), else the gazetteer's holder of that role in the document's year;
* an anonymous source (``a senior official``, ``Officials``): the description as written; a bare
  later mention (``officials``, ``the correspondent``) is the fullest earlier one with the same noun;
* a pronoun: ``I``/``we`` inside a quotation -> its speaker (``we`` -> their organisation); in a
  transcript -> the labelled speaker (``we`` -> their organisation, ``you`` in a question -> the
  briefer); third person -> the most recent compatible speaker or subject by gender and number,
  never one inside the statement's own quotation nor the turn's own speaker; ``they`` after two
  people -> both.

The document's year (given, else the latest year written in the text, else the years in which the
dated office holders it names served together) picks the holder of ``the President``.
Deliberate limits: no syntactic parse ("subject" means an entity with only names, titles and
function words before it in its sentence); coordination is split on ``and`` only.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from .lexicons import (
    DICTIONARY_SOURCE_PREFIX,
    Lexicon,
    Organisation,
    Person,
    ascii_words,
    build_name_index,
    build_organisation_index,
    build_place_finder,
    compile_named_lists,
    fold,
    name_key,
    surname_forms,
    surname_of,
)
from .models import Attribution, Document, Sentence, Span, Speaker, Statement
from .rules import Trace

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’&\-]*+")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’\-]*+\.?+")
_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’\-]*+(?:\.(?=\s))?"
    r"(?:\s++(?:(?:al|bin|ibn|bint|de|del|da|van|von|el|la|le|di|du|dos|der|ul|y|abu|of(?:\s++the)?)[\s-]++)?\p{Lu}[\p{L}\p{M}'’\-]*+\.?+){0,6}"
)
_NAME_TOKEN = regex.compile(r"[\p{L}\p{N}\p{M}]++(?:'[\p{L}\p{M}]++)*+")
# Plain greedy repeats, not possessive ones: with nothing after them they match the same, and the
# `re` of Python 3.11.0-3.11.2 (Debian 12's) lets a possessive group repeat end on an apostrophe.
_ASCII_NAME_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")  # the same on a text for which ascii_words holds
# there, the tokens that begin with a capital: not inside a token (no letter or digit before, nor one
# and an apostrophe, which a letter continues)
_ASCII_CAPITALISED_NAME_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]')[A-Z][A-Za-z0-9]*(?:'[A-Za-z]+)*")
# between the words of one name: "George W. Bush", "Jean-Pierre" (the strings the pattern \.?[ \-]|\. matches whole)
_NAME_GLUES = frozenset({" ", "-", ". ", ".-", "."})
_QUOTED = regex.compile(r"[\"“][^\"“”\n]{1,3000}+[\"”]")
_YEAR = regex.compile(r"(?<![\p{N},.$€£-])(?:19[4-9]\d|20[0-3]\d)(?![\p{N}%-]|\s*(?:troops|people|soldiers|km|miles|tons|metres|meters))")
_POSSESSIVE = regex.compile(r"['’]s?$")
_CONTRACTION = regex.compile(r"['’](?:ll|d|ve|m|re|s)$", regex.IGNORECASE)
_DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "four", "some", "several", "many", "another", "other",
                          "its", "his", "her", "their", "our", "this", "that", "these", "those", "both", "all"})
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "some", "several", "many", "another"})
_FUNCTION = frozenset({"the", "a", "an", "of", "and", "for", "to", "on", "in", "at", "'s", "’s", "s", "by", "from", "with"})
_ISSUER_LINK = regex.compile(r"\s(?:from|by|of|issued\s+by|released\s+by)\s+(?:the\s+)?", regex.IGNORECASE)
_COORDINATION = regex.compile(r"\s+(?:and|&)\s+")
# a name's own post-modifier: "Anna Lindqvist of Arnor", "President Aquino of the Philippines"
_OF_PLACE = regex.compile(r"\s++(?:of|from)\s++(?:the\s++)?\p{Lu}[\p{L}\p{M}.'’\-]*+(?:\s++\p{Lu}[\p{L}\p{M}.'’\-]*+){0,4}+\s*+")
_PRONOUN_OFFICE = regex.compile(r"(?i)(his|her|its|their)\s++(?:press\s++)?(?:office|team|camp|staff|aides?|administration|government)")
_POSSESSIVE_PRONOUN_BEFORE = regex.compile(r"(?i)\b(his|her|its|their)\s++$")  # "his office said"
_SENTENCE_OPENER = regex.compile(r"[^,;:\"“”]{1,30}+,\s*+")  # "Last night, President X ..."
_UPPER = regex.compile(r"\p{Lu}")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
_LEADING_POSSESSIVE = regex.compile(r"^['’]s?\b")
# lower-case title words right before a name; searched right to left (same match) because the match
# ends at the end of the window, and a forward search backtracks through every word before it
_LOWER_WORDS_BEFORE = regex.compile(r"(?r)([\p{Ll}\-]+(?:\s+[\p{Ll}\-]+)?)\s+$")
_SENTENCE_ADVERB = regex.compile(r"(?:ly|wards|while)$")
_NAME_PARTICLE = regex.compile(r"(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-(?=\p{Lu})")  # "al-Assad"
_CAPITAL_NEXT = regex.compile(r"\s*+\p{Lu}")
_OF_NAME_TAIL = regex.compile(r"\s+of\s+((?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})")  # "the president of Arnor"
_BOTH = regex.compile(r"(?i:both|the\s+two)\s+(?:countries|nations|sides|governments|parties)")
_APPOSITION_AFTER = regex.compile(r"\s*,\s*((?:the|a|an)\s+[^,;:.\n]{3,80}?)\s*[,;.]", regex.IGNORECASE)
_APPOSITION_BEFORE = regex.compile(r"(?:^|[.;:\n]\s*|\s)((?:the|a|an)\s+[^,;:.\n]{3,80}?)\s*,\s*$", regex.IGNORECASE)
_COMMA = regex.compile(r"\s*,\s*")
_CLAUSE_BREAK = regex.compile(r"\s*[,;]")
# a role noun's owner after it: "a spokesman for the president", "an aide to President Varga"
_OWNER_BEFORE = regex.compile(r"\s(?:for|to|of\s+the)\s+(?:the\s+)?(?:(?P<title>\p{Lu}[\p{L}.]*+)\s+)?$")
_AND_WITH = regex.compile(r"\b(?:and|with)\b")
# How far back an antecedent is looked for: far enough for any news story, bounded so that run time
# stays linear on pathological input.
LOOKBACK_CHARS = 6000
LOOKBACK_MENTIONS = 200
LOOKBACK_SPEAKERS = 60
_MEMO_LIMIT = 1 << 16  # entries of a per-lexicon memo of words, so that a long run's memory stays bounded


@dataclass(eq=False)
class Entity:
    name: str
    kind: str  # person | organisation | country | anonymous | group
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    plural: bool = False
    surname: str | None = None
    organisation: str | None = None
    roles: set[str] = field(default_factory=set)  # every role the person holds in the document's time
    person: Person | None = None

    def compatible_gender(self, gender: str | None) -> bool:
        return gender is None or self.gender is None or self.gender == gender

    def add_role(self, role: str | None) -> None:
        if role:
            self.roles.add(role)
            self.role = self.role or role


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity
    subject: bool = False
    quoted: bool = False
    by_role: bool = False  # "the President": a role noun standing for the person


@dataclass
class _Description:
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    head: str | None = None  # the head noun as written
    plural: bool = False
    definite: bool = False
    indefinite: bool = False
    organisation: str | None = None
    anonymous: bool = False
    bare: bool = True  # nothing but a determiner before the head
    title_country: str | None = None  # the country of a title of one government ("the Foreign Secretary")


class _NameTokens:
    """The word tokens of a folded text (start, end, case-folded word) that name look-ups visit: those
    that begin with a capital, and the token right after one across name glue.

    On a text for which ``ascii_words`` holds only those tokens are read (with the standard library's
    engine); otherwise all of them, with ``regex``.
    """

    def __init__(self, folded: str, plain: bool):
        self.folded = folded
        self.plain = plain
        if plain:
            self.capitalised = [(m.start(), m.end(), m.group().casefold()) for m in _ASCII_CAPITALISED_NAME_TOKEN.finditer(folded)]
        else:
            self._all = [(m.start(), m.end(), m.group().casefold()) for m in _NAME_TOKEN.finditer(folded)]
            self._index = {token[0]: i for i, token in enumerate(self._all)}
            self.capitalised = [token for token in self._all if folded[token[0]].isupper()]

    def glued_after(self, token: tuple[int, int, str]) -> tuple[int, int, str] | None:
        """The next token when only name glue lies between it and ``token``."""
        folded, end = self.folded, token[1]
        if not self.plain:
            following = self._index[token[0]] + 1
            if following < len(self._all) and folded[end:self._all[following][0]] in _NAME_GLUES:
                return self._all[following]
            return None
        for start in (end + 1, end + 2):  # glue is one or two characters, none of them a letter or digit
            if folded[end:start] in _NAME_GLUES and start < len(folded) and folded[start].isascii() and folded[start].isalnum():
                match = _ASCII_NAME_TOKEN.match(folded, start)
                return match.start(), match.end(), match.group().casefold()
        return None


class EntityTracker:
    """Entities of one document in reading order."""

    def __init__(self, text: str, lexicon: Lexicon, year: int | None = None):
        self.text = text
        self.lexicon = lexicon
        self.year = year
        self.mentions: list[_Mention] = []
        self.by_key: dict[str, Entity] = {}
        self._surnames: dict[int, list[tuple[str, Entity]]] = {}  # surname key length -> (key, person)
        self._starts: list[int] = []
        self.sentence_starts: list[int] = []  # set by scan()
        self._quotes: list[tuple[int, int]] = []
        self._tables = lexicon.stage("tracker_tables", _TrackerTables.build)
        self._title_phrases = self._tables.title_phrases
        self._title_countries = dict(entry.split("|", 1) for entry in lexicon.grammar["title_countries"])
        self._title_words = self._tables.title_words

    # -------------------------------------------------------------- building
    def scan(self, sentences: list[Sentence]) -> None:
        """Find person, organisation and country mentions in the whole text."""
        text = self.text
        folded = fold(text)
        lex = self.lexicon
        self._quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        self._quote_starts = [start for start, _ in self._quotes]
        # candidates by priority: known people, titled names, organisations, countries, other names
        plain = ascii_words(folded)
        tokens = _NameTokens(folded, plain)
        known = [(start, end, "gazetteer", None) for start, end in self._known_names(tokens, lex.stage("name_index", build_name_index))]
        runs: list[tuple[int, int, str, object]] = []
        for match in _CAPITALISED_RUN.finditer(text):
            found = self._name_in_run(match.start(), match.end())
            if found is not None:
                runs.append(found)
        titled = [c for c in runs if c[2] == "titled"]
        # untitled unknown names count only when the document reuses their surname alone ("Okafor")
        name_words = [(m.start(), m.group()) for m in _NAME_WORD.finditer(text)]
        capitalised_words = Counter(name_key(word) for _, word in name_words)
        # (or end in a surname the gazetteer knows: "Hudson Austin" is not Lloyd Austin)
        untitled = [c for c in runs if c[2] == "name" and (capitalised_words[name_key(text[c[0]:c[1]].split()[-1])] > 1
                                                           or name_key(text[c[0]:c[1]].split()[-1]) in lex.person_by_surname)]
        known_full = [c for c in known if " " in text[c[0]:c[1]]]
        known_surnames = [c for c in known if " " not in text[c[0]:c[1]]]
        organisations = []
        for start, end in self._known_names(tokens, lex.stage("organisation_index", build_organisation_index)):
            organisation = lex.organisation(text[start:end])
            if organisation is not None:
                organisations.append((start, end, "organisation", organisation))
        countries = []
        for start, end in lex.stage("place_finder", build_place_finder).spans(folded, plain):
            word = text[start:end]
            key = name_key(word).removeprefix("the ")
            if word[:1].isupper() and key in lex.countries and key not in lex.adjectives:
                countries.append((start, end, "country", lex.countries[key]))
        accepted: list[tuple[int, int, str, object]] = []
        taken = bytearray(len(text) + 1)  # characters already inside an accepted mention
        for group in (known_full, titled, organisations, countries, untitled, known_surnames):
            for candidate in sorted(group, key=lambda c: -(c[1] - c[0])):
                if not any(taken[candidate[0]:candidate[1]]):
                    accepted.append(candidate)
                    taken[candidate[0]:candidate[1]] = b"\x01" * (candidate[1] - candidate[0])
        accepted.sort(key=lambda c: c[0])
        # full names first, so that surnames (before or after) merge with them
        entities: dict[int, Entity] = {}
        for index, (start, end, kind, payload) in enumerate(accepted):
            if kind in ("gazetteer", "name", "titled") and " " in text[start:end].strip():
                entity = self._person_entity(text[start:end], kind, payload)
                if entity is not None:
                    entities[index] = entity
        for index, (start, end, kind, payload) in enumerate(accepted):
            if index in entities:
                continue
            if kind == "organisation":
                entities[index] = Entity(payload.name, "organisation", country=payload.country, organisation=payload.name)
            elif kind == "country":
                entities[index] = Entity(payload, "country", country=payload)
            else:
                entity = self._person_entity(text[start:end], kind, payload)
                if entity is not None:
                    entities[index] = entity
        found = [(accepted[i][0], accepted[i][1], entities[i]) for i in sorted(entities)]
        # a surname alone that the document's full names explain, even an ordinary word ("Brown", "Rice")
        for start, word in name_words:
            word = word.rstrip(".")
            entity = self.by_key.get(name_key(word))
            if entity is None or entity.kind != "person":
                continue
            end = start + len(word)
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, entity))
        found.sort(key=lambda item: item[0])
        self.sentence_starts = [s.start for s in sentences]
        for start, end, entity in found:
            if entity.kind == "person":
                self._titles_before(entity, max(self.sentence_start(start), start - 100), start)
            self.mentions.append(self.mention(start, end, entity))
        self._starts = [m.start for m in self.mentions]
        if self.year is None:
            self.year = self._infer_year()
        for mention in self.mentions:
            if mention.entity.person is not None:
                self._apply_person(mention.entity, mention.entity.person)

    @staticmethod
    def _known_names(tokens: _NameTokens, index) -> list[tuple[int, int]]:
        """Names of ``index`` in the text: the longest word n-gram whose key is an alias, at each capitalised word.

        A name found is not searched again from inside itself; the n-gram grows only over name glue
        and while it is the beginning of some key.
        """
        found: list[tuple[int, int]] = []
        resume = 0  # the end of the last name found
        for token in tokens.capitalised:
            start, _, phrase = token
            if start < resume or phrase not in index.first_words:
                continue
            last = token if phrase in index.keys else None  # the last token of the longest key so far
            current = token
            for _ in range(index.longest - 1):
                following = tokens.glued_after(current)
                if following is None:
                    break
                longer = f"{phrase} {following[2]}"
                if longer not in index.prefixes:
                    break
                current, phrase = following, longer
                if phrase in index.keys:
                    last = current
            if last is not None:
                found.append((start, last[1]))
                resume = last[1]
        return found

    def _titles_before(self, entity: Entity, lower: int, start: int) -> None:
        """Role, country and gender from the words right before a name: 'Kremlin spokesman', 'Ms.'."""
        chunk = self.text[lower:start]
        words = list(_WORD.finditer(chunk))
        if not words or chunk[words[-1].end():].strip(" "):
            return
        first = len(words)
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group()
            if index < len(words) - 1 and chunk[words[index].end():words[index + 1].start()].strip(" ") not in ("", "'s", "’s"):
                break
            lowered = word.casefold().removesuffix("'s").removesuffix("’s")
            if lowered in self._title_words or lowered in ("of", "the") or self.lexicon.country_of_word(lowered) \
                    or self.lexicon.organisation(lowered) or lowered in self.lexicon.source_modifiers:
                first = index
                continue
            break
        if first == len(words):
            return
        described = self.describe(chunk[words[first].start():])
        if described.role:
            entity.add_role(described.role)
        entity.country = entity.country or described.country
        entity.gender = entity.gender or described.gender

    def describe(self, phrase: str) -> _Description:
        """Role, country, gender and head noun of a description such as 'the Kremlin spokesperson'."""
        lex = self.lexicon
        info = _Description()
        words = _WORD.findall(phrase)
        lowered = [_POSSESSIVE.sub("", w).casefold().rstrip(".,") if w.endswith(("'s", "’s")) else w.casefold().rstrip(",") for w in words]
        i = 0
        modifiers = 0
        while i < len(lowered):
            word = lowered[i]
            if i == 0 and word in _DETERMINERS:
                info.definite = word in ("the", "this", "that", "these", "those")
                info.indefinite = word in _INDEFINITE
                i += 1
                continue
            matched = False
            for length in (4, 3, 2, 1):
                if i + length > len(lowered):
                    continue
                key = " ".join(lowered[i:i + length])
                title = self._title_phrases.get(key)
                plural = False
                if title is None and key.endswith("s") and key[:-1] in self._title_phrases:
                    title, plural = self._title_phrases[key[:-1]], True
                if title is None and key.endswith("es") and key[:-2] in self._title_phrases:
                    title, plural = self._title_phrases[key[:-2]], True
                if title is None and length >= 3:
                    # "the top U.S. diplomat", "the chief Russian negotiator": a country inside the title
                    for k in range(i + 1, i + length - 1):
                        country = lex.country_of_word(words[k])
                        inner = " ".join(lowered[i:k] + lowered[k + 1:i + length])
                        if country and inner in self._title_phrases:
                            title = self._title_phrases[inner]
                            info.country = info.country or country
                            break
                if title is not None:
                    info.title_country = self._title_countries.get(key)
                    info.role = title[0] or info.role
                    info.gender = title[1] or info.gender
                    info.head = words[i + length - 1]
                    info.plural = plural or (key in lex.anonymous_nouns and lex.anonymous_nouns[key] != key)
                    info.anonymous = key in lex.anonymous_nouns and title[2] == "role"
                    i += length
                    matched = True
                    break
            if matched:
                continue
            if word in ("of", "for", "to", "at", "in", "with", "from"):
                # "the deputy director of the Baltic Shipping Council ...": what follows qualifies the head
                rest = " ".join(words[i + 1:])
                place = lex.country_of_word(_strip_determiner(rest)) or (lex.organisation(rest).country if lex.organisation(rest) else None)
                info.country = info.country or place
                if lex.organisation(rest):
                    info.organisation = lex.organisation(rest).name
                break
            place = lex.country_of_word(words[i].removesuffix("'s").removesuffix("’s"))
            # a source noun written lower-case or before more words is no outlet of that name: "economist
            # Pia Lund", "Economist Pia Lund says" (not "The Economist")
            source_noun = word in lex.anonymous_nouns and (words[i][:1].islower() or i + 1 < len(words))
            organisation = None if source_noun else lex.organisation(words[i].removesuffix("'s").removesuffix("’s"))
            if organisation is None and i + 1 < len(words) and not source_noun:
                organisation = lex.organisation(f"{words[i]} {words[i + 1]}")
                if organisation is not None:
                    i += 1
            if organisation is not None:
                info.organisation = organisation.name
                info.country = info.country or organisation.country
            elif place is not None:
                info.country = info.country or place
            elif word in lex.anonymous_nouns:
                info.head = words[i]
                info.anonymous = True
                info.plural = lex.anonymous_nouns[word] != word
            elif word in lex.source_modifiers or word in ("senior", "top", "former"):
                pass
            else:
                possessor = self.by_key.get(name_key(words[i].removesuffix("'s").removesuffix("’s")))
                if possessor is not None and possessor.country:
                    info.country = info.country or possessor.country
            modifiers += 1
            i += 1
        info.bare = modifiers == 0 and info.organisation is None and info.country is None
        return info

    def sentence_start(self, offset: int) -> int:
        """Start of the sentence holding ``offset`` (0 before the first)."""
        position = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[position] if position >= 0 else 0

    def mention(self, start: int, end: int, entity: Entity, by_role: bool = False) -> _Mention:
        """A mention of ``entity`` at ``start``-``end``, knowing whether it is its sentence's subject and quoted."""
        return _Mention(start, end, entity, self._is_subject(self.sentence_start(start), start), self.quoted(start) is not None, by_role)

    def _is_subject(self, sentence_start: int, start: int) -> bool:
        if start - sentence_start > 130:
            return False
        lead = self.text[sentence_start:start]
        opener = _SENTENCE_OPENER.match(lead)  # "Last night, President X ..."
        if opener and not _UPPER.search(opener.group()[1:]):
            lead = lead[opener.end():]
        if len(lead) > 90:
            return False
        for word in _WORD.findall(lead):
            lowered = word.casefold()
            if word[:1].isupper() or lowered in _FUNCTION or lowered in self._title_words or word[:1].isdigit():
                continue
            if lowered in self.lexicon.source_modifiers:
                continue
            return False
        return True

    def _name_in_run(self, start: int, end: int):
        """A capitalised run: title words, then a name (known or not)."""
        role = country = gender = None
        titled = False
        i = 0
        # a lower-case title right before the run also counts: "rescue leader Mara Tenn", "spokesman Ned Price"
        window = self.text[max(0, start - 40):start]
        last = window.rstrip()[-1:]
        # (only a window ending in spaces after a lower-case letter or a hyphen can match)
        before = _LOWER_WORDS_BEFORE.search(window) if window[-1:].isspace() and (last.islower() or last == "-") else None
        if before:
            for phrase in (before.group(1), before.group(1).split()[-1]):
                info = self._title_phrases.get(phrase.casefold())
                if info is not None and info[2] != "role":
                    role, gender, titled = info[0], info[1], True
                    break
        if not titled and len(self.text[start:end].split(None, 1)) == 1:
            # one word (a run without spaces is one word) is a name only after a title
            return None
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text, start, end)]
        lowered = [w[2].casefold() for w in words]
        while i < len(words):
            length, info = self._title_at(lowered, i)
            if info is not None:
                role = info[0] or role
                gender = info[1] or gender
                titled = True
                i += length
                continue
            if words[i][2] in ("of", "the") and titled:
                i += 1
                continue
            for length in (4, 3, 2, 1):
                if i + length >= len(words):
                    continue
                organisation, place = self._place_or_body(" ".join(w[2] for w in words[i:i + length]))
                if place is not None or organisation is not None:
                    country = country or place
                    i += length
                    break
            else:
                break
        rest = words[i:]
        for cut, word in enumerate(rest):
            if word[2] in ("of", "the"):  # "President Orvel of Arnor": the name ends before "of"
                rest = rest[:cut]
                break
        if rest and _POSSESSIVE.search(rest[-1][2]):
            last = rest[-1]
            trimmed = _POSSESSIVE.sub("", last[2])
            rest[-1] = (last[0], last[0] + len(trimmed), trimmed)
        while rest and not self._could_be_name(rest[-1][2]):
            rest = rest[:-1]
        # a sentence adverb before a name: "Afterwards Bush", "Separately Lavrov"
        if len(rest) > 1 and _SENTENCE_ADVERB.search(rest[0][2]):
            rest = rest[1:]
            titled = titled or self.by_key.get(name_key(rest[-1][2])) is not None
        if not rest or not all(self._could_be_name(w[2]) for w in rest):
            return None
        if not titled and len(rest) < 2:
            return None
        if len(rest) > 4:
            return None
        name_end = rest[-1][1] - (1 if self.text[rest[-1][1] - 1] == "." and len(rest[-1][2]) > 2 else 0)
        return rest[0][0], name_end, "titled" if titled else "name", (role, country, gender)

    def _could_be_name(self, word: str) -> bool:
        """Whether a capitalised word can be (part of) a person's name; memoised per lexicon."""
        return _memoised(self._tables.could_be_name, word, self._word_could_be_name)

    def _word_could_be_name(self, word: str) -> bool:
        lex = self.lexicon
        bare = word.rstrip(".")
        particle = _NAME_PARTICLE.match(bare)
        if particle:
            bare = bare[particle.end():]  # "al-Assad"
        key = name_key(bare)
        if not key or not bare[:1].isupper() or len(bare) < 2 or _CONTRACTION.search(bare):
            return False
        if word.endswith(".") and key in lex.abbreviations:
            return False
        if bare.isupper() and len(bare) > 1 and not lex.person_by_surname.get(key):
            return False  # acronyms: NATO, FEMA (labels in capitals are read separately)
        # places, peoples, organisations, titles, source nouns, pronouns, determiners
        tables = self._tables
        if key in tables.not_name_keys:
            return False
        return bare not in tables.name_stopwords and word not in tables.months and not key.isdigit()

    def _place_or_body(self, phrase: str) -> tuple[Organisation | None, str | None]:
        """The organisation a phrase names, and its country or the country it names; memoised per lexicon."""
        return _memoised(self._tables.place_or_body, phrase, self._find_place_or_body)

    def _find_place_or_body(self, phrase: str) -> tuple[Organisation | None, str | None]:
        organisation = self.lexicon.organisation(phrase)
        return organisation, self.lexicon.country_of_word(phrase) or (organisation.country if organisation else None)

    def _title_at(self, lowered: list[str], i: int):
        """The longest title phrase (up to four words) at word ``i`` of case-folded words."""
        if lowered[i] not in self._tables.title_first_words:
            return 0, None
        for length in (4, 3, 2, 1):
            if i + length > len(lowered):
                continue
            info = self._title_phrases.get(" ".join(lowered[i:i + length]))
            if info is not None and (info[2] != "role" or length > 1):
                return length, info
        return 0, None

    def _person_entity(self, original: str, kind: str, payload) -> Entity | None:
        key = name_key(original)
        entity = self.by_key.get(key)
        if entity is not None:
            return entity
        person = self._gazetteer_person(original, payload[0] if kind == "titled" and payload else None)
        if person is not None:
            return self.entity_for_person(person, original)
        if kind == "gazetteer":
            return None  # an unsafe or ambiguous bare surname
        words = original.split()
        if len(words) == 1:
            entity = self._merge_surname(key)
            if entity is not None:
                self.by_key[key] = entity
                return entity
        entity = Entity(_display_name(original), "person", surname=words[-1].rstrip("."))
        self.register(entity)
        return entity

    def _gazetteer_person(self, original: str, title_role: str | None) -> Person | None:
        key = name_key(original)
        candidates = self.lexicon.person_by_alias.get(key)
        if candidates:
            return candidates[0]
        if " " in original.strip():
            return None
        candidates = self.lexicon.person_by_surname.get(key)
        if not candidates:
            return None
        if key in self.lexicon.unsafe_surnames and title_role is None and not original.isupper():
            return None
        curated = [p for p in candidates if not p.source.startswith(DICTIONARY_SOURCE_PREFIX)]
        if curated and len(curated) < len(candidates):
            candidates = curated  # a curated entry outranks namesakes from an event-data dictionary
        if title_role is not None:
            fitting = [p for p in candidates if any(roles_compatible(self.lexicon, title_role, t.role) for t in p.roles)]
            if fitting:
                candidates = fitting
            elif title_role not in ("mr.", None) and len(candidates) > 1:
                return None
        dated = [p for p in candidates if self.year is None or any(t.holds_in(self.year) for t in p.roles)]
        if len(dated) == 1:
            return dated[0]
        if len(candidates) == 1:
            return candidates[0]
        return None

    def entity_for_person(self, person: Person, original: str) -> Entity:
        key = name_key(person.name)
        entity = self.by_key.get(key)
        if entity is None:
            particles, family_first = self._tables.name_particles, self._tables.family_name_first
            surname = surname_of(person.name, person.country, family_first, particles) or person.name.split()[-1]
            name = person.name
            if person.source.startswith(DICTIONARY_SOURCE_PREFIX) and " " in original.strip():
                name = _display_name(original)  # the dictionary keeps no case: use the text's spelling
            entity = Entity(name, "person", None, person.country, person.gender, surname=surname,
                            organisation=person.organisation, person=person)
            self._apply_person(entity, person)
            self._note_surname(entity)
            self.by_key[key] = entity
            for alias in person.aliases:
                self.by_key.setdefault(name_key(alias), entity)
            for form in surname_forms(surname, particles):
                self.by_key.setdefault(name_key(form), entity)
        self.by_key.setdefault(name_key(original), entity)
        return entity

    def _apply_person(self, entity: Entity, person: Person) -> None:
        year = self.year
        if year:
            held = [t.role for t in person.roles if t.holds_in(year)]
        else:
            # no date: today's offices, so that "the ambassador" is not a foreign minister who once was one
            held = [t.role for t in person.roles if t.is_current()] or [t.role for t in person.roles]
        entity.roles.update(held)
        current = person.role_in(year)
        if current and (entity.role is None or entity.role not in held or entity.role not in entity.roles):
            entity.role = current

    def _merge_surname(self, key: str) -> Entity | None:
        """A surname alone: the document's person with that surname, tolerating one typo in long names."""
        entity = self.by_key.get(key)
        if entity is not None:
            return entity
        if len(key) < 5:
            return None
        # only surnames of nearly the same length can be one edit apart; the latest few, for linear time
        for length in (len(key) - 1, len(key), len(key) + 1):
            for other_key, other in reversed(self._surnames.get(length, [])[-LOOKBACK_MENTIONS:]):
                if _one_edit(key, other_key):
                    return other
        return None

    def _note_surname(self, entity: Entity) -> None:
        if entity.kind == "person" and entity.surname:
            key = name_key(entity.surname)
            self._surnames.setdefault(len(key), []).append((key, entity))

    def register(self, entity: Entity) -> None:
        self._note_surname(entity)
        self.by_key.setdefault(name_key(entity.name), entity)
        if entity.kind == "person" and entity.surname:
            self.by_key.setdefault(name_key(entity.surname), entity)

    def lookup_name(self, name: str) -> Entity | None:
        key = name_key(name)
        entity = self.by_key.get(key)
        if entity is not None:
            return entity
        parts = key.split()
        if len(parts) == 1:
            entity = self._merge_surname(parts[0])
            if entity is not None:
                return entity
        elif parts:
            entity = self.by_key.get(parts[-1])
            if entity is not None and entity.kind == "person" and name_key(entity.name).endswith(parts[-1]):
                first = name_key(entity.name).split()[0]
                if first[:1] == parts[0][:1]:
                    return entity
        return None

    def _infer_year(self) -> int | None:
        """The latest year written in the text, else a year in which the dated office holders named served
        (None when they serve still: the current office holders are meant).

        Years after the gazetteer's latest known start are targets ("by 2030"), not dates. Among the
        years in which most of the named office holders served together, the middle of the latest
        run is taken: a term's first and last years are shared with the predecessor and successor.
        """
        latest = self.lexicon.stage("latest_known_year", _latest_known_year)
        years = [int(m.group()) for m in _YEAR.finditer(self.text) if int(m.group()) <= latest]
        if years:
            return max(years)
        periods: list[list[tuple[int, int]]] = []
        seen: set[int] = set()
        for mention in self.mentions:
            person = mention.entity.person
            if person is None or id(person) in seen:
                continue
            seen.add(id(person))
            spans = [(lo or 1945, hi or latest) for t in person.roles for lo, hi in t.periods]
            if spans:
                periods.append(spans)
        if not periods:
            return None
        counts: Counter[int] = Counter()
        for spans in periods:
            counts.update({y for lo, hi in spans for y in range(max(lo, 1945), min(hi, latest) + 1)})
        best = max(counts.values())
        if best < 2 and len(periods) > 1:
            return None
        best_years = sorted(y for y, c in counts.items() if c == best)
        if best_years[-1] == latest:
            return None  # they all still hold office: today's news, whose office holders are the current ones
        run = [best_years[-1]]
        while run[0] - 1 in counts and counts[run[0] - 1] == best:
            run.insert(0, run[0] - 1)
        return run[(len(run) - 1) // 2]

    def quoted(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_left(self._quote_starts, offset) - 1
        if index >= 0 and self._quotes[index][1] > offset:
            return self._quotes[index]
        return None

    # -------------------------------------------------------------- queries
    def entities_before(self, offset: int, window: int = LOOKBACK_CHARS):
        """Mentions before ``offset``, nearest first, within a bounded look-back (keeps resolution linear)."""
        index = bisect.bisect_left(self._starts, offset)
        for mention in reversed(self.mentions[max(0, index - LOOKBACK_MENTIONS):index]):
            if mention.start < offset - window:
                break
            yield mention

    def entities_after(self, offset: int, limit: int):
        index = bisect.bisect_right(self._starts, offset)
        for mention in self.mentions[index:]:
            if mention.start > limit:
                break
            yield mention

    def crossing(self, offset: int) -> _Mention | None:
        """The mention that runs across ``offset``, if any."""
        index = bisect.bisect_left(self._starts, offset) - 1
        if index >= 0 and self.mentions[index].start < offset < self.mentions[index].end:
            return self.mentions[index]
        return None

    def within(self, start: int, end: int) -> list[_Mention]:
        index = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.mentions[index:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found


@dataclass(frozen=True, eq=False)
class _TrackerTables:
    """Look-up tables of the entity tracker, built once per lexicon (read-only)."""

    title_phrases: dict[str, tuple[str | None, str | None, str]]  # title or agent phrase -> (role, gender, kind)
    title_words: frozenset[str]  # the words of those phrases, less function words
    title_first_words: frozenset[str]  # what the phrases begin with, up to the first space
    not_name_keys: frozenset[str]  # keys of words that are never (part of) a person's name
    name_stopwords: frozenset[str]  # capitalised words that are no names: sentence words, months, weekdays
    months: frozenset[str]
    name_particles: frozenset[str]
    family_name_first: frozenset[str]  # countries whose names put the family name first
    many_holder_roles: frozenset[str]  # offices held by many at once: never resolved to the gazetteer's one holder
    place_or_body: dict[str, tuple[Organisation | None, str | None]] = field(default_factory=dict)  # memo of EntityTracker._place_or_body
    could_be_name: dict[str, bool] = field(default_factory=dict)  # memo of EntityTracker._could_be_name (depends on the lexicon only)

    @classmethod
    def build(cls, lexicon: Lexicon) -> _TrackerTables:
        phrases = {**{k: (t.role, t.gender, t.kind) for k, t in lexicon.titles.items()},
                   **{k: (role, None, "role") for k, (role, _) in lexicon.agents.items() if k not in lexicon.titles}}
        words = frozenset(w for phrase in phrases for w in phrase.split()) - {"of", "the", "for", "and", "to"}
        grammar = lexicon.grammar
        not_name_keys = frozenset().union(lexicon.countries, lexicon.adjectives, lexicon.organisations, lexicon.organisation_heads,
                                          lexicon.titles, lexicon.anonymous_nouns, lexicon.pronouns, _DETERMINERS, words)
        stopwords = frozenset(grammar["capitalised_stopwords"]) | frozenset(grammar["months"]) | frozenset(grammar["weekdays"])
        first_words = frozenset(phrase.split(" ")[0] for phrase in phrases)
        return cls(phrases, words, first_words, not_name_keys, stopwords, frozenset(grammar["months"]), frozenset(grammar["name_particles"]),
                   frozenset(grammar["family_name_first_countries"]), frozenset(grammar["many_holder_roles"]))


def _compile_pair_of_people(lexicon: Lexicon) -> regex.Pattern:
    heads = sorted(lexicon.grammar.get("pair_of_people_heads", ()), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in head.split()) for head in heads)
    return regex.compile(r"(?i)(?:(?P<number>the\s+two|both(?:\s+the)?)|the)\s+(?:" + alternatives + r")")


def _persons_by_country(lexicon: Lexicon) -> dict[str, list[Person]]:
    # curated entries only: a dictionary's "government" sector says nothing about the office held
    grouped: dict[str, list[Person]] = {}
    for person in lexicon.persons:
        if person.country and not person.source.startswith(DICTIONARY_SOURCE_PREFIX):
            grouped.setdefault(person.country, []).append(person)
    return grouped


class _RoleHolders:
    """A country's curated people who ever held a role compatible with a wanted one, memoised per lexicon.

    Narrows the scan over all of a country's people to a few per role mention; the year is checked by the caller.
    """

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.by_country = _persons_by_country(lexicon)
        self._holders: dict[tuple[str, str], list[Person]] = {}  # bounded: countries x roles of the lexicon

    def of(self, country: str, role: str) -> list[Person]:
        holders = self._holders.get((country, role))
        if holders is None:
            holders = [p for p in self.by_country.get(country, ())
                       if any(roles_compatible(self.lexicon, role, t.role) for t in p.roles)]
            self._holders[(country, role)] = holders
        return holders


def _latest_known_year(lexicon: Lexicon) -> int:
    starts = [lo for person in lexicon.persons for term in person.roles for lo, _ in term.periods if lo]
    return max(starts, default=2025) + 1


def _compile_role_nouns(lexicon: Lexicon) -> regex.Pattern:
    # "the President", "the Turkish foreign minister", "the Kremlin spokesman": the, up to two modifiers, a title
    # (the titles as a trie: the same matches as regex's named list, twice as fast)
    titles = [phrase for phrase, title in lexicon.titles.items() if title.kind == "title" and title.role and not phrase.endswith(".")]
    return compile_named_lists(r"(?<![\p{L}\p{N}])(?i:the)\s++(?:[\p{L}.'’-]++\s++){0,2}?\L<titles>(?![\p{L}\p{N}-])",
                               regex.IGNORECASE, titles=titles)


def roles_compatible(lexicon: Lexicon, wanted: str, held: str) -> bool:
    """``the spokesperson`` fits a press secretary, ``the minister`` a foreign minister, not a vice president.

    Memoised per lexicon: role antecedents ask it of every role of every recent person.
    """
    return _memoised(lexicon.stage("roles_compatible", _new_memo), (wanted, held), lambda pair: _roles_compatible(lexicon, *pair))


def _new_memo(lexicon: Lexicon) -> dict:
    return {}


def _memoised(memo: dict, key, compute):
    """``compute(key)``, remembered in ``memo``, which is emptied when full (its memory stays bounded)."""
    answer = memo.get(key)
    if answer is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        answer = memo[key] = compute(key)
    return answer


def _roles_compatible(lexicon: Lexicon, wanted: str, held: str) -> bool:
    wanted, held = wanted.casefold(), held.casefold()
    if wanted == held or held in lexicon.role_groups.get(wanted, ()):
        return True
    if wanted in ("official", "leader"):
        return True
    if any(r.startswith(wanted + " of ") for r in lexicon.role_groups.get(held, {held})):  # "Secretary Austin": secretary of defense
        return True
    if held.endswith(" " + wanted):
        prefix = held[: -len(wanted) - 1].split()
        return not any(word in lexicon.role_groups.get("-subordinate", ()) for word in prefix)
    return False


class SpeakerResolver:
    """Turns the raw speaker spans of attributions into :class:`Speaker` records."""

    def __init__(self, text: str, sentences: list[Sentence], lexicon: Lexicon, turns=None, year: int | None = None,
                 attributions: list[Attribution] | None = None):
        self.text = text
        self.lex = lexicon
        self.sentences = sentences
        self.turns = turns or []
        self.turn_starts = [turn[0] for turn in self.turns]
        self.tracker = EntityTracker(text, lexicon, year)
        self.tracker.scan(sentences)
        self.sentence_starts = self.tracker.sentence_starts
        self.recent: list[tuple[int, Entity]] = []  # speakers resolved so far, by offset
        self._noted: dict[int, Entity] = {}  # mention offset -> the entity it was resolved to
        self.label_entities: dict[str, Entity] = {}
        self._org_aliases: dict[str, set[str]] | None = None
        self.modifier_prepositions = frozenset(lexicon.grammar["source_modifier_prepositions"])
        self.indefinite_pronoun_speakers = frozenset(lexicon.grammar["indefinite_pronoun_speakers"])
        self.anaphoric_determiners = frozenset(lexicon.grammar["anaphoric_determiners"])
        self.briefer_roles = tuple(lexicon.grammar["briefer_roles"])
        self.label_role_countries = dict(entry.split("|", 1) for entry in lexicon.grammar["label_role_countries"])
        self.independent_documents = frozenset(lexicon.grammar["independent_documents"])
        self.label_spans = [(start, start + len(label) + 1) for start, _, q, label in self.turns if label]
        self.transcript_country = None
        self.transcript_organisation: str | None = None
        self.home_is_guess = False
        self.home_country = self._home_country()
        self._attributions = attributions or []
        self._content_countries: list[tuple[int, int, str]] | None = None  # built when a role noun asks
        self._add_role_mentions()

    def _countries_of_contents(self, attributions: list[Attribution]) -> list[tuple[int, int, str]]:
        """(start, end, country) of the contents whose speaker speaks for a country: a government body
        or an official described with one ("Pakistan's foreign office said P"), not a news outlet."""
        found = []
        for attribution in attributions:
            described = self.tracker.describe(attribution.speaker.text)
            organisation = self.lex.organisation(described.organisation) if described.organisation else None
            if described.country and not (organisation is not None and organisation.kind == "media"):
                found.append((attribution.content.start, attribution.content.end, described.country))
        return found

    def _content_country(self, offset: int) -> str | None:
        """The country of the innermost such content holding ``offset``."""
        if self._content_countries is None:
            self._content_countries = self._countries_of_contents(self._attributions)
        holding = [(end - start, country) for start, end, country in self._content_countries if start <= offset < end]
        return min(holding)[1] if holding else None

    def _add_role_mentions(self) -> None:
        """'the President', 'the British prime minister': a role noun names a person the pronouns can refer to."""
        tracker = self.tracker
        added: list[_Mention] = []
        for match in self.lex.stage("role_noun_mentions", _compile_role_nouns).finditer(self.text):
            start, end = match.span()
            if tracker.within(start, end) or _CAPITAL_NEXT.match(self.text[end:end + 3]):
                continue
            modifiers = match.group().split()[1:-1]
            if any(not (self.lex.country_of_word(w) or self.lex.organisation(w) or w.casefold() in tracker._title_words)
                   for w in modifiers) and not tracker._title_phrases.get(" ".join(modifiers[-1:] + match.group().split()[-1:]).casefold()):
                continue
            described = tracker.describe(match.group())
            if described.role is None or described.role in ("official", "leader"):
                continue
            tail = _OF_NAME_TAIL.match(self.text[end:end + 60])
            if tail and not described.country:
                described.country = self.lex.country_of_word(tail.group(1))
            entity = None
            speaker_country = None if described.country else self._content_country(start)
            if speaker_country:
                # "Pakistan's foreign office said the prime minister would travel": Pakistan's, when known
                entity = self._role_antecedent(start, end, replace(described, country=speaker_country))
            entity = entity or self._role_antecedent(start, end, described)
            if entity is None:
                continue
            added.append(tracker.mention(start, end, entity, by_role=True))
        if added:
            tracker.mentions = sorted(tracker.mentions + added, key=lambda m: m.start)
            tracker._starts = [m.start for m in tracker.mentions]

    def resolve(self, attributions: list[Attribution]) -> list[Speaker]:
        quotations = sorted((a.content.start, a.content.end, i) for i, a in enumerate(attributions) if a.kind in ("direct", "mixed"))
        self._quotations = quotations
        self._quotation_starts = [q[0] for q in quotations]
        speakers: list[Speaker] = []
        self._by_span: dict[tuple[int, int], Speaker] = {}
        for attribution in attributions:
            speakers.append(self._speaker_of(attribution, attributions, speakers))
        return [self._completed(speaker) for speaker in speakers]

    def _completed(self, speaker: Speaker) -> Speaker:
        """Role and country learnt later in the document (an apposition, a title) fill an early mention's gaps."""
        entity = self._noted.get(speaker.mention.start)
        if entity is None or entity.name != speaker.name or entity.kind == "anonymous":
            return speaker
        role, country = speaker.role or entity.role, speaker.country or entity.country
        if (role, country) == (speaker.role, speaker.country):
            return speaker
        return Speaker(speaker.mention, speaker.name, role, country, speaker.anonymous, speaker.mention_kind)

    def _speaker_of(self, attribution: Attribution, attributions, done: list[Speaker]) -> Speaker:
        key = (attribution.speaker.start, attribution.speaker.end)
        speaker = self._by_span.get(key)
        if speaker is None:
            speaker = self._resolve_one(attribution, attributions, done)
            self._by_span[key] = speaker
        return speaker

    # -------------------------------------------------------------- one mention
    def _resolve_one(self, attribution: Attribution, attributions, done: list[Speaker]) -> Speaker:
        mention = attribution.speaker
        start, end = _trim(self.text, mention.start, mention.end)
        phrase = self.text[start:end]
        lowered = phrase.casefold()
        if lowered in self.lex.pronouns:
            return self._pronoun(mention, lowered, attribution, attributions, done)
        before = _POSSESSIVE_PRONOUN_BEFORE.search(self.text[max(0, start - 8):start])
        office = _PRONOUN_OFFICE.fullmatch(f"{before.group(1)} {phrase}" if before else phrase)
        if office and office.group(1).casefold() in self.lex.pronouns:
            # "his office said": the person (or body) the pronoun refers to
            return self._pronoun(mention, office.group(1).casefold(), attribution, attributions, done)
        entity, kind = self._phrase(start, end, attribution)
        self._note(mention.start, entity)
        return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", kind)

    def _phrase(self, start: int, end: int, attribution: Attribution | None = None, depth: int = 0) -> tuple[Entity, str]:
        """Who a non-pronoun noun phrase of the text refers to, and the kind of mention."""
        text = self.text
        start, end = _trim(text, start, end)
        phrase = text[start:end]
        if " ".join(phrase.casefold().split()) in self.indefinite_pronoun_speakers:
            return self._further_source(phrase), "anonymous"
        stripped = _strip_determiner(phrase)
        # a whole organisation or country name (also "Bosnia and Herzegovina", "the Kremlin", "Beijing")
        organisation = self.lex.organisation(stripped)
        if organisation is not None:
            return self._organisation_entity(organisation.name, organisation.country), "organisation"
        country = self.lex.countries.get(name_key(stripped))
        if country is None and (stripped.endswith("s") or "." in stripped or stripped.isupper()):
            country = self.lex.adjectives.get(name_key(stripped))  # "the U.S.", "The Russians"
        if country is not None:
            return Entity(country, "country", country=country), "organisation"
        pair = self._both(phrase, start)
        if pair is not None:
            return pair, "organisation"
        pair = self._leader_pair(phrase, start)
        if pair is not None:
            return pair, "name"
        # coordination: "Olaf Scholz and Emmanuel Macron", "the U.S. and its allies"
        if depth == 0:
            parts = _COORDINATION.split(phrase)
            if len(parts) == 2 and all(parts):
                cut = _COORDINATION.search(phrase)
                left = self._phrase(start, start + cut.start(), None, 1)
                right = self._phrase(start + cut.end(), end, None, 1)
                if (left[0].kind != "anonymous" or right[0].kind != "anonymous") and left[0].name != right[0].name:
                    names = [left[0].name if left[0].kind != "anonymous" else _lower_determiner(parts[0]),
                             right[0].name if right[0].kind != "anonymous" else _lower_determiner(parts[1])]
                    group = Entity(" and ".join(names), "group", plural=True,
                                   country=left[0].country if left[0].country == right[0].country else None)
                    return group, "name"
        words = _WORD.findall(phrase)
        if not words:
            return Entity(phrase, "anonymous"), "anonymous"
        head = words[-1].casefold()
        # a document: its issuer is the speaker
        if self.lex.organisation_heads.get(head) == "document" or self.lex.organisation_heads.get(head.rstrip("s")) == "document":
            return self._document(start, end, phrase, attribution, depth)
        link = _ISSUER_LINK.search(phrase)
        if link and self.lex.organisation_heads.get(_WORD.findall(phrase[:link.start()])[-1].casefold() if _WORD.findall(phrase[:link.start()]) else "") == "document":
            return self._phrase(start + link.end(), end, attribution, depth + 1)
        persons = [m for m in self.tracker.within(start, end) if m.entity.kind == "person"]
        cut = self.tracker.crossing(end)
        if cut is not None and cut.entity.kind == "person" and cut.start >= start:
            persons.append(cut)  # a span cut inside a name ("Theresa" of "Theresa May") still names the person
        described = self.tracker.describe(phrase)
        owner = _OWNER_BEFORE.search(text, start, persons[-1].start) if persons and described.role else None
        if owner and (owner.group("title") is None or self.lex.titles.get(owner.group("title").casefold()) is not None):
            # "a spokesman for the president", "an aide to President Varga": the spokesman speaks, not the
            # person they speak for, nor another spokesman named before; the description is who it is
            return Entity(_lower_determiner(phrase), "anonymous", described.role, described.country, described.gender,
                          surname=(described.head or "").casefold() or None), "anonymous"
        # a person named at the head of the phrase: "Kremlin spokesman Dmitry Peskov", "Mr. Okafor"
        if persons and (_only_closers(text[persons[-1].end:end]) or _OF_PLACE.fullmatch(text, persons[-1].end, end)) \
                and not self._named_in_modifier(start, persons[-1].start, described):
            entity = persons[-1].entity
            self._enrich(entity, described)
            self._enrich_from_apposition(entity, start, end)
            return entity, "role" if persons[-1].by_role else "name"
        # the head is a description; a comma apposition may name it: "The deputy director of X, Chidi Okafor,"
        named = self._apposition_after(end)
        if named is not None and not described.plural:
            self._enrich(named, described)
            return named, "role"
        # organisations inside the phrase: "the Russian Foreign Ministry", "South Korea's government"
        organised = self._organisation_phrase(start, end, phrase, words, described)
        if organised is not None:
            return organised
        name = _name_part(phrase, self.lex)
        if described.anonymous and not described.plural and self._names_the_source(phrase, name, described):
            # "senior Norlandic negotiator Lio Orkan": a source noun before a full name is the person's title
            entity = self._person_named(name, described, start)
            self._enrich_from_apposition(entity, start, end)
            return entity, "name"
        if described.anonymous or described.plural:
            return self._anonymous(phrase, described, start), "anonymous"
        if name and all(self.tracker._could_be_name(w) for w in name.split()) and not self.lex.country_of_word(name) \
                and not self.lex.organisation(name) \
                and (described.role is None or len(name.split()) > 1 or described.head != words[-1]):
            # a name the tracker did not know: "militia commander Dren Haskel" -> "Dren Haskel"
            entity = self._person_named(name, described, start)
            self._enrich_from_apposition(entity, start, end)
            return entity, "name"
        if described.role is not None:
            entity = self._role_antecedent(start, end, described)
            if entity is not None:
                self._enrich(entity, described)
                return entity, "role"
            if described.indefinite or described.role in ("official",):
                return self._anonymous(phrase, described, start), "anonymous"
            return Entity(_lower_determiner(phrase), "anonymous", described.role, described.country, described.gender,
                          surname=described.head and described.head.casefold()), "role"
        # an unknown capitalised name: keep the name part ("rescue leader Mara Tenn" -> "Mara Tenn")
        name = _name_part(phrase, self.lex)
        country = self.lex.country_of_word(name) if name else None
        if country is not None:  # the name part is a country's name or abbreviation ("a U.S."): the country, never a person
            return Entity(country, "country", country=country), "organisation"
        if name:
            return self._person_named(name, described, start), "name"
        return Entity(_lower_determiner(phrase), "anonymous"), "anonymous"

    def _named_in_modifier(self, start: int, person_start: int, described: _Description) -> bool:
        """'Officials traveling with X', 'sources close to X': a person named after a preposition that
        follows an anonymous source noun is the object of its modifier, not the source."""
        if not described.anonymous or not described.head:
            return False
        between = self.text[start:person_start]
        if "," in between:
            return False  # an apposition: "an official of the ministry, X," names the official
        words = [w.casefold() for w in _WORD.findall(between)]
        head = described.head.casefold()
        if head not in words:
            return False
        return any(w in self.modifier_prepositions for w in words[words.index(head) + 1:])

    def _names_the_source(self, phrase: str, name: str, described: _Description) -> bool:
        """A name of two words or more ends the phrase, after its source noun, and is neither a place nor a body."""
        words = name.split()
        head = described.head or ""
        # a capitalised source noun ("Analyst Ola Brekke said" opening a sentence) is already cut from the name
        return len(words) > 1 and phrase.rstrip().endswith(name) and bool(head) and (head[:1].islower() or head not in words) \
            and phrase.find(head) < phrase.rfind(name) and all(self.tracker._could_be_name(w) for w in words) \
            and not self.lex.country_of_word(name) and not self.lex.organisation(name)

    def _person_named(self, name: str, described, start: int) -> Entity:
        """The document's person of that name (registered on first sight), completed by the description."""
        entity = self.tracker.lookup_name(name)
        if entity is None:
            entity = Entity(_display_name(name), "person", described.role, described.country, described.gender,
                            surname=name.split()[-1])
            self.tracker.register(entity)
        self._enrich(entity, described)
        return entity

    def _both(self, phrase: str, start: int) -> Entity | None:
        """'both countries', 'the two sides': the last two countries or organisations named before."""
        if not _BOTH.fullmatch(phrase.strip()):
            return None
        found: list[Entity] = []
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            if entity.kind in ("country", "organisation") and all(e.name != entity.name for e in found):
                found.append(entity)
                if len(found) == 2:
                    first, second = found[1], found[0]
                    return Entity(f"{first.name} and {second.name}", "group", plural=True)
        return None

    def _leader_pair(self, phrase: str, start: int) -> Entity | None:
        """'the two leaders', 'both Presidents': the two people most mentioned before, in the order the
        text first names them. A bare 'the leaders' needs two clear front-runners (no third person named
        as often as the second), since it may stand for a larger group."""
        match = self.lex.stage("pair_of_people", _compile_pair_of_people).fullmatch(phrase.strip())
        if match is None:
            return None
        counts: Counter = Counter()
        first_seen: dict[str, int] = {}
        entities: dict[str, Entity] = {}
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            # a person with a title or a gazetteer entry: a capitalised event name is no leader
            if entity.kind != "person" or mention.quoted or (entity.role is None and entity.person is None):
                continue
            key = name_key(entity.name)
            counts[key] += 1
            first_seen[key] = mention.start  # nearest first, so the last write is the earliest
            entities[key] = entity
        ranked = counts.most_common(3)
        if len(ranked) < 2:
            return None
        if not match.group("number") and len(ranked) == 3 and ranked[2][1] == ranked[1][1]:
            return None
        first, second = sorted((entities[key] for key, _ in ranked[:2]), key=lambda e: first_seen[name_key(e.name)])
        return Entity(f"{first.name} and {second.name}", "group", plural=True,
                      country=first.country if first.country == second.country else None)

    def _organisation_entity(self, name: str, country: str | None) -> Entity:
        return Entity(name, "organisation", country=country)

    def _document(self, start: int, end: int, phrase: str, attribution, depth: int) -> tuple[Entity, str]:
        """'a study by Piper Sandler' -> Piper Sandler; 'IRS data' -> IRS; 'the statement' -> the last source."""
        link = _ISSUER_LINK.search(phrase)
        if link is not None and depth < 2:
            issuer = self._phrase(start + link.end(), end, attribution, depth + 1)
            if issuer[0].kind != "anonymous":
                return issuer
        words = list(_WORD.finditer(phrase))
        modifier_end = words[-1].start() if words else 0
        modifier = phrase[:modifier_end].strip()
        if _strip_determiner(modifier):
            inner = self._phrase(start, start + len(phrase[:modifier_end].rstrip()), attribution, depth + 1)
            if inner[0].kind != "anonymous":
                return inner
        first_word = words[0].group().casefold() if words else ""
        head = words[-1].group().casefold() if words else ""
        if first_word in self.anaphoric_determiners or head not in self.independent_documents:
            # "the statement", "its report": a document named before, issued by the last source
            for offset, entity in self._recent_before():
                if offset < start and entity.kind in ("person", "organisation", "country"):
                    return entity, "organisation"
            for mention in self.tracker.entities_before(start):
                if mention.subject:
                    return mention.entity, "organisation"
        # "a new poll", "emails released on Friday": a new study or record with no issuer named is its own source
        return Entity(_lower_determiner(phrase), "anonymous"), "anonymous"

    def _organisation_phrase(self, start: int, end: int, phrase: str, words: list[str], described: _Description):
        lex = self.lex
        head = words[-1].casefold()
        organisations = [m for m in self.tracker.within(start, end) if m.entity.kind == "organisation"]
        if organisations and _only_closers(self.text[organisations[-1].end:end]):
            return organisations[-1].entity, "organisation"
        if lex.organisation_heads.get(head) != "body" and not (words[-1].casefold() in lex.adjectives and described.plural):
            if " of " in phrase:
                # "the Ministry of Foreign Affairs", "the Office of the Governor": head before "of"
                before = phrase[:phrase.index(" of ")]
                bw = _WORD.findall(before)
                if bw and lex.organisation_heads.get(bw[-1].casefold()) == "body" and bw[-1][:1].isupper():
                    return self._organisation_entity(_strip_determiner(phrase), described.country or self._country_in(phrase)), "organisation"
            return None
        stripped = _strip_determiner(phrase)
        stripped_words = stripped.split()
        country = described.country or self._country_in(phrase)
        if len(stripped_words) == 1:
            # "the ministry", "The Agency": the last organisation with that noun in its name
            antecedent = self._organisation_antecedent(start, head)
            if antecedent is not None:
                return antecedent, "organisation"
            return Entity(_lower_determiner(phrase), "organisation", country=country), "organisation"
        for length in (3, 2, 1):
            if length >= len(stripped_words):
                continue
            first = " ".join(stripped_words[:length]).removesuffix("'s").removesuffix("’s")
            place = lex.country_of_word(first)
            if place is not None and not stripped_words[0][:1].islower():
                # "South Korea's government" -> "South Korean government"
                adjective = lex.country_adjective.get(place, first)
                rest = " ".join(stripped_words[length:])
                return self._organisation_entity(f"{adjective} {rest}", place), "organisation"
        return self._organisation_entity(stripped, country), "organisation"

    def _organisation_antecedent(self, start: int, head: str) -> Entity | None:
        aliases = self._aliases_by_organisation()
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            if entity.kind != "organisation":
                continue
            names = aliases.get(entity.name, set()) | {name_key(entity.name)}
            if any(head in n.split() for n in names):
                return entity
        return None

    def _aliases_by_organisation(self) -> dict[str, set[str]]:
        if self._org_aliases is None:
            grouped: dict[str, set[str]] = {}
            for alias, organisation in self.lex.organisations.items():
                grouped.setdefault(organisation.name, set()).add(alias)
            self._org_aliases = grouped
        return self._org_aliases

    def _country_in(self, phrase: str) -> str | None:
        for word in _WORD.findall(phrase):
            country = self.lex.country_of_word(word.removesuffix("'s").removesuffix("’s"))
            if country:
                return country
        return None

    def _anonymous(self, phrase: str, described: _Description, start: int | None = None) -> Entity:
        """An anonymous source keeps its description; a bare later mention is the fullest earlier one."""
        head = (described.head or "").casefold()
        singular = self.lex.anonymous_nouns.get(head, head)
        if described.bare and not described.indefinite:
            for _, entity in self._recent_before():
                if entity.kind == "anonymous" and entity.surname == singular and entity.plural == described.plural:
                    return entity
            if start is not None and not described.plural and head:
                # "the official" after "A senior Turkish official, speaking on condition of anonymity, ..."
                earlier = None
                for match in _indefinite_mention(head).finditer(self.text[max(0, start - 3000):start]):
                    earlier = match.group()
                if earlier is not None:
                    fuller = self.tracker.describe(earlier)
                    return Entity(_lower_determiner(earlier), "anonymous", fuller.role or described.role,
                                  fuller.country or described.country, described.gender, surname=singular)
        if described.indefinite:
            name = _lower_determiner(phrase)
        elif described.plural or not described.bare:
            name = _strip_determiner(phrase)  # "the UK authorities" -> "UK authorities"
        else:
            name = _lower_determiner(phrase)  # "the official" stays a description
        return Entity(name, "anonymous", described.role if not described.plural else None, described.country, described.gender,
                      plural=described.plural, surname=singular)

    def _further_source(self, phrase: str) -> Entity:
        """'said another' after 'One official said': another official, a new source of the last anonymous one's kind."""
        word = " ".join(phrase.casefold().split())
        for _, entity in self._recent_before():
            if entity.kind == "anonymous" and entity.surname:
                plural = word == "others"
                noun = next((form for form, singular in self.lex.anonymous_nouns.items()
                             if singular == entity.surname and form != singular), entity.surname) if plural else entity.surname
                return Entity(f"{'other' if plural else word} {noun}", "anonymous", None if plural else entity.role, entity.country,
                              plural=plural, surname=entity.surname)
        return Entity(word, "anonymous", plural=word == "others")

    def _enrich(self, entity: Entity, described: _Description) -> None:
        if entity.kind != "person":
            return
        if described.role:
            if described.role not in entity.roles and not any(roles_compatible(self.lex, described.role, r) for r in entity.roles):
                entity.roles.add(described.role)
            if entity.role is None:
                entity.role = described.role
        entity.country = entity.country or described.country
        entity.gender = entity.gender or described.gender

    def _enrich_from_apposition(self, entity: Entity, start: int, end: int) -> None:
        """'Dmitry Peskov, the Kremlin spokesman,' and 'the Kremlin spokesman, Dmitry Peskov,' describe the name."""
        after = _APPOSITION_AFTER.match(self.text[end:end + 120])
        if after:
            self._enrich(entity, self.tracker.describe(after.group(1)))
        before = _APPOSITION_BEFORE.search(self.text[max(0, start - 120):start])
        if before:
            self._enrich(entity, self.tracker.describe(before.group(1)))

    def _apposition_after(self, end: int) -> Entity | None:
        match = _COMMA.match(self.text[end:end + 4])
        if match is None:
            return None
        name_start = end + match.end()
        for mention in self.tracker.entities_after(name_start - 1, name_start + 1):
            if mention.start == name_start and mention.entity.kind == "person" \
                    and _CLAUSE_BREAK.match(self.text[mention.end:mention.end + 3]):
                return mention.entity
        return None

    def _role_antecedent(self, start: int, end: int, described: _Description, home_country: str | None = None) -> Entity | None:
        """``home_country``: the document's, by default."""
        role, country, gender = described.role, described.country, described.gender
        home_country = home_country or getattr(self, "home_country", None)
        if country is None and self.transcript_country and not described.indefinite:
            # a briefer's "the President" is their own country's, whoever the reporter named before
            country = self.transcript_country
        formal_home = None
        if country is None and home_country and not self.home_is_guess and described.definite \
                and (described.head or "")[:1].isupper() and not described.indefinite:
            # a readout's formal "The President" is the home country's, when it names that person
            formal_home = home_country
        lex = self.lex

        def fits(entity: Entity, wanted_country: str | None) -> bool:
            if entity.kind != "person" or not entity.roles:
                return False
            if not any(roles_compatible(lex, role, held) for held in entity.roles):
                return False
            if wanted_country and entity.country != wanted_country:
                return False
            return entity.compatible_gender(gender)

        if formal_home is not None:
            for mention in self.tracker.entities_before(start):
                if fits(mention.entity, formal_home):
                    return mention.entity
        if not described.indefinite:
            fallback = None
            for mention in self.tracker.entities_before(start):
                if fits(mention.entity, country):
                    if mention.subject and not mention.quoted:
                        return mention.entity
                    fallback = fallback or mention.entity
            for _, entity in self._recent_before():
                if fits(entity, country):
                    return entity
            if fallback is not None:
                return fallback
        paragraph_end = self.text.find("\n", end)
        limit = end + 400 if paragraph_end < 0 else min(end + 400, paragraph_end)
        if described.indefinite and paragraph_end >= 0:
            # a news lead names the person in the next sentence or paragraph
            next_end = self.text.find("\n", paragraph_end + 1)
            limit = min(end + 400, next_end if next_end >= 0 else len(self.text))
        if described.indefinite:
            # cataphora is a lead's device: "A Kremlin spokesman said ... Dmitry Peskov said"
            for mention in self.tracker.entities_after(end, limit):
                if fits(mention.entity, country):
                    return mention.entity
            return None
        home = home_country if (not self.home_is_guess or (described.head or "")[:1].isupper()) else None
        wanted_country = country or (home if described.definite or described.bare else None)
        if wanted_country is None and described.title_country and self.tracker.year:
            # "the Foreign Secretary" of a dated text naming no country of its own: the title's government
            wanted_country = described.title_country
        if wanted_country and role not in lex.stage("tracker_tables", _TrackerTables.build).many_holder_roles:
            year = self.tracker.year
            candidates = lex.stage("role_holders", _RoleHolders).of(wanted_country, role)
            holders = [p for p in candidates
                       if any(roles_compatible(lex, role, t.role) and (t.holds_in(year) if year else t.is_current()) for t in p.roles)]
            exact = [p for p in holders if any(t.role == role and (t.holds_in(year) if year else t.is_current()) for t in p.roles)]
            holders = exact or holders
            if len(holders) > 1 and self.transcript_organisation:
                # a State Department briefer's "the Secretary" is the Secretary of State
                same_body = [p for p in holders if p.organisation == self.transcript_organisation]
                holders = same_body or holders
            if len(holders) > 1 and year:
                # in a hand-over year, the incoming holder (terms begin early in the year more often than not)
                incoming = [p for p in holders if any(t.role == role and any(lo == year for lo, _ in t.periods) for t in p.roles)]
                holders = incoming if len(incoming) == 1 else holders
            if len(holders) == 1:
                return self.tracker.entity_for_person(holders[0], holders[0].name)
        return None

    def _home_country(self) -> str | None:
        """The country whose officials the document speaks from: the transcript's labelled speakers, else its first subject."""
        for start, end, is_question, label in self.turns[:LOOKBACK_MENTIONS]:
            if label and not is_question:
                entity = self._label_entity(label)
                if entity is not None and entity.country:
                    self.transcript_country = entity.country
                    self.transcript_organisation = entity.organisation
                    return entity.country
        for mention in self.tracker.mentions:
            if mention.subject and mention.entity.kind == "person" and mention.entity.country:
                return mention.entity.country
        # a guess, used only for a formal capitalised "The President": the most named country
        counts = Counter(m.entity.country for m in self.tracker.mentions[:LOOKBACK_MENTIONS] if m.entity.country)
        self.home_is_guess = True
        if not counts:
            return None
        country, count = counts.most_common(1)[0]
        return country if 2 * count > sum(counts.values()) else None  # only a clear majority

    def _note(self, offset: int, entity: Entity) -> None:
        self.recent.append((offset, entity))
        self._noted[offset] = entity

    def _recent_before(self):
        """The speakers resolved so far, latest first, bounded."""
        return reversed(self.recent[-LOOKBACK_SPEAKERS:])

    # -------------------------------------------------------------- pronouns
    def _pronoun(self, mention: Span, pronoun: str, attribution: Attribution, attributions, done: list[Speaker]) -> Speaker:
        gender, number, person = self.lex.pronouns[pronoun]
        if person == "1":
            return self._first_person(mention, number, attribution, attributions, done)
        if person == "2":
            return self._second_person(mention)
        wanted_gender = gender if gender in ("m", "f") else None
        plural = number == "pl"
        own_quote = (attribution.content.start, attribution.content.end) if attribution.kind in ("direct", "mixed") else None
        turn_speaker = self._turn_entity(mention.start)
        candidates: list[tuple[int, Entity]] = [(offset, entity) for offset, entity in self._recent_before() if offset < mention.start]
        # after the subjects and speakers, any person named before (objects, possessors), nearest first
        fallback: list[tuple[int, Entity]] = []
        wants_fallback = not plural and gender != "n"
        for m in self.tracker.entities_before(mention.start):
            if m.subject or (gender == "n" and m.entity.kind in ("organisation", "country")):
                candidates.append((m.start, m.entity))
            elif wants_fallback and m.entity.kind == "person" and not m.quoted:
                fallback.append((m.start, m.entity))
        candidates.sort(key=lambda item: item[0], reverse=True)
        if plural:
            group = self._recent_pair(mention.start)
        candidates.extend(fallback)
        for offset, entity in candidates:
            if own_quote and own_quote[0] <= offset < own_quote[1]:
                continue
            if turn_speaker is not None and entity is turn_speaker:
                continue
            if any(start <= offset < end for start, end in self.label_spans):
                continue
            if plural:
                if group is not None and group[0] > offset:
                    entity = group[1]
                elif not (entity.plural or entity.kind in ("organisation", "country", "group")):
                    continue
            elif gender == "n":
                if entity.kind not in ("organisation", "country"):
                    continue
            else:
                if entity.kind not in ("person",) or not entity.compatible_gender(wanted_gender):
                    continue
                if entity.gender is None and wanted_gender:
                    entity.gender = wanted_gender
            self._note(mention.start, entity)
            return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun")
        if plural and group is not None:
            self._note(mention.start, group[1])
            return Speaker(mention, group[1].name, None, group[1].country, False, "pronoun")
        return Speaker(mention, mention.text, None, None, False, "pronoun")

    def _recent_pair(self, offset: int) -> tuple[int, Entity] | None:
        """'They' after 'President X spoke with President Y.': both people of the nearest sentence naming people."""
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        paragraph = self.sentences[index].paragraph if index >= 0 else None
        for position in range(index, max(-1, index - 4), -1):
            sentence = self.sentences[position]
            if sentence.paragraph != paragraph:
                break
            people: list[_Mention] = []
            for m in self.tracker.within(sentence.start, min(sentence.end, offset)):
                if m.entity.kind == "person" and all(p.entity is not m.entity for p in people):
                    people.append(m)
            if len(people) >= 2:
                first, second = people[0], people[1]
                between = self.text[first.end:second.start]
                if _AND_WITH.search(between) and "." not in between.replace(". ", " ", 0):
                    group = Entity(f"{first.entity.name} and {second.entity.name}", "group", plural=True,
                                   country=first.entity.country if first.entity.country == second.entity.country else None)
                    return second.start, group
            if people:
                return None
        return None

    def _first_person(self, mention: Span, number: str, attribution, attributions, done) -> Speaker:
        container = self._enclosing(attribution, attributions, done)
        if container is not None:
            if number == "pl" and not container.anonymous:
                return self._we(mention, self._entity_named(container.name, container.country))
            return Speaker(mention, container.name, container.role, container.country, container.anonymous, "pronoun")
        entity = self._turn_entity(mention.start)
        if entity is not None:
            if number == "pl":
                index = self._turn_at(mention.start)
                other = self._other_party(index) if index is not None else None
                if other is not None:
                    # talks of two leaders: their "we noted", "as we agreed" is both of them, in label order
                    first, second = sorted((entity, other), key=self._first_label_offset)
                    return Speaker(mention, f"{first.name} and {second.name}", None,
                                   first.country if first.country == second.country else None, False, "pronoun")
                return self._we(mention, entity)
            self._note(mention.start, entity)
            return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun")
        return Speaker(mention, mention.text, None, None, False, "pronoun")

    def _enclosing(self, attribution: Attribution, attributions: list[Attribution], done: list[Speaker]) -> Speaker | None:
        """'I' inside a quotation is the quoted speaker (the innermost quotation holding it)."""
        position = attribution.speaker.start
        index = bisect.bisect_right(self._quotation_starts, position) - 1
        for start, end, i in reversed(self._quotations[max(0, index - 20):index + 1]):
            other = attributions[i]
            if other is not attribution and start <= position < end:
                if i < len(done):
                    return done[i]
                if other.speaker.start != attribution.speaker.start:  # the quotation's own cue comes later
                    return self._speaker_of(other, attributions, done)
        return None

    def _entity_named(self, name: str, country: str | None) -> Entity:
        return self.tracker.by_key.get(name_key(name)) or Entity(name, "person", country=country)

    def _we(self, mention: Span, entity: Entity) -> Speaker:
        """'we' of a speaker: the body they speak for (the White House), else their government."""
        if entity.kind in ("organisation", "country"):
            return Speaker(mention, entity.name, None, entity.country, False, "pronoun")
        organisation = entity.organisation or (entity.person.organisation if entity.person else None)
        if organisation:
            # the body's one name, as when the text names it ("the White House said" is "White House" too)
            known = self.lex.organisation(organisation)
            return Speaker(mention, known.name if known else organisation, None, entity.country, False, "pronoun")
        if entity.kind == "anonymous" and entity.country is None:
            return Speaker(mention, entity.name, None, None, True, "pronoun")
        if entity.country:
            return Speaker(mention, entity.country, None, entity.country, False, "pronoun")
        return Speaker(mention, mention.text, None, None, False, "pronoun")

    def _second_person(self, mention: Span) -> Speaker:
        index = self._turn_at(mention.start)
        if index is not None:
            is_question = self.turns[index][2]
            if not is_question:
                other = self._other_party(index)
                if other is not None:
                    return Speaker(mention, other.name, other.role, other.country, other.kind == "anonymous", "pronoun")
                return Speaker(mention, "reporter", None, None, True, "pronoun")
            # a reporter's "you" is the briefer who answers
            for later in self.turns[index + 1:index + 6]:
                if not later[2] and later[3]:
                    entity = self._label_entity(later[3])
                    if entity is not None:
                        return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun")
                    break
        return Speaker(mention, mention.text, None, None, False, "pronoun")

    def _other_party(self, index: int) -> Entity | None:
        """In a conversation of two labelled speakers and no reporters' questions (talks between two
        leaders), a speaker's "you" is the other one."""
        if any(turn[2] for turn in self.turns):
            return None
        own = self._label_entity(self.turns[index][3]) if self.turns[index][3] else None
        others: list[Entity] = []
        for turn in self.turns:
            entity = self._label_entity(turn[3]) if turn[3] else None
            if entity is not None and entity is not own and all(entity is not e for e in others):
                others.append(entity)
        return others[0] if len(others) == 1 and own is not None else None

    def _first_label_offset(self, entity: Entity) -> int:
        for start, _, is_question, label in self.turns:
            if label and not is_question and self._label_entity(label) is entity:
                return start
        return len(self.text)

    def _turn_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.turn_starts, offset) - 1
        if index >= 0 and offset < self.turns[index][1]:
            return index
        return None

    def _turn_entity(self, offset: int) -> Entity | None:
        index = self._turn_at(offset)
        if index is None:
            return None
        _, _, is_question, label = self.turns[index]
        return self._label_entity(label) if label and not is_question else None

    def _label_entity(self, label: str) -> Entity | None:
        """'MS. PSAKI' -> Jen Psaki; 'THE PRESIDENT' -> the President of the day; 'SENIOR ADMINISTRATION OFFICIAL' -> anonymous."""
        entity = self.label_entities.get(label)
        if entity is not None:
            return entity
        if not label.isupper():
            entity = self._title_case_label_entity(label)
            self.label_entities[label] = entity
            return entity
        words = label.title().split()
        described = self.tracker.describe(" ".join(words))
        while len(words) > 1 and self.lex.titles.get(words[0].casefold()) is not None:
            words = words[1:]
        name = " ".join(words)
        bare_role = _strip_determiner(name).casefold() == (described.head or "").casefold()  # "THE PRESIDENT"
        if described.role and (described.anonymous or described.plural or bare_role):
            if described.anonymous or described.role == "official":
                entity = Entity(" ".join(label.casefold().split()), "anonymous", described.role, described.country, plural=described.plural)
            else:
                described.definite = True
                # read while the home country is being worked out, so not yet known: the other labels' country
                home = getattr(self, "home_country", None) or self._labels_country(exclude=label) \
                    or self.label_role_countries.get(" ".join(label.casefold().split()))
                entity = self._role_antecedent(0, 0, described, home) or Entity(label.title(), "person", described.role)
        else:
            entity = self.tracker.lookup_name(name)
            if (entity is None or entity.person is None) and not described.role:
                # "MR. MILLER:" with namesakes in the gazetteer: the one who briefs
                briefer = next((p for role in self.briefer_roles if (p := self.tracker._gazetteer_person(name, role))), None)
                entity = self.tracker.entity_for_person(briefer, name) if briefer is not None else entity
            if entity is None:
                person = self.tracker._gazetteer_person(name, described.role or "mr.")
                entity = self.tracker.entity_for_person(person, name) if person else Entity(_display_name(name), "person", described.role, gender=described.gender)
            entity.gender = entity.gender or described.gender
        self.label_entities[label] = entity
        return entity

    def _title_case_label_entity(self, label: str) -> Entity:
        """'President of Finland Ana Lind (retranslated)' -> Ana Lind; 'Mr. KATO Ren, Minister for Foreign
        Affairs' -> Ren Kato (an upper-case word among title-case ones is the family name, written first)."""
        label = _LABEL_NOTE.sub("", label).strip()
        head, _, role = label.partition(",")
        words = head.split()
        honorific = bool(words) and self.lex.titles.get(words[0].casefold()) is not None \
            and self.lex.titles[words[0].casefold()].kind == "honorific"
        if honorific:
            words = words[1:]
        family = [w for w in words if w.isupper() and len(w) > 1]
        if honorific and len(family) == 1 and len(words) > 1:
            name_words = [w for w in words if w not in family] + [family[0].title()]
        else:
            name_words = []
            for index in range(len(words) - 1, -1, -1):
                word, lowered = words[index], words[index].casefold()
                if not word[:1].isupper() or self.lex.titles.get(lowered) is not None \
                        or self.lex.country_of_word(word) or lowered in _LABEL_CONNECTORS:
                    break
                if index and words[index - 1].casefold() in _LABEL_CONNECTORS:
                    break  # "of Norland": the place of the role
                name_words.insert(0, word)
        role_text = role.strip() or " ".join(words[:len(words) - len(name_words)])
        described = self.tracker.describe(role_text) if role_text else None
        name = " ".join(name_words)
        if not name:
            return Entity(label, "person", described.role if described else None)
        entity = self.tracker.lookup_name(name)
        if entity is None:
            person = self.tracker._gazetteer_person(name, (described.role if described else None) or "mr.")
            entity = self.tracker.entity_for_person(person, name) if person else \
                Entity(_display_name(name), "person", described.role if described else None,
                       described.country if described else None, surname=name_words[-1])
        return entity

    def _labels_country(self, exclude: str) -> str | None:
        for _, _, is_question, label in self.turns:
            if label and not is_question and label != exclude:
                words = label.title().split()
                while len(words) > 1 and self.lex.titles.get(words[0].casefold()) is not None:
                    words = words[1:]
                person = self.tracker._gazetteer_person(" ".join(words), "mr.")
                if person is not None and person.country:
                    return person.country
        return None


# A translator's note after a transcript label: "(retranslated)", "(In Russian.)".
_LABEL_NOTE = regex.compile(r"\s*\([^()]*\)\s*$")
_LABEL_CONNECTORS = frozenset({"the", "of", "for", "and"})
# Words inside a title's portfolio ("Minister for Foreign Affairs", "Envoy to the Horn of Africa"):
# capitalised words after one belong to the portfolio up to the name at the end.
_PORTFOLIO_CONNECTORS = frozenset({"the", "of", "for", "to", "and"})


@functools.lru_cache(maxsize=256)
def _indefinite_mention(head: str) -> regex.Pattern:
    """'a/an/one' and up to four words before the source noun ``head``: "A senior Turkish official"."""
    return regex.compile(rf"(?<![\p{{L}}])(?:[Aa]n?|[Oo]ne)\s++(?:[\p{{L}}.'’\-]++\s++){{0,4}}?{regex.escape(head)}(?![\p{{L}}])")


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one substitution, insertion or deletion (and are not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding punctuation, a possessive and a contraction (``I’ll`` -> ``I``)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    phrase = text[start:end]
    match = _CONTRACTION.search(phrase)
    if match and phrase[:match.start()].casefold() in ("i", "we", "you", "he", "she", "they", "it") or (match and match.group().casefold() in ("’s", "'s")):
        end = start + match.start()
    return start, end


def _only_closers(text: str) -> bool:
    return not _LETTER_OR_DIGIT.search(_LEADING_POSSESSIVE.sub("", text.strip()))


def _strip_determiner(text: str) -> str:
    first, _, rest = text.strip().partition(" ")
    if first.casefold() in ("the", "a", "an") and rest:
        return rest
    return text.strip()


def _lower_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first.casefold() in _DETERMINERS and rest and first[:1].isupper():
        return f"{first.lower()} {rest}"
    return text


def _display_name(name: str) -> str:
    """A name as written, with a label's capitals turned into name case."""
    name = name.strip().rstrip(",")
    if name.isupper() and len(name) > 3 and "." not in name:
        return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in name.split())
    return name


def _name_part(phrase: str, lexicon: Lexicon) -> str:
    """The capitalised name at the end of a phrase, without titles or lower-case words before it."""
    words = phrase.split()
    post_nominals = lexicon.grammar["post_nominals"]
    while len(words) > 2 and words[-1].rstrip(",") in post_nominals:
        words = words[:-1]  # "Ana Lind MP", "Ola Brekke KC": letters after a name are no part of it
    name: list[str] = []
    stop = ""
    for word in reversed(words):
        clean = word.rstrip(",")
        if not clean[:1].isupper() or lexicon.titles.get(clean.casefold()) is not None or clean.casefold() in _DETERMINERS:
            stop = clean.casefold()
            break
        if len(name) > 1 and clean.casefold() in lexicon.anonymous_nouns:
            break  # "Analyst Ola Brekke" opening a sentence: the source noun is no part of the name
        name.insert(0, clean)
    if stop in _PORTFOLIO_CONNECTORS and len(name) > 2:
        name = name[-2:]  # "Minister for Foreign Affairs Ana Lind", "Envoy for the Horn of Africa Ola Brekke"
    return " ".join(name).removesuffix("'s").removesuffix("’s")


def resolve_speakers(text: str, sentences: list[Sentence], attributions: list[Attribution], lexicon: Lexicon, turns=None,
                     year: int | None = None, trace: Trace | None = None) -> tuple[list[Speaker], EntityTracker]:
    """Resolve every attribution's speaker; also return the document's entities for later stages.

    ``trace`` is accepted for the stages' common interface; speaker decisions are not traced yet."""
    resolver = SpeakerResolver(text, sentences, lexicon, turns, year, attributions)
    return resolver.resolve(attributions), resolver.tracker


def with_turns(document: Document, lexicon: Lexicon) -> Document:
    """``--turns``: every labelled answer turn of a transcript becomes a statement of kind ``turn`` by
    its speaker (rule ``turn.label``; the cue is the label's colon, the content the turn's words), added
    after the document's other statements. Reporters' questions are left out. Off by default: the
    annotation guidelines count the reported speech inside turns, not the turns."""
    from .confidence import ConfidenceTable
    from .segment import find_turns, segment_sentences, turn_body_start

    text = document.text
    turns = find_turns(text, lexicon)
    if not turns:
        return document
    resolver = SpeakerResolver(text, segment_sentences(text, lexicon), lexicon, turns)
    confidence = lexicon.stage("confidence", ConfidenceTable.build).rule_base("turn")
    added: list[Statement] = []
    for turn in turns:
        start, end, is_question, label = turn
        if is_question or not label:
            continue
        body = turn_body_start(text, turn)
        while end > body and text[end - 1].isspace():
            end -= 1
        colon = text.find(":", start + len(label), body)
        if end <= body or colon < 0:
            continue
        entity = resolver._label_entity(label)
        speaker = Speaker(Span.of(text, start, start + len(label)), entity.name, entity.role, entity.country,
                          entity.kind == "anonymous", "label")
        added.append(Statement(f"s{len(document.statements) + len(added) + 1}", "turn", speaker, Span.of(text, colon, colon + 1),
                               Span.of(text, body, end), "turn.label", confidence=confidence))
    return replace(document, statements=document.statements + tuple(added))
