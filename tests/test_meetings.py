"""Meetings: triggers and non-meetings, participants, type, status, time and place, merging,
linking statements, event codes. Every sentence here is invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplo_cli import extract
from diplo_cli.errors import RuleError
from diplo_cli.language.lexicons import default_lexicon, name_key
from diplo_cli.language.loader import language_of
from diplo_cli.meetings import STATUS_RANK
from diplo_cli.meetings import common as meeting_ids
from diplo_cli.meetings.common import compile_phrases, meeting_grammar
from diplo_cli.rules import Trace, load_rule_tables

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _meetings(text: str):
    return extract(text).meetings


def _names(meeting) -> set[str]:
    return {name_key(p.name) for p in meeting.participants}


def _only(text: str):
    meetings = _meetings(text)
    assert len(meetings) == 1, [(m.type, m.status, [p.name for p in m.participants]) for m in meetings]
    return meetings[0]


# ---------------------------------------------------------------- types
@pytest.mark.parametrize(("text", "expected"), [
    ("Vladimir Putin held a telephone conversation with Recep Tayyip Erdogan on Monday.", "call"),
    ("Vladimir Putin spoke today with Recep Tayyip Erdogan about grain exports.", "call"),
    ("Sergey Lavrov will travel to Ankara next week.", "visit"),
    ("Vladimir Putin and Recep Tayyip Erdogan will attend a summit in Tehran in July.", "summit"),
    ("Sergey Lavrov held talks with Antony Blinken in Geneva.", "talks"),
    ("Sergey Lavrov met with Antony Blinken in Geneva on Friday.", "meeting"),
    ("Recep Tayyip Erdogan phoned Vladimir Putin on Thursday evening.", "call"),
    ("Recep Tayyip Erdogan and Vladimir Putin talked on the phone on Thursday.", "call"),
    ("Recep Tayyip Erdogan and Vladimir Putin continue to speak by phone every week.", "call"),
    ("Vladimir Putin and Recep Tayyip Erdogan discussed the schedule of their upcoming contacts.", "meeting"),
    ("The leaders praised the constant contact between Sergey Lavrov and Antony Blinken.", "meeting"),
    ("Recep Tayyip Erdogan consulted with Vladimir Putin before the vote.", "meeting"),
    ("Antony Blinken spent Monday meeting the Chinese foreign minister Wang Yi at the ministry.", "meeting"),
    ("Fumio Kishida and Joe Biden held a telephone talk on Monday.", "call"),
    ("Fumio Kishida and Joe Biden held talks by video link on Monday.", "call"),
    ("Antony Blinken had a brief pull-aside with Wang Yi in Bali.", "meeting"),
    ("Fumio Kishida had an audience with King Charles on Monday.", "meeting"),
    ("Antony Blinken held a bilateral with Wang Yi on Monday.", "meeting"),
    ("Fumio Kishida held a teleconference with Joe Biden on Monday.", "call"),
])
def test_each_type_is_read_from_its_trigger(text, expected):
    assert _only(text).type == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Recep Tayyip Erdogan welcomed Iranian Foreign Minister Abbas Araghchi in Ankara on Sunday.", [("visit", "held")]),
    ("Recep Tayyip Erdogan welcomed the foreign ministers' agreement on grain exports.", []),
    ("The Kremlin welcomed the decision.", []),
])
def test_welcoming_an_official_is_receiving_him(text, expected):
    assert [(m.type, m.status) for m in _meetings(text)] == expected


# ---------------------------------------------------------------- not meetings
@pytest.mark.parametrize("text", [
    "Sergey Lavrov told a press conference in Moscow that sanctions had failed.",
    "The central bank board meeting left interest rates unchanged on Thursday.",
    "Turkish factories struggled to meet demand for steel, Recep Tayyip Erdogan said.",
    "Antony Blinken called for restraint on both sides.",
    "Vladimir Putin gave an interview to state television on Sunday.",
    "The home side won the match against the visitors in Ankara.",
    "The ministry advised against travel to the border region.",
    "Sergey Lavrov criticised what he called a campaign of lies.",
    "The government in Ankara is meeting its obligations under the treaty.",
    "The Turkish mills are meeting the demand for steel.",
    "The Black Sea Economic Forum said in a report on Monday that Turkish growth would slow.",
    "The Black Sea Economic Forum's index ranks Turkey third.",
    "Recep Tayyip Erdogan held a teleconference with reporters on Monday.",
])
def test_non_meetings_are_not_meetings(text):
    assert _meetings(text) == ()


# ---------------------------------------------------------------- status
@pytest.mark.parametrize(("text", "expected"), [
    ("Sergey Lavrov met Antony Blinken in Geneva on Friday.", "held"),
    ("Olaf Scholz had a phone conversation with Emmanuel Macron.", "held"),
    ("Sergey Lavrov will meet Antony Blinken in Geneva next week.", "planned"),
    ("A meeting between Sergey Lavrov and Antony Blinken is scheduled for May 19.", "planned"),
    ("Sergey Lavrov could meet Antony Blinken in Geneva, but no date has been set.", "proposed"),
    ("A meeting between Vladimir Putin and Recep Tayyip Erdogan is possible.", "proposed"),
    ("No meeting between Vladimir Putin and Recep Tayyip Erdogan is planned.", "denied"),
    ("Sergey Lavrov has called off Thursday's talks with Antony Blinken.", "cancelled"),
    ("The summit between Vladimir Putin and Recep Tayyip Erdogan was postponed.", "cancelled"),
])
def test_each_status_is_read_from_tense_modality_or_cue(text, expected):
    assert _only(text).status == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The planned visit of Russian Foreign Minister Sergey Lavrov to Ankara was postponed because of illness.", "cancelled"),
    ("The planned visit of Sergey Lavrov to Ankara took place on Monday.", "held"),
    ("The planned visit of Sergey Lavrov to Ankara will strengthen ties.", "planned"),
    ("Sergey Lavrov discussed the upcoming summit with Recep Tayyip Erdogan.", "planned"),
    ("Sergey Lavrov called off the planned visit to Ankara.", "cancelled"),
])
def test_an_adjective_before_the_meeting_word_yields_to_what_is_said_of_the_meeting(text, expected):
    assert [m.status for m in _meetings(text)] == [expected]


def test_status_precedence_is_held_over_cancelled_over_denied_over_planned_over_proposed():
    assert sorted(STATUS_RANK, key=STATUS_RANK.get, reverse=True) == ["held", "cancelled", "denied", "planned", "proposed", "unknown"]


def test_a_statement_keeps_the_status_it_asserts_while_the_meeting_takes_the_strongest():
    text = ("Sergey Lavrov will meet Antony Blinken in Geneva on Friday. "
            "On Friday, Sergey Lavrov met Antony Blinken in Geneva. "
            "A Russian diplomat said that Sergey Lavrov would meet Antony Blinken there.")
    document = extract(text)
    linked = [s for s in document.statements if s.meeting]
    assert linked, "the diplomat's statement is about the meeting"
    assert linked[0].meeting_status == "planned"
    meeting = next(m for m in document.meetings if m.id == linked[0].meeting)
    assert meeting.status == "held"


def test_preparations_under_way_plan_the_meeting_they_prepare():
    text = ("Sergey Lavrov will travel to Ankara next month, officials said.\n"
            "A spokesman told reporters that preparations for the trip were under way.")
    document = extract(text)
    assert [s.meeting_status for s in document.statements] == ["planned", "planned"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials in Ankara denied that Recep Tayyip Erdogan would travel to Moscow next week.", "denied"),
    ("The Kremlin on Monday dismissed reports of a visit by Vladimir Putin to Pyongyang.", "denied"),
    ("A government spokesman denied any plans for talks with Antony Blinken.", "denied"),
    ("The ministry confirmed that Sergey Lavrov would meet Antony Blinken in Geneva.", "planned"),
    ("Tehran rejected an invitation to talks with Washington in Oman.", "proposed"),
])
def test_a_cue_that_denies_its_content_denies_the_meeting_in_it(text, expected):
    document = extract(text)
    assert [m.status for m in document.meetings] == [expected]
    assert [s.meeting_status for s in document.statements if s.meeting] == [expected]


# ---------------------------------------------------------------- participants
@pytest.mark.parametrize("text", [
    "Asked whether Sergey Lavrov could meet Antony Blinken in Geneva, Maria Zakharova said: \"Nothing is planned yet.\"",
    "When asked about a possible meeting between Sergey Lavrov and Antony Blinken, Maria Zakharova said nothing was planned yet.",
])
def test_the_speaker_answering_a_question_about_a_meeting_is_no_participant(text):
    assert _names(_only(text)) == {name_key("Sergey Lavrov"), name_key("Antony Blinken")}


def test_a_speaker_asked_about_a_meeting_between_subject_and_cue_is_no_participant():
    text = "Maria Zakharova, asked about the talks between Sergey Lavrov and Antony Blinken, replied that nothing was planned."
    assert _names(_only(text)) == {name_key("Sergey Lavrov"), name_key("Antony Blinken")}


def test_the_antecedent_of_who_is_the_subject_of_the_meeting_verb():
    meeting = _only("Sergey Lavrov, who met Antony Blinken in Geneva on Friday, said the talks were useful.")
    assert _names(meeting) == {name_key("Sergey Lavrov"), name_key("Antony Blinken")}


def test_between_x_and_y_names_both_participants():
    meeting = _only("Officials prepared a meeting between Sergey Lavrov and Antony Blinken.")
    assert _names(meeting) == {name_key("Sergey Lavrov"), name_key("Antony Blinken")}


def test_x_and_y_will_meet():
    meeting = _only("Vladimir Putin and Recep Tayyip Erdogan will meet in Sochi on Monday.")
    assert _names(meeting) == {name_key("Vladimir Putin"), name_key("Recep Tayyip Erdoğan")}


def test_a_short_and_a_full_name_are_one_participant():
    text = ("Recep Tayyip Erdoğan arrived in Sochi on Monday. "
            "Erdogan met Vladimir Putin at the president's residence.")
    meetings = _meetings(text)
    names = [p.name for m in meetings for p in m.participants]
    assert "Erdogan" not in names
    assert any(_names(m) >= {name_key("Vladimir Putin"), name_key("Recep Tayyip Erdoğan")} for m in meetings)


def test_the_speaker_is_not_a_participant_of_the_meeting_he_reports():
    document = extract("Dmitry Peskov said Vladimir Putin would meet Recep Tayyip Erdogan next week.")
    assert len(document.meetings) == 1
    assert _names(document.meetings[0]) == {name_key("Vladimir Putin"), name_key("Recep Tayyip Erdoğan")}


def test_the_two_leaders_take_the_participants_of_the_meeting_before():
    text = ("Olaf Scholz had a phone conversation with Emmanuel Macron on Tuesday. "
            "The two leaders agreed to meet in Strasbourg next month.")
    meetings = _meetings(text)
    assert len(meetings) == 2
    assert _names(meetings[1]) == {name_key("Olaf Scholz"), name_key("Emmanuel Macron")}
    assert meetings[1].status == "planned"


def test_a_visit_names_visitor_and_host_country():
    meeting = _only("Sergey Lavrov will visit Turkey next week.")
    assert _names(meeting) == {name_key("Sergey Lavrov"), name_key("Turkey")}
    assert meeting.cameo == "036"


def test_countries_stand_in_when_no_person_is_named():
    meeting = _only("India and Pakistan held talks in Islamabad on Monday.")
    assert _names(meeting) == {name_key("India"), name_key("Pakistan")}


def test_unknown_actors_stand_in_when_nothing_known_is_named():
    meeting = _only("Zarvania and Quellistan met yesterday.")
    assert meeting.status == "held"
    assert any("Quellistan" in p.name for p in meeting.participants)


def test_a_role_noun_in_the_content_of_a_countrys_body_is_that_countrys_office_holder():
    text = ("Saudi Crown Prince Mohammed bin Salman arrived in Washington on Monday.\n"
            "Pakistan's foreign office said the prime minister would travel to Beijing next week.")
    visits = [m for m in _meetings(text) if m.place and m.place.text == "Beijing"]
    assert [[p.name for p in m.participants] for m in visits] == [["Shehbaz Sharif", "China"]]


def test_a_news_outlet_gives_no_country_to_the_role_nouns_it_reports():
    text = ("Saudi Crown Prince Mohammed bin Salman arrived in Washington on Monday.\n"
            "Reuters reported that the prime minister would travel to Beijing next week.")
    visits = [m for m in _meetings(text) if m.place and m.place.text == "Beijing"]
    assert [[p.name for p in m.participants] for m in visits] == [["Mohammed bin Salman", "China"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The foreign ministers of India and China met on the sidelines of the SCO summit in Astana.",
     [("meeting", ["India", "China"]), ("summit", ["SCO"])]),
    ("Talks between Israeli and Hamas negotiators resumed in Doha on Friday.", [("talks", ["Israeli", "Hamas negotiators"])]),
    ("The two presidents will meet in Geneva next month.", [("meeting", ["two presidents"])]),
    ("Zarvania's leader arrived in Quellistan on Monday.", [("visit", ["Quellistan"])]),
])
def test_places_and_the_events_on_whose_sidelines_meetings_happen_are_no_participants(text, expected):
    assert [(m.type, [p.name for p in m.participants]) for m in _meetings(text)] == expected


# ---------------------------------------------------------------- time and place
@pytest.mark.parametrize(("text", "place"), [
    ("Sergey Lavrov will meet Antony Blinken in Sochi, Russia, on Tuesday.", "Sochi"),
    ("Sergey Lavrov will meet Antony Blinken in Russia on Tuesday.", "Russia"),
])
def test_a_city_placed_by_its_country_is_the_place(text, place):
    assert [m.place.text if m.place else None for m in _meetings(text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Sergey Lavrov and Antony Blinken will meet in Sochi on Friday. The meeting, Blinken's first visit to Russia since 2021, will focus on trade.", "Sochi"),
    ("Sergey Lavrov and Antony Blinken will meet in Europe on Friday. The meeting in Switzerland, Blinken's first since 2021, will focus on trade.",
     "Switzerland"),
])
def test_merged_mentions_keep_the_most_precise_place(text, place):
    first = _meetings(text)[0]
    assert [m.text for m in first.mentions] == ["meet", "meeting"]  # 'The meeting' merged into the first
    assert first.place is not None and first.place.text == place


@pytest.mark.parametrize(("text", "time"), [
    ("Sergey Lavrov met Antony Blinken in Geneva on Wednesday.", "Wednesday"),
    ("Sergey Lavrov met Antony Blinken in Geneva late Thursday.", "late Thursday"),
    ("Sergey Lavrov will meet Antony Blinken in Geneva on Monday and Tuesday.", "Monday and Tuesday"),
    ("Sergey Lavrov will hold talks with Antony Blinken in Geneva from April 13 to April 15.", "April 13 to April 15"),
    ("Sergey Lavrov will meet Antony Blinken in Geneva on January 27 and 28, 2026.", "January 27 and 28, 2026"),
    ("Sergey Lavrov met Antony Blinken in Geneva in 2019.", "2019"),
    ("Sergey Lavrov met Antony Blinken in Geneva earlier today.", "earlier today"),
    ("Sergey Lavrov, on his first trip to Geneva since 2019, met Antony Blinken.", None),
])
def test_a_time_is_written_as_the_guidelines_write_it(text, time):
    meetings = _meetings(text)
    assert [m.time.text if m.time else None for m in meetings][:1] == [time]


def test_time_and_place_are_spans_of_the_text():
    text = "Sergey Lavrov will meet Antony Blinken in Geneva next week."
    meeting = _only(text)
    assert meeting.time is not None and meeting.time.text == "next week"
    assert meeting.place is not None and meeting.place.text == "Geneva"
    for span in (meeting.time, meeting.place, *meeting.mentions):
        assert text[span.start:span.end] == span.text


# ---------------------------------------------------------------- merging
def test_mentions_of_one_meeting_merge():
    text = ("Sergey Lavrov will meet Antony Blinken in Geneva on Friday. "
            "The meeting will focus on arms control.")
    meeting = _only(text)
    assert [m.text for m in meeting.mentions] == ["meet", "meeting"]


def test_a_call_and_the_meeting_it_prepares_stay_apart():
    text = ("Olaf Scholz had a phone conversation with Emmanuel Macron. "
            "Olaf Scholz and Emmanuel Macron will meet in Strasbourg in October.")
    assert [m.type for m in _meetings(text)] == ["call", "meeting"]


def test_meetings_at_different_places_stay_apart():
    text = ("Sergey Lavrov met Antony Blinken in Geneva in January. "
            "Sergey Lavrov will meet Antony Blinken in Vienna in March.")
    assert len(_meetings(text)) == 2


def test_a_meeting_days_ago_stays_apart_from_todays():
    text = ("Ana Soto met Luis Prado in Quito three days ago. "
            "Ana Soto and Luis Prado met again today.")
    assert [m.time.text for m in _meetings(text)] == ["three days ago", "today"]


@pytest.mark.parametrize("earlier", [
    "Since their last meeting, Ana Soto and Luis Prado have spoken often.",
    "Ana Soto and Luis Prado last met during the drought.",
    "The previous talks between Ana Soto and Luis Prado were tense.",
])
def test_an_earlier_meeting_stays_apart_from_the_one_reported(earlier):
    text = "Ana Soto met Luis Prado in Quito today. " + earlier
    assert len(_meetings(text)) == 2


def test_mentions_of_the_same_day_still_merge():
    text = ("Ana Soto met Luis Prado today. "
            "Ana Soto said she met Luis Prado today to discuss fishing rights.")
    assert len(_meetings(text)) == 1


# ---------------------------------------------------------------- linking
def test_a_statement_about_the_meeting_links_to_it_and_one_on_another_subject_does_not():
    text = ("Sergey Lavrov met Antony Blinken in Geneva on Friday. "
            "Lavrov said the meeting had been useful. "
            "Lavrov also said that grain prices were rising.")
    document = extract(text)
    by_content = {s.content.text: s for s in document.statements}
    about = next(s for c, s in by_content.items() if "meeting" in c)
    other = next(s for c, s in by_content.items() if "grain" in c)
    assert about.meeting == document.meetings[0].id
    assert about.id in document.meetings[0].statements
    assert other.meeting is None


# ---------------------------------------------------------------- event codes
@pytest.mark.parametrize(("text", "cameo", "plover"), [
    ("Olaf Scholz had a phone conversation with Emmanuel Macron.", "041", "CONSULT:phone"),
    ("Sergey Lavrov visited Turkey on Monday.", "042", "CONSULT:visit"),
    ("Sergey Lavrov held talks with Antony Blinken on Friday.", "046", "CONSULT:meet"),
    ("Sergey Lavrov will meet Antony Blinken next week.", "036", "CONSULT:meet"),
    ("Sergey Lavrov has called off Thursday's talks with Antony Blinken.", "125", "CONSULT:meet"),
])
def test_each_meeting_has_its_cameo_code_and_plover_mode(text, cameo, plover):
    meeting = _only(text)
    assert (meeting.cameo, meeting.plover) == (cameo, plover)


# ---------------------------------------------------------------- data checks
def test_the_meeting_grammar_compiles_once_per_lexicon():
    lexicon = default_lexicon()
    assert language_of(lexicon).meetings is language_of(lexicon).meetings


def test_status_rules_match_their_examples_and_not_their_counterexamples():
    for rule in default_lexicon().status_rules:
        for example in rule.examples:
            assert rule.pattern.search(example), (rule.id, example)
        for counter in rule.counterexamples:
            assert not rule.pattern.search(counter), (rule.id, counter)


# ---------------------------------------------------------------- the trace: every decision by its rule id
def _meeting_events(text: str) -> list[tuple[str, str, str]]:
    trace = Trace()
    extract(text, trace=trace)
    return [(e.rule, e.action, text[e.start:e.end]) for e in trace.events if e.stage == "meetings"]


def test_the_trace_names_the_veto_the_trigger_and_the_status_cue():
    assert _meeting_events("Chile called off the talks with Peru.") == [
        ("meetings.veto.not_meeting", "vetoed", "called"),
        ("meetings.trigger.word", "built", "talks"),
        ("meetings.status.cancelled", "set", "talks"),
    ]


def test_the_trace_names_the_merge_and_the_link():
    text = "The foreign ministers of Chile and Peru held talks in Lima, and the Peruvian minister said the talks were useful."
    events = _meeting_events(text)
    assert ("meetings.merge.names_nobody", "merged", "held talks in Lima, and the Peruvian minister said the talks") in events
    assert ("meetings.link.content_names", "linked", "the talks were useful") in events


def test_a_refusal_to_merge_is_traced_with_its_reason():
    text = "Ana Soto met Luis Prado in Lima on Monday. Ana Soto and Luis Prado met again in Lima on Friday."
    assert [rule for rule, action, _ in _meeting_events(text) if action == "split"] == ["meetings.split.time"]


@pytest.mark.parametrize("denial", [
    "A second meeting between Ana Soto and Luis Prado is not on the agenda, officials said.",
    "There will be no further meeting between Ana Soto and Luis Prado this year.",
])
def test_a_denied_meeting_never_merges_into_the_one_the_same_people_held(denial):
    meetings = _meetings("Ana Soto met Luis Prado in Lima on Monday. " + denial)
    assert [(m.status, _names(m)) for m in meetings] == [
        ("held", {"ana soto", "luis prado"}), ("denied", {"ana soto", "luis prado"})]


def test_every_rule_id_the_stage_traces_has_a_record_in_the_rule_table():
    """The ids written in code and the pattern triggers' and guards' ids are all records of
    data/en/rules/meetings.toml (the table's examples run in tests/test_rule_examples.py)."""
    table = {r.id for r in load_rule_tables("en") if r.stage == "meetings"}
    named = {value for name, value in vars(meeting_ids).items()
             if name.isupper() and isinstance(value, str) and value.startswith("meetings.") and not value.endswith(".")}
    named |= {meeting_ids.STATUS_CUE + status for status in STATUS_RANK if status != "unknown"}
    finder = language_of(default_lexicon()).meetings
    named |= finder.pattern_trigger_ids | {guard.id for guards in finder.guards.values() for guard in guards}
    assert len(named) >= 50
    assert named <= table, sorted(named - table)
    trace = Trace()
    for path in sorted(SAMPLES.glob("*.txt")):
        extract(path.read_text(encoding="utf-8"), trace=trace)
    traced = {event.rule for event in trace.events if event.stage == "meetings"}
    assert {"meetings.trigger.word", "meetings.link.content_names"} <= traced <= table


def test_a_broken_phrase_pattern_is_a_rule_error_naming_the_file_and_the_phrase():
    with pytest.raises(RuleError, match=r"meeting_grammar.toml: phrases.sidelines_before: bad pattern"):
        compile_phrases({"phrases": {"sidelines_before": "(?P<side"}})


def test_the_phrases_of_the_grammar_are_read_from_data():
    phrases = compile_phrases(meeting_grammar())
    assert phrases.sidelines_before.search("on the sidelines of the regional summit ")
    assert phrases.subordinate_clause.match("when the two ministers met, ").group() == "when the two ministers met,"


# ---------------------------------------------------------------- frames added for news and readouts
def test_the_group_named_before_summit_is_its_participant():
    meeting = _only("Recep Tayyip Erdogan will attend the G20 summit in Rome in October.")
    assert {p.name for p in meeting.participants} >= {"G20"}
    assert meeting.type == "summit"


def test_a_bilateral_on_the_sidelines_stays_apart_from_the_summit():
    text = "Sergey Lavrov will meet Antony Blinken on the sidelines of the G20 summit in Bali next month."
    meetings = _meetings(text)
    assert sorted(m.type for m in meetings) == ["meeting", "summit"]
    bilateral = next(m for m in meetings if m.type == "meeting")
    assert _names(bilateral) == {name_key("Sergey Lavrov"), name_key("Antony Blinken")}


def test_a_trip_to_attend_a_conference_is_part_of_the_conference():
    meeting = _only("Antony Blinken will travel to Germany next week to attend the Munich Security Conference.")
    assert meeting.type == "other"
    assert {p.name for p in meeting.participants} == {"Antony Blinken", "Munich Security Conference"}


def test_a_meeting_with_the_hosts_during_a_trip_is_part_of_the_visit():
    meeting = _only("Antony Blinken will travel to Ankara, where he will meet Recep Tayyip Erdogan.")
    assert meeting.type == "visit"
    assert _names(meeting) == {name_key("Antony Blinken"), name_key("Recep Tayyip Erdoğan")}


def test_a_visit_to_listed_countries_names_them_all():
    meeting = _only("Sergey Lavrov will travel to Turkey, Egypt and India next week.")
    assert _names(meeting) == {name_key(n) for n in ("Sergey Lavrov", "Turkey", "Egypt", "India")}


def test_an_invitation_to_visit_is_proposed_with_the_inviter_as_host():
    document = extract("Vladimir Putin invited Recep Tayyip Erdogan to visit Russia.")
    visits = [m for m in document.meetings if m.type == "visit"]
    assert len(visits) == 1
    assert visits[0].status == "proposed"
    assert _names(visits[0]) == {name_key("Vladimir Putin"), name_key("Recep Tayyip Erdoğan")}


def test_a_readout_call_with_words_between_verb_and_preposition():
    meeting = _only("Antony Blinken spoke today with Sergey Lavrov about prisoner exchanges.")
    assert (meeting.type, meeting.status) == ("call", "held")


def test_dotted_abbreviations_and_elided_country_names_are_participants():
    meeting = _only("The U.S. and Iran held talks in Oman on Sunday.")
    assert _names(meeting) == {name_key("United States"), name_key("Iran")}
    meeting = _only("Talks between South and North Korea took place on Monday.")
    assert _names(meeting) == {name_key("South Korea"), name_key("North Korea")}


def test_the_speakers_name_under_a_pronoun_is_the_participant():
    document = extract("Antony Blinken said he would meet Sergey Lavrov in Geneva next week.")
    assert len(document.meetings) == 1
    assert _names(document.meetings[0]) == {name_key("Antony Blinken"), name_key("Sergey Lavrov")}
    assert document.meetings[0].status == "planned"


def test_a_visit_that_cannot_go_forward_is_cancelled():
    meeting = _only("Sergey Lavrov will not be able to travel to India next week because of the storm.")
    assert meeting.status == "cancelled"


def test_meetings_are_found_in_linear_passes():
    # many paragraphs, many meetings: each is found once and the stage stays per-document
    paragraph = "Sergey Lavrov met Antony Blinken in Geneva on {day}. The meeting lasted two hours.\n"
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    text = "".join(paragraph.format(day=day) for day in days)
    meetings = _meetings(text)
    assert len(meetings) == len(days)
    assert [m.time.text for m in meetings] == days  # the guidelines keep no leading preposition


def test_an_agent_described_by_its_country_is_a_participant_as_written():
    meeting = _only("Antony Blinken could meet with Iran's foreign minister in Oman next week.")
    assert {p.name for p in meeting.participants} == {"Antony Blinken", "Iran's foreign minister"}
    assert meeting.status == "proposed"


def test_the_subject_of_an_if_clause_is_not_the_speaker():
    document = extract("Mark Rutte said he was not sure if Danish ministers would attend the summit in Oslo.")
    assert all(p.name != "Mark Rutte" for m in document.meetings for p in m.participants)


def test_is_in_a_place_at_a_summit_is_held():
    meeting = _only("Vladimir Putin is in Astana at a regional summit with Central Asian leaders.")
    assert meeting.status == "held"


def test_first_person_inside_a_statement_is_its_speaker_or_the_speakers_country():
    meeting = _only("\"I spoke with Sergey Lavrov this morning,\" Antony Blinken said.")
    assert _names(meeting) == {name_key("Antony Blinken"), name_key("Sergey Lavrov")}
    meeting = _only("Antony Blinken said that we will hold talks with Turkey next week.")
    assert _names(meeting) == {name_key("United States"), name_key("Turkey")}
    assert meeting.status == "planned"


def test_a_spouse_accompanies_and_is_not_a_participant():
    meeting = _only("Joe Biden and his wife Jill Biden will host Fumio Kishida at the White House on Friday.")
    assert _names(meeting) == {name_key("Joe Biden"), name_key("Fumio Kishida")}
    assert (meeting.cameo, meeting.plover) == ("036", "CONSULT:host")


def test_something_to_be_discussed_during_a_visit_is_not_a_held_visit():
    meeting = _only("Fisheries are bound to be discussed during Jonas Gahr Støre's visit to Reykjavik.")
    assert meeting.status != "held"


def test_his_turkish_counterpart_is_turkey_or_the_turk_named_nearby():
    meeting = _only("Sergey Lavrov will meet his Turkish counterpart in Ankara on Monday.")
    assert _names(meeting) == {name_key("Sergey Lavrov"), name_key("Turkey")}
    meeting = _only("Sergey Lavrov will meet his Turkish counterpart in Ankara on Monday. "
                    "Mevlüt Çavuşoğlu is expected to raise grain exports.")
    assert _names(meeting) == {name_key("Sergey Lavrov"), name_key("Mevlüt Çavuşoğlu")}


def test_a_statement_whose_cue_object_names_the_meeting_is_about_it():
    text = ("Norway has called off Friday's talks with Iceland. "
            "Iceland described Norway's move to scrap the talks as a \"mistake.\"")
    document = extract(text)
    described = next(s for s in document.statements if s.cue.text == "described")
    assert described.meeting == document.meetings[0].id


def test_the_summit_long_after_it_was_named_is_that_summit():
    text = ("African leaders gathered in Addis Ababa for the African Union summit on Sunday. "
            "Drought has hit the region hard. Prices of grain have doubled. Aid has been slow. "
            "Several delegates said migration would also be reviewed at the summit.")
    document = extract(text)
    assert len(document.meetings) == 1
    linked = [s for s in document.statements if s.meeting]
    assert [s.meeting for s in linked] == [document.meetings[0].id]


def test_what_the_participants_will_discuss_is_about_their_meeting():
    text = ("Sergey Lavrov will meet Antony Blinken in Geneva on Friday. "
            "A spokeswoman said Lavrov and Blinken would discuss arms control.")
    document = extract(text)
    said = next(s for s in document.statements if s.cue.text == "said")
    assert said.meeting == document.meetings[0].id
    assert said.id in document.meetings[0].statements


def test_a_discussion_by_others_is_not_about_the_meeting():
    text = ("Sergey Lavrov will meet Antony Blinken in Geneva on Friday. "
            "A spokeswoman said farmers would discuss grain prices.")
    document = extract(text)
    said = next(s for s in document.statements if s.cue.text == "said")
    assert said.meeting is None


def test_a_negotiating_group_named_before_talks_and_its_counterpart():
    meeting = _only("Diplomats said the P5+1 negotiations with Iran resumed in Vienna on Monday.")
    assert {p.name for p in meeting.participants} == {"P5+1", "Iran"}
    assert meeting.type == "talks"


def test_pro_and_anti_demonyms_are_not_countries():
    assert _meetings("Officials proposed venues for negotiating a ceasefire with pro-Russian separatists.") == ()


def test_coordinated_counterparts_resolve_to_the_people_named_nearby():
    text = ("Antony Blinken will meet with his Russian and Turkish counterparts on Tuesday. "
            "Sergey Lavrov and Mevlüt Çavuşoğlu arrive in Geneva on Monday.")
    meeting = _meetings(text)[0]
    assert _names(meeting) == {name_key(n) for n in ("Antony Blinken", "Sergey Lavrov", "Mevlüt Çavuşoğlu")}


def test_a_name_far_away_in_a_run_on_text_is_not_a_participant():
    # every trigger reads a bounded window (its clause, its sentence, at most a few hundred characters)
    filler = "and the weather stayed mild " * 200
    text = "Sergey Lavrov walked " + filler + "and the diplomats met Antony Blinken"
    meeting = _only(text)
    assert name_key("Sergey Lavrov") not in _names(meeting)
    assert name_key("Antony Blinken") in _names(meeting)


_CARNEY_VISIT = ("Canadian Prime Minister Mark Carney will travel to Canberra next month for talks with "
                 "Australian Prime Minister Anthony Albanese. ")


@pytest.mark.parametrize("follow_up, expected", [
    ("Ottawa hoped the visit would open a new chapter in relations.", "planned"),  # a wish says nothing of its taking place
    ("Ottawa praised the visit as a new chapter in relations.", "held"),  # narration in the past tense does
])
def test_a_past_verb_of_wishing_does_not_make_a_meeting_held(follow_up, expected):
    meeting = _only(_CARNEY_VISIT + follow_up)
    assert meeting.type == "visit"
    assert {p.name for p in meeting.participants} == {"Mark Carney", "Anthony Albanese"}
    assert meeting.status == expected


# ---------------------------------------------------------------- named summits
@pytest.mark.parametrize(("text", "expected"), [
    ("The Brazil-Argentina Summit was held in Rosario on Friday.", {"brazil", "argentina"}),
    ("Officials prepared the Canada-Mexico Summit for next month.", {"canada", "mexico"}),
])
def test_a_summit_named_after_countries_has_those_countries_as_participants(text, expected):
    assert _names(_only(text)) == expected


def test_a_summit_named_after_no_country_or_organisation_is_no_participant():
    meetings = _meetings("The Pacific Ocean Summit was held in Suva on Friday.")
    assert all(not any("summit" in n for n in _names(m)) for m in meetings)


def test_a_summit_named_after_one_place_is_not_met_by_that_place():
    meetings = _meetings("Angela Merkel met Emmanuel Macron on Monday. Both praised the Lisbon Summit they attended.")
    assert all("portugal" not in _names(m) and not any("summit" in n for n in _names(m)) for m in meetings)


def test_a_summit_named_after_a_theme_is_hosted_by_its_host_not_by_its_name():
    summits = [m for m in _meetings("Canada will host the Global Ocean Summit on 3 May.") if m.type == "summit"]
    assert [_names(m) for m in summits] == [{"canada"}]


# ---------------------------------------------------------------- status without a cue
@pytest.mark.parametrize(("text", "expected"), [
    ("The talks between Chile and Peru focused on fishing rights.", "held"),  # reported, no modality: it happened
    ("Chilean-Peruvian talks on fishing rights tomorrow in Lima.", "planned"),  # its time lies ahead
    ("Talks between Chile and Peru on fishing rights in the coming weeks should settle the matter.", "planned"),
    ("Q Did Emmanuel Macron visit Berlin last week?", "unknown"),  # asked, not reported
    ("Can you tell us about the meeting between Emmanuel Macron and Olaf Scholz?", "held"),  # a noun: presupposed
    ("Fisheries are bound to be discussed during Jonas Gahr Støre's visit to Reykjavik.", "planned"),
])
def test_a_meeting_without_a_status_cue_is_held_unless_its_time_lies_ahead_or_it_is_only_asked_about(text, expected):
    assert _only(text).status == expected


# ---------------------------------------------------------------- linking through place and participant
@pytest.mark.parametrize(("second", "linked"), [
    ("Officials said the first thing Soto will raise in Lima is fishing quotas.", True),  # a participant at its place
    ("Officials said the first thing Soto will raise in Bogota is fishing quotas.", False),  # another place
    ("Officials said fishing quotas in Lima were falling.", False),  # the place without a participant
])
def test_a_statement_naming_a_participant_at_the_meetings_place_is_about_it(second, linked):
    document = extract("Ana Soto will travel to Peru next week for talks with Luis Prado.\n" + second)
    (statement,) = document.statements
    assert (statement.meeting == document.meetings[0].id) is linked


# ---------------------------------------------------------------- a coming conversation
@pytest.mark.parametrize(("text", "expected"), [
    ("Lena Berg: I'm talking to Prime Minister Jonas Gahr Støre tomorrow.", {"jonas gahr store"}),
    ("Olaf Scholz will speak with Emmanuel Macron on Friday.", {"olaf scholz", "emmanuel macron"}),
])
def test_a_coming_conversation_with_a_named_leader_is_a_planned_call(text, expected):
    meeting = _only(text)
    assert (meeting.type, meeting.status, _names(meeting)) == ("call", "planned", expected)


@pytest.mark.parametrize("text", [
    "He is speaking to Reuters on Monday.",  # an outlet is no participant
    "She will talk to reporters after the vote.",
    "Ministers are talking to each other about the budget.",
])
def test_talking_to_the_press_or_nobody_named_is_no_call(text):
    assert _meetings(text) == ()


# ---------------------------------------------------------------- names no list knows
@pytest.mark.parametrize(("text", "expected"), [
    ("Antony Blinken met Ana Lopes in Lisbon on Monday.", {"antony blinken", "ana lopes"}),
    ("Ana Lopes met Antony Blinken in Lisbon on Monday.", {"antony blinken", "ana lopes"}),
    ("Antony Blinken will meet with Ana Lopes next week.", {"antony blinken", "ana lopes"}),
    ("Antony Blinken met Sea Breeze Hotel staff.", {"antony blinken"}),  # modifies a noun
    ("Antony Blinken met with the Ana Lopes Foundation.", {"antony blinken"}),  # a name with an article is no person
    ("President Obama met Antony Blinken.", {"barack obama", "antony blinken"}),  # a title and a known name
])
def test_a_full_name_no_list_knows_next_to_a_meeting_verb_is_a_participant(text, expected):
    assert _names(_only(text)) == expected


# ---------------------------------------------------------------- explanations
def test_each_meeting_explains_its_mentions_status_merges_and_links():
    text = ("Ana Soto met Luis Prado in Quito on Monday. Ana Soto and Luis Prado met again on Monday evening. "
            "Soto said the talks with Prado were useful.")
    meeting = _only(text)
    assert meeting.explain[0] == "'met' (meeting, sentence 1): held, cue 'met' [meetings.status.held]"
    assert meeting.explain[1].endswith("joined: shares Ana Soto, Luis Prado; type, time and place compatible [meetings.merge.shared_participants]")
    assert meeting.explain[-1] == "s1 linked: its content names the meeting ('talks') [meetings.link.content_names]"


def test_a_meeting_without_any_cue_says_why_it_is_held():
    meeting = _only("The talks between Chile and Peru focused on fishing rights.")
    assert meeting.explain[-1] == "status held: no mention carries a cue [meetings.status.default]"


def test_the_explanation_is_not_part_of_the_meeting_record():
    meeting = _only("The talks between Chile and Peru focused on fishing rights.")
    assert "explain" not in meeting.to_dict("d")
