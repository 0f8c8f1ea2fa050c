"""Who meets: the participants of one meeting mention, read off its clause and sentence."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from diplo_cli.language.lexicons import MeetingWord, name_key
from diplo_cli.meetings.common import (
    _PRONOUN_REACH,
    INVITED_TO_ADDRESS,
    PARTICIPANT_ADDRESSED_BODY,
    PARTICIPANT_ADJUNCT_SUBJECT,
    PARTICIPANT_ANSWER_PRONOUN,
    PARTICIPANT_ANSWER_WE,
    PARTICIPANT_ASKED,
    PARTICIPANT_ASKED_HOST,
    PARTICIPANT_ASKED_PRINCIPAL,
    PARTICIPANT_ASKED_YOU,
    PARTICIPANT_BRIEFER_WE,
    PARTICIPANT_COORDINATED_ACTORS,
    PARTICIPANT_GERUND_SUBJECT,
    PARTICIPANT_GROUP_EXAMPLE,
    PARTICIPANT_GROUP_OBJECT,
    PARTICIPANT_GROUP_SUBJECT,
    PARTICIPANT_GROUP_TOPIC,
    PARTICIPANT_GROUP_WITH_OBJECT,
    PARTICIPANT_GROUP_WRITTEN,
    PARTICIPANT_HOST_COUNTRY_IN,
    PARTICIPANT_INVITED_PRONOUN,
    PARTICIPANT_INVITED_VOICE,
    PARTICIPANT_JOINT_APPEARANCE,
    PARTICIPANT_JOINT_OWNER,
    PARTICIPANT_MAIN_SUBJECT,
    PARTICIPANT_MEMBERS_AFTER,
    PARTICIPANT_MEMBERS_APPOSED,
    PARTICIPANT_MEMBERS_AS_PEOPLE,
    PARTICIPANT_NOUN_HOLDER,
    PARTICIPANT_NOUN_REPORTER,
    PARTICIPANT_OBJECT_PRONOUN,
    PARTICIPANT_ORGANISATION_EVENT,
    PARTICIPANT_OUR_COUNTERPARTS,
    PARTICIPANT_OWNER_ONLY,
    PARTICIPANT_PAIR_NAMED_BEFORE,
    PARTICIPANT_PLURAL_TITLE,
    PARTICIPANT_POSSESSIVE,
    PARTICIPANT_PRONOUN_BODY,
    PARTICIPANT_PRONOUN_OBJECT_BODY,
    PARTICIPANT_PRONOUN_PARTNER,
    PARTICIPANT_ROLE_OBJECT,
    PARTICIPANT_ROLE_OWNER,
    PARTICIPANT_ROLE_SUBJECT,
    PARTICIPANT_SENDER_NOT_HOST,
    PARTICIPANT_SIDES_DEFINED,
    PARTICIPANT_SOME_OFFICIALS,
    PARTICIPANT_SPEAKER_SIDE,
    PARTICIPANT_SUBJECT_ONLY,
    PARTICIPANT_SUMMIT_COMMENTER,
    PARTICIPANT_TITLE_APPOSITION,
    PARTICIPANT_TOPIC,
    PARTICIPANT_TRIP_WE,
    PARTICIPANT_TURN_HOST,
    PARTICIPANT_UNDATED_HOLDER,
    PARTICIPANT_VISIT_HOST,
    PARTICIPANT_VISIT_HOST_BEFORE,
    PARTICIPANT_VOICE_SIDE,
    STAGE,
    TRIGGER_WHERE_WAS,
    Entity,
    MeetingMention,
    _last_group,
)
from diplo_cli.meetings.document import _Document
from diplo_cli.models import Span, Statement


@dataclass(frozen=True, slots=True)
class _Clause:
    """Where one trigger's participants are read: its sentence (``lower``:``upper``), its clause
    (``left``:``right``), the statement whose content holds it, and the mentions before it."""

    doc: _Document
    trigger: Span
    word: MeetingWord
    mtype: str
    lower: int
    upper: int
    left: int
    right: int
    statement: Statement | None
    previous: list[MeetingMention]
    inviter: Entity | None


class _ParticipantReader:
    """The participant rules of :class:`~diplo_cli.meetings.finder.MeetingFinder` (a mixin: it reads the finder's patterns)."""

    def _participants(self, doc: _Document, trigger: Span, word, mtype: str, lower: int, upper: int, left: int, right: int,
                      statement: Statement | None, previous: list[MeetingMention], inviter: Entity | None = None) -> list[Entity]:
        if (word.pos == "noun" and self.phrases.subject_predicate.match(doc.text, trigger.end, right)
                and self.phrases.definite_before.search(doc.text, max(lower, trigger.start - 40), trigger.start)):
            # 'the negotiations hinge on whether Norland can get Chile to ...': the predicate's names are not its participants
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_SUBJECT_ONLY, "set", trigger.start, right,
                              f"'{trigger.text}' is the subject of what follows it; the names there do not take part")
            right = trigger.end
        left = self._gerund_subject(doc, trigger, word, lower, left)
        clause = _Clause(doc, trigger, word, mtype, lower, upper, left, right, statement, previous, inviter)
        found = self._participants_read(clause)
        found = [e for e in found if e.kind == "person" or not self._media(e.name)]  # 'speaking to Reuters': the outlet meets nobody
        if mtype == "summit" and word.pos == "noun" and found:
            found = self._summit_commenters_out(clause, found)
        if not found and not previous and mtype in ("call", "meeting"):
            found = self._asked_people(doc, trigger)
        if word.pos == "verb" and mtype in ("meeting", "talks", "call") and found:
            found.extend(self._unlisted_people(doc, trigger, left, right, found))
        if found:
            topic = self._topic_people(doc, trigger, left, right)
            if topic:
                found = [e for e in found if e not in topic]
        if mtype in ("summit", "meeting") and found:
            named = self._named_event(doc.text, trigger, left)
            if named is not None and not self._event_members(named, trigger):
                # 'the Singapore Summit': a place named in the event's name is where it met, not who met; a listed
                # forum named so ('the East Asia Summit') is the event's group itself
                inside = name_key(named.name)
                found = [e for e in found if e.kind == "person" or name_key(e.name) not in inside or name_key(e.name) == inside]
        if found:
            found = self._leaders_as_written(doc, self._plural_titles_off(doc, found), lower, upper)
            found = self._some_officials(clause, found)
            found = self._undated_holders(clause, found)
            found = self._joint_appearance(clause, found)
            speaker = self._speaker_side(clause, found)
            if speaker is not None:
                found.insert(0, speaker)
            government = self._voice_side(clause, found)
            if government is not None:
                found.insert(0, government)
            principal = self._asked_principal(clause, found)
            if principal is not None:
                found.append(principal)
        return found

    def _gerund_subject(self, doc: _Document, trigger: Span, word, lower: int, left: int) -> int:
        """'X and Y stressed the value of ministers meeting face to face': a people noun right before the gerund 'meeting'
        (after a preposition; meeting_grammar.toml gerund_subject_before) is its subject, and the clause of its
        participants starts there: the people named before it speak of the meeting and do not hold it."""
        if word.pos != "noun" or not trigger.text.casefold().endswith("ing"):
            return left
        subject = self.phrases.gerund_subject_before.search(doc.text, max(lower, left, trigger.start - 60), trigger.start)
        if subject is None:
            return left
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_GERUND_SUBJECT, "set", subject.start("subject"), trigger.end,
                          f"'{subject.group('subject')}' is the subject of '{trigger.text}'; who is named before it does not meet")
        return subject.start("subject")

    def _voice_side(self, clause: _Clause, found: list[Entity]) -> Entity | None:
        """'Q Can you count on the Chileans to negotiate honestly?', 'MS. X: three secretaries went to Peru': talks whose
        one side is a single country, or a visit whose only participant is the country visited, in a transcript turn or a
        question put to an official of another country, are held or made by that official's government, the other side
        (talks take two, a visit a traveller)."""
        doc, trigger = clause.doc, clause.trigger
        if clause.mtype not in ("talks", "visit") or len(found) != 1 or found[0].kind != "country":
            return None
        asked = doc.question_voice(trigger.start)
        voices = doc.turn_voices(trigger.start) if asked is None else None
        voice = asked[0] if asked is not None else voices[0] if voices is not None else None
        if voice is None or voice.kind != "person" or not voice.country or voice.country == found[0].name:
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_VOICE_SIDE, "set", trigger.start, trigger.end,
                          f"'{trigger.text}' with {found[0].name} alone, in {voice.name}'s exchange: {voice.country} is the other side")
        return Entity(voice.country, "country", country=voice.country)

    def _asked_principal(self, clause: _Clause, found: list[Entity]) -> Entity | None:
        """'Q ... will that be raised in the meeting with President X?': in a reporter's question, a definite meeting noun
        whose only participant is the one person its 'with' object names, with no owner written, is the meeting of the
        principal the briefing speaks for: the one person the text's bare head title ('the President', 'the Prime
        Minister'; meeting_grammar.toml principal_title) stands for, when that is exactly one person of another country."""
        doc, trigger = clause.doc, clause.trigger
        if (len(found) != 1 or found[0].kind != "person" or clause.word.pos != "noun" or doc.question_voice(trigger.start) is None
                or not self.phrases.definite_before.search(doc.text, max(clause.lower, trigger.start - 40), trigger.start)):
            return None
        with_ = self.phrases.with_after.match(doc.text, trigger.end, clause.right)
        if with_ is None or found[0] not in doc.people(with_.end(), clause.right):
            return None
        principal = self._text_principal(doc)
        if principal is None or principal == found[0] or (found[0].country and principal.country == found[0].country):
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ASKED_PRINCIPAL, "set", trigger.start, with_.end(),
                          f"'{trigger.text}' with {found[0].name} asked about is {principal.name}'s, the principal the text names by title")
        return principal

    def _text_principal(self, doc: _Document) -> Entity | None:
        """The one person the text's bare head title stands for ('the President', 'the Prime Minister';
        meeting_grammar.toml principal_title), None when it names none or several; read once per text."""
        if not doc.principal:
            principals: list[Entity] = []
            titled = [(m.start, m.end, m.entity) for m in doc.persons] + list(doc.role_spans.within(0, len(doc.text)))
            for start, end, entity in titled:
                if self.phrases.principal_title.fullmatch(doc.text, start, end) and entity not in principals:
                    principals.append(entity)
            doc.principal.append(principals[0] if len(principals) == 1 else None)
        return doc.principal[0]

    def _plural_titles_off(self, doc: _Document, found: list[Entity]) -> list[Entity]:
        """'Presidents Putin and Xi met', 'Prime Ministers Modi and Kishida': a plural title the entities pass kept at the
        head of the first name ('Presidents Putin') is no part of it; the person is the one the rest of the name is."""
        kept: list[Entity] = []
        for entity in found:
            words = entity.name.split()
            if entity.kind == "person" and len(words) >= 2:
                for size in (2, 1):
                    head = " ".join(words[:size])
                    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1] if head.endswith("s") else None
                    if len(words) > size and singular and self.lex.title(singular) is not None:
                        rest = " ".join(words[size:])
                        person = doc.tracker.lookup_name(rest)
                        if person is not None and (person.kind != "person" or person.name == entity.name):
                            person = None  # the tracker took the surname for the name with its title
                        known = self.lex.person_by_alias.get(name_key(rest)) or self.lex.person_by_surname.get(name_key(rest)) or []
                        if person is None and len(known) == 1:
                            person = doc.tracker.entity_for_person(known[0], known[0].name)
                        entity = person if person is not None else Entity(rest, "person")
                        if doc.trace is not None:
                            doc.trace.add(STAGE, PARTICIPANT_PLURAL_TITLE, "set", doc.trigger_at, doc.trigger_at,
                                          f"'{head}' is a plural title before {entity.name}")
                        break
            if entity not in kept:
                kept.append(entity)
        return kept

    def _speaker_side(self, clause: _Clause, found: list[Entity]) -> Entity | None:
        """'Lavrov said the talks with Kerry were useful', 'Ukraine said the next round of talks with Russia ...': a meeting
        noun in a statement's content, with a 'with' object and nobody named before it in the content, is the speaker's
        with that object; the speaker (a person other than a briefer, or a country) is the other side."""
        doc, statement, trigger = clause.doc, clause.statement, clause.trigger
        if (statement is None or clause.word.pos != "noun" or statement.speaker.mention_kind == "anonymous"
                or not statement.content.start <= trigger.start <= statement.content.end
                or not self.phrases.speaker_side_lead.fullmatch(doc.text, statement.content.start, trigger.start)
                or not self.phrases.with_after.match(doc.text, trigger.end, clause.right)):
            return None
        country = self.lex.country_of_word(statement.speaker.name)
        speaker = Entity(country, "country", country=country) if country else doc.tracker.lookup_name(statement.speaker.name)
        if speaker is None or not (speaker.kind == "country" or (speaker.kind == "person" and not self._briefer(speaker))):
            return None
        if speaker in found or any(e.name == speaker.name or (speaker.kind == "country" and e.country == speaker.name) for e in found):
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_SPEAKER_SIDE, "set", statement.speaker.mention.start, trigger.end,
                          f"{speaker.name} speaks of its '{trigger.text}' with {', '.join(e.name for e in found)}: the other side")
        return speaker

    def _addressed_body(self, doc: _Document, trigger: Span, word, participants: list[Entity], upper: int) -> list[Entity]:
        """'the Speaker's invitation to Prime Minister X to address Congress': the one invited visits the body they are to
        address (a legislature or assembly, named right after the trigger), which hosts; the inviter (its Speaker, a
        senator) asks and does not take part."""
        if word.phrase != INVITED_TO_ADDRESS:
            return participants
        invitation = None
        sentence = doc.sentence_starts[max(0, bisect.bisect_right(doc.sentence_starts, trigger.start) - 1)]
        for invitation in self.phrases.invitation_word.finditer(doc.text, max(sentence, trigger.start - 200), trigger.start):
            pass  # the last one before the trigger, also when it is the cue of a statement whose content holds the trigger
        addressed = self.phrases.addressed_body_after.match(doc.text, trigger.end, upper)
        invited = doc.people(invitation.end(), trigger.start) if invitation is not None else []
        if not invited or addressed is None:
            return participants
        words = addressed.group("body").split()
        body = None
        for size in range(len(words), 0, -1):  # the longest listed name ('U.S. Congress next month': 'U.S. Congress')
            organisation = self.lex.organisation(" ".join(words[:size]))
            if organisation is not None:
                body = Entity(organisation.name, "organisation", country=organisation.country)
                break
        if body is None:
            return participants
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ADDRESSED_BODY, "set", invitation.start(), trigger.end,
                          f"{', '.join(e.name for e in invited)} invited to address {body.name}, which hosts; the inviter does not take part")
        return [*invited, body]

    def _host_country_in(self, doc: _Document, trigger: Span, mtype: str, participants: list[Entity], place: Span | None,
                         left: int, right: int) -> list[Entity]:
        """'Deputy Secretary X's meetings in Egypt', 'X held talks in Jordan': a meeting or talks of one named person, placed
        in a country (the country's own name, not a city) other than that person's, with nobody else named: the host
        country is the other side, as a visit's host is when no host person is named."""
        if (mtype not in ("meeting", "talks") or place is None or len(participants) != 1 or participants[0].kind != "person"
                or not left <= place.start < right or not self.phrases.in_country_before.search(doc.text, max(left, place.start - 12), place.start)):
            return participants
        country = self.lex.country_of_word(place.text)
        if country is None or name_key(place.text).removeprefix("the ") != name_key(country) or participants[0].country == country:
            return participants
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_HOST_COUNTRY_IN, "set", trigger.start, place.end,
                          f"'{trigger.text}' of {participants[0].name} in {country}, nobody else named: {country} is the other side")
        return [*participants, Entity(country, "country", country=country)]

    def _leaders_as_written(self, doc: _Document, found: list[Entity], lower: int, upper: int) -> list[Entity]:
        """'NATO leaders met', 'talks with the G8 leaders', 'envoys of the five permanent UN Security Council member
        countries': an organisation or region (no country) written right before 'leaders' or 'member countries' in the
        sentence (meeting_grammar.toml group_written_after, group_written_before) is the group as written, as the
        annotation guidelines list it, not the organisation; 'Iraqi leaders' stay Iraq."""
        text = doc.text
        spans = list(doc.bodies_index.within(lower, upper))
        for entity in found:  # a group named by the capitalised words of its clause ('Group of Eight leaders met')
            at = text.find(entity.name, lower, upper) if entity.kind in ("organisation", "group") else -1
            if at >= 0 and all((at, entity.name) != (start, other.name) for start, _, other in spans):
                spans.append((at, at + len(entity.name), entity))
        spans.sort(key=lambda item: item[0])
        names = {e.name for e in found if e.kind not in ("country", "person")}
        written: dict[str, Entity | None] = {}
        for start, end, entity in spans:
            if entity.name not in names or entity.name in written:
                continue
            after = self.phrases.group_written_after.match(text, end, upper)
            if after is None:
                continue
            parts = [entity.name]
            for other_start, other_end, other in reversed(spans):  # 'U.N. Security Council': one name in two bodies
                if other_end <= start and other.name in names and not text[other_end:start].strip():
                    start, parts = other_start, [other.name, *parts]
            before = self.phrases.group_written_before.search(text, max(lower, start - 40), start)
            group = Entity(self.without_the(text[before.start() if before else start:after.end()].strip()), "group")
            written.update({name: None for name in parts})
            written[parts[-1]] = group
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_GROUP_WRITTEN, "set", start, after.end(), f"'{group.name}': the officials of '{entity.name}', as written")
        if not written:
            return found
        kept: list[Entity] = []
        for entity in found:
            entity = written.get(entity.name, entity) if entity.kind not in ("country", "person") else entity
            if entity is not None and entity not in kept:
                kept.append(entity)
        return kept

    def _some_officials(self, clause: _Clause, found: list[Entity]) -> list[Entity]:
        """'met a Peruvian official', 'talks with senior Chilean diplomats', 'meetings with X and several Bolivian senior
        leaders': a country's adjective before an officials' noun in the trigger's object, with an indefinite or counting
        word or a rank written with it (meeting_grammar.toml some_officials), is some of that country's officials: they
        meet as written, and the country stands for nobody else there ('Chilean officials' bare stays Chile)."""
        doc, text, trigger = clause.doc, clause.doc.text, clause.trigger
        with_ = self.phrases.with_after.match(text, trigger.end, clause.right)
        if with_ is None and clause.word.pos != "verb":
            return found
        start = with_.end() - 1 if with_ is not None else trigger.end
        written: list[tuple[int, int, Entity]] = []
        for match in self.phrases.some_officials.finditer(text, start, clause.right):
            det, ranked = match.group("det"), match.group("rank") or match.group("rank2")
            if not (det or ranked) or (match.group("singular") and not det):
                continue  # 'Chilean officials' is Chile; 'Chilean official' takes a determiner
            adjective = match.group("adj")
            country = self.lex.adjectives.get(name_key(adjective))
            if country is None or doc.person_spans.overlaps(*match.span("group")) or doc.speakers.overlaps(*match.span("group")):
                continue  # 'X met Y, and a Peruvian official said ...': who reports the meeting, not who met
            phrase = self.phrases.some_officials_article.sub("", match.group("group"))
            written.append((match.start("group"), match.end("group"), Entity(phrase, "group", country=country)))
        if not written:
            return found
        named_elsewhere = set()
        bounds = [clause.left, *[edge for s, e, _ in written for edge in (s, e)], clause.right]
        for lower, upper in zip(bounds[::2], bounds[1::2]):
            named_elsewhere.update(e.name for e in doc.bodies(lower, upper))
        countries = {entity.country for _, _, entity in written}
        kept = [e for e in found if not (e.kind == "country" and e.name in countries and e.name not in named_elsewhere)]
        for start, end, entity in written:
            if entity not in kept:
                kept.append(entity)
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_SOME_OFFICIALS, "set", start, end,
                              f"'{entity.name}': some officials of {entity.country}, as written, not {entity.country}")
        return kept

    def _undated_holders(self, clause: _Clause, found: list[Entity]) -> list[Entity]:
        """'talks with the Peruvian president' in a text that writes no date (its year only guessed from the office-holders
        it names): the gazetteer's holder of that country's office is a guess the text never makes, so the office-holder
        meets as written ('Peruvian president'), when the text names that person nowhere by name."""
        doc = clause.doc
        if doc.tracker.year_is_dated:
            return found
        kept: list[Entity] = []
        for entity in found:
            if entity.kind == "person":
                mentions = doc.mentions_of(entity)
                here = [m for m in mentions if m.by_role and clause.lower <= m.start < clause.upper]
                if here and all(m.by_role for m in mentions):
                    written = self.without_the(doc.text[here[0].start:here[0].end])
                    words = written.split()
                    if any(self.lex.country_of_word(w) for w in words[:-1]):
                        if doc.trace is not None:
                            doc.trace.add(STAGE, PARTICIPANT_UNDATED_HOLDER, "set", here[0].start, here[0].end,
                                          f"'{written}' in an undated text: not {entity.name} the year guessed gives")
                        entity = Entity(written, "group", country=entity.country)
            if entity not in kept:
                kept.append(entity)
        return kept

    def _joint_appearance(self, clause: _Clause, found: list[Entity]) -> list[Entity]:
        """'The minister will hold a press conference with Y after his meeting': a meeting noun of one person, with no 'with'
        object, in a time adjunct ('after', 'before', 'following') of a press appearance with another person (meeting_grammar.toml
        joint_appearance_with): the meeting was with that person, who appears beside its owner."""
        doc, text, trigger = clause.doc, clause.doc.text, clause.trigger
        if (clause.word.pos != "noun" or len(found) != 1 or found[0].kind != "person"
                or self.phrases.with_after.match(text, trigger.end, clause.right)
                or not self.phrases.adjunct_before.search(text, max(clause.lower, trigger.start - 30), trigger.start)):
            return found
        appearance = None
        for appearance in self.phrases.joint_appearance_with.finditer(text, clause.lower, trigger.start):
            pass  # the last one before the trigger
        if appearance is None:
            return found
        partners = [e for e in doc.people(appearance.end(), trigger.start) if e.kind == "person" and e not in found]
        if not partners:
            return found
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_JOINT_APPEARANCE, "set", appearance.start(), trigger.end,
                          f"{found[0].name} appears with {partners[0].name} around '{trigger.text}': it was with {partners[0].name}")
        return [*found, partners[0]]

    def _summit_commenters_out(self, clause: _Clause, found: list[Entity]) -> list[Entity]:
        """'X sent her good wishes for the coming summit', 'X praised the summit': the people named before a summit
        noun, with no word of attending between them and it (meeting_grammar.toml attending), speak of it and do not
        attend; they are dropped when nobody is named after it."""
        doc, trigger = clause.doc, clause.trigger
        if doc.people(trigger.end, clause.right) or not self.phrases.definite_before.search(doc.text, max(clause.lower, trigger.start - 40), trigger.start):
            return found
        before = doc.people(clause.lower, trigger.start)
        if not before or self.phrases.attending.search(doc.text, clause.lower, trigger.start):
            return found
        kept = [e for e in found if e not in before]
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_SUMMIT_COMMENTER, "vetoed", clause.lower, trigger.end,
                          f"{', '.join(e.name for e in found if e in before)} speak of '{trigger.text}', not said to attend")
        return kept

    def _topic_people(self, doc: _Document, trigger: Span, left: int, right: int) -> list[Entity]:
        """'discussions regarding President X's visit (with Y)': the people named in the topic right after a meeting
        word, up to its 'with' or 'between' object; talked about, not met (unless named before the trigger or after the topic too)."""
        topic = self.phrases.topic_after.match(doc.text, trigger.end, right)
        if topic is None:
            return []
        end = self.phrases.topic_end.search(doc.text, topic.end(), right)
        stop = end.start() if end else right
        elsewhere = doc.people(left, trigger.start) + doc.people(stop, right)
        found = [e for e in doc.people(topic.end(), stop) if e not in elsewhere]
        if found and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_TOPIC, "vetoed", topic.start(), stop,
                          f"{', '.join(e.name for e in found)}: the topic of '{trigger.text}', not who meets")
        return found

    def _participants_read(self, clause: _Clause) -> list[Entity]:
        """The first frame that names participants wins: 'between X and Y', an event's group or name,
        the people around the trigger (with their counterparts, hosts and group anaphors), the
        countries and organisations of the clause, else bare capitalised actors of a verb."""
        found = self._between_participants(clause)
        if found is not None:
            return found
        people = clause.doc.people(clause.left, clause.trigger.start)
        found = self._event_participants(clause, people)
        if found is not None:
            return found
        right_people = self._clause_people(clause, people)
        countries = self._counterparts(clause, people, right_people)
        bodies = self._group_reference(clause, people, right_people)
        if people and bodies and self.phrases.with_after.match(clause.doc.text, clause.trigger.end, clause.right):
            # 'the two leaders conferred on the negotiations with Peru': the group and the country the talks are with
            met = {e.name for e in clause.doc.bodies(clause.trigger.end, clause.right)}
            people.extend(e for e in bodies if e.name in met and all(e.name != p.name and e.name != p.country for p in people))
        if people:
            return self._with_hosts(clause, people, countries, right_people)
        for country in countries:
            if all(country.name != b.name for b in bodies):
                bodies.append(country)
        if bodies:
            return bodies
        written = self._written_group(clause, clause.trigger.end) or self._written_subject(clause)
        if written is not None:
            return [written]
        if clause.word.pos == "verb":
            return self._actors(clause.doc, clause.trigger, clause.left, clause.right, clause.mtype, first_meeting=not clause.previous)
        return []

    def _between_participants(self, clause: _Clause) -> list[Entity] | None:
        """'a meeting between X and Y', 'talks between the two countries': the participants follow."""
        doc, text, right = clause.doc, clause.doc.text, clause.right
        between = self.between.match(text, clause.trigger.end, clause.upper)
        if not between:
            return None
        people = doc.people(between.end(), right)
        if people:
            return people
        pair = self.phrases.pair.match(text, between.end(), right)
        found = doc.bodies(between.end(), right)
        groups = [self.without_the(pair.group(side)) for side in ("a", "b")] if pair else []
        if (pair and not (doc.bodies(*pair.span("a")) and doc.bodies(*pair.span("b"))) and not self.group_anaphor.match(text, between.end(), right)
                and not any(self.lex.title(group) for group in groups)):
            # 'between Pakistan's envoy to India and Kashmiri separatists': the groups as written
            return [Entity(group, "group") for group in groups]
        return found or None

    def _event_participants(self, clause: _Clause, people: list[Entity]) -> list[Entity] | None:
        """A group or a named event before the trigger ('the P5+1 negotiations with Iran', 'the G20
        summit', 'the Japan-China Summit Meeting'): its members, else the group and its attendees."""
        doc, text, trigger, left, mtype = clause.doc, clause.doc.text, clause.trigger, clause.left, clause.mtype
        if mtype == "talks" or (clause.word.pos == "verb" and self.phrases.with_after.match(text, trigger.end, clause.right)):
            group = self._group(text, trigger, left)
            if group is not None:
                # 'the P5+1 negotiations with Iran', 'EU leaders met with X': the group and its counterparts
                counterparts = [e for e in doc.people(trigger.end, clause.right) + doc.bodies(trigger.end, clause.right) if e.name != group.name]
                if mtype != "talks" and counterparts and doc.trace is not None:
                    doc.trace.add(STAGE, PARTICIPANT_GROUP_WITH_OBJECT, "set", trigger.start, clause.right,
                                  f"'{group.name}' meets {', '.join(e.name for e in counterparts)}, its 'with' object")
                return [group, *counterparts]
        if mtype not in ("summit", "meeting", "other"):
            return None
        group = self._group(text, trigger, left) or self._members_after(doc, trigger) or self._organisation_event(doc, trigger, left, mtype)
        if group is None:
            named = self._named_event(text, trigger, left)
            members = self._event_members(named, trigger) if named is not None and mtype != "other" else None
            if members:
                # 'the Japan-China Summit Meeting': the countries it is named after, each as its person when the
                # clause names one of that country ('Prime Minister Lind held the Norland-Chile Summit Meeting with Mr. Paz')
                return self._members_as_people(clause, members, people)
            if named is not None and (mtype == "other" or self.lex.organisation(named.name) is not None):
                group = named  # 'the World Economic Forum': the event as written
        if self.phrases.sidelines_before.search(text, max(left, trigger.start - 80), trigger.start):
            return [group] if group else []  # 'X met Y on the sidelines of the Z summit': not Z's participants
        members = self._apposed_members(clause)
        if members:
            return members
        if group is None:
            return None
        attendees = [p for p in people if p.name not in group.name]
        if not self.phrases.attending.search(text, left, trigger.start):
            attendees = []  # 'X praised the outcome of the G20 summit': X is not said to attend
        if mtype == "other":
            attendees = attendees[:1]  # 'X will meet Y and attend the Z Forum': X attends
        return [*attendees, group]

    def _apposed_members(self, clause: _Clause) -> list[Entity]:
        """'the Andean summit, a yearly gathering of the leaders of Peru, Chile and Bolivia, opened': the member countries an
        apposition after a group's summit lists (meeting_grammar.toml members_apposition), as the guidelines list them."""
        doc, trigger = clause.doc, clause.trigger
        apposition = self.phrases.members_apposition.match(doc.text, trigger.end, clause.upper)
        listed = self.phrases.group_object_of.match(doc.text, apposition.end(), clause.upper) if apposition else None
        if listed is None:
            return []
        members = [e for e in doc.bodies(listed.start(), listed.end()) if e.kind == "country"]
        if len(members) < 2:
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_MEMBERS_APPOSED, "set", trigger.start, listed.end(),
                          f"{', '.join(e.name for e in members)}: the members the apposition of '{trigger.text}' lists")
        return members

    def _members_as_people(self, clause: _Clause, members: list[Entity], people: list[Entity]) -> list[Entity]:
        """The countries a summit is named after, each replaced by the people of that country the trigger's clause names."""
        doc, trigger = clause.doc, clause.trigger
        # only when its counterpart is named ('... Summit Meeting with Mr. Y'): that person, and for the other
        # country the person of the sentence before ('X held the ...', 'X explained that at the ... with Mr. Y, he')
        with_ = self.phrases.event_with_after.match(doc.text, trigger.end, clause.right)
        if with_ is None:
            return members
        named = doc.people(with_.end(), clause.right)
        before = people + doc.people(clause.lower, trigger.start)
        if clause.statement is not None:
            speaker = doc.tracker.lookup_name(clause.statement.speaker.name)
            if speaker is not None and speaker.kind == "person":
                before.append(speaker)  # reported speech: 'X explained that at the ... with Mr. Y, he ...'
        counterpart = self._stateless_counterpart(doc, named, members)
        named += [p for p in before if p not in named]
        unmatched = [m for m in members if m.kind == "country" and all(p.country != m.name for p in named)]
        found: list[Entity] = []
        for member in members:
            own = [p for p in named if p.country == member.name] if member.kind == "country" else []
            if not own and counterpart is not None and unmatched == [member]:
                own = [counterpart]  # '... Japan-Peru Summit Meeting with Mr. Y, President of Peru': Y is Peru's
            for entity in own or [member]:
                if entity not in found:
                    found.append(entity)
        found = self._stateless_holder(found, members, before)
        if found != members and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_MEMBERS_AS_PEOPLE, "set", trigger.start, trigger.end,
                                 f"{', '.join(e.name for e in found)}: the people of the countries the {clause.mtype} is named after")
        return found

    @staticmethod
    def _stateless_holder(found: list[Entity], members: list[Entity], before: list[Entity]) -> list[Entity]:
        """'X held a Japan-Peru Summit Meeting with Mr. Y, President of Peru': when one member country is left that nobody
        stands for, the one person before the trigger whose country no list knows holds it for that country."""
        left = [m for m in found if m in members and m.kind == "country"]
        holders = list(dict.fromkeys(p for p in before if p.kind == "person" and not p.country and p not in found))
        if len(left) != 1 or len(holders) != 1 or len(members) < 2:
            return found
        return [holders[0] if entity is left[0] else entity for entity in found]

    @staticmethod
    def _stateless_counterpart(doc: _Document, named: list[Entity], members: list[Entity]) -> Entity | None:
        """The one person named after a named summit's 'with' when the lists know no country of theirs (nor one of the
        summit's members for anyone else named there): the counterpart, of the one member country nobody else stands for."""
        people = [p for p in named if p.kind == "person"]
        if len(people) != 1 or people[0].country:
            return None
        return people[0] if any(m.kind == "country" for m in members) else None

    def _clause_people(self, clause: _Clause, people: list[Entity]) -> list[Entity]:
        """Adds to ``people`` (the people before the trigger) its subject when none is named and the
        people after it; returns the people after it."""
        doc, trigger, left, right, statement = clause.doc, clause.trigger, clause.left, clause.right, clause.statement
        if statement is None:
            for entity in self._voiced(doc, trigger, left, right, clause.mtype):
                if entity not in people:
                    people.append(entity)
        follower = self._noun_follower(clause)
        right_people = doc.people(follower[1] if follower else trigger.end, right)
        if follower is not None and follower[0] not in people:
            people.append(follower[0])  # 'the talks the President had with X': the President held them
        right_people = [e for e in right_people if e not in self._noun_reporters(clause) and e not in self._group_examples(clause)]
        if not right_people:
            holder = self._role_object(doc, clause)
            if holder is not None:
                right_people.append(holder)  # 'a call with that Crown Prince': the holder named before
        if not people:
            subject = self._subject_before(clause, right_people)
            if subject is not None:
                people.append(subject)
        partner = self._pronoun_partner(doc, clause, people)
        if partner is not None:
            people.insert(0, partner)  # 'Kerry said he and Lavrov discussed Syria by phone': Kerry too
        owner = self._possessive_owner(doc, clause) or self._role_owner(doc, clause)
        if owner is not None and owner not in people:
            people.insert(0, owner)  # 'Scholz's meeting with Meloni': Scholz met
        self._owners_only(clause, people, right_people)
        if not people:
            subject = self._main_clause_subject(doc, clause) or self._adjunct_subject(doc, clause)
            if subject is not None:
                people.append(subject)  # 'After meeting X, Y said ...', 'Y said after meeting X': Y met
        if not people and statement is not None and clause.inviter is None and statement.content.text.startswith(self.infinitive_content):
            subject = doc.tracker.lookup_name(statement.speaker.name)
            if subject is not None and subject.kind == "person":
                people.append(subject)  # 'X committed to travel to Y': X travels
        if not right_people:
            referent = self._object_pronoun(doc, clause, people)
            if referent is not None:
                right_people.append(referent)
        for entity in right_people:
            if entity not in people:
                people.append(entity)
        if people:
            self._counterpart_bodies(clause, people, right_people)
        return right_people

    def _group_examples(self, clause: _Clause) -> list[Entity]:
        """'talks with our Chilean counterparts, Foreign Minister X among them': a person named as one example of the group
        met (meeting_grammar.toml example_after) does not stand for the group; the group is read as if no one were named."""
        doc = clause.doc
        examples = [m.entity for s, e, m in doc.person_spans.within(clause.trigger.end, clause.right)
                    if self.phrases.example_after.match(doc.text, e)]
        if examples and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_GROUP_EXAMPLE, "vetoed", clause.trigger.start, clause.right,
                          f"{', '.join(x.name for x in examples)}: named as one of the group met, which stands")
        return examples

    def _noun_follower(self, clause: _Clause, traced: bool = True) -> tuple[Entity, int] | None:
        """'the discussions the Minister had with X', 'the talks that Lind held with Paz': the person right after a
        meeting noun (only 'that' or 'which' between) before a verb of holding (meeting_grammar.toml noun_person_gap,
        holder_verb_after) is who held it, and its counterparts follow that verb; the person and where they follow.
        ``traced``: record the decision (once per clause; a second reading of the same clause passes False)."""
        found = self._noun_next_person(clause)
        if found is None:
            return None
        start, end, entity = found
        verb = self.phrases.holder_verb_after.match(clause.doc.text, end, clause.right)
        if verb is None:
            return None
        if traced and clause.doc.trace is not None:
            clause.doc.trace.add(STAGE, PARTICIPANT_NOUN_HOLDER, "set", start, verb.end(),
                                 f"{entity.name} '{verb.group().strip()}' the '{clause.trigger.text}'; who it was with follows")
        return entity, verb.end()

    def _noun_reporters(self, clause: _Clause) -> list[Entity]:
        """'After the talks the Foreign Minister said': the speaker of a statement named right after a meeting noun (no
        comma between) opens the clause that reports it, and is not one the meeting was with."""
        found = self._noun_next_person(clause)
        if found is None:
            return []
        start, end, entity = found
        doc = clause.doc
        if not any(s <= start and cue >= end for s, _, cue in doc.speakers.covering(start)):
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_NOUN_REPORTER, "vetoed", start, end,
                          f"{entity.name} reports '{clause.trigger.text}' named right before; not met")
        return [entity]

    def _noun_next_person(self, clause: _Clause) -> tuple[int, int, Entity] | None:
        """The person (a name, or a role the document resolved) that follows a meeting noun across nothing but a
        relative word (and the person's title), with its span."""
        doc, trigger = clause.doc, clause.trigger
        if clause.word.pos != "noun":
            return None
        gap = self.phrases.noun_person_gap.match(doc.text, trigger.end, clause.right)
        if gap is None:
            return None
        named = [(s, e, m.entity) for s, e, m in doc.person_spans.within(gap.end(), clause.right)] + list(doc.role_spans.within(gap.end(), clause.right))
        for start, end, entity in sorted(named, key=lambda item: item[0]):
            title = doc.text[gap.end():start].strip()
            if start == gap.end() or (title and self.lex.title(title)):  # 'the talks President X held': a title before the name
                return start, end, entity
            return None
        return None

    def _own_object_people(self, doc: _Document, trigger: Span, right: int, right_people: list[Entity]) -> list[Entity]:
        """Of the people after an owned meeting noun, those inside its own phrase ('X's meeting with Y and Z'), not
        past a word that opens another phrase or clause (meeting_grammar.toml owner_object_gap)."""
        own: list[Entity] = []
        for start, _, entity in sorted([(s, e, m.entity) for s, e, m in doc.person_spans.within(trigger.end, right)]
                                       + list(doc.role_spans.within(trigger.end, right)), key=lambda item: item[0]):
            if entity in right_people and entity not in own and self.phrases.owner_object_gap.fullmatch(doc.text, trigger.end, start):
                own.append(entity)
        own.extend(e for e in right_people if e.kind != "person" and e not in own)  # a group described after 'with'
        if len(own) < len(right_people) and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_OWNER_ONLY, "set", trigger.start, trigger.end,
                          f"not met: {', '.join(e.name for e in right_people if e not in own)}, outside the phrase of '{trigger.text}'")
        return own

    def _subject_before(self, clause: _Clause, right_people: list[Entity]) -> Entity | None:
        """The subject of a trigger with nobody named before it: 'Lavrov, who met Blinken on Friday, said' (Lavrov);
        'Xi: ... thank you for inviting me to visit' (Xi visits); 'The Minister for Foreign Affairs met X' (the one
        holder named before); a pronoun ('he met X')."""
        doc = clause.doc
        return (self._relative_antecedent(doc, clause.left) or self._invited_voice(doc, clause) or self._invited_pronoun(doc, clause)
                or self._role_subject(doc, clause, right_people)
                or self._pronoun_subject(doc, clause.left, clause.trigger.start, clause.statement))

    def _pronoun_partner(self, doc: _Document, clause: _Clause, people: list[Entity]) -> Entity | None:
        """'Kerry said he and Lavrov discussed Syria': a personal pronoun coordinated with a name before the trigger,
        resolved as a pronoun subject (the statement's speaker at the start of its content); None when it is one of ``people``."""
        if not people:
            return None
        match = self.phrases.pronoun_partner.search(doc.text, clause.left, clause.trigger.start)
        if match is None:
            return None
        entity = self._pronoun_subject(doc, clause.left, match.end("pronoun"), clause.statement)
        if entity is None or entity in people:
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_PRONOUN_PARTNER, "set", match.start("pronoun"), match.end("pronoun"),
                          f"'{match.group('pronoun')}' is {entity.name}, with {', '.join(e.name for e in people)}")
        return entity

    def _owners_only(self, clause: _Clause, people: list[Entity], right_people: list[Entity]) -> None:
        """'X thanked Y for Kerry's visit to Paris': a meeting noun in a named person's possessive (with the people
        coordinated before them) is theirs, not of the people around it; ``people`` becomes its owners, and
        ``right_people`` those met inside the noun's own phrase."""
        doc, trigger = clause.doc, clause.trigger
        named_owner = self._named_owner(doc, clause)
        owners = [*self._joint_owners(doc, clause), named_owner] if named_owner is not None else []
        if owners and people != owners:
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_OWNER_ONLY, "set", trigger.start, trigger.end,
                              f"'{trigger.text}' is {' and '.join(e.name for e in owners)}'s; not {', '.join(e.name for e in people if e not in owners) or 'anyone else'}'s")
            people[:] = owners
        if named_owner is not None and right_people:
            # 'Lind's visit to Lima and for the help ... from the President': met only inside the noun's phrase
            right_people[:] = self._own_object_people(doc, trigger, clause.right, right_people)

    def _counterpart_bodies(self, clause: _Clause, people: list[Entity], right_people: list[Entity]) -> None:
        """Adds to ``people`` the bodies met: 'talks with Turkey', 'met the leaders of Peru' (the counterpart country when
        no person is named after the trigger), groups after it, and officials of no known country as written."""
        doc, text, trigger, right = clause.doc, clause.doc.text, clause.trigger, clause.right
        follower = self._noun_follower(clause, traced=False)  # read and traced by _clause_people, which calls this
        after = follower[1] if follower else trigger.end  # 'the talks the President had with X': X follows 'had'
        # 'a meeting with Iran's foreign minister': an agent described, not named
        counterparts = not right_people and clause.mtype != "visit" and self._counterpart_object(text, after, right)
        # the officials met are of the countries written in their phrase ('Peruvian officials', 'the
        # leaders of Peru and Bolivia'), not of every country later in the clause
        reach = self._group_object_end(text, after, right) if counterparts == PARTICIPANT_GROUP_OBJECT else right
        met = {e.name for e in doc.bodies(after, reach)} if counterparts else set()
        added = [e for e in doc.bodies(after, right)
                 if (e.kind == "group" or e.name in met) and all(e.name != p.name and e.name != p.country for p in people)]
        people.extend(added)
        written = self._written_group(clause, after, nonstate_only=counterparts != PARTICIPANT_GROUP_OBJECT, object_read=True) if counterparts else None
        if written is not None:
            people[:] = [p for p in people if p not in added]
            people.append(written)
        elif counterparts == PARTICIPANT_GROUP_OBJECT and doc.trace is not None and any(e.kind != "group" for e in added):
            doc.trace.add(STAGE, PARTICIPANT_GROUP_OBJECT, "set", trigger.start, right,
                          f"{', '.join(e.name for e in added)}: the officials met are of these")

    def _relative_antecedent(self, doc: _Document, left: int) -> Entity | None:
        """'Lavrov, who met Blinken', 'President X of Chile, who met Y': the person a relative clause opening the
        trigger's clause is said of."""
        text = doc.text
        relative = self.phrases.who_before.search(text, max(0, left - 12), left)
        if relative is None:
            return None
        antecedent = doc.person_ending_at(relative.start())
        tail = self.phrases.of_country_tail.search(text, max(0, relative.start() - 40), relative.start()) if antecedent is None else None
        if tail is not None and self.lex.country_of_word(text[tail.start():relative.start()].split(maxsplit=1)[1]):
            antecedent = doc.person_ending_at(tail.start())  # 'President X of Chile, who met Y'
        if antecedent is None:
            antecedent = self._title_apposition_antecedent(doc, relative.start())
        return antecedent

    def _title_apposition_antecedent(self, doc: _Document, comma: int) -> Entity | None:
        """'Mr. X, President of the Philippines, who is visiting Japan': the person named right before a title in
        apposition that stands between the name and the relative pronoun's comma (meeting_grammar.toml
        title_apposition_tail)."""
        tail = self.phrases.title_apposition_tail.search(doc.text, max(0, comma - 120), comma)
        if tail is None or tail.group("title").split()[0].casefold() not in doc.tracker.tables.title_first_words:
            return None
        antecedent = doc.person_ending_at(tail.start())
        if antecedent is not None and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_TITLE_APPOSITION, "set", tail.start(), comma,
                          f"'{tail.group('title')}' is {antecedent.name}'s title; the relative clause is said of {antecedent.name}")
        return antecedent

    def _invited_voice(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'X: Thank you, Mr President, for inviting me to pay a visit': an 'I' or 'me' addressed by a directive (between
        its cue and its 'to ...' content) is the one whose transcript turn it is, not the one who invites."""
        statement = clause.statement
        if statement is None or clause.inviter is None or not statement.cue.end <= statement.content.start:
            return None
        pronoun = self.first_person.search(doc.text, statement.cue.end, statement.content.start)
        voices = doc.turn_voices(clause.trigger.start) if pronoun is not None and pronoun.group("singular") else None
        if voices is None or voices[0] == clause.inviter:
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_INVITED_VOICE, "set", pronoun.start(), pronoun.end(),
                          f"'{pronoun.group()}' is {voices[0].name}, whose turn it is; {clause.inviter.name} invites")
        return voices[0]

    def _invited_pronoun(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'X spoke with Y and invited him to visit Lima': a 'him' or 'her' a hosting directive addresses (between its cue
        and its 'to ...' content) is the last person of its gender named before the cue, in its sentence or the one
        before, other than the one who invites and those who report; that person visits."""
        statement = clause.statement
        if statement is None or clause.inviter is None or not statement.cue.end <= statement.content.start:
            return None
        pronoun = self.phrases.invited_pronoun.fullmatch(doc.text, statement.cue.end, statement.content.start)
        if pronoun is None:
            return None
        gender = self._pronoun_gender(pronoun.group("pronoun"))
        sentence = doc.sentence_start(statement.cue.start)
        lower = doc.sentence_start(sentence - 1) if sentence > 0 else 0
        for start, end, mention in reversed(doc.person_spans.within(lower, statement.cue.start)):
            entity = mention.entity
            if end > statement.cue.start or entity == clause.inviter or not entity.compatible_gender(gender) or doc.is_reporter(start):
                continue
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_INVITED_PRONOUN, "set", pronoun.start("pronoun"), pronoun.end("pronoun"),
                              f"'{pronoun.group('pronoun')}' is {entity.name}, named before; {clause.inviter.name} invites")
            return entity
        return None

    def _asked_people(self, doc: _Document, trigger: Span) -> list[Entity]:
        """'Q Does the President need to speak with Prime Minister X? / MS. Y: There will be a call soon': a call
        or meeting in a briefer's answer that names nobody, with no meeting before it, is between the
        people the question names (two at least)."""
        asked = doc.asked_before(trigger.start)
        if asked is None:
            return []
        people = [e for e in doc.people(*asked) if e.kind == "person"]
        if len(people) < 2:
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ASKED, "set", trigger.start, trigger.end,
                          f"'{trigger.text}' names nobody; the question names {', '.join(e.name for e in people)}")
        return people

    def _possessive_owner(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'Scholz's meeting with Meloni': a person named before, by surname in the possessive right
        before a meeting noun, that the entities pass left unmarked."""
        if clause.word.pos != "noun":
            return None
        match = self.phrases.possessive_owner.search(doc.text, max(clause.left, clause.trigger.start - 40), clause.trigger.start)
        if match is None or doc.person_spans.overlaps(*match.span("name")):
            return None
        entity = doc.tracker.lookup_name(match.group("name")) or self._dated_surname(doc, match.group("name"))
        if entity is None or entity.kind != "person":
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_POSSESSIVE, "set", match.start(), clause.trigger.end, f"'{match.group('name')}' is {entity.name}")
        return entity

    def _dated_surname(self, doc: _Document, surname: str) -> Entity | None:
        """'Kellogg's meeting with Zelenskyy' with no full name before: the one gazetteer person of that surname who
        held an office in the document's year (given or written; an undated text guesses no one)."""
        tracker = doc.tracker
        if not tracker.year_is_dated:
            return None
        person = tracker.gazetteer_person(surname, None)
        if person is None or not any(term.holds_in(tracker.year) for term in person.roles):
            return None
        return tracker.entity_for_person(person, surname)

    def _role_owner(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'the secretary of state's recent trip': the one person named before in the text who holds the role
        written in the possessive right before a meeting noun."""
        if clause.word.pos != "noun":
            return None
        match = self.phrases.role_owner.search(doc.text, max(clause.left, clause.trigger.start - 60), clause.trigger.start)
        holder = self._holder_named_before(doc, match, [])
        if holder is not None and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ROLE_OWNER, "set", match.start(), clause.trigger.end, f"'{match.group('role')}' is {holder.name}")
        return holder

    def _role_subject(self, doc: _Document, clause: _Clause, met: list[Entity]) -> Entity | None:
        """'Penny Wong visited China. The Minister for Foreign Affairs met X': the one person named before who holds the
        role written right before a meeting verb, other than the people met (``met``)."""
        if clause.word.pos != "verb":
            return None
        match = self.phrases.role_subject.search(doc.text, max(clause.left, clause.trigger.start - 60), clause.trigger.start)
        holder = self._holder_named_before(doc, match, met)
        if holder is not None and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ROLE_SUBJECT, "set", match.start(), clause.trigger.end, f"'{match.group('role')}' is {holder.name}")
        return holder

    def _holder_named_before(self, doc: _Document, match, excluded: list[Entity]) -> Entity | None:
        """The one person named before ``match`` who holds the role its group ``role`` writes (a title), else None."""
        title = self.lex.title(match.group("role")) if match is not None else None
        if title is None or not title.role:
            return None
        principal = doc.tracker.unknown_principal
        if principal is not None and principal[1] == title.role and match.start() > principal[0]:
            return None  # the text's own principal of unknown country, not another holder it names (its counterpart)
        office_of = doc.tracker.tables.title_countries.get(" ".join(match.group("role").casefold().split()))
        return self._one_holder(doc, title.role, match.start(), excluded, office_of)

    def _one_holder(self, doc: _Document, role: str, before: int, excluded: list[Entity] | tuple[()] = (),
                    office_of: str | None = None) -> Entity | None:
        """The one person named before ``before`` who holds ``role``, other than ``excluded`` (the exact role first:
        'the secretary of state' is Kerry, not also Lavrov, a foreign minister); None when nobody or several do.
        ``office_of``: the one government whose office the title names ('the Secretary': the United States'); another
        country's person holds it only under that very title (Iraq's foreign minister is no 'Secretary')."""
        compatible = doc.tracker.tables.roles_compatible
        holders = []
        for mention in doc.persons:
            entity = mention.entity
            if (mention.start < before and entity not in holders and entity not in excluded
                    and any(compatible(role, r) for r in {entity.role or "", *entity.roles} if r)
                    and (office_of is None or entity.country == office_of or role in {entity.role, *entity.roles})):
                holders.append(entity)
        exact = [e for e in holders if role in {e.role, *e.roles}]
        holders = exact or holders
        return holders[0] if len(holders) == 1 else None

    def _role_object(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'a call with that Crown Prince': a definite role right after the trigger's 'with' (the longest words
        that read as a title) is the one person named before who holds it."""
        match = self.phrases.role_object.match(doc.text, clause.trigger.end, clause.right)
        if match is None:
            return None
        words = match.group("role").split()
        for size in range(len(words), 0, -1):
            title = self.lex.title(" ".join(words[:size]))
            if title is not None and title.role:
                break
        else:
            return None
        holder = self._one_holder(doc, title.role, match.start())
        if holder is not None and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ROLE_OBJECT, "set", match.start("role"), match.start("role") + len(" ".join(words[:size])),
                          f"'{' '.join(words[:size])}' is {holder.name}, named before")
        return holder

    def _named_owner(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'Secretary Kerry's visit to Paris': a person the entities pass named, in the possessive right before a
        meeting noun (adjectives between)."""
        if clause.word.pos != "noun":
            return None
        match = self.phrases.possessive_owner.search(doc.text, max(clause.left, clause.trigger.start - 40), clause.trigger.start)
        return doc.person_ending_at(match.end("name")) if match is not None else None

    def _joint_owners(self, doc: _Document, clause: _Clause) -> list[Entity]:
        """'Secretary X and Minister Y's constant contact': the people coordinated before a named owner in the possessive
        (meeting_grammar.toml owner_coordination), who own the meeting with it."""
        match = self.phrases.possessive_owner.search(doc.text, max(clause.left, clause.trigger.start - 40), clause.trigger.start)
        named = [item for item in doc.person_spans.within(max(clause.lower, match.start() - 200), match.end("name")) if item[1] <= match.end("name")]
        joint: list[Entity] = []
        while len(named) >= 2 and self.phrases.owner_coordination.fullmatch(doc.text, named[-2][1], named[-1][0]):
            named.pop()
            entity = named[-1][2].entity
            if entity not in joint:
                joint.insert(0, entity)
        if joint and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_JOINT_OWNER, "set", named[-1][0], clause.trigger.end,
                          f"{', '.join(e.name for e in joint)}: coordinated with the owner of '{clause.trigger.text}'")
        return joint

    def _main_clause_subject(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'After meeting X, Y said ...': the person named right after the comma that closes a leading
        clause whose meeting has no subject of its own. Not after a determiner ('Following the talks with
        Iran, Y said', 'Before the summit, Y said'): Y comments on a meeting named, Y did not hold it."""
        if self.phrases.definite_before.search(doc.text, max(clause.lower, clause.trigger.start - 40), clause.trigger.start) \
                or not self.phrases.leading_clause.match(doc.text, clause.lower, clause.trigger.start):
            return None
        comma = doc.text.find(",", clause.trigger.end, clause.upper)
        if comma < 0:
            return None
        for start, end, mention in doc.person_spans.within(comma, min(clause.upper, comma + 80)):
            if not self.phrases.main_subject_gap.match(doc.text, comma, start):
                return None
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_MAIN_SUBJECT, "set", clause.trigger.start, end,
                              f"'{doc.text[start:end]}' is the subject of the clause after '{clause.trigger.text}'")
            return mention.entity
        return None

    def _object_pronoun(self, doc: _Document, clause: _Clause, people: list[Entity]) -> Entity | None:
        """'Kishida arrived in Washington. Biden met him on Thursday': the person an object pronoun right after a meeting
        verb stands for, the last one of its gender named before it in its sentence or the one before (in a transcript
        answer, or in the reporter's question it answers), other than the meeting's other people and those who report it."""
        trigger = clause.trigger
        pronoun = self.phrases.object_pronoun_after.match(doc.text, trigger.end, clause.right)
        if pronoun is None:
            return None
        gender = self._pronoun_gender(pronoun.group("pronoun"))
        sentence = doc.sentence_start(trigger.start)
        lower = doc.sentence_start(sentence - 1) if sentence > 0 else 0
        asked = doc.asked_before(trigger.start)
        if asked is not None:
            lower = min(lower, asked[0])  # 'Q What about the call with X? / A: ... The President will call him': X
        for start, end, mention in reversed(doc.person_spans.within(lower, trigger.start)):
            entity = mention.entity
            if end > trigger.start or entity in people or not entity.compatible_gender(gender) or doc.is_reporter(start):
                continue
            if doc.in_label(start):
                continue  # 'MR. X: The Secretary will meet him': the label says who talks; 'him' is someone talked of
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_OBJECT_PRONOUN, "set", pronoun.start("pronoun"), pronoun.end("pronoun"),
                              f"'{pronoun.group('pronoun')}' after '{trigger.text}' is {entity.name}, named before")
            return entity
        return None

    def _adjunct_subject(self, doc: _Document, clause: _Clause) -> Entity | None:
        """'X said after meeting Y', 'X told reporters following talks with Y': the first person named in the sentence
        before an adjunct that opens with the trigger after the main verb (a noun trigger with its 'with' object, or a
        gerund with a person after it)."""
        trigger = clause.trigger
        adjunct = self.phrases.adjunct_before.search(doc.text, max(clause.lower, trigger.start - 30), trigger.start)
        if adjunct is None:
            return None
        lower = clause.lower
        for content_start, _, _ in doc.contents.covering(trigger.start)[:1]:
            lower = max(lower, content_start)  # 'Peskov said Putin would fly home after meeting X': the content's own subject
        gerund = trigger.text.casefold().endswith("ing") and adjunct.group("owner") is None
        if clause.word.pos == "noun" and not self.phrases.with_after.match(doc.text, trigger.end, clause.right) \
                and not (gerund and doc.people(trigger.end, clause.right)):
            return None  # 'X said after the summit': a meeting named, not held by X; 'after meeting Y' is a verb
        for start, end, mention in doc.person_spans.within(lower, adjunct.start()):
            if end > adjunct.start():
                continue  # the speaker who 'told reporters after talks with Y' held the talks: no reporter here
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_ADJUNCT_SUBJECT, "set", start, trigger.end,
                              f"'{doc.text[start:end]}' is the subject of the sentence that '{adjunct.group().strip()} {trigger.text}' follows")
            return mention.entity
        return None

    def _counterpart_object(self, text: str, start: int, right: int) -> str | None:
        """'talks with Turkey', 'met the leaders of Peru and Bolivia': the countries after the trigger (its object
        starting at ``start``) are the ones met; the id of the rule that says so ('with' is the plain case)."""
        if self.phrases.with_after.match(text, start, right):
            return "with"
        return PARTICIPANT_GROUP_OBJECT if self.phrases.group_object_after.match(text, start, right) else None

    def _written_group(self, clause: _Clause, start: int, nonstate_only: bool = False, object_read: bool = False) -> Entity | None:
        """'a meeting of the chiefs of the district councils', 'talks with the pro-Norland separatists', 'met Andean rebels':
        the people a meeting noun is 'of' or 'with', or a meeting verb's object (meeting_grammar.toml group_of_after), read
        from ``start`` (``object_read``: where the object itself starts, its 'with' read already), are the group as
        written (:meth:`_group_written_of`); ``nonstate_only`` reads only armed groups."""
        match = self.phrases.group_of_after.match(clause.doc.text, start, clause.right if clause.word.pos == "verb" else clause.upper)
        if match is None or (match.group("prep") is None and not object_read if clause.word.pos == "noun" else match.group("prep") == "of"):
            return None  # a noun's 'of' or 'with' object; a verb's own object or 'with' object
        return self._group_written_of(clause, match, nonstate_only)

    def _written_subject(self, clause: _Clause) -> Entity | None:
        """'Andean leaders met in Lima', 'Some of the tribal leaders will meet': the people phrase that is the whole clause
        before a meeting verb (meeting_grammar.toml group_subject) is the group as written (:meth:`_group_written_of`)."""
        if clause.word.pos != "verb":
            return None
        match = self.phrases.group_subject.fullmatch(clause.doc.text, clause.left, clause.trigger.start)
        return self._group_written_of(clause, match) if match is not None else None

    def _group_written_of(self, clause: _Clause, match, nonstate_only: bool = False) -> Entity | None:
        """The group a people phrase matched as ``match`` writes, when it says whose they are (its own 'of' complement or a
        capitalised modifier) and names no person nor country; 'senior officials' names nobody, 'the leaders of Peru' is
        Peru's. Armed groups against a state (nonstate_group_noun: 'pro-Norland separatists') are no officials of the
        country their adjective names: as written with it."""
        doc, trigger = clause.doc, clause.trigger
        nonstate = bool(self.phrases.nonstate_group_noun.fullmatch(match.group("noun")))
        if nonstate_only and not nonstate:
            return None
        group_start, group_end = match.span("group")
        phrase = self.without_the(match.group("group"))
        mods = match.group("mods") or ""
        whose = match.group("whose") or any(c.isupper() for c in mods)
        if (not whose or doc.people(group_start, group_end) or self.group_anaphor.search(doc.text, group_start, group_end)
                or (not nonstate and any(e.kind == "country" for e in doc.bodies(group_start, group_end)))):
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_GROUP_WRITTEN, "set", min(group_start, trigger.start), max(group_end, trigger.end),
                          f"'{phrase}': the people of '{trigger.text}', as written")
        return Entity(phrase, "group")

    def _group_object_end(self, text: str, start: int, right: int) -> int:
        """End of the officials' phrase after a trigger and the countries right after its 'of'."""
        group = self.phrases.group_object_after.match(text, start, right)
        countries = self.phrases.group_object_of.match(text, group.end(), right)
        return countries.end() if countries else group.end()

    def _counterparts(self, clause: _Clause, people: list[Entity], right_people: list[Entity]) -> list[Entity]:
        """'his Russian counterpart': the person of that country named nearby (added to ``people``),
        else the country (returned)."""
        doc = clause.doc
        counterpart = self.counterpart.search(doc.text, clause.left, clause.right)
        countries: list[Entity] = []
        if counterpart:
            for adjective in self.phrases.list_separator.split(counterpart.group("countries")):
                country = self.lex.country_of_word(adjective)
                # 'our Russian counterparts': government and government, each as its country (no one person of theirs)
                mine = counterpart.group("our") is not None
                named = doc.person_of_country(country, counterpart.end(), people, people[0] if people else None) if country and not mine else None
                if named is not None and not right_people:
                    people.append(named)  # 'his Russian counterpart' ... 'Sergei Lavrov' a sentence later
                elif country:
                    countries.append(Entity(country, "country", country=country))
            own = self._our_side(clause, counterpart) if counterpart.group("our") else None
            if own is not None and all(own.name != c.name for c in countries) and all(own.name != p.country for p in people):
                countries.insert(0, own)
        return countries

    def _our_side(self, clause: _Clause, counterpart) -> Entity | None:
        """'the talks with our Russian counterparts': 'our' is the government of the one who speaks (a transcript
        turn's speaker, else the statement's speaker), which meets those counterparts; None when no country of theirs is known."""
        doc = clause.doc
        voices = doc.turn_voices(clause.trigger.start) if doc.question_voice(clause.trigger.start) is None else None
        speaker = voices[0] if voices is not None else None
        country = speaker.country if speaker is not None else clause.statement.speaker.country if clause.statement is not None else None
        if not country:
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_OUR_COUNTERPARTS, "set", counterpart.start("our"), counterpart.end(),
                          f"'{counterpart.group('our')}' before '{counterpart.group().split()[-1]}' is {country}, whose side meets them")
        return Entity(country, "country", country=country)

    def _group_reference(self, clause: _Clause, people: list[Entity], right_people: list[Entity]) -> list[Entity]:
        """'the two leaders', 'both sides': the participants of the meeting mentioned last (added to
        ``people``); returns the countries and organisations of the clause when nobody was named."""
        doc, text, left, right = clause.doc, clause.doc.text, clause.left, clause.right
        if people and all(p in right_people for p in people) and self._group_subject(clause, people):
            return []
        anaphor = self.group_anaphor.search(text, left, right) if len(people) < 2 else None
        bodies = doc.bodies(left, right) if not people else []  # read below only when nobody is found
        if anaphor is None and not people and not bodies:
            anaphor = self.group_anaphor.search(text, clause.lower, clause.upper)  # 'relations between the two countries ..., but meetings were cut off'
        if (anaphor is not None and anaphor.group().casefold() in self.plain_group_pronouns and anaphor.start() >= clause.trigger.end
                and doc.bodies(clause.trigger.end, anaphor.start())):
            # 'discussions with the Peruvians about their reply': 'their' is the body just named, not the last meeting's people
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_PRONOUN_BODY, "vetoed", anaphor.start(), anaphor.end(),
                              f"'{anaphor.group()}' is the body named after '{clause.trigger.text}'")
            anaphor = None
        if (anaphor is not None and not people and anaphor.end() <= clause.trigger.start and clause.word.pos == "noun"
                and self.phrases.with_after.match(text, clause.trigger.end, right) and doc.bodies(clause.trigger.end, right)
                and not self.phrases.light_verb_gap.match(text, anaphor.end(), clause.trigger.start)):
            # 'the two leaders conferred on the negotiations with Peru': they speak of the talks, they do not hold them
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_GROUP_TOPIC, "set", anaphor.start(), clause.trigger.end,
                              f"'{anaphor.group()}' speak of '{clause.trigger.text}', they do not hold it")
            return [e for e in bodies if e in doc.bodies(clause.trigger.end, right)]
        if anaphor is not None and (body := self._object_pronoun_body(clause, anaphor)) is not None:
            if body not in people:
                people.append(body)  # 'has Peru pushed for it in your talks with them?': 'them' is Peru
            anaphor = None
        if anaphor is not None:
            bodies_wanted = bool(self.phrases.body_noun.search(anaphor.group()))
            pair = bool(self.phrases.pair_anaphor.search(anaphor.group()))
            group = self._sides_defined(clause, anaphor) or _last_group(clause.previous, clause.lower - 2000, people, bodies_wanted, pair)
            if not group and not bodies_wanted and not people and (pair or self._they_meet(clause, anaphor)):
                group = self._pair_named_before(clause, anaphor)
            for entity in group:
                if entity not in people:
                    people.append(entity)
        return bodies

    def _object_pronoun_body(self, clause: _Clause, anaphor) -> Entity | None:
        """'Has Peru asked for it in your talks with them?', 'Q ... assurances from Peru? / A: We continue to have
        discussions with them': 'them' right after a meeting word's 'with' is one side, the one met: the last country or
        organisation named before it in its sentence or the two before (not one in the possessive, 'Chile's ports', which
        modifies a noun), when those sentences name no person (a transcript's speaker labels aside); not the whole group
        of the meeting before."""
        doc, text, trigger = clause.doc, clause.doc.text, clause.trigger
        if anaphor.group().casefold() not in self.object_group_pronouns:
            return None
        with_ = self.phrases.with_after.match(text, trigger.end, clause.right)
        if with_ is None or with_.end() != anaphor.start():
            return None
        lower = doc.sentence_start(trigger.start)
        for _ in range(2):
            lower = doc.sentence_start(lower - 1) if lower > 0 else 0
        named = [(start, end, entity) for start, end, entity in doc.bodies_index.within(lower, trigger.start)
                 if entity in doc.bodies(start, end) and not text.startswith(("'s", "’s"), end)]
        people = [start for start, _, _ in [*doc.person_spans.within(lower, trigger.start), *doc.role_spans.within(lower, trigger.start)]
                  if not doc.in_label(start)]
        if not named or people:
            return None  # 'X met Y. ... talks with them': the people named may be meant
        body = named[-1][2]
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_PRONOUN_OBJECT_BODY, "set", anaphor.start(), anaphor.end(),
                          f"'{anaphor.group()}' after '{trigger.text} with' is {body.name}, named before")
        return body

    def _they_meet(self, clause: _Clause, anaphor) -> bool:
        """'X raised the issue with Y when they met in Bali': a plain 'they' right before a meeting verb (an adverb or an
        auxiliary between at most) is its subject, and stands for the two people named before it, as 'the two leaders'
        does (meetings.participant.pair_named_before)."""
        return (clause.word.pos == "verb" and anaphor.group().casefold() == "they"
                and bool(self.phrases.they_subject_gap.fullmatch(clause.doc.text, anaphor.end(), clause.trigger.start)))

    def _pair_named_before(self, clause: _Clause, anaphor) -> list[Entity]:
        """'... a press conference that involved President X and Prime Minister Y. Before it, the two leaders met': with no
        meeting of two before it to refer to, a pair anaphor ('the two leaders') is the two people named in its sentence
        before it and the sentence before, when they are exactly two."""
        doc = clause.doc
        before = doc.people(doc.sentence_start(max(0, clause.lower - 1)), anaphor.start())
        if len(before) != 2 or any(e.kind != "person" for e in before):
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_PAIR_NAMED_BEFORE, "set", anaphor.start(), clause.trigger.end,
                          f"'{anaphor.group()}' are {before[0].name} and {before[1].name}, the two named just before")
        return before

    def _sides_defined(self, clause: _Clause, anaphor) -> list[Entity]:
        """'the violence on either side of the Norland-Sudland conflict must stop ... negotiations between both sides': the
        countries of the last phrase before the anaphor that says whose sides they are (two at least), else none."""
        if not self.sides_anaphor.match(anaphor.group()):
            return []
        doc = clause.doc
        defined = None
        for match in self.sides_defined.finditer(doc.text, max(0, anaphor.start() - 2000), anaphor.start()):
            defined = match
        if defined is None:
            return []
        sides = [e for e in doc.bodies(*defined.span("of")) if e.kind == "country"]
        if len(sides) < 2:
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_SIDES_DEFINED, "set", defined.start(), clause.trigger.end,
                          f"'{anaphor.group()}' are {', '.join(e.name for e in sides)}, as '{defined.group()}' said")
        return sides

    def _group_subject(self, clause: _Clause, people: list[Entity]) -> bool:
        """'X travels to Russia with Y. In Moscow, the pair will meet Z': a group anaphor before the trigger, when
        only the people met are named after it, is the people of the meeting before (two at least), who meet
        them (added before ``people``; the countries of that meeting are not carried over)."""
        doc = clause.doc
        subject = self.group_anaphor.search(doc.text, clause.left, clause.trigger.start)
        if subject is None or subject.group().casefold() in self.plain_group_pronouns or self.phrases.body_noun.search(subject.group()):
            return False
        group = [e for e in _last_group(clause.previous, clause.lower - 2000, []) if e.kind == "person" and e not in people]
        if len(group) < 2:
            return False
        people[:0] = group
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_GROUP_SUBJECT, "set", subject.start(), clause.trigger.end,
                          f"'{subject.group()}' is {', '.join(e.name for e in group)}, who meet the people named after '{clause.trigger.text}'")
        return True

    def _with_hosts(self, clause: _Clause, people: list[Entity], countries: list[Entity], right_people: list[Entity]) -> list[Entity]:
        """The people found, with the counterparts' countries and a visit's host; a country stands in
        for its people only when none of them is named."""
        if countries and not right_people:
            people.extend(c for c in countries if all(p.country != c.country and p.name != c.name for p in people))
        if (clause.mtype == "visit" and not right_people and clause.inviter is not None and clause.inviter not in people
                and self._inviting(clause.statement)):
            people.append(clause.inviter)  # 'X invited Y to visit': X hosts (not 'X asked Y to travel to Lima')
        elif clause.mtype == "visit" and (host := self._turn_host(clause)) is not None:
            if host not in people:
                people.append(host)  # 'THE PRESIDENT: Macron will be coming': to the speaker
        elif clause.mtype == "visit" and not (right_people and clause.word.phrase in self.host_triggers):
            if clause.inviter is not None and not right_people and clause.inviter not in people and clause.doc.trace is not None:
                clause.doc.trace.add(STAGE, PARTICIPANT_SENDER_NOT_HOST, "set", clause.statement.cue.start, clause.trigger.end,
                                     f"{clause.inviter.name} '{clause.statement.cue.text}' the visitor there; the place visited hosts")
            # 'travels to Peru with Senator Y', 'the visit to Peru by X': the country visited hosts, also
            # when people are named after the trigger, unless one of them is of that country (then
            # dropped below), or the trigger is a hosting one ('welcomed Y to Lima': its subject hosts);
            # a listed trip ('to Peru, Chile and Bolivia') runs to the sentence end
            trigger = clause.trigger
            hosts = clause.doc.host_countries(trigger.end, max(clause.right, clause.upper))
            if not hosts:
                people.extend(e for e in self._host_before(clause, people) if e not in people)
            for host in hosts:
                if all(host.name != p.name and host.name != p.country for p in people):
                    people.append(host)
                    answerer = self._asked_host(clause, host)
                    if answerer is not None and answerer not in people:
                        people.append(answerer)  # 'Q Mr. President, ... X's visit to Washington?': the President hosts
                    if right_people and clause.doc.trace is not None:
                        clause.doc.trace.add(STAGE, PARTICIPANT_VISIT_HOST, "set", trigger.start, trigger.end,
                                             f"'{trigger.text}' goes to {host.name}: the host beside {', '.join(p.name for p in right_people)}")
        # 'Kerry will meet his German counterpart' resolved to Steinmeier drops Germany
        return [e for e in people if e.kind != "country" or not any(p.kind == "person" and p.country == e.name for p in people)]

    def _turn_host(self, clause: _Clause) -> Entity | None:
        """'THE PRESIDENT: the Chancellor will be coming', 'She has asked to come and visit me': one who comes (a ``to_speaker``
        trigger) in a transcript turn comes to the turn's speaker, who hosts; not a briefer (who announces
        visits), not in a reporter's question, and not when a country visited other than the speaker's is named after the trigger."""
        doc, trigger = clause.doc, clause.trigger
        if clause.word.phrase not in self.to_speaker_triggers or doc.question_voice(trigger.start) is not None:
            return None
        voices = doc.turn_voices(trigger.start)
        if voices is None or self._briefer(voices[0]):
            return None
        speaker = voices[0]
        if any(host.name != speaker.country for host in doc.host_countries(trigger.end, max(clause.right, clause.upper))):
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_TURN_HOST, "set", trigger.start, trigger.end,
                          f"'{trigger.text}' comes to {speaker.name}, whose turn it is")
        return speaker

    def _asked_host(self, clause: _Clause, host: Entity) -> Entity | None:
        """'Q Mr. President, is there a date yet for X's visit to Lima?': in a reporter's question, a visit to the
        country of the one who answers it (not a briefer, who speaks for the government) is hosted by that person."""
        asked = clause.doc.question_voice(clause.trigger.start)
        answerer = asked[0] if asked is not None else None
        if answerer is None or answerer.kind != "person" or answerer.country != host.name or self._briefer(answerer):
            return None
        if clause.doc.trace is not None:
            clause.doc.trace.add(STAGE, PARTICIPANT_ASKED_HOST, "set", clause.trigger.start, clause.trigger.end,
                                 f"'{clause.trigger.text}' goes to {host.name}, the country of {answerer.name}, who is asked")
        return answerer

    def _host_before(self, clause: _Clause, people: list[Entity]) -> list[Entity]:
        """'Quiroga met X, who is in Chile on a working visit': the host of a visit noun whose place is written before it,
        the one person of that country the sentence names, else the country."""
        doc, trigger = clause.doc, clause.trigger
        where = self.phrases.visit_place_before.search(doc.text, max(clause.lower, trigger.start - 80), trigger.start) \
            if clause.word.pos == "noun" else None
        if where is None and clause.word.phrase == TRIGGER_WHERE_WAS:
            where = self.phrases.visit_place_where.search(doc.text, max(clause.lower, trigger.start - 60), trigger.start)
        country = doc.host_countries(where.start("place"), where.end("place"))[:1] if where is not None else []
        if not country or any(country[0].name in (p.name, p.country) for p in people):
            return []
        named = [p for p in doc.people(clause.lower, clause.upper) if p.kind == "person" and p.country == country[0].name]
        host = named[0] if len(named) == 1 else country[0]
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_VISIT_HOST_BEFORE, "set", where.start("place"), trigger.end,
                          f"'{trigger.text}' is in {country[0].name}: {host.name} hosts")
        return [host]

    def _inviting(self, statement: Statement | None) -> bool:
        """The statement's cue invites ('invited', 'welcomed'): its speaker hosts the visit it proposes."""
        return statement is not None and statement.cue.text.casefold().startswith(self.hosting_directives)

    def _voiced(self, doc: _Document, trigger: Span, left: int, right: int, mtype: str) -> list[Entity]:
        """In a transcript turn: the speaker ('I', 'my'), the one addressed ('you', 'your'), or both
        ('we', 'our') when they word the meeting (see ``speaker_line`` in meeting_grammar.toml)."""
        asked = doc.question_voice(trigger.start)
        if asked is not None:
            # 'Q How did your call with X go?': 'your' is the one who answers the question, not the reporter
            # nor the speaker of the turn before; a briefer answers for the government
            addressee = asked[0]
            if addressee is None or self._briefer(addressee) or not self.asked_you_before.search(doc.text, max(left, trigger.start - 40), trigger.start):
                return []
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_ASKED_YOU, "set", trigger.start, trigger.end,
                              f"'you' in the question is {addressee.name}, who answers it")
            return [addressee]
        voices = doc.turn_voices(trigger.start)
        if voices is None:
            return []
        speaker, addressee = voices
        if self._briefer(speaker) or self._briefer(addressee):
            # a press briefing: the briefer announces meetings, and 'we' is the government, a side only of talks it holds
            return self._briefer_we(doc, trigger, left, right, speaker)
        found: list[Entity] = []
        reach = max(left, trigger.start - _PRONOUN_REACH)
        for pronoun in self.first_person.finditer(doc.text, reach, trigger.end):  # the end: "receiving us" holds its object
            if pronoun.group("singular"):
                found.append(speaker)
            elif addressee is None and speaker.country and doc.question_lines():
                # answering reporters, 'we' is the speaker's government: 'we are still in discussions with X'
                found.append(Entity(speaker.country, "country", country=speaker.country))
                if doc.trace is not None:
                    doc.trace.add(STAGE, PARTICIPANT_ANSWER_WE, "set", pronoun.start(), trigger.end,
                                  f"'{pronoun.group()}' answering reporters is {speaker.country}, not {speaker.name} alone")
            elif mtype == "visit" or self._with_others(doc, trigger, right):
                # 'we will leave for Kuwait': a trip is the speaker's side's; 'we met with X': the speaker's side met X;
                # the one addressed takes part only as 'you'
                found.append(speaker)
                if addressee is not None and doc.trace is not None:
                    doc.trace.add(STAGE, PARTICIPANT_TRIP_WE, "set", pronoun.start(), trigger.end,
                                  f"'{pronoun.group()}' is {speaker.name}'s side, not {addressee.name}")
            else:
                found.extend([speaker, addressee])
        if self.second_person.search(doc.text, reach, trigger.start) or self.second_person.search(doc.text, trigger.end, min(right, trigger.end + _PRONOUN_REACH)):
            found.append(addressee)
        unique: list[Entity] = []
        for entity in found:
            if entity is not None and entity not in unique:
                unique.append(entity)
        return unique

    def _with_body_only(self, doc: _Document, trigger: Span, right: int, speaker_country: str | None = None) -> bool:
        """A 'with' object after the trigger that names a country or organisation ('them' for one named before) and no
        person, none of them ``speaker_country``."""
        with_ = self.phrases.with_after.match(doc.text, trigger.end, right)
        if with_ is None or doc.people(with_.end(), right):
            return False
        bodies = doc.bodies(with_.end(), right)
        pronoun = self.phrases.object_pronoun_word.match(doc.text, with_.end(), right)
        if not (bodies or (pronoun and pronoun.group().casefold() in self.object_group_pronouns)):
            return False
        return not (speaker_country and any(speaker_country in (b.name, b.country) for b in bodies))

    def _briefer_we(self, doc: _Document, trigger: Span, left: int, right: int, speaker: Entity | None) -> list[Entity]:
        """'MS. X: We are still holding discussions with the Chileans': a briefer's 'we' as the subject of a meeting word
        (meeting_grammar.toml briefer_we_before) whose 'with' object names a country or organisation ('them' for one named
        before) and no person is the government the briefer speaks for, the other side of those talks; any other 'we' of
        a briefer names no participant."""
        if speaker is None or not speaker.country or not self._briefer(speaker):
            return []
        we = self.phrases.briefer_we_before.search(doc.text, max(left, trigger.start - 60), trigger.start)
        if we is None or not self._with_body_only(doc, trigger, right, speaker.country):
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_BRIEFER_WE, "set", we.start(), trigger.end,
                          f"the briefer's '{we.group('we')}' holding '{trigger.text}' with a country is {speaker.country}")
        return [Entity(speaker.country, "country", country=speaker.country)]

    def _with_others(self, doc: _Document, trigger: Span, right: int) -> bool:
        """'we met with President X': a 'with' object after the trigger, other than 'you'."""
        with_ = self.phrases.with_after.match(doc.text, trigger.end, right)
        return with_ is not None and not self.second_person.match(doc.text, with_.end())

    def _briefer(self, entity: Entity | None) -> bool:
        return entity is not None and any(self.briefer_role.search(role) for role in {entity.role or "", *entity.roles})

    def _group(self, text: str, trigger: Span, left: int) -> Entity | None:
        """The group named right before a summit word ('the G20 summit'), as written."""
        match = self.group_before.search(text, max(left, trigger.start - 60), trigger.start)
        if match is None:
            return None
        name = match.group("group")
        organisation = self.lex.organisation(name)
        if name.isalpha() and name.isupper() and (organisation is None or organisation.kind != "igo"):
            return None
        return Entity(name, "organisation", country=organisation.country if organisation else None)

    def _members_after(self, doc: _Document, trigger: Span) -> Entity | None:
        """'the Summit of the Americas': the region, country or organisation a capitalised summit or
        meeting is named after, written after its head word."""
        if not doc.text[trigger.start].isupper():
            return None
        match = self.phrases.members_after.match(doc.text, trigger.end, trigger.end + 60)
        if match is None:
            return None
        name = match.group("members")
        organisation = self.lex.organisation(name)
        if not (name_key(name) in self.regions or self.lex.country_of_word(name) or organisation is not None):
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_MEMBERS_AFTER, "set", trigger.start, match.end(), f"'{name}': named after its members")
        return Entity(name, "organisation", country=organisation.country if organisation else None)

    def _organisation_event(self, doc: _Document, trigger: Span, left: int, mtype: str) -> Entity | None:
        """'the African Union summit', 'an Arctic Council summit': the organisation named right before a lower-case summit
        or meeting word (a listed one, or capitalised words ending in an organisation's head noun)."""
        if mtype not in ("summit", "meeting") or doc.text[trigger.start].isupper():
            return None
        match = self.phrases.organisation_before.search(doc.text, max(left, trigger.start - 80), trigger.start)
        if match is None:
            return None
        name, organisation = self._organisation_name(match.group("group").split())
        if name is None:
            return None
        end = match.end("group")
        last = doc.text.rfind(" ", match.start("group"), end) + 1 or match.start("group")
        if doc.person_spans.overlaps(last, end):
            # 'Kim Jong Un met ...': the words end in a person's name ('Un' is no UN); who meets, not an organisation
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_ORGANISATION_EVENT, "vetoed", match.start("group"), trigger.end,
                              f"'{doc.text[last:end]}' ends a person's name, not an organisation's")
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ORGANISATION_EVENT, "set", match.start("group"), trigger.end, f"'{name}': the organisation whose {mtype} it is")
        return Entity(organisation.name if organisation else name, "organisation", country=organisation.country if organisation else None)

    def _organisation_name(self, words: list[str]):
        """The organisation a run of capitalised words ends in ('... of the Shanghai Cooperation Organisation'): the longest
        listed one, else the words from the first that is no stopword nor title, when they end in a head noun."""
        for i in range(len(words)):
            organisation = self.lex.organisation(" ".join(words[i:]))
            if organisation is not None:
                return organisation.name, organisation
        joints = [i + 1 for i, word in enumerate(words) if self.phrases.organisation_joint.match(word)]
        for i in [max(joints, default=0), *range(len(words))]:
            rest = words[i:]
            if not rest or rest[0] in self.stopwords or any(self.lex.title(w) for w in rest):
                continue
            name = " ".join(rest)  # 'The Heads of State of the Arctic Council': the words after the last 'of (the)'
            if self.phrases.organisation_head.search(name):
                return name, None
        return None, None

    def _named_event(self, text: str, trigger: Span, left: int) -> Entity | None:
        """'the Munich Security Conference', 'the World Economic Forum': the event's name as written."""
        if not text[trigger.start].isupper():
            return None
        match = self.phrases.event_name.search(text, max(left, trigger.start - 80), trigger.start)
        if match is None or match.group().split()[0] in self.stopwords:
            return None
        return Entity(text[match.start():trigger.end], "organisation")

    def _unlisted_people(self, doc: _Document, trigger: Span, left: int, right: int, known: list[Entity]) -> list[Entity]:
        """'X met Ana Lopes': a full name (two to four capitalised words) right before or after a meeting
        verb that no list knows, when it is neither a place, an organisation nor a title."""
        found: list[Entity] = []
        known_keys = {name_key(e.name) for e in known}
        _, after, coordinated = self._coordinated_actors(doc, trigger, left, right)
        for match in coordinated:
            if match is None:
                continue
            name = match.group("actor")
            words = name.split()
            if doc.portfolio_word(match.start("actor"), "actor"):
                continue  # 'the Minister for Foreign Affairs met X': the title's portfolio
            lead = doc.text[match.start():match.start("actor")].split()
            if words[0].casefold() in self.articles or (match is after and not self._plain_object_lead(lead)):
                continue  # 'the Old Town', 'met the Ana Lopes Foundation': a person's name takes no article
            if match is after and not self.name_end.match(doc.text, match.end("actor")):
                continue  # 'met Sea Breeze Hotel staff': a modifier of a common noun, not a name
            if not 2 <= len(words) <= 4 or any(w in self.stopwords or not w[1:].islower() for w in words):
                continue
            if (self.lex.title(name) or self.lex.country_of_word(name) or self.lex.organisation(name) or doc.tracker.lookup_name(name) is not None
                    or any(self.lex.country_of_word(w) or self.lex.title(w) for w in words) or self.lex.title(" ".join(words[:2]))):
                continue  # a place, body, title ('President Obama') or a name the entities pass knows
            known_words = {token for k in known_keys for token in k.split()}
            if any(name_key(w) in known_words for w in words):
                continue
            found.append(Entity(name, "person"))
        return found

    def _coordinated_actors(self, doc: _Document, trigger: Span, left: int, right: int) -> tuple:
        """(the actor match right before a verb trigger, the one right after, all of them with the actors
        coordinated before the one before first: 'Hamas and Fatah held talks', 'Ana Lind, Jorge Paz and Maria
        Soto met', up to four more). Read once per trigger and clause, for the unlisted people and the bare
        actors alike, so the coordination is traced once."""
        key = (trigger.start, left, right)
        found = doc.actor_matches.get(key)
        if found is None:
            before = self.actor_before.search(doc.text, left, trigger.start)
            after = self.actor_after.match(doc.text, trigger.end, right)
            found = doc.actor_matches[key] = (before, after, self._with_coordinated(doc, trigger, left, before, after))
        return found

    def _with_coordinated(self, doc: _Document, trigger: Span, left: int, before, after) -> list:
        """``[before, after]`` with the actors coordinated before ``before`` put in front of it."""
        matches = [before, after]
        while matches[0] is not None and len(matches) < 6:
            coordinated = self.phrases.actor_coordinated_before.search(doc.text, left, matches[0].start("actor"))
            if coordinated is None:
                break
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_COORDINATED_ACTORS, "set", coordinated.start("actor"), trigger.end,
                              f"'{coordinated.group('actor')}' is coordinated with the actor of '{trigger.text}'")
            matches.insert(0, coordinated)
        return matches

    def _plain_object_lead(self, lead: list[str]) -> bool:
        """Nothing, or only 'with', between a meeting verb and the name after it ('met (with) Ana Lopes')."""
        return not lead or (len(lead) == 1 and lead[0] in self.name_object_prepositions)

    def _media(self, name: str) -> bool:
        organisation = self.lex.organisation(name)
        return organisation is not None and organisation.kind == "media"

    def _event_members(self, event: Entity, trigger: Span) -> list[Entity]:
        """'Japan-ROK Summit', 'U.S.-China Summit Meeting': the countries or organisations a summit or
        meeting is named after, when every part of the name before its head word is one; else none
        (a 'Global Vaccine Summit' names no participant: its hosts and attendees are read as for
        any other meeting)."""
        head = self.event_head.search(event.name)
        prefix = event.name[:head.start()] if head else event.name[:trigger.start - trigger.end]
        joint = self.phrases.joint_adjective.fullmatch(self.phrases.event_part_article.sub("", prefix.strip()))
        countries = self.joint_adjectives.get(joint.group().casefold()) if joint else None
        if countries and all(self.lex.country_of_word(c) == c for c in countries):
            return [Entity(c, "country", country=c) for c in countries]  # 'the Inter-Korean Summit': both Koreas
        parts = [p for p in self.phrases.name_part_separator.split(prefix.strip()) if p]
        members: list[Entity] = []
        for part in parts:
            part = self.phrases.event_part_article.sub("", part)
            country = self.lex.country_of_word(part)
            organisation = None if country else self.lex.organisation(part)
            if country:
                members.append(Entity(country, "country", country=country))
            elif organisation is not None:
                members.append(Entity(part, "organisation", country=organisation.country))
            else:
                return []
        return members if len(members) >= 2 or (members and members[0].kind == "organisation") else []

    def _pronoun_subject(self, doc: _Document, lower: int, upper: int, statement: Statement | None) -> Entity | None:
        if statement is not None and statement.speaker.mention_kind != "anonymous":
            first = None
            for first in self.first_person.finditer(doc.text, max(lower, upper - _PRONOUN_REACH), upper):
                pass
            if first is not None and first.group("singular"):
                entity = doc.tracker.lookup_name(statement.speaker.name)
                if entity is not None and entity.kind == "person":
                    return entity
            elif first is not None and statement.speaker.country:
                return Entity(statement.speaker.country, "country", country=statement.speaker.country)
        pronoun = None
        for m in self.person_pronoun.finditer(doc.text, max(lower, upper - _PRONOUN_REACH), upper):
            pronoun = m
        if pronoun is None:
            return None
        if statement is not None and pronoun.start() - statement.content.start < 12 and statement.speaker.mention_kind != "anonymous":
            entity = doc.tracker.lookup_name(statement.speaker.name)
            if entity is not None and entity.kind == "person":
                return entity
        sentence_start = doc.sentence_start(pronoun.start())
        if statement is not None:
            sentence_start = max(sentence_start, statement.content.start)  # reported speech: its own subject first
        gender = self._pronoun_gender(pronoun.group())
        return self._asked_pronoun_subject(doc, pronoun, gender) or doc.person_before(pronoun.start(), sentence_start, gender)

    def _asked_pronoun_subject(self, doc: _Document, pronoun, gender: str | None) -> Entity | None:
        """'Q What did Secretary X discuss with Minister Y? / MR. Z: He met with her in Lima': a subject pronoun in an
        answer that names nobody of its gender before it is the first person of that gender the question names (whom it
        asks about), not the last one (often the other side, after 'with')."""
        asked = doc.asked_before(pronoun.start())
        if asked is None:
            return None
        named = [m for m in doc.persons if asked[0] <= m.start < pronoun.start() and not doc.in_label(m.start)
                 and m.entity.compatible_gender(gender)]
        if not named or named[-1].start >= asked[1]:
            return None  # the answer names someone of that gender: the usual reading
        entity = named[0].entity
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_ANSWER_PRONOUN, "set", pronoun.start(), pronoun.end(),
                          f"'{pronoun.group()}' in the answer is {entity.name}, whom the question asks about")
        return entity

    def _pronoun_gender(self, pronoun: str) -> str | None:
        """The gender of a personal pronoun (pronouns.tsv: 'he' m, 'her' f), None when it has none; a person it
        stands for is of that gender or of none known."""
        return self.lex.pronouns.get(pronoun.casefold(), ("",))[0] or None

    def _actors(self, doc: _Document, trigger: Span, left: int, right: int, mtype: str, first_meeting: bool = False) -> list[Entity]:
        """Bare capitalised actors around a verb trigger, when nothing known is named (the place of a
        meeting is none; the place a visit goes to is its host)."""
        actors: list[Entity] = []
        _, _, coordinated = self._coordinated_actors(doc, trigger, left, right)
        for match in coordinated:
            if match is None:
                continue
            name = self.phrases.actor_article.sub("", match.group("actor"))
            if name.split()[0] in self.stopwords or name in self.stopwords or self.lex.title(name):
                continue
            if doc.portfolio_word(match.start("actor"), "actor"):
                continue  # 'The Minister for Trade met X': the title's portfolio
            if mtype != "visit" and self.phrases.locative_before.search(doc.text, max(0, match.start("actor") - 12), match.start("actor")):
                continue  # 'the two presidents will meet in Geneva': the place, not an actor
            country = self.lex.country_of_word(name) if mtype == "visit" else None
            # 'will arrive in Tokyo': the visit's host is the city's country, not the city
            actors.append(Entity(country, "country", country=country) if country else Entity(name, "group"))
        if not actors and first_meeting:
            group = self.group_anaphor.search(doc.text, left, trigger.start)
            if group is not None and group.group().casefold() not in self.plain_group_pronouns:
                # 'The two presidents met in Geneva': the group as written, when nobody is named and no
                # meeting came before (after one, 'the two presidents' refer back to its participants)
                actors.append(Entity(self.without_the(group.group()), "group"))
        return actors

