"""Statements about a meeting: the routes that link a statement to the meeting it is about, and the final records."""

from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from diplo_cli.language.lexicons import name_key
from diplo_cli.meetings.common import (
    _AGENDA_REACH,
    _CAPITALISED,
    _EVENT_PART_REACH,
    _GROUP_LOOKBACK,
    _OBJECT_REACH,
    _PLACE_LINK_REACH,
    _RELATIVE_GAP,
    _SPEAKER_LINK_REACH,
    LINK_AFTER_MEETING,
    LINK_AGENDA,
    LINK_AGENDA_SPEAKER,
    LINK_ANAPHOR,
    LINK_ANSWER,
    LINK_ASKED_ABOUT,
    LINK_CONTENT,
    LINK_CUE_OBJECT,
    LINK_EVENT_PART,
    LINK_GOING_ON,
    LINK_PLACE,
    LINK_QUOTED_PRONOUN,
    LINK_RELATIVE,
    LINK_RELATIVE_CUE,
    LINK_SIBLING,
    LINK_SPEAKING_AFTER,
    LINK_STATUS_CUE,
    LINK_TAKING_PART,
    LINK_TIME_FRAME,
    LINK_WHEN_THEY_MEET,
    STAGE,
    STATUS_DEFAULT,
    STATUS_RANK,
    MeetingMention,
    _Draft,
    _status_of,
    meeting_grammar,
)
from diplo_cli.meetings.document import _Document
from diplo_cli.models import Meeting, Participant, Span, Statement
from diplo_cli.rules import Trace


