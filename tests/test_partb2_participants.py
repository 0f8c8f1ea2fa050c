"""Meeting participants on briefings (issue 14, helper partb2): each test an invented text with the participants it must give."""

from __future__ import annotations

import pytest

from tests.extracted import participant_names


def test_partb2_role_noun_inside_a_rejected_role_match_is_resolved():
    # 'the discussions the President' reads first as 'the' + two modifiers + a title, which is rejected;
    # the role noun inside it is then tried on its own and is the briefer's President of that year
    text = ("Q Would you describe the discussions the President had on Monday with the leaders of Peru and Chile?\n"
            "MS. PSAKI: They were constructive, and he will say more later.\n")
    assert participant_names(text, year=2021) == [["Joe Biden", "Peru", "Chile"]]


@pytest.mark.parametrize(("text", "expected"), [
    # the person after the noun held the talks; the counterparts follow the verb of holding
    ("Reporters asked about the discussions President Marta Quiroga had with the leaders of Peru and Chile last week.",
     [["Marta Quiroga", "Peru", "Chile"]]),
    ("The talks that President Marta Quiroga held with Peru were useful, officials said.", [["Marta Quiroga", "Peru"]]),
    # no verb of holding: the person is the one the talks were with, as before
    ("The talks with President Marta Quiroga were useful, officials said.", [["Marta Quiroga"]]),
])
def test_partb2_person_after_a_meeting_noun_then_a_verb_of_holding_holds_it(text, expected):
    assert participant_names(text, year=2021) == expected


@pytest.mark.parametrize("comma", ["", ","])
def test_partb2_speaker_right_after_a_meeting_noun_reports_it(comma):
    text = ("President Marta Quiroga met Foreign Minister Tomas Ferreira in Lima. "
            f"Speaking after the meeting{comma} Foreign Minister Ana Sousa said the talks were useful.")
    assert participant_names(text, year=2021) == [["Marta Quiroga", "Tomas Ferreira"]]


@pytest.mark.parametrize(("text", "expected"), [
    # 'them' after 'talks with' is the country named before, not in the possessive ('Chile's ports')
    (("Q Did you get assurances from Peru that they will not close Chile's ports?\n"
     "MS. ORTA: This is their decision. We have had further discussions with them on this.\n"), [["Peru"]]),
    ("Q Has Peru asked for sanctions relief in your talks with them?\nMR. ORTA: No.\n", [["Peru"]]),
    # people named in those sentences: 'them' may be they, and the meeting before is read as before
    (("President Marta Quiroga met President Tomas Ferreira of Peru on Monday. "
     "Officials from Chile said more talks with them would follow in May."),
     [["Marta Quiroga", "Tomas Ferreira"], ["Marta Quiroga", "Tomas Ferreira"]]),
])
def test_partb2_them_after_a_meeting_words_with_is_the_body_named_before(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the repeated words' dashes are self-repairs: the subject and the counterparts are in the trigger's clause
    (("Q Is there news from the region?\nMS. ORTA: We saw Foreign Minister Ana Sousa having — having useful "
     "conversations with — with her counterparts in Peru.\n"), [["Ana Sousa", "Peru"]]),
    # a dash before other words still ends the clause
    ("Q Is there news from the region?\nMS. ORTA: Foreign Minister Ana Sousa held talks — the first in years — with Peru.\n",
     [["Ana Sousa"]]),
])
def test_partb2_self_repair_dash_bounds_no_clause(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a question's opening word is neither the acronym WHO nor a name
    ("Q Who will travel to Lima next week?\nMS. ORTA: The Secretary will.\n", [["Peru"]]),
    ("Q Who is going to meet the Peruvian delegation?\nMS. ORTA: The Secretary.\n", [["Peru"]]),
    ("Q Any travel to report?\nMS. ORTA: Not yet.\n", []),
    # the acronym in capitals is the organisation
    ("The head of the WHO met Peru's health minister.", [["WHO"]]),
])
def test_partb2_question_openers_are_no_participants(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a dotted abbreviation before a word that opens sentences ends the sentence too
    (("Chile hosted the first meeting of the Chile-Peru Water Commission in Washington, D.C. The Director of the Office, "
     "Ana Sousa, opened it by praising President Marta Quiroga."),
     ["Chile hosted the first meeting of the Chile-Peru Water Commission in Washington, D.C.",
      "The Director of the Office, Ana Sousa, opened it by praising President Marta Quiroga."]),
    ("Talks with the U.S. The minister left.", ["Talks with the U.S.", "The minister left."]),
    # before any other capitalised word it stays inside the sentence
    ("The U.S. Secretary of State met President Marta Quiroga.", ["The U.S. Secretary of State met President Marta Quiroga."]),
])
def test_partb2_dotted_abbreviation_before_a_sentence_opener_ends_the_sentence(text, expected):
    from diplo_cli.language.lexicons import default_lexicon
    from diplo_cli.text.segment import segment_sentences

    assert [text[s.start:s.end] for s in segment_sentences(text, default_lexicon())] == expected


