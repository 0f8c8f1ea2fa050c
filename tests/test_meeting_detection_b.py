"""Meeting detection and grouping (issue 14, second pass): invented sentences, checked values."""

from diplo_cli.pipeline import extract
from tests.extracted import meeting_rows


def test_detb_indefinite_mention_of_one_side_is_another_event():
    found = meeting_rows("President Marta Quiroga and President Tomas Ferreira could hold a summit in Lima, officials said. "
                         "Quiroga spoke in Quito, where she is attending a regional summit.")
    assert found == [("summit", "proposed", ["Marta Quiroga", "Tomas Ferreira"], ["summit"]),
                     ("summit", "held", ["Marta Quiroga"], ["summit"])]


def test_detb_indefinite_after_light_verb_refers_to_the_same_visit():
    found = meeting_rows("There is no plan for President Tomas Ferreira to visit Lima. Ferreira will likely make a visit at some point.")
    assert len(found) == 1
    assert found[0][3] == ["visit", "visit"]


def test_detb_indefinite_purpose_of_a_trip_is_the_trip():
    found = meeting_rows("President Marta Quiroga travels to Peru today for a two-day visit with President Tomas Ferreira.")
    assert len(found) == 1
    assert found[0][0] == "visit"
    assert found[0][3] == ["travels to", "visit"]


def test_detb_question_your_call_is_the_answerers_call():
    text = ("Q Could you update us on your call with President Tomas Ferreira today?\n"
            "President Marta Quiroga: It was a most useful call.\n"
            "Q Thank you.\n"
            "Minister Ana Lind: Next question.\n")
    found = meeting_rows(text)
    assert found == [("call", "held", ["Marta Quiroga", "Tomas Ferreira"], ["call", "call"])]


def test_detb_question_about_the_call_does_not_make_the_answerer_a_party():
    text = ("Q Could you update us on the call with President Tomas Ferreira today?\n"
            "President Marta Quiroga: It was a most useful call.\n"
            "Q Thank you.\n"
            "Minister Ana Lind: Next question.\n")
    found = meeting_rows(text)
    assert [names for _, _, names, _ in found] == [["Tomas Ferreira"]]


def test_detb_broken_off_meeting_with_is_no_meeting():
    found = meeting_rows("President Marta Quiroga said: I'm meeting with — well, I'm talking to President Tomas Ferreira tomorrow.")
    assert found == [("call", "planned", ["Marta Quiroga", "Tomas Ferreira"], ["'m talking to"])]


def test_detb_abdullah_ii_is_named_as_the_guidelines_name_him():
    found = meeting_rows("President Tomas Ferreira held a call today with the king of Jordan.")
    assert found == [("call", "held", ["Tomas Ferreira", "Abdullah II"], ["call"])]


def test_detb_demonstrative_talks_are_the_talks_named_before():
    found = meeting_rows("Chile facilitated talks with the Peruvian delegation in Lima. "
                         "Chile thanks Minister Ana Lind for facilitating these important discussions in Lima.")
    assert found == [("talks", "held", ["Chile", "Peru"], ["talks", "discussions"])]


def test_detb_demonstrative_with_own_object_keeps_its_people():
    found = meeting_rows("Chile facilitated talks with the Peruvian delegation in Lima. "
                         "Minister Ana Lind welcomed these discussions with Minister Jorge Paz.")
    assert ["Ana Lind", "Jorge Paz"] in [names for _, _, names, _ in found]



def test_detb_conversations_with_is_a_meeting_trigger():
    found = meeting_rows("National Security Advisor Ana Lind had important conversations with her counterparts in Peru.")
    assert [(t, s) for t, s, _, _ in found] == [("meeting", "held")]
    assert found[0][3] == ["conversations with"]


def test_detb_invitation_to_address_a_legislature_is_a_proposed_visit():
    found = meeting_rows("Senator Ana Lind's invitation to President Tomas Ferreira to address Congress was criticised.")
    # the one invited visits the legislature, which hosts; the inviter does not take part (meetings.participant.addressed_body)
    assert found == [("visit", "proposed", ["Tomas Ferreira", "U.S. Congress"], ["to address"])]


def test_detb_invitation_to_address_a_topic_is_no_visit():
    assert meeting_rows("Senator Ana Lind's invitation to President Tomas Ferreira to address the housing crisis was criticised.") == []


def test_detb_bare_group_after_at_is_its_summit():
    found = meeting_rows("President Marta Quiroga will not meet President Tomas Ferreira at G20.")
    assert ("summit", ["G20"], ["G20"]) in [(t, names, words) for t, _, names, words in found]


def test_detb_group_modifying_a_noun_is_no_summit():
    assert meeting_rows("President Marta Quiroga spoke to G20 finance ministers in Lima.") == []
    found = meeting_rows("President Marta Quiroga arrived for the G20 summit in Lima.")
    assert [words for _, _, _, words in found] == [["summit"]]


def test_detb_citing_ends_the_clause_of_a_meeting():
    found = meeting_rows("Chile has called off next week's talks with Peru, citing a meeting in Quito between Peru's ambassador and rebel leaders.")
    assert found[0][:3] == ("talks", "cancelled", ["Chile", "Peru"])


def test_detb_a_place_beyond_the_clause_belongs_to_the_nearest_meeting_word():
    document = extract("Chile has called off next week's talks with Peru, citing a meeting in Quito between Peru's ambassador and rebel leaders. "
                       "The foreign ministers of Chile and Peru had been scheduled to meet next week in Lima.", "t")
    talks = document.meetings[0]
    assert (talks.type, talks.place.text, [x.text for x in talks.mentions]) == ("talks", "Lima", ["talks", "meet"])
    assert [p.name for p in talks.participants] == ["Chile", "Peru"]
