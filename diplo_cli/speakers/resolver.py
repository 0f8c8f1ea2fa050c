"""The speaker resolver: who each attribution's speaker span refers to (see the package's docstring)."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import replace

import regex

from diplo_cli.entities import (
    LOOKBACK_MENTIONS,
    WORD,
    Description,
    Entity,
    EntityTracker,
    Mention,
    display_name,
)
from diplo_cli.language.lexicons import Lexicon, name_key
from diplo_cli.models import Attribution, Document, Sentence, Span, Speaker, Statement
from diplo_cli.rules import Trace
from diplo_cli.speakers.pronouns import PronounReader
from diplo_cli.speakers.tables import SpeakerTables
from diplo_cli.speakers.transcripts import TranscriptLabels
from diplo_cli.text.analysis import TextAnalysis
from diplo_cli.text.segment import find_turns, segment_sentences, turn_body_start

_CAPITAL_NEXT = regex.compile(r"\s*+\p{Lu}")
_COMMA = regex.compile(r"\s*,\s*")
_CLAUSE_BREAK = regex.compile(r"\s*[,;]")
# two countries joined as the two sides of a relation: "the UK and US", "UK-US", "Japan and the United States"
_PAIR_JOIN = regex.compile(r"\s*+(?:-|–|/|and(?:\s++the)?)\s*+")
# a body and where it sits: "the U.S. Embassy in Moscow", "the Russian mission to the UN"
_LOCATED_BODY = regex.compile(r"^(?P<body>.+?\S)\s++(?:in|to|at)\s++(?:the\s++)?\p{Lu}[\p{L}\p{M}.'’\- ]*+$")
# what may open a sentence before its subject: nothing, or a short adverbial and a comma ("On May 3, 2021, ")
_OPENING = regex.compile(r"(?:[^.;:\n]{0,40},\s*)?")
# How many resolved speakers an anonymous or pronoun mention looks back over (keeps resolution linear).
LOOKBACK_SPEAKERS = 60


# Who a phrase refers to, the kind of mention (Speaker.mention_kind) and the id of the rule that decided
Resolved = tuple[Entity, str, str]


class SpeakerResolver(PronounReader, TranscriptLabels):
    """Turns the raw speaker spans of attributions into :class:`Speaker` records."""

    def __init__(self, text: str, sentences: list[Sentence], lexicon: Lexicon, tables: SpeakerTables, turns=None,
                 year: int | None = None, attributions: list[Attribution] | None = None, trace: Trace | None = None,
                 analysis: TextAnalysis | None = None):
        self.text = text
        self.trace = trace  # records each speaker's deciding rule and each vetoed antecedent
        self.lex = lexicon
        self.tables = tables
        self.sentences = sentences
        self.turns = turns or []
        self.turn_starts = [turn[0] for turn in self.turns]
        self.tracker = EntityTracker(text, lexicon, tables.entities, year, analysis)
        self.tracker.scan(sentences)
        self.sentence_starts = self.tracker.sentence_starts
        self.recent: list[tuple[int, Entity]] = []  # speakers resolved so far, by offset
        self._noted: dict[int, Entity] = {}  # mention offset -> the entity it was resolved to
        self.label_entities: dict[str, Entity] = {}
        self.label_spans = [(start, start + len(label) + 1) for start, _, q, label in self.turns if label]
        self.transcript_country = None
        self.transcript_organisation: str | None = None
        self.transcript_person = None  # the gazetteer person of the first labelled briefer, whose terms date a hand-over year
        self.home_is_guess = False
        self._unknown_principal: tuple[int, str | None] | None = None  # the opening role noun of no country (start, role)
        self._attributions = attributions or []
        self.home_country = self._home_country()
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

    def _names_in_apposition(self, end: int) -> bool:
        """Is a role noun ending at ``end`` followed by a comma and a person's name, which says who holds it
        (speakers.toml apposed_name)?"""
        comma = self.tables.patterns.apposed_name.match(self.text, end)
        if comma is None:
            return False
        return any(m.start == comma.end() and m.entity.kind == "person" for m in self.tracker.within(comma.end(), comma.end() + 80))

    def _add_role_mentions(self) -> None:
        """'the President', 'the British prime minister': a role noun names a person the pronouns can refer to."""
        tracker = self.tracker
        self._role_mention_rules: dict[int, str] = {}
        gazetteer_rules: dict[int, str] = {}  # id of an entity a role noun found in the gazetteer -> the rule that did
        # overlapped: a match rejected below for its modifiers ('the talks the President held': 'talks the' is no
        # modifier of a title) leaves the role noun inside it ('the President') to be tried on its own
        for match in self.tables.role_nouns.finditer(self.text, overlapped=True):
            start, end = match.span()
            if tracker.within(start, end) or _CAPITAL_NEXT.match(self.text[end:end + 3]):
                continue
            # the words between 'the' and the title: a title of several words ('secretary of defense') is no modifier
            modifiers = self.text[start:match.start("title")].split()[1:]
            if any(not (self.lex.country_of_word(w) or self.lex.organisation(w) or w.casefold() in tracker.title_words)
                   for w in modifiers) and not tracker.title_phrases.get(" ".join(modifiers[-1:] + match.group().split()[-1:]).casefold()):
                continue
            described = tracker.describe(match.group())
            if described.role is None or described.role in self.tables.entities.words.generic_roles:
                continue
            tail = self.tables.patterns.of_name_tail.match(self.text[end:end + 60])
            if tail and not described.country:
                described.country = self.lex.country_of_word(tail.group(1))
            if self._names_in_apposition(end + (tail.end() if tail and self.lex.country_of_word(tail.group(1)) else 0)):
                continue  # 'the Foreign Minister of Jordan, Ahmed Al-Rashid': the name after the comma is the person
            if self._unknown_principal is not None and not described.country and described.definite \
                    and start > self._unknown_principal[0] and described.role == self._unknown_principal[1]:
                # the text's own principal ("The President spoke with X ... the President"), whose country the text never
                # gives: not another president it names ("President Herzog"), who is the principal's counterpart
                continue
            entity = None
            speaker_country = None if described.country else self._content_country(start)
            if speaker_country:
                # "Pakistan's foreign office said the prime minister would travel": Pakistan's, when known
                entity = self._role_antecedent(start, end, replace(described, country=speaker_country))
            if entity is None:
                entity, how = self._role_holder(start, end, described)
                if entity is not None and how in ("speakers.role_holder.text_country", "speakers.role_holder"):
                    # the gazetteer's holder (the dated readout's office too), reported under its own id, not as named before
                    self._role_mention_rules[start] = how
                    gazetteer_rules[id(entity)] = how
                elif id(entity) in gazetteer_rules:
                    # a later role noun of that holder, found through the earlier role noun: the same deciding rule
                    self._role_mention_rules[start] = gazetteer_rules[id(entity)]
            if entity is None:
                continue
            if self._unknown_principal is not None and start == self._unknown_principal[0]:
                # the opening role noun found its holder after all (a dated readout's office): no unknown principal
                self._unknown_principal = self.tracker.unknown_principal = None
            # at once, so that a later bare role noun finds it named before ('the secretary of defense ... the secretary')
            tracker.add_mentions([tracker.mention(start, end, entity, by_role=True)])

    def resolve(self, attributions: list[Attribution]) -> list[Speaker]:
        quotations = sorted((a.content.start, a.content.end, i) for i, a in enumerate(attributions) if a.kind in ("direct", "mixed"))
        self._quotations = quotations
        self._quotation_starts = [q[0] for q in quotations]
        speakers: list[Speaker] = []
        self._by_span: dict[tuple[int, int], Speaker] = {}
        self._starts_by_end: dict[int, list[int]] = {}  # _by_span's keys by their end, in the order they came
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
            self._starts_by_end.setdefault(key[1], []).append(key[0])
        return speaker

    # -------------------------------------------------------------- one mention
    def _resolve_one(self, attribution: Attribution, attributions, done: list[Speaker]) -> Speaker:
        mention = attribution.speaker
        start, end = self.tables.trim(self.text, mention.start, mention.end)
        phrase = self.text[start:end]
        lowered = phrase.casefold()
        if lowered in self.lex.pronouns:
            speaker, how = self._pronoun(mention, lowered, attribution, attributions, done)
        else:
            before = self.tables.patterns.possessive_pronoun_before.search(self.text[max(0, start - 8):start])
            office = self.tables.patterns.pronoun_office.fullmatch(f"{before.group(1)} {phrase}" if before else phrase)
            if office and office.group(1).casefold() in self.lex.pronouns:
                # "his office said": the person (or body) the pronoun refers to
                speaker, how = self._pronoun(mention, office.group(1).casefold(), attribution, attributions, done)
            else:
                entity, kind, how = self._phrase(start, end, attribution)
                self._note(mention.start, entity)
                speaker = Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", kind)
        if self.trace is not None:
            self.trace.add("speakers", how, "set", mention.start, mention.end, speaker.name)
        return speaker

    def _phrase(self, start: int, end: int, attribution: Attribution | None = None, depth: int = 0) -> Resolved:
        """Who a non-pronoun noun phrase of the text refers to, the kind of mention and the rule that decided."""
        start, end = self.tables.trim(self.text, start, end)
        phrase = self.text[start:end]
        if " ".join(phrase.casefold().split()) in self.tables.indefinite_pronoun_speakers:
            return self._further_source(phrase), "anonymous", "speakers.further_source"
        found = self._whole_name(phrase, start)
        if found is None and depth == 0:
            found = self._coordination(phrase, start, end)
        if found is not None:
            return found
        words = WORD.findall(phrase)
        if not words:
            return Entity(phrase, "anonymous"), "anonymous", "speakers.anonymous"
        head = words[-1].casefold()
        # a document: its issuer is the speaker
        if self.lex.organisation_heads.get(head) == "document" or self.lex.organisation_heads.get(head.rstrip("s")) == "document":
            return self._document(start, end, phrase, attribution, depth)
        link = self.tables.patterns.issuer_link.search(phrase)
        if link and self.lex.organisation_heads.get(WORD.findall(phrase[:link.start()])[-1].casefold() if WORD.findall(phrase[:link.start()]) else "") == "document":
            entity, kind, _ = self._phrase(start + link.end(), end, attribution, depth + 1)
            return entity, kind, "speakers.document.issuer"
        described = self.tracker.describe(phrase)
        if head in self.tables.words.country_stand_ins and described.country and len(words) <= 4 \
                and all(self.lex.country_of_word(w) or w.casefold() in self.tables.words.label_connectors for w in words[:-1]):
            # "the Chinese side", "the U.S. side": the country
            return Entity(described.country, "country", country=described.country), "organisation", "speakers.country_side"
        if head in self.tables.words.counterpart_heads and described.country:
            # "her Russian counterpart": the nearest person of that country named before
            for mention in self.tracker.entities_before(start):
                if mention.entity.kind == "person" and mention.entity.country == described.country and not mention.quoted:
                    return mention.entity, "role", "speakers.counterpart"
        if head in self.tables.words.counterpart_heads and not described.country and not described.plural:
            counterpart = self._counterpart_of_subject(start)
            if counterpart is not None:
                return counterpart, "role", "speakers.counterpart.of_subject"
        found = self._named_in_phrase(start, end, phrase, described)
        if found is None:
            # organisations inside the phrase: "the Russian Foreign Ministry", "South Korea's government"
            found = self._organisation_phrase(start, end, phrase, words, described)
        return found if found is not None else self._description(start, end, phrase, words, described)

    def _counterpart_of_subject(self, start: int) -> Entity | None:
        """'X met his counterpart Y ... His counterpart said': the last person named as a subject is whose counterpart;
        the counterpart is the nearest other person named before, of another known country."""
        owner = None
        people: list[Entity] = []
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            if entity.kind != "person" or mention.quoted:
                continue
            if owner is None and mention.subject:
                owner = entity
            elif all(p is not entity for p in people):
                people.append(entity)
        if owner is None or not owner.country:
            return None
        return next((p for p in people if p is not owner and p.country and p.country != owner.country), None)

    def _whole_name(self, phrase: str, start: int) -> Resolved | None:
        """A whole organisation or country name (also "Bosnia and Herzegovina", "the Kremlin", "Beijing"), or a pair of them."""
        stripped = self.tables.entities.strip_determiner(phrase)
        organisation = self.lex.organisation(stripped)
        if organisation is not None:
            return self._organisation_entity(organisation.name, organisation.country), "organisation", "speakers.organisation"
        home_body = self._home_body(stripped)
        if home_body is not None:
            return self._organisation_entity(home_body.name, home_body.country), "organisation", "speakers.organisation.home"
        country = self.lex.countries.get(name_key(stripped))
        if country is None and (stripped.endswith("s") or "." in stripped or stripped.isupper()):
            country = self.lex.adjectives.get(name_key(stripped))  # "the U.S.", "The Russians"
        if country is not None:
            return Entity(country, "country", country=country), "organisation", "speakers.country"
        pair = self._both(phrase, start)
        if pair is not None:
            return pair, "organisation", "speakers.both_parties"
        pair = self._leader_pair(phrase, start)
        if pair is not None:
            return pair, "name", "speakers.leader_pair"
        return None

    def _home_body(self, name: str):
        """'the Foreign Ministry' in a text whose own country is established (Russia): that country's body
        when the lexicon knows it under the country's adjective ('Russian Foreign Ministry')."""
        home = getattr(self, "home_country", None)
        if not home or self.home_is_guess or not name[:1].isupper() or self.lex.country_of_word(name.split()[0]):
            return None
        adjective = self.lex.country_adjective.get(home)
        organisation = self.lex.organisation(f"{adjective} {name}") if adjective else None
        return organisation if organisation is not None and organisation.country == home else None

    def _coordination(self, phrase: str, start: int, end: int) -> Resolved | None:
        """"Olaf Scholz and Emmanuel Macron", "the U.S. and its allies": both, when one of them is named."""
        parts = self.tables.patterns.coordination.split(phrase)
        if len(parts) != 2 or not all(parts):
            return None
        cut = self.tables.patterns.coordination.search(phrase)
        left = self._phrase(start, start + cut.start(), None, 1)[0]
        right = self._phrase(start + cut.end(), end, None, 1)[0]
        if (left.kind == "anonymous" and right.kind == "anonymous") or left.name == right.name:
            return None
        left_word = parts[0].strip()
        if left.kind == "country" and right.kind == "anonymous" and right.plural and len(WORD.findall(parts[1])) > 1 \
                and self.lex.adjectives.get(name_key(left_word)) and left_word == self.tables.entities.strip_determiner(left_word):
            # "U.S. and European officials": two adjectives of one source noun, an anonymous source as written
            if self.trace is not None:
                self.trace.add("speakers", "speakers.veto.adjective_coordination", "vetoed", start, end, left.name)
            return None
        names = [left.name if left.kind != "anonymous" else self.tables.lower_determiner(parts[0]),
                 right.name if right.kind != "anonymous" else self.tables.lower_determiner(parts[1])]
        group = Entity(self.tables.join_names(*names), "group", plural=True, country=left.country if left.country == right.country else None)
        return group, "name", "speakers.coordination"

    def _named_in_phrase(self, start: int, end: int, phrase: str, described: Description) -> Resolved | None:
        """A person the phrase names: at its head ("Kremlin spokesman Dmitry Peskov", "Mr. Okafor"), or in a
        comma apposition after a description ("The deputy director of X, Chidi Okafor,")."""
        text = self.text
        persons = [m for m in self.tracker.within(start, end) if m.entity.kind == "person"]
        cut = self.tracker.crossing(end)
        if cut is not None and cut.entity.kind == "person" and cut.start >= start:
            persons.append(cut)  # a span cut inside a name ("Theresa" of "Theresa May") still names the person
        owner = self.tables.patterns.owner_before.search(text, start, persons[-1].start) if persons and described.role else None
        if owner and (owner.group("title") is None or self.lex.titles.get(owner.group("title").casefold()) is not None):
            # "a spokesman for the president", "an aide to President Varga": the spokesman speaks, not the
            # person they speak for, nor another spokesman named before; the description is who it is
            return Entity(self.tables.lower_determiner(phrase), "anonymous", described.role, described.country, described.gender,
                          surname=(described.head or "").casefold() or None), "anonymous", "speakers.aide_of_named"
        if persons and (self.tables.only_closers(text[persons[-1].end:end]) or self.tables.patterns.of_place.fullmatch(text, persons[-1].end, end)) \
                and not self._named_in_modifier(start, end, persons[-1], described):
            entity = persons[-1].entity
            self._enrich(entity, described)
            self._enrich_from_apposition(entity, start, end)
            if persons[-1].by_role:
                return entity, "role", self._role_mention_rules.get(persons[-1].start, "speakers.role_noun")
            return entity, "name", "speakers.name"
        named = self._apposition_after(end)
        if named is not None and not described.plural:
            self._enrich(named, described)
            return named, "role", "speakers.apposition"
        return None

    def _description(self, start: int, end: int, phrase: str, words: list[str], described: Description) -> Resolved:
        """A phrase naming nobody the entities pass found: a source noun, a name it did not know, a role noun."""
        name = self.tables.name_part(phrase, self.lex)
        if described.anonymous and not described.plural and self._names_the_source(phrase, name, described):
            # "senior Norlandic negotiator Lio Orkan": a source noun before a full name is the person's title
            entity = self._person_named(name, described, start)
            self._enrich_from_apposition(entity, start, end)
            return entity, "name", "speakers.source_noun_name"
        if described.anonymous or described.plural:
            return self._anonymous(phrase, described, start), "anonymous", "speakers.anonymous"
        if name and all(self.tracker.could_be_name(w) for w in name.split()) and not self.lex.country_of_word(name) \
                and not self.lex.organisation(name) \
                and (described.role is None or len(name.split()) > 1 or described.head != words[-1]):
            # a name the tracker did not know: "militia commander Dren Haskel" -> "Dren Haskel"
            entity = self._person_named(name, described, start)
            self._enrich_from_apposition(entity, start, end)
            return entity, "name", "speakers.unknown_name"
        if described.role is not None:
            return self._role_phrase(start, end, phrase, described)
        # an unknown capitalised name: keep the name part ("rescue leader Mara Tenn" -> "Mara Tenn")
        country = self.lex.country_of_word(name) if name else None
        if country is not None:  # the name part is a country's name or abbreviation ("a U.S."): the country, never a person
            return Entity(country, "country", country=country), "organisation", "speakers.country"
        if name:
            return self._person_named(name, described, start), "name", "speakers.unknown_name"
        return Entity(self.tables.lower_determiner(phrase), "anonymous"), "anonymous", "speakers.anonymous"

    def _role_phrase(self, start: int, end: int, phrase: str, described: Description) -> Resolved:
        """A role noun: the person holding the role (named before, after in a lead, or the gazetteer's), else the description."""
        entity, how = self._role_holder(start, end, described)
        if self.trace is not None:
            self._trace_role_vetoes(start, end, described, entity)
        if entity is not None:
            self._enrich(entity, described)
            return entity, "role", how
        if described.indefinite or described.role in self.tables.words.anonymous_roles:
            return self._anonymous(phrase, described, start), "anonymous", "speakers.anonymous"
        if described.definite and described.bare and not described.plural and described.head:
            # "The lawmaker added" after "A senior Russian lawmaker said": no holder named, so the fuller earlier
            # indefinite mention of that noun (speakers.role_description.fuller_earlier)
            head = described.head.casefold()
            earlier = self._described_earlier(described, head, start, surname=head)
            if earlier is not None:
                return earlier, "anonymous", "speakers.role_description.fuller_earlier"
        return Entity(self.tables.lower_determiner(phrase), "anonymous", described.role, described.country, described.gender,
                      surname=described.head and described.head.casefold()), "role", "speakers.role_description"

    def _named_in_modifier(self, start: int, end: int, person: Mention, described: Description) -> bool:
        """'Officials traveling with X', 'sources close to X': a person named after a preposition that
        follows an anonymous source noun is the object of its modifier, not the source (a veto)."""
        if not described.anonymous or not described.head:
            return False
        between = self.text[start:person.start]
        if "," in between:
            return False  # an apposition: "an official of the ministry, X," names the official
        words = [w.casefold() for w in WORD.findall(between)]
        head = described.head.casefold()
        if head not in words:
            return False
        vetoed = any(w in self.tables.modifier_prepositions for w in words[words.index(head) + 1:])
        if vetoed and self.trace is not None:
            self.trace.add("speakers", "speakers.veto.modifier_object", "vetoed", start, end, person.entity.name)
        return vetoed

    def _names_the_source(self, phrase: str, name: str, described: Description) -> bool:
        """A name of two words or more ends the phrase, after its source noun, and is neither a place nor a body."""
        words = name.split()
        head = described.head or ""
        between = [w.casefold() for w in WORD.findall(phrase[phrase.find(head) + len(head):phrase.rfind(name)])] if head else []
        if any(w in self.tables.modifier_prepositions for w in between):
            return False  # "an official traveling with Minister Ana Lind": the name is the modifier's object
        # a capitalised source noun ("Analyst Ola Brekke said" opening a sentence) is already cut from the name
        return len(words) > 1 and phrase.rstrip().endswith(name) and bool(head) and (head[:1].islower() or head not in words) \
            and phrase.find(head) < phrase.rfind(name) and all(self.tracker.could_be_name(w) for w in words) \
            and not self.lex.country_of_word(name) and not self.lex.organisation(name)

    def _person_named(self, name: str, described, start: int) -> Entity:
        """The document's person of that name (registered on first sight), completed by the description."""
        entity = self.tracker.lookup_name(name)
        if entity is None:
            entity = Entity(display_name(name), "person", described.role, described.country, described.gender,
                            surname=name.split()[-1])
            self.tracker.register(entity)
        self._enrich(entity, described)
        return entity

    def _both(self, phrase: str, start: int) -> Entity | None:
        """'both countries', 'the two sides': the last two countries or organisations named before."""
        both = self.tables.patterns.both.fullmatch(phrase.strip())
        if not both:
            return None
        # "both countries" are countries; "both sides" may be bodies too, never a news outlet ("told VOA")
        countries_only = WORD.findall(phrase)[-1].casefold() in self.tables.words.country_pair_nouns
        found: list[Entity] = []
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            if entity.kind == "organisation" and (countries_only or self._is_media(entity)):
                continue
            if entity.kind in ("country", "organisation") and all(e.name != entity.name for e in found):
                found.append(entity)
                if len(found) == 2:
                    first, second = found[1], found[0]
                    return Entity(self.tables.join_names(first.name, second.name), "group", plural=True)
        return self._parties_countries() or self._leaders_countries(start)

    def _leaders_countries(self, start: int) -> Entity | None:
        """'Vladimir Putin held talks with Narendra Modi. The two sides said': the countries of the two people most
        named before, when they are of two known countries, in the order the text first names them
        (speakers.both_parties.leaders)."""
        counts: Counter = Counter()
        first_seen: dict[str, int] = {}
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            if entity.kind != "person" or mention.quoted or not entity.country or (entity.role is None and entity.person is None):
                continue
            counts[entity.country] += 1
            first_seen[entity.country] = mention.start
        ranked = counts.most_common(3)
        if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
            return None
        first, second = sorted((country for country, _ in ranked[:2]), key=lambda c: first_seen[c])
        if self.trace is not None:
            self.trace.add("speakers", "speakers.both_parties.leaders", "set", start, start, self.tables.join_names(first, second))
        return Entity(self.tables.join_names(first, second), "group", plural=True)

    def _is_media(self, entity: Entity) -> bool:
        organisation = self.lex.organisation(entity.name)
        return organisation is not None and organisation.kind == "media"

    def _parties_countries(self) -> Entity | None:
        """A conversation of two labelled speakers of two countries ('PRESIDENT XI:', 'SECRETARY BLINKEN:'):
        'the two sides' are their countries, in label order, when the text has not named two before."""
        countries: list[str] = []
        for _, _, is_question, label in self.turns:
            if is_question or not label:
                continue
            entity = self._label_entity(label)
            if entity is None or not entity.country:
                return None
            if entity.country not in countries:
                countries.append(entity.country)
        if len(countries) != 2:
            return None
        if self.trace is not None:
            self.trace.add("speakers", "speakers.both_parties.labels", "set", 0, 0, self.tables.join_names(*countries))
        return Entity(self.tables.join_names(*countries), "group", plural=True)

    def _leader_pair(self, phrase: str, start: int) -> Entity | None:
        """'the two leaders', 'both Presidents': the two people most mentioned before, in the order the
        text first names them. A bare 'the leaders' needs two clear front-runners (no third person named
        as often as the second), since it may stand for a larger group."""
        match = self.tables.pair_of_people.fullmatch(phrase.strip())
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
        return Entity(self.tables.join_names(first.name, second.name), "group", plural=True,
                      country=first.country if first.country == second.country else None)

    def _organisation_entity(self, name: str, country: str | None) -> Entity:
        return Entity(name, "organisation", country=country)

    def _document(self, start: int, end: int, phrase: str, attribution, depth: int) -> Resolved:
        """'a study by Piper Sandler' -> Piper Sandler; 'IRS data' -> IRS; 'the statement' -> the last source."""
        link = self.tables.patterns.issuer_link.search(phrase)
        if link is not None and depth < 2:
            issuer = self._phrase(start + link.end(), end, attribution, depth + 1)
            if issuer[0].kind != "anonymous":
                return issuer[0], issuer[1], "speakers.document.issuer"
        words = list(WORD.finditer(phrase))
        modifier_end = words[-1].start() if words else 0
        modifier = phrase[:modifier_end].strip()
        if self.tables.entities.strip_determiner(modifier):
            inner = self._phrase(start, start + len(phrase[:modifier_end].rstrip()), attribution, depth + 1)
            if inner[0].kind != "anonymous":
                return inner[0], inner[1], "speakers.document.issuer"
        first_word = words[0].group().casefold() if words else ""
        head = words[-1].group().casefold() if words else ""
        if first_word in self.tables.anaphoric_determiners or head not in self.tables.independent_documents:
            issuer = self._issuer_before(start, head, depth)
            if issuer is not None:
                return issuer, "organisation", "speakers.document.issued_before"
            # "the statement", "its report": a document named before, issued by the last source
            for offset, entity in self._recent_before():
                if offset < start and entity.kind in ("person", "organisation", "country"):
                    return entity, "organisation", "speakers.document.last_source"
            for mention in self.tracker.entities_before(start):
                if mention.subject:
                    return mention.entity, "organisation", "speakers.document.last_source"
        # "a new poll", "emails released on Friday": a new study or record with no issuer named is its own source
        return Entity(self.tables.lower_determiner(phrase), "anonymous"), "anonymous", "speakers.document.own_source"

    def _issuer_before(self, start: int, head: str, depth: int) -> Entity | None:
        """Who issued the document named last before ``start`` ("The Kremlin issued a statement. The statement said"):
        the subject of the clause that issued, released or put out that very mention, within 600 characters."""
        if depth >= 2 or not head:
            return None
        last = self.tables.document_mention(head).search(self.text, max(0, start - 600), start)
        if last is None:
            return None
        mention_end = last.end()
        sentence = self.tracker.sentence_start(mention_end - 1)
        for span_start in self._starts_by_end.get(mention_end, ()):  # not every speaker span of the document
            # "A White House readout said ... According to the readout": the speaker that document was
            entity = self._noted.get(span_start)
            if span_start >= sentence and entity is not None and entity.kind != "anonymous":
                return entity
        if self.tables.document_issued_close(head).search(self.text, sentence, mention_end) is None:
            return None  # no clause issued this mention (and each try of the issuer's pattern reads on to it)
        found = self.tables.document_issued(head).search(self.text, sentence, mention_end)
        if found is None or found.end() != mention_end:
            return None
        begin, end = found.span("issuer")
        found = self._coordination(self.text[begin:end], begin, end) or self._phrase(begin, end, None, depth + 1)
        return None if found[0].kind == "anonymous" else found[0]

    def _organisation_phrase(self, start: int, end: int, phrase: str, words: list[str], described: Description) -> Resolved | None:
        lex = self.lex
        located = _LOCATED_BODY.match(phrase)
        if located is not None:
            body_words = WORD.findall(located.group("body"))
            if body_words and lex.organisation_heads.get(body_words[-1].casefold()) == "body":
                # "the U.S. Embassy in Moscow": the embassy (of the United States), not the place it is in
                return self._organisation_entity(self.tables.entities.strip_determiner(phrase), self._country_in(located.group("body"))), \
                    "organisation", "speakers.organisation_phrase"
        head = words[-1].casefold()
        organisations = [m for m in self.tracker.within(start, end) if m.entity.kind == "organisation"]
        # "the Kremlin", "North Korea's official KCNA news agency": a body named last, or followed by a noun of its kind only
        named_body = bool(organisations) and (self.tables.only_closers(self.text[organisations[-1].end:end])
                                              or self.tables.patterns.organisation_kind_tail.fullmatch(self.text, organisations[-1].end, end) is not None)
        owned = self.tables.patterns.source_of_body.match(phrase)
        if owned and (lex.organisation_heads.get(head) == "body" or (named_body and start + owned.end("source") < organisations[-1].start)) \
                and (owned.group("noun") in lex.anonymous_nouns or lex.titles.get(owned.group("noun")) is not None):
            # an unnamed body: "a spokesman for the embassy", "an official at the ministry": the person speaks and the
            # phrase as written (determiner lower-cased) is who, as for "a spokesman for the president"
            noun = owned.group("noun")
            source = self.tracker.describe(owned.group("source"))
            return Entity(self.tables.lower_determiner(phrase), "anonymous", source.role, source.country or self._country_in(phrase),
                          source.gender, surname=lex.anonymous_nouns.get(noun, noun)), "anonymous", "speakers.source_of_body"
        if named_body:
            return organisations[-1].entity, "organisation", "speakers.organisation_in_phrase"
        if lex.organisation_heads.get(head) != "body" and not (words[-1].casefold() in lex.adjectives and described.plural):
            of = f" {self.tables.entities.texts['of']} "
            if of in phrase:
                # "the Ministry of Foreign Affairs", "the Office of the Governor": head before "of"
                before = phrase[:phrase.index(of)]
                bw = WORD.findall(before)
                if bw and lex.organisation_heads.get(bw[-1].casefold()) == "body" and bw[-1][:1].isupper():
                    return self._organisation_entity(self.tables.entities.strip_determiner(phrase), described.country or self._country_in(phrase)), "organisation", "speakers.organisation_phrase"
            return None
        stripped = self.tables.entities.strip_determiner(phrase)
        stripped_words = stripped.split()
        country = described.country or self._country_in(phrase)
        if len(stripped_words) == 1:
            # "the ministry", "The Agency": the last organisation with that noun in its name
            antecedent = self._organisation_antecedent(start, head)
            if antecedent is not None:
                return antecedent, "organisation", "speakers.organisation_antecedent"
            return Entity(self.tables.lower_determiner(phrase), "organisation", country=country), "organisation", "speakers.organisation_phrase"
        for length in (3, 2, 1):
            if length >= len(stripped_words):
                continue
            first = self.tables.entities.without_possessive(" ".join(stripped_words[:length]))
            place = lex.country_of_word(first)
            if place is not None and not stripped_words[0][:1].islower():
                rest = " ".join(stripped_words[length:])
                adjective = lex.country_adjective.get(place, first)
                known = lex.organisation(f"{adjective} {rest}")
                if known is not None:
                    # "India's foreign ministry": the body the lexicon knows as the "Indian foreign ministry"
                    return self._organisation_entity(known.name, known.country or place), "organisation", "speakers.organisation_phrase"
                if len(stripped_words) - length > 1 and first != " ".join(stripped_words[:length]):
                    # "South Korea's intelligence service": a body described in several words keeps the words
                    # as written; only a one-word body is the country's by its adjective
                    return self._organisation_entity(stripped, place), "organisation", "speakers.organisation_phrase"
                # "South Korea's government" -> "South Korean government"
                return self._organisation_entity(f"{adjective} {rest}", place), "organisation", "speakers.organisation_phrase"
        return self._organisation_entity(stripped, country), "organisation", "speakers.organisation_phrase"

    def _organisation_antecedent(self, start: int, head: str) -> Entity | None:
        aliases = self.tables.organisation_aliases
        for mention in self.tracker.entities_before(start):
            entity = mention.entity
            if entity.kind != "organisation":
                continue
            names = aliases.get(entity.name, set()) | {name_key(entity.name)}
            if any(head in n.split() for n in names):
                return entity
        return None

    def _country_in(self, phrase: str) -> str | None:
        for word in WORD.findall(phrase):
            country = self.lex.country_of_word(self.tables.entities.without_possessive(word))
            if country:
                return country
        return None

    def _anonymous(self, phrase: str, described: Description, start: int | None = None) -> Entity:
        """An anonymous source keeps its description; a bare later mention is the fullest earlier one."""
        head = (described.head or "").casefold()
        singular = self.lex.anonymous_nouns.get(head, head)
        if described.bare and not described.indefinite:
            for _, entity in self._recent_before():
                if entity.kind == "anonymous" and entity.surname == singular and entity.plural == described.plural:
                    return entity
            if start is not None and not described.plural and head:
                # "the official" after "A senior Turkish official, speaking on condition of anonymity, ..."
                earlier = self._described_earlier(described, head, start, surname=singular)
                if earlier is not None:
                    return earlier
        if start is not None and described.definite and not described.bare and not described.plural and head:
            # "the Japanese official" after "A senior Japanese official said ...": the fuller earlier mention whose
            # words hold all of the definite one's (speakers.anonymous.fuller_earlier)
            fuller = self._fuller_earlier(phrase, head, start)
            if fuller is not None:
                return fuller
        if described.indefinite:
            name = self.tables.lower_determiner(phrase)
        elif described.plural or not described.bare:
            name = self.tables.entities.strip_determiner(phrase)  # "the UK authorities" -> "UK authorities"
        else:
            name = self.tables.lower_determiner(phrase)  # "the official" stays a description
        return Entity(name, "anonymous", described.role if not described.plural else None, described.country, described.gender,
                      plural=described.plural, surname=singular)

    def _last_indefinite_mention(self, head: str, start: int, wanted: set[str] | None = None) -> str | None:
        """The nearest indefinite mention of the source noun ``head`` ("A senior Turkish official") in the
        3,000 characters before ``start``; with ``wanted``, the nearest that has all those words."""
        earlier = None
        for match in self.tables.indefinite_mention(head).finditer(self.text[max(0, start - 3000):start]):
            if not wanted or wanted <= {w.casefold() for w in WORD.findall(match.group())}:
                earlier = match.group()
        return earlier

    def _described_earlier(self, described: Description, head: str, start: int, surname: str) -> Entity | None:
        """A bare definite source ("the official") as its nearest fuller indefinite mention before it, whose
        role and country come first."""
        earlier = self._last_indefinite_mention(head, start)
        if earlier is None:
            return None
        fuller = self.tracker.describe(earlier)
        return Entity(self.tables.lower_determiner(earlier), "anonymous", fuller.role or described.role,
                      fuller.country or described.country, described.gender, surname=surname)

    def _fuller_earlier(self, phrase: str, head: str, start: int) -> Entity | None:
        """The nearest earlier indefinite mention of the source noun ``head`` that has every word of ``phrase``
        after its determiner ("A senior Japanese official" for "the Japanese official"), as an anonymous entity."""
        wanted = {w.casefold() for w in WORD.findall(self.tables.entities.strip_determiner(phrase))}
        earlier = self._last_indefinite_mention(head, start, wanted)
        if earlier is None:
            return None
        fuller = self.tracker.describe(earlier)
        if self.trace is not None:
            self.trace.add("speakers", "speakers.anonymous.fuller_earlier", "set", start, start + len(phrase), earlier)
        return Entity(self.tables.lower_determiner(earlier), "anonymous", fuller.role, fuller.country, fuller.gender,
                      surname=self.lex.anonymous_nouns.get(head, head))

    def _further_source(self, phrase: str) -> Entity:
        """'said another' after 'One official said': another official, a new source of the last anonymous one's kind."""
        word = " ".join(phrase.casefold().split())
        for _, entity in self._recent_before():
            if entity.kind == "anonymous" and entity.surname:
                plural = word == self.tables.texts["others"]
                noun = next((form for form, singular in self.lex.anonymous_nouns.items()
                             if singular == entity.surname and form != singular), entity.surname) if plural else entity.surname
                return Entity(f"{self.tables.texts['other'] if plural else word} {noun}", "anonymous", None if plural else entity.role, entity.country,
                              plural=plural, surname=entity.surname)
        return Entity(word, "anonymous", plural=word == self.tables.texts["others"])

    def _enrich(self, entity: Entity, described: Description) -> None:
        if entity.kind != "person":
            return
        if described.role:
            if described.role not in entity.roles and not any(self.tables.entities.roles_compatible(described.role, r) for r in entity.roles):
                entity.roles.add(described.role)
            if entity.role is None:
                entity.role = described.role
        entity.country = entity.country or described.country
        entity.gender = entity.gender or described.gender

    def _enrich_from_apposition(self, entity: Entity, start: int, end: int) -> None:
        """'Dmitry Peskov, the Kremlin spokesman,' and 'the Kremlin spokesman, Dmitry Peskov,' describe the name."""
        after = self.tables.patterns.apposition_after.match(self.text[end:end + 120])
        if after:
            self._enrich(entity, self.tracker.describe(after.group(1)))
        before = self.tables.patterns.apposition_before.search(self.text[max(0, start - 120):start])
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

    def _role_antecedent(self, start: int, end: int, described: Description, home_country: str | None = None) -> Entity | None:
        """The person a role noun stands for; ``home_country``: the document's, by default."""
        return self._role_holder(start, end, described, home_country)[0]

    def _role_holder(self, start: int, end: int, described: Description, home_country: str | None = None) -> tuple[Entity | None, str]:
        """The person a role noun stands for and the rule that found them: named before (sentence subjects
        first), named after in a news lead, or the gazetteer's holder of the role in the document's year."""
        country = described.country
        home_country = home_country or getattr(self, "home_country", None)
        if country is None and self.transcript_country and not described.indefinite:
            # a briefer's "the President" is their own country's, whoever the reporter named before
            country = self.transcript_country
        if country is None and described.title_country and not described.country and not described.indefinite:
            # "the Foreign Secretary" is someone the text gave that very title ("Foreign Secretary Vikram Misri"),
            # else the title's government's, never the Turkish foreign minister named before; in a text whose
            # established home is another country (India's) the office is that country's
            entity = self._titled_before(start, end)
            if entity is None and (home_country is None or self.home_is_guess or home_country == described.title_country):
                entity = self._role_named_before(start, described, described.title_country)
                country = described.title_country
            if entity is not None:
                return entity, "speakers.role_antecedent"
        if described.indefinite:
            return self._role_named_after(end, described, country), "speakers.role_cataphora"
        if country is None and home_country and not self.home_is_guess and described.definite \
                and (described.head or "")[:1].isupper():
            # a readout's formal "The President" is the home country's, when it names that person
            for mention in self.tracker.entities_before(start):
                if self._holds_role(mention.entity, described, home_country):
                    return mention.entity, "speakers.role_antecedent"
        entity = self._role_named_before(start, described, country)
        if entity is not None:
            return entity, "speakers.role_antecedent"
        entity = self._gazetteer_holder(described, country, home_country)
        if entity is None and country is None and self.tracker.year and self.tracker.year_is_dated and described.definite \
                and (described.head or "")[:1].isupper() and described.role not in self.tables.entities.many_holder_roles:
            holder = self._holder_of_text_country(described.role)
            if holder is not None:
                return self.tracker.entity_for_person(holder, holder.name), "speakers.role_holder.text_country"
        return entity, "speakers.role_holder"

    def _holds_role(self, entity: Entity, described: Description, wanted_country: str | None) -> bool:
        """Whether a person of the text holds a role compatible with the described one, of that country and gender."""
        if entity.kind != "person" or not entity.roles:
            return False
        if not any(self.tables.entities.roles_compatible(described.role, held) for held in entity.roles):
            return False
        if wanted_country and entity.country != wanted_country:
            return False
        if described.title_country and entity.country != described.title_country and described.role not in entity.roles:
            # an office of one government ('the Secretary', 'the Foreign Secretary') is another country's person only
            # under that very title: Iraq's foreign minister is no 'Secretary'
            return False
        return entity.compatible_gender(described.gender)

    def _trace_role_vetoes(self, start: int, end: int, described: Description, chosen: Entity | None) -> None:
        """The people before the one chosen (or all, when none was) who hold a compatible role but not of the
        described country or gender: the vetoes that passed them over, once each."""
        country = described.country or (None if described.indefinite else self.transcript_country)
        if described.indefinite:
            candidates = [m.entity for m in self.tracker.entities_after(end, end + 400)]
        else:
            candidates = [m.entity for m in self.tracker.entities_before(start)] + [e for _, e in self._recent_before()]
        seen: list[Entity] = []
        for entity in candidates:
            if entity is chosen:
                break
            if entity.kind != "person" or any(entity is e for e in seen) \
                    or not any(self.tables.entities.roles_compatible(described.role, held) for held in entity.roles):
                continue
            seen.append(entity)
            if country and entity.country != country:
                self.trace.add("speakers", "speakers.veto.role_country", "vetoed", start, end, entity.name)
            elif not entity.compatible_gender(described.gender):
                self.trace.add("speakers", "speakers.veto.role_gender", "vetoed", start, end, entity.name)

    def _role_named_before(self, start: int, described: Description, country: str | None) -> Entity | None:
        """The nearest earlier holder: a sentence subject outside quotations, else a speaker, else any mention."""
        fallback = None
        for mention in self.tracker.entities_before(start):
            if self._holds_role(mention.entity, described, country):
                if mention.subject and not mention.quoted:
                    return mention.entity
                fallback = fallback or mention.entity
        for _, entity in self._recent_before():
            if self._holds_role(entity, described, country):
                return entity
        return fallback

    def _titled_before(self, start: int, end: int) -> Entity | None:
        """The nearest earlier person written with the role noun's own words as a title before their name
        ("Foreign Secretary Vikram Misri" for "the Foreign Secretary")."""
        words = WORD.findall(self.tables.entities.strip_determiner(self.text[start:end]))
        title = " ".join(words).casefold()
        if not title:
            return None
        for mention in self.tracker.entities_before(start):
            if mention.entity.kind == "person" and " ".join(WORD.findall(self.text[max(0, mention.start - 40):mention.start])).casefold().endswith(title):
                return mention.entity
        return None

    def _role_named_after(self, end: int, described: Description, country: str | None) -> Entity | None:
        """Cataphora is a lead's device: "A Kremlin spokesman said ... Dmitry Peskov said" names the person in
        the next sentence or paragraph."""
        paragraph_end = self.text.find("\n", end)
        limit = end + 400 if paragraph_end < 0 else min(end + 400, paragraph_end)
        if paragraph_end >= 0:
            next_end = self.text.find("\n", paragraph_end + 1)
            limit = min(end + 400, next_end if next_end >= 0 else len(self.text))
        for mention in self.tracker.entities_after(end, limit):
            if self._holds_role(mention.entity, described, country):
                return mention.entity
        return None

    def _gazetteer_holder(self, described: Description, country: str | None, home_country: str | None) -> Entity | None:
        """The one person the gazetteer knows in the role, for the wanted country, in the document's year."""
        role = described.role
        home = home_country if (not self.home_is_guess or (described.head or "")[:1].isupper()) else None
        wanted_country = country or (home if described.definite or described.bare else None)
        if described.title_country and not described.country and (wanted_country is None or self.home_is_guess):
            # "the Foreign Secretary" of a text whose own country is unknown or only guessed from the countries
            # it names is the title's government's (title_countries); an established home (India's) stays
            if not self.tracker.year:
                return None  # undated: today's holder would be a guess; the role stays
            wanted_country = described.title_country
        if role in self.tables.entities.many_holder_roles:
            return None
        exact = bool(described.title_country) and wanted_country != described.title_country
        holder = self._holder_in(wanted_country, role, exact) if wanted_country else None
        return self.tracker.entity_for_person(holder, holder.name) if holder is not None else None

    def _holder_in(self, wanted_country: str, role: str, exact_only: bool = False):
        """The gazetteer's one holder of ``role`` in ``wanted_country`` in the document's year (now, undated), or None;
        ``exact_only``: one who holds that very role (another government's office title, such as 'Secretary')."""
        year = self.tracker.year
        candidates = self.tables.role_holders.of(wanted_country, role)
        holders = [p for p in candidates
                   if any(self.tables.entities.roles_compatible(role, t.role) and (t.holds_in(year) if year else t.is_current()) for t in p.roles)]
        exact = [p for p in holders if any(t.role == role and (t.holds_in(year) if year else t.is_current()) for t in p.roles)]
        holders = exact if exact or exact_only else holders
        if len(holders) > 1 and self.transcript_organisation:
            # a State Department briefer's "the Secretary" is the Secretary of State
            same_body = [p for p in holders if p.organisation_in(year) == self.transcript_organisation]
            holders = same_body or holders
        if len(holders) > 1 and year and self.transcript_person is not None:
            # in a hand-over year, the administration the labelled briefer serves: one whose term runs into the
            # year from before serves the outgoing holder, one whose term begins that year the incoming one
            # (speakers.role_holder.briefer_term)
            side = self._term_side(self.transcript_person.roles, year)
            if side is not None:
                same = [p for p in holders if any(t.role == role and self._term_side((t,), year) == side for t in p.roles)]
                if len(same) == 1:
                    if self.trace is not None:
                        self.trace.add("speakers", "speakers.role_holder.briefer_term", "set", 0, 0, same[0].name)
                    return same[0]
        if len(holders) > 1 and not self.transcript_organisation:
            # 'the Secretary' with a Secretary of State and a Secretary of Defense in office: the office the bare title
            # names in diplomatic news (speakers.toml bare_title_offices); a briefer's body decides above, and a
            # White House briefer's 'the Secretary' may be any department's
            office = dict(entry.split("|", 1) for entry in self.tables.words.bare_title_offices).get(role)
            named = [p for p in holders if any(t.role == office and (t.holds_in(year) if year else t.is_current()) for t in p.roles)]
            holders = named or holders
        if len(holders) > 1 and year:
            # in a hand-over year, the incoming holder (terms begin early in the year more often than not)
            incoming = [p for p in holders if any(t.role == role and any(lo == year for lo, _ in t.periods) for t in p.roles)]
            holders = incoming if len(incoming) == 1 else holders
        return holders[0] if len(holders) == 1 else None

    @staticmethod
    def _term_side(terms, year: int) -> str | None:
        """'outgoing' when a term holding in ``year`` began before it and ends in it, 'incoming' when it begins in
        it and runs on; None for any other term (or more than one kind)."""
        sides = set()
        for term in terms:
            for lo, hi in term.periods:
                if (lo is None or lo <= year) and (hi is None or year <= hi):
                    if hi == year and (lo is None or lo < year):
                        sides.add("outgoing")
                    elif lo == year and (hi is None or hi > year):
                        sides.add("incoming")
                    else:
                        sides.add(None)
        return sides.pop() if len(sides) == 1 else None

    def _holder_of_text_country(self, role: str):
        """A dated readout's formal "The Prime Minister" with no country of its own: the holder that year in
        the one country the text names that has such an office. Two such countries leave the role: which
        one is more often named says nothing of whose readout it is. A country known only through a person the
        text names is not one: had that country's office holder been meant, the text names them; the person
        is the counterpart ("The Prime Minister phoned President Ferreira": not Chile's prime minister)."""
        # a country named only as a counterpart's own ("Prime Minister Netanyahu of Israel", "Israeli Prime Minister
        # Netanyahu") is the counterpart's, not the readout's (speakers.role_holder.text_country)
        own = self._counterpart_country_spans()
        countries = {country for start, end, country in self.tracker.country_spans() if (start, end) not in own} \
            | {m.entity.country for m in self.tracker.mentions
               if m.entity.country and m.entity.kind != "person" and (m.start, m.end) not in own}
        holders = [holder for country in sorted(countries) if (holder := self._holder_in(country, role)) is not None]
        if len(holders) > 1:
            # "talks between the UK and US" in a readout of a call with President Trump: the one country the
            # text pairs with a counterpart's is the readout's own (speakers.role_holder.paired_country)
            paired = self._paired_with_counterparts()
            holders = [holder for holder in holders if holder.country in paired]
            if len(holders) == 1 and self.trace is not None:
                self.trace.add("speakers", "speakers.role_holder.paired_country", "set", 0, 0, holders[0].name)
        return holders[0] if len(holders) == 1 else None

    def _counterpart_country_spans(self) -> set[tuple[int, int]]:
        """The spans of the country names written as a named person's own: inside the person's mention, before it
        with only title words between ("Israeli Prime Minister Netanyahu") or after it joined by 'of' ("Netanyahu
        of Israel")."""
        tracker, text = self.tracker, self.text
        own = set()
        for start, end, _ in tracker.country_spans():
            after = next((m for m in tracker.entities_after(end - 1, end + 60) if m.start >= end), None)
            before = next((m for m in tracker.entities_before(start, 80) if m.end <= start), None)
            covering = tracker.crossing(start)
            inside = covering is not None and covering.entity.kind == "person"
            titled = after is not None and after.entity.kind == "person" and self._only_titles_between(end, after.start)
            joined = before is not None and before.entity.kind == "person" \
                and self.tables.patterns.person_of_country.fullmatch(text, before.end, start) is not None
            if inside or titled or joined:
                own.add((start, end))
        return own

    def _only_titles_between(self, end: int, start: int) -> bool:
        """Whether a country's name ending at ``end`` and a person's starting at ``start`` have only a possessive and
        title words between them, on one line ("'s Prime Minister ")."""
        gap = self.text[end:start]
        for ending in self.tables.entities.possessive_endings:
            gap = gap.removeprefix(ending)
        return "\n" not in gap and not _CLAUSE_BREAK.match(gap) \
            and all(w.casefold() in self.tracker.title_words for w in WORD.findall(gap))

    def _paired_with_counterparts(self) -> set[str]:
        """The countries the text joins with the country of a person it names ('the UK and US', 'UK-US'):
        the other side of a bilateral readout."""
        counterparts = {m.entity.country for m in self.tracker.mentions if m.entity.kind == "person" and m.entity.country}
        spans = self.tracker.country_spans()
        paired: set[str] = set()
        for (_, end, first), (start, _, second) in itertools.pairwise(spans):
            if first != second and _PAIR_JOIN.fullmatch(self.text, end, start):
                if first in counterparts:
                    paired.add(second)
                if second in counterparts:
                    paired.add(first)
        return paired - counterparts

    def _home_country(self) -> str | None:
        """The country whose officials the document speaks from: the transcript's labelled speakers, else its first subject."""
        for start, end, is_question, label in self.turns[:LOOKBACK_MENTIONS]:
            if label and not is_question:
                entity = self._label_entity(label)
                if entity is not None and entity.country:
                    self.transcript_country = entity.country
                    self.transcript_organisation = entity.organisation
                    self.transcript_person = entity.person
                    return entity.country
        first = next((m for m in self.tracker.mentions if m.subject and m.entity.kind == "person" and m.entity.country), None)
        leading = self._leading_role(first.start if first is not None else len(self.text))
        if leading is not None:
            # "The Prime Minister phoned President X. ... President X said": a readout's own principal is
            # the unnamed role that opens it; the named subjects are its counterparts (speakers.home.leading_role)
            if self.trace is not None:
                self.trace.add("speakers", "speakers.home.leading_role", "set", leading[0], leading[1],
                               leading[2] or "no country")
            if leading[2]:
                return leading[2]
            self.home_is_guess = True
            self._unknown_principal = (leading[0], self.tracker.describe(self.text[leading[0]:leading[1]]).role)
            self.tracker.unknown_principal = self._unknown_principal
            return None
        if first is not None:
            return first.entity.country
        # a guess, used only for a formal capitalised "The President": the most named country
        counts = Counter(m.entity.country for m in self.tracker.mentions[:LOOKBACK_MENTIONS] if m.entity.country)
        self.home_is_guess = True
        if not counts:
            return None
        country, count = counts.most_common(1)[0]
        return country if 2 * count > sum(counts.values()) else None  # only a clear majority

    def _leading_role(self, limit: int) -> tuple[int, int, str | None] | None:
        """A definite, capitalised role noun that is a sentence's subject before ``limit`` ("The Prime Minister
        spoke to ...", "The Foreign Secretary met ..."): its span and the country it says or its title implies."""
        for match in self.tables.role_nouns.finditer(self.text, 0, limit):
            start, end = match.span()
            sentence = self.sentence_starts[max(0, bisect.bisect_right(self.sentence_starts, start) - 1)] if self.sentence_starts else 0
            if not _OPENING.fullmatch(self.text, sentence, start) or _CAPITAL_NEXT.match(self.text[end:end + 3]) \
                    or self.text.startswith(self.tables.entities.possessive_endings, end) or self.tracker.within(start, end):
                continue
            described = self.tracker.describe(match.group())
            if described.role is None or not described.definite or described.role in self.tables.entities.words.generic_roles \
                    or not (described.head or "")[:1].isupper():
                continue
            return start, end, described.country or described.title_country
        return None

    def _note(self, offset: int, entity: Entity) -> None:
        self.recent.append((offset, entity))
        self._noted[offset] = entity

    def _recent_before(self):
        """The speakers resolved so far, latest first, bounded."""
        return reversed(self.recent[-LOOKBACK_SPEAKERS:])