def test_partb2_meeting_before_a_split_abbreviation_keeps_its_own_participants():
    text = ("Chile hosted the first meeting of the Chile-Peru Water Commission in Washington, D.C. The Director of the Office, "
            "Ana Sousa, opened it by praising President Marta Quiroga.")
    assert participant_names(text, year=2022) == [["Chile", "Peru"]]


@pytest.mark.parametrize(("text", "expected"), [
    # 'He' in the answer is the one the question asks about, named first in it
    ("Q What did Secretary Blinken discuss with Foreign Minister Ana Sousa?\nMR. PRICE: He met with her yesterday in Lima.\n",
     [["Antony Blinken", "Ana Sousa"]]),
    ("Q What did the Secretary discuss with Foreign Minister Ana Sousa?\nMR. PRICE: He met with her yesterday in Lima.\n",
     [["Antony Blinken", "Ana Sousa"]]),
    # the answer names a man before 'He': he is meant ('her' is the one the question named)
    (("Q What did Secretary Blinken discuss with Foreign Minister Ana Sousa?\nMR. PRICE: Ambassador Tomas Lind was in Lima too. "
     "He met with her yesterday.\n"), [["Tomas Lind", "Ana Sousa"]]),
])
def test_partb2_answer_pronoun_is_whom_the_question_asks_about(text, expected):
    assert participant_names(text, year=2022) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the one person after the named summit's 'with', of no country the lists know, stands for the other member
    (("On May 3, Prime Minister Fumio Kishida held a Japan-Peru Summit Meeting with Mr. Tomas Ferreira, "
     "President of the Republic of Peru."), ["Fumio Kishida", "Tomas Ferreira"]),
    # two people after it: which is whose, the lists do not say; the country stays
    ("On May 3, Prime Minister Fumio Kishida held a Japan-Peru Summit Meeting with Mr. Tomas Ferreira and Ms. Ana Sousa.",
     ["Fumio Kishida", "Peru"]),
    # nobody after 'with': the countries
    ("On May 3, Prime Minister Fumio Kishida held a Japan-Peru Summit Meeting.", ["Japan", "Peru"]),
])
def test_partb2_named_summit_with_mr_x_gives_the_person(text, expected):
    assert participant_names(text, year=2022)[0] == expected


def test_partb2_object_pronoun_is_never_the_speaker_label():
    # 'him' after the meeting verb is the one the question named, not the briefer whose label opens the line
    text = "Q Will the Secretary meet Defense Minister Tomas Lind in Lima?\nMR. PRICE: The Secretary will meet him on Saturday.\n"
    assert participant_names(text, year=2023) == [["Antony Blinken", "Tomas Lind"]]


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting noun used as a verb ('will call him') or with its 'with' ('a meeting with him') reads its object pronoun
    ("Chancellor Olaf Scholz arrived in Washington. Biden had a long meeting with him on Thursday.",
     [["Olaf Scholz", "United States"], ["Joe Biden", "Olaf Scholz"]]),
    # in an answer, 'him' may be the one the question named, two sentences back
    (("Q What about the call with Chancellor Scholz?\nMS. PSAKI: Nothing to add yet. Over the weekend things may change. "
     "The President will call him tomorrow.\n"), [["Olaf Scholz", "Joe Biden"]]),
])
def test_partb2_object_pronoun_of_a_meeting_noun_and_in_an_answer(text, expected):
    assert participant_names(text, year=2021) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the name that addresses the briefer is nobody who travels or meets
    ("Q Peter, is the Secretary traveling to Kyiv?\nMR. PRICE: Matt, I don't have travel to announce.\n",
     [["Antony Blinken", "Ukraine"]]),
    ("Q Thanks, Karine. Will the President meet Prime Minister Kishida?\nMS. JEAN-PIERRE: Yes.\n",
     [["Joe Biden", "Fumio Kishida"]]),
    # a full name after the vocative is named, and met
    ("Q Ana, will President Tomas Lind meet Ana Sousa?\nMS. ORTA: Yes.\n", [["Tomas Lind", "Ana Sousa"]]),
])
def test_partb2_vocative_names_nobody_who_meets(text, expected):
    assert participant_names(text, year=2022) == expected
