"""The entities pass: the people, organisations and countries of one document, in reading order.

Read by the speakers stage (who a speaker span refers to) and by the meetings stage (who met whom);
neither stage imports the other. An :class:`EntityTracker` collects the person, organisation and
country mentions of a document: gazetteer names (diacritic- and case-insensitive, on a folded copy
of the text), title + capitalised name (``Special Envoy Ghassan Salame``, ``Mr. Okafor``), unknown
two-to-four-word names, organisations and countries. All full names are registered before any bare
surname is read, so name parts merge (``Peskov`` -> ``Dmitry Peskov``, also when the full name comes
later) and a surname with a one-letter typo still merges with a long surname of the same document.
A bare surname that is also an ordinary word or a place (``May``, ``Rice``, ``Hague``) needs a title
or the full name. :meth:`EntityTracker.describe` reads the role, country, gender and head noun of a
description ("the Kremlin spokesperson"). The document's year (given, else the latest year written
in the text, else the years in which the dated office holders it names served together) picks the
holder of ``the President``.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace

import regex

from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import data_text
from diplo_cli.language.lexicons import (
    DICTIONARY_SOURCE_PREFIX,
    Lexicon,
    NameIndex,
    Organisation,
    Person,
    WholeWordKeyFinder,
    ascii_word_stretches,
    build_name_index,
    build_organisation_index,
    build_place_finder,
    name_key,
    surname_forms,
    surname_of,
)
from diplo_cli.models import Sentence
from diplo_cli.text.analysis import TextAnalysis

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’&\-]*+")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’\-]*+\.?+")
_NAME_TOKEN = regex.compile(r"[\p{L}\p{N}\p{M}]++(?:'[\p{L}\p{M}]++)*+")
_NAME_TOKEN_CHARACTER = regex.compile(r"[\p{L}\p{N}\p{M}]")  # where a name token may start
# Plain greedy repeats, not possessive ones: with nothing after them they match the same, and the
# `re` of Python 3.11.0-3.11.2 (Debian 12's) lets a possessive group repeat end on an apostrophe.
ASCII_NAME_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")  # the same on a text for which ascii_words holds
# there, the tokens that begin with a capital: not inside a token (no letter or digit before, nor one
# and an apostrophe, which a letter continues). The capital comes first and the look-behinds read past
# it ('.' is that capital): the engine then skips to the next capital, not trying every character.
ASCII_CAPITALISED_NAME_TOKEN = re.compile(r"[A-Z](?<![A-Za-z0-9].)(?<![A-Za-z0-9]'.)[A-Za-z0-9]*(?:'[A-Za-z]+)*")
# between the words of one name: "George W. Bush", "Jean-Pierre" (the strings the pattern \.?[ \-]|\. matches whole)
_NAME_GLUES = frozenset({" ", "-", ". ", ".-", "."})
_SENTENCE_OPENER = regex.compile(r"[^,;:\"“”]{1,30}+,\s*+")  # "Last night, President X ..."
_UPPER = regex.compile(r"\p{Lu}")
# lower-case title words right before a name; searched right to left (same match) because the match
# ends at the end of the window, and a forward search backtracks through every word before it
_LOWER_WORDS_BEFORE = regex.compile(r"(?r)([\p{Ll}\-]+(?:\s+[\p{Ll}\-]+)?)\s+$")
_ASCII_LOWER_OR_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyz-")  # the ASCII characters of [\p{Ll}\-]
# How far back an antecedent is looked for: far enough for any news story, bounded so that run time
# stays linear on pathological input.
LOOKBACK_CHARS = 6000
LOOKBACK_MENTIONS = 200
_MEMO_LIMIT = 1 << 16  # entries of a per-lexicon memo of words, so that a long run's memory stays bounded


# a word of a capitalised run followed by a period and more of the run ("Varga. The")
_RUN_WORD_BEFORE_PERIOD = regex.compile(r"(?<![\p{L}\p{M}'’\-])([\p{L}\p{M}'’\-]++)\.(?=\s)")


@dataclass(eq=False)
class Entity:
    """Who a mention refers to: a person, an organisation, a country, an anonymous source or a group."""

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
class Mention:
    """One mention of an entity in the text, and where it stands (a sentence's subject, inside a quotation)."""

    start: int
    end: int
    entity: Entity
    subject: bool = False
    quoted: bool = False
    by_role: bool = False  # "the President": a role noun standing for the person


@dataclass
class Description:
    """What a description such as 'the Kremlin spokesperson' says of who it describes (read by EntityTracker.describe)."""

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


class NameTokens:
    """The word tokens of a folded text (start, end, case-folded word) that name look-ups visit: those
    that begin with a capital, and the token right after one across name glue.

    On a text for which ``ascii_words`` holds only those tokens are read (with the standard library's
    engine). On another, its lines are read so too where ``ascii_words`` holds for them, and the
    other lines with ``regex``, keeping the tokens that begin with a capital; the token after one is
    read where it starts. Why: a window of news with one accented name used to send all its
    tokens, every word, through ``regex`` into a list, a tenth of the speakers' stage. A token holds
    no line feed, so a line's tokens are those of the whole text there.
    """

    def __init__(self, folded: str, plain: bool):
        self.folded = folded
        self.plain = plain
        if plain:
            self.capitalised = [(m.start(), m.end(), m.group().casefold()) for m in ASCII_CAPITALISED_NAME_TOKEN.finditer(folded)]
            return
        self.capitalised = []
        for start, end, ascii_only in ascii_word_stretches(folded):
            if ascii_only:
                self.capitalised += [(m.start(), m.end(), m.group().casefold()) for m in ASCII_CAPITALISED_NAME_TOKEN.finditer(folded, start, end)]
            else:
                self.capitalised += [(m.start(), m.end(), m.group().casefold()) for m in _NAME_TOKEN.finditer(folded, start, end)
                                     if folded[m.start()].isupper()]

    def glued_after(self, token: tuple[int, int, str]) -> tuple[int, int, str] | None:
        """The next token when only name glue lies between it and ``token``."""
        folded, end = self.folded, token[1]
        if not self.plain:
            # the next token starts at the first letter, digit or mark from ``end`` on; glue is one or two characters
            following = next((at for at in (end, end + 1, end + 2) if _NAME_TOKEN_CHARACTER.match(folded, at)), None)
            if following is None or folded[end:following] not in _NAME_GLUES:
                return None
            match = _NAME_TOKEN.match(folded, following)
            return match.start(), match.end(), match.group().casefold()
        for start in (end + 1, end + 2):  # glue is one or two characters, none of them a letter or digit
            if folded[end:start] in _NAME_GLUES and start < len(folded) and folded[start].isascii() and folded[start].isalnum():
                match = ASCII_NAME_TOKEN.match(folded, start)
                return match.start(), match.end(), match.group().casefold()
        return None


class EntityTracker:
    """Entities of one document in reading order."""

    def __init__(self, text: str, lexicon: Lexicon, tables: EntityTables, year: int | None = None,
                 analysis: TextAnalysis | None = None):
        self.text = text
        self.analysis = analysis or TextAnalysis(text, [], [])
        self.lexicon = lexicon
        self.year = year
        self.year_is_dated = year is not None  # set again by scan() when the text writes its year
        self._named_countries: frozenset[str] | None = None
        self.mentions: list[Mention] = []
        self.by_key: dict[str, Entity] = {}
        self._surnames: dict[int, list[tuple[str, Entity]]] = {}  # surname key length -> (key, person)
        self._starts: list[int] = []
        self.sentence_starts: list[int] = []  # set by scan()
        self._quotes: list[tuple[int, int]] = []
        self.tables = tables
        self.title_phrases = tables.title_phrases
        self.title_words = self.tables.title_words
        # the text's own principal when an opening role noun names no country ("The President spoke with X"): its
        # start and role; a later bare mention of that role is that unknown person, not another holder named (set by
        # the speaker resolver)
        self.unknown_principal: tuple[int, str | None] | None = None

    # -------------------------------------------------------------- building
    def scan(self, sentences: list[Sentence]) -> None:
        """Find person, organisation and country mentions in the whole text."""
        text = self.text
        self._quotes = [(m.start(), m.end()) for m in self.tables.patterns.quoted.finditer(text)]
        self._quote_starts = [start for start, _ in self._quotes]
        name_words = [(m.start(), m.group()) for m in _NAME_WORD.finditer(text)]
        taken = bytearray(len(text) + 1)  # characters already inside an accepted mention
        accepted = self._accepted(self._candidates(name_words), taken)
        found = self._entities_of(accepted)
        self.sentence_starts = [s.start for s in sentences]
        self._family_names_first(found)
        found.extend(self._surnames_alone(name_words, taken))
        found.sort(key=lambda item: item[0])
        for start, end, entity in found:
            if entity.kind == "person":
                self._titles_before(entity, max(self.sentence_start(start), start - 100), start)
                if entity.country is None:
                    self._title_after(entity, end)
            self.mentions.append(self.mention(start, end, entity))
        self._starts = [m.start for m in self.mentions]
        # a year given or written in the text dates the article; one inferred from the office holders only
        # bounds it (a single long tenure gives a year in its middle)
        self.year_is_dated = self.year is not None
        if self.year is None:
            self.year = self._infer_year()
            self.year_is_dated = self.year is not None and any(
                int(m.group()) == self.year for m in self.tables.patterns.year.finditer(self.text))
        for mention in self.mentions:
            if mention.entity.person is not None:
                self._apply_person(mention.entity, mention.entity.person)

    def named_countries(self) -> frozenset[str]:
        """Every country the text names, as actor or not: its name, a capital or metonym, an adjective
        ("the UK and US", "Sino-British", "in London"); computed once."""
        if self._named_countries is None:
            self._named_countries = frozenset(country for _, _, country in self.country_spans())
        return self._named_countries

    def country_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, country) of every country name, capital or adjective the text writes, in text order."""
        found = []
        for start, end in self._place_spans():
            word = self.text[start:end]
            if word[:1].isupper():
                key = name_key(word).removeprefix(f"{self.tables.texts['definite_article']} ")
                country = self.lexicon.countries.get(key) or self.lexicon.adjectives.get(key)
                if country:
                    found.append((start, end, country))
        return found

    def _place_spans(self) -> list[tuple[int, int]]:
        """The spans of the lexicon's places in the folded text, found once per document for every stage."""
        analysis = self.analysis
        return analysis.shared(("place_spans", id(self.lexicon)),
                               lambda: self.tables.place_finder.spans(analysis.folded, analysis.folded_plain))

    def _candidates(self, name_words: list[tuple[int, str]]) -> list[list[tuple[int, int, str, object]]]:
        """Candidate mentions (start, end, kind, payload) in groups by priority: full names the gazetteer
        knows, titled names, organisations, countries, other names, surnames the gazetteer knows."""
        text, lex = self.text, self.lexicon
        folded, plain = self.analysis.folded, self.analysis.folded_plain
        tokens = NameTokens(folded, plain)
        known = [(start, end, "gazetteer", None) for start, end in self._known_names(tokens, self.tables.name_index)]
        runs: list[tuple[int, int, str, object]] = []
        for match in self.tables.patterns.capitalised_run.finditer(text):
            for piece_start, piece_end in self._run_pieces(match):
                found = self._name_in_run(piece_start, piece_end)
                if found is not None:
                    runs.append(found)
        titled = [c for c in runs if c[2] == "titled"]
        # untitled unknown names count only when the document reuses their surname alone ("Okafor")
        capitalised_words = Counter(name_key(word) for _, word in name_words)
        # (or end in a surname the gazetteer knows: "Hudson Austin" is not Lloyd Austin)
        untitled = [c for c in runs if c[2] == "name" and (capitalised_words[name_key(text[c[0]:c[1]].split()[-1])] > 1
                                                           or name_key(text[c[0]:c[1]].split()[-1]) in lex.person_by_surname)]
        known_full = [c for c in known if " " in text[c[0]:c[1]] and not self._name_runs_on(c, titled)]
        known_surnames = [c for c in known if " " not in text[c[0]:c[1]] and not self.tables.patterns.group_noun_after.match(text, c[1])]
        organisations = []
        for start, end in self._known_names(tokens, self.tables.organisation_index):
            organisation = lex.organisation(text[start:end])
            if organisation is not None:
                organisations.append((start, end, "organisation", organisation))
        countries = []
        for start, end in self._place_spans():
            word = text[start:end]
            key = name_key(word).removeprefix(f"{self.tables.texts['definite_article']} ")
            if word[:1].isupper() and key in lex.countries and key not in lex.adjectives:
                countries.append((start, end, "country", lex.countries[key]))
        return [known_full, titled, organisations, countries, untitled, known_surnames]

    def _name_runs_on(self, known: tuple[int, int, str, object], titled: list[tuple[int, int, str, object]]) -> bool:
        """Does a titled name run on past a name the gazetteer knows across a lower-case name particle ('King Salman bin
        Isa', 'King Hussein bin Talal': not the King Salman or King Hussein it knows, but a longer name it does not)?"""
        start, end = known[0], known[1]
        following = self.text[end:end + 8].split(None, 1)
        if not following or following[0] not in self.tables.name_particles:
            return False
        return any(run[0] < end < run[1] and run[0] >= start for run in titled)

    def _run_pieces(self, match) -> list[tuple[int, int]]:
        """A capitalised run cut at each period after a word that is neither an initial nor an
        abbreviation ('met Minister Olof Brekke. Brekke said', 'in Lima. Minister Ana Lind will'), since
        that period ends a sentence: each piece is a run of its own; 'George W. Bush', 'Lt. Gen. Mark
        Milley' run on."""
        start, end = match.span()
        if self.text.find(".", start, end - 1) < 0:
            return [(start, end)]  # no period with a character after it: one piece (most runs; a run is never empty)
        pieces = []
        for word in _RUN_WORD_BEFORE_PERIOD.finditer(self.text, start, end):
            token = word.group(1)
            if len(token) > 1 and (token.casefold() + ".") not in self.lexicon.abbreviations and not token.isupper():
                pieces.append((start, word.end(1)))
                start = word.end()
                while start < end and self.text[start].isspace():
                    start += 1
        if start < end:
            pieces.append((start, end))
        return pieces

    @staticmethod
    def _accepted(groups, taken: bytearray) -> list[tuple[int, int, str, object]]:
        """The candidates that overlap no earlier one (groups in priority order, the longest first), in text order."""
        accepted: list[tuple[int, int, str, object]] = []
        for group in groups:
            for candidate in sorted(group, key=lambda c: -(c[1] - c[0])):
                if not any(taken[candidate[0]:candidate[1]]):
                    accepted.append(candidate)
                    taken[candidate[0]:candidate[1]] = b"\x01" * (candidate[1] - candidate[0])
        accepted.sort(key=lambda c: c[0])
        return accepted

    def _entities_of(self, accepted: list[tuple[int, int, str, object]]) -> list[tuple[int, int, Entity]]:
        """The entity of each accepted candidate: full names first, so that surnames (before or after) merge with them."""
        text = self.text
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
        return [(accepted[i][0], accepted[i][1], entities[i]) for i in sorted(entities)]

    def _family_names_first(self, found: list[tuple[int, int, Entity]]) -> None:
        """'Chinese Foreign Minister Zhou Ping ... Zhou said': an unknown two-word name of a person whose title gives a
        country that writes the family name first (grammar.toml family_name_first_countries) is taken up later by its
        first word, read as a surname alone."""
        for start, end, entity in found:
            words = self.text[start:end].split()
            if entity.kind != "person" or entity.person is not None or len(words) != 2:
                continue
            self._titles_before(entity, max(self.sentence_start(start), start - 100), start)
            if entity.country is None:
                self._title_after(entity, end)
            if entity.country in self.tables.family_name_first:
                self.by_key.setdefault(name_key(words[0]), entity)

    def _surnames_alone(self, name_words: list[tuple[int, str]], taken: bytearray) -> list[tuple[int, int, Entity]]:
        """A surname alone that the document's full names explain, even an ordinary word ("Brown", "Rice")."""
        found = []
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
        return found

    @staticmethod
    def _known_names(tokens: NameTokens, index) -> list[tuple[int, int]]:
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
        words = list(WORD.finditer(chunk))
        if not words or chunk[words[-1].end():].strip(" "):
            return
        first = len(words)
        glue = self.tables.words.possessive_glue
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group()
            if index < len(words) - 1 and chunk[words[index].end():words[index + 1].start()].strip(" ") not in glue:
                break
            lowered = self.tables.without_possessive(word.casefold())
            if lowered in self.title_words or lowered in self.tables.words.title_connectors or lowered in self.tables.words.apposition_heads \
                    or self.lexicon.country_of_word(lowered) \
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

    def _title_after(self, entity: Entity, end: int) -> None:
        """The country of a title in apposition right after a name ('X, President of the Philippines,'): the place
        after the title's last 'of' that names a country (entities.toml title_after); or of 'of' and a country
        right after it ('President X of Peru', entities.toml country_after)."""
        place = self.tables.patterns.country_after.match(self.text, end)
        if place is not None:
            words = place.group("place").split()
            for length in range(len(words), 0, -1):
                country = self.lexicon.country_of_word(" ".join(words[:length]))
                if country:
                    entity.country = country
                    return
        apposition = self.tables.patterns.title_after.match(self.text, end)
        if apposition is None:
            return
        title = apposition.group("title")
        words = title.split()
        first = words[1] if words[0].casefold() in self.tables.words.articles and len(words) > 1 else words[0]
        if first.casefold() not in self.tables.title_first_words:
            return
        parts = title.split(" of ")
        for index in range(1, len(parts)):
            country = self.lexicon.country_of_word(" of ".join(parts[index:]))
            if country:
                entity.country = country
                return

    def describe(self, phrase: str) -> Description:
        """Role, country, gender and head noun of a description such as 'the Kremlin spokesperson'."""
        info = Description()
        words = WORD.findall(phrase)
        possessive = self.tables.patterns.possessive
        lowered = [possessive.sub("", w).casefold().rstrip(".,") if w.endswith(self.tables.possessive_endings) else w.casefold().rstrip(",") for w in words]
        i = 0
        modifiers = 0
        while i < len(lowered):
            word = lowered[i]
            if i == 0 and word in self.tables.words.determiners:
                info.definite = word in self.tables.words.definite_determiners
                info.indefinite = word in self.tables.words.indefinite_determiners
                i += 1
                continue
            length = self._title_in_description(info, words, lowered, i)
            if length:
                i += length
                continue
            if word in self.tables.words.qualifying_prepositions:
                self._qualifier(info, " ".join(words[i + 1:]))
                break
            i = self._modifier(info, words, word, i) + 1
            modifiers += 1
        info.bare = modifiers == 0 and info.organisation is None and info.country is None
        return info

    def _title_in_description(self, info: Description, words: list[str], lowered: list[str], i: int) -> int:
        """The number of words of the longest title phrase at word ``i`` (0 for none); its role, gender and head go to ``info``."""
        lex = self.lexicon
        for length in (4, 3, 2, 1):
            if i + length > len(lowered):
                continue
            key = " ".join(lowered[i:i + length])
            title = self.title_phrases.get(key)
            plural = False
            if title is None and key.endswith("s") and key[:-1] in self.title_phrases:
                title, plural = self.title_phrases[key[:-1]], True
            if title is None and key.endswith("es") and key[:-2] in self.title_phrases:
                title, plural = self.title_phrases[key[:-2]], True
            if title is None and length >= 3:
                title = self._title_around_country(info, words, lowered, i, length)
            if title is not None:
                info.title_country = self.tables.title_countries.get(key)
                info.role = title[0] or info.role
                info.gender = title[1] or info.gender
                info.head = words[i + length - 1]
                info.plural = plural or (key in lex.anonymous_nouns and lex.anonymous_nouns[key] != key)
                # "a senior official": a role phrase whose head is a source noun is a source noun too
                info.anonymous = (key in lex.anonymous_nouns or lowered[i + length - 1] in lex.anonymous_nouns) and title[2] == "role"
                return length
        return 0

    def _title_around_country(self, info: Description, words: list[str], lowered: list[str], i: int, length: int):
        """"the top U.S. diplomat", "the chief Russian negotiator": a title with a country inside it."""
        for k in range(i + 1, i + length - 1):
            country = self.lexicon.country_of_word(words[k])
            inner = " ".join(lowered[i:k] + lowered[k + 1:i + length])
            if country and inner in self.title_phrases:
                info.country = info.country or country
                return self.title_phrases[inner]
        return None

    def _qualifier(self, info: Description, rest: str) -> None:
        """"the deputy director of the Baltic Shipping Council ...": what follows a preposition qualifies the head."""
        lex = self.lexicon
        place = lex.country_of_word(self.tables.strip_determiner(rest)) or (lex.organisation(rest).country if lex.organisation(rest) else None)
        info.country = info.country or place
        if lex.organisation(rest):
            info.organisation = lex.organisation(rest).name

    def _modifier(self, info: Description, words: list[str], word: str, i: int) -> int:
        """A word before the head (an organisation, a place, a source noun, a possessor) read into ``info``;
        returns the index of its last word (an organisation may take two)."""
        lex = self.lexicon
        place = lex.country_of_word(self.tables.without_possessive(words[i]))
        # a source noun written lower-case or before more words is no outlet of that name: "economist
        # Pia Lund", "Economist Pia Lund says" (not "The Economist")
        source_noun = word in lex.anonymous_nouns and (words[i][:1].islower() or i + 1 < len(words))
        organisation = None if source_noun else lex.organisation(self.tables.without_possessive(words[i]))
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
        elif word not in lex.source_modifiers and word not in self.tables.words.rank_modifiers:
            possessor = self.by_key.get(name_key(self.tables.without_possessive(words[i])))
            if possessor is not None and possessor.country:
                info.country = info.country or possessor.country
        return i

    def sentence_start(self, offset: int) -> int:
        """Start of the sentence holding ``offset`` (0 before the first)."""
        position = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[position] if position >= 0 else 0

    def mention(self, start: int, end: int, entity: Entity, by_role: bool = False) -> Mention:
        """A mention of ``entity`` at ``start``-``end``, knowing whether it is its sentence's subject and quoted."""
        return Mention(start, end, entity, self._is_subject(self.sentence_start(start), start), self.quoted(start) is not None, by_role)

    def _is_subject(self, sentence_start: int, start: int) -> bool:
        if start - sentence_start > 130:
            return False
        lead = self.text[sentence_start:start]
        opener = _SENTENCE_OPENER.match(lead)  # "Last night, President X ..."
        if opener and not _UPPER.search(opener.group()[1:]):
            lead = lead[opener.end():]
        if len(lead) > 90:
            return False
        for word in WORD.findall(lead):
            lowered = word.casefold()
            if word[:1].isupper() or lowered in self.tables.words.subject_lead_words or lowered in self.title_words or word[:1].isdigit():
                continue
            if lowered in self.lexicon.source_modifiers:
                continue
            return False
        return True

    def _name_in_run(self, start: int, end: int):
        """A capitalised run: title words, then a name (known or not)."""
        # a lower-case title right before the run also counts: "rescue leader Mara Tenn", "spokesman Ned Price"
        before = self._lower_title_before(start)
        titled = before is not None or self._apposition_head_before(start) or self._title_before_comma(start)
        role, gender = (before[0], before[1]) if before is not None else (None, None)
        if not titled and self._role_comma_before(start, end):
            found = self._comma_apposition_name(start, end)
            if found is not None:
                return found
        if not titled and len(self.text[start:end].split(None, 1)) == 1:
            # one word (a run without spaces is one word) is a name only after a title
            return None
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text, start, end)]
        i, role, country, gender, titled = self._titles_in_run(words, role, gender, titled)
        rest = self._name_words(words[i:])
        # a sentence adverb before a name: "Afterwards Bush", "Separately Lavrov"
        if len(rest) > 1 and self.tables.patterns.sentence_adverb.search(rest[0][2]):
            rest = rest[1:]
            titled = titled or self.by_key.get(name_key(rest[-1][2])) is not None
        if not rest or not self._could_be_name_words(rest):
            return None
        if not titled and len(rest) < 2:
            return None
        if len(rest) > 4:
            return None
        name_end = rest[-1][1] - (1 if self.text[rest[-1][1] - 1] == "." and len(rest[-1][2]) > 2 else 0)
        return rest[0][0], name_end, "titled" if titled else "name", (role, country, gender)

    def _could_be_name_words(self, words: list[tuple[int, int, str]]) -> bool:
        """Can ``words`` (start, end, text) be a person's name: each a name word, or a lower-case particle inside it
        ('Faisal bin Hamad', 'Ali al Bakr': a particle is one of the name's words, never its first or last)?"""
        return all(self.could_be_name(w[2]) or (0 < n < len(words) - 1 and w[2] in self.tables.name_particles) for n, w in enumerate(words))

    def _title_before_comma(self, start: int) -> bool:
        """Does a title (or a title 'of' a country) end right before the comma before ``start``: 'the Foreign Minister of
        Jordan, Ahmed Al-Rashid', 'Peru's foreign minister, Ana Lind' (entities.toml title_comma_before)?"""
        before = self.tables.patterns.title_comma_before.search(self.text, max(0, start - 80), start)
        if before is None:
            return False
        phrase = before.group("phrase")
        head, _, place = phrase.rpartition(" of ")
        if head and self.lexicon.country_of_word(place):
            phrase = head
        lowered = [self.tables.without_possessive(word.casefold()) for word in phrase.split()]
        for length in (4, 3, 2, 1):
            info = self.title_phrases.get(" ".join(lowered[-length:])) if length <= len(lowered) else None
            if info is not None and info[2] != "role":
                return True
        return bool(lowered) and lowered[-1] in self.tables.words.apposition_heads

    def _role_comma_before(self, start: int, end: int) -> bool:
        """Is the run [start, end) set off by commas right after a lower-case role noun ('The AU envoy, Joseph Okello,';
        entities.toml role_comma_before)?"""
        role = self.tables.patterns.role_comma_before.search(self.text, max(0, start - 40), start)
        if role is None or role.group("role") not in self.tables.title_last_words:
            return False
        after = self.text[end:end + 1]
        return after in (",", "") or (after == "." and self.text[end + 1:end + 2] in (" ", "\n", ""))

    def _comma_apposition_name(self, start: int, end: int):
        """The candidate of a name of two to four name words in apposition after a role and its comma, None if the run
        holds anything else (a title, a place, an organisation: then it is read as any other run)."""
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text, start, end)]
        if not 2 <= len(words) <= 4 \
                or not self._could_be_name_words(words) \
                or self._title_at([w[2].casefold() for w in words], 0)[1] is not None:
            return None
        return words[0][0], words[-1][1], "titled", (None, None, None)

    def _apposition_head_before(self, start: int) -> bool:
        """Is the word right before ``start`` (after spaces) a role noun that a name stands in apposition to
        ('his Polish counterpart Marek Wisniak'; entities.toml apposition_heads)?"""
        window = self.text[max(0, start - 40):start]
        stripped = window.rstrip()
        if len(stripped) == len(window):
            return False
        word_start = len(stripped)
        while word_start > 0 and stripped[word_start - 1].isalpha():
            word_start -= 1
        return stripped[word_start:] in self.tables.words.apposition_heads

    def _lower_title_before(self, start: int):
        """The (role, gender, kind) of a lower-case title of one or two words right before ``start``, if any."""
        window = self.text[max(0, start - 40):start]
        stripped = window.rstrip()
        last = stripped[-1:]
        # (only a window ending in spaces after a lower-case letter or a hyphen can match)
        if not (window[-1:].isspace() and (last.islower() or last == "-")):
            return None
        # Both phrases looked up end in the last word before the spaces: the run of lower-case letters
        # and hyphens there. When an ASCII character (or the window's start) ends that run, it is the
        # pattern's own, and a word no title phrase ends in finds none (most words before a name).
        word_start = len(stripped)
        while word_start > 0 and stripped[word_start - 1] in _ASCII_LOWER_OR_HYPHEN:
            word_start -= 1
        if word_start < len(stripped) and (word_start == 0 or stripped[word_start - 1].isascii()) \
                and stripped[word_start:] not in self.tables.title_last_words:
            return None
        before = _LOWER_WORDS_BEFORE.search(window)
        if before:
            for phrase in (before.group(1), before.group(1).split()[-1]):
                info = self.title_phrases.get(phrase.casefold())
                if info is not None and info[2] != "role":
                    return info
        return None

    def _titles_in_run(self, words: list[tuple[int, int, str]], role, gender, titled: bool):
        """The index of the first word after the run's titles and places ("Foreign Minister", "Turkish"),
        with the role, country and gender they give and whether there was a title."""
        country = None
        lowered = [w[2].casefold() for w in words]
        i = 0
        while i < len(words):
            length, info = self._title_at(lowered, i)
            if info is not None:
                role = info[0] or role
                gender = info[1] or gender
                titled = True
                i += length
                continue
            if words[i][2] in self.tables.words.title_connectors and titled:
                i += 1
                continue
            for length in (4, 3, 2, 1):
                if i + length > len(words) or (i + length == len(words) and length == 1):
                    continue  # a place of several words may end the run ('Crown Prince of Saudi Arabia': no name 'Arabia')
                # (a country's possessive before the title is its adjective: "Kenya's President X" = "Kenyan President X",
                # "The Philippines' President X" = "Philippine President X")
                phrase = self.tables.without_possessive(" ".join(w[2] for w in words[i:i + length]))
                if phrase.endswith(("s'", "s’")) and i + length < len(words):
                    phrase = phrase[:-1]
                organisation, place = self._place_or_body(phrase)
                if place is not None or organisation is not None:
                    country = country or place
                    i += length
                    break
            else:
                break
        return i, role, country, gender, titled

    def _name_words(self, rest: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The words of the name after the titles: up to a connector ("President Orvel of Arnor"), without
        a possessive ending, and ending in a word that can be a name."""
        for cut, word in enumerate(rest):
            if word[2] in self.tables.words.title_connectors:
                rest = rest[:cut]
                break
        possessive = self.tables.patterns.possessive
        if rest and possessive.search(rest[-1][2]):
            last = rest[-1]
            trimmed = possessive.sub("", last[2])
            rest[-1] = (last[0], last[0] + len(trimmed), trimmed)
        while rest and not self.could_be_name(rest[-1][2]):
            rest = rest[:-1]
        return rest

    def could_be_name(self, word: str) -> bool:
        """Whether a capitalised word can be (part of) a person's name; memoised per lexicon."""
        return memoised(self.tables.could_be_name, word, self._word_could_be_name)

    def _word_could_be_name(self, word: str) -> bool:
        lex = self.lexicon
        bare = word.rstrip(".")
        particle = self.tables.patterns.name_particle.match(bare)
        if particle:
            bare = bare[particle.end():]  # "al-Assad"
        key = name_key(bare)
        if not key or not bare[:1].isupper() or len(bare) < 2 or self.tables.patterns.contraction.search(bare):
            return False
        if word.endswith(".") and key in lex.abbreviations:
            return False
        if bare.isupper() and len(bare) > 1 and not lex.person_by_surname.get(key):
            return False  # acronyms: NATO, FEMA (labels in capitals are read separately)
        # places, peoples, organisations, titles, source nouns, pronouns, determiners
        tables = self.tables
        if key in tables.not_name_keys:
            return False
        return bare not in tables.name_stopwords and word not in tables.months and not key.isdigit()

    def _place_or_body(self, phrase: str) -> tuple[Organisation | None, str | None]:
        """The organisation a phrase names, and its country or the country it names; memoised per lexicon."""
        return memoised(self.tables.place_or_body, phrase, self._find_place_or_body)

    def _find_place_or_body(self, phrase: str) -> tuple[Organisation | None, str | None]:
        organisation = self.lexicon.organisation(phrase)
        return organisation, self.lexicon.country_of_word(phrase) or (organisation.country if organisation else None)

    def _title_at(self, lowered: list[str], i: int):
        """The longest title phrase (up to four words) at word ``i`` of case-folded words."""
        if lowered[i] not in self.tables.title_first_words:
            return 0, None
        for length in (4, 3, 2, 1):
            if i + length > len(lowered):
                continue
            info = self.title_phrases.get(" ".join(lowered[i:i + length]))
            if info is not None and (info[2] != "role" or length > 1):
                return length, info
        return 0, None

    def _person_entity(self, original: str, kind: str, payload) -> Entity | None:
        key = name_key(original)
        entity = self.by_key.get(key)
        if entity is not None:
            return entity
        title_role = None
        if kind == "titled":
            # an honorific gives no role but still marks a name: 'Mr Bush' is the person even though 'bush'
            # is an ordinary word (read like a plain 'Mr.', not narrowed by role)
            title_role = (payload[0] if payload else None) or self.tables.any_title
        person = self.gazetteer_person(original, title_role)
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
        entity = Entity(display_name(original), "person", surname=words[-1].rstrip("."))
        self.register(entity)
        return entity

    def gazetteer_person(self, original: str, title_role: str | None) -> Person | None:
        key = name_key(original)
        candidates = self.lexicon.person_by_alias.get(key)
        if candidates:
            return candidates[0]
        words = original.split()
        if len(words) == 2 and _capitals_family_first(*words):
            # 'MOTEGI Toshimitsu': the family name in capitals first, as Japanese ministries write it
            candidates = self.lexicon.person_by_alias.get(name_key(f"{words[1]} {words[0]}"))
            return candidates[0] if candidates else None
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
            fitting = [p for p in candidates if any(self.tables.roles_compatible(title_role, t.role) for t in p.roles)]
            if fitting:
                candidates = fitting
            elif title_role not in (self.tables.any_title, None) and len(candidates) > 1:
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
            particles, family_first = self.tables.name_particles, self.tables.family_name_first
            surname = surname_of(person.name, person.country, family_first, particles) or person.name.split()[-1]
            name = person.name
            if person.source.startswith(DICTIONARY_SOURCE_PREFIX) and " " in original.strip():
                name = display_name(original)  # the dictionary keeps no case: use the text's spelling
            entity = Entity(name, "person", None, person.country, person.gender, surname=surname,
                            organisation=person.organisation_in(self.year), person=person)
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
        if person.organisations:
            entity.organisation = person.organisation_in(year)  # the body of the year, once the year is known

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
            entity = self._merge_surname(parts[0]) or self._family_name_first(parts[0])
            if entity is not None:
                return entity
        elif parts:
            entity = self.by_key.get(parts[-1])
            if entity is not None and entity.kind == "person" and name_key(entity.name).endswith(parts[-1]):
                first = name_key(entity.name).split()[0]
                if first[:1] == parts[0][:1]:
                    return entity
        return None

    def _family_name_first(self, word: str) -> Entity | None:
        """'Spokesman Hong Lei ... Hong told a briefing': a name the gazetteer does not know, written family
        name first, is taken up by its first word; only the one two-word person of the text it begins."""
        found = {id(e): e for e in self.by_key.values()
                 if e.kind == "person" and e.person is None and len(parts := name_key(e.name).split()) == 2 and parts[0] == word}
        return next(iter(found.values())) if len(found) == 1 else None

    def _infer_year(self) -> int | None:
        """The latest year written in the text, else a year in which the dated office holders named served
        (None when they serve still: the current office holders are meant).

        Years after the gazetteer's latest known start are targets ("by 2030"), not dates. Among the
        years in which most of the named office holders served together, the middle of the latest
        run is taken: a term's first and last years are shared with the predecessor and successor.
        """
        latest = self.tables.latest_known_year
        years = [int(m.group()) for m in self.tables.patterns.year.finditer(self.text) if int(m.group()) <= latest]
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

    def add_mentions(self, added: list[Mention]) -> None:
        """Mentions found after the scan (role nouns standing for a person), merged in reading order."""
        for mention in added:
            index = bisect.bisect_right(self._starts, mention.start)
            self.mentions.insert(index, mention)
            self._starts.insert(index, mention.start)

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

    def crossing(self, offset: int) -> Mention | None:
        """The mention that runs across ``offset``, if any."""
        index = bisect.bisect_left(self._starts, offset) - 1
        if index >= 0 and self.mentions[index].start < offset < self.mentions[index].end:
            return self.mentions[index]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        index = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.mentions[index:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found


@dataclass(frozen=True, eq=False)
class EntityTables:
    """Look-up tables of the entities pass, built once per lexicon (read-only but for the bounded memos)."""

    title_phrases: dict[str, tuple[str | None, str | None, str]]  # title or agent phrase -> (role, gender, kind)
    title_words: frozenset[str]  # the words of those phrases, less function words
    title_first_words: frozenset[str]  # what the phrases begin with, up to the first space
    title_countries: dict[str, str]  # a title of one government -> its country ("foreign secretary" -> United Kingdom)
    not_name_keys: frozenset[str]  # keys of words that are never (part of) a person's name
    name_stopwords: frozenset[str]  # capitalised words that are no names: sentence words, months, weekdays
    months: frozenset[str]
    name_particles: frozenset[str]
    family_name_first: frozenset[str]  # countries whose names put the family name first
    many_holder_roles: frozenset[str]  # offices held by many at once: never resolved to the gazetteer's one holder
    name_index: NameIndex  # the gazetteer's people by alias
    organisation_index: NameIndex
    place_finder: WholeWordKeyFinder
    latest_known_year: int  # after the latest term start the gazetteer knows: a year later than it is a target, not a date
    role_groups: dict[str, set[str]]
    patterns: SimpleNamespace  # the named patterns of data/<lang>/entities.toml, compiled
    words: SimpleNamespace  # its word lists, as frozensets
    texts: dict[str, str]  # its single words ("of", "the", the title key of a plain honorific "mr.")
    place_or_body: dict[str, tuple[Organisation | None, str | None]] = field(default_factory=dict)  # memo of EntityTracker._place_or_body
    could_be_name: dict[str, bool] = field(default_factory=dict)  # memo of EntityTracker.could_be_name (depends on the lexicon only)
    compatible_roles: dict[tuple[str, str], bool] = field(default_factory=dict)  # memo of roles_compatible

    @classmethod
    def build(cls, lexicon: Lexicon) -> EntityTables:
        phrases = {**{k: (t.role, t.gender, t.kind) for k, t in lexicon.titles.items()},
                   **{k: (role, None, "role") for k, (role, _) in lexicon.agents.items() if k not in lexicon.titles}}
        stage = StageGrammar.read("entities.toml", lexicon.language)
        words = frozenset(w for phrase in phrases for w in phrase.split()) - stage.words.title_phrase_function_words
        grammar = lexicon.grammar
        not_name_keys = frozenset().union(lexicon.countries, lexicon.adjectives, lexicon.organisations, lexicon.organisation_heads,
                                          lexicon.titles, lexicon.anonymous_nouns, lexicon.pronouns, stage.words.determiners, stage.words.continents,
                                          words)
        stopwords = frozenset(grammar["capitalised_stopwords"]) | frozenset(grammar["months"]) | frozenset(grammar["weekdays"])
        first_words = frozenset(phrase.split(" ")[0] for phrase in phrases)
        return cls(phrases, words, first_words, dict(entry.split("|", 1) for entry in grammar["title_countries"]),
                   not_name_keys, stopwords, frozenset(grammar["months"]), frozenset(grammar["name_particles"]),
                   frozenset(grammar["family_name_first_countries"]), frozenset(grammar["many_holder_roles"]),
                   build_name_index(lexicon), build_organisation_index(lexicon), build_place_finder(lexicon),
                   _latest_known_year(lexicon), lexicon.role_groups, stage.patterns, stage.words, stage.texts)

    @cached_property
    def title_last_words(self) -> frozenset[str]:
        """The last word of each title phrase: a lower-case title right before a name ends in one
        (see EntityTracker._lower_title_before)."""
        return frozenset(phrase.split()[-1] for phrase in self.title_phrases if phrase.split())

    @cached_property
    def any_title(self) -> str:
        return self.texts["any_title"]

    @cached_property
    def possessive_endings(self) -> tuple[str, ...]:
        return tuple(sorted(self.words.possessive_endings))  # "'s" before "’s", the order they are removed in

    def without_possessive(self, word: str) -> str:
        """A word without its possessive ending: "Russia's" -> "Russia"."""
        for ending in self.possessive_endings:
            word = word.removesuffix(ending)
        return word

    def strip_determiner(self, text: str) -> str:
        """A phrase without its opening article ("the Kremlin" -> "Kremlin"), unless that is all of it."""
        first, _, rest = text.strip().partition(" ")
        if first.casefold() in self.words.articles and rest:
            return rest
        return text.strip()

    def roles_compatible(self, wanted: str, held: str) -> bool:
        """``the spokesperson`` fits a press secretary, ``the minister`` a foreign minister, not a vice president.

        Memoised: role antecedents ask it of every role of every recent person.
        """
        return memoised(self.compatible_roles, (wanted, held), self._roles_compatible)

    def _roles_compatible(self, pair: tuple[str, str]) -> bool:
        wanted, held = pair[0].casefold(), pair[1].casefold()
        role_groups = self.role_groups
        if wanted == held or held in role_groups.get(wanted, ()):
            return True
        if wanted in self.words.generic_roles:
            return True
        if any(r.startswith(f"{wanted} {self.texts['of']} ") for r in role_groups.get(held, {held})):  # "Secretary Austin": secretary of defense
            return True
        if held.endswith(" " + wanted):
            prefix = held[: -len(wanted) - 1].split()
            return not any(word in role_groups.get("-subordinate", ()) for word in prefix)
        return False


@dataclass(frozen=True, eq=False)
class StageGrammar:
    """A stage's language data (``data/<lang>/<stage>.toml``): named patterns, compiled once, word lists
    and texts, each entry with a why. Mistakes are RuleErrors naming the file and the entry."""

    patterns: SimpleNamespace  # name -> compiled pattern
    templates: dict[str, str]  # name -> a pattern with a {head}, {heads} or named list to fill in
    words: SimpleNamespace  # name -> frozenset of words
    texts: dict[str, str]

    @classmethod
    def read(cls, name: str, language: str = "en") -> StageGrammar:
        source = f"data/{language}/{name}"
        try:
            data = tomllib.loads(data_text(name, language))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RuleError(f"{source}: {exc}") from None
        return cls.parse(data, source)

    @classmethod
    def parse(cls, data: dict, source: str) -> StageGrammar:
        unknown = set(data) - {"pattern", "template", "words", "text"}
        if unknown:
            raise RuleError(f"{source}: unknown section {min(unknown)!r} (known: pattern, template, words, text)")
        values: dict[str, dict] = {}
        for section, key in (("pattern", "pattern"), ("template", "pattern"), ("words", "words"), ("text", "value")):
            values[section] = {}
            for entry, fields in data.get(section, {}).items():
                where = f"{source}: {section}.{entry}"
                if not isinstance(fields, dict) or not str(fields.get("why", "")).strip():
                    raise RuleError(f"{where}: every entry says why it exists")
                if key not in fields:
                    raise RuleError(f"{where}: missing {key!r}")
                values[section][entry] = fields[key]
        patterns = {}
        for entry, text in values["pattern"].items():
            try:
                patterns[entry] = regex.compile(text)
            except regex.error as exc:
                raise RuleError(f"{source}: pattern.{entry} does not compile: {exc}") from None
        return cls(SimpleNamespace(**patterns), values["template"],
                   SimpleNamespace(**{entry: frozenset(words) for entry, words in values["words"].items()}), values["text"])


def _latest_known_year(lexicon: Lexicon) -> int:
    starts = [lo for person in lexicon.persons for term in person.roles for lo, _ in term.periods if lo]
    return max(starts, default=2025) + 1


def memoised(memo: dict, key, compute):
    """``compute(key)``, remembered in ``memo``, which is emptied when full (its memory stays bounded)."""
    answer = memo.get(key)
    if answer is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        answer = memo[key] = compute(key)
    return answer


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


def _capitals_family_first(first: str, second: str) -> bool:
    """'MOTEGI Toshimitsu': a family name in capitals (two letters at least) before a given name in name case."""
    return len(first) >= 2 and first.isalpha() and first.isupper() and second[:1].isupper() and second[1:].islower()


def display_name(name: str) -> str:
    """A name as written, with a label's capitals turned into name case."""
    name = name.strip().rstrip(",")
    if name.isupper() and len(name) > 3 and "." not in name:
        return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in name.split())
    return name
