"""Narrow a document to the statements and meetings a user asked for (``--speaker``, ``--status``...).

Names are compared alias-aware: a query is turned into the comparison keys
(:func:`lexicons.name_key`) of every gazetteer person it names, by full name, alias or surname, so
``--speaker Erdogan`` finds ``Recep Tayyip Erdoğan`` and ``--speaker "Sergei Lavrov"`` finds
``Sergey Lavrov``. A name outside the gazetteer matches when its words appear, in order, in the
speaker's name. Countries are compared by country, so ``--country Russian`` means Russia.
Deliberate limit: filtering never re-runs extraction; it only selects from what was found.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .lexicons import Lexicon, name_key
from .models import Document, Meeting, Statement

KINDS = ("direct", "indirect", "mixed", "according_to")
STATUSES = ("held", "planned", "proposed", "denied", "cancelled", "unknown")


class NameQuery:
    """A person's name as typed by a user, matched against resolved names."""

    def __init__(self, query: str, lexicon: Lexicon):
        self.query = query
        key = name_key(query)
        self.words = tuple(key.split())
        self.keys = {key}
        people = list(lexicon.person_by_alias.get(key, ())) or list(lexicon.person_by_surname.get(key, ()))
        for person in people:
            self.keys.update(name_key(alias) for alias in (person.name, *person.aliases))

    def matches(self, name: str | None) -> bool:
        if not name:
            return False
        key = name_key(name)
        if key in self.keys:
            return True
        words = key.split()
        width = len(self.words)
        return width > 0 and any(tuple(words[i:i + width]) == self.words for i in range(len(words) - width + 1))


class CountryQuery:
    """A country as typed by a user (name, demonym, place or ISO/CAMEO code), matched against resolved countries."""

    def __init__(self, query: str, lexicon: Lexicon):
        self.keys = {name_key(query)}
        country = lexicon.country_of_word(query) or lexicon.country_codes.get(query.strip().upper())
        if country:
            self.keys.add(name_key(country))

    def matches(self, country: str | None) -> bool:
        return bool(country) and name_key(country) in self.keys


@dataclass(frozen=True)
class Selection:
    """What the user asked for; every criterion is optional and they all must hold."""

    speaker: str | None = None
    country: str | None = None
    kinds: tuple[str, ...] = ()
    about_meeting: bool = False
    meeting_with: str | None = None
    statuses: tuple[str, ...] = ()
    statement_statuses: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.speaker or self.country or self.kinds or self.about_meeting or self.meeting_with or self.statuses
                    or self.statement_statuses)

    @property
    def selects_statements(self) -> bool:
        """Criteria on who spoke, how, and what they asserted, which choose meetings only through their statements."""
        return bool(self.speaker or self.country or self.kinds or self.statement_statuses)


class Selector:
    """A :class:`Selection` compiled against a lexicon, applied document by document."""

    def __init__(self, selection: Selection, lexicon: Lexicon):
        self.selection = selection
        self.speaker = NameQuery(selection.speaker, lexicon) if selection.speaker else None
        self.country = CountryQuery(selection.country, lexicon) if selection.country else None
        self.partner_name = NameQuery(selection.meeting_with, lexicon) if selection.meeting_with else None
        self.partner_country = CountryQuery(selection.meeting_with, lexicon) if selection.meeting_with else None

    def _partner_matches(self, meeting: Meeting) -> bool:
        if self.partner_name is None:
            return True
        return any(self.partner_name.matches(p.name) or self.partner_country.matches(p.country) or self.partner_country.matches(p.name)
                   for p in meeting.participants)

    def _meeting_matches(self, meeting: Meeting) -> bool:
        return self._partner_matches(meeting) and (not self.selection.statuses or meeting.status in self.selection.statuses)

    def _speaker_matches(self, statement: Statement, meetings: dict[str, Meeting]) -> bool:
        """The criteria on the statement itself: who spoke, how, and the meeting status it asserts."""
        if self.selection.statement_statuses and _asserted_status(statement, meetings) not in self.selection.statement_statuses:
            return False
        speaker = statement.speaker
        if self.speaker is not None and not (self.speaker.matches(speaker.name) or self.speaker.matches(speaker.mention.text)):
            return False
        if self.country is not None and not self.country.matches(speaker.country):
            return False
        return not self.selection.kinds or statement.kind in self.selection.kinds

    def _statement_matches(self, statement: Statement, meetings: dict[str, Meeting]) -> bool:
        if not self._speaker_matches(statement, meetings):
            return False
        meeting = meetings.get(statement.meeting or "")
        if (self.selection.about_meeting or self.partner_name is not None or self.selection.statuses) and meeting is None:
            return False
        # A statement is kept with its meeting or not at all, so that every kept reference resolves.
        return meeting is None or self._meeting_matches(meeting)

    def apply(self, document: Document) -> Document:
        if not self.selection.active:
            return document
        meetings = {m.id: m for m in document.meetings}
        statements = tuple(s for s in document.statements if self._statement_matches(s, meetings))
        spoken = {s.id for s in document.statements if self._speaker_matches(s, meetings)}
        kept_meetings = []
        for meeting in document.meetings:
            if not self._meeting_matches(meeting):
                continue
            if self.selection.selects_statements:
                if not any(sid in spoken for sid in meeting.statements):
                    continue
                meeting = replace(meeting, statements=tuple(sid for sid in meeting.statements if sid in spoken))
            kept_meetings.append(meeting)
        return replace(document, statements=statements, meetings=tuple(kept_meetings))


def _asserted_status(statement: Statement, meetings: dict[str, Meeting]) -> str | None:
    """The meeting status a statement's own content asserts; the meeting's when it asserts none."""
    if statement.meeting_status:
        return statement.meeting_status
    meeting = meetings.get(statement.meeting or "")
    return meeting.status if meeting else None
