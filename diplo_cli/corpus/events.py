"""Many documents at once: the corpus summary and cross-document events.

Both work on the records diplo prints (``Meeting.to_dict`` / ``Statement.to_dict``), document by
document, so they read extracted documents and saved JSON Lines alike, and both keep only their
aggregates: memory grows with the number of distinct participant sets, countries, dates and
events, not with the number of documents.

A meeting's date is its normalised ``time["date"]`` (an ISO date or an ``A/B`` range) when the
time normaliser provides one, else the time as written, else ``undated``.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import hashlib
import itertools
import json
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from diplo_cli.errors import RuleError
from diplo_cli.language.codes import country_codes
from diplo_cli.language.datafiles import data_text
from diplo_cli.language.lexicons import name_key

UNDATED = "undated"
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}(?:/|$)")  # 2023, 2023-06, 2023-06-19, or a range starting so


def meeting_date(record: dict) -> str:
    """The meeting's normalised date when known, else its time as written, else ``undated``."""
    time = record.get("time") or {}
    return time.get("date") or time.get("text") or UNDATED


def normalised_date(record: dict) -> str | None:
    time = record.get("time") or {}
    return time.get("date") or None


def participant_names(record: dict) -> tuple[str, ...]:
    return tuple(sorted((p["name"] for p in record.get("participants") or ()), key=name_key))


def _timeline_key(date: str) -> tuple[int, str]:
    """ISO dates first, in order; then dates as written; ``undated`` last."""
    if date == UNDATED:
        return (2, date)
    return (0, date) if _ISO_DATE.match(date) else (1, date.casefold())


class Summary:
    """Counts over a corpus: meetings by participants, type and status; speakers by country;
    meetings by date. Feed it documents' records with :meth:`add`, read :meth:`to_dict`."""

    def __init__(self) -> None:
        self.documents = 0
        self.meetings = 0
        self.statements = 0
        self.by_participants: Counter[tuple[tuple[str, ...], str, str]] = Counter()
        self.speakers: dict[str | None, Counter[str]] = {}  # country -> speaker name -> statements
        self.timeline: Counter[str] = Counter()

    def add(self, doc: str, statements: Iterable[dict], meetings: Iterable[dict]) -> None:
        self.documents += 1
        for statement in statements:
            self.statements += 1
            speaker = statement["speaker"]
            self.speakers.setdefault(speaker.get("country"), Counter())[speaker["name"]] += 1
        for meeting in meetings:
            self.meetings += 1
            self.by_participants[(participant_names(meeting), meeting["type"], meeting["status"])] += 1
            self.timeline[meeting_date(meeting)] += 1

    def to_dict(self) -> dict:
        countries = []
        for country, speakers in self.speakers.items():
            countries.append({
                "country": country, "country_codes": country_codes(country), "statements": sum(speakers.values()),
                "speakers": [{"name": name, "statements": n} for name, n in sorted(speakers.items(), key=lambda item: (-item[1], item[0]))],
            })
        countries.sort(key=lambda row: (-row["statements"], row["country"] is None, row["country"] or ""))
        meetings = [{"participants": list(names), "type": mtype, "status": status, "meetings": n}
                    for (names, mtype, status), n in self.by_participants.items()]
        meetings.sort(key=lambda row: (-row["meetings"], [name_key(n) for n in row["participants"]], row["type"], row["status"]))
        timeline = [{"date": date, "meetings": n} for date, n in sorted(self.timeline.items(), key=lambda item: _timeline_key(item[0]))]
        return {"documents": self.documents, "statements": self.statements, "meetings": self.meetings,
                "meetings_by_participants": meetings, "speakers_by_country": countries, "timeline": timeline}


# ------------------------------------------------------------------------------ cross-document events

GROUPING_FILE = "event_grouping.toml"


@dataclass(frozen=True)
class GroupingRule:
    id: str
    kind: str  # "veto" refuses a join, "join" accepts one
    why: str
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[dict, ...] = ()


