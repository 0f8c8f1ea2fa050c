"""Meeting detection and grouping (issue 14, helper det2): invented sentences, checked values."""

from diplo_cli.pipeline import extract
from diplo_cli.rules import Trace


def _meetings(text: str) -> list[tuple[str, str, list[str], str | None, list[str]]]:
    document = extract(text, "t")
    return [(m.type, m.status, [p.name for p in m.participants], m.time and m.time.text, [x.text for x in m.mentions])
            for m in document.meetings]


def test_det2_met_only_recently_is_not_the_meeting_held_today():
    found = _meetings("Minister Ana Lind said: Thank you for this meeting with President Tomas Ferreira today. "
                      "As we agreed when Ana Lind and Tomas Ferreira met only recently in Lima, we will keep in touch.")
    assert [(kind, status, time) for kind, status, _, time, _ in found] == [("meeting", "held", "today"),
                                                                         ("meeting", "held", "only recently")]


def test_det2_the_past_few_days_is_a_time_behind():
    found = _meetings("Over the past few days President Marta Quiroga held talks with President Tomas Ferreira.")
    assert [(status, time) for _, status, _, time, _ in found] == [("held", "the past few days")]


def test_det2_a_trip_to_come_does_not_take_a_time_behind_from_another_clause():
    found = _meetings("Marta Quiroga and Tomas Ferreira have met repeatedly in the past few months, "
                      "though this will be the first trip Quiroga makes to Peru.")
    assert [(kind, status, time) for kind, status, _, time, _ in found] == [("meeting", "held", "the past few months"),
                                                                         ("visit", "planned", None)]


def test_det2_a_trip_to_come_keeps_a_time_ahead_from_another_clause():
    found = _meetings("Next week, as the ministry announced, Marta Quiroga will make her first trip to Peru.")
    assert [(kind, status, time) for kind, status, _, time, _ in found] == [("visit", "planned", "Next week")]


def test_det2_a_summit_named_after_an_abbreviated_country_has_both_countries():
    found = _meetings("Prime Minister Ana Lind held a telephone talk with President Tomas Ferreira. "
                      "The two leaders coordinated their policies toward the upcoming U.S.-Norway Summit.")
    assert [(kind, names) for kind, _, names, _, _ in found] == [("call", ["Ana Lind", "Tomas Ferreira"]),
                                                                ("summit", ["United States", "Norway"])]


def test_det2_a_sentence_end_before_a_capitalised_summit_is_no_part_of_its_name():
    found = _meetings("The leaders met in Oslo. Summit preparations with President Tomas Ferreira began on Monday.")
    assert [(kind, names) for kind, _, names, _, _ in found] == [("meeting", ["leaders"]), ("summit", ["Tomas Ferreira"])]


def test_det2_names_in_the_predicate_of_a_definite_meeting_noun_do_not_take_part():
    found = _meetings("President Marta Quiroga held talks with President Tomas Ferreira on Monday. "
                      "The talks depend on whether Norway can get Chile to stop building.")
    assert [(kind, names, mentions) for kind, _, names, _, mentions in found] == [
        ("talks", ["Marta Quiroga", "Tomas Ferreira"], ["held talks", "talks"])]


def test_det2_a_definite_meeting_noun_damaging_relations_is_the_meeting_before():
    found = _meetings("President Marta Quiroga will host a meeting in Lima. The meeting could damage relations with Chile, the opposition said.")
    assert [(kind, status, names, mentions) for kind, status, names, _, mentions in found] == [
        ("meeting", "planned", ["Marta Quiroga"], ["meeting", "meeting"])]


def test_det2_a_predicate_that_says_who_takes_part_keeps_its_participants():
    for predicate in ("will include Chile", "will also be held with Chile", "were attended by Chile"):
        trace = Trace()
        extract(f"President Marta Quiroga held talks with President Tomas Ferreira on Monday. The talks {predicate}.", "t", trace=trace)
        assert "meetings.participant.subject_only" not in trace.rules(), predicate
    trace = Trace()
    extract("President Marta Quiroga held talks with President Tomas Ferreira on Monday. The talks will damage Chile.", "t", trace=trace)
    assert "meetings.participant.subject_only" in trace.rules()


def test_det2_a_stop_in_a_named_place_is_a_visit():
    document = extract("Before landing in Lima, President Marta Quiroga will make a stop in Quito, Ecuador, where she will mark the holiday.", "t")
    assert [(m.type, m.status, [p.name for p in m.participants], m.place.text) for m in document.meetings] == [
        ("visit", "planned", ["Marta Quiroga", "Ecuador"], "Quito")]


def test_det2_putting_a_stop_to_something_is_no_visit():
    assert _meetings("President Marta Quiroga vowed to put a stop to the smuggling in Quito.") == []


def test_det2_diplomats_convening_in_a_place_meet():
    document = extract("Senior diplomats of Chile and Peru are to convene in Lima on Wednesday to discuss tactics for the long-running talks with Bolivia.", "t")
    assert [(m.type, m.status, [p.name for p in m.participants], m.place.text, m.time and m.time.text) for m in document.meetings] == [
        ("meeting", "planned", ["Chile", "Peru"], "Lima", "Wednesday"),
        ("talks", "held", ["Chile", "Peru", "Bolivia"], "Lima", "Wednesday")]


def test_det2_a_parliament_convening_or_a_convened_session_is_no_meeting():
    assert _meetings("The parliament of Peru will convene on Monday to elect a speaker.") == []
    assert _meetings("This morning, President Marta Quiroga convened a video-teleconference from her office with her aides.") == []


