"""Calendar values for meeting times, anchored to the article's date.

A meeting's time is a span of the text (``next Tuesday``, ``mid-June``, ``2019``). Given the
date the article was written (the *anchor*: ``extract(date=...)``, ``--date``, or a dateline
such as ``BEIJING, June 18 (Reuters) -``), the span also gets an ISO 8601 value and its
precision:

- ``day``: one day (``2023-06-20``) or a run of named days (``2023-06-19/2023-06-21``);
- ``week``: the Monday-to-Sunday range of an ISO week (``next week``);
- ``month``: a month (``2023-06``), or the days of a part of one (``mid-June`` ->
  ``2023-06-11/2023-06-20``);
- ``year``: a year (``2019``).

Words and patterns are data (``data/en/time_values.toml``). With no anchor, or an expression with
no calendar value (``soon``, ``in the coming weeks``), there is no value: nothing is guessed.

An expression that leaves the direction open (``on Tuesday``, ``June 18`` without a year) is
resolved by the meeting's status: a held meeting looks back from the anchor, a planned or
proposed one forward, any other takes the nearest; a reading more than 300 days away in the
wanted direction gives way to the nearest (a status can be wrong; a date that far off rarely is).

Without an anchor the merging of meeting mentions still uses :func:`relative_days_differ`: two days
counted from the same article date (``today``, ``tomorrow``) differ whatever that date is.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from diplo_cli.language.datafiles import data_text

_PAST_STATUSES = frozenset({"held"})
_FUTURE_STATUSES = frozenset({"planned", "proposed"})
_FAR = 300  # days: a reading further off in the wanted direction gives way to the nearest


@dataclass(frozen=True, slots=True)
class TimeValue:
    """An ISO date (``2023-06-20``), month, year or ``start/end`` range, and its precision."""

    date: str
    precision: str  # day | week | month | year


def parse_date(value: str | datetime.date | None) -> datetime.date | None:
    """``YYYY-MM-DD`` (or a date) as a date; anything else is a ValueError naming the value."""
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ValueError(f"bad date {value!r} (expected YYYY-MM-DD)") from None


# ------------------------------------------------------------------------------ vocabulary

@dataclass(frozen=True, slots=True)
class _Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    month_parts: dict[str, tuple[int, int | None]]  # None: the month's last day
    days: dict[str, int]
    unit_shifts: dict[str, int]
    weekday_weeks: dict[str, int]
    day_range: regex.Pattern
    weekday: regex.Pattern
    month_date: regex.Pattern
    day_month: regex.Pattern
    unit: regex.Pattern
    year: regex.Pattern
    datelines: tuple[regex.Pattern, ...]
    undated_dateline: regex.Pattern
    full_dates: tuple[regex.Pattern, ...]
    lead_characters: int
    record_dates: tuple[regex.Pattern, ...]  # numeric dates of a record field: URL paths, slugs, stamps
    record_year: regex.Pattern
    ahead: regex.Pattern  # a word of [ahead]: the time lies after the article's date ('soon', 'later this')
    behind: regex.Pattern  # a word of [behind]: the time lies before it ('ago', 'recently', 'past')


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_vocabulary: _Vocabulary | None = None


def vocabulary() -> _Vocabulary:
    """The words and patterns of ``time_values.toml``, built once per process, or taken from the
    language cache (:func:`adopt_vocabulary`: its dozen patterns were a tenth of a cached run)."""
    global _vocabulary
    if _vocabulary is None:
        _vocabulary = _build_vocabulary()
    return _vocabulary


def adopt_vocabulary(built: _Vocabulary) -> None:
    """Use ``built`` (read back from the language cache, made from the same files) unless one is built already."""
    global _vocabulary
    if _vocabulary is None and isinstance(built, _Vocabulary):
        _vocabulary = built


def _build_vocabulary() -> _Vocabulary:
    data = tomllib.loads(data_text("time_values.toml"))
    months = {k.casefold(): v for k, v in data["months"].items()}
    weekdays = {k.casefold(): v for k, v in data["weekdays"].items()}
    parts = {k.casefold(): (v[0], None if v[1] == "end" else v[1]) for k, v in data["month_parts"].items()}
    month = rf"(?-i:{_alternation(data['months'])})\.?"
    weekday = rf"(?-i:{_alternation(data['weekdays'])})"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    joiner = r"\s*(?:-|–|to|and|through|until|or)\s*"
    year = r"(?:19|20)\d{2}"
    anchor = data["anchor"]
    return _Vocabulary(
        months=months, weekdays=weekdays, month_parts=parts,
        days={k.casefold(): v for k, v in data["days"].items()},
        unit_shifts={k.casefold(): v for k, v in data["unit_shifts"].items()},
        weekday_weeks={k.casefold(): v for k, v in data["weekday_weeks"].items()},
        day_range=regex.compile(rf"(?i)(?:the\s+)?(?P<which>{_alternation(data['days'])})"),
        weekday=regex.compile(
            rf"(?i)(?:(?P<which>{_alternation(data['weekday_weeks'])})\s+|(?P<ahead>{_alternation(data['weekday_ahead']['words'])})\s+)?(?:(?:late|early|later|earlier)\s+(?:on\s+)?)?(?P<first>{weekday})"
            rf"(?:\s+(?:morning|afternoon|evening|night))?(?:{joiner}(?P<last>{weekday}))?"),
        month_date=regex.compile(
            rf"(?i)(?:(?:the\s+)?(?P<part>{_alternation(parts)})(?:\s*-\s*|\s+)(?:of\s+)?)?(?P<month>{month})"
            rf"(?:\s+(?P<day>{day})(?:{joiner}(?:(?P<month2>{month})\s+)?(?P<day2>{day}))?)?(?:,?\s+(?P<year>{year})|\s+(?P<year_shift>last|this|next)\s+year)?"),
        day_month=regex.compile(rf"(?i)(?:the\s+)?(?P<day>{day})(?:{joiner}(?P<day2>{day}))?\s+(?:of\s+)?(?P<month>{month})(?:,?\s+(?P<year>{year}))?"),
        unit=regex.compile(rf"(?i)(?P<shift>{_alternation(data['unit_shifts'])})\s+(?P<unit>weekend|week|month|year)"),
        year=regex.compile(rf"(?P<year>{year})"),
        datelines=tuple(regex.compile(p) for p in anchor["datelines"]),
        undated_dateline=regex.compile(anchor["undated_dateline"]),
        full_dates=tuple(regex.compile(p) for p in anchor["full_dates"]),
        lead_characters=anchor["lead_characters"],
        record_dates=tuple(regex.compile(p) for p in data["record_date"]["numeric"]),
        record_year=regex.compile(data["record_date"]["year"]),
        ahead=regex.compile(rf"(?i)\b(?:{_alternation(data['ahead']['words'])})\b"),
        behind=regex.compile(rf"(?i)\b(?:{_alternation(data['behind']['words'])})\b"),
    )


def _number(text: str) -> int:
    return int(regex.match(r"\d+", text).group())


def _month(vocab: _Vocabulary, text: str) -> int | None:
    return vocab.months.get(text.rstrip(".").casefold())


# ------------------------------------------------------------------------------ the anchor

def _valid(year: int, month: int | None, day: int) -> datetime.date | None:
    if month is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _full_dates(vocab: _Vocabulary, text: str) -> Iterator[tuple[int, datetime.date]]:
    """(offset, date) of each valid full date written in ``text`` ('June 18, 2023', '18 June 2023'), pattern by pattern."""
    for pattern in vocab.full_dates:
        for found in pattern.finditer(text):
            if day := _valid(int(found["year"]), _month(vocab, found["month"]), int(found["day"])):
                yield found.start(), day


def document_anchor(text: str, year: int | None = None) -> datetime.date | None:
    """The article's date as its dateline writes it, or None.

    ``BEIJING, June 18 (Reuters) -`` takes its year from ``year`` (else from a full date in the
    lead); ``WASHINGTON (AP) —`` with no date of its own takes the first full date of the lead.
    """
    vocab = vocabulary()
    lead = text[:vocab.lead_characters]
    written = sorted(_full_dates(vocab, lead))
    lead_date = written[0][1] if written else None
    for pattern in vocab.datelines:
        found = pattern.match(lead)
        if not found:
            continue
        month = _month(vocab, found["month"])
        anchor_year = int(found["year"]) if found["year"] else year or (lead_date.year if lead_date else None)
        if month is not None and anchor_year is not None:
            return _valid(anchor_year, month, int(found["day"]))
        return None
    if lead_date is not None and vocab.undated_dateline.match(lead):
        return lead_date
    return None


_FIELD_CHARACTERS = 2000  # of a record field read for its date: a URL or a title, not an article


def written_date(value: object) -> tuple[datetime.date | None, int | None]:
    """The date a record field gives (``2023-06-18T09:30Z``, ``/briefings/2021/06/15/``, ``"Briefing, May 3,
    2021"``) and its year; else (None, a year it holds, ``"Talks in 2019"``); else (None, None)."""
    if value is None:
        return None, None
    text = str(value)[:_FIELD_CHARACTERS]
    vocab = vocabulary()
    for pattern in vocab.record_dates:
        for found in pattern.finditer(text):
            if day := _valid(int(found["year"]), int(found["month"]), int(found["day"])):
                return day, day.year
    for _, day in _full_dates(vocab, text):
        return day, day.year
    found = vocab.record_year.search(text)
    return None, int(found["year"]) if found else None


def dated_value(values: Iterable[object]) -> str | None:
    """Of a record's date fields in order of preference, the one to read its date from: the first that
    gives a full date, else the first that gives a year, else the first present (carried as given)."""
    present = [value for value in values if value is not None]
    readings = [written_date(value) for value in present]
    for wanted in (0, 1):
        for value, reading in zip(present, readings):
            if reading[wanted] is not None:
                return str(value)
    return str(present[0]) if present else None


# ------------------------------------------------------------------------------ resolution

def _direction(status: str | None) -> int:
    if status in _PAST_STATUSES:
        return -1
    if status in _FUTURE_STATUSES:
        return 1
    return 0


def _choose(candidates: list[tuple[datetime.date, datetime.date]], anchor: datetime.date, direction: int):
    """The candidate period in the wanted direction from the anchor (see the module docstring)."""
    def distance(period):
        start, end = period
        return 0 if start <= anchor <= end else min(abs((start - anchor).days), abs((end - anchor).days))

    nearest = min(candidates, key=distance)
    if direction < 0:
        wanted = [p for p in candidates if p[0] <= anchor]
        chosen = max(wanted, key=lambda p: p[0]) if wanted else nearest
    elif direction > 0:
        wanted = [p for p in candidates if p[1] >= anchor]
        chosen = min(wanted, key=lambda p: p[0]) if wanted else nearest
    else:
        chosen = nearest
    return chosen if distance(chosen) <= _FAR else nearest


def _days(start: datetime.date, end: datetime.date, precision: str = "day") -> TimeValue:
    if start == end:
        return TimeValue(start.isoformat(), precision)
    return TimeValue(f"{start.isoformat()}/{end.isoformat()}", precision)


def _week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.isoweekday() - 1)


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def normalise_time(span_text: str, anchor: datetime.date | None, status: str | None = None) -> TimeValue | None:
    """The calendar value of a meeting's time expression, or None (no anchor, or no value)."""
    if anchor is None:
        return None
    vocab = vocabulary()
    text = " ".join(span_text.split())
    direction = _direction(status)
    for resolve in (_relative_day, _relative_unit, _weekday, _month_date, _day_month, _year):
        value = resolve(vocab, text, anchor, direction)
        if value is not None:
            return value
    return None