@dataclass(frozen=True)
class GroupingRules:
    """The event stage's rule table (``data/<lang>/event_grouping.toml``): its settings and rules by id."""

    families: dict[str, str]
    report_window_days: int
    min_shared: int
    tie_meetings_days: int = 31
    tie_reports_days: int = 7
    min_share_of_larger: float = 0.5
    rules: dict[str, GroupingRule] = field(default_factory=dict)

    def family(self, meeting_type: str) -> str:
        return self.families.get(meeting_type, meeting_type)


@functools.cache
def grouping_rules(language: str = "en") -> GroupingRules:
    """The grouping rules of ``language``'s data folder; a rule without id, kind or why is a RuleError."""
    return parse_grouping_rules(data_text(GROUPING_FILE, language), f"data/{language}/{GROUPING_FILE}")


def parse_grouping_rules(text: str, source: str) -> GroupingRules:
    """A grouping rule table's text; a malformed table, or one without a rule the grouper applies, is a RuleError naming ``source``."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source}: {exc}") from None
    settings = table.get("settings", {})
    rules = {}
    for number, row in enumerate(table.get("rule", []), 1):
        if not all(isinstance(row.get(key), str) and row[key] for key in ("id", "kind", "why")) or row["kind"] not in ("veto", "join"):
            raise RuleError(f"{source}: rule {number} needs an id, a kind (veto or join) and a why")
        rules[row["id"]] = GroupingRule(row["id"], row["kind"], row["why"], tuple(row.get("examples", ())),
                                        tuple(row.get("counterexamples", ())))
    missing = sorted(set(RULE_IDS) - set(rules))
    if missing:
        raise RuleError(f"{source}: no rule {', '.join(missing)}")
    return GroupingRules(dict(settings.get("families", {})), int(settings.get("report_window_days", 14)),
                         int(settings.get("min_shared", 2)), int(settings.get("tie_meetings_days", 31)),
                         int(settings.get("tie_reports_days", 7)), float(settings.get("min_share_of_larger", 0.5)), rules)


# The rules the mechanism applies, by id (each with its why and examples in the table).
VETO_FAMILY, VETO_PLACE, VETO_MEETING_DATE, VETO_WINDOW, VETO_ORDER, VETO_EARLY = (
    "events.veto.type_family", "events.veto.place", "events.veto.meeting_date", "events.veto.report_window",
    "events.veto.held_before_planned", "events.veto.held_before_date")
VETO_AMBIGUOUS = "events.veto.one_side_ambiguous"
VETO_CALENDAR = "events.veto.calendar_time"
VETO_HELD_AGAIN = "events.veto.held_again"
JOIN_SAME, JOIN_WITHIN, JOIN_ONE_SIDE, JOIN_UNDATED = (
    "events.join.same_participants", "events.join.participants_within", "events.join.one_side_dated",
    "events.join.undated_same_place")
RULE_IDS = (VETO_FAMILY, VETO_PLACE, VETO_MEETING_DATE, VETO_CALENDAR, VETO_WINDOW, VETO_HELD_AGAIN, VETO_ORDER, VETO_EARLY, VETO_AMBIGUOUS, JOIN_SAME, JOIN_WITHIN, JOIN_ONE_SIDE, JOIN_UNDATED)
NOT_YET_HELD = frozenset({"planned", "proposed"})


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown is compatible with anything; two normalised dates (``YYYY[-MM[-DD]]`` or ``A/B``
    ranges) are compatible when their periods overlap."""
    if not a or not b:
        return True
    start_a, end_a = _period(a)
    start_b, end_b = _period(b)
    return start_a <= end_b and start_b <= end_a


def _period(date: str) -> tuple[str, str]:
    """The first and last day of a normalised date or range, as comparable ``YYYY-MM-DD`` strings."""
    first, _, last = date.partition("/")
    last = last or first
    return _pad(first, "01"), _pad(last, "31")