class _StatementLinks:
    """The mention-less link rules of :class:`~diplo_cli.meetings.finder.MeetingFinder` (a mixin): agenda, place, relative clause."""

    def _relative_clause_links(self, text: str, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'the Pacific Islands Summit, which, as you noted, will be held here': a content that is a
        relative clause right after a meeting word is about that meeting; so is a statement whose cue
        stands in such a clause ('the summit in Rome, where she said ...'). Recorded like an agenda
        link, used when the content names no meeting of its own."""
        linked = _linked_mentions(mentions)
        ends = [m.trigger.end for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            if self.relative_clause.match(content.text):
                index = bisect.bisect_right(ends, content.start) - 1
                if index >= 0 and content.start - ends[index] <= _RELATIVE_GAP:
                    drafts[linked[index].meeting].agenda.setdefault(statement.id, linked[index].status)
                    drafts[linked[index].meeting].agenda_why.setdefault(
                        statement.id, (LINK_RELATIVE, f"a relative clause right after '{linked[index].trigger.text}'"))
                continue
            cue = statement.cue
            index = bisect.bisect_right(ends, cue.start) - 1
            if index >= 0 and cue.start < content.start and self.relative_cue_gap.match(text, ends[index], cue.start):
                drafts[linked[index].meeting].agenda.setdefault(statement.id, linked[index].status)
                drafts[linked[index].meeting].agenda_why.setdefault(
                    statement.id, (LINK_RELATIVE_CUE, f"said in a relative clause of '{linked[index].trigger.text}'"))

    def _anaphor_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'the gathering will focus on trade': a content whose subject refers to an event
        (``event_anaphor``) and that names no meeting of its own is about the meeting named just
        before it (a mention-less link, like an agenda link)."""
        linked = _linked_mentions(mentions)
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            anaphor = self.event_anaphor.match(content.text) or self.event_predicate.match(content.text)
            if anaphor is None:
                continue
            word = anaphor.group("noun") if anaphor.re is self.event_anaphor else f"it ... {anaphor.group('noun') or anaphor.group('noun2') or anaphor.group('noun3')}"
            index = _latest_before(starts, content)
            if index is None:
                continue
            if content.start - linked[index].trigger.end > _AGENDA_REACH:
                continue
            draft = drafts[linked[index].meeting]
            draft.agenda[statement.id] = linked[index].status
            draft.agenda_why[statement.id] = LINK_ANAPHOR, f"'{word}' refers to '{linked[index].trigger.text}' just before"

    def _going_on_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'the Chilean side will not keep talking for ever', 'both sides will continue negotiating': a content
        that says talking or negotiating goes on, stops or resumes (``talks_going_on``) and names no meeting of its own
        is about the latest talks named before it within ``_AGENDA_REACH`` (a mention-less link, like an agenda link)."""
        self._latest_fitting_links(
            statements, mentions, drafts, self.talks_going_on, _AGENDA_REACH,
            lambda mention, draft: mention.type == "talks",  # a mention of talks, though merged into a meeting of another type
            LINK_GOING_ON, lambda found, mention, draft: f"'{found.group()}' goes on with the talks '{mention.trigger.text}' before")

    def _taking_part_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'her delegation will be a participant until the final session', 'Peru would take part', 'Chile will be represented by
        its foreign minister': a content that says someone takes part (``taking_part``), in nothing else it names, and
        that names no meeting of its own is about the meeting named just before it, within ``_AGENDA_REACH`` (a
        mention-less link, like an agenda link)."""
        self._latest_fitting_links(
            statements, mentions, drafts, self.taking_part, _AGENDA_REACH, lambda mention, draft: True,
            LINK_TAKING_PART, lambda found, mention, draft: f"'{found.group()}' takes part in '{mention.trigger.text}' before")

    def _event_part_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'Obama will make a state visit next month ... he said the state dinner would be small': a content
        that names a set piece of a visit's or a summit's programme (``event_part``: a state dinner, a
        welcoming ceremony) and no meeting of its own is about the latest visit or summit named before it,
        past a nearer meeting of another type (a mention-less link, like an agenda link)."""
        self._latest_fitting_links(
            statements, mentions, drafts, self.event_part, _EVENT_PART_REACH, lambda mention, draft: draft.type in ("visit", "summit"),
            LINK_EVENT_PART, lambda found, mention, draft: f"'{found.group()}' is part of the {draft.type} '{mention.trigger.text}' before")

    def _latest_fitting_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft],
                              pattern: regex.Pattern, reach: int, fits, rule: str, why) -> None:
        """The walk the content-pattern routes share: a content that ``pattern`` finds in and that names no meeting of its
        own is about the latest mention before it, within ``reach`` characters, that ``fits(mention, draft)``; recorded
        like an agenda link under ``rule``, with ``why(found, mention, draft)``."""
        linked = _linked_mentions(mentions)
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            found = pattern.search(content.text)
            if found is None:
                continue
            index = _latest_before(starts, content)
            if index is None:
                continue
            for mention in reversed(linked[:index + 1]):
                if content.start - mention.trigger.start > reach:
                    break
                draft = drafts[mention.meeting]
                if fits(mention, draft):
                    draft.agenda[statement.id] = _status_of(draft)
                    draft.agenda_why[statement.id] = rule, why(found, mention, draft)
                    break

    def _answer_links(self, doc: _Document, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'Q Any update on the call with the King? / MS. X: We expect it to happen very soon': in a
        transcript, a statement of the answer to a question that names a meeting is about that meeting
        (the last one the question names), when the answer names no meeting before it and its content
        names none of its own (a mention-less link, like an agenda link)."""
        if not doc.question_lines():
            return
        linked = _linked_mentions(mentions)
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            question = doc.asked_before(content.start)
            if question is None:
                continue  # before any question, or the question itself: asked, not stated
            start, end = question
            first_after_question = bisect.bisect_left(starts, end)
            if first_after_question < len(starts) and starts[first_after_question] < content.end:
                continue  # the answer names a meeting before the statement, or the content names one
            asked = [m for m in linked[bisect.bisect_left(starts, start):first_after_question]]
            if not asked:
                continue
            mention = asked[-1]
            draft = drafts[mention.meeting]
            draft.agenda[statement.id] = _status_of(draft)
            draft.agenda_why[statement.id] = LINK_ANSWER, f"answers the question about '{mention.trigger.text}'"

    def _status_cue_links(self, doc: _Document, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'Kerry may travel to Moscow, but officials say no such stop is planned': a content that holds the
        status cue of a meeting mention outside it (a cue of meeting_status.toml that set that mention's status)
        asserts that status, so it is about that meeting; so does a content of the same sentence, after the
        meeting word, that holds a cancelling or denying cue ('was to visit Lima, but aides said it had been
        postponed'), which the meeting's status then takes into account (a mention-less link, used when the
        content names no meeting of its own). Not a cue of tense (``status_link_plain_cue``, or one that says held)."""
        linked = _linked_mentions(mentions)
        cued = [m for m in linked if m.status_cue is not None and m.status != "held"]
        # the cued mentions by where their cue starts: a content holds only those whose cue starts inside it
        by_cue = sorted(range(len(cued)), key=lambda i: cued[i].status_cue[0])
        cue_starts = [cued[i].status_cue[0] for i in by_cue]
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts) if linked else ():
            content = statement.content
            if bisect.bisect_left(starts, content.start) < bisect.bisect_left(starts, content.end):
                continue  # the content names a meeting of its own
            found = None
            inside = by_cue[bisect.bisect_left(cue_starts, content.start):bisect.bisect_left(cue_starts, content.end)]
            for mention in map(cued.__getitem__, sorted(inside)):  # in the mentions' order: the first one that qualifies links
                cue_start, cue_end = mention.status_cue
                if (content.start <= cue_start < cue_end <= content.end
                        and not self.status_link_plain_cue.fullmatch(content.text, cue_start - content.start, cue_end - content.start)):
                    found = mention, mention.status, cue_start, cue_end
                    break
            if found is None:
                index = bisect.bisect_left(starts, content.start) - 1
                sentence_start = doc.sentence_start(content.start)
                if index < 0 or linked[index].trigger.start < doc.sentence_start(max(0, sentence_start - 1)):
                    continue  # no meeting word before the content in its sentence or the one before
                negative = [(s, e, v) for s, e, v in doc.status.within(content.start, content.end)
                            if e <= content.end and (v in ("cancelled", "denied") or self.status_link_readiness.match(doc.text, s, e))]
                if not negative:
                    continue
                cue_start, cue_end, value = negative[0]
                found = linked[index], value, cue_start, cue_end
            mention, value, cue_start, cue_end = found
            draft = drafts[mention.meeting]
            draft.agenda[statement.id] = value
            draft.asserted.append(value)
            draft.agenda_why[statement.id] = (LINK_STATUS_CUE, (f"asserts the status of '{mention.trigger.text}' "
                                              f"('{content.text[cue_start - content.start:cue_end - content.start]}': {value})"))

    def _agenda_links(self, doc: _Document, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """Statements on what a meeting named just before will discuss are about that meeting:
        recorded as a mention-less link (``_Draft.agenda``) that :func:`build_meetings` reads."""
        linked = _linked_mentions(mentions)
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
            folded = f" {name_key(content.text)} "
            chosen = linked[index] if self.agenda_subject.search(content.text) else None
            for mention in reversed(linked[:index + 1]):  # the latest meeting whose participants discuss it
                if content.start - mention.trigger.start > _AGENDA_REACH:
                    break
                surnames = {name_key(e.name).split()[-1] for e in drafts[mention.meeting].participants if e.kind == "person"}
                if any(f" {surname} " in folded for surname in surnames if len(surname) > 2):
                    chosen = mention
                    break
            if chosen is not None:
                draft = drafts[chosen.meeting]
                draft.agenda[statement.id] = chosen.status
                draft.agenda_why[statement.id] = LINK_AGENDA, f"on the agenda of '{chosen.trigger.text}' just before"

    def _speaker_agenda_links(self, doc: _Document, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'X met Y on Monday. "We have agreed to open the crossing," X said': a content in which 'we' or 'I' discussed,
        raised or agreed something (``speaker_agenda``), said by a person who took part in a meeting named before it
        (the latest one, within ``_SPEAKER_LINK_REACH``: further than an agenda's 'just before'), is about that
        meeting (a mention-less link, used when the content names no meeting of its own)."""
        linked = _linked_mentions(mentions)
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            said = self.speaker_agenda.search(doc.text, content.start, content.end)
            if said is None:
                continue
            index = _latest_before(starts, content)
            if index is None:
                continue
            speaker = name_key(statement.speaker.name)
            for mention in reversed(linked[:index + 1]):  # the latest meeting the speaker took part in
                if content.start - mention.trigger.start > _SPEAKER_LINK_REACH:
                    break
                draft = drafts[mention.meeting]
                if speaker in {name_key(e.name) for e in draft.participants if e.kind == "person"}:
                    draft.agenda[statement.id] = mention.status
                    why = f"the speaker, a participant of '{mention.trigger.text}' before, says '{said.group()}'"
                    draft.agenda_why[statement.id] = LINK_AGENDA_SPEAKER, why
                    break

    def _quoted_pronoun_links(self, doc: _Document, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'Lind has called off her trip to Lima. "She has chosen to remain in Santiago," the spokesman said': a direct
        quotation whose subject is 'he' or 'she' (``quoted_pronoun_subject``: in a quotation not the speaker, who says
        'I'), right after a sentence naming a meeting (or in it), is about that meeting when a person of that meeting
        other than the speaker can be meant (a mention-less link, used when the content names no meeting of its own)."""
        linked = _linked_mentions(mentions)
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            subject = self.quoted_pronoun_subject.match(content.text) if statement.kind == "direct" else None
            if subject is None:
                continue
            index = _latest_before(starts, content)
            if index is None:
                continue
            mention = linked[index]
            if mention.trigger.start < doc.sentence_start(max(0, doc.sentence_start(content.start) - 1)):
                continue  # not in the sentence of the content or the one before
            gender = "f" if subject.group("pronoun").casefold() == "she" else "m"
            speaker = name_key(statement.speaker.name)
            draft = drafts[mention.meeting]
            meant = [e for e in draft.participants
                     if e.kind == "person" and name_key(e.name) != speaker and e.gender in (None, gender)]
            if meant:
                draft.agenda[statement.id] = _status_of(draft)
                why = f"'{subject.group('pronoun')}' of the quotation is {meant[0].name}, of '{mention.trigger.text}' just before"
                draft.agenda_why[statement.id] = LINK_QUOTED_PRONOUN, why

    def _place_links(self, statements: list[Statement], mentions: list[MeetingMention], drafts: list[_Draft]) -> None:
        """'the main message that Ferreira will carry to Lima': a content naming a participant of a meeting
        mentioned before it and that meeting's place is about that meeting (a mention-less link, used
        when the content names no meeting of its own)."""
        linked = _linked_mentions(mentions)
        starts = [m.trigger.start for m in linked]
        for statement in _agenda_free(statements, drafts):
            content = statement.content
            index = _latest_before(starts, content)
            if index is None:
                continue
            folded = f" {name_key(content.text)} "
            places = {self.lex.country_of_word(m.group()) for m in _CAPITALISED.finditer(content.text)} - {None}
            for mention in reversed(linked[max(0, index - _GROUP_LOOKBACK):index + 1]):
                if content.start - mention.trigger.start > _PLACE_LINK_REACH:
                    break
                draft = drafts[mention.meeting]
                if draft.place is None or not draft.known_place or self.lex.country_of_word(self.without_the(draft.place.text)) not in places:
                    continue  # 'in Moscow' names the place of a visit to Russia too
                surnames = {name_key(e.name).split()[-1] for e in draft.participants if e.kind == "person"}
                if any(f" {surname} " in folded for surname in surnames if len(surname) > 2):
                    draft.agenda[statement.id] = _status_of(draft)
                    draft.agenda_why[statement.id] = LINK_PLACE, "names a participant at the meeting's place"
                    break


def _linked_mentions(mentions: list[MeetingMention]) -> list[MeetingMention]:
    """The mentions that joined a meeting, in text order (the anchors of the mention-less links)."""
    return [m for m in mentions if m.meeting is not None]


def _latest_before(starts: list[int], content: Span) -> int | None:
    """The index (in ``starts``, the linked mentions' trigger starts) of the latest mention before ``content``, the
    anchor of a mention-less link; None when there is none, or when the content names a meeting of its own (a
    mention starts inside it: that one, not a link, makes it about a meeting)."""
    index = bisect.bisect_left(starts, content.start) - 1
    if index < 0 or bisect.bisect_left(starts, content.end) > index + 1:
        return None
    return index


def _agenda_free(statements: list[Statement], drafts: list[_Draft]) -> list[Statement]:
    """The statements no mention-less link (``_Draft.agenda``) claims yet: a later route links only these."""
    claimed = {sid for draft in drafts for sid in draft.agenda}
    return [s for s in statements if s.id not in claimed]


def _explanation(draft: _Draft, statement_ids, routes: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """Why the meeting exists, what set its status, why each mention joined it and each statement
    is linked to it, each with the id of its rule: lines for ``diplo meetings --explain``."""
    lines = []
    for mention in draft.mentions:
        line = f"'{mention.trigger.text}' ({mention.type}, sentence {mention.sentence + 1}): {mention.status}, {mention.status_why}"
        line += f" [{mention.status_rule}]" if mention.status_rule else ""
        line += f"; apart: {mention.apart_why[1]} [{mention.apart_why[0]}]" if mention.apart_why else ""
        lines.append(line + (f"; joined: {mention.joined_why} [{mention.joined_rule}]" if mention.joined_why else ""))
    status = _status_of(draft)
    if draft.asserted and STATUS_RANK[status] > max(STATUS_RANK[m.status] for m in draft.mentions):
        lines.append(f"status {status}: asserted by a statement linked to it [{LINK_STATUS_CUE}]")
    elif all(m.status == "unknown" for m in draft.mentions) and status != "unknown":
        lines.append(f"status {status}: no mention carries a cue" + (", and its time lies ahead" if status == "planned" else "")
                     + f" [{STATUS_DEFAULT}]")
    for sid in statement_ids:
        rule, why = routes[sid]
        lines.append(f"{sid} linked: {why} [{rule}]")
    return tuple(lines)



def build_meetings(drafts: list[_Draft], mentions: list[MeetingMention], statements: list[Statement],
                   text: str, trace: Trace | None = None) -> tuple[list[Meeting], list[Statement]]:
    """Number the meetings, link statements whose content mentions one, and freeze both."""
    linked_mentions = sorted((m for m in mentions if m.meeting is not None), key=lambda m: m.trigger.start)
    starts = [m.trigger.start for m in linked_mentions]
    linked: dict[int, list[str]] = {}
    agendas = {sid: (index, status) for index, draft in enumerate(drafts) for sid, status in draft.agenda.items()}
    new_statements: list[Statement] = []
    routes: dict[str, tuple[str, str]] = {}  # statement id -> (rule id, why) of its link (--explain)
    for statement in statements:
        target, rule, route = _named_link(statement, linked_mentions, starts, text)
        if target is not None:
            index, status = target.meeting, target.status
            if rule in _CLAUSE_RULES:  # the meeting is named outside the content: the content asserts no status of that word's own
                status = _status_of(drafts[index])
            elif rule == LINK_SPEAKING_AFTER and status == "unknown":
                status = "held"  # 'Speaking after the call, X said': speaking after it says it took place
        elif statement.id in agendas:
            index, status = agendas[statement.id]
            rule, route = drafts[index].agenda_why.get(statement.id, (LINK_AGENDA, "about the meeting named before it"))
        else:
            if trace is not None and rule == LINK_TIME_FRAME:
                trace.add(STAGE, rule, "vetoed", statement.content.start, statement.content.end, route)
            new_statements.append(statement)
            continue
        routes[statement.id] = rule, route
        linked.setdefault(index, []).append(statement.id)
        new_statements.append(replace(statement, meeting=f"m{index + 1}", meeting_status=status))
        if trace is not None:
            trace.add(STAGE, rule, "linked", statement.content.start, statement.content.end, f"m{index + 1}: {route}")
    new_statements = _sibling_links(new_statements, linked_mentions, starts, text, linked, routes, trace)
    order = {s.id: position for position, s in enumerate(new_statements)}
    for ids in linked.values():
        ids.sort(key=order.__getitem__)
    meetings = []
    for index, draft in enumerate(drafts):
        participants = tuple(Participant(e.name, e.country) for e in draft.participants)
        status = _status_of(draft)
        if trace is not None and status != "unknown" and all(m.status == "unknown" for m in draft.mentions):
            first = draft.mentions[0].trigger
            trace.add(STAGE, STATUS_DEFAULT, "set", first.start, first.end, f"{status}: no mention carries a cue")
        meetings.append(Meeting(
            id=f"m{index + 1}", type=draft.type, status=status, participants=participants,
            time=draft.time, place=draft.place, mentions=tuple(m.trigger for m in draft.mentions),
            statements=tuple(linked.get(index, ())), cameo=draft.cameo, plover=draft.plover,
            explain=_explanation(draft, linked.get(index, ()), routes),
        ))
    return meetings, new_statements


def _sibling_links(statements: list[Statement], linked_mentions: list[MeetingMention], starts: list[int], text: str,
                   linked: dict[int, list[str]], routes: dict[str, tuple[str, str]], trace: Trace | None) -> list[Statement]:
    """'Norland had said it was getting ready for Paz's journey, telling a radio station it was "sorting out the
    details"': a second statement of the same speaker in the same sentence, right after a statement about a
    meeting, whose content names no meeting, goes on about that meeting (no meeting word between the two). Not the
    statement before it: 'said that P, adding that a round of talks was planned' adds a new topic."""
    result = list(statements)
    for position, statement in enumerate(statements):
        if statement.meeting is not None:
            continue
        for other in result[max(0, position - 1):position]:  # the one before (it may have just been linked so)
            if other.meeting is None or other.speaker.name != statement.speaker.name or other.content.start >= statement.content.start:
                continue  # only a statement that goes on from one about a meeting: 'X said P, adding that the talks ...' is not
            first, second = other, statement
            gap_start = max(first.content.end, first.cue.end)
            gap_end = min(second.content.start, second.cue.start)
            if gap_start > gap_end or _SENTENCE_END.search(text, max(0, gap_start - 1), gap_end) or "\n" in text[gap_start:gap_end]:
                continue  # overlapping, or another sentence (a quotation's own full stop ends it too: '... Statement." She added')
            content = statement.content
            if bisect.bisect_left(starts, min(gap_start, content.start)) < bisect.bisect_left(starts, max(gap_end, content.end)):
                continue  # a meeting word between them or in the content: its own
            index = int(other.meeting[1:]) - 1
            why = f"goes on from {other.id} of the same speaker in its sentence"
            routes[statement.id] = LINK_SIBLING, why
            linked.setdefault(index, []).append(statement.id)
            result[position] = replace(statement, meeting=other.meeting, meeting_status=other.meeting_status)
            if trace is not None:
                trace.add(STAGE, LINK_SIBLING, "linked", content.start, content.end, f"{other.meeting}: {why}")
            break
    return result


def _named_link(statement: Statement, linked_mentions: list[MeetingMention], starts: list[int], text: str) -> tuple[MeetingMention | None, str, str]:
    """The meeting mention a statement names (in its content, else as its cue's object), the route's rule id and why."""
    content = statement.content
    inside = linked_mentions[bisect.bisect_left(starts, content.start):bisect.bisect_left(starts, content.end)]
    # 'hoped to sign the deal before the summit': a meeting the content names only to date something else
    framed = [m for m in inside if _time_frame().search(text, max(content.start, m.trigger.start - 60), m.trigger.start)]
    inside = [m for m in inside if m not in framed]
    target = None
    subordinate_end = _subordinate_clause_end(content)
    for mention in inside:
        # a meeting in a leading 'when ...,' clause is background, not what is asserted
        if target is None or (target.trigger.start < subordinate_end <= mention.trigger.start):
            target = mention
        if mention.trigger.start >= subordinate_end:
            break
    if target is not None:
        return target, LINK_CONTENT, f"its content names the meeting ('{target.trigger.text}')"
    if statement.cue.end <= content.start and not _SENTENCE_END.search(text, statement.cue.end, content.start):
        # 'described the move to scrap the visit as a "mistake"': the cue's object (within its
        # sentence: a quotation continued after '..., he said after the call. "P"' has none)
        between = linked_mentions[bisect.bisect_left(starts, statement.cue.end):bisect.bisect_left(starts, content.start)]
        if between and content.start - statement.cue.end <= _OBJECT_REACH:
            return between[-1], LINK_CUE_OBJECT, f"the cue's object names the meeting ('{between[-1].trigger.text}')"
    lead = _speaking_after().search(text, max(0, statement.cue.start - 400), statement.cue.start)
    if lead is not None:
        # 'Speaking after his meeting with X, Y said: ...': what Y says of the meeting just held
        before = linked_mentions[bisect.bisect_left(starts, lead.start()):bisect.bisect_left(starts, statement.cue.start)]
        if before:
            return before[0], LINK_SPEAKING_AFTER, f"said speaking after '{before[0].trigger.text}'"
    found = _clause_meeting(statement, linked_mentions, starts, text)
    if found[0] is None:
        found = _when_they_meet(statement, linked_mentions, starts, text)
    if found[0] is None and framed:
        return None, LINK_TIME_FRAME, f"'{framed[0].trigger.text}' only dates what the content says"
    return found


def _when_they_meet(statement: Statement, linked_mentions: list[MeetingMention], starts: list[int], text: str) -> tuple[MeetingMention | None, str, str]:
    """'you said, when they do speak, that the President will press hard', 'said that when the two leaders meet, X would
    raise Y': a clause 'when they meet' right after the cue (or opening the content) puts the content in the meeting
    named before it (``when_they_meet`` of meeting_grammar.toml), the latest one within ``_AGENDA_REACH``."""
    cue, content = statement.cue, statement.content
    lower = cue.end if cue.end <= content.start and content.start - cue.end <= _OBJECT_REACH else content.start
    found = _when_pattern().search(text, lower, min(content.end, content.start + _OBJECT_REACH))
    if found is None:
        return None, "", ""
    index = bisect.bisect_left(starts, found.start()) - 1
    if index < 0 or found.start() - linked_mentions[index].trigger.start > _AGENDA_REACH:
        return None, "", ""
    mention = linked_mentions[index]
    return mention, LINK_WHEN_THEY_MEET, f"'{found.group()}' refers to '{mention.trigger.text}' before"


_frame: regex.Pattern | None = None


def _time_frame() -> regex.Pattern:
    """``content_time_frame`` of meeting_grammar.toml, compiled once per process."""
    global _frame
    if _frame is None:
        _frame = regex.compile(meeting_grammar()["phrases"]["content_time_frame"])
    return _frame


_when: regex.Pattern | None = None


def _when_pattern() -> regex.Pattern:
    """``when_they_meet`` of meeting_grammar.toml, compiled once per process."""
    global _when
    if _when is None:
        _when = regex.compile(meeting_grammar()["phrases"]["when_they_meet"])
    return _when


def _clause_meeting(statement: Statement, linked_mentions: list[MeetingMention], starts: list[int], text: str) -> tuple[MeetingMention | None, str, str]:
    """The meeting the speaker's own clause says the statement is said after or about: 'After the talks, X told
    reporters that ...', 'Asked about the summit, X said ...' (the sentence opens with it), '"P," X said after talks
    with Y', '"P," X said when asked about the visit' (the cue's clause ends with it, the content before the cue);
    with the rule id and why (``after_meeting_*`` and ``asked_about_*`` of meeting_grammar.toml)."""
    cue = statement.cue
    for rule, said, lead, tail in _clause_patterns()[1:]:
        found = lead.search(text, max(0, cue.start - 400), cue.start)
        if found is None and statement.content.end <= cue.start:
            found = tail.match(text, cue.end, min(len(text), cue.end + 200))
        if found is None:
            continue
        start, end = found.span("np")
        if _clause_patterns()[0].match(text, start):
            continue  # 'after arriving in Lima': a stay, not a meeting spoken of
        inside = linked_mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        if not inside or (end < cue.start and bisect.bisect_left(starts, end) < bisect.bisect_left(starts, cue.start)):
            continue  # 'After the talks, X met Y and said': said at the meeting of its own clause
        return inside[0], rule, f"said {said} '{inside[0].trigger.text}'"
    return None, "", ""


_clause: tuple | None = None


def _clause_patterns() -> tuple:
    """``after_meeting_not_np``, then (rule id, what, lead pattern, tail pattern) of each route whose phrase in the
    speaker's clause names the meeting (meeting_grammar.toml), compiled once per process."""
    global _clause
    if _clause is None:
        phrases = meeting_grammar()["phrases"]
        _clause = (regex.compile(phrases["after_meeting_not_np"]),
                   (LINK_AFTER_MEETING, "after", regex.compile(phrases["after_meeting_lead"]), regex.compile(phrases["after_meeting_tail"])),
                   (LINK_ASKED_ABOUT, "asked about (or commenting on)", regex.compile(phrases["asked_about_lead"]), regex.compile(phrases["asked_about_tail"])))
    return _clause


_speaking: regex.Pattern | None = None


def _speaking_after() -> regex.Pattern:
    """``speaking_after_lead`` of meeting_grammar.toml, compiled once per process."""
    global _speaking
    if _speaking is None:
        _speaking = regex.compile(meeting_grammar()["phrases"]["speaking_after_lead"])
    return _speaking


_CLAUSE_RULES = frozenset({LINK_AFTER_MEETING, LINK_ASKED_ABOUT, LINK_WHEN_THEY_MEET})
_SENTENCE_END = regex.compile(r"[.!?][\"”’»)]*+\s")


_subordinate: regex.Pattern | None = None


def subordinate_clause() -> regex.Pattern:
    """'when X met Y, ...' (``subordinate_clause`` of meeting_grammar.toml): compiled once per process
    (or taken from the language cache: :func:`adopt_subordinate_clause`); linking has no finder to hold it."""
    global _subordinate
    if _subordinate is None:
        _subordinate = regex.compile(meeting_grammar()["phrases"]["subordinate_clause"])
    return _subordinate


def adopt_subordinate_clause(pattern: regex.Pattern) -> None:
    """Use ``pattern`` (read back from the language cache, compiled from the same file) unless one is compiled already."""
    global _subordinate
    if _subordinate is None and isinstance(pattern, regex.Pattern):
        _subordinate = pattern


def link_patterns() -> dict:
    """The patterns linking compiles once per process besides ``subordinate_clause`` (for the language cache, which
    stores them built: :func:`adopt_link_patterns`)."""
    return {"speaking_after": _speaking_after(), "clause": _clause_patterns(), "when": _when_pattern(), "time_frame": _time_frame()}


def adopt_link_patterns(patterns: dict) -> None:
    """Use ``patterns`` (read back from the language cache, compiled from the same file) for those not compiled yet."""
    global _speaking, _clause, _when, _frame
    _speaking = _speaking or patterns.get("speaking_after")
    _clause = _clause or patterns.get("clause")
    _when = _when or patterns.get("when")
    _frame = _frame or patterns.get("time_frame")


def _subordinate_clause_end(content: Span) -> int:
    """Offset where a leading subordinate clause of the content ends (the content start if none)."""
    match = subordinate_clause().match(content.text)
    return content.start + match.end() if match else content.start



def link_meetings(drafts, mentions, statements, text: str, trace: Trace | None = None):
    """Final meetings (with CAMEO / PLOVER codes), and the statements with their ``meeting`` set."""
    return build_meetings(drafts, mentions, statements, text, trace)