def test_det2_a_restrictive_who_after_a_name_opens_the_clause_of_the_visit():
    found = _meetings("Last week I held discussions with President Tomas Ferreira and with Minister Ana Lind who visited Japan.")
    assert ("visit", "held", ["Ana Lind", "Japan"], "Last week", ["visited"]) in found


def test_det2_who_after_a_common_noun_opens_no_clause():
    assert _meetings("The man who met President Tomas Ferreira in Lima is a farmer.") == [
        ("meeting", "held", ["Tomas Ferreira"], None, ["met"])]


def test_det2_a_rescheduled_visit_is_called_off():
    found = _meetings("Although both sides had been preparing a visit by President Tomas Ferreira this spring, we have chosen to "
                      "reschedule it. Minister Ana Lind visited Peru last week.")
    assert found == [("visit", "cancelled", ["Tomas Ferreira"], "this spring", ["visit"]),
                     ("visit", "held", ["Ana Lind", "Peru"], "last week", ["visited"])]


def test_det2_deferred_talks_are_called_off():
    assert _meetings("The talks between Chile and Peru were deferred until May.")[0][:2] == ("talks", "cancelled")


def test_det2_a_trip_later_in_a_term_after_one_called_off_is_a_new_trip():
    found = _meetings("President Marta Quiroga called off her planned trip to Peru. She committed to travel to Peru later in her term.")
    assert found == [("visit", "cancelled", ["Marta Quiroga", "Peru"], None, ["trip"]),
                     ("visit", "planned", ["Marta Quiroga", "Peru"], "later in her term", ["travel to"])]


def test_det2_the_date_a_trip_called_off_had_is_the_same_trip():
    found = _meetings("President Marta Quiroga called off her planned trip to Peru. The trip to Peru had been scheduled for next week.")
    assert found == [("visit", "cancelled", ["Marta Quiroga", "Peru"], "next week", ["trip", "trip"])]


def test_det2_the_two_leaders_are_the_last_meeting_of_two_not_of_four():
    found = _meetings("President Marta Quiroga spoke by phone today with President Tomas Ferreira. Quiroga will also meet Minister "
                      "Ana Lind, Minister Luis Prado and Minister Eva Soto in Lima. The two leaders will hold talks with Bolivia.")
    talks = [names for kind, _, names, _, _ in found if kind == "talks"]
    assert [[n for n in names if n != "Bolivia"] for names in talks] == [["Marta Quiroga", "Tomas Ferreira"]]


def test_det2_talks_with_a_country_after_a_group_anaphor_keep_that_country():
    found = _meetings("President Marta Quiroga spoke by phone today with President Tomas Ferreira. "
                      "The two leaders will hold further negotiations with Bolivia.")
    assert found[1][:3] == ("talks", "planned", ["Marta Quiroga", "Tomas Ferreira", "Bolivia"])


def test_det2_a_group_that_speaks_of_talks_with_a_country_does_not_hold_them():
    found = _meetings("President Marta Quiroga spoke by phone today with President Tomas Ferreira. "
                      "The two leaders then consulted on the progress of the negotiations with Bolivia.")
    assert found[1][:3] == ("talks", "held", ["Bolivia"])


def test_det2_a_pronoun_in_a_reporters_question_is_the_person_the_question_names():
    text = ("MS. LIND: Well, Secretary Ferreira has spoken to many of the key issues today.\nSo, over to you.\n"
            "QUESTION: Could I begin by asking about Deputy Secretary Soto’s meetings in Egypt? People asked: "
            "“Why would he not meet with the Salafists?” And the reply said he met with many groups.\nMS. LIND: Correct.\n")
    # the meetings in Egypt name nobody met: Egypt is the other side (meetings.participant.host_country_in)
    assert _meetings(text) == [("meeting", "held", ["Soto", "Egypt"], None, ["meetings", "meet", "met"])]


def test_det2_conferring_with_an_official_is_a_meeting():
    assert _meetings("President Marta Quiroga conferred with President Tomas Ferreira in Lima on Monday.") == [
        ("meeting", "held", ["Marta Quiroga", "Tomas Ferreira"], "Monday", ["conferred with"])]


def test_det2_received_by_an_official_is_a_visit():
    assert _meetings("Minister Ana Lind was received by President Tomas Ferreira in Lima on Monday.") == [
        ("visit", "held", ["Ana Lind", "Tomas Ferreira", "Peru"], "Monday", ["was received by"])]
    assert _meetings("The proposal was well received by the farmers of Peru.") == []


def test_det2_leading_a_delegation_to_a_place_is_a_visit():
    assert _meetings("Minister Ana Lind will lead a trade delegation to Lima next week.") == [
        ("visit", "planned", ["Ana Lind", "Peru"], "next week", ["lead a trade delegation to"])]


def test_det2_an_official_who_will_be_in_a_place_pays_a_visit():
    assert _meetings("Secretary Ana Lind will be in Lima on Monday and Tuesday.") == [
        ("visit", "planned", ["Ana Lind", "Peru"], "Monday and Tuesday", ["will be in"])]
    assert _meetings("The talks will be in Geneva.") == []
    assert _meetings("The Summit will be in Lima next year.") == []


def test_det2_arriving_on_a_state_visit_is_one_visit():
    assert _meetings("President Marta Quiroga arrived in Lima on Monday on a state visit.") == [
        ("visit", "held", ["Marta Quiroga", "Peru"], "Monday", ["arrived in", "state visit"])]


def test_det2_this_past_week_and_a_day_earlier_are_times():
    assert _meetings("Minister Ana Lind met President Tomas Ferreira this past week in Lima.")[0][3] == "this past week"
    assert _meetings("After their meeting a day earlier, Minister Ana Lind thanked President Tomas Ferreira.")[0][3] == "a day earlier"
