"""Meeting rule families added for unseen text: triggers, non-meetings, status classes and
merging. Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from diplo_cli import extract
from diplo_cli.language.lexicons import name_key


def _summary(text: str) -> list[tuple[str, str, set[str]]]:
    return [(m.type, m.status, {name_key(p.name) for p in m.participants}) for m in extract(text).meetings]


def _only(text: str):
    found = _summary(text)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- triggers
@pytest.mark.parametrize(("text", "expected"), [
    ("Emmanuel Macron was speaking with Olaf Scholz when the alarm sounded.", ("call", {"emmanuel macron", "olaf scholz"})),
    ("Emmanuel Macron had a long conversation with Olaf Scholz about energy prices.", ("meeting", {"emmanuel macron", "olaf scholz"})),
    ("Emmanuel Macron and Olaf Scholz held a strategic dialogue in Lisbon.", ("talks", {"emmanuel macron", "olaf scholz"})),
    ("Emmanuel Macron had a frank talk with Olaf Scholz before dinner.", ("talks", {"emmanuel macron", "olaf scholz"})),
    ("Antony Blinken called on Emmanuel Macron at the Elysee on Tuesday.", ("meeting", {"antony blinken", "emmanuel macron"})),
    ("Emmanuel Macron hosted Olaf Scholz for a working dinner in Paris.", ("visit", {"emmanuel macron", "olaf scholz"})),
])
def test_trigger_families(text, expected):
    mtype, _, names = _only(text)
    assert (mtype, names) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga and President Tomas Ferreira discussed border trade by telephone on Monday.",
     ("call", "held", {"marta quiroga", "tomas ferreira"})),
    ("President Marta Quiroga is expected in Lima next week.", ("visit", "planned", {"marta quiroga", "peru"})),
    ("President Marta Quiroga is due in Lima on Monday.", ("visit", "planned", {"marta quiroga", "peru"})),
    ("President Marta Quiroga will begin a three-day tour of the Gulf on Monday.", ("visit", "planned", {"marta quiroga"})),
])
def test_phone_expected_and_tour_triggers(text, expected):
    assert _only(text) == expected


@pytest.mark.parametrize("text", [
    "The Peruvian minister was reached by phone on Monday.",
    "A decision by President Marta Quiroga is expected in March.",
    "The cyclists of Peru rode in the Tour of Flanders.",
])
def test_phone_expected_and_tour_lookalikes_are_not_meetings(text):
    assert _summary(text) == []


def test_a_request_to_speak_is_a_call():
    mtype, _, names = _only("The palace said it had received a request to speak with President Joe Biden.")
    assert mtype == "call" and "joe biden" in names


def test_a_mediation_mission_is_a_visit():
    mtype, status, _ = _only("Emmanuel Macron will lead a mediation mission to Khartoum next week.")
    assert (mtype, status) == ("visit", "planned")


@pytest.mark.parametrize("text", [
    "Antony Blinken called on Iran to release the detained sailors.",
    "Antony Blinken called on President Emmanuel Macron to act quickly.",
    "The ministry held a talk show on television.",
])
def test_appeals_and_shows_are_not_meetings(text):
    assert _summary(text) == []


# ---------------------------------------------------------------- status classes
@pytest.mark.parametrize(("text", "expected"), [
    ("Talks between Emmanuel Macron and Olaf Scholz continued on Friday.", "held"),
    ("Emmanuel Macron and Olaf Scholz are meeting in Lisbon today.", "held"),
    ("Emmanuel Macron and Olaf Scholz are meeting in Lisbon next week.", "planned"),
    ("The visit of Emmanuel Macron to Berlin has been put off until May.", "cancelled"),
    ("Emmanuel Macron accepted an invitation to visit Berlin.", "planned"),
    ("Paris and Berlin set a date for the visit of Emmanuel Macron to Berlin.", "planned"),
    ("Paris and Berlin have not yet set a date for the visit of Emmanuel Macron to Berlin.", "proposed"),
    ("Emmanuel Macron will visit Berlin next week at the invitation of Olaf Scholz.", "planned"),
    ("Emmanuel Macron invited Olaf Scholz to visit Paris.", "proposed"),
    ("A visit by Emmanuel Macron to Berlin has been arranged for next month.", "planned"),
    ("Plans for Emmanuel Macron to visit Berlin are being drawn up.", "planned"),
    ("Emmanuel Macron said he was ready for a meeting with Olaf Scholz.", "proposed"),
    ("No date has been set for a meeting between Emmanuel Macron and Olaf Scholz.", "proposed"),
    ("A meeting between Emmanuel Macron and Olaf Scholz is not on the agenda, an aide said.", "denied"),
    ("There will be no meeting between Emmanuel Macron and Olaf Scholz, an aide said.", "denied"),
    ("Emmanuel Macron quit the talks with Olaf Scholz on Friday.", "cancelled"),
    ("The meeting between Emmanuel Macron and Olaf Scholz was postponed.", "cancelled"),
    ("Emmanuel Macron has no intention of meeting Olaf Scholz, an aide said.", "denied"),
    ("An aide said she would not go into the details of the meeting between Emmanuel Macron and Olaf Scholz next week.", "planned"),
])
def test_status_classes(text, expected):
    assert _only(text)[1] == expected


# ---------------------------------------------------------------- not meetings
@pytest.mark.parametrize("text", [
    "Rovers will meet Dynamo in the cup final on Saturday.",
    "The club met Celtic again in the league last season.",
    "The team will meet Porto next week.",
    "Two more warships arrived in Tartus on Monday.",
    "Fresh troops have arrived in the border town.",
])
def test_fixtures_and_deployments_are_not_meetings(text):
    assert _summary(text) == []


@pytest.mark.parametrize("text", [
    "Emmanuel Macron will meet Olaf Scholz in the final week of June.",
    "Emmanuel Macron met Olaf Scholz at the match in Paris.",
    "Emmanuel Macron arrived in Berlin on Monday.",
])
def test_leaders_near_sport_words_still_meet(text):
    assert len(_summary(text)) == 1


# ---------------------------------------------------------------- links through anaphora
def test_the_call_links_a_later_statement_to_the_call_named_before():
    document = extract("Joe Biden will have a phone call with Emmanuel Macron. An aide said the call would happen soon.")
    (meeting,) = document.meetings
    assert (meeting.type, [m.text for m in meeting.mentions]) == ("call", ["phone call", "call"])
    assert [(s.content.text, s.meeting) for s in document.statements] == [("the call would happen soon", meeting.id)]


@pytest.mark.parametrize("text", [
    "An aide said the call to hold early elections was premature.",
    "The minister renewed her call for restraint.",
])
def test_an_appeal_is_not_a_call(text):
    assert extract(text).meetings == ()


def test_a_relative_clause_after_a_meeting_word_links_to_that_meeting():
    text = "MS. LANE: As we said, Emmanuel Macron will attend the Ocean Summit, which, as you noted, will be held in Nice on Monday."
    document = extract(text)
    summit = next(m for m in document.meetings if m.type == "summit")
    relative = next(s for s in document.statements if s.content.text.startswith("which"))
    assert relative.meeting == summit.id


def test_a_relative_clause_far_from_a_meeting_word_stays_unlinked():
    text = "MS. LANE: Emmanuel Macron will attend the Ocean Summit in Nice on Monday, and the budget, which, as you noted, will be tight."
    document = extract(text)
    relative = next(s for s in document.statements if s.content.text.startswith("which"))
    assert relative.meeting is None


# ---------------------------------------------------------------- participants in a transcript
TRANSCRIPT = (
    "President of France Emmanuel Macron: Chancellor, dear Olaf,\n"
    "I am glad to have this meeting with you in Paris. Our talks today covered energy.\n"
    "Chancellor of Germany Olaf Scholz (retranslated): Mr President,\n"
    "I look forward to your visit to Berlin in the autumn.\n"
)


def test_first_and_second_person_in_a_transcript_are_its_speakers():
    found = _summary(TRANSCRIPT)
    meeting = next(names for mtype, _, names in found if mtype == "meeting")
    visit = next(names for mtype, _, names in found if mtype == "visit")
    assert meeting == {"emmanuel macron", "olaf scholz"}  # 'I ... this meeting with you': speaker and addressee
    assert visit == {"emmanuel macron", "olaf scholz"}  # 'I look forward to your visit': host and the one addressed


def test_pronouns_outside_a_transcript_add_no_speaker():
    found = _summary("President Emmanuel Macron: a profile.\nI am glad to have this meeting with you in Paris.")
    assert all("olaf scholz" not in names for _, _, names in found)


# ---------------------------------------------------------------- merging and splitting
def test_meetings_on_different_relative_days_stay_apart():
    found = _summary("Emmanuel Macron met Olaf Scholz today. Emmanuel Macron will meet Olaf Scholz again tomorrow.")
    assert sorted(status for _, status, _ in found) == ["held", "planned"]


def test_mentions_on_the_same_relative_day_merge():
    found = _summary("Emmanuel Macron met Olaf Scholz today. The meeting between Emmanuel Macron and Olaf Scholz today lasted two hours.")
    assert len(found) == 1


def test_relative_days_differ_only_when_they_always_do():
    from diplo_cli.timenorm import relative_days_differ

    assert relative_days_differ("today", "tomorrow")
    assert relative_days_differ("yesterday", "Tonight")
    assert not relative_days_differ("today", "this morning")
    assert not relative_days_differ("tomorrow", "next week")  # tomorrow may be in next week
    assert not relative_days_differ("today", "Tuesday")


def test_the_articles_own_day_is_told_apart_from_the_days_around_it():
    from diplo_cli.timenorm import points_today

    assert points_today("today") and points_today("tonight") and points_today("this morning")
    assert not points_today("yesterday") and not points_today("this week") and not points_today("Monday")


@pytest.mark.parametrize("text", [
    "Emmanuel Macron thanked Olaf Scholz for the direct meeting today. Macron had met Scholz last week as well.",
    "Emmanuel Macron met Olaf Scholz this morning. The meeting of Macron and Scholz last week was tense.",
])
def test_a_meeting_today_is_not_one_held_before_it(text):
    assert [(t, s) for t, s, _ in _summary(text)] == [("meeting", "held"), ("meeting", "held")]


def test_a_single_speaker_line_opening_the_text_is_a_speech_by_that_person():
    speech = "FOREIGN MINISTER MACRON: Colleagues, we are grateful for the offer to hold talks in Lima.\n"
    found = _summary(speech)
    assert [names for mtype, _, names in found if mtype == "talks"] == [{"emmanuel macron"}]


def test_a_single_speaker_line_inside_the_text_makes_no_speech():
    text = "Officials gathered on Monday.\nFOREIGN MINISTER MACRON: Colleagues, we are grateful for the offer to hold talks in Lima.\n"
    found = _summary(text)
    assert all("emmanuel macron" not in names for _, _, names in found)


def test_a_visit_to_a_known_city_has_its_country_as_host_not_the_city():
    assert _only("The delegation will arrive in Tokyo on Monday.") == ("visit", "planned", {"japan"})


def test_a_briefer_s_pronouns_name_no_participant():
    briefing = ("MS. PSAKI: Good afternoon.\nQ Will the President meet Emmanuel Macron?\n"
                "MS. PSAKI: We will have a bilateral meeting with Emmanuel Macron on Tuesday.\n"
                "MR. KIRBY: Thank you, Jen.\n")
    found = _summary(briefing)
    assert found and all("jen psaki" not in names and "john kirby" not in names for _, _, names in found), found


@pytest.mark.parametrize(("second", "linked"), [
    ("An aide said it would focus on trade.", True),
    ("An aide said the gathering would take up energy prices.", True),
    ("An aide said it was time to discuss trade.", False),  # 'it' is not the meeting here
    ("An aide said tariffs would rise.", False),
])
def test_it_and_the_gathering_after_a_meeting_link_its_agenda(second, linked):
    document = extract("Joe Biden will meet Emmanuel Macron in Paris next week.\n" + second)
    (statement,) = document.statements
    assert (statement.meeting == document.meetings[0].id) is linked


@pytest.mark.parametrize(("text", "expected"), [
    ("Will Emmanuel Macron meet Olaf Scholz next week?", "unknown"),  # a question asserts nothing
    ("Q Did Emmanuel Macron visit Berlin last week?", "unknown"),
    ("Emmanuel Macron will meet Olaf Scholz next week.", "planned"),
    ("Can you confirm the postponed meeting between Emmanuel Macron and Olaf Scholz?", "cancelled"),  # a noun: presupposed
])
def test_a_yes_no_question_about_the_meeting_verb_asserts_no_status(text, expected):
    assert _only(text)[1] == expected


def test_a_meeting_word_right_after_a_speaker_line_is_read_in_that_turn():
    transcript = ("President of France Emmanuel Macron: Meeting you is a pleasure.\n"
                  "Chancellor of Germany Olaf Scholz: Our meeting today matters.\n")
    assert [names for _, _, names in _summary(transcript)] == [{"emmanuel macron", "olaf scholz"}]


# ---------------------------------------------------------------- named after its members
def test_a_summit_named_after_its_members_has_them_as_participants():
    found = _summary("President Marta Quiroga spoke with President Tomas Ferreira in advance of next week's Summit of the Americas.")
    assert ("call", "held", {"marta quiroga", "tomas ferreira"}) in found
    assert ("summit", "planned", {"americas"}) in found


def test_attendees_join_the_group_a_summit_is_named_after():
    assert _only("President Marta Quiroga will attend the Summit of the African Union in Lima next week.") == \
        ("summit", "planned", {"marta quiroga", "african union"})


def test_a_summit_named_after_no_group_names_no_participant():
    assert _summary("The Summit of the Future opened in Lima on Monday.") == []


def test_a_host_of_issues_is_no_hosting():
    assert _summary("The envoy raised a host of border issues with the Peruvian minister.") == []


# ---------------------------------------------------------------- officials named by their countries
@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga met the leaders of Peru, Bolivia and Ecuador in Quito.", {"marta quiroga", "peru", "bolivia", "ecuador"}),
    ("President Marta Quiroga will meet Peruvian and Bolivian officials in Quito.", {"marta quiroga", "peru", "bolivia"}),
    ("President Marta Quiroga met President Tomas Ferreira and officials of Peru in Quito.", {"marta quiroga", "tomas ferreira"}),
])
def test_officials_met_stand_for_their_countries(text, expected):
    assert _only(text)[2] == expected


# ---------------------------------------------------------------- thanks for receiving us
def test_thanks_for_receiving_us_is_the_meeting_of_speaker_and_addressee():
    text = ("PRESIDENT MACRON: Chancellor, welcome to Paris.\n"
            "CHANCELLOR SCHOLZ: Mr. President, thanks for receiving our delegation today.\n"
            "PRESIDENT MACRON: It is a pleasure.")
    assert _only(text) == ("meeting", "held", {"olaf scholz", "emmanuel macron"})


def test_thanks_for_an_invitation_reports_no_meeting():
    text = ("PRESIDENT MACRON: Chancellor, welcome to Paris.\n"
            "CHANCELLOR SCHOLZ: Mr. President, thank you for the invitation.\n"
            "PRESIDENT MACRON: It is a pleasure.")
    assert _summary(text) == []


# ---------------------------------------------------------------- place sanity
def test_a_title_after_to_is_no_place():
    found = extract("President Marta Quiroga said she would speak by phone to General Tomas Ferreira tomorrow.").meetings
    assert [(m.type, m.place) for m in found] == [("call", None)]


def test_a_city_after_to_stays_the_place():
    found = extract("President Marta Quiroga will travel to Lima to meet General Tomas Ferreira.").meetings
    assert [m.place.text for m in found] == ["Lima"]


# ---------------------------------------------------------------- links through an event word
@pytest.mark.parametrize(("content", "linked"), [
    ("the gathering would be a success", True),
    ("the event would give a clear signal to the region", True),
    ("the encounter would be useful", True),
    ("it would supply more copper", False),
    ("the harvest was poor", False),
])
def test_an_event_word_as_subject_links_to_the_meeting_before(content, linked):
    text = ("President Marta Quiroga of Chile will meet President Tomas Ferreira of Peru in Lima next week. "
            f"A Chilean spokesman said {content}.")
    statements = extract(text).statements
    assert [s.meeting for s in statements] == ["m1" if linked else None]


# ---------------------------------------------------------------- the subject after a leading clause
@pytest.mark.parametrize(("text", "expected"), [
    ("After meeting President Tomas Ferreira of Peru in Lima, President Marta Quiroga of Chile said the two countries would build a road.",
     ("meeting", {"marta quiroga", "tomas ferreira"})),
    ("Speaking after talks with President Tomas Ferreira of Peru, President Marta Quiroga of Chile praised the new road.",
     ("talks", {"marta quiroga", "tomas ferreira"})),
])
def test_the_main_subject_takes_part_in_a_leading_clause_meeting(text, expected):
    mtype, _, names = _only(text)
    assert (mtype, names) == expected


def test_the_antecedent_of_who_may_carry_its_country():
    text = ("President Marta Quiroga of Chile, who met President Tomas Ferreira of Peru in Lima, "
            "said the two countries would build a new road.")
    assert _only(text)[2] == {"marta quiroga", "tomas ferreira"}


def test_thanks_for_inviting_me_is_said_during_the_visit():
    text = ("PRESIDENT MACRON: Chancellor, welcome.\n"
            "CHANCELLOR SCHOLZ: Thank you for kindly inviting me to make a state visit to France.\n"
            "PRESIDENT MACRON: A pleasure.")
    assert _only(text)[:2] == ("visit", "held")


# ---------------------------------------------------------------- sending negotiators
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile sent a negotiating team to Lima on Monday.", ("visit", "held", {"chile", "peru"})),
    ("Chile will send a negotiating team to Lima next week.", ("visit", "planned", {"chile", "peru"})),
    ("Chile is sending another team to Lima, an official said.", ("visit", "planned", {"chile", "peru"})),
])
def test_sending_a_delegation_is_its_visit(text, expected):
    assert _only(text) == expected


def test_sending_a_letter_is_no_visit():
    assert _summary("Chile sent a letter to Lima on Monday.") == []


@pytest.mark.parametrize(("text", "linked"), [
    ("President Marta Quiroga of Chile will attend the G20 summit in Rome, where she said she would raise the price of copper.", True),
    ("President Marta Quiroga of Chile will attend the G20 summit in Rome. She said she would raise the price of copper.", False),
])
def test_a_statement_said_in_a_relative_clause_of_a_meeting_is_about_it(text, linked):
    assert [s.meeting for s in extract(text).statements] == ["m1" if linked else None]


@pytest.mark.parametrize(("place", "expected"), [
    ("at the French side's initiative", None),
    ("at the Chilean embassy", None),
    ("at Ferreira's residence", None),
    ("in the US", "US"),
    ("in France", "France"),
])
def test_an_adjective_or_a_possessive_is_no_place(place, expected):
    found = extract(f"President Marta Quiroga of Chile met President Tomas Ferreira of Peru {place}.").meetings
    assert [m.place.text if m.place else None for m in found] == [expected]


def test_countries_of_a_relation_are_the_topic_of_a_meeting_referred_back_to():
    text = ("President Emmanuel Macron will meet Chancellor Olaf Scholz in Paris next week. "
            "China's foreign ministry said the meeting could further damage French-Chinese relations.")
    assert _only(text)[2] == {"emmanuel macron", "olaf scholz"}


@pytest.mark.parametrize("text", [
    "Peru prefers bilateral negotiations over the water rights of the river.",
    "Norland opposes engaging in multi-lateral talks that would give small states more say.",
])
def test_a_preferred_form_of_negotiation_is_no_meeting(text):
    assert _summary(text) == []


def test_the_conversation_between_two_leaders_is_a_meeting():
    assert _only("The conversation between President Marta Quiroga and President Tomas Ferreira in Lima lasted an hour.") == \
        ("meeting", "held", {"marta quiroga", "tomas ferreira"})


def test_a_national_conversation_is_no_meeting():
    assert _summary("The minister called for a national conversation about schools in Lima.") == []


def test_a_surname_in_the_possessive_before_a_meeting_noun_takes_part():
    text = ("Chancellor Olaf Scholz met President Emmanuel Macron on Monday. "
            "Scholz's meeting with Prime Minister Giorgia Meloni was called off.")
    found = _summary(text)
    assert ("meeting", "cancelled", {"olaf scholz", "giorgia meloni"}) in found


def test_a_held_meeting_and_a_dated_plan_stay_apart():
    found = _summary("President Marta Quiroga met President Tomas Ferreira in Lima. The two presidents will meet again on 12 March.")
    assert [(t, s) for t, s, _ in found] == [("meeting", "held"), ("meeting", "planned")]


def test_a_held_meeting_and_its_account_merge():
    found = _summary("President Marta Quiroga met President Tomas Ferreira in Lima on Monday. The meeting lasted two hours.")
    assert [(t, s) for t, s, _ in found] == [("meeting", "held")]


@pytest.mark.parametrize(("tail", "expected"), [
    ("to discuss the situation in Bolivia", None),
    ("in Lima to discuss the war in Ukraine", "Lima"),
    ("in Bolivia", "Bolivia"),
])
def test_a_topic_place_is_not_the_meeting_place(tail, expected):
    found = extract(f"President Marta Quiroga of Chile met President Tomas Ferreira of Peru {tail}.").meetings
    assert [m.place.text if m.place else None for m in found] == [expected]


def test_the_subject_matter_of_talks_does_not_take_their_place():
    [meeting] = extract("The foreign ministers of Peru and Chile held talks on trade in Geneva on Monday.").meetings
    assert meeting.place is not None and meeting.place.text == "Geneva"
    [war] = extract("The foreign ministers of Peru and Chile held talks on the war in Ukraine on Monday.").meetings
    assert war.place is None


def test_an_event_name_is_never_a_participant():
    text = ("On the upcoming Andean Summit, the two leaders discussed the importance of meeting in person. "
            "The Prime Minister also invited the President to attend the Global Water Summit that Chile is hosting on 4 May.")
    names = {p for _, _, participants in _summary(text) for p in participants}
    assert names and not any(name.endswith("summit") for name in names), names


@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga will host the Andean summit in Lima next week.", [("summit", "planned", {"marta quiroga"})]),
    ("Canada will host the Global Ocean Summit on 3 May.", [("summit", "planned", {"canada"})]),
    ("The Andean summit that Chile is hosting will open in May.", [("summit", "planned", {"chile"})]),
    ("Chile hosted the first meeting of the Andean water group in Lima.", [("meeting", "held", {"chile"})]),
    ("President Marta Quiroga looked forward to welcoming Chancellor Ana Lind to next week's Andean summit in Lima.",
     [("summit", "planned", {"marta quiroga", "ana lind"})]),
    # a guest, not an event, as the object: the hosting is a visit
    ("President Marta Quiroga welcomed President Tomas Ferreira to Lima on Monday.", [("visit", "held", {"marta quiroga", "tomas ferreira"})]),
    ("Emmanuel Macron hosted Olaf Scholz for a working dinner in Paris.", [("visit", "held", {"emmanuel macron", "olaf scholz"})]),
])
def test_hosting_an_event_is_taking_part_in_it_not_a_visit(text, expected):
    assert _summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chancellor Olaf Scholz spoke to President Emmanuel Macron this afternoon.", [("call", "held", {"olaf scholz", "emmanuel macron"})]),
    ("Olaf Scholz spoke to his French counterpart on Monday.", [("call", "held", {"olaf scholz", "france"})]),
    ("Olaf Scholz spoke to reporters in Berlin.", []),
    ("Olaf Scholz spoke to Reuters on Monday.", []),
    ("Olaf Scholz spoke to the nation on Monday.", []),
])
def test_speaking_to_an_office_holder_is_a_call(text, expected):
    assert _summary(text) == expected


def test_an_answer_to_a_question_about_a_meeting_is_about_it():
    text = ("Q Is there any update on the President's call with King Tomas of Arnor?\n"
            "MS. LOPES: I don't have an update. I would say we expect it to happen very soon.")
    document = extract(text)
    assert [(s.content.text, s.meeting) for s in document.statements] == [("we expect it to happen very soon", document.meetings[0].id)]
    assert document.meetings[0].type == "call"


@pytest.mark.parametrize("text", [
    # the question names no meeting
    "Q Is there any update on the harvest in Arnor?\nMS. LOPES: I don't have an update. I would say we expect it to happen very soon.",
    # the answer names a meeting of its own before the statement: the question's meeting is not the topic
    ("Q Is there any update on the President's call with King Tomas of Arnor?\n"
     "MS. LOPES: The President met Prime Minister Ana Lind on Monday. I would say the harvest was good."),
])
def test_an_answer_is_not_linked_to_the_question_meeting_without_reason(text):
    document = extract(text)
    asked = [m.id for m in document.meetings if m.type == "call"]
    assert not any(s.meeting in asked for s in document.statements)


@pytest.mark.parametrize(("text", "place"), [
    ("President Marta Quiroga will attend the Andean summit next week, a gesture to Peru.", None),
    ("President Marta Quiroga will meet President Tomas Ferreira next week, as it relates to Bolivia.", None),
    ("President Marta Quiroga will meet President Tomas Ferreira in Lima next week.", "Lima"),
    ("President Marta Quiroga will travel to Peru next week.", "Peru"),  # a trip: 'to' is where it goes
    ("President Marta Quiroga spoke by phone with President Tomas Ferreira on her flight to Lima.", None),
])
def test_to_names_the_place_of_a_trip_only(text, place):
    meetings = extract(text).meetings
    assert len(meetings) == 1 and (meetings[0].place and meetings[0].place.text) == place


@pytest.mark.parametrize(("text", "expected"), [
    ("Following the telephone conversation with President Tomas Ferreira, President Marta Quiroga met with Prime Minister Ana Lind.",
     [("call", "held", {"tomas ferreira"}), ("meeting", "held", {"marta quiroga", "ana lind"})]),
    ("During the telephone conversation, President Marta Quiroga congratulated President Tomas Ferreira.",
     [("call", "held", {"marta quiroga", "tomas ferreira"})]),
    # a leading clause that places the main event against another one ('in line with', 'ahead of', 'building on')
    ("In line with talks between President Marta Quiroga and President Tomas Ferreira, Peru held technical talks with the Chilean delegation in Lima.",
     [("talks", "held", {"marta quiroga", "tomas ferreira"}), ("talks", "held", {"peru", "chile"})]),
    ("Ahead of her talks with President Tomas Ferreira, President Marta Quiroga met with Prime Minister Ana Lind.",
     [("talks", "planned", {"tomas ferreira"}), ("meeting", "held", {"marta quiroga", "ana lind"})]),
])
def test_a_leading_clause_is_a_clause_of_its_own(text, expected):
    assert _summary(text) == expected


def test_coordinated_meetings_keep_their_own_objects():
    assert _summary("Antony Blinken held talks with Sergey Lavrov and a meeting with Vladimir Putin on Monday.") == [
        ("talks", "held", {"antony blinken", "sergey lavrov"}), ("meeting", "held", {"antony blinken", "vladimir putin"})]


@pytest.mark.parametrize(("text", "expected"), [
    (("President Marta Quiroga and President Tomas Ferreira held talks in Lima. "
     "Minister Ana Lind and Minister Jorge Paz took part in the talks for the Chilean side."),
     [("talks", "held", {"marta quiroga", "tomas ferreira"})]),
    ("President Marta Quiroga held talks with President Tomas Ferreira in Lima. Minister Ana Lind raised the border during the talks.",
     [("talks", "held", {"marta quiroga", "tomas ferreira"})]),
    # talks with an object of their own are new talks
    ("President Marta Quiroga and President Tomas Ferreira held talks in Lima. Minister Ana Lind will hold talks with Minister Jorge Paz on Monday.",
     [("talks", "held", {"marta quiroga", "tomas ferreira"}), ("talks", "planned", {"ana lind", "jorge paz"})]),
])
def test_the_talks_attended_are_the_talks_named_before(text, expected):
    assert _summary(text) == expected


@pytest.mark.parametrize(("text", "mtype"), [
    ("Chilean and Peruvian officials are meeting virtually today to discuss the border.", "call"),
    ("President Marta Quiroga and President Tomas Ferreira met by video link on Monday.", "call"),
    ("President Marta Quiroga and President Tomas Ferreira met in Lima on Monday.", "meeting"),
])
def test_a_meeting_said_to_go_by_a_medium_is_a_call(text, mtype):
    assert [m[0] for m in _summary(text)] == [mtype]


@pytest.mark.parametrize(("text", "expected"), [
    (("President Marta Quiroga met President Tomas Ferreira in Lima on Monday. "
     "The two presidents agreed that their next meeting would take place in Santiago."),
     [("meeting", "held", {"marta quiroga", "tomas ferreira"}), ("meeting", "planned", {"marta quiroga", "tomas ferreira"})]),
    ("President Marta Quiroga met President Tomas Ferreira in Lima on Monday. They will meet again soon.",
     [("meeting", "held", {"marta quiroga", "tomas ferreira"}), ("meeting", "planned", {"marta quiroga", "tomas ferreira"})]),
    # a plan said twice is one plan
    ("President Marta Quiroga will meet President Tomas Ferreira next week. The upcoming meeting will focus on trade.",
     [("meeting", "planned", {"marta quiroga", "tomas ferreira"})]),
])
def test_the_next_meeting_is_not_the_one_held(text, expected):
    assert _summary(text) == expected


@pytest.mark.parametrize(("text", "status"), [
    ("On Thursday the Andean ministers will come to Lima as delegations hosted by President Marta Quiroga.", "planned"),
    ("The Andean leaders were hosted by President Marta Quiroga in Lima.", "held"),
])
def test_a_participle_with_its_agent_has_no_tense_of_its_own(text, status):
    assert [m[1] for m in _summary(text)] == [status]


def test_a_meeting_noun_owned_by_a_named_person_is_theirs():
    assert _summary("President Marta Quiroga thanked President Tomas Ferreira for Secretary Ana Lind's visit to Lima.") == [
        ("visit", "held", {"ana lind", "peru"})]


@pytest.mark.parametrize(("text", "expected"), [
    (('President Marta Quiroga met President Tomas Ferreira in Lima. "Peru is our oldest friend," Quiroga said when welcoming '
     "President Tomas Ferreira in Lima before their meeting."), [("meeting", "held", {"marta quiroga", "tomas ferreira"})]),
    # a reception elsewhere is a visit of its own
    ("President Marta Quiroga met President Tomas Ferreira in Lima on Monday. Quiroga welcomed President Tomas Ferreira in Cusco on Tuesday.",
     [("meeting", "held", {"marta quiroga", "tomas ferreira"}), ("visit", "held", {"marta quiroga", "tomas ferreira"})]),
])
def test_a_reception_at_the_meeting_is_that_meeting(text, expected):
    assert _summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga expects a phone call with President Tomas Ferreira very soon. She spoke with Tomas Ferreira last week about the border.",
     [("call", "planned", {"marta quiroga", "tomas ferreira"}), ("call", "held", {"marta quiroga", "tomas ferreira"})]),
    # the meetings already held name no time: still not the one planned for next week
    ("President Marta Quiroga will meet President Tomas Ferreira next week. Quiroga and Ferreira have already met twice in Lima.",
     [("meeting", "planned", {"marta quiroga", "tomas ferreira"}), ("meeting", "held", {"marta quiroga", "tomas ferreira"})]),
    # held first, the plan after it with a time ahead
    ("President Marta Quiroga met President Tomas Ferreira in Lima. Quiroga will meet Ferreira next week.",
     [("meeting", "held", {"marta quiroga", "tomas ferreira"}), ("meeting", "planned", {"marta quiroga", "tomas ferreira"})]),
])
def test_a_meeting_held_at_a_time_behind_is_not_the_one_planned_ahead(text, expected):
    assert _summary(text) == expected


def test_a_briefers_label_is_no_antecedent_of_his():
    text = "MS. PSAKI: Good afternoon. Just one item to start with before his bilateral meeting with Foreign Minister Sergey Lavrov at noon."
    assert [names for _, _, names in _summary(text)] == [{"sergey lavrov"}]


# ---------------------------------------------------------------- participants asked about in a transcript
def test_a_call_in_an_answer_is_between_the_people_the_question_names():
    text = ("Q On the border, has President Marta Quiroga reached out to Prime Minister Tomas Ferreira yet?\n"
            "MS. LIND: There will be a call soon. I have nothing more on that.\n")
    assert _summary(text) == [("call", "planned", {"marta quiroga", "tomas ferreira"})]


@pytest.mark.parametrize("text", [
    "Q On the border, has President Marta Quiroga reached out to the opposition yet?\nMS. LIND: There will be a call soon.\n",
    "President Marta Quiroga thanked Prime Minister Tomas Ferreira for the aid. There will be a call soon.\n",
])
def test_a_call_that_names_nobody_outside_an_answer_or_after_a_one_person_question_makes_no_meeting(text):
    assert _summary(text) == []


@pytest.mark.parametrize("text", [
    "On Friday President Marta Quiroga took part in an Asia-Pacific Economic Cooperation (APEC) Trade Ministers’ Meeting.",
    "On Friday President Marta Quiroga took part in the APEC Virtual Leaders’ Meeting.",
])
def test_a_group_in_brackets_or_before_capitalised_modifiers_names_the_meeting(text):
    assert _summary(text) == [("meeting", "held", {"apec"})]


# ---------------------------------------------------------------- a meeting said never to have taken place
@pytest.mark.parametrize("text", [
    "President Marta Quiroga has never met Prime Minister Tomas Ferreira.",
    "President Marta Quiroga was not known to have visited Peru.",
])
def test_a_meeting_said_never_to_have_happened_is_not_held(text):
    assert [status for _, status, _ in _summary(text)] == ["denied"]


def test_a_meeting_after_a_gap_is_held():
    assert [status for _, status, _ in _summary("President Marta Quiroga met Prime Minister Tomas Ferreira in Lima on Monday.")] == ["held"]


# ---------------------------------------------------------------- a cancelled meeting is not a held one
@pytest.mark.parametrize("text", [
    "Ana Soto met Luis Prado in Lima. Ana Soto cancelled a meeting with Luis Prado, officials said.",
    "President Ana Soto called off a trip to Peru. President Ana Soto travelled to Peru instead.",
])
def test_a_cancelled_mention_and_a_held_meeting_stay_apart(text):
    assert sorted(status for _, status, _ in _summary(text)) == ["cancelled", "held"]


def test_a_planned_meeting_then_cancelled_is_one():
    text = "Ana Soto will meet Luis Prado in Lima. Ana Soto cancelled a meeting with Luis Prado, officials said."
    assert [status for _, status, _ in _summary(text)] == ["cancelled"]


# ---------------------------------------------------------------- the next meeting of the same people
def test_the_next_meeting_that_names_nobody_is_the_same_peoples_next_one():
    text = ("President Ana Soto and President Luis Prado held talks in Lima today. "
            "They agreed that the next meeting will take place in May.")
    assert _summary(text) == [("talks", "held", {"ana soto", "luis prado"}), ("meeting", "planned", {"ana soto", "luis prado"})]


def test_the_meeting_that_names_nobody_after_a_held_one_is_that_one():
    text = "President Ana Soto and President Luis Prado held talks in Lima today. The meeting lasted two hours."
    assert _summary(text) == [("talks", "held", {"ana soto", "luis prado"})]


# ---------------------------------------------------------------- a status cue governs its own trigger
@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga called off the talks with President Tomas Ferreira and held a meeting with Prime Minister Ana Lind on Monday.",
     [("talks", "cancelled"), ("meeting", "held")]),
    ("President Marta Quiroga postponed the visit to Lima and met Prime Minister Ana Lind in Quito on Monday.",
     [("visit", "cancelled"), ("meeting", "held")]),
])
def test_a_status_cue_does_not_reach_past_another_trigger(text, expected):
    assert [(mtype, status) for mtype, status, _ in _summary(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks and the visit of President Marta Quiroga to Lima were postponed.", [("talks", "cancelled"), ("visit", "cancelled")]),
    ("President Marta Quiroga was not known to have visited Peru or met President Tomas Ferreira.", [("visit", "denied")]),
    ("President Marta Quiroga invited President Tomas Ferreira to the Andean summit that Chile is hosting in May.", [("summit", "planned")]),
])
def test_coordinated_and_relative_triggers_share_a_status_cue(text, expected):
    assert [(mtype, status) for mtype, status, _ in _summary(text)] == expected


def test_a_cancellation_is_not_carried_to_the_next_mention_of_its_sentence():
    text = "President Marta Quiroga called off the talks with Peru, citing a meeting between President Tomas Ferreira and Prime Minister Ana Lind in Lima."
    assert [(mtype, status) for mtype, status, _ in _summary(text)] == [("talks", "cancelled"), ("meeting", "held")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile and Peru held a phone call on Monday instead of the planned meeting in Lima.", [("call", "held"), ("meeting", "cancelled")]),
    ("Instead of discussing trade at the summit, President Marta Quiroga met President Tomas Ferreira in Lima.", [("summit", "held"), ("meeting", "held")]),
])
def test_instead_of_cancels_only_the_meeting_it_names(text, expected):
    assert [(mtype, status) for mtype, status, _ in _summary(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga and President Tomas Ferreira agreed to meet again in Lima, and praised the November trip of the trade ministers to Quito.",
     [("meeting", "planned"), ("visit", "held")]),
    ("President Marta Quiroga will meet President Tomas Ferreira in Lima and attend the Andean summit.", [("meeting", "planned"), ("summit", "planned")]),
])
def test_the_modality_before_is_not_carried_across_a_past_verb_of_its_own(text, expected):
    assert [(mtype, status) for mtype, status, _ in _summary(text)] == expected


@pytest.mark.parametrize("text", [
    "President Marta Quiroga is busy with the debt ceiling negotiations in Congress this week.",
    "The wage talks between the steel union and the employers resumed in Santiago on Monday.",
])
def test_domestic_negotiations_are_not_meetings(text):
    assert _summary(text) == []


def test_talks_of_a_union_of_states_stay_meetings():
    assert [(mtype, status) for mtype, status, _ in _summary("The African Union talks with Chile and Peru resumed in Lima on Monday.")] == [("talks", "held")]


# ---------------------------------------------------------------- participants: a visit's host
@pytest.mark.parametrize(("text", "expected"), [
    ("The visit to Peru by Secretary Ana Lind ended on Monday.", {"ana lind", "peru"}),
    ("Secretary Ana Lind travels to Peru today, accompanied by Senator Jorge Paz.", {"ana lind", "jorge paz", "peru"}),
    ("Secretary Ana Lind will make a trip next month to Peru, South Korea and Chile.", {"ana lind", "peru", "south korea", "chile"}),
    # a named person of the country visited stands for it
    ("Secretary Ana Lind visited Moscow for talks with Foreign Minister Sergey Lavrov.", {"ana lind", "sergey lavrov"}),
])
def test_the_country_visited_hosts_beside_the_people_named(text, expected):
    found = _summary(text)
    assert any(mtype == "visit" and names == expected for mtype, _, names in found), found


# ---------------------------------------------------------------- participants: a transcript label that names nobody
def test_a_role_label_is_the_person_its_turns_say_i_for():
    text = ("Q Sir, is the border on your mind?\nTHE PRESIDENT: Yes. I said that the border is safe.\n"
            "Q And the call?\nTHE PRESIDENT: I am talking to President Marta Quiroga tomorrow.\n")
    document = extract(text, year=2023)
    assert [s.speaker.name for s in document.statements] == ["Joe Biden"]
    assert [(m.type, m.status, {name_key(p.name) for p in m.participants}) for m in document.meetings] == \
        [("call", "planned", {"joe biden", "marta quiroga"})]


def test_a_role_label_with_no_resolved_i_names_no_participant():
    text = "Q Sir, is the border on your mind?\nTHE PRESIDENT: Yes. The border is safe. I am talking to President Marta Quiroga tomorrow.\n"
    assert _summary(text) == [("call", "planned", {"marta quiroga"})]


def test_a_meeting_during_a_visit_is_at_the_visits_place():
    text = ("President Marta Quiroga arrived in Quito on Sunday, after her visit to Peru, where she met with President Tomas Ferreira. "
            "Quiroga and Ferreira had a good meeting.")
    meetings = extract(text).meetings
    assert [(m.type, m.status, m.place and m.place.text, len(m.mentions)) for m in meetings] == [
        ("visit", "held", "Quito", 1), ("visit", "held", "Peru", 3)]


@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga and President Tomas Ferreira held talks. Quiroga invited Ferreira to visit Peru next year.",
     [("talks", {"marta quiroga", "tomas ferreira"}), ("visit", {"marta quiroga", "tomas ferreira"})]),
    ("President Marta Quiroga and President Tomas Ferreira held talks. Quiroga thanked Ferreira for the visit.",
     [("talks", {"marta quiroga", "tomas ferreira"})]),
    ("President Marta Quiroga visited Chile in May, where she met President Tomas Ferreira. Quiroga and Ferreira will meet in Lima in October.",
     [("visit", {"marta quiroga", "tomas ferreira"}), ("meeting", {"marta quiroga", "tomas ferreira"})]),
])
def test_a_visit_to_come_is_not_the_talks_held(text, expected):
    assert [(t, names) for t, _, names in _summary(text)] == expected


def test_a_meeting_to_come_is_not_the_visit_held():
    text = "As agreed during the visit of President Marta Quiroga to Chile, Quiroga and President Tomas Ferreira will hold a meeting today."
    assert [(t, s) for t, s, _ in _summary(text)] == [("visit", "held"), ("meeting", "planned")]


# ---------------------------------------------------------------- links through the status cue a content holds
@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga was to visit Lima on Monday, but her office said it had been called off.", ("m1", "cancelled")),
    ("President Tomas Ferreira was due to visit Santiago, but aides said on Friday that the plan had been postponed.", ("m1", "cancelled")),
    ("At the summit in Lima, President Marta Quiroga said Chile will buy more copper from Peru.", (None, None)),
    ("President Marta Quiroga met President Tomas Ferreira in Lima, and aides said the harvest continued.", (None, None)),
])
def test_a_content_holding_the_status_cue_of_a_meeting_is_about_it(text, expected):
    statements = extract(text).statements
    assert [(s.meeting, s.meeting_status) for s in statements] == [expected]


def test_a_cancellation_a_linked_statement_asserts_sets_the_meeting_status():
    document = extract("President Tomas Ferreira was due to visit Santiago, but aides said on Friday that the plan had been postponed.")
    assert [(m.type, m.status) for m in document.meetings] == [("visit", "cancelled")]
    assert any("asserted by a statement" in line for line in document.meetings[0].explain)
    assert [(s.meeting, s.meeting_status) for s in document.statements] == [("m1", "cancelled")]


# ---------------------------------------------------------------- a content's tense is not the meeting's
@pytest.mark.parametrize(("text", "status"), [
    ("At the summit in Lima, President Marta Quiroga said Chile will buy more copper from Peru.", "held"),
    ("After the talks in Lima, President Marta Quiroga said Chile would buy more copper from Peru.", "held"),
    ("President Marta Quiroga said she will visit Lima next week.", "planned"),
    ("Ahead of next week's summit in Lima, President Marta Quiroga said Chile will buy more copper.", "planned"),
])
def test_a_future_auxiliary_in_a_content_does_not_set_the_status_of_a_meeting_outside_it(text, status):
    assert [m.status for m in extract(text).meetings] == [status]


# ---------------------------------------------------------------- the agenda of an earlier meeting, past a nearer one
@pytest.mark.parametrize(("second", "linked"), [
    ("Aides said Quiroga and Ferreira would discuss the border dispute.", "m1"),
    ("Aides said farmers would discuss copper prices.", None),
])
def test_an_agenda_naming_the_participants_links_past_a_nearer_meeting(second, linked):
    text = ("President Marta Quiroga will meet President Tomas Ferreira on the sidelines of the Andean Trade Conference in Lima. "
            + second)
    document = extract(text)
    assert [m.type for m in document.meetings] == ["meeting", "other"]
    assert [s.meeting for s in document.statements] == [linked]


@pytest.mark.parametrize(("second", "expected"), [
    ("He said that is not his intention.", ("m1", "denied")),
    ("He said the harvest was poor.", (None, None)),
])
def test_a_denial_in_the_sentence_after_a_meeting_word_is_about_that_meeting(second, expected):
    document = extract("President Tomas Ferreira was asked whether he was going to meet President Marta Quiroga in Lima. " + second)
    assert [(s.meeting, s.meeting_status) for s in document.statements] == [expected]
    assert [m.status for m in document.meetings] == [expected[1] or "unknown"]  # asked whether: no status of its own


# ---------------------------------------------------------------- participants: 'inviting me' in a transcript turn
def test_the_me_a_directive_addresses_is_the_turns_speaker():
    text = ("President Marta Quiroga: Mr President, welcome to Santiago.\n"
            "President Tomas Ferreira: Thank you, Madam President, for kindly inviting me to make a state visit to Chile.\n")
    assert _summary(text) == [("visit", "held", {"tomas ferreira", "marta quiroga"})]


def test_a_named_addressee_of_an_invitation_in_a_turn_stays_the_visitor():
    text = ("President Marta Quiroga: Mr President, welcome to Santiago.\n"
            "President Tomas Ferreira: Thank you. President Marta Quiroga invited Minister Ana Lind to pay a visit to Chile.\n")
    assert _summary(text) == [("visit", "proposed", {"ana lind", "marta quiroga"})]


# ---------------------------------------------------------------- participants: 'we' of a trip in a transcript turn
@pytest.mark.parametrize(("line", "expected"), [
    ("Thank you. Tomorrow we will leave for Peru.", ("visit", "planned", {"tomas ferreira", "peru"})),
    ("Thank you. We met in Lima last year.", ("meeting", "held", {"tomas ferreira", "marta quiroga"})),
    ("Thank you. We met with President Jorge Paz in Lima last year.", ("meeting", "held", {"tomas ferreira", "jorge paz"})),
    ("Thank you. We met with you in Lima last year.", ("meeting", "held", {"tomas ferreira", "marta quiroga"})),
])
def test_the_we_of_a_trip_is_the_speakers_side(line, expected):
    text = f"President Marta Quiroga: Mr President, welcome to Santiago.\nPresident Tomas Ferreira: {line}\n"
    assert _only(text) == expected


# ---------------------------------------------------------------- asked about, or not answered: no status
@pytest.mark.parametrize(("text", "status"), [
    ("Reporters asked whether President Marta Quiroga will meet President Tomas Ferreira in Lima.", "unknown"),
    ("Q Can you say whether the President will call President Tomas Ferreira or set up a meeting?", "unknown"),
    ("President Marta Quiroga was asked if she would visit Peru.", "unknown"),
    ("If President Marta Quiroga travels to Lima, she will meet President Tomas Ferreira.", "planned"),
    ("MS. LOPES: I don't have any talks to confirm with President Tomas Ferreira.", "unknown"),
    ("MS. LOPES: We have no trip to announce for President Tomas Ferreira.", "unknown"),
    ("MS. LOPES: I don't have the details of the meeting with President Tomas Ferreira.", "held"),
])
def test_a_meeting_asked_about_or_not_answered_asserts_no_status(text, status):
    assert {m.status for m in extract(text).meetings} == {status}


# ---------------------------------------------------------------- a second statement of the same speaker and sentence
@pytest.mark.parametrize(("text", "expected"), [
    (("Chile said it was preparing for President Tomas Ferreira to make the trip to Santiago, telling reporters it was "
     "working through the logistics."), ["m1", "m1"]),
    (("Chile said it was preparing for President Tomas Ferreira to make the trip to Santiago. Chile told reporters it was "
     "working through the harvest."), ["m1", None]),
    (("Chile said it was preparing for President Tomas Ferreira to make the trip to Santiago, while Peru said the harvest "
     "was poor."), ["m1", None]),
    (("President Tomas Ferreira said that Peru would buy more copper, adding that a new round of talks with Chile was "
     "planned for May."), [None, "m1"]),
    ('Aides said, "President Tomas Ferreira will visit Santiago in May." They added Chile was ready.', ["m1", None]),
])
def test_a_second_statement_of_the_same_speaker_and_sentence_goes_on_about_the_meeting(text, expected):
    document = extract(text)
    assert [s.meeting for s in document.statements] == expected
    assert list(document.meetings[0].statements) == [s.id for s in document.statements if s.meeting == "m1"]


@pytest.mark.parametrize(("second", "linked"), [
    ("Aides said Quiroga will raise with Ferreira the price of copper.", "m1"),
    ("Aides said the leaders voiced support for a ceasefire in the north.", "m1"),
    ("Aides said farmers voiced support for a ceasefire in the north.", None),
    ("Aides said Quiroga will raise taxes.", None),
])
def test_raising_with_a_participant_or_voicing_support_is_on_the_agenda(second, linked):
    text = "President Marta Quiroga will meet President Tomas Ferreira in Lima on Monday. " + second
    assert [s.meeting for s in extract(text).statements] == [linked]


# ---------------------------------------------------------------- place spans
@pytest.mark.parametrize(("text", "place"), [
    ("President Marta Quiroga will meet President Tomas Ferreira in Washington, D.C. on Monday.", "Washington, D.C."),
    ("President Marta Quiroga will meet President Tomas Ferreira in Washington, D.C.", "Washington, D.C."),
    ("President Marta Quiroga met President Tomas Ferreira in Lima.", "Lima"),
])
def test_a_place_keeps_its_district_abbreviation(text, place):
    assert [m.place.text for m in extract(text).meetings] == [place]


# ---------------------------------------------------------------- participants: 'her counterpart from Peru'
@pytest.mark.parametrize(("text", "expected"), [
    ("Minister Ana Lind will meet her counterpart from Peru on Monday.", ("meeting", "planned", {"ana lind", "peru"})),
    ("Minister Ana Lind held talks with her counterparts in Peru and Chile on Monday.", ("talks", "held", {"ana lind", "peru", "chile"})),
    # the counterpart named: the person, not the country
    ("Minister Ana Lind will meet her counterpart from Russia, Sergey Lavrov, on Monday.", ("meeting", "planned", {"ana lind", "sergey lavrov"})),
    # a region is no country
    ("Minister Ana Lind met with her counterparts in the region.", ("meeting", "held", {"ana lind"})),
])
def test_counterparts_from_a_country_are_that_country(text, expected):
    assert _only(text) == expected


# ---------------------------------------------------------------- ongoing talks are held
@pytest.mark.parametrize(("text", "status"), [
    ("Diplomats of Chile and Peru are to convene in Lima on Wednesday to plan their approach in the long-running talks with Bolivia.", "held"),
    ("The ongoing negotiations between Chile and Bolivia resumed in Lima.", "held"),
    ("Chile and Bolivia will hold a long-awaited round of talks in Lima next week.", "planned"),
])
def test_ongoing_or_long_running_talks_are_held(text, status):
    talks = [m for m in extract(text).meetings if m.type == "talks"]
    assert [m.status for m in talks] == [status]


# ---------------------------------------------------------------- 'it' judged as an event
@pytest.mark.parametrize(("second", "linked"), [
    ("An aide said it was very productive.", "m1"),
    ("An aide said it went well.", "m1"),
    ("An aide said it lasted three hours.", "m1"),
    ("An aide said it was a good first step.", "m1"),
    ("An aide said it was important to act.", None),
    ("An aide said it was good news for farmers.", None),
    ("An aide said it would supply more copper.", None),
])
def test_it_with_an_event_predicate_refers_to_the_meeting_before(second, linked):
    document = extract("President Marta Quiroga met President Tomas Ferreira in Lima on Monday. " + second)
    assert [s.meeting for s in document.statements] == [linked]


# ---------------------------------------------------------------- participants: 'we' answering reporters
@pytest.mark.parametrize(("answer", "expected"), [
    ("Yes, we still have regular discussions with Peru about the border.", ("talks", "held", {"united states", "peru"})),
    ("Yes, I still have regular discussions with Peru about the border.", ("talks", "held", {"antony blinken", "peru"})),
])
def test_we_answering_reporters_is_the_speakers_country(answer, expected):
    document = extract(f"Q Are you talking to Peru about the border?\nSECRETARY BLINKEN: {answer}\n", year=2022)
    assert [(m.type, m.status, {name_key(p.name) for p in m.participants}) for m in document.meetings] == [expected]


def test_we_between_two_speakers_is_both():
    document = extract("SECRETARY BLINKEN: Annalena, we met in Lima last year.\nFOREIGN MINISTER BAERBOCK: Yes, Tony.\n", year=2022)
    assert [{name_key(p.name) for p in m.participants} for m in document.meetings] == [{"antony blinken", "annalena baerbock"}]


# ---------------------------------------------------------------- participants: ', as well as' a name
@pytest.mark.parametrize(("text", "expected"), [
    ("Minister Ana Lind met with Minister Jorge Paz, as well as Minister Tomas Ferreira.", {"ana lind", "jorge paz", "tomas ferreira"}),
    ("Minister Ana Lind met with Minister Jorge Paz, as well as visiting the port.", {"ana lind", "jorge paz"}),
])
def test_as_well_as_a_name_continues_the_list_of_those_met(text, expected):
    assert _only(text) == ("meeting", "held", expected)


# ---------------------------------------------------------------- participants: who hosts a visit a directive proposes
@pytest.mark.parametrize(("text", "expected"), [
    ("President Marta Quiroga invited Minister Ana Lind to visit Chile.", {"ana lind", "marta quiroga"}),
    ("President Marta Quiroga asked Minister Ana Lind to travel to Peru.", {"ana lind", "peru"}),
    ("Secretary Ana Lind: President Marta Quiroga asked me to travel to Peru because the two countries matter.", {"ana lind", "peru"}),
])
def test_only_an_inviting_directive_makes_its_speaker_the_host(text, expected):
    mtype, _, names = _only(text)
    assert (mtype, names) == ("visit", expected)


# ---------------------------------------------------------------- participants: 'between X and <group> seeking ...'
@pytest.mark.parametrize(("text", "expected"), [
    ("The talks will focus on negotiations between Peru and four nations seeking a deal on fishing.", {"peru", "four nations"}),
    ("There were talks between Peru's envoy and rebel farmers fighting for water.", {"peru's envoy", "rebel farmers"}),
    ("Officials held talks between Peru and Chile concerning the border.", {"peru", "chile"}),
])
def test_a_participle_ends_the_second_group_of_a_between_pair(text, expected):
    assert _only(text)[2] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The 2024 G20 summit opened in Rio today. Leaders recalled the promises of the 2019 G20 summit.", 2),
    ("The 2024 G20 summit opened in Rio today. The summit ends on Friday.", 1),
    ("In 2019 the leaders of the G20 held a summit in Osaka.", 1),  # a year that is no part of the name
])
def test_events_of_different_years_are_different_events(text, expected):
    assert len(_summary(text)) == expected


def test_a_meeting_noun_governed_by_attending_looks_back_past_a_long_account():
    text = ("Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday. Blinken praised the weather. Netanyahu spoke about "
            "fishing. The two laughed. Reporters waited outside. It rained in the evening. "
            "Neither U.S. nor Israeli aides offered any account of what happened in the meeting.")
    assert _summary(text) == [("meeting", "held", {"antony blinken", "benjamin netanyahu"})]


# ---------------------------------------------------------------- coordinated time expressions are one
@pytest.mark.parametrize(("text", "time"), [
    ("President Marta Quiroga will meet President Tomas Ferreira this Wednesday, tomorrow, and Thursday.", "this Wednesday, tomorrow, and Thursday"),
    ("President Marta Quiroga will meet President Tomas Ferreira tomorrow, Monday, in Lima.", "tomorrow, Monday"),
    ("President Marta Quiroga will meet President Tomas Ferreira on Monday and Tuesday.", "Monday and Tuesday"),
    ("President Marta Quiroga met President Tomas Ferreira on Monday, the ministry said on Tuesday.", "Monday"),
])
def test_coordinated_time_expressions_are_one_time(text, time):
    assert [m.time.text for m in extract(text).meetings] == [time]


# ---------------------------------------------------------------- a leading phrase of purpose or occasion is background
@pytest.mark.parametrize("lead", ["to follow up on the call with President Tomas Ferreira",
                                  "ahead of the summit with President Tomas Ferreira"])
def test_a_content_is_about_the_meeting_of_its_main_clause_not_of_a_leading_phrase(lead):
    text = f"President Marta Quiroga told reporters that, {lead}, her adviser Ana Lind would travel to Lima next week."
    document = extract(text)
    (statement,) = document.statements
    meeting = next(m for m in document.meetings if m.id == statement.meeting)
    assert (meeting.type, meeting.status) == ("visit", "planned")


@pytest.mark.parametrize(("second", "expected"), [
    ("President Tomas Ferreira said Peru was ready to take part in it.", ("m1", "proposed")),
    ("President Tomas Ferreira said Peru was ready to buy more copper.", (None, None)),
])
def test_readiness_to_take_part_after_a_meeting_word_is_about_that_meeting(second, expected):
    document = extract("President Marta Quiroga proposed an Andean summit in Lima. " + second)
    assert [(s.meeting, s.meeting_status) for s in document.statements] == [expected]


@pytest.mark.parametrize(("text", "time"), [
    ("On the 5 January, the Foreign Minister Ana Lind met President Tomas Ferreira in Lima.", "the 5 January"),
    ("Ana Lind will meet President Tomas Ferreira in Lima on the 21st of March.", "the 21st of March"),
    ("Ana Lind will meet President Tomas Ferreira in Lima on 21 March.", "21 March"),
])
def test_a_day_first_date_keeps_its_article_as_written(text, time):
    assert [m.time.text for m in extract(text).meetings] == [time]