# Article dates to try: every weekday and every place in a month
_REFERENCES = tuple(datetime.date(2001, 1, 1) + datetime.timedelta(days=n) for n in range(31))


@functools.lru_cache(maxsize=1024)
def relative_days_differ(a: str, b: str) -> bool:
    """Two days counted from the same (unknown) article date that differ whatever that date is:
    ``today`` and ``tomorrow``, ``yesterday`` and ``tonight``. Anything else (weekdays, dates,
    weeks, vague times) never differs here."""
    vocab = vocabulary()
    texts = [" ".join(a.split()), " ".join(b.split())]
    for reference in _REFERENCES:
        values = [_relative_day(vocab, text, reference, 0) for text in texts]
        if None in values or values[0] == values[1]:
            return False
    return True


def points_today(span_text: str) -> bool:
    """A time expression that names the article's own day whatever that date is (``today``, ``tonight``)."""
    vocab = vocabulary()
    text = " ".join(span_text.split())
    for reference in _REFERENCES:
        value = _relative_day(vocab, text, reference, 0)
        if value is None or value.date != reference.isoformat():
            return False
    return True


def points_ahead(span_text: str) -> bool:
    """A time expression that lies after the article's date whatever that date is (``tomorrow``,
    ``next week``, ``next Tuesday``), or one of the vague words for the future (``soon``, ``in the
    coming weeks``: ``[ahead]`` in time_values.toml)."""
    return _points(span_text, vocabulary().ahead, ahead=True)


