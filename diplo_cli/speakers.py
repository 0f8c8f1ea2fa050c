"""Resolve speaker mentions to the person or body they refer to.

Within one document, an :class:`EntityTracker` collects every person, organisation and country
mention in reading order (gazetteer names, title + capitalised name, known organisations), merges
name parts (``Peskov`` -> ``Dmitry Peskov``) and answers three questions for a speaker mention:

* a name (with or without titles): who is it, with role, country and gender;
* a role noun (``the Kremlin spokesperson``, ``the Turkish president``): the last entity holding a
  compatible role and country, else a later one in the same passage (news leads name the person a
  sentence later), else the gazetteer's holder of that role;
* a pronoun: the most recent compatible speaker or sentence subject, by gender and number.

Anonymous sources keep their description as the name (``a senior official``). Deliberate limits:
no syntactic parse, so "subject" means the first person mentioned at the start of a sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from .lexicons import Lexicon, Person, fold, name_key
from .models import Attribution, Sentence, Span, Speaker

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’&\-]*+")
_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’\-]*+(?:\.(?=\s))?(?:\s++(?:(?:al|bin|ibn|de|del|da|van|von|el|la|le|di|du|dos|der|ul|y)[\s-]++)?\p{Lu}[\p{L}\p{M}'’\-]*+){0,4}"
)


@dataclass
class Entity:
    name: str
    kind: str  # person | organisation | country | anonymous | group
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    plural: bool = False
    surname: str | None = None
    first: int = 0

    def compatible_gender(self, gender: str | None) -> bool:
        return gender is None or self.gender is None or self.gender == gender


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity
    subject: bool = False


@dataclass
class EntityTracker:
    """Entities of one document in reading order."""

    text: str
    lexicon: Lexicon
    year: int | None = None
    mentions: list[_Mention] = field(default_factory=list)
    by_key: dict[str, Entity] = field(default_factory=dict)

    # -------------------------------------------------------------- building
    def scan(self, sentences: list[Sentence]) -> None:
        """Find person, organisation and country mentions in the whole text."""
        text = self.text
        folded = fold(text)
        names = self.lexicon.matcher("names")
        found: list[tuple[int, int, Entity]] = []
        taken: list[tuple[int, int]] = []
        for match in names.finditer(folded):
            original = text[match.start():match.end()]
            if not original[:1].isupper():
                continue
            if " " not in original and (original in self.lexicon.grammar["months"] or original in self.lexicon.grammar["weekdays"]):
                continue
            entity = self.by_key.get(name_key(original))
            if entity is None:
                person = self._person_for(original)
                if person is None:
                    continue
                entity = self._entity_for_person(person, original)
            found.append((match.start(), match.end(), entity))
            taken.append((match.start(), match.end()))
        # title + unknown capitalised name: "Special Envoy Ghassan Salame", "Mr. Chambas"
        for match in _CAPITALISED_RUN.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            entity_span = self._name_in_run(match.start(), match.end())
            if entity_span is None:
                continue
            start, end, entity = entity_span
            found.append((start, end, entity))
        found.sort(key=lambda item: item[0])
        sentence_starts = [s.start for s in sentences]
        for start, end, entity in found:
            index = bisect.bisect_right(sentence_starts, start) - 1
            sentence_start = sentences[index].start if index >= 0 else 0
            lead = text[sentence_start:start]
            subject = len(lead) < 80 and not regex.search(r"\b\p{Ll}+(?:ed|s)\b\s", _strip_titles(lead, self.lexicon))
            self.mentions.append(_Mention(start, end, entity, subject))
        self._starts = [m.start for m in self.mentions]

    def _person_for(self, original: str) -> Person | None:
        key = name_key(original)
        candidates = self.lexicon.person_by_alias.get(key)
        if candidates:
            return candidates[0]
        candidates = self.lexicon.person_by_surname.get(key)
        if not candidates:
            return None
        # a surname alone (not yet seen in this document): a unique gazetteer holder
        dated = [p for p in candidates if self.year is None or any(t.holds_in(self.year) for t in p.roles)]
        if len(dated) == 1:
            return dated[0]
        if len(candidates) == 1:
            return candidates[0]
        return None

    def _entity_for_person(self, person: Person, original: str) -> Entity:
        key = name_key(person.name)
        entity = self.by_key.get(key)
        if entity is None:
            surname = person.name.split()[-1]
            entity = Entity(person.name, "person", person.role_in(self.year), person.country, person.gender, surname=surname)
            self.by_key[key] = entity
            self.by_key.setdefault(name_key(surname), entity)
            for alias in person.aliases:
                self.by_key.setdefault(name_key(alias), entity)
        self.by_key.setdefault(name_key(original), entity)
        return entity

    def _name_in_run(self, start: int, end: int) -> tuple[int, int, Entity] | None:
        """A capitalised run: title words then a name the gazetteer does not know."""
        words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(self.text[start:end])]
        role = country = gender = None
        i = 0
        honorific = False
        while i < len(words):
            word = words[i][2]
            phrase_len, title = self._title_at(words, i)
            if title is not None:
                role = title.role or role
                gender = title.gender or gender
                honorific = honorific or title.kind == "honorific"
                i += phrase_len
                continue
            place = self.lexicon.country_of_word(word)
            if place is not None and i + 1 < len(words):
                country = country or place
                i += 1
                continue
            break
        rest = words[i:]
        if not rest or (role is None and not honorific):
            return None
        if any(self.lexicon.organisation(w[2]) or self.lexicon.country_of_word(w[2]) for w in rest[:1]):
            return None
        name = " ".join(w[2] for w in rest).rstrip(".")
        if name in self.lexicon.grammar["capitalised_stopwords"] or len(name) < 2:
            return None
        entity = self.lookup_name(name)
        if entity is None:
            entity = Entity(name, "person", role, country, gender, surname=name.split()[-1], first=rest[0][0])
            self.register(entity)
        else:
            entity.role = entity.role or role
            entity.country = entity.country or country
            entity.gender = entity.gender or gender
        return rest[0][0], rest[-1][1] - (1 if self.text[rest[-1][1] - 1] == "." else 0), entity

    def _title_at(self, words, i):
        for length in (4, 3, 2, 1):
            if i + length > len(words):
                continue
            phrase = " ".join(w[2] for w in words[i:i + length]).casefold()
            title = self.lexicon.titles.get(phrase)
            if title is not None:
                return length, title
        return 0, None

    def register(self, entity: Entity) -> None:
        self.by_key.setdefault(name_key(entity.name), entity)
        if entity.kind == "person" and entity.surname:
            self.by_key.setdefault(name_key(entity.surname), entity)

    def lookup_name(self, name: str) -> Entity | None:
        key = name_key(name)
        entity = self.by_key.get(key)
        if entity is not None:
            return entity
        parts = key.split()
        if parts:
            entity = self.by_key.get(parts[-1])
            if entity is not None and entity.kind == "person":
                return entity
        return None

    # -------------------------------------------------------------- queries
    def entities_before(self, offset: int):
        index = bisect.bisect_left(self._starts, offset)
        for mention in reversed(self.mentions[:index]):
            yield mention

    def entities_after(self, offset: int, limit: int):
        index = bisect.bisect_right(self._starts, offset)
        for mention in self.mentions[index:]:
            if mention.start > limit:
                break
            yield mention


class SpeakerResolver:
    """Turns the raw speaker spans of attributions into :class:`Speaker` records."""

    def __init__(self, text: str, sentences: list[Sentence], lexicon: Lexicon, turns=None, year: int | None = None):
        self.text = text
        self.lex = lexicon
        self.sentences = sentences
        self.turns = turns or []
        self.tracker = EntityTracker(text, lexicon, year)
        self.tracker.scan(sentences)
        self.recent: list[tuple[int, Entity]] = []  # speakers resolved so far, by offset
        self.label_entities: dict[str, Entity] = {}

    def resolve(self, attributions: list[Attribution]) -> list[Speaker]:
        speakers: list[Speaker] = []
        by_span: dict[tuple[int, int], Speaker] = {}
        for attribution in attributions:
            key = (attribution.speaker.start, attribution.speaker.end)
            speaker = by_span.get(key)
            if speaker is None:
                speaker = self._resolve_one(attribution, attributions, speakers)
                by_span[key] = speaker
            speakers.append(speaker)
        return speakers

    # -------------------------------------------------------------- one mention
    def _resolve_one(self, attribution: Attribution, attributions, done: list[Speaker]) -> Speaker:
        mention = attribution.speaker
        words = mention.text.split()
        lowered = mention.text.casefold()
        if lowered in self.lex.pronouns:
            return self._pronoun(mention, attribution, attributions, done)
        entity = self._named(mention)
        if entity is not None:
            self._note(mention.start, entity)
            return _speaker(mention, entity, "name")
        organisation = self._organisation(mention)
        if organisation is not None:
            self._note(mention.start, organisation)
            return _speaker(mention, organisation, "organisation")
        role, country, gender, head = self._describe(words)
        anonymous_head = head is not None and head.casefold() in self.lex.anonymous_nouns
        if role is not None or (head and head.casefold() in self.lex.titles):
            entity = self._role_antecedent(mention, role, country, gender)
            if entity is not None:
                self._note(mention.start, entity)
                return _speaker(mention, entity, "role")
        if anonymous_head or role is not None:
            previous = self._anonymous_antecedent(mention, head)
            if previous is not None:
                self._note(mention.start, previous)
                return Speaker(mention, previous.name, previous.role, previous.country, True, "role")
            name = _lower_determiner(mention.text)
            plural = head is not None and head.casefold() != self.lex.anonymous_nouns.get(head.casefold(), head).casefold()
            entity = Entity(name, "anonymous", role, country, gender, plural=plural, surname=head.casefold() if head else None)
            self._note(mention.start, entity)
            return Speaker(mention, name, role, country, True, "anonymous")
        # an unknown capitalised name
        name = _strip_honorifics(mention.text, self.lex)
        entity = self.tracker.lookup_name(name)
        if entity is None:
            entity = Entity(name, "person", role, country, gender, surname=name.split()[-1] if name.split() else None)
            self.tracker.register(entity)
        self._note(mention.start, entity)
        return _speaker(mention, entity, "name")

    def _anonymous_antecedent(self, mention: Span, head: str | None) -> Entity | None:
        """'The correspondent' after 'a Hürriyet correspondent': a definite mention of the same source."""
        if head is None or not mention.text.casefold().startswith(("the ", "this ", "that ")):
            return None
        for _, entity in reversed(self.recent):
            if entity.kind == "anonymous" and entity.surname == head.casefold():
                return entity
        return None

    def _note(self, offset: int, entity: Entity) -> None:
        self.recent.append((offset, entity))

    def _named(self, mention: Span) -> Entity | None:
        """A person named in the mention (gazetteer or document entity), with title refinements."""
        best = None
        for m in self.tracker.mentions:
            if m.start >= mention.start and m.end <= mention.end and m.entity.kind == "person":
                best = m.entity
        if best is None:
            return None
        role, country, gender, _ = self._describe(self.text[mention.start:mention.end].split())
        if role and not best.role:
            best.role = role
        if country and not best.country:
            best.country = country
        if gender and not best.gender:
            best.gender = gender
        return best

    def _organisation(self, mention: Span) -> Entity | None:
        text = mention.text
        stripped = regex.sub(r"^(?i:the|a|an)\s+", "", text)
        organisation = self.lex.organisation(stripped)
        if organisation is not None:
            return Entity(organisation.name, "organisation", None, organisation.country, None, plural=False)
        country = self.lex.countries.get(name_key(stripped))
        if country is not None:
            return Entity(country, "country", None, country, None)
        # "the Russian Foreign Ministry" -> an organisation with a country
        words = stripped.split()
        if words and words[-1].casefold() in ("ministry", "government", "office", "embassy", "department", "agency", "administration", "cabinet", "presidency", "parliament", "council", "commission", "committee", "army", "military", "palace", "statement", "readout", "release", "report", "spokesman's office"):
            country = next((self.lex.country_of_word(w) for w in words if self.lex.country_of_word(w)), None)
            name = " ".join(words)
            return Entity(name, "organisation", None, country, None)
        return None

    def _describe(self, words: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
        """Role, country, gender and head noun of a description such as 'the Kremlin spokesperson'."""
        role = country = gender = None
        head = None
        lowered = [w.casefold().removesuffix("'s").removesuffix("’s").rstrip(",") for w in words]
        i = 0
        while i < len(lowered):
            matched = False
            for length in (4, 3, 2, 1):
                phrase = " ".join(lowered[i:i + length])
                title = self.lex.titles.get(phrase) or (self.lex.titles.get(phrase[:-1]) if phrase.endswith("s") else None)
                if title is not None and len(phrase.split()) == length:
                    role = title.role or role
                    gender = title.gender or gender
                    head = words[i + length - 1]
                    i += length
                    matched = True
                    break
            if matched:
                continue
            place = self.lex.country_of_word(words[i].removesuffix("'s").removesuffix("’s"))
            if place is not None:
                country = country or place
            elif lowered[i] in self.lex.anonymous_nouns:
                head = words[i]
            i += 1
        return role, country, gender, head

    def _role_antecedent(self, mention: Span, role: str | None, country: str | None, gender: str | None) -> Entity | None:
        def fits(entity: Entity) -> bool:
            if entity.kind != "person":
                return False
            if role and entity.role and not _roles_compatible(role, entity.role):
                return False
            if role and not entity.role:
                return False
            if country and entity.country and entity.country != country:
                return False
            if country and not entity.country:
                return False
            return entity.compatible_gender(gender)

        for m in self.tracker.entities_before(mention.start):
            if fits(m.entity):
                return m.entity
        paragraph_end = self.text.find("\n\n", mention.end)
        limit = mention.end + 600 if paragraph_end < 0 else min(mention.end + 600, paragraph_end)
        for m in self.tracker.entities_after(mention.end, limit):
            if fits(m.entity):
                return m.entity
        if role and country:
            holders = [p for p in self.lex.persons if p.country == country and any(_roles_compatible(role, t.role) and (t.holds_in(self.tracker.year) if self.tracker.year else t.is_current()) for t in p.roles)]
            if len(holders) == 1:
                return self.tracker._entity_for_person(holders[0], holders[0].name)
        return None

    def _pronoun(self, mention: Span, attribution: Attribution, attributions, done: list[Speaker]) -> Speaker:
        pronoun = mention.text.casefold()
        gender, number, person = self.lex.pronouns[pronoun]
        if person in ("1", "2"):
            container = _enclosing(attribution, attributions, done)
            if container is not None:
                return Speaker(mention, container.name, container.role, container.country, container.anonymous, "pronoun")
            label = self._turn_label(mention.start)
            if label is not None:
                return Speaker(mention, label.name, label.role, label.country, False, "pronoun")
            return Speaker(mention, mention.text, None, None, False, "pronoun")
        wanted_gender = gender if gender in ("m", "f") else None
        plural = number == "pl"
        candidates: list[tuple[int, Entity]] = []
        for offset, entity in self.recent:
            if offset < mention.start:
                candidates.append((offset, entity))
        for m in self.tracker.entities_before(mention.start):
            if m.subject:
                candidates.append((m.start, m.entity))
        candidates.sort(key=lambda item: item[0], reverse=True)
        for _, entity in candidates:
            if plural != (entity.plural or entity.kind in ("organisation", "country", "group")) and not (plural and entity.kind == "anonymous"):
                if not (not plural and entity.kind == "person"):
                    continue
                if plural:
                    continue
            if plural and entity.kind == "person":
                continue
            if not plural and entity.kind != "person":
                if pronoun not in ("it", "its"):
                    continue
            if not entity.compatible_gender(wanted_gender):
                continue
            if entity.gender is None and wanted_gender:
                entity.gender = wanted_gender
            self._note(mention.start, entity)
            return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun")
        return Speaker(mention, mention.text, None, None, False, "pronoun")

    def _turn_label(self, offset: int) -> Entity | None:
        for start, end, is_question, label in self.turns:
            if start <= offset < end and label and not is_question:
                entity = self.label_entities.get(label)
                if entity is None:
                    name = _strip_honorifics(label.title(), self.lex)
                    entity = self.tracker.lookup_name(name) or Entity(name, "person")
                    self.label_entities[label] = entity
                return entity
        return None


def _enclosing(attribution: Attribution, attributions: list[Attribution], done: list[Speaker]) -> Speaker | None:
    """'I' inside a quotation is the quoted speaker."""
    for other, speaker in zip(attributions, done):
        if other is attribution:
            continue
        if other.kind in ("direct", "mixed") and other.content.start <= attribution.speaker.start < other.content.end:
            return speaker
    return None


def _roles_compatible(wanted: str, held: str) -> bool:
    if wanted == held:
        return True
    groups = ({"spokesperson", "press secretary"}, {"president", "leader", "head of state"}, {"prime minister", "premier", "leader"}, {"foreign minister", "secretary of state"})
    return any(wanted in g and held in g for g in groups) or wanted in ("leader", "official")


def _speaker(mention: Span, entity: Entity, kind: str) -> Speaker:
    return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", kind)


def _lower_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The", "One", "Two", "Three", "Some", "Several", "Many") and rest:
        return f"{first.lower()} {rest}"
    return text


def _strip_honorifics(text: str, lexicon: Lexicon) -> str:
    words = text.split()
    while len(words) > 1 and lexicon.titles.get(words[0].casefold()) is not None:
        words = words[1:]
    return " ".join(words).removesuffix("'s").removesuffix("’s")


def _strip_titles(text: str, lexicon: Lexicon) -> str:
    return text


def resolve_speakers(text: str, sentences: list[Sentence], attributions: list[Attribution], lexicon: Lexicon, turns=None, year: int | None = None) -> tuple[list[Speaker], EntityTracker]:
    """Resolve every attribution's speaker; also return the document's entities for later stages."""
    resolver = SpeakerResolver(text, sentences, lexicon, turns, year)
    return resolver.resolve(attributions), resolver.tracker