def _pad(date: str, day_fill: str) -> str:
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-{'01' if day_fill == '01' else '12'}-{day_fill}"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-{day_fill}"
    return date


def _day(date: str | None) -> datetime.date | None:
    """A document date's day (``2023-06-18``, ``2023-06-18T09:30Z``), None for any other text."""
    try:
        return datetime.date.fromisoformat(date.strip()[:10]) if date else None
    except ValueError:
        return None


# A time as written is read against these dates, in different years and seasons: a calendar date
# (July, October 13, mid-June) gives the same month and day against each, a relative one (Friday,
# next week) does not; one naming its year (November 2006) gives the same year too.
_CALENDAR_ANCHORS = (datetime.date(2001, 3, 15), datetime.date(2002, 9, 15), datetime.date(2003, 12, 20))

# A meeting's calendar time: its year when known, and the first and last month-day (``MM-DD``).
Calendar = tuple[str | None, str, str]


@functools.lru_cache(maxsize=4096)
def _written_calendar(text: str) -> Calendar | None:
    """The calendar time a time as written names whatever year its undated document is from, else None."""
    from diplo_cli.timenorm import normalise_time

    periods = set()
    for anchor in _CALENDAR_ANCHORS:
        value = normalise_time(text, anchor)
        if value is None:
            return None
        periods.add(_period(value.date))
    if len({(first[5:], last[5:]) for first, last in periods}) != 1:
        return None  # relative to the document's date: Friday, next week
    first, last = next(iter(periods))
    if first[:4] != last[:4]:
        return None  # across a new year
    return (first[:4] if len(periods) == 1 else None), first[5:], last[5:]


def calendar_time(record: dict) -> Calendar | None:
    """A meeting's calendar time: from its normalised date, else from its time as written when that
    names calendar days or months (an undated document's ``July``: year unknown); None otherwise."""
    date = normalised_date(record)
    if date:
        first, last = _period(date)
        return (first[:4], first[5:], last[5:]) if first[:4] == last[:4] and _ISO_DATE.match(date) else None
    text = (record.get("time") or {}).get("text")
    return _written_calendar(" ".join(text.split())) if text else None


def calendars_apart(a: Calendar | None, b: Calendar | None) -> bool:
    """Do two calendar times never fall together: different years, or month-days that do not overlap?"""
    if a is None or b is None:
        return False
    if a[0] and b[0] and a[0] != b[0]:
        return True
    return a[2] < b[1] or b[2] < a[1]


def participant_keys(record: dict) -> frozenset[str]:
    return frozenset(name_key(p["name"]) for p in record.get("participants") or ())


def event_key(record: dict, rules: GroupingRules | None = None) -> tuple[str, str]:
    """The key an event is created with, hashed into its id: the participants (as name keys) and
    the type family of its first report."""
    return "|".join(sorted(participant_keys(record))), (rules or grouping_rules()).family(record["type"])


