"""The time and type of meetings (issue 14): each test an invented text with the time or type its meeting must take."""

from __future__ import annotations

import pytest

from diplo_cli import extract


def times(text: str, year: int | None = None) -> list[str | None]:
    """The time text of each meeting ``extract`` finds in ``text``, in order."""
    return [m.time.text if m.time else None for m in extract(text, "t", year=year).meetings]


def types(text: str, year: int | None = None) -> list[str]:
    return [m.type for m in extract(text, "t", year=year).meetings]


@pytest.mark.parametrize(("text", "expected"), [
    # 'as soon as' + a clause opens a clause of its own: no time of the meeting
    ("Q Is the call with President Ana Lobo set?\nMS. ORTA: As soon as the call is fixed, and we think that will be very soon, we will tell you.\n",
     ["very soon"]),
    ("Foreign Minister Ana Lobo will meet Chancellor Karl Weiss as soon as the vote is over.", [None]),
    ("The spokesman said President Ana Lobo would meet Chancellor Karl Weiss as soon as possible.", ["as soon as possible"]),
    # 'shortly' is a time; 'shortly after' measures from another event
    ("There will be a call between President Ana Lobo and Chancellor Karl Weiss shortly.", ["shortly"]),
])
def test_time2_soon_and_shortly(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a time right after a verb of issuing dates the issuing, not the meeting the issued text is about
    (("Q Can I ask about the note you issued this morning on the minister's meetings in Lima with President Ana Lobo?\n"
      "MS. ORTA: Sure.\n"), [None]),
    ("The ministry published on Monday a summary of the talks between President Ana Lobo and Chancellor Karl Weiss.", [None]),
    # not a possessive: 'released Friday's ...' would still date its noun
    ("President Ana Lobo met Chancellor Karl Weiss on Monday.", ["Monday"]),
])
def test_time2_time_of_issuing(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the year in front of an event's name is its time when its sentence names none
    ("Chile asked Peru to keep the promises of the 2005 Andean summit.", ["2005"]),
    # a time the sentence names for it comes first
    ("Chile asked Peru to keep the promises of the 2005 Andean summit in March.", ["March"]),
])
def test_time2_event_year(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting at a named place that a later mention calls a visit is the visit
    (("President Marta Quiroga of Chile will meet President Tomas Ferreira of Peru in Lima on Monday. "
      "Her office said the visit would be short."), ["visit"]),
    # no place: the meeting stays a meeting
    (("President Marta Quiroga of Chile will meet President Tomas Ferreira of Peru on Monday. "
      "Her office said the visit would be short."), ["meeting"]),
])
def test_time2_visit_of_a_meeting_at_a_place(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # of two vague times of one meeting, the one that says more
    ("Today, President Marta Quiroga spoke with President Tomas Ferreira of Peru. During the phone call this afternoon, she raised trade.",
     ["this afternoon"]),
    ("This afternoon, President Marta Quiroga spoke with President Tomas Ferreira of Peru. During the phone call today, she raised trade.",
     ["This afternoon"]),
    ("Chile said President Marta Quiroga would meet President Tomas Ferreira of Peru soon. The meeting will take place next week.",
     ["next week"]),
])
def test_time2_the_finer_of_two_vague_times(text, expected):
    assert times(text) == expected


def test_time2_relative_aside_keeps_its_time():
    text = "President Marta Quiroga of Chile, who visited Lima in June, met President Tomas Ferreira of Peru in Quito on Thursday."
    rows = [(m.type, m.time.text if m.time else None) for m in extract(text, "t").meetings]
    assert ("meeting", "Thursday") in rows
    assert ("meeting", "June") not in rows


def test_time2_month_with_a_relative_year():
    text = "President Marta Quiroga of Chile met President Tomas Ferreira of Peru in Lima in October last year."
    assert times(text) == ["October last year"]


@pytest.mark.parametrize(("text", "status", "expected"), [
    ("October last year", "held", "2022-10"),
    ("March next year", "planned", "2024-03"),
    ("May 3 this year", "held", "2023-05-03"),
])
def test_time2_month_with_a_relative_year_on_the_calendar(text, status, expected):
    import datetime

    from diplo_cli.timenorm import normalise_time
    assert normalise_time(text, datetime.date(2023, 6, 18), status).date == expected


def test_time2_over_the_weekend():
    text = "President Marta Quiroga of Chile met President Tomas Ferreira of Peru in Lima over the weekend."
    assert times(text) == ["the weekend"]


def test_time2_late_on_a_weekday():
    text = "President Marta Quiroga of Chile spoke by phone with President Tomas Ferreira of Peru late on Tuesday."
    assert times(text) == ["late on Tuesday"]
    import datetime

    from diplo_cli.timenorm import normalise_time
    assert normalise_time("late on Tuesday", datetime.date(2023, 6, 22), "held").date == "2023-06-20"


@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga of Chile met President Tomas Ferreira of Peru in Lima on Monday. The two presidents held talks on trade.",
     ["talks"]),
    ("President Marta Quiroga of Chile met President Tomas Ferreira of Peru in Lima on Monday. Their talks covered trade.", ["meeting"]),
])
def test_time2_held_talks_names_the_meeting(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a time right after the channel of a saying dates the saying
    ("President Marta Quiroga of Chile will visit Peru, her spokesman told a news conference on Friday.", [None]),
    ("President Marta Quiroga of Chile will visit Peru, her spokesman said in an interview on Sunday.", [None]),
    # not after a person told: the telling may be the meeting
    ("President Marta Quiroga of Chile phoned President Tomas Ferreira of Peru and told him on Monday that trade mattered.",
     ["Monday"]),
])
def test_time2_time_of_a_sayings_channel(text, expected):
    assert times(text) == expected
