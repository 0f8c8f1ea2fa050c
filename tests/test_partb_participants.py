"""Meeting participants on briefings and readouts (issue 14): each test an invented text with the participants it must give."""

from __future__ import annotations

import pytest

from tests.extracted import participant_names


@pytest.mark.parametrize("text", [
    "Q Will the minister go to Lima?\nMS. ORTA: She would like to do that trip to Africa. West Africa matters, and Africa is large.",
    "The envoy said Sub-Saharan Africa and Southeast Asia would host the talks with Peru, and that Africa was ready.",
])
def test_partb_region_is_no_person(text):
    names = {name for names in participant_names(text, year=2024) for name in names}
    assert not any(name.endswith(("Africa", "Asia")) for name in names)


def test_partb_region_word_leaves_the_visit_to_its_country():
    text = ("Q Is the minister still going to Kenya?\nMS. ORTA: The minister hopes to make that trip to Kenya. "
            "The trip shows our ties with Sub-Saharan Africa, and Africa matters to us.")
    assert participant_names(text, year=2024) == [["Kenya"]]


@pytest.mark.parametrize(("text", "year", "expected"), [
    # one who comes, comes to the turn's speaker, who hosts
    ("Q Will you see the Chancellor?\nPRESIDENT MACRON: Yes. Chancellor Olaf Scholz will be coming soon.\n", None,
     [["Olaf Scholz", "Emmanuel Macron"]]),
    # a label naming an office ('THE PRESIDENT:') is its holder in the document's year, also with no 'I' statement in its turns
    ("Q Sir, is the Chancellor visiting?\nTHE PRESIDENT: Yes. Chancellor Olaf Scholz has requested to come and see me.\n", 2022,
     [["Olaf Scholz", "Joe Biden"]]),
    ("Q Sir, is the Chancellor visiting?\nTHE PRESIDENT: Yes. Chancellor Olaf Scholz will be coming soon.\n", 2022,
     [["Olaf Scholz", "Joe Biden"]]),
    # a briefer announces the visit and hosts nothing
    ("Q Is the Chancellor visiting?\nMS. PSAKI: Yes. Chancellor Olaf Scholz will be coming soon.\n", 2022, [["Olaf Scholz"]]),
    # a country visited other than the speaker's is the host
    ("Q Will you see the Chancellor?\nPRESIDENT MACRON: Yes. Chancellor Olaf Scholz will be coming to Peru soon.\n", None,
     [["Olaf Scholz", "Peru"]]),
])
def test_partb_one_who_comes_comes_to_the_turns_speaker(text, year, expected):
    assert participant_names(text, year=year) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a visit to the country of the one asked (not a briefer) is hosted by that person
    ("Q Mr. President, is there a date yet for Chancellor Olaf Scholz's visit to Washington?\nTHE PRESIDENT: Not yet, but soon.\n",
     [["Olaf Scholz", "Joe Biden"]]),
    ("Q Mr. President, is there a date yet for Chancellor Olaf Scholz's visit to Tokyo?\nTHE PRESIDENT: Not yet, but soon.\n",
     [["Olaf Scholz", "Japan"]]),
    ("Q Is there a date yet for Chancellor Olaf Scholz's visit to Washington?\nMS. PSAKI: No. Soon.\n",
     [["Olaf Scholz", "United States"]]),
])
def test_partb_visit_to_the_askeds_country_is_hosted_by_them(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a title's country of several words ends the run: its last word is no person ('Arabia')
    ("Mohammed bin Salman, the Crown Prince of Saudi Arabia, spoke with President Joe Biden.", [["Mohammed bin Salman", "Joe Biden"]]),
    ("President Joe Biden met the Crown Prince of Saudi Arabia on Monday.", [["Joe Biden", "Mohammed bin Salman"]]),
    # a name after the title and its country is still read
    ("Prime Minister of New Zealand Jacinda Ardern met President Joe Biden.", [["Jacinda Ardern", "Joe Biden"]]),
])
def test_partb_title_country_ending_the_run_is_no_name(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # officials described by a region, a people or a group, with no person named: as described
    ("Minister Ana Lind held several conversations with Arab leaders in Doha.", [["Ana Lind", "Arab leaders"]]),
    # a country's officials are its country; 'the leaders of Peru' are Peru's
    ("Minister Ana Lind held several conversations with Peruvian officials in Lima.", [["Ana Lind", "Peru"]]),
    ("Minister Ana Lind held several conversations with the leaders of Peru in Lima.", [["Ana Lind", "Peru"]]),
    # a person named after the trigger is the one met
    ("Minister Ana Lind held talks with Arab leaders and President Joe Biden.", [["Ana Lind", "Joe Biden"]]),
])
def test_partb_officials_described_are_the_group_as_written(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a listed trip with the preposition repeated ('to X and to Y', 'to X and then to Y') visits each, one visit per
    # destination (meetings.participant.each_destination)
    ("Minister Ana Lind will travel to Germany and to Angola next week.", [["Ana Lind", "Germany"], ["Ana Lind", "Angola"]]),
    ("Minister Ana Lind canceled her trip to Ghana and to Angola.", [["Ana Lind", "Ghana"], ["Ana Lind", "Angola"]]),
    ("Minister Ana Lind will travel to Peru and then to Chile in May.", [["Ana Lind", "Peru"], ["Ana Lind", "Chile"]]),
])
def test_partb_listed_trip_with_repeated_to(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a definite role after 'with' is the one holder named before
    (("Mohammed bin Salman, the Crown Prince of Saudi Arabia, was criticised. "
     "President Joe Biden had a call with that Crown Prince on Monday."), [["Joe Biden", "Mohammed bin Salman"]]),
    # a meeting 'including' in a visit's sentence is part of the visit: the host person, not the country
    (("Mohammed bin Salman, the Crown Prince of Saudi Arabia, was criticised. "
     "President Joe Biden plans to visit Saudi Arabia in May, including holding talks with that Crown Prince."),
     [["Joe Biden", "Mohammed bin Salman"]]),
    # no holder named before: nobody is guessed
    ("President Joe Biden had a call with that Crown Prince on Monday.", [["Joe Biden"]]),
])
def test_partb_definite_role_after_with_is_the_holder_named_before(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 'the two leaders' speak about the negotiations: the negotiations are Iran's, not theirs
    ("President Joe Biden spoke with President Emmanuel Macron. The two leaders then consulted on the progress of the negotiations with Iran.",
     [["Joe Biden", "Emmanuel Macron"], ["Iran"]]),
    # a topic word before the meeting word is needed: 'talked about meeting' is their own meeting
    ("President Joe Biden spoke with President Emmanuel Macron in March. The two leaders talked about meeting in Vienna.",
     [["Joe Biden", "Emmanuel Macron"], ["Joe Biden", "Emmanuel Macron"]]),
])
def test_partb_group_anaphor_speaking_about_a_meeting_is_not_in_it(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # after an owned meeting noun, a person past its own phrase is not met
    (("President Emmanuel Macron expressed gratitude for Secretary John Kerry's visit to Paris last week and for the help "
     "France has received from President Barack Obama."), [["John Kerry", "France"]]),
    # inside the noun's own phrase the person is met
    ("President Emmanuel Macron praised Secretary John Kerry's meeting with Foreign Minister Sergey Lavrov.",
     [["John Kerry", "Sergey Lavrov"]]),
])
def test_partb_owned_meeting_meets_only_inside_its_phrase(text, expected):
    assert participant_names(text, year=2015) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person coordinated before the possessive owner owns the meeting too
    ("Officials praised Secretary John Kerry and Minister Sergei Lavrov's constant contact on Syria.",
     [["John Kerry", "Sergey Lavrov"]]),
    ("President Emmanuel Macron praised Secretary John Kerry and Minister Ana Lind's meeting with President Joe Biden.",
     [["John Kerry", "Ana Lind", "Joe Biden"]]),
    # one owner alone stays alone
    ("President Emmanuel Macron praised Secretary John Kerry's meeting with President Joe Biden.", [["John Kerry", "Joe Biden"]]),
])
def test_partb_coordinated_possessive_owners(text, expected):
    assert participant_names(text, year=2015) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a condition after the meeting is a clause of its own: its people do not meet
    ("President Joe Biden will meet President Emmanuel Macron in Paris unless Chancellor Olaf Scholz objects.",
     [["Joe Biden", "Emmanuel Macron"]]),
    ("President Joe Biden will meet President Emmanuel Macron if Chancellor Olaf Scholz agrees.", [["Joe Biden", "Emmanuel Macron"]]),
])
def test_partb_condition_ends_the_meetings_clause(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the owner of the topic discussed is not met
    ("Minister Ana Lind held discussions regarding President Joe Biden's state visit with Foreign Minister Wang Yi.",
     [["Ana Lind", "Wang Yi"]]),
    ("Minister Ana Lind held talks about Chancellor Olaf Scholz's proposal with Foreign Minister Wang Yi.", [["Ana Lind", "Wang Yi"]]),
    # not a possessive: the person is met
    ("Minister Ana Lind held discussions with Foreign Minister Wang Yi and President Joe Biden.",
     [["Ana Lind", "Wang Yi", "Joe Biden"]]),
])
def test_partb_topic_owner_is_not_met(text, expected):
    assert participant_names(text, year=2022)[:1] == expected  # (the state visit named in the topic is a meeting of its own)


@pytest.mark.parametrize(("text", "year", "expected"), [
    # a known surname in the possessive before a meeting noun, with no full name before: the office holder of the year
    ("Officials said Putin's talks with Xi went well.", 2024, [["Vladimir Putin", "Xi Jinping"]]),
    ("Q Could you tell us about Kellogg's meeting with Zelensky?\nMR. WALTZ: Yes.\n", 2025, [["Keith Kellogg", "Volodymyr Zelensky"]]),
    # undated: nobody is guessed
    ("Officials said Putin's talks with Xi went well.", None, [["Xi Jinping"]]),
])
def test_partb_dated_surname_in_the_possessive_owns_the_meeting(text, year, expected):
    assert participant_names(text, year=year) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 'their' after the body met is that body, not the people of the meeting before
    ("President Joe Biden canceled his trip to Angola. Officials keep holding talks with the Israelis about their reply.",
     [["Joe Biden", "Angola"], ["Israel"]]),
])
def test_partb_plain_pronoun_after_a_body_is_that_body(text, expected):
    assert participant_names(text, year=2024) == expected
