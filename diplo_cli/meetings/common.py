"""What every part of the meetings stage shares: reaches, the mention and draft records, the span index."""

from __future__ import annotations

import bisect
import functools
import tomllib
from dataclasses import dataclass, field
from types import SimpleNamespace

import regex

from diplo_cli.entities import Entity, EntityTracker  # noqa: F401  (EntityTracker: re-exported for the stage's signatures)
from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import data_text
from diplo_cli.models import Span
from diplo_cli.timenorm import points_ahead

STATUS_RANK = {"held": 5, "cancelled": 4, "denied": 3, "planned": 2, "proposed": 1, "unknown": 0}
_STATUS_WINDOW = 90

# Rule ids of the stage's decisions (records in data/en/rules/meetings.toml, shown by the trace).
STAGE = "meetings"
TRIGGER_WORD = "meetings.trigger.word"  # a phrase of meeting_words.tsv; pattern triggers carry their own ids
VETO_NOT_MEETING = "meetings.veto.not_meeting"
VETO_TOPIC_PLACE = "meetings.place.topic"  # 'discussed the situation in Iran': no place
VETO_MODIFIER_PLACE = "meetings.place.modifier"  # 'at the French side's initiative': no place
VETO_TITLE_PLACE = "meetings.place.title"  # 'talking to General X': no place
VETO_TO_PLACE = "meetings.place.to"  # 'the summit ... as it relates to China': no place
PARTICIPANT_POSSESSIVE = "meetings.participant.possessive"  # 'Scholz's meeting with Meloni'
PARTICIPANT_MAIN_SUBJECT = "meetings.participant.main_subject"  # 'After meeting X, Y said ...'
PARTICIPANT_GROUP_TOPIC = "meetings.participant.group_topic"  # 'the two leaders discussed the talks with Iran': Iran's talks
PARTICIPANT_GROUP_OBJECT = "meetings.participant.group_object"  # 'met the leaders of Peru and Bolivia'
PARTICIPANT_MEMBERS_AFTER = "meetings.participant.members_after"  # 'the Summit of the Americas'
PARTICIPANT_MEMBERS_AS_PEOPLE = "meetings.participant.members_as_people"  # 'X held the Japan-China Summit with Mr. Li'
CLAUSE_COORDINATED = "meetings.clause.coordinated"  # 'talks with X and a meeting with Y'
PARTICIPANT_HOST_COUNTRY_IN = "meetings.participant.host_country_in"  # 'X's meetings in Egypt': Egypt the other side
PARTICIPANT_ADDRESSED_BODY = "meetings.participant.addressed_body"  # 'invited X to address Congress': X and Congress
INVITED_TO_ADDRESS = "meetings.trigger.invited_to_address"  # 'invited X to address Congress': a visit to the body
PARTICIPANT_JOINT_ADJECTIVE = "meetings.participant.joint_adjective"  # 'inter-Korean talks': both Koreas
PARTICIPANT_NAMED_AGENT = "meetings.participant.named_agent"  # "Iran's Foreign Minister Javad Zarif": the person
CLAUSE_RELATIVE_CLOSE = "meetings.clause.relative_close"  # 'Lavrov, who met Kerry, told reporters ...'
CLAUSE_COORDINATED_OTHER_TYPE = "meetings.clause.coordinated_other_type"  # 'X met Y and travelled to Z': Z's visit is X's
CLAUSE_COORDINATED_MODAL = "meetings.clause.coordinated_modal"  # 'X met Y and will meet Z': Z only
PARTICIPANT_GROUP_WITH_OBJECT = "meetings.participant.group_with_object"  # 'EU leaders met with X': X too
PARTICIPANT_SPEAKER_SIDE = "meetings.participant.speaker_side"  # 'Lavrov said the talks with Kerry ...': Lavrov too
PARTICIPANT_COORDINATED_ACTORS = "meetings.participant.coordinated_actors"  # 'Hamas and Fatah held talks'
PARTICIPANT_PLURAL_TITLE = "meetings.participant.plural_title"  # 'Presidents Putin and Xi': Putin
CLAUSE_COORDINATED_LATER = "meetings.clause.coordinated_later"  # 'travels to Lima for talks with X, and a meeting with Y'
PARTICIPANT_DEMONSTRATIVE = "meetings.participant.demonstrative"  # 'these discussions': the ones named before
TRIGGER_WHERE_WAS = "meetings.trigger.where_was"  # 'Lima, where I was on Monday': a visit to Lima
BARE_GROUP_SUMMIT = "meetings.trigger.bare_group_summit"  # 'at G20': the forum's summit
PARTICIPANT_MEDIATED_SIDES = "meetings.participant.mediated_sides"  # 'broker a deal between X and Y ... talks': X and Y
PARTICIPANT_COUNTED_BODIES = "meetings.participant.counted_bodies"  # 'the trilateral talks': the three bodies the text names
PARTICIPANT_PARTY_COUNT = "meetings.participant.party_count"  # 'X and Y welcomed the trilateral talks': not theirs alone
PARTICIPANT_ATTENDED = "meetings.participant.attended_back"  # 'X took part in the talks': the talks named before
PARTICIPANT_CONDUCTED = "meetings.participant.conducted_back"  # 'X opened the meeting': the meeting named before
PARTICIPANT_EACH_DESTINATION = "meetings.participant.each_destination"  # 'a trip to X and to Y': two visits
PARTICIPANT_COORDINATED_EVENTS = "meetings.participant.coordinated_event_names"  # 'the X and Y Summits': two summits
PARTICIPANT_TOPIC_MEETING = "meetings.participant.topic_meeting"  # 'talks with X about the summit': not X's summit
PARTICIPANT_OWNER_ONLY = "meetings.participant.owner_only"  # 'Y thanked X for Kerry's visit': Kerry's, not Y's
CLAUSE_LEADING = "meetings.clause.leading"  # 'Following the call with X, Y met Z': two clauses
CLAUSE_LEADING_VISIT = "meetings.clause.leading_visit"  # 'After arriving in Lima, X met Y': the visit is X's, Y is met
CLAUSE_VISIT_RELATIVE = "meetings.clause.visit_relative"  # 'a visit to Peru, during which he met X': X is met, not host
PARTICIPANT_NOT_BRIEFER = "meetings.participant.not_briefer"  # 'MS. X: ... his meeting': not X
PARTICIPANT_ASKED = "meetings.participant.asked"  # 'Q ... speak with X? / A: there will be a call': the asked
PARTICIPANT_TITLE_APPOSITION = "meetings.participant.title_apposition"  # 'X, President of Y, who met Z': X met Z
PLACE_VENUE = "meetings.place.venue"  # 'at the Elysee Palace': a named venue
PARTICIPANT_VISIT_HOST = "meetings.participant.visit_host"  # 'the visit to Peru by X': Peru hosts
PARTICIPANT_VISITOR_COUNTRY = "meetings.participant.visitor_country"  # 'a visit by Chinese Premier X to Manila': Chinese describes X
PARTICIPANT_LABEL_VOICE = "meetings.participant.label_voice"  # 'THE PRESIDENT: I am meeting X': the turn's 'I'
PARTICIPANT_ASKED_YOU = "meetings.participant.asked_you"  # 'Q ... your call with X?': the one who answers
PARTICIPANT_INVITED_VOICE = "meetings.participant.invited_voice"  # 'X: thank you for inviting me to visit': X visits
PARTICIPANT_GROUP_EXAMPLE = "meetings.participant.group_example"  # 'our counterparts, X among them': the group stands
PARTICIPANT_INVITED_PRONOUN = "meetings.participant.invited_pronoun"  # 'X spoke with Y and invited him to visit': Y visits
PARTICIPANT_ROLE_OWNER = "meetings.participant.role_owner"  # 'the secretary of state's recent trip': the one holder named before
PARTICIPANT_SIDES_DEFINED = "meetings.participant.sides_defined"  # 'both sides of the X-Y war' ... 'talks between both sides'
PARTICIPANT_REPLACED = "meetings.participant.replaced"  # 'met by video instead of the in-person meeting': theirs
PARTICIPANT_GROUP_SUBJECT = "meetings.participant.group_subject"  # 'X and Y flew to Kyiv. There the two leaders met Z'
PARTICIPANT_TRIP_WE = "meetings.participant.trip_we"  # 'X: we will leave for Kuwait': X's side travels, not the one addressed
PARTICIPANT_BRIEFER_WE = "meetings.participant.briefer_we"  # 'MS. X: we continue to have talks with Peru': X's government
PARTICIPANT_OUR_COUNTERPARTS = "meetings.participant.our_counterparts"  # 'talks with our Russian counterparts': the speaker's country too
PARTICIPANT_ASKED_PRINCIPAL = "meetings.participant.asked_principal"  # 'Q ... in the meeting with President X?': the principal's
PARTICIPANT_VOICE_SIDE = "meetings.participant.voice_side"  # 'Q Do you trust Peru to negotiate?': the one asked's country
PARTICIPANT_ANSWER_WE = "meetings.participant.answer_we"  # 'Q ... / X: we continue to have discussions': X's country
PARTICIPANT_SENDER_NOT_HOST = "meetings.participant.sender_not_host"  # 'X asked Y to travel to Lima': Peru hosts, not X
PARTICIPANT_SUBJECT_ONLY = "meetings.participant.subject_only"  # 'the talks depend on whether X ...': not X
PARTICIPANT_ADJUNCT_SUBJECT = "meetings.participant.adjunct_subject"  # 'X said after meeting Y': X met
PARTICIPANT_OBJECT_PRONOUN = "meetings.participant.object_pronoun"  # 'Y met him': the one named before
PARTICIPANT_PORTFOLIO = "meetings.participant.portfolio"  # 'The Minister for Trade met X': no actor 'Trade'
PARTICIPANT_ROLE_SUBJECT = "meetings.participant.role_subject"  # 'X visited Y. The Minister for Foreign Affairs met Z': X
PARTICIPANT_GROUP_WRITTEN = "meetings.participant.group_written"  # 'consult with Arab leaders': the group as written
PARTICIPANT_SOME_OFFICIALS = "meetings.participant.some_officials"  # 'met a Peruvian official': as written, not Peru
PARTICIPANT_UNDATED_HOLDER = "meetings.participant.undated_holder"  # undated 'the Peruvian president': as written
PARTICIPANT_JOINT_APPEARANCE = "meetings.participant.joint_appearance"  # 'a press conference with Y after his meeting': Y
PARTICIPANT_GERUND_SUBJECT = "meetings.participant.gerund_subject"  # 'the importance of leaders meeting': theirs
PARTICIPANT_JOINT_OWNER = "meetings.participant.joint_owner"  # "X and Y's talks": both own them
PARTICIPANT_SUMMIT_COMMENTER = "meetings.participant.summit_commenter"  # "X praised the summit": X does not attend
PARTICIPANT_RELATION = "meetings.participant.relation"  # "X's predecessor, Y, met Z": not X
PARTICIPANT_VISIT_HOST_BEFORE = "meetings.participant.visit_host_before"  # "Y met X, who is in Peru on a visit": Y hosts
PARTICIPANT_ORGANISATION_EVENT = "meetings.participant.organisation_event"  # "the African Union summit": the AU's
PARTICIPANT_PRONOUN_PARTNER = "meetings.participant.pronoun_partner"  # "X said he and Y met": X too
PARTICIPANT_COUNTERPART_ROLE = "meetings.participant.counterpart_role"  # "Secretary X ... his Russian counterpart": not Putin
PARTICIPANT_TOPIC = "meetings.participant.topic"  # "talks regarding X's visit": X is talked about
PARTICIPANT_TURN_HOST = "meetings.participant.turn_host"  # 'THE PRESIDENT: Macron will be coming': the speaker hosts
PARTICIPANT_ASKED_HOST = "meetings.participant.asked_host"  # 'Q Mr. President, ... X's visit to Washington?': he hosts
PARTICIPANT_ROLE_OBJECT = "meetings.participant.role_object"  # 'a call with that Crown Prince': the holder named before
PARTICIPANT_PRONOUN_BODY = "meetings.participant.pronoun_body"  # 'talks with the Israelis about their ...': 'their' is Israel
PARTICIPANT_PRONOUN_OBJECT_BODY = "meetings.participant.pronoun_object_body"  # 'has Peru ... in talks with them?': Peru
PARTICIPANT_PAIR_NAMED_BEFORE = "meetings.participant.pair_named_before"  # 'X and Y ... the two leaders met': X and Y
PARTICIPANT_MEMBERS_APPOSED = "meetings.participant.members_apposed"  # 'the Andean summit, a yearly gathering of the leaders of X, Y and Z'
PARTICIPANT_NOUN_HOLDER = "meetings.participant.noun_holder"  # 'the talks the President had with X': the President held them
PARTICIPANT_NOUN_REPORTER = "meetings.participant.noun_reporter"  # 'After the meeting the minister said': reports it, not met
CLAUSE_SELF_REPAIR = "meetings.clause.self_repair"  # 'talks with — with X': the repeated word's dash bounds no clause
PARTICIPANT_STOPWORD_BODY = "meetings.participant.stopword_body"  # 'Q Who will travel ...?': no WHO
PARTICIPANT_ANSWER_PRONOUN = "meetings.participant.answer_pronoun"  # 'Q ... Secretary X ...? / A: He met Y': X
PARTICIPANT_VOCATIVE = "meetings.participant.vocative"  # 'Q Peter, is the Secretary traveling?': Peter is addressed
PARTICIPANT_EVENT_NAME = "meetings.participant.event_name"  # 'the Global Vaccine Summit' is no person
VETO_NO_PARTICIPANTS = "meetings.veto.no_participants"  # a mention that names nobody and joins no meeting
STATUS_CUE = "meetings.status."  # + the value of the status cue of meeting_status.toml that decided
STATUS_ATTRIBUTIVE = "meetings.status.attributive"
STATUS_PAST_TENSE = "meetings.status.past_tense"
STATUS_AS_BEFORE = "meetings.status.as_before"
STATUS_TOPIC_OF_BEFORE = "meetings.status.topic_of_before"
STATUS_NARRATED = "meetings.status.narrated_past"
STATUS_TEMPORAL_PERFECT = "meetings.status.temporal_perfect"  # 'until they have had time to meet': not held
STATUS_DENIAL_CUE = "meetings.status.denial_cue"
STATUS_QUESTION = "meetings.status.question"
STATUS_EMBEDDED_QUESTION = "meetings.status.embedded_question"  # 'asked whether he will meet X'
STATUS_NON_ANSWER = "meetings.status.non_answer"  # 'I have no trip to announce': asserts nothing
STATUS_OWN_TRIGGER = "meetings.status.own_trigger"  # a cue governs its own trigger, not one past another
STATUS_OTHER_VOICE = "meetings.status.other_voice"  # 'At the summit, X said Chile will ...': the content's tense
STATUS_DEFAULT = "meetings.status.default"
MERGE_SHARED = "meetings.merge.shared_participants"
MERGE_VISIT_HOST_NAMED = "meetings.merge.visit_host_named"  # 'X arrived in Seoul' + 'Moon thanked X for his visit': one visit
MERGE_NAMES_NOBODY = "meetings.merge.names_nobody"
MERGE_REFERS_BACK = "meetings.merge.refers_back"
MERGE_FORUM_SUMMIT = "meetings.merge.forum_summit"
MERGE_TRIP_TO_EVENT = "meetings.merge.trip_to_event"
MERGE_HOST_OF_EVENT = "meetings.merge.host_of_event"
MERGE_VISIT_HOSTS = "meetings.merge.visit_hosts"
MERGE_VISIT_HOSTS_AFTER = "meetings.merge.visit_hosts_after"  # "X visits Tokyo. While there, X meets Y": one visit
MERGE_COMPOUND_HEAD = "meetings.merge.compound_head"  # 'the Chile-Peru Summit Meeting': one event, named by two nouns
SPLIT_TYPES = "meetings.split.types"
SPLIT_EARLIER = "meetings.split.earlier_event"
SPLIT_CANCELLED_HELD = "meetings.split.cancelled_held"
SPLIT_CANCELLED_LATER = "meetings.split.cancelled_later"  # 'called off the trip ... will travel there later in his term'
SPLIT_EARLIER_SAME_PEOPLE = "meetings.split.earlier_same_people"  # 'a previous meeting' of the people named before
SPLIT_LATER_SAME_PEOPLE = "meetings.split.later_same_people"
SPLIT_DENIED_HELD = "meetings.split.denied_held"
SPLIT_OTHER_TYPE = "meetings.split.other_type"
SPLIT_ALSO = "meetings.split.also"  # 'X travels to Y ... X will also meet Z': one more event
SPLIT_OWN_VISIT = "meetings.split.own_visit"
SPLIT_PLAN_OTHER_TYPE = "meetings.split.plan_other_type"
SPLIT_TIME = "meetings.split.time"
TIME_OF_DATELINE = "meetings.time.dateline"  # 'DOHA, March 4 (Reuters) -': the article's date
TIME_OF_SINCE_CLAUSE = "meetings.time.since_clause"  # 'the first meeting since X took office in March'
TIME_OF_REPORT = "meetings.time.of_report"  # 'said on Friday that': the time of the saying, no meeting's
TIME_TOPIC_EVENT = "meetings.time.topic_event"  # 'on June 4, she gave her views on the Andean Summit': no time of the summit
TYPE_HELD_TALKS = "meetings.type.held_talks"  # 'X met Y ... they held talks': talks
TYPE_VISIT_OF_MEETING = "meetings.type.visit_of_meeting"  # 'X will meet Y in Lima' ... 'the visit': a visit
TIME_FINER = "meetings.time.finer"  # 'today' ... 'in a call this afternoon': the finer time of the two
TIME_RELATIVE_ASIDE = "meetings.time.relative_aside"  # 'X, who visited Lima in June, met Y': June is the visit's
TIME_EVENT_YEAR = "meetings.time.event_year"  # 'the 2005 G8 summit': the year in front of the event's name is its time
SPLIT_EVENT_YEAR = "meetings.split.event_year"
SPLIT_EVENT_MONTH = "meetings.split.event_month"
SPLIT_INDEFINITE_PART = "meetings.split.indefinite_part"
SPLIT_HELD_PLANNED = "meetings.split.held_planned"
SPLIT_LATER = "meetings.split.later_event"
SPLIT_PLACE = "meetings.split.place"
SPLIT_NAMED_MEMBERS = "meetings.split.named_members"  # 'the Chile-Peru-Bolivia Summit' is not 'the Chile-Peru Summit'
LINK_CONTENT = "meetings.link.content_names"
LINK_TIME_FRAME = "meetings.link.time_frame"  # 'hoped to sign the deal before the summit': the meeting only dates the content
LINK_CUE_OBJECT = "meetings.link.cue_object"
LINK_SPEAKING_AFTER = "meetings.link.speaking_after"  # 'Speaking after his meeting with X, Y said ...': about that meeting
LINK_AFTER_MEETING = "meetings.link.after_meeting"  # 'After the talks, X said ...', '"P," X said after talks with Y'
LINK_ASKED_ABOUT = "meetings.link.asked_about"  # 'Asked about the summit, X said ...', '"P," X said when asked about the visit'
LINK_WHEN_THEY_MEET = "meetings.link.when_they_meet"  # 'said, when they do speak, that ...': in the meeting named before
LINK_AGENDA = "meetings.link.agenda"
LINK_AGENDA_SPEAKER = "meetings.link.agenda_speaker"  # 'X met Y. "We agreed to ...," X said': a participant's 'we' on the agenda
LINK_PLACE = "meetings.link.place"
LINK_QUOTED_PRONOUN = "meetings.link.quoted_pronoun"  # '"She has chosen to remain at home," the spokesman said': of the meeting just before
LINK_RELATIVE = "meetings.link.relative_clause"
LINK_ANAPHOR = "meetings.link.anaphor"
LINK_RELATIVE_CUE = "meetings.link.relative_cue"
LINK_ANSWER = "meetings.link.answer"
LINK_STATUS_CUE = "meetings.link.status_cue"
LINK_SIBLING = "meetings.link.sibling"
LINK_EVENT_PART = "meetings.link.event_part"
LINK_TAKING_PART = "meetings.link.taking_part"  # 'his team will be a participant': in the meeting before
LINK_GOING_ON = "meetings.link.going_on"  # 'cannot afford to keep talking': about the talks before
# Drafts a mention is tried against per word of its participants' names, the latest first: a
# chronology of one leader's meetings ("Putin met X in Y." hundreds of times) would otherwise try
# every earlier one; the rarer names of the others still find all of theirs.
_MERGE_CANDIDATES = 64
_SENTENCE_REACH = 600  # characters either side of a trigger that count as its sentence
_CLAUSE_REACH = 300  # ... and as its clause
_COUNTED_REACH = 3000  # characters either side of a counted meeting word (trilateral) whose bodies make its parties
_TIME_WINDOW = 120
_SPECIFIC_TIMES = frozenset({"weekday", "date", "year"})  # time rule values that name one day or period
_RIGHT_WEIGHT = 1.5  # the verb that governs a meeting word mostly precedes it
_NEGATIVE_BONUS = 80  # characters: a cancellation or denial in reach outweighs a nearer future cue
_GUARD_REACH = 60
_ANAPHOR_SENTENCES = 3
_ANAPHOR_DRAFTS = 3  # the latest meetings a mention naming nobody may refer back to (each within _ANAPHOR_SENTENCES)
# how far back 'took part in the talks', 'what transpired in the meeting' looks for the meeting of that type named before:
# a definite noun governed by a verb of attending reaches past a long quote about the meeting
_ATTENDED_SENTENCES = 8
_LOOKBACK = 40  # person mentions looked at when resolving a pronoun
_PRONOUN_REACH = 70  # characters: a pronoun further from the trigger is another clause's subject
_COUNTERPART_REACH = 400  # characters around 'his Russian counterpart' where the counterpart is named
_QUESTION_END = regex.compile(r"\?[\s\"'”’)]*\Z")  # a sentence that ends with a question mark
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{M}'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}'’\-]+)?")  # one or two capitalised words
_DOTTED = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,3}(?!\p{L})")  # 'U.S.', 'U.N.': the name lists hold them without dots
_OBJECT_REACH = 80  # characters between a cue and its content where the cue's object may name the meeting
_RELATIVE_GAP = 3  # characters (', ') between a meeting word and a relative clause about it
_AGENDA_REACH = 400  # characters from a meeting's mention to a statement on its agenda
_EVENT_PART_REACH = 1500  # characters from a visit's or summit's mention to a statement naming a set piece of it
_PLACE_LINK_REACH = 1500  # characters from a meeting's mention to a statement naming its place and a participant
_SPEAKER_LINK_REACH = 1500  # ... and to a participant's statement of what 'we' agreed or discussed (further than an agenda's 'just before')
_GROUP_LOOKBACK = 12  # meeting mentions looked at for 'the two leaders'

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
    later: bool = False  # 'the next meeting', 'will meet again': a meeting after the one reported
    also: bool = False  # 'X will also meet Y': a meeting verb said to come in addition to what was named before
    year: str | None = None  # 'the 2005 G8 summit': the year written in front of the event's name
    month: str | None = None  # 'the July summit': the month written in front of the event's name
    indefinite: bool = False  # 'a regional summit': introduces an event, does not refer back to one
    bare: bool = False  # 'the summit': the article or a demonstrative alone before the noun, no name of its own
    status_why: str = ""  # what set the status (--explain)
    status_rule: str = ""  # the id of the rule that set it (trace)
    status_cue: tuple[int, int] | None = None  # offsets of the status cue that set it, when one did
    joined_why: str = ""  # why it joined the meeting before it (--explain)
    joined_rule: str = ""  # the id of the merge rule that joined it (trace)
    apart_why: tuple[str, str] | None = None  # (rule id, why) it starts a meeting of its own though it refers back (--explain)
    noun: bool = False  # the trigger is a noun ('the summit'), not a verb ('met')
    members: frozenset[str] = frozenset()  # 'the Chile-Peru Summit': the name keys of the members the event is named after
    compound_of: MeetingMention | None = None  # 'Summit Meeting': the head noun's mention names the event of the noun before it


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
    year: str | None = None  # the year written in front of the event's name in one of its mentions
    month: str | None = None  # the month written in front of the event's name in one of its mentions
    agenda_why: dict[str, tuple[str, str]] = field(default_factory=dict)  # statement id -> (rule id, why) of a mention-less link
    asserted: list[str] = field(default_factory=list)  # statuses linked statements assert with no mention of their own
    cameo: str | None = None
    plover: str | None = None
    members: frozenset[str] = frozenset()  # the members its mentions' event name lists ('the Chile-Peru Summit')
    head_types: set[str] = field(default_factory=set)  # 'Summit Meeting': the types of the head nouns it is also named by

    def named_as(self, mtype: str) -> bool:
        """The draft is of type ``mtype``, or is also named by a head noun of that type ('the Summit Meeting' is a meeting too)."""
        return mtype == self.type or mtype in self.head_types


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
        index = bisect.bisect_right(self.starts, offset)  # the items before it start at or before the offset
        return [item for item in reversed(self.items[max(0, index - reach):index]) if offset < item[1]]

    def overlaps(self, start: int, end: int, reach: int = 24) -> bool:
        index = bisect.bisect_left(self.starts, end)
        for j in range(index - 1, max(-1, index - 1 - reach), -1):
            if self.items[j][1] > start:
                return True
        return False


