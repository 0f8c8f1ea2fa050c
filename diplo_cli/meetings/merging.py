"""One meeting per event: mentions with the same participants, compatible type, time and place merge."""

from __future__ import annotations

from diplo_cli.language.lexicons import name_key
from diplo_cli.meetings.common import (
    _ANAPHOR_DRAFTS,
    _ANAPHOR_SENTENCES,
    _GROUP_LOOKBACK,
    _MERGE_CANDIDATES,
    MERGE_COMPOUND_HEAD,
    MERGE_FORUM_SUMMIT,
    MERGE_NAMES_NOBODY,
    MERGE_REFERS_BACK,
    MERGE_SHARED,
    MERGE_VISIT_HOST_NAMED,
    SPLIT_ALSO,
    SPLIT_CANCELLED_HELD,
    SPLIT_CANCELLED_LATER,
    SPLIT_DENIED_HELD,
    SPLIT_EARLIER,
    SPLIT_EARLIER_SAME_PEOPLE,
    SPLIT_EVENT_MONTH,
    SPLIT_EVENT_YEAR,
    SPLIT_HELD_PLANNED,
    SPLIT_INDEFINITE_PART,
    SPLIT_LATER,
    SPLIT_LATER_SAME_PEOPLE,
    SPLIT_NAMED_MEMBERS,
    SPLIT_OTHER_TYPE,
    SPLIT_OWN_VISIT,
    SPLIT_PLACE,
    SPLIT_PLAN_OTHER_TYPE,
    SPLIT_TIME,
    SPLIT_TYPES,
    STAGE,
    TIME_FINER,
    TYPE_HELD_TALKS,
    TYPE_VISIT_OF_MEETING,
    VETO_NO_PARTICIPANTS,
    Entity,
    MeetingMention,
    _Draft,
    _same_name,
    _within,
)
from diplo_cli.models import Span
from diplo_cli.rules import Trace
from diplo_cli.timenorm import points_ahead, points_behind, points_today, relative_days_differ


