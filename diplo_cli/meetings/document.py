"""Per-document indices of the meetings stage, each built once so that every trigger looks up by bisection."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from diplo_cli.language.lexicons import Lexicon, name_key
from diplo_cli.meetings.common import (
    _COUNTERPART_REACH,
    _DOTTED,
    _LOOKBACK,
    _SPECIFIC_TIMES,
    CLAUSE_SELF_REPAIR,
    PARTICIPANT_COUNTERPART_ROLE,
    PARTICIPANT_EVENT_NAME,
    PARTICIPANT_JOINT_ADJECTIVE,
    PARTICIPANT_LABEL_VOICE,
    PARTICIPANT_NAMED_AGENT,
    PARTICIPANT_NOT_BRIEFER,
    PARTICIPANT_PORTFOLIO,
    PARTICIPANT_RELATION,
    PARTICIPANT_STOPWORD_BODY,
    PARTICIPANT_VISITOR_COUNTRY,
    PARTICIPANT_VOCATIVE,
    PLACE_VENUE,
    STAGE,
    TIME_OF_DATELINE,
    TIME_OF_REPORT,
    TIME_OF_SINCE_CLAUSE,
    VETO_MODIFIER_PLACE,
    VETO_TITLE_PLACE,
    VETO_TOPIC_PLACE,
    Entity,
    EntityTracker,
    _outermost,
    _SpanIndex,
)
from diplo_cli.models import Span, Statement
from diplo_cli.rules.scanning import LoweredText

if TYPE_CHECKING:
    import regex

    from diplo_cli.meetings.finder import MeetingFinder
    from diplo_cli.rules import Trace
    from diplo_cli.text.analysis import TextAnalysis


class _Document:
    """Per-document indices, each built once: every trigger then looks up by bisection."""

    def __init__(self, finder: MeetingFinder, analysis: TextAnalysis, tracker: EntityTracker, statements: list[Statement],
                 lowered: LoweredText | None, trace: Trace | None = None):
        text, sentences = analysis.text, analysis.sentences
        self.finder = finder
        self.trace = trace  # the participant and place rules record their decisions here
        self.trigger_starts: list[int] = []
        self.trigger_ends: list[int] = []
        self.own_trigger_traced: set[tuple[int, int]] = set()  # (cue, trigger) starts the trace has a status.own_trigger for
        self.trigger_verbs: list[bool] = []  # the trigger at each index is a verb ('met'), not a noun ('the talks')
        self.trigger_types: list[str] = []  # the event type of the trigger at each index ('meeting', 'visit', 'call' ...)
        self.text = text
        self.line_starts = analysis.line_starts
        self.folded = analysis.folded
        self.tracker = tracker
        self.sentence_starts = [s.start for s in sentences]
        lex = finder.lex
        self.contents = _SpanIndex((s.content.start, s.content.end, s) for s in statements)
        first_cue: dict[tuple[int, int], int] = {}
        for s in statements:
            key = (s.speaker.mention.start, s.speaker.mention.end)
            first_cue[key] = min(first_cue.get(key, s.cue.start), s.cue.start)
        self.speakers = _SpanIndex((start, end, cue) for (start, end), cue in first_cue.items())
        # 'I said ...' in a transcript turn: who the speakers stage took the turn's own voice for
        self.first_person_speakers = [(s.speaker.mention.start, s.speaker.name) for s in statements
                                      if s.speaker.mention_kind == "pronoun" and s.speaker.mention.text == "I"]
        self.trigger_at = -1  # start of the trigger whose participants are being read
        self._speaker_lines: list[regex.Match] | None = None  # transcript speaker lines, read on first use
        self._labels: _SpanIndex | None = None  # their labels, read on first use
        self._questions: list[tuple[int, int]] | None = None  # reporters' question lines (start, end), read on first use
        self._question_starts: list[int] = []
        self._turns: list[tuple[int, Entity]] | None = None  # transcript speaker lines, read on first use
        self._turn_starts: list[int] = []
        self._self_repairs: dict[int, bool] = {}  # _self_repair by offset: a dash bounds clauses on both sides
        self.actor_matches: dict[tuple[int, int, int], tuple] = {}  # _coordinated_actors by (trigger start, left, right)
        self.principal: list[Entity | None] = []  # the text's principal by bare head title, read once (_text_principal)
        self.status = _SpanIndex((m.start(), m.end(), value) for scan, value in finder.status_scans for m in scan.finditer(text, lowered))
        self.times = _SpanIndex(self._coordinated_times(
            [(m.start(), m.end(), value) for scan, value in finder.time_scans for m in scan.finditer(text, lowered)]))
        self.clause_starts = [m.end() for m in finder.clause_start_scan.finditer(text, lowered) if not self._self_repair(m.start())]
        self.clause_ends = [m.start() for m in finder.clause_end_scan.finditer(text, lowered) if not self._self_repair(m.start())]
        self.persons = [m for m in tracker.mentions if m.entity.kind == "person" and not self._event_named(m)]
        self.person_starts = [m.start for m in self.persons]
        self.person_spans = _SpanIndex((m.start, m.end, m) for m in self.persons)
        self._mentions_of: dict[Entity, list] | None = None  # self.persons by entity, built on first use (mentions_of)
        self.role_spans = _SpanIndex(self._role_mentions(lex, statements))
        self.folded_lines = analysis.folded_lines  # folding removes most accents: more stretches for the faster engine
        # the places of the text: the same spans as the speaker stage's place finder, found once for both
        self.place_spans = analysis.shared(("place_spans", id(lex)), lambda: [m.span() for m in finder.place_scan.finditer(self.folded, self.folded_lines)])
        self.bodies_index = _SpanIndex(_outermost(self._agents(_outermost(self._bodies(lex)))))
        self.place_candidates = _SpanIndex(self._place_candidates(lex))

    def _self_repair(self, offset: int) -> bool:
        """'having — having important talks', 'talks with — with their counterparts': a dash at ``offset`` after a word
        that comes again within the words right after it (meeting_grammar.toml self_repair_dash) repairs the speech, and
        opens or ends no clause. Read once per offset (a dash is both a clause start and a clause end), so traced once."""
        if offset not in self._self_repairs:
            self._self_repairs[offset] = self._read_self_repair(offset)
        return self._self_repairs[offset]

    def _read_self_repair(self, offset: int) -> bool:
        after = self.finder.phrases.self_repair_dash.match(self.text, offset)
        if after is None:
            return False
        before = self.finder.phrases.word_before_dash.search(self.text, max(0, offset - 40), offset)
        if before is None:
            return False
        word = before.group().casefold()
        if not any(word == w.casefold() for w in after.group("next").split()):
            return False
        if self.trace is not None:
            self.trace.add(STAGE, CLAUSE_SELF_REPAIR, "vetoed", before.start(), after.end(), f"'{before.group()} —' is repeated: a self-repair")
        return True

    def _coordinated_times(self, found: list[tuple[int, int, str]]):
        """The time expressions as index items: a run of them joined by a comma or 'and'/'or' ('this Wednesday,
        tomorrow, and Thursday', 'tomorrow, Monday') is one expression, as the guidelines write it, of the most
        specific kind among its parts; overlapping matches of several rules keep the longest."""
        runs: list[list] = []
        for start, end, value in sorted(found, key=lambda item: (item[0], -item[1])):
            if runs and start < runs[-1][1]:
                continue  # inside (or overlapping) the expression before
            if runs and self.finder.phrases.time_coordinator.fullmatch(self.text, runs[-1][1], start):
                run = runs[-1]
                run[1] = end
                run[2] = value if value in _SPECIFIC_TIMES and run[2] not in _SPECIFIC_TIMES else run[2]
                continue
            runs.append([start, end, value])
        return [(start, end, (self.finder.time_span(self.text, start, end), value)) for start, end, value in runs
                if not self._time_of_report(start, end) and not self._time_of_dateline(start, end) and not self._time_of_since_clause(start, end)]

    def _time_of_since_clause(self, start: int, end: int) -> bool:
        """'It was their first meeting since relations were restored in May': a time inside a 'since' clause with a
        subject and verb of its own dates that clause's event, not the meeting (meeting_grammar.toml since_clause_before)."""
        since = self.finder.phrases.since_clause_before.search(self.text, max(0, start - 90), start)
        if since is None or any(mark in since.group() for mark in ",.;:"):
            return False
        if self.trace is not None:
            self.trace.add(STAGE, TIME_OF_SINCE_CLAUSE, "vetoed", start, end, f"'{self.text[start:end]}' dates the 'since' clause's event")
        return True

    def _time_of_dateline(self, start: int, end: int) -> bool:
        """'DOHA, March 4 (Reuters) - X spoke with Y on Tuesday': a time inside the dateline at its line's start dates the
        article, not the meeting the story tells of (meeting_grammar.toml dateline_time)."""
        line = self.line_starts[bisect.bisect_right(self.line_starts, start) - 1]  # (no scan back over a long line per time)
        if start - line > 40:
            return False
        dateline = self.finder.phrases.dateline_time.match(self.text, line)
        if dateline is None or end > dateline.end():
            return False
        if self.trace is not None:
            self.trace.add(STAGE, TIME_OF_DATELINE, "vetoed", start, end, f"'{self.text[start:end]}' dates the article (its dateline)")
        return True

    def _time_of_report(self, start: int, end: int) -> bool:
        """'Officials said on Friday that ...', 'a report today that ...': a time right after a verb or noun of
        saying dates the saying, and one after a verb of cancelling ('were cancelled on Wednesday') the cancelling, not a meeting; not a possessive ('announced Friday's talks')."""
        if not self.finder.phrases.report_before_time.search(self.text, max(0, start - 40), start):
            return False
        if self.text.startswith(("'s", "’s"), end):
            return False
        if self.trace is not None:
            self.trace.add(STAGE, TIME_OF_REPORT, "vetoed", start, end, f"'{self.text[start:end]}' dates a report")
        return True

    def _event_named(self, mention) -> bool:
        """'the Global Vaccine Summit', 'the Inter-Korean Summit Meeting': a name whose last word is the
        head of a meeting noun (meeting_words.tsv) names an event, never a person who meets, whatever
        the entities pass took it for."""
        words = mention.entity.name.split()
        if len(words) < 2 or words[-1].casefold() not in self.finder.event_heads:
            return False
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_EVENT_NAME, "vetoed", mention.start, mention.end, f"'{mention.entity.name}' names an event")
        return True

    def _bodies(self, lex: Lexicon) -> list[tuple[int, int, Entity]]:
        """Countries (by name, adjective or dotted abbreviation) and international organisations named in the text."""
        text, folded, finder = self.text, self.folded, self.finder
        bodies = []
        for start, end in self.place_spans:
            if text[start].isupper() and not finder.phrases.affix_before.search(text, max(0, start - 5), start):
                country = lex.country_of_word(text[start:end])
                if country:
                    bodies.append((start, end, Entity(country, "country", country=country)))
                    elided = finder.phrases.ellipsis.search(text, max(0, start - 30), start)
                    words = text[start:end].split()
                    if elided and len(words) > 1:
                        # 'South and North Korea': South Korea too
                        other = lex.country_of_word(" ".join([elided.group("word"), *words[1:]]))
                        if other and other != country:
                            bodies.append((elided.start(), elided.end("word"), Entity(other, "country", country=other)))
        for m in finder.phrases.joint_adjective.finditer(text):
            # 'inter-Korean talks': both countries, each on its part of the adjective
            countries = finder.joint_adjectives.get(m.group().casefold())
            if countries is None or not all(lex.country_of_word(c) == c for c in countries):
                continue
            for (start, end), country in zip((m.span("first"), m.span("second")), countries):
                bodies.append((start, end, Entity(country, "country", country=country)))
            if self.trace is not None:
                self.trace.add(STAGE, PARTICIPANT_JOINT_ADJECTIVE, "set", m.start(), m.end(), f"'{m.group()}': {' and '.join(countries)}")
        for m in _DOTTED.finditer(text):
            # 'U.S.', 'U.K.', 'U.N.': the name lists hold them without their dots
            country = lex.country_of_word(m.group())
            organisation = None if country else lex.organisation(m.group())
            if country:
                bodies.append((m.start(), m.end(), Entity(country, "country", country=country)))
            elif organisation is not None and organisation.kind == "igo":
                bodies.append((m.start(), m.end(), Entity(organisation.name, "organisation", country=organisation.country)))
        for m in finder.organisation_scan.finditer(folded, self.folded_lines):
            if text[m.start():m.end()] in finder.stopwords:
                self._trace_stopword_body(m.start(), m.end())
                continue  # 'Q Who will travel to Lima?': a sentence's opening word, not the acronym WHO
            if text[m.start()].isupper():
                organisation = lex.organisation(text[m.start():m.end()])
                if organisation and organisation.kind == "igo":
                    bodies.append((m.start(), m.end(), Entity(organisation.name, "organisation", country=organisation.country)))
        return bodies

    def _trace_stopword_body(self, start: int, end: int) -> None:
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_STOPWORD_BODY, "vetoed", start, end,
                           f"'{self.text[start:end]}' opens a sentence or clause; it is no organisation's acronym")

    def _agents(self, bodies: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
        """'Iran's foreign minister' is that agent, not Iran: the phrase as written."""
        found = []
        for start, end, entity in bodies:
            agent = self.finder.agent_after.match(self.text, end, end + 60)
            if agent is not None and self._named_agent(agent.end()):
                agent = None  # "Russia's Foreign Minister Sergei Lavrov": a title before a name; the person is met
            if agent is not None:
                entity = Entity(self.text[start:agent.end()], "group", country=entity.country)
                end = agent.end()
            found.append((start, end, entity))
        return found

    def _named_agent(self, end: int) -> bool:
        """Whether a person the entities pass named starts right after an agent phrase ending at ``end``, as its title
        ("Iran's Foreign Minister Javad Zarif") or in apposition ("Iran's foreign minister, Javad Zarif")."""
        gap = self.finder.agent_name_gap.match(self.text, end)
        if gap is None:
            return False
        at = bisect.bisect_left(self.person_starts, gap.end())
        if at < len(self.person_starts) and self.person_starts[at] == gap.end():
            if self.trace is not None:
                self.trace.add(STAGE, PARTICIPANT_NAMED_AGENT, "vetoed", end, gap.end(),
                               f"the agent before {self.persons[at].entity.name} is their title, not a participant of its own")
            return True
        return False

    def _role_mentions(self, lex: Lexicon, statements: list[Statement]):
        """'the President' as a participant: the person a statement's role speaker of the same
        document resolved to (the resolver knows the document's year and home country)."""
        resolved: dict[str, Entity] = {}
        for statement in statements:
            speaker = statement.speaker
            if speaker.mention_kind == "role" and speaker.role and not speaker.anonymous:
                entity = self.tracker.lookup_name(speaker.name)
                if entity is not None and entity.kind == "person":
                    resolved.setdefault(speaker.role, entity)
        if not resolved:
            return
        for match in self.finder.phrases.role_mention.finditer(self.text):
            entity = resolved.get(" ".join(match.group("role").casefold().split()))
            if entity is not None:
                yield match.start(), match.end(), entity

    def _place_candidates(self, lex: Lexicon):
        text, folded = self.text, self.folded
        for m in self.finder.phrases.place.finditer(text):
            start, end = m.span("place")
            phrase = text[start:end]
            district = self.finder.phrases.place_district.search(phrase)  # 'Washington, D.C.': its dots are no full stop
            phrase = phrase if district else phrase.rstrip(".")
            article = self.finder.definite_article
            if phrase.startswith(article):
                if not lex.country_of_word(phrase[len(article):]) and not self._venue(start, phrase[len(article):]):
                    continue
                start, phrase = start + len(article), phrase[len(article):]
            end = start + len(phrase)
            words = phrase.split()
            if words[0] in self.finder.stopwords:
                continue
            if lex.title(words[0]) and not lex.country_of_word(phrase):
                if self.trace is not None:  # 'talking to General X', 'a letter to President X': a title begins a name
                    self.trace.add(STAGE, VETO_TITLE_PLACE, "vetoed", start, end, f"'{phrase}' begins with a title")
                continue
            if self.finder.phrases.topic_before.search(text, max(0, m.start() - 40), m.start("place")):
                if self.trace is not None:  # 'the situation in Iran', 'the war in Ukraine': a topic
                    self.trace.add(STAGE, VETO_TOPIC_PLACE, "vetoed", start, end, f"'{phrase}' is where a topic lies")
                continue
            if self._modifier(lex, phrase):
                if self.trace is not None:  # 'at the French side's initiative', 'at Ferreira's residence'
                    self.trace.add(STAGE, VETO_MODIFIER_PLACE, "vetoed", start, end, f"'{phrase}' modifies a noun")
                continue
            if self.person_spans.overlaps(start, end):
                continue
            core_end = start + district.start() if district else end  # 'Washington, D.C.' is known as Washington is
            known = bool(self.finder.place_scan.fullmatch(folded, self.folded_lines, start, core_end) or lex.country_of_word(text[start:core_end]))
            if not known and (lex.organisation(phrase) or self.finder.trigger_scan.pattern.search(phrase)):
                continue
            yield start, end, (Span.of(text, start, end), known)

    def _venue(self, start: int, phrase: str) -> bool:
        """'at the Elysee Palace': a named venue after 'the', ending in a venue's head word (meeting_grammar.toml
        venue_heads), of two words at least."""
        words = phrase.split()
        if len(words) < 2 or words[-1] not in self.finder.venue_heads:
            return False
        if self.trace is not None:
            self.trace.add(STAGE, PLACE_VENUE, "set", start, start + len(self.finder.definite_article) + len(phrase), f"'{phrase}' is a named venue")
        return True

    def _modifier(self, lex: Lexicon, phrase: str) -> bool:
        """A place candidate that only modifies a noun: a country's adjective ('the French side',
        'the Chilean embassy'; not an abbreviation: 'in the US') or a possessive ('Ferreira's residence')."""
        if self.finder.phrases.possessive_end.search(phrase):
            return True
        key = name_key(phrase)
        return phrase.isalpha() and not phrase.isupper() and key in lex.adjectives and key not in lex.countries

    def nearest_trigger(self, offset: int) -> int:
        """Start of the meeting trigger nearest to ``offset`` (a time expression belongs to it)."""
        index = bisect.bisect_left(self.trigger_starts, offset)
        near = [self.trigger_starts[i] for i in (index - 1, index) if 0 <= i < len(self.trigger_starts)]
        return min(near, key=lambda start: abs(start - offset)) if near else -1

    # -- clause limits
    def clause_start_before(self, offset: int) -> int:
        index = bisect.bisect_right(self.clause_starts, offset) - 1
        return self.clause_starts[index] if index >= 0 else 0

    def clause_end_after(self, offset: int) -> int:
        index = bisect.bisect_left(self.clause_ends, offset)
        return self.clause_ends[index] if index < len(self.clause_ends) else len(self.text)

    def is_reporter(self, offset: int) -> bool:
        """A statement's speaker reporting the meeting: the trigger comes after its cue
        ('Peskov said Putin will meet ...'); a speaker who is the subject of the meeting verb before
        the cue ('Obama called Aquino to inform him that ...') is a participant. A speaker named after
        the trigger and a comma reports it too ('Asked whether Putin could meet Erdogan, Peskov said'),
        as does one asked about it before the cue ('Peskov, asked about the summit, replied')."""
        trigger = self.trigger_at
        return any(cue < trigger or trigger < 0 or (start > trigger and "," in self.text[trigger:start])
                   or (end <= trigger < cue and self.finder.phrases.asked_after.match(self.text, end, trigger) is not None)
                   for start, end, cue in self.speakers.covering(offset))

    # -- entities in a window
    def is_vocative(self, start: int, end: int) -> bool:
        """The one-word name at [start, end) addresses the briefer ('Q Peter, is the Secretary ...?', 'Thanks, Karine.'):
        meeting_grammar.toml vocative_before and vocative_after."""
        phrases = self.finder.phrases
        if " " in self.text[start:end].strip() or not phrases.vocative_after.match(self.text, end):
            return False
        if not phrases.vocative_before.search(self.text, max(0, start - 40), start):
            return False
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_VOCATIVE, "vetoed", start, end, f"'{self.text[start:end]}' addresses the one who answers")
        return True

    def people(self, lower: int, upper: int) -> list[Entity]:
        found: list[Entity] = []
        named = [(start, end, mention.entity) for start, end, mention in self.person_spans.within(lower, upper)
                 if not self.is_vocative(start, end)]
        roles = self.role_spans.within(lower, upper)
        for start, end, entity in sorted(named + roles, key=lambda item: item[0]) if roles else named:
            if end > upper or self.is_reporter(start) or self.finder.phrases.locative_before.search(self.text, max(0, start - 12), start):
                continue
            if self.finder.phrases.companion_before.search(self.text, max(0, start - 24), start):
                continue  # 'X and his wife Y will host ...': a spouse accompanies, does not meet
            if self.portfolio_word(start):
                continue  # 'Minister of External Affairs': a word of a title's portfolio the entities pass took for a name
            if self._names_a_relation(start, end, entity):
                continue  # "Mr. X's predecessor, Y, met Z": Y met, not X
            if entity in found or self.finder.lex.country_of_word(entity.name) or self.finder.lex.title(entity.name):
                continue  # a demonym or a bare title ('President') is not a person's name
            found.append(entity)
        return found

    def portfolio_word(self, start: int, read_as: str = "person") -> bool:
        """The name or capitalised run at ``start`` follows a title word and 'of'/'for' ('Minister of External Affairs',
        'the Minister for Trade met X'): the title's portfolio, not the ``read_as`` (a person, an actor) it was taken
        for (meeting_grammar.toml portfolio_before)."""
        before = self.finder.phrases.portfolio_before.search(self.text, max(0, start - 40), start)
        if before is None or self.finder.lex.title(before.group("title")) is None:
            return False
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_PORTFOLIO, "vetoed", before.start(), start, f"'{before.group().strip()} ...' is a title's portfolio, no {read_as}")
        return True

    def _names_a_relation(self, start: int, end: int, entity: Entity) -> bool:
        """The person named at [start, end) is in the possessive of a relation noun ("Mr. X's predecessor", "X's envoy":
        meeting_grammar.toml relation_after), who stands for another: no participant (meetings.participant.relation)."""
        if not self.finder.phrases.relation_after.match(self.text, end):
            return False
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_RELATION, "vetoed", start, end, f"{entity.name}'s relation is meant, not {entity.name}")
        return True

    def bodies(self, lower: int, upper: int) -> list[Entity]:
        """Countries and international organisations named in the window, not as a location."""
        found: list[Entity] = []
        for start, end, entity in self.bodies_index.within(lower, upper):
            if end > upper or self.is_reporter(start):
                continue
            if self.finder.phrases.locative_before.search(self.text, max(0, start - 12), start) or self.finder.phrases.sidelines_before.search(self.text, max(0, start - 80), start):
                continue  # a location, or the event on whose sidelines the meeting is ('the sidelines of the SCO summit')
            if self._placing_country(start, end, entity):
                continue  # 'in Riyadh, Saudi Arabia': the country places the city where the meeting is
            if all(entity.name != e.name for e in found):
                found.append(entity)
        return found

    def _placing_country(self, start: int, end: int, entity: Entity) -> bool:
        """'in Riyadh, Saudi Arabia', 'in the Kingdom of Saudi Arabia': a country named as part of a place
        phrase (after a city of its own, or with its style after a locative), not in the possessive."""
        if entity.kind != "country" or self.text.startswith(("'s", "’s"), end):
            return False
        match = self.finder.phrases.place_apposition_before.search(self.text, max(0, start - 60), start)
        if match is None:
            return False
        city = match.group("city")
        return city is None or self.finder.lex.country_of_word(city) == entity.name

    def turn_voices(self, offset: int) -> tuple[Entity, Entity | None] | None:
        """(speaker, one addressed) of the transcript turn at ``offset``, or None outside a transcript."""
        if self._turns is None:
            self._turns = self._read_turns()
            self._turn_starts = [start for start, _ in self._turns]
        index = bisect.bisect_right(self._turn_starts, offset) - 1
        if index < 0:
            return None
        speaker = self._turns[index][1]
        before = [e for _, e in self._turns[:index] if e != speaker]
        after = [e for _, e in self._turns[index + 1:] if e != speaker]
        return speaker, (before[-1] if before else after[0] if after else None)

    def question_voice(self, offset: int) -> tuple[Entity | None] | None:
        """Inside a reporter's question line: (the one it asks: the speaker of the first turn after it, or None);
        elsewhere None. The reporter who asks is no voice of a meeting."""
        question = self.question_of(offset)
        if question is None or offset >= question[1]:
            return None
        if self._turns is None:
            self._turns = self._read_turns()
            self._turn_starts = [start for start, _ in self._turns]
        index = bisect.bisect_right(self._turn_starts, question[1])
        return (self._turns[index][1] if index < len(self._turns) else None,)

    def _read_turns(self) -> list[tuple[int, Entity]]:
        """Speaker lines naming known people. Two people make a transcript, and so does one answering
        reporters' questions; a single speaker line opening the text makes the whole text that person's
        speech. A label that names nobody ('THE PRESIDENT:') is the person the speakers stage took the
        turns' own 'I' for (the same label, the same person in every turn)."""
        turns = []
        opens_text = False
        lines = self.speaker_lines()
        by_label = self._label_voices(lines)
        for line in lines:
            entity = self._label_person(line) or by_label.get(" ".join(line.group("label").casefold().split())) or self._label_holder(line)
            if entity is None:
                continue
            opens_text = opens_text or (not turns and not self.text[:line.start()].strip())
            turns.append((line.end(), entity))
        if len({entity.name for _, entity in turns}) >= 2 or (turns and self.question_lines()):
            return turns
        return turns[:1] if opens_text else []

    def _label_person(self, line: regex.Match) -> Entity | None:
        """The known person a speaker line's label names ('SECRETARY BLINKEN:', 'Vladimir Putin:')."""
        words = line.group("label").title().split()
        for size in (3, 2, 1):
            entity = self.tracker.lookup_name(" ".join(words[-size:])) if len(words) >= size else None
            if entity is not None and entity.kind == "person":
                return entity
        return None

    def _label_holder(self, line: regex.Match) -> Entity | None:
        """'THE PRESIDENT:' with no 'I' statement in its turns: the office holder the entities pass read the whole label as
        (by the document's year: with none given or written, the holder is a guess, and the label names nobody)."""
        if not self.tracker.year_is_dated:
            return None
        index = bisect.bisect_left(self.person_starts, line.start("label"))
        if index < len(self.persons) and self.persons[index].start == line.start("label") and self.persons[index].end == line.end("label"):
            return self.persons[index].entity
        return None

    def _label_voices(self, lines: list[regex.Match]) -> dict[str, Entity]:
        """Label (folded) -> the person the turns' 'I' statements were resolved to, for labels naming nobody."""
        voices: dict[str, Entity] = {}
        if not self.first_person_speakers:
            return voices
        starts = [start for start, _ in self.first_person_speakers]
        for index, line in enumerate(lines):
            label = " ".join(line.group("label").casefold().split())
            if label in voices or self._label_person(line) is not None:
                continue
            end = lines[index + 1].start() if index + 1 < len(lines) else len(self.text)
            for j in range(bisect.bisect_left(starts, line.end()), bisect.bisect_left(starts, end)):
                entity = self.tracker.lookup_name(self.first_person_speakers[j][1])
                if entity is not None and entity.kind == "person":
                    voices[label] = entity
                    if self.trace is not None:
                        self.trace.add(STAGE, PARTICIPANT_LABEL_VOICE, "set", line.start("label"), line.end("label"),
                                       f"'{line.group('label')}' speaks as {entity.name} ('I' in the turn)")
                    break
        return voices

    def speaker_lines(self) -> list[regex.Match]:
        """The transcript speaker lines ('MS. PSAKI:', 'Vladimir Putin:'), found once for every rule that reads them."""
        if self._speaker_lines is None:
            self._speaker_lines = list(self.finder.speaker_line_scan.finditer(self.text, self.line_starts))
        return self._speaker_lines

    def in_label(self, offset: int) -> bool:
        """``offset`` lies in the label of a transcript speaker line ('MS. PSAKI:'), which names who talks, not a participant."""
        if self._labels is None:
            self._labels = _SpanIndex((m.start("label"), m.end("label"), None) for m in self.speaker_lines())
        return bool(self._labels.covering(offset))

    def is_briefer_label(self, mention) -> bool:
        """A transcript speaker line ('MS. PSAKI:') naming a briefer (press secretary, spokesperson)."""
        if not self.finder._briefer(mention.entity) or not self.in_label(mention.start):
            return False
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_NOT_BRIEFER, "vetoed", mention.start, mention.end, f"'{mention.entity.name}' speaks as the briefer")
        return True

    def sentence_start(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def mentions_of(self, entity: Entity) -> list:
        """The mentions of the person ``entity`` (of ``persons``), in text order: indexed once per text, so that a
        question asked per trigger does not read every person of the text."""
        if self._mentions_of is None:
            self._mentions_of = {}
            for mention in self.persons:
                self._mentions_of.setdefault(mention.entity, []).append(mention)
        return self._mentions_of.get(entity, [])

    def person_ending_at(self, offset: int) -> Entity | None:
        """The person whose mention ends right at ``offset`` ('Lavrov' before ', who met ...')."""
        index = bisect.bisect_left(self.person_starts, offset) - 1
        if index >= 0 and self.persons[index].end == offset and not self.is_reporter(self.persons[index].start):
            return self.persons[index].entity
        return None

    def person_before(self, offset: int, sentence_start: int = 0, gender: str | None = None) -> Entity | None:
        """The subject (else the first person) of the sentence before ``offset``, else the subject
        named last before it (else the person named last); of the pronoun's ``gender`` when known."""
        index = bisect.bisect_left(self.person_starts, offset)
        fallback = None
        in_sentence = None
        question = self.question_of(offset)
        asked_from = question[0] if question is not None and offset < question[1] else -1
        for j in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
            mention = self.persons[j]
            if self.is_briefer_label(mention):
                continue  # 'MS. X: ... after his bilateral meeting': the briefer's own label is not whom 'his' is
            if mention.start < asked_from and (in_sentence or fallback) is not None:
                # 'QUESTION: ... about Deputy Secretary X's meetings? ... Why did he not meet Y?': the person the
                # reporter's question names, not a subject of the turn before it
                return (in_sentence.entity if in_sentence is not None else fallback)
            if not mention.entity.compatible_gender(gender):
                continue  # 'Secretary Clinton spoke ... Why did he not meet X?': not Clinton
            if mention.start >= sentence_start:
                in_sentence = mention  # ends as the first person of the sentence (its subject)
                if mention.subject:
                    return mention.entity
                continue
            if in_sentence is not None:
                return in_sentence.entity
            if mention.subject:
                return mention.entity
            fallback = fallback or mention.entity
        return in_sentence.entity if in_sentence is not None else fallback

    def question_lines(self) -> list[tuple[int, int]]:
        """(start, end) of each reporter's question line of a transcript ('Q ...', 'QUESTION: ...'), in text order."""
        if self._questions is None:
            self._questions = []
            for m in self.finder.question_line.finditer(self.text):
                end = self.text.find("\n", m.end())
                self._questions.append((m.start(), len(self.text) if end < 0 else end))
            self._question_starts = [start for start, _ in self._questions]
        return self._questions

    def question_of(self, offset: int) -> tuple[int, int] | None:
        """The question line last opened before ``offset`` (the line itself, or the answer after it), else None."""
        questions = self.question_lines()
        index = bisect.bisect_right(self._question_starts, offset) - 1
        return questions[index] if index >= 0 else None

    def asked_before(self, offset: int) -> tuple[int, int] | None:
        """(start, end) of the reporter's question line whose answer holds ``offset`` (the answer runs from
        the end of that line to the next question line), else None."""
        question = self.question_of(offset)
        return None if question is None or offset < question[1] else question

    def person_of_country(self, country: str, offset: int, exclude: list[Entity], of: Entity | None = None) -> Entity | None:
        """The person of ``country`` named nearest after ``offset`` (within the reach of a
        counterpart's name), else nearest before it; a counterpart ``of`` someone holds a role
        compatible with theirs, when both roles are known."""
        index = bisect.bisect_left(self.person_starts, offset)
        for j in range(index, min(len(self.persons), index + _LOOKBACK)):
            mention = self.persons[j]
            if mention.start > offset + _COUNTERPART_REACH:
                break
            if mention.entity.country == country and mention.entity not in exclude and self._counterpart_role(mention, of):
                return mention.entity
        for j in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
            mention = self.persons[j]
            if mention.start < offset - _COUNTERPART_REACH:
                break
            if mention.entity.country == country and mention.entity not in exclude and self._counterpart_role(mention, of):
                return mention.entity
        return None

    def _counterpart_role(self, mention, of: Entity | None) -> bool:
        """'Secretary of State X ... his Russian counterpart': not the Russian president (a role of its own)."""
        entity = mention.entity
        if of is None or not of.role or not entity.role:
            return True
        compatible = self.tracker.tables.roles_compatible
        if any(compatible(mine, theirs) for mine in {of.role, *of.roles} for theirs in {entity.role, *entity.roles}):
            return True
        if self.trace is not None:
            self.trace.add(STAGE, PARTICIPANT_COUNTERPART_ROLE, "vetoed", mention.start, mention.end, f"{entity.name} ({entity.role}) is no counterpart of {of.name} ({of.role})")
        return False

    def _visitor_description(self, end: int, upper: int) -> int | None:
        """The end of the person named right after a country word ('Chinese Premier Liu Wen'), which that word
        describes (meeting_grammar.toml visitor_description_after); None when no person's name follows it."""
        run = self.finder.phrases.visitor_description_after.match(self.text, end, upper)
        if run is None:
            return None
        named = [span_end for _, span_end, _ in self.person_spans.within(end, run.end()) if span_end <= run.end()]
        return max(named) if named else None

    def host_countries(self, lower: int, upper: int) -> list[Entity]:
        """The country visited ('travel to X'), or the listed countries ('to X, Y and Z')."""
        hosts: list[Entity] = []
        previous_end = None
        for start, end, entity in self.bodies_index.within(lower, upper):
            if end > upper or entity.kind != "country":
                continue
            if previous_end is None and start <= lower + 40 and (described := self._visitor_description(end, upper)) is not None:
                if self.trace is not None:
                    self.trace.add(STAGE, PARTICIPANT_VISITOR_COUNTRY, "vetoed", start, described,
                                   f"'{self.text[start:end]}' describes {self.text[end:described].strip()}, no country visited")
                lower = described  # 'a visit by Chinese Premier X to Manila': Chinese describes the visitor; look on after X
                continue
            if previous_end is None:
                if start > lower + 40:
                    break
            elif not self.finder.phrases.list_gap.fullmatch(self.text, previous_end, start):
                break
            if all(entity.name != e.name for e in hosts):
                hosts.append(entity)
            previous_end = end
        return hosts