def points_behind(span_text: str) -> bool:
    """A time expression that lies before the article's date whatever that date is (``yesterday``,
    ``last week``, ``two days ago``), or one with a word for the past (``last Friday``, ``earlier
    this week``: ``[behind]`` in time_values.toml)."""
    return _points(span_text, vocabulary().behind, ahead=False)


def _points(span_text: str, words: regex.Pattern, ahead: bool) -> bool:
    """``span_text`` names one of ``words`` (a pattern of the vocabulary, built once), or resolves, against
    each of the reference dates, to a period that starts after it (``ahead``) or ends before it (not ``ahead``)."""
    text = " ".join(span_text.split())
    if words.search(text):
        return True
    vocab = vocabulary()
    for reference in _REFERENCES[:7]:
        value = next((v for v in (resolve(vocab, text, reference, 0) for resolve in (_relative_day, _relative_unit)) if v is not None), None)
        if value is None:
            return False
        bound = value.date.split("/")[0 if ahead else -1]
        written = reference.isoformat()[:len(bound)]
        if (bound <= written) if ahead else (bound >= written):
            return False
    return True
    vocab = vocabulary()
    for reference in _REFERENCES[:7]:
        value = next((v for v in (resolve(vocab, text, reference, 0) for resolve in (_relative_day, _relative_unit)) if v is not None), None)
        if value is None or value.date.split("/")[-1] >= reference.isoformat()[:len(value.date.split("/")[-1])]:
            return False
    return True


