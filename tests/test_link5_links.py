"""Statements linked to a meeting by the link routes of helper link5 (meetings.link.agenda_speaker,
meetings.link.after_meeting). Every sentence here is invented for the test."""

from __future__ import annotations

from diplo_cli import extract


def _linked(text: str) -> dict[str, tuple[str, str]]:
    """Statement content -> (type, status) of the meeting it is linked to."""
    document = extract(text)
    meetings = {m.id: m for m in document.meetings}
    return {s.content.text: (meetings[s.meeting].type, meetings[s.meeting].status)
            for s in document.statements if s.meeting}


def _routes(text: str) -> list[str]:
    """The '... linked: ... [rule]' lines of every meeting's explanation."""
    return [line for meeting in extract(text).meetings for line in meeting.explain if " linked: " in line]


MET = "President Ana Lind of Chile met President Tomas Ferreira of Peru in Lima on Monday. "


def test_link5_participant_says_what_we_agreed():
    text = MET + '"We have agreed to open the border crossing," Lind told reporters.'
    assert _linked(text) == {"We have agreed to open the border crossing": ("meeting", "held")}
    assert _routes(text) == [("s1 linked: the speaker, a participant of 'met' before, says 'We have agreed to' "
                              "[meetings.link.agenda_speaker]")]


def test_link5_participant_first_person_singular_with_words_between():
    text = MET + "Ferreira said I have also raised with her the price of copper."
    assert _linked(text) == {"I have also raised with her the price of copper": ("meeting", "held")}


def test_link5_participant_we_discuss_a_planned_meeting():
    text = ("President Ana Lind of Chile will meet President Tomas Ferreira of Peru in Lima next week. "
            "Lind said we will discuss the border dispute.")
    assert _linked(text) == {"we will discuss the border dispute": ("meeting", "planned")}


def test_link5_non_participant_we_is_not_linked():
    text = MET + '"We have agreed to open the border crossing," the mayor of Tacna, Pedro Soto, told reporters.'
    assert _linked(text) == {}


def test_link5_we_not_subject_of_the_agenda_verb_is_not_linked():
    text = MET + "Lind said she prized the trust that we have built, allowing us to discuss any question."
    assert _linked(text) == {}


def test_link5_participant_we_without_an_agenda_verb_is_not_linked():
    text = MET + '"We will build a new port in Arica," Lind told reporters.'
    assert _linked(text) == {}


def test_link5_participant_we_too_far_from_the_meeting_is_not_linked():
    filler = "The harvest in the south was poor again this year, farmers in the valley noted. " * 20
    text = MET + filler + '"We have agreed to open the border crossing," Lind told reporters.'
    assert "We have agreed to open the border crossing" not in _linked(text)


TALKS = "President Ana Lind of Chile held talks with President Tomas Ferreira of Peru in Lima on Monday. "


def test_link5_after_the_talks_opening_the_sentence_links_the_report():
    text = TALKS + "After the talks, Lind told reporters that the border crossing would reopen in May."
    assert _linked(text) == {"the border crossing would reopen in May": ("talks", "held")}
    assert _routes(text) == ["s1 linked: said after 'talks' [meetings.link.after_meeting]"]


def test_link5_following_a_meeting_opening_the_sentence_links_the_report():
    text = ("President Ana Lind of Chile met President Tomas Ferreira of Peru in Lima on Monday. "
            "Following the meeting, a Chilean spokesman said the border crossing would reopen in May.")
    assert _linked(text) == {"the border crossing would reopen in May": ("meeting", "held")}


def test_link5_quote_said_after_talks_links_to_those_talks():
    text = ('"The border crossing will reopen in May," President Ana Lind of Chile told reporters '
            "after talks with President Tomas Ferreira of Peru in Lima.")
    assert _linked(text) == {"The border crossing will reopen in May": ("talks", "held")}


def test_link5_quote_said_after_meeting_someone_links_to_that_meeting():
    text = '"The border crossing will reopen in May," Lind said after meeting President Tomas Ferreira of Peru.'
    assert _linked(text) == {"The border crossing will reopen in May": ("meeting", "held")}


def test_link5_said_after_something_else_is_not_linked():
    text = TALKS + '"The border crossing will reopen in May," Lind told reporters after the storm.'
    assert _linked(text) == {}


def test_link5_after_arriving_is_a_stay_not_a_meeting_spoken_of():
    text = ("After arriving in Lima, President Ana Lind of Chile met President Tomas Ferreira of Peru "
            "and said the border crossing would reopen in May.")
    assert _linked(text) == {}


def test_link5_said_during_a_visit_is_left_unlinked():
    text = '"The border crossing will reopen in May," Lind said during a visit to Peru.'
    assert _linked(text) == {}


def test_link5_after_the_talks_with_the_content_before_a_later_cue_in_another_sentence():
    text = TALKS + 'After the talks, Lind flew home. "The border crossing will reopen in May," she said.'
    assert _linked(text) == {}


