"""Participants of meetings in briefing transcripts (helper partb3): invented examples, checked values."""

from __future__ import annotations

from diplo_cli import extract


def _participants(text: str, **options) -> list[tuple[str, list[str]]]:
    document = extract(text, **options)
    return [(m.type, sorted(p.name for p in m.participants)) for m in document.meetings]


def test_briefer_we_holding_talks_with_a_country_is_the_government():
    text = ("Q Are you talking to Peru about the dam?\n"
            "MS. PSAKI: We are still holding discussions with the Peruvians about the dam.\n")
    assert _participants(text, document_date="2021-05-04") == [("talks", ["Peru", "United States"])]


def test_briefer_we_with_them_for_a_country_named_before():
    text = ("Q Has Peru given you any assurances about the dam?\n"
            "MS. PSAKI: We are still having talks with them about the dam.\n")
    assert _participants(text, document_date="2021-05-04") == [("talks", ["Peru", "United States"])]


def test_briefer_we_that_expects_others_to_meet_is_no_side():
    text = ("Q Are you talking to Peru about the dam?\n"
            "MS. PSAKI: We expect the President to have discussions with the Peruvians.\n")
    assert _participants(text, document_date="2021-05-04") == [("talks", ["Joe Biden", "Peru"])]


def test_our_counterparts_are_government_and_government():
    text = ("Q What came out of the talks?\n"
            "SECRETARY BLINKEN: The talks with our Chilean counterparts, Foreign Minister Alberto van Klaveren among them, "
            "were useful.\n")
    assert _participants(text, document_date="2023-05-04") == [("talks", ["Chile", "United States"])]


def test_his_counterparts_leave_the_speaker_out():
    text = "The talks with his Chilean counterparts were useful, the minister said."
    assert _participants(text, document_date="2023-05-04") == [("talks", ["Chile"])]


def test_meeting_asked_about_is_the_principals():
    text = ("Q What did the President say about the dam yesterday?\n"
            "MS. PSAKI: He said it matters.\n"
            "Q Does the dam feature in the meeting with President Tomas Ferreira?\n"
            "MS. PSAKI: I won't get ahead of it.\n")
    assert _participants(text, document_date="2021-05-04") == [("meeting", ["Joe Biden", "Tomas Ferreira"])]


def test_meeting_with_an_owner_asked_about_is_the_owners():
    text = ("Q What did the President say about the dam yesterday?\n"
            "MS. PSAKI: He said it matters.\n"
            "Q Does the dam feature in the Secretary's meeting with President Tomas Ferreira?\n"
            "MS. PSAKI: I won't get ahead of it.\n")
    assert _participants(text, document_date="2021-05-04") == [("meeting", ["Tomas Ferreira"])]


def test_perfect_in_a_temporal_clause_is_not_narration():
    from diplo_cli.rules import Trace

    trace = Trace()
    extract("Nothing is settled until Marta Quiroga and President Tomas Ferreira have had time to meet.", trace=trace)
    assert "meetings.status.temporal_perfect" in trace.rules()
    assert "meetings.status.narrated_past" not in trace.rules()
    trace = Trace()
    extract("Nothing is settled. Marta Quiroga and President Tomas Ferreira had time to meet.", trace=trace)
    assert "meetings.status.narrated_past" in trace.rules()


def test_an_ocean_word_is_no_part_of_a_persons_name():
    text = ("President Tomas Ferreira met Pacific Island officials in Lima on Monday. "
            "The Pacific Island leaders thanked him.")
    assert _participants(text, document_date="2022-05-04") == [("meeting", ["Pacific Island officials", "Tomas Ferreira"])]
    text = ("President Tomas Ferreira will host the U.S.-Pacific Island Summit in Lima. "
            "He will welcome the Pacific Island leaders on Monday.")
    assert _participants(text, document_date="2022-05-04") == [("summit", ["Tomas Ferreira"])]


def _visits(text: str) -> list[tuple[list[str], str | None]]:
    document = extract(text, document_date="2022-05-04")
    return [(sorted(p.name for p in m.participants), m.place.text if m.place else None) for m in document.meetings]


def test_trip_whose_legs_repeat_the_preposition_is_one_visit_per_destination():
    assert _visits("President Tomas Ferreira called off his trip to Peru and to Chile on Monday.") == [
        (["Peru", "Tomas Ferreira"], "Peru"), (["Chile", "Tomas Ferreira"], "Chile")]


def test_trip_to_a_plain_list_stays_one_visit():
    assert _visits("President Tomas Ferreira called off his trip to Peru and Chile on Monday.") == [
        (["Chile", "Peru", "Tomas Ferreira"], "Peru")]


def test_one_sided_talks_put_to_an_official_are_with_their_government():
    text = "Q Mr. Secretary, do you expect the Peruvians to negotiate seriously?\nSECRETARY BLINKEN: I do.\n"
    assert _participants(text, document_date="2023-05-04") == [("talks", ["Peru", "United States"])]
    text = "Q Mr. Secretary, do you expect the Peruvians to negotiate with Chile seriously?\nSECRETARY BLINKEN: I do.\n"
    assert _participants(text, document_date="2023-05-04") == [("talks", ["Chile", "Peru"])]
    assert _participants("The Peruvians want to negotiate seriously, officials said.") == [("talks", ["Peru"])]


def test_visit_of_nobody_named_in_an_officials_turn_is_their_governments():
    text = "Q What about China?\nSECRETARY BLINKEN: Three secretaries went to China last month.\n"
    assert _participants(text, document_date="2023-05-04") == [("visit", ["China", "United States"])]
    assert _participants("Three secretaries went to China last month, officials said.") == [("visit", ["China"])]


def test_explain_names_the_first_visit_of_a_split_trip():
    from diplo_cli.explain import explain_text

    explanation = explain_text("President Tomas Ferreira called off his trip to Peru and to Chile on Monday.", "doc")
    rows = {c.row for c in explanation.candidates if c.stage == "meetings" and c.row}
    assert rows == {"m1"}