def _relative_day(vocab, text, anchor, direction):
    found = vocab.day_range.fullmatch(text)
    if not found:
        return None
    day = anchor + datetime.timedelta(days=vocab.days[found["which"].casefold()])
    return _days(day, day)


def _relative_unit(vocab, text, anchor, direction):
    found = vocab.unit.fullmatch(text)
    if not found:
        return None
    shift = vocab.unit_shifts[" ".join(found["shift"].casefold().split())]
    unit = found["unit"].casefold()
    if unit in ("week", "weekend"):
        monday = _week_start(anchor) + datetime.timedelta(weeks=shift)
        if unit == "weekend":
            return _days(monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6))
        return _days(monday, monday + datetime.timedelta(days=6), "week")
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, shift)
        return TimeValue(f"{year:04d}-{month:02d}", "month")
    return TimeValue(f"{anchor.year + shift:04d}", "year")


def _weekday(vocab, text, anchor, direction):
    found = vocab.weekday.fullmatch(text)
    if not found:
        return None
    first = vocab.weekdays[found["first"].casefold()]
    last = vocab.weekdays[found["last"].casefold()] if found["last"] else first
    length = (last - first) % 7
    if found["which"]:
        start = _week_start(anchor) + datetime.timedelta(weeks=vocab.weekday_weeks[found["which"].casefold()], days=first - 1)
    else:
        behind = (anchor.isoweekday() - first) % 7  # days back to the last such weekday (0: the anchor's own)
        past = anchor - datetime.timedelta(days=behind)
        future = anchor + datetime.timedelta(days=(first - anchor.isoweekday()) % 7)
        if found["ahead"]:
            start = future if future > anchor else future + datetime.timedelta(weeks=1)
        elif direction < 0:
            start = past
        elif direction > 0:
            start = future
        else:
            start = past if behind <= 3 else future
    return _days(start, start + datetime.timedelta(days=length))


def _in_year(vocab, found, anchor, direction, build):
    """A date written with or without its year: ``build(year)`` gives (start, end) or None."""
    if found["year"]:
        period = build(int(found["year"]))
        return period
    year_shift = found.groupdict().get("year_shift")
    if year_shift:  # 'October last year': the year counted from the article's (time_values.toml unit_shifts)
        return build(anchor.year + vocab.unit_shifts[year_shift.casefold()])
    candidates = [p for p in (build(anchor.year + shift) for shift in (-1, 0, 1)) if p is not None]
    return _choose(candidates, anchor, direction) if candidates else None


def _month_date(vocab, text, anchor, direction):
    found = vocab.month_date.fullmatch(text)
    if not found:
        return None
    month = _month(vocab, found["month"])
    if found["day"]:
        month2 = _month(vocab, found["month2"]) if found["month2"] else month
        day, day2 = _number(found["day"]), _number(found["day2"]) if found["day2"] else None

        def build(year):
            start = _valid(year, month, day)
            end = _valid(year + (month2 < month), month2, day2) if day2 is not None else start
            return (start, end) if start and end and start <= end else None

        period = _in_year(vocab, found, anchor, direction, build)
        return _days(*period) if period else None
    part = vocab.month_parts.get(found["part"].casefold()) if found["part"] else None

    def build_month(year):
        first, last = part if part else (1, None)
        return datetime.date(year, month, first), datetime.date(year, month, last or _month_end(year, month))

    start, end = _in_year(vocab, found, anchor, direction, build_month)
    if part:
        return _days(start, end, "month")
    return TimeValue(f"{start.year:04d}-{start.month:02d}", "month")


def _day_month(vocab, text, anchor, direction):
    found = vocab.day_month.fullmatch(text)
    if not found:
        return None
    month = _month(vocab, found["month"])
    day, day2 = _number(found["day"]), _number(found["day2"]) if found["day2"] else None

    def build(year):
        start, end = _valid(year, month, day), _valid(year, month, day2) if day2 is not None else _valid(year, month, day)
        return (start, end) if start and end and start <= end else None

    period = _in_year(vocab, found, anchor, direction, build)
    return _days(*period) if period else None


def _year(vocab, text, anchor, direction):
    found = vocab.year.fullmatch(text)
    return TimeValue(found["year"], "year") if found else None