def test_a_statement_said_after_a_meeting_says_it_was_held():
    # the mention 'the call' asserts nothing itself; speaking after it presupposes it took place
    text = ("President Ana Lind and President Tomas Ferreira spoke by phone. "
            '"We agreed to keep talking," Lind told reporters after the call.')
    document = extract(text)
    (statement,) = document.statements
    assert (statement.meeting, statement.meeting_status) == ("m1", "held")




MAY_MEET = "President Ana Lind of Chile may meet President Tomas Ferreira of Peru next month. "


def test_link5_asked_about_the_meeting_opening_the_sentence():
    text = MAY_MEET + "Asked about the meeting, spokesman Pedro Soto said no date had been fixed."
    assert _linked(text) == {"no date had been fixed": ("meeting", "proposed")}
    assert _routes(text) == ["s1 linked: said asked about (or commenting on) 'meeting' [meetings.link.asked_about]"]


def test_link5_asked_whether_they_would_meet_opening_the_sentence():
    text = MAY_MEET + "Asked whether the two presidents would meet in Lima, spokesman Pedro Soto said no date had been fixed."
    assert _linked(text) == {"no date had been fixed": ("meeting", "proposed")}


def test_link5_commenting_on_the_talks_opening_the_sentence():
    text = ("President Ana Lind of Chile met President Tomas Ferreira of Peru on Monday. "
            "Commenting on the talks, spokesman Pedro Soto said the border would reopen.")
    assert _linked(text) == {"the border would reopen": ("meeting", "held")}


def test_link5_quote_said_when_asked_about_the_meeting():
    for text in (MAY_MEET + '"No date has been fixed," spokesman Pedro Soto said when asked about the meeting.',
                 MAY_MEET + '"No date has been fixed," spokesman Pedro Soto said, when asked about the meeting.'):
        assert _linked(text) == {"No date has been fixed": ("meeting", "proposed")}, text


def test_link5_asked_about_something_else_is_not_linked():
    assert _linked(MAY_MEET + "Asked about the harvest, spokesman Pedro Soto said no date had been fixed.") == {}
    assert _linked(MAY_MEET + '"No date has been fixed," spokesman Pedro Soto said when asked about the harvest.') == {}


SUMMIT = "The leaders of Chile and Peru will hold a summit next month. "


def test_link5_it_takes_place_refers_to_the_meeting_before():
    for content in ("it would take place in Lima", "it would be held in Lima", "it could happen in Lima",
                    "it is expected to go ahead despite the protests"):
        text = SUMMIT + f"Officials said {content}."
        assert _linked(text) == {content: ("summit", "planned")}, content
    assert _routes(SUMMIT + "Officials said it would take place in Lima.") == [
        "s1 linked: 'it ... take place' refers to 'summit' just before [meetings.link.anaphor]"]


def test_link5_it_with_another_predicate_is_not_linked():
    assert _linked(SUMMIT + "Officials said it would place more troops on the border.") == {}
    assert _linked(SUMMIT + "Officials said it happens to be a holiday in Lima.") == {}


def test_link5_participant_we_reaches_past_other_sentences_of_the_story():
    filler = "The harvest in the south was poor again this year, farmers in the valley noted. " * 8
    text = MET + filler + '"We have agreed to open the border crossing," Lind told reporters.'
    assert _linked(text) == {"We have agreed to open the border crossing": ("meeting", "held")}


CALL = "President Ana Lind of Chile will call President Tomas Ferreira of Peru next week. "


def test_link5_when_they_talk_after_the_cue_links_to_the_call_before():
    text = CALL + "Her spokesman said, when they do speak, that Lind would press hard on the border."
    assert _linked(text) == {"Lind would press hard on the border": ("call", "planned")}
    assert _routes(text) == ["s1 linked: 'when they do speak' refers to 'will call' before [meetings.link.when_they_meet]"]


def test_link5_when_the_two_leaders_meet_opening_the_content():
    text = ("President Ana Lind of Chile will visit Peru next month. "
            "Her spokesman said when the two leaders meet, Lind would raise the price of copper.")
    linked = _linked(text)
    assert list(linked.values()) == [("visit", "planned")]


def test_link5_when_they_arrive_is_no_meeting_verb():
    assert _linked(CALL + "Her spokesman said, when they do arrive, that Lind would press hard on the border.") == {}


def test_link5_when_they_talk_with_no_meeting_before_is_not_linked():
    assert _linked("Her spokesman said, when they do speak, that Lind would press hard on the border.") == {}


RESUMED = "Chile and Peru resumed talks on the border in Lima on Monday. "


def test_link5_keep_talking_goes_on_with_the_talks_before():
    text = RESUMED + "A Chilean negotiator said his side could not afford to keep talking while troops massed at the border."
    assert _linked(text) == {"his side could not afford to keep talking while troops massed at the border": ("talks", "held")}
    assert _routes(text) == [("s1 linked: 'keep talking' goes on with the talks 'talks' before "
                              "[meetings.link.going_on]")]


def test_link5_continue_negotiating_goes_on_with_the_talks_before():
    text = RESUMED + "Officials said both sides would continue negotiating next week."
    assert _linked(text) == {"both sides would continue negotiating next week": ("talks", "held")}