@functools.cache
def meeting_grammar(language: str = "en") -> dict:
    """``meeting_grammar.toml`` of ``language``, read once: the finder compiles it once per lexicon."""
    return tomllib.loads(data_text("meeting_grammar.toml", language))


def compile_phrases(grammar: dict, source: str = "meeting_grammar.toml") -> SimpleNamespace:
    """The ``[phrases]`` patterns of the grammar, compiled, as attributes by name."""
    compiled = {}
    for name, pattern in grammar["phrases"].items():
        try:
            compiled[name] = regex.compile(pattern)
        except regex.error as exc:
            raise RuleError(f"{source}: phrases.{name}: bad pattern: {exc}") from None
    return SimpleNamespace(**compiled)


def _compile(pattern: str | None, name: str, source: str = "meeting_grammar.toml") -> regex.Pattern | None:
    if not pattern:
        return None
    try:
        return regex.compile(pattern, regex.IGNORECASE)
    except regex.error as exc:
        raise RuleError(f"{source}: {name}: bad pattern: {exc}") from None


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
    # the set lookup first: most names of a document's meetings recur spelled the same way
    return all(name in others or any(_same_name(name, other) for other in others) for name in names)


def _recent_people(previous: list[MeetingMention], sentence: int, mtype: str, compatible, reach: int = _ANAPHOR_SENTENCES) -> list[Entity]:
    """Participants of the last meeting mention with two participants, one of them a person, in
    the ``reach`` sentences before (three unless told)."""
    for mention in reversed(previous[-_GROUP_LOOKBACK:]):
        if sentence - mention.sentence > reach:
            break
        if compatible(mention.type, mtype) and len(mention.participants) >= 2 and any(e.kind == "person" for e in mention.participants):
            return mention.participants
    return []


