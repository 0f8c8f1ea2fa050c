"""Meeting detection and grouping on transcript-style text (helper detb, issue 14): invented sentences, checked values."""

from tests.extracted import meeting_rows


def test_detb_m_discussions_from_a_titled_person_are_no_talks():
    text = ("There have been discussions from Prime Minister Marta Quiroga and President Tomas Ferreira about a border fund. "
            "We welcome that.")
    assert meeting_rows(text) == []


def test_detb_m_discussions_with_a_titled_person_stay_talks():
    found = meeting_rows("Chile held discussions with Prime Minister Marta Quiroga about a border fund on Monday.")
    assert [(kind, mentions) for kind, _, _, mentions in found] == [("talks", ["discussions"])]
    assert "Marta Quiroga" in found[0][2]


def test_detb_m_event_named_by_its_month_is_not_todays():
    found = meeting_rows("Today the Andean Community held a summit in Lima. It builds on the March Andean Community summit.")
    assert [(kind, names, mentions) for kind, _, names, mentions in found] == [
        ("summit", ["Andean Community"], ["summit"]), ("summit", ["Andean Community"], ["summit"])]


def test_detb_m_event_named_by_its_month_joins_an_undated_mention():
    found = meeting_rows("In Lima the Andean Community held a summit. It builds on the March Andean Community summit.")
    assert [(kind, names, mentions) for kind, _, names, mentions in found] == [("summit", ["Andean Community"], ["summit", "summit"])]


def test_detb_m_a_call_followed_up_on_is_held():
    found = meeting_rows("The envoys will follow up on the call between President Marta Quiroga and President Tomas Ferreira.")
    assert found == [("call", "held", ["Marta Quiroga", "Tomas Ferreira"], ["call"])]


def test_detb_m_trying_to_speak_to_a_titled_leader_again_is_another_call():
    found = meeting_rows("The envoys will follow up on the call between President Marta Quiroga and President Tomas Ferreira. "
                         "Will President Marta Quiroga try to speak to President Tomas Ferreira again?")
    assert [(kind, status, names) for kind, status, names, _ in found] == [
        ("call", "held", ["Marta Quiroga", "Tomas Ferreira"]), ("call", "unknown", ["Marta Quiroga", "Tomas Ferreira"])]
    assert found[1][3] == ["try to speak to"]


def test_detb_m_meeting_a_named_person_again_is_a_later_meeting():
    found = meeting_rows("President Marta Quiroga met President Tomas Ferreira in Lima on Monday. "
                         "Officials said Quiroga will meet Ferreira again in May.")
    assert [(status, names) for _, status, names, _ in found] == [
        ("held", ["Marta Quiroga", "Tomas Ferreira"]), ("planned", ["Marta Quiroga", "Tomas Ferreira"])]


def test_detb_m_wanting_to_talk_to_voters_is_no_call():
    assert meeting_rows("President Marta Quiroga wants to talk to voters in Lima next week.") == []


def test_detb_m_the_summit_after_a_forum_summit_is_that_summit():
    found = meeting_rows("Chancellor Tomas Ferreira will meet President Marta Quiroga at G20. "
                         "President Ana Lind said she will not come to the summit if Ferreira does.")
    assert [(kind, names, mentions) for kind, _, names, mentions in found] == [
        ("meeting", ["Tomas Ferreira", "Marta Quiroga"], ["meet"]), ("summit", ["G20"], ["G20", "summit"])]


def test_detb_m_a_summit_with_a_name_of_its_own_stays_apart_from_the_forum_summit():
    found = meeting_rows("Chancellor Tomas Ferreira will meet President Marta Quiroga at G20. "
                         "President Ana Lind said she will not come to the Andean summit if Ferreira does.")
    assert [mentions for _, _, _, mentions in found] == [["meet"], ["G20"], ["summit"]]


def test_detb_m_both_sides_are_the_sides_the_text_defined():
    found = meeting_rows("Chile and Brazil held talks in Santiago on Monday. "
                         "The shelling on both sides of the Peru-Ecuador border dispute must end. "
                         "Chile will host negotiations between both sides.")
    assert [(kind, names) for kind, _, names, _ in found] == [("talks", ["Chile", "Brazil"]), ("talks", ["Peru", "Ecuador"])]


def test_detb_m_both_sides_undefined_are_the_last_meetings_participants():
    found = meeting_rows("Chile and Brazil held talks in Santiago on Monday. Chile will host negotiations between both sides.")
    assert len(found) == 1
    assert found[0][2] == ["Chile", "Brazil"]


def test_detb_m_talks_someone_will_continue_to_facilitate_are_held():
    found = meeting_rows("Chile will continue facilitating negotiations between Peru and Ecuador.")
    assert found == [("talks", "held", ["Peru", "Ecuador"], ["negotiations"])]


def test_detb_m_the_meeting_a_call_replaces_is_the_same_peoples_and_cancelled():
    found = meeting_rows("Peru and Chile are meeting by video today instead of holding that in-person meeting in Lima.")
    assert [(kind, status, names) for kind, status, names, _ in found] == [
        ("call", "held", ["Peru", "Chile"]), ("meeting", "cancelled", ["Peru", "Chile"])]


def test_detb_m_a_virtual_meeting_after_a_restart_is_a_call():
    found = meeting_rows("Minister Ana Lind said we have a virtual mee- — meeting going on today with Peru and Chile.")
    assert [(kind, mentions) for kind, _, _, mentions in found] == [("call", ["meeting"])]
