"""Pronoun speakers: who 'I', 'we', 'you', 'he', 'she', 'it' and 'they' refer to, and the vetoes on their antecedents."""

from __future__ import annotations

import bisect
import itertools

import regex

from diplo_cli.entities import Entity, Mention
from diplo_cli.language.lexicons import name_key
from diplo_cli.models import Attribution, Span, Speaker
from diplo_cli.speakers.state import ResolverState
from diplo_cli.text.segment import turn_body_start

_WORD = regex.compile(r"\p{L}+")


class PronounReader(ResolverState):
    """The pronoun methods of :class:`~diplo_cli.speakers.resolver.SpeakerResolver` (a mixin: they call the
    resolver's ``_note``, ``_recent_before`` and ``_speaker_of`` and the transcript methods)."""

    _quotations: list[tuple[int, int, int]]  # (start, end, attribution index) of the quotations, set by resolve()
    _quotation_starts: list[int]

    def _pronoun(self, mention: Span, pronoun: str, attribution: Attribution, attributions, done: list[Speaker]) -> tuple[Speaker, str]:
        """Who a pronoun refers to, and the id of the rule that decided."""
        gender, number, person = self.lex.pronouns[pronoun]
        if person == "1":
            return self._first_person(mention, number, attribution, attributions, done)
        if person == "2":
            return self._second_person(mention)
        plural = number == "pl"
        own_quote = (attribution.content.start, attribution.content.end) if attribution.kind in ("direct", "mixed") else None
        turn_speaker = self._turn_entity(mention.start)
        pair = self._recent_pair(mention.start) if plural else None
        group = (*pair, "speakers.pronoun.pair") if pair is not None else None
        if plural:
            named = self._pair_subject_before(mention.start)
            if named is not None and (group is None or named[0] > group[0]):
                group = (*named, "speakers.pronoun.pair_phrase")
            else:
                named = self._plural_subject_before(mention.start)
                if named is not None and (group is None or named[0] > group[0]):
                    group = (*named, "speakers.pronoun.plural_subject")
        for offset, entity, how in self._pronoun_candidates(mention.start, gender, plural):
            veto = self._place_veto(offset, entity, own_quote, turn_speaker)
            if veto is None:
                if plural and group is not None and group[0] >= offset:
                    entity, how = group[1], group[2]
                else:
                    veto = self._agreement_veto(entity, gender, plural)
            if veto is not None:
                if self.trace is not None:
                    self.trace.add("speakers", veto, "vetoed", mention.start, mention.end, entity.name)
                continue
            wanted_gender = gender if gender in ("m", "f") else None
            if not plural and gender != "n" and entity.gender is None and wanted_gender:
                entity.gender = wanted_gender
            self._note(mention.start, entity)
            return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun"), how
        if plural and group is not None:
            self._note(mention.start, group[1])
            return Speaker(mention, group[1].name, None, group[1].country, False, "pronoun"), group[2]
        return Speaker(mention, mention.text, None, None, False, "pronoun"), "speakers.pronoun.unresolved"

    def _pronoun_candidates(self, offset: int, gender: str, plural: bool) -> list[tuple[int, Entity, str]]:
        """The speakers and sentence subjects before ``offset``, nearest first, with the people named in the
        pronoun's sentence or the one before it merged in by sentence; then any person named before (objects,
        possessors), nearest first. Each with the id of the rule that ranks it."""
        candidates: list[tuple[int, Entity]] = [(start, entity) for start, entity in self._recent_before() if start < offset]
        fallback: list[tuple[int, Entity]] = []
        wants_fallback = not plural and gender != "n"
        contents = [(a.content.start, a.content.end) for a in self._attributions if a.content.end <= offset] \
            if gender == "n" else []
        for m in self.tracker.entities_before(offset):
            if m.subject or (gender == "n" and m.entity.kind in ("organisation", "country")
                             and not any(start <= m.start < end for start, end in contents)):
                # a country named inside what a source said ("... said the leaders discussed Ukraine. It added")
                # is no antecedent of the next "it": its source is (speakers.pronoun.antecedent)
                candidates.append((m.start, m.entity))
            elif wants_fallback and m.entity.kind == "person" and not m.quoted:
                fallback.append((m.start, m.entity))
        candidates.sort(key=lambda item: item[0], reverse=True)
        ranked = [(start, entity, "speakers.pronoun.antecedent") for start, entity in candidates]
        # a person named in the pronoun's own sentence or the one before, not as its subject ("Ana Lind hosted
        # Piet Varga. He said"), comes before the subjects of older sentences; within a sentence, subjects first.
        # Not after a pronoun of the same gender in that sentence: its subject is then another person, under a
        # pronoun ("He was asked if he would meet Varga. He said") (speakers.pronoun.near_person)
        near = self._worded_sentences_back(offset, 2)
        near_start = self.sentences[near[-1]].start if near else 0
        rest: list[tuple[int, Entity, str]] = []
        for start, entity in fallback:
            if start >= near_start and not self._after_same_pronoun(start, gender):
                ranked.append((start, entity, "speakers.pronoun.near_person"))
            else:
                rest.append((start, entity, "speakers.pronoun.antecedent"))
        ranked.sort(key=lambda item: (self._sentence_index(item[0]), item[2] != "speakers.pronoun.near_person", item[0]), reverse=True)
        return ranked + rest

    def _sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def _worded_sentences_back(self, offset: int, count: int) -> list[int]:
        """The indexes of the sentence holding ``offset`` and of those before it, nearest first, ``count`` in all,
        passing over sentences of no word (a list number '3.' read as a sentence of its own)."""
        found: list[int] = []
        own = self._sentence_index(offset)
        for position in range(own, -1, -1):
            sentence = self.sentences[position]
            if position == own or _WORD.search(self.text, sentence.start, sentence.end):
                found.append(position)
                if len(found) == count:
                    break
        return found

    def _after_same_pronoun(self, offset: int, gender: str) -> bool:
        """A singular third-person pronoun of ``gender`` stands before ``offset`` in its sentence."""
        index = self._sentence_index(offset)
        start = self.sentence_starts[index] if index >= 0 else 0
        for word in _WORD.findall(self.text[start:offset]):
            entry = self.lex.pronouns.get(word.casefold())
            if entry is not None and entry[2] == "3" and entry[1] == "sg" and entry[0] == gender:
                return True
        return False

    def _place_veto(self, offset: int, entity: Entity, own_quote: tuple[int, int] | None, turn_speaker: Entity | None) -> str | None:
        """A candidate antecedent the pronoun cannot refer to because of where it stands, by veto id."""
        if own_quote and own_quote[0] <= offset < own_quote[1]:
            return "speakers.veto.own_quotation"  # "I will go," she said: not someone named in her own words
        if turn_speaker is not None and entity is turn_speaker:
            return "speakers.veto.turn_speaker"  # a speaker's "he" in their own turn is someone else
        if any(start <= offset < end for start, end in self.label_spans):
            return "speakers.veto.label"
        return None

    @staticmethod
    def _agreement_veto(entity: Entity, gender: str, plural: bool) -> str | None:
        """A candidate the pronoun does not agree with in number, kind or gender, by veto id."""
        if plural:
            return None if entity.plural or entity.kind in ("organisation", "country", "group") else "speakers.veto.number"
        if gender == "n":
            # a body, a country, or a document that is its own source ("A new report said ... It also said"),
            # never a person or an anonymous person ("a senior official": a role)
            document = entity.kind == "anonymous" and entity.role is None and not entity.plural and entity.surname is None
            return None if entity.kind in ("organisation", "country") or document else "speakers.veto.kind"
        if entity.kind != "person":
            return "speakers.veto.kind"
        wanted_gender = gender if gender in ("m", "f") else None
        return None if entity.compatible_gender(wanted_gender) else "speakers.veto.gender"

    def _recent_pair(self, offset: int) -> tuple[int, Entity] | None:
        """'They' after 'President X spoke with President Y.': both people of the nearest sentence naming people;
        after 'Russia and China held talks.': both countries (speakers.pronoun.pair)."""
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        paragraph = self.sentences[index].paragraph if index >= 0 else None
        for position in range(index, max(-1, index - 4), -1):
            sentence = self.sentences[position]
            if sentence.paragraph != paragraph:
                break
            people: list[Mention] = []
            for m in self.tracker.within(sentence.start, min(sentence.end, offset)):
                if m.entity.kind in ("person", "country") and all(p.entity is not m.entity for p in people):
                    people.append(m)
            # the nearest two people named together ("the Secretary's visit builds on the talks between
            # President X and President Y, where they agreed": X and Y, not the Secretary and X)
            for first, second in reversed(list(itertools.pairwise(people))):
                between = self.text[first.end:second.start]
                # "welcomed X's decision": the second person owns the object, nobody met them
                owner = self.text.startswith(self.tables.entities.possessive_endings, second.end)
                # two countries only when coordinated ("Russia and China held talks"), not "Sweden met in Oslo"
                joined = self.tables.patterns.and_with.search(between) if first.entity.kind == "person" \
                    else self.tables.patterns.coordination.fullmatch(between)
                if first.entity.kind == second.entity.kind and not owner and joined and "." not in between.replace(". ", " ", 0):
                    group = Entity(self.tables.join_names(first.entity.name, second.entity.name), "group", plural=True,
                                   country=first.entity.country if first.entity.country == second.entity.country else None)
                    return second.start, group
            if any(p.entity.kind == "person" for p in people):
                return None
        return None

    def _pair_subject_before(self, offset: int) -> tuple[int, Entity] | None:
        """'The leaders discussed Ukraine. They agreed': a pair phrase ('the leaders', 'both ministers', 'the two
        sides') opening the pronoun's sentence or the one before is who 'they' are, as that phrase resolves
        (speakers.pronoun.pair_phrase)."""
        for position in self._worded_sentences_back(offset, 2):
            sentence = self.sentences[position]
            lead = self.tables.patterns.sentence_lead.match(self.text, sentence.start, min(sentence.end, offset))
            start = lead.end() if lead else sentence.start
            head = self.tables.pair_of_people.match(self.text, start, min(sentence.end, offset)) \
                or self.tables.patterns.both.match(self.text, start, min(sentence.end, offset))
            if head is None or not self._ends_word(head.end()):
                continue
            phrase = head.group()
            entity = self._leader_pair(phrase, head.start()) or self._both(phrase, head.start())
            if entity is not None:
                return head.start(), entity
        return None

    def _plural_subject_before(self, offset: int) -> tuple[int, Entity] | None:
        """'The Russians arrived late. They said', 'Iranian negotiators left. They said': a plural source noun or a
        people's name opening the pronoun's sentence or the one before, as that phrase resolves (a country, the
        source as written) (speakers.pronoun.plural_subject)."""
        for position in self._worded_sentences_back(offset, 2):
            sentence = self.sentences[position]
            limit = min(sentence.end, offset)
            lead = self.tables.patterns.sentence_lead.match(self.text, sentence.start, limit)
            start = lead.end() if lead else sentence.start
            for count, word in enumerate(_WORD.finditer(self.text, start, limit)):
                if count >= 5:
                    break
                lowered = word.group().casefold()
                if lowered in self.tables.words.no_subject_modifiers:
                    break
                demonyms = word.group()[:1].isupper() and lowered.endswith("s") and self.lex.adjectives.get(name_key(word.group()))
                if demonyms or self.lex.anonymous_nouns.get(lowered, lowered) != lowered:
                    entity, _, _ = self._phrase(start, word.end(), None, 1)
                    if entity.kind in ("country", "organisation", "group") or (entity.kind == "anonymous" and entity.plural):
                        return start, entity
                    break
        return None

    def _ends_word(self, offset: int) -> bool:
        return offset >= len(self.text) or not self.text[offset].isalnum()

    def _first_person(self, mention: Span, number: str, attribution, attributions, done) -> tuple[Speaker, str]:
        container = self._enclosing(attribution, attributions, done)
        if container is not None:
            if number == "pl" and not container.anonymous:
                if container.country and self._directive(attribution):
                    return Speaker(mention, container.country, None, container.country, False, "pronoun"), "speakers.pronoun.we_country"
                return self._we(mention, self._entity_named(container.name, container.country)), "speakers.pronoun.we_body"
            return Speaker(mention, container.name, container.role, container.country, container.anonymous, "pronoun"), \
                "speakers.pronoun.quoted_speaker"
        entity = self._turn_entity(mention.start)
        if entity is None and not self.turns:
            authors = self._heading_authors()
            if len(authors) == 1 or (authors and number == "pl"):
                # "Statement by Prime Minister X\n\nToday I spoke with ...": the author the heading names
                if number == "pl" and len(authors) > 1:
                    return Speaker(mention, self.tables.join_names(*(a.name for a in authors)), None,
                                   authors[0].country if len({a.country for a in authors}) == 1 else None, False, "pronoun"), \
                        "speakers.pronoun.heading_author"
                if number == "pl":
                    return self._we(mention, authors[0]), "speakers.pronoun.heading_author"
                self._note(mention.start, authors[0])
                return Speaker(mention, authors[0].name, authors[0].role, authors[0].country, False, "pronoun"), \
                    "speakers.pronoun.heading_author"
        if entity is None:
            return Speaker(mention, mention.text, None, None, False, "pronoun"), "speakers.pronoun.unresolved"
        if number == "pl":
            index = self._turn_at(mention.start)
            other = self._other_party(index) if index is not None else None
            if other is None and index is not None and self._reciprocal(attribution):
                # a joint appearance with reporters' questions: "we agreed" of one principal is both principals
                other = self._other_party(index, with_questions=True)
            if other is not None:
                # talks of two leaders: their "we noted", "as we agreed" is both of them, in label order
                first, second = sorted((entity, other), key=self._first_label_offset)
                return Speaker(mention, self.tables.join_names(first.name, second.name), None,
                               first.country if first.country == second.country else None, False, "pronoun"), \
                    "speakers.pronoun.both_parties"
            if entity.country and entity.kind != "country" and self._directive(attribution):
                return Speaker(mention, entity.country, None, entity.country, False, "pronoun"), "speakers.pronoun.we_country"
            return self._we(mention, entity), "speakers.pronoun.we_body"
        self._note(mention.start, entity)
        return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun"), \
            "speakers.pronoun.turn_speaker"

    def _heading_authors(self) -> list[Entity]:
        """The people a heading such as 'Statement by Prime Minister X' (the text's first line) names, in order."""
        heading = self.tables.patterns.author_heading.match(self.text)
        if heading is None:
            return []
        authors: list[Entity] = []
        for m in self.tracker.within(heading.start("authors"), heading.end("authors")):
            if m.entity.kind == "person" and all(a is not m.entity for a in authors):
                authors.append(m.entity)
        return authors

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

    def _reciprocal(self, attribution: Attribution) -> bool:
        """'we agreed', 'we concurred': a cue of what two parties do together (words.reciprocal_cues)."""
        return " ".join(attribution.cue.text.casefold().split()) in self.tables.words.reciprocal_cues

    def _directive(self, attribution: Attribution) -> bool:
        """'we urge all sides to ...', 'we have asked Europe to ...': a directive cue (cue_verbs.tsv class directive),
        an act of the state toward other parties: its 'we' is the speaker's country, not their office
        (speakers.pronoun.we_country)."""
        cue = " ".join(attribution.cue.text.casefold().split())
        verb = self.lex.cue_forms.get(cue) or self.lex.cue_forms.get(cue.split(" ")[0] if cue else "")
        return verb is not None and verb.cue_class == "directive"

    def _we(self, mention: Span, entity: Entity) -> Speaker:
        """'we' of a speaker: the body they speak for (the White House), else their government."""
        if entity.kind in ("organisation", "country"):
            return Speaker(mention, entity.name, None, entity.country, False, "pronoun")
        organisation = entity.organisation or (entity.person.organisation_in(self.tracker.year) if entity.person else None)
        if organisation:
            # the body's one name, as when the text names it ("the White House said" is "White House" too)
            known = self.lex.organisation(organisation)
            return Speaker(mention, known.name if known else organisation, None, entity.country, False, "pronoun")
        if entity.kind == "anonymous" and entity.country is None:
            return Speaker(mention, entity.name, None, None, True, "pronoun")
        if entity.country:
            return Speaker(mention, entity.country, None, entity.country, False, "pronoun")
        return Speaker(mention, mention.text, None, None, False, "pronoun")

    def _vocative(self, index: int, before: int) -> Entity | None:
        """The person a question turn opens by addressing, set off by a comma ("President Lind, ...", "Mr. Orkan, ...")."""
        body = turn_body_start(self.text, self.turns[index])
        for mention in self.tracker.within(body, before):
            title = " ".join(self.text[body:mention.start].split()).casefold()
            if (title and self.lex.titles.get(title) is None) or mention.entity.kind != "person":
                return None  # only a title may come before the name ("President Lind, ...")
            return mention.entity if self.text[mention.end:mention.end + 1] == "," else None
        return None

    def _second_person(self, mention: Span) -> tuple[Speaker, str]:
        index = self._turn_at(mention.start)
        if index is not None:
            is_question = self.turns[index][2]
            if not is_question:
                other = self._other_party(index)
                if other is not None:
                    return Speaker(mention, other.name, other.role, other.country, other.kind == "anonymous", "pronoun"), \
                        "speakers.pronoun.other_party"
                previous = self._previous_principal(index)
                if previous is not None:
                    # a joint appearance: "SECRETARY X: ... FOREIGN MINISTER Y: Thank you. As you said, ...": the one who spoke before
                    return Speaker(mention, previous.name, previous.role, previous.country, previous.kind == "anonymous", "pronoun"), \
                        "speakers.pronoun.previous_speaker"
                return Speaker(mention, self.tables.texts["reporter"], None, None, True, "pronoun"), "speakers.pronoun.reporter"
            addressee = self._vocative(index, mention.start)
            if addressee is not None:
                # "QUESTION: President Lind, you said ...": the person the question opens by addressing
                return Speaker(mention, addressee.name, addressee.role, addressee.country, False, "pronoun"), \
                    "speakers.pronoun.addressee"
            # a reporter's "you" is the briefer who answers
            for later in self.turns[index + 1:index + 6]:
                if not later[2] and later[3]:
                    entity = self._label_entity(later[3])
                    if entity is not None:
                        return Speaker(mention, entity.name, entity.role, entity.country, entity.kind == "anonymous", "pronoun"), \
                            "speakers.pronoun.briefer"
                    break
        return Speaker(mention, mention.text, None, None, False, "pronoun"), "speakers.pronoun.unresolved"