def _last_meeting_people(previous: list[MeetingMention], sentence: int, mtype: str, reach: int) -> list[Entity]:
    """Participants of the last mention of type ``mtype`` with two participants or more in the ``reach`` sentences before."""
    for mention in reversed(previous[-_GROUP_LOOKBACK:]):
        if sentence - mention.sentence > reach:
            break
        if mention.type == mtype and len(mention.participants) >= 2:
            return mention.participants
    return []


def _last_group(previous: list[MeetingMention], floor: int, known: list[Entity], bodies: bool = False, pair: bool = False) -> list[Entity]:
    """Participants of the last mention (after ``floor``) that named two or more people (two or
    more countries or organisations when ``bodies``: 'the two countries'), else two or more
    participants of any kind; a group must include the participants already ``known``. A ``pair``
    ('the two leaders', 'both presidents') is a mention that named exactly two."""
    fallback: list[Entity] = []
    for mention in reversed(previous[-_GROUP_LOOKBACK:]):
        if mention.trigger.start < floor:
            break
        if not all(entity in mention.participants for entity in known):
            continue
        named = sum(1 for e in mention.participants if (e.kind in ("country", "organisation") if bodies else e.kind == "person"))
        if named == 2 or (named > 2 and not pair):
            return mention.participants
        if not fallback and (len(mention.participants) == 2 or (len(mention.participants) > 2 and not pair)):
            fallback = mention.participants
    return fallback


def _status_of(draft: _Draft) -> str:
    status = max((*(m.status for m in draft.mentions), *draft.asserted), key=lambda s: STATUS_RANK[s])
    if status == "unknown" and not all(m.questioned for m in draft.mentions):
        # a meeting reported with no cue of tense or modality happened, unless its time lies ahead
        return "planned" if draft.time is not None and points_ahead(draft.time.text) else "held"
    return status

