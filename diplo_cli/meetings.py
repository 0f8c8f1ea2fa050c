"""Find the meetings a text is about, merge their mentions, and link statements to them.

A meeting mention is a trigger word (``data/en/meeting_words.tsv``) that is not inside an excluded
phrase (``data/en/not_meetings.txt``) and passes the guards of ``data/en/meeting_grammar.toml`` (``called``
is a call only with a person as its object, ``meet`` is not ``meet demand``, ...). For each mention,
inside its sentence (or inside the content of the statement that reports it):

* the clause around the trigger is cut at clause boundaries (``where``, ``to discuss``, ``;`` ...);
* participants: ``between X and Y``; else the people named in the clause left and right of the
  trigger (``X and Y will meet``, ``X met with Y``, ``X hosted Y``), never a statement's speaker;
  a pronoun subject resolves to the statement's speaker or the last person named; ``the two
  leaders`` / ``they`` take the participants of the meeting mentioned before; ``his Turkish
  counterpart`` adds Turkey; a visit adds the host country; countries and organisations stand in
  when no person is named, and bare capitalised actors when nothing known is named;
* type from the trigger (a ``meeting`` said to be by phone or video is a ``call``); status from the
  nearest status cue (``data/en/meeting_status.toml``), else the trigger's tense; time and place
  from the nearest time expression and ``in <Place>``.

Mentions with the same participants (one set inside the other), compatible types and no
conflicting time or place merge into one meeting; a mention with no participants of its own
(``the rendezvous``) joins the meeting mentioned in the three sentences before it. The meeting's
status is the strongest of its mentions (held > cancelled > denied > planned > proposed >
unknown); a statement linked to it keeps the status its own content asserts.

Every per-trigger lookup is a bisection into indices built once per document, so the stage is
linear in the text. Deliberate limits: no parser, so subjects and objects are read off the
clause around the trigger; no coreference beyond pronouns, the speaker and the last meeting.
"""

from __future__ import annotations

import bisect
import functools
import tomllib
from dataclasses import dataclass, field, replace

import regex

from .entities import Entity, EntityTracker
from .errors import RuleError
from .lexicons import Lexicon, MeetingWord, _data_text, expand_named_lists, fold, name_key, read_list
from .models import Meeting, Participant, Sentence, Span, Statement
from .rules import Trace
from .scanning import AsciiLines, ListScan, LoweredText, PrefixScan, PrefixTable
from .timenorm import points_ahead, relative_days_differ

STATUS_RANK = {"held": 5, "cancelled": 4, "denied": 3, "planned": 2, "proposed": 1, "unknown": 0}
_STATUS_WINDOW = 90
# Drafts a mention is tried against per word of its participants' names, the latest first: a
# chronology of one leader's meetings ("Putin met X in Y." hundreds of times) would otherwise try
# every earlier one; the rarer names of the others still find all of theirs.
_MERGE_CANDIDATES = 64
_SENTENCE_REACH = 600  # characters either side of a trigger that count as its sentence
_CLAUSE_REACH = 300  # ... and as its clause
_TIME_WINDOW = 120
_SPECIFIC_TIMES = frozenset({"weekday", "date", "year"})  # time rule values that name one day or period
_RIGHT_WEIGHT = 1.5  # the verb that governs a meeting word mostly precedes it
_NEGATIVE_BONUS = 80  # characters: a cancellation or denial in reach outweighs a nearer future cue
_GUARD_REACH = 60
_ANAPHOR_SENTENCES = 3
_LOOKBACK = 40  # person mentions looked at when resolving a pronoun
_PRONOUN_REACH = 70  # characters: a pronoun further from the trigger is another clause's subject
_COUNTERPART_REACH = 400  # characters around 'his Russian counterpart' where the counterpart is named
_QUESTION_END = regex.compile(r"\?[\s\"'”’)]*\Z")  # a sentence that ends with a question mark
_OBJECT_REACH = 80  # characters between a cue and its content where the cue's object may name the meeting
_RELATIVE_GAP = 3  # characters (', ') between a meeting word and a relative clause about it
_AGENDA_REACH = 400  # characters from a meeting's mention to a statement on its agenda
_PLACE_LINK_REACH = 1500  # characters from a meeting's mention to a statement naming its place and a participant
_GROUP_LOOKBACK = 12  # meeting mentions looked at for 'the two leaders'
_PLACE = regex.compile(
    r"\b(?:in|at|to)[ \t]+(?P<place>(?:the[ \t]+)?\p{Lu}[\p{L}\p{M}\p{N}'’\-]*+(?:[ \t]+(?:of[ \t]+)?\p{Lu}[\p{L}\p{M}\p{N}'’\-]*+){0,3})"
)
_DEFINITE = regex.compile(
    r"\b(?:the|this|that|these|those|such\s+a|such|their|its|his|her|our|the\s+planned|the\s+proposed|the\s+upcoming)\s+(?:[\p{L}\-]+\s+){0,2}$",
    regex.IGNORECASE,
)
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{M}'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}'’\-]+)?")
_DETERMINED = regex.compile(r"\b(?:a|an|the|this|that|these|those|his|her|their|its|our|your|my|any|no)\s+(?:[\p{L}\-'’]+\s+){0,2}$", regex.IGNORECASE)
_LOCATIVE = regex.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", regex.IGNORECASE)
_PAIR = regex.compile(r"(?P<a>[^,;.()]{2,60}?)\s+and\s+(?P<b>[^,;.()]{2,60}?)"
                     r"(?=[,;.]|\s+(?:in|on|at|over|about|for|to\s+discuss|last|next|this|will|would|could|may|might|are|were|is|was|have|has|had|\p{Ll}+ed)\s|$)")
_LIST_GAP = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_EVENT_NAME = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}\p{N}'’\-]*+\s+(?:(?:of|on|and)\s+(?:the\s+)?)?){1,5}$")
_SIDELINES = regex.compile(r"\b(?:sidelines|margins|side)\s+of\s+(?:the\s+|this\s+|a\s+)?(?:[\p{L}\p{N}\-'’]+\s+){0,6}$", regex.IGNORECASE)
_ROLE_MENTION = regex.compile(
    r"\b(?:[Tt]he|[Oo]ur)\s+(?P<role>Vice\s+President|President|Prime\s+Minister|Chancellor|Secretary\s+of\s+State|Crown\s+Prince)\b"
    r"(?!\s+(?:of\s+(?:the\s+)?)?\p{Lu})(?!['’]s\s+(?:call|meeting|visit|trip))"
)
_ELLIPSIS = regex.compile(r"(?P<word>\p{Lu}[\p{L}\-]+)\s+(?:and|or|&)\s+$")
_DOTTED = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,3}(?!\p{L})")
_BODY_NOUN = regex.compile(r"\b(?:countries|nations|states|governments|sides|delegations)\b", regex.IGNORECASE)
_WITH = regex.compile(r"\s+(?:(?:by\s+(?:phone|telephone|video)|today|yesterday|again|on\s+\p{Lu}\p{Ll}+)\s+)?with\s", regex.IGNORECASE)
_ADDRESSEE = regex.compile(  # a word between a directive's cue and its 'to ...' that is not a time
    r"(?!(?:on|in|at|last|this|next|early|late|today|yesterday|tomorrow|again|also|formally|repeatedly|publicly|\p{Lu}\p{Ll}+day)\b)[\p{L}\p{N}]{2,}",
    regex.IGNORECASE)
