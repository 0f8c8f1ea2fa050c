"""Find the meetings a text is about, merge their mentions, and link statements to them.

A meeting mention is a trigger word (``data/meeting_words.tsv``) not inside an excluded phrase
(``data/not_meetings.txt``). For each mention, within its sentence:

* type comes from the trigger; status from the nearest status cue (``data/meeting_status.toml``),
  else from the trigger's tense; time and place from the nearest time expression / ``in <Place>``;
* participants are the people named around the trigger (inside the statement's content when the
  trigger is reported speech), else countries and organisations; ``the two leaders`` and bare
  anaphors (``the rendezvous``) take the participants of the last meeting.

Mentions with the same participants and a compatible type merge into one meeting, whose status is
the strongest of its mentions (held > cancelled > denied > planned > proposed > unknown).
Deliberate limits: one sentence of context per mention; no coreference beyond the last meeting.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from .lexicons import Lexicon, fold, read_list, _data_text
from .models import Meeting, Participant, Sentence, Span, Statement
from .speakers import Entity, EntityTracker

STATUS_RANK = {"held": 5, "cancelled": 4, "denied": 3, "planned": 2, "proposed": 1, "unknown": 0}
_CAMEO = {"call": "041", "visit": "042", "host": "043", "meeting": "044", "summit": "044", "talks": "046", "other": "040"}
_PLOVER_MODE = {"call": "phone", "visit": "visit", "host": "host", "meeting": "third-party", "summit": "multilateral", "talks": "negotiate", "other": ""}
_IN_PERSON = {"meeting", "summit", "talks", "visit", "other"}
_STATUS_WINDOW = 90
_PLACE = regex.compile(r"\b(?:in|at)\s+(?P<place>(?:the\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*+(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{M}'’\-]*+){0,3})")
_TWO_LEADERS = regex.compile(
    r"\b(?:the\s+(?:two|both)\s+(?:leaders|presidents|sides|men|countries|ministers|heads\s+of\s+state|delegations)|both\s+(?:leaders|presidents|sides|men|countries)|the\s+leaders\s+of\s+the\s+two\s+countries|they|their)\b",
    regex.IGNORECASE,
)
_ANAPHOR = regex.compile(r"\b(?:the|this|that|such\s+a|a\s+planned|the\s+planned|their|the\s+proposed)\s+(?:\w+\s+){0,2}$", regex.IGNORECASE)
_BETWEEN = regex.compile(r"(?:\s+\S+){0,3}?\s+between\s+", regex.IGNORECASE)
_COUNTERPART = regex.compile(r"\b(?:his|her|their)\s+(?P<country>\p{Lu}[\p{L}\-]+)\s+counterparts?\b")


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
    meeting: int | None = None  # index of the merged meeting


@dataclass
class _Draft:
    type: str
    participants: list[Entity]
    mentions: list[MeetingMention] = field(default_factory=list)
    time: Span | None = None
    place: Span | None = None


class MeetingFinder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.triggers = lexicon.matcher("meeting_words")
        phrases = read_list(_data_text("not_meetings.txt"))
        self.excluded = regex.compile(r"(?<![\p{L}])\L<p>(?![\p{L}])", regex.IGNORECASE, p=phrases)
        self.places = lexicon.matcher("places")
        self.organisations = lexicon.matcher("organisations")

    def find(self, text: str, sentences: list[Sentence], tracker: EntityTracker, statements: list[Statement]) -> tuple[list[MeetingMention], list[_Draft]]:
        starts = [s.start for s in sentences]
        mentions: list[MeetingMention] = []
        excluded = [(m.start(), m.end()) for m in self.excluded.finditer(text)]
        for match in self.triggers.finditer(text):
            if any(s <= match.start() < e for s, e in excluded):
                continue
            word = self.lex.meeting_words[match.group().casefold()]
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0:
                continue
            sentence = sentences[index]
            mention = self._mention(text, match, word, sentence, index, tracker, statements, mentions)
            if mention is not None:
                mentions.append(mention)
        drafts = _merge(mentions)
        return mentions, drafts

    def _mention(self, text, match, word, sentence, index, tracker, statements, previous) -> MeetingMention | None:
        trigger = Span.of(text, match.start(), match.end())
        lower, upper = sentence.start, sentence.end
        # reported speech: the meeting's participants are in the content, not the speaker
        for statement in statements:
            if statement.content.start <= match.start() < statement.content.end:
                lower, upper = max(lower, statement.content.start), min(upper, statement.content.end)
                break
        status = self._status(text, trigger, word, lower, upper)
        time = self._nearest_rule_span(text, self.lex.time_rules, trigger, lower, upper)
        place = self._place(text, trigger, lower, upper, tracker)
        participants = self._participants(text, trigger, word, lower, upper, tracker, previous)
        anaphoric = bool(_ANAPHOR.search(text[max(lower, match.start() - 40):match.start()]))
        mtype = word.type
        if mtype == "meeting" and regex.search(r"\b(?:phone|telephone|video|virtual)\b", text[max(lower, match.start() - 25):match.start()], regex.IGNORECASE):
            mtype = "call"
        return MeetingMention(trigger, mtype, status, participants, time, place, index, anaphoric and not participants)

    def _status(self, text: str, trigger: Span, word, lower: int, upper: int) -> str:
        best: tuple[int, int, str] | None = None
        window_start = max(lower, trigger.start - _STATUS_WINDOW)
        window_end = min(upper, trigger.end + _STATUS_WINDOW)
        for rule in self.lex.status_rules:
            for m in rule.pattern.finditer(text, window_start, window_end):
                if m.start() < trigger.end and m.end() > trigger.start and rule.value == "held" and word.tense != "past":
                    continue
                distance = trigger.start - m.end() if m.end() <= trigger.start else max(0, m.start() - trigger.end)
                key = (distance, -STATUS_RANK[rule.value], rule.value)
                if best is None or key < best:
                    best = key
        if best is not None:
            return best[2]
        if word.tense == "past":
            return "held"
        return "unknown"

    def _nearest_rule_span(self, text, rules, trigger: Span, lower: int, upper: int) -> Span | None:
        best = None
        for rule in rules:
            for m in rule.pattern.finditer(text, lower, upper):
                distance = abs(m.start() - trigger.start)
                if best is None or distance < best[0]:
                    best = (distance, m.start(), m.end())
        if best is None:
            return None
        start, end = best[1], best[2]
        return Span.of(text, start, end)

    def _place(self, text, trigger: Span, lower: int, upper: int, tracker: EntityTracker) -> Span | None:
        best = None
        folded = fold(text)
        for m in _PLACE.finditer(text, lower, upper):
            start, end = m.span("place")
            phrase = text[start:end].rstrip(".")
            end = start + len(phrase)
            words = phrase.split()
            if words[0] in self.lex.grammar["months"] or words[0] in self.lex.grammar["weekdays"]:
                continue
            if words[0] in self.lex.grammar["capitalised_stopwords"] and words[0] != "The":
                continue
            known = self.places.fullmatch(folded, start, end) or self.lex.country_of_word(phrase)
            if any(mm.start <= start < mm.end and mm.entity.kind == "person" for mm in tracker.mentions):
                continue
            distance = abs(start - trigger.start) - (40 if known else 0)
            if best is None or distance < best[0]:
                best = (distance, start, end)
        if best is None:
            return None
        return Span.of(text, best[1], best[2])

    def _participants(self, text, trigger: Span, word, lower, upper, tracker: EntityTracker, previous: list[MeetingMention]) -> list[Entity]:
        people: list[Entity] = []
        # 'a meeting between X and Y': the participants are named after 'between'
        between = _BETWEEN.match(text, trigger.end, upper)
        if between:
            lower = between.end()
            clause_end = regex.compile(r"[,;.]\s|\s(?:in|on|at|during|to|which|that|who)\s").search(text, lower, upper)
            upper = clause_end.start() if clause_end else upper
        for m in tracker.mentions:
            if m.start >= upper:
                break
            if m.start >= lower and m.entity.kind == "person" and m.entity not in people:
                people.append(m.entity)
        if _TWO_LEADERS.search(text, lower, upper) and previous:
            for entity in previous[-1].participants:
                if entity not in people:
                    people.append(entity)
        counterpart = _COUNTERPART.search(text, lower, upper)
        countries: list[Entity] = []
        if counterpart:
            country = self.lex.country_of_word(counterpart.group("country"))
            if country:
                countries.append(Entity(country, "country", country=country))
        if people:
            if countries and all(p.country != countries[0].country for p in people):
                people.extend(countries)
            if word.type == "visit" and len(people) == 1:
                host = self._host_country(text, trigger, upper)
                if host is not None and host.country != people[0].country:
                    people.append(host)
            return people
        folded = fold(text)
        for m in self.places.finditer(folded, lower, upper):
            if not text[m.start()].isupper():
                continue
            country = self.lex.country_of_word(text[m.start():m.end()])
            if country and all(c.name != country for c in countries):
                countries.append(Entity(country, "country", country=country))
        for m in self.organisations.finditer(folded, lower, upper):
            if not text[m.start()].isupper():
                continue
            organisation = self.lex.organisation(text[m.start():m.end()])
            if organisation and organisation.kind == "igo" and all(c.name != organisation.name for c in countries):
                countries.append(Entity(organisation.name, "organisation"))
        return countries

    def _host_country(self, text, trigger: Span, upper: int) -> Entity | None:
        folded = fold(text)
        m = self.places.search(folded, trigger.end, min(upper, trigger.end + 40))
        if m is None or not text[m.start()].isupper():
            return None
        country = self.lex.country_of_word(text[m.start():m.end()])
        return Entity(country, "country", country=country) if country else None


def _compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if "call" in (a, b):
        return False
    return {a, b} <= {"meeting", "talks", "visit"} or {a, b} <= {"meeting", "talks"}


def _merge(mentions: list[MeetingMention]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for mention in mentions:
        target = None
        names = {e.name for e in mention.participants}
        if names:
            for index in range(len(drafts) - 1, -1, -1):
                draft = drafts[index]
                draft_names = {e.name for e in draft.participants}
                if (names <= draft_names or draft_names <= names) and _compatible(mention.type, draft.type):
                    target = index
                    break
        elif drafts:
            for index in range(len(drafts) - 1, -1, -1):
                if _compatible(mention.type, drafts[index].type) and mention.sentence - drafts[index].mentions[-1].sentence <= 3:
                    target = index
                    break
        if target is None:
            if not names:
                continue
            drafts.append(_Draft(mention.type, list(mention.participants)))
            target = len(drafts) - 1
        draft = drafts[target]
        draft.mentions.append(mention)
        mention.meeting = target
        for entity in mention.participants:
            if entity.name not in {e.name for e in draft.participants}:
                draft.participants.append(entity)
        if draft.type != mention.type and mention.type in ("summit", "visit") and draft.type in ("meeting", "talks"):
            draft.type = mention.type
        draft.time = draft.time or mention.time
        draft.place = draft.place or mention.place
    return drafts


def build_meetings(drafts: list[_Draft], mentions: list[MeetingMention], statements: list[Statement]) -> tuple[list[Meeting], list[Statement]]:
    """Number the meetings, link statements whose content mentions one, and freeze both."""
    linked: dict[int, list[str]] = {}
    new_statements: list[Statement] = []
    for statement in statements:
        target = None
        subordinate_end = _subordinate_clause_end(statement.content)
        for mention in mentions:
            if mention.meeting is None:
                continue
            if statement.content.start <= mention.trigger.start < statement.content.end:
                # a meeting in a leading 'when ...,' clause is background, not what is asserted
                if target is None or (target.trigger.start < subordinate_end <= mention.trigger.start):
                    target = mention
                if mention.trigger.start >= subordinate_end:
                    break
        if target is None:
            new_statements.append(statement)
            continue
        meeting_id = f"m{target.meeting + 1}"
        linked.setdefault(target.meeting, []).append(statement.id)
        new_statements.append(_replace(statement, meeting=meeting_id, meeting_status=target.status))
    meetings = []
    for index, draft in enumerate(drafts):
        status = max((m.status for m in draft.mentions), key=lambda s: STATUS_RANK[s])
        participants = tuple(Participant(e.name, e.country) for e in draft.participants)
        code = "036" if status in ("planned", "proposed") else _CAMEO.get(draft.type, "040")
        meetings.append(Meeting(
            id=f"m{index + 1}", type=draft.type, status=status, participants=participants,
            time=draft.time, place=draft.place, mentions=tuple(m.trigger for m in draft.mentions),
            statements=tuple(linked.get(index, ())), cameo=code,
            plover=f"CONSULT:{_PLOVER_MODE.get(draft.type, '')}".rstrip(":"),
        ))
    return meetings, new_statements


_SUBORDINATOR = regex.compile(r"(?i:when|after|before|while|as|since|although|though|because|if|once|following)\b[^,]{0,200},")


def _subordinate_clause_end(content: Span) -> int:
    """Offset where a leading subordinate clause of the content ends (the content start if none)."""
    match = _SUBORDINATOR.match(content.text)
    return content.start + match.end() if match else content.start


def _replace(statement: Statement, **changes) -> Statement:
    from dataclasses import replace

    return replace(statement, **changes)


def find_meetings(text: str, sentences: list[Sentence], tracker: EntityTracker, statements: list[Statement], lexicon: Lexicon):
    """Meeting mentions of the document and their merged drafts."""
    return MeetingFinder(lexicon).find(text, sentences, tracker, statements)


def link_meetings(drafts, mentions, statements):
    """Final meetings, and the statements with their ``meeting`` set."""
    return build_meetings(drafts, mentions, statements)