def resolve_speakers(text: str, sentences: list[Sentence], attributions: list[Attribution], lexicon: Lexicon, turns=None,
                     year: int | None = None, trace: Trace | None = None,
                     tables: SpeakerTables | None = None, analysis: TextAnalysis | None = None) -> tuple[list[Speaker], EntityTracker]:
    """Resolve every attribution's speaker; also return the document's entities for later stages.

    ``tables`` are the stage's compiled tables (``Language.speaker_tables``, built once per language);
    without them they are built for this call.

    With a ``trace``, each speaker's deciding rule (``speakers.<how>``, action ``set``, the resolved name
    as note) and each candidate antecedent a veto rejected (``speakers.veto.<name>``) are recorded."""
    tables = tables or SpeakerTables.build(lexicon)
    resolver = SpeakerResolver(text, sentences, lexicon, tables, turns, year, attributions, trace, analysis)
    return resolver.resolve(attributions), resolver.tracker


def with_turns(document: Document, lexicon: Lexicon, tables: SpeakerTables | None = None) -> Document:
    """``--turns``: every labelled answer turn of a transcript becomes a statement of kind ``turn`` by
    its speaker (rule ``turn.label``; the cue is the label's colon, the content the turn's words), added
    after the document's other statements. Reporters' questions are left out. Off by default: the
    annotation guidelines count the reported speech inside turns, not the turns."""

    text = document.text
    turns = find_turns(text, lexicon)
    if not turns:
        return document
    tables = tables or SpeakerTables.build(lexicon)
    resolver = SpeakerResolver(text, segment_sentences(text, lexicon), lexicon, tables, turns)
    confidence = tables.turn_confidence
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