class _Merger:
    """The merge rules of :class:`~diplo_cli.meetings.finder.MeetingFinder` (a mixin)."""

    def _compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) not in self.never_merge

    def _fits(self, mtype: str, draft: _Draft) -> bool:
        """A mention of type ``mtype`` may name the draft: compatible with its type or with a head noun's it is also named by."""
        return self._compatible(mtype, draft.type) or any(self._compatible(mtype, other) for other in draft.head_types)

    def _merge(self, mentions: list[MeetingMention], trace: Trace | None = None) -> list[_Draft]:
        drafts: list[_Draft] = []
        by_token: dict[str, list[int]] = {}  # a word of a participant's name -> drafts that include it
        indexed: set[tuple[str, int]] = set()  # (word, draft) pairs already in by_token
        for mention in mentions:
            names = {name_key(e.name) for e in mention.participants}
            attending = False
            compound = mention.compound_of.meeting if mention.compound_of is not None else None
            if compound is not None:
                target = compound  # 'the Chile-Peru Summit Meeting': the head noun names the event of the noun before it
                first = mention.compound_of.trigger.text
                mention.joined_why = f"'{first} {mention.trigger.text}' is one name: '{mention.trigger.text}' is its head noun, the {drafts[target].type} of '{first}'"
                mention.joined_rule = MERGE_COMPOUND_HEAD
            elif names:
                target = self._named_target(drafts, by_token, mention, names, trace)
                if target is None:
                    target = self._forum_summit(drafts, mention)
                    attending = target is not None
            elif drafts and (mention.anaphoric or mention.type != "visit"):
                target = self._anaphoric_target(drafts, mention, trace)
                target = self._earlier_same_people(drafts, mention, target, trace)
            else:
                target = None
            if target is not None and compound is None and not names and drafts[target].mentions and self._held_against_later(mention, drafts[target]):
                # 'Today we held the meeting ... the next meeting will take place in May': the same people's next one
                previous = drafts[target]
                why = f"'{mention.trigger.text}' is the next meeting of {', '.join(e.name for e in previous.participants)}, not the {previous.type} held"
                if trace is not None:
                    trace.add(STAGE, SPLIT_LATER_SAME_PEOPLE, "split", previous.mentions[0].trigger.start, mention.trigger.end, why)
                drafts.append(_Draft(mention.type, list(previous.participants), earlier=mention.earlier))
                target = len(drafts) - 1
                mention.joined_rule, mention.joined_why = "", ""
                mention.apart_why = (SPLIT_LATER_SAME_PEOPLE, why)
            if target is None:
                if not names:
                    if trace is not None:
                        trace.add(STAGE, VETO_NO_PARTICIPANTS, "vetoed", mention.trigger.start, mention.trigger.end,
                                  f"'{mention.trigger.text}' names nobody and refers to no meeting before it")
                    continue
                drafts.append(_Draft(mention.type, [], earlier=mention.earlier))
                target = len(drafts) - 1
            draft = drafts[target]
            if compound is not None and mention.type != draft.type:
                draft.head_types.add(mention.type)
            draft.mentions.append(mention)
            mention.meeting = target
            if trace is not None and mention.joined_rule:
                first = draft.mentions[0].trigger
                trace.add(STAGE, mention.joined_rule, "merged", first.start, mention.trigger.end, mention.joined_why)
            for key in ([] if attending else self._add_participants(draft, mention)):
                for token in key.split():
                    if (token, target) not in indexed:
                        indexed.add((token, target))
                        by_token.setdefault(token, []).append(target)
            self._absorb(draft, mention, trace)
        return drafts

    def _named_target(self, drafts: list[_Draft], by_token: dict[str, list[int]], mention: MeetingMention, names: set[str],
                      trace: Trace | None) -> int | None:
        """The latest draft that shares the mention's participants (one set inside the other) and
        whose type, time and place agree with it; records why on the mention (--explain)."""
        candidates = sorted({i for key in names for token in key.split() for i in by_token.get(token, ())[-_MERGE_CANDIDATES:]}, reverse=True)
        for index in candidates:
            draft = drafts[index]
            draft_names = {name_key(e.name) for e in draft.participants}
            inside = _within(names, draft_names)
            host = None
            if not (inside or _within(draft_names, names)):
                host = self._host_of_visit(draft, mention, names, draft_names)
                if host is None:
                    continue
            apart = SPLIT_INDEFINITE_PART if (mention.indefinite and inside and not _within(draft_names, names)) else self._kept_apart(mention, draft, inside)
            if apart is not None:
                if trace is not None:
                    trace.add(STAGE, apart, "split", draft.mentions[0].trigger.start, mention.trigger.end,
                              f"'{mention.trigger.text}' is not the {draft.type} of '{draft.mentions[0].trigger.text}'")
                continue
            if host is not None:
                country, person = host  # the host country gives way to its person who received the visitor
                draft.participants = [e for e in draft.participants if e is not country]
                mention.participants = [e for e in mention.participants if e is not country]
                mention.joined_why = f"the visit of '{draft.mentions[0].trigger.text}', {person.name} hosting it for {country.name}"
                mention.joined_rule = MERGE_VISIT_HOST_NAMED
                return index
            shared = sorted(e.name for e in draft.participants if any(_same_name(name_key(e.name), key) for key in names))
            mention.joined_why = f"shares {', '.join(shared)}; type, time and place compatible"
            mention.joined_rule = MERGE_SHARED
            return index
        return None

    def _host_of_visit(self, draft: _Draft, mention: MeetingMention, names: set[str], draft_names: set[str]) -> tuple[Entity, Entity] | None:
        """'X arrived in Seoul' (X, South Korea) then 'President Moon thanked X for his visit' (Moon, X): two visit mentions
        whose participants agree but for a host country in one and the one person of that country in the other are one
        visit, hosted by that person, when the mentions with the person place it nowhere of their own ('Y visited Finland'
        is not 'Z of Finland received Y in Sochi') and are no plural ('the visits during his term'); (the country, the
        person) or None."""
        if draft.type != "visit" or mention.type != "visit":
            return None
        for holder, other, hosting in ((draft.participants, mention.participants, [mention]), (mention.participants, draft.participants, draft.mentions)):
            if any(m.place is not None or self.phrases.plural_trip.match(m.trigger.text) for m in hosting):
                continue  # 'X heads to Russia for talks with Lavrov': a visit placed on its own; 'the visits during his term': many
            for country in (e for e in holder if e.kind == "country"):
                hosts = [e for e in other if e.kind == "person" and e.country == country.name]
                if len(hosts) != 1:
                    continue
                rest = {name_key(e.name) for e in holder if e is not country}
                rest_other = {name_key(e.name) for e in other if e is not hosts[0]}
                if rest and rest_other and (_within(rest, rest_other) or _within(rest_other, rest)):
                    return country, hosts[0]
        return None

    def _kept_apart(self, mention: MeetingMention, draft: _Draft, inside: bool) -> str | None:
        """The id of the rule by which a mention that shares the draft's participants still names
        another event; None when nothing keeps them apart."""
        if not self._fits(mention.type, draft):
            return SPLIT_TYPES
        if mention.members and draft.members and mention.members != draft.members:
            return SPLIT_NAMED_MEMBERS  # 'the Chile-Peru-Bolivia Summit' is not 'the Chile-Peru Summit'
        if mention.earlier != draft.earlier:
            return SPLIT_EARLIER  # 'since our last meeting' is not the meeting held today
        if self._years_differ(mention, draft):
            return SPLIT_EVENT_YEAR  # 'the 2005 G8 summit' is not 'the 2008 G8 summit'
        if self._month_against_today(mention, draft):
            return SPLIT_EVENT_MONTH  # 'the July summit' is not the summit held today
        if self._denial_against_held(mention, draft):
            return SPLIT_DENIED_HELD  # 'there will be no meeting of X and Y' is not the meeting they held
        if self._cancelled_against_held(mention, draft):
            return SPLIT_CANCELLED_HELD  # 'cancelled his trip to Y' is not the trip he made
        if self._later_after_cancelled(mention, draft):
            return SPLIT_CANCELLED_LATER  # 'called off his trip to Y ... will travel to Y later in his term': the new trip
        if not draft.named_as(mention.type) and not inside:
            return SPLIT_OTHER_TYPE  # 'X travels to Y' then 'X will meet Z': the meeting is its own
        if mention.also and mention.type != draft.type and all(m.sentence != mention.sentence for m in draft.mentions):
            return SPLIT_ALSO  # 'X travels to Y ... X will also meet Z': one more event, though Z is of Y
        if not draft.named_as(mention.type) and self._plan_against_held(mention, draft):
            return SPLIT_PLAN_OTHER_TYPE  # 'X and Y held talks' then 'X invited Y to visit': the visit is to come
        if mention.type == "visit" and draft.type != "visit" and mention.place is not None and not self._receives_at_meeting(mention, draft):
            return SPLIT_OWN_VISIT  # 'agreed to meet ... and during X's visit to Y': the visit is its own
        if self._times_conflict(mention, draft):
            return SPLIT_TIME
        if self._held_against_dated_plan(mention, draft):
            return SPLIT_HELD_PLANNED  # 'discussed trade' then 'will meet in Hanoi in November': the next meeting
        if self._held_against_later(mention, draft):
            return SPLIT_LATER  # 'met today' then 'the next meeting will take place in May'
        return SPLIT_PLACE if self._places_conflict(mention, draft) else None

    @staticmethod
    def _years_differ(mention: MeetingMention, draft: _Draft) -> bool:
        """'the 2005 G8 summit' and 'the 2008 G8 summit': different years written in front of the event's name."""
        return mention.year is not None and draft.year is not None and mention.year != draft.year

    @staticmethod
    def _month_against_today(mention: MeetingMention, draft: _Draft) -> bool:
        """'the July summit' against a summit the text dates to the article's own day ('today', 'this morning'), or the
        reverse: an event named by its month is another one than today's, whatever the article's date (two months
        written in front of the name that differ are two events too)."""
        if mention.month is not None and draft.month is not None:
            return mention.month != draft.month
        if mention.month is not None:
            return any(m.time is not None and points_today(m.time.text) for m in draft.mentions)
        return draft.month is not None and mention.time is not None and points_today(mention.time.text)

    def _receives_at_meeting(self, mention: MeetingMention, draft: _Draft) -> bool:
        """'X met Y in Washington' ... 'when welcoming Y before their meeting': a hosting mention (host, receive,
        welcome) at the meeting's own place, or where the meeting names none, is that meeting's reception."""
        return mention.hosted and (draft.place is None or not self._conflict(mention.place, draft.place))

    @staticmethod
    def _plan_against_held(mention: MeetingMention, draft: _Draft) -> bool:
        """A visit planned or proposed after a meeting of another type that was held ('X and Y held talks' then
        'X invited Y to visit Russia'), or a meeting to come after a visit held ('as we settled on while I was in
        Lima, our ministers meet today'), is another event: the one held cannot be the one still to
        come. (Said when one of the two is a visit: a planned mention of talks after a meeting held is as often
        the same event read with a wrong status.)"""
        return "visit" in (mention.type, draft.type) and mention.status in ("planned", "proposed") and all(m.status == "held" for m in draft.mentions)

    @staticmethod
    def _denial_against_held(mention: MeetingMention, draft: _Draft) -> bool:
        """A denied mention and a held meeting (or the reverse) are two events, never one."""
        wanted = {"denied": "held", "held": "denied"}.get(mention.status)
        return wanted is not None and any(m.status == wanted for m in draft.mentions)

    @staticmethod
    def _cancelled_against_held(mention: MeetingMention, draft: _Draft) -> bool:
        """A cancelled mention and a held meeting (or the reverse) are two events: the trip called off is not the one made."""
        wanted = {"cancelled": "held", "held": "cancelled"}.get(mention.status)
        return wanted is not None and any(m.status == wanted for m in draft.mentions)

    def _later_after_cancelled(self, mention: MeetingMention, draft: _Draft) -> bool:
        """A meeting still to come at a time marked later ('later in his term', 'at a later date', 'later this year')
        after one called off is the new one, not the one called off."""
        return (mention.status in ("planned", "proposed") and mention.time is not None and points_ahead(mention.time.text)
                and bool(self.phrases.later_time.search(mention.time.text)) and any(m.status == "cancelled" for m in draft.mentions))

    @staticmethod
    def _held_against_dated_plan(mention: MeetingMention, draft: _Draft) -> bool:
        """A held meeting and a planned one with a specific date of its own (or the reverse) are two events; so
        are a meeting held at a time behind ('spoke last week'), or at none and not referring back ('have already met';
        'praised the visit' may be the one planned), and a plan with none held at a time ahead ('will meet next
        week', 'expect the call very soon')."""
        if mention.status == "held":
            return (any(m.status == "planned" and m.time is not None and not m.vague_time for m in draft.mentions)
                    or ((points_behind(mention.time.text) if mention.time is not None else not mention.definite) and not any(m.status == "held" for m in draft.mentions)
                        and any(m.time is not None and points_ahead(m.time.text) for m in draft.mentions)))
        return (mention.status == "planned" and mention.time is not None and not mention.vague_time
                and any(m.status == "held" for m in draft.mentions)) or (
            mention.status == "planned" and mention.time is not None and points_ahead(mention.time.text)
            and all(m.status == "held" for m in draft.mentions) and all(m.time is None or points_behind(m.time.text) for m in draft.mentions)) or (
            mention.status == "planned" and mention.indefinite and mention.time is None and all(m.status == "held" for m in draft.mentions)
            and any(m.time is not None and points_behind(m.time.text) for m in draft.mentions))

    def _earlier_same_people(self, drafts: list[_Draft], mention: MeetingMention, target: int | None, trace: Trace | None) -> int | None:
        """'X and Y will meet on Saturday. A previous meeting set for October was called off', 'The last round of talks,
        in Lima in May, ended without agreement': a mention that names nobody and is marked as coming before
        (meeting_grammar.toml earlier_event) is not the meeting named before it, which is not so marked, but an earlier
        one of the same people: a new meeting with their participants (the index of the draft it joins)."""
        if not mention.earlier:
            return target
        if target is not None:
            previous = drafts[target] if not drafts[target].earlier else None
        else:
            window = range(len(drafts) - 1, max(-1, len(drafts) - 1 - _ANAPHOR_DRAFTS), -1)
            previous = next((drafts[i] for i in window if not drafts[i].earlier and self._fits(mention.type, drafts[i])
                             and mention.sentence - drafts[i].mentions[-1].sentence <= _ANAPHOR_SENTENCES), None)
        if previous is None or not previous.participants:
            return target
        why = f"'{mention.trigger.text}' is an earlier {mention.type} of {', '.join(e.name for e in previous.participants)}, not the {previous.type} named before"
        if trace is not None:
            trace.add(STAGE, SPLIT_EARLIER_SAME_PEOPLE, "split", previous.mentions[0].trigger.start, mention.trigger.end, why)
        drafts.append(_Draft(mention.type, list(previous.participants), earlier=True))
        mention.joined_rule, mention.joined_why = "", ""
        mention.apart_why = (SPLIT_EARLIER_SAME_PEOPLE, why)
        return len(drafts) - 1

    @staticmethod
    def _held_against_later(mention: MeetingMention, draft: _Draft) -> bool:
        """A held meeting and one still to come that is marked as coming after it ('the next meeting', 'their
        upcoming contacts', 'will meet again'), or the reverse, are two events."""
        if mention.later and mention.status != "held":
            return any(m.status == "held" and not m.later for m in draft.mentions)
        return mention.status == "held" and all(m.later and m.status != "held" for m in draft.mentions)

    def _conflict(self, a: Span | None, b: Span | None) -> bool:
        """Two times (or places) that name different things: neither contains the other."""
        if a is None or b is None:
            return False
        prefix = self.phrases.comparison_prefix
        x, y = name_key(prefix.sub("", a.text)), name_key(prefix.sub("", b.text))
        return not (x in y or y in x)

    def _times_conflict(self, mention: MeetingMention, draft: _Draft) -> bool:
        """Two specific times that name different things; two days counted from the article's date that differ
        ('today', 'yesterday'); or the article's own day against a time behind or ahead of it ('today' and
        'only recently', 'two days ago', 'next week'), however vague that one is."""
        if mention.time is None or draft.time is None:
            return False
        a, b = mention.time.text, draft.time.text
        return ((not (mention.vague_time or draft.vague_time) and self._conflict(mention.time, draft.time))
                or relative_days_differ(a, b)
                or (points_today(a) and (points_behind(b) or points_ahead(b)))
                or (points_today(b) and (points_behind(a) or points_ahead(a))))

    def _places_conflict(self, mention: MeetingMention, draft: _Draft) -> bool:
        return (mention.known_place and draft.known_place and self._conflict(mention.place, draft.place)
                and self.lex.country_of_word(mention.place.text) != self.lex.country_of_word(draft.place.text)
                and not (mention.type == draft.type == "visit" and self._among(mention.place, draft.participants)))

    def _forum_summit(self, drafts: list[_Draft], mention: MeetingMention) -> int | None:
        """'the summit' with no name of its own, after a forum's summit was named ('meet X at G20' ... 'won't come to the
        summit if Y does'): the last summit of the document, when a forum or group alone names it; the people named
        near the noun attend that summit, they do not make another (they join it as attendees, not as participants)."""
        if mention.type != "summit" or not mention.bare or mention.indefinite or mention.hosted:
            return None
        for index in range(len(drafts) - 1, max(-1, len(drafts) - 1 - _GROUP_LOOKBACK), -1):
            draft = drafts[index]
            if draft.type != "summit":
                continue
            if draft.participants and all(e.kind == "organisation" for e in draft.participants) and self._kept_apart(mention, draft, True) is None:
                mention.joined_why = f"'{mention.trigger.text}' names no summit of its own: the summit of {', '.join(e.name for e in draft.participants)} named before"
                mention.joined_rule = MERGE_FORUM_SUMMIT
                return index
            return None
        return None

    @staticmethod
    def _earlier_of_its_own(mention: MeetingMention, draft: _Draft) -> bool:
        """'Mr Petrov, welcome to Moscow. We last met in St Petersburg in June': a meeting marked as an earlier one
        (meeting_grammar.toml earlier_event) with a time or place of its own is not the meeting reported before,
        though it names nobody (meetings.split.earlier_event)."""
        return mention.earlier and not draft.earlier and (mention.time is not None or mention.place is not None)

    def _dated_plan_apart(self, mention: MeetingMention, draft: _Draft, trace: Trace | None) -> bool:
        """'Previous presidents have received X ... Thursday's meeting is set to take place in the Blue Hall': a mention
        that names nobody but is planned at a date of its own does not refer back to a meeting held (nor a held one
        to a dated plan); recorded as meetings.split.held_planned."""
        if not self._held_against_dated_plan(mention, draft):
            return False
        if trace is not None:
            trace.add(STAGE, SPLIT_HELD_PLANNED, "split", draft.mentions[0].trigger.start, mention.trigger.end,
                      f"'{mention.trigger.text}' is not the {draft.type} of '{draft.mentions[0].trigger.text}'")
        return True

    def _anaphoric_target(self, drafts: list[_Draft], mention: MeetingMention, trace: Trace | None = None) -> int | None:
        """A mention that names nobody ('the rendezvous') joins the compatible meeting of the three
        sentences before, one of its own type first ('X will meet Y, as negotiations on Z intensify ... the meeting
        could last days': the meeting, not the negotiations); a definite one ('the summit') the last meeting of its
        type, else one it may name."""
        window = range(len(drafts) - 1, max(-1, len(drafts) - 1 - _ANAPHOR_DRAFTS), -1)
        same = next((i for i in window if drafts[i].named_as(mention.type) and mention.sentence - drafts[i].mentions[-1].sentence <= _ANAPHOR_SENTENCES), None)
        for index in ([same] if same is not None else []) + [i for i in window if i != same]:
            draft = drafts[index]
            if (self._fits(mention.type, draft) and mention.sentence - draft.mentions[-1].sentence <= _ANAPHOR_SENTENCES
                    and not mention.indefinite
                    and not self._earlier_of_its_own(mention, draft)
                    and not self._years_differ(mention, draft)
                    and not self._month_against_today(mention, draft)
                    and not self._dated_plan_apart(mention, draft, trace)):
                gap = mention.sentence - draft.mentions[-1].sentence
                mention.joined_why = f"names nobody; the {draft.type} mentioned " + (f"{gap} sentence(s) before" if gap else "in the same sentence")
                mention.joined_rule = MERGE_NAMES_NOBODY
                return index
        if not mention.anaphoric:
            return None
        # 'the summit', long after the summit was named: the last one of that type, else the last
        # one it may name ('the meeting' for a summit)
        recent = range(len(drafts) - 1, max(-1, len(drafts) - 1 - _GROUP_LOOKBACK), -1)
        target = next((i for i in recent if drafts[i].named_as(mention.type)), None)
        if target is None:
            target = next((i for i in recent if self._fits(mention.type, drafts[i])), None)
        if target is not None:
            mention.joined_why = f"refers back to the last {drafts[target].type} named"
            mention.joined_rule = MERGE_REFERS_BACK
        return target

    @staticmethod
    def _add_participants(draft: _Draft, mention: MeetingMention) -> list[str]:
        """The mention's participants into the draft (a fuller name replaces a shorter one); their name keys."""
        keys = []
        for entity in mention.participants:
            key = name_key(entity.name)
            same = next((i for i, e in enumerate(draft.participants) if _same_name(key, name_key(e.name))), None)
            if same is None:
                draft.participants.append(entity)
            elif len(entity.name) > len(draft.participants[same].name) and entity.kind == draft.participants[same].kind:
                draft.participants[same] = entity  # 'Lee' then 'Lee Myung-bak': the fuller name
            keys.append(key)
        return keys

    def _absorb(self, draft: _Draft, mention: MeetingMention, trace: Trace | None = None) -> None:
        """The draft takes the mention's more telling type, its specific time and its known place."""
        # a visit to a named place makes 'the meeting' of it a visit; so does 'the visit' of a meeting at a named place
        # ('X will meet Y in Lima' ... 'the visit will ...'); a reception at the meeting does not
        upgrade = mention.type in ("summit", "call") or (mention.type == "visit" and (mention.known_place or draft.known_place) and not mention.hosted)
        if draft.type != mention.type and upgrade and draft.type in ("meeting", "talks"):
            draft.type = mention.type  # 'the meeting' of a visit to a named place is the visit
            if mention.type == "visit" and not mention.known_place and trace is not None:
                trace.add(STAGE, TYPE_VISIT_OF_MEETING, "set", draft.mentions[0].trigger.start, mention.trigger.end,
                          f"'{mention.trigger.text}' names the {draft.mentions[0].trigger.text!r} at {draft.place.text} a visit")
        elif draft.type == "meeting" and mention.type == "talks" and not mention.noun:
            # 'X met Y ... they held talks on trade': the verb phrase that names the talks says what the meeting was
            draft.type = mention.type
            if trace is not None:
                trace.add(STAGE, TYPE_HELD_TALKS, "set", draft.mentions[0].trigger.start, mention.trigger.end,
                          f"'{mention.trigger.text}' says the {draft.mentions[0].trigger.text!r} were talks")
        if draft.time is None or (draft.vague_time and not mention.vague_time):
            draft.time, draft.vague_time = mention.time or draft.time, mention.vague_time if mention.time else draft.vague_time
        elif mention.time is not None and draft.vague_time and mention.vague_time and self._finer_time(mention.time, draft.time):
            if trace is not None:
                trace.add(STAGE, TIME_FINER, "set", draft.mentions[0].trigger.start, mention.trigger.end,
                          f"'{mention.time.text}' says more than '{draft.time.text}'")
            draft.time = mention.time
        if draft.place is None or (mention.known_place and not draft.known_place and not self._city_in_country(draft.place, mention.place)):
            draft.place, draft.known_place = mention.place or draft.place, mention.known_place or draft.known_place
        draft.hosted = draft.hosted or mention.hosted
        draft.year = draft.year or mention.year
        draft.month = draft.month or mention.month
        draft.members = draft.members or mention.members

    def _time_precision(self, time: Span) -> int:
        """0 for an open time ('soon', 'recently'), 2 for a part of a day ('this afternoon'), 1 for any other vague time."""
        if self.phrases.open_time.fullmatch(time.text):
            return 0
        return 2 if self.phrases.day_part_time.match(time.text) else 1

    def _finer_time(self, time: Span, than: Span) -> bool:
        """``time`` says more than ``than`` (both vague): a less open one, or a part of the same day."""
        finer, coarser = self._time_precision(time), self._time_precision(than)
        if finer <= coarser:
            return False
        return coarser == 0 or (points_today(than.text) and points_today(time.text))

    def _city_in_country(self, unknown: Span, known: Span | None) -> bool:
        """``unknown`` (a place name in no list, nor a region) is more precise than ``known`` when that names a
        country itself: a city in it, as far as the text lets us tell."""
        if known is None or name_key(self.without_the(unknown.text)) in self.regions:
            return False
        country = self.lex.country_of_word(known.text)
        return country is not None and name_key(country) == name_key(self.without_the(known.text))

    def _among(self, place: Span | None, participants: list[Entity]) -> bool:
        """The place is the country of one of the participants (one stop of a listed trip)."""
        country = self.lex.country_of_word(place.text) if place else None
        return country is not None and any(e.kind == "country" and e.name == country for e in participants)