_COMPANION = regex.compile(r"\b(?:his|her|their)\s+(?:wife|husband|spouse|daughter|son)\s*,?\s*$", regex.IGNORECASE)
_ATTENDING = regex.compile(r"\b(?:attend\w*|host\w*|chair\w*|at|during|participat\w*|join\w*|address\w*|lead|leads|led|leading|hold|holds|held|holding|go\w*\s+to|travel\w*\s+to|arriv\w*)\b", regex.IGNORECASE)
_AFFIX = regex.compile(r"\b(?:pro|anti|non|ex|post|pre)-$", regex.IGNORECASE)
_CALL_MEDIUM = regex.compile(r"\b(?:phone|telephone|video|virtual|online)\s+(?:[\p{L}\-]+\s+){0,1}$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Guard:
    id: str
    require_before: regex.Pattern | None
    require_after: regex.Pattern | None
    reject_before: regex.Pattern | None
    reject_after: regex.Pattern | None

    def allows(self, before: str, after: str) -> bool:
        if self.require_before is not None and not self.require_before.search(before):
            return False
        if self.require_after is not None and not self.require_after.search(after):
            return False
        if self.reject_before is not None and self.reject_before.search(before):
            return False
        return not (self.reject_after is not None and self.reject_after.search(after))


@dataclass
class MeetingMention:
    trigger: Span
    type: str
    status: str
    participants: list[Entity]
    time: Span | None
    place: Span | None
    sentence: int
    anaphoric: bool = False
    hosted: bool = False
    definite: bool = False  # 'the meeting', 'this visit': may refer back to a meeting named before
    vague_time: bool = True  # 'soon', 'next week': never conflicts with another time
    known_place: bool = False  # the place is a known country or city
    meeting: int | None = None  # index of the merged meeting
    questioned: bool = False  # 'Will the two leaders meet?': asked about, not reported
    earlier: bool = False  # 'our last meeting', 'they last met': a meeting before the one reported
    status_why: str = ""  # what set the status (--explain)
    joined_why: str = ""  # why it joined the meeting before it (--explain)


@dataclass
class _Draft:
    type: str
    participants: list[Entity]
    mentions: list[MeetingMention] = field(default_factory=list)
    time: Span | None = None
    place: Span | None = None
    hosted: bool = False
    vague_time: bool = True
    known_place: bool = False
    agenda: dict[str, str] = field(default_factory=dict)  # statement id -> status, for agenda statements
    earlier: bool = False  # started by a mention of an earlier meeting ('since our last meeting')
    agenda_why: dict[str, str] = field(default_factory=dict)  # statement id -> why it is an agenda link (--explain)
    cameo: str | None = None
    plover: str | None = None


class _SpanIndex:
    """Items ``(start, end, payload)`` sorted by start, queried by bisection."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda item: (item[0], item[1]))
        self.starts = [item[0] for item in self.items]

    def within(self, lower: int, upper: int):
        """Items that start in ``[lower, upper)``."""
        return self.items[bisect.bisect_left(self.starts, lower):bisect.bisect_left(self.starts, upper)]

    def covering(self, offset: int, reach: int = 24):
        """Items with ``start <= offset < end``, innermost (latest start) first; looks back ``reach`` items."""
        index = bisect.bisect_right(self.starts, offset)
        found = []
        for j in range(index - 1, max(-1, index - 1 - reach), -1):
            item = self.items[j]
            if item[0] <= offset < item[1]:
                found.append(item)
        return found

    def overlaps(self, start: int, end: int, reach: int = 24) -> bool:
        index = bisect.bisect_left(self.starts, end)
        for j in range(index - 1, max(-1, index - 1 - reach), -1):
            if self.items[j][1] > start:
                return True
        return False


def _compile(pattern: str | None, source: str) -> regex.Pattern | None:
    if not pattern:
        return None
    try:
        return regex.compile(pattern, regex.IGNORECASE)
    except regex.error as exc:
        raise RuleError(f"meeting_grammar.toml: {source}: bad pattern: {exc}") from None


class MeetingFinder:
    """Built once per lexicon (``Lexicon.stage``): every pattern here is compiled once."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.trigger_scan, self.place_scan, self.organisation_scan = (
            ListScan(*lexicon.matcher_source(name), functools.partial(lexicon.matcher, name)) for name in ("meeting_words", "places", "organisations"))
        phrases = read_list(_data_text("not_meetings.txt"))
        # a trie: the same matches as \L<p>, faster
        self.excluded_scan = ListScan(expand_named_lists(r"(?<![\p{L}])\L<p>(?![\p{L}])", regex.IGNORECASE, p=phrases), regex.IGNORECASE)
        grammar = tomllib.loads(_data_text("meeting_grammar.toml"))
        self.clause_end = _compile(grammar["clause_end_right"], "clause_end_right")
        self.clause_start = _compile(grammar["clause_start_left"], "clause_start_left")
        self.between = _compile(grammar["between"], "between")
        self.group_anaphor = _compile(grammar["group_anaphor"], "group_anaphor")
        self.person_pronoun = _compile(grammar["person_pronoun"], "person_pronoun")
        self.first_person = regex.compile(grammar["first_person"])
        self.second_person = regex.compile(grammar["second_person"])
        self.polar_question = _compile(grammar["polar_question"], "polar_question")
        self.briefer_role = regex.compile(grammar["briefer_role"])
        self.speaker_line = _compile(grammar["speaker_line"], "speaker_line")
        self.counterpart = regex.compile(grammar["counterpart"])  # case matters: the country is capitalised
        self.actor_before = regex.compile(grammar["actor_before"])
        self.group_before = regex.compile(grammar["group_before"])
        self.earlier_event = _compile(grammar["earlier_event"], "earlier_event")
        self.event_head = regex.compile(grammar["event_head"])  # case matters: the head of a name is capitalised
        self.name_end = _compile(grammar["name_end"], "name_end")
        self.attend_gap = _compile(grammar["attend_gap"], "attend_gap")
        self.agenda_verb = _compile(grammar["agenda_verb"], "agenda_verb")
        self.agenda_subject = _compile(grammar["agenda_subject"], "agenda_subject")
        self.agent_after = _compile(grammar["agent_after"], "agent_after")
        self.during_visit_gap = _compile(grammar["during_visit_gap"], "during_visit_gap")
        self.relative_clause = _compile(grammar["relative_clause"], "relative_clause")
        self.actor_after = regex.compile(grammar["actor_after"])
        self.host_triggers = frozenset(grammar["host_triggers"])
        self.attributive_status_words = frozenset(grammar["attributive_status_words"])
        self.regions = frozenset(name_key(region) for region in grammar["regions"])
        self.denial_cues = frozenset(grammar["denial_cues"])
        self.report_denial_cues = frozenset(grammar["report_denial_cues"])
        self.denied_report = _compile(grammar["denied_report"], "denied_report")
        self.past_verb = regex.compile(grammar["past_narration"])
        self.non_narrating_past = frozenset(grammar["non_narrating_past"])
        self.never_merge = {frozenset(pair) for pair in grammar["never_merge"]}
        self.codes = {key: tuple(value) for key, value in grammar["codes"].items()}
        self.pattern_trigger_scans = [
            (PrefixScan(_compile(record["pattern"], record["id"])), MeetingWord(record["id"], record["type"], "verb", record.get("tense", "base")))
            for record in grammar.get("pattern_trigger", [])]
        self.status_scans = [(PrefixScan(rule.pattern), rule.value) for rule in lexicon.status_rules]
        self.time_scans = [(PrefixScan(rule.pattern), rule.value) for rule in lexicon.time_rules]
        self.prefix_table = PrefixTable(scan for scan, _ in self.pattern_trigger_scans + self.status_scans + self.time_scans)
        self.guards: dict[str, list[_Guard]] = {}
        for record in grammar.get("guard", []):
            guard = _Guard(record["id"], *(_compile(record.get(key), record["id"]) for key in ("require_before", "require_after", "reject_before", "reject_after")))
            for trigger in record["triggers"]:
                self.guards.setdefault(trigger.casefold(), []).append(guard)
        self.stopwords = frozenset(lexicon.grammar["capitalised_stopwords"]) | frozenset(lexicon.grammar["months"]) | frozenset(lexicon.grammar["weekdays"])

    # ------------------------------------------------------------------ the document
    def find(self, text: str, sentences: list[Sentence], tracker: EntityTracker, statements: list[Statement],
             trace: Trace | None = None) -> tuple[list[MeetingMention], list[_Draft]]:
        lines = AsciiLines(text)
        lowered = self.prefix_table.lowered(text)
        candidates = list(self._triggers(text, lines, lowered))
        if not candidates:
            return [], []  # no meeting word: the document's indices below would go unused
        excluded = _SpanIndex((m.start(), m.end(), None) for m in self.excluded_scan.finditer(text, lines))
        triggers = [(match, word) for match, word in candidates if self._accepted(excluded, text, match, word)]
        if not triggers:
            return [], []
        doc = _Document(self, text, sentences, tracker, statements, lowered)
        mentions: list[MeetingMention] = []
        doc.trigger_starts = [match.start() for match, _ in triggers]
        for match, word in triggers:
            index = bisect.bisect_right(doc.sentence_starts, match.start()) - 1
            if index < 0:
                continue
            mention = self._mention(doc, match, word, sentences[index], index, mentions)
            if mention is None:
                continue
            if mentions and self._attends(text, mentions[-1], mention):
                trip = mentions.pop()  # the trip is part of the event it goes to
                mention.participants = [*[e for e in trip.participants if e.kind == "person" and e not in mention.participants], *mention.participants]
            elif mentions and self._meets_hosts(text, mentions[-1], mention):
                trip = mentions[-1]  # the meeting with the hosts is part of the visit: visitor + hosts
                hosts = [e for e in mention.participants if e.kind == "person" and e not in trip.participants]
                trip.participants = [*(e for e in trip.participants if e.kind == "person"), *hosts] if hosts else trip.participants
                mention.type, mention.participants = "visit", list(trip.participants)
            mentions.append(mention)
        drafts = self._merge(mentions)
        for draft in drafts:
            draft.cameo, draft.plover = self.code_of(draft, _status_of(draft))
        self._agenda_links(doc, statements, mentions, drafts)
        self._place_links(statements, mentions, drafts)
        self._relative_clause_links(statements, mentions, drafts)
        return mentions, drafts

    def _relative_clause_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'the Pacific Islands Summit, which, as you noted, will be held here': a content that is a
        relative clause right after a meeting word is about that meeting (recorded like an agenda link,
        used when the content names no meeting of its own)."""
        linked = [m for m in mentions if m.meeting is not None]
        ends = [m.trigger.end for m in linked]
        agenda_linked = {sid for draft in drafts for sid in draft.agenda}
        for statement in statements:
            content = statement.content
            if statement.id in agenda_linked or not self.relative_clause.match(content.text):
                continue
            index = bisect.bisect_right(ends, content.start) - 1
            if index >= 0 and content.start - ends[index] <= _RELATIVE_GAP:
                drafts[linked[index].meeting].agenda.setdefault(statement.id, linked[index].status)
                drafts[linked[index].meeting].agenda_why.setdefault(statement.id, f"a relative clause right after '{linked[index].trigger.text}'")

    def _agenda_links(self, doc: _Document, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """Statements on what a meeting named just before will discuss are about that meeting:
        recorded as a mention-less link (``_Draft.agenda``) that :func:`build_meetings` reads."""
        linked = [m for m in mentions if m.meeting is not None]
        starts = [m.trigger.start for m in linked]
        for statement in statements:
            content = statement.content
            if not self.agenda_verb.search(doc.text, content.start, content.end):
                continue
            index = bisect.bisect_left(starts, content.start) - 1
            if index < 0 or content.start - linked[index].trigger.start > _AGENDA_REACH:
                continue
            if bisect.bisect_left(starts, content.end) > index + 1:
                continue  # the content names a meeting of its own
            draft = drafts[linked[index].meeting]
            folded = name_key(content.text)
            surnames = {name_key(e.name).split()[-1] for e in draft.participants if e.kind == "person"}
            if any(f" {surname} " in f" {folded} " for surname in surnames if len(surname) > 2) or self.agenda_subject.search(content.text):
                draft.agenda[statement.id] = linked[index].status
                draft.agenda_why[statement.id] = f"on the agenda of '{linked[index].trigger.text}' just before"

    def _place_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'the key point that Kerry will make in Moscow': a content naming a participant of a meeting
        mentioned before it and that meeting's place is about that meeting (a mention-less link, used
        when the content names no meeting of its own)."""
        linked = [m for m in mentions if m.meeting is not None]
        starts = [m.trigger.start for m in linked]
        agenda_linked = {sid for draft in drafts for sid in draft.agenda}
        for statement in statements:
            content = statement.content
            if statement.id in agenda_linked:
                continue
            index = bisect.bisect_left(starts, content.start) - 1
            if index < 0 or bisect.bisect_left(starts, content.end) > index + 1:
                continue  # no meeting before, or the content names one of its own
            folded = f" {name_key(content.text)} "
            places = {self.lex.country_of_word(m.group()) for m in _CAPITALISED.finditer(content.text)} - {None}
            for mention in reversed(linked[max(0, index - _GROUP_LOOKBACK):index + 1]):
                if content.start - mention.trigger.start > _PLACE_LINK_REACH:
                    break
                draft = drafts[mention.meeting]
                if draft.place is None or not draft.known_place or self.lex.country_of_word(_without_the(draft.place.text)) not in places:
                    continue  # 'in Moscow' names the place of a visit to Russia too
                surnames = {name_key(e.name).split()[-1] for e in draft.participants if e.kind == "person"}
                if any(f" {surname} " in folded for surname in surnames if len(surname) > 2):
                    draft.agenda[statement.id] = _status_of(draft)
                    draft.agenda_why[statement.id] = "names a participant at the meeting's place"
                    break

    def _accepted(self, excluded: _SpanIndex, text: str, match, word) -> bool:
        """Not inside an excluded phrase (``excluded``), and every guard of the trigger allows it."""
        if excluded.covering(match.start()):
            return False
        before = text[max(0, match.start() - _GUARD_REACH):match.start()]
        after = text[match.end():match.end() + _GUARD_REACH]
        return all(guard.allows(before, after) for guard in self.guards.get(word.phrase, ()))

    def _attends(self, text: str, trip: MeetingMention, event: MeetingMention) -> bool:
        """'travels to X to attend the summit': the visit mention ``trip`` goes to ``event``."""
        if trip.type != "visit" or trip.sentence != event.sentence:
            return False
        if event.type in ("summit", "other") and self.during_visit_gap.match(text, trip.trigger.end, event.trigger.start):
            return True  # 'leaves for X, where he will hold a summit with Y'
        return event.type in ("summit", "other", "meeting") and bool(self.attend_gap.search(text, trip.trigger.end, event.trigger.start))

    def _meets_hosts(self, text: str, trip: MeetingMention, meeting: MeetingMention) -> bool:
        """'travels to X, where he will meet Y': ``meeting`` happens during the visit ``trip``."""
        return (trip.type == "visit" and meeting.type in ("meeting", "talks") and trip.sentence == meeting.sentence
                and any(e in meeting.participants for e in trip.participants if e.kind == "person")
                and bool(self.during_visit_gap.match(text, trip.trigger.end, meeting.trigger.start)))

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
        # a sentence, bounded: a megabyte without a full stop must not make every trigger read it all
        lower, upper = max(sentence.start, trigger.start - _SENTENCE_REACH), min(sentence.end, trigger.end + _SENTENCE_REACH)
        # reported speech: the meeting's participants are in the content, not the speaker
        speaker_of_content = None
        inviter = None
        status_lower = None
        containing = doc.contents.covering(match.start())
        if containing:
            start, end, statement = containing[0]
            if statement.content.text.startswith(("to ", "not to ")) and statement.cue.end <= start:
                status_lower = max(lower, statement.cue.start)  # 'invited ... to visit' says proposed
                if _ADDRESSEE.search(text, statement.cue.end, start):
                    start = statement.cue.end  # 'invited X to visit Y': the addressee X is the visitor
                    inviter = doc.tracker.lookup_name(statement.speaker.name) if statement.speaker.mention_kind != "anonymous" else None
                    if inviter is not None and inviter.kind != "person":
                        inviter = None
            lower, upper = max(lower, start), min(upper, end)
            speaker_of_content = statement
        status_lower = lower if status_lower is None else status_lower
        left = max(lower, doc.clause_start_before(trigger.start), trigger.start - _CLAUSE_REACH)
        right = min(upper, doc.clause_end_after(trigger.end), trigger.end + _CLAUSE_REACH)
        mtype = word.type
        if mtype == "meeting" and _CALL_MEDIUM.search(text, max(lower, trigger.start - 25), trigger.start):
            mtype = "call"
        status, why = self._status(doc, trigger, word, max(status_lower, min(left, trigger.start)), right, default=False)
        if status == "unknown":
            status, why = self._status(doc, trigger, word, status_lower, upper)
        if status == "unknown" and previous and previous[-1].sentence == index and previous[-1].trigger.start >= lower:
            status, why = previous[-1].status, f"as '{previous[-1].trigger.text}' before it"  # 'will meet X in Paris and attend the summit': one modality
        if status == "unknown" and speaker_of_content is None and self._narrated_in_past(text, left, trigger.start):
            status, why = "held", "narrated in the past tense"  # 'praised the outcome of the summit'
        if speaker_of_content is not None and status != "cancelled" and self._denies(speaker_of_content):
            status, why = "denied", f"the cue '{speaker_of_content.cue.text}' denies it"  # 'officials denied that Modi would visit Pakistan'
        # 'Did X visit Berlin?': a noun trigger with no determiner before it is used as a verb
        verb_use = word.pos == "verb" or not _DETERMINED.search(text, max(lower, trigger.start - 40), trigger.start)
        questioned = verb_use and bool(
            self.polar_question.match(text, lower) and _QUESTION_END.search(text, trigger.end, sentence.end))
        if questioned:
            status, why = "unknown", "a yes/no question"  # 'Will the two leaders meet next week?': the question asserts nothing
        # time and place of the trigger's own clause first, else of its sentence
        timed = (self._nearest(doc.times, trigger, max(left, trigger.start - _TIME_WINDOW), min(right, trigger.end + _TIME_WINDOW), doc.nearest_trigger)
                 or self._nearest(doc.times, trigger, max(lower, trigger.start - _TIME_WINDOW), min(upper, trigger.end + _TIME_WINDOW)))
        time, time_kind = timed if timed else (None, None)
        place, known_place = self._place(doc, trigger, left, right)
        if place is None:
            place, known_place = self._place(doc, trigger, lower, upper)
        participants = self._participants(doc, trigger, word, mtype, lower, upper, left, right, speaker_of_content, previous, inviter)
        definite = word.pos == "noun" and bool(_DEFINITE.search(text, max(lower, trigger.start - 40), trigger.start))
        hosted = word.phrase in self.host_triggers
        bodies_only = participants and not any(e.kind == "person" for e in participants)
        refers_back = len(participants) == 1 or mtype == "visit" or bool(self.group_anaphor.search(text, left, right))
        if definite and bodies_only and refers_back:
            earlier = _recent_people(previous, index, mtype, self._compatible)
            if earlier:
                participants = list(earlier)  # 'the meeting' after 'X met Y': theirs, not the country named near it
        return MeetingMention(trigger, mtype, status, participants, time, place, index, definite and not participants, hosted, definite,
                              vague_time=time_kind not in _SPECIFIC_TIMES, known_place=known_place, questioned=questioned,
                              earlier=bool(self.earlier_event.search(text, max(lower, trigger.start - 40), trigger.start)), status_why=why)

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
    def _status(self, doc: _Document, trigger: Span, word, lower: int, upper: int, default: bool = True) -> tuple[str, str]:
        """The status of a trigger and why (the cue's words, or the verb's tense), for --explain."""
        best: tuple[int, int, str, str] | None = None
        overriding: tuple[int, int, str, str] | None = None  # the best match after the trigger, or negative
        attributive: tuple[str, str] | None = None
        window_start = max(lower, trigger.start - _STATUS_WINDOW)
        window_end = min(upper, trigger.end + _STATUS_WINDOW)
        for start, end, value in doc.status.within(max(0, window_start - _STATUS_WINDOW), window_end):
            if start < window_start or end > window_end:
                continue
            if end <= trigger.start and not doc.text[end:trigger.start].strip() and doc.text[start:end].casefold() in self.attributive_status_words:
                attributive = value, f"cue '{doc.text[start:end]}'"  # 'the planned visit', 'the upcoming summit'
                continue
            distance = trigger.start - end if end <= trigger.start else max(0, start - trigger.end) * _RIGHT_WEIGHT
            if value in ("cancelled", "denied"):
                distance -= _NEGATIVE_BONUS  # 'called off next week's talks': the cancellation, not the date
            key = (distance, -STATUS_RANK[value], value, f"cue '{doc.text[start:end]}'")
            if best is None or key < best:
                best = key
            if (start >= trigger.end or value in ("cancelled", "denied")) and (overriding is None or key < overriding):
                overriding = key
        if attributive is not None:
            # the adjective outweighs a verb before it ('discussed the upcoming summit'), not a cancellation
            # or denial ('called off the planned visit'), nor what is said of the meeting after it, which
            # tells what became of the plan ('the planned visit was postponed', '... took place on Monday')
            return overriding[2:] if overriding is not None else attributive
        if best is not None:
            return best[2:]
        if word.tense == "past" and default:
            return "held", f"past tense of '{trigger.text}'"
        return "unknown", "no cue"

    @staticmethod
    def _nearest(index: _SpanIndex, trigger: Span, lower: int, upper: int, owner=None) -> Span | None:
        best = None
        for start, end, span in index.within(lower, upper):
            if end > upper or (owner is not None and owner(start) != trigger.start):
                continue
            distance = abs(start - trigger.start)
            if best is None or distance < best[0]:
                best = (distance, span)
        return best[1] if best else None

    def _place(self, doc: _Document, trigger: Span, lower: int, upper: int) -> tuple[Span | None, bool]:
        best = None
        candidates = [item for item in doc.place_candidates.within(lower, upper) if item[1] <= upper]
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

    # ------------------------------------------------------------------ participants
    def _participants(self, doc: _Document, trigger: Span, word, mtype: str, lower: int, upper: int, left: int, right: int,
                      statement: Statement | None, previous: list[MeetingMention], inviter: Entity | None = None) -> list[Entity]:
        found = self._participants_read(doc, trigger, word, mtype, lower, upper, left, right, statement, previous, inviter)
        found = [e for e in found if e.kind == "person" or not self._media(e.name)]  # 'speaking to Reuters': the outlet meets nobody
        if word.pos == "verb" and mtype in ("meeting", "talks", "call") and found:
            found.extend(self._unlisted_people(doc, trigger, left, right, found))
        if mtype in ("summit", "meeting") and found:
            named = self._named_event(doc.text, trigger, left)
            if named is not None and not self._event_members(named, trigger):
                # 'the Singapore Summit': a place named in the event's name is where it met, not who met
                inside = name_key(named.name)
                found = [e for e in found if e.kind == "person" or name_key(e.name) not in inside]
        return found

    def _participants_read(self, doc: _Document, trigger: Span, word, mtype: str, lower: int, upper: int, left: int, right: int,
                           statement: Statement | None, previous: list[MeetingMention], inviter: Entity | None = None) -> list[Entity]:
        text = doc.text
        between = self.between.match(text, trigger.end, upper)
        if between:
            people = doc.people(between.end(), right)
            if people:
                return people
            pair = _PAIR.match(text, between.end(), right)
            found = doc.bodies(between.end(), right)
            groups = [_without_the(pair.group(side)) for side in ("a", "b")] if pair else []
            if (pair and not (doc.bodies(*pair.span("a")) and doc.bodies(*pair.span("b"))) and not self.group_anaphor.match(text, between.end(), right)
                    and not any(self.lex.title(group) for group in groups)):
                # 'between Pakistan's envoy to India and Kashmiri separatists': the groups as written
                return [Entity(group, "group") for group in groups]
            if found:
                return found
        people = doc.people(left, trigger.start)
        if mtype == "talks":
            group = self._group(text, trigger, left)
            if group is not None:
                # 'the P5+1 negotiations with Iran': the group and its counterparts
                counterparts = [e for e in doc.people(trigger.end, right) + doc.bodies(trigger.end, right) if e.name != group.name]
                return [group, *counterparts]
        if mtype in ("summit", "meeting", "other"):
            group = self._group(text, trigger, left)
            if group is None:
                named = self._named_event(text, trigger, left)
                members = self._event_members(named, trigger) if named is not None and mtype != "other" else None
                if members:
                    return members  # 'the Japan-China Summit Meeting': the countries it is named after
                if named is not None and (mtype == "other" or self.lex.organisation(named.name) is not None):
                    group = named  # 'the World Economic Forum': the event as written
            if _SIDELINES.search(text, max(left, trigger.start - 80), trigger.start):
                return [group] if group else []  # 'X met Y on the sidelines of the Z summit': not Z's participants
            if group is not None:
                attendees = [p for p in people if p.name not in group.name]
                if not _ATTENDING.search(text, left, trigger.start):
                    attendees = []  # 'X praised the outcome of the G20 summit': X is not said to attend
                if mtype == "other":
                    attendees = attendees[:1]  # 'X will meet Y and attend the Z Forum': X attends
                return [*attendees, group]
        if statement is None:
            for entity in self._voiced(doc, trigger, left, right):
                if entity not in people:
                    people.append(entity)
        right_people = doc.people(trigger.end, right)
        if not people:
            relative = _WHO_BEFORE.search(text, max(0, left - 12), left)
            antecedent = doc.person_ending_at(relative.start()) if relative else None
            if antecedent is not None:
                people.append(antecedent)  # 'Lavrov, who met Blinken on Friday, said': Lavrov met
        if not people:
            pronoun = self._pronoun_subject(doc, left, trigger.start, statement)
            if pronoun is not None:
                people.append(pronoun)
        if not people and statement is not None and inviter is None and statement.content.text.startswith(("to ", "not to ")):
            subject = doc.tracker.lookup_name(statement.speaker.name)
            if subject is not None and subject.kind == "person":
                people.append(subject)  # 'X committed to travel to Y': X travels
        for entity in right_people:
            if entity not in people:
                people.append(entity)
        if people:
            # 'a meeting with Iran's foreign minister': an agent described, not named; 'talks with
            # Turkey': the counterpart country when no person is named after the trigger
            people.extend(e for e in doc.bodies(trigger.end, right)
                          if (e.kind == "group" or (not right_people and mtype != "visit" and _WITH.match(text, trigger.end, right)))
                          and all(e.name != p.name and e.name != p.country for p in people))
        counterpart = self.counterpart.search(text, left, right)
        countries: list[Entity] = []
        if counterpart:
            for adjective in regex.split(r",\s*(?:and\s+)?|\s+and\s+", counterpart.group("countries")):
                country = self.lex.country_of_word(adjective)
                named = doc.person_of_country(country, counterpart.end(), people) if country else None
                if named is not None and not right_people:
                    people.append(named)  # 'his Russian counterpart' ... 'Sergei Lavrov' a sentence later
                elif country:
                    countries.append(Entity(country, "country", country=country))
        anaphor = self.group_anaphor.search(text, left, right) if len(people) < 2 else None
        bodies = doc.bodies(left, right) if not people else []  # read below only when nobody is found
        if anaphor is None and not people and not bodies:
            anaphor = self.group_anaphor.search(text, lower, upper)  # 'relations between the two countries ..., but meetings were cut off'
        if anaphor is not None:
            bodies_wanted = bool(_BODY_NOUN.search(anaphor.group()))
            for entity in _last_group(previous, lower - 2000, people, bodies_wanted):
                if entity not in people:
                    people.append(entity)
        if people:
            if countries and not right_people:
                people.extend(c for c in countries if all(p.country != c.country and p.name != c.name for p in people))
            if mtype == "visit" and not right_people:
                if inviter is not None and inviter not in people:
                    people.append(inviter)  # 'X invited Y to visit': X hosts
                else:
                    for host in doc.host_countries(trigger.end, max(right, min(upper, trigger.end + 40))):
                        if all(host.name != p.name and host.name != p.country for p in people):
                            people.append(host)
            # a country stands in for its people only when none of them is named ('Kerry will meet
            # his German counterpart' resolved to Steinmeier drops Germany)
            return [e for e in people if e.kind != "country" or not any(p.kind == "person" and p.country == e.name for p in people)]
        for country in countries:
            if all(country.name != b.name for b in bodies):
                bodies.append(country)
        if bodies:
            return bodies
        if word.pos == "verb":
            return self._actors(doc, trigger, left, right, mtype, first_meeting=not previous)
        return []

    def _voiced(self, doc: _Document, trigger: Span, left: int, right: int) -> list[Entity]:
        """In a transcript turn: the speaker ('I', 'my'), the one addressed ('you', 'your'), or both
        ('we', 'our') when they word the meeting (see ``speaker_line`` in meeting_grammar.toml)."""
        voices = doc.turn_voices(trigger.start)
        if voices is None:
            return []
        speaker, addressee = voices
        if self._briefer(speaker) or self._briefer(addressee):
            return []  # a press briefing: the briefer announces meetings, and 'we' is the government
        found: list[Entity] = []
        reach = max(left, trigger.start - _PRONOUN_REACH)
        for pronoun in self.first_person.finditer(doc.text, reach, trigger.start):
            found.extend([speaker] if pronoun.group("singular") else [speaker, addressee])
        if self.second_person.search(doc.text, reach, trigger.start) or self.second_person.search(doc.text, trigger.end, min(right, trigger.end + _PRONOUN_REACH)):
            found.append(addressee)
        unique: list[Entity] = []
        for entity in found:
            if entity is not None and entity not in unique:
                unique.append(entity)
        return unique

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

    def _named_event(self, text: str, trigger: Span, left: int) -> Entity | None:
        """'the Munich Security Conference', 'the World Economic Forum': the event's name as written."""
        if not text[trigger.start].isupper():
            return None
        match = _EVENT_NAME.search(text, max(left, trigger.start - 80), trigger.start)
        if match is None or match.group().split()[0] in self.stopwords:
            return None
        return Entity(text[match.start():trigger.end], "organisation")

    def _unlisted_people(self, doc: _Document, trigger: Span, left: int, right: int, known: list[Entity]) -> list[Entity]:
        """'X met Ana Lopes': a full name (two to four capitalised words) right before or after a meeting
        verb that no list knows, when it is neither a place, an organisation nor a title."""
        found: list[Entity] = []
        known_keys = {name_key(e.name) for e in known}
        before = self.actor_before.search(doc.text, left, trigger.start)
        after = self.actor_after.match(doc.text, trigger.end, right)
        for match in (before, after):
            if match is None:
                continue
            name = match.group("actor")
            words = name.split()
            lead = doc.text[match.start():match.start("actor")].split()
            if words[0].casefold() in ("the", "a") or (match is after and lead not in ([], ["with"])):
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
        parts = [p for p in regex.split(r"\s*[-–/]\s*(?=\p{Lu})|\s+and\s+|,\s*", prefix.strip()) if p]
        members: list[Entity] = []
        for part in parts:
            part = regex.sub(r"^(?:the\s+)", "", part, flags=regex.IGNORECASE)
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
        return doc.person_before(pronoun.start(), sentence_start)

    def _actors(self, doc: _Document, trigger: Span, left: int, right: int, mtype: str, first_meeting: bool = False) -> list[Entity]:
        """Bare capitalised actors around a verb trigger, when nothing known is named (the place of a
        meeting is none; the place a visit goes to is its host)."""
        actors: list[Entity] = []
        before = self.actor_before.search(doc.text, left, trigger.start)
        after = self.actor_after.match(doc.text, trigger.end, right)
        for match in (before, after):
            if match is None:
                continue
            name = regex.sub(r"^(?:the|a)\s+", "", match.group("actor"), flags=regex.IGNORECASE)
            if name.split()[0] in self.stopwords or name in self.stopwords or self.lex.title(name):
                continue
            if mtype != "visit" and _LOCATIVE.search(doc.text, max(0, match.start("actor") - 12), match.start("actor")):
                continue  # 'the two presidents will meet in Geneva': the place, not an actor
            country = self.lex.country_of_word(name) if mtype == "visit" else None
            # 'will arrive in Tokyo': the visit's host is the city's country, not the city
            actors.append(Entity(country, "country", country=country) if country else Entity(name, "group"))
        if not actors and first_meeting:
            group = self.group_anaphor.search(doc.text, left, trigger.start)
            if group is not None and group.group().casefold() not in ("they", "their", "them"):
                # 'The two presidents met in Geneva': the group as written, when nobody is named and no
                # meeting came before (after one, 'the two presidents' refer back to its participants)
                actors.append(Entity(_without_the(group.group()), "group"))
        return actors

    # ------------------------------------------------------------------ merging
    def _compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) not in self.never_merge

    def _merge(self, mentions: list[MeetingMention]) -> list[_Draft]:
        drafts: list[_Draft] = []
        by_token: dict[str, list[int]] = {}  # a word of a participant's name -> drafts that include it
        indexed: set[tuple[str, int]] = set()  # (word, draft) pairs already in by_token
        for mention in mentions:
            target = None
            names = {name_key(e.name) for e in mention.participants}
            if names:
                candidates = sorted({i for key in names for token in key.split() for i in by_token.get(token, ())[-_MERGE_CANDIDATES:]},
                                    reverse=True)
                for index in candidates:
                    draft = drafts[index]
                    draft_names = {name_key(e.name) for e in draft.participants}
                    inside = _within(names, draft_names)
                    if not (inside or _within(draft_names, names)):
                        continue
                    if not self._compatible(mention.type, draft.type):
                        continue
                    if mention.earlier != draft.earlier:
                        continue  # 'since our last meeting' is not the meeting held today
                    if mention.type != draft.type and not inside:
                        continue  # 'X travels to Y' then 'X will meet Z': the meeting is its own
                    if mention.type == "visit" and draft.type != "visit" and mention.place is not None:
                        continue  # 'agreed to meet ... and during X's visit to Y': the visit is its own
                    times_conflict = ((not (mention.vague_time or draft.vague_time) and _conflict(mention.time, draft.time))
                                      or (mention.time is not None and draft.time is not None
                                          and relative_days_differ(mention.time.text, draft.time.text)))
                    places_conflict = (mention.known_place and draft.known_place and _conflict(mention.place, draft.place)
                                       and self.lex.country_of_word(mention.place.text) != self.lex.country_of_word(draft.place.text)
                                       and not (mention.type == draft.type == "visit" and self._among(mention.place, draft.participants)))
                    if times_conflict or places_conflict:
                        continue
                    target = index
                    shared = sorted(e.name for e in draft.participants if any(_same_name(name_key(e.name), key) for key in names))
                    mention.joined_why = f"shares {', '.join(shared)}; type, time and place compatible"
                    break
            elif drafts and (mention.anaphoric or mention.type != "visit"):
                for index in range(len(drafts) - 1, max(-1, len(drafts) - 4), -1):
                    draft = drafts[index]
                    if self._compatible(mention.type, draft.type) and mention.sentence - draft.mentions[-1].sentence <= _ANAPHOR_SENTENCES:
                        target = index
                        gap = mention.sentence - draft.mentions[-1].sentence
                        mention.joined_why = f"names nobody; the {draft.type} mentioned " + (f"{gap} sentence(s) before" if gap else "in the same sentence")
                        break
                if target is None and mention.anaphoric:
                    # 'the summit', long after the summit was named: the last one of that type,
                    # else the last one it may name ('the meeting' for a summit)
                    recent = range(len(drafts) - 1, max(-1, len(drafts) - 1 - _GROUP_LOOKBACK), -1)
                    target = next((i for i in recent if drafts[i].type == mention.type), None)
                    if target is None:
                        target = next((i for i in recent if self._compatible(mention.type, drafts[i].type)), None)
                    if target is not None:
                        mention.joined_why = f"refers back to the last {drafts[target].type} named"
            if target is None:
                if not names:
                    continue
                drafts.append(_Draft(mention.type, [], earlier=mention.earlier))
                target = len(drafts) - 1
            draft = drafts[target]
            draft.mentions.append(mention)
            mention.meeting = target
            for entity in mention.participants:
                key = name_key(entity.name)
                same = next((i for i, e in enumerate(draft.participants) if _same_name(key, name_key(e.name))), None)
                if same is None:
                    draft.participants.append(entity)
                elif len(entity.name) > len(draft.participants[same].name) and entity.kind == draft.participants[same].kind:
                    draft.participants[same] = entity  # 'Lee' then 'Lee Myung-bak': the fuller name
                for token in key.split():
                    if (token, target) not in indexed:
                        indexed.add((token, target))
                        by_token.setdefault(token, []).append(target)
            upgrade = mention.type in ("summit", "call") or (mention.type == "visit" and mention.known_place)
            if draft.type != mention.type and upgrade and draft.type in ("meeting", "talks"):
                draft.type = mention.type  # 'the meeting' of a visit to a named place is the visit
            if draft.time is None or (draft.vague_time and not mention.vague_time):
                draft.time, draft.vague_time = mention.time or draft.time, mention.vague_time if mention.time else draft.vague_time
            if draft.place is None or (mention.known_place and not draft.known_place and not self._city_in_country(draft.place, mention.place)):
                draft.place, draft.known_place = mention.place or draft.place, mention.known_place or draft.known_place
            draft.hosted = draft.hosted or mention.hosted
        return drafts

    def _city_in_country(self, unknown: Span, known: Span | None) -> bool:
        """``unknown`` (a place name in no list, nor a region) is more precise than ``known`` when that names a
        country itself: a city in it, as far as the text lets us tell."""
        if known is None or name_key(_without_the(unknown.text)) in self.regions:
            return False
        country = self.lex.country_of_word(known.text)
        return country is not None and name_key(country) == name_key(_without_the(known.text))

    def _among(self, place: Span | None, participants: list[Entity]) -> bool:
        """The place is the country of one of the participants (one stop of a listed trip)."""
        country = self.lex.country_of_word(place.text) if place else None
        return country is not None and any(e.kind == "country" and e.name == country for e in participants)

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


