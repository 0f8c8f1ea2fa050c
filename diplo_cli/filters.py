"""Narrow a document to the statements and meetings a user asked for (``--speaker``, ``--status``...).

Names are compared alias-aware: a query is turned into the comparison keys
(:func:`lexicons.name_key`) of every gazetteer person it names, by full name, alias or surname, so
``--speaker Erdogan`` finds ``Recep Tayyip Erdoğan`` and ``--speaker "Sergei Lavrov"`` finds
``Sergey Lavrov``. A name outside the gazetteer matches when its words appear, in order, in the
speaker's name. Countries are compared by country, so ``--country Russian`` and ``--country RU``
mean Russia. Every criterion may be given several times: the values of one criterion are
alternatives (OR), different criteria must all hold (AND). A value that names nothing known (a
country diplo does not know; a name neither in the gazetteer nor among the run's speakers) is
reported by :meth:`Selector.unknown_countries` and :meth:`Selector.unmatched_names`, with the
closest known value as a suggestion.
Deliberate limit: filtering never re-runs extraction; it only selects from what was found.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields, replace

from diplo_cli.language.lexicons import Lexicon, name_key
from diplo_cli.models import Document, Meeting, Statement


class NameQuery:
    """A person's name as typed by a user, matched against resolved names."""

    def __init__(self, query: str, lexicon: Lexicon):
        self.query = query
        key = name_key(query)
        self.words = tuple(key.split())
        self.keys = {key}
        people = list(lexicon.person_by_alias.get(key, ())) or list(lexicon.person_by_surname.get(key, ()))
        self.known = bool(people)
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
        self.query = query
        self.keys = {name_key(query)}
        country = lexicon.country_of_word(query) or lexicon.country_codes.get(query.strip().upper())
        if country:
            self.keys.add(name_key(country))
        self.known = country is not None

    def matches(self, country: str | None) -> bool:
        return bool(country) and name_key(country) in self.keys


@dataclass(frozen=True)
class Selection:
    """What the user asked for; every criterion is optional and they all must hold. A criterion's
    values are alternatives: ``speaker=("Lavrov", "Blinken")`` keeps the statements of either."""

    speaker: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    about_meeting: bool = False
    meeting_with: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    statement_statuses: tuple[str, ...] = ()
    min_confidence: float = 0.0

    def __post_init__(self):
        for field in fields(self):  # one value may be given as a plain string
            value = getattr(self, field.name)
            if isinstance(value, str):
                object.__setattr__(self, field.name, (value,))
            elif value is None:
                object.__setattr__(self, field.name, ())

    @property
    def active(self) -> bool:
        return bool(self.speaker or self.country or self.kinds or self.about_meeting or self.meeting_with or self.statuses
                    or self.statement_statuses or self.min_confidence)

    @property
    def selects_statements(self) -> bool:
        """Criteria on who spoke, how, with what confidence and what they asserted, which choose meetings
        only through their statements."""
        return bool(self.speaker or self.country or self.kinds or self.statement_statuses or self.min_confidence)


class Selector:
    """A :class:`Selection` compiled against a lexicon, applied document by document."""

    def __init__(self, selection: Selection, lexicon: Lexicon):
        self.selection = selection
        self.lexicon = lexicon
        self.speakers = [NameQuery(q, lexicon) for q in selection.speaker]
        self.countries = [CountryQuery(q, lexicon) for q in selection.country]
        self.partners = [(NameQuery(q, lexicon), CountryQuery(q, lexicon)) for q in selection.meeting_with]
        self.matched: set[str] = set()  # the --speaker and --meeting-with values that matched something
        self.seen_names: set[str] = set()  # speakers and participants of the run, for suggestions

    def _partner_matches(self, meeting: Meeting) -> bool:
        if not self.partners:
            return True
        self.seen_names.update(p.name for p in meeting.participants)
        found = False
        for name, country in self.partners:
            if any(name.matches(p.name) or country.matches(p.country) or country.matches(p.name) for p in meeting.participants):
                self.matched.add(name.query)
                found = True
        return found

    def _meeting_matches(self, meeting: Meeting) -> bool:
        return self._partner_matches(meeting) and (not self.selection.statuses or meeting.status in self.selection.statuses)

    def _speaker_matches(self, statement: Statement, meetings: dict[str, Meeting]) -> bool:
        """The criteria on the statement itself: who spoke, how, and the meeting status it asserts."""
        if self.selection.statement_statuses and _asserted_status(statement, meetings) not in self.selection.statement_statuses:
            return False
        speaker = statement.speaker
        if self.speakers:
            self.seen_names.add(speaker.name)
            found = [q for q in self.speakers if q.matches(speaker.name) or q.matches(speaker.mention.text)]
            self.matched.update(q.query for q in found)
            if not found:
                return False
        if self.countries and not any(q.matches(speaker.country) for q in self.countries):
            return False
        if statement.confidence < self.selection.min_confidence:
            return False
        return not self.selection.kinds or statement.kind in self.selection.kinds

    def _statement_matches(self, statement: Statement, meetings: dict[str, Meeting]) -> bool:
        if not self._speaker_matches(statement, meetings):
            return False
        meeting = meetings.get(statement.meeting or "")
        if (self.selection.about_meeting or self.partners or self.selection.statuses) and meeting is None:
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

    def unknown_countries(self) -> list[str]:
        """A warning for each --country value that is no country, demonym, place or code diplo knows."""
        known = {name_key(word): country for word, country in (*self.lexicon.countries.items(), *self.lexicon.adjectives.items())}
        return [f"--country {q.query!r} is no country diplo knows{_suggestion(q.query, known)}"
                for q in self.countries if not q.known]

    def unmatched_names(self) -> list[str]:
        """After the run: a warning for each --speaker or --meeting-with value that matched nothing and
        that the gazetteer does not know either (a typo, most likely)."""
        known = {name_key(name): name for name in self.seen_names}
        for person in self.lexicon.persons:
            known.setdefault(name_key(person.name), person.name)
            known.setdefault(name_key(person.name.split()[-1]), person.name.split()[-1])
        queries = [("--speaker", q, q.known) for q in self.speakers]
        queries += [("--meeting-with", name, name.known or country.known) for name, country in self.partners]
        return [f"{option} {q.query!r} matched nothing{_suggestion(q.query, known)}"
                for option, q, is_known in queries if q.query not in self.matched and not is_known]


def _suggestion(query: str, known: dict[str, str]) -> str:
    """``; did you mean 'X'?`` for the known value closest to ``query`` (folded keys to display names)."""
    close = difflib.get_close_matches(name_key(query), list(known), n=1, cutoff=0.8)
    return f"; did you mean {known[close[0]]!r}?" if close else ""


def _asserted_status(statement: Statement, meetings: dict[str, Meeting]) -> str | None:
    """The meeting status a statement's own content asserts; the meeting's when it asserts none."""
    if statement.meeting_status:
        return statement.meeting_status
    meeting = meetings.get(statement.meeting or "")
    return meeting.status if meeting else None
