"""The meetings stage: triggers, one mention per trigger (type, status, time, place, participants), merged drafts."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import operator

import regex

from diplo_cli.language.datafiles import data_text, read_list
from diplo_cli.language.lexicons import Lexicon, MeetingWord, expand_named_lists, name_key
from diplo_cli.meetings.common import (
    _ATTENDED_SENTENCES,
    _CLAUSE_REACH,
    _COUNTED_REACH,
    _GUARD_REACH,
    _NEGATIVE_BONUS,
    _QUESTION_END,
    _RIGHT_WEIGHT,
    _SENTENCE_REACH,
    _SPECIFIC_TIMES,
    _STATUS_WINDOW,
    _TIME_WINDOW,
    BARE_GROUP_SUMMIT,
    CLAUSE_COORDINATED,
    CLAUSE_COORDINATED_LATER,
    CLAUSE_COORDINATED_MODAL,
    CLAUSE_COORDINATED_OTHER_TYPE,
    CLAUSE_LEADING,
    CLAUSE_LEADING_VISIT,
    CLAUSE_RELATIVE_CLOSE,
    CLAUSE_VISIT_RELATIVE,
    MERGE_HOST_OF_EVENT,
    MERGE_TRIP_TO_EVENT,
    MERGE_VISIT_HOSTS,
    MERGE_VISIT_HOSTS_AFTER,
    PARTICIPANT_ATTENDED,
    PARTICIPANT_CONDUCTED,
    PARTICIPANT_COORDINATED_EVENTS,
    PARTICIPANT_COUNTED_BODIES,
    PARTICIPANT_DEMONSTRATIVE,
    PARTICIPANT_EACH_DESTINATION,
    PARTICIPANT_MEDIATED_SIDES,
    PARTICIPANT_PARTY_COUNT,
    PARTICIPANT_REPLACED,
    PARTICIPANT_TOPIC_MEETING,
    STAGE,
    STATUS_AS_BEFORE,
    STATUS_ATTRIBUTIVE,
    STATUS_CUE,
    STATUS_DENIAL_CUE,
    STATUS_EMBEDDED_QUESTION,
    STATUS_NARRATED,
    STATUS_NON_ANSWER,
    STATUS_OTHER_VOICE,
    STATUS_OWN_TRIGGER,
    STATUS_PAST_TENSE,
    STATUS_QUESTION,
    STATUS_RANK,
    STATUS_TEMPORAL_PERFECT,
    STATUS_TOPIC_OF_BEFORE,
    TIME_EVENT_YEAR,
    TIME_RELATIVE_ASIDE,
    TIME_TOPIC_EVENT,
    TRIGGER_WHERE_WAS,
    TRIGGER_WORD,
    VETO_NOT_MEETING,
    VETO_TO_PLACE,
    Entity,
    EntityTracker,
    MeetingMention,
    _compile,
    _Draft,
    _Guard,
    _last_meeting_people,
    _recent_people,
    _SpanIndex,
    _status_of,
    compile_phrases,
    meeting_grammar,
)
from diplo_cli.meetings.document import _Document
from diplo_cli.meetings.links import _StatementLinks
from diplo_cli.meetings.merging import _Merger
from diplo_cli.meetings.participants import _ParticipantReader
from diplo_cli.models import Sentence, Span, Statement
from diplo_cli.rules import Trace, load_rule_tables
from diplo_cli.rules.scanning import AsciiLines, LineStartScan, ListScan, LoweredText, PrefixScan, PrefixTable
from diplo_cli.text.analysis import TextAnalysis
from diplo_cli.timenorm import points_ahead, points_behind

# a cancellation or denial is said of its own object ('called off the talks with X, citing a meeting of Y'); a
# mention with no cue of its own does not take it from the mention before it (coordinated objects share the cue itself)
_OWN_OBJECT_STATUSES = frozenset({"cancelled", "denied"})


def _time_fits_status(status: str, item: tuple[Span, str]) -> bool:
    """'They have met twice over the past few months; this trip will be her first': a time taken from
    another clause of the sentence is not the time of a meeting still to come when it lies behind, nor of one
    held when it lies ahead."""
    text = item[0].text
    if status in ("planned", "proposed"):
        return not points_behind(text)
    return status != "held" or not points_ahead(text)


class MeetingFinder(_ParticipantReader, _Merger, _StatementLinks):
    """Built once per language (``Language.meetings``): every pattern here is compiled once."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        # the head words of the meeting nouns ('summit', 'meeting', 'talks', 'dialogue'): the last word of an event's name
        self.event_heads = frozenset(phrase.split()[-1].casefold() for phrase, word in lexicon.meeting_words.items() if word.pos == "noun")
        self.trigger_scan, self.place_scan, self.organisation_scan = (
            ListScan(*lexicon.matcher_source(name), functools.partial(lexicon.matcher, name)) for name in ("meeting_words", "places", "organisations"))
        phrases = read_list(data_text("not_meetings.txt", lexicon.language))
        # a trie: the same matches as \L<p>, faster
        self.excluded_scan = ListScan(expand_named_lists(r"(?<![\p{L}])\L<p>(?![\p{L}])", regex.IGNORECASE, p=phrases), regex.IGNORECASE)
        grammar = meeting_grammar(lexicon.language)
        self.phrases = compile_phrases(grammar)
        self._read_words(grammar["words"])
        self.clause_end = _compile(grammar["clause_end_right"], "clause_end_right")
        self.clause_start = _compile(grammar["clause_start_left"], "clause_start_left")
        self.between = _compile(grammar["between"], "between")
        self.group_anaphor = _compile(grammar["group_anaphor"], "group_anaphor")
        self.sides_anaphor = _compile(grammar["sides_anaphor"], "sides_anaphor")
        self.sides_defined = _compile(grammar["sides_defined"], "sides_defined")
        self.person_pronoun = _compile(grammar["person_pronoun"], "person_pronoun")
        self.first_person = regex.compile(grammar["first_person"])
        self.second_person = regex.compile(grammar["second_person"])
        self.asked_you_before = _compile(grammar["asked_you_before"], "asked_you_before")
        self.polar_question = _compile(grammar["polar_question"], "polar_question")
        self.embedded_question = _compile(grammar["embedded_question"], "embedded_question")
        self.non_answer = _compile(grammar["non_answer"], "non_answer")
        self.briefer_role = regex.compile(grammar["briefer_role"])
        self.speaker_line = _compile(grammar["speaker_line"], "speaker_line")
        self.speaker_line_scan = LineStartScan(self.speaker_line)  # tried at line starts only
        self.counterpart = regex.compile(grammar["counterpart"])  # case matters: the country is capitalised
        self.actor_before = regex.compile(grammar["actor_before"])
        self.group_before = regex.compile(grammar["group_before"])
        self.earlier_event = _compile(grammar["earlier_event"], "earlier_event")
        self.later_event = _compile(grammar["later_event"], "later_event")
        self.again_after = _compile(grammar["again_after"], "again_after")
        self.event_year = _compile(grammar["event_year"], "event_year")
        self.event_month = _compile(grammar["event_month"], "event_month")
        self.event_head = regex.compile(grammar["event_head"])  # case matters: the head of a name is capitalised
        self.name_end = _compile(grammar["name_end"], "name_end")
        self.attend_gap = _compile(grammar["attend_gap"], "attend_gap")
        self.host_event_gap = _compile(grammar["host_event_gap"], "host_event_gap")
        self.event_host_gap = _compile(grammar["event_host_gap"], "event_host_gap")
        self.host_by_after = _compile(grammar["host_by_after"], "host_by_after")
        self.agenda_verb = _compile(grammar["agenda_verb"], "agenda_verb")
        self.agenda_subject = _compile(grammar["agenda_subject"], "agenda_subject")
        self.speaker_agenda = regex.compile(f"{grammar['agenda_first_person']}(?i:{grammar['agenda_verb']})")
        self.agent_after = _compile(grammar["agent_after"], "agent_after")
        self.agent_name_gap = _compile(grammar["agent_name_gap"], "agent_name_gap")
        self.during_visit_gap = _compile(grammar["during_visit_gap"], "during_visit_gap")
        self.relative_clause = _compile(grammar["relative_clause"], "relative_clause")
        self.relative_cue_gap = _compile(grammar["relative_cue_gap"], "relative_cue_gap")
        self.event_anaphor = _compile(grammar["event_anaphor"], "event_anaphor")
        self.event_predicate = _compile(grammar["event_predicate"], "event_predicate")
        self.event_part = _compile(grammar["event_part"], "event_part")
        self.talks_going_on = _compile(grammar["talks_going_on"], "talks_going_on")
        self.taking_part = _compile(grammar["taking_part"], "taking_part")
        self.quoted_pronoun_subject = regex.compile(grammar["quoted_pronoun_subject"])
        self.status_link_plain_cue = _compile(grammar["status_link_plain_cue"], "status_link_plain_cue")
        self.status_link_readiness = _compile(grammar["status_link_readiness"], "status_link_readiness")
        self.relations_topic = _compile(grammar["relations_topic"], "relations_topic")
        self.question_line = regex.compile(grammar["question_line"])
        self.actor_after = regex.compile(grammar["actor_after"])
        self.denied_report = _compile(grammar["denied_report"], "denied_report")
        self.past_verb = regex.compile(grammar["past_narration"])
        self.codes = {key: tuple(value) for key, value in grammar["codes"].items()}
        self._read_sets(grammar)
        self._read_rules()
        self.status_scans = [(PrefixScan(rule.pattern), rule.value) for rule in lexicon.status_rules]
        self.time_scans = [(PrefixScan(rule.pattern), rule.value) for rule in lexicon.time_rules]
        # clause limits: tried only where a prefix (punctuation, white space and a dash or word, a cue word) starts
        self.clause_start_scan, self.clause_end_scan = PrefixScan(self.clause_start, wide=True), PrefixScan(self.clause_end, wide=True)
        self.prefix_table = PrefixTable([*(scan for scan, _ in self.pattern_trigger_scans + self.status_scans + self.time_scans),
                                         self.clause_start_scan, self.clause_end_scan])
        self.stopwords = frozenset(lexicon.grammar["capitalised_stopwords"]) | frozenset(lexicon.grammar["months"]) | frozenset(lexicon.grammar["weekdays"])

    def _read_sets(self, grammar: dict) -> None:
        """The word sets of meeting_grammar.toml (types, cues and names compared as members, not matched as patterns)."""
        self.host_triggers = frozenset(grammar["host_triggers"])
        self.same_kind_types = frozenset(grammar["same_kind_types"])
        self.attributive_status_words = frozenset(grammar["attributive_status_words"])
        self.regions = frozenset(name_key(region) for region in grammar["regions"])
        self.denial_cues = frozenset(grammar["denial_cues"])
        self.report_denial_cues = frozenset(grammar["report_denial_cues"])
        self.non_narrating_past = frozenset(grammar["non_narrating_past"])
        self.never_merge = {frozenset(pair) for pair in grammar["never_merge"]}
        self.compound_modifier_types = frozenset(grammar["compound_modifier_types"])

    def _read_rules(self) -> None:
        """The stage's pattern triggers and guards: records of data/<lang>/rules/meetings.toml."""
        rules = [record for record in load_rule_tables(self.lex.language) if record.stage == STAGE and record.id not in self.lex.switched_off]
        pattern_triggers = [record for record in rules if record.kind == "build" and "pattern" in record.fields]
        self.pattern_trigger_ids = frozenset(record.id for record in pattern_triggers)
        self.host_triggers |= {record.id for record in pattern_triggers if record.fields.get("hosts")}
        self.to_speaker_triggers = frozenset(record.id for record in pattern_triggers if record.fields.get("to_speaker"))
        # triggers that are the finite verb of a clause of their own ('the understandings X and Y reached in Z'): a
        # status cue before them is the tense of the clause they depend on, not theirs
        self.own_clause_triggers = frozenset(record.id for record in pattern_triggers if record.fields.get("own_clause"))
        self.pattern_trigger_scans = [
            (PrefixScan(_compile(record.fields["pattern"], record.id, record.source)),
             MeetingWord(record.id, record.fields["type"], "verb", record.fields.get("tense", "base")))
            for record in pattern_triggers]
        self.guards: dict[str, list[_Guard]] = {}
        for record in rules:
            if record.kind != "veto" or "triggers" not in record.fields:
                continue
            guard = _Guard(record.id, *(_compile(record.fields.get(key), record.id, record.source) for key in ("require_before", "require_after", "reject_before", "reject_after")))
            for trigger in record.fields["triggers"]:
                self.guards.setdefault(trigger.casefold(), []).append(guard)

    def _read_words(self, words: dict) -> None:
        self.infinitive_content = tuple(words["infinitive_content"])
        self.hosting_directives = tuple(words["hosting_directives"])
        self.articles = frozenset(words["articles"])
        self.venue_heads = frozenset(words["venue_heads"])
        self.name_object_prepositions = frozenset(words["name_object_prepositions"])
        self.plain_group_pronouns = frozenset(words["plain_group_pronouns"])
        self.object_group_pronouns = frozenset(words["object_group_pronouns"])
        self.definite_article = words["definite_article"] + " "
        self.joint_adjectives = {key: tuple(countries) for key, countries in words["joint_adjectives"].items()}

    def without_the(self, phrase: str) -> str:
        return self.phrases.the_prefix.sub("", phrase)

    def time_span(self, text: str, start: int, end: int) -> Span:
        """A time expression without its leading preposition, as the guidelines write it ("in 2019" -> "2019")."""
        preposition = self.phrases.time_preposition.match(text, start, end)
        return Span.of(text, preposition.end() if preposition else start, end)

    # ------------------------------------------------------------------ the document
    def find(self, text: str, sentences: list[Sentence], tracker: EntityTracker, statements: list[Statement],
             trace: Trace | None = None, analysis: TextAnalysis | None = None) -> tuple[list[MeetingMention], list[_Draft]]:
        analysis = analysis or TextAnalysis(text, sentences, [])
        lines = analysis.lines
        shared = analysis.text is text
        lowered = self.prefix_table.lowered(text, analysis.spaced_lowered if shared else False,  # computed once for every stage's table
                                            (lambda: analysis.short_runs) if shared else None)
        candidates = list(self._triggers(text, lines, lowered))
        if not candidates:
            return [], []  # no meeting word: the document's indices below would go unused
        excluded = _SpanIndex((m.start(), m.end(), None) for m in self.excluded_scan.finditer(text, lines))
        triggers = []
        for match, word in candidates:
            veto = self._veto(excluded, text, match, word)
            if veto is None:
                triggers.append((match, word))
            elif trace is not None:
                trace.add(STAGE, veto, "vetoed", match.start(), match.end(), f"'{match.group()}'")
        if not triggers:
            return [], []
        doc = _Document(self, analysis, tracker, statements, lowered, trace)
        mentions = self._mentions(doc, sentences, triggers, trace)
        drafts = self._merge(mentions, trace)
        self._agenda_links(doc, statements, mentions, drafts)
        self._speaker_agenda_links(doc, statements, mentions, drafts)
        self._quoted_pronoun_links(doc, statements, mentions, drafts)
        self._place_links(statements, mentions, drafts)
        self._relative_clause_links(text, statements, mentions, drafts)
        self._anaphor_links(statements, mentions, drafts)
        self._event_part_links(statements, mentions, drafts)
        self._going_on_links(statements, mentions, drafts)
        self._answer_links(doc, statements, mentions, drafts)
        self._status_cue_links(doc, statements, mentions, drafts)
        self._taking_part_links(statements, mentions, drafts)
        for draft in drafts:  # after the links: a linked statement may assert a status no mention does
            draft.cameo, draft.plover = self.code_of(draft, _status_of(draft))
        return mentions, drafts

    def _mentions(self, doc: _Document, sentences: list[Sentence], triggers: list, trace: Trace | None) -> list[MeetingMention]:
        """One mention per accepted trigger, two for a trigger naming two events ('a trip to X and to Y', 'the X and Y
        Summits': _second_destination, _second_named_event); a trip to an event, and a meeting with the hosts of a
        visit, become part of that event or visit."""
        text = doc.text
        mentions: list[MeetingMention] = []
        doc.trigger_starts = [match.start() for match, _ in triggers]
        doc.trigger_ends = [match.end() for match, _ in triggers]
        doc.trigger_verbs = [word.pos == "verb" for _, word in triggers]
        doc.trigger_types = [word.type for _, word in triggers]
        for match, word in triggers:
            index = bisect.bisect_right(doc.sentence_starts, match.start()) - 1
            if index < 0:
                continue
            mention = self._mention(doc, match, word, sentences[index], index, mentions)
            if mention is None:
                continue
            if trace is not None:
                self._trace_mention(trace, mention, word)
            if mentions and self._compound_head(text, mentions[-1], mention):
                mention.compound_of = mentions[-1]  # 'the Chile-Peru Summit Meeting': one event (merged in _merge)
            if mentions and self._replaced(text, mentions[-1], mention, trace):
                mention.participants, mention.anaphoric = list(mentions[-1].participants), False
            if mentions and self._hosts_event(text, mentions[-1], mention):
                host = mentions.pop()  # 'X will host the summit': X is among its participants, no visit of its own
                mention.participants = [*[e for e in self._hosts_of(host) if e not in mention.participants], *mention.participants]
                mention.hosted = True
                if trace is not None:
                    trace.add(STAGE, MERGE_HOST_OF_EVENT, "merged", host.trigger.start, mention.trigger.end,
                              f"'{host.trigger.text}' hosts '{mention.trigger.text}'")
            elif mentions and self._hosted_after(text, mentions[-1], mention):
                event = mentions[-1]  # 'the summit hosted by X', 'the summit that X is hosting': X hosts it
                event.participants.extend(e for e in self._hosts_of(mention) if e not in event.participants)
                event.hosted = True
                if trace is not None:
                    trace.add(STAGE, MERGE_HOST_OF_EVENT, "merged", event.trigger.start, mention.trigger.end,
                              f"'{mention.trigger.text}' hosts '{event.trigger.text}'")
                continue
            if mentions and self._attends(text, mentions[-1], mention):
                trip = mentions.pop()  # the trip is part of the event it goes to
                mention.participants = [*[e for e in trip.participants if e.kind == "person" and e not in mention.participants], *mention.participants]
                if trace is not None:
                    trace.add(STAGE, MERGE_TRIP_TO_EVENT, "merged", trip.trigger.start, mention.trigger.end,
                              f"'{trip.trigger.text}' goes to '{mention.trigger.text}'")
            elif mentions and (joined := self._meets_hosts(text, mentions[-1], mention) and MERGE_VISIT_HOSTS
                                        or self._meets_hosts_after(doc, mentions[-1], mention) and MERGE_VISIT_HOSTS_AFTER):
                trip = mentions[-1]  # the meeting with the hosts is part of the visit: visitor + hosts
                hosts = [e for e in mention.participants if e.kind == "person" and e not in trip.participants]
                trip.participants = [*(e for e in trip.participants if e.kind == "person"), *hosts] if hosts else trip.participants
                mention.type, mention.participants = "visit", list(trip.participants)
                if trip.place is not None:  # '... visit to X, where he met Y': where the visit is, not a place named before it
                    mention.place, mention.known_place = trip.place, trip.known_place
                if trace is not None:
                    trace.add(STAGE, joined, "merged", trip.trigger.start, mention.trigger.end,
                              f"'{mention.trigger.text}' happens during '{trip.trigger.text}'")
            mentions.append(mention)
            second = self._second_destination(doc, mention) or self._second_named_event(doc, mention)
            if second is not None:
                mentions.append(second)
        return mentions

    def _second_named_event(self, doc: _Document, event: MeetingMention) -> MeetingMention | None:
        """'the Chile-Peru and East Asia Summits': two event names coordinated under one plural head are two events, each
        with the members or the forum its own name gives ('Chile-Peru Summit': Chile, Peru; 'East Asia Summit': the
        forum); ``event`` keeps the first, the event returned is the second (None unless both names give participants)."""
        head = self.phrases.plural_event_head.fullmatch(event.trigger.text)
        if head is None:
            return None
        names = self.phrases.coordinated_event_names_before.search(doc.text, max(0, event.trigger.start - 80), event.trigger.start)
        if names is None:
            return None
        words = names.group("first").split()
        first = next((found for i in range(len(words)) if (found := self._named_event_members(f"{' '.join(words[i:])} {head.group('head')}", event.trigger))), [])
        second = self._named_event_members(f"{names.group('second')} {head.group('head')}", event.trigger)
        if not first or not second:
            return None
        other = dataclasses.replace(event, participants=second)
        event.participants = first
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_COORDINATED_EVENTS, "set", names.start(), event.trigger.end,
                          f"'{names.group()}{event.trigger.text}' names two events: of {', '.join(e.name for e in first)}, and of "
                          f"{', '.join(e.name for e in second)}")
        return other

    def _named_event_members(self, name: str, trigger: Span) -> list[Entity]:
        """The members an event's name gives ('US-ASEAN Summit'), else the listed forum it is ('East Asia Summit'), else none."""
        members = self._event_members(Entity(name, "organisation"), trigger)
        if members:
            return members
        organisation = self.lex.organisation(name)
        return [Entity(organisation.name, "organisation", country=organisation.country)] if organisation is not None else []

    def _second_destination(self, doc: _Document, trip: MeetingMention) -> MeetingMention | None:
        """'his trip to Chile and to Peru': a visit whose two destinations each take their own 'to' is two visits,
        one per destination; ``trip`` keeps the first, the visit returned goes to the second (None for any other mention)."""
        if trip.type != "visit":
            return None
        legs = self.phrases.repeated_destination_after.match(doc.text, trip.trigger.end)
        if legs is None:
            return None
        first = [e for e in doc.bodies(legs.start("first"), legs.end("first")) if e in trip.participants]
        second = [e for e in doc.bodies(legs.start("second"), legs.end("second")) if e in trip.participants and e not in first]
        if len(first) != 1 or len(second) != 1:
            return None
        leg = dataclasses.replace(trip, participants=[e for e in trip.participants if e is not first[0]],
                                  place=Span.of(doc.text, legs.start("second"), legs.end("second")), known_place=True)
        trip.participants = [e for e in trip.participants if e is not second[0]]
        if trip.place is not None and trip.place.end > legs.start("second"):
            trip.place, trip.known_place = Span.of(doc.text, legs.start("first"), legs.end("first")), True
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_EACH_DESTINATION, "set", trip.trigger.start, legs.end(),
                          f"'{trip.trigger.text}' goes to {first[0].name} and to {second[0].name}: one visit each")
        return leg

    def _named_members(self, text: str, trigger: Span, word, mtype: str, left: int) -> frozenset[str]:
        """'the Chile-Peru Summit Meeting': the name keys of the two or more members a summit or meeting is named after."""
        if word.pos != "noun" or mtype not in ("summit", "meeting"):
            return frozenset()
        named = self._named_event(text, trigger, left)
        members = self._event_members(named, trigger) if named is not None else []
        return frozenset(name_key(e.name) for e in members) if len(members) >= 2 else frozenset()

    def _compound_head(self, text: str, modifier: MeetingMention, head: MeetingMention) -> bool:
        """'the Chile-Peru Summit Meeting': a meeting noun right after a noun of a modifier type (meeting_grammar.toml
        compound_modifier_types), only blanks between them (compound_gap), is the head of one name with it, not another
        event, when that name is an event's proper name, named after its members ('the summit meeting' or 'summit talks'
        in running text is left to the merge rules: measured, merging those lowered the sealed meetings F1)."""
        return (modifier.noun and head.noun and modifier.type in self.compound_modifier_types and head.type != modifier.type
                and modifier.sentence == head.sentence and modifier.trigger.end < head.trigger.start
                and self.phrases.compound_gap.fullmatch(text, modifier.trigger.end, head.trigger.start) is not None
                and bool(modifier.members))

    def _trace_mention(self, trace: Trace, mention: MeetingMention, word) -> None:
        """The trigger rule that built the mention, and the rule that set its status."""
        trigger = mention.trigger
        rule = word.phrase if word.phrase in self.pattern_trigger_ids else TRIGGER_WORD
        trace.add(STAGE, rule, "built", trigger.start, trigger.end, f"'{trigger.text}': {mention.type}")
        if mention.status_rule:
            trace.add(STAGE, mention.status_rule, "set", trigger.start, trigger.end, f"{mention.status}: {mention.status_why}")

    def _veto(self, excluded: _SpanIndex, text: str, match, word) -> str | None:
        """The id of what rejects the trigger: an excluded phrase around it (``excluded``), or the
        first guard of the trigger that does not allow it; None when it is accepted."""
        if excluded.covering(match.start()):
            return VETO_NOT_MEETING
        before = text[max(0, match.start() - _GUARD_REACH):match.start()]
        after = text[match.end():match.end() + _GUARD_REACH]
        return next((guard.id for guard in self.guards.get(word.phrase, ()) if not guard.allows(before, after)), None)

    def _replaced(self, text: str, replacing: MeetingMention, mention: MeetingMention, trace: Trace | None) -> bool:
        """'X and Y meet by video instead of holding that in-person meeting': ``mention``, naming nobody and
        called off by a cue that replaces it with ``replacing`` (the meeting before it in its sentence), is theirs."""
        cue = mention.status_cue
        if (mention.participants or mention.status != "cancelled" or cue is None or not replacing.participants
                or replacing.sentence != mention.sentence or replacing.trigger.end > cue[0] or not self.phrases.replaced_cue.match(text, *cue)):
            return False
        if trace is not None:
            trace.add(STAGE, PARTICIPANT_REPLACED, "set", replacing.trigger.start, mention.trigger.end,
                      f"'{mention.trigger.text}', replaced by '{replacing.trigger.text}', is of {', '.join(e.name for e in replacing.participants)}")
        return True

    def _attends(self, text: str, trip: MeetingMention, event: MeetingMention) -> bool:
        """'travels to X to attend the summit': the visit mention ``trip`` goes to ``event``."""
        if trip.type != "visit" or trip.sentence != event.sentence:
            return False
        if (event.type in ("summit", "other") and self.during_visit_gap.match(text, trip.trigger.end, event.trigger.start)
                and not self.phrases.trip_event_break.search(text, trip.trigger.end, event.trigger.start)):
            return True  # 'leaves for X, where he will hold a summit with Y'; not '... for his visit and expressed hopes for the summit'
        return event.type in ("summit", "other", "meeting") and bool(self.attend_gap.search(text, trip.trigger.end, event.trigger.start))

    _HOSTED_EVENTS = ("summit", "meeting", "talks", "other")

    def _hosts_event(self, text: str, host: MeetingMention, event: MeetingMention) -> bool:
        """'X will host the Andean summit': the host trigger ``host`` has the meeting noun ``event`` as its object."""
        return self._may_host(host, event) and bool(self.host_event_gap.match(text, host.trigger.end, event.trigger.start))

    def _hosted_after(self, text: str, event: MeetingMention, host: MeetingMention) -> bool:
        """'the summit hosted by X', 'the summit that X is hosting': the host trigger ``host`` names who hosts ``event``."""
        if not self._may_host(host, event):
            return False
        gap = self.event_host_gap.match(text, event.trigger.end, host.trigger.start)
        return gap is not None and (gap.group("passive") is None or bool(self.host_by_after.match(text, host.trigger.end)))

    def _may_host(self, host: MeetingMention, event: MeetingMention) -> bool:
        """``host`` is a hosting trigger ('host', 'receive') and ``event`` a meeting of the same sentence one can host."""
        return host.hosted and host.type == "visit" and event.type in self._HOSTED_EVENTS and host.sentence == event.sentence

    @staticmethod
    def _hosts_of(host: MeetingMention) -> list:
        """Who hosts: the people of the host mention, else its first body (a visit's host country, read off
        'in <Place>', is where the event is, not who hosts it)."""
        people = [e for e in host.participants if e.kind == "person"]
        return people or host.participants[:1]

    def _meets_hosts(self, text: str, trip: MeetingMention, meeting: MeetingMention) -> bool:
        """'travels to X, where he will meet Y': ``meeting`` happens during the visit ``trip``."""
        return (trip.type == "visit" and meeting.type in ("meeting", "talks") and trip.sentence == meeting.sentence
                and any(e in meeting.participants for e in trip.participants if e.kind == "person")
                and bool(self.during_visit_gap.match(text, trip.trigger.end, meeting.trigger.start)))

    def _meets_hosts_after(self, doc: _Document, trip: MeetingMention, meeting: MeetingMention) -> bool:
        """'X will visit Tokyo on April 17. While there, X will meet Prime Minister Y': ``meeting``, in the sentence right
        after the visit ``trip``'s and opened by words that place it there, happens during the visit."""
        if trip.type != "visit" or meeting.type not in ("meeting", "talks") or meeting.sentence != trip.sentence + 1:
            return False
        if not any(e in meeting.participants for e in trip.participants if e.kind == "person"):
            return False
        start = doc.sentence_starts[meeting.sentence]
        return bool(self.phrases.during_visit_start.match(doc.text, start, meeting.trigger.start))

    def _triggers(self, text: str, lines: AsciiLines, lowered: LoweredText | None):
        """Word-list and pattern triggers in text order; of two that overlap the earlier (longer) wins."""
        found = [(m.start(), -m.end(), m, self.lex.meeting_words[m.group().casefold()]) for m in self.trigger_scan.finditer(text, lines)]
        for scan, word in self.pattern_trigger_scans:
            found.extend((m.start(), -m.end(), m, word) for m in scan.finditer(text, lowered))
        found.sort(key=lambda item: (item[0], item[1]))
        last_end = -1
        for start, negative_end, match, word in found:
            if start < last_end:
                continue
            last_end = -negative_end
            yield match, word

    def _mention(self, doc: _Document, match, word, sentence: Sentence, index: int, previous: list[MeetingMention]) -> MeetingMention | None:
        text = doc.text
        trigger = Span.of(text, match.start(), match.end())
        doc.trigger_at = trigger.start
        if word.tense == "past" and self.host_by_after.match(text, trigger.end) and not self.phrases.passive_auxiliary.search(text, max(0, trigger.start - 20), trigger.start):
            word = MeetingWord(word.phrase, word.type, word.pos, "participle")  # 'a dinner hosted by X': no tense of its own
        # a sentence, bounded: a megabyte without a full stop must not make every trigger read it all
        lower, upper = max(sentence.start, trigger.start - _SENTENCE_REACH), min(sentence.end, trigger.end + _SENTENCE_REACH)
        lower, upper, status_lower, speaker_of_content, inviter = self._reported_frame(doc, trigger, lower, upper)
        left = max(lower, doc.clause_start_before(trigger.start), trigger.start - _CLAUSE_REACH)
        right = min(upper, doc.clause_end_after(trigger.end), trigger.end + _CLAUSE_REACH)
        left, right = self._leading_clause_cut(doc, trigger, sentence.start, lower, upper, left, right, word.type)
        mtype = word.type
        last_word = text.rfind(" ", trigger.start, trigger.end)  # 'held a telephone talk': the medium inside a pattern trigger
        if mtype in ("meeting", "talks") and (self.phrases.call_medium_before.search(text, max(lower, trigger.start - 25), trigger.start)
                                              or (last_word > trigger.start and self.phrases.call_medium_before.search(text, trigger.start, last_word + 1))
                                              or self.phrases.call_medium_after.match(text, trigger.end, min(upper, trigger.end + 40))):
            mtype = "call"
        status, why, status_rule, status_cue = self._mention_status(doc, trigger, word, index, previous,
                                                                    (lower, upper, left, right, status_lower), speaker_of_content)
        # 'Did X visit Berlin?': a noun trigger with no determiner before it is used as a verb
        verb_use = word.pos == "verb" or not self.phrases.determined_before.search(text, max(lower, trigger.start - 40), trigger.start)
        questioned = verb_use and bool(
            self.polar_question.match(text, lower) and _QUESTION_END.search(text, trigger.end, sentence.end))
        if questioned:
            status, why, status_rule, status_cue = "unknown", "a yes/no question", STATUS_QUESTION, None  # 'Will the two leaders meet next week?': the question asserts nothing
        elif status in ("planned", "proposed", "unknown") and (asked := self._embedded_question(text, trigger, lower, left)):
            # 'asked whether he will meet X': asked about, not asserted
            status, why, status_rule, status_cue = "unknown", f"asked about ('{asked}')", STATUS_EMBEDDED_QUESTION, None
            questioned = True
        elif status == "unknown" and (unsaid := self._non_answer(text, trigger, lower, upper)):
            # 'I have no talks with X to confirm yet': neither said to happen nor not to
            why, status_rule, questioned = f"a non-answer ('{unsaid.group()}')", STATUS_NON_ANSWER, True
        # time and place of the trigger's own clause first (of its own verb phrase when another event's verb is coordinated
        # with it), else of its sentence
        own_left, own_right = self._coordinated_window(doc, trigger, left, right)
        time, time_kind = self._mention_time(doc, trigger, word, status, (lower, upper, left, right), (own_left, own_right))
        place, known_place = self._mention_place(doc, trigger, word, (lower, upper, own_left, own_right), mtype)
        participants, right = self._mention_participants(doc, trigger, word, mtype, (lower, upper, left, right), place,
                                                         speaker_of_content, previous, inviter)
        participants = self._sides_by_count(doc, trigger, word, mtype, participants, lower, upper)
        definite = word.pos == "noun" and bool(self.phrases.definite_before.search(text, max(lower, trigger.start - 40), trigger.start))
        hosted = word.phrase in self.host_triggers
        bodies_only = participants and not any(e.kind == "person" for e in participants)
        refers_back = (len(participants) == 1 or mtype == "visit" or bool(self.group_anaphor.search(text, left, right))
                       or bool(self.relations_topic.search(text, left, right)))  # 'the meeting could damage U.S.-Chinese relations'
        if definite and bodies_only and refers_back:
            # 'the visit' is the last visit named, before a meeting held during it ('a visit to X, during which he met Y')
            earlier = _recent_people(previous, index, mtype, operator.eq) or _recent_people(previous, index, mtype, self._compatible)
            if earlier:
                participants = list(earlier)  # 'the meeting' after 'X met Y': theirs, not the country named near it
        elif definite and participants and self._attended_back(text, trigger, lower):
            earlier = _recent_people(previous, index, mtype, lambda a, b: a == b, _ATTENDED_SENTENCES)
            if earlier:
                # 'X took part in the talks', 'raised during the talks': the talks named before, not X's own
                if doc.trace is not None:
                    doc.trace.add(STAGE, PARTICIPANT_ATTENDED, "set", trigger.start, trigger.end,
                                  f"'{trigger.text}' is the {mtype} named before, not a {mtype} of {', '.join(e.name for e in participants)}")
                participants = list(earlier)
        elif definite and participants and (earlier := self._conducted_back(doc, trigger, mtype, index, lower, previous)):
            participants = list(earlier)  # 'X opened the meeting by stressing A and B's commitment': the meeting named before
        elif (participants and word.pos == "noun" and self.phrases.demonstrative_before.search(text, max(lower, trigger.start - 40), trigger.start)
              and not self.phrases.with_after.match(text, trigger.end, right) and not self.between.match(text, trigger.end)):
            earlier = _last_meeting_people(previous, index, mtype, _ATTENDED_SENTENCES)
            if earlier and earlier != participants:
                # 'thanked X for facilitating these discussions in Y': the discussions named before, not X's
                if doc.trace is not None:
                    doc.trace.add(STAGE, PARTICIPANT_DEMONSTRATIVE, "set", trigger.start, trigger.end,
                                  f"'{trigger.text}' with a demonstrative is the {mtype} named before, of {', '.join(e.name for e in earlier)}")
                participants = list(earlier)
        return MeetingMention(trigger, mtype, status, participants, time, place, index, definite and not participants, hosted, definite,
                              vague_time=time_kind not in _SPECIFIC_TIMES, known_place=known_place, questioned=questioned,
                              earlier=bool(self.earlier_event.search(text, max(lower, trigger.start - 40), trigger.start)), status_why=why,
                              also=word.pos == "verb" and bool(self.phrases.also_before.search(text, max(lower, trigger.start - 20), trigger.start)),
                              later=bool(self.later_event.search(text, max(lower, trigger.start - 40), trigger.start)
                                         or (word.pos == "verb" and self.again_after.match(text, trigger.end, upper))),
                              status_rule=status_rule, status_cue=status_cue, year=self._event_year(text, trigger, lower),
                              month=self._event_month(text, trigger, lower), noun=word.pos == "noun", members=self._named_members(text, trigger, word, mtype, left),
                              **self._determiner_flags(text, trigger, word, lower))

    def _mention_place(self, doc: _Document, trigger: Span, word, bounds: tuple[int, int, int, int], mtype: str) -> tuple[Span | None, bool]:
        """The place of a trigger: its clause's first; when the clause names none, 'Lima, where I was on Monday'
        (meetings.trigger.where_was) the name its relative clause opens on, else the nearest place of the sentence this
        trigger owns."""
        lower, upper, left, right = bounds
        place, known_place = self._place(doc, trigger, left, right, mtype)
        if place is not None:
            return place, known_place
        if word.phrase == TRIGGER_WHERE_WAS:
            where = self.phrases.visit_place_where.search(doc.text, max(lower, trigger.start - 60), trigger.start)
            if where is not None:
                return Span.of(doc.text, where.start("place"), where.end("place")), True
        return self._place(doc, trigger, lower, upper, mtype, owner=True)

    def _sides_by_count(self, doc: _Document, trigger: Span, word, mtype: str, participants: list[Entity], lower: int,
                        upper: int) -> list[Entity]:
        """The sides a meeting word says it has: 'the trilateral talks' are not held by the one pair of people named around
        them ('X and Y welcomed the conclusions of the trilateral talks'); talks that name nobody take the two sides a
        mediator works between in their sentence; a counted meeting word that names nobody takes the bodies of its
        passage when they are that many (_counted_bodies)."""
        if (len(participants) == 2 and all(e.kind == "person" for e in participants)
                and self.phrases.many_party_before.search(doc.text, max(lower, trigger.start - 40), trigger.start)):
            if doc.trace is not None:
                doc.trace.add(STAGE, PARTICIPANT_PARTY_COUNT, "vetoed", trigger.start, trigger.end,
                              f"'{trigger.text}' has three parties or more, not {' and '.join(e.name for e in participants)} alone")
            participants = []
        if not participants and mtype == "talks" and word.pos == "noun":
            participants = self._mediated_sides(doc, trigger, lower, upper)
        if not participants and word.pos == "noun":
            participants = self._counted_bodies(doc, trigger, lower)
        return participants

    def _counted_bodies(self, doc: _Document, trigger: Span, lower: int) -> list[Entity]:
        """'the trilateral talks held on Monday' naming nobody, in a passage that names three countries or organisations in
        all (within _COUNTED_REACH characters either side): those three are its parties (the number its word says, and
        no more nor fewer bodies named)."""
        many = self.phrases.many_party_before.search(doc.text, max(lower, trigger.start - 40), trigger.start)
        if many is None:
            return []
        count = next(n for n, name in ((3, "three"), (4, "four"), (5, "five"), (6, "six")) if many.group(name))
        # the passage around it, bounded: a long file of such talks must not make each read the whole text
        bodies = doc.bodies(max(0, trigger.start - _COUNTED_REACH), min(len(doc.text), trigger.end + _COUNTED_REACH))
        if len(bodies) != count:
            return []
        if doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_COUNTED_BODIES, "set", many.start(), trigger.end,
                          f"'{doc.text[many.start():trigger.end]}': the {count} bodies the text names, {', '.join(e.name for e in bodies)}")
        return bodies

    def _mediated_sides(self, doc: _Document, trigger: Span, lower: int, upper: int) -> list[Entity]:
        """'X is trying to broker a truce between Y and Z before W chooses whether to resume talks': the two
        sides a mediator works between, named before the talks in their sentence, hold the talks that name nobody."""
        for match in self.phrases.mediated_between.finditer(doc.text, lower, trigger.start):
            start, end = match.span("sides")
            if end > trigger.start:
                continue
            sides = doc.bodies(start, end) + doc.people(start, end)
            if len(sides) == 2:
                if doc.trace is not None:
                    doc.trace.add(STAGE, PARTICIPANT_MEDIATED_SIDES, "set", match.start(), trigger.end,
                                  f"'{trigger.text}' is of {' and '.join(e.name for e in sides)}, the sides of '{match.group().strip()}'")
                return sides
        return []

    def _mention_time(self, doc: _Document, trigger: Span, word, status: str, window: tuple[int, int, int, int],
                      own: tuple[int, int]) -> tuple[Span | None, str | None]:
        """The time of the trigger's own clause, else of its sentence (one that fits its status), else the year in front of
        its name, and its kind. Of two events' verbs coordinated ('met Y on Monday and spoke by phone with Z on Tuesday'),
        each verb phrase's own (``own``); none in a relative clause aside before it (meetings.time.relative_aside), and
        none written before an event's name that is the topic of a discussion ('on June 4, she gave her views on the Andean
        Summit': the discussion's time, meetings.time.topic_event)."""
        text = doc.text
        lower, upper, left, right = window
        own_left, own_right = own
        sentence_left = own_left if own_left > left else lower  # a coordinated verb phrase bounds the sentence's reach too
        sentence_right = own_right if own_right < right else upper
        aside = self._relative_aside(doc, trigger, word, lower)  # 'X, who visited Lima in June, met Y': not the meeting's time
        timed = (self._nearest(doc.times, trigger, max(own_left, trigger.start - _TIME_WINDOW), min(own_right, trigger.end + _TIME_WINDOW),
                               doc.nearest_trigger, fits=aside)
                 or self._nearest(doc.times, trigger, max(sentence_left, trigger.start - _TIME_WINDOW), min(sentence_right, trigger.end + _TIME_WINDOW),
                                  fits=lambda item: _time_fits_status(status, item) and (aside is None or aside(item))))
        if not timed:
            # 'the 2005 G8 summit' with no time in its sentence: the year in front of its name (meetings.time.event_year)
            named_year = self._event_year_span(doc, trigger, word, lower)
            return (named_year, "year") if named_year is not None else (None, None)
        time, kind = timed
        if (time.end <= trigger.start and word.pos == "noun" and text[trigger.start].isupper()
                and self.phrases.topic_event_before.search(text, max(lower, trigger.start - 240), trigger.start)):
            if doc.trace is not None:
                doc.trace.add(STAGE, TIME_TOPIC_EVENT, "vetoed", time.start, time.end,
                              f"'{time.text}' dates the discussion of '{trigger.text}', not the event")
            return None, None
        return time, kind

    def _mention_participants(self, doc: _Document, trigger: Span, word, mtype: str, window: tuple[int, int, int, int],
                              place: Span | None, speaker_of_content: Statement | None, previous: list[MeetingMention],
                              inviter: Entity | None) -> tuple[list[Entity], int]:
        """The participants of one trigger, read in its clause (``window``: sentence and clause limits) once the clause is
        narrowed by coordinated meetings and a closing relative clause; and the clause's right limit as narrowed."""
        lower, upper, left, right = window
        right, objects_before = self._coordinated_meetings(doc, trigger, lower, upper, right)
        right = self._relative_clause_close(doc, trigger, left, right)
        right = self._visit_relative_meeting(doc, trigger, mtype, right)
        participants = self._participants(doc, trigger, word, mtype, lower, upper, left, right, speaker_of_content, previous, inviter)
        if word.phrase == BARE_GROUP_SUMMIT:
            participants = [Entity(trigger.text, "organisation")]  # 'at G20': the forum's summit, not who is met there
        if objects_before:
            participants = [e for e in participants if e not in objects_before]
        participants = self._host_country_in(doc, trigger, mtype, participants, place, left, right)
        participants = self._outer_meeting_people_off(doc, trigger, word, participants, previous, lower, right)
        return self._addressed_body(doc, trigger, word, participants, upper), right

    def _outer_meeting_people_off(self, doc: _Document, trigger: Span, word, participants: list[Entity], previous: list[MeetingMention],
                                  lower: int, right: int) -> list[Entity]:
        """'the talks the Minister held with her partners about next week's summit': a meeting noun that is the topic of the
        meeting named before it in its sentence does not take that meeting's participants, unless its own words name them
        again ('talks with X about X's visit')."""
        if word.pos != "noun" or not participants or not previous:
            return participants
        outer = previous[-1].trigger
        if outer.start < lower or outer.end > trigger.start:
            return participants
        topic = self.phrases.topic_meeting_before.search(doc.text, max(outer.end, trigger.start - 60), trigger.start)
        if topic is None:
            return participants
        own = doc.text[topic.start():right]
        kept = [e for e in participants if e not in previous[-1].participants or e.name.split()[-1] in own]
        if len(kept) < len(participants) and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_TOPIC_MEETING, "vetoed", outer.start, trigger.end,
                          f"'{trigger.text}' is what '{outer.text}' is about: {', '.join(e.name for e in participants if e not in kept)} "
                          f"met in '{outer.text}', not in it")
        return kept

    def _determiner_flags(self, text: str, trigger: Span, word, lower: int) -> dict[str, bool]:
        """What the words right before a meeting noun say of it: 'a regional summit' introduces an event
        (``indefinite``); 'the summit', with the article alone, names no event of its own (``bare``)."""
        noun = word.pos == "noun"
        return {"indefinite": noun and bool(self.phrases.indefinite_before.search(text, max(lower, trigger.start - 40), trigger.start)),
                "bare": noun and bool(self.phrases.bare_definite_before.search(text, max(lower, trigger.start - 6), trigger.start))}

    def _non_answer(self, text: str, trigger: Span, lower: int, upper: int) -> regex.Match | None:
        """'I have no trip to announce': the non-answer that holds the trigger, if any."""
        for match in self.non_answer.finditer(text, max(lower, trigger.start - 60), min(upper, trigger.end + 60)):
            if match.start() < trigger.start and trigger.end <= match.end():
                return match
        return None

    def _embedded_question(self, text: str, trigger: Span, lower: int, left: int) -> str | None:
        """The words that open an embedded question holding the trigger ('whether', 'asked if'): in its clause,
        or right before it (the clause starts after 'whether')."""
        for match in self.embedded_question.finditer(text, max(lower, left - 40), trigger.start):
            if match.end() >= left - 1:
                return match.group()
        return None

    def _relative_aside(self, doc: _Document, trigger: Span, word, lower: int):
        """'X, who visited Lima in June, met Y on Thursday': a test that a time lies outside the relative clause set off by
        commas right before the meeting verb (meeting_grammar.toml relative_aside_before), or None when there is none."""
        if word.pos != "verb":
            return None
        found = self.phrases.relative_aside_before.search(doc.text, max(lower, trigger.start - 160), trigger.start)
        if found is None:
            return None
        start, end = found.span("aside")
        traced: set[int] = set()  # the test runs on the clause's times, then again on the sentence's: one trace event a time

        def outside(item) -> bool:
            time = item[0]
            if time.start >= start and time.end <= end:
                if doc.trace is not None and time.start not in traced:
                    traced.add(time.start)
                    doc.trace.add(STAGE, TIME_RELATIVE_ASIDE, "vetoed", time.start, trigger.end,
                                  f"'{time.text}' dates the aside '{doc.text[start + 1:end].strip()}', not '{trigger.text}'")
                return False
            return True
        return outside

    def _event_year_span(self, doc: _Document, trigger: Span, word, lower: int) -> Span | None:
        """'the 2005 G8 summit', 'at the 2019 Osaka meeting': a meeting noun whose clause and sentence name no time of
        it takes the year written in front of its name (meeting_grammar.toml event_year) as its time."""
        if word.pos != "noun":
            return None
        found = self._event_year_match(doc.text, trigger, lower)
        if found is None:
            return None
        if doc.trace is not None:
            doc.trace.add(STAGE, TIME_EVENT_YEAR, "set", found.start("year"), trigger.end,
                          f"'{found.group('year')}' in front of '{trigger.text}' is its time")
        return Span.of(doc.text, found.start("year"), found.end("year"))

    def _event_year(self, text: str, trigger: Span, lower: int) -> str | None:
        """'the 2005 G8 summit': the year written in front of the event's name."""
        found = self._event_year_match(text, trigger, lower)
        return found.group("year") if found else None

    def _event_year_match(self, text: str, trigger: Span, lower: int):
        """The year in front of an event's name ('the 2005 G8 summit'), read for its year (a split) and its time."""
        return self.event_year.search(text, max(lower, trigger.start - 40), trigger.start)

    def _event_month(self, text: str, trigger: Span, lower: int) -> str | None:
        """'the July summit': the month written in front of the event's name."""
        found = self.event_month.search(text, max(lower, trigger.start - 40), trigger.start)
        return found.group("month") if found else None

    def _conducted_back(self, doc: _Document, trigger: Span, mtype: str, index: int, lower: int,
                        previous: list[MeetingMention]) -> list[Entity]:
        """'X opened the meeting', 'Y chaired the talks': the participants of the meeting of its type named in the
        sentences before, when a verb of conducting a meeting governs the definite noun (else none); X is a delegate."""
        if not self.phrases.conducted_before.search(doc.text, max(lower, trigger.start - 30), trigger.start):
            return []
        earlier = _last_meeting_people(previous, index, mtype, _ATTENDED_SENTENCES)
        if earlier and doc.trace is not None:
            doc.trace.add(STAGE, PARTICIPANT_CONDUCTED, "set", trigger.start, trigger.end,
                          f"'{trigger.text}', opened or chaired, is the {mtype} named before, of {', '.join(e.name for e in earlier)}")
        return earlier

    def _attended_back(self, text: str, trigger: Span, lower: int) -> bool:
        """'took part in the talks', 'Chile is represented at the talks by X', 'raised during the talks': a definite
        meeting noun that a verb of attending or a preposition governs, with no 'with' or 'between' object of its own."""
        return (bool(self.phrases.attended_before.search(text, max(lower, trigger.start - 60), trigger.start))
                and not self.phrases.with_after.match(text, trigger.end) and not self.between.match(text, trigger.end))

    def _coordinated_meetings(self, doc: _Document, trigger: Span, lower: int, upper: int, right: int) -> tuple[int, list]:
        """'talks with X and an expected meeting with Y': two meetings coordinated, each with its own 'with'
        object. The first one's participants end at the coordinator; the second does not take the first
        one's object X (its subject, before both, it keeps). Returns the right limit and the people to drop."""
        text = doc.text
        index = bisect.bisect_right(doc.trigger_starts, trigger.start)
        if index < len(doc.trigger_starts) and doc.trigger_starts[index] < right and self.phrases.with_after.match(text, trigger.end, right):
            coordinator = self.phrases.coordinated_before.search(text, trigger.end, doc.trigger_starts[index])
            if coordinator is not None:
                right = coordinator.start()
                if doc.trace is not None:
                    doc.trace.add(STAGE, CLAUSE_COORDINATED, "set", trigger.start, right, f"'{trigger.text}' and its object end here")
        right = self._later_coordinated_object(doc, trigger, index, right)
        current = index - 1  # this trigger's own index
        if (index < len(doc.trigger_starts) and doc.trigger_starts[index] < right and current >= 0
                and self._other_type_coordinated(doc, current, index)):
            coordinator = self.phrases.coordinated_verb_before.search(text, trigger.end, doc.trigger_starts[index])
            right = coordinator.start()  # 'met Y in Lima and travelled to Quito': Y's meeting ends at 'and'
        previous = bisect.bisect_left(doc.trigger_starts, trigger.start) - 1
        if previous < 0 or doc.trigger_ends[previous] <= lower:
            return right, []
        previous_end = doc.trigger_ends[previous]
        coordinator = self.phrases.coordinated_before.search(text, previous_end, trigger.start)
        if coordinator is None or not self.phrases.with_after.match(text, previous_end, coordinator.start()):
            # 'X met Y in Lima and will meet Z': a verb phrase of another time coordinated after the first one's
            # object; Y is not met again (meetings.clause.coordinated_modal)
            coordinator = self.phrases.coordinated_modal_before.search(text, previous_end, trigger.start)
            if coordinator is None and self._other_type_coordinated(doc, previous, previous + 1):
                # 'X met Y and then travelled to Z', 'X visited Chile and spoke by phone with Y': another kind of
                # event in a verb phrase of its own; the first verb's object is not the second's (meetings.clause.coordinated_other_type)
                coordinator = self.phrases.coordinated_verb_before.search(text, previous_end, trigger.start)
                if doc.trace is not None:
                    doc.trace.add(STAGE, CLAUSE_COORDINATED_OTHER_TYPE, "set", previous_end, trigger.end,
                                  f"'{trigger.text}' is another event coordinated after the object of '{text[doc.trigger_starts[previous]:previous_end]}'")
                return right, doc.people(previous_end, coordinator.start()) + doc.bodies(previous_end, coordinator.start())
            if coordinator is None or not doc.trigger_verbs[previous]:
                return right, []
            if doc.trace is not None:
                doc.trace.add(STAGE, CLAUSE_COORDINATED_MODAL, "set", previous_end, trigger.end,
                              f"'{trigger.text}' is coordinated after the object of '{text[doc.trigger_starts[previous]:previous_end]}'; that object is not met again")
        return right, doc.people(previous_end, coordinator.start()) + doc.bodies(previous_end, coordinator.start())

    def _coordinated_window(self, doc: _Document, trigger: Span, left: int, right: int) -> tuple[int, int]:
        """The trigger's own verb phrase when a verb of another event is coordinated before or after it
        (meetings.clause.coordinated_other_type): from the 'and' before it, up to the 'and' after it."""
        index = bisect.bisect_left(doc.trigger_starts, trigger.start)
        if index >= len(doc.trigger_starts) or doc.trigger_starts[index] != trigger.start:
            return left, right
        if index > 0 and self._other_type_coordinated(doc, index - 1, index):
            coordinator = self.phrases.coordinated_verb_before.search(doc.text, doc.trigger_ends[index - 1], trigger.start)
            left = max(left, coordinator.end())
        if index + 1 < len(doc.trigger_starts) and doc.trigger_starts[index + 1] < right and self._other_type_coordinated(doc, index, index + 1):
            coordinator = self.phrases.coordinated_verb_before.search(doc.text, trigger.end, doc.trigger_starts[index + 1])
            right = min(right, coordinator.start())
        return left, right

    def _other_type_coordinated(self, doc: _Document, first: int, second: int) -> bool:
        """Triggers ``first`` and ``second`` (indices, the second right after the first) are verbs of different
        events ('met', 'travelled to'; 'visited', 'spoke by phone') coordinated by 'and' after the first one's object
        (meeting_grammar.toml coordinated_verb_before), in one sentence."""
        if second >= len(doc.trigger_starts) or not (doc.trigger_verbs[first] and doc.trigger_verbs[second]):
            return False
        kinds = self.same_kind_types
        if doc.trigger_types[first] == doc.trigger_types[second] or {doc.trigger_types[first], doc.trigger_types[second]} <= kinds:
            return False  # 'met Y and held talks with him': one meeting
        end, start = doc.trigger_ends[first], doc.trigger_starts[second]
        if bisect.bisect_right(doc.sentence_starts, end) != bisect.bisect_right(doc.sentence_starts, start):
            return False
        return self.phrases.coordinated_verb_before.search(doc.text, end, start) is not None

    def _visit_relative_meeting(self, doc: _Document, trigger: Span, mtype: str, right: int) -> int:
        """'a visit to Peru, during which he met X and Y': a relative clause after a visit that opens on its own subject
        and a meeting verb (meeting_grammar.toml visit_relative_meeting) says whom the visitor met there; the people
        after that verb are its own, not the visit's hosts, who stay the place visited. Returns the right limit."""
        if mtype != "visit":
            return right
        index = bisect.bisect_right(doc.trigger_starts, trigger.start)
        if index >= len(doc.trigger_starts) or doc.trigger_starts[index] >= right or not doc.trigger_verbs[index]:
            return right
        relative = self.phrases.visit_relative_meeting.search(doc.text, trigger.end, doc.trigger_starts[index])
        if relative is None:
            return right
        if doc.trace is not None:
            doc.trace.add(STAGE, CLAUSE_VISIT_RELATIVE, "set", trigger.start, relative.end(),
                          f"'{doc.text[relative.start():relative.end()].strip()} ...' says whom the visitor met; not the hosts of '{trigger.text}'")
        return relative.start()

    def _relative_clause_close(self, doc: _Document, trigger: Span, left: int, right: int) -> int:
        """'Lavrov, who met Kerry in Geneva last week, told reporters that Zarif ...': a relative clause opened by a comma
        and its pronoun ends at its closing comma, the first one after the trigger followed by a lower-case word;
        the main clause after it names who the subject speaks of, not whom it met. Returns the right limit."""
        if not self.phrases.comma_relative_before.search(doc.text, max(0, left - 12), left):
            return right
        close = self.phrases.relative_close.search(doc.text, trigger.end, right)
        if close is None:
            return right
        if doc.trace is not None:
            doc.trace.add(STAGE, CLAUSE_RELATIVE_CLOSE, "set", trigger.start, close.start(), f"the relative clause of '{trigger.text}' ends here")
        return close.start()

    def _later_coordinated_object(self, doc: _Document, trigger: Span, index: int, right: int) -> int:
        """'travels to Lima for talks with X, and an expected meeting with Y': a later meeting noun of the clause,
        coordinated after the 'with' object of the meeting word before it and with a 'with' object of its own,
        takes that object; the trigger's clause ends at its coordinator. Not when no 'with' object comes before
        the coordinator ('for talks and a meeting with Y': Y is met in both). Returns the right limit."""
        text = doc.text
        for later in range(index, len(doc.trigger_starts)):
            start = doc.trigger_starts[later]
            if start >= right:
                break
            if not self.phrases.with_after.match(text, doc.trigger_ends[later], right):
                continue
            before_end = max(trigger.end, doc.trigger_ends[later - 1]) if later > 0 else trigger.end
            coordinator = self.phrases.coordinated_before.search(text, before_end, start)
            if coordinator is None or not self.phrases.with_after.match(text, before_end, coordinator.start()):
                continue
            if not (doc.people(before_end, coordinator.start()) or doc.bodies(before_end, coordinator.start())):
                continue
            if doc.trace is not None:
                doc.trace.add(STAGE, CLAUSE_COORDINATED_LATER, "set", trigger.start, coordinator.start(),
                              f"'{text[start:doc.trigger_ends[later]]}' after the coordinator has its own object; '{trigger.text}' ends here")
            return coordinator.start()
        return right

    def _leading_clause_cut(self, doc: _Document, trigger: Span, sentence_start: int, lower: int, upper: int,
                            left: int, right: int, mtype: str = "") -> tuple[int, int]:
        """'Following the call with X, Y met Z': a sentence that opens with a leading clause holds two
        clauses; the comma that closes the leading one bounds the participants of a trigger on either side
        (of one in the leading clause only when that clause names someone: 'During the call, X said'). A visit
        in a leading clause that names nobody ('After arriving in Lima, X met Y') is the main clause's subject's,
        up to the main clause's own meeting word: whom X meets there is that word's, not the visit's host."""
        if lower != sentence_start:
            return left, right  # reported speech: the content is the frame
        lead = self.phrases.leading_clause.match(doc.text, sentence_start, upper)
        if lead is None or lead.end() > trigger.start:
            return left, right
        comma = doc.text.find(",", lead.end(), upper)
        if comma < 0 or comma == trigger.start:
            return left, right
        if trigger.end <= comma:
            if not (doc.people(lead.end(), comma) or doc.bodies(lead.end(), comma)):
                later = bisect.bisect_right(doc.trigger_starts, comma)
                if mtype != "visit" or later >= len(doc.trigger_starts) or doc.trigger_starts[later] >= right:
                    return left, right  # 'During the call, X conveyed ...': the leading clause names nobody; X held it
                if doc.trace is not None:
                    doc.trace.add(STAGE, CLAUSE_LEADING_VISIT, "set", trigger.start, doc.trigger_starts[later],
                                  f"'{trigger.text}' is the visit of the main clause's subject; whom it meets is the next meeting word's")
                return left, doc.trigger_starts[later]
            cut = (left, min(right, comma))
        else:
            cut = (max(left, comma + 1), right)
        if doc.trace is not None and cut != (left, right):
            doc.trace.add(STAGE, CLAUSE_LEADING, "set", lead.start(), comma + 1, f"'{doc.text[lead.start():comma]}' is a clause of its own")
        return cut

    def _reported_frame(self, doc: _Document, trigger: Span, lower: int, upper: int):
        """Reported speech: the meeting's participants are in the content, not the speaker. The
        sentence window narrowed to the content holding the trigger, where its status is read from,
        the statement, and who invites ('invited X to visit Y': the speaker hosts)."""
        text = doc.text
        containing = doc.contents.covering(trigger.start)
        if not containing:
            return lower, upper, lower, None, None
        inviter = None
        status_lower = None
        start, end, statement = containing[0]
        if statement.content.text.startswith(self.infinitive_content) and statement.cue.end <= start:
            status_lower = max(lower, statement.cue.start)  # 'invited ... to visit' says proposed
            if self.phrases.addressee.search(text, statement.cue.end, start):
                start = statement.cue.end  # 'invited X to visit Y': the addressee X is the visitor
                inviter = doc.tracker.lookup_name(statement.speaker.name) if statement.speaker.mention_kind != "anonymous" else None
                if inviter is not None and inviter.kind != "person":
                    inviter = None
        lower, upper = max(lower, start), min(upper, end)
        return lower, upper, lower if status_lower is None else status_lower, statement, inviter

    def _mention_status(self, doc: _Document, trigger: Span, word, index: int, previous: list[MeetingMention], window: tuple[int, ...],
                        speaker_of_content: Statement | None) -> tuple[str, str, str, tuple[int, int] | None]:
        """The status a mention asserts, why, the rule that set it and the offsets of its status cue (None when
        no cue of meeting_status.toml set it): the nearest cue of its clause, else of its sentence (the tense of
        the trigger last), else the status of the mention before it in the sentence, else past narration; a
        denying cue of its statement denies it."""
        lower, upper, left, right, status_lower = window
        status, why, rule, cue = self._status(doc, trigger, word, max(status_lower, min(left, trigger.start)), right, default=False)
        if status == "unknown":
            status, why, rule, cue = self._status(doc, trigger, word, status_lower, upper)
        # 'held discussions regarding X's state visit': the visit is what the discussions are about (its status is its own)
        topic = (status == "unknown" and bool(previous) and previous[-1].sentence == index and previous[-1].trigger.start >= lower
                 and self.phrases.topic_of_meeting.fullmatch(doc.text, previous[-1].trigger.end, trigger.start) is not None)
        if topic and doc.trace is not None:
            doc.trace.add(STAGE, STATUS_TOPIC_OF_BEFORE, "set", trigger.start, trigger.end,
                          f"'{trigger.text}' is what '{previous[-1].trigger.text}' is about: not its status")
        if (status == "unknown" and not topic and previous and previous[-1].sentence == index and previous[-1].trigger.start >= lower
                and previous[-1].status not in _OWN_OBJECT_STATUSES
                and not self._narrated_in_past(doc.text, max(lower, previous[-1].trigger.end), trigger.start)):
            # 'will meet X in Paris and attend the summit': one modality
            status, why, rule, cue = previous[-1].status, f"as '{previous[-1].trigger.text}' before it", STATUS_AS_BEFORE, previous[-1].status_cue
        narration_start = max(left, previous[-1].trigger.end) if topic else left  # the past verb narrates the meeting word it governs
        if status == "unknown" and speaker_of_content is None and self._narrated_in_past(doc.text, narration_start, trigger.start):
            future = None
            for future in self.phrases.temporal_perfect.finditer(doc.text, max(lower, narration_start - 80), trigger.start):
                pass  # the last one: its conjunction may open the clause, before where the clause is read from
            if future is None or future.end() <= narration_start:
                status, why, rule = "held", "narrated in the past tense", STATUS_NARRATED  # 'praised the outcome of the summit'
            elif doc.trace is not None:
                # 'until both ministers have had time to meet': the perfect of a temporal clause is a future's
                doc.trace.add(STAGE, STATUS_TEMPORAL_PERFECT, "vetoed", future.start(), trigger.end,
                              f"'{future.group()}': a perfect in a temporal clause looks ahead, it narrates nothing")
        if speaker_of_content is not None and status != "cancelled" and self._denies(speaker_of_content):
            # 'officials denied that Modi would visit Pakistan'
            status, why, rule, cue = "denied", f"the cue '{speaker_of_content.cue.text}' denies it", STATUS_DENIAL_CUE, None
        return status, why, rule, cue

    def _denies(self, statement: Statement) -> bool:
        """The statement's cue denies its content (see ``denial_cues`` in meeting_grammar.toml)."""
        cue = self.lex.cue_forms.get(statement.cue.text.casefold())
        if cue is None:
            return False
        return cue.lemma in self.denial_cues or (cue.lemma in self.report_denial_cues and bool(self.denied_report.match(statement.content.text)))

    def _narrated_in_past(self, text: str, start: int, end: int) -> bool:
        """A past-tense verb before the meeting word narrates it ('praised the summit'); a past verb of
        wishing or intending ('hoped the visit would ...') does not say that it took place."""
        return any(m.group().casefold() not in self.non_narrating_past for m in self.past_verb.finditer(text, start, end))

    # ------------------------------------------------------------------ status, time, place
    def _status(self, doc: _Document, trigger: Span, word, lower: int, upper: int,
                default: bool = True) -> tuple[str, str, str, tuple[int, int] | None]:
        """The status of a trigger, why (the cue's words, or the verb's tense, for --explain), the rule that set it
        and the offsets of the status cue that did (None when no cue did)."""
        best: tuple[int, int, str, str, tuple[int, int]] | None = None
        overriding: tuple[int, int, str, str, tuple[int, int]] | None = None  # the best match after the trigger, or negative
        attributive: tuple[str, str, str, tuple[int, int]] | None = None
        window_start = max(lower, trigger.start - _STATUS_WINDOW)
        window_end = min(upper, trigger.end + _STATUS_WINDOW)
        for start, end, value in doc.status.within(max(0, window_start - _STATUS_WINDOW), window_end):
            if start < window_start or end > window_end:
                continue
            if end <= trigger.start and not doc.text[end:trigger.start].strip() and doc.text[start:end].casefold() in self.attributive_status_words:
                attributive = value, f"cue '{doc.text[start:end]}'", STATUS_ATTRIBUTIVE, (start, end)  # 'the planned visit', 'the upcoming summit'
                continue
            if end <= trigger.start and word.phrase in self.own_clause_triggers:
                continue  # 'both sides will follow the understandings they reached in Bali': 'will' is the following's
            if self._governs_other(doc, trigger, start, end) or self._other_voice_tense(doc, trigger, start, end):
                continue
            distance = trigger.start - end if end <= trigger.start else max(0, start - trigger.end) * _RIGHT_WEIGHT
            if value in ("cancelled", "denied"):
                distance -= _NEGATIVE_BONUS  # 'called off next week's talks': the cancellation, not the date
            key = (distance, -STATUS_RANK[value], value, f"cue '{doc.text[start:end]}'", (start, end))
            if best is None or key < best:
                best = key
            if (start >= trigger.end or value in ("cancelled", "denied")) and (overriding is None or key < overriding):
                overriding = key
        if attributive is not None:
            # the adjective outweighs a verb before it ('discussed the upcoming summit'), not a cancellation
            # or denial ('called off the planned visit'), nor what is said of the meeting after it, which
            # tells what became of the plan ('the planned visit was postponed', '... took place on Monday')
            return (*overriding[2:4], STATUS_CUE + overriding[2], overriding[4]) if overriding is not None else attributive
        if best is not None:
            return (*best[2:4], STATUS_CUE + best[2], best[4])
        if word.tense == "past" and default:
            return "held", f"past tense of '{trigger.text}'", STATUS_PAST_TENSE, None
        return "unknown", "no cue", "", None

    def _other_voice_tense(self, doc: _Document, trigger: Span, start: int, end: int) -> bool:
        """'At the summit, X said Chile will buy copper': a bare future auxiliary (``status_link_plain_cue``) inside
        a statement's content that does not hold ``trigger`` is the tense of the content's own verb, not of the
        meeting named outside it."""
        if not self.status_link_plain_cue.fullmatch(doc.text, start, end):
            return False
        if not any(s <= start and end <= e and not s <= trigger.start < e for s, e, _ in doc.contents.covering(start)):
            return False
        if doc.trace is not None:
            doc.trace.add(STAGE, STATUS_OTHER_VOICE, "vetoed", start, end,
                          f"'{doc.text[start:end]}' is the tense of a statement's content, not of '{trigger.text}'")
        return True

    def _governs_other(self, doc: _Document, trigger: Span, start: int, end: int) -> bool:
        """A status cue governs the trigger nearest to it on its side: another meeting word between the cue and
        ``trigger``, or inside the cue ('agreed to meet'), takes it ('decided to meet X and discuss the trip in
        May': the trip is not decided; 'held talks instead of the summit'), unless the meeting words are
        coordinated ('the talks and the visit were postponed', 'never visited X or met Y') or the nearer one
        stands in a relative clause of ``trigger`` ('the summit that X is hosting'): then the cue is said of both."""
        text, starts, ends = doc.text, doc.trigger_starts, doc.trigger_ends
        position = bisect.bisect_left(starts, trigger.start)
        if end <= trigger.end and start < trigger.start:  # the cue before the trigger: the meeting words from the cue on
            others = [i for i in range(bisect.bisect_left(starts, start), position) if ends[i] <= trigger.start]
            chain = [*others, position]
        elif start >= trigger.end or end > trigger.end:  # the cue after (or reaching past) the trigger
            others = [i for i in range(position + 1, bisect.bisect_left(starts, end)) if trigger.end <= starts[i]]  # (starts ascend)
            chain = [position, *others]
            if others and self.phrases.relative_trigger_gap.fullmatch(text, trigger.end, starts[others[0]]):
                return False
        else:
            return False  # the cue within the trigger ('met')
        if not others or all(self._coordinated(doc, a, b) for a, b in itertools.pairwise(chain)):
            return False
        if doc.trace is not None and (start, trigger.start) not in doc.own_trigger_traced:  # once, not per window
            doc.own_trigger_traced.add((start, trigger.start))
            near = others[-1] if chain[-1] == position else others[0]
            doc.trace.add(STAGE, STATUS_OWN_TRIGGER, "vetoed", start, end,
                          f"'{text[start:end]}' governs '{text[starts[near]:ends[near]]}', not '{trigger.text}'")
        return True

    def _coordinated(self, doc: _Document, first: int, second: int) -> bool:
        """Triggers ``first`` and ``second`` (indices) are coordinated: two meeting nouns ('the talks and the
        visit'), or two meeting verbs with the first one's object between ('visited X or met Y')."""
        text, gap = doc.text, (doc.trigger_ends[first], doc.trigger_starts[second])
        if self.phrases.coordinated_triggers.fullmatch(text, *gap):
            return True
        return doc.trigger_verbs[first] and doc.trigger_verbs[second] and bool(self.phrases.coordinated_verbs.fullmatch(text, *gap))

    @staticmethod
    def _nearest(index: _SpanIndex, trigger: Span, lower: int, upper: int, owner=None, fits=None) -> Span | None:
        best = None
        for start, end, span in index.within(lower, upper):
            if end > upper or (owner is not None and owner(start) != trigger.start) or (fits is not None and not fits(span)):
                continue
            distance = abs(start - trigger.start)
            if best is None or distance < best[0]:
                best = (distance, span)
        return best[1] if best else None

    def _place(self, doc: _Document, trigger: Span, lower: int, upper: int, mtype: str = "visit", owner: bool = False) -> tuple[Span | None, bool]:
        best = None
        # read beyond the trigger's clause, a place belongs to the meeting word nearest to it ('called off the talks,
        # citing a meeting in Quito': Quito is the meeting's)
        candidates = [item for item in doc.place_candidates.within(lower, upper)
                      if item[1] <= upper and (not owner or self._place_owner(doc, item[0], item[1], lower, upper) == trigger.start)]
        if mtype != "visit":
            # 'as it relates to China', 'a message to Kyiv': 'to' names where a trip goes, not where others meet
            kept = []
            for item in candidates:
                start, end, _ = item
                if not self.phrases.to_before.search(doc.text, max(0, start - 12), start):
                    kept.append(item)
                elif doc.trace is not None:
                    doc.trace.add(STAGE, VETO_TO_PLACE, "vetoed", start, end, f"'to {doc.text[start:end]}' is no place of a {mtype}")
            candidates = kept
        for index, (start, end, (span, known)) in enumerate(candidates):
            following = candidates[index + 1] if index + 1 < len(candidates) else None
            if following is not None and following[2][1] and doc.text[end:following[0]] == ", " and self.lex.country_of_word(following[2][0].text):
                known = True  # 'in Sochi, Russia': the city, placed by its country
            elif known and index and candidates[index - 1][1] + 2 == start and doc.text[start - 2:start] == ", ":
                continue  # ... and not the country after it
            distance = abs(start - trigger.start) - (40 if known else 0)
            if best is None or distance < best[0]:
                best = (distance, span, known)
        return (best[1], best[2]) if best else (None, False)

    @staticmethod
    def _place_owner(doc: _Document, start: int, end: int, lower: int, upper: int) -> int:
        """Start of the meeting trigger between ``lower`` and ``upper`` (a sentence) nearest to the place at
        ``start``-``end``, by the gap between the two."""
        first = bisect.bisect_left(doc.trigger_starts, lower)
        best = (-1, -1)
        for i in range(first, len(doc.trigger_starts)):
            t_start, t_end = doc.trigger_starts[i], doc.trigger_ends[i]
            if t_start >= upper:
                break
            gap = start - t_end if t_end <= start else t_start - end if t_start >= end else 0
            if best[0] < 0 or gap < best[0]:
                best = (gap, t_start)
        return best[1]

    # ------------------------------------------------------------------ participants

    def code_of(self, draft: _Draft, status: str) -> tuple[str, str]:
        """CAMEO event code and PLOVER CONSULT mode of a merged meeting."""
        if status in ("planned", "proposed"):
            code = self.codes["intent"][0]
        elif status in ("cancelled", "denied"):
            code = self.codes["rejected"][0]
        else:
            code = None
        kind = draft.type
        if kind == "visit" and draft.hosted:
            kind = "host"
        elif kind == "meeting" and draft.place is not None:
            countries = {e.country or e.name for e in draft.participants}
            place_country = self.lex.country_of_word(draft.place.text)
            if place_country and place_country not in countries:
                kind = "third_location"
        type_code, mode = self.codes.get(kind, self.codes["other"])
        return code or type_code, f"CONSULT:{mode}" if mode else "CONSULT"