def _outermost(items: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """Drop matches inside a longer one ('U.N.' in 'U.N. Security Council')."""
    kept: list[tuple[int, int, Entity]] = []
    for item in sorted(items, key=lambda i: (i[0], -i[1])):
        if kept and item[1] <= kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _same_name(a: str, b: str) -> bool:
    """Two name keys of one participant: equal, or one the first or last words of the other
    ('lee' / 'lee myung-bak', 'pacific island' / 'pacific island leaders')."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3:
        return False
    return long.startswith(short + " ") or long.endswith(" " + short)


def _within(names: set[str], others: set[str]) -> bool:
    """Every name of ``names`` is one of ``others``."""
    return all(any(_same_name(name, other) for other in others) for name in names)


_WHO_BEFORE = regex.compile(r",\s*+who\s*+$", regex.IGNORECASE)  # searched right before a clause start
_ASKED = regex.compile(r"\s*+,\s*+(?:when\s+|after\s+being\s+|being\s+)?(?:asked|questioned|pressed)\b", regex.IGNORECASE)
_THE = regex.compile(r"^(?i:the)\s+")


def _without_the(phrase: str) -> str:
    return _THE.sub("", phrase)


_TIME_PREPOSITION = regex.compile(r"(?i:on|at|from|during|in(?=\s+(?-i:\p{Lu}|\d)))\s+")


def _time_span(text: str, start: int, end: int) -> Span:
    """A time expression without its leading preposition, as the guidelines write it ("in 2019" -> "2019")."""
    preposition = _TIME_PREPOSITION.match(text, start, end)
    return Span.of(text, preposition.end() if preposition else start, end)


def _conflict(a: Span | None, b: Span | None) -> bool:
    """Two times (or places) that name different things: neither contains the other."""
    if a is None or b is None:
        return False
    x, y = name_key(regex.sub(r"^(?i:on|in|at|the)\s+", "", a.text)), name_key(regex.sub(r"^(?i:on|in|at|the)\s+", "", b.text))
    return not (x in y or y in x)


def _recent_people(previous: list[MeetingMention], sentence: int, mtype: str, compatible) -> list[Entity]:
    """Participants of the last meeting mention with two participants, one of them a person, in
    the three sentences before."""
    for mention in reversed(previous[-_GROUP_LOOKBACK:]):
        if sentence - mention.sentence > _ANAPHOR_SENTENCES:
            break
        if compatible(mention.type, mtype) and len(mention.participants) >= 2 and any(e.kind == "person" for e in mention.participants):
            return mention.participants
    return []


def _last_group(previous: list[MeetingMention], floor: int, known: list[Entity], bodies: bool = False) -> list[Entity]:
    """Participants of the last mention (after ``floor``) that named two or more people (two or
    more countries or organisations when ``bodies``: 'the two countries'), else two or more
    participants of any kind; a group must include the participants already ``known``."""
    fallback: list[Entity] = []
    for mention in reversed(previous[-_GROUP_LOOKBACK:]):
        if mention.trigger.start < floor:
            break
        if not all(entity in mention.participants for entity in known):
            continue
        if sum(1 for e in mention.participants if (e.kind in ("country", "organisation") if bodies else e.kind == "person")) >= 2:
            return mention.participants
        if not fallback and len(mention.participants) >= 2:
            fallback = mention.participants
    return fallback


class _Document:
    """Per-document indices, each built once: every trigger then looks up by bisection."""

    def __init__(self, finder: MeetingFinder, text: str, sentences: list[Sentence], tracker: EntityTracker, statements: list[Statement], lowered: LoweredText | None):
        self.finder = finder
        self.trigger_starts: list[int] = []
        self.text = text
        self.folded = folded = fold(text)
        self.tracker = tracker
        self.sentence_starts = [s.start for s in sentences]
        lex = finder.lex
        self.contents = _SpanIndex((s.content.start, s.content.end, s) for s in statements)
        first_cue: dict[tuple[int, int], int] = {}
        for s in statements:
            key = (s.speaker.mention.start, s.speaker.mention.end)
            first_cue[key] = min(first_cue.get(key, s.cue.start), s.cue.start)
        self.speakers = _SpanIndex((start, end, cue) for (start, end), cue in first_cue.items())
        self.trigger_at = -1  # start of the trigger whose participants are being read
        self._turns: list[tuple[int, Entity]] | None = None  # transcript speaker lines, read on first use
        self._turn_starts: list[int] = []
        self.status = _SpanIndex((m.start(), m.end(), value) for scan, value in finder.status_scans for m in scan.finditer(text, lowered))
        self.times = _SpanIndex((m.start(), m.end(), (_time_span(text, m.start(), m.end()), value)) for scan, value in finder.time_scans for m in scan.finditer(text, lowered))
        self.clause_starts = [m.end() for m in finder.clause_start.finditer(text)]
        self.clause_ends = [m.start() for m in finder.clause_end.finditer(text)]
        self.persons = [m for m in tracker.mentions if m.entity.kind == "person"]
        self.person_starts = [m.start for m in self.persons]
        self.person_spans = _SpanIndex((m.start, m.end, m) for m in self.persons)
        self.role_spans = _SpanIndex(self._role_mentions(lex, statements))
        bodies = []
        self.folded_lines = AsciiLines(folded)  # folding removes most accents: more stretches for the faster engine
        for m in finder.place_scan.finditer(folded, self.folded_lines):
            if text[m.start()].isupper() and not _AFFIX.search(text, max(0, m.start() - 5), m.start()):
                country = lex.country_of_word(text[m.start():m.end()])
                if country:
                    bodies.append((m.start(), m.end(), Entity(country, "country", country=country)))
                    elided = _ELLIPSIS.search(text, max(0, m.start() - 30), m.start())
                    words = text[m.start():m.end()].split()
                    if elided and len(words) > 1:
                        # 'South and North Korea': South Korea too
                        other = lex.country_of_word(" ".join([elided.group("word"), *words[1:]]))
                        if other and other != country:
                            bodies.append((elided.start(), elided.end("word"), Entity(other, "country", country=other)))
        for m in _DOTTED.finditer(text):
            # 'U.S.', 'U.K.', 'U.N.': the name lists hold them without their dots
            country = lex.country_of_word(m.group())
            organisation = None if country else lex.organisation(m.group())
            if country:
                bodies.append((m.start(), m.end(), Entity(country, "country", country=country)))
            elif organisation is not None and organisation.kind == "igo":
                bodies.append((m.start(), m.end(), Entity(organisation.name, "organisation", country=organisation.country)))
        for m in finder.organisation_scan.finditer(folded, self.folded_lines):
            if text[m.start()].isupper():
                organisation = lex.organisation(text[m.start():m.end()])
                if organisation and organisation.kind == "igo":
                    bodies.append((m.start(), m.end(), Entity(organisation.name, "organisation", country=organisation.country)))
        self.bodies_index = _SpanIndex(_outermost(self._agents(_outermost(bodies))))
        self.place_candidates = _SpanIndex(self._place_candidates(lex))

    def _agents(self, bodies: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
        """'Iran's foreign minister' is that agent, not Iran: the phrase as written."""
        found = []
        for start, end, entity in bodies:
            agent = self.finder.agent_after.match(self.text, end, end + 60)
            if agent is not None:
                entity = Entity(self.text[start:agent.end()], "group", country=entity.country)
                end = agent.end()
            found.append((start, end, entity))
        return found

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
        for match in _ROLE_MENTION.finditer(self.text):
            entity = resolved.get(" ".join(match.group("role").casefold().split()))
            if entity is not None:
                yield match.start(), match.end(), entity

    def _place_candidates(self, lex: Lexicon):
        text, folded = self.text, self.folded
        for m in _PLACE.finditer(text):
            start, end = m.span("place")
            phrase = text[start:end].rstrip(".")
            if phrase.startswith("the "):
                if not lex.country_of_word(phrase[4:]):
                    continue
                start, phrase = start + 4, phrase[4:]
            end = start + len(phrase)
            words = phrase.split()
            if words[0] in self.finder.stopwords:
                continue
            if self.person_spans.overlaps(start, end):
                continue
            known = bool(self.finder.place_scan.fullmatch(folded, self.folded_lines, start, end) or lex.country_of_word(phrase))
            if not known and (lex.organisation(phrase) or self.finder.trigger_scan.pattern.search(phrase)):
                continue
            yield start, end, (Span.of(text, start, end), known)

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
                   or (end <= trigger < cue and _ASKED.match(self.text, end, trigger) is not None)
                   for start, end, cue in self.speakers.covering(offset))

    # -- entities in a window
    def people(self, lower: int, upper: int) -> list[Entity]:
        found: list[Entity] = []
        named = [(start, end, mention.entity) for start, end, mention in self.person_spans.within(lower, upper)]
        roles = self.role_spans.within(lower, upper)
        for start, end, entity in sorted(named + roles, key=lambda item: item[0]) if roles else named:
            if end > upper or self.is_reporter(start) or _LOCATIVE.search(self.text, max(0, start - 12), start):
                continue
            if _COMPANION.search(self.text, max(0, start - 24), start):
                continue  # 'X and his wife Y will host ...': a spouse accompanies, does not meet
            if entity in found or self.finder.lex.country_of_word(entity.name) or self.finder.lex.title(entity.name):
                continue  # a demonym or a bare title ('President') is not a person's name
            found.append(entity)
        return found

    def bodies(self, lower: int, upper: int) -> list[Entity]:
        """Countries and international organisations named in the window, not as a location."""
        found: list[Entity] = []
        for start, end, entity in self.bodies_index.within(lower, upper):
            if end > upper or self.is_reporter(start):
                continue
            if _LOCATIVE.search(self.text, max(0, start - 12), start) or _SIDELINES.search(self.text, max(0, start - 80), start):
                continue  # a location, or the event on whose sidelines the meeting is ('the sidelines of the SCO summit')
            if all(entity.name != e.name for e in found):
                found.append(entity)
        return found

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

    def _read_turns(self) -> list[tuple[int, Entity]]:
        """Speaker lines naming known people. Two people make a transcript; a single speaker line
        opening the text makes the whole text that person's speech."""
        turns = []
        opens_text = False
        for line in self.finder.speaker_line.finditer(self.text):
            words = line.group("label").title().split()
            for size in (3, 2, 1):
                entity = self.tracker.lookup_name(" ".join(words[-size:])) if len(words) >= size else None
                if entity is not None and entity.kind == "person":
                    opens_text = opens_text or (not turns and not self.text[:line.start()].strip())
                    turns.append((line.end(), entity))
                    break
        if len({entity.name for _, entity in turns}) >= 2:
            return turns
        return turns[:1] if opens_text else []

    def sentence_start(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def person_ending_at(self, offset: int) -> Entity | None:
        """The person whose mention ends right at ``offset`` ('Lavrov' before ', who met ...')."""
        index = bisect.bisect_left(self.person_starts, offset) - 1
        if index >= 0 and self.persons[index].end == offset and not self.is_reporter(self.persons[index].start):
            return self.persons[index].entity
        return None

    def person_before(self, offset: int, sentence_start: int = 0) -> Entity | None:
        """The subject (else the first person) of the sentence before ``offset``, else the subject
        named last before it (else the person named last)."""
        index = bisect.bisect_left(self.person_starts, offset)
        fallback = None
        in_sentence = None
        for j in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
            mention = self.persons[j]
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

    def person_of_country(self, country: str, offset: int, exclude: list[Entity]) -> Entity | None:
        """The person of ``country`` named nearest after ``offset`` (within the reach of a
        counterpart's name), else nearest before it."""
        index = bisect.bisect_left(self.person_starts, offset)
        for j in range(index, min(len(self.persons), index + _LOOKBACK)):
            mention = self.persons[j]
            if mention.start > offset + _COUNTERPART_REACH:
                break
            if mention.entity.country == country and mention.entity not in exclude:
                return mention.entity
        for j in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
            mention = self.persons[j]
            if mention.start < offset - _COUNTERPART_REACH:
                break
            if mention.entity.country == country and mention.entity not in exclude:
                return mention.entity
        return None

    def host_countries(self, lower: int, upper: int) -> list[Entity]:
        """The country visited ('travel to X'), or the listed countries ('to X, Y and Z')."""
        hosts: list[Entity] = []
        previous_end = None
        for start, end, entity in self.bodies_index.within(lower, upper):
            if end > upper or entity.kind != "country":
                continue
            if previous_end is None:
                if start > lower + 40:
                    break
            elif not _LIST_GAP.fullmatch(self.text, previous_end, start):
                break
            if all(entity.name != e.name for e in hosts):
                hosts.append(entity)
            previous_end = end
        return hosts


def _explanation(draft: _Draft, statement_ids, routes: dict[str, str]) -> tuple[str, ...]:
    """Why the meeting exists, what set its status, why each mention joined it and each statement
    is linked to it: lines for ``diplo meetings --explain``."""
    lines = []
    for mention in draft.mentions:
        line = f"'{mention.trigger.text}' ({mention.type}, sentence {mention.sentence + 1}): {mention.status}, {mention.status_why}"
        lines.append(line + (f"; joined: {mention.joined_why}" if mention.joined_why else ""))
    status = _status_of(draft)
    if all(m.status == "unknown" for m in draft.mentions) and status != "unknown":
        lines.append(f"status {status}: no mention carries a cue" + (", and its time lies ahead" if status == "planned" else ""))
    lines.extend(f"{sid} linked: {routes.get(sid, 'about it')}" for sid in statement_ids)
    return tuple(lines)


def _status_of(draft: _Draft) -> str:
    status = max((m.status for m in draft.mentions), key=lambda s: STATUS_RANK[s])
    if status == "unknown" and not all(m.questioned for m in draft.mentions):
        # a meeting reported with no cue of tense or modality happened, unless its time lies ahead
        return "planned" if draft.time is not None and points_ahead(draft.time.text) else "held"
    return status


def build_meetings(drafts: list[_Draft], mentions: list[MeetingMention], statements: list[Statement],
                   text: str) -> tuple[list[Meeting], list[Statement]]:
    """Number the meetings, link statements whose content mentions one, and freeze both."""
    linked_mentions = sorted((m for m in mentions if m.meeting is not None), key=lambda m: m.trigger.start)
    starts = [m.trigger.start for m in linked_mentions]
    linked: dict[int, list[str]] = {}
    agendas = {sid: (index, status) for index, draft in enumerate(drafts) for sid, status in draft.agenda.items()}
    new_statements: list[Statement] = []
    routes: dict[str, str] = {}  # statement id -> why it is linked (--explain)
    for statement in statements:
        content = statement.content
        inside = linked_mentions[bisect.bisect_left(starts, content.start):bisect.bisect_left(starts, content.end)]
        target = None
        subordinate_end = _subordinate_clause_end(content)
        for mention in inside:
            # a meeting in a leading 'when ...,' clause is background, not what is asserted
            if target is None or (target.trigger.start < subordinate_end <= mention.trigger.start):
                target = mention
            if mention.trigger.start >= subordinate_end:
                break
        route = f"its content names the meeting ('{target.trigger.text}')" if target is not None else ""
        if target is None and statement.cue.end <= content.start and not _SENTENCE_END.search(text, statement.cue.end, content.start):
            # 'described the move to scrap the visit as a "mistake"': the cue's object (within its
            # sentence: a quotation continued after '..., he said after the call. "P"' has none)
            between = linked_mentions[bisect.bisect_left(starts, statement.cue.end):bisect.bisect_left(starts, content.start)]
            target = between[-1] if between and content.start - statement.cue.end <= _OBJECT_REACH else None
            route = f"the cue's object names the meeting ('{target.trigger.text}')" if target is not None else ""
        if target is None:
            agenda = agendas.get(statement.id)
            if agenda is not None:
                linked.setdefault(agenda[0], []).append(statement.id)
                routes[statement.id] = drafts[agenda[0]].agenda_why.get(statement.id, "about the meeting named before it")
                new_statements.append(replace(statement, meeting=f"m{agenda[0] + 1}", meeting_status=agenda[1]))
            else:
                new_statements.append(statement)
            continue
        routes[statement.id] = route
        linked.setdefault(target.meeting, []).append(statement.id)
        new_statements.append(replace(statement, meeting=f"m{target.meeting + 1}", meeting_status=target.status))
    meetings = []
    for index, draft in enumerate(drafts):
        participants = tuple(Participant(e.name, e.country) for e in draft.participants)
        meetings.append(Meeting(
            id=f"m{index + 1}", type=draft.type, status=_status_of(draft), participants=participants,
            time=draft.time, place=draft.place, mentions=tuple(m.trigger for m in draft.mentions),
            statements=tuple(linked.get(index, ())), cameo=draft.cameo, plover=draft.plover,
            explain=_explanation(draft, linked.get(index, ()), routes),
        ))
    return meetings, new_statements


_SENTENCE_END = regex.compile(r"[.!?][\"”’»)]*+\s")
_SUBORDINATOR = regex.compile(r"(?i:when|after|before|while|as|since|although|though|because|if|once|following)\b[^,]{0,200},")


def _subordinate_clause_end(content: Span) -> int:
    """Offset where a leading subordinate clause of the content ends (the content start if none)."""
    match = _SUBORDINATOR.match(content.text)
    return content.start + match.end() if match else content.start


def find_meetings(text: str, sentences: list[Sentence], tracker: EntityTracker, statements: list[Statement], lexicon: Lexicon):
    """Meeting mentions of the document and their merged drafts."""
    return lexicon.stage("meetings", MeetingFinder).find(text, sentences, tracker, statements)


def link_meetings(drafts, mentions, statements, text: str, trace: Trace | None = None):
    """Final meetings (with CAMEO / PLOVER codes), and the statements with their ``meeting`` set."""
    return build_meetings(drafts, mentions, statements, text)