def event_id(key: tuple[str, str], place: str | None, date: str | None) -> str:
    """A stable id: a hash of the event's key and the first place and normalised date it was reported with."""
    text = "\x1f".join((*key, place or "", date or ""))
    return "e" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class Event:
    """One real event reported by one or more documents."""

    __slots__ = ("calendar", "date", "days", "destinations", "documents", "first_held", "first_reported", "id", "key", "last_planned", "last_updated", "mentions",
                 "names", "number", "participants", "place", "place_country", "place_key", "reported", "statements", "status_history",
                 "type")

    def __init__(self, key: tuple[str, str], record: dict, number: int = 0) -> None:
        self.number = number  # creation order, to prefer the earliest of several candidates
        self.key = key
        self.names: frozenset[str] = frozenset()
        self.participants: list[dict] = []
        self.type = record["type"]
        self.place = _place(record)
        self.place_key = self.place and name_key(self.place)
        self.place_country: str | None = None  # the country the place stands for (set by the grouper)
        self.destinations: frozenset[str] = frozenset()  # the countries its visit reports name among the participants
        self.date = normalised_date(record)
        self.days = _days(self.date)  # the meeting date's first and last day
        self.calendar = calendar_time(record)
        self.id = event_id(key, self.place_key, self.date)
        self.documents: list[str] = []
        self.statements: list[dict] = []
        self.status_history: list[dict] = []
        self.first_reported: str | None = None
        self.last_updated: str | None = None
        self.reported: tuple[datetime.date, datetime.date] | None = None  # the first and last document day
        self.first_held: datetime.date | None = None  # the earliest document date reporting it held
        self.last_planned: datetime.date | None = None  # the latest document date reporting it planned or proposed
        self.mentions: list[dict] = []

    def absorb(self, record: dict) -> list[str]:
        """Take in the record's participants the event does not have yet; returns their name keys."""
        new = []
        for participant in record.get("participants") or ():
            key = name_key(participant["name"])
            if key not in self.names and key not in new:
                new.append(key)
                self.participants.append(dict(participant))
        self.names = self.names | frozenset(new)
        return new

    def add(self, record: dict, document_date: str | None, statement_ids: Iterable[dict], grouped_by: str | None = None) -> None:
        doc = record["doc"]
        if doc not in self.documents:
            self.documents.append(doc)
        self.mentions.append({"doc": doc, "id": record["id"], "grouped_by": grouped_by})
        self.statements.extend(statement_ids)
        if not self.place and _place(record):
            self.place = _place(record)
            self.place_key = name_key(self.place)
        self.place_country = place_country(self.place)
        self.destinations |= destinations(record)
        date = _narrower(self.date, normalised_date(record))
        if date != self.date:
            self.date, self.days = date, _days(date)
        self.calendar = _narrower_calendar(self.calendar, calendar_time(record))
        if record["type"] != self.type and self.type in ("other", "meeting") and record["type"] not in ("other", "meeting"):
            self.type = record["type"]  # the more specific report names the type
        if not self.status_history or self.status_history[-1]["status"] != record["status"]:
            self.status_history.append({"status": record["status"], "doc": doc, "date": document_date})
        self._dated(record["status"], document_date)

    def _dated(self, status: str, document_date: str | None) -> None:
        if document_date:
            if self.first_reported is None or document_date < self.first_reported:
                self.first_reported = document_date
            if self.last_updated is None or document_date > self.last_updated:
                self.last_updated = document_date
        day = _day(document_date)
        if day is None:
            return
        self.reported = (min(day, self.reported[0]), max(day, self.reported[1])) if self.reported else (day, day)
        if status == "held" and (self.first_held is None or day < self.first_held):
            self.first_held = day
        if status in NOT_YET_HELD and (self.last_planned is None or day > self.last_planned):
            self.last_planned = day

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "status": self.status_history[-1]["status"] if self.status_history else "unknown",
            "participants": self.participants, "place": self.place, "date": self.date,
            "documents": self.documents, "meetings": self.mentions, "statements": self.statements,
            "first_reported": self.first_reported, "last_updated": self.last_updated, "status_history": self.status_history,
        }


def _place(record: dict) -> str | None:
    place = record.get("place")
    return place.get("text") if place else None


@functools.cache
def place_country(place: str | None) -> str | None:
    """The country a place names or stands for by the country table (``countries.tsv``: the country,
    its capitals and metonyms: Moscow, the Kremlin, Downing Street), else None (a city it does not list)."""
    if not place:
        return None
    from diplo_cli.language.lexicons import default_lexicon  # here: --records runs need it only for places

    countries = default_lexicon().countries
    text = " ".join(place.split()).casefold()
    return countries.get(text) or countries.get(text.removeprefix("the "))