def test_link5_keep_talking_needs_talks_before():
    text = ("President Ana Lind of Chile will visit Peru next month. "
            "A Chilean negotiator said his side could not afford to keep talking while troops massed at the border.")
    assert _linked(text) == {}


def test_link5_talking_without_a_verb_of_going_on_is_not_linked():
    assert _linked(RESUMED + "A Chilean negotiator said his side was talking to farmers about the harvest.") == {}


SUMMIT_LIMA = "The leaders of Chile and Peru will hold a summit in Lima next month. "


def test_link5_a_meeting_named_only_after_before_dates_the_content():
    for content in ("the two countries hoped to sign the fishing deal before the summit",
                    "Peru wanted the troops withdrawn ahead of the Lima summit",
                    "the ports would reopen prior to the summit"):
        text = SUMMIT_LIMA + f"The Chilean minister said {content}."
        assert _linked(text) == {}, content


def test_link5_time_frame_is_traced():
    from diplo_cli.rules import Trace
    trace = Trace()
    text = SUMMIT_LIMA + "The Chilean minister said the two countries hoped to sign the fishing deal before the summit."
    extract(text, trace=trace)
    assert [(e.rule, e.action) for e in trace.events if e.rule == "meetings.link.time_frame"] == [
        ("meetings.link.time_frame", "vetoed")]


def test_link5_a_meeting_named_otherwise_still_links():
    assert _linked(SUMMIT_LIMA + "The Chilean minister said the summit would be short.") == {
        "the summit would be short": ("summit", "planned")}
    text = SUMMIT_LIMA + "The Chilean minister said the two countries hoped to sign the fishing deal at the summit."
    assert _linked(text) == {"the two countries hoped to sign the fishing deal at the summit": ("summit", "planned")}


def test_link5_a_framed_meeting_beside_another_mention_keeps_the_other():
    text = SUMMIT_LIMA + "The Chilean minister said President Ana Lind would meet President Tomas Ferreira before the summit."
    assert _linked(text) == {"President Ana Lind would meet President Tomas Ferreira before the summit": ("meeting", "planned")}


TALKS_NEXT = "Chile and Peru will hold talks on the border in Lima next week. "


def test_link5_a_participant_takes_part_in_the_meeting_before():
    for content in ("the navy would be a participant until the final session", "Bolivia would take part",
                    "Bolivia would participate as an observer", "Bolivia would be represented by its foreign minister"):
        text = TALKS_NEXT + f"A Chilean spokesman said {content}."
        assert _linked(text) == {content: ("talks", "planned")}, content


def test_link5_taking_part_in_something_else_is_not_linked():
    text = TALKS_NEXT + "A Chilean spokesman said the navy was taking part in a regatta off Arica."
    assert _linked(text) == {}


def test_link5_taking_part_with_no_meeting_before_is_not_linked():
    assert _linked("A Chilean spokesman said Bolivia would take part.") == {}


CALLED_OFF = "President Ana Lind of Chile has called off her trip to Lima. "


def test_link5_quoted_she_is_the_participant_of_the_trip_before():
    text = CALLED_OFF + '"She has chosen to remain in Santiago," her spokesman Pedro Soto said.'
    assert _linked(text) == {"She has chosen to remain in Santiago": ("visit", "cancelled")}
    assert _routes(text) == [("s1 linked: 'She' of the quotation is Ana Lind, of 'trip' just before "
                              "[meetings.link.quoted_pronoun]")]


def test_link5_reported_she_is_left_unlinked():
    assert _linked(CALLED_OFF + "Her spokesman Pedro Soto said she had chosen to remain in Santiago.") == {}


def test_link5_quoted_he_with_no_man_in_the_meeting_is_not_linked():
    text = ("Mrs. Maria Lopes of Chile has called off her trip to Lima. "
            '"He has chosen to remain in Santiago," her spokeswoman Ana Soto said.')
    assert "He has chosen to remain in Santiago" not in _linked(text)


def test_link5_quoted_she_two_sentences_after_the_meeting_is_not_linked():
    text = CALLED_OFF + "The harvest in the south was poor. " + '"She has chosen to remain in Santiago," her spokesman Pedro Soto said.'
    assert _linked(text) == {}


def test_link5_a_statement_said_after_a_meeting_takes_the_meeting_status():
    text = TALKS + '"The border crossing will reopen in May," Lind told reporters after the talks.'
    (statement,) = [s for s in extract(text).statements if s.meeting]
    assert (statement.meeting, statement.meeting_status) == ("m1", "held")


def test_a_statement_said_speaking_after_a_meeting_says_it_was_held():
    # 'Speaking after the call' links through meetings.link.speaking_after; the bare 'call' asserts nothing itself
    text = ('Speaking after the call with President Tomas Ferreira, Foreign Minister Ana Lind said: '
            '"We agreed to keep talking."')
    (statement,) = extract(text).statements
    assert (statement.meeting, statement.meeting_status) == ("m1", "held")
