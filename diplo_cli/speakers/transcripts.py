"""Transcript speakers: who a turn's label names ('MS. PSAKI:', 'President of Finland Ana Lind:'), and who
a turn's speaker and the other party are."""

from __future__ import annotations

import bisect

import regex

from diplo_cli.entities import Entity, display_name
from diplo_cli.speakers.state import ResolverState

# A translator's note after a transcript label: "(retranslated)", "(In Russian.)".
_LABEL_NOTE = regex.compile(r"\s*\([^()]*\)\s*$")


def _same_party(entity: Entity, other: Entity | None) -> bool:
    return other is not None and (entity is other or (entity.kind == other.kind == "person" and entity.name == other.name))


class TranscriptLabels(ResolverState):
    """The transcript methods of :class:`~diplo_cli.speakers.resolver.SpeakerResolver` (a mixin: a role
    label such as 'THE PRESIDENT:' is resolved by the resolver's ``_role_antecedent``)."""

    def _other_party(self, index: int, with_questions: bool = False) -> Entity | None:
        """In a conversation of two labelled speakers and no reporters' questions (talks between two
        leaders), a speaker's "you" is the other one; ``with_questions``: also in a joint appearance that
        takes reporters' questions (for what two principals do together, "we agreed")."""
        if not with_questions and any(turn[2] for turn in self.turns):
            return None
        own = self._label_entity(self.turns[index][3]) if self.turns[index][3] else None
        others: list[Entity] = []
        for turn in self.turns:
            if turn[3] and " ".join(_LABEL_NOTE.sub("", turn[3]).casefold().split()) in self.tables.words.host_labels:
                continue  # "MODERATOR:" runs the call, no party of it
            entity = self._label_entity(turn[3]) if turn[3] else None
            # the same person under a titled label and a name-only one ("Ana Lind (retranslated):") is one party
            if entity is not None and not _same_party(entity, own) and all(not _same_party(entity, e) for e in others):
                others.append(entity)
        if with_questions and len(others) > 1:
            # a spokesperson who opens a joint appearance ("MR PRICE: The Secretary and the Foreign Minister will ...")
            # moderates it: no principal
            others = [e for e in others if not self._briefs(e)]
        if len(others) > 1 and own is not None and own.country:
            # talks of two sides, a minister of one side speaking too ("Minister of Foreign Affairs of Russia X:"):
            # the speaker's own side is no other party, and only the side's first labelled speaker (its principal)
            # speaks with the other side's principal
            if any(e.country == own.country and self._first_label_offset(e) < self._first_label_offset(own) for e in others):
                return None
            others = [e for e in others if e.country != own.country] or others
        return others[0] if len(others) == 1 and own is not None else None

    def _briefs(self, entity: Entity) -> bool:
        """A spokesperson or press secretary (grammar.toml briefer_roles), by role or by the gazetteer's terms."""
        return entity.role in self.tables.briefer_roles or \
            (entity.person is not None and any(t.role in self.tables.briefer_roles for t in entity.person.roles))

    def _previous_principal(self, index: int) -> Entity | None:
        """The labelled speaker of the turn right before answer turn ``index``, when that turn is no reporter's
        question, no moderator's and another party's: whom a second principal answers ('Thank you. As you said')."""
        if index == 0 or self.turns[index - 1][2] or not self.turns[index - 1][3] or not self.turns[index][3]:
            return None
        label = self.turns[index - 1][3]
        if " ".join(_LABEL_NOTE.sub("", label).casefold().split()) in self.tables.words.host_labels:
            return None
        previous, own = self._label_entity(label), self._label_entity(self.turns[index][3])
        if previous is None or own is None or _same_party(previous, own) or previous.kind != "person":
            return None
        return previous

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
        words = self._without_leading_titles(words)
        name = " ".join(words)
        bare_role = self.tables.entities.strip_determiner(name).casefold() == (described.head or "").casefold()  # "THE PRESIDENT"
        if described.role and (described.anonymous or described.plural or bare_role):
            if described.anonymous or described.role == "official":
                key = " ".join(label.casefold().split())
                # "SENIOR ADMINISTRATION OFFICIAL:" is a phrase of one government's house style: its country
                # when neither the text nor the other labels give the transcript's (grammar.toml label_role_countries)
                home = getattr(self, "home_country", None) or self._labels_country(exclude=label)
                entity = Entity(key, "anonymous", described.role, described.country or home or self.tables.label_role_countries.get(key),
                                plural=described.plural)
                # "SENIOR STATE DEPARTMENT OFFICIAL:" speaks for the body the label names: its "we", its "the Secretary"
                entity.organisation = described.organisation
            else:
                described.definite = True
                # read while the home country is being worked out, so not yet known: the other labels' country
                home = getattr(self, "home_country", None) or self._labels_country(exclude=label) \
                    or self.tables.label_role_countries.get(" ".join(label.casefold().split()))
                entity = self._role_antecedent(0, 0, described, home) or Entity(label.title(), "person", described.role)
        else:
            entity = self.tracker.lookup_name(name)
            if (entity is None or entity.person is None) and not described.role:
                # "MR. MILLER:" with namesakes in the gazetteer: the one who briefs
                briefer = next((p for role in self.tables.briefer_roles if (p := self.tracker.gazetteer_person(name, role))), None)
                entity = self.tracker.entity_for_person(briefer, name) if briefer is not None else entity
            if entity is None:
                person = self.tracker.gazetteer_person(name, described.role or self.tables.entities.any_title)
                entity = self.tracker.entity_for_person(person, name) if person else Entity(display_name(name), "person", described.role, gender=described.gender)
            if entity.person is not None and not self._briefs_in_year(entity.person, name):
                # "MR. COOK:" in a 2016 Pentagon briefing is not the gazetteer's Robin Cook (in office until 2001)
                if self.trace is not None:
                    self.trace.add("speakers", "speakers.veto.label_out_of_office", "vetoed", 0, 0, entity.name)
                entity = Entity(display_name(name), "person", described.role, gender=described.gender, surname=name.split()[-1])
            entity.gender = entity.gender or described.gender
        self.label_entities[label] = entity
        return entity

    def _without_leading_titles(self, words: list[str]) -> list[str]:
        """The words of an upper-case label after its leading titles, one-word or longer ('SECRETARY BLINKEN',
        'FOREIGN MINISTER LAVROV', 'PRIME MINISTER KISHIDA' -> the name); a title alone stays ('THE PRESIDENT')."""
        while len(words) > 1:
            length = next((n for n in (3, 2, 1) if n < len(words) and self.lex.titles.get(" ".join(words[:n]).casefold()) is not None), 0)
            if not length:
                break
            words = words[length:]
        return words

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
            particles = self.tables.entities.name_particles
            for index in range(len(words) - 1, -1, -1):
                word, lowered = words[index], words[index].casefold()
                glued = any(p.endswith("-") and lowered.startswith(p) and word[len(p):len(p) + 1].isupper() for p in particles)
                if glued or (name_words and lowered in particles):
                    name_words.insert(0, word)  # "Ursula von der Leyen", "Omar el-Haddad": a particle inside the name
                    continue
                if not word[:1].isupper() or self.lex.titles.get(lowered) is not None \
                        or self.lex.country_of_word(word) or lowered in self.tables.words.label_connectors:
                    break
                if index and words[index - 1].casefold() in self.tables.words.label_connectors:
                    break  # "of Norland": the place of the role
                name_words.insert(0, word)
            # "President of the European Commission Ursula von der Leyen": the end of the body's name is no part
            # of the person's; the longest tail of two words or more that names a known person is the name
            whole = " ".join(name_words)
            if len(name_words) > 2 and self.tracker.lookup_name(whole) is None \
                    and self.tracker.gazetteer_person(whole, self.tables.entities.any_title) is None:
                for cut in range(1, len(name_words) - 1):
                    if self.tracker.gazetteer_person(" ".join(name_words[cut:]), self.tables.entities.any_title) is not None:
                        name_words = name_words[cut:]
                        break
        role_text = role.strip() or " ".join(words[:len(words) - len(name_words)])
        described = self.tracker.describe(role_text) if role_text else None
        name = " ".join(name_words)
        if not name:
            return Entity(label, "person", described.role if described else None)
        entity = self.tracker.lookup_name(name)
        if entity is None:
            person = self.tracker.gazetteer_person(name, (described.role if described else None) or self.tables.entities.any_title)
            entity = self.tracker.entity_for_person(person, name) if person else \
                Entity(display_name(name), "person", described.role if described else None,
                       described.country if described else None, surname=name_words[-1])
        return entity

    def _labels_country(self, exclude: str) -> str | None:
        for _, _, is_question, label in self.turns:
            if label and not is_question and label != exclude:
                words = self._without_leading_titles(label.title().split())
                person = self.tracker.gazetteer_person(" ".join(words), self.tables.entities.any_title)
                if person is not None and person.country and self._briefs_in_year(person, " ".join(words)):
                    return person.country
        return None

    def _briefs_in_year(self, person, name: str) -> bool:
        """A label of a surname alone ('MR. COOK') names someone who speaks in an office that year: a gazetteer
        namesake whose every office ended (or began) more than a year from the dated transcript's is someone else.
        A full name, or an undated text, keeps the gazetteer's person."""
        year = self.tracker.year
        if year is None or not self.tracker.year_is_dated or " " in name.strip() or not person.roles:
            return True
        return any(term.holds_in(year - 1) or term.holds_in(year) or term.holds_in(year + 1) for term in person.roles)