def destinations(record: dict) -> frozenset[str]:
    """The countries a visit names among its participants (``Lind will travel to Chile and
    Germany``: its stops), by the country table; empty for other types."""
    if record["type"] != "visit":
        return frozenset()
    return frozenset(filter(None, (place_country(p["name"]) for p in record.get("participants") or ())))


def homes(participants: Iterable[dict]) -> frozenset[str]:
    """The participants' own countries: each one's country, and a country (or capital) named as a participant."""
    return frozenset(filter(None, (country for p in participants for country in (p.get("country"), place_country(p["name"])))))


class Report:
    """What the grouping rules read of one meeting record, worked out once: its name keys, type
    family, place key, meeting date and its days, document day and status."""

    __slots__ = ("calendar", "date", "day", "days", "destinations", "family", "homes", "names", "place_country", "place_key", "status")

    def __init__(self, record: dict, document_date: str | None, rules: GroupingRules) -> None:
        self.names = participant_keys(record)
        self.family = rules.family(record["type"])
        place = _place(record)
        self.place_key = place and name_key(place)
        self.place_country = place_country(place)
        self.destinations = destinations(record)
        self.homes = homes(record.get("participants") or ())
        self.date = normalised_date(record)
        self.days = _days(self.date)
        self.calendar = calendar_time(record)
        self.day = _day(document_date)
        self.status = record["status"]


@dataclass(frozen=True)
class Verdict:
    """Whether a meeting may join an event: the rule that decided (a join rule, a veto, or None when
    no join rule accepted it) and, for a join, how far apart their dates are (days; None undated)."""

    joins: bool
    rule: str | None
    distance: int | None = None


def judge(event: Event, report: Report, rules: GroupingRules) -> Verdict:
    """Apply the grouping rules (``event_grouping.toml``) to a meeting and an event of other documents."""
    tied = _tight(report.days, rules.tie_meetings_days) and _tight(event.days, rules.tie_meetings_days)
    distance = None if tied else _date_distance(event, report, rules.tie_reports_days)
    veto = _veto(event, report, rules, distance)
    if veto is not None:
        return veto
    names, shared = report.names, len(report.names & event.names)
    if not (names <= event.names or event.names <= names) or not shared:
        return Verdict(False, None)
    if tied or distance is not None:
        if names == event.names and shared >= 2:
            return Verdict(True, JOIN_SAME, distance)
        if shared < rules.min_shared:
            return Verdict(True, JOIN_ONE_SIDE, distance)
        if shared >= rules.min_share_of_larger * max(len(names), len(event.names)):
            return Verdict(True, JOIN_WITHIN, distance)
    if names == event.names and shared >= 2 and report.place_key and event.place_key \
            and not {report.place_country, event.place_country} & (report.homes | homes(event.participants)):
        return Verdict(True, JOIN_UNDATED)
    return Verdict(False, None)


def _veto(event: Event, report: Report, rules: GroupingRules, distance: int | None) -> Verdict | None:
    """The first veto rule that refuses the report joining the event, else None (``distance``: the
    days between them when no meeting dates tie them, see :func:`_date_distance`)."""
    if event.key[1] != report.family:
        return Verdict(False, VETO_FAMILY)
    if report.place_key and event.place_key and report.place_key != event.place_key \
            and not (report.place_country and report.place_country == event.place_country) \
            and report.place_country not in event.destinations and event.place_country not in report.destinations:
        return Verdict(False, VETO_PLACE)
    if report.date and event.date and not dates_compatible(report.date, event.date):
        return Verdict(False, VETO_MEETING_DATE)
    if calendars_apart(report.calendar, event.calendar):
        return Verdict(False, VETO_CALENDAR)
    if distance is not None and distance > rules.report_window_days:
        return Verdict(False, VETO_WINDOW)
    if distance is not None and report.status == "held" and report.day is not None and event.first_held is not None \
            and (report.day - event.first_held).days > rules.report_window_days:
        return Verdict(False, VETO_HELD_AGAIN)  # the window runs from the first held report: reports do not chain a series
    day = report.day
    if day is not None and (report.status in NOT_YET_HELD and event.first_held is not None and day > event.first_held
                            or report.status == "held" and event.last_planned is not None and day < event.last_planned):
        return Verdict(False, VETO_ORDER)
    # A held report dated before its own meeting date contradicts itself: its status is misread, not
    # its meeting an earlier one, so it is not held against the other side's date.
    held_on = day if report.status == "held" and not _held_too_early(day, report.days) else None
    event_held_on = event.first_held if not _held_too_early(event.first_held, event.days) else None
    if _held_too_early(held_on, event.days) or _held_too_early(event_held_on, report.days):
        return Verdict(False, VETO_EARLY)
    return None


