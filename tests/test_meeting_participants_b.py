"""Meeting participants, round 2: each test an invented sentence with the participants it must give."""

from __future__ import annotations

import pytest

from diplo_cli import extract
from tests.extracted import participant_names


@pytest.mark.parametrize(("text", "expected"), [
    # an honorific before a surname that is also an ordinary word still names the person
    ("Mr Putin and Mr Bush then discussed the agenda by telephone.", [["Vladimir Putin", "George W. Bush"]]),
    ("Mr Brown met Mr Sarkozy in Paris.", [["Gordon Brown", "Nicolas Sarkozy"]]),
])
def test_partb_honorific_surname_is_the_gazetteer_person(text, expected):
    assert participant_names(text) == expected


def test_partb_ordinary_word_without_honorific_is_no_person():
    assert "George W. Bush" not in {name for names in participant_names("Rebels hid in the bush before the talks with Mr Putin.")
                                    for name in names}


def test_partb_participants_scored_under_any_listed_name():
    from diplo_cli.evaluate import Report, score_record

    text = "Russia held talks with the WTO in Geneva."
    document = extract(text)
    assert [[p.name for p in m.participants] for m in document.meetings] == [["Russia", "World Trade Organization"]]
    record = {"id": "x", "text": text, "statements": [],
              "meetings": [{"participants": ["Russia", "WTO"], "type": "talks", "status": "held", "place": "Geneva", "time": None}]}
    report = Report()
    score_record(record, document, report, show_errors=False)
    assert report.participants.prf()["f1"] == 1.0


@pytest.mark.parametrize(("text", "expected"), [
    # a country placing the city of the meeting, or named with its style after 'in', is the venue
    ("The United States held technical talks with the Russian delegation in Riyadh, Saudi Arabia.", [["United States", "Russia"]]),
    ("The United States praised the crown prince for arranging the talks in the Kingdom of Saudi Arabia.",
     [["United States"]]),
    # a country in the possessive after the city is a party, not the city's placing
    ("Officials met in Riyadh, Saudi Arabia's capital, with Iran.", [["Saudi Arabia", "Iran"]]),
])
def test_partb_country_placing_the_venue_is_no_participant(text, expected):
    assert [[p.name for p in m.participants] for m in extract(text, date="2023-03-01").meetings] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a summit named after two countries, with its counterpart named: the people, not the countries
    ("Chancellor Olaf Scholz held the Germany-France Summit with President Emmanuel Macron in Paris.",
     [["Olaf Scholz", "Emmanuel Macron"]]),
    # reported speech: the speaker is his country's side
    ("Chancellor Olaf Scholz said that at the Germany-France Summit with President Emmanuel Macron, he discussed trade.",
     [["Olaf Scholz", "Emmanuel Macron"]]),
    # no counterpart named: the countries it is named after
    ("Chancellor Olaf Scholz praised the Germany-France Summit in Paris.", [["Germany", "France"]]),
])
def test_partb_named_summit_gives_people_of_its_countries(text, expected):
    assert [[p.name for p in m.participants] for m in extract(text, date="2023-03-01").meetings] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the group anaphor subject is the people of the meeting before; the object is met by them
    (("Chancellor Olaf Scholz and President Emmanuel Macron flew to Kyiv on Monday. "
     "There the two leaders held talks with President Volodymyr Zelensky."),
     [["Olaf Scholz", "Emmanuel Macron", "Ukraine"], ["Olaf Scholz", "Emmanuel Macron", "Volodymyr Zelensky"]]),
    (("Secretary Hillary Clinton travels to Russia today, accompanied by Senator George Mitchell. "
     "In the Russian capital, the pair will meet with Foreign Minister Sergey Lavrov."),
     [["Hillary Clinton", "George Mitchell", "Russia"], ["Hillary Clinton", "George Mitchell", "Sergey Lavrov"]]),
])
def test_partb_group_anaphor_subject_meets_the_people_named_after(text, expected):
    assert [[p.name for p in m.participants] for m in extract(text, date="2022-03-15").meetings] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a role in the possessive before a meeting noun is its one holder named before
    (("Secretary of State John Kerry heads to Russia next month for talks with Foreign Minister Sergei Lavrov. "
      "That would be the secretary of state's second trip to Moscow."),
     [["John Kerry", "Sergey Lavrov"], ["John Kerry", "Russia"]]),
    (("President Joe Biden met Chancellor Olaf Scholz on Monday. The chancellor's visit to Washington was his first."),
     [["Joe Biden", "Olaf Scholz"], ["Olaf Scholz", "United States"]]),
])
def test_partb_role_in_possessive_is_its_holder_named_before(text, expected):
    assert [[p.name for p in m.participants] for m in extract(text, date="2015-03-15").meetings] == expected


def test_partb_state_councillor_is_a_title_before_a_chinese_name():
    text = "Foreign Minister Ana Lind said she had hosted State Councillor Dai in Oslo in 2011. She held talks with State Councillor Dai on Tuesday."
    assert [[p.name for p in m.participants] for m in extract(text).meetings][-1] == ["Ana Lind", "Dai Bingguo"]


@pytest.mark.parametrize(("text", "expected"), [
    # 'Burns' is read by the year: the deputy secretary in 2012, the ambassador to China in 2023
    ("Deputy Secretary Burns held meetings in Cairo with Foreign Minister Ana Lind in 2012.", "William Burns"),
    ("Ambassador Burns met Foreign Minister Wang Yi in Beijing in 2023.", "Nicholas Burns"),
])
def test_partb_surname_shared_by_two_officials_is_read_by_year(text, expected):
    assert [m.participants[0].name for m in extract(text).meetings] == [expected]