def _narrower_calendar(calendar: Calendar | None, other: Calendar | None) -> Calendar | None:
    """Of two compatible calendar times the one naming its year, then the shorter (the first at a tie)."""
    if calendar is None or other is None:
        return calendar or other
    return other if _calendar_rank(other) < _calendar_rank(calendar) else calendar


def _calendar_rank(calendar: Calendar) -> tuple[bool, int]:
    """Year unknown last, then the longer period (in days, a month counted as 31)."""
    def day_number(month_day: str) -> int:
        return int(month_day[:2]) * 31 + int(month_day[3:])
    return calendar[0] is None, day_number(calendar[2]) - day_number(calendar[1])


def _narrower(date: str | None, other: str | None) -> str | None:
    """Of two compatible normalised dates the one naming the shorter period (the first at equal length):
    "2023" then "2023-06-19" dates the event on the day."""
    if not date or not other:
        return date or other
    days, other_days = _days(date), _days(other)
    if days is None or other_days is None:
        return date
    return other if (other_days[1] - other_days[0]) < (days[1] - days[0]) else date


def _held_too_early(held_on: datetime.date | None, days: tuple[datetime.date, datetime.date] | None) -> bool:
    """Is a report of the meeting as held dated before the first day of its meeting date?"""
    return held_on is not None and days is not None and held_on < days[0]


def _days(date: str | None) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of a normalised date or ``A/B`` range; None when it is not one."""
    if not date:
        return None
    first, last = _period(date)
    year, month, day = (int(part) for part in last.split("-")) if re.fullmatch(r"\d{4}-\d\d-\d\d", last) else (0, 0, 0)
    try:
        return datetime.date.fromisoformat(first), datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return None


def _tight(days: tuple[datetime.date, datetime.date] | None, most_days: int) -> bool:
    """Is a period known and shorter than ``most_days`` days?"""
    return days is not None and (days[1] - days[0]).days < most_days


def _gap(a: tuple[datetime.date, datetime.date], b: tuple[datetime.date, datetime.date]) -> int:
    """Days between two periods, 0 when they overlap."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def _date_distance(event: Event, report: Report, most_days: int) -> int | None:
    """Days between a report and an event by the dates both have: the report's document date to the
    event's reported span or to its meeting date, the report's meeting date to the event's reported
    span (a meeting date longer than ``most_days`` does not count); None when no such pair is known."""
    own = (report.day, report.day) if report.day else None
    meeting = event.days if _tight(event.days, most_days) else None
    said = report.days if _tight(report.days, most_days) else None
    gaps = [_gap(a, b) for a, b in ((own, event.reported), (own, meeting), (said, event.reported)) if a and b]
    return min(gaps) if gaps else None


SUBSET_LOOKUP_MOST = 6  # participants up to which the events of every subset are looked up; beyond, each name's events are scanned


class EventGrouper:
    """Groups meeting records of many documents into events, in document order.

    Documents are added one at a time (:meth:`add`); only the events are kept, so memory is
    bounded by their number. A record joins an event of another document that the grouping rules
    (``data/en/event_grouping.toml``: vetoes, then join rules) accept, else starts a new one; of
    several, the one with exactly the same participants, then the nearest in date, then the
    earliest. Only events whose participants are all the record's, or include all the record's,
    are judged (looked up by name and by participant set). With ``explain``, each mention keeps
    the rules that refused the other candidates."""

    def __init__(self, rules: GroupingRules | None = None, explain: bool = False) -> None:
        self.rules = rules or grouping_rules()
        self.explain = explain
        self._by_name: dict[str, list[Event]] = {}
        self._by_names: dict[frozenset[str], list[Event]] = {}
        self._ids: set[str] = set()
        self.events: list[Event] = []

    def add(self, doc: str, meetings: Iterable[dict], statements: Iterable[dict], document_date: str | None = None) -> None:
        about: dict[str, list[dict]] = {}
        for statement in statements:
            if statement.get("meeting"):
                about.setdefault(statement["meeting"], []).append(
                    {"doc": doc, "id": statement["id"], "speaker": statement["speaker"]["name"], "status": statement.get("meeting_status")})
        for record in meetings:
            if not record.get("participants"):
                continue  # a meeting of nobody named cannot be matched across reports
            event, verdict, refused = self._find(doc, Report(record, document_date, self.rules))
            if event is None:
                event = Event(event_key(record, self.rules), record, len(self.events))
                event.id = self._unique(event.id)
                self.events.append(event)
            self._index(event, record)
            event.add(record, document_date, about.get(record["id"], ()), verdict and verdict.rule)
            if self.explain:
                event.mentions[-1]["refused"] = refused

    def _index(self, event: Event, record: dict) -> None:
        before = event.names
        new = event.absorb(record)
        if not new:
            return
        for name in new:
            self._by_name.setdefault(name, []).append(event)
        if before:
            self._by_names[before].remove(event)
            if not self._by_names[before]:
                del self._by_names[before]
        self._by_names.setdefault(event.names, []).append(event)

    def _candidates(self, names: frozenset[str]) -> list[Event]:
        """The events whose participants include all of ``names`` or are all among them, in creation order."""
        lists = [self._by_name.get(name, []) for name in names]
        found = {id(e): e for e in min(lists, key=len) if names <= e.names}
        if len(names) <= SUBSET_LOOKUP_MOST:
            ordered = sorted(names)
            for size in range(1, len(ordered) + 1):
                for subset in itertools.combinations(ordered, size):
                    found.update((id(e), e) for e in self._by_names.get(frozenset(subset), ()))
        else:
            found.update((id(e), e) for events in lists for e in events if e.names <= names)
        return sorted(found.values(), key=lambda e: e.number)

    def _find(self, doc: str, report: Report) -> tuple[Event | None, Verdict | None, list[dict]]:
        joinable, refused = [], []
        for event in self._candidates(report.names):
            if doc in event.documents:
                continue
            verdict = judge(event, report, self.rules)
            if verdict.joins:
                joinable.append((verdict.rule != JOIN_SAME, verdict.distance if verdict.distance is not None else 0, event.number,
                                 event, verdict))
            else:
                refused.append({"event": event.id, "rule": verdict.rule})
        if len(joinable) > 1 and all(v.rule == JOIN_ONE_SIDE for *_, v in joinable):
            # one name shared with several events tied by dates: which one the report is about is a guess
            return None, None, refused + [{"event": e.id, "rule": VETO_AMBIGUOUS} for *_, e, _ in joinable]
        if not joinable:
            return None, None, refused
        *_, event, verdict = min(joinable, key=lambda row: row[:3])
        return event, verdict, refused

    def _unique(self, event_id: str) -> str:
        """Two events with the same key (one document reporting two such meetings, or a place or
        date telling them apart only later) get ``-2``, ``-3`` ... in the order they were first reported."""
        unique, number = event_id, 1
        while unique in self._ids:
            number += 1
            unique = f"{event_id}-{number}"
        self._ids.add(unique)
        return unique

    def to_dicts(self) -> list[dict]:
        return [event.to_dict() for event in self.events]


def documents_from_records(lines: Iterable[str], on_error) -> Iterator[tuple[str, list[dict], list[dict], str | None]]:
    """Saved meeting records (``diplo meetings --format jsonl``, with ``--statements`` for their
    statements) as ``(doc, meetings, statements, document_date)`` per run of consecutive records of
    one document, so events can be regrouped without extracting again. A line that is not a meeting
    record goes to ``on_error(N, reason)`` (N its line number) and is skipped."""
    doc, meetings, statements, document_date = None, [], [], None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            on_error(number, f"not JSON ({exc})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("participants"), list) or "doc" not in record \
                or not isinstance(record.get("type"), str) or not isinstance(record.get("status"), str):
            on_error(number, "not a meeting record (doc, type, status, participants)")
            continue
        if record["doc"] != doc and doc is not None:
            yield doc, meetings, statements, document_date
            meetings, statements = [], []
        doc = record["doc"]
        document_date = record.get("document_date")
        meetings.append(record)
        statements.extend(s for s in record.get("statement_records") or () if isinstance(s, dict) and "speaker" in s)
    if doc is not None:
        yield doc, meetings, statements, document_date


def explain_rows(event: dict, rules: GroupingRules | None = None) -> list[tuple[str, str, str, str, str]]:
    """Why each mention of an event (from an ``EventGrouper(explain=True)``) is in it: per mention its
    document, meeting id, the rule that joined it (or ``new event``) with its why, and the other
    events it was kept from with the rule that refused each (``--explain``)."""
    rules = rules or grouping_rules()
    rows = []
    for mention in event["meetings"]:
        rule = mention.get("grouped_by")
        decision = f"{rule}: {rules.rules[rule].why}" if rule else "new event"
        refused = "; ".join(f"{r['event']} ({r['rule'] or 'no join rule'})" for r in mention.get("refused") or ())
        rows.append((mention["doc"], mention["id"], "joined" if rule else "new", decision, refused))
    return rows


def status_line(event: dict) -> str:
    """``proposed 2023-06-02 → planned 2023-06-12 → held``: the status history for people."""
    return " → ".join(f"{step['status']} {step['date']}" if step.get("date") else step["status"] for step in event["status_history"])


# ------------------------------------------------------------------------------ tables for a terminal

def summary_tables(summary: dict, ascii_only: bool, table_factory) -> list:
    """The summary as three rich tables (``table_factory(ascii_only, title)`` makes an empty table)."""
    from diplo_cli.render import safe
    pairs = table_factory(ascii_only, f"meetings by participants ({summary['meetings']} in {summary['documents']} documents)")
    for column, justify in (("participants", "left"), ("type", "left"), ("status", "left"), ("meetings", "right")):
        pairs.add_column(column, justify=justify)
    for row in summary["meetings_by_participants"]:
        pairs.add_row(safe(" – ".join(row["participants"])), row["type"], row["status"], str(row["meetings"]))
    speakers = table_factory(ascii_only, f"speakers by country ({summary['statements']} statements)")
    for column, justify in (("country", "left"), ("cameo", "left"), ("statements", "right"), ("speakers (statements)", "left")):
        speakers.add_column(column, justify=justify)
    for row in summary["speakers_by_country"]:
        names = safe(", ".join(f"{s['name']} ({s['statements']})" for s in row["speakers"]))
        speakers.add_row(safe(row["country"] or "unknown"), (row["country_codes"] or {}).get("cameo") or "", str(row["statements"]), names)
    timeline = table_factory(ascii_only, "timeline")
    timeline.add_column("date")
    timeline.add_column("meetings", justify="right")
    for row in summary["timeline"]:
        timeline.add_row(safe(row["date"]), str(row["meetings"]))
    return [pairs, speakers, timeline]
